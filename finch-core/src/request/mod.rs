//! The writers an endpoint fills in: path, query, headers and body. The attribute generates calls
//! to them; everything they do (encoding, leaving out `None`, checking values) lives here once.

mod flatten;
pub(crate) mod value;

use crate::credentials::{Credential, Credentials};
use crate::error::RequestError;
use crate::redact::{self, RedactedHeaders, header_value_shown, is_secret_header, redact_query};
use bytes::Bytes;
use flatten::{Shape, flatten};
use http::header::{HeaderMap, HeaderName, HeaderValue};
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;
use std::fmt;

/// Everything but the unreserved characters of RFC 3986 (`A-Z a-z 0-9 - . _ ~`) is encoded, so a
/// value can never add a `/`, `?`, `#` or `%` of its own to a path or query.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Query keys keep their brackets (`entity_ids[]`), as the official SDKs send them.
const QUERY_KEY: &AsciiSet = &COMPONENT.remove(b'[').remove(b']');

/// A value that can be written into a request. Every `serde::Serialize` type is one.
///
/// It exists so that a field whose type cannot be sent is reported on that field, with a message
/// that says what to do.
///
/// ```
/// fn sendable<T: finch_core::WireValue + ?Sized>() {}
/// sendable::<Option<Vec<String>>>();
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be sent in a finch request",
    label = "this field's type does not implement `serde::Serialize`",
    note = "add `#[derive(serde::Serialize)]` to `{Self}`, or use a type that implements it"
)]
pub trait WireValue: Serialize {}

impl<T: Serialize + ?Sized> WireValue for T {}

/// Builds the path: the template's literal parts and each parameter as one encoded segment.
///
/// ```
/// let mut path = finch_core::PathWriter::new();
/// path.literal("/employer/benefits/");
/// path.param("benefit_id", "../auth/token")?;
/// path.literal("/individuals");
/// assert_eq!(path.as_str(), "/employer/benefits/..%2Fauth%2Ftoken/individuals");
/// # Ok::<(), finch_core::RequestError>(())
/// ```
#[derive(Debug, Default)]
pub struct PathWriter {
    path: String,
}

impl PathWriter {
    /// An empty path.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends a literal part of the template, as written.
    pub fn literal(&mut self, part: &str) {
        self.path.push_str(part);
    }

    /// Appends a parameter as a single percent-encoded segment.
    ///
    /// Empty values and the segments `.` and `..` are refused: each would change which resource
    /// the path names.
    pub fn param<T: WireValue + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
    ) -> Result<(), RequestError> {
        let text = single_value(name, value, "path parameter")?;
        let Some(text) = text else {
            return Err(RequestError::InvalidPathParam {
                name: name.to_owned(),
                value: String::new(),
                reason: "it has no value".into(),
            });
        };
        if text.is_empty() || text == "." || text == ".." {
            return Err(RequestError::InvalidPathParam {
                name: name.to_owned(),
                value: text,
                reason: "an empty, `.` or `..` segment would change which resource the path names"
                    .into(),
            });
        }
        self.path.extend(utf8_percent_encode(&text, COMPONENT));
        Ok(())
    }

    /// The path written so far.
    pub fn as_str(&self) -> &str {
        &self.path
    }

    pub(crate) fn into_string(self) -> String {
        self.path
    }
}

/// Builds the query string. `None` is left out, sequences are written `name[]=a&name[]=b`,
/// maps `name[key]=value`, and every key and value is percent-encoded.
///
/// ```
/// let mut query = finch_core::QueryWriter::new();
/// query.param("limit", &Some(100))?;
/// query.param("offset", &None::<u32>)?;
/// query.param("entity_ids", &["a b", "c&d=e"])?;
/// assert_eq!(query.as_str(), "limit=100&entity_ids[]=a%20b&entity_ids[]=c%26d%3De");
/// # Ok::<(), finch_core::RequestError>(())
/// ```
#[derive(Clone, Default)]
pub struct QueryWriter {
    query: String,
}

