//! `PUT /sandbox/individual/{individual_id}`: change a sandbox individual.

use crate::client::Finch;
use crate::operations::OperationFn;

/// `client.sandbox().individual()`.
#[derive(Clone, Copy, Debug)]
pub struct SandboxIndividual<'a> {
    pub(crate) client: &'a Finch,
}

/// The operations this module declares, for the OpenAPI rendering and the conformance check.
pub(crate) const OPERATIONS: &[OperationFn] = &[];
