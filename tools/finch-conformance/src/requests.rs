//! Spec-valid requests, generated from a reference's schemas: for each operation, variants of
//! its path and query parameters and its JSON body (minimal, full, full with nulls, enum
//! coverage, low and high bounds, query arrays in brackets). What must name things a server has
//! (ids, authorization codes, product names) comes from the caller's [`Bindings`]; everything
//! else follows from the schema alone, reproducibly from a seed.
//!
//! ```
//! use finch_conformance::requests::{Bindings, Bound, Site, operations};
//! use serde_json::json;
//!
//! struct NoIds;
//! impl Bindings for NoIds {
//!     fn bind(&self, _site: &Site<'_>) -> Option<Bound> {
//!         None
//!     }
//! }
//! let spec = json!({"paths": {"/things": {"post": {"requestBody": {"content": {"application/json": {
//!     "schema": {"type": "object", "required": ["name"], "properties": {
//!         "name": {"type": "string", "maxLength": 3},
//!         "size": {"type": "integer", "maximum": 9},
//!     }}
//! }}}}}}});
//! let operation = &operations(&spec)?[0];
//! let requests = operation.requests(&spec, &NoIds, 7)?;
//! let minimal = &requests[0];
//! assert_eq!(minimal.variant, "minimal");
//! assert!(minimal.body.as_ref().unwrap().get("size").is_none());
//! let high = requests.iter().find(|r| r.variant == "bounds: high").unwrap();
//! assert_eq!(high.body.as_ref().unwrap()["size"], 9);
//! # Ok::<(), finch_conformance::requests::GenerateError>(())
//! ```

use crate::diff::{Auth, METHODS, Resolver, SpecError};
use serde_json::{Map, Number, Value};
use std::collections::{BTreeSet, HashMap};
use std::fmt;

/// How a variant fills a schema.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Mode {
    /// Only required members and parameters, arrays at their `minItems`, and no body at all when
    /// the body requires nothing and is not itself required.
    Minimal,
    /// Every member and parameter, recursively; arrays of two items (within their bounds).
    Full,
    /// As [`Mode::Full`], but every array item has only its required members (recursively).
    SparseItems,
    /// As [`Mode::Full`], with every nullable member `null`.
    Nulls,
    /// As [`Mode::Full`], with every nullable member `null` but objects and arrays, whose
    /// nullable members are `null` in turn.
    NullsInside,
    /// As [`Mode::Full`], each enum (and `oneOf`/`anyOf` branch, and the type of an untyped or
    /// multi-typed value) taking a value the operation's requests have not sent yet.
    Enums,
    /// As [`Mode::Full`] at the low bounds: integers at `minimum` (0 without one), arrays at
    /// `minItems`, free strings at `minLength` (empty when allowed), booleans `false`.
    Low,
    /// As [`Mode::Full`] at the high bounds: integers at `maximum` (2^31 - 1 without one),
    /// arrays at `maxItems` (3 without one; past the third, items are minimal, to keep bodies
    /// of 10,000 items small), free strings of non-ASCII text at `maxLength`.
    High,
}

/// Where a value goes, for [`Bindings::bind`].
#[derive(Clone, Copy, Debug)]
#[non_exhaustive]
pub struct Site<'a> {
    /// The operation's method, upper case.
    pub method: &'a str,
    /// The operation's path template.
    pub path: &'a str,
    /// `path`, `query` or `body`.
    pub location: &'a str,
    /// The member's or parameter's name (for an array item: the array's; `""` for the body).
    pub name: &'a str,
    /// The name of the object holding the member (`""` at the top).
    pub parent: &'a str,
    /// Whether the value is an item of the array `name`.
    pub item: bool,
    /// The value's schema, `$ref`s and `allOf` resolved.
    pub schema: &'a Value,
    /// The variant's mode.
    pub mode: Mode,
}

/// A value chosen by the caller instead of generated.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Bound {
    /// This value.
    Value(Value),
    /// One of these, in turn (the n-th use of a member in an operation takes the n-th, cycling):
    /// ids, so that the items of an array name different things.
    Pool(Vec<Value>),
    /// One of these, as an enum: covered by the enum variants.
    Choices(Vec<Value>),
}

/// What the caller knows that the schema does not: values that must name things the server
/// has, and members a server needs although the schema does not require them.
pub trait Bindings {
    /// A value for `site`, or `None` to generate one from the schema. Path parameters must be
    /// bound.
    fn bind(&self, site: &Site<'_>) -> Option<Bound>;

    /// Whether the optional member `name` of the body of `method path` is sent even in the
    /// minimal variant. Default: no.
    fn always(&self, method: &str, path: &str, name: &str) -> bool {
        let _ = (method, path, name);
        false
    }
}

/// Why requests could not be generated.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum GenerateError {
    /// The document cannot be read.
    Spec(SpecError),
    /// A path parameter has no binding.
    UnboundPathParameter {
        /// `METHOD /path`.
        operation: String,
        /// The parameter.
        parameter: String,
    },
}

