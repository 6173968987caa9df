//! Payroll: payments, pay statements, pay statement items and their rules, pay groups and
//! ledger items.

use std::collections::BTreeMap;

use http::StatusCode;
use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::{Call, MAX_BATCH, check_values, company, page, parts, single, values};
use crate::data;
use crate::dates::{self, Day};
use crate::fixture::{CONTRACTOR_GROUP, Company, HOURLY_GROUP, SALARIED_GROUP};
use crate::json::{is_absent, parse_body_at, unless_absent};
use crate::payroll::{self, ExplicitStatement, Line, Paycheck, Payment, PaymentKind, Totals};
use crate::people::Generated;
use crate::reply::Reply;
use crate::rules::{self, Condition, Item, Rule};
use crate::state::State;
use crate::wire::BatchError;

fn money(amount: i64) -> Value {
    json!({ "amount": amount, "currency": "usd" })
}

fn payment_not_found(id: &str) -> Value {
    serde_json::to_value(BatchError::not_found(
        "payment_not_found",
        format!("No payment with id {id} found"),
    ))
    .unwrap_or(Value::Null)
}

// ---------------------------------------------------------------------------------------------
// GET /employer/payment

fn required_date(call: &Call<'_>, name: &str) -> Result<Day, Reply> {
    match single(call.query, name) {
        None => Err(Reply::invalid(&format!(
            "`{name}` is required (YYYY-MM-DD)"
        ))),
        Some(text) => dates::parse(text).ok_or_else(|| {
            Reply::invalid(&format!(
                "`{name}` must be a date as YYYY-MM-DD, got `{text}`"
            ))
        }),
    }
}

fn optional_date(call: &Call<'_>, name: &str) -> Result<Option<Day>, Reply> {
    match single(call.query, name) {
        None => Ok(None),
        Some(text) => dates::parse(text).map(Some).ok_or_else(|| {
            Reply::invalid(&format!(
                "`{name}` must be a date as YYYY-MM-DD, got `{text}`"
            ))
        }),
    }
}

fn pay_group_ids(company: &Company, payment: &Payment) -> Vec<String> {
    let groups: &[usize] = match payment.kind {
        PaymentKind::Regular => &[SALARIED_GROUP, HOURLY_GROUP],
        PaymentKind::Contractor => &[CONTRACTOR_GROUP],
        PaymentKind::Explicit(_) => &[],
    };
    groups
        .iter()
        .filter_map(|&group| company.pay_groups.get(group))
        .map(|group| group.id.to_string())
        .collect()
}

fn payment_value(company: &Company, payment: &Payment) -> Value {
    let summary = company.payment_summary(payment);
    let totals = summary.totals;
    let individual_ids: Vec<String> = summary
        .paid
        .iter()
        .filter_map(|&position| company.people.get(position))
        .map(|person| person.id.to_string())
        .collect();
    json!({
        "id": payment.id,
        "pay_period": {
            "start_date": dates::format(payment.start),
            "end_date": dates::format(payment.end),
        },
        "pay_date": dates::format(payment.pay_date),
        "debit_date": dates::format(payment.debit_date()),
        "company_debit": money(totals.company_debit()),
        "gross_pay": money(totals.gross),
        "net_pay": money(totals.net),
        "employer_taxes": money(totals.employer_taxes),
        "employee_taxes": money(totals.employee_taxes),
        "individual_ids": individual_ids,
        "pay_group_ids": pay_group_ids(company, payment),
        "pay_frequencies": [payment.frequency()],
    })
}

pub(crate) fn payments(state: &mut State, call: &Call<'_>) -> Reply {
    let (start, end) = match (
        required_date(call, "start_date"),
        required_date(call, "end_date"),
    ) {
        (Ok(start), Ok(end)) => (start, end),
        (Err(reply), _) | (_, Err(reply)) => return reply,
    };
    let company = match company(state, call) {
        Ok(company) => company,
        Err(reply) => return reply,
    };
    // Any two dates are a valid request: a range that ends before it starts holds no payment.
    let list: Vec<Value> = company
        .payments
        .iter()
        .filter(|payment| (start..=end).contains(&payment.pay_date))
        .map(|payment| payment_value(company, payment))
        .collect();
    Reply::json(StatusCode::OK, &list)
}

// ---------------------------------------------------------------------------------------------
// POST /employer/pay-statement

const MAX_PAYMENTS: usize = 10;
const MAX_STATEMENTS: usize = 5_000;
const DEFAULT_STATEMENTS: usize = 100;

#[derive(Debug, Default, Deserialize)]
struct StatementsRequest {
    requests: Vec<StatementsItem>,
}

#[derive(Debug, Deserialize)]
struct StatementsItem {
    payment_id: String,
    /// The spec sets a maximum but no minimum: below 0 reads as 0.
    #[serde(default, deserialize_with = "crate::json::count")]
    limit: Option<usize>,
    #[serde(default, deserialize_with = "crate::json::count")]
    offset: Option<usize>,
}

/// The rules' labels for an item, as `attributes`, if any rule applies.
fn attributes(rules: &[Rule], item: Item<'_>, day: Day) -> Option<Value> {
    rules::metadata(rules, item, day).map(|metadata| json!({ "metadata": metadata }))
}

