//! Why a webhook delivery was rejected: the one error of verifying and of parsing.

use std::fmt;
use std::time::Duration;

/// How far the signing time may be from now, either way (five minutes, as in the official SDKs).
// Defined beside the errors that quote it, so that this module imports none of its siblings.
pub const TOLERANCE: Duration = Duration::from_secs(300);

/// Why a delivery was rejected. No message ever shows the secret.
///
/// ```
/// use finch::webhooks::{WebhookError, WebhookVerifier};
/// let error = WebhookVerifier::new("not base64!").unwrap_err();
/// assert!(matches!(error, WebhookError::InvalidSecret { .. }));
/// assert!(!error.to_string().contains("not base64!"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum WebhookError {
    /// The client has no webhook secret (set `FINCH_WEBHOOK_SECRET` or
    /// [`FinchBuilder::webhook_secret`](crate::FinchBuilder::webhook_secret)) and none was given.
    MissingSecret,
    /// The webhook secret is not valid base64, or is empty.
    InvalidSecret {
        /// What is wrong with it (never the secret itself).
        reason: &'static str,
    },
    /// A header the signature needs is missing.
    MissingHeader {
        /// The header (`finch-signature`).
        name: &'static str,
    },
    /// A header is not visible ASCII text.
    InvalidHeader {
        /// The header.
        name: &'static str,
    },
    /// `finch-timestamp` is not whole Unix seconds.
    InvalidTimestamp {
        /// The header's value (at most 40 characters of it).
        value: String,
    },
    /// The delivery was signed more than [`TOLERANCE`] before now: a replay, or a clock far behind.
    TimestampTooOld {
        /// The signing time (Unix seconds).
        timestamp: i64,
        /// Now (Unix seconds).
        now: i64,
    },
    /// The delivery claims to be signed more than [`TOLERANCE`] after now.
    TimestampTooNew {
        /// The signing time (Unix seconds).
        timestamp: i64,
        /// Now (Unix seconds).
        now: i64,
    },
    /// None of the `v1` signatures is the expected one: a wrong secret, or a body or header that
    /// changed on the way (verify the raw body as received, not re-encoded JSON).
    NoMatchingSignature,
    /// The signature is valid but the body is not a webhook event. Each piece is on one line and
    /// cut, ending in `…`: the event type and path at
    /// [`NAME_CHARS`](finch_core::redact::NAME_CHARS) characters, the message at
    /// [`MESSAGE_CHARS`](finch_core::redact::MESSAGE_CHARS).
    InvalidPayload {
        /// The `event_type`, when the body had one.
        event_type: Option<String>,
        /// The JSON path where decoding failed (`data.job_id`), `.` for the whole body.
        path: String,
        /// serde's message.
        message: String,
    },
}

impl fmt::Display for WebhookError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WebhookError::MissingSecret => f.write_str(
                "no webhook secret: set FINCH_WEBHOOK_SECRET, configure it with \
                 `FinchBuilder::webhook_secret`, or pass one to `WebhookVerifier::new`",
            ),
            WebhookError::InvalidSecret { reason } => write!(
                f,
                "the webhook secret is not valid: {reason} (use it exactly as the Finch dashboard \
                 shows it, base64)"
            ),
            WebhookError::MissingHeader { name } => {
                write!(f, "the webhook delivery has no `{name}` header")
            }
            WebhookError::InvalidHeader { name } => {
                write!(
                    f,
                    "the webhook delivery's `{name}` header is not visible ASCII text"
                )
            }
            WebhookError::InvalidTimestamp { value } => write!(
                f,
                "the webhook timestamp {value:?} is not a whole number of Unix seconds"
            ),
            WebhookError::TimestampTooOld { timestamp, now } => write!(
                f,
                "the webhook timestamp is too old: {timestamp} is {} s before now ({now}); at most \
                 {} s are accepted",
                now.saturating_sub(*timestamp),
                TOLERANCE.as_secs()
            ),
            WebhookError::TimestampTooNew { timestamp, now } => write!(
                f,
                "the webhook timestamp is too new: {timestamp} is {} s after now ({now}); at most \
                 {} s are accepted",
                timestamp.saturating_sub(*now),
                TOLERANCE.as_secs()
            ),
            WebhookError::NoMatchingSignature => {
                f.write_str("none of the given webhook signatures match the expected signature")
            }
            WebhookError::InvalidPayload {
                event_type,
                path,
                message,
            } => {
                f.write_str("the webhook body is not a valid ")?;
                match event_type {
                    Some(event_type) => write!(f, "`{event_type}` event")?,
                    None => f.write_str("event")?,
                }
                write!(f, " at `{path}`: {message}")
            }
        }
    }
}

impl std::error::Error for WebhookError {}
