//! The fields the sandbox's individual and employment models share, each declared once.
//!
//! `POST /sandbox/directory` takes an individual's personal and employment data together
//! ([`NewIndividual`](super::NewIndividual)), and the replies of the two `PUT`s give one part
//! each back ([`IndividualUpdateResponse`](super::IndividualUpdateResponse),
//! [`EmploymentUpdateResponse`](super::EmploymentUpdateResponse)). Each part is a group macro
//! here, and a struct names the groups it has, in order:
//!
//! ```text
//! names! { personal! { declare! {
//!     /// An individual.
//!     #[model]
//!     pub struct Person { pub id: Option<String>, }
//! } } }
//! ```
//!
//! declares `Person` with `id`, then the `names` fields, then the `personal` ones, each an
//! `Option`. Each group passes its fields on to the macro it is given, and [`declare`] writes the
//! struct. (The two update requests are not declared this way: `#[finch_endpoint]` cannot expand
//! inside a `macro_rules!` expansion, and their fields are `Option<Nullable<T>>`.)

/// Writes a group's fields, each an `Option`, after the fields `acc` already collected, and
/// passes them all on to `next`.
macro_rules! typed {
    (
        $next:ident ! { $($args:tt)* } [$($acc:tt)*]
        [$($(#[$doc:meta])* $field:ident: $ty:ty,)*]
    ) => {
        $crate::sandbox::fields::$next! { $($args)* $($acc)* $($(#[$doc])* pub $field: Option<$ty>,)* }
    };
}

/// The struct, from its attributes and head, and the fields the groups collected.
macro_rules! declare {
    (
        $(#[$attr:meta])*
        pub struct $name:ident { $($head:tt)* }
        $($fields:tt)*
    ) => {
        $(#[$attr])*
        pub struct $name {
            $($head)*
            $($fields)*
        }
    };
}

/// The legal names.
macro_rules! names {
    ($next:ident ! $args:tt $($acc:tt)*) => {
        $crate::sandbox::fields::typed! { $next! $args [$($acc)*] [
            /// The legal first name.
            first_name: String,
            /// The legal middle name.
            middle_name: String,
            /// The legal last name.
            last_name: String,
        ] }
    };
}

/// The rest of the personal data (`PUT /sandbox/individual`).
macro_rules! personal {
    ($next:ident ! $args:tt $($acc:tt)*) => {
        $crate::sandbox::fields::typed! { $next! $args [$($acc)*] [
            /// The preferred name.
            preferred_name: String,
            /// Email addresses.
            emails: Vec<crate::hris::Email>,
            /// Phone numbers.
            phone_numbers: Vec<Option<crate::hris::PhoneNumber>>,
            /// Gender.
            gender: crate::hris::Gender,
            /// The EEOC-defined ethnicity.
            ethnicity: crate::hris::Ethnicity,
            /// Marital status.
            marital_status: crate::hris::MaritalStatus,
            /// Date of birth.
            dob: crate::shared::Date,
            /// The Social Security Number.
            ssn: String,
            /// The Social Security Number, encrypted.
            encrypted_ssn: String,
            /// The home address.
            residence: crate::shared::Location,
        ] }
    };
}

/// The employment data (`PUT /sandbox/employment`).
macro_rules! employment {
    ($next:ident ! $args:tt $($acc:tt)*) => {
        $crate::sandbox::fields::typed! { $next! $args [$($acc)*] [
            /// The current title.
            title: String,
            /// The individual's manager.
            manager: crate::shared::IndividualRef,
            /// The individual's department.
            department: crate::hris::DirectoryDepartment,
            /// The employment type and subtype.
            employment: crate::hris::EmploymentKind,
            /// The first day of employment.
            start_date: crate::shared::Date,
            /// The last day of employment.
            end_date: crate::shared::Date,
            /// The latest rehire date.
            latest_rehire_date: crate::shared::Date,
            /// `true` for an active employee or contractor.
            is_active: bool,
            /// The detailed employment status.
            employment_status: crate::hris::EmploymentStatus,
            /// The FLSA status.
            flsa_status: crate::hris::FlsaStatus,
            /// The worker's compensation classification code.
            class_code: String,
            /// The work location.
            location: crate::shared::Location,
            /// The current income.
            income: crate::hris::Income,
            /// Past incomes.
            income_history: Vec<Option<crate::hris::Income>>,
            /// Fields the employer defined in their system.
            custom_fields: Vec<crate::hris::CustomField>,
            /// The union the employee is a member of, as configured in the payroll system.
            union_code: String,
            /// The local chapter or number within the employee's union.
            union_local: String,
            /// Whether the IRS classifies the employee as highly compensated (ADP/ACP tests; US
            /// only).
            highly_compensated_employee: bool,
            /// Whether the IRS classifies the employee as a key employee (top-heavy tests; US
            /// only).
            key_employee: bool,
            /// The source system's employment id for the individual.
            source_id: String,
        ] }
    };
}

pub(crate) use {declare, employment, names, personal, typed};
