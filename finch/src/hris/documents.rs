//! `/employer/documents*`: tax documents (W-4s). Beta in Finch's API.

use crate::handles::handle;
use crate::listing::{listing_accessors, listing_request};
use crate::open_enum::open_enum;
use crate::setters::setters;
use crate::shared::{Paging, decode_buffered};
use finch_macros::finch_endpoint;
use finch_macros::model;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

listing_request! {
    /// List the company's documents (`GET /employer/documents`), one page (beta).
    ///
    /// Without a `limit` Finch returns every document in one page.
    ///
    /// ```
    /// use finch::hris::{DocumentType, ListDocuments};
    /// let request = ListDocuments::new()
    ///     .individual_ids(["f92b3db4-7bcb-4a54-a570-396bf99e041a"])
    ///     .types([DocumentType::W4Form2020])
    ///     .limit(50);
    /// assert_eq!(request.limit, Some(50));
    /// ```
    #[finch_endpoint(GET "/employer/documents", response = DocumentsPage)]
    pub struct ListDocuments {
        /// Only these individuals' documents; everyone's when `None`.
        #[finch(query)]
        pub individual_ids: Option<Vec<String>>,
        /// Only documents of these types; every type when `None`.
        #[finch(query)]
        pub types: Option<Vec<DocumentType>>,
        limit: "Page size (every document when `None`).",
        offset: "Index of the first document of the page (default 0).",
        entity_ids: "The entity to read, for connections with several (exactly one id).",
    }
    impl {
        /// Every document.
        new;

        setters! {
            /// Lists only these individuals' documents.
            individual_ids(individual_ids: impl IntoIterator<Item = impl Into<String>>);
            /// Lists only documents of these types.
            types(types: impl IntoIterator<Item = DocumentType>);
        }
    }
    => DocumentsPage { paging: paging, items: documents: Vec<Document>, id: id, max_limit: u64::MAX }
}

/// One page of the company's documents.
#[model(Eq)]
pub struct DocumentsPage {
    /// Where the page sits.
    pub paging: Paging,
    /// The documents on the page.
    pub documents: Vec<Document>,
}

/// A document as the listing describes it; read its content with
/// [`Documents::retrieve`].
#[model(Eq, required)]
pub struct Document {
    /// A stable Finch id for the document.
    pub id: String,
    /// The individual the document is about; `None` for employer-level documents.
    pub individual_id: Option<String>,
    /// Where to read the document (`https://api.tryfinch.com/employer/documents/{id}`).
    pub url: String,
    /// The year the document applies to.
    #[serde(deserialize_with = "year")]
    pub year: i32,
    /// The kind of document.
    #[serde(rename = "type")]
    pub document_type: DocumentType,
}

open_enum! {
    /// A kind of document.
    pub enum DocumentType {
        /// The 2020 (and later) W-4 form (`w4_2020`).
        W4Form2020 = "w4_2020",
        /// The 2005 W-4 form (`w4_2005`).
        W4Form2005 = "w4_2005",
    }
}

/// Read one document (`GET /employer/documents/{document_id}`) (beta).
///
/// ```
/// let request = finch::hris::RetrieveDocument::new("238b1d2a-3172-4b4a-a825-b04c0b2d0cac");
/// assert_eq!(request.document_id, "238b1d2a-3172-4b4a-a825-b04c0b2d0cac");
/// ```
#[finch_endpoint(GET "/employer/documents/{document_id}", response = DocumentDetails)]
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetrieveDocument {
    /// The document's id.
    #[finch(path)]
    pub document_id: String,
    /// The entity to read, for connections with several (exactly one id).
    #[finch(query)]
    pub entity_ids: Option<Vec<String>>,
}

impl RetrieveDocument {
    /// A request for the document `document_id`.
    pub fn new(document_id: impl Into<String>) -> Self {
        RetrieveDocument {
            document_id: document_id.into(),
            entity_ids: None,
        }
    }

    setters! {
        /// Reads the entity `entity_id`.
        entity_id;
    }
}

