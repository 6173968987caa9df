//! A local stand-in of the Finch API, for tests of Finch clients: finch's, your own code's, or
//! another language's SDK.
//!
//! [`StandIn`] is a real HTTP/1.1 server on `127.0.0.1` (an ephemeral port) that runs on the
//! current Tokio runtime and answers like Finch does, from a deterministic fixture company of
//! realistic size. Point a client at [`StandIn::base_url`] and test against it without a
//! network, credentials or mocks. It shares no type with the finch SDK: it speaks Finch's wire
//! format with types of its own, so a test through it checks the client's encoding too.
//!
//! ```
//! use finch_stand_in::StandIn;
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> std::io::Result<()> {
//! let stand_in = StandIn::start().await?;
//! let base_url = stand_in.base_url(); // "http://127.0.0.1:PORT"
//! // What Finch Connect hands your redirect URI; exchange it at POST /auth/token
//! // with stand_in.client_id() and stand_in.client_secret() ...
//! let code = stand_in.issue_authorization_code();
//! // ... or skip the exchange and use a token directly.
//! let token = stand_in.issue_access_token();
//! # let _ = (base_url, code, token);
//! assert_eq!(stand_in.employee_count(), 300);
//! # Ok(())
//! # }
//! ```
//!
//! # What it checks, on every request
//! * `Finch-API-Version` must be present where the spec declares it (every operation but the
//!   sandbox ones and `POST /connect/sessions/reauthenticate`) and, wherever sent, be a date
//!   (otherwise 400); any date is answered as `2020-09-17`, Finch's one version.
//! * Authentication is what the spec's `security` says for the operation: Bearer with a token
//!   this stand-in issued (and whose connection was not disconnected), Basic with its client
//!   credentials (`/connect/sessions*`, `POST /sandbox/connections`,
//!   `POST /sandbox/connections/accounts`), either none or a valid Bearer token for
//!   `GET /providers`, and none for `POST /auth/token` (the client's credentials go in its body;
//!   an `Authorization` header sent anyway is ignored, and [`StandIn::requests`] shows whether a
//!   client sent one). Wrong or missing credentials
//!   (a Basic header where Bearer is expected, or the other way round) are a 401.
//! * On `/employer/*`:
//!   * `entity_ids` (bracket form `entity_ids[]=` or plain `entity_ids=`) may name at most one
//!     entity, and it must be the connection's (its company's, [`StandIn::entity_id`] for the
//!     first one) and still connected: another entity's id is a 404 `entity_not_found`, more
//!     than one id, what is no UUID or a disconnected entity a 400.
//!   * The connection's status (`PUT /sandbox/connections/accounts`): `reauth` answers Finch's
//!     401 `authentication_error` / `reauthenticate_user`, `error_no_account_setup` a 401
//!     `account_setup_required`, `error_permissions` a 403; `pending` and `processing` answer a
//!     202 (`authorization_pending` / `data_sync_in_progress`) on the operations whose spec
//!     declares one.
//!   * The connection must have the product the endpoint reads (`company`, `directory`,
//!     `individual`, `employment`, `payment` for payments, pay groups and ledger items,
//!     `pay_statement` for pay statements and their items and rules, `benefits` (or
//!     `deduction` for the writes), `documents`, `plans`, `plans_enrollments`,
//!     `plans_dependents`); otherwise a 403 `insufficient_scope_error`. Connections get every
//!     product unless created with a list.
//!   * With [`StandInBuilder::data_sync_in_progress`], a new connection answers its first
//!     requests with Finch's 202 "data sync in progress".
//! * Path segments are percent-decoded before lookup; an unknown route is a 404, a served path
//!   with the wrong method a 405 with `Allow`.
//! * Whatever the spec allows is accepted: request bodies are optional as in the spec (no body
//!   reads as `{}`, or `[]` for the array bodies); `limit=0` (or below) on a listing is an empty
//!   page and an `offset` below 0 reads as 0; an integer written `1308.0` is the integer; a
//!   member typed with the spec's `Date` schema (any string) keeps text that is no date as sent;
//!   `POST /forward` passes on any method and route.
//!   Where the body's schema requires members, no body means nothing given: a batch read
//!   answers no responses, a job is a `data_sync_all`, `PUT /sandbox/company` changes nothing;
//!   only an operation that cannot go on without them (the token exchange, a forward, a Connect
//!   session, a new sandbox connection or account, a disconnected entity) answers a 400 naming
//!   the first one missing, as it does for `{}`.
//!
//! Every reply is `Content-Type: application/json` with a unique `Finch-Request-ID` header.
//! Errors carry Finch's body, `{"code", "name", "finch_code", "message"}` (the jobs and
//! disconnect-entity endpoints use the spec's `{"statusCode", "status", "code", "name",
//! "message"}` and `{"errors": [...]}` shapes, as the spec documents them, also for a missing
//! version header or bad credentials). The stand-in never panics on what a client
//! sends: malformed JSON is a 400 `malformed_request` with serde's message, a body of the wrong
//! shape a 400 `invalid_request` naming the place (`[body:requests.0.individual_id]: ...`).
//!
//! # The company
//! The first connection reads a company of [`StandInBuilder::employees`] people: a CEO,
//! department heads and staff in a management tree; full-time, part-time, intern, temporary
//! and contract workers, salaried or hourly, about one in ten no longer employed; addresses,
//! e-mails, phone numbers, incomes with a raise history; benefits with enrolments (a 401(k) with
//! a company match, a Roth 401(k), medical, dental, an HSA, commuter); benefit plans with
//! enrolments and dependents; W-4s (the 2020 form, or the 2005 one for people hired earlier);
//! three pay groups; and a year of payroll up to [`StandInBuilder::today`]: every other Friday
//! for employees, month ends for contractors, each person's pay statement computed in integer
//! cents (earnings, overtime, commission, a December bonus, federal, FICA, state and city
//! taxes, pre- and post-tax deductions, employer contributions). `POST /sandbox/connections`
//! adds companies of their own.
//!
//! # Routes
//! | Route | Auth | Behaviour |
//! |---|---|---|
//! | `POST /auth/token` | none | Exchanges a code from [`StandIn::issue_authorization_code`] (once) for a new access token of the first connection. |
//! | `POST /connect/sessions` | Basic | Creates a Connect session (201). |
//! | `POST /connect/sessions/reauthenticate` | Basic | A session to reauthenticate a known connection (201); an unknown `connection_id` is a 400. |
//! | `GET /introspect` | Bearer | The token's connection: its status, products, provider, company and entity (with its status). |
//! | `POST /disconnect` | Bearer | Disconnects the connection: its tokens get a 401 from then on. |
//! | `POST /disconnect-entity` | Bearer | Disconnects the connection's entity (then `/employer/*` is a 400); unknown ids are a 400 `{"errors": [{"entityId", "error": "NOT_FOUND"}]}`. |
//! | `GET /providers` | none or Bearer | Fourteen providers with their products and authentication methods. |
//! | `POST /forward` | Bearer | Echoes the forwarded request: `statusCode` (201 for `POST`, 200 for `GET`, `PUT`, `PATCH` and `DELETE`, the provider's 405 for any other method) and `data` holding the method, route, params, headers and body the "provider" received. |
//! | `GET /jobs/automated` | Bearer | The connection's jobs, newest first (`limit` default 100, no maximum, `offset`), and its refresh quota. |
//! | `POST /jobs/automated` | Bearer | Starts a `data_sync_all` (ends as [`StandInBuilder::job_completion`] or the sandbox job configuration says, `reauth_error` while the connection needs reauthentication; takes one of [`StandInBuilder::job_refreshes`], then 429 with `retry_at` and `Retry-After`) or a `w4_form_employee_sync` of a known individual (201). |
//! | `GET /jobs/automated/{job_id}` | Bearer | One job, or 404. Each read is a poll: a job answers `pending`, then `in_progress`, for [`StandInBuilder::job_polls`] polls, then its terminal status. |
//! | `GET /jobs/manual/{job_id}` | Bearer | The outcome of a benefits write, item by item. |
//! | `GET /employer/company` | Bearer | The company (or what `PUT /sandbox/company` set). |
//! | `GET /employer/directory` | Bearer | `limit` (default 100, max 10,000) and `offset` paging. |
//! | `POST /employer/individual` | Bearer | Up to 10,000 individuals per batch; `ssn` only with `options.include: ["ssn"]`; unknown ids are 404 items. |
//! | `POST /employer/employment` | Bearer | Up to 10,000 employments per batch, with income, income history, location and custom fields. |
//! | `GET /employer/payment` | Bearer | Payments with a pay date from `start_date` to `end_date` (both required). |
//! | `POST /employer/pay-statement` | Bearer | Up to 10 payments, each paged (`limit` default 100, max 5,000, `offset`); unknown payments are 404 items. |
//! | `GET /employer/pay-statement-item` | Bearer | The items of the pay statements, with the rules' metadata; filters `categories[]`, `name` (partial, any case), `type`, `start_date`/`end_date` (last seen). |
//! | `GET /employer/pay-statement-item/rule` | Bearer | The rules. |
//! | `POST /employer/pay-statement-item/rule` | Bearer | Creates a rule (201); one without `conditions` labels no item. |
//! | `PUT /employer/pay-statement-item/rule/{rule_id}` | Bearer | Changes the fields given (also inside the spec's `optionalProperty`, when that is an object). |
//! | `DELETE /employer/pay-statement-item/rule/{rule_id}` | Bearer | Deletes the rule; answers it with `deleted_at`. |
//! | `GET /employer/pay-groups` | Bearer | The pay groups; filters `individual_id`, `pay_frequencies[]`. |
//! | `GET /employer/pay-groups/{pay_group_id}` | Bearer | A pay group with its members. |
//! | `GET /employer/benefits` | Bearer | The company's benefits. |
//! | `POST /employer/benefits` | Bearer | Creates a benefit (201) of a type the provider supports (else 422), with an optional match. |
//! | `POST /employer/benefits/register` | Bearer | Registers a benefit (201). |
//! | `GET /employer/benefits/meta` | Bearer | The benefit types the provider supports. |
//! | `GET /employer/benefits/{benefit_id}` | Bearer | One benefit, or 404 `benefit_not_found`. |
//! | `POST /employer/benefits/{benefit_id}` | Bearer | Changes the description. |
//! | `GET /employer/benefits/{benefit_id}/enrolled` | Bearer | Who is enrolled. |
//! | `GET /employer/benefits/{benefit_id}/individuals` | Bearer | Enrolment configurations, of everyone or of the comma-separated `individual_ids` (207 when some are not enrolled). |
//! | `POST /employer/benefits/{benefit_id}/individuals` | Bearer | Enrolls, or changes the given parts of an enrolment (a JSON array); an item without `individual_id` is an error item of the job. |
//! | `DELETE /employer/benefits/{benefit_id}/individuals` | Bearer | Unenrolls `{"individual_ids": [...]}` (no one without them). |
//! | `GET /employer/documents` | Bearer | W-4s; filters `individual_ids[]`, `types[]`; `limit` (default all) and `offset`. |
//! | `GET /employer/documents/{document_id}` | Bearer | A W-4 (2020 or 2005 form). |
//! | `POST /employer/ledger-items` | Bearer | Each payment's balanced journal (beta). |
//! | `GET /employer/plans` | Bearer | Benefit plans, `plan_type` filter, pages of at most 50 (beta). |
//! | `GET /employer/plans/{plan_id}` | Bearer | One plan (beta). |
//! | `GET /employer/plans-enrollments` | Bearer | Plan enrolments, pages of at most 50 (beta). |
//! | `POST /employer/plans-enrollments` | Bearer | Up to 50 enrolments by id (beta). |
//! | `GET /employer/plans-dependents` | Bearer | Dependents with their coverage, pages of at most 50, `include=ssn` (beta). |
//! | `POST /employer/plans-dependents` | Bearer | Up to 50 dependents by id (beta). |
//! | `POST /sandbox/connections` | Basic | A new connection with a company of its own (`employee_size` from 0 to 10,000, default 20; above 100, one pay period) and its access token. |
//! | `POST /sandbox/connections/accounts` | Basic | A new connection to an existing company, and its access token. |
//! | `PUT /sandbox/connections/accounts` | Bearer | Sets the connection's status (see above). |
//! | `PUT /sandbox/company` | Bearer | Replaces the company's profile (every member required). |
//! | `POST /sandbox/directory` | Bearer | Adds people (a JSON array; no body adds no one); they appear in the directory, `/employer/individual` and `/employer/employment`. |
//! | `PUT /sandbox/individual/{individual_id}` | Bearer | Sets the individual fields given; 404 for an unknown id. |
//! | `PUT /sandbox/employment/{individual_id}` | Bearer | Sets the employment fields given; 404 for an unknown id. |
//! | `POST /sandbox/payment` | Bearer | Adds a payment with the pay statements given (or, without any, a regular payroll of everyone employed), paid on `end_date` (default today). |
//! | `POST /sandbox/jobs` | Bearer | Runs a `data_sync_all`, as `POST /jobs/automated` does. |
//! | `GET /sandbox/jobs/configuration` | Bearer | How sandbox sync jobs end. |
//! | `PUT /sandbox/jobs/configuration` | Bearer | Sets how they end (`complete`, `error`, `reauth_error`, `permissions_error`). |
//!
//! # From the command line, for other languages' tests
//! The `finch-stand-in` binary serves the same stand-in on a given address until it is killed,
//! and prints, one `key=value` a line, what a test needs to use it (see the crate's README):
//!
//! ```text
//! $ finch-stand-in --addr 127.0.0.1:8080 --employees 50 --seed 7
//! base_url=http://127.0.0.1:8080
//! client_id=2b6f4a3e-9c1d-4e8b-a7f5-3d0c6e1b9a24
//! client_secret=finch-stand-in-client-secret
//! authorization_code=...
//! access_token=...
//! ...
//! ready
//! ```
//!
//! # Random values for property tests
//! [`random_value`] makes a random value of any type that implements `serde::Deserialize` (a
//! finch response type, or your own), the same for the same seed, with the stand-in's generator.
//!
//! # Determinism
//! The companies, and every id, code, token and timestamp the stand-in hands out, follow from
//! the seed ([`StandInBuilder::seed`]), "today" ([`StandInBuilder::today`]) and the order of
//! calls, so a failing test replays exactly. The clock reads 09:00 UTC on "today" and advances
//! one second per request.

#![warn(missing_debug_implementations)]

mod auth;
mod catalog;
mod connection;
mod data;
mod dates;
mod endpoints;
mod enrollments;
mod fixture;
mod ids;
mod json;
mod payroll;
mod people;
mod plans;
mod random;
mod recorded;
mod reply;
mod routes;
mod rules;
mod sandbox;
mod server;
mod state;
mod url;
mod w4;
mod wire;

#[cfg(test)]
mod tests;

pub use random::{RandomValueError, random_value};

use std::fmt;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

pub use connection::JOB_COMPLETIONS;
pub use recorded::RecordedRequest;

use dates::Day;
use fixture::Company;
use ids::Uuid;
use server::Server;
use state::{Config, Shared};

const DEFAULT_EMPLOYEES: usize = 300;
const DEFAULT_SEED: u64 = 0x2020_0917;
const DEFAULT_CLIENT_ID: &str = "2b6f4a3e-9c1d-4e8b-a7f5-3d0c6e1b9a24";
const DEFAULT_CLIENT_SECRET: &str = "finch-stand-in-client-secret";
const DEFAULT_TODAY: (i32, u32, u32) = (2025, 12, 31);
const DEFAULT_JOB_REFRESHES: i64 = 2;
/// Polls a new automated job answers before its terminal status: `pending`, then `in_progress`.
const DEFAULT_JOB_POLLS: u32 = 2;

/// The first company's entity id: the one in every `entity_ids` example of Finch's spec and
/// documentation.
const SPEC_EXAMPLE_ENTITY_ID: Uuid = Uuid(0x550e_8400_e29b_41d4_a716_4466_5544_0000);

/// A running local stand-in of the Finch API.
///
/// Start it with [`StandIn::start`] (defaults) or [`StandIn::builder`]. Dropping it stops the
/// server (in the background); [`StandIn::shutdown`] stops it and waits.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// let stand_in = finch_stand_in::StandIn::builder()
///     .employees(1_000)
///     .client_id("my-client-id")
///     .client_secret("my-client-secret")
///     .seed(7)
///     .start()
///     .await?;
/// assert!(stand_in.base_url().starts_with("http://127.0.0.1:"));
/// assert_eq!(stand_in.client_id(), "my-client-id");
/// assert_eq!(stand_in.employee_count(), 1_000);
/// stand_in.shutdown().await;
/// # Ok(())
/// # }
/// ```
pub struct StandIn {
    shared: Arc<Shared>,
    base_url: String,
    server: Server,
}

impl StandIn {
    /// Starts a stand-in with the defaults: 300 employees, a fixed client id and secret, a fixed
    /// seed, "today" 2025-12-31. Same as `StandIn::builder().start()`.
    ///
    /// # Errors
    /// When no local port can be bound, or when not called inside a Tokio runtime (its IO driver
    /// must be enabled, as `#[tokio::main]` and `#[tokio::test]` do).
    pub async fn start() -> io::Result<Self> {
        Self::builder().start().await
    }

    /// A builder to choose the company size, credentials, seed and behaviours.
    pub fn builder() -> StandInBuilder {
        StandInBuilder::default()
    }

    /// The base URL to give a client, `http://127.0.0.1:PORT` (no trailing slash; the host is
    /// the [address](StandInBuilder::address) bound, loopback for an unspecified one).
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The application's client id, checked by `POST /auth/token` and the Basic-auth endpoints.
    pub fn client_id(&self) -> &str {
        &self.shared.config.client_id
    }

    /// The application's client secret.
    pub fn client_secret(&self) -> &str {
        &self.shared.config.client_secret
    }

    /// The stand-in's "today" (`YYYY-MM-DD`): payroll history ends here.
    pub fn today(&self) -> String {
        dates::format(self.shared.config.today)
    }

    /// A new authorization code for the first connection, as Finch Connect would hand the
    /// application's redirect URI. `POST /auth/token` accepts it exactly once.
    pub fn issue_authorization_code(&self) -> String {
        self.shared.lock().issue_code()
    }

    /// A new valid access token of the first connection, for tests that skip the code exchange.
    pub fn issue_access_token(&self) -> String {
        self.shared.lock().issue_token()
    }

    /// Every request received so far, oldest first, including rejected ones.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.lock().requests.clone()
    }

    /// How many TCP connections the stand-in has accepted so far: a client that reuses its
    /// connections (keep-alive, a pool shared by every connection's token) opens few.
    pub fn connections_accepted(&self) -> usize {
        self.shared
            .accepted
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    /// How many individuals the first connection's directory lists: the generated employees
    /// plus anyone added with `POST /sandbox/directory`.
    pub fn employee_count(&self) -> usize {
        self.shared
            .lock()
            .company()
            .map_or(0, |company| company.people.len())
    }

    /// The first connection's entity id, as in the token response's `entity_ids` (and accepted
    /// in the `entity_ids` query parameter): `550e8400-e29b-41d4-a716-446655440000`, the id of
    /// the spec's and Finch's documentation's examples, whatever the seed.
    pub fn entity_id(&self) -> String {
        self.shared
            .lock()
            .company()
            .map(|company| company.entity_id.to_string())
            .unwrap_or_default()
    }

    /// The first connection's company id.
    pub fn company_id(&self) -> String {
        self.shared
            .lock()
            .company()
            .map(|company| company.id.to_string())
            .unwrap_or_default()
    }

    /// The first connection's id.
    pub fn connection_id(&self) -> String {
        self.shared
            .lock()
            .connections
            .first()
            .map(|connection| connection.id.to_string())
            .unwrap_or_default()
    }

    /// The ids of the first company's benefits (a 401(k) with a company match first, then
    /// others, then any created through the API).
    pub fn benefit_ids(&self) -> Vec<String> {
        self.shared
            .lock()
            .company()
            .map_or_else(Vec::new, |company| {
                company
                    .benefits
                    .iter()
                    .map(|benefit| benefit.id.to_string())
                    .collect()
            })
    }

    /// Who is enrolled in a benefit of the first company now (after any change through the
    /// API), or `None` for an unknown benefit.
    pub fn enrolled_individuals(&self, benefit_id: &str) -> Option<Vec<String>> {
        let state = self.shared.lock();
        let benefit = state.company()?.benefit(benefit_id)?;
        Some(
            benefit
                .enrolled_ids()
                .iter()
                .map(ToString::to_string)
                .collect(),
        )
    }

    /// Stops accepting connections, lets requests in flight finish, and waits until the server
    /// has stopped.
    pub async fn shutdown(self) {
        self.server.shutdown().await;
    }
}

impl fmt::Debug for StandIn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StandIn")
            .field("base_url", &self.base_url)
            .field("client_id", &self.client_id())
            .field("client_secret", &"<redacted>")
            .finish_non_exhaustive()
    }
}

