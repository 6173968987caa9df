//! `/employer/benefits*`: company deductions and contributions, and who is enrolled.

use crate::client::Finch;
use crate::operations::{Operation, OperationFn};
use crate::open_enum::open_enum;
use crate::{Error, finch_endpoint};
use serde::{Deserialize, Serialize};

/// Read one company benefit (`GET /employer/benefits/{benefit_id}`).
///
/// ```
/// let request = finch::hris::RetrieveBenefit::new("6547e3aa-d887-4a77-bd41-17221e17cce3");
/// ```
#[finch_endpoint(GET "/employer/benefits/{benefit_id}", response = CompanyBenefit)]
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetrieveBenefit {
    /// The benefit's id.
    #[finch(path)]
    pub benefit_id: String,
    /// The entity to read, for connections with several (exactly one id).
    #[finch(query)]
    pub entity_ids: Option<Vec<String>>,
}

impl RetrieveBenefit {
    /// A request for the benefit `benefit_id`.
    pub fn new(benefit_id: impl Into<String>) -> Self {
        RetrieveBenefit {
            benefit_id: benefit_id.into(),
            entity_ids: None,
        }
    }

    /// Reads the entity `entity_id`.
    pub fn entity_id(mut self, entity_id: impl Into<String>) -> Self {
        self.entity_ids = Some(vec![entity_id.into()]);
        self
    }
}

/// Unenroll individuals from a benefit (`DELETE /employer/benefits/{benefit_id}/individuals`,
/// with a JSON body).
///
/// ```
/// let request = finch::hris::UnenrollIndividuals::new("6547e3aa", ["5d0b10a1"]);
/// ```
#[finch_endpoint(DELETE "/employer/benefits/{benefit_id}/individuals", response = UnenrolledIndividualsResponse)]
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct UnenrollIndividuals {
    /// The benefit's id.
    #[finch(path)]
    pub benefit_id: String,
    /// The individuals to unenroll.
    pub individual_ids: Option<Vec<String>>,
    /// The entity to write, for connections with several (exactly one id).
    #[finch(query)]
    pub entity_ids: Option<Vec<String>>,
}

impl UnenrollIndividuals {
    /// Unenrolls `individual_ids` from the benefit `benefit_id`.
    pub fn new<I, S>(benefit_id: impl Into<String>, individual_ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        UnenrollIndividuals {
            benefit_id: benefit_id.into(),
            individual_ids: Some(individual_ids.into_iter().map(Into::into).collect()),
            entity_ids: None,
        }
    }

    /// Writes to the entity `entity_id`.
    pub fn entity_id(mut self, entity_id: impl Into<String>) -> Self {
        self.entity_ids = Some(vec![entity_id.into()]);
        self
    }
}

/// A deduction or contribution the company offers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CompanyBenefit {
    /// The benefit's id.
    pub benefit_id: String,
    /// The type of benefit.
    #[serde(rename = "type")]
    pub benefit_type: Option<BenefitType>,
    /// The description.
    pub description: Option<String>,
    /// How often it is deducted or contributed.
    pub frequency: Option<BenefitFrequency>,
    /// The company's match, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_contribution: Option<BenefitCompanyMatchContribution>,
}

/// The company's match for a benefit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BenefitCompanyMatchContribution {
    /// The kind of contribution (`match`).
    #[serde(rename = "type")]
    pub contribution_type: String,
    /// The match tiers (one to three).
    pub tiers: Vec<MatchTier>,
}

/// One tier of a company match.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MatchTier {
    /// The match, in basis points of the employee's contribution.
    #[serde(rename = "match")]
    pub match_: i64,
    /// The threshold, in basis points of pay.
    pub threshold: i64,
}

open_enum! {
    /// The type of a benefit.
    pub enum BenefitType {
        /// 457 plan.
        B457 = "457",
        /// 401(k).
        B401k = "401k",
        /// Roth 401(k).
        B401kRoth = "401k_roth",
        /// 401(k) loan.
        B401kLoan = "401k_loan",
        /// 403(b).
        B403b = "403b",
        /// Roth 403(b).
        B403bRoth = "403b_roth",
        /// Roth 457.
        B457Roth = "457_roth",
        /// Commuter.
        Commuter = "commuter",
        /// Custom post-tax.
        CustomPostTax = "custom_post_tax",
        /// Custom pre-tax.
        CustomPreTax = "custom_pre_tax",
        /// Dependent care FSA.
        FsaDependentCare = "fsa_dependent_care",
        /// Medical FSA.
        FsaMedical = "fsa_medical",
        /// Post-tax HSA.
        HsaPost = "hsa_post",
        /// Pre-tax HSA.
        HsaPre = "hsa_pre",
        /// Section 125 dental.
        S125Dental = "s125_dental",
        /// Section 125 medical.
        S125Medical = "s125_medical",
        /// Section 125 vision.
        S125Vision = "s125_vision",
        /// SIMPLE.
        Simple = "simple",
        /// SIMPLE IRA.
        SimpleIra = "simple_ira",
    }
}

open_enum! {
    /// How often a benefit is deducted or contributed.
    pub enum BenefitFrequency {
        /// Every paycheck.
        EveryPaycheck = "every_paycheck",
        /// Monthly.
        Monthly = "monthly",
        /// Once.
        OneTime = "one_time",
    }
}

/// The job that unenrolls the individuals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct UnenrolledIndividualsResponse {
    /// The job's id; follow it with the jobs endpoints.
    pub job_id: String,
}

/// `client.hris().benefits()`.
#[derive(Clone, Copy, Debug)]
pub struct Benefits<'a> {
    pub(crate) client: &'a Finch,
}

impl<'a> Benefits<'a> {
    /// Reads one benefit (`GET /employer/benefits/{benefit_id}`).
    ///
    /// ```
    /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
    /// let benefit = finch.hris().benefits().retrieve(finch::hris::RetrieveBenefit::new("6547e3aa")).await?;
    /// # Ok(()) }
    /// ```
    pub async fn retrieve(&self, request: RetrieveBenefit) -> Result<CompanyBenefit, Error> {
        self.client.send(&request).await
    }

    /// Who is enrolled in a benefit.
    pub fn individuals(&self) -> BenefitIndividuals<'a> {
        BenefitIndividuals {
            client: self.client,
        }
    }
}

/// `client.hris().benefits().individuals()`.
#[derive(Clone, Copy, Debug)]
pub struct BenefitIndividuals<'a> {
    pub(crate) client: &'a Finch,
}

impl BenefitIndividuals<'_> {
    /// Unenrolls individuals from a benefit (`DELETE /employer/benefits/{benefit_id}/individuals`).
    ///
    /// ```
    /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
    /// let job = finch.hris().benefits().individuals()
    ///     .unenroll_many(finch::hris::UnenrollIndividuals::new("6547e3aa", ["5d0b10a1"]))
    ///     .await?;
    /// println!("job {}", job.job_id);
    /// # Ok(()) }
    /// ```
    pub async fn unenroll_many(
        &self,
        request: UnenrollIndividuals,
    ) -> Result<UnenrolledIndividualsResponse, Error> {
        self.client.send(&request).await
    }
}

/// The operations this module declares, for the OpenAPI rendering and the conformance check.
pub(crate) const OPERATIONS: &[OperationFn] = &[Operation::of::<RetrieveBenefit>, Operation::of::<UnenrollIndividuals>];
