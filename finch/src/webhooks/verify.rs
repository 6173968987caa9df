//! Signature and timestamp verification of webhook deliveries.

use super::error::{TOLERANCE, WebhookError};
use super::events::WebhookEvent;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use finch_core::Secret;
use finch_core::secret::constant_time_eq;
use http::HeaderMap;
use ring::hmac;
use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

/// The header with the delivery's id.
pub const EVENT_ID_HEADER: &str = "finch-event-id";
/// The header with the time of signing, in Unix seconds.
pub const TIMESTAMP_HEADER: &str = "finch-timestamp";
/// The header with the space-separated `version,signature` pairs.
pub const SIGNATURE_HEADER: &str = "finch-signature";

/// Verifies deliveries with one webhook secret, and parses them.
///
/// The secret is decoded once, when the verifier is made; its `Debug` output does not show it.
/// [`Finch::webhooks`](crate::Finch::webhooks) makes one from the client's secret.
///
/// ```
/// use finch::webhooks::{WebhookEvent, WebhookVerifier};
/// use std::time::{Duration, SystemTime};
///
/// let verifier = WebhookVerifier::new("c2VjcmV0LWtleS1ieXRlcw==")?;
/// let body = br#"{"company_id":"c","account_id":"a","event_type":"company.updated","data":null}"#;
/// // What Finch would send (`sign` is for tests and tools; Finch signs real deliveries).
/// let mut headers = http::HeaderMap::new();
/// headers.insert("finch-event-id", "msg_1".parse()?);
/// headers.insert("finch-timestamp", "1700000000".parse()?);
/// headers.insert("finch-signature", verifier.sign("msg_1", 1_700_000_000, body).parse()?);
///
/// let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_060);
/// let event = verifier.unwrap_at(body, &headers, now)?;
/// assert!(matches!(event, WebhookEvent::Company(_)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct WebhookVerifier {
    key: hmac::Key,
}

impl fmt::Debug for WebhookVerifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WebhookVerifier { key: [redacted] }")
    }
}

impl WebhookVerifier {
    /// A verifier for `secret`, the base64 webhook secret as the Finch dashboard shows it.
    ///
    /// Fails with [`WebhookError::InvalidSecret`] when it is empty or not canonical base64 (the
    /// standard alphabet with `=` padding).
    ///
    /// ```
    /// let verifier = finch::webhooks::WebhookVerifier::new("c2VjcmV0LWtleS1ieXRlcw==")?;
    /// # Ok::<(), finch::webhooks::WebhookError>(())
    /// ```
    pub fn new(secret: impl Into<Secret>) -> Result<Self, WebhookError> {
        let secret = secret.into();
        if secret.is_empty() {
            return Err(WebhookError::InvalidSecret {
                reason: "it is empty",
            });
        }
        let key =
            STANDARD
                .decode(secret.expose())
                .map_err(|error| WebhookError::InvalidSecret {
                    reason: secret_problem(&error),
                })?;
        Ok(WebhookVerifier {
            key: hmac::Key::new(hmac::HMAC_SHA256, &key),
        })
    }

    /// Checks a delivery's signature and timestamp against the system clock.
    ///
    /// ```
    /// # fn demo(verifier: finch::webhooks::WebhookVerifier, headers: http::HeaderMap, body: Vec<u8>) -> Result<(), finch::webhooks::WebhookError> {
    /// verifier.verify_signature(&body, &headers)?;
    /// # Ok(()) }
    /// ```
    pub fn verify_signature(
        &self,
        body: impl AsRef<[u8]>,
        headers: &HeaderMap,
    ) -> Result<(), WebhookError> {
        self.verify_signature_at(body, headers, SystemTime::now())
    }

    /// Checks a delivery's signature, and its timestamp against `now`.
    ///
    /// ```
    /// # fn demo(verifier: finch::webhooks::WebhookVerifier, headers: http::HeaderMap, body: Vec<u8>) -> Result<(), finch::webhooks::WebhookError> {
    /// let now = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000);
    /// verifier.verify_signature_at(&body, &headers, now)?;
    /// # Ok(()) }
    /// ```
    pub fn verify_signature_at(
        &self,
        body: impl AsRef<[u8]>,
        headers: &HeaderMap,
        now: SystemTime,
    ) -> Result<(), WebhookError> {
        let event_id = header(headers, EVENT_ID_HEADER)?;
        let timestamp_text = header(headers, TIMESTAMP_HEADER)?;
        let signatures = header(headers, SIGNATURE_HEADER)?;

        let timestamp: i64 =
            timestamp_text
                .parse()
                .map_err(|_| WebhookError::InvalidTimestamp {
                    value: timestamp_text.chars().take(40).collect(),
                })?;
        let now = unix_seconds(now);
        let tolerance = i64::try_from(TOLERANCE.as_secs()).unwrap_or(i64::MAX);
        if now.saturating_sub(timestamp) > tolerance {
            return Err(WebhookError::TimestampTooOld { timestamp, now });
        }
        if timestamp.saturating_sub(now) > tolerance {
            return Err(WebhookError::TimestampTooNew { timestamp, now });
        }

        let expected = self.tag(event_id, timestamp_text, body.as_ref());
        let matches = signatures
            .split(' ')
            .filter_map(|pair| match pair.split_once(',') {
                Some(("v1", signature)) if !signature.contains(',') => {
                    STANDARD.decode(signature).ok()
                }
                _ => None,
            })
            // Checks every candidate, so the time taken does not tell which one matched.
            .fold(false, |found, candidate| {
                constant_time_eq(&candidate, expected.as_ref()) | found
            });
        if matches {
            Ok(())
        } else {
            Err(WebhookError::NoMatchingSignature)
        }
    }

