//! `/employer/plans-dependents` (beta): plan dependents.

use crate::handles::handle;
use crate::hris::individuals::Gender;
use crate::hris::plans::{MAX_BETA_PAGE, PlanType};
use crate::listing::{listing_accessors, listing_request};
use crate::open_enum::open_enum;
use crate::shared::CommaSeparated;
use crate::shared::{BatchBody, Date, Paging, batch_request, batch_results};
use finch_macros::model;

listing_request! {
    /// List the dependents covered by the company's benefit plans
    /// (`GET /employer/plans-dependents`), one page.
    ///
    /// **Beta**: in Finch's reference but in no official SDK; it may change.
    ///
    /// ```
    /// let request = finch::hris::ListPlanDependents::new().limit(25).include_ssn();
    /// assert_eq!(request.include.map(|fields| fields.to_string()).as_deref(), Some("ssn"));
    /// ```
    #[finch_endpoint(GET "/employer/plans-dependents", response = PlanDependentsPage)]
    pub struct ListPlanDependents {
        limit: "Page size (Finch's default and maximum are 50).",
        offset: "Index of the first dependent of the page (default 0).",
        /// Fields to return beyond the defaults, sent as one comma-separated value (`include=ssn`);
        /// `ssn` needs the `employer:ssn` scope.
        #[finch(query)]
        pub include: Option<CommaSeparated<DependentField>>,
        entity_ids: "The entity to read, for connections with several (exactly one id).",
    }
    impl {
        /// The first page, with Finch's default size.
        new;

        // Written by hand: it adds `ssn` to the fields asked for, making the list on first use.

        /// Asks for the dependents' SSNs too (needs the `employer:ssn` scope).
        pub fn include_ssn(mut self) -> Self {
            self.include
                .get_or_insert_with(CommaSeparated::default)
                .0
                .push(DependentField::Ssn);
            self
        }
    }
    => PlanDependentsPage {
        paging: paging,
        items: dependents: Vec<PlanDependent>,
        id: dependent_id,
        max_limit: MAX_BETA_PAGE,
    }
}

batch_request! {
    /// Read dependents by id (`POST /employer/plans-dependents`), at most 50 per request; one result
    /// per dependent, each the dependent or its own error.
    ///
    /// **Beta**: in Finch's reference but in no official SDK; it may change.
    ///
    /// ```
    /// let request = finch::hris::RetrievePlanDependents::new(["a8d6c0ec-8a0e-4a2f-9a3b-6f0f6e2b8f21"]).include_ssn();
    /// assert_eq!(request.requests.len(), 1);
    /// ```
    #[finch_endpoint(POST "/employer/plans-dependents", response = PlanDependentsResponse)]
    pub struct RetrievePlanDependents {
        /// The dependents to read (at most 50).
        requests: Vec<PlanDependentRequest>,
        /// What to include beyond the defaults.
        pub options: Option<PlanDependentOptions>,
        entity_ids,
    }
    impl {
        /// A request for these dependents (at most 50).
        new(dependent_ids);

        // Written by hand: it adds `ssn` to the fields asked for, making the list on first use.

        /// Asks for the dependents' SSNs too (needs the `employer:ssn` scope).
        pub fn include_ssn(mut self) -> Self {
            self.options
                .get_or_insert_with(PlanDependentOptions::default)
                .include
                .get_or_insert_with(Vec::new)
                .push(DependentField::Ssn);
            self
        }
    }
}

/// One dependent to read (beta).
#[model(Eq)]
pub struct PlanDependentRequest {
    /// The dependent's Finch id.
    pub dependent_id: String,
}

impl PlanDependentRequest {
    /// A request for one dependent.
    pub fn new(dependent_id: impl Into<String>) -> Self {
        PlanDependentRequest {
            dependent_id: dependent_id.into(),
        }
    }
}

/// What to include beyond the defaults (beta).
#[model(Eq, Default)]
pub struct PlanDependentOptions {
    /// Extra fields.
    pub include: Option<Vec<DependentField>>,
}

