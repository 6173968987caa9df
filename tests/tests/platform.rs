//! The platform endpoints on the wire: introspection and disconnection, providers (optional
//! auth), request forwarding, automated and manual jobs (paging without a total, a union body),
//! Connect session reauthentication (Basic auth), and the Connect authorization URL.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod support;

use finch::Product;
use finch::account::{
    AuthenticationType, ConnectionStatus, DisconnectEntity, DisconnectEntityErrors, EntityStatus,
};
use finch::connect::ReauthenticateConnectSession;
use finch::jobs::{
    AutomatedJobResponse, AutomatedJobStatus, AutomatedJobType, CreateAutomatedJob,
    ListAutomatedJobs, ManualJobStatus, RetrieveAutomatedJob, RetrieveManualJob,
};
use finch::providers::{OperationSupport, SupportedFields};
use finch::request_forwarding::{ForwardRequest, ForwardedData};
use serde_json::{Value, json};
use support::*;
use wiremock::matchers::{method, path, path_regex};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A server that answers `verb` on any path with `status` and `body`.
async fn serve(verb: &str, status: u16, body: Value) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method(verb))
        .and(path_regex(".*"))
        .respond_with(ResponseTemplate::new(status).set_body_json(body))
        .mount(&server)
        .await;
    server
}

fn bearer() -> String {
    format!("Bearer {ACCESS_TOKEN}")
}

/// The declared operation `verb path` must decode `body` and encode it back without a loss.
fn assert_roundtrip(verb: &str, template: &str, body: &Value) {
    let operation = finch_conformance::typed_operations()
        .into_iter()
        .find(|operation| operation.method.as_str() == verb && operation.path == template)
        .unwrap_or_else(|| panic!("{verb} {template} is not declared"));
    let bytes = serde_json::to_vec(body).unwrap();
    if let Err(error) = operation.check_roundtrip(&bytes) {
        panic!("{verb} {template}: {error}");
    }
}

fn introspection() -> Value {
    json!({
        "id": "2f9e4a47-5d0b-4c32-a8b5-1cf0cfb2e8f4",
        "client_id": CLIENT_ID,
        "client_type": "production",
        "connection_id": "bc3a2af9-ce03-46c4-9142-81abe789c64d",
        "connection_status": {
            "status": "connected",
            "message": "Connected",
            "last_successful_sync": "2024-06-01T12:00:00.000Z"
        },
        "connection_type": "provider",
        "company_id": "514aa2b7-898f-4ce7-bc05-c2fe993713e8",
        "account_id": "c8cc7ea0-b5d5-4f0a-a9c6-8a1d8fbd3e71",
        "customer_id": "customer-42",
        "customer_name": "Acme Inc",
        "customer_email": null,
        "authentication_methods": [
            {
                "type": "credential",
                "connection_status": {"status": "reauth", "message": "Password expired", "last_successful_sync": null},
                "products": ["company", "directory", "payment"]
            },
            {"type": "assisted", "products": ["benefits"]}
        ],
        "products": ["company", "directory", "payment", "benefits", "time_off"],
        "username": "admin@acme.com",
        "provider_id": "gusto",
        "payroll_provider_id": "gusto",
        "manual": false,
        "entities": [
            {"id": "550e8400-e29b-41d4-a716-446655440000", "name": "Acme East", "source_id": "1234", "status": "connected"},
            {"id": "550e8400-e29b-41d4-a716-446655440001", "name": null, "source_id": null, "status": "disconnected"},
            {"id": "550e8400-e29b-41d4-a716-446655440002", "name": "Acme Labs", "source_id": null, "status": "archived"}
        ]
    })
}

