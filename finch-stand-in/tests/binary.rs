//! The `finch-stand-in` binary, as another language's test would use it: start it, read what it
//! prints, call it over HTTP, kill it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

/// The running binary; killed when dropped, so a failing test leaves no server behind.
struct Running {
    child: Child,
    printed: Vec<(String, String)>,
}

impl Running {
    fn start(args: &[&str]) -> Running {
        let mut child = Command::new(env!("CARGO_BIN_EXE_finch-stand-in"))
            .args(args)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut running = Running {
            child,
            printed: Vec::new(),
        };
        for line in BufReader::new(stdout).lines() {
            let line = line.unwrap();
            if line == "ready" {
                return running;
            }
            let (key, value) = line
                .split_once('=')
                .unwrap_or_else(|| panic!("not key=value: {line}"));
            running.printed.push((key.to_owned(), value.to_owned()));
        }
        panic!("it stopped before `ready`: {:?}", running.printed);
    }

    fn get(&self, key: &str) -> &str {
        self.printed
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("no {key} in {:?}", self.printed))
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP/1.1 request on a fresh connection, with the version header; the status and the JSON
/// body.
fn request(
    base_url: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> (u16, serde_json::Value) {
    let address = base_url.strip_prefix("http://").unwrap();
    let mut stream = TcpStream::connect(address).unwrap();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\
         Finch-API-Version: 2020-09-17\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    stream
        .write_all(format!("{head}\r\n{body}").as_bytes())
        .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let status = std::str::from_utf8(&raw[..split])
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    (status, serde_json::from_slice(&raw[split + 4..]).unwrap())
}

#[test]
fn it_prints_what_a_test_needs_and_serves_it() {
    let running = Running::start(&[
        "--addr",
        "127.0.0.1:0",
        "--employees",
        "12",
        "--seed",
        "3",
        "--codes",
        "2",
    ]);
    let keys: Vec<&str> = running.printed.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(
        keys,
        [
            "base_url",
            "client_id",
            "client_secret",
            "authorization_code",
            "authorization_code",
            "access_token",
            "connection_id",
            "company_id",
            "entity_id",
            "employees",
            "today",
        ]
    );
    let base_url = running.get("base_url");
    assert!(base_url.starts_with("http://127.0.0.1:"), "{base_url}");
    assert_ne!(
        base_url, "http://127.0.0.1:0",
        "the port bound, not the one asked"
    );
    assert_eq!(running.get("employees"), "12");
    assert_eq!(running.get("today"), "2025-12-31");

    // The printed token reads the directory.
    let bearer = format!("Bearer {}", running.get("access_token"));
    let (status, directory) = request(
        base_url,
        "GET",
        "/employer/directory",
        &[("Authorization", &bearer)],
        "",
    );
    assert_eq!(status, 200, "{directory}");
    assert_eq!(directory["individuals"].as_array().unwrap().len(), 12);

    // Each printed code is exchanged, once, for a token of the printed connection.
    let codes: Vec<&str> = running
        .printed
        .iter()
        .filter(|(k, _)| k == "authorization_code")
        .map(|(_, v)| v.as_str())
        .collect();
    assert_ne!(codes[0], codes[1]);
    let exchange = serde_json::json!({
        "code": codes[1],
        "client_id": running.get("client_id"),
        "client_secret": running.get("client_secret"),
    })
    .to_string();
    let json = [("Content-Type", "application/json")];
    let (status, token) = request(base_url, "POST", "/auth/token", &json, &exchange);
    assert_eq!(status, 200, "{token}");
    assert_eq!(token["connection_id"], running.get("connection_id"));
    assert_eq!(token["entity_ids"][0], running.get("entity_id"));
    let (status, again) = request(base_url, "POST", "/auth/token", &json, &exchange);
    assert!(
        (400..500).contains(&status),
        "a code is accepted once: {again}"
    );
}

#[test]
fn the_seed_and_options_decide_what_it_serves() {
    let args = [
        "--employees=5",
        "--seed=9",
        "--today=2026-06-30",
        "--client-id=my-app",
    ];
    let first = Running::start(&args);
    let second = Running::start(&args);
    assert_ne!(first.get("base_url"), second.get("base_url"));
    assert_eq!(first.get("client_id"), "my-app");
    assert_eq!(first.get("today"), "2026-06-30");
    for key in ["company_id", "entity_id", "connection_id", "access_token"] {
        assert_eq!(
            first.get(key),
            second.get(key),
            "{key} follows from the seed"
        );
    }
}

#[test]
fn bad_arguments_exit_2_with_the_usage() {
    let output = Command::new(env!("CARGO_BIN_EXE_finch-stand-in"))
        .args(["--employees", "many"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("--employees takes a non-negative integer"),
        "{stderr}"
    );
    assert!(stderr.contains("usage: finch-stand-in"), "{stderr}");

    let help = Command::new(env!("CARGO_BIN_EXE_finch-stand-in"))
        .arg("--help")
        .output()
        .unwrap();
    assert!(help.status.success());
    assert!(String::from_utf8_lossy(&help.stdout).contains("--addr HOST:PORT"));
}

#[test]
fn job_flags_decide_how_jobs_run_and_a_bad_completion_is_refused() {
    let running = Running::start(&["--employees=3", "--job-polls=1", "--job-completion=error"]);
    let base_url = running.get("base_url");
    let bearer = format!("Bearer {}", running.get("access_token"));
    let json = [
        ("Authorization", bearer.as_str()),
        ("Content-Type", "application/json"),
    ];
    let (status, created) = request(
        base_url,
        "POST",
        "/jobs/automated",
        &json,
        r#"{"type": "data_sync_all"}"#,
    );
    assert_eq!(status, 201, "{created}");
    let path = format!("/jobs/automated/{}", created["job_id"].as_str().unwrap());
    let statuses: Vec<serde_json::Value> = (0..3)
        .map(|_| request(base_url, "GET", &path, &json[..1], "").1["status"].clone())
        .collect();
    assert_eq!(statuses, ["pending", "error", "error"]);

    let output = Command::new(env!("CARGO_BIN_EXE_finch-stand-in"))
        .args(["--job-completion", "finished"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("--job-completion takes one of complete, reauth_error"),
        "{stderr}"
    );
}
