//! The typed webhook events, by `event_type`.

use super::authentication::AuthenticationMethod;
use super::error::WebhookError;
use crate::account::ConnectionStatus;
use crate::open_enum::open_enum;
use crate::shared::Date;
use finch_macros::model;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

/// A webhook delivery, typed by its `event_type`.
///
/// Every known event type decodes into its family's struct; an event type this version of finch
/// does not know is kept as [`WebhookEvent::Unknown`] (its type and raw JSON), not an error.
/// Encoding gives back the JSON the event was decoded from.
///
/// ```
/// use finch::webhooks::{DirectoryEventType, WebhookEvent};
/// let event = WebhookEvent::parse(br#"{
///     "company_id": "720be419-0293-4d32-a707-32179b0827ab", "account_id": "0e1b38e4",
///     "connection_id": "4ab15e51", "event_type": "directory.created",
///     "data": {"individual_id": "c1ba0a44"}
/// }"#)?;
/// let WebhookEvent::Directory(directory) = &event else { unreachable!() };
/// assert_eq!(directory.event_type, DirectoryEventType::Created);
/// assert_eq!(event.connection_id(), Some("4ab15e51"));
///
/// let future = WebhookEvent::parse(br#"{"company_id": "c", "event_type": "benefit.renamed"}"#)?;
/// assert_eq!(future.event_type(), "benefit.renamed");
/// assert!(matches!(future, WebhookEvent::Unknown(_)));
/// # Ok::<(), finch::webhooks::WebhookError>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum WebhookEvent {
    /// `account.updated`: the connection's status or authentication method changed.
    AccountUpdated(AccountUpdateEvent),
    /// `company.updated`.
    Company(CompanyEvent),
    /// `directory.created`, `directory.updated`, `directory.deleted`.
    Directory(DirectoryEvent),
    /// `employment.created`, `employment.updated`, `employment.deleted`.
    Employment(EmploymentEvent),
    /// `individual.created`, `individual.updated`, `individual.deleted`.
    Individual(IndividualEvent),
    /// `payment.created`, `payment.updated`, `payment.deleted`.
    Payment(PaymentEvent),
    /// `pay_statement.created`, `pay_statement.updated`, `pay_statement.deleted`.
    PayStatement(PayStatementEvent),
    /// `job.<type>.completed` and `job.initial_data_sync_<org|payroll>.succeeded`.
    JobCompletion(JobCompletionEvent),
    /// An event type this version of finch does not know.
    Unknown(UnknownEvent),
}

/// Dispatches on the event type: `$family(Type, EventTypeEnum)` for each family.
macro_rules! families {
    ($($variant:ident($event:ty, $kind:ty),)+) => {
        impl WebhookEvent {
            /// Decodes a JSON value into the event its `event_type` says, or fails with the path.
            fn from_value(value: Value) -> Result<WebhookEvent, WebhookError> {
                let Some(event_type) = value.get("event_type") else {
                    return Err(invalid(None, "event_type", "missing field `event_type`".to_owned()));
                };
                let Some(event_type) = event_type.as_str().map(str::to_owned) else {
                    return Err(invalid(None, "event_type", format!("expected a string, got {event_type}")));
                };
                $(
                    if !<$kind>::from(event_type.as_str()).is_unknown() {
                        return decode::<$event>(value, &event_type).map(WebhookEvent::$variant);
                    }
                )+
                Ok(WebhookEvent::Unknown(UnknownEvent { event_type, raw: value }))
            }

            /// The event's type as sent (`directory.created`).
            pub fn event_type(&self) -> &str {
                match self {
                    $(WebhookEvent::$variant(event) => event.event_type.as_str(),)+
                    WebhookEvent::Unknown(event) => &event.event_type,
                }
            }

            /// The company the event is about.
            pub fn company_id(&self) -> Option<&str> {
                match self {
                    $(WebhookEvent::$variant(event) => Some(&event.company_id),)+
                    WebhookEvent::Unknown(event) => event.raw.get("company_id").and_then(Value::as_str),
                }
            }

            /// The connection the event is about.
            pub fn connection_id(&self) -> Option<&str> {
                match self {
                    $(WebhookEvent::$variant(event) => event.connection_id.as_deref(),)+
                    WebhookEvent::Unknown(event) => event.raw.get("connection_id").and_then(Value::as_str),
                }
            }

            /// The entity the event is about, for connections with several.
            pub fn entity_id(&self) -> Option<&str> {
                match self {
                    $(WebhookEvent::$variant(event) => event.entity_id.as_deref(),)+
                    WebhookEvent::Unknown(event) => event.raw.get("entity_id").and_then(Value::as_str),
                }
            }
        }

        impl Serialize for WebhookEvent {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                match self {
                    $(WebhookEvent::$variant(event) => event.serialize(serializer),)+
                    WebhookEvent::Unknown(event) => event.raw.serialize(serializer),
                }
            }
        }
    };
}

