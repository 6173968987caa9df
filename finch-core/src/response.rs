//! A reply as it came: status, headers and body, decoded on request.

use crate::error::{Accepted, DecodeError, Error};
use bytes::Bytes;
use http::{HeaderMap, StatusCode};
use serde::de::DeserializeOwned;

/// A successful (2xx) reply, undecoded. Error statuses still come back as [`Error::Api`].
///
/// ```
/// # async fn demo(client: finch_core::Client, request: impl finch_core::Endpoint) -> Result<(), finch_core::Error> {
/// let reply = client.send_raw(&request).await?;
/// println!("{} {:?} after {} attempt(s)", reply.status(), reply.request_id(), reply.attempts());
/// let value: serde_json::Value = reply.json()?;
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
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
    /// [`Error::Accepted`]; a body that does not match `T` is [`Error::Decode`].
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, Error> {
        if self.status == StatusCode::ACCEPTED
            && let Some(accepted) =
                Accepted::parse(&self.body, self.request_id().map(str::to_owned))
        {
            return Err(Error::Accepted(Box::new(accepted)));
        }
        DecodeError::decode(&self.body, self.status, self.request_id()).map_err(Error::Decode)
    }
}
