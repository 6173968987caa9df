//! Bulk reads against the stand-in and wiremock: more ids than a batch, input order kept,
//! Finch's per-item errors kept, missing items and failed batches as per-item results, the
//! concurrency limit (requests in flight counted at the HTTP seam), progress, pay statements
//! followed to their last page, and the whole company as a stream.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use bytes::Bytes;
use finch::Finch;
use finch::bulk::{BatchRead, BulkError, BulkOptions, BulkProgress};
use finch::core::{ReqwestTransport, Transport, TransportError};
use finch::hris::{
    ListDirectory, PayStatementRequest, RetrieveEmployments, RetrieveIndividualBenefits,
    RetrieveIndividuals, RetrievePayStatements, RosterOptions,
};
use finch_stand_in::StandIn;
use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

/// Counts the requests in flight through the client's transport, and the most at once. Each
/// exchange is held a little, so that requests the client lets overlap do overlap.
#[derive(Clone, Default)]
struct InFlight {
    now: Arc<AtomicUsize>,
    most: Arc<AtomicUsize>,
}

impl InFlight {
    fn transport(&self) -> impl Transport {
        let inner = Arc::new(ReqwestTransport::new().unwrap());
        let counts = self.clone();
        move |request: http::Request<Bytes>| {
            let inner = Arc::clone(&inner);
            let counts = counts.clone();
            async move {
                let now = counts.now.fetch_add(1, Ordering::SeqCst) + 1;
                counts.most.fetch_max(now, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(20)).await;
                let reply: Result<http::Response<Bytes>, TransportError> =
                    inner.send(request).await;
                counts.now.fetch_sub(1, Ordering::SeqCst);
                reply
            }
        }
    }

    fn most(&self) -> usize {
        self.most.load(Ordering::SeqCst)
    }
}

async fn stand_in(employees: usize) -> (StandIn, Finch, InFlight) {
    let stand_in = StandIn::builder()
        .employees(employees)
        .start()
        .await
        .unwrap();
    let counts = InFlight::default();
    let finch = Finch::builder()
        .base_url(stand_in.base_url())
        .access_token(stand_in.issue_access_token())
        .transport(counts.transport())
        .build()
        .unwrap();
    (stand_in, finch, counts)
}

async fn directory_ids(finch: &Finch) -> Vec<String> {
    let page = finch
        .hris()
        .directory()
        .list(ListDirectory::new().limit(10_000))
        .await
        .unwrap();
    page.individuals
        .into_iter()
        .map(|person| person.id)
        .collect()
}

fn sent_to(stand_in: &StandIn, method: &str, path: &str) -> usize {
    stand_in
        .requests()
        .iter()
        .filter(|request| request.method == method && request.path == path)
        .count()
}

fn progress_recorder() -> (Arc<Mutex<Vec<BulkProgress>>>, BulkOptions) {
    let seen: Arc<Mutex<Vec<BulkProgress>>> = Arc::default();
    let sink = Arc::clone(&seen);
    let options =
        BulkOptions::new().on_progress(move |progress| sink.lock().unwrap().push(progress));
    (seen, options)
}

#[tokio::test]
async fn more_ids_than_a_batch_come_back_in_order_with_per_item_errors_and_progress() {
    let (stand_in, finch, counts) = stand_in(30).await;
    let mut ids = directory_ids(&finch).await;
    assert_eq!(ids.len(), 30);
    // An unknown id in the middle, and one id twice.
    ids.insert(11, "00000000-0000-4000-8000-000000000000".to_owned());
    ids.push(ids[3].clone());
    let (progress, options) = progress_recorder();
    let results = finch
        .read_bulk(
            RetrieveIndividuals::new(ids.clone()),
            options.batch_size(7).concurrency(2),
        )
        .await;

    assert_eq!(results.len(), 32);
    for (id, result) in ids.iter().zip(&results) {
        let item = result.as_ref().unwrap();
        assert_eq!(&item.individual_id, id, "input order kept");
        match item.body.data() {
            Some(individual) => assert_eq!(&individual.id, id),
            None => assert_eq!(id, "00000000-0000-4000-8000-000000000000"),
        }
    }
    // Finch's error for the unknown id is kept as its result.
    let unknown = results[11].as_ref().unwrap().clone().body.into_result();
    assert_eq!(unknown.unwrap_err().code, 404);

    // 32 ids in batches of 7: 5 requests, at most 2 at once (and 2 did overlap).
    assert_eq!(sent_to(&stand_in, "POST", "/employer/individual"), 5);
    assert_eq!(counts.most(), 2);
    let progress = progress.lock().unwrap().clone();
    assert_eq!(progress.len(), 5);
    assert!(progress.windows(2).all(|pair| pair[0].done < pair[1].done));
    let last = progress.last().unwrap();
    assert_eq!((last.done, last.total), (32, 32));
    assert!(progress.iter().all(|step| step.total == 32));
}

