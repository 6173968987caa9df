//! Reads the attribute's arguments (`GET "/path", response = Type, ...`) and the `#[finch(...)]`
//! attributes on fields. Mistakes are recorded in the [`Ctxt`] and reading goes on at the next
//! item, so that every mistake is reported at once.

use crate::ctxt::Ctxt;
use crate::suggest;
use crate::template::{self, Template};
use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::ext::IdentExt;
use syn::parse::{End, ParseStream, Parser};
use syn::{Ident, LitStr, Path, Token, Type};

/// The methods an endpoint can have, as written in the attribute.
pub(crate) const METHODS: &[&str] = &["GET", "POST", "PUT", "DELETE", "PATCH"];
/// The keys after the method and path.
const KEYS: &[&str] = &["response", "auth", "crate", "secret_members", "no_retry"];
/// The values of `auth = ...`.
const AUTH_SCHEMES: &[&str] = &["none", "bearer", "basic", "optional_bearer"];
/// The keys of `#[finch(...)]` on a field.
const FIELD_KEYS: &[&str] = &[
    "path",
    "query",
    "header",
    "body",
    "credential",
    "rename",
    "skip",
    "display",
];
/// The values of `credential = ...`.
const CREDENTIALS: &[&str] = &["client_id", "client_secret"];

/// The HTTP method, as the name of the `http::Method` constant (`GET`).
pub(crate) struct Method {
    pub(crate) ident: Ident,
}

impl Method {
    pub(crate) fn is_get(&self) -> bool {
        self.ident == "GET"
    }
}

#[derive(Clone, Copy, Default)]
pub(crate) enum Auth {
    None,
    #[default]
    Bearer,
    Basic,
    OptionalBearer,
}

impl Auth {
    /// The name of the `AuthScheme` variant.
    pub(crate) fn variant(self) -> &'static str {
        match self {
            Auth::None => "None",
            Auth::Bearer => "Bearer",
            Auth::Basic => "Basic",
            Auth::OptionalBearer => "OptionalBearer",
        }
    }

    /// What the struct's docs say about it: "no auth", "Bearer access token".
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Auth::None => "no auth",
            Auth::Bearer => "Bearer access token",
            Auth::Basic => "HTTP Basic: client id and secret",
            Auth::OptionalBearer => "Bearer access token when the client has one",
        }
    }
}

/// What the attribute's arguments say. Parts that had mistakes are `None`.
#[derive(Default)]
pub(crate) struct Args {
    pub(crate) method: Option<Method>,
    pub(crate) template: Option<Template>,
    pub(crate) response: Option<Type>,
    pub(crate) auth: Auth,
    /// `crate = path`: where `finch` is, for crates that re-export it.
    pub(crate) krate: Option<Path>,
    /// `secret_members = ["pin", ...]`: reply members whose values errors must mask.
    pub(crate) secret_members: Vec<LitStr>,
    /// `no_retry = [429, ...]`: error statuses that are the endpoint's answer, never retried.
    pub(crate) no_retry: Vec<syn::LitInt>,
    /// The arguments as written, for errors about what is missing from them.
    pub(crate) tokens: TokenStream,
}

/// Reads `#[finch_endpoint(<tokens>)]`.
pub(crate) fn parse_args(cx: &Ctxt, tokens: TokenStream) -> Args {
    let mut args = Args {
        tokens: tokens.clone(),
        ..Args::default()
    };
    let parser = |input: ParseStream<'_>| read_args(cx, input, &mut args);
    if let Err(error) = parser.parse2(tokens) {
        cx.syn_error(error);
    }
    args
}

fn read_args(cx: &Ctxt, input: ParseStream<'_>, args: &mut Args) -> syn::Result<()> {
    if input.is_empty() {
        cx.error_at(
            Span::call_site(),
            "expected the method and the path template: `#[finch_endpoint(GET \"/employer/company\", response = Company)]`",
        );
        return Ok(());
    }
    if input.peek(Ident::peek_any) && input.peek2(Token![=]) {
        cx.error_at(
            input.span(),
            "the method and the path template come first: `#[finch_endpoint(GET \"/path\", response = Type)]`",
        );
    } else {
        read_method_and_template(cx, input, args)?;
        if !input.is_empty() {
            expect_comma(cx, input, "after the path template")?;
        }
    }

    let mut seen: Vec<String> = Vec::new();
    while !input.is_empty() {
        if args.method.is_none()
            && args.template.is_none()
            && input.peek(Ident)
            && input.peek2(LitStr)
        {
            // The method and path after the keys: already reported, read them all the same.
            read_method_and_template(cx, input, args)?;
        } else {
            read_key(cx, input, args, &mut seen)?;
        }
        if !input.is_empty() {
            expect_comma(cx, input, "between keys")?;
        }
    }
    if !seen.iter().any(|key| key == "response") {
        cx.error_spanned_by(
            &args.tokens,
            "missing `response = Type`: the type a successful reply decodes into, as in `#[finch_endpoint(GET \"/employer/company\", response = Company)]`",
        );
    }
    Ok(())
}

