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

mod values;

use crate::diff::{Auth, METHODS, Resolver, SpecError};
use serde_json::Value;
use std::fmt;
use values::{At, Generator, OperationState, Rng, fnv1a};

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
    /// The body's examples in the spec, named.
    body_examples: Vec<(String, Value)>,
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
            let body_examples = match operation.get("requestBody") {
                Some(body) => examples(resolver.resolve(body)?),
                None => Vec::new(),
            };
            let security = operation.get("security").or_else(|| spec.get("security"));
            out.push(SpecOperation {
                method: method.to_ascii_uppercase(),
                path: path.clone(),
                auth: resolver.auth(security),
                parameters,
                body,
                body_examples,
            });
        }
    }
    Ok(out)
}

/// The request body's JSON examples, named: `example`, and each of `examples` by its name.
fn examples(body: &Value) -> Vec<(String, Value)> {
    let Some(content) = body.pointer("/content/application~1json") else {
        return Vec::new();
    };
    let single = content
        .get("example")
        .map(|value| ("example".to_owned(), value.clone()));
    let named = content
        .get("examples")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter_map(|(name, example)| Some((name.clone(), example.get("value")?.clone())));
    single.into_iter().chain(named).collect()
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

    /// Whether the operation declares the header parameter `name` (any case).
    pub fn declares_header(&self, name: &str) -> bool {
        self.parameters
            .iter()
            .any(|p| p.location == "header" && p.name.eq_ignore_ascii_case(name))
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
        // The spec's own examples, as clients copy them, with what names things bound.
        for (name, example) in &self.body_examples {
            push(run.example(name, example)?);
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
    /// The minimal request with the body example `example` (named `name` in the spec) instead of
    /// a generated body: the example's values as they are, but for those the bindings bind.
    fn example(&mut self, name: &str, example: &Value) -> Result<GeneratedRequest, GenerateError> {
        let mut request = self.generate(Mode::Minimal, &format!("example: {name}"), false)?;
        let Some((schema, _)) = &self.operation.body else {
            return Ok(request);
        };
        let mut generator = self.generator(Mode::Minimal, &request.variant);
        request.body = Some(generator.bind_example(schema, example, &At::body())?);
        Ok(request)
    }

    fn generator(&mut self, mode: Mode, variant: &str) -> Generator<'_> {
        let operation = self.operation;
        Generator {
            resolver: &self.resolver,
            operation,
            bindings: self.bindings,
            mode,
            rng: Rng::new(self.seed ^ fnv1a(&format!("{} {variant}", operation.label()))),
            state: &mut self.state,
        }
    }

    /// The request of one variant; `brackets`: query arrays as `name[]=`.
    fn generate(
        &mut self,
        mode: Mode,
        variant: &str,
        brackets: bool,
    ) -> Result<GeneratedRequest, GenerateError> {
        let operation = self.operation;
        let mut generator = self.generator(mode, variant);
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
