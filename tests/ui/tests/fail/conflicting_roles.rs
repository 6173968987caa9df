use finch::finch_endpoint;

#[finch_endpoint(POST "/employer/benefits/{benefit_id}", response = ())]
struct Conflicts {
    #[finch(path, query)]
    benefit_id: String,
    #[finch(query)]
    #[finch(query)]
    entity_ids: Option<Vec<String>>,
    #[finch(body)]
    #[finch(header = "X-Items")]
    items: Vec<String>,
    #[finch(query, rename = "a", rename = "b")]
    renamed_twice: Option<String>,
    #[finch(header = "X-Tag", rename = "tag")]
    renamed_header: Option<String>,
}

fn main() {}
