//! Every operation finch declares, as data: what the OpenAPI rendering and the conformance check
//! read. Each resource module lists its endpoints in an `OPERATIONS` constant; [`operations`]
//! gathers them.

use finch_core::{AuthScheme, DecodeError, Endpoint, ParamSpec};
use serde_json::Value;

/// One declared operation, described by its declaration alone.
///
/// ```
/// let token = finch::operations().into_iter().find(|op| op.path == "/auth/token").unwrap();
/// assert_eq!(token.method, http::Method::POST);
/// assert_eq!(token.auth, finch::AuthScheme::None);
/// assert_eq!(token.response_type, "CreateAccessTokenResponse");
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Operation {
    /// The request type (`CreateAccessToken`).
    pub name: &'static str,
    /// The HTTP method.
    pub method: http::Method,
    /// The path template (`/employer/benefits/{benefit_id}`).
    pub path: &'static str,
    /// The auth scheme.
    pub auth: AuthScheme,
    /// Every field as the wire sees it.
    pub params: &'static [ParamSpec],
    /// The response type's name, without module paths.
    pub response_type: String,
    roundtrip: fn(&[u8]) -> Result<(), String>,
    #[cfg(feature = "testing")]
    random_roundtrip: fn(u64) -> Option<Result<(), String>>,
    #[cfg(feature = "testing")]
    decoded_roundtrip: fn(&[u8]) -> Option<Result<(), String>>,
}

/// How a module lists an operation: `Operation::of::<ListDirectory>` coerces to it.
pub(crate) type OperationFn = fn() -> Operation;

impl Operation {
    /// Describes the endpoint `E`.
    pub(crate) fn of<E>() -> Operation
    where
        E: Endpoint,
        E::Response: serde::Serialize + PartialEq + std::fmt::Debug,
    {
        Operation {
            name: E::NAME,
            method: E::METHOD,
            path: E::PATH,
            auth: E::AUTH,
            params: E::PARAMS,
            response_type: finch_core::type_name::<E::Response>(),
            roundtrip: roundtrip::<E::Response>,
            #[cfg(feature = "testing")]
            random_roundtrip: random_roundtrip::<E::Response>,
            #[cfg(feature = "testing")]
            decoded_roundtrip: decoded_roundtrip::<E::Response>,
        }
    }

    /// Makes a random value of the response type from `seed` (see
    /// [`random_value`](crate::testing::random_value)), encodes it, decodes it again and compares:
    /// `None` when the seed gives no value of the type, otherwise whether the value survived.
    ///
    /// ```
    /// let directory = finch::operations().into_iter().find(|op| op.path == "/employer/directory").unwrap();
    /// let survived = (0..20).filter_map(|seed| directory.check_random_roundtrip(seed)).collect::<Result<Vec<()>, _>>();
    /// assert!(survived.is_ok());
    /// ```
    #[cfg(feature = "testing")]
    pub fn check_random_roundtrip(&self, seed: u64) -> Option<Result<(), String>> {
        (self.random_roundtrip)(seed)
    }

    /// Decodes arbitrary bytes as the response type (never panicking, whatever they are); when
    /// they decode, encodes the value, decodes it again and compares. `None` when the bytes do not
    /// decode. For fuzzing.
    ///
    /// ```
    /// let directory = finch::operations().into_iter().find(|op| op.path == "/employer/directory").unwrap();
    /// assert!(directory.check_decoded_roundtrip(b"\xff not json").is_none());
    /// assert_eq!(directory.check_decoded_roundtrip(br#"{"paging":{"offset":0},"individuals":[]}"#), Some(Ok(())));
    /// ```
    #[cfg(feature = "testing")]
    pub fn check_decoded_roundtrip(&self, body: &[u8]) -> Option<Result<(), String>> {
        (self.decoded_roundtrip)(body)
    }

    /// Decodes `body` as this operation's response type and encodes the result again. Fails,
    /// saying where, when the body does not decode or when a field of it is lost or changed.
    ///
    /// ```
    /// let token = finch::operations().into_iter().find(|op| op.path == "/auth/token").unwrap();
    /// let body = br#"{"access_token":"t","token_type":"bearer","connection_id":"c","client_type":"sandbox",
    ///     "connection_type":"finch","products":[],"provider_id":"p","entity_ids":[],"brand_new":1}"#;
    /// let error = token.check_roundtrip(body).unwrap_err();
    /// assert!(error.contains("brand_new"), "{error}");
    /// ```
    pub fn check_roundtrip(&self, body: &[u8]) -> Result<(), String> {
        (self.roundtrip)(body)
    }
}

