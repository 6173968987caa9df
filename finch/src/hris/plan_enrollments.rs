//! `/employer/plans-enrollments` (beta): plan enrollments.

use crate::client::Finch;
use crate::operations::OperationFn;

/// `client.hris().plan_enrollments()` (beta; in no official SDK yet).
#[derive(Clone, Copy, Debug)]
pub struct PlanEnrollments<'a> {
    pub(crate) client: &'a Finch,
}

/// The operations this module declares, for the OpenAPI rendering and the conformance check.
pub(crate) const OPERATIONS: &[OperationFn] = &[];
