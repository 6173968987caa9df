//! The one error type, typed by cause, and the details each cause carries.

use crate::credentials::{AuthScheme, Credential};
use crate::redact::{self, MESSAGE_CHARS, NAME_CHARS};
use crate::redirect::RedirectError;
use crate::response_type::{AsResponse, DeserializeResponse};
use crate::transport::TransportError;
use bytes::Bytes;
use http::{HeaderMap, StatusCode};
use serde::Deserialize;
use std::fmt;
use std::time::Duration;

/// Everything that can go wrong with a call. Match on the variant for the cause.
///
/// ```
/// # async fn demo(client: finch_core::Client, request: impl finch_core::Endpoint) {
/// match client.send(&request).await {
///     Ok(_) => {}
///     Err(finch_core::Error::Api(error)) if error.status() == 404 => println!("not found"),
///     Err(finch_core::Error::Accepted(accepted)) => println!("not ready yet: {}", accepted.message),
///     Err(error) => eprintln!("{error}"),
/// }
/// # }
/// ```
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// Finch answered with an error status (4xx, 5xx).
    Api(Box<ApiError>),
    /// Finch answered 202: it accepted the request but the data is not ready (a sync in progress,
    /// an authorization or an assisted connection pending). Ask again later.
    Accepted(Box<Accepted>),
    /// A successful reply whose body does not match the response type.
    Decode(Box<DecodeError>),
    /// No complete reply came in time.
    Timeout(TimeoutError),
    /// The request could not be delivered, or the reply could not be read (connection refused or
    /// reset, TLS failure).
    Transport {
        /// What failed on the last attempt.
        error: TransportError,
        /// How many attempts were made.
        attempts: u32,
    },
    /// The request is invalid and was not sent.
    Request {
        /// The request type (`CreateAccessToken`).
        endpoint: &'static str,
        /// What is wrong with it.
        error: RequestError,
    },
    /// The client's configuration is invalid.
    Config(ConfigError),
    /// A listing ended early: the server answered a page other than the one asked for (see
    /// [`Pages`](crate::Pages)).
    Paging(Box<PagingError>),
    /// A redirect was not followed: it led to another origin (credentials stay at the base URL's),
    /// its `Location` was unusable, or there were too many. Same-origin redirects are followed.
    Redirect(Box<RedirectError>),
}

impl Error {
    /// The HTTP status of the reply, when there was one.
    ///
    /// ```
    /// # fn demo(error: finch_core::Error) {
    /// if error.status().is_some_and(|status| status == 429) { /* back off */ }
    /// # }
    /// ```
    pub fn status(&self) -> Option<StatusCode> {
        match self {
            Error::Api(error) => Some(error.status),
            Error::Accepted(_) => Some(StatusCode::ACCEPTED),
            Error::Decode(error) => Some(error.status),
            Error::Redirect(error) => Some(error.status()),
            _ => None,
        }
    }

    /// Finch's `Finch-Request-ID` for the reply, when there was one. Quote it to Finch support.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Error::Api(error) => error.request_id.as_deref(),
            Error::Accepted(accepted) => accepted.request_id.as_deref(),
            Error::Decode(error) => error.request_id.as_deref(),
            Error::Paging(error) => error.request_id.as_deref(),
            Error::Redirect(error) => error.request_id(),
            _ => None,
        }
    }

    /// `true` for timeouts, the client's or the transport's.
    pub fn is_timeout(&self) -> bool {
        match self {
            Error::Timeout(_) => true,
            Error::Transport { error, .. } => {
                error.kind() == crate::transport::TransportErrorKind::Timeout
            }
            _ => false,
        }
    }

    /// How many attempts the call made before it gave up (`None` when nothing was sent).
    ///
    /// ```
    /// # fn demo(error: finch_core::Error) {
    /// eprintln!("failed after {} attempt(s): {error}", error.attempts().unwrap_or(0));
    /// # }
    /// ```
    pub fn attempts(&self) -> Option<u32> {
        match self {
            Error::Api(error) => Some(error.attempts),
            Error::Accepted(accepted) => Some(accepted.attempts),
            Error::Decode(error) => Some(error.attempts),
            Error::Timeout(error) => Some(error.attempts),
            Error::Transport { attempts, .. } => Some(*attempts),
            Error::Paging(error) => Some(error.attempts),
            Error::Redirect(error) => Some(error.attempts()),
            Error::Request { .. } | Error::Config(_) => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Api(error) => error.fmt(f),
            Error::Accepted(accepted) => accepted.fmt(f),
            Error::Decode(error) => error.fmt(f),
            Error::Timeout(error) => error.fmt(f),
            Error::Transport { error, attempts } => {
                error.fmt(f)?;
                if *attempts > 1 {
                    write!(f, " (after {attempts} attempts)")?;
                }
                Ok(())
            }
            Error::Request { endpoint, error } => {
                write!(f, "invalid {endpoint} request, not sent: {error}")
            }
            Error::Config(error) => error.fmt(f),
            Error::Paging(error) => error.fmt(f),
            Error::Redirect(error) => error.fmt(f),
        }
    }
}

