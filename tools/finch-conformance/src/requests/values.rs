//! The values of one variant's request, from the schemas: what each mode puts in a member or
//! parameter, the ids the bindings give, the enum coverage shared by an operation's variants,
//! and the seeded choices.

use super::{Bindings, Bound, GenerateError, Mode, Parameter, Site, SpecOperation, encode};
use crate::diff::{Resolver, SpecError};
use serde_json::{Map, Number, Value};
use std::collections::{BTreeSet, HashMap};

/// What an operation's variants share: which enum values were sent, and where each id pool is.
#[derive(Default)]
pub(super) struct OperationState {
    pub(super) coverage: Coverage,
    pub(super) pools: HashMap<String, usize>,
}

#[derive(Default)]
pub(super) struct Coverage {
    /// Per place (member path and what is chosen there), the indices sent.
    seen: HashMap<String, BTreeSet<usize>>,
    /// Whether the current variant sent something new.
    pub(super) fresh: bool,
    /// Per place whose choices are all covered, how often it was chosen since: they are then
    /// taken in turn.
    turns: HashMap<String, usize>,
}

/// Where in the request a value is: for the bindings and as the coverage key.
#[derive(Clone)]
pub(super) struct At {
    location: &'static str,
    name: String,
    parent: String,
    item: bool,
    /// The member path, e.g. `body.requests[].type`, with the `oneOf` branches taken.
    key: String,
}

impl At {
    pub(super) fn body() -> At {
        At {
            location: "body",
            name: String::new(),
            parent: String::new(),
            item: false,
            key: "body".to_owned(),
        }
    }

    fn parameter(location: &'static str, name: &str) -> At {
        At {
            location,
            name: name.to_owned(),
            parent: String::new(),
            item: false,
            key: format!("{location}.{name}"),
        }
    }

    fn member(&self, name: &str) -> At {
        At {
            location: self.location,
            name: name.to_owned(),
            parent: self.name.clone(),
            item: false,
            key: format!("{}.{name}", self.key),
        }
    }

    fn items(&self) -> At {
        At {
            item: true,
            key: format!("{}[]", self.key),
            ..self.clone()
        }
    }
}

pub(super) struct Generator<'a> {
    pub(super) resolver: &'a Resolver<'a>,
    pub(super) operation: &'a SpecOperation,
    pub(super) bindings: &'a dyn Bindings,
    pub(super) mode: Mode,
    pub(super) rng: Rng,
    pub(super) state: &'a mut OperationState,
}

/// The JSON types an untyped schema allows, for the enum variants to go through.
const ANY_TYPES: [&str; 7] = [
    "string", "integer", "number", "boolean", "object", "array", "null",
];

/// Free text at the high bound: accents, CJK, a symbol and an emoji (4 UTF-8 bytes).
const UNICODE_TEXT: &str = "Zoë Ångström – 日本語のテキスト ✓ 🙂";

