//! `PUT /sandbox/employment/{individual_id}`: change a sandbox individual's employment.

use crate::client::Finch;
use crate::operations::OperationFn;

/// `client.sandbox().employment()`.
#[derive(Clone, Copy, Debug)]
pub struct SandboxEmployment<'a> {
    pub(crate) client: &'a Finch,
}

/// The operations this module declares, for the OpenAPI rendering and the conformance check.
pub(crate) const OPERATIONS: &[OperationFn] = &[];
