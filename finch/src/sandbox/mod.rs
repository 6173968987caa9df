//! `client.sandbox()`: shape a sandbox connection's data for your own tests.

pub(crate) mod company;
pub(crate) mod connections;
pub(crate) mod directory;
pub(crate) mod employment;
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

use crate::client::Finch;

/// `client.sandbox()`.
#[derive(Clone, Copy, Debug)]
pub struct Sandbox<'a> {
    pub(crate) client: &'a Finch,
}

impl<'a> Sandbox<'a> {
    /// `/sandbox/connections*`.
    pub fn connections(&self) -> SandboxConnections<'a> {
        SandboxConnections {
            client: self.client,
        }
    }

    /// `PUT /sandbox/company`.
    pub fn company(&self) -> SandboxCompany<'a> {
        SandboxCompany {
            client: self.client,
        }
    }

    /// `POST /sandbox/directory`.
    pub fn directory(&self) -> SandboxDirectory<'a> {
        SandboxDirectory {
            client: self.client,
        }
    }

    /// `PUT /sandbox/individual/{individual_id}`.
    pub fn individual(&self) -> SandboxIndividual<'a> {
        SandboxIndividual {
            client: self.client,
        }
    }

    /// `PUT /sandbox/employment/{individual_id}`.
    pub fn employment(&self) -> SandboxEmployment<'a> {
        SandboxEmployment {
            client: self.client,
        }
    }

    /// `POST /sandbox/payment`.
    pub fn payment(&self) -> SandboxPayment<'a> {
        SandboxPayment {
            client: self.client,
        }
    }

    /// `/sandbox/jobs*`.
    pub fn jobs(&self) -> SandboxJobs<'a> {
        SandboxJobs {
            client: self.client,
        }
    }
}
