use finch::finch_endpoint;

#[finch_endpoint(GET "/employer/company", response = ())]
fn retrieve_company() {}

#[finch_endpoint(GET "/employer/company", response = ())]
#[finch(query)]
struct AttributeOnStruct;

fn main() {
    retrieve_company();
}
