//! Company benefits (deductions and contributions) and enrolments: `/employer/benefits*`.
//! Writes change the company at once and record a completed manual job
//! (`GET /jobs/manual/{job_id}`) that says what happened to each item.

use http::StatusCode;
use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::{Call, company, parts, values};
use crate::catalog::{self, BENEFIT_FREQUENCIES, BENEFIT_TYPES};
use crate::connection::ManualJob;
use crate::enrollments::{Benefit, Contribution, Enrollment, EnrollmentFields};
use crate::fixture::Company;
use crate::ids::Uuid;
use crate::json::{parse_array_body_at, parse_body, parse_body_at};
use crate::reply::Reply;
use crate::state::{Parts, State};
use crate::wire::BatchError;

fn benefit_not_found() -> Reply {
    Reply::not_found("benefit_not_found", "Benefit not found")
}

fn tiers_value(tiers: &[(i64, i64)]) -> Value {
    Value::Array(
        tiers
            .iter()
            .map(|&(rate, threshold)| json!({ "match": rate, "threshold": threshold }))
            .collect(),
    )
}

/// `CompanyBenefit`.
fn benefit_value(benefit: &Benefit) -> Value {
    let mut object = Map::new();
    object.insert("benefit_id".to_owned(), json!(benefit.id));
    object.insert("type".to_owned(), json!(benefit.kind));
    object.insert("description".to_owned(), json!(benefit.description));
    object.insert("frequency".to_owned(), json!(benefit.frequency));
    object.insert(
        "company_contribution".to_owned(),
        match &benefit.company_match {
            Some(tiers) => json!({ "type": "match", "tiers": tiers_value(tiers) }),
            None => Value::Null,
        },
    );
    Value::Object(object)
}

pub(crate) fn list(state: &mut State, call: &Call<'_>) -> Reply {
    match company(state, call) {
        Ok(company) => {
            let list: Vec<Value> = company.benefits.iter().map(benefit_value).collect();
            Reply::json(StatusCode::OK, &list)
        }
        Err(reply) => reply,
    }
}

pub(crate) fn retrieve(state: &mut State, call: &Call<'_>, benefit_id: &str) -> Reply {
    match company(state, call) {
        Ok(company) => match company.benefit(benefit_id) {
            Some(benefit) => Reply::json(StatusCode::OK, &benefit_value(benefit)),
            None => benefit_not_found(),
        },
        Err(reply) => reply,
    }
}

pub(crate) fn meta() -> Reply {
    let list: Vec<Value> = catalog::SUPPORTED_BENEFITS
        .iter()
        .map(|benefit| {
            let mut object = Map::new();
            object.insert("type".to_owned(), json!(benefit.kind));
            object.insert("description".to_owned(), json!(benefit.description));
            object.insert("frequencies".to_owned(), json!(benefit.frequencies));
            object.insert(
                "employee_deduction".to_owned(),
                json!(benefit.employee_deduction),
            );
            object.insert(
                "company_contribution".to_owned(),
                json!(benefit.company_contribution),
            );
            object.insert("annual_maximum".to_owned(), json!(benefit.annual_maximum));
            object.insert("catch_up".to_owned(), json!(benefit.catch_up));
            if benefit.hsa_limit {
                object.insert(
                    "hsa_contribution_limit".to_owned(),
                    json!(["individual", "family"]),
                );
            }
            Value::Object(object)
        })
        .collect();
    Reply::json(StatusCode::OK, &list)
}

pub(crate) fn enrolled(state: &mut State, call: &Call<'_>, benefit_id: &str) -> Reply {
    match company(state, call) {
        Ok(company) => match company.benefit(benefit_id) {
            Some(benefit) => Reply::json(
                StatusCode::OK,
                &json!({ "benefit_id": benefit.id, "individual_ids": benefit.enrolled_ids() }),
            ),
            None => benefit_not_found(),
        },
        Err(reply) => reply,
    }
}

