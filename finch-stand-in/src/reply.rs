//! Replies: a status, a JSON body, and Finch's error body for failures.

use bytes::Bytes;
use http::StatusCode;
use serde::Serialize;
use serde_json::Value;

/// What a route handler answers. The server adds `Content-Type`, `Finch-Request-ID` and, for a
/// 405, `Allow`.
#[derive(Debug, Clone)]
pub(crate) struct Reply {
    pub(crate) status: StatusCode,
    pub(crate) body: Bytes,
    /// The methods to list in `Allow` (405 only).
    pub(crate) allow: Option<&'static str>,
    /// `Retry-After`, in seconds.
    pub(crate) retry_after: Option<u64>,
}

/// Finch's error body: `{"code", "name", "finch_code", "message"}` (plus `context` where the
/// spec has one).
#[derive(Debug, Serialize)]
pub(crate) struct ErrorBody<'a> {
    pub(crate) code: u16,
    pub(crate) name: &'a str,
    pub(crate) finch_code: &'a str,
    pub(crate) message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) context: Option<Value>,
}

impl Reply {
    /// `value` as JSON with `status`. Encoding cannot really fail for the stand-in's own types,
    /// but if it did the client gets a 500 rather than a panic.
    pub(crate) fn json(status: StatusCode, value: &impl Serialize) -> Self {
        match serde_json::to_vec(value) {
            Ok(body) => Self {
                status,
                body: Bytes::from(body),
                allow: None,
                retry_after: None,
            },
            Err(error) => Self::error(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal_server_error",
                "internal_error",
                &format!("the Finch stand-in could not encode its reply: {error}"),
            ),
        }
    }

    /// Finch's error body with `code` equal to the status.
    pub(crate) fn error(status: StatusCode, name: &str, finch_code: &str, message: &str) -> Self {
        Self::error_with_context(status, name, finch_code, message, None)
    }

    pub(crate) fn error_with_context(
        status: StatusCode,
        name: &str,
        finch_code: &str,
        message: &str,
        context: Option<Value>,
    ) -> Self {
        let body = ErrorBody {
            code: status.as_u16(),
            name,
            finch_code,
            message,
            context,
        };
        let bytes = serde_json::to_vec(&body).unwrap_or_else(|_| {
            br#"{"code":500,"name":"internal_server_error","finch_code":"internal_error","message":"error body could not be encoded"}"#
                .to_vec()
        });
        Self {
            status,
            body: Bytes::from(bytes),
            allow: None,
            retry_after: None,
        }
    }

    /// Finch's `ErrorResponse` shape, `{"statusCode", "status", "code", "name", "message"}`, which
    /// the jobs and disconnect-entity endpoints answer with.
    pub(crate) fn error_response(status: StatusCode, name: &str, message: &str) -> Self {
        Self::json(
            status,
            &serde_json::json!({
                "statusCode": status.as_u16(),
                "status": status.as_u16(),
                "code": status.as_u16(),
                "name": name,
                "message": message,
            }),
        )
    }

    /// This reply in the `ErrorResponse` shape, for the routes that document their errors in it,
    /// when it is an error of [`Reply::error`]'s shape (`finch_code` and all); any other reply
    /// (a success, a body the route already shapes itself) is kept as it is.
    pub(crate) fn into_error_response(self) -> Self {
        let body: Value = serde_json::from_slice(&self.body).unwrap_or(Value::Null);
        if body.get("finch_code").is_none() {
            return self;
        }
        let text = |member: &str| body[member].as_str().unwrap_or_default().to_owned();
        Self {
            retry_after: self.retry_after,
            ..Self::error_response(self.status, &text("name"), &text("message"))
        }
    }

    /// 400 `bad_request` / `invalid_request`.
    pub(crate) fn bad_request(message: &str) -> Self {
        Self::error(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "invalid_request",
            message,
        )
    }

    /// 400 `invalid_request_error` / `invalid_request`: a well-formed request with invalid
    /// content (the spec's validation-error examples use this name).
    pub(crate) fn invalid(message: &str) -> Self {
        Self::error(
            StatusCode::BAD_REQUEST,
            "invalid_request_error",
            "invalid_request",
            message,
        )
    }

    /// 401 `unauthorized_request_error`.
    pub(crate) fn unauthorized(finch_code: &str, message: &str) -> Self {
        Self::error(
            StatusCode::UNAUTHORIZED,
            "unauthorized_request_error",
            finch_code,
            message,
        )
    }

    /// 404 `not_found_error`.
    pub(crate) fn not_found(finch_code: &str, message: &str) -> Self {
        Self::error(
            StatusCode::NOT_FOUND,
            "not_found_error",
            finch_code,
            message,
        )
    }

    /// 422 `unprocessable_entity_error`.
    pub(crate) fn unprocessable(finch_code: &str, message: &str) -> Self {
        Self::error(
            StatusCode::UNPROCESSABLE_ENTITY,
            "unprocessable_entity_error",
            finch_code,
            message,
        )
    }

    /// 405 with an `Allow` header.
    pub(crate) fn method_not_allowed(allow: &'static str, message: &str) -> Self {
        let mut reply = Self::error(
            StatusCode::METHOD_NOT_ALLOWED,
            "method_not_allowed_error",
            "method_not_allowed",
            message,
        );
        reply.allow = Some(allow);
        reply
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_body_has_the_four_fields() {
        let reply = Reply::not_found("benefit_not_found", "Benefit not found");
        assert_eq!(reply.status, StatusCode::NOT_FOUND);
        let body: Value = serde_json::from_slice(&reply.body).unwrap();
        assert_eq!(
            body,
            serde_json::json!({"code": 404, "name": "not_found_error", "finch_code": "benefit_not_found", "message": "Benefit not found"})
        );
    }

    #[test]
    fn context_is_included_when_given() {
        let reply = Reply::error_with_context(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "invalid_request",
            "m",
            Some(serde_json::json!({"customer_id": "c"})),
        );
        let body: Value = serde_json::from_slice(&reply.body).unwrap();
        assert_eq!(body["context"]["customer_id"], "c");
    }

    #[test]
    fn method_not_allowed_sets_allow() {
        let reply = Reply::method_not_allowed("GET", "nope");
        assert_eq!(reply.status, StatusCode::METHOD_NOT_ALLOWED);
        assert_eq!(reply.allow, Some("GET"));
    }
}
