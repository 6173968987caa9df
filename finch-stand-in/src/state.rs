//! The stand-in's state: configuration that never changes, and everything behind one mutex
//! (companies, connections, issued codes and tokens, the request log, the id generator, the
//! clock).

use std::collections::{HashMap, HashSet};
use std::sync::atomic::AtomicUsize;
use std::sync::{Mutex, MutexGuard, PoisonError};

use super::connection::{Connection, DEFAULT_PRODUCTS};
use super::dates::{self, Day, Instant};
use super::fixture::Company;
use super::ids::{SplitMix64, Uuid};
use super::recorded::RecordedRequest;

/// Shared between the server tasks and the [`StandIn`](super::StandIn) handle.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) config: Config,
    state: Mutex<State>,
    /// TCP connections accepted: apart from the state's lock, so counting never waits on it.
    pub(crate) accepted: AtomicUsize,
}

/// What the builder chose; never changes.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    pub(crate) client_id: String,
    pub(crate) client_secret: String,
    /// `http://127.0.0.1:PORT`, for the URLs in replies (`job_url`, document `url`).
    pub(crate) base_url: String,
    pub(crate) today: Day,
    /// How many `/employer/*` requests of each new connection answer 202.
    pub(crate) syncing_requests: u32,
    /// Refreshes (`data_sync_all` jobs) each connection may run.
    pub(crate) job_refreshes: i64,
    /// How many polls (`GET /jobs/automated/{job_id}`) a new job answers before its terminal
    /// status: the first `pending`, the rest `in_progress`.
    pub(crate) job_polls: u32,
    /// How each new connection's `data_sync_all` jobs end, until `PUT /sandbox/jobs/configuration`.
    pub(crate) job_completion: String,
}

impl Config {
    /// A configuration for unit tests.
    #[cfg(test)]
    pub(crate) fn for_tests() -> Self {
        Config {
            client_id: "id".to_owned(),
            client_secret: "secret".to_owned(),
            base_url: "http://127.0.0.1:9".to_owned(),
            today: dates::day(2025, 12, 31),
            syncing_requests: 0,
            job_refreshes: 2,
            job_polls: 0,
            job_completion: "complete".to_owned(),
        }
    }
}

/// An access token the stand-in issued.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token {
    /// Index into `State::connections`.
    pub(crate) connection: usize,
    /// The token's own id (`GET /introspect` `id`).
    pub(crate) id: Uuid,
}

/// What changes while the stand-in runs.
#[derive(Debug)]
pub(crate) struct State {
    pub(crate) companies: Vec<Company>,
    pub(crate) connections: Vec<Connection>,
    rng: SplitMix64,
    /// Authorization codes issued and not yet exchanged, with their connection.
    codes: HashMap<String, usize>,
    /// Codes already exchanged, to say so when one comes back.
    spent_codes: HashSet<String>,
    tokens: HashMap<String, Token>,
    pub(crate) requests: Vec<RecordedRequest>,
    /// The instant of the first request: 09:00 UTC on "today".
    clock_base: Instant,
}

/// What became of an authorization code presented to `POST /auth/token`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Redemption {
    /// The code's connection.
    Accepted(usize),
    AlreadyUsed,
    Unknown,
}

/// A connection, its company and the id generator, borrowed together.
#[derive(Debug)]
pub(crate) struct Parts<'a> {
    pub(crate) connection: &'a mut Connection,
    pub(crate) company: &'a mut Company,
    pub(crate) rng: &'a mut SplitMix64,
}

impl Shared {
    /// The state with one company of `company` and its connection (index 0).
    pub(crate) fn new(config: Config, company: Company, seed: u64) -> Self {
        let mut state = State {
            companies: Vec::new(),
            connections: Vec::new(),
            // A stream apart from the fixture's, so issuing ids never changes the company.
            rng: SplitMix64::new(seed ^ 0xA076_1D64_78BD_642F),
            codes: HashMap::new(),
            spent_codes: HashSet::new(),
            tokens: HashMap::new(),
            requests: Vec::new(),
            clock_base: dates::start_of(config.today) + 9 * 3_600,
        };
        state.companies.push(company);
        state.add_connection(&config, 0, "gusto", "oauth", None);
        Self {
            config,
            state: Mutex::new(state),
            accepted: AtomicUsize::new(0),
        }
    }

