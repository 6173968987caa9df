//! Waiting for an automated job: `GET /jobs/automated/{job_id}` polled with backoff, on the
//! client's injected sleep and clock, until the job ends or a deadline passes; and the hourly
//! quota's 429 as a type of its own.

use super::{
    Automated, AutomatedAsyncJob, AutomatedJobResponse, AutomatedJobStatus, CreateAutomatedJob,
    RetrieveAutomatedJob,
};
use crate::setters::setters;
use crate::shared::Callback;
use finch_core::Error;
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

/// A function told of each status a job is seen in (see [`WaitOptions::on_status_change`]).
type StatusCallback = Callback<dyn Fn(&AutomatedAsyncJob) + Send + Sync>;

/// How to wait for an automated job: the interval between polls (it doubles from
/// [`first_interval`](Self::first_interval) up to [`max_interval`](Self::max_interval)), the
/// deadline, and whom to tell of each status change.
///
/// The defaults: first interval 1 s, longest 30 s, deadline 1 hour (a data sync usually ends within
/// minutes; a job still running after an hour is worth a look rather than more polls).
///
/// ```
/// use finch::jobs::WaitOptions;
/// use std::time::Duration;
/// let options = WaitOptions::new()
///     .first_interval(Duration::from_secs(2))
///     .max_interval(Duration::from_secs(60))
///     .deadline(Duration::from_secs(15 * 60))
///     .on_status_change(|job| println!("{}: {}", job.job_id, job.status));
/// assert_eq!(options.deadline, Some(Duration::from_secs(900)));
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct WaitOptions {
    /// The wait after the first poll (1 s). Each next wait doubles, up to
    /// [`max_interval`](Self::max_interval); no wait is shorter than a millisecond.
    pub first_interval: Duration,
    /// The longest wait between two polls (30 s).
    pub max_interval: Duration,
    /// How long to wait in all, from the first poll (1 hour); `None` waits for as long as the job
    /// runs. No poll starts after it, and no wait reaches past it. A poll in flight when it
    /// passes is bounded by the client's own time limits (its per-attempt timeout and retries),
    /// not cut short.
    pub deadline: Option<Duration>,
    on_status: Option<StatusCallback>,
}

impl Default for WaitOptions {
    fn default() -> Self {
        WaitOptions {
            first_interval: Duration::from_secs(1),
            max_interval: Duration::from_secs(30),
            deadline: Some(Duration::from_secs(60 * 60)),
            on_status: None,
        }
    }
}

impl WaitOptions {
    /// The defaults.
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        /// Sets the wait after the first poll.
        first_interval(interval: Duration) bare;
        /// Sets the longest wait between two polls.
        max_interval(interval: Duration) bare;
        /// Sets how long to wait in all.
        deadline(deadline: Duration);
    }

    // `no_deadline` and `on_status_change` are written by hand: one stores `None`, the other
    // wraps a closure.

    /// Waits for as long as the job runs.
    pub fn no_deadline(mut self) -> Self {
        self.deadline = None;
        self
    }

    /// Calls `callback` with the job each time a poll sees a status other than the one before
    /// (the first poll's status included, and the terminal one), in order.
    pub fn on_status_change(
        mut self,
        callback: impl Fn(&AutomatedAsyncJob) + Send + Sync + 'static,
    ) -> Self {
        self.on_status = Some(Callback(Arc::new(callback)));
        self
    }

    /// The wait before poll `polls + 1`: doubling from the first interval, capped, and at
    /// least a millisecond (so that time passes between polls even when zero is asked for).
    fn interval(&self, polls: u32) -> Duration {
        let doubled = self
            .first_interval
            .saturating_mul(2u32.saturating_pow(polls.saturating_sub(1).min(31)));
        doubled.min(self.max_interval).max(Duration::from_millis(1))
    }
}

