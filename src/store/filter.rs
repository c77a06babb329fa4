//! What each list filter means, written once for every store.
//!
//! A backend may narrow candidates with its own indexes first (the memory store looks up by
//! article, speaker or participant), but the final say on whether a fact matches is
//! [`PersonFilter::matches`], [`QuoteFilter::matches`] or [`EventFilter::matches`], so all
//! stores agree. All given filters must hold (AND); an absent one always holds.

use std::str::FromStr;

use jiff::Timestamp;
use jiff::civil::Date;

use crate::model::{Event, Person, Quote, QuoteKind};
use crate::store::when::{self, Span};

/// Filters for the people list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonFilter {
    /// Only people mentioned in this article.
    pub article: Option<String>,
    /// Case-insensitive substring of the name or of an alias.
    pub q: Option<String>,
    /// Case-insensitive substring of one of the roles.
    pub role: Option<String>,
}

impl PersonFilter {
    /// Whether `person` passes every given filter.
    pub fn matches(&self, person: &Person) -> bool {
        if let Some(article) = &self.article
            && !person.article_ids.iter().any(|a| a == article)
        {
            return false;
        }
        if let Some(q) = needle(&self.q)
            && !contains_ci(&person.name, &q)
            && !person.aliases.iter().any(|a| contains_ci(a, &q))
        {
            return false;
        }
        if let Some(role) = needle(&self.role)
            && !person.roles.iter().any(|r| contains_ci(r, &role))
        {
            return false;
        }
        true
    }
}

/// Filters for the quotes list.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuoteFilter {
    /// Only quotes from this article.
    pub article: Option<String>,
    /// Only quotes whose speaker is this person id.
    pub speaker: Option<String>,
    /// Only direct or only reported quotes.
    pub kind: Option<QuoteKind>,
    /// Every word must occur in the quoted text (case-insensitive).
    pub q: Option<String>,
}

impl QuoteFilter {
    /// Whether `quote` passes every given filter.
    pub fn matches(&self, quote: &Quote) -> bool {
        self.matches_fields(
            &quote.article_id,
            quote.speaker_id.as_deref(),
            quote.kind,
            &quote.text,
        )
    }

    /// [`QuoteFilter::matches`] on the only fields it reads, for a store that keeps quotes in
    /// another shape.
    pub fn matches_fields(
        &self,
        article_id: &str,
        speaker_id: Option<&str>,
        kind: QuoteKind,
        text: &str,
    ) -> bool {
        if let Some(article) = &self.article
            && article_id != article
        {
            return false;
        }
        if let Some(speaker) = &self.speaker
            && speaker_id != Some(speaker.as_str())
        {
            return false;
        }
        if let Some(wanted) = self.kind
            && kind != wanted
        {
            return false;
        }
        if let Some(q) = &self.q
            && !all_words_in(q, &[text])
        {
            return false;
        }
        true
    }

    /// True when no filter is given: every quote passes.
    pub fn is_empty(&self) -> bool {
        self == &QuoteFilter::default()
    }
}

/// One end of a `from`/`to` range: a calendar day, or an instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeBound {
    /// `2025-08-15`: compared with the calendar days an event's start touches.
    Day(Date),
    /// An RFC 3339 time: compared with the instants of an event's start.
    Instant(Timestamp),
}

/// Why a `from`/`to` value was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0:?} is neither an ISO date (2025-08-15) nor an RFC 3339 time (2025-08-15T11:00:00Z)")]
pub struct BadTimeBound(pub String);

impl FromStr for TimeBound {
    type Err = BadTimeBound;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        let bad = || BadTimeBound(s.to_string());
        if s.contains(['T', 't', ' ']) {
            s.parse().map(TimeBound::Instant).map_err(|_| bad())
        } else if s.len() == 10 {
            s.parse().map(TimeBound::Day).map_err(|_| bad())
        } else {
            Err(bad())
        }
    }
}

/// Filters for the events list and the timeline.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventFilter {
    /// Only events from this article.
    pub article: Option<String>,
    /// Only events with this person id among the participants.
    pub participant: Option<String>,
    /// Case-insensitive substring of the place's name, city, region or country.
    pub place: Option<String>,
    /// The start must not end before this.
    pub from: Option<TimeBound>,
    /// The start must begin no later than this.
    pub to: Option<TimeBound>,
    /// Every word must occur in the title, the kind or the place.
    pub q: Option<String>,
}

impl EventFilter {
    /// Whether `event` passes every given filter; `article_zone` is its article's time zone,
    /// used to read a start that names no zone of its own.
    ///
    /// A start of day precision passes `from`/`to` when its day overlaps the range: with
    /// `from=2025-08-15`, an event "on 15 August" passes and one "on 14 August" does not.
    /// Events with no start fail any `from` or `to`.
    pub fn matches(&self, event: &Event, article_zone: &str) -> bool {
        self.matches_ids(
            &event.article_id,
            event.participants.iter().map(String::as_str),
        ) && self.matches_text(event)
            && (!self.has_time_range()
                || self.matches_span(
                    event
                        .start
                        .as_ref()
                        .and_then(|s| when::span(s, when::event_zone(event, article_zone)))
                        .as_ref(),
                ))
    }

