//! `/employer/plans*` (beta): benefit plans.

use crate::handles::handle;
use crate::listing::{listing_accessors, listing_request};
use crate::open_enum::open_enum;
use crate::setters::setters;
use crate::shared::{Date, Paging};
use finch_macros::finch_endpoint;
use finch_macros::model;

/// The page size of the beta plan listings when none is given, and their largest.
pub(crate) const MAX_BETA_PAGE: u64 = 50;

listing_request! {
    /// List the company's benefit plans (`GET /employer/plans`), one page.
    ///
    /// **Beta**: in Finch's reference but in no official SDK; it may change.
    ///
    /// ```
    /// use finch::hris::{ListPlans, PlanType};
    /// let request = ListPlans::new().plan_type(PlanType::Medical).limit(50);
    /// assert_eq!(request.plan_type, Some(PlanType::Medical));
    /// ```
    #[finch_endpoint(GET "/employer/plans", response = PlansPage)]
    pub struct ListPlans {
        /// Only plans of this type (Finch compares case-insensitively).
        #[finch(query)]
        pub plan_type: Option<PlanType>,
        limit: "Page size (Finch's default and maximum are 50).",
        offset: "Index of the first plan of the page (default 0).",
        entity_ids: "The entity to read, for connections with several (exactly one id).",
    }
    impl {
        /// The first page of every plan, with Finch's default size.
        new;

        setters! {
            /// Lists only plans of `plan_type`.
            plan_type(plan_type: PlanType);
        }
    }
    => PlansPage { paging: paging, items: plans: Vec<Plan>, id: id, max_limit: MAX_BETA_PAGE }
}

/// Read one benefit plan (`GET /employer/plans/{plan_id}`).
///
/// **Beta**: in Finch's reference but in no official SDK; it may change.
///
/// ```
/// let request = finch::hris::RetrievePlan::new("3f0b5a2b-2b4a-4f4c-9f3e-5c4a2c1d9b70");
/// assert_eq!(request.plan_id, "3f0b5a2b-2b4a-4f4c-9f3e-5c4a2c1d9b70");
/// ```
#[finch_endpoint(GET "/employer/plans/{plan_id}", response = Plan)]
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetrievePlan {
    /// The plan's Finch id.
    #[finch(path)]
    pub plan_id: String,
    /// The entity to read, for connections with several (exactly one id).
    #[finch(query)]
    pub entity_ids: Option<Vec<String>>,
}

impl RetrievePlan {
    /// A request for the plan `plan_id`.
    pub fn new(plan_id: impl Into<String>) -> Self {
        RetrievePlan {
            plan_id: plan_id.into(),
            entity_ids: None,
        }
    }

    setters! {
        /// Reads the entity `entity_id`.
        entity_id;
    }
}

/// One page of benefit plans (beta).
#[model(Eq)]
pub struct PlansPage {
    /// Where the page sits.
    pub paging: Paging,
    /// The plans on the page.
    pub plans: Vec<Plan>,
}

/// A benefit plan (beta).
#[model(Eq, required)]
pub struct Plan {
    /// A stable Finch id for the plan.
    pub id: String,
    /// The plan's name.
    pub name: String,
    /// The type of plan.
    #[serde(rename = "type")]
    pub plan_type: Option<PlanType>,
    /// A description of the plan.
    pub description: Option<String>,
    /// The plan's network type.
    pub network_type: Option<PlanNetworkType>,
    /// The insurance carrier.
    pub carrier: Option<PlanCarrier>,
    /// When the plan starts.
    pub start_date: Date,
    /// When the plan ends.
    pub end_date: Option<Date>,
    /// The coverage tiers the plan offers.
    pub coverage_tiers: Option<Vec<CoverageTier>>,
    /// The deduction codes of the plan.
    pub deduction_codes: Option<Vec<String>>,
}

/// The insurance carrier of a plan (beta).
#[model(Eq, required)]
pub struct PlanCarrier {
    /// The carrier's id.
    pub id: Option<String>,
    /// The carrier's name.
    pub name: Option<String>,
}

