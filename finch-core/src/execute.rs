//! The attempts of one call: send with a time limit, classify the reply, wait and try again as
//! the retry policy says, all inside an overall deadline; traced without secrets.

use crate::error::{ApiError, Error, TimeoutError, TimeoutKind};
use crate::response::RawResponse;
use crate::retry::{RetryPolicy, random_jitter, status_is_retryable};
use crate::sleep::{AsyncSleep, Clock, timeout};
use crate::transport::{DynTransport, TransportError, TransportErrorKind};
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
    pub(crate) attempt_timeout: Duration,
    pub(crate) deadline: Option<Duration>,
    pub(crate) transport: &'a dyn DynTransport,
    pub(crate) sleep: &'a dyn AsyncSleep,
    pub(crate) clock: &'a dyn Clock,
}

impl Call<'_> {
    /// Runs the attempts. `headers` builds each attempt's headers (the first is built before the
    /// call, so that a bad header fails before anything is sent).
    pub(crate) async fn run(
        self,
        first_headers: HeaderMap,
        mut headers: impl FnMut() -> Result<HeaderMap, Error> + Send,
    ) -> Result<RawResponse, Error> {
        let span = tracing::debug_span!(
            "finch.request",
            operation = self.name,
            method = %self.method,
            path = self.template,
            attempts = tracing::field::Empty,
            status = tracing::field::Empty,
            request_id = tracing::field::Empty,
        );
        let attempts = AtomicU32::new(0);
        let mut first_headers = Some(first_headers);
        let attempts_loop = async {
            loop {
                let attempt = attempts.fetch_add(1, Ordering::Relaxed) + 1;
                let headers = match first_headers.take() {
                    Some(headers) => headers,
                    None => headers()?,
                };
                match self.attempt(attempt, headers).await {
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
        span.record("attempts", attempts.load(Ordering::Relaxed));
        if let Some(status) = result
            .as_ref()
            .ok()
            .map(|reply| reply.status)
            .or_else(|| result.as_ref().err()?.status())
        {
            span.record("status", status.as_u16());
        }
        if let Some(id) = result
            .as_ref()
            .map_or_else(Error::request_id, RawResponse::request_id)
        {
            span.record("request_id", id);
        }
        result
    }

    async fn attempt(&self, attempt: u32, headers: HeaderMap) -> Outcome {
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
        let mut request = http::Request::new(self.body.clone());
        *request.method_mut() = self.method.clone();
        *request.uri_mut() = self.uri.clone();
        *request.headers_mut() = headers;
        let started = Instant::now();
        let sent = timeout(
            self.sleep.sleep(self.attempt_timeout),
            self.transport.send_boxed(request),
        )
        .await;
        let latency_ms = started.elapsed().as_millis() as u64;
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
            Some(Err(error)) => {
                tracing::debug!(attempt, latency_ms, error = %error, "finch: attempt failed");
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
                if can_retry && status_is_retryable(parts.status, &parts.headers) {
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
}

enum Outcome {
    Done(Result<RawResponse, Error>),
    RetryAfter(Duration),
}

fn transport_error_is_retryable(error: &TransportError) -> bool {
    matches!(
        error.kind(),
        TransportErrorKind::Connect | TransportErrorKind::Timeout | TransportErrorKind::Io
    )
}
