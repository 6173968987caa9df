//! `POST /employer/pay-statement`: the pay statements of up to 10 payments, a page of each.

use http::StatusCode;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::data;
use crate::dates::Day;
use crate::endpoints::{Call, company, page};
use crate::fixture::Company;
use crate::json::{is_absent, parse_body_at, unless_absent};
use crate::payroll::{self, ExplicitStatement, Line, Paycheck, Payment, PaymentKind};
use crate::people::Generated;
use crate::reply::Reply;
use crate::rules::{self, Item, Rule};
use crate::state::State;

use super::{money, payment_not_found};

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
