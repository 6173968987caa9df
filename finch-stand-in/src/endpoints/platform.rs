//! The platform endpoints: the token exchange, Connect sessions, introspection, disconnection,
//! providers and request forwarding.

use http::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value, json};

use super::{Call, company, internal, parts};
use crate::catalog::{self, PROVIDERS, ProviderInfo};
use crate::connection::{Connection, PRODUCTS};
use crate::dates;
use crate::ids::Uuid;
use crate::json::{parse_body, parse_body_at};
use crate::reply::Reply;
use crate::state::{Redemption, State};

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
    products: &'a [String],
    provider_id: &'a str,
    entity_ids: [Uuid; 1],
}

pub(crate) fn create_access_token(state: &mut State, call: &Call<'_>) -> Reply {
    let request: TokenRequest = match parse_body(call.body) {
        Ok(request) => request,
        Err(reply) => return reply,
    };
    let (Some(client_id), Some(client_secret)) = (&request.client_id, &request.client_secret)
    else {
        // The spec requires only `code`; without the client's credentials the client is not
        // authenticated (OAuth's `invalid_client`, 401), as with wrong ones.
        return Reply::unauthorized(
            "invalid_client",
            "Invalid client: `client_id` and `client_secret` go in the JSON body of POST /auth/token",
        );
    };
    let Some(code) = request.code.as_deref().filter(|code| !code.is_empty()) else {
        return Reply::bad_request("`code` is required in the JSON body of POST /auth/token");
    };
    if *client_id != call.config.client_id || *client_secret != call.config.client_secret {
        return Reply::unauthorized(
            "invalid_client",
            "Invalid client: Unable to validate credentials",
        );
    }
    let connection = match state.redeem_code(code) {
        Redemption::Accepted(connection) => connection,
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
    };
    let access_token = state.issue_token_for(connection);
    let (Some(connection), Some(company)) = (
        state.connections.get(connection),
        state.company_of(connection),
    ) else {
        return internal("the code's connection is gone");
    };
    Reply::json(
        StatusCode::OK,
        &TokenResponse {
            access_token,
            token_type: "bearer",
            connection_id: connection.id,
            customer_id: None,
            customer_name: None,
            account_id: connection.account_id,
            company_id: company.id,
            client_type: "sandbox",
            connection_type: "provider",
            products: &connection.products,
            provider_id: &connection.provider_id,
            entity_ids: [company.entity_id],
        },
    )
}

// ---------------------------------------------------------------------------------------------
// POST /connect/sessions, POST /connect/sessions/reauthenticate

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

fn check_products<'a>(products: impl IntoIterator<Item = &'a String>) -> Result<(), String> {
    match products
        .into_iter()
        .find(|product| !PRODUCTS.contains(&product.as_str()))
    {
        Some(unknown) => Err(format!(
            "unknown product `{unknown}`; expected one of {}",
            PRODUCTS.join(", ")
        )),
        None => Ok(()),
    }
}

fn check_minutes(minutes: Option<f64>) -> Result<(), String> {
    match minutes {
        Some(minutes) if !(1.0..=129_600.0).contains(&minutes) => Err(format!(
            "`minutes_to_expire` must be between 1 and 129600, got {minutes}"
        )),
        _ => Ok(()),
    }
}

fn session(state: &mut State) -> Reply {
    let session_id = state.new_id();
    Reply::json(
        StatusCode::CREATED,
        &SessionResponse {
            session_id,
            connect_url: format!("https://connect.tryfinch.com/authorize?session={session_id}"),
        },
    )
}

