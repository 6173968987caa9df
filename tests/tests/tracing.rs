//! Traces: each call is a span with what it did, and no secret ever appears in one. In a test
//! binary of its own, so no other test registers the same callsites without a subscriber.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod support;

use finch::core::TestTransport;
use finch::{CreateAccessToken, Finch};
use std::sync::{Arc, Mutex};
use support::{ACCESS_TOKEN, CLIENT_ID, CLIENT_SECRET};

fn transport_client() -> (TestTransport, Finch) {
    let transport = TestTransport::new();
    let finch = Finch::builder()
        .client_id(CLIENT_ID)
        .client_secret(CLIENT_SECRET)
        .access_token(ACCESS_TOKEN)
        .transport(transport.clone())
        .max_retries(0)
        .build()
        .unwrap();
    (transport, finch)
}

/// A minimal subscriber that keeps every span and event field it is shown, as text.
#[derive(Clone, Default)]
struct Capture(Arc<Mutex<String>>);

struct Fields<'a>(&'a mut String);

impl tracing::field::Visit for Fields<'_> {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        self.0.push_str(&format!("{}={value:?} ", field.name()));
    }
}

impl tracing::Subscriber for Capture {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, span: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        let mut text = self.0.lock().unwrap();
        text.push_str(&format!("\nspan {} ", span.metadata().name()));
        span.record(&mut Fields(&mut text));
        tracing::span::Id::from_u64(1)
    }
    fn record(&self, _: &tracing::span::Id, values: &tracing::span::Record<'_>) {
        values.record(&mut Fields(&mut self.0.lock().unwrap()));
    }
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        let mut text = self.0.lock().unwrap();
        text.push_str("\nevent ");
        event.record(&mut Fields(&mut text));
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

#[test]
fn traces_describe_calls_without_secrets() {
    let capture = Capture::default();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    tracing::subscriber::with_default(capture.clone(), || {
        runtime.block_on(async {
            let (transport, finch) = transport_client();
            let mut reply = http::Response::new(bytes::Bytes::from_static(br#"{"code":500,"message":"boom"}"#));
            *reply.status_mut() = http::StatusCode::INTERNAL_SERVER_ERROR;
            reply.headers_mut().insert("finch-request-id", http::HeaderValue::from_static("req_77"));
            transport.push(reply);
            transport.push_json(200, r#"{"access_token":"t","token_type":"bearer","connection_id":"c","client_type":"sandbox","connection_type":"finch","products":[],"provider_id":"p","entity_ids":[]}"#);
            finch.access_tokens().create(CreateAccessToken::new("code")).await.unwrap_err();
            finch.hris().company().retrieve().await.unwrap_err();
        })
    });
    let text = capture.0.lock().unwrap().clone();
    for expected in [
        "span finch.request",
        "operation=\"CreateAccessToken\"",
        "path=\"/auth/token\"",
        "status=500",
        "request_id=\"req_77\"",
        "latency_ms=",
        "attempt=1",
        "operation=\"RetrieveCompany\"",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from the trace:{text}"
        );
    }
    for secret in [CLIENT_SECRET, ACCESS_TOKEN] {
        assert!(!text.contains(secret), "the trace shows a secret:{text}");
    }
}

#[test]
fn redirects_are_traced_without_their_query() {
    let capture = Capture::default();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let redirect = |transport: &TestTransport, location: &'static str| {
        let mut reply = http::Response::new(bytes::Bytes::new());
        *reply.status_mut() = http::StatusCode::TEMPORARY_REDIRECT;
        reply
            .headers_mut()
            .insert("location", http::HeaderValue::from_static(location));
        transport.push(reply);
    };
    tracing::subscriber::with_default(capture.clone(), || {
        runtime.block_on(async {
            let (transport, finch) = transport_client();
            redirect(&transport, "/v2/auth/token?code=leak-one");
            transport.push_json(200, r#"{"access_token":"t","token_type":"bearer","connection_id":"c","client_type":"sandbox","connection_type":"finch","products":[],"provider_id":"p","entity_ids":[]}"#);
            finch.access_tokens().create(CreateAccessToken::new("code")).await.unwrap();
            redirect(&transport, "https://evil.example/x?token=leak-two");
            finch.hris().company().retrieve().await.unwrap_err();
        })
    });
    let text = capture.0.lock().unwrap().clone();
    for expected in [
        "following a same-origin redirect",
        "to=\"https://api.tryfinch.com:443/v2/auth/token\"",
        "redirect refused",
        "to=\"https://evil.example:443/x\"",
        "status=307",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from the trace:{text}"
        );
    }
    for secret in ["leak-one", "leak-two", CLIENT_SECRET, ACCESS_TOKEN] {
        assert!(!text.contains(secret), "the trace shows {secret}:{text}");
    }
}
