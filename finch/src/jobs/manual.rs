//! `GET /jobs/manual/{job_id}`: jobs Finch's team runs for assisted connections.

use crate::handles::handle;
use crate::open_enum::open_enum;
use finch_macros::finch_endpoint;
use finch_macros::model;

/// Read a manual job (`GET /jobs/manual/{job_id}`): the writes to an assisted connection (such as
/// benefit changes) that Finch's team carries out.
///
/// ```
/// let request = finch::jobs::RetrieveManualJob::new("49142223-78e0-4092-80e1-313f510b0977");
/// ```
#[finch_endpoint(GET "/jobs/manual/{job_id}", response = ManualAsyncJob)]
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetrieveManualJob {
    /// The job's id (the `job_id` a write endpoint returned).
    #[finch(path)]
    pub job_id: String,
}

impl RetrieveManualJob {
    /// A request for the job `job_id`.
    pub fn new(job_id: impl Into<String>) -> Self {
        RetrieveManualJob {
            job_id: job_id.into(),
        }
    }
}

/// A manual job.
///
/// ```
/// let job: finch::jobs::ManualAsyncJob = serde_json::from_str(r#"{
///     "job_id": "49142223-78e0-4092-80e1-313f510b0977", "status": "complete",
///     "body": [{"individual_id": "5d0b10a1", "status": "complete"}, null]
/// }"#)?;
/// assert_eq!(job.status, finch::jobs::ManualJobStatus::Complete);
/// assert_eq!(job.body.map(|body| body.len()), Some(2));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(Eq, required)]
pub struct ManualAsyncJob {
    /// The job's id.
    pub job_id: String,
    /// The job's status.
    pub status: ManualJobStatus,
    /// Details of the job, such as the status of each item of a batch; their shape depends on
    /// the job, so they are kept as JSON.
    pub body: Option<Vec<serde_json::Value>>,
}

open_enum! {
    /// The status of a manual job.
    pub enum ManualJobStatus {
        /// Waiting for Finch's team.
        Pending = "pending",
        /// Being carried out.
        InProgress = "in_progress",
        /// Failed.
        Error = "error",
        /// Done.
        Complete = "complete",
    }
}

handle! {
    /// `client.jobs().manual()`.
    pub struct Manual<'a> {
        /// Reads a manual job (`GET /jobs/manual/{job_id}`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// use finch::jobs::RetrieveManualJob;
        /// let job = finch.jobs().manual()
        ///     .retrieve(RetrieveManualJob::new("49142223-78e0-4092-80e1-313f510b0977"))
        ///     .await?;
        /// println!("{}", job.status);
        /// # Ok(()) }
        /// ```
        pub async fn retrieve(self, request: RetrieveManualJob) -> Result<ManualAsyncJob, Error>;
    }
}