#[tokio::test]
async fn employments_use_the_largest_batch_by_default_and_the_future_is_send() {
    let (stand_in, finch, _counts) = stand_in(25).await;
    let ids = directory_ids(&finch).await;
    // Spawned: the bulk read is `Send`.
    let results = tokio::spawn(async move {
        finch
            .read_bulk(RetrieveEmployments::new(ids), BulkOptions::new())
            .await
    })
    .await
    .unwrap();
    assert_eq!(results.len(), 25);
    assert!(
        results
            .iter()
            .all(|result| result.as_ref().unwrap().body.data().is_some())
    );
    assert_eq!(RetrieveEmployments::MAX_BATCH, 10_000);
    assert_eq!(sent_to(&stand_in, "POST", "/employer/employment"), 1);
}

/// Answers `POST /employer/individual` for the ids of the body, but leaves out those that start
/// with `missing`, and fails (500) a batch holding an id that starts with `fail`.
struct Picky;

impl Respond for Picky {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
        let ids: Vec<&str> = body["requests"]
            .as_array()
            .unwrap()
            .iter()
            .map(|item| item["individual_id"].as_str().unwrap())
            .collect();
        if ids.iter().any(|id| id.starts_with("fail")) {
            return ResponseTemplate::new(500);
        }
        let responses: Vec<serde_json::Value> = ids
            .iter()
            .rev() // any order: items are matched by id
            .filter(|id| !id.starts_with("missing"))
            .map(|id| {
                serde_json::json!({
                    "individual_id": id, "code": 200,
                    "body": {"id": id, "first_name": null, "middle_name": null, "last_name": null,
                             "preferred_name": null, "phone_numbers": null, "gender": null,
                             "ethnicity": null, "marital_status": null, "dob": null, "residence": null}
                })
            })
            .collect();
        ResponseTemplate::new(200).set_body_json(serde_json::json!({ "responses": responses }))
    }
}

#[tokio::test]
async fn missing_items_and_failed_batches_are_per_item_results() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/employer/individual"))
        .respond_with(Picky)
        .mount(&server)
        .await;
    let finch = Finch::builder()
        .base_url(server.uri())
        .access_token("token")
        .max_retries(0)
        .build()
        .unwrap();
    // Batches of 3: [a, missing-b, c] [d, fail-e, f] [g]
    let ids = ["a", "missing-b", "c", "d", "fail-e", "f", "g"];
    let (progress, options) = progress_recorder();
    let results = finch
        .read_bulk(
            RetrieveIndividuals::new(ids),
            options.batch_size(3).concurrency(1),
        )
        .await;
    let summary: Vec<String> = results
        .iter()
        .map(|result| match result {
            Ok(item) => format!("ok {}", item.individual_id),
            Err(BulkError::Missing { key }) => format!("missing {key}"),
            Err(BulkError::Request { key, error }) => {
                format!("failed {key} {}", error.status().unwrap().as_u16())
            }
            Err(other) => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        summary,
        [
            "ok a",
            "missing missing-b",
            "ok c",
            "failed d 500",
            "failed fail-e 500",
            "failed f 500",
            "ok g"
        ]
    );
    assert_eq!(results[1].as_ref().unwrap_err().key(), "missing-b");
    let done: Vec<usize> = progress
        .lock()
        .unwrap()
        .iter()
        .map(|step| step.done)
        .collect();
    assert_eq!(done, [3, 6, 7]);
}

#[tokio::test]
async fn pay_statements_go_ten_payments_a_request_and_to_each_payment_s_last_page() {
    let (stand_in, finch, _counts) = stand_in(23).await;
    let payments = finch
        .hris()
        .payments()
        .list(finch::hris::ListPayments::new("2025-01-01", "2025-12-31"))
        .await
        .unwrap();
    let payment_ids: Vec<String> = payments.into_iter().map(|payment| payment.id).collect();
    assert!(payment_ids.len() > 10, "{}", payment_ids.len());

    // Pages of 5 statements: a payment of 23 people takes 5 pages.
    let paged = RetrievePayStatements::from_requests(
        payment_ids
            .iter()
            .map(|id| PayStatementRequest::new(id.clone()).limit(5)),
    );
    let results = finch.read_bulk(paged, BulkOptions::new()).await;
    assert_eq!(results.len(), payment_ids.len());
    for (id, result) in payment_ids.iter().zip(&results) {
        let item = result.as_ref().unwrap();
        assert_eq!(&item.payment_id, id);
        let page = item.body.data().unwrap();
        let people: HashSet<&str> = page
            .pay_statements
            .iter()
            .map(|statement| statement.individual_id.as_str())
            .collect();
        assert_eq!(
            page.pay_statements.len(),
            people.len(),
            "no statement twice"
        );
    }
    // Regular payrolls pay everyone: more than two pages of 5.
    let most = results
        .iter()
        .map(|result| {
            result
                .as_ref()
                .unwrap()
                .body
                .data()
                .unwrap()
                .pay_statements
                .len()
        })
        .max();
    assert!(most > Some(10), "{most:?}");

    // Without a page size: Finch's largest page, so one request per ten payments.
    let before = sent_to(&stand_in, "POST", "/employer/pay-statement");
    let whole = finch
        .read_bulk(
            RetrievePayStatements::new(payment_ids.clone()),
            BulkOptions::new(),
        )
        .await;
    let requests = sent_to(&stand_in, "POST", "/employer/pay-statement") - before;
    assert_eq!(requests, payment_ids.len().div_ceil(10));
    for (paged, whole) in results.iter().zip(&whole) {
        assert_eq!(
            paged.as_ref().unwrap().body.data().unwrap().pay_statements,
            whole.as_ref().unwrap().body.data().unwrap().pay_statements
        );
    }
}