/// Configures a [`StandIn`]; get one from [`StandIn::builder`].
#[derive(Clone)]
pub struct StandInBuilder {
    employees: usize,
    client_id: String,
    client_secret: String,
    seed: u64,
    today: Day,
    syncing_requests: u32,
    job_refreshes: i64,
    job_polls: u32,
    job_completion: &'static str,
    address: SocketAddr,
}

impl Default for StandInBuilder {
    fn default() -> Self {
        let (year, month, day) = DEFAULT_TODAY;
        Self {
            employees: DEFAULT_EMPLOYEES,
            client_id: DEFAULT_CLIENT_ID.to_owned(),
            client_secret: DEFAULT_CLIENT_SECRET.to_owned(),
            seed: DEFAULT_SEED,
            today: dates::day(year, month, day),
            syncing_requests: 0,
            job_refreshes: DEFAULT_JOB_REFRESHES,
            job_polls: DEFAULT_JOB_POLLS,
            job_completion: JOB_COMPLETIONS[0],
            address: SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 0),
        }
    }
}

impl StandInBuilder {
    /// How many employees the fixture company has (default 300). Tens of thousands are fine:
    /// 10,000 take a few milliseconds to generate.
    pub fn employees(mut self, employees: usize) -> Self {
        self.employees = employees;
        self
    }

