//! `PUT /sandbox/company`: replace a sandbox company's data.

use crate::client::Finch;
use crate::operations::OperationFn;

/// `client.sandbox().company()`.
#[derive(Clone, Copy, Debug)]
pub struct SandboxCompany<'a> {
    pub(crate) client: &'a Finch,
}

/// The operations this module declares, for the OpenAPI rendering and the conformance check.
pub(crate) const OPERATIONS: &[OperationFn] = &[];
