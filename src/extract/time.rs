//! Time expressions in article text → normalised [`TimePoint`]s: "on Wednesday", "later on
//! Friday", "3-5 September", "in November", "11am Alaska time (8pm BST)".
//!
//! Why it exists: events need a start and an end the timeline can sort and convert, but news
//! prose gives them relative to the day it was published and in whatever zone the newsroom or
//! the place uses. This module reads one sentence at a time ([`find_times`]), or the sentences
//! of an article in order ([`find_times_in_sentences`]), and resolves what it finds against a
//! [`TimeContext`].
//!
//! What it must not do: decide which event a time belongs to (the event extractor does that, and
//! passes back the day it settled on through [`TimeContext::anchor`] or [`at_date`]), read the
//! system's time-zone files (zone words come from [`super::zones`], and the zone of a place
//! named for "local time" from [`super::zones`] or the city table of [`super::gazetteer`]), or
//! know anything about a particular article.
//!
//! Decisions a caller may rely on:
//! - A mention's span and its `TimePoint::text` keep a leading "on", "in", "since", "until",
//!   "till", "through", "by" or "during" ("since March" and "in March" are two statements), not
//!   "at"; they keep words that change the meaning ("last", "early", "later on") and, for
//!   ranges, the opening "from" or "between". A range's start and end both carry the whole
//!   range's text.
//! - A week ("this week", "last week") has day precision with the value of its Monday and
//!   `"week"` in `inferred`; a weekend ("this weekend") its Saturday with `"weekend"`; seasons
//!   and decades are skipped. See [`resolve`] for the rules that pick a day from a weekday and
//!   tense (the publication day's own name is that day, whatever the tense).
//! - A clock time that names no zone is in [`TimeContext::default_zone`], with `"time_zone"`
//!   inferred; "local time" is in [`TimeContext::place_zone`] when it is known, else in the zone
//!   of a one-zone place the sentence names after "in", else in the default zone with a warning.
//! - A clock time with no day in its sentence, or "earlier in the day", "later that day", "spent
//!   the morning", takes the nearest day the sentence names before it, or after it in the same
//!   clause; else [`TimeContext::anchor`]; else (only through [`find_times_in_sentences`]) the
//!   last day the sentence before names on its side of publication; else the publication day.
//!   Without a day of its own sentence it has `"date"` inferred. "On the final day" (or "the
//!   first day") is the end (or start) of the range of days before it in the sentence.
//! - An abbreviation with a fixed offset ("BST", "EDT") is taken at its word for the instant; a
//!   warning says when its zone is not at that offset on the day. Paired times ("11am ET (4pm
//!   BST)", "2 p.m. Friday local time (3 a.m. Saturday KST)") are one mention in the first zone,
//!   with a warning when the two name different instants (or the pair's weekday differs).
//!
//! Everything works in byte offsets into the article text and is linear in the sentence's length.

mod parse;
mod resolve;
mod tense;
mod token;

pub(crate) use token::weekday_of;

use std::ops::Range;

use jiff::civil::Date;
use jiff::tz::Offset;

use self::parse::{ClockExpr, DateExpr, Parsed, Single, ZoneWords};
use self::resolve::{DateValue, Resolved};
use self::tense::{TenseIndex, is_boundary};

/// The month (1-12) a capitalised word names, full or abbreviated ("July", "Aug"); for the
/// sentence splitter, which must know a date after "a.m." from the start of a sentence.
pub(crate) fn month_number(word: &str) -> Option<i8> {
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    token::month_of(word).map(|(m, _)| m)
}
use self::token::Tokens;
use super::{gazetteer, zones};
use crate::model::{Precision, TimePoint};

/// What a sentence's times resolve against.
///
/// ```
/// use factline::extract::time::TimeContext;
///
/// let ctx = TimeContext {
///     published: jiff::civil::date(2025, 8, 15),
///     default_zone: "Europe/London",
///     place_zone: Some("America/Anchorage"),
///     anchor: None,
/// };
/// assert_eq!(ctx.published.weekday(), jiff::civil::Weekday::Friday);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeContext<'a> {
    /// The publication date: what "on Thursday" resolves against.
    pub published: Date,
    /// The newsroom's IANA zone, for clock times that name no zone.
    pub default_zone: &'a str,
    /// The IANA zone of the event's place, for "local time".
    pub place_zone: Option<&'a str>,
    /// The day of the event a clock-only time belongs to, when another sentence fixed it.
    pub anchor: Option<Date>,
}

/// The tense that decided which occurrence of a day an expression means.
///
/// ```
/// use factline::extract::time::{tense_at, Tense};
///
/// let s = "They will meet on Thursday.";
/// assert_eq!(tense_at(s, 0..s.len(), s.find("Thursday").unwrap()), Tense::Future);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tense {
    /// "met", "said", "was", "earlier".
    Past,
    /// "is", "are making", or no cue at all.
    Present,
    /// "will", "is set to", "plans to", "later".
    Future,
}

/// A clock time as the text gives it, with the zone it was read in.
///
/// ```
/// use factline::extract::time::{find_times, TimeContext};
///
/// let s = "The meeting starts at 11am Alaska time (8pm BST).";
/// let ctx = TimeContext {
///     published: jiff::civil::date(2025, 8, 15),
///     default_zone: "Europe/London",
///     place_zone: None,
///     anchor: None,
/// };
/// let clock = find_times(s, 0..s.len(), &ctx)[0].clock.clone().unwrap();
/// assert_eq!((clock.hour, clock.minute), (11, 0));
/// assert_eq!(clock.zone.as_deref(), Some("America/Anchorage"));
/// assert_eq!(clock.paired.unwrap().offset_seconds, Some(3600));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClockTime {
    /// 0-23.
    pub hour: u8,
    /// 0-59.
    pub minute: u8,
    /// The IANA zone the time is in; `None` only for a fixed offset with no IANA name
    /// ("UTC+05:45").
    pub zone: Option<String>,
    /// The UTC offset in seconds the text itself states ("BST", "EDT", "UTC+3"); the instant
    /// follows it, and the zone is only checked against it.
    pub offset_seconds: Option<i32>,
    /// The zone words as written ("Alaska time", "BST"), if any.
    pub zone_text: Option<String>,
    /// Whether the zone was not in the text (no zone words, or "local time" with no place).
    pub zone_inferred: bool,
    /// The clock and zone words as written ("11am Alaska time").
    pub text: String,
    /// Problems noticed while reading it ("local time" with no known place, no am/pm).
    pub warnings: Vec<String>,
    /// The weekday written with it, for the second time of a pair ("3 a.m. Saturday KST"); the
    /// comparison checks it too.
    pub weekday: Option<jiff::civil::Weekday>,
    /// The second time of a pair ("(8pm BST)"), to be compared with this one.
    pub paired: Option<Box<ClockTime>>,
}

/// One time expression found in a sentence, resolved.
///
/// ```
/// use factline::extract::time::{find_times, TimeContext, Tense};
///
/// let s = "Talks will run from Monday to Wednesday.";
/// let ctx = TimeContext {
///     published: jiff::civil::date(2025, 8, 15),
///     default_zone: "Europe/London",
///     place_zone: None,
///     anchor: None,
/// };
/// let m = &find_times(s, 0..s.len(), &ctx)[0];
/// assert_eq!(&s[m.start..m.end], "from Monday to Wednesday");
/// assert_eq!(m.point.value, "2025-08-18");
/// assert_eq!(m.range_end.as_ref().unwrap().value, "2025-08-20");
/// assert_eq!(m.tense, Tense::Future);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeMention {
    /// Byte offset of the expression in the article text.
    pub start: usize,
    /// Byte offset of its end (exclusive).
    pub end: usize,
    /// The start, or only, value.
    pub point: TimePoint,
    /// The end of a range ("from Monday to Wednesday").
    pub range_end: Option<TimePoint>,
    /// The calendar day, when the value is one day (day or minute precision, not a week).
    pub date: Option<Date>,
    /// The clock part, when there is one.
    pub clock: Option<ClockTime>,
    /// The tense used to resolve it.
    pub tense: Tense,
}

/// Every time expression inside `text[sentence]` (a byte range of the article text), resolved
/// against `ctx`, in text order. A range that is out of bounds or splits a character is clamped.
///
/// ```
/// use factline::extract::time::{find_times, TimeContext};
/// use factline::model::Precision;
///
/// let text = "Mr Trump met European leaders on Wednesday. They meet at 11am Alaska time (8pm BST).";
/// let ctx = TimeContext {
///     published: jiff::civil::date(2025, 8, 15),
///     default_zone: "Europe/London",
///     place_zone: None,
///     anchor: None,
/// };
/// let first = find_times(text, 0..43, &ctx);
/// assert_eq!(first[0].point.value, "2025-08-13");
///
/// let second = find_times(text, 44..text.len(), &ctx);
/// let point = &second[0].point;
/// assert_eq!(point.value, "2025-08-15T11:00:00-08:00");
/// assert_eq!(point.utc.as_deref(), Some("2025-08-15T19:00:00Z"));
/// assert_eq!(point.precision, Precision::Minute);
/// assert_eq!(point.inferred, ["date"]);
/// assert!(point.warnings.is_empty());
/// ```
pub fn find_times(text: &str, sentence: Range<usize>, ctx: &TimeContext) -> Vec<TimeMention> {
    SentenceTimes::new(text, sentence).resolve(ctx)
}

