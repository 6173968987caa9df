//! Benefits, pay groups, ledger items and the beta plan endpoints on the wire: method, path,
//! query, auth and body of each request, and the decoding of realistic replies (every union
//! variant, batch errors, paging).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod support;

use finch::hris::{
    BenefitCompanyMatchContribution, BenefitEnrollment, BenefitFrequency, BenefitType,
    CompanyContribution, CompanyContributionType, ContributionFrequency, CoverageTier,
    CreateBenefit, DependentRelationship, EmployeeDeduction, EmployeeDeductionType,
    EnrollIndividuals, EnrollmentStatus, Gender, HsaContributionLimit, ListBenefits,
    ListEnrolledIndividualIds, ListPlanDependents, ListPlanEnrollments, ListPlans,
    ListSupportedBenefits, MatchTier, PlanNetworkType, PlanType, RegisterBenefit,
    RetrieveIndividualBenefits, RetrievePlan, RetrievePlanDependents, RetrievePlanEnrollments,
    UpdateBenefit,
};
use finch::payroll::{
    LedgerEntryType, LedgerItemsRequest, LedgerSource, ListPayGroups, PayFrequency,
    RetrieveLedgerItems, RetrievePayGroup,
};
use finch::{BatchBody, Error};
use serde_json::{Value, json};
use support::*;
use wiremock::matchers::{method, path, path_regex, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

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

/// Checks what every request here shares: the method, the bearer token, the common headers, and
/// a JSON body exactly when there is one.
fn assert_bearer_request(request: &Request, verb: &str, body: Option<Value>) {
    assert_eq!(request.method.as_str(), verb);
    assert_eq!(
        header(request, "authorization"),
        Some(format!("Bearer {ACCESS_TOKEN}").as_str())
    );
    assert_common_headers(request);
    match body {
        Some(expected) => {
            assert_eq!(header(request, "content-type"), Some("application/json"));
            assert_eq!(json_body(request), expected);
        }
        None => {
            assert!(request.body.is_empty(), "no body expected");
            assert_eq!(header(request, "content-type"), None);
        }
    }
}

const ENTITY: &str = "550e8400-e29b-41d4-a716-446655440000";
const ENTITY_QUERY: &str = "entity_ids[]=550e8400-e29b-41d4-a716-446655440000";

// ---------------------------------------------------------------------------------------------
// Company benefits

#[tokio::test]
async fn benefits_list_reads_every_benefit_with_and_without_a_match() {
    let reply = json!([
        {"benefit_id": "e8b90071-0c11-471c-86e8-e303ef2f6782", "type": "401k", "description": "Example 401k",
         "frequency": "every_paycheck",
         "company_contribution": {"type": "match", "tiers": [{"match": 10000, "threshold": 300}, {"match": 5000, "threshold": 500}]}},
        {"benefit_id": "b2", "type": null, "description": null, "frequency": null},
        {"benefit_id": "b3", "type": "529_plan", "description": "College", "frequency": "quarterly", "company_contribution": null}
    ]);
    let server = serve("GET", 200, reply).await;
    let benefits = finch(&server)
        .hris()
        .benefits()
        .list(ListBenefits::new().entity_id(ENTITY))
        .await
        .unwrap();
    assert_eq!(benefits.len(), 3);
    assert_eq!(benefits[0].benefit_type, Some(BenefitType::B401k));
    assert_eq!(benefits[0].frequency, Some(BenefitFrequency::EveryPaycheck));
    let tiers = &benefits[0].company_contribution.as_ref().unwrap().tiers;
    assert_eq!(
        tiers,
        &[MatchTier::new(10_000, 300), MatchTier::new(5_000, 500)]
    );
    assert_eq!(benefits[1].benefit_type, None);
    assert_eq!(
        benefits[2].benefit_type,
        Some(BenefitType::Unknown("529_plan".into()))
    );
    assert_eq!(
        benefits[2].frequency,
        Some(BenefitFrequency::Unknown("quarterly".into()))
    );

    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/employer/benefits");
    assert_eq!(request.url.query(), Some(ENTITY_QUERY));
    assert_bearer_request(&request, "GET", None);
}

#[tokio::test]
async fn create_benefit_posts_type_description_frequency_and_match() {
    let reply = json!({"benefit_id": "e8b90071-0c11-471c-86e8-e303ef2f6782", "job_id": "be1b3351-a88e-46c2-96e4-c2cf38e529a7"});
    let server = serve("POST", 201, reply).await;
    let created = finch(&server)
        .hris()
        .benefits()
        .create(
            CreateBenefit::new()
                .benefit_type(BenefitType::B401k)
                .description("401(k)")
                .frequency(BenefitFrequency::EveryPaycheck)
                .company_contribution(BenefitCompanyMatchContribution::new([MatchTier::new(
                    10_000, 300,
                )]))
                .entity_id(ENTITY),
        )
        .await
        .unwrap();
    assert_eq!(created.benefit_id, "e8b90071-0c11-471c-86e8-e303ef2f6782");
    assert_eq!(created.job_id, "be1b3351-a88e-46c2-96e4-c2cf38e529a7");

    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/employer/benefits");
    assert_eq!(request.url.query(), Some(ENTITY_QUERY));
    assert_bearer_request(
        &request,
        "POST",
        Some(json!({
            "type": "401k", "description": "401(k)", "frequency": "every_paycheck",
            "company_contribution": {"type": "match", "tiers": [{"match": 10000, "threshold": 300}]}
        })),
    );
}

#[tokio::test]
async fn create_benefit_leaves_out_what_is_not_set() {
    let server = serve("POST", 201, json!({"benefit_id": "b", "job_id": "j"})).await;
    finch(&server)
        .hris()
        .benefits()
        .create(CreateBenefit::new().description("Gym"))
        .await
        .unwrap();
    let request = only_request(&server).await;
    assert_eq!(request.url.query(), None);
    assert_bearer_request(&request, "POST", Some(json!({"description": "Gym"})));
}

#[tokio::test]
async fn create_benefit_sends_null_for_a_cleared_member_and_leaves_out_an_unset_one() {
    let server = serve("POST", 201, json!({"benefit_id": "b", "job_id": "j"})).await;
    finch(&server)
        .hris()
        .benefits()
        .create(
            CreateBenefit::new()
                .benefit_type(BenefitType::Commuter)
                .description("Transit")
                .clear_company_contribution(),
        )
        .await
        .unwrap();
    let request = only_request(&server).await;
    let body = json_body(&request);
    // Cleared: sent, as `null`. Never set: not sent at all.
    assert_eq!(body.get("company_contribution"), Some(&Value::Null));
    assert_eq!(body.get("frequency"), None);
    assert_bearer_request(
        &request,
        "POST",
        Some(json!({"type": "commuter", "description": "Transit", "company_contribution": null})),
    );
}

#[tokio::test]
async fn supported_benefits_read_features_and_null() {
    let reply = json!([
        {"type": "401k", "description": "401(k)", "employee_deduction": ["fixed", "percent"],
         "company_contribution": ["fixed", "percent", "tiered"], "annual_maximum": true, "catch_up": true,
         "frequencies": ["every_paycheck", null]},
        {"type": "hsa_pre", "description": null, "employee_deduction": [], "company_contribution": null,
         "annual_maximum": null, "hsa_contribution_limit": ["individual", "family", null], "frequencies": []},
        {"description": "Without a type", "employee_deduction": ["matched"], "company_contribution": [null],
         "annual_maximum": false, "frequencies": ["monthly"]}
    ]);
    let server = serve("GET", 200, reply).await;
    let supported = finch(&server)
        .hris()
        .benefits()
        .list_supported_benefits(ListSupportedBenefits::new().entity_id(ENTITY))
        .await
        .unwrap();
    assert_eq!(supported[0].benefit_type, Some(BenefitType::B401k));
    assert_eq!(
        supported[0].company_contribution.as_deref(),
        Some(
            &[
                Some(CompanyContributionType::Fixed),
                Some(CompanyContributionType::Percent),
                Some(CompanyContributionType::Tiered)
            ][..]
        )
    );
    assert_eq!(supported[0].catch_up, Some(true));
    assert_eq!(
        supported[0].frequencies,
        [Some(BenefitFrequency::EveryPaycheck), None]
    );
    assert_eq!(
        supported[1].hsa_contribution_limit.as_deref(),
        Some(
            &[
                Some(HsaContributionLimit::Individual),
                Some(HsaContributionLimit::Family),
                None
            ][..]
        )
    );
    assert_eq!(supported[1].company_contribution, None);
    assert_eq!(supported[2].benefit_type, None);
    assert_eq!(
        supported[2].employee_deduction.as_deref(),
        Some(&[Some(EmployeeDeductionType::Unknown("matched".into()))][..])
    );
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/employer/benefits/meta");
    assert_eq!(request.url.query(), Some(ENTITY_QUERY));
    assert_bearer_request(&request, "GET", None);

    // The reference allows a `null` list.
    let server = serve("GET", 200, Value::Null).await;
    let none = finch(&server)
        .hris()
        .benefits()
        .list_supported_benefits(ListSupportedBenefits::new())
        .await
        .unwrap();
    assert!(none.is_empty());
}

#[tokio::test]
async fn register_benefit_posts_its_fields() {
    let reply = json!({"benefit_id": "e8b90071-0c11-471c-86e8-e303ef2f6782", "job_id": "be1b3351-a88e-46c2-96e4-c2cf38e529a7"});
    let server = serve("POST", 201, reply).await;
    let registered = finch(&server)
        .hris()
        .benefits()
        .register(
            RegisterBenefit::new()
                .benefit_type(BenefitType::HsaPre)
                .description("HSA")
                .frequency(BenefitFrequency::Monthly)
                .entity_id(ENTITY),
        )
        .await
        .unwrap();
    assert_eq!(registered.job_id, "be1b3351-a88e-46c2-96e4-c2cf38e529a7");
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/employer/benefits/register");
    assert_eq!(request.url.query(), Some(ENTITY_QUERY));
    assert_bearer_request(
        &request,
        "POST",
        Some(json!({"type": "hsa_pre", "description": "HSA", "frequency": "monthly"})),
    );
}

#[tokio::test]
async fn update_benefit_posts_the_description_to_the_encoded_id() {
    let reply = json!({"benefit_id": "6547e3aa-d887-4a77-bd41-17221e17cce3", "job_id": "be1b3351-a88e-46c2-96e4-c2cf38e529a7"});
    let server = serve("POST", 200, reply).await;
    let updated = finch(&server)
        .hris()
        .benefits()
        .update(
            UpdateBenefit::new("ben/1 x")
                .description("Retirement")
                .entity_id(ENTITY),
        )
        .await
        .unwrap();
    assert_eq!(updated.benefit_id, "6547e3aa-d887-4a77-bd41-17221e17cce3");
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/employer/benefits/ben%2F1%20x");
    assert_eq!(request.url.query(), Some(ENTITY_QUERY));
    assert_bearer_request(&request, "POST", Some(json!({"description": "Retirement"})));
}

// ---------------------------------------------------------------------------------------------
// Individuals in a benefit

#[tokio::test]
async fn enrolled_ids_reads_the_benefit_and_its_people() {
    let reply = json!({"benefit_id": "6547e3aa-d887-4a77-bd41-17221e17cce3", "individual_ids": ["7fc9fb3a-2a62-47c1-9a5a-c9146483b58e"]});
    let server = serve("GET", 200, reply).await;
    let enrolled = finch(&server)
        .hris()
        .benefits()
        .individuals()
        .enrolled_ids(
            ListEnrolledIndividualIds::new("6547e3aa-d887-4a77-bd41-17221e17cce3")
                .entity_id(ENTITY),
        )
        .await
        .unwrap();
    assert_eq!(
        enrolled.individual_ids,
        ["7fc9fb3a-2a62-47c1-9a5a-c9146483b58e"]
    );
    let request = only_request(&server).await;
    assert_eq!(
        request.url.path(),
        "/employer/benefits/6547e3aa-d887-4a77-bd41-17221e17cce3/enrolled"
    );
    assert_eq!(request.url.query(), Some(ENTITY_QUERY));
    assert_bearer_request(&request, "GET", None);
}

#[tokio::test]
async fn individual_benefits_send_one_comma_separated_list_and_read_every_variant() {
    // 207: some items succeeded, some did not.
    let reply = json!([
        {"individual_id": "a", "code": 200, "body": {
            "employee_deduction": {"type": "fixed", "amount": 10000},
            "company_contribution": {"type": "fixed", "amount": 2500},
            "annual_maximum": 2300000, "catch_up": true}},
        {"individual_id": "b", "code": 200, "body": {
            "employee_deduction": {"type": "percent", "amount": 500},
            "company_contribution": {"type": "percent", "amount": 300},
            "annual_maximum": null, "catch_up": false}},
        {"individual_id": "c", "code": 200, "body": {
            "employee_deduction": {"type": "percent", "amount": 600},
            "company_contribution": {"type": "tiered", "tiers": [{"match": 10000, "threshold": 300}, {"match": 5000, "threshold": 500}]},
            "annual_maximum": null, "catch_up": null}},
        {"individual_id": "d", "code": 200, "body": {
            "employee_deduction": null, "company_contribution": null,
            "annual_maximum": 415000, "catch_up": null, "hsa_contribution_limit": "family"}},
        {"individual_id": "e", "code": 200, "body": {
            "employee_deduction": {"type": "loan_repayment", "amount": 100, "loan_id": "l1"},
            "company_contribution": {"type": "profit_sharing", "amount": 1},
            "annual_maximum": null, "catch_up": null, "hsa_contribution_limit": null}},
        {"individual_id": "f", "code": 404, "body": {"code": 404, "name": "not_found_error", "finch_code": "individual_not_found", "message": "No individual with id f"}}
    ]);
    let server = serve("GET", 207, reply.clone()).await;
    let results = finch(&server)
        .hris()
        .benefits()
        .individuals()
        .retrieve_many_benefits(
            RetrieveIndividualBenefits::new("6547e3aa")
                .individual_ids(["a", "b", "c", "d", "e", "f"])
                .entity_id(ENTITY),
        )
        .await
        .unwrap();
    assert_eq!(results.len(), 6);
    let body = |index: usize| results[index].body.data().expect("data");
    assert_eq!(
        body(0).employee_deduction,
        Some(EmployeeDeduction::Fixed { amount: 10_000 })
    );
    assert_eq!(
        body(0).company_contribution,
        Some(CompanyContribution::Fixed { amount: 2_500 })
    );
    assert_eq!(
        (body(0).annual_maximum, body(0).catch_up),
        (Some(2_300_000), Some(true))
    );
    assert_eq!(
        body(1).employee_deduction,
        Some(EmployeeDeduction::Percent { amount: 500 })
    );
    assert_eq!(
        body(1).company_contribution,
        Some(CompanyContribution::Percent { amount: 300 })
    );
    assert_eq!(
        body(2).company_contribution,
        Some(CompanyContribution::Tiered {
            tiers: vec![MatchTier::new(10_000, 300), MatchTier::new(5_000, 500)]
        })
    );
    assert_eq!(body(3).employee_deduction, None);
    assert_eq!(
        body(3).hsa_contribution_limit,
        Some(HsaContributionLimit::Family)
    );
    assert_eq!(
        body(4).employee_deduction,
        Some(EmployeeDeduction::Unknown(
            json!({"type": "loan_repayment", "amount": 100, "loan_id": "l1"})
        ))
    );
    assert!(matches!(
        body(4).company_contribution,
        Some(CompanyContribution::Unknown(_))
    ));
    assert!(
        matches!(&results[5].body, BatchBody::Error(error) if error.code == 404 && error.finch_code.as_deref() == Some("individual_not_found"))
    );
    // Nothing is lost: the reply encodes back as it came (but for the `null` left out).
    let mut again = serde_json::to_value(&results).unwrap();
    again[4]["body"]
        .as_object_mut()
        .unwrap()
        .insert("hsa_contribution_limit".into(), Value::Null);
    assert_eq!(again, reply);

    let request = only_request(&server).await;
    assert_eq!(
        request.url.path(),
        "/employer/benefits/6547e3aa/individuals"
    );
    assert_eq!(
        request.url.query(),
        Some(format!("individual_ids=a%2Cb%2Cc%2Cd%2Ce%2Cf&{ENTITY_QUERY}").as_str())
    );
    let sent: Vec<_> = request.url.query_pairs().collect();
    assert_eq!(sent[0].1, "a,b,c,d,e,f");
    assert_bearer_request(&request, "GET", None);
}

#[tokio::test]
async fn individual_benefits_without_ids_read_everyone() {
    let server = serve("GET", 200, json!([])).await;
    let results = finch(&server)
        .hris()
        .benefits()
        .individuals()
        .retrieve_many_benefits(
            RetrieveIndividualBenefits::new("b1").individual_ids(Vec::<String>::new()),
        )
        .await
        .unwrap();
    assert!(results.is_empty());
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/employer/benefits/b1/individuals");
    assert_eq!(request.url.query(), None);
}

#[tokio::test]
async fn individual_benefit_decode_errors_say_where() {
    let reply = json!([
        {"individual_id": "a", "code": 200, "body": {
            "employee_deduction": {"type": "fixed", "amount": 10000},
            "company_contribution": {"type": "tiered", "tiers": [{"match": 10000, "threshold": "3%"}]},
            "annual_maximum": null, "catch_up": null}}
    ]);
    let server = serve("GET", 200, reply).await;
    let error = finch(&server)
        .hris()
        .benefits()
        .individuals()
        .retrieve_many_benefits(RetrieveIndividualBenefits::new("b1"))
        .await
        .unwrap_err();
    let Error::Decode(decode) = &error else {
        panic!("expected a decode error, got {error:?}");
    };
    // The report: the error and its source (serde's message, which names the inner path).
    let text = format!(
        "{error}: {}",
        std::error::Error::source(&error)
            .map(ToString::to_string)
            .unwrap_or_default()
    );
    assert!(decode.path.starts_with("[0].body"), "{text}");
    assert!(text.contains("company_contribution"), "{text}");
    assert!(text.contains("tiers[0].threshold"), "{text}");
}

#[tokio::test]
async fn enroll_many_sends_a_top_level_array_with_every_contribution_kind() {
    let server = serve(
        "POST",
        200,
        json!({"job_id": "be1b3351-a88e-46c2-96e4-c2cf38e529a7"}),
    )
    .await;
    let job = finch(&server)
        .hris()
        .benefits()
        .individuals()
        .enroll_many(
            EnrollIndividuals::new(
                "6547e3aa/x",
                [
                    BenefitEnrollment::new("a")
                        .employee_deduction(EmployeeDeduction::Fixed { amount: 10_000 })
                        .company_contribution(CompanyContribution::Fixed { amount: 0 })
                        .annual_maximum(None)
                        .annual_contribution_limit(HsaContributionLimit::Individual),
                    BenefitEnrollment::new("b")
                        .employee_deduction(EmployeeDeduction::Percent { amount: 500 })
                        .company_contribution(CompanyContribution::Percent { amount: 300 })
                        .annual_maximum(2_300_000)
                        .catch_up(true)
                        .effective_date("2026-01-01"),
                    BenefitEnrollment::new("c").company_contribution(CompanyContribution::Tiered {
                        tiers: vec![MatchTier::new(10_000, 300), MatchTier::new(5_000, 500)],
                    }),
                    BenefitEnrollment::new("d"),
                ],
            )
            .entity_id(ENTITY),
        )
        .await
        .unwrap();
    assert_eq!(job.job_id, "be1b3351-a88e-46c2-96e4-c2cf38e529a7");
    let request = only_request(&server).await;
    assert_eq!(
        request.url.path(),
        "/employer/benefits/6547e3aa%2Fx/individuals"
    );
    assert_eq!(request.url.query(), Some(ENTITY_QUERY));
    assert_bearer_request(
        &request,
        "POST",
        Some(json!([
            {"individual_id": "a", "configuration": {
                "employee_deduction": {"type": "fixed", "amount": 10000},
                "company_contribution": {"type": "fixed", "amount": 0},
                "annual_maximum": null, "annual_contribution_limit": "individual"}},
            {"individual_id": "b", "configuration": {
                "employee_deduction": {"type": "percent", "amount": 500},
                "company_contribution": {"type": "percent", "amount": 300},
                "annual_maximum": 2300000, "catch_up": true, "effective_date": "2026-01-01"}},
            {"individual_id": "c", "configuration": {
                "company_contribution": {"type": "tiered", "tiers": [{"match": 10000, "threshold": 300}, {"match": 5000, "threshold": 500}]}}},
            {"individual_id": "d"}
        ])),
    );
}

// ---------------------------------------------------------------------------------------------
// Pay groups

#[tokio::test]
async fn pay_groups_list_filters_by_individual_and_bracketed_frequencies() {
    let reply = json!([
        {"id": "5d0b10a1-a09a-430f-81f1-20be735dc5e9", "name": "Monthly", "pay_frequencies": ["monthly"]},
        {"id": "9349eed4-4064-4641-ba8e-9e1ad7e1d014", "name": "Weekly", "pay_frequencies": ["weekly", "bi_weekly", "every_full_moon"]}
    ]);
    let server = serve("GET", 200, reply).await;
    let groups = finch(&server)
        .payroll()
        .pay_groups()
        .list(
            ListPayGroups::new()
                .individual_id("be7b048c")
                .pay_frequencies([PayFrequency::Weekly, PayFrequency::BiWeekly])
                .entity_id(ENTITY),
        )
        .await
        .unwrap();
    assert_eq!(groups[0].pay_frequencies, [PayFrequency::Monthly]);
    assert_eq!(
        groups[1].pay_frequencies,
        [
            PayFrequency::Weekly,
            PayFrequency::BiWeekly,
            PayFrequency::Unknown("every_full_moon".into())
        ]
    );
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/employer/pay-groups");
    assert_eq!(
        request.url.query(),
        Some(
            format!("individual_id=be7b048c&pay_frequencies[]=weekly&pay_frequencies[]=bi_weekly&{ENTITY_QUERY}")
                .as_str()
        )
    );
    assert_bearer_request(&request, "GET", None);
}

#[tokio::test]
async fn pay_group_retrieve_reads_its_members() {
    let reply = json!({"id": "5d0b10a1-a09a-430f-81f1-20be735dc5e9", "name": "Monthly", "pay_frequencies": ["monthly"],
        "individual_ids": ["be7b048c-a6f3-4194-a017-2f537d4f3565"]});
    let server = serve("GET", 200, reply).await;
    let group = finch(&server)
        .payroll()
        .pay_groups()
        .retrieve(RetrievePayGroup::new("pg?1").entity_id(ENTITY))
        .await
        .unwrap();
    assert_eq!(group.name, "Monthly");
    assert_eq!(
        group.individual_ids,
        ["be7b048c-a6f3-4194-a017-2f537d4f3565"]
    );
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/employer/pay-groups/pg%3F1");
    assert_eq!(request.url.query(), Some(ENTITY_QUERY));
    assert_bearer_request(&request, "GET", None);
}

// ---------------------------------------------------------------------------------------------
// Ledger items (beta)

#[tokio::test]
async fn ledger_items_post_per_payment_paging_and_read_data_and_errors() {
    let reply = json!({"responses": [
        {"payment_id": "fc8b024e-d373-4c9c-80fc-f1625383d142", "code": 200, "body": {
            "source": "direct", "provider_description": null, "pay_date": "2022-05-20",
            "totals": {"debit": {"amount": 5463791, "currency": "usd"}, "credit": {"amount": 5463791, "currency": "usd"}, "balanced": true},
            "paging": {"count": 2, "offset": 0},
            "ledger_items": [
                {"type": "regular_wages", "account_type": "RegularWages", "account_description": "Regular Wages",
                 "debit": {"amount": 5463791, "currency": "usd"}, "credit": {"amount": 0, "currency": "usd"}},
                {"type": "crypto_bonus", "account_type": null, "account_description": null,
                 "debit": {"amount": 0, "currency": null}, "credit": {"amount": 5463791, "currency": "usd"}}
            ]}},
        {"payment_id": "p2", "code": 404, "body": {"code": 404, "name": "not_found_error", "finch_code": "payment_not_found", "message": "No payment p2"}}
    ]});
    let server = serve("POST", 200, reply).await;
    let batch = finch(&server)
        .payroll()
        .ledger_items()
        .retrieve_many(
            RetrieveLedgerItems::from_requests([
                LedgerItemsRequest::new("fc8b024e-d373-4c9c-80fc-f1625383d142")
                    .offset(0)
                    .limit(100),
                LedgerItemsRequest::new("p2"),
            ])
            .entity_id(ENTITY),
        )
        .await
        .unwrap();
    let ledger = batch.responses[0].body.data().expect("data");
    assert_eq!(ledger.source, LedgerSource::Direct);
    assert_eq!(ledger.pay_date.ymd(), Some((2022, 5, 20)));
    assert!(ledger.totals.balanced);
    assert_eq!(ledger.totals.debit.amount, 5_463_791);
    assert_eq!(
        ledger.ledger_items[0].entry_type,
        LedgerEntryType::RegularWages
    );
    assert_eq!(
        ledger.ledger_items[1].entry_type,
        LedgerEntryType::Unknown("crypto_bonus".into())
    );
    assert_eq!(ledger.ledger_items[1].debit.currency, None);
    assert!(
        matches!(&batch.responses[1].body, BatchBody::Error(error) if error.finch_code.as_deref() == Some("payment_not_found"))
    );

    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/employer/ledger-items");
    assert_eq!(request.url.query(), Some(ENTITY_QUERY));
    assert_bearer_request(
        &request,
        "POST",
        Some(json!({"requests": [
            {"payment_id": "fc8b024e-d373-4c9c-80fc-f1625383d142", "offset": 0, "limit": 100},
            {"payment_id": "p2"}
        ]})),
    );
}

// ---------------------------------------------------------------------------------------------
// Plans (beta)

fn plan(id: &str) -> Value {
    json!({"id": id, "name": "Acme PPO Medical", "type": "medical", "description": "Nationwide PPO medical coverage.",
        "network_type": "ppo", "carrier": {"id": "7b2f0b1c", "name": "Blue Cross Blue Shield"},
        "start_date": "2026-01-01", "end_date": "2026-12-31", "coverage_tiers": ["employee_only", "employee_family", "employee_plus_pet"],
        "deduction_codes": ["MED-PPO-EE", "MED-PPO-ER"]})
}

#[tokio::test]
async fn plans_list_sends_type_limit_offset_and_reads_plans() {
    let reply = json!({"paging": {"count": 2, "offset": 0}, "plans": [plan("p1"), {
        "id": "p2", "name": "Bare", "type": null, "description": null, "network_type": null, "carrier": null,
        "start_date": "2026-01-01", "end_date": null, "coverage_tiers": null, "deduction_codes": null}]});
    let server = serve("GET", 200, reply).await;
    let page = finch(&server)
        .hris()
        .plans()
        .list(
            ListPlans::new()
                .plan_type(PlanType::Medical)
                .limit(50)
                .offset(0)
                .entity_id(ENTITY),
        )
        .await
        .unwrap();
    assert_eq!(page.paging.count, Some(2));
    let first = &page.plans[0];
    assert_eq!(first.plan_type, Some(PlanType::Medical));
    assert_eq!(first.network_type, Some(PlanNetworkType::Ppo));
    assert_eq!(
        first.carrier.as_ref().and_then(|c| c.name.as_deref()),
        Some("Blue Cross Blue Shield")
    );
    assert_eq!(
        first.coverage_tiers.as_deref(),
        Some(
            &[
                CoverageTier::EmployeeOnly,
                CoverageTier::EmployeeFamily,
                CoverageTier::Unknown("employee_plus_pet".into())
            ][..]
        )
    );
    assert_eq!(page.plans[1].carrier, None);
    assert_eq!(page.plans[1].end_date, None);

    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/employer/plans");
    assert_eq!(
        request.url.query(),
        Some(format!("plan_type=medical&limit=50&offset=0&{ENTITY_QUERY}").as_str())
    );
    assert_bearer_request(&request, "GET", None);
}

#[tokio::test]
async fn plan_retrieve_reads_one_plan() {
    let server = serve("GET", 200, plan("3f0b5a2b")).await;
    let plan = finch(&server)
        .hris()
        .plans()
        .retrieve(RetrievePlan::new("3f0b 5a2b").entity_id(ENTITY))
        .await
        .unwrap();
    assert_eq!(plan.id, "3f0b5a2b");
    assert_eq!(plan.start_date.ymd(), Some((2026, 1, 1)));
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/employer/plans/3f0b%205a2b");
    assert_eq!(request.url.query(), Some(ENTITY_QUERY));
    assert_bearer_request(&request, "GET", None);
}

#[tokio::test]
async fn plans_list_all_walks_the_pages_by_count() {
    let server = MockServer::start().await;
    for (offset, ids) in [
        (None, ["p1", "p2"].as_slice()),
        (Some("2"), ["p3"].as_slice()),
    ] {
        let page = json!({"paging": {"count": 3, "offset": offset.unwrap_or("0").parse::<u64>().unwrap()},
            "plans": ids.iter().map(|id| plan(id)).collect::<Vec<_>>()});
        let mock = Mock::given(method("GET")).and(path("/employer/plans"));
        let mock = match offset {
            Some(offset) => mock.and(query_param("offset", offset)),
            None => mock.and(query_param_is_missing("offset")),
        };
        mock.and(query_param("limit", "2"))
            .respond_with(ResponseTemplate::new(200).set_body_json(page))
            .expect(1)
            .mount(&server)
            .await;
    }
    let mut plans = finch(&server)
        .hris()
        .plans()
        .list_all(ListPlans::new().limit(2));
    let mut ids = Vec::new();
    while let Some(plan) = plans.next_item().await {
        ids.push(plan.unwrap().id);
    }
    assert_eq!(ids, ["p1", "p2", "p3"]);
}

#[tokio::test]
async fn plans_still_syncing_is_the_accepted_outcome() {
    let server = serve(
        "GET",
        202,
        json!({"code": 202, "name": "sync_in_progress", "finch_code": "data_sync_in_progress",
               "message": "The data being requested is being fetched. Please check back later."}),
    )
    .await;
    let error = finch(&server)
        .hris()
        .plans()
        .list(ListPlans::new())
        .await
        .unwrap_err();
    assert!(matches!(error, Error::Accepted(_)), "{error:?}");
}

// ---------------------------------------------------------------------------------------------
// Plan enrollments (beta)

fn enrollment(id: &str) -> Value {
    json!({"id": id, "individual_id": "5d0b10a1", "plan_id": "3f0b5a2b", "coverage_tier": "employee_family",
        "coverage_start_date": "2026-01-01", "coverage_end_date": null,
        "contributions": {"frequency": "per_pay_period", "employee_contribution": {"amount": 12500, "currency": "usd"},
                          "employer_contribution": {"amount": 37500, "currency": "usd"}},
        "dependent_ids": ["a8d6c0ec"], "status": "active"})
}

#[tokio::test]
async fn plan_enrollments_list_reads_a_page() {
    let reply = json!({"paging": {"count": 2, "offset": 0}, "enrollments": [enrollment("e1"), {
        "id": "e2", "individual_id": "i2", "plan_id": "p2", "coverage_tier": null, "coverage_start_date": null,
        "coverage_end_date": null, "contributions": {"frequency": "fortnightly", "employee_contribution": null,
        "employer_contribution": {"amount": null, "currency": null}}, "dependent_ids": null, "status": "waived"}]});
    let server = serve("GET", 200, reply).await;
    let page = finch(&server)
        .hris()
        .plan_enrollments()
        .list(
            ListPlanEnrollments::new()
                .limit(10)
                .offset(0)
                .entity_id(ENTITY),
        )
        .await
        .unwrap();
    let first = &page.enrollments[0];
    assert_eq!(first.coverage_tier, Some(CoverageTier::EmployeeFamily));
    assert_eq!(first.status, Some(EnrollmentStatus::Active));
    let contributions = first.contributions.as_ref().unwrap();
    assert_eq!(contributions.frequency, ContributionFrequency::PerPayPeriod);
    assert_eq!(
        contributions
            .employer_contribution
            .as_ref()
            .and_then(|c| c.amount),
        Some(37_500)
    );
    let second = &page.enrollments[1];
    assert_eq!(
        second.status,
        Some(EnrollmentStatus::Unknown("waived".into()))
    );
    assert_eq!(
        second.contributions.as_ref().map(|c| &c.frequency),
        Some(&ContributionFrequency::Unknown("fortnightly".into()))
    );
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/employer/plans-enrollments");
    assert_eq!(
        request.url.query(),
        Some(format!("limit=10&offset=0&{ENTITY_QUERY}").as_str())
    );
    assert_bearer_request(&request, "GET", None);
}

#[tokio::test]
async fn plan_enrollments_retrieve_many_reads_data_and_errors() {
    let reply = json!({"responses": [
        {"enrollment_id": "e1", "code": 200, "body": enrollment("e1")},
        {"enrollment_id": "e9", "code": 404, "body": {"code": 404, "name": "not_found_error", "finch_code": "enrollment_not_found", "message": "No enrollment with id 'e9'"}}
    ]});
    let server = serve("POST", 200, reply).await;
    let batch = finch(&server)
        .hris()
        .plan_enrollments()
        .retrieve_many(RetrievePlanEnrollments::new(["e1", "e9"]).entity_id(ENTITY))
        .await
        .unwrap();
    assert_eq!(
        batch.responses[0].body.data().map(|e| e.plan_id.as_str()),
        Some("3f0b5a2b")
    );
    let error = batch.responses[1].body.clone().into_result().unwrap_err();
    assert_eq!(error.finch_code.as_deref(), Some("enrollment_not_found"));
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/employer/plans-enrollments");
    assert_eq!(request.url.query(), Some(ENTITY_QUERY));
    assert_bearer_request(
        &request,
        "POST",
        Some(json!({"requests": [{"enrollment_id": "e1"}, {"enrollment_id": "e9"}]})),
    );
}

#[tokio::test]
async fn plan_enrollments_pages_stop_at_a_short_page() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/employer/plans-enrollments"))
        .and(query_param_is_missing("offset"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"paging": {"count": 3, "offset": 0}, "enrollments": [enrollment("e1"), enrollment("e2")]}),
        ))
        .expect(2) // once by `pages`, once by `list_all`
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/employer/plans-enrollments"))
        .and(query_param("offset", "2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"paging": {"count": 3, "offset": 2}, "enrollments": [enrollment("e3")]}),
        ))
        .expect(2) // once by `pages`, once by `list_all`
        .mount(&server)
        .await;
    let mut pages = finch(&server)
        .hris()
        .plan_enrollments()
        .pages(ListPlanEnrollments::new().limit(2));
    let mut sizes = Vec::new();
    while let Some(page) = pages.next_page().await {
        sizes.push(page.unwrap().enrollments.len());
    }
    assert_eq!(sizes, [2, 1]);
    let mut all = finch(&server)
        .hris()
        .plan_enrollments()
        .list_all(ListPlanEnrollments::new().limit(2));
    let mut ids = Vec::new();
    while let Some(enrollment) = all.next_item().await {
        ids.push(enrollment.unwrap().id);
    }
    assert_eq!(ids, ["e1", "e2", "e3"]);
}

