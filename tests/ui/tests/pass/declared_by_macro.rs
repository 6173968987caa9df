//! Endpoints declared by a library author's own `macro_rules!` macro: the fields, their types
//! and their attributes come from the macro's body and its arguments, and the generated code
//! still reads them (`self` is not the macro's hygienic `self`), also when the fields and the
//! attribute come from different expansions, or reach the struct through a second macro.

use finch::finch_endpoint;
use finch::serde::Serialize;

macro_rules! listing {
    ($name:ident, $path:literal) => {
        #[finch_endpoint(GET $path, response = Vec<String>)]
        #[derive(Clone, Debug, Default)]
        pub struct $name {
            #[finch(query)]
            pub limit: Option<u32>,
            #[finch(query)]
            pub offset: Option<u32>,
            #[finch(header = "X-Tag")]
            pub tag: Option<String>,
        }
    };
}

macro_rules! create {
    ($name:ident, $path:literal, $($field:ident: $ty:ty),*) => {
        #[finch_endpoint(POST $path, response = ())]
        #[derive(Serialize)]
        #[serde(crate = "finch::serde")]
        pub struct $name {
            #[finch(path)]
            #[serde(skip)]
            pub id: String,
            pub note: Option<String>,
            $(pub $field: $ty,)*
        }
    };
}

macro_rules! whole {
    ($name:ident) => {
        #[finch_endpoint(PUT "/blobs/{kind}", response = ())]
        pub struct $name {
            #[finch(body)]
            pub blob: Option<Vec<u8>>,
            #[finch(query, display)]
            pub version: Option<u32>,
            #[finch(path, display)]
            pub kind: String,
        }
    };
}
macro_rules! other {
    ($name:ident) => {
        #[finch_endpoint(POST "/things/{kind}", response = ())]
        #[derive(Serialize)]
        #[serde(crate = "finch::serde", rename_all = "camelCase")]
        pub struct $name {
            #[finch(path, display)]
            #[serde(skip)]
            pub kind: String,
            #[serde(skip_serializing_if = "Option::is_none", serialize_with = "ser")]
            pub extra_thing: Option<u8>,
            #[finch(credential = client_id)]
            pub client_id: Option<String>,
        }
    };
}
fn ser<S: finch::serde::Serializer>(value: &Option<u8>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_u8(value.unwrap_or(0))
}
// The attribute written in the macro's body, the annotated fields and their types passed in by
// the caller: the generated code reads fields whose tokens come from another expansion.
macro_rules! request {
    ($name:ident, $path:literal, { $($(#[$field_attr:meta])* $field:ident: $ty:ty),* $(,)? }) => {
        #[finch_endpoint(GET $path, response = ())]
        #[derive(Clone, Debug)]
        pub struct $name {
            $($(#[$field_attr])* pub $field: $ty,)*
        }
    };
}
request!(GetRecord, "/records/{id}", {
    #[finch(path)]
    id: String,
    #[finch(query)]
    limit: Option<u32>,
    #[finch(header = "X-Trace")]
    trace: Option<String>,
});
// And the attribute passed in by the caller, the fields written in the macro's body.
macro_rules! with_attribute {
    ($(#[$attr:meta])* $name:ident) => {
        $(#[$attr])*
        pub struct $name {
            #[finch(path)]
            pub id: String,
            #[finch(query)]
            pub limit: Option<u32>,
        }
    };
}
with_attribute!(#[finch_endpoint(GET "/items/{id}", response = ())] GetItem);
// Through a second macro: the first writes the attribute and some fields, the caller's fields
// come through it, and the second writes the struct from what it is handed.
macro_rules! emit_struct {
    ([$(#[$attr:meta])*] $name:ident { $($body:tt)* }) => {
        $(#[$attr])*
        pub struct $name { $($body)* }
    };
}
macro_rules! paged {
    ($name:ident, $path:literal, { $($(#[$field_attr:meta])* $field:ident: $ty:ty),* $(,)? }) => {
        emit_struct! {
            [#[finch_endpoint(GET $path, response = ())] #[derive(Clone, Debug)]]
            $name {
                $($(#[$field_attr])* pub $field: $ty,)*
                #[finch(query)]
                pub limit: Option<u64>,
            }
        }
    };
}
paged!(ListRecords, "/records/{kind}", {
    #[finch(path)]
    kind: String,
    #[finch(query)]
    since: Option<String>,
});
whole!(PutBlob);
other!(PostThing);
listing!(ListWidgets, "/widgets");
listing!(ListGadgets, "/gadgets");
create!(CreateWidget, "/widgets/{id}", size: u32, colour: String);

fn main() {
    fn endpoint<E: finch::core::Endpoint>() {}
    endpoint::<ListWidgets>();
    endpoint::<ListGadgets>();
    endpoint::<CreateWidget>();
    endpoint::<PutBlob>();
    endpoint::<PostThing>();
    endpoint::<GetRecord>();
    endpoint::<GetItem>();
    endpoint::<ListRecords>();
}
