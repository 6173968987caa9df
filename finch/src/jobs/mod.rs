//! `client.jobs()`: automated jobs (data syncs) and manual jobs (assisted connections).

pub(crate) mod automated;
pub(crate) mod manual;

pub use automated::*;
pub use manual::*;

use crate::client::Finch;
use crate::handles::accessors;

/// `client.jobs()`.
#[derive(Clone, Copy, Debug)]
pub struct Jobs<'a> {
    pub(crate) client: &'a Finch,
}

impl<'a> Jobs<'a> {
    accessors! {
        /// `/jobs/automated*`.
        pub fn automated(&self) -> Automated<'a>;

        /// `/jobs/manual/{job_id}`.
        pub fn manual(&self) -> Manual<'a>;
    }
}
