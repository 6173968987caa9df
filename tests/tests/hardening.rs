//! Hostile input, credentials and logs: values cannot change the request's shape, each endpoint
//! gets only its own credentials, credentials never follow a redirect to another origin (nothing
//! is sent there), and traces never show them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod support;

#[path = "support/recorder.rs"]
mod recorder;

use finch::core::{
    AuthScheme, Client, MAX_REDIRECTS, RequestError, ReqwestTransport, TestTransport,
    TransportErrorKind,
};
use finch::hris::{RetrieveBenefit, RetrieveCompany};
use finch::{
    CreateAccessToken, Error, Finch, RedirectError, RedirectErrorKind, RequestOptions,
    finch_endpoint,
};
use recorder::{FOREIGN_TOKEN, Recorder};
use support::{ACCESS_TOKEN, CLIENT_ID, CLIENT_SECRET, header, json_body, only_request};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

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

#[tokio::test]
async fn path_parameters_stay_one_segment() {
    let (transport, finch) = transport_client();
    for id in [
        "../../auth/token",
        "a/b",
        "%2F",
        "a b",
        "?admin=1",
        "#frag",
        "\u{0}nul",
        "é/ü",
    ] {
        transport.push_json(
            200,
            r#"{"benefit_id":"x","type":null,"description":null,"frequency":null}"#,
        );
        finch
            .hris()
            .benefits()
            .retrieve(RetrieveBenefit::new(id))
            .await
            .unwrap();
        let sent = transport.requests().pop().unwrap();
        let path = sent.uri.path();
        let segment = path.strip_prefix("/employer/benefits/").unwrap();
        assert!(
            !segment.contains('/') && !segment.is_empty(),
            "{id:?} became {path}"
        );
        assert_eq!(sent.uri.query(), None, "{id:?} added a query");
        assert_eq!(percent_decode(segment), id, "{id:?} does not round-trip");
    }
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&text[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[tokio::test]
async fn query_values_cannot_add_parameters() {
    let (transport, finch) = transport_client();
    transport.push_json(200, r#"{"id":"c","legal_name":null,"entity":null,"primary_email":null,"primary_phone_number":null,"departments":null,"ein":null,"locations":null,"accounts":null}"#);
    finch
        .hris()
        .company()
        .retrieve_with(RetrieveCompany::new().entity_id("a&limit=1=2 #"))
        .await
        .unwrap();
    let sent = transport.requests().pop().unwrap();
    assert_eq!(
        sent.uri.query(),
        Some("entity_ids[]=a%26limit%3D1%3D2%20%23")
    );
}

/// An endpoint with a header field, to try header injection.
#[finch_endpoint(GET "/introspect", response = serde_json::Value)]
struct Tagged {
    #[finch(header = "X-Tag")]
    tag: String,
}

#[tokio::test]
async fn header_values_with_cr_or_lf_are_refused_before_sending() {
    let (transport, finch) = transport_client();
    for tag in ["a\r\nX-Injected: 1", "a\nb", "a\rb", "nul\u{0}"] {
        let error = finch
            .send(&Tagged {
                tag: tag.to_owned(),
            })
            .await
            .unwrap_err();
        assert!(
            matches!(&error, Error::Request { endpoint: "Tagged", error: RequestError::InvalidHeader { name, .. } } if name == "X-Tag"),
            "{tag:?}: {error:?}"
        );
    }
    // Per-request extra headers are checked the same way.
    let error = finch
        .send_with(
            &Tagged { tag: "ok".into() },
            &RequestOptions::new().header("X-Extra", "a\r\nb"),
        )
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Request { .. }), "{error:?}");
    assert!(transport.requests().is_empty(), "nothing was sent");
}

/// One endpoint per auth scheme, sent by a client holding every credential.
#[tokio::test]
async fn each_endpoint_gets_only_its_own_credentials() {
    let (transport, finch) = transport_client();
    let basic = format!("Basic {}", base64(&format!("{CLIENT_ID}:{CLIENT_SECRET}")));
    let bearer = format!("Bearer {ACCESS_TOKEN}");

    // None: /auth/token. The secret travels in the body only, the token nowhere.
    transport.push_json(200, r#"{"access_token":"t","token_type":"bearer","connection_id":"c","client_type":"sandbox","connection_type":"finch","products":[],"provider_id":"p","entity_ids":[]}"#);
    finch
        .access_tokens()
        .create(CreateAccessToken::new("code"))
        .await
        .unwrap();
    let sent = transport.requests().pop().unwrap();
    assert!(sent.headers.get("authorization").is_none());
    assert!(!String::from_utf8_lossy(&sent.body).contains(ACCESS_TOKEN));

    // Basic: /connect/sessions. No token anywhere.
    transport.push_json(201, r#"{"session_id":"s","connect_url":"u"}"#);
    finch
        .connect()
        .sessions()
        .new(finch::connect::CreateConnectSession::new(
            "c",
            "n",
            [finch::Product::Company],
        ))
        .await
        .unwrap();
    let sent = transport.requests().pop().unwrap();
    assert_eq!(sent.headers["authorization"], basic.as_str());
    assert!(
        !format!("{:?}{}", sent.headers, String::from_utf8_lossy(&sent.body))
            .contains(ACCESS_TOKEN)
    );

    // Bearer: /employer/company. No client secret anywhere.
    transport.push_json(200, r#"{"id":"c","legal_name":null,"entity":null,"primary_email":null,"primary_phone_number":null,"departments":null,"ein":null,"locations":null,"accounts":null}"#);
    finch.hris().company().retrieve().await.unwrap();
    let sent = transport.requests().pop().unwrap();
    assert_eq!(sent.headers["authorization"], bearer.as_str());
    assert!(!String::from_utf8_lossy(&sent.body).contains(CLIENT_SECRET));

    // Every declared operation's scheme is one of the four, and /auth/token takes none.
    for operation in finch::operations() {
        if operation.path == "/auth/token" {
            assert_eq!(operation.auth, AuthScheme::None);
        }
        if operation.path.starts_with("/employer/") {
            assert_eq!(
                operation.auth,
                AuthScheme::Bearer,
                "{} {}",
                operation.method,
                operation.path
            );
        }
    }
}

fn base64(text: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in text.as_bytes().chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, b)| acc | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            out.push(if i <= chunk.len() {
                ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char
            } else {
                '='
            });
        }
    }
    out
}

#[tokio::test]
async fn plain_http_is_refused_off_loopback() {
    let error = Finch::builder()
        .base_url("http://api.tryfinch.com")
        .build()
        .unwrap_err();
    assert!(error.to_string().contains("https"), "{error}");
    Finch::builder()
        .base_url("http://api.tryfinch.com")
        .allow_insecure_http(true)
        .build()
        .unwrap();
    Finch::builder()
        .base_url("http://127.0.0.1:9")
        .build()
        .unwrap();
}

#[tokio::test]
async fn a_redirect_to_another_host_does_not_carry_the_token() {
    // Before: the redirect was followed (without the token) and the other host's reply accepted.
    // Now nothing at all goes to the other origin, and the call ends with a typed error.
    let elsewhere = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"connection_id": "c"})),
        )
        .mount(&elsewhere)
        .await;
    let origin = MockServer::start().await;
    // Same address, other port: another origin.
    Mock::given(path("/introspect"))
        .respond_with(
            ResponseTemplate::new(302)
                .insert_header("location", format!("{}/landing", elsewhere.uri()).as_str()),
        )
        .mount(&origin)
        .await;
    let finch = Finch::builder()
        .base_url(origin.uri())
        .access_token(ACCESS_TOKEN)
        .build()
        .unwrap();
    let error = finch
        .core()
        .request(http::Method::GET, "/introspect")
        .send::<serde_json::Value>()
        .await
        .unwrap_err();
    let Error::Redirect(redirect) = error else {
        panic!("expected a refused redirect, got {error:?}")
    };
    assert_eq!(redirect.kind(), RedirectErrorKind::CrossOrigin);
    assert_eq!(
        redirect.location(),
        Some(format!("{}/landing", elsewhere.uri()))
    );
    assert!(
        elsewhere.received_requests().await.unwrap().is_empty(),
        "the redirect was followed"
    );
    assert_eq!(
        origin.received_requests().await.unwrap()[0].headers["authorization"],
        format!("Bearer {ACCESS_TOKEN}").as_str()
    );
}

