//! The checks that compare parts of a declaration: the template with the path fields, the body with
//! the method, names on the wire with each other. Each error points at the tokens to change.

use crate::ast::{Endpoint, Field, Location};
use crate::attr::{Args, Role};
use crate::ctxt::Ctxt;
use quote::ToTokens;

pub(crate) fn check(cx: &Ctxt, args: &Args, endpoint: &Endpoint<'_>) {
    check_response(cx, args);
    for field in &endpoint.fields {
        check_field(cx, field);
    }
    check_template(cx, args, endpoint);
    check_body(cx, args, endpoint);
    check_wire_names(cx, endpoint);
    check_serde(cx, endpoint);
}

/// Where an error about the field's name on the wire points: the `rename` value, the header's
/// name, or the field's name.
fn name_tokens(field: &Field<'_>) -> proc_macro2::TokenStream {
    match (&field.role, &field.rename, &field.serde.rename) {
        (Role::Header(header), _, _) => header.to_token_stream(),
        (_, _, Some((rename, _))) if field.is_member() => rename.to_token_stream(),
        (_, Some((rename, _)), _) => rename.to_token_stream(),
        _ => field.ident.to_token_stream(),
    }
}

fn check_field(cx: &Ctxt, field: &Field<'_>) {
    check_display(cx, field);
    let name = field.name();
    match &field.role {
        Role::Path if field.optional => cx.error_spanned_by(
            field.ty,
            format!("a path parameter is always required: `{name}` cannot be an `Option` (the path has no place to leave it out)"),
        ),
        Role::Credential(kind) if !field.optional => cx.error_spanned_by(
            field.ty,
            format!(
                "a credential field must be an `Option`: when it is `None` the client's {} is sent; write `Option<{}>`",
                kind.describe(),
                field.ty.to_token_stream()
            ),
        ),
        Role::Header(header) => {
            let value = header.value();
            if let Some(bad) = value.chars().find(|&c| !is_token_char(c)) {
                let what = match bad {
                    ' ' => "a space".to_owned(),
                    c if c.is_control() => format!("the control character {c:?}"),
                    c => format!("`{c}`"),
                };
                cx.error_spanned_by(
                    header,
                    format!("\"{value}\" is not a valid header name: it contains {what} (a header name is an HTTP token: letters, digits and `!#$%&'*+-.^_`|~`)"),
                );
            } else if value.is_empty() {
                cx.error_spanned_by(header, "the header name is empty");
            }
        }
        _ => {}
    }
    if let Some((rename, key)) = &field.rename {
        match field.role {
            Role::Header(_) => cx.error_spanned_by(
                key,
                "`rename` does not apply to a header: `header = \"...\"` already names it",
            ),
            Role::Body => cx.error_spanned_by(
                key,
                "`rename` does not apply to `#[finch(body)]`: the field is the whole body, it has no name on the wire",
            ),
            Role::Skip => cx.error_spanned_by(key, "`rename` does not apply to a skipped field: it is not sent"),
            _ if rename.value().is_empty() => cx.error_spanned_by(rename, "the name on the wire cannot be empty"),
            _ => {}
        }
    }
}

/// `display` sends a path, query or header value as its `Display` text.
fn check_display(cx: &Ctxt, field: &Field<'_>) {
    let Some(key) = &field.display else {
        return;
    };
    match field.role {
        Role::Path | Role::Query | Role::Header(_) => {}
        Role::Skip => cx.error_spanned_by(key, "`display` does not apply to a skipped field: it is not sent"),
        _ => cx.error_spanned_by(
            key,
            "`display` applies to path, query and header fields; serde writes the JSON body: to send a member's `Display` text, write `#[serde(serialize_with = \"...\")]` with a function that calls `serializer.collect_str(value)`",
        ),
    }
}

/// RFC 9110 `tchar`.
fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c)
}

