//! A scripted HTTP/1.1 server for fault injection: each request gets the next fault of the
//! script (or the fallback), so a test says exactly what the wire does.
#![allow(
    dead_code,
    unreachable_pub,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What the server does with one request.
#[derive(Clone, Debug)]
pub enum Fault {
    /// A complete reply.
    Reply {
        status: u16,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
    },
    /// Close the connection without replying.
    CloseBeforeHeaders,
    /// Send the head and part of the body (announcing all of it), then close.
    CloseMidBody {
        status: u16,
        body: Vec<u8>,
        sent: usize,
    },
    /// Never reply (until the client gives up).
    StallBeforeHeaders,
    /// Send the head and part of the body, then stall.
    StallMidBody {
        status: u16,
        body: Vec<u8>,
        sent: usize,
    },
    /// Announce `declared` bytes but send `body` (shorter or longer), then close.
    LyingContentLength {
        status: u16,
        declared: usize,
        body: Vec<u8>,
    },
}

impl Fault {
    pub fn json(status: u16, body: impl Into<String>) -> Fault {
        Fault::Reply {
            status,
            headers: vec![("Content-Type".into(), "application/json".into())],
            body: body.into().into_bytes(),
        }
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Fault {
        if let Fault::Reply { headers, .. } = &mut self {
            headers.push((name.to_owned(), value.to_owned()));
        }
        self
    }
}

/// One request as the server read it.
#[derive(Clone, Debug)]
pub struct Hit {
    pub method: String,
    pub target: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Hit {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

type Responder = dyn Fn(&Hit) -> Fault + Send + Sync;

/// The server: `script` answers the first requests in order, `fallback` the rest.
pub struct FaultServer {
    pub base_url: String,
    hits: Arc<Mutex<Vec<Hit>>>,
    connections: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl FaultServer {
    pub async fn start(
        script: Vec<Fault>,
        fallback: impl Fn(&Hit) -> Fault + Send + Sync + 'static,
    ) -> FaultServer {
        Self::start_with(script, fallback, true).await
    }

    /// A server that keeps no record of the requests (for load tests that watch memory).
    pub async fn start_unrecorded(
        fallback: impl Fn(&Hit) -> Fault + Send + Sync + 'static,
    ) -> FaultServer {
        Self::start_with(vec![], fallback, false).await
    }

    async fn start_with(
        script: Vec<Fault>,
        fallback: impl Fn(&Hit) -> Fault + Send + Sync + 'static,
        record: bool,
    ) -> FaultServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        let hits = Arc::new(Mutex::new(Vec::new()));
        let connections = Arc::new(AtomicUsize::new(0));
        let script = Arc::new(Mutex::new(VecDeque::from(script)));
        let fallback: Arc<Responder> = Arc::new(fallback);
        let task = tokio::spawn({
            let (hits, connections) = (hits.clone(), connections.clone());
            async move {
                while let Ok((stream, _)) = listener.accept().await {
                    connections.fetch_add(1, Ordering::SeqCst);
                    let _ = stream.set_nodelay(true);
                    let hits = record.then(|| hits.clone());
                    let (script, fallback) = (script.clone(), fallback.clone());
                    tokio::spawn(serve(stream, hits, script, fallback));
                }
            }
        });
        FaultServer {
            base_url,
            hits,
            connections,
            task,
        }
    }

    /// Every request received, oldest first.
    pub fn hits(&self) -> Vec<Hit> {
        self.hits.lock().unwrap().clone()
    }

    /// How many connections clients opened.
    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }
}

impl Drop for FaultServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve(
    mut stream: TcpStream,
    hits: Option<Arc<Mutex<Vec<Hit>>>>,
    script: Arc<Mutex<VecDeque<Fault>>>,
    fallback: Arc<Responder>,
) {
    let mut buffer = Vec::new();
    loop {
        let Some(hit) = read_request(&mut stream, &mut buffer).await else {
            return;
        };
        if let Some(hits) = &hits {
            hits.lock().unwrap().push(hit.clone());
        }
        let fault = script
            .lock()
            .unwrap()
            .pop_front()
            .unwrap_or_else(|| fallback(&hit));
        match fault {
            Fault::Reply {
                status,
                headers,
                body,
            } => {
                let mut head = format!(
                    "HTTP/1.1 {status} {}\r\nContent-Length: {}\r\n",
                    reason(status),
                    body.len()
                );
                for (name, value) in headers {
                    head.push_str(&format!("{name}: {value}\r\n"));
                }
                head.push_str("\r\n");
                // One write: a head and a body in two small writes would wait on Nagle's algorithm.
                let mut reply = head.into_bytes();
                reply.extend_from_slice(&body);
                if stream.write_all(&reply).await.is_err() {
                    return;
                }
            }
            Fault::CloseBeforeHeaders => return,
            Fault::CloseMidBody { status, body, sent } => {
                let head = format!(
                    "HTTP/1.1 {status} {}\r\nContent-Length: {}\r\n\r\n",
                    reason(status),
                    body.len()
                );
                let _ = stream.write_all(head.as_bytes()).await;
                let _ = stream.write_all(&body[..sent]).await;
                return;
            }
            Fault::StallBeforeHeaders => {
                tokio::time::sleep(Duration::from_secs(30)).await;
                return;
            }
            Fault::StallMidBody { status, body, sent } => {
                let head = format!(
                    "HTTP/1.1 {status} {}\r\nContent-Length: {}\r\n\r\n",
                    reason(status),
                    body.len()
                );
                let _ = stream.write_all(head.as_bytes()).await;
                let _ = stream.write_all(&body[..sent]).await;
                tokio::time::sleep(Duration::from_secs(30)).await;
                return;
            }
            Fault::LyingContentLength {
                status,
                declared,
                body,
            } => {
                let head = format!(
                    "HTTP/1.1 {status} {}\r\nContent-Length: {declared}\r\n\r\n",
                    reason(status)
                );
                let _ = stream.write_all(head.as_bytes()).await;
                let _ = stream.write_all(&body).await;
                return;
            }
        }
    }
}

/// Reads one request (head and `Content-Length` body); `None` when the client closed.
async fn read_request(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> Option<Hit> {
    let head_end = loop {
        if let Some(end) = buffer.windows(4).position(|window| window == b"\r\n\r\n") {
            break end + 4;
        }
        let mut chunk = [0u8; 8192];
        let read = stream.read(&mut chunk).await.ok()?;
        if read == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..read]);
    };
    let head = String::from_utf8_lossy(&buffer[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next()?.split(' ');
    let (method, target) = (
        request_line.next()?.to_owned(),
        request_line.next()?.to_owned(),
    );
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, value)| value.parse().ok())
        .unwrap_or(0);
    while buffer.len() < head_end + length {
        let mut chunk = [0u8; 8192];
        let read = stream.read(&mut chunk).await.ok()?;
        if read == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..read]);
    }
    let body = buffer[head_end..head_end + length].to_vec();
    buffer.drain(..head_end + length);
    Some(Hit {
        method,
        target,
        headers,
        body,
    })
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        202 => "Accepted",
        400 => "Bad Request",
        404 => "Not Found",
        409 => "Conflict",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        _ => "Status",
    }
}
