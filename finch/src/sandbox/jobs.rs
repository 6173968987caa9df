//! `/sandbox/jobs*`: run sandbox jobs and choose how they end.

use crate::client::Finch;
use crate::operations::OperationFn;

/// `client.sandbox().jobs()`.
#[derive(Clone, Copy, Debug)]
pub struct SandboxJobs<'a> {
    pub(crate) client: &'a Finch,
}

/// The operations this module declares, for the OpenAPI rendering and the conformance check.
pub(crate) const OPERATIONS: &[OperationFn] = &[];