/// How an automated job ended: one variant per terminal status of the spec's job status enum
/// (`complete`, `reauth_error`, `permissions_error`, `error`), each with the job as last read.
///
/// A status finch does not know ends the wait only when the job has a `completed_at`
/// ([`Ended`](JobOutcome::Ended)); without one the job is taken to be still running.
///
/// ```
/// use finch::jobs::{AutomatedAsyncJob, JobOutcome};
/// let job: AutomatedAsyncJob = serde_json::from_value(serde_json::json!({
///     "job_id": "j1", "job_url": "https://api.tryfinch.com/jobs/automated/j1",
///     "type": "data_sync_all", "status": "reauth_error", "created_at": "2025-12-31T09:00:00Z",
///     "scheduled_at": null, "started_at": null, "completed_at": "2025-12-31T09:01:00Z", "params": null
/// }))?;
/// let outcome = JobOutcome::from_job(job).expect("a terminal status");
/// assert!(matches!(outcome, JobOutcome::ReauthenticationNeeded(_)));
/// assert!(!outcome.is_complete());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum JobOutcome {
    /// `complete`: the job did its work.
    Complete(AutomatedAsyncJob),
    /// `reauth_error`: the employer must authenticate again (send them through Finch Connect).
    ReauthenticationNeeded(AutomatedAsyncJob),
    /// `permissions_error`: the credentials lack permissions Finch needs.
    PermissionsError(AutomatedAsyncJob),
    /// `error`: the job failed.
    Failed(AutomatedAsyncJob),
    /// A status finch does not know, on a job that says it completed (`completed_at` set).
    Ended(AutomatedAsyncJob),
}

impl JobOutcome {
    /// The outcome of `job`; `None` while it is still running (`pending`, `in_progress`, or a
    /// status finch does not know without a `completed_at`).
    pub fn from_job(job: AutomatedAsyncJob) -> Option<JobOutcome> {
        match Seen::of(job) {
            Seen::Ended(outcome) => Some(outcome),
            Seen::Running(_) => None,
        }
    }

    /// The job as last read.
    pub fn job(&self) -> &AutomatedAsyncJob {
        match self {
            JobOutcome::Complete(job)
            | JobOutcome::ReauthenticationNeeded(job)
            | JobOutcome::PermissionsError(job)
            | JobOutcome::Failed(job)
            | JobOutcome::Ended(job) => job,
        }
    }

    /// The job as last read, owned.
    pub fn into_job(self) -> AutomatedAsyncJob {
        let (JobOutcome::Complete(job)
        | JobOutcome::ReauthenticationNeeded(job)
        | JobOutcome::PermissionsError(job)
        | JobOutcome::Failed(job)
        | JobOutcome::Ended(job)) = self;
        job
    }

    /// `true` for [`Complete`](JobOutcome::Complete).
    pub fn is_complete(&self) -> bool {
        matches!(self, JobOutcome::Complete(_))
    }
}

/// A job as a poll saw it: still running, or ended.
enum Seen {
    Running(AutomatedAsyncJob),
    Ended(JobOutcome),
}

impl Seen {
    /// A job runs while `pending` or `in_progress`, or in a status finch does not know without a
    /// `completed_at`.
    fn of(job: AutomatedAsyncJob) -> Seen {
        Seen::Ended(match job.status {
            AutomatedJobStatus::Complete => JobOutcome::Complete(job),
            AutomatedJobStatus::ReauthError => JobOutcome::ReauthenticationNeeded(job),
            AutomatedJobStatus::PermissionsError => JobOutcome::PermissionsError(job),
            AutomatedJobStatus::Error => JobOutcome::Failed(job),
            AutomatedJobStatus::Pending | AutomatedJobStatus::InProgress => {
                return Seen::Running(job);
            }
            _ if job.completed_at.is_some() => JobOutcome::Ended(job),
            _ => return Seen::Running(job),
        })
    }
}

/// The hourly job quota is used up: Finch's 429 to `POST /jobs/automated`. No job was started.
///
/// When the quota resets comes from the reply's `retry_at` (ISO 8601), else from its
/// `Retry-After` header (seconds or an HTTP date).
///
/// ```
/// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
/// use finch::jobs::{CreateAutomatedJob, JobQuotaExceeded};
/// match finch.jobs().automated().create(CreateAutomatedJob::data_sync_all()).await {
///     Ok(job) => println!("started {:?}", job.job_id),
///     Err(error) => match JobQuotaExceeded::from_error(&error, std::time::SystemTime::now()) {
///         Some(quota) => println!("no refresh left; the quota resets at {:?}", quota.resets_at),
///         None => return Err(error),
///     },
/// }
/// # Ok(()) }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct JobQuotaExceeded {
    /// When the quota resets, when the reply says (`retry_at`, else `Retry-After`).
    pub resets_at: Option<SystemTime>,
    /// `retry_at` as sent, when it was.
    pub retry_at: Option<String>,
    /// The refreshes allowed per hour, when the reply says.
    pub allowed_refreshes: Option<i64>,
    /// The connection's latest job, when the reply names it.
    pub job_id: Option<String>,
    /// The reply's `Finch-Request-ID`.
    pub request_id: Option<String>,
}

