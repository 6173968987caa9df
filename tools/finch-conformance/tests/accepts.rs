//! The fourth check's driver (`finch_conformance::check_stand_in`) on a small inline document:
//! what the stand-in serves passes, what it does not is a failure line. Needs nothing outside
//! the repository (the stand-in is a dependency).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use finch_conformance::check_stand_in;
use serde_json::json;

#[test]
fn served_requests_pass_and_a_refused_one_is_reported() {
    let bearer = json!([{"bearerAuth": []}]);
    // Declared as in Finch's spec: the check sends the header only where it is declared.
    let version = json!({"name": "Finch-API-Version", "in": "header", "required": true,
        "schema": {"type": "string", "format": "date"}});
    let spec = json!({
        "components": {"securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}},
        "paths": {
            "/employer/directory": {"get": {"security": bearer, "parameters": [
                version,
                {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 10000}},
                {"name": "offset", "in": "query", "schema": {"type": "integer"}},
            ]}},
            "/employer/benefits/{benefit_id}": {"get": {"security": bearer, "parameters": [
                version,
                {"name": "benefit_id", "in": "path", "required": true, "schema": {"type": "string"}},
            ]}},
            // Not a route of the stand-in (nor of Finch): a 404 for every request.
            "/employer/nowhere": {"get": {"security": bearer, "parameters": [version]}},
        },
    });
    let report = check_stand_in(&spec);
    assert_eq!(report.operations, 3);
    // Directory: minimal, full, low, high; benefit: one; nowhere: one.
    assert!(report.requests >= 6, "{report}");
    assert_eq!(report.failures.len(), 1, "{report}");
    assert!(
        report.failures[0].starts_with("GET /employer/nowhere [minimal, Bearer]")
            && report.failures[0].contains("-> 404"),
        "{report}"
    );
    assert!(!report.is_ok());
}
