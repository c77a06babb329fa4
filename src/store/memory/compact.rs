//! One article's facts as the memory store keeps them: small, and rebuilt on the way out.
//!
//! The extractor's facts repeat strings heavily — every fact carries its article id and the
//! whole sentence it was found in, names and ids recur across people, quotes and events — and
//! each `String` is an allocation of its own: about 20 KB for a 2 KB article, gigabytes at
//! 100,000 articles. Here every string of an article is a range of one buffer that begins with
//! the article's text, so sentences and quoted words found in the text cost nothing, and any
//! other string is appended once however often it recurs. Lists of strings are ranges of one
//! list, and evidence ranges of one evidence list.
//!
//! Reads rebuild model values only for what they return; filters and indexes read the compact
//! fields directly. What goes in comes out: a rebuilt fact equals the one stored (a test checks
//! it on the annotated corpus). The article's normalised time expressions are not kept: no
//! read of the memory store returns them.

use std::collections::HashMap;
use std::num::NonZeroU32;
use std::ops::Range;

use crate::model::{
    ArticleCounts, Event, EventStatus, Evidence, Extraction, Person, Place, Precision, Quote,
    QuoteKind, TimePoint,
};
use crate::store::when::{self, Span};

/// A string: a byte range of the article's buffer, always on character boundaries.
///
/// The end is kept plus one as a `NonZeroU32` so that an `Option<Str>` — a quote's speaker
/// and cue, a place's fields, a time's zone — takes 8 bytes rather than 12: about 35 MB at
/// 100,000 articles.
#[derive(Clone, Copy, Debug)]
struct Str {
    start: u32,
    end_plus_one: NonZeroU32,
}

impl Str {
    const EMPTY: Str = Str {
        start: 0,
        end_plus_one: NonZeroU32::MIN,
    };

    fn new(start: usize, end: usize) -> Result<Str, TooLarge> {
        let end_plus_one = to_u32(end, "text")?
            .checked_add(1)
            .and_then(NonZeroU32::new)
            .ok_or(TooLarge("text"))?;
        Ok(Str {
            start: to_u32(start, "text")?,
            end_plus_one,
        })
    }

    fn range(self) -> Range<usize> {
        self.start as usize..(self.end_plus_one.get() - 1) as usize
    }
}

/// A list of strings: a range of [`CompactArticle::lists`].
#[derive(Clone, Copy, Debug)]
struct List {
    start: u32,
    end: u32,
}

#[derive(Debug)]
struct CompactEvidence {
    article_id: Str,
    sentence: Str,
    start: u32,
    end: u32,
}

#[derive(Debug)]
struct CompactPerson {
    id: Str,
    name: Str,
    aliases: List,
    roles: List,
    mention_count: usize,
    article_ids: List,
    evidence: Range<u32>,
}

#[derive(Debug)]
struct CompactQuote {
    id: Str,
    article_id: Str,
    speaker_id: Option<Str>,
    speaker_name: Option<Str>,
    text: Str,
    kind: QuoteKind,
    cue: Option<Str>,
    evidence: CompactEvidence,
}

#[derive(Debug)]
struct CompactPlace {
    name: Str,
    city: Option<Str>,
    region: Option<Str>,
    country: Option<Str>,
    time_zone: Option<Str>,
    from_dateline: bool,
}

#[derive(Debug)]
struct CompactTime {
    value: Str,
    precision: Precision,
    time_zone: Option<Str>,
    utc: Option<Str>,
    text: Str,
    inferred: List,
    warnings: List,
}

#[derive(Debug)]
struct CompactEvent {
    id: Str,
    article_id: Str,
    title: Str,
    kind: Str,
    participants: List,
    participant_names: List,
    groups: List,
    place: Option<CompactPlace>,
    start: Option<CompactTime>,
    end: Option<CompactTime>,
    status: EventStatus,
    parent_id: Option<Str>,
    evidence: Range<u32>,
    /// Where its start sits in time (read in its zone, else its article's); what the `from`
    /// and `to` filters and the timeline compare, worked out once here instead of per read.
    span: Option<Span>,
    /// The earliest offset of its evidence: the timeline's tie-break.
    first_offset: usize,
}

