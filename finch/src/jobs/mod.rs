//! `client.jobs()`: automated jobs (data syncs) and manual jobs (assisted connections).

pub(crate) mod automated;
pub(crate) mod manual;

pub use automated::*;
pub use manual::*;

use crate::client::Finch;

/// `client.jobs()`.
#[derive(Clone, Copy, Debug)]
pub struct Jobs<'a> {
    pub(crate) client: &'a Finch,
}

impl<'a> Jobs<'a> {
    /// `/jobs/automated*`.
    pub fn automated(&self) -> Automated<'a> {
        Automated {
            client: self.client,
        }
    }

    /// `/jobs/manual/{job_id}`.
    pub fn manual(&self) -> Manual<'a> {
        Manual {
            client: self.client,
        }
    }
}