#[tokio::test]
#[allow(deprecated)] // reads the deprecated fields on purpose
async fn introspect_is_a_bearer_get_and_reads_every_field() {
    let server = serve("GET", 200, introspection()).await;
    let about = finch(&server).account().introspect().await.unwrap();
    assert_eq!(about.client_type, finch::ClientType::Production);
    assert_eq!(about.connection_type, finch::ConnectionType::Provider);
    assert_eq!(about.connection_status.status, ConnectionStatus::Connected);
    assert_eq!(
        about.connection_status.last_successful_sync.as_deref(),
        Some("2024-06-01T12:00:00.000Z")
    );
    assert_eq!(about.products[4], Product::Unknown("time_off".into()));
    let methods = about.authentication_methods.as_ref().unwrap();
    assert_eq!(methods[0].method_type, AuthenticationType::Credential);
    assert_eq!(
        methods[0].connection_status.as_ref().map(|s| &s.status),
        Some(&ConnectionStatus::Reauth)
    );
    assert_eq!(methods[1].connection_status, None);
    let entities = about.entities.as_ref().unwrap();
    assert_eq!(entities[0].status, EntityStatus::Connected);
    assert_eq!(entities[1].status, EntityStatus::Disconnected);
    assert_eq!(entities[1].name, None);
    assert_eq!(entities[2].status, EntityStatus::Unknown("archived".into()));
    assert_eq!(about.customer_email, None);
    assert_eq!(
        about.account_id.as_deref(),
        Some("c8cc7ea0-b5d5-4f0a-a9c6-8a1d8fbd3e71")
    );
    assert_eq!(about.payroll_provider_id.as_deref(), Some("gusto"));
    assert_eq!(about.manual, Some(false));

    let request = only_request(&server).await;
    assert_eq!(request.method, "GET");
    assert_eq!(request.url.path(), "/introspect");
    assert_eq!(request.url.query(), None);
    assert_eq!(header(&request, "authorization"), Some(bearer().as_str()));
    assert_common_headers(&request);
    assert!(request.body.is_empty());

    assert_roundtrip("GET", "/introspect", &introspection());
    // The smallest reply the spec allows.
    assert_roundtrip(
        "GET",
        "/introspect",
        &json!({"id": "t", "client_id": "c", "client_type": "sandbox", "connection_id": "n",
                "connection_status": {"status": "pending"}, "connection_type": "finch",
                "products": [], "provider_id": "finch"}),
    );
}

#[tokio::test]
async fn disconnect_posts_nothing() {
    let server = serve("POST", 200, json!({"status": "success"})).await;
    let done = finch(&server).account().disconnect().await.unwrap();
    assert!(done.is_success());
    let request = only_request(&server).await;
    assert_eq!(request.method, "POST");
    assert_eq!(request.url.path(), "/disconnect");
    assert_eq!(request.url.query(), None);
    assert_eq!(header(&request, "authorization"), Some(bearer().as_str()));
    assert!(request.body.is_empty(), "no body: {:?}", request.body);
    assert_common_headers(&request);
}

#[tokio::test]
async fn disconnect_entity_sends_the_ids_in_the_body() {
    let server = serve("POST", 200, json!({"status": "success"})).await;
    let done = finch(&server)
        .account()
        .disconnect_entity(
            DisconnectEntity::new(["3c90c3cc-0d44-4b50-8888-8dd25736052a"])
                .entity_id("5e6f7a8b-9c10-4d11-a12b-c13d14e15f16"),
        )
        .await
        .unwrap();
    assert_eq!(done.status, "success");
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/disconnect-entity");
    assert_eq!(
        request.url.query(),
        None,
        "entity_ids travel in the body here"
    );
    assert_eq!(header(&request, "authorization"), Some(bearer().as_str()));
    assert_eq!(header(&request, "content-type"), Some("application/json"));
    assert_eq!(
        json_body(&request),
        json!({"entity_ids": ["3c90c3cc-0d44-4b50-8888-8dd25736052a", "5e6f7a8b-9c10-4d11-a12b-c13d14e15f16"]})
    );
}

