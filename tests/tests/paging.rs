//! Every listing ends, and says why, against real local servers that misbehave: servers that
//! ignore `offset` (reporting offset 0, echoing the offset asked, or reporting none), totals that
//! fall or grow during the walk, and errors that retries cannot fix.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

mod support;

use finch::core::{Items, Paginated, PagingErrorKind};
use finch::hris::{
    Document, IndividualInDirectory, ListDirectory, ListDocuments, ListPlanDependents,
    ListPlanEnrollments, ListPlans, Plan, PlanDependent, PlanEnrollment,
};
use finch::jobs::{AutomatedAsyncJob, ListAutomatedJobs};
use finch::{Error, Finch, RetryPolicy, finch_endpoint};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use support::*;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// What a misbehaving server puts in `paging.offset` while it ignores the offset asked for.
#[derive(Clone, Copy, Debug)]
enum Ignores {
    /// `offset: 0` on every page, as Finch's spec mock answers with its example.
    ReportingZero,
    /// The offset asked for, over the same items every time.
    EchoingTheOffset,
    /// No `paging` member at all (automated jobs report none).
    ReportingNothing,
}

/// `n` items of type `T` as JSON, each with a distinct id in `id_member`.
fn items<T: DeserializeOwned + serde::Serialize>(n: usize, id_member: &str) -> Vec<Value> {
    (0..n)
        .map(|i| {
            let item: T = (0..1_000)
                .find_map(|seed| finch_stand_in::random_value(seed * 1_000 + i as u64).ok())
                .expect("a random item");
            let mut item = serde_json::to_value(item).unwrap();
            item[id_member] = json!(format!("id-{i}"));
            item
        })
        .collect()
}

fn query(request: &Request) -> HashMap<String, String> {
    request.url.query_pairs().into_owned().collect()
}

/// A server for `GET route` that answers the same page of `items` (under `member`) to every
/// request, whatever its offset.
async fn ignoring_server(route: &str, member: &str, items: Vec<Value>, how: Ignores) -> MockServer {
    let server = MockServer::start().await;
    let member = member.to_owned();
    Mock::given(method("GET"))
        .and(path(route))
        .respond_with(move |request: &Request| {
            let asked: u64 = query(request)
                .get("offset")
                .map_or(0, |offset| offset.parse().unwrap());
            let mut page = json!({ member.as_str(): items.clone() });
            match how {
                Ignores::ReportingZero => page["paging"] = json!({"count": 1000, "offset": 0}),
                Ignores::EchoingTheOffset => {
                    page["paging"] = json!({"count": 1000, "offset": asked})
                }
                Ignores::ReportingNothing => page["meta"] = json!({}),
            }
            ResponseTemplate::new(200).set_body_json(page)
        })
        .mount(&server)
        .await;
    server
}

/// Reads `items` to its end (at most 10,000 polls, so that a test of a loop cannot loop): the
/// items that came, and the errors.
async fn drain<E: Paginated>(items: &mut Items<E>) -> (Vec<E::Item>, Vec<Error>) {
    let mut ok = Vec::new();
    let mut errors = Vec::new();
    for _ in 0..10_000 {
        match items.next_item().await {
            None => return (ok, errors),
            Some(Ok(item)) => ok.push(item),
            Some(Err(error)) => errors.push(error),
        }
    }
    panic!("the listing did not end after 10,000 polls");
}

/// Walks `items` against a server that ignores `offset` and checks that the walk yields the first
/// page once, then one paging error naming the listing and both offsets, then ends, after exactly
/// two requests.
async fn assert_ends<E: Paginated>(
    server: &MockServer,
    mut items: Items<E>,
    page_len: usize,
    how: Ignores,
) {
    let (ok, errors) = drain(&mut items).await;
    // The type's own name, without its path or lifetimes (`ListShelf<'_>` is `ListShelf`).
    let type_name = std::any::type_name::<E>();
    let listing = type_name
        .split('<')
        .next()
        .unwrap()
        .rsplit("::")
        .next()
        .unwrap();
    assert_eq!(ok.len(), page_len, "{listing} {how:?}: the first page once");
    let [Error::Paging(error)] = errors.as_slice() else {
        panic!("{listing} {how:?}: expected one paging error, got {errors:?}");
    };
    assert_eq!(error.listing, listing);
    assert_eq!(error.asked_offset, page_len as u64);
    let expected = match how {
        Ignores::ReportingZero => PagingErrorKind::WrongOffset { received: 0 },
        Ignores::EchoingTheOffset | Ignores::ReportingNothing => {
            PagingErrorKind::RepeatedPage { previous_offset: 0 }
        }
    };
    assert_eq!(error.kind, expected, "{listing} {how:?}");
    let shown = errors[0].to_string();
    assert!(
        shown.contains(listing) && shown.contains(&format!("offset {page_len}")),
        "{shown}"
    );
    // Polling again asks for nothing.
    assert!(items.next_item().await.is_none());
    assert!(items.next_item().await.is_none());
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 2, "{listing} {how:?}: requests made");
    assert!(items.failed_request().is_some());
}

