use finch::finch_endpoint;

#[finch_endpoint(GET "/employer/benefits/{benefit_id}", response = ())]
struct FieldWithoutRole {
    benefit_id: String,
}

#[finch_endpoint(GET "/employer/benefits/{benefit_id}/individuals", response = ())]
struct NoField {
    #[finch(query)]
    entity_ids: Option<Vec<String>>,
}

fn main() {}