/// A client of `origin` with every credential, no retries, and the default transport (reqwest).
fn client_of(origin: &MockServer) -> Finch {
    Finch::builder()
        .base_url(origin.uri())
        .client_id(CLIENT_ID)
        .client_secret(CLIENT_SECRET)
        .access_token(ACCESS_TOKEN)
        .max_retries(0)
        .build()
        .unwrap()
}

/// The other origins of these tests: another loopback host, and another port of the origin's.
async fn other_origins() -> [Recorder; 2] {
    [
        Recorder::start("127.0.0.2").await,
        Recorder::start("127.0.0.1").await,
    ]
}

fn refused(error: Error) -> Box<RedirectError> {
    match error {
        Error::Redirect(redirect) => redirect,
        other => panic!("expected a refused redirect, got {other:?}"),
    }
}

#[tokio::test]
async fn the_token_exchange_redirected_to_another_origin_sends_it_nothing() {
    for status in [307, 308] {
        for other in other_origins().await {
            let origin = MockServer::start().await;
            // The query is where a hostile server would echo what it wants to learn.
            let location = format!("{}/auth/token?code=code-123&x=y", other.uri());
            Mock::given(method("POST"))
                .and(path("/auth/token"))
                .respond_with(
                    ResponseTemplate::new(status).insert_header("location", location.as_str()),
                )
                .mount(&origin)
                .await;
            let error = client_of(&origin)
                .access_tokens()
                .create(CreateAccessToken::new("code-123"))
                .await
                .unwrap_err();
            let text = error.to_string();
            let redirect = refused(error);
            assert_eq!(redirect.kind(), RedirectErrorKind::CrossOrigin);
            assert_eq!(redirect.status(), status);
            let ip = other.address.ip().to_string();
            assert_eq!(
                (
                    redirect.scheme(),
                    redirect.host(),
                    redirect.port(),
                    redirect.path()
                ),
                (
                    Some("http"),
                    Some(ip.as_str()),
                    Some(other.address.port()),
                    Some("/auth/token")
                )
            );
            let named = format!("http://{}/auth/token", other.address);
            assert!(text.contains(&named), "{text}");
            for secret in ["code-123", "x=y", CLIENT_SECRET] {
                assert!(!text.contains(secret), "{text}");
                assert!(!format!("{redirect:?}").contains(secret), "{redirect:?}");
            }
            other.assert_untouched(&format!("{status} to {named}"));
            // The origin got the one request it was meant to get.
            let sent = only_request(&origin).await;
            assert_eq!(json_body(&sent)["client_secret"], CLIENT_SECRET);
        }
    }
}

