//! Secrets never show in `Debug` or `Display` of the client, its builder, requests, responses or
//! errors, and nothing a server sends makes an error message grow without bound.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod support;

use finch::core::{AuthScheme, Client, Credentials, TestTransport};
use finch::{CreateAccessToken, Error, Finch, FinchBuilder, RequestOptions, finch_endpoint};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const CLIENT_SECRET: &str = "client-secret-DO-NOT-LEAK";
const ACCESS_TOKEN: &str = "access-token-DO-NOT-LEAK";
const WEBHOOK_SECRET: &str = "d2ViaG9vay1zZWNyZXQtRE8tTk9ULUxFQUs=";

/// What a server issues or echoes: never shown either.
const ISSUED_TOKEN: &str = "issued-token-SENTINEL-7f3a";
/// The authorization code of Finch Connect.
const CODE: &str = "auth-code-SENTINEL-91c2";
/// A library author's own secret member.
const PIN: &str = "pin-SENTINEL-4321";

/// Every rendering of an error stays under this many characters, however large the reply (the
/// documented bound is about 1 KiB plus the response type's name).
const DISPLAY_BOUND: usize = 1200;

fn assert_hidden(what: &str, shown: &str) {
    for secret in [
        CLIENT_SECRET,
        ACCESS_TOKEN,
        WEBHOOK_SECRET,
        ISSUED_TOKEN,
        CODE,
        PIN,
        "SENTINEL",
    ] {
        assert!(!shown.contains(secret), "{what} shows a secret: {shown}");
    }
}

