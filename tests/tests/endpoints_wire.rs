//! The representative endpoints on the wire: path encoding, bracket query arrays, Basic vs
//! Bearer, a top-level array body, a JSON body on DELETE.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod support;

use finch::connect::{
    ConnectAuthMethod, ConnectIntegration, CreateConnectSession, Recordkeeper, Recordkeeping,
};
use finch::hris::{
    ListDirectory, RetrieveBenefit, RetrieveCompany, RetrieveIndividuals, UnenrollIndividuals,
};
use finch::sandbox::{CreateSandboxDirectory, NewIndividual};
use finch::{BatchBody, Product};
use support::*;
use wiremock::matchers::{method, path_regex};
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

fn bearer(request: &wiremock::Request) -> Option<&str> {
    header(request, "authorization")
}

const COMPANY: &str = r#"{
  "id": "514aa2b7-898f-4ce7-bc05-c2fe993713e8", "legal_name": "Acme, Inc.",
  "entity": {"type": "corporation", "subtype": "s_corporation"}, "ein": "12-3456789",
  "primary_email": "founders@acme.com", "primary_phone_number": "+14475678901",
  "departments": [{"name": "Engineering", "parent": null}, {"name": "Platform", "parent": {"name": "Engineering"}}],
  "locations": [{"line1": "628 Bear Ave", "line2": "Apt A", "city": "Schenectady", "state": "NY", "postal_code": "94301", "country": "US"}],
  "accounts": [{"routing_number": "123456789", "account_name": "CHECKING ACCOUNT", "institution_name": "BANK OF AMERICA, N.A.", "account_type": "checking", "account_number": "98765432"}]
}"#;

#[tokio::test]
async fn company_is_a_bearer_get_with_entity_ids_in_brackets() {
    let server = server("GET", 200, serde_json::from_str(COMPANY).unwrap()).await;
    let company = finch(&server)
        .hris()
        .company()
        .retrieve_with(RetrieveCompany::new().entity_id("550e8400-e29b-41d4-a716-446655440000"))
        .await
        .unwrap();
    assert_eq!(company.legal_name.as_deref(), Some("Acme, Inc."));
    assert_eq!(company.departments.as_ref().map(Vec::len), Some(2));

    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/employer/company");
    assert_eq!(
        request.url.query(),
        Some("entity_ids[]=550e8400-e29b-41d4-a716-446655440000")
    );
    assert_eq!(
        bearer(&request),
        Some(format!("Bearer {ACCESS_TOKEN}").as_str())
    );
    assert_common_headers(&request);
    assert_eq!(header(&request, "content-type"), None, "a GET has no body");
    assert!(request.body.is_empty());
}

#[tokio::test]
async fn directory_sends_limit_offset_and_reads_paging() {
    let page = serde_json::json!({
        "paging": {"count": 25, "offset": 10},
        "individuals": [{
            "id": "5d0b10a1-a09a-430f-81f1-20be735dc5e9", "first_name": "Jane", "middle_name": null,
            "last_name": "Doe", "manager": {"id": "c205b3fa-b626-4346-bf0f-ca065ab88d31"},
            "department": {"name": "Product"}, "is_active": true
        }]
    });
    let server = server("GET", 200, page).await;
    let page = finch(&server)
        .hris()
        .directory()
        .list(ListDirectory::new().limit(10).offset(10).entity_id("e1"))
        .await
        .unwrap();
    assert_eq!((page.paging.count, page.paging.offset), (Some(25), 10));
    assert_eq!(
        page.individuals[0].manager.as_ref().map(|m| m.id.as_str()),
        Some("c205b3fa-b626-4346-bf0f-ca065ab88d31")
    );
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/employer/directory");
    assert_eq!(
        request.url.query(),
        Some("limit=10&offset=10&entity_ids[]=e1")
    );
}

