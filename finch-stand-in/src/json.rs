//! Reading JSON request bodies into typed values, with Finch-style errors instead of panics.
//!
//! An absent body (nothing, or only whitespace) reads as the empty object, or the empty array for
//! the array bodies ([`parse_array_body_at`]): the spec marks every request body optional but
//! one (`requestBody.required` is unset), and clients send none where no member is required (the
//! Python SDK's `sandbox.directory.create()` does). Where members are required, the error names
//! the first one missing, as for `{}`; but an operation whose required members have a meaning
//! when nothing is given reads no body as that ([`unless_absent`]): a batch read, no requests;
//! a job, the one job type.

use serde::de::DeserializeOwned;
use serde_json::{Number, Value};

use super::reply::Reply;

/// Parses `body` as `T`.
///
/// * no body: as `{}`;
/// * invalid JSON: 400 `bad_request_error` / `malformed_request` with serde's message;
/// * valid JSON of the wrong shape (missing field, wrong type): 400 `invalid_request_error` /
///   `invalid_request` with serde's message.
pub(crate) fn parse_body<T: DeserializeOwned>(body: &[u8]) -> Result<T, Reply> {
    T::deserialize(read_json(or_empty(body, b"{}"))?)
        .map_err(|error| Reply::invalid(&format!("invalid request body: {error}")))
}

/// Parses `body` as `T`, naming where a value of the wrong shape is in the style of Finch's
/// validation errors: `[body:requests.0.individual_id]: invalid type: ...`. No body reads as `{}`.
pub(crate) fn parse_body_at<T: DeserializeOwned>(body: &[u8]) -> Result<T, Reply> {
    parse_at(or_empty(body, b"{}"))
}

/// [`parse_body_at`] for a body that is a JSON array: no body reads as `[]`.
pub(crate) fn parse_array_body_at<T: DeserializeOwned>(body: &[u8]) -> Result<T, Reply> {
    parse_at(or_empty(body, b"[]"))
}

/// `nothing` when there is no body (nothing, or only whitespace), else `body` read by `parse`.
///
/// For the operations whose body the spec marks optional while its schema requires members that
/// have a meaning when nothing is given (a batch read's `requests`: none): a request without a
/// body is valid by the spec, unlike `{}`, which lacks the required member.
pub(crate) fn unless_absent<T>(
    body: &[u8],
    nothing: T,
    parse: fn(&[u8]) -> Result<T, Reply>,
) -> Result<T, Reply> {
    if is_absent(body) {
        Ok(nothing)
    } else {
        parse(body)
    }
}

/// Whether the request has no body (nothing, or only whitespace).
pub(crate) fn is_absent(body: &[u8]) -> bool {
    body.iter().all(u8::is_ascii_whitespace)
}

/// `body`, or `empty` when there is none.
fn or_empty<'a>(body: &'a [u8], empty: &'static [u8]) -> &'a [u8] {
    if is_absent(body) { empty } else { body }
}

fn parse_at<T: DeserializeOwned>(body: &[u8]) -> Result<T, Reply> {
    serde_path_to_error::deserialize(read_json(body)?).map_err(|error| {
        let path = body_path(&error.path().to_string());
        Reply::invalid(&format!("[{path}]: {}", error.into_inner()))
    })
}

/// `body` as JSON (a 400 `malformed_request` when it is not), its integral numbers as integers:
/// what both parsers decode from.
fn read_json(body: &[u8]) -> Result<Value, Reply> {
    let mut value: Value = serde_json::from_slice(body)
        .map_err(|error| malformed(&format!("the request body is not valid JSON: {error}")))?;
    integral_numbers_as_integers(&mut value);
    Ok(value)
}

