//! Checks finch's declarations against a reference OpenAPI document.
//!
//! ```text
//! cargo run -p finch --example conformance -- ../shared/reference/finch-openapi.json
//! ```
//!
//! Two checks, and a non-zero exit status when either fails:
//!
//! 1. the operations: the OpenAPI document rendered from the declarations
//!    (`finch::openapi::document()`) against the reference, operation by operation (missing or
//!    extra operations, methods, paths, parameters and whether they are required, request bodies,
//!    auth schemes); see `finch::openapi::check`;
//! 2. the shapes: every 200/201/207 response example of every declared operation decodes into
//!    finch's type and encodes back without losing or changing a field.
//!
//! When the reference file does not exist, both checks are skipped (and said so): the reference
//! lives beside the repository, not in it.

use finch::openapi::{ConformanceReport, check, document};
use finch::operations;
use serde_json::Value;
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: conformance <path to finch-openapi.json>");
        return ExitCode::from(2);
    };
    if !Path::new(&path).exists() {
        println!(
            "spec check skipped: {path} does not exist (the reference spec is kept beside the \
             repository, not in it; pass its path)"
        );
        return ExitCode::SUCCESS;
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
    let operations_ok = match check(&document(), &spec) {
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
    let examples_ok = check_examples(&spec);

    if operations_ok && examples_ok {
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

/// Decodes and re-encodes every 200/201/207 example of every declared operation.
fn check_examples(spec: &Value) -> bool {
    let mut failures = Vec::new();
    let mut checked = 0;
    for operation in operations() {
        let method = operation.method.as_str().to_ascii_lowercase();
        // An operation missing from the spec is reported by the operations check.
        let Some(declared) = spec["paths"][operation.path][&method].as_object() else {
            continue;
        };
        let responses = declared
            .get("responses")
            .and_then(Value::as_object)
            .into_iter()
            .flatten();
        for (status, response) in
            responses.filter(|(status, _)| matches!(status.as_str(), "200" | "201" | "207"))
        {
            let examples = response["content"]["application/json"]["examples"]
                .as_object()
                .into_iter()
                .flatten();
            for (name, example) in examples {
                checked += 1;
                let body = serde_json::to_vec(&example["value"]).unwrap_or_default();
                if let Err(error) = operation.check_roundtrip(&body) {
                    failures.push(format!(
                        "{} {} {status} example {name:?}: {error}",
                        operation.method, operation.path
                    ));
                }
            }
        }
    }
    for failure in &failures {
        println!("FAIL {failure}");
    }
    println!("{checked} examples checked, {} failure(s)", failures.len());
    failures.is_empty()
}
