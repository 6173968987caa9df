//! `GET /providers`: the payroll and HRIS providers Finch supports.

use crate::account::AuthenticationType;
use crate::handles::handle;
use crate::hris::BenefitType;
use crate::open_enum::open_enum;
use crate::shared::Product;
use finch_macros::finch_endpoint;
use finch_macros::model;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// List the providers Finch supports (`GET /providers`).
///
/// The spec makes authentication optional here: the client's access token is sent when it has
/// one, and nothing otherwise, so an application without a connection can list providers too.
///
/// ```
/// let request = finch::providers::ListProviders::new();
/// ```
#[finch_endpoint(GET "/providers", response = Vec<Provider>, auth = optional_bearer)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListProviders;

impl ListProviders {
    /// The request (it has no parameters).
    pub fn new() -> Self {
        ListProviders
    }
}

/// A payroll or HRIS provider.
///
/// ```
/// let providers: Vec<finch::providers::Provider> = serde_json::from_str(r#"[{
///     "id": "gusto", "display_name": "Gusto", "products": ["company", "directory"],
///     "mfa_required": false, "beta": false,
///     "authentication_methods": [{"type": "oauth", "supported_fields": {"company": {"id": true, "ein": true}}}]
/// }]"#)?;
/// let oauth = &providers[0].authentication_methods.as_ref().unwrap()[0];
/// let company = oauth.supported_fields.as_ref().and_then(|fields| fields.company.as_ref());
/// assert_eq!(company.and_then(|company| company.ein), Some(true));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(Eq)]
pub struct Provider {
    /// The provider's id, as Connect and `provider_id` name it (`gusto`).
    pub id: String,
    /// The provider's display name.
    pub display_name: String,
    /// The Finch products the provider supports.
    pub products: Vec<Product>,
    /// The ways an employer can authenticate with the provider, and what each supports.
    pub authentication_methods: Option<Vec<ProviderAuthenticationMethod>>,
    /// `true` while the integration is in beta.
    pub beta: Option<bool>,
    /// The URL of the provider's official icon.
    pub icon: Option<String>,
    /// The URL of the provider's official logo.
    pub logo: Option<String>,
    /// Deprecated: whether the integration uses the Assisted Connect flow by default.
    #[deprecated(
        note = "look for an `authentication_methods` entry of type `AuthenticationType::Assisted` instead"
    )]
    pub manual: Option<bool>,
    /// Whether the provider requires multi-factor authentication.
    pub mfa_required: Option<bool>,
    /// The hex code of the provider's primary color.
    pub primary_color: Option<String>,
}

/// One way to authenticate with a provider, and what Finch supports through it.
#[model(Eq)]
pub struct ProviderAuthenticationMethod {
    /// The kind of authentication.
    #[serde(rename = "type")]
    pub method_type: AuthenticationType,
    /// Each benefit type and what is supported for it; a benefit type that is not supported maps
    /// to `None`.
    pub benefits_support: Option<BenefitsSupport>,
    /// The data fields the provider returns, per product.
    pub supported_fields: Option<SupportedFields>,
}

/// Each benefit type and what is supported for it (`None`: the benefit type is not supported).
pub type BenefitsSupport = BTreeMap<BenefitType, Option<BenefitSupport>>;

/// What a provider supports for one benefit type.
#[model(Eq, Default)]
pub struct BenefitSupport {
    /// The benefit features the provider supports.
    pub supported_features: Option<BenefitFeatures>,
    /// The operations Finch supports on company and individual benefits.
    pub supported_operations: Option<BenefitOperations>,
}

/// The features a provider supports for one benefit type: the same data as
/// [`SupportedBenefit`](crate::hris::SupportedBenefit) (Finch's `BenefitFeaturesAndOperations`
/// and `SupportedBenefit` schemas describe one thing), without the `type`, which the map's key
/// gives.
pub type BenefitFeatures = crate::hris::SupportedBenefit;

/// How an employee deduction is expressed: [`EmployeeDeductionType`](crate::hris::EmployeeDeductionType).
pub type DeductionType = crate::hris::EmployeeDeductionType;

/// How a company contribution is expressed:
/// [`CompanyContributionType`](crate::hris::CompanyContributionType).
pub type ContributionType = crate::hris::CompanyContributionType;

/// The operations Finch supports on a benefit type.
#[model(Eq, Default)]
pub struct BenefitOperations {
    /// On company benefits (`/employer/benefits`).
    pub company_benefits: Option<OperationSupportMatrix>,
    /// On individual enrollments (`/employer/benefits/{benefit_id}/individuals`).
    pub individual_benefits: Option<OperationSupportMatrix>,
}

