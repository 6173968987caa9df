//! `PUT /sandbox/employment/{individual_id}`: change a sandbox individual's employment.

use super::fields::names;
use crate::finch_endpoint;
use crate::handles::handle;
use crate::hris::{
    CustomField, DirectoryDepartment, EmploymentKind, EmploymentStatus, FlsaStatus, Income,
};
use crate::model;
use crate::setters::setters;
use crate::shared::{Date, IndividualRef, Location};
use finch_core::Nullable;

/// Change a sandbox individual's employment data (`PUT /sandbox/employment/{individual_id}`).
/// Only the fields set are sent; the others keep their values.
///
/// ```
/// use finch::hris::{EmploymentKind, EmploymentSubtype, EmploymentType, Income, IncomeUnit};
/// use finch::sandbox::UpdateSandboxEmployment;
/// let request = UpdateSandboxEmployment::new("5d0b10a1-a09a-430f-81f1-20be735dc5e9")
///     .title("Staff Engineer")
///     .department("Engineering")
///     .manager("c205b3fa-b626-4346-bf0f-ca065ab88d31")
///     .employment(EmploymentKind::new(EmploymentType::Employee, EmploymentSubtype::FullTime))
///     .income(Income::new(15_000_000, "usd", IncomeUnit::Yearly))
///     .start_date("2020-03-04")
///     .is_active(true);
/// assert_eq!(request.end_date, None); // not sent
/// ```
#[finch_endpoint(PUT "/sandbox/employment/{individual_id}", response = EmploymentUpdateResponse)]
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct UpdateSandboxEmployment {
    /// The individual's Finch id.
    #[finch(path)]
    pub individual_id: String,
    /// The legal first name.
    pub first_name: Option<Nullable<String>>,
    /// The legal middle name.
    pub middle_name: Option<Nullable<String>>,
    /// The legal last name.
    pub last_name: Option<Nullable<String>>,
    /// The current title.
    pub title: Option<Nullable<String>>,
    /// The individual's manager.
    pub manager: Option<Nullable<IndividualRef>>,
    /// The individual's department.
    pub department: Option<Nullable<DirectoryDepartment>>,
    /// The employment type and subtype.
    pub employment: Option<Nullable<EmploymentKind>>,
    /// The first day of employment.
    pub start_date: Option<Nullable<Date>>,
    /// The last day of employment.
    pub end_date: Option<Nullable<Date>>,
    /// The latest rehire date.
    pub latest_rehire_date: Option<Nullable<Date>>,
    /// `true` for an active employee or contractor.
    pub is_active: Option<Nullable<bool>>,
    /// The detailed employment status.
    pub employment_status: Option<Nullable<EmploymentStatus>>,
    /// The FLSA status.
    pub flsa_status: Option<Nullable<FlsaStatus>>,
    /// The worker's compensation classification code.
    pub class_code: Option<Nullable<String>>,
    /// The work location.
    pub location: Option<Nullable<Location>>,
    /// The current income.
    pub income: Option<Nullable<Income>>,
    /// Past incomes.
    pub income_history: Option<Nullable<Vec<Option<Income>>>>,
    /// Fields the employer defined in their system.
    pub custom_fields: Option<Nullable<Vec<CustomField>>>,
    /// The union the employee is a member of, as configured in the payroll system.
    pub union_code: Option<Nullable<String>>,
    /// The local chapter or number within the employee's union.
    pub union_local: Option<String>,
    /// Whether the IRS classifies the employee as highly compensated (ADP/ACP tests; US only).
    pub highly_compensated_employee: Option<bool>,
    /// Whether the IRS classifies the employee as a key employee (top-heavy tests; US only).
    pub key_employee: Option<bool>,
    /// The source system's employment id for the individual.
    pub source_id: Option<String>,
}

impl UpdateSandboxEmployment {
    /// An update of the individual `individual_id` that changes nothing yet.
    pub fn new(individual_id: impl Into<String>) -> Self {
        UpdateSandboxEmployment {
            individual_id: individual_id.into(),
            first_name: None,
            middle_name: None,
            last_name: None,
            title: None,
            manager: None,
            department: None,
            employment: None,
            start_date: None,
            end_date: None,
            latest_rehire_date: None,
            is_active: None,
            employment_status: None,
            flsa_status: None,
            class_code: None,
            location: None,
            income: None,
            income_history: None,
            custom_fields: None,
            union_code: None,
            union_local: None,
            highly_compensated_employee: None,
            key_employee: None,
            source_id: None,
        }
    }

