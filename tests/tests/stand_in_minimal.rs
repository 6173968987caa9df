//! The stand-in as a tool for any client's tests: every operation, sent the smallest request the
//! spec allows (its required path, query and body members only; no body at all where the spec's
//! body has no required member), over a raw HTTP/1.1 connection, is answered with a success.
//! The list of operations is finch's (`finch::operations()`, checked against Finch's spec by
//! `finch-conformance`); the minimal requests are written here, from the spec, so this test needs
//! nothing outside the repository.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use base64::Engine as _;
use finch::AuthScheme;
use finch_conformance::CANNOT_GO_ON_WITHOUT;
use finch_stand_in::StandIn;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// A reply: its status and body.
struct Reply {
    status: u16,
    body: Value,
}

/// How a request authenticates.
#[derive(Clone, Copy)]
enum Auth {
    None,
    Bearer,
    Basic,
}

/// One request: method, target (path and query), auth and body (`None`: no body at all).
struct Request {
    method: &'static str,
    target: String,
    auth: Auth,
    body: Option<Value>,
    /// Send `Content-Type: application/json` even without a body (as some SDKs do).
    content_type_without_body: bool,
}

/// Sends `request` on a fresh connection with the version header and reads the whole reply.
async fn send(stand_in: &StandIn, token: &str, request: &Request) -> Reply {
    let address = stand_in.base_url().trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).await.unwrap();
    let mut head = format!(
        "{} {} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nFinch-API-Version: 2020-09-17\r\n",
        request.method, request.target
    );
    match request.auth {
        Auth::None => {}
        Auth::Bearer => head.push_str(&format!("Authorization: Bearer {token}\r\n")),
        Auth::Basic => {
            let credentials = base64::engine::general_purpose::STANDARD.encode(format!(
                "{}:{}",
                stand_in.client_id(),
                stand_in.client_secret()
            ));
            head.push_str(&format!("Authorization: Basic {credentials}\r\n"));
        }
    }
    let body = request
        .body
        .as_ref()
        .map(|body| body.to_string())
        .unwrap_or_default();
    if request.body.is_some() || request.content_type_without_body {
        head.push_str("Content-Type: application/json\r\n");
    }
    if request.body.is_some() {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    head.push_str(&body);
    stream.write_all(head.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.unwrap();
    let split = raw
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .expect("a reply with headers");
    let status_line = std::str::from_utf8(&raw[..split]).unwrap();
    let status = status_line.split(' ').nth(1).unwrap().parse().unwrap();
    let body = serde_json::from_slice(&raw[split + 4..]).unwrap_or(Value::Null);
    Reply { status, body }
}

/// Ids of things the fixture has (or that setup requests create), for path parameters and
/// required body members.
struct Ids {
    token: String,
    individual: String,
    payment: String,
    document: String,
    plan: String,
    enrollment: String,
    dependent: String,
    pay_group: String,
    benefit: String,
    automated_job: String,
    manual_job: String,
    rule: String,
}

/// `GET`s `target` with the token and returns the reply's body, failing on anything but a 200.
async fn read(stand_in: &StandIn, token: &str, target: &str) -> Value {
    let reply = send(stand_in, token, &request("GET", target, Auth::Bearer, None)).await;
    assert_eq!(reply.status, 200, "setup GET {target}: {}", reply.body);
    reply.body
}

/// Sends a full (not minimal) setup request and returns the reply's body, failing on a 4xx/5xx.
async fn write(
    stand_in: &StandIn,
    token: &str,
    method: &'static str,
    target: &str,
    body: Value,
) -> Value {
    let reply = send(
        stand_in,
        token,
        &request(method, target, Auth::Bearer, Some(body)),
    )
    .await;
    assert!(
        reply.status < 300,
        "setup {method} {target}: {} {}",
        reply.status,
        reply.body
    );
    reply.body
}

fn request(method: &'static str, target: &str, auth: Auth, body: Option<Value>) -> Request {
    Request {
        method,
        target: target.to_owned(),
        auth,
        body,
        content_type_without_body: false,
    }
}

fn first(value: &Value, list: &str, id: &str) -> String {
    value[list][0][id]
        .as_str()
        .unwrap_or_else(|| panic!("no {list}[0].{id} in {value}"))
        .to_owned()
}

async fn ids(stand_in: &StandIn) -> Ids {
    let token = stand_in.issue_access_token();
    let directory = read(stand_in, &token, "/employer/directory").await;
    let individual = first(&directory, "individuals", "id");
    let payments = read(
        stand_in,
        &token,
        "/employer/payment?start_date=2025-01-01&end_date=2025-12-31",
    )
    .await;
    let payment = payments[0]["id"].as_str().unwrap().to_owned();
    let document = first(
        &read(stand_in, &token, "/employer/documents").await,
        "documents",
        "id",
    );
    let plan = first(
        &read(stand_in, &token, "/employer/plans").await,
        "plans",
        "id",
    );
    let enrollment = first(
        &read(stand_in, &token, "/employer/plans-enrollments").await,
        "enrollments",
        "id",
    );
    let dependent = first(
        &read(stand_in, &token, "/employer/plans-dependents").await,
        "dependents",
        "dependent_id",
    );
    let pay_groups = read(stand_in, &token, "/employer/pay-groups").await;
    let pay_group = pay_groups[0]["id"].as_str().unwrap().to_owned();
    let benefit = stand_in.benefit_ids()[0].clone();
    let job = write(
        stand_in,
        &token,
        "POST",
        "/jobs/automated",
        json!({"type": "data_sync_all"}),
    )
    .await;
    let automated_job = job["job_id"].as_str().unwrap().to_owned();
    let enrolled = write(
        stand_in,
        &token,
        "POST",
        &format!("/employer/benefits/{benefit}/individuals"),
        json!([{"individual_id": individual}]),
    )
    .await;
    let manual_job = enrolled["job_id"].as_str().unwrap().to_owned();
    let rule = write(
        stand_in,
        &token,
        "POST",
        "/employer/pay-statement-item/rule",
        json!({"conditions": [{"field": "name", "operator": "equals", "value": "Salary"}]}),
    )
    .await;
    let rule = rule["id"].as_str().unwrap().to_owned();
    Ids {
        token,
        individual,
        payment,
        document,
        plan,
        enrollment,
        dependent,
        pay_group,
        benefit,
        automated_job,
        manual_job,
        rule,
    }
}

/// The target (path with its parameters, and the required query) of an operation.
fn target(template: &str, ids: &Ids) -> String {
    let path = template
        .replace("{individual_id}", &ids.individual)
        .replace("{document_id}", &ids.document)
        .replace("{plan_id}", &ids.plan)
        .replace("{pay_group_id}", &ids.pay_group)
        .replace("{benefit_id}", &ids.benefit)
        .replace("{rule_id}", &ids.rule)
        .replace(
            "{job_id}",
            if template.starts_with("/jobs/manual") {
                &ids.manual_job
            } else {
                &ids.automated_job
            },
        );
    assert!(!path.contains('{'), "no id for {template}");
    match template {
        // The only required query parameters of the spec.
        "/employer/payment" => format!("{path}?start_date=2025-01-01&end_date=2025-12-31"),
        _ => path,
    }
}

/// The smallest body the spec allows: its required members, or `None` (no body) when it has
/// none (the spec's request bodies are all optional but for `PUT /sandbox/jobs/configuration`).
fn minimal_body(method: &str, template: &str, stand_in: &StandIn, ids: &Ids) -> Option<Value> {
    Some(match (method, template) {
        // `code` is the spec's only required member; the application's credentials go in the
        // body (the SDKs fill them from their configuration); the spec asks for no Authorization.
        ("POST", "/auth/token") => json!({
            "code": stand_in.issue_authorization_code(),
            "client_id": stand_in.client_id(),
            "client_secret": stand_in.client_secret(),
        }),
        ("POST", "/connect/sessions") => {
            json!({"customer_id": "c-1", "customer_name": "Acme", "products": []})
        }
        ("POST", "/connect/sessions/reauthenticate") => {
            json!({"connection_id": stand_in.connection_id()})
        }
        ("POST", "/disconnect-entity") => json!({"entity_ids": [stand_in.entity_id()]}),
        ("POST", "/forward") => json!({"method": "GET", "route": "/people"}),
        ("POST", "/jobs/automated") | ("POST", "/sandbox/jobs") => json!({"type": "data_sync_all"}),
        ("POST", "/employer/individual") | ("POST", "/employer/employment") => {
            json!({"requests": [{"individual_id": ids.individual}]})
        }
        ("POST", "/employer/pay-statement") | ("POST", "/employer/ledger-items") => {
            json!({"requests": [{"payment_id": ids.payment}]})
        }
        ("POST", "/employer/plans-enrollments") => {
            json!({"requests": [{"enrollment_id": ids.enrollment}]})
        }
        ("POST", "/employer/plans-dependents") => {
            json!({"requests": [{"dependent_id": ids.dependent}]})
        }
        ("POST", "/sandbox/connections") => json!({"provider_id": "gusto"}),
        ("POST", "/sandbox/connections/accounts") => {
            json!({"company_id": stand_in.company_id(), "provider_id": "gusto"})
        }
        // Every member is required, and all but `entity` are nullable.
        ("PUT", "/sandbox/company") => json!({
            "legal_name": null, "entity": {}, "primary_email": null, "primary_phone_number": null,
            "departments": [], "ein": null, "locations": [], "accounts": [],
        }),
        // The one required body.
        ("PUT", "/sandbox/jobs/configuration") => {
            json!({"type": "data_sync_all", "completion_status": "complete"})
        }
        _ => return None,
    })
}

/// The operations whose body has no required member: the minimum is no body at all. The test
/// also sends them with a `Content-Type` and no body, and with an empty object (or array).
const OPTIONAL_BODIES: &[(&str, &str)] = &[
    ("POST", "/employer/pay-statement-item/rule"),
    ("PUT", "/employer/pay-statement-item/rule/{rule_id}"),
    ("POST", "/employer/benefits"),
    ("POST", "/employer/benefits/register"),
    ("POST", "/employer/benefits/{benefit_id}"),
    ("POST", "/employer/benefits/{benefit_id}/individuals"),
    ("DELETE", "/employer/benefits/{benefit_id}/individuals"),
    ("PUT", "/sandbox/connections/accounts"),
    ("POST", "/sandbox/directory"),
    ("PUT", "/sandbox/individual/{individual_id}"),
    ("PUT", "/sandbox/employment/{individual_id}"),
    ("POST", "/sandbox/payment"),
];

/// The operations whose body the spec marks optional although its schema requires members that
/// mean something when nothing is given: sent no body, they answer that (a batch read, no
/// responses; a job, the one job type; the company's profile, unchanged).
const NOTHING_GIVEN: &[(&str, &str)] = &[
    ("POST", "/employer/individual"),
    ("POST", "/employer/employment"),
    ("POST", "/employer/pay-statement"),
    ("POST", "/employer/ledger-items"),
    ("POST", "/employer/plans-enrollments"),
    ("POST", "/employer/plans-dependents"),
    ("POST", "/jobs/automated"),
    ("POST", "/sandbox/jobs"),
    ("PUT", "/sandbox/company"),
];

/// Operations whose body is a JSON array rather than an object.
fn array_body(method: &str, template: &str) -> bool {
    matches!(
        (method, template),
        ("POST", "/employer/benefits/{benefit_id}/individuals") | ("POST", "/sandbox/directory")
    )
}

/// The listings with a `limit` query parameter and no minimum for it in the spec (`limit=0` is
/// allowed: an empty page), with the member that lists the page's items.
const LIMITS: &[(&str, &str)] = &[
    ("/employer/directory", "individuals"),
    ("/employer/documents", "documents"),
    ("/jobs/automated", "data"),
    ("/employer/plans", "plans"),
    ("/employer/plans-enrollments", "enrollments"),
    ("/employer/plans-dependents", "dependents"),
];

fn auth(scheme: AuthScheme) -> Auth {
    match scheme {
        AuthScheme::Bearer => Auth::Bearer,
        AuthScheme::Basic => Auth::Basic,
        // `GET /providers` takes a token or nothing: nothing is the minimum.
        _ => Auth::None,
    }
}

fn method(method: &http::Method) -> &'static str {
    match *method {
        http::Method::GET => "GET",
        http::Method::POST => "POST",
        http::Method::PUT => "PUT",
        http::Method::DELETE => "DELETE",
        ref other => panic!("{other} is not a method of the spec"),
    }
}

