//! `/sandbox/connections*`: create sandbox connections and accounts.

use crate::account::{AuthenticationType, ConnectionStatus};
use crate::handles::handle;
use crate::setters::setters;
use crate::shared::Product;
use finch_core::Secret;
use finch_macros::finch_endpoint;
use finch_macros::model;

/// Create a sandbox connection: a new company/provider pair with a new account
/// (`POST /sandbox/connections`, HTTP Basic auth with the client id and secret).
///
/// ```
/// use finch::Product;
/// use finch::{account::AuthenticationType, sandbox::CreateSandboxConnection};
/// let request = CreateSandboxConnection::new("gusto")
///     .authentication_type(AuthenticationType::ApiToken)
///     .employee_size(40)
///     .products([Product::Company, Product::Directory]);
/// assert_eq!(request.provider_id, "gusto");
/// ```
#[finch_endpoint(POST "/sandbox/connections", response = ConnectionCreateResponse, auth = basic)]
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CreateSandboxConnection {
    /// The provider of the connection (`gusto`).
    pub provider_id: String,
    /// How the connection authenticates with the provider.
    pub authentication_type: Option<AuthenticationType>,
    /// The number of employees of the company to create (Finch's default is 20). Above 100, no
    /// payroll history is generated, only one pay period.
    pub employee_size: Option<u32>,
    /// The products the connection's token is granted.
    pub products: Option<Vec<Product>>,
}

impl CreateSandboxConnection {
    /// A connection to `provider_id`, with Finch's defaults for the rest.
    pub fn new(provider_id: impl Into<String>) -> Self {
        CreateSandboxConnection {
            provider_id: provider_id.into(),
            authentication_type: None,
            employee_size: None,
            products: None,
        }
    }

    setters! {
        /// Sets how the connection authenticates with the provider.
        authentication_type(authentication_type: AuthenticationType);
        /// Sets the number of employees of the company to create.
        employee_size(employee_size: u32);
        /// Sets the products the connection's token is granted.
        products(products: impl IntoIterator<Item = Product>);
    }
}

/// The created sandbox connection and its access token.
///
/// ```
/// let created: finch::sandbox::ConnectionCreateResponse = serde_json::from_str(r#"{
///     "connection_id": "a237a1c3-1a5e-44ae-a8fd-81f76fd715c2", "entity_id": "449e7a5c-69d3-4b8a-aaaf-5c9b713ebc65",
///     "company_id": null, "account_id": "449e7a5c-69d3-4b8a-aaaf-5c9b713ebc65", "provider_id": "gusto",
///     "authentication_type": "api_token", "products": ["company"],
///     "access_token": "7eb55bcf-6593-4040-afac-252ee1f78e20", "token_type": "bearer"
/// }"#)?;
/// assert_eq!(created.access_token.expose(), "7eb55bcf-6593-4040-afac-252ee1f78e20");
/// // The token never shows in Debug output:
/// assert!(!format!("{created:?}").contains("7eb55bcf"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(Eq)]
pub struct ConnectionCreateResponse {
    /// The access token of the new connection (pass it to
    /// [`Finch::with_access_token`](crate::Finch::with_access_token)).
    pub access_token: Secret,
    /// Deprecated: use `connection_id` to identify the connection.
    #[deprecated(note = "use `connection_id` to identify the connection")]
    pub account_id: String,
    /// How the connection authenticates with the provider.
    pub authentication_type: AuthenticationType,
    /// The Finch id of the company of the connection.
    pub company_id: Option<String>,
    /// The id of the new connection.
    pub connection_id: String,
    /// The id of the connection's entity.
    pub entity_id: String,
    /// The products the token is granted.
    pub products: Vec<Product>,
    /// The provider of the connection.
    pub provider_id: String,
    /// The RFC 8693 token type (`bearer`).
    pub token_type: String,
}

/// Create a new account for an existing sandbox company/provider pair
/// (`POST /sandbox/connections/accounts`, HTTP Basic auth with the client id and secret).
///
/// ```
/// use finch::Product;
/// use finch::{account::AuthenticationType, sandbox::CreateSandboxAccount};
/// let request = CreateSandboxAccount::new("b2e6a1c3-1a5e-44ae-a8fd-81f76fd715cf", "gusto")
///     .authentication_type(AuthenticationType::Credential)
///     .products([Product::Company]);
/// ```
#[finch_endpoint(POST "/sandbox/connections/accounts", response = AccountCreateResponse, auth = basic)]
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct CreateSandboxAccount {
    /// The Finch id of the existing company.
    pub company_id: String,
    /// The provider of the connection (`gusto`).
    pub provider_id: String,
    /// How the account authenticates with the provider.
    pub authentication_type: Option<AuthenticationType>,
    /// The products the account's token is granted (Finch's default: the organization products
    /// `company`, `directory`, `employment`, `individual`).
    pub products: Option<Vec<Product>>,
}

