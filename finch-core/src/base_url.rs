//! The base URL: where credentials may be sent, and how paths join onto it.

use crate::error::ConfigError;
use crate::redact::url_origin;
use http::Uri;
use http::uri::{Authority, Scheme};

/// Finch's production API.
pub const DEFAULT_BASE_URL: &str = "https://api.tryfinch.com";

/// A checked base URL: `https`, or `http` to a loopback host (or anywhere, when allowed).
#[derive(Clone, Debug)]
pub(crate) struct BaseUrl {
    scheme: Scheme,
    authority: Authority,
    /// A path prefix without a trailing slash (`""` for none).
    prefix: String,
}

impl BaseUrl {
    pub(crate) fn parse(value: &str, allow_insecure_http: bool) -> Result<Self, ConfigError> {
        // Only the scheme, host and port are shown: a query or user info may hold a token.
        let invalid = |reason: &str| ConfigError::InvalidBaseUrl {
            value: url_origin(value),
            reason: reason.to_owned(),
        };
        let uri: Uri = value
            .trim()
            .parse()
            .map_err(|_| invalid("it is not a URL"))?;
        let scheme = uri
            .scheme()
            .cloned()
            .ok_or_else(|| invalid("it has no scheme (expected https://...)"))?;
        let authority = uri
            .authority()
            .cloned()
            .ok_or_else(|| invalid("it has no host"))?;
        if authority.as_str().contains('@') {
            return Err(invalid(
                "credentials do not belong in the URL; set them on the client",
            ));
        }
        if uri.query().is_some() {
            return Err(invalid("a base URL cannot have a query"));
        }
        if scheme == Scheme::HTTP {
            if !allow_insecure_http && !is_loopback(authority.host()) {
                return Err(invalid(
                    "plain http:// would send credentials unencrypted; use https://, a loopback host, \
                     or allow insecure http explicitly on the client builder",
                ));
            }
        } else if scheme != Scheme::HTTPS {
            return Err(invalid(
                "the scheme must be https (or http for a loopback host)",
            ));
        }
        let prefix = uri.path().trim_end_matches('/').to_owned();
        Ok(BaseUrl {
            scheme,
            authority,
            prefix,
        })
    }

    /// The absolute URI of `path` (which starts with `/`) and `query` (without `?`, may be empty).
    pub(crate) fn join(&self, path: &str, query: &str) -> Result<Uri, http::Error> {
        let mut path_and_query =
            String::with_capacity(self.prefix.len() + path.len() + query.len() + 1);
        path_and_query.push_str(&self.prefix);
        path_and_query.push_str(path);
        if !query.is_empty() {
            path_and_query.push('?');
            path_and_query.push_str(query);
        }
        let mut parts = http::uri::Parts::default();
        parts.scheme = Some(self.scheme.clone());
        parts.authority = Some(self.authority.clone());
        parts.path_and_query = Some(http::uri::PathAndQuery::from_maybe_shared(
            bytes::Bytes::from(path_and_query),
        )?);
        Ok(Uri::from_parts(parts)?)
    }

    pub(crate) fn to_url_string(&self) -> String {
        format!("{}://{}{}", self.scheme, self.authority, self.prefix)
    }
}

fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|address| address.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_anywhere_http_only_on_loopback() {
        assert!(BaseUrl::parse("https://api.tryfinch.com", false).is_ok());
        assert!(BaseUrl::parse("http://127.0.0.1:8080", false).is_ok());
        assert!(BaseUrl::parse("http://localhost:1", false).is_ok());
        assert!(BaseUrl::parse("http://[::1]:1", false).is_ok());
        assert!(BaseUrl::parse("http://api.tryfinch.com", false).is_err());
        assert!(BaseUrl::parse("http://api.tryfinch.com", true).is_ok());
        assert!(BaseUrl::parse("ftp://x", true).is_err());
        assert!(BaseUrl::parse("api.tryfinch.com", false).is_err());
    }

    #[test]
    fn userinfo_is_refused_and_not_echoed() {
        let error = BaseUrl::parse("https://id:hunter2@api.tryfinch.com", false).unwrap_err();
        assert!(!error.to_string().contains("hunter2"), "{error}");
    }

    #[test]
    fn errors_show_the_scheme_host_and_port_only() {
        let error =
            BaseUrl::parse("https://api.tryfinch.com:8443/v1?token=SENTINEL", false).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid base URL (https://api.tryfinch.com:8443): a base URL cannot have a query"
        );
        for value in ["not a url SENTINEL", "SENTINEL", "ftp://host/SENTINEL"] {
            let error = BaseUrl::parse(value, false).unwrap_err();
            assert!(
                !format!("{error} {error:?}").contains("SENTINEL"),
                "{error}"
            );
        }
    }

    #[test]
    fn paths_join_under_the_prefix() {
        let base = BaseUrl::parse("https://example.com/finch/", false).unwrap();
        assert_eq!(
            base.join("/employer/company", "limit=1").unwrap(),
            "https://example.com/finch/employer/company?limit=1"
        );
        assert_eq!(base.to_url_string(), "https://example.com/finch");
    }
}
