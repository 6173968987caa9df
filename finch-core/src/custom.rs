//! Requests built by hand, for endpoints that are not declared (new, beta or private ones).

use crate::client::Client;
use crate::credentials::AuthScheme;
use crate::error::{Error, RequestError};
use crate::options::RequestOptions;
use crate::pipeline::Prepared;
use crate::request::{HeaderWriter, QueryWriter, WireValue};
use crate::response::RawResponse;
use crate::response_type::DeserializeResponse;
use bytes::Bytes;
use http::Method;

/// A request built by hand with [`Client::request`]. It goes through the same pipeline as a
/// declared endpoint: auth, default headers, timeouts, retries and error mapping.
///
/// ```
/// # async fn demo(client: finch_core::Client) -> Result<(), finch_core::Error> {
/// #[derive(serde::Deserialize)]
/// struct Job { job_id: String }
/// let job: Job = client
///     .request(http::Method::POST, "/jobs/automated")
///     .json(&serde_json::json!({ "type": "data_sync_all" }))
///     .send()
///     .await?;
/// # Ok(()) }
/// ```
#[must_use = "a request does nothing until it is sent"]
pub struct CustomRequest<'c> {
    client: &'c Client,
    method: Method,
    path: String,
    query: QueryWriter,
    headers: HeaderWriter,
    body: Option<Bytes>,
    auth: AuthScheme,
    options: RequestOptions,
    secret_members: &'static [&'static str],
    error: Option<RequestError>,
}

/// Shows the method, the path, the auth scheme, the body as a bounded excerpt with the values of
/// secret members masked, and a pending error; never the query's or the headers' values (they may
/// hold credentials).
impl std::fmt::Debug for CustomRequest<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CustomRequest")
            .field("method", &self.method)
            .field(
                "path",
                &match self.path.split_once('?') {
                    Some((path, query)) => format!("{path}?{}", crate::redact::redact_query(query)),
                    None => self.path.clone(),
                },
            )
            .field("auth", &self.auth)
            .field(
                "body",
                &self
                    .body
                    .as_ref()
                    .map(|body| crate::redact::excerpt(body, 0, self.secret_members)),
            )
            .field("error", &self.error)
            .finish_non_exhaustive()
    }
}

// The constructor lives here, beside what it builds, so that `client.rs` need not import this module.
impl Client {
    /// A request to an endpoint that is not declared (a new or beta one), built by hand.
    ///
    /// ```
    /// # async fn demo(client: finch_core::Client) -> Result<(), finch_core::Error> {
    /// use finch_core::AuthScheme;
    /// let reply = client
    ///     .request(http::Method::GET, "/employer/company")
    ///     .auth(AuthScheme::Bearer)
    ///     .query("entity_ids", &["550e8400-e29b-41d4-a716-446655440000"])
    ///     .send_raw()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn request(&self, method: Method, path: impl Into<String>) -> CustomRequest<'_> {
        CustomRequest::new(self, method, path.into())
    }
}

impl<'c> CustomRequest<'c> {
    pub(crate) fn new(client: &'c Client, method: Method, path: String) -> Self {
        CustomRequest {
            client,
            method,
            path,
            query: QueryWriter::new(),
            headers: HeaderWriter::new(),
            body: None,
            auth: AuthScheme::Bearer,
            options: RequestOptions::default(),
            secret_members: &[],
            error: None,
        }
    }

    /// The auth scheme (default: Bearer).
    pub fn auth(mut self, scheme: AuthScheme) -> Self {
        self.auth = scheme;
        self
    }

    /// Adds a query parameter, written as a declared query field would be.
    pub fn query<T: WireValue + ?Sized>(mut self, name: &str, value: &T) -> Self {
        if let Err(error) = self.query.param(name, value) {
            self.error.get_or_insert(error);
        }
        self
    }

    /// Adds a header.
    pub fn header<T: WireValue + ?Sized>(mut self, name: &str, value: &T) -> Self {
        if let Err(error) = self.headers.header(name, value) {
            self.error.get_or_insert(error);
        }
        self
    }

    /// Sets a JSON body.
    pub fn json<T: WireValue + ?Sized>(mut self, body: &T) -> Self {
        match serde_json::to_vec(body) {
            Ok(bytes) => self.body = Some(Bytes::from(bytes)),
            Err(error) => {
                self.error.get_or_insert(RequestError::body("body", error));
            }
        }
        self
    }

    /// Per-request overrides.
    pub fn options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Members of the reply whose values errors must mask, beyond the built-in ones (as
    /// [`Endpoint::SECRET_MEMBERS`](crate::Endpoint::SECRET_MEMBERS) does for declared endpoints).
    ///
    /// ```
    /// # async fn demo(client: finch_core::Client) -> Result<(), finch_core::Error> {
    /// let unlocked: serde_json::Value = client
    ///     .request(http::Method::POST, "/beta/unlock")
    ///     .secret_members(&["pin"])
    ///     .send()
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub fn secret_members(mut self, names: &'static [&'static str]) -> Self {
        self.secret_members = names;
        self
    }

    /// Sends the request and decodes the reply as `T`.
    pub async fn send<T: DeserializeResponse>(self) -> Result<T, Error> {
        let secret_members = self.secret_members;
        self.send_raw().await?.json_with_secrets(secret_members)
    }

    /// Sends the request and returns the reply undecoded.
    pub async fn send_raw(self) -> Result<RawResponse, Error> {
        let name = "custom";
        if let Some(error) = self.error {
            return Err(Error::Request {
                endpoint: name,
                error,
            });
        }
        if !self.path.starts_with('/') {
            return Err(Error::Request {
                endpoint: name,
                error: RequestError::InvalidUri {
                    path: crate::redact::url_path_shown(&self.path),
                    reason: "the path must start with `/`".to_owned(),
                },
            });
        }
        let prepared = Prepared {
            name,
            template: "(custom)",
            method: self.method,
            path: self.path,
            query: self.query.into_string(),
            headers: self.headers.into_headers(),
            body: self.body,
            auth: self.auth,
            no_retry: &[],
        };
        let secret_members = self.secret_members;
        self.client
            .execute(prepared, &self.options)
            .await
            .map_err(|error| match error {
                Error::Api(mut api) => {
                    api.secret_members = secret_members;
                    Error::Api(api)
                }
                other => other,
            })
    }
}
