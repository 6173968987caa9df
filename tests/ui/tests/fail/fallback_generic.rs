//! A generic declaration with a mistake: only the mistake is reported. (The parameters lack the
//! `Sync` bound `Endpoint` needs; the stand-in impl requires `Self: Sync` instead of reporting it
//! now. It is reported once the mistake is fixed.)

use finch::__private_v0::Endpoint;
use finch::finch_endpoint;
use std::marker::PhantomData;

#[finch_endpoint(GET "/items/{id}", response = Vec<R>)]
struct Generic<I: finch::core::PathValue, R: finch::serde::de::DeserializeOwned + Send + 'static> {
    #[finch(path)]
    id: I,
    #[finch(skip)]
    response: PhantomData<R>,
    #[finch(qurey)]
    limit: Option<u32>,
}

fn requires_endpoint<E: Endpoint>(_: &E) {}

fn main() {
    let request: Generic<u32, String> = Generic { id: 1, response: PhantomData, limit: None };
    requires_endpoint(&request);
}
