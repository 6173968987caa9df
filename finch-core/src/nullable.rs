//! A request body member that can be sent as `null`, to clear a value.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A body member's value that may be `null`. A request field `Option<Nullable<T>>` is tri-state:
/// `None` leaves the member out (the server keeps what it has), `Some(Nullable::Null)` sends
/// `null` (the server clears it), `Some(Nullable::Value(v))` sends `v`.
///
/// Finch's official SDKs send `null` when a nullable member is set to `None`; in Rust, `None`
/// already means "not sent", so clearing is said explicitly. A library author uses it the same
/// way in their own `#[finch_endpoint]` structs: no attribute is needed.
///
/// ```
/// use finch_core::Nullable;
/// #[derive(serde::Serialize)]
/// struct Update {
///     #[serde(skip_serializing_if = "Option::is_none")]
///     end_date: Option<Nullable<String>>,
/// }
/// let clear = Update { end_date: Some(Nullable::Null) };
/// assert_eq!(serde_json::to_string(&clear)?, r#"{"end_date":null}"#);
/// let set = Update { end_date: Some("2025-06-30".to_owned().into()) };
/// assert_eq!(serde_json::to_string(&set)?, r#"{"end_date":"2025-06-30"}"#);
/// let keep = Update { end_date: None };
/// assert_eq!(serde_json::to_string(&keep)?, "{}");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Nullable<T> {
    /// Sent as `null`: clears the value.
    Null,
    /// Sent as the value.
    Value(T),
}

impl<T> Nullable<T> {
    /// The value, or `None` for `Null`.
    ///
    /// ```
    /// assert_eq!(finch_core::Nullable::Value(3).into_option(), Some(3));
    /// assert_eq!(finch_core::Nullable::<u8>::Null.into_option(), None);
    /// ```
    pub fn into_option(self) -> Option<T> {
        match self {
            Nullable::Null => None,
            Nullable::Value(value) => Some(value),
        }
    }

    /// A reference to the value, or `None` for `Null`.
    pub fn as_ref(&self) -> Option<&T> {
        match self {
            Nullable::Null => None,
            Nullable::Value(value) => Some(value),
        }
    }

    /// `true` for `Null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Nullable::Null)
    }
}

impl<T> From<T> for Nullable<T> {
    fn from(value: T) -> Self {
        Nullable::Value(value)
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Nullable::Null => serializer.serialize_none(),
            Nullable::Value(value) => value.serialize(serializer),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Option::<T>::deserialize(deserializer)
            .map(|value| value.map_or(Nullable::Null, Nullable::Value))
    }
}

/// Reads a member that is present, a value or `null`, as `Some`, so that an `Option<Nullable<T>>`
/// field keeps `null` apart from an absent member (which `#[serde(default)]` makes `None`). What
/// `#[model]` gives such fields in finch's body types; reached through `__private_v0`.
pub fn deserialize_present<'de, D, T>(deserializer: D) -> Result<Option<Nullable<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Nullable::deserialize(deserializer).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn null_round_trips() {
        let null: Nullable<u8> = serde_json::from_str("null").unwrap();
        assert!(null.is_null());
        let value: Nullable<u8> = serde_json::from_str("7").unwrap();
        assert_eq!(value, Nullable::Value(7));
        assert_eq!(serde_json::to_string(&null).unwrap(), "null");
        assert_eq!(serde_json::to_string(&value).unwrap(), "7");
    }

    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Member {
        #[serde(default, deserialize_with = "deserialize_present")]
        end: Option<Nullable<u8>>,
    }

    #[test]
    fn present_members_keep_null_apart_from_absent() {
        let read = |json| serde_json::from_str::<Member>(json).unwrap().end;
        assert_eq!(read("{}"), None);
        assert_eq!(read(r#"{"end":null}"#), Some(Nullable::Null));
        assert_eq!(read(r#"{"end":3}"#), Some(Nullable::Value(3)));
    }
}
