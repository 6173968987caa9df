//! Payroll: the payment schedule of the last year and each person's pay statement in each
//! payment, computed when asked for (integer cents, no allocation) rather than stored, so a
//! company of 10,000 people with a year of payroll starts instantly.
//!
//! Employees are paid every other Friday (salaried and hourly pay groups), contractors at the end
//! of each month. A paycheck follows from the person's pay on the period's last day, their
//! fixture benefits and the tax rates of their work location; payroll history never changes
//! afterwards, whatever the sandbox writes. `POST /sandbox/payment` adds payments with the pay
//! statements the client sent, or, without any, computed like a regular payroll.

use std::cell::OnceCell;

use super::catalog;
use super::data;
use super::dates::{self, Day};
use super::enrollments::{self, COMMUTER, DENTAL, HSA, MEDICAL, RETIREMENT, ROTH};
use super::ids::{SplitMix64, Uuid, mix};
use super::people::{Address, Generated, Kind, Pay, Person};

/// A Friday on the bi-weekly schedule.
const PAYDAY_ANCHOR: (i32, u32, u32) = (2025, 1, 3);

/// Who a payment pays and how its statements are made.
#[derive(Debug)]
pub(crate) enum PaymentKind {
    /// Employees, computed from the fixture.
    Regular,
    /// Contractors, computed from the fixture.
    Contractor,
    /// Added with `POST /sandbox/payment`, with the statements the client sent.
    Explicit(Vec<ExplicitStatement>),
}

/// A payment.
#[derive(Debug)]
pub(crate) struct Payment {
    pub(crate) id: Uuid,
    pub(crate) kind: PaymentKind,
    pub(crate) pay_date: Day,
    pub(crate) start: Day,
    pub(crate) end: Day,
    /// Who is paid and the totals, worked out on first use.
    summary: OnceCell<Summary>,
}

/// Who a payment pays (positions in `Company::people`) and what it adds up to.
#[derive(Debug, Default)]
pub(crate) struct Summary {
    pub(crate) paid: Vec<usize>,
    pub(crate) totals: Totals,
}

/// A payment's totals by ledger category, in cents.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Totals {
    pub(crate) gross: i64,
    pub(crate) net: i64,
    pub(crate) employee_taxes: i64,
    pub(crate) employer_taxes: i64,
    pub(crate) salary: i64,
    pub(crate) wages: i64,
    pub(crate) overtime: i64,
    pub(crate) bonus: i64,
    pub(crate) commission: i64,
    pub(crate) contract: i64,
    pub(crate) other_earnings: i64,
    pub(crate) pretax_deductions: i64,
    pub(crate) posttax_deductions: i64,
    pub(crate) employee_fica: i64,
    pub(crate) employer_fica: i64,
    pub(crate) employer_unemployment: i64,
    pub(crate) employer_other_taxes: i64,
    pub(crate) employer_retirement: i64,
    pub(crate) employer_health: i64,
    pub(crate) employer_other: i64,
    /// Employee deductions and employer contributions by `data::BENEFITS` index (generated
    /// payments only).
    pub(crate) deductions: [i64; 6],
    pub(crate) contributions: [i64; 6],
    /// Income tax withheld by level (generated payments only).
    pub(crate) federal: i64,
    pub(crate) state: i64,
    pub(crate) local: i64,
}

impl Totals {
    pub(crate) fn employer_contributions(&self) -> i64 {
        self.employer_retirement
            .saturating_add(self.employer_health)
            .saturating_add(self.employer_other)
    }

    /// What leaves the company's bank account: pay, employer taxes and contributions.
    pub(crate) fn company_debit(&self) -> i64 {
        self.gross
            .saturating_add(self.employer_taxes)
            .saturating_add(self.employer_contributions())
    }
}

/// One pay statement of a sandbox payment, as the client sent it (checked).
#[derive(Debug, Clone)]
pub(crate) struct ExplicitStatement {
    pub(crate) individual: Uuid,
    pub(crate) kind: String,
    pub(crate) payment_method: String,
    pub(crate) total_hours: Option<f64>,
    pub(crate) gross: i64,
    pub(crate) net: i64,
    pub(crate) earnings: Vec<Line>,
    pub(crate) taxes: Vec<Line>,
    pub(crate) deductions: Vec<Line>,
    pub(crate) contributions: Vec<Line>,
}

