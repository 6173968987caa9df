//! Every shape of `src/lib.rs`, sent through finch's client to a local server (wiremock on
//! loopback): the method, path, query, headers and body as they arrived, and the decoded reply.
//!
//! Every client here has the base URL `{server}/v2`, so every path is checked under `/v2`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use finch::{DecodeError, Endpoint, Error, Finch, FinchBuilder, Nullable, finch_endpoint};
use finch_downstream_shapes::*;
use serde_json::{Value, json};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const ACCESS_TOKEN: &str = "shapes-access-token";
const CLIENT_ID: &str = "shapes-client";
const CLIENT_SECRET: &str = "shapes-secret";
/// `Basic base64("shapes-client:shapes-secret")`, worked out outside the SDK (`base64(1)`).
const BASIC: &str = "Basic c2hhcGVzLWNsaWVudDpzaGFwZXMtc2VjcmV0";

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// A loopback server that answers every request with one reply and records what it received.
struct Server(MockServer);

impl Server {
    async fn start(reply: ResponseTemplate) -> Server {
        let server = MockServer::start().await;
        Mock::given(any()).respond_with(reply).mount(&server).await;
        Server(server)
    }

    /// A builder for a client of this server at `{server}{prefix}`, with the application's
    /// credentials and no retries.
    fn builder(&self, prefix: &str) -> FinchBuilder {
        Finch::builder()
            .base_url(format!("{}{prefix}", self.0.uri()))
            .client_id(CLIENT_ID)
            .client_secret(CLIENT_SECRET)
            .max_retries(0)
    }

    /// A client at `{server}/v2` with every credential.
    fn client(&self) -> Finch {
        self.builder("/v2")
            .access_token(ACCESS_TOKEN)
            .build()
            .unwrap()
    }

    /// A client at `{server}/v2` with the client id and secret but no access token.
    fn client_without_token(&self) -> Finch {
        self.builder("/v2").build().unwrap()
    }

    /// Every request received, in order.
    async fn requests(&self) -> Vec<Request> {
        self.0
            .received_requests()
            .await
            .expect("request recording is on")
    }

    /// The only request received.
    async fn only_request(&self) -> Request {
        let mut requests = self.requests().await;
        assert_eq!(requests.len(), 1, "expected one request: {requests:?}");
        requests.remove(0)
    }
}

/// Sends `endpoint` with [`Server::client`] to a server that answers `reply`: the result, and the
/// request as it arrived.
async fn exchange<E: Endpoint>(
    reply: ResponseTemplate,
    endpoint: &E,
) -> (Result<E::Response, Error>, Request) {
    let server = Server::start(reply).await;
    let result = server.client().send(endpoint).await;
    (result, server.only_request().await)
}

/// Sends `endpoint` as [`exchange`] does; the reply must fail to decode.
async fn decode_error<E: Endpoint>(reply: ResponseTemplate, endpoint: &E) -> DecodeError {
    match exchange(reply, endpoint).await.0 {
        Err(Error::Decode(error)) => *error,
        Err(other) => panic!("expected a decode error, got {other:?}"),
        Ok(_) => panic!("expected a decode error, got a value"),
    }
}

fn json_reply(status: u16, body: Value) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(body)
}

/// The `Authorization` a request must carry.
#[derive(Clone, Copy, Debug)]
enum Auth {
    None,
    Bearer,
    Basic,
}

/// What a request must look like on the wire. Built with [`Wire::new`] (a Bearer request with no
/// query and no body) and the setters.
#[derive(Debug)]
struct Wire<'a> {
    method: &'a str,
    path: &'a str,
    query: Option<&'a str>,
    auth: Auth,
    body: Option<Value>,
}

impl<'a> Wire<'a> {
    fn new(method: &'a str, path: &'a str) -> Self {
        Wire {
            method,
            path,
            query: None,
            auth: Auth::Bearer,
            body: None,
        }
    }

    fn query(mut self, query: &'a str) -> Self {
        self.query = Some(query);
        self
    }

    fn auth(mut self, auth: Auth) -> Self {
        self.auth = auth;
        self
    }

    fn body(mut self, body: Value) -> Self {
        self.body = Some(body);
        self
    }
}

