//! finch: a Rust SDK for the [Finch](https://tryfinch.com) HRIS and payroll API.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")] async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # let stand_in = finch::testing::StandIn::start().await?;
//! # let code = stand_in.issue_authorization_code();
//! # unsafe { std::env::set_var("FINCH_BASE_URL", stand_in.base_url()); }
//! # unsafe { std::env::set_var("FINCH_CLIENT_ID", stand_in.client_id()); }
//! # unsafe { std::env::set_var("FINCH_CLIENT_SECRET", stand_in.client_secret()); }
//! use finch::{CreateAccessToken, Finch, hris::ListDirectory};
//!
//! // FINCH_CLIENT_ID and FINCH_CLIENT_SECRET from the environment.
//! let finch = Finch::from_env()?;
//! // Exchange the code Finch Connect gave you for the connection's access token.
//! let token = finch.access_tokens().create(CreateAccessToken::new(code)).await?;
//! let connection = finch.with_access_token(token.access_token);
//!
//! let company = connection.hris().company().retrieve().await?;
//! let mut pages = connection.hris().directory().pages(ListDirectory::new().limit(100));
//! while let Some(page) = pages.next_page().await {
//!     for person in page?.individuals {
//!         println!("{:?} {:?}", person.first_name, person.last_name);
//!     }
//! }
//! # Ok(()) }
//! ```
//!
//! # Declaring your own endpoints
//!
//! New, beta or private endpoints are declared with the same attribute finch uses, and go through
//! the same client (auth, retries, timeouts, typed errors):
//!
//! ```
//! use finch::finch_endpoint;
//!
//! #[derive(Debug, finch::serde::Deserialize)]
//! #[serde(crate = "finch::serde")]
//! pub struct Introspection {
//!     pub connection_id: String,
//!     pub provider_id: String,
//! }
//!
//! /// `GET /introspect`
//! #[finch_endpoint(GET "/introspect", response = Introspection)]
//! pub struct Introspect;
//!
//! # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
//! let about = finch.send(&Introspect).await?;
//! # Ok(()) }
//! ```

// Generated code names `::finch::__private_v0`, which must resolve inside this crate too.
extern crate self as finch;

mod access_tokens;
pub mod account;
mod client;
pub mod connect;
mod handles;
pub mod hris;
pub mod jobs;
mod listing;
mod open_enum;
pub mod openapi;
mod operations;
pub mod payroll;
pub mod providers;
pub mod request_forwarding;
pub mod sandbox;
mod setters;
mod shared;
pub mod webhooks;

pub use access_tokens::{
    AccessTokens, ClientType, ConnectionType, CreateAccessToken, CreateAccessTokenResponse,
};
pub use client::{Finch, FinchBuilder, USER_AGENT};
pub use operations::{Operation, operations};
pub use shared::{
    BatchBody, BatchError, CommaSeparated, Date, IndividualRef, Location, Money, Paging, Product,
};

/// The runtime: the transport seam, the endpoint trait, the generic client, test transport.
pub use finch_core as core;
pub use finch_core::{
    Accepted, ApiError, ApiErrorKind, AuthScheme, ConfigError, DecodeError, Endpoint, Error,
    Nullable, PagingError, RawResponse, RedirectError, RedirectErrorKind, RequestError,
    RequestOptions, RetryPolicy, Secret, TimeoutError, TransportError,
};
/// Declares an endpoint; see the crate documentation and `finch_macros`.
pub use finch_macros::finch_endpoint;
/// serde, re-exported so that a crate depending only on `finch` can derive its response types
/// (`#[derive(finch::serde::Deserialize)] #[serde(crate = "finch::serde")]`).
pub use serde;
/// serde_json, re-exported so that a crate depending only on `finch` can declare
/// `response = finch::serde_json::Value` and build JSON bodies.
pub use serde_json;

#[doc(hidden)]
pub use finch_core::__private_v0;
#[cfg(feature = "testing")]
pub mod testing;
