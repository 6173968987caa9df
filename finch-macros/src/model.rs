//! `#[model]`: the serde attributes every optional member of a response or body type carries,
//! written once on the struct.
//!
//! In finch's model types an `Option` field is, most often, a member the spec marks optional: it
//! may be absent (read as `None`) and is left out when `None` (so that re-encoding a response does
//! not invent members, and a body sends only what was set). `#[model]` gives every `Option` field
//! `#[serde(default, skip_serializing_if = "Option::is_none")]`, as serde_with's
//! `skip_serializing_none` does, so the struct says it once instead of on every field. A member
//! that is required but nullable (always on the wire, `null` when `None`) says so with
//! `#[model(required)]`; a field whose `#[serde(...)]` already says how it is read or written when
//! missing (`default`, `skip_serializing_if`, `skip`, `skip_serializing`, `flatten`) is left as it
//! is. An `Option<Nullable<T>>` field also reads `null` as `Some(Nullable::Null)` (serde reads
//! it as `None`), so a body type keeps "send null" apart from "leave out". Put `#[model]` before `#[derive(Serialize, Deserialize)]`, so the derives see the attributes.

use crate::ast::is_option;
use proc_macro2::{Span, TokenStream, TokenTree};
use quote::quote;
use syn::{Data, DeriveInput, Fields};

/// The serde items after which a field is left as written.
const SAYS_WHEN_MISSING: &[&str] = &[
    "default",
    "skip_serializing_if",
    "skip",
    "skip_serializing",
    "flatten",
];

