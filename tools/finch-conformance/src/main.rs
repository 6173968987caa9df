//! Checks finch's declarations against a reference OpenAPI document.
//!
//! ```text
//! cargo run -p finch-conformance -- ../shared/reference/finch-openapi.json
//! ```
//!
//! Four checks, and a non-zero exit status when any fails:
//!
//! 1. the operations: the OpenAPI document rendered from the declarations
//!    (`finch::openapi::document()`) against the reference, operation by operation (missing or
//!    extra operations, methods, paths, parameters and whether they are required, request bodies,
//!    auth schemes); see `finch_conformance::check`;
//! 2. the shapes: every 200/201/207 response example of every declared operation decodes into
//!    finch's type and encodes back without losing or changing a field; see
//!    `finch_conformance::check_examples`;
//! 3. the typed list: every declared operation is in `finch_conformance::visit_endpoints`, so
//!    that the second check reaches it;
//! 4. the stand-in accepts spec-valid requests: for every operation of the reference, requests
//!    generated from its schemas (minimal, full, full with nulls, every enum value and
//!    `oneOf` branch, low and high bounds, query arrays in the spec's form and in brackets, an
//!    optional body left out, the spec's own body examples; ids bound to what the stand-in has)
//!    are each answered with a 2xx by `finch-stand-in` (an operation that cannot go on without
//!    its body's members answers that body left out with a 400 naming the first); see
//!    `finch_conformance::check_stand_in` and `finch_conformance::requests`.
//!
//! When the reference file does not exist, the checks against it are skipped (and said so): the
//! reference lives beside the repository, not in it.

use finch_conformance::{
    ConformanceReport, check, check_examples, check_stand_in, typed_list_mismatches,
};
use serde_json::Value;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: finch-conformance <path to finch-openapi.json>");
        return ExitCode::from(2);
    };

    let mismatches = typed_list_mismatches();
    for mismatch in &mismatches {
        println!("FAIL {mismatch}");
    }
    if !Path::new(&path).exists() {
        println!(
            "spec check skipped: {path} does not exist (the reference spec is kept beside the \
             repository, not in it; pass its path)"
        );
        return if mismatches.is_empty() {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        };
    }
    let spec: Value = match std::fs::read(&path).map(|bytes| serde_json::from_slice(&bytes)) {
        Ok(Ok(spec)) => spec,
        Ok(Err(error)) => {
            eprintln!("{path}: not JSON: {error}");
            return ExitCode::from(2);
        }
        Err(error) => {
            eprintln!("{path}: {error}");
            return ExitCode::from(2);
        }
    };

    println!("== operations: declared vs {path}");
    let operations_ok = match check(&finch::openapi::document(), &spec) {
        Ok(report) => {
            print_report(&report);
            report.is_conformant()
        }
        Err(error) => {
            println!("FAIL cannot compare: {error}");
            false
        }
    };

    println!("\n== response examples round-trip");
    let examples = check_examples(&spec);
    println!("{examples}");

    println!("\n== the stand-in accepts spec-valid requests");
    let accepted = check_stand_in(&spec);
    println!("{accepted}");

    if operations_ok && examples.is_ok() && accepted.is_ok() && mismatches.is_empty() {
        println!("\nconformant");
        ExitCode::SUCCESS
    } else {
        println!("\nNOT conformant");
        ExitCode::FAILURE
    }
}

fn print_report(report: &ConformanceReport) {
    println!("{report}");
}