impl fmt::Debug for QueryWriter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("QueryWriter")
            .field("query", &redact_query(&self.query))
            .finish()
    }
}

impl QueryWriter {
    /// An empty query.
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends one field.
    pub fn param<T: WireValue + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
    ) -> Result<(), RequestError> {
        let pairs = flatten(name, value, Shape::Nested).map_err(|error| {
            RequestError::InvalidQueryParam {
                name: name.to_owned(),
                reason: error.0,
            }
        })?;
        for (key, text) in pairs {
            self.push_pair(&key, &text);
        }
        Ok(())
    }

    /// Appends an already-flat `key=value` pair (used for per-request extra query parameters).
    pub fn push_pair(&mut self, key: &str, value: &str) {
        if !self.query.is_empty() {
            self.query.push('&');
        }
        self.query.extend(utf8_percent_encode(key, QUERY_KEY));
        self.query.push('=');
        self.query.extend(utf8_percent_encode(value, COMPONENT));
    }

    /// The query written so far, without the leading `?`.
    pub fn as_str(&self) -> &str {
        &self.query
    }

    pub(crate) fn into_string(self) -> String {
        self.query
    }
}

/// Collects the endpoint's own headers. `None` is left out; a value with a control character
/// (such as CR or LF) is refused before anything is sent.
///
/// ```
/// let mut headers = finch_core::HeaderWriter::new();
/// headers.header("X-Idempotency-Key", "abc")?;
/// assert!(headers.header("X-Evil", "a\r\nInjected: yes").is_err());
/// assert_eq!(headers.headers()["x-idempotency-key"], "abc");
/// # Ok::<(), finch_core::RequestError>(())
/// ```
#[derive(Default)]
pub struct HeaderWriter {
    headers: HeaderMap,
}

impl fmt::Debug for HeaderWriter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HeaderWriter")
            .field("headers", &RedactedHeaders(&self.headers))
            .finish()
    }
}

impl HeaderWriter {
    /// No headers.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one header.
    pub fn header<T: WireValue + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
    ) -> Result<(), RequestError> {
        let Some(text) = single_value(name, value, "header")? else {
            return Ok(());
        };
        let header_name =
            HeaderName::from_bytes(name.as_bytes()).map_err(|_| RequestError::InvalidHeader {
                name: name.to_owned(),
                value: header_value_shown(name, &text),
                reason: "the header name is not a valid HTTP token".into(),
            })?;
        let mut header_value =
            HeaderValue::from_str(&text).map_err(|_| RequestError::InvalidHeader {
                name: name.to_owned(),
                value: header_value_shown(name, &text),
                reason: "header values cannot contain control characters such as CR or LF".into(),
            })?;
        // `http`'s own Debug (and HTTP/2's header compression) then leave the value out.
        header_value.set_sensitive(is_secret_header(name));
        self.headers.append(header_name, header_value);
        Ok(())
    }

    /// The headers written so far.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    pub(crate) fn from_headers(headers: HeaderMap) -> Self {
        HeaderWriter { headers }
    }

    pub(crate) fn into_headers(self) -> HeaderMap {
        self.headers
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BodyShape {
    Absent,
    Object { fields: usize },
    Whole,
}

/// Builds the JSON body: either an object from the fields (optional ones left out when `None`) or
/// one field that is the whole body (such as a top-level array).
///
/// ```
/// use finch_core::{BodyWriter, Credential, Credentials};
/// let credentials = Credentials::new().client_id("my-id");
/// let mut body = BodyWriter::new(&credentials);
/// body.credential_field("client_id", &None::<String>, Credential::ClientId)?;
/// body.field("code", "abc")?;
/// body.optional_field("redirect_uri", &None::<String>)?;
/// assert_eq!(body.finish().unwrap(), r#"{"client_id":"my-id","code":"abc"}"#);
/// # Ok::<(), finch_core::RequestError>(())
/// ```
pub struct BodyWriter<'a> {
    credentials: &'a Credentials,
    buffer: Vec<u8>,
    shape: BodyShape,
}

