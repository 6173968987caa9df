use finch::finch_endpoint;

#[finch_endpoint(get "/employer/company", response = ())]
struct RetrieveCompany;

fn main() {}
