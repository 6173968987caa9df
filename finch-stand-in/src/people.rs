//! The people of the fixture, as data: a directory entry ([`Person`]), what the fixture drew for
//! a generated employee or contractor ([`Generated`], with how they are employed and paid) and
//! a street address. Benefits, payroll and plans read these; the company that holds them and
//! how they are drawn are in `fixture.rs`.
//!
//! Generated people are kept compactly (static name slices, small integers, one seed each) and
//! turned into JSON only when asked for (see `wire.rs`), so 10,000 employees cost a few megabytes.
//! What follows from a person without being stored (their W-4, this period's overtime, their
//! dependents) is drawn from their seed when needed.
//!
//! Sandbox writes are kept as JSON objects: people added through `POST /sandbox/directory` are
//! the objects the client sent, and `PUT /sandbox/individual|employment/{id}` stores the fields it
//! sets on top of the generated ones ([`Person::fields`]).

use serde_json::{Map, Value};

use super::data::City;
use super::dates::{self, Day};
use super::ids::Uuid;

/// A US street address.
#[derive(Debug)]
pub(crate) struct Address {
    pub(crate) line1: String,
    pub(crate) line2: Option<String>,
    pub(crate) city: &'static City,
}

/// One individual in the directory.
#[derive(Debug)]
pub(crate) struct Person {
    pub(crate) id: Uuid,
    /// The generated data; `None` for people added with `POST /sandbox/directory`.
    pub(crate) generated: Option<Generated>,
    /// Fields set through the sandbox, which take precedence over the generated ones (for a
    /// sandbox person: everything the client sent, without `id`).
    pub(crate) fields: Map<String, Value>,
}

/// How a generated person is employed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    FullTime,
    PartTime,
    Intern,
    Temp,
    Contractor,
}

/// How a generated person is paid, in cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pay {
    /// A yearly salary.
    Salary(i64),
    /// An hourly rate.
    Hourly(i64),
    /// A monthly contractor fee.
    Contract(i64),
}

/// A generated employee or contractor.
#[derive(Debug)]
pub(crate) struct Generated {
    pub(crate) first_name: &'static str,
    pub(crate) middle_name: Option<&'static str>,
    pub(crate) last_name: &'static str,
    pub(crate) preferred_name: Option<&'static str>,
    pub(crate) gender: &'static str,
    pub(crate) ethnicity: &'static str,
    pub(crate) marital_status: &'static str,
    pub(crate) dob: Day,
    pub(crate) department: usize,
    /// Index into `Company::people`.
    pub(crate) manager: Option<usize>,
    pub(crate) work_email: String,
    pub(crate) personal_email: Option<String>,
    /// Last four digits of the personal number (`+1 <area code of the residence> 555 XXXX`).
    pub(crate) personal_phone: u16,
    /// Last four digits of a work number in the headquarters' area code, if any.
    pub(crate) work_phone: Option<u16>,
    pub(crate) residence: Address,
    /// Nine digits, formatted `AAA-GG-SSSS`.
    pub(crate) ssn: u32,
    pub(crate) title: String,
    pub(crate) kind: Kind,
    pub(crate) start: Day,
    /// The last day of employment, for people who left.
    pub(crate) end: Option<Day>,
    /// `active`, `leave` or `terminated`.
    pub(crate) status: &'static str,
    pub(crate) pay: Pay,
    /// The last raise: its effective day and the amount paid before it.
    pub(crate) raise: Option<(Day, i64)>,
    /// Index into `Company::locations`.
    pub(crate) work_location: usize,
    /// Bit `i` set: enrolled in `data::BENEFITS[i]` (the enrolment payroll history follows).
    pub(crate) benefits: u8,
    /// The 401(k) and Roth 401(k) deferrals, in basis points of gross pay.
    pub(crate) deferral_bp: i64,
    pub(crate) roth_bp: i64,
    /// Index into `catalog::COVERAGE_TIERS` of the health coverage.
    pub(crate) tier: usize,
    pub(crate) direct_deposit: bool,
    /// Draws what is not stored (see [`super::ids::mix`]).
    pub(crate) seed: u64,
}

impl Generated {
    pub(crate) fn ssn_text(&self) -> String {
        let area = self.ssn / 1_000_000;
        let group = (self.ssn / 10_000) % 100;
        let serial = self.ssn % 10_000;
        format!("{area:03}-{group:02}-{serial:04}")
    }

    pub(crate) fn is_active(&self) -> bool {
        self.status != "terminated"
    }

    pub(crate) fn is_contractor(&self) -> bool {
        self.kind == Kind::Contractor
    }

    /// Whether the person was enrolled in `data::BENEFITS[benefit]` by the fixture.
    pub(crate) fn has_benefit(&self, benefit: usize) -> bool {
        u32::try_from(benefit)
            .ok()
            .and_then(|bit| 1_u8.checked_shl(bit))
            .is_some_and(|mask| self.benefits & mask != 0)
    }

    /// The pay in effect on `day` (before the last raise, the old amount).
    pub(crate) fn pay_on(&self, day: Day) -> Pay {
        match self.raise {
            Some((effective, before)) if day < effective => match self.pay {
                Pay::Salary(_) => Pay::Salary(before),
                Pay::Hourly(_) => Pay::Hourly(before),
                Pay::Contract(_) => Pay::Contract(before),
            },
            _ => self.pay,
        }
    }

    /// Age in whole years on `day`.
    pub(crate) fn age_on(&self, day: Day) -> i32 {
        let (born_year, born_month, born_day) = dates::civil(self.dob);
        let (year, month, day_of_month) = dates::civil(day);
        let had_birthday = (month, day_of_month) >= (born_month, born_day);
        year - born_year - i32::from(!had_birthday)
    }

    /// Children covered by the person's health plan (0 to 3).
    pub(crate) fn children(&self) -> usize {
        if self.tier >= 2 {
            1 + usize::try_from(self.seed % 3).unwrap_or(0)
        } else {
            0
        }
    }

    /// Whether a spouse is covered by the person's health plan.
    pub(crate) fn covers_spouse(&self) -> bool {
        self.tier == 1 || self.tier == 3
    }
}
