//! `GET /employer/payment`: payroll and contractor payments.

use crate::client::Finch;
use crate::operations::OperationFn;

/// `client.hris().payments()`.
#[derive(Clone, Copy, Debug)]
pub struct Payments<'a> {
    pub(crate) client: &'a Finch,
}

/// The operations this module declares, for the OpenAPI rendering and the conformance check.
pub(crate) const OPERATIONS: &[OperationFn] = &[];
