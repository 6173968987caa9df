//! Checks finch's declarations against a reference OpenAPI document.
//!
//! ```text
//! cargo run -p finch --example conformance -- ../shared/reference/finch-openapi.json
//! ```
//!
//! For now it checks that every response example of every operation finch declares decodes into
//! finch's type and encodes back without losing a field.

use finch::operations;
use serde_json::Value;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: conformance <path to finch-openapi.json>");
        return ExitCode::from(2);
    };
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
    let mut failures = Vec::new();
    let mut checked = 0;
    for operation in operations() {
        let method = operation.method.as_str().to_ascii_lowercase();
        let Some(declared) = spec["paths"][operation.path][&method].as_object() else {
            failures.push(format!(
                "{} {}: not in the spec",
                operation.method, operation.path
            ));
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
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
