//! The endpoint trait that `#[finch_endpoint]` implements, and what it says about itself.

use crate::credentials::AuthScheme;
use crate::error::RequestError;
use crate::request::{BodyWriter, HeaderWriter, PathWriter, QueryWriter};
use crate::response_type::DeserializeResponse;
use http::Method;

/// Where a request field travels on the wire.
///
/// ```
/// use finch_core::ParamLocation;
/// assert_eq!(ParamLocation::Query.to_string(), "query");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ParamLocation {
    /// Bound to `{name}` in the path template, percent-encoded as one segment.
    Path,
    /// A query parameter; sequences use the bracket form `name[]=a&name[]=b`.
    Query,
    /// A request header.
    Header,
    /// A member of the JSON object body.
    BodyField,
    /// The whole body (for example a top-level JSON array).
    Body,
}

impl std::fmt::Display for ParamLocation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ParamLocation::Path => "path",
            ParamLocation::Query => "query",
            ParamLocation::Header => "header",
            ParamLocation::BodyField => "body field",
            ParamLocation::Body => "body",
        })
    }
}

/// One field of a request as the wire sees it: its name there, where it goes, and whether it is
/// always sent. The attribute writes one per field into [`Endpoint::PARAMS`], so the declarations can
/// describe themselves (documentation, conformance checks) without running anything.
///
/// ```
/// use finch_core::{ParamLocation, ParamSpec};
/// let limit = ParamSpec::new("limit", ParamLocation::Query, false);
/// assert_eq!((limit.name, limit.location, limit.required), ("limit", ParamLocation::Query, false));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ParamSpec {
    /// The name on the wire (`entity_ids`, `Finch-API-Version`, `benefit_id`).
    pub name: &'static str,
    /// Where it goes.
    pub location: ParamLocation,
    /// `false` when the field is an `Option` that is left out when `None`.
    pub required: bool,
}

impl ParamSpec {
    /// Describes one field.
    pub const fn new(name: &'static str, location: ParamLocation, required: bool) -> Self {
        ParamSpec {
            name,
            location,
            required,
        }
    }
}

/// A request the client can send: the struct a `#[finch_endpoint]` attribute was put on.
///
/// Implement it with the attribute rather than by hand; the attribute checks the declaration at
/// compile time and writes these items from it. The `write_*` methods are called once per attempt
/// plan (not per retry) and must not have side effects.
///
/// ```
/// use finch_core::{AuthScheme, Endpoint};
/// # use finch_core::{RequestError, PathWriter};
/// # #[derive(serde::Deserialize)] struct Company { id: String }
/// # struct GetCompany;
/// # impl Endpoint for GetCompany {
/// #     type Response = Company;
/// #     const METHOD: http::Method = http::Method::GET;
/// #     const PATH: &'static str = "/employer/company";
/// #     const AUTH: AuthScheme = AuthScheme::Bearer;
/// #     const NAME: &'static str = "GetCompany";
/// #     const PARAMS: &'static [finch_core::ParamSpec] = &[];
/// #     fn write_path(&self, path: &mut PathWriter) -> Result<(), RequestError> {
/// #         path.literal("/employer/company");
/// #         Ok(())
/// #     }
/// # }
/// fn describe<E: Endpoint>() -> String {
///     format!("{} {} ({})", E::METHOD, E::PATH, E::AUTH)
/// }
/// assert_eq!(describe::<GetCompany>(), "GET /employer/company (bearer)");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a finch endpoint",
    label = "not declared with `#[finch_endpoint]`",
    note = "declare it with `#[finch_endpoint(GET \"/path\", response = Type)]` on the request struct"
)]
pub trait Endpoint {
    /// What a successful reply decodes into.
    type Response: DeserializeResponse;
    /// The HTTP method.
    const METHOD: Method;
    /// The path template as declared, with `{name}` placeholders (`/employer/benefits/{benefit_id}`).
    const PATH: &'static str;
    /// The credentials this endpoint takes.
    const AUTH: AuthScheme;
    /// The name of the request type (`CreateAccessToken`), for errors and traces.
    const NAME: &'static str;
    /// Every field as the wire sees it, in declaration order.
    const PARAMS: &'static [ParamSpec];
    /// Members of the reply (at any depth) whose values are secret, beyond the built-in ones
    /// (`access_token`, `client_secret`, `code`, ...; see [`redact`](crate::redact)): errors about
    /// the reply mask their values. Exact names, ASCII case ignored. The attribute writes it from
    /// `secret_members = ["pin", ...]`; the default is none.
    ///
    /// ```
    /// use finch_core::Endpoint;
    /// fn masked<E: Endpoint>() -> &'static [&'static str] {
    ///     E::SECRET_MEMBERS
    /// }
    /// ```
    const SECRET_MEMBERS: &'static [&'static str] = &[];
    /// Error statuses that are this endpoint's answer rather than a passing failure: a reply with
    /// one of them is returned at once, never retried, whatever the retry policy or the reply's
    /// `x-should-retry` say. `POST /jobs/automated` declares 429: its 429 is the hourly job quota,
    /// which ends at `retry_at`, not in the seconds a retry waits. The attribute writes it from
    /// `no_retry = [429]`; the default is none.
    ///
    /// ```
    /// use finch_core::Endpoint;
    /// fn final_statuses<E: Endpoint>() -> &'static [u16] {
    ///     E::NO_RETRY_STATUSES
    /// }
    /// ```
    const NO_RETRY_STATUSES: &'static [u16] = &[];

    /// Writes the path: the template with each `{name}` replaced by its percent-encoded field.
    fn write_path(&self, path: &mut PathWriter) -> Result<(), RequestError>;

    /// Writes the query parameters. The default writes none.
    fn write_query(&self, query: &mut QueryWriter) -> Result<(), RequestError> {
        let _ = query;
        Ok(())
    }

    /// Writes the endpoint's own headers. The default writes none.
    fn write_headers(&self, headers: &mut HeaderWriter) -> Result<(), RequestError> {
        let _ = headers;
        Ok(())
    }

    /// Writes the body. The default writes none, so no `Content-Type` is sent.
    fn write_body(&self, body: &mut BodyWriter<'_>) -> Result<(), RequestError> {
        let _ = body;
        Ok(())
    }
}
