//! The path template: `"/employer/benefits/{benefit_id}/individuals"`, read into literal parts and
//! parameters, with every mistake reported at the part of the literal it is in.

use crate::ctxt::Ctxt;
use proc_macro2::Span;
use std::ops::Range;
use syn::LitStr;

/// A checked template.
pub(crate) struct Template {
    /// The literal as written (for `PATH` and for errors).
    pub(crate) lit: LitStr,
    /// The literal parts and parameters, in order.
    pub(crate) parts: Vec<Part>,
    /// `false` when the template had errors; the checks that compare it with the fields are skipped
    /// then, so that one mistake is reported once.
    pub(crate) valid: bool,
}

pub(crate) enum Part {
    Literal(String),
    Param(Param),
}

pub(crate) struct Param {
    pub(crate) name: String,
    /// Where `{name}` is in the literal (the whole literal when rustc cannot point inside it).
    pub(crate) span: Span,
}

impl Template {
    pub(crate) fn params(&self) -> impl Iterator<Item = &Param> {
        self.parts.iter().filter_map(|part| match part {
            Part::Param(param) => Some(param),
            Part::Literal(_) => None,
        })
    }
}

/// Characters a template may hold outside `{}`: RFC 3986 `pchar` and `/`, without `%`.
fn is_path_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@/".contains(c)
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) if first.is_ascii_alphabetic() || first == '_' => {}
        _ => return false,
    }
    name != "_" && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn describe(c: char) -> String {
    match c {
        ' ' => "a space".to_owned(),
        '\t' | '\n' | '\r' => "whitespace".to_owned(),
        c if c.is_control() => format!("the control character {c:?}"),
        c => format!("`{c}`"),
    }
}

/// Reads `lit`, reporting every mistake in it.
pub(crate) fn parse(cx: &Ctxt, lit: LitStr) -> Template {
    let value = lit.value();
    let locator = Locator::new(&lit, &value);
    let mut valid = true;
    let mut error = |range: Range<usize>, message: String| {
        valid = false;
        cx.error_at(locator.span(range), message);
    };

    if !value.starts_with('/') {
        let message = if value.is_empty() {
            "the path template is empty; it starts with `/`, as in \"/employer/company\"".to_owned()
        } else if let Some(rest) = value
            .strip_prefix("https://")
            .or_else(|| value.strip_prefix("http://"))
        {
            let path = rest.find('/').map_or("/", |slash| &rest[slash..]);
            format!(
                "the path template is relative to the client's base URL: write \"{path}\", not a full URL"
            )
        } else {
            format!("the path template must start with `/`: \"/{value}\"")
        };
        error(0..value.len().min(1), message);
    }

    let mut parts = Vec::new();
    let mut literal = String::new();
    let mut seen: Vec<String> = Vec::new();
    let mut chars = value.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        match c {
            '{' => {
                // Read up to the matching `}`.
                let mut end = None;
                let mut nested = None;
                for (index, inner) in chars.by_ref() {
                    match inner {
                        '}' => {
                            end = Some(index);
                            break;
                        }
                        '{' if nested.is_none() => nested = Some(index),
                        _ => {}
                    }
                }
                let Some(end) = end else {
                    error(start..value.len(), format!("unclosed `{{` in the path template \"{value}\": close it with `}}`"));
                    break;
                };
                if let Some(nested) = nested {
                    error(nested..nested + 1, format!("unbalanced `{{` in the path template \"{value}\": `{{` cannot appear inside `{{...}}`"));
                    break;
                }
                let name = &value[start + 1..end];
                let range = start..end + 1;
                if name.is_empty() {
                    error(range, "empty `{}` in the path template: name the parameter, as in `{benefit_id}`".to_owned());
                } else if !is_identifier(name) {
                    error(range, format!("`{{{name}}}` is not a valid parameter name: use a Rust identifier, as in `{{benefit_id}}`"));
                } else if seen.iter().any(|other| other == name) {
                    error(range, format!("`{{{name}}}` appears twice in the path template: each parameter binds to one field"));
                } else {
                    seen.push(name.to_owned());
                    if !literal.is_empty() {
                        parts.push(Part::Literal(std::mem::take(&mut literal)));
                    }
                    parts.push(Part::Param(Param { name: name.to_owned(), span: locator.span(range) }));
                }
            }
            '}' => error(start..start + 1, format!("unmatched `}}` in the path template \"{value}\"")),
            '?' => error(
                start..start + 1,
                "the path template cannot contain a query string (`?`): declare query parameters as fields with `#[finch(query)]`".to_owned(),
            ),
            '#' => error(start..start + 1, "the path template cannot contain a fragment (`#`)".to_owned()),
            '%' => error(
                start..start + 1,
                "the path template cannot contain `%`: write characters as they are, and parameters as `{name}` (their values are percent-encoded when the request is sent)".to_owned(),
            ),
            c if is_path_char(c) => literal.push(c),
            c => error(
                start..start + c.len_utf8(),
                format!(
                    "{} cannot appear in a path template; it may contain letters, digits, `-._~!$&'()*+,;=:@/` and `{{name}}` parameters",
                    describe(c)
                ),
            ),
        }
    }
    if !literal.is_empty() {
        parts.push(Part::Literal(literal));
    }
    Template { lit, parts, valid }
}

