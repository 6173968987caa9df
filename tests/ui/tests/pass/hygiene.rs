//! The generated code names everything by absolute path: it compiles in a module without the
//! prelude, next to items that shadow the names it uses.

#![allow(dead_code, non_camel_case_types)]

#[no_implicit_prelude]
mod endpoints {
    // Shadow what generated code could be tempted to name relatively.
    struct Result;
    struct Ok;
    struct Some;
    struct None;
    struct Option;
    struct Sync;
    mod serde {}
    mod http {}
    mod finch_core {}

    #[::finch::finch_endpoint(POST "/employer/benefits/{benefit_id}", response = ::std::string::String)]
    pub struct Everything {
        #[finch(path)]
        pub benefit_id: ::std::string::String,
        #[finch(query)]
        pub entity_ids: ::std::option::Option<::std::vec::Vec<::std::string::String>>,
        #[finch(header = "X-Request-Tag")]
        pub tag: ::std::option::Option<::std::string::String>,
        #[finch(credential = client_id)]
        pub client_id: ::std::option::Option<::std::string::String>,
        pub code: ::std::string::String,
        pub redirect_uri: ::std::option::Option<::std::string::String>,
    }

    #[::finch::finch_endpoint(PUT "/sandbox/directory", response = ())]
    pub struct Whole {
        #[finch(body)]
        pub individuals: ::std::option::Option<::std::vec::Vec<u32>>,
    }
}

fn main() {
    use finch::__private_v0::Endpoint;
    assert_eq!(endpoints::Everything::PARAMS.len(), 6);
    assert_eq!(endpoints::Whole::PARAMS.len(), 1);
}

/// Functions of the user's named like the generated methods' parameters (`body`, `path`) are the
/// ones `skip_serializing_if` and `serialize_with` call.
mod user_names {
    fn body(count: &u32) -> bool {
        *count == 0
    }

    fn path<S: finch::serde::Serializer>(count: &u32, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u32(count * 2)
    }

    #[finch::finch_endpoint(POST "/items/{id}", response = ())]
    #[derive(finch::serde::Serialize)]
    #[serde(crate = "finch::serde")]
    pub struct Named {
        #[finch(path)]
        #[serde(skip)]
        pub id: String,
        #[serde(skip_serializing_if = "body", serialize_with = "path")]
        pub count: u32,
    }
}
