//! What may be shown of text that holds secrets or came from outside: which JSON members, header
//! names and query parameters are secret, how their values are masked, and how long a shown piece
//! may be. Every `Debug`, `Display` and error message of the SDK goes through these rules.
//!
//! The rules:
//! - A JSON member is secret when its name (compared without regard to ASCII case) is exactly one
//!   of [`SECRET_MEMBER_NAMES`], contains one of [`SECRET_MEMBER_PARTS`] (except `token_type`,
//!   which names a scheme, not a token), or is one the endpoint declares
//!   ([`Endpoint::SECRET_MEMBERS`](crate::Endpoint::SECRET_MEMBERS)). Its value is shown as
//!   `"[redacted]"`, whatever its type, except `true`, `false`, `null`, and a number under `code`
//!   (Finch's error bodies and batch items carry the HTTP status there). A masked string is masked
//!   wherever else it appears as a whole string, and serde's messages leave it out.
//! - A header is secret when its name is one of [`SECRET_HEADER_NAMES`] or contains one of
//!   [`SECRET_HEADER_PARTS`] (ASCII case ignored). Its value is shown as `[redacted]`.
//! - A query parameter is secret when its name is a secret member or header name.
//! - A piece of text from outside (a serde message, a body excerpt, Finch's error message, a
//!   request id) is shown on one line and cut at a fixed number of characters, ending in `…`.

use http::HeaderMap;
use std::collections::HashSet;
use std::fmt;
use std::ops::Range;

/// What is shown instead of a secret value.
pub const REDACTED: &str = "[redacted]";

/// JSON member names that are secret when they match exactly (ASCII case ignored).
pub const SECRET_MEMBER_NAMES: &[&str] = &["code", "authorization_code", "authorization", "ssn"];

/// Parts of JSON member names that make a member secret wherever they appear in the name (ASCII
/// case ignored): `access_token`, `client_secret`, `refresh_token`, `apiKey`, `db_password`...
pub const SECRET_MEMBER_PARTS: &[&str] = &[
    "token",
    "secret",
    "password",
    "passwd",
    "api_key",
    "apikey",
    "api-key",
    "private_key",
    "credential",
];

/// Header names whose values are secret (ASCII case ignored).
pub const SECRET_HEADER_NAMES: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "cookie",
    "set-cookie",
    "x-api-key",
];

/// Parts of header names that make a header's value secret wherever they appear in the name
/// (ASCII case ignored): `X-Auth-Token`, `X-Client-Secret`, `X-Idempotency-Key`...
pub const SECRET_HEADER_PARTS: &[&str] = &[
    "token",
    "secret",
    "key",
    "password",
    "passwd",
    "auth",
    "cookie",
    "session",
    "credential",
];

/// How many bytes of a body an excerpt is cut from, around the place it is about.
pub(crate) const EXCERPT_WINDOW: usize = 240;
/// The most characters an excerpt shows between its backticks and ellipses (control characters are
/// escaped and masks can be longer than what they hide, so the window alone does not bound it).
pub const EXCERPT_CHARS: usize = 300;
/// The most characters shown of a message from outside (serde's, Finch's).
pub const MESSAGE_CHARS: usize = 300;
/// The most characters shown of a JSON path, an identifier from outside or a request id.
pub const NAME_CHARS: usize = 120;

/// `true` when a JSON member called `name` holds a secret, by the built-in rules or because it is
/// one of `extra` (exact names, ASCII case ignored).
///
/// ```
/// use finch_core::redact::is_secret_member;
/// assert!(is_secret_member("access_token", &[]));
/// assert!(is_secret_member("Client_Secret", &[]));
/// assert!(is_secret_member("code", &[]));
/// assert!(is_secret_member("pin", &["pin"]));
/// assert!(!is_secret_member("token_type", &[]));
/// assert!(!is_secret_member("finch_code", &[]));
/// ```
pub fn is_secret_member(name: &str, extra: &[&str]) -> bool {
    if name.eq_ignore_ascii_case("token_type") {
        return false;
    }
    SECRET_MEMBER_NAMES
        .iter()
        .chain(extra)
        .any(|secret| name.eq_ignore_ascii_case(secret))
        || SECRET_MEMBER_PARTS
            .iter()
            .any(|part| contains_ignore_case(name, part))
}