fn with_attributes(mut line: Value, attributes: Option<Value>) -> Value {
    if let (Value::Object(object), Some(attributes)) = (&mut line, attributes) {
        object.insert("attributes".to_owned(), attributes);
    }
    line
}

/// The pay statement of a generated paycheck.
fn generated_statement(
    company: &Company,
    payment: &Payment,
    individual: &str,
    check: &Paycheck,
) -> Value {
    let day = payment.pay_date;
    let rules = &company.rules;
    let earning = |(name, kind): (&str, &str), amount: i64, hours: Option<f64>| {
        let item = Item {
            name,
            category: "earnings",
            kind: Some(kind),
        };
        with_attributes(
            json!({"type": kind, "name": name, "amount": amount, "currency": "usd", "hours": hours}),
            attributes(rules, item, day),
        )
    };
    let mut earnings = Vec::new();
    if check.salary > 0 {
        earnings.push(earning(
            payroll::SALARY_LINE,
            check.salary,
            Some(check.regular_hours),
        ));
    }
    if check.wages > 0 {
        earnings.push(earning(
            payroll::WAGE_LINE,
            check.wages,
            Some(check.regular_hours),
        ));
    }
    if check.overtime > 0 {
        earnings.push(earning(
            payroll::OVERTIME_LINE,
            check.overtime,
            Some(check.overtime_hours),
        ));
    }
    if check.commission > 0 {
        earnings.push(earning(payroll::COMMISSION_LINE, check.commission, None));
    }
    if check.bonus > 0 {
        earnings.push(earning(payroll::BONUS_LINE, check.bonus, None));
    }
    if check.contract > 0 {
        earnings.push(earning(payroll::CONTRACT_LINE, check.contract, None));
    }

    let tax = |name: &str, kind: &str, employer: bool, amount: i64| {
        let item = Item {
            name,
            category: "taxes",
            kind: Some(kind),
        };
        with_attributes(
            json!({"type": kind, "name": name, "employer": employer, "amount": amount, "currency": "usd"}),
            attributes(rules, item, day),
        )
    };
    let mut taxes = Vec::new();
    if !check.contractor {
        let (name, kind) = payroll::FEDERAL_LINE;
        taxes.push(tax(name, kind, false, check.federal));
        let (name, kind) = payroll::SOCIAL_SECURITY_LINE;
        taxes.push(tax(name, kind, false, check.social_security));
        let (name, kind) = payroll::MEDICARE_LINE;
        taxes.push(tax(name, kind, false, check.medicare));
        if let Some(code) = check.state_code {
            taxes.push(tax(
                &payroll::state_tax_name(code),
                "state",
                false,
                check.state,
            ));
        }
        if let Some(name) = check.local_name {
            taxes.push(tax(name, "local", false, check.local));
        }
        let (name, kind) = payroll::EMPLOYER_SOCIAL_SECURITY_LINE;
        taxes.push(tax(name, kind, true, check.employer_social_security));
        let (name, kind) = payroll::EMPLOYER_MEDICARE_LINE;
        taxes.push(tax(name, kind, true, check.employer_medicare));
        if check.futa > 0 {
            let (name, kind) = payroll::FUTA_LINE;
            taxes.push(tax(name, kind, true, check.futa));
        }
    }

    let mut deductions = Vec::new();
    let mut contributions = Vec::new();
    for (benefit, template) in data::BENEFITS.iter().enumerate() {
        let deducted = check.deductions.get(benefit).copied().unwrap_or(0);
        if deducted > 0 {
            let name = payroll::deduction_name(benefit);
            let item = Item {
                name,
                category: "employee_deductions",
                kind: Some(template.kind),
            };
            deductions.push(with_attributes(
                json!({"name": name, "amount": deducted, "currency": "usd", "pre_tax": template.pre_tax, "type": template.kind}),
                attributes(rules, item, day),
            ));
        }
        let contributed = check.contributions.get(benefit).copied().unwrap_or(0);
        if contributed > 0 {
            let name = payroll::contribution_name(benefit);
            let item = Item {
                name,
                category: "employer_contributions",
                kind: Some(template.kind),
            };
            contributions.push(with_attributes(
                json!({"name": name, "amount": contributed, "currency": "usd", "type": template.kind}),
                attributes(rules, item, day),
            ));
        }
    }
    json!({
        "individual_id": individual,
        "type": "regular_payroll",
        "payment_method": if check.direct_deposit { "direct_deposit" } else { "check" },
        "total_hours": check.total_hours(),
        "gross_pay": money(check.gross),
        "net_pay": money(check.net),
        "earnings": earnings,
        "taxes": taxes,
        "employee_deductions": deductions,
        "employer_contributions": contributions,
    })
}