/// Records a finished manual job on the caller's connection; returns its id.
fn record_job(parts: &mut Parts<'_>, body: Vec<Value>) -> Uuid {
    let id = parts.rng.uuid();
    let failed = !body.is_empty()
        && body
            .iter()
            .all(|item| item.get("status").and_then(Value::as_str) == Some("error"));
    parts.connection.manual_jobs.push(ManualJob {
        id,
        status: if failed { "error" } else { "complete" },
        body,
    });
    id
}

// ---------------------------------------------------------------------------------------------
// POST /employer/benefits, POST /employer/benefits/register, POST /employer/benefits/{id}

#[derive(Debug, Default, Deserialize)]
struct BenefitFields {
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    frequency: Option<String>,
    #[serde(default)]
    company_contribution: Option<MatchFields>,
}

#[derive(Debug, Deserialize)]
struct MatchFields {
    #[serde(rename = "type")]
    kind: String,
    tiers: Vec<TierFields>,
}

#[derive(Debug, Deserialize)]
struct TierFields {
    #[serde(rename = "match")]
    rate: i64,
    threshold: i64,
}

fn unsupported(message: &str) -> Reply {
    Reply::error(
        StatusCode::UNPROCESSABLE_ENTITY,
        "unprocessable_request_error",
        "unsupported_paramters",
        message,
    )
}

/// Checks a new benefit's fields; returns its match tiers.
fn check_new(fields: &BenefitFields) -> Result<Option<Vec<(i64, i64)>>, Reply> {
    if let Some(kind) = &fields.kind {
        if !BENEFIT_TYPES.contains(&kind.as_str()) {
            return Err(Reply::invalid(&format!(
                "[body:type]: Invalid enum value `{kind}`; expected one of {}",
                BENEFIT_TYPES.join(", ")
            )));
        }
        if catalog::supported_benefit(kind).is_none() {
            return Err(unsupported(&format!(
                "Provider does not support benefit type '{kind}'"
            )));
        }
    }
    if let Some(frequency) = &fields.frequency
        && !BENEFIT_FREQUENCIES.contains(&frequency.as_str())
    {
        return Err(Reply::invalid(&format!(
            "[body:frequency]: Invalid enum value `{frequency}`; expected one of {}",
            BENEFIT_FREQUENCIES.join(", ")
        )));
    }
    let Some(contribution) = &fields.company_contribution else {
        return Ok(None);
    };
    if contribution.kind != "match" {
        return Err(Reply::invalid(&format!(
            "[body:company_contribution.type]: expected `match`, got `{}`",
            contribution.kind
        )));
    }
    if !(1..=3).contains(&contribution.tiers.len()) {
        return Err(Reply::invalid(
            "[body:company_contribution.tiers]: between 1 and 3 tiers are required",
        ));
    }
    for (position, tier) in contribution.tiers.iter().enumerate() {
        if !(1..=10_000).contains(&tier.rate) || !(1..=10_000).contains(&tier.threshold) {
            return Err(Reply::invalid(&format!(
                "[body:company_contribution.tiers.{position}]: `match` and `threshold` must be between 1 and 10000 basis points"
            )));
        }
    }
    let supports_match = fields
        .kind
        .as_deref()
        .and_then(catalog::supported_benefit)
        .is_some_and(|benefit| benefit.company_contribution.contains(&"tiered"));
    if !supports_match {
        return Err(unsupported(&format!(
            "Provider does not support a company match for benefit type '{}'",
            fields.kind.as_deref().unwrap_or("null")
        )));
    }
    Ok(Some(
        contribution
            .tiers
            .iter()
            .map(|tier| (tier.rate, tier.threshold))
            .collect(),
    ))
}

