//! Sandbox writes: they change the company the `/employer/*` reads serve.
//!
//! * `POST /sandbox/connections` (Basic): a new connection with its own fixture company.
//! * `POST /sandbox/connections/accounts` (Basic): a new connection to an existing company.
//! * `PUT /sandbox/connections/accounts`: the caller's connection status.
//! * `PUT /sandbox/company`: replaces the company's profile.
//! * `POST /sandbox/directory`: adds people.
//! * `PUT /sandbox/individual/{id}`, `PUT /sandbox/employment/{id}`: change a person.
//! * `POST /sandbox/payment`: adds a payment and its pay statements.
//! * `GET`/`PUT /sandbox/jobs/configuration`: how sandbox sync jobs end.

use http::StatusCode;
use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::{Call, company, internal, parts};
use crate::catalog;
use crate::connection::{PRODUCTS, STATUSES};
use crate::dates::{self, Day};
use crate::fixture::Company;
use crate::json::{is_absent, parse_array_body_at, parse_body, parse_body_at};
use crate::payroll::{ExplicitStatement, Line, Payment, PaymentKind};
use crate::reply::Reply;
use crate::sandbox;
use crate::state::State;
use crate::wire;

const AUTHENTICATION_TYPES: &[&str] = &["api_token", "assisted", "credential", "oauth"];

/// Companies created with more people than this get one pay period, not a year (as Finch's
/// sandbox does).
const FULL_HISTORY_LIMIT: usize = 100;
const DEFAULT_EMPLOYEE_SIZE: usize = 20;
const MAX_EMPLOYEE_SIZE: usize = 10_000;

fn check_one_of(path: &str, value: &str, allowed: &[&str]) -> Result<(), Reply> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(Reply::invalid(&format!(
            "[body:{path}]: Invalid enum value `{value}`; expected one of {}",
            allowed.join(", ")
        )))
    }
}

fn check_products(products: Option<&Vec<String>>) -> Result<(), Reply> {
    for (position, product) in products.into_iter().flatten().enumerate() {
        check_one_of(&format!("products.{position}"), product, PRODUCTS)?;
    }
    Ok(())
}

/// The provider's authentication type: the one asked for, else the provider's first one the
/// sandbox knows.
fn authentication_type(
    provider: &catalog::ProviderInfo,
    asked: Option<String>,
) -> Result<String, Reply> {
    match asked {
        Some(asked) => {
            check_one_of("authentication_type", &asked, AUTHENTICATION_TYPES)?;
            Ok(asked)
        }
        None => Ok(provider
            .methods
            .iter()
            .find(|method| AUTHENTICATION_TYPES.contains(method))
            .copied()
            .unwrap_or("credential")
            .to_owned()),
    }
}

fn provider(provider_id: &str) -> Result<&'static catalog::ProviderInfo, Reply> {
    catalog::provider_info(provider_id).ok_or_else(|| {
        Reply::invalid(&format!(
            "[body:provider_id]: unknown provider `{provider_id}`; GET /providers lists them"
        ))
    })
}

/// The fields both connection replies share.
fn connection_fields(state: &State, connection: usize) -> Option<Map<String, Value>> {
    let connection = state.connections.get(connection)?;
    let company = state.companies.get(connection.company)?;
    let value = json!({
        "connection_id": connection.id,
        "entity_id": company.entity_id,
        "company_id": company.id,
        "account_id": connection.account_id,
        "provider_id": connection.provider_id,
        "authentication_type": connection.authentication_type,
        "products": connection.products,
    });
    match value {
        Value::Object(fields) => Some(fields),
        _ => None,
    }
}

#[derive(Debug, Deserialize)]
struct NewConnection {
    provider_id: String,
    #[serde(default)]
    authentication_type: Option<String>,
    #[serde(default)]
    products: Option<Vec<String>>,
    #[serde(default)]
    employee_size: Option<i64>,
}