/// `true` when a header called `name` carries a secret.
///
/// ```
/// use finch_core::redact::is_secret_header;
/// assert!(is_secret_header("Authorization"));
/// assert!(is_secret_header("X-Auth-Token"));
/// assert!(is_secret_header("x-api-key"));
/// assert!(!is_secret_header("Finch-Request-ID"));
/// ```
pub fn is_secret_header(name: &str) -> bool {
    SECRET_HEADER_NAMES
        .iter()
        .any(|secret| name.eq_ignore_ascii_case(secret))
        || SECRET_HEADER_PARTS
            .iter()
            .any(|part| contains_ignore_case(name, part))
}

/// `true` when a query parameter called `name` carries a secret (a secret member or header name).
pub(crate) fn is_secret_query(name: &str) -> bool {
    is_secret_member(name, &[]) || is_secret_header(name)
}

fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

/// A header map's `Debug` with the values of secret headers (see [`is_secret_header`], and any
/// value marked sensitive) shown as `[redacted]`.
///
/// ```
/// use finch_core::redact::RedactedHeaders;
/// let mut headers = http::HeaderMap::new();
/// headers.insert("x-api-key", http::HeaderValue::from_static("k-123"));
/// headers.insert("accept", http::HeaderValue::from_static("application/json"));
/// let shown = format!("{:?}", RedactedHeaders(&headers));
/// assert!(shown.contains("application/json") && !shown.contains("k-123"));
/// ```
pub struct RedactedHeaders<'a>(pub &'a HeaderMap);

impl fmt::Debug for RedactedHeaders<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.0.iter().map(|(name, value)| {
                let shown = if value.is_sensitive() || is_secret_header(name.as_str()) {
                    REDACTED.to_owned()
                } else {
                    bounded(&String::from_utf8_lossy(value.as_bytes()), MESSAGE_CHARS)
                };
                (name.as_str(), shown)
            }))
            .finish()
    }
}

/// Name and value pairs as the user gave them (headers, query parameters), for `Debug`: the value
/// is `[redacted]` when the function says its name is secret.
pub(crate) struct RedactedPairs<'a>(
    pub(crate) &'a [(String, String)],
    pub(crate) fn(&str) -> bool,
);

impl fmt::Debug for RedactedPairs<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secret = self.1;
        f.debug_list()
            .entries(self.0.iter().map(|(name, value)| {
                (
                    name,
                    if secret(name) {
                        REDACTED
                    } else {
                        value.as_str()
                    },
                )
            }))
            .finish()
    }
}

/// Marks the values of secret headers as sensitive, so that `http`'s own `Debug` hides them too.
pub(crate) fn mark_sensitive(headers: &mut HeaderMap) {
    for (name, value) in headers.iter_mut() {
        if is_secret_header(name.as_str()) {
            value.set_sensitive(true);
        }
    }
}

/// `name`'s value as an error may show it: `[redacted]` under a secret header name.
pub(crate) fn header_value_shown(name: &str, value: &str) -> String {
    if is_secret_header(name) {
        REDACTED.to_owned()
    } else {
        bounded(value, MESSAGE_CHARS)
    }
}

/// A query string (`a=1&token=x`) with the values of secret parameters replaced.
pub(crate) fn redact_query(query: &str) -> String {
    let mut shown = String::with_capacity(query.len());
    for (index, pair) in query.split('&').enumerate() {
        if index > 0 {
            shown.push('&');
        }
        match pair.split_once('=') {
            Some((key, _)) if is_secret_query(&decode_query_key(key)) => {
                shown.push_str(key);
                shown.push('=');
                shown.push_str(REDACTED);
            }
            _ => shown.push_str(pair),
        }
    }
    shown
}

/// A path that may carry a query (`/x?token=...`), with the values of secret parameters replaced.
pub(crate) fn url_path_shown(path: &str) -> String {
    match path.split_once('?') {
        Some((path, query)) => format!("{path}?{}", redact_query(query)),
        None => path.to_owned(),
    }
}

fn decode_query_key(key: &str) -> String {
    percent_encoding::percent_decode_str(key)
        .decode_utf8_lossy()
        .into_owned()
}

