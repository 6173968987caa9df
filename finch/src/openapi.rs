//! The declarations describe themselves (feature `openapi`): an OpenAPI 3.1 document rendered
//! from [`Operation`]s alone, finch's ([`document`]) or any list, your own declarations included
//! ([`render`] with [`Operation::of`]).
//!
//! ```
//! #[finch::finch_endpoint(GET "/employer/widgets", response = finch::serde_json::Value)]
//! pub struct ListWidgets;
//!
//! let mut operations = finch::operations();
//! operations.push(finch::Operation::of::<ListWidgets>());
//! let document = finch::openapi::render(&operations);
//! assert_eq!(document["paths"]["/employer/widgets"]["get"]["operationId"], "ListWidgets");
//! ```
//!
//! `cargo run -p finch --example openapi` prints finch's document. Comparing a document with
//! Finch's published spec is maintainer tooling, outside this crate: `tools/finch-conformance`.

use crate::operation::Operation;
use finch_core::{AuthScheme, ParamLocation};
use serde_json::{Map, Value, json};

/// The OpenAPI document of every operation finch declares ([`crate::operations`]).
///
/// ```
/// let document = finch::openapi::document();
/// let token = &document["paths"]["/auth/token"]["post"];
/// assert_eq!(token["operationId"], "CreateAccessToken");
/// assert_eq!(token["security"], serde_json::json!([]));
/// ```
pub fn document() -> Value {
    render(&crate::operations())
}

/// Renders an OpenAPI 3.1 document of `operations`.
///
/// Each operation has its method and path, an `operationId` (the request type's name) and a
/// summary made from it, its parameters (name, `in`, `required`; path parameters are always
/// required), its request body (a JSON object with its members, or the whole body), its
/// `security` (`[]` for none, `[{"bearerAuth": []}]`, `[{"basicAuth": []}]`, or
/// `[{}, {"bearerAuth": []}]` for an optional access token) and its success response, a reference to
/// a schema named after the response type. The declarations do not know the fields' types, so
/// parameter and member schemas are empty (any value), and the response schemas carry only their
/// title.
///
/// ```
/// let operations = finch::operations();
/// let document = finch::openapi::render(&operations);
/// assert_eq!(document["openapi"], "3.1.0");
/// assert_eq!(document["paths"].as_object().unwrap().values().map(|item| item.as_object().unwrap().len()).sum::<usize>(), operations.len());
/// ```
pub fn render(operations: &[Operation]) -> Value {
    let mut paths = Map::new();
    let mut schemas = Map::new();
    for operation in operations {
        let item = paths
            .entry(operation.path)
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(item) = item {
            item.insert(
                operation.method.as_str().to_ascii_lowercase(),
                render_operation(operation, &mut schemas),
            );
        }
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Finch API, as declared by finch",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Rendered from finch's endpoint declarations (`finch::operations()`). \
                Every request also carries the client-level headers `Finch-API-Version` and \
                `Content-Type` (when it has a body), which are not per-operation parameters.",
        },
        "servers": [{"url": finch_core::DEFAULT_BASE_URL}],
        "paths": paths,
        "components": {
            "securitySchemes": {
                "bearerAuth": {
                    "type": "http",
                    "scheme": "bearer",
                    "description": "The connection's access token.",
                },
                "basicAuth": {
                    "type": "http",
                    "scheme": "basic",
                    "description": "base64 of `client_id:client_secret`.",
                },
            },
            "schemas": schemas,
        },
    })
}

fn render_operation(operation: &Operation, schemas: &mut Map<String, Value>) -> Value {
    let mut rendered = Map::new();
    rendered.insert("operationId".into(), operation.name.into());
    rendered.insert("summary".into(), summary(operation.name).into());
    let parameters: Vec<Value> = operation
        .params
        .iter()
        .filter_map(|param| {
            let location = match param.location {
                ParamLocation::Path => "path",
                ParamLocation::Query => "query",
                ParamLocation::Header => "header",
                _ => return None,
            };
            let required = param.required || location == "path";
            Some(json!({"name": param.name, "in": location, "required": required, "schema": {}}))
        })
        .collect();
    if !parameters.is_empty() {
        rendered.insert("parameters".into(), parameters.into());
    }
    if let Some(body) = request_body(operation) {
        rendered.insert("requestBody".into(), body);
    }
    rendered.insert("security".into(), security(operation.auth));
    rendered.insert(
        "responses".into(),
        json!({
            "2XX": {
                "description": format!("A `{}`.", operation.response_type),
                "content": {"application/json": {"schema": schema_of(&operation.response_type, schemas)}},
            }
        }),
    );
    Value::Object(rendered)
}

