//! The blocking client (feature `blocking`), from plain `#[test]`s: the tests start no runtime
//! for the client. The servers (the stand-in, the fault server) run on a runtime of their own,
//! on its worker thread, as another process would.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

#[path = "support/fault_server.rs"]
mod fault_server;
#[path = "support/scaled_sleep.rs"]
mod scaled_sleep;

use fault_server::{Fault, FaultServer, Hit};
use finch::core::PagingErrorKind;
use finch::core::TimeoutKind;
use finch::hris::ListDirectory;
use finch::webhooks::{WebhookEvent, WebhookVerifier};
use finch::{ApiErrorKind, CreateAccessToken, Error, RetryPolicy, blocking};
use finch_stand_in::StandIn;
use scaled_sleep::ScaledSleep;
use std::collections::HashSet;
use std::time::Duration;

/// A runtime for the servers, whose worker thread serves them while the tests block.
fn server_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap()
}

/// A stand-in served from a runtime of its own (the stand-in is dropped first).
struct Served {
    stand_in: StandIn,
    _runtime: tokio::runtime::Runtime,
}

fn stand_in(employees: usize) -> Served {
    let runtime = server_runtime();
    let stand_in = runtime
        .block_on(StandIn::builder().employees(employees).start())
        .unwrap();
    Served {
        stand_in,
        _runtime: runtime,
    }
}

/// A fault server served from a runtime of its own.
struct Faults {
    server: FaultServer,
    _runtime: tokio::runtime::Runtime,
}

fn faults(script: Vec<Fault>) -> Faults {
    let runtime = server_runtime();
    let server = runtime.block_on(FaultServer::start(script, |_: &Hit| {
        Fault::json(500, r#"{"message":"the script ran out"}"#)
    }));
    Faults {
        server,
        _runtime: runtime,
    }
}

/// A blocking client of the stand-in with the application's credentials.
fn client(stand_in: &StandIn) -> blocking::Finch {
    blocking::Finch::builder()
        .base_url(stand_in.base_url())
        .client_id(stand_in.client_id())
        .client_secret(stand_in.client_secret())
        .max_retries(0)
        .build_blocking()
        .unwrap()
}

/// Every individual's id, walking the directory with the Iterator of items.
fn directory_ids(finch: &blocking::Finch, limit: u64) -> Vec<String> {
    finch
        .hris()
        .directory()
        .list_all(ListDirectory::new().limit(limit))
        .map(|person| person.map(|person| person.id))
        .collect::<Result<_, _>>()
        .unwrap()
}

const COMPANY: &str = r#"{"id":"c1","legal_name":"Acme","entity":null,"primary_email":null,"primary_phone_number":null,
    "departments":null,"ein":null,"locations":null,"accounts":null}"#;

/// A directory page at `offset` of a directory of `count`, with the ids given.
fn directory_page(offset: u64, count: u64, ids: &[&str]) -> Fault {
    let individuals: Vec<String> = ids
        .iter()
        .map(|id| {
            format!(
                r#"{{"id":"{id}","first_name":null,"middle_name":null,"last_name":null,"manager":null,"department":null,"is_active":true}}"#
            )
        })
        .collect();
    Fault::json(
        200,
        format!(
            r#"{{"paging":{{"count":{count},"offset":{offset}}},"individuals":[{}]}}"#,
            individuals.join(",")
        ),
    )
}