fn read_method_and_template(cx: &Ctxt, input: ParseStream<'_>, args: &mut Args) -> syn::Result<()> {
    let mut after = input.span();
    if input.peek(LitStr) {
        cx.error_at(
            input.span(),
            format!(
                "missing method before the path template: write `GET \"/path\"` (methods: {})",
                suggest::list(METHODS)
            ),
        );
    } else if input.peek(Ident::peek_any) {
        let ident = Ident::parse_any(input)?;
        after = ident.span();
        args.method = read_method(cx, ident);
    } else {
        cx.syn_error(input.error(format!(
            "expected the HTTP method: {}",
            suggest::list(METHODS)
        )));
        skip_item(input)?;
        return Ok(());
    }

    if input.peek(LitStr) {
        let lit: LitStr = input.parse()?;
        args.template = Some(template::parse(cx, lit));
    } else if input.is_empty() || input.peek(Token![,]) {
        cx.error_at(after, "expected the path template after the method, as a string literal: `GET \"/employer/company\"`");
    } else {
        let mut tokens = TokenStream::new();
        while !input.is_empty() && !at_next_item(input) {
            tokens.extend([input.parse::<TokenTree>()?]);
        }
        cx.error_spanned_by(
            tokens,
            "the path template must be a string literal, as in `GET \"/employer/company\"`: the attribute reads it before constants and macros such as `concat!` are expanded",
        );
    }
    Ok(())
}

fn read_method(cx: &Ctxt, ident: Ident) -> Option<Method> {
    let name = ident.unraw().to_string();
    if METHODS.contains(&name.as_str()) {
        return Some(Method { ident });
    }
    let upper = name.to_ascii_uppercase();
    if METHODS.contains(&upper.as_str()) {
        cx.error_spanned_by(
            &ident,
            format!("methods are written in uppercase: `{upper}`"),
        );
    } else {
        cx.error_spanned_by(
            &ident,
            format!(
                "unsupported method `{name}`{}",
                suggest::hint(&name, METHODS)
            ),
        );
    }
    None
}

fn read_key(
    cx: &Ctxt,
    input: ParseStream<'_>,
    args: &mut Args,
    seen: &mut Vec<String>,
) -> syn::Result<()> {
    if !input.peek(Ident::peek_any) {
        cx.syn_error(input.error(format!(
            "expected `key = value`, with the key one of {}",
            suggest::list(KEYS)
        )));
        return skip_item(input);
    }
    let key = Ident::parse_any(input)?;
    let name = key.unraw().to_string();
    if !KEYS.contains(&name.as_str()) {
        if suggest::closest(&name, KEYS) == Some("response") {
            // Misspelt, not missing: do not report it missing as well.
            seen.push("response".to_owned());
        }
        cx.error_spanned_by(
            &key,
            format!(
                "unknown key `{name}` in `#[finch_endpoint]`{}",
                suggest::hint(&name, KEYS)
            ),
        );
        return skip_item(input);
    }
    if !input.peek(Token![=]) {
        cx.error_spanned_by(&key, format!("expected `=` after `{name}`: `{name} = ...`"));
        // Malformed, not missing: do not report it missing as well.
        seen.push(name);
        return skip_item(input);
    }
    input.parse::<Token![=]>()?;
    let duplicate = seen.contains(&name);
    if duplicate {
        cx.error_spanned_by(&key, format!("duplicate key `{name}`: it is already set"));
    } else {
        seen.push(name.clone());
    }

    let value = match name.as_str() {
        "response" => input.parse::<Type>().map(|ty| {
            if !duplicate {
                args.response = Some(ty);
            }
        }),
        "auth" => read_auth(cx, input).map(|auth| {
            if let (Some(auth), false) = (auth, duplicate) {
                args.auth = auth;
            }
        }),
        "secret_members" => read_secret_members(cx, input).map(|names| {
            if !duplicate {
                args.secret_members = names;
            }
        }),
        "no_retry" => read_no_retry(cx, input).map(|statuses| {
            if !duplicate {
                args.no_retry = statuses;
            }
        }),
        _ => read_crate(input).map(|path| {
            if !duplicate {
                args.krate = Some(path);
            }
        }),
    };
    if let Err(error) = value {
        cx.syn_error(error);
        return skip_item(input);
    }
    Ok(())
}