/// `Error` is transparent (as thiserror's `#[error(transparent)]`): it names which layer failed
/// and is not a layer of its own, so its `Display` is the variant's (with the call's attempt count
/// or the request type, which only it knows) and its `source()` is the variant's `source()`. Each
/// layer's `Display` says that layer only and its `source()` gives the cause beneath, so a report
/// that walks `source()` shows every cause once.
impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Api(error) => error.source(),
            Error::Accepted(accepted) => accepted.source(),
            Error::Decode(error) => error.source(),
            Error::Timeout(error) => error.source(),
            Error::Transport { error, .. } => error.source(),
            Error::Request { error, .. } => error.source(),
            Error::Config(error) => error.source(),
            Error::Paging(error) => error.source(),
            Error::Redirect(error) => error.source(),
        }
    }
}

impl From<ConfigError> for Error {
    fn from(error: ConfigError) -> Self {
        Error::Config(error)
    }
}

impl From<TransportError> for Error {
    fn from(error: TransportError) -> Self {
        Error::Transport { error, attempts: 1 }
    }
}

/// The class of an error status, as the official SDKs name their error classes.
///
/// ```
/// use finch_core::ApiErrorKind;
/// assert_eq!(ApiErrorKind::from_status(http::StatusCode::TOO_MANY_REQUESTS), ApiErrorKind::RateLimit);
/// assert_eq!(ApiErrorKind::from_status(http::StatusCode::BAD_GATEWAY), ApiErrorKind::InternalServer);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ApiErrorKind {
    /// 400
    BadRequest,
    /// 401
    Authentication,
    /// 403
    PermissionDenied,
    /// 404
    NotFound,
    /// 409
    Conflict,
    /// 422
    UnprocessableEntity,
    /// 429
    RateLimit,
    /// 500 and above
    InternalServer,
    /// Any other status
    Other,
}

impl ApiErrorKind {
    /// The class of `status`.
    pub fn from_status(status: StatusCode) -> Self {
        match status.as_u16() {
            400 => ApiErrorKind::BadRequest,
            401 => ApiErrorKind::Authentication,
            403 => ApiErrorKind::PermissionDenied,
            404 => ApiErrorKind::NotFound,
            409 => ApiErrorKind::Conflict,
            422 => ApiErrorKind::UnprocessableEntity,
            429 => ApiErrorKind::RateLimit,
            500.. => ApiErrorKind::InternalServer,
            _ => ApiErrorKind::Other,
        }
    }
}

/// The error object Finch puts in the body of an error reply.
///
/// Finch uses a few shapes (`{code, name, finch_code, message}`, `{statusCode, status, code, name,
/// message}`, `{code, finch_code, message}`); every member is optional here so that none of them is
/// lost, and the raw body stays on [`ApiError::body`].
///
/// Its `Debug` shows each text member on one line and cut at [`redact::MESSAGE_CHARS`]
/// characters, and `context` as a bounded excerpt with the values of secret members masked.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct FinchErrorBody {
    /// The status Finch put in the body (`code`, or `statusCode`).
    pub code: Option<i64>,
    /// The error's identifier (`not_found_error`).
    pub name: Option<String>,
    /// A more specific identifier (`benefit_not_found`).
    pub finch_code: Option<String>,
    /// A short English description.
    pub message: Option<String>,
    /// Extra details some errors carry (`context.docs_url`, `context.connection_id`).
    pub context: Option<serde_json::Value>,
}

impl FinchErrorBody {
    /// Reads a Finch error object from a body; `None` when the body is not one.
    ///
    /// ```
    /// let body = br#"{"code":404,"name":"not_found_error","finch_code":"benefit_not_found","message":"Benefit not found"}"#;
    /// let error = finch_core::FinchErrorBody::parse(body).unwrap();
    /// assert_eq!(error.finch_code.as_deref(), Some("benefit_not_found"));
    /// assert!(finch_core::FinchErrorBody::parse(b"<html>Bad Gateway</html>").is_none());
    /// ```
    pub fn parse(body: &[u8]) -> Option<Self> {
        #[derive(Deserialize)]
        struct Raw {
            code: Option<serde_json::Value>,
            #[serde(rename = "statusCode")]
            status_code: Option<serde_json::Value>,
            name: Option<serde_json::Value>,
            finch_code: Option<serde_json::Value>,
            message: Option<serde_json::Value>,
            context: Option<serde_json::Value>,
        }
        let raw: Raw = serde_json::from_slice(body).ok()?;
        let text = |value: Option<serde_json::Value>| match value {
            Some(serde_json::Value::String(text)) => Some(text),
            Some(serde_json::Value::Null) | None => None,
            Some(other) => Some(other.to_string()),
        };
        let number = |value: &Option<serde_json::Value>| match value {
            Some(serde_json::Value::Number(number)) => number.as_i64(),
            Some(serde_json::Value::String(text)) => text.parse().ok(),
            _ => None,
        };
        let body = FinchErrorBody {
            code: number(&raw.code).or_else(|| number(&raw.status_code)),
            name: text(raw.name),
            finch_code: text(raw.finch_code),
            message: text(raw.message),
            context: raw.context.filter(|context| !context.is_null()),
        };
        (body.name.is_some() || body.finch_code.is_some() || body.message.is_some()).then_some(body)
    }
}

