//! The sandbox endpoints on the wire: Basic auth for the two creates, Bearer for the rest, the
//! company body with explicit `null`s, percent-encoded individual ids, the nested payment body,
//! and the decoding of the spec's examples and realistic replies.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod support;

use finch::Product;
use finch::account::{AuthenticationType, ConnectionStatus};
use finch::hris::{
    BenefitType, EmailType, EmploymentKind, EmploymentStatus, EmploymentSubtype, EmploymentType,
    EntitySubtype, EntityType, FlsaStatus, Gender, Income, IncomeUnit, MaritalStatus, PhoneType,
};
use finch::hris::{EarningType, PayStatementType, PaymentMethod, TaxType};
use finch::sandbox::{
    CompletionStatus, CreateSandboxAccount, CreateSandboxConnection, CreateSandboxJob,
    CreateSandboxPayment, NewEarning, NewEmployeeDeduction, NewEmployerContribution,
    NewPayStatement, NewTax, SandboxJobType, UpdateSandboxAccount, UpdateSandboxCompany,
    UpdateSandboxEmployment, UpdateSandboxIndividual, UpdateSandboxJobConfiguration,
};
use serde_json::json;
use support::*;
use wiremock::matchers::{method, path_regex};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// A server that answers `verb` on any path with `body`.
async fn server(verb: &str, body: serde_json::Value) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method(verb))
        .and(path_regex(".*"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    server
}

/// `Basic base64("{CLIENT_ID}:{CLIENT_SECRET}")`, computed outside the code under test.
const BASIC: &str =
    "Basic NGFiMTVlNTEtMTFhZC00OWY0LWFjYWUtZjM0M2I3Nzk0Mzc1OmNsaWVudC1zZWNyZXQtRE8tTk9ULUxFQUs=";

fn assert_basic(request: &Request) {
    assert_eq!(header(request, "authorization"), Some(BASIC));
    assert!(!format!("{:?}", request.headers).contains(ACCESS_TOKEN));
}

fn assert_bearer(request: &Request) {
    assert_eq!(
        header(request, "authorization"),
        Some(format!("Bearer {ACCESS_TOKEN}").as_str())
    );
    assert!(!format!("{:?}", request.headers).contains(CLIENT_SECRET));
}

/// Method, path, no query, JSON content type, the common headers.
fn assert_json_request(request: &Request, verb: &str, path: &str) {
    assert_eq!(request.method.as_str(), verb);
    assert_eq!(request.url.path(), path);
    assert_eq!(request.url.query(), None);
    assert_eq!(header(request, "content-type"), Some("application/json"));
    assert_common_headers(request);
}

#[tokio::test]
#[allow(deprecated)] // reads `account_id` on purpose
async fn connections_create_is_basic_auth_and_decodes_the_spec_example() {
    // The spec's example.
    let reply = json!({
        "connection_id": "a237a1c3-1a5e-44ae-a8fd-81f76fd715c2",
        "entity_id": "449e7a5c-69d3-4b8a-aaaf-5c9b713ebc65",
        "company_id": "b2e6a1c3-1a5e-44ae-a8fd-81f76fd715cf",
        "account_id": "449e7a5c-69d3-4b8a-aaaf-5c9b713ebc65",
        "provider_id": "gusto",
        "authentication_type": "api_token",
        "products": ["company", "directory", "individual"],
        "access_token": "7eb55bcf-6593-4040-afac-252ee1f78e20",
        "token_type": "bearer"
    });
    let server = server("POST", reply).await;
    let created = finch(&server)
        .sandbox()
        .connections()
        .create(
            CreateSandboxConnection::new("gusto")
                .authentication_type(AuthenticationType::ApiToken)
                .employee_size(150)
                .products([Product::Company, Product::Directory, Product::PayStatement]),
        )
        .await
        .unwrap();
    assert_eq!(
        created.access_token.expose(),
        "7eb55bcf-6593-4040-afac-252ee1f78e20"
    );
    assert!(!format!("{created:?}").contains("7eb55bcf"));
    assert_eq!(created.authentication_type, AuthenticationType::ApiToken);
    assert_eq!(
        created.company_id.as_deref(),
        Some("b2e6a1c3-1a5e-44ae-a8fd-81f76fd715cf")
    );
    assert_eq!(created.account_id, "449e7a5c-69d3-4b8a-aaaf-5c9b713ebc65");
    assert_eq!(
        created.products,
        [Product::Company, Product::Directory, Product::Individual]
    );
    assert_eq!(
        (created.provider_id.as_str(), created.token_type.as_str()),
        ("gusto", "bearer")
    );

    let request = only_request(&server).await;
    assert_json_request(&request, "POST", "/sandbox/connections");
    assert_basic(&request);
    assert_eq!(
        json_body(&request),
        json!({"provider_id": "gusto", "authentication_type": "api_token", "employee_size": 150,
               "products": ["company", "directory", "pay_statement"]})
    );
}

#[tokio::test]
async fn connections_create_sends_only_what_is_set_and_company_id_may_be_null_or_absent() {
    let mut reply = json!({
        "connection_id": "c1", "entity_id": "e1", "company_id": null, "account_id": "a1",
        "provider_id": "finch", "authentication_type": "passkey", "products": ["time_off"],
        "access_token": "t1", "token_type": "bearer"
    });
    let server = server("POST", reply.clone()).await;
    let created = finch(&server)
        .sandbox()
        .connections()
        .create(CreateSandboxConnection::new("finch"))
        .await
        .unwrap();
    assert_eq!(created.company_id, None);
    // Values this version does not know are kept.
    assert_eq!(
        created.authentication_type,
        AuthenticationType::Unknown("passkey".into())
    );
    assert_eq!(created.products, [Product::Unknown("time_off".into())]);
    assert_eq!(
        json_body(&only_request(&server).await),
        json!({"provider_id": "finch"})
    );

    reply.as_object_mut().unwrap().remove("company_id");
    let server = self::server("POST", reply).await;
    let created = finch(&server)
        .sandbox()
        .connections()
        .create(CreateSandboxConnection::new("finch"))
        .await
        .unwrap();
    assert_eq!(created.company_id, None);
}

#[tokio::test]
async fn basic_endpoints_need_the_client_credentials_and_never_send_the_token() {
    let server = server("POST", json!({})).await;
    let token_only = finch::Finch::builder()
        .base_url(server.uri())
        .access_token(ACCESS_TOKEN)
        .max_retries(0)
        .build()
        .unwrap();
    let error = token_only
        .sandbox()
        .connections()
        .create(CreateSandboxConnection::new("gusto"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            finch::Error::Request {
                error: finch::RequestError::MissingAuth { .. },
                ..
            }
        ),
        "{error:?}"
    );
    let error = token_only
        .sandbox()
        .connections()
        .accounts()
        .create(CreateSandboxAccount::new("c1", "gusto"))
        .await
        .unwrap_err();
    assert!(
        matches!(
            error,
            finch::Error::Request {
                error: finch::RequestError::MissingAuth { .. },
                ..
            }
        ),
        "{error:?}"
    );
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
#[allow(deprecated)] // reads `account_id` on purpose
async fn accounts_create_is_basic_auth_and_decodes_the_spec_example() {
    let reply = json!({
        "connection_id": "a237a1c3-1a5e-44ae-a8fd-81f76fd715c2",
        "entity_id": "449e7a5c-69d3-4b8a-aaaf-5c9b713ebc65",
        "company_id": "b2e6a1c3-1a5e-44ae-a8fd-81f76fd715cf",
        "account_id": "449e7a5c-69d3-4b8a-aaaf-5c9b713ebc65",
        "provider_id": "gusto",
        "authentication_type": "credential",
        "products": ["company"],
        "access_token": "7eb55bcf-6593-4040-afac-252ee1f78e20"
    });
    let server = server("POST", reply).await;
    let account = finch(&server)
        .sandbox()
        .connections()
        .accounts()
        .create(
            CreateSandboxAccount::new("b2e6a1c3-1a5e-44ae-a8fd-81f76fd715cf", "gusto")
                .authentication_type(AuthenticationType::Credential)
                .products([Product::Company]),
        )
        .await
        .unwrap();
    assert_eq!(account.authentication_type, AuthenticationType::Credential);
    assert_eq!(account.company_id, "b2e6a1c3-1a5e-44ae-a8fd-81f76fd715cf");
    assert_eq!(account.account_id, "449e7a5c-69d3-4b8a-aaaf-5c9b713ebc65");
    assert_eq!(
        account.access_token.expose(),
        "7eb55bcf-6593-4040-afac-252ee1f78e20"
    );
    assert!(!format!("{account:?}").contains("7eb55bcf"));

    let request = only_request(&server).await;
    assert_json_request(&request, "POST", "/sandbox/connections/accounts");
    assert_basic(&request);
    assert_eq!(
        json_body(&request),
        json!({"company_id": "b2e6a1c3-1a5e-44ae-a8fd-81f76fd715cf", "provider_id": "gusto",
               "authentication_type": "credential", "products": ["company"]})
    );
}

#[tokio::test]
async fn accounts_update_is_a_bearer_put() {
    let reply = json!({
        "connection_id": "a237a1c3-1a5e-44ae-a8fd-81f76fd715c2",
        "entity_id": "449e7a5c-69d3-4b8a-aaaf-5c9b713ebc65",
        "company_id": "b2e6a1c3-1a5e-44ae-a8fd-81f76fd715cf",
        "account_id": "449e7a5c-69d3-4b8a-aaaf-5c9b713ebc65",
        "provider_id": "gusto",
        "authentication_type": "credential",
        "products": ["company"]
    });
    let server = server("PUT", reply).await;
    let finch = finch(&server);
    let account = finch
        .sandbox()
        .connections()
        .accounts()
        .update(UpdateSandboxAccount::new().connection_status(ConnectionStatus::Reauth))
        .await
        .unwrap();
    assert_eq!(
        account.connection_id,
        "a237a1c3-1a5e-44ae-a8fd-81f76fd715c2"
    );
    assert_eq!(account.products, [Product::Company]);
    let request = only_request(&server).await;
    assert_json_request(&request, "PUT", "/sandbox/connections/accounts");
    assert_bearer(&request);
    assert_eq!(json_body(&request), json!({"connection_status": "reauth"}));

    // With nothing set the body is `{}`.
    server.reset().await;
    Mock::given(method("PUT"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "connection_id": "c", "entity_id": "e", "company_id": "co", "account_id": "a",
            "provider_id": "gusto", "authentication_type": "oauth", "products": []
        })))
        .mount(&server)
        .await;
    finch
        .sandbox()
        .connections()
        .accounts()
        .update(UpdateSandboxAccount::new())
        .await
        .unwrap();
    assert_eq!(json_body(&only_request(&server).await), json!({}));
}

