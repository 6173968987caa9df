//! A request is sent from any thread, so its fields must be `Sync`. The compiler reports it at the
//! struct's name (`Endpoint: Sync`); the attribute adds the field it is about.

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
