//! Other attributes on the struct: doc comments and derives, before and after the attribute.

use finch::finch_endpoint;

/// Derives after the attribute see the struct without its `#[finch(...)]` attributes.
#[finch_endpoint(GET "/employer/benefits/{benefit_id}", response = serde_json::Value)]
#[derive(Debug, Clone, PartialEq)]
pub struct After {
    /// The benefit.
    #[finch(path)]
    pub benefit_id: String,
}

/// Derives before the attribute.
#[derive(Debug, Clone, PartialEq)]
#[finch_endpoint(GET "/employer/benefits/{benefit_id}", response = serde_json::Value)]
pub struct Before {
    /// The benefit.
    #[finch(path)]
    pub benefit_id: String,
}

fn main() {
    let after = After { benefit_id: "b".into() };
    assert_eq!(after.clone(), after);
    let before = Before { benefit_id: "b".into() };
    assert_eq!(format!("{before:?}"), "Before { benefit_id: \"b\" }");
}
