//! The Finch client: configuration, the environment, and the resource accessors.

use crate::access_tokens::AccessTokens;
use crate::account::Account;
use crate::connect::Connect;
use crate::hris::Hris;
use crate::jobs::Jobs;
use crate::payroll::Payroll;
use crate::providers::Providers;
use crate::request_forwarding::RequestForwarding;
use crate::sandbox::Sandbox;
use finch_core::{
    AsyncSleep, Client, ClientBuilder, Clock, ConfigError, Endpoint, Error, RawResponse,
    RequestOptions, RetryPolicy, Secret, Transport,
};
use std::time::Duration;

/// The `User-Agent` finch sends.
pub const USER_AGENT: &str = concat!("finch/", env!("CARGO_PKG_VERSION"), " (Rust)");

/// A client of the Finch API.
///
/// Cheap to clone and `Send + Sync`: build one and share it; use [`with_access_token`] for each
/// connection (they share the connection pool).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() -> Result<(), Box<dyn std::error::Error>> {
/// # let transport = finch::core::TestTransport::new();
/// # transport.push_json(200, r#"{"id":"c","legal_name":"Acme","entity":null,"primary_email":null,"primary_phone_number":null,"departments":null,"ein":null,"locations":null,"accounts":null}"#);
/// # let token = String::from("the connection's access token");
/// let finch = finch::Finch::builder()
///     # .transport(transport)
///     .access_token(token)
///     .build()?;
/// let company = finch.hris().company().retrieve().await?;
/// # Ok(()) }
/// ```
///
/// [`with_access_token`]: Finch::with_access_token
#[derive(Clone, Debug)]
pub struct Finch {
    client: Client,
    webhook_secret: Option<Secret>,
}

/// Configures a [`Finch`] client.
///
/// ```
/// use std::time::Duration;
/// let finch = finch::Finch::builder()
///     .client_id("4ab15e51-11ad-49f4-acae-f343b7794375")
///     .client_secret("my-client-secret")
///     .timeout(Duration::from_secs(20))
///     .max_retries(3)
///     .build()?;
/// # Ok::<(), finch::ConfigError>(())
/// ```
#[derive(Debug)]
pub struct FinchBuilder {
    inner: ClientBuilder,
    webhook_secret: Option<Secret>,
}

impl Default for FinchBuilder {
    fn default() -> Self {
        FinchBuilder {
            inner: Client::builder().user_agent(USER_AGENT),
            webhook_secret: None,
        }
    }
}

