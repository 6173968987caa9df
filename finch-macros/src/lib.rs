//! The `#[finch_endpoint]` attribute of the finch SDK.

mod ast;
mod attr;
mod check;
mod ctxt;
mod expand;
mod fallback;
mod suggest;
mod template;

use proc_macro::TokenStream;

/// Declares a Finch endpoint.
#[proc_macro_attribute]
pub fn finch_endpoint(args: TokenStream, input: TokenStream) -> TokenStream {
    expand::finch_endpoint(args.into(), input.into()).into()
}