impl fmt::Debug for FinchErrorBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text =
            |value: &Option<String>, max| value.as_deref().map(|value| redact::bounded(value, max));
        // The context is free-form JSON: show it as an excerpt, masked like a body.
        let context = self.context.as_ref().map(|context| {
            let json = serde_json::to_vec(context).unwrap_or_default();
            redact::excerpt(&json, 0, &[])
        });
        f.debug_struct("FinchErrorBody")
            .field("code", &self.code)
            .field("name", &text(&self.name, NAME_CHARS))
            .field("finch_code", &text(&self.finch_code, NAME_CHARS))
            .field("message", &text(&self.message, MESSAGE_CHARS))
            .field("context", &context)
            .finish()
    }
}

/// An error reply from Finch.
///
/// Its `Display` and `Debug` show what came from outside bounded: Finch's `name` and
/// `finch_code` and the request id cut at [`redact::NAME_CHARS`] characters, its `message` at
/// [`redact::MESSAGE_CHARS`], and a body that is not a Finch error object as an excerpt of at
/// most [`redact::EXCERPT_CHARS`] characters with the values of secret members masked (see
/// [`redact`]); the whole `Display` stays under 1 KiB. The raw body and headers stay available
/// through [`body`](Self::body) and [`headers`](Self::headers), whose secret header values are
/// marked sensitive (hidden by `http`'s own `Debug`).
#[derive(Clone)]
pub struct ApiError {
    pub(crate) status: StatusCode,
    pub(crate) finch: Option<FinchErrorBody>,
    pub(crate) body: Bytes,
    pub(crate) headers: HeaderMap,
    pub(crate) request_id: Option<String>,
    pub(crate) attempts: u32,
    /// The endpoint's own secret members, masked in the excerpt as well as the built-in ones.
    pub(crate) secret_members: &'static [&'static str],
}

impl ApiError {
    /// Builds an error from a reply; used by the client and by tests of code that handles errors.
    ///
    /// ```
    /// let error = finch_core::ApiError::from_reply(
    ///     http::StatusCode::UNAUTHORIZED,
    ///     http::HeaderMap::new(),
    ///     bytes::Bytes::from_static(br#"{"code":401,"name":"unauthorized_request_error","finch_code":"invalid_token","message":"Invalid access token"}"#),
    /// );
    /// assert_eq!(error.kind(), finch_core::ApiErrorKind::Authentication);
    /// assert_eq!(error.message(), Some("Invalid access token"));
    /// ```
    pub fn from_reply(status: StatusCode, mut headers: HeaderMap, body: Bytes) -> Self {
        let request_id = redact::request_id(&headers);
        redact::mark_sensitive(&mut headers);
        ApiError {
            status,
            finch: FinchErrorBody::parse(&body),
            body,
            headers,
            request_id,
            attempts: 1,
            secret_members: &[],
        }
    }

    /// The same error, with the values of these JSON members masked too when the body is shown
    /// (as [`Endpoint::SECRET_MEMBERS`](crate::Endpoint::SECRET_MEMBERS) does for declared
    /// endpoints).
    ///
    /// ```
    /// let error = finch_core::ApiError::from_reply(
    ///     http::StatusCode::BAD_GATEWAY,
    ///     http::HeaderMap::new(),
    ///     bytes::Bytes::from_static(br#"{"pin":"4321"}"#),
    /// )
    /// .with_secret_members(&["pin"]);
    /// assert!(!error.to_string().contains("4321"));
    /// ```
    pub fn with_secret_members(mut self, names: &'static [&'static str]) -> Self {
        self.secret_members = names;
        self
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The class of the status.
    pub fn kind(&self) -> ApiErrorKind {
        ApiErrorKind::from_status(self.status)
    }

    /// Finch's error object, when the body is one.
    pub fn finch_error(&self) -> Option<&FinchErrorBody> {
        self.finch.as_ref()
    }

    /// Finch's `finch_code`, when there is one.
    pub fn finch_code(&self) -> Option<&str> {
        self.finch.as_ref()?.finch_code.as_deref()
    }

    /// Finch's `message`, when there is one.
    pub fn message(&self) -> Option<&str> {
        self.finch.as_ref()?.message.as_deref()
    }

    /// The raw body, whatever it is.
    pub fn body(&self) -> &Bytes {
        &self.body
    }

    /// The reply's headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The `Finch-Request-ID` header.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// How many attempts the call made (1 when the first reply was this error).
    pub fn attempts(&self) -> u32 {
        self.attempts
    }
}