/// Every time expression of several sentences read in order (usually all of an article's), one
/// list per sentence, as [`find_times`] gives them, except that a clock time or "earlier in the
/// day" with no day in its own sentence, and no [`TimeContext::anchor`], takes the last day the
/// sentence before names on its side of publication: "will host him in London on Thursday. He
/// is due to arrive at 11am GMT" puts 11am on Thursday. The day stays marked `"date"`-inferred.
///
/// ```
/// use factline::extract::time::{find_times_in_sentences, TimeContext};
///
/// let text = "She will host him on Thursday. He is due to arrive at 11am GMT.";
/// let ctx = TimeContext {
///     published: jiff::civil::date(2025, 3, 12),
///     default_zone: "Europe/London",
///     place_zone: None,
///     anchor: None,
/// };
/// let found = find_times_in_sentences(text, [0..30, 31..text.len()], &ctx);
/// assert_eq!(found[0][0].point.value, "2025-03-13");
/// assert_eq!(found[1][0].point.value, "2025-03-13T11:00:00+00:00");
/// assert_eq!(found[1][0].point.inferred, ["date"]);
/// ```
pub fn find_times_in_sentences(
    text: &str,
    sentences: impl IntoIterator<Item = Range<usize>>,
    ctx: &TimeContext,
) -> Vec<Vec<TimeMention>> {
    let analyses: Vec<SentenceTimes<'_>> = sentences
        .into_iter()
        .map(|s| SentenceTimes::new(text, s))
        .collect();
    resolve_in_sentences(&analyses, ctx)
}

/// The part of reading one sentence's times that depends only on its words: its tokens, the
/// expressions parsed from them and, once an expression needs it, the tense index. The article
/// pass and the event pass read every sentence's times with different contexts (the event's
/// place zone, an anchor day), so the extractor builds this once per sentence and resolves it
/// against each context with [`SentenceTimes::resolve`].
///
/// ```
/// use factline::extract::time::{SentenceTimes, TimeContext};
///
/// let s = "They meet on Friday.";
/// let ctx = TimeContext {
///     published: jiff::civil::date(2025, 8, 13),
///     default_zone: "Europe/London",
///     place_zone: None,
///     anchor: None,
/// };
/// let analysis = SentenceTimes::new(s, 0..s.len());
/// assert_eq!(analysis.resolve(&ctx)[0].point.value, "2025-08-15");
/// ```
pub struct SentenceTimes<'t> {
    toks: Tokens<'t>,
    parsed: Vec<Parsed>,
    tenses: std::cell::OnceCell<TenseIndex>,
}

impl<'t> SentenceTimes<'t> {
    /// Tokenises and parses `text[sentence]` (clamped as in [`find_times`]).
    pub fn new(text: &'t str, sentence: Range<usize>) -> Self {
        let toks = Tokens::new(text, clamp(text, sentence));
        let parsed = if toks.len() == 0 {
            Vec::new()
        } else {
            parse::parse_all(&toks)
        };
        SentenceTimes {
            toks,
            parsed,
            tenses: std::cell::OnceCell::new(),
        }
    }

    /// [`Self::new`] for `text[range]`, where `range` starts where `whole`'s sentence starts and
    /// ends inside it (the event pass reads a sentence only up to its last word): the same
    /// analysis, but the tense index is cut from `whole`'s when the tokens of `range` are the
    /// first tokens of `whole` and all that follows them is punctuation (see `TenseIndex::prefix`).
    /// The expressions are parsed again: the grammar looks ahead at punctuation ("11am Alaska
    /// time (8pm BST)").
    pub(crate) fn within(whole: &SentenceTimes<'t>, text: &'t str, range: Range<usize>) -> Self {
        let own = SentenceTimes::new(text, range);
        if own.parsed.is_empty() || !std::ptr::eq(own.toks.text, whole.toks.text) {
            return own;
        }
        let n = own.toks.len();
        let all = &whole.toks.toks;
        let same_start = n <= all.len() && own.toks.toks[..] == all[..n];
        let ends_on_word = own
            .toks
            .toks
            .last()
            .is_some_and(|t| matches!(t.kind, token::Kind::Word | token::Kind::Num));
        if !same_start || !ends_on_word {
            return own;
        }
        let rest_punct = all[n..].iter().all(|t| t.kind == token::Kind::Punct);
        let whole_index = whole.tenses.get_or_init(|| TenseIndex::new(&whole.toks));
        if let Some(index) = whole_index.prefix(n, rest_punct) {
            let _ = own.tenses.set(index);
        }
        own
    }

    /// The sentence's time expressions resolved against `ctx`, as [`find_times`] gives them.
    pub fn resolve(&self, ctx: &TimeContext) -> Vec<TimeMention> {
        self.resolve_after(ctx, &[])
    }

    /// [`Self::resolve`], with the days the sentence before names, in text order.
    fn resolve_after(&self, ctx: &TimeContext, previous: &[Date]) -> Vec<TimeMention> {
        let toks = &self.toks;
        let parsed = &self.parsed;
        // Most sentences name no time: the tense and zone analyses are only for what was parsed.
        if parsed.is_empty() {
            return Vec::new();
        }
        let tenses = self.tenses.get_or_init(|| TenseIndex::new(toks));
        let zones = ZoneChoice::new(ctx, toks);
        let mut drafts: Vec<Draft> = parsed
            .iter()
            .filter_map(|p| {
                let tense = bound_tense(toks, p, tenses);
                let mut d = draft(toks, p, tense, ctx, &zones)?;
                d.clause = tenses.clause_of(p.core);
                d.aside = in_aside(toks, p.core);
                Some(d)
            })
            .collect();
        place_pending(&mut drafts, ctx, previous);
        drafts.into_iter().filter_map(|d| d.mention).collect()
    }
}

/// [`find_times_in_sentences`] over sentences already analysed, in text order.
pub(crate) fn resolve_in_sentences(
    analyses: &[SentenceTimes<'_>],
    ctx: &TimeContext,
) -> Vec<Vec<TimeMention>> {
    let mut previous: Vec<Date> = Vec::new();
    analyses
        .iter()
        .map(|a| {
            let found = a.resolve_after(ctx, &previous);
            previous = found
                .iter()
                .filter(|m| !m.point.inferred.iter().any(|x| x == "date"))
                .filter_map(|m| m.date)
                .collect();
            found
        })
        .collect()
}

/// The tense that picks the day of `p`. An end bound after a present perfect ("has issued a
/// warning through Thursday", "have extended the curfew until Friday") looks ahead: the state
/// the perfect describes still holds, so its end has not come.
fn bound_tense(toks: &Tokens, p: &Parsed, tenses: &TenseIndex) -> Tense {
    let tense = tenses.at(p.core);
    let bounds = ["until", "till", "through", "thru"];
    let bound = toks.word_in(p.first, &bounds)
        || p.first
            .checked_sub(1)
            .is_some_and(|b| toks.word_in(b, &bounds));
    if tense == Tense::Past && bound && tenses.perfect_at(p.core) {
        Tense::Future
    } else {
        tense
    }
}

/// The tense that governs byte position `pos` of `text[sentence]`: the nearest tense cue before
/// it in its clause ("will", "is set to", "plans to", "later" → future; "met", "said", "-ed",
/// "was", "had", "earlier" → past; "is", "are …ing" → present), else the nearest after it, else
/// [`Tense::Present`].
///
/// ```
/// use factline::extract::time::{tense_at, Tense};
///
/// let s = "Mr Trump, who met Mr Zelensky on Wednesday, will meet Mr Putin on Friday.";
/// assert_eq!(tense_at(s, 0..s.len(), s.find("Wednesday").unwrap()), Tense::Past);
/// assert_eq!(tense_at(s, 0..s.len(), s.find("Friday").unwrap()), Tense::Future);
/// ```
pub fn tense_at(text: &str, sentence: Range<usize>, pos: usize) -> Tense {
    let range = clamp(text, sentence);
    LAST_SENTENCE.with_borrow_mut(|last| {
        let words = &text[range.clone()];
        let last = match last {
            Some(l) if l.words == words => l,
            _ => last.insert(SentenceTenses::new(text, range.clone())),
        };
        let rel = pos.saturating_sub(range.start);
        let k = if pos <= range.start {
            0
        } else {
            last.starts.partition_point(|&s| s < rel)
        };
        last.index.at(k)
    })
}

/// The tense analysis of one sentence, kept by [`tense_at`]: event extraction asks about every
/// trigger of a sentence in turn, and rebuilding the index for each made the cost grow with the
/// square of a sentence's triggers. Keyed by the sentence's words, not its position, since the
/// analysis depends on nothing else (tokens never look outside the sentence).
struct SentenceTenses {
    words: String,
    /// Token starts, relative to the sentence's start.
    starts: Vec<usize>,
    index: TenseIndex,
}

impl SentenceTenses {
    fn new(text: &str, range: Range<usize>) -> Self {
        let toks = Tokens::new(text, range.clone());
        SentenceTenses {
            words: text[range.clone()].to_owned(),
            starts: toks.toks.iter().map(|t| t.start - range.start).collect(),
            index: TenseIndex::new(&toks),
        }
    }
}

thread_local! {
    /// The sentence [`tense_at`] analysed last, on this thread.
    static LAST_SENTENCE: std::cell::RefCell<Option<SentenceTenses>> =
        const { std::cell::RefCell::new(None) };
}

/// A clock-only mention placed on `date`: the day fixed by another sentence. `text` becomes the
/// point's `text` (usually the mention's own words). `"date"` is recorded as inferred, since the
/// day did not come from the clock's words.
///
/// ```
/// use factline::extract::time::{at_date, find_times, TimeContext};
///
/// let s = "It starts at 9am ET (2pm BST).";
/// let ctx = TimeContext {
///     published: jiff::civil::date(2025, 8, 15),
///     default_zone: "Europe/London",
///     place_zone: None,
///     anchor: None,
/// };
/// let m = &find_times(s, 0..s.len(), &ctx)[0];
/// let winter = at_date(m.clock.as_ref().unwrap(), jiff::civil::date(2025, 1, 10), &s[m.start..m.end]);
/// assert_eq!(winter.value, "2025-01-10T09:00:00-05:00");
/// // New York is five hours behind London in January, not four: the pair now disagrees.
/// assert!(winter.warnings.iter().any(|w| w.starts_with("paired times disagree")));
/// ```
pub fn at_date(clock: &ClockTime, date: Date, text: &str) -> TimePoint {
    minute_point(clock, date, text, true)
}

/// `sentence` cut to `text` and moved inward onto char boundaries.
fn clamp(text: &str, sentence: Range<usize>) -> Range<usize> {
    let mut end = sentence.end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = sentence.start.min(end);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    start..end.max(start)
}

/// The zones a sentence's clock times fall back to, checked once against the tzdb.
struct ZoneChoice {
    default: String,
    default_warning: Option<String>,
    place: Option<String>,
    place_warning: Option<String>,
}

impl ZoneChoice {
    fn new(ctx: &TimeContext, toks: &Tokens) -> Self {
        let (default, default_warning) = if zones::time_zone(ctx.default_zone).is_some() {
            (ctx.default_zone.to_string(), None)
        } else {
            let w = format!(
                "unknown newsroom time zone {:?}: read in UTC",
                ctx.default_zone
            );
            ("UTC".to_string(), Some(w))
        };
        let (place, place_warning) = match ctx.place_zone {
            Some(z) if zones::time_zone(z).is_some() => (Some(z.to_string()), None),
            Some(z) => (None, Some(format!("unknown place time zone {z:?}"))),
            None => (sentence_place_zone(toks).map(str::to_string), None),
        };
        ZoneChoice {
            default,
            default_warning,
            place,
            place_warning,
        }
    }
}

/// The zone of the place the sentence puts its "local time" in, when the caller knows none:
/// the place after "in" nearest before the first "local time", else the first after it ("sit
/// down with him in Washington at 2 p.m. Friday local time"). Only places with one zone count:
/// cities and the single-zone places of [`zones::zone_for_place`], never a country such as the
/// United States. `None` when the sentence has no "local time" at all.
fn sentence_place_zone(toks: &Tokens) -> Option<&'static str> {
    let local =
        (0..toks.len()).find(|&i| toks.word_is(i, "local") && toks.word_is(i + 1, "time"))?;
    let mut before = None;
    for i in 0..toks.len() {
        if !toks.word_is(i, "in") {
            continue;
        }
        let Some(zone) = place_zone_at(toks, i + 1) else {
            continue;
        };
        if i < local {
            before = Some(zone);
        } else {
            return Some(before.unwrap_or(zone));
        }
    }
    before
}