/// `POST /sandbox/connections` (Basic).
pub(crate) fn create_connection(state: &mut State, call: &Call<'_>) -> Reply {
    let request: NewConnection = match parse_body_at(call.body) {
        Ok(request) => request,
        Err(reply) => return reply,
    };
    let provider = match provider(&request.provider_id) {
        Ok(provider) => provider,
        Err(reply) => return reply,
    };
    let authentication_type = match authentication_type(provider, request.authentication_type) {
        Ok(kind) => kind,
        Err(reply) => return reply,
    };
    if let Err(reply) = check_products(request.products.as_ref()) {
        return reply;
    }
    let employees = match request.employee_size {
        None => DEFAULT_EMPLOYEE_SIZE,
        Some(size) => match usize::try_from(size) {
            // The spec sets no bounds; a company of no one is possible, a negative size is not,
            // and more people than the stand-in generates would only exhaust its memory.
            Ok(size) if size <= MAX_EMPLOYEE_SIZE => size,
            _ => {
                return Reply::invalid(&format!(
                    "[body:employee_size]: must be between 0 and {MAX_EMPLOYEE_SIZE}, got {size}"
                ));
            }
        },
    };
    let seed = state.new_seed();
    let mut company = Company::generate(employees, seed, call.config.today);
    if employees > FULL_HISTORY_LIMIT {
        let latest_regular = company
            .payments
            .iter()
            .rposition(|payment| matches!(payment.kind, PaymentKind::Regular));
        if let Some(latest) = latest_regular {
            let kept = company.payments.swap_remove(latest);
            company.payments = vec![kept];
        }
    }
    state.companies.push(company);
    let company = state.companies.len() - 1;
    let connection = state.add_connection(
        call.config,
        company,
        provider.id,
        &authentication_type,
        request.products,
    );
    let token = state.issue_token_for(connection);
    let Some(mut fields) = connection_fields(state, connection) else {
        return internal("the new connection is gone");
    };
    fields.insert("access_token".to_owned(), json!(token));
    fields.insert("token_type".to_owned(), json!("bearer"));
    Reply::json(StatusCode::OK, &fields)
}

#[derive(Debug, Deserialize)]
struct NewAccount {
    company_id: String,
    provider_id: String,
    #[serde(default)]
    authentication_type: Option<String>,
    #[serde(default)]
    products: Option<Vec<String>>,
}

/// `POST /sandbox/connections/accounts` (Basic): another connection to an existing company.
pub(crate) fn create_account(state: &mut State, call: &Call<'_>) -> Reply {
    let request: NewAccount = match parse_body_at(call.body) {
        Ok(request) => request,
        Err(reply) => return reply,
    };
    let provider = match provider(&request.provider_id) {
        Ok(provider) => provider,
        Err(reply) => return reply,
    };
    let authentication_type = match authentication_type(provider, request.authentication_type) {
        Ok(kind) => kind,
        Err(reply) => return reply,
    };
    if let Err(reply) = check_products(request.products.as_ref()) {
        return reply;
    }
    let wanted = crate::ids::Uuid::parse(&request.company_id);
    let Some(company) = state
        .companies
        .iter()
        .position(|company| Some(company.id) == wanted)
    else {
        return Reply::invalid(&format!(
            "[body:company_id]: no sandbox company with id `{}`",
            request.company_id
        ));
    };
    let connection = state.add_connection(
        call.config,
        company,
        provider.id,
        &authentication_type,
        request.products,
    );
    let token = state.issue_token_for(connection);
    let Some(mut fields) = connection_fields(state, connection) else {
        return internal("the new connection is gone");
    };
    fields.insert("access_token".to_owned(), json!(token));
    Reply::json(StatusCode::OK, &fields)
}

#[derive(Debug, Deserialize)]
struct AccountUpdate {
    #[serde(default)]
    connection_status: Option<String>,
}

