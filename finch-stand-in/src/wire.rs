//! The JSON shapes of the organization endpoints (company, directory, individual, employment),
//! built from the fixture without copying it.
//!
//! Field names and nullability follow the OpenAPI spec: required-but-nullable fields are always
//! present (as `null` when there is nothing), optional fields are left out. A person with
//! sandbox fields ([`Person::fields`]) is built as a JSON object: the generated view (if any),
//! with the sandbox fields on top, normalized so that it still has the spec's shape.

use serde::Serialize;
use serde_json::{Map, Value};

use super::data;
use super::dates;
use super::fixture::Company;
use super::ids::{Uuid, mix};
use super::people::{Address, Generated, Kind, Pay, Person};

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

/// `GetCompanyResponse`, generated.
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

/// The generated company.
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

/// `GET /employer/company`: the generated company, or what `PUT /sandbox/company` set.
pub(crate) fn company_value(company: &Company) -> Value {
    match &company.replaced {
        Some(fields) => {
            let mut object = Map::with_capacity(fields.len() + 1);
            object.insert("id".to_owned(), Value::String(company.id.to_string()));
            object.extend(fields.iter().map(|(k, v)| (k.clone(), v.clone())));
            Value::Object(object)
        }
        None => serde_json::to_value(self::company(company)).unwrap_or(Value::Null),
    }
}

#[derive(Debug, Serialize)]
struct ManagerOut {
    id: Uuid,
}

/// One item of `GET /employer/directory` for a generated person without sandbox fields.
#[derive(Debug, Serialize)]
pub(crate) struct DirectoryEntry<'a> {
    id: Uuid,
    first_name: Option<&'a str>,
    middle_name: Option<&'a str>,
    last_name: Option<&'a str>,
    manager: Option<ManagerOut>,
    department: Option<NameOut<'a>>,
    is_active: Option<bool>,
}

/// A directory item: typed for a generated person, a JSON object otherwise.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub(crate) enum DirectoryItem<'a> {
    Generated(DirectoryEntry<'a>),
    Value(Value),
}

const DIRECTORY_FIELDS: &[&str] = &[
    "first_name",
    "middle_name",
    "last_name",
    "manager",
    "department",
    "is_active",
];

fn generated_entry<'a>(
    company: &'a Company,
    person: &Person,
    g: &'a Generated,
) -> DirectoryEntry<'a> {
    DirectoryEntry {
        id: person.id,
        first_name: Some(g.first_name),
        middle_name: g.middle_name,
        last_name: Some(g.last_name),
        manager: g
            .manager
            .and_then(|position| company.people.get(position))
            .map(|manager| ManagerOut { id: manager.id }),
        department: data::DEPARTMENTS.get(g.department).map(|dept| NameOut {
            name: Some(dept.name),
        }),
        is_active: Some(g.is_active()),
    }
}

pub(crate) fn directory_entry<'a>(company: &'a Company, person: &'a Person) -> DirectoryItem<'a> {
    match &person.generated {
        Some(g) if person.fields.is_empty() => {
            DirectoryItem::Generated(generated_entry(company, person, g))
        }
        generated => {
            let base = generated
                .as_ref()
                .map(|g| generated_entry(company, person, g));
            DirectoryItem::Value(view(person.id, base, &person.fields, DIRECTORY_FIELDS))
        }
    }
}

/// `GetDirectoryResponse`.
#[derive(Debug, Serialize)]
pub(crate) struct DirectoryPage<'a> {
    pub(crate) paging: Paging,
    pub(crate) individuals: Vec<DirectoryItem<'a>>,
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
        dob: dates::format(g.dob),
        residence: LocationOut::from(&g.residence),
        ssn: include_ssn.then(|| g.ssn_text()),
    }
}

