//! The default transport: reqwest over rustls (ring), verifying certificates with the platform's
//! roots, which are read on the first TLS handshake of the process (never for plain http).

use crate::error::ConfigError;
use crate::transport::{Transport, TransportError, TransportErrorKind};
use bytes::Bytes;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// Sends requests with a pooled [`reqwest::Client`]: HTTP/1.1 keep-alive, rustls with the ring
/// provider, the operating system's certificate store. It follows no redirect itself: a 3xx reply
/// goes back to the finch client, which follows it only within the base URL's origin (see
/// [`RedirectError`](crate::RedirectError)). Timeouts and retries are the finch client's too.
///
/// Building one costs little: the platform's root certificates are loaded on the first TLS
/// handshake of the process, once, and shared by every transport; a process that talks plain
/// `http` to a loopback stand-in never loads them.
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
    /// Whether `client` may follow redirects by itself (a client of the user's): each reply's URL
    /// is then compared with the request's. The client of [`new`](Self::new) follows none.
    may_redirect: bool,
    /// The first origin sent to, parsed once (`None` if it cannot be kept whole): a request to it
    /// parses only its path and query.
    origin: Arc<OnceLock<Option<Origin>>>,
    /// The last path sent to at that origin, and its URL (without a query): the same endpoint
    /// called again (a token exchange, the pages of a listing) clones it instead of parsing the
    /// path again, and sets only its query.
    last: Arc<Mutex<Option<(String, reqwest::Url)>>>,
}

/// Whether reqwest would find a proxy to use: one of the variables it reads is set, or the
/// platform has proxy settings of its own that reqwest may read (macOS, Windows).
fn proxy_configured() -> bool {
    cfg!(any(target_os = "macos", windows))
        || [
            "ALL_PROXY",
            "all_proxy",
            "HTTP_PROXY",
            "http_proxy",
            "HTTPS_PROXY",
            "https_proxy",
        ]
        .into_iter()
        .any(|name| std::env::var_os(name).is_some())
}

/// The largest reply body read by default: 128 MiB, far above Finch's largest pages (a 10,000
/// individual batch is about 6 MiB), so that a broken or hostile server cannot exhaust memory.
#[cfg_attr(docsrs, doc(cfg(feature = "reqwest")))]
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 128 * 1024 * 1024;

impl ReqwestTransport {
    /// A transport with finch's defaults.
    pub fn new() -> Result<Self, ConfigError> {
        Self::with_roots(&PLATFORM_ROOTS)
    }

