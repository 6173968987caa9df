//! Generic endpoints: lifetimes, type parameters with their bounds, where clauses, and a generic
//! response type held by a `#[finch(skip)]` marker. A generic path parameter is bounded by
//! `PathValue` (one value), other fields by `Serialize`.

use finch::__private_v0::{Endpoint, ParamLocation, ParamSpec};
use finch::finch_endpoint;
use std::marker::PhantomData;

#[finch_endpoint(GET "/employer/benefits/{benefit_id}", response = serde_json::Value)]
struct Borrowed<'a> {
    #[finch(path)]
    benefit_id: &'a str,
    #[finch(query)]
    entity_ids: Option<&'a [&'a str]>,
}

#[finch_endpoint(POST "/items/{id}", response = Vec<R>)]
struct Generic<I, B: finch::serde::Serialize + Sync, R>
where
    I: finch::core::PathValue + Sync,
    R: finch::serde::de::DeserializeOwned + Send + 'static,
{
    #[finch(path)]
    id: I,
    #[finch(body)]
    body: B,
    #[finch(skip)]
    response: PhantomData<fn() -> R>,
}

#[finch_endpoint(GET "/pages", response = serde_json::Value)]
struct Const<const N: usize>
where
    [u32; N]: finch::serde::Serialize,
{
    #[finch(query)]
    ids: [u32; N],
}

fn describe<E: Endpoint>() -> (&'static str, &'static [ParamSpec]) {
    (E::NAME, E::PARAMS)
}

fn main() {
    let id = String::from("b1");
    let _ = Borrowed { benefit_id: &id, entity_ids: None };
    assert_eq!(describe::<Borrowed<'static>>().0, "Borrowed");
    let request: Generic<u32, Vec<u8>, String> = Generic { id: 1, body: vec![1], response: PhantomData };
    let _ = (request.id, &request.body, request.response);
    assert_eq!(
        describe::<Generic<u32, Vec<u8>, String>>().1,
        [ParamSpec::new("id", ParamLocation::Path, true), ParamSpec::new("body", ParamLocation::Body, true)]
    );
    let _ = Const { ids: [1, 2] };
    assert_eq!(describe::<Const<2>>().1, [ParamSpec::new("ids", ParamLocation::Query, true)]);
}
