//! The grammar of time expressions, over the tokens of one sentence: what the words say
//! ("last Tuesday", "3-5 September", "11am Alaska time (8pm BST)"), not yet what day that is.
//! Resolution against the publication date is [`super::resolve`]'s job.
//!
//! Every rule looks at most a few tokens ahead of where it starts, and [`parse_all`] never goes
//! back, so a sentence is parsed in time linear in its length.
//!
//! Some expressions name a day only by where they stand in the text: "earlier in the day",
//! "later that day", "spent the morning" ([`DateExpr::SameDay`]) and "on the final day" of a
//! range named before ([`DateExpr::RangeDay`]). The parser only recognises them; the caller
//! places them on a day.
//!
//! What is deliberately not read: seasons ("in the spring"), decades ("the 1990s"), days relative
//! to another event ("the next day"), numeric dates other than ISO 8601 ("15/08/2025" is
//! day-first in Britain and month-first in the US), and times of day without a clock ("Tuesday
//! night" is read as the day).

use jiff::civil::Weekday;

use super::tense;
use super::token::{Kind, MonthForm, Tokens, WordSet, month_of, weekday_of};
use crate::extract::zones::{self, ZoneSpec};

/// "last", "next" or "this" before a day or month, or nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Rel {
    Bare,
    Last,
    Next,
    This,
}

/// A date as the text gives it, before resolution.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum DateExpr {
    /// "on Wednesday", "last Tuesday".
    Weekday { day: Weekday, rel: Rel },
    /// "Monday next week" (1), "Thursday this week" (0): a day of a week counted from
    /// publication.
    WeekDay { day: Weekday, week: i32 },
    /// "this weekend" (0), "next weekend" (1).
    Weekend(i32),
    /// "March last year" (-1), "3 June next year" (1).
    YearMonth {
        month: i8,
        day: Option<i8>,
        years: i32,
    },
    /// "earlier in the day", "later that day", "spent the morning": the day the sentence is
    /// about.
    SameDay,
    /// "the final day" (`last`) or "the first day" of a range named earlier in the sentence.
    RangeDay { last: bool },
    /// "today" (0), "yesterday" (-1), "three days ago" (-3).
    DayOffset(i32),
    /// "this week" (0), "next week" (1).
    Week(i32),
    /// "last month" (-1).
    MonthOffset(i32),
    /// "next year" (1).
    YearOffset(i32),
    /// "3 September 2024", "Sept. 3", "October 2022", "in November", "next March".
    Calendar {
        year: Option<i16>,
        month: i8,
        day: Option<i8>,
        rel: Rel,
        weekday: Option<Weekday>,
    },
    /// "in 2018".
    Year(i16),
}

impl DateExpr {
    /// Whether the expression names one calendar day, so that a clock time can sit on it.
    pub fn is_day(&self) -> bool {
        match self {
            DateExpr::Weekday { .. }
            | DateExpr::WeekDay { .. }
            | DateExpr::DayOffset(_)
            | DateExpr::SameDay
            | DateExpr::RangeDay { .. } => true,
            DateExpr::Calendar { day, .. } | DateExpr::YearMonth { day, .. } => day.is_some(),
            _ => false,
        }
    }

    /// Whether the day comes from the text around the expression rather than the calendar.
    pub fn is_contextual(&self) -> bool {
        matches!(self, DateExpr::SameDay | DateExpr::RangeDay { .. })
    }
}

/// The zone words after a clock time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum ZoneWords {
    /// None given.
    Unnamed,
    /// "local time".
    Local,
    /// "BST", "Alaska time".
    Spec(ZoneSpec),
    /// "UTC+3", "GMT-05:00": an offset in seconds.
    Fixed(i32),
}

/// A clock time as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct ClockExpr {
    pub hour: u8,
    pub minute: u8,
    pub zone: ZoneWords,
    /// Byte range of the zone words, when there are any.
    pub zone_span: Option<(usize, usize)>,
    /// "at 9": no am/pm and no minutes, read as a 24-hour clock.
    pub no_meridiem: bool,
    /// Byte range of the clock and its zone, without a paired time.
    pub start: usize,
    pub end: usize,
    /// The weekday written with a paired time ("3 a.m. Saturday KST"), to check it against.
    pub weekday: Option<Weekday>,
    /// "(8pm BST)" after "11am Alaska time".
    pub pair: Option<Box<ClockExpr>>,
}

/// One time expression: a date, a clock time, or both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Single {
    Date(DateExpr),
    Clock(ClockExpr),
    DateClock(DateExpr, ClockExpr),
}

/// An expression found in the tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Parsed {
    /// Token range `[first, end)` of the whole expression.
    pub first: usize,
    pub end: usize,
    /// The token whose tense decides the date (the weekday, the month, the number).
    pub core: usize,
    pub start: Single,
    pub range_end: Option<Single>,
}

/// What the word before an expression allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lead {
    None,
    /// "at": a bare hour ("at 9") is a time.
    At,
    /// "on".
    On,
    /// "in", "since", "until"...: a bare month or year is a time.
    Temporal,
    /// After "to" or "and" in a range: as `Temporal`.
    RangeEnd,
}

const TEMPORAL: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "from",
    "during",
    "throughout",
    "before",
    "after",
    "between",
    "of",
    "around",
    "circa",
    "early",
    "late",
    "mid",
    "through",
    "as",
];
/// Capitalised words that may stand before a weekday or month without making it part of a name.
const MODIFIERS: &[&str] = &[
    "on",
    "in",
    "at",
    "last",
    "next",
    "this",
    "early",
    "late",
    "mid",
    "earlier",
    "later",
    "since",
    "until",
    "till",
    "by",
    "from",
    "between",
    "before",
    "after",
    "during",
    "through",
    "and",
    "or",
    "to",
    "every",
    "each",
    "of",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "as",
    "about",
    "around",
    "throughout",
    "also",
    "then",
    "but",
    "so",
    "only",
    "even",
    "again",
    "today",
    "yesterday",
    "tomorrow",
];
/// Capitalised words that make a weekday part of a title: "Sunday Times", "Good Friday Agreement".
const TITLE_WORDS: &[&str] = &[
    "times",
    "telegraph",
    "mirror",
    "express",
    "post",
    "herald",
    "mail",
    "sport",
    "star",
    "observer",
    "independent",
    "tribune",
    "agreement",
    "night",
    "live",
    "club",
    "people",
    "world",
    "record",
    "age",
    "review",
    "politics",
    "briefing",
];
/// Nouns after "Monday's" that make it a publication, not a date: "Monday's newspaper".
const MEDIA_NOUNS: &[&str] = &[
    "newspaper",
    "newspapers",
    "paper",
    "papers",
    "edition",
    "editions",
    "issue",
    "editorial",
    "column",
    "programme",
    "program",
    "show",
    "broadcast",
    "episode",
    "headline",
    "headlines",
    "front",
    "supplement",
    "magazine",
    "podcast",
];
const PARTS_OF_DAY: &[&str] = &[
    "morning",
    "afternoon",
    "evening",
    "night",
    "lunchtime",
    "overnight",
];
/// The words after "earlier in the", "later that", "spent the" that name part of one day.
const DAY_AND_ITS_PARTS: &[&str] = &["day", "morning", "afternoon", "evening"];
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

fn lead_of(t: &Tokens, i: usize) -> Lead {
    let Some(p) = i.checked_sub(1) else {
        return Lead::None;
    };
    if t.word_is(p, "at") {
        Lead::At
    } else if t.word_is(p, "on") {
        Lead::On
    } else if t.word_in(p, TEMPORAL) || listed_year(t, i) {
        Lead::Temporal
    } else {
        Lead::None
    }
}

