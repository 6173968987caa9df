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

use crate::client::Finch;

/// `client.hris()`.
#[derive(Clone, Copy, Debug)]
pub struct Hris<'a> {
    pub(crate) client: &'a Finch,
}

impl<'a> Hris<'a> {
    /// `GET /employer/company`.
    pub fn company(&self) -> CompanyResource<'a> {
        CompanyResource {
            client: self.client,
        }
    }

    /// `GET /employer/directory`.
    pub fn directory(&self) -> Directory<'a> {
        Directory {
            client: self.client,
        }
    }

    /// `POST /employer/individual`.
    pub fn individuals(&self) -> Individuals<'a> {
        Individuals {
            client: self.client,
        }
    }

    /// `POST /employer/employment`.
    pub fn employments(&self) -> Employments<'a> {
        Employments {
            client: self.client,
        }
    }

    /// `GET /employer/payment`.
    pub fn payments(&self) -> Payments<'a> {
        Payments {
            client: self.client,
        }
    }

    /// `POST /employer/pay-statement`.
    pub fn pay_statements(&self) -> PayStatements<'a> {
        PayStatements {
            client: self.client,
        }
    }

    /// `/employer/pay-statement-item*`.
    pub fn pay_statement_item(&self) -> PayStatementItem<'a> {
        PayStatementItem {
            client: self.client,
        }
    }

    /// `/employer/documents*`.
    pub fn documents(&self) -> Documents<'a> {
        Documents {
            client: self.client,
        }
    }

    /// `/employer/benefits*`: deductions and contributions.
    pub fn benefits(&self) -> Benefits<'a> {
        Benefits {
            client: self.client,
        }
    }

    /// `/employer/plans*` (beta).
    pub fn plans(&self) -> Plans<'a> {
        Plans {
            client: self.client,
        }
    }

    /// `/employer/plans-enrollments` (beta).
    pub fn plan_enrollments(&self) -> PlanEnrollments<'a> {
        PlanEnrollments {
            client: self.client,
        }
    }

    /// `/employer/plans-dependents` (beta).
    pub fn plan_dependents(&self) -> PlanDependents<'a> {
        PlanDependents {
            client: self.client,
        }
    }
}