fn check_template(cx: &Ctxt, args: &Args, endpoint: &Endpoint<'_>) {
    let Some(template) = &args.template else {
        return;
    };
    if !template.valid {
        return;
    }
    let path_fields = || {
        endpoint
            .fields
            .iter()
            .filter(|field| matches!(field.role, Role::Path) && !field.broken)
    };
    for param in template.params() {
        // A field whose attributes had errors may be the one meant: no second error for it.
        let bound = |field: &Field<'_>| {
            let named = field.wire_name() == param.name;
            (named && matches!(field.role, Role::Path))
                || (field.broken && (named || field.name() == param.name))
        };
        if endpoint.fields.iter().any(bound) {
            continue;
        }
        let same_name = endpoint
            .fields
            .iter()
            .find(|field| field.name() == param.name || field.wire_name() == param.name);
        let message = match same_name {
            Some(field) => format!(
                "`{{{}}}` in the path template has no path field: add `#[finch(path)]` to the field `{}`",
                param.name,
                field.name()
            ),
            None => format!(
                "`{{{name}}}` in the path template has no path field: add `#[finch(path)] pub {name}: String`",
                name = param.name
            ),
        };
        cx.error_at(param.span, message);
    }
    for field in path_fields() {
        let wire_name = field.wire_name();
        if !template.params().any(|param| param.name == wire_name) {
            cx.error_spanned_by(
                name_tokens(field),
                format!(
                    "the path field `{wire_name}` is not in the path template \"{}\": add `{{{wire_name}}}` to it, or give the field another role",
                    template.lit.value()
                ),
            );
        }
    }
}

fn check_body(cx: &Ctxt, args: &Args, endpoint: &Endpoint<'_>) {
    let is_get = args.method.as_ref().is_some_and(|method| method.is_get());
    // A field without a role named like a `{param}` was reported as the missing path field.
    let meant_for_path = |field: &Field<'_>| {
        matches!(field.role, Role::Json)
            && args.template.as_ref().is_some_and(|template| {
                template.valid && template.params().any(|param| param.name == field.name())
            })
    };
    let mut whole: Option<&Field<'_>> = None;
    for field in endpoint
        .fields
        .iter()
        .filter(|field| !field.broken && !meant_for_path(field))
    {
        let is_whole = matches!(field.role, Role::Body);
        let in_body = is_whole || field.location() == Location::BodyField;
        if is_get && in_body {
            let message = match field.role {
                Role::Json => {
                    "GET requests cannot carry a body; mark the field `#[finch(query)]`".to_owned()
                }
                _ => format!(
                    "GET requests cannot carry a body, so `{}` cannot be {}",
                    field.name(),
                    if is_whole {
                        "the body"
                    } else {
                        "a JSON body field"
                    }
                ),
            };
            match &field.role_key {
                Some(key) => cx.error_spanned_by(key, message),
                None => cx.error_spanned_by(field.ident, message),
            }
            continue;
        }
        if is_whole {
            match whole {
                Some(first) => cx.error_spanned_by(
                    field.role_key.as_ref(),
                    format!(
                        "only one field can be the whole body: `{}` already is",
                        first.name()
                    ),
                ),
                None => whole = Some(field),
            }
        }
    }
    let Some(whole) = whole else {
        return;
    };
    for field in endpoint
        .fields
        .iter()
        .filter(|field| field.location() == Location::BodyField && !field.broken)
    {
        let what = if matches!(field.role, Role::Credential(_)) {
            "a credential field"
        } else {
            "a JSON body field"
        };
        let message = format!(
            "`{}` would be {what}, but `{}` is the whole body (`#[finch(body)]`): give `{}` another role (`query`, `header = \"...\"`) or make it part of the body's type",
            field.name(),
            whole.name(),
            field.name()
        );
        match &field.role_key {
            Some(key) => cx.error_spanned_by(key, message),
            None => cx.error_spanned_by(field.ident, message),
        }
    }
}

