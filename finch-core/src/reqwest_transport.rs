//! The default transport: reqwest over rustls (ring), verifying certificates with the platform.

use crate::error::ConfigError;
use crate::transport::{Transport, TransportError, TransportErrorKind};
use bytes::Bytes;
use std::sync::Arc;

/// Sends requests with a pooled [`reqwest::Client`]: HTTP/1.1 keep-alive, rustls with the ring
/// provider, the operating system's certificate store. It follows no redirect itself: a 3xx reply
/// goes back to the finch client, which follows it only within the base URL's origin (see
/// [`RedirectError`](crate::RedirectError)). Timeouts and retries are the finch client's too.
///
/// ```
/// let transport = finch_core::ReqwestTransport::new()?;
/// let client = finch_core::Client::builder().transport(transport).build()?;
/// # Ok::<(), finch_core::Error>(())
/// ```
#[derive(Clone, Debug)]
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
pub struct ReqwestTransport {
    client: reqwest::Client,
    max_response_bytes: usize,
}

/// The largest reply body read by default: 128 MiB, far above Finch's largest pages (a 10,000
/// individual batch is about 6 MiB), so that a broken or hostile server cannot exhaust memory.
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 128 * 1024 * 1024;

impl ReqwestTransport {
    /// A transport with finch's defaults.
    pub fn new() -> Result<Self, ConfigError> {
        let transport_error = |reason: String| ConfigError::Transport { reason };
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let tls = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|error| transport_error(error.to_string()))?;
        let tls = rustls_platform_verifier::BuilderVerifierExt::with_platform_verifier(tls)
            .map_err(|error| transport_error(error.to_string()))?
            .with_no_client_auth();
        let client = reqwest::Client::builder()
            .tls_backend_preconfigured(tls)
            // reqwest's default policy re-sends the body (client secret, code) to another host.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|error| transport_error(error.to_string()))?;
        Ok(ReqwestTransport::from_client(client))
    }

    /// A transport over a `reqwest::Client` you configured (proxies, certificates, pool sizes).
    ///
    /// Build it with `redirect(reqwest::redirect::Policy::none())`, so that redirects come back
    /// to the finch client and its rule applies: followed within the base URL's origin, refused
    /// beyond it. A client that follows a redirect itself has already sent the request (and its
    /// credentials) wherever the server pointed; the transport cannot undo that, but it does not
    /// accept the reply either: it fails with a [`TransportErrorKind::Other`] error naming the
    /// origin and path it landed on.
    ///
    /// ```
    /// // `new()` brings its own TLS set-up; a client of yours needs a rustls provider.
    /// let _ = rustls::crypto::ring::default_provider().install_default();
    /// let client = reqwest::Client::builder()
    ///     .redirect(reqwest::redirect::Policy::none())
    ///     .pool_max_idle_per_host(4)
    ///     .build()
    ///     .map_err(|error| finch_core::ConfigError::Transport { reason: error.to_string() })?;
    /// let transport = finch_core::ReqwestTransport::from_client(client);
    /// # Ok::<(), finch_core::ConfigError>(())
    /// ```
    pub fn from_client(client: reqwest::Client) -> Self {
        ReqwestTransport {
            client,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
        }
    }

    /// The largest reply body to read; a larger one fails with
    /// [`TransportErrorKind::BodyTooLarge`] (default [`DEFAULT_MAX_RESPONSE_BYTES`]).
    ///
    /// ```
    /// let transport = finch_core::ReqwestTransport::new()?.max_response_bytes(16 * 1024 * 1024);
    /// # Ok::<(), finch_core::ConfigError>(())
    /// ```
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = limit;
        self
    }
}

