//! `/employer/pay-statement-item/rule*`: the rules that label pay statement items (list, create,
//! update, delete).

use http::StatusCode;
use serde::Deserialize;
use serde_json::{Map, Value, json};

use crate::dates;
use crate::endpoints::{Call, company, parts};
use crate::json::parse_body_at;
use crate::reply::Reply;
use crate::rules::{Condition, Rule};
use crate::state::State;

fn rule_value(rule: &Rule) -> Value {
    let conditions: Vec<Value> = rule
        .conditions
        .iter()
        .map(|condition| {
            let mut object = Map::new();
            for (key, value) in [
                ("field", &condition.field),
                ("operator", &condition.operator),
                ("value", &condition.value),
            ] {
                if let Some(value) = value {
                    object.insert(key.to_owned(), json!(value));
                }
            }
            Value::Object(object)
        })
        .collect();
    let mut attributes = Map::new();
    if let Some(metadata) = &rule.metadata {
        attributes.insert("metadata".to_owned(), Value::Object(metadata.clone()));
    }
    let mut object = Map::new();
    object.insert("id".to_owned(), json!(rule.id));
    object.insert("priority".to_owned(), json!(rule.priority));
    object.insert(
        "effective_start_date".to_owned(),
        json!(rule.effective_start_date),
    );
    object.insert(
        "effective_end_date".to_owned(),
        json!(rule.effective_end_date),
    );
    object.insert("conditions".to_owned(), Value::Array(conditions));
    object.insert("attributes".to_owned(), Value::Object(attributes));
    if let Some(entity_type) = &rule.entity_type {
        object.insert("entity_type".to_owned(), json!(entity_type));
    }
    object.insert(
        "created_at".to_owned(),
        json!(dates::timestamp(rule.created_at)),
    );
    object.insert(
        "updated_at".to_owned(),
        json!(dates::timestamp(rule.updated_at)),
    );
    Value::Object(object)
}

/// The body of a create or update: every field optional; `null` dates clear them.
#[derive(Debug, Default, Deserialize)]
struct RuleFields {
    #[serde(default, deserialize_with = "present")]
    effective_start_date: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    effective_end_date: Option<Option<String>>,
    #[serde(default)]
    conditions: Option<Vec<ConditionFields>>,
    #[serde(default)]
    attributes: Option<AttributeFields>,
    #[serde(default)]
    entity_type: Option<String>,
    /// The spec's malformed update body wraps the fields in `optionalProperty`, a member its
    /// schema leaves untyped: an object there holds the fields, any other value changes nothing.
    #[serde(default, rename = "optionalProperty")]
    optional_property: Option<Value>,
}

#[derive(Debug, Deserialize)]
struct ConditionFields {
    #[serde(default)]
    field: Option<String>,
    #[serde(default)]
    operator: Option<String>,
    #[serde(default)]
    value: Option<String>,
}

#[derive(Debug, Deserialize)]
struct AttributeFields {
    #[serde(default)]
    metadata: Option<Map<String, Value>>,
}

fn present<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(deserializer).map(Some)
}

impl RuleFields {
    /// The fields, unwrapped from `optionalProperty` when a client sent the spec's shape (an
    /// object there); the error names `optionalProperty` when its fields are malformed.
    fn unwrapped(self) -> Result<RuleFields, Reply> {
        match self.optional_property {
            Some(inner @ Value::Object(_)) => RuleFields::deserialize(inner)
                .map_err(|error| Reply::invalid(&format!("[body:optionalProperty]: {error}"))),
            Some(_) | None => Ok(self),
        }
    }

    /// Checks the fields, and keeps an effective date given as `M/D/YYYY` as `YYYY-MM-DD`. The
    /// spec's `Date` is any string: other text is kept as sent, and bounds nothing.
    fn check(&mut self) -> Result<(), Reply> {
        for date in [&mut self.effective_start_date, &mut self.effective_end_date] {
            if let Some(Some(text)) = date
                && let Some(iso) = dates::iso_from_us(text)
            {
                *text = iso;
            }
        }
        // The spec requires no condition: a rule without any is kept and labels no item.
        if let Some(conditions) = &self.conditions {
            for (position, condition) in conditions.iter().enumerate() {
                if let Some(operator) = &condition.operator
                    && operator != "equals"
                {
                    return Err(Reply::invalid(&format!(
                        "Validation error: Invalid enum value. Expected 'equals', received '{operator}' at \"conditions[{position}].operator\""
                    )));
                }
            }
        }
        if let Some(entity_type) = &self.entity_type
            && entity_type != "pay_statement_item"
        {
            return Err(Reply::invalid(&format!(
                "Validation error: Invalid enum value. Expected 'pay_statement_item', received '{entity_type}' at \"entity_type\""
            )));
        }
        Ok(())
    }
}

