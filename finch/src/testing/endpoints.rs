//! What each endpoint does once routing, the version header and authentication have passed.

use http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::ids::Uuid;
use super::json::parse_body;
use super::reply::Reply;
use super::sandbox;
use super::state::{Config, Redemption, State};
use super::wire;

/// Most items `POST /employer/individual` accepts, and the largest directory page.
pub(crate) const MAX_BATCH: usize = 10_000;
const DEFAULT_PAGE_SIZE: usize = 100;

/// The products every token is issued for.
pub(crate) const PRODUCTS: &[&str] = &[
    "company",
    "directory",
    "individual",
    "employment",
    "payment",
    "pay_statement",
    "benefits",
];

// ---------------------------------------------------------------------------------------------
// POST /auth/token

#[derive(Debug, Deserialize)]
struct TokenRequest {
    client_id: Option<String>,
    client_secret: Option<String>,
    code: Option<String>,
    #[allow(dead_code)] // Accepted; codes issued by the stand-in are not bound to a redirect URI.
    redirect_uri: Option<String>,
}

/// `CreateAccessTokenResponse`, every field present.
#[derive(Debug, Serialize)]
struct TokenResponse<'a> {
    access_token: String,
    token_type: &'a str,
    connection_id: Uuid,
    customer_id: Option<&'a str>,
    customer_name: Option<&'a str>,
    account_id: Uuid,
    company_id: Uuid,
    client_type: &'a str,
    connection_type: &'a str,
    products: &'a [&'a str],
    provider_id: &'a str,
    entity_ids: [Uuid; 1],
}

pub(crate) fn create_access_token(config: &Config, state: &mut State, body: &[u8]) -> Reply {
    let request: TokenRequest = match parse_body(body) {
        Ok(request) => request,
        Err(reply) => return reply,
    };
    let (Some(client_id), Some(client_secret)) = (&request.client_id, &request.client_secret)
    else {
        return Reply::bad_request(
            "`client_id` and `client_secret` are required in the JSON body of POST /auth/token",
        );
    };
    let Some(code) = request.code.as_deref().filter(|code| !code.is_empty()) else {
        return Reply::bad_request("`code` is required in the JSON body of POST /auth/token");
    };
    if *client_id != config.client_id || *client_secret != config.client_secret {
        return Reply::unauthorized(
            "invalid_client",
            "Invalid client: Unable to validate credentials",
        );
    }
    match state.redeem_code(code) {
        Redemption::Accepted => {}
        Redemption::AlreadyUsed => {
            return Reply::error(
                StatusCode::BAD_REQUEST,
                "bad_request",
                "invalid_grant",
                "this authorization code was already exchanged for an access token; codes are single use",
            );
        }
        Redemption::Unknown => {
            return Reply::error(
                StatusCode::BAD_REQUEST,
                "bad_request",
                "invalid_grant",
                "unknown authorization code: it was not issued by this stand-in (use StandIn::issue_authorization_code)",
            );
        }
    }
    let access_token = state.issue_token();
    let company = &state.company;
    Reply::json(
        StatusCode::OK,
        &TokenResponse {
            access_token,
            token_type: "bearer",
            connection_id: company.connection_id,
            customer_id: None,
            customer_name: None,
            account_id: company.account_id,
            company_id: company.id,
            client_type: "sandbox",
            connection_type: "provider",
            products: PRODUCTS,
            provider_id: "gusto",
            entity_ids: [company.entity_id],
        },
    )
}

// ---------------------------------------------------------------------------------------------
// POST /connect/sessions

const CONNECT_PRODUCTS: &[&str] = &[
    "benefits",
    "company",
    "deduction",
    "directory",
    "documents",
    "employment",
    "individual",
    "payment",
    "pay_statement",
    "plans",
    "plans_dependents",
    "plans_enrollments",
    "recordkeeping",
    "ssn",
];

#[derive(Debug, Deserialize)]
struct SessionRequest {
    customer_id: String,
    customer_name: String,
    products: Vec<String>,
    #[serde(default)]
    minutes_to_expire: Option<f64>,
    #[serde(default)]
    sandbox: Option<String>,
    // Checked for shape only (`provider` is required when `integration` is given).
    #[serde(default)]
    #[allow(dead_code)]
    integration: Option<Integration>,
}