/// The fields of `IndividualResponseBody` that are required (present, possibly `null`), then
/// the optional `encrypted_ssn`.
pub(crate) const INDIVIDUAL_FIELDS: &[&str] = &[
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

/// The individual with sandbox fields, as a JSON object (`ssn` only when asked for).
pub(crate) fn individual_value(company: &Company, person: &Person, include_ssn: bool) -> Value {
    let base = person
        .generated
        .as_ref()
        .map(|g| generated_individual(company, person.id, g, include_ssn));
    let mut value = view(person.id, base, &person.fields, INDIVIDUAL_FIELDS);
    if let Value::Object(object) = &mut value {
        if include_ssn {
            let ssn = person
                .fields
                .get("ssn")
                .cloned()
                .or_else(|| object.get("ssn").cloned())
                .unwrap_or(Value::Null);
            object.insert("ssn".to_owned(), ssn);
        } else {
            object.remove("ssn");
        }
        if let Some(encrypted) = person.fields.get("encrypted_ssn") {
            object.insert("encrypted_ssn".to_owned(), encrypted.clone());
        }
    }
    value
}

/// `BatchError`.
#[derive(Debug, Serialize)]
pub(crate) struct BatchError {
    pub(crate) code: u16,
    pub(crate) name: &'static str,
    pub(crate) finch_code: &'static str,
    pub(crate) message: String,
}

impl BatchError {
    pub(crate) fn not_found(finch_code: &'static str, message: String) -> Self {
        BatchError {
            code: 404,
            name: "not_found_error",
            finch_code,
            message,
        }
    }
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
    Value(Value),
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
        Some(
            person @ Person {
                generated: Some(g), ..
            },
        ) if person.fields.is_empty() => {
            IndividualBody::Generated(generated_individual(company, person.id, g, include_ssn))
        }
        Some(person) => IndividualBody::Value(individual_value(company, person, include_ssn)),
        None => IndividualBody::Error(BatchError::not_found(
            "individual_not_found",
            format!("No individual with id {requested_id} found"),
        )),
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

#[derive(Debug, Serialize)]
struct IncomeOut {
    unit: &'static str,
    amount: i64,
    currency: &'static str,
    effective_date: String,
}

#[derive(Debug, Serialize)]
struct KindOut {
    #[serde(rename = "type")]
    kind: &'static str,
    subtype: &'static str,
}

#[derive(Debug, Serialize)]
struct CustomFieldOut {
    name: &'static str,
    value: Value,
}

/// `EmploymentDataResponseBody` for a generated person.
#[derive(Debug, Serialize)]
pub(crate) struct GeneratedEmployment<'a> {
    id: Uuid,
    first_name: &'a str,
    middle_name: Option<&'a str>,
    last_name: &'a str,
    title: &'a str,
    manager: Option<ManagerOut>,
    department: NameOut<'a>,
    employment: KindOut,
    start_date: String,
    end_date: Option<String>,
    latest_rehire_date: Option<String>,
    is_active: bool,
    employment_status: &'a str,
    flsa_status: Option<&'a str>,
    union_code: Option<&'a str>,
    union_local: Option<&'a str>,
    highly_compensated_employee: bool,
    key_employee: bool,
    class_code: &'a str,
    location: Option<LocationOut<'a>>,
    income: IncomeOut,
    income_history: Vec<IncomeOut>,
    custom_fields: Vec<CustomFieldOut>,
    source_id: String,
}

fn income(pay: Pay, effective: dates::Day) -> IncomeOut {
    let (unit, amount) = match pay {
        Pay::Salary(amount) => ("yearly", amount),
        Pay::Hourly(amount) => ("hourly", amount),
        Pay::Contract(amount) => ("monthly", amount),
    };
    IncomeOut {
        unit,
        amount,
        currency: "usd",
        effective_date: dates::format(effective),
    }
}

/// The 2025 IRS threshold for highly compensated employees, in cents.
const HCE_THRESHOLD: i64 = 16_000_000;

fn generated_employment<'a>(
    company: &'a Company,
    position: usize,
    person: &Person,
    g: &'a Generated,
) -> GeneratedEmployment<'a> {
    let dept = data::DEPARTMENTS.get(g.department);
    let (kind, subtype) = match g.kind {
        Kind::FullTime => ("employee", "full_time"),
        Kind::PartTime => ("employee", "part_time"),
        Kind::Intern => ("employee", "intern"),
        Kind::Temp => ("employee", "temp"),
        Kind::Contractor => ("contractor", "individual_contractor"),
    };
    let yearly = match g.pay {
        Pay::Salary(amount) => amount,
        Pay::Hourly(rate) => rate * 2_080,
        Pay::Contract(monthly) => monthly * 12,
    };
    let is_head = dept.is_some_and(|dept| dept.head_title == g.title);
    let income_history = match g.raise {
        Some((effective, before)) => {
            let previous = match g.pay {
                Pay::Salary(_) => Pay::Salary(before),
                Pay::Hourly(_) => Pay::Hourly(before),
                Pay::Contract(_) => Pay::Contract(before),
            };
            vec![income(previous, g.start), income(g.pay, effective)]
        }
        None => vec![income(g.pay, g.start)],
    };
    let draw = mix(g.seed, 0x00C5_7F1E);
    let size = data::T_SHIRT_SIZES
        .get(usize::try_from(draw % 6).unwrap_or(0))
        .copied()
        .unwrap_or("M");
    GeneratedEmployment {
        id: person.id,
        first_name: g.first_name,
        middle_name: g.middle_name,
        last_name: g.last_name,
        title: &g.title,
        manager: g
            .manager
            .and_then(|position| company.people.get(position))
            .map(|manager| ManagerOut { id: manager.id }),
        department: NameOut {
            name: dept.map(|dept| dept.name),
        },
        employment: KindOut { kind, subtype },
        start_date: dates::format(g.start),
        end_date: g.end.map(dates::format),
        latest_rehire_date: None,
        is_active: g.is_active(),
        employment_status: g.status,
        flsa_status: match g.pay {
            Pay::Salary(_) => Some("exempt"),
            Pay::Hourly(_) => Some("non_exempt"),
            Pay::Contract(_) => None,
        },
        union_code: None,
        union_local: None,
        highly_compensated_employee: !g.is_contractor() && yearly >= HCE_THRESHOLD,
        key_employee: !g.is_contractor() && (is_head || g.department == 0),
        class_code: dept.map_or("8810", |dept| dept.class_code),
        location: company
            .locations
            .get(g.work_location)
            .map(LocationOut::from),
        income: income(g.pay, g.raise.map_or(g.start, |(effective, _)| effective)),
        income_history,
        custom_fields: vec![
            CustomFieldOut {
                name: "T-Shirt Size",
                value: Value::String(size.to_owned()),
            },
            CustomFieldOut {
                name: "Remote",
                value: Value::Bool(draw.is_multiple_of(4)),
            },
        ],
        source_id: format!("EMP-{:05}", position + 1),
    }
}

