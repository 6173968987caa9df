//! HRIS data endpoints on the wire: employments, payments, pay statements, pay-statement items and
//! their rules, documents; each request's method, path, query, auth and body, and the decoding of
//! realistic replies (every variant of each union).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod support;

use finch::hris::{
    CreatePayStatementItemRule, DeletePayStatementItemRule, DocumentDetails, DocumentType,
    EarningType, EmploymentStatus, ListDirectory, ListDocuments, ListPayStatementItemRules,
    ListPayStatementItems, ListPayments, PayFrequency, PayStatementBody, PayStatementCategory,
    PayStatementRequest, PayStatementType, PaymentMethod, RetrieveDocument, RetrieveEmployments,
    RetrievePayStatements, RuleAttributes, RuleCondition, RuleOperator, TaxType,
    UpdatePayStatementItemRule, W4Exemption, W4Form2005FilingStatus, W4Form2020FilingStatus,
};
use finch::{BatchBody, Error};
use serde_json::json;
use support::*;
use wiremock::matchers::{method, path_regex, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A server that answers `verb` on any path with `body`.
async fn server(verb: &str, status: u16, body: serde_json::Value) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method(verb))
        .and(path_regex(".*"))
        .respond_with(ResponseTemplate::new(status).set_body_json(body))
        .mount(&server)
        .await;
    server
}

const ENTITY: &str = "550e8400-e29b-41d4-a716-446655440000";

/// A server that answers `verb` on any path with 200 and `body`.
async fn server_for(verb: &str, body: serde_json::Value) -> MockServer {
    server(verb, 200, body).await
}

/// The request is a Bearer request with the common headers.
fn assert_bearer(request: &wiremock::Request) {
    assert_eq!(
        header(request, "authorization"),
        Some(format!("Bearer {ACCESS_TOKEN}").as_str())
    );
    assert_common_headers(request);
}

/// The request has no body.
fn assert_no_body(request: &wiremock::Request) {
    assert_eq!(
        header(request, "content-type"),
        None,
        "no body, no content type"
    );
    assert!(
        request.body.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&request.body)
    );
}