impl fmt::Debug for BodyWriter<'_> {
    /// The body as an excerpt with secret members masked: it holds `client_secret` and `code`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BodyWriter")
            .field("body", &redact::excerpt(&self.buffer, 0, &[]))
            .field("len", &self.buffer.len())
            .finish_non_exhaustive()
    }
}

impl<'a> BodyWriter<'a> {
    /// An empty body; `credentials` fill fields marked `#[finch(credential = ...)]` that are unset.
    pub fn new(credentials: &'a Credentials) -> Self {
        BodyWriter {
            credentials,
            // Allocated on the first write: most requests (every GET) have no body.
            buffer: Vec::new(),
            shape: BodyShape::Absent,
        }
    }

    /// Writes a member of the JSON object.
    pub fn field<T: WireValue + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
    ) -> Result<(), RequestError> {
        let fields = match self.shape {
            BodyShape::Absent => {
                self.buffer.reserve(256);
                self.buffer.push(b'{');
                0
            }
            BodyShape::Object { fields } => {
                if fields > 0 {
                    self.buffer.push(b',');
                }
                fields
            }
            BodyShape::Whole => {
                return Err(RequestError::body(
                    name,
                    "the body is already a whole value",
                ));
            }
        };
        serde_json::to_writer(&mut self.buffer, name)
            .map_err(|error| RequestError::body(name, error))?;
        self.buffer.push(b':');
        serde_json::to_writer(&mut self.buffer, value)
            .map_err(|error| RequestError::body(name, error))?;
        self.shape = BodyShape::Object { fields: fields + 1 };
        Ok(())
    }

    /// Writes a member when it is `Some`; when it is `None` the member is left out, but the body
    /// is still an object (an endpoint whose fields are all `None` sends `{}`).
    pub fn optional_field<T: WireValue>(
        &mut self,
        name: &str,
        value: &Option<T>,
    ) -> Result<(), RequestError> {
        match value {
            Some(value) => self.field(name, value),
            None => self.declare_object(name),
        }
    }

    /// Writes a member that defaults to one of the client's credentials when the request leaves it
    /// unset. Fails before anything is sent when neither has it.
    pub fn credential_field<T: WireValue>(
        &mut self,
        name: &str,
        value: &Option<T>,
        credential: Credential,
    ) -> Result<(), RequestError> {
        if let Some(value) = value {
            return self.field(name, value);
        }
        let from_client = match credential {
            Credential::ClientId => self.credentials.client_id_ref(),
            Credential::ClientSecret => self
                .credentials
                .client_secret_ref()
                .map(|secret| secret.expose()),
            Credential::AccessToken => self
                .credentials
                .access_token_ref()
                .map(|secret| secret.expose()),
        };
        match from_client {
            Some(text) => self.field(name, text),
            None => Err(RequestError::MissingCredential {
                credential,
                needed_by: name.to_owned(),
            }),
        }
    }

    /// Writes the whole body from one value (for example a top-level JSON array).
    pub fn whole<T: WireValue + ?Sized>(
        &mut self,
        name: &str,
        value: &T,
    ) -> Result<(), RequestError> {
        if self.shape != BodyShape::Absent {
            return Err(RequestError::body(name, "the body already has fields"));
        }
        self.buffer.reserve(256);
        serde_json::to_writer(&mut self.buffer, value)
            .map_err(|error| RequestError::body(name, error))?;
        self.shape = BodyShape::Whole;
        Ok(())
    }

    /// The finished body, or `None` when the endpoint has no body.
    pub fn finish(mut self) -> Option<Bytes> {
        match self.shape {
            BodyShape::Absent => None,
            BodyShape::Object { fields: 0 } => Some(Bytes::from_static(b"{}")),
            BodyShape::Object { .. } => {
                self.buffer.push(b'}');
                Some(Bytes::from(self.buffer))
            }
            BodyShape::Whole => Some(Bytes::from(self.buffer)),
        }
    }

    fn declare_object(&mut self, name: &str) -> Result<(), RequestError> {
        match self.shape {
            BodyShape::Absent => {
                self.buffer.reserve(256);
                self.buffer.push(b'{');
                self.shape = BodyShape::Object { fields: 0 };
                Ok(())
            }
            BodyShape::Object { .. } => Ok(()),
            BodyShape::Whole => Err(RequestError::body(
                name,
                "the body is already a whole value",
            )),
        }
    }
}

