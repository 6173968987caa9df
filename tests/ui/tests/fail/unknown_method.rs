use finch::finch_endpoint;

#[finch_endpoint(HEAD "/employer/company", response = ())]
struct Head;

#[finch_endpoint(POTS "/employer/company", response = ())]
struct Typo;

fn main() {}
