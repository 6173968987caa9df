//! A downstream crate that declares one endpoint of every shape `#[finch_endpoint]` supports, as a
//! library author would: it depends on `finch` alone, derives its types through `finch::serde`,
//! and sends its requests through finch's client.
//!
//! The API is made up (teams, members, jobs, cards); what matters is the shape of each
//! declaration. `tests/shapes.rs` sends every one to a local server and checks the wire.
//!
//! ```no_run
//! use finch_downstream_shapes::{ListShifts, ShiftsPage};
//! # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
//! let page: ShiftsPage = finch
//!     .send(&ListShifts {
//!         team_id: "t1".into(),
//!         member_id: "m1".into(),
//!         ids: Some(vec!["s1".into(), "s2".into()]),
//!         limit: None,
//!     })
//!     .await?;
//! # Ok(()) }
//! ```

use finch::serde::de::DeserializeOwned;
use finch::serde::{Deserialize, Serialize};
use finch::{Nullable, Secret, finch_endpoint};
use std::marker::PhantomData;

// ---------------------------------------------------------------------------------------------
// Types the endpoints send and receive.
// ---------------------------------------------------------------------------------------------

/// A postal address, nested inside [`NewMember`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(crate = "finch::serde")]
pub struct Address {
    /// The city.
    pub city: String,
    /// The ISO 3166 country code.
    pub country: String,
}

/// A member to add to a team: a struct inside the request body.
///
/// The attribute leaves out the request's own `Option` fields when they are `None`; inside a
/// nested struct serde decides, so `email` says `skip_serializing_if` itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(crate = "finch::serde")]
pub struct NewMember {
    /// The member's name.
    pub name: String,
    /// The member's email, left out when `None`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Where the member lives.
    pub address: Address,
}

/// A team as the server returns it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(crate = "finch::serde")]
#[non_exhaustive]
pub struct Team {
    /// The team's id.
    pub id: String,
    /// The team's name.
    pub name: String,
    /// The team's description, `None` when it has none.
    #[serde(default)]
    pub description: Option<String>,
}

/// A team member as the server returns it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(crate = "finch::serde")]
#[non_exhaustive]
pub struct Member {
    /// The member's id.
    pub id: String,
    /// The member's name.
    pub name: String,
}

/// One shift of a member.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(crate = "finch::serde")]
#[non_exhaustive]
pub struct Shift {
    /// The shift's id.
    pub id: String,
    /// When it starts (RFC 3339).
    pub starts_at: String,
}

/// A page of shifts, with finch's own [`finch::Paging`].
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(crate = "finch::serde")]
#[non_exhaustive]
pub struct ShiftsPage {
    /// Where the page sits.
    pub paging: finch::Paging,
    /// The shifts.
    pub shifts: Vec<Shift>,
}

/// What became of one member of an import: an untagged enum, told apart by its members.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(crate = "finch::serde", untagged)]
pub enum ImportOutcome {
    /// The member was created.
    Created {
        /// The new member's id.
        id: String,
    },
    /// The member was rejected.
    Rejected {
        /// The index of the member in the request.
        index: usize,
        /// Why.
        error: String,
    },
}

/// The state of a job: an internally tagged enum that keeps states it does not know.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(crate = "finch::serde", tag = "status", rename_all = "snake_case")]
#[non_exhaustive]
pub enum JobStatus {
    /// Waiting to run.
    Pending {
        /// Jobs ahead of it.
        position: u32,
    },
    /// Done.
    Complete {
        /// Where the result is.
        result_url: String,
    },
    /// Failed.
    Failed {
        /// Why.
        reason: String,
    },
    /// A state this crate does not know yet.
    #[serde(other)]
    Unknown,
}

/// The service's health.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(crate = "finch::serde")]
#[non_exhaustive]
pub struct Health {
    /// `ok` when all is well.
    pub status: String,
}

/// A webhook registered for the application.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(crate = "finch::serde")]
#[non_exhaustive]
pub struct Webhook {
    /// The webhook's id.
    pub id: String,
    /// Where events go.
    pub url: String,
}

/// A message template.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(crate = "finch::serde")]
#[non_exhaustive]
pub struct Template {
    /// The template's id.
    pub id: String,
    /// Whether it is shared with every application (`true`) or the connection's own.
    pub public: bool,
}

/// A record, fetched with the generic [`Get`].
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(crate = "finch::serde")]
#[non_exhaustive]
pub struct Record {
    /// The record's id.
    pub id: u64,
    /// Its title.
    pub title: String,
}

