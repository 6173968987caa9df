//! A local stand-in of the Finch API, for tests and examples (feature `testing`).
//!
//! [`StandIn`] is a real HTTP/1.1 server on `127.0.0.1` (an ephemeral port) that runs on the
//! current Tokio runtime and answers like Finch does, from a deterministic fixture company of
//! realistic size. Point a client at [`StandIn::base_url`] and test against it without a
//! network, credentials or mocks.
//!
//! ```
//! use finch::testing::StandIn;
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
//! * `Finch-API-Version: 2020-09-17` must be present (otherwise 400).
//! * Authentication is what the spec's `security` says for the operation: Bearer with a token
//!   this stand-in issued, Basic with its client credentials (`POST /connect/sessions`), or none
//!   at all for `POST /auth/token`, where an `Authorization` header is a 400, so an SDK that
//!   leaks credentials there fails its tests. Wrong or missing credentials are a 401.
//! * On `/employer/*`, `entity_ids` (bracket form `entity_ids[]=` or plain `entity_ids=`) may
//!   name at most one entity, and it must be the company's ([`StandIn::entity_id`]); otherwise
//!   400.
//! * Path segments are percent-decoded before lookup; an unknown route is a 404, a served path
//!   with the wrong method a 405 with `Allow`.
//!
//! Every reply is `Content-Type: application/json` with a unique `Finch-Request-ID` header.
//! Errors carry Finch's body, `{"code", "name", "finch_code", "message"}`. The stand-in never
//! panics on what a client sends: malformed JSON is a 400 `malformed_request` with serde's
//! message.
//!
//! # Routes
//! | Route | Auth | Behaviour |
//! |---|---|---|
//! | `POST /auth/token` | none | Exchanges a code from [`StandIn::issue_authorization_code`] (once) for a new access token. |
//! | `POST /connect/sessions` | Basic | Creates a Connect session (201). |
//! | `GET /employer/company` | Bearer | The company. |
//! | `GET /employer/directory` | Bearer | `limit` (default 100, max 10,000) and `offset` paging. |
//! | `POST /employer/individual` | Bearer | Up to 10,000 individuals per batch; `ssn` only with `options.include: ["ssn"]`. |
//! | `GET /employer/benefits` | Bearer | The company's benefits. |
//! | `GET /employer/benefits/{benefit_id}` | Bearer | One benefit, or 404 `benefit_not_found`. |
//! | `GET /employer/benefits/{benefit_id}/enrolled` | Bearer | Who is enrolled. |
//! | `DELETE /employer/benefits/{benefit_id}/individuals` | Bearer | Unenrolls `{"individual_ids": [...]}`; returns a `job_id`. |
//! | `POST /sandbox/directory` | Bearer | Adds people (a JSON array); they appear in the directory and in `/employer/individual`. |
//!
//! # Determinism
//! The company, and every id, code and token the stand-in hands out, follow from the seed
//! ([`StandInBuilder::seed`]) and the order of calls, so a failing test replays exactly.

mod auth;
mod data;
mod endpoints;
mod fixture;
mod ids;
mod json;
mod random;
mod recorded;
mod reply;
mod routes;
mod sandbox;
mod server;
mod state;
mod url;
mod wire;

#[cfg(test)]
mod tests;

pub use random::{RandomValueError, random_value};

use std::fmt;
use std::io;
use std::sync::Arc;

pub use recorded::RecordedRequest;

use fixture::Company;
use server::Server;
use state::{Config, Shared};

const DEFAULT_EMPLOYEES: usize = 300;
const DEFAULT_SEED: u64 = 0x2020_0917;
const DEFAULT_CLIENT_ID: &str = "2b6f4a3e-9c1d-4e8b-a7f5-3d0c6e1b9a24";
const DEFAULT_CLIENT_SECRET: &str = "finch-stand-in-client-secret";

