//! `/employer/pay-statement-item*`: pay-statement items and the rules that label them.

use crate::handles::handle;
use crate::hris::Metadata;
use crate::open_enum::open_enum;
use crate::setters::setters;
use crate::shared::Date;
use finch_core::Nullable;
use finch_macros::finch_endpoint;
use finch_macros::model;

/// List the distinct items (earnings, taxes, deductions, contributions) that appear on the
/// company's pay statements (`GET /employer/pay-statement-item`).
///
/// Every filter is optional: no categories means all of them; the dates filter on the last pay
/// date an item was seen (`YYYY-MM-DD`).
///
/// ```
/// use finch::hris::{ListPayStatementItems, PayStatementCategory};
/// let request = ListPayStatementItems::new()
///     .categories([PayStatementCategory::Earnings, PayStatementCategory::Taxes])
///     .start_date("2024-01-01")
///     .end_date("2024-07-01")
///     .name("salary");
/// assert_eq!(request.categories.as_ref().map(Vec::len), Some(2));
/// ```
#[finch_endpoint(GET "/employer/pay-statement-item", response = PayStatementItemsResponse)]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListPayStatementItems {
    /// The categories to list (sent `categories[]=earnings&...`); all when `None`.
    #[finch(query)]
    pub categories: Option<Vec<PayStatementCategory>>,
    /// Items last seen on or after this pay date (`YYYY-MM-DD`).
    #[finch(query)]
    pub start_date: Option<Date>,
    /// Items last seen on or before this pay date (`YYYY-MM-DD`).
    #[finch(query)]
    pub end_date: Option<Date>,
    /// A case-insensitive part of the item's name.
    #[finch(query)]
    pub name: Option<String>,
    /// The item's type (`base_compensation`, ...).
    #[finch(query, rename = "type")]
    pub item_type: Option<String>,
    /// The entity to read, for connections with several (exactly one id).
    #[finch(query)]
    pub entity_ids: Option<Vec<String>>,
}

impl ListPayStatementItems {
    /// Every item of every category.
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        /// Lists only these categories.
        categories(categories: impl IntoIterator<Item = PayStatementCategory>);
        /// Lists items last seen on or after `start_date` (`YYYY-MM-DD`).
        start_date(start_date: impl Into<Date>);
        /// Lists items last seen on or before `end_date` (`YYYY-MM-DD`).
        end_date(end_date: impl Into<Date>);
        /// Lists items whose name contains `name` (case-insensitive).
        name(name: impl Into<String>);
        /// Lists items of this type.
        item_type(item_type: impl Into<String>);
        /// Reads the entity `entity_id`.
        entity_id;
    }
}

/// The company's pay-statement items.
#[model(Eq)]
pub struct PayStatementItemsResponse {
    /// The items.
    pub responses: Vec<PayStatementLineItem>,
}

/// A distinct item of the company's pay statements: an earning, tax, deduction or contribution,
/// with what the company's rules attached to it.
///
/// ```
/// let item: finch::hris::PayStatementLineItem = serde_json::from_str(r#"{
///     "name": "Salary", "category": "earnings",
///     "attributes": {"type": "base_compensation", "metadata": {"myLabel": "My Value"}}
/// }"#)?;
/// assert_eq!(item.category, finch::hris::PayStatementCategory::Earnings);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(Eq)]
pub struct PayStatementLineItem {
    /// The item's name.
    pub name: String,
    /// The item's category.
    pub category: PayStatementCategory,
    /// The item's attributes.
    pub attributes: PayStatementLineItemAttributes,
}

/// The attributes of a pay-statement item.
#[model(Eq, Default)]
pub struct PayStatementLineItemAttributes {
    /// The item's type (`base_compensation`, ...).
    #[serde(rename = "type")]
    pub item_type: Option<String>,
    /// For deductions: `true` when taken before taxes.
    pub pre_tax: Option<bool>,
    /// For taxes: `true` when the employer pays it.
    pub employer: Option<bool>,
    /// The labels the company's rules attached.
    #[model(required)]
    pub metadata: Option<Metadata>,
}

