//! `/employer/plans-dependents` (beta): plan dependents.

use crate::client::Finch;
use crate::operations::OperationFn;

/// `client.hris().plan_dependents()` (beta; in no official SDK yet).
#[derive(Clone, Copy, Debug)]
pub struct PlanDependents<'a> {
    pub(crate) client: &'a Finch,
}

/// The operations this module declares, for the OpenAPI rendering and the conformance check.
pub(crate) const OPERATIONS: &[OperationFn] = &[];
