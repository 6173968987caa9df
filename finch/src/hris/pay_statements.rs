//! `POST /employer/pay-statement`: pay statements of payments, in batches.

use crate::client::Finch;
use crate::operations::OperationFn;

/// `client.hris().pay_statements()`.
#[derive(Clone, Copy, Debug)]
pub struct PayStatements<'a> {
    pub(crate) client: &'a Finch,
}

/// The operations this module declares, for the OpenAPI rendering and the conformance check.
pub(crate) const OPERATIONS: &[OperationFn] = &[];