// ---------------------------------------------------------------------------------------------
// Plan dependents (beta)

fn dependent(id: &str) -> Value {
    json!({"dependent_id": id, "first_name": "Jamie", "last_name": "Doe", "middle_name": null, "ssn": null,
        "date_of_birth": "2014-03-22", "gender": "female",
        "coverage": [{"individual_id": "5d0b10a1", "relationship_to_individual": "child",
                      "enrollments": [{"id": "ec2f4d10", "type": "medical"}, {"id": "ec2f4d11", "type": null}]}]})
}

#[tokio::test]
async fn plan_dependents_list_sends_include_as_one_value() {
    let mut with_ssn = dependent("d2");
    with_ssn["ssn"] = json!("123-45-6789");
    with_ssn["coverage"][0]["relationship_to_individual"] = json!("godchild");
    let reply =
        json!({"paging": {"count": 2, "offset": 0}, "dependents": [dependent("d1"), with_ssn]});
    let server = serve("GET", 200, reply).await;
    let page = finch(&server)
        .hris()
        .plan_dependents()
        .list(
            ListPlanDependents::new()
                .limit(50)
                .include_ssn()
                .entity_id(ENTITY),
        )
        .await
        .unwrap();
    let first = &page.dependents[0];
    assert_eq!(first.gender, Some(Gender::Female));
    assert_eq!(
        first.date_of_birth.as_ref().and_then(|d| d.ymd()),
        Some((2014, 3, 22))
    );
    let coverage = &first.coverage[0];
    assert_eq!(
        coverage.relationship_to_individual,
        DependentRelationship::Child
    );
    assert_eq!(coverage.enrollments[0].plan_type, Some(PlanType::Medical));
    assert_eq!(coverage.enrollments[1].plan_type, None);
    assert_eq!(page.dependents[1].ssn.as_deref(), Some("123-45-6789"));
    assert_eq!(
        page.dependents[1].coverage[0].relationship_to_individual,
        DependentRelationship::Unknown("godchild".into())
    );
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/employer/plans-dependents");
    assert_eq!(
        request.url.query(),
        Some(format!("limit=50&include=ssn&{ENTITY_QUERY}").as_str())
    );
    assert_bearer_request(&request, "GET", None);
}

