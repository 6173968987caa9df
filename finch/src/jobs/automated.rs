//! `/jobs/automated*`: data syncs and W-4 syncs Finch runs for you, and waiting for them to end
//! (`wait.rs`).

mod wait;
pub use wait::*;

use crate::handles::handle;
use crate::listing::{listing_accessors, listing_request};
use crate::open_enum::open_enum;
use finch_core::Error;
use finch_macros::finch_endpoint;
use finch_macros::model;
use serde::{Deserialize, Serialize};

listing_request! {
    /// List the connection's automated jobs, newest first (`GET /jobs/automated`), one page.
    ///
    /// The reply says neither its offset nor how many jobs there are: when paging, a next page is
    /// asked for while pages come back full (as many jobs as the [`limit`](Self::limit) asked for);
    /// without a limit, until a page comes back empty. A server that ignores `offset` and answers the
    /// same jobs again ends the walk with [`PagingErrorKind::RepeatedPage`](finch_core::PagingErrorKind).
    ///
    /// ```
    /// let request = finch::jobs::ListAutomatedJobs::new().limit(20);
    /// assert_eq!(request.limit, Some(20));
    /// ```
    #[finch_endpoint(GET "/jobs/automated", response = AutomatedJobsPage)]
    pub struct ListAutomatedJobs {
        limit: "The page size.",
        offset: "The index of the first job of the page (default 0).",
    }
    impl {
        /// The first page, with Finch's default size.
        new;
    }
    => AutomatedJobsPage { items: data: Vec<AutomatedAsyncJob>, id: job_id, max_limit: u64::MAX }
}

/// One page of automated jobs, and the connection's quotas.
#[model(Eq)]
pub struct AutomatedJobsPage {
    /// The jobs on the page.
    pub data: Vec<AutomatedAsyncJob>,
    /// The connection's quotas.
    pub meta: AutomatedJobsMeta,
}

/// About the listing.
#[model(Eq, Default)]
pub struct AutomatedJobsMeta {
    /// The connection's remaining quotas (only for customers opted in to data sync refreshes,
    /// `POST /jobs/automated`).
    pub quotas: Option<JobQuotas>,
}

/// The connection's quotas, per job type.
#[model(Eq, Default)]
pub struct JobQuotas {
    /// The quota of `data_sync_all` jobs.
    pub data_sync_all: Option<JobQuota>,
}

/// A job quota (per hour, fixed window).
#[model(Eq, Default, Copy)]
pub struct JobQuota {
    /// The refreshes allowed per hour.
    pub allowed_refreshes: Option<i64>,
    /// The refreshes left this hour.
    pub remaining_refreshes: Option<i64>,
}

/// An automated job: a data sync or a W-4 sync.
///
/// ```
/// let job: finch::jobs::AutomatedAsyncJob = serde_json::from_str(r#"{
///     "job_id": "453bd7d7-5355-4d6d-a38e-d9e7eb218c3f",
///     "job_url": "https://api.tryfinch.com/jobs/automated/453bd7d7-5355-4d6d-a38e-d9e7eb218c3f",
///     "type": "w4_form_employee_sync", "status": "in_progress",
///     "created_at": "2024-06-01T12:00:00Z", "scheduled_at": null,
///     "started_at": "2024-06-01T12:00:05Z", "completed_at": null,
///     "params": {"individual_id": "5d0b10a1-a09a-430f-81f1-20be735dc5e9"}
/// }"#)?;
/// assert_eq!(job.status, finch::jobs::AutomatedJobStatus::InProgress);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(Eq, required)]
pub struct AutomatedAsyncJob {
    /// The job's id.
    pub job_id: String,
    /// Where to read the job's status.
    pub job_url: String,
    /// The kind of job.
    #[serde(rename = "type")]
    pub job_type: AutomatedJobType,
    /// The job's status.
    pub status: AutomatedJobStatus,
    /// When the job was created (for scheduled jobs, the initial connection time), ISO 8601.
    pub created_at: String,
    /// When the job is scheduled to run (may be in the future; `None` for ad-hoc jobs).
    pub scheduled_at: Option<String>,
    /// When the job entered the queue.
    pub started_at: Option<String>,
    /// When the job completed.
    pub completed_at: Option<String>,
    /// The job's input parameters.
    pub params: Option<AutomatedJobParams>,
}