/// The pay statement a sandbox client sent, in the reply's shape.
fn explicit_statement(
    company: &Company,
    payment: &Payment,
    statement: &ExplicitStatement,
) -> Value {
    let day = payment.pay_date;
    let rules = &company.rules;
    let labels = |line: &Line, category: &str| {
        line.name.as_deref().and_then(|name| {
            attributes(
                rules,
                Item {
                    name,
                    category,
                    kind: line.kind.as_deref(),
                },
                day,
            )
        })
    };
    let earnings: Vec<Value> = statement
        .earnings
        .iter()
        .map(|line| {
            with_attributes(
                json!({"type": line.kind, "name": line.name, "amount": line.amount, "currency": "usd", "hours": line.hours}),
                labels(line, "earnings"),
            )
        })
        .collect();
    let taxes: Vec<Value> = statement
        .taxes
        .iter()
        .map(|line| {
            with_attributes(
                json!({"type": line.kind, "name": line.name, "employer": line.employer.unwrap_or(false), "amount": line.amount, "currency": "usd"}),
                labels(line, "taxes"),
            )
        })
        .collect();
    let deductions: Vec<Value> = statement
        .deductions
        .iter()
        .map(|line| {
            with_attributes(
                json!({"name": line.name, "amount": line.amount, "currency": "usd", "pre_tax": line.pre_tax.unwrap_or(false), "type": line.kind}),
                labels(line, "employee_deductions"),
            )
        })
        .collect();
    let contributions: Vec<Value> = statement
        .contributions
        .iter()
        .map(|line| {
            with_attributes(
                json!({"name": line.name, "amount": line.amount, "currency": "usd", "type": line.kind}),
                labels(line, "employer_contributions"),
            )
        })
        .collect();
    json!({
        "individual_id": statement.individual,
        "type": statement.kind,
        "payment_method": statement.payment_method,
        "total_hours": statement.total_hours,
        "gross_pay": money(statement.gross),
        "net_pay": money(statement.net),
        "earnings": earnings,
        "taxes": taxes,
        "employee_deductions": deductions,
        "employer_contributions": contributions,
    })
}

fn statements_page(company: &Company, payment: &Payment, offset: usize, limit: usize) -> Value {
    let (count, statements): (usize, Vec<Value>) = match &payment.kind {
        PaymentKind::Explicit(statements) => (
            statements.len(),
            page(statements, offset, limit)
                .into_iter()
                .map(|statement| explicit_statement(company, payment, statement))
                .collect(),
        ),
        PaymentKind::Regular | PaymentKind::Contractor => {
            let paid = &company.payment_summary(payment).paid;
            let statements = page(paid, offset, limit)
                .into_iter()
                .filter_map(|&position| {
                    let person = company.people.get(position)?;
                    let g: &Generated = person.generated.as_ref()?;
                    let check = payment.paycheck(g, &company.locations)?;
                    Some(generated_statement(
                        company,
                        payment,
                        &person.id.to_string(),
                        &check,
                    ))
                })
                .collect();
            (paid.len(), statements)
        }
    };
    json!({ "paging": { "count": count, "offset": offset }, "pay_statements": statements })
}

pub(crate) fn pay_statements(state: &mut State, call: &Call<'_>) -> Reply {
    // No body: no requests (the spec's body is optional; its `minItems` binds a body that is
    // there), answered with no responses.
    let request = match unless_absent(call.body, StatementsRequest::default(), parse_body_at) {
        Ok(request) => request,
        Err(reply) => return reply,
    };
    if request.requests.is_empty() && !is_absent(call.body) {
        return Reply::invalid("[body:requests]: Array must contain at least 1 element(s)");
    }
    if request.requests.len() > MAX_PAYMENTS {
        return Reply::unprocessable(
            "batch_limit_exceeded",
            "Batch size exceeds the maximum of 10 payment_ids. Please reduce the number of payment_ids in your request.",
        );
    }
    if request
        .requests
        .iter()
        .any(|item| item.limit.is_some_and(|limit| limit > MAX_STATEMENTS))
    {
        return Reply::unprocessable(
            "page_size_limit_exceeded",
            "Page size exceeds the maximum of 5000 items. Please reduce the limit parameter.",
        );
    }
    let company = match company(state, call) {
        Ok(company) => company,
        Err(reply) => return reply,
    };
    let responses: Vec<Value> = request
        .requests
        .iter()
        .map(|item| match company.payment(&item.payment_id) {
            Some(payment) => {
                // `limit: 0` (the spec sets no minimum) is an empty page.
                let limit = item.limit.unwrap_or(DEFAULT_STATEMENTS);
                let body = statements_page(company, payment, item.offset.unwrap_or(0), limit);
                json!({ "payment_id": item.payment_id, "code": 200, "body": body })
            }
            None => json!({
                "payment_id": item.payment_id,
                "code": 404,
                "body": payment_not_found(&item.payment_id),
            }),
        })
        .collect();
    Reply::json(StatusCode::OK, &json!({ "responses": responses }))
}

// ---------------------------------------------------------------------------------------------
// GET /employer/pay-statement-item

const CATEGORIES: &[&str] = &[
    "earnings",
    "taxes",
    "employee_deductions",
    "employer_contributions",
];

/// A pay statement item: its kind, flags and the last pay date it was seen on.
#[derive(Debug, Clone)]
struct ItemSeen {
    kind: Option<String>,
    pre_tax: Option<bool>,
    employer: Option<bool>,
    last_seen: Day,
}