/// `None` when the operation sends no body.
fn request_body(operation: &Operation) -> Option<Value> {
    if let Some(whole) = operation
        .params
        .iter()
        .find(|param| param.location == ParamLocation::Body)
    {
        return Some(json!({
            "required": whole.required,
            "content": {"application/json": {"schema": {}}},
        }));
    }
    let members: Vec<_> = operation
        .params
        .iter()
        .filter(|param| param.location == ParamLocation::BodyField)
        .collect();
    if members.is_empty() {
        return None;
    }
    let properties: Map<String, Value> = members
        .iter()
        .map(|member| (member.name.to_owned(), json!({})))
        .collect();
    let required: Vec<&str> = members
        .iter()
        .filter(|member| member.required)
        .map(|member| member.name)
        .collect();
    let mut schema = json!({"type": "object", "properties": properties});
    if !required.is_empty() {
        schema["required"] = json!(required);
    }
    Some(json!({
        "required": !required.is_empty(),
        "content": {"application/json": {"schema": schema}},
    }))
}

/// The `security` of an operation with this scheme.
pub(crate) fn security(auth: AuthScheme) -> Value {
    match auth {
        AuthScheme::Bearer => json!([{"bearerAuth": []}]),
        AuthScheme::Basic => json!([{"basicAuth": []}]),
        AuthScheme::OptionalBearer => json!([{}, {"bearerAuth": []}]),
        // `None`, and any scheme a later finch-core adds: no requirement is the safe reading.
        _ => json!([]),
    }
}

/// A schema for the response type `name`: a reference to a component named after it (added to
/// `schemas`), an array of such for `Vec<T>`, any value for `Value`, or a titled inline schema for
/// other generic types.
fn schema_of(name: &str, schemas: &mut Map<String, Value>) -> Value {
    if let Some(item) = name
        .strip_prefix("Vec<")
        .and_then(|rest| rest.strip_suffix('>'))
    {
        return json!({"type": "array", "items": schema_of(item, schemas)});
    }
    if name == "Value" {
        // serde_json's: any JSON.
        return json!({"title": "Value", "description": "Any JSON value."});
    }
    let valid_key = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'));
    if !valid_key {
        return json!({"title": name});
    }
    schemas.entry(name).or_insert_with(
        || json!({"title": name, "description": format!("The Rust type `{name}`.")}),
    );
    json!({"$ref": format!("#/components/schemas/{name}")})
}

/// `RetrieveCompanyBenefit` → `Retrieve company benefit`.
fn summary(name: &str) -> String {
    let mut summary = String::with_capacity(name.len() + 4);
    for (index, c) in name.chars().enumerate() {
        if index == 0 {
            summary.push(c);
        } else if c.is_ascii_uppercase() {
            summary.push(' ');
            summary.push(c.to_ascii_lowercase());
        } else {
            summary.push(c);
        }
    }
    summary
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_read_as_words() {
        assert_eq!(
            summary("RetrieveCompanyBenefit"),
            "Retrieve company benefit"
        );
        assert_eq!(summary("Introspect"), "Introspect");
    }

    #[test]
    fn generic_response_types() {
        let mut schemas = Map::new();
        assert_eq!(
            schema_of("Vec<Provider>", &mut schemas),
            json!({"type": "array", "items": {"$ref": "#/components/schemas/Provider"}})
        );
        assert_eq!(
            schema_of("Option<X>", &mut schemas),
            json!({"title": "Option<X>"})
        );
        assert_eq!(schemas.len(), 1);
    }
}