    /// [`new`](Self::new), verifying with the roots `roots` loads (the process's own, except in
    /// tests).
    fn with_roots(roots: &'static PlatformRoots) -> Result<Self, ConfigError> {
        let transport_error = |reason: String| ConfigError::Transport { reason };
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let verifier = LazyPlatformVerifier {
            provider: Arc::clone(&provider),
            roots,
        };
        let tls = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|error| transport_error(error.to_string()))?
            // `dangerous` only because rustls cannot check a verifier of ours: it is the
            // platform's verifier, loaded on first use.
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(verifier))
            .with_no_client_auth();
        let mut builder = reqwest::Client::builder()
            .tls_backend_preconfigured(tls)
            // reqwest's default policy re-sends the body (client secret, code) to another host.
            .redirect(reqwest::redirect::Policy::none())
            // The finch client retries; reqwest's own layer (for HTTP/2 refusals, which an
            // HTTP/1.1 client never sees) would only copy every request's headers in case.
            .retry(reqwest::retry::never().max_retries_per_request(0));
        if !proxy_configured() {
            // reqwest reads the proxy variables once, here; with none set, matching every
            // request against an empty list only costs time.
            builder = builder.no_proxy();
        }
        let client = builder
            .build()
            .map_err(|error| transport_error(error.to_string()))?;
        Ok(ReqwestTransport {
            may_redirect: false,
            ..ReqwestTransport::from_client(client)
        })
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
            may_redirect: true,
            origin: Arc::default(),
            last: Arc::default(),
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
        let url = self.url(&parts.uri)?;
        let sent_to = self.may_redirect.then(|| url.clone());
        let mut request = reqwest::Request::new(parts.method, url);
        *request.headers_mut() = parts.headers;
        *request.version_mut() = parts.version;
        *request.body_mut() = Some(reqwest::Body::from(body));
        let mut response = self.client.execute(request).await.map_err(map_error)?;
        if let Some(sent_to) = sent_to
            && response.url() != &sent_to
        {
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

impl ReqwestTransport {
    /// The URI as reqwest's URL. Parsing a whole URL (its host above all) costs more than the rest
    /// of a request's preparation together, so the origin is parsed once: a request to it clones
    /// that and sets its path and query, which the URL parser still checks and encodes.
    fn url(&self, uri: &http::Uri) -> Result<reqwest::Url, TransportError> {
        let (Some(scheme), Some(authority)) = (uri.scheme(), uri.authority()) else {
            return Err(TransportError::new(
                TransportErrorKind::Other,
                format!("`{uri}` is not an absolute URI"),
            ));
        };
        match self.origin.get_or_init(|| Origin::parse(scheme, authority)) {
            // The authority exactly as first seen (the client sends its base URL's each time).
            Some(origin)
                if origin.scheme == *scheme && origin.authority.as_str() == authority.as_str() =>
            {
                let path = uri.path();
                // `try_lock`: a request never waits for another; it builds its own URL instead.
                let cached = match self.last.try_lock() {
                    Ok(last) => last
                        .as_ref()
                        .filter(|(last_path, _)| last_path == path)
                        .map(|(_, url)| url.clone()),
                    Err(_) => None,
                };
                let mut url = match cached {
                    Some(url) => url,
                    None => {
                        let mut url = origin.url.clone();
                        url.set_path(path);
                        if let Ok(mut last) = self.last.try_lock() {
                            *last = Some((path.to_owned(), url.clone()));
                        }
                        url
                    }
                };
                if let Some(query) = uri.query() {
                    url.set_query(Some(query));
                }
                Ok(url)
            }
            _ => parse_url(uri),
        }
    }
}

/// An origin (`scheme://authority`) and its parsed URL.
#[derive(Debug)]
struct Origin {
    scheme: http::uri::Scheme,
    authority: http::uri::Authority,
    url: reqwest::Url,
}

impl Origin {
    fn parse(scheme: &http::uri::Scheme, authority: &http::uri::Authority) -> Option<Origin> {
        let url = reqwest::Url::parse(&format!("{scheme}://{authority}/")).ok()?;
        // Only an origin the URL keeps whole: no user info, a host (`set_path` then behaves as
        // parsing does).
        (url.has_host() && url.username().is_empty() && url.password().is_none()).then(|| Origin {
            scheme: scheme.clone(),
            authority: authority.clone(),
            url,
        })
    }
}

/// The whole URI parsed as a URL. Written by hand because formatting a `Uri` through `Display`
/// costs more than the rest of the conversion together.
fn parse_url(uri: &http::Uri) -> Result<reqwest::Url, TransportError> {
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

/// Where the platform's roots are loaded, once per process.
static PLATFORM_ROOTS: PlatformRoots = PlatformRoots::new();

/// The platform's verifier (its roots loaded from the system), made on first use and then
/// shared, and how many times it was made (once at most; a test reads it).
struct PlatformRoots {
    verifier: OnceLock<Result<Arc<rustls_platform_verifier::Verifier>, rustls::Error>>,
    loads: AtomicUsize,
}

impl PlatformRoots {
    const fn new() -> Self {
        PlatformRoots {
            verifier: OnceLock::new(),
            loads: AtomicUsize::new(0),
        }
    }

    fn verifier(
        &self,
        provider: &Arc<CryptoProvider>,
    ) -> Result<&rustls_platform_verifier::Verifier, rustls::Error> {
        let verifier = self.verifier.get_or_init(|| {
            self.loads.fetch_add(1, Ordering::Relaxed);
            rustls_platform_verifier::Verifier::new(Arc::clone(provider)).map(Arc::new)
        });
        match verifier {
            Ok(verifier) => Ok(verifier),
            Err(error) => Err(error.clone()),
        }
    }
}

/// The platform's certificate verification, with the roots loaded on the first certificate to
/// verify instead of when the client is built: loading them reads and parses every certificate
/// of the system's store (about 18 million instructions), which a process that never opens a TLS
/// connection should not pay. A store that cannot be read fails that handshake (a
/// [`Connect`](TransportErrorKind::Connect) error) instead of the transport's construction.
#[derive(Debug)]
struct LazyPlatformVerifier {
    provider: Arc<CryptoProvider>,
    roots: &'static PlatformRoots,
}

impl std::fmt::Debug for PlatformRoots {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PlatformRoots")
            .field("loaded", &self.verifier.get().is_some())
            .finish()
    }
}

impl ServerCertVerifier for LazyPlatformVerifier {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        self.roots.verifier(&self.provider)?.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        )
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.roots
            .verifier(&self.provider)?
            .verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.roots
            .verifier(&self.provider)?
            .verify_tls13_signature(message, cert, dss)
    }

    /// Asked before any certificate arrives (for the hello): the provider's schemes, which are
    /// what the platform verifier answers too, without loading the roots.
    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
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

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)] // tests may fail loudly
mod tests {
    use super::*;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    #[test]
    fn urls_are_what_parsing_the_whole_uri_gives() {
        let transport = ReqwestTransport::new().unwrap();
        for uri in [
            "http://127.0.0.1:8080/auth/token",
            "http://127.0.0.1:8080/employer/directory?limit=100&offset=200",
            // The same path again (from the last URL built), with another query, then none.
            "http://127.0.0.1:8080/employer/directory?limit=100&offset=300",
            "http://127.0.0.1:8080/employer/directory",
            "http://127.0.0.1:8080/employer/directory?",
            "http://127.0.0.1:8080/",
            "http://127.0.0.1:8080/a/./b/../c?",
            "http://127.0.0.1:8080/employer/benefits/a%2Fb%20c?entity_ids[]=x&q=%C3%BC%22",
            "http://127.0.0.1:8080/%7Bodd%7D/%25/~?a=b=c&&d",
            // Other origins than the first one seen: parsed whole.
            "http://LOCALHOST:80/x?y=1",
            "https://api.tryfinch.com/employer/company",
            "https://[::1]:8443/p?q",
            "https://user:secret@example.com/p",
            // And the first origin again, twice (the second from the last URL built).
            "http://127.0.0.1:8080/employer/company",
            "http://127.0.0.1:8080/employer/company",
            "http://127.0.0.1:8080/employer/company?a=1",
        ] {
            let uri: http::Uri = uri.parse().unwrap();
            let parsed = reqwest::Url::parse(&uri.to_string()).unwrap();
            assert_eq!(transport.url(&uri).unwrap(), parsed, "{uri}");
        }
        assert_eq!(
            transport
                .origin
                .get()
                .and_then(Option::as_ref)
                .map(|origin| origin.url.as_str()),
            Some("http://127.0.0.1:8080/")
        );
        let relative: http::Uri = "/auth/token".parse().unwrap();
        assert!(transport.url(&relative).is_err());
    }