impl JobQuotaExceeded {
    /// The quota error `error` is: a 429 whose body is Finch's job quota reply (or that has a
    /// `Retry-After`); `None` for any other error. `now` turns a `Retry-After` in seconds into a
    /// time (the client's clock: [`finch.core().now()`](finch_core::Client::now)).
    pub fn from_error(error: &Error, now: SystemTime) -> Option<Self> {
        let Error::Api(api) = error else { return None };
        if api.status() != http::StatusCode::TOO_MANY_REQUESTS {
            return None;
        }
        let body = AutomatedJobResponse::from_error(error);
        let retry_at = body.as_ref().and_then(|body| body.retry_at.clone());
        // The retry policy's reading of `Retry-After` (seconds or an HTTP date), without its cap:
        // a quota resets within the hour.
        let mut unbounded = finch_core::RetryPolicy::default();
        unbounded.max_server_delay = Duration::MAX;
        let from_header = unbounded
            .server_delay(api.headers(), &FixedClock(now))
            .and_then(|delay| now.checked_add(delay));
        if body.is_none() && from_header.is_none() {
            return None;
        }
        Some(JobQuotaExceeded {
            resets_at: retry_at.as_deref().and_then(parse_rfc3339).or(from_header),
            retry_at,
            allowed_refreshes: body.as_ref().map(|body| body.allowed_refreshes),
            job_id: body.and_then(|body| body.job_id),
            request_id: api.request_id().map(str::to_owned),
        })
    }
}

/// A clock stopped at one time: what `Retry-After` is read against.
struct FixedClock(SystemTime);

impl finch_core::Clock for FixedClock {
    fn now(&self) -> SystemTime {
        self.0
    }
}

impl fmt::Display for JobQuotaExceeded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the hourly job quota is used up")?;
        let unix = |at: SystemTime| at.duration_since(SystemTime::UNIX_EPOCH).ok();
        match (&self.retry_at, self.resets_at.and_then(unix)) {
            (Some(text), _) => write!(f, "; it resets at {text}"),
            (None, Some(at)) => write!(f, "; it resets at Unix time {}", at.as_secs()),
            (None, None) => Ok(()),
        }
    }
}

impl std::error::Error for JobQuotaExceeded {}

/// Why waiting for a job gave no [`JobOutcome`].
#[derive(Debug)]
#[non_exhaustive]
pub enum WaitError {
    /// The hourly job quota is used up; no job was started (from
    /// [`create_and_wait`](Automated::create_and_wait)).
    QuotaExceeded(JobQuotaExceeded),
    /// The deadline passed while the job was still running.
    Deadline {
        /// The job waited for.
        job_id: String,
        /// The deadline.
        deadline: Duration,
        /// The job as last read (`None` when no poll was made).
        last: Option<Box<AutomatedAsyncJob>>,
        /// How many polls were made.
        polls: u32,
    },
    /// Finch started no job it named: its reply to `POST /jobs/automated` had no `job_id`.
    NoJob(AutomatedJobResponse),
    /// A request failed (starting the job, or a poll).
    Request(Error),
}

impl fmt::Display for WaitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WaitError::QuotaExceeded(quota) => quota.fmt(f),
            WaitError::Deadline {
                job_id,
                deadline,
                last,
                polls,
            } => {
                write!(
                    f,
                    "job {job_id} still running after {deadline:?} ({polls} polls"
                )?;
                match last {
                    Some(job) => write!(f, ", last seen {})", job.status),
                    None => f.write_str(")"),
                }
            }
            WaitError::NoJob(_) => f.write_str("Finch's reply named no job to wait for"),
            WaitError::Request(error) => write!(f, "waiting for a job: {error}"),
        }
    }
}

impl std::error::Error for WaitError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            WaitError::QuotaExceeded(quota) => Some(quota),
            WaitError::Deadline { .. } | WaitError::NoJob(_) => None,
            WaitError::Request(error) => Some(error),
        }
    }
}

impl From<Error> for WaitError {
    fn from(error: Error) -> Self {
        WaitError::Request(error)
    }
}

