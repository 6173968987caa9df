//! Traces: each call is a span with what it did, and no secret ever appears in one. In a test
//! binary of its own, so no other test registers the same callsites without a subscriber.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod support;

use finch::core::{TestTransport, TransportError, TransportErrorKind};
use finch::jobs::RetrieveAutomatedJob;
use finch::{CreateAccessToken, Finch};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use support::{ACCESS_TOKEN, CLIENT_ID, CLIENT_SECRET, without_waits};

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

/// A minimal subscriber that keeps every span and event field it is shown, as text (`text`), and
/// each span's fields by name (`spans`), so a test can ask what one span recorded.
#[derive(Clone, Default)]
struct Capture {
    text: Arc<Mutex<String>>,
    spans: Arc<Mutex<Vec<SpanFields>>>,
}

/// One span: its name and its fields, each value as `Debug` shows it.
#[derive(Debug)]
struct SpanFields {
    name: &'static str,
    fields: BTreeMap<&'static str, String>,
}

impl SpanFields {
    fn get(&self, field: &str) -> Option<&str> {
        self.fields.get(field).map(String::as_str)
    }
}

impl Capture {
    fn text(&self) -> String {
        self.text.lock().unwrap().clone()
    }

    /// The `finch.request` spans, in the order they were opened.
    fn request_spans(&self) -> Vec<SpanFields> {
        std::mem::take(&mut *self.spans.lock().unwrap())
            .into_iter()
            .filter(|span| span.name == "finch.request")
            .collect()
    }
}

struct Fields<'a>(
    &'a mut String,
    Option<&'a mut BTreeMap<&'static str, String>>,
);

impl tracing::field::Visit for Fields<'_> {
    fn record_debug(&mut self, field: &tracing::field::Field, value: &dyn std::fmt::Debug) {
        self.0.push_str(&format!("{}={value:?} ", field.name()));
        if let Some(fields) = self.1.as_deref_mut() {
            fields.insert(field.name(), format!("{value:?}"));
        }
    }
}

impl tracing::Subscriber for Capture {
    fn enabled(&self, _: &tracing::Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, span: &tracing::span::Attributes<'_>) -> tracing::span::Id {
        let mut text = self.text.lock().unwrap();
        let mut spans = self.spans.lock().unwrap();
        text.push_str(&format!("\nspan {} ", span.metadata().name()));
        let mut fields = BTreeMap::new();
        span.record(&mut Fields(&mut text, Some(&mut fields)));
        spans.push(SpanFields {
            name: span.metadata().name(),
            fields,
        });
        // Ids start at 1: the span's index plus one.
        tracing::span::Id::from_u64(spans.len() as u64)
    }
    fn record(&self, id: &tracing::span::Id, values: &tracing::span::Record<'_>) {
        let mut text = self.text.lock().unwrap();
        let mut spans = self.spans.lock().unwrap();
        let fields = spans
            .get_mut(id.into_u64() as usize - 1)
            .map(|span| &mut span.fields);
        values.record(&mut Fields(&mut text, fields));
    }
    fn record_follows_from(&self, _: &tracing::span::Id, _: &tracing::span::Id) {}
    fn event(&self, event: &tracing::Event<'_>) {
        let mut text = self.text.lock().unwrap();
        text.push_str("\nevent ");
        event.record(&mut Fields(&mut text, None));
    }
    fn enter(&self, _: &tracing::span::Id) {}
    fn exit(&self, _: &tracing::span::Id) {}
}

/// Runs `calls` on a current-thread runtime with `capture` as the subscriber.
fn traced<F: std::future::Future<Output = ()>>(capture: &Capture, calls: impl FnOnce() -> F) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    tracing::subscriber::with_default(capture.clone(), || runtime.block_on(calls()));
}

const TOKEN_REPLY: &str = r#"{"access_token":"t","token_type":"bearer","connection_id":"c","client_type":"sandbox","connection_type":"finch","products":[],"provider_id":"p","entity_ids":[]}"#;

