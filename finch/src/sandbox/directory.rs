//! `POST /sandbox/directory`: add people to a sandbox company.

use crate::client::Finch;
use crate::operations::{Operation, OperationFn};
use crate::hris::{
    CustomField, DirectoryDepartment, Email, EmploymentKind, EmploymentStatus, Ethnicity,
    FlsaStatus, Gender, Income, MaritalStatus, PhoneNumber,
};
use crate::shared::{Date, IndividualRef, Location};
use crate::{Error, finch_endpoint};
use serde::{Deserialize, Serialize};

/// Add individuals to a sandbox company (`POST /sandbox/directory`). The body is a top-level JSON
/// array.
///
/// ```
/// use finch::sandbox::{CreateSandboxDirectory, NewIndividual};
/// let request = CreateSandboxDirectory::new(vec![
///     NewIndividual::named("Ada", "Lovelace").title("Engineer"),
/// ]);
/// ```
#[finch_endpoint(POST "/sandbox/directory", response = Vec<serde_json::Value>)]
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct CreateSandboxDirectory {
    /// The individuals to create.
    #[finch(body)]
    pub individuals: Vec<NewIndividual>,
}

impl CreateSandboxDirectory {
    /// A request that creates `individuals`.
    pub fn new(individuals: Vec<NewIndividual>) -> Self {
        CreateSandboxDirectory { individuals }
    }
}

/// An individual to create: any fields of the individual and employment endpoints, all optional.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
#[allow(missing_docs)] // The fields are those of `Individual` and the employment data, documented there.
pub struct NewIndividual {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emails: Option<Vec<Email>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_numbers: Option<Vec<Option<PhoneNumber>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ethnicity: Option<Ethnicity>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marital_status: Option<MaritalStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dob: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ssn: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted_ssn: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residence: Option<Location>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manager: Option<IndividualRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<DirectoryDepartment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employment: Option<EmploymentKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest_rehire_date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_active: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employment_status: Option<EmploymentStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flsa_status: Option<FlsaStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub income: Option<Income>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub income_history: Option<Vec<Option<Income>>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<Vec<CustomField>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub union_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub union_local: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub highly_compensated_employee: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_employee: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_id: Option<String>,
}

impl NewIndividual {
    /// An individual with a first and last name and nothing else.
    pub fn named(first_name: impl Into<String>, last_name: impl Into<String>) -> Self {
        NewIndividual {
            first_name: Some(first_name.into()),
            last_name: Some(last_name.into()),
            ..Self::default()
        }
    }

    /// Sets the title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets the department.
    pub fn department(mut self, name: impl Into<String>) -> Self {
        self.department = Some(DirectoryDepartment {
            name: Some(name.into()),
        });
        self
    }

    /// Sets whether the individual is active.
    pub fn active(mut self, is_active: bool) -> Self {
        self.is_active = Some(is_active);
        self
    }
}

/// `client.sandbox().directory()`.
#[derive(Clone, Copy, Debug)]
pub struct SandboxDirectory<'a> {
    pub(crate) client: &'a Finch,
}

impl SandboxDirectory<'_> {
    /// Adds individuals to the sandbox company (`POST /sandbox/directory`).
    ///
    /// ```
    /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
    /// use finch::sandbox::{CreateSandboxDirectory, NewIndividual};
    /// let created = finch.sandbox().directory()
    ///     .create(CreateSandboxDirectory::new(vec![NewIndividual::named("Ada", "Lovelace")]))
    ///     .await?;
    /// # Ok(()) }
    /// ```
    pub async fn create(
        &self,
        request: CreateSandboxDirectory,
    ) -> Result<Vec<serde_json::Value>, Error> {
        self.client.send(&request).await
    }
}

/// The operations this module declares, for the OpenAPI rendering and the conformance check.
pub(crate) const OPERATIONS: &[OperationFn] = &[Operation::of::<CreateSandboxDirectory>];
