//! `#[cfg_attr(condition, serde(...))]` and `#[cfg_attr(condition, finch(...))]`: the attribute
//! runs before the condition is known, so it cannot read them, while serde's derive would: each
//! is an error at the attribute inside, with the way to write it instead. (On the struct, rustc
//! resolves `cfg_attr` before the attribute runs: `rename_all` below is read as written.)

use finch::finch_endpoint;
use finch::serde::Serialize;

#[finch_endpoint(POST "/items/{id}", response = ())]
#[derive(Serialize)]
#[serde(crate = "finch::serde")]
#[cfg_attr(all(), serde(rename_all = "camelCase"))]
pub struct CreateItem {
    #[finch(path)]
    #[serde(skip)]
    pub id: String,
    #[cfg_attr(all(), serde(rename = "displayName"))]
    pub display_name: String,
    #[cfg_attr(feature = "beta", cfg_attr(all(), finch(query)))]
    pub dry_run: Option<bool>,
}

fn main() {}