fn conditions(fields: Vec<ConditionFields>) -> Vec<Condition> {
    fields
        .into_iter()
        .map(|condition| Condition {
            field: condition.field,
            operator: condition.operator,
            value: condition.value,
        })
        .collect()
}

pub(crate) fn list_rules(state: &mut State, call: &Call<'_>) -> Reply {
    match company(state, call) {
        Ok(company) => {
            let responses: Vec<Value> = company.rules.iter().map(rule_value).collect();
            Reply::json(StatusCode::OK, &json!({ "responses": responses }))
        }
        Err(reply) => reply,
    }
}

pub(crate) fn create_rule(state: &mut State, call: &Call<'_>) -> Reply {
    let mut fields = match parse_body_at::<RuleFields>(call.body).and_then(RuleFields::unwrapped) {
        Ok(fields) => fields,
        Err(reply) => return reply,
    };
    if let Err(reply) = fields.check() {
        return reply;
    }
    let now = state.now();
    let parts = match parts(state, call) {
        Ok(parts) => parts,
        Err(reply) => return reply,
    };
    let priority = parts
        .company
        .rules
        .iter()
        .map(|rule| rule.priority)
        .max()
        .unwrap_or(0)
        + 1;
    let rule = Rule {
        id: parts.rng.uuid(),
        priority,
        effective_start_date: fields.effective_start_date.flatten(),
        effective_end_date: fields.effective_end_date.flatten(),
        conditions: conditions(fields.conditions.unwrap_or_default()),
        metadata: fields.attributes.and_then(|attributes| attributes.metadata),
        entity_type: Some(
            fields
                .entity_type
                .unwrap_or_else(|| "pay_statement_item".to_owned()),
        ),
        created_at: now,
        updated_at: now,
    };
    let reply = Reply::json(StatusCode::CREATED, &rule_value(&rule));
    parts.company.rules.push(rule);
    reply
}

/// Where the rule `rule_id` is among the company's rules, or Finch's 404 for it.
fn rule_position(rules: &[Rule], rule_id: &str) -> Result<usize, Reply> {
    let id = crate::ids::Uuid::parse(rule_id);
    rules
        .iter()
        .position(|rule| Some(rule.id) == id)
        .ok_or_else(|| {
            Reply::not_found(
                "item_not_found",
                &format!("could not find rule with id '{rule_id}'"),
            )
        })
}

pub(crate) fn update_rule(state: &mut State, call: &Call<'_>, rule_id: &str) -> Reply {
    let mut fields = match parse_body_at::<RuleFields>(call.body).and_then(RuleFields::unwrapped) {
        Ok(fields) => fields,
        Err(reply) => return reply,
    };
    if let Err(reply) = fields.check() {
        return reply;
    }
    let now = state.now();
    let parts = match parts(state, call) {
        Ok(parts) => parts,
        Err(reply) => return reply,
    };
    let rule = match rule_position(&parts.company.rules, rule_id) {
        Ok(position) => &mut parts.company.rules[position],
        Err(reply) => return reply,
    };
    if let Some(start) = fields.effective_start_date {
        rule.effective_start_date = start;
    }
    if let Some(end) = fields.effective_end_date {
        rule.effective_end_date = end;
    }
    if let Some(new_conditions) = fields.conditions {
        rule.conditions = conditions(new_conditions);
    }
    if let Some(attributes) = fields.attributes {
        rule.metadata = attributes.metadata;
    }
    if let Some(entity_type) = fields.entity_type {
        rule.entity_type = Some(entity_type);
    }
    rule.updated_at = now;
    Reply::json(StatusCode::OK, &rule_value(rule))
}

pub(crate) fn delete_rule(state: &mut State, call: &Call<'_>, rule_id: &str) -> Reply {
    let now = state.now();
    let parts = match parts(state, call) {
        Ok(parts) => parts,
        Err(reply) => return reply,
    };
    let position = match rule_position(&parts.company.rules, rule_id) {
        Ok(position) => position,
        Err(reply) => return reply,
    };
    let rule = parts.company.rules.remove(position);
    let mut value = rule_value(&rule);
    if let Value::Object(object) = &mut value {
        object.insert("deleted_at".to_owned(), json!(dates::timestamp(now)));
    }
    Reply::json(StatusCode::OK, &value)
}

