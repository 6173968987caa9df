//! Every accessor of the API against the local stand-in, with finch's own client: the replies
//! decode into finch's types and make sense, writes read back (the sandbox writes through the
//! `/employer/*` reads), auth failures and `entity_ids` checks behave as Finch does, and every
//! operation finch declares is served.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use std::collections::{BTreeSet, HashSet};

use finch::account::{ConnectionStatus, DisconnectEntity, DisconnectEntityErrors, EntityStatus};
use finch::connect::{CreateConnectSession, ReauthenticateConnectSession};
use finch::hris::{
    BenefitCompanyMatchContribution, BenefitEnrollment, BenefitFrequency, BenefitType,
    CompanyContribution, CreateBenefit, CreatePayStatementItemRule, DeletePayStatementItemRule,
    DocumentDetails, DocumentType, EmployeeDeduction, EmploymentStatus, EnrollIndividuals,
    ListBenefits, ListDirectory, ListDocuments, ListEnrolledIndividualIds,
    ListPayStatementItemRules, ListPayStatementItems, ListPayments, ListPlanDependents,
    ListPlanEnrollments, ListPlans, ListSupportedBenefits, MatchTier, PayStatementCategory,
    PlanType, RegisterBenefit, RetrieveBenefit, RetrieveCompany, RetrieveDocument,
    RetrieveEmployments, RetrieveIndividualBenefits, RetrieveIndividuals, RetrievePayStatements,
    RetrievePlan, RetrievePlanDependents, RetrievePlanEnrollments, RuleCondition,
    UnenrollIndividuals, UpdateBenefit, UpdatePayStatementItemRule,
};
use finch::jobs::{
    AutomatedJobResponse, AutomatedJobStatus, AutomatedJobType, CreateAutomatedJob,
    ListAutomatedJobs, ManualJobStatus, RetrieveAutomatedJob, RetrieveManualJob,
};
use finch::payroll::{ListPayGroups, PayFrequency, RetrieveLedgerItems, RetrievePayGroup};
use finch::request_forwarding::ForwardRequest;
use finch::sandbox::{
    CompletionStatus, CreateSandboxAccount, CreateSandboxConnection, CreateSandboxDirectory,
    CreateSandboxJob, CreateSandboxPayment, NewEarning, NewIndividual, NewPayStatement, NewTax,
    SandboxJobType, UpdateSandboxAccount, UpdateSandboxCompany, UpdateSandboxEmployment,
    UpdateSandboxIndividual, UpdateSandboxJobConfiguration,
};
use finch::{ApiErrorKind, CreateAccessToken, Error, Finch, Product};
use finch_stand_in::StandIn;

/// A stand-in and a client holding both the application's credentials and an access token.
async fn start(employees: usize) -> (StandIn, Finch) {
    let stand_in = StandIn::builder()
        .employees(employees)
        .start()
        .await
        .unwrap();
    let finch = client(&stand_in, Some(stand_in.issue_access_token()));
    (stand_in, finch)
}

fn client(stand_in: &StandIn, access_token: Option<String>) -> Finch {
    let builder = Finch::builder()
        .base_url(stand_in.base_url())
        .client_id(stand_in.client_id())
        .client_secret(stand_in.client_secret())
        .max_retries(0);
    match access_token {
        Some(token) => builder.access_token(token),
        None => builder,
    }
    .build()
    .unwrap()
}

/// `request`'s response type decodes `body` and encodes it back without a loss.
fn check_roundtrip<E>(_request: &E, body: &[u8]) -> Result<(), String>
where
    E: finch::Endpoint,
    E::Response: serde::de::DeserializeOwned + serde::Serialize,
{
    finch_conformance::roundtrip::<E::Response>(body)
}

fn api_error(error: &Error) -> &finch::ApiError {
    match error {
        Error::Api(api) => api,
        other => panic!("expected an API error, got {other:?}"),
    }
}

async fn directory_ids(finch: &Finch) -> Vec<String> {
    let mut items = finch
        .hris()
        .directory()
        .list_all(ListDirectory::new().limit(100));
    let mut ids = Vec::new();
    while let Some(person) = items.next_item().await {
        ids.push(person.unwrap().id);
    }
    ids
}