/// The fields of `EmploymentDataResponseBody` that are required (present, possibly `null`),
/// then the optional ones.
pub(crate) const EMPLOYMENT_FIELDS: &[&str] = &[
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
    "union_code",
    "union_local",
    "highly_compensated_employee",
    "key_employee",
    "class_code",
    "location",
];

/// Optional employment fields, present when the generated data or the sandbox has them.
pub(crate) const OPTIONAL_EMPLOYMENT_FIELDS: &[&str] =
    &["income", "income_history", "custom_fields", "source_id"];

/// The employment with sandbox fields, as a JSON object.
pub(crate) fn employment_value(company: &Company, position: usize, person: &Person) -> Value {
    let base = person
        .generated
        .as_ref()
        .map(|g| generated_employment(company, position, person, g));
    let mut value = view(person.id, base.as_ref(), &person.fields, EMPLOYMENT_FIELDS);
    if let (Value::Object(object), Some(base)) = (&mut value, &base)
        && let Ok(Value::Object(generated)) = serde_json::to_value(base)
    {
        for &field in OPTIONAL_EMPLOYMENT_FIELDS {
            if let Some(v) = generated.get(field) {
                object.insert(field.to_owned(), v.clone());
            }
        }
    }
    if let Value::Object(object) = &mut value {
        for &field in OPTIONAL_EMPLOYMENT_FIELDS {
            if let Some(v) = person.fields.get(field) {
                object.insert(field.to_owned(), normalize(field, v));
            }
        }
    }
    value
}