/// Checks the method, path, raw query, the headers every request carries, `Authorization` as the
/// scheme says, and the body as JSON with `Content-Type` exactly when there is one.
fn assert_wire(request: &Request, wire: &Wire<'_>) {
    let seen = format!("{} {}", request.method, request.url);
    assert_eq!(request.method.as_str(), wire.method, "{seen}");
    assert_eq!(request.url.path(), wire.path, "{seen}");
    assert_eq!(request.url.query(), wire.query, "{seen}");
    assert_eq!(
        header(request, "finch-api-version"),
        Some("2020-09-17"),
        "{seen}"
    );
    assert_eq!(
        header(request, "accept"),
        Some("application/json"),
        "{seen}"
    );
    let authorization = match wire.auth {
        Auth::None => None,
        Auth::Bearer => Some(format!("Bearer {ACCESS_TOKEN}")),
        Auth::Basic => Some(BASIC.to_owned()),
    };
    assert_eq!(
        header(request, "authorization"),
        authorization.as_deref(),
        "{seen}"
    );
    match &wire.body {
        Some(body) => {
            assert_eq!(
                header(request, "content-type"),
                Some("application/json"),
                "{seen}"
            );
            let sent: Value = serde_json::from_slice(&request.body)
                .unwrap_or_else(|error| panic!("{seen}: not JSON ({error}): {}", raw(request)));
            assert_eq!(&sent, body, "{seen}");
        }
        None => {
            assert_eq!(header(request, "content-type"), None, "{seen}: no body");
            assert_eq!(raw(request), "", "{seen}: no body");
        }
    }
}

/// A header's value as text, `None` when absent.
fn header<'r>(request: &'r Request, name: &str) -> Option<&'r str> {
    request
        .headers
        .get(name)
        .map(|value| value.to_str().expect("an ASCII header"))
}

/// The body as it was sent, byte for byte.
fn raw(request: &Request) -> &str {
    std::str::from_utf8(&request.body).expect("a UTF-8 body")
}

fn ada() -> NewMember {
    NewMember {
        name: "Ada".into(),
        email: Some("ada@example.com".into()),
        address: Address {
            city: "London".into(),
            country: "GB".into(),
        },
    }
}

fn grace() -> NewMember {
    NewMember {
        name: "Grace".into(),
        email: None,
        address: Address {
            city: "Arlington".into(),
            country: "US".into(),
        },
    }
}

/// [`ada`] and [`grace`] as they are sent: `email` left out when `None`.
const ADA: &str =
    r#"{"name":"Ada","email":"ada@example.com","address":{"city":"London","country":"GB"}}"#;
const GRACE: &str = r#"{"name":"Grace","address":{"city":"Arlington","country":"US"}}"#;

fn team_reply() -> ResponseTemplate {
    json_reply(
        200,
        json!({"id": "t1", "name": "Core", "description": null}),
    )
}

// ---------------------------------------------------------------------------------------------
// Paths and queries
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn get_with_two_path_params_and_a_query_array() {
    let server = Server::start(json_reply(
        200,
        json!({
            "paging": {"count": 2, "offset": 0},
            "shifts": [
                {"id": "a", "starts_at": "2025-01-06T09:00:00Z"},
                {"id": "b&c", "starts_at": "2025-01-07T09:00:00Z"}
            ]
        }),
    ))
    .await;
    let finch = server.client();
    let request = ListShifts {
        team_id: "t 1".into(),
        member_id: "m/1".into(),
        ids: Some(vec!["a".into(), "b&c".into()]),
        limit: Some(2),
    };
    let page = finch.send(&request).await.unwrap();
    let without_query = ListShifts {
        ids: None,
        limit: None,
        ..request
    };
    finch.send(&without_query).await.unwrap();

    let requests = server.requests().await;
    let path = "/v2/teams/t%201/members/m%2F1/shifts";
    // The bracket form, brackets not encoded, values encoded, in declaration order.
    assert_wire(
        &requests[0],
        &Wire::new("GET", path).query("ids[]=a&ids[]=b%26c&limit=2"),
    );
    assert_wire(&requests[1], &Wire::new("GET", path));
    assert_eq!(requests.len(), 2);

    assert_eq!((page.paging.count, page.paging.offset), (Some(2), 0));
    let ids: Vec<_> = page.shifts.iter().map(|shift| shift.id.as_str()).collect();
    assert_eq!(ids, ["a", "b&c"]);
}

