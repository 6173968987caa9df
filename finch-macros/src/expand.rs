//! Writes the `Endpoint` impl. The generated code is small: constants, and one call per field to a
//! generic writer of the runtime, which does the encoding.

use crate::ast::{self, Endpoint, Field, Location};
use crate::attr::{self, Args, Role};
use crate::check;
use crate::ctxt::Ctxt;
use crate::fallback;
use crate::impl_head::{header, param, private};
use crate::template::Part;
use proc_macro2::{Ident, Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::DeriveInput;
use syn::ext::IdentExt as _;

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
    let mut unsent = Vec::new();
    let implementation = match ast::parse(&cx, &item) {
        Some(endpoint) => {
            check::check(&cx, &args, &endpoint);
            unsent = endpoint
                .fields
                .iter()
                .filter(|field| field.location() == Location::Nowhere)
                .map(|field| field.ident.clone())
                .collect();
            if cx.has_errors() {
                fallback::expand(&args, &endpoint)
            } else {
                expand(&args, &endpoint)
            }
        }
        None => TokenStream::new(),
    };
    ast::strip_finch_attrs(&mut item);
    allow_unread(&mut item, &unsent);
    if !cx.has_errors() {
        append_summary(&args, &mut item);
    }
    let errors = cx.into_error().map(syn::Error::into_compile_error);
    quote! {
        #errors
        #item
        #implementation
    }
}

