use finch::finch_endpoint;

#[finch_endpoint(GET "/employer/benefits/{benefit_id}", response = ())]
struct RetrieveBenefit(#[finch(path)] String);

fn main() {
    // The struct is still emitted.
    let _ = RetrieveBenefit(String::new()).0;
}
