//! `GET /jobs/manual/{job_id}`: jobs Finch's team runs for assisted connections.

use crate::client::Finch;
use crate::operations::OperationFn;

/// `client.jobs().manual()`.
#[derive(Clone, Copy, Debug)]
pub struct Manual<'a> {
    pub(crate) client: &'a Finch,
}

/// The operations this module declares, for the OpenAPI rendering and the conformance check.
pub(crate) const OPERATIONS: &[OperationFn] = &[];