/// Whether the number at `i` continues a list of years led by a temporal word: the "2023" of
/// "in 2022 and 2023" or "in 2019, 2021 or 2023". The walk back is bounded.
fn listed_year(t: &Tokens, i: usize) -> bool {
    let mut k = i;
    for _ in 0..8 {
        let Some(sep) = k.checked_sub(1) else {
            return false;
        };
        let list_word = t.word_in(sep, &["and", "or"]) || t.punct_in(sep, &[',']);
        let Some(year) = sep.checked_sub(1) else {
            return false;
        };
        if !list_word || year_at(t, year).is_none() {
            return false;
        }
        if year > 0 && t.word_in(year - 1, TEMPORAL) {
            return true;
        }
        k = year;
    }
    false
}

/// Prepositions kept at the front of an expression: they are part of what the text says ("since
/// March" is not "in March"), and the annotation guide writes them.
const KEPT_LEADS: &[&str] = &[
    "on", "in", "since", "until", "till", "through", "by", "during",
];

/// Every word an expression can start with ([`parse_at`]): a range opener, a relative or
/// position word, a number word, a weekday, a month (full or abbreviated), a named hour, a
/// fixed-date holiday.
///
/// Why: nearly every token of a sentence starts nothing, and asking [`parse_at`] about each one
/// walked the whole grammar. Any other word, and any punctuation, starts no expression, so
/// [`parse_all`] passes them by with one look-up.
static START_WORDS: WordSet = WordSet::new(&[
    "from",
    "between",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "last",
    "next",
    "this",
    "earlier",
    "later",
    "the",
    "that",
    "early",
    "late",
    "mid",
    "a",
    "an",
    "noon",
    "midday",
    "midnight",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
    "sept",
    "christmas",
    "halloween",
    "boxing",
    "valentine",
    "new",
]);

/// Whether an expression can start at token `i`: a number, or one of [`START_WORDS`].
fn may_start(t: &Tokens, i: usize) -> bool {
    match t.kind(i) {
        Some(Kind::Num) => true,
        Some(Kind::Word) => t.word_in_set(i, &START_WORDS),
        _ => false,
    }
}

/// Every expression in the sentence, left to right, never overlapping, each with its leading
/// preposition ([`KEPT_LEADS`]) when it has one.
pub(super) fn parse_all(t: &Tokens) -> Vec<Parsed> {
    let mut out = Vec::new();
    let mut i = 0;
    let mut free_from = 0;
    while i < t.len() {
        if !may_start(t, i) {
            i += 1;
            continue;
        }
        match parse_at(t, i) {
            Some(mut p) if p.end > i => {
                if p.first > free_from && t.word_in(p.first - 1, KEPT_LEADS) {
                    p.first -= 1;
                }
                i = p.end;
                free_from = p.end;
                out.push(p);
            }
            _ => i += 1,
        }
    }
    out
}

/// "from Monday to Wednesday next week": a week written after the end applies to the start.
fn share_week(start: &mut Single, end: &Single) {
    if let (
        Single::Date(DateExpr::Weekday {
            day,
            rel: Rel::Bare,
        }),
        Single::Date(DateExpr::WeekDay { week, .. }),
    ) = (&*start, end)
    {
        *start = Single::Date(DateExpr::WeekDay {
            day: *day,
            week: *week,
        });
    }
}

fn compatible(a: &Single, b: &Single) -> bool {
    let contextual = |x: &Single| match x {
        Single::Date(d) | Single::DateClock(d, _) => d.is_contextual(),
        Single::Clock(_) => false,
    };
    !contextual(a)
        && !contextual(b)
        && matches!(
            (a, b),
            (Single::Date(_), Single::Date(_))
                | (Single::Clock(_), Single::Clock(_))
                | (Single::DateClock(..), Single::Clock(_))
                | (Single::DateClock(..), Single::DateClock(..))
        )
}

/// The token after a range connector at `j` ("to", "until", "-", "–"; "and" after "between").
fn connector(t: &Tokens, j: usize, and: bool) -> Option<usize> {
    let ok = t.word_in(j, &["to", "until", "till", "through", "thru"])
        || (and && t.word_is(j, "and"))
        || t.punct_in(j, &['-', '–']);
    ok.then_some(j + 1)
}

fn parse_at(t: &Tokens, i: usize) -> Option<Parsed> {
    let opener = t.word_in(i, &["from", "between"]);
    if opener {
        let and = t.word_is(i, "between");
        if let Some(mut p) = day_range(t, i + 1, and) {
            p.first = i;
            return Some(p);
        }
        let (mut a, j, core) = single(t, i + 1, Lead::Temporal)?;
        let k = connector(t, j, and)?;
        let (b, end, _) = single(t, k, Lead::RangeEnd)?;
        share_week(&mut a, &b);
        return compatible(&a, &b).then_some(Parsed {
            first: i,
            end,
            core,
            start: a,
            range_end: Some(b),
        });
    }
    if let Some(p) = day_range(t, i, false) {
        return Some(p);
    }
    let (mut a, j, core) = single(t, i, lead_of(t, i))?;
    if !matches!(a, Single::Date(DateExpr::Year(_)))
        && let Some(k) = connector(t, j, false)
        && let Some((b, end, _)) = single(t, k, Lead::RangeEnd)
        && compatible(&a, &b)
    {
        share_week(&mut a, &b);
        return Some(Parsed {
            first: i,
            end,
            core,
            start: a,
            range_end: Some(b),
        });
    }
    Some(Parsed {
        first: i,
        end: j,
        core,
        start: a,
        range_end: None,
    })
}

/// "3-5 September", "3 to 5 September 2024", "between 3 and 5 September", "September 3-5".
fn day_range(t: &Tokens, i: usize, and: bool) -> Option<Parsed> {
    let calendar = |year, month, day| DateExpr::Calendar {
        year,
        month,
        day: Some(day),
        rel: Rel::Bare,
        weekday: None,
    };
    if t.kind(i) == Some(Kind::Num) {
        if !free_number(t, i) {
            return None;
        }
        let (d1, j) = day_num(t, i)?;
        let k = connector(t, j, and)?;
        let (d2, mut k) = day_num(t, k)?;
        if t.word_is(k, "of") {
            k += 1;
        }
        let (month, k) = month_word(t, k, true)?;
        let (year, end) = optional_year(t, k);
        return Some(Parsed {
            first: i,
            end,
            core: i,
            start: Single::Date(calendar(year, month, d1)),
            range_end: Some(Single::Date(calendar(year, month, d2))),
        });
    }
    let (month, j) = month_word(t, i, true)?;
    if !month_not_a_name(t, i) {
        return None;
    }
    let (d1, j) = day_num(t, j)?;
    let k = connector(t, j, and)?;
    let (d2, k) = day_num(t, k)?;
    let (year, end) = optional_year(t, k);
    Some(Parsed {
        first: i,
        end,
        core: i,
        start: Single::Date(calendar(year, month, d1)),
        range_end: Some(Single::Date(calendar(year, month, d2))),
    })
}

/// A date, a clock time, or a date with a clock time ("Friday at 11am", "11am on Friday").
fn single(t: &Tokens, i: usize, lead: Lead) -> Option<(Single, usize, usize)> {
    if let Some((d, j, core)) = date(t, i, lead) {
        if d.is_day() {
            let mut k = j;
            if t.punct_in(k, &[',']) {
                k += 1;
            }
            let at = t.word_is(k, "at");
            if at {
                k += 1;
            }
            if let Some((c, end)) = clock(t, k, at, true) {
                return Some((Single::DateClock(d, c), end, core));
            }
        }
        return Some((Single::Date(d), j, core));
    }
    let (mut c, j) = clock(t, i, lead == Lead::At, true)?;
    let k = if t.word_is(j, "on") { j + 1 } else { j };
    if let Some((d, mut end, core)) = date(t, k, Lead::On)
        && d.is_day()
    {
        // "2 p.m. Friday local time (3 a.m. Saturday KST)": the zone, and a pair, may follow
        // the day.
        if c.zone == ZoneWords::Unnamed
            && c.pair.is_none()
            && let Some((zone, span, z)) = zone_at(t, end)
        {
            c.zone = zone;
            c.zone_span = Some(span);
            c.end = span.1;
            end = z;
            if let Some((pair, after)) = pair_at(t, end) {
                c.pair = Some(pair);
                end = after;
            }
        }
        return Some((Single::DateClock(d, c), end, core));
    }
    Some((Single::Clock(c), j, i))
}

