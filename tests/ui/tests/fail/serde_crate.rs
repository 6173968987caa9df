//! A crate that depends on `finch` alone derives through `finch::serde`, and must say where serde
//! is: `#[serde(crate = "finch::serde")]`. Without it serde's derive fails with "can't find crate
//! for `serde`". The attribute cannot see the response type's declaration, so this is the best
//! message there is; the attribute's docs and finch's say what to add.

use finch::finch_endpoint;
use finch::serde::Deserialize;

#[derive(Deserialize)]
pub struct Widget {
    pub name: String,
}

#[finch_endpoint(GET "/widgets", response = Widget)]
pub struct GetWidget;

fn main() {}