/// A running local stand-in of the Finch API.
///
/// Start it with [`StandIn::start`] (defaults) or [`StandIn::builder`]. Dropping it stops the
/// server (in the background); [`StandIn::shutdown`] stops it and waits.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// let stand_in = finch::testing::StandIn::builder()
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
    /// seed. Same as `StandIn::builder().start()`.
    ///
    /// # Errors
    /// When no local port can be bound, or when not called inside a Tokio runtime (its IO driver
    /// must be enabled, as `#[tokio::main]` and `#[tokio::test]` do).
    pub async fn start() -> io::Result<Self> {
        Self::builder().start().await
    }

    /// A builder to choose the company size, credentials and seed.
    pub fn builder() -> StandInBuilder {
        StandInBuilder::default()
    }

    /// The base URL to give a client, `http://127.0.0.1:PORT` (no trailing slash).
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The application's client id, checked by `POST /auth/token` and `POST /connect/sessions`.
    pub fn client_id(&self) -> &str {
        &self.shared.config.client_id
    }

    /// The application's client secret.
    pub fn client_secret(&self) -> &str {
        &self.shared.config.client_secret
    }

    /// A new authorization code, as Finch Connect would hand the application's redirect URI.
    /// `POST /auth/token` accepts it exactly once.
    pub fn issue_authorization_code(&self) -> String {
        self.shared.lock().issue_code()
    }

    /// A new valid access token, for tests that skip the code exchange.
    pub fn issue_access_token(&self) -> String {
        self.shared.lock().issue_token()
    }

    /// Every request received so far, oldest first, including rejected ones.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.shared.lock().requests.clone()
    }

    /// How many individuals the directory lists: the generated employees plus anyone added with
    /// `POST /sandbox/directory`.
    pub fn employee_count(&self) -> usize {
        self.shared.lock().company.people.len()
    }

    /// The company's one entity id, as in the token response's `entity_ids` (and accepted in the
    /// `entity_ids` query parameter).
    pub fn entity_id(&self) -> String {
        self.shared.lock().company.entity_id.to_string()
    }

    /// The ids of the company's benefits (a 401(k) with a company match first, then others).
    pub fn benefit_ids(&self) -> Vec<String> {
        self.shared
            .lock()
            .company
            .benefits
            .iter()
            .map(|benefit| benefit.id.to_string())
            .collect()
    }

    /// Who is enrolled in a benefit now (after any unenrolment through the API), or `None` for
    /// an unknown benefit.
    pub fn enrolled_individuals(&self, benefit_id: &str) -> Option<Vec<String>> {
        let state = self.shared.lock();
        let benefit = state.company.benefit(benefit_id)?;
        Some(benefit.enrolled.iter().map(ToString::to_string).collect())
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
}

impl Default for StandInBuilder {
    fn default() -> Self {
        Self {
            employees: DEFAULT_EMPLOYEES,
            client_id: DEFAULT_CLIENT_ID.to_owned(),
            client_secret: DEFAULT_CLIENT_SECRET.to_owned(),
            seed: DEFAULT_SEED,
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

    /// The seed for the fixture company and for every id, code and token issued (default: a
    /// fixed seed). Same seed, same company.
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self
    }

    /// Builds the company and starts the server on the current Tokio runtime.
    ///
    /// # Errors
    /// When no local port can be bound, or when not called inside a Tokio runtime (its IO driver
    /// must be enabled, as `#[tokio::main]` and `#[tokio::test]` do).
    pub async fn start(self) -> io::Result<StandIn> {
        let config = Config {
            client_id: self.client_id,
            client_secret: self.client_secret,
        };
        let company = Company::generate(self.employees, self.seed);
        let shared = Arc::new(Shared::new(config, company, self.seed));
        let server = Server::start(Arc::clone(&shared)).await?;
        let base_url = format!("http://{}", server.address());
        Ok(StandIn {
            shared,
            base_url,
            server,
        })
    }
}

impl fmt::Debug for StandInBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StandInBuilder")
            .field("employees", &self.employees)
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field("seed", &self.seed)
            .finish()
    }
}