/// Whether the number at `i` stands on its own: not glued to a word, a number or a separator
/// before it ("A380", "COVID-19", "1.5", "£20").
fn free_number(t: &Tokens, i: usize) -> bool {
    if i == 0 || !t.glued(i) {
        return true;
    }
    !(t.is_word(i - 1)
        || t.kind(i - 1) == Some(Kind::Num)
        || t.punct_in(
            i - 1,
            &[
                ':', '.', ',', '-', '/', '£', '$', '€', '+', '#', '%', '\'', '’',
            ],
        ))
}

/// A day of the month, 1-31, with an optional ordinal suffix ("3rd"); not a clock ("3pm",
/// "3:30"), a decimal or a percentage.
fn day_num(t: &Tokens, i: usize) -> Option<(i8, usize)> {
    if t.digits(i) > 2 {
        return None;
    }
    let n = t.num(i)?;
    if !(1..=31).contains(&n) {
        return None;
    }
    let mut j = i + 1;
    if t.glued(j) && t.is_word(j) {
        if !t.word_in(j, &["st", "nd", "rd", "th"]) {
            return None;
        }
        j += 1;
    }
    let decimal = t.punct_in(j, &['.', ','])
        && t.glued(j)
        && t.glued(j + 1)
        && t.kind(j + 1) == Some(Kind::Num);
    if decimal || t.punct_in(j, &[':', '%']) {
        return None;
    }
    Some((i8::try_from(n).ok()?, j))
}

/// A four-digit year, 1000-2999, that is not part of a larger number or a decade ("1990s").
fn year_at(t: &Tokens, i: usize) -> Option<(i16, usize)> {
    if t.digits(i) != 4 || !free_number(t, i) {
        return None;
    }
    let n = t.num(i)?;
    if !(1000..=2999).contains(&n) {
        return None;
    }
    let j = i + 1;
    if t.glued(j) {
        let joined = t.is_word(j)
            || t.kind(j) == Some(Kind::Num)
            || (t.punct_in(j, &[':', '.', ',', '-', '/', '–'])
                && t.glued(j + 1)
                && t.kind(j + 1) == Some(Kind::Num));
        if joined {
            return None;
        }
    }
    Some((i16::try_from(n).ok()?, j))
}

/// An optional year after a day and month: "3 September 2024", "Sep 3, 2024".
fn optional_year(t: &Tokens, j: usize) -> (Option<i16>, usize) {
    if let Some((y, k)) = year_at(t, j) {
        return (Some(y), k);
    }
    if t.punct_in(j, &[','])
        && let Some((y, k)) = year_at(t, j + 1)
    {
        return (Some(y), k);
    }
    (None, j)
}

/// "last" (-1), "this" (0) or "next" (1) at `j`.
fn week_step(t: &Tokens, j: usize) -> Option<i32> {
    if t.word_is(j, "last") {
        Some(-1)
    } else if t.word_is(j, "this") {
        Some(0)
    } else if t.word_is(j, "next") {
        Some(1)
    } else {
        None
    }
}

/// "last year", "this year", "next year" after a month or a day ("March last year"): the years
/// from publication, and the token after.
fn relative_year(t: &Tokens, j: usize) -> Option<(i32, usize)> {
    let years = week_step(t, j)?;
    (t.word_is(j + 1, "year") && !t.in_compound(j + 1) && !t.possessive(j + 2))
        .then_some((years, j + 2))
}

/// A day and month with the year as written: given, relative ("3 March last year") or absent.
fn day_and_month(
    t: &Tokens,
    k: usize,
    month: i8,
    day: Option<i8>,
    weekday: Option<Weekday>,
) -> (DateExpr, usize) {
    let (year, end) = optional_year(t, k);
    if year.is_none()
        && let Some((years, end)) = relative_year(t, k)
    {
        return (DateExpr::YearMonth { month, day, years }, end);
    }
    let d = DateExpr::Calendar {
        year,
        month,
        day,
        rel: Rel::Bare,
        weekday,
    };
    (d, end)
}

/// A month written as a name ("September", "SEPT", "Sep."), with its abbreviation point; with
/// `abbrev` false only full names count.
fn month_word(t: &Tokens, i: usize, abbrev: bool) -> Option<(i8, usize)> {
    if !t.is_word(i) || !t.name_case(i) || t.in_compound(i) {
        return None;
    }
    let (month, form) = month_of(t.str(i))?;
    let mut j = i + 1;
    if form == MonthForm::Abbreviated {
        if !abbrev {
            return None;
        }
        if t.punct_in(j, &['.']) && t.glued(j) {
            j += 1;
        }
    }
    Some((month, j))
}

/// Whether the word before `i` leaves it free to be a month or weekday: after a capitalised
/// word that is not a time word, it is part of a name ("Theresa May", "Good Friday", "Super
/// Tuesday"), even at the start of a sentence.
fn not_after_name(t: &Tokens, i: usize) -> bool {
    let Some(p) = i.checked_sub(1) else {
        return true;
    };
    !(t.is_word(p) && t.capitalised(p) && !t.word_in(p, MODIFIERS))
}

fn month_not_a_name(t: &Tokens, i: usize) -> bool {
    not_after_name(t, i)
}

/// A date starting at token `i`, with the token index after it and the core token.
fn date(t: &Tokens, i: usize, lead: Lead) -> Option<(DateExpr, usize, usize)> {
    match t.kind(i)? {
        Kind::Num => return number_date(t, i, lead),
        Kind::Word => {}
        Kind::Punct => return None,
    }
    if t.word_in(i, &["today", "tonight", "yesterday", "tomorrow"]) {
        return relative_day(t, i);
    }
    if t.word_in(i, &["last", "next", "this"]) {
        return relative(t, i);
    }
    if t.word_in(i, &["earlier", "later"]) {
        let k = i + 1;
        if t.word_in(k, &["this", "next"]) {
            return relative(t, k);
        }
        if t.word_in(k, &["today", "tonight"]) {
            return relative_day(t, k);
        }
        if let Some(found) = earlier_or_later(t, i) {
            return Some(found);
        }
        let k = if t.word_is(k, "on") { k + 1 } else { k };
        let (d, end) = weekday(t, k, Rel::Bare)?;
        return Some((d, end, k));
    }
    if t.word_is(i, "the") || t.word_is(i, "that") {
        return day_by_position(t, i);
    }
    if t.word_in(i, &["early", "late", "mid"]) {
        return early_late(t, i);
    }
    if t.in_compound(i) {
        return None;
    }
    if weekday_of(t.str(i)).is_some() {
        let (d, end) = weekday(t, i, Rel::Bare)?;
        return Some((d, end, i));
    }
    if month_of(t.str(i)).is_some() {
        return month_date(t, i, lead);
    }
    if let Some(found) = holiday(t, i, lead) {
        return Some(found);
    }
    ago(t, i)
}

