//! Every field role, and the descriptions the attribute writes.

use finch::__private_v0::{Endpoint, ParamLocation, ParamSpec};
use finch::finch_endpoint;

#[derive(finch::serde::Deserialize)]
#[serde(crate = "finch::serde")]
pub struct CreateAccessTokenResponse {
    pub access_token: String,
}

#[derive(finch::serde::Serialize)]
#[serde(crate = "finch::serde")]
pub struct NewIndividual {
    pub first_name: String,
}

/// Exchange an authorization code for an access token.
#[finch_endpoint(POST "/auth/token", response = CreateAccessTokenResponse, auth = none)]
#[derive(Debug, Clone)]
pub struct CreateAccessToken {
    #[finch(credential = client_id)]
    pub client_id: Option<String>,
    #[finch(credential = client_secret)]
    pub client_secret: Option<finch::core::Secret>,
    pub code: String,
    pub redirect_uri: Option<String>,
}

#[finch_endpoint(GET "/employer/benefits/{benefit_id}", response = serde_json::Value)]
pub struct RetrieveBenefit {
    #[finch(path)]
    pub benefit_id: String,
    #[finch(query)]
    pub entity_ids: Option<Vec<String>>,
}

#[finch_endpoint(POST "/sandbox/directory", response = Vec<serde_json::Value>)]
pub struct CreateSandboxDirectory {
    #[finch(body)]
    pub individuals: Vec<NewIndividual>,
}

#[finch_endpoint(GET "/employer/company", response = serde_json::Value)]
pub struct RetrieveCompany;

#[finch_endpoint(GET "/x", response = serde_json::Value)]
pub struct WithHeader {
    #[finch(header = "X-Request-Tag")]
    pub tag: Option<String>,
    #[finch(query, rename = "page[size]")]
    pub page_size: u32,
}

fn main() {
    assert_eq!(CreateAccessToken::PATH, "/auth/token");
    assert_eq!(
        CreateAccessToken::PARAMS,
        [
            ParamSpec::new("client_id", ParamLocation::BodyField, true),
            ParamSpec::new("client_secret", ParamLocation::BodyField, true),
            ParamSpec::new("code", ParamLocation::BodyField, true),
            ParamSpec::new("redirect_uri", ParamLocation::BodyField, false),
        ]
    );
    assert_eq!(
        RetrieveBenefit::PARAMS,
        [
            ParamSpec::new("benefit_id", ParamLocation::Path, true),
            ParamSpec::new("entity_ids", ParamLocation::Query, false),
        ]
    );
    assert_eq!(CreateSandboxDirectory::PARAMS, [ParamSpec::new("individuals", ParamLocation::Body, true)]);
    assert!(RetrieveCompany::PARAMS.is_empty());
    assert_eq!(
        WithHeader::PARAMS,
        [
            ParamSpec::new("X-Request-Tag", ParamLocation::Header, false),
            ParamSpec::new("page[size]", ParamLocation::Query, true),
        ]
    );
}