fn add_benefit(state: &mut State, call: &Call<'_>, register: bool) -> Reply {
    let fields: BenefitFields = match parse_body_at(call.body) {
        Ok(fields) => fields,
        Err(reply) => return reply,
    };
    if register && fields.company_contribution.is_some() {
        return Reply::invalid(
            "[body:company_contribution]: registering a benefit takes no company contribution",
        );
    }
    let company_match = match check_new(&fields) {
        Ok(tiers) => tiers,
        Err(reply) => return reply,
    };
    let mut parts = match parts(state, call) {
        Ok(parts) => parts,
        Err(reply) => return reply,
    };
    let benefit_id = parts.rng.uuid();
    parts.company.benefits.push(Benefit {
        id: benefit_id,
        kind: fields.kind,
        description: fields.description,
        frequency: fields.frequency,
        company_match,
        enrollments: Vec::new(),
    });
    let action = if register { "registered" } else { "created" };
    let job_id = record_job(
        &mut parts,
        vec![
            json!({ "benefit_id": benefit_id, "status": "success", "message": format!("benefit {action}") }),
        ],
    );
    Reply::json(
        StatusCode::CREATED,
        &json!({ "benefit_id": benefit_id, "job_id": job_id }),
    )
}

pub(crate) fn create(state: &mut State, call: &Call<'_>) -> Reply {
    add_benefit(state, call, false)
}

pub(crate) fn register(state: &mut State, call: &Call<'_>) -> Reply {
    add_benefit(state, call, true)
}

pub(crate) fn update(state: &mut State, call: &Call<'_>, benefit_id: &str) -> Reply {
    let fields: BenefitFields = match parse_body_at(call.body) {
        Ok(fields) => fields,
        Err(reply) => return reply,
    };
    let mut parts = match parts(state, call) {
        Ok(parts) => parts,
        Err(reply) => return reply,
    };
    let Some(benefit) = parts.company.benefit_mut(benefit_id) else {
        return benefit_not_found();
    };
    let id = benefit.id;
    if fields.description.is_some() {
        benefit.description = fields.description;
    }
    let job_id = record_job(
        &mut parts,
        vec![json!({ "benefit_id": id, "status": "success", "message": "benefit updated" })],
    );
    Reply::json(
        StatusCode::OK,
        &json!({ "benefit_id": id, "job_id": job_id }),
    )
}

// ---------------------------------------------------------------------------------------------
// /employer/benefits/{benefit_id}/individuals

fn contribution_value(contribution: &Contribution) -> Value {
    match contribution {
        Contribution::Fixed(amount) => json!({ "type": "fixed", "amount": amount }),
        Contribution::Percent(amount) => json!({ "type": "percent", "amount": amount }),
        Contribution::Tiered(tiers) => json!({ "type": "tiered", "tiers": tiers_value(tiers) }),
    }
}

fn enrollment_value(enrollment: &Enrollment) -> Value {
    let mut object = Map::new();
    object.insert(
        "employee_deduction".to_owned(),
        enrollment
            .employee_deduction
            .as_ref()
            .map_or(Value::Null, contribution_value),
    );
    object.insert(
        "company_contribution".to_owned(),
        enrollment
            .company_contribution
            .as_ref()
            .map_or(Value::Null, contribution_value),
    );
    object.insert(
        "annual_maximum".to_owned(),
        json!(enrollment.annual_maximum),
    );
    object.insert("catch_up".to_owned(), json!(enrollment.catch_up));
    if let Some(limit) = &enrollment.hsa_limit {
        object.insert("hsa_contribution_limit".to_owned(), json!(limit));
    }
    Value::Object(object)
}

fn individual_benefit(company: &Company, benefit: &Benefit, requested: &str) -> (bool, Value) {
    let found = company
        .person(requested)
        .map(|person| (person, benefit.enrollment(person.id)));
    let (ok, body) = match found {
        Some((_, Some(enrollment))) => (true, enrollment_value(enrollment)),
        Some((_, None)) => (
            false,
            serde_json::to_value(BatchError::not_found(
                "enrollment_not_found",
                format!(
                    "Individual {requested} is not enrolled in benefit {}",
                    benefit.id
                ),
            ))
            .unwrap_or(Value::Null),
        ),
        None => (
            false,
            serde_json::to_value(BatchError::not_found(
                "individual_not_found",
                format!("No individual with id {requested} found"),
            ))
            .unwrap_or(Value::Null),
        ),
    };
    let code = if ok { 200 } else { 404 };
    (
        ok,
        json!({ "individual_id": requested, "code": code, "body": body }),
    )
}