#[tokio::test]
async fn a_bearer_call_redirected_to_another_origin_sends_it_nothing() {
    for status in [301, 302, 303, 307, 308] {
        for other in other_origins().await {
            let origin = MockServer::start().await;
            Mock::given(method("GET"))
                .and(path("/introspect"))
                .respond_with(
                    ResponseTemplate::new(status)
                        .insert_header("location", format!("{}/introspect", other.uri()).as_str()),
                )
                .mount(&origin)
                .await;
            let error = client_of(&origin).account().introspect().await.unwrap_err();
            let redirect = refused(error);
            assert_eq!(redirect.kind(), RedirectErrorKind::CrossOrigin);
            assert_eq!(redirect.port(), Some(other.address.port()));
            other.assert_untouched(&format!("GET, {status}"));
            let sent = only_request(&origin).await;
            assert_eq!(
                header(&sent, "authorization"),
                Some(format!("Bearer {ACCESS_TOKEN}").as_str())
            );
        }
    }
}

#[tokio::test]
async fn a_same_origin_redirect_keeps_method_and_body_and_the_reply_is_decoded() {
    let origin = MockServer::start().await;
    // An absolute same-origin Location (307), then a relative one (308).
    Mock::given(method("POST"))
        .and(path("/auth/token"))
        .respond_with(ResponseTemplate::new(307).insert_header(
            "location",
            format!("{}/v2/auth/token", origin.uri()).as_str(),
        ))
        .mount(&origin)
        .await;
    Mock::given(method("POST"))
        .and(path("/v2/auth/token"))
        .respond_with(ResponseTemplate::new(308).insert_header("location", "exchange?step=2"))
        .mount(&origin)
        .await;
    Mock::given(method("POST"))
        .and(path("/v2/auth/exchange"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            r#"{"access_token":"same-origin-token","token_type":"bearer","connection_id":"c","client_type":"sandbox","connection_type":"provider","products":[],"provider_id":"p","entity_ids":[]}"#,
            "application/json",
        ))
        .mount(&origin)
        .await;
    let token = client_of(&origin)
        .access_tokens()
        .create(CreateAccessToken::new("code-123"))
        .await
        .unwrap();
    assert_eq!(token.access_token.expose(), "same-origin-token");
    let sent = origin.received_requests().await.unwrap();
    let targets: Vec<String> = sent
        .iter()
        .map(|request| {
            let query = request.url.query().map(|query| format!("?{query}"));
            format!(
                "{} {}{}",
                request.method,
                request.url.path(),
                query.unwrap_or_default()
            )
        })
        .collect();
    assert_eq!(
        targets,
        [
            "POST /auth/token",
            "POST /v2/auth/token",
            "POST /v2/auth/exchange?step=2",
        ]
    );
    for request in &sent {
        assert_eq!(request.body, sent[0].body);
        assert_eq!(header(request, "content-type"), Some("application/json"));
        assert_eq!(header(request, "authorization"), None);
    }
    assert_eq!(json_body(&sent[2])["code"], "code-123");
}

