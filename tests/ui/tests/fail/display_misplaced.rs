//! `display` sends a path, query or header value as its `Display` text; elsewhere it is reported.

use finch::finch_endpoint;

#[finch_endpoint(POST "/items", response = ())]
pub struct CreateItem {
    #[finch(display)]
    pub version: String,
    #[finch(skip, display)]
    pub hint: String,
    #[finch(query, display, display)]
    pub limit: Option<u32>,
}

fn main() {}
