//! `secret_members` becomes `Endpoint::SECRET_MEMBERS`; without it the default (none) stays.

use finch::__private_v0::Endpoint;
use finch::finch_endpoint;

#[finch_endpoint(POST "/beta/unlock", response = serde_json::Value, secret_members = ["pin", "session-key",])]
struct Unlock;

#[finch_endpoint(GET "/employer/company", response = serde_json::Value, secret_members = [])]
struct Empty;

#[finch_endpoint(GET "/employer/company", response = serde_json::Value)]
struct Plain;

fn main() {
    assert_eq!(Unlock::SECRET_MEMBERS, ["pin", "session-key"]);
    assert!(Empty::SECRET_MEMBERS.is_empty());
    assert!(Plain::SECRET_MEMBERS.is_empty());
}
