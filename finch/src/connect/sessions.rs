//! `POST /connect/sessions*`: start a Finch Connect session for a customer, or one that
//! reauthenticates an existing connection.

use crate::handles::handle;
use crate::open_enum::open_enum;
use crate::setters::setters;
use crate::shared::Product;
use finch_core::Nullable;
use finch_macros::finch_endpoint;
use finch_macros::model;

/// Create a Connect session (`POST /connect/sessions`, HTTP Basic auth with the client id and
/// secret). Send the employer to the returned `connect_url`.
///
/// ```
/// use finch::{Product, connect::CreateConnectSession};
/// let request = CreateConnectSession::new("customer-42", "Acme Inc", [Product::Company, Product::Directory])
///     .redirect_uri("https://example.com/finch/callback");
/// ```
#[finch_endpoint(POST "/connect/sessions", response = ConnectSession, auth = basic)]
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct CreateConnectSession {
    /// Your unique id for the customer (1 to 255 characters).
    pub customer_id: String,
    /// The customer's name (1 to 255 characters).
    pub customer_name: String,
    /// The products to request access to.
    pub products: Vec<Product>,
    /// The customer's email address (`Some(Nullable::Null)` sends `null`; `None` leaves it out,
    /// as for the other nullable members below).
    pub customer_email: Option<Nullable<String>>,
    /// Jump straight to a provider.
    pub integration: Option<Nullable<ConnectIntegration>>,
    /// Enable manual authentication mode.
    pub manual: Option<Nullable<bool>>,
    /// Minutes until the session expires (1 to 129,600; default 129,600 = 90 days).
    pub minutes_to_expire: Option<Nullable<u32>>,
    /// Recordkeeping configuration (only with the `recordkeeping` product).
    pub recordkeeping: Option<Nullable<Recordkeeping>>,
    /// Where to send the employer when Connect is done.
    pub redirect_uri: Option<Nullable<String>>,
    /// Sandbox mode.
    pub sandbox: Option<Nullable<SandboxMode>>,
}

impl CreateConnectSession {
    /// A session for the customer `customer_id` named `customer_name`, asking for `products`.
    pub fn new(
        customer_id: impl Into<String>,
        customer_name: impl Into<String>,
        products: impl IntoIterator<Item = Product>,
    ) -> Self {
        CreateConnectSession {
            customer_id: customer_id.into(),
            customer_name: customer_name.into(),
            products: products.into_iter().collect(),
            customer_email: None,
            integration: None,
            manual: None,
            minutes_to_expire: None,
            recordkeeping: None,
            redirect_uri: None,
            sandbox: None,
        }
    }

    setters! {
        /// Sets the customer's email address.
        customer_email(email: impl Into<String>) / clear_customer_email;
        /// Sends the employer to `redirect_uri` when Connect is done.
        redirect_uri(redirect_uri: impl Into<String>) / clear_redirect_uri;
        /// Sets the sandbox mode.
        sandbox(mode: SandboxMode) / clear_sandbox;
        /// Expires the session after `minutes`.
        minutes_to_expire(minutes: u32) / clear_minutes_to_expire;
        /// Jumps straight to a provider.
        integration(integration: ConnectIntegration) / clear_integration;
        /// Enables (or disables) manual authentication mode.
        manual(manual: bool) / clear_manual;
        /// Configures recordkeeping (only with the `recordkeeping` product).
        recordkeeping(recordkeeping: Recordkeeping) / clear_recordkeeping;
    }
}

/// Create a Connect session that reauthenticates an existing connection
/// (`POST /connect/sessions/reauthenticate`, HTTP Basic auth with the client id and secret), for
/// example when its status is `reauth`. Send the employer to the returned `connect_url`.
///
/// ```
/// use finch::{Product, connect::ReauthenticateConnectSession};
/// let request = ReauthenticateConnectSession::new("bc3a2af9-ce03-46c4-9142-81abe789c64d")
///     .products([Product::Company, Product::Directory])
///     .minutes_to_expire(60)
///     .redirect_uri("https://example.com/finch/callback");
/// ```
#[finch_endpoint(POST "/connect/sessions/reauthenticate", response = ConnectSession, auth = basic)]
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ReauthenticateConnectSession {
    /// The connection to reauthenticate.
    pub connection_id: String,
    /// Minutes until the session expires (default 43,200 = 30 days).
    pub minutes_to_expire: Option<u32>,
    /// The products to request access to (the connection's when `None`; `Some(Nullable::Null)`
    /// sends `null`).
    pub products: Option<Nullable<Vec<Product>>>,
    /// Where to send the employer when Connect is done (`Some(Nullable::Null)` sends `null`);
    /// left out when `None`.
    pub redirect_uri: Option<Nullable<String>>,
}