const COMPANY: &str = r#"{
  "legal_name": "Acme, Inc.",
  "entity": {"type": "corporation", "subtype": "s_corporation"},
  "primary_email": "founders@acme.com", "primary_phone_number": "+14475678901 x123",
  "departments": [{"name": "Engineering", "parent": null}, null, {"name": "Platform", "parent": {"name": "Engineering"}}],
  "ein": "12-3456789",
  "locations": [{"line1": "628 Bear Ave", "line2": null, "city": "Schenectady", "state": "NY", "postal_code": "94301", "country": "US"}, null],
  "accounts": [{"routing_number": "123456789", "account_name": "CHECKING ACCOUNT", "institution_name": "BANK OF AMERICA, N.A.", "account_type": "checking", "account_number": "98765432"}]
}"#;

#[tokio::test]
async fn company_update_sends_every_member_with_explicit_nulls() {
    let server = server("PUT", serde_json::from_str(COMPANY).unwrap()).await;
    let mut office = finch::Location::default();
    office.line1 = Some("628 Bear Ave".into());
    office.city = Some("Schenectady".into());
    office.country = Some("US".into());
    let company = finch(&server)
        .sandbox()
        .company()
        .update(
            UpdateSandboxCompany::new()
                .legal_name("Acme, Inc.")
                .entity(EntityType::Corporation, Some(EntitySubtype::SCorporation))
                .department("Engineering", None)
                .department("Platform", Some("Engineering"))
                .location(office)
                .ein("12-3456789"),
        )
        .await
        .unwrap();
    assert_eq!(company.legal_name.as_deref(), Some("Acme, Inc."));
    let departments = company.departments.as_ref().unwrap();
    assert_eq!(departments.len(), 3);
    assert!(departments[1].is_none());
    assert_eq!(
        departments[2]
            .as_ref()
            .and_then(|d| d.parent.as_ref())
            .and_then(|p| p.name.as_deref()),
        Some("Engineering")
    );
    assert_eq!(
        company.accounts.as_ref().unwrap()[0].account_type,
        Some(finch::hris::AccountType::Checking)
    );
    assert_eq!(
        company.entity.as_ref().and_then(|e| e.subtype.clone()),
        Some(EntitySubtype::SCorporation)
    );

    let request = only_request(&server).await;
    assert_json_request(&request, "PUT", "/sandbox/company");
    assert_bearer(&request);
    assert_eq!(
        json_body(&request),
        json!({
            "legal_name": "Acme, Inc.",
            "entity": {"type": "corporation", "subtype": "s_corporation"},
            "primary_email": null,
            "primary_phone_number": null,
            "departments": [{"name": "Engineering", "parent": null}, {"name": "Platform", "parent": {"name": "Engineering"}}],
            "ein": "12-3456789",
            "locations": [{"line1": "628 Bear Ave", "line2": null, "city": "Schenectady", "state": null, "postal_code": null, "country": "US"}],
            "accounts": null
        })
    );
}