families! {
    AccountUpdated(AccountUpdateEvent, AccountEventType),
    Company(CompanyEvent, CompanyEventType),
    Directory(DirectoryEvent, DirectoryEventType),
    Employment(EmploymentEvent, EmploymentEventType),
    Individual(IndividualEvent, IndividualEventType),
    Payment(PaymentEvent, PaymentEventType),
    PayStatement(PayStatementEvent, PayStatementEventType),
    JobCompletion(JobCompletionEvent, JobEventType),
}

impl WebhookEvent {
    /// Parses a delivery's body (already verified) into a typed event; a failure names the JSON
    /// path. [`Webhooks::unwrap`](super::Webhooks::unwrap) verifies and parses in one step.
    ///
    /// ```
    /// let error = finch::webhooks::WebhookEvent::parse(
    ///     br#"{"company_id": "c", "account_id": "a", "event_type": "job.data_sync_all.completed", "data": {"job_id": 7}}"#,
    /// ).unwrap_err();
    /// assert!(error.to_string().contains("`data.job_id`"), "{error}");
    /// ```
    pub fn parse(body: &[u8]) -> Result<WebhookEvent, WebhookError> {
        let value: Value =
            serde_json::from_slice(body).map_err(|error| invalid(None, ".", error.to_string()))?;
        WebhookEvent::from_value(value)
    }
}

impl<'de> Deserialize<'de> for WebhookEvent {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        WebhookEvent::from_value(value).map_err(serde::de::Error::custom)
    }
}

/// Decodes one family's event, keeping the failure's path.
fn decode<T: DeserializeOwned>(value: Value, event_type: &str) -> Result<T, WebhookError> {
    serde_path_to_error::deserialize(value).map_err(|error| {
        let path = error.path().to_string();
        invalid(Some(event_type), &path, error.into_inner().to_string())
    })
}

/// The error, with each piece from the body bounded (a huge value must not make a huge message).
fn invalid(event_type: Option<&str>, path: &str, message: String) -> WebhookError {
    use finch_core::redact::{MESSAGE_CHARS, NAME_CHARS, bounded};
    WebhookError::InvalidPayload {
        event_type: event_type.map(|event_type| bounded(event_type, NAME_CHARS)),
        path: bounded(path, NAME_CHARS),
        message: bounded(&message, MESSAGE_CHARS),
    }
}

/// An event of a type this version of finch does not know, kept as sent.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct UnknownEvent {
    /// The event's type as sent.
    pub event_type: String,
    /// The whole event as sent.
    pub raw: Value,
}

