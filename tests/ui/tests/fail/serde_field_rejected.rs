//! `#[serde(...)]` attributes that finch does not honour on a body field are reported at the
//! attribute, with the finch way to say it: never silently ignored.

use finch::finch_endpoint;

#[derive(finch::serde::Serialize)]
#[serde(crate = "finch::serde")]
pub struct Address {
    pub city: String,
}

#[finch_endpoint(POST "/individuals", response = ())]
#[derive(finch::serde::Serialize)]
#[serde(crate = "finch::serde")]
pub struct CreateIndividual {
    #[serde(flatten)]
    pub address: Address,
    #[serde(default)]
    pub first_name: String,
    #[serde(alias = "surname")]
    pub last_name: String,
    #[serde(deserialize_with = "parse_code")]
    pub code: String,
    #[serde(skip_deserializing)]
    pub note: String,
    #[serde(rename(serialize = "title", deserialize = "job_title"))]
    pub position: String,
}

fn main() {}
