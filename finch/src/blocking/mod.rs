//! A blocking client (feature `blocking`): the same accessors, types, retries, timeouts, errors
//! and redaction as the async [`crate::Finch`], for scripts, command-line tools and synchronous
//! services, as Finch's official Python and Java SDKs offer a synchronous client.
//!
//! - [`Finch`] is made by the same builder ([`FinchBuilder::build_blocking`]) or from the
//!   environment ([`Finch::from_env`]); its accessors are the async client's
//!   (`finch.hris().directory().list(..)`), returning the result instead of a future.
//! - Listings' `pages` and `list_all` are [`Iterator`]s ([`Pages`], [`Items`]) over the same walk,
//!   with the same rules: a page other than the one asked for ends it with
//!   [`Error::Paging`](crate::Error::Paging), and an error is yielded once and ends it.
//! - Every call runs the async client on a tokio runtime thread that the client owns: nothing for
//!   the caller to set up, and the retries, timeouts and errors are the async client's own.
//!   A call made inside an async runtime works too (it blocks that runtime's thread until the
//!   reply comes; prefer the async client there); it never panics.
//! - Webhook verification needs nothing async: [`Finch::webhooks`] is the async client's.
//!
//! Without the feature, nothing of this is compiled and tokio's runtime is not a dependency.
//!
//! ```
//! # let transport = finch::core::TestTransport::new();
//! # transport
//! #     .push_json(200, r#"{"access_token":"t","token_type":"bearer","connection_id":"c","client_type":"sandbox","connection_type":"finch","products":["company"],"provider_id":"gusto","entity_ids":["e"]}"#)
//! #     .push_json(200, r#"{"id":"c","legal_name":"Acme","entity":null,"primary_email":null,"primary_phone_number":null,"departments":null,"ein":null,"locations":null,"accounts":null}"#)
//! #     .push_json(200, r#"{"paging":{"count":1,"offset":0},"individuals":[{"id":"i1","first_name":"Ada","middle_name":null,"last_name":"Lovelace","manager":null,"department":null,"is_active":true}]}"#);
//! # let code = String::from("the code Finch Connect gave you");
//! use finch::{CreateAccessToken, hris::ListDirectory};
//!
//! // FINCH_CLIENT_ID and FINCH_CLIENT_SECRET from the environment; no runtime to start.
//! let finch = finch::blocking::Finch::from_env()?;
//! # let finch = finch::FinchBuilder::from_env()?.client_id("id").client_secret("secret").transport(transport).build_blocking()?;
//! let token = finch.access_tokens().create(CreateAccessToken::new(code))?;
//! let connection = finch.with_access_token(token.access_token);
//!
//! let company = connection.hris().company().retrieve()?;
//! for person in connection.hris().directory().list_all(ListDirectory::new().limit(100)) {
//!     let person = person?;
//!     println!("{} {:?}", person.id, person.last_name);
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! [`FinchBuilder::build_blocking`]: crate::FinchBuilder::build_blocking

mod client;
mod handle;
mod paging;
pub(crate) mod runtime;
#[cfg(test)]
mod tests;

pub use client::Finch;
pub use handle::Handle;
pub use paging::{Items, Pages};
