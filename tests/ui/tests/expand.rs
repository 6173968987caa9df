//! Runs the code `#[finch_endpoint]` generates: each endpoint below is written into the runtime's
//! writers directly, and the exact path, query, headers and body are checked.

use finch::core::{
    AuthScheme, BodyWriter, Credential, Credentials, Endpoint, HeaderWriter, ParamLocation,
    ParamSpec, PathWriter, QueryWriter, RequestError,
};
use finch::finch_endpoint;
use finch::serde::{Deserialize, Serialize};

/// What an endpoint writes.
#[derive(Debug, PartialEq)]
struct Written {
    path: String,
    query: String,
    headers: Vec<(String, String)>,
    body: Option<String>,
}

fn write<E: Endpoint>(endpoint: &E, credentials: &Credentials) -> Result<Written, RequestError> {
    let mut path = PathWriter::new();
    endpoint.write_path(&mut path)?;
    let mut query = QueryWriter::new();
    endpoint.write_query(&mut query)?;
    let mut headers = HeaderWriter::new();
    endpoint.write_headers(&mut headers)?;
    let mut body = BodyWriter::new(credentials);
    endpoint.write_body(&mut body)?;
    Ok(Written {
        path: path.as_str().to_owned(),
        query: query.as_str().to_owned(),
        headers: headers
            .headers()
            .iter()
            .map(|(name, value)| {
                (
                    name.as_str().to_owned(),
                    value.to_str().unwrap_or("<binary>").to_owned(),
                )
            })
            .collect(),
        body: body
            .finish()
            .map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
    })
}

fn written(path: &str, query: &str, headers: &[(&str, &str)], body: Option<&str>) -> Written {
    Written {
        path: path.to_owned(),
        query: query.to_owned(),
        headers: headers
            .iter()
            .map(|&(name, value)| (name.to_owned(), value.to_owned()))
            .collect(),
        body: body.map(str::to_owned),
    }
}

#[derive(Debug, Deserialize)]
#[serde(crate = "finch::serde")]
#[allow(dead_code)] // only decoded
struct Token {
    access_token: String,
}

/// Exchange an authorization code for an access token.
#[finch_endpoint(POST "/auth/token", response = Token, auth = none)]
struct CreateAccessToken {
    #[finch(credential = client_id)]
    client_id: Option<String>,
    #[finch(credential = client_secret)]
    client_secret: Option<finch::core::Secret>,
    code: String,
    redirect_uri: Option<String>,
}

#[test]
fn credential_fields_default_to_the_clients() {
    let credentials = Credentials::new()
        .client_id("id-from-client")
        .client_secret("secret-from-client");
    let request = CreateAccessToken {
        client_id: None,
        client_secret: None,
        code: "abc".into(),
        redirect_uri: None,
    };
    assert_eq!(
        write(&request, &credentials).unwrap(),
        written(
            "/auth/token",
            "",
            &[],
            Some(
                r#"{"client_id":"id-from-client","client_secret":"secret-from-client","code":"abc"}"#
            )
        )
    );

    let request = CreateAccessToken {
        client_id: Some("own-id".into()),
        client_secret: Some("own-secret".into()),
        code: "abc".into(),
        redirect_uri: Some("https://example.com/cb".into()),
    };
    assert_eq!(
        write(&request, &Credentials::new())
            .unwrap()
            .body
            .as_deref(),
        Some(
            r#"{"client_id":"own-id","client_secret":"own-secret","code":"abc","redirect_uri":"https://example.com/cb"}"#
        )
    );

    let request = CreateAccessToken {
        client_id: Some("id".into()),
        client_secret: None,
        code: "abc".into(),
        redirect_uri: None,
    };
    let error = write(&request, &Credentials::new()).unwrap_err();
    assert!(
        matches!(&error, RequestError::MissingCredential { credential: Credential::ClientSecret, needed_by } if needed_by == "client_secret"),
        "{error:?}"
    );
    assert!(error.to_string().contains("FINCH_CLIENT_SECRET"), "{error}");

    assert_eq!(CreateAccessToken::AUTH, AuthScheme::None);
    assert_eq!(CreateAccessToken::NAME, "CreateAccessToken");
    assert_eq!(CreateAccessToken::METHOD.as_str(), "POST");
}

