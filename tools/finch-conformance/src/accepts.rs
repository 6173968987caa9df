//! The stand-in against the reference: every request generated from the spec's schemas
//! ([`crate::requests`]) for every operation is answered with a 2xx by `finch-stand-in`.
//!
//! The requests go over raw HTTP/1.1 (no SDK in between), each with the operation's auth (Bearer,
//! Basic with the stand-in's client credentials, or none) and, where the operation declares it
//! (all but the sandbox and `POST /connect/sessions/reauthenticate`), `Finch-API-Version`. Ids,
//! authorization codes and product names are bound to what the stand-in has
//! ([`StandInNames`]); where the stand-in keeps a rule the spec cannot express (its provider's
//! catalog), the generated values avoid it, each case said in [`avoid_semantic_refusals`].
//! Operations that end or change the connection run each request on a stand-in of their own.

use crate::diff::Auth;
use crate::report::write_failures;
use crate::requests::{
    Bindings, Bound, GeneratedRequest, NO_BODY, Site, SpecOperation, operations,
};
use base64::Engine as _;
use finch::AuthScheme;
use finch_stand_in::StandIn;
use serde_json::{Value, json};
use std::fmt;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// The seed of the generated requests and of the stand-in: runs are reproducible.
const SEED: u64 = 0x2020_0917_5eed;
/// The fixture company's size: enough people for distinct ids in every array.
const EMPLOYEES: usize = 30;
/// Rules created for the `DELETE` of a rule (one per variant; the others share one rule).
const SPARE_RULES: usize = 12;
/// How much of a request body a failure line shows.
const SHOWN_BODY: usize = 300;

/// Operations that end or change the connection (or how its jobs end): each of their requests
/// goes to a stand-in of its own, so that they spoil nothing else.
const ISOLATED: &[(&str, &str)] = &[
    ("POST", "/disconnect"),
    ("POST", "/disconnect-entity"),
    ("PUT", "/sandbox/connections/accounts"),
    ("PUT", "/sandbox/jobs/configuration"),
];

/// The operations whose body the spec leaves optional although its schema requires members the
/// operation cannot be carried out without (which code to exchange, which route to forward,
/// which customer, connection, provider, company or entities): sent no body, the stand-in answers
/// a 400 naming the first of them, as Finch does (`POST /auth/token`: OAuth's 401
/// `invalid_client`, since the client is not identified). Every other operation given no body
/// answers with what nothing given means (a batch read: no responses). `POST /auth/token`'s own
/// reference page (`create-access-token.openapi.yaml`) requires its body.
///
/// Each entry: method, path template, the status answered, the member its message names.
///
/// ```
/// let (method, path, status, member) = finch_conformance::CANNOT_GO_ON_WITHOUT[0];
/// assert_eq!((method, path, status, member), ("POST", "/auth/token", 401, "client_id"));
/// ```
pub const CANNOT_GO_ON_WITHOUT: &[(&str, &str, u16, &str)] = &[
    ("POST", "/auth/token", 401, "client_id"),
    ("POST", "/forward", 400, "method"),
    ("POST", "/connect/sessions", 400, "customer_id"),
    (
        "POST",
        "/connect/sessions/reauthenticate",
        400,
        "connection_id",
    ),
    ("POST", "/sandbox/connections", 400, "provider_id"),
    ("POST", "/sandbox/connections/accounts", 400, "company_id"),
    ("POST", "/disconnect-entity", 400, "entity_ids"),
];

/// What [`check_stand_in`] found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct AcceptsReport {
    /// Operations of the reference driven.
    pub operations: usize,
    /// Requests sent (setup requests not counted).
    pub requests: usize,
    /// One line per request not answered with a 2xx (or per setup that failed): method, path,
    /// variant, status, the reply's message and the body sent, cut short.
    pub failures: Vec<String>,
}

impl AcceptsReport {
    /// Whether every request got a 2xx.
    pub fn is_ok(&self) -> bool {
        self.failures.is_empty()
    }
}

