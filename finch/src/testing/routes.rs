//! Routing and the checks every request goes through: the version header, the route, the
//! authentication the spec's `security` names for it, and `entity_ids`.

use http::{HeaderMap, Method};

use super::auth::{self, Credentials};
use super::endpoints;
use super::ids::Uuid;
use super::recorded::RecordedRequest;
use super::reply::Reply;
use super::state::{Config, State};
use super::url;

/// The only `Finch-API-Version` there is.
pub(crate) const API_VERSION: &str = "2020-09-17";

/// The routes the stand-in serves, for error messages.
const SERVED: &str = "POST /auth/token, POST /connect/sessions, GET /employer/company, \
GET /employer/directory, POST /employer/individual, GET /employer/benefits, \
GET /employer/benefits/{benefit_id}, GET /employer/benefits/{benefit_id}/enrolled, \
DELETE /employer/benefits/{benefit_id}/individuals, POST /sandbox/directory";

#[derive(Debug, PartialEq, Eq)]
enum Route<'a> {
    AccessToken,
    ConnectSession,
    Company,
    Directory,
    Individual,
    Benefits,
    Benefit(&'a str),
    Enrolled(&'a str),
    Unenroll(&'a str),
    SandboxDirectory,
}

/// The `security` of each operation in the spec.
#[derive(Debug, PartialEq, Eq)]
enum Security {
    /// `security: []`; the stand-in also insists that no `Authorization` is sent.
    None,
    Bearer,
    Basic,
}

impl Route<'_> {
    fn security(&self) -> Security {
        match self {
            Route::AccessToken => Security::None,
            Route::ConnectSession => Security::Basic,
            _ => Security::Bearer,
        }
    }

    /// `/employer/*` routes take the `entity_ids` query parameter.
    fn takes_entity_ids(&self) -> bool {
        !matches!(
            self,
            Route::AccessToken | Route::ConnectSession | Route::SandboxDirectory
        )
    }
}

/// Matches decoded path segments and the method.
fn resolve<'a>(method: &Method, segments: &'a [String]) -> Result<Route<'a>, Reply> {
    let parts: Vec<&str> = segments.iter().map(String::as_str).collect();
    let (allowed, route) = match parts.as_slice() {
        ["auth", "token"] => ("POST", Route::AccessToken),
        ["connect", "sessions"] => ("POST", Route::ConnectSession),
        ["employer", "company"] => ("GET", Route::Company),
        ["employer", "directory"] => ("GET", Route::Directory),
        ["employer", "individual"] => ("POST", Route::Individual),
        ["employer", "benefits"] => ("GET", Route::Benefits),
        ["employer", "benefits", "meta" | "register"] => return Err(not_served(method, segments)),
        ["employer", "benefits", id] => ("GET", Route::Benefit(id)),
        ["employer", "benefits", id, "enrolled"] => ("GET", Route::Enrolled(id)),
        ["employer", "benefits", id, "individuals"] => ("DELETE", Route::Unenroll(id)),
        ["sandbox", "directory"] => ("POST", Route::SandboxDirectory),
        _ => return Err(not_served(method, segments)),
    };
    if method.as_str() == allowed {
        Ok(route)
    } else {
        Err(Reply::method_not_allowed(
            allowed,
            &format!(
                "the Finch stand-in serves only {allowed} on /{}, not {method}",
                segments.join("/")
            ),
        ))
    }
}

fn not_served(method: &Method, segments: &[String]) -> Reply {
    Reply::not_found(
        "route_not_found",
        &format!(
            "no route for {method} /{} in the Finch stand-in; it serves {SERVED}",
            segments.join("/")
        ),
    )
}

fn check_version(headers: &HeaderMap) -> Result<(), Reply> {
    match headers
        .get("finch-api-version")
        .map(|value| value.to_str().map(str::trim))
    {
        None => Err(Reply::bad_request(&format!(
            "missing the Finch-API-Version header; every request must send `Finch-API-Version: {API_VERSION}`"
        ))),
        Some(Ok(API_VERSION)) => Ok(()),
        Some(Ok(other)) => Err(Reply::bad_request(&format!(
            "unsupported Finch-API-Version `{other}`; the only version is `{API_VERSION}`"
        ))),
        Some(Err(_)) => Err(Reply::bad_request(&format!(
            "the Finch-API-Version header is not readable text; send `Finch-API-Version: {API_VERSION}`"
        ))),
    }
}