fn roundtrip<T: serde::de::DeserializeOwned + serde::Serialize>(body: &[u8]) -> Result<(), String> {
    let original: Value =
        serde_json::from_slice(body).map_err(|error| format!("not JSON: {error}"))?;
    let decoded: T =
        DecodeError::decode(body, http::StatusCode::OK, None).map_err(|error| error.to_string())?;
    let encoded =
        serde_json::to_value(&decoded).map_err(|error| format!("cannot encode: {error}"))?;
    lossless(&original, &encoded, "")
}

#[cfg(feature = "testing")]
fn random_roundtrip<T>(seed: u64) -> Option<Result<(), String>>
where
    T: serde::de::DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug,
{
    value_roundtrip(crate::testing::random_value::<T>(seed).ok()?)
}

#[cfg(feature = "testing")]
fn decoded_roundtrip<T>(body: &[u8]) -> Option<Result<(), String>>
where
    T: serde::de::DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug,
{
    // The error's text is built too: formatting an error must not panic either.
    let value: T = DecodeError::decode(body, http::StatusCode::OK, None)
        .map_err(|error| error.to_string())
        .ok()?;
    value_roundtrip(value)
}

#[cfg(feature = "testing")]
fn value_roundtrip<T>(value: T) -> Option<Result<(), String>>
where
    T: serde::de::DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug,
{
    let check = || {
        let encoded = serde_json::to_vec(&value)
            .map_err(|error| format!("cannot encode {value:?}: {error}"))?;
        let decoded: T = DecodeError::decode(&encoded, http::StatusCode::OK, None)
            .map_err(|error| format!("{value:?} encodes to what does not decode: {error}"))?;
        if decoded == value {
            Ok(())
        } else {
            Err(format!("{value:?} came back as {decoded:?}"))
        }
    };
    Some(check())
}

/// Whether `encoded` keeps everything `original` had. It may add members, but only `null` ones
/// (a nullable field the original left out).
fn lossless(original: &Value, encoded: &Value, path: &str) -> Result<(), String> {
    match (original, encoded) {
        (Value::Object(original), Value::Object(encoded)) => {
            for (key, value) in original {
                let at = format!("{path}.{key}");
                match encoded.get(key) {
                    Some(kept) => lossless(value, kept, &at)?,
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
                    lossless(original, encoded, &format!("{path}[{index}]"))
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

/// Every operation finch declares.
pub fn operations() -> Vec<Operation> {
    [
        crate::access_tokens::OPERATIONS,
        crate::account::OPERATIONS,
        crate::connect::sessions::OPERATIONS,
        crate::hris::benefits::OPERATIONS,
        crate::hris::company::OPERATIONS,
        crate::hris::directory::OPERATIONS,
        crate::hris::documents::OPERATIONS,
        crate::hris::employments::OPERATIONS,
        crate::hris::individuals::OPERATIONS,
        crate::hris::pay_statement_items::OPERATIONS,
        crate::hris::pay_statements::OPERATIONS,
        crate::hris::payments::OPERATIONS,
        crate::hris::plan_dependents::OPERATIONS,
        crate::hris::plan_enrollments::OPERATIONS,
        crate::hris::plans::OPERATIONS,
        crate::jobs::automated::OPERATIONS,
        crate::jobs::manual::OPERATIONS,
        crate::payroll::ledger_items::OPERATIONS,
        crate::payroll::pay_groups::OPERATIONS,
        crate::providers::OPERATIONS,
        crate::request_forwarding::OPERATIONS,
        crate::sandbox::company::OPERATIONS,
        crate::sandbox::connections::OPERATIONS,
        crate::sandbox::directory::OPERATIONS,
        crate::sandbox::employment::OPERATIONS,
        crate::sandbox::individual::OPERATIONS,
        crate::sandbox::jobs::OPERATIONS,
        crate::sandbox::payment::OPERATIONS,
    ]
    .concat()
    .into_iter()
    .map(|describe| describe())
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn lossless_allows_only_added_nulls() {
        assert!(lossless(&json!({"a": 1}), &json!({"a": 1.0, "b": null}), "").is_ok());
        assert!(lossless(&json!({"a": null}), &json!({}), "").is_ok());
        assert_eq!(
            lossless(&json!({"a": 1}), &json!({}), "").unwrap_err(),
            "`.a` is lost"
        );
        assert!(lossless(&json!({"a": [1, 2]}), &json!({"a": [1]}), "").is_err());
        assert!(
            lossless(&json!({}), &json!({"b": 2}), "")
                .unwrap_err()
                .contains("added")
        );
        assert!(lossless(&json!({"a": "x"}), &json!({"a": "y"}), "").is_err());
    }

    #[test]
    fn every_operation_is_listed_once() {
        let operations = operations();
        let mut seen = std::collections::HashSet::new();
        for operation in &operations {
            assert!(
                seen.insert((operation.method.clone(), operation.path)),
                "{} {} twice",
                operation.method,
                operation.path
            );
        }
    }
}
