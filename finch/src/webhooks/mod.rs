//! Webhooks: verify a delivery's signature and parse it into a typed event.
//!
//! Finch signs every delivery with your application's webhook secret (base64, as the dashboard
//! shows it; `FINCH_WEBHOOK_SECRET` or [`FinchBuilder::webhook_secret`]) the way the official
//! SDKs check it:
//!
//! - the headers `finch-event-id`, `finch-timestamp` (Unix seconds) and `finch-signature` (space
//!   separated `version,signature` pairs, of which only `v1` ones are checked and any match is
//!   enough);
//! - the signature is the base64 HMAC-SHA256, keyed with the base64-decoded secret, of
//!   `"{event id}.{timestamp}.{raw body}"`;
//! - the timestamp must be within five minutes ([`TOLERANCE`]) of now.
//!
//! [`Webhooks::unwrap`] verifies and parses in one step; hand it the body exactly as received (the
//! raw bytes, not re-encoded JSON).
//!
//! ```
//! use finch::webhooks::WebhookEvent;
//!
//! fn on_delivery(finch: &finch::Finch, headers: &http::HeaderMap, body: &[u8]) -> Result<(), finch::webhooks::WebhookError> {
//!     match finch.webhooks().unwrap(body, headers)? {
//!         WebhookEvent::Directory(event) => println!("directory {}: {:?}", event.event_type, event.data),
//!         WebhookEvent::JobCompletion(event) => println!("job done: {:?}", event.data),
//!         other => println!("{} for company {:?}", other.event_type(), other.company_id()),
//!     }
//!     Ok(())
//! }
//! ```
//!
//! [`FinchBuilder::webhook_secret`]: crate::FinchBuilder::webhook_secret

mod authentication;
mod error;
mod events;
mod verify;

pub use authentication::*;
pub use error::{TOLERANCE, WebhookError};
pub use events::*;
pub use verify::{EVENT_ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, WebhookVerifier};

use crate::client::Finch;
use http::HeaderMap;

// Defined here, beside the handle, so that the client's module need not import this one.
impl Finch {
    /// Verifying and parsing webhook deliveries.
    pub fn webhooks(&self) -> Webhooks<'_> {
        Webhooks { client: self }
    }
}

/// `client.webhooks()`: verifying and parsing deliveries with the client's webhook secret.
///
/// To use another secret, or to verify at a given time, use a [`WebhookVerifier`].
#[derive(Clone, Copy, Debug)]
pub struct Webhooks<'a> {
    pub(crate) client: &'a Finch,
}

impl Webhooks<'_> {
    /// Verifies a delivery with the client's webhook secret and parses it into a typed event
    /// (`client.webhooks.unwrap` in the official SDKs).
    ///
    /// Fails with [`WebhookError::MissingSecret`] when the client has no webhook secret.
    ///
    /// ```
    /// # fn demo(finch: finch::Finch, headers: http::HeaderMap, body: bytes::Bytes) -> Result<(), finch::webhooks::WebhookError> {
    /// let event = finch.webhooks().unwrap(&body, &headers)?;
    /// println!("{} for connection {:?}", event.event_type(), event.connection_id());
    /// # Ok(()) }
    /// ```
    pub fn unwrap(
        &self,
        body: impl AsRef<[u8]>,
        headers: &HeaderMap,
    ) -> Result<WebhookEvent, WebhookError> {
        self.verifier()?.unwrap(body, headers)
    }

    /// Verifies a delivery's signature and timestamp with the client's webhook secret, without
    /// parsing it.
    ///
    /// ```
    /// # fn demo(finch: finch::Finch, headers: http::HeaderMap, body: &[u8]) {
    /// if let Err(error) = finch.webhooks().verify_signature(body, &headers) {
    ///     eprintln!("rejected a delivery: {error}");
    /// }
    /// # }
    /// ```
    pub fn verify_signature(
        &self,
        body: impl AsRef<[u8]>,
        headers: &HeaderMap,
    ) -> Result<(), WebhookError> {
        self.verifier()?.verify_signature(body, headers)
    }

    /// A verifier keyed with the client's webhook secret; build one once to check many
    /// deliveries, or to verify at a given time ([`WebhookVerifier::verify_signature_at`]).
    ///
    /// ```
    /// let finch = finch::Finch::builder().webhook_secret("c2VjcmV0LWtleS1ieXRlcw==").build()?;
    /// let verifier = finch.webhooks().verifier()?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn verifier(&self) -> Result<WebhookVerifier, WebhookError> {
        let secret = self
            .client
            .webhook_secret()
            .ok_or(WebhookError::MissingSecret)?;
        WebhookVerifier::new(secret.clone())
    }
}
