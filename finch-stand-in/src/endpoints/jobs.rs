//! Jobs: automated jobs (`/jobs/automated*`, and `POST /sandbox/jobs`) and manual jobs
//! (`/jobs/manual/{job_id}`).
//!
//! A job progresses as it is polled (`GET /jobs/automated/{job_id}`): with
//! [`job_polls(n)`](crate::StandInBuilder::job_polls) its first poll answers `pending`, the next
//! `n - 1` `in_progress`, and every poll after its terminal status (with `n = 0`, the default,
//! the job has ended when created). A `data_sync_all` ends as the sandbox job configuration says
//! ([`job_completion`](crate::StandInBuilder::job_completion), `complete` unless changed;
//! `reauth_error` while the connection needs reauthentication, `permissions_error` while it
//! lacks permissions), a `w4_form_employee_sync` completes. Each `data_sync_all` takes one of
//! the connection's refreshes; without any left the reply is a 429 with `retry_at` (the next
//! full hour) and a `Retry-After` header in seconds until then.

use http::StatusCode;
use serde::Deserialize;
use serde_json::{Value, json};

use super::{Call, company, paging, parts};
use crate::connection::{AutomatedJob, Connection};
use crate::dates::{self, Instant};
use crate::ids::Uuid;
use crate::json::{parse_body_at, unless_absent};
use crate::reply::Reply;
use crate::state::{Config, State};

fn job_url(config: &Config, id: Uuid) -> String {
    format!("{}/jobs/automated/{id}", config.base_url)
}

fn job_value(config: &Config, job: &AutomatedJob) -> Value {
    let params = match &job.individual_id {
        Some(individual_id) => json!({ "individual_id": individual_id }),
        None => Value::Null,
    };
    json!({
        "job_id": job.id,
        "job_url": job_url(config, job.id),
        "type": job.kind,
        "status": job.shown_status(),
        "created_at": dates::timestamp(job.created_at),
        "scheduled_at": job.scheduled_at.map(dates::timestamp),
        "started_at": job
            .started_at
            .filter(|_| job.shown_status() != "pending")
            .map(dates::timestamp),
        "completed_at": job.completed_at.filter(|_| job.is_done()).map(dates::timestamp),
        "params": params,
    })
}

fn quota(connection: &Connection) -> Value {
    json!({
        "allowed_refreshes": connection.allowed_refreshes,
        "remaining_refreshes": connection.remaining_refreshes,
    })
}

/// `GET /jobs/automated`: newest first, with `limit`/`offset` and the refresh quota.
pub(crate) fn list(state: &mut State, call: &Call<'_>) -> Reply {
    // No total in the reply, so no cap below the limit asked: a client ends a listing without a
    // total on the first page shorter than its limit (see `finch_core::paging`).
    let (offset, limit) = match paging(call.query, 100, usize::MAX, false) {
        Ok(paging) => paging,
        Err(reply) => return reply,
    };
    let parts = match parts(state, call) {
        Ok(parts) => parts,
        Err(reply) => return reply,
    };
    let data: Vec<Value> = parts
        .connection
        .jobs
        .iter()
        .rev()
        .skip(offset)
        .take(limit)
        .map(|job| job_value(call.config, job))
        .collect();
    Reply::json(
        StatusCode::OK,
        &json!({ "data": data, "meta": { "quotas": { "data_sync_all": quota(parts.connection) } } }),
    )
}

#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum NewJob {
    DataSyncAll,
    W4FormEmployeeSync { params: W4Params },
}

#[derive(Debug, Deserialize)]
struct W4Params {
    individual_id: String,
}

/// The start of the next hour: when refreshes would come back.
fn next_hour(now: Instant) -> Instant {
    (now / 3_600 + 1) * 3_600
}

