//! Comparing two OpenAPI documents operation by operation: ours (rendered from the declarations)
//! and a reference (Finch's published spec).

use crate::report::write_failures;
use finch::AuthScheme;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Header parameters the check skips, on both sides (compared case-insensitively).
///
/// - `Finch-API-Version` and `Content-Type` are sent by the client on every request (the version
///   always, the content type with every body); the reference declares them on each operation,
///   but they are not per-endpoint fields of a request type.
/// - `Accept`, `Content-Type` and `Authorization` header parameters are ignored by OpenAPI itself
///   ("SHALL be ignored"): content negotiation and `security` describe them.
pub const SKIPPED_HEADERS: &[&str] = &[
    "Finch-API-Version",
    "Content-Type",
    "Accept",
    "Authorization",
];

pub(crate) const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// A document the check cannot read.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SpecError {
    /// It has no `paths` object.
    NoPaths {
        /// `ours` or `reference`.
        document: &'static str,
    },
    /// A `$ref` does not resolve (or refers in a circle).
    UnresolvedRef {
        /// `ours` or `reference`.
        document: &'static str,
        /// The reference.
        reference: String,
    },
    /// A parameter has no `name` or no `in`.
    InvalidParameter {
        /// `ours` or `reference`.
        document: &'static str,
        /// The operation (`GET /employer/company`).
        operation: String,
    },
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpecError::NoPaths { document } => {
                write!(f, "the {document} document has no `paths` object")
            }
            SpecError::UnresolvedRef {
                document,
                reference,
            } => write!(
                f,
                "the {document} document's `$ref` {reference:?} does not resolve"
            ),
            SpecError::InvalidParameter {
                document,
                operation,
            } => write!(
                f,
                "the {document} document has a parameter without `name` or `in` on {operation}"
            ),
        }
    }
}

impl std::error::Error for SpecError {}

/// How an operation authenticates, as its `security` says.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Auth {
    /// One of the schemes finch knows (`[]` → none, `[{bearerAuth}]` → bearer, `[{basicAuth}]` →
    /// basic, `[{}, {bearerAuth}]` → optional bearer).
    Scheme(AuthScheme),
    /// Any other combination, described.
    Other(String),
}

impl fmt::Display for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Auth::Scheme(scheme) => write!(f, "{scheme}"),
            Auth::Other(description) => f.write_str(description),
        }
    }
}

/// One way the two documents differ. `operation` is `METHOD /path` as the reference has it
/// (as ours has it for an extra operation).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Difference {
    /// The reference has an operation ours lacks.
    MissingOperation {
        /// The operation.
        operation: String,
    },
    /// Ours has an operation the reference lacks.
    ExtraOperation {
        /// The operation.
        operation: String,
    },
    /// The same path, another method (an operation of ours and one of the reference that match
    /// nothing else).
    WrongMethod {
        /// The reference's operation.
        operation: String,
        /// Our method.
        ours: String,
    },
    /// The same method, a path that differs in its parameter names or by a few characters.
    WrongPath {
        /// The reference's operation.
        operation: String,
        /// Our path.
        ours: String,
    },
    /// A parameter of the reference that ours lacks.
    MissingParameter {
        /// The operation.
        operation: String,
        /// The parameter's name.
        name: String,
        /// `path`, `query` or `header`.
        location: String,
    },
    /// A parameter of ours that the reference lacks.
    ExtraParameter {
        /// The operation.
        operation: String,
        /// The parameter's name.
        name: String,
        /// `path`, `query` or `header`.
        location: String,
    },
    /// A parameter both have, somewhere else.
    WrongLocation {
        /// The operation.
        operation: String,
        /// The parameter's name.
        name: String,
        /// Where ours has it.
        ours: String,
        /// Where the reference has it.
        reference: String,
    },
    /// A parameter required on one side only.
    WrongRequired {
        /// The operation.
        operation: String,
        /// The parameter's name.
        name: String,
        /// `path`, `query` or `header`.
        location: String,
        /// Whether ours requires it.
        ours: bool,
    },
    /// A request body on one side only.
    WrongBody {
        /// The operation.
        operation: String,
        /// Whether ours has a request body.
        ours: bool,
    },
    /// Another auth scheme.
    WrongAuth {
        /// The operation.
        operation: String,
        /// Ours.
        ours: Auth,
        /// The reference's.
        reference: Auth,
    },
}