#[derive(Debug, Deserialize)]
#[serde(crate = "finch::serde")]
#[allow(dead_code)] // only decoded
struct CompanyBenefit {
    benefit_id: String,
}

#[finch_endpoint(GET "/employer/benefits/{benefit_id}", response = CompanyBenefit)]
struct RetrieveBenefit {
    #[finch(path)]
    benefit_id: String,
    #[finch(query)]
    entity_ids: Option<Vec<String>>,
}

#[test]
fn path_parameters_are_one_encoded_segment() {
    let request = RetrieveBenefit {
        benefit_id: "../auth/token".into(),
        entity_ids: None,
    };
    assert_eq!(
        write(&request, &Credentials::new()).unwrap(),
        written("/employer/benefits/..%2Fauth%2Ftoken", "", &[], None)
    );
    let request = RetrieveBenefit {
        benefit_id: "..".into(),
        entity_ids: None,
    };
    assert!(matches!(
        write(&request, &Credentials::new()),
        Err(RequestError::InvalidPathParam { .. })
    ));
}

#[test]
fn query_arrays_use_brackets_and_none_is_left_out() {
    let request = RetrieveBenefit {
        benefit_id: "b1".into(),
        entity_ids: Some(vec!["a".into(), "b c".into()]),
    };
    assert_eq!(
        write(&request, &Credentials::new()).unwrap(),
        written(
            "/employer/benefits/b1",
            "entity_ids[]=a&entity_ids[]=b%20c",
            &[],
            None
        )
    );
    assert_eq!(
        RetrieveBenefit::PARAMS,
        [
            ParamSpec::new("benefit_id", ParamLocation::Path, true),
            ParamSpec::new("entity_ids", ParamLocation::Query, false)
        ]
    );
    assert_eq!(RetrieveBenefit::AUTH, AuthScheme::Bearer);
}

#[finch_endpoint(GET "/employer/{kind}/{id}.json", response = serde_json::Value, auth = optional_bearer)]
struct Renamed {
    #[finch(path, rename = "id")]
    record: u64,
    #[finch(path)]
    kind: &'static str,
    #[finch(query, rename = "page[size]")]
    page_size: Option<u32>,
    #[finch(header = "X-Request-Tag")]
    tag: Option<String>,
    #[finch(header = "Finch-Beta")]
    beta: bool,
}

#[test]
fn renames_headers_and_templates_with_several_parameters() {
    let request = Renamed {
        record: 42,
        kind: "individual",
        page_size: Some(10),
        tag: Some("t-1".into()),
        beta: true,
    };
    assert_eq!(
        write(&request, &Credentials::new()).unwrap(),
        written(
            "/employer/individual/42.json",
            "page[size]=10",
            &[("x-request-tag", "t-1"), ("finch-beta", "true")],
            None
        )
    );
    let request = Renamed {
        record: 42,
        kind: "individual",
        page_size: None,
        tag: None,
        beta: false,
    };
    assert_eq!(
        write(&request, &Credentials::new()).unwrap(),
        written(
            "/employer/individual/42.json",
            "",
            &[("finch-beta", "false")],
            None
        )
    );
    assert_eq!(
        Renamed::PARAMS,
        [
            ParamSpec::new("id", ParamLocation::Path, true),
            ParamSpec::new("kind", ParamLocation::Path, true),
            ParamSpec::new("page[size]", ParamLocation::Query, false),
            ParamSpec::new("X-Request-Tag", ParamLocation::Header, false),
            ParamSpec::new("Finch-Beta", ParamLocation::Header, true),
        ]
    );
    assert_eq!(Renamed::PATH, "/employer/{kind}/{id}.json");
    assert_eq!(Renamed::AUTH, AuthScheme::OptionalBearer);
}

#[test]
fn header_values_are_checked() {
    let request = Renamed {
        record: 1,
        kind: "k",
        page_size: None,
        tag: Some("a\r\nInjected: yes".into()),
        beta: false,
    };
    assert!(matches!(
        write(&request, &Credentials::new()),
        Err(RequestError::InvalidHeader { .. })
    ));
}

