//! What `/employer/benefits*` replies: company benefits, supported benefits, enrollments and jobs.

use super::{CompanyContribution, EmployeeDeduction};
use crate::open_enum::open_enum;
use crate::shared::BatchBody;
use finch_macros::model;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A deduction or contribution the company offers.
#[model(Eq, required)]
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
    #[model(optional)]
    pub company_contribution: Option<BenefitCompanyMatchContribution>,
}

/// The company's match for a benefit: one to three tiers.
///
/// ```
/// use finch::hris::{BenefitCompanyMatchContribution, MatchTier};
/// // 100% of the first 3% of pay, then 50% of the next 2%.
/// let contribution = BenefitCompanyMatchContribution::new([MatchTier::new(10_000, 300), MatchTier::new(5_000, 500)]);
/// assert_eq!(
///     serde_json::to_value(&contribution)?,
///     serde_json::json!({"type": "match", "tiers": [{"match": 10000, "threshold": 300}, {"match": 5000, "threshold": 500}]}),
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(Eq)]
pub struct BenefitCompanyMatchContribution {
    /// The kind of contribution (`match`).
    #[serde(rename = "type")]
    pub contribution_type: CompanyMatchType,
    /// The match tiers (one to three).
    pub tiers: Vec<MatchTier>,
}

impl BenefitCompanyMatchContribution {
    /// A match with these tiers.
    pub fn new(tiers: impl IntoIterator<Item = MatchTier>) -> Self {
        BenefitCompanyMatchContribution {
            contribution_type: CompanyMatchType::Match,
            tiers: tiers.into_iter().collect(),
        }
    }
}

open_enum! {
    /// The kind of a company match.
    pub enum CompanyMatchType {
        /// A match of the employee's contribution.
        Match = "match",
    }
}

/// One tier of a company match: the company adds `match_` of the employee's contribution up to
/// `threshold` of pay.
#[model(Eq, Copy)]
pub struct MatchTier {
    /// The match, in basis points of the employee's contribution (1 to 10,000 = 0.01% to 100%).
    #[serde(rename = "match")]
    pub match_: i64,
    /// The threshold, in basis points of pay (1 to 10,000).
    pub threshold: i64,
}

