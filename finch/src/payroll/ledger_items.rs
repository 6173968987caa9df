//! `POST /employer/ledger-items` (beta): general-ledger items of payments.

use crate::client::Finch;
use crate::operations::OperationFn;

/// `client.payroll().ledger_items()` (beta; in no official SDK yet).
#[derive(Clone, Copy, Debug)]
pub struct LedgerItems<'a> {
    pub(crate) client: &'a Finch,
}

/// The operations this module declares, for the OpenAPI rendering and the conformance check.
pub(crate) const OPERATIONS: &[OperationFn] = &[];
