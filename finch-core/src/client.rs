//! The client handle: what every call shares (configuration, transport, injected time) and the
//! connection's credentials. Building it is [`builder`](crate::builder)'s job, sending through it
//! [`pipeline`](crate::pipeline)'s.

use crate::base_url::BaseUrl;
use crate::credentials::Credentials;
use crate::retry::RetryPolicy;
use crate::secret::Secret;
use crate::sleep::{AsyncSleep, Clock, SleepFuture};
use crate::transport::DynTransport;
use http::HeaderMap;
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

/// The API version finch speaks.
pub const API_VERSION: &str = "2020-09-17";

/// The default time limit of each attempt.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// Sends endpoints to the Finch API. Cheap to clone (one `Arc` and the credentials' `Arc`s), and
/// `Send + Sync`: share one client across tasks so they share one connection pool.
///
/// ```
/// use finch_core::Client;
/// let client = Client::builder()
///     .base_url("https://api.tryfinch.com")
///     .client_id("4ab15e51-11ad-49f4-acae-f343b7794375")
///     .client_secret("my-client-secret")
///     .build()?;
/// // One connection's view, sharing the pool:
/// let connection = client.with_access_token("access-token-of-one-connection");
/// # Ok::<(), finch_core::Error>(())
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) shared: Arc<Shared>,
    pub(crate) credentials: Credentials,
}

/// What every clone of a client shares.
pub(crate) struct Shared {
    pub(crate) base_url: BaseUrl,
    pub(crate) headers: HeaderMap,
    pub(crate) timeout: Duration,
    pub(crate) deadline: Option<Duration>,
    pub(crate) retry: RetryPolicy,
    pub(crate) transport: Arc<dyn DynTransport>,
    pub(crate) sleep: Arc<dyn AsyncSleep>,
    pub(crate) clock: Arc<dyn Clock>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.shared.base_url.to_url_string())
            .field("credentials", &self.credentials)
            .field("timeout", &self.shared.timeout)
            .field("deadline", &self.shared.deadline)
            .field("retry", &self.shared.retry)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client that shares this one's configuration and connection pool, with `access_token` as
    /// the connection's token. Cheap: use one per connection.
    pub fn with_access_token(&self, access_token: impl Into<Secret>) -> Client {
        let mut credentials = self.credentials.clone();
        credentials.set_access_token(Some(access_token.into()));
        Client {
            shared: Arc::clone(&self.shared),
            credentials,
        }
    }

    /// The credentials this client sends.
    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }

    /// Waits `duration` on the client's sleep (the one given to
    /// [`ClientBuilder::sleep`](crate::ClientBuilder::sleep), tokio's timer by default), so that
    /// code built on the client (polling, pacing) waits as its retries do, and its tests do not
    /// really wait.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")] async fn main() -> Result<(), finch_core::Error> {
    /// let client = finch_core::Client::builder().build()?;
    /// client.sleep(std::time::Duration::from_millis(1)).await;
    /// # Ok(()) }
    /// ```
    pub fn sleep(&self, duration: Duration) -> SleepFuture {
        self.shared.sleep.sleep(duration)
    }

    /// The time on the client's clock (the one given to
    /// [`ClientBuilder::clock`](crate::ClientBuilder::clock), the system's by default).
    ///
    /// ```
    /// let client = finch_core::Client::builder().build()?;
    /// assert!(client.now() > std::time::SystemTime::UNIX_EPOCH);
    /// # Ok::<(), finch_core::Error>(())
    /// ```
    pub fn now(&self) -> SystemTime {
        self.shared.clock.now()
    }

    /// The base URL.
    pub fn base_url(&self) -> String {
        self.shared.base_url.to_url_string()
    }
}