impl Difference {
    /// What kind of difference it is, in words (`missing operation`, `wrong auth`).
    ///
    /// ```
    /// let missing = finch_conformance::Difference::MissingOperation { operation: "GET /introspect".into() };
    /// assert_eq!(missing.kind(), "missing operation");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            Difference::MissingOperation { .. } => "missing operation",
            Difference::ExtraOperation { .. } => "extra operation",
            Difference::WrongMethod { .. } => "wrong method",
            Difference::WrongPath { .. } => "wrong path",
            Difference::MissingParameter { .. } => "missing parameter",
            Difference::ExtraParameter { .. } => "extra parameter",
            Difference::WrongLocation { .. } => "wrong parameter location",
            Difference::WrongRequired { .. } => "wrong required flag",
            Difference::WrongBody { .. } => "request body on one side only",
            Difference::WrongAuth { .. } => "wrong auth",
        }
    }
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Difference::MissingOperation { operation } => {
                write!(f, "{operation}: missing (in the reference, not declared)")
            }
            Difference::ExtraOperation { operation } => {
                write!(f, "{operation}: extra (declared, not in the reference)")
            }
            Difference::WrongMethod { operation, ours } => {
                write!(f, "{operation}: wrong method: declared as {ours}")
            }
            Difference::WrongPath { operation, ours } => {
                write!(f, "{operation}: wrong path: declared as {ours}")
            }
            Difference::MissingParameter {
                operation,
                name,
                location,
            } => write!(f, "{operation}: {location} parameter `{name}` is missing"),
            Difference::ExtraParameter {
                operation,
                name,
                location,
            } => write!(
                f,
                "{operation}: {location} parameter `{name}` is extra (not in the reference)"
            ),
            Difference::WrongLocation {
                operation,
                name,
                ours,
                reference,
            } => write!(
                f,
                "{operation}: parameter `{name}` is a {ours} parameter, the reference has it in {reference}"
            ),
            Difference::WrongRequired {
                operation,
                name,
                location,
                ours,
            } => write!(
                f,
                "{operation}: {location} parameter `{name}` is {}, the reference says {}",
                if *ours { "required" } else { "optional" },
                if *ours { "optional" } else { "required" },
            ),
            Difference::WrongBody { operation, ours } => {
                if *ours {
                    write!(
                        f,
                        "{operation}: declared with a request body, the reference has none"
                    )
                } else {
                    write!(
                        f,
                        "{operation}: declared without a request body, the reference has one"
                    )
                }
            }
            Difference::WrongAuth {
                operation,
                ours,
                reference,
            } => write!(
                f,
                "{operation}: auth is {ours}, the reference says {reference}"
            ),
        }
    }
}

/// What [`check`] found.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ConformanceReport {
    /// How many operations ours has.
    pub ours: usize,
    /// How many operations the reference has.
    pub reference: usize,
    /// How many operations were compared (paired, even if by a wrong method or path).
    pub compared: usize,
    /// Every difference, operation by operation.
    pub differences: Vec<Difference>,
}

impl ConformanceReport {
    /// `true` when the documents agree.
    pub fn is_conformant(&self) -> bool {
        self.differences.is_empty()
    }
}

impl fmt::Display for ConformanceReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_failures(f, &self.differences)?;
        write!(
            f,
            "{} declared operation(s), {} in the reference, {} compared, {} difference(s)",
            self.ours,
            self.reference,
            self.compared,
            self.differences.len()
        )?;
        let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
        for difference in &self.differences {
            *kinds.entry(difference.kind()).or_default() += 1;
        }
        if !kinds.is_empty() {
            let kinds: Vec<String> = kinds
                .iter()
                .map(|(kind, count)| format!("{count} {kind}"))
                .collect();
            write!(f, ": {}", kinds.join(", "))?;
        }
        Ok(())
    }
}

