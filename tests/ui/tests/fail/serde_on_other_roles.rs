//! serde's attributes shape the JSON body. On a path, query, header, credential or whole-body
//! field they would not change what finch sends, so each is reported with the finch way to say it.
//! (`#[serde(skip)]` on a field that is not a body member agrees with the wire, and is accepted.)

use finch::finch_endpoint;

fn upper<S: finch::serde::Serializer>(value: &str, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&value.to_uppercase())
}

mod upper {
    pub fn serialize<S: finch::serde::Serializer>(value: &str, serializer: S) -> Result<S::Ok, S::Error> {
        super::upper(value, serializer)
    }
}

#[finch_endpoint(POST "/items/{item_id}/{version}", response = (), auth = none)]
#[derive(finch::serde::Serialize)]
#[serde(crate = "finch::serde")]
pub struct UpdateItem {
    #[finch(path)]
    #[serde(rename = "itemId")]
    pub item_id: String,
    #[finch(query)]
    #[serde(rename = "pageSize", skip_serializing_if = "Option::is_none")]
    pub page_size: Option<u32>,
    #[finch(header = "X-Tag")]
    #[serde(serialize_with = "upper")]
    pub tag: String,
    #[finch(credential = client_id)]
    #[serde(rename = "clientId", skip)]
    pub client_id: Option<String>,
    #[finch(query)]
    #[serde(skip)]
    pub dry_run: Option<bool>,
    #[finch(path)]
    #[serde(skip_serializing_if = "String::is_empty")]
    pub version: String,
    #[finch(query)]
    #[serde(with = "upper")]
    pub code: String,
}

#[finch_endpoint(PUT "/items", response = ())]
#[derive(finch::serde::Serialize)]
#[serde(crate = "finch::serde")]
pub struct ReplaceItems {
    #[finch(body)]
    #[serde(rename = "items")]
    pub items: Vec<String>,
}

fn main() {}
