//! The `tower` feature: a tower stack as finch's transport. Its layers see every request the
//! client sends (each retry and each same-origin redirect), a layer's shared state (a rate limit
//! behind a buffer) is shared by every request and every connection of the client, and errors
//! from the stack keep their kind.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod support;

use bytes::Bytes;
use finch::Finch;
use finch::core::{
    TestTransport, TowerTransport, Transport, TransportError, TransportErrorKind, TransportService,
};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use support::without_waits;
use tower::ServiceBuilder;

const COMPANY: &str = r#"{"id":"514aa2b7","legal_name":"Acme","entity":null,"primary_email":null,"primary_phone_number":null,"departments":null,"ein":null,"locations":null,"accounts":null}"#;

/// What the layer saw: each request's method, path and `Authorization`.
type Seen = Arc<Mutex<Vec<(String, String, String)>>>;

/// A client sending through `service`, retrying twice without waiting.
fn client_of<S>(service: S) -> Finch
where
    TowerTransport<S>: Transport,
{
    Finch::builder()
        .access_token("token-a")
        .transport(TowerTransport::new(service))
        .retry_policy(without_waits(2))
        .build()
        .unwrap()
}

/// How reading the company failed: the transport error and the attempts made.
async fn transport_failure(finch: &Finch) -> (TransportError, u32) {
    match finch.hris().company().retrieve().await {
        Err(finch::Error::Transport { error, attempts }) => (error, attempts),
        other => panic!("expected a transport error, got {other:?}"),
    }
}

/// A client whose transport is `replies` below a layer that records each request.
fn recorded_client(replies: &TestTransport, seen: &Seen) -> Finch {
    let seen = Arc::clone(seen);
    let service = ServiceBuilder::new()
        .map_request(move |request: http::Request<Bytes>| {
            let authorization = request
                .headers()
                .get("authorization")
                .map(|value| value.to_str().unwrap().to_owned())
                .unwrap_or_default();
            seen.lock().unwrap().push((
                request.method().to_string(),
                request.uri().path().to_owned(),
                authorization,
            ));
            request
        })
        .service(TransportService::new(replies.clone()));
    client_of(service)
}

#[tokio::test]
async fn every_attempt_and_redirect_goes_through_the_layers() {
    let replies = TestTransport::new();
    let seen = Seen::default();
    let finch = recorded_client(&replies, &seen);
    let mut unavailable = http::Response::new(Bytes::new());
    *unavailable.status_mut() = http::StatusCode::SERVICE_UNAVAILABLE;
    replies.push(unavailable);
    let mut moved = http::Response::new(Bytes::new());
    *moved.status_mut() = http::StatusCode::TEMPORARY_REDIRECT;
    moved.headers_mut().insert(
        "location",
        http::HeaderValue::from_static("/employer/company-moved"),
    );
    replies.push(moved);
    replies.push_json(200, COMPANY);
    let company = finch.hris().company().retrieve().await.unwrap();
    assert_eq!(company.id, "514aa2b7");

    // Another connection of the same client goes through the same layers.
    replies.push_json(200, COMPANY);
    finch
        .with_access_token("token-b")
        .hris()
        .company()
        .retrieve()
        .await
        .unwrap();

    let seen = seen.lock().unwrap().clone();
    let expected = [
        ("GET", "/employer/company", "Bearer token-a"), // the 503
        ("GET", "/employer/company", "Bearer token-a"), // the retry: a 307
        ("GET", "/employer/company-moved", "Bearer token-a"), // the redirect followed
        ("GET", "/employer/company", "Bearer token-b"),
    ];
    let expected: Vec<(String, String, String)> = expected
        .iter()
        .map(|(m, p, a)| ((*m).to_owned(), (*p).to_owned(), (*a).to_owned()))
        .collect();
    assert_eq!(seen, expected);
    assert_eq!(replies.pending(), 0);
}

/// tower's rate limit, behind a buffer, holds for every request of every connection of the
/// client. Time is tokio's paused clock: the test runs at once and the waits are exact.
#[tokio::test(start_paused = true)]
async fn a_rate_limit_is_shared_by_every_connection_of_the_client() {
    let replies = TestTransport::new();
    for _ in 0..6 {
        replies.push_json(200, COMPANY);
    }
    let service = ServiceBuilder::new()
        .buffer(16)
        .rate_limit(2, Duration::from_secs(10))
        .service(TransportService::new(replies.clone()));
    let finch = client_of(service);
    let started = tokio::time::Instant::now();
    let mut calls = tokio::task::JoinSet::new();
    for connection in 0..3 {
        let connection = finch.with_access_token(format!("token-{connection}"));
        calls.spawn(async move {
            for _ in 0..2 {
                connection.hris().company().retrieve().await.unwrap();
            }
        });
    }
    while let Some(done) = calls.join_next().await {
        done.unwrap();
    }
    // Six requests at two per ten seconds: two windows of waiting, whichever connection sent.
    assert_eq!(started.elapsed().as_secs(), 20);
    assert_eq!(replies.requests().len(), 6);
}

#[tokio::test]
async fn a_transport_error_below_the_layers_keeps_its_kind_and_is_retried() {
    let replies = TestTransport::new();
    for _ in 0..3 {
        replies.push_error(TransportError::new(
            TransportErrorKind::Connect,
            "connection refused",
        ));
    }
    // Behind a buffer, whose errors wrap the service's.
    let service = ServiceBuilder::new()
        .buffer(4)
        .service(TransportService::new(replies.clone()));
    let (error, attempts) = transport_failure(&client_of(service)).await;
    assert_eq!(error.kind(), TransportErrorKind::Connect);
    assert_eq!(attempts, 3);
    assert_eq!(replies.requests().len(), 3);
}

#[tokio::test]
async fn a_layer_s_own_error_is_not_retried() {
    let calls = Arc::new(Mutex::new(0));
    let counted = Arc::clone(&calls);
    // A layer that refuses every request (as a load shedder does when overloaded).
    let refusing = tower::service_fn(move |_request: http::Request<Bytes>| {
        *counted.lock().unwrap() += 1;
        async { Err::<http::Response<Bytes>, _>(std::io::Error::other("overloaded")) }
    });
    let (error, attempts) = transport_failure(&client_of(refusing)).await;
    assert_eq!(error.kind(), TransportErrorKind::Other);
    assert_eq!(error.message(), "overloaded");
    assert_eq!((attempts, *calls.lock().unwrap()), (1, 1));
}