#[derive(Debug, Deserialize)]
struct Integration {
    #[allow(dead_code)]
    provider: String,
}

#[derive(Debug, Serialize)]
struct SessionResponse {
    session_id: Uuid,
    connect_url: String,
}

pub(crate) fn create_connect_session(state: &mut State, body: &[u8]) -> Reply {
    let request: SessionRequest = match parse_body(body) {
        Ok(request) => request,
        Err(reply) => return reply,
    };
    let invalid = |message: String| {
        Reply::error_with_context(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "invalid_request",
            &message,
            Some(serde_json::json!({ "customer_id": request.customer_id })),
        )
    };
    for (name, value) in [
        ("customer_id", &request.customer_id),
        ("customer_name", &request.customer_name),
    ] {
        if value.is_empty() || value.chars().count() > 255 {
            return invalid(format!("`{name}` must be between 1 and 255 characters"));
        }
    }
    if let Some(unknown) = request
        .products
        .iter()
        .find(|product| !CONNECT_PRODUCTS.contains(&product.as_str()))
    {
        return invalid(format!(
            "unknown product `{unknown}`; expected one of {}",
            CONNECT_PRODUCTS.join(", ")
        ));
    }
    if let Some(minutes) = request.minutes_to_expire
        && !(1.0..=129_600.0).contains(&minutes)
    {
        return invalid(format!(
            "`minutes_to_expire` must be between 1 and 129600, got {minutes}"
        ));
    }
    if let Some(sandbox) = request.sandbox.as_deref()
        && !matches!(sandbox, "finch" | "provider")
    {
        return invalid(format!(
            "`sandbox` must be `finch`, `provider` or null, got `{sandbox}`"
        ));
    }
    let session_id = state.new_id();
    Reply::json(
        StatusCode::CREATED,
        &SessionResponse {
            session_id,
            connect_url: format!("https://connect.tryfinch.com/authorize?session={session_id}"),
        },
    )
}

// ---------------------------------------------------------------------------------------------
// GET /employer/company, GET /employer/directory, POST /employer/individual

pub(crate) fn company(state: &State) -> Reply {
    Reply::json(StatusCode::OK, &wire::company(&state.company))
}

pub(crate) fn directory(state: &State, query: &[(String, String)]) -> Reply {
    let limit = match number(query, "limit") {
        Ok(None) => DEFAULT_PAGE_SIZE,
        Ok(Some(limit)) if limit > MAX_BATCH => {
            return Reply::unprocessable(
                "page_size_limit_exceeded",
                "Page size exceeds the maximum of 10000 items. Please reduce the limit parameter.",
            );
        }
        Ok(Some(0)) => return Reply::invalid("`limit` must be at least 1"),
        Ok(Some(limit)) => limit,
        Err(reply) => return reply,
    };
    let offset = match number(query, "offset") {
        Ok(offset) => offset.unwrap_or(0),
        Err(reply) => return reply,
    };
    let company = &state.company;
    let individuals = company
        .people
        .iter()
        .skip(offset)
        .take(limit)
        .map(|person| wire::directory_entry(company, person))
        .collect();
    let page = wire::DirectoryPage {
        paging: wire::Paging {
            count: company.people.len(),
            offset,
        },
        individuals,
    };
    Reply::json(StatusCode::OK, &page)
}

/// A non-negative integer query parameter (the first one, if repeated). Digits too large for
/// `usize` read as `usize::MAX`.
fn number(query: &[(String, String)], name: &str) -> Result<Option<usize>, Reply> {
    let Some((_, text)) = query.iter().find(|(key, _)| key == name) else {
        return Ok(None);
    };
    if !text.is_empty() && text.bytes().all(|byte| byte.is_ascii_digit()) {
        return Ok(Some(text.parse().unwrap_or(usize::MAX)));
    }
    Err(Reply::invalid(&format!(
        "`{name}` must be a non-negative integer, got `{text}`"
    )))
}