/// Why an article cannot be kept compactly.
#[derive(Debug, thiserror::Error)]
#[error("article too large to store: {0}")]
pub(crate) struct TooLarge(&'static str);

/// An article's text and facts.
#[derive(Debug)]
pub(crate) struct CompactArticle {
    /// The text, then every string of the facts not found in it.
    buf: Box<str>,
    text_len: u32,
    lists: Box<[Str]>,
    evidence: Box<[CompactEvidence]>,
    people: Box<[CompactPerson]>,
    quotes: Box<[CompactQuote]>,
    events: Box<[CompactEvent]>,
}

/// Strings shorter than this are not looked for in the text (the search would cost more than
/// the bytes it saves); longer ones are mostly sentences and quoted words.
const SEARCH_TEXT_FROM: usize = 16;

struct Builder<'e> {
    buf: String,
    text_len: usize,
    seen: HashMap<&'e str, Str>,
    lists: Vec<Str>,
    evidence: Vec<CompactEvidence>,
}

fn to_u32(n: usize, what: &'static str) -> Result<u32, TooLarge> {
    u32::try_from(n).map_err(|_| TooLarge(what))
}

impl<'e> Builder<'e> {
    fn str(&mut self, s: &'e str) -> Result<Str, TooLarge> {
        if s.is_empty() {
            return Ok(Str::EMPTY);
        }
        if let Some(&r) = self.seen.get(s) {
            return Ok(r);
        }
        let found = if s.len() >= SEARCH_TEXT_FROM {
            self.buf[..self.text_len].find(s)
        } else {
            None
        };
        let start = match found {
            Some(at) => at,
            None => {
                let at = self.buf.len();
                self.buf.push_str(s);
                at
            }
        };
        let r = Str::new(start, start + s.len())?;
        self.seen.insert(s, r);
        Ok(r)
    }

    fn opt(&mut self, s: &'e Option<String>) -> Result<Option<Str>, TooLarge> {
        s.as_deref().map(|s| self.str(s)).transpose()
    }

    fn list(&mut self, items: &'e [String]) -> Result<List, TooLarge> {
        let mut refs = Vec::with_capacity(items.len());
        for s in items {
            refs.push(self.str(s)?);
        }
        let start = to_u32(self.lists.len(), "lists")?;
        self.lists.extend(refs);
        Ok(List {
            start,
            end: to_u32(self.lists.len(), "lists")?,
        })
    }

    fn one_evidence(&mut self, e: &'e Evidence) -> Result<CompactEvidence, TooLarge> {
        Ok(CompactEvidence {
            article_id: self.str(&e.article_id)?,
            sentence: self.str(&e.sentence)?,
            start: to_u32(e.start, "evidence offset")?,
            end: to_u32(e.end, "evidence offset")?,
        })
    }

    fn evidence(&mut self, items: &'e [Evidence]) -> Result<Range<u32>, TooLarge> {
        let start = to_u32(self.evidence.len(), "evidence")?;
        for e in items {
            let c = self.one_evidence(e)?;
            self.evidence.push(c);
        }
        Ok(start..to_u32(self.evidence.len(), "evidence")?)
    }

    fn time(&mut self, t: &'e TimePoint) -> Result<CompactTime, TooLarge> {
        Ok(CompactTime {
            value: self.str(&t.value)?,
            precision: t.precision,
            time_zone: self.opt(&t.time_zone)?,
            utc: self.opt(&t.utc)?,
            text: self.str(&t.text)?,
            inferred: self.list(&t.inferred)?,
            warnings: self.list(&t.warnings)?,
        })
    }

    fn place(&mut self, p: &'e Place) -> Result<CompactPlace, TooLarge> {
        Ok(CompactPlace {
            name: self.str(&p.name)?,
            city: self.opt(&p.city)?,
            region: self.opt(&p.region)?,
            country: self.opt(&p.country)?,
            time_zone: self.opt(&p.time_zone)?,
            from_dateline: p.from_dateline,
        })
    }

    fn person(&mut self, p: &'e Person) -> Result<CompactPerson, TooLarge> {
        Ok(CompactPerson {
            id: self.str(&p.id)?,
            name: self.str(&p.name)?,
            aliases: self.list(&p.aliases)?,
            roles: self.list(&p.roles)?,
            mention_count: p.mention_count,
            article_ids: self.list(&p.article_ids)?,
            evidence: self.evidence(&p.evidence)?,
        })
    }

