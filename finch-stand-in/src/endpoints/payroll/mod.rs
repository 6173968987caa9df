//! Payroll: payments, pay statements, pay statement items and the rules that label them, pay
//! groups and ledger items, one module each.

mod item_rules;
mod ledger_items;
mod pay_groups;
mod pay_statement_items;
mod pay_statements;
mod payments;

pub(crate) use item_rules::{create_rule, delete_rule, list_rules, update_rule};
pub(crate) use ledger_items::ledger_items;
pub(crate) use pay_groups::{pay_group, pay_groups};
pub(crate) use pay_statement_items::pay_statement_items;
pub(crate) use pay_statements::pay_statements;
pub(crate) use payments::payments;

use serde_json::{Value, json};

use crate::dates::{self, Day};
use crate::endpoints::{Call, single};
use crate::reply::Reply;
use crate::wire::BatchError;

pub(super) fn money(amount: i64) -> Value {
    json!({ "amount": amount, "currency": "usd" })
}

pub(super) fn payment_not_found(id: &str) -> Value {
    serde_json::to_value(BatchError::not_found(
        "payment_not_found",
        format!("No payment with id {id} found"),
    ))
    .unwrap_or(Value::Null)
}

/// A date the query must have, as `YYYY-MM-DD`.
pub(super) fn required_date(call: &Call<'_>, name: &str) -> Result<Day, Reply> {
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

/// A date the query may have, as `YYYY-MM-DD`.
pub(super) fn optional_date(call: &Call<'_>, name: &str) -> Result<Option<Day>, Reply> {
    match single(call.query, name) {
        None => Ok(None),
        Some(text) => dates::parse(text).map(Some).ok_or_else(|| {
            Reply::invalid(&format!(
                "`{name}` must be a date as YYYY-MM-DD, got `{text}`"
            ))
        }),
    }
}