type ItemKey = (&'static str, String);

fn see(
    items: &mut BTreeMap<ItemKey, ItemSeen>,
    category: &'static str,
    name: &str,
    seen: ItemSeen,
) {
    let entry = items
        .entry((category, name.to_owned()))
        .or_insert_with(|| seen.clone());
    entry.last_seen = entry.last_seen.max(seen.last_seen);
}

fn seen(kind: &str, day: Day) -> ItemSeen {
    ItemSeen {
        kind: Some(kind.to_owned()),
        pre_tax: None,
        employer: None,
        last_seen: day,
    }
}

/// Every item of the company's pay statements, from the payments' totals (generated) and lines
/// (sandbox).
fn items_of(company: &Company) -> BTreeMap<ItemKey, ItemSeen> {
    let mut items = BTreeMap::new();
    let state_taxes: Vec<(String, Option<&str>)> = company
        .locations
        .iter()
        .filter_map(|address| {
            let state = crate::catalog::STATE_INCOME_TAX
                .iter()
                .find(|(code, _)| *code == address.city.state)?;
            let local = crate::catalog::LOCAL_TAX
                .iter()
                .find(|(city, _, _)| *city == address.city.name)
                .map(|(_, name, _)| *name);
            Some((payroll::state_tax_name(state.0), local))
        })
        .collect();
    for payment in &company.payments {
        let day = payment.pay_date;
        if let PaymentKind::Explicit(statements) = &payment.kind {
            for statement in statements {
                let lines = [
                    ("earnings", &statement.earnings),
                    ("taxes", &statement.taxes),
                    ("employee_deductions", &statement.deductions),
                    ("employer_contributions", &statement.contributions),
                ];
                for (category, lines) in lines {
                    for line in lines {
                        let Some(name) = &line.name else { continue };
                        let item = ItemSeen {
                            kind: line.kind.clone(),
                            pre_tax: (category == "employee_deductions")
                                .then(|| line.pre_tax.unwrap_or(false)),
                            employer: (category == "taxes").then(|| line.employer.unwrap_or(false)),
                            last_seen: day,
                        };
                        see(&mut items, category, name, item);
                    }
                }
            }
            continue;
        }
        let totals: Totals = company.payment_summary(payment).totals;
        for ((name, kind), amount) in [
            (payroll::SALARY_LINE, totals.salary),
            (payroll::WAGE_LINE, totals.wages),
            (payroll::OVERTIME_LINE, totals.overtime),
            (payroll::COMMISSION_LINE, totals.commission),
            (payroll::BONUS_LINE, totals.bonus),
            (payroll::CONTRACT_LINE, totals.contract),
        ] {
            if amount > 0 {
                see(&mut items, "earnings", name, seen(kind, day));
            }
        }
        let employee = |kind: &str| ItemSeen {
            employer: Some(false),
            ..seen(kind, day)
        };
        let employer = |kind: &str| ItemSeen {
            employer: Some(true),
            ..seen(kind, day)
        };
        if totals.gross > totals.contract {
            for (name, kind) in [
                payroll::FEDERAL_LINE,
                payroll::SOCIAL_SECURITY_LINE,
                payroll::MEDICARE_LINE,
            ] {
                see(&mut items, "taxes", name, employee(kind));
            }
            for (name, kind) in [
                payroll::EMPLOYER_SOCIAL_SECURITY_LINE,
                payroll::EMPLOYER_MEDICARE_LINE,
            ] {
                see(&mut items, "taxes", name, employer(kind));
            }
            for (state_name, local) in &state_taxes {
                see(&mut items, "taxes", state_name, employee("state"));
                if let Some(local) = local {
                    see(&mut items, "taxes", local, employee("local"));
                }
            }
        }
        if totals.employer_unemployment > 0 {
            let (name, kind) = payroll::FUTA_LINE;
            see(&mut items, "taxes", name, employer(kind));
        }
        for (benefit, template) in data::BENEFITS.iter().enumerate() {
            if totals
                .deductions
                .get(benefit)
                .is_some_and(|&amount| amount > 0)
            {
                let item = ItemSeen {
                    pre_tax: Some(template.pre_tax),
                    ..seen(template.kind, day)
                };
                see(
                    &mut items,
                    "employee_deductions",
                    payroll::deduction_name(benefit),
                    item,
                );
            }
            if totals
                .contributions
                .get(benefit)
                .is_some_and(|&amount| amount > 0)
            {
                let name = payroll::contribution_name(benefit);
                see(
                    &mut items,
                    "employer_contributions",
                    name,
                    seen(template.kind, day),
                );
            }
        }
    }
    items
}

pub(crate) fn pay_statement_items(state: &mut State, call: &Call<'_>) -> Reply {
    let categories = values(call.query, "categories");
    if let Err(reply) = check_values("categories", &categories, CATEGORIES) {
        return reply;
    }
    let (start, end) = match (
        optional_date(call, "start_date"),
        optional_date(call, "end_date"),
    ) {
        (Ok(start), Ok(end)) => (start, end),
        (Err(reply), _) | (_, Err(reply)) => return reply,
    };
    let name = single(call.query, "name").map(str::to_lowercase);
    let kind = single(call.query, "type");
    let company = match company(state, call) {
        Ok(company) => company,
        Err(reply) => return reply,
    };
    let responses: Vec<Value> = items_of(company)
        .into_iter()
        .filter(|((category, _), _)| categories.is_empty() || categories.contains(category))
        .filter(|((_, item_name), _)| {
            name.as_ref()
                .is_none_or(|wanted| item_name.to_lowercase().contains(wanted))
        })
        .filter(|(_, seen)| kind.is_none_or(|kind| seen.kind.as_deref() == Some(kind)))
        .filter(|(_, seen)| start.is_none_or(|start| seen.last_seen >= start))
        .filter(|(_, seen)| end.is_none_or(|end| seen.last_seen <= end))
        .map(|((category, item_name), seen)| {
            let item = Item {
                name: &item_name,
                category,
                kind: seen.kind.as_deref(),
            };
            let mut attributes = Map::new();
            attributes.insert("type".to_owned(), json!(seen.kind));
            if let Some(pre_tax) = seen.pre_tax {
                attributes.insert("pre_tax".to_owned(), json!(pre_tax));
            }
            if let Some(employer) = seen.employer {
                attributes.insert("employer".to_owned(), json!(employer));
            }
            attributes.insert(
                "metadata".to_owned(),
                json!(rules::metadata(&company.rules, item, company.today)),
            );
            json!({ "name": item_name, "category": category, "attributes": attributes })
        })
        .collect();
    Reply::json(StatusCode::OK, &json!({ "responses": responses }))
}

// ---------------------------------------------------------------------------------------------
// /employer/pay-statement-item/rule*

fn rule_value(rule: &Rule) -> Value {
    let conditions: Vec<Value> = rule
        .conditions
        .iter()
        .map(|condition| {
            let mut object = Map::new();
            for (key, value) in [
                ("field", &condition.field),
                ("operator", &condition.operator),
                ("value", &condition.value),
            ] {
                if let Some(value) = value {
                    object.insert(key.to_owned(), json!(value));
                }
            }
            Value::Object(object)
        })
        .collect();
    let mut attributes = Map::new();
    if let Some(metadata) = &rule.metadata {
        attributes.insert("metadata".to_owned(), Value::Object(metadata.clone()));
    }
    let mut object = Map::new();
    object.insert("id".to_owned(), json!(rule.id));
    object.insert("priority".to_owned(), json!(rule.priority));
    object.insert(
        "effective_start_date".to_owned(),
        json!(rule.effective_start_date),
    );
    object.insert(
        "effective_end_date".to_owned(),
        json!(rule.effective_end_date),
    );
    object.insert("conditions".to_owned(), Value::Array(conditions));
    object.insert("attributes".to_owned(), Value::Object(attributes));
    if let Some(entity_type) = &rule.entity_type {
        object.insert("entity_type".to_owned(), json!(entity_type));
    }
    object.insert(
        "created_at".to_owned(),
        json!(dates::timestamp(rule.created_at)),
    );
    object.insert(
        "updated_at".to_owned(),
        json!(dates::timestamp(rule.updated_at)),
    );
    Value::Object(object)
}

/// The body of a create or update: every field optional; `null` dates clear them.
#[derive(Debug, Default, Deserialize)]
struct RuleFields {
    #[serde(default, deserialize_with = "present")]
    effective_start_date: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    effective_end_date: Option<Option<String>>,
    #[serde(default)]
    conditions: Option<Vec<ConditionFields>>,
    #[serde(default)]
    attributes: Option<AttributeFields>,
    #[serde(default)]
    entity_type: Option<String>,
    /// The spec's malformed update body wraps the fields in `optionalProperty`, a member its
    /// schema leaves untyped: an object there holds the fields, any other value changes nothing.
    #[serde(default, rename = "optionalProperty")]
    optional_property: Option<Value>,
}

#[derive(Debug, Deserialize)]
struct ConditionFields {
    #[serde(default)]
    field: Option<String>,
    #[serde(default)]
    operator: Option<String>,
    #[serde(default)]
    value: Option<String>,
}

#[derive(Debug, Deserialize)]
struct AttributeFields {
    #[serde(default)]
    metadata: Option<Map<String, Value>>,
}

fn present<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(deserializer).map(Some)
}