/// Calls every accessor of the API once (or more), checks what comes back, and then that the
/// stand-in saw every operation finch declares.
#[tokio::test]
async fn every_operation_is_served_and_decodes() {
    let (stand_in, finch) = start(60).await;
    let year = ListPayments::new("2025-01-01", "2025-12-31");

    // Platform.
    let code = stand_in.issue_authorization_code();
    let token = finch
        .access_tokens()
        .create(CreateAccessToken::new(code))
        .await
        .unwrap();
    assert_eq!(token.entity_ids, [stand_in.entity_id()]);
    assert_eq!(token.connection_id, stand_in.connection_id());
    let session = finch
        .connect()
        .sessions()
        .new(CreateConnectSession::new(
            "customer-1",
            "Acme",
            [Product::Company],
        ))
        .await
        .unwrap();
    assert!(session.connect_url.contains(&session.session_id));
    let reauth = finch
        .connect()
        .sessions()
        .reauthenticate(ReauthenticateConnectSession::new(stand_in.connection_id()))
        .await
        .unwrap();
    assert_ne!(reauth.session_id, session.session_id);
    // The Connect URL is built locally, with the client id the stand-in checks.
    let url = finch
        .connect()
        .auth_url([Product::Directory], "https://app.example/callback")
        .sandbox(true)
        .build()
        .unwrap();
    assert!(url.contains(stand_in.client_id()), "{url}");
    let about = finch.account().introspect().await.unwrap();
    assert_eq!(about.connection_id, stand_in.connection_id());
    assert_eq!(
        about.company_id.as_deref(),
        Some(stand_in.company_id().as_str())
    );
    assert_eq!(about.client_id, stand_in.client_id());
    assert_eq!(about.connection_status.status, ConnectionStatus::Connected);
    let entities = about.entities.unwrap();
    assert_eq!(entities[0].id, stand_in.entity_id());
    assert_eq!(entities[0].status, EntityStatus::Connected);
    let providers = finch.providers().list().await.unwrap();
    assert!(providers.len() >= 10);
    let gusto = providers.iter().find(|p| p.id == "gusto").unwrap();
    assert!(gusto.products.contains(&Product::Benefits));
    let methods = gusto.authentication_methods.as_ref().unwrap();
    assert!(
        methods[0]
            .supported_fields
            .as_ref()
            .unwrap()
            .company
            .is_some()
    );
    assert!(
        methods[0]
            .benefits_support
            .as_ref()
            .unwrap()
            .contains_key(&BenefitType::B401k)
    );
    let forwarded = finch
        .request_forwarding()
        .forward(
            ForwardRequest::new("POST", "/v1/employees")
                .data(r#"{"name": "Ada"}"#)
                .param("page", 2)
                .request_header("x-trace", "t-1"),
        )
        .await
        .unwrap();
    assert_eq!(forwarded.status_code, 201);
    assert_eq!(forwarded.request.route, "/v1/employees");
    let echoed: serde_json::Value =
        serde_json::from_str(forwarded.data.as_deref().unwrap()).unwrap();
    assert_eq!(echoed["body"]["name"], "Ada");
    assert_eq!(echoed["params"]["page"], 2);
    assert_eq!(echoed["headers"]["x-trace"], "t-1");

    // Organization.
    let company = finch.hris().company().retrieve().await.unwrap();
    assert_eq!(company.id, stand_in.company_id());
    assert!(company.departments.unwrap().len() > 10);
    let company = finch
        .hris()
        .company()
        .retrieve_with(RetrieveCompany::new().entity_id(stand_in.entity_id()))
        .await
        .unwrap();
    assert!(company.legal_name.is_some());
    let ids = directory_ids(&finch).await;
    assert_eq!(ids.len(), 60);
    #[allow(deprecated)]
    let page = finch
        .hris()
        .directory()
        .list_individuals(ListDirectory::new().limit(5))
        .await
        .unwrap();
    assert_eq!(page.individuals.len(), 5);
    let people = finch
        .hris()
        .individuals()
        .retrieve_many(RetrieveIndividuals::new(ids[..3].to_vec()).include_ssn())
        .await
        .unwrap();
    let ceo = people.responses[0].body.data().unwrap();
    assert_eq!(ceo.ssn.as_ref().map(String::len), Some(11));
    let employments = finch
        .hris()
        .employments()
        .retrieve_many(RetrieveEmployments::new([
            ids[0].clone(),
            "nobody".to_owned(),
        ]))
        .await
        .unwrap();
    let ceo_job = employments.responses[0].body.data().unwrap();
    assert_eq!(ceo_job.title.as_deref(), Some("Chief Executive Officer"));
    assert_eq!(ceo_job.manager, None);
    assert!(ceo_job.income.as_ref().unwrap().amount.unwrap() >= 30_000_000);
    assert_eq!(employments.responses[1].code, 404);

    // Payroll.
    let payments = finch.hris().payments().list(year.clone()).await.unwrap();
    assert_eq!(
        payments.len(),
        26 + 12,
        "bi-weekly payroll and monthly contractors"
    );
    let regular = payments
        .iter()
        .find(|p| {
            p.pay_frequencies
                .as_ref()
                .unwrap()
                .contains(&finch::hris::PayFrequency::BiWeekly)
        })
        .unwrap();
    let statements = finch
        .hris()
        .pay_statements()
        .retrieve_many(RetrievePayStatements::new([regular.id.clone()]))
        .await
        .unwrap();
    let page = statements.responses[0].body.data().unwrap();
    let gross: i64 = page
        .pay_statements
        .iter()
        .map(|s| s.gross_pay.as_ref().unwrap().amount.unwrap())
        .sum();
    assert_eq!(
        page.paging.count,
        Some(regular.individual_ids.as_ref().unwrap().len() as u64)
    );
    assert_eq!(gross, regular.gross_pay.as_ref().unwrap().amount.unwrap());
    let items = finch
        .hris()
        .pay_statement_item()
        .list(ListPayStatementItems::new().categories([PayStatementCategory::Taxes]))
        .await
        .unwrap();
    assert!(
        items
            .responses
            .iter()
            .any(|item| item.name == "Social Security")
    );
    assert!(
        items
            .responses
            .iter()
            .all(|item| item.category == PayStatementCategory::Taxes)
    );
    let rule = finch
        .hris()
        .pay_statement_item()
        .rules()
        .create(
            CreatePayStatementItemRule::new()
                .condition(RuleCondition::equals("name", "Salary"))
                .metadata("gl_code", "6010"),
        )
        .await
        .unwrap();
    let rule_id = rule.id.clone().unwrap();
    let rules = finch
        .hris()
        .pay_statement_item()
        .rules()
        .list(ListPayStatementItemRules::new())
        .await
        .unwrap();
    assert_eq!(rules.responses, std::slice::from_ref(&rule));
    let updated = finch
        .hris()
        .pay_statement_item()
        .rules()
        .update(UpdatePayStatementItemRule::new(&rule_id).effective_start_date("2025-01-01"))
        .await
        .unwrap();
    assert_eq!(
        updated.effective_start_date.as_ref().map(|d| d.as_str()),
        Some("2025-01-01")
    );
    let deleted = finch
        .hris()
        .pay_statement_item()
        .rules()
        .delete(DeletePayStatementItemRule::new(&rule_id))
        .await
        .unwrap();
    assert!(deleted.deleted_at.is_some());
    let groups = finch
        .payroll()
        .pay_groups()
        .list(ListPayGroups::new())
        .await
        .unwrap();
    assert_eq!(groups.len(), 3);
    let group = finch
        .payroll()
        .pay_groups()
        .retrieve(RetrievePayGroup::new(&groups[0].id))
        .await
        .unwrap();
    assert!(!group.individual_ids.is_empty());
    let ledger = finch
        .payroll()
        .ledger_items()
        .retrieve_many(RetrieveLedgerItems::new([regular.id.clone()]))
        .await
        .unwrap();
    let journal = ledger.responses[0].body.data().unwrap();
    assert!(journal.totals.balanced);
    assert_eq!(
        journal.totals.debit.amount,
        regular.company_debit.as_ref().unwrap().amount.unwrap()
    );

    // Documents.
    let documents = finch
        .hris()
        .documents()
        .list(ListDocuments::new().limit(5))
        .await
        .unwrap();
    assert_eq!(documents.documents.len(), 5);
    let document = finch
        .hris()
        .documents()
        .retrieve(RetrieveDocument::new(&documents.documents[0].id))
        .await
        .unwrap();
    assert!(matches!(
        document,
        DocumentDetails::W4Form2020(_) | DocumentDetails::W4Form2005(_)
    ));
    #[allow(deprecated)]
    let again = finch
        .hris()
        .documents()
        .retreive(RetrieveDocument::new(&documents.documents[0].id))
        .await
        .unwrap();
    assert_eq!(again, document);

    // Benefits.
    let benefits = finch
        .hris()
        .benefits()
        .list(ListBenefits::new())
        .await
        .unwrap();
    assert_eq!(benefits[0].benefit_type, Some(BenefitType::B401k));
    let supported = finch
        .hris()
        .benefits()
        .list_supported_benefits(ListSupportedBenefits::new())
        .await
        .unwrap();
    assert!(
        supported
            .iter()
            .any(|b| b.benefit_type == Some(BenefitType::HsaPre))
    );
    let created = finch
        .hris()
        .benefits()
        .create(
            CreateBenefit::new()
                .benefit_type(BenefitType::B403b)
                .description("403(b)")
                .frequency(BenefitFrequency::EveryPaycheck)
                .company_contribution(BenefitCompanyMatchContribution::new([MatchTier::new(
                    5_000, 600,
                )])),
        )
        .await
        .unwrap();
    let registered = finch
        .hris()
        .benefits()
        .register(
            RegisterBenefit::new()
                .benefit_type(BenefitType::FsaMedical)
                .description("Medical FSA"),
        )
        .await
        .unwrap();
    assert_ne!(registered.benefit_id, created.benefit_id);
    let update_job = finch
        .hris()
        .benefits()
        .update(UpdateBenefit::new(&created.benefit_id).description("403(b) Plan"))
        .await
        .unwrap();
    let benefit = finch
        .hris()
        .benefits()
        .retrieve(RetrieveBenefit::new(&created.benefit_id))
        .await
        .unwrap();
    assert_eq!(benefit.description.as_deref(), Some("403(b) Plan"));
    let enroll = finch
        .hris()
        .benefits()
        .individuals()
        .enroll_many(EnrollIndividuals::new(
            &created.benefit_id,
            [BenefitEnrollment::new(&ids[5])
                .employee_deduction(EmployeeDeduction::Percent { amount: 600 })
                .company_contribution(CompanyContribution::Tiered {
                    tiers: vec![MatchTier::new(5_000, 600)],
                })
                .catch_up(false)],
        ))
        .await
        .unwrap();
    let enrolled = finch
        .hris()
        .benefits()
        .individuals()
        .enrolled_ids(ListEnrolledIndividualIds::new(&created.benefit_id))
        .await
        .unwrap();
    assert_eq!(enrolled.individual_ids, [ids[5].clone()]);
    let configured = finch
        .hris()
        .benefits()
        .individuals()
        .retrieve_many_benefits(
            RetrieveIndividualBenefits::new(&created.benefit_id).individual_ids([ids[5].clone()]),
        )
        .await
        .unwrap();
    let configuration = configured[0].body.data().unwrap();
    assert_eq!(
        configuration.employee_deduction,
        Some(EmployeeDeduction::Percent { amount: 600 })
    );
    let unenroll = finch
        .hris()
        .benefits()
        .individuals()
        .unenroll_many(UnenrollIndividuals::new(
            &created.benefit_id,
            [ids[5].clone()],
        ))
        .await
        .unwrap();
    for job_id in [
        &created.job_id,
        &update_job.job_id,
        &enroll.job_id,
        &unenroll.job_id,
    ] {
        let job = finch
            .jobs()
            .manual()
            .retrieve(RetrieveManualJob::new(job_id))
            .await
            .unwrap();
        assert_eq!(job.status, ManualJobStatus::Complete);
        assert!(!job.body.unwrap().is_empty());
    }

    // Plans (beta).
    let plans = finch.hris().plans().list(ListPlans::new()).await.unwrap();
    let mut all_plans = finch.hris().plans().list_all(ListPlans::new().limit(4));
    let mut plan_count = 0;
    while let Some(plan) = all_plans.next_item().await {
        plan.unwrap();
        plan_count += 1;
    }
    assert_eq!(Some(plan_count), plans.paging.count);
    let mut pages = finch
        .hris()
        .documents()
        .pages(ListDocuments::new().limit(25));
    let mut document_pages = 0;
    while let Some(page) = pages.next_page().await {
        assert!(page.unwrap().documents.len() <= 25);
        document_pages += 1;
    }
    assert!(document_pages >= 2);
    let plan = finch
        .hris()
        .plans()
        .retrieve(RetrievePlan::new(&plans.plans[0].id))
        .await
        .unwrap();
    assert_eq!(plan.plan_type, Some(PlanType::Medical));
    let enrollments = finch
        .hris()
        .plan_enrollments()
        .list(ListPlanEnrollments::new().limit(10))
        .await
        .unwrap();
    let batch = finch
        .hris()
        .plan_enrollments()
        .retrieve_many(RetrievePlanEnrollments::new([enrollments.enrollments[0]
            .id
            .clone()]))
        .await
        .unwrap();
    assert_eq!(
        batch.responses[0].body.data(),
        Some(&enrollments.enrollments[0])
    );
    let dependents = finch
        .hris()
        .plan_dependents()
        .list(ListPlanDependents::new().include_ssn())
        .await
        .unwrap();
    let first = &dependents.dependents[0];
    assert!(first.ssn.is_some());
    let batch = finch
        .hris()
        .plan_dependents()
        .retrieve_many(RetrievePlanDependents::new([first.dependent_id.clone()]))
        .await
        .unwrap();
    assert_eq!(
        batch.responses[0].body.data().unwrap().first_name,
        first.first_name
    );

    // Jobs.
    let job = finch
        .jobs()
        .automated()
        .create(CreateAutomatedJob::w4_form_employee_sync(&ids[1]))
        .await
        .unwrap();
    let job = finch
        .jobs()
        .automated()
        .retrieve(RetrieveAutomatedJob::new(job.job_id.unwrap()))
        .await
        .unwrap();
    assert_eq!(job.job_type, AutomatedJobType::W4FormEmployeeSync);
    assert_eq!(
        job.params.unwrap().individual_id.as_deref(),
        Some(ids[1].as_str())
    );
    let jobs = finch
        .jobs()
        .automated()
        .list(ListAutomatedJobs::new())
        .await
        .unwrap();
    assert_eq!(jobs.data.len(), 2, "the initial sync and the W-4 sync");

    // Sandbox.
    let configuration = finch
        .sandbox()
        .jobs()
        .configuration()
        .retrieve()
        .await
        .unwrap();
    assert_eq!(
        configuration[0].completion_status,
        CompletionStatus::Complete
    );
    finch
        .sandbox()
        .jobs()
        .configuration()
        .update(UpdateSandboxJobConfiguration::new(
            SandboxJobType::DataSyncAll,
            CompletionStatus::Complete,
        ))
        .await
        .unwrap();
    let sandbox_job = finch
        .sandbox()
        .jobs()
        .create(CreateSandboxJob::data_sync_all())
        .await
        .unwrap();
    assert_eq!(
        sandbox_job.remaining_refreshes,
        sandbox_job.allowed_refreshes - 1
    );
    let added = finch
        .sandbox()
        .directory()
        .create(CreateSandboxDirectory::new(vec![NewIndividual::named(
            "Ada", "Lovelace",
        )]))
        .await
        .unwrap();
    let ada = added[0]["id"].as_str().unwrap().to_owned();
    finch
        .sandbox()
        .individual()
        .update(UpdateSandboxIndividual::new(&ada).preferred_name("Countess"))
        .await
        .unwrap();
    finch
        .sandbox()
        .employment()
        .update(UpdateSandboxEmployment::new(&ada).title("Analyst"))
        .await
        .unwrap();
    finch
        .sandbox()
        .company()
        .update(UpdateSandboxCompany::from_company(company).legal_name("Renamed, Inc."))
        .await
        .unwrap();
    finch
        .sandbox()
        .payment()
        .create(CreateSandboxPayment::new())
        .await
        .unwrap();
    let connection = finch
        .sandbox()
        .connections()
        .create(CreateSandboxConnection::new("gusto").employee_size(5))
        .await
        .unwrap();
    let account = finch
        .sandbox()
        .connections()
        .accounts()
        .create(CreateSandboxAccount::new(
            connection.company_id.clone().unwrap(),
            "justworks",
        ))
        .await
        .unwrap();
    let other = finch.with_access_token(account.access_token.clone());
    let updated = other
        .sandbox()
        .connections()
        .accounts()
        .update(
            UpdateSandboxAccount::new()
                .connection_status(finch::account::ConnectionStatus::Connected),
        )
        .await
        .unwrap();
    assert_eq!(updated.connection_id, account.connection_id);
    let disconnect_entity = other
        .account()
        .disconnect_entity(DisconnectEntity::new([account.entity_id.clone()]))
        .await
        .unwrap();
    assert!(disconnect_entity.is_success());
    let disconnected = other.account().disconnect().await.unwrap();
    assert!(disconnected.is_success());

    // Every declared operation was served, with a template the stand-in recognized.
    let served: BTreeSet<(String, String)> = stand_in
        .requests()
        .iter()
        .filter_map(|request| Some((request.method.to_string(), request.route?.to_owned())))
        .collect();
    let declared: BTreeSet<(String, String)> = finch::operations()
        .iter()
        .map(|op| (op.method.to_string(), op.path.to_owned()))
        .collect();
    let missing: Vec<_> = declared.difference(&served).collect();
    assert!(missing.is_empty(), "not exercised: {missing:?}");
    assert_eq!(declared.len(), 55);
    assert_eq!(
        served, declared,
        "the stand-in saw no route finch does not declare"
    );
}

/// What finch decodes from the stand-in loses nothing: every GET reply (and the batch reads)
/// survives finch's decode-then-encode round trip unchanged.
#[tokio::test]
async fn replies_round_trip_through_finchs_types() {
    let (stand_in, finch) = start(40).await;
    let ids = directory_ids(&finch).await;
    let payments = finch
        .hris()
        .payments()
        .list(ListPayments::new("2025-01-01", "2025-12-31"))
        .await
        .unwrap();
    let benefit = stand_in.benefit_ids()[0].clone();
    let documents = finch
        .hris()
        .documents()
        .list(ListDocuments::new())
        .await
        .unwrap();
    let old_form = documents
        .documents
        .iter()
        .find(|d| d.document_type == DocumentType::W4Form2005)
        .unwrap();
    let plans = finch.hris().plans().list(ListPlans::new()).await.unwrap();
    let groups = finch
        .payroll()
        .pay_groups()
        .list(ListPayGroups::new())
        .await
        .unwrap();
    let enrollments = finch
        .hris()
        .plan_enrollments()
        .list(ListPlanEnrollments::new())
        .await
        .unwrap();
    let dependents = finch
        .hris()
        .plan_dependents()
        .list(ListPlanDependents::new())
        .await
        .unwrap();

    macro_rules! round_trip {
        ($request:expr) => {{
            let request = $request;
            let raw = finch.send_raw(&request).await.unwrap();
            assert!(
                raw.status().is_success(),
                "{}",
                String::from_utf8_lossy(raw.body())
            );
            if let Err(error) = check_roundtrip(&request, raw.body()) {
                panic!("{}: {error}", std::any::type_name_of_val(&request));
            }
        }};
    }
    round_trip!(finch::account::Introspect::new());
    round_trip!(finch::providers::ListProviders::new());
    round_trip!(RetrieveCompany::new());
    round_trip!(ListDirectory::new());
    round_trip!(RetrieveIndividuals::new(ids.clone()).include_ssn());
    round_trip!(RetrieveEmployments::new(ids.clone()));
    round_trip!(ListPayments::new("2025-01-01", "2025-12-31"));
    round_trip!(RetrievePayStatements::new(
        payments.iter().take(10).map(|p| p.id.clone())
    ));
    round_trip!(ListPayStatementItems::new());
    round_trip!(ListPayStatementItemRules::new());
    round_trip!(ListPayGroups::new());
    round_trip!(RetrievePayGroup::new(&groups[1].id));
    round_trip!(RetrieveLedgerItems::new(
        payments.iter().take(3).map(|p| p.id.clone())
    ));
    round_trip!(ListBenefits::new());
    round_trip!(ListSupportedBenefits::new());
    round_trip!(RetrieveBenefit::new(&benefit));
    round_trip!(ListEnrolledIndividualIds::new(&benefit));
    round_trip!(RetrieveIndividualBenefits::new(&benefit));
    round_trip!(ListDocuments::new());
    round_trip!(RetrieveDocument::new(&documents.documents[0].id));
    round_trip!(RetrieveDocument::new(&old_form.id));
    round_trip!(ListPlans::new());
    round_trip!(RetrievePlan::new(&plans.plans[0].id));
    round_trip!(ListPlanEnrollments::new());
    round_trip!(RetrievePlanEnrollments::new(
        enrollments.enrollments.iter().map(|e| e.id.clone())
    ));
    round_trip!(ListPlanDependents::new().include_ssn());
    round_trip!(RetrievePlanDependents::new(
        dependents.dependents.iter().map(|d| d.dependent_id.clone())
    ));
    round_trip!(ListAutomatedJobs::new());
    round_trip!(finch::sandbox::RetrieveSandboxJobConfiguration::new());
}

#[tokio::test]
async fn sandbox_writes_are_visible_through_the_employer_reads() {
    let (_stand_in, finch) = start(20).await;

    // New people join the directory, the individual and employment batches.
    let created = finch
        .sandbox()
        .directory()
        .create(CreateSandboxDirectory::new(vec![
            NewIndividual::named("Grace", "Hopper")
                .department("Engineering")
                .active(true),
        ]))
        .await
        .unwrap();
    let grace = created[0]["id"].as_str().unwrap().to_owned();
    let ids = directory_ids(&finch).await;
    assert_eq!(ids.len(), 21);
    assert_eq!(ids[20], grace);

    // Changes to a person show in every read of them.
    let person = ids[7].clone();
    let changed = finch
        .sandbox()
        .individual()
        .update(
            UpdateSandboxIndividual::new(&person)
                .first_name("Renamed")
                .preferred_name("Ray"),
        )
        .await
        .unwrap();
    assert_eq!(changed.id.as_deref(), Some(person.as_str()));
    assert_eq!(changed.first_name.as_deref(), Some("Renamed"));
    let job = finch
        .sandbox()
        .employment()
        .update(
            UpdateSandboxEmployment::new(&person)
                .title("Principal Analyst")
                .is_active(false)
                .end_date("2025-11-30")
                .employment_status(EmploymentStatus::Terminated),
        )
        .await
        .unwrap();
    assert_eq!(job.title.as_deref(), Some("Principal Analyst"));
    let individual = finch
        .hris()
        .individuals()
        .retrieve_many(RetrieveIndividuals::new([person.clone()]))
        .await
        .unwrap();
    let individual = individual.responses[0].body.data().unwrap();
    assert_eq!(individual.first_name.as_deref(), Some("Renamed"));
    assert_eq!(individual.preferred_name.as_deref(), Some("Ray"));
    let employment = finch
        .hris()
        .employments()
        .retrieve_many(RetrieveEmployments::new([person.clone(), grace.clone()]))
        .await
        .unwrap();
    let employment_of_person = employment.responses[0].body.data().unwrap();
    assert_eq!(
        employment_of_person.title.as_deref(),
        Some("Principal Analyst")
    );
    assert_eq!(employment_of_person.is_active, Some(false));
    assert_eq!(
        employment_of_person.end_date.as_ref().map(|d| d.as_str()),
        Some("2025-11-30")
    );
    assert_eq!(
        employment.responses[1]
            .body
            .data()
            .unwrap()
            .department
            .as_ref()
            .unwrap()
            .name
            .as_deref(),
        Some("Engineering")
    );
    let entry = finch
        .hris()
        .directory()
        .list(ListDirectory::new().offset(7).limit(1))
        .await
        .unwrap();
    assert_eq!(entry.individuals[0].first_name.as_deref(), Some("Renamed"));
    assert_eq!(entry.individuals[0].is_active, Some(false));

    // Unknown people are a 404.
    let error = finch
        .sandbox()
        .individual()
        .update(UpdateSandboxIndividual::new("no-such-person").first_name("X"))
        .await
        .unwrap_err();
    assert_eq!(api_error(&error).kind(), ApiErrorKind::NotFound);
    let error = finch
        .sandbox()
        .employment()
        .update(UpdateSandboxEmployment::new("1b0c9f3e-0000-4000-8000-000000000000").title("X"))
        .await
        .unwrap_err();
    assert_eq!(api_error(&error).status().as_u16(), 404);

    // The company profile is replaced.
    finch
        .sandbox()
        .company()
        .update(
            UpdateSandboxCompany::new()
                .legal_name("Sandbox Widgets LLC")
                .primary_email("ops@widgets.example")
                .department("Widgets", None),
        )
        .await
        .unwrap();
    let company = finch.hris().company().retrieve().await.unwrap();
    assert_eq!(company.legal_name.as_deref(), Some("Sandbox Widgets LLC"));
    assert_eq!(
        company.primary_email.as_deref(),
        Some("ops@widgets.example")
    );
    assert_eq!(company.departments.unwrap().len(), 1);
    assert_eq!(company.ein, None);

    // A payment with explicit pay statements appears in the payments, its statements and
    // its ledger.
    let payment = finch
        .sandbox()
        .payment()
        .create(
            CreateSandboxPayment::new()
                .start_date("2026-01-01")
                .end_date("2026-01-14")
                .pay_statement(
                    NewPayStatement::new(&grace)
                        .gross_pay(400_000)
                        .earning(
                            NewEarning::new(finch::hris::EarningType::Salary, "Salary", 400_000)
                                .hours(80.0),
                        )
                        .tax(NewTax::new(
                            finch::hris::TaxType::Federal,
                            "Federal Income Tax",
                            48_000,
                        )),
                ),
        )
        .await
        .unwrap();
    assert_eq!(payment.pay_date.as_str(), "2026-01-14");
    let listed = finch
        .hris()
        .payments()
        .list(ListPayments::new("2026-01-01", "2026-01-31"))
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].id, payment.payment_id);
    assert_eq!(
        listed[0].individual_ids.as_deref(),
        Some(&[grace.clone()][..])
    );
    assert_eq!(listed[0].net_pay.as_ref().unwrap().amount, Some(352_000));
    let statements = finch
        .hris()
        .pay_statements()
        .retrieve_many(RetrievePayStatements::new([payment.payment_id.clone()]))
        .await
        .unwrap();
    let statement = &statements.responses[0].body.data().unwrap().pay_statements[0];
    assert_eq!(statement.individual_id, grace);
    assert_eq!(statement.total_hours, None);
    assert_eq!(statement.earnings.as_ref().unwrap().len(), 1);
    let items = finch
        .hris()
        .pay_statement_item()
        .list(
            ListPayStatementItems::new()
                .name("federal income")
                .start_date("2026-01-01"),
        )
        .await
        .unwrap();
    assert_eq!(items.responses.len(), 1, "{items:?}");

    // Without statements, a regular payroll of everyone employed.
    let payroll = finch
        .sandbox()
        .payment()
        .create(
            CreateSandboxPayment::new()
                .start_date("2026-01-15")
                .end_date("2026-01-28"),
        )
        .await
        .unwrap();
    let listed = finch
        .hris()
        .payments()
        .list(ListPayments::new("2026-01-28", "2026-01-28"))
        .await
        .unwrap();
    assert_eq!(listed[0].id, payroll.payment_id);
    assert!(listed[0].individual_ids.as_ref().unwrap().len() > 10);
}