    fn quote(&mut self, q: &'e Quote) -> Result<CompactQuote, TooLarge> {
        Ok(CompactQuote {
            id: self.str(&q.id)?,
            article_id: self.str(&q.article_id)?,
            speaker_id: self.opt(&q.speaker_id)?,
            speaker_name: self.opt(&q.speaker_name)?,
            text: self.str(&q.text)?,
            kind: q.kind,
            cue: self.opt(&q.cue)?,
            evidence: self.one_evidence(&q.evidence)?,
        })
    }

    fn event(&mut self, e: &'e Event, article_zone: &str) -> Result<CompactEvent, TooLarge> {
        Ok(CompactEvent {
            id: self.str(&e.id)?,
            article_id: self.str(&e.article_id)?,
            title: self.str(&e.title)?,
            kind: self.str(&e.kind)?,
            participants: self.list(&e.participants)?,
            participant_names: self.list(&e.participant_names)?,
            groups: self.list(&e.groups)?,
            place: e.place.as_ref().map(|p| self.place(p)).transpose()?,
            start: e.start.as_ref().map(|t| self.time(t)).transpose()?,
            end: e.end.as_ref().map(|t| self.time(t)).transpose()?,
            status: e.status,
            parent_id: self.opt(&e.parent_id)?,
            evidence: self.evidence(&e.evidence)?,
            span: e
                .start
                .as_ref()
                .and_then(|s| when::span(s, when::event_zone(e, article_zone))),
            first_offset: e
                .evidence
                .iter()
                .map(|ev| ev.start)
                .min()
                .unwrap_or(usize::MAX),
        })
    }
}

impl CompactArticle {
    /// Packs `text` and `extraction`; `article_zone` is the article's time zone, which reads
    /// event starts that name no zone of their own.
    pub(crate) fn new(
        text: String,
        extraction: &Extraction,
        article_zone: &str,
    ) -> Result<Self, TooLarge> {
        let text_len = text.len();
        to_u32(text_len, "text")?;
        let mut b = Builder {
            buf: text,
            text_len,
            seen: HashMap::new(),
            lists: Vec::new(),
            evidence: Vec::new(),
        };
        let people = extraction
            .people
            .iter()
            .map(|p| b.person(p))
            .collect::<Result<Vec<_>, _>>()?;
        let quotes = extraction
            .quotes
            .iter()
            .map(|q| b.quote(q))
            .collect::<Result<Vec<_>, _>>()?;
        let events = extraction
            .events
            .iter()
            .map(|e| b.event(e, article_zone))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(CompactArticle {
            buf: b.buf.into_boxed_str(),
            text_len: to_u32(text_len, "text")?,
            lists: b.lists.into_boxed_slice(),
            evidence: b.evidence.into_boxed_slice(),
            people: people.into_boxed_slice(),
            quotes: quotes.into_boxed_slice(),
            events: events.into_boxed_slice(),
        })
    }

    fn get(&self, s: Str) -> &str {
        self.buf.get(s.range()).unwrap_or_default()
    }

    fn owned(&self, s: Str) -> String {
        self.get(s).to_string()
    }

    fn owned_opt(&self, s: Option<Str>) -> Option<String> {
        s.map(|s| self.owned(s))
    }

    fn strs(&self, l: List) -> impl Iterator<Item = &str> {
        self.lists
            .get(l.start as usize..l.end as usize)
            .unwrap_or_default()
            .iter()
            .map(|&s| self.get(s))
    }

    fn strings(&self, l: List) -> Vec<String> {
        self.strs(l).map(str::to_string).collect()
    }

    fn one_evidence(&self, e: &CompactEvidence) -> Evidence {
        Evidence {
            article_id: self.owned(e.article_id),
            sentence: self.owned(e.sentence),
            start: e.start as usize,
            end: e.end as usize,
        }
    }

    fn evidence(&self, r: &Range<u32>) -> Vec<Evidence> {
        self.evidence
            .get(r.start as usize..r.end as usize)
            .unwrap_or_default()
            .iter()
            .map(|e| self.one_evidence(e))
            .collect()
    }