    /// The `article` and `participant` filters, on the event's article id and participant ids.
    pub fn matches_ids<'a>(
        &self,
        article_id: &str,
        mut participants: impl Iterator<Item = &'a str>,
    ) -> bool {
        if let Some(article) = &self.article
            && article_id != article
        {
            return false;
        }
        if let Some(person) = &self.participant
            && !participants.any(|p| p == person)
        {
            return false;
        }
        true
    }

    /// Whether a filter on the event's words (`place`, `q`) is given: without one,
    /// [`EventFilter::matches_text`] passes every event.
    pub fn reads_text(&self) -> bool {
        self.place.is_some() || self.q.is_some()
    }

    /// The `place` and `q` filters.
    pub fn matches_text(&self, event: &Event) -> bool {
        if let Some(place) = needle(&self.place) {
            let hit = event.place.as_ref().is_some_and(|p| {
                [
                    Some(&p.name),
                    p.city.as_ref(),
                    p.region.as_ref(),
                    p.country.as_ref(),
                ]
                .into_iter()
                .flatten()
                .any(|field| contains_ci(field, &place))
            });
            if !hit {
                return false;
            }
        }
        if let Some(q) = &self.q {
            let mut fields: Vec<&str> = vec![&event.title, &event.kind];
            if let Some(p) = &event.place {
                fields.push(&p.name);
                fields.extend(
                    [&p.city, &p.region, &p.country]
                        .into_iter()
                        .flatten()
                        .map(String::as_str),
                );
            }
            if !all_words_in(q, &fields) {
                return false;
            }
        }
        true
    }

    /// Whether `from` or `to` is given.
    pub fn has_time_range(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// The `from` and `to` filters, on the span of the event's start read in its zone (see
    /// [`when::event_zone`]); None when it has no usable start.
    pub fn matches_span(&self, span: Option<&Span>) -> bool {
        if !self.has_time_range() {
            return true;
        }
        span.is_some_and(|s| self.within(s))
    }

    /// True when no filter is given: every event passes.
    pub fn is_empty(&self) -> bool {
        self == &EventFilter::default()
    }

    fn within(&self, span: &Span) -> bool {
        let after_from = match self.from {
            None => true,
            Some(TimeBound::Day(d)) => span.last_day >= d,
            Some(TimeBound::Instant(t)) if span.is_instant() => span.begins >= t,
            Some(TimeBound::Instant(t)) => span.ends > t,
        };
        let before_to = match self.to {
            None => true,
            Some(TimeBound::Day(d)) => span.first_day <= d,
            Some(TimeBound::Instant(t)) => span.begins <= t,
        };
        after_from && before_to
    }
}

/// The trimmed, lowercased filter value; None when absent or blank (a blank filter is no filter).
pub(crate) fn needle(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_lowercase)
}

fn contains_ci(haystack: &str, lowercase_needle: &str) -> bool {
    haystack.to_lowercase().contains(lowercase_needle)
}

/// Every word of `query` (split on white space, outer punctuation dropped) occurs,
/// case-insensitively, in one of `fields`.
fn all_words_in(query: &str, fields: &[&str]) -> bool {
    let hay: Vec<String> = fields.iter().map(|f| f.to_lowercase()).collect();
    query_words(query)
        .iter()
        .all(|w| hay.iter().any(|h| h.contains(w)))
}

/// The lowercased words of a `q` value, as [`all_words_in`] looks for them; a store that
/// narrows candidates in its own query language searches for these.
pub(crate) fn query_words(query: &str) -> Vec<String> {
    query
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

#[cfg(test)]
#[expect(
    clippy::unwrap_used,
    reason = "a test should fail loudly on an unexpected error"
)]
mod tests {
    use super::*;
    use crate::model::{EventStatus, Evidence, Place, Precision, TimePoint};

    fn person() -> Person {
        Person {
            id: "jane-doe".into(),
            name: "Jane Doe".into(),
            aliases: vec!["Ms Doe".into()],
            roles: vec!["mayor of Springfield".into()],
            mention_count: 2,
            article_ids: vec!["a1".into()],
            evidence: Vec::new(),
        }
    }

    fn quote(kind: QuoteKind) -> Quote {
        Quote {
            id: "q1".into(),
            article_id: "a1".into(),
            speaker_id: Some("jane-doe".into()),
            speaker_name: Some("Jane Doe".into()),
            text: "We will win the vote".into(),
            kind,
            cue: Some("said".into()),
            evidence: Evidence {
                article_id: "a1".into(),
                sentence: String::new(),
                start: 0,
                end: 1,
            },
        }
    }