open_enum! {
    /// A category of pay-statement items.
    pub enum PayStatementCategory {
        /// Earnings.
        Earnings = "earnings",
        /// Taxes.
        Taxes = "taxes",
        /// Deductions from the employee's pay.
        EmployeeDeductions = "employee_deductions",
        /// The employer's contributions.
        EmployerContributions = "employer_contributions",
    }
}

/// List the company's pay-statement-item rules (`GET /employer/pay-statement-item/rule`).
///
/// ```
/// let request = finch::hris::ListPayStatementItemRules::new();
/// ```
#[finch_endpoint(GET "/employer/pay-statement-item/rule", response = PayStatementItemRulesResponse)]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ListPayStatementItemRules {
    /// The entity to read, for connections with several (exactly one id).
    #[finch(query)]
    pub entity_ids: Option<Vec<String>>,
}

impl ListPayStatementItemRules {
    /// Every rule of the connection's (only) entity.
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        /// Reads the entity `entity_id`.
        entity_id;
    }
}

/// Create a rule that labels the pay-statement items matching its conditions
/// (`POST /employer/pay-statement-item/rule`).
///
/// The labels (`attributes.metadata`) then appear on the matching items of pay statements and of
/// the item listing. Finch refuses a rule without conditions.
///
/// ```
/// use finch::hris::{CreatePayStatementItemRule, RuleCondition};
/// let request = CreatePayStatementItemRule::new()
///     .condition(RuleCondition::equals("name", "Salary"))
///     .metadata("category", "base_pay")
///     .effective_start_date("2025-01-01");
/// assert_eq!(request.conditions.as_ref().map(Vec::len), Some(1));
/// ```
#[finch_endpoint(POST "/employer/pay-statement-item/rule", response = PayStatementItemRule)]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct CreatePayStatementItemRule {
    /// When the rule starts to apply (`Some(Nullable::Null)` sends `null`); left out when `None`.
    pub effective_start_date: Option<Nullable<Date>>,
    /// When the rule stops applying (`Some(Nullable::Null)` sends `null`); left out when `None`.
    pub effective_end_date: Option<Nullable<Date>>,
    /// What an item must match (all of them).
    pub conditions: Option<Vec<RuleCondition>>,
    /// What to attach to the matching items.
    pub attributes: Option<RuleAttributes>,
    /// What the rule applies to (only `pay_statement_item` exists).
    pub entity_type: Option<RuleEntityType>,
    /// The entity to write, for connections with several (exactly one id).
    #[finch(query)]
    pub entity_ids: Option<Vec<String>>,
}

impl CreatePayStatementItemRule {
    /// An empty rule; add at least one [`condition`](Self::condition).
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        /// Adds a condition.
        condition(condition: RuleCondition) push conditions;
        /// Sets what to attach to the matching items.
        attributes(attributes: RuleAttributes);
        /// Applies the rule from `date` (`YYYY-MM-DD`).
        effective_start_date(date: impl Into<Date>) / clear_effective_start_date;
        /// Applies the rule until `date` (`YYYY-MM-DD`).
        effective_end_date(date: impl Into<Date>) / clear_effective_end_date;
        /// Sets what the rule applies to.
        entity_type(entity_type: RuleEntityType);
        /// Writes to the entity `entity_id`.
        entity_id;
    }

    // Written by hand: it adds to the labels inside `attributes`, making both on first use.

    /// Attaches the label `key` = `value` to the matching items.
    pub fn metadata(mut self, key: impl Into<String>, value: impl Into<serde_json::Value>) -> Self {
        self.attributes
            .get_or_insert_with(RuleAttributes::default)
            .metadata
            .get_or_insert_with(Metadata::new)
            .insert(key.into(), value.into());
        self
    }
}

