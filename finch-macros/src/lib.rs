//! The `#[finch_endpoint]` attribute of the [finch](https://docs.rs/finch-sdk) SDK for the Finch HRIS
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

#![warn(missing_debug_implementations)]

mod ast;
mod attr;
mod check;
mod ctxt;
mod expand;
mod fallback;
mod impl_head;
mod model;
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
/// | `response` | the type a successful reply decodes into: any type that implements `serde::Deserialize` and owns its data (`Company`, `Vec<Individual>`, `serde_json::Value`; not `Widget<'a>` or `&str`) | required |
/// | `auth` | `none` (no credentials), `bearer` (the connection's access token), `basic` (the application's client id and secret), `optional_bearer` (the access token when the client has one) | `bearer` |
/// | `crate` | where `finch` is, for a crate that re-exports it: `crate = my_sdk::finch` (or, as serde writes it, `crate = "my_sdk::finch"`) | `::finch` |
/// | `secret_members` | members of the reply (at any depth) whose values are secret, as string literals: `secret_members = ["pin", "session_key"]`. Errors about the reply (decode errors, error replies) show them as `"[redacted]"`, as they do `access_token`, `client_secret`, `code` and the other built-in names | none |
/// | `no_retry` | error statuses that are the endpoint's answer, not a passing failure, as integer literals from 400 to 599: `no_retry = [429]`. A reply with one of them is returned at once, whatever the retry policy or the reply's `x-should-retry` say (`POST /jobs/automated` declares its hourly quota's 429 so) | none |
///
/// # Fields
///
/// Each field is sent in one place, given by `#[finch(...)]`:
///
/// | attribute | the field is sent as | `Option` |
/// |---|---|---|
/// | none | a member of the JSON object body, named after the field | left out when `None`; an endpoint whose body fields are all `None` sends `{}` |
/// | `#[finch(path)]` | the `{name}` parameter of the template with the field's name, as one percent-encoded segment (`../x` is sent as `..%2Fx`); the type is one value (see below) | not allowed: a path parameter is always required |
/// | `#[finch(query)]` | a query parameter; sequences in the bracket form the official SDKs send (`entity_ids[]=a&entity_ids[]=b`) | left out when `None` |
/// | `#[finch(header = "X-Name")]` | the header `X-Name` (an HTTP token); the type is one value (see below) | left out when `None` |
/// | `#[finch(body)]` | the whole body, such as a top-level JSON array; at most one per endpoint, and not together with JSON body fields | no body when `None` |
/// | `#[finch(credential = client_id)]`, `#[finch(credential = client_secret)]` | a member of the JSON object body which, when `None`, takes the client's client id or secret (sending fails before anything goes out when the client has none) | required: the field must be an `Option` |
/// | `#[finch(skip)]` | nothing: for a `PhantomData` that holds a generic response type, or a value of your own (it is not reported as never read) | |
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
/// several (`#[finch(query)] #[finch(rename = "limit")]`). `path`, `query` and `body` take no value:
/// `#[finch(path = "benefit_id")]` is reported with the `rename` it means.
///
/// ## Path parameters and headers are one value
///
/// A path parameter or a header is one piece of text, so its type is checked when the endpoint is
/// compiled (not when it is sent): strings (`String`, `&str`, `Cow<str>`, `Box<str>`), numbers,
/// `bool`, `char`, finch's enums, and for a header `finch::Secret` and an `Option` of any of
/// these. A sequence, a map or a struct is reported at the field's type. A type of your own that
/// serializes as one string or number says so with an empty impl of `finch::core::PathValue` or
/// `finch::core::HeaderValue`; a type that should be sent as its `Display` text needs nothing but
/// `display`:
///
/// ```text
/// #[finch_endpoint(GET "/schemas/{version}", response = Schema)]
/// pub struct RetrieveSchema {
///     #[finch(path, display)]
///     pub version: semver::Version,            // sent as `version.to_string()`
///     #[finch(header = "X-Client-Version", display)]
///     pub client: Option<semver::Version>,     // left out when `None`
///     #[finch(query, display)]
///     pub since: Option<semver::Version>,
/// }
/// ```
///
/// `display` applies to path, query and header fields. (Deriving `Serialize` for such a type
/// would send what its `Serialize` writes, which is usually not its `Display` text.)
///
/// Every field type must implement `serde::Serialize`, and `Sync` (a request is sent from any
/// thread); a field whose type does not is reported on that type (for `Sync`, the compiler also
/// reports the struct's name). Whether a field is optional is read from its type as written: the
/// last path segment is `Option` with one generic argument (`Option<T>`, `std::option::Option<T>`).
/// A type alias of `Option` is not recognised, and such a field is sent as `null` when `None`.
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
/// # `#[serde(...)]` attributes
///
/// finch writes the request itself: the JSON body one member per field, and the path, query and
/// headers from their fields. A request struct may also derive `Serialize` (to log or store
/// requests); its `#[serde(...)]` attributes then describe a body, and finch honours the ones that
/// shape the body's members as serde does, so that the body sent is what the derive writes (with
/// one difference: finch leaves out an `Option` member that is `None`, where the derive writes
/// `null` unless told `skip_serializing_if = "Option::is_none"`). Every other one is reported at
/// the attribute, with the finch way to say it; none is ignored.
///
/// | attribute | on a JSON body field | on a path, query or header field | on a whole body (`#[finch(body)]`) or credential field |
/// |---|---|---|---|
/// | `rename = "x"`, `rename(serialize = "x")` | honoured: the member's name | reported: `#[finch(path, rename = "x")]`, `#[finch(query, rename = "x")]`; a header's name is in `header = "..."` | reported on the whole body (it has no name); honoured on a credential field |
/// | `skip`, `skip_serializing` | honoured: not sent (as `#[finch(skip)]`; its other serde attributes then change nothing) | accepted: the field is not a body member, which is what it tells the derive | accepted on the whole body; reported on a credential field (it is always sent) |
/// | `skip_serializing_if = "f"` | honoured: not sent when `f(&field)` is `true` | reported: make the field an `Option` (a path parameter is always sent) | reported |
/// | `serialize_with = "f"`, `with = "m"` | honoured: written by `f` (`m::serialize`) | reported: `display` sends the `Display` text; or a type whose `Serialize` writes it | reported: a type whose `Serialize` writes it |
/// | `bound` | accepted (the derive's bounds) | accepted | accepted |
/// | `flatten` | reported: declare the members as fields, or send one value with `#[finch(body)]` | reported | reported |
/// | `default`, `alias`, `deserialize_with`, `skip_deserializing`, `borrow`, `rename(deserialize = ..)` | reported: they change deserializing only, and read as if they changed what is sent | reported | reported |
///
/// On the struct: `rename_all = "..."` (or `rename_all(serialize = "...")`) is honoured for the JSON
/// body's members (a query parameter it would rename is reported: write its `rename`); `crate`,
/// `bound` and `rename` change nothing on the wire and are accepted; `tag`, `transparent`, `into`,
/// `remote`, `from`, `try_from`, `default`, `deny_unknown_fields`, `expecting` and
/// `rename_all(deserialize = ..)` are reported. An attribute serde itself refuses on a struct (an
/// unknown name, `untagged`, `getter` without `remote`, an unknown `rename_all` rule) is left to
/// serde's derive to report. A `#[finch(skip)]` field is not sent, and its serde attributes are
/// the author's.
///
/// `#[finch(rename)]` and `#[finch(skip)]` are not seen by serde: on a struct that derives
/// `Serialize`, the serde attributes keep the derive and the body in agreement. A body field with
/// both renames, differing, is reported.
///
/// `#[serde(...)]` compiles only next to a derive that declares it: without one, rustc reports
/// "cannot find attribute `serde`". A crate that depends on `finch` alone derives through
/// `finch::serde` and must say so with `#[serde(crate = "finch::serde")]`: without it, serde's
/// derive fails with "can't find crate for `serde`" (at the derive), and a response type derived
/// that way is reported in the attribute with finch's message, which names the fix.
///
/// On a field, `#[cfg_attr(condition, serde(...))]` and `#[cfg_attr(condition, finch(...))]` are
/// reported: the attribute runs before the condition is known, so it cannot read them, while
/// serde's derive would. Write the attribute unconditionally, or declare the whole struct twice,
/// each with its own `#[cfg(...)]`. (On the struct itself rustc resolves `cfg_attr` before the attribute runs,
/// so it is read as if written plainly.)
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
///   the response type owns its data (no lifetime but `'static`, no reference);
/// - each `{name}` has a `#[finch(path)]` field, and each path field a `{name}`; path fields are
///   not `Option`s;
/// - a field has one role, and its `#[finch(...)]` keys are known ("did you mean `query`?");
/// - at most one `#[finch(body)]` field, and none together with JSON body or credential fields;
/// - no body on `GET` ("mark the field `#[finch(query)]`"); `DELETE` may have one;
/// - header names are HTTP tokens; credential fields are `Option`s; `display` is on a path, query
///   or header field;
/// - `#[serde(...)]` attributes, as above;
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
/// or not `Sync`, a path or header type that is not one value, a `display` type that is not
/// `Display`, each is reported on the field's type with finch's message; a response type that is
/// not `Deserialize` is reported on the type in the attribute, with finch's message and serde's
/// missing impl.
///
/// # What it generates
///
/// The struct as written, minus the `#[finch(...)]` attributes, with one line appended to its docs
/// when it has docs (a struct without docs gets none, so `missing_docs` still asks for them):
///
/// ```text
/// `GET /employer/benefits/{benefit_id}` (Bearer access token)
/// ```
///
/// (`(no auth)`, `(HTTP Basic: client id and secret)`, `(Bearer access token when the client has
/// one)` for the other schemes.) And one impl, marked `#[automatically_derived]`:
///
/// ```text
/// impl Endpoint for RetrieveBenefit {
///     type Response = CompanyBenefit;
///     const METHOD: Method = opaque(Method::GET);
///     const PATH: &'static str = "/employer/benefits/{benefit_id}";
///     const AUTH: AuthScheme = opaque(AuthScheme::Bearer);
///     const NAME: &'static str = "RetrieveBenefit";
///     const PARAMS: &'static [ParamSpec] = &[
///         ParamSpec::new("benefit_id", ParamLocation::Path, true),
///         ParamSpec::new("entity_ids", ParamLocation::Query, false),
///     ];
///     fn write_path(&self, path: &mut PathWriter) -> Result<(), RequestError> {
///         sync_field(&self.benefit_id);     // probes: a mistake is reported at the field's type
///         sync_field(&self.entity_ids);
///         path.literal("/employer/benefits/");
///         path_param(path, "benefit_id", &self.benefit_id)?;
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
/// fields and fields with `skip_serializing_if`, except credential fields, which are always sent.
/// Every name in the impl is an absolute path through `finch::__private_v0`; rustdoc shows none of
/// them (the constants go through `opaque`, so their values are not printed), and the methods'
/// parameters are named `path`, `query`, `headers` and `body`, hygienically: a function of yours
/// with one of these names is still the one a `skip_serializing_if` calls.
///
/// # Generics and other attributes
///
/// Generic structs work; the impl has the struct's generics and where clause, and the bounds the
/// fields need are yours to write: field types `serde::Serialize + Sync` (a request is sent from
/// any thread), path parameters `finch::core::PathValue + Sync`, headers
/// `finch::core::HeaderValue + Sync`, the response type `serde::de::DeserializeOwned + Send +
/// 'static`.
///
/// ```text
/// #[finch_endpoint(GET "/items/{id}", response = Vec<R>)]
/// pub struct GetItems<I: PathValue + Sync, R: DeserializeOwned + Send + 'static> {
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

/// Gives every `Option` field of a model struct (a response or body type)
/// `#[serde(default, skip_serializing_if = "Option::is_none")]`: an optional member, read as `None`
/// when absent and left out when `None`. A field marked `#[model(required)]` (a required, nullable
/// member: written as `null`) and a field whose `#[serde(...)]` already says `default`,
/// `skip_serializing_if`, `skip`, `skip_serializing` or `flatten` keep what they say. Place it
/// before `#[derive(Serialize, Deserialize)]`.
///
/// ```text
/// #[model]
/// #[derive(Serialize, Deserialize)]
/// pub struct Location {
///     #[model(required)]
///     pub line1: Option<String>,   // always written, `null` when None
///     pub name: Option<String>,    // left out when None
/// }
/// ```
///
/// finch's own types use it; it is not part of finch's public API.
#[doc(hidden)]
#[proc_macro_attribute]
pub fn model(args: TokenStream, input: TokenStream) -> TokenStream {
    model::model(args.into(), input.into()).into()
}