impl Generator<'_> {
    pub(super) fn path(&mut self) -> Result<String, GenerateError> {
        let mut path = String::new();
        let mut rest = self.operation.path.as_str();
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            let name = &rest[open + 1..open + close];
            path.push_str(&rest[..open]);
            let schema = self
                .operation
                .parameters
                .iter()
                .find(|p| p.location == "path" && p.name == name)
                .map(|p| p.schema.clone())
                .unwrap_or_else(|| serde_json::json!({"type": "string"}));
            let schema = self.normalize(&schema)?;
            let at = At::parameter("path", name);
            let site = self.site(&at, &schema);
            let Some(bound) = self.bindings.bind(&site) else {
                return Err(GenerateError::UnboundPathParameter {
                    operation: self.operation.label(),
                    parameter: name.to_owned(),
                });
            };
            let value = self.bound(bound, &at);
            path.push_str(&encode(&scalar_text(&value)));
            rest = &rest[open + close + 1..];
        }
        path.push_str(rest);
        Ok(path)
    }

    pub(super) fn query(&mut self, brackets: bool) -> Result<Vec<(String, String)>, GenerateError> {
        let mut pairs = Vec::new();
        let parameters: Vec<Parameter> = self
            .operation
            .parameters
            .iter()
            .filter(|p| p.location == "query")
            .filter(|p| p.required || self.mode != Mode::Minimal)
            .cloned()
            .collect();
        for parameter in parameters {
            let value = self.value(&parameter.schema, &At::parameter("query", &parameter.name))?;
            match value {
                // A form-style query cannot say `null`, an empty array or an object.
                Value::Null | Value::Object(_) => {}
                Value::Array(items) if items.is_empty() => {}
                Value::Array(items) => {
                    let texts: Vec<String> = items.iter().map(scalar_text).collect();
                    if brackets {
                        let name = format!("{}[]", parameter.name);
                        pairs.extend(texts.into_iter().map(|text| (name.clone(), text)));
                    } else if parameter.explode {
                        pairs.extend(texts.into_iter().map(|text| (parameter.name.clone(), text)));
                    } else {
                        pairs.push((parameter.name.clone(), texts.join(",")));
                    }
                }
                scalar => pairs.push((parameter.name.clone(), scalar_text(&scalar))),
            }
        }
        Ok(pairs)
    }

    fn site<'s>(&'s self, at: &'s At, schema: &'s Value) -> Site<'s> {
        Site {
            method: &self.operation.method,
            path: &self.operation.path,
            location: at.location,
            name: &at.name,
            parent: &at.parent,
            item: at.item,
            schema,
            mode: self.mode,
        }
    }

    /// `schema` with its `$ref`s followed (sibling keys kept over the target's) and its
    /// `allOf` merged into one schema.
    pub(super) fn normalize(&self, schema: &Value) -> Result<Value, GenerateError> {
        let mut out = schema.clone();
        for _ in 0..32 {
            let Some(reference) = out.get("$ref").and_then(Value::as_str).map(str::to_owned) else {
                break;
            };
            let target = reference
                .strip_prefix('#')
                .and_then(|pointer| self.resolver.document.pointer(pointer))
                .ok_or_else(|| SpecError::UnresolvedRef {
                    document: self.resolver.name,
                    reference: reference.clone(),
                })?;
            let mut merged = target.clone();
            if let (Some(merged), Some(siblings)) = (merged.as_object_mut(), out.as_object()) {
                for (key, value) in siblings {
                    if key != "$ref" {
                        merged.insert(key.clone(), value.clone());
                    }
                }
            }
            out = merged;
        }
        if let Some(parts) = out.as_object_mut().and_then(|o| o.remove("allOf")) {
            for part in parts.as_array().into_iter().flatten() {
                let part = self.normalize(part)?;
                merge_into(&mut out, part);
            }
        }
        Ok(out)
    }

    /// Whether every value of `schema` has something in it: a required member, an item, or
    /// (for `oneOf`/`anyOf`) one of these in every branch.
    pub(super) fn requires_something(&self, schema: &Value) -> Result<bool, GenerateError> {
        let required = !schema
            .get("required")
            .and_then(Value::as_array)
            .is_none_or(Vec::is_empty);
        if required || usize_of(schema, "minItems").unwrap_or(0) > 0 {
            return Ok(true);
        }
        for key in ["oneOf", "anyOf"] {
            if let Some(branches) = schema.get(key).and_then(Value::as_array)
                && !branches.is_empty()
            {
                for branch in branches {
                    if !self.requires_something(&self.normalize(branch)?)? {
                        return Ok(false);
                    }
                }
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// An index among `count` choices at `key`: the first not sent yet in the enum variants,
    /// the last at the high bound, else the first.
    fn choose(&mut self, key: &str, count: usize) -> usize {
        if count == 0 {
            return 0;
        }
        let seen = self.state.coverage.seen.entry(key.to_owned()).or_default();
        let index = match self.mode {
            Mode::Enums => match (0..count).find(|i| !seen.contains(i)) {
                Some(new) => {
                    self.state.coverage.fresh = true;
                    new
                }
                None => {
                    let turn = self.state.coverage.turns.entry(key.to_owned()).or_default();
                    *turn += 1;
                    *turn % count
                }
            },
            Mode::High => count - 1,
            _ => 0,
        };
        seen.insert(index);
        index
    }

    fn bound(&mut self, bound: Bound, at: &At) -> Value {
        match bound {
            Bound::Value(value) => value,
            Bound::Pool(values) if values.is_empty() => Value::Null,
            Bound::Pool(values) => {
                let next = self.state.pools.entry(at.key.clone()).or_insert(0);
                let value = values[*next % values.len()].clone();
                *next += 1;
                value
            }
            Bound::Choices(values) => {
                let index = self.choose(&format!("{}|choices", at.key), values.len());
                values.get(index).cloned().unwrap_or(Value::Null)
            }
        }
    }

    /// `example` (a value the spec gives for `schema`) with the members and items the bindings
    /// bind replaced, and the rest as it is.
    pub(super) fn bind_example(
        &mut self,
        schema: &Value,
        example: &Value,
        at: &At,
    ) -> Result<Value, GenerateError> {
        let schema = self.normalize(schema)?;
        if at.key != "body"
            && let Some(bound) = self.bindings.bind(&self.site(at, &schema))
        {
            return Ok(self.bound(bound, at));
        }
        Ok(match example {
            Value::Object(members) => {
                let mut out = Map::new();
                for (name, value) in members {
                    let member = schema
                        .pointer(&format!(
                            "/properties/{}",
                            name.replace('~', "~0").replace('/', "~1")
                        ))
                        .cloned()
                        .unwrap_or(Value::Null);
                    let bound = self.bind_example(&member, value, &at.member(name))?;
                    out.insert(name.clone(), bound);
                }
                Value::Object(out)
            }
            Value::Array(items) => {
                let item = schema.get("items").cloned().unwrap_or(Value::Null);
                let at = at.items();
                let mut out = Vec::with_capacity(items.len());
                for value in items {
                    out.push(self.bind_example(&item, value, &at)?);
                }
                Value::Array(out)
            }
            other => other.clone(),
        })
    }

    pub(super) fn value(&mut self, schema: &Value, at: &At) -> Result<Value, GenerateError> {
        let mut schema = self.normalize(schema)?;
        let mut at = at.clone();
        let branches = ["oneOf", "anyOf"]
            .iter()
            .find_map(|key| schema.as_object_mut().and_then(|o| o.remove(*key)));
        if let Some(Value::Array(branches)) = branches
            && !branches.is_empty()
        {
            let index = self.choose(&format!("{}|branch", at.key), branches.len());
            if let Some(object) = schema.as_object_mut() {
                object.remove("discriminator");
            }
            let branch = self.normalize(&branches[index])?;
            merge_into(&mut schema, branch);
            at.key = format!("{}#{index}", at.key);
        }
        let nulled = match self.mode {
            Mode::Nulls => true,
            Mode::NullsInside => !is_container(&schema),
            _ => false,
        };
        let nullable = is_nullable(&schema);
        if nulled && nullable && at.location == "body" && at.key != "body" {
            return Ok(Value::Null);
        }
        if let Some(bound) = self.bindings.bind(&self.site(&at, &schema)) {
            return Ok(self.bound(bound, &at));
        }
        if let Some(constant) = schema.get("const") {
            return Ok(constant.clone());
        }
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            let with_null = self.mode == Mode::Enums && nullable;
            let candidates: Vec<&Value> = values
                .iter()
                .filter(|value| with_null || !value.is_null())
                .collect();
            let index = self.choose(&format!("{}|enum", at.key), candidates.len());
            return Ok(candidates.get(index).map_or(Value::Null, |v| (*v).clone()));
        }
        let types = types(&schema);
        let kind = match types.as_slice() {
            [] if schema.get("properties").is_some()
                || schema.get("additionalProperties").is_some() =>
            {
                "object".to_owned()
            }
            [] if schema.get("items").is_some() => "array".to_owned(),
            [] => {
                // Untyped: any JSON value.
                let index = match self.mode {
                    Mode::Enums => self.choose(&format!("{}|type", at.key), ANY_TYPES.len()),
                    Mode::Nulls | Mode::NullsInside => ANY_TYPES.len() - 1,
                    Mode::High => 4,
                    _ => 0,
                };
                ANY_TYPES[index].to_owned()
            }
            [single] => single.clone(),
            several => {
                let mut kinds: Vec<&String> = several.iter().filter(|t| *t != "null").collect();
                if kinds.is_empty() {
                    return Ok(Value::Null);
                }
                let null = String::from("null");
                if self.mode == Mode::Enums && nullable {
                    kinds.push(&null);
                }
                let index = self.choose(&format!("{}|type", at.key), kinds.len());
                kinds[index].clone()
            }
        };
        Ok(match kind.as_str() {
            "object" => self.object(&schema, &at)?,
            "array" => self.array(&schema, &at)?,
            "string" => Value::String(self.string(&schema, &at)),
            "integer" => Value::Number(self.integer(&schema)),
            "number" => self.number(&schema),
            "boolean" => match self.mode {
                Mode::Low => Value::Bool(false),
                Mode::Enums => Value::Bool(self.choose(&format!("{}|bool", at.key), 2) == 0),
                _ => Value::Bool(true),
            },
            _ => Value::Null,
        })
    }

    fn object(&mut self, schema: &Value, at: &At) -> Result<Value, GenerateError> {
        let required: BTreeSet<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let mut out = Map::new();
        let properties = schema
            .get("properties")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        for (name, property) in &properties {
            let wanted = required.contains(name.as_str())
                || (at.key == "body"
                    && self
                        .bindings
                        .always(&self.operation.method, &self.operation.path, name));
            if self.mode == Mode::Minimal && !wanted {
                continue;
            }
            let value = self.value(property, &at.member(name))?;
            out.insert(name.clone(), value);
        }
        let extra = match schema.get("additionalProperties") {
            Some(Value::Bool(true)) => Some(Value::Object(Map::new())),
            Some(extra @ Value::Object(_)) => Some(extra.clone()),
            _ => None,
        };
        if let Some(extra) = extra {
            let count = match self.mode {
                Mode::Minimal | Mode::Low => 0,
                Mode::High => 3,
                _ => 2,
            };
            for n in 1..=count {
                let name = if self.mode == Mode::High {
                    format!("clé_{n}_✓")
                } else {
                    format!("key_{n}")
                };
                if !out.contains_key(&name) {
                    let value = self.value(&extra, &at.member(&name))?;
                    out.insert(name, value);
                }
            }
        }
        Ok(Value::Object(out))
    }

    fn array(&mut self, schema: &Value, at: &At) -> Result<Value, GenerateError> {
        let min = usize_of(schema, "minItems").unwrap_or(0);
        let max = usize_of(schema, "maxItems");
        let count = match self.mode {
            Mode::Minimal | Mode::Low => min,
            Mode::High => max.unwrap_or(min.max(3)),
            _ => 2.max(min).min(max.unwrap_or(usize::MAX)),
        };
        let items = schema.get("items").cloned().unwrap_or(Value::Bool(true));
        let items = if items == Value::Bool(true) {
            Value::Object(Map::new())
        } else {
            items
        };
        let at = at.items();
        let mode = self.mode;
        // Past the third item of a long array, items are minimal: a body of 10,000 full items
        // tests nothing more than one of three.
        let minimal_from = if mode == Mode::SparseItems { 0 } else { 3 };
        let mut out = Vec::with_capacity(count);
        for index in 0..count {
            if index >= minimal_from {
                self.mode = Mode::Minimal;
            }
            let value = self.value(&items, &at);
            self.mode = mode;
            out.push(value?);
        }
        Ok(Value::Array(out))
    }

    fn string(&mut self, schema: &Value, at: &At) -> String {
        let format = schema.get("format").and_then(Value::as_str).unwrap_or("");
        if format == "date" {
            return match self.mode {
                Mode::Low => "2025-01-01",
                Mode::High => "2025-12-31",
                _ => "2025-06-13",
            }
            .to_owned();
        }
        // The spec's `Date` schema is any string: its bounds are the empty one and the US form
        // the spec's own examples send (`3/4/2020`).
        if schema.get("title") == Some(&Value::from("Date")) {
            return match self.mode {
                Mode::Low => "",
                Mode::High => "12/31/2025",
                _ => "2025-06-13",
            }
            .to_owned();
        }
        match format {
            "date-time" => {
                return match self.mode {
                    Mode::Low => "2025-01-01T00:00:00Z",
                    Mode::High => "2025-12-31T23:59:59.999-08:00",
                    _ => "2025-06-13T09:30:00Z",
                }
                .to_owned();
            }
            "uuid" => return self.rng.uuid(),
            "email" => {
                return match self.mode {
                    // `email` is RFC 5321's, ASCII (`idn-email` is the other one).
                    Mode::High => "first.last+finch-tag@mail.example.co.uk",
                    _ => "ada.lovelace@example.com",
                }
                .to_owned();
            }
            "uri" | "url" => return "https://example.com/finch/callback?state=1".to_owned(),
            _ => {}
        }
        let min = usize_of(schema, "minLength").unwrap_or(0);
        let max = usize_of(schema, "maxLength");
        let text = match self.mode {
            Mode::Low => String::new(),
            Mode::High => match max {
                Some(max) => UNICODE_TEXT.chars().cycle().take(max).collect(),
                None => UNICODE_TEXT.to_owned(),
            },
            _ => format!("{} {}", at.name.replace('_', " "), self.rng.word()),
        };
        fit(text, min, max)
    }

    fn integer(&mut self, schema: &Value) -> Number {
        let exclusive = |key: &str| schema.get(key) == Some(&Value::Bool(true));
        let minimum = schema
            .get("minimum")
            .and_then(Value::as_i64)
            .map(|min| min + i64::from(exclusive("exclusiveMinimum")));
        let minimum = schema
            .get("exclusiveMinimum")
            .and_then(Value::as_i64)
            .map(|min| min + 1)
            .or(minimum);
        let maximum = schema
            .get("maximum")
            .and_then(Value::as_i64)
            .map(|max| max - i64::from(exclusive("exclusiveMaximum")));
        let maximum = schema
            .get("exclusiveMaximum")
            .and_then(Value::as_i64)
            .map(|max| max - 1)
            .or(maximum);
        // Without a minimum the spec allows a negative integer: the low bound sends one.
        let low = minimum.unwrap_or((-1).min(maximum.unwrap_or(-1)));
        let high = maximum.unwrap_or(i64::from(i32::MAX)).max(low);
        Number::from(match self.mode {
            Mode::Low => low,
            Mode::High => high,
            _ => 7.clamp(low, high),
        })
    }

    fn number(&mut self, schema: &Value) -> Value {
        let exclusive = |key: &str| schema.get(key) == Some(&Value::Bool(true));
        let minimum = schema.get("minimum").and_then(Value::as_f64);
        let maximum = schema.get("maximum").and_then(Value::as_f64);
        let low = match minimum {
            Some(min) if exclusive("exclusiveMinimum") => min + 0.25,
            Some(min) => min,
            None => -1.5,
        };
        let high = match maximum {
            Some(max) if exclusive("exclusiveMaximum") => max - 0.25,
            Some(max) => max,
            None => 1_000_000.5,
        };
        let value = match self.mode {
            Mode::Low => low,
            Mode::High => high,
            _ => 7.5f64.clamp(low, high.max(low)),
        };
        Number::from_f64(value).map_or(Value::Null, Value::Number)
    }
}

/// Adds `part`'s properties, required members and other keys (where `into` has none) to `into`.
fn merge_into(into: &mut Value, part: Value) {
    let Value::Object(part) = part else {
        return;
    };
    let Some(into) = into.as_object_mut() else {
        return;
    };
    for (key, value) in part {
        match (key.as_str(), into.get_mut(&key), value) {
            ("properties", Some(Value::Object(mine)), Value::Object(theirs)) => {
                for (name, schema) in theirs {
                    mine.entry(name).or_insert(schema);
                }
            }
            ("required", Some(Value::Array(mine)), Value::Array(theirs)) => {
                for name in theirs {
                    if !mine.contains(&name) {
                        mine.push(name);
                    }
                }
            }
            (_, Some(_), _) => {}
            (_, None, value) => {
                into.insert(key, value);
            }
        }
    }
}

/// Whether `null` is allowed: `nullable: true` (OpenAPI 3.0), `"null"` among the types, or an
/// untyped enum listing `null`. (A typed enum listing `null` without these does not allow it.)
fn is_nullable(schema: &Value) -> bool {
    let types = types(schema);
    schema.get("nullable") == Some(&Value::Bool(true))
        || types.iter().any(|t| t == "null")
        || (types.is_empty()
            && schema
                .get("enum")
                .and_then(Value::as_array)
                .is_some_and(|values| values.contains(&Value::Null)))
}

/// Whether `schema` is of an object or an array.
fn is_container(schema: &Value) -> bool {
    let types = types(schema);
    types.iter().any(|t| t == "object" || t == "array")
        || (types.is_empty()
            && ["properties", "additionalProperties", "items"]
                .iter()
                .any(|key| schema.get(*key).is_some()))
}

fn types(schema: &Value) -> Vec<String> {
    match schema.get("type") {
        Some(Value::String(single)) => vec![single.clone()],
        Some(Value::Array(several)) => several
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect(),
        _ => Vec::new(),
    }
}

fn usize_of(schema: &Value, key: &str) -> Option<usize> {
    schema
        .get(key)
        .and_then(Value::as_u64)
        .and_then(|n| usize::try_from(n).ok())
}

/// `text` padded (with `x`) or cut to between `min` and `max` characters.
fn fit(text: String, min: usize, max: Option<usize>) -> String {
    let mut text: String = match max {
        Some(max) => text.chars().take(max).collect(),
        None => text,
    };
    while text.chars().count() < min {
        text.push('x');
    }
    text
}

/// A scalar as query or path text.
fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

pub(super) fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Seeded and reproducible: the n-th number is the FNV-1a hash of the seed and n. Variety for
/// free text and unbound ids, not statistics.
pub(super) struct Rng {
    seed: u64,
    drawn: u64,
}

impl Rng {
    pub(super) fn new(seed: u64) -> Rng {
        Rng { seed, drawn: 0 }
    }

    fn next(&mut self) -> u64 {
        self.drawn += 1;
        let hash = fnv1a(&format!("{}:{}", self.seed, self.drawn));
        // FNV's low bits change little between neighbours: fold the high half in.
        hash ^ (hash >> 29)
    }

    fn below(&mut self, count: usize) -> usize {
        usize::try_from(self.next() % u64::try_from(count).unwrap_or(1)).unwrap_or(0)
    }

    fn word(&mut self) -> String {
        const WORDS: [&str; 8] = [
            "alder", "birch", "cedar", "elm", "hazel", "larch", "maple", "rowan",
        ];
        format!("{}-{}", WORDS[self.below(WORDS.len())], self.below(1000))
    }

    /// A version 4 UUID.
    fn uuid(&mut self) -> String {
        let high = self.next();
        let low = self.next();
        format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            high >> 32,
            (high >> 16) & 0xffff,
            high & 0x0fff,
            0x8000 | (low >> 48) & 0x3fff,
            low & 0xffff_ffff_ffff
        )
    }
}
