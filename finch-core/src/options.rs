//! Per-request overrides of the client's settings.

use crate::error::RequestError;
use crate::redact::{RedactedHeaders, redact_query};
use crate::request::{HeaderWriter, QueryWriter};
use crate::retry::RetryPolicy;
use http::HeaderMap;
use std::fmt;
use std::time::Duration;

/// Settings for one call that override the client's.
///
/// Its `Debug` shows the values of secret headers and query parameters (see
/// [`redact`](crate::redact)) as `[redacted]`.
///
/// ```
/// use finch_core::RequestOptions;
/// use std::time::Duration;
/// let options = RequestOptions::new()
///     .timeout(Duration::from_secs(5))
///     .max_retries(0)
///     .header("X-Trace", "abc")
///     .query("debug", "1");
/// ```
#[derive(Clone, Default)]
#[non_exhaustive]
pub struct RequestOptions {
    pub(crate) timeout: Option<Duration>,
    pub(crate) deadline: Option<Duration>,
    pub(crate) retry: Option<RetryPolicy>,
    pub(crate) max_retries: Option<u32>,
    /// Extra headers, checked when set (so a retry does not parse them again).
    pub(crate) headers: HeaderMap,
    /// Extra query pairs, encoded when set, without a leading `&`.
    pub(crate) query: QueryWriter,
    /// The first header that could not be set: the request fails with it, before anything is
    /// sent (a builder method cannot return it).
    pub(crate) invalid: Option<RequestError>,
}

impl RequestOptions {
    /// No overrides.
    pub fn new() -> Self {
        Self::default()
    }

    /// The time limit of each attempt.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// A limit on the whole call, retries and waits included.
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = Some(deadline);
        self
    }

    /// How many times to retry.
    pub fn max_retries(mut self, max_retries: u32) -> Self {
        self.max_retries = Some(max_retries);
        self
    }

    /// The whole retry policy.
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// An extra header (replacing a default of the same name). `Authorization` cannot be set here:
    /// it always follows the endpoint's auth scheme.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        let (name, value) = (name.into(), value.into());
        if self.invalid.is_some() {
            return self;
        }
        if name.eq_ignore_ascii_case("authorization") {
            self.invalid = Some(RequestError::InvalidHeader {
                name,
                value: "[redacted]".to_owned(),
                reason: "Authorization follows the endpoint's auth scheme; set credentials on the \
                         client"
                    .to_owned(),
            });
            return self;
        }
        let mut writer = HeaderWriter::from_headers(std::mem::take(&mut self.headers));
        if let Err(error) = writer.header(&name, value.as_str()) {
            self.invalid = Some(error);
        }
        self.headers = writer.into_headers();
        self
    }

    /// An extra query parameter, added after the endpoint's own.
    pub fn query(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.query.push_pair(&name.into(), &value.into());
        self
    }
}

impl fmt::Debug for RequestOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestOptions")
            .field("timeout", &self.timeout)
            .field("deadline", &self.deadline)
            .field("retry", &self.retry)
            .field("max_retries", &self.max_retries)
            .field("headers", &RedactedHeaders(&self.headers))
            .field("query", &redact_query(self.query.as_str()))
            .field("invalid", &self.invalid)
            .finish()
    }
}
