//! Redirects through the whole pipeline, over `TestTransport`: the rule sits above the seam,
//! so any transport gets it.

#![allow(clippy::unwrap_used, clippy::panic, missing_docs)] // tests may fail loudly

use bytes::Bytes;
use finch_core::{AuthScheme, Client, Error, RedirectErrorKind, TestTransport, TransportError};
use http::{Method, StatusCode};
use std::time::Duration;

fn redirect(transport: &TestTransport, status: u16, location: &str) {
    let mut reply = http::Response::new(Bytes::new());
    *reply.status_mut() = StatusCode::from_u16(status).unwrap();
    reply
        .headers_mut()
        .insert("location", location.parse().unwrap());
    reply
        .headers_mut()
        .insert("finch-request-id", "req_3xx".parse().unwrap());
    transport.push(reply);
}

fn client(transport: &TestTransport) -> Client {
    Client::builder()
        .access_token("token")
        .transport(transport.clone())
        .build()
        .unwrap()
}

async fn post(client: &Client) -> Result<serde_json::Value, Error> {
    client
        .request(Method::POST, "/auth/token")
        .auth(AuthScheme::OptionalBearer)
        .json(&serde_json::json!({"client_secret": "s3cret", "code": "c0de"}))
        .send()
        .await
}

fn redirect_error(error: Error) -> Box<finch_core::RedirectError> {
    match error {
        Error::Redirect(redirect) => redirect,
        other => panic!("expected a redirect error, got {other:?}"),
    }
}

#[tokio::test]
async fn cross_origin_redirects_end_the_call_without_sending_there() {
    for (status, location, named) in [
        (
            307,
            "https://evil.example/x?code=1",
            "https://evil.example:443/x",
        ),
        (308, "//evil.example:8443/y", "https://evil.example:8443/y"),
        (
            302,
            "http://api.tryfinch.com/auth/token",
            "http://api.tryfinch.com:80/auth/token",
        ),
        (
            301,
            "https://api.tryfinch.com:444/",
            "https://api.tryfinch.com:444/",
        ),
    ] {
        let transport = TestTransport::new();
        redirect(&transport, status, location);
        let error = post(&client(&transport)).await.unwrap_err();
        assert_eq!(error.status(), Some(StatusCode::from_u16(status).unwrap()));
        assert_eq!(
            (error.attempts(), error.request_id()),
            (Some(1), Some("req_3xx"))
        );
        let text = error.to_string();
        let redirect = redirect_error(error);
        assert_eq!(redirect.kind(), RedirectErrorKind::CrossOrigin);
        assert_eq!(redirect.location().as_deref(), Some(named));
        assert!(text.contains(named) && !text.contains("code=1"), "{text}");
        let sent = transport.requests();
        assert_eq!(sent.len(), 1, "{location}: a request left the origin");
        assert_eq!(sent[0].uri, "https://api.tryfinch.com/auth/token");
    }
}

