//! `GET /employer/pay-groups` and `GET /employer/pay-groups/{pay_group_id}`.

use http::StatusCode;
use serde_json::{Value, json};

use crate::endpoints::{Call, company, single, values};
use crate::fixture::Company;
use crate::people::Generated;
use crate::reply::Reply;
use crate::state::State;

/// The people in a pay group: active generated people paid that way.
fn members(company: &Company, group: usize) -> Vec<String> {
    company
        .people
        .iter()
        .filter(|person| person.generated.as_ref().is_some_and(Generated::is_active))
        .filter(|person| Company::pay_group_of(person) == Some(group))
        .map(|person| person.id.to_string())
        .collect()
}

pub(crate) fn pay_groups(state: &mut State, call: &Call<'_>) -> Reply {
    // The spec types `pay_frequencies` as free strings: a value outside `PayFrequency` is a
    // filter no pay group matches, not an error.
    let frequencies = values(call.query, "pay_frequencies");
    let company = match company(state, call) {
        Ok(company) => company,
        Err(reply) => return reply,
    };
    let member_group = match single(call.query, "individual_id") {
        None => None,
        Some(id) => match company.person(id) {
            Some(person) => Some(Company::pay_group_of(person)),
            None => {
                return Reply::not_found(
                    "individual_not_found",
                    &format!("No individual with id {id} found"),
                );
            }
        },
    };
    let list: Vec<Value> = company
        .pay_groups
        .iter()
        .enumerate()
        .filter(|(index, _)| member_group.is_none_or(|group| group == Some(*index)))
        .filter(|(_, group)| frequencies.is_empty() || frequencies.contains(&group.frequency))
        .map(|(_, group)| {
            json!({ "id": group.id, "name": group.name, "pay_frequencies": [group.frequency] })
        })
        .collect();
    Reply::json(StatusCode::OK, &list)
}

pub(crate) fn pay_group(state: &mut State, call: &Call<'_>, pay_group_id: &str) -> Reply {
    let company = match company(state, call) {
        Ok(company) => company,
        Err(reply) => return reply,
    };
    let id = crate::ids::Uuid::parse(pay_group_id);
    match company
        .pay_groups
        .iter()
        .enumerate()
        .find(|(_, group)| Some(group.id) == id)
    {
        Some((index, group)) => Reply::json(
            StatusCode::OK,
            &json!({
                "id": group.id,
                "name": group.name,
                "pay_frequencies": [group.frequency],
                "individual_ids": members(company, index),
            }),
        ),
        None => Reply::not_found(
            "item_not_found",
            &format!("could not find pay group with id '{pay_group_id}'"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoints::tests::{body, call, query, shared};

    /// `pay_frequencies` is free text in the spec: an unknown value matches no pay group.
    #[test]
    fn pay_groups_filter_by_any_frequency() {
        let shared = shared(30);
        let mut state = shared.lock();
        let config = shared.config.clone();
        let every = body(&pay_groups(&mut state, &call(&config, &[], b"")));
        assert_eq!(every.as_array().unwrap().len(), 3);
        let known = every[0]["pay_frequencies"][0].as_str().unwrap().to_owned();
        let paid_so = every
            .as_array()
            .unwrap()
            .iter()
            .filter(|group| group["pay_frequencies"][0] == known.as_str())
            .count();
        for (filter, expected) in [
            (format!("pay_frequencies[]={known}"), paid_so),
            (
                format!("pay_frequencies[]=fortnightly&pay_frequencies[]={known}"),
                paid_so,
            ),
            ("pay_frequencies=fortnightly".to_owned(), 0),
        ] {
            let reply = pay_groups(&mut state, &call(&config, &query(&filter), b""));
            assert_eq!(reply.status, StatusCode::OK, "{filter}");
            assert_eq!(body(&reply).as_array().unwrap().len(), expected, "{filter}");
        }
    }
}
