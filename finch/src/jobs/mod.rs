//! `client.jobs()`: automated jobs (data syncs) and manual jobs (assisted connections).

pub(crate) mod automated;
pub(crate) mod manual;

pub use automated::*;
pub use manual::*;

use crate::handles::handle;

handle! {
    /// `client.jobs()`.
    pub struct Jobs<'a> {
        /// `/jobs/automated*`.
        pub fn automated(&self) -> Automated<'a>;

        /// `/jobs/manual/{job_id}`.
        pub fn manual(&self) -> Manual<'a>;
    }
}
