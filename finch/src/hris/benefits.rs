//! `/employer/benefits*`: company deductions and contributions, and who is enrolled.

use crate::client::Finch;
use crate::open_enum::open_enum;
use crate::operations::{Operation, OperationFn};
use crate::setters::setters;
use crate::shared::{BatchBody, CommaSeparated, Date, decode_buffered};
use crate::{Error, finch_endpoint};
use serde::de;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// List the company's deductions and contributions (`GET /employer/benefits`).
///
/// ```
/// let request = finch::hris::ListBenefits::new().entity_id("550e8400-e29b-41d4-a716-446655440000");
/// assert_eq!(request.entity_ids.as_deref().map(<[String]>::len), Some(1));
/// ```
#[finch_endpoint(GET "/employer/benefits", response = Vec<CompanyBenefit>)]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListBenefits {
    /// The entity to read, for connections with several (exactly one id).
    #[finch(query)]
    pub entity_ids: Option<Vec<String>>,
}

impl ListBenefits {
    /// A request for every benefit of the company.
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        /// Reads the entity `entity_id`.
        entity_id;
    }
}

/// Create a company-wide deduction or contribution (`POST /employer/benefits`). Which types a
/// provider supports is in `GET /providers`.
///
/// ```
/// use finch::hris::{BenefitCompanyMatchContribution, BenefitFrequency, BenefitType, CreateBenefit, MatchTier};
/// let request = CreateBenefit::new()
///     .benefit_type(BenefitType::B401k)
///     .description("401(k)")
///     .frequency(BenefitFrequency::EveryPaycheck)
///     .company_contribution(BenefitCompanyMatchContribution::new([MatchTier::new(10_000, 300)]));
/// assert_eq!(request.description.as_deref(), Some("401(k)"));
/// ```
#[finch_endpoint(POST "/employer/benefits", response = CompanyBenefitJob)]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct CreateBenefit {
    /// The type of benefit.
    #[finch(rename = "type")]
    pub benefit_type: Option<BenefitType>,
    /// The benefit's name as it appears in the provider and on pay statements (Finch recommends
    /// fewer than 30 characters: some providers cut longer names).
    pub description: Option<String>,
    /// How often it is deducted or contributed.
    pub frequency: Option<BenefitFrequency>,
    /// The company's match.
    pub company_contribution: Option<BenefitCompanyMatchContribution>,
    /// The entity to write, for connections with several (exactly one id).
    #[finch(query)]
    pub entity_ids: Option<Vec<String>>,
}

impl CreateBenefit {
    /// A request with nothing set yet.
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        /// Sets the type of benefit.
        benefit_type(benefit_type: BenefitType);
        /// Sets the benefit's name.
        description(description: impl Into<String>);
        /// Sets how often it is deducted or contributed.
        frequency(frequency: BenefitFrequency);
        /// Sets the company's match.
        company_contribution(contribution: BenefitCompanyMatchContribution);
        /// Writes to the entity `entity_id`.
        entity_id;
    }
}

/// List which benefit types the provider supports, and their features
/// (`GET /employer/benefits/meta`).
///
/// Finch's reference titles this endpoint "[Deprecated]" (without naming a replacement; the
/// `benefits_support` of `GET /providers` carries the same information); the official SDKs still
/// offer it.
///
/// ```
/// let request = finch::hris::ListSupportedBenefits::new();
/// assert_eq!(request.entity_ids, None);
/// ```
#[finch_endpoint(GET "/employer/benefits/meta", response = SupportedBenefits)]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListSupportedBenefits {
    /// The entity to read, for connections with several (exactly one id).
    #[finch(query)]
    pub entity_ids: Option<Vec<String>>,
}

impl ListSupportedBenefits {
    /// A request for the provider's supported benefits.
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        /// Reads the entity `entity_id`.
        entity_id;
    }
}

