//! `/v1/articles`: list, ingest, read and delete articles.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::app::AppState;
use crate::http::error::{ApiError, Problem};
use crate::http::extract::{ApiJson, ApiQuery};
use crate::http::page::{PageQuery, Paginated};
use crate::store::Article;
use crate::store::ingest::{ArticleInput, IngestError, ingest_limited};

/// Articles, newest first (by publication date, then id). Lists omit the text.
#[utoipa::path(
    get,
    path = "/v1/articles",
    tag = "articles",
    params(PageQuery),
    responses(
        (status = 200, description = "A page of articles", body = Paginated<Article>),
        (status = 304, description = "Not modified (If-None-Match matched the ETag)"),
        (status = 400, description = "Unknown or malformed query parameter", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_articles(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<Json<Paginated<Article>>, ApiError> {
    let page = query.page()?;
    let listing = state.store.list_articles(page).await?;
    Ok(Json(Paginated::new(listing, page)))
}

/// Ingests an article: checks it, extracts its facts and stores it. The same text and date
/// posted again answers 200 with the article already stored.
#[utoipa::path(
    post,
    path = "/v1/articles",
    tag = "articles",
    request_body(content = ArticleInput, content_type = "application/json", description = "The article"),
    // Optional: the token is needed only when the server is started with one.
    security((), ("bearer" = [])),
    responses(
        (status = 201, description = "Stored; `Location` names it", body = Article,
            headers(("Location" = String, description = "Path of the new article"))),
        (status = 200, description = "The same text and date were already stored: that article", body = Article),
        (status = 400, description = "The body is not valid JSON", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Missing or wrong bearer token (when the server has one)", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body larger than 1 MiB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Body not sent as application/json", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Missing field, blank text, impossible date or unknown time zone", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn create_article(
    State(state): State<AppState>,
    ApiJson(input): ApiJson<ArticleInput>,
) -> Result<Response, ApiError> {
    let inserted = ingest_limited(state.store.as_ref(), input, Some(&state.extractions))
        .await
        .map_err(|e| match e {
            IngestError::Invalid(invalid) => ApiError::from(invalid),
            IngestError::Store(store) => ApiError::from(store),
            extractor @ IngestError::Extractor { .. } => ApiError::Internal(extractor.to_string()),
        })?;
    if !inserted.created {
        return Ok((StatusCode::OK, Json(inserted.article)).into_response());
    }
    let location = format!("/v1/articles/{}", inserted.article.id);
    let mut response = (StatusCode::CREATED, Json(inserted.article)).into_response();
    let value = HeaderValue::from_str(&location)
        .map_err(|e| ApiError::Internal(format!("article id not a header value: {e}")))?;
    response.headers_mut().insert(header::LOCATION, value);
    Ok(response)
}

/// One article, with its text.
#[utoipa::path(
    get,
    path = "/v1/articles/{id}",
    tag = "articles",
    params(("id" = String, Path, description = "Article id")),
    responses(
        (status = 200, description = "The article", body = Article),
        (status = 304, description = "Not modified"),
        (status = 404, description = "No such article", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_article(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Article>, ApiError> {
    Ok(Json(state.store.get_article(&id).await?))
}

/// Removes an article and every fact drawn from it; people mentioned only there disappear.
#[utoipa::path(
    delete,
    path = "/v1/articles/{id}",
    tag = "articles",
    params(("id" = String, Path, description = "Article id")),
    // Optional: the token is needed only when the server is started with one.
    security((), ("bearer" = [])),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "Missing or wrong bearer token (when the server has one)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such article", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn delete_article(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    state.store.delete_article(&id).await?;
    Ok(StatusCode::NO_CONTENT)
}
