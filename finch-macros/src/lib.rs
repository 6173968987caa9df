//! The `#[finch_endpoint]` attribute of the [finch](https://docs.rs/finch) SDK for the Finch HRIS
//! and payroll API.
//!
//! Use it through `finch` (`use finch::finch_endpoint;`), which re-exports it: the code it generates
//! names `::finch::__private_v0`, so a crate that depends on `finch` alone can declare endpoints.
//! Compiled examples live in the `finch` crate's documentation; this crate's docs show the syntax.
//!
//! The macro works in four steps, one module each, in the manner of `serde_derive` and `thiserror`:
//! reading the attribute and the fields (`attr`, `ast`, `template`), checking the declaration as a
//! whole (`check`), and writing the `Endpoint` impl (`expand`), or, when anything was wrong, the
//! errors with a stand-in impl (`fallback`). Errors are collected in a context (`ctxt`) and reported
//! together, each at the tokens to change.

mod ast;
mod attr;
mod check;
mod ctxt;
mod expand;
mod fallback;
mod serde_attr;
mod suggest;
mod template;
#[cfg(test)]
mod tests;

use proc_macro::TokenStream;

/// Declares a Finch endpoint: put it on the request struct, and the struct implements
/// `finch::core::Endpoint`, so a `finch` client can send it.
///
/// ```text
/// /// Exchange an authorization code for an access token.
/// #[finch_endpoint(POST "/auth/token", response = CreateAccessTokenResponse, auth = none)]
/// #[derive(Debug, Clone)]
/// pub struct CreateAccessToken {
///     #[finch(credential = client_id)]
///     pub client_id: Option<String>,         // None: the client's client id is sent
///     #[finch(credential = client_secret)]
///     pub client_secret: Option<Secret>,
///     pub code: String,                      // no attribute: a JSON body field
///     pub redirect_uri: Option<String>,      // Option: left out of the body when None
/// }
/// ```
///
/// # Arguments
///
/// ```text
/// #[finch_endpoint(METHOD "/path/{param}", response = Type, auth = scheme, crate = path)]
/// ```
///
/// First, in this order and without a comma between them:
///
/// - **the method**: `GET`, `POST`, `PUT`, `DELETE` or `PATCH`, in uppercase;
/// - **the path template**, a string literal relative to the client's base URL. It starts with
///   `/`, holds letters, digits, `-._~!$&'()*+,;=:@/` and `{name}` parameters, where `name` is a
///   Rust identifier bound to a `#[finch(path)]` field. It has no query string (`?`), fragment
///   (`#`) or `%`: parameter values are percent-encoded when the request is sent, and the template
///   is written as it reads. It must be a literal, not a constant or a macro such as `concat!`:
///   the attribute reads it before those are expanded, so that it can check it.
///
/// Then `key = value` pairs, separated by commas, in any order:
///
/// | key | value | default |
/// |---|---|---|
/// | `response` | the type a successful reply decodes into: any type that implements `serde::Deserialize` and owns its data (`Company`, `Vec<Individual>`, `serde_json::Value`) | required |
/// | `auth` | `none` (no credentials), `bearer` (the connection's access token), `basic` (the application's client id and secret), `optional_bearer` (the access token when the client has one) | `bearer` |
/// | `crate` | where `finch` is, for a crate that re-exports it: `crate = my_sdk::finch` (or, as serde writes it, `crate = "my_sdk::finch"`) | `::finch` |
///
/// # Fields
///
/// Each field is sent in one place, given by `#[finch(...)]`:
///
/// | attribute | the field is sent as | `Option` |
/// |---|---|---|
/// | none | a member of the JSON object body, named after the field | left out when `None`; an endpoint whose body fields are all `None` sends `{}` |
/// | `#[finch(path)]` | the `{name}` parameter of the template with the field's name, as one percent-encoded segment (`../x` is sent as `..%2Fx`) | not allowed: a path parameter is always required |
/// | `#[finch(query)]` | a query parameter; sequences in the bracket form the official SDKs send (`entity_ids[]=a&entity_ids[]=b`) | left out when `None` |
/// | `#[finch(header = "X-Name")]` | the header `X-Name` (an HTTP token) | left out when `None` |
/// | `#[finch(body)]` | the whole body, such as a top-level JSON array; at most one per endpoint, and not together with JSON body fields | no body when `None` |
/// | `#[finch(credential = client_id)]`, `#[finch(credential = client_secret)]` | a member of the JSON object body which, when `None`, takes the client's client id or secret (sending fails before anything goes out when the client has none) | required: the field must be an `Option` |
/// | `#[finch(skip)]` | nothing: for a `PhantomData` that holds a generic response type | |
///
/// `rename = "wire_name"` changes the name on the wire of a path, query, JSON body or credential
/// field; for a path field it is the `{wire_name}` the field binds to:
///
/// ```text
/// #[finch_endpoint(GET "/employer/benefits/{benefit_id}", response = CompanyBenefit)]
/// pub struct RetrieveBenefit {
///     #[finch(path, rename = "benefit_id")]
///     pub id: String,
///     #[finch(query, rename = "page[size]")]
///     pub page_size: Option<u32>,
///     #[finch(header = "X-Request-Tag")]
///     pub tag: Option<String>,
/// }
/// ```
///
/// Items can be combined in one attribute (`#[finch(query, rename = "limit")]`) or spread over
/// several (`#[finch(query)] #[finch(rename = "limit")]`).
///
/// Every field type must implement `serde::Serialize`; a field whose type does not is reported on
/// that type. Whether a field is optional is read from its type as written: the last path segment
/// is `Option` with one generic argument (`Option<T>`, `std::option::Option<T>`). A type alias of
/// `Option` is not recognised, and such a field is sent as `null` when `None`.
///
/// A unit struct is an endpoint without parameters:
///
/// ```text
/// #[finch_endpoint(GET "/employer/company", response = Company)]
/// pub struct RetrieveCompany;
///
/// #[finch_endpoint(POST "/sandbox/directory", response = Vec<serde_json::Value>)]
/// pub struct CreateSandboxDirectory {
///     #[finch(body)]
///     pub individuals: Vec<NewIndividual>,   // the body is a JSON array
/// }
/// ```
///
/// # What it checks
///
/// At compile time, each error pointing at the tokens to change, all errors at once:
///
/// - the method is one of the five, in uppercase (`get` suggests `GET`);
/// - the template is a literal, starts with `/`, has balanced braces, valid and distinct
///   `{name}`s, and only the characters above (on stable Rust an error in a template underlines
///   the whole literal and names the offending part);
/// - `response` is given, and no key is unknown ("did you mean `response`?") or given twice;
/// - each `{name}` has a `#[finch(path)]` field, and each path field a `{name}`; path fields are
///   not `Option`s;
/// - a field has one role, and its `#[finch(...)]` keys are known ("did you mean `query`?");
/// - at most one `#[finch(body)]` field, and none together with JSON body or credential fields;
/// - no body on `GET` ("mark the field `#[finch(query)]`"); `DELETE` may have one;
/// - header names are HTTP tokens; credential fields are `Option`s;
/// - no two fields have the same name in the same place (header names compare case-insensitively);
/// - the item is a struct with named fields, or a unit struct (not an enum, a union or a tuple
///   struct).
///
/// When a declaration has errors, the struct is still emitted (without its `#[finch(...)]`
/// attributes) and still implements `Endpoint`, with methods that write nothing, so that the code
/// that uses it compiles on and reports nothing more; the crate does not build until the errors are
/// fixed.
///
/// Trait bounds are checked by the compiler on your types: a field type that is not `Serialize`
/// is reported on the field with finch's message; a response type that is not `Deserialize` is
/// reported on the type in the attribute (with serde's message: the compiler reports the innermost
/// missing impl of a blanket impl).
///
/// # What it generates
///
/// The struct as written, minus the `#[finch(...)]` attributes, and one impl:
///
/// ```text
/// impl Endpoint for RetrieveBenefit {
///     type Response = CompanyBenefit;
///     const METHOD: Method = Method::GET;
///     const PATH: &'static str = "/employer/benefits/{benefit_id}";
///     const AUTH: AuthScheme = AuthScheme::Bearer;
///     const NAME: &'static str = "RetrieveBenefit";
///     const PARAMS: &'static [ParamSpec] = &[
///         ParamSpec::new("benefit_id", ParamLocation::Path, true),
///         ParamSpec::new("entity_ids", ParamLocation::Query, false),
///     ];
///     fn write_path(&self, path: &mut PathWriter) -> Result<(), RequestError> {
///         path.literal("/employer/benefits/");
///         path.param("benefit_id", &self.benefit_id)?;
///         Ok(())
///     }
///     fn write_query(&self, query: &mut QueryWriter) -> Result<(), RequestError> {
///         query.param("entity_ids", &self.entity_ids)?;
///         Ok(())
///     }
/// }
/// ```
///
/// One call per field to a generic writer of the runtime, which does the encoding: little code per
/// endpoint. `write_query`, `write_headers` and `write_body` are written only when there are such
/// fields. `PARAMS` lists the sent fields in declaration order; `required` is `false` for `Option`
/// fields, except credential fields, which are always sent.
///
/// # Generics and other attributes
///
/// Generic structs work; the impl has the struct's generics and where clause, and the bounds the
/// fields need are yours to write: field types `serde::Serialize + Sync` (the `Endpoint` trait
/// requires `Sync`), the response type `serde::de::DeserializeOwned + Send + 'static`.
///
/// ```text
/// #[finch_endpoint(GET "/items/{id}", response = Vec<R>)]
/// pub struct GetItems<I: Serialize + Sync, R: DeserializeOwned + Send + 'static> {
///     #[finch(path)]
///     pub id: I,
///     #[finch(skip)]
///     pub response: PhantomData<fn() -> R>,
/// }
/// ```
///
/// Doc comments and other attributes stay on the struct. Derives may come before or after
/// `#[finch_endpoint]`; those after it see the struct without its `#[finch(...)]` attributes.
#[proc_macro_attribute]
pub fn finch_endpoint(args: TokenStream, input: TokenStream) -> TokenStream {
    expand::finch_endpoint(args.into(), input.into()).into()
}
