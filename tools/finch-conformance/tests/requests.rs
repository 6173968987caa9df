//! The request generator (`finch_conformance::requests`) on small inline documents: minimal
//! against full, nulls, enum coverage, bounds, query styles, `$ref`/`allOf`/`oneOf`, bindings.
//! Needs nothing outside the repository.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may fail loudly

use finch_conformance::requests::{
    Bindings, Bound, GenerateError, GeneratedRequest, NO_BODY, Site, operations,
};
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// Binds `thing_id` (path) to `t-1` and `owner_id` (anywhere) to a pool of two.
struct Ids;

impl Bindings for Ids {
    fn bind(&self, site: &Site<'_>) -> Option<Bound> {
        match site.name {
            "thing_id" => Some(Bound::Value(json!("t-1"))),
            "owner_id" => Some(Bound::Pool(vec![json!("o-1"), json!("o-2")])),
            _ => None,
        }
    }

    fn always(&self, _method: &str, _path: &str, name: &str) -> bool {
        name == "secret"
    }
}

fn document() -> Value {
    json!({
        "components": {
            "parameters": {
                "Limit": {"name": "limit", "in": "query", "schema": {"type": "integer", "maximum": 50}},
            },
            "schemas": {
                "Date": {"type": "string", "title": "Date", "nullable": true},
                "Named": {"type": "object", "required": ["name"], "properties": {
                    "name": {"type": "string", "minLength": 2, "maxLength": 5},
                }},
                "Kind": {"type": "string", "enum": ["a", "b", "c", null], "nullable": true},
            },
        },
        "paths": {
            "/things/{thing_id}": {
                "parameters": [{"name": "thing_id", "in": "path", "required": true, "schema": {"type": "string"}}],
                "post": {
                    "parameters": [
                        {"$ref": "#/components/parameters/Limit"},
                        {"name": "since", "in": "query", "required": true, "schema": {"type": "string", "format": "date"}},
                        {"name": "ids", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}, "style": "form", "explode": true},
                        {"name": "kinds", "in": "query", "schema": {"type": "array", "items": {"type": "string", "enum": ["x", "y"]}}, "style": "form", "explode": false},
                    ],
                    "requestBody": {"content": {"application/json": {"schema": {
                        "allOf": [
                            {"$ref": "#/components/schemas/Named"},
                            {"type": "object", "properties": {
                                "when": {"$ref": "#/components/schemas/Date"},
                                "kind": {"$ref": "#/components/schemas/Kind"},
                                "note": {"type": ["string", "null"]},
                                "size": {"type": "integer", "minimum": 0, "exclusiveMinimum": true, "maximum": 10},
                                "owners": {"type": "array", "minItems": 1, "maxItems": 4, "items": {
                                    "type": "object",
                                    "required": ["owner_id"],
                                    "properties": {"owner_id": {"type": "string"}, "share": {"type": "number"}},
                                }},
                                "shape": {"oneOf": [
                                    {"type": "object", "required": ["sides"], "properties": {"sides": {"type": "integer"}}},
                                    {"type": "object", "required": ["tint"], "properties": {"tint": {"type": "string", "enum": ["red", "blue"]}}},
                                ]},
                                "extra": {"type": "object", "additionalProperties": {"type": "boolean"}},
                                "secret": {"type": "string"},
                            }},
                        ],
                    }}}},
                },
            },
            "/empty": {"put": {"requestBody": {"content": {"application/json": {"schema": {
                "type": "object", "properties": {"flag": {"type": "boolean"}},
            }}}}}},
        },
    })
}

fn requests(path: &str) -> Vec<GeneratedRequest> {
    let spec = document();
    let operation = operations(&spec)
        .unwrap()
        .into_iter()
        .find(|operation| operation.path == path)
        .unwrap();
    operation.requests(&spec, &Ids, 42).unwrap()
}

fn variant<'a>(requests: &'a [GeneratedRequest], name: &str) -> &'a GeneratedRequest {
    requests
        .iter()
        .find(|request| request.variant == name)
        .unwrap_or_else(|| panic!("no {name} variant"))
}

fn body(request: &GeneratedRequest) -> &Value {
    request.body.as_ref().expect("a body")
}

