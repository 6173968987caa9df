//! Fault injection against a real local server: for each fault, the exact number of attempts,
//! the waits the client asked for, and the typed outcome. Sleeps are injected (recorded, and
//! scaled down a thousandfold), so these tests run in milliseconds.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

#[path = "support/fault_server.rs"]
mod fault_server;
#[path = "support/scaled_sleep.rs"]
mod scaled_sleep;

use fault_server::{Fault, FaultServer, Hit};
use finch::core::{TimeoutKind, TransportErrorKind};
use finch::hris::ListDirectory;
use finch::{Error, Finch, RetryPolicy};
use scaled_sleep::ScaledSleep;
use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The per-attempt time limit the tests use (100 ms of real time once scaled).
const ATTEMPT: Duration = Duration::from_secs(100);

/// The backoff waits asked for (the time limits are not waits).
fn waits(sleep: &ScaledSleep) -> Vec<Duration> {
    sleep.waits_besides(&[ATTEMPT, DEADLINE])
}

const DEADLINE: Duration = Duration::from_secs(250);

fn client(server: &FaultServer, sleep: &ScaledSleep) -> Finch {
    Finch::builder()
        .base_url(&server.base_url)
        .access_token("token")
        .timeout(ATTEMPT)
        .retry_policy(RetryPolicy::default().with_jitter(false))
        .sleep(sleep.clone())
        .build()
        .unwrap()
}

const COMPANY: &str = r#"{"id":"c1","legal_name":"Acme","entity":null,"primary_email":null,"primary_phone_number":null,
    "departments":null,"ein":null,"locations":null,"accounts":null}"#;

fn company_ok() -> Fault {
    Fault::json(200, COMPANY)
}