/// Register, on Finch's side, a benefit that already exists at the provider
/// (`POST /employer/benefits/register`; assisted connections).
///
/// ```
/// use finch::hris::{BenefitFrequency, BenefitType, RegisterBenefit};
/// let request = RegisterBenefit::new()
///     .benefit_type(BenefitType::HsaPre)
///     .description("HSA")
///     .frequency(BenefitFrequency::EveryPaycheck);
/// assert_eq!(request.benefit_type, Some(BenefitType::HsaPre));
/// ```
#[finch_endpoint(POST "/employer/benefits/register", response = CompanyBenefitJob)]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RegisterBenefit {
    /// The type of benefit.
    #[finch(rename = "type")]
    pub benefit_type: Option<BenefitType>,
    /// The benefit's name as it appears in the provider.
    pub description: Option<String>,
    /// How often it is deducted or contributed.
    pub frequency: Option<BenefitFrequency>,
    /// The entity to write, for connections with several (exactly one id).
    #[finch(query)]
    pub entity_ids: Option<Vec<String>>,
}

impl RegisterBenefit {
    /// A request with nothing set yet.
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        /// Sets the type of benefit.
        benefit_type(benefit_type: BenefitType);
        /// Sets the benefit's name.
        description(description: impl Into<String>);
        /// Sets how often it is deducted or contributed.
        frequency(frequency: BenefitFrequency);
        /// Writes to the entity `entity_id`.
        entity_id;
    }
}

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

    setters! {
        /// Reads the entity `entity_id`.
        entity_id;
    }
}

/// Rename a company benefit (`POST /employer/benefits/{benefit_id}`).
///
/// ```
/// let request = finch::hris::UpdateBenefit::new("6547e3aa").description("Retirement (401k)");
/// assert_eq!(request.description.as_deref(), Some("Retirement (401k)"));
/// ```
#[finch_endpoint(POST "/employer/benefits/{benefit_id}", response = CompanyBenefitJob)]
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdateBenefit {
    /// The benefit's id.
    #[finch(path)]
    pub benefit_id: String,
    /// The new name or description.
    pub description: Option<String>,
    /// The entity to write, for connections with several (exactly one id).
    #[finch(query)]
    pub entity_ids: Option<Vec<String>>,
}

impl UpdateBenefit {
    /// An update of the benefit `benefit_id` that changes nothing yet.
    pub fn new(benefit_id: impl Into<String>) -> Self {
        UpdateBenefit {
            benefit_id: benefit_id.into(),
            description: None,
            entity_ids: None,
        }
    }

    setters! {
        /// Sets the new name or description.
        description(description: impl Into<String>);
        /// Writes to the entity `entity_id`.
        entity_id;
    }
}

/// List the individuals enrolled in a benefit (`GET /employer/benefits/{benefit_id}/enrolled`).
///
/// ```
/// let request = finch::hris::ListEnrolledIndividualIds::new("6547e3aa");
/// assert_eq!(request.benefit_id, "6547e3aa");
/// ```
#[finch_endpoint(GET "/employer/benefits/{benefit_id}/enrolled", response = EnrolledIndividualIds)]
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListEnrolledIndividualIds {
    /// The benefit's id.
    #[finch(path)]
    pub benefit_id: String,
    /// The entity to read, for connections with several (exactly one id).
    #[finch(query)]
    pub entity_ids: Option<Vec<String>>,
}

impl ListEnrolledIndividualIds {
    /// A request for the individuals enrolled in `benefit_id`.
    pub fn new(benefit_id: impl Into<String>) -> Self {
        ListEnrolledIndividualIds {
            benefit_id: benefit_id.into(),
            entity_ids: None,
        }
    }

    setters! {
        /// Reads the entity `entity_id`.
        entity_id;
    }
}

