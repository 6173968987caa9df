//! Waiting for automated jobs, against the stand-in (whose jobs progress as they are polled) and
//! wiremock: each terminal outcome, status changes reported in order, the deadline, the backoff
//! between polls, the quota's 429 as its own outcome (not retried), unknown statuses.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use finch::Finch;
use finch::core::{AsyncSleep, Clock, SleepFuture};
use finch::jobs::{
    AutomatedJobStatus, CreateAutomatedJob, JobOutcome, JobQuotaExceeded, WaitError, WaitOptions,
};
use finch_stand_in::StandIn;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Virtual time: a wait shorter than a day is over at once and moves the clock on by its length
/// (and is recorded); a longer one (the client's attempt timeout, set to 30 days below) never
/// ends, so that a slow loopback reply is never taken for a timeout.
#[derive(Clone)]
struct VirtualTime {
    now: Arc<Mutex<SystemTime>>,
    waits: Arc<Mutex<Vec<Duration>>>,
}

impl VirtualTime {
    fn new() -> Self {
        VirtualTime {
            now: Arc::new(Mutex::new(
                SystemTime::UNIX_EPOCH + Duration::from_secs(1_767_171_600),
            )),
            waits: Arc::default(),
        }
    }

    fn waits(&self) -> Vec<Duration> {
        self.waits.lock().unwrap().clone()
    }
}

impl AsyncSleep for VirtualTime {
    fn sleep(&self, duration: Duration) -> SleepFuture {
        if duration >= Duration::from_secs(24 * 3600) {
            return Box::pin(std::future::pending());
        }
        self.waits.lock().unwrap().push(duration);
        *self.now.lock().unwrap() += duration;
        Box::pin(std::future::ready(()))
    }
}

impl Clock for VirtualTime {
    fn now(&self) -> SystemTime {
        *self.now.lock().unwrap()
    }
}

fn client(base_url: &str, token: &str, time: &VirtualTime) -> Finch {
    Finch::builder()
        .base_url(base_url)
        .access_token(token.to_owned())
        .timeout(Duration::from_secs(30 * 24 * 3600))
        .sleep(time.clone())
        .clock(time.clone())
        .build()
        .unwrap()
}

async fn stand_in(polls: u32, completion: &str) -> StandIn {
    StandIn::builder()
        .employees(3)
        .job_polls(polls)
        .job_completion(completion)
        .start()
        .await
        .unwrap()
}

/// Starts a data sync and waits for it.
async fn sync_and_wait(finch: &Finch, options: WaitOptions) -> Result<JobOutcome, WaitError> {
    finch
        .jobs()
        .automated()
        .create_and_wait(CreateAutomatedJob::data_sync_all(), options)
        .await
}

/// The statuses reported to the callback, in order.
fn recorder() -> (Arc<Mutex<Vec<String>>>, WaitOptions) {
    let seen: Arc<Mutex<Vec<String>>> = Arc::default();
    let sink = Arc::clone(&seen);
    let options = WaitOptions::new()
        .first_interval(Duration::from_secs(1))
        .max_interval(Duration::from_secs(4))
        .on_status_change(move |job| sink.lock().unwrap().push(job.status.to_string()));
    (seen, options)
}