#[tokio::test]
async fn employments_batch_on_the_wire_and_every_field_decoded() {
    let reply = json!({"responses": [
        {"individual_id": "5d0b10a1-a09a-430f-81f1-20be735dc5e9", "code": 200, "body": {
            "id": "5d0b10a1-a09a-430f-81f1-20be735dc5e9", "first_name": "Jane", "middle_name": null,
            "last_name": "Doe", "title": "Customer Support",
            "manager": {"id": "c205b3fa-b626-4346-bf0f-ca065ab88d31"}, "department": {"name": "Product"},
            "employment": {"type": "employee", "subtype": "full_time"}, "start_date": "2017-06-30",
            "end_date": null, "latest_rehire_date": "2020-01-06", "is_active": true,
            "employment_status": "onboarding", "flsa_status": "exempt", "union_code": "UAW",
            "union_local": "Local 600", "highly_compensated_employee": false, "key_employee": true,
            "class_code": "8810",
            "location": {"line1": "12 Bird Drive", "line2": null, "city": "Palo Alto", "state": "CA", "postal_code": "94301", "country": "US"},
            "income": {"unit": "yearly", "amount": 10000000, "currency": "usd", "effective_date": "2019-03-01"},
            "income_history": [
                {"unit": "yearly", "amount": 9000000, "currency": "usd", "effective_date": "2018-05-15"},
                null
            ],
            "custom_fields": [{"name": "tShirtSize", "value": "L"}, {"name": "badge", "value": 42}, {"name": "remote", "value": null}],
            "source_id": "VWK-88a8505d", "work_id": "W-1", "benefit_eligibility_class": "full_time_eligible"
        }},
        {"individual_id": "8b3f8edc-735d-4382-84d6-104eac2013b5", "code": 404, "body": {
            "code": 404, "finch_code": "individual_not_found",
            "message": "No individual with id 8b3f8edc-735d-4382-84d6-104eac2013b5 found", "name": "not_found_error"
        }}
    ]});
    let server = server("POST", 200, reply).await;
    let batch = finch(&server)
        .hris()
        .employments()
        .retrieve_many(
            RetrieveEmployments::new([
                "5d0b10a1-a09a-430f-81f1-20be735dc5e9",
                "8b3f8edc-735d-4382-84d6-104eac2013b5",
            ])
            .entity_id(ENTITY),
        )
        .await
        .unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.method, "POST");
    assert_eq!(request.url.path(), "/employer/employment");
    assert_eq!(
        request.url.query(),
        Some(format!("entity_ids[]={ENTITY}").as_str())
    );
    assert_bearer(&request);
    assert_eq!(header(&request, "content-type"), Some("application/json"));
    assert_eq!(
        json_body(&request),
        json!({"requests": [
            {"individual_id": "5d0b10a1-a09a-430f-81f1-20be735dc5e9"},
            {"individual_id": "8b3f8edc-735d-4382-84d6-104eac2013b5"}
        ]})
    );

    let jane = batch.responses[0].body.data().expect("employment data");
    assert_eq!(jane.title.as_deref(), Some("Customer Support"));
    assert_eq!(jane.employment_status, Some(EmploymentStatus::Onboarding));
    assert_eq!(jane.key_employee, Some(true));
    assert_eq!(jane.union_local.as_deref(), Some("Local 600"));
    assert_eq!(
        jane.latest_rehire_date.as_ref().and_then(|d| d.ymd()),
        Some((2020, 1, 6))
    );
    assert_eq!(
        jane.income.as_ref().and_then(|i| i.amount),
        Some(10_000_000)
    );
    let history = jane.income_history.as_ref().unwrap();
    assert_eq!(history.len(), 2);
    assert!(history[1].is_none());
    let fields = jane.custom_fields.as_ref().unwrap();
    assert_eq!(fields[1].value, Some(json!(42)));
    assert_eq!(fields[2].value, None);
    assert_eq!(jane.source_id.as_deref(), Some("VWK-88a8505d"));
    assert_eq!(
        jane.benefit_eligibility_class.as_deref(),
        Some("full_time_eligible")
    );
    #[allow(deprecated)]
    let work_id = jane.work_id.as_deref();
    assert_eq!(work_id, Some("W-1"));

    match &batch.responses[1].body {
        BatchBody::Error(error) => {
            assert_eq!(error.code, 404);
            assert_eq!(error.finch_code.as_deref(), Some("individual_not_found"));
        }
        other => panic!("expected a batch error, got {other:?}"),
    }
}

#[tokio::test]
async fn payments_send_the_date_range_and_decode_money() {
    let reply = json!([{
        "id": "20aa7cf2-949d-4d4e-9c01-499b59501ded",
        "pay_period": {"start_date": "2019-08-01", "end_date": "2019-08-15"},
        "pay_date": "2019-08-22", "debit_date": null,
        "company_debit": {"amount": 5300000, "currency": "usd"},
        "gross_pay": {"amount": 4000000, "currency": "usd"},
        "net_pay": {"amount": 3200000, "currency": "usd"},
        "employer_taxes": {"amount": null, "currency": "usd"},
        "employee_taxes": null,
        "individual_ids": ["54719e14-5ea7-4fda-9898-f4d9ccb83c1a"],
        "pay_group_ids": null,
        "pay_frequencies": ["monthly", "bi_weekly", "fortnightly"]
    }]);
    let server = server("GET", 200, reply).await;
    let payments = finch(&server)
        .hris()
        .payments()
        .list(ListPayments::new("2019-08-01", "2019-08-31").entity_id(ENTITY))
        .await
        .unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.method, "GET");
    assert_eq!(request.url.path(), "/employer/payment");
    assert_eq!(
        request.url.query(),
        Some(format!("start_date=2019-08-01&end_date=2019-08-31&entity_ids[]={ENTITY}").as_str())
    );
    assert_bearer(&request);
    assert_no_body(&request);

    assert_eq!(payments.len(), 1);
    let payment = &payments[0];
    assert_eq!(
        payment.company_debit.as_ref().and_then(|m| m.amount),
        Some(5_300_000)
    );
    assert_eq!(
        payment.employer_taxes.as_ref().map(|m| m.amount),
        Some(None)
    );
    assert_eq!(payment.employee_taxes, None);
    assert_eq!(
        payment
            .pay_period
            .as_ref()
            .and_then(|p| p.end_date.as_ref())
            .map(|d| d.as_str()),
        Some("2019-08-15")
    );
    assert_eq!(
        payment.pay_frequencies.as_deref(),
        Some(
            &[
                PayFrequency::Monthly,
                PayFrequency::BiWeekly,
                PayFrequency::Unknown("fortnightly".into())
            ][..]
        )
    );
}