#[tokio::test]
async fn rules_label_pay_statement_items_and_lines() {
    let (_stand_in, finch) = start(30).await;
    let rule = finch
        .hris()
        .pay_statement_item()
        .rules()
        .create(
            CreatePayStatementItemRule::new()
                .condition(RuleCondition::equals("name", "Medicare"))
                .metadata("gl_code", "2100")
                .effective_start_date("2025-01-01"),
        )
        .await
        .unwrap();
    assert_eq!(rule.priority, Some(1));
    let items = finch
        .hris()
        .pay_statement_item()
        .list(ListPayStatementItems::new().name("medicare"))
        .await
        .unwrap();
    let medicare = items
        .responses
        .iter()
        .find(|i| i.name == "Medicare")
        .unwrap();
    assert_eq!(
        medicare.attributes.metadata.as_ref().unwrap()["gl_code"],
        "2100"
    );
    assert_eq!(medicare.attributes.employer, Some(false));
    let payments = finch
        .hris()
        .payments()
        .list(ListPayments::new("2025-12-01", "2025-12-31"))
        .await
        .unwrap();
    let statements = finch
        .hris()
        .pay_statements()
        .retrieve_many(RetrievePayStatements::new([payments[0].id.clone()]))
        .await
        .unwrap();
    let labeled = statements.responses[0].body.data().unwrap().pay_statements[0]
        .taxes
        .as_ref()
        .unwrap()
        .iter()
        .find(|tax| tax.name.as_deref() == Some("Medicare"))
        .unwrap()
        .attributes
        .clone()
        .unwrap();
    assert_eq!(labeled.metadata["gl_code"], "2100");

    let id = rule.id.unwrap();
    let changed = finch
        .hris()
        .pay_statement_item()
        .rules()
        .update(
            UpdatePayStatementItemRule::new(&id)
                .conditions([RuleCondition::equals("name", "Salary")]),
        )
        .await
        .unwrap();
    assert_eq!(
        changed.conditions.unwrap()[0].value.as_deref(),
        Some("Salary")
    );
    finch
        .hris()
        .pay_statement_item()
        .rules()
        .delete(DeletePayStatementItemRule::new(&id))
        .await
        .unwrap();
    let error = finch
        .hris()
        .pay_statement_item()
        .rules()
        .delete(DeletePayStatementItemRule::new(&id))
        .await
        .unwrap_err();
    assert_eq!(api_error(&error).finch_code(), Some("item_not_found"));
    let rules = finch
        .hris()
        .pay_statement_item()
        .rules()
        .list(ListPayStatementItemRules::new())
        .await
        .unwrap();
    assert!(rules.responses.is_empty());
}