/// Read individuals' enrollment in a benefit (`GET /employer/benefits/{benefit_id}/individuals`):
/// one result per individual, each its configuration or its own error.
///
/// ```
/// let everyone = finch::hris::RetrieveIndividualBenefits::new("6547e3aa");
/// assert_eq!(everyone.individual_ids, None);
/// let two = everyone.individual_ids(["d675d2b7", "d02a6346"]);
/// assert_eq!(two.individual_ids.map(|ids| ids.to_string()).as_deref(), Some("d675d2b7,d02a6346"));
/// ```
#[finch_endpoint(GET "/employer/benefits/{benefit_id}/individuals", response = Vec<IndividualBenefitResponse>)]
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetrieveIndividualBenefits {
    /// The benefit's id.
    #[finch(path)]
    pub benefit_id: String,
    /// The individuals to read, sent as one comma-separated value (`individual_ids=a,b`); every
    /// individual when `None`.
    #[finch(query)]
    pub individual_ids: Option<CommaSeparated>,
    /// The entity to read, for connections with several (exactly one id).
    #[finch(query)]
    pub entity_ids: Option<Vec<String>>,
}

impl RetrieveIndividualBenefits {
    /// A request for every individual's enrollment in `benefit_id`.
    pub fn new(benefit_id: impl Into<String>) -> Self {
        RetrieveIndividualBenefits {
            benefit_id: benefit_id.into(),
            individual_ids: None,
            entity_ids: None,
        }
    }

    // Written by hand: an empty list leaves the field `None`, and the ids are one comma-separated
    // value.

    /// Reads only these individuals (an empty list reads everyone).
    pub fn individual_ids<I, S>(mut self, individual_ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let ids: Vec<String> = individual_ids.into_iter().map(Into::into).collect();
        self.individual_ids = (!ids.is_empty()).then_some(CommaSeparated(ids));
        self
    }

    setters! {
        /// Reads the entity `entity_id`.
        entity_id;
    }
}

/// Enroll individuals in a benefit, or change their enrollment
/// (`POST /employer/benefits/{benefit_id}/individuals`). The body is a JSON array, one entry per
/// individual.
///
/// ```
/// use finch::hris::{BenefitEnrollment, CompanyContribution, EmployeeDeduction, EnrollIndividuals};
/// let request = EnrollIndividuals::new("6547e3aa", [
///     BenefitEnrollment::new("d02a6346")
///         .employee_deduction(EmployeeDeduction::Percent { amount: 500 })
///         .company_contribution(CompanyContribution::Fixed { amount: 10_000 })
///         .catch_up(true),
/// ]);
/// assert_eq!(request.individuals.len(), 1);
/// ```
#[finch_endpoint(POST "/employer/benefits/{benefit_id}/individuals", response = EnrolledIndividualsResponse)]
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct EnrollIndividuals {
    /// The benefit's id.
    #[finch(path)]
    pub benefit_id: String,
    /// The individuals to enroll, with their configuration: the whole body.
    #[finch(body)]
    pub individuals: Vec<BenefitEnrollment>,
    /// The entity to write, for connections with several (exactly one id).
    #[finch(query)]
    pub entity_ids: Option<Vec<String>>,
}

impl EnrollIndividuals {
    /// Enrolls `individuals` in the benefit `benefit_id`.
    pub fn new(
        benefit_id: impl Into<String>,
        individuals: impl IntoIterator<Item = BenefitEnrollment>,
    ) -> Self {
        EnrollIndividuals {
            benefit_id: benefit_id.into(),
            individuals: individuals.into_iter().collect(),
            entity_ids: None,
        }
    }