impl fmt::Debug for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiError")
            .field("status", &self.status)
            .field("finch", &self.finch)
            .field("body", &redact::excerpt(&self.body, 0, self.secret_members))
            .field("request_id", &shown_request_id(self.request_id.as_deref()))
            .field("attempts", &self.attempts)
            .finish_non_exhaustive()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Finch API error {}", self.status)?;
        match &self.finch {
            Some(finch) => {
                let identifiers: Vec<String> = [finch.name.as_deref(), finch.finch_code.as_deref()]
                    .into_iter()
                    .flatten()
                    .map(|identifier| redact::bounded(identifier, NAME_CHARS))
                    .collect();
                if !identifiers.is_empty() {
                    write!(f, " ({})", identifiers.join("/"))?;
                }
                if let Some(message) = &finch.message {
                    write!(f, ": {}", redact::bounded(message, MESSAGE_CHARS))?;
                }
            }
            None if self.body.is_empty() => f.write_str(" with an empty body")?,
            None => write!(
                f,
                ": {}",
                redact::excerpt(&self.body, 0, self.secret_members)
            )?,
        }
        if let Some(id) = shown_request_id(self.request_id.as_deref()) {
            write!(f, " [request id {id}]")?;
        }
        if self.attempts > 1 {
            write!(f, " (after {} attempts)", self.attempts)?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

/// Finch's 202 reply: the request was accepted, but the data is not ready.
///
/// ```
/// let accepted = finch_core::Accepted::parse(
///     br#"{"code":202,"name":"sync_in_progress","finch_code":"data_sync_in_progress","message":"Please check back later."}"#,
///     None,
/// ).unwrap();
/// assert!(accepted.is_data_sync_in_progress());
/// ```
///
/// Its `Display` and `Debug` show the members cut at [`redact::NAME_CHARS`] characters
/// ([`redact::MESSAGE_CHARS`] for `message`), on one line.
#[derive(Clone, PartialEq)]
#[non_exhaustive]
pub struct Accepted {
    /// `sync_in_progress`, `authorization_pending`, ...
    pub name: String,
    /// `data_sync_in_progress`, `pending`, `accountant_setup_pending`, ...
    pub finch_code: String,
    /// A short English description.
    pub message: String,
    /// The `Finch-Request-ID` header.
    pub request_id: Option<String>,
    /// How many attempts the call made.
    pub attempts: u32,
}

impl Accepted {
    /// Reads Finch's accepted object; `None` when the body is not one.
    pub fn parse(body: &[u8], request_id: Option<String>) -> Option<Self> {
        #[derive(Deserialize)]
        struct Raw {
            name: String,
            finch_code: String,
            message: String,
        }
        let raw: Raw = serde_json::from_slice(body).ok()?;
        Some(Accepted {
            name: raw.name,
            finch_code: raw.finch_code,
            message: raw.message,
            request_id,
            attempts: 1,
        })
    }

    /// Finch is still syncing the data; try again later.
    pub fn is_data_sync_in_progress(&self) -> bool {
        self.finch_code == "data_sync_in_progress"
    }

    /// The employer has not finished authorizing (or Finch is setting up an assisted connection).
    pub fn is_authorization_pending(&self) -> bool {
        self.name == "authorization_pending"
    }
}

impl fmt::Display for Accepted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Finch accepted the request but the data is not ready ({}/{}): {}",
            redact::bounded(&self.name, NAME_CHARS),
            redact::bounded(&self.finch_code, NAME_CHARS),
            redact::bounded(&self.message, MESSAGE_CHARS)
        )?;
        if let Some(id) = shown_request_id(self.request_id.as_deref()) {
            write!(f, " [request id {id}]")?;
        }
        Ok(())
    }
}

impl std::error::Error for Accepted {}

impl fmt::Debug for Accepted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Accepted")
            .field("name", &redact::bounded(&self.name, NAME_CHARS))
            .field("finch_code", &redact::bounded(&self.finch_code, NAME_CHARS))
            .field("message", &redact::bounded(&self.message, MESSAGE_CHARS))
            .field("request_id", &shown_request_id(self.request_id.as_deref()))
            .field("attempts", &self.attempts)
            .finish()
    }
}