#[derive(Debug, Deserialize)]
struct IndividualRequest {
    requests: Vec<IndividualRef>,
    #[serde(default)]
    options: Option<IndividualOptions>,
}

#[derive(Debug, Deserialize)]
struct IndividualRef {
    individual_id: String,
}

#[derive(Debug, Deserialize)]
struct IndividualOptions {
    #[serde(default)]
    include: Option<Vec<String>>,
}

#[derive(Debug, Serialize)]
struct IndividualResponse<'a> {
    responses: Vec<wire::IndividualItem<'a>>,
}

pub(crate) fn individuals(state: &State, body: &[u8]) -> Reply {
    let request: IndividualRequest = match parse_body(body) {
        Ok(request) => request,
        Err(reply) => return reply,
    };
    if request.requests.len() > MAX_BATCH {
        return Reply::unprocessable(
            "batch_limit_exceeded",
            "Batch size exceeds the maximum of 10000 items. Please reduce the number of items in your request.",
        );
    }
    let include_ssn = request
        .options
        .and_then(|options| options.include)
        .is_some_and(|include| include.iter().any(|item| item == "ssn"));
    let responses = request
        .requests
        .iter()
        .map(|item| wire::individual_item(&state.company, &item.individual_id, include_ssn))
        .collect();
    Reply::json(StatusCode::OK, &IndividualResponse { responses })
}

// ---------------------------------------------------------------------------------------------
// Benefits

fn benefit_not_found() -> Reply {
    Reply::not_found("benefit_not_found", "Benefit not found")
}

pub(crate) fn list_benefits(state: &State) -> Reply {
    let benefits: Vec<_> = state.company.benefits.iter().map(wire::benefit).collect();
    Reply::json(StatusCode::OK, &benefits)
}

pub(crate) fn get_benefit(state: &State, benefit_id: &str) -> Reply {
    match state.company.benefit(benefit_id) {
        Some(benefit) => Reply::json(StatusCode::OK, &wire::benefit(benefit)),
        None => benefit_not_found(),
    }
}

pub(crate) fn enrolled(state: &State, benefit_id: &str) -> Reply {
    match state.company.benefit(benefit_id) {
        Some(benefit) => Reply::json(StatusCode::OK, &wire::enrolled(benefit)),
        None => benefit_not_found(),
    }
}

#[derive(Debug, Deserialize)]
struct UnenrollRequest {
    individual_ids: Option<Vec<String>>,
}

#[derive(Debug, Serialize)]
struct JobResponse {
    job_id: Uuid,
}

pub(crate) fn unenroll(state: &mut State, benefit_id: &str, body: &[u8]) -> Reply {
    if state.company.benefit(benefit_id).is_none() {
        return benefit_not_found();
    }
    let request: UnenrollRequest = match parse_body(body) {
        Ok(request) => request,
        Err(reply) => return reply,
    };
    let Some(individual_ids) = request.individual_ids else {
        return Reply::invalid(
            "`individual_ids` is required: the JSON body must be {\"individual_ids\": [...]}",
        );
    };
    let job_id = state.new_id();
    if let Some(benefit) = state.company.benefit_mut(benefit_id) {
        benefit.unenroll(&individual_ids);
    }
    Reply::json(StatusCode::OK, &JobResponse { job_id })
}

// ---------------------------------------------------------------------------------------------
// POST /sandbox/directory