open_enum! {
    /// The type of a benefit plan (beta).
    pub enum PlanType {
        /// Commuter.
        Commuter = "commuter",
        /// Dental.
        Dental = "dental",
        /// Health savings account.
        Hsa = "hsa",
        /// Flexible spending account.
        Fsa = "fsa",
        /// Life insurance.
        LifeInsurance = "life_insurance",
        /// Long-term disability.
        LongTermDisability = "long_term_disability",
        /// Medical.
        Medical = "medical",
        /// Another type.
        Other = "other",
        /// Short-term disability.
        ShortTermDisability = "short_term_disability",
        /// Vision.
        Vision = "vision",
    }
}

open_enum! {
    /// The network type of a benefit plan (beta).
    pub enum PlanNetworkType {
        /// Exclusive provider organization.
        Epo = "epo",
        /// High-deductible health plan.
        Hdhp = "hdhp",
        /// Health maintenance organization.
        Hmo = "hmo",
        /// Another network type.
        Other = "other",
        /// Point of service.
        Pos = "pos",
        /// Preferred provider organization.
        Ppo = "ppo",
    }
}

open_enum! {
    /// A coverage tier of a plan or an enrollment (beta). Providers may send values of their own.
    pub enum CoverageTier {
        /// The employee only.
        EmployeeOnly = "employee_only",
        /// The employee and their spouse.
        EmployeeSpouse = "employee_spouse",
        /// The employee and their children.
        EmployeeChildren = "employee_children",
        /// The employee and their family.
        EmployeeFamily = "employee_family",
    }
}

handle! {
    /// `client.hris().plans()` (beta; in no official SDK yet).
    pub struct Plans<'a> {
        listing_accessors! {
            ListPlans => PlansPage {
                accessor: hris.plans,
                endpoint: "GET /employer/plans",
                listing: "the company's benefit plans",
                item: "plan",
                items: plans,
                id: id,
                beta: true,
            }
        }

        /// Reads one benefit plan (`GET /employer/plans/{plan_id}`; beta).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// let plan = finch.hris().plans().retrieve(finch::hris::RetrievePlan::new("3f0b5a2b")).await?;
        /// println!("{:?}", plan.carrier.and_then(|carrier| carrier.name));
        /// # Ok(()) }
        /// ```
        pub async fn retrieve(self, request: RetrievePlan) -> Result<Plan, Error>;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(count: Option<u64>, offset: u64, plans: usize) -> PlansPage {
        let plans: Vec<serde_json::Value> = (0..plans)
            .map(|n| {
                serde_json::json!({
                    "id": format!("plan-{offset}-{n}"), "name": "Medical", "type": null,
                    "description": null, "network_type": null, "carrier": null,
                    "start_date": "2025-01-01", "end_date": null, "coverage_tiers": null,
                    "deduction_codes": null,
                })
            })
            .collect();
        serde_json::from_value(serde_json::json!({
            "paging": {"count": count, "offset": offset},
            "plans": plans,
        }))
        .unwrap()
    }

    #[test]
    fn beta_pages_follow_full_pages_and_the_count() {
        use finch_core::Paginated as _;
        let next = |request: &ListPlans, page: &PlansPage| {
            request.next_request(page).unwrap().map(|next| next.offset)
        };
        // A limit above Finch's maximum is answered with pages of 50: those are full.
        let request = ListPlans::new().limit(500);
        assert_eq!(finch_core::Paginated::limit(&request), Some(50));
        assert_eq!(next(&request, &page(None, 0, 50)), Some(Some(50)));
        // A short page ends the listing unless the count says more follow.
        let request = ListPlans::new().limit(50).offset(100);
        assert_eq!(next(&request, &page(Some(120), 100, 20)), None);
        assert_eq!(next(&request, &page(Some(300), 100, 20)), Some(Some(120)));
        // Without a limit only an empty page ends it.
        let request = ListPlans::new();
        assert_eq!(next(&request, &page(None, 0, 7)), Some(Some(7)));
        assert_eq!(next(&request.clone().offset(7), &page(None, 7, 0)), None);
        // Another page than the one asked for is an error.
        let error = request
            .clone()
            .offset(50)
            .next_request(&page(Some(120), 0, 50))
            .unwrap_err();
        assert_eq!(
            error.kind,
            finch_core::PagingErrorKind::WrongOffset { received: 0 }
        );
    }
}
