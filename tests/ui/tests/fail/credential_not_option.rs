use finch::finch_endpoint;

#[finch_endpoint(POST "/auth/token", response = (), auth = none)]
struct CreateAccessToken {
    #[finch(credential = client_id)]
    client_id: String,
    code: String,
}

fn main() {}