#[tokio::test]
async fn disconnect_entity_errors_are_typed() {
    let rejected = json!({"errors": [{"entityId": "3c90c3cc-0d44-4b50-8888-8dd25736052a", "error": "NOT_FOUND"}]});
    let server = serve("POST", 400, rejected).await;
    let error = finch(&server)
        .account()
        .disconnect_entity(DisconnectEntity::new([
            "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        ]))
        .await
        .unwrap_err();
    let errors = DisconnectEntityErrors::from_error(&error).expect("per-entity errors");
    assert_eq!(
        errors.errors[0].entity_id,
        "3c90c3cc-0d44-4b50-8888-8dd25736052a"
    );
    assert_eq!(errors.errors[0].error, "NOT_FOUND");

    // The other 400 shape is Finch's usual error object, not per-entity errors.
    let malformed = json!({"statusCode": 400, "status": 400, "code": 400, "name": "BadRequestError",
                           "message": "entity_ids must be a non-empty array of UUIDs."});
    let server = serve("POST", 400, malformed).await;
    let error = finch(&server)
        .account()
        .disconnect_entity(DisconnectEntity::new(Vec::<String>::new()))
        .await
        .unwrap_err();
    assert!(DisconnectEntityErrors::from_error(&error).is_none());
    assert!(error.to_string().contains("non-empty array"), "{error}");
}

fn providers() -> Value {
    serde_json::from_str(
        r##"[
        {
            "id": "gusto",
            "display_name": "Gusto",
            "products": ["company", "directory", "individual", "employment", "payment", "pay_statement", "benefits"],
            "icon": "https://cdn.tryfinch.com/gusto-icon.png",
            "logo": "https://cdn.tryfinch.com/gusto-logo.png",
            "mfa_required": false,
            "primary_color": "#F45D48",
            "manual": false,
            "beta": false,
            "authentication_methods": [
                {
                    "type": "oauth",
                    "benefits_support": {
                        "401k": {
                            "supported_features": {
                                "description": null,
                                "frequencies": ["every_paycheck", null],
                                "employee_deduction": ["fixed", "percent"],
                                "company_contribution": ["fixed", "tiered", null],
                                "annual_maximum": true,
                                "catch_up": true
                            },
                            "supported_operations": {
                                "company_benefits": {"create": "supported", "read": "supported", "update": "not_supported_by_finch", "delete": "not_supported_by_provider"},
                                "individual_benefits": {"create": "supported", "read": "client_access_only"}
                            }
                        },
                        "hsa_pre": {
                            "supported_features": {
                                "description": "HSA",
                                "frequencies": ["monthly"],
                                "employee_deduction": [],
                                "company_contribution": null,
                                "annual_maximum": null,
                                "catch_up": null,
                                "hsa_contribution_limit": ["individual", "family"]
                            }
                        },
                        "s125_vision": null
                    },
                    "supported_fields": {
                        "company": {
                            "id": true, "legal_name": true, "entity": {"type": true, "subtype": false},
                            "primary_email": true, "primary_phone_number": true, "ein": true,
                            "accounts": {"routing_number": true, "account_name": true, "institution_name": true, "account_type": true, "account_number": true},
                            "departments": {"name": true, "parent": {"name": false}},
                            "locations": {"line1": true, "line2": true, "city": true, "state": true, "postal_code": true, "country": true}
                        },
                        "directory": {
                            "paging": {"count": true, "offset": true},
                            "individuals": {"id": true, "first_name": true, "middle_name": false, "last_name": true,
                                            "is_active": true, "department": true, "manager": {"id": true}}
                        },
                        "individual": {
                            "id": true, "first_name": true, "middle_name": false, "last_name": true, "preferred_name": false,
                            "dob": true, "gender": true, "ethnicity": false, "ssn": true, "encrypted_ssn": false,
                            "emails": {"data": true, "type": true}, "phone_numbers": {"data": true, "type": false},
                            "residence": {"city": true, "country": true, "line1": true, "line2": true, "postal_code": true, "state": true}
                        },
                        "employment": {
                            "id": true, "first_name": true, "middle_name": false, "last_name": true, "title": true,
                            "start_date": true, "end_date": true, "is_active": true, "employment_status": true,
                            "income_history": false, "class_code": false, "custom_fields": true,
                            "department": {"name": true}, "employment": {"type": true, "subtype": true},
                            "income": {"amount": true, "currency": true, "unit": true},
                            "location": {"line1": true, "line2": true, "city": true, "state": true, "postal_code": true, "country": true},
                            "manager": {"id": true}
                        },
                        "payment": {
                            "id": true, "pay_date": true, "debit_date": true, "company_debit": true, "gross_pay": true,
                            "net_pay": true, "employer_taxes": true, "employee_taxes": true, "individual_ids": true,
                            "pay_period": {"start_date": true, "end_date": true}, "pay_group_ids": false, "pay_frequencies": true
                        },
                        "pay_statement": {
                            "paging": {"count": true, "offset": true},
                            "pay_statements": {
                                "individual_id": true, "type": true, "payment_method": true, "total_hours": true,
                                "gross_pay": true, "net_pay": true,
                                "earnings": {"type": true, "name": true, "amount": true, "currency": true},
                                "employee_deductions": {"name": true, "amount": true, "type": true, "pre_tax": true, "currency": true},
                                "employer_contributions": {"name": true, "amount": true, "currency": true},
                                "taxes": {"type": true, "name": true, "employer": true, "amount": true, "currency": true}
                            }
                        },
                        "pay_group": {"id": true, "name": true, "pay_frequencies": true, "individual_ids": false},
                        "plans": {"id": true, "carrier": {"id": true, "name": false}}
                    }
                },
                {"type": "assisted"},
                {"type": "api"}
            ]
        },
        {"id": "finch", "display_name": "Finch", "products": ["company"]}
    ]"##,
    )
    .unwrap()
}

#[tokio::test]
#[allow(deprecated)] // reads the deprecated `manual` on purpose
async fn providers_send_the_token_when_there_is_one_and_type_the_support_maps() {
    let server = serve("GET", 200, providers()).await;
    let list = finch(&server).providers().list().await.unwrap();
    assert_eq!(list.len(), 2);
    let gusto = &list[0];
    assert_eq!(gusto.manual, Some(false));
    assert_eq!(gusto.primary_color.as_deref(), Some("#F45D48"));
    let methods = gusto.authentication_methods.as_ref().unwrap();
    assert_eq!(methods[0].method_type, AuthenticationType::Oauth);
    assert_eq!(methods[2].method_type, AuthenticationType::Api);

    let support = methods[0].benefits_support.as_ref().unwrap();
    let k401 = support[&finch::hris::BenefitType::B401k].as_ref().unwrap();
    let features = k401.supported_features.as_ref().unwrap();
    assert_eq!(features.frequencies.len(), 2);
    assert_eq!(features.company_contribution.as_ref().unwrap().len(), 3);
    let operations = k401.supported_operations.as_ref().unwrap();
    assert_eq!(
        operations.company_benefits.as_ref().unwrap().delete,
        Some(OperationSupport::NotSupportedByProvider)
    );
    assert_eq!(
        operations.individual_benefits.as_ref().unwrap().update,
        None
    );
    assert_eq!(support[&finch::hris::BenefitType::S125Vision], None);

    let fields: &SupportedFields = methods[0].supported_fields.as_ref().unwrap();
    let company = fields.company.as_ref().unwrap();
    assert_eq!(company.entity.as_ref().and_then(|e| e.subtype), Some(false));
    let pay = fields.pay_statement.as_ref().unwrap();
    assert!(pay.paging.unwrap().count);
    assert_eq!(
        pay.pay_statements
            .as_ref()
            .and_then(|p| p.taxes.as_ref())
            .and_then(|t| t.tax_type),
        Some(true)
    );
    assert!(
        fields.other.contains_key("plans"),
        "products the spec does not describe are kept"
    );
    assert_eq!(list[1].authentication_methods, None);

    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/providers");
    assert_eq!(header(&request, "authorization"), Some(bearer().as_str()));
    assert_common_headers(&request);

    assert_roundtrip("GET", "/providers", &providers());
}

#[tokio::test]
async fn providers_need_no_credentials() {
    let server = serve("GET", 200, json!([])).await;
    let finch = finch::Finch::builder()
        .base_url(server.uri())
        .client_id(CLIENT_ID)
        .client_secret(CLIENT_SECRET)
        .max_retries(0)
        .build()
        .unwrap();
    assert!(finch.providers().list().await.unwrap().is_empty());
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/providers");
    assert_eq!(
        header(&request, "authorization"),
        None,
        "neither Bearer nor Basic"
    );
    assert!(!format!("{:?}", request.headers).contains(CLIENT_SECRET));
}

fn forwarded(data: Value) -> Value {
    json!({
        "request": {
            "method": "POST",
            "route": "/people/search",
            "data": data,
            "headers": {"Content-Type": "application/json"},
            "params": {"page": 1, "active": true}
        },
        "statusCode": 201,
        "data": "{\"people\": []}",
        "headers": {"content-type": "application/json", "x-rate-limit": "100"}
    })
}

#[tokio::test]
async fn forward_sends_the_request_and_reads_every_shape_of_echoed_data() {
    let server = serve("POST", 200, forwarded(json!("{\"name\":\"Jane\"}"))).await;
    let reply = finch(&server)
        .request_forwarding()
        .forward(
            ForwardRequest::new("POST", "/people/search")
                .data(r#"{"name":"Jane"}"#)
                .param("page", 1)
                .param("active", true)
                .request_header("Content-Type", "application/json"),
        )
        .await
        .unwrap();
    assert_eq!(reply.status_code, 201);
    assert_eq!(reply.data.as_deref(), Some(r#"{"people": []}"#));
    assert_eq!(
        reply.request.data.as_ref().and_then(ForwardedData::as_text),
        Some(r#"{"name":"Jane"}"#)
    );
    assert_eq!(
        reply.headers.as_ref().and_then(|h| h.get("x-rate-limit")),
        Some(&json!("100"))
    );

    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/forward");
    assert_eq!(header(&request, "authorization"), Some(bearer().as_str()));
    assert_eq!(
        json_body(&request),
        json!({
            "method": "POST",
            "route": "/people/search",
            "data": "{\"name\":\"Jane\"}",
            "params": {"page": 1, "active": true},
            "request_headers": {"Content-Type": "application/json"}
        })
    );

    // The echoed body: text, a JSON object, null, or absent.
    for (data, expected) in [
        (
            json!("a=1&b=2"),
            Some(ForwardedData::Text("a=1&b=2".into())),
        ),
        (
            json!({"name": "Jane", "tags": [1, null]}),
            Some(ForwardedData::Json(
                json!({"name": "Jane", "tags": [1, null]})
                    .as_object()
                    .cloned()
                    .unwrap(),
            )),
        ),
        (Value::Null, None),
    ] {
        let body = forwarded(data);
        let reply: finch::request_forwarding::ForwardResponse =
            serde_json::from_value(body.clone()).unwrap();
        assert_eq!(reply.request.data, expected);
        assert_roundtrip("POST", "/forward", &body);
    }
    let mut absent = forwarded(Value::Null);
    absent["request"].as_object_mut().unwrap().remove("data");
    assert_roundtrip("POST", "/forward", &absent);
}

#[tokio::test]
async fn forward_sends_only_what_is_set_and_says_where_a_reply_is_wrong() {
    let server = serve("POST", 200, forwarded(json!(42))).await;
    let error = finch(&server)
        .request_forwarding()
        .forward(ForwardRequest::new("GET", "/employees"))
        .await
        .unwrap_err();
    let finch::Error::Decode(decode) = &error else {
        panic!("a decode error, got {error:?}");
    };
    assert_eq!(decode.path, "request.data");
    assert!(
        decode.message.contains("a string or a JSON object"),
        "{error}"
    );
    let request = only_request(&server).await;
    assert_eq!(
        json_body(&request),
        json!({"method": "GET", "route": "/employees"})
    );
}

fn job(id: &str, status: &str) -> Value {
    json!({
        "job_id": id,
        "job_url": format!("https://api.tryfinch.com/jobs/automated/{id}"),
        "type": "data_sync_all",
        "status": status,
        "created_at": "2024-06-01T12:00:00.000Z",
        "scheduled_at": "2024-06-01T12:00:00.000Z",
        "started_at": "2024-06-01T12:00:05.000Z",
        "completed_at": null,
        "params": null
    })
}

fn jobs_page(jobs: Vec<Value>) -> Value {
    json!({"data": jobs, "meta": {"quotas": {"data_sync_all": {"allowed_refreshes": 2, "remaining_refreshes": 1}}}})
}

#[tokio::test]
async fn automated_jobs_list_sends_limit_and_offset_and_reads_the_quota() {
    let mut w4 = job("j2", "reauth_error");
    w4["type"] = json!("w4_form_employee_sync");
    w4["params"] = json!({"individual_id": "5d0b10a1-a09a-430f-81f1-20be735dc5e9"});
    let page = jobs_page(vec![job("j1", "complete"), w4]);
    let server = serve("GET", 200, page.clone()).await;
    let listed = finch(&server)
        .jobs()
        .automated()
        .list(ListAutomatedJobs::new().limit(2).offset(4))
        .await
        .unwrap();
    let quota = listed.meta.quotas.as_ref().unwrap().data_sync_all.unwrap();
    assert_eq!(
        (quota.allowed_refreshes, quota.remaining_refreshes),
        (Some(2), Some(1))
    );
    assert_eq!(listed.data[0].status, AutomatedJobStatus::Complete);
    assert_eq!(
        listed.data[1].job_type,
        AutomatedJobType::W4FormEmployeeSync
    );
    assert_eq!(listed.data[1].status, AutomatedJobStatus::ReauthError);
    assert_eq!(
        listed.data[1]
            .params
            .as_ref()
            .and_then(|p| p.individual_id.as_deref()),
        Some("5d0b10a1-a09a-430f-81f1-20be735dc5e9")
    );
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/jobs/automated");
    assert_eq!(request.url.query(), Some("limit=2&offset=4"));
    assert_eq!(header(&request, "authorization"), Some(bearer().as_str()));

    assert_roundtrip("GET", "/jobs/automated", &page);
    assert_roundtrip("GET", "/jobs/automated", &json!({"data": [], "meta": {}}));
}

/// A server with a listing of `total` jobs, served by `offset` and `limit` (default page size
/// `default_limit`).
async fn jobs_server(total: usize, default_limit: usize) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/jobs/automated"))
        .respond_with(move |request: &wiremock::Request| {
            let pairs: std::collections::HashMap<_, _> =
                request.url.query_pairs().into_owned().collect();
            let offset: usize = pairs.get("offset").map_or(0, |o| o.parse().unwrap());
            let limit: usize = pairs
                .get("limit")
                .map_or(default_limit, |l| l.parse().unwrap());
            let jobs = (offset..total.min(offset + limit))
                .map(|i| job(&format!("job-{i}"), "complete"))
                .collect();
            ResponseTemplate::new(200).set_body_json(jobs_page(jobs))
        })
        .mount(&server)
        .await;
    server
}

async fn queries(server: &MockServer) -> Vec<String> {
    server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|request| request.url.query().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn automated_jobs_page_while_pages_come_back_full() {
    let server = jobs_server(5, 100).await;
    let finch = finch(&server);
    let mut jobs = finch
        .jobs()
        .automated()
        .list_all(ListAutomatedJobs::new().limit(2));
    let mut ids = Vec::new();
    while let Some(job) = jobs.next_item().await {
        ids.push(job.unwrap().job_id);
    }
    assert_eq!(ids, ["job-0", "job-1", "job-2", "job-3", "job-4"]);
    assert_eq!(
        queries(&server).await,
        ["limit=2", "limit=2&offset=2", "limit=2&offset=4"]
    );

    // A listing that ends on a full page costs one more (empty) page.
    let server = jobs_server(4, 100).await;
    let mut pages = finch::Finch::builder()
        .base_url(server.uri())
        .access_token(ACCESS_TOKEN)
        .build()
        .unwrap()
        .jobs()
        .automated()
        .pages(ListAutomatedJobs::new().limit(2).offset(0));
    let mut sizes = Vec::new();
    while let Some(page) = pages.next_page().await {
        sizes.push(page.unwrap().data.len());
    }
    assert_eq!(sizes, [2, 2, 0]);
    assert_eq!(
        queries(&server).await,
        ["limit=2&offset=0", "limit=2&offset=2", "limit=2&offset=4"]
    );
}

#[tokio::test]
async fn automated_jobs_without_a_limit_read_until_an_empty_page() {
    let server = jobs_server(7, 3).await;
    let finch = finch(&server);
    let mut jobs = finch.jobs().automated().list_all(ListAutomatedJobs::new());
    let mut count = 0;
    while let Some(job) = jobs.next_item().await {
        job.unwrap();
        count += 1;
    }
    assert_eq!(count, 7);
    // The first page's length is not taken for the page size: the walk asks for no limit and
    // reads until a page comes back empty.
    assert_eq!(
        queries(&server).await,
        ["", "offset=3", "offset=6", "offset=7"]
    );
}

#[tokio::test]
async fn automated_job_create_sends_each_variant_of_the_union() {
    let created = json!({
        "job_id": "453bd7d7-5355-4d6d-a38e-d9e7eb218c3f",
        "job_url": "https://api.tryfinch.com/jobs/automated/453bd7d7-5355-4d6d-a38e-d9e7eb218c3f",
        "allowed_refreshes": 2,
        "remaining_refreshes": 1
    });
    for (request, body) in [
        (
            CreateAutomatedJob::data_sync_all(),
            json!({"type": "data_sync_all"}),
        ),
        (
            CreateAutomatedJob::w4_form_employee_sync("5d0b10a1-a09a-430f-81f1-20be735dc5e9"),
            json!({"type": "w4_form_employee_sync", "params": {"individual_id": "5d0b10a1-a09a-430f-81f1-20be735dc5e9"}}),
        ),
    ] {
        let server = serve("POST", 201, created.clone()).await;
        let job = finch(&server)
            .jobs()
            .automated()
            .create(request)
            .await
            .unwrap();
        assert_eq!(
            job.job_id.as_deref(),
            Some("453bd7d7-5355-4d6d-a38e-d9e7eb218c3f")
        );
        assert_eq!((job.allowed_refreshes, job.remaining_refreshes), (2, 1));
        assert_eq!(job.retry_at, None);
        let request = only_request(&server).await;
        assert_eq!(request.method, "POST");
        assert_eq!(request.url.path(), "/jobs/automated");
        assert_eq!(header(&request, "authorization"), Some(bearer().as_str()));
        assert_eq!(header(&request, "content-type"), Some("application/json"));
        assert_eq!(json_body(&request), body);
    }
}

#[tokio::test]
async fn automated_job_already_queued_is_a_success_and_a_used_up_quota_is_readable() {
    // 202: a job is already queued; its details come back, no quota used.
    let queued = json!({
        "job_id": "de9113d6-e2fa-4c72-ba4a-ee1d8a4f8df6",
        "job_url": "https://api.tryfinch.com/jobs/automated/de9113d6-e2fa-4c72-ba4a-ee1d8a4f8df6",
        "allowed_refreshes": 2,
        "remaining_refreshes": 2
    });
    let server = serve("POST", 202, queued).await;
    let job = finch(&server)
        .jobs()
        .automated()
        .create(CreateAutomatedJob::data_sync_all())
        .await
        .unwrap();
    assert_eq!(
        job.job_id.as_deref(),
        Some("de9113d6-e2fa-4c72-ba4a-ee1d8a4f8df6")
    );

    // 429: the quota is used up; the reply says when to retry.
    let exhausted = json!({
        "job_id": "de9113d6-e2fa-4c72-ba4a-ee1d8a4f8df6",
        "job_url": "https://api.tryfinch.com/jobs/automated/de9113d6-e2fa-4c72-ba4a-ee1d8a4f8df6",
        "allowed_refreshes": 2,
        "remaining_refreshes": 0,
        "retry_at": "2019-08-24T14:15:22Z"
    });
    let server = serve("POST", 429, exhausted).await;
    let error = finch(&server)
        .jobs()
        .automated()
        .create(CreateAutomatedJob::data_sync_all())
        .await
        .unwrap_err();
    assert_eq!(error.status(), Some(http::StatusCode::TOO_MANY_REQUESTS));
    let quota = AutomatedJobResponse::from_error(&error).expect("the quota");
    assert_eq!(quota.remaining_refreshes, 0);
    assert_eq!(quota.retry_at.as_deref(), Some("2019-08-24T14:15:22Z"));
    assert!(
        AutomatedJobResponse::from_error(&finch::Error::Config(finch::ConfigError::Missing {
            what: "x".into()
        }))
        .is_none()
    );
}

#[tokio::test]
async fn automated_job_retrieve_encodes_the_id() {
    let server = serve("GET", 200, job("j 1/2", "in_progress")).await;
    let found = finch(&server)
        .jobs()
        .automated()
        .retrieve(RetrieveAutomatedJob::new("j 1/2"))
        .await
        .unwrap();
    assert_eq!(found.status, AutomatedJobStatus::InProgress);
    assert_eq!(found.completed_at, None);
    assert_eq!(found.params, None);
    let request = only_request(&server).await;
    assert_eq!(request.method, "GET");
    assert_eq!(request.url.path(), "/jobs/automated/j%201%2F2");
    assert_eq!(header(&request, "authorization"), Some(bearer().as_str()));
    assert_roundtrip("GET", "/jobs/automated/{job_id}", &job("j", "pending"));
}

#[tokio::test]
async fn manual_job_retrieve_reads_a_body_or_null() {
    let done = json!({
        "job_id": "49142223-78e0-4092-80e1-313f510b0977",
        "status": "complete",
        "body": [{"individual_id": "5d0b10a1", "code": 200, "status": "enrolled"}, null, "note"]
    });
    let server = serve("GET", 200, done.clone()).await;
    let job = finch(&server)
        .jobs()
        .manual()
        .retrieve(RetrieveManualJob::new(
            "49142223-78e0-4092-80e1-313f510b0977",
        ))
        .await
        .unwrap();
    assert_eq!(job.status, ManualJobStatus::Complete);
    assert_eq!(job.body.as_ref().map(Vec::len), Some(3));
    let request = only_request(&server).await;
    assert_eq!(
        request.url.path(),
        "/jobs/manual/49142223-78e0-4092-80e1-313f510b0977"
    );
    assert_eq!(header(&request, "authorization"), Some(bearer().as_str()));
    assert_roundtrip("GET", "/jobs/manual/{job_id}", &done);

    let pending = json!({"job_id": "j", "status": "pending", "body": null});
    let server = serve("GET", 200, pending.clone()).await;
    let job = finch(&server)
        .jobs()
        .manual()
        .retrieve(RetrieveManualJob::new("j"))
        .await
        .unwrap();
    assert_eq!((job.status, job.body), (ManualJobStatus::Pending, None));
    assert_roundtrip("GET", "/jobs/manual/{job_id}", &pending);
}

#[tokio::test]
async fn reauthenticate_uses_basic_auth_not_the_token() {
    let session = json!({
        "session_id": "550e8400-e29b-41d4-a716-446655440000",
        "connect_url": "https://connect.tryfinch.com/authorize?session=550e8400-e29b-41d4-a716-446655440000"
    });
    let server = serve("POST", 201, session).await;
    let created = finch(&server)
        .connect()
        .sessions()
        .reauthenticate(
            ReauthenticateConnectSession::new("bc3a2af9-ce03-46c4-9142-81abe789c64d")
                .products([Product::Company, Product::Benefits])
                .minutes_to_expire(60)
                .redirect_uri("https://example.com/callback"),
        )
        .await
        .unwrap();
    assert_eq!(created.session_id, "550e8400-e29b-41d4-a716-446655440000");
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/connect/sessions/reauthenticate");
    let authorization = header(&request, "authorization").unwrap();
    assert!(authorization.starts_with("Basic "), "{authorization}");
    assert!(!authorization.contains(ACCESS_TOKEN));
    assert_eq!(
        json_body(&request),
        json!({
            "connection_id": "bc3a2af9-ce03-46c4-9142-81abe789c64d",
            "minutes_to_expire": 60,
            "products": ["company", "benefits"],
            "redirect_uri": "https://example.com/callback"
        })
    );

    // Only the connection id when nothing else is set.
    let server = serve(
        "POST",
        201,
        json!({"session_id": "s", "connect_url": "https://connect.tryfinch.com/authorize?session=s"}),
    )
    .await;
    finch(&server)
        .connect()
        .sessions()
        .reauthenticate(ReauthenticateConnectSession::new("c1"))
        .await
        .unwrap();
    let request = only_request(&server).await;
    assert_eq!(json_body(&request), json!({"connection_id": "c1"}));
}

#[test]
fn the_auth_url_takes_the_client_id_of_the_client() {
    let finch = finch::Finch::builder()
        .client_id(CLIENT_ID)
        .build()
        .unwrap();
    let url = finch
        .connect()
        .auth_url(
            [Product::Company, Product::Directory, Product::Individual],
            "https://example.com/finch/callback",
        )
        .sandbox(true)
        .build()
        .unwrap();
    assert_eq!(
        url,
        format!(
            "https://connect.tryfinch.com/authorize?client_id={CLIENT_ID}\
             &products=company%20directory%20individual\
             &redirect_uri=https%3A%2F%2Fexample.com%2Ffinch%2Fcallback&sandbox=true"
        )
    );

    let anonymous = finch::Finch::builder().build().unwrap();
    let error = anonymous
        .connect()
        .auth_url([Product::Company], "https://example.com")
        .build()
        .unwrap_err();
    assert!(
        matches!(error, finch::ConfigError::Missing { .. }),
        "{error:?}"
    );
    // Without one on the client, one set on the URL does.
    let url = anonymous
        .connect()
        .auth_url([Product::Company], "https://example.com")
        .client_id("id-1")
        .build()
        .unwrap();
    assert!(url.starts_with("https://connect.tryfinch.com/authorize?client_id=id-1&"));
}
