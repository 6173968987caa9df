//! The call pipeline: an endpoint (or a custom request) is prepared into a request, given its
//! headers and the auth its scheme takes, sent through [`execute`](crate::execute)'s attempts, and
//! its reply decoded.

use crate::client::Client;
use crate::credentials::{AuthScheme, Credential};
use crate::endpoint::Endpoint;
use crate::error::{Error, RequestError};
use crate::execute::Call;
use crate::options::RequestOptions;
use crate::redact::redact_query;
use crate::request::{BodyWriter, HeaderWriter, PathWriter, QueryWriter};
use crate::response::RawResponse;
use base64::Engine as _;
use bytes::Bytes;
use http::Method;
use http::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderValue, USER_AGENT};

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
    /// Statuses never retried for this endpoint ([`Endpoint::NO_RETRY_STATUSES`]).
    pub(crate) no_retry: &'static [u16],
}

impl Client {
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
            no_retry: E::NO_RETRY_STATUSES,
        })
    }

    /// The `Authorization` header `scheme` takes, or the credential it lacks.
    fn authorization(&self, scheme: AuthScheme) -> Result<Option<HeaderValue>, RequestError> {
        let missing = |missing| RequestError::MissingAuth { scheme, missing };
        // Do not echo the credential: a token with a newline in it is simply not a valid one.
        let invalid = || RequestError::InvalidHeader {
            name: "Authorization".to_owned(),
            value: "[redacted]".to_owned(),
            reason: "the credential contains characters a header cannot carry".to_owned(),
        };
        let text = match scheme {
            AuthScheme::None => return Ok(None),
            AuthScheme::Bearer | AuthScheme::OptionalBearer => {
                return match self.credentials.bearer_header() {
                    Some(header) => header.cloned().map(Some).ok_or_else(invalid),
                    None if scheme == AuthScheme::OptionalBearer => Ok(None),
                    None => Err(missing(Credential::AccessToken)),
                };
            }
            AuthScheme::Basic => {
                let id = self
                    .credentials
                    .client_id_ref()
                    .ok_or(missing(Credential::ClientId))?;
                let secret = self
                    .credentials
                    .client_secret_ref()
                    .ok_or(missing(Credential::ClientSecret))?;
                let encoded = base64::engine::general_purpose::STANDARD
                    .encode(format!("{id}:{}", secret.expose()));
                format!("Basic {encoded}")
            }
        };
        let mut value = HeaderValue::from_str(&text).map_err(|_| invalid())?;
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
        let build_headers =
            || Ok(self.headers(&prepared.headers, has_body, authorization.clone(), options));
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
            method: prepared.method,
            uri,
            body: prepared.body.unwrap_or_default(),
            policy,
            no_retry: prepared.no_retry,
            attempt_timeout: options.timeout.unwrap_or(shared.timeout),
            deadline: options.deadline.or(shared.deadline),
            transport: &shared.transport,
            sleep: &*shared.sleep,
            clock: &*shared.clock,
        };
        call.run(first_headers, build_headers).await
    }

    /// The headers of a request: the client's defaults, the endpoint's, the per-request ones,
    /// `Content-Type` when there is a body, and `Authorization` as the scheme says (never from
    /// the endpoint's headers). Most requests add nothing to the defaults but `Authorization`:
    /// they cost one copy of a map built with the client (see [`Shared::request_headers`]).
    ///
    /// [`Shared::request_headers`]: crate::client::Shared::request_headers
    fn headers(
        &self,
        endpoint_headers: &HeaderMap,
        has_body: bool,
        authorization: Option<HeaderValue>,
        options: &RequestOptions,
    ) -> HeaderMap {
        let mut headers = self
            .shared
            .request_headers(has_body, authorization.is_some());
        if !endpoint_headers.is_empty() || !options.headers.is_empty() {
            override_headers(&mut headers, endpoint_headers);
            override_headers(&mut headers, &options.headers);
            if has_body {
                headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
            }
            headers.remove(AUTHORIZATION);
        }
        if let Some(value) = authorization {
            headers.insert(AUTHORIZATION, value);
        }
        debug_assert!(headers.contains_key(USER_AGENT) && headers.contains_key(ACCEPT));
        headers
    }
}

/// Replaces the headers of `base` that `overrides` names, keeping every value `overrides` has.
fn override_headers(base: &mut HeaderMap, overrides: &HeaderMap) {
    for name in overrides.keys() {
        let mut values = overrides.get_all(name).iter();
        if let Some(first) = values.next() {
            base.insert(name.clone(), first.clone());
        }
        for value in values {
            base.append(name.clone(), value.clone());
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