/// Holidays on a fixed calendar day, after a time word ("by Christmas", "on New Year's Eve",
/// "before Valentine's Day"); as a modifier ("Christmas shopping") or in a name ("Christmas
/// Island") they are no date.
fn holiday(t: &Tokens, i: usize, lead: Lead) -> Option<(DateExpr, usize, usize)> {
    if matches!(lead, Lead::None) || !t.capitalised(i) {
        return None;
    }
    let titled = |j: usize, w: &str| t.word_is(j, w) && t.capitalised(j);
    let possessive_then = |w: &str| t.possessive(i + 1) && titled(i + 3, w);
    let (month, day, end) = if t.word_is(i, "christmas") {
        if titled(i + 1, "eve") {
            (12, 24, i + 2)
        } else if titled(i + 1, "day") {
            (12, 25, i + 2)
        } else {
            (12, 25, i + 1)
        }
    } else if t.word_is(i, "halloween") {
        (10, 31, i + 1)
    } else if t.word_is(i, "boxing") && titled(i + 1, "day") {
        (12, 26, i + 2)
    } else if t.word_is(i, "valentine") && possessive_then("day") {
        (2, 14, i + 4)
    } else if t.word_is(i, "new") && titled(i + 1, "year") {
        let k = i + 1;
        if t.possessive(k + 1) && titled(k + 3, "day") {
            (1, 1, k + 4)
        } else if t.possessive(k + 1) && titled(k + 3, "eve") {
            (12, 31, k + 4)
        } else {
            return None;
        }
    } else {
        return None;
    };
    // A word after it other than a clause or time word makes it a modifier or a name.
    let free = !t.is_word(end)
        || t.word_in(
            end,
            &[
                "and", "or", "to", "this", "next", "last", "at", "in", "if", "when", "but", "so",
                "as", "while", "because", "after", "before", "with", "for", "from", "on", "the",
                "a", "an",
            ],
        );
    if !free {
        return None;
    }
    let d = DateExpr::Calendar {
        year: None,
        month,
        day: Some(day),
        rel: Rel::Bare,
        weekday: None,
    };
    Some((d, end, i))
}

/// "earlier in the day", "later that day", "later in the week", "earlier in the year", with
/// "earlier"/"later" at `i`.
fn earlier_or_later(t: &Tokens, i: usize) -> Option<(DateExpr, usize, usize)> {
    let k = i + 1;
    let (unit, end) = if t.word_is(k, "in") && t.word_is(k + 1, "the") {
        (k + 2, k + 3)
    } else if t.word_is(k, "that") {
        (k + 1, k + 2)
    } else {
        return None;
    };
    if t.in_compound(unit) || t.word_is(end, "of") {
        return None;
    }
    let d = if t.word_in(unit, DAY_AND_ITS_PARTS) || t.word_is(unit, "night") {
        DateExpr::SameDay
    } else if t.word_is(k, "that") {
        return None;
    } else if t.word_is(unit, "week") {
        DateExpr::Week(0)
    } else if t.word_is(unit, "month") {
        DateExpr::MonthOffset(0)
    } else if t.word_is(unit, "year") {
        DateExpr::YearOffset(0)
    } else {
        return None;
    };
    Some((d, end, i))
}

/// Days named by their place in the story, at "the" or "that" (`i`): "the same day", "that same
/// day", "the final day" or "the first day" of a range, and "the morning" after a form of
/// "spend" ("had spent the morning on the phone").
fn day_by_position(t: &Tokens, i: usize) -> Option<(DateExpr, usize, usize)> {
    let mut k = i + 1;
    if t.word_is(k, "same") {
        k += 1;
        return (t.word_is(k, "day") && !t.word_is(k + 1, "of") && !t.in_compound(k)).then_some((
            DateExpr::SameDay,
            k + 1,
            i,
        ));
    }
    if !t.word_is(i, "the") {
        return None;
    }
    if t.word_is(k + 1, "day") && !t.word_is(k + 2, "of") && !t.in_compound(k + 1) {
        if t.word_in(k, &["final", "last", "closing"]) {
            return Some((DateExpr::RangeDay { last: true }, k + 2, i));
        }
        if t.word_in(k, &["first", "opening"]) {
            return Some((DateExpr::RangeDay { last: false }, k + 2, i));
        }
    }
    let spent = i > 0 && t.word_in(i - 1, &["spent", "spend", "spends", "spending"]);
    if spent
        && t.word_in(k, DAY_AND_ITS_PARTS)
        && !t.in_compound(k)
        && !t.word_in(k + 1, &["of", "before", "after"])
    {
        return Some((DateExpr::SameDay, k + 1, i));
    }
    None
}

/// "today", "tonight", "yesterday morning", "tomorrow's talks".
fn relative_day(t: &Tokens, i: usize) -> Option<(DateExpr, usize, usize)> {
    // "the Today programme", "USA Today": capitalised inside a sentence, a title.
    if t.capitalised(i) && !t.initial(i) && !t.all_caps(i) {
        return None;
    }
    if t.in_compound(i) {
        return None;
    }
    let offset = if t.word_in(i, &["today", "tonight"]) {
        0
    } else if t.word_is(i, "yesterday") {
        -1
    } else {
        1
    };
    let mut j = i + 1;
    if t.possessive(j) {
        j += 2;
    } else if !t.word_is(i, "tonight") && t.word_in(j, PARTS_OF_DAY) {
        j += 1;
    }
    Some((DateExpr::DayOffset(offset), j, i))
}

/// "last Tuesday", "next week", "this month", "last year", "next March", "last night".
fn relative(t: &Tokens, i: usize) -> Option<(DateExpr, usize, usize)> {
    let rel = if t.word_is(i, "last") {
        Rel::Last
    } else if t.word_is(i, "next") {
        Rel::Next
    } else {
        Rel::This
    };
    let step = match rel {
        Rel::Last => -1,
        Rel::Next => 1,
        _ => 0,
    };
    let k = i + 1;
    if t.in_compound(k) {
        return None;
    }
    if weekday_of(t.str(k)).is_some() && t.is_word(k) {
        let (d, end) = weekday(t, k, rel)?;
        return Some((d, end, k));
    }
    let after = |j: usize| if t.possessive(j) { j + 2 } else { j };
    if t.word_is(k, "week") {
        return Some((DateExpr::Week(step), after(k + 1), k));
    }
    if t.word_is(k, "weekend") {
        return Some((DateExpr::Weekend(step), after(k + 1), k));
    }
    if t.word_is(k, "month") {
        return Some((DateExpr::MonthOffset(step), after(k + 1), k));
    }
    if t.word_is(k, "year") {
        return Some((DateExpr::YearOffset(step), after(k + 1), k));
    }
    if rel == Rel::Last && t.word_is(k, "night") {
        return Some((DateExpr::DayOffset(-1), k + 1, k));
    }
    if rel == Rel::This && t.word_in(k, &["morning", "afternoon", "evening"]) {
        return Some((DateExpr::DayOffset(0), k + 1, k));
    }
    let (month, end) = month_word(t, k, false)?;
    Some((
        DateExpr::Calendar {
            year: None,
            month,
            day: None,
            rel,
            weekday: None,
        },
        end,
        k,
    ))
}

/// "early on Monday", "late Tuesday", "mid-August", "late 2024", "early next week".
fn early_late(t: &Tokens, i: usize) -> Option<(DateExpr, usize, usize)> {
    let mut k = i + 1;
    let hyphen = t.punct_in(k, &['-']) && t.glued(k) && t.glued(k + 1);
    if hyphen {
        k += 1;
        // "mid-May", "late-2027": the hyphen glues the month or year to the modifier, which
        // the compound checks of a month or year on its own would refuse.
        if t.is_word(k)
            && t.name_case(k)
            && let Some((month, MonthForm::Full)) = month_of(t.str(k))
        {
            let (year, end) = optional_year(t, k + 1);
            let d = DateExpr::Calendar {
                year,
                month,
                day: None,
                rel: Rel::Bare,
                weekday: None,
            };
            return Some((d, end, k));
        }
        if t.digits(k) == 4
            && (!t.glued(k + 1) || t.punct_in(k + 1, &[',', '.', ';', ')', '!', '?']))
            && let Some(n) = t.num(k).filter(|n| (1000..=2999).contains(n))
        {
            return Some((DateExpr::Year(i16::try_from(n).ok()?), k + 1, k));
        }
    } else if t.word_is(k, "on") {
        k += 1;
        let (d, end) = weekday(t, k, Rel::Bare)?;
        return Some((d, end, k));
    } else if t.word_in(k, &["this", "next", "last"]) {
        return relative(t, k);
    }
    if weekday_of(t.str(k)).is_some() && t.is_word(k) {
        let (d, end) = weekday(t, k, Rel::Bare)?;
        return Some((d, end, k));
    }
    if t.is_word(k) {
        let (month, j) = month_word(t, k, false)?;
        let (year, end) = optional_year(t, j);
        let d = DateExpr::Calendar {
            year,
            month,
            day: None,
            rel: Rel::Bare,
            weekday: None,
        };
        return Some((d, end, k));
    }
    let (year, end) = year_at(t, k)?;
    Some((DateExpr::Year(year), end, k))
}