/// What a URL given as configuration may show in an error: its scheme, host and port, never a
/// path, query, fragment or user info. `(not shown)` when there is no recognisable scheme and
/// host (a value without `scheme://` may be a secret pasted in the wrong place).
pub(crate) fn url_origin(value: &str) -> String {
    const NOT_SHOWN: &str = "(not shown)";
    let Some((scheme, rest)) = value.trim().split_once("://") else {
        return NOT_SHOWN.to_owned();
    };
    // User info ends at the last `@` before the query; looking past a `/` too means a password
    // with a `/` in it is never mistaken for the host.
    let before_query = rest.split(['?', '#']).next().unwrap_or_default();
    let after_user = before_query.rsplit('@').next().unwrap_or_default();
    let host_port = after_user.split('/').next().unwrap_or_default();
    let plausible = |text: &str, allowed: fn(char) -> bool| {
        !text.is_empty() && text.len() <= NAME_CHARS && text.chars().all(allowed)
    };
    if !plausible(host_port, |c| {
        c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']' | '_')
    }) {
        return NOT_SHOWN.to_owned();
    }
    if !plausible(scheme, |c| {
        c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')
    }) {
        return NOT_SHOWN.to_owned();
    }
    format!("{scheme}://{host_port}")
}

/// `text` on one line (control characters escaped) and at most `max` characters, ending in `…`
/// when it was cut. Stops reading at the cut, so a huge text costs no more than a short one.
///
/// ```
/// use finch_core::redact::bounded;
/// assert_eq!(bounded("line one\nline two", 100), "line one\\nline two");
/// assert_eq!(bounded(&"x".repeat(10_000), 5), "xxxx…");
/// ```
pub fn bounded(text: &str, max: usize) -> String {
    let mut shown = String::with_capacity(text.len().min(max.saturating_mul(4)));
    let mut count = 0;
    // Where to cut so that the ellipsis still fits, once the text is known to need one.
    let mut cut = None;
    for c in text.chars() {
        let before = shown.len();
        if c.is_control() {
            shown.extend(c.escape_default());
        } else {
            shown.push(c);
        }
        let width = shown[before..].chars().count();
        if cut.is_none() && count + width > max.saturating_sub(1) {
            cut = Some(before);
        }
        count += width;
        if count > max {
            shown.truncate(cut.unwrap_or(0));
            shown.push('…');
            return shown;
        }
    }
    shown
}

/// What of a body is secret: the byte ranges of secret members' values, and the forms in which
/// serde's messages quote the masked strings (`"value"`, `` `value` ``).
#[derive(Debug, Default)]
pub(crate) struct Masking {
    ranges: Vec<Range<usize>>,
    quoted: HashSet<String>,
}

impl Masking {
    /// `true` when `quoted` (with its quotes or backticks) is how a message would quote a masked
    /// value.
    fn hides(&self, quoted: &str) -> bool {
        self.quoted.contains(quoted)
    }
}