/// `PUT /sandbox/connections/accounts`: sets the caller's connection status.
pub(crate) fn update_account(state: &mut State, call: &Call<'_>) -> Reply {
    let request: AccountUpdate = match parse_body_at(call.body) {
        Ok(request) => request,
        Err(reply) => return reply,
    };
    if let Some(status) = &request.connection_status
        && let Err(reply) = check_one_of("connection_status", status, STATUSES)
    {
        return reply;
    }
    let connection = match call.connection() {
        Ok(connection) => connection,
        Err(reply) => return reply,
    };
    if let (Some(status), Some(target)) = (
        request.connection_status,
        state.connections.get_mut(connection),
    ) {
        target.status = status;
    }
    match connection_fields(state, connection) {
        Some(fields) => Reply::json(StatusCode::OK, &fields),
        None => internal("the connection is gone"),
    }
}

/// `PUT /sandbox/company`: replaces the company's profile (every member required, nullable).
/// No body (the spec's body is optional) changes nothing and answers the profile as it is.
pub(crate) fn update_company(state: &mut State, call: &Call<'_>) -> Reply {
    if is_absent(call.body) {
        return match company(state, call) {
            Ok(company) => {
                let mut profile = wire::company_value(company);
                if let Some(object) = profile.as_object_mut() {
                    object.remove("id");
                }
                Reply::json(StatusCode::OK, &profile)
            }
            Err(reply) => reply,
        };
    }
    let body: Value = match parse_body(call.body) {
        Ok(body) => body,
        Err(reply) => return reply,
    };
    let fields = match sandbox::check_company(body) {
        Ok(fields) => fields,
        Err(message) => return Reply::invalid(&message),
    };
    let parts = match parts(state, call) {
        Ok(parts) => parts,
        Err(reply) => return reply,
    };
    let reply = Reply::json(StatusCode::OK, &fields);
    parts.company.replaced = Some(fields);
    reply
}

/// `POST /sandbox/directory`: adds people (a JSON array; no body adds no one); they get ids and
/// join the directory.
pub(crate) fn create_directory(state: &mut State, call: &Call<'_>) -> Reply {
    let value: Value = match parse_array_body_at(call.body) {
        Ok(value) => value,
        Err(reply) => return reply,
    };
    let people = match sandbox::check_body(value) {
        Ok(people) => people,
        Err(message) => return Reply::invalid(&message),
    };
    let parts = match parts(state, call) {
        Ok(parts) => parts,
        Err(reply) => return reply,
    };
    let mut created = Vec::with_capacity(people.len());
    for mut fields in people {
        fields.remove("id");
        let id = parts.rng.uuid();
        let mut echoed = Map::with_capacity(fields.len() + 1);
        echoed.insert("id".to_owned(), Value::String(id.to_string()));
        echoed.extend(
            fields
                .iter()
                .map(|(key, value)| (key.clone(), value.clone())),
        );
        created.push(Value::Object(echoed));
        parts.company.add_sandbox_person(id, fields);
    }
    Reply::json(StatusCode::OK, &created)
}

fn individual_not_found(id: &str) -> Reply {
    Reply::not_found(
        "individual_not_found",
        &format!("No individual with id {id} found"),
    )
}

/// The fields `PUT /sandbox/individual/{id}` may set.
const INDIVIDUAL_UPDATE: &[&str] = &[
    "first_name",
    "middle_name",
    "last_name",
    "preferred_name",
    "emails",
    "phone_numbers",
    "gender",
    "ethnicity",
    "marital_status",
    "dob",
    "residence",
    "ssn",
    "encrypted_ssn",
];

/// The fields `PUT /sandbox/employment/{id}` may set.
const EMPLOYMENT_UPDATE: &[&str] = &[
    "first_name",
    "middle_name",
    "last_name",
    "title",
    "manager",
    "department",
    "employment",
    "start_date",
    "end_date",
    "latest_rehire_date",
    "is_active",
    "employment_status",
    "flsa_status",
    "class_code",
    "location",
    "income",
    "income_history",
    "custom_fields",
    "union_code",
    "union_local",
    "highly_compensated_employee",
    "key_employee",
    "source_id",
];

