//! Every method and every auth scheme.

use finch::__private_v0::{AuthScheme, Endpoint, ParamLocation, ParamSpec};
use finch::finch_endpoint;

#[finch_endpoint(GET "/employer/company", response = serde_json::Value)]
struct Get;

#[finch_endpoint(POST "/employer/individual", response = serde_json::Value, auth = bearer)]
struct Post {
    requests: Vec<String>,
}

#[finch_endpoint(PUT "/employer/benefits/{benefit_id}/individuals", response = serde_json::Value, auth = basic)]
struct Put {
    #[finch(path)]
    benefit_id: String,
    #[finch(body)]
    individuals: Vec<String>,
}

/// DELETE with a JSON body, as `DELETE /employer/benefits/{benefit_id}/individuals` takes.
#[finch_endpoint(DELETE "/employer/benefits/{benefit_id}/individuals", response = serde_json::Value, auth = none)]
struct Delete {
    #[finch(path)]
    benefit_id: String,
    individual_ids: Option<Vec<String>>,
}

#[finch_endpoint(PATCH "/employer/benefits/{benefit_id}", response = serde_json::Value, auth = optional_bearer,)]
struct Patch {
    #[finch(path)]
    benefit_id: String,
    description: Option<String>,
}

fn main() {
    assert_eq!((Get::METHOD.as_str(), Get::AUTH), ("GET", AuthScheme::Bearer));
    assert_eq!((Post::METHOD.as_str(), Post::AUTH), ("POST", AuthScheme::Bearer));
    assert_eq!((Put::METHOD.as_str(), Put::AUTH), ("PUT", AuthScheme::Basic));
    assert_eq!((Delete::METHOD.as_str(), Delete::AUTH), ("DELETE", AuthScheme::None));
    assert_eq!((Patch::METHOD.as_str(), Patch::AUTH), ("PATCH", AuthScheme::OptionalBearer));
    assert_eq!(Post::PARAMS, [ParamSpec::new("requests", ParamLocation::BodyField, true)]);
    assert_eq!(
        Delete::PARAMS,
        [
            ParamSpec::new("benefit_id", ParamLocation::Path, true),
            ParamSpec::new("individual_ids", ParamLocation::BodyField, false),
        ]
    );
    assert_eq!(Put::PATH, "/employer/benefits/{benefit_id}/individuals");
    assert_eq!(Patch::NAME, "Patch");
    let _ = (
        Put { benefit_id: String::new(), individuals: Vec::new() },
        Delete { benefit_id: String::new(), individual_ids: None },
        Patch { benefit_id: String::new(), description: None },
        Post { requests: Vec::new() },
    );
}
