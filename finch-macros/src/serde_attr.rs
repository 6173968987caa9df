//! Reads the `#[serde(...)]` attributes of a request struct and of its fields.
//!
//! finch writes a request itself: the JSON body one member per field, the path, query and headers
//! from their fields. A `#[serde(...)]` attribute there (it compiles when the struct also derives
//! `Serialize`) would otherwise be ignored, and the wire would differ from what the author wrote.
//! So finch honours the ones that change what serde writes for a body member, as serde does (a
//! derived `Serialize` and the body then agree), and the checks reject every other one at the
//! attribute, with the finch way to say it.
//!
//! A malformed `#[serde(...)]` is left to serde (or to rustc, without a derive) to report: what could
//! be read of it is used, and the crate does not compile either way.

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::{End, ParseStream, Parser};
use syn::{ExprPath, Ident, LitStr, Token};

/// One item of `#[serde(...)]`: `skip`, `rename = "x"`, `rename(serialize = "x")`.
struct Item {
    name: String,
    value: Value,
    /// The item as written, key and value, for errors.
    tokens: TokenStream,
}

enum Value {
    Flag,
    Str(LitStr),
    List(TokenStream),
    Other,
}

/// The items of every `#[serde(...)]` attribute, in order.
fn items(attrs: &[syn::Attribute]) -> Vec<Item> {
    let mut items = Vec::new();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
        let syn::Meta::List(list) = &attr.meta else {
            continue;
        };
        let parser = |input: ParseStream<'_>| read_items(input, &mut items);
        // A syntax error is serde's to report; what was read before it is kept.
        let _ = parser.parse2(list.tokens.clone());
    }
    items
}

fn read_items(input: ParseStream<'_>, items: &mut Vec<Item>) -> syn::Result<()> {
    while !input.is_empty() {
        let key = Ident::parse_any(input)?;
        let mut tokens = key.to_token_stream();
        let value = if input.peek(Token![=]) {
            tokens.extend([input.parse::<TokenTree>()?]);
            if input.peek(LitStr) && (input.peek2(Token![,]) || input.peek2(End)) {
                let lit: LitStr = input.parse()?;
                tokens.extend(lit.to_token_stream());
                Value::Str(lit)
            } else {
                while !input.is_empty() && !input.peek(Token![,]) {
                    tokens.extend([input.parse::<TokenTree>()?]);
                }
                Value::Other
            }
        } else if input.peek(syn::token::Paren) {
            let group = input.parse::<TokenTree>()?;
            let inner = match &group {
                TokenTree::Group(group) => group.stream(),
                _ => TokenStream::new(),
            };
            tokens.extend([group]);
            Value::List(inner)
        } else {
            Value::Flag
        };
        items.push(Item {
            name: key.unraw().to_string(),
            value,
            tokens,
        });
        if !input.is_empty() {
            input.parse::<Token![,]>()?;
        }
    }
    Ok(())
}

/// `serialize = "x", deserialize = "y"` inside `rename(...)` or `rename_all(...)`: the `serialize`
/// value, and the `deserialize = ...` part as written.
fn split_list(list: &TokenStream) -> (Option<LitStr>, Option<TokenStream>) {
    let mut serialize = None;
    let mut deserialize = None;
    let parser = |input: ParseStream<'_>| {
        let mut inner = Vec::new();
        read_items(input, &mut inner)?;
        for item in inner {
            match (item.name.as_str(), item.value) {
                ("serialize", Value::Str(lit)) => serialize = Some(lit),
                ("deserialize", _) => deserialize = Some(item.tokens),
                _ => {}
            }
        }
        Ok(())
    };
    let _ = parser.parse2(list.clone());
    (serialize, deserialize)
}

/// `"path::to::function"` as a path, spanned at the literal; `None` when it is not a path (serde
/// reports that).
fn expr_path(lit: &LitStr) -> Option<ExprPath> {
    lit.parse().ok()
}

