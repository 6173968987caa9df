//! [`RecordedRequest`]: what the stand-in saw, for tests to assert on.

use std::fmt;

use bytes::Bytes;
use http::{HeaderMap, Method};

/// One HTTP request exactly as the stand-in received it, in arrival order from
/// [`StandIn::requests`](super::StandIn::requests).
///
/// Everything is recorded, including requests the stand-in rejected (a missing version header,
/// bad credentials, an unknown route), so a test can check what an SDK really sent.
///
/// `Debug` output hides the value of the `Authorization` header; read it with
/// [`header`](Self::header) when a test needs it.
#[derive(Clone)]
#[non_exhaustive]
pub struct RecordedRequest {
    /// The request method.
    pub method: Method,
    /// The path as sent, still percent-encoded (for example `/employer/benefits/..%2Fx`).
    pub path: String,
    /// The raw query string without the `?`, if the request had one.
    pub query: Option<String>,
    /// All request headers.
    pub headers: HeaderMap,
    /// The request body (empty when there was none).
    pub body: Bytes,
    /// The path template of the operation the request was routed to
    /// (`/employer/benefits/{benefit_id}`), or `None` when it matched no operation (an unknown
    /// path, a wrong method, a missing version header).
    pub route: Option<&'static str>,
}

impl RecordedRequest {
    /// The value of header `name` (case-insensitive), if present and valid UTF-8. When a header
    /// is repeated, the first value.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let stand_in = finch_stand_in::StandIn::start().await?;
    /// // ... let the code under test call the stand-in ...
    /// for request in stand_in.requests() {
    ///     assert_eq!(request.header("finch-api-version"), Some("2020-09-17"));
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|value| value.to_str().ok())
    }

    /// The query string's `name=value` pairs, percent-decoded, in order (so `entity_ids%5B%5D=x`
    /// reads as `("entity_ids[]", "x")`).
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        super::url::query_pairs(self.query.as_deref().unwrap_or(""))
    }

    /// The body parsed as JSON, or `None` when it is empty or not JSON.
    pub fn json(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(&self.body).ok()
    }
}

impl fmt::Debug for RecordedRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Headers<'a>(&'a HeaderMap);
        impl fmt::Debug for Headers<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut map = f.debug_map();
                for (name, value) in self.0 {
                    if name == http::header::AUTHORIZATION {
                        map.entry(&name.as_str(), &"<redacted>");
                    } else {
                        map.entry(&name.as_str(), value);
                    }
                }
                map.finish()
            }
        }
        f.debug_struct("RecordedRequest")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("query", &self.query)
            .field("headers", &Headers(&self.headers))
            .field("body", &String::from_utf8_lossy(&self.body))
            .field("route", &self.route)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn sample() -> RecordedRequest {
        let mut headers = HeaderMap::new();
        headers.insert(
            http::header::AUTHORIZATION,
            HeaderValue::from_static("Bearer secret-token"),
        );
        headers.insert("finch-api-version", HeaderValue::from_static("2020-09-17"));
        RecordedRequest {
            method: Method::GET,
            path: "/employer/directory".to_owned(),
            query: Some("entity_ids%5B%5D=abc&limit=5".to_owned()),
            headers,
            body: Bytes::from_static(b"{\"a\":1}"),
            route: Some("/employer/directory"),
        }
    }

    #[test]
    fn accessors() {
        let request = sample();
        assert_eq!(request.header("Finch-API-Version"), Some("2020-09-17"));
        assert_eq!(request.header("authorization"), Some("Bearer secret-token"));
        assert_eq!(
            request.query_pairs()[0],
            ("entity_ids[]".to_owned(), "abc".to_owned())
        );
        assert_eq!(request.json(), Some(serde_json::json!({"a": 1})));
    }

    #[test]
    fn debug_hides_authorization() {
        let text = format!("{:?}", sample());
        assert!(!text.contains("secret-token"), "{text}");
        assert!(
            text.contains("<redacted>") && text.contains("2020-09-17"),
            "{text}"
        );
    }
}
