//! tower, both ways round: a `tower::Service` as finch's transport ([`TowerTransport`]), and
//! finch's transports as a `tower::Service` ([`TransportService`]), so that tower layers (rate
//! limits, concurrency limits, timeouts, metrics) wrap the HTTP exchange.
//!
//! Layers sit below the client: they see every request the client sends, each retry and each
//! same-origin redirect included, and nothing the client decides (retries, redirects, deadlines)
//! moves into them.

use crate::transport::{Transport, TransportError, TransportErrorKind, TransportFuture};
use bytes::Bytes;
use std::fmt;
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use tower_service::Service;

/// What a tower service's error converts into (tower's `BoxError`).
type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// A `tower::Service` as finch's [`Transport`]: any service that takes an
/// `http::Request<Bytes>` and answers an `http::Response<Bytes>`, with whatever tower layers the
/// application already uses around it.
///
/// Each request goes to a clone of the service (`Clone` is tower's way of sharing one service
/// among tasks), which is made ready, then called. Layers whose state must be shared across
/// clones and that are not `Clone` themselves, such as tower's `RateLimit`, go behind a `Buffer`,
/// as tower advises for any service shared by many tasks.
///
/// Errors: a [`TransportError`] from the stack (say, from a [`TransportService`] at its bottom)
/// keeps its kind, so connection failures are still retried; any other error, a layer's own (a
/// load shedder's "overloaded", a tower timeout's "elapsed"), becomes a
/// [`TransportErrorKind::Other`] with it as the `source()`, and is not retried. A layer that
/// wants its error retried returns a `TransportError` of a retried kind.
///
/// ```
/// use finch_core::{Client, TestTransport, TowerTransport, TransportService};
/// use std::sync::Arc;
/// use std::sync::atomic::{AtomicUsize, Ordering};
///
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> Result<(), finch_core::Error> {
/// let replies = TestTransport::new();
/// replies.push_json(200, r#"{"id":"514aa2b7"}"#);
/// let sent = Arc::new(AtomicUsize::new(0));
/// let counter = sent.clone();
/// // Any tower stack whose bottom answers `http::Request<Bytes>` with `http::Response<Bytes>`.
/// let service = tower::ServiceBuilder::new()
///     .map_request(move |request: http::Request<bytes::Bytes>| {
///         counter.fetch_add(1, Ordering::Relaxed);
///         request
///     })
///     .service(TransportService::new(replies));
/// let client = Client::builder()
///     .access_token("token")
///     .transport(TowerTransport::new(service))
///     .build()?;
/// let company: serde_json::Value = client.request(http::Method::GET, "/employer/company").send().await?;
/// assert_eq!(company["id"], "514aa2b7");
/// assert_eq!(sent.load(Ordering::Relaxed), 1);
/// # Ok(()) }
/// ```
pub struct TowerTransport<S> {
    /// Behind a lock only to be cloned: tower services need not be `Sync`, transports must be.
    service: Mutex<S>,
}

impl<S> TowerTransport<S> {
    /// Wraps `service`.
    pub fn new(service: S) -> Self {
        TowerTransport {
            service: Mutex::new(service),
        }
    }

    /// The service back.
    pub fn into_inner(self) -> S {
        self.service
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

impl<S> fmt::Debug for TowerTransport<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TowerTransport")
            .field("service", &std::any::type_name::<S>())
            .finish()
    }
}

impl<S> Transport for TowerTransport<S>
where
    S: Service<http::Request<Bytes>, Response = http::Response<Bytes>> + Clone + Send + 'static,
    S::Error: Into<BoxError>,
    S::Future: Send,
{
    fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> impl Future<Output = Result<http::Response<Bytes>, TransportError>> + Send {
        // A panic in another clone's `clone` cannot leave the service half-cloned: the lock only
        // guards reading it.
        let mut service = self
            .service
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        async move {
            std::future::poll_fn(|cx| service.poll_ready(cx))
                .await
                .map_err(transport_error)?;
            service.call(request).await.map_err(transport_error)
        }
    }
}

/// A service's error as a transport error: a `TransportError` as it is; one that carries a
/// `TransportError` among its sources (a `Buffer` wraps the errors of the service behind it)
/// keeps that one's kind; anything else is `Other`.
fn transport_error(error: impl Into<BoxError>) -> TransportError {
    let error = error.into();
    let error = match error.downcast::<TransportError>() {
        Ok(error) => return *error,
        Err(error) => error,
    };
    let mut kind = TransportErrorKind::Other;
    let mut next = error.source();
    while let Some(source) = next {
        if let Some(inner) = source.downcast_ref::<TransportError>() {
            kind = inner.kind();
            break;
        }
        next = source.source();
    }
    TransportError::with_source(kind, error)
}

/// finch's transports as a `tower::Service`: the bottom of a tower stack that finch then sends
/// through with [`TowerTransport`]. Cheap to clone (an `Arc`), always ready; its error is
/// [`TransportError`] and its future is `Send`.
///
/// ```no_run
/// # #[cfg(feature = "reqwest")] fn main() -> Result<(), finch_core::Error> {
/// use finch_core::{Client, ReqwestTransport, TowerTransport, TransportService};
/// // The default HTTP stack, as the bottom of a tower stack (add layers around it).
/// let service = TransportService::new(ReqwestTransport::new()?);
/// let client = Client::builder().transport(TowerTransport::new(service)).build()?;
/// # Ok(()) }
/// # #[cfg(not(feature = "reqwest"))] fn main() {}
/// ```
pub struct TransportService<T> {
    transport: Arc<T>,
}

impl<T> TransportService<T> {
    /// Wraps `transport`.
    pub fn new(transport: T) -> Self {
        TransportService {
            transport: Arc::new(transport),
        }
    }
}

impl<T> Clone for TransportService<T> {
    fn clone(&self) -> Self {
        TransportService {
            transport: Arc::clone(&self.transport),
        }
    }
}

impl<T> fmt::Debug for TransportService<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TransportService")
            .field("transport", &std::any::type_name::<T>())
            .finish()
    }
}

impl<T: Transport> Service<http::Request<Bytes>> for TransportService<T> {
    type Response = http::Response<Bytes>;
    type Error = TransportError;
    type Future = TransportFuture<'static>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), TransportError>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: http::Request<Bytes>) -> TransportFuture<'static> {
        let transport = Arc::clone(&self.transport);
        Box::pin(async move { transport.send(request).await })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may fail loudly
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Wrapped(TransportError);

    impl fmt::Display for Wrapped {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("the service behind the buffer failed")
        }
    }

    impl std::error::Error for Wrapped {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&self.0)
        }
    }

    #[test]
    fn service_errors_keep_a_transport_error_s_kind() {
        let connect = || TransportError::new(TransportErrorKind::Connect, "refused");
        assert_eq!(
            transport_error(connect()).kind(),
            TransportErrorKind::Connect
        );
        let wrapped = transport_error(Wrapped(connect()));
        assert_eq!(wrapped.kind(), TransportErrorKind::Connect);
        assert_eq!(
            std::error::Error::source(&wrapped).unwrap().to_string(),
            "the service behind the buffer failed"
        );
        let other = transport_error(std::io::Error::other("overloaded"));
        assert_eq!(other.kind(), TransportErrorKind::Other);
        assert_eq!(other.message(), "overloaded");
    }
}
