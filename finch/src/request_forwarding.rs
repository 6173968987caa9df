//! `POST /forward`: send a request to the provider's own API through Finch.

use crate::handles::handle;
use crate::setters::setters;
use finch_core::Nullable;
use finch_macros::finch_endpoint;
use finch_macros::model;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

/// Send a request to the provider's own API through Finch (`POST /forward`), with the
/// connection's credentials at the provider.
///
/// ```
/// use finch::request_forwarding::ForwardRequest;
/// let request = ForwardRequest::new("POST", "/people/search")
///     .param("page", 1)
///     .request_header("Content-Type", "application/json")
///     .data(r#"{"name": "Jane"}"#);
/// let params = request.params.as_ref().and_then(|params| params.as_ref());
/// assert_eq!(params.map(|params| params.len()), Some(1));
/// ```
#[finch_endpoint(POST "/forward", response = ForwardResponse)]
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ForwardRequest {
    /// The HTTP method of the forwarded request: `GET`, `POST`, `PUT`, `DELETE` or `PATCH`.
    pub method: String,
    /// The route at the provider: starts with `/`, then letters, digits, `-` and `_`.
    pub route: String,
    /// The body of the forwarded request, as text (JSON written out as a string);
    /// `Some(Nullable::Null)` sends `null`, `None` leaves it out.
    pub data: Option<Nullable<String>>,
    /// The query parameters of the forwarded request, as a JSON object (not a query string);
    /// `Some(Nullable::Null)` sends `null`, `None` leaves it out.
    pub params: Option<Nullable<Map<String, Value>>>,
    /// The headers of the forwarded request; `Some(Nullable::Null)` sends `null`, `None` leaves
    /// it out.
    pub request_headers: Option<Nullable<Map<String, Value>>>,
}

impl ForwardRequest {
    /// Forwards `method route` (`"GET"`, `"/employees"`).
    pub fn new(method: impl Into<String>, route: impl Into<String>) -> Self {
        ForwardRequest {
            method: method.into(),
            route: route.into(),
            data: None,
            params: None,
            request_headers: None,
        }
    }

    setters! {
        /// Sets the body of the forwarded request.
        data(data: impl Into<String>) / clear_data;
        /// Sets all the query parameters of the forwarded request.
        params(params: Map<String, Value>) / clear_params;
        /// Sets all the headers of the forwarded request.
        request_headers(headers: Map<String, Value>) / clear_request_headers;
    }

    // `param` and `request_header` are written by hand: they add an entry to a map that may have
    // been cleared.

    /// Adds the query parameter `name` (any JSON value).
    pub fn param(mut self, name: impl Into<String>, value: impl Into<Value>) -> Self {
        insert(&mut self.params, name.into(), value.into());
        self
    }

    /// Adds the header `name` to the forwarded request.
    pub fn request_header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        insert(
            &mut self.request_headers,
            name.into(),
            Value::String(value.into()),
        );
        self
    }
}

/// Adds `name` = `value` to a nullable map, starting a new map when it is unset or cleared.
fn insert(map: &mut Option<Nullable<Map<String, Value>>>, name: String, value: Value) {
    match map {
        Some(Nullable::Value(entries)) => {
            entries.insert(name, value);
        }
        _ => *map = Some(Nullable::Value(Map::from_iter([(name, value)]))),
    }
}

/// The provider's reply to a forwarded request, as Finch relays it.
///
/// ```
/// let reply: finch::request_forwarding::ForwardResponse = serde_json::from_str(r#"{
///     "request": {"method": "GET", "route": "/employees", "data": null, "headers": null, "params": {"page": 1}},
///     "statusCode": 200, "data": "{\"employees\": []}", "headers": {"content-type": "application/json"}
/// }"#)?;
/// assert_eq!(reply.status_code, 200);
/// assert_eq!(reply.data.as_deref(), Some(r#"{"employees": []}"#));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(Eq)]
pub struct ForwardResponse {
    /// The request as you sent it, for reference.
    pub request: ForwardedRequest,
    /// The provider's HTTP status (`statusCode` on the wire).
    #[serde(rename = "statusCode")]
    pub status_code: u16,
    /// The provider's reply body as text; `None` when it was empty.
    pub data: Option<String>,
    /// The provider's reply headers, exactly as received.
    pub headers: Option<Map<String, Value>>,
}

/// The forwarded request, as Finch echoes it.
#[model(Eq)]
pub struct ForwardedRequest {
    /// The HTTP method.
    pub method: String,
    /// The route.
    pub route: String,
    /// The body: text, a JSON object, or `None`.
    pub data: Option<ForwardedData>,
    /// The headers.
    pub headers: Option<Map<String, Value>>,
    /// The query parameters.
    pub params: Option<Map<String, Value>>,
}

/// The body of a forwarded request as Finch echoes it: text or a JSON object.
///
/// ```
/// use finch::request_forwarding::ForwardedData;
/// let text: ForwardedData = serde_json::from_str(r#""name=Jane""#)?;
/// assert_eq!(text.as_text(), Some("name=Jane"));
/// let json: ForwardedData = serde_json::from_str(r#"{"name": "Jane"}"#)?;
/// assert!(matches!(json, ForwardedData::Json(_)));
/// let error = serde_json::from_str::<ForwardedData>("7").unwrap_err();
/// assert!(error.to_string().contains("a string or a JSON object"), "{error}");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum ForwardedData {
    /// A text body.
    Text(String),
    /// A JSON object body.
    Json(Map<String, Value>),
}

impl ForwardedData {
    /// The text, for a text body.
    pub fn as_text(&self) -> Option<&str> {
        match self {
            ForwardedData::Text(text) => Some(text),
            ForwardedData::Json(_) => None,
        }
    }

    /// The object, for a JSON object body.
    pub fn as_json(&self) -> Option<&Map<String, Value>> {
        match self {
            ForwardedData::Json(object) => Some(object),
            ForwardedData::Text(_) => None,
        }
    }
}

impl<'de> Deserialize<'de> for ForwardedData {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        match Value::deserialize(deserializer)? {
            Value::String(text) => Ok(ForwardedData::Text(text)),
            Value::Object(object) => Ok(ForwardedData::Json(object)),
            other => Err(serde::de::Error::invalid_type(
                unexpected(&other),
                &"a string or a JSON object",
            )),
        }
    }
}

/// How serde names a JSON value that is not what was expected.
fn unexpected(value: &Value) -> serde::de::Unexpected<'_> {
    use serde::de::Unexpected;
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(flag) => Unexpected::Bool(*flag),
        Value::Number(number) => match (number.as_i64(), number.as_u64(), number.as_f64()) {
            (Some(signed), _, _) => Unexpected::Signed(signed),
            (_, Some(unsigned), _) => Unexpected::Unsigned(unsigned),
            (_, _, Some(float)) => Unexpected::Float(float),
            _ => Unexpected::Other("a number"),
        },
        Value::String(text) => Unexpected::Str(text),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

handle! {
    /// `client.request_forwarding()`.
    pub struct RequestForwarding<'a> {
        /// Sends a request to the provider's API through Finch (`POST /forward`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// use finch::request_forwarding::ForwardRequest;
        /// let reply = finch.request_forwarding()
        ///     .forward(ForwardRequest::new("GET", "/employees").param("page", 2))
        ///     .await?;
        /// println!("{}: {:?}", reply.status_code, reply.data);
        /// # Ok(()) }
        /// ```
        pub async fn forward(self, request: ForwardRequest) -> Result<ForwardResponse, Error>;
    }
}
