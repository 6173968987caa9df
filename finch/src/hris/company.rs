//! `GET /employer/company`: basic company data.

use crate::handles::handle;
use crate::open_enum::open_enum;
use crate::setters::setters;
use finch_macros::finch_endpoint;
use finch_macros::model;

/// Read basic company data (`GET /employer/company`).
///
/// ```
/// let request = finch::hris::RetrieveCompany::new().entity_id("550e8400-e29b-41d4-a716-446655440000");
/// ```
#[finch_endpoint(GET "/employer/company", response = Company)]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetrieveCompany {
    /// The entity to read, for connections with several (exactly one id).
    #[finch(query)]
    pub entity_ids: Option<Vec<String>>,
}

impl RetrieveCompany {
    /// A request for the connection's (only) entity.
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        /// Reads the entity `entity_id`.
        entity_id;
    }
}

/// Declares a struct with the members of the spec's `CompanyWithoutId` (a company's data without
/// its id: `Company` is that and an `id`), after the fields written in its head. With
/// `from Source` after the struct, it also writes `From<Source>`, which moves those members over
/// (and drops the source's other fields).
///
/// ```text
/// company_data! {
///     /// A company.
///     #[model(Eq, required)]
///     pub struct Company { pub id: String, }
/// }
/// ```
macro_rules! company_data {
    ($(#[$attr:meta])* pub struct $name:ident { $($head:tt)* } $(from $source:ident)?) => {
        $crate::hris::company::company_data! {
            @write [$(#[$attr])*] $name [$($head)*] [$($source)?]
            /// The legal name.
            legal_name: Option<String>,
            /// The tax payer type.
            entity: Option<$crate::hris::CompanyEntity>,
            /// The email of the main administrator on the account.
            primary_email: Option<String>,
            /// The phone number of the main administrator (E.164, with ` xExtension` where
            /// applicable).
            primary_phone_number: Option<String>,
            /// The company's departments.
            departments: Option<Vec<Option<$crate::hris::Department>>>,
            /// The employer identification number.
            ein: Option<String>,
            /// The company's locations.
            locations: Option<Vec<Option<$crate::shared::Location>>>,
            /// The bank accounts of the payroll/HRIS system.
            accounts: Option<Vec<$crate::hris::BankAccount>>,
        }
    };
    (
        @write [$($attr:tt)*] $name:ident [$($head:tt)*] [$($source:ident)?]
        $($(#[$doc:meta])* $field:ident: $ty:ty,)*
    ) => {
        $($attr)*
        pub struct $name {
            $($head)*
            $($(#[$doc])* pub $field: $ty,)*
        }

        $crate::hris::company::company_data! { @from [$($source)?] $name [$($field)*] }
    };
    (@from [] $name:ident [$($field:ident)*]) => {};
    (@from [$source:ident] $name:ident [$($field:ident)*]) => {
        impl From<$source> for $name {
            /// The company without its id.
            fn from(source: $source) -> Self {
                $name { $($field: source.$field,)* }
            }
        }
    };
}

pub(crate) use company_data;

company_data! {
    /// A company as the provider describes it.
    #[model(Eq, required)]
    pub struct Company {
        /// A stable Finch id (UUID v4) for the company.
        pub id: String,
    }
}

/// The company's tax payer type.
#[model(Eq, required)]
pub struct CompanyEntity {
    /// The tax payer type.
    #[serde(rename = "type")]
    pub entity_type: Option<EntityType>,
    /// The tax payer subtype.
    pub subtype: Option<EntitySubtype>,
}

open_enum! {
    /// A company's tax payer type.
    pub enum EntityType {
        /// Limited liability company.
        Llc = "llc",
        /// Limited partnership.
        Lp = "lp",
        /// Corporation.
        Corporation = "corporation",
        /// Sole proprietor.
        SoleProprietor = "sole_proprietor",
        /// Non-profit.
        NonProfit = "non_profit",
        /// Partnership.
        Partnership = "partnership",
        /// Cooperative.
        Cooperative = "cooperative",
    }
}

open_enum! {
    /// A company's tax payer subtype.
    pub enum EntitySubtype {
        /// S corporation.
        SCorporation = "s_corporation",
        /// C corporation.
        CCorporation = "c_corporation",
        /// B corporation.
        BCorporation = "b_corporation",
    }
}

/// A department.
#[model(Eq, required)]
pub struct Department {
    /// The department's name.
    pub name: Option<String>,
    /// The parent department, if any.
    pub parent: Option<ParentDepartment>,
}

/// A department's parent.
#[model(Eq, required)]
pub struct ParentDepartment {
    /// The parent department's name.
    pub name: Option<String>,
}

/// A bank account of the payroll/HRIS system.
#[model(Eq, required)]
pub struct BankAccount {
    /// The nine-digit routing number.
    pub routing_number: Option<String>,
    /// The account's name in the payroll/HRIS system.
    pub account_name: Option<String>,
    /// The bank's name.
    pub institution_name: Option<String>,
    /// Checking or savings.
    pub account_type: Option<AccountType>,
    /// The account number.
    pub account_number: Option<String>,
}

open_enum! {
    /// The type of a bank account.
    pub enum AccountType {
        /// A checking account.
        Checking = "checking",
        /// A savings account.
        Savings = "savings",
    }
}

handle! {
    /// `client.hris().company()`.
    pub struct CompanyResource<'a> {
        /// Reads the company (`GET /employer/company`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// let company = finch.hris().company().retrieve().await?;
        /// println!("{}", company.legal_name.as_deref().unwrap_or("(no name)"));
        /// # Ok(()) }
        /// ```
        pub async fn retrieve(self) -> Result<Company, Error> => RetrieveCompany::new();

        /// Reads the company with a request's options (`entity_ids`).
        pub async fn retrieve_with(self, request: RetrieveCompany) -> Result<Company, Error>;
    }
}
