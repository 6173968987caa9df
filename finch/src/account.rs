//! `/introspect`, `/disconnect`, `/disconnect-entity`: the connection behind an access token.

use crate::access_tokens::{ClientType, ConnectionType};
use crate::handles::handle;
use crate::open_enum::open_enum;
use crate::shared::Product;
use finch_core::Error;
use finch_macros::finch_endpoint;
use finch_macros::model;

/// Read what the client's access token grants and the state of its connection
/// (`GET /introspect`).
///
/// ```
/// let request = finch::account::Introspect::new();
/// ```
#[finch_endpoint(GET "/introspect", response = Introspection)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Introspect;

impl Introspect {
    /// The request (it has no parameters).
    pub fn new() -> Self {
        Introspect
    }
}

/// Disconnect the access token's connection (`POST /disconnect`): the token and every other
/// token of the connection stop working.
///
/// ```
/// let request = finch::account::Disconnect::new();
/// ```
#[finch_endpoint(POST "/disconnect", response = DisconnectResponse)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Disconnect;

impl Disconnect {
    /// The request (it has no parameters).
    pub fn new() -> Self {
        Disconnect
    }
}

/// Disconnect some entities of a multi-entity connection (`POST /disconnect-entity`); the rest of
/// the connection stays. The entity ids travel in the JSON body (not in the query, as on
/// `/employer/*`).
///
/// ```
/// let request = finch::account::DisconnectEntity::new(["3c90c3cc-0d44-4b50-8888-8dd25736052a"]);
/// assert_eq!(request.entity_ids.len(), 1);
/// ```
#[finch_endpoint(POST "/disconnect-entity", response = DisconnectResponse)]
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DisconnectEntity {
    /// The entities to disconnect (at least one; ids from [`Introspection::entities`] or
    /// `CreateAccessTokenResponse::entity_ids`).
    pub entity_ids: Vec<String>,
}

impl DisconnectEntity {
    /// Disconnects `entity_ids`.
    pub fn new<I, S>(entity_ids: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        DisconnectEntity {
            entity_ids: entity_ids.into_iter().map(Into::into).collect(),
        }
    }

    // Written by hand: it adds to the required list of entities instead of setting an `Option`.

    /// Adds the entity `entity_id`.
    pub fn entity_id(mut self, entity_id: impl Into<String>) -> Self {
        self.entity_ids.push(entity_id.into());
        self
    }
}

/// What an access token grants, and the state of its connection.
///
/// ```
/// let about: finch::account::Introspection = serde_json::from_str(r#"{
///     "id": "2f9e4a47-5d0b-4c32-a8b5-1cf0cfb2e8f4", "client_id": "4ab15e51-11ad-49f4-acae-f343b7794375",
///     "client_type": "production", "connection_id": "bc3a2af9-ce03-46c4-9142-81abe789c64d",
///     "connection_status": {"status": "connected", "last_successful_sync": "2024-06-01T12:00:00Z"},
///     "connection_type": "provider", "products": ["company", "directory"], "provider_id": "gusto",
///     "entities": [{"id": "e1", "name": "Acme East", "source_id": null, "status": "connected"}]
/// }"#)?;
/// assert_eq!(about.connection_status.status, finch::account::ConnectionStatus::Connected);
/// assert_eq!(about.entities.as_deref().map(<[_]>::len), Some(1));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(Eq)]
pub struct Introspection {
    /// The Finch id of the token being introspected.
    pub id: String,
    /// The client id of the application the token belongs to.
    pub client_id: String,
    /// The type of that application.
    pub client_type: ClientType,
    /// The Finch id of the connection the token belongs to.
    pub connection_id: String,
    /// The connection's status.
    pub connection_status: ConnectionStatusDetail,
    /// The type of the connection.
    pub connection_type: ConnectionType,
    /// The products the token is authorized for.
    pub products: Vec<Product>,
    /// The id of the provider (`gusto`).
    pub provider_id: String,
    /// Deprecated: use `connection_id` to identify the connection.
    #[deprecated(note = "use `connection_id` to identify the connection")]
    pub account_id: Option<String>,
    /// The Finch id of the company the token belongs to.
    pub company_id: Option<String>,
    /// The ways the employer authenticated with the provider, each with its own status.
    pub authentication_methods: Option<Vec<AuthenticationMethodDetail>>,
    /// The customer id you gave Finch when the Connect session was created.
    pub customer_id: Option<String>,
    /// The customer name you gave Finch when the Connect session was created.
    pub customer_name: Option<String>,
    /// The customer email you gave Finch when the Connect session was created.
    pub customer_email: Option<String>,
    /// The connection's entities (several for a multi-entity connection); pass one id as
    /// `entity_ids` on `/employer/*` endpoints.
    pub entities: Option<Vec<ConnectedEntity>>,
    /// `true` when the connection uses the Assisted Connect flow, `false` when it is automated.
    pub manual: Option<bool>,
    /// Deprecated: use `provider_id` to identify the provider.
    #[deprecated(note = "use `provider_id` to identify the provider")]
    pub payroll_provider_id: Option<String>,
    /// The username used to log in to the provider.
    pub username: Option<String>,
}

/// The status of a connection or of one of its authentication methods.
#[model(Eq)]
pub struct ConnectionStatusDetail {
    /// The status.
    pub status: ConnectionStatus,
    /// A description of the status.
    pub message: Option<String>,
    /// When the connection last synced successfully (an ISO 8601 date-time as sent).
    pub last_successful_sync: Option<String>,
}