/// Declares an event struct: the base fields every event has, `event_type`, and `data`.
macro_rules! event {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            event_type: $kind:ty,
            $(#[$data_meta:meta])*
            data: $data:ty,
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
        #[non_exhaustive]
        // The derives read and write the deprecated `account_id`.
        #[allow(deprecated)]
        pub struct $name {
            /// Deprecated: the employer account of the connection; use `connection_id` instead.
            /// The spec still marks it required; finch accepts deliveries without it, so that
            /// its announced removal does not break every receiver.
            #[deprecated(note = "use `connection_id` to identify the connection")]
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub account_id: Option<String>,
            /// The company whose data changed.
            pub company_id: String,
            /// The connection the event is about.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub connection_id: Option<String>,
            /// The entity whose data changed, for connections with several.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub entity_id: Option<String>,
            /// The event's type.
            pub event_type: $kind,
            $(#[$data_meta])*
            #[serde(default, skip_serializing_if = "Option::is_none")]
            pub data: Option<$data>,
        }
    };
}

event! {
    /// `account.updated`: the connection's status or authentication method changed.
    pub struct AccountUpdateEvent {
        event_type: AccountEventType,
        /// The connection's new status and authentication method.
        data: AccountUpdateData,
    }
}

event! {
    /// `company.updated`: the company's data changed.
    pub struct CompanyEvent {
        event_type: CompanyEventType,
        /// Free-form details (the spec gives no shape; `null` is kept as `None`).
        data: Map<String, Value>,
    }
}

event! {
    /// `directory.*`: an individual was added to, changed in or removed from the directory.
    pub struct DirectoryEvent {
        event_type: DirectoryEventType,
        /// The individual.
        data: IndividualEventData,
    }
}

event! {
    /// `employment.*`: an individual's employment data was created, changed or deleted.
    pub struct EmploymentEvent {
        event_type: EmploymentEventType,
        /// The individual.
        data: IndividualEventData,
    }
}

event! {
    /// `individual.*`: an individual's personal data was created, changed or deleted.
    pub struct IndividualEvent {
        event_type: IndividualEventType,
        /// The individual.
        data: IndividualEventData,
    }
}

event! {
    /// `payment.*`: a payment was created, changed or deleted.
    pub struct PaymentEvent {
        event_type: PaymentEventType,
        /// The payment.
        data: PaymentEventData,
    }
}

event! {
    /// `pay_statement.*`: a pay statement was created, changed or deleted.
    pub struct PayStatementEvent {
        event_type: PayStatementEventType,
        /// The pay statement's payment and individual.
        data: PayStatementEventData,
    }
}

event! {
    /// `job.*.completed`, `job.initial_data_sync_*.succeeded`: a job finished.
    pub struct JobCompletionEvent {
        event_type: JobEventType,
        /// The job.
        data: JobCompletionData,
    }
}

/// What changed on the connection.
#[model]
pub struct AccountUpdateData {
    /// The connection's status.
    pub status: ConnectionStatus,
    /// The connection's authentication method.
    pub authentication_method: AuthenticationMethod,
}

/// The individual an event is about.
#[model(Eq, Default)]
pub struct IndividualEventData {
    /// The individual's id.
    pub individual_id: Option<String>,
}

/// The payment an event is about.
#[model(Eq)]
pub struct PaymentEventData {
    /// The payment's id.
    pub payment_id: String,
    /// The payment's date.
    pub pay_date: Date,
}

/// The pay statement an event is about.
#[model(Eq, Default)]
pub struct PayStatementEventData {
    /// The id of the pay statement's payment.
    pub payment_id: Option<String>,
    /// The id of the pay statement's individual.
    pub individual_id: Option<String>,
}

/// The job that finished.
#[model(Eq)]
pub struct JobCompletionData {
    /// The job's id.
    pub job_id: String,
    /// Where to read the job's result.
    pub job_url: String,
}

open_enum! {
    /// The type of an account event.
    pub enum AccountEventType {
        /// `account.updated`.
        Updated = "account.updated",
    }
}

open_enum! {
    /// The type of a company event.
    pub enum CompanyEventType {
        /// `company.updated`.
        Updated = "company.updated",
    }
}

open_enum! {
    /// The type of a directory event.
    pub enum DirectoryEventType {
        /// `directory.created`.
        Created = "directory.created",
        /// `directory.updated`.
        Updated = "directory.updated",
        /// `directory.deleted`.
        Deleted = "directory.deleted",
    }
}

open_enum! {
    /// The type of an employment event.
    pub enum EmploymentEventType {
        /// `employment.created`.
        Created = "employment.created",
        /// `employment.updated`.
        Updated = "employment.updated",
        /// `employment.deleted`.
        Deleted = "employment.deleted",
    }
}

open_enum! {
    /// The type of an individual event.
    pub enum IndividualEventType {
        /// `individual.created`.
        Created = "individual.created",
        /// `individual.updated`.
        Updated = "individual.updated",
        /// `individual.deleted`.
        Deleted = "individual.deleted",
    }
}

open_enum! {
    /// The type of a payment event.
    pub enum PaymentEventType {
        /// `payment.created`.
        Created = "payment.created",
        /// `payment.updated`.
        Updated = "payment.updated",
        /// `payment.deleted`.
        Deleted = "payment.deleted",
    }
}

open_enum! {
    /// The type of a pay statement event.
    pub enum PayStatementEventType {
        /// `pay_statement.created`.
        Created = "pay_statement.created",
        /// `pay_statement.updated`.
        Updated = "pay_statement.updated",
        /// `pay_statement.deleted`.
        Deleted = "pay_statement.deleted",
    }
}

open_enum! {
    /// The type of a job completion event.
    pub enum JobEventType {
        /// `job.benefit_create.completed`.
        BenefitCreateCompleted = "job.benefit_create.completed",
        /// `job.benefit_enroll.completed`.
        BenefitEnrollCompleted = "job.benefit_enroll.completed",
        /// `job.benefit_register.completed`.
        BenefitRegisterCompleted = "job.benefit_register.completed",
        /// `job.benefit_unenroll.completed`.
        BenefitUnenrollCompleted = "job.benefit_unenroll.completed",
        /// `job.benefit_update.completed`.
        BenefitUpdateCompleted = "job.benefit_update.completed",
        /// `job.data_sync_all.completed`.
        DataSyncAllCompleted = "job.data_sync_all.completed",
        /// `job.w4_form_employee_sync.completed`.
        W4FormEmployeeSyncCompleted = "job.w4_form_employee_sync.completed",
        /// `job.initial_data_sync_org.succeeded`.
        InitialDataSyncOrgSucceeded = "job.initial_data_sync_org.succeeded",
        /// `job.initial_data_sync_payroll.succeeded`.
        InitialDataSyncPayrollSucceeded = "job.initial_data_sync_payroll.succeeded",
    }
}