/// Builder methods that hand their arguments to the core builder's method of the same name:
/// `name(param: Type);` writes `pub fn name(mut self, param: Type) -> Self`.
macro_rules! forward {
    ($($(#[$doc:meta])* $name:ident($($param:ident: $ty:ty),*);)*) => {$(
        $(#[$doc])*
        pub fn $name(mut self, $($param: $ty),*) -> Self {
            self.inner = self.inner.$name($($param),*);
            self
        }
    )*};
}

impl FinchBuilder {
    /// Reads `FINCH_CLIENT_ID`, `FINCH_CLIENT_SECRET`, `FINCH_WEBHOOK_SECRET` and `FINCH_BASE_URL`;
    /// unset or empty variables are skipped. Settings made afterwards override them.
    pub fn from_env() -> Result<Self, ConfigError> {
        let mut builder = FinchBuilder::default();
        if let Some(client_id) = env_var("FINCH_CLIENT_ID")? {
            builder = builder.client_id(client_id);
        }
        if let Some(client_secret) = env_var("FINCH_CLIENT_SECRET")? {
            builder = builder.client_secret(client_secret);
        }
        if let Some(webhook_secret) = env_var("FINCH_WEBHOOK_SECRET")? {
            builder = builder.webhook_secret(webhook_secret);
        }
        if let Some(base_url) = env_var("FINCH_BASE_URL")? {
            builder = builder.base_url(base_url);
        }
        Ok(builder)
    }

    forward! {
        /// The API's address (default `https://api.tryfinch.com`). `http://` is accepted only for
        /// loopback hosts unless [`allow_insecure_http`](Self::allow_insecure_http) is set.
        base_url(base_url: impl Into<String>);
        /// Accepts `http://` base URLs on any host. Credentials then travel unencrypted.
        allow_insecure_http(allow: bool);
        /// Your application's client id.
        client_id(client_id: impl Into<String>);
        /// Your application's client secret.
        client_secret(client_secret: impl Into<Secret>);
        /// A connection's access token.
        access_token(access_token: impl Into<Secret>);
        /// The time limit of each attempt (default 60 s).
        timeout(timeout: Duration);
        /// A limit on the whole call, retries and waits included (default: none; each attempt is
        /// still limited by [`timeout`](Self::timeout)).
        deadline(deadline: Duration);
        /// How many times a failed attempt is retried (default 2).
        max_retries(max_retries: u32);
        /// The whole retry policy.
        retry_policy(policy: RetryPolicy);
        /// A header sent on every request.
        default_header(name: impl Into<String>, value: impl Into<String>);
        /// The `Finch-API-Version` header (default `2020-09-17`).
        api_version(version: impl Into<String>);
        /// The HTTP stack (default: reqwest with rustls).
        transport(transport: impl Transport);
        /// How the client waits (default: tokio's timer).
        sleep(sleep: impl AsyncSleep);
        /// What the client thinks the time is (default: the system clock).
        clock(clock: impl Clock);
    }

    /// The secret that signs your webhooks (base64, as the Finch dashboard shows it).
    pub fn webhook_secret(mut self, webhook_secret: impl Into<Secret>) -> Self {
        self.webhook_secret = Some(webhook_secret.into());
        self
    }

    /// Checks the configuration and builds the client.
    pub fn build(self) -> Result<Finch, ConfigError> {
        Ok(Finch {
            client: self.inner.build()?,
            webhook_secret: self.webhook_secret,
        })
    }
}

/// An environment variable: `None` when unset or empty, an error when not UTF-8 (its value is
/// not shown: it may be a secret).
fn env_var(name: &'static str) -> Result<Option<String>, ConfigError> {
    match std::env::var(name) {
        Ok(value) if value.trim().is_empty() => Ok(None),
        Ok(value) => Ok(Some(value.trim().to_owned())),
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => Err(ConfigError::InvalidEnv {
            var: name,
            reason: "the value is not valid UTF-8".to_owned(),
        }),
    }
}

impl Finch {
    /// A builder with finch's defaults.
    pub fn builder() -> FinchBuilder {
        FinchBuilder::default()
    }

    /// A client configured from the environment (`FINCH_CLIENT_ID`, `FINCH_CLIENT_SECRET`,
    /// `FINCH_WEBHOOK_SECRET`, `FINCH_BASE_URL`).
    ///
    /// ```
    /// let finch = finch::Finch::from_env()?;
    /// # Ok::<(), finch::ConfigError>(())
    /// ```
    pub fn from_env() -> Result<Finch, ConfigError> {
        FinchBuilder::from_env()?.build()
    }

    /// A client for one connection: this client's configuration and connection pool with
    /// `access_token`. Cheap; make one per connection.
    pub fn with_access_token(&self, access_token: impl Into<Secret>) -> Finch {
        Finch {
            client: self.client.with_access_token(access_token),
            webhook_secret: self.webhook_secret.clone(),
        }
    }

    /// The runtime client, for sending endpoints declared elsewhere.
    pub fn core(&self) -> &Client {
        &self.client
    }

    /// The webhook secret, if configured.
    pub fn webhook_secret(&self) -> Option<&Secret> {
        self.webhook_secret.as_ref()
    }

    /// Sends any endpoint, including ones you declared with [`finch_endpoint`](crate::finch_endpoint).
    ///
    /// ```
    /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
    /// let company = finch.send(&finch::hris::RetrieveCompany::new()).await?;
    /// # Ok(()) }
    /// ```
    pub async fn send<E: Endpoint>(&self, endpoint: &E) -> Result<E::Response, Error> {
        self.client.send(endpoint).await
    }

    /// [`send`](Self::send) with per-request overrides (timeout, retries, headers, query).
    pub async fn send_with<E: Endpoint>(
        &self,
        endpoint: &E,
        options: &RequestOptions,
    ) -> Result<E::Response, Error> {
        self.client.send_with(endpoint, options).await
    }

    /// Sends any endpoint and returns the reply undecoded (status, headers, body).
    pub async fn send_raw<E: Endpoint>(&self, endpoint: &E) -> Result<RawResponse, Error> {
        self.client.send_raw(endpoint).await
    }
}

/// The client's resource accessors, declared once: `resources!(write)` calls `write!` with their
/// docs and signatures, for [`Finch`] here and (feature `blocking`) for the blocking client, so
/// that neither can miss one.
macro_rules! resources {
    ($write:ident) => {
        $write! {
        /// `POST /auth/token`.
            pub fn access_tokens(&self) -> AccessTokens;

        /// `/introspect`, `/disconnect`, `/disconnect-entity`.
            pub fn account(&self) -> Account;

        /// `/employer/*`: company, directory, individuals, employments, payments, pay
        /// statements, documents, benefits, plans.
            pub fn hris(&self) -> Hris;

        /// `/jobs/*`: automated and manual jobs.
            pub fn jobs(&self) -> Jobs;

        /// Pay groups and ledger items.
            pub fn payroll(&self) -> Payroll;

        /// `GET /providers`.
            pub fn providers(&self) -> Providers;

        /// `POST /forward`.
            pub fn request_forwarding(&self) -> RequestForwarding;

        /// `/sandbox/*`.
            pub fn sandbox(&self) -> Sandbox;

        /// `/connect/*`.
            pub fn connect(&self) -> Connect;
        }
    };
}

// The blocking client writes its accessors from the same list.
#[cfg(feature = "blocking")]
pub(crate) use resources;

/// [`Finch`]'s resource accessors: each returns its handle on this client.
macro_rules! async_resources {
    ($($(#[$attr:meta])* pub fn $name:ident(&self) -> $handle:ident;)*) => {
        impl Finch {
            $(
                $(#[$attr])*
                pub fn $name(&self) -> $handle<'_> {
                    $handle { client: self }
                }
            )*
        }
    };
}

resources!(async_resources);