/// A document's content, by its `type`: a 2020 or a 2005 W-4, or a kind this version of finch
/// does not know, kept as the JSON Finch sent.
///
/// A known `type` whose content does not match fails to decode, naming the path inside the
/// document.
///
/// ```
/// use finch::hris::DocumentDetails;
/// let document: DocumentDetails = serde_json::from_str(r#"{"type": "w4_2005", "year": 2005, "data": {
///     "individual_id": "f92b3db4-7bcb-4a54-a570-396bf99e041a", "filing_status": "married",
///     "total_number_of_allowances": 2, "additional_withholding": 10000, "exemption": "non_exempt"}}"#)?;
/// let DocumentDetails::W4Form2005(w4) = &document else { panic!("a 2005 W-4") };
/// assert_eq!(w4.data.additional_withholding, 10_000);
///
/// let future: DocumentDetails = serde_json::from_str(r#"{"type": "i9", "year": 2024, "data": {}}"#)?;
/// assert_eq!(future.document_type(), Some("i9"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DocumentDetails {
    /// A 2020 (or later) W-4 (`type` `w4_2020`).
    W4Form2020(W4Form2020),
    /// A 2005 W-4 (`type` `w4_2005`).
    W4Form2005(W4Form2005),
    /// A document of another `type` (or none), as sent.
    Unknown(serde_json::Value),
}

impl DocumentDetails {
    /// The document's `type` as on the wire (`None` for an unknown document without one).
    pub fn document_type(&self) -> Option<&str> {
        match self {
            DocumentDetails::W4Form2020(_) => Some(DocumentType::W4Form2020.as_str()),
            DocumentDetails::W4Form2005(_) => Some(DocumentType::W4Form2005.as_str()),
            DocumentDetails::Unknown(raw) => raw.get("type").and_then(serde_json::Value::as_str),
        }
    }
}

impl<'de> Deserialize<'de> for DocumentDetails {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        match value.get("type").and_then(serde_json::Value::as_str) {
            Some("w4_2020") => decode_buffered(value).map(DocumentDetails::W4Form2020),
            Some("w4_2005") => decode_buffered(value).map(DocumentDetails::W4Form2005),
            _ => Ok(DocumentDetails::Unknown(value)),
        }
    }
}

impl Serialize for DocumentDetails {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Tagged<'a, T> {
            #[serde(rename = "type")]
            tag: &'static str,
            #[serde(flatten)]
            document: &'a T,
        }
        match self {
            DocumentDetails::W4Form2020(document) => Tagged {
                tag: "w4_2020",
                document,
            }
            .serialize(serializer),
            DocumentDetails::W4Form2005(document) => Tagged {
                tag: "w4_2005",
                document,
            }
            .serialize(serializer),
            DocumentDetails::Unknown(raw) => raw.serialize(serializer),
        }
    }
}

/// A 2020 (or later) W-4: filing status, dependents and withholding.
#[model(Eq)]
pub struct W4Form2020 {
    /// The tax year the form applies to.
    #[serde(deserialize_with = "year")]
    pub year: i32,
    /// The form's content.
    pub data: W4Form2020Data,
}

/// The content of a 2020 W-4. Amounts are integer cents.
#[model(Eq, required)]
pub struct W4Form2020Data {
    /// The individual the form is about.
    pub individual_id: String,
    /// The filing status.
    pub filing_status: Option<W4Form2020FilingStatus>,
    /// The amount claimed for qualifying children under 17, in cents.
    pub amount_for_qualifying_children_under_17: i64,
    /// The amount claimed for other dependents, in cents.
    pub amount_for_other_dependents: i64,
    /// The total claimed for dependents and other credits, in cents.
    pub total_claim_dependent_and_other_credits: i64,
    /// Other income (not from jobs), in cents.
    pub other_income: i64,
    /// Deductions, in cents.
    pub deductions: i64,
    /// Extra withholding per pay period, in cents.
    pub extra_withholding: i64,
}

open_enum! {
    /// The filing status on a 2020 W-4.
    pub enum W4Form2020FilingStatus {
        /// Single or married filing separately.
        SingleOrMarriedFilingSeparately = "single_or_married_filing_separately",
        /// Married filing jointly or qualifying surviving spouse.
        MarriedFilingJointlyOrQualifyingSurvivingSpouse = "married_filing_jointly_or_qualifying_surviving_spouse",
        /// Head of household.
        HeadOfHousehold = "head_of_household",
    }
}

/// A 2005 W-4: filing status, allowances and withholding.
#[model(Eq)]
pub struct W4Form2005 {
    /// The tax year the form applies to.
    #[serde(deserialize_with = "year")]
    pub year: i32,
    /// The form's content.
    pub data: W4Form2005Data,
}

/// The content of a 2005 W-4.
#[model(Eq, required)]
pub struct W4Form2005Data {
    /// The individual the form is about.
    pub individual_id: String,
    /// The filing status.
    pub filing_status: Option<W4Form2005FilingStatus>,
    /// The total number of allowances claimed (the spec's description says "in cents", which
    /// cannot be meant for a count; kept as sent).
    pub total_number_of_allowances: i64,
    /// Additional withholding per pay period, in cents.
    pub additional_withholding: i64,
    /// Whether the individual claims exemption from federal withholding.
    pub exemption: Option<W4Exemption>,
}