/// Compares `ours` with `reference`, two OpenAPI 3.x documents, operation by operation.
///
/// Operations are paired by method and path; what is left is paired by path template (parameter
/// names aside), then by path with another method, then by a path a few characters off, and
/// reported as a wrong path or method; the rest is missing or extra. For each pair it compares:
///
/// - the parameters (name and `in`, and `required`; path parameters are always required), with
///   `$ref`s resolved and path-level parameters merged in (an operation's own override them); the
///   headers in [`SKIPPED_HEADERS`] are skipped;
/// - whether there is a request body;
/// - the auth scheme, from the operation's `security` (or the document's): `[]` → none,
///   `[{bearerAuth}]` → bearer, `[{basicAuth}]` → basic, `[{}, {bearerAuth}]` → optional bearer;
///   schemes are recognised by their `securitySchemes` entry (`http` `bearer`/`basic`).
///
/// Request and response shapes are not compared here: the examples round-trip check does that.
///
/// ```
/// use serde_json::json;
/// let reference = json!({"paths": {"/introspect": {"get": {"security": [{"bearerAuth": []}]}}}});
/// let ours = json!({"paths": {"/introspect": {"post": {"security": [{"bearerAuth": []}]}}}});
/// let report = finch_conformance::check(&ours, &reference)?;
/// assert!(!report.is_conformant());
/// assert_eq!(report.differences[0].to_string(), "GET /introspect: wrong method: declared as POST");
/// # Ok::<(), finch_conformance::SpecError>(())
/// ```
pub fn check(ours: &Value, reference: &Value) -> Result<ConformanceReport, SpecError> {
    let ours_ops = read_operations(ours, "ours")?;
    let reference_ops = read_operations(reference, "reference")?;
    let mut report = ConformanceReport {
        ours: ours_ops.len(),
        reference: reference_ops.len(),
        compared: 0,
        differences: Vec::new(),
    };

    let mut ours_left: Vec<Option<&Op>> = ours_ops.iter().map(Some).collect();
    let mut pairs: Vec<(&Op, &Op)> = Vec::new();
    let mut unpaired_reference: Vec<&Op> = Vec::new();
    // 1. Same method and path.
    for theirs in &reference_ops {
        match take(&mut ours_left, |op| {
            op.method == theirs.method && op.path == theirs.path
        }) {
            Some(op) => pairs.push((op, theirs)),
            None => unpaired_reference.push(theirs),
        }
    }
    // 2. Same method, same template but for the parameter names; 3. same path, another method.
    let same_template = |op: &Op, theirs: &Op| template(&op.path) == template(&theirs.path);
    let stages: [PairRule<'_>; 2] = [
        &|op, theirs| op.method == theirs.method && same_template(op, theirs),
        &same_template,
    ];
    for stage in stages {
        unpaired_reference.retain(
            |theirs| match take(&mut ours_left, |op| stage(op, theirs)) {
                Some(op) => {
                    pairs.push((op, theirs));
                    false
                }
                None => true,
            },
        );
    }
    // 4. Same method, a path a few characters off: the closest pairs first.
    let mut near: Vec<(usize, usize, usize)> = Vec::new();
    for (reference_index, theirs) in unpaired_reference.iter().enumerate() {
        for (ours_index, op) in ours_left.iter().enumerate() {
            if let Some(op) = op.filter(|op| op.method == theirs.method) {
                let distance = edit_distance(&op.path, &theirs.path);
                if distance <= close_enough(&op.path, &theirs.path) {
                    near.push((distance, reference_index, ours_index));
                }
            }
        }
    }
    near.sort_unstable();
    let mut reference_taken = vec![false; unpaired_reference.len()];
    for (_, reference_index, ours_index) in near {
        if reference_taken[reference_index] {
            continue;
        }
        if let Some(op) = ours_left[ours_index].take() {
            reference_taken[reference_index] = true;
            pairs.push((op, unpaired_reference[reference_index]));
        }
    }

    for (index, theirs) in unpaired_reference.iter().enumerate() {
        if !reference_taken[index] {
            report.differences.push(Difference::MissingOperation {
                operation: theirs.label(),
            });
        }
    }
    for op in ours_left.into_iter().flatten() {
        report.differences.push(Difference::ExtraOperation {
            operation: op.label(),
        });
    }
    report.compared = pairs.len();
    for (op, theirs) in pairs {
        compare(op, theirs, &mut report.differences);
    }
    report.differences.sort_by_key(order);
    Ok(report)
}

