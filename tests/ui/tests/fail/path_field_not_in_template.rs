use finch::finch_endpoint;

#[finch_endpoint(GET "/employer/benefits", response = ())]
struct NotInTemplate {
    #[finch(path)]
    benefit_id: String,
}

#[finch_endpoint(GET "/employer/benefits/{benefit_id}", response = ())]
struct RenamedAway {
    #[finch(path, rename = "id")]
    benefit_id: String,
}

fn main() {}
