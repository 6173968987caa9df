//! Redirects: which ones a call follows, and where a followed one goes.
//!
//! Every request a call sends carries credentials or data meant for the base URL, so a redirect
//! is followed only when it stays at the base URL's origin (scheme, host, port). Anything else is
//! refused before a byte goes to the other origin. The rule lives here, above the transport seam,
//! so it holds for every transport.

use http::header::{
    CONTENT_ENCODING, CONTENT_LANGUAGE, CONTENT_LENGTH, CONTENT_LOCATION, CONTENT_TYPE, LOCATION,
};
use http::{HeaderMap, Method, StatusCode, Uri};
use std::fmt;

/// How many same-origin redirects one attempt follows; one more is a [`RedirectError`] of kind
/// [`RedirectErrorKind::TooMany`]. Browsers and reqwest stop at 20 and 10.
///
/// ```
/// assert_eq!(finch_core::MAX_REDIRECTS, 10);
/// ```
pub const MAX_REDIRECTS: u32 = 10;

/// A redirect the client did not follow.
///
/// A 301, 302, 303, 307 or 308 reply is followed only when its `Location` stays at the base URL's
/// origin (same scheme, host and port; so never from https to http), at most [`MAX_REDIRECTS`]
/// times per attempt. Otherwise the call ends with [`Error::Redirect`](crate::Error::Redirect) and
/// nothing is sent where the server pointed: credentials and request bodies stay at their origin.
/// The error names the target by scheme, host, port and path, never by its query (which can hold
/// secrets).
///
/// ```
/// use finch_core::{Client, Error, RedirectErrorKind, TestTransport};
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> Result<(), finch_core::Error> {
/// let transport = TestTransport::new();
/// let mut reply = http::Response::new(bytes::Bytes::new());
/// *reply.status_mut() = http::StatusCode::TEMPORARY_REDIRECT;
/// reply.headers_mut().insert("location", "https://elsewhere.example/steal?code=1".parse().unwrap());
/// transport.push(reply);
/// let client = Client::builder().access_token("token").transport(transport.clone()).build()?;
/// let error = client.request(http::Method::GET, "/employer/company").send_raw().await.unwrap_err();
/// let Error::Redirect(redirect) = error else { panic!("{error}") };
/// assert_eq!(redirect.kind(), RedirectErrorKind::CrossOrigin);
/// assert_eq!(redirect.location().as_deref(), Some("https://elsewhere.example:443/steal"));
/// assert_eq!(transport.requests().len(), 1); // nothing went to elsewhere.example
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct RedirectError {
    pub(crate) kind: RedirectErrorKind,
    pub(crate) status: StatusCode,
    pub(crate) target: Option<Target>,
    /// Why the `Location` was unusable (for [`RedirectErrorKind::InvalidLocation`]).
    pub(crate) reason: Option<&'static str>,
    pub(crate) followed: u32,
    pub(crate) request_id: Option<String>,
    pub(crate) attempts: u32,
}

/// Why a redirect was not followed.
///
/// ```
/// use finch_core::{Error, RedirectErrorKind};
/// # fn demo(error: Error) {
/// if let Error::Redirect(redirect) = &error {
///     match redirect.kind() {
///         RedirectErrorKind::CrossOrigin => eprintln!("sent elsewhere: {:?}", redirect.location()),
///         RedirectErrorKind::TooMany => eprintln!("a redirect loop at {:?}", redirect.path()),
///         _ => eprintln!("{redirect}"),
///     }
/// }
/// # }
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RedirectErrorKind {
    /// The `Location` is at another origin: another scheme (https to http included), host or port.
    CrossOrigin,
    /// More than [`MAX_REDIRECTS`] same-origin redirects in one attempt (a loop, most likely).
    TooMany,
    /// The `Location` is not a usable URI reference (unparsable, several of them, or carrying a
    /// user name or password).
    InvalidLocation,
}

/// Where a redirect pointed, without its query or fragment (which can hold secrets, and which
/// an error must not show, `Debug` included).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Target {
    /// Lowercase.
    scheme: String,
    /// Lowercase; `None` for a URI without an authority (`mailto:x`). IPv6 keeps its brackets.
    host: Option<String>,
    /// The port, or the scheme's default one.
    port: Option<u16>,
    /// With dot segments removed.
    path: String,
    userinfo: bool,
}