/// The zone of a place named by up to three capitalised words at `i` ("Washington", "New
/// York"; a name with a lower-case word inside is cut there), the longest that is a known
/// one-zone place. Weekdays and months are not place names here ("in May").
fn place_zone_at(toks: &Tokens, i: usize) -> Option<&'static str> {
    let capitalised = |k: usize| {
        toks.is_word(k)
            && toks.capitalised(k)
            && token::weekday_of(toks.str(k)).is_none()
            && token::month_of(toks.str(k)).is_none()
    };
    let words = (i..i + 3).take_while(|&k| capitalised(k)).count();
    (1..=words).rev().find_map(|n| {
        let name = &toks.text[toks.toks[i].start..toks.toks[i + n - 1].end];
        zones::zone_for_place(name).or_else(|| match gazetteer::place(name)? {
            gazetteer::PlaceKind::City(city) => Some(city.time_zone),
            _ => None,
        })
    })
}

/// A mention on its way out: clock-only ones, and days named by their place in the text, still
/// wait for a day.
struct Draft {
    core: usize,
    /// The clause of `core`, from the tense index.
    clause: u32,
    /// Whether `core` stands in a subordinate clause set inside the sentence (see [`in_aside`]).
    aside: bool,
    day: Option<Date>,
    /// The first and last day of a range of days, for "the final day" after it.
    range: Option<(Date, Date)>,
    pending: Option<Pending>,
    mention: Option<TimeMention>,
}

/// Which day a pending mention is placed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DayRef {
    /// The day the sentence is about (a clock time alone, "earlier in the day").
    Sentence,
    /// The first or last day of the range named before it ("on the final day").
    RangeStart,
    RangeEnd,
}

struct Pending {
    start: usize,
    end: usize,
    words: String,
    clock: Option<ClockTime>,
    end_clock: Option<ClockTime>,
    tense: Tense,
    day_ref: DayRef,
}

fn span(toks: &Tokens, p: &Parsed) -> (usize, usize) {
    (toks.toks[p.first].start, toks.toks[p.end - 1].end)
}

fn draft(
    toks: &Tokens,
    p: &Parsed,
    tense: Tense,
    ctx: &TimeContext,
    zones: &ZoneChoice,
) -> Option<Draft> {
    let (start, end) = span(toks, p);
    let words = &toks.text[start..end];
    let text = toks.text;
    let date_of = |single: &Single| match single {
        Single::Date(d) | Single::DateClock(d, _) => Some(*d),
        Single::Clock(_) => None,
    };
    let clock_of = |single: &Single| match single {
        Single::Clock(c) | Single::DateClock(_, c) => Some(c.clone()),
        Single::Date(_) => None,
    };
    let (mut start_clock, mut end_clock) =
        (clock_of(&p.start), p.range_end.as_ref().and_then(clock_of));
    if let (Some(a), Some(b)) = (start_clock.as_mut(), end_clock.as_mut()) {
        share_zone(a, b);
    }
    let start_clock = start_clock.map(|c| clock_time(&c, text, zones));
    let end_clock = end_clock.map(|c| clock_time(&c, text, zones));
    let pending = |day_ref| Draft {
        core: p.core,
        clause: 0,
        aside: false,
        day: None,
        range: None,
        pending: Some(Pending {
            start,
            end,
            words: words.to_string(),
            clock: start_clock.clone(),
            end_clock: end_clock.clone(),
            tense,
            day_ref,
        }),
        mention: None,
    };
    let start_date = match date_of(&p.start) {
        // Clock only: the day comes later, from the sentence or the context.
        None => return start_clock.is_some().then(|| pending(DayRef::Sentence)),
        Some(DateExpr::SameDay) => return Some(pending(DayRef::Sentence)),
        Some(DateExpr::RangeDay { last }) => {
            return Some(pending(if last {
                DayRef::RangeEnd
            } else {
                DayRef::RangeStart
            }));
        }
        Some(d) => d,
    };
    let resolved = resolve::resolve(&start_date, tense, ctx.published)?;
    let end_resolved = match p.range_end.as_ref().and_then(date_of) {
        Some(e) => Some(resolve::resolve_end(&e, &resolved, tense, ctx.published)?),
        None => None,
    };
    let day = resolved.day();
    let range = day.zip(end_resolved.as_ref().and_then(Resolved::day));
    let (point, range_end) = match (&start_clock, day) {
        (Some(clock), Some(d)) => {
            let point = with_date_notes(minute_point(clock, d, words, false), &resolved);
            let end_day = end_resolved.as_ref().and_then(Resolved::day).unwrap_or(d);
            let range_end = end_clock
                .as_ref()
                .map(|c| later_than(minute_point(c, end_day, words, false), &point, c, words))
                .or_else(|| end_resolved.as_ref().map(|r| date_point(r, words)));
            (point, range_end)
        }
        _ => (
            date_point(&resolved, words),
            end_resolved.as_ref().map(|r| date_point(r, words)),
        ),
    };
    Some(Draft {
        core: p.core,
        clause: 0,
        aside: false,
        day,
        range,
        pending: None,
        mention: Some(TimeMention {
            start,
            end,
            point,
            range_end,
            date: day,
            clock: start_clock,
            tense,
        }),
    })
}

/// Whether token `core` stands in a subordinate clause opened inside the sentence, after a
/// comma or a participle: ", called after Hastie quit the frontbench on Sunday,", ", who flew
/// back from Paris last night,". Such a clause tells of another happening. A clause that opens
/// the sentence ("After talks on Monday, …") sets the scene instead, and is no aside.
fn in_aside(toks: &Tokens, core: usize) -> bool {
    let Some(opener) = (0..core).rev().find(|&i| is_boundary(toks, i)) else {
        return false;
    };
    let subordinate = toks.word_in(
        opener,
        &[
            "after", "before", "since", "until", "because", "while", "although", "who", "whom",
            "whose", "which",
        ],
    );
    let inside = opener > 0
        && (toks.punct_in(opener - 1, &[',']) || {
            let w = toks.str(opener - 1);
            toks.is_word(opener - 1) && w.len() > 3 && w.ends_with("ed")
        });
    subordinate && inside
}

/// "from 9am to 11am ET": a zone written once applies to both ends.
fn share_zone(a: &mut ClockExpr, b: &mut ClockExpr) {
    match (&a.zone, &b.zone) {
        (ZoneWords::Unnamed, ZoneWords::Unnamed) => {}
        (ZoneWords::Unnamed, _) => {
            a.zone = b.zone.clone();
            a.zone_span = b.zone_span;
        }
        (_, ZoneWords::Unnamed) => {
            b.zone = a.zone.clone();
            b.zone_span = a.zone_span;
        }
        _ => {}
    }
}

