use finch::finch_endpoint;

struct Individual {
    first_name: String,
}

#[finch_endpoint(POST "/sandbox/directory", response = ())]
struct CreateIndividual {
    individual: Individual,
    #[finch(query)]
    tags: Option<Vec<Individual>>,
}

fn main() {
    let _ = Individual { first_name: String::new() }.first_name;
}
