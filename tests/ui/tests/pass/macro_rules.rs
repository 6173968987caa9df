//! Endpoints declared by a `macro_rules!` macro, with names and types from its caller: the
//! generated code resolves `self` and its own locals the same way whatever the tokens' origin.

use finch::__private_v0::{Endpoint, ParamLocation, ParamSpec};
use finch::finch_endpoint;

macro_rules! endpoint {
    ($name:ident, $path:literal, $field:ident: $ty:ty, $body:ident: $body_ty:ty) => {
        #[finch_endpoint(POST $path, response = ())]
        pub struct $name {
            #[finch(path)]
            pub id: String,
            #[finch(query)]
            pub $field: $ty,
            pub $body: $body_ty,
        }
    };
}

endpoint!(Declared, "/items/{id}", limit: Option<u32>, note: String);

fn main() {
    let _ = Declared { id: String::new(), limit: None, note: String::new() };
    assert_eq!(Declared::PATH, "/items/{id}");
    assert_eq!(
        Declared::PARAMS,
        [
            ParamSpec::new("id", ParamLocation::Path, true),
            ParamSpec::new("limit", ParamLocation::Query, false),
            ParamSpec::new("note", ParamLocation::BodyField, true),
        ]
    );
}
