//! Routing and the checks every request goes through: the version header, the route, the
//! authentication the spec's `security` names for it and, on `/employer/*`, `entity_ids`, the
//! connection's status, its products and the "data sync in progress" switch.

use http::{HeaderMap, Method, StatusCode};

use super::auth::{self, Credentials};
use super::endpoints::{
    self, Call, benefits, documents, jobs, organization, payroll, plans, platform, sandbox,
};
use super::ids::Uuid;
use super::recorded::RecordedRequest;
use super::reply::Reply;
use super::state::{Config, State, Token};
use super::url;

/// The only `Finch-API-Version` there is.
pub(crate) const API_VERSION: &str = "2020-09-17";

/// Every operation of the spec: a route, with the path parameters it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Route<'a> {
    AccessToken,
    ConnectSession,
    ReauthenticateSession,
    Introspect,
    Disconnect,
    DisconnectEntity,
    Providers,
    Forward,
    ListJobs,
    CreateJob,
    Job(&'a str),
    ManualJob(&'a str),
    Company,
    Directory,
    Individual,
    Employment,
    Payments,
    PayStatements,
    PayStatementItems,
    Rules,
    CreateRule,
    UpdateRule(&'a str),
    DeleteRule(&'a str),
    PayGroups,
    PayGroup(&'a str),
    Benefits,
    CreateBenefit,
    RegisterBenefit,
    BenefitsMeta,
    Benefit(&'a str),
    UpdateBenefit(&'a str),
    Enrolled(&'a str),
    IndividualBenefits(&'a str),
    Enroll(&'a str),
    Unenroll(&'a str),
    Documents,
    Document(&'a str),
    LedgerItems,
    Plans,
    Plan(&'a str),
    PlanEnrollments,
    RetrievePlanEnrollments,
    PlanDependents,
    RetrievePlanDependents,
    SandboxConnection,
    SandboxAccount,
    SandboxAccountUpdate,
    SandboxCompany,
    SandboxDirectory,
    SandboxIndividual(&'a str),
    SandboxEmployment(&'a str),
    SandboxPayment,
    SandboxJob,
    SandboxJobConfiguration,
    SandboxJobConfigurationUpdate,
}

/// The `security` of each operation in the spec.
#[derive(Debug, PartialEq, Eq)]
enum Security {
    /// `security: []`; the stand-in also insists that no `Authorization` is sent.
    None,
    Bearer,
    Basic,
    /// `[{}, {bearerAuth}]`: none, or a valid Bearer token.
    OptionalBearer,
}

impl Route<'_> {
    /// The spec's path template.
    pub(crate) fn template(&self) -> &'static str {
        use Route::*;
        match self {
            AccessToken => "/auth/token",
            ConnectSession => "/connect/sessions",
            ReauthenticateSession => "/connect/sessions/reauthenticate",
            Introspect => "/introspect",
            Disconnect => "/disconnect",
            DisconnectEntity => "/disconnect-entity",
            Providers => "/providers",
            Forward => "/forward",
            ListJobs | CreateJob => "/jobs/automated",
            Job(_) => "/jobs/automated/{job_id}",
            ManualJob(_) => "/jobs/manual/{job_id}",
            Company => "/employer/company",
            Directory => "/employer/directory",
            Individual => "/employer/individual",
            Employment => "/employer/employment",
            Payments => "/employer/payment",
            PayStatements => "/employer/pay-statement",
            PayStatementItems => "/employer/pay-statement-item",
            Rules | CreateRule => "/employer/pay-statement-item/rule",
            UpdateRule(_) | DeleteRule(_) => "/employer/pay-statement-item/rule/{rule_id}",
            PayGroups => "/employer/pay-groups",
            PayGroup(_) => "/employer/pay-groups/{pay_group_id}",
            Benefits | CreateBenefit => "/employer/benefits",
            RegisterBenefit => "/employer/benefits/register",
            BenefitsMeta => "/employer/benefits/meta",
            Benefit(_) | UpdateBenefit(_) => "/employer/benefits/{benefit_id}",
            Enrolled(_) => "/employer/benefits/{benefit_id}/enrolled",
            IndividualBenefits(_) | Enroll(_) | Unenroll(_) => {
                "/employer/benefits/{benefit_id}/individuals"
            }
            Documents => "/employer/documents",
            Document(_) => "/employer/documents/{document_id}",
            LedgerItems => "/employer/ledger-items",
            Plans => "/employer/plans",
            Plan(_) => "/employer/plans/{plan_id}",
            PlanEnrollments | RetrievePlanEnrollments => "/employer/plans-enrollments",
            PlanDependents | RetrievePlanDependents => "/employer/plans-dependents",
            SandboxConnection => "/sandbox/connections",
            SandboxAccount | SandboxAccountUpdate => "/sandbox/connections/accounts",
            SandboxCompany => "/sandbox/company",
            SandboxDirectory => "/sandbox/directory",
            SandboxIndividual(_) => "/sandbox/individual/{individual_id}",
            SandboxEmployment(_) => "/sandbox/employment/{individual_id}",
            SandboxPayment => "/sandbox/payment",
            SandboxJob => "/sandbox/jobs",
            SandboxJobConfiguration | SandboxJobConfigurationUpdate => {
                "/sandbox/jobs/configuration"
            }
        }
    }

    /// Whether the route answers errors in the spec's `ErrorResponse` shape (`statusCode`,
    /// `status`, `code`, `name`, `message`): the automated jobs and `POST /disconnect-entity`,
    /// whose documented 400 and 401 have it. Every client error of Finch's usual shape is
    /// answered in it there ([`dispatch`]): the shared checks, and a body it cannot read.
    fn answers_error_response(&self) -> bool {
        matches!(
            self,
            Route::ListJobs | Route::CreateJob | Route::Job(_) | Route::DisconnectEntity
        )
    }

    /// Whether the spec declares the `Finch-API-Version` header (required) for the route. The
    /// sandbox operations and `POST /connect/sessions/reauthenticate` do not: there a request
    /// without it is answered as the one version.
    fn requires_version(&self) -> bool {
        !(self.template().starts_with("/sandbox/") || *self == Route::ReauthenticateSession)
    }

    fn security(&self) -> Security {
        match self {
            Route::AccessToken => Security::None,
            Route::ConnectSession
            | Route::ReauthenticateSession
            | Route::SandboxConnection
            | Route::SandboxAccount => Security::Basic,
            Route::Providers => Security::OptionalBearer,
            _ => Security::Bearer,
        }
    }

    /// `/employer/*` routes: they take `entity_ids` and read the connection's company.
    fn is_employer(&self) -> bool {
        self.template().starts_with("/employer/")
    }

    /// The product a connection needs for the route (`deduction` also grants the benefits
    /// writes).
    fn product(&self) -> Option<&'static str> {
        use Route::*;
        Some(match self {
            Company => "company",
            Directory => "directory",
            Individual => "individual",
            Employment => "employment",
            Payments | PayGroups | PayGroup(_) | LedgerItems => "payment",
            PayStatements | PayStatementItems | Rules | CreateRule | UpdateRule(_)
            | DeleteRule(_) => "pay_statement",
            Benefits
            | CreateBenefit
            | RegisterBenefit
            | BenefitsMeta
            | Benefit(_)
            | UpdateBenefit(_)
            | Enrolled(_)
            | IndividualBenefits(_)
            | Enroll(_)
            | Unenroll(_) => "benefits",
            Documents | Document(_) => "documents",
            Plans | Plan(_) => "plans",
            PlanEnrollments | RetrievePlanEnrollments => "plans_enrollments",
            PlanDependents | RetrievePlanDependents => "plans_dependents",
            _ => return None,
        })
    }

    /// Whether the spec declares a 202 "not ready" reply for the route.
    fn may_be_accepted(&self) -> bool {
        use Route::*;
        matches!(
            self,
            Company
                | Directory
                | Individual
                | Employment
                | Payments
                | PayStatements
                | Benefits
                | CreateBenefit
                | RegisterBenefit
                | Benefit(_)
                | UpdateBenefit(_)
                | Enrolled(_)
                | IndividualBenefits(_)
                | Enroll(_)
                | Unenroll(_)
                | LedgerItems
                | Plans
                | Plan(_)
                | PlanEnrollments
                | RetrievePlanEnrollments
                | PlanDependents
                | RetrievePlanDependents
        )
    }

    /// Whether the route writes benefits (the `deduction` product grants it too).
    fn writes_benefits(&self) -> bool {
        use Route::*;
        matches!(
            self,
            CreateBenefit | RegisterBenefit | UpdateBenefit(_) | Enroll(_) | Unenroll(_)
        )
    }
}

/// The route for a method and decoded path segments; otherwise a 404, or a 405 with `Allow`
/// when the path is served with other methods.
pub(crate) fn resolve<'a>(method: &Method, segments: &'a [String]) -> Result<Route<'a>, Reply> {
    use Route::*;
    let parts: Vec<&str> = segments.iter().map(String::as_str).collect();
    let m = method.as_str();
    let one = |allowed: &'static str, route: Route<'a>| (allowed, (m == allowed).then_some(route));
    let (allow, route): (&'static str, Option<Route<'a>>) = match parts.as_slice() {
        ["auth", "token"] => one("POST", AccessToken),
        ["connect", "sessions"] => one("POST", ConnectSession),
        ["connect", "sessions", "reauthenticate"] => one("POST", ReauthenticateSession),
        ["introspect"] => one("GET", Introspect),
        ["disconnect"] => one("POST", Disconnect),
        ["disconnect-entity"] => one("POST", DisconnectEntity),
        ["providers"] => one("GET", Providers),
        ["forward"] => one("POST", Forward),
        ["jobs", "automated"] => (
            "GET, POST",
            match m {
                "GET" => Some(ListJobs),
                "POST" => Some(CreateJob),
                _ => None,
            },
        ),
        ["jobs", "automated", id] => one("GET", Job(id)),
        ["jobs", "manual", id] => one("GET", ManualJob(id)),
        ["employer", "company"] => one("GET", Company),
        ["employer", "directory"] => one("GET", Directory),
        ["employer", "individual"] => one("POST", Individual),
        ["employer", "employment"] => one("POST", Employment),
        ["employer", "payment"] => one("GET", Payments),
        ["employer", "pay-statement"] => one("POST", PayStatements),
        ["employer", "pay-statement-item"] => one("GET", PayStatementItems),
        ["employer", "pay-statement-item", "rule"] => (
            "GET, POST",
            match m {
                "GET" => Some(Rules),
                "POST" => Some(CreateRule),
                _ => None,
            },
        ),
        ["employer", "pay-statement-item", "rule", id] => (
            "PUT, DELETE",
            match m {
                "PUT" => Some(UpdateRule(id)),
                "DELETE" => Some(DeleteRule(id)),
                _ => None,
            },
        ),
        ["employer", "pay-groups"] => one("GET", PayGroups),
        ["employer", "pay-groups", id] => one("GET", PayGroup(id)),
        ["employer", "benefits"] => (
            "GET, POST",
            match m {
                "GET" => Some(Benefits),
                "POST" => Some(CreateBenefit),
                _ => None,
            },
        ),
        ["employer", "benefits", "register"] => one("POST", RegisterBenefit),
        ["employer", "benefits", "meta"] => one("GET", BenefitsMeta),
        ["employer", "benefits", id] => (
            "GET, POST",
            match m {
                "GET" => Some(Benefit(id)),
                "POST" => Some(UpdateBenefit(id)),
                _ => None,
            },
        ),
        ["employer", "benefits", id, "enrolled"] => one("GET", Enrolled(id)),
        ["employer", "benefits", id, "individuals"] => (
            "GET, POST, DELETE",
            match m {
                "GET" => Some(IndividualBenefits(id)),
                "POST" => Some(Enroll(id)),
                "DELETE" => Some(Unenroll(id)),
                _ => None,
            },
        ),
        ["employer", "documents"] => one("GET", Documents),
        ["employer", "documents", id] => one("GET", Document(id)),
        ["employer", "ledger-items"] => one("POST", LedgerItems),
        ["employer", "plans"] => one("GET", Plans),
        ["employer", "plans", id] => one("GET", Plan(id)),
        ["employer", "plans-enrollments"] => (
            "GET, POST",
            match m {
                "GET" => Some(PlanEnrollments),
                "POST" => Some(RetrievePlanEnrollments),
                _ => None,
            },
        ),
        ["employer", "plans-dependents"] => (
            "GET, POST",
            match m {
                "GET" => Some(PlanDependents),
                "POST" => Some(RetrievePlanDependents),
                _ => None,
            },
        ),
        ["sandbox", "connections"] => one("POST", SandboxConnection),
        ["sandbox", "connections", "accounts"] => (
            "POST, PUT",
            match m {
                "POST" => Some(SandboxAccount),
                "PUT" => Some(SandboxAccountUpdate),
                _ => None,
            },
        ),
        ["sandbox", "company"] => one("PUT", SandboxCompany),
        ["sandbox", "directory"] => one("POST", SandboxDirectory),
        ["sandbox", "individual", id] => one("PUT", SandboxIndividual(id)),
        ["sandbox", "employment", id] => one("PUT", SandboxEmployment(id)),
        ["sandbox", "payment"] => one("POST", SandboxPayment),
        ["sandbox", "jobs"] => one("POST", SandboxJob),
        ["sandbox", "jobs", "configuration"] => (
            "GET, PUT",
            match m {
                "GET" => Some(SandboxJobConfiguration),
                "PUT" => Some(SandboxJobConfigurationUpdate),
                _ => None,
            },
        ),
        _ => return Err(not_served(method, segments)),
    };
    route.ok_or_else(|| {
        Reply::method_not_allowed(
            allow,
            &format!(
                "the Finch stand-in serves only {allow} on /{}, not {method}",
                segments.join("/")
            ),
        )
    })
}

fn not_served(method: &Method, segments: &[String]) -> Reply {
    Reply::not_found(
        "route_not_found",
        &format!(
            "no route for {method} /{} in the Finch stand-in; it serves the 55 operations of the \
             Finch API (see the finch-stand-in documentation)",
            segments.join("/")
        ),
    )
}

/// The `Finch-API-Version` header: required where the spec declares it (`required`, which an
/// unknown route is taken to do), a date wherever it is sent.
fn check_version(headers: &HeaderMap, required: bool) -> Result<(), Reply> {
    match headers
        .get("finch-api-version")
        .map(|value| value.to_str().map(str::trim))
    {
        None if !required => Ok(()),
        None => Err(Reply::bad_request(&format!(
            "missing the Finch-API-Version header, which this operation requires; send `Finch-API-Version: {API_VERSION}`"
        ))),
        // The spec types the header as any date (`format: date`, default the one version
        // Finch has); every date is answered as that version, as a mock of the spec would.
        Some(Ok(date)) if crate::dates::parse(date).is_some() => Ok(()),
        Some(Ok(other)) => Err(Reply::bad_request(&format!(
            "Finch-API-Version must be a date (YYYY-MM-DD), got `{other}`; the current version is `{API_VERSION}`"
        ))),
        Some(Err(_)) => Err(Reply::bad_request(&format!(
            "the Finch-API-Version header is not readable text; send `Finch-API-Version: {API_VERSION}`"
        ))),
    }
}

fn bearer(state: &State, credentials: Credentials) -> Result<Token, Reply> {
    let problem = match credentials {
        Credentials::Bearer(token) => match state.token(&token) {
            Some(found) if state.token_is_valid(&token) => return Ok(found),
            Some(_) => "the access token was revoked: its connection was disconnected \
                        (POST /disconnect)"
                .to_owned(),
            None => "the access token was not issued by this stand-in".to_owned(),
        },
        Credentials::Missing => "missing Authorization header".to_owned(),
        Credentials::Basic { .. } => "got Basic credentials".to_owned(),
        Credentials::Unreadable(why) => why,
    };
    Err(Reply::unauthorized(
        "invalid_token",
        &format!("{problem}; this endpoint expects `Authorization: Bearer <access token>`"),
    ))
}

/// Checks the credentials the route's security asks for; returns the token on Bearer routes.
fn authenticate(
    route: &Route<'_>,
    config: &Config,
    state: &State,
    headers: &HeaderMap,
) -> Result<Option<Token>, Reply> {
    let credentials = auth::credentials(headers);
    match route.security() {
        // The client credentials go in the body; an Authorization header the spec does not ask
        // for is ignored (the official SDKs omit it; the recorded requests show what was sent).
        Security::None => Ok(None),
        Security::Bearer => bearer(state, credentials).map(Some),
        Security::OptionalBearer => match credentials {
            Credentials::Missing => Ok(None),
            credentials => bearer(state, credentials).map(Some),
        },
        Security::Basic => {
            let problem = match credentials {
                Credentials::Basic { id, secret }
                    if id == config.client_id && secret == config.client_secret =>
                {
                    return Ok(None);
                }
                Credentials::Basic { .. } => {
                    "Invalid client: Unable to validate credentials".to_owned()
                }
                Credentials::Missing => "missing Authorization header".to_owned(),
                Credentials::Bearer(_) => "got a Bearer token".to_owned(),
                Credentials::Unreadable(why) => why,
            };
            Err(Reply::unauthorized(
                "invalid_client",
                &format!(
                    "{problem}; this endpoint expects `Authorization: Basic base64(client_id:client_secret)`"
                ),
            ))
        }
    }
}

/// `entity_ids[]=<id>` (the SDKs' bracket form) or `entity_ids=<id>` (the spec's form): at most
/// one, and it must be the connection's entity, still connected.
fn check_entity_ids(
    state: &State,
    connection: usize,
    query: &[(String, String)],
) -> Result<(), Reply> {
    let given: Vec<&str> = query
        .iter()
        .filter(|(name, _)| name == "entity_ids[]" || name == "entity_ids")
        .map(|(_, value)| value.as_str())
        .collect();
    let (Some(company), Some(link)) = (
        state.company_of(connection),
        state.connections.get(connection),
    ) else {
        return Err(endpoints::internal("the token's connection is gone"));
    };
    let entity_id = company.entity_id;
    match given.as_slice() {
        [] | [_] if link.entity_disconnected => Err(Reply::invalid(&format!(
            "entity `{entity_id}` was disconnected from this connection (POST /disconnect-entity)"
        ))),
        [] => Ok(()),
        [one] if Uuid::parse(one) == Some(entity_id) => Ok(()),
        [one] if Uuid::parse(one).is_none() => Err(Reply::invalid(&format!(
            "`entity_ids` takes an entity's UUID, got `{one}`"
        ))),
        // A well-formed id of an entity the token cannot see: not found, as an unknown benefit
        // or plan is (a malformed request stays a 400).
        [one] => Err(Reply::not_found(
            "entity_not_found",
            &format!(
                "entity `{one}` is not an entity of this connection; the only entity is `{entity_id}`"
            ),
        )),
        _ => Err(Reply::invalid(&format!(
            "{} entity_ids given; provide exactly one entity ID per request, a maximum of one is accepted",
            given.len()
        ))),
    }
}

/// Finch's 202 body.
fn accepted(name: &str, finch_code: &str, message: &str) -> Reply {
    Reply::error(StatusCode::ACCEPTED, name, finch_code, message)
}

/// What the connection's status, products and sync switch make of an `/employer/*` request:
/// an error, a 202, or `Ok` to go on.
fn check_connection(state: &mut State, route: &Route<'_>, connection: usize) -> Result<(), Reply> {
    let Some(link) = state.connections.get_mut(connection) else {
        return Err(endpoints::internal("the token's connection is gone"));
    };
    match link.status.as_str() {
        "reauth" => {
            return Err(Reply::error(
                StatusCode::UNAUTHORIZED,
                "authentication_error",
                "reauthenticate_user",
                "Please reauthenticate user",
            ));
        }
        "error_no_account_setup" => {
            return Err(Reply::error(
                StatusCode::UNAUTHORIZED,
                "authentication_error",
                "account_setup_required",
                "The employer needs to finish connecting their employment system",
            ));
        }
        "error_permissions" => {
            return Err(Reply::error(
                StatusCode::FORBIDDEN,
                "error_permissions",
                "insufficient_account_permissions",
                "Finch's account in the employment system lacks the permissions this data needs",
            ));
        }
        "pending" if route.may_be_accepted() => {
            return Err(accepted(
                "authorization_pending",
                "pending",
                "Authorization to this company's data is pending",
            ));
        }
        "processing" if route.may_be_accepted() => {
            return Err(accepted(
                "sync_in_progress",
                "data_sync_in_progress",
                "The data being requested is being fetched. Please check back later.",
            ));
        }
        _ => {}
    }
    if let Some(product) = route.product() {
        let granted =
            link.has_product(product) || (route.writes_benefits() && link.has_product("deduction"));
        if !granted {
            return Err(Reply::error(
                StatusCode::FORBIDDEN,
                "insufficient_scope_error",
                "insufficient_scope",
                &format!(
                    "the connection was not granted the `{product}` product this endpoint needs"
                ),
            ));
        }
    }
    if route.may_be_accepted() && link.syncing > 0 {
        link.syncing -= 1;
        return Err(accepted(
            "sync_in_progress",
            "data_sync_in_progress",
            "The data being requested is being fetched. Please check back later.",
        ));
    }
    Ok(())
}

/// Answers one request: the reply, and the route's path template when a route matched. Never
/// panics, whatever the request holds.
pub(crate) fn dispatch(
    config: &Config,
    state: &mut State,
    request: &RecordedRequest,
) -> (Reply, Option<&'static str>) {
    let segments = url::path_segments(&request.path);
    let route = resolve(&request.method, &segments);
    let required = route.as_ref().map_or(true, Route::requires_version);
    let (reply, route) = match (check_version(&request.headers, required), route) {
        (Err(reply), Err(_)) | (Ok(()), Err(reply)) => return (reply, None),
        (Err(reply), Ok(route)) => (reply, route),
        (Ok(()), Ok(route)) => (answer(config, state, request, route), route),
    };
    // A route that documents its errors in the `ErrorResponse` shape answers all of them in it:
    // the checks every route shares, and a body it cannot read.
    let reply = if route.answers_error_response() && reply.status.is_client_error() {
        reply.into_error_response()
    } else {
        reply
    };
    (reply, Some(route.template()))
}

fn answer(
    config: &Config,
    state: &mut State,
    request: &RecordedRequest,
    route: Route<'_>,
) -> Reply {
    let token = match authenticate(&route, config, state, &request.headers) {
        Ok(token) => token,
        Err(reply) => return reply,
    };
    let query = url::query_pairs(request.query.as_deref().unwrap_or(""));
    if route.is_employer()
        && let Some(token) = token
    {
        if let Err(reply) = check_entity_ids(state, token.connection, &query) {
            return reply;
        }
        if let Err(reply) = check_connection(state, &route, token.connection) {
            return reply;
        }
    }
    let call = Call {
        config,
        query: &query,
        body: &request.body,
        token,
    };
    let call = &call;
    use Route::*;
    match route {
        AccessToken => platform::create_access_token(state, call),
        ConnectSession => platform::create_connect_session(state, call),
        ReauthenticateSession => platform::reauthenticate_connect_session(state, call),
        Introspect => platform::introspect(state, call),
        Disconnect => platform::disconnect(state, call),
        DisconnectEntity => platform::disconnect_entity(state, call),
        Providers => platform::providers(),
        Forward => platform::forward(state, call),
        ListJobs => jobs::list(state, call),
        CreateJob => jobs::create(state, call),
        Job(id) => jobs::retrieve(state, call, id),
        ManualJob(id) => jobs::retrieve_manual(state, call, id),
        Company => organization::retrieve_company(state, call),
        Directory => organization::directory(state, call),
        Individual => organization::individuals(state, call),
        Employment => organization::employments(state, call),
        Payments => payroll::payments(state, call),
        PayStatements => payroll::pay_statements(state, call),
        PayStatementItems => payroll::pay_statement_items(state, call),
        Rules => payroll::list_rules(state, call),
        CreateRule => payroll::create_rule(state, call),
        UpdateRule(id) => payroll::update_rule(state, call, id),
        DeleteRule(id) => payroll::delete_rule(state, call, id),
        PayGroups => payroll::pay_groups(state, call),
        PayGroup(id) => payroll::pay_group(state, call, id),
        Benefits => benefits::list(state, call),
        CreateBenefit => benefits::create(state, call),
        RegisterBenefit => benefits::register(state, call),
        BenefitsMeta => benefits::meta(),
        Benefit(id) => benefits::retrieve(state, call, id),
        UpdateBenefit(id) => benefits::update(state, call, id),
        Enrolled(id) => benefits::enrolled(state, call, id),
        IndividualBenefits(id) => benefits::individual_benefits(state, call, id),
        Enroll(id) => benefits::enroll(state, call, id),
        Unenroll(id) => benefits::unenroll(state, call, id),
        Documents => documents::list(state, call),
        Document(id) => documents::retrieve(state, call, id),
        LedgerItems => payroll::ledger_items(state, call),
        Plans => plans::list(state, call),
        Plan(id) => plans::retrieve(state, call, id),
        PlanEnrollments => plans::list_enrollments(state, call),
        RetrievePlanEnrollments => plans::retrieve_enrollments(state, call),
        PlanDependents => plans::list_dependents(state, call),
        RetrievePlanDependents => plans::retrieve_dependents(state, call),
        SandboxConnection => sandbox::create_connection(state, call),
        SandboxAccount => sandbox::create_account(state, call),
        SandboxAccountUpdate => sandbox::update_account(state, call),
        SandboxCompany => sandbox::update_company(state, call),
        SandboxDirectory => sandbox::create_directory(state, call),
        SandboxIndividual(id) => sandbox::update_individual(state, call, id),
        SandboxEmployment(id) => sandbox::update_employment(state, call, id),
        SandboxPayment => sandbox::create_payment(state, call),
        SandboxJob => jobs::create_sandbox(state, call),
        SandboxJobConfiguration => sandbox::job_configuration(state, call),
        SandboxJobConfigurationUpdate => sandbox::update_job_configuration(state, call),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::tests::company;
    use crate::state::Shared;
    use bytes::Bytes;
    use http::HeaderValue;
    use serde_json::Value;

    fn shared() -> Shared {
        Shared::new(Config::for_tests(), company(20, 1), 1)
    }

    fn request(
        method: Method,
        target: &str,
        headers: &[(&'static str, &str)],
        body: &str,
    ) -> RecordedRequest {
        let (path, query) = match target.split_once('?') {
            Some((path, query)) => (path.to_owned(), Some(query.to_owned())),
            None => (target.to_owned(), None),
        };
        let mut map = HeaderMap::new();
        for (name, value) in headers {
            map.append(*name, HeaderValue::from_str(value).unwrap());
        }
        RecordedRequest {
            method,
            path,
            query,
            headers: map,
            body: Bytes::from(body.to_owned()),
            route: None,
        }
    }

    fn run(shared: &Shared, request: &RecordedRequest) -> (StatusCode, Value) {
        let mut state = shared.lock();
        let (reply, _) = dispatch(&shared.config, &mut state, request);
        (reply.status, serde_json::from_slice(&reply.body).unwrap())
    }

    #[test]
    fn version_is_checked_first() {
        let shared = shared();
        let (status, body) = run(&shared, &request(Method::GET, "/nowhere", &[], ""));
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(
            body["message"]
                .as_str()
                .unwrap()
                .contains("Finch-API-Version")
        );
        // The spec types the version as any date: another date is answered as the one version
        // (here: past the version check, to the missing token); what is no date is a 400.
        let version = |value: &'static str| {
            run(
                &shared,
                &request(
                    Method::GET,
                    "/employer/company",
                    &[("finch-api-version", value)],
                    "",
                ),
            )
        };
        assert_eq!(version("2021-01-01").0, StatusCode::UNAUTHORIZED);
        // Where the spec declares no version header (the sandbox, reauthentication), a request
        // may leave it out; a malformed one is still refused.
        for (method, path) in [
            (Method::GET, "/sandbox/jobs/configuration"),
            (Method::POST, "/sandbox/directory"),
            (Method::POST, "/connect/sessions/reauthenticate"),
        ] {
            let (status, _) = run(&shared, &request(method.clone(), path, &[], ""));
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}");
            let (status, _) = run(
                &shared,
                &request(method, path, &[("finch-api-version", "v1")], ""),
            );
            assert_eq!(status, StatusCode::BAD_REQUEST, "{path}");
        }
        assert_eq!(
            run(&shared, &request(Method::GET, "/employer/company", &[], "")).0,
            StatusCode::BAD_REQUEST
        );
        for bad in ["latest", "2021-13-01", "2020-09-17T00:00:00Z", ""] {
            let (status, body) = version(bad);
            assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}");
            assert!(body["message"].as_str().unwrap().contains("must be a date"));
        }
    }

    /// The automated jobs and `POST /disconnect-entity` document their 400 and 401 in the
    /// `ErrorResponse` shape: the version and auth checks, and a body the route cannot read,
    /// answer in it there, and in Finch's usual error body elsewhere.
    #[test]
    fn shared_checks_answer_in_the_routes_error_shape() {
        let shared = shared();
        let v = ("finch-api-version", API_VERSION);
        for (method, path, headers, status) in [
            (
                Method::GET,
                "/jobs/automated",
                vec![v],
                StatusCode::UNAUTHORIZED,
            ),
            (
                Method::POST,
                "/jobs/automated",
                vec![],
                StatusCode::BAD_REQUEST,
            ),
            (
                Method::GET,
                "/jobs/automated/x",
                vec![v],
                StatusCode::UNAUTHORIZED,
            ),
            (
                Method::POST,
                "/disconnect-entity",
                vec![v],
                StatusCode::UNAUTHORIZED,
            ),
        ] {
            let (got, body) = run(&shared, &request(method.clone(), path, &headers, ""));
            assert_eq!(got, status, "{method} {path}: {body}");
            assert_eq!(
                body["statusCode"],
                status.as_u16(),
                "{method} {path}: {body}"
            );
            assert_eq!(body["status"], status.as_u16());
            assert!(
                body["name"].is_string() && body["message"].is_string(),
                "{body}"
            );
            assert!(body.get("finch_code").is_none(), "{body}");
        }
        let token = shared.lock().issue_token();
        let bearer = format!("Bearer {token}");
        let headers = [v, ("authorization", bearer.as_str())];
        for (path, body) in [
            ("/jobs/automated", r#"{"type": "w4_form_employee_sync"}"#),
            ("/jobs/automated", "{"),
            ("/disconnect-entity", r#"{"entity_ids": "not a list"}"#),
        ] {
            let (status, reply) = run(&shared, &request(Method::POST, path, &headers, body));
            assert_eq!(status, StatusCode::BAD_REQUEST, "{path} {body}: {reply}");
            assert_eq!(reply["statusCode"], 400, "{path} {body}: {reply}");
            assert!(reply.get("finch_code").is_none(), "{reply}");
        }
        // The per-entity 400 keeps the shape the spec gives it.
        let unknown = r#"{"entity_ids": ["3c90c3cc-0d44-4b50-8888-8dd25736052a"]}"#;
        let (status, reply) = run(
            &shared,
            &request(Method::POST, "/disconnect-entity", &headers, unknown),
        );
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert_eq!(reply["errors"][0]["error"], "NOT_FOUND", "{reply}");
        let (status, body) = run(
            &shared,
            &request(Method::GET, "/employer/company", &[v], ""),
        );
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(body["finch_code"], "invalid_token");
        assert!(body.get("statusCode").is_none(), "{body}");
    }

    #[test]
    fn unknown_routes_and_wrong_methods() {
        let shared = shared();
        let v = [("finch-api-version", API_VERSION)];
        let (status, body) = run(
            &shared,
            &request(Method::GET, "/employer/employees", &v, ""),
        );
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(body["name"], "not_found_error");
        let (status, body) = run(&shared, &request(Method::POST, "/employer/company", &v, ""));
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
        assert!(body["message"].as_str().unwrap().contains("only GET"));
        let mut state = shared.lock();
        let (reply, template) = dispatch(
            &shared.config,
            &mut state,
            &request(Method::PUT, "/auth/token", &v, ""),
        );
        assert_eq!(reply.allow, Some("POST"));
        assert_eq!(template, None);
        let (reply, _) = dispatch(
            &shared.config,
            &mut state,
            &request(Method::PATCH, "/employer/benefits/x/individuals", &v, ""),
        );
        assert_eq!(reply.allow, Some("GET, POST, DELETE"));
        let (reply, _) = dispatch(
            &shared.config,
            &mut state,
            &request(Method::GET, "/employer/benefits/register", &v, ""),
        );
        assert_eq!(reply.allow, Some("POST"));
    }

    #[test]
    fn every_route_resolves_to_its_template() {
        let ids = ["x".to_owned()];
        let _ = ids;
        for (method, path, template) in [
            (
                Method::GET,
                "/employer/benefits/meta",
                "/employer/benefits/meta",
            ),
            (
                Method::POST,
                "/employer/benefits/abc",
                "/employer/benefits/{benefit_id}",
            ),
            (
                Method::DELETE,
                "/employer/pay-statement-item/rule/r1",
                "/employer/pay-statement-item/rule/{rule_id}",
            ),
            (
                Method::PUT,
                "/sandbox/connections/accounts",
                "/sandbox/connections/accounts",
            ),
            (Method::GET, "/jobs/manual/j", "/jobs/manual/{job_id}"),
        ] {
            let segments = url::path_segments(path);
            let route = resolve(&method, &segments).unwrap();
            assert_eq!(route.template(), template);
        }
    }

    #[test]
    fn bearer_basic_optional_and_none() {
        let shared = shared();
        let token = shared.lock().issue_token();
        let bearer = format!("Bearer {token}");
        let v = ("finch-api-version", API_VERSION);
        let get = |path: &str, auth: Option<&str>| {
            let mut headers = vec![v];
            if let Some(auth) = auth {
                headers.push(("authorization", auth));
            }
            run(&shared, &request(Method::GET, path, &headers, "")).0
        };
        assert_eq!(get("/employer/company", Some(&bearer)), StatusCode::OK);
        assert_eq!(get("/employer/company", None), StatusCode::UNAUTHORIZED);
        assert_eq!(
            get("/employer/company", Some("Bearer made-up")),
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            get("/employer/company", Some("Basic aWQ6c2VjcmV0")),
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(get("/providers", None), StatusCode::OK);
        assert_eq!(get("/providers", Some(&bearer)), StatusCode::OK);
        assert_eq!(
            get("/providers", Some("Bearer made-up")),
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            get("/providers", Some("Basic aWQ6c2VjcmV0")),
            StatusCode::UNAUTHORIZED
        );

        let session = r#"{"customer_id": "c", "customer_name": "n", "products": ["company"]}"#;
        let connect = |auth: &str| {
            run(
                &shared,
                &request(
                    Method::POST,
                    "/connect/sessions",
                    &[v, ("authorization", auth)],
                    session,
                ),
            )
        };
        // base64("id:secret") = aWQ6c2VjcmV0, base64("id:nope") = aWQ6bm9wZQ==
        assert_eq!(connect("Basic aWQ6c2VjcmV0").0, StatusCode::CREATED);
        let (status, body) = connect("Basic aWQ6bm9wZQ==");
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(body["finch_code"], "invalid_client");
        assert_eq!(connect(&bearer).0, StatusCode::UNAUTHORIZED);

        let token_body = r#"{"client_id": "id", "client_secret": "secret", "code": "c"}"#;
        // The token endpoint asks for no credentials: a header sent anyway changes nothing.
        let exchange = |headers: &[(&'static str, &str)]| {
            run(
                &shared,
                &request(Method::POST, "/auth/token", headers, token_body),
            )
        };
        assert_eq!(exchange(&[v, ("authorization", &bearer)]), exchange(&[v]));

        // Disconnecting revokes the token.
        let (status, _) = run(
            &shared,
            &request(
                Method::POST,
                "/disconnect",
                &[v, ("authorization", &bearer)],
                "",
            ),
        );
        assert_eq!(status, StatusCode::OK);
        let (status, body) = run(
            &shared,
            &request(
                Method::GET,
                "/introspect",
                &[v, ("authorization", &bearer)],
                "",
            ),
        );
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert!(body["message"].as_str().unwrap().contains("revoked"));
    }

    #[test]
    fn entity_ids_in_both_forms() {
        let shared = shared();
        let token = shared.lock().issue_token();
        let entity = shared.lock().company().unwrap().entity_id.to_string();
        let bearer = format!("Bearer {token}");
        let headers = [
            ("finch-api-version", API_VERSION),
            ("authorization", bearer.as_str()),
        ];
        let status = |query: &str| {
            run(
                &shared,
                &request(
                    Method::GET,
                    &format!("/employer/company?{query}"),
                    &headers,
                    "",
                ),
            )
            .0
        };
        assert_eq!(
            status(&format!("entity_ids%5B%5D={entity}")),
            StatusCode::OK
        );
        assert_eq!(status(&format!("entity_ids[]={entity}")), StatusCode::OK);
        assert_eq!(
            status(&format!("entity_ids={}", entity.to_uppercase())),
            StatusCode::OK
        );
        // Another entity's id is not found; what is no id at all is a bad request.
        assert_eq!(
            status("entity_ids[]=550e8400-e29b-41d4-a716-446655440000"),
            StatusCode::NOT_FOUND
        );
        assert_eq!(status("entity_ids[]=acme"), StatusCode::BAD_REQUEST);
        assert_eq!(
            status(&format!("entity_ids[]={entity}&entity_ids[]={entity}")),
            StatusCode::BAD_REQUEST
        );
    }

    #[test]
    fn connection_status_products_and_sync_switch() {
        let mut config = Config::for_tests();
        config.syncing_requests = 2;
        let shared = Shared::new(config, company(10, 1), 1);
        let token = shared.lock().issue_token();
        let bearer = format!("Bearer {token}");
        let headers = [
            ("finch-api-version", API_VERSION),
            ("authorization", bearer.as_str()),
        ];
        let get = |path: &str| run(&shared, &request(Method::GET, path, &headers, ""));
        // Routes without a declared 202 are not held back by the sync.
        assert_eq!(get("/employer/pay-groups").0, StatusCode::OK);
        let (status, body) = get("/employer/company");
        assert_eq!(status, StatusCode::ACCEPTED);
        assert_eq!(body["finch_code"], "data_sync_in_progress");
        assert_eq!(get("/employer/directory").0, StatusCode::ACCEPTED);
        assert_eq!(get("/employer/company").0, StatusCode::OK);

        shared.lock().connections[0].status = "reauth".to_owned();
        let (status, body) = get("/employer/company");
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(body["finch_code"], "reauthenticate_user");
        assert_eq!(get("/introspect").0, StatusCode::OK);
        shared.lock().connections[0].status = "pending".to_owned();
        assert_eq!(get("/employer/company").1["name"], "authorization_pending");
        shared.lock().connections[0].status = "connected".to_owned();
        shared.lock().connections[0].products = vec!["company".to_owned()];
        assert_eq!(get("/employer/company").0, StatusCode::OK);
        let (status, body) = get("/employer/directory");
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(body["name"], "insufficient_scope_error");
    }

    #[test]
    fn encoded_path_segments_are_decoded_before_lookup() {
        let shared = shared();
        let token = shared.lock().issue_token();
        let bearer = format!("Bearer {token}");
        let headers = [
            ("finch-api-version", API_VERSION),
            ("authorization", bearer.as_str()),
        ];
        let (status, body) = run(
            &shared,
            &request(Method::GET, "/employer/benefits/..%2Fx", &headers, ""),
        );
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(body["finch_code"], "benefit_not_found");
        let id = shared.lock().company().unwrap().benefits[1].id.to_string();
        let encoded = id.replace('-', "%2d");
        let (status, body) = run(
            &shared,
            &request(
                Method::GET,
                &format!("/employer/benefits/{encoded}"),
                &headers,
                "",
            ),
        );
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body["benefit_id"], id);
    }
}