#[tokio::test]
async fn company_update_from_a_read_company_keeps_everything_but_the_id() {
    let mut read: serde_json::Value = serde_json::from_str(COMPANY).unwrap();
    read["id"] = json!("514aa2b7-898f-4ce7-bc05-c2fe993713e8");
    let read_server = server("GET", read).await;
    let company = finch(&read_server)
        .hris()
        .company()
        .retrieve()
        .await
        .unwrap();

    let server = server("PUT", serde_json::from_str(COMPANY).unwrap()).await;
    finch(&server)
        .sandbox()
        .company()
        .update(UpdateSandboxCompany::from_company(company).primary_email("ops@acme.com"))
        .await
        .unwrap();
    let mut expected: serde_json::Value = serde_json::from_str(COMPANY).unwrap();
    expected["primary_email"] = json!("ops@acme.com");
    assert_eq!(json_body(&only_request(&server).await), expected);
}

#[tokio::test]
async fn company_update_with_nothing_set_nulls_every_member() {
    let server = server(
        "PUT",
        json!({"legal_name": null, "entity": null, "primary_email": null, "primary_phone_number": null,
               "departments": null, "ein": null, "locations": null, "accounts": null}),
    )
    .await;
    let company = finch(&server)
        .sandbox()
        .company()
        .update(UpdateSandboxCompany::new())
        .await
        .unwrap();
    assert_eq!(company, finch::sandbox::CompanyData::default());
    assert_eq!(
        json_body(&only_request(&server).await),
        json!({"legal_name": null, "entity": null, "primary_email": null, "primary_phone_number": null,
               "departments": null, "ein": null, "locations": null, "accounts": null})
    );
}

