//! `PUT /sandbox/employment/{individual_id}`: change a sandbox individual's employment.

use super::fields::names;
use crate::handles::handle;
use crate::hris::DirectoryDepartment;
use crate::setters::setters;
use crate::shared::IndividualRef;
use finch_core::Nullable;
use finch_macros::finch_endpoint;
use finch_macros::model;

names! { employment! { update_request! {
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
pub struct UpdateSandboxEmployment;
} } }

impl UpdateSandboxEmployment {
    setters! {
        /// Sets whether the individual is active.
        is_active(is_active: impl Into<bool>) / clear_is_active;
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
