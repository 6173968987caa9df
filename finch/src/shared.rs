//! Types several resources share: locations, paging, dates, batch results, products.

use crate::open_enum::open_enum;
use finch_macros::model;
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A postal address. Every part may be `null`: providers fill in what they have.
///
/// ```
/// let location: finch::Location = serde_json::from_str(
///     r#"{"line1":"628 Bear Ave","line2":null,"city":"Schenectady","state":"NY","postal_code":"94301","country":"US"}"#,
/// )?;
/// assert_eq!(location.city.as_deref(), Some("Schenectady"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(Eq, Default, required)]
pub struct Location {
    /// Street address or PO box.
    pub line1: Option<String>,
    /// Apartment, suite, unit or building.
    pub line2: Option<String>,
    /// City, district, suburb, town or village.
    pub city: Option<String>,
    /// The state code.
    pub state: Option<String>,
    /// The postal or zip code.
    pub postal_code: Option<String>,
    /// The 2-letter ISO 3166 country code.
    pub country: Option<String>,
    /// A name for the location.
    #[model(optional)]
    pub name: Option<String>,
    /// The provider's id for the location.
    #[model(optional)]
    pub source_id: Option<String>,
}

/// Where a page sits in a listing.
///
/// ```
/// let paging: finch::Paging = serde_json::from_str(r#"{"count":25,"offset":10}"#)?;
/// assert_eq!((paging.count, paging.offset), (Some(25), 10));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(Eq, Default, Copy)]
pub struct Paging {
    /// The number of items in the whole listing (not just this page), when known.
    pub count: Option<u64>,
    /// The index of this page's first item.
    pub offset: u64,
}

impl Paging {
    /// The offset of the page after this one, for one payment's page of `items` items asked for
    /// at `asked` with page size `limit`, by the [paging rules](finch_core::paging); `None` at the
    /// last page. `request` names the request type in the error.
    pub(crate) fn next_offset(
        &self,
        request: &'static str,
        asked: u64,
        limit: Option<u64>,
        items: usize,
    ) -> Result<Option<u64>, finch_core::PagingError> {
        let info = finch_core::PageInfo::new(items)
            .offset(self.offset)
            .total(self.count);
        finch_core::next_offset(asked, limit, &info)
            .map_err(|kind| finch_core::PagingError::new(request, asked, kind))
    }
}

/// A calendar date as Finch sends it (`YYYY-MM-DD`). The text is kept as sent, so one provider's
/// odd value does not fail a whole page; [`Date::ymd`] reads it when it is well formed.
///
/// ```
/// let date: finch::Date = serde_json::from_str("\"1970-01-31\"")?;
/// assert_eq!(date.ymd(), Some((1970, 1, 31)));
/// assert_eq!(finch::Date::from("31/01/1970").ymd(), None);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date(String);

impl Date {
    /// The text as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Year, month and day, when the text is a valid `YYYY-MM-DD` date.
    pub fn ymd(&self) -> Option<(i32, u8, u8)> {
        let bytes = self.0.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let year: i32 = self.0.get(0..4)?.parse().ok()?;
        let month: u8 = self.0.get(5..7)?.parse().ok()?;
        let day: u8 = self.0.get(8..10)?.parse().ok()?;
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days).contains(&day).then_some((year, month, day))
    }
}

impl From<&str> for Date {
    fn from(text: &str) -> Self {
        Date(text.to_owned())
    }
}

impl From<String> for Date {
    fn from(text: String) -> Self {
        Date(text)
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Date({:?})", self.0)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Date)
    }
}

/// The error Finch reports for one item of a batch.
///
/// ```
/// let error: finch::BatchError = serde_json::from_str(
///     r#"{"code":404,"finch_code":"individual_not_found","message":"No individual found","name":"not_found_error"}"#,
/// )?;
/// assert_eq!(error.code, 404);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(Eq)]
pub struct BatchError {
    /// The item's status.
    pub code: u16,
    /// A short English description.
    pub message: String,
    /// The error's identifier.
    pub name: String,
    /// A more specific identifier.
    pub finch_code: Option<String>,
}

