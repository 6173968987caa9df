use finch::finch_endpoint;

#[finch_endpoint(GET "/employer/directory", response = ())]
struct Misspelt {
    #[finch(qurey)]
    limit: Option<u32>,
    #[finch(query, renmae = "page[offset]")]
    offset: Option<u32>,
    #[finch(credential = client_secert)]
    secret: Option<String>,
}

fn main() {}
