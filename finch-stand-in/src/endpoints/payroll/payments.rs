//! `GET /employer/payment`: the payments of a date range.

use http::StatusCode;
use serde_json::{Value, json};

use crate::dates::{self};
use crate::endpoints::{Call, company};
use crate::fixture::{CONTRACTOR_GROUP, Company, HOURLY_GROUP, SALARIED_GROUP};
use crate::payroll::{Payment, PaymentKind};
use crate::reply::Reply;
use crate::state::State;

use super::{money, required_date};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::endpoints::tests::{body, call, query, shared};

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
}