// Written by hand, not with `accessors!`: these poll and wait rather than send one request.
impl Automated<'_> {
    /// Waits for the automated job `job_id` to end: polls `GET /jobs/automated/{job_id}` at
    /// once, then after each wait of [`WaitOptions`] (1 s doubling to 30 s by default), until
    /// the job reaches a terminal status or the deadline passes. Waits are on the client's sleep
    /// and clock ([`FinchBuilder::sleep`](crate::FinchBuilder::sleep),
    /// [`clock`](crate::FinchBuilder::clock)), so tests need not really wait. Each poll is one
    /// call with the client's retries.
    ///
    /// ```
    /// # async fn demo(finch: finch::Finch) -> Result<(), Box<dyn std::error::Error>> {
    /// use finch::jobs::{JobOutcome, WaitOptions};
    /// let options = WaitOptions::new().on_status_change(|job| println!("now {}", job.status));
    /// match finch.jobs().automated().wait("453bd7d7-5355-4d6d-a38e-d9e7eb218c3f", options).await? {
    ///     JobOutcome::Complete(job) => println!("synced at {:?}", job.completed_at),
    ///     JobOutcome::ReauthenticationNeeded(_) => println!("send the employer through Connect"),
    ///     other => println!("the job ended as {}", other.job().status),
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn wait(
        self,
        job_id: impl Into<String>,
        options: WaitOptions,
    ) -> Result<JobOutcome, WaitError> {
        let job_id = job_id.into();
        let client = self.client.core();
        let started = client.now();
        // A clock that goes back counts as no time passed.
        let elapsed = || {
            client
                .now()
                .duration_since(started)
                .unwrap_or(Duration::ZERO)
        };
        let request = RetrieveAutomatedJob::new(job_id.clone());
        let mut last: Option<AutomatedAsyncJob> = None;
        let mut polls = 0u32;
        let deadline_passed = |last: Option<AutomatedAsyncJob>, polls, deadline| {
            Err(WaitError::Deadline {
                job_id: job_id.clone(),
                deadline,
                last: last.map(Box::new),
                polls,
            })
        };
        loop {
            let job = self.client.send(&request).await?;
            polls += 1;
            let changed = last.as_ref().map(|seen| &seen.status) != Some(&job.status);
            if changed && let Some(callback) = &options.on_status {
                callback(&job);
            }
            match Seen::of(job) {
                Seen::Ended(outcome) => return Ok(outcome),
                Seen::Running(job) => last = Some(job),
            }
            let mut wait = options.interval(polls);
            if let Some(deadline) = options.deadline {
                let left = deadline.saturating_sub(elapsed());
                if left.is_zero() {
                    return deadline_passed(last, polls, deadline);
                }
                if wait >= left {
                    // Waiting would reach the deadline: wait it out, and start no poll after it.
                    client.sleep(left).await;
                    return deadline_passed(last, polls, deadline);
                }
                wait = wait.min(left);
            }
            client.sleep(wait).await;
        }
    }

    /// Starts an automated job and waits for it to end ([`create`](Self::create), then
    /// [`wait`](Self::wait) on the job it names). When the hourly quota is used up the result is
    /// [`WaitError::QuotaExceeded`] with the time the quota resets, at once (the 429 is not
    /// retried). A job already queued for the connection (Finch's 202) is waited for.
    ///
    /// ```
    /// # async fn demo(finch: finch::Finch) -> Result<(), Box<dyn std::error::Error>> {
    /// use finch::jobs::{CreateAutomatedJob, WaitError, WaitOptions};
    /// match finch.jobs().automated().create_and_wait(CreateAutomatedJob::data_sync_all(), WaitOptions::new()).await {
    ///     Ok(outcome) if outcome.is_complete() => println!("fresh data"),
    ///     Ok(outcome) => println!("the sync ended as {}", outcome.job().status),
    ///     Err(WaitError::QuotaExceeded(quota)) => println!("try again at {:?}", quota.resets_at),
    ///     Err(other) => return Err(other.into()),
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn create_and_wait(
        self,
        request: CreateAutomatedJob,
        options: WaitOptions,
    ) -> Result<JobOutcome, WaitError> {
        let created = match self.create(request).await {
            Ok(created) => created,
            Err(error) => {
                return Err(
                    match JobQuotaExceeded::from_error(&error, self.client.core().now()) {
                        Some(quota) => WaitError::QuotaExceeded(quota),
                        None => WaitError::Request(error),
                    },
                );
            }
        };
        match created.job_id.clone() {
            Some(job_id) => self.wait(job_id, options).await,
            None => Err(WaitError::NoJob(created)),
        }
    }
}

// The twins of the hand-written `wait` and `create_and_wait`: the same calls, waited for on the
// blocking client's runtime thread.
#[cfg(feature = "blocking")]
impl crate::blocking::Handle<'_, Automated<'_>> {
    /// [`Automated::wait`], waiting on the calling thread.
    pub fn wait(
        &self,
        job_id: impl Into<String>,
        options: WaitOptions,
    ) -> Result<JobOutcome, WaitError> {
        self.runtime.block_on(self.handle.wait(job_id, options))
    }

    /// [`Automated::create_and_wait`], waiting on the calling thread.
    pub fn create_and_wait(
        &self,
        request: CreateAutomatedJob,
        options: WaitOptions,
    ) -> Result<JobOutcome, WaitError> {
        self.runtime
            .block_on(self.handle.create_and_wait(request, options))
    }
}

