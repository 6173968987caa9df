//! `PUT /sandbox/company`: replace a sandbox company's data.

use crate::handles::handle;
use crate::hris::company::company_data;
use crate::hris::{
    BankAccount, Company, CompanyEntity, Department, EntitySubtype, EntityType, ParentDepartment,
};
use crate::setters::setters;
use crate::shared::Location;
use finch_macros::finch_endpoint;
use finch_macros::model;

/// Replace the sandbox company's data (`PUT /sandbox/company`).
///
/// Every member of the body is required and nullable: a field left `None` is sent as `null` and
/// clears the company's value. To change one field, read the company first and start from it
/// ([`UpdateSandboxCompany::from_company`]).
///
/// ```
/// use finch::sandbox::UpdateSandboxCompany;
/// use finch::hris::{EntitySubtype, EntityType};
/// let mut office = finch::Location::default();
/// office.city = Some("Schenectady".into());
/// let request = UpdateSandboxCompany::new()
///     .legal_name("Acme, Inc.")
///     .entity(EntityType::Corporation, Some(EntitySubtype::SCorporation))
///     .department("Engineering", None)
///     .department("Platform", Some("Engineering"))
///     .location(office)
///     .ein("12-3456789")
///     .primary_email("founders@acme.com");
/// // The fields not set are sent as `null`:
/// assert_eq!(request.company.primary_phone_number, None);
/// ```
#[finch_endpoint(PUT "/sandbox/company", response = CompanyData)]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdateSandboxCompany {
    /// The company's new data, sent whole (`None` fields as `null`).
    #[finch(body)]
    pub company: CompanyData,
}

impl UpdateSandboxCompany {
    /// A company with every field `null`; set the ones it has.
    pub fn new() -> Self {
        Self::default()
    }

    /// The company's current data (as `client.hris().company().retrieve()` returned it), to change
    /// a few fields and send back.
    ///
    /// ```
    /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
    /// use finch::sandbox::UpdateSandboxCompany;
    /// let company = finch.hris().company().retrieve().await?;
    /// let request = UpdateSandboxCompany::from_company(company).legal_name("Acme Holdings, Inc.");
    /// finch.sandbox().company().update(request).await?;
    /// # Ok(()) }
    /// ```
    pub fn from_company(company: Company) -> Self {
        UpdateSandboxCompany {
            company: company.into(),
        }
    }

    setters! {
        /// Sets the legal name.
        legal_name(legal_name: impl Into<String>) => company.legal_name;
        /// Sets the email of the main administrator.
        primary_email(primary_email: impl Into<String>) => company.primary_email;
        /// Sets the phone number of the main administrator (E.164, with ` xExtension` where
        /// applicable).
        primary_phone_number(primary_phone_number: impl Into<String>) => company.primary_phone_number;
        /// Sets the departments (replacing those added before).
        departments(departments: impl IntoIterator<Item = Department>) => company.departments;
        /// Sets the employer identification number.
        ein(ein: impl Into<String>) => company.ein;
        /// Adds a location.
        location(location: Location) push company.locations;
        /// Sets the locations (replacing those added before).
        locations(locations: impl IntoIterator<Item = Location>) => company.locations;
        /// Sets the bank accounts.
        accounts(accounts: impl IntoIterator<Item = BankAccount>) => company.accounts;
    }

    // `entity` and `department` are written by hand: they build the nested value from its parts.

    /// Sets the tax payer type and subtype.
    pub fn entity(mut self, entity_type: EntityType, subtype: Option<EntitySubtype>) -> Self {
        self.company.entity = Some(CompanyEntity {
            entity_type: Some(entity_type),
            subtype,
        });
        self
    }

    /// Adds a department, under the department named `parent` if any.
    pub fn department(mut self, name: impl Into<String>, parent: Option<&str>) -> Self {
        let department = Department {
            name: Some(name.into()),
            parent: parent.map(|parent| ParentDepartment {
                name: Some(parent.to_owned()),
            }),
        };
        self.company
            .departments
            .get_or_insert_with(Vec::new)
            .push(Some(department));
        self
    }
}

company_data! {
    /// A company's data without its id: the body and the reply of `PUT /sandbox/company`
    /// (`CompanyWithoutId`). Every field is always present on the wire; `None` is `null`.
    ///
    /// ```
    /// let company: finch::sandbox::CompanyData = serde_json::from_str(r#"{
    ///     "legal_name": "Acme, Inc.", "entity": {"type": "corporation", "subtype": "s_corporation"},
    ///     "primary_email": null, "primary_phone_number": null, "departments": [{"name": "Engineering", "parent": null}],
    ///     "ein": "12-3456789", "locations": null, "accounts": null
    /// }"#)?;
    /// assert_eq!(company.legal_name.as_deref(), Some("Acme, Inc."));
    /// // `None` is written as `null`, never left out:
    /// assert!(serde_json::to_string(&company)?.contains(r#""locations":null"#));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    #[model(Eq, Default, required)]
    pub struct CompanyData {}
    from Company
}

handle! {
    /// `client.sandbox().company()`.
    pub struct SandboxCompany<'a> {
        /// Replaces the sandbox company's data (`PUT /sandbox/company`) and returns it.
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// use finch::sandbox::UpdateSandboxCompany;
        /// let company = finch.sandbox().company()
        ///     .update(UpdateSandboxCompany::new().legal_name("Acme, Inc.").ein("12-3456789"))
        ///     .await?;
        /// assert_eq!(company.ein.as_deref(), Some("12-3456789"));
        /// # Ok(()) }
        /// ```
        pub async fn update(self, request: UpdateSandboxCompany) -> Result<CompanyData, Error>;
    }
}