#[tokio::test]
async fn payments_still_syncing_is_an_accepted_error() {
    let server = server(
        "GET",
        202,
        json!({"code": 202, "name": "sync_in_progress", "finch_code": "data_sync_in_progress",
               "message": "The data being requested is being fetched. Please check back later."}),
    )
    .await;
    let error = finch(&server)
        .hris()
        .payments()
        .list(ListPayments::new("2024-01-01", "2024-01-31"))
        .await
        .unwrap_err();
    match error {
        Error::Accepted(accepted) => assert!(accepted.is_data_sync_in_progress()),
        other => panic!("expected Accepted, got {other:?}"),
    }
}

const PAY_STATEMENT: &str = r#"{
    "individual_id": "be7b048c-a6f3-4194-a017-2f537d4f3565", "type": "regular_payroll",
    "payment_method": "direct_deposit", "total_hours": 42.5,
    "gross_pay": {"amount": 230000, "currency": "usd"}, "net_pay": {"amount": 180000, "currency": "usd"},
    "earnings": [
        {"type": "salary", "name": "Salary", "amount": 230000, "currency": "usd", "hours": 42.5,
         "attributes": {"metadata": {"category": "base_pay", "weight": 1.5}}},
        null,
        {"type": "1099", "name": "Contract", "amount": 1000, "currency": "usd", "hours": null, "attributes": null}
    ],
    "taxes": [{"type": "fica", "name": "Social Security", "employer": true, "amount": 14260, "currency": "usd"},
              {"type": "state", "name": "State Withholding - OR", "employer": false, "currency": "usd"}],
    "employee_deductions": [{"name": "Pre-Tax 401k", "amount": 50000, "currency": "usd", "pre_tax": true, "type": "401k"}],
    "employer_contributions": [{"name": "Employee Medical Insurance", "amount": 23272, "currency": "usd", "type": "s125_medical"},
                               {"name": "HSA seed", "currency": "usd", "type": null}]
}"#;

