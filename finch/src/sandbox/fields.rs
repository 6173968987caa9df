//! The fields the sandbox's individual and employment types share, each declared once.
//!
//! The spec builds these bodies from two schemas: `PUT /sandbox/individual` takes
//! `IndividualWithoutId`, `PUT /sandbox/employment` takes `EmploymentWithoutId`, and
//! `POST /sandbox/directory` takes both together (`individual_or_employment`); the replies of the
//! two `PUT`s give one part each back. Each part is a group macro here, and a type names the
//! groups it has, in order, then the macro that writes it:
//!
//! ```text
//! names! { personal! { declare! {
//!     /// An individual.
//!     #[model]
//!     pub struct Person { pub id: Option<String>, }
//! } } }
//! ```
//!
//! declares `Person` with `id`, then the `names` fields, then the `personal` ones. Each group
//! passes its entries on to the macro it is given. An entry is a field's doc comment, its name and
//! type, `| null` where the spec lets an update send `null`, and in braces the field's setters as
//! an update request has them (`setters!` entries, with their `/ clear_name`; a setter that
//! builds its value is written by hand beside the type, and its entry left empty). The writers:
//! - [`declare`]: a model, every field an `Option` (the replies);
//! - [`declare_with_setters`]: the same, and the setters without their clearing half
//!   ([`NewIndividual`](super::NewIndividual));
//! - [`update_request`]: an update request (`PUT .../{individual_id}`): its `individual_id`
//!   path field, a `| null` field as `Option<Nullable<T>>` (`None` left out,
//!   `Some(Nullable::Null)` sent as `null`), the others as `Option<T>`, `new(individual_id)` and
//!   the setters with their clearing half.

