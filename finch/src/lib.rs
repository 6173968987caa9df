//! finch: a Rust SDK for the [Finch](https://tryfinch.com) HRIS and payroll API.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")] async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! # // Canned replies (no network); `finch-stand-in` serves the real flow, see the quickstart.
//! # let transport = finch::core::TestTransport::new();
//! # transport
//! #     .push_json(200, r#"{"access_token":"t","token_type":"bearer","connection_id":"c","client_type":"sandbox","connection_type":"finch","products":["company"],"provider_id":"gusto","entity_ids":["e"]}"#)
//! #     .push_json(200, r#"{"id":"c","legal_name":"Acme","entity":null,"primary_email":null,"primary_phone_number":null,"departments":null,"ein":null,"locations":null,"accounts":null}"#)
//! #     .push_json(200, r#"{"paging":{"count":0,"offset":0},"individuals":[]}"#);
//! # let code = String::from("the code Finch Connect gave you");
//! use finch::{CreateAccessToken, Finch, hris::ListDirectory};
//!
//! // FINCH_CLIENT_ID and FINCH_CLIENT_SECRET from the environment.
//! let finch = Finch::from_env()?;
//! # let finch = finch::FinchBuilder::from_env()?.client_id("id").client_secret("secret").transport(transport).build()?;
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
//! For code without an async runtime (a script, a command-line tool), the `blocking` feature adds
//! `finch::blocking`: the same client, each call waiting for its reply on the calling thread, and
//! listings as `Iterator`s.
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
//!
//! Derive through `finch::serde` with `#[serde(crate = "finch::serde")]`: without it, serde's
//! derive looks for a `serde` crate of your own ("can't find crate for `serde`").
//!
//! A path parameter or a header is one value (a string, a number, a bool, one of finch's enums),
//! checked when the endpoint is compiled; a type sent as its `Display` text says `display`. A
//! request that also derives `Serialize` has its `#[serde(...)]` attributes honoured for the JSON
//! body's members (`rename`, `skip`, `skip_serializing_if`, `serialize_with`, and `rename_all` on
//! the struct), so the body is what the derive writes; any other is reported where it is written.
//! The table is in [`finch_endpoint`]'s documentation.
//!
//! ```
//! use finch::finch_endpoint;
//! use finch::hris::BenefitType;
//!
//! /// A format version, sent as `2.1`.
//! pub struct Version(pub u8, pub u8);
//!
//! impl std::fmt::Display for Version {
//!     fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
//!         write!(f, "{}.{}", self.0, self.1)
//!     }
//! }
//!
//! #[derive(Debug, finch::serde::Deserialize)]
//! #[serde(crate = "finch::serde")]
//! pub struct Plans {
//!     pub ids: Vec<String>,
//! }
//!
//! /// Plans of one benefit type.
//! #[finch_endpoint(POST "/employer/plans/{benefit_type}/search", response = Plans)]
//! #[derive(finch::serde::Serialize)]
//! #[serde(crate = "finch::serde", rename_all = "camelCase")]
//! pub struct SearchPlans {
//!     #[finch(path)]
//!     #[serde(skip)] // not a member of the body
//!     pub benefit_type: BenefitType,
//!     #[finch(header = "X-Format-Version", display)]
//!     #[serde(skip)]
//!     pub format: Version,
//!     pub plan_name: String, // sent as "planName"
//!     #[serde(skip_serializing_if = "Vec::is_empty")]
//!     pub carriers: Vec<String>,
//! }
//! ```
#![cfg_attr(docsrs, feature(doc_cfg))]
#![warn(missing_debug_implementations)]

// The READMEs' Rust blocks are doc tests (`cargo test --doc`): the workspace's and this crate's.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
mod readme_workspace {}
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
mod readme_crate {}

// Generated code names `::finch::__private_v0`, which must resolve inside this crate too.
extern crate self as finch;

mod access_tokens;
pub mod account;
#[cfg(feature = "blocking")]
#[cfg_attr(docsrs, doc(cfg(feature = "blocking")))]
pub mod blocking;
pub mod bulk;
mod client;
pub mod connect;
mod handles;
pub mod hris;
pub mod jobs;
mod listing;
mod open_enum;
#[cfg(feature = "openapi")]
#[cfg_attr(docsrs, doc(cfg(feature = "openapi")))]
pub mod openapi;
mod operation;
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
pub use operation::Operation;
pub use operations::operations;
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
// Model structs say once that their `Option` fields are optional members (`finch_macros::model`).
use finch_macros::model;
/// serde, re-exported so that a crate depending only on `finch` can derive its response types
/// (`#[derive(finch::serde::Deserialize)] #[serde(crate = "finch::serde")]`).
pub use serde;
/// serde_json, re-exported so that a crate depending only on `finch` can declare
/// `response = finch::serde_json::Value` and build JSON bodies.
pub use serde_json;

#[doc(hidden)]
pub use finch_core::__private_v0;