/// An RFC 3339 date-time (`2025-12-31T10:00:00Z`, `2025-12-31T10:00:00.5+02:00`) as a time;
/// `None` for anything else.
fn parse_rfc3339(text: &str) -> Option<SystemTime> {
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let digits = bytes.get(range)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        std::str::from_utf8(digits).ok()?.parse().ok()
    };
    let separators = [(4, b'-'), (7, b'-'), (13, b':'), (16, b':')];
    if separators
        .iter()
        .any(|&(at, separator)| bytes.get(at) != Some(&separator))
        || !matches!(bytes.get(10), Some(b'T' | b't' | b' '))
    {
        return None;
    }
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) || hour > 23 || minute > 59 {
        return None;
    }
    // Leap seconds (60) count as the next second's start.
    if second > 60 {
        return None;
    }
    let mut rest = &text[19..];
    let mut nanos = 0u32;
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        let kept = &fraction[..digits.min(9)];
        nanos = kept.parse::<u32>().ok()? * 10u32.pow(9 - kept.len() as u32);
        rest = &fraction[digits..];
    }
    let offset_seconds = match rest {
        "Z" | "z" => 0,
        _ => {
            let sign = match rest.as_bytes().first()? {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let offset = rest.as_bytes();
            if offset.len() != 6 || offset[3] != b':' {
                return None;
            }
            let two_digits = |at: usize| -> Option<i64> {
                let pair = offset.get(at..at + 2)?;
                pair.iter()
                    .all(u8::is_ascii_digit)
                    .then(|| i64::from(pair[0] - b'0') * 10 + i64::from(pair[1] - b'0'))
            };
            let (hours, minutes) = (two_digits(1)?, two_digits(4)?);
            sign * (hours * 3600 + minutes * 60)
        }
    };
    // Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    let shifted = if month <= 2 { year - 1 } else { year };
    let era = shifted.div_euclid(400);
    let year_of_era = shifted - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = era * 146_097 + day_of_era - 719_468;
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset_seconds;
    let since_epoch = Duration::new(u64::try_from(seconds).ok()?, nanos);
    SystemTime::UNIX_EPOCH.checked_add(since_epoch)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may fail loudly
mod tests {
    use super::*;

    #[test]
    fn rfc3339_times_parse_and_odd_text_does_not() {
        let at =
            |seconds: u64, nanos: u32| Some(SystemTime::UNIX_EPOCH + Duration::new(seconds, nanos));
        assert_eq!(parse_rfc3339("1970-01-01T00:00:00Z"), at(0, 0));
        assert_eq!(parse_rfc3339("2025-12-31T10:00:00Z"), at(1_767_175_200, 0));
        assert_eq!(parse_rfc3339("2019-08-24T14:15:22Z"), at(1_566_656_122, 0));
        assert_eq!(
            parse_rfc3339("2019-08-24T16:15:22.25+02:00"),
            at(1_566_656_122, 250_000_000)
        );
        assert_eq!(
            parse_rfc3339("2024-02-29T00:00:00-01:30"),
            at(1_709_170_200, 0)
        );
        for odd in [
            "",
            "soon",
            "2025-12-31",
            "2025-13-01T00:00:00Z",
            "2025-12-31T24:00:00Z",
            "2025-12-31T10:00:00",
            "2025-12-31T10:00:00.Z",
            "2025-12-31T10:00:00+0200",
            "1969-12-31T23:59:59Z",
            "+2025-12-31T10:00:00Z",
            "2025-12-31T10:00:00Zjunk",
            "２０２５-12-31T10:00:00Z",
        ] {
            assert_eq!(parse_rfc3339(odd), None, "{odd}");
        }
    }

    #[test]
    fn intervals_double_up_to_the_longest() {
        let options = WaitOptions::new()
            .first_interval(Duration::from_secs(1))
            .max_interval(Duration::from_secs(5));
        let waits: Vec<u64> = (1..=6)
            .map(|polls| options.interval(polls).as_secs())
            .collect();
        assert_eq!(waits, [1, 2, 4, 5, 5, 5]);
        let huge = WaitOptions::new()
            .first_interval(Duration::MAX)
            .max_interval(Duration::MAX);
        assert_eq!(huge.interval(u32::MAX), Duration::MAX);
        let zero = WaitOptions::new()
            .first_interval(Duration::ZERO)
            .max_interval(Duration::ZERO);
        assert_eq!(zero.interval(1), Duration::from_millis(1));
    }
}
