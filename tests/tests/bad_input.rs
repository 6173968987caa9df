//! Bad replies: each is a clear, typed error (never a panic) that keeps what the server said.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod support;

use finch::hris::{ListDirectory, RetrieveCompany};
use finch::{ApiErrorKind, Error};
use support::*;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn server_replying(reply: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(reply)
        .mount(&server)
        .await;
    server
}

fn finch_error(status: u16, name: &str, finch_code: &str, message: &str) -> ResponseTemplate {
    ResponseTemplate::new(status)
        .insert_header("Finch-Request-ID", "req_123")
        .set_body_json(serde_json::json!({"code": status, "name": name, "finch_code": finch_code, "message": message}))
}

async fn company_error(reply: ResponseTemplate) -> Error {
    let server = server_replying(reply).await;
    finch(&server)
        .hris()
        .company()
        .retrieve()
        .await
        .expect_err("the call must fail")
}

#[tokio::test]
async fn error_statuses_keep_finchs_error_body() {
    for (status, name, finch_code, kind) in [
        (
            400,
            "invalid_request_error",
            "invalid_request",
            ApiErrorKind::BadRequest,
        ),
        (
            401,
            "unauthorized_request_error",
            "invalid_token",
            ApiErrorKind::Authentication,
        ),
        (
            404,
            "not_found_error",
            "item_not_found",
            ApiErrorKind::NotFound,
        ),
        (
            422,
            "unprocessable_entity_error",
            "page_size_limit_exceeded",
            ApiErrorKind::UnprocessableEntity,
        ),
        (
            429,
            "rate_limit_error",
            "rate_limited",
            ApiErrorKind::RateLimit,
        ),
        (
            500,
            "internal_server_error",
            "internal",
            ApiErrorKind::InternalServer,
        ),
    ] {
        let error =
            company_error(finch_error(status, name, finch_code, "Something specific")).await;
        let Error::Api(api) = &error else {
            panic!("{status}: expected an API error, got {error:?}")
        };
        assert_eq!(api.status(), status);
        assert_eq!(api.kind(), kind);
        assert_eq!(api.finch_code(), Some(finch_code));
        assert_eq!(api.message(), Some("Something specific"));
        assert_eq!(
            api.finch_error().and_then(|e| e.name.as_deref()),
            Some(name)
        );
        assert_eq!(api.request_id(), Some("req_123"));
        assert_eq!(error.request_id(), Some("req_123"));
        let shown = error.to_string();
        for part in [
            &status.to_string(),
            name,
            finch_code,
            "Something specific",
            "req_123",
        ] {
            assert!(shown.contains(part), "{status}: {shown:?} lacks {part:?}");
        }
    }
}

#[tokio::test]
async fn an_html_error_page_is_kept_raw() {
    let page = "<html><body><h1>502 Bad Gateway</h1></body></html>";
    let error = company_error(ResponseTemplate::new(502).set_body_raw(page, "text/html")).await;
    let Error::Api(api) = &error else {
        panic!("expected an API error, got {error:?}")
    };
    assert_eq!(api.status(), 502);
    assert!(api.finch_error().is_none());
    assert_eq!(api.body(), page.as_bytes());
    assert!(error.to_string().contains("502 Bad Gateway"), "{error}");
}

async fn decode_error(body: &str) -> Box<finch::DecodeError> {
    match company_error(
        ResponseTemplate::new(200).set_body_raw(body.to_owned(), "application/json"),
    )
    .await
    {
        Error::Decode(error) => error,
        other => panic!("expected a decode error for {body:?}, got {other:?}"),
    }
}

