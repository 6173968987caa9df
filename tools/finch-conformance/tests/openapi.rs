//! The declarations describe themselves: the rendered OpenAPI document, and the conformance check
//! catching each kind of difference on small synthetic documents (nothing outside the repository).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use finch::openapi::{document, render};
use finch::{AuthScheme, operations};
use finch_conformance::{Auth, ConformanceReport, Difference, SpecError, check};
use serde_json::{Value, json};

/// The client-level headers as Finch's spec declares them on every operation.
fn components() -> Value {
    json!({
        "parameters": {
            "API-Version": {"name": "Finch-API-Version", "in": "header", "required": true, "schema": {"type": "string"}},
            "Content-Type": {"name": "Content-Type", "in": "header", "required": true, "schema": {"type": "string"}},
            "EntityIds": {"name": "entity_ids", "in": "query", "required": false, "schema": {"type": "array"}},
        },
        "requestBodies": {
            "Unenroll": {"content": {"application/json": {"schema": {"type": "object"}}}},
        },
        "securitySchemes": {
            "bearerAuth": {"type": "http", "scheme": "bearer"},
            "basicAuth": {"type": "http", "scheme": "basic"},
        },
    })
}

/// A small reference in the style of Finch's spec: `$ref` parameters, path-level parameters,
/// client headers on every operation, a `$ref` request body.
fn reference() -> Value {
    json!({
        "openapi": "3.1.0",
        "paths": {
            "/employer/benefits/{benefit_id}/individuals": {
                "parameters": [{"name": "benefit_id", "in": "path", "required": true, "schema": {"type": "string"}}],
                "delete": {
                    "parameters": [
                        {"$ref": "#/components/parameters/API-Version"},
                        {"$ref": "#/components/parameters/Content-Type"},
                        {"$ref": "#/components/parameters/EntityIds"},
                    ],
                    "requestBody": {"$ref": "#/components/requestBodies/Unenroll"},
                    "security": [{"bearerAuth": []}],
                },
            },
            "/employer/directory": {
                "get": {
                    "parameters": [
                        {"$ref": "#/components/parameters/API-Version"},
                        {"$ref": "#/components/parameters/EntityIds"},
                        {"name": "limit", "in": "query", "schema": {"type": "integer"}},
                        {"name": "offset", "in": "query", "required": false, "schema": {"type": "integer"}},
                    ],
                    "security": [{"bearerAuth": []}],
                },
            },
            "/auth/token": {
                "post": {
                    "parameters": [{"$ref": "#/components/parameters/API-Version"}],
                    "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}},
                    "security": [],
                },
            },
            "/connect/sessions": {
                "post": {
                    "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}},
                    "security": [{"basicAuth": []}],
                },
            },
            "/providers": {
                "get": {"security": [{}, {"bearerAuth": []}]},
            },
        },
        "components": components(),
    })
}

/// "Ours" for the same operations, as the renderer writes it.
fn ours() -> Value {
    json!({
        "openapi": "3.1.0",
        "paths": {
            "/employer/benefits/{benefit_id}/individuals": {
                "delete": {
                    "parameters": [
                        {"name": "benefit_id", "in": "path", "required": true},
                        {"name": "entity_ids", "in": "query", "required": false},
                    ],
                    "requestBody": {"content": {"application/json": {"schema": {}}}},
                    "security": [{"bearerAuth": []}],
                },
            },
            "/employer/directory": {
                "get": {
                    "parameters": [
                        {"name": "limit", "in": "query", "required": false},
                        {"name": "offset", "in": "query", "required": false},
                        {"name": "entity_ids", "in": "query", "required": false},
                    ],
                    "security": [{"bearerAuth": []}],
                },
            },
            "/auth/token": {
                "post": {"requestBody": {"content": {"application/json": {}}}, "security": []},
            },
            "/connect/sessions": {
                "post": {"requestBody": {"content": {"application/json": {}}}, "security": [{"basicAuth": []}]},
            },
            "/providers": {
                "get": {"security": [{}, {"bearerAuth": []}]},
            },
        },
        "components": components(),
    })
}

fn differences(ours: &Value, reference: &Value) -> Vec<Difference> {
    check(ours, reference).unwrap().differences
}