    /// The client id the stand-in accepts (default: a fixed UUID).
    pub fn client_id(mut self, client_id: impl Into<String>) -> Self {
        self.client_id = client_id.into();
        self
    }

    /// The client secret the stand-in accepts (default: a fixed string).
    pub fn client_secret(mut self, client_secret: impl Into<String>) -> Self {
        self.client_secret = client_secret.into();
        self
    }

    /// The seed for the fixture companies and for every id, code and token issued (default: a
    /// fixed seed). Same seed, same company.
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// The stand-in's "today" (default 2025-12-31): the payroll history covers the year before
    /// it, and it is the date of the stand-in's clock. Out-of-range months and days are clamped
    /// (`today(2024, 2, 31)` is 2024-02-29).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let stand_in = finch_stand_in::StandIn::builder().today(2026, 6, 30).start().await?;
    /// assert_eq!(stand_in.today(), "2026-06-30");
    /// # Ok(())
    /// # }
    /// ```
    pub fn today(mut self, year: i32, month: u32, day: u32) -> Self {
        let month = month.clamp(1, 12);
        let day = day.clamp(1, dates::days_in_month(year, month));
        self.today = dates::day(year, month, day);
        self
    }

    /// Makes every new connection (the first one, and those created through the sandbox)
    /// answer its first `requests` `/employer/*` requests with Finch's 202
    /// `{"name": "sync_in_progress", "finch_code": "data_sync_in_progress", ...}` (on the
    /// operations whose spec declares a 202), as a freshly connected employer does while Finch
    /// syncs. Default 0. The finch SDK reports these as `finch::Error::Accepted`.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let stand_in = finch_stand_in::StandIn::builder().data_sync_in_progress(1).start().await?;
    /// // GET {base_url}/employer/company with a token: first a 202, then the company.
    /// # let _ = stand_in;
    /// # Ok(())
    /// # }
    /// ```
    pub fn data_sync_in_progress(mut self, requests: u32) -> Self {
        self.syncing_requests = requests;
        self
    }