#[tokio::test]
async fn individual_update_encodes_the_id_and_sends_only_what_is_set() {
    let reply = json!({
        "id": "5d0b10a1-a09a-430f-81f1-20be735dc5e9",
        "first_name": "Ada", "middle_name": null, "last_name": "Lovelace", "preferred_name": "Ada",
        "emails": [{"data": "ada@example.com", "type": "work"}],
        "phone_numbers": [{"data": "+14475678901", "type": "personal"}, null],
        "gender": "female", "ethnicity": "white", "marital_status": "married", "dob": "1815-12-10",
        "residence": {"line1": "12 St James's Square", "line2": null, "city": "London", "state": null, "postal_code": "SW1Y 4LB", "country": "GB"},
        "ssn": null, "encrypted_ssn": null
    });
    for (id, encoded) in [
        (
            "5d0b10a1-a09a-430f-81f1-20be735dc5e9",
            "5d0b10a1-a09a-430f-81f1-20be735dc5e9",
        ),
        ("a/b c", "a%2Fb%20c"),
        ("../company", "..%2Fcompany"),
    ] {
        let server = server("PUT", reply.clone()).await;
        let individual = finch(&server)
            .sandbox()
            .individual()
            .update(
                UpdateSandboxIndividual::new(id)
                    .preferred_name("Ada")
                    .gender(Gender::Female)
                    .marital_status(MaritalStatus::Married)
                    .dob("1815-12-10")
                    .email("ada@example.com", EmailType::Work)
                    .phone_number("+14475678901", PhoneType::Personal),
            )
            .await
            .unwrap();
        assert_eq!(individual.gender, Some(Gender::Female));
        assert_eq!(
            individual.dob.as_ref().and_then(|d| d.ymd()),
            Some((1815, 12, 10))
        );
        assert_eq!(
            individual
                .residence
                .as_ref()
                .and_then(|r| r.city.as_deref()),
            Some("London")
        );
        assert_eq!(individual.phone_numbers.as_ref().map(Vec::len), Some(2));

        let request = only_request(&server).await;
        assert_json_request(&request, "PUT", &format!("/sandbox/individual/{encoded}"));
        assert_bearer(&request);
        assert_eq!(
            json_body(&request),
            json!({
                "preferred_name": "Ada", "gender": "female", "marital_status": "married", "dob": "1815-12-10",
                "emails": [{"data": "ada@example.com", "type": "work"}],
                "phone_numbers": [{"data": "+14475678901", "type": "personal"}]
            })
        );
    }
}

