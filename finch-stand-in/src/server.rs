//! The HTTP/1.1 server: accepting connections (on loopback unless told otherwise), turning hyper requests into
//! [`RecordedRequest`]s and replies into responses, and shutting down.

use std::convert::Infallible;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::Ordering;

use bytes::Bytes;
use http::header::{ALLOW, CONTENT_TYPE};
use http::{HeaderValue, Request, Response, StatusCode};
use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::{JoinHandle, JoinSet};

use super::recorded::RecordedRequest;
use super::reply::Reply;
use super::routes;
use super::state::Shared;

/// Largest request body the stand-in reads (a 10,000-person sandbox batch is a few megabytes).
const MAX_BODY_BYTES: usize = 32 * 1024 * 1024;

/// The running server. Dropping it asks the server to stop; [`shutdown`](Self::shutdown) also
/// waits until it has.
#[derive(Debug)]
pub(crate) struct Server {
    stop: watch::Sender<bool>,
    task: Option<JoinHandle<()>>,
}

impl Server {
    /// Binds `address` (`127.0.0.1:0` by default: an ephemeral port), builds the shared state for
    /// the bound address, and starts serving on the current Tokio runtime. Returns the server and
    /// the state.
    pub(crate) async fn start(
        address: SocketAddr,
        shared: impl FnOnce(SocketAddr) -> Arc<Shared>,
    ) -> io::Result<(Self, Arc<Shared>)> {
        let runtime = tokio::runtime::Handle::try_current().map_err(|error| {
            io::Error::other(format!(
                "the Finch stand-in must be started inside a Tokio runtime: {error}"
            ))
        })?;
        let listener = TcpListener::bind(address).await?;
        let address = listener.local_addr()?;
        let shared = shared(address);
        let (stop, stopped) = watch::channel(false);
        let task = runtime.spawn(accept_loop(listener, Arc::clone(&shared), stopped));
        let server = Self {
            stop,
            task: Some(task),
        };
        Ok((server, shared))
    }

    /// Stops accepting, lets requests in flight finish, closes idle connections, and waits.
    pub(crate) async fn shutdown(mut self) {
        self.stop.send_replace(true);
        if let Some(task) = self.task.take() {
            // A JoinError only means the task panicked or was cancelled; either way it is done.
            let _ = task.await;
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // The accept loop sees this at its next poll and winds down in the background.
        self.stop.send_replace(true);
    }
}

/// Resolves once a stop has been requested (or the handle is gone).
async fn stop_requested(mut stopped: watch::Receiver<bool>) {
    // An error means the sender was dropped, which also means stop.
    let _ = stopped.wait_for(|&stop| stop).await;
}

async fn accept_loop(listener: TcpListener, shared: Arc<Shared>, stopped: watch::Receiver<bool>) {
    let mut connections = JoinSet::new();
    let stop = stop_requested(stopped.clone());
    tokio::pin!(stop);
    loop {
        tokio::select! {
            () = &mut stop => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => {
                    shared.accepted.fetch_add(1, Ordering::Relaxed);
                    connections.spawn(serve_connection(stream, Arc::clone(&shared), stopped.clone()));
                }
                // Per-connection failures (reset before accept, out of descriptors): keep going,
                // but let other tasks run first.
                Err(_) => tokio::task::yield_now().await,
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
    drop(listener);
    while connections.join_next().await.is_some() {}
}

async fn serve_connection(stream: TcpStream, shared: Arc<Shared>, stopped: watch::Receiver<bool>) {
    // Small request/response exchanges: don't wait to coalesce packets.
    let _ = stream.set_nodelay(true);
    let service = service_fn(move |request| {
        let shared = Arc::clone(&shared);
        async move { Ok::<_, Infallible>(handle(&shared, request).await) }
    });
    let connection = http1::Builder::new().serve_connection(TokioIo::new(stream), service);
    tokio::pin!(connection);
    tokio::select! {
        // Connection errors (a client hanging up mid-request) concern only that client.
        _ = connection.as_mut() => {}
        () = stop_requested(stopped) => {
            connection.as_mut().graceful_shutdown();
            let _ = connection.as_mut().await;
        }
    }
}

async fn handle(shared: &Shared, request: Request<Incoming>) -> Response<Full<Bytes>> {
    let (parts, body) = request.into_parts();
    let (body, read_failure) = match Limited::new(body, MAX_BODY_BYTES).collect().await {
        Ok(collected) => (collected.to_bytes(), None),
        Err(error) if error.is::<LengthLimitError>() => (
            Bytes::new(),
            Some(Reply::error(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large_error",
                "payload_too_large",
                &format!(
                    "the request body is larger than the stand-in's limit of {MAX_BODY_BYTES} bytes"
                ),
            )),
        ),
        Err(error) => (
            Bytes::new(),
            Some(Reply::error(
                StatusCode::BAD_REQUEST,
                "bad_request_error",
                "malformed_request",
                &format!("the request body could not be read: {error}"),
            )),
        ),
    };
    let mut recorded = RecordedRequest {
        method: parts.method,
        path: parts.uri.path().to_owned(),
        query: parts.uri.query().map(str::to_owned),
        headers: parts.headers,
        body,
        route: None,
    };

    let mut state = shared.lock();
    let request_id = state.new_id().to_string();
    let reply = match read_failure {
        Some(reply) => reply,
        None => {
            let (reply, route) = routes::dispatch(&shared.config, &mut state, &recorded);
            recorded.route = route;
            reply
        }
    };
    state.requests.push(recorded);
    drop(state);

    into_response(reply, &request_id)
}

fn into_response(reply: Reply, request_id: &str) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(reply.body));
    *response.status_mut() = reply.status;
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    if let Ok(value) = HeaderValue::from_str(request_id) {
        headers.insert("finch-request-id", value);
    }
    if let Some(allow) = reply.allow {
        headers.insert(ALLOW, HeaderValue::from_static(allow));
    }
    if let Some(seconds) = reply.retry_after {
        headers.insert(http::header::RETRY_AFTER, HeaderValue::from(seconds));
    }
    response
}