#[test]
fn traces_describe_calls_without_secrets() {
    let capture = Capture::default();
    traced(&capture, || async {
        let (transport, finch) = transport_client();
        let mut reply = http::Response::new(bytes::Bytes::from_static(
            br#"{"code":500,"message":"boom"}"#,
        ));
        *reply.status_mut() = http::StatusCode::INTERNAL_SERVER_ERROR;
        reply
            .headers_mut()
            .insert("finch-request-id", http::HeaderValue::from_static("req_77"));
        transport.push(reply);
        transport.push_json(200, TOKEN_REPLY);
        finch
            .access_tokens()
            .create(CreateAccessToken::new("code"))
            .await
            .unwrap_err();
        finch.hris().company().retrieve().await.unwrap_err();
    });
    let text = capture.text();
    for expected in [
        "span finch.request",
        "finch.operation=\"CreateAccessToken\"",
        "url.template=\"/auth/token\"",
        "http.response.status_code=500",
        "finch.request_id=\"req_77\"",
        "latency_ms=",
        "attempt=1",
        "finch.operation=\"RetrieveCompany\"",
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

/// The call's span carries OpenTelemetry's HTTP client fields: method, route template, server,
/// the final status, how often the request was sent again (retries and redirects alike, and only
/// when it was), and on failure `error.type`; next to finch's own `finch.*` fields.
#[test]
fn the_call_span_has_opentelemetry_http_client_fields() {
    let capture = Capture::default();
    traced(&capture, || async {
        let transport = TestTransport::new();
        let finch = Finch::builder()
            .access_token(ACCESS_TOKEN)
            .transport(transport.clone())
            .retry_policy(without_waits(2))
            .build()
            .unwrap();
        // 1. Sent once: no resend count.
        transport.push_json(200, r#"{"individuals":[],"paging":{"count":0,"offset":0}}"#);
        finch
            .hris()
            .directory()
            .list(finch::hris::ListDirectory::new())
            .await
            .unwrap();
        // 2. A 503, then a same-origin redirect, then the reply: sent three times.
        let mut unavailable = http::Response::new(bytes::Bytes::new());
        *unavailable.status_mut() = http::StatusCode::SERVICE_UNAVAILABLE;
        transport.push(unavailable);
        let mut moved = http::Response::new(bytes::Bytes::new());
        *moved.status_mut() = http::StatusCode::TEMPORARY_REDIRECT;
        moved.headers_mut().insert(
            "location",
            http::HeaderValue::from_static("/jobs/automated/j2"),
        );
        transport.push(moved);
        let mut job = http::Response::new(bytes::Bytes::from_static(b"{}"));
        job.headers_mut().insert(
            "finch-request-id",
            http::HeaderValue::from_static("req_job"),
        );
        transport.push(job);
        let _ = finch
            .jobs()
            .automated()
            .retrieve(RetrieveAutomatedJob::new("j1"))
            .await;
        // 3. An error reply that is not retried.
        transport.push_json(404, r#"{"code":404,"message":"no such job"}"#);
        finch
            .jobs()
            .automated()
            .retrieve(RetrieveAutomatedJob::new("j3"))
            .await
            .unwrap_err();
    });
    let spans = capture.request_spans();
    assert_eq!(spans.len(), 3, "{spans:#?}");
    let [once, resent, failed] = &spans[..] else {
        unreachable!()
    };
    for (span, method, template, operation) in [
        (once, "GET", "/employer/directory", "ListDirectory"),
        (
            resent,
            "GET",
            "/jobs/automated/{job_id}",
            "RetrieveAutomatedJob",
        ),
        (
            failed,
            "GET",
            "/jobs/automated/{job_id}",
            "RetrieveAutomatedJob",
        ),
    ] {
        assert_eq!(
            span.get("http.request.method"),
            Some(&*format!("{method:?}"))
        );
        assert_eq!(span.get("url.template"), Some(&*format!("{template:?}")));
        assert_eq!(
            span.get("finch.operation"),
            Some(&*format!("{operation:?}"))
        );
        assert_eq!(span.get("server.address"), Some("\"api.tryfinch.com\""));
        assert_eq!(span.get("server.port"), Some("443"));
        assert_eq!(span.get("otel.kind"), Some("\"client\""));
        let name = format!("{method} {template}");
        assert_eq!(span.get("otel.name"), Some(name.as_str()));
    }
    assert_eq!(once.get("http.response.status_code"), Some("200"));
    assert_eq!(once.get("http.request.resend_count"), None, "{once:?}");
    assert_eq!(once.get("error.type"), None);
    assert_eq!(once.get("finch.attempts"), Some("1"));

    assert_eq!(resent.get("http.response.status_code"), Some("200"));
    assert_eq!(resent.get("http.request.resend_count"), Some("2"));
    assert_eq!(resent.get("finch.attempts"), Some("2"));
    assert_eq!(resent.get("finch.request_id"), Some("\"req_job\""));

    assert_eq!(failed.get("http.response.status_code"), Some("404"));
    assert_eq!(failed.get("error.type"), Some("\"404\""));
    assert_eq!(failed.get("otel.status_code"), Some("\"ERROR\""));
    assert_eq!(failed.get("http.request.resend_count"), None);
}

/// A call that got no reply names the failure's kind in `error.type`, and has no status.
#[test]
fn failures_without_a_reply_have_an_error_type() {
    let capture = Capture::default();
    traced(&capture, || async {
        let refused = |_request: http::Request<bytes::Bytes>| async {
            Err::<http::Response<bytes::Bytes>, _>(TransportError::new(
                TransportErrorKind::Connect,
                "connection refused",
            ))
        };
        let finch = Finch::builder()
            .base_url("http://127.0.0.1:9")
            .access_token(ACCESS_TOKEN)
            .transport(refused)
            .retry_policy(without_waits(1))
            .build()
            .unwrap();
        finch.hris().company().retrieve().await.unwrap_err();
    });
    let spans = capture.request_spans();
    let [span] = &spans[..] else {
        panic!("{spans:#?}")
    };
    assert_eq!(span.get("error.type"), Some("\"connect_error\""));
    assert_eq!(span.get("http.request.resend_count"), Some("1"));
    assert_eq!(span.get("http.response.status_code"), None);
    assert_eq!(span.get("server.address"), Some("\"127.0.0.1\""));
    assert_eq!(span.get("server.port"), Some("9"));
}

#[test]
fn redirects_are_traced_without_their_query() {
    let capture = Capture::default();
    let redirect = |transport: &TestTransport, location: &'static str| {
        let mut reply = http::Response::new(bytes::Bytes::new());
        *reply.status_mut() = http::StatusCode::TEMPORARY_REDIRECT;
        reply
            .headers_mut()
            .insert("location", http::HeaderValue::from_static(location));
        transport.push(reply);
    };
    traced(&capture, || async {
        let (transport, finch) = transport_client();
        redirect(&transport, "/v2/auth/token?code=leak-one");
        transport.push_json(200, TOKEN_REPLY);
        finch
            .access_tokens()
            .create(CreateAccessToken::new("code"))
            .await
            .unwrap();
        redirect(&transport, "https://evil.example/x?token=leak-two");
        finch.hris().company().retrieve().await.unwrap_err();
    });
    let text = capture.text();
    for expected in [
        "following a same-origin redirect",
        "to=\"https://api.tryfinch.com:443/v2/auth/token\"",
        "redirect refused",
        "to=\"https://evil.example:443/x\"",
        "status=307",
        "error.type=\"redirect_error\"",
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
