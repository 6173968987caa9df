use finch::finch_endpoint;

struct Company {
    id: String,
}

#[finch_endpoint(GET "/employer/company", response = Company)]
struct RetrieveCompany;

// Inside another type, rustc reports the innermost missing impl (serde's message), still on the type.
#[finch_endpoint(GET "/employer/companies", response = Vec<Company>)]
struct ListCompanies;

fn main() {
    let _ = Company { id: String::new() }.id;
}