#[test]
fn minimal_sends_only_what_is_required_and_full_sends_everything() {
    let requests = requests("/things/{thing_id}");
    let minimal = variant(&requests, "minimal");
    assert_eq!(minimal.path, "/things/t-1");
    // The required query parameter only.
    let names: Vec<&str> = minimal.query.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["since"]);
    assert_eq!(minimal.query[0].1, "2025-06-13");
    // The required members (`name` of the `allOf`'s `$ref`, `owners` at its one item, `shape`
    // is not required), and the member the bindings always want.
    let members: BTreeSet<&str> = body(minimal)
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(members, BTreeSet::from(["name", "secret"]));

    let full = body(variant(&requests, "full"));
    for member in [
        "name", "when", "kind", "note", "size", "owners", "shape", "extra",
    ] {
        assert!(full.get(member).is_some(), "full lacks {member}: {full}");
    }
    assert_eq!(full["when"].as_str().unwrap().len(), "YYYY-MM-DD".len());
    assert_eq!(full["owners"].as_array().unwrap().len(), 2);
    // Every item takes the next id of the pool.
    assert_eq!(full["owners"][0]["owner_id"], "o-1");
    assert_eq!(full["owners"][1]["owner_id"], "o-2");
    assert!(full["owners"][0].get("share").is_some());
    assert_eq!(full["extra"].as_object().unwrap().len(), 2);
    let sparse = body(variant(&requests, "full, sparse items"));
    assert!(sparse["owners"][0].get("share").is_none(), "{sparse}");
}

#[test]
fn no_body_when_nothing_is_required() {
    let requests = requests("/empty");
    assert_eq!(variant(&requests, "minimal").body, None);
    assert_eq!(body(variant(&requests, "full")), &json!({"flag": true}));
    // `false` from the enum variants (which go through both booleans) or the low bound: the
    // same request is sent once.
    assert!(
        requests
            .iter()
            .any(|request| request.body == Some(json!({"flag": false}))),
        "{requests:?}"
    );
}

#[test]
fn the_nulls_variant_nulls_every_nullable_member() {
    let requests = requests("/things/{thing_id}");
    let nulls = body(variant(&requests, "full, nulls"));
    // `nullable: true` (on a `$ref`'d schema), an enum with `null`, `type: [.., "null"]`.
    for member in ["when", "kind", "note"] {
        assert_eq!(nulls[member], Value::Null, "{member} in {nulls}");
    }
    for member in ["name", "size", "owners", "shape"] {
        assert!(!nulls[member].is_null(), "{member} in {nulls}");
    }
    // Nullable objects and arrays kept, their nullable members `null`.
    let spec = json!({"paths": {"/n": {"post": {"requestBody": {"content": {"application/json": {
        "schema": {"type": "object", "properties": {
            "inner": {"type": "object", "nullable": true, "properties": {
                "leaf": {"type": "string", "nullable": true},
                "solid": {"type": "integer"},
            }},
        }},
    }}}}}}});
    let operation = &operations(&spec).unwrap()[0];
    let requests = operation.requests(&spec, &Ids, 1).unwrap();
    assert_eq!(
        body(variant(&requests, "full, nulls")),
        &json!({"inner": null})
    );
    assert_eq!(
        body(variant(&requests, "full, nulls inside")),
        &json!({"inner": {"leaf": null, "solid": 7}})
    );
}

#[test]
fn the_enum_variants_send_every_value_and_every_branch() {
    let requests = requests("/things/{thing_id}");
    let mut kinds = BTreeSet::new();
    let mut tints = BTreeSet::new();
    let mut branches = BTreeSet::new();
    let mut query_kinds = BTreeSet::new();
    for request in requests.iter().filter(|request| request.variant != NO_BODY) {
        let body = body(request);
        kinds.insert(body["kind"].to_string());
        if let Some(tint) = body["shape"].get("tint") {
            tints.insert(tint.to_string());
            branches.insert("tint");
        }
        if body["shape"].get("sides").is_some() {
            branches.insert("sides");
        }
        for (name, value) in &request.query {
            if name == "kinds" {
                query_kinds.extend(value.split(',').map(str::to_owned));
            }
        }
    }
    assert_eq!(
        kinds,
        BTreeSet::from(["\"a\"", "\"b\"", "\"c\"", "null"].map(str::to_owned))
    );
    // Both branches, and both values of the enum inside the second.
    assert_eq!(branches, BTreeSet::from(["sides", "tint"]));
    assert_eq!(tints.len(), 2, "{tints:?}");
    assert_eq!(query_kinds, BTreeSet::from(["x", "y"].map(str::to_owned)));
}