/// Applies `edit` to a copy of `document`.
fn edited(document: Value, edit: impl FnOnce(&mut Value)) -> Value {
    let mut document = document;
    edit(&mut document);
    document
}

#[test]
fn equal_documents_conform() {
    let report = check(&ours(), &reference()).unwrap();
    assert_eq!(report.differences, [], "{report}");
    assert!(report.is_conformant());
    assert_eq!((report.ours, report.reference, report.compared), (5, 5, 5));
    assert!(report.to_string().contains("0 difference(s)"), "{report}");
}

#[test]
fn the_client_headers_are_skipped_but_other_headers_are_not() {
    // The reference declares Finch-API-Version and Content-Type on its operations; ours does not:
    // no difference (see `equal_documents_conform`). Skipping is case-insensitive, on both sides.
    let ours = edited(ours(), |ours| {
        ours["paths"]["/providers"]["get"]["parameters"] =
            json!([{"name": "finch-api-version", "in": "header", "required": true}]);
    });
    assert_eq!(differences(&ours, &reference()), []);

    let reference = edited(reference(), |reference| {
        reference["paths"]["/providers"]["get"]["parameters"] =
            json!([{"name": "Idempotency-Key", "in": "header", "required": false}]);
    });
    assert_eq!(
        differences(&ours, &reference),
        [Difference::MissingParameter {
            operation: "GET /providers".into(),
            name: "idempotency-key".into(),
            location: "header".into(),
        }]
    );
}

#[test]
fn missing_and_extra_operations() {
    let reference = edited(reference(), |reference| {
        reference["paths"]["/introspect"] = json!({"get": {"security": [{"bearerAuth": []}]}});
    });
    let ours = edited(ours(), |ours| {
        ours["paths"]["/my/beta"] = json!({"post": {"security": [{"bearerAuth": []}]}});
    });
    let report = check(&ours, &reference).unwrap();
    assert_eq!(
        report.differences,
        [
            Difference::MissingOperation {
                operation: "GET /introspect".into()
            },
            Difference::ExtraOperation {
                operation: "POST /my/beta".into()
            },
        ],
        "{report}"
    );
    assert!(!report.is_conformant());
    assert_eq!((report.ours, report.reference, report.compared), (6, 6, 5));
    let text = report.to_string();
    assert!(
        text.contains("FAIL GET /introspect: missing (in the reference, not declared)"),
        "{text}"
    );
    assert!(
        text.contains("1 extra operation, 1 missing operation"),
        "{text}"
    );
}

#[test]
fn a_wrong_method() {
    let ours = edited(ours(), |ours| {
        let get = ours["paths"]["/employer/directory"]
            .as_object_mut()
            .unwrap()
            .remove("get")
            .unwrap();
        ours["paths"]["/employer/directory"]["post"] = get;
    });
    assert_eq!(
        differences(&ours, &reference()),
        [Difference::WrongMethod {
            operation: "GET /employer/directory".into(),
            ours: "POST".into()
        }]
    );
}

#[test]
fn a_wrong_path() {
    // A typo.
    let ours = edited(ours(), |ours| {
        let item = ours["paths"]
            .as_object_mut()
            .unwrap()
            .remove("/employer/directory")
            .unwrap();
        ours["paths"]["/employer/directories"] = item;
    });
    assert_eq!(
        differences(&ours, &reference()),
        [Difference::WrongPath {
            operation: "GET /employer/directory".into(),
            ours: "/employer/directories".into()
        }]
    );

    // Another name for the path parameter: the path and the parameter differ.
    let ours = ours_with_benefit_param("id");
    let found = differences(&ours, &reference());
    assert_eq!(
        found,
        [
            Difference::WrongPath {
                operation: "DELETE /employer/benefits/{benefit_id}/individuals".into(),
                ours: "/employer/benefits/{id}/individuals".into()
            },
            Difference::MissingParameter {
                operation: "DELETE /employer/benefits/{benefit_id}/individuals".into(),
                name: "benefit_id".into(),
                location: "path".into()
            },
            Difference::ExtraParameter {
                operation: "DELETE /employer/benefits/{benefit_id}/individuals".into(),
                name: "id".into(),
                location: "path".into()
            },
        ]
    );

    // A path far from every other is missing + extra, not a wrong path.
    let ours = edited(self::ours(), |ours| {
        let item = ours["paths"]
            .as_object_mut()
            .unwrap()
            .remove("/employer/directory")
            .unwrap();
        ours["paths"]["/people"] = item;
    });
    assert_eq!(
        differences(&ours, &reference()),
        [
            Difference::MissingOperation {
                operation: "GET /employer/directory".into()
            },
            Difference::ExtraOperation {
                operation: "GET /people".into()
            },
        ]
    );
}