/// A weekday at `i` with what may follow it: a possessive, a part of the day, or a calendar date
/// ("Thursday 14 August").
fn weekday(t: &Tokens, i: usize, rel: Rel) -> Option<(DateExpr, usize)> {
    if !t.is_word(i) || t.in_compound(i) {
        return None;
    }
    let day = weekday_of(t.str(i))?;
    if !not_after_name(t, i) {
        return None;
    }
    let mut j = i + 1;
    if t.word_in(j, TITLE_WORDS) && t.capitalised(j) {
        return None;
    }
    if t.possessive(j) {
        if t.word_in(j + 2, MEDIA_NOUNS) {
            return None;
        }
        j += 2;
    } else if t.word_in(j, PARTS_OF_DAY) {
        j += 1;
    }
    // "Monday next week", "Thursday this week": the week says which Monday.
    if rel == Rel::Bare
        && let Some(week) = week_step(t, j)
        && t.word_is(j + 1, "week")
        && !t.in_compound(j + 1)
    {
        let after = if t.possessive(j + 2) { j + 4 } else { j + 2 };
        return Some((DateExpr::WeekDay { day, week }, after));
    }
    // "Thursday 14 August", "Thursday, 14 August", "Wednesday (Dec 3)".
    let bracket = t.punct_in(j, &['(']);
    let k = if t.punct_in(j, &[',', '(']) { j + 1 } else { j };
    if rel == Rel::Bare
        && let Some((
            DateExpr::Calendar {
                year,
                month,
                day: d,
                ..
            },
            end,
            _,
        )) = calendar_day(t, k)
        && (!bracket || t.punct_in(end, &[')']))
    {
        let end = if bracket { end + 1 } else { end };
        let expr = DateExpr::Calendar {
            year,
            month,
            day: d,
            rel: Rel::Bare,
            weekday: Some(day),
        };
        return Some((expr, end));
    }
    Some((DateExpr::Weekday { day, rel }, j))
}

/// Only a calendar day: "14 August", "August 14", "14th of August 2025".
fn calendar_day(t: &Tokens, i: usize) -> Option<(DateExpr, usize, usize)> {
    match t.kind(i)? {
        Kind::Num => day_first(t, i),
        Kind::Word => month_first_day(t, i),
        Kind::Punct => None,
    }
}

fn day_first(t: &Tokens, i: usize) -> Option<(DateExpr, usize, usize)> {
    if !free_number(t, i) {
        return None;
    }
    let (day, j) = day_num(t, i)?;
    let ordinal = j > i + 1;
    let k = if ordinal && t.word_is(j, "of") {
        j + 1
    } else {
        j
    };
    let (month, k) = month_word(t, k, true)?;
    let (d, end) = day_and_month(t, k, month, Some(day), None);
    Some((d, end, i))
}

fn month_first_day(t: &Tokens, i: usize) -> Option<(DateExpr, usize, usize)> {
    let (month, j) = month_word(t, i, true)?;
    if !month_not_a_name(t, i) || !free_number(t, j) {
        return None;
    }
    let (day, k) = day_num(t, j)?;
    let (d, end) = day_and_month(t, k, month, Some(day), None);
    Some((d, end, i))
}

/// Dates that start with a month: "September 3", "Sep 3, 2024", "October 2022", "in November".
fn month_date(t: &Tokens, i: usize, lead: Lead) -> Option<(DateExpr, usize, usize)> {
    if let Some(found) = month_first_day(t, i) {
        return Some(found);
    }
    let (month, j) = month_word(t, i, true)?;
    if !month_not_a_name(t, i) {
        return None;
    }
    let calendar = |year| DateExpr::Calendar {
        year,
        month,
        day: None,
        rel: Rel::Bare,
        weekday: None,
    };
    if let Some((year, end)) = year_at(t, j) {
        return Some((calendar(Some(year)), end, i));
    }
    // A month on its own must be led in ("in May", "since March"), be a full name, and not be
    // followed by a verb, which would make it a person ("since May became prime minister").
    let full = month_of(t.str(i)).is_some_and(|(_, f)| f == MonthForm::Full);
    let led = matches!(lead, Lead::Temporal | Lead::RangeEnd);
    // "voted in November to close": an infinitive's "to" is a cue, but not a verb.
    let verb_after = t.is_word(j) && !t.word_is(j, "to") && tense::cue(t, j).is_some();
    if !full || !led || verb_after {
        return None;
    }
    if let Some((years, end)) = relative_year(t, j) {
        let d = DateExpr::YearMonth {
            month,
            day: None,
            years,
        };
        return Some((d, end, i));
    }
    Some((calendar(None), j, i))
}

/// Dates that start with a number: "3 September", "3rd of September 2024", "2025-08-15", a year
/// after "in" or "since", "three days ago".
fn number_date(t: &Tokens, i: usize, lead: Lead) -> Option<(DateExpr, usize, usize)> {
    if !free_number(t, i) {
        return None;
    }
    if let Some(found) = iso_date(t, i) {
        return Some(found);
    }
    if let Some(found) = day_first(t, i) {
        return Some(found);
    }
    if (matches!(lead, Lead::Temporal | Lead::RangeEnd) || attributive_year(t, i))
        && let Some((year, end)) = year_at(t, i)
    {
        return Some((DateExpr::Year(year), end, i));
    }
    ago(t, i)
}

/// A year used as a modifier: "a 1951 defence agreement", "the 2018 summit", "Trump's 2016
/// campaign". Only 1900-2099, and not before a lower-case plural, where a four-digit number is
/// more likely a count ("the 1500 workers").
fn attributive_year(t: &Tokens, i: usize) -> bool {
    let determiner = (i >= 1 && t.word_in(i - 1, &["a", "an", "the"]) && !t.glued(i))
        || (i >= 2 && t.possessive(i - 2));
    let modern = t.num(i).is_some_and(|n| (1900..=2099).contains(&n));
    let next = t.str(i + 1);
    let plural =
        next.len() > 2 && next.ends_with('s') && !next.ends_with("ss") && !t.capitalised(i + 1);
    determiner && modern && t.is_word(i + 1) && !t.glued(i + 1) && !plural
}

/// "2025-08-15".
fn iso_date(t: &Tokens, i: usize) -> Option<(DateExpr, usize, usize)> {
    if t.digits(i) != 4 || t.digits(i + 2) != 2 || t.digits(i + 4) != 2 {
        return None;
    }
    let glued = (i + 1..=i + 4).all(|j| t.glued(j));
    if !glued || !t.punct_in(i + 1, &['-']) || !t.punct_in(i + 3, &['-']) {
        return None;
    }
    let year = i16::try_from(t.num(i)?).ok()?;
    let month = i8::try_from(t.num(i + 2)?).ok()?;
    let day = i8::try_from(t.num(i + 4)?).ok()?;
    jiff::civil::Date::new(year, month, day).ok()?;
    let d = DateExpr::Calendar {
        year: Some(year),
        month,
        day: Some(day),
        rel: Rel::Bare,
        weekday: None,
    };
    Some((d, i + 5, i))
}

