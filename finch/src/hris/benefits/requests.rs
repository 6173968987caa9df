//! The requests of `/employer/benefits*`, and the enrollment they send.

use super::{
    BenefitCompanyMatchContribution, BenefitFrequency, BenefitType, CompanyBenefit,
    CompanyBenefitJob, CompanyContribution, EmployeeDeduction, EnrolledIndividualIds,
    EnrolledIndividualsResponse, HsaContributionLimit, IndividualBenefitResponse,
    SupportedBenefits, UnenrolledIndividualsResponse,
};
use crate::setters::setters;
use crate::shared::{CommaSeparated, Date};
use finch_core::Nullable;
use finch_macros::finch_endpoint;
use finch_macros::model;
use serde::{Deserialize, Deserializer};

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

/// Declares a request that writes a company benefit (`CreateBenefit`, `RegisterBenefit`): the
/// members the spec gives both bodies (`type`, `description`, `frequency`), the request's own
/// members after them, the `entity_ids` query field last, `new()` (nothing set) and the setters.
/// `description` takes the member's doc, which the two operations word differently.
macro_rules! benefit_request {
    (
        $(#[doc = $doc:literal])*
        #[finch_endpoint($($endpoint:tt)*)]
        pub struct $name:ident {
            description: $description_doc:literal,
            $($(#[$field_attr:meta])* pub $field:ident: $ty:ty,)*
        }
        setters { $($setters:tt)* }
    ) => {
        $crate::setters::request_struct! {
            [$(#[doc = $doc])* #[$crate::finch_endpoint($($endpoint)*)]]
            $name {
                /// The type of benefit (`Some(Nullable::Null)` sends `null`); left out when `None`.
                #[finch(rename = "type")]
                pub benefit_type: Option<Nullable<BenefitType>>,
                #[doc = $description_doc]
                pub description: Option<String>,
                /// How often it is deducted or contributed (`Some(Nullable::Null)` sends `null`); left
                /// out when `None`.
                pub frequency: Option<Nullable<BenefitFrequency>>,
                $($(#[$field_attr])* pub $field: $ty,)*
                /// The entity to write, for connections with several (exactly one id).
                #[finch(query)]
                pub entity_ids: Option<Vec<String>>,
            }
        }

        impl $name {
            /// A request with nothing set yet.
            pub fn new() -> Self {
                Self::default()
            }

            $crate::setters::setters! {
                /// Sets the type of benefit.
                benefit_type(benefit_type: BenefitType) / clear_benefit_type;
                /// Sets the benefit's name.
                description(description: impl Into<String>);
                /// Sets how often it is deducted or contributed.
                frequency(frequency: BenefitFrequency) / clear_frequency;
                $($setters)*
                /// Writes to the entity `entity_id`.
                entity_id;
            }
        }
    };
}

benefit_request! {
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
    /// // A nullable member can be sent as `null`; one never set is left out.
    /// let request = CreateBenefit::new().description("401(k)").clear_frequency();
    /// assert_eq!(request.frequency, Some(finch::Nullable::Null));
    /// assert_eq!(request.benefit_type, None);
    /// ```
    #[finch_endpoint(POST "/employer/benefits", response = CompanyBenefitJob)]
    pub struct CreateBenefit {
        description: "The benefit's name as it appears in the provider and on pay statements (Finch \
                      recommends fewer than 30 characters: some providers cut longer names).",
        /// The company's match (`Some(Nullable::Null)` sends `null`); left out when `None`.
        pub company_contribution: Option<Nullable<BenefitCompanyMatchContribution>>,
    }
    setters {
        /// Sets the company's match.
        company_contribution(contribution: BenefitCompanyMatchContribution)
        / clear_company_contribution;
    }
}

/// List which benefit types the provider supports, and their features
/// (`GET /employer/benefits/meta`).
///
/// Finch's reference titles this endpoint "\[Deprecated\]" (without naming a replacement; the
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

benefit_request! {
    /// Register, on Finch's side, a benefit that already exists at the provider
    /// (`POST /employer/benefits/register`; assisted connections).
    ///
    /// ```
    /// use finch::hris::{BenefitFrequency, BenefitType, RegisterBenefit};
    /// let request = RegisterBenefit::new()
    ///     .benefit_type(BenefitType::HsaPre)
    ///     .description("HSA")
    ///     .frequency(BenefitFrequency::EveryPaycheck);
    /// assert_eq!(request.benefit_type, Some(BenefitType::HsaPre.into()));
    /// ```
    #[finch_endpoint(POST "/employer/benefits/register", response = CompanyBenefitJob)]
    pub struct RegisterBenefit {
        description: "The benefit's name as it appears in the provider.",
    }
    setters {}
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
#[model(Eq, Default)]
pub struct BenefitEnrollment {
    /// The individual's Finch id.
    pub individual_id: Option<String>,
    /// The enrollment's configuration.
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
#[model(Eq, Default)]
pub struct BenefitEnrollmentConfiguration {
    /// What is deducted from the individual's pay.
    pub employee_deduction: Option<EmployeeDeduction>,
    /// What the company contributes.
    pub company_contribution: Option<CompanyContribution>,
    /// The annual maximum in cents: `Some(None)` sends `null`, `None` leaves it out.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub annual_maximum: Option<Option<i64>>,
    /// Whose contribution limit applies (HSAs only).
    pub annual_contribution_limit: Option<HsaContributionLimit>,
    /// Whether catch-up contributions are on (retirement benefits only).
    pub catch_up: Option<bool>,
    /// The date the enrollment takes effect.
    pub effective_date: Option<Date>,
}

/// A member that is present, possibly `null` (absent members take the `default`, `None`).
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(deserializer).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

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