open_enum! {
    /// The filing status on a 2005 W-4.
    pub enum W4Form2005FilingStatus {
        /// Single.
        Single = "single",
        /// Married.
        Married = "married",
        /// Married, but withhold at the higher single rate.
        MarriedButWithholdAtHigherSingleRate = "married_but_withhold_at_higher_single_rate",
    }
}

open_enum! {
    /// Exemption from federal withholding on a 2005 W-4.
    pub enum W4Exemption {
        /// Exempt.
        Exempt = "exempt",
        /// Not exempt.
        NonExempt = "non_exempt",
    }
}

/// Reads a year. The spec types years as JSON numbers; integral ones (`2020`, `2020.0`) are
/// accepted, a fractional one is an error.
fn year<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i32, D::Error> {
    use serde::de::Error as _;
    let number = serde_json::Number::deserialize(deserializer)?;
    let integral = match number.as_i64() {
        Some(year) => Some(year),
        None => number
            .as_f64()
            .filter(|year| year.fract() == 0.0 && year.abs() <= f64::from(i32::MAX))
            // Integral and in range: the conversion is exact.
            .map(|year| year as i64),
    };
    integral
        .and_then(|year| i32::try_from(year).ok())
        .ok_or_else(|| D::Error::custom(format!("expected a year, found {number}")))
}

handle! {
    /// `client.hris().documents()`.
    pub struct Documents<'a> {
        listing_accessors! {
            ListDocuments => DocumentsPage {
                accessor: hris.documents,
                endpoint: "GET /employer/documents",
                listing: "the company's documents",
                item: "document",
                items: documents,
                id: id,
            }
        }

        /// Reads one document's content (`GET /employer/documents/{document_id}`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// use finch::hris::{DocumentDetails, RetrieveDocument};
        /// let document = finch.hris().documents()
        ///     .retrieve(RetrieveDocument::new("238b1d2a-3172-4b4a-a825-b04c0b2d0cac"))
        ///     .await?;
        /// match document {
        ///     DocumentDetails::W4Form2020(w4) => println!("{:?}", w4.data.filing_status),
        ///     DocumentDetails::W4Form2005(w4) => println!("{} allowances", w4.data.total_number_of_allowances),
        ///     other => println!("a {:?} document", other.document_type()),
        /// }
        /// # Ok(()) }
        /// ```
        #[doc(alias = "retreive")]
        pub async fn retrieve(self, request: RetrieveDocument) -> Result<DocumentDetails, Error>;

        /// The official SDKs' spelling of [`retrieve`](Self::retrieve).
        ///
        /// ```
        /// # #[allow(deprecated)]
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// let document = finch.hris().documents().retreive(finch::hris::RetrieveDocument::new("238b1d2a")).await?;
        /// # Ok(()) }
        /// ```
        #[deprecated(note = "use `retrieve`; kept for code ported from the official SDKs")]
        pub async fn retreive(self, request: RetrieveDocument) -> Result<DocumentDetails, Error>;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_types_that_do_not_match_fail_with_a_path() {
        let error = serde_json::from_str::<DocumentDetails>(
            r#"{"type":"w4_2020","year":2020,"data":{"individual_id":"a","filing_status":null,
            "amount_for_qualifying_children_under_17":"lots"}}"#,
        )
        .unwrap_err();
        assert!(
            error
                .to_string()
                .contains("in `data.amount_for_qualifying_children_under_17`"),
            "{error}"
        );
    }

    #[test]
    fn years_are_integral_numbers() {
        let document = |year: &str| {
            serde_json::from_str::<Document>(&format!(
                r#"{{"id":"d","individual_id":null,"url":"u","year":{year},"type":"w4_2020"}}"#
            ))
        };
        assert_eq!(document("2020").unwrap().year, 2020);
        assert_eq!(document("2020.0").unwrap().year, 2020);
        let error = document("2020.5").unwrap_err();
        assert!(error.to_string().contains("expected a year"), "{error}");
        assert!(document("\"2020\"").is_err());
    }

    #[test]
    fn unknown_documents_round_trip() {
        let raw = serde_json::json!({"type": "i9", "year": 2024, "data": {"x": 1}});
        let document: DocumentDetails = serde_json::from_value(raw.clone()).unwrap();
        assert_eq!(document.document_type(), Some("i9"));
        assert_eq!(serde_json::to_value(&document).unwrap(), raw);
        let untyped: DocumentDetails = serde_json::from_str(r#"{"year": 2024}"#).unwrap();
        assert_eq!(untyped.document_type(), None);
    }
}
