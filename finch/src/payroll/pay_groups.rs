//! `/employer/pay-groups*`: pay groups.

use crate::handles::handle;
/// How often a pay group is paid (the type `GET /employer/payment` uses too).
pub use crate::hris::PayFrequency;
use crate::setters::setters;
use finch_macros::finch_endpoint;
use finch_macros::model;

/// List the company's pay groups (`GET /employer/pay-groups`), optionally only those of one
/// individual or with given pay frequencies.
///
/// ```
/// use finch::payroll::{ListPayGroups, PayFrequency};
/// let request = ListPayGroups::new()
///     .individual_id("be7b048c-a6f3-4194-a017-2f537d4f3565")
///     .pay_frequencies([PayFrequency::Weekly, PayFrequency::BiWeekly]);
/// assert_eq!(request.pay_frequencies.as_deref().map(<[PayFrequency]>::len), Some(2));
/// ```
#[finch_endpoint(GET "/employer/pay-groups", response = Vec<PayGroup>)]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListPayGroups {
    /// Only the pay groups of this individual.
    #[finch(query)]
    pub individual_id: Option<String>,
    /// Only pay groups with these pay frequencies (sent `pay_frequencies[]=weekly&...`).
    #[finch(query)]
    pub pay_frequencies: Option<Vec<PayFrequency>>,
    /// The entity to read, for connections with several (exactly one id).
    #[finch(query)]
    pub entity_ids: Option<Vec<String>>,
}

impl ListPayGroups {
    /// A request for every pay group.
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        /// Lists only the pay groups of `individual_id`.
        individual_id(individual_id: impl Into<String>);
        /// Lists only pay groups with these pay frequencies.
        pay_frequencies(frequencies: impl IntoIterator<Item = PayFrequency>);
        /// Reads the entity `entity_id`.
        entity_id;
    }
}

/// Read one pay group and its members (`GET /employer/pay-groups/{pay_group_id}`).
///
/// ```
/// let request = finch::payroll::RetrievePayGroup::new("5d0b10a1-a09a-430f-81f1-20be735dc5e9");
/// assert_eq!(request.pay_group_id, "5d0b10a1-a09a-430f-81f1-20be735dc5e9");
/// ```
#[finch_endpoint(GET "/employer/pay-groups/{pay_group_id}", response = PayGroupDetails)]
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetrievePayGroup {
    /// The pay group's id.
    #[finch(path)]
    pub pay_group_id: String,
    /// The entity to read, for connections with several (exactly one id).
    #[finch(query)]
    pub entity_ids: Option<Vec<String>>,
}

impl RetrievePayGroup {
    /// A request for the pay group `pay_group_id`.
    pub fn new(pay_group_id: impl Into<String>) -> Self {
        RetrievePayGroup {
            pay_group_id: pay_group_id.into(),
            entity_ids: None,
        }
    }

    setters! {
        /// Reads the entity `entity_id`.
        entity_id;
    }
}

/// A pay group, as listed.
#[model(Eq)]
pub struct PayGroup {
    /// The pay group's Finch id (UUID v4).
    pub id: String,
    /// The pay group's name.
    pub name: String,
    /// The pay group's pay frequencies.
    pub pay_frequencies: Vec<PayFrequency>,
}

/// A pay group and its members.
#[model(Eq)]
pub struct PayGroupDetails {
    /// The pay group's Finch id (UUID v4).
    pub id: String,
    /// The pay group's name.
    pub name: String,
    /// The pay group's pay frequencies.
    pub pay_frequencies: Vec<PayFrequency>,
    /// The Finch ids of the individuals in the pay group.
    pub individual_ids: Vec<String>,
}

handle! {
    /// `client.payroll().pay_groups()`.
    pub struct PayGroups<'a> {
        /// Lists the company's pay groups (`GET /employer/pay-groups`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// for group in finch.payroll().pay_groups().list(finch::payroll::ListPayGroups::new()).await? {
        ///     println!("{} {:?}", group.name, group.pay_frequencies);
        /// }
        /// # Ok(()) }
        /// ```
        pub async fn list(self, request: ListPayGroups) -> Result<Vec<PayGroup>, Error>;

        /// Reads one pay group (`GET /employer/pay-groups/{pay_group_id}`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// let group = finch.payroll().pay_groups()
        ///     .retrieve(finch::payroll::RetrievePayGroup::new("5d0b10a1"))
        ///     .await?;
        /// println!("{}: {} people", group.name, group.individual_ids.len());
        /// # Ok(()) }
        /// ```
        pub async fn retrieve(self, request: RetrievePayGroup) -> Result<PayGroupDetails, Error>;
    }
}