#[tokio::test]
async fn individuals_batch_body_and_batch_errors() {
    let reply = serde_json::json!({"responses": [
        {"individual_id": "a", "code": 200, "body": {
            "id": "a", "first_name": "Jane", "middle_name": null, "last_name": "Doe", "preferred_name": "Janey",
            "emails": [{"data": "jane@acme.com", "type": "work"}], "phone_numbers": [{"data": "+14475678901", "type": "personal"}],
            "gender": "female", "ethnicity": "black_or_african_american", "marital_status": "married", "dob": "1970-01-01",
            "residence": {"line1": "123 Main St", "line2": "Apt C", "city": "Schenectady", "state": "NY", "postal_code": "12345", "country": "US"}
        }},
        {"individual_id": "b", "code": 404, "body": {"code": 404, "finch_code": "individual_not_found", "message": "No individual with id b found", "name": "not_found_error"}}
    ]});
    let server = server("POST", 200, reply).await;
    let batch = finch(&server)
        .hris()
        .individuals()
        .retrieve_many(RetrieveIndividuals::new(["a", "b"]).include_ssn())
        .await
        .unwrap();
    let first = batch.responses[0].body.data().expect("data");
    assert_eq!(first.dob.as_ref().and_then(|d| d.ymd()), Some((1970, 1, 1)));
    assert!(
        matches!(&batch.responses[1].body, BatchBody::Error(e) if e.finch_code.as_deref() == Some("individual_not_found"))
    );

    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/employer/individual");
    assert_eq!(request.url.query(), None, "no entity_ids were given");
    assert_eq!(header(&request, "content-type"), Some("application/json"));
    assert_eq!(
        json_body(&request),
        serde_json::json!({"requests": [{"individual_id": "a"}, {"individual_id": "b"}], "options": {"include": ["ssn"]}})
    );
}

