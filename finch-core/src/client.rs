//! The client: configuration, auth per endpoint, and the call pipeline (prepare, send with
//! timeouts and retries, classify the reply).

use crate::base_url::{BaseUrl, DEFAULT_BASE_URL};
use crate::credentials::{AuthScheme, Credential, Credentials};
use crate::endpoint::Endpoint;
use crate::error::{ConfigError, Error, RequestError};
use crate::execute::Call;
use crate::options::RequestOptions;
use crate::redact::{RedactedPairs, is_secret_header, redact_query};
use crate::request::{BodyWriter, HeaderWriter, PathWriter, QueryWriter};
use crate::response::RawResponse;
use crate::retry::RetryPolicy;
use crate::secret::Secret;
use crate::sleep::{AsyncSleep, Clock, SystemClock, TokioSleep};
use crate::transport::{DynTransport, Transport};
use base64::Engine as _;
use bytes::Bytes;
use http::Method;
use http::header::{
    ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue, USER_AGENT,
};
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

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
    shared: Arc<Shared>,
    credentials: Credentials,
}

struct Shared {
    base_url: BaseUrl,
    headers: HeaderMap,
    timeout: Duration,
    deadline: Option<Duration>,
    retry: RetryPolicy,
    transport: Arc<dyn DynTransport>,
    sleep: Arc<dyn AsyncSleep>,
    clock: Arc<dyn Clock>,
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
    transport: Option<Arc<dyn DynTransport>>,
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
        self.transport = Some(Arc::new(transport));
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
                headers,
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
fn default_transport() -> Result<Arc<dyn DynTransport>, ConfigError> {
    Ok(Arc::new(crate::ReqwestTransport::new()?))
}

#[cfg(not(feature = "reqwest"))]
fn default_transport() -> Result<Arc<dyn DynTransport>, ConfigError> {
    Err(ConfigError::Missing {
        what: "a transport: enable the `reqwest` feature or call `ClientBuilder::transport`"
            .to_owned(),
    })
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

/// A request ready to send: what an endpoint (or a custom request) wrote.
pub(crate) struct Prepared {
    pub(crate) name: &'static str,
    pub(crate) template: &'static str,
    pub(crate) method: Method,
    pub(crate) path: String,
    pub(crate) query: String,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Option<Bytes>,
    pub(crate) auth: AuthScheme,
}

impl Client {
    /// A builder with the defaults.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

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

    /// The base URL.
    pub fn base_url(&self) -> String {
        self.shared.base_url.to_url_string()
    }

    /// Sends `endpoint` and decodes the reply.
    ///
    /// A 202 "not ready" reply is [`Error::Accepted`], an error status [`Error::Api`]; see
    /// [`Error`] for the rest.
    pub async fn send<E: Endpoint>(&self, endpoint: &E) -> Result<E::Response, Error> {
        self.send_with(endpoint, &RequestOptions::default()).await
    }

    /// [`send`](Self::send) with per-request overrides.
    pub async fn send_with<E: Endpoint>(
        &self,
        endpoint: &E,
        options: &RequestOptions,
    ) -> Result<E::Response, Error> {
        let reply = self.send_raw_with(endpoint, options).await?;
        Self::decode::<E>(&reply)
    }

    /// Sends `endpoint` and returns the reply undecoded: status, headers and body.
    pub async fn send_raw<E: Endpoint>(&self, endpoint: &E) -> Result<RawResponse, Error> {
        self.send_raw_with(endpoint, &RequestOptions::default())
            .await
    }

    /// [`send_raw`](Self::send_raw) with per-request overrides.
    pub async fn send_raw_with<E: Endpoint>(
        &self,
        endpoint: &E,
        options: &RequestOptions,
    ) -> Result<RawResponse, Error> {
        let prepared = self.prepare(endpoint).map_err(|error| Error::Request {
            endpoint: E::NAME,
            error,
        })?;
        self.execute(prepared, options)
            .await
            .map_err(|error| match error {
                Error::Api(mut api) => {
                    api.secret_members = E::SECRET_MEMBERS;
                    Error::Api(api)
                }
                other => other,
            })
    }

    fn prepare<E: Endpoint>(&self, endpoint: &E) -> Result<Prepared, RequestError> {
        let mut path = PathWriter::new();
        endpoint.write_path(&mut path)?;
        let mut query = QueryWriter::new();
        endpoint.write_query(&mut query)?;
        let mut headers = HeaderWriter::new();
        endpoint.write_headers(&mut headers)?;
        let mut body = BodyWriter::new(&self.credentials);
        endpoint.write_body(&mut body)?;
        Ok(Prepared {
            name: E::NAME,
            template: E::PATH,
            method: E::METHOD,
            path: path.into_string(),
            query: query.into_string(),
            headers: headers.into_headers(),
            body: body.finish(),
            auth: E::AUTH,
        })
    }

    /// The `Authorization` header `scheme` takes, or the credential it lacks.
    fn authorization(&self, scheme: AuthScheme) -> Result<Option<HeaderValue>, RequestError> {
        let missing = |missing| RequestError::MissingAuth { scheme, missing };
        let text = match scheme {
            AuthScheme::None => return Ok(None),
            AuthScheme::Bearer => {
                let token = self
                    .credentials
                    .get_access_token()
                    .ok_or(missing(Credential::AccessToken))?;
                format!("Bearer {}", token.expose())
            }
            AuthScheme::OptionalBearer => match self.credentials.get_access_token() {
                Some(token) => format!("Bearer {}", token.expose()),
                None => return Ok(None),
            },
            AuthScheme::Basic => {
                let id = self
                    .credentials
                    .get_client_id()
                    .ok_or(missing(Credential::ClientId))?;
                let secret = self
                    .credentials
                    .get_client_secret()
                    .ok_or(missing(Credential::ClientSecret))?;
                let encoded = base64::engine::general_purpose::STANDARD
                    .encode(format!("{id}:{}", secret.expose()));
                format!("Basic {encoded}")
            }
        };
        // Do not echo the credential: a token with a newline in it is simply not a valid one.
        let mut value = HeaderValue::from_str(&text).map_err(|_| RequestError::InvalidHeader {
            name: "Authorization".to_owned(),
            value: "[redacted]".to_owned(),
            reason: "the credential contains characters a header cannot carry".to_owned(),
        })?;
        value.set_sensitive(true);
        Ok(Some(value))
    }

    /// Sends a prepared request: headers and auth, then attempts with timeouts and retries.
    pub(crate) async fn execute(
        &self,
        prepared: Prepared,
        options: &RequestOptions,
    ) -> Result<RawResponse, Error> {
        let name = prepared.name;
        let invalid = |error| Error::Request {
            endpoint: name,
            error,
        };
        if let Some(error) = &options.invalid {
            return Err(invalid(error.clone()));
        }
        let authorization = self.authorization(prepared.auth).map_err(invalid)?;
        let mut query = prepared.query;
        let extra = options.query.as_str();
        if !extra.is_empty() {
            if !query.is_empty() {
                query.push('&');
            }
            query.push_str(extra);
        }
        let uri = self
            .shared
            .base_url
            .join(&prepared.path, &query)
            .map_err(|error| {
                invalid(RequestError::InvalidUri {
                    path: format!("{}?{}", prepared.path, redact_query(&query)),
                    reason: error.to_string(),
                })
            })?;
        let has_body = prepared.body.is_some();
        // The first attempt's headers are built here, so a bad header fails before anything is
        // sent; a retry builds them again instead of every attempt paying for a copy.
        let build_headers = || {
            Ok(self.headers(
                prepared.headers.clone(),
                has_body,
                authorization.clone(),
                options,
            ))
        };
        let first_headers = build_headers()?;

        let shared = &*self.shared;
        let mut policy = options
            .retry
            .clone()
            .unwrap_or_else(|| shared.retry.clone());
        if let Some(max_retries) = options.max_retries {
            policy.max_retries = max_retries;
        }
        let call = Call {
            name,
            template: prepared.template,
            method: prepared.method.clone(),
            uri,
            body: prepared.body.clone().unwrap_or_default(),
            policy,
            attempt_timeout: options.timeout.unwrap_or(shared.timeout),
            deadline: options.deadline.or(shared.deadline),
            transport: &*shared.transport,
            sleep: &*shared.sleep,
            clock: &*shared.clock,
        };
        call.run(first_headers, build_headers).await
    }

    /// The headers of a request: the client's defaults, the endpoint's, the per-request ones,
    /// `Content-Type` when there is a body, and `Authorization` as the scheme says.
    fn headers(
        &self,
        endpoint_headers: HeaderMap,
        has_body: bool,
        authorization: Option<HeaderValue>,
        options: &RequestOptions,
    ) -> HeaderMap {
        let mut headers = self.shared.headers.clone();
        override_headers(&mut headers, endpoint_headers);
        override_headers(&mut headers, options.headers.clone());
        if has_body {
            headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        }
        headers.remove(AUTHORIZATION);
        if let Some(value) = authorization {
            headers.insert(AUTHORIZATION, value);
        }
        debug_assert!(headers.contains_key(USER_AGENT) && headers.contains_key(ACCEPT));
        headers
    }
}

/// Replaces the headers of `base` that `overrides` names, keeping every value `overrides` has.
fn override_headers(base: &mut HeaderMap, overrides: HeaderMap) {
    let mut current = None;
    for (name, value) in overrides {
        // `HeaderMap::into_iter` names only the first of several values for one header.
        match name {
            Some(name) => {
                base.insert(name.clone(), value);
                current = Some(name);
            }
            None => {
                if let Some(name) = &current {
                    base.append(name.clone(), value);
                }
            }
        }
    }
}

impl Client {
    /// Decodes a reply to `E` as [`send_with`](Self::send_with) does (for callers that need the
    /// raw reply too, such as the pager).
    pub(crate) fn decode<E: Endpoint>(reply: &RawResponse) -> Result<E::Response, Error> {
        reply
            .json_with_secrets::<E::Response>(E::SECRET_MEMBERS)
            .map_err(|error| with_attempts(error, reply.attempts))
    }
}

/// Records the number of attempts on an error made after the reply came back (decode, 202).
fn with_attempts(error: Error, attempts: u32) -> Error {
    match error {
        Error::Accepted(mut accepted) => {
            accepted.attempts = attempts;
            Error::Accepted(accepted)
        }
        Error::Decode(mut decode) => {
            decode.attempts = attempts;
            Error::Decode(decode)
        }
        other => other,
    }
}
