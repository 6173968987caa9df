//! The JSON shapes the stand-in sends, built from the fixture without copying it.
//!
//! Field names and nullability follow the OpenAPI spec: required-but-nullable fields are always
//! present (as `null` when there is nothing), optional fields are left out.

use serde::Serialize;
use serde_json::{Map, Value};

use super::data;
use super::fixture::{Address, Benefit, Company, Generated, Person, PersonData};
use super::ids::Uuid;

/// `Location`.
#[derive(Debug, Serialize)]
pub(crate) struct LocationOut<'a> {
    line1: &'a str,
    line2: Option<&'a str>,
    city: &'a str,
    state: &'a str,
    postal_code: &'a str,
    country: &'a str,
}

impl<'a> From<&'a Address> for LocationOut<'a> {
    fn from(address: &'a Address) -> Self {
        Self {
            line1: &address.line1,
            line2: address.line2.as_deref(),
            city: address.city.name,
            state: address.city.state,
            postal_code: address.city.postal_code,
            country: "US",
        }
    }
}

/// `GetCompanyResponse`.
#[derive(Debug, Serialize)]
pub(crate) struct CompanyOut<'a> {
    id: Uuid,
    legal_name: &'a str,
    entity: EntityOut,
    ein: &'a str,
    primary_email: String,
    primary_phone_number: &'a str,
    departments: Vec<DepartmentOut>,
    locations: Vec<LocationOut<'a>>,
    accounts: Vec<AccountOut<'a>>,
}

#[derive(Debug, Serialize)]
struct EntityOut {
    #[serde(rename = "type")]
    kind: &'static str,
    subtype: &'static str,
}

#[derive(Debug, Serialize)]
struct DepartmentOut {
    name: &'static str,
    parent: Option<NameOut<'static>>,
}

#[derive(Debug, Serialize)]
struct NameOut<'a> {
    name: Option<&'a str>,
}

#[derive(Debug, Serialize)]
struct AccountOut<'a> {
    routing_number: &'a str,
    account_name: &'a str,
    institution_name: &'a str,
    account_type: &'a str,
    account_number: &'a str,
}

pub(crate) fn company(company: &Company) -> CompanyOut<'_> {
    let departments = data::DEPARTMENTS
        .iter()
        .map(|dept| DepartmentOut {
            name: dept.name,
            parent: dept
                .parent
                .and_then(|parent| data::DEPARTMENTS.get(parent))
                .map(|parent| NameOut {
                    name: Some(parent.name),
                }),
        })
        .collect();
    CompanyOut {
        id: company.id,
        legal_name: company.legal_name,
        entity: EntityOut {
            kind: "corporation",
            subtype: "c_corporation",
        },
        ein: &company.ein,
        primary_email: format!("payroll@{}", company.domain),
        primary_phone_number: &company.phone_number,
        departments,
        locations: company.locations.iter().map(LocationOut::from).collect(),
        accounts: vec![AccountOut {
            routing_number: &company.bank_account.routing_number,
            account_name: "PAYROLL CHECKING",
            institution_name: company.bank_account.institution_name,
            account_type: "checking",
            account_number: &company.bank_account.account_number,
        }],
    }
}

/// An id that is either ours (a [`Uuid`]) or text a sandbox client sent.
#[derive(Debug, Serialize)]
#[serde(untagged)]
enum IdOut<'a> {
    Uuid(Uuid),
    Text(&'a str),
}

#[derive(Debug, Serialize)]
struct ManagerOut<'a> {
    id: IdOut<'a>,
}

/// One item of `GET /employer/directory`.
#[derive(Debug, Serialize)]
pub(crate) struct DirectoryEntry<'a> {
    id: Uuid,
    first_name: Option<&'a str>,
    middle_name: Option<&'a str>,
    last_name: Option<&'a str>,
    manager: Option<ManagerOut<'a>>,
    department: Option<NameOut<'a>>,
    is_active: Option<bool>,
}