    /// How many `data_sync_all` jobs (`POST /jobs/automated`, `POST /sandbox/jobs`) each
    /// connection may run (default 2); the next one is a 429 with `retry_at`. Refreshes do not
    /// come back while the stand-in runs.
    pub fn job_refreshes(mut self, refreshes: u32) -> Self {
        self.job_refreshes = i64::from(refreshes);
        self
    }

    /// How many polls (`GET /jobs/automated/{job_id}`) each new automated job answers before its
    /// terminal status (default 2): the first `pending`, the others `in_progress`, then the
    /// status it ends with, for good. 0 makes jobs end when created.
    pub fn job_polls(mut self, polls: u32) -> Self {
        self.job_polls = polls;
        self
    }

    /// How each new connection's `data_sync_all` jobs end (default `complete`): one of
    /// `complete`, `reauth_error`, `permissions_error` or `error`; any other value leaves the
    /// setting as it was. `PUT /sandbox/jobs/configuration` changes it per connection.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let stand_in = finch_stand_in::StandIn::builder()
    ///     .job_polls(3)
    ///     .job_completion("reauth_error")
    ///     .start()
    ///     .await?;
    /// # let _ = stand_in;
    /// # Ok(())
    /// # }
    /// ```
    pub fn job_completion(mut self, status: &str) -> Self {
        if let Some(known) = JOB_COMPLETIONS.iter().find(|known| **known == status) {
            self.job_completion = known;
        }
        self
    }

