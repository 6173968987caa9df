use finch::finch_endpoint;

#[finch_endpoint(GET "/employer/benefits/{benefit_id}", response = ())]
struct RetrieveBenefit {
    #[finch(path)]
    benefit_id: Option<String>,
}

fn main() {}