#[tokio::test]
async fn bodies_that_do_not_decode_name_the_place() {
    let error = decode_error("Service temporarily unavailable").await;
    assert!(error.message.contains("expected value"), "{error}");
    assert!(
        error.excerpt.contains("Service temporarily unavailable"),
        "{error}"
    );
    assert_eq!(error.type_name, "Company");
    assert_eq!(error.status, 200);

    let error = decode_error(r#"{"id": "514aa2b7", "legal_name": "Acme"#).await;
    assert!(error.message.contains("EOF"), "{error}");
    assert!(error.to_string().contains("Acme"), "{error}");

    // An empty body says so, and says how to declare an endpoint that may answer none.
    let error = decode_error("").await;
    assert!(error.message.contains("no body"), "{error}");
    assert!(error.to_string().contains("(empty)"), "{error}");

    // A required field missing: serde names it, the path names its object.
    let error = decode_error(r#"{"legal_name": "Acme", "entity": null, "primary_email": null, "primary_phone_number": null, "departments": null, "ein": null, "locations": null, "accounts": null}"#).await;
    assert!(error.message.contains("missing field `id`"), "{error}");

    // A wrong type deep inside: the path goes all the way down.
    let error = decode_error(r#"{"id": "x", "legal_name": null, "entity": null, "primary_email": null, "primary_phone_number": null, "departments": [{"name": 7, "parent": null}], "ein": null, "locations": null, "accounts": null}"#).await;
    assert_eq!(error.path, "departments[0].name");
    assert!(
        error.message.contains("invalid type: integer `7`"),
        "{error}"
    );
    assert!(error.to_string().contains("departments[0].name"), "{error}");
}

#[tokio::test]
async fn unknown_enum_values_are_accepted_and_kept() {
    let body = r#"{"id": "x", "legal_name": null, "entity": {"type": "mega_corp", "subtype": "z_corporation"}, "primary_email": null,
        "primary_phone_number": null, "departments": null, "ein": null, "locations": null,
        "accounts": [{"routing_number": null, "account_name": null, "institution_name": null, "account_type": "money_market", "account_number": null}]}"#;
    let server =
        server_replying(ResponseTemplate::new(200).set_body_raw(body, "application/json")).await;
    let company = finch(&server)
        .hris()
        .company()
        .retrieve_with(RetrieveCompany::new())
        .await
        .unwrap();
    let entity = company.entity.unwrap();
    assert_eq!(entity.entity_type.unwrap().as_str(), "mega_corp");
    assert!(entity.subtype.unwrap().is_unknown());
    let account_type = company.accounts.unwrap()[0].account_type.clone().unwrap();
    assert_eq!(account_type.to_string(), "money_market");
}

#[tokio::test]
async fn a_202_is_its_own_outcome() {
    let reply = ResponseTemplate::new(202)
        .insert_header("Finch-Request-ID", "req_9")
        .set_body_json(serde_json::json!({
            "code": 202, "name": "sync_in_progress", "finch_code": "data_sync_in_progress",
            "message": "The data being requested is being fetched. Please check back later."
        }));
    let server = server_replying(reply).await;
    let error = finch(&server)
        .hris()
        .directory()
        .list(ListDirectory::new())
        .await
        .unwrap_err();
    let Error::Accepted(accepted) = &error else {
        panic!("expected Accepted, got {error:?}")
    };
    assert!(accepted.is_data_sync_in_progress());
    assert_eq!(accepted.request_id.as_deref(), Some("req_9"));
    assert_eq!(error.status(), Some(http::StatusCode::ACCEPTED));
}

#[tokio::test]
async fn retryable_statuses_are_retried_and_counted() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            finch_error(429, "rate_limit_error", "rate_limited", "Slow down")
                .insert_header("retry-after-ms", "1"),
        )
        .mount(&server)
        .await;
    let finch = finch::Finch::builder()
        .base_url(server.uri())
        .access_token(ACCESS_TOKEN)
        .build()
        .unwrap();
    let error = finch.hris().company().retrieve().await.unwrap_err();
    assert_eq!(error.attempts(), Some(3), "two retries by default: {error}");
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
    assert!(error.to_string().contains("after 3 attempts"), "{error}");

    // Not retried: a 404.
    let server = server_replying(finch_error(404, "not_found_error", "item_not_found", "No")).await;
    let finch = finch::Finch::builder()
        .base_url(server.uri())
        .access_token(ACCESS_TOKEN)
        .build()
        .unwrap();
    let error = finch.hris().company().retrieve().await.unwrap_err();
    assert_eq!(error.attempts(), Some(1));
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_closed_port_is_a_transport_error() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    drop(listener);
    let finch = finch::Finch::builder()
        .base_url(format!("http://{address}"))
        .access_token(ACCESS_TOKEN)
        .max_retries(0)
        .build()
        .unwrap();
    let error = finch.hris().company().retrieve().await.unwrap_err();
    assert!(
        matches!(&error, Error::Transport { error, .. } if error.kind() == finch::core::TransportErrorKind::Connect),
        "{error:?}"
    );
    assert!(!error.to_string().contains(ACCESS_TOKEN));
}