    /// A server on loopback that answers one request with a small JSON reply.
    async fn one_reply_server() -> std::net::SocketAddr {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        tokio::spawn(async move {
            let (mut socket, _) = listener.accept().await.unwrap();
            let mut request = Vec::new();
            let mut buffer = [0u8; 1024];
            while !request.windows(4).any(|window| window == b"\r\n\r\n") {
                let read = socket.read(&mut buffer).await.unwrap();
                assert!(read > 0, "the request ended early");
                request.extend_from_slice(&buffer[..read]);
            }
            let reply = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 11\r\n\r\n{\"ok\":true}";
            socket.write_all(reply.as_bytes()).await.unwrap();
        });
        address
    }

    #[tokio::test]
    async fn a_plain_http_client_loads_no_roots() {
        static ROOTS: PlatformRoots = PlatformRoots::new();
        let address = one_reply_server().await;
        let client = crate::Client::builder()
            .base_url(format!("http://{address}"))
            .transport(ReqwestTransport::with_roots(&ROOTS).unwrap())
            .build()
            .unwrap();
        let reply: serde_json::Value = client
            .request(http::Method::GET, "/ping")
            .auth(crate::AuthScheme::None)
            .send()
            .await
            .unwrap();
        assert_eq!(reply["ok"], true);
        assert_eq!(ROOTS.loads.load(Ordering::Relaxed), 0);
        assert!(ROOTS.verifier.get().is_none());
    }

    #[test]
    fn the_roots_load_once_on_the_first_certificate_and_are_shared() {
        static ROOTS: PlatformRoots = PlatformRoots::new();
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let verifiers: Vec<LazyPlatformVerifier> = (0..2)
            .map(|_| LazyPlatformVerifier {
                provider: Arc::clone(&provider),
                roots: &ROOTS,
            })
            .collect();
        // Building transports and asking for the schemes (the TLS hello) loads nothing.
        ReqwestTransport::with_roots(&ROOTS).unwrap();
        assert!(!verifiers[0].supported_verify_schemes().is_empty());
        assert_eq!(ROOTS.loads.load(Ordering::Relaxed), 0);
        let name = ServerName::try_from("api.tryfinch.com").unwrap();
        let junk = CertificateDer::from(vec![0x30, 0x03, 0x02, 0x01, 0x00]);
        for verifier in verifiers.iter().chain(&verifiers) {
            // Junk is refused, whether the store could be read or not.
            assert!(
                verifier
                    .verify_server_cert(&junk, &[], &name, &[], UnixTime::now())
                    .is_err()
            );
        }
        assert_eq!(ROOTS.loads.load(Ordering::Relaxed), 1);
        assert!(ROOTS.verifier.get().is_some());
    }
}