fn ours_with_benefit_param(name: &str) -> Value {
    edited(ours(), |ours| {
        let mut item = ours["paths"]
            .as_object_mut()
            .unwrap()
            .remove("/employer/benefits/{benefit_id}/individuals")
            .unwrap();
        item["delete"]["parameters"][0]["name"] = json!(name);
        ours["paths"][format!("/employer/benefits/{{{name}}}/individuals")] = item;
    })
}

#[test]
fn parameters_missing_extra_misplaced_or_wrongly_required() {
    let directory = "GET /employer/directory";
    let ours = edited(ours(), |ours| {
        let parameters = &mut ours["paths"]["/employer/directory"]["get"]["parameters"];
        // `limit` dropped, `offset` required, `entity_ids` a header, `cursor` added.
        *parameters = json!([
            {"name": "offset", "in": "query", "required": true},
            {"name": "entity_ids", "in": "header", "required": false},
            {"name": "cursor", "in": "query", "required": false},
        ]);
    });
    let found = differences(&ours, &reference());
    assert_eq!(
        found,
        [
            Difference::MissingParameter {
                operation: directory.into(),
                name: "limit".into(),
                location: "query".into()
            },
            Difference::ExtraParameter {
                operation: directory.into(),
                name: "cursor".into(),
                location: "query".into()
            },
            Difference::WrongLocation {
                operation: directory.into(),
                name: "entity_ids".into(),
                ours: "header".into(),
                reference: "query".into()
            },
            Difference::WrongRequired {
                operation: directory.into(),
                name: "offset".into(),
                location: "query".into(),
                ours: true
            },
        ]
    );
    let text: Vec<String> = found.iter().map(ToString::to_string).collect();
    assert_eq!(
        text[3],
        "GET /employer/directory: query parameter `offset` is required, the reference says optional"
    );
}

#[test]
fn path_level_parameters_and_refs_are_resolved() {
    // The reference's `benefit_id` is path-level, its `entity_ids` a `$ref`: no difference (see
    // `equal_documents_conform`). An operation's own parameter overrides the path's.
    let reference = edited(reference(), |reference| {
        reference["paths"]["/employer/directory"]["parameters"] =
            json!([{"name": "limit", "in": "query", "required": true}]);
    });
    assert_eq!(
        differences(&ours(), &reference),
        [],
        "the operation's optional `limit` wins"
    );
    let reference = edited(reference, |reference| {
        reference["paths"]["/employer/directory"]["get"]["parameters"]
            .as_array_mut()
            .unwrap()
            .retain(|parameter| parameter["name"] != "limit");
    });
    assert_eq!(
        differences(&ours(), &reference),
        [Difference::WrongRequired {
            operation: "GET /employer/directory".into(),
            name: "limit".into(),
            location: "query".into(),
            ours: false
        }]
    );
    // A path parameter is required whatever it says.
    let reference = edited(self::reference(), |reference| {
        reference["paths"]["/employer/benefits/{benefit_id}/individuals"]["parameters"][0]["required"] =
            json!(false);
    });
    assert_eq!(differences(&ours(), &reference), []);
}

#[test]
fn a_request_body_on_one_side_only() {
    let ours_without = edited(ours(), |ours| {
        ours["paths"]["/auth/token"]["post"]
            .as_object_mut()
            .unwrap()
            .remove("requestBody");
    });
    assert_eq!(
        differences(&ours_without, &reference()),
        [Difference::WrongBody {
            operation: "POST /auth/token".into(),
            ours: false
        }]
    );
    let ours_with = edited(ours(), |ours| {
        ours["paths"]["/providers"]["get"]["requestBody"] = json!({"content": {}});
    });
    let found = differences(&ours_with, &reference());
    assert_eq!(
        found,
        [Difference::WrongBody {
            operation: "GET /providers".into(),
            ours: true
        }]
    );
    assert_eq!(
        found[0].to_string(),
        "GET /providers: declared with a request body, the reference has none"
    );
}

