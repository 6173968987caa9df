//! `client.hris()`: organization and payroll data (`/employer/*`), grouped as the official SDKs
//! group it.

pub(crate) mod benefits;
pub(crate) mod company;
pub(crate) mod directory;
pub(crate) mod documents;
pub(crate) mod employments;
pub(crate) mod individuals;
pub(crate) mod pay_statement_items;
pub(crate) mod pay_statements;
pub(crate) mod payments;
pub(crate) mod plan_dependents;
pub(crate) mod plan_enrollments;
pub(crate) mod plans;
pub(crate) mod roster;

pub use benefits::*;
pub use company::*;
pub use directory::*;
pub use documents::*;
pub use employments::*;
pub use individuals::*;
pub use pay_statement_items::*;
pub use pay_statements::*;
pub use payments::*;
pub use plan_dependents::*;
pub use plan_enrollments::*;
pub use plans::*;
pub use roster::*;

use crate::handles::handle;

handle! {
    /// `client.hris()`.
    pub struct Hris<'a> {
        /// `GET /employer/company`.
        pub fn company(&self) -> CompanyResource<'a>;

        /// `GET /employer/directory`.
        pub fn directory(&self) -> Directory<'a>;

        /// `POST /employer/individual`.
        pub fn individuals(&self) -> Individuals<'a>;

        /// `POST /employer/employment`.
        pub fn employments(&self) -> Employments<'a>;

        /// `GET /employer/payment`.
        pub fn payments(&self) -> Payments<'a>;

        /// `POST /employer/pay-statement`.
        pub fn pay_statements(&self) -> PayStatements<'a>;

        /// `/employer/pay-statement-item*`.
        pub fn pay_statement_item(&self) -> PayStatementItem<'a>;

        /// `/employer/documents*`.
        pub fn documents(&self) -> Documents<'a>;

        /// `/employer/benefits*`: deductions and contributions.
        pub fn benefits(&self) -> Benefits<'a>;

        /// `/employer/plans*` (beta).
        pub fn plans(&self) -> Plans<'a>;

        /// `/employer/plans-enrollments` (beta).
        pub fn plan_enrollments(&self) -> PlanEnrollments<'a>;

        /// `/employer/plans-dependents` (beta).
        pub fn plan_dependents(&self) -> PlanDependents<'a>;
    }
}
