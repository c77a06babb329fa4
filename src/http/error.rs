//! The one error type handlers return, and its problem document (RFC 9457).
//!
//! Each variant's status, problem `type` and title sit in one table, [`ApiError::kind`], so
//! the same failure always looks the same to a client. A 500 tells the client nothing
//! internal: its detail travels in a response extension to the logging middleware, which logs
//! it once with the request id (see [`crate::http::middleware::LogInternalErrors`]).

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::store::StoreError;
use crate::store::ingest::InvalidArticle;

/// The media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// An error response body (RFC 9457 problem details).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[schema(example = json!({
    "type": "urn:factline:problem:not-found",
    "title": "Not found",
    "status": 404,
    "detail": "no person with id \"jane-doe\""
}))]
pub struct Problem {
    /// A URI naming the kind of problem; stable, one per kind.
    #[serde(rename = "type")]
    pub kind: String,
    /// A short summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong with this request.
    pub detail: String,
}

/// Every way a request can fail.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A query parameter is unknown or malformed, or the body is not valid JSON.
    #[error("{0}")]
    BadRequest(String),
    /// POST or DELETE without the configured bearer token.
    #[error("this operation needs `Authorization: Bearer <token>` with the server's token")]
    Unauthorized,
    /// No such resource, or no such path.
    #[error("{0}")]
    NotFound(String),
    /// The path exists but not with this method.
    #[error("this path does not support the request method")]
    MethodNotAllowed,
    /// The body is over the limit.
    #[error("the request body is larger than 1 MiB")]
    PayloadTooLarge,
    /// The body is not declared as JSON.
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// JSON that does not fit the schema: a missing field, empty text, an impossible date.
    #[error("{0}")]
    Unprocessable(String),
    /// The store is not loaded or not reachable.
    #[error("{0}")]
    NotReady(String),
    /// The request took longer than the configured timeout.
    #[error("the request took longer than the server's time limit")]
    Timeout,
    /// A bug or a storage failure. The string is logged, never sent.
    #[error("internal error")]
    Internal(String),
}

/// The status, problem type suffix and title of one kind of error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ErrorKind {
    /// HTTP status.
    pub status: StatusCode,
    /// Last part of the problem type URI (`urn:factline:problem:<slug>`).
    pub slug: &'static str,
    /// Problem title.
    pub title: &'static str,
}

const fn kind(status: StatusCode, slug: &'static str, title: &'static str) -> ErrorKind {
    ErrorKind {
        status,
        slug,
        title,
    }
}

/// The detail sent for every 500, whatever the cause.
const INTERNAL_DETAIL: &str =
    "the server failed to answer this request; the cause has been logged with the request id";

/// Carries a 500's cause from the handler to the logging middleware.
#[derive(Clone, Debug)]
pub struct InternalErrorDetail(pub String);

impl ApiError {
    /// The table: status, problem type and title of each variant.
    pub fn kind(&self) -> ErrorKind {
        match self {
            ApiError::BadRequest(_) => kind(StatusCode::BAD_REQUEST, "bad-request", "Bad request"),
            ApiError::Unauthorized => {
                kind(StatusCode::UNAUTHORIZED, "unauthorized", "Unauthorized")
            }
            ApiError::NotFound(_) => kind(StatusCode::NOT_FOUND, "not-found", "Not found"),
            ApiError::MethodNotAllowed => kind(
                StatusCode::METHOD_NOT_ALLOWED,
                "method-not-allowed",
                "Method not allowed",
            ),
            ApiError::PayloadTooLarge => kind(
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload-too-large",
                "Request body too large",
            ),
            ApiError::UnsupportedMediaType(_) => kind(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "Unsupported media type",
            ),
            ApiError::Unprocessable(_) => kind(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid-article",
                "Invalid article",
            ),
            ApiError::NotReady(_) => {
                kind(StatusCode::SERVICE_UNAVAILABLE, "not-ready", "Not ready")
            }
            ApiError::Timeout => kind(
                StatusCode::SERVICE_UNAVAILABLE,
                "timeout",
                "Request timed out",
            ),
            ApiError::Internal(_) => kind(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "Internal server error",
            ),
        }
    }

