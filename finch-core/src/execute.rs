//! The attempts of one call: send with a time limit (following same-origin redirects as
//! `redirect` decides), classify the reply, wait and try again as the retry policy says, all
//! inside an overall deadline; traced without secrets.

use crate::error::{ApiError, Error, TimeoutError, TimeoutKind};
use crate::held_transport::HeldTransport;
use crate::redirect::{self, Hop};
use crate::response::RawResponse;
use crate::retry::{RetryPolicy, random_jitter, status_is_retryable};
use crate::sleep::{AsyncSleep, Clock, timeout};
use crate::transport::{TransportError, TransportErrorKind};
use bytes::Bytes;
use http::{HeaderMap, Method, Uri};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};
use tracing::Instrument as _;

/// What the attempts of one call share.
pub(crate) struct Call<'a> {
    pub(crate) name: &'static str,
    pub(crate) template: &'static str,
    pub(crate) method: Method,
    pub(crate) uri: Uri,
    pub(crate) body: Bytes,
    pub(crate) policy: RetryPolicy,
    /// Statuses the endpoint declares final: never retried.
    pub(crate) no_retry: &'static [u16],
    pub(crate) attempt_timeout: Duration,
    pub(crate) deadline: Option<Duration>,
    pub(crate) transport: &'a HeldTransport,
    pub(crate) sleep: &'a dyn AsyncSleep,
    pub(crate) clock: &'a dyn Clock,
}

