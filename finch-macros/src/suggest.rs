//! "Did you mean ...?" for misspelt keys and values.

/// The candidate closest to `unknown`, if one is close enough to be what was meant.
pub(crate) fn closest<'a>(unknown: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let lowered = unknown.to_ascii_lowercase();
    candidates
        .iter()
        .filter_map(|&candidate| {
            if candidate.eq_ignore_ascii_case(unknown) {
                return Some((0, candidate));
            }
            let distance = edit_distance(&lowered, &candidate.to_ascii_lowercase());
            let limit = candidate.chars().count().max(3) / 3;
            (distance <= limit).then_some((distance, candidate))
        })
        .min_by_key(|&(distance, _)| distance)
        .map(|(_, candidate)| candidate)
}

/// `"; did you mean `x`?"`, `"; expected one of `a`, `b`"`, ready to append to a message.
pub(crate) fn hint(unknown: &str, candidates: &[&str]) -> String {
    match closest(unknown, candidates) {
        Some(candidate) => format!("; did you mean `{candidate}`?"),
        None => format!("; expected one of {}", list(candidates)),
    }
}

/// `` `a`, `b` or `c` ``.
pub(crate) fn list(items: &[&str]) -> String {
    let mut text = String::new();
    for (index, item) in items.iter().enumerate() {
        if index > 0 {
            text.push_str(if index + 1 == items.len() {
                " or "
            } else {
                ", "
            });
        }
        text.push('`');
        text.push_str(item);
        text.push('`');
    }
    text
}

/// Edit distance (optimal string alignment): inserting, deleting or substituting a character, or
/// swapping two adjacent ones, costs one.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    // d[i * width + j]: distance between the first i characters of a and the first j of b.
    let mut d: Vec<usize> = vec![0; (a.len() + 1) * width];
    for (i, row) in d.chunks_mut(width).enumerate() {
        if let Some(first) = row.first_mut() {
            *first = i;
        }
    }
    for (j, cell) in d.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("", ""), 0);
        assert_eq!(edit_distance("abc", ""), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("respone", "response"), 1);
        assert_eq!(edit_distance("qurey", "query"), 1);
        assert_eq!(edit_distance("paht", "path"), 1);
    }

    #[test]
    fn suggestions() {
        let keys = ["response", "auth", "crate"];
        assert_eq!(closest("respone", &keys), Some("response"));
        assert_eq!(closest("Response", &keys), Some("response"));
        assert_eq!(closest("auht", &keys), Some("auth"));
        assert_eq!(closest("paging", &keys), None);
        assert_eq!(
            closest("qurey", &["path", "query", "header", "body"]),
            Some("query")
        );
        assert_eq!(
            hint("zzz", &keys),
            "; expected one of `response`, `auth` or `crate`"
        );
        assert_eq!(hint("respons", &keys), "; did you mean `response`?");
        assert_eq!(closest("POTS", &["GET", "POST", "PUT"]), Some("POST"));
        assert_eq!(
            closest("HEAD", &["GET", "POST", "PUT", "DELETE", "PATCH"]),
            None
        );
    }
}