#[derive(Debug, Serialize)]
#[serde(crate = "finch::serde")]
struct NewIndividual {
    first_name: String,
}

#[finch_endpoint(POST "/sandbox/directory", response = Vec<serde_json::Value>)]
struct CreateSandboxDirectory {
    #[finch(body)]
    individuals: Vec<NewIndividual>,
}

#[test]
fn a_whole_body_field_is_a_top_level_array() {
    let request = CreateSandboxDirectory {
        individuals: vec![
            NewIndividual {
                first_name: "Ada".into(),
            },
            NewIndividual {
                first_name: "Grace".into(),
            },
        ],
    };
    assert_eq!(
        write(&request, &Credentials::new()).unwrap(),
        written(
            "/sandbox/directory",
            "",
            &[],
            Some(r#"[{"first_name":"Ada"},{"first_name":"Grace"}]"#)
        )
    );
    let empty = CreateSandboxDirectory {
        individuals: Vec::new(),
    };
    assert_eq!(
        write(&empty, &Credentials::new()).unwrap().body.as_deref(),
        Some("[]")
    );
}

#[finch_endpoint(PUT "/optional-body", response = serde_json::Value)]
struct OptionalWholeBody {
    #[finch(body)]
    items: Option<Vec<u8>>,
}

#[test]
fn an_optional_whole_body_is_left_out_when_none() {
    assert_eq!(
        write(&OptionalWholeBody { items: None }, &Credentials::new())
            .unwrap()
            .body,
        None
    );
    assert_eq!(
        write(
            &OptionalWholeBody {
                items: Some(vec![1, 2])
            },
            &Credentials::new()
        )
        .unwrap()
        .body
        .as_deref(),
        Some("[1,2]")
    );
    assert_eq!(
        OptionalWholeBody::PARAMS,
        [ParamSpec::new("items", ParamLocation::Body, false)]
    );
}

#[finch_endpoint(DELETE "/employer/benefits/{benefit_id}/individuals", response = serde_json::Value)]
struct UnenrollIndividuals {
    #[finch(path)]
    benefit_id: String,
    individual_ids: Option<Vec<String>>,
}

#[test]
fn delete_carries_a_json_body() {
    let request = UnenrollIndividuals {
        benefit_id: "b1".into(),
        individual_ids: Some(vec!["i1".into()]),
    };
    assert_eq!(
        write(&request, &Credentials::new()).unwrap(),
        written(
            "/employer/benefits/b1/individuals",
            "",
            &[],
            Some(r#"{"individual_ids":["i1"]}"#)
        )
    );
    // All fields `None`: still a JSON object.
    let request = UnenrollIndividuals {
        benefit_id: "b1".into(),
        individual_ids: None,
    };
    assert_eq!(
        write(&request, &Credentials::new())
            .unwrap()
            .body
            .as_deref(),
        Some("{}")
    );
    assert_eq!(UnenrollIndividuals::METHOD.as_str(), "DELETE");
}

#[finch_endpoint(PATCH "/employer/benefits/{benefit_id}", response = serde_json::Value, auth = basic)]
struct UpdateBenefit {
    #[finch(path)]
    benefit_id: String,
    description: Option<String>,
    #[finch(rename = "type")]
    kind: String,
    r#match: Option<bool>,
}

#[test]
fn patch_with_renamed_and_raw_identifier_fields() {
    let request = UpdateBenefit {
        benefit_id: "b 1".into(),
        description: None,
        kind: "401k".into(),
        r#match: Some(true),
    };
    assert_eq!(
        write(&request, &Credentials::new()).unwrap(),
        written(
            "/employer/benefits/b%201",
            "",
            &[],
            Some(r#"{"type":"401k","match":true}"#)
        )
    );
    assert_eq!(UpdateBenefit::METHOD.as_str(), "PATCH");
    assert_eq!(UpdateBenefit::AUTH, AuthScheme::Basic);
}

#[finch_endpoint(GET "/employer/company", response = serde_json::Value)]
struct RetrieveCompany;

#[test]
fn a_unit_struct_writes_only_its_path() {
    assert_eq!(
        write(&RetrieveCompany, &Credentials::new()).unwrap(),
        written("/employer/company", "", &[], None)
    );
    assert!(RetrieveCompany::PARAMS.is_empty());
}

#[finch_endpoint(GET "/items/{id}", response = Vec<R>)]
struct Generic<'a, I: finch::core::PathValue + Sync, R>
where
    R: for<'de> Deserialize<'de> + Send + 'static,
{
    #[finch(path)]
    id: I,
    #[finch(query)]
    tags: &'a [&'a str],
    #[finch(skip)]
    marker: std::marker::PhantomData<fn() -> R>,
}

#[test]
fn generic_endpoints() {
    let request: Generic<'_, u32, String> = Generic {
        id: 7,
        tags: &["x", "y"],
        marker: std::marker::PhantomData,
    };
    assert_eq!(
        write(&request, &Credentials::new()).unwrap(),
        written("/items/7", "tags[]=x&tags[]=y", &[], None)
    );
    assert_eq!(<Generic<'_, u32, String> as Endpoint>::NAME, "Generic");
}

fn upper<S: finch::serde::Serializer>(value: &str, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&value.to_uppercase())
}

fn is_zero(value: &u32) -> bool {
    *value == 0
}

/// Amounts in cents (`with = "cents"`).
mod cents {
    pub(crate) fn serialize<S: finch::serde::Serializer>(
        value: &Option<f64>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(amount) => serializer.serialize_i64((amount * 100.0).round() as i64),
            None => serializer.serialize_none(),
        }
    }
}

