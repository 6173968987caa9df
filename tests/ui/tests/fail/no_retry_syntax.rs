use finch::finch_endpoint;

#[finch_endpoint(POST "/jobs/automated", response = (), no_retry = 429)]
struct NotAList;

#[finch_endpoint(POST "/jobs/automated", response = (), no_retry = ["429", 200, 429u16])]
struct NotErrorStatuses;

#[finch_endpoint(POST "/jobs/automated", response = (), no_retry = [429, 429])]
struct Duplicate;

fn main() {}
