//! What each endpoint does once routing, the version header, authentication and the
//! connection checks have passed. One module per group of resources; the helpers here read
//! query parameters and borrow the caller's connection.

pub(crate) mod benefits;
pub(crate) mod documents;
pub(crate) mod jobs;
pub(crate) mod organization;
pub(crate) mod payroll;
pub(crate) mod plans;
pub(crate) mod platform;
pub(crate) mod sandbox;

use http::StatusCode;

use super::fixture::Company;
use super::reply::Reply;
use super::state::{Config, Parts, State, Token};

/// Most items a batch accepts, and the largest directory page.
pub(crate) const MAX_BATCH: usize = 10_000;

/// What a handler gets besides the state.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Call<'a> {
    pub(crate) config: &'a Config,
    /// The query string's pairs, decoded.
    pub(crate) query: &'a [(String, String)],
    pub(crate) body: &'a [u8],
    /// The access token, on routes that take one (and got one).
    pub(crate) token: Option<Token>,
}

impl Call<'_> {
    /// The caller's connection (Bearer routes always have one).
    pub(crate) fn connection(&self) -> Result<usize, Reply> {
        self.token
            .map(|token| token.connection)
            .ok_or_else(|| internal("this route needs the caller's access token"))
    }
}

/// A 500 for a state the stand-in should never reach; better than a panic.
pub(crate) fn internal(message: &str) -> Reply {
    Reply::error(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal_server_error",
        "internal_error",
        &format!("the Finch stand-in failed: {message}"),
    )
}

/// The caller's company.
pub(crate) fn company<'a>(state: &'a State, call: &Call<'_>) -> Result<&'a Company, Reply> {
    let connection = call.connection()?;
    state
        .company_of(connection)
        .ok_or_else(|| internal("the connection has no company"))
}

/// The caller's connection, its company and the id generator.
pub(crate) fn parts<'a>(state: &'a mut State, call: &Call<'_>) -> Result<Parts<'a>, Reply> {
    let connection = call.connection()?;
    state
        .parts(connection)
        .ok_or_else(|| internal("the connection has no company"))
}

/// An integer query parameter read as a count (the first one, if repeated). The spec types
/// `limit` and `offset` as any integer, so a negative one reads as 0 (an empty page, the first
/// page); digits too large for `usize` read as `usize::MAX`. Anything but an integer is an error.
pub(crate) fn number(query: &[(String, String)], name: &str) -> Result<Option<usize>, Reply> {
    let Some((_, text)) = query.iter().find(|(key, _)| key == name) else {
        return Ok(None);
    };
    let (negative, digits) = match text.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    if !digits.is_empty() && digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return Ok(Some(if negative {
            0
        } else {
            digits.parse().unwrap_or(usize::MAX)
        }));
    }
    Err(Reply::invalid(&format!(
        "`{name}` must be an integer, got `{text}`"
    )))
}

/// The first value of a query parameter.
pub(crate) fn single<'a>(query: &'a [(String, String)], name: &str) -> Option<&'a str> {
    query
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

/// Every value of an array query parameter, in any of the forms clients send: repeated
/// brackets (`types[]=a&types[]=b`), repeated plain names, or one comma-separated value.
pub(crate) fn values<'a>(query: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    query
        .iter()
        .filter(|(key, _)| {
            key.strip_prefix(name)
                .is_some_and(|rest| rest.is_empty() || rest == "[]")
        })
        .flat_map(|(_, value)| value.split(','))
        .map(str::trim)
        .filter(|value| !value.is_empty())
        .collect()
}

/// Checks each value against the allowed ones.
pub(crate) fn check_values(name: &str, given: &[&str], allowed: &[&str]) -> Result<(), Reply> {
    match given.iter().find(|value| !allowed.contains(value)) {
        Some(bad) => Err(Reply::invalid(&format!(
            "`{name}` has an unknown value `{bad}`; expected one of {}",
            allowed.join(", ")
        ))),
        None => Ok(()),
    }
}