/// `Display`, `Debug` and alternate `Debug` of an error: no secret, bounded.
fn assert_error_hidden(what: &str, error: &Error) {
    let display = error.to_string();
    assert_hidden(what, &format!("{display} {error:?} {error:#?}"));
    assert!(
        display.chars().count() < DISPLAY_BOUND,
        "{what}: {} characters: {display}",
        display.chars().count()
    );
    assert!(
        format!("{error:?}").chars().count() < 2 * DISPLAY_BOUND,
        "{what}: Debug too long"
    );
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
    let request = CreateAccessToken::new(CODE).client_secret(CLIENT_SECRET);
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

/// The rest of a valid `/auth/token` reply, after the member a case is about.
const REST: &str = r#""token_type":"bearer","connection_id":"c","client_type":"sandbox","connection_type":"provider","products":[],"provider_id":"p","entity_ids":[]"#;

/// `/auth/token` replies that fail to decode, with the token before, at and after the failure
/// point, truncated, as a wrong type, echoed where the type is wrong, and in other formats.
fn undecodable_token_replies() -> Vec<(&'static str, String)> {
    let long = format!("{ISSUED_TOKEN}-").repeat(40);
    vec![
        (
            "token before the failure",
            format!(
                r#"{{"access_token":"{ISSUED_TOKEN}","token_type":"bearer","connection_id":7}}"#
            ),
        ),
        (
            "token right after the failure",
            format!(r#"{{"token_type":7,"access_token":"{ISSUED_TOKEN}",{REST}}}"#),
        ),
        (
            "token as a list",
            format!(r#"{{"access_token":["{ISSUED_TOKEN}"],{REST}}}"#),
        ),
        (
            "token as an object",
            format!(r#"{{"access_token":{{"value":"{ISSUED_TOKEN}"}},{REST}}}"#),
        ),
        (
            "token as a number",
            format!(r#"{{"access_token":918273645546372819,{REST}}}"#),
        ),
        (
            "failure inside the token (invalid escape)",
            format!(r#"{{"access_token":"{ISSUED_TOKEN}\q-rest",{REST}}}"#),
        ),
        (
            "failure inside the token (control character)",
            format!("{{\"access_token\":\"{ISSUED_TOKEN}\u{1}-rest\",{REST}}}"),
        ),
        (
            "truncated inside the token",
            format!(r#"{{"token_type":"bearer","access_token":"{ISSUED_TOKEN}"#),
        ),
        (
            "truncated after a long token (the window starts inside it)",
            format!(r#"{{"access_token":"{long}","token_type":"bearer","connection_id":"#),
        ),
        (
            "failure after a long token (the window starts inside it)",
            format!(r#"{{"access_token":"{long}","token_type":"bearer","connection_id":7}}"#),
        ),
        (
            "token echoed where the type is wrong",
            format!(
                r#"{{"access_token":"{ISSUED_TOKEN}","token_type":"bearer","connection_id":"c","client_type":"sandbox","connection_type":"provider","products":[],"provider_id":"p","entity_ids":"{ISSUED_TOKEN}"}}"#
            ),
        ),
        (
            "code, client_secret and refresh_token echoed",
            format!(
                r#"{{"code":"{CODE}","client_secret":"{CLIENT_SECRET}","refresh_token":"{ISSUED_TOKEN}","access_token":"{ISSUED_TOKEN}","connection_id":7}}"#
            ),
        ),
        (
            "escaped member name",
            format!(r#"{{"acc\u0065ss_token":"{ISSUED_TOKEN}","connection_id":7}}"#),
        ),
        (
            "form-encoded reply",
            format!("access_token={ISSUED_TOKEN}&token_type=bearer"),
        ),
    ]
}

#[tokio::test]
async fn token_replies_that_fail_to_decode_hide_the_token() {
    for (case, body) in undecodable_token_replies() {
        // Without a socket...
        let transport = TestTransport::new();
        transport.push_json(200, body.clone());
        let finch = builder().transport(transport.clone()).build().unwrap();
        let error = finch
            .access_tokens()
            .create(CreateAccessToken::new(CODE))
            .await
            .unwrap_err();
        assert!(matches!(error, Error::Decode(_)), "{case}: {error}");
        assert_error_hidden(case, &error);
        if case == "token as a number" {
            assert!(
                !format!("{error:?}").contains("918273645546372819"),
                "{error:?}"
            );
        }
        // ...and from a real server.
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/auth/token"))
            .respond_with(ResponseTemplate::new(200).set_body_raw(body, "application/json"))
            .mount(&server)
            .await;
        let error = support::finch(&server)
            .access_tokens()
            .create(CreateAccessToken::new(CODE))
            .await
            .unwrap_err();
        assert!(matches!(error, Error::Decode(_)), "{case}: {error}");
        assert_error_hidden(case, &error);
    }
}

#[tokio::test]
async fn the_decode_error_still_says_where_and_why() {
    let transport = TestTransport::new();
    transport.push_json(
        200,
        format!(r#"{{"access_token":"{ISSUED_TOKEN}","token_type":"bearer","connection_id":7}}"#),
    );
    let finch = builder().transport(transport).build().unwrap();
    let Error::Decode(error) = finch
        .access_tokens()
        .create(CreateAccessToken::new(CODE))
        .await
        .unwrap_err()
    else {
        panic!("a decode error")
    };
    assert_eq!(error.path, "connection_id");
    assert!(
        error.message.contains("invalid type: integer `7`"),
        "{error}"
    );
    assert!(
        error
            .excerpt
            .contains(r#""access_token":"[redacted]","token_type":"bearer""#),
        "{error}"
    );
}

#[tokio::test]
async fn error_replies_hide_tokens_in_their_bodies_and_headers() {
    let server = MockServer::start().await;
    let replies = [
        (
            "non-JSON body",
            ResponseTemplate::new(502).set_body_raw(
                format!("upstream said: access_token={ISSUED_TOKEN}&error=invalid"),
                "text/plain",
            ),
        ),
        (
            "JSON body that is not Finch's error object",
            ResponseTemplate::new(400).set_body_raw(
                format!(r#"{{"error":"invalid_grant","access_token":"{ISSUED_TOKEN}","code":"{CODE}"}}"#),
                "application/json",
            ),
        ),
        (
            "Finch error object with a token in its context",
            ResponseTemplate::new(401).set_body_raw(
                format!(
                    r#"{{"code":401,"name":"unauthorized","finch_code":"invalid_token","message":"no","context":{{"refresh_token":"{ISSUED_TOKEN}"}}}}"#
                ),
                "application/json",
            ),
        ),
    ];
    for (case, reply) in replies {
        server.reset().await;
        Mock::given(method("POST"))
            .and(path("/auth/token"))
            .respond_with(
                reply
                    .insert_header("set-cookie", format!("session={ISSUED_TOKEN}").as_str())
                    .insert_header("x-auth-token", ISSUED_TOKEN),
            )
            .mount(&server)
            .await;
        let error = support::finch(&server)
            .access_tokens()
            .create(CreateAccessToken::new(CODE))
            .await
            .unwrap_err();
        let Error::Api(api) = &error else {
            panic!("{case}: {error}")
        };
        assert_error_hidden(case, &error);
        // The reply's secret headers are marked sensitive: `http`'s own Debug hides them too.
        assert_hidden(case, &format!("{:?}", api.headers()));
        // The raw body stays available to code that asks for it.
        assert!(String::from_utf8_lossy(api.body()).contains(ISSUED_TOKEN));
    }
}

/// A library author's response type with a secret of its own.
#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)]
struct Unlocked {
    pin: String,
    attempts_left: u8,
}

/// A library author's endpoint that names its secret member.
#[finch_endpoint(POST "/beta/unlock", response = Unlocked, secret_members = ["pin"])]
#[derive(Debug)]
struct Unlock {
    door: String,
}

#[tokio::test]
async fn a_library_authors_secret_members_are_hidden() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/beta/unlock"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            format!(r#"{{"pin":"{PIN}","attempts_left":-1}}"#),
            "application/json",
        ))
        .up_to_n_times(2)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/beta/unlock"))
        .respond_with(ResponseTemplate::new(409).set_body_raw(
            format!(r#"{{"pin":"{PIN}","held_by":"someone"}}"#),
            "application/json",
        ))
        .mount(&server)
        .await;
    let finch = support::finch(&server);
    let request = Unlock {
        door: "front".to_owned(),
    };
    // The decode error of the declared endpoint.
    let error = finch.send(&request).await.unwrap_err();
    assert!(matches!(error, Error::Decode(_)), "{error}");
    assert_error_hidden("declared endpoint, decode", &error);
    assert!(error.to_string().contains("attempts_left"), "{error}");
    // The same reply through a custom request that names the member.
    let error = finch
        .core()
        .request(http::Method::POST, "/beta/unlock")
        .auth(AuthScheme::Bearer)
        .secret_members(&["pin"])
        .send::<Unlocked>()
        .await
        .unwrap_err();
    assert_error_hidden("custom request, decode", &error);
    // An error reply of the declared endpoint.
    let error = finch.send(&request).await.unwrap_err();
    assert!(matches!(error, Error::Api(_)), "{error}");
    assert_error_hidden("declared endpoint, error reply", &error);
    assert!(error.to_string().contains("held_by"), "{error}");
}

#[tokio::test]
async fn raw_responses_show_no_body() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/auth/token"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(
                    format!(r#"{{"access_token":"{ISSUED_TOKEN}",{REST}}}"#),
                    "application/json",
                )
                .insert_header("set-cookie", format!("session={ISSUED_TOKEN}").as_str()),
        )
        .mount(&server)
        .await;
    let raw = support::finch(&server)
        .send_raw(&CreateAccessToken::new(CODE))
        .await
        .unwrap();
    let shown = format!("{raw:?} {raw:#?}");
    assert_hidden("RawResponse", &shown);
    assert!(
        shown.contains("body_len") && shown.contains("200"),
        "{shown}"
    );
}

#[tokio::test]
async fn request_options_and_recorded_requests_hide_secret_headers() {
    let options = RequestOptions::new()
        .header("X-Api-Key", PIN)
        .header("Cookie", format!("session={PIN}"))
        .header("X-Auth-Token", PIN)
        .header("X-Trace", "visible-trace")
        .query("token", PIN)
        .query("limit", "5");
    let shown = format!("{options:?} {options:#?}");
    assert_hidden("RequestOptions", &shown);
    assert!(
        shown.contains("visible-trace") && shown.contains("limit"),
        "{shown}"
    );

    let transport = TestTransport::new();
    transport.push_json(200, "{}");
    let finch = builder().transport(transport.clone()).build().unwrap();
    let _: serde_json::Value = finch
        .core()
        .request(http::Method::POST, "/x")
        .options(options)
        .json(&serde_json::json!({ "code": CODE, "client_secret": CLIENT_SECRET }))
        .send()
        .await
        .unwrap();
    let recorded = &transport.requests()[0];
    assert_hidden("RecordedRequest", &format!("{recorded:?} {recorded:#?}"));
    assert_hidden("recorded headers", &format!("{:?}", recorded.headers));
    // What was sent is intact.
    assert_eq!(recorded.headers["x-api-key"], PIN);
    assert_eq!(recorded.json()["code"], CODE);
}

/// A header the endpoint itself declares.
#[finch_endpoint(GET "/beta/session", response = serde_json::Value)]
#[derive(Debug)]
struct WithSessionHeader {
    #[finch(header = "X-Session-Token")]
    session: String,
}

#[tokio::test]
async fn invalid_secret_header_values_are_not_echoed() {
    let finch = builder().transport(TestTransport::new()).build().unwrap();
    let bad = format!("{PIN}\r\nX-Injected: 1");
    for name in ["X-Auth-Token", "X-Api-Key", "Cookie", "Proxy-Authorization"] {
        let error = finch
            .core()
            .request(http::Method::GET, "/x")
            .options(RequestOptions::new().header(name, bad.as_str()))
            .send_raw()
            .await
            .unwrap_err();
        assert!(matches!(error, Error::Request { .. }), "{error}");
        assert_error_hidden(name, &error);
        let error = finch
            .core()
            .request(http::Method::GET, "/x")
            .header(name, bad.as_str())
            .send_raw()
            .await
            .unwrap_err();
        assert_error_hidden(name, &error);
        let error = Finch::builder()
            .default_header(name, bad.as_str())
            .transport(TestTransport::new())
            .build()
            .unwrap_err();
        assert_hidden(name, &format!("{error} {error:?}"));
    }
    let error = finch
        .send(&WithSessionHeader {
            session: bad.clone(),
        })
        .await
        .unwrap_err();
    assert_error_hidden("declared header", &error);
    // A header that is not secret is still shown, to help find the mistake.
    let error = finch
        .core()
        .request(http::Method::GET, "/x")
        .header("X-Note", "visible\nnote")
        .send_raw()
        .await
        .unwrap_err();
    assert!(error.to_string().contains("visible"), "{error}");
}

#[test]
fn base_urls_show_scheme_host_and_port_only() {
    for url in [
        format!("https://api.tryfinch.com/?token={PIN}"),
        format!("https://api.tryfinch.com:8443/v1?access_token={PIN}#x"),
        format!("https://id:{PIN}@api.tryfinch.com"),
        format!("http://example.com/?token={PIN}"),
        format!("not a url {PIN}"),
        PIN.to_owned(),
    ] {
        let builder = Finch::builder()
            .base_url(url.as_str())
            .transport(TestTransport::new());
        assert_hidden("FinchBuilder", &format!("{builder:?}"));
        let error = builder.build().unwrap_err();
        assert_hidden("ConfigError", &format!("{error} {error:?}"));
    }
    let error = Finch::builder()
        .base_url(format!("https://api.tryfinch.com:8443/v1?token={PIN}"))
        .transport(TestTransport::new())
        .build()
        .unwrap_err();
    assert!(
        error.to_string().contains("https://api.tryfinch.com:8443"),
        "{error}"
    );
}

#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)]
struct Count {
    n: u64,
}

#[tokio::test]
async fn huge_replies_give_bounded_errors() {
    let huge = "x".repeat(8 * 1024 * 1024);
    let long_id = "r".repeat(4096);
    let server = MockServer::start().await;
    Mock::given(path("/decode"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(format!(r#"{{"n":"{huge}"}}"#), "application/json")
                .insert_header("finch-request-id", long_id.as_str()),
        )
        .mount(&server)
        .await;
    Mock::given(path("/api"))
        .respond_with(
            ResponseTemplate::new(500)
                .set_body_raw(
                    format!(r#"{{"name":"{huge}","finch_code":"{huge}","message":"{huge}"}}"#),
                    "application/json",
                )
                .insert_header("finch-request-id", long_id.as_str()),
        )
        .mount(&server)
        .await;
    Mock::given(path("/plain"))
        .respond_with(ResponseTemplate::new(502).set_body_raw(huge.clone(), "text/plain"))
        .mount(&server)
        .await;
    Mock::given(path("/accepted"))
        .respond_with(ResponseTemplate::new(202).set_body_raw(
            format!(r#"{{"name":"{huge}","finch_code":"x","message":"{huge}"}}"#),
            "application/json",
        ))
        .mount(&server)
        .await;
    Mock::given(path("/nested"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(format!(r#"{{"{huge}":1}}"#), "application/json"),
        )
        .mount(&server)
        .await;
    let finch = support::finch(&server);
    for target in ["/decode", "/api", "/plain", "/accepted", "/nested"] {
        let error = finch
            .core()
            .request(http::Method::GET, target)
            .send::<Count>()
            .await
            .unwrap_err();
        assert_error_hidden(target, &error);
    }
    let Error::Decode(decode) = finch
        .core()
        .request(http::Method::GET, "/decode")
        .send::<Count>()
        .await
        .unwrap_err()
    else {
        panic!("a decode error")
    };
    assert_eq!(decode.body_len, huge.len() + 8);
    assert!(
        decode.message.starts_with("invalid type: string \"xxx"),
        "{decode}"
    );
    assert!(decode.message.ends_with('…'), "{decode}");
}