#[tokio::test]
async fn individual_update_reply_fields_may_all_be_absent() {
    let server = server("PUT", json!({"id": "i1"})).await;
    let individual = finch(&server)
        .sandbox()
        .individual()
        .update(UpdateSandboxIndividual::new("i1"))
        .await
        .unwrap();
    assert_eq!(individual.id.as_deref(), Some("i1"));
    assert_eq!(individual.first_name, None);
    assert_eq!(json_body(&only_request(&server).await), json!({}));
}

#[tokio::test]
async fn employment_update_sends_nested_objects() {
    let reply = json!({
        "id": "5d0b10a1-a09a-430f-81f1-20be735dc5e9",
        "first_name": "Ada", "middle_name": null, "last_name": "Lovelace", "title": "Staff Engineer",
        "manager": {"id": "c205b3fa-b626-4346-bf0f-ca065ab88d31"}, "department": {"name": "Engineering"},
        "employment": {"type": "employee", "subtype": "full_time"},
        "start_date": "2020-03-04", "end_date": null, "latest_rehire_date": null, "is_active": true,
        "employment_status": "active", "flsa_status": "exempt", "class_code": "8810",
        "location": {"line1": "628 Bear Ave", "line2": null, "city": "Schenectady", "state": "NY", "postal_code": "94301", "country": "US"},
        "income": {"unit": "yearly", "amount": 15000000, "currency": "usd", "effective_date": "2024-01-01"},
        "income_history": [{"unit": "yearly", "amount": 14000000, "currency": "usd", "effective_date": "2023-01-01"}, null],
        "custom_fields": [{"name": "shirt size", "value": "M"}, {"name": "badge", "value": 1042}],
        "union_code": null, "union_local": null, "highly_compensated_employee": true, "key_employee": false,
        "source_id": "emp-42"
    });
    let server = server("PUT", reply).await;
    let employment = finch(&server)
        .sandbox()
        .employment()
        .update(
            UpdateSandboxEmployment::new("5d0b10a1-a09a-430f-81f1-20be735dc5e9")
                .title("Staff Engineer")
                .manager("c205b3fa-b626-4346-bf0f-ca065ab88d31")
                .department("Engineering")
                .employment(EmploymentKind::new(
                    EmploymentType::Employee,
                    EmploymentSubtype::FullTime,
                ))
                .start_date("2020-03-04")
                .is_active(true)
                .employment_status(EmploymentStatus::Active)
                .flsa_status(FlsaStatus::Exempt)
                .income(Income::new(15_000_000, "usd", IncomeUnit::Yearly))
                .income_history([Income::new(14_000_000, "usd", IncomeUnit::Yearly)])
                .highly_compensated_employee(true)
                .key_employee(false),
        )
        .await
        .unwrap();
    assert_eq!(
        employment
            .employment
            .as_ref()
            .and_then(|e| e.subtype.clone()),
        Some(EmploymentSubtype::FullTime)
    );
    assert_eq!(
        employment.income.as_ref().and_then(|i| i.amount),
        Some(15_000_000)
    );
    assert_eq!(employment.income_history.as_ref().map(Vec::len), Some(2));
    assert_eq!(
        employment.custom_fields.as_ref().unwrap()[1].value,
        Some(json!(1042))
    );
    assert_eq!(employment.source_id.as_deref(), Some("emp-42"));

    let request = only_request(&server).await;
    assert_json_request(
        &request,
        "PUT",
        "/sandbox/employment/5d0b10a1-a09a-430f-81f1-20be735dc5e9",
    );
    assert_bearer(&request);
    assert_eq!(
        json_body(&request),
        json!({
            "title": "Staff Engineer",
            "manager": {"id": "c205b3fa-b626-4346-bf0f-ca065ab88d31"},
            "department": {"name": "Engineering"},
            "employment": {"type": "employee", "subtype": "full_time"},
            "start_date": "2020-03-04",
            "is_active": true,
            "employment_status": "active",
            "flsa_status": "exempt",
            "income": {"unit": "yearly", "amount": 15000000, "currency": "usd", "effective_date": null},
            "income_history": [{"unit": "yearly", "amount": 14000000, "currency": "usd", "effective_date": null}],
            "highly_compensated_employee": true,
            "key_employee": false
        })
    );
}

