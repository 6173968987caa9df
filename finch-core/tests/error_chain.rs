//! Errors chain as std expects: each level's `Display` says its own layer, `source()` gives the
//! cause, so a report that walks the chain shows every cause once.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use bytes::Bytes;
use finch_core::{
    AuthScheme, Client, DecodeError, Error, PagingError, PagingErrorKind, ReqwestTransport,
    TestTransport,
};
use http::{HeaderMap, StatusCode};
use std::error::Error as StdError;

/// Each level's `Display`, from the error down to the root cause.
fn chain(error: &(dyn StdError + 'static)) -> Vec<String> {
    let mut levels = vec![error.to_string()];
    let mut next = error.source();
    while let Some(source) = next {
        levels.push(source.to_string());
        next = source.source();
    }
    levels
}

/// No level repeats the next one's text, and the report names the root cause exactly once.
fn assert_chains_once(error: &(dyn StdError + 'static)) -> Vec<String> {
    let levels = chain(error);
    for pair in levels.windows(2) {
        assert!(
            !pair[1].is_empty() && !pair[0].contains(&pair[1]),
            "a level repeats its cause: {levels:#?}"
        );
    }
    let root = levels.last().unwrap();
    let report = levels.join("\n");
    assert_eq!(
        report.matches(root.as_str()).count(),
        1,
        "the root cause is not shown once: {levels:#?}"
    );
    levels
}

/// A connection refused by a closed loopback port, through the real transport.
#[tokio::test]
async fn a_transport_error_shows_its_cause_once() {
    // Bind, note the port, close it: nothing listens there now.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let client = Client::builder()
        .base_url(format!("http://127.0.0.1:{port}"))
        .allow_insecure_http(true)
        .max_retries(0)
        .transport(ReqwestTransport::new().unwrap())
        .build()
        .unwrap();
    let error = client
        .request(http::Method::GET, "/ping")
        .auth(AuthScheme::None)
        .send_raw()
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    let levels = assert_chains_once(&error);
    println!("{levels:#?}");
    assert_eq!(levels[0], "connection failed", "{levels:#?}");
    assert!(levels.len() >= 2, "the cause is a source: {levels:#?}");
}

#[test]
fn a_decode_error_has_serde_as_its_source() {
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Person {
        id: String,
    }
    let error = DecodeError::decode::<Person>(br#"{"id":7}"#, StatusCode::OK, None).unwrap_err();
    let error = Error::Decode(error);
    let levels = assert_chains_once(&error);
    assert_eq!(levels.len(), 2, "{levels:#?}");
    assert!(
        levels[1].starts_with("invalid type: integer `7`"),
        "{levels:#?}"
    );
    assert!(error.source().unwrap().is::<serde_json::Error>());
}

#[test]
fn a_decode_error_in_a_secret_hides_serde_behind_the_masked_message() {
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Token {
        access_token: u64,
    }
    let error =
        DecodeError::decode::<Token>(br#"{"access_token":"tok-123"}"#, StatusCode::OK, None)
            .unwrap_err();
    let error = Error::Decode(error);
    let levels = assert_chains_once(&error);
    assert!(!levels.concat().contains("tok-123"), "{levels:#?}");
    assert!(!format!("{error:?}").contains("tok-123"), "{error:?}");
    assert!(!error.source().unwrap().is::<serde_json::Error>());
}

#[test]
fn api_paging_and_config_errors_are_single_levels() {
    let api = Error::Api(Box::new(finch_core::ApiError::from_reply(
        StatusCode::NOT_FOUND,
        HeaderMap::new(),
        Bytes::from_static(
            br#"{"code":404,"name":"not_found_error","message":"Benefit not found"}"#,
        ),
    )));
    let paging = Error::Paging(Box::new(PagingError::new(
        "ListDirectory",
        100,
        PagingErrorKind::WrongOffset { received: 0 },
    )));
    let config = Error::from(Client::builder().base_url("not a url").build().unwrap_err());
    for error in [&api, &paging, &config] {
        assert_eq!(chain(error), [error.to_string()], "{error:?}");
    }
    // Each inner type is a std error too.
    let Error::Api(inner) = &api else { panic!() };
    assert!(inner.source().is_none());
}

#[tokio::test]
async fn a_redirect_error_is_a_single_level() {
    let transport = TestTransport::new();
    transport.push(
        http::Response::builder()
            .status(302)
            .header("location", "https://elsewhere.example/steal")
            .body(Bytes::new())
            .unwrap(),
    );
    let client = Client::builder()
        .transport(transport.clone())
        .max_retries(0)
        .build()
        .unwrap();
    let error = client
        .request(http::Method::GET, "/ping")
        .auth(AuthScheme::None)
        .send_raw()
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Redirect(_)), "{error:?}");
    assert_eq!(chain(&error), [error.to_string()]);
}

#[test]
fn the_public_types_have_a_debug() {
    let transport = TestTransport::new();
    transport.push_json(200, "{}");
    let shown = format!("{transport:?}");
    assert!(shown.contains("queued_replies: 1"), "{shown}");
    let client = Client::builder().transport(transport).build().unwrap();
    let request = client
        .request(http::Method::POST, "/x?access_token=tok-123&page=2")
        .json(&serde_json::json!({ "client_secret": "shh-456" }));
    let shown = format!("{request:?}");
    assert!(
        !shown.contains("tok-123") && !shown.contains("shh-456"),
        "{shown}"
    );
    assert!(shown.contains("page=2"), "{shown}");
}