pub(crate) fn create_connect_session(state: &mut State, call: &Call<'_>) -> Reply {
    let request: SessionRequest = match parse_body(call.body) {
        Ok(request) => request,
        Err(reply) => return reply,
    };
    let invalid = |message: String| {
        Reply::error_with_context(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "invalid_request",
            &message,
            Some(json!({ "customer_id": request.customer_id })),
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
    if let Err(message) =
        check_products(&request.products).and_then(|()| check_minutes(request.minutes_to_expire))
    {
        return invalid(message);
    }
    if let Some(sandbox) = request.sandbox.as_deref()
        && !matches!(sandbox, "finch" | "provider")
    {
        return invalid(format!(
            "`sandbox` must be `finch`, `provider` or null, got `{sandbox}`"
        ));
    }
    session(state)
}

#[derive(Debug, Deserialize)]
struct ReauthenticateRequest {
    connection_id: String,
    /// Read so that a value that is not a number is a 400; any number is taken.
    #[serde(default)]
    #[allow(dead_code)]
    minutes_to_expire: Option<f64>,
    #[serde(default)]
    products: Option<Vec<String>>,
    #[serde(default)]
    #[allow(dead_code)] // Accepted as is.
    redirect_uri: Option<String>,
}

pub(crate) fn reauthenticate_connect_session(state: &mut State, call: &Call<'_>) -> Reply {
    let request: ReauthenticateRequest = match parse_body_at(call.body) {
        Ok(request) => request,
        Err(reply) => return reply,
    };
    let invalid = |message: String| {
        Reply::error_with_context(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "invalid_request",
            &message,
            Some(json!({ "connection_id": request.connection_id })),
        )
    };
    let known = Uuid::parse(&request.connection_id).is_some_and(|id| {
        state
            .connections
            .iter()
            .any(|connection| connection.id == id)
    });
    if !known {
        return invalid(format!(
            "connection `{}` was not found for this application",
            request.connection_id
        ));
    }
    // Unlike a new session's, a reauthentication's `minutes_to_expire` has no bounds in the
    // spec, so any number is taken.
    if let Err(message) = check_products(request.products.iter().flatten()) {
        return invalid(message);
    }
    session(state)
}

// ---------------------------------------------------------------------------------------------
// GET /introspect, POST /disconnect, POST /disconnect-entity

/// The status the connection's entity shows.
fn entity_status(connection: &Connection) -> &str {
    if connection.entity_disconnected {
        "disconnected"
    } else {
        &connection.status
    }
}

fn status_message(status: &str) -> Option<&'static str> {
    match status {
        "reauth" => Some("The connection needs to be reauthenticated by the employer."),
        "error_no_account_setup" => {
            Some("The employer has not finished setting up Finch's account.")
        }
        "error_permissions" => Some("Finch's account lacks the permissions it needs."),
        "pending" => Some("The employer has not authorized the connection yet."),
        "processing" => Some("Finch is syncing the connection's data."),
        _ => None,
    }
}

pub(crate) fn introspect(state: &mut State, call: &Call<'_>) -> Reply {
    let (Some(token), Ok(connection_index)) = (call.token, call.connection()) else {
        return internal("introspection without a token");
    };
    let (Some(connection), Ok(company)) = (
        state.connections.get(connection_index),
        company(state, call),
    ) else {
        return internal("the token's connection is gone");
    };
    let last_sync = connection
        .jobs
        .iter()
        .filter(|job| job.kind == "data_sync_all" && job.status == "complete")
        .filter_map(|job| job.completed_at)
        .max();
    let mut status = Map::new();
    status.insert("status".to_owned(), json!(connection.status));
    if let Some(message) = status_message(&connection.status) {
        status.insert("message".to_owned(), json!(message));
    }
    if let Some(last_sync) = last_sync {
        status.insert(
            "last_successful_sync".to_owned(),
            json!(dates::timestamp(last_sync)),
        );
    }
    let legal_name = company
        .replaced
        .as_ref()
        .and_then(|fields| fields.get("legal_name"))
        .and_then(Value::as_str)
        .unwrap_or(company.legal_name);
    Reply::json(
        StatusCode::OK,
        &json!({
            "id": token.id,
            "client_id": call.config.client_id,
            "client_type": "sandbox",
            "connection_id": connection.id,
            "connection_status": status,
            "connection_type": "provider",
            "products": connection.products,
            "provider_id": connection.provider_id,
            "account_id": connection.account_id,
            "company_id": company.id,
            "authentication_methods": [{
                "type": connection.authentication_type,
                "connection_status": { "status": connection.status },
                "products": connection.products,
            }],
            "entities": [{
                "id": company.entity_id,
                "name": legal_name,
                "source_id": null,
                "status": entity_status(connection),
            }],
            "manual": connection.authentication_type == "assisted",
        }),
    )
}

pub(crate) fn disconnect(state: &mut State, call: &Call<'_>) -> Reply {
    match parts(state, call) {
        Ok(parts) => {
            parts.connection.disconnected = true;
            Reply::json(StatusCode::OK, &json!({ "status": "success" }))
        }
        Err(reply) => reply,
    }
}

pub(crate) fn disconnect_entity(state: &mut State, call: &Call<'_>) -> Reply {
    let request: Value = match parse_body(call.body) {
        Ok(value) => value,
        Err(reply) => return reply,
    };
    let ids: Option<Vec<&str>> = request
        .get("entity_ids")
        .and_then(Value::as_array)
        .filter(|ids| !ids.is_empty())
        .and_then(|ids| ids.iter().map(Value::as_str).collect());
    let Some(ids) = ids else {
        return Reply::error_response(
            StatusCode::BAD_REQUEST,
            "BadRequestError",
            "entity_ids must be a non-empty array of UUIDs.",
        );
    };
    let parts = match parts(state, call) {
        Ok(parts) => parts,
        Err(reply) => return reply,
    };
    let entity = parts.company.entity_id;
    let errors: Vec<Value> = ids
        .iter()
        .filter(|id| Uuid::parse(id) != Some(entity) || parts.connection.entity_disconnected)
        .map(|id| json!({ "entityId": id, "error": "NOT_FOUND" }))
        .collect();
    if !errors.is_empty() {
        return Reply::json(StatusCode::BAD_REQUEST, &json!({ "errors": errors }));
    }
    parts.connection.entity_disconnected = true;
    Reply::json(StatusCode::OK, &json!({ "status": "success" }))
}

// ---------------------------------------------------------------------------------------------
// GET /providers

fn supported_fields() -> Value {
    let location = json!({"line1": true, "line2": true, "city": true, "state": true, "postal_code": true, "country": true});
    let contact = json!({"data": true, "type": true});
    json!({
        "company": {
            "id": true, "legal_name": true, "entity": {"type": true, "subtype": true},
            "primary_email": true, "primary_phone_number": true, "ein": true,
            "accounts": {"routing_number": true, "account_name": true, "institution_name": true, "account_type": true, "account_number": true},
            "departments": {"name": true, "parent": {"name": true}},
            "locations": location,
        },
        "directory": {
            "paging": {"count": true, "offset": true},
            "individuals": {"id": true, "first_name": true, "middle_name": true, "last_name": true, "is_active": true, "department": true, "manager": {"id": true}},
        },
        "individual": {
            "id": true, "first_name": true, "middle_name": true, "last_name": true, "preferred_name": true,
            "dob": true, "gender": true, "ethnicity": true, "ssn": true, "encrypted_ssn": false,
            "emails": contact, "phone_numbers": contact, "residence": location,
        },
        "employment": {
            "id": true, "first_name": true, "middle_name": true, "last_name": true, "title": true,
            "start_date": true, "end_date": true, "is_active": true, "employment_status": true,
            "income_history": true, "class_code": true, "custom_fields": true,
            "department": {"name": true}, "employment": {"type": true, "subtype": true},
            "income": {"amount": true, "currency": true, "unit": true},
            "location": location, "manager": {"id": true},
        },
        "payment": {
            "id": true, "pay_date": true, "debit_date": true, "company_debit": true, "gross_pay": true,
            "net_pay": true, "employer_taxes": true, "employee_taxes": true, "individual_ids": true,
            "pay_period": {"start_date": true, "end_date": true}, "pay_group_ids": true, "pay_frequencies": true,
        },
        "pay_statement": {
            "paging": {"count": true, "offset": true},
            "pay_statements": {
                "individual_id": true, "type": true, "payment_method": true, "total_hours": true,
                "gross_pay": true, "net_pay": true,
                "earnings": {"type": true, "name": true, "amount": true, "currency": true},
                "employee_deductions": {"name": true, "amount": true, "type": true, "pre_tax": true, "currency": true},
                "employer_contributions": {"name": true, "amount": true, "currency": true},
                "taxes": {"type": true, "name": true, "employer": true, "amount": true, "currency": true},
            },
        },
        "pay_group": {"id": true, "name": true, "pay_frequencies": true, "individual_ids": true},
    })
}

fn benefits_support() -> Value {
    let operations = json!({
        "company_benefits": {"create": "supported", "read": "supported", "update": "supported", "delete": "not_supported_by_provider"},
        "individual_benefits": {"create": "supported", "read": "supported", "update": "supported", "delete": "supported"},
    });
    let mut support = Map::new();
    for benefit in catalog::SUPPORTED_BENEFITS {
        let mut features = json!({
            "description": benefit.description,
            "frequencies": benefit.frequencies,
            "employee_deduction": benefit.employee_deduction,
            "company_contribution": benefit.company_contribution,
            "annual_maximum": benefit.annual_maximum,
            "catch_up": benefit.catch_up,
        });
        if benefit.hsa_limit
            && let Value::Object(features) = &mut features
        {
            features.insert(
                "hsa_contribution_limit".to_owned(),
                json!(["individual", "family"]),
            );
        }
        support.insert(
            benefit.kind.to_owned(),
            json!({ "supported_features": features, "supported_operations": operations }),
        );
    }
    Value::Object(support)
}

fn provider(info: &ProviderInfo) -> Value {
    let methods: Vec<Value> = info
        .methods
        .iter()
        .enumerate()
        .map(|(position, method)| {
            let mut entry = Map::new();
            entry.insert("type".to_owned(), json!(method));
            // The primary method of the providers Finch integrates deeply with lists what it
            // returns.
            if position == 0 && info.benefits {
                entry.insert("supported_fields".to_owned(), supported_fields());
                entry.insert("benefits_support".to_owned(), benefits_support());
            }
            Value::Object(entry)
        })
        .collect();
    json!({
        "id": info.id,
        "display_name": info.display_name,
        "products": info.products,
        "authentication_methods": methods,
        "beta": info.beta,
        "icon": format!("https://assets.finch-stand-in.example/providers/{}/icon.svg", info.id),
        "logo": format!("https://assets.finch-stand-in.example/providers/{}/logo.svg", info.id),
        "mfa_required": info.mfa_required,
        "primary_color": info.primary_color,
    })
}

pub(crate) fn providers() -> Reply {
    let list: Vec<Value> = PROVIDERS.iter().map(provider).collect();
    Reply::json(StatusCode::OK, &list)
}

// ---------------------------------------------------------------------------------------------
// POST /forward

#[derive(Debug, Deserialize)]
struct ForwardRequest {
    method: String,
    route: String,
    #[serde(default)]
    data: Option<String>,
    #[serde(default)]
    params: Option<Map<String, Value>>,
    #[serde(default)]
    request_headers: Option<Map<String, Value>>,
}

pub(crate) fn forward(state: &mut State, call: &Call<'_>) -> Reply {
    let request: ForwardRequest = match parse_body_at(call.body) {
        Ok(request) => request,
        Err(reply) => return reply,
    };
    let method = request.method.to_ascii_uppercase();
    let provider_id = match call
        .connection()
        .ok()
        .and_then(|connection| state.connections.get(connection))
    {
        Some(connection) => connection.provider_id.clone(),
        None => return internal("forwarding without a connection"),
    };
    let request_id = state.new_id();
    // The provider "answers" with what it received, so tests can check what was forwarded.
    let body = request.data.as_deref().map(|data| {
        serde_json::from_str::<Value>(data).unwrap_or_else(|_| Value::String(data.to_owned()))
    });
    let echo = json!({
        "provider_id": provider_id,
        "method": method,
        "route": request.route,
        "params": request.params,
        "headers": request.request_headers,
        "body": body,
    });
    let mut forwarded = Map::new();
    forwarded.insert("method".to_owned(), json!(request.method));
    forwarded.insert("route".to_owned(), json!(request.route));
    if let Some(data) = &request.data {
        forwarded.insert("data".to_owned(), json!(data));
    }
    if let Some(headers) = &request.request_headers {
        forwarded.insert("headers".to_owned(), Value::Object(headers.clone()));
    }
    if let Some(params) = &request.params {
        forwarded.insert("params".to_owned(), Value::Object(params.clone()));
    }
    // The spec takes any method and route, and Finch passes them on: what the provider makes of
    // them is its answer, inside a 200. The stand-in's provider knows the five methods.
    let status = match method.as_str() {
        "POST" => 201,
        "GET" | "PUT" | "PATCH" | "DELETE" => 200,
        _ => 405,
    };
    Reply::json(
        StatusCode::OK,
        &json!({
            "request": forwarded,
            "statusCode": status,
            "data": echo.to_string(),
            "headers": {
                "content-type": "application/json",
                "x-provider-request-id": request_id,
            },
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoints::tests::{body, call, query, shared};

    #[test]
    fn token_exchange_checks_fields_client_and_code() {
        let shared = shared(3);
        let mut state = shared.lock();
        let code = state.issue_code();
        let config = shared.config.clone();
        let request = |code: &str, secret: &str| {
            json!({"client_id": "id", "client_secret": secret, "code": code}).to_string()
        };
        let exchange = |state: &mut State, body: &str| {
            create_access_token(state, &call(&config, &[], body.as_bytes()))
        };

        let reply = exchange(&mut state, &request(&code, "wrong"));
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
        assert_eq!(body(&reply)["finch_code"], "invalid_client");

        let reply = exchange(&mut state, &request(&code, "secret"));
        assert_eq!(reply.status, StatusCode::OK);
        let token = body(&reply);
        assert!(state.token_is_valid(token["access_token"].as_str().unwrap()));
        let entity = state.company().unwrap().entity_id.to_string();
        assert_eq!(token["entity_ids"][0], entity);
        assert_eq!(token["customer_id"], Value::Null);

        let reply = exchange(&mut state, &request(&code, "secret"));
        assert_eq!(reply.status, StatusCode::BAD_REQUEST);
        assert_eq!(body(&reply)["finch_code"], "invalid_grant");
        assert!(
            body(&reply)["message"]
                .as_str()
                .unwrap()
                .contains("already")
        );

        let reply = exchange(&mut state, r#"{"client_id":"id","client_secret":"secret"}"#);
        assert!(body(&reply)["message"].as_str().unwrap().contains("`code`"));
        let reply = exchange(&mut state, r#"{"code":"x"}"#);
        assert!(
            body(&reply)["message"]
                .as_str()
                .unwrap()
                .contains("`client_id`")
        );
    }

    #[test]
    fn connect_session_validation() {
        let shared = shared(1);
        let mut state = shared.lock();
        let config = shared.config.clone();
        let ok = json!({"customer_id": "c1", "customer_name": "Acme", "products": ["directory"]});
        let reply =
            create_connect_session(&mut state, &call(&config, &[], ok.to_string().as_bytes()));
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
            let reply =
                create_connect_session(&mut state, &call(&config, &[], bad.to_string().as_bytes()));
            assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{bad}");
            assert!(
                body(&reply)["message"].as_str().unwrap().contains(needle),
                "{bad}: {}",
                body(&reply)
            );
        }

        let connection_id = state.connections[0].id.to_string();
        let reauth = json!({"connection_id": connection_id, "products": ["payment"]});
        let reply = reauthenticate_connect_session(
            &mut state,
            &call(&config, &[], reauth.to_string().as_bytes()),
        );
        assert_eq!(reply.status, StatusCode::CREATED);
        // A reauthentication's `minutes_to_expire` has no bounds in the spec.
        for minutes in [0, 129_601, i64::from(i32::MAX)] {
            let reauth = json!({"connection_id": connection_id, "minutes_to_expire": minutes});
            let reply = reauthenticate_connect_session(
                &mut state,
                &call(&config, &[], reauth.to_string().as_bytes()),
            );
            assert_eq!(
                reply.status,
                StatusCode::CREATED,
                "{minutes}: {}",
                body(&reply)
            );
        }
        let unknown = json!({"connection_id": "0b5c2f3e-1111-4222-8333-444455556666"});
        let reply = reauthenticate_connect_session(
            &mut state,
            &call(&config, &[], unknown.to_string().as_bytes()),
        );
        assert_eq!(reply.status, StatusCode::BAD_REQUEST);
        assert!(
            body(&reply)["message"]
                .as_str()
                .unwrap()
                .contains("not found")
        );
    }

    #[test]
    fn disconnecting_the_entity_reports_unknown_ids() {
        let shared = shared(2);
        let mut state = shared.lock();
        let config = shared.config.clone();
        let entity = state.company().unwrap().entity_id.to_string();
        let other = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
        let both = json!({ "entity_ids": [entity, other] }).to_string();
        let reply = disconnect_entity(&mut state, &call(&config, &[], both.as_bytes()));
        assert_eq!(reply.status, StatusCode::BAD_REQUEST);
        assert_eq!(
            body(&reply),
            json!({"errors": [{"entityId": other, "error": "NOT_FOUND"}]})
        );
        assert!(!state.connections[0].entity_disconnected);
        let reply = disconnect_entity(&mut state, &call(&config, &[], b"{\"entity_ids\": []}"));
        assert_eq!(body(&reply)["name"], "BadRequestError");
        let one = json!({ "entity_ids": [entity] }).to_string();
        let reply = disconnect_entity(&mut state, &call(&config, &[], one.as_bytes()));
        assert_eq!(reply.status, StatusCode::OK);
        assert!(state.connections[0].entity_disconnected);
    }

    #[test]
    fn forward_echoes_the_request() {
        let shared = shared(2);
        let mut state = shared.lock();
        let config = shared.config.clone();
        let request = json!({"method": "POST", "route": "/v1/people", "data": "{\"a\":1}", "params": {"page": 2}, "request_headers": {"x-y": "z"}});
        let reply = forward(
            &mut state,
            &call(&config, &query(""), request.to_string().as_bytes()),
        );
        assert_eq!(reply.status, StatusCode::OK);
        let answer = body(&reply);
        assert_eq!(answer["statusCode"], 201);
        assert_eq!(answer["request"]["headers"], json!({"x-y": "z"}));
        let echoed: Value = serde_json::from_str(answer["data"].as_str().unwrap()).unwrap();
        assert_eq!(echoed["body"], json!({"a": 1}));
        assert_eq!(echoed["params"], json!({"page": 2}));
        // A method the provider does not know is its answer (405), not Finch's: the spec takes
        // any method and route.
        for (method, route) in [("BREW", "/x"), ("", "")] {
            let odd = json!({"method": method, "route": route}).to_string();
            let reply = forward(&mut state, &call(&config, &[], odd.as_bytes()));
            assert_eq!(reply.status, StatusCode::OK);
            assert_eq!(body(&reply)["statusCode"], 405);
            assert_eq!(body(&reply)["request"]["route"], route);
        }
    }
}
