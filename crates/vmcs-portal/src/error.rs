//! Errors of the API, turned into responses in one place: a status and `{"error": "..."}`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("not logged in")]
    Unauthorized,
    #[error("{0}")]
    Forbidden(String),
    #[error("not found")]
    NotFound,
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    Conflict(String),
    #[error("too many failed logins; try again later")]
    TooMany,
    /// The template did not compile (or was refused); carries the diagnostics.
    #[error("{message}")]
    Compile {
        message: String,
        detail: serde_json::Value,
    },
    #[error("{0}")]
    Internal(String),
}

impl From<vmcs_store::StoreError> for ApiError {
    fn from(e: vmcs_store::StoreError) -> ApiError {
        match e {
            vmcs_store::StoreError::Exists { .. } => ApiError::Conflict(e.to_string()),
            vmcs_store::StoreError::Missing { .. } => ApiError::NotFound,
            other => ApiError::Internal(other.to_string()),
        }
    }
}

impl From<vmcs_virt::VirtError> for ApiError {
    fn from(e: vmcs_virt::VirtError) -> ApiError {
        ApiError::Conflict(e.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = match &self {
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Conflict(_) => StatusCode::CONFLICT,
            ApiError::TooMany => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Compile { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        };
        let mut body = serde_json::json!({ "error": self.to_string() });
        if let ApiError::Compile { detail, .. } = self {
            body["detail"] = detail;
        }
        (status, axum::Json(body)).into_response()
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
