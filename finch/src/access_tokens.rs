//! `POST /auth/token`: exchange a Finch Connect authorization code for a connection's access token.

use crate::handles::handle;
use crate::open_enum::open_enum;
use crate::setters::setters;
use crate::shared::Product;
use finch_core::Secret;
use finch_macros::finch_endpoint;
use finch_macros::model;

/// Exchange an authorization code for an access token (`POST /auth/token`).
///
/// `client_id` and `client_secret` default to the client's (`FINCH_CLIENT_ID`,
/// `FINCH_CLIENT_SECRET`); when neither the request nor the client has them the call fails before
/// anything is sent. No `Authorization` header is sent.
///
/// The authorization code is a [`Secret`]: it is sent, never shown.
///
/// ```
/// use finch::CreateAccessToken;
/// let request = CreateAccessToken::new("the-code-from-connect").redirect_uri("https://example.com/callback");
/// assert_eq!(request.code.expose(), "the-code-from-connect");
/// assert!(!format!("{request:?}").contains("the-code-from-connect"));
/// ```
#[finch_endpoint(POST "/auth/token", response = CreateAccessTokenResponse, auth = none)]
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CreateAccessToken {
    /// Your application's client id; the client's when `None`.
    #[finch(credential = client_id)]
    pub client_id: Option<String>,
    /// Your application's client secret; the client's when `None`.
    #[finch(credential = client_secret)]
    pub client_secret: Option<Secret>,
    /// The authorization code Finch Connect returned; until it is exchanged it is as good as a
    /// token, so it is never shown.
    pub code: Secret,
    /// The redirect URI of the authorization request; required for codes from the redirect flow,
    /// and it must match.
    pub redirect_uri: Option<String>,
}

impl CreateAccessToken {
    /// A request for `code`, with the client's credentials.
    pub fn new(code: impl Into<Secret>) -> Self {
        CreateAccessToken {
            client_id: None,
            client_secret: None,
            code: code.into(),
            redirect_uri: None,
        }
    }

    setters! {
        /// Sets the redirect URI used in the authorization request.
        redirect_uri(redirect_uri: impl Into<String>);
        /// Uses this client id instead of the client's.
        client_id(client_id: impl Into<String>);
        /// Uses this client secret instead of the client's.
        client_secret(client_secret: impl Into<Secret>);
    }
}

/// A connection's access token and what it grants.
///
/// ```
/// let response: finch::CreateAccessTokenResponse = serde_json::from_str(r#"{
///     "access_token": "7e965183-9332-423c-9259-3edafb332ad2", "token_type": "bearer",
///     "connection_id": "bc3a2af9-ce03-46c4-9142-81abe789c64d", "customer_id": null, "customer_name": null,
///     "client_type": "production", "connection_type": "provider", "products": ["directory"],
///     "provider_id": "gusto", "entity_ids": []
/// }"#)?;
/// assert_eq!(response.client_type, finch::ClientType::Production);
/// // The token never shows in Debug output:
/// assert!(!format!("{response:?}").contains("7e965183"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model]
pub struct CreateAccessTokenResponse {
    /// The access token for the connection.
    pub access_token: Secret,
    /// The RFC 8693 token type (Finch uses `bearer` tokens).
    pub token_type: String,
    /// The Finch UUID of the connection associated with the token.
    pub connection_id: String,
    /// The id of your customer you gave Finch when the connect session was created.
    #[serde(default)]
    pub customer_id: Option<String>,
    /// The name of your customer you gave Finch when the connect session was created.
    #[serde(default)]
    pub customer_name: Option<String>,
    /// Deprecated: use `connection_id` to identify the connection.
    #[deprecated(note = "use `connection_id` to identify the connection")]
    pub account_id: Option<String>,
    /// The type of application associated with the token.
    pub client_type: ClientType,
    /// Deprecated: use `connection_id` to identify the connection.
    #[deprecated(note = "use `connection_id` to identify the connection")]
    pub company_id: Option<String>,
    /// The type of the connection associated with the token.
    pub connection_type: ConnectionType,
    /// The products the token is authorized for.
    pub products: Vec<Product>,
    /// The id of the provider associated with the token.
    pub provider_id: String,
    /// The entities the token can access (pass one as `entity_ids` on `/employer/*` endpoints).
    pub entity_ids: Vec<String>,
}

open_enum! {
    /// The type of application associated with a token.
    pub enum ClientType {
        /// A development application.
        Development = "development",
        /// A production application.
        Production = "production",
        /// A sandbox application.
        Sandbox = "sandbox",
    }
}

open_enum! {
    /// The type of a connection.
    pub enum ConnectionType {
        /// Finch-generated data.
        Finch = "finch",
        /// A connection to an external provider.
        Provider = "provider",
    }
}

handle! {
    /// `client.access_tokens()`: the token exchange.
    pub struct AccessTokens<'a> {
        /// Exchanges an authorization code for an access token (`POST /auth/token`).
        ///
        /// ```
        /// # #[tokio::main(flavor = "current_thread")] async fn main() -> Result<(), Box<dyn std::error::Error>> {
        /// # let transport = finch::core::TestTransport::new();
        /// # transport
        /// #     .push_json(200, r#"{"access_token":"t","token_type":"bearer","connection_id":"c","client_type":"sandbox","connection_type":"finch","products":["company"],"provider_id":"gusto","entity_ids":["e"]}"#)
        /// #     .push_json(200, r#"{"id":"c","legal_name":"Acme","entity":null,"primary_email":null,"primary_phone_number":null,"departments":null,"ein":null,"locations":null,"accounts":null}"#);
        /// # let code = String::from("the code Finch Connect gave you");
        /// let finch = finch::Finch::builder()
        ///     # .transport(transport)
        ///     .client_id("4ab15e51-11ad-49f4-acae-f343b7794375")
        ///     .client_secret("my-client-secret")
        ///     .build()?;
        /// let token = finch.access_tokens().create(finch::CreateAccessToken::new(code)).await?;
        /// let connection = finch.with_access_token(token.access_token);
        /// let company = connection.hris().company().retrieve().await?;
        /// # Ok(()) }
        /// ```
        pub async fn create(self, request: CreateAccessToken) -> Result<CreateAccessTokenResponse, Error>;
    }
}