fn never(_: &Hit) -> Fault {
    Fault::json(500, r#"{"message":"the script ran out"}"#)
}

async fn retrieve_company(
    server: &FaultServer,
    sleep: &ScaledSleep,
) -> Result<finch::hris::Company, Error> {
    client(server, sleep).hris().company().retrieve().await
}

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

#[tokio::test]
async fn a_429_with_retry_after_waits_as_told() {
    let script = vec![
        Fault::json(429, r#"{"message":"slow down"}"#).with_header("retry-after", "2"),
        company_ok(),
    ];
    let (server, sleep) = (
        FaultServer::start(script, never).await,
        ScaledSleep::default(),
    );
    let company = retrieve_company(&server, &sleep).await.unwrap();
    assert_eq!(company.id, "c1");
    assert_eq!(server.hits().len(), 2);
    assert_eq!(waits(&sleep), [Duration::from_secs(2)]);

    // retry-after-ms wins over retry-after; an absurd server delay is not honoured.
    let script = vec![
        Fault::json(429, "{}")
            .with_header("retry-after-ms", "1500")
            .with_header("retry-after", "9"),
        Fault::json(429, "{}").with_header("retry-after", "86400"),
        company_ok(),
    ];
    let (server, sleep) = (
        FaultServer::start(script, never).await,
        ScaledSleep::default(),
    );
    retrieve_company(&server, &sleep).await.unwrap();
    assert_eq!(
        waits(&sleep),
        [ms(1500), ms(1000)],
        "the second wait is the backoff of retry 1"
    );
}

#[tokio::test]
async fn a_500_then_a_200_is_one_retry() {
    let script = vec![Fault::json(500, r#"{"message":"oops"}"#), company_ok()];
    let (server, sleep) = (
        FaultServer::start(script, never).await,
        ScaledSleep::default(),
    );
    retrieve_company(&server, &sleep).await.unwrap();
    assert_eq!(server.hits().len(), 2);
    assert_eq!(waits(&sleep), [ms(500)]);
}

#[tokio::test]
async fn a_503_every_time_gives_up_after_three_attempts() {
    let (server, sleep) = (
        FaultServer::start(vec![], |_| Fault::json(503, r#"{"message":"down"}"#)).await,
        ScaledSleep::default(),
    );
    let error = retrieve_company(&server, &sleep).await.unwrap_err();
    let Error::Api(api) = &error else {
        panic!("{error:?}")
    };
    assert_eq!((api.status().as_u16(), api.attempts()), (503, 3));
    assert_eq!(server.hits().len(), 3);
    assert_eq!(waits(&sleep), [ms(500), ms(1000)]);

    // The backoff doubles up to 8 s.
    let server = FaultServer::start(vec![], |_| Fault::json(503, "{}")).await;
    let sleep = ScaledSleep::default();
    let finch = Finch::builder()
        .base_url(&server.base_url)
        .access_token("token")
        .timeout(ATTEMPT)
        .retry_policy(
            RetryPolicy::default()
                .with_jitter(false)
                .with_max_retries(6),
        )
        .sleep(sleep.clone())
        .build()
        .unwrap();
    assert_eq!(
        finch
            .hris()
            .company()
            .retrieve()
            .await
            .unwrap_err()
            .attempts(),
        Some(7)
    );
    assert_eq!(
        waits(&sleep),
        [ms(500), ms(1000), ms(2000), ms(4000), ms(8000), ms(8000)]
    );
}

#[tokio::test]
async fn x_should_retry_overrides_the_status() {
    let script = vec![Fault::json(503, "{}").with_header("x-should-retry", "false")];
    let (server, sleep) = (
        FaultServer::start(script, never).await,
        ScaledSleep::default(),
    );
    assert_eq!(
        retrieve_company(&server, &sleep)
            .await
            .unwrap_err()
            .attempts(),
        Some(1)
    );

    let script = vec![
        Fault::json(400, "{}").with_header("x-should-retry", "true"),
        company_ok(),
    ];
    let (server, sleep) = (
        FaultServer::start(script, never).await,
        ScaledSleep::default(),
    );
    retrieve_company(&server, &sleep).await.unwrap();
    assert_eq!(server.hits().len(), 2);
}

#[tokio::test]
async fn resets_are_retried() {
    let script = vec![
        Fault::CloseBeforeHeaders,
        Fault::CloseMidBody {
            status: 200,
            body: COMPANY.into(),
            sent: 20,
        },
        company_ok(),
    ];
    let (server, sleep) = (
        FaultServer::start(script, never).await,
        ScaledSleep::default(),
    );
    retrieve_company(&server, &sleep).await.unwrap();
    assert_eq!(server.hits().len(), 3);

    let (server, sleep) = (
        FaultServer::start(vec![], |_| Fault::CloseBeforeHeaders).await,
        ScaledSleep::default(),
    );
    let error = retrieve_company(&server, &sleep).await.unwrap_err();
    assert!(
        matches!(&error, Error::Transport { error, attempts: 3 } if error.kind() == TransportErrorKind::Io),
        "{error:?}"
    );
}

#[tokio::test]
async fn stalls_end_in_timeouts_not_hangs() {
    let (server, sleep) = (
        FaultServer::start(vec![], |_| Fault::StallBeforeHeaders).await,
        ScaledSleep::default(),
    );
    let error = retrieve_company(&server, &sleep).await.unwrap_err();
    let Error::Timeout(timeout) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(
        (timeout.kind, timeout.attempts, timeout.limit),
        (TimeoutKind::Attempt, 3, ATTEMPT)
    );
    assert_eq!(server.hits().len(), 3);

    let stall = |_: &Hit| Fault::StallMidBody {
        status: 200,
        body: COMPANY.into(),
        sent: 30,
    };
    let (server, sleep) = (
        FaultServer::start(vec![], stall).await,
        ScaledSleep::default(),
    );
    let error = retrieve_company(&server, &sleep).await.unwrap_err();
    assert!(error.is_timeout(), "{error:?}");
    assert_eq!(error.attempts(), Some(3));

    // A stall then a good reply: the retry succeeds.
    let (server, sleep) = (
        FaultServer::start(vec![Fault::StallBeforeHeaders, company_ok()], never).await,
        ScaledSleep::default(),
    );
    retrieve_company(&server, &sleep).await.unwrap();
}

#[tokio::test]
async fn the_deadline_bounds_the_whole_call() {
    let (server, sleep) = (
        FaultServer::start(vec![], |_| Fault::StallBeforeHeaders).await,
        ScaledSleep::default(),
    );
    let finch = Finch::builder()
        .base_url(&server.base_url)
        .access_token("token")
        .timeout(ATTEMPT)
        .deadline(DEADLINE)
        .sleep(sleep.clone())
        .build()
        .unwrap();
    let error = finch.hris().company().retrieve().await.unwrap_err();
    let Error::Timeout(timeout) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(
        (timeout.kind, timeout.limit),
        (TimeoutKind::Deadline, DEADLINE)
    );
    assert_eq!(
        timeout.attempts, 3,
        "100 + backoff + 100 + backoff, then the third attempt is cut short"
    );
    assert!(error.to_string().contains("deadline"), "{error}");
}

#[tokio::test]
async fn bad_bodies_are_typed_and_not_retried() {
    // Truncated JSON in a complete reply: a decode error, one attempt.
    let (server, sleep) = (
        FaultServer::start(vec![Fault::json(200, &COMPANY[..40])], never).await,
        ScaledSleep::default(),
    );
    let error = retrieve_company(&server, &sleep).await.unwrap_err();
    assert!(
        matches!(&error, Error::Decode(decode) if decode.message.contains("EOF")),
        "{error:?}"
    );
    assert_eq!(error.attempts(), Some(1));

    // An HTML error page on a 502: retried as a 5xx, then kept raw.
    let html = |_: &Hit| Fault::Reply {
        status: 502,
        headers: vec![],
        body: b"<html><h1>Bad Gateway</h1></html>".to_vec(),
    };
    let (server, sleep) = (
        FaultServer::start(vec![], html).await,
        ScaledSleep::default(),
    );
    let error = retrieve_company(&server, &sleep).await.unwrap_err();
    let Error::Api(api) = &error else {
        panic!("{error:?}")
    };
    assert_eq!((api.attempts(), api.finch_error().is_none()), (3, true));
    assert!(error.to_string().contains("Bad Gateway"));

    // 202: its own outcome, not retried.
    let accepted = r#"{"code":202,"name":"sync_in_progress","finch_code":"data_sync_in_progress","message":"later"}"#;
    let (server, sleep) = (
        FaultServer::start(vec![Fault::json(202, accepted)], never).await,
        ScaledSleep::default(),
    );
    let error = retrieve_company(&server, &sleep).await.unwrap_err();
    assert!(
        matches!(&error, Error::Accepted(accepted) if accepted.is_data_sync_in_progress()),
        "{error:?}"
    );
    assert_eq!(server.hits().len(), 1);
}

#[tokio::test]
async fn a_lying_content_length_is_an_error() {
    // Announces more than it sends, then closes: a broken connection, retried.
    let script = vec![
        Fault::LyingContentLength {
            status: 200,
            declared: 5000,
            body: COMPANY.into(),
        },
        company_ok(),
    ];
    let (server, sleep) = (
        FaultServer::start(script, never).await,
        ScaledSleep::default(),
    );
    retrieve_company(&server, &sleep).await.unwrap();
    assert_eq!(server.hits().len(), 2);

    // Announces less than it sends: the body is cut where it said, which does not decode.
    let script = vec![Fault::LyingContentLength {
        status: 200,
        declared: 12,
        body: COMPANY.into(),
    }];
    let (server, sleep) = (
        FaultServer::start(script, never).await,
        ScaledSleep::default(),
    );
    let error = retrieve_company(&server, &sleep).await.unwrap_err();
    assert!(matches!(error, Error::Decode(_)), "{error:?}");
}

#[tokio::test]
async fn a_very_large_body_is_refused_by_the_limit() {
    let big = format!(r#"{{"id":"{}"}}"#, "x".repeat(3 * 1024 * 1024));
    let (server, sleep) = (
        FaultServer::start(vec![], move |_| Fault::json(200, big.clone())).await,
        ScaledSleep::default(),
    );
    let transport = finch::core::ReqwestTransport::new()
        .unwrap()
        .max_response_bytes(1024 * 1024);
    let finch = Finch::builder()
        .base_url(&server.base_url)
        .access_token("token")
        .transport(transport)
        .sleep(sleep.clone())
        .build()
        .unwrap();
    let error = finch.hris().company().retrieve().await.unwrap_err();
    assert!(
        matches!(&error, Error::Transport { error, attempts: 1 } if error.kind() == TransportErrorKind::BodyTooLarge),
        "{error:?}"
    );

    // Under the default limit the same body is read whole.
    let company = retrieve_company(&server, &sleep)
        .await
        .map_err(|e| e.to_string()[..200].to_owned())
        .unwrap();
    assert_eq!(company.id.len(), 3 * 1024 * 1024);
}

/// A 1,000-person directory served in pages, with a fault before several of them.
#[tokio::test]
async fn a_paged_listing_survives_faults_without_losing_or_repeating_anyone() {
    let people = 1000;
    let page = move |hit: &Hit| {
        let query = hit.target.split_once('?').map(|(_, q)| q).unwrap_or("");
        let param = |name: &str| {
            query
                .split('&')
                .find_map(|pair| pair.strip_prefix(&format!("{name}=")))
                .and_then(|v| v.parse::<usize>().ok())
        };
        let (offset, limit) = (param("offset").unwrap_or(0), param("limit").unwrap_or(100));
        let individuals: Vec<String> = (offset..(offset + limit).min(people))
            .map(|i| format!(r#"{{"id":"p{i}","first_name":null,"middle_name":null,"last_name":null,"manager":null,"department":null,"is_active":true}}"#))
            .collect();
        Fault::json(
            200,
            format!(
                r#"{{"paging":{{"count":{people},"offset":{offset}}},"individuals":[{}]}}"#,
                individuals.join(",")
            ),
        )
    };
    let faults = Arc::new(Mutex::new(0usize));
    let responder = {
        let faults = faults.clone();
        move |hit: &Hit| {
            let mut count = faults.lock().unwrap();
            *count += 1;
            // Requests 3, 6 and 9 fail in three different ways; their retries succeed.
            match *count {
                3 => Fault::json(500, "{}"),
                6 => Fault::CloseMidBody {
                    status: 200,
                    body: b"{\"paging\":{\"count\":1000,\"offset\":0},\"individuals\":[".to_vec(),
                    sent: 20,
                },
                9 => Fault::json(429, "{}").with_header("retry-after-ms", "10"),
                _ => page(hit),
            }
        }
    };
    let (server, sleep) = (
        FaultServer::start(vec![], responder).await,
        ScaledSleep::default(),
    );
    let finch = client(&server, &sleep);
    let mut items = finch
        .hris()
        .directory()
        .list_all(ListDirectory::new().limit(100));
    let mut ids = Vec::new();
    while let Some(person) = items.next_item().await {
        ids.push(person.unwrap().id);
    }
    assert_eq!(ids.len(), people, "nobody lost");
    assert_eq!(
        ids.iter().collect::<HashSet<_>>().len(),
        people,
        "nobody twice"
    );
    assert_eq!(ids.first().map(String::as_str), Some("p0"));
    assert_eq!(ids.last().map(String::as_str), Some("p999"));
    // The last page is full, so one more (empty) page ends the walk: a full page is never taken
    // for the last on the total's word alone (see `finch_core::paging`).
    assert_eq!(
        server.hits().len(),
        14,
        "10 pages, the empty one after them, and 3 retries"
    );
    // One connection for the whole walk, but for the one the fault closed.
    assert_eq!(server.connections(), 2);
}