/// Whether each operation is supported.
#[model(Eq, Default)]
pub struct OperationSupportMatrix {
    /// Creating.
    pub create: Option<OperationSupport>,
    /// Reading.
    pub read: Option<OperationSupport>,
    /// Updating.
    pub update: Option<OperationSupport>,
    /// Deleting.
    pub delete: Option<OperationSupport>,
}

open_enum! {
    /// Whether an operation is supported.
    pub enum OperationSupport {
        /// Supported by the provider and by Finch.
        Supported = "supported",
        /// Supported by the provider, not (yet) by Finch.
        NotSupportedByFinch = "not_supported_by_finch",
        /// Not supported by the provider, so Finch cannot support it.
        NotSupportedByProvider = "not_supported_by_provider",
        /// Supported by the provider, but only for the employer itself, not through Finch.
        ClientAccessOnly = "client_access_only",
    }
}

/// The text of a supported-field flag's doc comment.
macro_rules! flag_doc {
    ($field:ident) => {
        concat!("Whether the provider returns `", stringify!($field), "`.")
    };
    ($field:ident $wire:literal) => {
        concat!("Whether the provider returns `", $wire, "`.")
    };
}

/// Declares structs of supported-field flags: every field optional, left out when absent.
macro_rules! supported_fields {
    ($(
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $field:ident $(as $wire:literal)? : $ty:ty, )*
        }
    )*) => {$(
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[non_exhaustive]
        pub struct $name {
            $(
                #[doc = flag_doc!($field $($wire)?)]
                $(#[serde(rename = $wire)])?
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub $field: Option<$ty>,
            )*
        }
    )*};
}

supported_fields! {
    /// The fields of `GET /employer/company` the provider returns.
    pub struct SupportedCompanyFields {
        id: bool,
        legal_name: bool,
        entity: SupportedEntityFields,
        primary_email: bool,
        primary_phone_number: bool,
        ein: bool,
        accounts: SupportedAccountFields,
        departments: SupportedDepartmentFields,
        locations: SupportedLocationFields,
    }

    /// The fields of a company's entity, or of an individual's employment type, the provider
    /// returns.
    pub struct SupportedEntityFields {
        entity_type as "type": bool,
        subtype: bool,
    }

    /// The fields of a company's bank accounts the provider returns.
    pub struct SupportedAccountFields {
        routing_number: bool,
        account_name: bool,
        institution_name: bool,
        account_type: bool,
        account_number: bool,
    }

    /// The fields of a company's departments the provider returns.
    pub struct SupportedDepartmentFields {
        name: bool,
        parent: SupportedNameFields,
    }

    /// Whether the provider returns a name.
    pub struct SupportedNameFields {
        name: bool,
    }

    /// Whether the provider returns an id (a manager's).
    pub struct SupportedIdFields {
        id: bool,
    }

    /// The fields of a location the provider returns.
    pub struct SupportedLocationFields {
        line1: bool,
        line2: bool,
        city: bool,
        state: bool,
        postal_code: bool,
        country: bool,
    }

    /// The fields of `GET /employer/directory` the provider returns.
    pub struct SupportedDirectoryFields {
        paging: SupportedPagingFields,
        individuals: SupportedDirectoryIndividualFields,
    }

    /// The paging fields the provider returns.
    pub struct SupportedPagingFields {
        count: bool,
        offset: bool,
    }

    /// The fields of an individual in the directory the provider returns.
    pub struct SupportedDirectoryIndividualFields {
        id: bool,
        first_name: bool,
        middle_name: bool,
        last_name: bool,
        is_active: bool,
        department: bool,
        manager: SupportedIdFields,
    }

    /// The fields of `POST /employer/individual` the provider returns.
    pub struct SupportedIndividualFields {
        id: bool,
        first_name: bool,
        middle_name: bool,
        last_name: bool,
        preferred_name: bool,
        dob: bool,
        gender: bool,
        ethnicity: bool,
        ssn: bool,
        encrypted_ssn: bool,
        emails: SupportedContactFields,
        phone_numbers: SupportedContactFields,
        residence: SupportedLocationFields,
    }

    /// The fields of an email address or phone number the provider returns.
    pub struct SupportedContactFields {
        data: bool,
        contact_type as "type": bool,
    }

    /// The fields of `POST /employer/employment` the provider returns.
    pub struct SupportedEmploymentFields {
        id: bool,
        first_name: bool,
        middle_name: bool,
        last_name: bool,
        title: bool,
        start_date: bool,
        end_date: bool,
        is_active: bool,
        employment_status: bool,
        income_history: bool,
        class_code: bool,
        custom_fields: bool,
        department: SupportedNameFields,
        employment: SupportedEntityFields,
        income: SupportedIncomeFields,
        location: SupportedLocationFields,
        manager: SupportedIdFields,
    }

    /// The fields of an income the provider returns.
    pub struct SupportedIncomeFields {
        amount: bool,
        currency: bool,
        unit: bool,
    }

    /// The fields of `GET /employer/payment` the provider returns.
    pub struct SupportedPaymentFields {
        id: bool,
        pay_date: bool,
        debit_date: bool,
        company_debit: bool,
        gross_pay: bool,
        net_pay: bool,
        employer_taxes: bool,
        employee_taxes: bool,
        individual_ids: bool,
        pay_period: SupportedPayPeriodFields,
        pay_group_ids: bool,
        pay_frequencies: bool,
    }

    /// The fields of a pay period the provider returns.
    pub struct SupportedPayPeriodFields {
        start_date: bool,
        end_date: bool,
    }

    /// The fields of `POST /employer/pay-statement` the provider returns.
    pub struct SupportedPayStatementFields {
        paging: SupportedPayStatementPagingFields,
        pay_statements: SupportedPayStatementItemFields,
    }

    /// The fields of a pay statement the provider returns.
    pub struct SupportedPayStatementItemFields {
        individual_id: bool,
        pay_statement_type as "type": bool,
        payment_method: bool,
        total_hours: bool,
        gross_pay: bool,
        net_pay: bool,
        earnings: SupportedEarningFields,
        employee_deductions: SupportedEmployeeDeductionFields,
        employer_contributions: SupportedEmployerContributionFields,
        taxes: SupportedTaxFields,
    }

    /// The fields of an earning the provider returns.
    pub struct SupportedEarningFields {
        earning_type as "type": bool,
        name: bool,
        amount: bool,
        currency: bool,
    }

    /// The fields of an employee deduction the provider returns.
    pub struct SupportedEmployeeDeductionFields {
        name: bool,
        amount: bool,
        deduction_type as "type": bool,
        pre_tax: bool,
        currency: bool,
    }

    /// The fields of an employer contribution the provider returns.
    pub struct SupportedEmployerContributionFields {
        name: bool,
        amount: bool,
        currency: bool,
    }

    /// The fields of a tax the provider returns.
    pub struct SupportedTaxFields {
        tax_type as "type": bool,
        name: bool,
        employer: bool,
        amount: bool,
        currency: bool,
    }

    /// The fields of `GET /employer/pay-groups` the provider returns.
    pub struct SupportedPayGroupFields {
        id: bool,
        name: bool,
        pay_frequencies: bool,
        individual_ids: bool,
    }
}