impl CreateSandboxAccount {
    /// An account for the company `company_id` at `provider_id`.
    pub fn new(company_id: impl Into<String>, provider_id: impl Into<String>) -> Self {
        CreateSandboxAccount {
            company_id: company_id.into(),
            provider_id: provider_id.into(),
            authentication_type: None,
            products: None,
        }
    }

    setters! {
        /// Sets how the account authenticates with the provider.
        authentication_type(authentication_type: AuthenticationType);
        /// Sets the products the account's token is granted.
        products(products: impl IntoIterator<Item = Product>);
    }
}

/// The created sandbox account and its access token.
#[model(Eq)]
pub struct AccountCreateResponse {
    /// The access token of the new connection (pass it to
    /// [`Finch::with_access_token`](crate::Finch::with_access_token)).
    pub access_token: Secret,
    /// Deprecated: use `connection_id` to identify the connection.
    #[deprecated(note = "use `connection_id` to identify the connection")]
    pub account_id: String,
    /// How the account authenticates with the provider.
    pub authentication_type: AuthenticationType,
    /// The Finch id of the company of the connection.
    pub company_id: String,
    /// The id of the new connection.
    pub connection_id: String,
    /// The id of the connection's entity.
    pub entity_id: String,
    /// The products the token is granted.
    pub products: Vec<Product>,
    /// The provider of the connection.
    pub provider_id: String,
}

/// Change the sandbox connection of the access token, to see how the API answers in that state
/// (`PUT /sandbox/connections/accounts`).
///
/// ```
/// use finch::{account::ConnectionStatus, sandbox::UpdateSandboxAccount};
/// let request = UpdateSandboxAccount::new().connection_status(ConnectionStatus::Reauth);
/// ```
#[finch_endpoint(PUT "/sandbox/connections/accounts", response = AccountUpdateResponse)]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdateSandboxAccount {
    /// The status to put the connection in.
    pub connection_status: Option<ConnectionStatus>,
}

impl UpdateSandboxAccount {
    /// An update that changes nothing (the body is `{}`).
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        /// Puts the connection in `connection_status`.
        connection_status(connection_status: ConnectionStatus);
    }
}

/// The updated sandbox account.
#[model(Eq)]
pub struct AccountUpdateResponse {
    /// Deprecated: use `connection_id` to identify the connection.
    #[deprecated(note = "use `connection_id` to identify the connection")]
    pub account_id: String,
    /// How the account authenticates with the provider.
    pub authentication_type: AuthenticationType,
    /// The Finch id of the company of the connection.
    pub company_id: String,
    /// The id of the connection.
    pub connection_id: String,
    /// The id of the entity whose status was updated.
    pub entity_id: String,
    /// The products the token is granted.
    pub products: Vec<Product>,
    /// The provider of the connection.
    pub provider_id: String,
}

handle! {
    /// `client.sandbox().connections()`.
    pub struct SandboxConnections<'a> {
        /// Creates a sandbox connection (`POST /sandbox/connections`, with the client id and secret);
        /// use its access token for the other sandbox and `/employer/*` endpoints.
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// use finch::sandbox::CreateSandboxConnection;
        /// let created = finch.sandbox().connections().create(CreateSandboxConnection::new("gusto")).await?;
        /// let connection = finch.with_access_token(created.access_token);
        /// let company = connection.hris().company().retrieve().await?;
        /// # Ok(()) }
        /// ```
        pub async fn create(self, request: CreateSandboxConnection) -> Result<ConnectionCreateResponse, Error>;

        /// `/sandbox/connections/accounts`.
        pub fn accounts(&self) -> SandboxAccounts<'a>;
    }
}

handle! {
    /// `client.sandbox().connections().accounts()`.
    pub struct SandboxAccounts<'a> {
        /// Creates an account for an existing sandbox company (`POST /sandbox/connections/accounts`,
        /// with the client id and secret).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// use finch::sandbox::CreateSandboxAccount;
        /// let account = finch.sandbox().connections().accounts()
        ///     .create(CreateSandboxAccount::new("b2e6a1c3-1a5e-44ae-a8fd-81f76fd715cf", "gusto"))
        ///     .await?;
        /// println!("connection {}", account.connection_id);
        /// # Ok(()) }
        /// ```
        pub async fn create(self, request: CreateSandboxAccount) -> Result<AccountCreateResponse, Error>;

        /// Changes the status of the access token's sandbox connection
        /// (`PUT /sandbox/connections/accounts`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// use finch::{account::ConnectionStatus, sandbox::UpdateSandboxAccount};
        /// let account = finch.sandbox().connections().accounts()
        ///     .update(UpdateSandboxAccount::new().connection_status(ConnectionStatus::Reauth))
        ///     .await?;
        /// # Ok(()) }
        /// ```
        pub async fn update(self, request: UpdateSandboxAccount) -> Result<AccountUpdateResponse, Error>;
    }
}