#[test]
fn exchanges_a_code_reads_the_company_and_walks_the_whole_directory() {
    let served = stand_in(40);
    let stand_in = &served.stand_in;
    let finch = client(stand_in);

    let code = stand_in.issue_authorization_code();
    let token = finch
        .access_tokens()
        .create(CreateAccessToken::new(code))
        .unwrap();
    assert_eq!(token.connection_id, stand_in.connection_id());
    let connection = finch.with_access_token(token.access_token);

    let company = connection.hris().company().retrieve().unwrap();
    assert_eq!(company.id, stand_in.company_id());

    // Pages of 7: five full pages and a short one, which ends the walk.
    let pages: Vec<_> = connection
        .hris()
        .directory()
        .pages(ListDirectory::new().limit(7))
        .collect::<Result<_, _>>()
        .unwrap();
    let sizes: Vec<usize> = pages.iter().map(|page| page.individuals.len()).collect();
    assert_eq!(sizes, [7, 7, 7, 7, 7, 5]);
    let offsets: Vec<u64> = pages.iter().map(|page| page.paging.offset).collect();
    assert_eq!(offsets, [0, 7, 14, 21, 28, 35]);

    let ids = directory_ids(&connection, 7);
    assert_eq!(ids.len(), 40);
    assert_eq!(ids.iter().collect::<HashSet<_>>().len(), 40);
    let listed: Vec<String> = pages
        .into_iter()
        .flat_map(|page| page.individuals)
        .map(|person| person.id)
        .collect();
    assert_eq!(ids, listed);

    // Each page was asked for once per walk, with the connection's token.
    let directory_requests = stand_in
        .requests()
        .into_iter()
        .filter(|request| request.path == "/employer/directory")
        .count();
    assert_eq!(directory_requests, 12);
}

#[test]
fn an_api_error_is_typed_as_the_async_clients() {
    let served = stand_in(3);
    let finch = client(&served.stand_in).with_access_token("not-a-token-the-stand-in-issued");
    let error = finch.hris().company().retrieve().unwrap_err();
    let Error::Api(api) = &error else {
        panic!("expected an API error, got {error:?}");
    };
    assert_eq!(api.kind(), ApiErrorKind::Authentication);
    assert_eq!(api.status(), 401);

    // The async client, on the same server, fails the same way, with the same words.
    let async_client = finch::Finch::builder()
        .base_url(served.stand_in.base_url())
        .access_token("not-a-token-the-stand-in-issued")
        .max_retries(0)
        .build()
        .unwrap();
    let async_error = served
        ._runtime
        .block_on(async_client.hris().company().retrieve())
        .unwrap_err();
    let Error::Api(async_api) = &async_error else {
        panic!("expected an API error, got {async_error:?}");
    };
    assert_eq!(async_api.kind(), api.kind());
    assert_eq!(async_api.message(), api.message());
    assert_eq!(async_error.attempts(), error.attempts());

    // A missing credential is an error before anything is sent, as in async.
    let no_token = client(&served.stand_in);
    let before = served.stand_in.requests().len();
    let error = no_token.hris().company().retrieve().unwrap_err();
    assert!(matches!(error, Error::Request { .. }), "{error:?}");
    assert_eq!(served.stand_in.requests().len(), before);
}

/// The per-attempt time limit of the fault tests (100 ms of real time once scaled).
const ATTEMPT: Duration = Duration::from_secs(100);

/// The backoff waits asked for (the time limit is not a wait).
fn waits(sleep: &ScaledSleep) -> Vec<Duration> {
    sleep.waits_besides(&[ATTEMPT])
}

fn fault_client(faults: &Faults, sleep: &ScaledSleep) -> blocking::Finch {
    finch::Finch::builder()
        .base_url(&faults.server.base_url)
        .access_token("token")
        .timeout(ATTEMPT)
        .retry_policy(RetryPolicy::default().with_jitter(false))
        .sleep(sleep.clone())
        .build_blocking()
        .unwrap()
}

