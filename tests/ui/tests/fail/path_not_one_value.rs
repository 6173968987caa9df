//! A path parameter is one value. A sequence, a map or a struct is reported at the field's type
//! when the endpoint is compiled (not when it is sent), with what is accepted and how to send a
//! value's `Display` text; `display` on a type without `Display` says so.

use finch::finch_endpoint;
use std::collections::BTreeMap;

#[derive(finch::serde::Serialize)]
#[serde(crate = "finch::serde")]
pub struct Filter {
    pub department: String,
}

/// A type that is only `Display`: it is told about `display`, not to derive `Serialize` (which
/// would send something else than its text).
pub struct Version(pub u8, pub u8);

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.0, self.1)
    }
}

pub struct NoText;

#[finch_endpoint(GET "/items/{ids}/{filter}/{tags}/{version}/{other}", response = ())]
pub struct GetItems {
    #[finch(path)]
    pub ids: Vec<String>,
    #[finch(path)]
    pub filter: Filter,
    #[finch(path)]
    pub tags: BTreeMap<String, String>,
    #[finch(path)]
    pub version: Version,
    #[finch(path, display)]
    pub other: NoText,
}

fn main() {}
