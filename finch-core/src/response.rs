//! A reply as it came: status, headers and body, decoded on request.

use crate::error::{Accepted, DecodeError, Error};
use crate::redact::RedactedHeaders;
use crate::response_type::DeserializeResponse;
use bytes::Bytes;
use http::{HeaderMap, StatusCode};
use std::fmt;

/// A successful (2xx) reply, undecoded. Error statuses still come back as [`Error::Api`].
///
/// Its `Debug` shows the status, the headers (secret ones redacted), the body's length and the
/// attempts, never the body.
///
/// ```
/// # async fn demo(client: finch_core::Client, request: impl finch_core::Endpoint) -> Result<(), finch_core::Error> {
/// let reply = client.send_raw(&request).await?;
/// println!("{} {:?} after {} attempt(s)", reply.status(), reply.request_id(), reply.attempts());
/// let value: serde_json::Value = reply.json()?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct RawResponse {
    pub(crate) status: StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Bytes,
    pub(crate) attempts: u32,
}

impl RawResponse {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The body.
    pub fn body(&self) -> &Bytes {
        &self.body
    }

    /// The body, owned.
    pub fn into_body(self) -> Bytes {
        self.body
    }

    /// The `Finch-Request-ID` header.
    pub fn request_id(&self) -> Option<&str> {
        self.headers
            .get("finch-request-id")
            .and_then(|value| value.to_str().ok())
    }

    /// How many attempts the call took (1 when the first one succeeded).
    pub fn attempts(&self) -> u32 {
        self.attempts
    }

    /// Decodes the body as `T`. A 202 whose body is Finch's "accepted" object is
    /// [`Error::Accepted`]; a body that does not match `T` is [`Error::Decode`], which masks the
    /// built-in secret members (use [`json_with_secrets`](Self::json_with_secrets) for an
    /// endpoint's own).
    ///
    /// A reply without a body (a `204 No Content`, an empty `200`, or only whitespace) decodes as
    /// JSON `null` would: `()` and `Option<T>` (as `None`) accept it, any other type fails with a
    /// message that says the body was empty. A body for `()` is an error too: an endpoint declared
    /// `response = ()` expects none.
    ///
    /// ```
    /// # async fn demo(client: finch_core::Client, request: impl finch_core::Endpoint) -> Result<(), finch_core::Error> {
    /// let reply = client.send_raw(&request).await?; // say, 204 No Content
    /// let nothing: () = reply.json()?;
    /// let maybe: Option<serde_json::Value> = reply.json()?; // None
    /// # Ok(()) }
    /// ```
    pub fn json<T: DeserializeResponse>(&self) -> Result<T, Error> {
        self.json_with_secrets(&[])
    }

    /// [`json`](Self::json), masking the values of `secret_members` in a decode error as well as
    /// the built-in ones.
    ///
    /// ```
    /// # async fn demo<E: finch_core::Endpoint>(client: finch_core::Client, request: E) -> Result<(), finch_core::Error> {
    /// let reply = client.send_raw(&request).await?;
    /// let value: E::Response = reply.json_with_secrets(E::SECRET_MEMBERS)?;
    /// # Ok(()) }
    /// ```
    pub fn json_with_secrets<T: DeserializeResponse>(
        &self,
        secret_members: &[&str],
    ) -> Result<T, Error> {
        if self.status == StatusCode::ACCEPTED
            && let Some(accepted) =
                Accepted::parse(&self.body, self.request_id().map(str::to_owned))
        {
            return Err(Error::Accepted(Box::new(accepted)));
        }
        DecodeError::decode_reply(&self.body, self.status, self.request_id(), secret_members)
            .map_err(Error::Decode)
    }
}

impl fmt::Debug for RawResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RawResponse")
            .field("status", &self.status)
            .field("headers", &RedactedHeaders(&self.headers))
            .field("body_len", &self.body.len())
            .field("attempts", &self.attempts)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(status: u16, body: &'static [u8]) -> RawResponse {
        RawResponse {
            status: StatusCode::from_u16(status).unwrap(),
            headers: HeaderMap::new(),
            body: Bytes::from_static(body),
            attempts: 1,
        }
    }

    #[test]
    fn an_empty_body_is_unit_or_none() {
        for status in [200, 201, 204] {
            for body in [&b""[..], b"  \r\n"] {
                let reply = reply(status, body);
                reply.json::<()>().unwrap();
                assert_eq!(reply.json::<Option<Vec<u8>>>().unwrap(), None);
            }
        }
        assert_eq!(
            reply(200, b"[1]").json::<Option<Vec<u8>>>().unwrap(),
            Some(vec![1])
        );
    }

    #[test]
    fn an_empty_body_for_a_type_that_needs_one_says_so() {
        #[derive(Debug, serde::Deserialize)]
        struct Company {
            _id: String,
        }
        let Err(Error::Decode(error)) = reply(204, b"").json::<Company>() else {
            panic!("expected a decode error");
        };
        assert!(error.message.contains("no body"), "{error}");
        assert!(error.message.contains("response = ()"), "{error}");
    }

    #[test]
    fn a_body_for_unit_is_an_error_that_masks_secrets() {
        let Err(Error::Decode(error)) = reply(200, br#"{"access_token":"SENTINEL"}"#).json::<()>()
        else {
            panic!("expected a decode error");
        };
        assert!(error.message.contains("expects no body"), "{error}");
        assert_eq!(error.type_name, "()");
        assert!(!error.to_string().contains("SENTINEL"), "{error}");
    }
}