/// Maps byte ranges of the string's value to spans inside the literal, when the compiler can
/// point inside literals (nightly) and the literal has no escapes; otherwise the whole literal.
struct Locator {
    literal: proc_macro2::Literal,
    whole: Span,
    /// Where the value starts in the literal's source text, when the value is written verbatim.
    offset: Option<usize>,
}

impl Locator {
    fn new(lit: &LitStr, value: &str) -> Self {
        let literal = lit.token();
        let source = literal.to_string();
        let offset = if source.len() >= 2
            && source.starts_with('"')
            && &source[1..source.len() - 1] == value
        {
            Some(1)
        } else if let Some(raw) = source.strip_prefix('r') {
            let hashes = raw.len() - raw.trim_start_matches('#').len();
            let start = 1 + hashes + 1;
            let end = source.len().checked_sub(1 + hashes);
            match end {
                Some(end) if end >= start && source.get(start..end) == Some(value) => Some(start),
                _ => None,
            }
        } else {
            None
        };
        Locator {
            literal,
            whole: lit.span(),
            offset,
        }
    }

    fn span(&self, range: Range<usize>) -> Span {
        self.offset
            .and_then(|offset| {
                self.literal
                    .subspan(range.start + offset..range.end + offset)
            })
            .unwrap_or(self.whole)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Template, Option<String>) {
        let cx = Ctxt::new();
        let template = parse(&cx, LitStr::new(text, Span::call_site()));
        (template, cx.into_error().map(|error| error.to_string()))
    }

    fn parts(template: &Template) -> Vec<String> {
        template
            .parts
            .iter()
            .map(|part| match part {
                Part::Literal(text) => text.clone(),
                Part::Param(param) => format!("{{{}}}", param.name),
            })
            .collect()
    }

    #[test]
    fn valid_templates() {
        let (template, error) = read("/employer/benefits/{benefit_id}/individuals");
        assert!(error.is_none() && template.valid);
        assert_eq!(
            parts(&template),
            ["/employer/benefits/", "{benefit_id}", "/individuals"]
        );
        let (template, error) = read("/a/{x}{y}.json");
        assert!(error.is_none());
        assert_eq!(parts(&template), ["/a/", "{x}", "{y}", ".json"]);
        let (template, _) = read("/");
        assert_eq!(parts(&template), ["/"]);
    }

    #[test]
    fn mistakes() {
        for (text, expected) in [
            ("", "is empty"),
            ("employer", "must start with `/`: \"/employer\""),
            (
                "https://api.tryfinch.com/employer/company",
                "write \"/employer/company\"",
            ),
            ("/a/{b", "unclosed `{`"),
            ("/a/b}", "unmatched `}`"),
            ("/a/{b{c}}", "unbalanced `{`"),
            ("/a/{}", "empty `{}`"),
            ("/a/{1b}", "`{1b}` is not a valid parameter name"),
            ("/a/{b-c}", "`{b-c}` is not a valid parameter name"),
            ("/a/{b}/{b}", "`{b}` appears twice"),
            ("/a?b=c", "query string"),
            ("/a#b", "fragment"),
            ("/a b", "a space cannot appear"),
            ("/a\"b", "`\"` cannot appear"),
            ("/a%20b", "cannot contain `%`"),
        ] {
            let (template, error) = read(text);
            let error = error.unwrap_or_default();
            assert!(!template.valid, "{text}");
            assert!(error.contains(expected), "{text}: {error}");
        }
    }
}
