//! `/employer/pay-statement-item*`: pay-statement items and the rules that label them.

use crate::client::Finch;
use crate::operations::OperationFn;

/// `client.hris().pay_statement_item()`.
#[derive(Clone, Copy, Debug)]
pub struct PayStatementItem<'a> {
    pub(crate) client: &'a Finch,
}

/// The operations this module declares, for the OpenAPI rendering and the conformance check.
pub(crate) const OPERATIONS: &[OperationFn] = &[];