#[tokio::test]
async fn plan_dependents_retrieve_many_sends_options_and_reads_errors() {
    let reply = json!({"responses": [
        {"dependent_id": "d1", "code": 200, "body": dependent("d1")},
        {"dependent_id": "d9", "code": 404, "body": {"code": 404, "name": "not_found_error", "finch_code": "item_not_found", "message": "No dependent with id 'd9' found"}}
    ]});
    let server = serve("POST", 200, reply).await;
    let batch = finch(&server)
        .hris()
        .plan_dependents()
        .retrieve_many(
            RetrievePlanDependents::new(["d1", "d9"])
                .include_ssn()
                .entity_id(ENTITY),
        )
        .await
        .unwrap();
    assert_eq!(
        batch.responses[0]
            .body
            .data()
            .map(|d| d.first_name.as_str()),
        Some("Jamie")
    );
    assert!(matches!(&batch.responses[1].body, BatchBody::Error(error) if error.code == 404));
    let request = only_request(&server).await;
    assert_eq!(request.url.path(), "/employer/plans-dependents");
    assert_eq!(request.url.query(), Some(ENTITY_QUERY));
    assert_bearer_request(
        &request,
        "POST",
        Some(
            json!({"requests": [{"dependent_id": "d1"}, {"dependent_id": "d9"}], "options": {"include": ["ssn"]}}),
        ),
    );

    // Without options, none are sent.
    let server = serve("POST", 200, json!({"responses": []})).await;
    finch(&server)
        .hris()
        .plan_dependents()
        .retrieve_many(RetrievePlanDependents::new(["d1"]))
        .await
        .unwrap();
    let request = only_request(&server).await;
    assert_eq!(
        json_body(&request),
        json!({"requests": [{"dependent_id": "d1"}]})
    );
}

