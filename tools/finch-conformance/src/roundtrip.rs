//! Decoding into finch's types and encoding back, without a loss: what the response examples, the
//! property tests and the fuzz targets check.

use finch::DecodeError;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use std::fmt::Debug;

/// Decodes `body` as `T`, as the client does, and encodes the result again. Fails, saying where,
/// when the body does not decode or when a field of it is lost or changed (see [`lossless`]).
///
/// ```
/// let body = br#"{"access_token":"t","token_type":"bearer","connection_id":"c","client_type":"sandbox",
///     "connection_type":"finch","products":[],"provider_id":"p","entity_ids":[],"brand_new":1}"#;
/// let error = finch_conformance::roundtrip::<finch::CreateAccessTokenResponse>(body).unwrap_err();
/// assert!(error.contains("brand_new"), "{error}");
/// ```
pub fn roundtrip<T: DeserializeOwned + Serialize>(body: &[u8]) -> Result<(), String> {
    let original: Value =
        serde_json::from_slice(body).map_err(|error| format!("not JSON: {error}"))?;
    let decoded: T =
        DecodeError::decode(body, http::StatusCode::OK, None).map_err(|error| error.to_string())?;
    let encoded =
        serde_json::to_value(&decoded).map_err(|error| format!("cannot encode: {error}"))?;
    lossless(&original, &encoded)
}

/// Decodes arbitrary bytes as `T` (never panicking, whatever they are); when they decode, checks
/// [`value_roundtrip`] on the value. `None` when the bytes do not decode. For fuzzing.
///
/// ```
/// use finch::hris::DirectoryPage;
/// assert!(finch_conformance::decoded_roundtrip::<DirectoryPage>(b"\xff not json").is_none());
/// assert_eq!(
///     finch_conformance::decoded_roundtrip::<DirectoryPage>(br#"{"paging":{"offset":0},"individuals":[]}"#),
///     Some(Ok(()))
/// );
/// ```
pub fn decoded_roundtrip<T>(body: &[u8]) -> Option<Result<(), String>>
where
    T: DeserializeOwned + Serialize + PartialEq + Debug,
{
    // The error's text is built too: formatting an error must not panic either.
    let value: T = DecodeError::decode(body, http::StatusCode::OK, None)
        .map_err(|error| error.to_string())
        .ok()?;
    Some(value_roundtrip(&value))
}

/// Encodes `value`, decodes it again and compares: whether the value survived.
pub fn value_roundtrip<T>(value: &T) -> Result<(), String>
where
    T: DeserializeOwned + Serialize + PartialEq + Debug,
{
    let encoded =
        serde_json::to_vec(value).map_err(|error| format!("cannot encode {value:?}: {error}"))?;
    let decoded: T = DecodeError::decode(&encoded, http::StatusCode::OK, None)
        .map_err(|error| format!("{value:?} encodes to what does not decode: {error}"))?;
    if decoded == *value {
        Ok(())
    } else {
        Err(format!("{value:?} came back as {decoded:?}"))
    }
}

/// Whether `encoded` keeps everything `original` had. It may add members, but only `null` ones
/// (a nullable field the original left out); numbers compare by value (`1` and `1.0` are equal).
///
/// ```
/// use serde_json::json;
/// assert!(finch_conformance::lossless(&json!({"a": 1}), &json!({"a": 1.0, "b": null})).is_ok());
/// assert_eq!(finch_conformance::lossless(&json!({"a": 1}), &json!({})).unwrap_err(), "`.a` is lost");
/// ```
pub fn lossless(original: &Value, encoded: &Value) -> Result<(), String> {
    lossless_at(original, encoded, "")
}

fn lossless_at(original: &Value, encoded: &Value, path: &str) -> Result<(), String> {
    match (original, encoded) {
        (Value::Object(original), Value::Object(encoded)) => {
            for (key, value) in original {
                let at = format!("{path}.{key}");
                match encoded.get(key) {
                    Some(kept) => lossless_at(value, kept, &at)?,
                    None if value.is_null() => {}
                    None => return Err(format!("`{at}` is lost")),
                }
            }
            match encoded
                .iter()
                .find(|(key, value)| !original.contains_key(*key) && !value.is_null())
            {
                Some((key, value)) => Err(format!("`{path}.{key}` = {value} was added")),
                None => Ok(()),
            }
        }
        (Value::Array(original), Value::Array(encoded)) if original.len() == encoded.len() => {
            original
                .iter()
                .zip(encoded)
                .enumerate()
                .try_for_each(|(index, (original, encoded))| {
                    lossless_at(original, encoded, &format!("{path}[{index}]"))
                })
        }
        (Value::Number(original), Value::Number(encoded))
            if original.as_f64() == encoded.as_f64() =>
        {
            Ok(())
        }
        (original, encoded) if original == encoded => Ok(()),
        (original, encoded) => Err(format!("`{path}` was {original}, is {encoded}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lossless_allows_only_added_nulls() {
        assert!(lossless(&json!({"a": 1}), &json!({"a": 1.0, "b": null})).is_ok());
        assert!(lossless(&json!({"a": null}), &json!({})).is_ok());
        assert_eq!(
            lossless(&json!({"a": 1}), &json!({})).unwrap_err(),
            "`.a` is lost"
        );
        assert!(lossless(&json!({"a": [1, 2]}), &json!({"a": [1]})).is_err());
        assert!(
            lossless(&json!({}), &json!({"b": 2}))
                .unwrap_err()
                .contains("added")
        );
        assert!(lossless(&json!({"a": "x"}), &json!({"a": "y"})).is_err());
    }
}
