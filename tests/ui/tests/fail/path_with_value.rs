//! `path = "name"` is a mistaken way to write a rename: one error, which shows the attribute that
//! says it, and nothing more (not a second error for the `{benefit_id}` it meant to bind).

use finch::finch_endpoint;

#[finch_endpoint(GET "/employer/benefits/{benefit_id}", response = ())]
pub struct RetrieveBenefit {
    #[finch(path = "benefit_id")]
    pub id: String,
    #[finch(query = "page[size]")]
    pub page_size: Option<u32>,
}

fn main() {}
