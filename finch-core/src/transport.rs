//! The seam: one trait that turns an `http::Request<Bytes>` into an `http::Response<Bytes>`.
//! Auth, retries, timeouts and decoding all live above it, in [`Client`](crate::Client).

use bytes::Bytes;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// The future a boxed transport returns.
pub type TransportFuture<'a> =
    Pin<Box<dyn Future<Output = Result<http::Response<Bytes>, TransportError>> + Send + 'a>>;

/// Sends one HTTP request and returns the whole reply. Implement it to plug in your own HTTP stack.
///
/// The request carries an absolute URI and every header the client decided on; the transport adds
/// nothing of its own that changes meaning, does not retry (the client does), does not follow
/// redirects (the client does, within the base URL's origin only: return the 3xx reply as it came)
/// and need not time out (the client does). Closures and `Arc<T>` are transports too.
///
/// ```
/// use bytes::Bytes;
/// use finch_core::{Client, Transport, TransportError};
///
/// /// A transport over some other HTTP client (here, one that answers every request itself).
/// struct MyStack;
///
/// impl Transport for MyStack {
///     async fn send(&self, request: http::Request<Bytes>) -> Result<http::Response<Bytes>, TransportError> {
///         let body = format!(r#"{{"path":"{}"}}"#, request.uri().path());
///         http::Response::builder()
///             .status(200)
///             .body(Bytes::from(body))
///             .map_err(TransportError::other)
///     }
/// }
///
/// let client = Client::builder().transport(MyStack).build()?;
/// // A closure works as well:
/// let client = Client::builder()
///     .transport(|_request: http::Request<Bytes>| async {
///         Ok::<_, TransportError>(http::Response::new(Bytes::from_static(b"{}")))
///     })
///     .build()?;
/// # Ok::<(), finch_core::Error>(())
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a finch transport",
    note = "implement `finch_core::Transport`, or pass a closure `|request: http::Request<Bytes>| async move {{ ... }}`"
)]
pub trait Transport: Send + Sync + 'static {
    /// Sends `request` and reads the whole reply.
    fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> impl Future<Output = Result<http::Response<Bytes>, TransportError>> + Send;
}

impl<F, Fut> Transport for F
where
    F: Fn(http::Request<Bytes>) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<http::Response<Bytes>, TransportError>> + Send,
{
    fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> impl Future<Output = Result<http::Response<Bytes>, TransportError>> + Send {
        self(request)
    }
}

impl<T: Transport> Transport for Arc<T> {
    fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> impl Future<Output = Result<http::Response<Bytes>, TransportError>> + Send {
        T::send(self, request)
    }
}

/// What kind of transport failure happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TransportErrorKind {
    /// The connection could not be made (refused, DNS, TLS handshake).
    Connect,
    /// The transport's own time limit ran out.
    Timeout,
    /// The connection failed while the request or reply was in flight (reset, truncated body).
    Io,
    /// The reply's body is larger than the transport accepts.
    BodyTooLarge,
    /// Anything else.
    Other,
}

/// A request that could not be delivered or whose reply could not be read.
///
/// ```
/// use finch_core::{TransportError, TransportErrorKind};
/// let error = TransportError::new(TransportErrorKind::Connect, "connection refused");
/// assert_eq!(error.kind(), TransportErrorKind::Connect);
/// assert_eq!(error.to_string(), "connection failed: connection refused");
/// ```
pub struct TransportError {
    kind: TransportErrorKind,
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl TransportError {
    /// A failure described by a message.
    pub fn new(kind: TransportErrorKind, message: impl Into<String>) -> Self {
        TransportError {
            kind,
            message: message.into(),
            source: None,
        }
    }

    /// A failure caused by another error, which becomes its [`source`](std::error::Error::source).
    /// Its `Display` then says this layer only (`connection failed`), so that a report that
    /// walks `source()` shows the cause once; [`message`](Self::message) is the cause's chain.
    ///
    /// ```
    /// use finch_core::{TransportError, TransportErrorKind};
    /// let cause = std::io::Error::new(std::io::ErrorKind::ConnectionRefused, "connection refused");
    /// let error = TransportError::with_source(TransportErrorKind::Connect, cause);
    /// assert_eq!(error.to_string(), "connection failed");
    /// assert_eq!(std::error::Error::source(&error).unwrap().to_string(), "connection refused");
    /// assert_eq!(error.message(), "connection refused");
    /// ```
    pub fn with_source(
        kind: TransportErrorKind,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Self {
        let source = source.into();
        TransportError {
            kind,
            message: source_chain(source.as_ref()),
            source: Some(source),
        }
    }

    /// An [`Other`](TransportErrorKind::Other) failure caused by another error.
    pub fn other(source: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        Self::with_source(TransportErrorKind::Other, source)
    }

    /// What kind of failure it was.
    pub fn kind(&self) -> TransportErrorKind {
        self.kind
    }

    /// The description: the message given, or the cause's text and its sources' (`a: b: c`).
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Debug for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TransportError")
            .field("kind", &self.kind)
            .field("message", &self.message)
            .finish()
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            TransportErrorKind::Connect => "connection failed",
            TransportErrorKind::Timeout => "transport timed out",
            TransportErrorKind::Io => "connection broken",
            TransportErrorKind::BodyTooLarge => "reply too large",
            TransportErrorKind::Other => "transport failed",
        };
        // With a source, the message is the source's text: a report shows it from `source()`.
        if self.source.is_some() {
            f.write_str(what)
        } else {
            write!(f, "{what}: {}", self.message)
        }
    }
}

impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|source| source as &(dyn std::error::Error + 'static))
    }
}

/// An error's message followed by its sources' (`a: b: c`), skipping repeats.
fn source_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut message = error.to_string();
    let mut next = error.source();
    while let Some(source) = next {
        let text = source.to_string();
        if !message.contains(&text) {
            message.push_str(": ");
            message.push_str(&text);
        }
        next = source.source();
    }
    message
}
