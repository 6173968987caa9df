//! `client.sandbox()`: shape a sandbox connection's data for your own tests.

pub(crate) mod company;
pub(crate) mod connections;
pub(crate) mod directory;
pub(crate) mod employment;
mod fields;
pub(crate) mod individual;
pub(crate) mod jobs;
pub(crate) mod payment;

pub use company::*;
pub use connections::*;
pub use directory::*;
pub use employment::*;
pub use individual::*;
pub use jobs::*;
pub use payment::*;

use crate::handles::handle;

handle! {
    /// `client.sandbox()`.
    pub struct Sandbox<'a> {
        /// `/sandbox/connections*`.
        pub fn connections(&self) -> SandboxConnections<'a>;

        /// `PUT /sandbox/company`.
        pub fn company(&self) -> SandboxCompany<'a>;

        /// `POST /sandbox/directory`.
        pub fn directory(&self) -> SandboxDirectory<'a>;

        /// `PUT /sandbox/individual/{individual_id}`.
        pub fn individual(&self) -> SandboxIndividual<'a>;

        /// `PUT /sandbox/employment/{individual_id}`.
        pub fn employment(&self) -> SandboxEmployment<'a>;

        /// `POST /sandbox/payment`.
        pub fn payment(&self) -> SandboxPayment<'a>;

        /// `/sandbox/jobs*`.
        pub fn jobs(&self) -> SandboxJobs<'a>;
    }
}
