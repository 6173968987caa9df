use proc_macro::TokenStream; /// x
#[proc_macro_attribute] pub fn finch_endpoint(_a: TokenStream, i: TokenStream) -> TokenStream { i }
