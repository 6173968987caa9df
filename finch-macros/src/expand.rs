//! Writes the `Endpoint` impl. The generated code is small: constants, and one call per field to a
//! generic writer of the runtime, which does the encoding.

use crate::ast::{self, Endpoint, Field, Location, Role};
use crate::attr::{self, Args};
use crate::check;
use crate::ctxt::Ctxt;
use crate::fallback;
use crate::template::Part;
use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::DeriveInput;
use syn::ext::IdentExt;

/// The whole expansion: errors (if any), the struct without its `#[finch(...)]` attributes, and the
/// impl (the fallback one when there were errors).
pub(crate) fn finch_endpoint(args: TokenStream, input: TokenStream) -> TokenStream {
    let cx = Ctxt::new();
    let args = attr::parse_args(&cx, args);
    let mut item: DeriveInput = match syn::parse2(input.clone()) {
        Ok(item) => item,
        Err(error) => {
            cx.error_at(
                error.span(),
                "`#[finch_endpoint]` goes on a struct with named fields, or a unit struct",
            );
            let errors = cx.into_error().map(syn::Error::into_compile_error);
            return quote!(#errors #input);
        }
    };
    let implementation = match ast::parse(&cx, &item) {
        Some(endpoint) => {
            check::check(&cx, &args, &endpoint);
            if cx.has_errors() {
                fallback::expand(&args, &endpoint)
            } else {
                expand(&args, &endpoint)
            }
        }
        None => TokenStream::new(),
    };
    ast::strip_finch_attrs(&mut item);
    let errors = cx.into_error().map(syn::Error::into_compile_error);
    quote! {
        #errors
        #item
        #implementation
    }
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
    let head = quote!(impl #impl_generics #p::Endpoint for #ident #ty_generics #where_clause);
    let auth = syn::Ident::new(args.auth.variant(), Span::call_site());
    let name = ident.unraw().to_string();
    // Written only when given: the trait's default is none.
    let secret_members = (!args.secret_members.is_empty()).then(|| {
        let names = &args.secret_members;
        quote!(const SECRET_MEMBERS: &'static [&'static str] = &[#(#names),*];)
    });
    let constants = quote! {
        const AUTH: #p::AuthScheme = #p::AuthScheme::#auth;
        const NAME: &'static str = #name;
        #secret_members
    };
    (head, constants)
}

fn expand(args: &Args, endpoint: &Endpoint<'_>) -> TokenStream {
    let p = private(args);
    let (head, constants) = header(args, endpoint, endpoint.generics, &p);
    // `expand` runs only without errors, so these are all present.
    let (Some(method), Some(template), Some(response)) =
        (&args.method, &args.template, &args.response)
    else {
        return fallback::expand(args, endpoint);
    };
    let method = &method.ident;
    let path = &template.lit;

    let specs = endpoint
        .fields
        .iter()
        .filter(|field| !matches!(field.role, Role::Skip))
        .map(|field| {
            let name = field.wire_name();
            let location = syn::Ident::new(field.location().variant(), Span::call_site());
            let required = field.required();
            let cfgs = &field.cfgs;
            quote!(#(#cfgs)* #p::ParamSpec::new(#name, #p::ParamLocation::#location, #required))
        });

    let result = quote!(#p::Result<(), #p::RequestError>);
    let path_writes = template.parts.iter().map(|part| match part {
        Part::Literal(text) => quote!(__finch_path.literal(#text);),
        Part::Param(param) => {
            match endpoint
                .fields
                .iter()
                .find(|f| matches!(f.role, Role::Path) && f.wire_name() == param.name)
            {
                Some(field) => write_call(field, quote!(__finch_path), "param", None),
                // The checks make this unreachable; write nothing rather than panic.
                None => TokenStream::new(),
            }
        }
    });

    let query: Vec<_> = fields_in(endpoint, Location::Query)
        .map(|f| write_call(f, quote!(__finch_query), "param", None))
        .collect();
    let write_query = (!query.is_empty()).then(|| {
        quote! {
            fn write_query(&self, __finch_query: &mut #p::QueryWriter) -> #result {
                #(#query)*
                #p::Ok(())
            }
        }
    });

    let headers: Vec<_> = fields_in(endpoint, Location::Header)
        .map(|f| write_call(f, quote!(__finch_headers), "header", None))
        .collect();
    let write_headers = (!headers.is_empty()).then(|| {
        quote! {
            fn write_headers(&self, __finch_headers: &mut #p::HeaderWriter) -> #result {
                #(#headers)*
                #p::Ok(())
            }
        }
    });

    let body: Vec<_> = endpoint
        .fields
        .iter()
        .filter_map(|field| {
            let writer = quote!(__finch_body);
            match &field.role {
                Role::Json if field.optional => {
                    Some(write_call(field, writer, "optional_field", None))
                }
                Role::Json => Some(write_call(field, writer, "field", None)),
                Role::Credential(kind) => {
                    let variant = syn::Ident::new(kind.variant(), Span::call_site());
                    Some(write_call(
                        field,
                        writer,
                        "credential_field",
                        Some(quote!(#p::Credential::#variant)),
                    ))
                }
                Role::Body if field.optional => {
                    let name = field.wire_name();
                    let (first, last) = type_spans(field.ty);
                    let mut member = field.ident.clone();
                    member.set_span(last);
                    let cfgs = &field.cfgs;
                    Some(quote_spanned! {first=>
                        #(#cfgs)*
                        if let #p::Some(__finch_value) = &self.#member {
                            __finch_body.whole(#name, __finch_value)?;
                        }
                    })
                }
                Role::Body => Some(write_call(field, writer, "whole", None)),
                Role::Path | Role::Query | Role::Header(_) | Role::Skip => None,
            }
        })
        .collect();
    let write_body = (!body.is_empty()).then(|| {
        quote! {
            fn write_body(&self, __finch_body: &mut #p::BodyWriter<'_>) -> #result {
                #(#body)*
                #p::Ok(())
            }
        }
    });

    quote! {
        #head {
            type Response = #response;
            const METHOD: #p::Method = #p::Method::#method;
            const PATH: &'static str = #path;
            #constants
            const PARAMS: &'static [#p::ParamSpec] = &[#(#specs),*];
            fn write_path(&self, __finch_path: &mut #p::PathWriter) -> #result {
                #(#path_writes)*
                #p::Ok(())
            }
            #write_query
            #write_headers
            #write_body
        }
    }
}

fn fields_in<'e, 'a>(
    endpoint: &'e Endpoint<'a>,
    location: Location,
) -> impl Iterator<Item = &'e Field<'a>> {
    endpoint
        .fields
        .iter()
        .filter(move |field| field.location() == location)
}

/// `writer.method("name", &self.field, extra)?;`, spanned so that an error about the field's type
/// (it does not implement `Serialize`) points at that type, and the call at the field's name.
fn write_call(
    field: &Field<'_>,
    writer: TokenStream,
    method: &str,
    extra: Option<TokenStream>,
) -> TokenStream {
    let name = field.wire_name();
    let (first, last) = type_spans(field.ty);
    let call = field.ident.span();
    let method = syn::Ident::new(method, call);
    // `&self.field` spans the type: it starts at the type's first token and ends at its last.
    let mut member = field.ident.clone();
    member.set_span(last);
    let value = quote_spanned!(first=> &self.#member);
    let extra = extra.map(|extra| quote!(, #extra));
    let cfgs = &field.cfgs;
    quote_spanned! {call=>
        #(#cfgs)*
        #writer.#method(#name, #value #extra)?;
    }
}

/// The spans of the first and the last token of a type. (The user's own spans, not
/// `Span::call_site().located_at(..)`: those would add "in this attribute macro expansion" notes
/// to the errors; `tests/pass/macro_rules.rs` checks that names still resolve.)
fn type_spans(ty: &syn::Type) -> (Span, Span) {
    let mut tokens = ty.to_token_stream().into_iter();
    let first = tokens
        .next()
        .map_or_else(Span::call_site, |token| token.span());
    let last = tokens.last().map_or(first, |token| token.span());
    (first, last)
}
