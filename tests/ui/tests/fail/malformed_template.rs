use finch::finch_endpoint;

#[finch_endpoint(GET "/employer/benefits/{benefit_id", response = ())]
struct Unclosed {
    #[finch(path)]
    benefit_id: String,
}

#[finch_endpoint(GET "/employer/benefits}", response = ())]
struct Unmatched;

#[finch_endpoint(GET "employer/company", response = ())]
struct NoLeadingSlash;

#[finch_endpoint(GET "https://api.tryfinch.com/employer/company", response = ())]
struct FullUrl;

#[finch_endpoint(GET "/employer/pay statement", response = ())]
struct Space;

#[finch_endpoint(GET "/employer/directory?limit=10", response = ())]
struct QueryString;

#[finch_endpoint(GET "/employer/{}/{1st}", response = ())]
struct BadNames;

#[finch_endpoint(GET "/a/{id}/b/{id}", response = ())]
struct Twice {
    #[finch(path)]
    id: String,
}

fn main() {}
