//! Benefit plans, plan enrolments and dependents (beta): `/employer/plans*`,
//! `/employer/plans-enrollments`, `/employer/plans-dependents`. Pages hold at most 50 items.

use http::StatusCode;
use serde::Deserialize;
use serde_json::{Value, json};

use super::{Call, check_values, company, paging, single, values};
use crate::catalog;
use crate::dates;
use crate::enrollments;
use crate::fixture::Company;
use crate::json::{parse_body_at, unless_absent};
use crate::people::{Generated, Person};
use crate::plans::{self, Dependent, Plan};
use crate::reply::Reply;
use crate::state::State;
use crate::wire::BatchError;

const PAGE: usize = 50;
const MAX_BATCH: usize = 50;

fn plan_value(plan: &Plan) -> Value {
    let template = plan.template;
    json!({
        "id": plan.id,
        "name": template.name,
        "type": template.kind,
        "description": template.description,
        "network_type": template.network_type,
        "carrier": { "id": plan.carrier_id, "name": template.carrier },
        "start_date": dates::format(plan.start),
        "end_date": dates::format(plan.end),
        "coverage_tiers": template.coverage_tiers,
        "deduction_codes": template.deduction_codes,
    })
}

pub(crate) fn list(state: &mut State, call: &Call<'_>) -> Reply {
    let (offset, limit) = match paging(call.query, PAGE, PAGE, false) {
        Ok(paging) => paging,
        Err(reply) => return reply,
    };
    // The spec types `plan_type` as a free string (`PlanType` lists the known values): another
    // value is a filter no plan matches, not an error.
    let plan_type = single(call.query, "plan_type")
        .filter(|kind| !kind.is_empty())
        .map(str::to_ascii_lowercase);
    let company = match company(state, call) {
        Ok(company) => company,
        Err(reply) => return reply,
    };
    let matching: Vec<&Plan> = company
        .plans
        .iter()
        .filter(|plan| {
            plan_type
                .as_deref()
                .is_none_or(|kind| plan.template.kind == kind)
        })
        .collect();
    let plans: Vec<Value> = matching
        .iter()
        .skip(offset)
        .take(limit)
        .map(|plan| plan_value(plan))
        .collect();
    Reply::json(
        StatusCode::OK,
        &json!({ "paging": { "count": matching.len(), "offset": offset }, "plans": plans }),
    )
}

pub(crate) fn retrieve(state: &mut State, call: &Call<'_>, plan_id: &str) -> Reply {
    let company = match company(state, call) {
        Ok(company) => company,
        Err(reply) => return reply,
    };
    let id = crate::ids::Uuid::parse(plan_id);
    match company.plans.iter().find(|plan| Some(plan.id) == id) {
        Some(plan) => Reply::json(StatusCode::OK, &plan_value(plan)),
        None => Reply::not_found(
            "item_not_found",
            &format!("could not find plan with id '{plan_id}'"),
        ),
    }
}

fn enrollment_value(company: &Company, person: &Person, g: &Generated, plan: usize) -> Value {
    let tier = plans::tier_in(g, plan);
    let (employee, employer) = enrollments::plan_cost(plan, tier);
    let plan_info = company.plans.get(plan);
    let (year, month, _) = dates::civil(g.start);
    let after_hire = dates::end_of_month(dates::day(year, month, 1)) + 1;
    let coverage_start = plan_info.map_or(after_hire, |p| p.start.max(after_hire));
    let dependent_ids: Vec<String> = if plans::dependent_plans(g).any(|p| p == plan) {
        plans::dependents_of(person, g, company.salt, company.today)
            .into_iter()
            .map(|dependent| dependent.id.to_string())
            .collect()
    } else {
        Vec::new()
    };
    json!({
        "id": plans::enrollment_id(company.salt, person.id, plan),
        "individual_id": person.id,
        "plan_id": plan_info.map(|p| p.id),
        "coverage_tier": catalog::COVERAGE_TIERS.get(tier),
        "coverage_start_date": dates::format(coverage_start),
        "coverage_end_date": null,
        "contributions": {
            "frequency": "per_pay_period",
            "employee_contribution": { "amount": employee, "currency": "usd" },
            "employer_contribution": { "amount": employer, "currency": "usd" },
        },
        "dependent_ids": dependent_ids,
        "status": "active",
    })
}

