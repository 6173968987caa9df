//! `crate = ...` for crates that re-export finch under another path.

mod sdk {
    pub use ::finch as reexported;
}

use sdk::reexported::__private_v0::Endpoint;
use sdk::reexported::finch_endpoint;

#[finch_endpoint(GET "/employer/company", response = serde_json::Value, crate = sdk::reexported)]
struct AsPath;

#[finch_endpoint(GET "/employer/company", response = serde_json::Value, crate = "::finch")]
struct AsString;

#[finch_endpoint(GET "/employer/company", response = serde_json::Value, crate = crate::sdk::reexported)]
struct FromCrateRoot {
    #[finch(query)]
    limit: Option<u32>,
}

fn main() {
    assert_eq!(AsPath::PATH, AsString::PATH);
    let _ = FromCrateRoot { limit: None };
    assert_eq!(FromCrateRoot::PARAMS.len(), 1);
}
