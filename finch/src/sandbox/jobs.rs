//! `/sandbox/jobs*`: run sandbox jobs and choose how they end.

use crate::handles::handle;
use crate::open_enum::open_enum;
use finch_macros::finch_endpoint;
use finch_macros::model;

/// Start a sandbox job (`POST /sandbox/jobs`); it ends as the job configuration says
/// ([`SandboxJobConfigurations::update`]).
///
/// ```
/// use finch::sandbox::{CreateSandboxJob, SandboxJobType};
/// let request = CreateSandboxJob::new(SandboxJobType::DataSyncAll);
/// assert_eq!(request, CreateSandboxJob::data_sync_all());
/// ```
#[finch_endpoint(POST "/sandbox/jobs", response = JobCreateResponse)]
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CreateSandboxJob {
    /// The kind of job (only `data_sync_all` for now).
    #[finch(rename = "type")]
    pub job_type: SandboxJobType,
}

impl CreateSandboxJob {
    /// A job of kind `job_type`.
    pub fn new(job_type: SandboxJobType) -> Self {
        CreateSandboxJob { job_type }
    }

    /// A `data_sync_all` job: sync all the connection's data again.
    pub fn data_sync_all() -> Self {
        Self::new(SandboxJobType::DataSyncAll)
    }
}

/// The started job.
///
/// ```
/// let job: finch::sandbox::JobCreateResponse = serde_json::from_str(r#"{
///     "job_id": "453bd7d7-5355-4d6d-a38e-d9e7eb218c3f",
///     "job_url": "https://api.tryfinch.com/jobs/automated/453bd7d7-5355-4d6d-a38e-d9e7eb218c3f",
///     "allowed_refreshes": 2, "remaining_refreshes": 1
/// }"#)?;
/// assert_eq!(job.remaining_refreshes, 1);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(Eq)]
pub struct JobCreateResponse {
    /// The job's id.
    pub job_id: String,
    /// Where to read the job's status (`GET /jobs/automated/{job_id}`).
    pub job_url: String,
    /// The number of refreshes allowed per hour (fixed window).
    pub allowed_refreshes: i64,
    /// The number of refreshes left this hour (fixed window).
    pub remaining_refreshes: i64,
}

/// Read how sandbox jobs end (`GET /sandbox/jobs/configuration`).
///
/// ```
/// let request = finch::sandbox::RetrieveSandboxJobConfiguration::new();
/// ```
#[finch_endpoint(GET "/sandbox/jobs/configuration", response = Vec<SandboxJobConfiguration>)]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetrieveSandboxJobConfiguration {}

impl RetrieveSandboxJobConfiguration {
    /// The request (it has no parameters).
    pub fn new() -> Self {
        Self::default()
    }
}

/// Choose how sandbox jobs of a kind end (`PUT /sandbox/jobs/configuration`).
///
/// ```
/// use finch::sandbox::{CompletionStatus, SandboxJobType, UpdateSandboxJobConfiguration};
/// let request = UpdateSandboxJobConfiguration::new(SandboxJobType::DataSyncAll, CompletionStatus::ReauthError);
/// ```
#[finch_endpoint(PUT "/sandbox/jobs/configuration", response = SandboxJobConfiguration)]
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdateSandboxJobConfiguration {
    /// How the jobs end.
    pub completion_status: CompletionStatus,
    /// The kind of job configured.
    #[finch(rename = "type")]
    pub job_type: SandboxJobType,
}

impl UpdateSandboxJobConfiguration {
    /// Makes jobs of kind `job_type` end with `completion_status`.
    pub fn new(job_type: SandboxJobType, completion_status: CompletionStatus) -> Self {
        UpdateSandboxJobConfiguration {
            completion_status,
            job_type,
        }
    }
}

impl From<SandboxJobConfiguration> for UpdateSandboxJobConfiguration {
    fn from(configuration: SandboxJobConfiguration) -> Self {
        Self::new(configuration.job_type, configuration.completion_status)
    }
}

/// How sandbox jobs of a kind end.
///
/// ```
/// use finch::sandbox::{CompletionStatus, SandboxJobConfiguration};
/// let configuration: SandboxJobConfiguration =
///     serde_json::from_str(r#"{"type": "data_sync_all", "completion_status": "complete"}"#)?;
/// assert_eq!(configuration.completion_status, CompletionStatus::Complete);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(Eq)]
pub struct SandboxJobConfiguration {
    /// How the jobs end.
    pub completion_status: CompletionStatus,
    /// The kind of job.
    #[serde(rename = "type")]
    pub job_type: SandboxJobType,
}

open_enum! {
    /// The kind of a sandbox job.
    pub enum SandboxJobType {
        /// Sync all the connection's data again.
        DataSyncAll = "data_sync_all",
    }
}

open_enum! {
    /// How a sandbox job ends.
    pub enum CompletionStatus {
        /// It succeeds.
        Complete = "complete",
        /// It fails: the employer must authenticate again.
        ReauthError = "reauth_error",
        /// It fails: the connection lacks permissions.
        PermissionsError = "permissions_error",
        /// It fails with an error.
        Error = "error",
    }
}

handle! {
    /// `client.sandbox().jobs()`.
    pub struct SandboxJobs<'a> {
        /// Starts a sandbox job (`POST /sandbox/jobs`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// use finch::sandbox::CreateSandboxJob;
        /// let job = finch.sandbox().jobs().create(CreateSandboxJob::data_sync_all()).await?;
        /// println!("job {} ({} refreshes left)", job.job_id, job.remaining_refreshes);
        /// # Ok(()) }
        /// ```
        pub async fn create(self, request: CreateSandboxJob) -> Result<JobCreateResponse, Error>;

        /// `/sandbox/jobs/configuration`.
        pub fn configuration(&self) -> SandboxJobConfigurations<'a>;
    }
}

handle! {
    /// `client.sandbox().jobs().configuration()`.
    pub struct SandboxJobConfigurations<'a> {
        /// Reads how sandbox jobs end, one configuration per kind of job
        /// (`GET /sandbox/jobs/configuration`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// for configuration in finch.sandbox().jobs().configuration().retrieve().await? {
        ///     println!("{}: {}", configuration.job_type, configuration.completion_status);
        /// }
        /// # Ok(()) }
        /// ```
        pub async fn retrieve(self) -> Result<Vec<SandboxJobConfiguration>, Error> => RetrieveSandboxJobConfiguration::new();

        /// Chooses how sandbox jobs of a kind end (`PUT /sandbox/jobs/configuration`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// use finch::sandbox::{CompletionStatus, SandboxJobType, UpdateSandboxJobConfiguration};
        /// let configuration = finch.sandbox().jobs().configuration()
        ///     .update(UpdateSandboxJobConfiguration::new(SandboxJobType::DataSyncAll, CompletionStatus::Error))
        ///     .await?;
        /// # Ok(()) }
        /// ```
        pub async fn update(self, request: UpdateSandboxJobConfiguration) -> Result<SandboxJobConfiguration, Error>;
    }
}