fn authenticate(
    security: &Security,
    config: &Config,
    state: &State,
    headers: &HeaderMap,
) -> Result<(), Reply> {
    let credentials = auth::credentials(headers);
    match security {
        Security::None => match credentials {
            Credentials::Missing => Ok(()),
            _ => Err(Reply::bad_request(
                "POST /auth/token expects no Authorization header (the client credentials go in the \
                 JSON body), but the request carried one",
            )),
        },
        Security::Bearer => {
            let problem = match credentials {
                Credentials::Bearer(token) if state.token_is_valid(&token) => return Ok(()),
                Credentials::Bearer(_) => {
                    "the access token was not issued by this stand-in".to_owned()
                }
                Credentials::Missing => "missing Authorization header".to_owned(),
                Credentials::Basic { .. } => "got Basic credentials".to_owned(),
                Credentials::Unreadable(why) => why,
            };
            Err(Reply::unauthorized(
                "invalid_token",
                &format!("{problem}; this endpoint expects `Authorization: Bearer <access token>`"),
            ))
        }
        Security::Basic => {
            let problem = match credentials {
                Credentials::Basic { id, secret }
                    if id == config.client_id && secret == config.client_secret =>
                {
                    return Ok(());
                }
                Credentials::Basic { .. } => {
                    "Invalid client: Unable to validate credentials".to_owned()
                }
                Credentials::Missing => "missing Authorization header".to_owned(),
                Credentials::Bearer(_) => "got a Bearer token".to_owned(),
                Credentials::Unreadable(why) => why,
            };
            Err(Reply::unauthorized(
                "invalid_client",
                &format!(
                    "{problem}; this endpoint expects `Authorization: Basic base64(client_id:client_secret)`"
                ),
            ))
        }
    }
}

/// `entity_ids[]=<id>` (the SDKs' bracket form) or `entity_ids=<id>` (the spec's form): at most
/// one, and it must be the company's entity.
fn check_entity_ids(state: &State, query: &[(String, String)]) -> Result<(), Reply> {
    let given: Vec<&str> = query
        .iter()
        .filter(|(name, _)| name == "entity_ids[]" || name == "entity_ids")
        .map(|(_, value)| value.as_str())
        .collect();
    let entity_id = state.company.entity_id;
    match given.as_slice() {
        [] => Ok(()),
        [one] if Uuid::parse(one) == Some(entity_id) => Ok(()),
        [one] => Err(Reply::invalid(&format!(
            "entity `{one}` is not an entity of this connection; the only entity is `{entity_id}`"
        ))),
        _ => Err(Reply::invalid(&format!(
            "{} entity_ids given; provide exactly one entity ID per request, a maximum of one is accepted",
            given.len()
        ))),
    }
}

