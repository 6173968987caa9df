//! Secrets never show in `Debug` or `Display` of the client, its builder, requests, responses or
//! errors.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use finch::core::{Client, Credentials, TestTransport};
use finch::{CreateAccessToken, Finch, FinchBuilder, RequestOptions};

const CLIENT_SECRET: &str = "client-secret-DO-NOT-LEAK";
const ACCESS_TOKEN: &str = "access-token-DO-NOT-LEAK";
const WEBHOOK_SECRET: &str = "d2ViaG9vay1zZWNyZXQtRE8tTk9ULUxFQUs=";

fn assert_hidden(what: &str, shown: &str) {
    for secret in [CLIENT_SECRET, ACCESS_TOKEN, WEBHOOK_SECRET] {
        assert!(!shown.contains(secret), "{what} shows a secret: {shown}");
    }
}

fn builder() -> FinchBuilder {
    Finch::builder()
        .client_id("id")
        .client_secret(CLIENT_SECRET)
        .access_token(ACCESS_TOKEN)
        .webhook_secret(WEBHOOK_SECRET)
}

#[tokio::test]
async fn nothing_public_shows_a_secret() {
    let builder = builder();
    assert_hidden("FinchBuilder", &format!("{builder:?} {builder:#?}"));
    let finch = builder.transport(TestTransport::new()).build().unwrap();
    assert_hidden("Finch", &format!("{finch:?} {finch:#?}"));
    assert_hidden("core Client", &format!("{:?}", finch.core()));
    let credentials = Credentials::new()
        .client_secret(CLIENT_SECRET)
        .access_token(ACCESS_TOKEN);
    assert_hidden("Credentials", &format!("{credentials:?}"));
    let request = CreateAccessToken::new("code").client_secret(CLIENT_SECRET);
    assert_hidden("CreateAccessToken", &format!("{request:?}"));
    assert_hidden(
        "RequestOptions",
        &format!("{:?}", RequestOptions::new().header("X", "y")),
    );

    // An Authorization header set by hand is refused without echoing it.
    let error = finch
        .core()
        .request(http::Method::GET, "/employer/company")
        .options(RequestOptions::new().header("Authorization", format!("Bearer {ACCESS_TOKEN}")))
        .send_raw()
        .await
        .unwrap_err();
    assert_hidden("Error", &format!("{error} {error:?}"));

    // A token with a newline cannot become a header; the error does not echo it.
    let bad = Client::builder()
        .access_token(format!("{ACCESS_TOKEN}\r\nX-Injected: 1"))
        .transport(TestTransport::new())
        .build()
        .unwrap();
    let error = bad
        .request(http::Method::GET, "/employer/company")
        .send_raw()
        .await
        .unwrap_err();
    assert_hidden("Error", &format!("{error} {error:?}"));
}

#[tokio::test]
async fn a_token_response_hides_the_token() {
    let transport = TestTransport::new();
    transport.push_json(
        200,
        format!(
            r#"{{"access_token":"{ACCESS_TOKEN}","token_type":"bearer","connection_id":"c","client_type":"sandbox",
            "connection_type":"provider","products":[],"provider_id":"p","entity_ids":[]}}"#
        ),
    );
    let finch = builder().transport(transport.clone()).build().unwrap();
    let token = finch
        .access_tokens()
        .create(CreateAccessToken::new("code"))
        .await
        .unwrap();
    assert_hidden(
        "CreateAccessTokenResponse",
        &format!("{token:?} {token:#?}"),
    );
    assert_eq!(token.access_token.expose(), ACCESS_TOKEN);
    // The body did carry the secret (it must), the recorded headers no token.
    let sent = &transport.requests()[0];
    assert!(sent.headers.get("authorization").is_none());
    assert_eq!(sent.json()["client_secret"], CLIENT_SECRET);
}