    fn event(start: Option<(&str, Precision)>) -> Event {
        Event {
            id: "e1".into(),
            article_id: "a1".into(),
            title: "council meeting".into(),
            kind: "meeting".into(),
            participants: vec!["jane-doe".into()],
            participant_names: vec!["Jane Doe".into()],
            groups: vec![],
            place: Some(Place {
                name: "City Hall".into(),
                city: Some("Springfield".into()),
                region: Some("Illinois".into()),
                country: Some("United States".into()),
                time_zone: Some("America/Chicago".into()),
                from_dateline: false,
            }),
            start: start.map(|(value, precision)| TimePoint {
                value: value.into(),
                precision,
                time_zone: None,
                utc: None,
                text: String::new(),
                inferred: vec![],
                warnings: vec![],
            }),
            end: None,
            status: EventStatus::Scheduled,
            parent_id: None,
            evidence: vec![],
        }
    }

    #[test]
    fn person_filters_combine() {
        let p = person();
        let f = |article: Option<&str>, q: Option<&str>, role: Option<&str>| PersonFilter {
            article: article.map(Into::into),
            q: q.map(Into::into),
            role: role.map(Into::into),
        };
        assert!(f(None, None, None).matches(&p));
        assert!(f(Some("a1"), Some("ms d"), Some("MAYOR")).matches(&p));
        assert!(!f(Some("a2"), Some("doe"), None).matches(&p));
        assert!(!f(None, Some("smith"), None).matches(&p));
        assert!(!f(None, None, Some("governor")).matches(&p));
        assert!(
            f(None, Some("  "), None).matches(&p),
            "blank q is no filter"
        );
    }

    #[test]
    fn quote_q_needs_every_word() {
        let q = quote(QuoteKind::Direct);
        let by_words = |words: &str| QuoteFilter {
            q: Some(words.into()),
            ..Default::default()
        };
        assert!(by_words("WIN vote").matches(&q));
        assert!(by_words("\"win,\"").matches(&q));
        assert!(!by_words("win lose").matches(&q));
        let reported = QuoteFilter {
            kind: Some(QuoteKind::Reported),
            ..Default::default()
        };
        assert!(!reported.matches(&q));
        assert!(reported.matches(&quote(QuoteKind::Reported)));
    }

    #[test]
    fn event_place_and_q_search_the_place_fields() {
        let e = event(None);
        let by_place = |p: &str| EventFilter {
            place: Some(p.into()),
            ..Default::default()
        };
        assert!(by_place("illinois").matches(&e, "UTC"));
        assert!(by_place("hall").matches(&e, "UTC"));
        assert!(!by_place("paris").matches(&e, "UTC"));
        let by_q = |q: &str| EventFilter {
            q: Some(q.into()),
            ..Default::default()
        };
        assert!(by_q("council springfield").matches(&e, "UTC"));
        assert!(!by_q("council paris").matches(&e, "UTC"));
    }

    #[test]
    fn day_bounds_include_overlapping_days() {
        let e = event(Some(("2025-08-15", Precision::Day)));
        let range = |from: &str, to: &str| EventFilter {
            from: Some(from.parse().unwrap()),
            to: Some(to.parse().unwrap()),
            ..Default::default()
        };
        assert!(range("2025-08-15", "2025-08-15").matches(&e, "UTC"));
        assert!(!range("2025-08-16", "2025-08-20").matches(&e, "UTC"));
        assert!(!range("2025-08-01", "2025-08-14").matches(&e, "UTC"));
        // The day is read in the place's zone (Chicago, UTC-5 in August): it runs
        // 05:00Z on the 15th to 05:00Z on the 16th.
        assert!(range("2025-08-16T04:00:00Z", "2025-08-20").matches(&e, "UTC"));
        assert!(!range("2025-08-16T05:00:00Z", "2025-08-20").matches(&e, "UTC"));
        assert!(!range("2025-08-01", "2025-08-15T04:59:00Z").matches(&e, "UTC"));
    }

    #[test]
    fn minute_starts_compare_as_instants_and_missing_starts_fail_ranges() {
        let mut e = event(Some(("2025-08-15T11:00:00-08:00", Precision::Minute)));
        let from = |v: &str| EventFilter {
            from: Some(v.parse().unwrap()),
            ..Default::default()
        };
        assert!(from("2025-08-15T19:00:00Z").matches(&e, "UTC"));
        assert!(!from("2025-08-15T19:01:00Z").matches(&e, "UTC"));
        assert!(from("2025-08-15").matches(&e, "UTC"));
        e.start = None;
        assert!(!from("2000-01-01").matches(&e, "UTC"));
        assert!(EventFilter::default().matches(&e, "UTC"));
    }

    #[test]
    fn bad_bounds_are_refused() {
        for bad in ["yesterday", "2025-02-30", "2025-08", "2025-08-15T10:00"] {
            assert!(bad.parse::<TimeBound>().is_err(), "{bad}");
        }
    }
}
