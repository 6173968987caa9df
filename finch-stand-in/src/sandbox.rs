//! Checking sandbox bodies against the spec: `POST /sandbox/directory` (`individual_or_employment`),
//! `PUT /sandbox/individual|employment/{id}` and `PUT /sandbox/company`.
//!
//! Every field is nullable; a field that is present must have the spec's type (and enum value),
//! so an SDK that sends `"gender": "Female"` or a number for a name finds out here. Fields the
//! spec does not know are kept and echoed back by `POST /sandbox/directory`, and ignored by the
//! updates.

use serde_json::{Map, Value};

/// The JSON type a field must have (besides `null`, which every field accepts).
#[derive(Debug)]
enum Kind {
    Text,
    /// A day (`format: date`): `YYYY-MM-DD`, or `M/D/YYYY` kept as `YYYY-MM-DD`.
    Date,
    /// The spec's `Date` schema, which is any string: a day is kept as `YYYY-MM-DD` (from
    /// `M/D/YYYY` too), any other text as sent.
    DateText,
    Bool,
    Integer,
    OneOf(&'static [&'static str]),
    Object(&'static [(&'static str, Kind)]),
    /// An array whose items may not be `null`.
    ArrayOf(&'static Kind),
    /// An array whose items may be `null` (the spec marks them nullable).
    ArrayOfNullable(&'static Kind),
    Any,
}

const LOCATION: Kind = Kind::Object(&[
    ("line1", Kind::Text),
    ("line2", Kind::Text),
    ("city", Kind::Text),
    ("state", Kind::Text),
    ("postal_code", Kind::Text),
    ("country", Kind::Text),
    ("name", Kind::Text),
    ("source_id", Kind::Text),
]);

const CONTACT: Kind = Kind::Object(&[
    ("data", Kind::Text),
    ("type", Kind::OneOf(&["work", "personal"])),
]);

const INCOME: Kind = Kind::Object(&[
    (
        "unit",
        Kind::OneOf(&[
            "yearly",
            "quarterly",
            "monthly",
            "semi_monthly",
            "bi_weekly",
            "weekly",
            "daily",
            "hourly",
            "fixed",
        ]),
    ),
    ("amount", Kind::Integer),
    ("currency", Kind::Text),
    ("effective_date", Kind::Date),
]);

/// `IndividualWithoutId` and `EmploymentWithoutId`, merged.
const FIELDS: &[(&str, Kind)] = &[
    ("first_name", Kind::Text),
    ("middle_name", Kind::Text),
    ("last_name", Kind::Text),
    ("preferred_name", Kind::Text),
    ("emails", Kind::ArrayOf(&CONTACT)),
    ("phone_numbers", Kind::ArrayOfNullable(&CONTACT)),
    (
        "gender",
        Kind::OneOf(&["female", "male", "other", "decline_to_specify"]),
    ),
    (
        "ethnicity",
        Kind::OneOf(&[
            "asian",
            "white",
            "black_or_african_american",
            "native_hawaiian_or_pacific_islander",
            "american_indian_or_alaska_native",
            "hispanic_or_latino",
            "two_or_more_races",
            "decline_to_specify",
        ]),
    ),
    (
        "marital_status",
        Kind::OneOf(&[
            "single",
            "married",
            "divorced",
            "widowed",
            "domestic_partner",
            "unknown",
        ]),
    ),
    ("dob", Kind::DateText),
    ("ssn", Kind::Text),
    ("encrypted_ssn", Kind::Text),
    ("residence", LOCATION),
    ("title", Kind::Text),
    ("manager", Kind::Object(&[("id", Kind::Text)])),
    ("department", Kind::Object(&[("name", Kind::Text)])),
    (
        "employment",
        Kind::Object(&[
            ("type", Kind::OneOf(&["employee", "contractor"])),
            (
                "subtype",
                Kind::OneOf(&[
                    "full_time",
                    "intern",
                    "part_time",
                    "temp",
                    "seasonal",
                    "individual_contractor",
                ]),
            ),
        ]),
    ),
    ("start_date", Kind::DateText),
    ("end_date", Kind::DateText),
    ("latest_rehire_date", Kind::DateText),
    ("is_active", Kind::Bool),
    (
        "employment_status",
        Kind::OneOf(&[
            "active",
            "deceased",
            "leave",
            "onboarding",
            "prehire",
            "retired",
            "terminated",
        ]),
    ),
    (
        "flsa_status",
        Kind::OneOf(&["exempt", "non_exempt", "unknown"]),
    ),
    ("class_code", Kind::Text),
    ("location", LOCATION),
    ("income", INCOME),
    ("income_history", Kind::ArrayOfNullable(&INCOME)),
    (
        "custom_fields",
        Kind::ArrayOf(&Kind::Object(&[("name", Kind::Text), ("value", Kind::Any)])),
    ),
    ("union_code", Kind::Text),
    ("union_local", Kind::Text),
    ("highly_compensated_employee", Kind::Bool),
    ("key_employee", Kind::Bool),
    ("source_id", Kind::Text),
];

/// Checks the whole body: a JSON array of objects. Returns the objects, or a message naming
/// the offending place in the style of Finch's validation errors (`[body:0.gender]: ...`).
pub(crate) fn check_body(body: Value) -> Result<Vec<Map<String, Value>>, String> {
    let Value::Array(items) = body else {
        return Err(format!(
            "[body]: expected a JSON array of individuals, got {}",
            describe(&body)
        ));
    };
    items
        .into_iter()
        .enumerate()
        .map(|(position, item)| match item {
            Value::Object(mut fields) => {
                check_fields(&mut fields, FIELDS, &position.to_string())?;
                Ok(fields)
            }
            other => Err(format!(
                "[body:{position}]: expected an object, got {}",
                describe(&other)
            )),
        })
        .collect()
}

/// Checks the fields of an individual or employment update (a JSON object) and keeps those in
/// `allowed`.
pub(crate) fn check_update(body: Value, allowed: &[&str]) -> Result<Map<String, Value>, String> {
    let Value::Object(mut fields) = body else {
        return Err(format!(
            "[body]: expected a JSON object, got {}",
            describe(&body)
        ));
    };
    let known: Vec<(&str, &Kind)> = FIELDS
        .iter()
        .filter(|(name, _)| allowed.contains(name))
        .map(|(name, kind)| (*name, kind))
        .collect();
    for (name, kind) in &known {
        if let Some(value) = fields.get_mut(*name) {
            check(value, kind, name)?;
        }
    }
    Ok(fields
        .into_iter()
        .filter(|(name, _)| allowed.contains(&name.as_str()))
        .collect())
}

const COMPANY: &[(&str, Kind)] = &[
    ("legal_name", Kind::Text),
    (
        "entity",
        Kind::Object(&[
            (
                "type",
                Kind::OneOf(&[
                    "llc",
                    "lp",
                    "corporation",
                    "sole_proprietor",
                    "non_profit",
                    "partnership",
                    "cooperative",
                ]),
            ),
            (
                "subtype",
                Kind::OneOf(&["s_corporation", "c_corporation", "b_corporation"]),
            ),
        ]),
    ),
    ("primary_email", Kind::Text),
    ("primary_phone_number", Kind::Text),
    (
        "departments",
        Kind::ArrayOfNullable(&Kind::Object(&[
            ("name", Kind::Text),
            ("parent", Kind::Object(&[("name", Kind::Text)])),
        ])),
    ),
    ("ein", Kind::Text),
    ("locations", Kind::ArrayOfNullable(&LOCATION)),
    (
        "accounts",
        Kind::ArrayOf(&Kind::Object(&[
            ("routing_number", Kind::Text),
            ("account_name", Kind::Text),
            ("institution_name", Kind::Text),
            ("account_type", Kind::OneOf(&["checking", "savings"])),
            ("account_number", Kind::Text),
        ])),
    ),
];

/// Checks the body of `PUT /sandbox/company`: every member is required (and nullable). Returns
/// the company with each object's members filled in (`null` where absent).
pub(crate) fn check_company(body: Value) -> Result<Map<String, Value>, String> {
    let Value::Object(mut fields) = body else {
        return Err(format!(
            "[body]: expected a JSON object, got {}",
            describe(&body)
        ));
    };
    let mut company = Map::new();
    for (name, kind) in COMPANY {
        let Some(value) = fields.get_mut(*name) else {
            return Err(format!("[body:{name}]: Required"));
        };
        check(value, kind, name)?;
        company.insert((*name).to_owned(), filled(value, kind));
    }
    Ok(company)
}

/// `value` with every member its kind names present (`null` when absent).
fn filled(value: &Value, kind: &Kind) -> Value {
    match (kind, value) {
        (Kind::Object(spec), Value::Object(fields)) => {
            let mut out = Map::new();
            for (name, member) in *spec {
                let present = fields.get(*name).unwrap_or(&Value::Null);
                // `name` and `source_id` of a location are optional: leave them out when absent.
                if present.is_null() && matches!(*name, "name" | "source_id") {
                    continue;
                }
                out.insert((*name).to_owned(), filled(present, member));
            }
            Value::Object(out)
        }
        (Kind::ArrayOf(item) | Kind::ArrayOfNullable(item), Value::Array(items)) => {
            Value::Array(items.iter().map(|element| filled(element, item)).collect())
        }
        (_, value) => value.clone(),
    }
}

fn check_fields(
    fields: &mut Map<String, Value>,
    spec: &[(&str, Kind)],
    path: &str,
) -> Result<(), String> {
    for (name, kind) in spec {
        if let Some(value) = fields.get_mut(*name) {
            check(value, kind, &format!("{path}.{name}"))?;
        }
    }
    Ok(())
}

/// Checks `value` against `kind`, and writes a date given as `M/D/YYYY` (as the spec's own
/// example of `PUT /sandbox/employment` sends `start_date`) as `YYYY-MM-DD`, the form the reads
/// answer with.
fn check(value: &mut Value, kind: &Kind, path: &str) -> Result<(), String> {
    let fits = match (kind, &mut *value) {
        (_, Value::Null) | (Kind::Any, _) => true,
        (Kind::Text, Value::String(_)) | (Kind::Bool, Value::Bool(_)) => true,
        (Kind::Integer, Value::Number(number)) => number.is_i64() || number.is_u64(),
        (Kind::Date | Kind::DateText, Value::String(text)) => match crate::dates::iso_from_us(text)
        {
            Some(iso) => {
                *text = iso;
                true
            }
            None => matches!(kind, Kind::DateText) || crate::dates::parse(text).is_some(),
        },
        (Kind::OneOf(allowed), Value::String(text)) => allowed.contains(&text.as_str()),
        (Kind::Object(spec), Value::Object(fields)) => return check_fields(fields, spec, path),
        (Kind::ArrayOf(item) | Kind::ArrayOfNullable(item), Value::Array(items)) => {
            let nullable = matches!(kind, Kind::ArrayOfNullable(_));
            for (position, element) in items.iter_mut().enumerate() {
                let at = format!("{path}.{position}");
                if element.is_null() && !nullable {
                    return Err(format!(
                        "[body:{at}]: the items of `{path}` may not be null"
                    ));
                }
                check(element, item, &at)?;
            }
            return Ok(());
        }
        _ => false,
    };
    if fits {
        Ok(())
    } else {
        Err(format!(
            "[body:{path}]: expected {}, got {}",
            expected(kind),
            describe(value)
        ))
    }
}

fn expected(kind: &Kind) -> String {
    match kind {
        Kind::Text => "a string or null".to_owned(),
        Kind::Date => "a date (YYYY-MM-DD or M/D/YYYY) or null".to_owned(),
        Kind::DateText => "a string or null".to_owned(),
        Kind::Bool => "a boolean or null".to_owned(),
        Kind::Integer => "an integer or null".to_owned(),
        Kind::OneOf(allowed) => format!("one of {} or null", allowed.join(", ")),
        Kind::Object(_) => "an object or null".to_owned(),
        Kind::ArrayOf(_) | Kind::ArrayOfNullable(_) => "an array or null".to_owned(),
        Kind::Any => "anything".to_owned(),
    }
}

fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("{s:?}"),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn accepts_a_full_person_and_an_empty_one() {
        let body = json!([
            {
                "first_name": "Ada", "last_name": "Lovelace", "gender": "female", "dob": "1990-12-10",
                "emails": [{"data": "ada@example.com", "type": "work"}], "phone_numbers": [null],
                "residence": {"line1": "1 Main St", "city": "Boston", "state": "MA", "country": "US"},
                "manager": {"id": "x"}, "department": {"name": "Engineering"},
                "employment": {"type": "employee", "subtype": "full_time"}, "is_active": true,
                "income": {"unit": "yearly", "amount": 10000000, "currency": "usd", "effective_date": "2020-01-01"},
                "custom_fields": [{"name": "shirt", "value": {"size": "L"}}], "unknown_extra": 5
            },
            {}
        ]);
        let people = check_body(body).unwrap();
        assert_eq!(people.len(), 2);
        assert_eq!(people[0]["unknown_extra"], 5);
    }

    #[test]
    fn updates_keep_only_their_fields() {
        let kept = check_update(
            json!({"first_name": "Ada", "title": "Engineer", "gender": null}),
            &["first_name", "gender"],
        )
        .unwrap();
        assert_eq!(
            Value::Object(kept),
            json!({"first_name": "Ada", "gender": null})
        );
        let error = check_update(json!({"gender": "F"}), &["gender"]).unwrap_err();
        assert!(error.starts_with("[body:gender]"), "{error}");
        assert!(check_update(json!([1]), &["gender"]).is_err());
    }

    /// A date as `M/D/YYYY`, as the spec's own example of `PUT /sandbox/employment` sends
    /// `start_date`, is taken and kept as `YYYY-MM-DD`. Other text is kept as sent where the spec
    /// says `Date` (any string), and refused where it says `format: date`, as is a `YYYY-MM-DD`
    /// that is no day of the calendar.
    #[test]
    fn dates_as_month_day_year_are_kept_as_iso() {
        let kept = check_update(
            json!({"start_date": "3/4/2020", "end_date": "12/31/2024", "latest_rehire_date": "2021-06-01"}),
            &["start_date", "end_date", "latest_rehire_date"],
        )
        .unwrap();
        assert_eq!(
            Value::Object(kept),
            json!({"start_date": "2020-03-04", "end_date": "2024-12-31", "latest_rehire_date": "2021-06-01"})
        );
        let people = check_body(json!([{"dob": "02/29/2024"}])).unwrap();
        assert_eq!(people[0]["dob"], "2024-02-29");
        for bad in [
            "2/30/2024",
            "13/1/2020",
            "3/4/20",
            "3/4/2020/1",
            "3-4-2020",
            "+3/4/2020",
            "",
            "2025-13-01",
            "2025-02-29",
            "2025-04-31",
            "2025-00-10",
        ] {
            let kept = check_update(json!({ "start_date": bad }), &["start_date"]).unwrap();
            assert_eq!(kept["start_date"], bad);
            let income = json!({ "income": { "effective_date": bad } });
            let error = check_update(income, &["income"]).unwrap_err();
            assert!(
                error.starts_with("[body:income.effective_date]: expected a date"),
                "{bad}: {error}"
            );
        }
    }

    /// Array items are `null` only where the spec marks them nullable (phone numbers, incomes,
    /// departments, locations), not elsewhere (emails, custom fields, accounts).
    #[test]
    fn null_items_only_where_the_spec_allows_them() {
        let people = check_body(json!([{"phone_numbers": [null], "income_history": [null]}]));
        assert!(people.is_ok(), "{people:?}");
        for (body, needle) in [
            (json!([{"emails": [null]}]), "[body:0.emails.0]"),
            (
                json!([{"custom_fields": [null, null]}]),
                "[body:0.custom_fields.0]",
            ),
        ] {
            let message = check_body(body).unwrap_err();
            assert!(message.starts_with(needle), "{message}");
            assert!(message.contains("may not be null"), "{message}");
        }
        let company = |accounts: Value| {
            check_company(json!({
                "legal_name": null, "entity": null, "primary_email": null,
                "primary_phone_number": null, "departments": [null], "ein": null,
                "locations": [null], "accounts": accounts
            }))
        };
        assert!(company(json!([])).is_ok());
        assert!(
            company(json!([null]))
                .unwrap_err()
                .starts_with("[body:accounts.0]")
        );
    }

    #[test]
    fn company_needs_every_member() {
        let company = json!({
            "legal_name": "Acme", "entity": {"type": "llc"}, "primary_email": null,
            "primary_phone_number": null, "departments": [{"name": "Ops"}], "ein": null,
            "locations": [{"line1": "1 Main St", "city": "Boston"}], "accounts": null
        });
        let checked = check_company(company.clone()).unwrap();
        assert_eq!(checked["entity"], json!({"type": "llc", "subtype": null}));
        assert_eq!(
            checked["departments"][0],
            json!({"name": "Ops", "parent": null})
        );
        assert_eq!(checked["locations"][0]["state"], Value::Null);
        assert!(checked["locations"][0].get("name").is_none());
        let mut missing = company.clone();
        missing.as_object_mut().unwrap().remove("ein");
        assert_eq!(check_company(missing).unwrap_err(), "[body:ein]: Required");
        let mut bad = company;
        bad["entity"]["type"] = json!("corp");
        assert!(
            check_company(bad)
                .unwrap_err()
                .starts_with("[body:entity.type]")
        );
    }

    #[test]
    fn rejects_with_the_path_of_the_bad_field() {
        for (body, needle) in [
            (json!({"first_name": "x"}), "[body]: expected a JSON array"),
            (json!([1]), "[body:0]: expected an object"),
            (
                json!([{}, {"gender": "Female"}]),
                "[body:1.gender]: expected one of female",
            ),
            (
                json!([{"first_name": 3}]),
                "[body:0.first_name]: expected a string",
            ),
            (
                json!([{"income": {"effective_date": "13/12/1990"}}]),
                "[body:0.income.effective_date]: expected a date",
            ),
            (json!([{"emails": [{"data": 1}]}]), "[body:0.emails.0.data]"),
            (
                json!([{"income": {"amount": 1.5}}]),
                "[body:0.income.amount]: expected an integer",
            ),
            (
                json!([{"is_active": "yes"}]),
                "[body:0.is_active]: expected a boolean",
            ),
        ] {
            let message = check_body(body).unwrap_err();
            assert!(
                message.contains(needle),
                "{message} does not contain {needle}"
            );
        }
    }
}