#[tokio::test]
async fn employment_update_path_is_one_encoded_segment() {
    let server = server("PUT", json!({})).await;
    finch(&server)
        .sandbox()
        .employment()
        .update(UpdateSandboxEmployment::new("a/b?c#d").end_date("3/4/2020"))
        .await
        .unwrap();
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/sandbox/employment/a%2Fb%3Fc%23d");
    // The spec's own request example is not ISO: dates keep their text as given.
    assert_eq!(json_body(&request), json!({"end_date": "3/4/2020"}));
}

#[tokio::test]
async fn payment_create_sends_nested_pay_statements_in_cents() {
    // The spec's example.
    let server = server(
        "POST",
        json!({"payment_id": "some-payment-id", "pay_date": "2024-01-01"}),
    )
    .await;
    let payment = finch(&server)
        .sandbox()
        .payment()
        .create(
            CreateSandboxPayment::new()
                .start_date("2024-01-01")
                .end_date("2024-01-15")
                .pay_statement(
                    NewPayStatement::new("5d0b10a1-a09a-430f-81f1-20be735dc5e9")
                        .pay_statement_type(PayStatementType::RegularPayroll)
                        .payment_method(PaymentMethod::DirectDeposit)
                        .total_hours(80.5)
                        .gross_pay(250_000)
                        .net_pay(180_000)
                        .earning(
                            NewEarning::new(EarningType::Salary, "Salary", 240_000).hours(80.5),
                        )
                        .earning(NewEarning::new(EarningType::Form1099, "Consulting", 10_000))
                        .tax(NewTax::new(TaxType::Federal, "Federal Income Tax", 50_000))
                        .tax(NewTax::new(TaxType::Fica, "Social Security", 15_500).employer(true))
                        .employee_deduction(
                            NewEmployeeDeduction::new(BenefitType::B401k, "401k", 20_000)
                                .pre_tax(true),
                        )
                        .employer_contribution(NewEmployerContribution::new(
                            BenefitType::B401k,
                            "401k match",
                            10_000,
                        )),
                )
                .pay_statement(NewPayStatement::new("c205b3fa-b626-4346-bf0f-ca065ab88d31")),
        )
        .await
        .unwrap();
    assert_eq!(payment.payment_id, "some-payment-id");
    assert_eq!(payment.pay_date.ymd(), Some((2024, 1, 1)));

    let request = only_request(&server).await;
    assert_json_request(&request, "POST", "/sandbox/payment");
    assert_bearer(&request);
    assert_eq!(
        json_body(&request),
        json!({
            "start_date": "2024-01-01",
            "end_date": "2024-01-15",
            "pay_statements": [
                {
                    "individual_id": "5d0b10a1-a09a-430f-81f1-20be735dc5e9",
                    "type": "regular_payroll",
                    "payment_method": "direct_deposit",
                    "total_hours": 80.5,
                    "gross_pay": 250000,
                    "net_pay": 180000,
                    "earnings": [
                        {"amount": 240000, "hours": 80.5, "name": "Salary", "type": "salary"},
                        {"amount": 10000, "name": "Consulting", "type": "1099"}
                    ],
                    "taxes": [
                        {"amount": 50000, "name": "Federal Income Tax", "type": "federal"},
                        {"amount": 15500, "name": "Social Security", "employer": true, "type": "fica"}
                    ],
                    "employee_deductions": [{"amount": 20000, "name": "401k", "pre_tax": true, "type": "401k"}],
                    "employer_contributions": [{"amount": 10000, "name": "401k match", "type": "401k"}]
                },
                {"individual_id": "c205b3fa-b626-4346-bf0f-ca065ab88d31"}
            ]
        })
    );
}

