//! What an `account.updated` event says about the connection: its status and its authentication
//! method, with the benefits and the data fields the provider supports through it.

use crate::hris::{BenefitFrequency, BenefitType};
use crate::open_enum::open_enum;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

open_enum! {
    /// The status of a connection.
    pub enum ConnectionStatus {
        /// Being set up.
        Pending = "pending",
        /// Finch is processing the connection.
        Processing = "processing",
        /// Connected: data can be read.
        Connected = "connected",
        /// The employer has not finished setting up the account with the provider.
        ErrorNoAccountSetup = "error_no_account_setup",
        /// Finch lacks permissions at the provider.
        ErrorPermissions = "error_permissions",
        /// The employer must authenticate again.
        Reauth = "reauth",
    }
}

open_enum! {
    /// How a connection authenticates with the provider.
    pub enum AuthenticationType {
        /// Finch's assisted flow (Finch staff set the connection up).
        Assisted = "assisted",
        /// The employer's credentials.
        Credential = "credential",
        /// An API token.
        ApiToken = "api_token",
        /// API credentials.
        ApiCredential = "api_credential",
        /// OAuth.
        Oauth = "oauth",
    }
}

/// A connection's authentication method and what it supports.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AuthenticationMethod {
    /// The type of authentication method.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub authentication_type: Option<AuthenticationType>,
    /// Each benefit type and its supported features; `None` inside the map for a benefit type the
    /// method does not support.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub benefits_support: Option<BenefitsSupport>,
    /// The data fields the HRIS and payroll endpoints return through this method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supported_fields: Option<SupportedFields>,
}

/// The features and operations supported for each benefit type (the spec's `BenefitsSupport`:
/// `s125_medical`, `hsa_pre`, `401k`, ... and any other benefit type), keyed by benefit type.
pub type BenefitsSupport = BTreeMap<BenefitType, Option<BenefitFeaturesAndOperations>>;

/// What is supported for one benefit type.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BenefitFeaturesAndOperations {
    /// The benefit's supported features.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supported_features: Option<BenefitFeature>,
    /// The operations supported on company and individual benefits of this type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supported_operations: Option<SupportPerBenefitType>,
}

/// The features a provider supports for a benefit type.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct BenefitFeature {
    /// A description of the benefit.
    pub description: Option<String>,
    /// The frequencies the provider supports for this benefit (an item may be `null`).
    pub frequencies: Vec<Option<BenefitFrequency>>,
    /// The supported deduction types; empty when deductions are not supported.
    pub employee_deduction: Option<Vec<Option<BenefitAmountType>>>,
    /// The supported contribution types; empty when contributions are not supported.
    pub company_contribution: Option<Vec<Option<BenefitAmountType>>>,
    /// Whether the provider supports an annual maximum for this benefit.
    pub annual_maximum: Option<bool>,
    /// Whether the provider supports catch-up for this benefit (only retirement benefits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catch_up: Option<bool>,
    /// The HSA contribution limits supported; empty when not supported (only HSA benefits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hsa_contribution_limit: Option<Vec<Option<HsaContributionLimit>>>,
}

open_enum! {
    /// How a benefit's deduction or contribution amount is expressed.
    pub enum BenefitAmountType {
        /// A fixed amount.
        Fixed = "fixed",
        /// A percentage of pay.
        Percent = "percent",
        /// Tiers (company contributions only).
        Tiered = "tiered",
    }
}

open_enum! {
    /// An HSA contribution limit.
    pub enum HsaContributionLimit {
        /// The family limit.
        Family = "family",
        /// The individual limit.
        Individual = "individual",
    }
}

/// The operations supported on benefits of one type.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SupportPerBenefitType {
    /// On company benefits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_benefits: Option<OperationSupportMatrix>,
    /// On individuals' enrollments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub individual_benefits: Option<OperationSupportMatrix>,
}

/// Support for each operation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OperationSupportMatrix {
    /// Creating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub create: Option<OperationSupport>,
    /// Updating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update: Option<OperationSupport>,
    /// Deleting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delete: Option<OperationSupport>,
    /// Reading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read: Option<OperationSupport>,
}

open_enum! {
    /// Whether an operation is supported, and by whom.
    pub enum OperationSupport {
        /// Supported by both the provider and Finch.
        Supported = "supported",
        /// Supported by the provider but not by Finch.
        NotSupportedByFinch = "not_supported_by_finch",
        /// Not supported by the provider, so Finch cannot support it.
        NotSupportedByProvider = "not_supported_by_provider",
        /// Supported by the provider, but only for the client, not for Finch.
        ClientAccessOnly = "client_access_only",
    }
}

/// Declares a struct of optional support flags (and nested flag groups); each field documents
/// itself from its name.
macro_rules! flags {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $($field:ident $(as $wire:literal)?: $ty:ty,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
        #[non_exhaustive]
        pub struct $name {
            $(
                #[doc = concat!("Support for `", stringify!($field), "`.")]
                #[serde(default, skip_serializing_if = "Option::is_none" $(, rename = $wire)?)]
                pub $field: Option<$ty>,
            )+
        }
    };
}