/// Whether an operation of ours and one of the reference are the same operation.
type PairRule<'a> = &'a dyn Fn(&Op, &Op) -> bool;

/// Reports in the order of the reference's paths, then by kind.
fn order(difference: &Difference) -> (String, u8) {
    let (operation, rank) = match difference {
        Difference::MissingOperation { operation } => (operation, 0),
        Difference::ExtraOperation { operation } => (operation, 1),
        Difference::WrongMethod { operation, .. } => (operation, 2),
        Difference::WrongPath { operation, .. } => (operation, 3),
        Difference::WrongAuth { operation, .. } => (operation, 4),
        Difference::WrongBody { operation, .. } => (operation, 5),
        Difference::MissingParameter { operation, .. } => (operation, 6),
        Difference::ExtraParameter { operation, .. } => (operation, 7),
        Difference::WrongLocation { operation, .. } => (operation, 8),
        Difference::WrongRequired { operation, .. } => (operation, 9),
    };
    // By path, then method.
    let (method, path) = operation.split_once(' ').unwrap_or(("", operation));
    (format!("{path} {method}"), rank)
}

fn compare(ours: &Op, theirs: &Op, differences: &mut Vec<Difference>) {
    let operation = theirs.label();
    if ours.method != theirs.method {
        differences.push(Difference::WrongMethod {
            operation: operation.clone(),
            ours: ours.method.to_ascii_uppercase(),
        });
    }
    if ours.path != theirs.path {
        differences.push(Difference::WrongPath {
            operation: operation.clone(),
            ours: ours.path.clone(),
        });
    }
    if ours.auth != theirs.auth {
        differences.push(Difference::WrongAuth {
            operation: operation.clone(),
            ours: ours.auth.clone(),
            reference: theirs.auth.clone(),
        });
    }
    if ours.body != theirs.body {
        differences.push(Difference::WrongBody {
            operation: operation.clone(),
            ours: ours.body,
        });
    }
    for ((name, location), required) in &theirs.params {
        match ours.params.get(&(name.clone(), location.clone())) {
            Some(ours_required) if ours_required != required => {
                differences.push(Difference::WrongRequired {
                    operation: operation.clone(),
                    name: name.clone(),
                    location: location.clone(),
                    ours: *ours_required,
                });
            }
            Some(_) => {}
            None => match ours.params.keys().find(|(other, _)| other == name) {
                Some((_, elsewhere)) => differences.push(Difference::WrongLocation {
                    operation: operation.clone(),
                    name: name.clone(),
                    ours: elsewhere.clone(),
                    reference: location.clone(),
                }),
                None => differences.push(Difference::MissingParameter {
                    operation: operation.clone(),
                    name: name.clone(),
                    location: location.clone(),
                }),
            },
        }
    }
    for (name, location) in ours.params.keys() {
        let known = theirs.params.keys().any(|(other, _)| other == name);
        if !known {
            differences.push(Difference::ExtraParameter {
                operation: operation.clone(),
                name: name.clone(),
                location: location.clone(),
            });
        }
    }
}