/// A successful reply whose body does not match the response type.
///
/// Nothing in it shows a secret or grows with the reply: the values of secret members (see
/// [`redact`]) are masked in the excerpt and left out of serde's message, and each piece that
/// came from outside is cut, ending in `…`: the path at [`redact::NAME_CHARS`] characters, the
/// message at [`redact::MESSAGE_CHARS`], the excerpt at [`redact::EXCERPT_CHARS`], the request id
/// at [`redact::NAME_CHARS`]. Its `Display` is about 1 KiB at most, plus the type's name.
///
/// ```
/// #[derive(serde::Deserialize, Debug)]
/// struct Token { access_token: String, expires_in: u64 }
/// let error = finch_core::DecodeError::decode::<Token>(
///     br#"{"access_token":"tok-123","expires_in":"soon"}"#, http::StatusCode::OK, None,
/// ).unwrap_err();
/// assert_eq!(error.path, "expires_in");
/// assert!(error.excerpt.contains(r#""access_token":"[redacted]""#));
/// assert!(!error.to_string().contains("tok-123"));
/// ```
///
/// Its `source()` is serde's error when serde's message is shown as it is (nothing masked, nothing
/// cut), so it can be downcast to `serde_json::Error`; otherwise it is a private error whose
/// `Display` is the masked, bounded [`message`](Self::message), because serde's own text would
/// quote the value this error masks. `Display` names serde's message only when there is no
/// source (an empty body, a body where none was expected): a report shows it once either way.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct DecodeError {
    /// The type the body was decoded into, without module paths (`DirectoryPage`).
    pub type_name: String,
    /// The JSON path where decoding failed (`responses[3].body.dob`), `.` for the whole body.
    pub path: String,
    /// serde's message (`missing field \`id\``, `invalid type: ...`), without values of secret
    /// members.
    pub message: String,
    /// The part of the body around the failure, with values of secret members masked.
    pub excerpt: String,
    /// The body's length in bytes.
    pub body_len: usize,
    /// The HTTP status.
    pub status: StatusCode,
    /// The `Finch-Request-ID` header.
    pub request_id: Option<String>,
    /// How many attempts the call made.
    pub attempts: u32,
    /// serde's error, or its masked message (see above).
    cause: Option<DecodeCause>,
}

/// The cause of a [`DecodeError`]: serde's error, shown as is only when `exact`.
#[derive(Clone)]
struct DecodeCause {
    /// serde's message as the `DecodeError` shows it: masked and bounded.
    shown: String,
    /// `true` when `shown` is serde's whole message: then serde's error is the source itself.
    exact: bool,
    error: std::sync::Arc<serde_json::Error>,
}

impl fmt::Debug for DecodeCause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never serde's own `Debug`: it quotes the value that `shown` masks.
        f.debug_tuple("DecodeCause").field(&self.shown).finish()
    }
}

impl fmt::Display for DecodeCause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.shown)
    }
}

impl std::error::Error for DecodeCause {}

impl std::error::Error for DecodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        let cause = self.cause.as_ref()?;
        if cause.exact {
            Some(&*cause.error)
        } else {
            Some(cause)
        }
    }
}

impl DecodeError {
    /// Decodes `body` as `T`, naming the JSON path and showing an excerpt when it fails.
    ///
    /// The fast path is plain `serde_json`; only a failure is decoded a second time to find the path.
    ///
    /// ```
    /// #[derive(serde::Deserialize, Debug)]
    /// struct Page { individuals: Vec<Person> }
    /// #[derive(serde::Deserialize, Debug)]
    /// struct Person { id: String }
    /// let error = finch_core::DecodeError::decode::<Page>(
    ///     br#"{"individuals":[{"id":"a"},{"id":7}]}"#, http::StatusCode::OK, None,
    /// ).unwrap_err();
    /// assert_eq!(error.path, "individuals[1].id");
    /// // serde's message is the source, so a report shows it once.
    /// let source = std::error::Error::source(&*error).unwrap();
    /// assert!(source.to_string().contains("invalid type: integer `7`"));
    /// assert!(!error.to_string().contains("invalid type"));
    /// ```
    pub fn decode<T: serde::de::DeserializeOwned>(
        body: &[u8],
        status: StatusCode,
        request_id: Option<&str>,
    ) -> Result<T, Box<DecodeError>> {
        Self::decode_with_secrets(body, status, request_id, &[])
    }

    /// [`decode`](Self::decode), masking the values of `secret_members` (exact names, ASCII case
    /// ignored) as well as the built-in ones. The client passes an endpoint's
    /// [`SECRET_MEMBERS`](crate::Endpoint::SECRET_MEMBERS).
    ///
    /// ```
    /// #[derive(serde::Deserialize, Debug)]
    /// struct Unlock { pin: String, attempts_left: u8 }
    /// let error = finch_core::DecodeError::decode_with_secrets::<Unlock>(
    ///     br#"{"pin":"4321","attempts_left":-1}"#, http::StatusCode::OK, None, &["pin"],
    /// ).unwrap_err();
    /// assert!(!error.to_string().contains("4321"));
    /// ```
    pub fn decode_with_secrets<T: serde::de::DeserializeOwned>(
        body: &[u8],
        status: StatusCode,
        request_id: Option<&str>,
        secret_members: &[&str],
    ) -> Result<T, Box<DecodeError>> {
        Self::decode_named(body, status, request_id, secret_members, type_name::<T>)
    }