impl RedirectError {
    /// Why the redirect was not followed.
    pub fn kind(&self) -> RedirectErrorKind {
        self.kind
    }

    /// The status of the redirect reply (301, 302, 303, 307 or 308).
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The target's scheme (lowercase), when the `Location` could be read.
    pub fn scheme(&self) -> Option<&str> {
        Some(&self.target.as_ref()?.scheme)
    }

    /// The target's host (lowercase; IPv6 in brackets), when it has one.
    pub fn host(&self) -> Option<&str> {
        self.target.as_ref()?.host.as_deref()
    }

    /// The target's port: the one in the `Location`, or the scheme's default (80, 443).
    pub fn port(&self) -> Option<u16> {
        self.target.as_ref()?.port
    }

    /// The target's path (dot segments resolved), without query or fragment.
    pub fn path(&self) -> Option<&str> {
        Some(&self.target.as_ref()?.path)
    }

    /// The target as `scheme://host:port/path`: no user name, password, query or fragment.
    pub fn location(&self) -> Option<String> {
        self.target.as_ref().map(Target::to_string)
    }

    /// How many same-origin redirects this attempt followed before this one.
    pub fn followed(&self) -> u32 {
        self.followed
    }

    /// The redirect reply's `Finch-Request-ID` header.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// How many attempts the call made.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }
}

impl fmt::Display for RedirectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let status = self.status.as_u16();
        let location = self.target.as_ref();
        match (self.kind, location) {
            (RedirectErrorKind::CrossOrigin, Some(target)) => write!(
                f,
                "refused a {status} redirect to another origin, {target}: requests go only to the \
                 base URL's origin, so that credentials stay there"
            )?,
            (RedirectErrorKind::TooMany, Some(target)) => write!(
                f,
                "stopped after {} redirects (the next one, {status}, to {target})",
                self.followed
            )?,
            _ => write!(
                f,
                "refused a {status} redirect: its Location {}",
                self.reason.unwrap_or("is not a usable URI reference")
            )?,
        }
        if let Some(id) = &self.request_id {
            write!(f, " [request id {id}]")?;
        }
        if self.attempts > 1 {
            write!(f, " (after {} attempts)", self.attempts)?;
        }
        Ok(())
    }
}

impl std::error::Error for RedirectError {}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The path is the server's text: bounded, so that a hostile one cannot flood logs.
        const PATH_CHARS: usize = 200;
        write!(f, "{}:", self.scheme)?;
        if let Some(host) = &self.host {
            write!(f, "//{host}")?;
            if let Some(port) = self.port {
                write!(f, ":{port}")?;
            }
        }
        match self.path.char_indices().nth(PATH_CHARS) {
            Some((end, _)) => write!(f, "{}…", &self.path[..end]),
            None => f.write_str(&self.path),
        }
    }
}

/// The next request of a followed redirect.
#[derive(Debug)]
pub(crate) struct Hop {
    pub(crate) uri: Uri,
    pub(crate) method: Method,
    /// `false` when the redirect turns the request into a GET without body (303, and 301/302
    /// after a method other than GET or HEAD).
    pub(crate) keep_body: bool,
    /// For traces: where it goes, without the query.
    pub(crate) target: String,
}

impl Hop {
    /// Removes the headers that describe a body the hop no longer sends.
    pub(crate) fn strip_body_headers(headers: &mut HeaderMap) {
        for name in [
            CONTENT_TYPE,
            CONTENT_LENGTH,
            CONTENT_ENCODING,
            CONTENT_LANGUAGE,
            CONTENT_LOCATION,
        ] {
            headers.remove(name);
        }
    }
}