/// A line of an explicit pay statement.
#[derive(Debug, Clone, Default)]
pub(crate) struct Line {
    pub(crate) kind: Option<String>,
    pub(crate) name: Option<String>,
    pub(crate) amount: Option<i64>,
    pub(crate) hours: Option<f64>,
    pub(crate) employer: Option<bool>,
    pub(crate) pre_tax: Option<bool>,
}

impl Payment {
    pub(crate) fn new(id: Uuid, kind: PaymentKind, pay_date: Day, start: Day, end: Day) -> Self {
        Self {
            id,
            kind,
            pay_date,
            start,
            end,
            summary: OnceCell::new(),
        }
    }

    pub(crate) fn debit_date(&self) -> Day {
        self.pay_date - 2
    }

    /// `bi_weekly`, `monthly`, or `other` for sandbox payments with explicit statements.
    pub(crate) fn frequency(&self) -> &'static str {
        match self.kind {
            PaymentKind::Regular => "bi_weekly",
            PaymentKind::Contractor => "monthly",
            PaymentKind::Explicit(_) => "other",
        }
    }

    /// Who is paid and the totals (computed once), from the company's people (`position_of`
    /// finds one by id) and its locations.
    pub(crate) fn summary(
        &self,
        people: &[Person],
        locations: &[Address],
        position_of: impl Fn(Uuid) -> Option<usize>,
    ) -> &Summary {
        self.summary
            .get_or_init(|| summarize(self, people, locations, position_of))
    }

    /// The paycheck of the generated person `g` in this payment, if they are paid in it, taxed
    /// where they work (`locations`: the company's).
    pub(crate) fn paycheck(&self, g: &Generated, locations: &[Address]) -> Option<Paycheck> {
        paycheck(self, g, locations)
    }

    /// Whether `g` is paid in this (generated) payment.
    fn pays(&self, g: &Generated) -> bool {
        let employed = g.start <= self.end && g.end.is_none_or(|end| end >= self.start);
        match self.kind {
            PaymentKind::Regular => employed && !g.is_contractor(),
            PaymentKind::Contractor => employed && g.is_contractor(),
            PaymentKind::Explicit(_) => false,
        }
    }
}

/// The payments of the year up to `today`, oldest first.
pub(crate) fn schedule(rng: &mut SplitMix64, today: Day) -> Vec<Payment> {
    let (year, month, day) = PAYDAY_ANCHOR;
    let anchor = dates::day(year, month, day);
    let year_ago = today - 365;
    let mut dated: Vec<(Day, bool)> = Vec::new();
    let mut payday = today - (today - anchor).rem_euclid(14);
    while payday > year_ago {
        dated.push((payday, true));
        payday -= 14;
    }
    let mut month_end = dates::end_of_month(today);
    if dates::business_day_on_or_before(month_end) > today {
        let (y, m, _) = dates::civil(month_end);
        month_end = dates::day(y, m, 1) - 1;
    }
    loop {
        let payday = dates::business_day_on_or_before(month_end);
        if payday <= year_ago {
            break;
        }
        dated.push((payday, false));
        let (y, m, _) = dates::civil(month_end);
        month_end = dates::day(y, m, 1) - 1;
    }
    dated.sort_unstable();
    dated
        .into_iter()
        .map(|(pay_date, regular)| {
            let id = rng.uuid();
            if regular {
                let end = pay_date - 5;
                Payment::new(id, PaymentKind::Regular, pay_date, end - 13, end)
            } else {
                let (y, m, _) = dates::civil(pay_date);
                let start = dates::day(y, m, 1);
                Payment::new(
                    id,
                    PaymentKind::Contractor,
                    pay_date,
                    start,
                    dates::end_of_month(start),
                )
            }
        })
        .collect()
}

/// A generated person's pay statement in a payment, in cents.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Paycheck {
    pub(crate) salary: i64,
    pub(crate) wages: i64,
    pub(crate) overtime: i64,
    pub(crate) commission: i64,
    pub(crate) bonus: i64,
    pub(crate) contract: i64,
    pub(crate) regular_hours: f64,
    pub(crate) overtime_hours: f64,
    /// Employee deductions by `data::BENEFITS` index.
    pub(crate) deductions: [i64; 6],
    /// Employer contributions by `data::BENEFITS` index.
    pub(crate) contributions: [i64; 6],
    pub(crate) federal: i64,
    pub(crate) social_security: i64,
    pub(crate) medicare: i64,
    /// The work state's code, when it taxes wages.
    pub(crate) state_code: Option<&'static str>,
    pub(crate) state: i64,
    pub(crate) local_name: Option<&'static str>,
    pub(crate) local: i64,
    pub(crate) employer_social_security: i64,
    pub(crate) employer_medicare: i64,
    pub(crate) futa: i64,
    pub(crate) gross: i64,
    pub(crate) net: i64,
    pub(crate) direct_deposit: bool,
    pub(crate) contractor: bool,
}