impl fmt::Display for GenerateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GenerateError::Spec(error) => error.fmt(f),
            GenerateError::UnboundPathParameter {
                operation,
                parameter,
            } => write!(
                f,
                "{operation}: no binding for the path parameter {parameter}"
            ),
        }
    }
}

impl std::error::Error for GenerateError {}

impl From<SpecError> for GenerateError {
    fn from(error: SpecError) -> Self {
        GenerateError::Spec(error)
    }
}

/// A parameter of an operation.
#[derive(Clone, Debug)]
struct Parameter {
    name: String,
    location: String,
    required: bool,
    schema: Value,
    /// Form style arrays: `name=a&name=b` (explode) or `name=a,b`.
    explode: bool,
}

/// The variant of a request sent without the body the spec marks optional, although the body's
/// schema requires members.
pub const NO_BODY: &str = "no body";

/// An operation of the reference, as the generator reads it.
#[derive(Clone, Debug)]
pub struct SpecOperation {
    /// Upper case.
    pub method: String,
    /// The path template.
    pub path: String,
    /// Its `security`, read as [`crate::check`] reads it.
    pub auth: Auth,
    parameters: Vec<Parameter>,
    /// The `application/json` body's schema, and whether the body is required.
    body: Option<(Value, bool)>,
}

/// One generated request.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct GeneratedRequest {
    /// Which variant: `minimal`, `full`, [`NO_BODY`], `full, sparse items`, `full, nulls`,
    /// `full, nulls inside`, `enums #N`, `bounds: low`, `bounds: high`, `full, brackets`.
    pub variant: String,
    /// The mode it was made in.
    pub mode: Mode,
    /// The path, parameters filled in and percent-encoded.
    pub path: String,
    /// The query's pairs, not encoded, in order.
    pub query: Vec<(String, String)>,
    /// The JSON body; `None`: no body at all.
    pub body: Option<Value>,
}

impl GeneratedRequest {
    /// The request target: path and percent-encoded query.
    pub fn target(&self) -> String {
        if self.query.is_empty() {
            return self.path.clone();
        }
        let query: Vec<String> = self
            .query
            .iter()
            .map(|(name, value)| format!("{}={}", encode(name), encode(value)))
            .collect();
        format!("{}?{}", self.path, query.join("&"))
    }
}

/// Percent-encodes all but the unreserved characters.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Every operation of `spec`, in the document's order.
///
/// # Errors
/// When a `$ref` does not resolve, a parameter has no name or place, or there are no paths.
pub fn operations(spec: &Value) -> Result<Vec<SpecOperation>, SpecError> {
    let resolver = Resolver {
        document: spec,
        name: "reference",
    };
    let paths = spec
        .get("paths")
        .and_then(Value::as_object)
        .ok_or(SpecError::NoPaths {
            document: "reference",
        })?;
    let mut out = Vec::new();
    for (path, item) in paths {
        let item = resolver.resolve(item)?;
        let shared = read_parameters(&resolver, item.get("parameters"), path)?;
        for method in METHODS {
            let Some(operation) = item.get(*method) else {
                continue;
            };
            let label = format!("{} {path}", method.to_ascii_uppercase());
            let mut parameters = shared.clone();
            for own in read_parameters(&resolver, operation.get("parameters"), &label)? {
                // The operation's own parameters override the path's.
                parameters.retain(|p| (&p.name, &p.location) != (&own.name, &own.location));
                parameters.push(own);
            }
            let body = match operation.get("requestBody") {
                Some(body) => {
                    let body = resolver.resolve(body)?;
                    body.pointer("/content/application~1json/schema")
                        .map(|schema| {
                            let required = body.get("required").and_then(Value::as_bool);
                            (schema.clone(), required.unwrap_or(false))
                        })
                }
                None => None,
            };
            let security = operation.get("security").or_else(|| spec.get("security"));
            out.push(SpecOperation {
                method: method.to_ascii_uppercase(),
                path: path.clone(),
                auth: resolver.auth(security),
                parameters,
                body,
            });
        }
    }
    Ok(out)
}