/// "three days ago", "a week ago", "2 years ago".
fn ago(t: &Tokens, i: usize) -> Option<(DateExpr, usize, usize)> {
    let n: i32 = if let Some(n) = t.num(i) {
        if t.digits(i) > 2 || !free_number(t, i) {
            return None;
        }
        i32::try_from(n).ok()?
    } else if t.word_in(i, &["a", "an"]) {
        1
    } else {
        let w = t.str(i);
        let pos = NUMBER_WORDS
            .iter()
            .position(|x| w.eq_ignore_ascii_case(x))?;
        i32::try_from(pos).ok()? + 1
    };
    let unit = i + 1;
    if !t.word_is(unit + 1, "ago") || t.in_compound(unit) {
        return None;
    }
    let is = |words: &[&str]| t.word_in(unit, words);
    let d = if is(&["day", "days"]) {
        DateExpr::DayOffset(-n)
    } else if is(&["week", "weeks"]) {
        DateExpr::Week(-n)
    } else if is(&["month", "months"]) {
        DateExpr::MonthOffset(-n)
    } else if is(&["year", "years"]) {
        DateExpr::YearOffset(-n)
    } else {
        return None;
    };
    Some((d, unit + 2, i))
}

/// "am", "pm", "a.m.", "p.m." at `j`: whether it is pm, and the token after it.
fn meridiem(t: &Tokens, j: usize) -> Option<(bool, usize)> {
    if t.word_in(j, &["am", "pm"]) {
        return Some((t.word_is(j, "pm"), j + 1));
    }
    if t.word_in(j, &["a", "p"])
        && t.punct_in(j + 1, &['.'])
        && t.glued(j + 1)
        && t.word_is(j + 2, "m")
        && t.glued(j + 2)
    {
        let mut k = j + 3;
        if t.punct_in(k, &['.']) && t.glued(k) {
            k += 1;
        }
        return Some((t.word_is(j, "p"), k));
    }
    None
}

/// Words after a bare hour ("at 9") that keep it a time: the end of a clause, a day, a zone.
fn bare_hour_ends(t: &Tokens, j: usize) -> bool {
    match t.kind(j) {
        None => true,
        Some(Kind::Num) => false,
        Some(Kind::Punct) => {
            if t.punct_in(j, &['.']) && t.glued(j + 1) && t.kind(j + 1) == Some(Kind::Num) {
                return false;
            }
            t.punct_in(j, &[',', '.', ';', ')', '!', '?', '–', '—', '”', '"'])
        }
        Some(Kind::Word) => {
            t.word_in(
                j,
                &[
                    "on", "in", "this", "tonight", "tomorrow", "today", "and", "or", "to", "until",
                    "sharp", "local", "when", "before", "after", "that", "the",
                ],
            ) || weekday_of(t.str(j)).is_some()
                || zone_at(t, j).is_some()
        }
    }
}

/// A clock time at `i`: "11am", "10:30 a.m.", "14:00", "14.00 GMT", "1200 GMT", "noon", and after
/// "at" a bare hour ("at 9"), each with its zone words and, when `pair` allows, a second time in
/// brackets ("11am Alaska time (8pm BST)").
fn clock(t: &Tokens, i: usize, at: bool, pair: bool) -> Option<(ClockExpr, usize)> {
    let start = t.toks.get(i)?.start;
    let (hour, minute, no_meridiem, j, needs_zone) = if t.word_in(i, &["noon", "midday"]) {
        (12, 0, false, i + 1, false)
    } else if t.word_is(i, "midnight") {
        (0, 0, false, i + 1, false)
    } else {
        let n = t.num(i)?;
        if !free_number(t, i) {
            return None;
        }
        let digits = t.digits(i);
        if digits <= 2 && n <= 23 {
            let mut j = i + 1;
            let mut minute = 0;
            let mut sep = None;
            if t.glued(j) && t.punct_in(j, &[':', '.']) && t.glued(j + 1) && t.digits(j + 1) == 2 {
                minute = t.num(j + 1).filter(|m| *m <= 59)?;
                sep = t.punct(j);
                j += 2;
                // Seconds ("11:30:00") are read and dropped.
                if sep == Some(':')
                    && t.punct_in(j, &[':'])
                    && t.glued(j)
                    && t.glued(j + 1)
                    && t.digits(j + 1) == 2
                {
                    j += 2;
                }
            }
            if let Some((pm, k)) = meridiem(t, j) {
                if n == 0 || n > 12 {
                    return None;
                }
                let hour = n % 12 + if pm { 12 } else { 0 };
                (hour, minute, false, k, false)
            } else if sep == Some(':') {
                (n, minute, false, j, false)
            } else if sep == Some('.') {
                (n, minute, false, j, !at)
            } else if at {
                let mut k = j;
                if t.word_is(k, "o") && t.punct_in(k + 1, &['\'', '’']) && t.word_is(k + 2, "clock")
                {
                    k += 3;
                }
                let glued_on =
                    t.glued(j) && !t.punct_in(j, &[',', '.', ';', ')', '!', '?', '”', '"']);
                if !bare_hour_ends(t, k) || glued_on {
                    return None;
                }
                (n, 0, (1..=12).contains(&n), k, false)
            } else {
                return None;
            }
        } else if digits == 4 && n / 100 <= 23 && n % 100 <= 59 && !t.glued(i + 1) {
            (n / 100, n % 100, false, i + 1, true)
        } else {
            return None;
        }
    };
    // "at 2.50%", "at 2.50 per cent": a rate; "with 6:12 remaining": a game clock.
    if t.punct_in(j, &['%'])
        || t.word_in(j, &["per", "percent", "pc", "remaining", "left", "points"])
    {
        return None;
    }
    let (zone, zone_span, k) = match zone_at(t, j) {
        Some((zone, span, k)) => (zone, Some(span), k),
        None => (ZoneWords::Unnamed, None, j),
    };
    // "1200 GMT" and "14.00 GMT" are times only because of their zone.
    if needs_zone
        && !matches!(
            zone,
            ZoneWords::Spec(_) | ZoneWords::Fixed(_) | ZoneWords::Local
        )
    {
        return None;
    }
    let end = t.toks.get(k.checked_sub(1)?)?.end;
    let mut found = ClockExpr {
        hour: u8::try_from(hour).ok()?,
        minute: u8::try_from(minute).ok()?,
        zone,
        zone_span,
        no_meridiem,
        start,
        end,
        weekday: None,
        pair: None,
    };
    let mut next = k;
    if pair && let Some((second, after)) = pair_at(t, k) {
        found.pair = Some(second);
        next = after;
    }
    Some((found, next))
}

/// A paired clock time at `k`: "(8pm BST)", "/ 1200 GMT", "(3 a.m. Saturday KST)". It must name
/// its zone; a weekday between its clock and its zone is kept to be checked. Pairs do not nest.
fn pair_at(t: &Tokens, k: usize) -> Option<(Box<ClockExpr>, usize)> {
    if !t.punct_in(k, &['(', '/']) {
        return None;
    }
    let close = t.punct_in(k, &['(']);
    let (mut second, mut after) = clock(t, k + 1, false, false)?;
    if second.zone == ZoneWords::Unnamed
        && t.is_word(after)
        && let Some(day) = weekday_of(t.str(after))
        && let Some((zone, span, z)) = zone_at(t, after + 1)
    {
        second.zone = zone;
        second.zone_span = Some(span);
        second.weekday = Some(day);
        second.end = span.1;
        after = z;
    }
    if second.zone == ZoneWords::Unnamed || (close && !t.punct_in(after, &[')'])) {
        return None;
    }
    Some((Box::new(second), if close { after + 1 } else { after }))
}

