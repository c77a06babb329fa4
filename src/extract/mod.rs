//! Text → facts. No HTTP and no storage here: plain functions over the article text.

pub mod gazetteer;

pub mod events;
pub mod ids;
pub mod lexicon;
pub mod people;
pub mod quotes;
pub mod sentences;
pub mod time;
pub mod zones;

use crate::model::{Event, Evidence, Extraction, Person, Place, Quote, QuoteKind, TimePoint};

/// What the extractor needs to know about an article besides its text.
#[derive(Clone, Debug)]
pub struct ArticleContext {
    /// The article's id, copied into every fact's evidence.
    pub article_id: String,
    /// The publication date that relative expressions resolve against.
    pub published: jiff::civil::Date,
    /// The newsroom's IANA zone, the default for clock times with no zone.
    pub time_zone: String,
}

/// Converts byte offsets into code-point offsets, as the API reports them.
struct CharIndex {
    /// Code-point count before each byte (only meaningful at character boundaries).
    before: Vec<u32>,
}

impl CharIndex {
    fn new(text: &str) -> Self {
        let mut before = vec![0u32; text.len() + 1];
        let mut n = 0u32;
        let mut last = 0;
        for (i, _) in text.char_indices() {
            for slot in &mut before[last..=i] {
                *slot = n;
            }
            n += 1;
            last = i + 1;
        }
        for slot in &mut before[last..] {
            *slot = n;
        }
        Self { before }
    }

    fn at(&self, byte: usize) -> usize {
        self.before.get(byte).copied().unwrap_or(0) as usize
    }
}

/// Extracts people, quotes, events and time expressions from `text`.
///
/// ```
/// use factline::extract::{extract, ArticleContext};
/// let ctx = ArticleContext {
///     article_id: "a1".into(),
///     published: jiff::civil::date(2025, 3, 12),
///     time_zone: "Europe/London".into(),
/// };
/// let facts = extract("“We are ready,” said Mayor Jane Doe on Tuesday.", &ctx);
/// assert_eq!(facts.people[0].name, "Jane Doe");
/// assert_eq!(facts.quotes[0].text, "We are ready");
/// assert_eq!(facts.quotes[0].speaker_name.as_deref(), Some("Jane Doe"));
/// ```
pub fn extract(text: &str, ctx: &ArticleContext) -> Extraction {
    let sentences = sentences::split_sentences(text);
    // Every pass reads each sentence's words: they are split once.
    let sentence_tokens = sentences::sentence_tokens(text, &sentences);
    let found_people = people::find_people_in(text, &sentences, &sentence_tokens);
    let found_quotes = quotes::find_quotes_in(text, &sentences, &sentence_tokens, &found_people);
    let quote_spans: Vec<std::ops::Range<usize>> = found_quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .flat_map(|q| std::iter::once(q.span.clone()).chain(q.continuation.iter().cloned()))
        .collect();
    let tctx = time::TimeContext {
        published: ctx.published,
        default_zone: &ctx.time_zone,
        place_zone: None,
        anchor: None,
    };
    // Each sentence's time analysis, built once: the article pass below resolves it, and the
    // event pass cuts its own reading from it where it can.
    let sentence_times: Vec<time::SentenceTimes<'_>> = sentences
        .iter()
        .map(|s| time::SentenceTimes::new(text, s.span.clone()))
        .collect();
    let read = events::Sentences {
        tokens: &sentence_tokens,
        times: Some(&sentence_times),
    };
    let drafts =
        events::find_events_in(text, &sentences, &read, &found_people, &quote_spans, &tctx);
    let index = CharIndex::new(text);
    let evidence = |sentence: usize, span: &std::ops::Range<usize>| Evidence {
        article_id: ctx.article_id.clone(),
        sentence: sentence_excerpt(text, sentences[sentence].span.clone(), span),
        start: index.at(span.start),
        end: index.at(span.end),
    };

    let mut mention_counts = vec![0usize; found_people.persons.len()];
    for m in &found_people.mentions {
        mention_counts[m.person] += 1;
    }
    let person_ids: Vec<String> = found_people
        .persons
        .iter()
        .map(|p| ids::person_id(&p.name))
        .collect();
    let people_out: Vec<Person> = found_people
        .persons
        .iter()
        .enumerate()
        .map(|(i, p)| Person {
            id: person_ids[i].clone(),
            name: p.name.clone(),
            aliases: p
                .aliases
                .iter()
                .filter(|a| **a != p.name)
                .cloned()
                .collect(),
            roles: p.roles.clone(),
            mention_count: mention_counts[i],
            article_ids: vec![ctx.article_id.clone()],
            evidence: found_people
                .mentions
                .iter()
                .find(|m| m.person == i)
                .map(|m| evidence(m.sentence, &m.span))
                .into_iter()
                .collect(),
        })
        .collect();

    let quotes_out: Vec<Quote> = found_quotes
        .iter()
        .map(|q| {
            let (speaker_id, speaker_name) = match &q.speaker {
                quotes::Speaker::Person(i) => (
                    Some(person_ids[*i].clone()),
                    Some(found_people.persons[*i].name.clone()),
                ),
                quotes::Speaker::Named(n) => (None, Some(n.clone())),
                quotes::Speaker::Unknown => (None, None),
            };
            let mut words = text[q.span.clone()].to_string();
            for c in &q.continuation {
                words.push(' ');
                words.push_str(&text[c.clone()]);
            }
            let end = q.continuation.last().map_or(q.span.end, |c| c.end);
            let kind = q.kind;
            Quote {
                id: ids::fact_id(
                    "q",
                    &ctx.article_id,
                    q.span.start,
                    kind == QuoteKind::Direct,
                ),
                article_id: ctx.article_id.clone(),
                speaker_id,
                speaker_name,
                text: words,
                kind,
                cue: q.cue.clone(),
                evidence: evidence(q.sentence, &(q.span.start..end)),
            }
        })
        .collect();

    let event_ids: Vec<String> = drafts
        .iter()
        .map(|d| {
            ids::fact_id(
                "e",
                &ctx.article_id,
                d.mentions.first().map_or(0, |m| m.1.start),
                d.parent.is_some(),
            )
        })
        .collect();
    let events_out: Vec<Event> = drafts
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let names: Vec<String> = d
                .participants
                .iter()
                .map(|&p| found_people.persons[p].name.clone())
                .collect();
            Event {
                id: event_ids[i].clone(),
                article_id: ctx.article_id.clone(),
                title: event_title(&d.kind, &names, &d.groups, d.place.as_ref()),
                kind: d.kind.clone(),
                participants: d
                    .participants
                    .iter()
                    .map(|&p| person_ids[p].clone())
                    .collect(),
                participant_names: names,
                groups: d.groups.clone(),
                place: d.place.clone(),
                start: d.start.clone(),
                end: d.end.clone(),
                status: d.status,
                parent_id: d.parent.map(|p| event_ids[p].clone()),
                evidence: d
                    .mentions
                    .iter()
                    .map(|(s, span)| evidence(*s, span))
                    .collect(),
            }
        })
        .collect();

    // Every time expression; a clock time whose day only its event knows takes the event's
    // reading ("11am GMT" on the day the talks are held, not the publication day).
    let event_points: Vec<&TimePoint> = events_out
        .iter()
        .flat_map(|e| e.start.iter().chain(e.end.iter()))
        .collect();
    let mut times: Vec<TimePoint> = Vec::new();
    for found in time::resolve_in_sentences(&sentence_times, &tctx) {
        for t in found {
            let day_inferred = t.point.inferred.iter().any(|x| x == "date");
            let anchored = event_points
                .iter()
                .find(|p| day_inferred && p.text == t.point.text && p.utc.is_some());
            times.push(anchored.map_or(t.point, |p| (*p).clone()));
            if let Some(e) = t.range_end {
                times.push(e);
            }
        }
    }
    Extraction {
        people: people_out,
        quotes: quotes_out,
        events: events_out,
        times,
    }
}