/// Finds the values of secret members in `body[..limit]` with a tolerant scan from the start:
/// strings with their escapes, and a string followed by `:` as a member name. It needs no valid
/// JSON: a value cut off by the end (of the body or of `limit`) is masked to the end, and an
/// unbalanced object or array under a secret name is masked to the end. Outside strings, a bare
/// name followed by `=` or `:` counts as a member too, so that form-encoded and plain-text bodies
/// (`access_token=...&...`, `token: ...`) and JavaScript-style objects are masked as well; such a
/// bare value runs to the end of its line or to a `&`, `,`, `;`, `<`, `>`, `}` or `]`.
pub(crate) fn mask(body: &[u8], limit: usize, extra: &[&str]) -> Masking {
    let body = &body[..limit.min(body.len())];
    let mut masking = Masking::default();
    // The masked strings as they are written (quotes included), to find them again.
    let mut secret_strings: HashSet<&[u8]> = HashSet::new();
    let mut at = 0;
    while at < body.len() {
        let (name, value, bare) = match body[at] {
            b'"' => {
                let (end, closed) = string_end(body, at);
                let colon = skip_space(body, end);
                if !closed || body.get(colon) != Some(&b':') {
                    at = end;
                    continue;
                }
                (
                    string_text(&body[at..end]),
                    skip_space(body, colon + 1),
                    false,
                )
            }
            byte if is_name_byte(byte) => {
                let end = body[at..]
                    .iter()
                    .position(|&b| !is_name_byte(b))
                    .map_or(body.len(), |length| at + length);
                let separator = skip_space(body, end);
                if !matches!(body.get(separator), Some(b'=' | b':')) {
                    at = end;
                    continue;
                }
                let name = String::from_utf8_lossy(&body[at..end]).into_owned();
                (name, skip_space(body, separator + 1), true)
            }
            _ => {
                at += 1;
                continue;
            }
        };
        at = value;
        if value >= body.len() || !is_secret_member(&name, extra) {
            continue;
        }
        let (value_end, kind) = value_end(body, value, bare);
        let shown = match kind {
            Kind::Literal => true,
            Kind::Number => name.eq_ignore_ascii_case("code"),
            Kind::String | Kind::Container | Kind::Other => false,
        };
        if !shown && value_end > value {
            let raw = &body[value..value_end];
            match kind {
                Kind::String => {
                    if let Ok(text) = serde_json::from_slice::<String>(raw) {
                        masking.quoted.insert(format!("{text:?}"));
                        masking.quoted.insert(format!("`{text}`"));
                        secret_strings.insert(raw);
                    }
                }
                Kind::Number | Kind::Other => {
                    masking
                        .quoted
                        .insert(format!("`{}`", String::from_utf8_lossy(raw)));
                }
                Kind::Literal | Kind::Container => {}
            }
            masking.ranges.push(value..value_end);
        }
        at = value_end.max(value + 1);
    }
    mask_repeats(body, &mut masking, &secret_strings);
    masking
}

/// Masks the other places where a masked string appears as a whole string (a token echoed under
/// a member that is not secret): what serde's message would leave out, the excerpt does too.
fn mask_repeats(body: &[u8], masking: &mut Masking, secret_strings: &HashSet<&[u8]>) {
    if secret_strings.is_empty() {
        return;
    }
    let mut repeats = Vec::new();
    let mut next = 0;
    let mut at = 0;
    while at < body.len() {
        if let Some(range) = masking.ranges.get(next)
            && at >= range.start
        {
            at = at.max(range.end);
            next += 1;
            continue;
        }
        if body[at] != b'"' {
            at += 1;
            continue;
        }
        let (end, closed) = string_end(body, at);
        let before_next = masking
            .ranges
            .get(next)
            .is_none_or(|range| end <= range.start);
        if closed && before_next && secret_strings.contains(&body[at..end]) {
            repeats.push(at..end);
        }
        at = end;
    }
    if !repeats.is_empty() {
        masking.ranges.extend(repeats);
        masking.ranges.sort_by_key(|range| range.start);
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    String,
    Container,
    Number,
    Literal,
    Other,
}

/// The end (exclusive) of the string starting at `start`, and whether it was closed.
fn string_end(body: &[u8], start: usize) -> (usize, bool) {
    let mut at = start + 1;
    while at < body.len() {
        match body[at] {
            b'\\' => at += 2,
            b'"' => return (at + 1, true),
            _ => at += 1,
        }
    }
    (body.len(), false)
}

fn skip_space(body: &[u8], mut at: usize) -> usize {
    while at < body.len() && matches!(body[at], b' ' | b'\t' | b'\r' | b'\n') {
        at += 1;
    }
    at
}

/// A member name as serde would read it (escapes decoded when they are valid).
fn string_text(quoted: &[u8]) -> String {
    if quoted.contains(&b'\\')
        && let Ok(text) = serde_json::from_slice::<String>(quoted)
    {
        return text;
    }
    // Called only on closed strings, so both quotes are there.
    String::from_utf8_lossy(&quoted[1..quoted.len() - 1]).into_owned()
}

/// A byte of a bare (unquoted) member name.
fn is_name_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'-' | b'.')
}

