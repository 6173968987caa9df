//! Pay statement item rules (`/employer/pay-statement-item/rule*`): conditions on an item's
//! fields that, when they all hold, label the item with the rule's metadata. The labels show in
//! `GET /employer/pay-statement-item` and on the pay statements' lines.

use serde_json::{Map, Value};

use super::dates::{self, Day, Instant};
use super::ids::Uuid;

/// A rule.
#[derive(Debug, Clone)]
pub(crate) struct Rule {
    pub(crate) id: Uuid,
    pub(crate) priority: i64,
    pub(crate) effective_start_date: Option<String>,
    pub(crate) effective_end_date: Option<String>,
    pub(crate) conditions: Vec<Condition>,
    pub(crate) metadata: Option<Map<String, Value>>,
    pub(crate) entity_type: Option<String>,
    pub(crate) created_at: Instant,
    pub(crate) updated_at: Instant,
}

/// `field operator value`; `equals` is the only operator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Condition {
    pub(crate) field: Option<String>,
    pub(crate) operator: Option<String>,
    pub(crate) value: Option<String>,
}

/// What a rule is matched against: a pay statement item.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Item<'a> {
    pub(crate) name: &'a str,
    pub(crate) category: &'a str,
    pub(crate) kind: Option<&'a str>,
}

impl Rule {
    /// Whether every condition holds for `item` (field `name`, `category` or `type`; other
    /// fields never match) and `day` is within the rule's effective dates.
    pub(crate) fn applies(&self, item: Item<'_>, day: Day) -> bool {
        let after_start = self
            .effective_start_date
            .as_deref()
            .and_then(dates::parse)
            .is_none_or(|start| start <= day);
        let before_end = self
            .effective_end_date
            .as_deref()
            .and_then(dates::parse)
            .is_none_or(|end| day <= end);
        after_start
            && before_end
            && !self.conditions.is_empty()
            && self.conditions.iter().all(|condition| {
                let actual = match condition.field.as_deref() {
                    Some("name") => Some(item.name),
                    Some("category") => Some(item.category),
                    Some("type") => item.kind,
                    _ => None,
                };
                actual.is_some() && actual == condition.value.as_deref()
            })
    }
}

/// The metadata the rules give `item` on `day`: each applying rule's, lower priorities first,
/// so the highest priority wins a key both set. `None` when no rule applies.
pub(crate) fn metadata(rules: &[Rule], item: Item<'_>, day: Day) -> Option<Map<String, Value>> {
    let mut applying: Vec<&Rule> = rules
        .iter()
        .filter(|rule| rule.applies(item, day))
        .collect();
    if applying.is_empty() {
        return None;
    }
    applying.sort_by_key(|rule| std::cmp::Reverse(rule.priority));
    let mut merged = Map::new();
    for rule in applying {
        if let Some(metadata) = &rule.metadata {
            merged.extend(metadata.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
    }
    Some(merged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rule(priority: i64, name: &str, label: &str) -> Rule {
        Rule {
            id: Uuid(u128::try_from(priority).unwrap()),
            priority,
            effective_start_date: None,
            effective_end_date: Some("2025-06-30".to_owned()),
            conditions: vec![Condition {
                field: Some("name".to_owned()),
                operator: Some("equals".to_owned()),
                value: Some(name.to_owned()),
            }],
            metadata: json!({ "label": label, "priority": priority })
                .as_object()
                .cloned(),
            entity_type: None,
            created_at: 0,
            updated_at: 0,
        }
    }

    #[test]
    fn conditions_dates_and_priority() {
        let salary = Item {
            name: "Salary",
            category: "earnings",
            kind: Some("salary"),
        };
        let early = dates::day(2025, 3, 1);
        let late = dates::day(2025, 9, 1);
        let rules = vec![
            rule(1, "Salary", "first"),
            rule(2, "Salary", "second"),
            rule(3, "Bonus", "x"),
        ];
        let labels = metadata(&rules, salary, early).unwrap();
        assert_eq!(labels["label"], "first", "priority 1 is the highest");
        assert_eq!(metadata(&rules, salary, late), None);
        let bonus = Item {
            name: "Bonus",
            ..salary
        };
        assert_eq!(metadata(&rules, bonus, early).unwrap()["label"], "x");
    }
}
