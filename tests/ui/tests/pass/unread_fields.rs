//! Fields that are not sent are the author's own: the attribute does not read them, and they are
//! not reported as never read.

#![deny(dead_code)]

use finch::finch_endpoint;

#[finch_endpoint(GET "/items", response = ())]
struct ListItems {
    #[finch(query)]
    limit: Option<u32>,
    #[finch(skip)]
    hint: String,
}

fn main() {
    let request = ListItems { limit: None, hint: String::new() };
    let _ = request.limit;
}