impl ReauthenticateConnectSession {
    /// A session that reauthenticates the connection `connection_id`.
    pub fn new(connection_id: impl Into<String>) -> Self {
        ReauthenticateConnectSession {
            connection_id: connection_id.into(),
            minutes_to_expire: None,
            products: None,
            redirect_uri: None,
        }
    }

    setters! {
        /// Expires the session after `minutes`.
        minutes_to_expire(minutes: u32);
        /// Asks for `products`.
        products(products: impl IntoIterator<Item = Product>) / clear_products;
        /// Sends the employer to `redirect_uri` when Connect is done.
        redirect_uri(redirect_uri: impl Into<String>) / clear_redirect_uri;
    }
}

/// A provider to jump straight to.
#[model(Eq)]
pub struct ConnectIntegration {
    /// The provider's id (`gusto`).
    pub provider: String,
    /// The authentication method to use (`null`: the provider's default).
    pub auth_method: Option<Nullable<ConnectAuthMethod>>,
}

impl ConnectIntegration {
    /// Jump to `provider`.
    pub fn new(provider: impl Into<String>) -> Self {
        ConnectIntegration {
            provider: provider.into(),
            auth_method: None,
        }
    }

    setters! {
        /// Uses the authentication method `auth_method`.
        auth_method(auth_method: ConnectAuthMethod)
        /// Sends `null` for `auth_method`: the provider's default method.
        / clear_auth_method;
    }
}

open_enum! {
    /// How the employer authenticates with the provider.
    pub enum ConnectAuthMethod {
        /// Finch's team sets the connection up.
        Assisted = "assisted",
        /// Username and password.
        Credential = "credential",
        /// OAuth.
        Oauth = "oauth",
        /// An API token.
        ApiToken = "api_token",
    }
}

/// Recordkeeping configuration.
#[model(Eq)]
pub struct Recordkeeping {
    /// The recordkeeper.
    pub recordkeeper: Recordkeeper,
    /// The recordkeeper's plan id.
    pub plan_id: Option<Nullable<String>>,
}

impl Recordkeeping {
    /// Recordkeeping with `recordkeeper`.
    pub fn new(recordkeeper: Recordkeeper) -> Self {
        Recordkeeping {
            recordkeeper,
            plan_id: None,
        }
    }

    setters! {
        /// Sets the recordkeeper's plan id.
        plan_id(plan_id: impl Into<String>) / clear_plan_id;
    }
}

open_enum! {
    /// A recordkeeper.
    pub enum Recordkeeper {
        /// Voya.
        Voya = "voya",
        /// Empower.
        Empower = "empower",
        /// Fidelity.
        Fidelity = "fidelity",
        /// Transamerica.
        Transamerica = "transamerica",
    }
}

open_enum! {
    /// Sandbox mode for a Connect session.
    pub enum SandboxMode {
        /// Finch's own sandbox data.
        Finch = "finch",
        /// A provider's sandbox.
        Provider = "provider",
    }
}

/// A created Connect session (from `sessions().new` or `sessions().reauthenticate`).
#[model(Eq)]
pub struct ConnectSession {
    /// The session's id.
    pub session_id: String,
    /// Where to send the employer.
    pub connect_url: String,
}

handle! {
    /// `client.connect().sessions()`.
    pub struct Sessions<'a> {
        // `new` is named as in the official SDKs (`connect.sessions.new`).
        /// Creates a Connect session (`POST /connect/sessions`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// use finch::{Product, connect::CreateConnectSession};
        /// let session = finch.connect().sessions()
        ///     .new(CreateConnectSession::new("customer-42", "Acme Inc", [Product::Directory]))
        ///     .await?;
        /// println!("send the employer to {}", session.connect_url);
        /// # Ok(()) }
        /// ```
        #[allow(clippy::new_ret_no_self)]
        pub async fn new(self, request: CreateConnectSession) -> Result<ConnectSession, Error>;

        /// Creates a Connect session that reauthenticates an existing connection
        /// (`POST /connect/sessions/reauthenticate`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// use finch::connect::ReauthenticateConnectSession;
        /// let session = finch.connect().sessions()
        ///     .reauthenticate(ReauthenticateConnectSession::new("bc3a2af9-ce03-46c4-9142-81abe789c64d"))
        ///     .await?;
        /// println!("send the employer to {}", session.connect_url);
        /// # Ok(()) }
        /// ```
        pub async fn reauthenticate(self, request: ReauthenticateConnectSession) -> Result<ConnectSession, Error>;
    }
}
