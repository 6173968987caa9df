//! `/employer/plans-enrollments` (beta): plan enrollments.

use crate::handles::handle;
use crate::hris::plans::{CoverageTier, MAX_BETA_PAGE};
use crate::listing::{listing_accessors, listing_request};
use crate::open_enum::open_enum;
use crate::shared::{BatchBody, Date, Paging, batch_request, batch_results};
use finch_macros::model;

listing_request! {
    /// List the company's benefit-plan enrollments (`GET /employer/plans-enrollments`), one page.
    ///
    /// **Beta**: in Finch's reference but in no official SDK; it may change.
    ///
    /// ```
    /// let request = finch::hris::ListPlanEnrollments::new().limit(50).offset(50);
    /// assert_eq!(request.offset, Some(50));
    /// ```
    #[finch_endpoint(GET "/employer/plans-enrollments", response = PlanEnrollmentsPage)]
    pub struct ListPlanEnrollments {
        limit: "Page size (Finch's default and maximum are 50).",
        offset: "Index of the first enrollment of the page (default 0).",
        entity_ids: "The entity to read, for connections with several (exactly one id).",
    }
    impl {
        /// The first page, with Finch's default size.
        new;
    }
    => PlanEnrollmentsPage {
        paging: paging,
        items: enrollments: Vec<PlanEnrollment>,
        id: id,
        max_limit: MAX_BETA_PAGE,
    }
}

batch_request! {
    /// Read enrollments by id (`POST /employer/plans-enrollments`), at most 50 per request; one result
    /// per enrollment, each the enrollment or its own error.
    ///
    /// **Beta**: in Finch's reference but in no official SDK; it may change.
    ///
    /// ```
    /// let request = finch::hris::RetrievePlanEnrollments::new(["ec2f4d10-6ad2-4e94-8f2f-4b0a1f3c2d55"]);
    /// assert_eq!(request.requests[0].enrollment_id, "ec2f4d10-6ad2-4e94-8f2f-4b0a1f3c2d55");
    /// ```
    #[finch_endpoint(POST "/employer/plans-enrollments", response = PlanEnrollmentsResponse)]
    pub struct RetrievePlanEnrollments {
        /// The enrollments to read (at most 50).
        requests: Vec<PlanEnrollmentRequest>,
        entity_ids,
    }
    impl {
        /// A request for these enrollments (at most 50).
        new(enrollment_ids);
    }
}

/// One enrollment to read (beta).
#[model(Eq)]
pub struct PlanEnrollmentRequest {
    /// The enrollment's Finch id.
    pub enrollment_id: String,
}

impl PlanEnrollmentRequest {
    /// A request for one enrollment.
    pub fn new(enrollment_id: impl Into<String>) -> Self {
        PlanEnrollmentRequest {
            enrollment_id: enrollment_id.into(),
        }
    }
}

/// One page of enrollments (beta).
#[model(Eq)]
pub struct PlanEnrollmentsPage {
    /// Where the page sits.
    pub paging: Paging,
    /// The enrollments on the page.
    pub enrollments: Vec<PlanEnrollment>,
}

batch_results! {
    /// The batch's results, one per requested enrollment (beta).
    pub struct PlanEnrollmentsResponse;
    /// The result for one enrollment (beta).
    pub struct PlanEnrollmentResponse {
        /// The enrollment's Finch id.
        enrollment_id,
        /// The enrollment, or the error for this item.
        body: BatchBody<PlanEnrollment>,
    }
}

/// An individual's enrollment in a benefit plan (beta).
#[model(Eq, required)]
pub struct PlanEnrollment {
    /// A stable Finch id for the enrollment.
    pub id: String,
    /// The Finch id of the enrolled individual.
    pub individual_id: String,
    /// The Finch id of the plan.
    pub plan_id: String,
    /// The coverage tier.
    pub coverage_tier: Option<CoverageTier>,
    /// When coverage starts.
    pub coverage_start_date: Option<Date>,
    /// When coverage ends.
    pub coverage_end_date: Option<Date>,
    /// Who contributes what.
    pub contributions: Option<EnrollmentContributions>,
    /// The Finch ids of the dependents covered by this enrollment.
    pub dependent_ids: Option<Vec<String>>,
    /// The enrollment's status.
    pub status: Option<EnrollmentStatus>,
}

/// The contributions to an enrollment (beta).
#[model(Eq, required)]
pub struct EnrollmentContributions {
    /// How often the contributions are made.
    pub frequency: ContributionFrequency,
    /// The employee's contribution.
    pub employee_contribution: Option<ContributionAmount>,
    /// The employer's contribution.
    pub employer_contribution: Option<ContributionAmount>,
}

/// An amount contributed to an enrollment (beta).
#[model(Eq, required)]
pub struct ContributionAmount {
    /// The amount in cents.
    pub amount: Option<i64>,
    /// The currency code (for example `usd`).
    pub currency: Option<String>,
}

open_enum! {
    /// How often contributions to an enrollment are made (beta). Providers may send values of
    /// their own.
    pub enum ContributionFrequency {
        /// Every pay period.
        PerPayPeriod = "per_pay_period",
        /// Every week.
        Weekly = "weekly",
        /// Every two weeks.
        BiWeekly = "bi_weekly",
        /// Twice a month.
        SemiMonthly = "semi_monthly",
        /// Once a month.
        Monthly = "monthly",
        /// Once a quarter.
        Quarterly = "quarterly",
        /// Once a year.
        Annually = "annually",
    }
}

open_enum! {
    /// The status of an enrollment (beta). Providers may send values of their own.
    pub enum EnrollmentStatus {
        /// Active.
        Active = "active",
        /// Inactive.
        Inactive = "inactive",
    }
}

handle! {
    /// `client.hris().plan_enrollments()` (beta; in no official SDK yet).
    pub struct PlanEnrollments<'a> {
        listing_accessors! {
            ListPlanEnrollments => PlanEnrollmentsPage {
                accessor: hris.plan_enrollments,
                endpoint: "GET /employer/plans-enrollments",
                listing: "the enrollments",
                item: "enrollment",
                items: enrollments,
                id: id,
                beta: true,
            }
        }

        /// Reads enrollments by id, at most 50 (`POST /employer/plans-enrollments`; beta).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// let batch = finch.hris().plan_enrollments()
        ///     .retrieve_many(finch::hris::RetrievePlanEnrollments::new(["ec2f4d10"]))
        ///     .await?;
        /// for item in batch.responses {
        ///     match item.body.into_result() {
        ///         Ok(enrollment) => println!("{:?}", enrollment.status),
        ///         Err(error) => eprintln!("{}: {error}", item.enrollment_id),
        ///     }
        /// }
        /// # Ok(()) }
        /// ```
        pub async fn retrieve_many(self, request: RetrievePlanEnrollments) -> Result<PlanEnrollmentsResponse, Error>;
    }
}