fn update_person(
    state: &mut State,
    call: &Call<'_>,
    id: &str,
    allowed: &[&str],
) -> Result<usize, Reply> {
    let body: Value = parse_body(call.body)?;
    let fields =
        sandbox::check_update(body, allowed).map_err(|message| Reply::invalid(&message))?;
    let parts = parts(state, call)?;
    let position = parts
        .company
        .position(id)
        .ok_or_else(|| individual_not_found(id))?;
    let person = parts
        .company
        .people
        .get_mut(position)
        .ok_or_else(|| individual_not_found(id))?;
    person.fields.extend(fields);
    Ok(position)
}

/// `PUT /sandbox/individual/{id}`: the fields given replace the person's; the reply is the
/// whole individual.
pub(crate) fn update_individual(state: &mut State, call: &Call<'_>, individual_id: &str) -> Reply {
    let position = match update_person(state, call, individual_id, INDIVIDUAL_UPDATE) {
        Ok(position) => position,
        Err(reply) => return reply,
    };
    let company = match company(state, call) {
        Ok(company) => company,
        Err(reply) => return reply,
    };
    match company.people.get(position) {
        Some(person) => {
            let mut value = wire::individual_value(company, person, true);
            if let Value::Object(object) = &mut value {
                let encrypted = person
                    .fields
                    .get("encrypted_ssn")
                    .cloned()
                    .unwrap_or(Value::Null);
                object.insert("encrypted_ssn".to_owned(), encrypted);
            }
            Reply::json(StatusCode::OK, &value)
        }
        None => individual_not_found(individual_id),
    }
}

/// `PUT /sandbox/employment/{id}`: the fields given replace the person's; the reply is the
/// whole employment.
pub(crate) fn update_employment(state: &mut State, call: &Call<'_>, individual_id: &str) -> Reply {
    let position = match update_person(state, call, individual_id, EMPLOYMENT_UPDATE) {
        Ok(position) => position,
        Err(reply) => return reply,
    };
    let company = match company(state, call) {
        Ok(company) => company,
        Err(reply) => return reply,
    };
    match company.people.get(position) {
        Some(person) => Reply::json(
            StatusCode::OK,
            &wire::employment_value(company, position, person),
        ),
        None => individual_not_found(individual_id),
    }
}

// ---------------------------------------------------------------------------------------------
// POST /sandbox/payment

#[derive(Debug, Deserialize)]
struct NewPayment {
    /// None of the payment's members, nor the lists of a statement, may be `null` (the spec
    /// marks none of them nullable).
    #[serde(default, deserialize_with = "crate::json::not_null")]
    start_date: Option<String>,
    #[serde(default, deserialize_with = "crate::json::not_null")]
    end_date: Option<String>,
    #[serde(default, deserialize_with = "crate::json::not_null")]
    pay_statements: Option<Vec<NewStatement>>,
}

#[derive(Debug, Deserialize)]
struct NewStatement {
    individual_id: String,
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    payment_method: Option<String>,
    #[serde(default)]
    total_hours: Option<f64>,
    #[serde(default)]
    gross_pay: Option<i64>,
    #[serde(default)]
    net_pay: Option<i64>,
    #[serde(default, deserialize_with = "crate::json::not_null")]
    earnings: Option<Vec<NewLine>>,
    #[serde(default, deserialize_with = "crate::json::not_null")]
    taxes: Option<Vec<NewLine>>,
    #[serde(default, deserialize_with = "crate::json::not_null")]
    employee_deductions: Option<Vec<NewLine>>,
    #[serde(default, deserialize_with = "crate::json::not_null")]
    employer_contributions: Option<Vec<NewLine>>,
}

#[derive(Debug, Deserialize)]
struct NewLine {
    #[serde(default)]
    amount: Option<i64>,
    #[serde(default)]
    hours: Option<f64>,
    #[serde(default)]
    name: Option<String>,
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    employer: Option<bool>,
    #[serde(default)]
    pre_tax: Option<bool>,
}