/// The input parameters of an automated job.
#[model(Eq, Default)]
pub struct AutomatedJobParams {
    /// The individual a W-4 sync ran for.
    pub individual_id: Option<String>,
}

open_enum! {
    /// The kind of an automated job.
    pub enum AutomatedJobType {
        /// A sync of all the connection's data.
        DataSyncAll = "data_sync_all",
        /// A sync of one employee's W-4 form.
        W4FormEmployeeSync = "w4_form_employee_sync",
    }
}

open_enum! {
    /// The status of an automated job.
    pub enum AutomatedJobStatus {
        /// Waiting to run.
        Pending = "pending",
        /// Running.
        InProgress = "in_progress",
        /// Done.
        Complete = "complete",
        /// Failed.
        Error = "error",
        /// Failed: the employer must authenticate again.
        ReauthError = "reauth_error",
        /// Failed: the credentials lack the permissions Finch needs.
        PermissionsError = "permissions_error",
    }
}

/// Start an automated job (`POST /jobs/automated`): a data sync of the whole connection, or a
/// W-4 sync of one employee. Data syncs are limited by an hourly quota.
///
/// ```
/// use finch::jobs::{CreateAutomatedJob, NewAutomatedJob};
/// let sync = CreateAutomatedJob::data_sync_all();
/// let w4 = CreateAutomatedJob::w4_form_employee_sync("5d0b10a1-a09a-430f-81f1-20be735dc5e9");
/// assert!(matches!(w4.job, NewAutomatedJob::W4FormEmployeeSync { .. }));
/// ```
#[finch_endpoint(POST "/jobs/automated", response = AutomatedJobResponse, no_retry = [429])]
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CreateAutomatedJob {
    /// The job to start: the whole JSON body.
    #[finch(body)]
    pub job: NewAutomatedJob,
}

impl CreateAutomatedJob {
    /// Starts `job`.
    pub fn new(job: NewAutomatedJob) -> Self {
        CreateAutomatedJob { job }
    }

    /// Starts a sync of all the connection's data (`{"type": "data_sync_all"}`).
    pub fn data_sync_all() -> Self {
        CreateAutomatedJob::new(NewAutomatedJob::DataSyncAll)
    }

    /// Starts a sync of the W-4 form of `individual_id`
    /// (`{"type": "w4_form_employee_sync", "params": {"individual_id": ...}}`).
    pub fn w4_form_employee_sync(individual_id: impl Into<String>) -> Self {
        CreateAutomatedJob::new(NewAutomatedJob::W4FormEmployeeSync {
            params: W4SyncParams::new(individual_id),
        })
    }
}

/// An automated job to start, told apart on the wire by `type`.
///
/// ```
/// use finch::jobs::NewAutomatedJob;
/// let json = serde_json::to_value(NewAutomatedJob::DataSyncAll)?;
/// assert_eq!(json, serde_json::json!({"type": "data_sync_all"}));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type")]
#[non_exhaustive]
pub enum NewAutomatedJob {
    /// A sync of all the connection's data.
    #[serde(rename = "data_sync_all")]
    DataSyncAll,
    /// A sync of one employee's W-4 form.
    #[serde(rename = "w4_form_employee_sync")]
    W4FormEmployeeSync {
        /// Whose form.
        params: W4SyncParams,
    },
}

/// The parameters of a W-4 sync.
#[model(Eq)]
pub struct W4SyncParams {
    /// The individual whose W-4 form to sync.
    pub individual_id: String,
}

impl W4SyncParams {
    /// The W-4 form of `individual_id`.
    pub fn new(individual_id: impl Into<String>) -> Self {
        W4SyncParams {
            individual_id: individual_id.into(),
        }
    }
}

