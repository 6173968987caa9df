//! `POST /employer/ledger-items`: the general-ledger entries of payments (beta).

use http::StatusCode;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::dates::{self};
use crate::endpoints::{Call, MAX_BATCH, company, page};
use crate::json::{parse_body_at, unless_absent};
use crate::payroll::Totals;
use crate::reply::Reply;
use crate::state::State;

use super::{money, payment_not_found};

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
    use crate::endpoints::tests::shared;

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
}