#[tokio::test]
async fn a_same_origin_redirect_of_a_bearer_get_keeps_the_token() {
    let origin = MockServer::start().await;
    Mock::given(path("/introspect"))
        .respond_with(ResponseTemplate::new(302).insert_header("location", "./v2/introspect"))
        .mount(&origin)
        .await;
    Mock::given(path("/v2/introspect"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"connection_id": "c"})),
        )
        .mount(&origin)
        .await;
    let reply: serde_json::Value = client_of(&origin)
        .core()
        .request(http::Method::GET, "/introspect")
        .send()
        .await
        .unwrap();
    assert_eq!(reply["connection_id"], "c");
    let sent = origin.received_requests().await.unwrap();
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[1].url.path(), "/v2/introspect");
    assert_eq!(
        header(&sent[1], "authorization"),
        Some(format!("Bearer {ACCESS_TOKEN}").as_str())
    );
}

#[tokio::test]
async fn a_redirect_loop_on_the_origin_ends_with_a_typed_error() {
    let origin = MockServer::start().await;
    Mock::given(path("/loop"))
        .respond_with(ResponseTemplate::new(302).insert_header("location", "/loop"))
        .mount(&origin)
        .await;
    let error = client_of(&origin)
        .core()
        .request(http::Method::GET, "/loop")
        .send_raw()
        .await
        .unwrap_err();
    let redirect = refused(error);
    assert_eq!(redirect.kind(), RedirectErrorKind::TooMany);
    assert_eq!(redirect.followed(), MAX_REDIRECTS);
    let sent = origin.received_requests().await.unwrap();
    assert_eq!(sent.len() as u32, MAX_REDIRECTS + 1);
}

#[tokio::test]
async fn a_reqwest_client_that_follows_redirects_itself_is_not_believed() {
    // The documented misuse: a user's reqwest client with reqwest's default redirect policy.
    // It has already sent the request elsewhere (which is why `from_client` says to build it
    // with `Policy::none()`), but the token the other origin issued is not accepted.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let other = Recorder::start("127.0.0.2").await;
    let origin = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/auth/token"))
        .respond_with(ResponseTemplate::new(307).insert_header(
            "location",
            format!("{}/auth/token?q=1", other.uri()).as_str(),
        ))
        .mount(&origin)
        .await;
    let following = reqwest::Client::builder().build().unwrap();
    let finch = Finch::builder()
        .base_url(origin.uri())
        .client_id(CLIENT_ID)
        .client_secret(CLIENT_SECRET)
        .max_retries(0)
        .transport(ReqwestTransport::from_client(following))
        .build()
        .unwrap();
    let error = finch
        .access_tokens()
        .create(CreateAccessToken::new("code-123"))
        .await
        .unwrap_err();
    let Error::Transport { error, .. } = &error else {
        panic!("expected a transport error, got {error:?}")
    };
    assert_eq!(error.kind(), TransportErrorKind::Other);
    let text = error.to_string();
    assert!(
        text.contains(&format!("http://{}/auth/token", other.address))
            && text.contains("Policy::none()")
            && !text.contains("q=1"),
        "{text}"
    );
    assert!(!text.contains(FOREIGN_TOKEN));
    assert!(
        other.connections() > 0,
        "the misconfigured client did not follow"
    );
}

#[test]
fn clients_are_cheap_shared_handles() {
    fn shareable<T: Clone + Send + Sync + 'static>() {}
    shareable::<Finch>();
    shareable::<Client>();
    fn sendable<T: Send>(_: &T) {}
    let finch = Finch::builder()
        .transport(TestTransport::new())
        .build()
        .unwrap();
    let request = RetrieveCompany::new();
    let call = finch.send(&request);
    sendable(&call);
    // The accessors hand out futures that borrow only the client.
    let call = finch.hris().company().retrieve();
    sendable(&call);
    // A clone is a few reference-count increments: the shared configuration, three credentials
    // and the webhook secret are all behind `Arc`s.
    assert!(
        std::mem::size_of::<Finch>() <= 96,
        "{}",
        std::mem::size_of::<Finch>()
    );
}
