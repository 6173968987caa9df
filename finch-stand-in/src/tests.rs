//! End-to-end tests: a real stand-in on loopback, spoken to with a hand-written HTTP/1.1 client
//! over `tokio::net::TcpStream`.

use std::collections::HashSet;

use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use super::StandIn;

const VERSION: (&str, &str) = ("Finch-API-Version", "2020-09-17");

#[derive(Debug)]
struct RawResponse {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl RawResponse {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|error| {
            panic!(
                "reply is not JSON ({error}): {}",
                String::from_utf8_lossy(&self.body)
            )
        })
    }
}

/// Sends one request on a fresh connection (`Connection: close`) and reads the whole reply.
async fn send(
    stand_in: &StandIn,
    method: &str,
    target: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> RawResponse {
    let address = stand_in.base_url().trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).await.unwrap();
    let mut request =
        format!("{method} {target} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    if let Some(body) = body {
        request.push_str(&format!(
            "Content-Type: application/json\r\nContent-Length: {}\r\n",
            body.len()
        ));
    }
    request.push_str("\r\n");
    request.push_str(body.unwrap_or(""));
    stream.write_all(request.as_bytes()).await.unwrap();

    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.unwrap();
    parse_response(&raw)
}

fn parse_response(raw: &[u8]) -> RawResponse {
    let split = raw
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .expect("no end of headers");
    let head = std::str::from_utf8(&raw[..split]).unwrap();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap();
    let status = status_line.split(' ').nth(1).unwrap().parse().unwrap();
    let headers: Vec<(String, String)> = lines
        .map(|line| {
            let (name, value) = line.split_once(':').unwrap();
            (name.trim().to_owned(), value.trim().to_owned())
        })
        .collect();
    let body = raw[split + 4..].to_vec();
    let response = RawResponse {
        status,
        headers,
        body,
    };
    if let Some(length) = response.header("content-length") {
        assert_eq!(length.parse::<usize>().unwrap(), response.body.len());
    }
    response
}