/// The job started (201), or the job already queued for the connection (202, which uses no
/// quota), with the connection's data sync quota.
///
/// When the quota is used up Finch answers 429 with this same object, carrying `retry_at`; read
/// it from the error with [`from_error`](Self::from_error).
///
/// ```
/// let created: finch::jobs::AutomatedJobResponse = serde_json::from_str(r#"{
///     "job_id": "453bd7d7-5355-4d6d-a38e-d9e7eb218c3f",
///     "job_url": "https://api.tryfinch.com/jobs/automated/453bd7d7-5355-4d6d-a38e-d9e7eb218c3f",
///     "allowed_refreshes": 2, "remaining_refreshes": 1
/// }"#)?;
/// assert_eq!(created.remaining_refreshes, 1);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(Eq)]
pub struct AutomatedJobResponse {
    /// The refreshes allowed per hour (fixed window).
    pub allowed_refreshes: i64,
    /// The refreshes left this hour.
    pub remaining_refreshes: i64,
    /// The job's id.
    pub job_id: Option<String>,
    /// Where to read the job's status.
    pub job_url: Option<String>,
    /// When to try again (ISO 8601), once the quota is used up.
    pub retry_at: Option<String>,
}

impl AutomatedJobResponse {
    /// The quota Finch reports in a 429 reply to `POST /jobs/automated` (with `retry_at`);
    /// `None` for any other error.
    ///
    /// ```
    /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
    /// use finch::jobs::{AutomatedJobResponse, CreateAutomatedJob};
    /// match finch.jobs().automated().create(CreateAutomatedJob::data_sync_all()).await {
    ///     Ok(job) => println!("started {:?}", job.job_id),
    ///     Err(error) => match AutomatedJobResponse::from_error(&error) {
    ///         Some(quota) => println!("quota used up; retry at {:?}", quota.retry_at),
    ///         None => return Err(error),
    ///     },
    /// }
    /// # Ok(()) }
    /// ```
    pub fn from_error(error: &Error) -> Option<Self> {
        crate::shared::error_body(error, http::StatusCode::TOO_MANY_REQUESTS)
    }
}

/// Read one automated job (`GET /jobs/automated/{job_id}`).
///
/// ```
/// let request = finch::jobs::RetrieveAutomatedJob::new("453bd7d7-5355-4d6d-a38e-d9e7eb218c3f");
/// ```
#[finch_endpoint(GET "/jobs/automated/{job_id}", response = AutomatedAsyncJob)]
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetrieveAutomatedJob {
    /// The job's id.
    #[finch(path)]
    pub job_id: String,
}

impl RetrieveAutomatedJob {
    /// A request for the job `job_id`.
    pub fn new(job_id: impl Into<String>) -> Self {
        RetrieveAutomatedJob {
            job_id: job_id.into(),
        }
    }
}

handle! {
    /// `client.jobs().automated()`.
    pub struct Automated<'a> {
        listing_accessors! {
            ListAutomatedJobs => AutomatedJobsPage {
                accessor: jobs.automated,
                endpoint: "GET /jobs/automated",
                listing: "the automated jobs",
                item: "automated job",
                items: data,
                id: job_id,
            }
        }

        /// Starts an automated job (`POST /jobs/automated`).
        ///
        /// When the hourly quota is used up Finch answers 429 with the time the quota resets. The
        /// endpoint declares that 429 final (`no_retry = [429]`), so it is returned at once, not
        /// retried (the official SDKs retry it like any 429, in vain: the quota resets within the
        /// hour, not in seconds). Read it from the error with [`JobQuotaExceeded::from_error`]
        /// (typed, with the reset time) or [`AutomatedJobResponse::from_error`] (the body as sent).
        /// To wait for the job, see [`wait`](Self::wait) and [`create_and_wait`](Self::create_and_wait).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// use finch::jobs::CreateAutomatedJob;
        /// let job = finch.jobs().automated().create(CreateAutomatedJob::data_sync_all()).await?;
        /// println!("{:?}; {} refreshes left", job.job_id, job.remaining_refreshes);
        /// # Ok(()) }
        /// ```
        pub async fn create(self, request: CreateAutomatedJob) -> Result<AutomatedJobResponse, Error>;

        /// Reads one automated job (`GET /jobs/automated/{job_id}`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// use finch::jobs::RetrieveAutomatedJob;
        /// let job = finch.jobs().automated()
        ///     .retrieve(RetrieveAutomatedJob::new("453bd7d7-5355-4d6d-a38e-d9e7eb218c3f"))
        ///     .await?;
        /// println!("{}", job.status);
        /// # Ok(()) }
        /// ```
        pub async fn retrieve(self, request: RetrieveAutomatedJob) -> Result<AutomatedAsyncJob, Error>;
    }
}
