//! The application's and the connection's credentials, and the auth schemes that say which one
//! each endpoint may see. The ground floor of the runtime: it imports only `secret`.

use crate::secret::Secret;
use http::HeaderValue;
use std::fmt;
use std::sync::Arc;

/// The credentials a client holds. Each endpoint takes only the part its auth scheme names.
///
/// ```
/// use finch_core::Credentials;
/// let credentials = Credentials::new()
///     .client_id("4ab15e51-11ad-49f4-acae-f343b7794375")
///     .client_secret("my-client-secret");
/// assert!(!format!("{credentials:?}").contains("my-client-secret"));
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Credentials {
    client_id: Option<Arc<str>>,
    client_secret: Option<Secret>,
    access_token: Option<Arc<AccessToken>>,
}

/// The access token and its `Authorization` header, built once when the token is set: every
/// call clones the header instead of formatting it. Behind one `Arc`, so that a client stays a
/// few pointers.
#[derive(PartialEq, Eq)]
struct AccessToken {
    secret: Secret,
    /// `Bearer <token>`; `None` when the token holds characters a header cannot carry.
    bearer: Option<HeaderValue>,
}

impl Credentials {
    /// No credentials.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the application's client id.
    pub fn client_id(mut self, client_id: impl Into<String>) -> Self {
        self.client_id = Some(Arc::from(client_id.into()));
        self
    }

    /// Sets the application's client secret.
    pub fn client_secret(mut self, client_secret: impl Into<Secret>) -> Self {
        self.client_secret = Some(client_secret.into());
        self
    }

    /// Sets the connection's access token.
    pub fn access_token(mut self, access_token: impl Into<Secret>) -> Self {
        self.set_access_token(Some(access_token.into()));
        self
    }

    // The getters are `*_ref`, not `get_*` (API guidelines, C-GETTER) nor the bare field name,
    // which the builder-style setters above already take; `http::request::Builder` uses the same
    // pattern (`method` sets, `method_ref` reads).

    /// The client id, if set.
    pub fn client_id_ref(&self) -> Option<&str> {
        self.client_id.as_deref()
    }

    /// The client secret, if set.
    pub fn client_secret_ref(&self) -> Option<&Secret> {
        self.client_secret.as_ref()
    }

    /// The access token, if set.
    pub fn access_token_ref(&self) -> Option<&Secret> {
        self.access_token.as_deref().map(|token| &token.secret)
    }

    pub(crate) fn set_access_token(&mut self, token: Option<Secret>) {
        self.access_token = token.map(|secret| {
            let bearer = HeaderValue::try_from(format!("Bearer {}", secret.expose()))
                .ok()
                .map(|mut value| {
                    value.set_sensitive(true);
                    value
                });
            Arc::new(AccessToken { secret, bearer })
        });
    }

    /// The `Authorization` header for the access token: `None` without a token, `Some(None)`
    /// when the token holds characters a header cannot carry.
    pub(crate) fn bearer_header(&self) -> Option<Option<&HeaderValue>> {
        self.access_token
            .as_deref()
            .map(|token| token.bearer.as_ref())
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Credentials")
            .field("client_id", &self.client_id)
            .field("client_secret", &self.client_secret)
            .field("access_token", &self.access_token_ref())
            .finish()
    }
}

/// A credential a request field can take from the client when the request leaves it unset
/// (`#[finch(credential = client_id)]`).
///
/// ```
/// use finch_core::Credential;
/// assert_eq!(Credential::ClientId.to_string(), "client id");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Credential {
    /// The application's client id (`FINCH_CLIENT_ID`).
    ClientId,
    /// The application's client secret (`FINCH_CLIENT_SECRET`).
    ClientSecret,
    /// The connection's access token.
    AccessToken,
}

impl Credential {
    /// The environment variable the Finch clients read it from, if any.
    ///
    /// ```
    /// assert_eq!(finch_core::Credential::ClientSecret.env_var(), Some("FINCH_CLIENT_SECRET"));
    /// ```
    pub fn env_var(self) -> Option<&'static str> {
        match self {
            Credential::ClientId => Some("FINCH_CLIENT_ID"),
            Credential::ClientSecret => Some("FINCH_CLIENT_SECRET"),
            Credential::AccessToken => None,
        }
    }
}

impl fmt::Display for Credential {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Credential::ClientId => "client id",
            Credential::ClientSecret => "client secret",
            Credential::AccessToken => "access token",
        })
    }
}

/// How an endpoint authenticates. An endpoint gets exactly the scheme it declares and nothing else,
/// so an access token never travels to `/auth/token` and a client secret never to a Bearer endpoint.
///
/// ```
/// use finch_core::AuthScheme;
/// assert_eq!(AuthScheme::Bearer.to_string(), "bearer");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum AuthScheme {
    /// No credentials at all (`POST /auth/token`).
    None,
    /// `Authorization: Bearer <access token>`: the connection's access token.
    Bearer,
    /// `Authorization: Basic base64(client_id:client_secret)`: the application's credentials.
    Basic,
    /// Bearer when the client has an access token, nothing otherwise (`GET /providers`).
    OptionalBearer,
}

impl std::fmt::Display for AuthScheme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            AuthScheme::None => "none",
            AuthScheme::Bearer => "bearer",
            AuthScheme::Basic => "basic",
            AuthScheme::OptionalBearer => "optional bearer",
        })
    }
}