/// Zone words at `j`: an abbreviation ("BST", "UTC+3"), or a name before "time" ("Alaska time",
/// "Central European Time", "local time"). Returns the zone, its byte span and the next token.
fn zone_at(t: &Tokens, j: usize) -> Option<(ZoneWords, (usize, usize), usize)> {
    let start = t.toks.get(j)?.start;
    if t.all_caps(j)
        && let Some(spec) = zones::abbreviation(t.str(j))
    {
        if matches!(t.str(j), "GMT" | "UTC")
            && let Some((offset, k)) = offset_suffix(t, j + 1)
        {
            return Some((ZoneWords::Fixed(offset), (start, t.toks[k - 1].end), k));
        }
        return Some((ZoneWords::Spec(spec), (start, t.toks[j].end), j + 1));
    }
    if !t.is_word(j) {
        return None;
    }
    for len in (1..=3).rev() {
        let time = j + len;
        if !t.word_is(time, "time") || !(j..time).all(|w| t.is_word(w)) {
            continue;
        }
        let span = (start, t.toks[time].end);
        if len == 1 && t.word_is(j, "local") {
            return Some((ZoneWords::Local, span, time + 1));
        }
        if !t.capitalised(j) {
            continue;
        }
        let words = &t.text[start..t.toks[time - 1].end];
        if let Some(spec) = zones::named_zone(words) {
            return Some((ZoneWords::Spec(spec), span, time + 1));
        }
    }
    None
}