    fn time(&self, t: &CompactTime) -> TimePoint {
        TimePoint {
            value: self.owned(t.value),
            precision: t.precision,
            time_zone: self.owned_opt(t.time_zone),
            utc: self.owned_opt(t.utc),
            text: self.owned(t.text),
            inferred: self.strings(t.inferred),
            warnings: self.strings(t.warnings),
        }
    }

    /// The article's text.
    pub(crate) fn text(&self) -> &str {
        self.buf.get(..self.text_len as usize).unwrap_or_default()
    }

    /// How many people, quotes and events it has.
    pub(crate) fn counts(&self) -> ArticleCounts {
        ArticleCounts {
            people: self.people.len(),
            events: self.events.len(),
            quotes: self.quotes.len(),
        }
    }

    // People.

    pub(crate) fn person_id(&self, i: usize) -> &str {
        self.people.get(i).map_or("", |p| self.get(p.id))
    }

    pub(crate) fn person_name(&self, i: usize) -> &str {
        self.people.get(i).map_or("", |p| self.get(p.name))
    }

    pub(crate) fn person_mentions(&self, i: usize) -> usize {
        self.people.get(i).map_or(0, |p| p.mention_count)
    }

    /// Person record `i` as extracted; without its evidence when `with_evidence` is false
    /// (what a filter needs, for a fraction of the copying).
    pub(crate) fn person(&self, i: usize, with_evidence: bool) -> Option<Person> {
        let p = self.people.get(i)?;
        Some(Person {
            id: self.owned(p.id),
            name: self.owned(p.name),
            aliases: self.strings(p.aliases),
            roles: self.strings(p.roles),
            mention_count: p.mention_count,
            article_ids: self.strings(p.article_ids),
            evidence: if with_evidence {
                self.evidence(&p.evidence)
            } else {
                Vec::new()
            },
        })
    }

    // Quotes.

    pub(crate) fn quote_count(&self) -> usize {
        self.quotes.len()
    }

    pub(crate) fn quote_id(&self, i: usize) -> &str {
        self.quotes.get(i).map_or("", |q| self.get(q.id))
    }

    pub(crate) fn quote_speaker(&self, i: usize) -> Option<&str> {
        self.quotes
            .get(i)
            .and_then(|q| q.speaker_id)
            .map(|s| self.get(s))
    }

    /// The fields the quote filters read: article id, speaker id, kind, text.
    pub(crate) fn quote_fields(&self, i: usize) -> Option<(&str, Option<&str>, QuoteKind, &str)> {
        let q = self.quotes.get(i)?;
        Some((
            self.get(q.article_id),
            q.speaker_id.map(|s| self.get(s)),
            q.kind,
            self.get(q.text),
        ))
    }

    pub(crate) fn quote(&self, i: usize) -> Option<Quote> {
        let q = self.quotes.get(i)?;
        Some(Quote {
            id: self.owned(q.id),
            article_id: self.owned(q.article_id),
            speaker_id: self.owned_opt(q.speaker_id),
            speaker_name: self.owned_opt(q.speaker_name),
            text: self.owned(q.text),
            kind: q.kind,
            cue: self.owned_opt(q.cue),
            evidence: self.one_evidence(&q.evidence),
        })
    }

    // Events.

    pub(crate) fn event_count(&self) -> usize {
        self.events.len()
    }

    pub(crate) fn event_id(&self, i: usize) -> &str {
        self.events.get(i).map_or("", |e| self.get(e.id))
    }

    pub(crate) fn event_article_id(&self, i: usize) -> &str {
        self.events.get(i).map_or("", |e| self.get(e.article_id))
    }

    pub(crate) fn event_participants(&self, i: usize) -> impl Iterator<Item = &str> {
        self.events
            .get(i)
            .map(|e| self.strs(e.participants))
            .into_iter()
            .flatten()
    }

    /// Where the start of event `i` sits in time, if it has a usable one.
    pub(crate) fn event_span(&self, i: usize) -> Option<&Span> {
        self.events.get(i).and_then(|e| e.span.as_ref())
    }