impl MatchTier {
    /// A tier matching `match_` basis points up to `threshold` basis points of pay.
    pub fn new(match_: i64, threshold: i64) -> Self {
        MatchTier { match_, threshold }
    }
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

/// The job that creates, registers or updates a company benefit (the reply of
/// `POST /employer/benefits`, `POST /employer/benefits/register` and
/// `POST /employer/benefits/{benefit_id}`).
#[model(Eq)]
pub struct CompanyBenefitJob {
    /// The benefit's id.
    pub benefit_id: String,
    /// The job's id; follow it with the jobs endpoints.
    pub job_id: String,
}

/// The provider's supported benefits (`GET /employer/benefits/meta`). Finch may send `null` for
/// "none"; it reads as an empty list.
///
/// ```
/// let none: finch::hris::SupportedBenefits = serde_json::from_str("null")?;
/// assert!(none.0.is_empty());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SupportedBenefits(pub Vec<SupportedBenefit>);

impl Serialize for SupportedBenefits {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for SupportedBenefits {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Option::<Vec<SupportedBenefit>>::deserialize(deserializer)
            .map(|benefits| SupportedBenefits(benefits.unwrap_or_default()))
    }
}

/// A benefit type the provider supports, and which of its features.
#[model(Eq, required)]
pub struct SupportedBenefit {
    /// The type of benefit. Finch's examples send it though its schema does not list it, so it
    /// may be absent.
    #[serde(rename = "type")]
    #[model(optional)]
    pub benefit_type: Option<BenefitType>,
    /// The description.
    pub description: Option<String>,
    /// The frequencies the provider supports for this benefit.
    pub frequencies: Vec<Option<BenefitFrequency>>,
    /// The supported kinds of employee deduction; empty when deductions are not supported.
    pub employee_deduction: Option<Vec<Option<EmployeeDeductionType>>>,
    /// The supported kinds of company contribution; empty when contributions are not supported.
    pub company_contribution: Option<Vec<Option<CompanyContributionType>>>,
    /// Whether the provider supports an annual maximum.
    pub annual_maximum: Option<bool>,
    /// Whether the provider supports catch-up contributions (retirement benefits only).
    #[model(optional)]
    pub catch_up: Option<bool>,
    /// The supported HSA contribution limits; empty unless the benefit is an HSA.
    #[model(optional)]
    pub hsa_contribution_limit: Option<Vec<Option<HsaContributionLimit>>>,
}

open_enum! {
    /// A kind of employee deduction.
    pub enum EmployeeDeductionType {
        /// A fixed amount, in cents.
        Fixed = "fixed",
        /// A percentage of pay, in basis points.
        Percent = "percent",
    }
}

open_enum! {
    /// A kind of company contribution.
    pub enum CompanyContributionType {
        /// A fixed amount, in cents.
        Fixed = "fixed",
        /// A percentage of pay, in basis points.
        Percent = "percent",
        /// A match in tiers.
        Tiered = "tiered",
    }
}

open_enum! {
    /// Whose HSA contribution limit applies.
    pub enum HsaContributionLimit {
        /// The individual limit.
        Individual = "individual",
        /// The family limit.
        Family = "family",
    }
}

/// Who is enrolled in a benefit.
#[model(Eq)]
pub struct EnrolledIndividualIds {
    /// The benefit's id.
    pub benefit_id: String,
    /// The Finch ids of the enrolled individuals.
    pub individual_ids: Vec<String>,
}

/// The result for one individual of [`RetrieveIndividualBenefits`](super::RetrieveIndividualBenefits).
#[model]
pub struct IndividualBenefitResponse {
    /// The individual's Finch id.
    pub individual_id: String,
    /// The item's status (200, or the error's).
    pub code: u16,
    /// The enrollment, or the error for this individual.
    pub body: BatchBody<IndividualBenefit>,
}

/// An individual's enrollment in a benefit.
#[model(Eq, required)]
pub struct IndividualBenefit {
    /// What is deducted from the individual's pay.
    pub employee_deduction: Option<EmployeeDeduction>,
    /// What the company contributes.
    pub company_contribution: Option<CompanyContribution>,
    /// The annual maximum for this individual, in cents, if the benefit has one.
    pub annual_maximum: Option<i64>,
    /// Whether catch-up contributions are on (retirement benefits).
    pub catch_up: Option<bool>,
    /// Whose contribution limit applies (HSAs).
    #[model(optional)]
    pub hsa_contribution_limit: Option<HsaContributionLimit>,
}

/// The job that enrolls the individuals.
#[model(Eq)]
pub struct EnrolledIndividualsResponse {
    /// The job's id; follow it with the jobs endpoints.
    pub job_id: String,
}

/// The job that unenrolls the individuals.
#[model(Eq)]
pub struct UnenrolledIndividualsResponse {
    /// The job's id; follow it with the jobs endpoints.
    pub job_id: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn individual_benefit_errors_name_the_member_path() {
        let body = br#"[{"individual_id": "a", "code": 200, "body": {
            "employee_deduction": {"type": "fixed", "amount": 1.5},
            "company_contribution": null, "annual_maximum": null, "catch_up": null}}]"#;
        let error = finch_core::DecodeError::decode::<Vec<IndividualBenefitResponse>>(
            body,
            http::StatusCode::OK,
            None,
        )
        .unwrap_err();
        // serde's message is the error's source (and its `message`), not part of its `Display`.
        assert!(error.message.contains("in `amount`"), "{error}");
        assert!(error.to_string().contains("[0].body"), "{error}");
    }
}