impl Transport for ReqwestTransport {
    async fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> Result<http::Response<Bytes>, TransportError> {
        let (parts, body) = request.into_parts();
        let url = reqwest_url(&parts.uri)?;
        let mut request = reqwest::Request::new(parts.method, url.clone());
        *request.headers_mut() = parts.headers;
        *request.version_mut() = parts.version;
        *request.body_mut() = Some(reqwest::Body::from(body));
        let mut response = self.client.execute(request).await.map_err(map_error)?;
        if response.url() != &url {
            return Err(followed_a_redirect(response.url()));
        }
        let status = response.status();
        let version = response.version();
        let headers = std::mem::take(response.headers_mut());
        let too_large = |size: String| {
            TransportError::new(
                TransportErrorKind::BodyTooLarge,
                format!(
                    "the reply body ({size}) is larger than the limit of {} bytes",
                    self.max_response_bytes
                ),
            )
        };
        let declared = response
            .content_length()
            .and_then(|length| usize::try_from(length).ok());
        if let Some(length) = declared.filter(|&length| length > self.max_response_bytes) {
            return Err(too_large(format!("{length} bytes")));
        }
        // Read chunk by chunk so that a body without (or with a lying) Content-Length cannot grow
        // past the limit either. A body that arrives in one chunk is not copied.
        let mut first: Option<Bytes> = None;
        let mut rest: Option<bytes::BytesMut> = None;
        let mut length = 0usize;
        while let Some(chunk) = response.chunk().await.map_err(map_error)? {
            length += chunk.len();
            if length > self.max_response_bytes {
                return Err(too_large("more than that".to_owned()));
            }
            match (&mut first, &mut rest) {
                (None, _) => first = Some(chunk),
                (Some(first), None) => {
                    let mut joined = bytes::BytesMut::with_capacity(
                        declared.unwrap_or(0).max(first.len() + chunk.len()),
                    );
                    joined.extend_from_slice(first);
                    joined.extend_from_slice(&chunk);
                    rest = Some(joined);
                }
                (Some(_), Some(joined)) => joined.extend_from_slice(&chunk),
            }
        }
        let body = match (first, rest) {
            (_, Some(joined)) => joined.freeze(),
            (Some(first), None) => first,
            (None, None) => Bytes::new(),
        };
        let mut reply = http::Response::new(body);
        *reply.status_mut() = status;
        *reply.version_mut() = version;
        *reply.headers_mut() = headers;
        Ok(reply)
    }
}

/// The URI as reqwest's URL. Written by hand because formatting a `Uri` through `Display` costs
/// more than the rest of the conversion together.
fn reqwest_url(uri: &http::Uri) -> Result<reqwest::Url, TransportError> {
    let (Some(scheme), Some(authority)) = (uri.scheme_str(), uri.authority()) else {
        return Err(TransportError::new(
            TransportErrorKind::Other,
            format!("`{uri}` is not an absolute URI"),
        ));
    };
    let path_and_query = uri
        .path_and_query()
        .map_or("/", |path_and_query| path_and_query.as_str());
    let mut text =
        String::with_capacity(scheme.len() + 3 + authority.as_str().len() + path_and_query.len());
    text.push_str(scheme);
    text.push_str("://");
    text.push_str(authority.as_str());
    text.push_str(path_and_query);
    reqwest::Url::parse(&text).map_err(TransportError::other)
}

/// The error for a reply that came from elsewhere: a user's client followed a redirect itself.
/// It names the origin and path, not the query (which can hold secrets).
fn followed_a_redirect(landed: &reqwest::Url) -> TransportError {
    let port = landed
        .port_or_known_default()
        .map(|port| format!(":{port}"))
        .unwrap_or_default();
    TransportError::new(
        TransportErrorKind::Other,
        format!(
            "the reqwest client followed a redirect to {}://{}{port}{} by itself; build it with \
             `redirect(reqwest::redirect::Policy::none())` so that finch decides which to follow",
            landed.scheme(),
            landed.host_str().unwrap_or_default(),
            landed.path()
        ),
    )
}

/// Keeps reqwest's types out of the public error: only the kind and the text survive.
fn map_error(error: reqwest::Error) -> TransportError {
    let kind = if error.is_timeout() {
        TransportErrorKind::Timeout
    } else if error.is_connect() {
        TransportErrorKind::Connect
    } else if error.is_body() || error.is_decode() || error.is_request() {
        TransportErrorKind::Io
    } else {
        TransportErrorKind::Other
    };
    TransportError::with_source(kind, error)
}