pub(crate) fn list_enrollments(state: &mut State, call: &Call<'_>) -> Reply {
    let (offset, limit) = match paging(call.query, PAGE, PAGE, false) {
        Ok(paging) => paging,
        Err(reply) => return reply,
    };
    let company = match company(state, call) {
        Ok(company) => company,
        Err(reply) => return reply,
    };
    let all = plans::all_enrollments(&company.people);
    let enrollments: Vec<Value> = all
        .iter()
        .skip(offset)
        .take(limit)
        .filter_map(|&(position, plan)| {
            let person = company.people.get(position)?;
            let g = person.generated.as_ref()?;
            Some(enrollment_value(company, person, g, plan))
        })
        .collect();
    Reply::json(
        StatusCode::OK,
        &json!({ "paging": { "count": all.len(), "offset": offset }, "enrollments": enrollments }),
    )
}

#[derive(Debug, Default, Deserialize)]
struct EnrollmentsRequest {
    requests: Vec<EnrollmentRef>,
}

#[derive(Debug, Deserialize)]
struct EnrollmentRef {
    enrollment_id: String,
}

fn too_many() -> Reply {
    Reply::unprocessable(
        "batch_limit_exceeded",
        "Batch size exceeds the maximum of 50 items. Please reduce the number of items in your request.",
    )
}

pub(crate) fn retrieve_enrollments(state: &mut State, call: &Call<'_>) -> Reply {
    let request = match unless_absent(call.body, EnrollmentsRequest::default(), parse_body_at) {
        Ok(request) => request,
        Err(reply) => return reply,
    };
    if request.requests.len() > MAX_BATCH {
        return too_many();
    }
    let company = match company(state, call) {
        Ok(company) => company,
        Err(reply) => return reply,
    };
    let by_id = |id| company.person_by_id(id);
    let responses: Vec<Value> = request
        .requests
        .iter()
        .map(
            |item| match plans::find_enrollment(&item.enrollment_id, company.salt, by_id) {
                Some((person, g, plan)) => json!({
                    "enrollment_id": item.enrollment_id,
                    "code": 200,
                    "body": enrollment_value(company, person, g, plan),
                }),
                None => json!({
                    "enrollment_id": item.enrollment_id,
                    "code": 404,
                    "body": BatchError::not_found(
                        "enrollment_not_found",
                        format!("No enrollment with id {} found", item.enrollment_id),
                    ),
                }),
            },
        )
        .collect();
    Reply::json(StatusCode::OK, &json!({ "responses": responses }))
}

fn dependent_value(
    company: &Company,
    person: &Person,
    g: &Generated,
    dependent: &Dependent,
    include_ssn: bool,
) -> Value {
    let enrollments: Vec<Value> = plans::dependent_plans(g)
        .map(|plan| {
            json!({
                "id": plans::enrollment_id(company.salt, person.id, plan),
                "type": catalog::PLANS.get(plan).map(|p| p.kind),
            })
        })
        .collect();
    json!({
        "dependent_id": dependent.id,
        "first_name": dependent.first_name,
        "last_name": dependent.last_name,
        "middle_name": dependent.middle_name,
        "ssn": if include_ssn { Some(&dependent.ssn) } else { None },
        "date_of_birth": dates::format(dependent.dob),
        "gender": dependent.gender,
        "coverage": [{
            "individual_id": person.id,
            "relationship_to_individual": dependent.relationship,
            "enrollments": enrollments,
        }],
    })
}

pub(crate) fn list_dependents(state: &mut State, call: &Call<'_>) -> Reply {
    let (offset, limit) = match paging(call.query, PAGE, PAGE, false) {
        Ok(paging) => paging,
        Err(reply) => return reply,
    };
    let include = values(call.query, "include");
    if let Err(reply) = check_values("include", &include, &["ssn"]) {
        return reply;
    }
    let company = match company(state, call) {
        Ok(company) => company,
        Err(reply) => return reply,
    };
    let mut count = 0;
    let mut dependents = Vec::new();
    for person in &company.people {
        let Some(g) = &person.generated else { continue };
        for dependent in plans::dependents_of(person, g, company.salt, company.today) {
            if count >= offset && dependents.len() < limit {
                dependents.push(dependent_value(
                    company,
                    person,
                    g,
                    &dependent,
                    !include.is_empty(),
                ));
            }
            count += 1;
        }
    }
    Reply::json(
        StatusCode::OK,
        &json!({ "paging": { "count": count, "offset": offset }, "dependents": dependents }),
    )
}