/// The `body` of one item of `POST /employer/employment`.
#[derive(Debug, Serialize)]
#[serde(untagged)]
#[expect(
    clippy::large_enum_variant,
    reason = "short-lived, built once per batch item"
)]
pub(crate) enum EmploymentBody<'a> {
    Generated(GeneratedEmployment<'a>),
    Value(Value),
    Error(BatchError),
}

/// One item of `GetEmploymentsResponse.responses`.
#[derive(Debug, Serialize)]
pub(crate) struct EmploymentItem<'a> {
    individual_id: &'a str,
    code: u16,
    body: EmploymentBody<'a>,
}

/// The batch item for `requested_id`: the employment, or a 404 batch error.
pub(crate) fn employment_item<'a>(
    company: &'a Company,
    requested_id: &'a str,
) -> EmploymentItem<'a> {
    let body = match company
        .position(requested_id)
        .and_then(|position| Some((position, company.people.get(position)?)))
    {
        Some((
            position,
            person @ Person {
                generated: Some(g), ..
            },
        )) if person.fields.is_empty() => {
            EmploymentBody::Generated(generated_employment(company, position, person, g))
        }
        Some((position, person)) => {
            EmploymentBody::Value(employment_value(company, position, person))
        }
        None => EmploymentBody::Error(BatchError::not_found(
            "individual_not_found",
            format!("No individual with id {requested_id} found"),
        )),
    };
    let code = if matches!(body, EmploymentBody::Error(_)) {
        404
    } else {
        200
    };
    EmploymentItem {
        individual_id: requested_id,
        code,
        body,
    }
}

/// `{"id": id}` plus, for each of `fields`, the sandbox value (normalized), else the generated
/// one, else `null`.
fn view(
    id: Uuid,
    base: Option<impl Serialize>,
    fields: &Map<String, Value>,
    keys: &[&str],
) -> Value {
    let generated = match base.map(|base| serde_json::to_value(base)) {
        Some(Ok(Value::Object(object))) => object,
        _ => Map::new(),
    };
    let mut object = Map::with_capacity(keys.len() + 1);
    object.insert("id".to_owned(), Value::String(id.to_string()));
    for &key in keys {
        let value = match fields.get(key) {
            Some(value) => normalize(key, value),
            None => generated.get(key).cloned().unwrap_or(Value::Null),
        };
        object.insert(key.to_owned(), value);
    }
    if let Some(ssn) = generated.get("ssn") {
        object.insert("ssn".to_owned(), ssn.clone());
    }
    Value::Object(object)
}

fn text_or_null(object: &Map<String, Value>, key: &str) -> Value {
    match object.get(key) {
        Some(Value::String(text)) => Value::String(text.clone()),
        _ => Value::Null,
    }
}

fn pick(object: &Map<String, Value>, keys: &[&str]) -> Value {
    Value::Object(
        keys.iter()
            .map(|&key| {
                (
                    key.to_owned(),
                    object.get(key).cloned().unwrap_or(Value::Null),
                )
            })
            .collect(),
    )
}