impl fmt::Display for AcceptsReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_failures(f, &self.failures)?;
        write!(
            f,
            "{} operations, {} spec-valid requests sent to the stand-in, {} failure(s)",
            self.operations,
            self.requests,
            self.failures.len()
        )
    }
}

/// Starts `finch-stand-in` (on a runtime of its own) and sends it the generated requests of
/// every operation of `spec`; every one must be answered with a 2xx.
pub fn check_stand_in(spec: &Value) -> AcceptsReport {
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            return AcceptsReport {
                failures: vec![format!("no Tokio runtime: {error}")],
                ..AcceptsReport::default()
            };
        }
    };
    runtime.block_on(drive(spec))
}

async fn drive(spec: &Value) -> AcceptsReport {
    let mut report = AcceptsReport::default();
    let mut operations = match operations(spec) {
        Ok(operations) => operations,
        Err(error) => {
            report
                .failures
                .push(format!("cannot read the spec: {error}"));
            return report;
        }
    };
    report.operations = operations.len();
    // Reads first, then writes, the sandbox's last but deletes: a write changes what later
    // requests see, never whether they are valid, but this keeps the reads on the fixture.
    operations.sort_by_key(|operation| {
        (
            operation.method != "GET",
            operation.path.starts_with("/sandbox"),
            operation.method == "DELETE",
        )
    });
    let (isolated, shared): (Vec<_>, Vec<_>) = operations.into_iter().partition(|operation| {
        ISOLATED.contains(&(operation.method.as_str(), operation.path.as_str()))
    });

    match Fixture::start().await {
        Ok(fixture) => {
            for operation in &shared {
                match operation.requests(spec, &fixture.names(spec), SEED) {
                    Ok(requests) => {
                        for request in requests {
                            fixture.check(operation, request, &mut report).await;
                        }
                    }
                    Err(error) => report.failures.push(error.to_string()),
                }
            }
        }
        Err(error) => report.failures.push(format!("setup: {error}")),
    }
    for operation in &isolated {
        // The same seed and setup give every fresh stand-in the same ids, so the variants
        // generated on each are the same; each stand-in receives one of them.
        let mut index = 0;
        loop {
            let fixture = match Fixture::start().await {
                Ok(fixture) => fixture,
                Err(error) => {
                    report.failures.push(format!("setup: {error}"));
                    break;
                }
            };
            let request = match operation.requests(spec, &fixture.names(spec), SEED) {
                Ok(mut requests) if index < requests.len() => requests.swap_remove(index),
                Ok(_) => break,
                Err(error) => {
                    report.failures.push(error.to_string());
                    break;
                }
            };
            fixture.check(operation, request, &mut report).await;
            index += 1;
        }
    }
    report
}

/// A reply: its status and body.
struct Reply {
    status: u16,
    body: Value,
}

/// How a request authenticates.
#[derive(Clone, Copy)]
enum Credentials {
    None,
    Bearer,
    Basic,
}

/// A started stand-in and the ids of what it has.
struct Fixture {
    stand_in: StandIn,
    token: String,
    individuals: Vec<String>,
    payments: Vec<String>,
    document: String,
    plan: String,
    enrollments: Vec<String>,
    dependents: Vec<String>,
    pay_group: String,
    benefit: String,
    automated_job: String,
    manual_job: String,
    rule: String,
    spare_rules: Vec<String>,
    /// The ids of `GET /providers`.
    providers: Vec<String>,
    /// The benefit types the provider supports, and those with a company match.
    benefit_types: Vec<String>,
    match_types: Vec<String>,
}

fn strings(list: &Value, id: &str) -> Vec<String> {
    list.as_array()
        .into_iter()
        .flatten()
        .filter_map(|item| item[id].as_str().map(str::to_owned))
        .collect()
}

fn first(list: &[String], what: &str) -> Result<String, String> {
    list.first().cloned().ok_or_else(|| format!("no {what}"))
}

