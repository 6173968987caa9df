//! One declaration with several mistakes: all are reported in one compile, and the type still
//! implements `Endpoint`, so using it adds no errors of its own.

use finch::__private_v0::Endpoint;
use finch::finch_endpoint;

#[finch_endpoint(GET "/employer/benefits/{benefit_id}", respone = (), auth = bearr)]
#[derive(Debug)]
struct RetrieveBenefit {
    #[finch(paht)]
    benefit_id: String,
    #[finch(query)]
    #[finch(header = "Bad Header")]
    entity_ids: Option<Vec<String>>,
    description: String,
}

fn requires_endpoint<E: Endpoint>(_: &E) {}

fn main() {
    let request = RetrieveBenefit { benefit_id: String::new(), entity_ids: None, description: String::new() };
    requires_endpoint(&request);
    println!("{request:?}");
}