/// The end (exclusive) of the value starting at `start`, and what kind of value it is. A `bare`
/// value (after a bare name) may hold spaces: `Authorization: Bearer abc`.
fn value_end(body: &[u8], start: usize, bare: bool) -> (usize, Kind) {
    match body[start] {
        b'"' => (string_end(body, start).0, Kind::String),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut at = start;
            while at < body.len() {
                match body[at] {
                    b'"' => {
                        at = string_end(body, at).0;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            return (at + 1, Kind::Container);
                        }
                    }
                    _ => {}
                }
                at += 1;
            }
            (body.len(), Kind::Container)
        }
        _ => {
            let ends = |b: &u8| {
                matches!(
                    b,
                    b',' | b'}' | b']' | b'\r' | b'\n' | b'&' | b';' | b'<' | b'>' | b'"'
                ) || (!bare && matches!(b, b' ' | b'\t'))
            };
            let end = body[start..]
                .iter()
                .position(ends)
                .map_or(body.len(), |length| start + length);
            // Trailing spaces of a bare value are not part of it.
            let end = start
                + body[start..end]
                    .iter()
                    .rposition(|b| !matches!(b, b' ' | b'\t'))
                    .map_or(0, |last| last + 1);
            let token = &body[start..end];
            let kind = if matches!(token, b"true" | b"false" | b"null") {
                Kind::Literal
            } else if !token.is_empty()
                && token
                    .iter()
                    .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E'))
            {
                Kind::Number
            } else {
                Kind::Other
            };
            (end, kind)
        }
    }
}

/// The bytes of a body an excerpt about byte `offset` is cut from.
pub(crate) fn window(body_len: usize, offset: usize) -> Range<usize> {
    let start = offset.saturating_sub(EXCERPT_WINDOW / 2).min(body_len);
    start..(start + EXCERPT_WINDOW).min(body_len)
}

/// An excerpt of `body` about byte `offset`, with the values of secret members masked (see
/// [`mask`]), on one line and bounded, in backticks; `(empty)` for an empty body.
pub(crate) fn excerpt(body: &[u8], offset: usize, extra: &[&str]) -> String {
    let window = window(body.len(), offset);
    let masking = mask(body, window.end, extra);
    render(body, window, &masking)
}

/// The excerpt of `body[window]` with `masking` applied.
pub(crate) fn render(body: &[u8], window: Range<usize>, masking: &Masking) -> String {
    let mut text = String::with_capacity(window.len() + 16);
    let mut at = window.start;
    let first = masking
        .ranges
        .partition_point(|range| range.end <= window.start);
    for range in &masking.ranges[first..] {
        if range.start >= window.end {
            break;
        }
        if range.start > at {
            text.push_str(&String::from_utf8_lossy(&body[at..range.start]));
        }
        text.push('"');
        text.push_str(REDACTED);
        text.push('"');
        at = range.end.min(window.end);
    }
    if at < window.end {
        text.push_str(&String::from_utf8_lossy(&body[at..window.end]));
    }
    if text.is_empty() {
        return "(empty)".to_owned();
    }
    let mut shown = bounded(&text, EXCERPT_CHARS);
    if window.start > 0 {
        shown.insert(0, '…');
    }
    if window.end < body.len() && !shown.ends_with('…') {
        shown.push('…');
    }
    format!("`{shown}`")
}

/// serde's `message` as it may be shown: every quoted value in it (`"…"` or `` `…` ``) is
/// replaced when `hide_all` (the failure is inside a secret member) or when it is a value
/// `masking` hid; then bounded to [`MESSAGE_CHARS`].
pub(crate) fn message(message: &str, masking: &Masking, hide_all: bool) -> String {
    let mut shown = String::with_capacity(message.len().min(MESSAGE_CHARS * 4));
    let mut rest = message;
    while let Some(start) = rest.find(['"', '`']) {
        shown.push_str(&rest[..start]);
        let quote = rest.as_bytes()[start];
        let after = &rest[start + 1..];
        let length = if quote == b'"' {
            quoted_length(after)
        } else {
            after.find('`').map_or(after.len(), |end| end + 1)
        };
        let span = &rest[start..start + 1 + length];
        if hide_all || masking.hides(span) {
            shown.push_str(REDACTED);
        } else {
            shown.push_str(span);
        }
        rest = &rest[start + 1 + length..];
        if shown.len() > MESSAGE_CHARS * 4 {
            break;
        }
    }
    if shown.len() <= MESSAGE_CHARS * 4 {
        shown.push_str(rest);
    }
    bounded(&shown, MESSAGE_CHARS)
}

