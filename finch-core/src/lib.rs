//! The runtime of the [finch](https://docs.rs/finch-sdk) SDK for the Finch HRIS and payroll API.
//!
//! Application developers use it through the `finch` crate. What lives here, one concept a module:
//!
//! | where | what |
//! |---|---|
//! | [`transport`] | the seam: [`Transport`] turns an `http::Request<Bytes>` into an `http::Response<Bytes>`; [`ReqwestTransport`] is the default, [`TestTransport`] the one for tests; with the `tower` feature, `TowerTransport` sends through a `tower::Service` (and tower layers) and `TransportService` makes a transport one (`tower_transport.rs`) |
//! | [`Endpoint`] | what `#[finch_endpoint]` implements: method, path, auth, response type, and the writers ([`PathWriter`], [`QueryWriter`], [`HeaderWriter`], [`BodyWriter`]) it fills; [`PathValue`] and [`HeaderValue`], the types a path parameter or a header can be |
//! | [`Client`] | the handle every call goes through (`client.rs`); its configuration, checked once, is [`ClientBuilder`] (`builder.rs`); the call pipeline (prepare, headers, auth per endpoint, decode) is `pipeline.rs`; requests built by hand are [`CustomRequest`] (`custom.rs`) |
//! | [`Credentials`], [`AuthScheme`] | who the client is, and which credential each endpoint may see (the ground floor) |
//! | [`RequestOptions`] | per-call overrides, checked when set |
//! | attempts (`execute.rs`) | timeouts per attempt and per call, retries as [`RetryPolicy`] says, tracing spans (see [Tracing](#tracing)) |
//! | [`RedirectError`] | redirects: followed within the base URL's origin, refused (typed) beyond it |
//! | [`AsyncSleep`], [`Clock`] | injected time, so retries and timeouts are tested without waiting |
//! | [`paging`] | offset paging as streams ([`Pages`], [`Items`]), one page held at a time, with the rules that end every listing |
//! | [`Error`] | one error type, typed by cause |
//! | [`Nullable`] | a body member sent as `null`, to clear a value |
//! | [`Secret`] | secrets that never show in `Debug` |
//! | [`redact`] | what may be shown of secrets and of text from outside: masked JSON members and headers, bounded lengths |
//!
//! ```
//! use finch_core::{Client, TestTransport};
//! # #[tokio::main(flavor = "current_thread")] async fn main() -> Result<(), finch_core::Error> {
//! let transport = TestTransport::new();
//! transport.push_json(200, r#"{"id":"514aa2b7"}"#);
//! let client = Client::builder().access_token("token").transport(transport.clone()).build()?;
//! let company: serde_json::Value = client.request(http::Method::GET, "/employer/company").send().await?;
//! assert_eq!(company["id"], "514aa2b7");
//! let sent = &transport.requests()[0];
//! assert_eq!(sent.headers["finch-api-version"], "2020-09-17");
//! assert_eq!(sent.headers["authorization"], "Bearer token");
//! # Ok(()) }
//! ```
//!
//! # Tracing
//! Each call is one `tracing` span, `finch.request` (at `DEBUG`), whose fields follow
//! OpenTelemetry's HTTP client semantic conventions, next to finch's own:
//!
//! | field | value |
//! |---|---|
//! | `http.request.method` | `GET`, `POST`, ... |
//! | `url.template` | the endpoint's path template, `/jobs/automated/{job_id}` (never the filled-in path or the query); `(custom)` for a [`CustomRequest`] |
//! | `server.address`, `server.port` | the base URL's host and port (443 or 80 when it names none) |
//! | `http.response.status_code` | the last reply's status, when there was a reply |
//! | `http.request.resend_count` | how often the request was sent again, retries and same-origin redirects alike; only when it was |
//! | `error.type` | on failure: the status code (`"404"`) for an error reply, else `timeout`, `connect_error`, `io_error`, `body_too_large`, `transport_error`, `redirect_error` or `request_error` |
//! | `finch.operation` | the request type, `RetrieveAutomatedJob` |
//! | `finch.attempts` | attempts made (redirects are not attempts) |
//! | `finch.request_id` | the reply's `Finch-Request-ID` |
//! | `otel.name`, `otel.kind`, `otel.status_code` | `"GET /employer/directory"`, `client`, `ERROR` on failure: what `tracing-opentelemetry` reads for the span's name, kind and status |
//!
//! Events inside it say what each attempt did (`finch: reply` with `attempt`, `latency_ms`,
//! `status`, `request_id`; `finch: retrying`; redirects followed or refused). No field holds a
//! credential, a query or a body. Without a subscriber that enables them, spans and events are
//! skipped and their values are never computed.
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_debug_implementations)]