/// Places the mentions that wait for a day.
///
/// A clock time alone, or "earlier in the day", takes the nearest day named in its sentence:
/// one before it, or one after it in the same clause ("at 9am on Friday"). A day after it in
/// another clause belongs to something else ("The briefing, which began at 10:30 a.m., was her
/// first since she attended a meeting on Friday"). With no such day: the context's anchor, else
/// the last day `previous` (the sentence before) names on the mention's side of publication
/// (past tense: not after it; otherwise: not before it), else the publication day, with
/// `"date"` inferred.
///
/// "The final day" or "the first day" takes the end or start of the nearest range of days
/// before it in the sentence; with none, a clock time on it is placed as above, and the words
/// alone are dropped.
fn place_pending(drafts: &mut [Draft], ctx: &TimeContext, previous: &[Date]) {
    let n = drafts.len();
    let mut before: Vec<Option<(usize, Date)>> = vec![None; n];
    let mut range_before: Vec<Option<(Date, Date)>> = vec![None; n];
    let (mut last, mut last_range) = (None, None);
    // "The ballot, called after Hastie quit on Sunday, was held at 8.30am": the day of an aside
    // is no day for what follows it, only for the aside's own clock times.
    let mut last_aside: Option<(usize, u32, Date)> = None;
    for (i, d) in drafts.iter().enumerate() {
        before[i] = match last_aside {
            Some((core, clause, day))
                if clause == d.clause && last.is_none_or(|(c, _)| c < core) =>
            {
                Some((core, day))
            }
            _ => last,
        };
        range_before[i] = last_range;
        if let Some(day) = d.day {
            if d.aside {
                last_aside = Some((d.core, d.clause, day));
            } else {
                last = Some((d.core, day));
            }
        }
        if d.range.is_some() {
            last_range = d.range;
        }
    }
    let mut after: Vec<Option<(usize, u32, Date)>> = vec![None; n];
    let mut next = None;
    for i in (0..n).rev() {
        after[i] = next;
        if let Some(day) = drafts[i].day {
            next = Some((drafts[i].core, drafts[i].clause, day));
        }
    }
    for (i, d) in drafts.iter_mut().enumerate() {
        let Some(p) = d.pending.take() else {
            continue;
        };
        let from_range = match p.day_ref {
            DayRef::Sentence => None,
            DayRef::RangeStart => range_before[i].map(|r| r.0),
            DayRef::RangeEnd => range_before[i].map(|r| r.1),
        };
        if p.day_ref != DayRef::Sentence && from_range.is_none() && p.clock.is_none() {
            continue;
        }
        let after_here = after[i].filter(|a| a.1 == d.clause);
        let nearest = from_range.or(match (before[i], after_here) {
            (Some(b), Some(a)) if a.0 - d.core < d.core - b.0 => Some(a.2),
            (Some(b), _) => Some(b.1),
            (None, a) => a.map(|a| a.2),
        });
        let (day, inferred) = match nearest {
            Some(day) => (day, false),
            None => {
                let on_its_side = |day: &&Date| match p.tense {
                    Tense::Past => **day <= ctx.published,
                    Tense::Present | Tense::Future => **day >= ctx.published,
                };
                let told_before = previous.iter().rev().find(on_its_side).copied();
                (ctx.anchor.or(told_before).unwrap_or(ctx.published), true)
            }
        };
        d.mention = Some(pending_mention(p, day, inferred));
    }
}

fn pending_mention(p: Pending, day: Date, date_inferred: bool) -> TimeMention {
    let Some(clock) = p.clock else {
        let point = TimePoint {
            value: day.to_string(),
            precision: Precision::Day,
            time_zone: None,
            utc: None,
            text: p.words,
            inferred: if date_inferred {
                vec!["date".to_string()]
            } else {
                Vec::new()
            },
            warnings: Vec::new(),
        };
        return TimeMention {
            start: p.start,
            end: p.end,
            point,
            range_end: None,
            date: Some(day),
            clock: None,
            tense: p.tense,
        };
    };
    let point = minute_point(&clock, day, &p.words, date_inferred);
    let range_end = p.end_clock.as_ref().map(|c| {
        let end = minute_point(c, day, &p.words, date_inferred);
        later_than(end, &point, c, &p.words)
    });
    TimeMention {
        start: p.start,
        end: p.end,
        point,
        range_end,
        date: Some(day),
        clock: Some(clock),
        tense: p.tense,
    }
}

/// A range end that reads earlier than its start ("10pm to 2am") is on the next day.
fn later_than(end: TimePoint, start: &TimePoint, clock: &ClockTime, words: &str) -> TimePoint {
    match (&end.utc, &start.utc) {
        (Some(e), Some(s)) if e < s => {
            let day = end
                .value
                .get(..10)
                .and_then(|d| d.parse::<Date>().ok())
                .and_then(|d| resolve::add_days(d, 1));
            match day {
                Some(day) => {
                    minute_point(clock, day, words, end.inferred.iter().any(|i| i == "date"))
                }
                None => end,
            }
        }
        _ => end,
    }
}

/// A date's inferred parts and warnings carried over to the minute point placed on it.
fn with_date_notes(mut point: TimePoint, resolved: &Resolved) -> TimePoint {
    for part in &resolved.inferred {
        push_unique(&mut point.inferred, part);
    }
    point.warnings.extend(resolved.warnings.iter().cloned());
    point
}

fn push_unique(list: &mut Vec<String>, item: &str) {
    if !list.iter().any(|x| x == item) {
        list.push(item.to_string());
    }
}

/// The TimePoint of a resolved date.
fn date_point(resolved: &Resolved, words: &str) -> TimePoint {
    let (value, precision) = match resolved.value {
        DateValue::Day(d) | DateValue::Week(d) | DateValue::Weekend(d) => {
            (d.to_string(), Precision::Day)
        }
        DateValue::Month(y, m) => (format!("{y:04}-{m:02}"), Precision::Month),
        DateValue::Year(y) => (format!("{y:04}"), Precision::Year),
    };
    TimePoint {
        value,
        precision,
        time_zone: None,
        utc: None,
        text: words.to_string(),
        inferred: resolved.inferred.iter().map(|s| s.to_string()).collect(),
        warnings: resolved.warnings.clone(),
    }
}

/// The IANA name of a whole-hour fixed offset ("Etc/GMT-3" is UTC+3: POSIX signs are inverted).
fn etc_zone(offset: i32) -> Option<String> {
    if offset == 0 {
        return Some("UTC".to_string());
    }
    if offset % 3600 != 0 {
        return None;
    }
    let hours = offset / 3600;
    let name = format!(
        "Etc/GMT{}{}",
        if hours > 0 { '-' } else { '+' },
        hours.abs()
    );
    zones::time_zone(&name).map(|_| name)
}

fn clock_time(c: &ClockExpr, text: &str, zones: &ZoneChoice) -> ClockTime {
    let mut warnings = Vec::new();
    let default = || Some(zones.default.clone());
    let (zone, offset_seconds, zone_inferred) = match &c.zone {
        ZoneWords::Unnamed => {
            warnings.extend(zones.default_warning.clone());
            (default(), None, true)
        }
        ZoneWords::Local => match &zones.place {
            Some(place) => (Some(place.clone()), None, false),
            None => {
                warnings.extend(zones.place_warning.clone());
                warnings.extend(zones.default_warning.clone());
                warnings.push(format!(
                    "\"local time\" but the event's place zone is unknown: read in {}",
                    zones.default
                ));
                (default(), None, true)
            }
        },
        ZoneWords::Spec(spec) => (Some(spec.zone.to_string()), spec.offset_seconds, false),
        ZoneWords::Fixed(offset) => (etc_zone(*offset), Some(*offset), false),
    };
    if c.no_meridiem {
        warnings.push("no am/pm given: read as a 24-hour clock time".to_string());
    }
    ClockTime {
        hour: c.hour,
        minute: c.minute,
        zone,
        offset_seconds,
        zone_text: c.zone_span.map(|(s, e)| text[s..e].to_string()),
        zone_inferred,
        text: text[c.start..c.end].to_string(),
        warnings,
        weekday: c.weekday,
        paired: c
            .pair
            .as_ref()
            .map(|p| Box::new(clock_time(p, text, zones))),
    }
}

fn format_utc(ts: jiff::Timestamp) -> String {
    let dt = Offset::UTC.to_datetime(ts);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        dt.date(),
        dt.hour(),
        dt.minute(),
        dt.second()
    )
}

/// The instant of `clock` on `date`, with its local offset, and any warning about the zone.
fn instant(
    clock: &ClockTime,
    date: Date,
    warnings: &mut Vec<String>,
) -> Option<(jiff::Timestamp, i32)> {
    let dt = date.at(
        i8::try_from(clock.hour).ok()?,
        i8::try_from(clock.minute).ok()?,
        0,
        0,
    );
    let tz = clock.zone.as_deref().and_then(zones::time_zone);
    if let Some(offset) = clock.offset_seconds {
        let ts = Offset::from_seconds(offset).ok()?.to_timestamp(dt).ok()?;
        if let Some(tz) = &tz {
            let actual = tz.to_offset(ts).seconds();
            if actual != offset {
                warnings.push(format!(
                    "{} is {} but {} is at {} on {date}",
                    clock.zone_text.as_deref().unwrap_or("the stated zone"),
                    zones::format_offset(offset),
                    clock.zone.as_deref().unwrap_or("its zone"),
                    zones::format_offset(actual),
                ));
            }
        }
        return Some((ts, offset));
    }
    let tz = tz.unwrap_or(jiff::tz::TimeZone::UTC);
    let ambiguous = tz.to_ambiguous_zoned_datetime(dt);
    if ambiguous.is_ambiguous() {
        warnings.push(format!(
            "{dt} does not exist or happens twice in {} (a daylight-saving change): read the earlier",
            clock.zone.as_deref().unwrap_or("UTC")
        ));
    }
    let zdt = ambiguous.compatible().ok()?;
    Some((zdt.timestamp(), zdt.offset().seconds()))
}

