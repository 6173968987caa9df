//! The whole flow against the local stand-in: exchange a code, read the company, walk the
//! directory, read individuals, change benefits and the sandbox directory, create a session.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use finch::connect::CreateConnectSession;
use finch::hris::{ListDirectory, RetrieveBenefit, RetrieveIndividuals, UnenrollIndividuals};
use finch::sandbox::{CreateSandboxDirectory, NewIndividual};
use finch::{ApiErrorKind, CreateAccessToken, Error, Finch, Product};
use finch_stand_in::StandIn;
use std::collections::HashSet;

async fn start(employees: usize) -> (StandIn, Finch) {
    let stand_in = StandIn::builder()
        .employees(employees)
        .start()
        .await
        .unwrap();
    let finch = Finch::builder()
        .base_url(stand_in.base_url())
        .client_id(stand_in.client_id())
        .client_secret(stand_in.client_secret())
        .build()
        .unwrap();
    (stand_in, finch)
}

/// Every id of the directory, walked in pages of `limit`.
async fn directory_ids(connection: &Finch, limit: u64) -> (Vec<String>, usize) {
    let mut pages = connection
        .hris()
        .directory()
        .pages(ListDirectory::new().limit(limit));
    let (mut ids, mut page_count) = (Vec::new(), 0);
    while let Some(page) = pages.next_page().await {
        page_count += 1;
        ids.extend(
            page.unwrap()
                .individuals
                .into_iter()
                .map(|person| person.id),
        );
    }
    (ids, page_count)
}

#[tokio::test]
async fn exchange_then_read_everything() {
    let (stand_in, finch) = start(1234).await;
    let code = stand_in.issue_authorization_code();
    let token = finch
        .access_tokens()
        .create(CreateAccessToken::new(code.clone()))
        .await
        .unwrap();
    assert_eq!(token.entity_ids, [stand_in.entity_id()]);
    assert!(token.products.contains(&Product::Directory));

    // A code is good once.
    let error = finch
        .access_tokens()
        .create(CreateAccessToken::new(code))
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::Api(api) if api.kind() == ApiErrorKind::BadRequest),
        "{error:?}"
    );

    let connection = finch.with_access_token(token.access_token);
    let company = connection.hris().company().retrieve().await.unwrap();
    assert!(company.legal_name.is_some());

    // Every person exactly once, in pages of 100 (13 pages for 1234 people).
    let (ids, pages) = directory_ids(&connection, 100).await;
    assert_eq!((ids.len(), pages), (1234, 13));
    assert_eq!(
        ids.iter().collect::<HashSet<_>>().len(),
        1234,
        "no duplicates"
    );

    let batch = connection
        .hris()
        .individuals()
        .retrieve_many(RetrieveIndividuals::new([
            ids[0].clone(),
            "no-such-person".to_owned(),
        ]))
        .await
        .unwrap();
    assert_eq!(
        batch.responses[0]
            .body
            .data()
            .map(|person| person.id.as_str()),
        Some(ids[0].as_str())
    );
    assert_eq!(
        batch.responses[1]
            .body
            .clone()
            .into_result()
            .unwrap_err()
            .code,
        404
    );
}

#[tokio::test]
async fn benefits_and_sandbox_writes_change_the_company() {
    let (stand_in, finch) = start(40).await;
    let connection = finch.with_access_token(stand_in.issue_access_token());

    let benefit_id = stand_in.benefit_ids()[0].clone();
    let benefit = connection
        .hris()
        .benefits()
        .retrieve(RetrieveBenefit::new(&benefit_id))
        .await
        .unwrap();
    assert_eq!(benefit.benefit_id, benefit_id);
    let enrolled = stand_in.enrolled_individuals(&benefit_id).unwrap();
    assert!(enrolled.len() >= 2, "the fixture enrolls people");
    connection
        .hris()
        .benefits()
        .individuals()
        .unenroll_many(UnenrollIndividuals::new(&benefit_id, [enrolled[0].clone()]))
        .await
        .unwrap();
    let now = stand_in.enrolled_individuals(&benefit_id).unwrap();
    assert_eq!(now.len(), enrolled.len() - 1);
    assert!(!now.contains(&enrolled[0]));

    // An id that tries to climb out of the path is just an unknown benefit.
    let error = connection
        .hris()
        .benefits()
        .retrieve(RetrieveBenefit::new("../../auth/token"))
        .await
        .unwrap_err();
    let Error::Api(api) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(api.finch_code(), Some("benefit_not_found"));

    // New sandbox people appear in the directory.
    let created = connection
        .sandbox()
        .directory()
        .create(CreateSandboxDirectory::new(vec![
            NewIndividual::named("Ada", "Lovelace")
                .department("Engineering")
                .active(true),
            NewIndividual::named("Alan", "Turing"),
        ]))
        .await
        .unwrap();
    assert_eq!(created.len(), 2);
    let (ids, _) = directory_ids(&connection, 15).await;
    assert_eq!(ids.len(), 42);
    let new_id = created[0]["id"].as_str().unwrap();
    assert!(ids.iter().any(|id| id == new_id));
}

#[tokio::test]
async fn connect_sessions_authenticate_with_the_client_credentials() {
    let (_stand_in, finch) = start(1).await;
    let session = finch
        .connect()
        .sessions()
        .new(CreateConnectSession::new(
            "customer-42",
            "Acme Inc",
            [Product::Company],
        ))
        .await
        .unwrap();
    assert!(session.connect_url.contains(&session.session_id));

    let wrong = Finch::builder()
        .base_url(finch.core().base_url())
        .client_id("someone-else")
        .client_secret("wrong")
        .build()
        .unwrap();
    let error = wrong
        .connect()
        .sessions()
        .new(CreateConnectSession::new(
            "customer-42",
            "Acme Inc",
            [Product::Company],
        ))
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::Api(api) if api.kind() == ApiErrorKind::Authentication),
        "{error:?}"
    );
}

#[tokio::test]
async fn an_access_token_is_not_sent_to_the_token_exchange() {
    // The stand-in refuses any Authorization header on /auth/token; a client holding a token
    // must still exchange codes.
    let (stand_in, finch) = start(1).await;
    let with_token = finch.with_access_token(stand_in.issue_access_token());
    let code = stand_in.issue_authorization_code();
    with_token
        .access_tokens()
        .create(CreateAccessToken::new(code))
        .await
        .unwrap();
    let exchange = stand_in
        .requests()
        .into_iter()
        .find(|r| r.path == "/auth/token")
        .unwrap();
    assert_eq!(exchange.header("authorization"), None);
}
