//! `/employer/pay-groups*`: pay groups.

use crate::client::Finch;
use crate::operations::OperationFn;

/// `client.payroll().pay_groups()`.
#[derive(Clone, Copy, Debug)]
pub struct PayGroups<'a> {
    pub(crate) client: &'a Finch,
}

/// The operations this module declares, for the OpenAPI rendering and the conformance check.
pub(crate) const OPERATIONS: &[OperationFn] = &[];
