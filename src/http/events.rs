//! `/v1/events`: happenings, with their participants, place and time.

use axum::Json;
use axum::extract::{Path, State};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::app::AppState;
use crate::http::error::{ApiError, Problem};
use crate::http::extract::ApiQuery;
use crate::http::page::{Paginated, page};
use crate::model::Event;
use crate::store::{EventFilter, TimeBound};

/// Filters of `GET /v1/events`; all given filters must hold.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct EventsQuery {
    /// Only events from this article (an article id).
    pub article: Option<String>,
    /// Only events with this person (a person id) among the participants.
    pub participant: Option<String>,
    /// Case-insensitive substring of the place's name, city, region or country.
    pub place: Option<String>,
    /// Earliest start: an ISO date (`2025-08-15`) or an RFC 3339 time. A start of day (month,
    /// year) precision passes when its period overlaps the range.
    #[param(
        pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?([Zz]|[+-][0-9]{2}:[0-9]{2})?)?$"
    )]
    pub from: Option<String>,
    /// Latest start: an ISO date or an RFC 3339 time.
    #[param(
        pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?([Zz]|[+-][0-9]{2}:[0-9]{2})?)?$"
    )]
    pub to: Option<String>,
    /// Words that must all occur in the title, the kind or the place.
    pub q: Option<String>,
    /// Items per page, 1 to 500.
    #[param(minimum = 1, maximum = 500, default = 50)]
    pub limit: Option<i64>,
    /// Matching items to skip.
    #[param(minimum = 0, default = 0)]
    pub offset: Option<i64>,
}

/// The event filter from the query's filter fields; a bad `from` or `to` answers 400.
pub fn event_filter(
    article: Option<String>,
    participant: Option<String>,
    place: Option<String>,
    from: Option<&str>,
    to: Option<&str>,
    q: Option<String>,
) -> Result<EventFilter, ApiError> {
    let bound = |name: &str, value: Option<&str>| -> Result<Option<TimeBound>, ApiError> {
        value
            .map(|v| {
                v.parse::<TimeBound>()
                    .map_err(|e| ApiError::BadRequest(format!("`{name}`: {e}")))
            })
            .transpose()
    };
    Ok(EventFilter {
        article,
        participant,
        place,
        from: bound("from", from)?,
        to: bound("to", to)?,
        q,
    })
}

/// Events, in article order (newest article first), then order of first mention.
#[utoipa::path(
    get,
    path = "/v1/events",
    tag = "events",
    params(EventsQuery),
    responses(
        (status = 200, description = "A page of events", body = Paginated<Event>),
        (status = 304, description = "Not modified"),
        (status = 400, description = "Unknown or malformed query parameter (including a bad `from`/`to`)", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn list_events(
    State(state): State<AppState>,
    ApiQuery(query): ApiQuery<EventsQuery>,
) -> Result<Json<Paginated<Event>>, ApiError> {
    let page = page(query.limit, query.offset)?;
    let filter = event_filter(
        query.article,
        query.participant,
        query.place,
        query.from.as_deref(),
        query.to.as_deref(),
        query.q,
    )?;
    let listing = state.store.list_events(&filter, page).await?;
    Ok(Json(Paginated::new(listing, page)))
}

/// One event, with all its evidence.
#[utoipa::path(
    get,
    path = "/v1/events/{id}",
    tag = "events",
    params(("id" = String, Path, description = "Event id")),
    responses(
        (status = 200, description = "The event", body = Event),
        (status = 304, description = "Not modified"),
        (status = 404, description = "No such event", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn get_event(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Event>, ApiError> {
    Ok(Json(state.store.get_event(&id).await?))
}