#[tokio::test]
async fn sandbox_connections_have_their_own_company_status_and_products() {
    let (stand_in, finch) = start(10).await;
    let created = finch
        .sandbox()
        .connections()
        .create(
            CreateSandboxConnection::new("bamboo_hr")
                .employee_size(250)
                .products([Product::Company, Product::Directory]),
        )
        .await
        .unwrap();
    assert_ne!(
        created.company_id.as_deref(),
        Some(stand_in.company_id().as_str())
    );
    assert_eq!(created.products, [Product::Company, Product::Directory]);
    let connection = finch.with_access_token(created.access_token.clone());
    assert_eq!(directory_ids(&connection).await.len(), 250);
    assert_eq!(
        stand_in.employee_count(),
        10,
        "the first company is untouched"
    );

    // Products it was not granted are a 403.
    let error = connection
        .hris()
        .payments()
        .list(ListPayments::new("2025-01-01", "2025-12-31"))
        .await
        .unwrap_err();
    assert_eq!(api_error(&error).kind(), ApiErrorKind::PermissionDenied);

    // A second account on the same company sees the same people.
    let account = finch
        .sandbox()
        .connections()
        .accounts()
        .create(
            CreateSandboxAccount::new(created.company_id.clone().unwrap(), "gusto")
                .products([Product::Directory, Product::Payment]),
        )
        .await
        .unwrap();
    let second = finch.with_access_token(account.access_token.clone());
    assert_eq!(
        directory_ids(&second).await,
        directory_ids(&connection).await
    );
    // Over 100 people, Finch's sandbox makes one pay period rather than a year.
    let payments = second
        .hris()
        .payments()
        .list(ListPayments::new("2025-01-01", "2025-12-31"))
        .await
        .unwrap();
    assert_eq!(payments.len(), 1);

    // Reauthentication: the employer reads fail with Finch's 401, introspection says why.
    connection
        .sandbox()
        .connections()
        .accounts()
        .update(
            UpdateSandboxAccount::new().connection_status(finch::account::ConnectionStatus::Reauth),
        )
        .await
        .unwrap();
    let error = connection.hris().company().retrieve().await.unwrap_err();
    let api = api_error(&error);
    assert_eq!(api.kind(), ApiErrorKind::Authentication);
    assert_eq!(api.finch_code(), Some("reauthenticate_user"));
    let about = connection.account().introspect().await.unwrap();
    assert_eq!(about.connection_status.status, ConnectionStatus::Reauth);
    assert_eq!(about.entities.unwrap()[0].status, EntityStatus::Reauth);
    // Syncs end in reauth_error meanwhile; the other account is unaffected.
    let job = connection
        .jobs()
        .automated()
        .create(CreateAutomatedJob::data_sync_all())
        .await
        .unwrap();
    let outcome = connection
        .jobs()
        .automated()
        .wait(
            job.job_id.unwrap(),
            finch::jobs::WaitOptions::new().first_interval(std::time::Duration::from_millis(1)),
        )
        .await
        .unwrap();
    assert!(
        matches!(outcome, finch::jobs::JobOutcome::ReauthenticationNeeded(_)),
        "{outcome:?}"
    );
    assert!(
        second.hris().company().retrieve().await.is_err(),
        "no company product"
    );
    assert_eq!(directory_ids(&second).await.len(), 250);

    // Pending and processing connections answer 202.
    connection
        .sandbox()
        .connections()
        .accounts()
        .update(
            UpdateSandboxAccount::new()
                .connection_status(finch::account::ConnectionStatus::Processing),
        )
        .await
        .unwrap();
    let error = connection.hris().company().retrieve().await.unwrap_err();
    match &error {
        Error::Accepted(accepted) => assert!(accepted.is_data_sync_in_progress()),
        other => panic!("expected a 202, got {other:?}"),
    }
    connection
        .sandbox()
        .connections()
        .accounts()
        .update(
            UpdateSandboxAccount::new()
                .connection_status(finch::account::ConnectionStatus::Connected),
        )
        .await
        .unwrap();
    assert!(connection.hris().company().retrieve().await.is_ok());

    // An unknown provider or company is a 400.
    let error = finch
        .sandbox()
        .connections()
        .create(CreateSandboxConnection::new("no_such_payroll"))
        .await
        .unwrap_err();
    assert_eq!(api_error(&error).kind(), ApiErrorKind::BadRequest);
    let error = finch
        .sandbox()
        .connections()
        .accounts()
        .create(CreateSandboxAccount::new(stand_in.entity_id(), "gusto"))
        .await
        .unwrap_err();
    assert_eq!(api_error(&error).kind(), ApiErrorKind::BadRequest);
}

