//! `GET /providers`: the payroll and HRIS providers Finch supports.

use crate::client::Finch;
use crate::operations::OperationFn;

/// `client.providers()`.
#[derive(Clone, Copy, Debug)]
pub struct Providers<'a> {
    pub(crate) client: &'a Finch,
}

/// The operations this module declares, for the OpenAPI rendering and the conformance check.
pub(crate) const OPERATIONS: &[OperationFn] = &[];