#[tokio::test]
async fn pay_statements_batch_decodes_data_sync_in_progress_and_errors() {
    let statement: serde_json::Value = serde_json::from_str(PAY_STATEMENT).unwrap();
    let reply = json!({"responses": [
        {"payment_id": "fc8b024e-d373-4c9c-80fc-f1625383d142", "code": 200,
         "body": {"paging": {"count": 3, "offset": 0}, "pay_statements": [statement]}},
        {"payment_id": "a1b2c3d4-0000-4000-8000-000000000000", "code": 202,
         "body": {"code": 202, "finch_code": "data_sync_in_progress",
                  "message": "The pay statements for this payment are being fetched. Please check back later.",
                  "name": "accepted"}},
        {"payment_id": "ffffffff-0000-4000-8000-000000000000", "code": 404,
         "body": {"code": 404, "finch_code": "payment_not_found", "message": "No payment found", "name": "not_found_error"}}
    ]});
    let server = server("POST", 200, reply).await;
    let first = PayStatementRequest::new("fc8b024e-d373-4c9c-80fc-f1625383d142").limit(1);
    let batch = finch(&server)
        .hris()
        .pay_statements()
        .retrieve_many(
            RetrievePayStatements::from_requests([
                first.clone(),
                PayStatementRequest::new("a1b2c3d4-0000-4000-8000-000000000000").offset(20),
                PayStatementRequest::new("ffffffff-0000-4000-8000-000000000000"),
            ])
            .entity_id(ENTITY),
        )
        .await
        .unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.method, "POST");
    assert_eq!(request.url.path(), "/employer/pay-statement");
    assert_eq!(
        request.url.query(),
        Some(format!("entity_ids[]={ENTITY}").as_str())
    );
    assert_bearer(&request);
    assert_eq!(header(&request, "content-type"), Some("application/json"));
    assert_eq!(
        json_body(&request),
        json!({"requests": [
            {"payment_id": "fc8b024e-d373-4c9c-80fc-f1625383d142", "limit": 1},
            {"payment_id": "a1b2c3d4-0000-4000-8000-000000000000", "offset": 20},
            {"payment_id": "ffffffff-0000-4000-8000-000000000000"}
        ]})
    );

    // Data.
    let PayStatementBody::Data(page) = &batch.responses[0].body else {
        panic!("expected data, got {:?}", batch.responses[0].body)
    };
    let statement = &page.pay_statements[0];
    assert_eq!(
        statement.statement_type,
        Some(PayStatementType::RegularPayroll)
    );
    assert_eq!(statement.payment_method, Some(PaymentMethod::DirectDeposit));
    assert_eq!(statement.total_hours, Some(42.5));
    assert_eq!(
        statement.net_pay.as_ref().and_then(|m| m.amount),
        Some(180_000)
    );
    let earnings = statement.earnings.as_ref().unwrap();
    let salary = earnings[0].as_ref().unwrap();
    assert_eq!(salary.earning_type, Some(EarningType::Salary));
    assert_eq!(
        salary.attributes.as_ref().map(|a| &a.metadata["category"]),
        Some(&json!("base_pay"))
    );
    assert!(earnings[1].is_none());
    assert_eq!(
        earnings[2].as_ref().and_then(|e| e.earning_type.clone()),
        Some(EarningType::Form1099)
    );
    let taxes = statement.taxes.as_ref().unwrap();
    assert_eq!(taxes[0].tax_type, Some(TaxType::Fica));
    assert_eq!(taxes[0].employer, Some(true));
    assert_eq!(taxes[1].amount, None);
    let deduction = &statement.employee_deductions.as_ref().unwrap()[0];
    assert_eq!(
        deduction.benefit_type.as_ref().map(|t| t.as_str()),
        Some("401k")
    );
    assert_eq!(deduction.pre_tax, Some(true));
    let contributions = statement.employer_contributions.as_ref().unwrap();
    assert_eq!(
        contributions[0].benefit_type.as_ref().map(|t| t.as_str()),
        Some("s125_medical")
    );
    assert_eq!(contributions[1].amount, None);
    // The next page of that payment.
    let next = first.next_page(page).unwrap().unwrap();
    assert_eq!((next.limit, next.offset), (Some(1), Some(1)));

    // Still syncing: distinct from an error.
    match &batch.responses[1].body {
        PayStatementBody::SyncInProgress(syncing) => {
            assert_eq!(syncing.code, 202);
            assert_eq!(syncing.name, "accepted");
        }
        other => panic!("expected sync in progress, got {other:?}"),
    }
    assert!(batch.responses[1].body.error().is_none());

    // A batch error.
    let error = batch.responses[2].body.error().expect("a batch error");
    assert_eq!(error.finch_code.as_deref(), Some("payment_not_found"));
    assert!(!batch.responses[2].body.is_sync_in_progress());
}

#[tokio::test]
async fn a_bad_pay_statement_names_the_path() {
    let reply = json!({"responses": [{"payment_id": "p", "code": 200, "body": {
        "paging": {"offset": 0},
        "pay_statements": [{"individual_id": "a", "type": null, "payment_method": null, "total_hours": null,
            "gross_pay": null, "net_pay": null, "earnings": [{"type": "salary", "name": "Salary",
            "amount": "lots", "currency": "usd", "hours": null}], "taxes": null,
            "employee_deductions": null, "employer_contributions": null}]
    }}]});
    let server = server("POST", 200, reply).await;
    let error = finch(&server)
        .hris()
        .pay_statements()
        .retrieve_many(RetrievePayStatements::new(["p"]))
        .await
        .unwrap_err();
    // The report: the error and its source (serde's message, which names the inner path).
    let text = format!(
        "{error}: {}",
        std::error::Error::source(&error)
            .map(ToString::to_string)
            .unwrap_or_default()
    );
    assert!(text.contains("responses[0].body"), "{text}");
    assert!(
        text.contains("pay_statements[0].earnings[0].amount"),
        "{text}"
    );
}