#[tokio::test]
async fn jobs_follow_the_configuration_and_run_out_of_refreshes() {
    let stand_in = StandIn::builder()
        .employees(5)
        .job_refreshes(2)
        .start()
        .await
        .unwrap();
    let finch = client(&stand_in, Some(stand_in.issue_access_token()));
    finch
        .sandbox()
        .jobs()
        .configuration()
        .update(UpdateSandboxJobConfiguration::new(
            SandboxJobType::DataSyncAll,
            CompletionStatus::PermissionsError,
        ))
        .await
        .unwrap();
    let configuration = finch
        .sandbox()
        .jobs()
        .configuration()
        .retrieve()
        .await
        .unwrap();
    assert_eq!(
        configuration[0].completion_status,
        CompletionStatus::PermissionsError
    );
    let first = finch
        .jobs()
        .automated()
        .create(CreateAutomatedJob::data_sync_all())
        .await
        .unwrap();
    assert_eq!((first.allowed_refreshes, first.remaining_refreshes), (2, 1));
    // The job runs for two polls (pending, in progress), then ends as configured.
    let job = finch
        .jobs()
        .automated()
        .retrieve(RetrieveAutomatedJob::new(first.job_id.clone().unwrap()))
        .await
        .unwrap();
    assert_eq!(job.status, AutomatedJobStatus::Pending);
    let outcome = finch
        .jobs()
        .automated()
        .wait(
            first.job_id.clone().unwrap(),
            finch::jobs::WaitOptions::new().first_interval(std::time::Duration::from_millis(1)),
        )
        .await
        .unwrap();
    let finch::jobs::JobOutcome::PermissionsError(job) = outcome else {
        panic!("{outcome:?}")
    };
    assert!(job.completed_at.is_some());
    let second = finch
        .sandbox()
        .jobs()
        .create(CreateSandboxJob::data_sync_all())
        .await
        .unwrap();
    assert_eq!(second.remaining_refreshes, 0);

    let error = finch
        .jobs()
        .automated()
        .create(CreateAutomatedJob::data_sync_all())
        .await
        .unwrap_err();
    assert_eq!(api_error(&error).kind(), ApiErrorKind::RateLimit);
    let quota = AutomatedJobResponse::from_error(&error).unwrap();
    assert_eq!(quota.remaining_refreshes, 0);
    assert_eq!(quota.retry_at.as_deref(), Some("2025-12-31T10:00:00Z"));
    assert_eq!(quota.job_id.as_deref(), Some(second.job_id.as_str()));

    // Newest first, paged.
    let mut all = finch
        .jobs()
        .automated()
        .list_all(ListAutomatedJobs::new().limit(2));
    let mut seen = Vec::new();
    while let Some(job) = all.next_item().await {
        seen.push(job.unwrap().job_id);
    }
    assert_eq!(seen.len(), 3);
    assert_eq!(seen[0], second.job_id);
    let page = finch
        .jobs()
        .automated()
        .list(ListAutomatedJobs::new().limit(1).offset(1))
        .await
        .unwrap();
    assert_eq!(page.data[0].job_id, first.job_id.unwrap());
    assert_eq!(
        page.meta
            .quotas
            .unwrap()
            .data_sync_all
            .unwrap()
            .remaining_refreshes,
        Some(0)
    );
    let error = finch
        .jobs()
        .automated()
        .retrieve(RetrieveAutomatedJob::new("job-that-never-was"))
        .await
        .unwrap_err();
    assert_eq!(api_error(&error).kind(), ApiErrorKind::NotFound);
    let error = finch
        .jobs()
        .manual()
        .retrieve(RetrieveManualJob::new("job-that-never-was"))
        .await
        .unwrap_err();
    assert_eq!(api_error(&error).finch_code(), Some("item_not_found"));
}

