//! Tests of the `#[finch_endpoint]` attribute: `tests/ui.rs` runs the compile-fail and pass cases
//! with trybuild, `tests/expand.rs` drives the generated code. This library is empty.