/// Serves the same page of `N` items of `$item` at `$route`, and walks it with `$walk`.
macro_rules! assert_listing_ends {
    ($how:expr, $route:literal, $member:literal, $item:ty, $id:literal, |$client:ident| $walk:expr) => {{
        let server = ignoring_server($route, $member, items::<$item>(N, $id), $how).await;
        let $client = finch(&server);
        assert_ends(&server, $walk, N, $how).await;
    }};
}

const N: usize = 5;

#[tokio::test]
async fn every_listing_ends_when_the_server_ignores_the_offset() {
    let limit = N as u64;
    for how in [Ignores::ReportingZero, Ignores::EchoingTheOffset] {
        assert_listing_ends!(
            how,
            "/employer/directory",
            "individuals",
            IndividualInDirectory,
            "id",
            |client| client
                .hris()
                .directory()
                .list_all(ListDirectory::new().limit(limit))
        );
        assert_listing_ends!(
            how,
            "/employer/documents",
            "documents",
            Document,
            "id",
            |client| client
                .hris()
                .documents()
                .list_all(ListDocuments::new().limit(limit))
        );
        assert_listing_ends!(how, "/employer/plans", "plans", Plan, "id", |client| client
            .hris()
            .plans()
            .list_all(ListPlans::new().limit(limit)));
        assert_listing_ends!(
            how,
            "/employer/plans-enrollments",
            "enrollments",
            PlanEnrollment,
            "id",
            |client| client
                .hris()
                .plan_enrollments()
                .list_all(ListPlanEnrollments::new().limit(limit))
        );
        assert_listing_ends!(
            how,
            "/employer/plans-dependents",
            "dependents",
            PlanDependent,
            "dependent_id",
            |client| client
                .hris()
                .plan_dependents()
                .list_all(ListPlanDependents::new().limit(limit))
        );
    }
    // Automated jobs report no offset: the repeated page is recognised by its content.
    assert_listing_ends!(
        Ignores::ReportingNothing,
        "/jobs/automated",
        "data",
        AutomatedAsyncJob,
        "job_id",
        |client| client
            .jobs()
            .automated()
            .list_all(ListAutomatedJobs::new().limit(limit))
    );
}

#[tokio::test]
async fn pages_without_a_limit_end_too_when_the_server_ignores_the_offset() {
    for how in [Ignores::ReportingZero, Ignores::EchoingTheOffset] {
        let server = ignoring_server(
            "/employer/directory",
            "individuals",
            items::<IndividualInDirectory>(3, "id"),
            how,
        )
        .await;
        let client = finch(&server);
        let mut pages = client.hris().directory().pages(ListDirectory::new());
        assert_eq!(
            pages.next_page().await.unwrap().unwrap().individuals.len(),
            3
        );
        let error = pages.next_page().await.unwrap().unwrap_err();
        assert!(matches!(error, Error::Paging(_)), "{error:?}");
        assert!(pages.next_page().await.is_none());
        assert_eq!(server.received_requests().await.unwrap().len(), 2);
    }
}

/// A library author's listing (`ListShelf`, below) reports no offset, no total and no ids: a
/// server that ignores its offset is still caught, by the page's body.
#[tokio::test]
async fn a_library_authors_listing_ends_too() {
    let server = MockServer::start().await;
    Mock::given(path("/shelves/top/widgets"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"widgets": ["a", "b"]})))
        .mount(&server)
        .await;
    let client = finch(&server);
    let walk = finch::core::Pages::new(
        client.core().clone(),
        ListShelf {
            shelf: "top",
            offset: None,
        },
    )
    .items();
    assert_ends(&server, walk, 2, Ignores::ReportingNothing).await;
}

/// A directory of `people` that pages honestly but reports `total(request_index)` as its count.
async fn directory_server(
    people: usize,
    default_limit: usize,
    total: impl Fn(usize) -> u64 + Send + Sync + 'static,
) -> MockServer {
    let server = MockServer::start().await;
    let everyone = items::<IndividualInDirectory>(people, "id");
    let calls = AtomicUsize::new(0);
    Mock::given(method("GET"))
        .and(path("/employer/directory"))
        .respond_with(move |request: &Request| {
            let query = query(request);
            let offset: usize = query.get("offset").map_or(0, |o| o.parse().unwrap());
            let limit: usize = query
                .get("limit")
                .map_or(default_limit, |l| l.parse().unwrap());
            let page: Vec<Value> = everyone.iter().skip(offset).take(limit).cloned().collect();
            let count = total(calls.fetch_add(1, Ordering::SeqCst));
            ResponseTemplate::new(200).set_body_json(json!({
                "paging": {"count": count, "offset": offset},
                "individuals": page,
            }))
        })
        .mount(&server)
        .await;
    server
}