const EARNING_TYPES: &[&str] = &[
    "bonus",
    "commission",
    "double_overtime",
    "other",
    "overtime",
    "pto",
    "reimbursement",
    "salary",
    "severance",
    "sick",
    "tips",
    "wage",
    "1099",
];
const TAX_TYPES: &[&str] = &["federal", "fica", "local", "state"];

fn lines(given: Option<Vec<NewLine>>, path: &str, kinds: &[&str]) -> Result<Vec<Line>, Reply> {
    given
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(position, line)| {
            if let Some(kind) = &line.kind {
                check_one_of(&format!("{path}.{position}.type"), kind, kinds)?;
                if line.name.is_none() {
                    return Err(Reply::invalid(&format!(
                        "[body:{path}.{position}.name]: Required when type is specified"
                    )));
                }
            }
            if line.name.as_deref() == Some("") {
                return Err(Reply::invalid(&format!(
                    "[body:{path}.{position}.name]: String must contain at least 1 character(s)"
                )));
            }
            Ok(Line {
                kind: line.kind,
                name: line.name,
                amount: line.amount,
                hours: line.hours,
                employer: line.employer,
                pre_tax: line.pre_tax,
            })
        })
        .collect()
}

fn statement(
    company: &Company,
    position: usize,
    given: NewStatement,
) -> Result<ExplicitStatement, Reply> {
    let path = format!("pay_statements.{position}");
    let Some(person) = company.person(&given.individual_id) else {
        return Err(Reply::not_found(
            "individual_not_found",
            &format!(
                "[body:{path}.individual_id]: no individual with id `{}` in this company",
                given.individual_id
            ),
        ));
    };
    let kind = given.kind.unwrap_or_else(|| "regular_payroll".to_owned());
    check_one_of(
        &format!("{path}.type"),
        &kind,
        &["off_cycle_payroll", "one_time_payment", "regular_payroll"],
    )?;
    let payment_method = given
        .payment_method
        .unwrap_or_else(|| "direct_deposit".to_owned());
    check_one_of(
        &format!("{path}.payment_method"),
        &payment_method,
        &["check", "direct_deposit", "other"],
    )?;
    if given
        .total_hours
        .is_some_and(|hours| hours.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater))
    {
        return Err(Reply::invalid(&format!(
            "[body:{path}.total_hours]: Number must be greater than 0"
        )));
    }
    if given.gross_pay.is_some_and(|gross| gross <= 0) {
        return Err(Reply::invalid(&format!(
            "[body:{path}.gross_pay]: Number must be greater than 0"
        )));
    }
    let earnings = lines(given.earnings, &format!("{path}.earnings"), EARNING_TYPES)?;
    let taxes = lines(given.taxes, &format!("{path}.taxes"), TAX_TYPES)?;
    let deductions = lines(
        given.employee_deductions,
        &format!("{path}.employee_deductions"),
        catalog::BENEFIT_TYPES,
    )?;
    let contributions = lines(
        given.employer_contributions,
        &format!("{path}.employer_contributions"),
        catalog::BENEFIT_TYPES,
    )?;
    let sum = |lines: &[Line]| {
        lines
            .iter()
            .filter_map(|line| line.amount)
            .fold(0_i64, i64::saturating_add)
    };
    let gross = given.gross_pay.unwrap_or_else(|| sum(&earnings));
    let employee_taxes: i64 = taxes
        .iter()
        .filter(|line| line.employer != Some(true))
        .filter_map(|line| line.amount)
        .fold(0_i64, i64::saturating_add);
    let net = given.net_pay.unwrap_or_else(|| {
        gross
            .saturating_sub(employee_taxes)
            .saturating_sub(sum(&deductions))
    });
    Ok(ExplicitStatement {
        individual: person.id,
        kind,
        payment_method,
        total_hours: given.total_hours,
        gross,
        net,
        earnings,
        taxes,
        deductions,
        contributions,
    })
}