    /// Verifies a delivery against the system clock and parses it into a typed event.
    ///
    /// ```
    /// # fn demo(verifier: finch::webhooks::WebhookVerifier, headers: http::HeaderMap, body: Vec<u8>) -> Result<(), finch::webhooks::WebhookError> {
    /// let event = verifier.unwrap(&body, &headers)?;
    /// # Ok(()) }
    /// ```
    pub fn unwrap(
        &self,
        body: impl AsRef<[u8]>,
        headers: &HeaderMap,
    ) -> Result<WebhookEvent, WebhookError> {
        self.unwrap_at(body, headers, SystemTime::now())
    }

    /// Verifies a delivery against `now` and parses it into a typed event.
    ///
    /// ```
    /// # fn demo(verifier: finch::webhooks::WebhookVerifier, headers: http::HeaderMap, body: Vec<u8>) -> Result<(), finch::webhooks::WebhookError> {
    /// let now = std::time::SystemTime::now();
    /// let event = verifier.unwrap_at(&body, &headers, now)?;
    /// # Ok(()) }
    /// ```
    pub fn unwrap_at(
        &self,
        body: impl AsRef<[u8]>,
        headers: &HeaderMap,
        now: SystemTime,
    ) -> Result<WebhookEvent, WebhookError> {
        let body = body.as_ref();
        self.verify_signature_at(body, headers, now)?;
        WebhookEvent::parse(body)
    }

    /// The `finch-signature` value Finch would send for this delivery (`v1,<base64>`): for tests
    /// of your receiver, and for tools that replay deliveries.
    ///
    /// ```
    /// let verifier = finch::webhooks::WebhookVerifier::new("c2VjcmV0LWtleS1ieXRlcw==")?;
    /// let signature = verifier.sign("msg_1", 1_700_000_000, b"{}");
    /// assert!(signature.starts_with("v1,"));
    /// # Ok::<(), finch::webhooks::WebhookError>(())
    /// ```
    pub fn sign(&self, event_id: &str, timestamp: i64, body: &[u8]) -> String {
        let tag = self.tag(event_id, &timestamp.to_string(), body);
        format!("v1,{}", STANDARD.encode(tag.as_ref()))
    }

    /// HMAC-SHA256 of `"{event_id}.{timestamp}.{body}"`.
    fn tag(&self, event_id: &str, timestamp: &str, body: &[u8]) -> hmac::Tag {
        let mut context = hmac::Context::with_key(&self.key);
        context.update(event_id.as_bytes());
        context.update(b".");
        context.update(timestamp.as_bytes());
        context.update(b".");
        context.update(body);
        context.sign()
    }
}

/// A required header's text.
fn header<'h>(headers: &'h HeaderMap, name: &'static str) -> Result<&'h str, WebhookError> {
    headers
        .get(name)
        .ok_or(WebhookError::MissingHeader { name })?
        .to_str()
        .map_err(|_| WebhookError::InvalidHeader { name })
}

/// Seconds since the Unix epoch, negative before it, saturating.
fn unix_seconds(time: SystemTime) -> i64 {
    match time.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
        Err(before) => i64::try_from(before.duration().as_secs()).map_or(i64::MIN, |secs| -secs),
    }
}

/// What is wrong with a secret, without its offsets or bytes (they would show part of it).
fn secret_problem(error: &base64::DecodeError) -> &'static str {
    match error {
        base64::DecodeError::InvalidByte(..) => "it contains a character that is not base64",
        base64::DecodeError::InvalidLength(_) => "its length is not that of base64 text",
        base64::DecodeError::InvalidLastSymbol(..) => "its last character is not canonical base64",
        base64::DecodeError::InvalidPadding => "its `=` padding is wrong",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn unix_seconds_before_and_after_the_epoch() {
        assert_eq!(unix_seconds(UNIX_EPOCH + Duration::from_secs(5)), 5);
        assert_eq!(unix_seconds(UNIX_EPOCH - Duration::from_secs(5)), -5);
    }

    #[test]
    fn debug_hides_the_key() {
        let verifier = WebhookVerifier::new("c2VjcmV0LWtleS1ieXRlcw==").ok();
        let shown = format!("{verifier:?}");
        assert!(
            shown.contains("redacted") && !shown.contains("c2VjcmV0"),
            "{shown}"
        );
    }
}