/// The `offset` and `limit` of a listing request (`limit` defaults to `default`; `0` or less,
/// which the spec allows, asks for an empty page; an offset below 0 reads as 0), with the
/// paging rules the SDK's pager relies on (`finch_core::paging`): every page is the one asked
/// for (it starts at `offset` and reports it), a limit above `max` is an error when `strict`
/// and otherwise served as pages of `max` (the SDK declares the same maximum, so those pages
/// count as full), and a listing whose replies carry no total must not be capped at all
/// (`max = usize::MAX`).
pub(crate) fn paging(
    query: &[(String, String)],
    default: usize,
    max: usize,
    strict: bool,
) -> Result<(usize, usize), Reply> {
    let limit = match number(query, "limit")? {
        None => default,
        Some(limit) if limit > max && strict => {
            return Err(Reply::unprocessable(
                "page_size_limit_exceeded",
                &format!(
                    "Page size exceeds the maximum of {max} items. Please reduce the limit parameter."
                ),
            ));
        }
        Some(limit) => limit.min(max),
    };
    let offset = number(query, "offset")?.unwrap_or(0);
    Ok((offset, limit))
}

/// A page of `items`.
pub(crate) fn page<T>(items: impl IntoIterator<Item = T>, offset: usize, limit: usize) -> Vec<T> {
    items.into_iter().skip(offset).take(limit).collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::fixture::tests::company;
    use crate::state::Shared;
    use serde_json::Value;

    pub(crate) fn shared(employees: usize) -> Shared {
        Shared::new(Config::for_tests(), company(employees, 5), 5)
    }

    pub(crate) fn body(reply: &Reply) -> Value {
        serde_json::from_slice(&reply.body).unwrap()
    }

    pub(crate) fn query(text: &str) -> Vec<(String, String)> {
        crate::url::query_pairs(text)
    }

    /// A call of the first connection with a body and a query.
    pub(crate) fn call<'a>(
        config: &'a Config,
        query: &'a [(String, String)],
        body: &'a [u8],
    ) -> Call<'a> {
        Call {
            config,
            query,
            body,
            token: Some(Token {
                connection: 0,
                id: crate::ids::Uuid(1),
            }),
        }
    }

    #[test]
    fn array_parameters_in_every_form() {
        let q = query("types[]=a&types[]=b&types=c,d&typesx=e&other=f");
        assert_eq!(values(&q, "types"), ["a", "b", "c", "d"]);
        assert!(check_values("types", &values(&q, "types"), &["a", "b", "c", "d"]).is_ok());
        assert_eq!(
            check_values("types", &["a", "z"], &["a"])
                .unwrap_err()
                .status,
            StatusCode::BAD_REQUEST
        );
    }

    #[test]
    fn paging_defaults_and_limits() {
        assert_eq!(paging(&query(""), 100, 10_000, true).unwrap(), (0, 100));
        assert_eq!(
            paging(&query("offset=5&limit=7"), 100, 10_000, true).unwrap(),
            (5, 7)
        );
        assert_eq!(paging(&query("limit=80"), 50, 50, false).unwrap(), (0, 50));
        assert_eq!(
            paging(&query("limit=80"), 50, 50, true).unwrap_err().status,
            StatusCode::UNPROCESSABLE_ENTITY
        );
        // The spec sets no minimum: `limit=0` is an empty page.
        assert_eq!(paging(&query("limit=0"), 100, 100, true).unwrap(), (0, 0));
        assert!(page(0..10, 0, 0).is_empty());
        // Nor for `limit` and `offset`: below 0 reads as 0.
        assert_eq!(paging(&query("limit=-1"), 100, 100, true).unwrap(), (0, 0));
        assert_eq!(
            paging(
                &query("limit=-9999999999999999999999&offset=-3"),
                100,
                100,
                true
            )
            .unwrap(),
            (0, 0)
        );
        assert_eq!(
            paging(&query("offset=%2B7"), 100, 100, true).unwrap(),
            (7, 100)
        );
        for bad in [
            "limit=abc",
            "offset=1.5",
            "limit=",
            "limit=-",
            "offset=--1",
            "limit=1e3",
        ] {
            assert_eq!(
                paging(&query(bad), 100, 100, true).unwrap_err().status,
                StatusCode::BAD_REQUEST,
                "{bad}"
            );
        }
    }
}