#[tokio::test]
async fn same_origin_307_and_308_keep_method_body_and_headers() {
    for status in [307, 308] {
        let transport = TestTransport::new();
        redirect(&transport, status, "/v2/auth/token?step=2");
        transport.push_json(200, r#"{"ok":true}"#);
        let reply = post(&client(&transport)).await.unwrap();
        assert_eq!(reply["ok"], true);
        let sent = transport.requests();
        assert_eq!(sent.len(), 2);
        assert_eq!(sent[1].uri, "https://api.tryfinch.com/v2/auth/token?step=2");
        assert_eq!(sent[1].method, Method::POST);
        assert_eq!(sent[1].body, sent[0].body);
        assert_eq!(sent[1].json()["client_secret"], "s3cret");
        for header in ["authorization", "content-type", "finch-api-version"] {
            assert_eq!(sent[1].headers.get(header), sent[0].headers.get(header));
        }
        assert_eq!(sent[1].headers["authorization"], "Bearer token");
    }
}

#[tokio::test]
async fn see_other_and_a_moved_post_become_a_get_without_body() {
    for status in [301, 302, 303] {
        let transport = TestTransport::new();
        redirect(&transport, status, "https://API.tryfinch.com:443/result");
        // A later 307 keeps the GET and still sends no body.
        redirect(&transport, 307, "result2");
        transport.push_json(200, r#"{"ok":true}"#);
        post(&client(&transport)).await.unwrap();
        let sent = transport.requests();
        assert_eq!(sent.len(), 3);
        for hop in &sent[1..] {
            assert_eq!(hop.method, Method::GET);
            assert!(hop.body.is_empty());
            assert!(hop.headers.get("content-type").is_none());
            assert_eq!(hop.headers["authorization"], "Bearer token");
        }
        assert_eq!(sent[1].uri, "https://api.tryfinch.com/result");
        assert_eq!(sent[2].uri, "https://api.tryfinch.com/result2");
    }
}

#[tokio::test]
async fn a_redirect_loop_ends_with_a_typed_error() {
    let transport = TestTransport::new();
    for _ in 0..=finch_core::MAX_REDIRECTS {
        redirect(&transport, 302, "/loop");
    }
    let client = client(&transport);
    let error = client
        .request(Method::GET, "/loop")
        .send_raw()
        .await
        .unwrap_err();
    let redirect = redirect_error(error);
    assert_eq!(redirect.kind(), RedirectErrorKind::TooMany);
    assert_eq!(redirect.followed(), finch_core::MAX_REDIRECTS);
    assert_eq!(transport.requests().len(), 11);
    assert_eq!(transport.pending(), 0);
}

#[tokio::test]
async fn a_retry_starts_again_at_the_call_s_own_uri() {
    let transport = TestTransport::new();
    redirect(&transport, 307, "/elsewhere");
    let mut unavailable = http::Response::new(Bytes::new());
    *unavailable.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
    unavailable
        .headers_mut()
        .insert("retry-after-ms", "0".parse().unwrap());
    transport.push(unavailable);
    transport.push_json(200, r#"{"ok":true}"#);
    let reply = client(&transport)
        .request(Method::GET, "/start")
        .send_raw()
        .await
        .unwrap();
    // Redirects are not retries: one retry, two attempts.
    assert_eq!(reply.attempts(), 2);
    let paths: Vec<String> = transport
        .requests()
        .iter()
        .map(|sent| sent.uri.path().to_owned())
        .collect();
    assert_eq!(paths, ["/start", "/elsewhere", "/start"]);
}

#[tokio::test]
async fn refused_redirects_are_not_retried_even_when_asked() {
    let transport = TestTransport::new();
    let mut reply = http::Response::new(Bytes::new());
    *reply.status_mut() = StatusCode::TEMPORARY_REDIRECT;
    reply
        .headers_mut()
        .insert("location", "https://evil.example/".parse().unwrap());
    reply
        .headers_mut()
        .insert("x-should-retry", "true".parse().unwrap());
    transport.push(reply);
    let error = post(&client(&transport)).await.unwrap_err();
    assert!(matches!(error, Error::Redirect(_)), "{error:?}");
    assert_eq!(transport.requests().len(), 1);
}

#[tokio::test]
async fn a_redirect_without_location_is_an_api_error() {
    let transport = TestTransport::new();
    let mut reply = http::Response::new(Bytes::from_static(b"moved"));
    *reply.status_mut() = StatusCode::FOUND;
    transport.push(reply);
    let error = post(&client(&transport)).await.unwrap_err();
    let Error::Api(api) = error else {
        panic!("{error:?}")
    };
    assert_eq!(api.status(), StatusCode::FOUND);
}

#[tokio::test]
async fn the_deadline_and_the_attempt_timeout_cover_redirects() {
    // The origin redirects at once; the redirected request never completes.
    let hanging = |request: http::Request<Bytes>| async move {
        if request.uri().path() == "/slow" {
            std::future::pending::<()>().await;
        }
        let mut reply = http::Response::new(Bytes::new());
        *reply.status_mut() = StatusCode::TEMPORARY_REDIRECT;
        reply
            .headers_mut()
            .insert("location", http::HeaderValue::from_static("/slow"));
        Ok::<_, TransportError>(reply)
    };
    let deadline = Client::builder()
        .transport(hanging)
        .max_retries(0)
        .deadline(Duration::from_millis(20))
        .build()
        .unwrap();
    let attempt = Client::builder()
        .transport(hanging)
        .max_retries(0)
        .timeout(Duration::from_millis(20))
        .build()
        .unwrap();
    for (client, kind) in [
        (deadline, finch_core::TimeoutKind::Deadline),
        (attempt, finch_core::TimeoutKind::Attempt),
    ] {
        let error = client
            .request(Method::GET, "/start")
            .auth(AuthScheme::None)
            .send_raw()
            .await
            .unwrap_err();
        let Error::Timeout(timeout) = error else {
            panic!("{error:?}")
        };
        assert_eq!(timeout.kind, kind);
    }
}
