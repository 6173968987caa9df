//! The impl written when the declaration has errors: the errors are reported, and the type still
//! implements `Endpoint` (with what could be read), so code that uses it does not add errors of its
//! own. Its methods write nothing; it is never run, since the crate does not compile.

use crate::ast::Endpoint;
use crate::attr::Args;
use crate::check;
use crate::impl_head::{header, param, private};
use proc_macro2::{Span, TokenStream};
use quote::quote;

pub(crate) fn expand(args: &Args, endpoint: &Endpoint<'_>) -> TokenStream {
    let p = private(args);
    // A generic struct that is not `Sync` for every parameter would add an error of its own.
    let mut generics = endpoint.generics.clone();
    if generics.type_params().next().is_some() {
        generics
            .make_where_clause()
            .predicates
            .push(syn::parse_quote!(Self: ::core::marker::Sync));
    }
    let (head, constants) = header(args, endpoint, &generics, &p);
    // A borrowed response type was reported; as the response it would add errors of its own.
    let response = match &args.response {
        Some(ty) if check::borrowed(ty).is_none() => quote!(#ty),
        _ => quote!(()),
    };
    let method = match &args.method {
        Some(method) => method.ident.clone(),
        None => syn::Ident::new("GET", Span::call_site()),
    };
    let path = match &args.template {
        Some(template) => template.lit.value(),
        None => String::new(),
    };
    // Read every field, so that no "field is never read" warning joins the errors.
    let reads = endpoint.fields.iter().map(|field| {
        let (cfgs, member) = (&field.cfgs, field.ident);
        quote!(#(#cfgs)* &self.#member)
    });
    let path_param = param("path");
    quote! {
        #head {
            type Response = #response;
            const METHOD: #p::Method = #p::opaque(#p::Method::#method);
            const PATH: &'static str = #path;
            #constants
            const PARAMS: &'static [#p::ParamSpec] = &[];
            fn write_path(&self, #path_param: &mut #p::PathWriter) -> #p::Result<(), #p::RequestError> {
                let _ = (#path_param, #(#reads,)*);
                #p::Ok(())
            }
        }
    }
}
