//! What a path parameter or a header can be: strings (owned, borrowed, `Cow`), numbers, bools,
//! finch's enums, `Secret` (headers), an `Option` of one (headers), a type of one's own that says
//! so with `PathValue`/`HeaderValue`, and any `Display` type with `display`.

use finch::__private_v0::Endpoint;
use finch::core::{HeaderValue, PathValue, Secret};
use finch::finch_endpoint;
use finch::hris::BenefitType;
use std::borrow::Cow;
use std::fmt;
use std::num::NonZeroU32;

#[derive(finch::serde::Serialize)]
#[serde(crate = "finch::serde", rename_all = "snake_case")]
pub enum Kind {
    Individual,
    Company,
}
impl PathValue for Kind {}
impl HeaderValue for Kind {}

pub struct Version(pub u8, pub u8);
impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}", self.0, self.1)
    }
}

#[finch_endpoint(GET "/{kind}/{benefit}/{id}/{page}/{active}/{name}/{label}/{version}", response = ())]
pub struct Everything<'a> {
    #[finch(path)]
    pub kind: Kind,
    #[finch(path)]
    pub benefit: BenefitType,
    #[finch(path)]
    pub id: &'a str,
    #[finch(path)]
    pub page: NonZeroU32,
    #[finch(path)]
    pub active: bool,
    #[finch(path)]
    pub name: Cow<'a, str>,
    #[finch(path)]
    pub label: Box<str>,
    #[finch(path, display)]
    pub version: Version,
    #[finch(header = "X-Kind")]
    pub header_kind: Option<Kind>,
    #[finch(header = "X-Benefit")]
    pub header_benefit: Option<BenefitType>,
    #[finch(header = "X-Key")]
    pub key: Secret,
    #[finch(header = "X-Count")]
    pub count: u64,
    #[finch(header = "X-Version", display)]
    pub header_version: Option<Version>,
    #[finch(query, display)]
    pub since: Option<Version>,
    #[finch(query, rename = "v", display)]
    pub at: Version,
}

fn main() {
    assert_eq!(Everything::PARAMS.len(), 15);
}