    /// [`decode_with_secrets`](Self::decode_with_secrets) as `T`, with errors naming the type
    /// that `type_name` gives (not `T`'s own name when `T` is a wrapper such as [`AsResponse`]).
    fn decode_named<T: serde::de::DeserializeOwned>(
        body: &[u8],
        status: StatusCode,
        request_id: Option<&str>,
        secret_members: &[&str],
        type_name: fn() -> String,
    ) -> Result<T, Box<DecodeError>> {
        match serde_json::from_slice(body) {
            Ok(value) => Ok(value),
            Err(first) => {
                let mut deserializer = serde_json::Deserializer::from_slice(body);
                let (path, in_secret, error) =
                    match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
                        Err(error) => {
                            let in_secret = error.path().iter().any(|segment| {
                                matches!(segment, serde_path_to_error::Segment::Map { key }
                                    if redact::is_secret_member(key, secret_members))
                            });
                            (error.path().to_string(), in_secret, error.into_inner())
                        }
                        // Unreachable in practice (serde_json is deterministic); keep the first error.
                        Ok(_) => (".".to_owned(), false, first),
                    };
                let offset = byte_offset(body, error.line(), error.column());
                // The whole prefix is scanned, so a window that starts inside a secret is masked.
                let window = redact::window(body.len(), offset);
                let masking = redact::mask(body, window.end.max(offset), secret_members);
                let serde_message = without_position(&error);
                let message = redact::message(&serde_message, &masking, in_secret);
                let cause = DecodeCause {
                    shown: message.clone(),
                    exact: message == serde_message,
                    error: std::sync::Arc::new(error),
                };
                Err(Box::new(DecodeError {
                    type_name: type_name(),
                    path: redact::bounded(&path, NAME_CHARS),
                    message,
                    excerpt: redact::render(body, window, &masking),
                    body_len: body.len(),
                    status,
                    request_id: request_id.map(|id| redact::bounded(id, NAME_CHARS)),
                    attempts: 1,
                    cause: Some(cause),
                }))
            }
        }
    }

    /// Decodes a reply's body as [`decode_with_secrets`](Self::decode_with_secrets) does, with
    /// the rules for empty bodies and for `()` (see [`RawResponse::json`](crate::RawResponse::json)).
    pub(crate) fn decode_reply<'a, T: DeserializeResponse>(
        body: &[u8],
        status: StatusCode,
        request_id: impl FnOnce() -> Option<&'a str>,
        secret_members: &[&str],
    ) -> Result<T, Box<DecodeError>> {
        let no_body = body.iter().all(u8::is_ascii_whitespace);
        if no_body {
            // No body reads as `null`: that is `()` and `None`, and nothing else.
            if let Ok(AsResponse(value)) = serde_json::from_slice(b"null") {
                return Ok(value);
            }
        } else if std::any::type_name::<T>() != "()" {
            // The request id is read (a header lookup) only for an error.
            return match serde_json::from_slice(body) {
                Ok(AsResponse(value)) => Ok(value),
                Err(_) => {
                    Self::decode_named(body, status, request_id(), secret_members, type_name::<T>)
                        .map(|AsResponse(value)| value)
                }
            };
        }
        let request_id = request_id();
        let message = if no_body {
            "the reply has no body; declare `response = ()` or `response = Option<...>` for an \
             endpoint that may answer none"
        } else {
            "the endpoint is declared `response = ()` and expects no body, but the reply has one; \
             declare the type it answers"
        };
        let window = redact::window(body.len(), 0);
        let masking = redact::mask(body, window.end, secret_members);
        Err(Box::new(DecodeError {
            type_name: type_name::<T>(),
            path: ".".to_owned(),
            message: message.to_owned(),
            excerpt: redact::render(body, window, &masking),
            body_len: body.len(),
            status,
            request_id: request_id.map(|id| redact::bounded(id, NAME_CHARS)),
            attempts: 1,
            cause: None,
        }))
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "could not decode the {} reply as `{}` at `{}`",
            self.status, self.type_name, self.path
        )?;
        // serde's message is the source's text when there is a source: not repeated here.
        if self.cause.is_none() {
            write!(f, ": {}", self.message)?;
        }
        write!(f, "; body ({} bytes): {}", self.body_len, self.excerpt)?;
        if let Some(id) = &self.request_id {
            write!(f, " [request id {id}]")?;
        }
        Ok(())
    }
}

/// No complete reply came within a time limit.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct TimeoutError {
    /// The limit that ran out.
    pub limit: Duration,
    /// How many attempts the call made.
    pub attempts: u32,
    /// Which limit ran out.
    pub kind: TimeoutKind,
}

/// Which time limit ran out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TimeoutKind {
    /// The limit of one attempt (the client's `timeout`), on the last attempt.
    Attempt,
    /// The limit of the whole call, retries included (the `deadline`).
    Deadline,
}

impl fmt::Display for TimeoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            TimeoutKind::Attempt => {
                write!(f, "no complete reply from Finch within {:?}", self.limit)?;
                if self.attempts > 1 {
                    write!(f, " (on the last of {} attempts)", self.attempts)?;
                }
                Ok(())
            }
            TimeoutKind::Deadline => write!(
                f,
                "the call's deadline of {:?} passed after {} attempt(s)",
                self.limit, self.attempts
            ),
        }
    }
}

impl std::error::Error for TimeoutError {}