async fn everyone(finch: &Finch, request: ListDirectory) -> Vec<String> {
    let mut walk = finch.hris().directory().list_all(request);
    let (people, errors) = drain(&mut walk).await;
    assert!(errors.is_empty(), "{errors:?}");
    people.into_iter().map(|person| person.id).collect()
}

#[tokio::test]
async fn a_total_that_changes_during_the_walk_loses_no_one() {
    let expected: Vec<String> = (0..250).map(|i| format!("id-{i}")).collect();
    let falling = |page: usize| 250u64.saturating_sub(50 * page as u64);
    let growing = |page: usize| 250 + 50 * page as u64;
    for (name, limit) in [("limit 100", Some(100)), ("no limit", None)] {
        let request = match limit {
            Some(limit) => ListDirectory::new().limit(limit),
            None => ListDirectory::new(),
        };
        let server = directory_server(250, 100, falling).await;
        assert_eq!(
            everyone(&finch(&server), request.clone()).await,
            expected,
            "total falling by 50 a page, {name}"
        );
        let server = directory_server(250, 100, growing).await;
        assert_eq!(
            everyone(&finch(&server), request.clone()).await,
            expected,
            "total growing by 50 a page, {name}"
        );
    }
    // An honest total with a limit: three pages, no request more.
    let server = directory_server(250, 100, |_| 250).await;
    let client = finch(&server);
    assert_eq!(
        everyone(&client, ListDirectory::new().limit(100)).await,
        expected
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
    // A limit above Finch's maximum (10,000) is served as pages of 10,000, which are full.
    assert_eq!(
        Paginated::limit(&ListDirectory::new().limit(50_000)),
        Some(10_000),
        "the pager's idea of a full page"
    );
}

/// A server whose directory answers `status` to the requests whose 0-based index `fails` picks,
/// and honest pages of 10 people (of 25) to the others.
async fn failing_server(
    status: u16,
    fails: impl Fn(usize) -> bool + Send + Sync + 'static,
) -> MockServer {
    let server = MockServer::start().await;
    let everyone = items::<IndividualInDirectory>(25, "id");
    let calls = AtomicUsize::new(0);
    Mock::given(method("GET"))
        .and(path("/employer/directory"))
        .respond_with(move |request: &Request| {
            if fails(calls.fetch_add(1, Ordering::SeqCst)) {
                return ResponseTemplate::new(status).set_body_json(json!({
                    "code": status, "name": "error", "finch_code": "error", "message": "no",
                }));
            }
            let offset: usize = query(request)
                .get("offset")
                .map_or(0, |o| o.parse().unwrap());
            let page: Vec<Value> = everyone.iter().skip(offset).take(10).cloned().collect();
            ResponseTemplate::new(200).set_body_json(json!({
                "paging": {"count": 25, "offset": offset},
                "individuals": page,
            }))
        })
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn an_error_retries_cannot_fix_is_yielded_once_and_ends_the_walk() {
    // A 401 is not retried: one request, one error, then nothing however often it is polled.
    let server = failing_server(401, |_| true).await;
    let client = finch(&server);
    let mut walk = client
        .hris()
        .directory()
        .list_all(ListDirectory::new().limit(10));
    let error = walk.next_item().await.unwrap().unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(401));
    for _ in 0..100 {
        assert!(walk.next_item().await.is_none());
    }
    assert_eq!(server.received_requests().await.unwrap().len(), 1);

    // A 500 every time: the retries run (3 attempts), then the error once, then nothing.
    let server = failing_server(500, |_| true).await;
    let mut policy = RetryPolicy::default().with_jitter(false);
    policy.initial_delay = Duration::from_millis(1);
    policy.max_delay = Duration::from_millis(1);
    let finch = Finch::builder()
        .base_url(server.uri())
        .access_token(ACCESS_TOKEN)
        .retry_policy(policy)
        .build()
        .unwrap();
    let mut walk = finch
        .hris()
        .directory()
        .list_all(ListDirectory::new().limit(10));
    let error = walk.next_item().await.unwrap().unwrap_err();
    assert_eq!(error.attempts(), Some(3));
    for _ in 0..100 {
        assert!(walk.next_item().await.is_none());
    }
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
    // Resuming is explicit, and asks for the failed page again.
    assert!(walk.resume());
    assert!(walk.next_item().await.unwrap().is_err());
    assert_eq!(server.received_requests().await.unwrap().len(), 6);
    assert!(walk.next_item().await.is_none());
}

#[tokio::test]
async fn resuming_continues_from_the_failed_page_and_loses_no_one() {
    // The second request (the page at offset 10) fails once.
    let server = failing_server(503, |call| call == 1).await;
    let client = finch(&server);
    let mut walk = client
        .hris()
        .directory()
        .list_all(ListDirectory::new().limit(10));
    let (first, errors) = drain(&mut walk).await;
    assert_eq!(first.len(), 10);
    assert_eq!(errors.len(), 1);
    assert_eq!(
        walk.failed_request().and_then(|request| request.offset),
        Some(10)
    );
    assert!(walk.resume());
    assert!(!walk.resume(), "nothing more to resume");
    let (rest, errors) = drain(&mut walk).await;
    assert!(errors.is_empty(), "{errors:?}");
    let ids: Vec<String> = first.into_iter().chain(rest).map(|p| p.id).collect();
    let expected: Vec<String> = (0..25).map(|i| format!("id-{i}")).collect();
    assert_eq!(ids, expected);
    let offsets: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|request| query(request).get("offset").cloned().unwrap_or_default())
        .collect();
    assert_eq!(offsets, ["", "10", "10", "20"]);
}