fn read_auth(cx: &Ctxt, input: ParseStream<'_>) -> syn::Result<Option<Auth>> {
    let ident = Ident::parse_any(input).map_err(|_| {
        input.error(format!(
            "expected the auth scheme: {}",
            suggest::list(AUTH_SCHEMES)
        ))
    })?;
    let name = ident.unraw().to_string();
    let auth = match name.as_str() {
        "none" => Auth::None,
        "bearer" => Auth::Bearer,
        "basic" => Auth::Basic,
        "optional_bearer" => Auth::OptionalBearer,
        _ => {
            cx.error_spanned_by(
                &ident,
                format!(
                    "unknown auth scheme `{name}`{}",
                    suggest::hint(&name, AUTH_SCHEMES)
                ),
            );
            return Ok(None);
        }
    };
    Ok(Some(auth))
}

/// `secret_members = ["pin", "session_key"]`: string literals, so that any member name (`api-key`)
/// can be written. Names that are not usable are reported and left out.
fn read_secret_members(cx: &Ctxt, input: ParseStream<'_>) -> syn::Result<Vec<LitStr>> {
    const EXPECTED: &str =
        "expected a list of member names as string literals: `secret_members = [\"pin\"]`";
    if !input.peek(syn::token::Bracket) {
        return Err(input.error(EXPECTED));
    }
    let content;
    syn::bracketed!(content in input);
    let mut names: Vec<LitStr> = Vec::new();
    while !content.is_empty() {
        if content.peek(LitStr) {
            let name: LitStr = content.parse()?;
            let value = name.value();
            if value.is_empty() {
                cx.error_spanned_by(&name, "a secret member name cannot be empty");
            } else if names.iter().any(|seen| seen.value() == value) {
                cx.error_spanned_by(&name, format!("duplicate secret member `{value}`"));
            } else {
                names.push(name);
            }
        } else {
            let token: TokenTree = content.parse()?;
            cx.error_spanned_by(&token, format!("{EXPECTED}; write `\"{token}\"`"));
        }
        if !content.is_empty() {
            content.parse::<Token![,]>()?;
        }
    }
    Ok(names)
}

/// `no_retry = [429]`: HTTP error statuses (400 to 599) as integer literals. Statuses that are not
/// usable are reported and left out.
fn read_no_retry(cx: &Ctxt, input: ParseStream<'_>) -> syn::Result<Vec<syn::LitInt>> {
    const EXPECTED: &str = "expected a list of HTTP error statuses: `no_retry = [429]`";
    if !input.peek(syn::token::Bracket) {
        return Err(input.error(EXPECTED));
    }
    let content;
    syn::bracketed!(content in input);
    let mut statuses: Vec<syn::LitInt> = Vec::new();
    let mut seen: Vec<u16> = Vec::new();
    while !content.is_empty() {
        if content.peek(syn::LitInt) {
            let status: syn::LitInt = content.parse()?;
            match status.base10_parse::<u16>() {
                Ok(code) if (400..=599).contains(&code) && status.suffix().is_empty() => {
                    if seen.contains(&code) {
                        cx.error_spanned_by(&status, format!("duplicate status `{code}`"));
                    } else {
                        seen.push(code);
                        statuses.push(status);
                    }
                }
                _ => cx.error_spanned_by(
                    &status,
                    "only error statuses (400 to 599, without a suffix) are retried, so only they \
                     can be declared `no_retry`",
                ),
            }
        } else {
            let token: TokenTree = content.parse()?;
            cx.error_spanned_by(&token, EXPECTED);
        }
        if !content.is_empty() {
            content.parse::<Token![,]>()?;
        }
    }
    Ok(statuses)
}

/// `crate = path::to::finch`, or `crate = "path::to::finch"` as serde writes it.
fn read_crate(input: ParseStream<'_>) -> syn::Result<Path> {
    if input.peek(LitStr) {
        let lit: LitStr = input.parse()?;
        return lit.parse_with(Path::parse_mod_style);
    }
    Path::parse_mod_style(input)
}

