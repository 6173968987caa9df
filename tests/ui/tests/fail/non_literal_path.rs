use finch::finch_endpoint;

const PATH: &str = "/employer/company";

#[finch_endpoint(GET PATH, response = ())]
struct FromConst;

#[finch_endpoint(GET concat!("/employer", "/company"), response = ())]
struct FromMacro;

#[finch_endpoint(GET, response = ())]
struct NoPath;

fn main() {}
