//! A second origin that records every connection and every byte it receives, and answers each
//! request with an access token of its own (so that a client which did follow a redirect there
//! would visibly accept it). Tests of credentials staying at their origin assert it got nothing.
#![allow(
    dead_code,
    unreachable_pub,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic
)]

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// The token the other origin issues.
pub const FOREIGN_TOKEN: &str = "issued-by-the-other-origin";

pub struct Recorder {
    pub address: SocketAddr,
    connections: Arc<AtomicUsize>,
    received: Arc<Mutex<Vec<u8>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Recorder {
    /// A recorder on `ip` (any free port). `127.0.0.2` is another host than `127.0.0.1` on Linux;
    /// where it does not bind (macOS by default), the recorder falls back to another port of
    /// `127.0.0.1`, which is another origin all the same.
    pub async fn start(ip: &str) -> Recorder {
        let listener = match TcpListener::bind((ip, 0)).await {
            Ok(listener) => listener,
            Err(error) => {
                eprintln!("cannot bind {ip} ({error}); recording on another port of 127.0.0.1");
                TcpListener::bind("127.0.0.1:0").await.unwrap()
            }
        };
        let address = listener.local_addr().unwrap();
        let connections = Arc::new(AtomicUsize::new(0));
        let received = Arc::new(Mutex::new(Vec::new()));
        let task = tokio::spawn({
            let (connections, received) = (connections.clone(), received.clone());
            async move {
                while let Ok((mut stream, _)) = listener.accept().await {
                    connections.fetch_add(1, Ordering::SeqCst);
                    let received = received.clone();
                    tokio::spawn(async move {
                        let mut request = Vec::new();
                        let mut chunk = [0u8; 8192];
                        loop {
                            let Ok(read) = stream.read(&mut chunk).await else {
                                return;
                            };
                            if read == 0 {
                                return;
                            }
                            received.lock().unwrap().extend_from_slice(&chunk[..read]);
                            request.extend_from_slice(&chunk[..read]);
                            if complete(&request) {
                                break;
                            }
                        }
                        let body = format!(
                            r#"{{"access_token":"{FOREIGN_TOKEN}","token_type":"bearer","connection_id":"c","client_type":"production","connection_type":"provider","products":[],"provider_id":"p","entity_ids":[]}}"#
                        );
                        let reply = format!(
                            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                            body.len()
                        );
                        let _ = stream.write_all(reply.as_bytes()).await;
                    });
                }
            }
        });
        Recorder {
            address,
            connections,
            received,
            task,
        }
    }

    /// `http://ip:port`.
    pub fn uri(&self) -> String {
        format!("http://{}", self.address)
    }

    /// How many connections were opened to it.
    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }

    /// Every byte received, on every connection.
    pub fn received(&self) -> Vec<u8> {
        self.received.lock().unwrap().clone()
    }

    /// Asserts that nothing reached it: no connection, no byte.
    pub fn assert_untouched(&self, context: &str) {
        assert_eq!(
            (self.connections(), self.received()),
            (0, Vec::new()),
            "{context}: the other origin {} was reached",
            self.address
        );
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A request head and its `Content-Length` body have arrived.
fn complete(request: &[u8]) -> bool {
    let Some(end) = request.windows(4).position(|window| window == b"\r\n\r\n") else {
        return false;
    };
    let head = String::from_utf8_lossy(&request[..end]).to_ascii_lowercase();
    let length = head
        .lines()
        .find_map(|line| line.strip_prefix("content-length:"))
        .and_then(|value| value.trim().parse::<usize>().ok())
        .unwrap_or(0);
    request.len() >= end + 4 + length
}
