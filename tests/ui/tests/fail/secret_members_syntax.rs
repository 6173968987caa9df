use finch::finch_endpoint;

#[finch_endpoint(GET "/employer/company", response = (), secret_members = "pin")]
struct NotAList;

#[finch_endpoint(GET "/employer/company", response = (), secret_members = [pin, "ok"])]
struct NotLiterals;

#[finch_endpoint(GET "/employer/company", response = (), secret_members = ["", "pin", "pin"])]
struct EmptyAndDuplicate;

fn main() {}
