use finch::finch_endpoint;

#[finch_endpoint(GET "/employer/company", response = ())]
#[derive(Debug)]
enum Request {
    Company,
    Benefit {
        #[finch(path)]
        benefit_id: String,
    },
}

fn main() {
    // The enum is still emitted.
    let _ = format!("{:?}", Request::Company);
}
