//! Fields under `#[cfg(...)]`: the generated code that reads them is under the same `cfg`.

use finch::__private_v0::{Endpoint, ParamLocation, ParamSpec};
use finch::finch_endpoint;

#[finch_endpoint(POST "/employer/directory", response = serde_json::Value)]
struct Conditional {
    #[cfg(any())]
    #[finch(query)]
    never: u32,
    #[cfg(all())]
    #[finch(query)]
    always: u32,
    #[cfg(any())]
    #[finch(header = "X-Never")]
    never_header: String,
    #[cfg(any())]
    never_in_body: String,
    in_body: Option<String>,
}

fn main() {
    let _ = Conditional { always: 1, in_body: None };
    assert_eq!(
        Conditional::PARAMS,
        [ParamSpec::new("always", ParamLocation::Query, true), ParamSpec::new("in_body", ParamLocation::BodyField, false)]
    );
}