    pub(crate) fn event_first_offset(&self, i: usize) -> usize {
        self.events.get(i).map_or(usize::MAX, |e| e.first_offset)
    }

    pub(crate) fn event(&self, i: usize) -> Option<Event> {
        let e = self.events.get(i)?;
        Some(Event {
            id: self.owned(e.id),
            article_id: self.owned(e.article_id),
            title: self.owned(e.title),
            kind: self.owned(e.kind),
            participants: self.strings(e.participants),
            participant_names: self.strings(e.participant_names),
            groups: self.strings(e.groups),
            place: e.place.as_ref().map(|p| Place {
                name: self.owned(p.name),
                city: self.owned_opt(p.city),
                region: self.owned_opt(p.region),
                country: self.owned_opt(p.country),
                time_zone: self.owned_opt(p.time_zone),
                from_dateline: p.from_dateline,
            }),
            start: e.start.as_ref().map(|t| self.time(t)),
            end: e.end.as_ref().map(|t| self.time(t)),
            status: e.status,
            parent_id: self.owned_opt(e.parent_id),
            evidence: self.evidence(&e.evidence),
        })
    }
}

#[cfg(test)]
#[expect(
    clippy::unwrap_used,
    reason = "a test should fail loudly on an unexpected error"
)]
mod tests {
    use super::*;
    use crate::extract::{ArticleContext, extract};

    #[test]
    fn every_corpus_fact_comes_back_as_stored() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
        let mut checked = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|x| x != "txt") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let ctx = ArticleContext {
                article_id: "some-article-1a2b3c".into(),
                published: jiff::civil::date(2025, 8, 15),
                time_zone: "Europe/London".into(),
            };
            let x = extract(&text, &ctx);
            let c = CompactArticle::new(text.clone(), &x, "Europe/London").unwrap();
            assert_eq!(c.text(), text);
            assert_eq!(c.counts(), x.counts());
            for (i, p) in x.people.iter().enumerate() {
                assert_eq!(c.person(i, true).as_ref(), Some(p));
                let light = c.person(i, false).unwrap();
                assert!(light.evidence.is_empty());
                assert_eq!(light.aliases, p.aliases);
            }
            for (i, q) in x.quotes.iter().enumerate() {
                assert_eq!(c.quote(i).as_ref(), Some(q));
                assert_eq!(c.quote_id(i), q.id);
            }
            for (i, e) in x.events.iter().enumerate() {
                assert_eq!(c.event(i).as_ref(), Some(e));
                let span = e
                    .start
                    .as_ref()
                    .and_then(|s| when::span(s, when::event_zone(e, "Europe/London")));
                assert_eq!(c.event_span(i), span.as_ref());
            }
            checked += x.quotes.len() + x.events.len();
        }
        assert!(checked > 100, "the corpus should yield facts: {checked}");
    }

    #[test]
    fn an_optional_string_costs_no_more_than_a_string() {
        assert_eq!(
            std::mem::size_of::<Option<Str>>(),
            std::mem::size_of::<Str>()
        );
        assert_eq!(std::mem::size_of::<Str>(), 8);
    }

    #[test]
    fn repeated_strings_are_kept_once_and_text_strings_not_copied() {
        let text = "Jane Doe said the council would meet on Monday in Springfield.".to_string();
        let sentence = text.clone();
        let ev = Evidence {
            article_id: "a".into(),
            sentence: sentence.clone(),
            start: 0,
            end: 8,
        };
        let person = Person {
            id: "jane-doe".into(),
            name: "Jane Doe".into(),
            aliases: vec![],
            roles: vec!["mayor".into(), "mayor".into()],
            mention_count: 1,
            article_ids: vec!["a".into()],
            evidence: vec![ev.clone(), ev],
        };
        let x = Extraction {
            people: vec![person.clone()],
            ..Default::default()
        };
        let c = CompactArticle::new(text.clone(), &x, "UTC").unwrap();
        // "jane-doe", "Jane Doe", "mayor" and "a" appended once each; the sentence not at all.
        assert_eq!(c.buf.len(), text.len() + "jane-doeJane Doemayora".len());
        assert_eq!(c.person(0, true), Some(person));
        assert_eq!(c.person(1, true), None);
    }
}