#[tokio::test]
async fn benefits_writes_change_enrolment() {
    let (stand_in, finch) = start(80).await;
    let benefit_id = stand_in.benefit_ids()[2].clone(); // medical
    let before = stand_in.enrolled_individuals(&benefit_id).unwrap();
    let ids = directory_ids(&finch).await;
    let newcomer = ids.iter().find(|id| !before.contains(id)).unwrap().clone();
    let all = finch
        .hris()
        .benefits()
        .individuals()
        .retrieve_many_benefits(RetrieveIndividualBenefits::new(&benefit_id))
        .await
        .unwrap();
    assert_eq!(all.len(), before.len());
    assert!(all.iter().all(|item| item.code == 200));
    assert!(matches!(
        all[0].body.data().unwrap().employee_deduction,
        Some(EmployeeDeduction::Fixed { .. })
    ));

    let job = finch
        .hris()
        .benefits()
        .individuals()
        .enroll_many(EnrollIndividuals::new(
            &benefit_id,
            [
                BenefitEnrollment::new(&newcomer)
                    .employee_deduction(EmployeeDeduction::Fixed { amount: 12_000 })
                    .company_contribution(CompanyContribution::Fixed { amount: 30_000 }),
                BenefitEnrollment::new("ghost"),
            ],
        ))
        .await
        .unwrap();
    let outcome = finch
        .jobs()
        .manual()
        .retrieve(RetrieveManualJob::new(&job.job_id))
        .await
        .unwrap();
    let results = outcome.body.unwrap();
    assert_eq!(results[0]["status"], "success");
    assert_eq!(results[1]["status"], "error");
    assert_eq!(
        stand_in.enrolled_individuals(&benefit_id).unwrap().len(),
        before.len() + 1
    );
    let mixed = finch
        .hris()
        .benefits()
        .individuals()
        .retrieve_many_benefits(
            RetrieveIndividualBenefits::new(&benefit_id).individual_ids([
                newcomer.clone(),
                ids[1].clone(),
                "ghost".to_owned(),
            ]),
        )
        .await
        .unwrap();
    assert_eq!(
        mixed[0].body.data().unwrap().company_contribution,
        Some(CompanyContribution::Fixed { amount: 30_000 })
    );
    let errors: Vec<_> = mixed
        .iter()
        .filter_map(|item| item.body.clone().into_result().err())
        .collect();
    assert!(
        errors
            .iter()
            .any(|e| e.finch_code.as_deref() == Some("individual_not_found"))
    );

    finch
        .hris()
        .benefits()
        .individuals()
        .unenroll_many(UnenrollIndividuals::new(&benefit_id, [newcomer.clone()]))
        .await
        .unwrap();
    assert_eq!(stand_in.enrolled_individuals(&benefit_id).unwrap(), before);

    // A type the provider does not support is a 422; an unknown benefit a 404.
    let error = finch
        .hris()
        .benefits()
        .create(CreateBenefit::new().benefit_type(BenefitType::Simple))
        .await
        .unwrap_err();
    assert_eq!(api_error(&error).kind(), ApiErrorKind::UnprocessableEntity);
    let error = finch
        .hris()
        .benefits()
        .update(UpdateBenefit::new("no-such-benefit").description("x"))
        .await
        .unwrap_err();
    assert_eq!(api_error(&error).finch_code(), Some("benefit_not_found"));
}