/// A Bearer request with the version header.
async fn api(
    stand_in: &StandIn,
    token: &str,
    method: &str,
    target: &str,
    body: Option<&str>,
) -> RawResponse {
    let bearer = format!("Bearer {token}");
    send(
        stand_in,
        method,
        target,
        &[VERSION, ("Authorization", &bearer)],
        body,
    )
    .await
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0_u32, |acc, (i, &b)| acc | (u32::from(b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn token_body(stand_in: &StandIn, code: &str, secret: &str) -> String {
    json!({"client_id": stand_in.client_id(), "client_secret": secret, "code": code, "redirect_uri": "https://app.example/callback"})
        .to_string()
}

#[tokio::test(flavor = "current_thread")]
async fn every_reply_is_json_with_a_unique_request_id() {
    let stand_in = StandIn::start().await.unwrap();
    let token = stand_in.issue_access_token();
    let mut ids = HashSet::new();
    for target in [
        "/employer/company",
        "/nowhere",
        "/employer/directory?limit=1",
    ] {
        let reply = api(&stand_in, &token, "GET", target, None).await;
        assert_eq!(reply.header("content-type"), Some("application/json"));
        assert!(ids.insert(reply.header("finch-request-id").unwrap().to_owned()));
    }
    let reply = send(&stand_in, "GET", "/employer/company", &[], None).await;
    assert!(ids.insert(reply.header("finch-request-id").unwrap().to_owned()));
    assert_eq!(stand_in.requests().len(), 4);
}

#[tokio::test(flavor = "current_thread")]
async fn missing_version_header_is_400() {
    let stand_in = StandIn::start().await.unwrap();
    let bearer = format!("Bearer {}", stand_in.issue_access_token());
    let reply = send(
        &stand_in,
        "GET",
        "/employer/company",
        &[("Authorization", &bearer)],
        None,
    )
    .await;
    assert_eq!(reply.status, 400);
    let body = reply.json();
    assert_eq!(body["code"], 400);
    assert_eq!(body["name"], "bad_request");
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("Finch-API-Version: 2020-09-17"),
        "{body}"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn token_exchange_then_use_the_token() {
    let stand_in = StandIn::start().await.unwrap();
    let code = stand_in.issue_authorization_code();
    let body = token_body(&stand_in, &code, stand_in.client_secret());
    let reply = send(&stand_in, "POST", "/auth/token", &[VERSION], Some(&body)).await;
    assert_eq!(reply.status, 200);
    let token = reply.json();
    for field in [
        "access_token",
        "token_type",
        "connection_id",
        "customer_id",
        "customer_name",
        "account_id",
        "company_id",
        "client_type",
        "connection_type",
        "products",
        "provider_id",
        "entity_ids",
    ] {
        assert!(token.get(field).is_some(), "{field} missing from {token}");
    }
    assert_eq!(token["token_type"], "bearer");
    assert_eq!(token["client_type"], "sandbox");
    assert_eq!(token["connection_type"], "provider");
    assert_eq!(token["provider_id"], "gusto");
    assert_eq!(token["customer_id"], Value::Null);
    assert_eq!(token["entity_ids"], json!([stand_in.entity_id()]));
    assert_eq!(
        token["products"].as_array().unwrap().len(),
        super::connection::DEFAULT_PRODUCTS.len()
    );

    let access_token = token["access_token"].as_str().unwrap();
    let company = api(&stand_in, access_token, "GET", "/employer/company", None).await;
    assert_eq!(company.status, 200);
    assert_eq!(company.json()["id"], token["company_id"]);
}

#[tokio::test(flavor = "current_thread")]
async fn codes_are_single_use() {
    let stand_in = StandIn::start().await.unwrap();
    let code = stand_in.issue_authorization_code();
    let body = token_body(&stand_in, &code, stand_in.client_secret());
    assert_eq!(
        send(&stand_in, "POST", "/auth/token", &[VERSION], Some(&body))
            .await
            .status,
        200
    );
    let again = send(&stand_in, "POST", "/auth/token", &[VERSION], Some(&body)).await;
    assert_eq!(again.status, 400);
    assert_eq!(again.json()["finch_code"], "invalid_grant");

    let unknown = token_body(&stand_in, "never-issued", stand_in.client_secret());
    let reply = send(&stand_in, "POST", "/auth/token", &[VERSION], Some(&unknown)).await;
    assert_eq!(reply.status, 400);
    assert!(
        reply.json()["message"]
            .as_str()
            .unwrap()
            .contains("unknown authorization code")
    );
}

#[tokio::test(flavor = "current_thread")]
async fn wrong_secret_is_401_and_keeps_the_code() {
    let stand_in = StandIn::start().await.unwrap();
    let code = stand_in.issue_authorization_code();
    let wrong = token_body(&stand_in, &code, "not-the-secret");
    let reply = send(&stand_in, "POST", "/auth/token", &[VERSION], Some(&wrong)).await;
    assert_eq!(reply.status, 401);
    let body = reply.json();
    assert_eq!(body["name"], "unauthorized_request_error");
    assert_eq!(body["finch_code"], "invalid_client");
    let right = token_body(&stand_in, &code, stand_in.client_secret());
    assert_eq!(
        send(&stand_in, "POST", "/auth/token", &[VERSION], Some(&right))
            .await
            .status,
        200
    );
}

/// The spec asks no credentials of `POST /auth/token` (they go in the body): an Authorization
/// header a client sends anyway is ignored, and the code is exchanged on the body alone.
#[tokio::test(flavor = "current_thread")]
async fn authorization_on_token_endpoint_is_ignored() {
    let stand_in = StandIn::start().await.unwrap();
    let basic = format!(
        "Basic {}",
        base64(format!("{}:{}", stand_in.client_id(), stand_in.client_secret()).as_bytes())
    );
    for authorization in [basic.as_str(), "Bearer not-a-token", "junk"] {
        let code = stand_in.issue_authorization_code();
        // The body decides, with the right secret and with a wrong one.
        for (secret, status) in [(stand_in.client_secret(), 200), ("not the secret", 401)] {
            let body = token_body(&stand_in, &code, secret);
            let headers = [VERSION, ("Authorization", authorization)];
            let reply = send(&stand_in, "POST", "/auth/token", &headers, Some(&body)).await;
            assert_eq!(reply.status, status, "{authorization}");
        }
    }
}

#[tokio::test(flavor = "current_thread")]
async fn malformed_json_is_400_with_serde_message() {
    let stand_in = StandIn::start().await.unwrap();
    let reply = send(
        &stand_in,
        "POST",
        "/auth/token",
        &[VERSION],
        Some("{\"code\": "),
    )
    .await;
    assert_eq!(reply.status, 400);
    let body = reply.json();
    assert_eq!(body["finch_code"], "malformed_request");
    assert!(
        body["message"].as_str().unwrap().contains("line 1"),
        "{body}"
    );
}

#[tokio::test(flavor = "current_thread")]
async fn directory_paging_walks_everyone_once() {
    let stand_in = StandIn::builder().employees(250).start().await.unwrap();
    let token = stand_in.issue_access_token();
    let entity = stand_in.entity_id();
    let mut seen = HashSet::new();
    let mut offset = 0;
    loop {
        let target =
            format!("/employer/directory?entity_ids%5B%5D={entity}&limit=100&offset={offset}");
        let page = api(&stand_in, &token, "GET", &target, None).await.json();
        assert_eq!(page["paging"]["count"], 250);
        assert_eq!(page["paging"]["offset"], offset);
        let individuals = page["individuals"].as_array().unwrap();
        for person in individuals {
            assert!(seen.insert(person["id"].as_str().unwrap().to_owned()));
            for field in [
                "first_name",
                "middle_name",
                "last_name",
                "manager",
                "department",
                "is_active",
            ] {
                assert!(person.get(field).is_some(), "{field}");
            }
        }
        if offset == 200 {
            assert_eq!(individuals.len(), 50, "last page");
        }
        offset += individuals.len();
        if offset >= 250 {
            break;
        }
    }
    assert_eq!(seen.len(), 250);

    let past_the_end = api(
        &stand_in,
        &token,
        "GET",
        "/employer/directory?offset=250",
        None,
    )
    .await
    .json();
    assert_eq!(past_the_end["individuals"], json!([]));
    let default = api(&stand_in, &token, "GET", "/employer/directory", None)
        .await
        .json();
    assert_eq!(default["individuals"].as_array().unwrap().len(), 100);

    let too_big = api(
        &stand_in,
        &token,
        "GET",
        "/employer/directory?limit=10001",
        None,
    )
    .await;
    assert_eq!(too_big.status, 422);
    let body = too_big.json();
    assert_eq!(body["name"], "unprocessable_entity_error");
    assert_eq!(body["finch_code"], "page_size_limit_exceeded");

    let wrong_entity = api(
        &stand_in,
        &token,
        "GET",
        "/employer/directory?entity_ids=6ba7b810-9dad-11d1-80b4-00c04fd430c8",
        None,
    )
    .await;
    assert_eq!(wrong_entity.status, 404);
    assert_eq!(wrong_entity.json()["finch_code"], "entity_not_found");
    // The first company's entity is the spec's example id: requests copied from it reach it.
    let example_entity = api(
        &stand_in,
        &token,
        "GET",
        "/employer/directory?entity_ids=550e8400-e29b-41d4-a716-446655440000",
        None,
    )
    .await;
    assert_eq!(example_entity.status, 200);
}

#[tokio::test(flavor = "current_thread")]
async fn individual_batch_with_an_unknown_id() {
    let stand_in = StandIn::start().await.unwrap();
    let token = stand_in.issue_access_token();
    let page = api(
        &stand_in,
        &token,
        "GET",
        "/employer/directory?limit=2",
        None,
    )
    .await
    .json();
    let first = page["individuals"][0]["id"].as_str().unwrap();
    let unknown = "8b3f8edc-735d-4382-84d6-104eac2013b5";
    let body = json!({"requests": [{"individual_id": first}, {"individual_id": unknown}], "options": {"include": ["ssn"]}});
    let reply = api(
        &stand_in,
        &token,
        "POST",
        "/employer/individual",
        Some(&body.to_string()),
    )
    .await;
    assert_eq!(reply.status, 200);
    let responses = reply.json()["responses"].clone();
    assert_eq!(responses[0]["code"], 200);
    assert_eq!(responses[0]["body"]["id"], first);
    assert_eq!(
        responses[0]["body"]["first_name"],
        page["individuals"][0]["first_name"]
    );
    assert!(responses[0]["body"]["ssn"].is_string());
    assert_eq!(responses[1]["individual_id"], unknown);
    assert_eq!(responses[1]["code"], 404);
    assert_eq!(responses[1]["body"]["finch_code"], "individual_not_found");
    assert_eq!(responses[1]["body"]["name"], "not_found_error");

    let too_many: Vec<Value> = (0..10_001)
        .map(|_| json!({"individual_id": first}))
        .collect();
    let reply = api(
        &stand_in,
        &token,
        "POST",
        "/employer/individual",
        Some(&json!({"requests": too_many}).to_string()),
    )
    .await;
    assert_eq!(reply.status, 422);
    assert_eq!(reply.json()["finch_code"], "batch_limit_exceeded");
}

#[tokio::test(flavor = "current_thread")]
async fn benefits_lookup_and_encoded_path() {
    let stand_in = StandIn::start().await.unwrap();
    let token = stand_in.issue_access_token();
    let benefit_id = &stand_in.benefit_ids()[0];
    let reply = api(
        &stand_in,
        &token,
        "GET",
        &format!("/employer/benefits/{benefit_id}"),
        None,
    )
    .await;
    assert_eq!(reply.status, 200);
    let benefit = reply.json();
    assert_eq!(benefit["benefit_id"], benefit_id.as_str());
    assert_eq!(benefit["type"], "401k");

    let reply = api(&stand_in, &token, "GET", "/employer/benefits/..%2Fx", None).await;
    assert_eq!(reply.status, 404);
    let body = reply.json();
    assert_eq!(
        body,
        json!({"code": 404, "name": "not_found_error", "finch_code": "benefit_not_found", "message": "Benefit not found"})
    );

    let listed = api(&stand_in, &token, "GET", "/employer/benefits", None)
        .await
        .json();
    assert_eq!(
        listed.as_array().unwrap().len(),
        stand_in.benefit_ids().len()
    );
}

#[tokio::test(flavor = "current_thread")]
async fn delete_with_a_body_unenrolls() {
    let stand_in = StandIn::start().await.unwrap();
    let token = stand_in.issue_access_token();
    let benefit_id = stand_in.benefit_ids()[0].clone();
    let before = stand_in.enrolled_individuals(&benefit_id).unwrap();
    let leaving = &before[..3];
    let body = json!({ "individual_ids": leaving }).to_string();
    let target = format!("/employer/benefits/{benefit_id}/individuals");
    let reply = api(&stand_in, &token, "DELETE", &target, Some(&body)).await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.json()["job_id"].as_str().unwrap().len(), 36);

    let after = stand_in.enrolled_individuals(&benefit_id).unwrap();
    assert_eq!(after.len(), before.len() - 3);
    assert!(leaving.iter().all(|id| !after.contains(id)));
    let enrolled = api(
        &stand_in,
        &token,
        "GET",
        &format!("/employer/benefits/{benefit_id}/enrolled"),
        None,
    )
    .await
    .json();
    assert_eq!(
        enrolled["individual_ids"].as_array().unwrap().len(),
        after.len()
    );

    let recorded = stand_in
        .requests()
        .into_iter()
        .find(|r| r.method == http::Method::DELETE)
        .unwrap();
    assert_eq!(recorded.json(), Some(json!({ "individual_ids": leaving })));

    let wrong_method = api(&stand_in, &token, "PUT", &target, Some(&body)).await;
    assert_eq!(wrong_method.status, 405);
    assert_eq!(wrong_method.header("allow"), Some("GET, POST, DELETE"));
}

#[tokio::test(flavor = "current_thread")]
async fn sandbox_people_are_listed_and_readable() {
    let stand_in = StandIn::builder().employees(10).start().await.unwrap();
    let token = stand_in.issue_access_token();
    let body = json!([
        {"first_name": "Ada", "last_name": "Lovelace", "is_active": true, "department": {"name": "Engineering"},
         "emails": [{"data": "ada@example.com", "type": "work"}], "dob": "1990-12-10", "title": "Engineer"},
        {"first_name": "Grace"}
    ]);
    let reply = api(
        &stand_in,
        &token,
        "POST",
        "/sandbox/directory",
        Some(&body.to_string()),
    )
    .await;
    assert_eq!(reply.status, 200);
    let created = reply.json();
    let ada = created[0]["id"].as_str().unwrap().to_owned();
    assert_eq!(created[0]["title"], "Engineer");
    assert_eq!(created[1]["first_name"], "Grace");
    assert_eq!(stand_in.employee_count(), 12);

    let page = api(
        &stand_in,
        &token,
        "GET",
        "/employer/directory?offset=10",
        None,
    )
    .await
    .json();
    assert_eq!(page["paging"]["count"], 12);
    assert_eq!(page["individuals"][0]["id"], ada.as_str());
    assert_eq!(
        page["individuals"][0]["department"],
        json!({"name": "Engineering"})
    );

    let request = json!({"requests": [{"individual_id": ada}]}).to_string();
    let individual = api(
        &stand_in,
        &token,
        "POST",
        "/employer/individual",
        Some(&request),
    )
    .await
    .json();
    let body = &individual["responses"][0]["body"];
    assert_eq!(body["first_name"], "Ada");
    assert_eq!(body["dob"], "1990-12-10");
    assert_eq!(body["gender"], Value::Null);

    let bad = api(
        &stand_in,
        &token,
        "POST",
        "/sandbox/directory",
        Some(r#"[{"gender": "Female"}]"#),
    )
    .await;
    assert_eq!(bad.status, 400);
    assert!(
        bad.json()["message"]
            .as_str()
            .unwrap()
            .contains("[body:0.gender]")
    );
}

/// Over HTTP, the sandbox writes refuse what the spec does not allow: a `format: date` that is
/// no day of the calendar, and `null` for a payment's dates; the same requests, valid, succeed.
#[tokio::test(flavor = "current_thread")]
async fn sandbox_writes_refuse_impossible_dates_and_null_payment_dates() {
    let stand_in = StandIn::builder().employees(5).start().await.unwrap();
    let token = stand_in.issue_access_token();
    let person = |date: &str| {
        json!([{"first_name": "Ada", "income": {"unit": "yearly", "amount": 100, "currency": "usd", "effective_date": date}}])
            .to_string()
    };
    for impossible in ["2025-02-29", "2025-13-01", "2025-04-31"] {
        let reply = api(
            &stand_in,
            &token,
            "POST",
            "/sandbox/directory",
            Some(&person(impossible)),
        )
        .await;
        assert_eq!(reply.status, 400, "{impossible}");
        let message = reply.json()["message"].as_str().unwrap().to_owned();
        assert!(
            message.starts_with("[body:0.income.effective_date]"),
            "{message}"
        );
    }
    let leap_day = api(
        &stand_in,
        &token,
        "POST",
        "/sandbox/directory",
        Some(&person("2024-02-29")),
    )
    .await;
    assert_eq!(leap_day.status, 200);

    for null_date in [r#"{"start_date": null}"#, r#"{"end_date": null}"#] {
        let reply = api(
            &stand_in,
            &token,
            "POST",
            "/sandbox/payment",
            Some(null_date),
        )
        .await;
        assert_eq!(reply.status, 400, "{null_date}");
        assert!(
            reply.json()["message"].as_str().unwrap().contains("null"),
            "{null_date}"
        );
    }
    let dated = r#"{"start_date": "2025-12-01", "end_date": "2025-12-14"}"#;
    let reply = api(&stand_in, &token, "POST", "/sandbox/payment", Some(dated)).await;
    assert_eq!(reply.status, 200);
}

#[tokio::test(flavor = "current_thread")]
async fn connect_session_needs_the_right_basic_credentials() {
    let stand_in = StandIn::builder()
        .client_id("cid")
        .client_secret("s3cret")
        .start()
        .await
        .unwrap();
    let body = json!({"customer_id": "cust-1", "customer_name": "Acme", "products": ["company", "directory"]}).to_string();
    let right = format!("Basic {}", base64(b"cid:s3cret"));
    let reply = send(
        &stand_in,
        "POST",
        "/connect/sessions",
        &[VERSION, ("Authorization", &right)],
        Some(&body),
    )
    .await;
    assert_eq!(reply.status, 201);
    let session = reply.json();
    let session_id = session["session_id"].as_str().unwrap();
    assert_eq!(
        session["connect_url"],
        format!("https://connect.tryfinch.com/authorize?session={session_id}")
    );

    let wrong = format!("Basic {}", base64(b"cid:guess"));
    let reply = send(
        &stand_in,
        "POST",
        "/connect/sessions",
        &[VERSION, ("Authorization", &wrong)],
        Some(&body),
    )
    .await;
    assert_eq!(reply.status, 401);
    assert_eq!(reply.json()["finch_code"], "invalid_client");

    let bearer = format!("Bearer {}", stand_in.issue_access_token());
    let reply = send(
        &stand_in,
        "POST",
        "/connect/sessions",
        &[VERSION, ("Authorization", &bearer)],
        Some(&body),
    )
    .await;
    assert_eq!(reply.status, 401);

    let missing = json!({"customer_name": "Acme", "products": []}).to_string();
    let reply = send(
        &stand_in,
        "POST",
        "/connect/sessions",
        &[VERSION, ("Authorization", &right)],
        Some(&missing),
    )
    .await;
    assert_eq!(reply.status, 400);
    assert!(
        reply.json()["message"]
            .as_str()
            .unwrap()
            .contains("customer_id")
    );
}

#[tokio::test(flavor = "current_thread")]
async fn ten_thousand_employees_in_one_page() {
    let stand_in = StandIn::builder().employees(10_000).start().await.unwrap();
    let token = stand_in.issue_access_token();
    let page = api(
        &stand_in,
        &token,
        "GET",
        "/employer/directory?limit=10000",
        None,
    )
    .await
    .json();
    assert_eq!(page["paging"]["count"], 10_000);
    assert_eq!(page["individuals"].as_array().unwrap().len(), 10_000);
}

#[tokio::test(flavor = "current_thread")]
async fn keep_alive_serves_several_requests_on_one_connection() {
    let stand_in = StandIn::start().await.unwrap();
    let token = stand_in.issue_access_token();
    let address = stand_in.base_url().trim_start_matches("http://").to_owned();
    let mut stream = TcpStream::connect(&address).await.unwrap();
    let one = format!(
        "GET /employer/company HTTP/1.1\r\nHost: {address}\r\nFinch-API-Version: 2020-09-17\r\nAuthorization: Bearer {token}\r\n\r\n"
    );
    let last = one.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n");
    stream
        .write_all(format!("{one}{last}").as_bytes())
        .await
        .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.unwrap();
    let text = String::from_utf8_lossy(&raw);
    assert_eq!(text.matches("HTTP/1.1 200 OK").count(), 2, "{text}");
    assert_eq!(stand_in.connections_accepted(), 1);
    drop(TcpStream::connect(&address).await.unwrap());
    // The accept happens on the server's task: wait until it has counted.
    while stand_in.connections_accepted() < 2 {
        tokio::task::yield_now().await;
    }
    assert_eq!(stand_in.connections_accepted(), 2);
}

#[tokio::test(flavor = "current_thread")]
async fn shutdown_stops_the_server() {
    let stand_in = StandIn::start().await.unwrap();
    let address = stand_in.base_url().trim_start_matches("http://").to_owned();
    assert!(TcpStream::connect(&address).await.is_ok());
    stand_in.shutdown().await;
    assert!(TcpStream::connect(&address).await.is_err());
}

#[tokio::test(flavor = "current_thread")]
async fn shutdown_closes_idle_connections_instead_of_waiting_for_them() {
    let stand_in = StandIn::start().await.unwrap();
    let token = stand_in.issue_access_token();
    let address = stand_in.base_url().trim_start_matches("http://").to_owned();
    // One connection that never sends anything, one kept alive after a complete exchange.
    let mut silent = TcpStream::connect(&address).await.unwrap();
    let mut kept_alive = TcpStream::connect(&address).await.unwrap();
    let request = format!(
        "GET /employer/company HTTP/1.1\r\nHost: {address}\r\nFinch-API-Version: 2020-09-17\r\nAuthorization: Bearer {token}\r\n\r\n"
    );
    kept_alive.write_all(request.as_bytes()).await.unwrap();
    let mut first_bytes = [0_u8; 12];
    kept_alive.read_exact(&mut first_bytes).await.unwrap();
    assert_eq!(&first_bytes, b"HTTP/1.1 200");
    tokio::task::yield_now().await;

    stand_in.shutdown().await;
    let mut rest = Vec::new();
    assert_eq!(silent.read_to_end(&mut rest).await.unwrap(), 0);
    let _ = kept_alive.read_to_end(&mut rest).await;
}

#[tokio::test(flavor = "current_thread")]
async fn same_seed_same_data_over_http() {
    let a = StandIn::builder().seed(11).start().await.unwrap();
    let b = StandIn::builder().seed(11).start().await.unwrap();
    let (ta, tb) = (a.issue_access_token(), b.issue_access_token());
    assert_eq!(ta, tb, "tokens follow the seed too");
    let pa = api(&a, &ta, "GET", "/employer/directory?limit=5", None)
        .await
        .json();
    let pb = api(&b, &tb, "GET", "/employer/directory?limit=5", None)
        .await
        .json();
    assert_eq!(pa, pb);
}

#[test]
fn starting_outside_a_runtime_is_an_error_not_a_panic() {
    let error = block_on_without_runtime(StandIn::start()).unwrap_err();
    assert!(error.to_string().contains("Tokio runtime"), "{error}");
}

/// Polls a future to completion without a Tokio runtime (none is current on this thread).
fn block_on_without_runtime<F: std::future::Future>(future: F) -> F::Output {
    use std::task::{Context, Poll, Waker};
    let mut future = std::pin::pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
    }
}

#[test]
fn handles_and_futures_are_send_and_sync() {
    fn send_sync<T: Send + Sync>(_: &T) {}
    fn send<T: Send>(_: &T) {}
    send(&StandIn::start());
    send(&StandIn::builder().start());
    let builder = StandIn::builder();
    send_sync(&builder);
    fn stand_in_is_send_sync(stand_in: &StandIn) {
        send_sync(stand_in);
        send(&stand_in.requests());
    }
    let _ = stand_in_is_send_sync;
}