/// `GET`: everyone enrolled, or the named individuals (one comma-separated `individual_ids`).
/// A 207 when some of them are not enrolled.
pub(crate) fn individual_benefits(state: &mut State, call: &Call<'_>, benefit_id: &str) -> Reply {
    let company = match company(state, call) {
        Ok(company) => company,
        Err(reply) => return reply,
    };
    let Some(benefit) = company.benefit(benefit_id) else {
        return benefit_not_found();
    };
    let requested = values(call.query, "individual_ids");
    let (all_ok, items) = if requested.is_empty() {
        let items: Vec<Value> = benefit
            .enrollments
            .iter()
            .map(|enrollment| {
                json!({
                    "individual_id": enrollment.individual,
                    "code": 200,
                    "body": enrollment_value(enrollment),
                })
            })
            .collect();
        (true, items)
    } else {
        let results: Vec<(bool, Value)> = requested
            .iter()
            .map(|id| individual_benefit(company, benefit, id))
            .collect();
        let all_ok = results.iter().all(|(ok, _)| *ok);
        (all_ok, results.into_iter().map(|(_, item)| item).collect())
    };
    let status = if all_ok {
        StatusCode::OK
    } else {
        StatusCode::MULTI_STATUS
    };
    Reply::json(status, &items)
}

#[derive(Debug, Deserialize)]
struct EnrollItem {
    #[serde(default)]
    individual_id: Option<String>,
    #[serde(default)]
    configuration: Option<ConfigurationFields>,
}

#[derive(Debug, Default, Deserialize)]
struct ConfigurationFields {
    #[serde(default)]
    employee_deduction: Option<ContributionFields>,
    #[serde(default)]
    company_contribution: Option<ContributionFields>,
    #[serde(default, deserialize_with = "present")]
    annual_maximum: Option<Option<i64>>,
    #[serde(default)]
    annual_contribution_limit: Option<String>,
    #[serde(default)]
    catch_up: Option<bool>,
    #[serde(default)]
    effective_date: Option<String>,
}

/// An employee deduction or company contribution. The spec requires none of its members: one
/// without a `type` sets nothing.
#[derive(Debug, Deserialize)]
struct ContributionFields {
    #[serde(rename = "type", default)]
    kind: Option<String>,
    #[serde(default)]
    amount: Option<i64>,
    #[serde(default)]
    tiers: Option<Vec<TierFields>>,
}

fn present<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Option<i64>>, D::Error> {
    Option::<i64>::deserialize(deserializer).map(Some)
}

fn contribution(
    fields: &ContributionFields,
    kind: &str,
    path: &str,
    allow_tiered: bool,
) -> Result<Contribution, Reply> {
    let amount = || {
        fields.amount.filter(|amount| *amount >= 0).ok_or_else(|| {
            Reply::invalid(&format!(
                "[body:{path}.amount]: a non-negative integer is required for type `{kind}`"
            ))
        })
    };
    match kind {
        "fixed" => Ok(Contribution::Fixed(amount()?)),
        "percent" => {
            let amount = amount()?;
            if amount > 10_000 {
                return Err(Reply::invalid(&format!(
                    "[body:{path}.amount]: a percentage is in basis points, at most 10000"
                )));
            }
            Ok(Contribution::Percent(amount))
        }
        "tiered" if allow_tiered => match &fields.tiers {
            Some(tiers) if !tiers.is_empty() => Ok(Contribution::Tiered(
                tiers.iter().map(|t| (t.rate, t.threshold)).collect(),
            )),
            _ => Err(Reply::invalid(&format!(
                "[body:{path}.tiers]: tiers are required when type is `tiered`"
            ))),
        },
        other => Err(Reply::invalid(&format!(
            "[body:{path}.type]: Invalid enum value `{other}`; expected {}",
            if allow_tiered {
                "fixed, percent or tiered"
            } else {
                "fixed or percent"
            }
        ))),
    }
}