#[tokio::test]
async fn wrong_auth_schemes_are_401() {
    let stand_in = StandIn::builder().employees(3).start().await.unwrap();
    let only_credentials = client(&stand_in, None);
    let only_token = Finch::builder()
        .base_url(stand_in.base_url())
        .access_token(stand_in.issue_access_token())
        .max_retries(0)
        .build()
        .unwrap();
    let wrong_token = Finch::builder()
        .base_url(stand_in.base_url())
        .access_token("not-a-token-of-this-stand-in")
        .client_id("someone-else")
        .client_secret("wrong")
        .max_retries(0)
        .build()
        .unwrap();

    // Bearer endpoints refuse a made-up token.
    let error = wrong_token.hris().company().retrieve().await.unwrap_err();
    assert_eq!(api_error(&error).kind(), ApiErrorKind::Authentication);
    let error = wrong_token.account().introspect().await.unwrap_err();
    assert_eq!(api_error(&error).status().as_u16(), 401);
    // Basic endpoints refuse wrong client credentials.
    let error = wrong_token
        .sandbox()
        .connections()
        .create(CreateSandboxConnection::new("gusto"))
        .await
        .unwrap_err();
    assert_eq!(api_error(&error).finch_code(), Some("invalid_client"));

    // With only a token, the Basic endpoints cannot authenticate: finch refuses to send.
    let error = only_token
        .connect()
        .sessions()
        .new(CreateConnectSession::new("c", "n", [Product::Company]))
        .await
        .unwrap_err();
    assert!(!matches!(error, Error::Api(_)), "{error:?}");
    // With only credentials, neither the Bearer ones.
    assert!(only_credentials.hris().company().retrieve().await.is_err());

    // What went over the wire: Basic where Basic is declared, Bearer elsewhere, none for the
    // token exchange, and /providers works either way.
    let providers = only_credentials.providers().list().await.unwrap();
    assert!(!providers.is_empty());
    only_token.providers().list().await.unwrap();
    let code = stand_in.issue_authorization_code();
    only_credentials
        .access_tokens()
        .create(CreateAccessToken::new(code))
        .await
        .unwrap();
    for request in stand_in.requests() {
        let auth = request.header("authorization").unwrap_or("");
        match request.route {
            Some("/auth/token") => assert_eq!(auth, ""),
            Some("/sandbox/connections") => assert!(auth.starts_with("Basic "), "{auth}"),
            Some("/providers") => assert!(auth.is_empty() || auth.starts_with("Bearer ")),
            Some(_) => assert!(auth.starts_with("Bearer "), "{request:?}"),
            None => {}
        }
    }

    // A Bearer token sent to a Basic endpoint, by hand, is a 401 too, and the other way round.
    let bearer = format!("Bearer {}", stand_in.issue_access_token());
    let session = r#"{"customer_id": "c", "customer_name": "n", "products": []}"#;
    let status = raw_status(
        stand_in.base_url(),
        "POST",
        "/connect/sessions",
        &bearer,
        session,
    )
    .await;
    assert_eq!(status, 401);
    let status = raw_status(
        stand_in.base_url(),
        "GET",
        "/employer/company",
        // Any Basic credentials are the wrong scheme here.
        "Basic aWQ6c2VjcmV0",
        "",
    )
    .await;
    assert_eq!(status, 401);
}

/// Sends one request by hand (no SDK) and returns the status.
async fn raw_status(
    base_url: &str,
    method: &str,
    path: &str,
    authorization: &str,
    body: &str,
) -> u16 {
    use std::io::{Read, Write};
    let address = base_url.trim_start_matches("http://").to_owned();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\
         Finch-API-Version: 2020-09-17\r\nAuthorization: {authorization}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    tokio::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(&address).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut reply = String::new();
        stream.read_to_string(&mut reply).unwrap();
        reply.split(' ').nth(1).unwrap().parse().unwrap()
    })
    .await
    .unwrap()
}

