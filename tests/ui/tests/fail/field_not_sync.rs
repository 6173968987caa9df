//! A request is sent from any thread, so its fields must be `Sync`: each field that is not is
//! reported at its type, and nothing is reported at the struct's name.

use finch::finch_endpoint;
use std::cell::{Cell, RefCell};

#[finch_endpoint(POST "/items", response = ())]
pub struct CreateItem {
    pub name: String,
    pub count: Cell<u32>,
    #[finch(query)]
    pub tags: Option<Vec<RefCell<String>>>,
}

fn main() {}