/// A field that is not sent is the author's own (a `PhantomData`, a value the accessor reads): the
/// generated code does not read it, and that is no reason for a "field is never read" warning.
fn allow_unread(item: &mut DeriveInput, unsent: &[syn::Ident]) {
    if let syn::Data::Struct(data) = &mut item.data {
        for field in data.fields.iter_mut() {
            if field
                .ident
                .as_ref()
                .is_some_and(|ident| unsent.contains(ident))
            {
                field.attrs.push(syn::parse_quote!(#[allow(dead_code)]));
            }
        }
    }
}

/// Appends "`POST /auth/token` (no auth)" to the struct's docs, as its own paragraph. A struct
/// without docs gets none: the line would silence `missing_docs`, which is the author's to answer.
fn append_summary(args: &Args, item: &mut DeriveInput) {
    let (Some(method), Some(template)) = (&args.method, &args.template) else {
        return;
    };
    let documented = item
        .attrs
        .iter()
        .any(|attr| attr.path().is_ident("doc") && matches!(attr.meta, syn::Meta::NameValue(_)));
    if !documented {
        return;
    }
    let line = format!(
        "`{} {}` ({})",
        method.ident,
        template.lit.value(),
        args.auth.describe()
    );
    item.attrs.push(syn::parse_quote!(#[doc = ""]));
    item.attrs.push(syn::parse_quote!(#[doc = #line]));
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
    let (path_param, query_param, headers_param, body_param) = (
        param("path"),
        param("query"),
        param("headers"),
        param("body"),
    );
    let bind = bind_fields(endpoint);
    // A request must be `Sync` (it is sent from any thread); these probes report a field that is
    // not at the field's type. `Endpoint` has no `Sync` bound, which would report it at the
    // struct's name instead.
    let sync_probes = endpoint.fields.iter().map(|field| {
        let cfgs = &field.cfgs;
        let value = field_ref(field);
        let function = at_field(field, quote!(#p::sync_field));
        quote_spanned!(field.ident.span()=> #(#cfgs)* #function(#value);)
    });
    let path_writes = template.parts.iter().map(|part| match part {
        Part::Literal(text) => quote!(#path_param.literal(#text);),
        Part::Param(param) => {
            match endpoint
                .fields
                .iter()
                .find(|f| matches!(f.role, Role::Path) && f.wire_name() == param.name)
            {
                Some(field) => call(
                    field,
                    quote!(#p::path_param),
                    quote!(#path_param,),
                    text_value(field, &p),
                ),
                // The checks make this unreachable; write nothing rather than panic.
                None => TokenStream::new(),
            }
        }
    });

    let query: Vec<_> = fields_in(endpoint, Location::Query)
        .map(|f| call(f, quote!(#query_param.param), quote!(), text_value(f, &p)))
        .collect();
    let write_query = (!query.is_empty()).then(|| {
        quote! {
            fn write_query(&self, #query_param: &mut #p::QueryWriter) -> #result {
                #bind
                #(#query)*
                #p::Ok(())
            }
        }
    });

    let headers: Vec<_> = fields_in(endpoint, Location::Header)
        .map(|f| {
            call(
                f,
                quote!(#p::header_param),
                quote!(#headers_param,),
                text_value(f, &p),
            )
        })
        .collect();
    let write_headers = (!headers.is_empty()).then(|| {
        quote! {
            fn write_headers(&self, #headers_param: &mut #p::HeaderWriter) -> #result {
                #bind
                #(#headers)*
                #p::Ok(())
            }
        }
    });

    let body: Vec<_> = endpoint
        .fields
        .iter()
        .filter_map(|field| {
            let writer = &body_param;
            match &field.role {
                Role::Json => Some(write_member(endpoint, field, writer, &p)),
                Role::Credential(kind) => {
                    let variant = syn::Ident::new(kind.variant(), Span::call_site());
                    let value = field_ref(field);
                    Some(call(
                        field,
                        quote!(#writer.credential_field),
                        quote!(),
                        quote!(#value, #p::Credential::#variant),
                    ))
                }
                Role::Body if field.optional => {
                    let name = field.wire_name();
                    let (first, _) = type_spans(field.ty);
                    let this = field_ref(field);
                    let cfgs = &field.cfgs;
                    let value = param("value");
                    Some(quote_spanned! {first=>
                        #(#cfgs)*
                        if let #p::Some(#value) = #this {
                            #writer.whole(#name, #value)?;
                        }
                    })
                }
                Role::Body => Some(call(
                    field,
                    quote!(#writer.whole),
                    quote!(),
                    field_ref(field),
                )),
                Role::Path | Role::Query | Role::Header(_) | Role::Skip => None,
            }
        })
        .collect();
    let write_body = (!body.is_empty()).then(|| {
        quote! {
            fn write_body(&self, #body_param: &mut #p::BodyWriter<'_>) -> #result {
                #bind
                #(#body)*
                #p::Ok(())
            }
        }
    });

    quote! {
        #head {
            type Response = #response;
            const METHOD: #p::Method = #p::opaque(#p::Method::#method);
            const PATH: &'static str = #path;
            #constants
            const PARAMS: &'static [#p::ParamSpec] = &[#(#specs),*];
            fn write_path(&self, #path_param: &mut #p::PathWriter) -> #result {
                #bind
                #(#sync_probes)*
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

/// `function(before "name", value)?;`, spanned at the field's name (the value spans its type).
/// The function's tokens are located at the field's name too (resolving where they did), so
/// that "required by a bound introduced by this call" points there rather than at the whole
/// attribute.
fn call(
    field: &Field<'_>,
    function: TokenStream,
    before: TokenStream,
    value: TokenStream,
) -> TokenStream {
    let name = field.wire_name();
    let cfgs = &field.cfgs;
    let function = at_field(field, function);
    quote_spanned! {field.ident.span()=>
        #(#cfgs)*
        #function(#before #name, #value)?;
    }
}

/// `tokens` (a function's path), located at the field's name and resolving where they did.
fn at_field(field: &Field<'_>, tokens: TokenStream) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut token| {
            token.set_span(token.span().located_at(field.ident.span()));
            token
        })
        .collect()
}

/// `&self.field`, spanned from the first to the last token of the field's type, so that a bound
/// the value does not meet (`Serialize`, `PathValue`, `Sync`) is reported at that type. Written
/// `&*local`, the local that [`bind_fields`] binds the field to.
fn field_ref(field: &Field<'_>) -> TokenStream {
    let (first, _) = type_spans(field.ty);
    let local = field_local(field);
    quote_spanned!(first=> &*#local)
}

/// The local a method binds `field` to, named after it and spanned at the last token of its
/// type: declared and read with that span, it resolves wherever the type's tokens come from.
fn field_local(field: &Field<'_>) -> Ident {
    let (_, last) = type_spans(field.ty);
    Ident::new(&format!("finch_field_{}", field.ident.unraw()), last)
}

/// `let Self { a: finch_field_a, .. } = self;`: every field bound to its local (see
/// [`field_local`]). `self` is read here, with the generated method's own hygiene, and only the
/// locals elsewhere: a field whose type a `macro_rules!` expansion other than the attribute's
/// wrote (a library author's macro passing fields on to another) has another hygiene, in which
/// `self.field` would not find the method's `self`.
fn bind_fields(endpoint: &Endpoint<'_>) -> TokenStream {
    let bindings = endpoint.fields.iter().map(|field| {
        let cfgs = &field.cfgs;
        let member = field.ident;
        let local = field_local(field);
        quote!(#(#cfgs)* #member: #local)
    });
    quote! {
        #[allow(unused_variables)]
        let Self { #(#bindings,)* .. } = self;
    }
}

/// What a path, query or header field is written from: the field, or with `display` its
/// `Display` text (of the value inside, for an `Option`).
fn text_value(field: &Field<'_>, p: &TokenStream) -> TokenStream {
    let value = field_ref(field);
    let (first, _) = type_spans(field.ty);
    let display = at_field(field, quote!(#p::display));
    match (&field.display, field.optional) {
        (None, _) => value,
        (Some(_), false) => quote_spanned!(first=> &#display(#value)),
        (Some(_), true) => quote_spanned!(first=> &(#value).as_ref().map(#display)),
    }
}

/// A member of the JSON object body, with the `#[serde(...)]` attributes that shape it:
/// `skip_serializing_if` (left out when the function says so) and `serialize_with` or `with`
/// (written by that function). An `Option` that is `None` is left out, as for every member.
fn write_member(
    endpoint: &Endpoint<'_>,
    field: &Field<'_>,
    writer: &syn::Ident,
    p: &TokenStream,
) -> TokenStream {
    // A reference (`&self.field`), or the wrapper by value: in `Some(..)` a reference to a
    // temporary wrapper would not live long enough.
    let value = match &field.serde.with {
        Some((function, _, _)) => serialize_with(endpoint, field, function, p),
        None => field_ref(field),
    };
    let reference = match &field.serde.with {
        Some(_) => quote!(&#value),
        None => value.clone(),
    };
    let mut conditions = Vec::new();
    if field.optional {
        let this = field_ref(field);
        conditions.push(quote!((#this).is_some()));
    }
    if let Some((predicate, _)) = &field.serde.skip_if {
        let this = field_ref(field);
        conditions.push(quote!(!#predicate(#this)));
    }
    if conditions.is_empty() {
        return call(field, quote!(#writer.field), quote!(), reference);
    }
    if field.serde.skip_if.is_none() && field.serde.with.is_none() {
        // A plain `Option`: the runtime leaves out `None` itself.
        return call(field, quote!(#writer.optional_field), quote!(), reference);
    }
    let (first, _) = type_spans(field.ty);
    let value = quote_spanned! {first=>
        &if #(#conditions)&&* { #p::Some(#value) } else { #p::None }
    };
    call(field, quote!(#writer.optional_field), quote!(), value)
}

/// `Wrapper(&self.field)`, where the wrapper's `Serialize` calls `function(value, serializer)`:
/// the expansion serde_derive writes for `serialize_with`. It is generic over the struct's
/// parameters, since a field's type may use them.
fn serialize_with(
    endpoint: &Endpoint<'_>,
    field: &Field<'_>,
    function: &syn::ExprPath,
    p: &TokenStream,
) -> TokenStream {
    let ident = endpoint.ident;
    let ty = field.ty;
    let (_, ty_generics, where_clause) = endpoint.generics.split_for_impl();
    let lifetime = syn::Lifetime::new("'__finch", Span::call_site());
    let mut generics = endpoint.generics.clone();
    for param in generics.params.iter_mut() {
        match param {
            syn::GenericParam::Lifetime(param) => param.bounds.push(lifetime.clone()),
            syn::GenericParam::Type(param) => param
                .bounds
                .push(syn::TypeParamBound::Lifetime(lifetime.clone())),
            syn::GenericParam::Const(_) => {}
        }
    }
    generics.params.insert(
        0,
        syn::GenericParam::Lifetime(syn::LifetimeParam::new(lifetime.clone())),
    );
    let (wrapper_impl, wrapper_ty, _) = generics.split_for_impl();
    let value = field_ref(field);
    let serializer = param("serializer");
    // The path's tokens have the span of the `"..."` that names it: a function with the wrong
    // signature is reported there.
    let call = quote!(#function(self.value, #serializer));
    quote! {
        {
            struct __FinchSerializeWith #wrapper_impl #where_clause {
                value: &#lifetime #ty,
                phantom: #p::PhantomData<#ident #ty_generics>,
            }
            impl #wrapper_impl #p::Serialize for __FinchSerializeWith #wrapper_ty #where_clause {
                fn serialize<__S: #p::Serializer>(&self, #serializer: __S) -> #p::Result<<__S as #p::Serializer>::Ok, <__S as #p::Serializer>::Error> {
                    #call
                }
            }
            __FinchSerializeWith { value: #value, phantom: #p::PhantomData::<#ident #ty_generics> }
        }
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