fn check_wire_names(cx: &Ctxt, endpoint: &Endpoint<'_>) {
    for (index, field) in endpoint.fields.iter().enumerate() {
        let location = field.location();
        if field.broken || matches!(location, Location::Body | Location::Nowhere) {
            continue;
        }
        let wire_name = field.wire_name();
        let same = |other: &&Field<'_>| {
            !other.broken
                && other.location() == location
                && if location == Location::Header {
                    other.wire_name().eq_ignore_ascii_case(&wire_name)
                } else {
                    other.wire_name() == wire_name
                }
        };
        if let Some(first) = endpoint.fields[..index].iter().find(same) {
            let message = if location == Location::Header {
                format!(
                    "the field `{}` already sends the header `{}` (header names are case-insensitive)",
                    first.name(),
                    first.wire_name()
                )
            } else {
                format!(
                    "the field `{}` already sends {} named `{wire_name}`; give one of them another name with `rename = \"...\"`",
                    first.name(),
                    location.describe()
                )
            };
            cx.error_spanned_by(name_tokens(field), message);
        }
    }
}

/// Each `#[serde(...)]` attribute is honoured (on a body member: `rename`, `skip`,
/// `skip_serializing_if`, `serialize_with`, `with`; on the struct: `rename_all`), has no effect on
/// the wire (`crate`, `bound`), or is reported here, at the attribute.
fn check_serde(cx: &Ctxt, endpoint: &Endpoint<'_>) {
    for (tokens, message) in &endpoint.serde.rejected {
        cx.error_spanned_by(tokens, message);
    }
    for field in &endpoint.fields {
        if matches!(field.role, Role::Skip) {
            // Not sent: its serde attributes are the author's own business.
            continue;
        }
        for (tokens, message) in &field.serde.rejected {
            cx.error_spanned_by(tokens, message);
        }
        check_serde_role(cx, field);
        check_rename_all(cx, endpoint, field);
    }
}

/// The honoured attributes apply to JSON body members; on fields sent elsewhere, they are
/// reported with the finch way to say the same.
fn check_serde_role(cx: &Ctxt, field: &Field<'_>) {
    let place = match &field.role {
        Role::Json => {
            if let (Some((finch, _)), Some((serde, _))) = (&field.rename, &field.serde.rename)
                && finch.value() != serde.value()
            {
                cx.error_spanned_by(
                    finch,
                    format!(
                        "`#[finch(rename = \"{}\")]` and `#[serde(rename = \"{}\")]` give this field two names on the wire: keep one",
                        finch.value(),
                        serde.value()
                    ),
                );
            }
            return;
        }
        Role::Credential(_) => "a credential field",
        Role::Body => "the whole body (`#[finch(body)]`)",
        Role::Path => "a path parameter",
        Role::Query => "a query parameter",
        Role::Header(_) => "a header",
        Role::Skip => return,
    };
    let role = field
        .role_key
        .as_ref()
        .map(|key| key.to_string())
        .unwrap_or_default();
    for (tokens, attribute) in field.serde.honoured() {
        let instead = match (attribute, &field.role) {
            ("rename", Role::Credential(_)) => continue,
            ("rename", Role::Path | Role::Query) => {
                let wire = field
                    .serde
                    .rename
                    .as_ref()
                    .map_or_else(|| "name".to_owned(), |(lit, _)| lit.value());
                format!("write `#[finch({role}, rename = \"{wire}\")]`")
            }
            ("rename", Role::Header(_)) => "the header's name is the one in `header = \"...\"`".to_owned(),
            ("rename", _) => "the whole body has no name; remove it".to_owned(),
            // The field is not a member of the JSON body, which is what `skip` tells a derived
            // `Serialize`: the derive and the body agree.
            ("skip", Role::Path | Role::Query | Role::Header(_) | Role::Body) => continue,
            ("skip", _) => "to send nothing, write `#[finch(skip)]` in place of its role".to_owned(),
            ("skip_serializing_if", Role::Path) => "a path parameter is always sent".to_owned(),
            ("skip_serializing_if", Role::Credential(_)) => "remove it".to_owned(),
            ("skip_serializing_if", _) => "make the field an `Option`: `None` is not sent".to_owned(),
            (_, Role::Path) => "to send the value's `Display` text, write `#[finch(path, display)]`; or give the field a type whose `Serialize` writes the text".to_owned(),
            (_, Role::Header(_)) => "to send the value's `Display` text, add `display` to its `#[finch(...)]`; or give the field a type whose `Serialize` writes the text".to_owned(),
            (_, Role::Query) => "to send the value's `Display` text, write `#[finch(query, display)]`; or give the field a type whose `Serialize` writes what is wanted".to_owned(),
            _ => "give the field a type whose `Serialize` writes what is wanted".to_owned(),
        };
        let why = match field.role {
            Role::Credential(_) => {
                "it is always sent, with the client's credential when it is `None`"
            }
            _ => {
                "serde's attributes shape the JSON body's members, and finch writes this field itself"
            }
        };
        cx.error_spanned_by(
            tokens,
            format!("`#[serde({attribute})]` does not apply to {place}: {why}; {instead}"),
        );
    }
}