/// Writes `value` as at most one piece of text (path segments and headers).
fn single_value<T: WireValue + ?Sized>(
    name: &str,
    value: &T,
    place: &str,
) -> Result<Option<String>, RequestError> {
    let invalid = |reason: String| match place {
        "header" => RequestError::InvalidHeader {
            name: name.to_owned(),
            value: String::new(),
            reason,
        },
        _ => RequestError::InvalidPathParam {
            name: name.to_owned(),
            value: String::new(),
            reason,
        },
    };
    let mut pairs = flatten(name, value, Shape::Scalar).map_err(|error| invalid(error.0))?;
    match pairs.len() {
        0 => Ok(None),
        1 => Ok(pairs.pop().map(|(_, text)| text)),
        _ => Err(invalid(format!("a {place} takes a single value"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_segments_cannot_escape() {
        for (value, encoded) in [
            ("../../auth/token", "..%2F..%2Fauth%2Ftoken"),
            ("a/b", "a%2Fb"),
            ("%2F", "%252F"),
            ("a b", "a%20b"),
            ("?x#y", "%3Fx%23y"),
            ("ünï", "%C3%BCn%C3%AF"),
        ] {
            let mut path = PathWriter::new();
            path.literal("/employer/benefits/");
            path.param("benefit_id", value).unwrap();
            assert_eq!(path.as_str(), format!("/employer/benefits/{encoded}"));
        }
        for value in ["", ".", ".."] {
            let error = PathWriter::new().param("benefit_id", value).unwrap_err();
            assert!(error.to_string().contains("benefit_id"), "{error}");
        }
    }

    #[test]
    fn secret_header_values_are_neither_echoed_nor_shown() {
        let error = HeaderWriter::new()
            .header("X-Auth-Token", "SENTINEL\nx")
            .unwrap_err();
        assert!(
            !format!("{error} {error:?}").contains("SENTINEL"),
            "{error}"
        );
        let mut headers = HeaderWriter::new();
        headers.header("X-Api-Key", "SENTINEL").unwrap();
        assert!(headers.headers()["x-api-key"].is_sensitive());
        assert!(!format!("{headers:?} {:?}", headers.headers()).contains("SENTINEL"));
    }

    #[test]
    fn header_values_with_newlines_are_refused() {
        let error = HeaderWriter::new().header("X-Note", "a\nb").unwrap_err();
        let shown = error.to_string();
        assert!(shown.contains("X-Note") && shown.contains("\\n"), "{shown}");
        let mut headers = HeaderWriter::new();
        headers.header("X-Note", &None::<String>).unwrap();
        assert!(headers.headers().is_empty());
    }

    #[test]
    fn body_shapes() {
        let credentials = Credentials::new();
        let mut body = BodyWriter::new(&credentials);
        body.whole("individuals", &[1, 2]).unwrap();
        assert_eq!(body.finish().unwrap(), "[1,2]");

        let mut body = BodyWriter::new(&credentials);
        body.optional_field("a", &None::<u8>).unwrap();
        assert_eq!(body.finish().unwrap(), "{}");

        assert!(BodyWriter::new(&credentials).finish().is_none());

        let error = BodyWriter::new(&credentials)
            .credential_field("client_secret", &None::<String>, Credential::ClientSecret)
            .unwrap_err();
        assert!(error.to_string().contains("FINCH_CLIENT_SECRET"), "{error}");
    }
}
