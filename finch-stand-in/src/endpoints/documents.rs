//! W-4 documents: `GET /employer/documents` (filters and paging) and
//! `GET /employer/documents/{document_id}`.

use http::StatusCode;
use serde_json::{Value, json};

use super::{Call, check_values, company, paging, values};
use crate::fixture::Company;
use crate::ids::Uuid;
use crate::reply::Reply;
use crate::state::State;
use crate::w4::{self, W4, W4Data};

const TYPES: &[&str] = &["w4_2020", "w4_2005"];

fn url(call: &Call<'_>, document: &W4) -> String {
    format!(
        "{}/employer/documents/{}",
        call.config.base_url, document.id
    )
}

pub(crate) fn list(state: &mut State, call: &Call<'_>) -> Reply {
    let types = values(call.query, "types");
    if let Err(reply) = check_values("types", &types, TYPES) {
        return reply;
    }
    let (offset, limit) = match paging(call.query, usize::MAX, usize::MAX, false) {
        Ok(paging) => paging,
        Err(reply) => return reply,
    };
    let individuals: Vec<Option<Uuid>> = values(call.query, "individual_ids")
        .into_iter()
        .map(Uuid::parse)
        .collect();
    let company: &Company = match company(state, call) {
        Ok(company) => company,
        Err(reply) => return reply,
    };
    let matching = company
        .people
        .iter()
        .filter(|person| individuals.is_empty() || individuals.contains(&Some(person.id)))
        .filter_map(|person| w4::w4_of(company, person))
        .filter(|document| types.is_empty() || types.contains(&document.form));
    let mut count = 0;
    let mut documents = Vec::new();
    for document in matching {
        if count >= offset && documents.len() < limit {
            documents.push(json!({
                "id": document.id,
                "individual_id": document.individual,
                "url": url(call, &document),
                "year": document.year,
                "type": document.form,
            }));
        }
        count += 1;
    }
    Reply::json(
        StatusCode::OK,
        &json!({ "paging": { "count": count, "offset": offset }, "documents": documents }),
    )
}

pub(crate) fn retrieve(state: &mut State, call: &Call<'_>, document_id: &str) -> Reply {
    let company = match company(state, call) {
        Ok(company) => company,
        Err(reply) => return reply,
    };
    let Some(document) = w4::find(company, document_id) else {
        return Reply::not_found(
            "item_not_found",
            &format!("could not find document with id '{document_id}'"),
        );
    };
    let data: Value = match &document.data {
        W4Data::Form2020 {
            filing_status,
            children_under_17,
            other_dependents,
            other_income,
            deductions,
            extra_withholding,
        } => json!({
            "individual_id": document.individual,
            "filing_status": filing_status,
            "amount_for_qualifying_children_under_17": children_under_17,
            "amount_for_other_dependents": other_dependents,
            "total_claim_dependent_and_other_credits": children_under_17 + other_dependents,
            "other_income": other_income,
            "deductions": deductions,
            "extra_withholding": extra_withholding,
        }),
        W4Data::Form2005 {
            filing_status,
            allowances,
            additional_withholding,
            exemption,
        } => json!({
            "individual_id": document.individual,
            "filing_status": filing_status,
            "total_number_of_allowances": allowances,
            "additional_withholding": additional_withholding,
            "exemption": exemption,
        }),
    };
    Reply::json(
        StatusCode::OK,
        &json!({ "type": document.form, "year": document.year, "data": data }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoints::tests::{body, call, query, shared};

    #[test]
    fn filters_paging_and_details() {
        let shared = shared(120);
        let mut state = shared.lock();
        let config = shared.config.clone();
        let all = body(&list(&mut state, &call(&config, &query(""), b"")));
        let count = all["paging"]["count"].as_u64().unwrap();
        assert!(count > 50);
        assert_eq!(all["documents"].as_array().unwrap().len() as u64, count);
        let page = body(&list(
            &mut state,
            &call(&config, &query("limit=10&offset=5"), b""),
        ));
        assert_eq!(page["documents"].as_array().unwrap().len(), 10);
        assert_eq!(page["documents"][0], all["documents"][5]);
        let old = body(&list(
            &mut state,
            &call(&config, &query("types[]=w4_2005"), b""),
        ));
        assert!(
            old["documents"]
                .as_array()
                .unwrap()
                .iter()
                .all(|d| d["type"] == "w4_2005")
        );
        let first = all["documents"][0].clone();
        let only = body(&list(
            &mut state,
            &call(
                &config,
                &query(&format!(
                    "individual_ids[]={}",
                    first["individual_id"].as_str().unwrap()
                )),
                b"",
            ),
        ));
        assert_eq!(only["documents"], json!([first]));
        let detail = body(&retrieve(
            &mut state,
            &call(&config, &[], b""),
            first["id"].as_str().unwrap(),
        ));
        assert_eq!(detail["type"], first["type"]);
        assert_eq!(detail["data"]["individual_id"], first["individual_id"]);
        assert_eq!(
            retrieve(&mut state, &call(&config, &[], b""), "nope").status,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            list(&mut state, &call(&config, &query("types=w9"), b"")).status,
            StatusCode::BAD_REQUEST
        );
    }
}