/// Sends a request made by `make` to a fresh stand-in (so that a disconnect or a status change
/// affects nothing else) and says what went wrong, if anything.
async fn check(label: String, make: impl FnOnce(&StandIn, &Ids) -> Request) -> Option<String> {
    let stand_in = StandIn::builder().employees(30).start().await.unwrap();
    let ids = ids(&stand_in).await;
    let request = make(&stand_in, &ids);
    let reply = send(&stand_in, &ids.token, &request).await;
    (!(200..300).contains(&reply.status))
        .then(|| format!("{label}: {} {}", reply.status, reply.body))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_operation_accepts_its_minimal_request() {
    let mut failures = Vec::new();
    let operations = finch::operations();
    for operation in &operations {
        let method = method(&operation.method);
        let template = operation.path;
        let scheme = auth(operation.auth);
        let label = format!("{method} {template}");
        let minimal = move |stand_in: &StandIn, ids: &Ids| Request {
            method,
            target: target(template, ids),
            auth: scheme,
            body: minimal_body(method, template, stand_in, ids),
            content_type_without_body: false,
        };
        failures.extend(check(label.clone(), minimal).await);
        if OPTIONAL_BODIES.contains(&(method, template)) {
            let with_type = move |stand_in: &StandIn, ids: &Ids| Request {
                content_type_without_body: true,
                ..minimal(stand_in, ids)
            };
            let label_type = format!("{label} (Content-Type, no body)");
            failures.extend(check(label_type, with_type).await);
            let empty = if array_body(method, template) {
                json!([])
            } else {
                json!({})
            };
            let label_empty = format!("{label} ({empty})");
            let with_empty = move |stand_in: &StandIn, ids: &Ids| Request {
                body: Some(empty),
                ..minimal(stand_in, ids)
            };
            failures.extend(check(label_empty, with_empty).await);
        }
    }
    // Every operation of the spec (finch declares them all; `finch-conformance` checks that),
    // and every list above names one of them.
    assert_eq!(operations.len(), 55);
    let declared = |m: &str, t: &str| {
        operations
            .iter()
            .any(|op| op.method.as_str() == m && op.path == t)
    };
    for (m, t) in OPTIONAL_BODIES {
        assert!(declared(m, t), "{m} {t}");
    }
    for (t, _) in LIMITS {
        assert!(declared("GET", t), "GET {t}");
    }
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// A request without a body where the spec marks the body optional: answered with what nothing
/// given means, or, where the operation cannot go on without a member, a 400 naming it. (`{}` is
/// another matter: it lacks a required member, and the minimal-request test sends those.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_the_spec_leaves_optional_may_be_left_out() {
    let operations = finch::operations();
    let scheme_of = |m: &str, t: &str| {
        operations
            .iter()
            .find(|op| op.method.as_str() == m && op.path == t)
            .map(|op| auth(op.auth))
            .unwrap_or_else(|| panic!("{m} {t} is not an operation"))
    };
    let mut failures = Vec::new();
    let cases = NOTHING_GIVEN.iter().map(|&(m, t)| (m, t, None)).chain(
        // The operations that cannot go on without their body's members: the conformance
        // command's table, which says why.
        CANNOT_GO_ON_WITHOUT
            .iter()
            .map(|&(m, t, s, n)| (m, t, Some((s, n)))),
    );
    for (method, template, needed) in cases {
        let scheme = scheme_of(method, template);
        for content_type_without_body in [false, true] {
            let label =
                format!("{method} {template} (no body, Content-Type {content_type_without_body})");
            let make = move |_: &StandIn, ids: &Ids| Request {
                content_type_without_body,
                ..request(method, &target(template, ids), scheme, None)
            };
            let stand_in = StandIn::builder().employees(30).start().await.unwrap();
            let ids = ids(&stand_in).await;
            let reply = send(&stand_in, &ids.token, &make(&stand_in, &ids)).await;
            let message = reply.body["message"].as_str().unwrap_or_default();
            // A batch read given nothing answers nothing: `{"responses": []}`.
            let batch_read = template.starts_with("/employer/");
            let fine = match needed {
                None if batch_read => reply.status == 200 && reply.body == json!({"responses": []}),
                None => (200..300).contains(&reply.status),
                Some((status, member)) => reply.status == status && message.contains(member),
            };
            if !fine {
                failures.push(format!("{label}: {} {}", reply.status, reply.body));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `limit=0` is allowed wherever the spec sets no minimum: on the listings, and on each request
/// of `POST /employer/pay-statement`. The reply is an empty page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_zero_limit_is_an_empty_page() {
    let stand_in = StandIn::builder().employees(30).start().await.unwrap();
    let ids = ids(&stand_in).await;
    let mut failures = Vec::new();
    for (template, list) in LIMITS {
        let target = format!("{}?limit=0", target(template, &ids));
        let reply = send(
            &stand_in,
            &ids.token,
            &request("GET", &target, Auth::Bearer, None),
        )
        .await;
        if reply.status != 200 || reply.body[list] != json!([]) {
            failures.push(format!("GET {target}: {} {}", reply.status, reply.body));
        }
    }
    let body = json!({"requests": [{"payment_id": ids.payment, "limit": 0}]});
    let zero = request("POST", "/employer/pay-statement", Auth::Bearer, Some(body));
    let reply = send(&stand_in, &ids.token, &zero).await;
    if reply.status != 200 || reply.body["responses"][0]["body"]["pay_statements"] != json!([]) {
        failures.push(format!(
            "POST /employer/pay-statement with limit 0: {} {}",
            reply.status, reply.body
        ));
    }
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
