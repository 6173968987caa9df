use finch::finch_endpoint;

#[finch_endpoint(GET "/employer/directory", response = ())]
struct JsonField {
    limit: Option<u32>,
}

#[finch_endpoint(GET "/sandbox/directory", response = ())]
struct WholeBody {
    #[finch(body)]
    individuals: Vec<String>,
}

fn main() {}