#[test]
fn retries_5xx_replies_and_timeouts_as_the_async_client_does() {
    // Two server errors, then the company: three attempts, the async backoff between them.
    let faults_5xx = faults(vec![
        Fault::json(500, r#"{"message":"boom"}"#),
        Fault::json(503, r#"{"message":"later"}"#),
        Fault::json(200, COMPANY),
    ]);
    let sleep = ScaledSleep::default();
    let company = fault_client(&faults_5xx, &sleep)
        .hris()
        .company()
        .retrieve()
        .unwrap();
    assert_eq!(company.id, "c1");
    assert_eq!(faults_5xx.server.hits().len(), 3);
    assert_eq!(
        waits(&sleep),
        [Duration::from_millis(500), Duration::from_millis(1000)]
    );

    // Three server errors: the last one is the error, after three attempts.
    let faults_5xx = faults(vec![]);
    let error = fault_client(&faults_5xx, &ScaledSleep::default())
        .hris()
        .company()
        .retrieve()
        .unwrap_err();
    assert!(matches!(&error, Error::Api(api) if api.kind() == ApiErrorKind::InternalServer));
    assert_eq!(error.attempts(), Some(3));
    assert_eq!(faults_5xx.server.hits().len(), 3);

    // A server that never answers: each attempt times out, and so does the call.
    let stalls = faults(vec![Fault::StallBeforeHeaders; 3]);
    let sleep = ScaledSleep::default();
    let error = fault_client(&stalls, &sleep)
        .hris()
        .company()
        .retrieve()
        .unwrap_err();
    let Error::Timeout(timeout) = &error else {
        panic!("expected a timeout, got {error:?}");
    };
    assert_eq!(timeout.kind, TimeoutKind::Attempt);
    assert_eq!(error.attempts(), Some(3));
    assert_eq!(stalls.server.hits().len(), 3);
    assert_eq!(
        waits(&sleep),
        [Duration::from_millis(500), Duration::from_millis(1000)]
    );
}

#[test]
fn the_iterator_keeps_the_paging_rules_an_error_once_then_the_end() {
    let script = vec![
        directory_page(0, 5, &["a", "b"]),
        // Asked for offset 2, the server answers offset 0 again.
        directory_page(0, 5, &["a", "b"]),
        // Asked again after `resume`: the right page, then the short last one.
        directory_page(2, 5, &["c", "d"]),
        directory_page(4, 5, &["e"]),
    ];
    let faults = faults(script);
    let finch = fault_client(&faults, &ScaledSleep::default());
    let mut items = finch
        .hris()
        .directory()
        .list_all(ListDirectory::new().limit(2));
    assert_eq!(items.next().unwrap().unwrap().id, "a");
    assert_eq!(items.next().unwrap().unwrap().id, "b");
    let error = items.next().unwrap().unwrap_err();
    let Error::Paging(paging) = &error else {
        panic!("expected a paging error, got {error:?}");
    };
    assert_eq!(paging.asked_offset, 2);
    assert_eq!(paging.kind, PagingErrorKind::WrongOffset { received: 0 });
    // The error is yielded once, and ends the walk.
    assert!(items.next().is_none());
    assert!(items.next().is_none());
    assert_eq!(items.failed_request().unwrap().offset, Some(2));

    assert!(items.resume());
    let rest: Vec<String> = items.map(|person| person.unwrap().id).collect();
    assert_eq!(rest, ["c", "d", "e"]);
    assert_eq!(faults.server.hits().len(), 4);

    // The page at offset 2 is the first page again: the walk of pages ends with that error.
    let faults = faults_for_repeat();
    let finch = fault_client(&faults, &ScaledSleep::default());
    let mut pages = finch
        .hris()
        .directory()
        .pages(ListDirectory::new().limit(2));
    assert_eq!(pages.next().unwrap().unwrap().individuals.len(), 2);
    let error = pages.next().unwrap().unwrap_err();
    assert!(
        matches!(&error, Error::Paging(paging) if paging.kind == PagingErrorKind::RepeatedPage { previous_offset: 0 }),
        "{error:?}"
    );
    assert!(pages.next().is_none());
    assert_eq!(faults.server.hits().len(), 2);
}

fn faults_for_repeat() -> Faults {
    faults(vec![
        directory_page(0, 5, &["a", "b"]),
        directory_page(2, 5, &["a", "b"]),
    ])
}

#[test]
fn debug_output_shows_no_secret() {
    let finch = finch::Finch::builder()
        .client_id("client-id")
        .client_secret("sekrit-client-secret")
        .access_token("sekrit-access-token")
        .webhook_secret("c2Vrcml0LXdlYmhvb2s=")
        .build_blocking()
        .unwrap();
    let shown = [
        format!("{finch:?}"),
        format!("{finch:#?}"),
        format!("{:?}", finch.hris().directory()),
        format!("{:?}", finch.hris().directory().pages(ListDirectory::new())),
        format!(
            "{:?}",
            finch.hris().directory().list_all(ListDirectory::new())
        ),
        format!("{:?}", finch.with_access_token("sekrit-second-token")),
    ];
    for text in &shown {
        assert!(!text.contains("sekrit"), "{text}");
        assert!(!text.contains("c2Vrcml0"), "{text}");
    }
    // It is the client's Debug, not an empty one.
    assert!(shown[0].contains("client-id"), "{}", shown[0]);
}

#[test]
fn works_inside_an_async_runtime_without_panicking() {
    let served = stand_in(30);
    let finch = client(&served.stand_in).with_access_token(served.stand_in.issue_access_token());
    let outside = directory_ids(&finch, 2);
    assert_eq!(outside.len(), 30);

    // Inside a current-thread runtime's task: the call blocks that thread, and completes. The
    // walk (15 pages) spends more than a task's cooperative budget, which must not stall it.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let inside = runtime.block_on(async { directory_ids(&finch, 2) });
    assert_eq!(inside, outside);

    // Inside a task of a multi-thread runtime, on its worker. (Not the stand-in's runtime: a
    // call blocks the worker it runs on, and that one has a single worker, which serves the
    // stand-in.)
    let multi_thread = server_runtime();
    let spawned = {
        let finch = finch.clone();
        multi_thread
            .block_on(async move { tokio::spawn(async move { directory_ids(&finch, 2) }).await })
            .unwrap()
    };
    assert_eq!(spawned, outside);

    // Built, used and dropped (its runtime thread stopped) inside a runtime: no panic either.
    let base_url = served.stand_in.base_url().to_owned();
    let token = served.stand_in.issue_access_token();
    let company = runtime.block_on(async move {
        let finch = finch::Finch::builder()
            .base_url(base_url)
            .access_token(token)
            .build_blocking()
            .unwrap();
        let company = finch.hris().company().retrieve().unwrap();
        drop(finch);
        company
    });
    assert_eq!(company.id, served.stand_in.company_id());
}

#[test]
fn clients_share_nothing_a_caller_must_keep_alive() {
    // A clone and a per-connection client outlive the client they came from.
    let served = stand_in(4);
    let connection = {
        let finch = client(&served.stand_in);
        let clone = finch.clone();
        drop(finch);
        clone.with_access_token(served.stand_in.issue_access_token())
    };
    assert_eq!(directory_ids(&connection, 100).len(), 4);
    // An iterator outlives its client.
    let pages = connection.hris().directory().pages(ListDirectory::new());
    drop(connection);
    let people: usize = pages.map(|page| page.unwrap().individuals.len()).sum();
    assert_eq!(people, 4);
}

#[test]
fn webhooks_verify_without_a_runtime() {
    let secret = "c2VjcmV0LWtleS1ieXRlcw==";
    let finch = finch::Finch::builder()
        .webhook_secret(secret)
        .build_blocking()
        .unwrap();
    let body = br#"{"company_id":"c","account_id":"a","connection_id":"n","event_type":"directory.created","data":{"individual_id":"i"}}"#;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let signature = WebhookVerifier::new(secret)
        .unwrap()
        .sign("msg_1", now, body);
    let mut headers = http::HeaderMap::new();
    headers.insert("finch-event-id", "msg_1".parse().unwrap());
    headers.insert("finch-timestamp", now.to_string().parse().unwrap());
    headers.insert("finch-signature", signature.parse().unwrap());
    let event = finch.webhooks().unwrap(body, &headers).unwrap();
    assert_eq!(event.event_type(), "directory.created");
    assert!(matches!(event, WebhookEvent::Directory(_)), "{event:?}");
}

#[test]
fn a_backoff_inside_a_task_whose_budget_is_spent_still_ends() {
    // Tokio lets a task poll only so many ready resources before it must yield; a blocking call
    // inside a task cannot yield, so its waits must not count against that task's budget (or
    // its timer would answer "yield first" forever).
    let faults = faults(vec![
        Fault::json(500, r#"{"message":"boom"}"#),
        Fault::json(200, COMPANY),
    ]);
    let sleep = ScaledSleep::default();
    let finch = fault_client(&faults, &sleep);
    let (done, outcome) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let company = runtime.block_on(async move {
            // Spend the task's whole budget in this poll.
            std::future::poll_fn(|cx| {
                for _ in 0..1_000 {
                    let spend = std::pin::pin!(tokio::task::consume_budget());
                    let _ = std::future::Future::poll(spend, cx);
                }
                std::task::Poll::Ready(())
            })
            .await;
            finch.hris().company().retrieve()
        });
        let _ = done.send(company);
    });
    // A guard against a hang, not a measure of speed.
    let company = outcome.recv_timeout(Duration::from_secs(60)).unwrap();
    assert_eq!(company.unwrap().id, "c1");
    assert_eq!(waits(&sleep), [Duration::from_millis(500)]);
}

#[test]
fn one_client_serves_many_threads_at_once() {
    fn send_sync<T: Send + Sync>() {}
    fn send<T: Send>() {}
    send_sync::<blocking::Finch>();
    send_sync::<blocking::Handle<'static, finch::hris::Directory<'static>>>();
    send::<blocking::Pages<ListDirectory>>();
    send::<blocking::Items<ListDirectory>>();

    let served = stand_in(12);
    let finch = client(&served.stand_in).with_access_token(served.stand_in.issue_access_token());
    let walks: Vec<Vec<String>> = std::thread::scope(|scope| {
        let walkers: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| directory_ids(&finch, 3)))
            .collect();
        walkers
            .into_iter()
            .map(|walker| walker.join().unwrap())
            .collect()
    });
    assert_eq!(walks[0].len(), 12);
    assert!(walks.iter().all(|walk| *walk == walks[0]));
}

