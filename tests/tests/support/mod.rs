//! Helpers shared by the wire tests.
#![allow(
    dead_code,
    unreachable_pub,
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic
)]

use finch::Finch;
use wiremock::{MockServer, Request};

pub const CLIENT_ID: &str = "4ab15e51-11ad-49f4-acae-f343b7794375";
pub const CLIENT_SECRET: &str = "client-secret-DO-NOT-LEAK";
pub const ACCESS_TOKEN: &str = "access-token-DO-NOT-LEAK";

/// A client of `server` with every credential set and no retries.
pub fn finch(server: &MockServer) -> Finch {
    Finch::builder()
        .base_url(server.uri())
        .client_id(CLIENT_ID)
        .client_secret(CLIENT_SECRET)
        .access_token(ACCESS_TOKEN)
        .max_retries(0)
        .build()
        .expect("a valid client")
}

/// The only request `server` received.
pub async fn only_request(server: &MockServer) -> Request {
    let mut requests = server
        .received_requests()
        .await
        .expect("request recording is on");
    assert_eq!(
        requests.len(),
        1,
        "expected exactly one request, got {requests:?}"
    );
    requests.remove(0)
}

/// A header's value as text (`None` when absent).
pub fn header<'a>(request: &'a Request, name: &str) -> Option<&'a str> {
    request
        .headers
        .get(name)
        .map(|value| value.to_str().expect("ASCII header"))
}

/// The request's body as JSON.
pub fn json_body(request: &Request) -> serde_json::Value {
    serde_json::from_slice(&request.body).expect("a JSON body")
}

/// The headers every finch request carries.
pub fn assert_common_headers(request: &Request) {
    assert_eq!(header(request, "finch-api-version"), Some("2020-09-17"));
    assert_eq!(header(request, "accept"), Some("application/json"));
    let user_agent = header(request, "user-agent").unwrap_or_default();
    assert!(
        user_agent.starts_with("finch/"),
        "user agent {user_agent:?}"
    );
}

/// The default retry policy with `max_retries` and no backoff, so tests do not wait.
pub fn without_waits(max_retries: u32) -> finch::core::RetryPolicy {
    let mut policy = finch::core::RetryPolicy::default().with_max_retries(max_retries);
    policy.initial_delay = std::time::Duration::ZERO;
    policy.max_delay = std::time::Duration::ZERO;
    policy
}