#[tokio::test]
async fn each_terminal_status_is_its_own_outcome() {
    for completion in ["complete", "reauth_error", "permissions_error", "error"] {
        let stand_in = stand_in(4, completion).await;
        let time = VirtualTime::new();
        let finch = client(stand_in.base_url(), &stand_in.issue_access_token(), &time);
        let (seen, options) = recorder();
        let outcome = sync_and_wait(&finch, options).await.unwrap();
        match (&outcome, completion) {
            (JobOutcome::Complete(_), "complete")
            | (JobOutcome::ReauthenticationNeeded(_), "reauth_error")
            | (JobOutcome::PermissionsError(_), "permissions_error")
            | (JobOutcome::Failed(_), "error") => {}
            other => panic!("{other:?}"),
        }
        assert_eq!(outcome.is_complete(), completion == "complete");
        assert!(outcome.job().completed_at.is_some());
        // Every change once, in order: 1 pending poll, 3 in progress, then the end.
        assert_eq!(
            *seen.lock().unwrap(),
            ["pending", "in_progress", completion]
        );
        // Waits between the five polls: doubling from 1 s, capped at 4 s, on the client's sleep.
        assert_eq!(
            time.waits(),
            [1, 2, 4, 4].map(Duration::from_secs),
            "{completion}"
        );
        let polls = stand_in
            .requests()
            .iter()
            .filter(|request| {
                request.method == "GET" && request.path.starts_with("/jobs/automated/")
            })
            .count();
        assert_eq!(polls, 5);
    }
}

#[tokio::test]
async fn a_job_already_done_ends_the_wait_at_the_first_poll() {
    let stand_in = stand_in(0, "complete").await;
    let time = VirtualTime::new();
    let finch = client(stand_in.base_url(), &stand_in.issue_access_token(), &time);
    let (seen, options) = recorder();
    let outcome = sync_and_wait(&finch, options).await.unwrap();
    assert!(outcome.is_complete());
    assert_eq!(*seen.lock().unwrap(), ["complete"]);
    assert!(time.waits().is_empty());
}

#[tokio::test]
async fn the_deadline_ends_the_wait_with_the_last_status() {
    let stand_in = stand_in(1_000, "complete").await;
    let time = VirtualTime::new();
    let finch = client(stand_in.base_url(), &stand_in.issue_access_token(), &time);
    let started = time.now();
    let (seen, options) = recorder();
    let error = sync_and_wait(&finch, options.deadline(Duration::from_secs(10)))
        .await
        .unwrap_err();
    let WaitError::Deadline {
        deadline,
        last,
        polls,
        ..
    } = &error
    else {
        panic!("{error:?}")
    };
    assert_eq!(*deadline, Duration::from_secs(10));
    assert_eq!(
        last.as_ref().unwrap().status,
        AutomatedJobStatus::InProgress
    );
    // Polls at 0, 1, 3 and 7 s; the next wait (4 s) would pass the deadline: it waits the 3 s
    // left and polls no more.
    assert_eq!(*polls, 4);
    assert_eq!(time.waits(), [1, 2, 4, 3].map(Duration::from_secs));
    assert_eq!(
        time.now().duration_since(started).unwrap(),
        Duration::from_secs(10)
    );
    assert_eq!(*seen.lock().unwrap(), ["pending", "in_progress"]);
    assert!(error.to_string().contains("still running"), "{error}");
}

#[tokio::test]
async fn the_quota_429_is_its_own_outcome_with_the_reset_time_and_is_not_retried() {
    let stand_in = StandIn::builder()
        .employees(3)
        .job_refreshes(0)
        .start()
        .await
        .unwrap();
    let time = VirtualTime::new();
    // The default retry policy (2 retries): the 429 is final all the same.
    let finch = client(stand_in.base_url(), &stand_in.issue_access_token(), &time);
    let error = sync_and_wait(&finch, WaitOptions::new()).await.unwrap_err();
    let WaitError::QuotaExceeded(quota) = &error else {
        panic!("{error:?}")
    };
    // The stand-in's first request is at 09:00 UTC on its today (2025-12-31): the next hour.
    assert_eq!(quota.retry_at.as_deref(), Some("2025-12-31T10:00:00Z"));
    assert_eq!(
        quota.resets_at,
        Some(SystemTime::UNIX_EPOCH + Duration::from_secs(1_767_175_200))
    );
    assert_eq!(quota.allowed_refreshes, Some(0));
    assert!(quota.request_id.is_some());
    assert!(
        error.to_string().contains("2025-12-31T10:00:00Z"),
        "{error}"
    );
    let creations = stand_in
        .requests()
        .iter()
        .filter(|request| request.method == "POST" && request.path == "/jobs/automated")
        .count();
    assert_eq!(creations, 1, "the quota's 429 was retried");
    assert!(time.waits().is_empty());

    // `create` alone: the same 429 at once, readable as the quota.
    let error = finch
        .jobs()
        .automated()
        .create(CreateAutomatedJob::data_sync_all())
        .await
        .unwrap_err();
    assert_eq!(error.attempts(), Some(1));
    let quota = JobQuotaExceeded::from_error(&error, time.now()).unwrap();
    assert_eq!(quota.retry_at.as_deref(), Some("2025-12-31T10:00:00Z"));
}