    /// The state. A panic while it was held (there should be none) does not wedge the
    /// stand-in: the data is still consistent enough for tests.
    pub(crate) fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl State {
    /// A fresh UUID from the stand-in's deterministic stream.
    pub(crate) fn new_id(&mut self) -> Uuid {
        self.rng.uuid()
    }

    /// A number for seeding a new sandbox company.
    pub(crate) fn new_seed(&mut self) -> u64 {
        self.rng.next_u64()
    }

    /// The stand-in's clock: 09:00 UTC on "today", one second later for every request received.
    pub(crate) fn now(&self) -> Instant {
        self.clock_base + i64::try_from(self.requests.len()).unwrap_or(0)
    }

    /// Adds a connection to `company`; returns its index.
    pub(crate) fn add_connection(
        &mut self,
        config: &Config,
        company: usize,
        provider_id: &str,
        authentication_type: &str,
        products: Option<Vec<String>>,
    ) -> usize {
        let id = self.new_id();
        let account_id = self.new_id();
        let now = self.now();
        let initial_sync = super::connection::AutomatedJob {
            id: self.new_id(),
            kind: "data_sync_all",
            status: "complete".to_owned(),
            created_at: now,
            scheduled_at: Some(now),
            started_at: Some(now),
            completed_at: Some(now),
            individual_id: None,
            running_polls: 0,
            polls: 0,
        };
        self.connections.push(Connection {
            id,
            account_id,
            company,
            provider_id: provider_id.to_owned(),
            authentication_type: authentication_type.to_owned(),
            products: products
                .unwrap_or_else(|| DEFAULT_PRODUCTS.iter().map(|p| (*p).to_owned()).collect()),
            status: "connected".to_owned(),
            disconnected: false,
            entity_disconnected: false,
            syncing: config.syncing_requests,
            jobs: vec![initial_sync],
            manual_jobs: Vec::new(),
            allowed_refreshes: config.job_refreshes,
            remaining_refreshes: config.job_refreshes,
            job_completion: config.job_completion.clone(),
        });
        self.connections.len() - 1
    }

    /// A code for the first connection.
    pub(crate) fn issue_code(&mut self) -> String {
        let code = self.new_id().to_string();
        self.codes.insert(code.clone(), 0);
        code
    }

    /// Spends `code` if it was issued and not yet used.
    pub(crate) fn redeem_code(&mut self, code: &str) -> Redemption {
        if let Some(connection) = self.codes.remove(code) {
            self.spent_codes.insert(code.to_owned());
            Redemption::Accepted(connection)
        } else if self.spent_codes.contains(code) {
            Redemption::AlreadyUsed
        } else {
            Redemption::Unknown
        }
    }

    /// A new token for the first connection.
    pub(crate) fn issue_token(&mut self) -> String {
        self.issue_token_for(0)
    }

    pub(crate) fn issue_token_for(&mut self, connection: usize) -> String {
        let token = self.new_id().to_string();
        let id = self.new_id();
        self.tokens.insert(token.clone(), Token { connection, id });
        token
    }

    /// The token, if this stand-in issued it (whether or not its connection was disconnected).
    pub(crate) fn token(&self, token: &str) -> Option<Token> {
        self.tokens.get(token).copied()
    }

    /// Whether the token was issued here and its connection is still connected.
    pub(crate) fn token_is_valid(&self, token: &str) -> bool {
        self.token(token)
            .and_then(|token| self.connections.get(token.connection))
            .is_some_and(|connection| !connection.disconnected)
    }

    /// The first connection's company.
    pub(crate) fn company(&self) -> Option<&Company> {
        self.companies.first()
    }

    pub(crate) fn company_of(&self, connection: usize) -> Option<&Company> {
        self.companies
            .get(self.connections.get(connection)?.company)
    }

    /// A connection, its company and the id generator, borrowed together.
    pub(crate) fn parts(&mut self, connection: usize) -> Option<Parts<'_>> {
        let connection = self.connections.get_mut(connection)?;
        let company = self.companies.get_mut(connection.company)?;
        Some(Parts {
            connection,
            company,
            rng: &mut self.rng,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::tests::company;

    fn shared() -> Shared {
        Shared::new(Config::for_tests(), company(3, 1), 1)
    }

    #[test]
    fn codes_are_single_use() {
        let shared = shared();
        let mut state = shared.lock();
        let code = state.issue_code();
        assert_eq!(state.redeem_code(&code), Redemption::Accepted(0));
        assert_eq!(state.redeem_code(&code), Redemption::AlreadyUsed);
        assert_eq!(state.redeem_code("made-up"), Redemption::Unknown);
    }

    #[test]
    fn tokens_and_codes_are_distinct_and_unique() {
        let shared = shared();
        let mut state = shared.lock();
        let token = state.issue_token();
        let code = state.issue_code();
        assert_ne!(token, code);
        assert!(state.token_is_valid(&token));
        assert!(!state.token_is_valid(&code));
        assert_ne!(state.issue_token(), token);
        state.connections[0].disconnected = true;
        assert!(!state.token_is_valid(&token));
        assert!(state.token(&token).is_some());
    }

    #[test]
    fn the_clock_ticks_with_requests() {
        let shared = shared();
        let state = shared.lock();
        assert_eq!(dates::timestamp(state.now()), "2025-12-31T09:00:00Z");
    }

    #[test]
    fn poisoned_lock_still_works() {
        let shared = std::sync::Arc::new(shared());
        let clone = std::sync::Arc::clone(&shared);
        let _ = std::thread::spawn(move || {
            let _guard = clone.lock();
            panic!("poison it");
        })
        .join();
        assert!(shared.state.is_poisoned());
        let token = shared.lock().issue_token();
        assert!(shared.lock().token_is_valid(&token));
    }
}