fn read_parameters<'a>(
    resolver: &Resolver<'a>,
    list: Option<&'a Value>,
    label: &str,
) -> Result<Vec<Parameter>, SpecError> {
    let mut out = Vec::new();
    for (name, location, parameter) in resolver.parameter_list(list, label)? {
        let style_form = parameter
            .get("style")
            .and_then(Value::as_str)
            .is_none_or(|style| style == "form");
        out.push(Parameter {
            name: name.to_owned(),
            location: location.to_owned(),
            required: location == "path"
                || parameter
                    .get("required")
                    .and_then(Value::as_bool)
                    .unwrap_or(false),
            schema: parameter.get("schema").cloned().unwrap_or(Value::Null),
            explode: parameter
                .get("explode")
                .and_then(Value::as_bool)
                .unwrap_or(style_form),
        });
    }
    Ok(out)
}

/// The most rounds of enum variants an operation gets (each one sent covers a new value).
const MAX_ENUM_ROUNDS: usize = 64;
/// Rounds in a row without a new value that end the enum variants.
const STALE_ROUNDS: usize = 4;

impl SpecOperation {
    /// `METHOD /path`.
    pub fn label(&self) -> String {
        format!("{} {}", self.method, self.path)
    }

    /// Whether the operation has a query parameter that is an array.
    fn has_query_arrays(&self, resolver: &Resolver<'_>) -> bool {
        self.parameters.iter().any(|p| {
            p.location == "query"
                && resolver
                    .resolve(&p.schema)
                    .is_ok_and(|schema| schema.get("type") == Some(&Value::from("array")))
        })
    }

    /// The operation's requests, one per variant (identical ones once): `minimal`, `full`,
    /// [`NO_BODY`] (the minimal request without the body the spec does not require),
    /// `full, sparse items`, `full, nulls`, `full, nulls inside`, `enums #1`.. (until every enum value, branch and type was sent),
    /// `bounds: low`, `bounds: high`, and, when a query parameter is an array, `full, brackets`
    /// (`name[]=a&name[]=b` instead of the spec's form style). The same `seed` (and the same
    /// bindings) gives the same requests.
    ///
    /// # Errors
    /// When a `$ref` does not resolve or a path parameter is not bound.
    pub fn requests(
        &self,
        spec: &Value,
        bindings: &dyn Bindings,
        seed: u64,
    ) -> Result<Vec<GeneratedRequest>, GenerateError> {
        let mut run = Run {
            operation: self,
            resolver: Resolver {
                document: spec,
                name: "reference",
            },
            bindings,
            seed,
            state: OperationState::default(),
        };
        let mut out: Vec<GeneratedRequest> = Vec::new();
        let mut push = |request: GeneratedRequest| {
            let repeated = out.iter().any(|earlier| {
                (&earlier.path, &earlier.query, &earlier.body)
                    == (&request.path, &request.query, &request.body)
            });
            if !repeated {
                out.push(request);
            }
        };
        let minimal = run.generate(Mode::Minimal, "minimal", false)?;
        // A body the spec does not require may be left out even when its schema requires
        // members (those bind a body that is there): the minimal request without its body.
        let no_body =
            (matches!(self.body, Some((_, false))) && minimal.body.is_some()).then(|| {
                GeneratedRequest {
                    variant: NO_BODY.to_owned(),
                    body: None,
                    ..minimal.clone()
                }
            });
        push(minimal);
        push(run.generate(Mode::Full, "full", false)?);
        if let Some(request) = no_body {
            push(request);
        }
        // These change the full request's shape (items, nulls), not its text: sent only when
        // they do. (A request not sent gives back the ids it took from the pools.)
        let pools = run.state.pools.clone();
        let full = run.generate(Mode::Full, "", false)?;
        run.state.pools = pools;
        for (mode, variant) in [
            (Mode::SparseItems, "full, sparse items"),
            (Mode::Nulls, "full, nulls"),
            (Mode::NullsInside, "full, nulls inside"),
        ] {
            let pools = run.state.pools.clone();
            let request = run.generate(mode, variant, false)?;
            if skeleton(&request) == skeleton(&full) {
                run.state.pools = pools;
            } else {
                push(request);
            }
        }
        // A value can hide behind a choice already covered (an enum inside the second branch of
        // a `oneOf`): covered choices are then taken in turn, and the rounds end only after a
        // few in a row brought nothing new.
        let mut stale = 0;
        let mut sent = 0;
        for _ in 0..MAX_ENUM_ROUNDS {
            run.state.coverage.fresh = false;
            let pools = run.state.pools.clone();
            let request = run.generate(Mode::Enums, &format!("enums #{}", sent + 1), false)?;
            if run.state.coverage.fresh {
                stale = 0;
                sent += 1;
                push(request);
            } else {
                run.state.pools = pools;
                stale += 1;
                if stale == STALE_ROUNDS {
                    break;
                }
            }
        }
        for (mode, variant) in [(Mode::Low, "bounds: low"), (Mode::High, "bounds: high")] {
            push(run.generate(mode, variant, false)?);
        }
        if self.has_query_arrays(&run.resolver) {
            push(run.generate(Mode::Full, "full, brackets", true)?);
        }
        Ok(out)
    }
}

