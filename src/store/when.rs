//! Where a [`TimePoint`] sits on the time line, for the `from`/`to` filters and the timeline
//! order.
//!
//! A time point of minute precision is an instant. One of day, month or year precision is a
//! period: it begins at the start of that day (month, year) in the zone the point is read in
//! and ends where the next one begins. Filters and ordering compare these spans, never the
//! strings, so "2025-08" and "2025-08-15T11:00:00-08:00" are comparable.

use jiff::Timestamp;
use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::model::{Event, Precision, TimePoint};

/// The extent of a time point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// First calendar day it touches, in its own zone.
    pub first_day: Date,
    /// Last calendar day it touches, in its own zone.
    pub last_day: Date,
    /// The instant it begins.
    pub begins: Timestamp,
    /// The instant it ends: equal to `begins` for an instant, exclusive for a period.
    pub ends: Timestamp,
}

impl Span {
    /// True for a minute-precision point.
    pub fn is_instant(&self) -> bool {
        self.begins == self.ends
    }
}

/// The zone an event's start is read in: the time point's own, else the place's, else
/// `article_zone`.
pub fn event_zone<'a>(event: &'a Event, article_zone: &'a str) -> &'a str {
    event
        .start
        .as_ref()
        .and_then(|s| s.time_zone.as_deref())
        .or_else(|| event.place.as_ref().and_then(|p| p.time_zone.as_deref()))
        .unwrap_or(article_zone)
}

/// The span of `point` read in `zone` (falling back to UTC when the zone is unknown); None
/// when its value does not parse at its precision.
///
/// ```
/// use factline::model::{Precision, TimePoint};
/// use factline::store::when::span;
/// let point = TimePoint {
///     value: "2025-08".into(), precision: Precision::Month, time_zone: None, utc: None,
///     text: "in August".into(), inferred: vec![], warnings: vec![],
/// };
/// let s = span(&point, "UTC").unwrap();
/// assert_eq!(s.first_day.to_string(), "2025-08-01");
/// assert_eq!(s.last_day.to_string(), "2025-08-31");
/// assert_eq!(s.ends.to_string(), "2025-09-01T00:00:00Z");
/// ```
pub fn span(point: &TimePoint, zone: &str) -> Option<Span> {
    let tz = jiff::tz::db().get(zone).unwrap_or(TimeZone::UTC);
    let value = point.value.trim();
    match point.precision {
        Precision::Minute => {
            let instant: Timestamp = point
                .utc
                .as_deref()
                .and_then(|u| u.parse().ok())
                .or_else(|| value.parse().ok())?;
            // The calendar day the text means is the one in the value's own offset.
            let day: Date = value.get(..10)?.parse().ok()?;
            Some(Span {
                first_day: day,
                last_day: day,
                begins: instant,
                ends: instant,
            })
        }
        Precision::Day => {
            let day: Date = value.get(..10)?.parse().ok()?;
            period(day, day.tomorrow().ok()?, &tz)
        }
        Precision::Month => {
            let first: Date = format!("{}-01", value.get(..7)?).parse().ok()?;
            let next = first.checked_add(jiff::Span::new().months(1)).ok()?;
            period(first, next, &tz)
        }
        Precision::Year => {
            let first: Date = format!("{}-01-01", value.get(..4)?).parse().ok()?;
            let next = first.checked_add(jiff::Span::new().years(1)).ok()?;
            period(first, next, &tz)
        }
    }
}

fn period(first: Date, next: Date, tz: &TimeZone) -> Option<Span> {
    let begins = first.to_zoned_datetime(tz.clone()).ok()?.timestamp();
    let ends = next.to_zoned_datetime(tz.clone()).ok()?.timestamp();
    Some(Span {
        first_day: first,
        last_day: next.yesterday().ok()?,
        begins,
        ends,
    })
}

#[cfg(test)]
#[expect(
    clippy::unwrap_used,
    reason = "a test should fail loudly on an unexpected error"
)]
mod tests {
    use super::*;

    fn point(value: &str, precision: Precision, utc: Option<&str>) -> TimePoint {
        TimePoint {
            value: value.into(),
            precision,
            time_zone: None,
            utc: utc.map(str::to_string),
            text: String::new(),
            inferred: vec![],
            warnings: vec![],
        }
    }

    #[test]
    fn minute_is_an_instant_on_its_local_day() {
        let p = point(
            "2025-08-15T20:00:00-08:00",
            Precision::Minute,
            Some("2025-08-16T04:00:00Z"),
        );
        let s = span(&p, "UTC").unwrap();
        assert!(s.is_instant());
        assert_eq!(s.first_day.to_string(), "2025-08-15");
        assert_eq!(s.begins.to_string(), "2025-08-16T04:00:00Z");
    }

    #[test]
    fn day_is_read_in_the_given_zone() {
        let p = point("2025-08-15", Precision::Day, None);
        let s = span(&p, "America/Anchorage").unwrap();
        assert_eq!(s.begins.to_string(), "2025-08-15T08:00:00Z");
        assert_eq!(s.ends.to_string(), "2025-08-16T08:00:00Z");
        assert_eq!(s.last_day, s.first_day);
    }

    #[test]
    fn year_spans_the_whole_year_and_unknown_zone_is_utc() {
        let s = span(&point("2018", Precision::Year, None), "Nowhere/Land").unwrap();
        assert_eq!(s.first_day.to_string(), "2018-01-01");
        assert_eq!(s.last_day.to_string(), "2018-12-31");
        assert_eq!(s.begins.to_string(), "2018-01-01T00:00:00Z");
    }

    #[test]
    fn malformed_values_have_no_span() {
        assert!(span(&point("soon", Precision::Day, None), "UTC").is_none());
        assert!(span(&point("2025-13", Precision::Month, None), "UTC").is_none());
        assert!(span(&point("2025-08-15", Precision::Minute, None), "UTC").is_none());
    }
}