impl RuleFields {
    /// The fields, unwrapped from `optionalProperty` when a client sent the spec's shape (an
    /// object there); the error names `optionalProperty` when its fields are malformed.
    fn unwrapped(self) -> Result<RuleFields, Reply> {
        match self.optional_property {
            Some(inner @ Value::Object(_)) => RuleFields::deserialize(inner)
                .map_err(|error| Reply::invalid(&format!("[body:optionalProperty]: {error}"))),
            Some(_) | None => Ok(self),
        }
    }

    /// Checks the fields, and keeps an effective date given as `M/D/YYYY` as `YYYY-MM-DD`. The
    /// spec's `Date` is any string: other text is kept as sent, and bounds nothing.
    fn check(&mut self) -> Result<(), Reply> {
        for date in [&mut self.effective_start_date, &mut self.effective_end_date] {
            if let Some(Some(text)) = date
                && let Some(iso) = dates::iso_from_us(text)
            {
                *text = iso;
            }
        }
        // The spec requires no condition: a rule without any is kept and labels no item.
        if let Some(conditions) = &self.conditions {
            for (position, condition) in conditions.iter().enumerate() {
                if let Some(operator) = &condition.operator
                    && operator != "equals"
                {
                    return Err(Reply::invalid(&format!(
                        "Validation error: Invalid enum value. Expected 'equals', received '{operator}' at \"conditions[{position}].operator\""
                    )));
                }
            }
        }
        if let Some(entity_type) = &self.entity_type
            && entity_type != "pay_statement_item"
        {
            return Err(Reply::invalid(&format!(
                "Validation error: Invalid enum value. Expected 'pay_statement_item', received '{entity_type}' at \"entity_type\""
            )));
        }
        Ok(())
    }
}