/// One operation's generation: what its variants share.
struct Run<'a> {
    operation: &'a SpecOperation,
    resolver: Resolver<'a>,
    bindings: &'a dyn Bindings,
    seed: u64,
    state: OperationState,
}

impl Run<'_> {
    /// The request of one variant; `brackets`: query arrays as `name[]=`.
    fn generate(
        &mut self,
        mode: Mode,
        variant: &str,
        brackets: bool,
    ) -> Result<GeneratedRequest, GenerateError> {
        let operation = self.operation;
        let mut generator = Generator {
            resolver: &self.resolver,
            operation,
            bindings: self.bindings,
            mode,
            rng: Rng::new(self.seed ^ fnv1a(&format!("{} {variant}", operation.label()))),
            state: &mut self.state,
        };
        let path = generator.path()?;
        let query = generator.query(brackets)?;
        let body = match &operation.body {
            Some((schema, required)) => {
                let schema = generator.normalize(schema)?;
                if mode == Mode::Minimal && !generator.requires_something(&schema)? && !required {
                    None
                } else {
                    Some(generator.value(&schema, &At::body())?)
                }
            }
            None => None,
        };
        Ok(GeneratedRequest {
            variant: variant.to_owned(),
            mode,
            path,
            query,
            body,
        })
    }
}

/// What an operation's variants share: which enum values were sent, and where each id pool is.
#[derive(Default)]
struct OperationState {
    coverage: Coverage,
    pools: HashMap<String, usize>,
}

#[derive(Default)]
struct Coverage {
    /// Per place (member path and what is chosen there), the indices sent.
    seen: HashMap<String, BTreeSet<usize>>,
    /// Whether the current variant sent something new.
    fresh: bool,
    /// Per place whose choices are all covered, how often it was chosen since: they are then
    /// taken in turn.
    turns: HashMap<String, usize>,
}

/// Where in the request a value is: for the bindings and as the coverage key.
#[derive(Clone)]
struct At {
    location: &'static str,
    name: String,
    parent: String,
    item: bool,
    /// The member path, e.g. `body.requests[].type`, with the `oneOf` branches taken.
    key: String,
}

impl At {
    fn body() -> At {
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

struct Generator<'a> {
    resolver: &'a Resolver<'a>,
    operation: &'a SpecOperation,
    bindings: &'a dyn Bindings,
    mode: Mode,
    rng: Rng,
    state: &'a mut OperationState,
}

/// The JSON types an untyped schema allows, for the enum variants to go through.
const ANY_TYPES: [&str; 7] = [
    "string", "integer", "number", "boolean", "object", "array", "null",
];

/// Free text at the high bound: accents, CJK, a symbol and an emoji (4 UTF-8 bytes).
const UNICODE_TEXT: &str = "Zoë Ångström – 日本語のテキスト ✓ 🙂";

impl Generator<'_> {
    fn path(&mut self) -> Result<String, GenerateError> {
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

    fn query(&mut self, brackets: bool) -> Result<Vec<(String, String)>, GenerateError> {
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
    fn normalize(&self, schema: &Value) -> Result<Value, GenerateError> {
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
    fn requires_something(&self, schema: &Value) -> Result<bool, GenerateError> {
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

    fn value(&mut self, schema: &Value, at: &At) -> Result<Value, GenerateError> {
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
        let date = format == "date" || schema.get("title") == Some(&Value::from("Date"));
        if date {
            return match self.mode {
                Mode::Low => "2025-01-01",
                Mode::High => "2025-12-31",
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
        let low = minimum.unwrap_or(0.min(maximum.unwrap_or(0)));
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
            None => 0.0,
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

/// A request's shape: its query's names and its body with every string and number blanked.
fn skeleton(request: &GeneratedRequest) -> (Vec<&str>, Option<Value>) {
    fn blank(value: &Value) -> Value {
        match value {
            Value::String(_) | Value::Number(_) => Value::Bool(false),
            Value::Array(items) => Value::Array(items.iter().map(blank).collect()),
            Value::Object(members) => Value::Object(
                members
                    .iter()
                    .map(|(name, value)| (name.clone(), blank(value)))
                    .collect(),
            ),
            other => other.clone(),
        }
    }
    let names = request
        .query
        .iter()
        .map(|(name, _)| name.as_str())
        .collect();
    (names, request.body.as_ref().map(blank))
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

fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Seeded and reproducible: the n-th number is the FNV-1a hash of the seed and n. Variety for
/// free text and unbound ids, not statistics.
struct Rng {
    seed: u64,
    drawn: u64,
}

impl Rng {
    fn new(seed: u64) -> Rng {
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
