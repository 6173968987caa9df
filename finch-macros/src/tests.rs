//! The expansion as text: what rustdoc and the compiler see of the generated items. (What the code
//! does is tested by running it, in `tests/ui/tests/expand.rs`.)

use crate::expand::finch_endpoint;
use proc_macro2::TokenStream;
use quote::quote;

/// The expansion without whitespace, so that the checks do not depend on how tokens are printed.
fn expand(args: TokenStream, item: TokenStream) -> String {
    compact(&finch_endpoint(args, item).to_string())
}

fn compact(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn docs_end_with_the_method_path_and_auth() {
    for (auth, said) in [
        (quote!(auth = none), "(no auth)"),
        (quote!(auth = bearer), "(Bearer access token)"),
        (quote!(auth = basic), "(HTTP Basic: client id and secret)"),
        (
            quote!(auth = optional_bearer),
            "(Bearer access token when the client has one)",
        ),
    ] {
        let expanded = expand(
            quote!(POST "/auth/token", response = Token, #auth),
            quote! {
                /// Exchange an authorization code for an access token.
                pub struct CreateAccessToken { pub code: String }
            },
        );
        let line = compact(&format!("#[doc = \"`POST /auth/token` {said}\"]"));
        assert!(expanded.contains(&line), "{line} not in {expanded}");
        // Its own paragraph, after the author's docs.
        let order = compact(&format!(
            "#[doc = r\" Exchange an authorization code for an access token.\"] #[doc = \"\"] {line}"
        ));
        assert!(expanded.contains(&order), "{order} not in {expanded}");
    }
}

#[test]
fn undocumented_structs_get_no_docs() {
    // The line would silence `missing_docs`.
    let expanded = expand(
        quote!(GET "/employer/company", response = Company),
        quote!(
            pub struct RetrieveCompany;
        ),
    );
    assert!(!expanded.contains("#[doc"), "{expanded}");
}

#[test]
fn impls_are_automatically_derived_with_plain_parameter_names() {
    let expanded = expand(
        quote!(POST "/items/{id}", response = Item),
        quote! {
            /// Docs.
            pub struct Update {
                #[finch(path)] pub id: String,
                #[finch(query)] pub dry_run: Option<bool>,
                #[finch(header = "X-Tag")] pub tag: Option<String>,
                pub name: String,
            }
        },
    );
    assert!(
        expanded.contains("#[automatically_derived]impl::finch::__private_v0::EndpointforUpdate"),
        "{expanded}"
    );
    for signature in [
        "fnwrite_path(&self,path:&mut",
        "fnwrite_query(&self,query:&mut",
        "fnwrite_headers(&self,headers:&mut",
        "fnwrite_body(&self,body:&mut",
    ] {
        assert!(
            expanded.contains(signature),
            "{signature} not in {expanded}"
        );
    }
    assert!(!expanded.contains("__finch"), "{expanded}");
}

#[test]
fn the_fallback_impl_is_automatically_derived_too() {
    let expanded = expand(
        quote!(GET "/items", response = Item, respone = Item),
        quote!(
            pub struct ListItems;
        ),
    );
    assert!(expanded.contains("compile_error!"), "{expanded}");
    assert!(
        expanded
            .contains("#[automatically_derived]impl::finch::__private_v0::EndpointforListItems"),
        "{expanded}"
    );
}

#[test]
fn unsent_fields_are_not_reported_unread() {
    let expanded = expand(
        quote!(GET "/items", response = Item),
        quote! {
            pub struct ListItems {
                #[finch(query)] pub limit: Option<u32>,
                #[finch(skip)] hint: String,
            }
        },
    );
    assert!(
        expanded.contains("#[allow(dead_code)]hint:String"),
        "{expanded}"
    );
    assert!(
        !expanded.contains("#[allow(dead_code)]publimit"),
        "{expanded}"
    );
}

#[test]
fn constants_hide_their_paths_from_rustdoc() {
    // rustdoc prints a path constant as written (`::finch::__private_v0::Method::GET`), a call not.
    let expanded = expand(
        quote!(GET "/employer/company", response = Company, auth = basic),
        quote!(
            pub struct RetrieveCompany;
        ),
    );
    assert!(
        expanded.contains(
            "constMETHOD:::finch::__private_v0::Method=::finch::__private_v0::opaque(::finch::__private_v0::Method::GET);"
        ),
        "{expanded}"
    );
    assert!(
        expanded
            .contains("::finch::__private_v0::opaque(::finch::__private_v0::AuthScheme::Basic)"),
        "{expanded}"
    );
}

#[test]
fn serde_skipped_members_are_neither_sent_nor_reported_unread() {
    let expanded = expand(
        quote!(POST "/items", response = Item),
        quote! {
            pub struct CreateItem {
                pub name: String,
                #[serde(skip)] note: String,
            }
        },
    );
    assert!(
        expanded.contains("#[serde(skip)]#[allow(dead_code)]note:String"),
        "{expanded}"
    );
    assert!(!expanded.contains("\"note\""), "{expanded}");
    assert!(expanded.contains("\"name\""), "{expanded}");
}
