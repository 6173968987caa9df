//! `/jobs/automated*`: data syncs and W-4 syncs Finch runs for you.

use crate::client::Finch;
use crate::operations::OperationFn;

/// `client.jobs().automated()`.
#[derive(Clone, Copy, Debug)]
pub struct Automated<'a> {
    pub(crate) client: &'a Finch,
}

/// The operations this module declares, for the OpenAPI rendering and the conformance check.
pub(crate) const OPERATIONS: &[OperationFn] = &[];