#[tokio::test]
async fn benefit_enrollments_go_a_hundred_ids_a_request() {
    let (stand_in, finch, _counts) = stand_in(150).await;
    let ids = directory_ids(&finch).await;
    let benefit_id = stand_in.benefit_ids()[0].clone();
    let results = finch
        .read_bulk(
            RetrieveIndividualBenefits::new(benefit_id.clone()).individual_ids(ids.clone()),
            BulkOptions::new(),
        )
        .await;
    assert_eq!(results.len(), 150);
    for (id, result) in ids.iter().zip(&results) {
        assert_eq!(&result.as_ref().unwrap().individual_id, id);
    }
    let path = format!("/employer/benefits/{benefit_id}/individuals");
    assert_eq!(sent_to(&stand_in, "GET", &path), 2);
}

#[tokio::test]
async fn the_company_roster_streams_everyone_once_a_page_at_a_time() {
    let (stand_in, finch, _counts) = stand_in(1234).await;
    let expected = directory_ids(&finch).await;
    let before = stand_in.requests().len();
    let mut roster = finch
        .hris()
        .company_roster(RosterOptions::new().page_size(500));
    let mut seen = Vec::new();
    while let Some(entry) = roster.next_entry().await {
        let entry = entry.unwrap();
        let individual = entry.individual.unwrap().body.into_result().unwrap();
        let employment = entry.employment.unwrap().body.into_result().unwrap();
        assert_eq!(individual.id, entry.person.id);
        assert_eq!(employment.id, entry.person.id);
        seen.push(entry.person.id);
    }
    assert_eq!(seen, expected, "everyone once, in directory order");
    let sent: Vec<(String, String)> = stand_in.requests()[before..]
        .iter()
        .map(|request| (request.method.to_string(), request.path.clone()))
        .collect();
    // Three pages (500, 500, 234: a short page ends the walk), each followed by its two reads.
    let count = |path: &str| sent.iter().filter(|(_, sent)| sent == path).count();
    assert_eq!(count("/employer/directory"), 3);
    assert_eq!(count("/employer/individual"), 3);
    assert_eq!(count("/employer/employment"), 3);
    let individual_sizes: Vec<usize> = stand_in.requests()[before..]
        .iter()
        .filter(|request| request.path == "/employer/individual")
        .map(|request| {
            request.json().unwrap()["requests"]
                .as_array()
                .unwrap()
                .len()
        })
        .collect();
    assert_eq!(individual_sizes, [500, 500, 234]);
}

#[tokio::test]
async fn a_payment_whose_pages_break_the_paging_rules_is_a_paging_error_not_a_short_list() {
    // The server ignores `offset`: every page is the first, full page.
    let statement = |id: &str| {
        serde_json::json!({
            "individual_id": id, "type": null, "payment_method": null, "total_hours": null,
            "gross_pay": null, "net_pay": null, "earnings": null, "taxes": null,
            "employee_deductions": null, "employer_contributions": null
        })
    };
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/employer/pay-statement"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "responses": [{
                "payment_id": "p1", "code": 200,
                "body": {"paging": {"offset": 0}, "pay_statements": [statement("a"), statement("b")]}
            }]
        })))
        .mount(&server)
        .await;
    let finch = Finch::builder()
        .base_url(server.uri())
        .access_token("token")
        .max_retries(0)
        .build()
        .unwrap();
    let request = RetrievePayStatements::from_requests([PayStatementRequest::new("p1").limit(2)]);
    let results = finch.read_bulk(request, BulkOptions::new()).await;
    let [Err(BulkError::Paging { key, error })] = results.as_slice() else {
        panic!("{results:?}")
    };
    assert_eq!(key, "p1");
    assert_eq!(error.asked_offset, 2);
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

