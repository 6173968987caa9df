//! Secrets: values that are sent on the wire but never shown.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::sync::Arc;

/// A client secret, access token or webhook secret.
///
/// Its `Debug` prints a placeholder, it has no `Display`, and comparing two secrets takes the same
/// time wherever they differ. It serializes to its real value, because request bodies (such as
/// `POST /auth/token`) must carry it, and it deserializes from a plain string, so response types can
/// hold tokens without ever printing them. Cloning is cheap (the text is shared).
///
/// ```
/// use finch_core::Secret;
/// let token = Secret::new("7e965183-9332-423c-9259-3edafb332ad2");
/// assert_eq!(format!("{token:?}"), "Secret([redacted])");
/// assert_eq!(token.expose(), "7e965183-9332-423c-9259-3edafb332ad2");
/// ```
#[derive(Clone)]
pub struct Secret(Arc<str>);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(Arc::from(value.into()))
    }

    /// The secret's text, for the one place that must send it. Do not log it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// `true` when the secret is the empty string.
    ///
    /// ```
    /// assert!(finch_core::Secret::new("").is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret([redacted])")
    }
}

impl PartialEq for Secret {
    /// Constant time in the contents (the length is not hidden).
    fn eq(&self, other: &Self) -> bool {
        constant_time_eq(self.0.as_bytes(), other.0.as_bytes())
    }
}

impl Eq for Secret {}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret::new(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret::new(value)
    }
}

impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret::new)
    }
}

/// Compares two byte strings in time that depends only on their lengths.
///
/// ```
/// use finch_core::secret::constant_time_eq;
/// assert!(constant_time_eq(b"v1,abc", b"v1,abc"));
/// assert!(!constant_time_eq(b"v1,abc", b"v1,abd"));
/// assert!(!constant_time_eq(b"short", b"longer"));
/// ```
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let difference = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    // black_box keeps the optimiser from turning the fold back into an early exit.
    std::hint::black_box(difference) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_value() {
        let secret = Secret::new("sk_live_123");
        let shown = format!("{secret:?} {secret:#?} {:?}", Some(&secret));
        assert!(!shown.contains("sk_live_123"), "{shown}");
    }

    #[test]
    fn serde_round_trip_keeps_the_value() {
        let secret: Secret = serde_json::from_str("\"tok\"").unwrap();
        assert_eq!(serde_json::to_string(&secret).unwrap(), "\"tok\"");
        assert_eq!(secret, Secret::new("tok"));
        assert_ne!(secret, Secret::new("tok2"));
    }
}
