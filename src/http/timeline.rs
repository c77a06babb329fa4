//! `/v1/timeline`: events that have a start, in time order, as a list, TimelineJS or iCalendar.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use jiff::tz::TimeZone;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::app::AppState;
use crate::http::error::{ApiError, Problem};
use crate::http::events::event_filter;
use crate::http::export::{self, CALENDAR, TimelineJs};
use crate::http::extract::ApiQuery;
use crate::http::page::{Paginated, page};
use crate::model::{EventStatus, Place, Precision, TimePoint};
use crate::store::{Page, TimelineEntry};

/// What `GET /v1/timeline` answers with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum TimelineFormat {
    /// The list of timeline items (the default).
    #[default]
    Json,
    /// A TimelineJS document.
    Timelinejs,
    /// An RFC 5545 calendar (`text/calendar`); also chosen by `Accept: text/calendar`.
    Ics,
}

/// Filters and format of `GET /v1/timeline`; the filters are those of `/v1/events`.
#[derive(Clone, Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct TimelineQuery {
    /// Only events from this article (an article id).
    pub article: Option<String>,
    /// Only events with this person (a person id) among the participants.
    pub participant: Option<String>,
    /// Case-insensitive substring of the place's name, city, region or country.
    pub place: Option<String>,
    /// Earliest start: an ISO date or an RFC 3339 time.
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
    /// An IANA time zone: each item then has `local`, its start in that zone (TimelineJS
    /// times are shown in it too).
    #[param(example = "Europe/London")]
    pub tz: Option<String>,
    /// `json` (default), `timelinejs` or `ics`.
    pub format: Option<TimelineFormat>,
    /// Items per page, 1 to 500. The `timelinejs` and `ics` exports hold every matching
    /// event unless `limit` or `offset` is given.
    #[param(minimum = 1, maximum = 500, default = 50)]
    pub limit: Option<i64>,
    /// Matching items to skip.
    #[param(minimum = 0, default = 0)]
    pub offset: Option<i64>,
}

/// One event on the timeline.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct TimelineItem {
    /// The event's id.
    pub event_id: String,
    /// The article it comes from.
    pub article_id: String,
    /// A short description.
    pub title: String,
    /// The kind of happening.
    pub kind: String,
    /// When it starts.
    pub start: TimePoint,
    /// When it ends, if the text says.
    pub end: Option<TimePoint>,
    /// Only with `tz`: the start in that zone (RFC 3339 with its offset) when it has minute
    /// precision, else the start's value unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local: Option<String>,
    /// Person ids.
    pub participants: Vec<String>,
    /// The participants' names, in the order of `participants`.
    pub participant_names: Vec<String>,
    /// Where it happens.
    pub place: Option<Place>,
    /// Past, scheduled or hypothetical.
    pub status: EventStatus,
}

/// The JSON bodies the timeline answers with: the item list, or TimelineJS.
#[derive(Clone, Debug, Serialize, ToSchema)]
#[serde(untagged)]
pub enum TimelineBody {
    /// `format=json` (default).
    Items(Paginated<TimelineItem>),
    /// `format=timelinejs`.
    TimelineJs(TimelineJs),
}