/// Whether the provider returns the paging of pay statements (both always present).
#[model(Eq, Default, Copy)]
pub struct SupportedPayStatementPagingFields {
    /// Whether the provider returns `count`.
    pub count: bool,
    /// Whether the provider returns `offset`.
    pub offset: bool,
}

/// The data fields a provider returns, per product: `Some(true)` for a field it returns.
///
/// Products the spec does not describe yet (the beta `plans`, `plan_enrollments`,
/// `plan_dependents`) are kept as sent in [`other`](Self::other).
#[model(Eq, Default)]
pub struct SupportedFields {
    /// `GET /employer/company`.
    pub company: Option<SupportedCompanyFields>,
    /// `GET /employer/directory`.
    pub directory: Option<SupportedDirectoryFields>,
    /// `POST /employer/individual`.
    pub individual: Option<SupportedIndividualFields>,
    /// `POST /employer/employment`.
    pub employment: Option<SupportedEmploymentFields>,
    /// `GET /employer/payment`.
    pub payment: Option<SupportedPaymentFields>,
    /// `POST /employer/pay-statement`.
    pub pay_statement: Option<SupportedPayStatementFields>,
    /// `GET /employer/pay-groups`.
    pub pay_group: Option<SupportedPayGroupFields>,
    /// Products not described above, as sent.
    #[serde(flatten)]
    pub other: BTreeMap<String, serde_json::Value>,
}

handle! {
    /// `client.providers()`.
    pub struct Providers<'a> {
        /// Lists the providers Finch supports (`GET /providers`); sends the access token only when the
        /// client has one.
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// for provider in finch.providers().list().await? {
        ///     println!("{}: {}", provider.id, provider.display_name);
        /// }
        /// # Ok(()) }
        /// ```
        pub async fn list(self) -> Result<Vec<Provider>, Error> => ListProviders;
    }
}