fn conditions(fields: Vec<ConditionFields>) -> Vec<Condition> {
    fields
        .into_iter()
        .map(|condition| Condition {
            field: condition.field,
            operator: condition.operator,
            value: condition.value,
        })
        .collect()
}

pub(crate) fn list_rules(state: &mut State, call: &Call<'_>) -> Reply {
    match company(state, call) {
        Ok(company) => {
            let responses: Vec<Value> = company.rules.iter().map(rule_value).collect();
            Reply::json(StatusCode::OK, &json!({ "responses": responses }))
        }
        Err(reply) => reply,
    }
}

pub(crate) fn create_rule(state: &mut State, call: &Call<'_>) -> Reply {
    let mut fields = match parse_body_at::<RuleFields>(call.body).and_then(RuleFields::unwrapped) {
        Ok(fields) => fields,
        Err(reply) => return reply,
    };
    if let Err(reply) = fields.check() {
        return reply;
    }
    let now = state.now();
    let parts = match parts(state, call) {
        Ok(parts) => parts,
        Err(reply) => return reply,
    };
    let priority = parts
        .company
        .rules
        .iter()
        .map(|rule| rule.priority)
        .max()
        .unwrap_or(0)
        + 1;
    let rule = Rule {
        id: parts.rng.uuid(),
        priority,
        effective_start_date: fields.effective_start_date.flatten(),
        effective_end_date: fields.effective_end_date.flatten(),
        conditions: conditions(fields.conditions.unwrap_or_default()),
        metadata: fields.attributes.and_then(|attributes| attributes.metadata),
        entity_type: Some(
            fields
                .entity_type
                .unwrap_or_else(|| "pay_statement_item".to_owned()),
        ),
        created_at: now,
        updated_at: now,
    };
    let reply = Reply::json(StatusCode::CREATED, &rule_value(&rule));
    parts.company.rules.push(rule);
    reply
}

fn rule_not_found(rule_id: &str) -> Reply {
    Reply::not_found(
        "item_not_found",
        &format!("could not find rule with id '{rule_id}'"),
    )
}

pub(crate) fn update_rule(state: &mut State, call: &Call<'_>, rule_id: &str) -> Reply {
    let mut fields = match parse_body_at::<RuleFields>(call.body).and_then(RuleFields::unwrapped) {
        Ok(fields) => fields,
        Err(reply) => return reply,
    };
    if let Err(reply) = fields.check() {
        return reply;
    }
    let now = state.now();
    let parts = match parts(state, call) {
        Ok(parts) => parts,
        Err(reply) => return reply,
    };
    let id = crate::ids::Uuid::parse(rule_id);
    let Some(rule) = parts
        .company
        .rules
        .iter_mut()
        .find(|rule| Some(rule.id) == id)
    else {
        return rule_not_found(rule_id);
    };
    if let Some(start) = fields.effective_start_date {
        rule.effective_start_date = start;
    }
    if let Some(end) = fields.effective_end_date {
        rule.effective_end_date = end;
    }
    if let Some(new_conditions) = fields.conditions {
        rule.conditions = conditions(new_conditions);
    }
    if let Some(attributes) = fields.attributes {
        rule.metadata = attributes.metadata;
    }
    if let Some(entity_type) = fields.entity_type {
        rule.entity_type = Some(entity_type);
    }
    rule.updated_at = now;
    Reply::json(StatusCode::OK, &rule_value(rule))
}

pub(crate) fn delete_rule(state: &mut State, call: &Call<'_>, rule_id: &str) -> Reply {
    let now = state.now();
    let parts = match parts(state, call) {
        Ok(parts) => parts,
        Err(reply) => return reply,
    };
    let id = crate::ids::Uuid::parse(rule_id);
    let Some(position) = parts
        .company
        .rules
        .iter()
        .position(|rule| Some(rule.id) == id)
    else {
        return rule_not_found(rule_id);
    };
    let rule = parts.company.rules.remove(position);
    let mut value = rule_value(&rule);
    if let Value::Object(object) = &mut value {
        object.insert("deleted_at".to_owned(), json!(dates::timestamp(now)));
    }
    Reply::json(StatusCode::OK, &value)
}

// ---------------------------------------------------------------------------------------------
// GET /employer/pay-groups, GET /employer/pay-groups/{pay_group_id}

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

// ---------------------------------------------------------------------------------------------
// POST /employer/ledger-items

#[derive(Debug, Default, Deserialize)]
struct LedgerRequest {
    requests: Vec<LedgerItem>,
}

#[derive(Debug, Deserialize)]
struct LedgerItem {
    payment_id: String,
    /// The spec's minimum is 0 (1 for `limit`): below 0 is refused, any size is taken.
    #[serde(default, deserialize_with = "crate::json::non_negative_count")]
    offset: Option<usize>,
    #[serde(default, deserialize_with = "crate::json::non_negative_count")]
    limit: Option<usize>,
}

