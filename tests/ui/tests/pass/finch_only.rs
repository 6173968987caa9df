//! What a crate that depends only on `finch` writes: its response types derive through
//! `finch::serde`, and nothing else (no serde, http or finch-core) is named.

use finch::__private_v0::Endpoint;
use finch::finch_endpoint;

#[derive(Debug, finch::serde::Deserialize)]
#[serde(crate = "finch::serde")]
pub struct Introspection {
    pub client_id: String,
}

#[derive(Debug, finch::serde::Serialize)]
#[serde(crate = "finch::serde")]
pub struct Filter {
    pub department: String,
}

/// Read what the access token can do.
#[finch_endpoint(GET "/introspect", response = Introspection)]
#[derive(Debug, Default)]
pub struct Introspect;

/// A wrapper's own endpoint.
#[finch_endpoint(POST "/employer/search", response = Vec<Introspection>)]
pub struct Search {
    #[finch(header = "X-Request-Tag")]
    pub tag: Option<String>,
    pub filter: Filter,
    pub limit: Option<u32>,
}

fn main() {
    assert_eq!(Introspect::PATH, "/introspect");
    assert_eq!(Search::NAME, "Search");
    let _ = Search { tag: None, filter: Filter { department: String::new() }, limit: None };
}