/// The expansion of `#[model]` on `input`: the struct with the attributes added, or the errors
/// (with the struct as written, so one mistake does not cascade).
pub(crate) fn model(args: TokenStream, input: TokenStream) -> TokenStream {
    let mut item: DeriveInput = match syn::parse2(input.clone()) {
        Ok(item) => item,
        Err(error) => return error.to_compile_error(),
    };
    let mut errors: Vec<syn::Error> = Vec::new();
    if !args.is_empty() {
        errors.push(syn::Error::new_spanned(
            &args,
            "`#[model]` takes no arguments; mark a required member with `#[model(required)]` on its field",
        ));
    }
    match &mut item.data {
        Data::Struct(data) => match &mut data.fields {
            Fields::Named(fields) => {
                for field in fields.named.iter_mut() {
                    let required = take_marker(&mut field.attrs, &mut errors);
                    if !is_option(&field.ty) {
                        if let Some(marker) = required {
                            errors.push(syn::Error::new(
                                marker,
                                "`#[model(required)]` is for `Option` fields: other fields are always on the wire",
                            ));
                        }
                        continue;
                    }
                    if required.is_none() && !says_when_missing(&field.attrs) {
                        field.attrs.push(syn::parse_quote!(
                            #[serde(default, skip_serializing_if = "::core::option::Option::is_none")]
                        ));
                        if is_nullable_option(&field.ty) {
                            // `null` is `Some(Nullable::Null)`, not `None` as serde reads it.
                            field.attrs.push(syn::parse_quote!(
                                #[serde(deserialize_with = "::finch::__private_v0::deserialize_present")]
                            ));
                        }
                    }
                }
            }
            _ => errors.push(syn::Error::new_spanned(
                &item.ident,
                "`#[model]` is for structs with named fields",
            )),
        },
        _ => errors.push(syn::Error::new_spanned(
            &item.ident,
            "`#[model]` is for structs with named fields",
        )),
    }
    let errors = errors.iter().map(syn::Error::to_compile_error);
    quote!(#(#errors)* #item)
}

/// `Option<Nullable<T>>`: an optional member that can be sent as `null`.
fn is_nullable_option(ty: &syn::Type) -> bool {
    let syn::Type::Path(path) = ty else {
        return false;
    };
    let Some(syn::PathArguments::AngleBracketed(arguments)) =
        path.path.segments.last().map(|last| &last.arguments)
    else {
        return false;
    };
    matches!(arguments.args.first(), Some(syn::GenericArgument::Type(syn::Type::Path(inner)))
        if inner.path.segments.last().is_some_and(|last| last.ident == "Nullable"))
}

/// Removes the field's `#[model(...)]` attributes; the span of `required` when one says it.
fn take_marker(attrs: &mut Vec<syn::Attribute>, errors: &mut Vec<syn::Error>) -> Option<Span> {
    let mut required = None;
    attrs.retain(|attr| {
        if !attr.path().is_ident("model") {
            return true;
        }
        match attr.parse_args::<syn::Ident>() {
            Ok(word) if word == "required" => required = Some(word.span()),
            _ => errors.push(syn::Error::new_spanned(
                attr,
                "expected `#[model(required)]`: a member that is always on the wire, `null` when `None`",
            )),
        }
        false
    });
    required
}

/// Whether a `#[serde(...)]` of the field already says what happens when the member is missing or
/// `None`.
fn says_when_missing(attrs: &[syn::Attribute]) -> bool {
    attrs
        .iter()
        .filter(|attr| attr.path().is_ident("serde"))
        .filter_map(|attr| attr.meta.require_list().ok())
        .flat_map(|list| list.tokens.clone())
        .any(|token| {
            matches!(&token, TokenTree::Ident(word)
                if SAYS_WHEN_MISSING.iter().any(|name| word == name))
        })
}

#[cfg(test)]
mod tests {
    use super::model;
    use quote::quote;

    fn expand(item: proc_macro2::TokenStream) -> String {
        model(quote!(), item)
            .to_string()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect()
    }

    const OPTIONAL: &str =
        "#[serde(default,skip_serializing_if=\"::core::option::Option::is_none\")]";

    #[test]
    fn option_fields_become_optional_members() {
        let expanded = expand(quote! {
            pub struct Location {
                pub id: String,
                pub name: Option<String>,
                #[model(required)]
                pub line1: Option<String>,
                #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
                pub kind: Option<String>,
                #[serde(rename = "x")]
                pub renamed: std::option::Option<u8>,
                pub end: Option<Nullable<Date>>,
            }
        });
        assert!(
            expanded.contains(&format!("{OPTIONAL}pubname:Option<String>")),
            "{expanded}"
        );
        assert!(expanded.contains("pubid:String"), "{expanded}");
        assert!(expanded.contains("publine1:Option<String>"), "{expanded}");
        assert!(!expanded.contains("model("), "{expanded}");
        assert!(
            expanded.contains(&format!("#[serde(rename=\"x\")]{OPTIONAL}pubrenamed")),
            "{expanded}"
        );
        // `null` read as `Some(Nullable::Null)`.
        assert!(
            expanded.contains(&format!(
                "{OPTIONAL}#[serde(deserialize_with=\"::finch::__private_v0::deserialize_present\")]pubend"
            )),
            "{expanded}"
        );
        // Written once: the field that already said it keeps its own attribute only.
        assert_eq!(expanded.matches(OPTIONAL).count(), 3, "{expanded}");
        assert_eq!(
            expanded.matches("deserialize_present").count(),
            1,
            "{expanded}"
        );
    }

    #[test]
    fn mistakes_are_reported() {
        for (item, message) in [
            (
                quote!(
                    pub enum E {
                        A,
                    }
                ),
                "isforstructswithnamedfields",
            ),
            (
                quote!(
                    pub struct T(Option<u8>);
                ),
                "isforstructswithnamedfields",
            ),
            (
                quote!(
                    pub struct S {
                        #[model(required)]
                        pub id: String,
                    }
                ),
                "isfor`Option`fields",
            ),
            (
                quote!(
                    pub struct S {
                        #[model(optional)]
                        pub id: Option<String>,
                    }
                ),
                "expected`#[model(required)]`",
            ),
        ] {
            let expanded = expand(item);
            assert!(expanded.contains("compile_error"), "{expanded}");
            assert!(expanded.contains(message), "{expanded}");
        }
        let with_args = model(
            quote!(strict),
            quote!(
                pub struct S {
                    pub a: Option<u8>,
                }
            ),
        );
        assert!(with_args.to_string().contains("takes no arguments"));
    }
}
