//! The declaration as the rest of the macro sees it: the struct's name and generics, and each field
//! with its role and its name on the wire.

use crate::attr::{self, Role};
use crate::ctxt::Ctxt;
use crate::serde_attr::{self, RenameRule, SerdeContainer, SerdeField};
use syn::ext::IdentExt;
use syn::{Data, DeriveInput, Fields, Generics, Ident, LitStr, Type};

pub(crate) struct Endpoint<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) generics: &'a Generics,
    pub(crate) fields: Vec<Field<'a>>,
    /// The struct's `#[serde(...)]` attributes.
    pub(crate) serde: SerdeContainer,
}

pub(crate) struct Field<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) ty: &'a Type,
    pub(crate) role: Role,
    /// The key that gave the role (`path` in `#[finch(path)]`); `None` for a JSON body field.
    pub(crate) role_key: Option<Ident>,
    /// `rename = "..."` and its key.
    pub(crate) rename: Option<(LitStr, Ident)>,
    /// `display`: sent as its `Display` text.
    pub(crate) display: Option<Ident>,
    /// Its `#[serde(...)]` attributes.
    pub(crate) serde: SerdeField,
    /// The struct's `rename_all`, which names the field when it is a body member.
    pub(crate) rename_all: Option<RenameRule>,
    /// The type is `Option<..>` (read from the tokens: a type alias of `Option` is not one).
    pub(crate) optional: bool,
    /// Its `#[finch(...)]` attributes had errors, so its role is uncertain: the checks that compare
    /// fields leave it out rather than add errors that follow from the first.
    pub(crate) broken: bool,
    /// Its `#[cfg(...)]` attributes, repeated on the code that reads it.
    pub(crate) cfgs: Vec<&'a syn::Attribute>,
}

/// Where a field travels; two fields cannot have the same name in the same one.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Location {
    Path,
    Query,
    Header,
    BodyField,
    Body,
    /// Not sent.
    Nowhere,
}

impl Location {
    /// The name of the `ParamLocation` variant.
    pub(crate) fn variant(self) -> &'static str {
        match self {
            Location::Path => "Path",
            Location::Query => "Query",
            Location::Header => "Header",
            Location::BodyField => "BodyField",
            Location::Body => "Body",
            Location::Nowhere => "Nowhere",
        }
    }

    pub(crate) fn describe(self) -> &'static str {
        match self {
            Location::Path => "a path parameter",
            Location::Query => "a query parameter",
            Location::Header => "a header",
            Location::BodyField => "a JSON body field",
            Location::Body => "the body",
            Location::Nowhere => "nothing",
        }
    }
}

impl Field<'_> {
    pub(crate) fn location(&self) -> Location {
        match self.role {
            Role::Path => Location::Path,
            Role::Query => Location::Query,
            Role::Header(_) => Location::Header,
            Role::Body => Location::Body,
            Role::Skip => Location::Nowhere,
            Role::Json | Role::Credential(_) => Location::BodyField,
        }
    }

    /// The field's name in Rust, without `r#`.
    pub(crate) fn name(&self) -> String {
        self.ident.unraw().to_string()
    }

    /// A member of the JSON object body, which serde's attributes name.
    pub(crate) fn is_member(&self) -> bool {
        matches!(self.role, Role::Json | Role::Credential(_))
    }

    /// The name on the wire: the header's name; for a body member, `#[serde(rename)]`; the
    /// `#[finch(rename)]`; for a body member, the struct's `rename_all`; or the field's name.
    pub(crate) fn wire_name(&self) -> String {
        if let Role::Header(header) = &self.role {
            return header.value();
        }
        if let (true, Some((rename, _))) = (self.is_member(), &self.serde.rename) {
            return rename.value();
        }
        if let Some((rename, _)) = &self.rename {
            return rename.value();
        }
        match (self.is_member(), self.rename_all) {
            (true, Some(rule)) => rule.apply(&self.name()),
            _ => self.name(),
        }
    }

    /// `false` for an `Option` (left out when `None`), except credential fields, which are always
    /// sent (the client fills them in).
    pub(crate) fn required(&self) -> bool {
        match self.role {
            Role::Credential(_) => true,
            Role::Json => !self.optional && self.serde.skip_if.is_none(),
            _ => !self.optional,
        }
    }
}