/// Change a pay-statement-item rule (`PUT /employer/pay-statement-item/rule/{rule_id}`).
///
/// **The body is our design.** The OpenAPI document's `UpdateRuleRequest` is malformed: its only
/// property, `optionalProperty`, holds a bare map of the rule's fields where a schema belongs, so
/// the official SDKs expose an opaque `optional_property` parameter. We send what a user changes
/// on a rule, with the same names and shapes as [`CreatePayStatementItemRule`] (and as the rule
/// Finch returns), at the top level of the JSON object: `effective_start_date`,
/// `effective_end_date`, `conditions` and `attributes`. `entity_type` is left out: it has a single
/// value and cannot change. Only the fields you set are sent; the dates can also be sent as
/// `null` to clear them ([`clear_effective_end_date`](Self::clear_effective_end_date)).
///
/// Whether Finch treats a field left out as "unchanged" is not documented; to replace a rule
/// wholesale, start from the rule as listed with [`from_rule`](Self::from_rule), which sends every
/// field the rule has.
///
/// ```
/// use finch::hris::{RuleCondition, UpdatePayStatementItemRule};
/// let request = UpdatePayStatementItemRule::new("5d0b10a1-a09a-430f-81f1-20be735dc5e9")
///     .effective_end_date("2025-12-31")
///     .conditions([RuleCondition::equals("name", "Salary")]);
/// assert_eq!(request.effective_end_date, Some(Some("2025-12-31".into())));
/// let cleared = UpdatePayStatementItemRule::new("5d0b10a1").clear_effective_end_date();
/// assert_eq!(cleared.effective_end_date, Some(None)); // sent as `null`
/// ```
#[finch_endpoint(PUT "/employer/pay-statement-item/rule/{rule_id}", response = PayStatementItemRule)]
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdatePayStatementItemRule {
    /// The rule's id.
    #[finch(path)]
    pub rule_id: String,
    /// A new start date (`Some(None)` sends `null`); left out when `None`.
    pub effective_start_date: Option<Option<Date>>,
    /// A new end date (`Some(None)` sends `null`); left out when `None`.
    pub effective_end_date: Option<Option<Date>>,
    /// New conditions, replacing the rule's; left out when `None`.
    pub conditions: Option<Vec<RuleCondition>>,
    /// New attributes, replacing the rule's; left out when `None`.
    pub attributes: Option<RuleAttributes>,
    /// The entity to write, for connections with several (exactly one id).
    #[finch(query)]
    pub entity_ids: Option<Vec<String>>,
}

impl UpdatePayStatementItemRule {
    /// A change to the rule `rule_id` that changes nothing yet.
    pub fn new(rule_id: impl Into<String>) -> Self {
        UpdatePayStatementItemRule {
            rule_id: rule_id.into(),
            effective_start_date: None,
            effective_end_date: None,
            conditions: None,
            attributes: None,
            entity_ids: None,
        }
    }

    /// A request that sends every field of `rule` as it is (its dates, conditions and
    /// attributes), to modify before sending. `None` when the rule has no `id`.
    ///
    /// ```
    /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
    /// use finch::hris::{ListPayStatementItemRules, UpdatePayStatementItemRule};
    /// let rules = finch.hris().pay_statement_item().rules().list(ListPayStatementItemRules::new()).await?;
    /// for rule in &rules.responses {
    ///     if let Some(update) = UpdatePayStatementItemRule::from_rule(rule) {
    ///         finch.hris().pay_statement_item().rules().update(update.effective_end_date("2025-12-31")).await?;
    ///     }
    /// }
    /// # Ok(()) }
    /// ```
    pub fn from_rule(rule: &PayStatementItemRule) -> Option<Self> {
        Some(UpdatePayStatementItemRule {
            rule_id: rule.id.clone()?,
            effective_start_date: Some(rule.effective_start_date.clone()),
            effective_end_date: Some(rule.effective_end_date.clone()),
            conditions: rule.conditions.clone(),
            attributes: rule.attributes.clone(),
            entity_ids: None,
        })
    }

    setters! {
        /// Applies the rule from `date` (`YYYY-MM-DD`).
        effective_start_date(date: impl Into<Date>)
        /// Removes the start date (sends `null`).
        / clear_effective_start_date;
        /// Applies the rule until `date` (`YYYY-MM-DD`).
        effective_end_date(date: impl Into<Date>)
        /// Removes the end date (sends `null`).
        / clear_effective_end_date;
        /// Replaces the rule's conditions.
        conditions(conditions: impl IntoIterator<Item = RuleCondition>);
        /// Replaces what the rule attaches to the matching items.
        attributes(attributes: RuleAttributes);
        /// Writes to the entity `entity_id`.
        entity_id;
    }
}