    /// The problem document sent to the client.
    pub fn problem(&self) -> Problem {
        let k = self.kind();
        let detail = match self {
            ApiError::Internal(_) => INTERNAL_DETAIL.to_string(),
            other => other.to_string(),
        };
        Problem {
            kind: format!("urn:factline:problem:{}", k.slug),
            title: k.title.to_string(),
            status: k.status.as_u16(),
            detail,
        }
    }

    /// The error a bare error status stands for, when a layer (routing, body limit, timeout)
    /// answered without a problem document; None for statuses no variant covers.
    pub fn from_status(status: StatusCode) -> Option<ApiError> {
        Some(match status {
            StatusCode::BAD_REQUEST => ApiError::BadRequest("bad request".into()),
            StatusCode::UNAUTHORIZED => ApiError::Unauthorized,
            StatusCode::NOT_FOUND => ApiError::NotFound("no such resource".into()),
            StatusCode::METHOD_NOT_ALLOWED => ApiError::MethodNotAllowed,
            StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge,
            StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::UnsupportedMediaType(
                "the body must be JSON, sent with `Content-Type: application/json`".into(),
            ),
            StatusCode::UNPROCESSABLE_ENTITY => ApiError::Unprocessable("invalid body".into()),
            StatusCode::SERVICE_UNAVAILABLE | StatusCode::REQUEST_TIMEOUT => ApiError::Timeout,
            StatusCode::INTERNAL_SERVER_ERROR => {
                ApiError::Internal("a layer answered 500 without detail".into())
            }
            _ => return None,
        })
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let problem = self.problem();
        let status = self.kind().status;
        let mut response = (status, Json(problem)).into_response();
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        match self {
            ApiError::Unauthorized => {
                response.headers_mut().insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static("Bearer realm=\"factline\""),
                );
            }
            ApiError::Internal(detail) => {
                response
                    .extensions_mut()
                    .insert(InternalErrorDetail(detail));
            }
            _ => {}
        }
        response
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound { .. } => ApiError::NotFound(e.to_string()),
            StoreError::NotReady(_) => ApiError::NotReady(e.to_string()),
            StoreError::Storage(_) => ApiError::Internal(e.to_string()),
        }
    }
}

impl From<InvalidArticle> for ApiError {
    fn from(e: InvalidArticle) -> Self {
        ApiError::Unprocessable(e.to_string())
    }
}

#[cfg(test)]
#[expect(
    clippy::unwrap_used,
    reason = "a test should fail loudly on an unexpected error"
)]
mod tests {
    use super::*;

    #[test]
    fn every_variant_has_its_own_type_and_a_matching_status() {
        let all = [
            ApiError::BadRequest(String::new()),
            ApiError::Unauthorized,
            ApiError::NotFound(String::new()),
            ApiError::MethodNotAllowed,
            ApiError::PayloadTooLarge,
            ApiError::UnsupportedMediaType(String::new()),
            ApiError::Unprocessable(String::new()),
            ApiError::NotReady(String::new()),
            ApiError::Timeout,
            ApiError::Internal(String::new()),
        ];
        let mut slugs: Vec<_> = all.iter().map(|e| e.kind().slug).collect();
        slugs.sort_unstable();
        slugs.dedup();
        assert_eq!(slugs.len(), all.len());
        for e in &all {
            assert_eq!(e.problem().status, e.kind().status.as_u16());
        }
    }

    #[test]
    fn internal_detail_is_not_sent() {
        let e = ApiError::Internal("disk /secret/path failed".into());
        assert!(!e.problem().detail.contains("secret"));
        let response = e.into_response();
        assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let detail = response.extensions().get::<InternalErrorDetail>().unwrap();
        assert!(detail.0.contains("secret"));
    }
}