/// The first operation left that `matches`, taken out.
fn take<'a>(left: &mut [Option<&'a Op>], matches: impl Fn(&Op) -> bool) -> Option<&'a Op> {
    left.iter_mut()
        .find(|op| op.is_some_and(&matches))
        .and_then(Option::take)
}

/// The path with every `{name}` replaced by `{}`.
fn template(path: &str) -> String {
    let mut template = String::with_capacity(path.len());
    let mut in_param = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_param = true;
                template.push_str("{}");
            }
            '}' => in_param = false,
            c if !in_param => template.push(c),
            _ => {}
        }
    }
    template
}

/// How many edits two paths may be apart to count as one path written wrong.
fn close_enough(a: &str, b: &str) -> usize {
    (a.len().min(b.len()) / 6).max(2)
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

/// One operation, normalised for comparison.
#[derive(Debug)]
struct Op {
    /// Lower case.
    method: String,
    path: String,
    /// `(name, in)` → required. Header names are lower case.
    params: BTreeMap<(String, String), bool>,
    body: bool,
    auth: Auth,
}

impl Op {
    fn label(&self) -> String {
        format!("{} {}", self.method.to_ascii_uppercase(), self.path)
    }
}

fn read_operations(document: &Value, name: &'static str) -> Result<Vec<Op>, SpecError> {
    let paths = document
        .get("paths")
        .and_then(Value::as_object)
        .ok_or(SpecError::NoPaths { document: name })?;
    let resolver = Resolver { document, name };
    let mut operations = Vec::new();
    for (path, item) in paths {
        let item = resolver.resolve(item)?;
        let shared = resolver.parameters(item.get("parameters"), path)?;
        for method in METHODS {
            let Some(operation) = item.get(*method) else {
                continue;
            };
            let label = format!("{} {path}", method.to_ascii_uppercase());
            let mut params = shared.clone();
            // The operation's own parameters override the path's.
            params.extend(resolver.parameters(operation.get("parameters"), &label)?);
            let body = match operation.get("requestBody") {
                Some(body) => !resolver.resolve(body)?.is_null(),
                None => false,
            };
            let security = operation
                .get("security")
                .or_else(|| document.get("security"));
            operations.push(Op {
                method: (*method).to_owned(),
                path: path.clone(),
                params,
                body,
                auth: resolver.auth(security),
            });
        }
    }
    Ok(operations)
}

/// Reads a document: follows its `$ref`s, reads its parameters and security. (Also used by the
/// request generator, `crate::requests`.)
pub(crate) struct Resolver<'a> {
    pub(crate) document: &'a Value,
    pub(crate) name: &'static str,
}

