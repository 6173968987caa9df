//! `POST /sandbox/directory`: add people to a sandbox company.

use super::fields::names;
use crate::finch_endpoint;
use crate::handles::handle;
use crate::hris::{
    CustomField, DirectoryDepartment, Email, EmailType, EmploymentKind, EmploymentStatus,
    Ethnicity, FlsaStatus, Gender, Income, MaritalStatus, PhoneNumber, PhoneType,
};
use crate::model;
use crate::setters::setters;
use crate::shared::{Date, IndividualRef, Location};

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

names! { personal! { employment! { declare! {
/// An individual to create: the fields of the individual and employment endpoints, all optional.
/// Only the fields set are sent; Finch makes up the others.
///
/// ```
/// use finch::hris::{EmailType, EmploymentKind, EmploymentSubtype, EmploymentType, Gender};
/// use finch::sandbox::NewIndividual;
/// let ada = NewIndividual::named("Ada", "Lovelace")
///     .gender(Gender::Female)
///     .dob("1815-12-10")
///     .email("ada@example.com", EmailType::Work)
///     .title("Engineer")
///     .department("Engineering")
///     .employment(EmploymentKind::new(EmploymentType::Employee, EmploymentSubtype::FullTime))
///     .start_date("2020-03-04");
/// assert_eq!(ada.middle_name, None); // not sent
/// ```
#[model(Default)]
pub struct NewIndividual {}
} } } }

impl NewIndividual {
    /// An individual with nothing set: Finch makes up every field.
    pub fn new() -> Self {
        Self::default()
    }

    /// An individual with a first and last name and nothing else.
    pub fn named(first_name: impl Into<String>, last_name: impl Into<String>) -> Self {
        NewIndividual {
            first_name: Some(first_name.into()),
            last_name: Some(last_name.into()),
            ..Self::default()
        }
    }

    setters! {
        /// Sets the legal first name.
        first_name(first_name: impl Into<String>);
        /// Sets the legal middle name.
        middle_name(middle_name: impl Into<String>);
        /// Sets the legal last name.
        last_name(last_name: impl Into<String>);
        /// Sets the preferred name.
        preferred_name(preferred_name: impl Into<String>);
        /// Sets the email addresses (replacing those added before).
        emails(emails: impl Into<Vec<Email>>);
        /// Sets the gender.
        gender(gender: impl Into<Gender>);
        /// Sets the ethnicity.
        ethnicity(ethnicity: impl Into<Ethnicity>);
        /// Sets the marital status.
        marital_status(marital_status: impl Into<MaritalStatus>);
        /// Sets the date of birth (`YYYY-MM-DD`).
        dob(dob: impl Into<Date>);
        /// Sets the Social Security Number.
        ssn(ssn: impl Into<String>);
        /// Sets the encrypted Social Security Number.
        encrypted_ssn(encrypted_ssn: impl Into<String>);
        /// Sets the home address.
        residence(residence: impl Into<Location>);
        /// Sets the title.
        title(title: impl Into<String>);
        /// Sets the employment type and subtype.
        employment(employment: impl Into<EmploymentKind>);
        /// Sets the first day of employment (`YYYY-MM-DD`).
        start_date(start_date: impl Into<Date>);
        /// Sets the last day of employment (`YYYY-MM-DD`).
        end_date(end_date: impl Into<Date>);
        /// Sets the latest rehire date (`YYYY-MM-DD`).
        latest_rehire_date(latest_rehire_date: impl Into<Date>);
        /// Sets the detailed employment status.
        employment_status(employment_status: impl Into<EmploymentStatus>);
        /// Sets the FLSA status.
        flsa_status(flsa_status: impl Into<FlsaStatus>);
        /// Sets the worker's compensation classification code.
        class_code(class_code: impl Into<String>);
        /// Sets the work location.
        location(location: impl Into<Location>);
        /// Sets the current income.
        income(income: impl Into<Income>);
        /// Sets the custom fields.
        custom_fields(custom_fields: impl Into<Vec<CustomField>>);
        /// Sets the union code.
        union_code(union_code: impl Into<String>);
        /// Sets the union local.
        union_local(union_local: impl Into<String>);
        /// Sets whether the employee is highly compensated.
        highly_compensated_employee(highly_compensated_employee: impl Into<bool>);
        /// Sets whether the employee is a key employee.
        key_employee(key_employee: impl Into<bool>);
        /// Sets the source system's employment id.
        source_id(source_id: impl Into<String>);
        /// Sets whether the individual is active (`is_active`).
        active(is_active: bool) => is_active;
        /// Sets the past incomes.
        income_history(incomes: impl IntoIterator<Item = Income>);
    }

    // The setters below are written by hand: they build the nested value (an email or a phone
    // number added to the list, the manager from their id, the department from its name).

    /// Adds an email address.
    pub fn email(mut self, address: impl Into<String>, kind: EmailType) -> Self {
        self.emails.get_or_insert_with(Vec::new).push(Email {
            data: address.into(),
            email_type: Some(kind),
        });
        self
    }

    /// Adds a phone number.
    pub fn phone_number(mut self, number: impl Into<String>, kind: PhoneType) -> Self {
        self.phone_numbers
            .get_or_insert_with(Vec::new)
            .push(Some(PhoneNumber {
                data: Some(number.into()),
                phone_type: Some(kind),
            }));
        self
    }

    /// Sets the manager, by their Finch id.
    pub fn manager(mut self, manager_id: impl Into<String>) -> Self {
        self.manager = Some(IndividualRef {
            id: manager_id.into(),
        });
        self
    }

    /// Sets the department, by name.
    pub fn department(mut self, name: impl Into<String>) -> Self {
        self.department = Some(DirectoryDepartment {
            name: Some(name.into()),
        });
        self
    }
}

handle! {
    /// `client.sandbox().directory()`.
    pub struct SandboxDirectory<'a> {
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
        pub async fn create(self, request: CreateSandboxDirectory) -> Result<Vec<serde_json::Value>, Error>;
    }
}