/// Checks the second time of a pair against the first instant.
fn check_pair(
    first: &ClockTime,
    pair: &ClockTime,
    ts: jiff::Timestamp,
    warnings: &mut Vec<String>,
) {
    let tz = pair.zone.as_deref().and_then(zones::time_zone);
    let actual = tz.as_ref().map(|tz| tz.to_offset(ts).seconds());
    let offset = pair.offset_seconds.or(actual).unwrap_or(0);
    if let (Some(stated), Some(actual)) = (pair.offset_seconds, actual)
        && stated != actual
    {
        warnings.push(format!(
            "{} is {} but {} is at {} then",
            pair.zone_text.as_deref().unwrap_or("the stated zone"),
            zones::format_offset(stated),
            pair.zone.as_deref().unwrap_or("its zone"),
            zones::format_offset(actual),
        ));
    }
    let Ok(offset) = Offset::from_seconds(offset) else {
        return;
    };
    let there = offset.to_datetime(ts);
    let (h, m) = (there.hour(), there.minute());
    let day_differs = pair.weekday.is_some_and(|d| d != there.weekday());
    if (i64::from(h), i64::from(m)) != (i64::from(pair.hour), i64::from(pair.minute)) || day_differs
    {
        warnings.push(format!(
            "paired times disagree: {} is {:?} {h:02}:{m:02} {}, but the text says {}",
            first.text,
            there.weekday(),
            pair.zone_text.as_deref().unwrap_or(""),
            pair.text,
        ));
    }
}

/// The minute-precision TimePoint of `clock` on `date`; if the instant cannot be formed (a date
/// at the very end of the calendar), the day-precision point with a warning.
fn minute_point(clock: &ClockTime, date: Date, words: &str, date_inferred: bool) -> TimePoint {
    let mut inferred = Vec::new();
    if date_inferred {
        inferred.push("date".to_string());
    }
    if clock.zone_inferred {
        inferred.push("time_zone".to_string());
    }
    let mut warnings = clock.warnings.clone();
    let Some((ts, offset)) = instant(clock, date, &mut warnings) else {
        warnings.push("the clock time cannot be placed on this day".to_string());
        return TimePoint {
            value: date.to_string(),
            precision: Precision::Day,
            time_zone: clock.zone.clone(),
            utc: None,
            text: words.to_string(),
            inferred,
            warnings,
        };
    };
    if let Some(pair) = &clock.paired {
        let mut pair_warnings = pair.warnings.clone();
        check_pair(clock, pair, ts, &mut pair_warnings);
        warnings.extend(pair_warnings);
    }
    TimePoint {
        value: format!(
            "{date}T{:02}:{:02}:00{}",
            clock.hour,
            clock.minute,
            zones::format_offset(offset)
        ),
        precision: Precision::Minute,
        time_zone: clock.zone.clone(),
        utc: Some(format_utc(ts)),
        text: words.to_string(),
        inferred,
        warnings,
    }
}