impl<'a> Resolver<'a> {
    /// Follows `$ref`s (local JSON pointers) to the value they name.
    pub(crate) fn resolve(&self, mut value: &'a Value) -> Result<&'a Value, SpecError> {
        for _ in 0..32 {
            let Some(reference) = value.get("$ref").and_then(Value::as_str) else {
                return Ok(value);
            };
            value = reference
                .strip_prefix('#')
                .and_then(|pointer| self.document.pointer(pointer))
                .ok_or_else(|| self.unresolved(reference))?;
        }
        Err(self.unresolved(
            value
                .get("$ref")
                .and_then(Value::as_str)
                .unwrap_or_default(),
        ))
    }

    fn unresolved(&self, reference: &str) -> SpecError {
        SpecError::UnresolvedRef {
            document: self.name,
            reference: reference.to_owned(),
        }
    }

    /// Each parameter of a `parameters` list (of the operation `label`), resolved, with its
    /// name and place (`in`).
    pub(crate) fn parameter_list(
        &self,
        parameters: Option<&'a Value>,
        label: &str,
    ) -> Result<Vec<(&'a str, &'a str, &'a Value)>, SpecError> {
        let list = match parameters {
            Some(list) => self
                .resolve(list)?
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or_default(),
            None => &[],
        };
        let mut read = Vec::with_capacity(list.len());
        for parameter in list {
            let parameter = self.resolve(parameter)?;
            let (Some(name), Some(location)) = (
                parameter.get("name").and_then(Value::as_str),
                parameter.get("in").and_then(Value::as_str),
            ) else {
                return Err(SpecError::InvalidParameter {
                    document: self.name,
                    operation: label.to_owned(),
                });
            };
            read.push((name, location, parameter));
        }
        Ok(read)
    }

    /// `(name, in)` → required, without the skipped headers.
    fn parameters(
        &self,
        parameters: Option<&'a Value>,
        label: &str,
    ) -> Result<BTreeMap<(String, String), bool>, SpecError> {
        let mut read = BTreeMap::new();
        for (name, location, parameter) in self.parameter_list(parameters, label)? {
            let name = if location == "header" {
                if SKIPPED_HEADERS
                    .iter()
                    .any(|skipped| skipped.eq_ignore_ascii_case(name))
                {
                    continue;
                }
                name.to_ascii_lowercase()
            } else {
                name.to_owned()
            };
            let required = location == "path"
                || parameter
                    .get("required")
                    .and_then(Value::as_bool)
                    .unwrap_or(false);
            read.insert((name, location.to_owned()), required);
        }
        Ok(read)
    }

    /// The auth scheme a `security` list stands for.
    pub(crate) fn auth(&self, security: Option<&Value>) -> Auth {
        let requirements = security
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let mut anonymous = false;
        let mut schemes = BTreeSet::new();
        let mut others = Vec::new();
        for requirement in requirements {
            let names: Vec<&String> = requirement
                .as_object()
                .map(|names| names.keys().collect())
                .unwrap_or_default();
            match names[..] {
                [] => anonymous = true,
                [name] => match self.scheme(name) {
                    Some(scheme) => {
                        schemes.insert(scheme);
                    }
                    None => others.push(name.clone()),
                },
                _ => others.push(
                    names
                        .iter()
                        .map(|name| name.as_str())
                        .collect::<Vec<_>>()
                        .join(" and "),
                ),
            }
        }
        let schemes: Vec<&str> = schemes.into_iter().collect();
        match (anonymous, &schemes[..], others.is_empty()) {
            (_, [], true) => Auth::Scheme(AuthScheme::None),
            (false, ["bearer"], true) => Auth::Scheme(AuthScheme::Bearer),
            (false, ["basic"], true) => Auth::Scheme(AuthScheme::Basic),
            (true, ["bearer"], true) => Auth::Scheme(AuthScheme::OptionalBearer),
            _ => {
                let mut described: Vec<String> =
                    schemes.iter().map(|scheme| (*scheme).to_owned()).collect();
                described.extend(others);
                if anonymous {
                    described.push("none".to_owned());
                }
                Auth::Other(described.join(" or "))
            }
        }
    }

    /// `bearer` or `basic` for a security scheme of that kind, by its `securitySchemes` entry
    /// (or, when it has none, its conventional name).
    fn scheme(&self, name: &str) -> Option<&'static str> {
        let declared = self
            .document
            .pointer("/components/securitySchemes")
            .and_then(|schemes| schemes.get(name))
            .and_then(|scheme| self.resolve(scheme).ok());
        match declared {
            Some(scheme) => {
                let http = scheme.get("type").and_then(Value::as_str) == Some("http");
                match scheme.get("scheme").and_then(Value::as_str) {
                    Some(kind) if http && kind.eq_ignore_ascii_case("bearer") => Some("bearer"),
                    Some(kind) if http && kind.eq_ignore_ascii_case("basic") => Some("basic"),
                    _ => None,
                }
            }
            None => match name {
                "bearerAuth" => Some("bearer"),
                "basicAuth" => Some("basic"),
                _ => None,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_and_distances() {
        assert_eq!(template("/a/{benefit_id}/b/{x}"), "/a/{}/b/{}");
        assert_eq!(edit_distance("/employer/payment", "/employer/payments"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert!(edit_distance("/employer/plans-enrollments", "/employer/plans-dependents") > 2);
    }
}