fn date(path: &str, text: Option<&str>) -> Result<Option<Day>, Reply> {
    match text {
        None => Ok(None),
        Some(text) => dates::parse(text).map(Some).ok_or_else(|| {
            Reply::invalid(&format!(
                "[body:{path}]: `{text}` is not a date as YYYY-MM-DD"
            ))
        }),
    }
}

/// `POST /sandbox/payment`: a payment for the period (default: the two weeks up to today) with
/// the pay statements given, or, without any, a regular payroll of everyone employed.
pub(crate) fn create_payment(state: &mut State, call: &Call<'_>) -> Reply {
    let request: NewPayment = match parse_body_at(call.body) {
        Ok(request) => request,
        Err(reply) => return reply,
    };
    let (start, end) = match (
        date("start_date", request.start_date.as_deref()),
        date("end_date", request.end_date.as_deref()),
    ) {
        (Ok(start), Ok(end)) => (start, end),
        (Err(reply), _) | (_, Err(reply)) => return reply,
    };
    let end = end.unwrap_or(call.config.today);
    let start = start.unwrap_or(end - 13);
    if start > end {
        return Reply::invalid("[body:start_date]: must not be after `end_date`");
    }
    let parts = match parts(state, call) {
        Ok(parts) => parts,
        Err(reply) => return reply,
    };
    let statements = request.pay_statements.unwrap_or_default();
    let kind = if statements.is_empty() {
        PaymentKind::Regular
    } else {
        let checked: Result<Vec<ExplicitStatement>, Reply> = statements
            .into_iter()
            .enumerate()
            .map(|(position, given)| statement(parts.company, position, given))
            .collect();
        match checked {
            Ok(checked) => PaymentKind::Explicit(checked),
            Err(reply) => return reply,
        }
    };
    let id = parts.rng.uuid();
    let pay_date = end;
    let payments = &mut parts.company.payments;
    let at = payments.partition_point(|payment| payment.pay_date <= pay_date);
    payments.insert(at, Payment::new(id, kind, pay_date, start, end));
    Reply::json(
        StatusCode::OK,
        &json!({ "payment_id": id, "pay_date": dates::format(pay_date) }),
    )
}

// ---------------------------------------------------------------------------------------------
// GET /sandbox/jobs/configuration, PUT /sandbox/jobs/configuration

pub(crate) fn job_configuration(state: &mut State, call: &Call<'_>) -> Reply {
    match parts(state, call) {
        Ok(parts) => Reply::json(
            StatusCode::OK,
            &json!([{ "type": "data_sync_all", "completion_status": parts.connection.job_completion }]),
        ),
        Err(reply) => reply,
    }
}

#[derive(Debug, Deserialize)]
struct JobConfiguration {
    #[serde(rename = "type")]
    kind: String,
    completion_status: String,
}