impl fmt::Display for BatchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.code, self.name)?;
        if let Some(code) = &self.finch_code {
            write!(f, "/{code}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for BatchError {}

/// The body of one batch item: the data, or Finch's error for that item.
///
/// Nothing in the JSON names the variant. A body with `code`, `message` and `name` and no `id` is
/// an error; anything else is decoded as the data, and a failure says where inside the body.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum BatchBody<T> {
    /// The item's data.
    Data(T),
    /// Finch's error for the item.
    Error(BatchError),
}

impl<T> BatchBody<T> {
    /// The data, or the item's error.
    ///
    /// ```
    /// let body: finch::BatchBody<u32> = finch::BatchBody::Data(7);
    /// assert_eq!(body.into_result().ok(), Some(7));
    /// ```
    pub fn into_result(self) -> Result<T, BatchError> {
        match self {
            BatchBody::Data(data) => Ok(data),
            BatchBody::Error(error) => Err(error),
        }
    }

    /// The data, if the item succeeded.
    pub fn data(&self) -> Option<&T> {
        match self {
            BatchBody::Data(data) => Some(data),
            BatchBody::Error(_) => None,
        }
    }
}

/// Declares a batch endpoint's reply, `{"responses": [...]}`, and its item: the requested id,
/// the item's `code` and its `body`, as every batch endpoint of Finch answers. The docs of the two
/// structs, of the id and of the body say what the items are.
///
/// ```text
/// batch_results! {
///     /// The batch's results, one per requested individual.
///     pub struct IndividualsResponse;
///     /// The result for one individual.
///     pub struct IndividualResponse {
///         /// The individual's Finch id.
///         individual_id,
///         /// The individual, or the error for this item.
///         body: BatchBody<Individual>,
///     }
/// }
/// ```
macro_rules! batch_results {
    (
        $(#[$doc:meta])*
        pub struct $response:ident;
        $(#[$item_doc:meta])*
        pub struct $item:ident {
            $(#[$id_doc:meta])*
            $id:ident,
            $(#[$body_doc:meta])*
            body: $body:ty $(,)?
        }
    ) => {
        $(#[$doc])*
        #[$crate::model]
        pub struct $response {
            /// One result per requested item.
            pub responses: Vec<$item>,
        }

        $(#[$item_doc])*
        #[$crate::model]
        pub struct $item {
            $(#[$id_doc])*
            pub $id: String,
            /// The item's status: 200, or the error's (see `body`).
            pub code: u16,
            $(#[$body_doc])*
            pub body: $body,
        }
    };
}

pub(crate) use batch_results;

/// Declares the request of a batch read (`POST` with `requests: [..]`, one item per id): the
/// struct (with the derives and `#[non_exhaustive]` every batch request has), its
/// `new(ids)` and `entity_id` setter, and with `from_requests` after `new` a constructor from
/// items made by hand (for items with pages of their own). [`bulk`](crate::bulk) splits and
/// joins them by their `requests`.
///
/// The struct's first field is `requests: Vec<Item>` (`Item::new(id)` makes one item), its last
/// `entity_ids,` (the `#[finch(query)]` field of every `/employer/*` request); other fields in
/// between are written out. After the struct, `impl { .. }` holds `new`'s doc comment and
/// `new(ids);` (or `new(ids), from_requests;`), then the struct's other methods.
///
/// ```text
/// batch_request! {
///     /// Read individuals' personal data (`POST /employer/individual`).
///     #[finch_endpoint(POST "/employer/individual", response = IndividualsResponse)]
///     pub struct RetrieveIndividuals {
///         /// The individuals to read (at most 10,000).
///         requests: Vec<IndividualRequest>,
///         /// What to include beyond the defaults.
///         pub options: Option<IndividualOptions>,
///         entity_ids,
///     }
///     impl {
///         /// A request for these individuals.
///         new(individual_ids);
///     }
/// }
/// ```
macro_rules! batch_request {
    // One arm, for the reason `listing_request!` gives: the attribute and the fields' types
    // come from one expansion (`request_struct!` only passes them on).
    (
        $(#[doc = $doc:literal])*
        #[finch_endpoint($($endpoint:tt)*)]
        pub struct $name:ident {
            $(#[doc = $requests_doc:literal])*
            requests: Vec<$item:ident>,
            $($(#[$field_attr:meta])* pub $field:ident: $ty:ty,)*
            entity_ids,
        }
        impl {
            $(#[$new_doc:meta])*
            new($ids:ident) $(, $from_requests:ident)?;
            $($methods:tt)*
        }
    ) => {
        $crate::setters::request_struct! {
            [$(#[doc = $doc])* #[$crate::finch_endpoint($($endpoint)*)]]
            $name {
                $(#[doc = $requests_doc])*
                pub requests: Vec<$item>,
                $($(#[$field_attr])* pub $field: $ty,)*
                /// The entity to read, for connections with several (exactly one id).
                #[finch(query)]
                pub entity_ids: Option<Vec<String>>,
            }
        }

        impl $name {
            $(#[$new_doc])*
            pub fn new<I, S>($ids: I) -> Self
            where
                I: IntoIterator<Item = S>,
                S: Into<String>,
            {
                $name {
                    requests: $ids.into_iter().map($item::new).collect(),
                    ..Self::default()
                }
            }

            $(
                /// A request made of these items, each with its own page (`offset` and
                /// `limit`).
                pub fn $from_requests(requests: impl IntoIterator<Item = $item>) -> Self {
                    $name {
                        requests: requests.into_iter().collect(),
                        ..Self::default()
                    }
                }
            )?

            $($methods)*

            $crate::setters::setters! {
                /// Reads the entity `entity_id`.
                entity_id;
            }
        }
    };
}

pub(crate) use batch_request;

/// A function the caller hands to an options struct (a progress or status callback), called
/// through `Deref`. Its `Debug` says only that one is set: a closure has nothing to show, and
/// the options around it can then derive `Debug`.
pub(crate) struct Callback<F: ?Sized>(pub(crate) std::sync::Arc<F>);

impl<F: ?Sized> Clone for Callback<F> {
    fn clone(&self) -> Self {
        Callback(self.0.clone())
    }
}

impl<F: ?Sized> fmt::Debug for Callback<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Callback")
    }
}

impl<F: ?Sized> std::ops::Deref for Callback<F> {
    type Target = F;

    fn deref(&self) -> &F {
        &self.0
    }
}

/// The body of an API error replied with `status`, decoded as `T`: for the operations whose
/// error reply at that status has a shape of its own. `None` for any other error, or a body
/// that is not a `T`.
pub(crate) fn error_body<T: serde::de::DeserializeOwned>(
    error: &finch_core::Error,
    status: http::StatusCode,
) -> Option<T> {
    match error {
        finch_core::Error::Api(error) if error.status() == status => {
            serde_json::from_slice(error.body()).ok()
        }
        _ => None,
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for BatchBody<T> {
    /// One pass over the body: its members go straight to `T`'s own `Deserialize`, while the few
    /// members of an error (`code`, `message`, `name`, `finch_code`) are also kept aside, so that
    /// an error body is recognised without first buffering the whole body.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(BatchBodyVisitor(std::marker::PhantomData))
    }
}

struct BatchBodyVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for BatchBodyVisitor<T> {
    type Value = BatchBody<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a batch item's body: the item's data or Finch's error object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let mut watched = WatchedMap {
            map,
            error_members: serde_json::Map::new(),
            has_id: false,
            pending: None,
        };
        let data = T::deserialize(serde::de::value::MapAccessDeserializer::new(&mut watched));
        // When `T` refused the body, read the members it left so the error members are all seen.
        // If even that fails (the body is broken), `T`'s error is the one that says where.
        if let Err(error) = &data
            && watched.drain().is_err()
        {
            return Err(A::Error::custom(error));
        }
        let members = &watched.error_members;
        let is_error = !watched.has_id
            && members
                .get("code")
                .is_some_and(serde_json::Value::is_number)
            && members
                .get("message")
                .is_some_and(serde_json::Value::is_string)
            && members
                .get("name")
                .is_some_and(serde_json::Value::is_string);
        if is_error {
            // Buffered, so the failure's member is named in the message (`in \`code\`: ...`).
            let error = serde_json::Value::Object(watched.error_members);
            return decode_buffered(error).map(BatchBody::Error);
        }
        data.map(BatchBody::Data)
    }
}

impl<'de, A: serde::de::MapAccess<'de>> WatchedMap<A> {
    /// Reads the members left, keeping the error members.
    fn drain(&mut self) -> Result<(), A::Error> {
        while let Some(key) = self.map.next_key::<String>()? {
            if ERROR_MEMBERS.contains(&key.as_str()) {
                let value: serde_json::Value = self.map.next_value()?;
                self.error_members.insert(key, value);
            } else {
                self.map.next_value::<serde::de::IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

/// Decodes a value buffered while deciding a union's variant, saying where inside it a failure
/// is (`in \`tiers[0].threshold\`: ...`): the outer decoder's path stops at the buffered value.
pub(crate) fn decode_buffered<T: serde::de::DeserializeOwned, E: serde::de::Error>(
    value: serde_json::Value,
) -> Result<T, E> {
    serde_path_to_error::deserialize(value).map_err(|error| {
        let path = error.path().to_string();
        E::custom(format!("in `{path}`: {}", error.into_inner()))
    })
}

/// The members of Finch's error object.
const ERROR_MEMBERS: [&str; 4] = ["code", "message", "name", "finch_code"];

/// A map that hands every member to the data's `Deserialize` and keeps a copy of the error
/// members on the way.
struct WatchedMap<A> {
    map: A,
    error_members: serde_json::Map<String, serde_json::Value>,
    has_id: bool,
    /// The key just read, when it is an error member whose value must be kept.
    pending: Option<String>,
}

impl<'de, A: serde::de::MapAccess<'de>> serde::de::MapAccess<'de> for &mut WatchedMap<A> {
    type Error = A::Error;

    fn next_key_seed<K: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let Some(key) = self.map.next_key::<String>()? else {
            return Ok(None);
        };
        self.has_id |= key == "id";
        self.pending = ERROR_MEMBERS.contains(&key.as_str()).then(|| key.clone());
        seed.deserialize(serde::de::value::StringDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<V: serde::de::DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, A::Error> {
        match self.pending.take() {
            Some(key) => {
                let value: serde_json::Value = self.map.next_value()?;
                let result = seed
                    .deserialize(value.clone())
                    .map_err(serde::de::Error::custom);
                self.error_members.insert(key, value);
                result
            }
            None => self.map.next_value_seed(seed),
        }
    }
}

open_enum! {
    /// A Finch product: a kind of data or operation an application may be granted.
    pub enum Product {
        /// Basic company data.
        Company = "company",
        /// The company directory and organization structure.
        Directory = "directory",
        /// Individual data, excluding income and employment.
        Individual = "individual",
        /// Individual employment and income data.
        Employment = "employment",
        /// Payroll and contractor payments.
        Payment = "payment",
        /// Detailed pay statements.
        PayStatement = "pay_statement",
        /// Deductions, contributions and enrollment.
        Benefits = "benefits",
        /// The deprecated alias of `benefits`.
        Deduction = "deduction",
        /// Tax documents (W-4s).
        Documents = "documents",
        /// Social Security Numbers.
        Ssn = "ssn",
        /// Benefit plans (beta).
        Plans = "plans",
        /// Plan dependents (beta).
        PlansDependents = "plans_dependents",
        /// Plan enrollments (beta).
        PlansEnrollments = "plans_enrollments",
        /// Recordkeeping.
        Recordkeeping = "recordkeeping",
    }
}

/// An amount of money: integer cents and a currency code.
///
/// ```
/// let pay: finch::Money = serde_json::from_str(r#"{"amount": 250000, "currency": "usd"}"#)?;
/// assert_eq!(pay.amount, Some(250_000));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(Eq, Default, Hash, required)]
pub struct Money {
    /// The amount in cents.
    pub amount: Option<i64>,
    /// The currency code.
    pub currency: String,
}

impl Money {
    /// `amount` cents of `currency`.
    pub fn new(amount: i64, currency: impl Into<String>) -> Self {
        Money {
            amount: Some(amount),
            currency: currency.into(),
        }
    }
}

/// A list sent as one comma-separated query value (`individual_ids=a,b`), for the parameters
/// Finch documents as "comma-delimited" rather than as arrays.
///
/// ```
/// let ids: finch::CommaSeparated = ["a", "b"].into_iter().collect();
/// assert_eq!(ids.to_string(), "a,b");
/// assert_eq!(serde_json::to_string(&ids)?, r#""a,b""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CommaSeparated<T = String>(pub Vec<T>);

impl<T> Default for CommaSeparated<T> {
    fn default() -> Self {
        CommaSeparated(Vec::new())
    }
}

impl<T, S: Into<T>> FromIterator<S> for CommaSeparated<T> {
    fn from_iter<I: IntoIterator<Item = S>>(items: I) -> Self {
        CommaSeparated(items.into_iter().map(Into::into).collect())
    }
}

impl<T: fmt::Display> fmt::Display for CommaSeparated<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, item) in self.0.iter().enumerate() {
            if index > 0 {
                f.write_str(",")?;
            }
            write!(f, "{item}")?;
        }
        Ok(())
    }
}

impl<T: fmt::Display> Serialize for CommaSeparated<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A reference to another individual (a manager).
#[model(Eq)]
pub struct IndividualRef {
    /// The individual's Finch id.
    pub id: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batch_bodies_pick_their_shape() {
        #[derive(Debug, PartialEq, Deserialize, Serialize)]
        struct Person {
            id: String,
            dob: Option<String>,
        }
        let ok: BatchBody<Person> = serde_json::from_str(r#"{"id":"a","dob":null}"#).unwrap();
        assert_eq!(ok.data().map(|p| p.id.as_str()), Some("a"));
        let error: BatchBody<Person> =
            serde_json::from_str(r#"{"code":404,"message":"nope","name":"not_found_error"}"#)
                .unwrap();
        assert_eq!(error.into_result().unwrap_err().code, 404);
        let broken = finch_core::DecodeError::decode::<BatchBody<Person>>(
            br#"{"id":"a","dob":7}"#,
            http::StatusCode::OK,
            None,
        )
        .unwrap_err();
        assert_eq!(broken.path, "dob", "{broken}");
        // A body that is neither fails with the data's error, and an error with an id is data.
        let neither =
            serde_json::from_str::<BatchBody<Person>>(r#"{"code":404,"message":"m"}"#).unwrap_err();
        assert!(
            neither.to_string().contains("missing field `id`"),
            "{neither}"
        );
        let with_id: BatchBody<Person> =
            serde_json::from_str(r#"{"id":"a","dob":null,"code":404,"message":"m","name":"n"}"#)
                .unwrap();
        assert!(with_id.data().is_some());
    }

    #[test]
    fn a_broken_error_body_names_its_member() {
        #[derive(Debug, Deserialize)]
        struct Item {
            #[serde(rename = "body")]
            _body: BatchBody<serde_json::Value>,
        }
        let body = br#"[{"body":{"code":404,"message":"gone","name":"not_found","finch_code":7}}]"#;
        let error = finch_core::DecodeError::decode::<Vec<Item>>(body, http::StatusCode::OK, None)
            .unwrap_err();
        assert_eq!(error.path, "[0].body");
        assert!(error.message.contains("in `finch_code`"), "{error}");
        let body = br#"[{"body":{"code":70000,"message":"gone","name":"not_found"}}]"#;
        let error = finch_core::DecodeError::decode::<Vec<Item>>(body, http::StatusCode::OK, None)
            .unwrap_err();
        assert!(error.message.contains("in `code`"), "{error}");
    }

    #[test]
    fn open_enums_keep_unknown_values() {
        let known: Product = serde_json::from_str("\"pay_statement\"").unwrap();
        assert_eq!(known, Product::PayStatement);
        let unknown: Product = serde_json::from_str("\"time_off\"").unwrap();
        assert_eq!(unknown, Product::Unknown("time_off".into()));
        assert_eq!(serde_json::to_string(&unknown).unwrap(), "\"time_off\"");
        assert!(unknown.is_unknown() && !known.is_unknown());
    }

    #[test]
    fn dates_keep_odd_values() {
        let odd: Date = serde_json::from_str("\"0000-00-00\"").unwrap();
        assert_eq!(odd.ymd(), None);
        assert_eq!(odd.as_str(), "0000-00-00");
        assert_eq!(Date::from("2024-02-29").ymd(), Some((2024, 2, 29)));
        assert_eq!(Date::from("2023-02-29").ymd(), None);
    }
}