#[derive(Debug, Default, Deserialize)]
struct DependentsRequest {
    requests: Vec<DependentRef>,
    #[serde(default)]
    options: Option<DependentOptions>,
}

#[derive(Debug, Deserialize)]
struct DependentRef {
    dependent_id: String,
}

#[derive(Debug, Deserialize)]
struct DependentOptions {
    #[serde(default)]
    include: Option<Vec<String>>,
}

pub(crate) fn retrieve_dependents(state: &mut State, call: &Call<'_>) -> Reply {
    let request = match unless_absent(call.body, DependentsRequest::default(), parse_body_at) {
        Ok(request) => request,
        Err(reply) => return reply,
    };
    if request.requests.len() > MAX_BATCH {
        return too_many();
    }
    let include: Vec<String> = request
        .options
        .and_then(|options| options.include)
        .unwrap_or_default();
    let include: Vec<&str> = include.iter().map(String::as_str).collect();
    if let Err(reply) = check_values("options.include", &include, &["ssn"]) {
        return reply;
    }
    let company = match company(state, call) {
        Ok(company) => company,
        Err(reply) => return reply,
    };
    let by_id = |id| company.person_by_id(id);
    let responses: Vec<Value> = request
        .requests
        .iter()
        .map(|item| {
            match plans::find_dependent(&item.dependent_id, company.salt, company.today, by_id) {
                Some((person, g, dependent)) => json!({
                    "dependent_id": item.dependent_id,
                    "code": 200,
                    "body": dependent_value(company, person, g, &dependent, !include.is_empty()),
                }),
                None => json!({
                    "dependent_id": item.dependent_id,
                    "code": 404,
                    "body": BatchError::not_found(
                        "item_not_found",
                        format!("No dependent with id {} found", item.dependent_id),
                    ),
                }),
            }
        })
        .collect();
    Reply::json(StatusCode::OK, &json!({ "responses": responses }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoints::tests::{body, call, query, shared};

    #[test]
    fn beta_listings_page_by_fifty_and_batches_find_by_id() {
        let shared = shared(200);
        let mut state = shared.lock();
        let config = shared.config.clone();
        let plans = body(&list(
            &mut state,
            &call(&config, &query("plan_type=MEDICAL"), b""),
        ));
        assert_eq!(plans["paging"]["count"], 2);
        // A free-text `plan_type` outside the known ones matches nothing; an empty one filters
        // nothing, as an empty value of any filter.
        let unknown = list(
            &mut state,
            &call(&config, &query("plan_type=pet_insurance"), b""),
        );
        assert_eq!(unknown.status, StatusCode::OK);
        assert_eq!(body(&unknown)["plans"], json!([]));
        let every = body(&list(&mut state, &call(&config, &[], b"")));
        let empty = body(&list(&mut state, &call(&config, &query("plan_type="), b"")));
        assert_eq!(empty, every);
        let page = body(&list_enrollments(
            &mut state,
            &call(&config, &query("limit=500"), b""),
        ));
        let enrollments = page["enrollments"].as_array().unwrap();
        assert_eq!(enrollments.len(), 50);
        let id = enrollments[3]["id"].as_str().unwrap();
        let request =
            json!({"requests": [{"enrollment_id": id}, {"enrollment_id": "x"}]}).to_string();
        let batch = body(&retrieve_enrollments(
            &mut state,
            &call(&config, &[], request.as_bytes()),
        ));
        assert_eq!(batch["responses"][0]["body"], enrollments[3]);
        assert_eq!(batch["responses"][1]["code"], 404);

        let dependents = body(&list_dependents(
            &mut state,
            &call(&config, &query("include=ssn"), b""),
        ));
        let first = &dependents["dependents"][0];
        assert!(first["ssn"].is_string());
        let request = json!({"requests": [{"dependent_id": first["dependent_id"]}]}).to_string();
        let batch = body(&retrieve_dependents(
            &mut state,
            &call(&config, &[], request.as_bytes()),
        ));
        assert_eq!(batch["responses"][0]["body"]["ssn"], Value::Null);
        assert_eq!(
            batch["responses"][0]["body"]["first_name"],
            first["first_name"]
        );
        let plan_id = plans["plans"][0]["id"].as_str().unwrap();
        assert_eq!(
            body(&retrieve(&mut state, &call(&config, &[], b""), plan_id))["id"],
            plan_id
        );
    }
}
