//! The timeline in other tools' formats: TimelineJS JSON and an RFC 5545 iCalendar.
//!
//! Both are pure functions from timeline entries to a document; the handler in
//! [`crate::http::timeline`] chooses which one to send.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;
use serde::Serialize;
use utoipa::ToSchema;

use crate::model::{Event, EventStatus, Place, Precision, TimePoint};
use crate::store::TimelineEntry;
use crate::store::when;

/// A TimelineJS document (`format=timelinejs`).
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct TimelineJs {
    /// The slides, in timeline order.
    pub events: Vec<TimelineJsEvent>,
}

/// One TimelineJS slide.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct TimelineJsEvent {
    /// When it starts, to the precision the text gives.
    pub start_date: TimelineJsDate,
    /// When it ends, when the text says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<TimelineJsDate>,
    /// Headline and description.
    pub text: TimelineJsText,
    /// The event id.
    pub unique_id: String,
}

/// A TimelineJS date: only the parts the text fixes are present.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, ToSchema)]
pub struct TimelineJsDate {
    /// Year.
    pub year: i16,
    /// Month, 1 to 12.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<i8>,
    /// Day of the month.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<i8>,
    /// Hour, 0 to 23, in the requested `tz` or the time's own offset.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hour: Option<i8>,
    /// Minute.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minute: Option<i8>,
}

/// A TimelineJS slide's text. `text` is HTML; everything from the article is escaped.
#[derive(Clone, Debug, Serialize, ToSchema)]
pub struct TimelineJsText {
    /// The event title.
    pub headline: String,
    /// Participants, place and the sentence that states it, as HTML.
    pub text: String,
}

/// The TimelineJS document for `entries`; minute-precision times are shown in `tz` when given,
/// else in the offset the article gave.
pub fn timelinejs(entries: &[TimelineEntry], tz: Option<&TimeZone>) -> TimelineJs {
    let events = entries
        .iter()
        .filter_map(|entry| {
            let start = entry.event.start.as_ref()?;
            Some(TimelineJsEvent {
                start_date: timelinejs_date(start, tz)?,
                end_date: entry
                    .event
                    .end
                    .as_ref()
                    .and_then(|e| timelinejs_date(e, tz)),
                text: TimelineJsText {
                    headline: entry.event.title.clone(),
                    text: describe_html(&entry.event),
                },
                unique_id: entry.event.id.clone(),
            })
        })
        .collect();
    TimelineJs { events }
}

fn timelinejs_date(point: &TimePoint, tz: Option<&TimeZone>) -> Option<TimelineJsDate> {
    let value = point.value.trim();
    let date_only = |year, month, day| TimelineJsDate {
        year,
        month,
        day,
        hour: None,
        minute: None,
    };
    match point.precision {
        Precision::Year => Some(date_only(value.get(..4)?.parse().ok()?, None, None)),
        Precision::Month => {
            let d: Date = format!("{}-01", value.get(..7)?).parse().ok()?;
            Some(date_only(d.year(), Some(d.month()), None))
        }
        Precision::Day => {
            let d: Date = value.get(..10)?.parse().ok()?;
            Some(date_only(d.year(), Some(d.month()), Some(d.day())))
        }
        Precision::Minute => {
            let local: DateTime = match tz {
                Some(tz) => {
                    let instant: Timestamp = point
                        .utc
                        .as_deref()
                        .and_then(|u| u.parse().ok())
                        .or_else(|| value.parse().ok())?;
                    instant.to_zoned_datetime(tz.clone()).datetime()
                }
                None => value.get(..16)?.parse().ok()?,
            };
            Some(TimelineJsDate {
                year: local.year(),
                month: Some(local.month()),
                day: Some(local.day()),
                hour: Some(local.hour()),
                minute: Some(local.minute()),
            })
        }
    }
}

fn describe_html(event: &Event) -> String {
    let mut parts = Vec::new();
    if !event.participant_names.is_empty() {
        parts.push(format!(
            "<p>With {}.</p>",
            html_escape(&event.participant_names.join(", "))
        ));
    }
    if let Some(place) = &event.place {
        parts.push(format!("<p>At {}.</p>", html_escape(&place_text(place))));
    }
    if let Some(evidence) = event.evidence.first() {
        parts.push(format!(
            "<blockquote>{}</blockquote>",
            html_escape(&evidence.sentence)
        ));
    }
    parts.join("")
}

