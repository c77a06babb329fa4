//! `/v1/quotes`: direct and reported speech.

use axum::Json;
use axum::extract::{Path, State};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::app::AppState;
use crate::http::error::{ApiError, Problem};
use crate::http::extract::ApiQuery;
use crate::http::page::{Paginated, page};
use crate::model::{Quote, QuoteKind};
use crate::store::QuoteFilter;

/// Filters of `GET /v1/quotes`; all given filters must hold.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct QuotesQuery {
    /// Only quotes from this article (an article id).
    pub article: Option<String>,
    /// Only quotes by this person (a person id).
    pub speaker: Option<String>,
    /// `direct` or `reported`.
    pub kind: Option<QuoteKind>,
    /// Words that must all occur in the quoted text (case-insensitive).
    pub q: Option<String>,
    /// Items per page, 1 to 500.
    #[param(minimum = 1, maximum = 500, default = 50)]
    pub limit: Option<i64>,
    /// Matching items to skip.
    #[param(minimum = 0, default = 0)]
    pub offset: Option<i64>,
}

/// Quotes, in article order (newest article first), then text order.
#[utoipa::path(
    get,
    path = "/v1/quotes",
    tag = "quotes",
    params(QuotesQuery),
    responses(
        (status = 200, description = "A page of quotes", body = Paginated<Quote>),
        (status = 304, description = "Not modified"),
        (status = 400, description = "Unknown or malformed query parameter (including an unknown `kind`)", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_quotes(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<QuotesQuery>,
) -> Result<Json<Paginated<Quote>>, ApiError> {
    let page = page(query.limit, query.offset)?;
    let filter = QuoteFilter {
        article: query.article,
        speaker: query.speaker,
        kind: query.kind,
        q: query.q,
    };
    let listing = state.store.list_quotes(&filter, page).await?;
    Ok(Json(Paginated::new(listing, page)))
}

/// One quote.
#[utoipa::path(
    get,
    path = "/v1/quotes/{id}",
    tag = "quotes",
    params(("id" = String, Path, description = "Quote id")),
    responses(
        (status = 200, description = "The quote", body = Quote),
        (status = 304, description = "Not modified"),
        (status = 404, description = "No such quote", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_quote(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Quote>, ApiError> {
    Ok(Json(state.store.get_quote(&id).await?))
}