/// A request that cannot be sent as it is. Nothing was sent.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RequestError {
    /// A path parameter's value cannot stand as one path segment.
    InvalidPathParam {
        /// The parameter.
        name: String,
        /// Its value.
        value: String,
        /// Why it cannot be sent.
        reason: String,
    },
    /// A query parameter's value cannot be written as text.
    InvalidQueryParam {
        /// The parameter.
        name: String,
        /// Why it cannot be sent.
        reason: String,
    },
    /// A header cannot be sent.
    InvalidHeader {
        /// The header.
        name: String,
        /// Its value, `[redacted]` under a secret header name (see [`redact::is_secret_header`]).
        value: String,
        /// Why it cannot be sent.
        reason: String,
    },
    /// A body field cannot be written as JSON.
    InvalidBody {
        /// The field.
        field: String,
        /// Why it cannot be sent.
        reason: String,
    },
    /// A body field takes a credential that neither the request nor the client has.
    MissingCredential {
        /// The credential.
        credential: Credential,
        /// The field that needs it.
        needed_by: String,
    },
    /// The URI cannot be built (a custom request's path with characters a URI cannot hold).
    InvalidUri {
        /// The path and query.
        path: String,
        /// Why.
        reason: String,
    },
    /// The endpoint's auth scheme needs a credential the client does not have.
    MissingAuth {
        /// The endpoint's scheme.
        scheme: AuthScheme,
        /// What is missing.
        missing: Credential,
    },
}

impl RequestError {
    pub(crate) fn body(field: &str, reason: impl fmt::Display) -> Self {
        RequestError::InvalidBody {
            field: field.to_owned(),
            reason: reason.to_string(),
        }
    }
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RequestError::InvalidPathParam {
                name,
                value,
                reason,
            } => {
                write!(
                    f,
                    "path parameter `{name}` = {value:?} cannot be sent: {reason}"
                )
            }
            RequestError::InvalidQueryParam { name, reason } => {
                write!(f, "query parameter `{name}` cannot be sent: {reason}")
            }
            RequestError::InvalidHeader {
                name,
                value,
                reason,
            } => {
                write!(f, "header `{name}` = {value:?} cannot be sent: {reason}")
            }
            RequestError::InvalidBody { field, reason } => {
                write!(f, "body field `{field}` cannot be sent: {reason}")
            }
            RequestError::MissingCredential {
                credential,
                needed_by,
            } => {
                write!(
                    f,
                    "`{needed_by}` needs the {credential}: set it on the request or configure the client with it"
                )?;
                if let Some(var) = credential.env_var() {
                    write!(f, " (for example through {var})")?;
                }
                Ok(())
            }
            RequestError::InvalidUri { path, reason } => {
                write!(f, "`{path}` cannot be a request URI: {reason}")
            }
            RequestError::MissingAuth { scheme, missing } => {
                write!(
                    f,
                    "this endpoint authenticates with {scheme} auth and the client has no {missing}"
                )?;
                if let Some(var) = missing.env_var() {
                    write!(f, " (set it on the client or through {var})")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for RequestError {}

/// The client's configuration is invalid.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfigError {
    /// The base URL cannot be used.
    InvalidBaseUrl {
        /// The scheme, host and port of what was given (never its path, query or user info), or
        /// `(not shown)` when they cannot be told apart.
        value: String,
        /// Why it cannot be used.
        reason: String,
    },
    /// An environment variable holds a value that cannot be used. Secret values are not shown.
    InvalidEnv {
        /// The variable.
        var: &'static str,
        /// Why it cannot be used.
        reason: String,
    },
    /// A default header cannot be sent.
    InvalidHeader {
        /// The header.
        name: String,
        /// Why it cannot be sent.
        reason: String,
    },
    /// A required setting is missing.
    Missing {
        /// What is missing, and how to set it.
        what: String,
    },
    /// The transport could not be built.
    Transport {
        /// Why.
        reason: String,
    },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::InvalidBaseUrl { value, reason } => {
                write!(f, "invalid base URL ({value}): {reason}")
            }
            ConfigError::InvalidEnv { var, reason } => write!(f, "invalid {var}: {reason}"),
            ConfigError::InvalidHeader { name, reason } => {
                write!(f, "invalid default header `{name}`: {reason}")
            }
            ConfigError::Missing { what } => write!(f, "missing configuration: {what}"),
            ConfigError::Transport { reason } => {
                write!(f, "could not build the HTTP transport: {reason}")
            }
        }
    }
}

impl std::error::Error for ConfigError {}

/// A request id as errors show it: on one line and cut at [`NAME_CHARS`] characters.
fn shown_request_id(id: Option<&str>) -> Option<String> {
    id.map(|id| redact::bounded(id, NAME_CHARS))
}

/// The byte offset of a 1-based line and column that serde_json reports.
fn byte_offset(body: &[u8], line: usize, column: usize) -> usize {
    let line_start: usize = body
        .split(|&b| b == b'\n')
        .take(line.saturating_sub(1))
        .map(|line| line.len() + 1)
        .sum();
    (line_start + column.saturating_sub(1)).min(body.len())
}

