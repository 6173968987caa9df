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
use serde_json::error::Category;

use super::reply::Reply;

/// Parses `body` as `T`.
///
/// * no body: as `{}`;
/// * invalid JSON: 400 `bad_request_error` / `malformed_request` with serde's message;
/// * valid JSON of the wrong shape (missing field, wrong type): 400 `invalid_request_error` /
///   `invalid_request` with serde's message.
pub(crate) fn parse_body<T: DeserializeOwned>(body: &[u8]) -> Result<T, Reply> {
    serde_json::from_slice(or_empty(body, b"{}")).map_err(|error| match error.classify() {
        Category::Data => Reply::invalid(&format!("invalid request body: {error}")),
        Category::Io | Category::Syntax | Category::Eof => {
            malformed(&format!("the request body is not valid JSON: {error}"))
        }
    })
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
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = body_path(&error.path().to_string());
        let inner = error.into_inner();
        match inner.classify() {
            Category::Data => Reply::invalid(&format!("[{path}]: {inner}")),
            Category::Io | Category::Syntax | Category::Eof => {
                malformed(&format!("the request body is not valid JSON: {inner}"))
            }
        }
    })?;
    deserializer
        .end()
        .map_err(|error| malformed(&format!("the request body is not valid JSON: {error}")))?;
    Ok(value)
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

    #[test]
    fn good_body_parses() {
        assert_eq!(parse_body::<Body>(b"{\"code\":\"x\"}").unwrap().code, "x");
    }
}