impl Fixture {
    /// Starts a stand-in (jobs refresh without limit) and finds, or creates, the ids the
    /// requests name, as `tests/tests/stand_in_minimal.rs` does.
    async fn start() -> Result<Fixture, String> {
        let stand_in = StandIn::builder()
            .employees(EMPLOYEES)
            .seed(SEED)
            .job_refreshes(u32::MAX)
            .start()
            .await
            .map_err(|error| format!("cannot start the stand-in: {error}"))?;
        let token = stand_in.issue_access_token();
        let read = async |target: &str| -> Result<Value, String> {
            let reply = send(
                &stand_in,
                &token,
                "GET",
                target,
                Credentials::Bearer,
                true,
                None,
            )
            .await?;
            if reply.status == 200 {
                Ok(reply.body)
            } else {
                Err(format!("GET {target}: {} {}", reply.status, reply.body))
            }
        };
        let individuals = strings(&read("/employer/directory").await?["individuals"], "id");
        let payments = strings(
            &read("/employer/payment?start_date=2025-01-01&end_date=2025-12-31").await?,
            "id",
        );
        let document = first(
            &strings(&read("/employer/documents").await?["documents"], "id"),
            "document",
        )?;
        let plan = first(
            &strings(&read("/employer/plans").await?["plans"], "id"),
            "plan",
        )?;
        let enrollments = strings(
            &read("/employer/plans-enrollments").await?["enrollments"],
            "id",
        );
        let dependents = strings(
            &read("/employer/plans-dependents").await?["dependents"],
            "dependent_id",
        );
        let pay_group = first(
            &strings(&read("/employer/pay-groups").await?, "id"),
            "pay group",
        )?;
        let providers = strings(&read("/providers").await?, "id");
        let meta = read("/employer/benefits/meta").await?;
        let benefit_types = strings(&meta, "type");
        let match_types = meta
            .as_array()
            .into_iter()
            .flatten()
            .filter(|benefit| {
                benefit["company_contribution"]
                    .as_array()
                    .is_some_and(|kinds| kinds.contains(&json!("tiered")))
            })
            .filter_map(|benefit| benefit["type"].as_str().map(str::to_owned))
            .collect();
        let benefit = first(&stand_in.benefit_ids(), "benefit")?;
        let write = async |target: &str, body: Value| -> Result<Value, String> {
            let reply = send(
                &stand_in,
                &token,
                "POST",
                target,
                Credentials::Bearer,
                true,
                Some(&body),
            )
            .await?;
            if reply.status < 300 {
                Ok(reply.body)
            } else {
                Err(format!("POST {target}: {} {}", reply.status, reply.body))
            }
        };
        let automated_job =
            write("/jobs/automated", json!({"type": "data_sync_all"})).await?["job_id"]
                .as_str()
                .map(str::to_owned)
                .ok_or("no automated job id")?;
        let individual = first(&individuals, "individual")?;
        let manual_job = write(
            &format!("/employer/benefits/{benefit}/individuals"),
            json!([{"individual_id": individual}]),
        )
        .await?["job_id"]
            .as_str()
            .map(str::to_owned)
            .ok_or("no manual job id")?;
        let mut rules = Vec::new();
        for _ in 0..=SPARE_RULES {
            let rule = write(
                "/employer/pay-statement-item/rule",
                json!({"conditions": [{"field": "name", "operator": "equals", "value": "Salary"}]}),
            )
            .await?;
            rules.push(rule["id"].as_str().map(str::to_owned).ok_or("no rule id")?);
        }
        let rule = rules.remove(0);
        Ok(Fixture {
            token,
            individuals,
            payments,
            document,
            plan,
            enrollments,
            dependents,
            pay_group,
            benefit,
            automated_job,
            manual_job,
            rule,
            spare_rules: rules,
            providers,
            benefit_types,
            match_types,
            stand_in,
        })
    }

