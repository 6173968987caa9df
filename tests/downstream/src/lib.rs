//! A downstream crate: it depends only on `finch`, declares endpoints finch does not have (yet)
//! with the same attribute, and sends them through the same client.
//!
//! ```
//! use finch_downstream::{BetaExt, ListPlans};
//! # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
//! let plans = finch.beta().plans(ListPlans::new().limit(20)).await?;
//! # Ok(()) }
//! ```

use finch::finch_endpoint;
use finch::serde::Deserialize;

/// What `GET /introspect` says about the connection (the part this crate needs).
#[derive(Clone, Debug, Deserialize)]
#[serde(crate = "finch::serde")]
#[non_exhaustive]
pub struct Introspection {
    /// The connection's id.
    pub connection_id: String,
    /// The provider's id.
    pub provider_id: String,
    /// The products granted.
    pub products: Vec<finch::Product>,
}

/// What the access token can do.
#[finch_endpoint(GET "/introspect", response = Introspection)]
#[derive(Clone, Copy, Debug, Default)]
pub struct Introspect;

/// One benefit plan (beta).
#[derive(Clone, Debug, Deserialize)]
#[serde(crate = "finch::serde")]
#[non_exhaustive]
pub struct Plan {
    /// The plan's id.
    pub id: String,
    /// The plan's name.
    #[serde(default)]
    pub name: Option<String>,
}

/// A page of plans (beta).
#[derive(Clone, Debug, Deserialize)]
#[serde(crate = "finch::serde")]
#[non_exhaustive]
pub struct PlansPage {
    /// Where the page sits.
    pub paging: finch::Paging,
    /// The plans.
    pub plans: Vec<Plan>,
}

/// The benefit plans (beta, in no official SDK yet).
#[finch_endpoint(GET "/employer/plans", response = PlansPage)]
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct ListPlans {
    /// Page size.
    #[finch(query)]
    pub limit: Option<u32>,
    /// First plan of the page.
    #[finch(query)]
    pub offset: Option<u32>,
    /// Only plans of these types.
    #[finch(query)]
    pub plan_type: Option<String>,
    /// The entity to read.
    #[finch(query)]
    pub entity_ids: Option<Vec<String>>,
}

impl ListPlans {
    /// The first page.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the page size.
    pub fn limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }
}

/// The directory, with a tag header of this crate's own, decoded into finch's type.
#[finch_endpoint(GET "/employer/directory", response = finch::hris::DirectoryPage)]
#[derive(Clone, Debug, Default)]
pub struct TaggedDirectoryPage {
    /// A tag for the server's logs.
    #[finch(header = "X-Request-Tag")]
    pub tag: Option<String>,
    /// Page size.
    #[finch(query)]
    pub limit: Option<u64>,
}

/// Creates a benefit plan (beta). It also derives `Serialize` (to log what is sent): finch honours
/// its serde attributes, so the body sent is what the derive writes.
#[finch_endpoint(POST "/employer/benefits/{benefit_id}/plans", response = Plan)]
#[derive(Clone, Debug, finch::serde::Serialize)]
#[serde(crate = "finch::serde", rename_all = "camelCase")]
#[non_exhaustive]
pub struct CreatePlan {
    /// The benefit the plan belongs to.
    #[finch(path)]
    #[serde(skip)]
    pub benefit_id: String,
    /// The kind of benefit, for the server's routing.
    #[finch(header = "X-Benefit-Type")]
    #[serde(skip)]
    pub benefit_type: Option<finch::hris::BenefitType>,
    /// The plan's name (`planName` on the wire).
    pub plan_name: String,
    /// The carriers offering it; left out when empty.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub carriers: Vec<String>,
}

impl CreatePlan {
    /// A plan of a benefit.
    pub fn new(benefit_id: impl Into<String>, plan_name: impl Into<String>) -> Self {
        CreatePlan {
            benefit_id: benefit_id.into(),
            benefit_type: None,
            plan_name: plan_name.into(),
            carriers: Vec::new(),
        }
    }

    /// Sets the benefit's type.
    pub fn benefit_type(mut self, benefit_type: finch::hris::BenefitType) -> Self {
        self.benefit_type = Some(benefit_type);
        self
    }
}

/// This crate's accessors on finch's client.
pub trait BetaExt {
    /// The beta endpoints.
    fn beta(&self) -> Beta<'_>;
}

impl BetaExt for finch::Finch {
    fn beta(&self) -> Beta<'_> {
        Beta { finch: self }
    }
}

/// `finch.beta()`.
#[derive(Clone, Copy, Debug)]
pub struct Beta<'a> {
    finch: &'a finch::Finch,
}

impl Beta<'_> {
    /// `GET /introspect`.
    pub async fn introspect(&self) -> Result<Introspection, finch::Error> {
        self.finch.send(&Introspect).await
    }

    /// `GET /employer/plans`.
    pub async fn plans(&self, request: ListPlans) -> Result<PlansPage, finch::Error> {
        self.finch.send(&request).await
    }
}