/// A request that also derives `Serialize`: finch honours the same serde attributes, so its body is
/// what the derive writes (the path and header fields are `#[serde(skip)]`: they are not members).
#[finch_endpoint(POST "/items/{item_id}", response = serde_json::Value)]
#[derive(Serialize)]
#[serde(crate = "finch::serde", rename_all = "camelCase")]
struct CreateItem {
    #[finch(path)]
    #[serde(skip)]
    item_id: String,
    #[finch(header = "X-Request-Tag")]
    #[serde(skip)]
    tag: Option<String>,
    display_name: String,
    #[serde(rename = "kind")]
    item_type: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    labels: Vec<String>,
    #[serde(skip_serializing_if = "is_zero")]
    count: u32,
    #[serde(serialize_with = "upper")]
    code: String,
    #[serde(with = "cents", skip_serializing_if = "Option::is_none")]
    price: Option<f64>,
    #[serde(skip)]
    note: String,
    #[serde(skip_serializing)]
    internal: u8,
    #[serde(skip_serializing_if = "Option::is_none")]
    nickname: Option<String>,
}

fn item() -> CreateItem {
    CreateItem {
        item_id: "i1".into(),
        tag: None,
        display_name: "Gold plan".into(),
        item_type: "medical".into(),
        labels: vec!["a".into()],
        count: 3,
        code: "gold".into(),
        price: Some(12.5),
        note: "not sent".into(),
        internal: 7,
        nickname: Some("gp".into()),
    }
}

#[test]
fn serde_attributes_shape_the_body_as_the_derive_does() {
    let request = item();
    let sent = write(&request, &Credentials::new()).unwrap();
    let expected = r#"{"displayName":"Gold plan","kind":"medical","labels":["a"],"count":3,"code":"GOLD","price":1250,"nickname":"gp"}"#;
    assert_eq!(sent.body.as_deref(), Some(expected));
    assert_eq!(serde_json::to_string(&request).unwrap(), expected);
    assert_eq!(sent.path, "/items/i1");

    // Left out as `skip_serializing_if` says, still as the derive does.
    let request = CreateItem {
        labels: Vec::new(),
        count: 0,
        price: None,
        nickname: None,
        ..item()
    };
    let sent = write(&request, &Credentials::new()).unwrap();
    let expected = r#"{"displayName":"Gold plan","kind":"medical","code":"GOLD"}"#;
    assert_eq!(sent.body.as_deref(), Some(expected));
    assert_eq!(serde_json::to_string(&request).unwrap(), expected);

    assert_eq!(
        CreateItem::PARAMS,
        [
            ParamSpec::new("item_id", ParamLocation::Path, true),
            ParamSpec::new("X-Request-Tag", ParamLocation::Header, false),
            ParamSpec::new("displayName", ParamLocation::BodyField, true),
            ParamSpec::new("kind", ParamLocation::BodyField, true),
            ParamSpec::new("labels", ParamLocation::BodyField, false),
            ParamSpec::new("count", ParamLocation::BodyField, false),
            ParamSpec::new("code", ParamLocation::BodyField, true),
            ParamSpec::new("price", ParamLocation::BodyField, false),
            ParamSpec::new("nickname", ParamLocation::BodyField, false),
        ]
    );
}