fn html_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The place's name, city, region and country, each once.
fn place_text(place: &Place) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in [
        Some(&place.name),
        place.city.as_ref(),
        place.region.as_ref(),
        place.country.as_ref(),
    ]
    .into_iter()
    .flatten()
    {
        if !part.is_empty() && !parts.contains(&part.as_str()) {
            parts.push(part);
        }
    }
    parts.join(", ")
}

/// The media type of the calendar.
pub const CALENDAR: &str = "text/calendar; charset=utf-8";

/// An RFC 5545 calendar with one VEVENT per entry: CRLF line ends, lines folded at 75
/// octets, TEXT values escaped. A minute-precision start is a UTC DATE-TIME; a day start an
/// all-day DATE; a month or year start an all-day span over the whole period (the calendar
/// has no "some day in August"). DTSTAMP is the article's publication (its day's start in
/// the article's zone), so the same data always gives the same calendar.
pub fn ics(entries: &[TimelineEntry]) -> String {
    let mut lines: Vec<String> = vec![
        "BEGIN:VCALENDAR".into(),
        "VERSION:2.0".into(),
        "PRODID:-//factline//factline timeline//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
    ];
    for entry in entries {
        let Some(start) = entry.event.start.as_ref() else {
            continue;
        };
        let Some(span) = when::span(start, &entry.zone) else {
            continue;
        };
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}", escape_text(&entry.event.id)));
        lines.push(format!("DTSTAMP:{}", utc_stamp(publication_instant(entry))));
        if span.is_instant() {
            lines.push(format!("DTSTART:{}", utc_stamp(span.begins)));
            if let Some(end) = entry
                .event
                .end
                .as_ref()
                .and_then(|e| when::span(e, &entry.zone))
                && end.is_instant()
                && end.begins > span.begins
            {
                lines.push(format!("DTEND:{}", utc_stamp(end.begins)));
            }
        } else {
            lines.push(format!("DTSTART;VALUE=DATE:{}", ical_date(span.first_day)));
            let end_day = entry
                .event
                .end
                .as_ref()
                .and_then(|e| when::span(e, &entry.zone))
                .filter(|e| !e.is_instant() && e.last_day >= span.last_day)
                .map_or(span.last_day, |e| e.last_day);
            // DTEND of an all-day event is exclusive: the day after the last one.
            if (start.precision != Precision::Day || end_day != span.first_day)
                && let Ok(after) = end_day.tomorrow()
            {
                lines.push(format!("DTEND;VALUE=DATE:{}", ical_date(after)));
            }
        }
        lines.push(format!("SUMMARY:{}", escape_text(&entry.event.title)));
        lines.push(format!(
            "DESCRIPTION:{}",
            escape_text(&describe_text(&entry.event, start))
        ));
        if let Some(place) = &entry.event.place {
            lines.push(format!("LOCATION:{}", escape_text(&place_text(place))));
        }
        lines.push(format!(
            "STATUS:{}",
            match entry.event.status {
                EventStatus::Hypothetical => "TENTATIVE",
                EventStatus::Past | EventStatus::Scheduled => "CONFIRMED",
            }
        ));
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in lines {
        fold_line(&line, &mut out);
    }
    out
}

fn publication_instant(entry: &TimelineEntry) -> Timestamp {
    let tz = jiff::tz::db()
        .get(&entry.article_time_zone)
        .unwrap_or(TimeZone::UTC);
    entry
        .article_published
        .to_zoned_datetime(tz)
        .map(|z| z.timestamp())
        .unwrap_or(Timestamp::UNIX_EPOCH)
}

fn utc_stamp(t: Timestamp) -> String {
    t.strftime("%Y%m%dT%H%M%SZ").to_string()
}

fn ical_date(d: Date) -> String {
    d.strftime("%Y%m%d").to_string()
}

fn describe_text(event: &Event, start: &TimePoint) -> String {
    let mut parts = vec![format!("{} ({})", event.kind, status_word(event.status))];
    if !event.participant_names.is_empty() {
        parts.push(format!("With {}.", event.participant_names.join(", ")));
    }
    parts.push(format!(
        "When: {} ({} precision).",
        start.text,
        precision_word(start.precision)
    ));
    if let Some(evidence) = event.evidence.first() {
        parts.push(evidence.sentence.clone());
    }
    parts.join("\n")
}

fn status_word(s: EventStatus) -> &'static str {
    match s {
        EventStatus::Past => "past",
        EventStatus::Scheduled => "scheduled",
        EventStatus::Hypothetical => "hypothetical",
    }
}

fn precision_word(p: Precision) -> &'static str {
    match p {
        Precision::Year => "year",
        Precision::Month => "month",
        Precision::Day => "day",
        Precision::Minute => "minute",
    }
}