/// `rename_all` names the JSON body's members. A query parameter it would rename for a derived
/// `Serialize` is reported, so that its name on the wire is written where it is decided.
fn check_rename_all(cx: &Ctxt, endpoint: &Endpoint<'_>, field: &Field<'_>) {
    let (Some((rule, tokens)), Role::Query, None, None) = (
        &endpoint.serde.rename_all,
        &field.role,
        &field.rename,
        &field.serde.skip,
    ) else {
        // Also when `#[serde(skip)]` keeps the field out of serde's view: nothing disagrees.
        return;
    };
    let name = field.name();
    let renamed = rule.apply(&name);
    if renamed != name {
        cx.error_spanned_by(
            field.ident,
            format!(
                "`#[serde(rename_all = {})]` names the JSON body's members, not query parameters: this one is sent as `{name}`; to send it as `{renamed}`, write `#[finch(query, rename = \"{renamed}\")]`",
                tokens
            ),
        );
    }
}

/// A response is decoded from a buffer that is dropped after decoding: it must own its data. A
/// borrowed one would fail on a `Deserialize` that "is not general enough"; this says why.
fn check_response(cx: &Ctxt, args: &Args) {
    let Some((tokens, lifetime)) = args.response.as_ref().and_then(borrowed) else {
        return;
    };
    let what = match lifetime {
        Some(lifetime) => format!("drop the lifetime `{lifetime}`"),
        None => "drop the reference".to_owned(),
    };
    cx.error_spanned_by(
        tokens,
        format!("response types must own their data (`String`, not `&str`): {what}"),
    );
}

/// The first part of `ty` that borrows: a reference, or a type with a lifetime other than
/// `'static` (and that lifetime).
pub(crate) fn borrowed(ty: &syn::Type) -> Option<(proc_macro2::TokenStream, Option<String>)> {
    use syn::{GenericArgument, PathArguments, Type};
    let in_path = |path: &syn::Path| {
        path.segments.iter().find_map(|segment| {
            let PathArguments::AngleBracketed(arguments) = &segment.arguments else {
                return None;
            };
            arguments.args.iter().find_map(|argument| match argument {
                GenericArgument::Lifetime(lifetime) if lifetime.ident != "static" => {
                    Some((ty.to_token_stream(), Some(lifetime.to_string())))
                }
                GenericArgument::Type(inner) => borrowed(inner),
                _ => None,
            })
        })
    };
    match ty {
        Type::Reference(reference) => Some((
            reference.to_token_stream(),
            reference
                .lifetime
                .as_ref()
                .filter(|lifetime| lifetime.ident != "static")
                .map(ToString::to_string),
        )),
        Type::Path(path) => {
            let qself = path.qself.as_ref().and_then(|qself| borrowed(&qself.ty));
            qself.or_else(|| in_path(&path.path))
        }
        Type::Array(array) => borrowed(&array.elem),
        Type::Slice(slice) => borrowed(&slice.elem),
        Type::Group(group) => borrowed(&group.elem),
        Type::Paren(paren) => borrowed(&paren.elem),
        Type::Tuple(tuple) => tuple.elems.iter().find_map(borrowed),
        _ => None,
    }
}
