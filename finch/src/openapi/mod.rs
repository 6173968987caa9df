//! The declarations describe themselves: an OpenAPI 3.1 document rendered from
//! [`operations`](crate::operations) alone, and a conformance check of such a document against a
//! reference (Finch's published spec).
//!
//! ```
//! # fn demo(reference: serde_json::Value) -> Result<(), finch::openapi::SpecError> {
//! let ours = finch::openapi::document();
//! let report = finch::openapi::check(&ours, &reference)?;
//! if !report.is_conformant() {
//!     println!("{report}");
//! }
//! # Ok(()) }
//! ```
//!
//! `cargo run -p finch --example openapi` prints the document; `cargo run -p finch --example
//! conformance -- finch-openapi.json` runs the check against the reference and round-trips its
//! response examples.

mod conformance;
mod render;

pub use conformance::{Auth, ConformanceReport, Difference, SKIPPED_HEADERS, SpecError, check};
pub use render::{document, render};
