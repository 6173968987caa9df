//! `PUT /sandbox/individual/{individual_id}`: change a sandbox individual.

use super::fields::names;
use crate::handles::handle;
use crate::hris::{Email, EmailType, PhoneNumber, PhoneType};
use crate::setters::setters;
use finch_core::Nullable;
use finch_macros::finch_endpoint;
use finch_macros::model;

names! { personal! { update_request! {
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
pub struct UpdateSandboxIndividual;
} } }

impl UpdateSandboxIndividual {
    // `email` and `phone_number` are written by hand: they build the entry and append it to a
    // list that may have been cleared.

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

    setters! {
        /// Sets the phone numbers (replacing those added before).
        phone_numbers(phone_numbers: impl IntoIterator<Item = PhoneNumber>)
        /// Sends `null` for `phone_numbers`: the server clears them.
        / clear_phone_numbers;
    }
}

/// Appends `item` to a nullable list, starting a new list when it is unset or cleared.
fn push<T>(list: &mut Option<Nullable<Vec<T>>>, item: T) {
    match list {
        Some(Nullable::Value(items)) => items.push(item),
        _ => *list = Some(Nullable::Value(vec![item])),
    }
}

names! { personal! { declare! {
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
#[model(Eq, Default)]
pub struct IndividualUpdateResponse {
    /// A stable Finch id (UUID v4) for the individual.
    pub id: Option<String>,
}
} } }

handle! {
    /// `client.sandbox().individual()`.
    pub struct SandboxIndividual<'a> {
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
        pub async fn update(self, request: UpdateSandboxIndividual) -> Result<IndividualUpdateResponse, Error>;
    }
}