/// RFC 5545 §3.3.11 TEXT escaping.
fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` folded at 75 octets (RFC 5545 §3.1): continuation lines start with one
/// space, which counts towards their 75, and a UTF-8 character is never split.
fn fold_line(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
#[expect(
    clippy::unwrap_used,
    reason = "a test should fail loudly on an unexpected error"
)]
mod tests {
    use super::*;
    use crate::model::Evidence;

    fn entry(value: &str, precision: Precision, utc: Option<&str>) -> TimelineEntry {
        let start = TimePoint {
            value: value.into(),
            precision,
            time_zone: Some("America/Anchorage".into()),
            utc: utc.map(str::to_string),
            text: "on Friday".into(),
            inferred: vec![],
            warnings: vec![],
        };
        let event = Event {
            id: "e-1".into(),
            article_id: "a".into(),
            title: "Summit; talks, and more".into(),
            kind: "summit".into(),
            participants: vec![],
            participant_names: vec!["Jane <Doe>".into()],
            groups: vec![],
            place: None,
            start: Some(start.clone()),
            end: None,
            status: EventStatus::Scheduled,
            parent_id: None,
            evidence: vec![Evidence {
                article_id: "a".into(),
                sentence: "A long sentence ".repeat(10),
                start: 0,
                end: 1,
            }],
        };
        let span = when::span(&start, "America/Anchorage").unwrap();
        TimelineEntry {
            event,
            begins: span.begins,
            zone: "America/Anchorage".into(),
            article_published: jiff::civil::date(2025, 8, 15),
            article_time_zone: "Europe/London".into(),
        }
    }

    #[test]
    fn ics_lines_are_crlf_folded_and_escaped() {
        let cal = ics(&[entry(
            "2025-08-15T11:00:00-08:00",
            Precision::Minute,
            Some("2025-08-15T19:00:00Z"),
        )]);
        assert!(cal.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(cal.ends_with("END:VCALENDAR\r\n"));
        assert!(
            !cal.replace("\r\n", "").contains('\n'),
            "only CRLF line ends"
        );
        for line in cal.split("\r\n") {
            assert!(line.len() <= 75, "{line:?}");
        }
        let unfolded = cal.replace("\r\n ", "");
        assert!(unfolded.contains("DTSTART:20250815T190000Z\r\n"));
        assert!(
            unfolded.contains("DTSTAMP:20250814T230000Z\r\n"),
            "{unfolded}"
        );
        assert!(unfolded.contains("SUMMARY:Summit\\; talks\\, and more\r\n"));
        assert!(unfolded.contains("UID:e-1\r\n"));
    }

    #[test]
    fn ics_day_start_is_an_all_day_date_and_month_spans_the_month() {
        let day = ics(&[entry("2025-08-15", Precision::Day, None)]);
        assert!(day.contains("DTSTART;VALUE=DATE:20250815\r\n"));
        assert!(!day.contains("DTEND"));
        let month = ics(&[entry("2025-08", Precision::Month, None)]);
        assert!(month.contains("DTSTART;VALUE=DATE:20250801\r\n"));
        assert!(month.contains("DTEND;VALUE=DATE:20250901\r\n"));
    }

    #[test]
    fn folding_never_splits_a_character() {
        let mut out = String::new();
        fold_line(&"é".repeat(100), &mut out);
        for line in out.split("\r\n") {
            assert!(line.len() <= 75);
        }
        assert_eq!(out.replace("\r\n ", "").trim_end(), "é".repeat(100));
    }

    #[test]
    fn timelinejs_dates_keep_their_precision_and_html_is_escaped() {
        let minute = entry(
            "2025-08-15T11:00:00-08:00",
            Precision::Minute,
            Some("2025-08-15T19:00:00Z"),
        );
        let doc = timelinejs(std::slice::from_ref(&minute), None);
        let d = &doc.events[0].start_date;
        assert_eq!(
            (d.year, d.month, d.day, d.hour, d.minute),
            (2025, Some(8), Some(15), Some(11), Some(0))
        );
        assert!(doc.events[0].text.text.contains("Jane &lt;Doe&gt;"));
        let london = jiff::tz::db().get("Europe/London").unwrap();
        let doc = timelinejs(&[minute], Some(&london));
        assert_eq!(doc.events[0].start_date.hour, Some(20));
        let doc = timelinejs(&[entry("2025-08", Precision::Month, None)], None);
        assert_eq!(
            doc.events[0].start_date,
            TimelineJsDate {
                year: 2025,
                month: Some(8),
                day: None,
                hour: None,
                minute: None
            }
        );
    }
}
