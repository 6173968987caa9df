//! What every generated impl of `Endpoint` starts with, the full one (`expand`) and the one
//! written on error (`fallback`) alike: the impl's head, the constants that do not depend on the
//! fields, the path to the runtime, and the names of the methods' parameters.

use crate::ast::Endpoint;
use crate::attr::Args;
use proc_macro2::{Span, TokenStream};
use quote::quote;
use syn::ext::IdentExt;

/// The name of a generated method's parameter (`path`, `body`): what rustdoc shows. Mixed-site
/// hygiene keeps it from shadowing a function of the user's with the same name that a
/// `skip_serializing_if` or `serialize_with` path calls.
pub(crate) fn param(name: &str) -> syn::Ident {
    syn::Ident::new(name, Span::mixed_site())
}

/// `::finch::__private_v0`, or `<crate = path>::__private_v0`.
pub(crate) fn private(args: &Args) -> TokenStream {
    match &args.krate {
        Some(path) => quote!(#path::__private_v0),
        None => quote!(::finch::__private_v0),
    }
}

/// The impl header, constants that do not depend on the fields, and `NAME`.
pub(crate) fn header(
    args: &Args,
    endpoint: &Endpoint<'_>,
    generics: &syn::Generics,
    p: &TokenStream,
) -> (TokenStream, TokenStream) {
    let ident = endpoint.ident;
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let head = quote! {
        #[automatically_derived]
        impl #impl_generics #p::Endpoint for #ident #ty_generics #where_clause
    };
    let auth = syn::Ident::new(args.auth.variant(), Span::call_site());
    let name = ident.unraw().to_string();
    // Written only when given: the trait's default is none.
    let secret_members = (!args.secret_members.is_empty()).then(|| {
        let names = &args.secret_members;
        quote!(const SECRET_MEMBERS: &'static [&'static str] = &[#(#names),*];)
    });
    let no_retry = (!args.no_retry.is_empty()).then(|| {
        let statuses = &args.no_retry;
        quote!(const NO_RETRY_STATUSES: &'static [u16] = &[#(#statuses),*];)
    });
    // Through `opaque`: rustdoc shows a path as written (`::finch::__private_v0::...`), a call not.
    let constants = quote! {
        const AUTH: #p::AuthScheme = #p::opaque(#p::AuthScheme::#auth);
        const NAME: &'static str = #name;
        #secret_members
        #no_retry
    };
    (head, constants)
}