/// Answers one request. Never panics, whatever the request holds.
pub(crate) fn dispatch(config: &Config, state: &mut State, request: &RecordedRequest) -> Reply {
    if let Err(reply) = check_version(&request.headers) {
        return reply;
    }
    let segments = url::path_segments(&request.path);
    let route = match resolve(&request.method, &segments) {
        Ok(route) => route,
        Err(reply) => return reply,
    };
    if let Err(reply) = authenticate(&route.security(), config, state, &request.headers) {
        return reply;
    }
    let query = url::query_pairs(request.query.as_deref().unwrap_or(""));
    if route.takes_entity_ids()
        && let Err(reply) = check_entity_ids(state, &query)
    {
        return reply;
    }
    let body = &request.body;
    match route {
        Route::AccessToken => endpoints::create_access_token(config, state, body),
        Route::ConnectSession => endpoints::create_connect_session(state, body),
        Route::Company => endpoints::company(state),
        Route::Directory => endpoints::directory(state, &query),
        Route::Individual => endpoints::individuals(state, body),
        Route::Benefits => endpoints::list_benefits(state),
        Route::Benefit(id) => endpoints::get_benefit(state, id),
        Route::Enrolled(id) => endpoints::enrolled(state, id),
        Route::Unenroll(id) => endpoints::unenroll(state, id, body),
        Route::SandboxDirectory => endpoints::sandbox_directory(state, body),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::fixture::Company;
    use crate::testing::state::Shared;
    use bytes::Bytes;
    use http::{HeaderValue, StatusCode};
    use serde_json::Value;

    fn shared() -> Shared {
        let config = Config {
            client_id: "id".to_owned(),
            client_secret: "secret".to_owned(),
        };
        Shared::new(config, Company::generate(20, 1), 1)
    }

    fn request(
        method: Method,
        target: &str,
        headers: &[(&'static str, &str)],
        body: &str,
    ) -> RecordedRequest {
        let (path, query) = match target.split_once('?') {
            Some((path, query)) => (path.to_owned(), Some(query.to_owned())),
            None => (target.to_owned(), None),
        };
        let mut map = HeaderMap::new();
        for (name, value) in headers {
            map.append(*name, HeaderValue::from_str(value).unwrap());
        }
        RecordedRequest {
            method,
            path,
            query,
            headers: map,
            body: Bytes::from(body.to_owned()),
        }
    }

    fn run(shared: &Shared, request: &RecordedRequest) -> (StatusCode, Value) {
        let mut state = shared.lock();
        let reply = dispatch(&shared.config, &mut state, request);
        (reply.status, serde_json::from_slice(&reply.body).unwrap())
    }

    #[test]
    fn version_is_checked_first() {
        let shared = shared();
        let (status, body) = run(&shared, &request(Method::GET, "/nowhere", &[], ""));
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(
            body["message"]
                .as_str()
                .unwrap()
                .contains("Finch-API-Version")
        );
        let (status, body) = run(
            &shared,
            &request(
                Method::GET,
                "/employer/company",
                &[("finch-api-version", "2021-01-01")],
                "",
            ),
        );
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(body["message"].as_str().unwrap().contains("2021-01-01"));
    }

    #[test]
    fn unknown_routes_and_wrong_methods() {
        let shared = shared();
        let v = [("finch-api-version", API_VERSION)];
        let (status, body) = run(
            &shared,
            &request(Method::GET, "/employer/employment", &v, ""),
        );
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(body["name"], "not_found_error");
        let (status, _) = run(
            &shared,
            &request(Method::GET, "/employer/benefits/meta", &v, ""),
        );
        assert_eq!(status, StatusCode::NOT_FOUND);
        let (status, body) = run(&shared, &request(Method::POST, "/employer/company", &v, ""));
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
        assert!(body["message"].as_str().unwrap().contains("only GET"));
        let mut state = shared.lock();
        let reply = dispatch(
            &shared.config,
            &mut state,
            &request(Method::PUT, "/auth/token", &v, ""),
        );
        assert_eq!(reply.allow, Some("POST"));
    }

    #[test]
    fn bearer_basic_and_none() {
        let shared = shared();
        let token = shared.lock().issue_token();
        let bearer = format!("Bearer {token}");
        let v = ("finch-api-version", API_VERSION);
        let company = |auth: Option<&str>| {
            let mut headers = vec![v];
            if let Some(auth) = auth {
                headers.push(("authorization", auth));
            }
            run(
                &shared,
                &request(Method::GET, "/employer/company", &headers, ""),
            )
            .0
        };
        assert_eq!(company(Some(&bearer)), StatusCode::OK);
        assert_eq!(company(None), StatusCode::UNAUTHORIZED);
        assert_eq!(company(Some("Bearer made-up")), StatusCode::UNAUTHORIZED);
        assert_eq!(
            company(Some("Basic aWQ6c2VjcmV0")),
            StatusCode::UNAUTHORIZED
        );

        let session = r#"{"customer_id": "c", "customer_name": "n", "products": ["company"]}"#;
        let connect = |auth: &str| {
            run(
                &shared,
                &request(
                    Method::POST,
                    "/connect/sessions",
                    &[v, ("authorization", auth)],
                    session,
                ),
            )
        };
        // base64("id:secret") = aWQ6c2VjcmV0, base64("id:nope") = aWQ6bm9wZQ==
        assert_eq!(connect("Basic aWQ6c2VjcmV0").0, StatusCode::CREATED);
        let (status, body) = connect("Basic aWQ6bm9wZQ==");
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(body["finch_code"], "invalid_client");
        assert_eq!(connect(&bearer).0, StatusCode::UNAUTHORIZED);

        let token_body = r#"{"client_id": "id", "client_secret": "secret", "code": "c"}"#;
        let (status, body) = run(
            &shared,
            &request(
                Method::POST,
                "/auth/token",
                &[v, ("authorization", &bearer)],
                token_body,
            ),
        );
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(
            body["message"]
                .as_str()
                .unwrap()
                .contains("expects no Authorization")
        );
    }

    #[test]
    fn entity_ids_in_both_forms() {
        let shared = shared();
        let token = shared.lock().issue_token();
        let entity = shared.lock().company.entity_id.to_string();
        let bearer = format!("Bearer {token}");
        let headers = [
            ("finch-api-version", API_VERSION),
            ("authorization", bearer.as_str()),
        ];
        let status = |query: &str| {
            run(
                &shared,
                &request(
                    Method::GET,
                    &format!("/employer/company?{query}"),
                    &headers,
                    "",
                ),
            )
            .0
        };
        assert_eq!(
            status(&format!("entity_ids%5B%5D={entity}")),
            StatusCode::OK
        );
        assert_eq!(status(&format!("entity_ids[]={entity}")), StatusCode::OK);
        assert_eq!(
            status(&format!("entity_ids={}", entity.to_uppercase())),
            StatusCode::OK
        );
        assert_eq!(
            status("entity_ids[]=550e8400-e29b-41d4-a716-446655440000"),
            StatusCode::BAD_REQUEST
        );
        assert_eq!(
            status(&format!("entity_ids[]={entity}&entity_ids[]={entity}")),
            StatusCode::BAD_REQUEST
        );
    }

    #[test]
    fn encoded_path_segments_are_decoded_before_lookup() {
        let shared = shared();
        let token = shared.lock().issue_token();
        let bearer = format!("Bearer {token}");
        let headers = [
            ("finch-api-version", API_VERSION),
            ("authorization", bearer.as_str()),
        ];
        let (status, body) = run(
            &shared,
            &request(Method::GET, "/employer/benefits/..%2Fx", &headers, ""),
        );
        assert_eq!(status, StatusCode::NOT_FOUND);
        assert_eq!(body["finch_code"], "benefit_not_found");
        let id = shared.lock().company.benefits[1].id.to_string();
        let encoded = id.replace('-', "%2d");
        let (status, body) = run(
            &shared,
            &request(
                Method::GET,
                &format!("/employer/benefits/{encoded}"),
                &headers,
                "",
            ),
        );
        assert_eq!(status, StatusCode::OK);
        assert_eq!(body["benefit_id"], id);
    }
}
