//! A transport for tests: canned replies, recorded requests, no socket.

use crate::redact::{self, RedactedHeaders};
use crate::transport::{Transport, TransportError, TransportErrorKind};
use bytes::Bytes;
use http::{HeaderMap, Method, StatusCode, Uri};
use std::collections::VecDeque;
use std::fmt;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

/// A transport that answers from a queue of canned replies and records every request it gets.
///
/// Clones share the queue and the record, so keep one clone to inspect after handing another to
/// the client. When the queue is empty it fails with a transport error naming the request (it never
/// panics).
///
/// ```
/// use finch_core::{Client, TestTransport};
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> Result<(), finch_core::Error> {
/// let transport = TestTransport::new();
/// transport.push_json(200, r#"{"ok":true}"#);
/// let client = Client::builder().transport(transport.clone()).build()?;
/// let reply = client.request(http::Method::GET, "/ping").auth(finch_core::AuthScheme::None).send_raw().await?;
/// assert_eq!(reply.status(), 200);
/// assert_eq!(transport.requests()[0].uri.path(), "/ping");
/// # Ok(()) }
/// ```
#[derive(Clone, Default)]
pub struct TestTransport {
    state: Arc<Mutex<State>>,
}

/// Shows how many replies are queued and how many requests were recorded (see
/// [`RecordedRequest`]'s `Debug` for one request, redacted).
impl fmt::Debug for TestTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (queued, recorded) = match self.state.lock() {
            Ok(state) => (state.replies.len(), state.requests.len()),
            Err(poisoned) => {
                let state = poisoned.into_inner();
                (state.replies.len(), state.requests.len())
            }
        };
        f.debug_struct("TestTransport")
            .field("queued_replies", &queued)
            .field("recorded_requests", &recorded)
            .finish()
    }
}

#[derive(Default)]
struct State {
    replies: VecDeque<Result<http::Response<Bytes>, TransportError>>,
    requests: Vec<RecordedRequest>,
}

/// A request as the transport received it.
///
/// Its `Debug` shows secret headers, secret query parameters and the values of secret body
/// members (see [`redact`](crate::redact)) as `[redacted]`, and the body as a bounded excerpt; the
/// fields themselves hold everything as sent.
#[derive(Clone)]
#[non_exhaustive]
pub struct RecordedRequest {
    /// The method.
    pub method: Method,
    /// The absolute URI.
    pub uri: Uri,
    /// Every header.
    pub headers: HeaderMap,
    /// The body.
    pub body: Bytes,
}

impl fmt::Debug for RecordedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let uri = match self.uri.path_and_query() {
            Some(path_and_query) => {
                let origin = match (self.uri.scheme_str(), self.uri.authority()) {
                    (Some(scheme), Some(authority)) => format!("{scheme}://{}", authority.host()),
                    _ => String::new(),
                };
                let port = self
                    .uri
                    .port()
                    .map(|port| format!(":{port}"))
                    .unwrap_or_default();
                format!(
                    "{origin}{port}{}",
                    redact::url_path_shown(path_and_query.as_str())
                )
            }
            None => redact::url_origin(&self.uri.to_string()),
        };
        f.debug_struct("RecordedRequest")
            .field("method", &self.method)
            .field("uri", &uri)
            .field("headers", &RedactedHeaders(&self.headers))
            .field("body", &redact::excerpt(&self.body, 0, &[]))
            .field("body_len", &self.body.len())
            .finish()
    }
}

impl RecordedRequest {
    /// The body parsed as JSON (`Null` when it is empty or not JSON).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or(serde_json::Value::Null)
    }
}

impl TestTransport {
    /// A transport with nothing queued.
    pub fn new() -> Self {
        Self::default()
    }

    /// Queues a reply.
    pub fn push(&self, reply: http::Response<Bytes>) -> &Self {
        self.lock().replies.push_back(Ok(reply));
        self
    }

    /// Queues a reply with `status`, a JSON content type and `body`.
    pub fn push_json(&self, status: u16, body: impl Into<Bytes>) -> &Self {
        let mut reply = http::Response::new(body.into());
        *reply.status_mut() =
            StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        reply.headers_mut().insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static("application/json"),
        );
        self.push(reply)
    }

    /// Queues a transport failure.
    pub fn push_error(&self, error: TransportError) -> &Self {
        self.lock().replies.push_back(Err(error));
        self
    }

    /// Every request received so far, oldest first.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.lock().requests.clone()
    }

    /// How many replies are still queued.
    pub fn pending(&self) -> usize {
        self.lock().replies.len()
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic in another test thread must not make this transport unusable.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Transport for TestTransport {
    async fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> Result<http::Response<Bytes>, TransportError> {
        let (parts, body) = request.into_parts();
        let described = format!("{} {}", parts.method, parts.uri);
        let mut state = self.lock();
        state.requests.push(RecordedRequest {
            method: parts.method,
            uri: parts.uri,
            headers: parts.headers,
            body,
        });
        state.replies.pop_front().unwrap_or_else(|| {
            Err(TransportError::new(
                TransportErrorKind::Other,
                format!("TestTransport has no reply queued for {described}"),
            ))
        })
    }
}
