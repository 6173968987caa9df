use finch::finch_endpoint;

#[finch_endpoint]
struct Empty;

#[finch_endpoint("/employer/company", response = ())]
struct NoMethod;

#[finch_endpoint(response = (), GET "/employer/company")]
struct KeysFirst;

#[finch_endpoint(GET "/employer/company" response = ())]
struct MissingComma;

#[finch_endpoint(GET "/employer/company", response Company)]
struct MissingEquals;

fn main() {}