/// `count` inputs cycling through `ids` (an id given twice is read twice), so that a handful of
/// ids makes several batches.
fn cycled(ids: &[String], count: usize) -> Vec<String> {
    ids.iter().cycle().take(count).cloned().collect()
}

#[tokio::test]
async fn plan_enrollments_and_dependents_go_fifty_a_request_in_order() {
    let (stand_in, finch, _counts) = stand_in(23).await;
    let enrollment_ids: Vec<String> = finch
        .hris()
        .plan_enrollments()
        .list(finch::hris::ListPlanEnrollments::new())
        .await
        .unwrap()
        .enrollments
        .into_iter()
        .map(|enrollment| enrollment.id)
        .collect();
    let dependent_ids: Vec<String> = finch
        .hris()
        .plan_dependents()
        .list(finch::hris::ListPlanDependents::new())
        .await
        .unwrap()
        .dependents
        .into_iter()
        .map(|dependent| dependent.dependent_id)
        .collect();
    assert!(!enrollment_ids.is_empty() && !dependent_ids.is_empty());

    let inputs = cycled(&enrollment_ids, 120);
    let (results, requests) = read_in_input_order(
        &stand_in,
        &finch,
        finch::hris::RetrievePlanEnrollments::new(inputs.clone()),
        "/employer/plans-enrollments",
        &inputs,
    )
    .await;
    assert_eq!(requests, 3, "120 ids, 50 a request");
    assert!(
        results
            .iter()
            .all(|result| result.as_ref().unwrap().body.data().is_some())
    );

    let inputs = cycled(&dependent_ids, 51);
    let (_, requests) = read_in_input_order(
        &stand_in,
        &finch,
        finch::hris::RetrievePlanDependents::new(inputs.clone()),
        "/employer/plans-dependents",
        &inputs,
    )
    .await;
    assert_eq!(requests, 2);
}

/// Reads `inputs` with `request` (which holds them) through a bulk read, checks one result per
/// input in input order, and returns the results and the requests sent to `path`.
async fn read_in_input_order<R: BatchRead>(
    stand_in: &StandIn,
    finch: &Finch,
    request: R,
    path: &str,
    inputs: &[String],
) -> (Vec<Result<R::Item, BulkError>>, usize) {
    let before = sent_to(stand_in, "POST", path);
    let results = finch.read_bulk(request, BulkOptions::new()).await;
    let requests = sent_to(stand_in, "POST", path) - before;
    let keys: Vec<&str> = results
        .iter()
        .map(|result| R::item_key(result.as_ref().unwrap()))
        .collect();
    assert_eq!(keys, inputs.iter().map(String::as_str).collect::<Vec<_>>());
    (results, requests)
}

#[tokio::test]
async fn ledger_items_go_ten_payments_a_request_and_to_each_payment_s_last_page() {
    use finch::payroll::{LedgerItemsRequest, RetrieveLedgerItems};
    let (stand_in, finch, _counts) = stand_in(23).await;
    let payment_ids: Vec<String> = finch
        .hris()
        .payments()
        .list(finch::hris::ListPayments::new("2025-01-01", "2025-12-31"))
        .await
        .unwrap()
        .into_iter()
        .map(|payment| payment.id)
        .collect();
    assert!(payment_ids.len() > 10, "{}", payment_ids.len());

    let before = sent_to(&stand_in, "POST", "/employer/ledger-items");
    let whole = finch
        .read_bulk(
            RetrieveLedgerItems::new(payment_ids.clone()),
            BulkOptions::new(),
        )
        .await;
    let whole_requests = sent_to(&stand_in, "POST", "/employer/ledger-items") - before;
    assert!(
        whole_requests >= payment_ids.len().div_ceil(10),
        "{whole_requests}"
    );

    // Pages of 3 items: the same ledgers, joined from more pages.
    let before = sent_to(&stand_in, "POST", "/employer/ledger-items");
    let paged = finch
        .read_bulk(
            RetrieveLedgerItems::from_requests(
                payment_ids
                    .iter()
                    .map(|id| LedgerItemsRequest::new(id.clone()).limit(3)),
            ),
            BulkOptions::new(),
        )
        .await;
    let paged_requests = sent_to(&stand_in, "POST", "/employer/ledger-items") - before;
    assert!(
        paged_requests > whole_requests,
        "{paged_requests} > {whole_requests}"
    );
    assert_eq!(paged.len(), payment_ids.len());
    for ((id, paged), whole) in payment_ids.iter().zip(&paged).zip(&whole) {
        let (paged, whole) = (paged.as_ref().unwrap(), whole.as_ref().unwrap());
        assert_eq!(&paged.payment_id, id);
        let (paged, whole) = (paged.body.data().unwrap(), whole.body.data().unwrap());
        assert!(!whole.ledger_items.is_empty());
        assert_eq!(paged.ledger_items, whole.ledger_items, "payment {id}");
    }
}
