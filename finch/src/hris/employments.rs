//! `POST /employer/employment`: individuals' employment and income data, in batches.

use crate::client::Finch;
use crate::open_enum::open_enum;
use crate::operations::OperationFn;
use crate::shared::Date;
use serde::{Deserialize, Serialize};

/// The main and secondary employment type.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct EmploymentKind {
    /// Employee or contractor.
    #[serde(rename = "type", default)]
    pub employment_type: Option<EmploymentType>,
    /// Full time, part time, intern, ...
    #[serde(default)]
    pub subtype: Option<EmploymentSubtype>,
}

impl EmploymentKind {
    /// An employment of this type and subtype.
    pub fn new(employment_type: EmploymentType, subtype: EmploymentSubtype) -> Self {
        EmploymentKind {
            employment_type: Some(employment_type),
            subtype: Some(subtype),
        }
    }
}

open_enum! {
    /// The main employment type.
    pub enum EmploymentType {
        /// An employee.
        Employee = "employee",
        /// A contractor.
        Contractor = "contractor",
    }
}

open_enum! {
    /// The secondary employment type.
    pub enum EmploymentSubtype {
        /// Full time.
        FullTime = "full_time",
        /// Intern.
        Intern = "intern",
        /// Part time.
        PartTime = "part_time",
        /// Temporary.
        Temp = "temp",
        /// Seasonal.
        Seasonal = "seasonal",
        /// Individual contractor.
        IndividualContractor = "individual_contractor",
    }
}

open_enum! {
    /// The detailed employment status.
    pub enum EmploymentStatus {
        /// Active.
        Active = "active",
        /// Deceased.
        Deceased = "deceased",
        /// On leave.
        Leave = "leave",
        /// Onboarding.
        Onboarding = "onboarding",
        /// Prehire.
        Prehire = "prehire",
        /// Retired.
        Retired = "retired",
        /// Terminated.
        Terminated = "terminated",
    }
}

open_enum! {
    /// The FLSA status.
    pub enum FlsaStatus {
        /// Exempt.
        Exempt = "exempt",
        /// Non-exempt.
        NonExempt = "non_exempt",
        /// The provider reports the status as unknown (`"unknown"` on the wire).
        NotKnown = "unknown",
    }
}

/// Income as the provider reports it (not always annualized).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Income {
    /// The unit of payment.
    pub unit: Option<IncomeUnit>,
    /// The amount in cents.
    pub amount: Option<i64>,
    /// The currency code.
    pub currency: Option<String>,
    /// When the amount went into effect.
    pub effective_date: Option<Date>,
}

impl Income {
    /// `amount` cents per `unit` in `currency`.
    pub fn new(amount: i64, currency: impl Into<String>, unit: IncomeUnit) -> Self {
        Income {
            unit: Some(unit),
            amount: Some(amount),
            currency: Some(currency.into()),
            effective_date: None,
        }
    }
}

open_enum! {
    /// The unit of an income.
    pub enum IncomeUnit {
        /// Per year.
        Yearly = "yearly",
        /// Per quarter.
        Quarterly = "quarterly",
        /// Per month.
        Monthly = "monthly",
        /// Twice a month.
        SemiMonthly = "semi_monthly",
        /// Every two weeks.
        BiWeekly = "bi_weekly",
        /// Per week.
        Weekly = "weekly",
        /// Per day.
        Daily = "daily",
        /// Per hour.
        Hourly = "hourly",
        /// A fixed amount.
        Fixed = "fixed",
    }
}

/// A field the employer defined in their system.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CustomField {
    /// The field's name.
    #[serde(default)]
    pub name: Option<String>,
    /// The field's value, of whatever JSON type the provider uses.
    #[serde(default)]
    pub value: Option<serde_json::Value>,
}

/// `client.hris().employments()`.
#[derive(Clone, Copy, Debug)]
pub struct Employments<'a> {
    pub(crate) client: &'a Finch,
}

/// The operations this module declares, for the OpenAPI rendering and the conformance check.
pub(crate) const OPERATIONS: &[OperationFn] = &[];