#[tokio::test]
async fn benefit_ids_stay_one_encoded_segment() {
    let benefit = serde_json::json!({"benefit_id": "x", "type": "401k", "description": "Example 401k", "frequency": "every_paycheck"});
    for (id, encoded) in [
        (
            "6547e3aa-d887-4a77-bd41-17221e17cce3",
            "6547e3aa-d887-4a77-bd41-17221e17cce3",
        ),
        ("../../auth/token", "..%2F..%2Fauth%2Ftoken"),
        ("a/b", "a%2Fb"),
        ("%2F", "%252F"),
        ("a b?c#d", "a%20b%3Fc%23d"),
    ] {
        let server = server("GET", 200, benefit.clone()).await;
        let benefit = finch(&server)
            .hris()
            .benefits()
            .retrieve(RetrieveBenefit::new(id))
            .await
            .unwrap();
        assert_eq!(
            benefit.benefit_type.as_ref().map(|t| t.as_str()),
            Some("401k")
        );
        let request = only_request(&server).await;
        assert_eq!(
            request.url.path(),
            format!("/employer/benefits/{encoded}"),
            "id {id:?}"
        );
    }
    // `..` alone would climb out of the collection: refused before sending.
    let server = server("GET", 200, benefit).await;
    let error = finch(&server)
        .hris()
        .benefits()
        .retrieve(RetrieveBenefit::new(".."))
        .await
        .unwrap_err();
    assert!(error.to_string().contains("benefit_id"), "{error}");
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn unenroll_sends_a_json_body_on_delete() {
    let server = server(
        "DELETE",
        200,
        serde_json::json!({"job_id": "be1b3351-a88e-46c2-96e4-c2cf38e529a7"}),
    )
    .await;
    let job = finch(&server)
        .hris()
        .benefits()
        .individuals()
        .unenroll_many(UnenrollIndividuals::new("ben 1", ["i1", "i2"]).entity_id("e1"))
        .await
        .unwrap();
    assert_eq!(job.job_id, "be1b3351-a88e-46c2-96e4-c2cf38e529a7");
    let request = only_request(&server).await;
    assert_eq!(request.method, "DELETE");
    assert_eq!(request.url.path(), "/employer/benefits/ben%201/individuals");
    assert_eq!(request.url.query(), Some("entity_ids[]=e1"));
    assert_eq!(header(&request, "content-type"), Some("application/json"));
    assert_eq!(
        json_body(&request),
        serde_json::json!({"individual_ids": ["i1", "i2"]})
    );
}

#[tokio::test]
async fn sandbox_directory_sends_a_top_level_array() {
    let server = server("POST", 200, serde_json::json!([{"id": "n1"}])).await;
    let created = finch(&server)
        .sandbox()
        .directory()
        .create(CreateSandboxDirectory::new(vec![
            NewIndividual::named("Ada", "Lovelace").title("Engineer"),
            NewIndividual::named("Alan", "Turing").active(false),
        ]))
        .await
        .unwrap();
    assert_eq!(created.len(), 1);
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/sandbox/directory");
    assert_eq!(
        bearer(&request),
        Some(format!("Bearer {ACCESS_TOKEN}").as_str())
    );
    assert_eq!(
        json_body(&request),
        serde_json::json!([
            {"first_name": "Ada", "last_name": "Lovelace", "title": "Engineer"},
            {"first_name": "Alan", "last_name": "Turing", "is_active": false}
        ])
    );
}

/// A server that answers a Connect session's creation.
async fn sessions_server() -> MockServer {
    server(
        "POST",
        201,
        serde_json::json!({"session_id": "s1", "connect_url": "https://connect.tryfinch.com/authorize?session=s1"}),
    )
    .await
}

#[tokio::test]
async fn connect_sessions_use_basic_auth_not_the_token() {
    let server = sessions_server().await;
    let session = finch(&server)
        .connect()
        .sessions()
        .new(CreateConnectSession::new(
            "customer-42",
            "Acme Inc",
            [Product::Company, Product::Directory],
        ))
        .await
        .unwrap();
    assert_eq!(session.session_id, "s1");
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/connect/sessions");
    // base64("4ab15e51-11ad-49f4-acae-f343b7794375:client-secret-DO-NOT-LEAK")
    let expected = format!(
        "Basic {}",
        base64_of(&format!("{CLIENT_ID}:{CLIENT_SECRET}"))
    );
    assert_eq!(header(&request, "authorization"), Some(expected.as_str()));
    assert_eq!(
        json_body(&request),
        serde_json::json!({"customer_id": "customer-42", "customer_name": "Acme Inc", "products": ["company", "directory"]})
    );
}

#[tokio::test]
async fn connect_session_nested_members_can_be_sent_as_null() {
    let server = sessions_server().await;
    finch(&server)
        .connect()
        .sessions()
        .new(
            CreateConnectSession::new("customer-42", "Acme Inc", [Product::Company])
                .integration(ConnectIntegration::new("gusto").clear_auth_method())
                .recordkeeping(Recordkeeping::new(Recordkeeper::Fidelity).clear_plan_id()),
        )
        .await
        .unwrap();
    // `null` inside the nested objects, where the spec allows it; a member not set stays out.
    assert_eq!(
        json_body(&only_request(&server).await),
        serde_json::json!({
            "customer_id": "customer-42", "customer_name": "Acme Inc", "products": ["company"],
            "integration": {"provider": "gusto", "auth_method": null},
            "recordkeeping": {"recordkeeper": "fidelity", "plan_id": null}
        })
    );
    // Set, then the value is sent; and a body type reads `null` back as a cleared member.
    let integration = ConnectIntegration::new("gusto").auth_method(ConnectAuthMethod::Oauth);
    assert_eq!(
        serde_json::to_value(&integration).unwrap(),
        serde_json::json!({"provider": "gusto", "auth_method": "oauth"})
    );
    let cleared: ConnectIntegration =
        serde_json::from_value(serde_json::json!({"provider": "gusto", "auth_method": null}))
            .unwrap();
    assert_eq!(
        cleared,
        ConnectIntegration::new("gusto").clear_auth_method()
    );
    let absent: ConnectIntegration =
        serde_json::from_value(serde_json::json!({"provider": "gusto"})).unwrap();
    assert_eq!(absent, ConnectIntegration::new("gusto"));
}

#[tokio::test]
async fn a_bearer_endpoint_without_a_token_fails_before_sending() {
    let server = server("GET", 200, serde_json::from_str(COMPANY).unwrap()).await;
    let finch = finch::Finch::builder()
        .base_url(server.uri())
        .client_id(CLIENT_ID)
        .client_secret(CLIENT_SECRET)
        .build()
        .unwrap();
    let error = finch.hris().company().retrieve().await.unwrap_err();
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
    // And the client secret is never sent to a Bearer endpoint.
    let finch = finch.with_access_token(ACCESS_TOKEN);
    finch.hris().company().retrieve().await.unwrap();
    let request = only_request(&server).await;
    assert!(!format!("{:?}", request.headers).contains(CLIENT_SECRET));
}

/// A reference base64 encoder, so the test does not trust the code under test.
fn base64_of(text: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes = text.as_bytes();
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, b)| acc | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}