/// Reads the item. `None`, with an error, when it is not a struct with named fields or a unit struct.
pub(crate) fn parse<'a>(cx: &Ctxt, input: &'a DeriveInput) -> Option<Endpoint<'a>> {
    for attr in input.attrs.iter().filter(|attr| attr::is_finch_attr(attr)) {
        cx.error_spanned_by(
            attr,
            "`#[finch(...)]` goes on the fields; the endpoint's own settings go in `#[finch_endpoint(...)]`",
        );
    }
    let fields = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(fields) => fields.named.iter().collect(),
            Fields::Unit => Vec::new(),
            Fields::Unnamed(fields) => {
                cx.error_spanned_by(
                    fields,
                    "`#[finch_endpoint]` needs a struct with named fields (each field's name is its name on the wire), or a unit struct",
                );
                return None;
            }
        },
        Data::Enum(data) => {
            cx.error_spanned_by(
                data.enum_token,
                "`#[finch_endpoint]` goes on a struct, not an enum: declare one struct per endpoint",
            );
            return None;
        }
        Data::Union(data) => {
            cx.error_spanned_by(
                data.union_token,
                "`#[finch_endpoint]` goes on a struct, not a union",
            );
            return None;
        }
    };
    attr::reject_conditional(cx, &input.attrs);
    let serde = serde_attr::container(&input.attrs);
    let rename_all = serde.rename_all.as_ref().map(|(rule, _)| *rule);
    let fields = fields
        .into_iter()
        .filter_map(|field| {
            let ident = field.ident.as_ref()?;
            let errors_before = cx.error_count();
            attr::reject_conditional(cx, &field.attrs);
            let attrs = attr::parse_field_attrs(cx, &field.attrs);
            let broken = cx.error_count() > errors_before;
            let serde = serde_attr::field(&field.attrs);
            let (role, role_key) = match attrs.role {
                None => (Role::Json, None),
                Some((role, key)) => (role, Some(key)),
            };
            // `#[serde(skip)]` on a body field: not sent, as serde would not write it.
            let role = match role {
                Role::Json if serde.skip.is_some() => Role::Skip,
                role => role,
            };
            Some(Field {
                ident,
                ty: &field.ty,
                role,
                role_key,
                rename: attrs.rename,
                display: attrs.display,
                serde,
                rename_all,
                optional: is_option(&field.ty),
                broken,
                cfgs: field
                    .attrs
                    .iter()
                    .filter(|attr| attr.path().is_ident("cfg"))
                    .collect(),
            })
        })
        .collect();
    Some(Endpoint {
        ident: &input.ident,
        generics: &input.generics,
        fields,
        serde,
    })
}

/// `Option<T>`, `std::option::Option<T>` and the like: a last path segment `Option` with one
/// generic argument.
pub(crate) fn is_option(ty: &Type) -> bool {
    let path = match ty {
        Type::Path(path) => path,
        // `$ty` from a `macro_rules!` macro arrives in an invisible group.
        Type::Group(group) => return is_option(&group.elem),
        Type::Paren(paren) => return is_option(&paren.elem),
        _ => return false,
    };
    if path.qself.is_some() {
        return false;
    }
    let Some(last) = path.path.segments.last() else {
        return false;
    };
    match &last.arguments {
        syn::PathArguments::AngleBracketed(arguments) => {
            last.ident == "Option" && arguments.args.len() == 1
        }
        _ => false,
    }
}

/// Removes the `#[finch(...)]` attributes the attribute reads, everywhere they may be: on the
/// item and on its fields (and the fields of enum variants, which are reported, not expanded).
/// A `#[cfg_attr]` holding a `finch(...)` is removed too: it is reported already, and rustc would
/// report it again as an unknown attribute.
pub(crate) fn strip_finch_attrs(input: &mut DeriveInput) {
    let keep = |attr: &syn::Attribute| {
        !attr::is_finch_attr(attr)
            && !attr::conditional_attrs(attr)
                .iter()
                .any(|meta| meta.path().is_ident("finch"))
    };
    input.attrs.retain(keep);
    let strip = |fields: &mut Fields| {
        for field in fields.iter_mut() {
            field.attrs.retain(keep);
        }
    };
    match &mut input.data {
        Data::Struct(data) => strip(&mut data.fields),
        Data::Enum(data) => {
            for variant in &mut data.variants {
                variant.attrs.retain(keep);
                strip(&mut variant.fields);
            }
        }
        Data::Union(data) => {
            for field in &mut data.fields.named {
                field.attrs.retain(keep);
            }
        }
    }
}