/// An enrolment from a request item, and which of its parts the item set.
fn enrollment(
    position: usize,
    individual: Uuid,
    configuration: Option<&ConfigurationFields>,
) -> Result<(Enrollment, EnrollmentFields), Reply> {
    let empty = ConfigurationFields::default();
    let configuration = configuration.unwrap_or(&empty);
    let path = format!("{position}.configuration");
    fn given(fields: Option<&ContributionFields>) -> Option<(&ContributionFields, &str)> {
        fields.and_then(|fields| Some((fields, fields.kind.as_deref()?)))
    }
    let employee_deduction = given(configuration.employee_deduction.as_ref())
        .map(|(fields, kind)| {
            contribution(fields, kind, &format!("{path}.employee_deduction"), false)
        })
        .transpose()?;
    let company_contribution = given(configuration.company_contribution.as_ref())
        .map(|(fields, kind)| {
            contribution(fields, kind, &format!("{path}.company_contribution"), true)
        })
        .transpose()?;
    if let Some(limit) = &configuration.annual_contribution_limit
        && !matches!(limit.as_str(), "individual" | "family")
    {
        return Err(Reply::invalid(&format!(
            "[body:{path}.annual_contribution_limit]: expected `individual` or `family`, got `{limit}`"
        )));
    }
    if let Some(date) = &configuration.effective_date
        && crate::dates::parse(date).is_none()
    {
        return Err(Reply::invalid(&format!(
            "[body:{path}.effective_date]: `{date}` is not a date as YYYY-MM-DD"
        )));
    }
    let given = EnrollmentFields {
        employee_deduction: employee_deduction.is_some(),
        company_contribution: company_contribution.is_some(),
        annual_maximum: configuration.annual_maximum.is_some(),
        catch_up: configuration.catch_up.is_some(),
        hsa_limit: configuration.annual_contribution_limit.is_some(),
    };
    Ok((
        Enrollment {
            individual,
            employee_deduction,
            company_contribution,
            annual_maximum: configuration.annual_maximum.flatten(),
            catch_up: configuration.catch_up,
            hsa_limit: configuration.annual_contribution_limit.clone(),
        },
        given,
    ))
}

/// `POST`: enrolls (or re-configures) each individual; unknown individuals are reported in the
/// job, not as a request error.
pub(crate) fn enroll(state: &mut State, call: &Call<'_>, benefit_id: &str) -> Reply {
    let items: Vec<EnrollItem> = match parse_array_body_at(call.body) {
        Ok(items) => items,
        Err(reply) => return reply,
    };
    let mut parts = match parts(state, call) {
        Ok(parts) => parts,
        Err(reply) => return reply,
    };
    if parts.company.benefit(benefit_id).is_none() {
        return benefit_not_found();
    }
    // Check everything before changing anything.
    let mut changes = Vec::new();
    let mut results = Vec::new();
    for (position, item) in items.iter().enumerate() {
        // The spec does not require `individual_id`: an item without one enrolls no one and is
        // reported in the job, like an unknown individual.
        let Some(requested) = &item.individual_id else {
            results.push(json!({
                "individual_id": null,
                "status": "error",
                "message": format!("item {position} names no individual (no `individual_id`)"),
            }));
            continue;
        };
        match parts.company.person(requested) {
            Some(person) => {
                match enrollment(position, person.id, item.configuration.as_ref()) {
                    Ok(change) => changes.push(change),
                    Err(reply) => return reply,
                }
                results.push(json!({ "individual_id": requested, "status": "success" }));
            }
            None => results.push(json!({
                "individual_id": requested,
                "status": "error",
                "message": format!("No individual with id {requested} found"),
            })),
        }
    }
    if let Some(benefit) = parts.company.benefit_mut(benefit_id) {
        for (update, given) in changes {
            benefit.enroll(update, given);
        }
    }
    let job_id = record_job(&mut parts, results);
    Reply::json(StatusCode::OK, &json!({ "job_id": job_id }))
}

#[derive(Debug, Deserialize)]
struct UnenrollRequest {
    individual_ids: Option<Vec<String>>,
}