/// A model: its attributes and head, and the groups' fields, each an `Option`.
macro_rules! declare {
    (
        $(#[$attr:meta])*
        pub struct $name:ident { $($head:tt)* }
        $($(#[$doc:meta])* $field:ident: $ty:ty $(| $null:ident)? { $($setter:tt)* })*
    ) => {
        $(#[$attr])*
        pub struct $name {
            $($head)*
            $($(#[$doc])* pub $field: Option<$ty>,)*
        }
    };
}

/// A model, as [`declare`] writes it, and the setters of its fields (each stores `Some(value)`;
/// the clearing setters of the entries are left out, as the model's fields are not nullable).
macro_rules! declare_with_setters {
    (
        $(#[$attr:meta])*
        pub struct $name:ident { $($head:tt)* }
        $(
            $(#[$doc:meta])* $field:ident: $ty:ty $(| $null:ident)? {
                $($(#[$sdoc:meta])* $setter:ident($($sig:tt)*) $($(#[$cdoc:meta])* / $clear:ident)?;)*
            }
        )*
    ) => {
        $crate::sandbox::fields::declare! {
            $(#[$attr])*
            pub struct $name { $($head)* }
            $($(#[$doc])* $field: $ty {})*
        }

        impl $name {
            $crate::setters::setters! {
                $($($(#[$sdoc])* $setter($($sig)*);)*)*
            }
        }
    };
}

/// An update request of a sandbox individual (`PUT .../{individual_id}`): its attributes
/// (docs, `#[finch_endpoint]`, derives) and name, then the groups' entries, gathered one at a
/// time into the fields (`Option<Nullable<T>>` for a `| null` one, `Option<T>` otherwise), the
/// setters and the names `new` sets to `None`.
macro_rules! update_request {
    ($(#[$attr:meta])* pub struct $name:ident; $($entries:tt)*) => {
        $crate::sandbox::fields::update_request! {
            @gather [$(#[$attr])*] $name [] [] [] $($entries)*
        }
    };
    (
        @gather $attrs:tt $name:ident [$($fields:tt)*] [$($setters:tt)*] [$($names:ident)*]
        $(#[$doc:meta])* $field:ident: $ty:ty | null { $($setter:tt)* } $($rest:tt)*
    ) => {
        $crate::sandbox::fields::update_request! {
            @gather $attrs $name
            [$($fields)* $(#[$doc])* pub $field: Option<finch_core::Nullable<$ty>>,]
            [$($setters)* $($setter)*] [$($names)* $field] $($rest)*
        }
    };
    (
        @gather $attrs:tt $name:ident [$($fields:tt)*] [$($setters:tt)*] [$($names:ident)*]
        $(#[$doc:meta])* $field:ident: $ty:ty { $($setter:tt)* } $($rest:tt)*
    ) => {
        $crate::sandbox::fields::update_request! {
            @gather $attrs $name [$($fields)* $(#[$doc])* pub $field: Option<$ty>,]
            [$($setters)* $($setter)*] [$($names)* $field] $($rest)*
        }
    };
    (@gather [$($attr:tt)*] $name:ident [$($fields:tt)*] [$($setters:tt)*] [$($names:ident)*]) => {
        $($attr)*
        #[non_exhaustive]
        pub struct $name {
            /// The individual's Finch id.
            #[finch(path)]
            pub individual_id: String,
            $($fields)*
        }

        impl $name {
            /// An update of the individual `individual_id` that changes nothing yet.
            pub fn new(individual_id: impl Into<String>) -> Self {
                $name {
                    individual_id: individual_id.into(),
                    $($names: None,)*
                }
            }

            $crate::setters::setters! { $($setters)* }
        }
    };
}

/// The legal names.
macro_rules! names {
    ($next:ident ! { $($args:tt)* } $($acc:tt)*) => {
        $crate::sandbox::fields::$next! { $($args)* $($acc)*
            /// The legal first name.
            first_name: String | null {
                /// Sets the legal first name.
                first_name(first_name: impl Into<String>) / clear_first_name;
            }
            /// The legal middle name.
            middle_name: String | null {
                /// Sets the legal middle name.
                middle_name(middle_name: impl Into<String>) / clear_middle_name;
            }
            /// The legal last name.
            last_name: String | null {
                /// Sets the legal last name.
                last_name(last_name: impl Into<String>) / clear_last_name;
            }
        }
    };
}

/// The rest of the personal data (`PUT /sandbox/individual`).
macro_rules! personal {
    ($next:ident ! { $($args:tt)* } $($acc:tt)*) => {
        $crate::sandbox::fields::$next! { $($args)* $($acc)*
            /// The preferred name.
            preferred_name: String | null {
                /// Sets the preferred name.
                preferred_name(preferred_name: impl Into<String>) / clear_preferred_name;
            }
            /// Email addresses.
            emails: Vec<crate::hris::Email> | null {
                /// Sets the email addresses (replacing those added before).
                emails(emails: impl Into<Vec<crate::hris::Email>>) / clear_emails;
            }
            /// Phone numbers.
            phone_numbers: Vec<Option<crate::hris::PhoneNumber>> | null {}
            /// Gender.
            gender: crate::hris::Gender | null {
                /// Sets the gender.
                gender(gender: impl Into<crate::hris::Gender>) / clear_gender;
            }
            /// The EEOC-defined ethnicity.
            ethnicity: crate::hris::Ethnicity | null {
                /// Sets the ethnicity.
                ethnicity(ethnicity: impl Into<crate::hris::Ethnicity>) / clear_ethnicity;
            }
            /// Marital status.
            marital_status: crate::hris::MaritalStatus | null {
                /// Sets the marital status.
                marital_status(marital_status: impl Into<crate::hris::MaritalStatus>)
                / clear_marital_status;
            }
            /// Date of birth.
            dob: crate::shared::Date | null {
                /// Sets the date of birth (`YYYY-MM-DD`).
                dob(dob: impl Into<crate::shared::Date>) / clear_dob;
            }
            /// The Social Security Number.
            ssn: String | null {
                /// Sets the Social Security Number.
                ssn(ssn: impl Into<String>) / clear_ssn;
            }
            /// The Social Security Number, encrypted.
            encrypted_ssn: String | null {
                /// Sets the encrypted Social Security Number.
                encrypted_ssn(encrypted_ssn: impl Into<String>) / clear_encrypted_ssn;
            }
            /// The home address.
            residence: crate::shared::Location | null {
                /// Sets the home address.
                residence(residence: impl Into<crate::shared::Location>) / clear_residence;
            }
        }
    };
}

/// The employment data (`PUT /sandbox/employment`).
macro_rules! employment {
    ($next:ident ! { $($args:tt)* } $($acc:tt)*) => {
        $crate::sandbox::fields::$next! { $($args)* $($acc)*
            /// The current title.
            title: String | null {
                /// Sets the title.
                title(title: impl Into<String>) / clear_title;
            }
            /// The individual's manager.
            manager: crate::shared::IndividualRef | null {}
            /// The individual's department.
            department: crate::hris::DirectoryDepartment | null {}
            /// The employment type and subtype.
            employment: crate::hris::EmploymentKind | null {
                /// Sets the employment type and subtype.
                employment(employment: impl Into<crate::hris::EmploymentKind>) / clear_employment;
            }
            /// The first day of employment.
            start_date: crate::shared::Date | null {
                /// Sets the first day of employment (`YYYY-MM-DD`).
                start_date(start_date: impl Into<crate::shared::Date>) / clear_start_date;
            }
            /// The last day of employment.
            end_date: crate::shared::Date | null {
                /// Sets the last day of employment (`YYYY-MM-DD`).
                end_date(end_date: impl Into<crate::shared::Date>) / clear_end_date;
            }
            /// The latest rehire date.
            latest_rehire_date: crate::shared::Date | null {
                /// Sets the latest rehire date (`YYYY-MM-DD`).
                latest_rehire_date(latest_rehire_date: impl Into<crate::shared::Date>)
                / clear_latest_rehire_date;
            }
            /// `true` for an active employee or contractor.
            is_active: bool | null {}
            /// The detailed employment status.
            employment_status: crate::hris::EmploymentStatus | null {
                /// Sets the detailed employment status.
                employment_status(employment_status: impl Into<crate::hris::EmploymentStatus>)
                / clear_employment_status;
            }
            /// The FLSA status.
            flsa_status: crate::hris::FlsaStatus | null {
                /// Sets the FLSA status.
                flsa_status(flsa_status: impl Into<crate::hris::FlsaStatus>) / clear_flsa_status;
            }
            /// The worker's compensation classification code.
            class_code: String | null {
                /// Sets the worker's compensation classification code.
                class_code(class_code: impl Into<String>) / clear_class_code;
            }
            /// The work location.
            location: crate::shared::Location | null {
                /// Sets the work location.
                location(location: impl Into<crate::shared::Location>) / clear_location;
            }
            /// The current income.
            income: crate::hris::Income | null {
                /// Sets the current income.
                income(income: impl Into<crate::hris::Income>) / clear_income;
            }
            /// Past incomes.
            income_history: Vec<Option<crate::hris::Income>> | null {
                /// Sets the past incomes.
                income_history(incomes: impl IntoIterator<Item = crate::hris::Income>)
                / clear_income_history;
            }
            /// Fields the employer defined in their system.
            custom_fields: Vec<crate::hris::CustomField> | null {
                /// Sets the custom fields.
                custom_fields(custom_fields: impl Into<Vec<crate::hris::CustomField>>)
                / clear_custom_fields;
            }
            /// The union the employee is a member of, as configured in the payroll system.
            union_code: String | null {
                /// Sets the union code.
                union_code(union_code: impl Into<String>) / clear_union_code;
            }
            /// The local chapter or number within the employee's union.
            union_local: String {
                /// Sets the union local.
                union_local(union_local: impl Into<String>);
            }
            /// Whether the IRS classifies the employee as highly compensated (ADP/ACP tests; US
            /// only).
            highly_compensated_employee: bool {
                /// Sets whether the employee is highly compensated.
                highly_compensated_employee(highly_compensated_employee: impl Into<bool>);
            }
            /// Whether the IRS classifies the employee as a key employee (top-heavy tests; US
            /// only).
            key_employee: bool {
                /// Sets whether the employee is a key employee.
                key_employee(key_employee: impl Into<bool>);
            }
            /// The source system's employment id for the individual.
            source_id: String {
                /// Sets the source system's employment id.
                source_id(source_id: impl Into<String>);
            }
        }
    };
}

pub(crate) use {declare, declare_with_setters, employment, names, personal, update_request};
