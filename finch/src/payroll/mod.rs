//! `client.payroll()`: pay groups and general-ledger items.

pub(crate) mod ledger_items;
pub(crate) mod pay_groups;

pub use ledger_items::*;
pub use pay_groups::*;

use crate::handles::handle;

handle! {
    /// `client.payroll()`.
    pub struct Payroll<'a> {
        /// `/employer/pay-groups*`.
        pub fn pay_groups(&self) -> PayGroups<'a>;

        /// `POST /employer/ledger-items` (beta).
        pub fn ledger_items(&self) -> LedgerItems<'a>;
    }
}