/// `DELETE` with a JSON body: unenrolls the named individuals (none when the body names none).
pub(crate) fn unenroll(state: &mut State, call: &Call<'_>, benefit_id: &str) -> Reply {
    match company(state, call) {
        Ok(company) if company.benefit(benefit_id).is_none() => return benefit_not_found(),
        Ok(_) => {}
        Err(reply) => return reply,
    }
    let request: UnenrollRequest = match parse_body(call.body) {
        Ok(request) => request,
        Err(reply) => return reply,
    };
    // The spec does not require `individual_ids`: without it, no one is unenrolled.
    let individual_ids = request.individual_ids.unwrap_or_default();
    let mut parts = match parts(state, call) {
        Ok(parts) => parts,
        Err(reply) => return reply,
    };
    let Some(benefit) = parts.company.benefit_mut(benefit_id) else {
        return benefit_not_found();
    };
    let results: Vec<Value> = individual_ids
        .iter()
        .map(|requested| {
            let removed = Uuid::parse(requested).is_some_and(|id| benefit.unenroll(&[id]) == 1);
            if removed {
                json!({ "individual_id": requested, "status": "success" })
            } else {
                json!({
                    "individual_id": requested,
                    "status": "error",
                    "message": format!("Individual {requested} is not enrolled in this benefit"),
                })
            }
        })
        .collect();
    let job_id = record_job(&mut parts, results);
    Reply::json(StatusCode::OK, &json!({ "job_id": job_id }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::connection::ManualJob;
    use crate::endpoints::tests::{body, call, query, shared};

    /// The manual job a reply names (`{"job_id": ...}`), from the first connection.
    fn job_of<'a>(state: &'a State, reply: &Reply) -> &'a ManualJob {
        let id = body(reply)["job_id"].as_str().unwrap().to_owned();
        state.connections[0]
            .manual_jobs
            .iter()
            .find(|job| job.id.to_string() == id)
            .unwrap()
    }

    #[test]
    fn unenroll_changes_the_enrolment() {
        let shared = shared(100);
        let mut state = shared.lock();
        let config = shared.config.clone();
        let benefit_id = state.company().unwrap().benefits[0].id.to_string();
        let first = state.company().unwrap().benefits[0].enrollments[0]
            .individual
            .to_string();
        let request = json!({ "individual_ids": [first] }).to_string();
        let reply = unenroll(
            &mut state,
            &call(&config, &[], request.as_bytes()),
            &benefit_id,
        );
        assert_eq!(reply.status, StatusCode::OK);
        job_of(&state, &reply);
        let listed = body(&enrolled(&mut state, &call(&config, &[], b""), &benefit_id));
        assert!(
            !listed["individual_ids"]
                .as_array()
                .unwrap()
                .contains(&json!(first))
        );

        assert_eq!(
            unenroll(&mut state, &call(&config, &[], b"{}"), "nope").status,
            StatusCode::NOT_FOUND
        );
        // The spec does not require `individual_ids`, nor a body: no one is unenrolled.
        let before = enrolled(&mut state, &call(&config, &[], b""), &benefit_id);
        for nobody in [&b"{}"[..], b""] {
            let reply = unenroll(&mut state, &call(&config, &[], nobody), &benefit_id);
            assert_eq!(reply.status, StatusCode::OK, "{}", body(&reply));
            let job = job_of(&state, &reply);
            assert!(job.body.is_empty(), "{:?}", job.body);
        }
        let after = enrolled(&mut state, &call(&config, &[], b""), &benefit_id);
        assert_eq!(body(&before), body(&after));
        assert_eq!(
            unenroll(&mut state, &call(&config, &[], b"{"), &benefit_id).status,
            StatusCode::BAD_REQUEST
        );
    }

    #[test]
    fn create_enroll_and_read_back() {
        let shared = shared(40);
        let mut state = shared.lock();
        let config = shared.config.clone();
        let new = json!({"type": "403b", "description": "403(b)", "frequency": "every_paycheck",
                         "company_contribution": {"type": "match", "tiers": [{"match": 5000, "threshold": 600}]}});
        let reply = create(&mut state, &call(&config, &[], new.to_string().as_bytes()));
        assert_eq!(reply.status, StatusCode::CREATED, "{}", body(&reply));
        let benefit_id = body(&reply)["benefit_id"].as_str().unwrap().to_owned();
        let person = state.company().unwrap().people[3].id.to_string();
        let enroll_body = json!([{"individual_id": person, "configuration": {
            "employee_deduction": {"type": "percent", "amount": 500},
            "company_contribution": {"type": "tiered", "tiers": [{"match": 5000, "threshold": 600}]},
            "annual_maximum": null, "catch_up": true}}, {"individual_id": "ghost"}]);
        let reply = enroll(
            &mut state,
            &call(&config, &[], enroll_body.to_string().as_bytes()),
            &benefit_id,
        );
        assert_eq!(reply.status, StatusCode::OK);
        let q = query(&format!("individual_ids={person},ghost"));
        let reply = individual_benefits(&mut state, &call(&config, &q, b""), &benefit_id);
        assert_eq!(reply.status, StatusCode::MULTI_STATUS);
        let items = body(&reply);
        assert_eq!(
            items[0]["body"]["employee_deduction"],
            json!({"type": "percent", "amount": 500})
        );
        assert_eq!(items[0]["body"]["catch_up"], true);
        assert_eq!(items[1]["body"]["finch_code"], "individual_not_found");

        for (bad, status) in [
            (json!({"type": "simple"}), StatusCode::UNPROCESSABLE_ENTITY),
            (json!({"type": "nope"}), StatusCode::BAD_REQUEST),
            (
                json!({"type": "s125_medical", "company_contribution": {"type": "match", "tiers": [{"match": 1, "threshold": 1}]}}),
                StatusCode::UNPROCESSABLE_ENTITY,
            ),
            (json!({"frequency": "daily"}), StatusCode::BAD_REQUEST),
        ] {
            assert_eq!(
                create(&mut state, &call(&config, &[], bad.to_string().as_bytes())).status,
                status,
                "{bad}"
            );
        }
        // An item without `individual_id` (the spec does not require it) enrolls no one and is
        // an error item of the job; the other items are carried out.
        let other = state.company().unwrap().people[4].id.to_string();
        let partial = json!([{}, {"configuration": {"catch_up": true}}, {"individual_id": other}]);
        let reply = enroll(
            &mut state,
            &call(&config, &[], partial.to_string().as_bytes()),
            &benefit_id,
        );
        assert_eq!(reply.status, StatusCode::OK, "{}", body(&reply));
        let job = job_of(&state, &reply);
        assert_eq!(job.status, "complete");
        let statuses: Vec<&Value> = job.body.iter().map(|item| &item["status"]).collect();
        assert_eq!(
            statuses,
            [&json!("error"), &json!("error"), &json!("success")]
        );
        assert_eq!(job.body[0]["individual_id"], Value::Null);
        let listed = body(&enrolled(&mut state, &call(&config, &[], b""), &benefit_id));
        assert!(
            listed["individual_ids"]
                .as_array()
                .unwrap()
                .contains(&json!(other))
        );

        let bad_enroll = json!([{"individual_id": person, "configuration": {"employee_deduction": {"type": "tiered"}}}]);
        let reply = enroll(
            &mut state,
            &call(&config, &[], bad_enroll.to_string().as_bytes()),
            &benefit_id,
        );
        assert_eq!(reply.status, StatusCode::BAD_REQUEST);
        assert!(
            body(&reply)["message"]
                .as_str()
                .unwrap()
                .contains("[body:0.configuration.employee_deduction.type]")
        );

        // The spec requires no member of a contribution: one without a `type` sets nothing.
        let untyped = json!([{"individual_id": person, "configuration": {
            "employee_deduction": {"amount": 700}, "company_contribution": {}}}]);
        let reply = enroll(
            &mut state,
            &call(&config, &[], untyped.to_string().as_bytes()),
            &benefit_id,
        );
        assert_eq!(reply.status, StatusCode::OK, "{}", body(&reply));
        let q = query(&format!("individual_ids={person}"));
        let items = body(&individual_benefits(
            &mut state,
            &call(&config, &q, b""),
            &benefit_id,
        ));
        assert_eq!(
            items[0]["body"]["employee_deduction"],
            json!({"type": "percent", "amount": 500})
        );
    }
}
