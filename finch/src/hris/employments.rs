//! `POST /employer/employment`: individuals' employment and income data, in batches.

use crate::handles::handle;
use crate::hris::IndividualRequest;
use crate::open_enum::open_enum;
use crate::shared::{BatchBody, Date, IndividualRef, Location, batch_request, batch_results};
use finch_macros::model;

batch_request! {
    /// Read individuals' employment and income data (`POST /employer/employment`), up to 10,000 per
    /// request.
    ///
    /// ```
    /// let request = finch::hris::RetrieveEmployments::new(["5d0b10a1", "8b3f8edc"])
    ///     .entity_id("550e8400-e29b-41d4-a716-446655440000");
    /// assert_eq!(request.requests.len(), 2);
    /// assert_eq!(request.requests[0].individual_id, "5d0b10a1");
    /// ```
    #[finch_endpoint(POST "/employer/employment", response = EmploymentsResponse)]
    pub struct RetrieveEmployments {
        /// The individuals to read (at most 10,000; more is a 422 `batch_limit_exceeded`).
        requests: Vec<IndividualRequest>,
        entity_ids,
    }
    impl {
        /// A request for these individuals' employment data.
        new(individual_ids);
    }
}

batch_results! {
    /// The batch's results, one per requested individual.
    pub struct EmploymentsResponse;
    /// The result for one individual.
    pub struct EmploymentResponse {
        /// The individual's Finch id.
        individual_id,
        /// The employment data, or the error for this item.
        body: BatchBody<Employment>,
    }
}

/// An individual's employment and income data.
///
/// ```
/// let employment: finch::hris::Employment = serde_json::from_str(r#"{
///     "id": "5d0b10a1-a09a-430f-81f1-20be735dc5e9", "first_name": "Jane", "middle_name": null,
///     "last_name": "Doe", "title": "Customer Support", "manager": null, "department": {"name": "Product"},
///     "employment": {"type": "employee", "subtype": "full_time"}, "start_date": "2017-06-30",
///     "end_date": null, "latest_rehire_date": null, "is_active": true, "employment_status": "active",
///     "flsa_status": "exempt", "union_code": null, "union_local": null,
///     "highly_compensated_employee": false, "key_employee": false, "class_code": "8810", "location": null,
///     "income": {"unit": "yearly", "amount": 10000000, "currency": "usd", "effective_date": "2019-03-01"}
/// }"#)?;
/// assert_eq!(employment.income.and_then(|income| income.amount), Some(10_000_000));
/// assert_eq!(employment.employment_status, Some(finch::hris::EmploymentStatus::Active));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(Eq, required)]
pub struct Employment {
    /// A stable Finch id (UUID v4) for the individual.
    pub id: String,
    /// The legal first name.
    pub first_name: Option<String>,
    /// The legal middle name.
    pub middle_name: Option<String>,
    /// The legal last name.
    pub last_name: Option<String>,
    /// The current title.
    pub title: Option<String>,
    /// The individual's manager.
    pub manager: Option<IndividualRef>,
    /// The individual's department.
    pub department: Option<EmploymentDepartment>,
    /// The employment type and subtype.
    pub employment: Option<EmploymentKind>,
    /// When the employment started.
    pub start_date: Option<Date>,
    /// When the employment ended.
    pub end_date: Option<Date>,
    /// The latest rehire date.
    pub latest_rehire_date: Option<Date>,
    /// `true` for an active employee or contractor.
    pub is_active: Option<bool>,
    /// The detailed employment status.
    pub employment_status: Option<EmploymentStatus>,
    /// The FLSA status.
    pub flsa_status: Option<FlsaStatus>,
    /// The union the employee belongs to, as configured in the payroll system.
    pub union_code: Option<String>,
    /// The local chapter or number within the employee's union.
    pub union_local: Option<String>,
    /// Whether the IRS classifies the employee as highly compensated (for ADP/ACP
    /// nondiscrimination tests; US only).
    pub highly_compensated_employee: Option<bool>,
    /// Whether the IRS classifies the employee as a key employee (for top-heavy tests; US only).
    pub key_employee: Option<bool>,
    /// The worker's compensation classification code.
    pub class_code: Option<String>,
    /// The work location.
    pub location: Option<Location>,
    /// The current income as the provider reports it.
    #[model(optional)]
    pub income: Option<Income>,
    /// Past incomes.
    #[model(optional)]
    pub income_history: Option<Vec<Option<Income>>>,
    /// Fields the employer defined in their system (not available for assisted connections).
    #[model(optional)]
    pub custom_fields: Option<Vec<CustomField>>,
    /// The source system's unique employment identifier for this individual.
    #[model(optional)]
    pub source_id: Option<String>,
    /// The benefit eligibility class. Sent by newer API versions (the Python SDK 2.9.1 has it);
    /// not in the OpenAPI document, so it may be absent.
    #[model(optional)]
    pub benefit_eligibility_class: Option<String>,
    /// The provider's id for the employment.
    #[deprecated(note = "use `source_id` instead")]
    #[model(optional)]
    pub work_id: Option<String>,
}

/// The department of an individual's employment.
#[model(Eq, Default, required)]
pub struct EmploymentDepartment {
    /// The department's name.
    pub name: Option<String>,
}

/// The main and secondary employment type.
#[model(Eq, Default, required)]
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
#[model(Eq, Default, required)]
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
///
/// The value is whatever JSON the provider holds (a string, number, boolean, array or object), so
/// it is kept as a [`serde_json::Value`]; `null` and a missing value are both `None`.
///
/// ```
/// let field: finch::hris::CustomField = serde_json::from_str(r#"{"name": "tShirtSize", "value": "L"}"#)?;
/// assert_eq!(field.value.as_ref().and_then(|v| v.as_str()), Some("L"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(Eq, Default)]
pub struct CustomField {
    /// The field's name.
    pub name: Option<String>,
    /// The field's value, of whatever JSON type the provider uses.
    pub value: Option<serde_json::Value>,
}

handle! {
    /// `client.hris().employments()`.
    pub struct Employments<'a> {
        /// Reads individuals' employment and income data in one batch (`POST /employer/employment`).
        ///
        /// For any number of ids, in batches run side by side, see
        /// [`Finch::read_bulk`](crate::Finch::read_bulk).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// let request = finch::hris::RetrieveEmployments::new(["5d0b10a1", "8b3f8edc"]);
        /// let batch = finch.hris().employments().retrieve_many(request).await?;
        /// for item in batch.responses {
        ///     match item.body.into_result() {
        ///         Ok(employment) => println!("{:?}: {:?}", employment.title, employment.income),
        ///         Err(error) => eprintln!("{}: {error}", item.individual_id),
        ///     }
        /// }
        /// # Ok(()) }
        /// ```
        pub async fn retrieve_many(self, request: RetrieveEmployments) -> Result<EmploymentsResponse, Error>;
    }
}