    fn names(&self, spec: &Value) -> StandInNames<'_> {
        let products = spec
            .pointer("/components/schemas/ConnectProducts/enum")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_else(|| vec![json!("directory")]);
        StandInNames {
            fixture: self,
            products,
        }
    }

    /// Sends `request` (with each of the operation's ways to authenticate) and records a
    /// failure unless it gets a 2xx.
    async fn check(
        &self,
        operation: &SpecOperation,
        mut request: GeneratedRequest,
        report: &mut AcceptsReport,
    ) {
        if let Some(body) = &mut request.body {
            avoid_semantic_refusals(&operation.method, &operation.path, body, self);
        }
        let credentials: &[Credentials] = match operation.auth {
            Auth::Scheme(AuthScheme::None) => &[Credentials::None],
            Auth::Scheme(AuthScheme::Basic) => &[Credentials::Basic],
            // Either none or a token: both.
            Auth::Scheme(AuthScheme::OptionalBearer) => &[Credentials::None, Credentials::Bearer],
            _ => &[Credentials::Bearer],
        };
        for credentials in credentials {
            self.send_one(operation, &request, *credentials, report)
                .await;
        }
    }

    async fn send_one(
        &self,
        operation: &SpecOperation,
        request: &GeneratedRequest,
        credentials: Credentials,
        report: &mut AcceptsReport,
    ) {
        report.requests += 1;
        let target = request.target();
        let reply = send(
            &self.stand_in,
            &self.token,
            &operation.method,
            &target,
            credentials,
            operation.declares_header("Finch-API-Version"),
            request.body.as_ref(),
        )
        .await;
        let auth = match credentials {
            Credentials::None => "no auth",
            Credentials::Bearer => "Bearer",
            Credentials::Basic => "Basic",
        };
        let needed = (request.variant == NO_BODY)
            .then(|| {
                CANNOT_GO_ON_WITHOUT
                    .iter()
                    .find(|(m, p, _, _)| *m == operation.method && *p == operation.path)
                    .map(|&(_, _, status, member)| (status, member))
            })
            .flatten();
        let failure = match reply {
            Ok(reply) if (200..300).contains(&reply.status) && needed.is_none() => return,
            // Without the member it cannot do without, the operation answers an error naming it.
            Ok(reply)
                if needed.is_some_and(|(status, member)| {
                    reply.status == status
                        && reply.body["message"]
                            .as_str()
                            .is_some_and(|message| message.contains(member))
                }) =>
            {
                return;
            }
            Ok(reply) => {
                let message = reply.body["message"]
                    .as_str()
                    .map_or_else(|| reply.body.to_string(), str::to_owned);
                format!("{}: {message}", reply.status)
            }
            Err(error) => error,
        };
        let body = request
            .body
            .as_ref()
            .map_or_else(|| "(no body)".to_owned(), Value::to_string);
        let shown: String = body.chars().take(SHOWN_BODY).collect();
        let cut = if shown.len() < body.len() { "..." } else { "" };
        report.failures.push(format!(
            "{} {} [{}, {auth}] {target} -> {failure}; body {shown}{cut}",
            operation.method, operation.path, request.variant
        ));
    }
}

/// The values that must name things the stand-in has, bound by member or parameter name.
struct StandInNames<'a> {
    fixture: &'a Fixture,
    /// The spec's product names.
    products: Vec<Value>,
}

fn values<S: AsRef<str>>(list: &[S]) -> Vec<Value> {
    list.iter().map(|id| json!(id.as_ref())).collect()
}