/// Events with a start, ascending by start (the UTC instant for minute precision, else the
/// start of the day, month or year in the event's zone), ties by position in the text.
#[utoipa::path(
    get,
    path = "/v1/timeline",
    tag = "timeline",
    params(TimelineQuery),
    responses(
        (status = 200, description = "The timeline: the item list (default), TimelineJS (`format=timelinejs`) or an iCalendar (`format=ics` or `Accept: text/calendar`)",
            content(
                (TimelineBody = "application/json"),
                (String = "text/calendar"),
            )),
        (status = 304, description = "Not modified"),
        (status = 400, description = "Unknown or malformed query parameter, unknown `format` or `tz`", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn timeline(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiQuery(query): ApiQuery<TimelineQuery>,
) -> Result<Response, ApiError> {
    let tz = query
        .tz
        .as_deref()
        .map(|name| {
            jiff::tz::db().get(name).map_err(|_| {
                ApiError::BadRequest(format!("`tz` {name:?} is not a known IANA time zone"))
            })
        })
        .transpose()?;
    let format = query.format.unwrap_or_else(|| {
        if accepts_calendar(&headers) {
            TimelineFormat::Ics
        } else {
            TimelineFormat::Json
        }
    });
    let requested = page(query.limit, query.offset)?;
    let explicit_window = query.limit.is_some() || query.offset.is_some();
    let window = match format {
        TimelineFormat::Json => requested,
        _ if explicit_window => requested,
        _ => Page::ALL,
    };
    let filter = event_filter(
        query.article,
        query.participant,
        query.place,
        query.from.as_deref(),
        query.to.as_deref(),
        query.q,
    )?;
    let listing = state.store.timeline(&filter, window).await?;
    Ok(match format {
        TimelineFormat::Json => {
            let items = Paginated {
                total: listing.total,
                limit: window.limit,
                offset: window.offset,
                items: listing
                    .items
                    .into_iter()
                    .filter_map(|entry| item(entry, tz.as_ref()))
                    .collect(),
            };
            Json(TimelineBody::Items(items)).into_response()
        }
        TimelineFormat::Timelinejs => Json(TimelineBody::TimelineJs(export::timelinejs(
            &listing.items,
            tz.as_ref(),
        )))
        .into_response(),
        TimelineFormat::Ics => (
            [(header::CONTENT_TYPE, HeaderValue::from_static(CALENDAR))],
            export::ics(&listing.items),
        )
            .into_response(),
    })
}

/// Whether the client lists `text/calendar` among the media types it accepts (with q > 0).
fn accepts_calendar(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|range| {
            let mut params = range.split(';').map(str::trim);
            let media = params.next().unwrap_or("");
            let refused = params.any(|p| {
                p.strip_prefix("q=")
                    .and_then(|q| q.parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            media.eq_ignore_ascii_case("text/calendar") && !refused
        })
}

/// The item for `entry`; None only for an event without a start, which the store never puts
/// on the timeline.
fn item(entry: TimelineEntry, tz: Option<&TimeZone>) -> Option<TimelineItem> {
    let event = entry.event;
    let start = event.start?;
    let local = tz.map(|tz| local_time(&start, entry.begins, tz));
    Some(TimelineItem {
        event_id: event.id,
        article_id: event.article_id,
        title: event.title,
        kind: event.kind,
        start,
        end: event.end,
        local,
        participants: event.participants,
        participant_names: event.participant_names,
        place: event.place,
        status: event.status,
    })
}

/// The start in `tz`: converted when it is an instant, else its value (a day is a day in any
/// zone the reader names).
fn local_time(start: &TimePoint, begins: jiff::Timestamp, tz: &TimeZone) -> String {
    match start.precision {
        Precision::Minute => begins
            .to_zoned_datetime(tz.clone())
            .strftime("%Y-%m-%dT%H:%M:%S%:z")
            .to_string(),
        _ => start.value.clone(),
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
    fn calendar_is_chosen_by_accept_unless_refused() {
        let mut h = HeaderMap::new();
        assert!(!accepts_calendar(&h));
        h.insert(
            header::ACCEPT,
            HeaderValue::from_static("application/json, text/calendar;q=0.5"),
        );
        assert!(accepts_calendar(&h));
        h.insert(
            header::ACCEPT,
            HeaderValue::from_static("text/calendar;q=0"),
        );
        assert!(!accepts_calendar(&h));
    }

    #[test]
    fn local_converts_instants_only() {
        let point = TimePoint {
            value: "2025-08-15T11:00:00-08:00".into(),
            precision: Precision::Minute,
            time_zone: None,
            utc: Some("2025-08-15T19:00:00Z".into()),
            text: String::new(),
            inferred: vec![],
            warnings: vec![],
        };
        let begins: jiff::Timestamp = "2025-08-15T19:00:00Z".parse().unwrap();
        let london = jiff::tz::db().get("Europe/London").unwrap();
        assert_eq!(
            local_time(&point, begins, &london),
            "2025-08-15T20:00:00+01:00"
        );
        let day = TimePoint {
            value: "2025-08-15".into(),
            precision: Precision::Day,
            ..point
        };
        assert_eq!(local_time(&day, begins, &london), "2025-08-15");
    }
}