pub(crate) fn update_job_configuration(state: &mut State, call: &Call<'_>) -> Reply {
    let request: JobConfiguration = match parse_body_at(call.body) {
        Ok(request) => request,
        Err(reply) => return reply,
    };
    if let Err(reply) = check_one_of("type", &request.kind, &["data_sync_all"]).and_then(|()| {
        check_one_of(
            "completion_status",
            &request.completion_status,
            &crate::connection::JOB_COMPLETIONS,
        )
    }) {
        return reply;
    }
    match parts(state, call) {
        Ok(parts) => {
            parts.connection.job_completion = request.completion_status.clone();
            Reply::json(
                StatusCode::OK,
                &json!({ "type": request.kind, "completion_status": request.completion_status }),
            )
        }
        Err(reply) => reply,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoints::tests::{body, call, query, shared};
    use crate::endpoints::{organization, payroll};

    #[test]
    fn sandbox_people_join_the_directory() {
        let shared = shared(2);
        let mut state = shared.lock();
        let config = shared.config.clone();
        let reply = create_directory(
            &mut state,
            &call(
                &config,
                &[],
                br#"[{"first_name": "Ada", "id": "ignored"}, {}]"#,
            ),
        );
        assert_eq!(reply.status, StatusCode::OK);
        let created = body(&reply);
        let id = created[0]["id"].as_str().unwrap().to_owned();
        assert_ne!(id, "ignored");
        assert_eq!(created[0]["first_name"], "Ada");
        assert_eq!(state.company().unwrap().people.len(), 4);
        let page = body(&organization::directory(
            &mut state,
            &call(&config, &query("offset=2"), b""),
        ));
        assert_eq!(page["individuals"][0]["id"], id);
        assert_eq!(page["paging"]["count"], 4);

        let reply = create_directory(&mut state, &call(&config, &[], br#"{"first_name": "Ada"}"#));
        assert_eq!(reply.status, StatusCode::BAD_REQUEST);
        assert_eq!(state.company().unwrap().people.len(), 4);
    }

    #[test]
    fn updates_change_a_person_or_404() {
        let shared = shared(5);
        let mut state = shared.lock();
        let config = shared.config.clone();
        let id = state.company().unwrap().people[2].id.to_string();
        let reply = update_individual(
            &mut state,
            &call(
                &config,
                &[],
                br#"{"preferred_name": "Ace", "ssn": "123-45-6789"}"#,
            ),
            &id,
        );
        assert_eq!(reply.status, StatusCode::OK);
        let person = body(&reply);
        assert_eq!(person["preferred_name"], "Ace");
        assert_eq!(person["ssn"], "123-45-6789");
        assert_eq!(person["id"], id);
        let reply = update_employment(
            &mut state,
            &call(&config, &[], br#"{"title": "Boss", "is_active": false}"#),
            &id,
        );
        assert_eq!(body(&reply)["title"], "Boss");
        let page = body(&organization::directory(
            &mut state,
            &call(&config, &query(""), b""),
        ));
        assert_eq!(page["individuals"][2]["is_active"], false);
        let reply = update_employment(&mut state, &call(&config, &[], b"{}"), "nope");
        assert_eq!(reply.status, StatusCode::NOT_FOUND);
        let reply = update_individual(&mut state, &call(&config, &[], br#"{"gender": "F"}"#), &id);
        assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    }

    #[test]
    fn sandbox_payments_are_listed_with_their_statements() {
        let shared = shared(5);
        let mut state = shared.lock();
        let config = shared.config.clone();
        let id = state.company().unwrap().people[1].id.to_string();
        let request = json!({"start_date": "2026-01-01", "end_date": "2026-01-14", "pay_statements": [{
            "individual_id": id, "gross_pay": 500000, "earnings": [{"type": "salary", "name": "Salary", "amount": 500000, "hours": 80}],
            "taxes": [{"type": "federal", "name": "Federal", "amount": 50000}], "employee_deductions": [{"type": "401k", "name": "401k", "amount": 25000, "pre_tax": true}]}]});
        let reply = create_payment(
            &mut state,
            &call(&config, &[], request.to_string().as_bytes()),
        );
        assert_eq!(reply.status, StatusCode::OK, "{}", body(&reply));
        let created = body(&reply);
        assert_eq!(created["pay_date"], "2026-01-14");
        let q = query("start_date=2026-01-01&end_date=2026-01-31");
        let list = body(&payroll::payments(&mut state, &call(&config, &q, b"")));
        assert_eq!(list[0]["id"], created["payment_id"]);
        assert_eq!(list[0]["net_pay"]["amount"], 425000);
        assert_eq!(list[0]["individual_ids"], json!([id]));
        let statements = json!({"requests": [{"payment_id": created["payment_id"]}]}).to_string();
        let reply = payroll::pay_statements(&mut state, &call(&config, &[], statements.as_bytes()));
        let statement = &body(&reply)["responses"][0]["body"]["pay_statements"][0];
        assert_eq!(
            statement["gross_pay"],
            json!({"amount": 500000, "currency": "usd"})
        );
        assert_eq!(statement["taxes"][0]["employer"], false);

        // Amounts at the spec's maximum add up without overflowing.
        let huge = 9_007_199_254_740_991_i64;
        let line = json!({"type": "bonus", "name": "Bonus", "amount": huge});
        let statement = json!({"individual_id": id, "earnings": vec![line; 2000], "net_pay": -huge,
                               "taxes": [{"type": "fica", "name": "FICA", "amount": -huge, "employer": true}]});
        let request = json!({"pay_statements": vec![statement; 5]}).to_string();
        let reply = create_payment(&mut state, &call(&config, &[], request.as_bytes()));
        assert_eq!(reply.status, StatusCode::OK);
        let payment = body(&reply)["payment_id"].as_str().unwrap().to_owned();
        let ledger = json!({"requests": [{"payment_id": payment}]}).to_string();
        let reply = payroll::ledger_items(&mut state, &call(&config, &[], ledger.as_bytes()));
        assert!(body(&reply)["responses"][0]["body"]["totals"]["debit"]["amount"].is_i64());
        let q = query("start_date=2025-12-31&end_date=2025-12-31");
        assert_eq!(
            payroll::payments(&mut state, &call(&config, &q, b"")).status,
            StatusCode::OK
        );

        // Members the spec does not mark nullable may be left out, not sent as `null`.
        for bad in [
            json!({"start_date": null}),
            json!({"end_date": null}),
            json!({"pay_statements": null}),
            json!({"pay_statements": [{"individual_id": "x", "earnings": null}]}),
        ] {
            let reply = create_payment(&mut state, &call(&config, &[], bad.to_string().as_bytes()));
            assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{bad}");
            assert!(
                body(&reply)["message"].as_str().unwrap().contains("null"),
                "{}",
                body(&reply)
            );
        }
        // Someone who is not in the company is not found.
        let bad = json!({"pay_statements": [{"individual_id": "ghost"}]}).to_string();
        let reply = create_payment(&mut state, &call(&config, &[], bad.as_bytes()));
        assert_eq!(reply.status, StatusCode::NOT_FOUND);
        assert_eq!(body(&reply)["finch_code"], "individual_not_found");
        assert!(
            body(&reply)["message"]
                .as_str()
                .unwrap()
                .starts_with("[body:pay_statements.0.individual_id]")
        );
    }

    #[test]
    fn connections_get_their_own_company() {
        let shared = shared(5);
        let mut state = shared.lock();
        let config = shared.config.clone();
        let reply = create_connection(
            &mut state,
            &call(
                &config,
                &[],
                br#"{"provider_id": "gusto", "employee_size": 7}"#,
            ),
        );
        assert_eq!(reply.status, StatusCode::OK, "{}", body(&reply));
        let created = body(&reply);
        assert_eq!(created["authentication_type"], "oauth");
        assert_eq!(state.companies.len(), 2);
        assert_eq!(state.companies[1].people.len(), 7);
        assert!(state.token_is_valid(created["access_token"].as_str().unwrap()));
        let account =
            json!({"company_id": created["company_id"], "provider_id": "justworks"}).to_string();
        let reply = create_account(&mut state, &call(&config, &[], account.as_bytes()));
        assert_eq!(body(&reply)["company_id"], created["company_id"]);
        assert_eq!(state.connections.len(), 3);
        assert_eq!(state.connections[2].company, 1);
        for bad in [
            r#"{"provider_id": "nope"}"#,
            r#"{"provider_id": "gusto", "employee_size": -1}"#,
            r#"{"provider_id": "gusto", "employee_size": 10001}"#,
            r#"{"provider_id": "gusto", "products": ["x"]}"#,
        ] {
            assert_eq!(
                create_connection(&mut state, &call(&config, &[], bad.as_bytes())).status,
                StatusCode::BAD_REQUEST,
                "{bad}"
            );
        }
        // The spec sets no lower bound: a company of no one.
        let empty = br#"{"provider_id": "gusto", "employee_size": 0}"#;
        let reply = create_connection(&mut state, &call(&config, &[], empty));
        assert_eq!(reply.status, StatusCode::OK, "{}", body(&reply));
        assert!(state.companies.last().unwrap().people.is_empty());
    }
}