#[test]
fn auth_schemes() {
    let with_security = |security: Value| {
        edited(ours(), |ours| {
            ours["paths"]["/providers"]["get"]["security"] = security;
        })
    };
    let auth_of = |security: Value| {
        let found = differences(&with_security(security), &reference());
        match &found[..] {
            [] => Auth::Scheme(AuthScheme::OptionalBearer),
            [
                Difference::WrongAuth {
                    ours, reference, ..
                },
            ] => {
                assert_eq!(*reference, Auth::Scheme(AuthScheme::OptionalBearer));
                ours.clone()
            }
            other => panic!("{other:?}"),
        }
    };
    assert_eq!(auth_of(json!([])), Auth::Scheme(AuthScheme::None));
    assert_eq!(auth_of(json!([{}])), Auth::Scheme(AuthScheme::None));
    assert_eq!(
        auth_of(json!([{"bearerAuth": []}])),
        Auth::Scheme(AuthScheme::Bearer)
    );
    assert_eq!(
        auth_of(json!([{"basicAuth": []}])),
        Auth::Scheme(AuthScheme::Basic)
    );
    assert_eq!(
        auth_of(json!([{"bearerAuth": []}, {}])),
        Auth::Scheme(AuthScheme::OptionalBearer)
    );
    assert_eq!(
        auth_of(json!([{"basicAuth": []}, {"bearerAuth": []}])),
        Auth::Other("basic or bearer".into())
    );
    assert_eq!(
        auth_of(json!([{"apiKey": []}])),
        Auth::Other("apiKey".into())
    );

    // Schemes are recognised by what they are, not by their names.
    let renamed = edited(with_security(json!([{}, {"token": []}])), |ours| {
        ours["components"]["securitySchemes"]["token"] =
            json!({"type": "http", "scheme": "Bearer"});
    });
    assert_eq!(differences(&renamed, &reference()), []);

    // No `security` on the operation: the document's applies.
    let inherited = edited(ours(), |ours| {
        ours["paths"]["/providers"]["get"]
            .as_object_mut()
            .unwrap()
            .remove("security");
        ours["security"] = json!([{}, {"bearerAuth": []}]);
        for path in [
            "/employer/directory",
            "/employer/benefits/{benefit_id}/individuals",
        ] {
            for item in ours["paths"][path].as_object_mut().unwrap().values_mut() {
                item["security"] = json!([{"bearerAuth": []}]);
            }
        }
    });
    assert_eq!(differences(&inherited, &reference()), []);

    let found = differences(&with_security(json!([{"basicAuth": []}])), &reference());
    assert_eq!(
        found[0].to_string(),
        "GET /providers: auth is basic, the reference says optional bearer"
    );
}

#[test]
fn documents_the_check_cannot_read() {
    assert_eq!(
        check(&ours(), &json!({"openapi": "3.1.0"})).unwrap_err(),
        SpecError::NoPaths {
            document: "reference"
        }
    );
    let dangling = edited(reference(), |reference| {
        reference["paths"]["/providers"]["get"]["parameters"] =
            json!([{"$ref": "#/components/parameters/Nope"}]);
    });
    let error = check(&ours(), &dangling).unwrap_err();
    assert_eq!(
        error,
        SpecError::UnresolvedRef {
            document: "reference",
            reference: "#/components/parameters/Nope".into()
        }
    );
    let circular = edited(reference(), |reference| {
        reference["components"]["parameters"]["Loop"] =
            json!({"$ref": "#/components/parameters/Loop"});
        reference["paths"]["/providers"]["get"]["parameters"] =
            json!([{"$ref": "#/components/parameters/Loop"}]);
    });
    assert!(matches!(
        check(&ours(), &circular),
        Err(SpecError::UnresolvedRef { .. })
    ));
    let nameless = edited(ours(), |ours| {
        ours["paths"]["/providers"]["get"]["parameters"] = json!([{"in": "query"}]);
    });
    assert!(matches!(
        check(&nameless, &reference()),
        Err(SpecError::InvalidParameter {
            document: "ours",
            ..
        })
    ));
}

