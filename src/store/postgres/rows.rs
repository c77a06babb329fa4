//! An article's facts as column vectors, one per table, ready to be bound to `unnest(...)`
//! inserts: one statement per table whatever the number of facts.
//!
//! Everything a list filter or ordering reads is computed here, once, with the same code the
//! shared filters use: the lowercased search text (Rust's lowercasing, so a substring found by
//! SQL is one `filter.rs` finds), the span of each event's start (`when.rs`), and its zone.

use jiff::Timestamp;
use jiff::civil::Date;

use crate::model::{Event, Person, Precision, Quote, QuoteKind, TimePoint};
use crate::store::when;
use crate::store::{NewArticle, StoreError, StoreResult};

/// The day PostgreSQL date arithmetic counts from here: dates cross the wire as day numbers,
/// which (unlike ISO text) cover year 0 and before.
pub(super) const EPOCH_DAY: Date = jiff::civil::date(1970, 1, 1);

/// Days from [`EPOCH_DAY`] to `d`.
pub(super) fn day_number(d: Date) -> i32 {
    EPOCH_DAY.until(d).map(|s| s.get_days()).unwrap_or(0)
}

/// The date `n` days after [`EPOCH_DAY`].
pub(super) fn from_day_number(n: i32) -> StoreResult<Date> {
    jiff::Span::new()
        .try_days(n)
        .and_then(|span| EPOCH_DAY.checked_add(span))
        .map_err(|e| StoreError::Storage(format!("day number {n} out of range: {e}")))
}

/// Microseconds since the Unix epoch: instants cross the wire as these.
pub(super) fn micros(t: Timestamp) -> i64 {
    t.as_microsecond()
}

/// The instant `n` microseconds after the Unix epoch.
pub(super) fn from_micros(n: i64) -> StoreResult<Timestamp> {
    Timestamp::from_microsecond(n)
        .map_err(|e| StoreError::Storage(format!("instant {n} out of range: {e}")))
}

/// Lowercased as the shared filters lowercase.
fn lc(s: &str) -> String {
    s.to_lowercase()
}

/// Fields joined with a line break, which no filter word contains, so a word found in the
/// joined text was found in one field (a multi-line `place` needle can at worst let through a
/// false candidate, which the shared filter then drops).
fn joined_lc<'a>(fields: impl IntoIterator<Item = &'a str>) -> String {
    fields.into_iter().map(lc).collect::<Vec<_>>().join("\n")
}

fn json<T: serde::Serialize>(value: &T) -> StoreResult<String> {
    serde_json::to_string(value).map_err(|e| StoreError::Storage(format!("cannot encode: {e}")))
}

fn ord(i: usize) -> StoreResult<i32> {
    i32::try_from(i).map_err(|_| StoreError::Storage(format!("too many facts ({i})")))
}

fn offset(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// `people`, `aliases` and `mentions` columns.
#[derive(Debug, Default)]
pub(super) struct PeopleRows {
    pub ord: Vec<i32>,
    pub person_id: Vec<String>,
    pub name: Vec<String>,
    pub name_lc: Vec<String>,
    pub roles_lc: Vec<String>,
    pub mention_count: Vec<i64>,
    pub data: Vec<String>,
    pub alias_person: Vec<i32>,
    pub alias_n: Vec<i32>,
    pub alias: Vec<String>,
    pub alias_lc: Vec<String>,
    pub mention_person: Vec<i32>,
    pub mention_n: Vec<i32>,
    pub mention_sentence: Vec<String>,
    pub mention_start: Vec<i64>,
    pub mention_end: Vec<i64>,
}

impl PeopleRows {
    fn push(&mut self, i: usize, p: &Person) -> StoreResult<()> {
        let o = ord(i)?;
        self.ord.push(o);
        self.person_id.push(p.id.clone());
        self.name.push(p.name.clone());
        self.name_lc.push(lc(&p.name));
        self.roles_lc
            .push(joined_lc(p.roles.iter().map(String::as_str)));
        self.mention_count.push(offset(p.mention_count));
        self.data.push(json(p)?);
        for (n, alias) in p.aliases.iter().enumerate() {
            self.alias_person.push(o);
            self.alias_n.push(ord(n)?);
            self.alias.push(alias.clone());
            self.alias_lc.push(lc(alias));
        }
        for (n, ev) in p.evidence.iter().enumerate() {
            self.mention_person.push(o);
            self.mention_n.push(ord(n)?);
            self.mention_sentence.push(ev.sentence.clone());
            self.mention_start.push(offset(ev.start));
            self.mention_end.push(offset(ev.end));
        }
        Ok(())
    }
}

/// `quotes` columns.
#[derive(Debug, Default)]
pub(super) struct QuoteRows {
    pub ord: Vec<i32>,
    pub quote_id: Vec<String>,
    pub speaker_id: Vec<Option<String>>,
    pub kind: Vec<String>,
    pub text_lc: Vec<String>,
    pub data: Vec<String>,
}

/// The stored spelling of a quote kind (its JSON one).
pub(super) fn kind_name(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Reported => "reported",
    }
}