    setters! {
        /// Writes to the entity `entity_id`.
        entity_id;
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

    setters! {
        /// Writes to the entity `entity_id`.
        entity_id;
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SupportedBenefit {
    /// The type of benefit. Finch's examples send it though its schema does not list it, so it
    /// may be absent.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catch_up: Option<bool>,
    /// The supported HSA contribution limits; empty unless the benefit is an HSA.
    #[serde(default, skip_serializing_if = "Option::is_none")]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EnrolledIndividualIds {
    /// The benefit's id.
    pub benefit_id: String,
    /// The Finch ids of the enrolled individuals.
    pub individual_ids: Vec<String>,
}

/// The result for one individual of [`RetrieveIndividualBenefits`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IndividualBenefitResponse {
    /// The individual's Finch id.
    pub individual_id: String,
    /// The item's status (200, or the error's).
    pub code: u16,
    /// The enrollment, or the error for this individual.
    pub body: BatchBody<IndividualBenefit>,
}

/// An individual's enrollment in a benefit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hsa_contribution_limit: Option<HsaContributionLimit>,
}

/// One individual to enroll, and how.
///
/// ```
/// use finch::hris::{BenefitEnrollment, EmployeeDeduction, HsaContributionLimit};
/// let hsa = BenefitEnrollment::new("d02a6346")
///     .employee_deduction(EmployeeDeduction::Fixed { amount: 10_000 })
///     .annual_contribution_limit(HsaContributionLimit::Individual)
///     .annual_maximum(None); // sent as `null`: no maximum
/// assert_eq!(
///     serde_json::to_value(&hsa)?,
///     serde_json::json!({"individual_id": "d02a6346", "configuration": {
///         "employee_deduction": {"type": "fixed", "amount": 10000},
///         "annual_contribution_limit": "individual",
///         "annual_maximum": null,
///     }}),
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BenefitEnrollment {
    /// The individual's Finch id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub individual_id: Option<String>,
    /// The enrollment's configuration.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub configuration: Option<BenefitEnrollmentConfiguration>,
}

impl BenefitEnrollment {
    /// Enrolls `individual_id` with no configuration yet.
    pub fn new(individual_id: impl Into<String>) -> Self {
        BenefitEnrollment {
            individual_id: Some(individual_id.into()),
            configuration: None,
        }
    }

    setters! {
        /// Sets the whole configuration.
        configuration(configuration: BenefitEnrollmentConfiguration);
        /// Sets the employee deduction.
        employee_deduction(deduction: EmployeeDeduction) => config().employee_deduction;
        /// Sets the company contribution.
        company_contribution(contribution: CompanyContribution) => config().company_contribution;
        /// Sets the annual maximum in cents; `None` sends `null` (no maximum).
        annual_maximum(cents: impl Into<Option<i64>>) => config().annual_maximum;
        /// Sets whose contribution limit applies (HSAs only).
        annual_contribution_limit(limit: HsaContributionLimit) => config().annual_contribution_limit;
        /// Turns catch-up contributions on or off (retirement benefits only).
        catch_up(catch_up: bool) => config().catch_up;
        /// Sets the date the enrollment takes effect.
        effective_date(date: impl Into<Date>) => config().effective_date;
    }

    fn config(&mut self) -> &mut BenefitEnrollmentConfiguration {
        self.configuration.get_or_insert_with(Default::default)
    }
}

/// How an individual is enrolled in a benefit. Every part is optional: what is `None` is not sent.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BenefitEnrollmentConfiguration {
    /// What is deducted from the individual's pay.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employee_deduction: Option<EmployeeDeduction>,
    /// What the company contributes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_contribution: Option<CompanyContribution>,
    /// The annual maximum in cents: `Some(None)` sends `null`, `None` leaves it out.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub annual_maximum: Option<Option<i64>>,
    /// Whose contribution limit applies (HSAs only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_contribution_limit: Option<HsaContributionLimit>,
    /// Whether catch-up contributions are on (retirement benefits only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catch_up: Option<bool>,
    /// The date the enrollment takes effect.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_date: Option<Date>,
}

/// A member that is present, possibly `null` (absent members take the `default`, `None`).
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(deserializer).map(Some)
}