/// The rendered document says what each declaration says.
#[test]
fn the_rendered_document_describes_every_declared_operation() {
    let operations = operations();
    let document = document();
    assert_eq!(document["openapi"], "3.1.0");
    for operation in &operations {
        let method = operation.method.as_str().to_ascii_lowercase();
        let rendered = &document["paths"][operation.path][&method];
        let label = format!("{} {}", operation.method, operation.path);
        assert_eq!(rendered["operationId"], operation.name, "{label}");
        assert!(
            rendered["summary"]
                .as_str()
                .is_some_and(|summary| !summary.is_empty())
        );
        let security = match operation.auth {
            AuthScheme::None => json!([]),
            AuthScheme::Bearer => json!([{"bearerAuth": []}]),
            AuthScheme::Basic => json!([{"basicAuth": []}]),
            AuthScheme::OptionalBearer => json!([{}, {"bearerAuth": []}]),
            other => panic!("{other:?}"),
        };
        assert_eq!(rendered["security"], security, "{label}");
        let response =
            rendered["responses"]["2XX"]["content"]["application/json"]["schema"].to_string();
        let short = operation
            .response_type
            .trim_start_matches("Vec<")
            .trim_end_matches('>');
        assert!(response.contains(short), "{label}: {response}");
        for param in operation.params {
            let location = param.location.to_string();
            let parameters = rendered["parameters"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            let found = parameters
                .iter()
                .find(|parameter| parameter["name"] == param.name);
            match location.as_str() {
                "path" | "query" | "header" => {
                    let found = found.unwrap_or_else(|| panic!("{label}: no {}", param.name));
                    assert_eq!(found["in"], location.as_str(), "{label}");
                    assert_eq!(
                        found["required"],
                        param.required || location == "path",
                        "{label}"
                    );
                }
                _ => {
                    assert!(
                        found.is_none(),
                        "{label}: {} is not a parameter",
                        param.name
                    );
                    assert!(rendered["requestBody"].is_object(), "{label}");
                }
            }
        }
        let has_body = operation
            .params
            .iter()
            .any(|param| matches!(param.location.to_string().as_str(), "body" | "body field"));
        assert_eq!(rendered["requestBody"].is_object(), has_body, "{label}");
    }
    // The document conforms to itself.
    let report: ConformanceReport = check(&document, &document).unwrap();
    assert!(report.is_conformant(), "{report}");
    assert_eq!(report.compared, operations.len());
}

#[test]
fn declared_operations_render_as_the_spec_declares_them() {
    // The representative declarations against the synthetic reference above (written from Finch's
    // spec for these five paths; `/providers` is checked when it is declared).
    let chosen: Vec<_> = operations()
        .into_iter()
        .filter(|operation| {
            matches!(
                operation.path,
                "/employer/benefits/{benefit_id}/individuals"
                    | "/employer/directory"
                    | "/auth/token"
                    | "/connect/sessions"
                    | "/providers"
            ) && !(operation.path == "/employer/benefits/{benefit_id}/individuals"
                && operation.method != http::Method::DELETE)
        })
        .collect();
    let declared_providers = chosen
        .iter()
        .any(|operation| operation.path == "/providers");
    let reference = edited(reference(), |reference| {
        if !declared_providers {
            reference["paths"]
                .as_object_mut()
                .unwrap()
                .remove("/providers");
        }
    });
    let rendered = render(&chosen);
    let report = check(&rendered, &reference).unwrap();
    assert!(report.is_conformant(), "{report}");
    assert_eq!(report.compared, chosen.len());
    // Body members and required ones.
    let token = &rendered["paths"]["/auth/token"]["post"];
    assert_eq!(token["requestBody"]["required"], true);
    let required =
        token["requestBody"]["content"]["application/json"]["schema"]["required"].clone();
    assert!(
        required.as_array().unwrap().contains(&json!("code")),
        "{required}"
    );
    let unenroll = &rendered["paths"]["/employer/benefits/{benefit_id}/individuals"]["delete"];
    let mut parameters = unenroll["parameters"].as_array().unwrap().clone();
    parameters.sort_by_key(|parameter| parameter["name"].to_string());
    assert_eq!(
        parameters,
        [
            json!({"name": "benefit_id", "in": "path", "required": true, "schema": {}}),
            json!({"name": "entity_ids", "in": "query", "required": false, "schema": {}}),
        ]
    );
}
