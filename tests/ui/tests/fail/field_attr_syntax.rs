use finch::finch_endpoint;

#[finch_endpoint(POST "/employer/benefits/{benefit_id}", response = ())]
struct Syntax {
    #[finch(path = "benefit")]
    benefit_id: String,
    #[finch]
    bare: Option<String>,
    #[finch = "query"]
    name_value: Option<String>,
    #[finch()]
    empty: Option<String>,
    #[finch(header = X_Tag)]
    unquoted_header: Option<String>,
    #[finch(body, rename = "items")]
    renamed_body: Vec<String>,
}

fn main() {}
