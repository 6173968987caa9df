//! A crate that depends on `finch` alone derives through `finch::serde`, and must say where serde
//! is: `#[serde(crate = "finch::serde")]`. Without it serde's derive fails with "can't find crate
//! for `serde`" (serde's own error, which finch cannot change); the error finch reports at
//! `response = Widget` names the fix.

use finch::finch_endpoint;
use finch::serde::Deserialize;

#[derive(Deserialize)]
pub struct Widget {
    pub name: String,
}

#[finch_endpoint(GET "/widgets", response = Widget)]
pub struct GetWidget;

fn main() {}