#[tokio::test]
async fn pay_statement_items_send_bracket_categories_and_filters() {
    let reply = json!({"responses": [
        {"name": "Salary", "category": "earnings",
         "attributes": {"type": "base_compensation", "metadata": {"myLabel": "My Value"}}},
        {"name": "Social Security", "category": "taxes", "attributes": {"employer": true, "metadata": null}},
        {"name": "Pre-Tax 401k", "category": "employee_deductions",
         "attributes": {"type": null, "pre_tax": true, "employer": null, "metadata": {}}}
    ]});
    let server = server("GET", 200, reply).await;
    let items = finch(&server)
        .hris()
        .pay_statement_item()
        .list(
            ListPayStatementItems::new()
                .categories([PayStatementCategory::Earnings, PayStatementCategory::Taxes])
                .start_date("2024-01-01")
                .end_date("2024-07-01")
                .name("sal ary")
                .item_type("base_compensation")
                .entity_id(ENTITY),
        )
        .await
        .unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.method, "GET");
    assert_eq!(request.url.path(), "/employer/pay-statement-item");
    assert_eq!(
        request.url.query(),
        Some(
            format!(
                "categories[]=earnings&categories[]=taxes&start_date=2024-01-01&end_date=2024-07-01\
                 &name=sal%20ary&type=base_compensation&entity_ids[]={ENTITY}"
            )
            .as_str()
        )
    );
    assert_bearer(&request);
    assert_no_body(&request);

    assert_eq!(items.responses.len(), 3);
    let salary = &items.responses[0];
    assert_eq!(salary.category, PayStatementCategory::Earnings);
    assert_eq!(
        salary.attributes.item_type.as_deref(),
        Some("base_compensation")
    );
    assert_eq!(
        salary.attributes.metadata.as_ref().map(|m| &m["myLabel"]),
        Some(&json!("My Value"))
    );
    assert_eq!(items.responses[1].attributes.employer, Some(true));
    assert_eq!(items.responses[1].attributes.metadata, None);
    assert_eq!(items.responses[2].attributes.pre_tax, Some(true));
}

#[tokio::test]
async fn an_unfiltered_item_listing_sends_no_query() {
    let server = server("GET", 200, json!({"responses": []})).await;
    let items = finch(&server)
        .hris()
        .pay_statement_item()
        .list(ListPayStatementItems::new())
        .await
        .unwrap();
    assert!(items.responses.is_empty());
    let request = only_request(&server).await;
    assert_eq!(request.url.query(), None);
}

fn rule_json() -> serde_json::Value {
    json!({
        "id": "5d0b10a1-a09a-430f-81f1-20be735dc5e9", "priority": 1,
        "effective_start_date": "2025-01-01", "effective_end_date": "2025-12-31",
        "conditions": [{"field": "name", "operator": "equals", "value": "Salary"}],
        "attributes": {"metadata": {"myLabel": "My Value"}},
        "entity_type": "pay_statement_item",
        "created_at": "2025-01-01T10:00:00Z", "updated_at": "2025-01-01T10:00:00Z"
    })
}

#[tokio::test]
async fn rules_are_listed() {
    let server = server("GET", 200, json!({"responses": [rule_json()]})).await;
    let rules = finch(&server)
        .hris()
        .pay_statement_item()
        .rules()
        .list(ListPayStatementItemRules::new().entity_id(ENTITY))
        .await
        .unwrap();
    let request = only_request(&server).await;
    assert_eq!(request.method, "GET");
    assert_eq!(request.url.path(), "/employer/pay-statement-item/rule");
    assert_eq!(
        request.url.query(),
        Some(format!("entity_ids[]={ENTITY}").as_str())
    );
    assert_bearer(&request);
    assert_no_body(&request);

    let rule = &rules.responses[0];
    assert_eq!(rule.priority, Some(1));
    let condition = &rule.conditions.as_ref().unwrap()[0];
    assert_eq!(condition.operator, Some(RuleOperator::Equals));
    assert_eq!(
        rule.attributes
            .as_ref()
            .and_then(|a| a.metadata.as_ref())
            .map(|m| &m["myLabel"]),
        Some(&json!("My Value"))
    );
    assert_eq!(rule.deleted_at, None);
}