#[tokio::test]
async fn nested_members_are_sent_as_explicit_nulls_where_the_spec_allows() {
    let payments = server("POST", json!({"payment_id": "p", "pay_date": "2024-01-01"})).await;
    finch(&payments)
        .sandbox()
        .payment()
        .create(
            CreateSandboxPayment::new().pay_statement(
                NewPayStatement::new("5d0b10a1-a09a-430f-81f1-20be735dc5e9")
                    .clear_pay_statement_type()
                    .clear_payment_method()
                    .gross_pay(250_000),
            ),
        )
        .await
        .unwrap();
    assert_eq!(
        json_body(&only_request(&payments).await),
        json!({"pay_statements": [{
            "individual_id": "5d0b10a1-a09a-430f-81f1-20be735dc5e9",
            "type": null, "payment_method": null, "gross_pay": 250000
        }]})
    );

    // A nested location's required, nullable members are sent as `null` when not set.
    let employments = server("PUT", json!({})).await;
    let mut office = finch::Location::default();
    office.city = Some("Schenectady".into());
    finch(&employments)
        .sandbox()
        .employment()
        .update(UpdateSandboxEmployment::new("5d0b10a1").location(office))
        .await
        .unwrap();
    assert_eq!(
        json_body(&only_request(&employments).await),
        json!({"location": {
            "line1": null, "line2": null, "city": "Schenectady", "state": null,
            "postal_code": null, "country": null
        }})
    );
}