/// What the `#[serde(...)]` attributes of a field say.
#[derive(Default)]
pub(crate) struct SerdeField {
    /// `rename = "x"` or `rename(serialize = "x")`: the name of a body member.
    pub(crate) rename: Option<(LitStr, TokenStream)>,
    /// `skip` or `skip_serializing`: not sent.
    pub(crate) skip: Option<TokenStream>,
    /// `skip_serializing_if = "path"`: not sent when `path(&field)` is `true`.
    pub(crate) skip_if: Option<(ExprPath, TokenStream)>,
    /// `serialize_with = "path"`, or `with = "module"` as `module::serialize`: written by it. And
    /// which of the two was written.
    pub(crate) with: Option<(ExprPath, TokenStream, &'static str)>,
    /// Attributes finch does not honour on any field, with the error to report at each.
    pub(crate) rejected: Vec<(TokenStream, String)>,
}

impl SerdeField {
    /// The attributes that finch honours on a body member, for errors where they do not apply:
    /// each as written, and the name serde gives it.
    pub(crate) fn honoured(&self) -> Vec<(&TokenStream, &'static str)> {
        let mut honoured = Vec::new();
        if let Some((_, tokens)) = &self.rename {
            honoured.push((tokens, "rename"));
        }
        if let Some(tokens) = &self.skip {
            honoured.push((tokens, "skip"));
        }
        if let Some((_, tokens)) = &self.skip_if {
            honoured.push((tokens, "skip_serializing_if"));
        }
        if let Some((_, tokens, name)) = &self.with {
            honoured.push((tokens, *name));
        }
        honoured
    }
}

/// Reads the `#[serde(...)]` attributes of a field.
pub(crate) fn field(attrs: &[syn::Attribute]) -> SerdeField {
    let mut field = SerdeField::default();
    for item in items(attrs) {
        match (item.name.as_str(), item.value) {
            ("rename", Value::Str(lit)) => {
                field.rename.get_or_insert((lit, item.tokens));
            }
            ("rename", Value::List(list)) => {
                let (serialize, deserialize) = split_list(&list);
                if let Some(deserialize) = deserialize {
                    field.rejected.push((
                        deserialize,
                        deserialize_only(
                            "rename(deserialize = ...)",
                            "to name the member on the wire, write `#[serde(rename = \"...\")]`",
                        ),
                    ));
                }
                if let Some(lit) = serialize {
                    field.rename.get_or_insert((lit, item.tokens));
                }
            }
            ("skip" | "skip_serializing", Value::Flag) => {
                field.skip.get_or_insert(item.tokens);
            }
            ("skip_serializing_if", Value::Str(lit)) => {
                if let Some(path) = expr_path(&lit) {
                    field.skip_if.get_or_insert((path, item.tokens));
                }
            }
            ("serialize_with", Value::Str(lit)) => {
                if let Some(path) = expr_path(&lit) {
                    field
                        .with
                        .get_or_insert((path, item.tokens, "serialize_with"));
                }
            }
            ("with", Value::Str(lit)) => {
                if let Some(mut path) = expr_path(&lit) {
                    path.path
                        .segments
                        .push(Ident::new("serialize", lit.span()).into());
                    field.with.get_or_insert((path, item.tokens, "with"));
                }
            }
            (
                "flatten" | "default" | "alias" | "deserialize_with" | "skip_deserializing"
                | "borrow",
                _,
            ) => {
                field
                    .rejected
                    .push((item.tokens, rejected_field(&item.name)));
            }
            // `bound` (the derive's generic bounds) has nothing to do with the wire. The rest serde
            // itself refuses on a struct's field: an unknown name, a malformed value, `getter`
            // without `remote` (which is refused below).
            _ => {}
        }
    }
    field
}

fn deserialize_only(what: &str, instead: &str) -> String {
    format!(
        "`#[serde({what})]` only changes how the struct is deserialized, not what finch sends (a request is never deserialized by finch); {instead}"
    )
}

/// Why finch does not honour `#[serde(name)]` on a field, and what to write instead.
fn rejected_field(name: &str) -> String {
    match name {
        "flatten" => "`#[serde(flatten)]` is not supported on a request: finch sends each field as one member of the body; declare the nested members as fields of the request, or send one value as the whole body with `#[finch(body)]`".to_owned(),
        "default" => deserialize_only("default", "to leave the member out when it is not set, make the field an `Option` (`None` is not sent)"),
        "alias" => deserialize_only("alias", "the member is sent under one name: `#[serde(rename = \"...\")]` or `#[finch(rename = \"...\")]`"),
        "deserialize_with" => deserialize_only("deserialize_with", "to change how the field is sent, write `#[serde(serialize_with = \"...\")]`"),
        "skip_deserializing" => deserialize_only("skip_deserializing", "finch still sends the field; to leave it out, write `#[serde(skip)]` or `#[finch(skip)]`"),
        _ => deserialize_only(name, "remove it"),
    }
}

/// A `rename_all` rule, as serde applies it to field names.
#[derive(Clone, Copy)]
pub(crate) enum RenameRule {
    /// `lowercase` and `snake_case` leave field names as they are.
    Unchanged,
    /// `UPPERCASE` and `SCREAMING_SNAKE_CASE`.
    Upper,
    Pascal,
    Camel,
    Kebab,
    ScreamingKebab,
}

impl RenameRule {
    fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "lowercase" | "snake_case" => RenameRule::Unchanged,
            "UPPERCASE" | "SCREAMING_SNAKE_CASE" => RenameRule::Upper,
            "PascalCase" => RenameRule::Pascal,
            "camelCase" => RenameRule::Camel,
            "kebab-case" => RenameRule::Kebab,
            "SCREAMING-KEBAB-CASE" => RenameRule::ScreamingKebab,
            _ => return None,
        })
    }

    /// The field's name under the rule, as `serde_derive` computes it.
    pub(crate) fn apply(self, field: &str) -> String {
        match self {
            RenameRule::Unchanged => field.to_owned(),
            RenameRule::Upper => field.to_ascii_uppercase(),
            RenameRule::Pascal => {
                let mut pascal = String::new();
                let mut capitalize = true;
                for c in field.chars() {
                    if c == '_' {
                        capitalize = true;
                    } else if capitalize {
                        pascal.push(c.to_ascii_uppercase());
                        capitalize = false;
                    } else {
                        pascal.push(c);
                    }
                }
                pascal
            }
            RenameRule::Camel => {
                let pascal = RenameRule::Pascal.apply(field);
                let mut chars = pascal.chars();
                match chars.next() {
                    Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
                    None => pascal,
                }
            }
            RenameRule::Kebab => field.replace('_', "-"),
            RenameRule::ScreamingKebab => field.to_ascii_uppercase().replace('_', "-"),
        }
    }
}