impl Bindings for StandInNames<'_> {
    fn bind(&self, site: &Site<'_>) -> Option<Bound> {
        let f = self.fixture;
        let one = |id: &str| Some(Bound::Value(json!(id)));
        let is_string = site.schema.get("type") == Some(&json!("string"));
        // A scalar: an array's item, or a member that is not an array.
        let scalar = site.item || site.schema.get("type") != Some(&json!("array"));
        let token = site.path == "/auth/token";
        match (site.name, site.parent) {
            // `GET /employer/benefits/{id}/individuals`: a comma-separated string of ids.
            ("individual_ids", _) if is_string && !site.item => one(&f
                .individuals
                .iter()
                .take(2)
                .cloned()
                .collect::<Vec<_>>()
                .join(",")),
            ("individual_id" | "individual_ids", _) if scalar => {
                Some(Bound::Pool(values(&f.individuals)))
            }
            // `PUT /sandbox/employment/{id}`: the manager is someone of the company.
            ("id", "manager") => Some(Bound::Pool(values(&f.individuals))),
            ("payment_id", _) => Some(Bound::Pool(values(&f.payments))),
            ("benefit_id", _) => one(&f.benefit),
            ("entity_ids" | "entity_id", _) if scalar => one(&f.stand_in.entity_id()),
            ("company_id", _) => one(&f.stand_in.company_id()),
            ("connection_id", _) => one(&f.stand_in.connection_id()),
            // Every provider of `GET /providers`, the fixture's (`gusto`) first.
            ("provider_id", _) | ("provider", "integration") => {
                Some(Bound::Choices(values(&f.providers)))
            }
            ("document_id", _) => one(&f.document),
            // Only the path's: `recordkeeping.plan_id` is the recordkeeper's own identifier.
            ("plan_id", _) if site.location == "path" => one(&f.plan),
            ("enrollment_id", _) => Some(Bound::Pool(values(&f.enrollments))),
            ("dependent_id", _) => Some(Bound::Pool(values(&f.dependents))),
            ("pay_group_id", _) => one(&f.pay_group),
            // A deleted rule is gone: each `DELETE` takes a rule of its own.
            ("rule_id", _) if site.method == "DELETE" => Some(Bound::Pool(values(&f.spare_rules))),
            ("rule_id", _) => one(&f.rule),
            ("job_id", _) if site.path.starts_with("/jobs/manual") => one(&f.manual_job),
            ("job_id", _) => one(&f.automated_job),
            // Free strings in the spec (`POST /sandbox/connections*`): the product names of
            // the spec's `ConnectProducts` (what Connect sessions take).
            ("products", _) if site.item && site.schema.get("enum").is_none() => {
                Some(Bound::Choices(self.products.clone()))
            }
            // A code is redeemed once: a new one for every request.
            ("code", _) if token => one(&f.stand_in.issue_authorization_code()),
            ("client_id", _) if token => one(f.stand_in.client_id()),
            ("client_secret", _) if token => one(f.stand_in.client_secret()),
            // A plain string in the spec, but a URI to any server.
            ("redirect_uri", _) => one("https://example.com/finch/callback"),
            // `/forward`: the spec's description lists the methods and says the route begins
            // with a slash.
            ("method", _) if site.path == "/forward" => Some(Bound::Choices(values(&[
                "GET", "POST", "PUT", "DELETE", "PATCH",
            ]))),
            ("route", _) if site.path == "/forward" => one("/people/search"),
            // Any integer in the spec, but each is a company drawn in memory: none, one, the
            // default, one above 100 (one pay period), and 10,000; not 2^31 people.
            ("employee_size", _) => Some(Bound::Choices(
                [0, 1, 20, 150, 10_000].map(|size| json!(size)).to_vec(),
            )),
            // The provider's catalog (`GET /employer/benefits/meta`) says which types it
            // supports; the others are a 422 as from Finch.
            ("type", "")
                if site.path == "/employer/benefits"
                    || site.path == "/employer/benefits/register" =>
            {
                Some(Bound::Choices(values(&f.benefit_types)))
            }
            _ => None,
        }
    }

    /// `POST /auth/token`: the spec requires only `code`, but the application's credentials
    /// must go somewhere and the operation takes no `Authorization`: in the body, as every SDK
    /// sends them (the separate reference `create-access-token.openapi.yaml` requires them).
    fn always(&self, _method: &str, path: &str, name: &str) -> bool {
        path == "/auth/token" && matches!(name, "client_id" | "client_secret")
    }
}

