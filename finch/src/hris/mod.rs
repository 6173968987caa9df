//! `client.hris()`: organization and payroll data (`/employer/*`).

mod benefits;
mod company;
mod directory;
mod employment;
mod individuals;

pub use benefits::{
    BenefitCompanyMatchContribution, BenefitFrequency, BenefitIndividuals, BenefitType, Benefits,
    CompanyBenefit, MatchTier, RetrieveBenefit, UnenrollIndividuals, UnenrolledIndividualsResponse,
};
pub use company::{
    AccountType, BankAccount, Company, CompanyEntity, CompanyResource, Department, EntitySubtype,
    EntityType, ParentDepartment, RetrieveCompany,
};
pub use directory::{
    Directory, DirectoryDepartment, DirectoryPage, IndividualInDirectory, ListDirectory,
};
pub use employment::{
    CustomField, EmploymentKind, EmploymentStatus, EmploymentSubtype, EmploymentType, FlsaStatus,
    Income, IncomeUnit,
};
pub use individuals::{
    Email, EmailType, Ethnicity, Gender, Individual, IndividualOptions, IndividualRequest,
    IndividualResponse, Individuals, IndividualsResponse, MaritalStatus, PhoneNumber, PhoneType,
    RetrieveIndividuals,
};

use crate::client::Finch;

/// `client.hris()`: organization and payroll data, grouped as the official SDKs group it.
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

    /// `/employer/benefits*`: deductions and contributions.
    pub fn benefits(&self) -> Benefits<'a> {
        Benefits {
            client: self.client,
        }
    }
}
