//! `POST /employer/individual`: individuals' personal data, in batches.

use crate::handles::handle;
use crate::open_enum::open_enum;
use crate::shared::{BatchBody, Date, Location, batch_request, batch_results};
use finch_macros::model;

batch_request! {
    /// Read individuals' personal data (`POST /employer/individual`), up to 10,000 per request.
    ///
    /// ```
    /// let request = finch::hris::RetrieveIndividuals::new(["5d0b10a1", "8b3f8edc"]).include_ssn();
    /// assert_eq!(request.requests.len(), 2);
    /// ```
    #[finch_endpoint(POST "/employer/individual", response = IndividualsResponse)]
    pub struct RetrieveIndividuals {
        /// The individuals to read (at most 10,000).
        requests: Vec<IndividualRequest>,
        /// What to include beyond the defaults.
        pub options: Option<IndividualOptions>,
        entity_ids,
    }
    impl {
        /// A request for these individuals.
        new(individual_ids);

        // Written by hand: it adds `ssn` to the options, making them on first use.

        /// Asks for the SSN too (needs the `ssn` scope).
        pub fn include_ssn(mut self) -> Self {
            self.options
                .get_or_insert_with(IndividualOptions::default)
                .include
                .push("ssn".to_owned());
            self
        }
    }
}

/// One individual to read.
#[model(Eq)]
pub struct IndividualRequest {
    /// The individual's Finch id.
    pub individual_id: String,
}

impl IndividualRequest {
    /// A request for one individual.
    pub fn new(individual_id: impl Into<String>) -> Self {
        IndividualRequest {
            individual_id: individual_id.into(),
        }
    }
}

/// What to include beyond the defaults.
#[model(Eq, Default)]
pub struct IndividualOptions {
    /// Extra fields (`"ssn"`); left out when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub include: Vec<String>,
}

batch_results! {
    /// The batch's results, one per requested individual.
    pub struct IndividualsResponse;
    /// The result for one individual.
    pub struct IndividualResponse {
        /// The individual's Finch id.
        individual_id,
        /// The individual, or the error for this item.
        body: BatchBody<Individual>,
    }
}

/// An individual's personal data.
#[model(Eq, required)]
pub struct Individual {
    /// A stable Finch id (UUID v4) for the individual.
    pub id: String,
    /// The legal first name.
    pub first_name: Option<String>,
    /// The legal middle name.
    pub middle_name: Option<String>,
    /// The legal last name.
    pub last_name: Option<String>,
    /// The preferred name.
    pub preferred_name: Option<String>,
    /// Email addresses.
    #[model(optional)]
    pub emails: Option<Vec<Email>>,
    /// Phone numbers.
    pub phone_numbers: Option<Vec<Option<PhoneNumber>>>,
    /// Gender.
    pub gender: Option<Gender>,
    /// The EEOC-defined ethnicity.
    pub ethnicity: Option<Ethnicity>,
    /// Marital status.
    pub marital_status: Option<MaritalStatus>,
    /// Date of birth.
    pub dob: Option<Date>,
    /// The home address.
    pub residence: Option<Location>,
    /// The Social Security Number (only with the `ssn` scope and `include_ssn`).
    #[model(optional)]
    pub ssn: Option<String>,
    /// The Social Security Number, encrypted (only with the `ssn` scope and `include_ssn`).
    #[model(optional)]
    pub encrypted_ssn: Option<String>,
}

/// An email address.
#[model(Eq, required)]
pub struct Email {
    /// The address.
    pub data: String,
    /// Work or personal.
    #[serde(rename = "type")]
    pub email_type: Option<EmailType>,
}

/// A phone number.
#[model(Eq, required)]
pub struct PhoneNumber {
    /// The number.
    pub data: Option<String>,
    /// Work or personal.
    #[serde(rename = "type")]
    pub phone_type: Option<PhoneType>,
}

open_enum! {
    /// The kind of an email address.
    pub enum EmailType {
        /// Work.
        Work = "work",
        /// Personal.
        Personal = "personal",
    }
}

open_enum! {
    /// The kind of a phone number.
    pub enum PhoneType {
        /// Work.
        Work = "work",
        /// Personal.
        Personal = "personal",
    }
}

open_enum! {
    /// Gender.
    pub enum Gender {
        /// Female.
        Female = "female",
        /// Male.
        Male = "male",
        /// Other.
        Other = "other",
        /// Declined to specify.
        DeclineToSpecify = "decline_to_specify",
    }
}

open_enum! {
    /// The EEOC-defined ethnicity.
    pub enum Ethnicity {
        /// Asian.
        Asian = "asian",
        /// White.
        White = "white",
        /// Black or African American.
        BlackOrAfricanAmerican = "black_or_african_american",
        /// Native Hawaiian or Pacific Islander.
        NativeHawaiianOrPacificIslander = "native_hawaiian_or_pacific_islander",
        /// American Indian or Alaska Native.
        AmericanIndianOrAlaskaNative = "american_indian_or_alaska_native",
        /// Hispanic or Latino.
        HispanicOrLatino = "hispanic_or_latino",
        /// Two or more races.
        TwoOrMoreRaces = "two_or_more_races",
        /// Declined to specify.
        DeclineToSpecify = "decline_to_specify",
    }
}

open_enum! {
    /// Marital status.
    pub enum MaritalStatus {
        /// Single.
        Single = "single",
        /// Married.
        Married = "married",
        /// Divorced.
        Divorced = "divorced",
        /// Widowed.
        Widowed = "widowed",
        /// Domestic partner.
        DomesticPartner = "domestic_partner",
        /// The provider reports the status as unknown (`"unknown"` on the wire).
        NotKnown = "unknown",
    }
}

handle! {
    /// `client.hris().individuals()`.
    pub struct Individuals<'a> {
        /// Reads individuals' personal data in one batch (`POST /employer/individual`).
        ///
        /// For any number of ids, in batches run side by side, see
        /// [`Finch::read_bulk`](crate::Finch::read_bulk).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// let batch = finch.hris().individuals().retrieve_many(finch::hris::RetrieveIndividuals::new(["5d0b10a1"])).await?;
        /// for item in batch.responses {
        ///     match item.body.into_result() {
        ///         Ok(individual) => println!("{:?}", individual.first_name),
        ///         Err(error) => eprintln!("{}: {error}", item.individual_id),
        ///     }
        /// }
        /// # Ok(()) }
        /// ```
        pub async fn retrieve_many(self, request: RetrieveIndividuals) -> Result<IndividualsResponse, Error>;
    }
}