impl Paycheck {
    pub(crate) fn total_hours(&self) -> Option<f64> {
        (!self.contractor).then_some(self.regular_hours + self.overtime_hours)
    }

    pub(crate) fn employee_taxes(&self) -> i64 {
        self.federal + self.social_security + self.medicare + self.state + self.local
    }

    pub(crate) fn employer_taxes(&self) -> i64 {
        self.employer_social_security + self.employer_medicare + self.futa
    }

    fn add_to(&self, totals: &mut Totals) {
        totals.gross += self.gross;
        totals.net += self.net;
        totals.employee_taxes += self.employee_taxes();
        totals.employer_taxes += self.employer_taxes();
        totals.salary += self.salary;
        totals.wages += self.wages;
        totals.overtime += self.overtime;
        totals.bonus += self.bonus;
        totals.commission += self.commission;
        totals.contract += self.contract;
        for (benefit, amount) in self.deductions.iter().enumerate() {
            if data::BENEFITS.get(benefit).is_some_and(|b| b.pre_tax) {
                totals.pretax_deductions += amount;
            } else {
                totals.posttax_deductions += amount;
            }
        }
        totals.employee_fica += self.social_security + self.medicare;
        totals.employer_fica += self.employer_social_security + self.employer_medicare;
        totals.employer_unemployment += self.futa;
        totals.employer_retirement += self.contributions[RETIREMENT] + self.contributions[ROTH];
        totals.employer_health += self.contributions[MEDICAL] + self.contributions[DENTAL];
        totals.employer_other += self.contributions[HSA] + self.contributions[COMMUTER];
        for (total, amount) in totals.deductions.iter_mut().zip(self.deductions) {
            *total += amount;
        }
        for (total, amount) in totals.contributions.iter_mut().zip(self.contributions) {
            *total += amount;
        }
        totals.federal += self.federal;
        totals.state += self.state;
        totals.local += self.local;
    }
}

/// The names of the earnings lines: `(name, type)`.
pub(crate) const SALARY_LINE: (&str, &str) = ("Salary", "salary");
pub(crate) const WAGE_LINE: (&str, &str) = ("Regular Hours", "wage");
pub(crate) const OVERTIME_LINE: (&str, &str) = ("Overtime", "overtime");
pub(crate) const COMMISSION_LINE: (&str, &str) = ("Commission", "commission");
pub(crate) const BONUS_LINE: (&str, &str) = ("Bonus", "bonus");
pub(crate) const CONTRACT_LINE: (&str, &str) = ("Contractor Payment", "1099");

/// The names of the tax lines: `(name, type)`.
pub(crate) const FEDERAL_LINE: (&str, &str) = ("Federal Income Tax", "federal");
pub(crate) const SOCIAL_SECURITY_LINE: (&str, &str) = ("Social Security", "fica");
pub(crate) const MEDICARE_LINE: (&str, &str) = ("Medicare", "fica");
pub(crate) const EMPLOYER_SOCIAL_SECURITY_LINE: (&str, &str) =
    ("Social Security (Employer)", "fica");
pub(crate) const EMPLOYER_MEDICARE_LINE: (&str, &str) = ("Medicare (Employer)", "fica");
pub(crate) const FUTA_LINE: (&str, &str) = ("FUTA", "federal");

/// The name of a state's income tax line.
pub(crate) fn state_tax_name(code: &str) -> String {
    format!("{code} State Income Tax")
}

/// The name of the employee deduction line of `data::BENEFITS[benefit]`.
pub(crate) fn deduction_name(benefit: usize) -> &'static str {
    data::BENEFITS
        .get(benefit)
        .map_or("Deduction", |b| b.description)
}

/// The name of the employer contribution line of `data::BENEFITS[benefit]`.
pub(crate) fn contribution_name(benefit: usize) -> &'static str {
    match benefit {
        RETIREMENT => "401(k) Company Match",
        ROTH => "Roth 401(k) Company Match",
        MEDICAL => "Medical Insurance (Employer)",
        DENTAL => "Dental Insurance (Employer)",
        HSA => "HSA Employer Contribution",
        _ => "Commuter Subsidy",
    }
}

