//! Reading the `Authorization` header: Bearer tokens and Basic client credentials.

use http::HeaderMap;
use http::header::AUTHORIZATION;

/// The credentials a request carries, as far as the stand-in can read them.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Credentials {
    /// No `Authorization` header.
    Missing,
    /// `Bearer <token>`.
    Bearer(String),
    /// `Basic base64(id:secret)`, decoded.
    Basic { id: String, secret: String },
    /// Something else; the text says what was wrong.
    Unreadable(String),
}

/// Reads the `Authorization` header. Scheme names are case-insensitive (RFC 9110).
pub(crate) fn credentials(headers: &HeaderMap) -> Credentials {
    let mut values = headers.get_all(AUTHORIZATION).iter();
    let Some(value) = values.next() else {
        return Credentials::Missing;
    };
    if values.next().is_some() {
        return Credentials::Unreadable(
            "the request carries more than one Authorization header".to_owned(),
        );
    }
    let Ok(value) = value.to_str() else {
        return Credentials::Unreadable("the Authorization header is not visible ASCII".to_owned());
    };
    let (scheme, rest) = value.trim().split_once(' ').unwrap_or((value.trim(), ""));
    let rest = rest.trim();
    if scheme.eq_ignore_ascii_case("bearer") {
        if rest.is_empty() {
            return Credentials::Unreadable(
                "the Bearer Authorization header has no token".to_owned(),
            );
        }
        return Credentials::Bearer(rest.to_owned());
    }
    if scheme.eq_ignore_ascii_case("basic") {
        let Some(decoded) = base64_decode(rest) else {
            return Credentials::Unreadable(
                "the Basic credentials are not valid base64".to_owned(),
            );
        };
        let Ok(decoded) = String::from_utf8(decoded) else {
            return Credentials::Unreadable("the Basic credentials are not UTF-8".to_owned());
        };
        let Some((id, secret)) = decoded.split_once(':') else {
            return Credentials::Unreadable(
                "the Basic credentials have no `:` between client_id and client_secret".to_owned(),
            );
        };
        return Credentials::Basic {
            id: id.to_owned(),
            secret: secret.to_owned(),
        };
    }
    Credentials::Unreadable(format!("unsupported Authorization scheme `{scheme}`"))
}

/// Standard base64 (RFC 4648 alphabet `A-Z a-z 0-9 + /`), padding optional. `None` for
/// anything else.
pub(crate) fn base64_decode(text: &str) -> Option<Vec<u8>> {
    fn value(byte: u8) -> Option<u32> {
        let v = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        Some(u32::from(v))
    }
    let trimmed = text.trim_end_matches('=');
    if text.len() - trimmed.len() > 2
        || (text.len() != trimmed.len() && !text.len().is_multiple_of(4))
    {
        return None;
    }
    if trimmed.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(trimmed.len() * 3 / 4);
    for chunk in trimmed.as_bytes().chunks(4) {
        let mut buffer: u32 = 0;
        for &byte in chunk {
            buffer = (buffer << 6) | value(byte)?;
        }
        // Truncating casts are the point here: each keeps one decoded byte.
        match chunk.len() {
            4 => out.extend_from_slice(&[(buffer >> 16) as u8, (buffer >> 8) as u8, buffer as u8]),
            3 => out.extend_from_slice(&[(buffer >> 10) as u8, (buffer >> 2) as u8]),
            2 => out.push((buffer >> 4) as u8),
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn headers(value: &str) -> HeaderMap {
        let mut map = HeaderMap::new();
        map.insert(AUTHORIZATION, HeaderValue::from_str(value).unwrap());
        map
    }

    #[test]
    fn base64_known_vectors() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
            ("id:s3cr3t/+", "aWQ6czNjcjN0Lys="),
        ] {
            assert_eq!(
                base64_decode(encoded).as_deref(),
                Some(plain.as_bytes()),
                "{encoded}"
            );
        }
        assert_eq!(base64_decode("Zm8").as_deref(), Some(&b"fo"[..]));
    }

    #[test]
    fn base64_rejects_junk() {
        for junk in ["Z", "Zm9v!", "Zg===", "Zg=", "====", "Zm 9v"] {
            assert_eq!(base64_decode(junk), None, "{junk}");
        }
    }

    #[test]
    fn reads_bearer_and_basic() {
        assert_eq!(
            credentials(&headers("Bearer abc")),
            Credentials::Bearer("abc".to_owned())
        );
        assert_eq!(
            credentials(&headers("bearer  abc ")),
            Credentials::Bearer("abc".to_owned())
        );
        assert_eq!(
            credentials(&headers("Basic aWQ6czNjcjN0Lys=")),
            Credentials::Basic {
                id: "id".to_owned(),
                secret: "s3cr3t/+".to_owned()
            }
        );
        assert_eq!(credentials(&HeaderMap::new()), Credentials::Missing);
    }

    #[test]
    fn unreadable_headers_say_why() {
        for (value, needle) in [
            ("Bearer", "no token"),
            ("Basic !!!", "base64"),
            ("Basic Zm9v", "`:`"),
            ("Token abc", "unsupported"),
        ] {
            match credentials(&headers(value)) {
                Credentials::Unreadable(message) => {
                    assert!(message.contains(needle), "{value}: {message}")
                }
                other => panic!("{value}: {other:?}"),
            }
        }
    }
}