    /// The address to listen on (default `127.0.0.1:0`: loopback, a free port). Port 0 picks a
    /// free port; [`StandIn::base_url`] has the one bound. On an unspecified address (`0.0.0.0`,
    /// `[::]`) the base URL names loopback.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let address: std::net::SocketAddr = "127.0.0.1:0".parse().unwrap();
    /// let stand_in = finch_stand_in::StandIn::builder().address(address).start().await?;
    /// assert!(stand_in.base_url().starts_with("http://127.0.0.1:"));
    /// # Ok(())
    /// # }
    /// ```
    pub fn address(mut self, address: SocketAddr) -> Self {
        self.address = address;
        self
    }

    /// Builds the company and starts the server on the current Tokio runtime.
    ///
    /// # Errors
    /// When the address cannot be bound, or when not called inside a Tokio runtime (its IO
    /// driver must be enabled, as `#[tokio::main]` and `#[tokio::test]` do).
    pub async fn start(self) -> io::Result<StandIn> {
        let mut company = Company::generate(self.employees, self.seed, self.today);
        // The id Finch's spec and docs use in every `entity_ids` example, so that a request
        // copied from them (or an SDK test generated from the spec) names the first company.
        company.entity_id = SPEC_EXAMPLE_ENTITY_ID;
        let seed = self.seed;
        let (server, shared) = Server::start(self.address, move |address| {
            let config = Config {
                client_id: self.client_id,
                client_secret: self.client_secret,
                base_url: format!("http://{}", reachable(address)),
                today: self.today,
                syncing_requests: self.syncing_requests,
                job_refreshes: self.job_refreshes,
                job_polls: self.job_polls,
                job_completion: self.job_completion.to_owned(),
            };
            Arc::new(Shared::new(config, company, seed))
        })
        .await?;
        let base_url = shared.config.base_url.clone();
        Ok(StandIn {
            shared,
            base_url,
            server,
        })
    }
}

/// The address a client reaches a server bound to `address` at: loopback for an unspecified one.
fn reachable(address: SocketAddr) -> SocketAddr {
    match address.ip() {
        IpAddr::V4(ip) if ip.is_unspecified() => {
            SocketAddr::new(Ipv4Addr::LOCALHOST.into(), address.port())
        }
        IpAddr::V6(ip) if ip.is_unspecified() => {
            SocketAddr::new(Ipv6Addr::LOCALHOST.into(), address.port())
        }
        _ => address,
    }
}

impl fmt::Debug for StandInBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StandInBuilder")
            .field("employees", &self.employees)
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field("seed", &self.seed)
            .field("today", &dates::format(self.today))
            .field("data_sync_in_progress", &self.syncing_requests)
            .field("job_refreshes", &self.job_refreshes)
            .field("job_polls", &self.job_polls)
            .field("job_completion", &self.job_completion)
            .field("address", &self.address)
            .finish()
    }
}