#[tokio::test]
async fn a_rule_is_created_from_its_fields() {
    let server = server("POST", 201, rule_json()).await;
    let rule = finch(&server)
        .hris()
        .pay_statement_item()
        .rules()
        .create(
            CreatePayStatementItemRule::new()
                .condition(RuleCondition::equals("name", "Salary"))
                .metadata("myLabel", "My Value")
                .metadata("weight", 2)
                .effective_start_date("2025-01-01")
                .effective_end_date("2025-12-31")
                .entity_type(finch::hris::RuleEntityType::PayStatementItem)
                .entity_id(ENTITY),
        )
        .await
        .unwrap();
    assert_eq!(
        rule.id.as_deref(),
        Some("5d0b10a1-a09a-430f-81f1-20be735dc5e9")
    );

    let request = only_request(&server).await;
    assert_eq!(request.method, "POST");
    assert_eq!(request.url.path(), "/employer/pay-statement-item/rule");
    assert_eq!(
        request.url.query(),
        Some(format!("entity_ids[]={ENTITY}").as_str())
    );
    assert_bearer(&request);
    assert_eq!(header(&request, "content-type"), Some("application/json"));
    assert_eq!(
        json_body(&request),
        json!({
            "effective_start_date": "2025-01-01", "effective_end_date": "2025-12-31",
            "conditions": [{"field": "name", "operator": "equals", "value": "Salary"}],
            "attributes": {"metadata": {"myLabel": "My Value", "weight": 2}},
            "entity_type": "pay_statement_item"
        })
    );
}

#[tokio::test]
async fn a_rule_update_sends_the_changed_fields_at_the_top_level() {
    let server = server("PUT", 200, rule_json()).await;
    finch(&server)
        .hris()
        .pay_statement_item()
        .rules()
        .update(
            UpdatePayStatementItemRule::new("rule/1 2")
                .clear_effective_start_date()
                .effective_end_date("2026-06-30")
                .attributes(RuleAttributes::new().label("myLabel", "Other")),
        )
        .await
        .unwrap();
    let request = only_request(&server).await;
    assert_eq!(request.method, "PUT");
    assert_eq!(
        request.url.path(),
        "/employer/pay-statement-item/rule/rule%2F1%202"
    );
    assert_eq!(request.url.query(), None);
    assert_bearer(&request);
    assert_eq!(header(&request, "content-type"), Some("application/json"));
    assert_eq!(
        json_body(&request),
        json!({
            "effective_start_date": null, "effective_end_date": "2026-06-30",
            "attributes": {"metadata": {"myLabel": "Other"}}
        })
    );
}

#[tokio::test]
async fn a_rule_update_from_a_listed_rule_sends_all_of_it() {
    let rule: finch::hris::PayStatementItemRule = serde_json::from_value(json!({
        "id": "5d0b10a1", "effective_end_date": "2025-12-31",
        "conditions": [{"field": "name", "operator": "equals", "value": "Salary"}]
    }))
    .unwrap();
    let server = server("PUT", 200, rule_json()).await;
    finch(&server)
        .hris()
        .pay_statement_item()
        .rules()
        .update(
            UpdatePayStatementItemRule::from_rule(&rule)
                .unwrap()
                .entity_id(ENTITY),
        )
        .await
        .unwrap();
    let request = only_request(&server).await;
    assert_eq!(
        request.url.path(),
        "/employer/pay-statement-item/rule/5d0b10a1"
    );
    assert_eq!(
        request.url.query(),
        Some(format!("entity_ids[]={ENTITY}").as_str())
    );
    assert_eq!(
        json_body(&request),
        json!({
            "effective_start_date": null, "effective_end_date": "2025-12-31",
            "conditions": [{"field": "name", "operator": "equals", "value": "Salary"}]
        })
    );
}

#[tokio::test]
async fn a_rule_is_deleted_without_a_body() {
    let mut deleted = rule_json();
    deleted["deleted_at"] = json!("2025-02-13T08:30:00Z");
    let server = server("DELETE", 200, deleted).await;
    let rule = finch(&server)
        .hris()
        .pay_statement_item()
        .rules()
        .delete(
            DeletePayStatementItemRule::new("5d0b10a1-a09a-430f-81f1-20be735dc5e9")
                .entity_id(ENTITY),
        )
        .await
        .unwrap();
    assert_eq!(rule.deleted_at.as_deref(), Some("2025-02-13T08:30:00Z"));
    let request = only_request(&server).await;
    assert_eq!(request.method, "DELETE");
    assert_eq!(
        request.url.path(),
        "/employer/pay-statement-item/rule/5d0b10a1-a09a-430f-81f1-20be735dc5e9"
    );
    assert_eq!(
        request.url.query(),
        Some(format!("entity_ids[]={ENTITY}").as_str())
    );
    assert_bearer(&request);
    assert_no_body(&request);
}