/// What to do after a reply to `method` at `current`: `Ok(None)` when it is not a redirect to
/// follow (not 301/302/303/307/308, or no `Location`: an ordinary reply), `Ok(Some(hop))` for a
/// same-origin one, an error for any other. `origin` is the call's first URI (the base URL's
/// origin); `followed` counts the redirects this attempt already followed.
pub(crate) fn next_hop(
    origin: &Uri,
    current: &Uri,
    method: &Method,
    status: StatusCode,
    headers: &HeaderMap,
    followed: u32,
) -> Result<Option<Hop>, Box<RedirectError>> {
    if !matches!(status.as_u16(), 301 | 302 | 303 | 307 | 308) {
        return Ok(None);
    }
    let mut locations = headers.get_all(LOCATION).iter();
    let Some(location) = locations.next() else {
        return Ok(None);
    };
    let refuse = |kind, target, reason| {
        Box::new(RedirectError {
            kind,
            status,
            target,
            reason,
            followed,
            request_id: crate::redact::request_id(headers),
            attempts: 1,
        })
    };
    let invalid = |reason| refuse(RedirectErrorKind::InvalidLocation, None, Some(reason));
    if locations.next().is_some() {
        return Err(invalid("is given more than once"));
    }
    let location = location
        .to_str()
        .map_err(|_| invalid("is not ASCII text"))?;
    let (target, query) = resolve(current, location).map_err(invalid)?;
    if !same_origin(origin, &target) {
        return Err(refuse(RedirectErrorKind::CrossOrigin, Some(target), None));
    }
    if target.userinfo {
        return Err(refuse(
            RedirectErrorKind::InvalidLocation,
            Some(target),
            Some("carries a user name or password"),
        ));
    }
    if followed >= MAX_REDIRECTS {
        return Err(refuse(RedirectErrorKind::TooMany, Some(target), None));
    }
    let mut path_and_query = target.path.clone();
    if let Some(query) = query {
        path_and_query.push('?');
        path_and_query.push_str(query);
    }
    // Same origin: keep the base URL's own spelling of it (and so the Host header it sends).
    let mut uri = Uri::builder().path_and_query(path_and_query);
    if let Some(scheme) = origin.scheme() {
        uri = uri.scheme(scheme.clone());
    }
    if let Some(authority) = origin.authority() {
        uri = uri.authority(authority.clone());
    }
    let uri = uri.build().map_err(|_| {
        refuse(
            RedirectErrorKind::InvalidLocation,
            Some(target.clone()),
            Some("has characters a URI path or query cannot carry"),
        )
    })?;
    // As browsers and reqwest do: 303 always, and 301/302 after a POST (or any other method
    // that is not GET or HEAD), become a GET without body.
    let becomes_get = match status.as_u16() {
        303 => *method != Method::HEAD,
        301 | 302 => *method != Method::GET && *method != Method::HEAD,
        _ => false,
    };
    let method = if becomes_get {
        Method::GET
    } else {
        method.clone()
    };
    Ok(Some(Hop {
        uri,
        method,
        keep_body: !becomes_get && !matches!(status.as_u16(), 303),
        target: target.to_string(),
    }))
}

fn same_origin(origin: &Uri, target: &Target) -> bool {
    let (Some(scheme), Some(host)) = (origin.scheme_str(), origin.host()) else {
        return false;
    };
    target.scheme.eq_ignore_ascii_case(scheme)
        && target
            .host
            .as_deref()
            .is_some_and(|target| target.eq_ignore_ascii_case(host))
        && target.port.is_some()
        && target.port == origin.port_u16().or_else(|| default_port(scheme))
}

fn default_port(scheme: &str) -> Option<u16> {
    if scheme.eq_ignore_ascii_case("https") {
        Some(443)
    } else if scheme.eq_ignore_ascii_case("http") {
        Some(80)
    } else {
        None
    }
}