fn ledger_entry(
    kind: &str,
    account_type: &str,
    description: &str,
    debit: i64,
    credit: i64,
) -> Value {
    json!({
        "type": kind,
        "account_type": account_type,
        "account_description": description,
        "debit": money(debit),
        "credit": money(credit),
    })
}

/// A payment's journal: wages, employer taxes and contributions debited; net pay, tax and
/// benefit liabilities credited. Debits equal credits.
fn ledger_entries(totals: &Totals) -> Vec<Value> {
    let debits = [
        (
            "regular_wages",
            "RegularWages",
            "Regular Wages",
            totals.salary.saturating_add(totals.wages),
        ),
        (
            "overtime_wages",
            "OvertimeWages",
            "Overtime Wages",
            totals.overtime,
        ),
        ("bonus_wages", "BonusWages", "Bonus Wages", totals.bonus),
        (
            "other_earnings",
            "OtherEarnings",
            "Commissions and Other Earnings",
            totals.commission.saturating_add(totals.other_earnings),
        ),
        (
            "contractor_payment",
            "ContractorPayments",
            "Contractor Payments",
            totals.contract,
        ),
        (
            "employer_tax_fica",
            "EmployerFICA",
            "Employer FICA",
            totals.employer_fica,
        ),
        (
            "employer_tax_unemployment",
            "EmployerUnemployment",
            "Employer Unemployment Tax",
            totals.employer_unemployment,
        ),
        (
            "employer_tax_other",
            "EmployerOtherTaxes",
            "Other Employer Taxes",
            totals.employer_other_taxes,
        ),
        (
            "employer_contribution_retirement_401k",
            "Employer401k",
            "Employer 401(k) Contributions",
            totals.employer_retirement,
        ),
        (
            "employer_contribution_health",
            "EmployerHealth",
            "Employer Health Contributions",
            totals.employer_health,
        ),
        (
            "employer_contribution_other",
            "EmployerOtherBenefits",
            "Other Employer Contributions",
            totals.employer_other,
        ),
    ];
    let credits = [
        (
            "cash_debit_net_pay",
            "DebitNetPay",
            "Employee Payment",
            totals.net,
        ),
        (
            "tax_liability_accrual",
            "TaxLiability",
            "Payroll Tax Liability",
            totals.employee_taxes.saturating_add(totals.employer_taxes),
        ),
        (
            "benefit_liability",
            "BenefitLiability",
            "Benefit Liability",
            totals
                .pretax_deductions
                .saturating_add(totals.posttax_deductions)
                .saturating_add(totals.employer_contributions()),
        ),
    ];
    debits
        .into_iter()
        .filter(|entry| entry.3 != 0)
        .map(|(kind, account, description, amount)| {
            ledger_entry(kind, account, description, amount, 0)
        })
        .chain(credits.into_iter().filter(|entry| entry.3 != 0).map(
            |(kind, account, description, amount)| {
                ledger_entry(kind, account, description, 0, amount)
            },
        ))
        .collect()
}

