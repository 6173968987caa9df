use finch::finch_endpoint;

#[finch_endpoint(GET "/employer/company", response = ())]
struct BadHeaders {
    #[finch(header = "X Request Tag")]
    tag: Option<String>,
    #[finch(header = "X-Tag:")]
    other: Option<String>,
    #[finch(header = "")]
    empty: Option<String>,
    #[finch(header)]
    unnamed: Option<String>,
}

fn main() {}
