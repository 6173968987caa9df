use finch::finch_endpoint;

#[finch_endpoint(GET "/employer/company", response = (), auth = none, auth = basic, response = ())]
struct Twice;

fn main() {}