impl Call<'_> {
    /// Runs the attempts. `headers_again` builds the headers of each attempt after the first (whose
    /// headers are built before the call, so that a bad header fails before anything is sent) and
    /// of each followed redirect: rebuilding is cheaper than keeping a copy for every send.
    pub(crate) async fn run(
        self,
        first_headers: HeaderMap,
        mut headers_again: impl FnMut() -> Result<HeaderMap, Error> + Send,
    ) -> Result<RawResponse, Error> {
        // Field names follow OpenTelemetry's HTTP client conventions, finch's own are `finch.*`;
        // `otel.*` are what tracing-opentelemetry reads for the span's name, kind and status. The
        // values are computed only when a subscriber wants the span.
        let span = tracing::debug_span!(
            "finch.request",
            otel.name = %SpanName(&self.method, self.template),
            otel.kind = "client",
            otel.status_code = tracing::field::Empty,
            finch.operation = self.name,
            http.request.method = self.method.as_str(),
            url.template = self.template,
            server.address = self.uri.host().unwrap_or_default(),
            server.port = server_port(&self.uri),
            http.response.status_code = tracing::field::Empty,
            http.request.resend_count = tracing::field::Empty,
            error.type = tracing::field::Empty,
            finch.attempts = tracing::field::Empty,
            finch.request_id = tracing::field::Empty,
        );
        let attempts = AtomicU32::new(0);
        let sends = AtomicU32::new(0);
        let mut first_headers = Some(first_headers);
        let attempts_loop = async {
            loop {
                let attempt = attempts.fetch_add(1, Ordering::Relaxed) + 1;
                let headers = match first_headers.take() {
                    Some(headers) => headers,
                    None => headers_again()?,
                };
                match self
                    .attempt(attempt, headers, &mut headers_again, &sends)
                    .await
                {
                    Outcome::Done(result) => return result,
                    Outcome::RetryAfter(delay) => {
                        tracing::info!(
                            attempt,
                            delay_ms = delay.as_millis() as u64,
                            "finch: retrying"
                        );
                        self.sleep.sleep(delay).await;
                    }
                }
            }
        };
        let result = match self.deadline {
            None => attempts_loop.instrument(span.clone()).await,
            Some(deadline) => match timeout(
                self.sleep.sleep(deadline),
                attempts_loop.instrument(span.clone()),
            )
            .await
            {
                Some(result) => result,
                None => Err(Error::Timeout(TimeoutError {
                    limit: deadline,
                    attempts: attempts.load(Ordering::Relaxed),
                    kind: TimeoutKind::Deadline,
                })),
            },
        };
        if !span.is_disabled() {
            record_outcome(
                &span,
                &result,
                attempts.load(Ordering::Relaxed),
                sends.into_inner(),
            );
        }
        result
    }

    async fn attempt(
        &self,
        attempt: u32,
        headers: HeaderMap,
        headers_again: &mut (dyn FnMut() -> Result<HeaderMap, Error> + Send),
        sends: &AtomicU32,
    ) -> Outcome {
        let can_retry = attempt <= self.policy.max_retries;
        let backoff = || {
            self.policy.backoff(
                attempt - 1,
                if self.policy.jitter {
                    random_jitter()
                } else {
                    0.0
                },
            )
        };
        // Two clock readings, for the debug events only.
        let started = tracing::enabled!(tracing::Level::DEBUG).then(Instant::now);
        // One time limit for the attempt, its redirects included.
        let sent = timeout(
            self.sleep.sleep(self.attempt_timeout),
            self.exchange(attempt, headers, headers_again, sends),
        )
        .await;
        let latency_ms = started.map_or(0, |started| started.elapsed().as_millis() as u64);
        match sent {
            None => {
                tracing::debug!(attempt, latency_ms, "finch: attempt timed out");
                if can_retry {
                    return Outcome::RetryAfter(backoff());
                }
                Outcome::Done(Err(Error::Timeout(TimeoutError {
                    limit: self.attempt_timeout,
                    attempts: attempt,
                    kind: TimeoutKind::Attempt,
                })))
            }
            Some(Err(Stop::Error(error))) => Outcome::Done(Err(error)),
            Some(Err(Stop::Transport(error))) => {
                // The kind and the cause's text: a transport error with a source displays its kind
                // only (the cause is its `source()`), and a log line has no chain to walk.
                tracing::debug!(
                    attempt,
                    latency_ms,
                    kind = ?error.kind(),
                    error = error.message(),
                    "finch: attempt failed"
                );
                if can_retry && transport_error_is_retryable(&error) {
                    return Outcome::RetryAfter(backoff());
                }
                Outcome::Done(Err(Error::Transport {
                    error,
                    attempts: attempt,
                }))
            }
            Some(Ok(reply)) => {
                let (parts, body) = reply.into_parts();
                tracing::debug!(
                    attempt,
                    latency_ms,
                    status = parts.status.as_u16(),
                    request_id = parts
                        .headers
                        .get("finch-request-id")
                        .and_then(|v| v.to_str().ok()),
                    "finch: reply"
                );
                if parts.status.is_success() {
                    return Outcome::Done(Ok(RawResponse {
                        status: parts.status,
                        headers: parts.headers,
                        body,
                        attempts: attempt,
                    }));
                }
                if can_retry
                    && !self.no_retry.contains(&parts.status.as_u16())
                    && status_is_retryable(parts.status, &parts.headers)
                {
                    let delay = self
                        .policy
                        .server_delay(&parts.headers, self.clock)
                        .unwrap_or_else(backoff);
                    return Outcome::RetryAfter(delay);
                }
                let mut error = ApiError::from_reply(parts.status, parts.headers, body);
                error.attempts = attempt;
                Outcome::Done(Err(Error::Api(Box::new(error))))
            }
        }
    }

    /// One attempt's exchanges: the request, then the same-origin redirects it is sent on. A
    /// retry starts again from the call's own request, as the official SDKs' HTTP clients do.
    async fn exchange(
        &self,
        attempt: u32,
        mut headers: HeaderMap,
        headers_again: &mut (dyn FnMut() -> Result<HeaderMap, Error> + Send),
        sends: &AtomicU32,
    ) -> Result<http::Response<Bytes>, Stop> {
        let mut hop: Option<Hop> = None;
        let mut with_body = true;
        let mut followed = 0;
        loop {
            let (method, uri) = match &hop {
                Some(hop) => (&hop.method, &hop.uri),
                None => (&self.method, &self.uri),
            };
            let mut request = http::Request::new(if with_body {
                self.body.clone()
            } else {
                Bytes::new()
            });
            *request.method_mut() = method.clone();
            *request.uri_mut() = uri.clone();
            *request.headers_mut() = headers;
            sends.fetch_add(1, Ordering::Relaxed);
            let reply = self
                .transport
                .send(request)
                .await
                .map_err(Stop::Transport)?;
            let status = reply.status();
            let next =
                match redirect::next_hop(&self.uri, uri, method, status, reply.headers(), followed)
                {
                    Ok(None) => return Ok(reply),
                    Ok(Some(next)) => next,
                    Err(mut error) => {
                        error.attempts = attempt;
                        tracing::debug!(
                            attempt,
                            status = status.as_u16(),
                            to = error
                                .location()
                                .as_deref()
                                .unwrap_or("an unusable Location"),
                            "finch: redirect refused"
                        );
                        return Err(Stop::Error(Error::Redirect(error)));
                    }
                };
            tracing::debug!(
                attempt,
                status = status.as_u16(),
                to = next.target.as_str(),
                method = %next.method,
                "finch: following a same-origin redirect"
            );
            followed += 1;
            with_body &= next.keep_body;
            headers = headers_again().map_err(Stop::Error)?;
            if !with_body {
                Hop::strip_body_headers(&mut headers);
            }
            hop = Some(next);
        }
    }
}

