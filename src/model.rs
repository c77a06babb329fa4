//! The facts factline serves, as plain serialisable types shared by the extractor, the stores
//! and the HTTP layer. Nothing here knows about HTTP or storage.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Where a fact is stated: the sentence, and the code-point offsets of the span that carries it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Evidence {
    /// The article the fact was drawn from.
    pub article_id: String,
    /// The sentence that states the fact (for a sentence over 2,000 bytes, the part around the
    /// span, with "…" where it was cut).
    pub sentence: String,
    /// Start of the span, in Unicode scalar values from the start of the article text.
    pub start: usize,
    /// End of the span (exclusive), in Unicode scalar values.
    pub end: usize,
}

/// How much of a [`TimePoint`]'s value the text fixes.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// `"2018"`
    Year,
    /// `"2022-10"`
    Month,
    /// `"2025-08-13"`
    Day,
    /// A full RFC 3339 time with its local offset.
    Minute,
}

/// What the article says about when something happens, normalised.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct TimePoint {
    /// ISO 8601 at `precision`: `"2018"`, `"2022-10"`, `"2025-08-13"` or RFC 3339.
    pub value: String,
    /// How much of `value` the text fixes.
    pub precision: Precision,
    /// IANA zone name where known.
    pub time_zone: Option<String>,
    /// The instant in UTC when `precision` is `minute`, else null.
    pub utc: Option<String>,
    /// The words of the article this was read from.
    pub text: String,
    /// Which parts were not in the text but inferred: `date`, `year`, `time_zone`, `month`.
    #[serde(default)]
    pub inferred: Vec<String>,
    /// Problems noticed, such as two paired clock times that name different instants.
    #[serde(default)]
    pub warnings: Vec<String>,
}

/// A person named in one or more articles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Person {
    /// Stable id derived from the canonical name.
    pub id: String,
    /// The fullest form in the text, without honorifics ("Keir Starmer").
    pub name: String,
    /// Other surface forms that refer to this person: "Mr Trump", "Trump", "the US president".
    pub aliases: Vec<String>,
    /// Offices the text gives them, normalised ("Ukrainian president", "press secretary").
    pub roles: Vec<String>,
    /// How many times the person is mentioned, over all their articles.
    pub mention_count: usize,
    /// The articles that mention them.
    pub article_ids: Vec<String>,
    /// Where the person is introduced: the first mention in each article, so that a reader
    /// can check who the extractor means.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
}

/// Whether a quote is in quotation marks or reported speech.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Words inside quotation marks.
    Direct,
    /// Indirect speech: "said the conflict had proven tougher".
    Reported,
}

/// Something somebody said.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Quote {
    /// Stable id.
    pub id: String,
    /// The article it comes from.
    pub article_id: String,
    /// The person who spoke; null where the text does not say, never a wrong person.
    pub speaker_id: Option<String>,
    /// The speaker as named: a person's canonical name, or a non-person source ("the White House").
    pub speaker_name: Option<String>,
    /// The quoted words only.
    pub text: String,
    /// Direct or reported.
    pub kind: QuoteKind,
    /// The speech verb or phrase that attributes it ("said", "insisted", "according to").
    pub cue: Option<String>,
    /// Where it is stated; the span is the quoted words.
    pub evidence: Evidence,
}

/// Where an event happens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Place {
    /// The most specific name the text gives (a venue, a city, a region or a country).
    pub name: String,
    /// The city, where known.
    pub city: Option<String>,
    /// The region (state, province), where known.
    pub region: Option<String>,
    /// The country, where known.
    pub country: Option<String>,
    /// The IANA zone of the place, where known.
    pub time_zone: Option<String>,
    /// True when the text gives no place for the event and it was read from the story's
    /// dateline ("BANGKOK —"): the place the story is filed from. Absent when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub from_dateline: bool,
}

/// Whether an event happened, is planned, or is only contemplated.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum EventStatus {
    /// It happened before publication.
    Past,
    /// It is planned or under way.
    Scheduled,
    /// It is only contemplated ("could", "would", "if").
    Hypothetical,
}

/// One happening, merged over all its mentions in an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Event {
    /// Stable id.
    pub id: String,
    /// The article it comes from.
    pub article_id: String,
    /// A short description ("summit", "meeting between Donald Trump and Vladimir Putin").
    pub title: String,
    /// The kind of happening: `summit`, `meeting`, `call`, `visit`, `press conference`, ...
    pub kind: String,
    /// Person ids.
    pub participants: Vec<String>,
    /// The participants' canonical names, in the order of `participants`.
    #[serde(default)]
    pub participant_names: Vec<String>,
    /// Participants that are groups, not people ("European leaders").
    #[serde(default)]
    pub groups: Vec<String>,
    /// Where it happens.
    pub place: Option<Place>,
    /// When it starts.
    pub start: Option<TimePoint>,
    /// When it ends.
    pub end: Option<TimePoint>,
    /// Past, scheduled or hypothetical.
    pub status: EventStatus,
    /// The event this one is part of (a press conference within a summit).
    #[serde(default)]
    pub parent_id: Option<String>,
    /// Every mention of it.
    pub evidence: Vec<Evidence>,
}

/// How many facts an article yielded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ArticleCounts {
    /// Distinct people.
    pub people: usize,
    /// Events.
    pub events: usize,
    /// Quotes, direct and reported.
    pub quotes: usize,
}

/// Everything the extractor draws from one article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Extraction {
    /// People, each with `article_ids == [article_id]` and this article's mention count.
    pub people: Vec<Person>,
    /// Quotes in text order.
    pub quotes: Vec<Quote>,
    /// Events in order of first mention.
    pub events: Vec<Event>,
    /// Every time expression in the text, normalised, in text order.
    #[serde(default)]
    pub times: Vec<TimePoint>,
}

impl Extraction {
    /// The counts an [`ArticleCounts`] reports.
    pub fn counts(&self) -> ArticleCounts {
        ArticleCounts {
            people: self.people.len(),
            events: self.events.len(),
            quotes: self.quotes.len(),
        }
    }
}