    setters! {
        /// Sets the legal first name.
        first_name(first_name: impl Into<String>) / clear_first_name;
        /// Sets the legal middle name.
        middle_name(middle_name: impl Into<String>) / clear_middle_name;
        /// Sets the legal last name.
        last_name(last_name: impl Into<String>) / clear_last_name;
        /// Sets the title.
        title(title: impl Into<String>) / clear_title;
        /// Sets the employment type and subtype.
        employment(employment: impl Into<EmploymentKind>) / clear_employment;
        /// Sets the first day of employment (`YYYY-MM-DD`).
        start_date(start_date: impl Into<Date>) / clear_start_date;
        /// Sets the last day of employment (`YYYY-MM-DD`).
        end_date(end_date: impl Into<Date>) / clear_end_date;
        /// Sets the latest rehire date (`YYYY-MM-DD`).
        latest_rehire_date(latest_rehire_date: impl Into<Date>) / clear_latest_rehire_date;
        /// Sets whether the individual is active.
        is_active(is_active: impl Into<bool>) / clear_is_active;
        /// Sets the detailed employment status.
        employment_status(employment_status: impl Into<EmploymentStatus>) / clear_employment_status;
        /// Sets the FLSA status.
        flsa_status(flsa_status: impl Into<FlsaStatus>) / clear_flsa_status;
        /// Sets the worker's compensation classification code.
        class_code(class_code: impl Into<String>) / clear_class_code;
        /// Sets the work location.
        location(location: impl Into<Location>) / clear_location;
        /// Sets the current income.
        income(income: impl Into<Income>) / clear_income;
        /// Sets the custom fields.
        custom_fields(custom_fields: impl Into<Vec<CustomField>>) / clear_custom_fields;
        /// Sets the union code.
        union_code(union_code: impl Into<String>) / clear_union_code;
        /// Sets the union local.
        union_local(union_local: impl Into<String>);
        /// Sets whether the employee is highly compensated.
        highly_compensated_employee(highly_compensated_employee: impl Into<bool>);
        /// Sets whether the employee is a key employee.
        key_employee(key_employee: impl Into<bool>);
        /// Sets the source system's employment id.
        source_id(source_id: impl Into<String>);
    }

    // `manager` and `department` are written by hand: they build the nested value from its id or
    // name.

    /// Sets the manager, by their Finch id.
    pub fn manager(mut self, manager_id: impl Into<String>) -> Self {
        self.manager = Some(Nullable::Value(IndividualRef {
            id: manager_id.into(),
        }));
        self
    }

    /// Sets the department, by name.
    pub fn department(mut self, name: impl Into<String>) -> Self {
        self.department = Some(Nullable::Value(DirectoryDepartment {
            name: Some(name.into()),
        }));
        self
    }

    setters! {
        /// Sets the past incomes.
        income_history(incomes: impl IntoIterator<Item = Income>) / clear_income_history;
        /// Sends `null` for `manager`: the server clears it.
        / clear_manager => manager;
        /// Sends `null` for `department`: the server clears it.
        / clear_department => department;
    }
}

names! { employment! { declare! {
/// The sandbox individual's employment after the update. The spec marks no field required, so
/// each one may be absent.
///
/// ```
/// let employment: finch::sandbox::EmploymentUpdateResponse = serde_json::from_str(r#"{
///     "id": "5d0b10a1-a09a-430f-81f1-20be735dc5e9", "title": "Staff Engineer",
///     "employment": {"type": "employee", "subtype": "full_time"},
///     "income": {"unit": "yearly", "amount": 15000000, "currency": "usd", "effective_date": "2024-01-01"}
/// }"#)?;
/// assert_eq!(employment.income.and_then(|income| income.amount), Some(15_000_000));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(Default)]
pub struct EmploymentUpdateResponse {
    /// A stable Finch id (UUID v4) for the individual.
    pub id: Option<String>,
}
} } }

handle! {
    /// `client.sandbox().employment()`.
    pub struct SandboxEmployment<'a> {
        /// Changes a sandbox individual's employment data
        /// (`PUT /sandbox/employment/{individual_id}`) and returns it.
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// use finch::sandbox::UpdateSandboxEmployment;
        /// let employment = finch.sandbox().employment()
        ///     .update(UpdateSandboxEmployment::new("5d0b10a1-a09a-430f-81f1-20be735dc5e9").end_date("2024-06-30").is_active(false))
        ///     .await?;
        /// # Ok(()) }
        /// ```
        pub async fn update(self, request: UpdateSandboxEmployment) -> Result<EmploymentUpdateResponse, Error>;
    }
}
