//! Connections: an application's access to one company through one provider account. Each has
//! its tokens' products, a status the sandbox can change, its jobs and job quota, and the
//! sandbox job configuration. Several connections may share a company
//! (`POST /sandbox/connections/accounts`).

use serde_json::Value;

use super::dates::Instant;
use super::ids::Uuid;

/// The products a connection gets when none are asked for.
pub(crate) const DEFAULT_PRODUCTS: &[&str] = &[
    "company",
    "directory",
    "individual",
    "employment",
    "payment",
    "pay_statement",
    "benefits",
    "deduction",
    "documents",
    "ssn",
    "plans",
    "plans_enrollments",
    "plans_dependents",
];

/// Every product name Finch knows.
pub(crate) const PRODUCTS: &[&str] = &[
    "benefits",
    "company",
    "deduction",
    "directory",
    "documents",
    "employment",
    "individual",
    "payment",
    "pay_statement",
    "plans",
    "plans_dependents",
    "plans_enrollments",
    "recordkeeping",
    "ssn",
];

/// Every `ConnectionStatusType`.
pub(crate) const STATUSES: &[&str] = &[
    "pending",
    "processing",
    "connected",
    "error_no_account_setup",
    "error_permissions",
    "reauth",
];

/// A connection.
#[derive(Debug)]
pub(crate) struct Connection {
    pub(crate) id: Uuid,
    pub(crate) account_id: Uuid,
    /// Index into `State::companies`.
    pub(crate) company: usize,
    pub(crate) provider_id: String,
    /// `api_token`, `assisted`, `credential` or `oauth`.
    pub(crate) authentication_type: String,
    pub(crate) products: Vec<String>,
    /// A `ConnectionStatusType`.
    pub(crate) status: String,
    /// `POST /disconnect` happened: every token of the connection is refused.
    pub(crate) disconnected: bool,
    /// `POST /disconnect-entity` disconnected the company's entity.
    pub(crate) entity_disconnected: bool,
    /// How many more `/employer/*` requests answer 202 "data sync in progress".
    pub(crate) syncing: u32,
    pub(crate) jobs: Vec<AutomatedJob>,
    pub(crate) manual_jobs: Vec<ManualJob>,
    pub(crate) allowed_refreshes: i64,
    pub(crate) remaining_refreshes: i64,
    /// How sandbox `data_sync_all` jobs end (`PUT /sandbox/jobs/configuration`).
    pub(crate) job_completion: String,
}

/// The statuses a `data_sync_all` job can end with: what `PUT /sandbox/jobs/configuration` and
/// [`StandInBuilder::job_completion`](crate::StandInBuilder::job_completion) accept.
pub const JOB_COMPLETIONS: [&str; 4] = ["complete", "reauth_error", "permissions_error", "error"];

/// An automated job (`/jobs/automated*`).
#[derive(Debug, Clone)]
pub(crate) struct AutomatedJob {
    pub(crate) id: Uuid,
    /// `data_sync_all` or `w4_form_employee_sync`.
    pub(crate) kind: &'static str,
    /// The status the job ends with (shown once it has run its polls).
    pub(crate) status: String,
    pub(crate) created_at: Instant,
    pub(crate) scheduled_at: Option<Instant>,
    pub(crate) started_at: Option<Instant>,
    pub(crate) completed_at: Option<Instant>,
    pub(crate) individual_id: Option<String>,
    /// How many polls it answers before its terminal status (`Config::job_polls` when created).
    pub(crate) running_polls: u32,
    /// How many times `GET /jobs/automated/{job_id}` read it.
    pub(crate) polls: u32,
}

impl AutomatedJob {
    /// Whether the job has run its polls: then it shows its terminal status and `completed_at`.
    pub(crate) fn is_done(&self) -> bool {
        self.running_polls == 0 || self.polls > self.running_polls
    }

    /// The status shown now: `pending` before the first poll and at it, `in_progress` at the
    /// polls after, then the terminal status.
    pub(crate) fn shown_status(&self) -> &str {
        if self.is_done() {
            &self.status
        } else if self.polls <= 1 {
            "pending"
        } else {
            "in_progress"
        }
    }
}

/// A manual job (`/jobs/manual/{job_id}`): what a benefits write did.
#[derive(Debug, Clone)]
pub(crate) struct ManualJob {
    pub(crate) id: Uuid,
    /// `complete` or `error`.
    pub(crate) status: &'static str,
    pub(crate) body: Vec<Value>,
}

impl Connection {
    /// Whether the connection's tokens may read `product`.
    pub(crate) fn has_product(&self, product: &str) -> bool {
        self.products.iter().any(|p| p == product)
    }

    /// The status a data sync job ends with: the sandbox configuration, or `reauth_error` while
    /// the connection needs reauthentication.
    pub(crate) fn sync_outcome(&self) -> String {
        match self.status.as_str() {
            "reauth" => "reauth_error".to_owned(),
            "error_permissions" => "permissions_error".to_owned(),
            _ => self.job_completion.clone(),
        }
    }
}