#[test]
fn the_bounds_variants_reach_each_bound() {
    let requests = requests("/things/{thing_id}");
    let low = variant(&requests, "bounds: low");
    let high = variant(&requests, "bounds: high");
    // `minimum: 0` with `exclusiveMinimum: true` is 1; `maximum` 10.
    assert_eq!(body(low)["size"], 1);
    assert_eq!(body(high)["size"], 10);
    assert_eq!(body(low)["owners"].as_array().unwrap().len(), 1);
    assert_eq!(body(high)["owners"].as_array().unwrap().len(), 4);
    // Strings at `minLength` and at `maxLength` characters of non-ASCII text.
    assert_eq!(body(low)["name"].as_str().unwrap().chars().count(), 2);
    let name = body(high)["name"].as_str().unwrap();
    assert_eq!(name.chars().count(), 5);
    assert!(!name.is_ascii(), "{name}");
    // A free string may be empty; a `limit` without a minimum goes below 0 (the spec allows a
    // negative integer there) and to its maximum.
    assert_eq!(body(low)["secret"], "");
    let limit = |request: &GeneratedRequest| {
        request
            .query
            .iter()
            .find(|(name, _)| name == "limit")
            .map(|(_, value)| value.clone())
    };
    assert_eq!(limit(low).as_deref(), Some("-1"));
    assert_eq!(limit(high).as_deref(), Some("50"));
}

#[test]
fn query_arrays_in_the_spec_style_and_in_brackets() {
    let requests = requests("/things/{thing_id}");
    let full = variant(&requests, "full");
    let target = full.target();
    // `explode: true`: the name repeated; `explode: false`: one comma-separated value.
    assert_eq!(target.matches("ids=").count(), 2, "{target}");
    assert!(target.contains("kinds=x%2Cx"), "{target}");
    let brackets = variant(&requests, "full, brackets").target();
    assert_eq!(brackets.matches("ids%5B%5D=").count(), 2, "{brackets}");
    assert_eq!(brackets.matches("kinds%5B%5D=").count(), 2, "{brackets}");
}

#[test]
fn the_same_seed_gives_the_same_requests_and_path_parameters_need_a_binding() {
    assert_eq!(
        requests("/things/{thing_id}"),
        requests("/things/{thing_id}")
    );

    struct Nothing;
    impl Bindings for Nothing {
        fn bind(&self, _site: &Site<'_>) -> Option<Bound> {
            None
        }
    }
    let spec = document();
    let operation = operations(&spec)
        .unwrap()
        .into_iter()
        .find(|operation| operation.path == "/things/{thing_id}")
        .unwrap();
    assert!(matches!(
        operation.requests(&spec, &Nothing, 42),
        Err(GenerateError::UnboundPathParameter { parameter, .. }) if parameter == "thing_id"
    ));
}

/// A body the spec does not require is also sent left out, when its schema requires members
/// (its minimal request has a body); a body that requires nothing is left out by `minimal`
/// already, and a required body is never left out.
#[test]
fn an_optional_body_is_also_left_out() {
    let things = requests("/things/{thing_id}");
    let left_out = variant(&things, NO_BODY);
    assert_eq!(left_out.body, None);
    let minimal = variant(&things, "minimal");
    assert_eq!(
        (&left_out.path, &left_out.query),
        (&minimal.path, &minimal.query)
    );

    let nothing_required = requests("/empty");
    assert_eq!(variant(&nothing_required, "minimal").body, None);
    assert!(nothing_required.iter().all(|r| r.variant != NO_BODY));

    let mut spec = document();
    spec["paths"]["/things/{thing_id}"]["post"]["requestBody"]["required"] = json!(true);
    let operation = operations(&spec)
        .unwrap()
        .into_iter()
        .find(|operation| operation.path == "/things/{thing_id}")
        .unwrap();
    let required = operation.requests(&spec, &Ids, 42).unwrap();
    assert!(required.iter().all(|r| r.body.is_some()));
}

/// Each example the spec gives for a request body is sent as it is, but for the members the
/// bindings bind (here `owner_id`, in the items of an array).
#[test]
fn the_spec_examples_are_sent_with_their_names_bound() {
    let spec = json!({"paths": {"/owners": {"post": {"requestBody": {"content": {"application/json": {
        "schema": {"type": "object", "properties": {
            "since": {"type": "string"},
            "owners": {"type": "array", "items": {"type": "object", "properties": {"owner_id": {"type": "string"}}}},
        }},
        "examples": {
            "Dates as in the docs": {"value": {"since": "3/4/2020", "owners": [{"owner_id": "x"}, {"owner_id": "y"}]}},
            "Empty": {"value": {}},
        },
    }}}}}}});
    let operation = operations(&spec).unwrap().remove(0);
    let requests = operation.requests(&spec, &Ids, 42).unwrap();
    let example = body(variant(&requests, "example: Dates as in the docs"));
    assert_eq!(example["since"], "3/4/2020");
    // The pool's ids, in turn (where the turn stands depends on the variants before).
    let owners: BTreeSet<&str> = example["owners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|owner| owner["owner_id"].as_str().unwrap())
        .collect();
    assert_eq!(owners, BTreeSet::from(["o-1", "o-2"]));
    assert_eq!(body(variant(&requests, "example: Empty")), &json!({}));
}
