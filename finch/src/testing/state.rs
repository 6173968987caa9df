//! The stand-in's state: configuration that never changes, and everything behind one mutex
//! (the company, issued codes and tokens, the request log, the id generator).

use std::collections::HashSet;
use std::sync::{Mutex, MutexGuard, PoisonError};

use super::fixture::Company;
use super::ids::{SplitMix64, Uuid};
use super::recorded::RecordedRequest;

/// Shared between the server tasks and the [`StandIn`](super::StandIn) handle.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) config: Config,
    state: Mutex<State>,
}

/// The application's credentials.
#[derive(Debug, Clone)]
pub(crate) struct Config {
    pub(crate) client_id: String,
    pub(crate) client_secret: String,
}

/// What changes while the stand-in runs.
#[derive(Debug)]
pub(crate) struct State {
    pub(crate) company: Company,
    rng: SplitMix64,
    /// Authorization codes issued and not yet exchanged.
    codes: HashSet<String>,
    /// Codes already exchanged, to say so when one comes back.
    spent_codes: HashSet<String>,
    tokens: HashSet<String>,
    pub(crate) requests: Vec<RecordedRequest>,
}

/// What became of an authorization code presented to `POST /auth/token`.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Redemption {
    Accepted,
    AlreadyUsed,
    Unknown,
}

impl Shared {
    pub(crate) fn new(config: Config, company: Company, seed: u64) -> Self {
        let state = State {
            company,
            // A stream apart from the fixture's, so issuing ids never changes the company.
            rng: SplitMix64::new(seed ^ 0xA076_1D64_78BD_642F),
            codes: HashSet::new(),
            spent_codes: HashSet::new(),
            tokens: HashSet::new(),
            requests: Vec::new(),
        };
        Self {
            config,
            state: Mutex::new(state),
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

    pub(crate) fn issue_code(&mut self) -> String {
        let code = self.new_id().to_string();
        self.codes.insert(code.clone());
        code
    }

    /// Spends `code` if it was issued and not yet used.
    pub(crate) fn redeem_code(&mut self, code: &str) -> Redemption {
        if self.codes.remove(code) {
            self.spent_codes.insert(code.to_owned());
            Redemption::Accepted
        } else if self.spent_codes.contains(code) {
            Redemption::AlreadyUsed
        } else {
            Redemption::Unknown
        }
    }

    pub(crate) fn issue_token(&mut self) -> String {
        let token = self.new_id().to_string();
        self.tokens.insert(token.clone());
        token
    }

    pub(crate) fn token_is_valid(&self, token: &str) -> bool {
        self.tokens.contains(token)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared() -> Shared {
        let config = Config {
            client_id: "id".to_owned(),
            client_secret: "secret".to_owned(),
        };
        Shared::new(config, Company::generate(3, 1), 1)
    }

    #[test]
    fn codes_are_single_use() {
        let shared = shared();
        let mut state = shared.lock();
        let code = state.issue_code();
        assert_eq!(state.redeem_code(&code), Redemption::Accepted);
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
