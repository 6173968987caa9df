//! `client.connect()`: Finch Connect sessions, the way an employer authorizes your application.

mod sessions;

pub use sessions::{
    ConnectAuthMethod, ConnectIntegration, ConnectSession, CreateConnectSession, Recordkeeper,
    Recordkeeping, SandboxMode, Sessions,
};

use crate::client::Finch;

/// `client.connect()`.
#[derive(Clone, Copy, Debug)]
pub struct Connect<'a> {
    pub(crate) client: &'a Finch,
}

impl<'a> Connect<'a> {
    /// `POST /connect/sessions`.
    pub fn sessions(&self) -> Sessions<'a> {
        Sessions {
            client: self.client,
        }
    }
}
