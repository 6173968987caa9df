//! The contribution unions, tagged by `type` on the wire: their serde is written by hand so that
//! an unknown `type` is kept and a known one that does not fit names the failing member.

use super::MatchTier;
use crate::shared::decode_buffered;
use serde::de;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What is deducted from an individual's pay for a benefit, tagged by `type` on the wire.
///
/// A `type` this version of finch does not know is kept whole in `Unknown`; a known `type` whose
/// members do not fit fails with the member's name.
///
/// ```
/// use finch::hris::EmployeeDeduction;
/// let deduction: EmployeeDeduction = serde_json::from_str(r#"{"type": "percent", "amount": 500}"#)?;
/// assert_eq!(deduction, EmployeeDeduction::Percent { amount: 500 });
/// let error = serde_json::from_str::<EmployeeDeduction>(r#"{"type": "fixed", "amount": "ten"}"#).unwrap_err();
/// assert!(error.to_string().contains("in `amount`"), "{error}");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum EmployeeDeduction {
    /// A fixed amount per pay period (`"fixed"`).
    Fixed {
        /// The amount, in cents.
        amount: i64,
    },
    /// A percentage of pay (`"percent"`).
    Percent {
        /// The percentage, in basis points (100 = 1%).
        amount: i64,
    },
    /// A kind this version of finch does not know, kept as sent.
    Unknown(serde_json::Value),
}

/// What the company contributes to a benefit for an individual, tagged by `type` on the wire.
///
/// A `type` this version of finch does not know is kept whole in `Unknown`; a known `type` whose
/// members do not fit fails with the member's name.
///
/// ```
/// use finch::hris::{CompanyContribution, MatchTier};
/// let tiered: CompanyContribution = serde_json::from_str(
///     r#"{"type": "tiered", "tiers": [{"match": 10000, "threshold": 300}]}"#,
/// )?;
/// assert_eq!(tiered, CompanyContribution::Tiered { tiers: vec![MatchTier::new(10_000, 300)] });
/// let odd: CompanyContribution = serde_json::from_str(r#"{"type": "stepped", "steps": 2}"#)?;
/// assert_eq!(serde_json::to_string(&odd)?, r#"{"steps":2,"type":"stepped"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CompanyContribution {
    /// A fixed amount per pay period (`"fixed"`).
    Fixed {
        /// The amount, in cents.
        amount: i64,
    },
    /// A percentage of pay (`"percent"`).
    Percent {
        /// The percentage, in basis points (100 = 1%).
        amount: i64,
    },
    /// A match of the employee's contribution, in tiers (`"tiered"`).
    Tiered {
        /// The tiers (at least one).
        tiers: Vec<MatchTier>,
    },
    /// A kind this version of finch does not know, kept as sent.
    Unknown(serde_json::Value),
}

/// The wire form of the contribution unions.
#[derive(Serialize)]
struct TaggedContribution<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    amount: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tiers: Option<&'a [MatchTier]>,
}

impl TaggedContribution<'_> {
    fn amount(kind: &str, amount: i64) -> TaggedContribution<'_> {
        TaggedContribution {
            kind,
            amount: Some(amount),
            tiers: None,
        }
    }
}

#[derive(Deserialize)]
struct AmountMembers {
    amount: i64,
}

#[derive(Deserialize)]
struct TierMembers {
    tiers: Vec<MatchTier>,
}

/// Reads a union member's `type`, keeping the whole object.
fn tagged<E: de::Error>(value: serde_json::Value) -> Result<(String, serde_json::Value), E> {
    match value.get("type") {
        Some(serde_json::Value::String(kind)) => Ok((kind.clone(), value)),
        Some(other) => Err(E::custom(format!(
            "in `type`: expected a string, found {other}"
        ))),
        None if value.is_object() => Err(E::missing_field("type")),
        None => Err(E::invalid_type(
            de::Unexpected::Other(&value.to_string()),
            &"an object with a `type`",
        )),
    }
}

/// A member of either union as read: the kinds both have (`fixed` and `percent`) with their
/// amount, or another kind with the whole object.
enum Member {
    Fixed(i64),
    Percent(i64),
    Other(String, serde_json::Value),
}