/// Without `skip_serializing_if`, a derived `Serialize` writes `None` as `null`; finch leaves it out,
/// as for every optional member (the one difference, documented).
#[finch_endpoint(POST "/notes", response = serde_json::Value)]
#[derive(Serialize)]
#[serde(crate = "finch::serde")]
struct CreateNote {
    text: String,
    #[serde(serialize_with = "cents::serialize")]
    amount: Option<f64>,
    title: Option<String>,
}

#[test]
fn a_none_member_is_left_out_where_serde_writes_null() {
    let request = CreateNote {
        text: "t".into(),
        amount: None,
        title: None,
    };
    assert_eq!(
        write(&request, &Credentials::new())
            .unwrap()
            .body
            .as_deref(),
        Some(r#"{"text":"t"}"#)
    );
    assert_eq!(
        serde_json::to_string(&request).unwrap(),
        r#"{"text":"t","amount":null,"title":null}"#
    );
    // `Some`: the function gets the field as it is (an `Option`), as serde gives it.
    let request = CreateNote {
        amount: Some(0.5),
        ..request
    };
    assert_eq!(
        write(&request, &Credentials::new())
            .unwrap()
            .body
            .as_deref(),
        Some(r#"{"text":"t","amount":50}"#)
    );
}

fn count<T, S: finch::serde::Serializer>(value: &[T], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_u64(value.len() as u64)
}

/// `serialize_with` on a field whose type uses the struct's parameters.
#[finch_endpoint(POST "/batches", response = serde_json::Value)]
#[derive(Serialize)]
#[serde(crate = "finch::serde")]
struct CreateBatch<'a, T: Serialize + Sync> {
    #[serde(serialize_with = "count")]
    items: &'a [T],
    first: Option<T>,
}

#[test]
fn serialize_with_on_a_generic_field() {
    let request = CreateBatch {
        items: &[1u8, 2, 3],
        first: Some(1u8),
    };
    assert_eq!(
        write(&request, &Credentials::new())
            .unwrap()
            .body
            .as_deref(),
        Some(r#"{"items":3,"first":1}"#)
    );
}

/// A version sent as its `Display` text.
struct Version(u8, u8);

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.0, self.1)
    }
}

#[finch_endpoint(GET "/schemas/{version}", response = serde_json::Value)]
struct RetrieveSchema {
    #[finch(path, display)]
    version: Version,
    #[finch(query, display)]
    since: Option<Version>,
    #[finch(header = "X-Client-Version", display)]
    client: Option<Version>,
    #[finch(header = "X-Kind")]
    kind: Option<finch::hris::BenefitType>,
}

#[test]
fn display_values_are_sent_as_their_text() {
    let request = RetrieveSchema {
        version: Version(2, 1),
        since: Some(Version(1, 0)),
        client: Some(Version(0, 9)),
        kind: Some(finch::hris::BenefitType::S125Medical),
    };
    assert_eq!(
        write(&request, &Credentials::new()).unwrap(),
        written(
            "/schemas/2.1",
            "since=1.0",
            &[("x-client-version", "0.9"), ("x-kind", "s125_medical")],
            None
        )
    );
    let request = RetrieveSchema {
        since: None,
        client: None,
        kind: None,
        ..request
    };
    assert_eq!(
        write(&request, &Credentials::new()).unwrap(),
        written("/schemas/2.1", "", &[], None)
    );
}
