//! `POST /sandbox/directory`: add people to a sandbox company.

use super::fields::names;
use crate::handles::handle;
use crate::hris::{DirectoryDepartment, Email, EmailType, PhoneNumber, PhoneType};
use crate::setters::setters;
use crate::shared::IndividualRef;
use finch_macros::finch_endpoint;
use finch_macros::model;

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

names! { personal! { employment! { declare_with_setters! {
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
        /// Sets whether the individual is active (`is_active`).
        active(is_active: bool) => is_active;
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