/// What is deducted from an individual's pay for a benefit, tagged by `type` on the wire.
///
/// A `type` this version of finch does not know is kept whole in `Unknown`; a known `type` whose
/// members do not fit fails with the member's name.
///
/// ```
/// use finch::hris::EmployeeDeduction;
/// let deduction: EmployeeDeduction = serde_json::from_str(r#"{"type": "percent", "amount": 500}"#)?;
/// assert_eq!(deduction, EmployeeDeduction::Percent { amount: 500 });
/// let error = serde_json::from_str::<EmployeeDeduction>(r#"{"type": "fixed", "amount": "ten"}"#).unwrap_err();
/// assert!(error.to_string().contains("in `amount`"), "{error}");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum EmployeeDeduction {
    /// A fixed amount per pay period (`"fixed"`).
    Fixed {
        /// The amount, in cents.
        amount: i64,
    },
    /// A percentage of pay (`"percent"`).
    Percent {
        /// The percentage, in basis points (100 = 1%).
        amount: i64,
    },
    /// A kind this version of finch does not know, kept as sent.
    Unknown(serde_json::Value),
}

/// What the company contributes to a benefit for an individual, tagged by `type` on the wire.
///
/// A `type` this version of finch does not know is kept whole in `Unknown`; a known `type` whose
/// members do not fit fails with the member's name.
///
/// ```
/// use finch::hris::{CompanyContribution, MatchTier};
/// let tiered: CompanyContribution = serde_json::from_str(
///     r#"{"type": "tiered", "tiers": [{"match": 10000, "threshold": 300}]}"#,
/// )?;
/// assert_eq!(tiered, CompanyContribution::Tiered { tiers: vec![MatchTier::new(10_000, 300)] });
/// let odd: CompanyContribution = serde_json::from_str(r#"{"type": "stepped", "steps": 2}"#)?;
/// assert_eq!(serde_json::to_string(&odd)?, r#"{"steps":2,"type":"stepped"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CompanyContribution {
    /// A fixed amount per pay period (`"fixed"`).
    Fixed {
        /// The amount, in cents.
        amount: i64,
    },
    /// A percentage of pay (`"percent"`).
    Percent {
        /// The percentage, in basis points (100 = 1%).
        amount: i64,
    },
    /// A match of the employee's contribution, in tiers (`"tiered"`).
    Tiered {
        /// The tiers (at least one).
        tiers: Vec<MatchTier>,
    },
    /// A kind this version of finch does not know, kept as sent.
    Unknown(serde_json::Value),
}

/// The wire form of the contribution unions.
#[derive(Serialize)]
struct TaggedContribution<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    amount: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tiers: Option<&'a [MatchTier]>,
}

impl TaggedContribution<'_> {
    fn amount(kind: &str, amount: i64) -> TaggedContribution<'_> {
        TaggedContribution {
            kind,
            amount: Some(amount),
            tiers: None,
        }
    }
}

#[derive(Deserialize)]
struct AmountMembers {
    amount: i64,
}

#[derive(Deserialize)]
struct TierMembers {
    tiers: Vec<MatchTier>,
}

/// Reads a union member's `type`, keeping the whole object.
fn tagged<E: de::Error>(value: serde_json::Value) -> Result<(String, serde_json::Value), E> {
    match value.get("type") {
        Some(serde_json::Value::String(kind)) => Ok((kind.clone(), value)),
        Some(other) => Err(E::custom(format!(
            "in `type`: expected a string, found {other}"
        ))),
        None if value.is_object() => Err(E::missing_field("type")),
        None => Err(E::invalid_type(
            de::Unexpected::Other(&value.to_string()),
            &"an object with a `type`",
        )),
    }
}

impl Serialize for EmployeeDeduction {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            EmployeeDeduction::Fixed { amount } => {
                TaggedContribution::amount("fixed", *amount).serialize(serializer)
            }
            EmployeeDeduction::Percent { amount } => {
                TaggedContribution::amount("percent", *amount).serialize(serializer)
            }
            EmployeeDeduction::Unknown(value) => value.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for EmployeeDeduction {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (kind, value) = tagged(serde_json::Value::deserialize(deserializer)?)?;
        Ok(match kind.as_str() {
            "fixed" => EmployeeDeduction::Fixed {
                amount: decode_buffered::<AmountMembers, _>(value)?.amount,
            },
            "percent" => EmployeeDeduction::Percent {
                amount: decode_buffered::<AmountMembers, _>(value)?.amount,
            },
            _ => EmployeeDeduction::Unknown(value),
        })
    }
}