#[tokio::test]
async fn payment_create_with_nothing_set_sends_an_empty_object() {
    let server = server("POST", json!({"payment_id": "p", "pay_date": "2024-01-01"})).await;
    finch(&server)
        .sandbox()
        .payment()
        .create(CreateSandboxPayment::new())
        .await
        .unwrap();
    assert_eq!(json_body(&only_request(&server).await), json!({}));
}

#[tokio::test]
async fn a_reply_that_does_not_fit_names_the_field() {
    let server = server("POST", json!({"payment_id": "p", "pay_date": 20240101})).await;
    let error = finch(&server)
        .sandbox()
        .payment()
        .create(CreateSandboxPayment::new())
        .await
        .unwrap_err();
    assert!(error.to_string().contains("pay_date"), "{error}");
}

#[tokio::test]
async fn jobs_create_sends_the_type() {
    // The spec's example.
    let reply = json!({
        "job_id": "453bd7d7-5355-4d6d-a38e-d9e7eb218c3f",
        "job_url": "https://api.tryfinch.com/jobs/automated/453bd7d7-5355-4d6d-a38e-d9e7eb218c3f",
        "allowed_refreshes": 2,
        "remaining_refreshes": 1
    });
    let server = server("POST", reply).await;
    let job = finch(&server)
        .sandbox()
        .jobs()
        .create(CreateSandboxJob::data_sync_all())
        .await
        .unwrap();
    assert_eq!(job.job_id, "453bd7d7-5355-4d6d-a38e-d9e7eb218c3f");
    assert_eq!((job.allowed_refreshes, job.remaining_refreshes), (2, 1));
    let request = only_request(&server).await;
    assert_json_request(&request, "POST", "/sandbox/jobs");
    assert_bearer(&request);
    assert_eq!(json_body(&request), json!({"type": "data_sync_all"}));
}

#[tokio::test]
async fn jobs_configuration_retrieve_is_a_get_without_body() {
    let server = server(
        "GET",
        json!([{"type": "data_sync_all", "completion_status": "complete"},
               {"type": "w4_form_employee_sync", "completion_status": "partial_error"}]),
    )
    .await;
    let configurations = finch(&server)
        .sandbox()
        .jobs()
        .configuration()
        .retrieve()
        .await
        .unwrap();
    assert_eq!(configurations.len(), 2);
    assert_eq!(configurations[0].job_type, SandboxJobType::DataSyncAll);
    assert_eq!(
        configurations[0].completion_status,
        CompletionStatus::Complete
    );
    assert_eq!(
        configurations[1].job_type,
        SandboxJobType::Unknown("w4_form_employee_sync".into())
    );
    assert_eq!(
        configurations[1].completion_status,
        CompletionStatus::Unknown("partial_error".into())
    );

    let request = only_request(&server).await;
    assert_eq!(request.method.as_str(), "GET");
    assert_eq!(request.url.path(), "/sandbox/jobs/configuration");
    assert_eq!(request.url.query(), None);
    assert_eq!(header(&request, "content-type"), None, "a GET has no body");
    assert!(request.body.is_empty());
    assert_bearer(&request);
    assert_common_headers(&request);
}

#[tokio::test]
async fn jobs_configuration_update_is_a_put_of_both_members() {
    let server = server(
        "PUT",
        json!({"type": "data_sync_all", "completion_status": "reauth_error"}),
    )
    .await;
    let configuration = finch(&server)
        .sandbox()
        .jobs()
        .configuration()
        .update(UpdateSandboxJobConfiguration::new(
            SandboxJobType::DataSyncAll,
            CompletionStatus::ReauthError,
        ))
        .await
        .unwrap();
    assert_eq!(
        configuration.completion_status,
        CompletionStatus::ReauthError
    );
    let request = only_request(&server).await;
    assert_json_request(&request, "PUT", "/sandbox/jobs/configuration");
    assert_bearer(&request);
    assert_eq!(
        json_body(&request),
        json!({"completion_status": "reauth_error", "type": "data_sync_all"})
    );
}