/// The length of a Rust-escaped string's rest after its opening `"`, closing `"` included (all
/// of it when it is not closed).
fn quoted_length(after: &str) -> usize {
    let bytes = after.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return at + 1,
            _ => at += 1,
        }
    }
    after.len()
}

/// The `Finch-Request-ID` of a reply, as sent (it is not a secret; errors bound it when shown).
pub(crate) fn request_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get("finch-request-id")
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "SENTINEL-token-0123";

    fn shown(body: &str, offset: usize) -> String {
        excerpt(body.as_bytes(), offset, &[])
    }

    #[test]
    fn secret_values_are_masked_wherever_the_window_is() {
        let body = format!(
            r#"{{"token_type":"bearer","access_token":"{TOKEN}","connection_id":"c-1","code":404}}"#
        );
        for offset in 0..body.len() {
            let excerpt = shown(&body, offset);
            assert!(!excerpt.contains("SENTINEL"), "{offset}: {excerpt}");
            assert!(!excerpt.contains("0123"), "{offset}: {excerpt}");
        }
        let whole = shown(&body, 0);
        assert!(whole.contains(r#""access_token":"[redacted]""#), "{whole}");
        assert!(whole.contains(r#""token_type":"bearer""#), "{whole}");
        assert!(whole.contains(r#""code":404"#), "{whole}");
    }

    #[test]
    fn a_window_starting_inside_a_long_secret_shows_none_of_it() {
        let body = format!(r#"{{"client_secret":"{}","x":1}}"#, "s".repeat(1000));
        let excerpt = shown(&body, 600);
        assert!(!excerpt.contains("ss"), "{excerpt}");
        assert!(excerpt.contains(REDACTED), "{excerpt}");
    }

    #[test]
    fn truncated_and_malformed_bodies_are_masked_to_the_end() {
        for body in [
            format!(r#"{{"access_token":"{TOKEN}"#),
            format!(r#"{{"access_token" : "{TOKEN}\"still"#),
            format!(r#"{{"access_token":{{"v":"{TOKEN}"}},"#),
            format!(r#"{{"access_token":["{TOKEN}""#),
            format!(r#"[1,,"a" "code": "{TOKEN}" }}}}"#),
            format!(r#"{{"access_token":{TOKEN}}}"#),
            format!(r#"{{"acc\u0065ss_token":"{TOKEN}"}}"#),
            format!(r#"{{"ACCESS_TOKEN":"{TOKEN}"}}"#),
        ] {
            for offset in [0, body.len() / 2, body.len()] {
                let excerpt = shown(&body, offset);
                assert!(!excerpt.contains("SENTINEL"), "{body}: {excerpt}");
            }
        }
    }

    #[test]
    fn form_and_plain_text_bodies_are_masked() {
        for body in [
            format!("access_token={TOKEN}&token_type=bearer"),
            format!("error: bad request\nAuthorization: Bearer {TOKEN}\n"),
            format!("<p>client_secret = {TOKEN}</p>"),
            format!("{{access_token: '{TOKEN}', x: 1}}"),
        ] {
            let excerpt = shown(&body, 0);
            assert!(!excerpt.contains("SENTINEL"), "{body}: {excerpt}");
        }
        let excerpt = shown("code=404&error=not_found", 0);
        assert!(
            excerpt.contains("404") && excerpt.contains("not_found"),
            "{excerpt}"
        );
    }

    #[test]
    fn a_masked_string_is_masked_wherever_it_is_repeated() {
        let body = format!(r#"{{"id":"{TOKEN}","access_token":"{TOKEN}","x":["{TOKEN}"]}}"#);
        let excerpt = shown(&body, 0);
        assert!(!excerpt.contains("SENTINEL"), "{excerpt}");
        assert!(excerpt.contains(r#""id":"[redacted]""#), "{excerpt}");
    }

    #[test]
    fn literals_and_status_codes_stay_visible() {
        let excerpt = shown(r#"{"access_token":null,"code":200,"secret":true}"#, 0);
        assert!(
            excerpt.contains("null") && excerpt.contains("200"),
            "{excerpt}"
        );
        let excerpt = shown(r#"{"password":12345,"code":"abc"}"#, 0);
        assert!(
            !excerpt.contains("12345") && !excerpt.contains("abc"),
            "{excerpt}"
        );
    }

    #[test]
    fn extra_names_are_masked() {
        let body = br#"{"pin":"4321","id":"a"}"#;
        assert!(excerpt(body, 0, &[]).contains("4321"));
        assert!(!excerpt(body, 0, &["PIN"]).contains("4321"));
    }

    #[test]
    fn excerpts_are_bounded_and_single_line() {
        let body = format!("{}\n{}", "a".repeat(1000), "b".repeat(1000));
        let excerpt = shown(&body, 1000);
        assert!(excerpt.chars().count() <= EXCERPT_CHARS + 4, "{excerpt}");
        assert!(
            excerpt.contains("\\n") && excerpt.starts_with("`…"),
            "{excerpt}"
        );
        assert_eq!(shown("", 0), "(empty)");
        let controls = "\u{1}".repeat(1000);
        assert!(shown(&controls, 0).chars().count() <= EXCERPT_CHARS + 4);
        let masks = r#"{"code":"","code":"","code":""}"#.repeat(50);
        assert!(shown(&masks, 500).chars().count() <= EXCERPT_CHARS + 4);
    }

    #[test]
    fn messages_hide_masked_values() {
        let body = format!(r#"{{"access_token":"{TOKEN}","n":"{TOKEN}"}}"#);
        let masking = mask(body.as_bytes(), body.len(), &[]);
        let serde = format!("invalid type: string {TOKEN:?}, expected u64");
        assert_eq!(
            message(&serde, &masking, false),
            "invalid type: string [redacted], expected u64"
        );
        assert_eq!(
            message("unknown variant `x`, expected `a`", &masking, true),
            "unknown variant [redacted], expected [redacted]"
        );
        assert_eq!(
            message("missing field `id`", &masking, false),
            "missing field `id`"
        );
        let long = format!("invalid type: string {:?}", "x".repeat(10_000));
        assert!(message(&long, &masking, false).chars().count() <= MESSAGE_CHARS);
    }

    #[test]
    fn bounded_cuts_with_an_ellipsis() {
        assert_eq!(bounded("abc", 3), "abc");
        assert_eq!(bounded("abcd", 3), "ab…");
        assert_eq!(bounded("a\nb", 10), "a\\nb");
        assert_eq!(bounded("", 0), "");
    }

    #[test]
    fn headers_and_queries() {
        for name in [
            "Authorization",
            "proxy-authorization",
            "Cookie",
            "Set-Cookie",
            "X-Api-Key",
            "X-Auth-Token",
            "x-client-secret",
            "X-Password",
        ] {
            assert!(is_secret_header(name), "{name}");
        }
        for name in ["Accept", "Finch-API-Version", "User-Agent", "Content-Type"] {
            assert!(!is_secret_header(name), "{name}");
        }
        assert_eq!(
            redact_query("limit=1&access_token=abc&api%5Fkey=k&x"),
            "limit=1&access_token=[redacted]&api%5Fkey=[redacted]&x"
        );
        assert_eq!(url_path_shown("/a?token=t&b=1"), "/a?token=[redacted]&b=1");
    }

    #[test]
    fn urls_show_their_origin_only() {
        for (value, origin) in [
            (
                "https://api.tryfinch.com/v1?token=SENTINEL",
                "https://api.tryfinch.com",
            ),
            ("http://127.0.0.1:8080/x#SENTINEL", "http://127.0.0.1:8080"),
            (
                "https://user:SENTINEL@host.example/",
                "https://host.example",
            ),
            ("http://[::1]:1", "http://[::1]:1"),
            (
                "https://user:SENT/INEL@host.example/",
                "https://host.example",
            ),
            ("api.tryfinch.com/?token=SENTINEL", "(not shown)"),
            ("SENTINEL", "(not shown)"),
            ("https://a b/SENTINEL", "(not shown)"),
            ("SENTINEL with spaces", "(not shown)"),
            ("", "(not shown)"),
        ] {
            assert_eq!(url_origin(value), origin, "{value}");
        }
    }
}