/// The blocking twins of waiting for a job, bulk reads and the company roster.
#[test]
fn jobs_bulk_reads_and_the_roster_block_too() {
    let served = stand_in(12);
    let finch = client(&served.stand_in).with_access_token(served.stand_in.issue_access_token());

    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let sink = std::sync::Arc::clone(&seen);
    let options = finch::jobs::WaitOptions::new()
        .first_interval(Duration::from_millis(1))
        .on_status_change(move |job| sink.lock().unwrap().push(job.status.to_string()));
    let outcome = finch
        .jobs()
        .automated()
        .create_and_wait(finch::jobs::CreateAutomatedJob::data_sync_all(), options)
        .unwrap();
    assert!(outcome.is_complete(), "{outcome:?}");
    assert_eq!(
        *seen.lock().unwrap(),
        ["pending", "in_progress", "complete"]
    );

    let roster: Vec<_> = finch
        .hris()
        .company_roster(finch::hris::RosterOptions::new().page_size(5))
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(roster.len(), 12);
    let ids: Vec<String> = roster.iter().map(|entry| entry.person.id.clone()).collect();
    let results = finch.read_bulk(
        finch::hris::RetrieveIndividuals::new(ids.clone()),
        finch::bulk::BulkOptions::new().batch_size(5),
    );
    let read: Vec<String> = results
        .into_iter()
        .map(|result| result.unwrap().individual_id)
        .collect();
    assert_eq!(read, ids);
}