/// Sentences longer than this many bytes are cut to a window around the fact's span in its
/// evidence, so that a run-on "sentence" of a megabyte does not repeat in every fact.
const MAX_EVIDENCE_SENTENCE: usize = 2_000;

/// The sentence that states a fact, or for an over-long one the part around `span`, marked
/// with "…" where it was cut.
fn sentence_excerpt(
    text: &str,
    sentence: std::ops::Range<usize>,
    span: &std::ops::Range<usize>,
) -> String {
    if sentence.len() <= MAX_EVIDENCE_SENTENCE {
        return text[sentence].to_string();
    }
    let margin = MAX_EVIDENCE_SENTENCE / 2;
    let mut start = span.start.saturating_sub(margin).max(sentence.start);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (span.end + margin).min(sentence.end).max(start);
    while !text.is_char_boundary(end) {
        end += 1;
    }
    // Room for the excerpt and both marks: no regrowth, for what can be thousands of facts.
    let mut out = String::with_capacity(end - start + 2 * '…'.len_utf8());
    if start > sentence.start {
        out.push('…');
    }
    out.push_str(&text[start..end]);
    if end < sentence.end {
        out.push('…');
    }
    out
}

/// "Summit: Donald Trump and Vladimir Putin, in Anchorage".
fn event_title(kind: &str, names: &[String], groups: &[String], place: Option<&Place>) -> String {
    let mut title = String::new();
    let mut chars = kind.chars();
    if let Some(c) = chars.next() {
        title.extend(c.to_uppercase());
        title.push_str(chars.as_str());
    }
    let who: Vec<&str> = names
        .iter()
        .map(String::as_str)
        .chain(groups.iter().map(String::as_str))
        .collect();
    if !who.is_empty() {
        title.push_str(": ");
        match who.len() {
            1 => title.push_str(who[0]),
            n => {
                title.push_str(&who[..n - 1].join(", "));
                title.push_str(" and ");
                title.push_str(who[n - 1]);
            }
        }
    }
    if let Some(p) = place {
        // "at No 10" for a building, "in Anchorage" for a city, region or country.
        let venue = p.city.as_deref() != Some(p.name.as_str())
            && p.region.as_deref() != Some(p.name.as_str())
            && p.country.as_deref() != Some(p.name.as_str());
        let prep = if venue { "at" } else { "in" };
        title.push_str(if who.is_empty() { " " } else { ", " });
        title.push_str(prep);
        title.push(' ');
        title.push_str(&p.name);
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_sentences_are_cut_around_the_fact_in_evidence() {
        let filler = "word ".repeat(1_000);
        let text = format!("{filler}Mayor Jane Doe said “it is done,” she said. {filler}");
        let ctx = ArticleContext {
            article_id: "a".into(),
            published: jiff::civil::date(2025, 3, 12),
            time_zone: "UTC".into(),
        };
        let facts = extract(&text, &ctx);
        let quote = facts
            .quotes
            .iter()
            .find(|q| q.text == "it is done")
            .expect("quote");
        let s = &quote.evidence.sentence;
        assert!(
            s.len() <= MAX_EVIDENCE_SENTENCE + quote.text.len() + 8,
            "{}",
            s.len()
        );
        assert!(s.starts_with('…') && s.contains("it is done"));
        // Short sentences are kept whole.
        let short = extract("“We won,” said Mayor Jane Doe.", &ctx);
        assert_eq!(
            short.quotes[0].evidence.sentence,
            "“We won,” said Mayor Jane Doe."
        );
    }
}
