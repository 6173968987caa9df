//! Webhooks: verify a delivery's signature and parse it into a typed event.

use crate::client::Finch;

/// `client.webhooks()`.
#[derive(Clone, Copy, Debug)]
pub struct Webhooks<'a> {
    pub(crate) client: &'a Finch,
}
