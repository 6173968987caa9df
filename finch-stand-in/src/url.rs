//! Path segments and query strings, percent-decoded.

/// Decodes `%XX` escapes (and, for query strings, `+` as a space). A `%` not followed by two hex
/// digits is kept as it is; bytes that do not form UTF-8 are replaced with U+FFFD, so such a
/// value simply matches nothing.
pub(crate) fn percent_decode(text: &str, plus_is_space: bool) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut position = 0;
    while let Some(&byte) = bytes.get(position) {
        match byte {
            b'%' => {
                let high = bytes
                    .get(position + 1)
                    .and_then(|&b| char::from(b).to_digit(16));
                let low = bytes
                    .get(position + 2)
                    .and_then(|&b| char::from(b).to_digit(16));
                if let (Some(high), Some(low)) = (high, low) {
                    out.push(u8::try_from(high * 16 + low).unwrap_or(b'?'));
                    position += 3;
                    continue;
                }
                out.push(b'%');
            }
            b'+' if plus_is_space => out.push(b' '),
            other => out.push(other),
        }
        position += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The segments of a path after the leading `/`, each percent-decoded. Decoding happens after
/// splitting, so `%2F` inside a segment never creates a new segment.
pub(crate) fn path_segments(path: &str) -> Vec<String> {
    path.strip_prefix('/')
        .unwrap_or(path)
        .split('/')
        .map(|segment| percent_decode(segment, false))
        .collect()
}

/// The `name=value` pairs of a query string, decoded, in order. A pair without `=` has an empty
/// value.
pub(crate) fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(name, true), percent_decode(value, true))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_escapes_and_keeps_stray_percent() {
        assert_eq!(percent_decode("a%20b%2Fc", false), "a b/c");
        assert_eq!(percent_decode("100%", false), "100%");
        assert_eq!(percent_decode("%zz%4", false), "%zz%4");
        assert_eq!(percent_decode("a+b", false), "a+b");
        assert_eq!(percent_decode("a+b", true), "a b");
        assert_eq!(percent_decode("%C3%A9", false), "é");
        assert_eq!(percent_decode("%FF", false), "\u{FFFD}");
    }

    #[test]
    fn encoded_slash_stays_in_its_segment() {
        assert_eq!(
            path_segments("/employer/benefits/..%2Fx"),
            ["employer", "benefits", "../x"]
        );
        assert_eq!(path_segments("/"), [""]);
        assert_eq!(path_segments("/a//b/"), ["a", "", "b", ""]);
    }

    #[test]
    fn query_pairs_accept_brackets_in_either_form() {
        assert_eq!(
            query_pairs("entity_ids%5B%5D=a&entity_ids[]=b&limit=5&flag&&x=1+2"),
            [
                ("entity_ids[]".to_owned(), "a".to_owned()),
                ("entity_ids[]".to_owned(), "b".to_owned()),
                ("limit".to_owned(), "5".to_owned()),
                ("flag".to_owned(), String::new()),
                ("x".to_owned(), "1 2".to_owned()),
            ]
        );
        assert!(query_pairs("").is_empty());
    }
}