fn bp(amount: i64, basis_points: i64) -> i64 {
    amount * basis_points / 10_000
}

/// Federal income tax withheld, in basis points, by annualised taxable pay.
fn federal_rate(annual_taxable: i64) -> i64 {
    match annual_taxable {
        ..4_000_000 => 600,
        4_000_000..9_000_000 => 1_000,
        9_000_000..18_000_000 => 1_500,
        18_000_000..35_000_000 => 2_000,
        _ => 2_600,
    }
}

fn work_address<'a>(locations: &'a [Address], g: &Generated) -> Option<&'a Address> {
    locations.get(g.work_location).or_else(|| locations.first())
}

/// Sales departments earn commission.
fn earns_commission(g: &Generated) -> bool {
    matches!(g.department, 7..=9)
}

fn paycheck(payment: &Payment, g: &Generated, locations: &[Address]) -> Option<Paycheck> {
    if !payment.pays(g) {
        return None;
    }
    let salt = u64::try_from(payment.pay_date).unwrap_or(0);
    let draw = mix(g.seed, salt);
    let mut check = Paycheck {
        direct_deposit: g.direct_deposit,
        ..Paycheck::default()
    };
    // Days of the period worked, for people who started or left in it.
    let worked_from = g.start.max(payment.start);
    let worked_to = g.end.unwrap_or(payment.end).min(payment.end);
    let period_days = i64::from(payment.end - payment.start + 1);
    let worked_days = i64::from((worked_to - worked_from + 1).max(0)).min(period_days);
    let prorate = |amount: i64| amount * worked_days / period_days.max(1);

    match g.pay_on(payment.end) {
        Pay::Contract(monthly) => {
            check.contractor = true;
            check.contract = prorate(monthly);
            check.gross = check.contract;
            check.net = check.contract;
            return Some(check);
        }
        Pay::Salary(yearly) => {
            check.salary = prorate(yearly / 26);
            check.regular_hours = 80.0 * worked_days as f64 / period_days as f64;
            if earns_commission(g) {
                let ceiling = u64::try_from(yearly / 26 * 2 / 5).unwrap_or(1).max(1);
                check.commission = prorate(i64::try_from(draw % ceiling).unwrap_or(0));
            }
            let (_, month, day) = dates::civil(payment.pay_date);
            let last_of_year = month == 12 && day + 14 > 31;
            if last_of_year && g.end.is_none() {
                check.bonus = yearly / 20;
            }
        }
        Pay::Hourly(rate) => {
            let hours: i64 = match g.kind {
                Kind::PartTime => 40,
                Kind::Intern => 60,
                _ => 80,
            };
            let hours = hours * worked_days / period_days;
            check.regular_hours = hours as f64;
            check.wages = rate * hours;
            if matches!(g.kind, Kind::FullTime | Kind::Temp) && draw % 5 < 3 && hours > 0 {
                let overtime = i64::try_from((draw >> 8) % 9).unwrap_or(0);
                check.overtime_hours = overtime as f64;
                check.overtime = rate * 3 / 2 * overtime;
            }
        }
    }
    check.gross = check.salary + check.wages + check.overtime + check.commission + check.bonus;

    // Benefits (the fixture's enrolment at hire).
    if g.has_benefit(RETIREMENT) {
        check.deductions[RETIREMENT] = bp(check.gross, g.deferral_bp);
    }
    if g.has_benefit(ROTH) {
        check.deductions[ROTH] = bp(check.gross, g.roth_bp);
    }
    if g.has_benefit(RETIREMENT) || g.has_benefit(ROTH) {
        let tiers = data::BENEFITS
            .get(RETIREMENT)
            .map(|b| b.match_tiers)
            .unwrap_or_default();
        let deferral = if g.has_benefit(RETIREMENT) {
            g.deferral_bp
        } else {
            0
        };
        let roth = if g.has_benefit(ROTH) { g.roth_bp } else { 0 };
        // One match across both plans, credited to the pre-tax plan first.
        let matched = bp(check.gross, enrollments::match_bp(tiers, deferral + roth));
        let pre_tax_share = if deferral + roth > 0 {
            matched * deferral / (deferral + roth)
        } else {
            0
        };
        check.contributions[RETIREMENT] = pre_tax_share;
        check.contributions[ROTH] = matched - pre_tax_share;
    }
    if g.has_benefit(MEDICAL) {
        let (employee, employer) = enrollments::plan_cost(enrollments::medical_plan(g), g.tier);
        check.deductions[MEDICAL] = employee;
        check.contributions[MEDICAL] = employer;
    }
    if g.has_benefit(DENTAL) {
        let (employee, employer) = enrollments::plan_cost(2, g.tier);
        check.deductions[DENTAL] = employee;
        check.contributions[DENTAL] = employer;
    }
    if g.has_benefit(HSA) {
        let (employee, employer) = enrollments::hsa_amounts(g);
        check.deductions[HSA] = employee;
        check.contributions[HSA] = employer;
    }
    let (_, _, day_of_month) = dates::civil(payment.pay_date);
    if g.has_benefit(COMMUTER) && day_of_month <= 14 {
        check.deductions[COMMUTER] = enrollments::COMMUTER_MONTHLY;
    }
    // Pre-tax deductions never exceed the pay; the post-tax Roth deferral comes out of what is
    // left after taxes.
    let mut left = check.gross;
    for (benefit, amount) in check.deductions.iter_mut().enumerate() {
        if benefit != ROTH {
            *amount = (*amount).min(left);
            left -= *amount;
        }
    }
    // Taxes.
    let section_125 = check.deductions[MEDICAL]
        + check.deductions[DENTAL]
        + check.deductions[HSA]
        + check.deductions[COMMUTER];
    let fica_wages = (check.gross - section_125).max(0);
    let taxable = (fica_wages - check.deductions[RETIREMENT]).max(0);
    check.federal = bp(taxable, federal_rate(taxable * 26));
    check.social_security = bp(fica_wages, 620);
    check.medicare = bp(fica_wages, 145);
    if let Some(address) = work_address(locations, g) {
        if let Some(&(code, rate)) = catalog::STATE_INCOME_TAX
            .iter()
            .find(|(state, _)| *state == address.city.state)
        {
            check.state_code = Some(code);
            check.state = bp(taxable, rate);
        }
        if let Some(&(_, name, rate)) = catalog::LOCAL_TAX
            .iter()
            .find(|(city, _, _)| *city == address.city.name)
        {
            check.local_name = Some(name);
            check.local = bp(taxable, rate);
        }
    }
    check.employer_social_security = bp(fica_wages, 620);
    check.employer_medicare = bp(fica_wages, 145);
    let (_, month, _) = dates::civil(payment.pay_date);
    if month == 1 && day_of_month <= 14 {
        // FUTA: 0.6% of the first $7,000, all of it due with the year's first payroll.
        check.futa = bp(fica_wages.min(700_000), 60);
    }
    let pre_tax: i64 = check.deductions.iter().sum::<i64>() - check.deductions[ROTH];
    // Withholding never takes more than the pay left after pre-tax deductions.
    let mut over = pre_tax + check.employee_taxes() - check.gross;
    for tax in [
        &mut check.local,
        &mut check.state,
        &mut check.federal,
        &mut check.medicare,
        &mut check.social_security,
    ] {
        let cut = over.clamp(0, *tax);
        *tax -= cut;
        over -= cut;
    }
    check.deductions[ROTH] = check.deductions[ROTH]
        .min(check.gross - pre_tax - check.employee_taxes())
        .max(0);
    let deducted: i64 = check.deductions.iter().sum();
    check.net = check.gross - deducted - check.employee_taxes();
    Some(check)
}