/// Runs a job for the caller's connection and answers `created` (201 for `POST /jobs/automated`,
/// 200 for `POST /sandbox/jobs`), or 429 when a sync has no refresh left.
fn run(state: &mut State, call: &Call<'_>, job: NewJob, created: StatusCode) -> Reply {
    let now = state.now();
    if let NewJob::W4FormEmployeeSync { params } = &job {
        let known = company(state, call)
            .map(|company| company.person(&params.individual_id).is_some())
            .unwrap_or(false);
        if !known {
            // A well-formed request naming someone who is not there: not found, as an unknown
            // id in a path is.
            return Reply::error_response(
                StatusCode::NOT_FOUND,
                "not_found",
                &format!(
                    "cannot create a W-4 sync job: no individual with id {}",
                    params.individual_id
                ),
            );
        }
    }
    let parts = match parts(state, call) {
        Ok(parts) => parts,
        Err(reply) => return reply,
    };
    let connection = parts.connection;
    if connection.authentication_type == "assisted" {
        return Reply::error_response(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "cannot create automated job for Assisted Connect token",
        );
    }
    let (kind, status, individual_id) = match job {
        NewJob::DataSyncAll => {
            if connection.remaining_refreshes <= 0 {
                let last = connection
                    .jobs
                    .iter()
                    .rev()
                    .find(|job| job.kind == "data_sync_all");
                let mut body = json!({
                    "allowed_refreshes": connection.allowed_refreshes,
                    "remaining_refreshes": 0,
                    "retry_at": dates::timestamp(next_hour(now)),
                });
                if let (Value::Object(object), Some(last)) = (&mut body, last) {
                    object.insert("job_id".to_owned(), json!(last.id));
                    object.insert("job_url".to_owned(), json!(job_url(call.config, last.id)));
                }
                let mut reply = Reply::json(StatusCode::TOO_MANY_REQUESTS, &body);
                reply.retry_after = Some(u64::try_from(next_hour(now) - now).unwrap_or(1).max(1));
                return reply;
            }
            connection.remaining_refreshes -= 1;
            ("data_sync_all", connection.sync_outcome(), None)
        }
        NewJob::W4FormEmployeeSync { params } => (
            "w4_form_employee_sync",
            "complete".to_owned(),
            Some(params.individual_id),
        ),
    };
    let id = parts.rng.uuid();
    connection.jobs.push(AutomatedJob {
        id,
        kind,
        status,
        created_at: now,
        scheduled_at: Some(now),
        started_at: Some(now),
        completed_at: Some(now),
        individual_id,
        running_polls: call.config.job_polls,
        polls: 0,
    });
    Reply::json(
        created,
        &json!({
            "job_id": id,
            "job_url": job_url(call.config, id),
            "allowed_refreshes": connection.allowed_refreshes,
            "remaining_refreshes": connection.remaining_refreshes,
        }),
    )
}

/// `POST /jobs/automated` (201).
pub(crate) fn create(state: &mut State, call: &Call<'_>) -> Reply {
    // No body: the default job, `data_sync_all` (the spec's body is optional).
    match unless_absent(call.body, NewJob::DataSyncAll, parse_body_at) {
        Ok(job) => run(state, call, job, StatusCode::CREATED),
        Err(reply) => reply,
    }
}

#[derive(Debug, Deserialize)]
struct SandboxJob {
    #[serde(rename = "type")]
    kind: String,
}

/// `POST /sandbox/jobs` (200): a `data_sync_all`.
pub(crate) fn create_sandbox(state: &mut State, call: &Call<'_>) -> Reply {
    let nothing = SandboxJob {
        kind: "data_sync_all".to_owned(),
    };
    // No body: the one job type (the spec's body is optional).
    match unless_absent(call.body, nothing, parse_body_at) {
        Ok(job) if job.kind == "data_sync_all" => {
            run(state, call, NewJob::DataSyncAll, StatusCode::OK)
        }
        Ok(job) => Reply::invalid(&format!(
            "[body:type]: Invalid enum value. Expected 'data_sync_all', received '{}'",
            job.kind
        )),
        Err(reply) => reply,
    }
}

/// `GET /jobs/automated/{job_id}`.
pub(crate) fn retrieve(state: &mut State, call: &Call<'_>, job_id: &str) -> Reply {
    let parts = match parts(state, call) {
        Ok(parts) => parts,
        Err(reply) => return reply,
    };
    let id = Uuid::parse(job_id);
    match parts
        .connection
        .jobs
        .iter_mut()
        .find(|job| Some(job.id) == id)
    {
        Some(job) => {
            job.polls = job.polls.saturating_add(1);
            Reply::json(StatusCode::OK, &job_value(call.config, job))
        }
        None => Reply::error_response(
            StatusCode::NOT_FOUND,
            "not_found_error",
            &format!("could not find job with id {job_id}"),
        ),
    }
}