/// A sandbox value in the shape the spec gives the field in replies (the sandbox body was
/// checked for types already; this fills in required members and drops what cannot be served).
pub(crate) fn normalize(key: &str, value: &Value) -> Value {
    match (key, value) {
        ("manager", Value::Object(manager)) => match manager.get("id") {
            Some(Value::String(id)) => serde_json::json!({ "id": id }),
            _ => Value::Null,
        },
        ("department", Value::Object(department)) => {
            serde_json::json!({ "name": text_or_null(department, "name") })
        }
        ("residence" | "location", Value::Object(location)) => {
            let mut out = Map::new();
            for field in ["line1", "line2", "city", "state", "postal_code", "country"] {
                out.insert(field.to_owned(), text_or_null(location, field));
            }
            for field in ["name", "source_id"] {
                if let Some(v) = location.get(field) {
                    out.insert(field.to_owned(), v.clone());
                }
            }
            Value::Object(out)
        }
        ("emails", Value::Array(items)) => Value::Array(
            items
                .iter()
                .filter_map(Value::as_object)
                .filter(|email| email.get("data").is_some_and(Value::is_string))
                .map(|email| pick(email, &["data", "type"]))
                .collect(),
        ),
        ("phone_numbers", Value::Array(items)) => Value::Array(
            items
                .iter()
                .map(|item| match item {
                    Value::Object(phone) => pick(phone, &["data", "type"]),
                    _ => Value::Null,
                })
                .collect(),
        ),
        ("income", Value::Object(income)) => {
            pick(income, &["unit", "amount", "currency", "effective_date"])
        }
        ("income_history", Value::Array(items)) => Value::Array(
            items
                .iter()
                .map(|item| match item {
                    Value::Object(income) => {
                        pick(income, &["unit", "amount", "currency", "effective_date"])
                    }
                    _ => Value::Null,
                })
                .collect(),
        ),
        ("employment", Value::Object(kind)) => pick(kind, &["type", "subtype"]),
        ("custom_fields", Value::Array(items)) => Value::Array(
            items
                .iter()
                .filter_map(Value::as_object)
                .map(|field| {
                    Value::Object(
                        field
                            .iter()
                            .filter(|(k, _)| matches!(k.as_str(), "name" | "value"))
                            .map(|(k, v)| (k.clone(), v.clone()))
                            .collect(),
                    )
                })
                .collect(),
        ),
        (
            "manager" | "department" | "residence" | "location" | "emails" | "phone_numbers"
            | "income" | "income_history" | "employment" | "custom_fields",
            _,
        ) => Value::Null,
        (_, value) => value.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::tests::company as fixture;
    use serde_json::json;

    fn to_value(value: &impl Serialize) -> Value {
        serde_json::to_value(value).unwrap()
    }

    #[test]
    fn company_has_every_required_field() {
        let fixture = fixture(5, 1);
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
        let mut fixture = fixture(20, 1);
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
    fn sandbox_fields_override_generated_ones() {
        let mut fixture = fixture(20, 1);
        let id = fixture.people[3].id.to_string();
        let person = fixture.person_mut(&id).unwrap();
        person
            .fields
            .insert("first_name".to_owned(), json!("Renamed"));
        person
            .fields
            .insert("title".to_owned(), json!("Chief Tester"));
        person
            .fields
            .insert("manager".to_owned(), json!({"id": null}));
        let entry = to_value(&directory_entry(&fixture, &fixture.people[3]));
        assert_eq!(entry["first_name"], "Renamed");
        assert_eq!(entry["manager"], Value::Null);
        assert_eq!(
            entry["last_name"],
            to_value(&directory_entry(&fixture, &fixture.people[3]))["last_name"]
        );
        let item = to_value(&employment_item(&fixture, &id));
        assert_eq!(item["body"]["title"], "Chief Tester");
        assert_eq!(item["body"]["first_name"], "Renamed");
        assert!(item["body"]["income"]["amount"].is_i64());
        let individual = to_value(&individual_item(&fixture, &id, false));
        assert_eq!(individual["body"]["first_name"], "Renamed");
        assert!(individual["body"].get("ssn").is_none());
    }

    #[test]
    fn individual_items_and_ssn_only_on_request() {
        let fixture = fixture(20, 1);
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
    fn employment_has_every_required_field() {
        let fixture = fixture(60, 1);
        for person in &fixture.people {
            let item = to_value(&employment_item(&fixture, &person.id.to_string()));
            for field in EMPLOYMENT_FIELDS {
                assert!(item["body"].get(field).is_some(), "{field}");
            }
            assert_eq!(item["body"]["income"]["currency"], "usd");
        }
    }
}