pub(crate) fn sandbox_directory(state: &mut State, body: &[u8]) -> Reply {
    let value: Value = match parse_body(body) {
        Ok(value) => value,
        Err(reply) => return reply,
    };
    let people = match sandbox::check_body(value) {
        Ok(people) => people,
        Err(message) => return Reply::invalid(&message),
    };
    let mut created = Vec::with_capacity(people.len());
    for mut fields in people {
        fields.remove("id");
        let id = state.new_id();
        let mut echoed = Map::with_capacity(fields.len() + 1);
        echoed.insert("id".to_owned(), Value::String(id.to_string()));
        echoed.extend(
            fields
                .iter()
                .map(|(key, value)| (key.clone(), value.clone())),
        );
        created.push(Value::Object(echoed));
        state.company.add_sandbox_person(id, fields);
    }
    Reply::json(StatusCode::OK, &created)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::fixture::Company;
    use crate::testing::state::Shared;
    use serde_json::json;

    fn shared(employees: usize) -> Shared {
        let config = Config {
            client_id: "id".to_owned(),
            client_secret: "secret".to_owned(),
        };
        Shared::new(config, Company::generate(employees, 5), 5)
    }

    fn body(reply: &Reply) -> Value {
        serde_json::from_slice(&reply.body).unwrap()
    }

    fn query(text: &str) -> Vec<(String, String)> {
        crate::testing::url::query_pairs(text)
    }

    #[test]
    fn token_exchange_checks_fields_client_and_code() {
        let shared = shared(3);
        let mut state = shared.lock();
        let code = state.issue_code();
        let config = shared.config.clone();
        let request = |code: &str, secret: &str| {
            json!({"client_id": "id", "client_secret": secret, "code": code}).to_string()
        };

        let reply = create_access_token(&config, &mut state, request(&code, "wrong").as_bytes());
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
        assert_eq!(body(&reply)["finch_code"], "invalid_client");

        let reply = create_access_token(&config, &mut state, request(&code, "secret").as_bytes());
        assert_eq!(reply.status, StatusCode::OK);
        let token = body(&reply);
        assert!(state.token_is_valid(token["access_token"].as_str().unwrap()));
        assert_eq!(token["entity_ids"][0], state.company.entity_id.to_string());
        assert_eq!(token["customer_id"], Value::Null);

        let reply = create_access_token(&config, &mut state, request(&code, "secret").as_bytes());
        assert_eq!(reply.status, StatusCode::BAD_REQUEST);
        assert_eq!(body(&reply)["finch_code"], "invalid_grant");
        assert!(
            body(&reply)["message"]
                .as_str()
                .unwrap()
                .contains("already")
        );

        let reply = create_access_token(
            &config,
            &mut state,
            br#"{"client_id":"id","client_secret":"secret"}"#,
        );
        assert!(body(&reply)["message"].as_str().unwrap().contains("`code`"));
        let reply = create_access_token(&config, &mut state, br#"{"code":"x"}"#);
        assert!(
            body(&reply)["message"]
                .as_str()
                .unwrap()
                .contains("`client_id`")
        );
    }

    #[test]
    fn directory_paging() {
        let shared = shared(250);
        let state = shared.lock();
        let reply = directory(&state, &query(""));
        let page = body(&reply);
        assert_eq!(page["paging"], json!({"count": 250, "offset": 0}));
        assert_eq!(page["individuals"].as_array().unwrap().len(), 100);

        let page = body(&directory(&state, &query("offset=200&limit=100")));
        assert_eq!(page["individuals"].as_array().unwrap().len(), 50);
        let page = body(&directory(&state, &query("offset=1000")));
        assert_eq!(page["individuals"].as_array().unwrap().len(), 0);
        assert_eq!(page["paging"]["offset"], 1000);

        let reply = directory(&state, &query("limit=10001"));
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body(&reply)["finch_code"], "page_size_limit_exceeded");
        let reply = directory(&state, &query("limit=99999999999999999999999"));
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        for bad in ["limit=-1", "limit=abc", "offset=1.5", "limit=", "limit=0"] {
            assert_eq!(
                directory(&state, &query(bad)).status,
                StatusCode::BAD_REQUEST,
                "{bad}"
            );
        }
    }

    #[test]
    fn individual_batch_limits_and_shapes() {
        let shared = shared(10);
        let state = shared.lock();
        let too_many: Vec<Value> = (0..=MAX_BATCH)
            .map(|_| json!({"individual_id": "x"}))
            .collect();
        let reply = individuals(
            &state,
            json!({ "requests": too_many }).to_string().as_bytes(),
        );
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body(&reply)["finch_code"], "batch_limit_exceeded");

        let reply = individuals(&state, br#"{"options": null}"#);
        assert_eq!(reply.status, StatusCode::BAD_REQUEST);
        assert!(
            body(&reply)["message"]
                .as_str()
                .unwrap()
                .contains("requests")
        );

        let id = state.company.people[0].id.to_string();
        let request = json!({"requests": [{"individual_id": id}], "options": {"include": ["ssn"]}});
        let reply = individuals(&state, request.to_string().as_bytes());
        assert_eq!(reply.status, StatusCode::OK);
        assert!(body(&reply)["responses"][0]["body"]["ssn"].is_string());
    }

    #[test]
    fn connect_session_validation() {
        let shared = shared(1);
        let mut state = shared.lock();
        let ok = json!({"customer_id": "c1", "customer_name": "Acme", "products": ["directory"]});
        let reply = create_connect_session(&mut state, ok.to_string().as_bytes());
        assert_eq!(reply.status, StatusCode::CREATED);
        let created = body(&reply);
        let session = created["session_id"].as_str().unwrap();
        assert_eq!(
            created["connect_url"],
            format!("https://connect.tryfinch.com/authorize?session={session}")
        );

        for (bad, needle) in [
            (
                json!({"customer_name": "Acme", "products": []}),
                "customer_id",
            ),
            (
                json!({"customer_id": "", "customer_name": "Acme", "products": []}),
                "customer_id",
            ),
            (
                json!({"customer_id": "c", "customer_name": "Acme", "products": ["nope"]}),
                "nope",
            ),
            (
                json!({"customer_id": "c", "customer_name": "A", "products": [], "minutes_to_expire": 0}),
                "minutes",
            ),
            (
                json!({"customer_id": "c", "customer_name": "A", "products": [], "sandbox": "x"}),
                "sandbox",
            ),
            (
                json!({"customer_id": "c", "customer_name": "A", "products": [], "integration": {}}),
                "provider",
            ),
        ] {
            let reply = create_connect_session(&mut state, bad.to_string().as_bytes());
            assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{bad}");
            assert!(
                body(&reply)["message"].as_str().unwrap().contains(needle),
                "{bad}: {}",
                body(&reply)
            );
        }
    }

    #[test]
    fn unenroll_changes_the_enrolment() {
        let shared = shared(100);
        let mut state = shared.lock();
        let benefit_id = state.company.benefits[0].id.to_string();
        let first = state.company.benefits[0].enrolled[0].to_string();
        let request = json!({ "individual_ids": [first] });
        let reply = unenroll(&mut state, &benefit_id, request.to_string().as_bytes());
        assert_eq!(reply.status, StatusCode::OK);
        assert!(Uuid::parse(body(&reply)["job_id"].as_str().unwrap()).is_some());
        let listed = body(&enrolled(&state, &benefit_id));
        assert!(
            !listed["individual_ids"]
                .as_array()
                .unwrap()
                .contains(&json!(first))
        );

        assert_eq!(
            unenroll(&mut state, "nope", b"{}").status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            unenroll(&mut state, &benefit_id, b"{}").status,
            StatusCode::BAD_REQUEST
        );
        assert_eq!(
            unenroll(&mut state, &benefit_id, b"").status,
            StatusCode::BAD_REQUEST
        );
    }

    #[test]
    fn sandbox_people_join_the_directory() {
        let shared = shared(2);
        let mut state = shared.lock();
        let reply = sandbox_directory(
            &mut state,
            br#"[{"first_name": "Ada", "id": "ignored"}, {}]"#,
        );
        assert_eq!(reply.status, StatusCode::OK);
        let created = body(&reply);
        let id = created[0]["id"].as_str().unwrap().to_owned();
        assert_ne!(id, "ignored");
        assert_eq!(created[0]["first_name"], "Ada");
        assert_eq!(state.company.people.len(), 4);
        let page = body(&directory(&state, &query("offset=2")));
        assert_eq!(page["individuals"][0]["id"], id);
        assert_eq!(page["paging"]["count"], 4);

        let reply = sandbox_directory(&mut state, br#"{"first_name": "Ada"}"#);
        assert_eq!(reply.status, StatusCode::BAD_REQUEST);
        assert_eq!(state.company.people.len(), 4);
    }
}