fn document_json(index: u64) -> serde_json::Value {
    json!({
        "id": format!("doc-{index}"), "individual_id": if index == 0 { serde_json::Value::Null } else { json!("f92b3db4") },
        "year": 2020, "url": format!("https://api.tryfinch.com/employer/documents/doc-{index}"),
        "type": if index.is_multiple_of(2) { "w4_2020" } else { "w4_2005" }
    })
}

#[tokio::test]
async fn documents_list_sends_filters_in_brackets() {
    let reply = json!({"paging": {"count": 2, "offset": 0}, "documents": [document_json(0), document_json(1)]});
    let server = server("GET", 200, reply).await;
    let page = finch(&server)
        .hris()
        .documents()
        .list(
            ListDocuments::new()
                .individual_ids(["f92b3db4", "a b"])
                .types([DocumentType::W4Form2020, DocumentType::W4Form2005])
                .limit(2)
                .offset(0)
                .entity_id(ENTITY),
        )
        .await
        .unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.method, "GET");
    assert_eq!(request.url.path(), "/employer/documents");
    assert_eq!(
        request.url.query(),
        Some(
            format!(
                "individual_ids[]=f92b3db4&individual_ids[]=a%20b&types[]=w4_2020&types[]=w4_2005\
                 &limit=2&offset=0&entity_ids[]={ENTITY}"
            )
            .as_str()
        )
    );
    assert_bearer(&request);
    assert_no_body(&request);

    assert_eq!((page.paging.count, page.paging.offset), (Some(2), 0));
    assert_eq!(page.documents[0].individual_id, None);
    assert_eq!(page.documents[0].document_type, DocumentType::W4Form2020);
    assert_eq!(page.documents[1].document_type, DocumentType::W4Form2005);
    assert_eq!(page.documents[1].year, 2020);
}

