//! `client.sandbox()`: shape a sandbox connection's data for your own tests.

mod directory;

pub use directory::{CreateSandboxDirectory, SandboxDirectory, SandboxIndividual};

use crate::client::Finch;

/// `client.sandbox()`.
#[derive(Clone, Copy, Debug)]
pub struct Sandbox<'a> {
    pub(crate) client: &'a Finch,
}

impl<'a> Sandbox<'a> {
    /// `POST /sandbox/directory`.
    pub fn directory(&self) -> SandboxDirectory<'a> {
        SandboxDirectory {
            client: self.client,
        }
    }
}
