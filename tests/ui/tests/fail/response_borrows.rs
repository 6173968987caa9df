//! A response is decoded from a buffer that is gone afterwards: a type that borrows is reported at
//! the type, with what to do, instead of a `Deserialize` that "is not general enough".

use finch::finch_endpoint;

#[derive(finch::serde::Deserialize)]
#[serde(crate = "finch::serde")]
pub struct Widget<'a> {
    pub name: &'a str,
}

#[finch_endpoint(GET "/widgets/{id}", response = Widget<'a>)]
pub struct GetWidget<'a> {
    #[finch(path)]
    pub id: &'a str,
}

#[finch_endpoint(GET "/widgets", response = Vec<Widget<'a>>)]
pub struct ListWidgets<'a> {
    #[finch(query)]
    pub ids: &'a [&'a str],
}

#[finch_endpoint(GET "/names", response = Vec<&'static str>)]
pub struct ListNames;

fn main() {}
