use finch::finch_endpoint;

#[finch_endpoint(POST "/auth/token", response = ())]
struct Mixed {
    #[finch(body)]
    individuals: Vec<String>,
    code: String,
    #[finch(credential = client_id)]
    client_id: Option<String>,
}

#[finch_endpoint(POST "/sandbox/directory", response = ())]
struct TwoBodies {
    #[finch(body)]
    individuals: Vec<String>,
    #[finch(body)]
    more: Vec<String>,
}

fn main() {}