#[tokio::test]
async fn literal_segments_with_dots_and_dashes() {
    let (report, request) = exchange(
        json_reply(200, json!({"id": "r-1.final", "rows": 12})),
        &DownloadReport {
            id: "r-1.final".into(),
        },
    )
    .await;
    assert_wire(
        &request,
        &Wire::new("GET", "/v2/v1.2/some-thing/r-1.final/x.json"),
    );
    let report = report.unwrap();
    assert_eq!((report.id.as_str(), report.rows), ("r-1.final", 12));
}

#[tokio::test]
async fn a_base_url_prefix_is_kept_with_or_without_a_trailing_slash() {
    let server = Server::start(json_reply(200, json!({"status": "ok"}))).await;
    for prefix in ["/v2", "/v2/", "/api/v2"] {
        let finch = server.builder(prefix).build().unwrap();
        finch.send(&CheckHealth).await.unwrap();
    }
    let paths: Vec<_> = server
        .requests()
        .await
        .iter()
        .map(|request| request.url.path().to_owned())
        .collect();
    assert_eq!(paths, ["/v2/health", "/v2/health", "/api/v2/health"]);
}

// ---------------------------------------------------------------------------------------------
// Bodies
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn post_with_a_nested_body_leaves_out_none_members() {
    let (team, request) = exchange(
        json_reply(201, json!({"id": "t1", "name": "Platform"})),
        &CreateTeam {
            name: "Platform".into(),
            lead: ada(),
            members: vec![grace()],
            description: None,
            budget: Some(100_000),
        },
    )
    .await;
    let body = format!(r#"{{"name":"Platform","lead":{ADA},"members":[{GRACE}],"budget":100000}}"#);
    assert_wire(
        &request,
        &Wire::new("POST", "/v2/teams").body(serde_json::from_str(&body).unwrap()),
    );
    // Declaration order, `description` absent (not `null`).
    assert_eq!(raw(&request), body);
    let team = team.unwrap();
    assert_eq!((team.id.as_str(), team.name.as_str()), ("t1", "Platform"));
    assert_eq!(team.description, None);
}

#[tokio::test]
async fn put_patch_and_delete_send_json_bodies() {
    let (team, request) = exchange(
        team_reply(),
        &ReplaceTeam {
            team_id: "t1".into(),
            name: "Core".into(),
            members: vec![ada()],
        },
    )
    .await;
    assert_wire(
        &request,
        &Wire::new("PUT", "/v2/teams/t1").body(
            serde_json::from_str(&format!(r#"{{"name":"Core","members":[{ADA}]}}"#)).unwrap(),
        ),
    );
    assert_eq!(team.unwrap().name, "Core");

    let (team, request) = exchange(
        team_reply(),
        &UpdateTeam {
            team_id: "t1".into(),
            name: Some("Core".into()),
            description: None,
        },
    )
    .await;
    assert_wire(
        &request,
        &Wire::new("PATCH", "/v2/teams/t1").body(json!({"name": "Core"})),
    );
    assert_eq!(team.unwrap().description, None);

    let (removed, request) = exchange(
        ResponseTemplate::new(204),
        &RemoveMembers {
            team_id: "t1".into(),
            member_ids: vec!["m1".into(), "m2".into()],
        },
    )
    .await;
    assert_wire(
        &request,
        &Wire::new("DELETE", "/v2/teams/t1/members").body(json!({"member_ids": ["m1", "m2"]})),
    );
    let () = removed.unwrap();
}

#[tokio::test]
async fn a_nullable_member_is_null_when_cleared_and_absent_when_none() {
    let server = Server::start(team_reply()).await;
    let finch = server.client();
    let updates = [
        (Some(Nullable::Null), None),
        (None, None),
        (
            Some(Nullable::Value("Runs the core".to_owned())),
            Some("Core".to_owned()),
        ),
    ];
    for (description, name) in updates {
        let update = UpdateTeam {
            team_id: "t1".into(),
            name,
            description,
        };
        finch.send(&update).await.unwrap();
    }
    let requests = server.requests().await;
    let bodies: Vec<_> = requests.iter().map(raw).collect();
    assert_eq!(
        bodies,
        [
            r#"{"description":null}"#,
            "{}",
            r#"{"name":"Core","description":"Runs the core"}"#
        ]
    );
    // Every one is a JSON body, `{}` included.
    for (request, body) in requests.iter().zip(bodies.iter()) {
        let wire = Wire::new("PATCH", "/v2/teams/t1").body(serde_json::from_str(body).unwrap());
        assert_wire(request, &wire);
    }
}

#[tokio::test]
async fn a_top_level_array_body_and_an_array_reply_of_an_untagged_enum() {
    let (outcomes, request) = exchange(
        json_reply(
            200,
            json!([{"id": "m1"}, {"index": 1, "error": "duplicate email"}]),
        ),
        &ImportMembers {
            team_id: "t1".into(),
            members: vec![ada(), grace()],
        },
    )
    .await;
    let body = format!("[{ADA},{GRACE}]");
    assert_wire(
        &request,
        &Wire::new("POST", "/v2/teams/t1/members/import")
            .body(serde_json::from_str(&body).unwrap()),
    );
    assert_eq!(raw(&request), body, "the array itself, not wrapped");
    assert_eq!(
        outcomes.unwrap(),
        [
            ImportOutcome::Created { id: "m1".into() },
            ImportOutcome::Rejected {
                index: 1,
                error: "duplicate email".into()
            }
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Headers and auth
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn required_and_optional_headers() {
    let export = json!({"team": "t1", "members": [{"id": "m1"}], "format": "csv"});
    let server = Server::start(json_reply(200, export.clone())).await;
    let finch = server.client();
    let tagged = ExportTeam {
        team_id: "t1".into(),
        idempotency_key: "key-1".into(),
        tag: Some("nightly".into()),
    };
    let value = finch.send(&tagged).await.unwrap();
    finch
        .send(&ExportTeam {
            tag: None,
            ..tagged
        })
        .await
        .unwrap();

    let requests = server.requests().await;
    let sent: Vec<_> = requests
        .iter()
        .map(|request| {
            assert_wire(request, &Wire::new("GET", "/v2/teams/t1/export"));
            (
                header(request, "idempotency-key"),
                header(request, "x-export-tag"),
            )
        })
        .collect();
    assert_eq!(
        sent,
        [(Some("key-1"), Some("nightly")), (Some("key-1"), None)]
    );
    assert_eq!(
        value, export,
        "a `serde_json::Value` reply is the body as sent"
    );
}

#[tokio::test]
async fn auth_none_sends_no_authorization_even_when_the_client_has_credentials() {
    let (health, request) = exchange(json_reply(200, json!({"status": "ok"})), &CheckHealth).await;
    assert_wire(&request, &Wire::new("GET", "/v2/health").auth(Auth::None));
    assert_eq!(health.unwrap().status, "ok");
}

#[tokio::test]
async fn auth_basic_sends_the_client_id_and_secret() {
    let (webhook, request) = exchange(
        json_reply(200, json!({"id": "w1", "url": "https://example.com/hook"})),
        &RegisterWebhook {
            url: "https://example.com/hook".into(),
        },
    )
    .await;
    assert_wire(
        &request,
        &Wire::new("POST", "/v2/app/webhooks")
            .auth(Auth::Basic)
            .body(json!({"url": "https://example.com/hook"})),
    );
    assert_eq!(webhook.unwrap().id, "w1");
}

#[tokio::test]
async fn auth_optional_bearer_sends_the_token_only_when_the_client_has_one() {
    let server = Server::start(json_reply(
        200,
        json!([{"id": "welcome", "public": true}, {"id": "mine", "public": false}]),
    ))
    .await;
    let with_token = server.client().send(&ListTemplates).await.unwrap();
    let without_token = server
        .client_without_token()
        .send(&ListTemplates)
        .await
        .unwrap();

    let requests = server.requests().await;
    assert_wire(&requests[0], &Wire::new("GET", "/v2/templates"));
    assert_wire(
        &requests[1],
        &Wire::new("GET", "/v2/templates").auth(Auth::None),
    );
    assert_eq!(with_token, without_token);
    let public: Vec<_> = with_token
        .iter()
        .map(|template| (template.id.as_str(), template.public))
        .collect();
    assert_eq!(public, [("welcome", true), ("mine", false)]);
}

#[tokio::test]
async fn auth_bearer_without_a_token_fails_before_sending() {
    let server = Server::start(json_reply(200, json!({"status": "pending", "position": 1}))).await;
    let error = server
        .client_without_token()
        .send(&RetrieveJob {
            job_id: "j1".into(),
        })
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            Error::Request {
                endpoint: "RetrieveJob",
                ..
            }
        ),
        "{error:?}"
    );
    assert!(server.requests().await.is_empty(), "nothing was sent");
}

// ---------------------------------------------------------------------------------------------
// Replies
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn an_enum_reply_decodes_each_variant_and_keeps_unknown_ones() {
    let cases = [
        (
            json!({"status": "pending", "position": 3}),
            JobStatus::Pending { position: 3 },
        ),
        (
            json!({"status": "complete", "result_url": "https://example.com/r"}),
            JobStatus::Complete {
                result_url: "https://example.com/r".into(),
            },
        ),
        (
            json!({"status": "failed", "reason": "timeout"}),
            JobStatus::Failed {
                reason: "timeout".into(),
            },
        ),
        (json!({"status": "archived"}), JobStatus::Unknown),
    ];
    for (reply, expected) in cases {
        let (status, request) = exchange(
            json_reply(200, reply),
            &RetrieveJob {
                job_id: "j1".into(),
            },
        )
        .await;
        assert_wire(&request, &Wire::new("GET", "/v2/jobs/j1"));
        assert_eq!(status.unwrap(), expected);
    }
}

#[tokio::test]
async fn a_body_for_unit_is_a_clear_decode_error() {
    let remove = RemoveMembers {
        team_id: "t1".into(),
        member_ids: vec!["m1".into()],
    };
    let (empty_200, _) = exchange(ResponseTemplate::new(200), &remove).await;
    let () = empty_200.unwrap();

    let error = decode_error(json_reply(200, json!({"removed": 1})), &remove).await;
    assert_eq!(error.type_name, "()");
    assert!(error.message.contains("expects no body"), "{error}");
    assert_eq!(error.status.as_u16(), 200);
}

#[tokio::test]
async fn an_option_reply_is_none_when_the_body_is_empty() {
    let lookup = Lookup {
        id: "m1",
        q: None,
        tag: None,
    };
    for empty in [ResponseTemplate::new(200), ResponseTemplate::new(204)] {
        let (member, request) = exchange(empty, &lookup).await;
        assert_wire(&request, &Wire::new("GET", "/v2/members/m1/lookup"));
        assert_eq!(member.unwrap(), None);
    }
    let (member, _) = exchange(json_reply(200, json!({"id": "m1", "name": "Ada"})), &lookup).await;
    let member = member.unwrap().expect("a member");
    assert_eq!((member.id.as_str(), member.name.as_str()), ("m1", "Ada"));
}

// ---------------------------------------------------------------------------------------------
// Generic and borrowing declarations
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_request_that_borrows_its_fields() {
    // Owned elsewhere, only borrowed by the request.
    let id = String::from("m 1");
    let q = String::from("ada lovelace");
    let tag = String::from("lookup-7");
    let (member, request) = exchange(
        json_reply(200, json!({"id": "m 1", "name": "Ada"})),
        &Lookup {
            id: &id,
            q: Some(&q),
            tag: Some(&tag),
        },
    )
    .await;
    assert_wire(
        &request,
        &Wire::new("GET", "/v2/members/m%201/lookup").query("q=ada%20lovelace"),
    );
    assert_eq!(header(&request, "x-lookup-tag"), Some("lookup-7"));
    assert_eq!(
        member.unwrap().map(|member| member.name),
        Some("Ada".into())
    );
}

#[tokio::test]
async fn a_generic_request() {
    let mut by_number: Get<u64, Record> = Get::new(42);
    by_number.fields = Some(vec!["title".into()]);
    let (record, request) = exchange(
        json_reply(200, json!({"id": 42, "title": "Answer"})),
        &by_number,
    )
    .await;
    assert_wire(
        &request,
        &Wire::new("GET", "/v2/records/42").query("fields[]=title"),
    );
    let record = record.unwrap();
    assert_eq!((record.id, record.title.as_str()), (42, "Answer"));

    let by_name: Get<&str, Value> = Get::new("r-7");
    let (value, request) = exchange(json_reply(200, json!({"anything": [1, 2]})), &by_name).await;
    assert_wire(&request, &Wire::new("GET", "/v2/records/r-7"));
    assert_eq!(value.unwrap(), json!({"anything": [1, 2]}));

    let search = Search {
        filter: ["t1", "t2"],
        limit: Some(5),
    };
    let (members, request) = exchange(json_reply(200, json!([])), &search).await;
    assert_wire(
        &request,
        &Wire::new("POST", "/v2/search")
            .query("limit=5")
            .body(json!({"filter": ["t1", "t2"]})),
    );
    assert!(members.unwrap().is_empty());
}

// ---------------------------------------------------------------------------------------------
// Secrets
// ---------------------------------------------------------------------------------------------

/// [`RetrieveCard`] without `secret_members`: the control that shows the excerpt would hold the PIN.
#[finch_endpoint(GET "/cards/{card_id}", response = Card)]
struct RetrieveCardUnmasked {
    #[finch(path)]
    card_id: String,
}

const PIN: &str = "4921-SENTINEL";

/// A card whose `last4` is a number, not the text `Card` expects, right after the PIN.
fn broken_card() -> ResponseTemplate {
    json_reply(200, json!({"pin": PIN, "last4": 1234}))
}

#[tokio::test]
async fn secret_members_are_masked_in_decode_errors() {
    let retrieve = RetrieveCard {
        card_id: "c1".into(),
    };
    let (card, request) = exchange(
        json_reply(200, json!({"pin": PIN, "last4": "1234"})),
        &retrieve,
    )
    .await;
    assert_wire(&request, &Wire::new("GET", "/v2/cards/c1"));
    let card = card.unwrap();
    assert_eq!((card.last4.as_str(), card.pin.expose()), ("1234", PIN));
    assert!(!format!("{card:?}").contains(PIN), "{card:?}");

    let error = decode_error(broken_card(), &retrieve).await;
    assert_eq!(error.path, "last4");
    for shown in [
        format!("{error}"),
        format!("{error:?}"),
        error.excerpt.clone(),
    ] {
        assert!(!shown.contains(PIN), "the PIN leaked: {shown}");
    }

    // Without `secret_members` the same error shows it: the check above can fail.
    let unmasked = RetrieveCardUnmasked {
        card_id: "c1".into(),
    };
    let error = decode_error(broken_card(), &unmasked).await;
    assert!(error.excerpt.contains(PIN), "{error}");
}

#[tokio::test]
async fn a_no_retry_status_is_returned_at_once_and_others_are_retried() {
    let closed = ResponseTemplate::new(503).insert_header("retry-after-ms", "1");
    let final_server = Server::start(closed.clone()).await;
    let with_retries = |server: &Server| {
        server
            .builder("/v2")
            .access_token(ACCESS_TOKEN)
            .max_retries(2)
            .build()
            .unwrap()
    };
    let error = with_retries(&final_server)
        .send(&StartExport {
            export_id: "e1".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|status| status.as_u16()), Some(503));
    assert_eq!(error.attempts(), Some(1));
    assert_wire(
        &final_server.only_request().await,
        &Wire::new("POST", "/v2/exports/e1/start"),
    );

    // Without `no_retry` the same reply is retried twice: the check above can fail.
    let retried_server = Server::start(closed).await;
    let error = with_retries(&retried_server)
        .send(&StartExportRetried {
            export_id: "e1".into(),
        })
        .await
        .unwrap_err();
    assert_eq!(error.attempts(), Some(3));
    assert_eq!(retried_server.requests().await.len(), 3);
}
