//! A body field named twice (`#[finch(rename)]` and `#[serde(rename)]`), and a query parameter
//! that `rename_all` would rename for a derived `Serialize` but that finch sends under its own
//! name: each reported.

use finch::finch_endpoint;

#[finch_endpoint(POST "/items", response = ())]
#[derive(finch::serde::Serialize)]
#[serde(crate = "finch::serde", rename_all = "camelCase")]
pub struct CreateItem {
    #[finch(rename = "name")]
    #[serde(rename = "displayName")]
    pub display_name: String,
    #[finch(query)]
    pub dry_run: Option<bool>,
    // Out of serde's view: nothing to report.
    #[finch(query)]
    #[serde(skip)]
    pub include_archived: Option<bool>,
    #[finch(query, rename = "pageSize")]
    #[serde(skip)]
    pub page_size: Option<u32>,
}

fn main() {}