/// Whether a word names a weekday ("Tuesday", "tuesday").
pub(crate) fn is_weekday_word(word: &str) -> bool {
    token::weekday_of(word).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    /// Friday 15 August 2025, a London newsroom, no known place.
    fn ctx() -> TimeContext<'static> {
        TimeContext {
            published: date(2025, 8, 15),
            default_zone: "Europe/London",
            place_zone: None,
            anchor: None,
        }
    }

    fn all_in(s: &str, ctx: &TimeContext) -> Vec<TimeMention> {
        find_times(s, 0..s.len(), ctx)
    }

    fn all(s: &str) -> Vec<TimeMention> {
        all_in(s, &ctx())
    }

    /// The single mention in `s`.
    fn one_in(s: &str, ctx: &TimeContext) -> TimeMention {
        let mut found = all_in(s, ctx);
        assert_eq!(found.len(), 1, "{s}: {found:#?}");
        found.remove(0)
    }

    fn one(s: &str) -> TimeMention {
        one_in(s, &ctx())
    }

    fn value(s: &str) -> String {
        one(s).point.value
    }

    #[test]
    fn weekdays_resolve_by_tense_against_publication() {
        assert_eq!(value("Mr Lee met the leaders on Wednesday."), "2025-08-13");
        assert_eq!(value("The two will meet on Thursday."), "2025-08-21");
        assert_eq!(
            value("Delegations arrived ahead of the talks later on Friday."),
            "2025-08-15"
        );
        assert_eq!(value("There are talks on Friday."), "2025-08-15");
        assert_eq!(value("They met on Friday."), "2025-08-15");
        assert_eq!(value("They met last Friday."), "2025-08-08");
        assert_eq!(
            value("Earlier on Friday, the minister said no."),
            "2025-08-15"
        );
        assert_eq!(
            value("Earlier on Thursday, the minister praised the plan."),
            "2025-08-14"
        );
        assert_eq!(value("He said on Thursday the war was hard."), "2025-08-14");
        assert_eq!(value("The vote was held late Tuesday."), "2025-08-12");
        assert_eq!(value("She will fly out early on Monday."), "2025-08-18");
        assert_eq!(value("Fighting resumed on Tuesday night."), "2025-08-12");
        assert_eq!(value("He will speak on Monday morning."), "2025-08-18");
    }

    #[test]
    fn the_publication_weekday_is_today_in_a_past_clause() {
        // A Tuesday story.
        let tuesday = TimeContext {
            published: date(2025, 7, 22),
            default_zone: "America/Los_Angeles",
            ..ctx()
        };
        let v = |s: &str| one_in(s, &tuesday).point.value;
        assert_eq!(v("The office said Tuesday it would act."), "2025-07-22");
        assert_eq!(
            v("He declared an emergency on Tuesday morning."),
            "2025-07-22"
        );
        assert_eq!(
            v("The fire was 5% contained as of 7 a.m. Tuesday."),
            "2025-07-22T07:00:00-07:00"
        );
        assert_eq!(v("It had burned since last Tuesday."), "2025-07-15");
    }

    #[test]
    fn weekends_are_their_saturday() {
        let wednesday = TimeContext {
            published: date(2025, 4, 9),
            ..ctx()
        };
        let p = one_in("He is set to travel to Manila this weekend.", &wednesday).point;
        assert_eq!(
            (p.value.as_str(), p.precision),
            ("2025-04-12", Precision::Day)
        );
        assert_eq!(p.inferred, ["weekend"]);
        assert_eq!(
            one_in("They met last weekend.", &wednesday).point.value,
            "2025-04-05"
        );
        assert_eq!(one_in("They meet next weekend.", &wednesday).date, None);
    }

    #[test]
    fn a_weekday_of_a_named_week() {
        let wednesday = TimeContext {
            published: date(2025, 2, 19),
            ..ctx()
        };
        let m = one_in(
            "Teams will meet in Brussels from Monday to Wednesday next week.",
            &wednesday,
        );
        assert_eq!(m.point.text, "from Monday to Wednesday next week");
        assert_eq!(m.point.value, "2025-02-24");
        assert_eq!(m.range_end.map(|p| p.value), Some("2025-02-26".to_string()));
        // In the past tense the week still decides, not the tense.
        let m = one_in("They met on Tuesday last week.", &wednesday);
        assert_eq!(m.point.value, "2025-02-11");
    }

    #[test]
    fn months_with_a_relative_year_and_lists_of_years() {
        let m = one("The fraud came to light in March last year, when she noticed.");
        assert_eq!(
            (m.point.value.as_str(), m.point.text.as_str()),
            ("2024-03", "in March last year")
        );
        assert!(m.point.inferred.is_empty());
        let found = all("The last strikes, in 2022 and 2023, cost £1bn.");
        let values: Vec<&str> = found.iter().map(|m| m.point.value.as_str()).collect();
        assert_eq!(values, ["2022", "2023"]);
        assert_eq!(value("It has relied on a 1951 defence agreement."), "1951");
    }

    #[test]
    fn days_named_by_their_place_in_the_story() {
        let p = one("Mr Lee told a Cabinet meeting earlier in the day that he agreed.").point;
        assert_eq!(
            (p.value.as_str(), p.precision),
            ("2025-08-15", Precision::Day)
        );
        assert_eq!(p.inferred, ["date"]);
        // With a day in the sentence, that day.
        let found = all("On Tuesday the talks stalled, and later that day they ended.");
        assert_eq!(found[1].point.value, "2025-08-12");
        assert!(found[1].point.inferred.is_empty());
        let p = one("She said he had spent the morning on the phone.").point;
        assert_eq!(p.value, "2025-08-15");
        assert_eq!(p.text, "the morning");
    }

    #[test]
    fn the_final_day_of_a_range_takes_its_end() {
        let friday = TimeContext {
            published: date(2025, 11, 7),
            default_zone: "Europe/Brussels",
            ..ctx()
        };
        let s = "The session runs from Monday to Thursday, with the vote scheduled for noon CET on \
                 the final day.";
        let found = all_in(s, &friday);
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(
            found[0].range_end.as_ref().map(|p| p.value.as_str()),
            Some("2025-11-13")
        );
        let noon = &found[1].point;
        assert_eq!(noon.text, "noon CET on the final day");
        assert_eq!(noon.value, "2025-11-13T12:00:00+01:00");
        assert!(noon.inferred.is_empty(), "{:?}", noon.inferred);
        let p = one_in("The vote is at noon on the opening day.", &friday).point;
        assert_eq!(
            p.value, "2025-11-07T12:00:00+01:00",
            "no range: the clock alone"
        );
        assert_eq!(p.inferred, ["date", "time_zone"]);
        assert!(all_in("Leaders spoke on the final day.", &friday).is_empty());
    }

    #[test]
    fn a_day_after_a_clock_in_another_clause_is_not_its_day() {
        let wednesday = TimeContext {
            published: date(2025, 5, 28),
            default_zone: "America/New_York",
            ..ctx()
        };
        let s = "The briefing, which began at 10:30 a.m. Eastern time, was her first since she \
                 attended a meeting in Brussels on Friday.";
        let found = all_in(s, &wednesday);
        assert_eq!(found[0].point.value, "2025-05-28T10:30:00-04:00");
        assert_eq!(found[1].point.value, "2025-05-23");
        let s = "The meeting will open at 10am, the minister said on Tuesday.";
        assert_eq!(
            all_in(s, &wednesday)[0].point.value,
            "2025-05-28T10:00:00-04:00"
        );
        // A day before the clock, or after it in its own clause, still counts.
        assert_eq!(
            all("On Thursday, the talks began, at 9am.")[1].point.value,
            "2025-08-14T09:00:00+01:00"
        );
        assert_eq!(
            value("They meet at 9am on Monday."),
            "2025-08-18T09:00:00+01:00"
        );
    }

    #[test]
    fn a_day_inside_an_aside_is_not_the_day_of_a_clock_after_it() {
        let tuesday = TimeContext {
            published: date(2025, 10, 14),
            default_zone: "Australia/Sydney",
            ..ctx()
        };
        let s = "The ballot, called after the senator quit on Sunday, was held at 8.30am AEDT.";
        let found = all_in(s, &tuesday);
        assert_eq!(found[0].point.value, "2025-10-12");
        assert_eq!(found[1].point.value, "2025-10-14T08:30:00+11:00");
        // The aside keeps its own day and clock, and a clause that opens the sentence is no aside.
        let s = "The ballot, called after the party met on Sunday at 9am, was held on Tuesday.";
        assert_eq!(
            all_in(s, &tuesday)[0].point.value,
            "2025-10-12T09:00:00+11:00"
        );
        let s = "After talks on Sunday, the two leaders signed the accord at 9am.";
        assert_eq!(
            all_in(s, &tuesday)[1].point.value,
            "2025-10-12T09:00:00+11:00"
        );
    }

    #[test]
    fn a_bound_after_a_present_perfect_looks_ahead() {
        let tuesday = TimeContext {
            published: date(2025, 7, 22),
            default_zone: "America/Los_Angeles",
            ..ctx()
        };
        let s = "The service has issued a red flag warning through 8 p.m. Thursday Pacific time.";
        let p = one_in(s, &tuesday).point;
        assert_eq!(p.text, "through 8 p.m. Thursday Pacific time");
        assert_eq!(p.value, "2025-07-24T20:00:00-07:00");
        assert!(p.inferred.is_empty(), "{:?}", p.inferred);
        assert_eq!(
            one_in("The warning was in force until Thursday.", &tuesday)
                .point
                .value,
            "2025-07-17"
        );
    }

    #[test]
    fn clock_times_with_no_day_take_the_day_the_sentence_before_names() {
        let wednesday = TimeContext {
            published: date(2025, 3, 12),
            ..ctx()
        };
        let text = "He will host Mr Zelensky in London on Thursday. The president is due to \
                    arrive at 11am GMT for talks. It began at 9am.";
        let first = text.find(" The").unwrap_or(0);
        let second = text.find(" It").unwrap_or(0);
        let found = find_times_in_sentences(
            text,
            [0..first, first..second, second..text.len()],
            &wednesday,
        );
        assert_eq!(found[1][0].point.value, "2025-03-13T11:00:00+00:00");
        assert_eq!(found[1][0].point.inferred, ["date"]);
        // A past clock does not take a coming day: the sentence before names none on its side.
        assert_eq!(found[2][0].point.value, "2025-03-12T09:00:00+00:00");
        // Only the sentence right before counts, and an anchor from the caller wins.
        let anchored = TimeContext {
            anchor: Some(date(2025, 3, 20)),
            ..wednesday
        };
        let found = find_times_in_sentences(text, [0..first, first..second], &anchored);
        assert_eq!(found[1][0].point.value, "2025-03-20T11:00:00+00:00");
        let plain = find_times(text, first..second, &wednesday);
        assert_eq!(plain[0].point.value, "2025-03-12T11:00:00+00:00");
    }

    #[test]
    fn last_next_and_this_weekday() {
        assert_eq!(value("It happened last Tuesday."), "2025-08-12");
        assert_eq!(value("They meet again next Monday."), "2025-08-18");
        assert_eq!(value("The summit will open this Thursday."), "2025-08-21");
        assert_eq!(value("It opened this Thursday."), "2025-08-14");
        assert_eq!(value("Talks collapsed last Friday."), "2025-08-08");
    }

    #[test]
    fn possessive_weekdays_take_the_day_by_the_sentence() {
        let s = "Mr Kim, who was not invited to Friday’s meeting, objected.";
        assert_eq!(value(s), "2025-08-15");
        assert_eq!(value("Wednesday's call was short."), "2025-08-13");
        assert_eq!(value("Tuesday's vote will be close."), "2025-08-19");
        let m = one("Friday’s talks in the capital will include a lunch.");
        assert_eq!(
            &"Friday’s talks in the capital will include a lunch."[m.start..m.end],
            "Friday’s"
        );
    }

    #[test]
    fn relative_days_weeks_months_and_years() {
        assert_eq!(value("It rained today."), "2025-08-15");
        assert_eq!(value("They meet tonight."), "2025-08-15");
        assert_eq!(value("It rained yesterday."), "2025-08-14");
        assert_eq!(value("It will rain tomorrow."), "2025-08-16");
        assert_eq!(value("It rained three days ago."), "2025-08-12");
        for (s, v) in [
            ("They met last month.", "2025-07"),
            ("They meet next month.", "2025-09"),
            ("It will end this year.", "2025"),
            ("It began last year.", "2024"),
            ("It ends next year.", "2026"),
            ("It began earlier this month.", "2025-08"),
        ] {
            assert_eq!(value(s), v, "{s}");
        }
        assert_eq!(
            one("They met last month.").point.precision,
            Precision::Month
        );
        assert_eq!(one("It began last year.").point.precision, Precision::Year);
    }

    #[test]
    fn weeks_are_their_monday_with_week_inferred() {
        let m = one("They met this week.");
        assert_eq!(m.point.value, "2025-08-11");
        assert_eq!(m.point.precision, Precision::Day);
        assert_eq!(m.point.inferred, ["week"]);
        assert_eq!(m.date, None, "a week is not a known day");
        assert_eq!(value("They meet next week."), "2025-08-18");
        assert_eq!(value("They met last week."), "2025-08-04");
    }

    #[test]
    fn absolute_dates_with_and_without_year() {
        for (s, v, year_inferred) in [
            ("The vote is on 3 September.", "2025-09-03", true),
            ("The vote is on September 3.", "2025-09-03", true),
            ("The vote is on Sept. 3.", "2025-09-03", true),
            ("The vote was on Sep 3, 2024.", "2024-09-03", false),
            ("The vote was on 3 September 2024.", "2024-09-03", false),
            (
                "The vote will be on the 3rd of September.",
                "2025-09-03",
                true,
            ),
            ("It was filed on 2025-08-15.", "2025-08-15", false),
            ("It started in October 2022.", "2022-10", false),
            ("They met in 2018.", "2018", false),
            ("The first meeting since 2018.", "2018", false),
        ] {
            let m = one(s);
            assert_eq!(m.point.value, v, "{s}");
            assert_eq!(
                m.point.inferred.contains(&"year".to_string()),
                year_inferred,
                "{s}"
            );
        }
        // A past verb puts a yearless day in the past.
        assert_eq!(value("The vote was held on 3 September."), "2024-09-03");
    }

    #[test]
    fn bare_months_take_the_nearest_fitting_year() {
        let m = one("They met in November.");
        assert_eq!(
            (m.point.value.as_str(), m.point.precision),
            ("2024-11", Precision::Month)
        );
        assert_eq!(m.point.inferred, ["year"]);
        assert_eq!(value("They will meet in November."), "2025-11");
        assert_eq!(value("They met in August."), "2025-08");
    }

    #[test]
    fn seasons_and_decades_are_skipped() {
        assert!(all("They will meet in the spring.").is_empty());
        assert!(all("Relations soured in the 1990s.").is_empty());
    }

    #[test]
    fn ranges() {
        let m = one("Talks run from Monday to Wednesday.");
        assert_eq!(m.point.value, "2025-08-18");
        assert_eq!(
            m.range_end.as_ref().map(|p| p.value.as_str()),
            Some("2025-08-20")
        );
        assert_eq!(m.point.text, "from Monday to Wednesday");
        let m = one("The fair will run between 3 and 5 September.");
        assert_eq!(m.point.value, "2025-09-03");
        assert_eq!(m.range_end.map(|p| p.value), Some("2025-09-05".to_string()));
        let m = one("The fair was held 3-5 September.");
        assert_eq!(
            (m.point.value.as_str(), m.range_end.map(|p| p.value)),
            ("2024-09-03", Some("2024-09-05".to_string()))
        );
        let m = one("They met Monday to Wednesday.");
        assert_eq!(m.point.value, "2025-08-11");
        assert_eq!(m.range_end.map(|p| p.value), Some("2025-08-13".to_string()));
    }

    #[test]
    fn clock_ranges_share_their_zone_and_cross_midnight() {
        let m = one("The polls are open from 9am to 11am ET.");
        assert_eq!(m.point.value, "2025-08-15T09:00:00-04:00");
        let end = m.range_end.expect("end");
        assert_eq!(end.value, "2025-08-15T11:00:00-04:00");
        assert!(!end.inferred.contains(&"time_zone".to_string()));
        let m = one("The curfew runs from 10pm to 2am.");
        assert_eq!(
            m.range_end.map(|p| p.value),
            Some("2025-08-16T02:00:00+01:00".to_string())
        );
    }

    #[test]
    fn a_weekday_that_contradicts_its_date_warns() {
        let m = one("The vote is on Monday, 3 September 2025.");
        assert_eq!(m.point.value, "2025-09-03");
        assert!(
            m.point.warnings.iter().any(|w| w.contains("weekday")),
            "{:?}",
            m.point.warnings
        );
        assert!(
            one("The vote is on Wednesday 3 September 2025.")
                .point
                .warnings
                .is_empty()
        );
    }

    #[test]
    fn clock_time_in_a_named_zone_follows_tzdb_dst() {
        let m = one("It added that the meeting will take place at 11am Alaska time.");
        let p = &m.point;
        assert_eq!(p.value, "2025-08-15T11:00:00-08:00");
        assert_eq!(p.utc.as_deref(), Some("2025-08-15T19:00:00Z"));
        assert_eq!(p.time_zone.as_deref(), Some("America/Anchorage"));
        assert_eq!(p.precision, Precision::Minute);
        assert_eq!(p.inferred, ["date"]);
        assert_eq!(p.text, "11am Alaska time");
        assert_eq!(m.date, Some(date(2025, 8, 15)));
        let c = m.clock.expect("clock");
        assert_eq!((c.hour, c.minute, c.zone_inferred), (11, 0, false));
    }

    #[test]
    fn clock_forms() {
        for (s, v) in [
            ("It opens at 11 am UK time.", "2025-08-15T11:00:00+01:00"),
            ("It opens at 11:30am.", "2025-08-15T11:30:00+01:00"),
            ("It opens at 10:30 a.m. ET.", "2025-08-15T10:30:00-04:00"),
            ("It opens at 3 p.m.", "2025-08-15T15:00:00+01:00"),
            ("It opens at 14:00.", "2025-08-15T14:00:00+01:00"),
            ("It opens at 14.00 GMT.", "2025-08-15T14:00:00+00:00"),
            ("It opens at noon.", "2025-08-15T12:00:00+01:00"),
            ("It opens at midday.", "2025-08-15T12:00:00+01:00"),
            ("It opens at midnight.", "2025-08-15T00:00:00+01:00"),
            ("It opens at 12am.", "2025-08-15T00:00:00+01:00"),
            ("It opens at 12pm.", "2025-08-15T12:00:00+01:00"),
            ("It opens at 9.", "2025-08-15T09:00:00+01:00"),
        ] {
            assert_eq!(value(s), v, "{s}");
        }
        let p = one("It opens at 3 p.m.").point;
        assert_eq!(p.inferred, ["date", "time_zone"]);
        assert_eq!(p.time_zone.as_deref(), Some("Europe/London"));
        let p = one("It opens at 9.").point;
        assert!(
            p.warnings.iter().any(|w| w.contains("am/pm")),
            "{:?}",
            p.warnings
        );
        assert_eq!(
            one("It opens at 14.00 GMT.").point.utc.as_deref(),
            Some("2025-08-15T14:00:00Z")
        );
    }

    #[test]
    fn zones_by_name() {
        for (zone, offset, iana) in [
            ("Eastern time", "-04:00", "America/New_York"),
            ("Pacific time", "-07:00", "America/Los_Angeles"),
            ("Central European Time", "+02:00", "Europe/Berlin"),
            ("Moscow time", "+03:00", "Europe/Moscow"),
            ("Kyiv time", "+03:00", "Europe/Kyiv"),
            ("Beijing time", "+08:00", "Asia/Shanghai"),
            ("Tokyo time", "+09:00", "Asia/Tokyo"),
            ("UK time", "+01:00", "Europe/London"),
            ("British Summer Time", "+01:00", "Europe/London"),
            ("Greenwich Mean Time", "+00:00", "GMT"),
        ] {
            let s = format!("It starts at 10am {zone}.");
            let m = one(&s);
            assert_eq!(
                m.point.value,
                format!("2025-08-15T10:00:00{offset}"),
                "{zone}"
            );
            assert_eq!(m.point.time_zone.as_deref(), Some(iana), "{zone}");
            assert!(
                m.point.warnings.is_empty(),
                "{zone}: {:?}",
                m.point.warnings
            );
            assert_eq!(m.point.text, format!("10am {zone}"));
        }
    }

    #[test]
    fn zones_by_abbreviation() {
        for (abbr, offset) in [
            ("BST", "+01:00"),
            ("GMT", "+00:00"),
            ("UTC", "+00:00"),
            ("EDT", "-04:00"),
            ("ET", "-04:00"),
            ("CDT", "-05:00"),
            ("CT", "-05:00"),
            ("MDT", "-06:00"),
            ("PDT", "-07:00"),
            ("PT", "-07:00"),
            ("AKDT", "-08:00"),
            ("HST", "-10:00"),
            ("CEST", "+02:00"),
            ("EEST", "+03:00"),
            ("MSK", "+03:00"),
            ("IST", "+05:30"),
            ("JST", "+09:00"),
            ("KST", "+09:00"),
            ("AEST", "+10:00"),
            ("SGT", "+08:00"),
            ("HKT", "+08:00"),
        ] {
            let m = one(&format!("It starts at 10am {abbr}."));
            assert_eq!(
                m.point.value,
                format!("2025-08-15T10:00:00{offset}"),
                "{abbr}"
            );
            assert!(
                m.point.warnings.is_empty(),
                "{abbr}: {:?}",
                m.point.warnings
            );
        }
    }

    #[test]
    fn fixed_abbreviation_out_of_season_warns_but_keeps_its_offset() {
        let winter = TimeContext {
            published: date(2025, 1, 10),
            ..ctx()
        };
        let p = one_in("It starts at 8pm BST.", &winter).point;
        assert_eq!(p.value, "2025-01-10T20:00:00+01:00");
        assert_eq!(p.utc.as_deref(), Some("2025-01-10T19:00:00Z"));
        assert!(
            p.warnings.iter().any(|w| w.contains("BST is +01:00")),
            "{:?}",
            p.warnings
        );
        // EST in August: the same check the other way round.
        let p = one("It starts at 9am EST.").point;
        assert_eq!(p.value, "2025-08-15T09:00:00-05:00");
        assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
        assert!(one("It starts at 9am EDT.").point.warnings.is_empty());
    }

    #[test]
    fn local_time_uses_the_place_zone() {
        let there = TimeContext {
            place_zone: Some("America/Anchorage"),
            ..ctx()
        };
        let p = one_in("It starts at 3pm local time.", &there).point;
        assert_eq!(p.value, "2025-08-15T15:00:00-08:00");
        assert_eq!(p.inferred, ["date"]);
        let p = one("It starts at 3pm local time.").point;
        assert_eq!(p.value, "2025-08-15T15:00:00+01:00");
        assert_eq!(p.inferred, ["date", "time_zone"]);
        assert!(
            p.warnings.iter().any(|w| w.contains("local time")),
            "{:?}",
            p.warnings
        );
    }

    #[test]
    fn clock_only_times_take_the_day_of_their_sentence_or_the_anchor() {
        let found = all("On Thursday, the talks began, at 9am, in Geneva.");
        assert_eq!(found.len(), 2, "{found:#?}");
        assert_eq!(found[1].point.value, "2025-08-14T09:00:00+01:00");
        assert_eq!(found[1].point.inferred, ["time_zone"]);
        let anchored = TimeContext {
            anchor: Some(date(2025, 8, 20)),
            ..ctx()
        };
        let p = one_in("It starts at 9am ET.", &anchored).point;
        assert_eq!(p.value, "2025-08-20T09:00:00-04:00");
        assert_eq!(p.inferred, ["date"]);
    }

    #[test]
    fn dates_and_clock_times_together_are_one_mention() {
        let m = one("They met on Thursday at 9am ET.");
        assert_eq!(m.point.value, "2025-08-14T09:00:00-04:00");
        assert!(m.point.inferred.is_empty());
        let m = one("They meet at 11am on Friday.");
        assert_eq!(m.point.value, "2025-08-15T11:00:00+01:00");
        assert_eq!(m.point.inferred, ["time_zone"]);
    }

    #[test]
    fn paired_times_are_one_mention_and_are_compared() {
        let s = "It will take place at 11am Alaska time (8pm BST).";
        let m = one(s);
        assert_eq!(&s[m.start..m.end], "11am Alaska time (8pm BST)");
        assert_eq!(m.point.text, "11am Alaska time (8pm BST)");
        assert_eq!(m.point.value, "2025-08-15T11:00:00-08:00");
        assert!(m.point.warnings.is_empty(), "{:?}", m.point.warnings);

        let p = one("It will take place at 11am Alaska time (9pm BST).").point;
        assert!(
            p.warnings
                .iter()
                .any(|w| w.starts_with("paired times disagree")),
            "{:?}",
            p.warnings
        );

        let p = one("Trading opens at 9am ET (2pm BST).").point;
        assert_eq!(p.value, "2025-08-15T09:00:00-04:00");
        assert!(p.warnings.is_empty(), "{:?}", p.warnings);

        let kyiv = TimeContext {
            place_zone: Some("Europe/Kyiv"),
            ..ctx()
        };
        let p = one_in("The strike began at 3pm local time (1200 GMT).", &kyiv).point;
        assert_eq!(p.value, "2025-08-15T15:00:00+03:00");
        assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    }

    #[test]
    fn local_time_before_a_paired_time_with_its_own_day() {
        let tuesday = TimeContext {
            published: date(2025, 10, 14),
            default_zone: "Asia/Seoul",
            ..ctx()
        };
        let s = "He will sit down with him in Washington at 2 p.m. Friday local time (3 a.m. \
                 Saturday KST), Kim said.";
        let m = one_in(s, &tuesday);
        assert_eq!(
            m.point.text,
            "2 p.m. Friday local time (3 a.m. Saturday KST)"
        );
        assert_eq!(m.point.value, "2025-10-17T14:00:00-04:00");
        assert_eq!(m.point.time_zone.as_deref(), Some("America/New_York"));
        assert!(m.point.warnings.is_empty(), "{:?}", m.point.warnings);
        assert!(m.point.inferred.is_empty(), "{:?}", m.point.inferred);
        // The caller's place zone comes first.
        let there = TimeContext {
            place_zone: Some("America/New_York"),
            ..tuesday
        };
        let s = "They meet at 2 p.m. Friday local time (3 a.m. Saturday KST).";
        assert_eq!(one_in(s, &there).point.value, "2025-10-17T14:00:00-04:00");
        // No place known: the newsroom's zone, with a warning, and the pair, which then names
        // another instant, is not used instead.
        let p = one_in(s, &tuesday).point;
        assert_eq!(p.value, "2025-10-17T14:00:00+09:00");
        assert!(
            p.warnings.iter().any(|w| w.contains("local time")),
            "{:?}",
            p.warnings
        );
        assert!(
            p.warnings
                .iter()
                .any(|w| w.starts_with("paired times disagree")),
            "{:?}",
            p.warnings
        );
        // The right hour on the wrong day disagrees too.
        let s = "They meet at 2 p.m. Friday local time (3 a.m. Sunday KST).";
        let p = one_in(s, &there).point;
        assert!(
            p.warnings
                .iter()
                .any(|w| w.starts_with("paired times disagree")),
            "{:?}",
            p.warnings
        );
        // A country with several zones says nothing about "local time".
        let s = "They meet in the United States at 2 p.m. Friday local time.";
        assert_eq!(one_in(s, &tuesday).point.value, "2025-10-17T14:00:00+09:00");
    }

    #[test]
    fn at_date_moves_a_clock_time_and_rechecks_it() {
        let s = "It will take place at 11am Alaska time (8pm BST).";
        let m = one(s);
        let clock = m.clock.expect("clock");
        let p = at_date(&clock, date(2025, 8, 16), &s[m.start..m.end]);
        assert_eq!(p.value, "2025-08-16T11:00:00-08:00");
        assert_eq!(p.utc.as_deref(), Some("2025-08-16T19:00:00Z"));
        assert_eq!(p.inferred, ["date"]);
        // In December Anchorage is at -09:00 and London on GMT, so "8pm BST" no longer fits.
        let p = at_date(&clock, date(2025, 12, 16), "x");
        assert_eq!(p.value, "2025-12-16T11:00:00-09:00");
        assert!(
            p.warnings
                .iter()
                .any(|w| w.starts_with("paired times disagree")),
            "{:?}",
            p.warnings
        );
    }

    #[test]
    fn things_that_are_not_times() {
        for s in [
            "The Ukrainian president met Sir Keir at No 10.",
            "He said he would end the war within 24 hours.",
            "The three-and-a-half-year conflict had proven tough.",
            "He has 3 dogs, 12 cats and 2025 ideas.",
            "Theresa May said no.",
            "It may rain.",
            "Protesters march through the city.",
            "She told the Sunday Times.",
            "It was in Monday's newspaper.",
            "He was interviewed on the Today programme.",
            "A year-long war ended in a last gasp deal.",
            "Inflation rose to 3.5 per cent at 10 Downing Street.",
        ] {
            assert!(all(s).is_empty(), "{s}: {:#?}", all(s));
        }
    }

    #[test]
    fn offsets_are_bytes_into_the_article() {
        let text = "Zürich — “Talks” end on Friday. Then at 9am ET.";
        let first = find_times(text, 0..text.find('.').unwrap_or(0) + 1, &ctx());
        assert_eq!(first.len(), 1);
        assert_eq!(&text[first[0].start..first[0].end], "on Friday");
        let second_start = text.find("Then").unwrap_or(0);
        let second = find_times(text, second_start..text.len(), &ctx());
        assert_eq!(&text[second[0].start..second[0].end], "9am ET");
    }

    #[test]
    fn bad_ranges_and_zones_do_not_panic() {
        let text = "Talks on Friday at 9am.";
        assert!(find_times(text, 50..100, &ctx()).is_empty());
        #[expect(
            clippy::reversed_empty_ranges,
            reason = "a reversed range is what is tested"
        )]
        let reversed = 10..2;
        assert!(find_times(text, reversed, &ctx()).is_empty());
        let odd = TimeContext {
            default_zone: "Not/AZone",
            place_zone: Some("Nor/This"),
            ..ctx()
        };
        let m = &find_times(text, 0..text.len(), &odd)[0];
        assert_eq!(m.point.time_zone.as_deref(), Some("UTC"));
        assert!(m.point.warnings.iter().any(|w| w.contains("Not/AZone")));
    }

    #[test]
    fn tense_at_a_byte_position() {
        let s = "Mr Lee met them on Monday and will meet again on Friday.";
        assert_eq!(
            tense_at(s, 0..s.len(), s.find("Monday").unwrap_or(0)),
            Tense::Past
        );
        assert_eq!(
            tense_at(s, 0..s.len(), s.find("Friday").unwrap_or(0)),
            Tense::Future
        );
        assert_eq!(tense_at(s, 0..s.len(), s.len() + 10), Tense::Future);
    }

    fn check_mentions(text: &str, range: Range<usize>, found: &[TimeMention]) {
        let range = clamp(text, range);
        for m in found {
            assert!(range.start <= m.start && m.start < m.end && m.end <= range.end);
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
            assert_eq!(m.point.text, &text[m.start..m.end]);
        }
        for pair in found.windows(2) {
            assert!(pair[0].end <= pair[1].start, "mentions overlap");
        }
    }

    proptest! {
        #[test]
        fn any_text_and_date_give_in_bounds_mentions(
            text in "\\PC{0,200}",
            days in -3_000_000i64..3_000_000,
            a in 0usize..260,
            b in 0usize..260,
        ) {
            let published = resolve::add_days(date(2000, 1, 1), days / 1000).unwrap_or(Date::MAX);
            let ctx = TimeContext { published, ..ctx() };
            let found = find_times(&text, a.min(b)..a.max(b), &ctx);
            check_mentions(&text, a.min(b)..a.max(b), &found);
            let _ = tense_at(&text, 0..text.len(), a);
        }

        #[test]
        fn time_like_text_gives_in_bounds_mentions(
            words in proptest::collection::vec(
                prop_oneof![
                    Just("on"), Just("Friday"), Just("’s"), Just("at"), Just("11"), Just("am"),
                    Just(":"), Just("30"), Just("("), Just(")"), Just("BST"), Just("Alaska"),
                    Just("time"), Just("3"), Just("-"), Just("5"), Just("September"), Just("2024"),
                    Just("from"), Just("to"), Just("between"), Just("and"), Just("last"),
                    Just("week"), Just("May"), Just("."), Just("p"), Just("m"), Just("local"),
                    Just("UTC"), Just("+"), Just("ago"), Just("two"), Just("days"), Just("é"),
                    Just("the"), Just("final"), Just("day"), Just("weekend"), Just("earlier"),
                    Just("spent"), Just("morning"), Just("Saturday"), Just("KST"), Just("next"),
                    Just("1951"), Just("in"), Just("Washington"), Just("that"), Just("year"),
                ],
                0..40,
            ),
            glue in proptest::collection::vec(any::<bool>(), 40),
            published in prop_oneof![Just(Date::MIN), Just(Date::MAX), Just(date(2025, 8, 15))],
        ) {
            let mut text = String::new();
            for (w, g) in words.iter().zip(&glue) {
                if !g {
                    text.push(' ');
                }
                text.push_str(w);
            }
            let ctx = TimeContext { published, place_zone: Some("Europe/Kyiv"), ..ctx() };
            let found = find_times(&text, 0..text.len(), &ctx);
            check_mentions(&text, 0..text.len(), &found);
            prop_assert_eq!(&found, &find_times(&text, 0..text.len(), &ctx));
            // Read as sentences split anywhere, every mention stays inside its own sentence.
            let cut = clamp(&text, 0..text.len() / 2).end;
            let parts = find_times_in_sentences(&text, [0..cut, cut..text.len()], &ctx);
            check_mentions(&text, 0..cut, &parts[0]);
            check_mentions(&text, cut..text.len(), &parts[1]);
        }
    }
}