/// What the `#[serde(...)]` attributes of the struct say.
#[derive(Default)]
pub(crate) struct SerdeContainer {
    /// `rename_all = "camelCase"` or `rename_all(serialize = "camelCase")`, and the item as written.
    pub(crate) rename_all: Option<(RenameRule, TokenStream)>,
    /// Attributes finch does not honour, with the error to report at each.
    pub(crate) rejected: Vec<(TokenStream, String)>,
}

/// Reads the `#[serde(...)]` attributes of the struct.
pub(crate) fn container(attrs: &[syn::Attribute]) -> SerdeContainer {
    let mut container = SerdeContainer::default();
    for item in items(attrs) {
        let rule = match (item.name.as_str(), item.value) {
            ("rename_all", Value::Str(lit)) => Some(lit),
            ("rename_all", Value::List(list)) => {
                let (serialize, deserialize) = split_list(&list);
                if let Some(deserialize) = deserialize {
                    container.rejected.push((
                        deserialize,
                        deserialize_only(
                            "rename_all(deserialize = ...)",
                            "to name the body's members, write `#[serde(rename_all = \"...\")]`",
                        ),
                    ));
                }
                serialize
            }
            (
                "tag"
                | "transparent"
                | "into"
                | "remote"
                | "from"
                | "try_from"
                | "default"
                | "deny_unknown_fields"
                | "expecting",
                _,
            ) => {
                container
                    .rejected
                    .push((item.tokens, rejected_container(&item.name)));
                None
            }
            // No effect on the wire: `crate` (where serde is), `bound` (the derive's bounds) and
            // `rename` (the struct's own name, which serde_json does not write). The rest serde
            // itself refuses on a struct: an unknown name, `untagged`, `content`,
            // `rename_all_fields`, the identifiers.
            _ => None,
        };
        let Some(rule) = rule else { continue };
        // An unknown rule is serde's to report.
        if let Some(parsed) = RenameRule::from_name(&rule.value()) {
            container
                .rename_all
                .get_or_insert((parsed, rule.to_token_stream()));
        }
    }
    container
}

/// Why finch does not honour `#[serde(name)]` on the struct, and what to write instead.
fn rejected_container(name: &str) -> String {
    match name {
        "tag" => "`#[serde(tag)]` is not supported on a request: finch sends the fields as the body's members and would not add the tag member serde adds; declare it as a field".to_owned(),
        "transparent" | "into" | "remote" => format!(
            "`#[serde({name})]` is not supported on a request: finch sends each field itself; to send one value as the whole body, mark its field `#[finch(body)]`"
        ),
        _ => deserialize_only(name, "remove it"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_name_fields_as_serde_does() {
        let cases = [
            ("lowercase", "page_size"),
            ("UPPERCASE", "PAGE_SIZE"),
            ("PascalCase", "PageSize"),
            ("camelCase", "pageSize"),
            ("snake_case", "page_size"),
            ("SCREAMING_SNAKE_CASE", "PAGE_SIZE"),
            ("kebab-case", "page-size"),
            ("SCREAMING-KEBAB-CASE", "PAGE-SIZE"),
        ];
        for (rule, expected) in cases {
            let rule = RenameRule::from_name(rule).map(|rule| rule.apply("page_size"));
            assert_eq!(rule.as_deref(), Some(expected));
        }
        assert_eq!(RenameRule::Camel.apply(""), "");
        assert_eq!(RenameRule::Camel.apply("_x"), "x");
        assert!(RenameRule::from_name("camelcase").is_none());
    }
}
