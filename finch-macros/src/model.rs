//! `#[model]`: what every response and body type of finch is, said once on the struct.
//!
//! A model derives `Clone`, `Debug`, `PartialEq`, `Serialize` and `Deserialize` (and what the
//! attribute's arguments add: `#[model(Eq, Default)]`) and is `#[non_exhaustive]`. Its `Option`
//! fields are, most often, members the spec marks optional: they may be absent (read as `None`)
//! and are left out when `None` (so that re-encoding a response does not invent members, and a
//! body sends only what was set). So each `Option` field gets
//! `#[serde(default, skip_serializing_if = "Option::is_none")]`, as serde_with's
//! `skip_serializing_none` does. A member that is required but nullable (always on the wire,
//! `null` when `None`) says `#[model(required)]`; in a struct made mostly of those,
//! `#[model(required)]` on the struct makes it the default and `#[model(optional)]` marks the
//! others. A field whose `#[serde(...)]` already says how it is read or written when missing
//! (`default`, `skip_serializing_if`, `skip`, `skip_serializing`, `flatten`) is left as it is. An
//! optional `Option<Nullable<T>>` field also reads `null` as `Some(Nullable::Null)` (serde reads
//! it as `None`), so a body type keeps "send null" apart from "leave out".

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

/// The derives a model may ask for beyond the five every model has.
const EXTRA_DERIVES: &[&str] = &["Eq", "Default", "Copy", "Hash", "PartialOrd", "Ord"];

/// What a field of the struct is on the wire, when it is an `Option`.
#[derive(Clone, Copy, PartialEq)]
enum Member {
    /// May be absent: read as `None` when absent, left out when `None`.
    Optional,
    /// Always there: written as `null` when `None`.
    Required,
}

/// The expansion of `#[model]` on `input`: the struct with the derives and attributes added, or
/// the errors (with the struct as written, so one mistake does not cascade).
pub(crate) fn model(args: TokenStream, input: TokenStream) -> TokenStream {
    let mut item: DeriveInput = match syn::parse2(input.clone()) {
        Ok(item) => item,
        Err(error) => return error.to_compile_error(),
    };
    let mut errors: Vec<syn::Error> = Vec::new();
    let (extras, default_member) = read_args(args, &mut errors);
    match &mut item.data {
        Data::Struct(data) => match &mut data.fields {
            Fields::Named(fields) => {
                for field in fields.named.iter_mut() {
                    let marker = take_marker(&mut field.attrs, &mut errors);
                    if !is_option(&field.ty) {
                        if let Some((_, span)) = marker {
                            errors.push(syn::Error::new(
                                span,
                                "`#[model(required)]` and `#[model(optional)]` are for `Option` fields: other fields are always on the wire",
                            ));
                        }
                        continue;
                    }
                    let member = marker.map_or(default_member, |(member, _)| member);
                    if member == Member::Optional && !says_when_missing(&field.attrs) {
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
    quote! {
        #(#errors)*
        #[derive(Clone, Debug, PartialEq, #(#extras,)* ::serde::Serialize, ::serde::Deserialize)]
        #[non_exhaustive]
        #item
    }
}

/// The struct's arguments: extra derives, and `required` (every `Option` field is a required
/// member unless marked `#[model(optional)]`).
fn read_args(args: TokenStream, errors: &mut Vec<syn::Error>) -> (Vec<syn::Ident>, Member) {
    let parser = syn::punctuated::Punctuated::<syn::Ident, syn::Token![,]>::parse_terminated;
    let words = match syn::parse::Parser::parse2(parser, args) {
        Ok(words) => words,
        Err(error) => {
            errors.push(error);
            return (Vec::new(), Member::Optional);
        }
    };
    let mut extras = Vec::new();
    let mut member = Member::Optional;
    for word in words {
        if word == "required" {
            member = Member::Required;
        } else if EXTRA_DERIVES.iter().any(|name| word == name) {
            extras.push(word);
        } else {
            errors.push(syn::Error::new(
                word.span(),
                "expected `required` or a derive among `Eq`, `Default`, `Copy`, `Hash`, `PartialOrd`, `Ord` (every model derives `Clone`, `Debug`, `PartialEq`, `Serialize` and `Deserialize`)",
            ));
        }
    }
    (extras, member)
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

/// Removes the field's `#[model(...)]` attributes; what the last one says, and where.
fn take_marker(
    attrs: &mut Vec<syn::Attribute>,
    errors: &mut Vec<syn::Error>,
) -> Option<(Member, Span)> {
    let mut marker = None;
    attrs.retain(|attr| {
        if !attr.path().is_ident("model") {
            return true;
        }
        match attr.parse_args::<syn::Ident>() {
            Ok(word) if word == "required" => marker = Some((Member::Required, word.span())),
            Ok(word) if word == "optional" => marker = Some((Member::Optional, word.span())),
            _ => errors.push(syn::Error::new_spanned(
                attr,
                "expected `#[model(required)]` (always on the wire, `null` when `None`) or `#[model(optional)]` (left out when `None`)",
            )),
        }
        false
    });
    marker
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
                "arefor`Option`fields",
            ),
            (
                quote!(
                    pub struct S {
                        #[model(sometimes)]
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
            quote!(Eq, strict),
            quote!(
                pub struct S {
                    pub a: Option<u8>,
                }
            ),
        );
        assert!(
            with_args
                .to_string()
                .contains("expected `required` or a derive")
        );
    }

    #[test]
    fn every_model_derives_the_five_and_is_non_exhaustive() {
        let expanded = model(
            quote!(Eq, Default),
            quote!(
                pub struct S {
                    pub a: u8,
                }
            ),
        )
        .to_string()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>();
        assert!(
            expanded.starts_with(
                "#[derive(Clone,Debug,PartialEq,Eq,Default,::serde::Serialize,::serde::Deserialize)]#[non_exhaustive]pubstructS"
            ),
            "{expanded}"
        );
    }

    #[test]
    fn a_required_model_marks_its_optional_members() {
        let expanded = model(
            quote!(required),
            quote!(
                pub struct Individual {
                    pub first_name: Option<String>,
                    #[model(optional)]
                    pub ssn: Option<String>,
                }
            ),
        )
        .to_string()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>();
        assert!(
            expanded.contains(&format!("{OPTIONAL}pubssn")),
            "{expanded}"
        );
        assert_eq!(expanded.matches(OPTIONAL).count(), 1, "{expanded}");
    }
}
