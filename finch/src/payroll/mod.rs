//! `client.payroll()`: pay groups and general-ledger items.

pub(crate) mod ledger_items;
pub(crate) mod pay_groups;

pub use ledger_items::*;
pub use pay_groups::*;

use crate::client::Finch;
use crate::handles::accessors;

/// `client.payroll()`.
#[derive(Clone, Copy, Debug)]
pub struct Payroll<'a> {
    pub(crate) client: &'a Finch,
}

impl<'a> Payroll<'a> {
    accessors! {
        /// `/employer/pay-groups*`.
        pub fn pay_groups(&self) -> PayGroups<'a>;

        /// `POST /employer/ledger-items` (beta).
        pub fn ledger_items(&self) -> LedgerItems<'a>;
    }
}