/// Resolves `location` against `base` (RFC 3986, section 5.2) into the target and its query,
/// strictly: anything a browser would read differently from the RFC (a backslash, a space) is
/// refused rather than guessed at.
fn resolve<'a>(
    base: &'a Uri,
    location: &'a str,
) -> Result<(Target, Option<&'a str>), &'static str> {
    // Hyper trims the value; a fragment is never sent.
    let location = location.split('#').next().unwrap_or_default();
    if location.bytes().any(|byte| byte <= b' ' || byte == 0x7f) {
        return Err("contains spaces or control characters");
    }
    if location.contains('\\') {
        // Browsers read `/\host` as `//host`: refuse what would be read two ways.
        return Err("contains a backslash");
    }
    let base_scheme = base.scheme_str().unwrap_or("https").to_ascii_lowercase();
    let (scheme, rest) = match split_scheme(location) {
        Some((scheme, rest)) => (scheme.to_ascii_lowercase(), Some(rest)),
        None => (base_scheme, None),
    };
    let with_authority = match rest {
        Some(rest) => Some(rest),
        None => location.strip_prefix("//").map(|_| location),
    };
    if let Some(rest) = with_authority {
        // An absolute URI or a scheme-relative reference.
        let (authority, path_and_query) = match rest.strip_prefix("//") {
            Some(rest) => {
                let end = rest.find(['/', '?']).unwrap_or(rest.len());
                (Some(&rest[..end]), &rest[end..])
            }
            None => (None, rest),
        };
        let (path, query) = split_query(path_and_query);
        let (host, port, userinfo) = match authority {
            Some(authority) => {
                let (userinfo, host, port) = parse_authority(authority)?;
                (Some(host), port, userinfo)
            }
            None => (None, None, false),
        };
        let path = if path.is_empty() {
            "/".to_owned()
        } else if path.starts_with('/') {
            remove_dot_segments(path)
        } else {
            path.to_owned() // `mailto:x`: no hierarchy to resolve
        };
        let target = Target {
            port: port.or_else(|| default_port(&scheme)),
            scheme,
            host,
            path,
            userinfo,
        };
        return Ok((target, query));
    }
    // A relative reference: the base's authority, the path resolved against the base's.
    let host = base
        .host()
        .ok_or("cannot be resolved")?
        .to_ascii_lowercase();
    let base_path = base.path();
    let (path, query) = split_query(location);
    let (path, query) = if path.is_empty() {
        (base_path.to_owned(), query.or(base.query()))
    } else if path.starts_with('/') {
        (remove_dot_segments(path), query)
    } else {
        let directory = &base_path[..base_path.rfind('/').map_or(0, |slash| slash + 1)];
        let merged = format!("/{}{path}", directory.trim_start_matches('/'));
        (remove_dot_segments(&merged), query)
    };
    let target = Target {
        port: base.port_u16().or_else(|| default_port(&scheme)),
        scheme,
        host: Some(host),
        path,
        userinfo: false,
    };
    Ok((target, query))
}

/// `scheme:rest` when `text` starts with a scheme (a letter, then letters, digits, `+`, `-`, `.`).
fn split_scheme(text: &str) -> Option<(&str, &str)> {
    let colon = text.find(':')?;
    let scheme = &text[..colon];
    let mut chars = scheme.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then(|| (scheme, &text[colon + 1..]))
}

fn split_query(text: &str) -> (&str, Option<&str>) {
    match text.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (text, None),
    }
}

/// `(has userinfo, lowercase host, port)`. Hosts are strict: a registered name of letters,
/// digits, `-`, `.`, `_`, `~`, or an IP literal in brackets; no percent-encoding.
fn parse_authority(authority: &str) -> Result<(bool, String, Option<u16>), &'static str> {
    let (userinfo, host_port) = match authority.rsplit_once('@') {
        Some((_, host_port)) => (true, host_port),
        None => (false, authority),
    };
    let (host, port) = if host_port.starts_with('[') {
        let close = host_port.find(']').ok_or("has an unclosed IPv6 address")?;
        let literal = &host_port[1..close];
        if literal.is_empty()
            || !literal
                .chars()
                .all(|c| c.is_ascii_hexdigit() || matches!(c, ':' | '.'))
        {
            return Err("has an invalid IPv6 address");
        }
        let after = &host_port[close + 1..];
        let port = match after.strip_prefix(':') {
            Some(port) => Some(port),
            None if after.is_empty() => None,
            None => return Err("has text after its IPv6 address"),
        };
        (&host_port[..=close], port)
    } else {
        match host_port.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (host_port, None),
        }
    };
    if !host.starts_with('[')
        && (host.is_empty()
            || !host
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~')))
    {
        return Err("has no valid host");
    }
    let port = match port {
        None | Some("") => None,
        Some(port) if port.bytes().all(|byte| byte.is_ascii_digit()) => {
            Some(port.parse::<u16>().map_err(|_| "has a port above 65535")?)
        }
        Some(_) => return Err("has a port that is not a number"),
    };
    Ok((userinfo, host.to_ascii_lowercase(), port))
}

/// RFC 3986, section 5.2.4, for a path that starts with `/`.
fn remove_dot_segments(path: &str) -> String {
    let segments: Vec<&str> = path.split('/').skip(1).collect();
    let last = segments.len().saturating_sub(1);
    let mut out: Vec<&str> = Vec::with_capacity(segments.len());
    for (index, segment) in segments.iter().enumerate() {
        match *segment {
            "." | ".." => {
                if *segment == ".." {
                    out.pop();
                }
                // `/a/b/..` is `/a/`: a trailing dot segment leaves the directory.
                if index == last {
                    out.push("");
                }
            }
            segment => out.push(segment),
        }
    }
    format!("/{}", out.join("/"))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic)] // tests may fail loudly
