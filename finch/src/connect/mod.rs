//! `client.connect()`: Finch Connect, the way an employer authorizes your application: sessions
//! and the authorization URL.

pub(crate) mod auth_url;
pub(crate) mod sessions;

#[allow(unused_imports)] // filled in with the authorization URL builder
pub use auth_url::*;
pub use sessions::*;

use crate::client::Finch;

/// `client.connect()`.
#[derive(Clone, Copy, Debug)]
pub struct Connect<'a> {
    pub(crate) client: &'a Finch,
}

impl<'a> Connect<'a> {
    /// `POST /connect/sessions*`.
    pub fn sessions(&self) -> Sessions<'a> {
        Sessions { client: self.client }
    }
}