#[tokio::test]
async fn plan_dependents_without_a_count_page_while_pages_are_full() {
    let server = MockServer::start().await;
    for (offset, ids) in [
        (None, ["d1", "d2"].as_slice()),
        (Some("2"), ["d3", "d4"].as_slice()),
        (Some("4"), ["d5"].as_slice()),
    ] {
        let page = json!({"paging": {"offset": offset.unwrap_or("0").parse::<u64>().unwrap()},
            "dependents": ids.iter().map(|id| dependent(id)).collect::<Vec<_>>()});
        let mock = Mock::given(method("GET")).and(path("/employer/plans-dependents"));
        let mock = match offset {
            Some(offset) => mock.and(query_param("offset", offset)),
            None => mock.and(query_param_is_missing("offset")),
        };
        mock.and(query_param("limit", "2"))
            .respond_with(ResponseTemplate::new(200).set_body_json(page))
            .expect(1)
            .mount(&server)
            .await;
    }
    let mut dependents = finch(&server)
        .hris()
        .plan_dependents()
        .list_all(ListPlanDependents::new().limit(2));
    let mut ids = Vec::new();
    while let Some(dependent) = dependents.next_item().await {
        ids.push(dependent.unwrap().dependent_id);
    }
    assert_eq!(ids, ["d1", "d2", "d3", "d4", "d5"]);
}

// ---------------------------------------------------------------------------------------------
// The stand-in serves the benefits it knows.

#[tokio::test]
async fn stand_in_lists_benefits_and_who_is_enrolled() {
    let stand_in = finch_stand_in::StandIn::start().await.unwrap();
    let connection = finch::Finch::builder()
        .base_url(stand_in.base_url())
        .access_token(stand_in.issue_access_token())
        .build()
        .unwrap();
    let benefits = connection
        .hris()
        .benefits()
        .list(ListBenefits::new())
        .await
        .unwrap();
    let benefit_id = stand_in.benefit_ids()[0].clone();
    assert!(benefits.iter().any(|b| b.benefit_id == benefit_id));
    let enrolled = connection
        .hris()
        .benefits()
        .individuals()
        .enrolled_ids(ListEnrolledIndividualIds::new(&benefit_id))
        .await
        .unwrap();
    assert_eq!(enrolled.benefit_id, benefit_id);
    assert_eq!(
        Some(enrolled.individual_ids),
        stand_in.enrolled_individuals(&benefit_id)
    );
}