pub(crate) fn directory_entry<'a>(company: &'a Company, person: &'a Person) -> DirectoryEntry<'a> {
    match &person.data {
        PersonData::Generated(g) => DirectoryEntry {
            id: person.id,
            first_name: Some(g.first_name),
            middle_name: g.middle_name,
            last_name: Some(g.last_name),
            manager: g
                .manager
                .and_then(|position| company.people.get(position))
                .map(|manager| ManagerOut {
                    id: IdOut::Uuid(manager.id),
                }),
            department: data::DEPARTMENTS.get(g.department).map(|dept| NameOut {
                name: Some(dept.name),
            }),
            is_active: Some(g.is_active),
        },
        PersonData::Sandbox(fields) => DirectoryEntry {
            id: person.id,
            first_name: text(fields, "first_name"),
            middle_name: text(fields, "middle_name"),
            last_name: text(fields, "last_name"),
            manager: fields
                .get("manager")
                .and_then(|manager| manager.get("id"))
                .and_then(Value::as_str)
                .map(|id| ManagerOut {
                    id: IdOut::Text(id),
                }),
            department: fields
                .get("department")
                .and_then(Value::as_object)
                .map(|dept| NameOut {
                    name: dept.get("name").and_then(Value::as_str),
                }),
            is_active: fields.get("is_active").and_then(Value::as_bool),
        },
    }
}

fn text<'a>(fields: &'a Map<String, Value>, name: &str) -> Option<&'a str> {
    fields.get(name).and_then(Value::as_str)
}

/// `GetDirectoryResponse`.
#[derive(Debug, Serialize)]
pub(crate) struct DirectoryPage<'a> {
    pub(crate) paging: Paging,
    pub(crate) individuals: Vec<DirectoryEntry<'a>>,
}

/// `Paging`.
#[derive(Debug, Serialize)]
pub(crate) struct Paging {
    pub(crate) count: usize,
    pub(crate) offset: usize,
}

#[derive(Debug, Serialize)]
struct ContactOut<'a> {
    data: String,
    #[serde(rename = "type")]
    kind: &'a str,
}

/// `IndividualResponseBody` for a generated person.
#[derive(Debug, Serialize)]
pub(crate) struct GeneratedIndividual<'a> {
    id: Uuid,
    first_name: &'a str,
    middle_name: Option<&'a str>,
    last_name: &'a str,
    preferred_name: Option<&'a str>,
    emails: Vec<ContactOut<'a>>,
    phone_numbers: Vec<ContactOut<'a>>,
    gender: &'a str,
    ethnicity: &'a str,
    marital_status: &'a str,
    dob: String,
    residence: LocationOut<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ssn: Option<String>,
}

fn generated_individual<'a>(
    company: &Company,
    id: Uuid,
    g: &'a Generated,
    include_ssn: bool,
) -> GeneratedIndividual<'a> {
    let mut emails = vec![ContactOut {
        data: g.work_email.clone(),
        kind: "work",
    }];
    if let Some(personal) = &g.personal_email {
        emails.push(ContactOut {
            data: personal.clone(),
            kind: "personal",
        });
    }
    let mut phone_numbers = vec![ContactOut {
        data: format!("+1{}555{:04}", g.residence.city.area_code, g.personal_phone),
        kind: "personal",
    }];
    if let (Some(work), Some(hq)) = (g.work_phone, company.locations.first()) {
        phone_numbers.push(ContactOut {
            data: format!("+1{}555{work:04}", hq.city.area_code),
            kind: "work",
        });
    }
    GeneratedIndividual {
        id,
        first_name: g.first_name,
        middle_name: g.middle_name,
        last_name: g.last_name,
        preferred_name: g.preferred_name,
        emails,
        phone_numbers,
        gender: g.gender,
        ethnicity: g.ethnicity,
        marital_status: g.marital_status,
        dob: g.dob_text(),
        residence: LocationOut::from(&g.residence),
        ssn: include_ssn.then(|| g.ssn_text()),
    }
}