impl Serialize for CompanyContribution {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            CompanyContribution::Fixed { amount } => {
                TaggedContribution::amount("fixed", *amount).serialize(serializer)
            }
            CompanyContribution::Percent { amount } => {
                TaggedContribution::amount("percent", *amount).serialize(serializer)
            }
            CompanyContribution::Tiered { tiers } => TaggedContribution {
                kind: "tiered",
                amount: None,
                tiers: Some(tiers),
            }
            .serialize(serializer),
            CompanyContribution::Unknown(value) => value.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for CompanyContribution {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (kind, value) = tagged(serde_json::Value::deserialize(deserializer)?)?;
        Ok(match kind.as_str() {
            "fixed" => CompanyContribution::Fixed {
                amount: decode_buffered::<AmountMembers, _>(value)?.amount,
            },
            "percent" => CompanyContribution::Percent {
                amount: decode_buffered::<AmountMembers, _>(value)?.amount,
            },
            "tiered" => CompanyContribution::Tiered {
                tiers: decode_buffered::<TierMembers, _>(value)?.tiers,
            },
            _ => CompanyContribution::Unknown(value),
        })
    }
}

/// The job that enrolls the individuals.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EnrolledIndividualsResponse {
    /// The job's id; follow it with the jobs endpoints.
    pub job_id: String,
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
    /// Lists the company's deductions and contributions (`GET /employer/benefits`).
    ///
    /// ```
    /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
    /// for benefit in finch.hris().benefits().list(finch::hris::ListBenefits::new()).await? {
    ///     println!("{}: {:?}", benefit.benefit_id, benefit.description);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn list(self, request: ListBenefits) -> Result<Vec<CompanyBenefit>, Error> {
        self.client.send(&request).await
    }

    /// Creates a company-wide deduction or contribution (`POST /employer/benefits`).
    ///
    /// ```
    /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
    /// use finch::hris::{BenefitFrequency, BenefitType, CreateBenefit};
    /// let created = finch.hris().benefits().create(
    ///     CreateBenefit::new().benefit_type(BenefitType::B401k).description("401(k)").frequency(BenefitFrequency::EveryPaycheck),
    /// ).await?;
    /// println!("benefit {} (job {})", created.benefit_id, created.job_id);
    /// # Ok(()) }
    /// ```
    pub async fn create(self, request: CreateBenefit) -> Result<CompanyBenefitJob, Error> {
        self.client.send(&request).await
    }

    /// Reads one benefit (`GET /employer/benefits/{benefit_id}`).
    ///
    /// ```
    /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
    /// let benefit = finch.hris().benefits().retrieve(finch::hris::RetrieveBenefit::new("6547e3aa")).await?;
    /// # Ok(()) }
    /// ```
    pub async fn retrieve(self, request: RetrieveBenefit) -> Result<CompanyBenefit, Error> {
        self.client.send(&request).await
    }

    /// Renames a benefit (`POST /employer/benefits/{benefit_id}`).
    ///
    /// ```
    /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
    /// let job = finch.hris().benefits()
    ///     .update(finch::hris::UpdateBenefit::new("6547e3aa").description("Retirement"))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub async fn update(self, request: UpdateBenefit) -> Result<CompanyBenefitJob, Error> {
        self.client.send(&request).await
    }

    /// Lists the benefit types the provider supports, with their features
    /// (`GET /employer/benefits/meta`; Finch's reference marks it deprecated).
    ///
    /// ```
    /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
    /// let supported = finch.hris().benefits()
    ///     .list_supported_benefits(finch::hris::ListSupportedBenefits::new())
    ///     .await?;
    /// for benefit in supported {
    ///     println!("{:?}: {:?}", benefit.benefit_type, benefit.frequencies);
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn list_supported_benefits(
        self,
        request: ListSupportedBenefits,
    ) -> Result<Vec<SupportedBenefit>, Error> {
        self.client
            .send(&request)
            .await
            .map(|supported| supported.0)
    }

    /// Registers a benefit that already exists at the provider (`POST /employer/benefits/register`).
    ///
    /// ```
    /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
    /// use finch::hris::{BenefitType, RegisterBenefit};
    /// let registered = finch.hris().benefits()
    ///     .register(RegisterBenefit::new().benefit_type(BenefitType::HsaPre).description("HSA"))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub async fn register(self, request: RegisterBenefit) -> Result<CompanyBenefitJob, Error> {
        self.client.send(&request).await
    }

    /// Who is enrolled in a benefit, and how (`/employer/benefits/{benefit_id}/individuals` and
    /// `/enrolled`).
    ///
    /// ```
    /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
    /// let individuals = finch.hris().benefits().individuals();
    /// let enrolled = individuals.enrolled_ids(finch::hris::ListEnrolledIndividualIds::new("6547e3aa")).await?;
    /// # Ok(()) }
    /// ```
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
    /// Lists the ids of the individuals enrolled in a benefit
    /// (`GET /employer/benefits/{benefit_id}/enrolled`).
    ///
    /// ```
    /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
    /// let enrolled = finch.hris().benefits().individuals()
    ///     .enrolled_ids(finch::hris::ListEnrolledIndividualIds::new("6547e3aa"))
    ///     .await?;
    /// println!("{} enrolled", enrolled.individual_ids.len());
    /// # Ok(()) }
    /// ```
    pub async fn enrolled_ids(
        self,
        request: ListEnrolledIndividualIds,
    ) -> Result<EnrolledIndividualIds, Error> {
        self.client.send(&request).await
    }

    /// Reads individuals' enrollment in a benefit
    /// (`GET /employer/benefits/{benefit_id}/individuals`).
    ///
    /// ```
    /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
    /// use finch::hris::RetrieveIndividualBenefits;
    /// let results = finch.hris().benefits().individuals()
    ///     .retrieve_many_benefits(RetrieveIndividualBenefits::new("6547e3aa").individual_ids(["d675d2b7"]))
    ///     .await?;
    /// for result in results {
    ///     match result.body.into_result() {
    ///         Ok(enrollment) => println!("{}: {:?}", result.individual_id, enrollment.employee_deduction),
    ///         Err(error) => eprintln!("{}: {error}", result.individual_id),
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn retrieve_many_benefits(
        self,
        request: RetrieveIndividualBenefits,
    ) -> Result<Vec<IndividualBenefitResponse>, Error> {
        self.client.send(&request).await
    }

    /// Enrolls individuals in a benefit (`POST /employer/benefits/{benefit_id}/individuals`).
    ///
    /// ```
    /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
    /// use finch::hris::{BenefitEnrollment, EmployeeDeduction, EnrollIndividuals};
    /// let job = finch.hris().benefits().individuals()
    ///     .enroll_many(EnrollIndividuals::new("6547e3aa", [
    ///         BenefitEnrollment::new("d02a6346").employee_deduction(EmployeeDeduction::Fixed { amount: 10_000 }),
    ///     ]))
    ///     .await?;
    /// println!("job {}", job.job_id);
    /// # Ok(()) }
    /// ```
    pub async fn enroll_many(
        self,
        request: EnrollIndividuals,
    ) -> Result<EnrolledIndividualsResponse, Error> {
        self.client.send(&request).await
    }

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
        self,
        request: UnenrollIndividuals,
    ) -> Result<UnenrolledIndividualsResponse, Error> {
        self.client.send(&request).await
    }
}