open_enum! {
    /// A field of a dependent sent only when asked for (beta).
    pub enum DependentField {
        /// The Social Security Number (needs the `employer:ssn` scope).
        Ssn = "ssn",
    }
}

/// One page of dependents (beta).
#[model(Eq)]
pub struct PlanDependentsPage {
    /// Where the page sits.
    pub paging: Paging,
    /// The dependents on the page.
    pub dependents: Vec<PlanDependent>,
}

batch_results! {
    /// The batch's results, one per requested dependent (beta).
    pub struct PlanDependentsResponse;
    /// The result for one dependent (beta).
    pub struct PlanDependentResponse {
        /// The dependent's Finch id.
        dependent_id,
        /// The dependent, or the error for this item.
        body: BatchBody<PlanDependent>,
    }
}

/// A dependent covered by a benefit plan (beta).
#[model(Eq, required)]
pub struct PlanDependent {
    /// A stable Finch id for the dependent.
    pub dependent_id: String,
    /// The first name.
    pub first_name: String,
    /// The last name.
    pub last_name: String,
    /// The middle name.
    pub middle_name: Option<String>,
    /// The Social Security Number (only when asked for, with the `employer:ssn` scope).
    pub ssn: Option<String>,
    /// Date of birth.
    pub date_of_birth: Option<Date>,
    /// Gender.
    pub gender: Option<Gender>,
    /// The dependent's coverage, grouped by the individual covering them.
    pub coverage: Vec<DependentCoverage>,
}

/// The coverage a dependent has through one individual (beta).
#[model(Eq)]
pub struct DependentCoverage {
    /// The Finch id of the individual covering the dependent.
    pub individual_id: String,
    /// The dependent's relationship to that individual.
    pub relationship_to_individual: DependentRelationship,
    /// The enrollments covering the dependent through that individual.
    pub enrollments: Vec<DependentEnrollment>,
}

/// An enrollment covering a dependent (beta).
#[model(Eq, required)]
pub struct DependentEnrollment {
    /// The enrollment's Finch id.
    pub id: String,
    /// The type of the enrollment's plan.
    #[serde(rename = "type")]
    pub plan_type: Option<PlanType>,
}

open_enum! {
    /// A dependent's relationship to the individual covering them (beta).
    pub enum DependentRelationship {
        /// Child.
        Child = "child",
        /// Disabled dependent.
        DisabledDependent = "disabled_dependent",
        /// Domestic partner.
        DomesticPartner = "domestic_partner",
        /// Foster child.
        FosterChild = "foster_child",
        /// Another relationship.
        Other = "other",
        /// Spouse.
        Spouse = "spouse",
        /// Stepchild.
        Stepchild = "stepchild",
        /// Ward.
        Ward = "ward",
    }
}

handle! {
    /// `client.hris().plan_dependents()` (beta; in no official SDK yet).
    pub struct PlanDependents<'a> {
        listing_accessors! {
            ListPlanDependents => PlanDependentsPage {
                accessor: hris.plan_dependents,
                endpoint: "GET /employer/plans-dependents",
                listing: "the dependents",
                item: "dependent",
                items: dependents,
                id: dependent_id,
                beta: true,
            }
        }

        /// Reads dependents by id, at most 50 (`POST /employer/plans-dependents`; beta).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// let batch = finch.hris().plan_dependents()
        ///     .retrieve_many(finch::hris::RetrievePlanDependents::new(["a8d6c0ec"]))
        ///     .await?;
        /// for item in batch.responses {
        ///     match item.body.into_result() {
        ///         Ok(dependent) => println!("{}", dependent.first_name),
        ///         Err(error) => eprintln!("{}: {error}", item.dependent_id),
        ///     }
        /// }
        /// # Ok(()) }
        /// ```
        pub async fn retrieve_many(self, request: RetrievePlanDependents) -> Result<PlanDependentsResponse, Error>;
    }
}