/// A type's name without module paths (`Vec<DirectoryPage>`, not `alloc::vec::Vec<finch::...>`).
///
/// ```
/// assert_eq!(finch_core::type_name::<Vec<Option<String>>>(), "Vec<Option<String>>");
/// ```
pub fn type_name<T: ?Sized>() -> String {
    short_type_name(std::any::type_name::<T>())
}

fn short_type_name(full: &str) -> String {
    let mut short = String::with_capacity(full.len());
    let mut segment_start = 0;
    for (index, c) in full.char_indices() {
        if c.is_alphanumeric() || c == '_' || c == ':' {
            continue;
        }
        short.push_str(last_segment(&full[segment_start..index]));
        short.push(c);
        segment_start = index + c.len_utf8();
    }
    short.push_str(last_segment(&full[segment_start..]));
    short
}

fn last_segment(path: &str) -> &str {
    path.rsplit("::").next().unwrap_or(path)
}

/// serde_json's message without its ` at line 1 column 5` suffix (the excerpt shows the place).
fn without_position(error: &serde_json::Error) -> String {
    let message = error.to_string();
    match message.rfind(" at line ") {
        Some(index) => message[..index].to_owned(),
        None => message,
    }
}

/// Why a listing ended early: the server answered a page other than the one asked for.
///
/// ```
/// # fn demo(error: finch_core::Error) {
/// if let finch_core::Error::Paging(paging) = &error {
///     eprintln!("{} stopped at offset {}: {error}", paging.listing, paging.asked_offset);
/// }
/// # }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct PagingError {
    /// The listing's request type (`ListDirectory`).
    pub listing: &'static str,
    /// The offset asked for.
    pub asked_offset: u64,
    /// What came back instead.
    pub kind: PagingErrorKind,
    /// The `Finch-Request-ID` of the reply, when there was one.
    pub request_id: Option<String>,
    /// How many attempts the page's call made.
    pub attempts: u32,
}

impl PagingError {
    /// An error of `listing` at `asked_offset`.
    pub fn new(listing: &'static str, asked_offset: u64, kind: PagingErrorKind) -> Self {
        PagingError {
            listing,
            asked_offset,
            kind,
            request_id: None,
            attempts: 1,
        }
    }
}

/// What a server answered instead of the page asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PagingErrorKind {
    /// The page reports another offset than the one asked for (a server or proxy that ignores
    /// `offset`).
    WrongOffset {
        /// The offset the page reported.
        received: u64,
    },
    /// The page is the same as the one before it, asked at `previous_offset`.
    RepeatedPage {
        /// The offset of the page it repeats.
        previous_offset: u64,
    },
    /// The offset after the page cannot be represented, or the request for it does not ask for
    /// it (a [`Paginated::at_offset`](crate::Paginated::at_offset) that ignores its argument).
    NoProgress,
}

impl fmt::Display for PagingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "listing `{}` ended: asked for the page at offset {}, ",
            self.listing, self.asked_offset
        )?;
        match self.kind {
            PagingErrorKind::WrongOffset { received } => {
                write!(f, "the server answered the page at offset {received}")?;
            }
            PagingErrorKind::RepeatedPage { previous_offset } => write!(
                f,
                "the server answered the same page as at offset {previous_offset}"
            )?,
            PagingErrorKind::NoProgress => f.write_str("the offset after it does not advance")?,
        }
        if let Some(id) = &self.request_id {
            write!(f, " [request id {id}]")?;
        }
        Ok(())
    }
}

impl std::error::Error for PagingError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_bodies_of_every_shape_are_read() {
        let shape = FinchErrorBody::parse(br#"{"statusCode":400,"status":"x","code":"E1","name":"BadRequestError","message":"bad"}"#)
            .unwrap();
        assert_eq!(
            (shape.code, shape.name.as_deref()),
            (Some(400), Some("BadRequestError"))
        );
        let shape =
            FinchErrorBody::parse(br#"{"code":401,"finch_code":"invalid_client","message":"no"}"#)
                .unwrap();
        assert_eq!(shape.finch_code.as_deref(), Some("invalid_client"));
        assert!(FinchErrorBody::parse(b"[1,2]").is_none());
        assert!(FinchErrorBody::parse(b"{}").is_none());
    }

    #[test]
    fn type_names_are_short() {
        assert_eq!(
            short_type_name("alloc::vec::Vec<finch::hris::company::Company>"),
            "Vec<Company>"
        );
        assert_eq!(
            short_type_name("core::option::Option<(u8, a::B)>"),
            "Option<(u8, B)>"
        );
    }

    #[test]
    fn decode_errors_locate_truncated_json() {
        let error =
            DecodeError::decode::<serde_json::Value>(br#"{"a": [1, 2"#, StatusCode::OK, None)
                .unwrap_err();
        assert!(error.message.contains("EOF"), "{error}");
        assert!(error.excerpt.contains("[1, 2"), "{error}");
    }
}