#[tokio::test]
async fn a_quota_429_with_only_retry_after_resets_then_and_other_429s_are_not_the_quota() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/jobs/automated"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "1800")
                // The endpoint's `no_retry` wins over the reply's say.
                .insert_header("x-should-retry", "true"),
        )
        .mount(&server)
        .await;
    let time = VirtualTime::new();
    let finch = client(&server.uri(), "token", &time);
    let error = sync_and_wait(&finch, WaitOptions::new()).await.unwrap_err();
    let WaitError::QuotaExceeded(quota) = error else {
        panic!("{error:?}")
    };
    assert_eq!(
        quota.resets_at,
        Some(time.now() + Duration::from_secs(1800))
    );
    assert_eq!(quota.retry_at, None);
    assert_eq!(server.received_requests().await.unwrap().len(), 1);

    // A 500 is no quota: it is retried as usual, then reported as the request's error.
    let failing = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(500))
        .mount(&failing)
        .await;
    let finch = client(&failing.uri(), "token", &time);
    let error = sync_and_wait(&finch, WaitOptions::new()).await.unwrap_err();
    let WaitError::Request(inner) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(inner.attempts(), Some(3));
    assert!(JobQuotaExceeded::from_error(inner, time.now()).is_none());
}

#[tokio::test]
async fn unknown_statuses_keep_the_wait_going_until_the_job_says_it_completed() {
    let server = MockServer::start().await;
    let job = |status: &str, completed: bool| {
        serde_json::json!({
            "job_id": "j1", "job_url": "https://api.tryfinch.com/jobs/automated/j1",
            "type": "data_sync_all", "status": status, "created_at": "2025-12-31T09:00:00Z",
            "scheduled_at": null, "started_at": null,
            "completed_at": if completed { serde_json::json!("2025-12-31T09:05:00Z") } else { serde_json::Value::Null },
            "params": null
        })
    };
    for (status, completed) in [("queued_again", false), ("archived", true)] {
        Mock::given(method("GET"))
            .and(path("/jobs/automated/j1"))
            .respond_with(ResponseTemplate::new(200).set_body_json(job(status, completed)))
            .up_to_n_times(1)
            .mount(&server)
            .await;
    }
    let time = VirtualTime::new();
    let finch = client(&server.uri(), "token", &time);
    let (seen, options) = recorder();
    let outcome = finch.jobs().automated().wait("j1", options).await.unwrap();
    let JobOutcome::Ended(job) = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(
        job.status,
        AutomatedJobStatus::Unknown("archived".to_owned())
    );
    assert_eq!(*seen.lock().unwrap(), ["queued_again", "archived"]);
}

#[tokio::test]
async fn a_poll_that_fails_ends_the_wait_with_its_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/jobs/automated/gone"))
        .respond_with(ResponseTemplate::new(404).set_body_json(serde_json::json!({
            "statusCode": 404, "status": 404, "code": 404,
            "message": "could not find job with id gone", "name": "not_found_error"
        })))
        .mount(&server)
        .await;
    let time = VirtualTime::new();
    let finch = client(&server.uri(), "token", &time);
    let error = finch
        .jobs()
        .automated()
        .wait("gone", WaitOptions::new())
        .await
        .unwrap_err();
    let WaitError::Request(inner) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(inner.status(), Some(http::StatusCode::NOT_FOUND));
    assert!(std::error::Error::source(&error).is_some());
}