mod base_url;
mod builder;
mod client;
mod credentials;
mod custom;
mod endpoint;
mod error;
mod execute;
mod held_transport;
mod nullable;
mod options;
pub mod paging;
mod pipeline;
pub mod redact;
mod redirect;
mod request;
mod response;
mod response_type;
mod retry;
pub mod secret;
mod sleep;
mod test_transport;
pub mod transport;

#[cfg(feature = "reqwest")]
mod reqwest_transport;
#[cfg(feature = "tower")]
mod tower_transport;

pub use base_url::DEFAULT_BASE_URL;
pub use builder::ClientBuilder;
pub use client::{API_VERSION, Client, DEFAULT_TIMEOUT};
pub use credentials::{AuthScheme, Credential, Credentials};
pub use custom::CustomRequest;
pub use endpoint::{Endpoint, ParamLocation, ParamSpec};
pub use error::{
    Accepted, ApiError, ApiErrorKind, ConfigError, DecodeError, Error, FinchErrorBody,
    RequestError, TimeoutError, TimeoutKind, type_name,
};
pub use nullable::Nullable;
pub use options::RequestOptions;
pub use paging::{Items, PageInfo, Pages, Paginated, PagingError, PagingErrorKind, next_offset};
pub use redirect::{MAX_REDIRECTS, RedirectError, RedirectErrorKind};
pub use request::value::{HeaderValue, PathValue};
pub use request::{BodyWriter, HeaderWriter, PathWriter, QueryWriter, WireValue};
pub use response::RawResponse;
pub use response_type::DeserializeResponse;
pub use retry::RetryPolicy;
pub use secret::Secret;
pub use sleep::{AsyncSleep, Clock, LONGEST_WAIT, SleepFuture, SystemClock, TokioSleep};
pub use test_transport::{RecordedRequest, TestTransport};
pub use transport::{Transport, TransportError, TransportErrorKind};

#[cfg(feature = "reqwest")]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
pub use reqwest_transport::{DEFAULT_MAX_RESPONSE_BYTES, ReqwestTransport};

#[cfg(feature = "tower")]
#[cfg_attr(docsrs, doc(cfg(feature = "tower")))]
pub use tower_transport::{TowerTransport, TransportService};

/// What code generated by `#[finch_endpoint]` (and finch's own `#[model]`) refers to. Not a public API: its contents change
/// with the attribute, and the version in its name makes a mismatched pair fail to compile.
#[doc(hidden)]
pub mod __private_v0 {
    pub use crate::credentials::AuthScheme;
    pub use crate::credentials::Credential;
    pub use crate::endpoint::{Endpoint, ParamLocation, ParamSpec};
    pub use crate::error::RequestError;
    pub use crate::nullable::deserialize_present;
    pub use crate::request::value::{
        HeaderValue, PathValue, SyncField, display, header_param, opaque, path_param, sync_field,
    };
    pub use crate::request::{BodyWriter, HeaderWriter, PathWriter, QueryWriter};
    pub use ::core::marker::PhantomData;
    pub use ::core::option::Option::{self, None, Some};
    pub use ::core::result::Result::{self, Ok};
    pub use ::http::Method;
    pub use ::serde::{Serialize, Serializer};
}
