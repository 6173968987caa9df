//! `/employer/documents*`: tax documents (W-4s).

use crate::client::Finch;
use crate::operations::OperationFn;

/// `client.hris().documents()`.
#[derive(Clone, Copy, Debug)]
pub struct Documents<'a> {
    pub(crate) client: &'a Finch,
}

/// The operations this module declares, for the OpenAPI rendering and the conformance check.
pub(crate) const OPERATIONS: &[OperationFn] = &[];
