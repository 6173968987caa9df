//! `PUT /sandbox/individual/{individual_id}`: change a sandbox individual.

use crate::client::Finch;
use crate::hris::{Email, EmailType, Ethnicity, Gender, MaritalStatus, PhoneNumber, PhoneType};
use crate::operations::{Operation, OperationFn};
use crate::shared::{Date, Location};
use crate::{Error, finch_endpoint};
use finch_core::Nullable;
use serde::{Deserialize, Serialize};

/// Chainable setters of `Option` fields: `field(value)` sets `Some(value.into())`.
macro_rules! option_setters {
    ($( $(#[$doc:meta])* $field:ident: $ty:ty; )*) => {
        $(
            $(#[$doc])*
            pub fn $field(mut self, $field: impl Into<$ty>) -> Self {
                self.$field = Some($field.into());
                self
            }
        )*
    };
}

pub(crate) use option_setters;

/// Chainable setters of `Option<Nullable<T>>` fields: `field(value)` sends the value,
/// `clear_field()` sends `null` (the server clears it); a field neither is called for is left
/// out (the server keeps it).
macro_rules! nullable_setters {
    ($( $(#[$doc:meta])* $field:ident / $clear:ident: $ty:ty; )*) => {
        $(
            $(#[$doc])*
            pub fn $field(mut self, $field: impl Into<$ty>) -> Self {
                self.$field = Some(finch_core::Nullable::Value($field.into()));
                self
            }

            #[doc = concat!("Sends `null` for `", stringify!($field), "`: the server clears it.")]
            pub fn $clear(mut self) -> Self {
                self.$field = Some(finch_core::Nullable::Null);
                self
            }
        )*
    };
}

pub(crate) use nullable_setters;

/// Change a sandbox individual's personal data (`PUT /sandbox/individual/{individual_id}`).
/// Only the fields set are sent; the others keep their values. Every field can also be cleared
/// (sent as `null`), as the spec allows: `clear_dob()`, `clear_encrypted_ssn()`, ...
///
/// ```
/// use finch::hris::{EmailType, Gender};
/// use finch::sandbox::UpdateSandboxIndividual;
/// let request = UpdateSandboxIndividual::new("5d0b10a1-a09a-430f-81f1-20be735dc5e9")
///     .preferred_name("Ada")
///     .gender(Gender::Female)
///     .dob("1815-12-10")
///     .email("ada@example.com", EmailType::Work);
/// assert_eq!(request.first_name, None); // not sent
/// ```
#[finch_endpoint(PUT "/sandbox/individual/{individual_id}", response = IndividualUpdateResponse)]
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdateSandboxIndividual {
    /// The individual's Finch id.
    #[finch(path)]
    pub individual_id: String,
    /// The legal first name.
    pub first_name: Option<Nullable<String>>,
    /// The legal middle name.
    pub middle_name: Option<Nullable<String>>,
    /// The legal last name.
    pub last_name: Option<Nullable<String>>,
    /// The preferred name.
    pub preferred_name: Option<Nullable<String>>,
    /// Email addresses.
    pub emails: Option<Nullable<Vec<Email>>>,
    /// Phone numbers.
    pub phone_numbers: Option<Nullable<Vec<Option<PhoneNumber>>>>,
    /// Gender.
    pub gender: Option<Nullable<Gender>>,
    /// The EEOC-defined ethnicity.
    pub ethnicity: Option<Nullable<Ethnicity>>,
    /// Marital status.
    pub marital_status: Option<Nullable<MaritalStatus>>,
    /// Date of birth.
    pub dob: Option<Nullable<Date>>,
    /// The Social Security Number.
    pub ssn: Option<Nullable<String>>,
    /// The Social Security Number, encrypted.
    pub encrypted_ssn: Option<Nullable<String>>,
    /// The home address.
    pub residence: Option<Nullable<Location>>,
}

impl UpdateSandboxIndividual {
    /// An update of the individual `individual_id` that changes nothing yet.
    pub fn new(individual_id: impl Into<String>) -> Self {
        UpdateSandboxIndividual {
            individual_id: individual_id.into(),
            first_name: None,
            middle_name: None,
            last_name: None,
            preferred_name: None,
            emails: None,
            phone_numbers: None,
            gender: None,
            ethnicity: None,
            marital_status: None,
            dob: None,
            ssn: None,
            encrypted_ssn: None,
            residence: None,
        }
    }

    nullable_setters! {
        /// Sets the legal first name.
        first_name / clear_first_name: String;
        /// Sets the legal middle name.
        middle_name / clear_middle_name: String;
        /// Sets the legal last name.
        last_name / clear_last_name: String;
        /// Sets the preferred name.
        preferred_name / clear_preferred_name: String;
        /// Sets the email addresses (replacing those added before).
        emails / clear_emails: Vec<Email>;
        /// Sets the gender.
        gender / clear_gender: Gender;
        /// Sets the ethnicity.
        ethnicity / clear_ethnicity: Ethnicity;
        /// Sets the marital status.
        marital_status / clear_marital_status: MaritalStatus;
        /// Sets the date of birth (`YYYY-MM-DD`).
        dob / clear_dob: Date;
        /// Sets the Social Security Number.
        ssn / clear_ssn: String;
        /// Sets the encrypted Social Security Number.
        encrypted_ssn / clear_encrypted_ssn: String;
        /// Sets the home address.
        residence / clear_residence: Location;
    }

    /// Adds an email address.
    pub fn email(mut self, address: impl Into<String>, kind: EmailType) -> Self {
        push(
            &mut self.emails,
            Email {
                data: address.into(),
                email_type: Some(kind),
            },
        );
        self
    }

    /// Adds a phone number.
    pub fn phone_number(mut self, number: impl Into<String>, kind: PhoneType) -> Self {
        push(
            &mut self.phone_numbers,
            Some(PhoneNumber {
                data: Some(number.into()),
                phone_type: Some(kind),
            }),
        );
        self
    }

    /// Sets the phone numbers (replacing those added before).
    pub fn phone_numbers(mut self, phone_numbers: impl IntoIterator<Item = PhoneNumber>) -> Self {
        self.phone_numbers = Some(Nullable::Value(
            phone_numbers.into_iter().map(Some).collect(),
        ));
        self
    }

    /// Sends `null` for `phone_numbers`: the server clears them.
    pub fn clear_phone_numbers(mut self) -> Self {
        self.phone_numbers = Some(Nullable::Null);
        self
    }
}

/// Appends `item` to a nullable list, starting a new list when it is unset or cleared.
fn push<T>(list: &mut Option<Nullable<Vec<T>>>, item: T) {
    match list {
        Some(Nullable::Value(items)) => items.push(item),
        _ => *list = Some(Nullable::Value(vec![item])),
    }
}

/// The sandbox individual after the update. The spec marks no field required, so each one may be
/// absent.
///
/// ```
/// let individual: finch::sandbox::IndividualUpdateResponse = serde_json::from_str(r#"{
///     "id": "5d0b10a1-a09a-430f-81f1-20be735dc5e9", "first_name": "Ada", "last_name": "Lovelace",
///     "gender": "female", "phone_numbers": [null, {"data": "+14475678901", "type": "work"}]
/// }"#)?;
/// assert_eq!(individual.first_name.as_deref(), Some("Ada"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IndividualUpdateResponse {
    /// A stable Finch id (UUID v4) for the individual.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The legal first name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// The legal middle name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    /// The legal last name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// The preferred name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_name: Option<String>,
    /// Email addresses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub emails: Option<Vec<Email>>,
    /// Phone numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_numbers: Option<Vec<Option<PhoneNumber>>>,
    /// Gender.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// The EEOC-defined ethnicity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ethnicity: Option<Ethnicity>,
    /// Marital status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marital_status: Option<MaritalStatus>,
    /// Date of birth.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dob: Option<Date>,
    /// The Social Security Number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ssn: Option<String>,
    /// The Social Security Number, encrypted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted_ssn: Option<String>,
    /// The home address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub residence: Option<Location>,
}

/// `client.sandbox().individual()`.
#[derive(Clone, Copy, Debug)]
pub struct SandboxIndividual<'a> {
    pub(crate) client: &'a Finch,
}

impl SandboxIndividual<'_> {
    /// Changes a sandbox individual's personal data (`PUT /sandbox/individual/{individual_id}`)
    /// and returns the individual.
    ///
    /// ```
    /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
    /// use finch::sandbox::UpdateSandboxIndividual;
    /// let individual = finch.sandbox().individual()
    ///     .update(UpdateSandboxIndividual::new("5d0b10a1-a09a-430f-81f1-20be735dc5e9").last_name("Byron"))
    ///     .await?;
    /// assert_eq!(individual.last_name.as_deref(), Some("Byron"));
    /// # Ok(()) }
    /// ```
    pub async fn update(
        self,
        request: UpdateSandboxIndividual,
    ) -> Result<IndividualUpdateResponse, Error> {
        self.client.send(&request).await
    }
}

/// The operations this module declares, for the OpenAPI rendering and the conformance check.
pub(crate) const OPERATIONS: &[OperationFn] = &[Operation::of::<UpdateSandboxIndividual>];
