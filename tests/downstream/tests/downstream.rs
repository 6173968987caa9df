//! The downstream crate's endpoints go through finch's client: its headers, its auth, its errors.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use finch::Finch;
use finch_downstream::{BetaExt, CreatePlan, ListPlans, TaggedDirectoryPage};
use wiremock::matchers::{body_string, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[tokio::test]
async fn own_endpoints_are_sent_like_finchs() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/introspect"))
        .and(header("authorization", "Bearer token-1"))
        .and(header("finch-api-version", "2020-09-17"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "connection_id": "c1", "provider_id": "gusto", "products": ["directory", "payroll_v2"], "client_id": "x"
        })))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/employer/plans"))
        .and(query_param("limit", "20"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "paging": {"count": 1, "offset": 0}, "plans": [{"id": "p1", "name": "Gold PPO"}]
        })))
        .expect(1)
        .mount(&server)
        .await;

    let finch = Finch::builder()
        .base_url(server.uri())
        .access_token("token-1")
        .build()
        .unwrap();
    let about = finch.beta().introspect().await.unwrap();
    assert_eq!(about.connection_id, "c1");
    assert_eq!(
        about.products[1],
        finch::Product::Unknown("payroll_v2".into())
    );
    let plans = finch
        .beta()
        .plans(ListPlans::new().limit(20))
        .await
        .unwrap();
    assert_eq!(plans.plans[0].name.as_deref(), Some("Gold PPO"));
}

#[tokio::test]
async fn own_endpoints_get_finchs_typed_errors() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(404).set_body_json(serde_json::json!({
            "code": 404, "name": "not_found_error", "finch_code": "item_not_found", "message": "No plans"
        })))
        .mount(&server)
        .await;
    let finch = Finch::builder()
        .base_url(server.uri())
        .access_token("token-1")
        .build()
        .unwrap();
    let error = finch.beta().plans(ListPlans::new()).await.unwrap_err();
    assert_eq!(error.status().map(|status| status.as_u16()), Some(404));
    let finch::Error::Api(api) = error else {
        panic!("expected an API error")
    };
    assert_eq!(api.finch_code(), Some("item_not_found"));
}

#[tokio::test]
async fn own_endpoints_work_against_the_stand_in() {
    let stand_in = finch_stand_in::StandIn::start().await.unwrap();
    let finch = Finch::builder()
        .base_url(stand_in.base_url())
        .access_token(stand_in.issue_access_token())
        .build()
        .unwrap();
    let page = finch
        .send(&TaggedDirectoryPage {
            tag: Some("nightly-sync".into()),
            limit: Some(5),
        })
        .await
        .unwrap();
    assert_eq!(page.individuals.len(), 5);
    let sent = stand_in.requests();
    let last = sent.last().unwrap();
    assert_eq!(
        last.headers
            .get("x-request-tag")
            .map(|v| v.to_str().unwrap()),
        Some("nightly-sync")
    );
}

#[tokio::test]
async fn serde_attributes_of_a_request_shape_its_body() {
    let server = MockServer::start().await;
    let body = r#"{"planName":"Gold PPO"}"#;
    Mock::given(method("POST"))
        .and(path("/employer/benefits/b%201/plans"))
        .and(header("x-benefit-type", "s125_medical"))
        .and(body_string(body))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({"id": "p1", "name": "Gold PPO"})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let finch = Finch::builder()
        .base_url(server.uri())
        .access_token("token-1")
        .build()
        .unwrap();
    let request =
        CreatePlan::new("b 1", "Gold PPO").benefit_type(finch::hris::BenefitType::S125Medical);
    // What the derive writes is what is sent.
    assert_eq!(serde_json::to_string(&request).unwrap(), body);
    let plan = finch.send(&request).await.unwrap();
    assert_eq!(plan.id, "p1");
}
