//! The `#[serde(...)]` attributes finch honours: on a JSON body field `rename`, `skip`,
//! `skip_serializing`, `skip_serializing_if`, `serialize_with` and `with`; on the struct
//! `rename_all` (for the body's members) and, changing nothing on the wire, `crate`, `bound` and
//! `rename`; on a field that is not a body member, `skip`. (What they send is checked in
//! `tests/expand.rs`.)

use finch::__private_v0::{Endpoint, ParamLocation, ParamSpec};
use finch::finch_endpoint;
use finch::serde::{Serialize, Serializer};

fn upper<S: Serializer>(value: &str, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&value.to_uppercase())
}

mod cents {
    pub fn serialize<S: finch::serde::Serializer>(value: &Option<f64>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(amount) => serializer.serialize_i64((amount * 100.0).round() as i64),
            None => serializer.serialize_none(),
        }
    }
}

/// Create an item.
#[finch_endpoint(POST "/items/{item_id}", response = ())]
#[derive(Serialize)]
#[serde(crate = "finch::serde", rename = "Item", rename_all = "camelCase", bound = "T: Serialize")]
pub struct CreateItem<T: Serialize + Sync> {
    #[finch(path)]
    #[serde(skip)]
    pub item_id: String,
    #[finch(query)]
    #[serde(skip_serializing)]
    pub dry_run: Option<bool>,
    #[finch(header = "X-Tag")]
    #[serde(skip)]
    pub tag: Option<String>,
    pub display_name: String,
    #[serde(rename = "kind")]
    pub item_type: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
    #[serde(serialize_with = "upper")]
    pub code: String,
    #[serde(with = "cents", skip_serializing_if = "Option::is_none")]
    pub price: Option<f64>,
    #[serde(skip)]
    pub note: String,
    #[serde(bound = "T: Serialize")]
    pub extra: T,
}

fn main() {
    assert_eq!(
        <CreateItem<u8> as Endpoint>::PARAMS,
        [
            ParamSpec::new("item_id", ParamLocation::Path, true),
            ParamSpec::new("dry_run", ParamLocation::Query, false),
            ParamSpec::new("X-Tag", ParamLocation::Header, false),
            ParamSpec::new("displayName", ParamLocation::BodyField, true),
            ParamSpec::new("kind", ParamLocation::BodyField, true),
            ParamSpec::new("labels", ParamLocation::BodyField, false),
            ParamSpec::new("code", ParamLocation::BodyField, true),
            ParamSpec::new("price", ParamLocation::BodyField, false),
            ParamSpec::new("extra", ParamLocation::BodyField, true),
        ]
    );
}