open_enum! {
    /// The status of a connection.
    pub enum ConnectionStatus {
        /// Being set up.
        Pending = "pending",
        /// Authorized; the first sync is running.
        Processing = "processing",
        /// Connected and working.
        Connected = "connected",
        /// The employer has no account set up with the provider.
        ErrorNoAccountSetup = "error_no_account_setup",
        /// The credentials lack the permissions Finch needs.
        ErrorPermissions = "error_permissions",
        /// The employer must authenticate again (see `connect().sessions().reauthenticate`).
        Reauth = "reauth",
    }
}

/// One way the employer authenticated with the provider.
#[model(Eq)]
pub struct AuthenticationMethodDetail {
    /// The kind of authentication.
    #[serde(rename = "type")]
    pub method_type: AuthenticationType,
    /// Its status.
    pub connection_status: Option<ConnectionStatusDetail>,
    /// The products it grants.
    pub products: Option<Vec<Product>>,
}

open_enum! {
    /// How an employer authenticates with a provider.
    pub enum AuthenticationType {
        /// Finch's team sets the connection up (Assisted Connect).
        Assisted = "assisted",
        /// The employer's username and password.
        Credential = "credential",
        /// An API token the employer creates.
        ApiToken = "api_token",
        /// API credentials the employer creates.
        ApiCredential = "api_credential",
        /// OAuth with the provider.
        Oauth = "oauth",
        /// The provider's API (listed by `GET /providers`).
        Api = "api",
    }
}

/// One entity (company, account) of a connection.
#[model(Eq, required)]
pub struct ConnectedEntity {
    /// The entity's id: what `entity_ids` takes.
    pub id: String,
    /// The entity's name (the company name at the provider).
    pub name: Option<String>,
    /// The provider's id for the entity.
    pub source_id: Option<String>,
    /// The entity's status.
    pub status: EntityStatus,
}

open_enum! {
    /// The status of one entity of a connection.
    pub enum EntityStatus {
        /// Being set up.
        Pending = "pending",
        /// Authorized; the first sync is running.
        Processing = "processing",
        /// Connected and working.
        Connected = "connected",
        /// The employer has no account set up with the provider.
        ErrorNoAccountSetup = "error_no_account_setup",
        /// The credentials lack the permissions Finch needs.
        ErrorPermissions = "error_permissions",
        /// The employer must authenticate again.
        Reauth = "reauth",
        /// Disconnected (`POST /disconnect-entity`).
        Disconnected = "disconnected",
    }
}

/// The outcome of `POST /disconnect` or `POST /disconnect-entity`.
///
/// ```
/// let done: finch::account::DisconnectResponse = serde_json::from_str(r#"{"status": "success"}"#)?;
/// assert!(done.is_success());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(Eq)]
pub struct DisconnectResponse {
    /// `success` when the request succeeded.
    pub status: String,
}

impl DisconnectResponse {
    /// `true` when the status is `success`.
    pub fn is_success(&self) -> bool {
        self.status == "success"
    }
}

/// The body of a 400 reply to `POST /disconnect-entity` when some entity ids are unknown:
/// `{"errors": [{"entityId": "...", "error": "NOT_FOUND"}]}`.
///
/// ```
/// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
/// use finch::account::{DisconnectEntity, DisconnectEntityErrors};
/// match finch.account().disconnect_entity(DisconnectEntity::new(["3c90c3cc"])).await {
///     Ok(done) => println!("{}", done.status),
///     Err(error) => match DisconnectEntityErrors::from_error(&error) {
///         Some(rejected) => {
///             for entity in rejected.errors {
///                 println!("{}: {}", entity.entity_id, entity.error);
///             }
///         }
///         None => return Err(error),
///     },
/// }
/// # Ok(()) }
/// ```
#[model(Eq)]
pub struct DisconnectEntityErrors {
    /// One error per rejected entity.
    pub errors: Vec<EntityError>,
}

impl DisconnectEntityErrors {
    /// The per-entity errors of a 400 reply to `POST /disconnect-entity`; `None` for any other
    /// error (a malformed request carries Finch's usual error object instead).
    pub fn from_error(error: &Error) -> Option<Self> {
        crate::shared::error_body(error, http::StatusCode::BAD_REQUEST)
    }
}

/// Why one entity could not be disconnected.
#[model(Eq)]
pub struct EntityError {
    /// The entity id as sent.
    #[serde(rename = "entityId")]
    pub entity_id: String,
    /// What is wrong with it (`NOT_FOUND`).
    pub error: String,
}

handle! {
    /// `client.account()`.
    pub struct Account<'a> {
        /// Reads what the client's access token grants (`GET /introspect`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// let about = finch.account().introspect().await?;
        /// println!("{} via {}: {}", about.connection_id, about.provider_id, about.connection_status.status);
        /// # Ok(()) }
        /// ```
        pub async fn introspect(self) -> Result<Introspection, Error> => Introspect;

        /// Disconnects the access token's connection (`POST /disconnect`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// let done = finch.account().disconnect().await?;
        /// assert!(done.is_success());
        /// # Ok(()) }
        /// ```
        pub async fn disconnect(self) -> Result<DisconnectResponse, Error> => Disconnect;

        /// Disconnects some entities of the connection (`POST /disconnect-entity`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// use finch::account::DisconnectEntity;
        /// let done = finch.account()
        ///     .disconnect_entity(DisconnectEntity::new(["3c90c3cc-0d44-4b50-8888-8dd25736052a"]))
        ///     .await?;
        /// # Ok(()) }
        /// ```
        pub async fn disconnect_entity(self, request: DisconnectEntity) -> Result<DisconnectResponse, Error>;
    }
}
