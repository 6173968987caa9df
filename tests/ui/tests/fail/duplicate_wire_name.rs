use finch::finch_endpoint;

#[finch_endpoint(POST "/employer/directory", response = ())]
struct Duplicates {
    #[finch(query, rename = "limit")]
    page_size: Option<u32>,
    #[finch(query)]
    limit: Option<u32>,
    #[finch(header = "X-Request-Tag")]
    tag: Option<String>,
    #[finch(header = "x-request-tag")]
    other_tag: Option<String>,
    #[finch(credential = client_id)]
    client_id: Option<String>,
    #[finch(rename = "client_id")]
    id: String,
}

fn main() {}
