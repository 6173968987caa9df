//! A header is one value, or an `Option` of one: the rest is reported at the field's type.

use finch::finch_endpoint;

#[derive(finch::serde::Serialize)]
#[serde(crate = "finch::serde")]
pub struct Tag {
    pub name: String,
}

#[finch_endpoint(GET "/items", response = ())]
pub struct ListItems {
    #[finch(header = "X-Ids")]
    pub ids: Option<Vec<String>>,
    #[finch(header = "X-Tag")]
    pub tag: Tag,
}

fn main() {}
