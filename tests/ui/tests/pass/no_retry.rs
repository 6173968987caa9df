//! `no_retry` becomes `Endpoint::NO_RETRY_STATUSES`; without it the default (none) stays.

use finch::__private_v0::Endpoint;
use finch::finch_endpoint;

#[finch_endpoint(POST "/jobs/automated", response = serde_json::Value, no_retry = [429, 503,])]
struct CreateJob;

#[finch_endpoint(GET "/employer/company", response = serde_json::Value)]
struct Plain;

fn main() {
    assert_eq!(CreateJob::NO_RETRY_STATUSES, [429, 503]);
    assert!(Plain::NO_RETRY_STATUSES.is_empty());
}
