//! `#[serde(...)]` attributes on the request struct that finch does not honour are reported at the
//! attribute: `rename_all` is honoured (for the body's members); `crate`, `bound` and `rename`
//! change nothing on the wire and are accepted.

use finch::finch_endpoint;

#[finch_endpoint(POST "/items", response = ())]
#[derive(finch::serde::Serialize)]
#[serde(crate = "finch::serde", rename = "Item", tag = "type", deny_unknown_fields)]
#[serde(rename_all(serialize = "camelCase", deserialize = "snake_case"))]
pub struct CreateItem {
    pub display_name: String,
}

#[finch_endpoint(POST "/items", response = ())]
#[derive(finch::serde::Serialize)]
#[serde(crate = "finch::serde", transparent)]
pub struct CreateItemTransparent {
    pub name: String,
}

fn main() {}