/// Delete a pay-statement-item rule (`DELETE /employer/pay-statement-item/rule/{rule_id}`).
///
/// ```
/// let request = finch::hris::DeletePayStatementItemRule::new("5d0b10a1-a09a-430f-81f1-20be735dc5e9");
/// ```
#[finch_endpoint(DELETE "/employer/pay-statement-item/rule/{rule_id}", response = PayStatementItemRule)]
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DeletePayStatementItemRule {
    /// The rule's id.
    #[finch(path)]
    pub rule_id: String,
    /// The entity to write, for connections with several (exactly one id).
    #[finch(query)]
    pub entity_ids: Option<Vec<String>>,
}

impl DeletePayStatementItemRule {
    /// Deletes the rule `rule_id`.
    pub fn new(rule_id: impl Into<String>) -> Self {
        DeletePayStatementItemRule {
            rule_id: rule_id.into(),
            entity_ids: None,
        }
    }

    setters! {
        /// Writes to the entity `entity_id`.
        entity_id;
    }
}

/// The company's pay-statement-item rules.
#[model(Eq)]
pub struct PayStatementItemRulesResponse {
    /// The rules.
    pub responses: Vec<PayStatementItemRule>,
}

/// A rule that labels the pay-statement items matching its conditions. Finch returns it from
/// every rule operation; the spec marks every field optional.
///
/// ```
/// let rule: finch::hris::PayStatementItemRule = serde_json::from_str(r#"{
///     "id": "5d0b10a1-a09a-430f-81f1-20be735dc5e9", "priority": 1,
///     "effective_start_date": null, "effective_end_date": "2025-12-31",
///     "conditions": [{"field": "name", "operator": "equals", "value": "Salary"}],
///     "attributes": {"metadata": {"myLabel": "My Value"}},
///     "created_at": "2025-01-01T10:00:00Z", "updated_at": "2025-02-13T08:30:00Z"
/// }"#)?;
/// assert_eq!(rule.priority, Some(1));
/// assert_eq!(rule.conditions.unwrap()[0].value.as_deref(), Some("Salary"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(Eq, Default)]
pub struct PayStatementItemRule {
    /// The rule's Finch id (UUID v4).
    pub id: Option<String>,
    /// The rule's priority.
    pub priority: Option<i64>,
    /// When the rule starts to apply.
    pub effective_start_date: Option<Date>,
    /// When the rule stops applying.
    pub effective_end_date: Option<Date>,
    /// What an item must match.
    pub conditions: Option<Vec<RuleCondition>>,
    /// What the rule attaches to the matching items.
    pub attributes: Option<RuleAttributes>,
    /// What the rule applies to.
    pub entity_type: Option<RuleEntityType>,
    /// When the rule was created (ISO 8601 date-time).
    pub created_at: Option<String>,
    /// When the rule was last updated (ISO 8601 date-time).
    pub updated_at: Option<String>,
    /// When the rule was deleted (ISO 8601 date-time; in the reply to a delete).
    pub deleted_at: Option<String>,
}

/// A condition of a rule: the item's `field` compared with `value`.
///
/// ```
/// let condition = finch::hris::RuleCondition::equals("name", "Salary");
/// assert_eq!(serde_json::to_string(&condition)?, r#"{"field":"name","operator":"equals","value":"Salary"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(Eq, Default)]
pub struct RuleCondition {
    /// The item's field to check (`name`, ...).
    pub field: Option<String>,
    /// How to compare.
    pub operator: Option<RuleOperator>,
    /// The value to compare with.
    pub value: Option<String>,
}

impl RuleCondition {
    /// Matches items whose `field` equals `value`.
    pub fn equals(field: impl Into<String>, value: impl Into<String>) -> Self {
        RuleCondition {
            field: Some(field.into()),
            operator: Some(RuleOperator::Equals),
            value: Some(value.into()),
        }
    }
}

/// What a rule attaches to the matching items.
///
/// ```
/// let attributes = finch::hris::RuleAttributes::new().label("myLabel", "My Value");
/// assert_eq!(serde_json::to_string(&attributes)?, r#"{"metadata":{"myLabel":"My Value"}}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[model(Eq, Default)]
pub struct RuleAttributes {
    /// The labels: keys and values of any JSON type.
    pub metadata: Option<Metadata>,
}