/// JSON Schema counts a number with no fraction (`1308.0`) as an `integer`, as the spec's
/// integer members are typed; serde would refuse it for an integer field. Such numbers, where an
/// `i64` or `u64` holds them, are read as the integer.
fn integral_numbers_as_integers(value: &mut Value) {
    match value {
        Value::Number(number) if number.is_f64() => {
            if let Some(float) = number.as_f64()
                && float.fract() == 0.0
            {
                // `as` saturates; the round trip keeps only the values it did not change.
                let integer = float as i64;
                if integer as f64 == float && integer != i64::MAX {
                    *number = Number::from(integer);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(integral_numbers_as_integers),
        Value::Object(members) => members.values_mut().for_each(integral_numbers_as_integers),
        _ => {}
    }
}

/// Reads an optional member the spec does not mark nullable
/// (`#[serde(default, deserialize_with = "not_null")]`): left out it is `None`, `null` is an
/// error naming it.
pub(crate) fn not_null<'de, D: serde::Deserializer<'de>, T: serde::Deserialize<'de>>(
    deserializer: D,
) -> Result<Option<T>, D::Error> {
    T::deserialize(deserializer).map(Some)
}

/// Reads an optional integer member as a count, for the `limit` and `offset` members the spec
/// types as integers without an upper bound (`#[serde(default, deserialize_with = "count")]`):
/// below 0 reads as 0, above `usize` (`1e30` too) as `usize::MAX`; a fraction is an error.
pub(crate) fn count<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<usize>, D::Error> {
    counted(deserializer, true)
}

/// [`count`] for members the spec gives a `minimum` of 0 or more: below 0 is an error.
pub(crate) fn non_negative_count<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<usize>, D::Error> {
    counted(deserializer, false)
}

fn counted<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
    negative_is_zero: bool,
) -> Result<Option<usize>, D::Error> {
    use serde::Deserialize;
    use serde::de::{Error, Unexpected};
    let Some(number) = Option::<Number>::deserialize(deserializer)? else {
        return Ok(None);
    };
    let negative = match (number.as_u64(), number.as_i64(), number.as_f64()) {
        (Some(unsigned), _, _) => return Ok(Some(usize::try_from(unsigned).unwrap_or(usize::MAX))),
        (None, Some(_), _) => true,
        (None, None, Some(float)) if float.fract() == 0.0 && float > 0.0 => {
            return Ok(Some(usize::MAX));
        }
        (None, None, Some(float)) if float.fract() == 0.0 => true,
        (None, None, Some(float)) => {
            return Err(D::Error::invalid_type(
                Unexpected::Float(float),
                &"an integer",
            ));
        }
        (None, None, None) => return Err(D::Error::custom("expected an integer")),
    };
    if negative && negative_is_zero {
        Ok(Some(0))
    } else {
        Err(D::Error::custom("expected an integer of 0 or more"))
    }
}

/// `requests[0].individual_id` → `body:requests.0.individual_id`; the root is `body`.
fn body_path(path: &str) -> String {
    let dotted = path.replace('[', ".").replace(']', "");
    let dotted = dotted.trim_start_matches('.');
    if dotted.is_empty() || dotted == "?" {
        "body".to_owned()
    } else {
        format!("body:{dotted}")
    }
}

fn malformed(message: &str) -> Reply {
    Reply::error(
        http::StatusCode::BAD_REQUEST,
        "bad_request_error",
        "malformed_request",
        message,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    struct Body {
        #[allow(dead_code)]
        code: String,
    }

    fn error_of(body: &[u8]) -> serde_json::Value {
        let reply = parse_body::<Body>(body).unwrap_err();
        assert_eq!(reply.status, http::StatusCode::BAD_REQUEST);
        serde_json::from_slice(&reply.body).unwrap()
    }

    #[test]
    fn syntax_errors_are_malformed() {
        let error = error_of(b"{\"code\": ");
        assert_eq!(error["finch_code"], "malformed_request");
        assert!(
            error["message"].as_str().unwrap().contains("EOF"),
            "{error}"
        );
        assert_eq!(error_of(b"not json")["finch_code"], "malformed_request");
    }

    #[test]
    fn no_body_is_the_empty_object_or_array() {
        for absent in [&b""[..], b"  \r\n"] {
            let error = error_of(absent);
            assert_eq!(error["finch_code"], "invalid_request");
            assert!(
                error["message"]
                    .as_str()
                    .unwrap()
                    .contains("missing field `code`"),
                "{error}"
            );
            let reply = parse_body_at::<Body>(absent).unwrap_err();
            assert_eq!(reply.status, http::StatusCode::BAD_REQUEST);
            #[derive(Debug, serde::Deserialize)]
            struct Optional {
                code: Option<String>,
            }
            assert_eq!(parse_body::<Optional>(absent).unwrap().code, None);
            assert_eq!(parse_body_at::<Optional>(absent).unwrap().code, None);
            assert!(parse_array_body_at::<Vec<Body>>(absent).unwrap().is_empty());
        }
    }

    #[test]
    fn shape_errors_are_invalid_requests_naming_the_field() {
        let error = error_of(b"{}");
        assert_eq!(error["finch_code"], "invalid_request");
        assert!(
            error["message"]
                .as_str()
                .unwrap()
                .contains("missing field `code`"),
            "{error}"
        );
        let error = error_of(b"{\"code\": 5}");
        assert!(
            error["message"].as_str().unwrap().contains("invalid type"),
            "{error}"
        );
    }

    #[test]
    fn path_errors_name_the_place() {
        #[derive(Debug, serde::Deserialize)]
        struct Outer {
            #[allow(dead_code)]
            requests: Vec<Body>,
        }
        let reply =
            parse_body_at::<Outer>(br#"{"requests": [{"code": "a"}, {"code": 1}]}"#).unwrap_err();
        let error: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
        assert!(
            error["message"]
                .as_str()
                .unwrap()
                .starts_with("[body:requests.1.code]: invalid type"),
            "{error}"
        );
        let reply = parse_body_at::<Outer>(b"[]").unwrap_err();
        let error: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
        assert!(
            error["message"].as_str().unwrap().starts_with("[body]:"),
            "{error}"
        );
        let reply = parse_body_at::<Outer>(br#"{"requests": []} x"#).unwrap_err();
        let error: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
        assert_eq!(error["finch_code"], "malformed_request");
        assert!(parse_body_at::<Outer>(br#"{"requests": []}"#).is_ok());
    }

    /// JSON Schema's `integer` includes `1308.0`: such numbers reach integer fields, counts
    /// below 0 read as 0, and a fraction or an integer past `i64` is still refused.
    #[test]
    fn integral_numbers_and_counts() {
        #[derive(Debug, serde::Deserialize)]
        struct Item {
            amount: i64,
            hours: f64,
            #[serde(default, deserialize_with = "count")]
            limit: Option<usize>,
        }
        let item: Vec<Item> = parse_array_body_at(
            br#"[{"amount": 1308.0, "hours": 2.0, "limit": -5.0}, {"amount": -0.0, "hours": 1.5}]"#,
        )
        .unwrap();
        assert_eq!(
            (item[0].amount, item[0].hours, item[0].limit),
            (1308, 2.0, Some(0))
        );
        assert_eq!(
            (item[1].amount, item[1].hours, item[1].limit),
            (0, 1.5, None)
        );
        for huge in ["18446744073709551615", "1e30"] {
            let body = format!(r#"{{"amount": 1, "hours": 0, "limit": {huge}}}"#);
            let item: Item = parse_body_at(body.as_bytes()).unwrap();
            assert_eq!(item.limit, Some(usize::MAX), "{huge}");
        }
        let item: Item = parse_body_at(br#"{"amount": 1, "hours": 0, "limit": -1e30}"#).unwrap();
        assert_eq!(item.limit, Some(0));
        // The parser without paths reads them the same way.
        let item: Item = parse_body(br#"{"amount": 30.0, "hours": 1}"#).unwrap();
        assert_eq!(item.amount, 30);
        // Where the spec sets a minimum of 0, below it is refused.
        #[derive(Debug, serde::Deserialize)]
        struct Bounded {
            #[serde(default, deserialize_with = "non_negative_count")]
            offset: Option<usize>,
        }
        for (offset, expected) in [("5", Some(5)), ("1e30", Some(usize::MAX)), ("0.0", Some(0))] {
            let body = format!(r#"{{"offset": {offset}}}"#);
            let bounded: Bounded = parse_body_at(body.as_bytes()).unwrap();
            assert_eq!(bounded.offset, expected, "{offset}");
        }
        for offset in ["-1", "-1e30", "-2.0"] {
            let body = format!(r#"{{"offset": {offset}}}"#);
            assert!(
                parse_body_at::<Bounded>(body.as_bytes()).is_err(),
                "{offset}"
            );
        }
        let error =
            parse_body_at::<Item>(br#"{"amount": 1, "hours": 0, "limit": 2.5}"#).unwrap_err();
        let error: serde_json::Value = serde_json::from_slice(&error.body).unwrap();
        assert!(
            error["message"]
                .as_str()
                .unwrap()
                .starts_with("[body:limit]"),
            "{error}"
        );
        for bad in [
            &br#"{"amount": 1.5, "hours": 0}"#[..],
            br#"{"amount": 1e19, "hours": 0}"#,
        ] {
            let reply = parse_body_at::<Item>(bad).unwrap_err();
            let error: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
            assert!(
                error["message"]
                    .as_str()
                    .unwrap()
                    .starts_with("[body:amount]"),
                "{error}"
            );
        }
    }

    #[test]
    fn good_body_parses() {
        assert_eq!(parse_body::<Body>(b"{\"code\":\"x\"}").unwrap().code, "x");
    }
}
