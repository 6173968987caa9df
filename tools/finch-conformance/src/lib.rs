//! Maintainer tooling: finch's declarations and types against Finch's published OpenAPI spec.
//! Not part of the SDK (`publish = false`); the binary `finch-conformance <spec.json>` runs it.
//!
//! - [`check`]: the OpenAPI document rendered from the declarations (`finch::openapi::document`)
//!   against a reference, operation by operation: operations missing or extra, methods, paths,
//!   parameters and whether they are required, request bodies, auth schemes.
//! - [`check_examples`]: every 200/201/207 response example of the reference decodes into
//!   finch's type for the operation and encodes back without losing or changing a field.
//! - [`check_stand_in`]: the stand-in (`finch-stand-in`) answers every request generated from
//!   the reference's schemas ([`requests`]: minimal, full, nulls, every enum value, bounds, an
//!   optional body left out) with a 2xx.
//! - [`typed_operations`] / [`visit_endpoints`]: every declared endpoint with its types, for the
//!   checks above, the property tests (`tests/tests/properties.rs`) and the fuzz targets.
//!
//! ```
//! # fn demo(reference: serde_json::Value) -> Result<(), finch_conformance::SpecError> {
//! let ours = finch::openapi::document();
//! let report = finch_conformance::check(&ours, &reference)?;
//! if !report.is_conformant() {
//!     println!("{report}");
//! }
//! # Ok(()) }
//! ```

#![warn(missing_debug_implementations)]

mod accepts;
mod diff;
mod endpoints;
mod examples;
mod report;
pub mod requests;
mod roundtrip;

pub use accepts::{AcceptsReport, CANNOT_GO_ON_WITHOUT, check_stand_in};
pub use diff::{Auth, ConformanceReport, Difference, SKIPPED_HEADERS, SpecError, check};
pub use endpoints::{
    EndpointVisitor, TypedOperation, typed_list_mismatches, typed_operations, visit_endpoints,
};
pub use examples::{ExamplesReport, check_examples};
pub use roundtrip::{decoded_roundtrip, lossless, roundtrip, value_roundtrip};
