//! Hostile input, credentials and logs: values cannot change the request's shape, each endpoint
//! gets only its own credentials, redirects do not carry them, and traces never show them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod support;

use finch::core::{AuthScheme, Client, RequestError, TestTransport};
use finch::hris::{RetrieveBenefit, RetrieveCompany};
use finch::{CreateAccessToken, Error, Finch, RequestOptions, finch_endpoint};
use support::{ACCESS_TOKEN, CLIENT_ID, CLIENT_SECRET};
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
    let reply: serde_json::Value = finch
        .core()
        .request(http::Method::GET, "/introspect")
        .send()
        .await
        .unwrap();
    assert_eq!(reply["connection_id"], "c");
    let landed = elsewhere.received_requests().await.unwrap();
    assert_eq!(landed.len(), 1);
    assert!(
        landed[0].headers.get("authorization").is_none(),
        "the token followed the redirect"
    );
    assert_eq!(
        origin.received_requests().await.unwrap()[0].headers["authorization"],
        format!("Bearer {ACCESS_TOKEN}").as_str()
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