#[tokio::test]
async fn entity_ids_are_checked_and_entities_disconnect() {
    let (stand_in, finch) = start(12).await;
    let entity = stand_in.entity_id();
    let page = finch
        .hris()
        .directory()
        .list(ListDirectory::new().entity_id(&entity))
        .await
        .unwrap();
    assert_eq!(page.individuals.len(), 12);
    let sent = stand_in.requests().pop().unwrap();
    assert_eq!(
        sent.query_pairs(),
        [("entity_ids[]".to_owned(), entity.clone())]
    );
    let error = finch
        .hris()
        .company()
        .retrieve_with(RetrieveCompany::new().entity_id("6ba7b810-9dad-11d1-80b4-00c04fd430c8"))
        .await
        .unwrap_err();
    // Another entity's id is not found; what is no id at all is a bad request.
    assert_eq!(api_error(&error).kind(), ApiErrorKind::NotFound);
    assert_eq!(api_error(&error).finch_code(), Some("entity_not_found"));
    let error = finch
        .hris()
        .payments()
        .list(ListPayments::new("2025-01-01", "2025-12-31").entity_id("someone-else"))
        .await
        .unwrap_err();
    assert_eq!(api_error(&error).finch_code(), Some("invalid_request"));

    // Disconnecting an unknown entity names it; disconnecting ours stops the employer reads.
    let error = finch
        .account()
        .disconnect_entity(DisconnectEntity::new([
            "3c90c3cc-0d44-4b50-8888-8dd25736052a",
        ]))
        .await
        .unwrap_err();
    let errors = DisconnectEntityErrors::from_error(&error).unwrap();
    assert_eq!(errors.errors[0].error, "NOT_FOUND");
    finch
        .account()
        .disconnect_entity(DisconnectEntity::new([entity.clone()]))
        .await
        .unwrap();
    let about = finch.account().introspect().await.unwrap();
    assert_eq!(
        about.entities.unwrap()[0].status,
        EntityStatus::Disconnected
    );
    let error = finch.hris().company().retrieve().await.unwrap_err();
    assert_eq!(api_error(&error).kind(), ApiErrorKind::BadRequest);
}

#[tokio::test]
async fn disconnect_revokes_the_connections_tokens() {
    let (stand_in, finch) = start(3).await;
    let spare = finch.with_access_token(stand_in.issue_access_token());
    finch.account().disconnect().await.unwrap();
    for connection in [&finch, &spare] {
        let error = connection.hris().company().retrieve().await.unwrap_err();
        assert_eq!(api_error(&error).kind(), ApiErrorKind::Authentication);
        let error = connection.account().introspect().await.unwrap_err();
        assert!(
            api_error(&error)
                .message()
                .unwrap_or("")
                .contains("disconnect")
        );
    }
}

#[tokio::test]
async fn a_new_connection_can_answer_202_while_it_syncs() {
    let stand_in = StandIn::builder()
        .employees(4)
        .data_sync_in_progress(2)
        .start()
        .await
        .unwrap();
    let finch = client(&stand_in, Some(stand_in.issue_access_token()));
    for _ in 0..2 {
        match finch.hris().directory().list(ListDirectory::new()).await {
            Err(Error::Accepted(accepted)) => {
                assert!(accepted.is_data_sync_in_progress());
                assert_eq!(accepted.name, "sync_in_progress");
            }
            other => panic!("expected a 202, got {other:?}"),
        }
    }
    assert_eq!(
        finch
            .hris()
            .directory()
            .list(ListDirectory::new())
            .await
            .unwrap()
            .individuals
            .len(),
        4
    );
    // Connections created later sync too.
    let created = finch
        .sandbox()
        .connections()
        .create(CreateSandboxConnection::new("gusto").employee_size(3))
        .await
        .unwrap();
    let later = finch.with_access_token(created.access_token);
    assert!(matches!(
        later.hris().company().retrieve().await,
        Err(Error::Accepted(_))
    ));
}

#[tokio::test]
async fn listings_page_through_everything() {
    let (_stand_in, finch) = start(150).await;
    // Documents: both W-4 forms, every employee once.
    let mut documents = finch
        .hris()
        .documents()
        .list_all(ListDocuments::new().limit(40));
    let mut forms = HashSet::new();
    let mut people = HashSet::new();
    while let Some(document) = documents.next_item().await {
        let document = document.unwrap();
        forms.insert(document.document_type.clone());
        assert!(people.insert(document.individual_id.clone().unwrap()));
    }
    assert_eq!(forms.len(), 2);
    let only_2005 = finch
        .hris()
        .documents()
        .list(ListDocuments::new().types([DocumentType::W4Form2005]))
        .await
        .unwrap();
    assert!(
        only_2005
            .documents
            .iter()
            .all(|d| d.document_type == DocumentType::W4Form2005)
    );

    // Plan enrolments and dependents in pages of at most 50.
    let mut enrollments = finch
        .hris()
        .plan_enrollments()
        .list_all(ListPlanEnrollments::new());
    let mut count = 0;
    let mut ids = HashSet::new();
    while let Some(enrollment) = enrollments.next_item().await {
        assert!(ids.insert(enrollment.unwrap().id));
        count += 1;
    }
    let first = finch
        .hris()
        .plan_enrollments()
        .list(ListPlanEnrollments::new())
        .await
        .unwrap();
    assert_eq!(Some(count), first.paging.count);
    assert_eq!(first.enrollments.len(), 50);
    let mut dependents = finch
        .hris()
        .plan_dependents()
        .list_all(ListPlanDependents::new().limit(20));
    let mut seen = 0;
    while let Some(dependent) = dependents.next_item().await {
        let dependent = dependent.unwrap();
        assert!(!dependent.coverage.is_empty());
        seen += 1;
    }
    assert!(seen > 20);
    let medical = finch
        .hris()
        .plans()
        .list(ListPlans::new().plan_type(PlanType::Medical))
        .await
        .unwrap();
    assert_eq!(medical.plans.len(), 2);

    // Pay groups filter by member and frequency.
    let directory = directory_ids(&finch).await;
    let groups = finch
        .payroll()
        .pay_groups()
        .list(ListPayGroups::new().individual_id(&directory[0]))
        .await
        .unwrap();
    assert_eq!(groups.len(), 1);
    let monthly = finch
        .payroll()
        .pay_groups()
        .list(ListPayGroups::new().pay_frequencies([PayFrequency::Monthly]))
        .await
        .unwrap();
    assert_eq!(monthly.len(), 1);
}

/// A nullable member is cleared with `null`, the others left out and kept.
#[tokio::test]
async fn sandbox_updates_clear_fields_with_null() {
    let (stand_in, finch) = start(5).await;
    let person = directory_ids(&finch).await[2].clone();
    let employment = |finch: Finch, person: String| async move {
        let reply = finch
            .hris()
            .employments()
            .retrieve_many(RetrieveEmployments::new([person]))
            .await
            .unwrap();
        reply.responses[0].body.data().unwrap().clone()
    };
    finch
        .sandbox()
        .employment()
        .update(
            UpdateSandboxEmployment::new(&person)
                .end_date("2025-11-30")
                .title("Analyst"),
        )
        .await
        .unwrap();
    let before = employment(finch.clone(), person.clone()).await;
    assert_eq!(
        before.end_date.as_ref().map(|d| d.as_str()),
        Some("2025-11-30")
    );

    finch
        .sandbox()
        .employment()
        .update(UpdateSandboxEmployment::new(&person).clear_end_date())
        .await
        .unwrap();
    let sent = stand_in.requests().pop().unwrap();
    assert_eq!(sent.json().unwrap(), serde_json::json!({"end_date": null}));
    let after = employment(finch.clone(), person.clone()).await;
    assert_eq!(after.end_date, None, "cleared");
    assert_eq!(after.title.as_deref(), Some("Analyst"), "kept");

    finch
        .sandbox()
        .individual()
        .update(
            UpdateSandboxIndividual::new(&person)
                .clear_encrypted_ssn()
                .clear_middle_name(),
        )
        .await
        .unwrap();
    let sent = stand_in.requests().pop().unwrap();
    assert_eq!(
        sent.json().unwrap(),
        serde_json::json!({"encrypted_ssn": null, "middle_name": null})
    );
}
