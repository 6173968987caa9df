//! `POST /auth/token` on the wire: exactly what the reference page says, and nothing more.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod support;

use finch::{ClientType, ConnectionType, CreateAccessToken, Error, Finch, Product, RequestError};
use support::*;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// The reference page's example response (`create-access-token.openapi.yaml`, "Success").
const REFERENCE_EXAMPLE: &str = r#"{
  "access_token": "7e965183-9332-423c-9259-3edafb332ad2",
  "token_type": "bearer",
  "connection_id": "bc3a2af9-ce03-46c4-9142-81abe789c64d",
  "customer_id": "1234567890",
  "customer_name": "Acme Inc",
  "account_id": "ac3a2af9-ce03-46c4-9142-81abe789c64d",
  "client_type": "production",
  "company_id": "4ab15e51-11ad-49f4-acae-f343b7794375",
  "connection_type": "provider",
  "products": ["directory", "employment", "individual"],
  "provider_id": "gusto",
  "entity_ids": [
    "550e8400-e29b-41d4-a716-446655440000",
    "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
    "6ba7b811-9dad-11d1-80b4-00c04fd430c8"
  ]
}"#;

async fn server_answering(body: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/auth/token"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body.to_owned(), "application/json"))
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn the_request_on_the_wire() {
    let server = server_answering(REFERENCE_EXAMPLE).await;
    finch(&server)
        .access_tokens()
        .create(CreateAccessToken::new("code-123").redirect_uri("https://example.com/callback"))
        .await
        .expect("the exchange succeeds");

    let request = only_request(&server).await;
    assert_eq!(request.method, "POST");
    assert_eq!(request.url.path(), "/auth/token");
    assert_eq!(request.url.query(), None);
    assert_common_headers(&request);
    assert_eq!(header(&request, "content-type"), Some("application/json"));
    // The client has an access token, but /auth/token takes no auth at all.
    assert_eq!(header(&request, "authorization"), None);
    assert_eq!(
        json_body(&request),
        serde_json::json!({
            "client_id": CLIENT_ID,
            "client_secret": CLIENT_SECRET,
            "code": "code-123",
            "redirect_uri": "https://example.com/callback",
        })
    );
}

#[tokio::test]
async fn optional_redirect_uri_is_left_out_and_request_credentials_win() {
    let server = server_answering(REFERENCE_EXAMPLE).await;
    finch(&server)
        .access_tokens()
        .create(
            CreateAccessToken::new("code-9")
                .client_id("other-id")
                .client_secret("other-secret"),
        )
        .await
        .expect("the exchange succeeds");
    let body = json_body(&only_request(&server).await);
    assert_eq!(
        body,
        serde_json::json!({ "client_id": "other-id", "client_secret": "other-secret", "code": "code-9" })
    );
}

#[tokio::test]
async fn missing_credentials_fail_before_any_request() {
    let server = server_answering(REFERENCE_EXAMPLE).await;
    let finch = Finch::builder()
        .base_url(server.uri())
        .build()
        .expect("a valid client");
    let error = finch
        .access_tokens()
        .create(CreateAccessToken::new("code"))
        .await
        .unwrap_err();
    match &error {
        Error::Request {
            endpoint: "CreateAccessToken",
            error: RequestError::MissingCredential { needed_by, .. },
        } => {
            assert_eq!(needed_by, "client_id")
        }
        other => panic!("expected a missing-credential error, got {other:?}"),
    }
    assert!(error.to_string().contains("FINCH_CLIENT_ID"), "{error}");
    assert!(
        server.received_requests().await.unwrap().is_empty(),
        "nothing may be sent"
    );

    // An id alone is not enough either.
    let finch = Finch::builder()
        .base_url(server.uri())
        .client_id(CLIENT_ID)
        .build()
        .unwrap();
    let error = finch
        .access_tokens()
        .create(CreateAccessToken::new("code"))
        .await
        .unwrap_err();
    assert!(error.to_string().contains("FINCH_CLIENT_SECRET"), "{error}");
    assert!(
        server.received_requests().await.unwrap().is_empty(),
        "nothing may be sent"
    );
}

#[tokio::test]
#[allow(deprecated)] // reads the deprecated account_id and company_id on purpose
async fn the_reference_example_decodes_completely() {
    let server = server_answering(REFERENCE_EXAMPLE).await;
    let token = finch(&server)
        .access_tokens()
        .create(CreateAccessToken::new("code"))
        .await
        .unwrap();
    assert_eq!(
        token.access_token.expose(),
        "7e965183-9332-423c-9259-3edafb332ad2"
    );
    assert_eq!(token.token_type, "bearer");
    assert_eq!(token.connection_id, "bc3a2af9-ce03-46c4-9142-81abe789c64d");
    assert_eq!(token.customer_id.as_deref(), Some("1234567890"));
    assert_eq!(token.customer_name.as_deref(), Some("Acme Inc"));
    assert_eq!(
        token.account_id.as_deref(),
        Some("ac3a2af9-ce03-46c4-9142-81abe789c64d")
    );
    assert_eq!(
        token.company_id.as_deref(),
        Some("4ab15e51-11ad-49f4-acae-f343b7794375")
    );
    assert_eq!(token.client_type, ClientType::Production);
    assert_eq!(token.connection_type, ConnectionType::Provider);
    assert_eq!(
        token.products,
        [Product::Directory, Product::Employment, Product::Individual]
    );
    assert_eq!(token.provider_id, "gusto");
    assert_eq!(token.entity_ids.len(), 3);
    // Re-encoding keeps every field.
    let original: serde_json::Value = serde_json::from_str(REFERENCE_EXAMPLE).unwrap();
    assert_eq!(serde_json::to_value(&token).unwrap(), original);
    // The token never shows in Debug output.
    assert!(!format!("{token:?}").contains("7e965183"));
}

#[tokio::test]
#[allow(deprecated)] // reads the deprecated account_id and company_id on purpose
async fn nullable_and_optional_fields_and_unknown_enum_values() {
    let minimal = r#"{
        "access_token": "t", "token_type": "bearer", "connection_id": "c",
        "customer_id": null, "customer_name": null,
        "client_type": "staging", "connection_type": "partner",
        "products": ["directory", "time_off"], "provider_id": "p", "entity_ids": []
    }"#;
    let server = server_answering(minimal).await;
    let token = finch(&server)
        .access_tokens()
        .create(CreateAccessToken::new("code"))
        .await
        .unwrap();
    assert_eq!(token.customer_id, None);
    assert_eq!(token.account_id, None);
    assert_eq!(token.company_id, None);
    assert_eq!(token.client_type, ClientType::Unknown("staging".into()));
    assert_eq!(
        token.connection_type,
        ConnectionType::Unknown("partner".into())
    );
    assert_eq!(token.products[1], Product::Unknown("time_off".into()));
    assert_eq!(token.client_type.to_string(), "staging");
}