impl QuoteRows {
    fn push(&mut self, i: usize, q: &Quote) -> StoreResult<()> {
        self.ord.push(ord(i)?);
        self.quote_id.push(q.id.clone());
        self.speaker_id.push(q.speaker_id.clone());
        self.kind.push(kind_name(q.kind).to_string());
        self.text_lc.push(lc(&q.text));
        self.data.push(json(q)?);
        Ok(())
    }
}

/// `events` and `participants` columns.
#[derive(Debug, Default)]
pub(super) struct EventRows {
    pub ord: Vec<i32>,
    pub event_id: Vec<String>,
    pub begins: Vec<Option<i64>>,
    pub ends: Vec<Option<i64>>,
    pub first_day: Vec<Option<i32>>,
    pub last_day: Vec<Option<i32>>,
    pub zone: Vec<String>,
    pub first_offset: Vec<i64>,
    pub place_lc: Vec<Option<String>>,
    pub search_lc: Vec<String>,
    pub data: Vec<String>,
    pub participant_event: Vec<i32>,
    pub participant: Vec<String>,
}

impl EventRows {
    fn push(&mut self, i: usize, e: &Event, article_zone: &str) -> StoreResult<()> {
        let o = ord(i)?;
        let zone = when::event_zone(e, article_zone).to_string();
        let span = e.start.as_ref().and_then(|s| when::span(s, &zone));
        self.ord.push(o);
        self.event_id.push(e.id.clone());
        self.begins.push(span.map(|s| micros(s.begins)));
        self.ends.push(span.map(|s| micros(s.ends)));
        self.first_day.push(span.map(|s| day_number(s.first_day)));
        self.last_day.push(span.map(|s| day_number(s.last_day)));
        self.zone.push(zone);
        // As the memory store's timeline tie-break: the first evidence offset, none last.
        self.first_offset.push(
            e.evidence
                .iter()
                .map(|ev| offset(ev.start))
                .min()
                .unwrap_or(i64::MAX),
        );
        let place_fields: Vec<&str> = e
            .place
            .iter()
            .flat_map(|p| {
                [
                    Some(p.name.as_str()),
                    p.city.as_deref(),
                    p.region.as_deref(),
                    p.country.as_deref(),
                ]
            })
            .flatten()
            .collect();
        self.place_lc
            .push(e.place.is_some().then(|| joined_lc(place_fields.clone())));
        self.search_lc.push(joined_lc(
            [e.title.as_str(), e.kind.as_str()]
                .into_iter()
                .chain(place_fields),
        ));
        self.data.push(json(e)?);
        let mut seen: Vec<&String> = Vec::new();
        for p in &e.participants {
            if !seen.contains(&p) {
                seen.push(p);
                self.participant_event.push(o);
                self.participant.push(p.clone());
            }
        }
        Ok(())
    }
}

/// `time_points` columns.
#[derive(Debug, Default)]
pub(super) struct TimeRows {
    pub ord: Vec<i32>,
    pub value: Vec<String>,
    pub precision: Vec<String>,
    pub data: Vec<String>,
}

fn precision_name(p: Precision) -> &'static str {
    match p {
        Precision::Year => "year",
        Precision::Month => "month",
        Precision::Day => "day",
        Precision::Minute => "minute",
    }
}

impl TimeRows {
    fn push(&mut self, i: usize, t: &TimePoint) -> StoreResult<()> {
        self.ord.push(ord(i)?);
        self.value.push(t.value.clone());
        self.precision.push(precision_name(t.precision).to_string());
        self.data.push(json(t)?);
        Ok(())
    }
}

/// Every fact row of one article.
#[derive(Debug, Default)]
pub(super) struct ArticleRows {
    pub people: PeopleRows,
    pub quotes: QuoteRows,
    pub events: EventRows,
    pub times: TimeRows,
}

impl ArticleRows {
    pub(super) fn of(article: &NewArticle) -> StoreResult<Self> {
        let x = &article.extraction;
        let mut rows = ArticleRows::default();
        for (i, p) in x.people.iter().enumerate() {
            rows.people.push(i, p)?;
        }
        for (i, q) in x.quotes.iter().enumerate() {
            rows.quotes.push(i, q)?;
        }
        for (i, e) in x.events.iter().enumerate() {
            rows.events.push(i, e, &article.meta.time_zone)?;
        }
        for (i, t) in x.times.iter().enumerate() {
            rows.times.push(i, t)?;
        }
        Ok(rows)
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
    fn day_numbers_and_micros_round_trip_including_year_zero() {
        for d in [
            jiff::civil::date(2025, 8, 15),
            jiff::civil::date(0, 1, 1),
            jiff::civil::date(1969, 12, 31),
        ] {
            assert_eq!(from_day_number(day_number(d)).unwrap(), d);
        }
        let t: Timestamp = "2025-08-20T09:00:00Z".parse().unwrap();
        assert_eq!(from_micros(micros(t)).unwrap(), t);
    }
}