/// Reads a `,` between items, or reports its absence and moves on to the next item.
fn expect_comma(cx: &Ctxt, input: ParseStream<'_>, place: &str) -> syn::Result<()> {
    if input.peek(Token![,]) {
        input.parse::<Token![,]>()?;
        return Ok(());
    }
    cx.syn_error(input.error(format!("expected `,` {place}")));
    if input.peek(Ident::peek_any) && input.peek2(Token![=]) {
        // Only the comma is missing: read the next key.
        return Ok(());
    }
    skip_item(input)?;
    if input.peek(Token![,]) {
        input.parse::<Token![,]>()?;
    }
    Ok(())
}

/// `true` at a `,` that starts the next item (`, key = ...`, `, key,`, `, key` at the end).
/// Commas inside a value such as `Result<A, B>` are not followed by `key =`.
fn at_next_item(input: ParseStream<'_>) -> bool {
    input.peek(Token![,])
        && (input.peek2(End)
            || (input.peek2(Ident::peek_any)
                && (input.peek3(Token![=]) || input.peek3(Token![,]) || input.peek3(End))))
}

/// Skips what is left of a mistaken item, up to the next one.
fn skip_item(input: ParseStream<'_>) -> syn::Result<()> {
    while !input.is_empty() && !at_next_item(input) {
        input.parse::<TokenTree>()?;
    }
    Ok(())
}

/// A field's role: where it travels. The attribute sets every role but `Json`, which a field
/// without one has; `#[serde(skip)]` on a body field makes it `Skip`.
pub(crate) enum Role {
    Path,
    Query,
    Header(LitStr),
    /// The whole body.
    Body,
    /// A member of the JSON object body (no attribute).
    Json,
    /// A member of the JSON object body that defaults to one of the client's credentials.
    Credential(CredentialKind),
    /// Not sent: `#[finch(skip)]` (a `PhantomData` that holds a generic response type, a value of
    /// the author's), or a body field with `#[serde(skip)]`.
    Skip,
}

impl Role {
    /// The attribute's key for the role.
    fn key(&self) -> &'static str {
        match self {
            Role::Path => "path",
            Role::Query => "query",
            Role::Header(_) => "header",
            Role::Body => "body",
            Role::Json => "(none)",
            Role::Credential(_) => "credential",
            Role::Skip => "skip",
        }
    }
}

#[derive(Clone, Copy)]
pub(crate) enum CredentialKind {
    ClientId,
    ClientSecret,
}

impl CredentialKind {
    /// The name of the `Credential` variant.
    pub(crate) fn variant(self) -> &'static str {
        match self {
            CredentialKind::ClientId => "ClientId",
            CredentialKind::ClientSecret => "ClientSecret",
        }
    }

    pub(crate) fn describe(self) -> &'static str {
        match self {
            CredentialKind::ClientId => "client id",
            CredentialKind::ClientSecret => "client secret",
        }
    }
}

/// All `#[finch(...)]` attributes of one field, merged.
#[derive(Default)]
pub(crate) struct FieldAttrs {
    /// The role and the key that gave it (errors about the role point there).
    pub(crate) role: Option<(Role, Ident)>,
    /// `rename = "wire_name"` and its key.
    pub(crate) rename: Option<(LitStr, Ident)>,
    /// The `rename` was read from a mistaken `path = "name"`: an error is already reported, and the
    /// name is kept so that the template's `{name}` does not report a second, missing field.
    implied_rename: bool,
    /// `display` and its key.
    pub(crate) display: Option<Ident>,
}

/// `true` for `#[finch...]`, which the attribute reads and removes.
pub(crate) fn is_finch_attr(attr: &syn::Attribute) -> bool {
    attr.path().is_ident("finch")
}

/// The `finch(...)` and `serde(...)` attributes inside a `#[cfg_attr(condition, ...)]`, at any
/// depth. The attribute cannot know whether the condition holds (cfg_attr is expanded after it
/// runs), so it cannot read them; serde's derive, which runs later, would: reading neither would
/// send another wire than the one written, so each is an error.
pub(crate) fn conditional_attrs(attr: &syn::Attribute) -> Vec<syn::Meta> {
    fn inner(meta: &syn::Meta, found: &mut Vec<syn::Meta>) {
        let syn::Meta::List(list) = meta else {
            return;
        };
        if !list.path.is_ident("cfg_attr") {
            return;
        }
        let parser = syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated;
        let Ok(metas) = parser.parse2(list.tokens.clone()) else {
            return; // rustc reports a malformed cfg_attr itself
        };
        for meta in metas.iter().skip(1) {
            if meta.path().is_ident("finch") || meta.path().is_ident("serde") {
                found.push(meta.clone());
            } else {
                inner(meta, found);
            }
        }
    }
    let mut found = Vec::new();
    inner(&attr.meta, &mut found);
    found
}

