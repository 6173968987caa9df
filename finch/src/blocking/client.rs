//! The blocking [`Finch`] client.

use super::handle::Handle;
use super::runtime::Runtime;
use crate::access_tokens::AccessTokens;
use crate::account::Account;
use crate::client::{self, FinchBuilder, resources};
use crate::connect::Connect;
use crate::hris::Hris;
use crate::jobs::Jobs;
use crate::payroll::Payroll;
use crate::providers::Providers;
use crate::request_forwarding::RequestForwarding;
use crate::sandbox::Sandbox;
use crate::webhooks::Webhooks;
use finch_core::{Client, ConfigError, Endpoint, Error, RawResponse, RequestOptions, Secret};
use std::future::Future;

/// A blocking client of the Finch API: the async [`crate::Finch`] with every call waiting for its
/// reply on the calling thread. Same accessors, request and response types, errors, retries,
/// timeouts and redaction, as it runs the async client itself.
///
/// It owns a runtime thread (shared by its clones and [`with_access_token`] clients, stopped
/// when the last is dropped); the caller needs no runtime. Calls work from any thread, inside an
/// async runtime too, where they block that runtime's thread until the reply comes (prefer the
/// async client there). Cheap to clone and `Send + Sync`.
///
/// ```
/// # let transport = finch::core::TestTransport::new();
/// # transport.push_json(200, r#"{"id":"c","legal_name":"Acme","entity":null,"primary_email":null,"primary_phone_number":null,"departments":null,"ein":null,"locations":null,"accounts":null}"#);
/// let finch = finch::blocking::Finch::builder()
///     # .transport(transport)
///     .access_token("the connection's access token")
///     .build_blocking()?;
/// let company = finch.hris().company().retrieve()?;
/// # assert_eq!(company.legal_name.as_deref(), Some("Acme"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// [`with_access_token`]: Finch::with_access_token
#[derive(Clone, Debug)]
pub struct Finch {
    client: client::Finch,
    runtime: Runtime,
}

impl FinchBuilder {
    /// Checks the configuration and builds a [blocking client](crate::blocking::Finch), with the
    /// runtime thread that drives it.
    ///
    /// Fails as [`build`](Self::build) does, and with [`ConfigError::Transport`] when the thread
    /// cannot be started.
    ///
    /// ```
    /// let finch = finch::Finch::builder().access_token("token").build_blocking()?;
    /// # Ok::<(), finch::ConfigError>(())
    /// ```
    #[cfg_attr(docsrs, doc(cfg(feature = "blocking")))]
    pub fn build_blocking(self) -> Result<Finch, ConfigError> {
        let client = self.build()?;
        let runtime = Runtime::start().map_err(|error| ConfigError::Transport {
            reason: format!("could not start the blocking client's runtime thread: {error}"),
        })?;
        Ok(Finch { client, runtime })
    }
}

impl Finch {
    /// A builder with finch's defaults; finish it with
    /// [`build_blocking`](FinchBuilder::build_blocking).
    pub fn builder() -> FinchBuilder {
        client::Finch::builder()
    }

    /// A blocking client configured from the environment (`FINCH_CLIENT_ID`,
    /// `FINCH_CLIENT_SECRET`, `FINCH_WEBHOOK_SECRET`, `FINCH_BASE_URL`).
    ///
    /// ```
    /// let finch = finch::blocking::Finch::from_env()?;
    /// # Ok::<(), finch::ConfigError>(())
    /// ```
    pub fn from_env() -> Result<Finch, ConfigError> {
        FinchBuilder::from_env()?.build_blocking()
    }

    /// A client for one connection: this client's configuration, connection pool and runtime
    /// thread with `access_token`. Cheap; make one per connection.
    pub fn with_access_token(&self, access_token: impl Into<Secret>) -> Finch {
        Finch {
            client: self.client.with_access_token(access_token),
            runtime: self.runtime.clone(),
        }
    }

    /// The runtime client, for [`block_on`](Self::block_on) with requests built by hand
    /// ([`Client::request`]).
    pub fn core(&self) -> &Client {
        self.client.core()
    }

    /// The webhook secret, if configured.
    pub fn webhook_secret(&self) -> Option<&Secret> {
        self.client.webhook_secret()
    }

    /// Verifying and parsing webhook deliveries (nothing to wait for: the same as
    /// [`crate::Finch::webhooks`]).
    pub fn webhooks(&self) -> Webhooks<'_> {
        self.client.webhooks()
    }

    /// Sends any endpoint, including ones you declared with
    /// [`finch_endpoint`](crate::finch_endpoint), and waits for the reply.
    ///
    /// ```
    /// # fn demo(finch: finch::blocking::Finch) -> Result<(), finch::Error> {
    /// let company = finch.send(&finch::hris::RetrieveCompany::new())?;
    /// # Ok(()) }
    /// ```
    pub fn send<E: Endpoint>(&self, endpoint: &E) -> Result<E::Response, Error> {
        self.runtime.block_on(self.client.send(endpoint))
    }

    /// [`send`](Self::send) with per-request overrides (timeout, retries, headers, query).
    pub fn send_with<E: Endpoint>(
        &self,
        endpoint: &E,
        options: &RequestOptions,
    ) -> Result<E::Response, Error> {
        self.runtime
            .block_on(self.client.send_with(endpoint, options))
    }

    /// Sends any endpoint and returns the reply undecoded (status, headers, body).
    pub fn send_raw<E: Endpoint>(&self, endpoint: &E) -> Result<RawResponse, Error> {
        self.runtime.block_on(self.client.send_raw(endpoint))
    }

    /// Runs one of finch's futures to completion on this client's runtime, waiting on the
    /// calling thread: for what has no blocking form, such as a request built by hand.
    ///
    /// Run only futures of this client (or of [`core`](Self::core)): their connections then
    /// belong to its runtime thread. A future tied to another runtime may wait forever. The
    /// runtime's context is there while the future is polled, not while it is made: write
    /// `block_on(async { .. })` around code that needs a runtime as it runs.
    ///
    /// ```
    /// # fn demo(finch: finch::blocking::Finch) -> Result<(), finch::Error> {
    /// let company: finch::serde_json::Value =
    ///     finch.block_on(finch.core().request(http::Method::GET, "/employer/company").send())?;
    /// # Ok(()) }
    /// ```
    pub fn block_on<F: Future>(&self, future: F) -> F::Output {
        self.runtime.block_on(future)
    }

    /// The runtime thread, for the iterators made here.
    pub(crate) fn runtime(&self) -> &Runtime {
        &self.runtime
    }

    /// The async client the blocking calls drive, for twins written beside their async forms
    /// (`read_bulk` in `bulk.rs`).
    pub(crate) fn as_async(&self) -> &client::Finch {
        &self.client
    }
}

/// The blocking client's resource accessors: the twins of [`crate::Finch`]'s.
macro_rules! blocking_resources {
    ($($(#[$attr:meta])* pub fn $name:ident(&self) -> $handle:ident;)*) => {
        impl Finch {
            $(
                $(#[$attr])*
                pub fn $name(&self) -> Handle<'_, $handle<'_>> {
                    Handle {
                        handle: self.client.$name(),
                        runtime: &self.runtime,
                    }
                }
            )*
        }
    };
}

resources!(blocking_resources);