/// The fields of `IndividualResponseBody` that are required (present, possibly `null`).
const INDIVIDUAL_FIELDS: &[&str] = &[
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
];

fn sandbox_individual(id: Uuid, fields: &Map<String, Value>, include_ssn: bool) -> Value {
    let mut body = Map::new();
    body.insert("id".to_owned(), Value::String(id.to_string()));
    for &name in INDIVIDUAL_FIELDS {
        body.insert(
            name.to_owned(),
            fields.get(name).cloned().unwrap_or(Value::Null),
        );
    }
    if include_ssn {
        body.insert(
            "ssn".to_owned(),
            fields.get("ssn").cloned().unwrap_or(Value::Null),
        );
    }
    Value::Object(body)
}

/// `BatchError`.
#[derive(Debug, Serialize)]
pub(crate) struct BatchError {
    code: u16,
    name: &'static str,
    finch_code: &'static str,
    message: String,
}

/// The `body` of one item of `POST /employer/individual`.
#[derive(Debug, Serialize)]
#[serde(untagged)]
#[expect(
    clippy::large_enum_variant,
    reason = "short-lived, built once per batch item"
)]
pub(crate) enum IndividualBody<'a> {
    Generated(GeneratedIndividual<'a>),
    Sandbox(Value),
    Error(BatchError),
}

/// One item of `GetIndividualsResponse.responses`.
#[derive(Debug, Serialize)]
pub(crate) struct IndividualItem<'a> {
    individual_id: &'a str,
    code: u16,
    body: IndividualBody<'a>,
}

/// The batch item for `requested_id`: the individual, or a 404 batch error.
pub(crate) fn individual_item<'a>(
    company: &'a Company,
    requested_id: &'a str,
    include_ssn: bool,
) -> IndividualItem<'a> {
    let body = match company.person(requested_id) {
        Some(Person {
            id,
            data: PersonData::Generated(g),
        }) => IndividualBody::Generated(generated_individual(company, *id, g, include_ssn)),
        Some(Person {
            id,
            data: PersonData::Sandbox(fields),
        }) => IndividualBody::Sandbox(sandbox_individual(*id, fields, include_ssn)),
        None => IndividualBody::Error(BatchError {
            code: 404,
            name: "not_found_error",
            finch_code: "individual_not_found",
            message: format!("No individual with id {requested_id} found"),
        }),
    };
    let code = if matches!(body, IndividualBody::Error(_)) {
        404
    } else {
        200
    };
    IndividualItem {
        individual_id: requested_id,
        code,
        body,
    }
}

/// `CompanyBenefit`.
#[derive(Debug, Serialize)]
pub(crate) struct BenefitOut {
    benefit_id: Uuid,
    #[serde(rename = "type")]
    kind: &'static str,
    description: &'static str,
    frequency: &'static str,
    company_contribution: Option<MatchOut>,
}

#[derive(Debug, Serialize)]
struct MatchOut {
    #[serde(rename = "type")]
    kind: &'static str,
    tiers: Vec<TierOut>,
}

#[derive(Debug, Serialize)]
struct TierOut {
    #[serde(rename = "match")]
    match_: u32,
    threshold: u32,
}

pub(crate) fn benefit(benefit: &Benefit) -> BenefitOut {
    let template = benefit.template;
    let company_contribution = (!template.match_tiers.is_empty()).then(|| MatchOut {
        kind: "match",
        tiers: template
            .match_tiers
            .iter()
            .map(|&(match_, threshold)| TierOut { match_, threshold })
            .collect(),
    });
    BenefitOut {
        benefit_id: benefit.id,
        kind: template.kind,
        description: template.description,
        frequency: template.frequency,
        company_contribution,
    }
}

/// `GetCompanyBenefitEnrolledIndividualsResponse`.
#[derive(Debug, Serialize)]
pub(crate) struct EnrolledOut<'a> {
    benefit_id: Uuid,
    individual_ids: &'a [Uuid],
}