/// `GET /jobs/manual/{job_id}`: what a benefits write did.
pub(crate) fn retrieve_manual(state: &mut State, call: &Call<'_>, job_id: &str) -> Reply {
    let parts = match parts(state, call) {
        Ok(parts) => parts,
        Err(reply) => return reply,
    };
    let id = Uuid::parse(job_id);
    match parts
        .connection
        .manual_jobs
        .iter()
        .find(|job| Some(job.id) == id)
    {
        Some(job) => Reply::json(
            StatusCode::OK,
            &json!({ "job_id": job.id, "status": job.status, "body": job.body }),
        ),
        None => Reply::not_found(
            "item_not_found",
            &format!("could not find job with id '{job_id}'"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoints::tests::{body, call, query, shared};

    #[test]
    fn refreshes_run_out_then_429() {
        let shared = shared(5);
        let mut state = shared.lock();
        let config = shared.config.clone();
        let sync = br#"{"type": "data_sync_all"}"#;
        for remaining in [1, 0] {
            let reply = create(&mut state, &call(&config, &[], sync));
            assert_eq!(reply.status, StatusCode::CREATED);
            assert_eq!(body(&reply)["remaining_refreshes"], remaining);
        }
        let reply = create(&mut state, &call(&config, &[], sync));
        assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
        let answer = body(&reply);
        assert_eq!(answer["remaining_refreshes"], 0);
        assert_eq!(answer["retry_at"], "2025-12-31T10:00:00Z");

        let listed = body(&list(&mut state, &call(&config, &query("limit=2"), b"")));
        assert_eq!(listed["data"].as_array().unwrap().len(), 2);
        assert_eq!(
            listed["meta"]["quotas"]["data_sync_all"]["remaining_refreshes"],
            0
        );
        let newest = listed["data"][0]["job_id"].as_str().unwrap();
        let job = body(&retrieve(&mut state, &call(&config, &[], b""), newest));
        assert_eq!(job["status"], "complete");
        let missing = retrieve(&mut state, &call(&config, &[], b""), "nope");
        assert_eq!(missing.status, StatusCode::NOT_FOUND);
        assert_eq!(body(&missing)["statusCode"], 404);
    }

    #[test]
    fn jobs_progress_as_they_are_polled() {
        let shared = shared(5);
        let mut state = shared.lock();
        let config = Config {
            job_polls: 3,
            ..shared.config.clone()
        };
        state.connections[0].job_completion = "permissions_error".to_owned();
        let created = create(
            &mut state,
            &call(&config, &[], br#"{"type": "data_sync_all"}"#),
        );
        let id = body(&created)["job_id"].as_str().unwrap().to_owned();
        let listed = |state: &mut State| {
            body(&list(state, &call(&config, &query("limit=1"), b"")))["data"][0]["status"].clone()
        };
        assert_eq!(listed(&mut state), "pending", "a listing is not a poll");
        let mut seen = Vec::new();
        for _ in 0..5 {
            let job = body(&retrieve(&mut state, &call(&config, &[], b""), &id));
            let done = !job["completed_at"].is_null();
            seen.push((job["status"].as_str().unwrap().to_owned(), done));
        }
        let expected = [
            ("pending", false),
            ("in_progress", false),
            ("in_progress", false),
            ("permissions_error", true),
            ("permissions_error", true),
        ];
        assert_eq!(
            seen,
            expected.map(|(status, done)| (status.to_owned(), done))
        );
        assert_eq!(listed(&mut state), "permissions_error");
    }

    #[test]
    fn the_quota_429_says_when_it_resets() {
        let shared = shared(5);
        let mut state = shared.lock();
        let config = shared.config.clone();
        let sync = br#"{"type": "data_sync_all"}"#;
        for _ in 0..2 {
            assert_eq!(
                create(&mut state, &call(&config, &[], sync)).status,
                StatusCode::CREATED
            );
        }
        let reply = create(&mut state, &call(&config, &[], sync));
        assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
        let retry_after = reply.retry_after.unwrap();
        assert!((1..=3_600).contains(&retry_after), "{retry_after}");
    }

    #[test]
    fn w4_jobs_need_a_known_individual() {
        let shared = shared(5);
        let mut state = shared.lock();
        let config = shared.config.clone();
        let id = state.company().unwrap().people[1].id.to_string();
        let good =
            json!({"type": "w4_form_employee_sync", "params": {"individual_id": id}}).to_string();
        let reply = create(&mut state, &call(&config, &[], good.as_bytes()));
        assert_eq!(reply.status, StatusCode::CREATED);
        assert_eq!(
            body(&reply)["remaining_refreshes"],
            2,
            "W-4 syncs take no refresh"
        );
        let bad = json!({"type": "w4_form_employee_sync", "params": {"individual_id": "ghost"}})
            .to_string();
        assert_eq!(
            create(&mut state, &call(&config, &[], bad.as_bytes())).status,
            StatusCode::NOT_FOUND
        );
        let unknown = create(
            &mut state,
            &call(&config, &[], br#"{"type": "payroll_sync"}"#),
        );
        assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
    }
}