enum Outcome {
    Done(Result<RawResponse, Error>),
    RetryAfter(Duration),
}

/// Why an attempt's exchanges ended without a reply to classify.
enum Stop {
    /// The transport failed (perhaps worth a retry).
    Transport(TransportError),
    /// A refused redirect, or headers that could not be built again: final.
    Error(Error),
}

/// The span's name as OpenTelemetry's HTTP conventions want it: `{method} {url.template}`.
struct SpanName<'a>(&'a Method, &'a str);

impl std::fmt::Display for SpanName<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.0, self.1)
    }
}

/// The port the request goes to: the URI's, or its scheme's default.
fn server_port(uri: &Uri) -> u16 {
    uri.port_u16().unwrap_or(match uri.scheme_str() {
        Some("http") => 80,
        _ => 443,
    })
}

/// Records how the call ended on its span: the last reply's status, how often the request was
/// sent again (retries and redirects, present only when it was, as the conventions say), and on
/// failure `error.type`.
fn record_outcome(
    span: &tracing::Span,
    result: &Result<RawResponse, Error>,
    attempts: u32,
    sends: u32,
) {
    span.record("finch.attempts", attempts);
    if sends > 1 {
        span.record("http.request.resend_count", sends - 1);
    }
    let status = match result {
        Ok(reply) => Some(reply.status),
        Err(error) => error.status(),
    };
    if let Some(status) = status {
        span.record("http.response.status_code", status.as_u16());
    }
    if let Some(id) = result
        .as_ref()
        .map_or_else(Error::request_id, RawResponse::request_id)
    {
        span.record("finch.request_id", id);
    }
    if let Err(error) = result {
        span.record("error.type", error_type(error));
        span.record("otel.status_code", "ERROR");
    }
}

/// `error.type`: the status code for an error reply (as the conventions say), otherwise a
/// short, fixed name of what went wrong.
fn error_type(error: &Error) -> &str {
    match error {
        Error::Api(error) => error.status.as_str(),
        Error::Timeout(_) => "timeout",
        Error::Transport { error, .. } => match error.kind() {
            TransportErrorKind::Connect => "connect_error",
            TransportErrorKind::Timeout => "timeout",
            TransportErrorKind::Io => "io_error",
            TransportErrorKind::BodyTooLarge => "body_too_large",
            _ => "transport_error",
        },
        Error::Redirect(_) => "redirect_error",
        _ => "request_error",
    }
}

fn transport_error_is_retryable(error: &TransportError) -> bool {
    matches!(
        error.kind(),
        TransportErrorKind::Connect | TransportErrorKind::Timeout | TransportErrorKind::Io
    )
}
