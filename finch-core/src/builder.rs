//! Configuring a [`Client`]: base URL, credentials, headers, timeouts, retries, transport and
//! injected time, all checked once when the client is built.

use crate::base_url::{BaseUrl, DEFAULT_BASE_URL};
use crate::client::{API_VERSION, Client, DEFAULT_TIMEOUT, DefaultHeaders, Shared};
use crate::credentials::Credentials;
use crate::error::ConfigError;
use crate::held_transport::HeldTransport;
use crate::redact::{RedactedPairs, is_secret_header};
use crate::retry::RetryPolicy;
use crate::secret::Secret;
use crate::sleep::{AsyncSleep, Clock, SystemClock, TokioSleep};
use crate::transport::Transport;
use http::header::{AUTHORIZATION, HeaderMap, HeaderName, HeaderValue};
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

impl Client {
    /// A builder with the defaults.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }
}

/// Configures a [`Client`].
///
/// ```
/// use std::time::Duration;
/// let client = finch_core::Client::builder()
///     .timeout(Duration::from_secs(30))
///     .max_retries(4)
///     .default_header("X-Team", "payroll-sync")
///     .build()?;
/// # Ok::<(), finch_core::Error>(())
/// ```
pub struct ClientBuilder {
    base_url: Option<String>,
    credentials: Credentials,
    api_version: String,
    user_agent: String,
    default_headers: Vec<(String, String)>,
    timeout: Duration,
    deadline: Option<Duration>,
    retry: RetryPolicy,
    transport: Option<HeldTransport>,
    sleep: Arc<dyn AsyncSleep>,
    clock: Arc<dyn Clock>,
    allow_insecure_http: bool,
}

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder {
            base_url: None,
            credentials: Credentials::new(),
            api_version: API_VERSION.to_owned(),
            user_agent: concat!("finch-core/", env!("CARGO_PKG_VERSION")).to_owned(),
            default_headers: Vec::new(),
            timeout: DEFAULT_TIMEOUT,
            deadline: None,
            retry: RetryPolicy::default(),
            transport: None,
            sleep: Arc::new(TokioSleep),
            clock: Arc::new(SystemClock),
            allow_insecure_http: false,
        }
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field(
                "base_url",
                &self.base_url.as_deref().map(crate::redact::url_origin),
            )
            .field("credentials", &self.credentials)
            .field("api_version", &self.api_version)
            .field(
                "default_headers",
                &RedactedPairs(&self.default_headers, is_secret_header),
            )
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    /// The API's address (default `https://api.tryfinch.com`). `http://` is accepted only for
    /// loopback hosts unless [`allow_insecure_http`](Self::allow_insecure_http) is set.
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = Some(base_url.into());
        self
    }

    /// Accepts `http://` base URLs on any host. Credentials then travel unencrypted.
    pub fn allow_insecure_http(mut self, allow: bool) -> Self {
        self.allow_insecure_http = allow;
        self
    }

    /// The application's client id (for Basic auth and `/auth/token`).
    pub fn client_id(mut self, client_id: impl Into<String>) -> Self {
        self.credentials = self.credentials.client_id(client_id);
        self
    }

    /// The application's client secret (for Basic auth and `/auth/token`).
    pub fn client_secret(mut self, client_secret: impl Into<Secret>) -> Self {
        self.credentials = self.credentials.client_secret(client_secret);
        self
    }

    /// A connection's access token (for Bearer auth).
    pub fn access_token(mut self, access_token: impl Into<Secret>) -> Self {
        self.credentials = self.credentials.access_token(access_token);
        self
    }

    /// All credentials at once, replacing any set before.
    pub fn credentials(mut self, credentials: Credentials) -> Self {
        self.credentials = credentials;
        self
    }

    /// The `Finch-API-Version` header (default `2020-09-17`).
    pub fn api_version(mut self, version: impl Into<String>) -> Self {
        self.api_version = version.into();
        self
    }

    /// The `User-Agent` header.
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// A header sent on every request. `Authorization` cannot be set here: it follows each
    /// endpoint's auth scheme.
    pub fn default_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.default_headers.push((name.into(), value.into()));
        self
    }

    /// The time limit of each attempt (default 60 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// A limit on the whole call, retries and waits included (default: none; each attempt is
    /// still limited by [`timeout`](Self::timeout)).
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// How many times a failed attempt is retried (default 2).
    pub fn max_retries(mut self, max_retries: u32) -> Self {
        self.retry.max_retries = max_retries;
        self
    }

    /// The whole retry policy.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// The HTTP stack (default: [`ReqwestTransport`](crate::ReqwestTransport)).
    pub fn transport(mut self, transport: impl Transport) -> Self {
        self.transport = Some(HeldTransport::new(transport));
        self
    }

    /// How the client waits (default: tokio's timer).
    pub fn sleep(mut self, sleep: impl AsyncSleep) -> Self {
        self.sleep = Arc::new(sleep);
        self
    }

    /// What the client thinks the time is (default: the system clock).
    pub fn clock(mut self, clock: impl Clock) -> Self {
        self.clock = Arc::new(clock);
        self
    }

    /// Checks the configuration and builds the client.
    pub fn build(self) -> Result<Client, ConfigError> {
        let base_url = BaseUrl::parse(
            self.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL),
            self.allow_insecure_http,
        )?;
        let mut headers = HeaderMap::new();
        let mut insert = |name: &str, value: &str| -> Result<(), ConfigError> {
            let invalid = |reason: &str| ConfigError::InvalidHeader {
                name: name.to_owned(),
                reason: reason.to_owned(),
            };
            let header_name = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| invalid("not a valid header name"))?;
            if header_name == AUTHORIZATION {
                return Err(invalid(
                    "Authorization follows each endpoint's auth scheme; set credentials instead",
                ));
            }
            let mut header_value = HeaderValue::from_str(value)
                .map_err(|_| invalid("header values cannot contain control characters"))?;
            // `http`'s own Debug (and HTTP/2's header compression) then leave the value out.
            header_value.set_sensitive(is_secret_header(name));
            headers.insert(header_name, header_value);
            Ok(())
        };
        insert("Finch-API-Version", &self.api_version)?;
        insert("User-Agent", &self.user_agent)?;
        insert("Accept", "application/json")?;
        for (name, value) in &self.default_headers {
            insert(name, value)?;
        }
        let transport = match self.transport {
            Some(transport) => transport,
            None => default_transport()?,
        };
        Ok(Client {
            shared: Arc::new(Shared {
                base_url,
                headers: DefaultHeaders::new(headers),
                timeout: self.timeout,
                deadline: self.deadline,
                retry: self.retry,
                transport,
                sleep: self.sleep,
                clock: self.clock,
            }),
            credentials: self.credentials,
        })
    }
}

#[cfg(feature = "reqwest")]
fn default_transport() -> Result<HeldTransport, ConfigError> {
    Ok(HeldTransport::Reqwest(
        crate::reqwest_transport::ReqwestTransport::new()?,
    ))
}

#[cfg(not(feature = "reqwest"))]
fn default_transport() -> Result<HeldTransport, ConfigError> {
    Err(ConfigError::Missing {
        what: "a transport: enable the `reqwest` feature or call `ClientBuilder::transport`"
            .to_owned(),
    })
}