impl Member {
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (kind, value) = tagged(serde_json::Value::deserialize(deserializer)?)?;
        Ok(match kind.as_str() {
            "fixed" => Member::Fixed(decode_buffered::<AmountMembers, _>(value)?.amount),
            "percent" => Member::Percent(decode_buffered::<AmountMembers, _>(value)?.amount),
            _ => Member::Other(kind, value),
        })
    }
}

impl Serialize for EmployeeDeduction {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            EmployeeDeduction::Fixed { amount } => TaggedContribution::amount("fixed", *amount),
            EmployeeDeduction::Percent { amount } => TaggedContribution::amount("percent", *amount),
            EmployeeDeduction::Unknown(value) => return value.serialize(serializer),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for EmployeeDeduction {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match Member::read(deserializer)? {
            Member::Fixed(amount) => EmployeeDeduction::Fixed { amount },
            Member::Percent(amount) => EmployeeDeduction::Percent { amount },
            Member::Other(_, value) => EmployeeDeduction::Unknown(value),
        })
    }
}

impl Serialize for CompanyContribution {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            CompanyContribution::Fixed { amount } => TaggedContribution::amount("fixed", *amount),
            CompanyContribution::Percent { amount } => {
                TaggedContribution::amount("percent", *amount)
            }
            CompanyContribution::Tiered { tiers } => TaggedContribution {
                kind: "tiered",
                amount: None,
                tiers: Some(tiers),
            },
            CompanyContribution::Unknown(value) => return value.serialize(serializer),
        }
        .serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for CompanyContribution {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(match Member::read(deserializer)? {
            Member::Fixed(amount) => CompanyContribution::Fixed { amount },
            Member::Percent(amount) => CompanyContribution::Percent { amount },
            Member::Other(kind, value) if kind == "tiered" => CompanyContribution::Tiered {
                tiers: decode_buffered::<TierMembers, _>(value)?.tiers,
            },
            Member::Other(_, value) => CompanyContribution::Unknown(value),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn contributions_round_trip_every_variant() {
        for (text, expected) in [
            (
                json!({"type": "fixed", "amount": 0}),
                CompanyContribution::Fixed { amount: 0 },
            ),
            (
                json!({"type": "percent", "amount": 400}),
                CompanyContribution::Percent { amount: 400 },
            ),
            (
                json!({"type": "tiered", "tiers": [{"match": 10000, "threshold": 300}, {"match": 5000, "threshold": 500}]}),
                CompanyContribution::Tiered {
                    tiers: vec![MatchTier::new(10_000, 300), MatchTier::new(5_000, 500)],
                },
            ),
            (
                json!({"type": "bonus", "x": 1}),
                CompanyContribution::Unknown(json!({"type": "bonus", "x": 1})),
            ),
        ] {
            let decoded: CompanyContribution = serde_json::from_value(text.clone()).unwrap();
            assert_eq!(decoded, expected);
            assert_eq!(serde_json::to_value(&decoded).unwrap(), text);
        }
        for (text, expected) in [
            (
                json!({"type": "fixed", "amount": 10000}),
                EmployeeDeduction::Fixed { amount: 10_000 },
            ),
            (
                json!({"type": "percent", "amount": 500}),
                EmployeeDeduction::Percent { amount: 500 },
            ),
            (
                json!({"type": "loan"}),
                EmployeeDeduction::Unknown(json!({"type": "loan"})),
            ),
        ] {
            let decoded: EmployeeDeduction = serde_json::from_value(text.clone()).unwrap();
            assert_eq!(decoded, expected);
            assert_eq!(serde_json::to_value(&decoded).unwrap(), text);
        }
    }

    #[test]
    fn contribution_errors_say_where() {
        let error = serde_json::from_value::<CompanyContribution>(
            json!({"type": "tiered", "tiers": [{"match": 1, "threshold": "x"}]}),
        )
        .unwrap_err()
        .to_string();
        assert!(error.contains("in `tiers[0].threshold`"), "{error}");
        let error = serde_json::from_value::<EmployeeDeduction>(json!({"amount": 1}))
            .unwrap_err()
            .to_string();
        assert!(error.contains("missing field `type`"), "{error}");
        let error = serde_json::from_value::<EmployeeDeduction>(json!({"type": 7}))
            .unwrap_err()
            .to_string();
        assert!(error.contains("in `type`"), "{error}");
        let error = serde_json::from_value::<EmployeeDeduction>(json!("fixed"))
            .unwrap_err()
            .to_string();
        assert!(error.contains("an object with a `type`"), "{error}");
    }
}