fn summarize(
    payment: &Payment,
    people: &[Person],
    locations: &[Address],
    position_of: impl Fn(Uuid) -> Option<usize>,
) -> Summary {
    let mut summary = Summary::default();
    match &payment.kind {
        PaymentKind::Explicit(statements) => {
            for statement in statements {
                if let Some(position) = position_of(statement.individual) {
                    summary.paid.push(position);
                }
                explicit_totals(statement, &mut summary.totals);
            }
        }
        PaymentKind::Regular | PaymentKind::Contractor => {
            for (position, person) in people.iter().enumerate() {
                let Some(g) = &person.generated else { continue };
                if let Some(check) = paycheck(payment, g, locations) {
                    summary.paid.push(position);
                    check.add_to(&mut summary.totals);
                }
            }
        }
    }
    summary
}

fn is_retirement(kind: &str) -> bool {
    kind.starts_with("401k")
        || kind.starts_with("403b")
        || kind.starts_with("457")
        || kind.starts_with("simple")
}

/// Adds client-sent amounts without overflowing (they may be anything up to 2^53).
fn add(total: &mut i64, amount: i64) {
    *total = total.saturating_add(amount);
}

fn explicit_totals(statement: &ExplicitStatement, totals: &mut Totals) {
    add(&mut totals.gross, statement.gross);
    add(&mut totals.net, statement.net);
    for line in &statement.earnings {
        let amount = line.amount.unwrap_or(0);
        match line.kind.as_deref() {
            Some("salary") => add(&mut totals.salary, amount),
            Some("wage") => add(&mut totals.wages, amount),
            Some("overtime" | "double_overtime") => add(&mut totals.overtime, amount),
            Some("bonus") => add(&mut totals.bonus, amount),
            Some("commission") => add(&mut totals.commission, amount),
            Some("1099") => add(&mut totals.contract, amount),
            _ => add(&mut totals.other_earnings, amount),
        }
    }
    for line in &statement.taxes {
        let amount = line.amount.unwrap_or(0);
        let fica = line.kind.as_deref() == Some("fica");
        if line.employer == Some(true) {
            add(&mut totals.employer_taxes, amount);
            if fica {
                add(&mut totals.employer_fica, amount);
            } else {
                add(&mut totals.employer_other_taxes, amount);
            }
        } else {
            add(&mut totals.employee_taxes, amount);
            if fica {
                add(&mut totals.employee_fica, amount);
            }
        }
    }
    for line in &statement.deductions {
        let amount = line.amount.unwrap_or(0);
        if line.pre_tax == Some(true) {
            add(&mut totals.pretax_deductions, amount);
        } else {
            add(&mut totals.posttax_deductions, amount);
        }
    }
    for line in &statement.contributions {
        let amount = line.amount.unwrap_or(0);
        match line.kind.as_deref() {
            Some(kind) if is_retirement(kind) => add(&mut totals.employer_retirement, amount),
            Some(kind) if kind.starts_with("s125") => add(&mut totals.employer_health, amount),
            _ => add(&mut totals.employer_other, amount),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::tests::{company, today};

    #[test]
    fn a_year_of_payroll() {
        let company = company(30, 1);
        let regular: Vec<&Payment> = company
            .payments
            .iter()
            .filter(|p| matches!(p.kind, PaymentKind::Regular))
            .collect();
        let monthly = company.payments.len() - regular.len();
        assert_eq!(regular.len(), 26);
        assert_eq!(monthly, 12);
        let today = today();
        for payment in &company.payments {
            assert!(payment.pay_date <= today && payment.pay_date > today - 365);
            match payment.kind {
                PaymentKind::Regular => assert_eq!(dates::weekday(payment.pay_date), 4, "Fridays"),
                _ => assert!(dates::weekday(payment.pay_date) < 5, "a business day"),
            }
            assert!(payment.start <= payment.end && payment.start < payment.pay_date);
            assert!(payment.end <= dates::end_of_month(payment.pay_date));
        }
        assert!(
            company
                .payments
                .windows(2)
                .all(|w| w[0].pay_date <= w[1].pay_date)
        );
    }

    #[test]
    fn paychecks_add_up() {
        let company = company(300, 2);
        let mut seen_overtime = false;
        for payment in &company.payments {
            let summary = company.payment_summary(payment);
            let mut totals = Totals::default();
            for &position in &summary.paid {
                let g = company.people[position].generated.as_ref().unwrap();
                let check = payment.paycheck(g, &company.locations).unwrap();
                let deducted: i64 = check.deductions.iter().sum();
                assert_eq!(check.net, check.gross - deducted - check.employee_taxes());
                assert!(check.net >= 0, "{check:?}");
                assert!(check.deductions.iter().all(|&d| d >= 0));
                seen_overtime |= check.overtime > 0;
                check.add_to(&mut totals);
            }
            assert_eq!(totals, summary.totals);
            assert!(!summary.paid.is_empty());
            let t = summary.totals;
            assert_eq!(
                t.gross,
                t.net + t.employee_taxes + t.pretax_deductions + t.posttax_deductions
            );
        }
        assert!(seen_overtime);
    }

    #[test]
    fn contractors_are_paid_monthly_without_withholding() {
        let company = company(400, 3);
        let monthly = company
            .payments
            .iter()
            .find(|p| matches!(p.kind, PaymentKind::Contractor))
            .unwrap();
        let summary = company.payment_summary(monthly);
        assert!(!summary.paid.is_empty());
        assert_eq!(summary.totals.gross, summary.totals.contract);
        assert_eq!(summary.totals.employee_taxes, 0);
    }
}