/// Reports each `finch(...)` or `serde(...)` inside a `#[cfg_attr]` of `attrs`.
pub(crate) fn reject_conditional(cx: &Ctxt, attrs: &[syn::Attribute]) {
    for meta in attrs.iter().flat_map(conditional_attrs) {
        let name = if meta.path().is_ident("finch") {
            "finch"
        } else {
            "serde"
        };
        cx.error_spanned_by(
            &meta,
            format!(
                "`#[finch_endpoint]` cannot read `{name}(...)` inside `#[cfg_attr(...)]` (it runs before the condition is known): write `#[{name}(...)]` unconditionally, or declare the whole struct twice, each with its own `#[cfg(...)]`"
            ),
        );
    }
}

/// Reads every `#[finch(...)]` attribute of a field.
pub(crate) fn parse_field_attrs(cx: &Ctxt, attrs: &[syn::Attribute]) -> FieldAttrs {
    let mut field = FieldAttrs::default();
    for attr in attrs.iter().filter(|attr| is_finch_attr(attr)) {
        if let syn::Meta::List(list) = &attr.meta {
            if list.tokens.is_empty() {
                cx.error_spanned_by(
                    attr,
                    format!(
                        "empty `#[finch()]`: expected one of {}",
                        suggest::list(FIELD_KEYS)
                    ),
                );
                continue;
            }
            let parser = |input: ParseStream<'_>| read_field_items(cx, input, &mut field);
            if let Err(error) = attr.parse_args_with(parser) {
                cx.syn_error(error);
            }
        } else {
            cx.error_spanned_by(
                attr,
                "expected `#[finch(...)]` with the field's role: `#[finch(path)]`, `#[finch(query)]`, `#[finch(header = \"Name\")]`, `#[finch(body)]` or `#[finch(credential = client_id)]`",
            );
        }
    }
    field
}

fn read_field_items(cx: &Ctxt, input: ParseStream<'_>, field: &mut FieldAttrs) -> syn::Result<()> {
    while !input.is_empty() {
        if let Err(error) = read_field_item(cx, input, field) {
            cx.syn_error(error);
            skip_item(input)?;
        }
        if !input.is_empty() {
            expect_comma(cx, input, "between the items of `#[finch(...)]`")?;
        }
    }
    Ok(())
}

fn read_field_item(cx: &Ctxt, input: ParseStream<'_>, field: &mut FieldAttrs) -> syn::Result<()> {
    if !input.peek(Ident::peek_any) {
        return Err(input.error(format!("expected one of {}", suggest::list(FIELD_KEYS))));
    }
    let key = Ident::parse_any(input)?;
    let name = key.unraw().to_string();
    let has_value = input.peek(Token![=]);
    match name.as_str() {
        "path" | "query" | "body" | "skip" => {
            let role = match name.as_str() {
                "path" => Role::Path,
                "query" => Role::Query,
                "body" => Role::Body,
                _ => Role::Skip,
            };
            if has_value {
                read_mistaken_value(cx, input, field, &key, &name)?;
            }
            set_role(cx, field, role, key);
        }
        "display" => {
            if has_value {
                read_mistaken_value(cx, input, field, &key, &name)?;
            }
            if field.display.is_some() {
                cx.error_spanned_by(&key, "duplicate `display` on this field");
            } else {
                field.display = Some(key);
            }
        }
        "header" => {
            if !has_value {
                cx.error_spanned_by(
                    &key,
                    "`header` needs the header's name: `#[finch(header = \"X-Request-Tag\")]`",
                );
                return Ok(());
            }
            input.parse::<Token![=]>()?;
            let lit: LitStr = input.parse().map_err(|_| {
                input.error("expected the header's name as a string: `header = \"X-Request-Tag\"`")
            })?;
            set_role(cx, field, Role::Header(lit), key);
        }
        "credential" => {
            if !has_value {
                cx.error_spanned_by(
                    &key,
                    format!(
                        "`credential` needs the credential it defaults to: {}",
                        suggest::list(&["credential = client_id", "credential = client_secret"])
                    ),
                );
                return Ok(());
            }
            input.parse::<Token![=]>()?;
            let value = Ident::parse_any(input).map_err(|_| {
                input.error(format!(
                    "expected the credential: {}",
                    suggest::list(CREDENTIALS)
                ))
            })?;
            let value_name = value.unraw().to_string();
            let kind = match value_name.as_str() {
                "client_id" => CredentialKind::ClientId,
                "client_secret" => CredentialKind::ClientSecret,
                _ => {
                    cx.error_spanned_by(
                        &value,
                        format!(
                            "unknown credential `{value_name}`{}",
                            suggest::hint(&value_name, CREDENTIALS)
                        ),
                    );
                    return Ok(());
                }
            };
            set_role(cx, field, Role::Credential(kind), key);
        }
        "rename" => {
            if !has_value {
                cx.error_spanned_by(
                    &key,
                    "`rename` needs the name on the wire: `#[finch(rename = \"name\")]`",
                );
                return Ok(());
            }
            input.parse::<Token![=]>()?;
            let lit: LitStr = input.parse().map_err(|_| {
                input.error("expected the name on the wire as a string: `rename = \"name\"`")
            })?;
            match &field.rename {
                Some(_) if !field.implied_rename => {
                    cx.error_spanned_by(&key, "duplicate `rename` on this field");
                }
                // `path = "name"` was reported; the `rename` written next to it is the name.
                _ => {
                    field.rename = Some((lit, key));
                    field.implied_rename = false;
                }
            }
        }
        _ => {
            cx.error_spanned_by(
                &key,
                format!(
                    "unknown field attribute `{name}`{}",
                    suggest::hint(&name, FIELD_KEYS)
                ),
            );
            return skip_item(input);
        }
    }
    Ok(())
}