/// "+1", "-05:00", "+0530" glued after "UTC"/"GMT": the offset in seconds.
fn offset_suffix(t: &Tokens, j: usize) -> Option<(i32, usize)> {
    let sign = match t.punct(j)? {
        '+' => 1,
        '-' | '−' => -1,
        _ => return None,
    };
    if !t.glued(j) || !t.glued(j + 1) {
        return None;
    }
    let n = i32::try_from(t.num(j + 1)?).ok()?;
    let (hours, mut minutes, mut k) = match t.digits(j + 1) {
        1 | 2 => (n, 0, j + 2),
        4 => (n / 100, n % 100, j + 2),
        _ => return None,
    };
    if t.digits(j + 1) <= 2
        && t.punct_in(k, &[':'])
        && t.glued(k)
        && t.glued(k + 1)
        && t.digits(k + 1) == 2
    {
        minutes = i32::try_from(t.num(k + 1)?).ok()?;
        k += 2;
    }
    if hours > 14 || minutes > 59 {
        return None;
    }
    Some((sign * (hours * 3600 + minutes * 60), k))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expressions_start_only_where_may_start_allows() {
        let s = "From Monday to Wed 3 September, the talks began two days ago at noon; since \
                 SEPT 2024 and between 3 and 5 Jan, a week ago, later that day, early next \
                 week, tonight, 11am GMT, midnight, mid-August, the final day, Thursday’s talks.";
        let t = Tokens::new(s, 0..s.len());
        let mut started = 0;
        for i in 0..t.len() {
            if parse_at(&t, i).is_some() {
                started += 1;
                assert!(may_start(&t, i), "{}", t.str(i));
            }
        }
        assert!(started > 10, "{started}");
    }

    fn parse(s: &str) -> Vec<(String, Parsed)> {
        let t = Tokens::new(s, 0..s.len());
        parse_all(&t)
            .into_iter()
            .map(|p| {
                let words = s[t.toks[p.first].start..t.toks[p.end - 1].end].to_string();
                (words, p)
            })
            .collect()
    }

    fn spans(s: &str) -> Vec<String> {
        parse(s).into_iter().map(|(w, _)| w).collect()
    }

    fn only(s: &str) -> Single {
        let mut found = parse(s);
        assert_eq!(found.len(), 1, "{s}: {found:?}");
        found.remove(0).1.start
    }

    #[test]
    fn weekdays_with_their_modifiers() {
        assert_eq!(spans("met on Wednesday."), ["on Wednesday"]);
        assert_eq!(spans("said Wednesday."), ["Wednesday"]);
        assert_eq!(spans("talks later on Friday, with"), ["later on Friday"]);
        assert_eq!(spans("late Tuesday"), ["late Tuesday"]);
        assert_eq!(spans("early on Monday"), ["early on Monday"]);
        assert_eq!(spans("on Tuesday night"), ["on Tuesday night"]);
        assert_eq!(
            spans("last Tuesday and next Monday"),
            ["last Tuesday", "next Monday"]
        );
        assert_eq!(
            only("later on Friday"),
            Single::Date(DateExpr::Weekday {
                day: Weekday::Friday,
                rel: Rel::Bare,
            })
        );
    }

    #[test]
    fn possessive_weekdays_are_dates_but_titles_are_not() {
        assert_eq!(spans("Friday’s talks in Anchorage"), ["Friday’s"]);
        assert_eq!(spans("told the Sunday Times"), Vec::<String>::new());
        assert_eq!(spans("in Monday's newspaper"), Vec::<String>::new());
        assert_eq!(spans("the Good Friday Agreement"), Vec::<String>::new());
    }

    #[test]
    fn may_and_march_only_as_months() {
        assert_eq!(spans("Theresa May said"), Vec::<String>::new());
        assert_eq!(spans("it may rain"), Vec::<String>::new());
        assert_eq!(spans("protesters march"), Vec::<String>::new());
        assert_eq!(spans("March organisers"), Vec::<String>::new());
        assert_eq!(spans("since May became leader"), Vec::<String>::new());
        assert_eq!(spans("in May, he"), ["in May"]);
        assert_eq!(spans("on 3 May"), ["on 3 May"]);
        assert_eq!(spans("Theresa May 3"), Vec::<String>::new());
    }

    #[test]
    fn absolute_dates() {
        for s in [
            "3 September",
            "September 3",
            "Sept. 3",
            "Sep 3, 2024",
            "3 September 2024",
            "3rd of September",
            "2025-08-15",
            "October 2022",
        ] {
            assert_eq!(spans(&format!("on {s} there")), [format!("on {s}")], "{s}");
            assert_eq!(spans(&format!("before {s} there")), [s], "{s}");
        }
        assert_eq!(spans("in 2018 and since 2018"), ["in 2018", "since 2018"]);
        assert_eq!(spans("in the 1990s"), Vec::<String>::new());
        assert_eq!(spans("in the spring"), Vec::<String>::new());
    }

    #[test]
    fn ranges() {
        assert_eq!(
            spans("from Monday to Wednesday"),
            ["from Monday to Wednesday"]
        );
        assert_eq!(spans("Monday to Wednesday"), ["Monday to Wednesday"]);
        assert_eq!(
            spans("between 3 and 5 September"),
            ["between 3 and 5 September"]
        );
        assert_eq!(spans("on 3-5 September"), ["on 3-5 September"]);
        assert_eq!(spans("held September 3–5, 2024"), ["September 3–5, 2024"]);
        let p = &parse("between 3 and 5 September")[0].1;
        assert!(matches!(
            p.range_end,
            Some(Single::Date(DateExpr::Calendar {
                day: Some(5),
                month: 9,
                ..
            }))
        ));
    }

    #[test]
    fn clock_forms() {
        for s in [
            "11am",
            "11 am",
            "11:30am",
            "10:30 a.m.",
            "3 p.m.",
            "14:00",
            "14.00 GMT",
            "noon",
            "midday",
            "midnight",
            "9",
            "1200 GMT",
        ] {
            assert_eq!(spans(&format!("at {s}")), [s], "{s}");
        }
        assert_eq!(
            spans("at 11am Alaska time (8pm BST)."),
            ["11am Alaska time (8pm BST)"]
        );
        assert_eq!(spans("9am ET (2pm BST)"), ["9am ET (2pm BST)"]);
        assert_eq!(
            spans("3pm local time (1200 GMT)"),
            ["3pm local time (1200 GMT)"]
        );
        assert_eq!(
            spans("at 11am British Summer Time"),
            ["11am British Summer Time"]
        );
        assert_eq!(spans("at 10 UTC+3"), ["10 UTC+3"]);
    }

    #[test]
    fn numbers_that_are_not_times() {
        assert!(
            spans("kept its rate at 2.50% on Thursday")
                .iter()
                .all(|s| !s.contains("2.50"))
        );
        assert!(spans("held at 3.75 per cent").is_empty());
        assert!(spans("went out with 6:12 remaining in the half").is_empty());
        assert_eq!(spans("at No 10 on Thursday"), ["on Thursday"]);
        assert_eq!(spans("within 24 hours"), Vec::<String>::new());
        assert_eq!(
            spans("the three-and-a-half-year conflict"),
            Vec::<String>::new()
        );
        assert_eq!(
            spans("rose 14.00 points, 1200 people at 10 Downing Street"),
            Vec::<String>::new()
        );
        assert_eq!(spans("at 9.5 per cent"), Vec::<String>::new());
        assert_eq!(spans("a year-long war"), Vec::<String>::new());
        assert_eq!(spans("COVID-19 in 3 cases"), Vec::<String>::new());
    }

    #[test]
    fn dates_with_clock_times() {
        assert_eq!(
            spans("on Friday at 11am Alaska time"),
            ["on Friday at 11am Alaska time"]
        );
        assert_eq!(spans("at 11am on Friday"), ["11am on Friday"]);
        assert!(matches!(only("at 11am on Friday"), Single::DateClock(..)));
        assert_eq!(spans("will open at 10 a.m. July 28."), ["10 a.m. July 28"]);
        assert_eq!(spans("return in mid-May to begin"), ["in mid-May"]);
        assert_eq!(spans("a deal by Christmas, he said"), ["by Christmas"]);
        assert_eq!(
            spans("the board voted in November to close"),
            ["in November"]
        );
        assert_eq!(spans("on New Year's Eve and"), ["on New Year's Eve"]);
        assert!(spans("before Christmas shopping starts").is_empty());
        assert!(spans("in Christmas Island").is_empty());
        assert!(spans("Christmas is coming").is_empty());
        assert_eq!(spans("finish by mid-2027."), ["by mid-2027"]);
        assert_eq!(spans("will open at 10 a.m. 28 July."), ["10 a.m. 28 July"]);
    }

    #[test]
    fn relative_words() {
        assert_eq!(
            spans("today, tonight, yesterday, tomorrow"),
            ["today", "tonight", "yesterday", "tomorrow"]
        );
        assert_eq!(
            spans("told the BBC's Today programme"),
            Vec::<String>::new()
        );
        assert_eq!(
            spans("this week, next week, last month, earlier this month, next year"),
            [
                "this week",
                "next week",
                "last month",
                "earlier this month",
                "next year"
            ]
        );
        assert_eq!(spans("three days ago"), ["three days ago"]);
        assert_eq!(only("a week ago"), Single::Date(DateExpr::Week(-1)));
        assert_eq!(spans("a last gasp offer"), Vec::<String>::new());
    }

    #[test]
    fn leading_prepositions_are_kept() {
        assert_eq!(
            spans("in March, since March, by 2027, until Friday, through Nov. 21"),
            [
                "in March",
                "since March",
                "by 2027",
                "until Friday",
                "through Nov. 21"
            ]
        );
        // Not "at": a clock time is written without it ("11am GMT"), and not a word that
        // belongs to an expression before.
        assert_eq!(spans("at 11am on Friday"), ["11am on Friday"]);
        assert_eq!(spans("on Monday on Tuesday"), ["on Monday", "on Tuesday"]);
    }

    #[test]
    fn weekends_and_days_of_a_named_week() {
        assert_eq!(only("this weekend"), Single::Date(DateExpr::Weekend(0)));
        assert_eq!(only("next weekend"), Single::Date(DateExpr::Weekend(1)));
        assert_eq!(
            only("on Monday next week"),
            Single::Date(DateExpr::WeekDay {
                day: Weekday::Monday,
                week: 1
            })
        );
        let found = parse("meet from Monday to Wednesday next week.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "from Monday to Wednesday next week");
        assert_eq!(
            found[0].1.start,
            Single::Date(DateExpr::WeekDay {
                day: Weekday::Monday,
                week: 1
            })
        );
    }

    #[test]
    fn months_and_days_in_a_relative_year() {
        assert_eq!(
            spans("came to light in March last year"),
            ["in March last year"]
        );
        assert_eq!(
            only("in March last year"),
            Single::Date(DateExpr::YearMonth {
                month: 3,
                day: None,
                years: -1
            })
        );
        assert_eq!(
            only("on 3 June next year"),
            Single::Date(DateExpr::YearMonth {
                month: 6,
                day: Some(3),
                years: 1
            })
        );
        // "last year's" is a possessive of the year, not a year for the month.
        assert_eq!(
            spans("in March last year's figures"),
            ["in March", "last year's"]
        );
    }

    #[test]
    fn lists_and_attributive_years() {
        assert_eq!(spans("in 2022 and 2023, a"), ["in 2022", "2023"]);
        assert_eq!(spans("in 2019, 2021 or 2023"), ["in 2019", "2021", "2023"]);
        assert_eq!(spans("1200 and 1300 people"), Vec::<String>::new());
        assert_eq!(spans("has 3 dogs and 2025 ideas"), Vec::<String>::new());
        assert_eq!(spans("a 1951 defence agreement"), ["1951"]);
        assert_eq!(spans("the 2018 summit"), ["2018"]);
        assert_eq!(spans("Trump's 2016 campaign"), ["2016"]);
        assert_eq!(spans("the 1500 workers"), Vec::<String>::new());
        assert_eq!(spans("the 2000 troops"), Vec::<String>::new());
        assert_eq!(spans("a 1200 word essay"), Vec::<String>::new());
    }

    #[test]
    fn days_named_by_their_place_in_the_text() {
        for s in [
            "earlier in the day",
            "later in the day",
            "later that day",
            "earlier that morning",
            "the same day",
        ] {
            assert_eq!(only(s), Single::Date(DateExpr::SameDay), "{s}");
        }
        assert_eq!(only("later in the week"), Single::Date(DateExpr::Week(0)));
        assert_eq!(spans("had spent the morning on the phone"), ["the morning"]);
        assert_eq!(spans("she runs in the morning"), Vec::<String>::new());
        assert_eq!(spans("spent the morning of the vote"), Vec::<String>::new());
        assert_eq!(spans("the same day-long format"), Vec::<String>::new());
        let s = "the vote at noon CET on the final day.";
        assert_eq!(spans(s), ["noon CET on the final day"]);
        assert!(matches!(
            only(s),
            Single::DateClock(DateExpr::RangeDay { last: true }, _)
        ));
        assert_eq!(
            only("on the first day"),
            Single::Date(DateExpr::RangeDay { last: false })
        );
        assert_eq!(spans("the last day of the month"), Vec::<String>::new());
    }

    #[test]
    fn zone_and_pair_after_the_day_of_a_clock_time() {
        let s = "in Washington at 2 p.m. Friday local time (3 a.m. Saturday KST), Kim said.";
        assert_eq!(spans(s), ["2 p.m. Friday local time (3 a.m. Saturday KST)"]);
        let Single::DateClock(_, c) = only(s) else {
            panic!("a day with a clock");
        };
        assert_eq!(c.zone, ZoneWords::Local);
        let pair = c.pair.expect("paired");
        assert_eq!((pair.hour, pair.weekday), (3, Some(Weekday::Saturday)));
        assert!(matches!(pair.zone, ZoneWords::Spec(_)));
        assert_eq!(
            spans("through 8 p.m. Thursday Pacific time."),
            ["through 8 p.m. Thursday Pacific time"]
        );
    }

    #[test]
    fn a_weekday_with_its_date_in_brackets() {
        assert_eq!(spans("on Wednesday (Dec 3) to"), ["on Wednesday (Dec 3)"]);
        assert!(matches!(
            only("on Wednesday (Dec 3)"),
            Single::Date(DateExpr::Calendar {
                weekday: Some(Weekday::Wednesday),
                day: Some(3),
                month: 12,
                ..
            })
        ));
        assert_eq!(spans("on Wednesday (in Paris)"), ["on Wednesday"]);
    }

    #[test]
    fn pair_recursion_is_bounded() {
        let s = "11am BST (".repeat(1000);
        assert!(parse(&s).len() >= 500);
    }
}