mod tests {
    use super::*;

    fn uri(text: &str) -> Uri {
        text.parse().unwrap()
    }

    fn reply(status: u16, location: &str) -> (StatusCode, HeaderMap) {
        let mut headers = HeaderMap::new();
        headers.insert(LOCATION, location.parse().unwrap());
        (StatusCode::from_u16(status).unwrap(), headers)
    }

    fn hop(
        base: &str,
        method: Method,
        status: u16,
        location: &str,
    ) -> Result<Hop, Box<RedirectError>> {
        let (status, headers) = reply(status, location);
        let base = uri(base);
        next_hop(&base, &base, &method, status, &headers, 0).map(Option::unwrap)
    }

    fn refused(base: &str, location: &str) -> Box<RedirectError> {
        hop(base, Method::POST, 307, location).unwrap_err()
    }

    const BASE: &str = "https://api.tryfinch.com/auth/token?x=1";

    #[test]
    fn references_resolve_as_rfc_3986_says() {
        let followed = |location| hop(BASE, Method::GET, 302, location).unwrap().uri;
        for (location, expected) in [
            ("/other", "https://api.tryfinch.com/other"),
            ("other?a=b", "https://api.tryfinch.com/auth/other?a=b"),
            ("../v2/token", "https://api.tryfinch.com/v2/token"),
            ("./a/./b/../c", "https://api.tryfinch.com/auth/a/c"),
            ("/../../x", "https://api.tryfinch.com/x"),
            ("?y=2", "https://api.tryfinch.com/auth/token?y=2"),
            ("", "https://api.tryfinch.com/auth/token?x=1"),
            ("#frag", "https://api.tryfinch.com/auth/token?x=1"),
            ("..", "https://api.tryfinch.com/"),
            ("//api.tryfinch.com/s", "https://api.tryfinch.com/s"),
            ("//API.TryFinch.com:443", "https://api.tryfinch.com/"),
            (
                "HTTPS://api.tryfinch.com/abs#f",
                "https://api.tryfinch.com/abs",
            ),
            ("https://api.tryfinch.com:/p", "https://api.tryfinch.com/p"),
        ] {
            assert_eq!(followed(location), expected, "{location:?}");
        }
    }

    #[test]
    fn another_scheme_host_or_port_is_refused_and_named_without_query() {
        for (location, named) in [
            (
                "https://evil.example/steal?code=c",
                "https://evil.example:443/steal",
            ),
            ("//evil.example/x?secret=1", "https://evil.example:443/x"),
            (
                "https://api.tryfinch.com:8443/",
                "https://api.tryfinch.com:8443/",
            ),
            (
                "http://api.tryfinch.com/auth/token",
                "http://api.tryfinch.com:80/auth/token",
            ),
            (
                "http://api.tryfinch.com:443/",
                "http://api.tryfinch.com:443/",
            ),
            (
                "https://api.tryfinch.com./",
                "https://api.tryfinch.com.:443/",
            ),
            ("https://127.0.0.2:1/a/../b", "https://127.0.0.2:1/b"),
            ("https://[::1]/", "https://[::1]:443/"),
            ("https://user:pw@evil.example/", "https://evil.example:443/"),
            ("ftp://api.tryfinch.com/f", "ftp://api.tryfinch.com/f"),
            ("mailto:someone?subject=s", "mailto:someone"),
            ("https:relative", "https:relative"),
        ] {
            let error = refused(BASE, location);
            assert_eq!(error.kind(), RedirectErrorKind::CrossOrigin, "{location}");
            assert_eq!(error.location().as_deref(), Some(named), "{location}");
            let text = format!("{error} {error:?}");
            assert!(text.contains(named) && !text.contains("secret") && !text.contains("pw"));
        }
        let error = refused(BASE, "http://api.tryfinch.com:80/x?q=1");
        assert_eq!(
            (error.scheme(), error.host(), error.port(), error.path()),
            (Some("http"), Some("api.tryfinch.com"), Some(80), Some("/x"))
        );
    }

    #[test]
    fn https_to_http_on_the_same_host_is_refused() {
        for status in [301, 302, 303, 307, 308] {
            let (status, headers) = reply(status, "http://api.tryfinch.com/auth/token");
            let base = uri(BASE);
            let error = next_hop(&base, &base, &Method::GET, status, &headers, 0).unwrap_err();
            assert_eq!(error.kind(), RedirectErrorKind::CrossOrigin);
        }
    }