/// Where the stand-in refuses, as Finch does, what the spec's schema cannot express (its
/// provider's catalog, a rule written only in a description): changes `body` to avoid it.
///
/// - `POST /employer/benefits`: a company match only with a benefit type whose catalog entry
///   (`GET /employer/benefits/meta`) offers one (`tiered`); otherwise a 422. (The type itself
///   is one the catalog lists: see [`StandInNames`].)
/// - `POST /employer/benefits/{benefit_id}/individuals`: a `percent` amount is in basis points
///   (the description's words), so at most 10,000 (100%).
fn avoid_semantic_refusals(method: &str, path: &str, body: &mut Value, fixture: &Fixture) {
    match (method, path) {
        ("POST", "/employer/benefits") => {
            let offers_match = body["type"]
                .as_str()
                .is_some_and(|kind| fixture.match_types.iter().any(|t| t == kind));
            // Dropping the (optional) match rather than changing the type keeps every
            // supported type covered.
            if body["company_contribution"].is_object()
                && !offers_match
                && let Some(members) = body.as_object_mut()
            {
                members.remove("company_contribution");
            }
        }
        ("POST", "/employer/benefits/{benefit_id}/individuals") => {
            for item in body.as_array_mut().into_iter().flatten() {
                for part in ["employee_deduction", "company_contribution"] {
                    // `get_mut`, not indexing: indexing would add the members it looks for.
                    if let Some(contribution) = item
                        .get_mut("configuration")
                        .and_then(|configuration| configuration.get_mut(part))
                        && contribution["type"] == "percent"
                        && contribution["amount"].as_i64().is_some_and(|a| a > 10_000)
                    {
                        contribution["amount"] = json!(10_000);
                    }
                }
            }
        }
        _ => {}
    }
}

/// Sends one request on a fresh connection, with the version header when `version`, and reads
/// the whole reply.
async fn send(
    stand_in: &StandIn,
    token: &str,
    method: &str,
    target: &str,
    credentials: Credentials,
    version: bool,
    body: Option<&Value>,
) -> Result<Reply, String> {
    let address = stand_in.base_url().trim_start_matches("http://");
    let mut stream = TcpStream::connect(address)
        .await
        .map_err(|error| format!("connect: {error}"))?;
    let mut head =
        format!("{method} {target} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n");
    if version {
        head.push_str("Finch-API-Version: 2020-09-17\r\n");
    }
    match credentials {
        Credentials::None => {}
        Credentials::Bearer => head.push_str(&format!("Authorization: Bearer {token}\r\n")),
        Credentials::Basic => {
            let pair = format!("{}:{}", stand_in.client_id(), stand_in.client_secret());
            let encoded = base64::engine::general_purpose::STANDARD.encode(pair);
            head.push_str(&format!("Authorization: Basic {encoded}\r\n"));
        }
    }
    let body = body.map(Value::to_string);
    if let Some(body) = &body {
        head.push_str(&format!(
            "Content-Type: application/json\r\nContent-Length: {}\r\n",
            body.len()
        ));
    }
    head.push_str("\r\n");
    let mut raw = head.into_bytes();
    raw.extend(body.unwrap_or_default().into_bytes());
    stream
        .write_all(&raw)
        .await
        .map_err(|error| format!("write: {error}"))?;
    let mut reply = Vec::new();
    stream
        .read_to_end(&mut reply)
        .await
        .map_err(|error| format!("read: {error}"))?;
    let split = reply
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .ok_or("a reply without headers")?;
    let status = std::str::from_utf8(&reply[..split])
        .ok()
        .and_then(|head| head.split(' ').nth(1))
        .and_then(|status| status.parse().ok())
        .ok_or("a reply without a status")?;
    let body = serde_json::from_slice(&reply[split + 4..]).unwrap_or(Value::Null);
    Ok(Reply { status, body })
}