/// A report, served from a path with dots and dashes.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(crate = "finch::serde")]
#[non_exhaustive]
pub struct Report {
    /// The report's id.
    pub id: String,
    /// How many rows it has.
    pub rows: u32,
}

/// A payment card. Its `pin` is secret: [`RetrieveCard`] lists it in `secret_members`, so an
/// error about the reply never shows it, and [`Secret`] keeps it out of `Debug`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(crate = "finch::serde")]
#[non_exhaustive]
pub struct Card {
    /// The last four digits.
    pub last4: String,
    /// The card's PIN.
    pub pin: Secret,
}

// ---------------------------------------------------------------------------------------------
// The endpoints, one per shape.
// ---------------------------------------------------------------------------------------------

/// `GET /teams/{team_id}/members/{member_id}/shifts`: two path parameters and a query array
/// (`ids[]=a&ids[]=b`).
#[finch_endpoint(GET "/teams/{team_id}/members/{member_id}/shifts", response = ShiftsPage)]
#[derive(Clone, Debug)]
pub struct ListShifts {
    /// The team.
    #[finch(path)]
    pub team_id: String,
    /// The member.
    #[finch(path)]
    pub member_id: String,
    /// Only these shifts.
    #[finch(query)]
    pub ids: Option<Vec<String>>,
    /// Page size.
    #[finch(query)]
    pub limit: Option<u32>,
}

/// `POST /teams`: a nested body (a struct in the struct, a list of structs), `Option` members
/// left out when `None`.
#[finch_endpoint(POST "/teams", response = Team)]
#[derive(Clone, Debug)]
pub struct CreateTeam {
    /// The team's name.
    pub name: String,
    /// Who leads it.
    pub lead: NewMember,
    /// Who else is in it.
    pub members: Vec<NewMember>,
    /// A description, left out when `None`.
    pub description: Option<String>,
    /// A budget in cents, left out when `None`.
    pub budget: Option<u64>,
}

/// `PUT /teams/{team_id}`: replaces a team, with a JSON body.
#[finch_endpoint(PUT "/teams/{team_id}", response = Team)]
#[derive(Clone, Debug)]
pub struct ReplaceTeam {
    /// The team.
    #[finch(path)]
    pub team_id: String,
    /// The new name.
    pub name: String,
    /// The new members.
    pub members: Vec<NewMember>,
}

/// `PATCH /teams/{team_id}`: changes some of a team's fields and can clear its description.
#[finch_endpoint(PATCH "/teams/{team_id}", response = Team)]
#[derive(Clone, Debug, Default)]
pub struct UpdateTeam {
    /// The team.
    #[finch(path)]
    pub team_id: String,
    /// A new name; `None` keeps the current one.
    pub name: Option<String>,
    /// `None` keeps the description, `Some(Nullable::Null)` clears it (sends `null`),
    /// `Some(Nullable::Value(text))` sets it.
    pub description: Option<Nullable<String>>,
}

/// `DELETE /teams/{team_id}/members`: a JSON body on `DELETE`, and a `204 No Content` reply.
#[finch_endpoint(DELETE "/teams/{team_id}/members", response = ())]
#[derive(Clone, Debug)]
pub struct RemoveMembers {
    /// The team.
    #[finch(path)]
    pub team_id: String,
    /// The members to remove.
    pub member_ids: Vec<String>,
}

/// `POST /teams/{team_id}/members/import`: the body is a top-level JSON array, and so is the reply.
#[finch_endpoint(POST "/teams/{team_id}/members/import", response = Vec<ImportOutcome>)]
#[derive(Clone, Debug)]
pub struct ImportMembers {
    /// The team.
    #[finch(path)]
    pub team_id: String,
    /// The whole body.
    #[finch(body)]
    pub members: Vec<NewMember>,
}

/// `GET /teams/{team_id}/export`: a required and an optional header, and a reply read as
/// untyped JSON.
#[finch_endpoint(GET "/teams/{team_id}/export", response = finch::serde_json::Value)]
#[derive(Clone, Debug)]
pub struct ExportTeam {
    /// The team.
    #[finch(path)]
    pub team_id: String,
    /// Always sent.
    #[finch(header = "Idempotency-Key")]
    pub idempotency_key: String,
    /// Sent when `Some`.
    #[finch(header = "X-Export-Tag")]
    pub tag: Option<String>,
}

