//! `GET /employer/pay-statement-item`: the kinds of item the company's pay statements hold, with
//! the labels that rules give them.

use std::collections::BTreeMap;

use http::StatusCode;
use serde_json::{Map, Value, json};

use crate::data;
use crate::dates::Day;
use crate::endpoints::{Call, check_values, company, single, values};
use crate::fixture::Company;
use crate::payroll::{self, PaymentKind, Totals};
use crate::reply::Reply;
use crate::rules::{self, Item};
use crate::state::State;

use super::optional_date;

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
