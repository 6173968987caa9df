use finch::finch_endpoint;

#[finch_endpoint(GET "/employer/company", respone = ())]
struct Misspelt;

#[finch_endpoint(GET "/employer/company", response = (), paging = offset)]
struct Unknown;

#[finch_endpoint(GET "/employer/company", response = (), auth = bearer_token)]
struct UnknownAuth;

fn main() {}