#[tokio::test]
async fn documents_list_all_walks_the_pages() {
    let server = MockServer::start().await;
    for (offset, documents) in [(0, vec![0, 1]), (2, vec![2, 3]), (4, vec![4])] {
        let documents: Vec<_> = documents.into_iter().map(document_json).collect();
        Mock::given(method("GET"))
            .and(path_regex("^/employer/documents$"))
            .and(query_param("offset", offset.to_string()))
            .respond_with(ResponseTemplate::new(200).set_body_json(
                json!({"paging": {"count": 5, "offset": offset}, "documents": documents}),
            ))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = finch(&server);
    let mut documents = client.hris().documents().list_all(
        ListDocuments::new()
            .limit(2)
            .offset(0)
            .types([DocumentType::W4Form2020]),
    );
    let mut ids = Vec::new();
    while let Some(document) = documents.next_item().await {
        ids.push(document.unwrap().id);
    }
    assert_eq!(ids, ["doc-0", "doc-1", "doc-2", "doc-3", "doc-4"]);
    let requests = server.received_requests().await.unwrap();
    let queries: Vec<_> = requests
        .iter()
        .map(|r| r.url.query().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        queries,
        [
            "types[]=w4_2020&limit=2&offset=0",
            "types[]=w4_2020&limit=2&offset=2",
            "types[]=w4_2020&limit=2&offset=4"
        ]
    );
}

#[tokio::test]
async fn a_2020_w4_is_retrieved() {
    let reply = json!({"type": "w4_2020", "year": 2020, "data": {
        "individual_id": "f92b3db4-7bcb-4a54-a570-396bf99e041a",
        "filing_status": "married_filing_jointly_or_qualifying_surviving_spouse",
        "amount_for_qualifying_children_under_17": 400000, "total_claim_dependent_and_other_credits": 450000,
        "amount_for_other_dependents": 50000, "other_income": 0, "deductions": 120000, "extra_withholding": 2500
    }});
    let server = server("GET", 200, reply).await;
    let document = finch(&server)
        .hris()
        .documents()
        .retrieve(RetrieveDocument::new("../238b1d2a").entity_id(ENTITY))
        .await
        .unwrap();

    let request = only_request(&server).await;
    assert_eq!(request.method, "GET");
    assert_eq!(request.url.path(), "/employer/documents/..%2F238b1d2a");
    assert_eq!(
        request.url.query(),
        Some(format!("entity_ids[]={ENTITY}").as_str())
    );
    assert_bearer(&request);
    assert_no_body(&request);

    let DocumentDetails::W4Form2020(w4) = &document else {
        panic!("expected a 2020 W-4, got {document:?}")
    };
    assert_eq!(w4.year, 2020);
    assert_eq!(
        w4.data.filing_status,
        Some(W4Form2020FilingStatus::MarriedFilingJointlyOrQualifyingSurvivingSpouse)
    );
    assert_eq!(w4.data.amount_for_qualifying_children_under_17, 400_000);
    assert_eq!(w4.data.extra_withholding, 2_500);
    assert_eq!(document.document_type(), Some("w4_2020"));
}

#[tokio::test]
async fn a_2005_w4_and_an_unknown_document_are_retrieved() {
    let w4 = json!({"type": "w4_2005", "year": 2005, "data": {
        "individual_id": "f92b3db4-7bcb-4a54-a570-396bf99e041a", "filing_status": "married",
        "total_number_of_allowances": 2, "additional_withholding": 10000, "exemption": null
    }});
    let server = server("GET", 200, w4.clone()).await;
    #[allow(deprecated)]
    let document = finch(&server)
        .hris()
        .documents()
        .retreive(RetrieveDocument::new("238b1d2a"))
        .await
        .unwrap();
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/employer/documents/238b1d2a");
    assert_bearer(&request);
    match &document {
        DocumentDetails::W4Form2005(w4) => {
            assert_eq!(w4.data.filing_status, Some(W4Form2005FilingStatus::Married));
            assert_eq!(w4.data.total_number_of_allowances, 2);
            assert_eq!(w4.data.exemption, None::<W4Exemption>);
        }
        other => panic!("expected a 2005 W-4, got {other:?}"),
    }
    assert_eq!(serde_json::to_value(&document).unwrap(), w4);

    let i9 = json!({"type": "i9", "year": 2024, "data": {"citizenship": "us"}});
    let other = server_for("GET", i9.clone()).await;
    let document = finch(&other)
        .hris()
        .documents()
        .retrieve(RetrieveDocument::new("i9-doc"))
        .await
        .unwrap();
    assert_eq!(document, DocumentDetails::Unknown(i9));
    assert_eq!(document.document_type(), Some("i9"));
}

#[tokio::test]
async fn a_known_document_that_does_not_match_names_the_path() {
    let server = server(
        "GET",
        200,
        json!({"type": "w4_2005", "year": 2005, "data": {"individual_id": "a", "filing_status": null,
               "total_number_of_allowances": "two", "additional_withholding": 0, "exemption": null}}),
    )
    .await;
    let error = finch(&server)
        .hris()
        .documents()
        .retrieve(RetrieveDocument::new("d"))
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Decode(_)), "{error:?}");
    // The report: the error and its source (serde's message, which names the inner path).
    let text = format!(
        "{error}: {}",
        std::error::Error::source(&error)
            .map(ToString::to_string)
            .unwrap_or_default()
    );
    assert!(text.contains("data.total_number_of_allowances"), "{text}");
}

#[tokio::test]
async fn directory_list_individuals_is_list() {
    let page = json!({"paging": {"count": 1, "offset": 0}, "individuals": [{
        "id": "5d0b10a1-a09a-430f-81f1-20be735dc5e9", "first_name": "Jane", "middle_name": null,
        "last_name": "Doe", "manager": null, "department": {}, "is_active": null
    }]});
    let server = server("GET", 200, page).await;
    #[allow(deprecated)]
    let page = finch(&server)
        .hris()
        .directory()
        .list_individuals(ListDirectory::new().limit(1))
        .await
        .unwrap();
    assert_eq!(
        page.individuals[0]
            .department
            .as_ref()
            .map(|d| d.name.clone()),
        Some(None)
    );
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/employer/directory");
    assert_eq!(request.url.query(), Some("limit=1"));
    assert_bearer(&request);
}