/// `path = "name"` (or `query = "name"`, `body = x`): these keys take no value. The likely meaning
/// is a rename, so the error shows the attribute that says it, and the name is kept as the field's
/// `rename` (unless it has one) so that nothing else is reported about the same mistake.
fn read_mistaken_value(
    cx: &Ctxt,
    input: ParseStream<'_>,
    field: &mut FieldAttrs,
    key: &Ident,
    name: &str,
) -> syn::Result<()> {
    let mut tokens = key.to_token_stream();
    tokens.extend([input.parse::<TokenTree>()?]); // the `=`
    let value = if input.peek(LitStr) {
        let lit: LitStr = input.parse()?;
        tokens.extend(lit.to_token_stream());
        Some(lit)
    } else if input.peek(Ident::peek_any) && (input.peek2(Token![,]) || input.peek2(End)) {
        let ident = Ident::parse_any(input)?;
        tokens.extend(ident.to_token_stream());
        Some(LitStr::new(&ident.unraw().to_string(), ident.span()))
    } else {
        None
    };
    while !input.is_empty() && !at_next_item(input) {
        tokens.extend([input.parse::<TokenTree>()?]);
    }
    let message = match (name, &value) {
        ("path", Some(lit)) => format!(
            "`path` takes no value: to bind the field to `{{{wire}}}`, write `#[finch(path, rename = \"{wire}\")]`",
            wire = lit.value()
        ),
        ("query", Some(lit)) => format!(
            "`query` takes no value: to send the field as `{wire}`, write `#[finch(query, rename = \"{wire}\")]`",
            wire = lit.value()
        ),
        ("path", None) => "`path` takes no value: to bind the field to another `{name}`, write `#[finch(path, rename = \"name\")]`".to_owned(),
        ("query", None) => "`query` takes no value: to send the field under another name, write `#[finch(query, rename = \"name\")]`".to_owned(),
        _ => format!("`{name}` takes no value: write `#[finch({name})]`"),
    };
    cx.error_spanned_by(tokens, message);
    if let (Some(lit), "path" | "query", None) = (value, name, &field.rename) {
        field.rename = Some((lit, key.clone()));
        field.implied_rename = true;
    }
    Ok(())
}

fn set_role(cx: &Ctxt, field: &mut FieldAttrs, role: Role, key: Ident) {
    match &field.role {
        None => field.role = Some((role, key)),
        Some((existing, _)) if existing.key() == role.key() => {
            cx.error_spanned_by(&key, format!("duplicate `{}` on this field", role.key()));
        }
        Some((existing, _)) => cx.error_spanned_by(
            &key,
            format!(
                "`{}` conflicts with `{}`: a field has one role (`path`, `query`, `header`, `body`, `credential`, `skip`, or none for a JSON body field)",
                role.key(),
                existing.key()
            ),
        ),
    }
}