pub(crate) fn enrolled(benefit: &Benefit) -> EnrolledOut<'_> {
    EnrolledOut {
        benefit_id: benefit.id,
        individual_ids: &benefit.enrolled,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn to_value(value: &impl Serialize) -> Value {
        serde_json::to_value(value).unwrap()
    }

    #[test]
    fn company_has_every_required_field() {
        let fixture = Company::generate(5, 1);
        let value = to_value(&company(&fixture));
        for field in [
            "id",
            "legal_name",
            "entity",
            "primary_email",
            "primary_phone_number",
            "departments",
            "ein",
            "locations",
            "accounts",
        ] {
            assert!(value.get(field).is_some(), "{field} missing in {value}");
        }
        assert_eq!(
            value["departments"][0],
            json!({"name": "Executive", "parent": null})
        );
        assert_eq!(
            value["departments"][2],
            json!({"name": "Platform", "parent": {"name": "Engineering"}})
        );
        assert_eq!(value["locations"][0]["country"], "US");
        assert!(
            value["locations"][0]
                .as_object()
                .unwrap()
                .contains_key("line2")
        );
        assert_eq!(value["accounts"][0]["account_type"], "checking");
    }

    #[test]
    fn directory_entries_of_both_kinds() {
        let mut fixture = Company::generate(20, 1);
        let ceo = to_value(&directory_entry(&fixture, &fixture.people[0]));
        assert_eq!(ceo["manager"], Value::Null);
        assert_eq!(ceo["department"], json!({"name": "Executive"}));
        let report = to_value(&directory_entry(&fixture, &fixture.people[1]));
        assert_eq!(report["manager"]["id"], fixture.people[0].id.to_string());

        let fields =
            json!({"first_name": "Sam", "manager": {"id": "m-1"}, "department": {"name": null}});
        let Value::Object(fields) = fields else {
            unreachable!()
        };
        fixture.add_sandbox_person(Uuid(7), fields);
        let sandbox = to_value(&directory_entry(&fixture, fixture.people.last().unwrap()));
        assert_eq!(
            sandbox,
            json!({"id": Uuid(7).to_string(), "first_name": "Sam", "middle_name": null, "last_name": null,
                   "manager": {"id": "m-1"}, "department": {"name": null}, "is_active": null})
        );
    }

    #[test]
    fn individual_items_and_ssn_only_on_request() {
        let fixture = Company::generate(20, 1);
        let id = fixture.people[4].id.to_string();
        let item = to_value(&individual_item(&fixture, &id, false));
        assert_eq!(item["code"], 200);
        assert_eq!(item["individual_id"], id);
        assert_eq!(item["body"]["id"], id);
        assert!(item["body"].get("ssn").is_none());
        assert_eq!(item["body"]["emails"][0]["type"], "work");
        assert_eq!(item["body"]["dob"].as_str().unwrap().len(), 10);
        for field in INDIVIDUAL_FIELDS {
            assert!(item["body"].get(field).is_some(), "{field}");
        }
        let with_ssn = to_value(&individual_item(&fixture, &id, true));
        assert_eq!(with_ssn["body"]["ssn"].as_str().unwrap().len(), 11);

        let missing = to_value(&individual_item(&fixture, "nope", false));
        assert_eq!(
            missing,
            json!({"individual_id": "nope", "code": 404, "body": {"code": 404, "name": "not_found_error",
                   "finch_code": "individual_not_found", "message": "No individual with id nope found"}})
        );
    }

    #[test]
    fn benefits_with_and_without_match() {
        let fixture = Company::generate(20, 1);
        let matched = to_value(&benefit(&fixture.benefits[0]));
        assert_eq!(matched["type"], "401k");
        assert_eq!(matched["frequency"], "every_paycheck");
        assert_eq!(matched["company_contribution"]["type"], "match");
        assert_eq!(
            matched["company_contribution"]["tiers"][0],
            json!({"match": 10000, "threshold": 300})
        );
        let plain = to_value(&benefit(&fixture.benefits[2]));
        assert_eq!(plain["company_contribution"], Value::Null);
    }
}
