//! The reference's response examples against finch's types.

use crate::endpoints::typed_operations;
use crate::report::write_failures;
use serde_json::Value;
use std::fmt;

/// What [`check_examples`] found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ExamplesReport {
    /// How many examples were decoded.
    pub checked: usize,
    /// One line per example that failed: operation, status, example name and why.
    pub failures: Vec<String>,
}

impl ExamplesReport {
    /// Whether every example survived.
    pub fn is_ok(&self) -> bool {
        self.failures.is_empty()
    }
}

impl fmt::Display for ExamplesReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_failures(f, &self.failures)?;
        write!(
            f,
            "{} examples checked, {} failure(s)",
            self.checked,
            self.failures.len()
        )
    }
}

/// Decodes and re-encodes every 200/201/207 `application/json` example of every declared
/// operation of `spec` (see [`roundtrip`](crate::roundtrip)). An operation missing from the spec
/// is skipped here; [`check`](crate::check) reports it.
///
/// ```
/// let spec = serde_json::json!({"paths": {"/employer/company": {"get": {"responses": {"200": {
///     "content": {"application/json": {"examples": {"odd": {"value": {"id": "c", "surprise": 1}}}}}
/// }}}}}});
/// let report = finch_conformance::check_examples(&spec);
/// assert_eq!(report.checked, 1);
/// assert!(!report.is_ok(), "{report}");
/// ```
pub fn check_examples(spec: &Value) -> ExamplesReport {
    let mut report = ExamplesReport::default();
    for operation in typed_operations() {
        let method = operation.method.as_str().to_ascii_lowercase();
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
                report.checked += 1;
                let body = serde_json::to_vec(&example["value"]).unwrap_or_default();
                if let Err(error) = operation.check_roundtrip(&body) {
                    report.failures.push(format!(
                        "{} {} {status} example {name:?}: {error}",
                        operation.method, operation.path
                    ));
                }
            }
        }
    }
    report
}
