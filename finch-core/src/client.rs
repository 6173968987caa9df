//! The client handle: what every call shares (configuration, transport, injected time) and the
//! connection's credentials. Building it is [`builder`](crate::builder)'s job, sending through it
//! [`pipeline`](crate::pipeline)'s.

use crate::base_url::BaseUrl;
use crate::credentials::Credentials;
use crate::held_transport::HeldTransport;
use crate::retry::RetryPolicy;
use crate::secret::Secret;
use crate::sleep::{AsyncSleep, Clock, SleepFuture};
use http::HeaderMap;
use http::header::{AUTHORIZATION, CONTENT_TYPE, HeaderValue};
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
    /// The default headers, in the forms requests start from.
    pub(crate) headers: DefaultHeaders,
    pub(crate) timeout: Duration,
    pub(crate) deadline: Option<Duration>,
    pub(crate) retry: RetryPolicy,
    pub(crate) transport: HeldTransport,
    pub(crate) sleep: Arc<dyn AsyncSleep>,
    pub(crate) clock: Arc<dyn Clock>,
}

/// The client's default headers, built once with it in the four forms requests start from (with
/// or without a JSON body, with or without auth): a request copies one instead of building its
/// headers from the configuration each time.
pub(crate) struct DefaultHeaders {
    /// Indexed by `has_body as usize * 2 + without_authorization as usize`.
    forms: [HeaderMap; 4],
}

impl DefaultHeaders {
    pub(crate) fn new(defaults: HeaderMap) -> Self {
        let forms = [false, true].map(|has_body| {
            let mut form = defaults.clone();
            if has_body {
                form.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
            }
            form
        });
        let [without_body, with_body] = forms;
        // In the order of `request_headers`'s index.
        // A place for `Authorization`, whose value each request replaces: a copy is made to size,
        // so adding the header to it would grow it.
        let with_placeholder = |form: &HeaderMap| {
            let mut form = form.clone();
            form.insert(AUTHORIZATION, HeaderValue::from_static(""));
            form
        };
        DefaultHeaders {
            forms: [
                with_placeholder(&without_body),
                without_body,
                with_placeholder(&with_body),
                with_body,
            ],
        }
    }
}

impl Shared {
    /// A copy of the default headers for a request: with `Content-Type` when it has a body, and
    /// with a placeholder `Authorization` the caller must replace when `with_authorization`.
    pub(crate) fn request_headers(&self, has_body: bool, with_authorization: bool) -> HeaderMap {
        self.headers.forms[usize::from(has_body) * 2 + usize::from(!with_authorization)].clone()
    }
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
