//! The default transport honours the proxy variables reqwest reads (`HTTP_PROXY` and the rest)
//! when they are set as the client is built, and talks to the server directly when none is.
//!
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::mpsc;

/// A server on loopback that answers every request with `{"ok":true}` and reports each request
/// line it reads.
fn recording_server(address: &str) -> (String, mpsc::Receiver<String>) {
    let listener = TcpListener::bind(address).unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let (lines, received) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { return };
            let lines = lines.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut stream = stream;
                loop {
                    let mut request_line = String::new();
                    if reader.read_line(&mut request_line).unwrap_or(0) == 0 {
                        return;
                    }
                    loop {
                        let mut header = String::new();
                        if reader.read_line(&mut header).unwrap_or(0) == 0 {
                            return;
                        }
                        if header == "\r\n" {
                            break;
                        }
                    }
                    let _ = lines.send(request_line.trim_end().to_owned());
                    let body = r#"{"ok":true}"#;
                    let reply = format!(
                        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
                        body.len()
                    );
                    if stream.write_all(reply.as_bytes()).is_err() {
                        return;
                    }
                }
            });
        }
    });
    (address, received)
}

async fn ping(base_url: &str) -> serde_json::Value {
    let client = finch_core::Client::builder()
        .base_url(base_url)
        .transport(finch_core::ReqwestTransport::new().unwrap())
        .build()
        .unwrap();
    client
        .request(http::Method::GET, "/ping")
        .auth(finch_core::AuthScheme::None)
        .send()
        .await
        .unwrap()
}

const PROXY_VARIABLES: [&str; 6] = [
    "ALL_PROXY",
    "all_proxy",
    "HTTP_PROXY",
    "http_proxy",
    "HTTPS_PROXY",
    "https_proxy",
];

/// Set in the child processes of the tests below: the base URL the child pings, once, with the
/// environment its parent gave it.
const CHILD_BASE_URL: &str = "FINCH_PROXY_TEST_BASE_URL";

/// In a child process, pings its base URL and returns `true`; in the test itself, `false`.
async fn as_child() -> bool {
    match std::env::var_os(CHILD_BASE_URL) {
        Some(base_url) => {
            assert_eq!(ping(base_url.to_str().unwrap()).await["ok"], true);
            true
        }
        None => false,
    }
}

/// Runs `test` again in a child process whose client pings `base_url` with exactly the proxy
/// variables `variables` set. The variables are set for a child, not here: setting the
/// environment of a running test binary is not safe.
async fn run_child(test: &str, base_url: String, variables: &[(&str, String)]) {
    let mut child = std::process::Command::new(std::env::current_exe().unwrap());
    child
        .args(["--exact", test, "--nocapture"])
        .env(CHILD_BASE_URL, base_url);
    for name in PROXY_VARIABLES.into_iter().chain(["NO_PROXY", "no_proxy"]) {
        child.env_remove(name);
    }
    for (name, value) in variables {
        child.env(name, value);
    }
    let output = tokio::task::spawn_blocking(move || child.output().unwrap())
        .await
        .unwrap();
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

#[tokio::test]
async fn without_a_proxy_variable_requests_go_straight_to_the_server() {
    if as_child().await {
        return;
    }
    let (server, to_server) = recording_server("127.0.0.2:0");
    run_child(
        "without_a_proxy_variable_requests_go_straight_to_the_server",
        format!("http://{server}"),
        &[],
    )
    .await;
    assert_eq!(to_server.try_recv().unwrap(), "GET /ping HTTP/1.1");
}

#[tokio::test]
async fn a_proxy_variable_sends_requests_through_the_proxy() {
    if as_child().await {
        return;
    }
    let (proxy, to_proxy) = recording_server("127.0.0.1:0");
    // Nothing listens at the server's address: only the proxy can answer.
    let unserved = "127.0.0.2:9";
    run_child(
        "a_proxy_variable_sends_requests_through_the_proxy",
        format!("http://{unserved}"),
        &[("HTTP_PROXY", format!("http://{proxy}"))],
    )
    .await;
    // A proxy is sent the absolute URI.
    assert_eq!(
        to_proxy.try_recv().unwrap(),
        format!("GET http://{unserved}/ping HTTP/1.1")
    );
}

#[tokio::test]
async fn no_proxy_names_the_hosts_reached_directly() {
    if as_child().await {
        return;
    }
    let (proxy, to_proxy) = recording_server("127.0.0.1:0");
    let (server, to_server) = recording_server("127.0.0.2:0");
    run_child(
        "no_proxy_names_the_hosts_reached_directly",
        format!("http://{server}"),
        &[
            ("ALL_PROXY", format!("http://{proxy}")),
            ("NO_PROXY", "127.0.0.2".to_owned()),
        ],
    )
    .await;
    assert_eq!(to_server.try_recv().unwrap(), "GET /ping HTTP/1.1");
    assert!(to_proxy.try_recv().is_err());
}