    #[test]
    fn loopback_http_origins_compare_ports_and_hosts() {
        let base = "http://127.0.0.1:8080/x";
        assert!(hop(base, Method::GET, 307, "http://127.0.0.1:8080/y").is_ok());
        assert!(hop(base, Method::GET, 307, "/y").is_ok());
        for other in [
            "http://127.0.0.1/y",
            "http://127.0.0.1:8081/y",
            "http://localhost:8080/y",
            "https://127.0.0.1:8080/y",
            "http://127.0.0.2:8080/y",
        ] {
            assert_eq!(refused(base, other).kind(), RedirectErrorKind::CrossOrigin);
        }
    }

    #[test]
    fn unusable_locations_are_typed_errors() {
        for location in [
            "/a b",
            "/\\evil.example",
            "https://",
            "https://evil.example:99999/",
            "https://evil.example:x/",
            "https://[zz]/",
            "https://[::1/",
            "https://ev%69l.example/",
            "//",
            "https://user:pw@api.tryfinch.com/",
            "/a<b>",
        ] {
            let error = refused(BASE, location);
            assert_eq!(
                error.kind(),
                RedirectErrorKind::InvalidLocation,
                "{location}"
            );
            assert!(!error.to_string().contains("pw"));
        }
        let mut headers = HeaderMap::new();
        headers.append(LOCATION, "/a".parse().unwrap());
        headers.append(LOCATION, "/b".parse().unwrap());
        let base = uri(BASE);
        let error = next_hop(&base, &base, &Method::GET, StatusCode::FOUND, &headers, 0);
        assert_eq!(
            error.unwrap_err().kind(),
            RedirectErrorKind::InvalidLocation
        );
        headers.clear();
        headers.insert(LOCATION, http::HeaderValue::from_bytes(b"/\xff").unwrap());
        let error = next_hop(&base, &base, &Method::GET, StatusCode::FOUND, &headers, 0);
        assert_eq!(
            error.unwrap_err().kind(),
            RedirectErrorKind::InvalidLocation
        );
    }

    #[test]
    fn only_redirect_statuses_with_a_location_are_redirects() {
        let base = uri(BASE);
        for status in [200, 300, 304, 305, 404] {
            let (status, headers) = reply(status, "https://evil.example/");
            assert!(
                next_hop(&base, &base, &Method::GET, status, &headers, 0)
                    .unwrap()
                    .is_none()
            );
        }
        let none = next_hop(
            &base,
            &base,
            &Method::GET,
            StatusCode::FOUND,
            &HeaderMap::new(),
            0,
        );
        assert!(none.unwrap().is_none());
    }

    #[test]
    fn methods_and_bodies_follow_the_status() {
        for (status, method, expected, keep_body) in [
            (307, Method::POST, Method::POST, true),
            (308, Method::POST, Method::POST, true),
            (307, Method::DELETE, Method::DELETE, true),
            (303, Method::POST, Method::GET, false),
            (303, Method::HEAD, Method::HEAD, false),
            (301, Method::POST, Method::GET, false),
            (302, Method::PUT, Method::GET, false),
            (301, Method::GET, Method::GET, true),
            (302, Method::HEAD, Method::HEAD, true),
        ] {
            let hop = hop(BASE, method.clone(), status, "/next").unwrap();
            assert_eq!(
                (hop.method, hop.keep_body),
                (expected, keep_body),
                "{status} {method}"
            );
        }
    }

    #[test]
    fn hops_are_bounded() {
        let (status, headers) = reply(307, "/again");
        let base = uri(BASE);
        assert!(next_hop(&base, &base, &Method::GET, status, &headers, 9).is_ok());
        let error = next_hop(&base, &base, &Method::GET, status, &headers, MAX_REDIRECTS);
        let error = error.unwrap_err();
        assert_eq!(
            (error.kind(), error.followed()),
            (RedirectErrorKind::TooMany, 10)
        );
    }

    #[test]
    fn long_paths_are_cut_in_messages() {
        let location = format!("https://evil.example/{}", "a".repeat(5000));
        let error = refused(BASE, &location);
        assert!(error.to_string().len() < 600);
        assert_eq!(error.path().map(str::len), Some(5001));
    }
}
