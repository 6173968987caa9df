//! An operation as data: what the OpenAPI rendering (feature `openapi`) and the spec tooling
//! (`tools/finch-conformance`) read. [`operations`](crate::operations()) lists every endpoint
//! finch declares (`operations.rs`).

use finch_core::{AuthScheme, Endpoint, ParamSpec};

/// One declared operation, described by its declaration alone.
///
/// ```
/// let token = finch::operations().into_iter().find(|op| op.path == "/auth/token").unwrap();
/// assert_eq!(token.method, http::Method::POST);
/// assert_eq!(token.auth, finch::AuthScheme::None);
/// assert_eq!(token.response_type, "CreateAccessTokenResponse");
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Operation {
    /// The request type (`CreateAccessToken`).
    pub name: &'static str,
    /// The HTTP method.
    pub method: http::Method,
    /// The path template (`/employer/benefits/{benefit_id}`).
    pub path: &'static str,
    /// The auth scheme.
    pub auth: AuthScheme,
    /// Every field as the wire sees it.
    pub params: &'static [ParamSpec],
    /// The response type's name, without module paths.
    pub response_type: String,
}

impl Operation {
    /// Describes the endpoint `E`: finch's own, or one you declared with `#[finch_endpoint]`
    /// (to render it with `finch::openapi::render`, feature `openapi`).
    ///
    /// ```
    /// #[finch::finch_endpoint(GET "/employer/widgets/{widget_id}", response = finch::serde_json::Value)]
    /// pub struct RetrieveWidget {
    ///     #[finch(path)]
    ///     pub widget_id: String,
    /// }
    ///
    /// let widget = finch::Operation::of::<RetrieveWidget>();
    /// assert_eq!(widget.name, "RetrieveWidget");
    /// assert_eq!(widget.path, "/employer/widgets/{widget_id}");
    /// assert_eq!(widget.params[0].name, "widget_id");
    /// ```
    pub fn of<E: Endpoint>() -> Operation {
        Operation {
            name: E::NAME,
            method: E::METHOD,
            path: E::PATH,
            auth: E::AUTH,
            params: E::PARAMS,
            response_type: finch_core::type_name::<E::Response>(),
        }
    }
}