impl RuleAttributes {
    /// No labels yet.
    pub fn new() -> Self {
        Self::default()
    }

    // Written by hand: it adds an entry to the map of labels.

    /// Adds the label `key` = `value`.
    pub fn label(mut self, key: impl Into<String>, value: impl Into<serde_json::Value>) -> Self {
        self.metadata
            .get_or_insert_with(Metadata::new)
            .insert(key.into(), value.into());
        self
    }
}

open_enum! {
    /// How a rule's condition compares.
    pub enum RuleOperator {
        /// The field equals the value.
        Equals = "equals",
    }
}

open_enum! {
    /// What a rule applies to.
    pub enum RuleEntityType {
        /// Pay-statement items.
        PayStatementItem = "pay_statement_item",
    }
}

handle! {
    /// `client.hris().pay_statement_item()`.
    pub struct PayStatementItem<'a> {
        /// Lists the distinct items of the company's pay statements (`GET /employer/pay-statement-item`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// use finch::hris::{ListPayStatementItems, PayStatementCategory};
        /// let request = ListPayStatementItems::new().categories([PayStatementCategory::EmployeeDeductions]);
        /// let items = finch.hris().pay_statement_item().list(request).await?;
        /// for item in items.responses {
        ///     println!("{} {:?}", item.name, item.attributes.pre_tax);
        /// }
        /// # Ok(()) }
        /// ```
        pub async fn list(self, request: ListPayStatementItems) -> Result<PayStatementItemsResponse, Error>;

        /// The rules that label pay-statement items (`/employer/pay-statement-item/rule*`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// let rules = finch.hris().pay_statement_item().rules();
        /// let listed = rules.list(finch::hris::ListPayStatementItemRules::new()).await?;
        /// # Ok(()) }
        /// ```
        pub fn rules(&self) -> PayStatementItemRules<'a>;
    }
}

handle! {
    /// `client.hris().pay_statement_item().rules()`.
    pub struct PayStatementItemRules<'a> {
        /// Lists the rules (`GET /employer/pay-statement-item/rule`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// let rules = finch.hris().pay_statement_item().rules()
        ///     .list(finch::hris::ListPayStatementItemRules::new())
        ///     .await?;
        /// println!("{} rules", rules.responses.len());
        /// # Ok(()) }
        /// ```
        pub async fn list(self, request: ListPayStatementItemRules) -> Result<PayStatementItemRulesResponse, Error>;

        /// Creates a rule (`POST /employer/pay-statement-item/rule`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// use finch::hris::{CreatePayStatementItemRule, RuleCondition};
        /// let rule = finch.hris().pay_statement_item().rules()
        ///     .create(CreatePayStatementItemRule::new()
        ///         .condition(RuleCondition::equals("name", "Salary"))
        ///         .metadata("category", "base_pay"))
        ///     .await?;
        /// println!("rule {:?}", rule.id);
        /// # Ok(()) }
        /// ```
        pub async fn create(self, request: CreatePayStatementItemRule) -> Result<PayStatementItemRule, Error>;

        /// Changes a rule (`PUT /employer/pay-statement-item/rule/{rule_id}`); see
        /// [`UpdatePayStatementItemRule`] for the body sent.
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// use finch::hris::UpdatePayStatementItemRule;
        /// let rule = finch.hris().pay_statement_item().rules()
        ///     .update(UpdatePayStatementItemRule::new("5d0b10a1").effective_end_date("2025-12-31"))
        ///     .await?;
        /// println!("updated at {:?}", rule.updated_at);
        /// # Ok(()) }
        /// ```
        pub async fn update(self, request: UpdatePayStatementItemRule) -> Result<PayStatementItemRule, Error>;

        /// Deletes a rule (`DELETE /employer/pay-statement-item/rule/{rule_id}`); the reply is the
        /// rule, with `deleted_at`.
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// let rule = finch.hris().pay_statement_item().rules()
        ///     .delete(finch::hris::DeletePayStatementItemRule::new("5d0b10a1"))
        ///     .await?;
        /// println!("deleted at {:?}", rule.deleted_at);
        /// # Ok(()) }
        /// ```
        pub async fn delete(self, request: DeletePayStatementItemRule) -> Result<PayStatementItemRule, Error>;
    }
}