#[cfg(test)]
mod tests {
    use super::super::pay_statement_items;
    use super::*;
    use crate::endpoints::tests::{body, call, query, shared};

    #[test]
    fn rules_label_items() {
        let shared = shared(30);
        let mut state = shared.lock();
        let config = shared.config.clone();
        let create = json!({"conditions": [{"field": "name", "operator": "equals", "value": "Salary"}], "attributes": {"metadata": {"gl": "6000"}}}).to_string();
        let reply = create_rule(&mut state, &call(&config, &[], create.as_bytes()));
        assert_eq!(reply.status, StatusCode::CREATED, "{}", body(&reply));
        let rule = body(&reply);
        assert_eq!(rule["priority"], 1);
        let items = body(&pay_statement_items(
            &mut state,
            &call(&config, &query("categories[]=earnings&name=sal"), b""),
        ));
        assert_eq!(items["responses"][0]["name"], "Salary");
        assert_eq!(
            items["responses"][0]["attributes"]["metadata"],
            json!({"gl": "6000"})
        );

        let id = rule["id"].as_str().unwrap();
        let update = json!({"optionalProperty": {"effective_end_date": "2020-01-01"}}).to_string();
        let reply = update_rule(&mut state, &call(&config, &[], update.as_bytes()), id);
        assert_eq!(body(&reply)["effective_end_date"], "2020-01-01");
        let items = body(&pay_statement_items(
            &mut state,
            &call(&config, &query("name=Salary"), b""),
        ));
        assert_eq!(items["responses"][0]["attributes"]["metadata"], Value::Null);
        let reply = delete_rule(&mut state, &call(&config, &[], b""), id);
        assert!(body(&reply)["deleted_at"].is_string());
        assert_eq!(
            delete_rule(&mut state, &call(&config, &[], b""), id).status,
            StatusCode::NOT_FOUND
        );
        let bad = json!({"conditions": [{"operator": "contains"}]}).to_string();
        assert_eq!(
            create_rule(&mut state, &call(&config, &[], bad.as_bytes())).status,
            StatusCode::BAD_REQUEST
        );
    }

    /// The spec requires nothing of a rule: one without conditions (`{}` or `[]`) is created and
    /// labels no item, and an update whose untyped `optionalProperty` is not an object changes
    /// nothing.
    #[test]
    fn rules_take_what_the_spec_allows() {
        let shared = shared(30);
        let mut state = shared.lock();
        let config = shared.config.clone();
        for request in [
            json!({}),
            json!({"conditions": [], "attributes": {"metadata": {"gl": "1"}}}),
        ] {
            let request = request.to_string();
            let reply = create_rule(&mut state, &call(&config, &[], request.as_bytes()));
            assert_eq!(reply.status, StatusCode::CREATED, "{request}");
            assert_eq!(body(&reply)["conditions"], json!([]));
        }
        let items = body(&pay_statement_items(&mut state, &call(&config, &[], b"")));
        let labelled = items["responses"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|item| !item["attributes"]["metadata"].is_null())
            .count();
        assert_eq!(labelled, 0, "a rule without conditions labels nothing");

        let rule = body(&create_rule(&mut state, &call(&config, &[], b"{}")));
        let id = rule["id"].as_str().unwrap();
        for value in [json!("x"), json!(7), json!([1]), json!(null)] {
            let update = json!({ "optionalProperty": value }).to_string();
            let reply = update_rule(&mut state, &call(&config, &[], update.as_bytes()), id);
            assert_eq!(reply.status, StatusCode::OK, "{update}: {}", body(&reply));
            assert_eq!(body(&reply)["effective_end_date"], Value::Null);
        }
        let malformed = json!({"optionalProperty": {"conditions": "Salary"}}).to_string();
        let reply = update_rule(&mut state, &call(&config, &[], malformed.as_bytes()), id);
        assert_eq!(reply.status, StatusCode::BAD_REQUEST);
        assert!(
            body(&reply)["message"]
                .as_str()
                .unwrap()
                .starts_with("[body:optionalProperty]"),
            "{}",
            body(&reply)
        );
    }
}
