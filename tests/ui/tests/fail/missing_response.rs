use finch::finch_endpoint;

#[finch_endpoint(GET "/employer/company")]
struct RetrieveCompany;

#[finch_endpoint(GET "/employer/company", auth = basic)]
struct AlsoMissing;

fn main() {}
