//! `/v1/people`: people merged across articles, and each person's quotes and events.

use axum::Json;
use axum::extract::{Path, State};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::app::AppState;
use crate::http::error::{ApiError, Problem};
use crate::http::extract::ApiQuery;
use crate::http::page::{PageQuery, Paginated, page};
use crate::model::{Event, Person, Quote};
use crate::store::{EventFilter, PersonFilter, QuoteFilter};

/// Filters of `GET /v1/people`; all given filters must hold.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct PeopleQuery {
    /// Only people mentioned in this article (an article id).
    pub article: Option<String>,
    /// Case-insensitive substring of the name or of an alias.
    pub q: Option<String>,
    /// Case-insensitive substring of one of the roles.
    pub role: Option<String>,
    /// Items per page, 1 to 500.
    #[param(minimum = 1, maximum = 500, default = 50)]
    pub limit: Option<i64>,
    /// Matching items to skip.
    #[param(minimum = 0, default = 0)]
    pub offset: Option<i64>,
}

/// People, most mentioned first.
#[utoipa::path(
    get,
    path = "/v1/people",
    tag = "people",
    params(PeopleQuery),
    responses(
        (status = 200, description = "A page of people", body = Paginated<Person>),
        (status = 304, description = "Not modified"),
        (status = 400, description = "Unknown or malformed query parameter", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_people(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<PeopleQuery>,
) -> Result<Json<Paginated<Person>>, ApiError> {
    let page = page(query.limit, query.offset)?;
    let filter = PersonFilter {
        article: query.article,
        q: query.q,
        role: query.role,
    };
    let listing = state.store.list_people(&filter, page).await?;
    Ok(Json(Paginated::new(listing, page)))
}

/// One person, merged over every article that mentions them.
#[utoipa::path(
    get,
    path = "/v1/people/{id}",
    tag = "people",
    params(("id" = String, Path, description = "Person id")),
    responses(
        (status = 200, description = "The person", body = Person),
        (status = 304, description = "Not modified"),
        (status = 404, description = "No such person", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_person(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Person>, ApiError> {
    Ok(Json(state.store.get_person(&id).await?))
}

/// What a person said, in article order, then text order.
#[utoipa::path(
    get,
    path = "/v1/people/{id}/quotes",
    tag = "people",
    params(("id" = String, Path, description = "Person id"), PageQuery),
    responses(
        (status = 200, description = "A page of the person's quotes", body = Paginated<Quote>),
        (status = 304, description = "Not modified"),
        (status = 400, description = "Unknown or malformed query parameter", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn person_quotes(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<Json<Paginated<Quote>>, ApiError> {
    let page = query.page()?;
    state.store.get_person(&id).await?;
    let filter = QuoteFilter {
        speaker: Some(id),
        ..QuoteFilter::default()
    };
    let listing = state.store.list_quotes(&filter, page).await?;
    Ok(Json(Paginated::new(listing, page)))
}

/// The events a person takes part in, in article order, then order of first mention.
#[utoipa::path(
    get,
    path = "/v1/people/{id}/events",
    tag = "people",
    params(("id" = String, Path, description = "Person id"), PageQuery),
    responses(
        (status = 200, description = "A page of the person's events", body = Paginated<Event>),
        (status = 304, description = "Not modified"),
        (status = 400, description = "Unknown or malformed query parameter", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such person", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn person_events(
    State(state): State<AppState>,
    Path(id): Path<String>,
    ApiQuery(query): ApiQuery<PageQuery>,
) -> Result<Json<Paginated<Event>>, ApiError> {
    let page = query.page()?;
    state.store.get_person(&id).await?;
    let filter = EventFilter {
        participant: Some(id),
        ..EventFilter::default()
    };
    let listing = state.store.list_events(&filter, page).await?;
    Ok(Json(Paginated::new(listing, page)))
}