/// The operations this module declares, for the OpenAPI rendering and the conformance check.
pub(crate) const OPERATIONS: &[OperationFn] = &[
    Operation::of::<ListBenefits>,
    Operation::of::<CreateBenefit>,
    Operation::of::<ListSupportedBenefits>,
    Operation::of::<RegisterBenefit>,
    Operation::of::<RetrieveBenefit>,
    Operation::of::<UpdateBenefit>,
    Operation::of::<ListEnrolledIndividualIds>,
    Operation::of::<RetrieveIndividualBenefits>,
    Operation::of::<EnrollIndividuals>,
    Operation::of::<UnenrollIndividuals>,
];

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn contributions_round_trip_every_variant() {
        for (text, expected) in [
            (
                json!({"type": "fixed", "amount": 0}),
                CompanyContribution::Fixed { amount: 0 },
            ),
            (
                json!({"type": "percent", "amount": 400}),
                CompanyContribution::Percent { amount: 400 },
            ),
            (
                json!({"type": "tiered", "tiers": [{"match": 10000, "threshold": 300}, {"match": 5000, "threshold": 500}]}),
                CompanyContribution::Tiered {
                    tiers: vec![MatchTier::new(10_000, 300), MatchTier::new(5_000, 500)],
                },
            ),
            (
                json!({"type": "bonus", "x": 1}),
                CompanyContribution::Unknown(json!({"type": "bonus", "x": 1})),
            ),
        ] {
            let decoded: CompanyContribution = serde_json::from_value(text.clone()).unwrap();
            assert_eq!(decoded, expected);
            assert_eq!(serde_json::to_value(&decoded).unwrap(), text);
        }
        for (text, expected) in [
            (
                json!({"type": "fixed", "amount": 10000}),
                EmployeeDeduction::Fixed { amount: 10_000 },
            ),
            (
                json!({"type": "percent", "amount": 500}),
                EmployeeDeduction::Percent { amount: 500 },
            ),
            (
                json!({"type": "loan"}),
                EmployeeDeduction::Unknown(json!({"type": "loan"})),
            ),
        ] {
            let decoded: EmployeeDeduction = serde_json::from_value(text.clone()).unwrap();
            assert_eq!(decoded, expected);
            assert_eq!(serde_json::to_value(&decoded).unwrap(), text);
        }
    }

    #[test]
    fn contribution_errors_say_where() {
        let error = serde_json::from_value::<CompanyContribution>(
            json!({"type": "tiered", "tiers": [{"match": 1, "threshold": "x"}]}),
        )
        .unwrap_err()
        .to_string();
        assert!(error.contains("in `tiers[0].threshold`"), "{error}");
        let error = serde_json::from_value::<EmployeeDeduction>(json!({"amount": 1}))
            .unwrap_err()
            .to_string();
        assert!(error.contains("missing field `type`"), "{error}");
        let error = serde_json::from_value::<EmployeeDeduction>(json!({"type": 7}))
            .unwrap_err()
            .to_string();
        assert!(error.contains("in `type`"), "{error}");
        let error = serde_json::from_value::<EmployeeDeduction>(json!("fixed"))
            .unwrap_err()
            .to_string();
        assert!(error.contains("an object with a `type`"), "{error}");
    }

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
        .unwrap_err()
        .to_string();
        assert!(error.contains("in `amount`"), "{error}");
        assert!(error.contains("[0].body"), "{error}");
    }

    #[test]
    fn annual_maximum_tells_null_from_absent() {
        let absent: BenefitEnrollmentConfiguration = serde_json::from_value(json!({})).unwrap();
        assert_eq!(absent.annual_maximum, None);
        let null: BenefitEnrollmentConfiguration =
            serde_json::from_value(json!({"annual_maximum": null})).unwrap();
        assert_eq!(null.annual_maximum, Some(None));
        assert_eq!(
            serde_json::to_value(&null).unwrap(),
            json!({"annual_maximum": null})
        );
        assert_eq!(serde_json::to_value(&absent).unwrap(), json!({}));
    }
}