flags! {
    /// The data fields the HRIS and payroll endpoints return, per product.
    pub struct SupportedFields {
        company: SupportedCompanyFields,
        directory: SupportedDirectoryFields,
        individual: SupportedIndividualFields,
        employment: SupportedEmploymentFields,
        payment: SupportedPaymentFields,
        pay_statement: SupportedPayStatementFields,
        pay_group: SupportedPayGroupFields,
    }
}

flags! {
    /// Which fields of `GET /employer/company` are returned.
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
}

flags! {
    /// Which fields of the company's entity are returned.
    pub struct SupportedEntityFields {
        entity_type as "type": bool,
        subtype: bool,
    }
}

flags! {
    /// Which fields of the company's bank accounts are returned.
    pub struct SupportedAccountFields {
        routing_number: bool,
        account_name: bool,
        institution_name: bool,
        account_type: bool,
        account_number: bool,
    }
}

flags! {
    /// Which fields of the company's departments are returned.
    pub struct SupportedDepartmentFields {
        name: bool,
        parent: SupportedParentDepartmentFields,
    }
}

flags! {
    /// Which fields of a parent department are returned.
    pub struct SupportedParentDepartmentFields {
        name: bool,
    }
}

flags! {
    /// Which fields of an address are returned.
    pub struct SupportedLocationFields {
        line1: bool,
        line2: bool,
        city: bool,
        state: bool,
        postal_code: bool,
        country: bool,
    }
}

flags! {
    /// Which fields of `GET /employer/directory` are returned.
    pub struct SupportedDirectoryFields {
        paging: SupportedDirectoryPagingFields,
        individuals: SupportedDirectoryIndividualFields,
    }
}

flags! {
    /// Which paging fields of the directory are returned.
    pub struct SupportedDirectoryPagingFields {
        count: bool,
        offset: bool,
    }
}

flags! {
    /// Which fields of an individual in the directory are returned.
    pub struct SupportedDirectoryIndividualFields {
        id: bool,
        first_name: bool,
        middle_name: bool,
        last_name: bool,
        is_active: bool,
        department: bool,
        manager: SupportedManagerFields,
    }
}

flags! {
    /// Which fields of a manager are returned.
    pub struct SupportedManagerFields {
        id: bool,
    }
}

flags! {
    /// Which fields of `POST /employer/individual` are returned.
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
}

flags! {
    /// Which fields of an email address or phone number are returned.
    pub struct SupportedContactFields {
        data: bool,
        contact_type as "type": bool,
    }
}

flags! {
    /// Which fields of `POST /employer/employment` are returned.
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
        department: SupportedEmploymentDepartmentFields,
        employment: SupportedEmploymentKindFields,
        income: SupportedIncomeFields,
        location: SupportedLocationFields,
        manager: SupportedManagerFields,
    }
}

flags! {
    /// Which fields of an employee's department are returned.
    pub struct SupportedEmploymentDepartmentFields {
        name: bool,
    }
}

flags! {
    /// Which fields of the kind of employment are returned.
    pub struct SupportedEmploymentKindFields {
        employment_type as "type": bool,
        subtype: bool,
    }
}

flags! {
    /// Which fields of an income are returned.
    pub struct SupportedIncomeFields {
        amount: bool,
        currency: bool,
        unit: bool,
    }
}

flags! {
    /// Which fields of `GET /employer/payment` are returned.
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
}

flags! {
    /// Which fields of a pay period are returned.
    pub struct SupportedPayPeriodFields {
        start_date: bool,
        end_date: bool,
    }
}

flags! {
    /// Which fields of `POST /employer/pay-statement` are returned.
    pub struct SupportedPayStatementFields {
        paging: SupportedPayStatementPagingFields,
        pay_statements: SupportedPayStatementItemFields,
    }
}

/// Which paging fields of pay statements are returned (both always stated).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct SupportedPayStatementPagingFields {
    /// Support for `count`.
    pub count: bool,
    /// Support for `offset`.
    pub offset: bool,
}

flags! {
    /// Which fields of a pay statement are returned.
    pub struct SupportedPayStatementItemFields {
        individual_id: bool,
        pay_statement_type as "type": bool,
        payment_method: bool,
        total_hours: bool,
        gross_pay: bool,
        net_pay: bool,
        earnings: SupportedEarningFields,
        employee_deductions: SupportedDeductionFields,
        employer_contributions: SupportedContributionFields,
        taxes: SupportedTaxFields,
    }
}

flags! {
    /// Which fields of an earning are returned.
    pub struct SupportedEarningFields {
        earning_type as "type": bool,
        name: bool,
        amount: bool,
        currency: bool,
    }
}

flags! {
    /// Which fields of an employee deduction are returned.
    pub struct SupportedDeductionFields {
        name: bool,
        amount: bool,
        deduction_type as "type": bool,
        pre_tax: bool,
        currency: bool,
    }
}

flags! {
    /// Which fields of an employer contribution are returned.
    pub struct SupportedContributionFields {
        name: bool,
        amount: bool,
        currency: bool,
    }
}

flags! {
    /// Which fields of a tax are returned.
    pub struct SupportedTaxFields {
        tax_type as "type": bool,
        name: bool,
        employer: bool,
        amount: bool,
        currency: bool,
    }
}

flags! {
    /// Which fields of a pay group are returned.
    pub struct SupportedPayGroupFields {
        id: bool,
        name: bool,
        pay_frequencies: bool,
        individual_ids: bool,
    }
}
