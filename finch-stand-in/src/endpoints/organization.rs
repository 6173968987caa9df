//! Organization data: `GET /employer/company`, `GET /employer/directory`,
//! `POST /employer/individual`, `POST /employer/employment`.

use http::StatusCode;
use serde::{Deserialize, Serialize};

use super::{Call, MAX_BATCH, company, paging};
use crate::json::{parse_body, unless_absent};
use crate::reply::Reply;
use crate::state::State;
use crate::wire;

const DEFAULT_PAGE_SIZE: usize = 100;

pub(crate) fn retrieve_company(state: &mut State, call: &Call<'_>) -> Reply {
    match company(state, call) {
        Ok(company) => Reply::json(StatusCode::OK, &wire::company_value(company)),
        Err(reply) => reply,
    }
}

pub(crate) fn directory(state: &mut State, call: &Call<'_>) -> Reply {
    let (offset, limit) = match paging(call.query, DEFAULT_PAGE_SIZE, MAX_BATCH, true) {
        Ok(paging) => paging,
        Err(reply) => return reply,
    };
    let company = match company(state, call) {
        Ok(company) => company,
        Err(reply) => return reply,
    };
    let individuals = company
        .people
        .iter()
        .skip(offset)
        .take(limit)
        .map(|person| wire::directory_entry(company, person))
        .collect();
    let page = wire::DirectoryPage {
        paging: wire::Paging {
            count: company.people.len(),
            offset,
        },
        individuals,
    };
    Reply::json(StatusCode::OK, &page)
}

#[derive(Debug, Default, Deserialize)]
struct BatchRequest {
    requests: Vec<IndividualRef>,
    #[serde(default)]
    options: Option<IndividualOptions>,
}

#[derive(Debug, Deserialize)]
struct IndividualRef {
    individual_id: String,
}

#[derive(Debug, Deserialize)]
struct IndividualOptions {
    #[serde(default)]
    include: Option<Vec<String>>,
}

#[derive(Debug, Serialize)]
struct Responses<T> {
    responses: Vec<T>,
}

fn batch(call: &Call<'_>) -> Result<BatchRequest, Reply> {
    // No body: no requests (the spec's body is optional), answered with no responses.
    let request = unless_absent(call.body, BatchRequest::default(), parse_body)?;
    if request.requests.len() > MAX_BATCH {
        return Err(Reply::unprocessable(
            "batch_limit_exceeded",
            "Batch size exceeds the maximum of 10000 items. Please reduce the number of items in your request.",
        ));
    }
    Ok(request)
}

pub(crate) fn individuals(state: &mut State, call: &Call<'_>) -> Reply {
    let request = match batch(call) {
        Ok(request) => request,
        Err(reply) => return reply,
    };
    let company = match company(state, call) {
        Ok(company) => company,
        Err(reply) => return reply,
    };
    let include_ssn = request
        .options
        .and_then(|options| options.include)
        .is_some_and(|include| include.iter().any(|item| item == "ssn"));
    let responses = request
        .requests
        .iter()
        .map(|item| wire::individual_item(company, &item.individual_id, include_ssn))
        .collect();
    Reply::json(StatusCode::OK, &Responses { responses })
}

pub(crate) fn employments(state: &mut State, call: &Call<'_>) -> Reply {
    let request = match batch(call) {
        Ok(request) => request,
        Err(reply) => return reply,
    };
    let company = match company(state, call) {
        Ok(company) => company,
        Err(reply) => return reply,
    };
    let responses = request
        .requests
        .iter()
        .map(|item| wire::employment_item(company, &item.individual_id))
        .collect();
    Reply::json(StatusCode::OK, &Responses { responses })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoints::tests::{body, call, query, shared};
    use serde_json::{Value, json};

    #[test]
    fn directory_paging() {
        let shared = shared(250);
        let mut state = shared.lock();
        let config = shared.config.clone();
        let list = |state: &mut State, q: &str| directory(state, &call(&config, &query(q), b""));
        let page = body(&list(&mut state, ""));
        assert_eq!(page["paging"], json!({"count": 250, "offset": 0}));
        assert_eq!(page["individuals"].as_array().unwrap().len(), 100);

        let page = body(&list(&mut state, "offset=200&limit=100"));
        assert_eq!(page["individuals"].as_array().unwrap().len(), 50);
        let page = body(&list(&mut state, "offset=1000"));
        assert_eq!(page["individuals"].as_array().unwrap().len(), 0);
        assert_eq!(page["paging"]["offset"], 1000);

        let reply = list(&mut state, "limit=10001");
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body(&reply)["finch_code"], "page_size_limit_exceeded");
        let reply = list(&mut state, "limit=99999999999999999999999");
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    }

    #[test]
    fn individual_and_employment_batches() {
        let shared = shared(10);
        let mut state = shared.lock();
        let config = shared.config.clone();
        let too_many: Vec<Value> = (0..=MAX_BATCH)
            .map(|_| json!({"individual_id": "x"}))
            .collect();
        let big = json!({ "requests": too_many }).to_string();
        let reply = individuals(&mut state, &call(&config, &[], big.as_bytes()));
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body(&reply)["finch_code"], "batch_limit_exceeded");
        let reply = employments(&mut state, &call(&config, &[], big.as_bytes()));
        assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);

        let reply = individuals(&mut state, &call(&config, &[], br#"{"options": null}"#));
        assert_eq!(reply.status, StatusCode::BAD_REQUEST);
        assert!(
            body(&reply)["message"]
                .as_str()
                .unwrap()
                .contains("requests")
        );

        let id = state.company().unwrap().people[0].id.to_string();
        let request = json!({"requests": [{"individual_id": id}], "options": {"include": ["ssn"]}})
            .to_string();
        let reply = individuals(&mut state, &call(&config, &[], request.as_bytes()));
        assert_eq!(reply.status, StatusCode::OK);
        assert!(body(&reply)["responses"][0]["body"]["ssn"].is_string());

        let request =
            json!({"requests": [{"individual_id": id}, {"individual_id": "nope"}]}).to_string();
        let reply = employments(&mut state, &call(&config, &[], request.as_bytes()));
        let answer = body(&reply);
        assert_eq!(
            answer["responses"][0]["body"]["title"],
            "Chief Executive Officer"
        );
        assert_eq!(answer["responses"][1]["code"], 404);
    }
}