pub(crate) fn ledger_items(state: &mut State, call: &Call<'_>) -> Reply {
    let request = match unless_absent(call.body, LedgerRequest::default(), parse_body_at) {
        Ok(request) => request,
        Err(reply) => return reply,
    };
    if request.requests.len() > MAX_BATCH {
        return Reply::unprocessable(
            "batch_limit_exceeded",
            "Batch size exceeds the maximum of 10000 items. Please reduce the number of items in your request.",
        );
    }
    let company = match company(state, call) {
        Ok(company) => company,
        Err(reply) => return reply,
    };
    let responses: Vec<Value> = request
        .requests
        .iter()
        .map(|item| match company.payment(&item.payment_id) {
            Some(payment) => {
                let totals = company.payment_summary(payment).totals;
                let entries = ledger_entries(&totals);
                let sum = |side: &str| -> i64 {
                    entries
                        .iter()
                        .filter_map(|entry| entry[side]["amount"].as_i64())
                        .fold(0_i64, i64::saturating_add)
                };
                let (debit, credit) = (sum("debit"), sum("credit"));
                let count = entries.len();
                let offset = item.offset.unwrap_or(0);
                let entries = page(entries, offset, item.limit.unwrap_or(usize::MAX));
                let provider_description = Value::Null;
                json!({
                    "payment_id": item.payment_id,
                    "code": 200,
                    "body": {
                        "source": "synthesized",
                        "provider_description": provider_description,
                        "pay_date": dates::format(payment.pay_date),
                        "totals": { "debit": money(debit), "credit": money(credit), "balanced": debit == credit },
                        "paging": { "count": count, "offset": offset },
                        "ledger_items": entries,
                    },
                })
            }
            None => json!({
                "payment_id": item.payment_id,
                "code": 404,
                "body": payment_not_found(&item.payment_id),
            }),
        })
        .collect();
    Reply::json(StatusCode::OK, &json!({ "responses": responses }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoints::tests::{body, call, query, shared};

    #[test]
    fn ledger_balances() {
        let shared = shared(200);
        let state = shared.lock();
        let company = state.company().unwrap();
        for payment in &company.payments {
            let totals = company.payment_summary(payment).totals;
            let entries = ledger_entries(&totals);
            let debit: i64 = entries
                .iter()
                .map(|e| e["debit"]["amount"].as_i64().unwrap())
                .sum();
            let credit: i64 = entries
                .iter()
                .map(|e| e["credit"]["amount"].as_i64().unwrap())
                .sum();
            assert_eq!(debit, credit);
            assert_eq!(debit, totals.company_debit());
        }
    }

    #[test]
    fn payments_need_both_dates() {
        let shared = shared(20);
        let mut state = shared.lock();
        let config = shared.config.clone();
        for bad in [
            "",
            "start_date=2025-01-01",
            "start_date=2025-01-01&end_date=2025-13-01",
        ] {
            let reply = payments(&mut state, &call(&config, &query(bad), b""));
            assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{bad}");
        }
        // Two dates, the end before the start: a valid request for no payment.
        let reply = payments(
            &mut state,
            &call(
                &config,
                &query("start_date=2025-02-01&end_date=2025-01-01"),
                b"",
            ),
        );
        assert_eq!((reply.status, body(&reply)), (StatusCode::OK, json!([])));
        let reply = payments(
            &mut state,
            &call(
                &config,
                &query("start_date=2025-01-01&end_date=2025-12-31"),
                b"",
            ),
        );
        let list = body(&reply);
        assert_eq!(list.as_array().unwrap().len(), 38);
        assert_eq!(list[0]["pay_frequencies"], json!(["bi_weekly"]));
    }

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

    #[test]
    fn rules_label_items() {
        let shared = shared(30);
        let mut state = shared.lock();
        let config = shared.config.clone();
        let create = json!({"conditions": [{"field": "name", "operator": "equals", "value": "Salary"}], "attributes": {"metadata": {"gl": "6000"}}}).to_string();
        let reply = create_rule(&mut state, &call(&config, &[], create.as_bytes()));
        assert_eq!(reply.status, StatusCode::CREATED, "{}", body(&reply));
        let rule = body(&reply);
        assert_eq!(rule["priority"], 1);
        let items = body(&pay_statement_items(
            &mut state,
            &call(&config, &query("categories[]=earnings&name=sal"), b""),
        ));
        assert_eq!(items["responses"][0]["name"], "Salary");
        assert_eq!(
            items["responses"][0]["attributes"]["metadata"],
            json!({"gl": "6000"})
        );

        let id = rule["id"].as_str().unwrap();
        let update = json!({"optionalProperty": {"effective_end_date": "2020-01-01"}}).to_string();
        let reply = update_rule(&mut state, &call(&config, &[], update.as_bytes()), id);
        assert_eq!(body(&reply)["effective_end_date"], "2020-01-01");
        let items = body(&pay_statement_items(
            &mut state,
            &call(&config, &query("name=Salary"), b""),
        ));
        assert_eq!(items["responses"][0]["attributes"]["metadata"], Value::Null);
        let reply = delete_rule(&mut state, &call(&config, &[], b""), id);
        assert!(body(&reply)["deleted_at"].is_string());
        assert_eq!(
            delete_rule(&mut state, &call(&config, &[], b""), id).status,
            StatusCode::NOT_FOUND
        );
        let bad = json!({"conditions": [{"operator": "contains"}]}).to_string();
        assert_eq!(
            create_rule(&mut state, &call(&config, &[], bad.as_bytes())).status,
            StatusCode::BAD_REQUEST
        );
    }

    /// The spec requires nothing of a rule: one without conditions (`{}` or `[]`) is created and
    /// labels no item, and an update whose untyped `optionalProperty` is not an object changes
    /// nothing.
    #[test]
    fn rules_take_what_the_spec_allows() {
        let shared = shared(30);
        let mut state = shared.lock();
        let config = shared.config.clone();
        for request in [
            json!({}),
            json!({"conditions": [], "attributes": {"metadata": {"gl": "1"}}}),
        ] {
            let request = request.to_string();
            let reply = create_rule(&mut state, &call(&config, &[], request.as_bytes()));
            assert_eq!(reply.status, StatusCode::CREATED, "{request}");
            assert_eq!(body(&reply)["conditions"], json!([]));
        }
        let items = body(&pay_statement_items(&mut state, &call(&config, &[], b"")));
        let labelled = items["responses"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|item| !item["attributes"]["metadata"].is_null())
            .count();
        assert_eq!(labelled, 0, "a rule without conditions labels nothing");

        let rule = body(&create_rule(&mut state, &call(&config, &[], b"{}")));
        let id = rule["id"].as_str().unwrap();
        for value in [json!("x"), json!(7), json!([1]), json!(null)] {
            let update = json!({ "optionalProperty": value }).to_string();
            let reply = update_rule(&mut state, &call(&config, &[], update.as_bytes()), id);
            assert_eq!(reply.status, StatusCode::OK, "{update}: {}", body(&reply));
            assert_eq!(body(&reply)["effective_end_date"], Value::Null);
        }
        let malformed = json!({"optionalProperty": {"conditions": "Salary"}}).to_string();
        let reply = update_rule(&mut state, &call(&config, &[], malformed.as_bytes()), id);
        assert_eq!(reply.status, StatusCode::BAD_REQUEST);
        assert!(
            body(&reply)["message"]
                .as_str()
                .unwrap()
                .starts_with("[body:optionalProperty]"),
            "{}",
            body(&reply)
        );
    }
}