#[tokio::test]
async fn a_still_syncing_page_ends_the_walk_until_resumed() {
    let server = MockServer::start().await;
    let calls = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&calls);
    let everyone = items::<IndividualInDirectory>(3, "id");
    Mock::given(path("/employer/directory"))
        .respond_with(move |_: &Request| {
            if seen.fetch_add(1, Ordering::SeqCst) == 0 {
                return ResponseTemplate::new(202).set_body_json(json!({
                    "code": 202, "name": "accepted", "finch_code": "data_sync_in_progress",
                    "message": "The data is being synced. Please check back later.",
                }));
            }
            ResponseTemplate::new(200).set_body_json(json!({
                "paging": {"count": 3, "offset": 0},
                "individuals": everyone.clone(),
            }))
        })
        .mount(&server)
        .await;
    let client = finch(&server);
    let mut walk = client
        .hris()
        .directory()
        .list_all(ListDirectory::new().limit(10));
    assert!(matches!(
        walk.next_item().await,
        Some(Err(Error::Accepted(_)))
    ));
    assert!(walk.next_item().await.is_none());
    assert_eq!(calls.load(Ordering::SeqCst), 1);
    assert!(walk.resume());
    let (people, errors) = drain(&mut walk).await;
    assert_eq!((people.len(), errors.len()), (3, 0));
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}

#[derive(Debug, serde::Deserialize)]
struct WidgetPage {
    widgets: Vec<String>,
}

/// A listing whose request borrows its filter: it pages with `next_page`/`next_item` (nothing is
/// boxed, so nothing needs `'static`).
#[finch_endpoint(GET "/shelves/{shelf}/widgets", response = WidgetPage)]
#[derive(Clone, Debug)]
struct ListShelf<'a> {
    #[finch(path)]
    shelf: &'a str,
    #[finch(query)]
    offset: Option<u64>,
}

impl Paginated for ListShelf<'_> {
    type Item = String;

    fn offset(&self) -> u64 {
        self.offset.unwrap_or(0)
    }

    fn limit(&self) -> Option<u64> {
        Some(2)
    }

    fn at_offset(&self, offset: u64) -> Self {
        ListShelf {
            offset: Some(offset),
            ..self.clone()
        }
    }

    fn page_info(page: &WidgetPage) -> finch::core::PageInfo {
        finch::core::PageInfo::new(page.widgets.len())
    }

    fn into_items(page: WidgetPage) -> Vec<String> {
        page.widgets
    }
}

#[tokio::test]
async fn a_borrowed_request_pages() {
    let server = MockServer::start().await;
    Mock::given(path("/shelves/top/widgets"))
        .respond_with(|request: &Request| {
            let widgets = match query(request).get("offset").map(String::as_str) {
                None => json!(["a", "b"]),
                Some("2") => json!(["c"]),
                other => panic!("unexpected offset {other:?}"),
            };
            ResponseTemplate::new(200).set_body_json(json!({ "widgets": widgets }))
        })
        .mount(&server)
        .await;
    let client = finch(&server);
    let shelf = String::from("top");
    let mut walk = finch::core::Pages::new(
        client.core().clone(),
        ListShelf {
            shelf: &shelf,
            offset: None,
        },
    )
    .items();
    let (widgets, errors) = drain(&mut walk).await;
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(widgets, ["a", "b", "c"]);
}
