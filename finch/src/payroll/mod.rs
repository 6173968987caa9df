//! `client.payroll()`: pay groups and general-ledger items.

pub(crate) mod ledger_items;
pub(crate) mod pay_groups;

pub use ledger_items::*;
pub use pay_groups::*;

use crate::client::Finch;

/// `client.payroll()`.
#[derive(Clone, Copy, Debug)]
pub struct Payroll<'a> {
    pub(crate) client: &'a Finch,
}

impl<'a> Payroll<'a> {
    /// `/employer/pay-groups*`.
    pub fn pay_groups(&self) -> PayGroups<'a> {
        PayGroups {
            client: self.client,
        }
    }

    /// `POST /employer/ledger-items` (beta).
    pub fn ledger_items(&self) -> LedgerItems<'a> {
        LedgerItems {
            client: self.client,
        }
    }
}