/// `GET /health`: no credentials at all, even when the client has some.
#[finch_endpoint(GET "/health", response = Health, auth = none)]
#[derive(Clone, Copy, Debug, Default)]
pub struct CheckHealth;

/// `POST /app/webhooks`: the application's client id and secret (HTTP Basic), with a body.
#[finch_endpoint(POST "/app/webhooks", response = Webhook, auth = basic)]
#[derive(Clone, Debug)]
pub struct RegisterWebhook {
    /// Where events go.
    pub url: String,
}

/// `GET /templates`: the access token when the client has one, nothing otherwise; the reply is a
/// JSON array.
#[finch_endpoint(GET "/templates", response = Vec<Template>, auth = optional_bearer)]
#[derive(Clone, Copy, Debug, Default)]
pub struct ListTemplates;

/// `GET /jobs/{job_id}`: the reply is an enum.
#[finch_endpoint(GET "/jobs/{job_id}", response = JobStatus)]
#[derive(Clone, Debug)]
pub struct RetrieveJob {
    /// The job.
    #[finch(path)]
    pub job_id: String,
}

/// `GET /members/{id}/lookup`: fields that borrow, and a reply that may be empty (`None`).
#[finch_endpoint(GET "/members/{id}/lookup", response = Option<Member>)]
#[derive(Clone, Copy, Debug)]
pub struct Lookup<'a> {
    /// The member.
    #[finch(path)]
    pub id: &'a str,
    /// A search text.
    #[finch(query)]
    pub q: Option<&'a str>,
    /// A tag for the server's logs.
    #[finch(header = "X-Lookup-Tag")]
    pub tag: Option<&'a str>,
}

/// `GET /records/{id}`: generic over the id's type and the reply's type.
///
/// The bounds are the author's to write: a path parameter's type `PathValue + Sync` (one value:
/// a string, a number, ...), the response `DeserializeOwned + Send + 'static`.
#[finch_endpoint(GET "/records/{id}", response = R)]
#[derive(Debug)]
pub struct Get<T, R>
where
    T: finch::core::PathValue + Sync,
    R: DeserializeOwned + Send + 'static,
{
    /// The record.
    #[finch(path)]
    pub id: T,
    /// Only these fields of it.
    #[finch(query)]
    pub fields: Option<Vec<String>>,
    /// The reply's type.
    #[finch(skip)]
    pub response: PhantomData<fn() -> R>,
}

impl<T: finch::core::PathValue + Sync, R: DeserializeOwned + Send + 'static> Get<T, R> {
    /// The whole record `id`.
    pub fn new(id: T) -> Self {
        Get {
            id,
            fields: None,
            response: PhantomData,
        }
    }
}

/// `POST /search`: a JSON body member of a generic type.
#[finch_endpoint(POST "/search", response = Vec<Member>)]
#[derive(Clone, Debug)]
pub struct Search<F: Serialize + Sync> {
    /// The filter, in whatever shape the caller has it.
    pub filter: F,
    /// Page size.
    #[finch(query)]
    pub limit: Option<u32>,
}

/// `GET /v1.2/some-thing/{id}/x.json`: literal segments with dots and dashes.
#[finch_endpoint(GET "/v1.2/some-thing/{id}/x.json", response = Report)]
#[derive(Clone, Debug)]
pub struct DownloadReport {
    /// The report.
    #[finch(path)]
    pub id: String,
}

/// `GET /cards/{card_id}`: the reply's `pin` is secret, so errors about the reply mask it.
#[finch_endpoint(GET "/cards/{card_id}", response = Card, secret_members = ["pin"])]
#[derive(Clone, Debug)]
pub struct RetrieveCard {
    /// The card.
    #[finch(path)]
    pub card_id: String,
}

/// `POST /exports/{export_id}/start`: a 503 here means "the export service is closed for the
/// night", the endpoint's answer rather than a passing failure, so it is never retried.
#[finch_endpoint(POST "/exports/{export_id}/start", response = (), no_retry = [503])]
#[derive(Clone, Debug)]
pub struct StartExport {
    /// The export.
    #[finch(path)]
    pub export_id: String,
}

/// [`StartExport`] without `no_retry`: its 503 is retried as any 503 (the control of the test).
#[finch_endpoint(POST "/exports/{export_id}/start", response = ())]
#[derive(Clone, Debug)]
pub struct StartExportRetried {
    /// The export.
    #[finch(path)]
    pub export_id: String,
}
