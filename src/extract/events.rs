//! Events: meetings, summits, calls, visits, press conferences and the like, each merged over
//! all its mentions, with participants, place, time and status.
//!
//! A mention is a trigger word outside quotation marks ("summit", "met", "talks"). Within a
//! sentence, a verb and the noun that names its event are one mention ("hosted a summit",
//! "travel to Brussels next week to meet", "leave for Kuala Lumpur … for talks"); each other
//! trigger is a happening of its own, with its own stretch of the sentence: the words from its
//! phrase to the next one. People, places and times are read from that stretch, with these
//! refinements, all general rules of news prose:
//!
//! - who: a person who only reports ("…, her spokesperson, Arianna Podestà, said") is left
//!   out, one who speaks at the event ("told a press briefing", "said on a call with
//!   analysts") is in it; pronouns, "the two leaders" and "their meeting" stand for the people
//!   just named; a conjoined verb shares its subject ("will leave … and sit down with …").
//! - when: the day of the telling ("said on Tuesday") dates nothing; a clock time with no day
//!   takes the day of its event or of the sentence before; a past event told with no day takes
//!   the day of the sentence before in its paragraph, else the story's own day (the first day
//!   its first sentence names), which is how wire copy dates briefings, calls and hearings.
//! - where: "in" or "at" a place the gazetteer knows, a venue ("at Leinster House", "at the
//!   British embassy") joined with the city named beside it, a destination after a journey
//!   ("travel to Madurai"), a town too small for the gazetteer ("in Hemet"); never inside
//!   quotation marks or a person's affiliation ("a researcher at the University of Nairobi").
//! - background: "ahead of the talks", "before the vote", "after their meeting" refer to an
//!   event and tell only what their own phrase says; a subordinate clause ("after the group
//!   held a conference in Nairobi") keeps the main clause's day and people out.
//!
//! A definite mention ("the talks", "Friday's meeting"), a background one, or a verb whose
//! people are already in an event joins the most recent compatible event; an indefinite one
//! ("a three-way summit") starts a new one. A sentence that lists the parts of a programme
//! ("will include a lunch and a press conference", "the chancellor's programme includes …")
//! makes them sub-events of its event or of the visit already told. Mentions that never name
//! anyone, anywhere or any day, and are not plainly held ("held talks"), are dropped.
//!
//! This module reads one article's sentences and the people already found; it does not find
//! people or resolve time expressions itself (see `people` and `time`), keeps no state between
//! articles, and keys on no article's names, words or dates. Each sentence's work is bounded
//! by its length, and merging looks back over a fixed number of events, so the whole is
//! linear in the text.

use std::collections::BTreeSet;
use std::ops::Range;

use super::gazetteer::{self, PlaceKind};
use super::lexicon::{self, Gender};
use super::people::People;
use super::sentences::{Sentence, Token, lowercase, sentence_tokens, strip_possessive};
use super::time::{self, SentenceTimes, Tense, TimeContext, TimeMention};
use crate::model::{EventStatus, Place, Precision, TimePoint};

/// Nouns that name an event, with the kind they give it. Phrases are tried in order, so a
/// longer phrase comes before any shorter one it starts with.
/// Heads of institutions' names that go on with "of …" ("Ministry of Foreign Affairs").
const INSTITUTION_HEADS: &[&str] = &[
    "Department",
    "Ministry",
    "Palace",
    "Museum",
    "University",
    "Institute",
    "Houses",
    "Chamber",
    "Cathedral",
    "Church",
];

/// How many words an opening participle phrase ("Speaking at a press conference in Kyiv on
/// Tuesday,") may run before the comma that ends it.
const MAX_OPENER_WORDS: usize = 30;
/// How far after that comma the main clause's subject is looked for (past an appositive such as
/// "the union's general secretary,").
const OPENER_SUBJECT_BYTES: usize = 80;

const NOUN_TRIGGERS: &[(&str, &str)] = &[
    ("press conference", "press conference"),
    ("news conference", "press conference"),
    // Indian English: "said at a press meet on Tuesday".
    ("press meet", "press conference"),
    ("press briefing", "briefing"),
    ("phone call", "call"),
    ("conference call", "call"),
    ("earnings call", "call"),
    ("video call", "call"),
    ("telephone call", "call"),
    ("on the phone", "call"),
    ("summit", "summit"),
    ("meetings", "meeting"),
    ("meeting", "meeting"),
    ("talks", "talks"),
    ("negotiations", "talks"),
    ("encounter", "meeting"),
    ("call", "call"),
    ("state visit", "visit"),
    ("visit", "visit"),
    ("trip", "visit"),
    ("lunch", "lunch"),
    ("dinner", "dinner"),
    ("state banquet", "dinner"),
    ("banquet", "dinner"),
    ("wildfire", "wildfire"),
    ("brush fire", "wildfire"),
    ("bushfire", "wildfire"),
    ("breakfast", "breakfast"),
    ("conference", "conference"),
    ("elections", "election"),
    ("election", "election"),
    ("vote", "vote"),
    ("ballot", "vote"),
    ("referendum", "vote"),
    ("trial", "trial"),
    ("hearing", "hearing"),
    ("rally", "rally"),
    ("ceremony", "ceremony"),
    ("laid a wreath", "ceremony"),
    ("lay a wreath", "ceremony"),
    ("laid the foundation stone", "ceremony"),
    ("lay the foundation stone", "ceremony"),
    ("speech", "speech"),
    ("address", "speech"),
    ("briefing", "briefing"),
    ("debate", "debate"),
    ("plenary session", "session"),
    ("session", "session"),
    ("sitting", "session"),
    ("statement", "statement"),
    ("announcement", "announcement"),
    ("protest", "protest"),
    ("demonstration", "protest"),
    ("march", "protest"),
    ("strikes", "strike"),
    ("strike", "strike"),
    ("walkouts", "strike"),
    ("walkout", "strike"),
    ("funeral", "funeral"),
    ("inauguration", "ceremony"),
    ("parade", "parade"),
    ("tournament", "tournament"),
    ("match", "match"),
    ("game", "match"),
    ("tie", "match"),
    ("final", "match"),
    ("launch", "launch"),
    ("roundtable", "roundtable"),
    ("round table", "roundtable"),
    ("testimony", "hearing"),
    ("give evidence", "hearing"),
    ("gives evidence", "hearing"),
    ("gave evidence", "hearing"),
    ("giving evidence", "hearing"),
    ("attendance", "attendance"),
    ("gathering", "summit"),
    ("investor day", "conference"),
    ("forum", "conference"),
    ("symposium", "conference"),
    ("semi-final", "match"),
    ("semi-finals", "match"),
    ("semifinal", "match"),
    ("quarter-final", "match"),
    ("quarterfinal", "match"),
];

/// Event nouns that are also verbs: after "to" or a modal ("to call for", "will strike") they
/// are verbs and name no event of their own.
const VERBABLE: &[&str] = &[
    "call", "address", "strike", "launch", "protest", "debate", "match", "rally", "march",
    "parade", "tie", "final", "game",
];

/// Event nouns that are also common adjectives or nouns of other senses ("the final day",
/// "the sitting president", "trade ties", "March"): they name an event only as the head of
/// their phrase, written in lower case.
const AMBIGUOUS_NOUNS: &[&str] = &[
    "final",
    "sitting",
    "tie",
    "game",
    "match",
    "march",
    "strike",
    "address",
    "launch",
    "session",
    "statement",
    "announcement",
    "gathering",
];

/// Words that may follow an event noun at the head of its phrase.
const AFTER_HEAD: &[&str] = &[
    "on",
    "in",
    "at",
    "of",
    "for",
    "with",
    "was",
    "is",
    "will",
    "would",
    "could",
    "had",
    "has",
    "and",
    "or",
    "to",
    "that",
    "which",
    "where",
    "when",
    "after",
    "before",
    "this",
    "next",
    "last",
    "later",
    "earlier",
    "tomorrow",
    "today",
    "yesterday",
    "against",
    "between",
    "into",
    "from",
    "by",
    "over",
    "due",
    "scheduled",
    "set",
    "began",
    "begins",
    "starts",
    "opens",
    "continues",
    "ended",
    "runs",
    "took",
    "takes",
    "were",
    "are",
    "be",
    "drew",
    "went",
    "between",
    "involving",
    "itself",
    "as",
    "but",
    "through",
];
/// Verbs that name an event, with the kind.
const VERB_TRIGGERS: &[(&str, &str)] = &[
    // Results, only with a score after them ("beat Wexham Town 2-1").
    ("beat", "match"),
    ("beats", "match"),
    ("defeated", "match"),
    ("defeats", "match"),
    ("edged", "match"),
    ("thrashed", "match"),
    ("drew", "match"),
    // "protested outside the county headquarters", "marched through the city".
    // Votes told by their tally: "The Assembly approved the measure 58-39".
    ("approved", "vote"),
    ("passed", "vote"),
    ("rejected", "vote"),
    ("backed", "vote"),
    // "Nurses will strike across England from Tuesday", "walked out on Monday".
    ("strike", "strike"),
    ("walk", "strike"),
    ("walks", "strike"),
    ("walked", "strike"),
    ("walking", "strike"),
    ("protested", "protest"),
    ("protesting", "protest"),
    ("demonstrated", "protest"),
    ("marched", "protest"),
    ("rallied", "protest"),
    // "The case will be mentioned on 14 October", "the petition will be heard on Monday".
    ("mentioned", "hearing"),
    ("heard", "hearing"),
    ("met", "meeting"),
    ("meet", "meeting"),
    ("meets", "meeting"),
    ("visited", "visit"),
    ("visit", "visit"),
    ("visits", "visit"),
    ("visiting", "visit"),
    ("tour", "visit"),
    ("tours", "visit"),
    ("toured", "visit"),
    ("spoke", "call"),
    ("spoken", "call"),
    ("speak", "call"),
    ("speaks", "call"),
    ("talked", "call"),
    ("hosted", "meeting"),
    ("hosts", "meeting"),
    ("host", "meeting"),
    ("arrived", "arrival"),
    ("arrive", "arrival"),
    ("arrives", "arrival"),
    ("landed", "arrival"),
    ("travelled", "visit"),
    ("travel", "visit"),
    ("travels", "visit"),
    ("travelling", "visit"),
    ("traveling", "visit"),
    ("fly", "visit"),
    ("flies", "visit"),
    ("flying", "visit"),
    ("traveled", "visit"),
    ("flew", "visit"),
    ("leave", "visit"),
    ("leaves", "visit"),
    ("depart", "visit"),
    ("departs", "visit"),
    ("addressed", "speech"),
    ("voted", "vote"),
    ("testified", "hearing"),
    ("testify", "hearing"),
    ("testifies", "hearing"),
    ("sentenced", "hearing"),
    ("inaugurate", "ceremony"),
    ("inaugurates", "ceremony"),
    ("inaugurated", "ceremony"),
    ("brief", "briefing"),
    ("briefs", "briefing"),
    ("sit", "talks"),
    ("sits", "talks"),
    ("spent", "visit"),
    ("spends", "visit"),
    ("spend", "visit"),
    ("spending", "visit"),
    ("attend", "attendance"),
    ("attends", "attendance"),
    ("attended", "attendance"),
];

/// The verb triggers' past forms: each tells a happening that has taken place.
const PAST_FORMS: &[&str] = &[
    "met",
    "visited",
    "toured",
    "spoke",
    "spoken",
    "talked",
    "hosted",
    "arrived",
    "landed",
    "travelled",
    "traveled",
    "flew",
    "addressed",
    "voted",
    "testified",
    "inaugurated",
    "attended",
    "spent",
];

/// How many words of a sentence, and how many of its person mentions, are read for events.
const MAX_SENTENCE_WORDS: usize = 200;

/// How many earlier events a new mention is compared with when merging.
const MERGE_REACH: usize = 60;

/// Kinds that one happening may be called by in turn ("the summit", "the talks", "the meeting").
const MEETING_KINDS: &[&str] = &["summit", "meeting", "talks", "call", "conference"];

/// Nouns for groups that take part ("European leaders", "both delegations").
const GROUP_NOUNS: &[&str] = &[
    "leaders",
    "delegations",
    "delegation",
    "officials",
    "ministers",
    "lawmakers",
    "delegates",
    "diplomats",
    "representatives",
    "negotiators",
    "envoys",
    "allies",
    "counterparts",
    "troops",
    "protesters",
    "voters",
    "members",
    "teams",
    "executives",
    "governments",
];

/// Verbs of saying whose subject reports an event rather than taking part in it.
const SAY_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "announced",
    "announces",
    "stated",
    "confirmed",
    "insisted",
    "warned",
    "noted",
    "wrote",
    "claimed",
    "argued",
    "explained",
    "reported",
];

/// Buildings that stand for a city: general knowledge, as data.
const VENUES: &[(&str, &str)] = &[
    ("No 10", "London"),
    ("No. 10", "London"),
    ("Number 10", "London"),
    ("Downing Street", "London"),
    ("White House", "Washington"),
    ("Oval Office", "Washington"),
    ("Capitol", "Washington"),
    ("Kremlin", "Moscow"),
    ("Elysee Palace", "Paris"),
    ("Élysée Palace", "Paris"),
    ("Elysee", "Paris"),
    ("Élysée", "Paris"),
    ("Blue House", "Seoul"),
    ("Zhongnanhai", "Beijing"),
    ("Bundestag", "Berlin"),
    ("Chequers", "Ellesborough"),
    ("Westminster", "London"),
    ("Buckingham Palace", "London"),
    ("Mar-a-Lago", "Palm Beach"),
    ("Camp David", "Thurmont"),
];

/// An event before ids are given: its mentions merged.
#[derive(Clone, Debug)]
pub struct EventDraft {
    /// `summit`, `meeting`, ...
    pub kind: String,
    /// Person indices.
    pub participants: Vec<usize>,
    /// Group phrases.
    pub groups: Vec<String>,
    /// Where.
    pub place: Option<Place>,
    /// How specific `place` is: 3 venue or city, 2 region, 1 country.
    place_rank: u8,
    /// Start.
    pub start: Option<TimePoint>,
    /// End.
    pub end: Option<TimePoint>,
    /// The start's day, for merging and for clock times given later.
    day: Option<jiff::civil::Date>,
    /// Status.
    pub status: EventStatus,
    /// Index of the parent draft, for programme parts.
    pub parent: Option<usize>,
    /// (sentence, byte span of the trigger) for every mention.
    pub mentions: Vec<(usize, Range<usize>)>,
    /// Whether some mention makes it plainly a happening ("held talks", "will stage a
    /// protest") even when the text names no one, no place and no day for it.
    held: bool,
    /// Whether the story's own day may stand in for a missing date: not for a pluperfect
    /// ("had held talks") or a happening told only as the background of another.
    dated_by_story: bool,
    /// Whether the start was read from the part's own words (programme parts only).
    own_start: bool,
    /// Capitalised words its mentions name it by ("APEC" in "the APEC gathering"), for
    /// telling one summit from another.
    names: Vec<String>,
    /// Whether it was first told as a journey to it ("will visit Seoul next week for talks"):
    /// a later "his trip" is that journey.
    journey: bool,
}

/// One trigger found in a sentence.
#[derive(Clone, Debug)]
struct Trigger {
    kind: &'static str,
    span: Range<usize>,
    /// Index of its first token in the sentence.
    tok: usize,
    definite: bool,
    verb: bool,
    /// "the next election", "the previous summit", "the meeting before that": another
    /// occurrence of its kind than one already told, later or earlier.
    other: Option<Other>,
}

/// Which way [`Trigger::other`] points from the occurrence already told.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Other {
    /// "the next election", "the following summit": not one that has taken place.
    Later,
    /// "the previous meeting", "the last state visit", "the meeting before that".
    Earlier,
}

/// Quotation spans, sorted, for cheap "is this inside quotation marks" tests.
struct Quotes(Vec<Range<usize>>);

impl Quotes {
    fn new(spans: &[Range<usize>]) -> Self {
        let mut v = spans.to_vec();
        v.sort_by_key(|q| q.start);
        Self(v)
    }

    fn contains(&self, pos: usize) -> bool {
        let k = self.0.partition_point(|q| q.start <= pos);
        k > 0 && pos < self.0[k - 1].end
    }
}

/// The mentions of one sentence that name one happening: a trigger, or a verb with the noun
/// that names its event ("hosted a summit", "travel to Brussels … to meet").
struct Group<'t> {
    triggers: Vec<&'t Trigger>,
    /// Byte range of the sentence whose people, places and times belong to it.
    stretch: Range<usize>,
    /// A background mention: "ahead of the talks", "before the vote", "after their meeting".
    reference: bool,
    /// Inside a subordinate clause ("after the group held a conference"), or a pluperfect.
    background: bool,
    /// Shares the subject, and failing its own words the day and place, of the group before
    /// ("will leave for Washington on Thursday and sit down with Rourke").
    conjoined: bool,
    /// Where a "where" clause takes its time from when it names none: the clause it hangs on
    /// ("spent Tuesday in Saudi Arabia, where … held talks").
    outer: Option<Range<usize>>,
    /// Told only as where someone comes back from ("returns from a state visit to Germany
    /// on Thursday"): the day is the return's, not the event's.
    timeless: bool,
    /// Where its clause ends ("…, but officials in Helsinki …"): people after it are not in
    /// the group even when no other group claims them.
    clause_end: usize,
}

impl Group<'_> {
    fn first(&self) -> &Trigger {
        self.triggers[0]
    }

    fn last(&self) -> &Trigger {
        self.triggers[self.triggers.len() - 1]
    }

    /// The kind the group gives its event: the noun's when a verb names it ("hosted a summit").
    fn kind(&self) -> &'static str {
        self.triggers
            .iter()
            .rev()
            .find(|t| !t.verb)
            .unwrap_or(&self.triggers[self.triggers.len() - 1])
            .kind
    }
}

/// The time and place a group was given, for a conjoined group that names neither.
type Told = (Option<TimeMention>, Option<(Place, u8)>);

/// What a person mention does in its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// Only reports the happening: "…, her spokesperson, Arianna Podestà, said".
    Reporter,
    /// Speaks at the happening whose trigger is at this token: "Kim told a press briefing".
    SpeaksAt(usize),
    /// Anything else.
    Plain,
}

/// Finds the events in the article: every happening its sentences tell, merged over its
/// mentions, in order of first mention, with programme parts after their parent.
///
/// ```
/// use factline::extract::events::find_events;
/// use factline::extract::people::find_people;
/// use factline::extract::sentences::split_sentences;
/// use factline::extract::time::TimeContext;
///
/// let text = "Mr John Smith will host Ms Jane Doe in Paris on Friday. \
///             The two leaders will hold a joint press conference afterwards.";
/// let sentences = split_sentences(text);
/// let people = find_people(text, &sentences);
/// let ctx = TimeContext {
///     published: jiff::civil::date(2025, 8, 13),
///     default_zone: "Europe/London",
///     place_zone: None,
///     anchor: None,
/// };
/// let events = find_events(text, &sentences, &people, &[], &ctx);
/// assert_eq!(events.len(), 2);
/// let pc = &events[1];
/// assert_eq!(pc.kind, "press conference");
/// assert_eq!(pc.participants.len(), 2, "the two leaders");
/// ```
pub fn find_events(
    text: &str,
    sentences: &[Sentence],
    people: &People,
    quote_spans: &[Range<usize>],
    tctx: &TimeContext<'_>,
) -> Vec<EventDraft> {
    let read = Sentences {
        tokens: &sentence_tokens(text, sentences),
        times: None,
    };
    find_events_in(text, sentences, &read, people, quote_spans, tctx)
}

/// Whether `s.to_lowercase()` ends with "since", without lowering all of `s` (the text before
/// a time, which can be most of a sentence). No character but the ASCII letters lowers to
/// the ASCII letters of "since", so its last five bytes decide.
fn ends_with_since(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 5 && b[b.len() - 5..].eq_ignore_ascii_case(b"since")
}

/// Whether the time `t` before a trigger at byte `trigger` dates a decision about it rather than
/// the happening: "agreed Thursday to expand drills and to begin talks", "voted on Monday to
/// hold a strike". The time stands between the deciding verb and its "to".
fn dates_the_agreement(text: &str, t: &TimeMention, trigger: usize) -> bool {
    if t.end > trigger {
        return false;
    }
    let between = &text[t.end..trigger];
    if !between.starts_with(" to ") || between.contains([',', ';', '.']) {
        return false;
    }
    let before = text[..t.start].trim_end();
    let before = before.strip_suffix(" on").unwrap_or(before);
    let word = before.rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
    matches!(
        word.as_str(),
        "agreed"
            | "decided"
            | "voted"
            | "pledged"
            | "promised"
            | "vowed"
            | "resolved"
            | "threatened"
            | "offered"
            | "undertook"
    )
}

/// Whether the words before a time open "since" and a gerund or a noun phrase in the same
/// clause: "his first visit since taking office in 2024" dates the taking of office, and
/// "testifying for the first time since her confirmation in March" the confirmation, not the
/// visit or the testimony.
fn since_gerund(before: &str) -> bool {
    let clause = before.rsplit(',').next().unwrap_or(before);
    let words: Vec<&str> = clause.split_whitespace().rev().take(7).collect();
    words.windows(2).any(|w| {
        let next = w[0].to_ascii_lowercase();
        w[1].eq_ignore_ascii_case("since")
            && (next.len() > 4 && next.ends_with("ing")
                || matches!(
                    next.as_str(),
                    "the" | "his" | "her" | "their" | "its" | "a" | "an" | "our" | "my"
                ))
    })
}

/// Whether the time at byte `at` is inside a "since" phrase about something other than a
/// happening ([`since_gerund`]); "since a tense meeting in Washington in February" dates the
/// meeting after "since".
fn since_dates_other(text: &str, from: usize, at: usize, triggers: &[Trigger]) -> bool {
    let before = &text[from..at];
    if !since_gerund(before) {
        return false;
    }
    let since = before
        .to_ascii_lowercase()
        .rfind("since ")
        .map(|i| from + i);
    !since.is_some_and(|s| {
        triggers
            .iter()
            .any(|x| x.span.start > s && x.span.start < at)
    })
}

/// Whether `s.to_lowercase()` starts with "since" (see [`ends_with_since`]).
fn starts_with_since(s: &str) -> bool {
    s.as_bytes()
        .get(..5)
        .is_some_and(|b| b.eq_ignore_ascii_case(b"since"))
}

/// A sentence word in lower case, without its possessive ending: borrowed from the text when
/// it is already lower-case ASCII ([`lowercase`]), so that reading a sentence allocates only
/// for its capitalised words.
type Lowered<'t> = std::borrow::Cow<'t, str>;

/// What the extractor has already read from every sentence, in sentence order, so that the
/// event pass does not split each sentence again.
pub struct Sentences<'a, 't> {
    /// Each sentence's word tokens ([`sentence_tokens`]).
    pub tokens: &'a [Vec<Token<'t>>],
    /// The time analysis of each whole sentence, when the caller has it: the event pass cuts
    /// its own from it where it can (`SentenceTimes::within`).
    pub times: Option<&'a [SentenceTimes<'t>]>,
}

impl Sentences<'_, '_> {
    /// The first words of sentence `si` that the sentence rules read: a run-on "sentence" of
    /// unbounded length is read only as far as any real one goes, which keeps the whole linear.
    fn read_tokens(&self, si: usize) -> &[Token<'_>] {
        let all = &self.tokens[si];
        &all[..all.len().min(MAX_SENTENCE_WORDS)]
    }
}

/// [`find_events`], given what the extractor has already read from each sentence.
pub fn find_events_in(
    text: &str,
    sentences: &[Sentence],
    read_sentences: &Sentences<'_, '_>,
    people: &People,
    quote_spans: &[Range<usize>],
    tctx: &TimeContext<'_>,
) -> Vec<EventDraft> {
    let mut drafts: Vec<EventDraft> = Vec::new();
    let quotes = Quotes::new(quote_spans);
    // The newsroom's country, which an ambiguous town name ("Lincoln") is in by default.
    let home = gazetteer::country_of_zone(tctx.default_zone);
    let story_day = story_day(text, sentences, read_sentences, &quotes, tctx);
    // Days the previous sentence names, for a clock time with no day of its own.
    let mut previous_days: (usize, Vec<jiff::civil::Date>) = (usize::MAX, Vec::new());
    // The last past day the previous sentence names, for a past event told with no day of its
    // own ("Newsom declared an emergency on Tuesday … Newsom said at a news conference").
    let mut previous_told: Option<(usize, TimePoint)> = None;
    let mut court: Option<Place> = None;
    // Pairs of events where the first happens on the sidelines of the second.
    let mut sidelines: Vec<(usize, usize)> = Vec::new();
    for (si, s) in sentences.iter().enumerate() {
        // A headline restates the story in note form, with its own tense: its events are told
        // again in the body.
        if is_headline(text, sentences, si) {
            continue;
        }
        // The sentence rules compare words with words, over the first words only.
        let toks = read_sentences.read_tokens(si);
        let read = s.span.start..toks.last().map_or(s.span.start, |t| t.span.end);
        let lower: Vec<Lowered<'_>> = toks
            .iter()
            .map(|t| lowercase(strip_possessive(t.text)))
            .collect();
        let dateline_end = dateline_end(text, s);
        let triggers: Vec<Trigger> = find_triggers(text, toks, &lower)
            .into_iter()
            .filter(|t| !quotes.contains(t.span.start))
            .filter(|t| !only_asked_about(text, toks, &lower, t))
            .filter(|t| t.verb || !averted(&lower, t.tok))
            .collect();
        // Places and times named in this sentence.
        let whole_place = sentence_place(text, toks, &triggers, &quotes, people, home);
        // The court a case is heard in ("Opening the case … at the Old Bailey") is where its
        // hearings and testimony take place.
        if let Some((p, _)) = &whole_place
            && p.name
                .split(' ')
                .any(|w| matches!(w, "Court" | "Bailey" | "Courthouse"))
        {
            court = Some(p.clone());
        }
        let place_zone = whole_place.as_ref().and_then(|(p, _)| p.time_zone.clone());
        let ctx = TimeContext {
            published: tctx.published,
            default_zone: tctx.default_zone,
            place_zone: place_zone.as_deref().or(tctx.place_zone),
            anchor: None,
        };
        // The times of the words read, parsed once for both readings below. (Not the article
        // pass's analysis: that one covers the whole sentence, closing punctuation included,
        // which pairs "11am Alaska time (8pm BST)" where the words read stop before ")".)
        let read_times = match read_sentences.times {
            Some(whole) => SentenceTimes::within(&whole[si], text, read.clone()),
            None => SentenceTimes::new(text, read.clone()),
        };
        let all_times: Vec<TimeMention> = read_times
            .resolve(&ctx)
            .into_iter()
            .filter(|t| !quotes.contains(t.start) && t.start >= dateline_end)
            .collect();
        let whens = when_clauses(text, toks, &lower, &all_times);
        // (Quotes and the dateline were filtered out of `all_times` already.)
        let found: Vec<TimeMention> = all_times
            .iter()
            .filter(|t| {
                !ends_with_since(text[s.span.start..t.start].trim_end())
                    && !starts_with_since(&t.point.text)
                    && !since_dates_other(text, s.span.start, t.start, &triggers)
            })
            .cloned()
            .collect();
        let days_before = if previous_days.0 == s.paragraph {
            previous_days.1.clone()
        } else {
            Vec::new()
        };
        let told_before = previous_told
            .take()
            .filter(|(p, _)| *p == s.paragraph)
            .map(|(_, t)| t);
        previous_told = found
            .iter()
            .rev()
            .find(|t| explicit_day(t).is_some_and(|d| d <= tctx.published))
            .map(|t| (s.paragraph, day_point(t)));
        previous_days = (s.paragraph, found.iter().filter_map(explicit_day).collect());
        if triggers.is_empty() {
            continue;
        }
        // "said on Tuesday": the day of the telling, not of what is told.
        let times: Vec<TimeMention> = found
            .into_iter()
            .filter(|t| !is_say_time(text, toks, &lower, &triggers, t))
            .collect();
        let relatives = relative_clauses(text, toks, &lower);
        let mut persons = sentence_persons(si, toks, &lower, people, &quotes, &triggers);
        // "Petrović will miss Tuesday's trip": whoever misses, skips or boycotts a happening
        // is not at it.
        persons.retain(|&(_, pos)| !stays_away(toks, &lower, pos));

        // A programme: "will include a one-on-one meeting, a lunch and a press conference".
        let include_at = toks.iter().position(|t| {
            matches!(
                t.text,
                "include" | "includes" | "including" | "comprise" | "feature" | "features"
            )
        });
        let (heads, parts): (Vec<&Trigger>, Vec<&Trigger>) = match include_at {
            Some(k) => triggers.iter().partition(|t| t.tok < k),
            None => (triggers.iter().collect(), Vec::new()),
        };
        // "The chancellor's programme … includes a working lunch …": the parts belong to the
        // visit already told.
        let programme = include_at.is_some_and(|k| {
            heads.is_empty()
                && lower[..k].iter().any(|w| {
                    matches!(
                        w.as_ref(),
                        "programme" | "program" | "schedule" | "itinerary" | "agenda"
                    )
                })
        });
        let (heads, parts) = if heads.is_empty() && !programme {
            (parts.iter().take(1).copied().collect(), Vec::new())
        } else {
            (heads, parts)
        };
        let head_end = include_at.map_or(s.span.end, |k| toks[k].span.start);
        let groups = build_groups(text, toks, &lower, people, &heads, s.span.start, head_end);

        // Each person goes to one group: the happening they speak at, the one whose verb they
        // are the subject of, or the one whose stretch of the sentence they stand in.
        let mut members: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
        let mut subjects: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
        for &(p, pos) in &persons {
            let role = speaker_role(text, toks, &lower, &triggers, people, s, pos);
            let target = match role {
                Role::Reporter => None,
                Role::SpeaksAt(tok) => groups
                    .iter()
                    .position(|g| g.triggers.iter().any(|t| t.tok == tok)),
                Role::Plain => subject_of(text, toks, &lower, &groups, pos).or_else(|| {
                    groups
                        .iter()
                        .rposition(|g| g.stretch.start <= pos && pos < g.stretch.end)
                        .or_else(|| {
                            // Right after a background phrase that ends the group's
                            // stretch: "At a joint press conference after their meeting, Mr
                            // Wong said".
                            let before = text[..pos].trim_end_matches([' ', ',']).len();
                            groups
                                .iter()
                                .rposition(|g| {
                                    g.stretch.start <= pos
                                        && !g.reference
                                        && pos < head_end
                                        && pos < g.clause_end
                                })
                                .filter(|_| {
                                    groups
                                        .iter()
                                        .any(|r| r.reference && r.stretch.end == before)
                                })
                        })
                }),
            };
            if let Some(g) = target {
                members[g].push(p);
                if pos < groups[g].first().span.start {
                    subjects[g].push(p);
                }
            }
        }
        // "Mr Ruto, who returns from a state visit to Germany": the one who returns went.
        for (g, group) in groups.iter().enumerate() {
            let from = toks
                .iter()
                .position(|t| t.span.start >= group.stretch.start);
            let returning = from.and_then(|k| k.checked_sub(1)).is_some_and(|k| {
                matches!(
                    lower[k].as_ref(),
                    "returns" | "returned" | "returning" | "return" | "back" | "home"
                )
            });
            if group.timeless && returning && members[g].is_empty() {
                let back = persons
                    .iter()
                    .rev()
                    .find(|(_, pos)| *pos < group.stretch.start)
                    .map(|(p, _)| *p);
                members[g].extend(back);
            }
        }
        // "Zhao, who arrived in Tokyo for a three-day visit, held talks": the one the clause
        // is about takes part in its happening too, besides the main clause's.
        for (range, ante, who) in &relatives {
            let Some(m) = people
                .in_sentence(si)
                .find(|m| *who && m.span.end == toks[*ante].span.end)
            else {
                continue;
            };
            for (g, group) in groups.iter().enumerate() {
                if range.contains(&group.first().span.start) && members[g].is_empty() {
                    members[g].push(m.person);
                }
            }
        }
        // "Speaking at a press conference in Kyiv, Mr Zelensky said …": an opening participle
        // phrase has the main clause's subject, who is at the happening it tells of.
        if lower
            .first()
            .is_some_and(|w| w.len() > 4 && w.ends_with("ing"))
            && let Some(comma) = (1..toks.len().min(MAX_OPENER_WORDS))
                .find(|&k| text[toks[k - 1].span.end..toks[k].span.start].contains(','))
            && let Some(&(subject, _)) = persons.iter().find(|(_, pos)| {
                *pos >= toks[comma].span.start
                    && *pos < toks[comma].span.start + OPENER_SUBJECT_BYTES
            })
        {
            for (g, group) in groups.iter().enumerate() {
                if group.first().tok < comma && members[g].is_empty() {
                    members[g].push(subject);
                    subjects[g].push(subject);
                }
            }
        }
        // A conjoined verb shares the subject of the one before it.
        for g in 1..groups.len() {
            if groups[g].conjoined && subjects[g].is_empty() {
                subjects[g] = subjects[g - 1].clone();
            }
        }
        let mut head_index = None;
        let mut previous: Option<Told> = None;
        let mut group_drafts: Vec<usize> = Vec::new();
        // Events this sentence started: another of its mentions is another happening ("meet
        // on the sidelines of the G7 summit"), while two mentions may both refer back to one
        // event told before ("As the presidents prepare to meet, … the summit").
        let known = drafts.len();
        // Which draft each time of this sentence dated, by the time's start.
        let mut dated_by: Vec<(usize, usize)> = Vec::new();
        for (gi, group) in groups.iter().enumerate() {
            let first = group.first();
            let stretch = group.stretch.clone();
            // A relative clause about something else ("John Healey, who flew back from Paris
            // last night") dates and places nothing in this group.
            let foreign: Vec<Range<usize>> = relatives
                .iter()
                .filter(|(r, attached, who)| {
                    let inside = group.triggers.iter().any(|t| r.contains(&t.span.start));
                    let about = !*who
                        && group
                            .triggers
                            .iter()
                            .any(|t| t.tok + 2 >= *attached && t.tok <= *attached);
                    !inside && !about
                })
                .map(|(r, _, _)| r.clone())
                .collect();
            let in_stretch =
                |pos: usize| stretch.contains(&pos) && !foreign.iter().any(|r| r.contains(&pos));
            let mut here = members[gi].clone();
            if group.conjoined {
                here.splice(0..0, subjects[gi].iter().copied());
            }
            let anchor = group.last().span.start;
            let own: Vec<TimeMention> = times
                .iter()
                .filter(|t| {
                    in_stretch(t.start)
                        && !group.timeless
                        && !dates_the_agreement(text, t, first.span.start)
                })
                .cloned()
                .collect();
            // A journey to a meeting is dated by the meeting: "leave for Kuala Lumpur at 6pm on
            // Wednesday for talks with Anwar on Thursday".
            let after_purpose: Vec<TimeMention> = own
                .iter()
                .filter(|t| group.triggers.len() > 1 && first.verb && t.start > anchor)
                .cloned()
                .collect();
            let mut time = nearest_time(&after_purpose, anchor, None)
                .or_else(|| nearest_time(&own, anchor, None))
                .cloned();
            // "since May 2024, when leaders met in Seoul": a "when" clause after a time is
            // dated by it.
            if time.is_none()
                && let Some((t, _)) = whens.iter().find(|(_, r)| r.contains(&first.span.start))
            {
                time = Some(t.clone());
            }
            // "a tense meeting in Washington in February, when the Ukrainian president clashed
            // with Donald Trump": whoever the clause tells of, with no happening of its own, was
            // at the event the time dates.
            if let Some(t) = &time
                && let Some((_, r)) = whens.iter().find(|(w, _)| w.start == t.start)
                && !triggers.iter().any(|x| r.contains(&x.span.start))
            {
                for &(p, pos) in &persons {
                    if r.contains(&pos) && !here.contains(&p) {
                        here.push(p);
                    }
                }
            }
            if time.is_none()
                && let Some(outer) = &group.outer
            {
                let around: Vec<TimeMention> = times
                    .iter()
                    .filter(|t| outer.contains(&t.start))
                    .cloned()
                    .collect();
                time = nearest_time(&around, anchor, None).cloned();
            }
            let stretch_toks: Vec<Token<'_>> = toks
                .iter()
                .filter(|t| in_stretch(t.span.start))
                .cloned()
                .collect();
            let group_triggers: Vec<Trigger> =
                group.triggers.iter().map(|t| (*t).clone()).collect();
            let mut place =
                sentence_place(text, &stretch_toks, &group_triggers, &quotes, people, home);
            // "travel to Singapore on Friday for a conference, where she will meet …": the
            // clause a "where" hangs on places what happens in it.
            if place.is_none()
                && let Some(outer) = &group.outer
            {
                let outer_toks: Vec<Token<'_>> = toks
                    .iter()
                    .filter(|t| outer.contains(&t.span.start))
                    .cloned()
                    .collect();
                place = where_antecedent(text, &outer_toks, home)
                    .or_else(|| {
                        sentence_place(text, &outer_toks, &group_triggers, &quotes, people, home)
                    })
                    .or_else(|| {
                        // Else the place of the happening that clause told.
                        group_drafts.last().and_then(|&prev| {
                            drafts[prev]
                                .place
                                .clone()
                                .map(|p| (p, drafts[prev].place_rank))
                        })
                    });
            }
            // A conjoined definite mention ("and would brief the council at the sitting")
            // refers to an event with facts of its own.
            let refers_back = group.triggers.iter().any(|t| !t.verb && t.definite);
            if group.conjoined && !refers_back {
                if let Some((t, p)) = &previous {
                    if time.is_none() {
                        time.clone_from(t);
                    }
                    if place.is_none() {
                        place.clone_from(p);
                    }
                }
                // A venue with no city is in the city of the event it is conjoined with.
                if let (Some((v, _)), Some(&prev)) = (place.as_mut(), group_drafts.last())
                    && v.city.is_none()
                    && let Some(pp) = &drafts[prev].place
                {
                    v.city.clone_from(&pp.city);
                    v.region.clone_from(&pp.region);
                    v.country.clone_from(&pp.country);
                    v.time_zone.clone_from(&pp.time_zone);
                }
            }
            // "expected a vote by the full Senate": a happening whose doer is a body named
            // after "by" is not the subject's, who only speaks of it.
            let after_trigger = toks.iter().position(|t| t.span.start >= first.span.end);
            let by_body = after_trigger.is_some_and(|a| {
                lower[a] == "by"
                    && matches!(lower.get(a + 1).map(|w| &**w), Some("the" | "a" | "an"))
                    && !persons.iter().any(|&(_, pos)| {
                        toks.get(a + 4).is_none_or(|t| pos < t.span.end) && pos > toks[a].span.end
                    })
            });
            if by_body && !first.verb {
                let later: Vec<usize> = persons
                    .iter()
                    .filter(|&&(_, pos)| pos > first.span.end)
                    .map(|&(p, _)| p)
                    .collect();
                here.retain(|p| later.contains(p));
            }
            // "on December 10, the anniversary of the death of the prize's founder, Alfred
            // Nobel": people in an appositive to the date are not at the event.
            if let Some(t) = &time {
                let after_date: Vec<usize> = persons
                    .iter()
                    .filter(|(_, pos)| {
                        *pos > t.end && in_stretch(*pos) && {
                            let gap = &text[t.end..*pos];
                            (gap.starts_with(", the ") || gap.starts_with(", a "))
                                && !group
                                    .triggers
                                    .iter()
                                    .any(|x| x.span.start > t.end && x.span.start < *pos)
                        }
                    })
                    .map(|(p, _)| *p)
                    .collect();
                here.retain(|p| !after_date.contains(p) || subjects[gi].contains(p));
            }
            previous = Some((time.clone(), place.clone()));
            let status = status_at(
                text,
                read.clone(),
                toks,
                first,
                time.as_ref(),
                tctx.published,
            );
            // A background mention presupposes its event ("after a two-hour hearing").
            // "The meeting before that" is another meeting, told for the first time.
            let earlier = group
                .triggers
                .iter()
                .any(|t| t.other == Some(Other::Earlier));
            let definite = !earlier
                && (group.reference || group.triggers.iter().all(|t| t.definite || t.verb));
            // "arrive in Downing Street … for talks", "last met at the Asean summit": a verb
            // names its own happening, and joins one already told only when its people are in
            // it.
            let verb = first.verb;
            let held = held_before(text, &lower, toks, group);
            let mention_spans: Vec<(usize, Range<usize>)> = group
                .triggers
                .iter()
                .map(|t| (si, t.span.clone()))
                .collect();
            let np = np_start(text, toks, &lower, first.tok);
            let owners: Vec<usize> = people
                .in_sentence(si)
                .take(MAX_SENTENCE_WORDS)
                .filter(|m| m.span.start >= np && m.span.start < first.span.start)
                .map(|m| m.person)
                .collect();
            let journey = first.verb
                && first.kind == "visit"
                && group.triggers.iter().skip(1).any(|t| t.kind != "visit");
            let m = MentionFacts {
                owners,
                names: event_names(text, toks, people, first.tok),
                journey,
                kind: group.kind(),
                participants: dedup(here),
                groups: sentence_groups(text, &stretch_toks),
                place,
                time: time.as_ref(),
                status,
                definite,
                verb,
                held,
                background: group.background,
                later: group.triggers.iter().any(|t| t.other == Some(Other::Later)),
            };
            let past = m.status == EventStatus::Past && !m.background;
            let started: Vec<usize> = group_drafts
                .iter()
                .copied()
                .filter(|&i| i >= known)
                .collect();
            // "since they last met on 29 September, when talks broke down": a happening in the
            // "when" clause of a time is the one that time dated, told again.
            let told_again = whens
                .iter()
                .find(|(_, r)| r.contains(&first.span.start))
                .and_then(|(w, _)| dated_by.iter().find(|(at, _)| *at == w.start))
                .map(|&(_, prev)| prev)
                .filter(|&prev| {
                    m.participants.is_empty()
                        && compatible_kinds(&drafts[prev].kind, m.kind)
                        && drafts[prev].status == m.status
                });
            let dating = m.time.map(|t| t.start);
            let idx = match told_again {
                Some(prev) => {
                    drafts[prev].mentions.extend(mention_spans);
                    prev
                }
                None => merge_or_push(&mut drafts, m, mention_spans, &started),
            };
            if let Some(at) = dating {
                dated_by.push((at, idx));
            }
            if past && drafts[idx].start.is_none() {
                drafts[idx].start.clone_from(&told_before);
                drafts[idx].day = told_before
                    .as_ref()
                    .and_then(|t| t.value.parse::<jiff::civil::Date>().ok());
            }
            group_drafts.push(idx);
            head_index.get_or_insert(idx);
            // A clock time with no day in this stretch takes the event's day, or failing that
            // the day the sentence before names; and "local time" the zone of the event's place.
            let day = drafts[idx].day.or_else(|| {
                days_before.last().copied().filter(|_| {
                    drafts[idx]
                        .start
                        .as_ref()
                        .is_none_or(|s| s.precision < Precision::Day)
                })
            });
            if let Some(day) = day {
                let clock_only = own
                    .iter()
                    .any(|t| t.clock.is_some() && explicit_day(t).is_none());
                if clock_only && drafts[idx].start.as_ref().is_none_or(|s| s.utc.is_none()) {
                    let zone = drafts[idx].place.as_ref().and_then(|p| p.time_zone.clone());
                    let anchored = TimeContext {
                        anchor: Some(day),
                        place_zone: zone.as_deref().or(ctx.place_zone),
                        ..ctx
                    };
                    let again = read_times.resolve(&anchored);
                    if let Some(t) = again.iter().find(|t| {
                        t.clock.is_some() && !quotes.contains(t.start) && in_stretch(t.start)
                    }) {
                        drafts[idx].start = Some(t.point.clone());
                    }
                }
            }
        }
        // "meet on the sidelines of the G7 summit": the meeting is where and when the summit is.
        for w in 0..groups.len().saturating_sub(1) {
            let gap =
                text[groups[w].last().span.end..groups[w + 1].first().span.start].to_lowercase();
            if gap.contains("sidelines of") && gap.len() < 60 {
                sidelines.push((group_drafts[w], group_drafts[w + 1]));
            }
        }
        let parent = head_index.or_else(|| {
            if !programme {
                return None;
            }
            let from = drafts.len().saturating_sub(MERGE_REACH);
            (from..drafts.len()).rev().find(|&i| {
                drafts[i].parent.is_none() && (drafts[i].kind == "visit" || drafts[i].journey)
            })
        });
        if let Some(parent) = parent {
            for (pi, t) in parts.iter().enumerate() {
                let lo = if pi == 0 {
                    t.span.start
                } else {
                    np_start(text, toks, &lower, t.tok)
                };
                let hi = parts
                    .get(pi + 1)
                    .map_or(s.span.end, |n| np_start(text, toks, &lower, n.tok));
                let stretch = lo..hi;
                let p = &drafts[parent];
                let mut own_people: Vec<usize> = p.participants.clone();
                for &(person, pos) in &persons {
                    if stretch.contains(&pos)
                        && speaker_role(text, toks, &lower, &triggers, people, s, pos)
                            != Role::Reporter
                        && !own_people.contains(&person)
                    {
                        own_people.push(person);
                    }
                }
                let own: Vec<TimeMention> = times
                    .iter()
                    .filter(|x| stretch.contains(&x.start))
                    .cloned()
                    .collect();
                let own_time = nearest_time(&own, t.span.start, None)
                    .map(|x| within_visit(x, p.start.as_ref(), text));
                let own_time = own_time.as_ref();
                let stretch_toks: Vec<Token<'_>> = toks
                    .iter()
                    .filter(|x| stretch.contains(&x.span.start))
                    .cloned()
                    .collect();
                let (place, place_rank) = match sentence_place(
                    text,
                    &stretch_toks,
                    &[(*t).clone()],
                    &quotes,
                    people,
                    home,
                ) {
                    Some((mut v, rank)) => {
                        // A venue of its own ("at the British embassy") in the parent's city.
                        if v.city.is_none()
                            && let Some(pp) = &p.place
                        {
                            v.city.clone_from(&pp.city);
                            v.region.clone_from(&pp.region);
                            v.country.clone_from(&pp.country);
                            v.time_zone.clone_from(&pp.time_zone);
                        }
                        (Some(v), rank.max(p.place_rank))
                    }
                    None => (p.place.clone(), p.place_rank),
                };
                let child = EventDraft {
                    kind: t.kind.to_string(),
                    participants: own_people,
                    groups: part_groups(text, toks, t),
                    place,
                    place_rank,
                    start: own_time
                        .map(|x| x.point.clone())
                        .or_else(|| p.start.clone()),
                    end: None,
                    day: own_time.and_then(explicit_day).or(p.day),
                    status: p.status,
                    parent: Some(parent),
                    mentions: vec![(si, t.span.clone())],
                    held: true,
                    dated_by_story: false,
                    own_start: own_time.is_some(),
                    names: Vec::new(),
                    journey: false,
                };
                drafts.push(child);
            }
        }
    }
    let defendant = defendant(read_sentences, people, &quotes);
    let dateline = dateline_place(text, sentences, home);
    for d in &mut drafts {
        if d.place.is_none() && matches!(d.kind.as_str(), "hearing" | "trial") {
            d.place.clone_from(&court);
        }
        // A trial's participants are its defendants, and so are a sentencing hearing's.
        if matches!(d.kind.as_str(), "trial" | "hearing") && d.participants.is_empty() {
            d.participants.extend(defendant);
        }
    }
    let mut drafts = finish(drafts, &sidelines, story_day);
    if let Some(p) = &dateline {
        placed_at_dateline(&mut drafts, p, tctx.published);
    }
    drafts
}

/// "BANGKOK — … agreed on Tuesday to raise two-way trade": a wire story reports from its
/// dateline, so an event around the day of filing that the text places nowhere else happened
/// there. Not a call (its people are apart), a written statement or an election (a country's,
/// not a city's). The place is marked as read from the dateline.
fn placed_at_dateline(drafts: &mut [EventDraft], dateline: &Place, published: jiff::civil::Date) {
    for d in drafts.iter_mut() {
        let day = d.day.or_else(|| d.start.as_ref().and_then(point_day));
        let around_filing =
            day.is_some_and(|day: jiff::civil::Date| (day - published).get_days().abs() <= 7);
        if d.place.is_none()
            && around_filing
            && !matches!(
                d.kind.as_str(),
                "call" | "statement" | "announcement" | "election"
            )
        {
            d.place = Some(Place {
                from_dateline: true,
                ..dateline.clone()
            });
            d.place_rank = 1;
        }
    }
}

/// Children inherit what their parent learnt later, events on the sidelines of another take
/// its place and day, undated past events take the story's day, and mentions that never
/// named a happening of their own are dropped.
fn finish(
    mut drafts: Vec<EventDraft>,
    sidelines: &[(usize, usize)],
    story_day: Option<TimePoint>,
) -> Vec<EventDraft> {
    for i in 0..drafts.len() {
        if let Some(p) = drafts[i].parent {
            let parent = drafts[p].clone();
            let d = &mut drafts[i];
            if !d.own_start
                && (d.start.is_none()
                    || parent.start.as_ref().is_some_and(|s| s.utc.is_some())
                        && d.start.as_ref().is_some_and(|s| s.utc.is_none()))
            {
                d.start.clone_from(&parent.start);
            }
            if parent.place_rank > d.place_rank {
                d.place.clone_from(&parent.place);
                d.place_rank = parent.place_rank;
            }
            for q in &parent.participants {
                if !d.participants.contains(q) {
                    d.participants.push(*q);
                }
            }
            d.status = parent.status;
        }
    }
    for &(small, big) in sidelines {
        if small == big {
            continue;
        }
        let b = drafts[big].clone();
        let a = drafts[small].clone();
        let d = &mut drafts[small];
        if d.place.is_none() {
            d.place.clone_from(&b.place);
            d.place_rank = b.place_rank;
        }
        if d.start.is_none() {
            d.start.clone_from(&b.start);
            d.day = b.day;
        }
        let d = &mut drafts[big];
        if d.participants.is_empty() {
            d.participants.clone_from(&a.participants);
        }
    }
    places_from_ranges(&mut drafts);
    venues_in_towns(&mut drafts);
    for d in &mut drafts {
        if d.kind == "arrival" {
            d.kind = "visit".to_string();
        }
        // A chamber's vote or a court's hearing is told without people or place.
        let institutional = matches!(
            d.kind.as_str(),
            "vote" | "election" | "hearing" | "trial" | "session" | "debate"
        );
        let told = !d.participants.is_empty()
            || d.place.is_some()
            || !d.groups.is_empty()
            || institutional;
        if d.start.is_none()
            && d.parent.is_none()
            && d.dated_by_story
            && d.status == EventStatus::Past
            && told
        {
            d.start.clone_from(&story_day);
        }
    }
    // Drop what named no happening: an attendance never tied to an event, and mentions with
    // no one, no place and no day unless the text plainly holds them ("held talks").
    let keep: Vec<bool> = drafts
        .iter()
        .map(|d| {
            let journey_of_no_one = d.kind == "visit"
                && d.participants.is_empty()
                && d.groups.is_empty()
                && d.place.is_none()
                && d.mentions.len() == 1
                && !d.held;
            // "concluded negotiations in March", "Talks … stalled last year": a process told
            // by its month or year, with no one named, is not one happening.
            let process = d.kind == "talks"
                && d.participants.is_empty()
                && d.groups.is_empty()
                && d.place.is_none()
                && !d.held
                && d.start
                    .as_ref()
                    .is_some_and(|s| s.precision < Precision::Day);
            d.kind != "attendance"
                && !journey_of_no_one
                && !process
                && (d.held
                    || !d.participants.is_empty()
                    || !d.groups.is_empty()
                    || d.place.is_some()
                    || d.start.is_some())
        })
        .collect();
    let keep: Vec<bool> = (0..drafts.len())
        .map(|i| keep[i] && drafts[i].parent.is_none_or(|p| keep[p]))
        .collect();
    let mut new_index = vec![None; drafts.len()];
    let mut n = 0;
    for (i, k) in keep.iter().enumerate() {
        if *k {
            new_index[i] = Some(n);
            n += 1;
        }
    }
    drafts
        .into_iter()
        .enumerate()
        .filter(|(i, _)| keep[*i])
        .map(|(_, mut d)| {
            d.parent = d.parent.and_then(|p| new_index[p]);
            d
        })
        .collect()
}

/// "Marcos is scheduled to arrive at Haneda airport … on May 11" before the summit in Tokyo
/// on May 12: a venue the text places in no town is in the town of an event of the same
/// people within a day of it.
fn venues_in_towns(drafts: &mut [EventDraft]) {
    for i in 0..drafts.len() {
        let d = &drafts[i];
        let Some(v) = &d.place else { continue };
        if v.city.is_some() || v.region.is_some() || v.country.is_some() {
            continue;
        }
        let Some(day) = d.day else { continue };
        // Only events told near it are looked at, which keeps this linear on long texts.
        let near_by = i.saturating_sub(MERGE_REACH)..(i + MERGE_REACH).min(drafts.len());
        let town = drafts[near_by.clone()]
            .iter()
            .zip(near_by)
            .find_map(|(e, j)| {
                let p = e.place.as_ref().filter(|p| p.city.is_some())?;
                let near = e.day.is_some_and(|x| (x - day).get_days().abs() <= 1);
                let shared = d.participants.iter().any(|q| e.participants.contains(q));
                (j != i && near && shared).then(|| p.clone())
            });
        if let Some(p) = town
            && let Some(v) = drafts[i].place.as_mut()
        {
            v.city = p.city;
            v.region = p.region;
            v.country = p.country;
            v.time_zone = p.time_zone;
        }
    }
}

/// Whether the person named at byte `pos` is the subject of a verb of staying away: "would
/// miss", "skipped", "will boycott", "pulled out of", or of facing a vote about them.
fn stays_away(toks: &[Token<'_>], lower: &[Lowered<'_>], pos: usize) -> bool {
    let Some(k) = toks.iter().position(|t| t.span.start >= pos) else {
        return false;
    };
    // Past the rest of the name, then up to two auxiliaries or adverbs.
    let mut j = k;
    while j < toks.len()
        && (toks[j].text.starts_with(char::is_uppercase)
            || lexicon::NAME_PARTICLES.contains(&lower[j].as_ref()))
    {
        j += 1;
    }
    for _ in 0..3 {
        let Some(w) = lower.get(j) else {
            return false;
        };
        if matches!(
            w.as_ref(),
            "miss"
                | "misses"
                | "missed"
                | "skip"
                | "skips"
                | "skipped"
                | "boycott"
                | "boycotts"
                | "boycotted"
                | "snub"
                | "snubbed"
                | "snubs"
        ) {
            return true;
        }
        // "will face a motion of censure", "faces a confidence vote": the one a vote is about
        // is not among those who cast it.
        if matches!(w.as_ref(), "face" | "faces" | "faced" | "facing") {
            return lower[j + 1..].iter().take(3).any(|x| {
                matches!(
                    x.as_ref(),
                    "vote" | "motion" | "ballot" | "censure" | "confidence" | "no-confidence"
                )
            });
        }
        if !matches!(
            w.as_ref(),
            "will"
                | "would"
                | "could"
                | "may"
                | "might"
                | "is"
                | "was"
                | "has"
                | "had"
                | "to"
                | "also"
                | "now"
                | "likely"
                | "set"
                | "expected"
                | "not"
        ) {
            return false;
        }
        j += 1;
    }
    false
}

/// Whether the whole span a time point names (its year, month, week or day) begins after
/// the day of publication.
fn starts_after(p: &TimePoint, published: jiff::civil::Date) -> bool {
    let year: Option<i16> = p.value.get(..4).and_then(|y| y.parse().ok());
    let month: Option<i8> = p.value.get(5..7).and_then(|m| m.parse().ok());
    match p.precision {
        Precision::Year => year.is_some_and(|y| y > published.year()),
        Precision::Month => year
            .zip(month)
            .is_some_and(|ym| ym > (published.year(), published.month())),
        Precision::Day | Precision::Minute => p
            .value
            .get(..10)
            .and_then(|d| d.parse::<jiff::civil::Date>().ok())
            .is_some_and(|d| d > published),
    }
}

/// The calendar day of a time point told to the day or the minute.
fn point_day(p: &TimePoint) -> Option<jiff::civil::Date> {
    if p.precision < Precision::Day {
        return None;
    }
    p.value.get(..10)?.parse().ok()
}

/// The days a draft spans, when the text gives both its start and its end ("the plenary
/// session runs from Monday to Thursday").
fn day_range(d: &EventDraft) -> Option<(jiff::civil::Date, jiff::civil::Date)> {
    let start = d.day.or_else(|| d.start.as_ref().and_then(point_day))?;
    let end = d.end.as_ref().and_then(point_day)?;
    (start < end).then_some((start, end))
}

/// Places shared between a happening that spans days and the happenings inside it.
///
/// A session, summit or visit told with a start and an end holds what happens on its days: a
/// part told in the same sentence with a place gives the whole its place ("the session runs
/// from Monday to Thursday, with the vote on the final day" — the vote is in Strasbourg), and a
/// happening with no place of its own on one of those days took place there ("a debate on
/// Monday evening"). Only when exactly one such span fits, so two overlapping trips never lend
/// each other a city.
fn places_from_ranges(drafts: &mut [EventDraft]) {
    const MAX_RANGES: usize = 16;
    let ranges: Vec<(usize, jiff::civil::Date, jiff::civil::Date)> = drafts
        .iter()
        .enumerate()
        .filter_map(|(i, d)| day_range(d).map(|(a, b)| (i, a, b)))
        .take(MAX_RANGES)
        .collect();
    if ranges.is_empty() {
        return;
    }
    let inside = |d: &EventDraft, a: jiff::civil::Date, b: jiff::civil::Date| {
        d.day
            .or_else(|| d.start.as_ref().and_then(point_day))
            .is_some_and(|day| a <= day && day <= b)
    };
    for &(r, a, b) in &ranges {
        if drafts[r].place.is_some() {
            continue;
        }
        let sentences: Vec<usize> = drafts[r].mentions.iter().map(|m| m.0).collect();
        let lenders: Vec<usize> = (0..drafts.len())
            .filter(|&i| {
                i != r
                    && drafts[i].place.is_some()
                    && inside(&drafts[i], a, b)
                    && drafts[i].mentions.iter().any(|m| sentences.contains(&m.0))
            })
            .collect();
        if let [only] = lenders[..] {
            drafts[r].place = drafts[only].place.clone();
            drafts[r].place_rank = drafts[only].place_rank;
        }
    }
    for i in 0..drafts.len() {
        if drafts[i].place.is_some() || day_range(&drafts[i]).is_some() {
            continue;
        }
        let holders: Vec<usize> = ranges
            .iter()
            .filter(|&&(r, a, b)| r != i && inside(&drafts[i], a, b))
            .map(|&(r, _, _)| r)
            .collect();
        if let [only] = holders[..]
            && drafts[only].place.is_some()
        {
            drafts[i].place = drafts[only].place.clone();
            drafts[i].place_rank = drafts[only].place_rank;
        }
    }
}

struct MentionFacts<'a> {
    kind: &'a str,
    participants: Vec<usize>,
    groups: Vec<String>,
    place: Option<(Place, u8)>,
    time: Option<&'a TimeMention>,
    status: EventStatus,
    definite: bool,
    verb: bool,
    held: bool,
    background: bool,
    /// People whose possessive opens the mention ("Wang's trip"): the event must be theirs.
    owners: Vec<usize>,
    names: Vec<String>,
    journey: bool,
    /// "the next election": not an occurrence that has already taken place.
    later: bool,
}

fn dedup(v: Vec<usize>) -> Vec<usize> {
    let mut seen = BTreeSet::new();
    v.into_iter().filter(|p| seen.insert(*p)).collect()
}

fn compatible_kinds(a: &str, b: &str) -> bool {
    a == b
        || MEETING_KINDS.contains(&a) && MEETING_KINDS.contains(&b)
        || a == "attendance"
        || b == "attendance"
        || matches!((a, b), ("visit", "arrival") | ("arrival", "visit"))
        // "met at the Acas offices … The session began at 10am": a sitting of that meeting.
        || a == "session" && MEETING_KINDS.contains(&b)
        || b == "session" && MEETING_KINDS.contains(&a)
}

/// A programme part's weekday falls within the visit it is part of: "a working lunch … on
/// Tuesday" in a visit that starts next week is next week's Tuesday, whatever the tense of
/// the sentence that lists the programme.
fn within_visit(t: &TimeMention, parent: Option<&TimePoint>, text: &str) -> TimeMention {
    let mut t = t.clone();
    let (Some(day), Some(parent)) = (explicit_day(&t), parent) else {
        return t;
    };
    let Some(start) = parent
        .value
        .get(..10)
        .and_then(|v| v.parse::<jiff::civil::Date>().ok())
    else {
        return t;
    };
    let weekday_only = {
        let words = &t.point.text;
        let named = words
            .split(|c: char| !c.is_alphabetic())
            .any(|w| time::weekday_of(w).is_some());
        // "Friday 17 October" fixes its own day.
        named && !words.chars().any(|c| c.is_ascii_digit())
    };
    if !weekday_only || day >= start {
        return t;
    }
    let mut moved = day;
    while moved < start {
        match moved.checked_add(jiff::Span::new().days(7)) {
            Ok(d) => moved = d,
            Err(_) => return t,
        }
    }
    t.date = Some(moved);
    t.point = match &t.clock {
        Some(clock) => time::at_date(clock, moved, text),
        None => TimePoint {
            value: moved.to_string(),
            ..t.point.clone()
        },
    };
    t
}

/// The day of a time mention, as a point marked with the day inferred from it: what an
/// event told with no day of its own takes from the sentence before.
fn day_point(t: &TimeMention) -> TimePoint {
    TimePoint {
        value: explicit_day(t).map_or_else(|| t.point.value.clone(), |d| d.to_string()),
        precision: Precision::Day,
        time_zone: None,
        utc: None,
        text: t.point.text.clone(),
        inferred: vec!["date".to_string()],
        warnings: Vec::new(),
    }
}

/// The calendar month a time fixes, when it fixes one: a day, or a month written alone.
fn month_of(p: &TimePoint, day: Option<jiff::civil::Date>) -> Option<(i16, i8)> {
    if let Some(d) = day {
        return Some((d.year(), d.month()));
    }
    // A week ("next week") stands for its Monday's month.
    if !matches!(p.precision, Precision::Month | Precision::Day) {
        return None;
    }
    let year = p.value.get(..4)?.parse().ok()?;
    let month = p.value.get(5..7)?.parse().ok()?;
    Some((year, month))
}

/// Whether a mention's time can be the time of an event already drafted: the same day, or
/// the same month when one of them gives only a month.
fn times_fit(d: &EventDraft, t: Option<&TimeMention>) -> bool {
    let (Some(start), Some(t)) = (d.start.as_ref(), t) else {
        return true;
    };
    if let (Some(a), Some(b)) = (d.day, explicit_day(t)) {
        // "from Monday to Wednesday … the summit itself will take place Tuesday".
        let last = d.end.as_ref().and_then(point_day).unwrap_or(a);
        return a <= b && b <= last;
    }
    match (month_of(start, d.day), month_of(&t.point, explicit_day(t))) {
        (Some(a), Some(b)) => a == b,
        // "in early March" is not "in 2022".
        _ => start.value.get(..4) == t.point.value.get(..4),
    }
}

/// Joins a mention to an earlier event when it refers back to it, or starts a new one.
fn merge_or_push(
    drafts: &mut Vec<EventDraft>,
    m: MentionFacts<'_>,
    spans: Vec<(usize, Range<usize>)>,
    // Events the sentence's earlier mentions started: another mention of the same sentence
    // is another happening ("meet on the sidelines of the G7 summit").
    taken: &[usize],
) -> usize {
    let day = m.time.and_then(explicit_day);
    let mine: BTreeSet<usize> = m.participants.iter().copied().collect();
    // "As the presidents prepare to meet": a verb with no one named refers to an event already told.
    let bare_verb =
        m.verb && mine.is_empty() && m.groups.is_empty() && m.time.is_none() && m.place.is_none();
    // "will also attend": refers to an event already told.
    let attending = m.kind == "attendance";
    let m = MentionFacts {
        definite: m.definite || bare_verb || attending,
        verb: m.verb && !bare_verb && !attending,
        ..m
    };
    // "The meeting before that, in Chengdu, was attended by then President Moon Jae-in": what
    // is attended is the happening the sentence has just told.
    let target = if attending && let Some(&last) = taken.last() {
        Some(last)
    } else if m.definite || m.verb || m.kind == "arrival" {
        // Among earlier events this mention can refer to, the best fit: most shared people, then
        // the most mentioned (the article's main event), then the most recent.
        // Only the most recent events are candidates, which keeps merging linear on long texts.
        let from = drafts.len().saturating_sub(MERGE_REACH);
        drafts
            .iter()
            .enumerate()
            .skip(from)
            // An event already told in this sentence is not told again, unless by the same
            // people ("his talks with Mr Putin … his encounter with Mr Putin").
            .filter(|(i, d)| {
                d.parent.is_none()
                    && (!taken.contains(i)
                        || !mine.is_empty()
                            && d.participants.iter().copied().collect::<BTreeSet<usize>>() == mine)
            })
            .filter(|(_, d)| {
                let arrival = m.kind == "arrival" && d.kind == "visit";
                // "South Korea's trade minister will fly to Washington this week for talks …
                // Park will leave for the United States on Thursday": the traveller named.
                let traveller = d.journey
                    && d.participants.is_empty()
                    && m.verb
                    && matches!(m.kind, "visit" | "arrival")
                    && m.time.is_some();
                let kinds = compatible_kinds(&d.kind, m.kind)
                    || traveller
                    || m.verb && MEETING_KINDS.contains(&d.kind.as_str()) && m.kind == "meeting";
                // A visit starts with the arrival, whatever day the visit was first dated by.
                let days = arrival || times_fit(d, m.time);
                let theirs: BTreeSet<usize> = d.participants.iter().copied().collect();
                // A definite noun may add people ("They will be joined for part of the
                // meeting by the defence secretary").
                let people_fit = mine.is_empty()
                    || traveller
                    || m.definite
                        && !m.verb
                        && (theirs.is_empty() || m.owners.iter().all(|o| theirs.contains(o)))
                    || theirs.is_empty() && !m.verb
                    || mine.is_subset(&theirs)
                    || theirs.is_subset(&mine) && !m.verb && !arrival;
                // A verb mention is a new happening unless it names people already in it.
                let verb_ok = !m.verb && (m.kind != "arrival" || arrival)
                    || traveller
                    || !mine.is_empty() && mine.is_subset(&theirs);
                // "agreed … to begin talks" then "The two ministers met": a verb telling a
                // happening in another tense is another happening, unless dated the same day.
                let other_tense_verb =
                    m.verb && d.status != m.status && (day.is_none() || d.day != day);
                let status_ok = m.definite && !other_tense_verb || arrival || d.status == m.status;
                // "the G7 summit" is not "the APEC summit".
                let names_ok = m.names.is_empty()
                    || d.names.is_empty()
                    || m.names.iter().any(|n| d.names.contains(n));
                let order_ok = !m.later || d.status != EventStatus::Past;
                // "the seventh meeting of the trade committee", co-chaired by two ministers,
                // after talks between two leaders: two pairs of people, two happenings.
                let others = mine.len() >= 2
                    && !attending
                    && !theirs.is_empty()
                    && mine.is_disjoint(&theirs);
                let people_fit = people_fit && !others;
                kinds
                    && days
                    && order_ok
                    && people_fit
                    && verb_ok
                    && status_ok
                    && names_ok
                    && d.kind != "attendance"
            })
            .max_by_key(|(i, d)| {
                (
                    // "at the meeting" after a call and "the annual shareholder meeting
                    // will be held": a call is told as a call, a meeting face to face.
                    m.verb || !m.definite || (d.kind == "call") == (m.kind == "call"),
                    d.participants.iter().filter(|p| mine.contains(p)).count(),
                    // "next Tuesday's talks": the event already dated that day, and then one
                    // told in the same tense, before one with no date at all.
                    day.is_some() && d.day == day,
                    d.status == m.status,
                    m.names.iter().filter(|n| d.names.contains(n)).count(),
                    d.mentions.len(),
                    *i,
                )
            })
            .map(|(i, _)| i)
    } else if mine.len() >= 2 {
        // "agreed on Tuesday … during official talks" … "before the two leaders held talks":
        // the same people holding the same kind of happening on the same day hold one.
        let from = drafts.len().saturating_sub(MERGE_REACH);
        (from..drafts.len()).rev().find(|&i| {
            let d = &drafts[i];
            d.parent.is_none()
                && !taken.contains(&i)
                && d.kind == m.kind
                && d.status == m.status
                && d.day.is_some()
                && (m.time.is_none() || times_fit(d, m.time))
                && mine.iter().all(|p| d.participants.contains(p))
        })
    } else {
        None
    };
    // "Wang's trip" after "Wang Yi will visit Seoul next week for talks": the journey told
    // with its purpose is a visit of its own, where and when the talks are.
    let mut m = m;
    if target.is_none() && m.kind == "visit" && m.definite && !m.verb {
        let from = drafts.len().saturating_sub(MERGE_REACH);
        let who: Vec<usize> = if m.owners.is_empty() {
            m.participants.clone()
        } else {
            m.owners.clone()
        };
        if let Some(j) = (from..drafts.len()).rev().find(|&j| {
            let d = &drafts[j];
            d.journey
                && d.parent.is_none()
                && !who.is_empty()
                && who.iter().all(|p| d.participants.contains(p))
        }) {
            let d = &drafts[j];
            if m.place.is_none() {
                m.place = d.place.clone().map(|p| (p, d.place_rank));
            }
            if m.time.is_none() {
                let start = d.start.clone();
                let day = d.day;
                drafts.push(EventDraft {
                    kind: m.kind.to_string(),
                    participants: m.participants,
                    groups: m.groups,
                    place: m.place.as_ref().map(|(p, _)| p.clone()),
                    place_rank: m.place.as_ref().map_or(0, |(_, r)| *r),
                    start,
                    end: None,
                    day,
                    status: m.status,
                    parent: None,
                    mentions: spans,
                    held: m.held,
                    dated_by_story: !m.background,
                    own_start: false,
                    names: m.names,
                    journey: false,
                });
                return drafts.len() - 1;
            }
        }
    }
    let place = m.place.clone();
    match target {
        Some(i) => {
            let d = &mut drafts[i];
            // A background mention ("before the vote") tells nothing about who takes part.
            if !m.background || d.participants.is_empty() {
                for p in &m.participants {
                    if !d.participants.contains(p) {
                        d.participants.push(*p);
                    }
                }
            }
            for g in &m.groups {
                if !d.groups.contains(g) {
                    d.groups.push(g.clone());
                }
            }
            if let Some((p, rank)) = place
                && rank > d.place_rank
            {
                // Keep the wider place's region and country where the new one lacks them.
                let mut p = p;
                if let Some(old) = &d.place {
                    if p.region.is_none() {
                        p.region.clone_from(&old.region);
                    }
                    if p.country.is_none() {
                        p.country.clone_from(&old.country);
                    }
                }
                d.place = Some(p);
                d.place_rank = rank;
            }
            if let Some(t) = m.time {
                let earlier_arrival = m.kind == "arrival"
                    && explicit_day(t).is_some_and(|a| d.day.is_none_or(|b| a < b));
                // A named day beats a week ("this week" … "on Thursday").
                let named_day = d.day.is_none()
                    && explicit_day(t).is_some()
                    && d.start
                        .as_ref()
                        .is_some_and(|s| s.precision <= Precision::Day);
                let better = d.start.is_none()
                    || earlier_arrival
                    || named_day && times_fit(d, Some(t))
                    || d.start
                        .as_ref()
                        .is_some_and(|s| s.precision < t.point.precision)
                        && times_fit(d, Some(t));
                if better {
                    d.start = Some(t.point.clone());
                    d.end.clone_from(&t.range_end);
                    d.day = explicit_day(t).or(d.day);
                }
            }
            if m.kind == "summit" && matches!(d.kind.as_str(), "talks" | "meeting") {
                d.kind = m.kind.to_string();
            }
            d.held |= m.held;
            d.dated_by_story &= !m.background;
            d.mentions.extend(spans);
            i
        }
        None => {
            let (place, place_rank) = match place {
                Some((p, r)) => (Some(p), r),
                None => (None, 0),
            };
            drafts.push(EventDraft {
                kind: m.kind.to_string(),
                participants: m.participants,
                groups: m.groups,
                place,
                place_rank,
                start: m.time.map(|t| t.point.clone()),
                end: m.time.and_then(|t| t.range_end.clone()),
                day,
                status: m.status,
                parent: None,
                mentions: spans,
                held: m.held,
                dated_by_story: !m.background,
                own_start: false,
                names: m.names,
                journey: m.journey,
            });
            drafts.len() - 1
        }
    }
}

/// Words before a verb that make the next word a verb too: "to call", "will strike".
const VERB_CUES: &[&str] = &[
    "to", "will", "would", "could", "can", "may", "might", "not", "they", "we", "i", "you",
    "should", "must", "shall",
];

/// The trigger words of one sentence, in text order. `lower` is each token without its
/// possessive, in lower case, as the caller already has it.
fn find_triggers(text: &str, toks: &[Token<'_>], lower: &[Lowered<'_>]) -> Vec<Trigger> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        if let Some((len, kind, verb)) = noun_trigger_at(text, toks, lower, k) {
            let end = toks[k + len - 1].span.end;
            let other = (!verb)
                .then(|| other_occurrence(lower, k, k + len))
                .flatten();
            out.push(Trigger {
                kind,
                span: toks[k].span.start..end,
                tok: k,
                definite: !verb && other != Some(Other::Earlier) && is_definite(text, toks, k),
                verb,
                other,
            });
            k += len;
            continue;
        }
        if let Some(kind) = verb_trigger_at(lower, k) {
            out.push(Trigger {
                kind,
                span: toks[k].span.clone(),
                tok: k,
                definite: false,
                verb: true,
                other: None,
            });
        } else if let Some(h) = spoken_at(text, toks, lower, k) {
            // "Speaking at a business event in Leeds": the occasion spoken at is a speech.
            out.push(Trigger {
                kind: "speech",
                span: toks[h].span.clone(),
                tok: h,
                definite: is_definite(text, toks, h),
                verb: false,
                other: None,
            });
        }
        k += 1;
    }
    out.sort_by_key(|t| t.tok);
    out.dedup_by_key(|t| t.tok);
    out
}

/// Each phrase of [`NOUN_TRIGGERS`] split into words, filed under its first word in list order,
/// so that a token is only tried against the phrases it can open (the scan runs at every token).
type TriggerPhrase = (&'static str, &'static str, Vec<&'static str>);
static NOUN_TRIGGERS_BY_FIRST_WORD: std::sync::LazyLock<
    std::collections::HashMap<&'static str, Vec<TriggerPhrase>, lexicon::FastHash>,
> = std::sync::LazyLock::new(|| {
    // Asked about every word of every sentence: the fast hasher of the fixed tables.
    let mut by_first: std::collections::HashMap<&str, Vec<TriggerPhrase>, lexicon::FastHash> =
        Default::default();
    for &(phrase, kind) in NOUN_TRIGGERS {
        let parts: Vec<&str> = phrase.split(' ').collect();
        by_first
            .entry(parts[0])
            .or_default()
            .push((phrase, kind, parts));
    }
    by_first
});

/// A noun trigger starting at token `k`: its length in tokens, its kind, and whether it is
/// used as a verb ("will vote", "to visit").
fn noun_trigger_at(
    text: &str,
    toks: &[Token<'_>],
    lower: &[Lowered<'_>],
    k: usize,
) -> Option<(usize, &'static str, bool)> {
    let prev = k.checked_sub(1).map(|p| lower[p].as_ref());
    let candidates = NOUN_TRIGGERS_BY_FIRST_WORD.get(lower[k].as_ref())?;
    for (phrase, kind, parts) in candidates {
        if k + parts.len() > toks.len() {
            continue;
        }
        // Only the first word may carry a possessive ("Friday's talks" is on "talks").
        let ok = parts.iter().enumerate().skip(1).all(|(i, p)| {
            lower[k + i] == *p && toks[k + i - 1].text.len() == lower[k + i - 1].len()
        });
        if !ok {
            continue;
        }
        // The phrase must be one run of words, not split by punctuation.
        let spread = &text[toks[k].span.start..toks[k + parts.len() - 1].span.end];
        if spread.contains([',', ';', ':', '.']) && parts.len() > 1 {
            continue;
        }
        let next = toks.get(k + parts.len()).map(|t| lowercase(t.text));
        let next2 = toks.get(k + parts.len() + 1);
        let verb_cue = prev.is_some_and(|p| VERB_CUES.contains(&p));
        // "nearly a year of talks", "months of negotiations": a process, not one happening.
        if prev == Some("of")
            && k >= 2
            && matches!(
                lower[k - 2].as_ref(),
                "year" | "years" | "months" | "weeks" | "decade" | "decades" | "rounds"
            )
        {
            return None;
        }
        if VERBABLE.contains(phrase) && verb_cue {
            return None;
        }
        if AMBIGUOUS_NOUNS.contains(phrase) {
            // Lower case, at the head of a phrase opened by a determiner or possessive.
            if toks[k].is_capitalised() {
                return None;
            }
            let head = next
                .as_deref()
                .is_none_or(|n| AFTER_HEAD.contains(&n) || toks[k + parts.len()].is_capitalised());
            if !head || !has_determiner(text, toks, lower, k) {
                return None;
            }
        }
        match *phrase {
            // "to call for a ceasefire", "call them": a demand or a verb. "A call on Tuesday"
            // and "a courtesy call on Lee" are calls.
            "call" => {
                let on_name =
                    next.as_deref() == Some("on") && next2.is_some_and(Token::is_capitalised);
                if matches!(
                    next.as_deref(),
                    Some("for" | "off" | "it" | "them" | "him" | "her" | "up" | "out")
                ) || next.as_deref() == Some("on") && !on_name
                {
                    return None;
                }
            }
            // A statement to parliament is an event; "said in a statement" is not.
            "statement" if next.as_deref() != Some("to") => return None,
            // "on the phone with Republican leaders"
            "on the phone" if !matches!(next.as_deref(), Some("with" | "to")) => return None,
            _ => {}
        }
        let verb = matches!(*phrase, "vote" | "visit") && verb_cue;
        return Some((parts.len(), kind, verb));
    }
    None
}

/// Words that open a noun phrase: articles, demonstratives, possessive pronouns.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "that", "these",
    "those", "another",
];

/// Whether a determiner or possessive opens the phrase that ends at token `k`: "the final",
/// "its March 10 meeting", "an FA Cup first-round tie", "Tuesday's trip".
fn has_determiner(text: &str, toks: &[Token<'_>], lower: &[Lowered<'_>], k: usize) -> bool {
    let mut j = k;
    for _ in 0..5 {
        if j == 0 {
            return false;
        }
        let gap = &text[toks[j - 1].span.end..toks[j].span.start];
        if gap.trim() != "" {
            return false;
        }
        j -= 1;
        if DETERMINERS.contains(&lower[j].as_ref())
            || matches!(lower[j].as_ref(), "next" | "last")
            || toks[j].is_possessive()
        {
            return true;
        }
    }
    false
}

/// A verb trigger at token `k`, when its context makes it name an event.
fn verb_trigger_at(lower: &[Lowered<'_>], k: usize) -> Option<&'static str> {
    let word = lower[k].as_ref();
    let (_, kind) = VERB_TRIGGERS.iter().find(|(v, _)| *v == word)?;
    let next = lower.get(k + 1).map(|w| &**w);
    let prev = k.checked_sub(1).map(|p| lower[p].as_ref());
    let usable = match word {
        // "spoke with", "spoke by phone"
        "spoke" | "spoken" | "speak" | "speaks" | "talked" => {
            matches!(next, Some("with" | "by"))
                // "had spoken to Ley by phone": "to" only with the line named soon after, as
                // "spoke to reporters" is a briefing or a quote, not a call.
                || next == Some("to")
                    && lower[k + 1..]
                        .iter()
                        .take(7)
                        .any(|w| matches!(w.as_ref(), "phone" | "telephone" | "video"))
        }
        "leave" | "leaves" | "depart" | "departs" => next == Some("for"),
        // "flew back from Paris", "fly home": a return, not a journey to an event.
        "flew" | "fly" | "flies" | "flying" | "travelled" | "traveled" | "travel" | "travels" => {
            !matches!(next, Some("back" | "home" | "out"))
        }
        "brief" | "briefs" => matches!(
            next,
            Some("reporters" | "journalists" | "the" | "media" | "mps" | "lawmakers")
        ),
        // "sit down with"
        "sit" | "sits" => next == Some("down"),
        // "spent Tuesday in Saudi Arabia", "spent two days in Kyiv": a stay, told by its time
        // and then its place ("spent £1bn on roads" is money).
        "spent" | "spends" | "spend" | "spending" => {
            let after: Vec<&str> = lower[k + 1..].iter().take(6).map(|w| &**w).collect();
            let timed = after.iter().take(3).any(|w| {
                time::is_weekday_word(w)
                    || matches!(
                        *w,
                        "day"
                            | "days"
                            | "night"
                            | "nights"
                            | "week"
                            | "weeks"
                            | "weekend"
                            | "morning"
                            | "afternoon"
                            | "evening"
                            | "hours"
                    )
            });
            timed && after.iter().any(|w| matches!(*w, "in" | "at"))
        }
        // "a tour", "the visit": the noun, read elsewhere.
        "tour" | "tours" => !matches!(prev, Some("a" | "the" | "his" | "her" | "their")),
        // "beat Wexham Town 2-1", "defeated Dvorak 6-4, 7-6": a result, told by its score
        // ("beat expectations" is none).
        // Out in the street: a place or what is protested against comes next ("demonstrated a
        // prima facie case" is no protest).
        "protested" | "protesting" | "demonstrated" | "marched" | "rallied" => matches!(
            next,
            Some(
                "outside"
                    | "at"
                    | "in"
                    | "near"
                    | "through"
                    | "on"
                    | "along"
                    | "against"
                    | "to"
                    | "from"
                    | "across"
                    | "over"
            )
        ),
        // "will strike across England", "to strike on three days": the verb after a modal
        // or "to", with where or when it happens next ("strike a deal" is none).
        "strike" => {
            matches!(
                prev,
                Some("will" | "would" | "to" | "could" | "may" | "might" | "shall")
            ) && matches!(
                next,
                Some("across" | "on" | "from" | "in" | "at" | "over" | "again" | "for" | "until")
            )
        }
        // "walk out on Tuesday"; "walked out of the meeting" is leaving a room.
        "walk" | "walks" | "walked" | "walking" => {
            next == Some("out") && lower.get(k + 2).map(|w| &**w) != Some("of")
        }
        // A case "will be mentioned" or "heard" on a day: a court sitting.
        "mentioned" | "heard" => {
            prev == Some("be")
                && (1..=5).any(|back| {
                    k.checked_sub(back).is_some_and(|j| {
                        matches!(
                            lower[j].as_ref(),
                            "case" | "matter" | "petition" | "suit" | "appeal" | "application"
                        )
                    })
                })
        }
        "beat" | "beats" | "defeated" | "defeats" | "edged" | "thrashed" | "drew" | "approved"
        | "passed" | "rejected" | "backed" => {
            let goals =
                |w: &str| (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
            lower[k + 1..].iter().take(8).any(|w| {
                w.split_once(['-', '–'])
                    .is_some_and(|(a, b)| goals(a) && goals(b))
            })
        }
        _ => true,
    };
    // "protested outside the headquarters" is a protest; "protested that …" a quote.
    let protest = *kind == "protest";
    (usable && (protest || !lexicon::is_speech_verb(word))).then_some(*kind)
}

/// "Speaking at a business event …": the token of the occasion's head noun, when it is not an
/// event noun of its own (those are read as themselves).
fn spoken_at(text: &str, toks: &[Token<'_>], lower: &[Lowered<'_>], k: usize) -> Option<usize> {
    if lower[k] != "speaking" || lower.get(k + 1).map(|w| &**w) != Some("at") {
        return None;
    }
    let mut j = k + 2;
    if !matches!(
        lower.get(j).map(|w| &**w),
        Some("a" | "an" | "the" | "his" | "her" | "their" | "its")
    ) {
        return None;
    }
    let mut head = None;
    while j + 1 < toks.len() {
        let gap = &text[toks[j].span.end..toks[j + 1].span.start];
        if gap.trim() != "" {
            break;
        }
        j += 1;
        if toks[j].is_capitalised() || AFTER_HEAD.contains(&lower[j].as_ref()) {
            break;
        }
        head = Some(j);
    }
    let h = head?;
    let already = (k..=h).any(|i| noun_trigger_at(text, toks, lower, i).is_some());
    (!already).then_some(h)
}

/// The day the story reports: the first day its first full sentence names, when that day is
/// not after publication ("… said on Tuesday", "was sentenced Tuesday"). Wire copy tells the
/// briefings, calls and hearings of that day without repeating it.
fn story_day(
    text: &str,
    sentences: &[Sentence],
    read_sentences: &Sentences<'_, '_>,
    quotes: &Quotes,
    tctx: &TimeContext<'_>,
) -> Option<TimePoint> {
    // The first full sentence, or the day of the telling in the second: wire copy often names
    // the day only there ("…, Halvorsen said in a statement Wednesday").
    let (day, found) = sentences
        .iter()
        .enumerate()
        .filter(|(i, _)| !is_headline(text, sentences, *i))
        .filter(|(i, _)| read_sentences.tokens[*i].len() >= 5)
        .take(2)
        .enumerate()
        .find_map(|(n, (si, s))| {
            let dateline = dateline_end(text, s);
            let toks = read_sentences.read_tokens(si);
            let read = s.span.start..toks.last().map_or(s.span.start, |t| t.span.end);
            let told = |t: &TimeMention| {
                let before = &text[s.span.start..t.start];
                let from = before.len().saturating_sub(40);
                let near = before.get(from..).unwrap_or(before).to_lowercase();
                near.split_whitespace()
                    .any(|w| matches!(w, "said" | "says" | "told" | "announced" | "reported"))
            };
            time::find_times(text, read, tctx)
                .into_iter()
                .filter(|t| t.start >= dateline && !quotes.contains(t.start))
                .filter(|t| n == 0 || told(t))
                .find_map(|t| {
                    explicit_day(&t)
                        .filter(|d| *d <= tctx.published)
                        .map(|d| (d, t))
                })
        })?;
    Some(TimePoint {
        value: day.to_string(),
        precision: Precision::Day,
        time_zone: None,
        utc: None,
        text: found.point.text,
        inferred: vec!["date".to_string()],
        warnings: Vec::new(),
    })
}

/// Whether the noun trigger at token `k` is what someone tries to stop ("talks aimed at
/// averting a fresh national rail strike", "to prevent a war"): no happening of its own, and
/// no claim on the sentence's time or place.
fn averted(lower: &[Lowered<'_>], k: usize) -> bool {
    const STOPPING: &[&str] = &[
        "avert",
        "averting",
        "averted",
        "prevent",
        "preventing",
        "avoid",
        "avoiding",
        "forestall",
        "forestalling",
    ];
    // "averting a fresh national rail strike": a determiner and up to four modifiers between.
    (1..=6).any(|back| {
        k.checked_sub(back).is_some_and(|j| {
            let w = lower[j].as_ref();
            let stop = STOPPING.contains(&w)
                || matches!(w, "off")
                    && j > 0
                    && matches!(
                        lower[j - 1].as_ref(),
                        "stave" | "staving" | "head" | "heading"
                    );
            stop && lower[j + 1..k].iter().all(|m| {
                let m = m.as_ref();
                !matches!(
                    m,
                    "," | "and" | "or" | "but" | "that" | "which" | "after" | "before"
                ) && !SAY_VERBS.contains(&m)
            })
        })
    })
}

/// "Asked whether Trump would meet Democratic leaders, she said …": a happening only asked
/// about is not one the text tells.
fn only_asked_about(text: &str, toks: &[Token<'_>], lower: &[Lowered<'_>], t: &Trigger) -> bool {
    let opens = lower.first().is_some_and(|w| w == "asked")
        && lower
            .get(1)
            .is_some_and(|w| matches!(w.as_ref(), "whether" | "if" | "how" | "when" | "why"));
    if !opens {
        return false;
    }
    let start = toks[0].span.start;
    !text[start..t.span.start].contains(',')
}

/// Whether a time belongs to the telling rather than to the event told: "said on Tuesday",
/// "told POLITICO on Tuesday", "said in a letter to the board on Thursday", "on Tuesday said".
fn is_say_time(
    text: &str,
    toks: &[Token<'_>],
    lower: &[Lowered<'_>],
    triggers: &[Trigger],
    t: &TimeMention,
) -> bool {
    let in_trigger = |j: usize| {
        triggers
            .iter()
            .any(|x| x.span.start <= toks[j].span.start && toks[j].span.start < x.span.end)
    };
    if let Some(a) = toks.iter().position(|w| w.span.start >= t.end)
        && SAY_VERBS.contains(&lower[a].as_ref())
        && text[t.end..toks[a].span.start].trim().is_empty()
    {
        return true;
    }
    let Some(first) = toks.iter().position(|w| w.span.start >= t.start) else {
        return false;
    };
    for j in (first.saturating_sub(7)..first).rev() {
        // "confirmed that Petrović would miss Tuesday's trip": the time is in the clause told.
        if in_trigger(j)
            || matches!(
                lower[j].as_ref(),
                "that"
                    | "whether"
                    | "if"
                    | "would"
                    | "will"
                    | "could"
                    | "should"
                    | "may"
                    | "might"
                    | "is"
                    | "are"
                    | "was"
                    | "were"
                    | "has"
                    | "have"
                    | "had"
            )
        {
            return false;
        }
        if SAY_VERBS.contains(&lower[j].as_ref()) {
            return true;
        }
        if text[toks[j].span.end..toks[j + 1].span.start].contains([',', ';']) {
            return false;
        }
    }
    false
}

/// Relative clauses set off by commas (", who flew back from Paris last night,", ", which
/// made up about a quarter of revenue last year,", ", called after Hastie quit on Sunday,"):
/// their byte range, the token they are attached to, and whether they tell of something other
/// than the word they hang on (a person's "who", a participle's own clause).
fn relative_clauses(
    text: &str,
    toks: &[Token<'_>],
    lower: &[Lowered<'_>],
) -> Vec<(Range<usize>, usize, bool)> {
    let mut out = Vec::new();
    for k in 1..toks.len() {
        // "The ballot, called after Hastie quit the frontbench on Sunday, was held …": a
        // participle with a clause of its own tells of something else, like "who" does.
        let aside = k + 1 < toks.len()
            && lower[k].len() > 3
            && lower[k].ends_with("ed")
            && matches!(
                lower[k + 1].as_ref(),
                "after" | "before" | "since" | "until" | "because" | "while"
            );
        let who = aside || matches!(lower[k].as_ref(), "who" | "whose" | "whom");
        if !(who || lower[k] == "which") {
            continue;
        }
        if !text[toks[k - 1].span.end..toks[k].span.start].contains(',') {
            continue;
        }
        out.push((toks[k].span.start..clause_end(text, toks, k), k - 1, who));
    }
    out
}

/// "leave Bangkok on Wednesday for Vientiane, where he will hold talks": the known place
/// named right before ", where" is where the clause's happening is. `outer` is the clause the
/// "where" hangs on, up to the comma.
fn where_antecedent(text: &str, outer: &[Token<'_>], home: Option<&str>) -> Option<(Place, u8)> {
    let last = outer.last()?;
    if !text[last.span.end..].trim_start().starts_with(',') {
        return None;
    }
    let mut first = outer.len() - 1;
    while first > 0
        && outer[first - 1].is_capitalised()
        && text[outer[first - 1].span.end..outer[first].span.start] == *" "
        && outer.len() - first < 4
    {
        first -= 1;
    }
    (first..outer.len())
        .filter(|&i| outer[i].is_capitalised())
        .find_map(|i| place_named(&text[outer[i].span.start..last.span.end], home))
}

/// The end (a byte offset) of the clause that opens at token `k`: the next comma, semicolon
/// or dash, or the end of the words read.
fn clause_end(text: &str, toks: &[Token<'_>], k: usize) -> usize {
    toks[k..]
        .windows(2)
        .find(|w| text[w[0].span.end..w[1].span.start].contains([',', ';', '\u{2013}', '\u{2014}']))
        .map_or_else(|| toks[toks.len() - 1].span.end, |w| w[0].span.end)
}

/// The clauses that open with ", when" right after a time expression ("in February, when
/// …", "since May 2024, when …"), each with that time: the clause tells what happened then.
/// A clause ends at the next comma, semicolon or dash.
fn when_clauses(
    text: &str,
    toks: &[Token<'_>],
    lower: &[Lowered<'_>],
    times: &[TimeMention],
) -> Vec<(TimeMention, Range<usize>)> {
    let mut out = Vec::new();
    for k in 1..toks.len() {
        if lower[k] != "when" || !text[toks[k - 1].span.end..toks[k].span.start].contains(',') {
            continue;
        }
        let Some(t) = times.iter().find(|t| t.end == toks[k - 1].span.end) else {
            continue;
        };
        let end = clause_end(text, toks, k);
        let mut t = t.clone();
        // "since May 2024" dates the clause to May 2024.
        if let Some(rest) = t.point.text.strip_prefix("since ") {
            t.start += "since ".len();
            t.point.text = rest.to_string();
        }
        out.push((t, toks[k].span.start..end));
    }
    out
}

/// The capitalised words right before an event noun that name the event: "APEC" in "the
/// APEC gathering", "G7" in "the G7 summit", "Asean" in "the Asean summit".
fn event_names(text: &str, toks: &[Token<'_>], people: &People, k: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut j = k;
    while j > 0 && out.len() < 6 {
        let gap = &text[toks[j - 1].span.end..toks[j].span.start];
        if !gap.chars().all(|c| c == ' ' || c == '(' || c == ')') {
            break;
        }
        let w = &toks[j - 1];
        // "Wednesday’s meeting": a day's possessive dates the event; it does not name it.
        if !w.is_capitalised() || lexicon::NOT_NAME_WORDS.contains(&strip_possessive(w.text)) {
            break;
        }
        // A person's name owns the event ("Mr Li's visit"); it does not name it.
        if people.mention_at(w.span.start).is_some() {
            break;
        }
        out.push(strip_possessive(w.text).to_string());
        j -= 1;
    }
    out
}

/// The person the story says is on trial: the first named as accused, charged, denying the
/// charges or pleading ("Graham Petrie, 58, is accused of fraud").
fn defendant(
    read_sentences: &Sentences<'_, '_>,
    people: &People,
    quotes: &Quotes,
) -> Option<usize> {
    for si in 0..read_sentences.tokens.len() {
        let toks = read_sentences.read_tokens(si);
        for m in people
            .in_sentence(si)
            .take(MAX_SENTENCE_WORDS)
            .filter(|m| !quotes.contains(m.span.start))
        {
            let Some(k) = toks.iter().position(|t| t.span.start >= m.span.end) else {
                continue;
            };
            let accused = toks[k..].iter().take(5).any(|t| {
                matches!(
                    t.text,
                    "accused" | "charged" | "denies" | "denied" | "pleaded" | "pleads"
                )
            }) && !toks[k..]
                .iter()
                .take(5)
                .any(|t| SAY_VERBS.contains(&t.text));
            if accused {
                return Some(m.person);
            }
        }
    }
    None
}

/// Phrases that refer to the two people the story has just named together.
const PAIR_PHRASES: &[&[&str]] = &[
    &["the", "two", "leaders"],
    &["the", "two", "men"],
    &["the", "two", "women"],
    &["the", "two", "presidents"],
    &["the", "two", "ministers"],
    &["both", "leaders"],
    &["both", "men"],
    &["both", "women"],
    &["the", "pair"],
];

/// The people a sentence names outside quotation marks, with their byte positions: names and
/// descriptions, pronouns resolved to the person they stand for, and "the two leaders" (or
/// "their meeting") resolved to the two people last named together.
fn sentence_persons(
    si: usize,
    toks: &[Token<'_>],
    lower: &[Lowered<'_>],
    people: &People,
    quotes: &Quotes,
    triggers: &[Trigger],
) -> Vec<(usize, usize)> {
    // A name inside the name of a building or body ("the Norwegian Nobel Institute") is not
    // that person taking part.
    let in_a_name = |end: usize| {
        toks.iter().find(|t| t.span.start >= end).is_some_and(|t| {
            t.is_capitalised()
                && (VENUE_WORDS.contains(&t.text) || lexicon::ORG_WORDS.contains(&t.text))
        })
    };
    let noun_soon = |k: usize| {
        triggers
            .iter()
            .any(|x| !x.verb && x.tok > k && x.tok <= k + 3)
    };
    // "Hastie's replacement", "the minister's office": a possessive names what belongs to
    // the person, not the person taking part, unless what follows is the event ("Li Qiang's
    // three-day visit") or stands for it ("Pryce's first since …").
    let owns_other = |end: usize| {
        let Some(k) = toks
            .iter()
            .position(|t| t.span.start < end && end <= t.span.end)
        else {
            return false;
        };
        let possessive = strip_possessive(toks[k].text).len() < toks[k].text.len();
        let stands_for_event = lower.get(k + 1).is_some_and(|w| {
            matches!(
                w.as_ref(),
                "first" | "second" | "last" | "latest" | "next" | "own" | "final"
            )
        });
        possessive && !noun_soon(k) && !stands_for_event
    };
    let mut out: Vec<(usize, usize)> = people
        .in_sentence(si)
        .take(MAX_SENTENCE_WORDS)
        .filter(|m| {
            !quotes.contains(m.span.start) && !in_a_name(m.span.end) && !owns_other(m.span.end)
        })
        .map(|m| (m.person, m.span.start))
        .collect();
    // The two a pair phrase ("the pair", "the two leaders") stood for, earlier in the sentence.
    let mut pair_named: Option<(usize, usize)> = None;
    for (k, t) in toks.iter().enumerate() {
        if quotes.contains(t.span.start) {
            continue;
        }
        let w = lower[k].as_ref();
        let gender = match w {
            "he" => Gender::Male,
            "she" => Gender::Female,
            // "his talks with Mr Putin", "her trip": only right before an event noun.
            "his" if noun_soon(k) => Gender::Male,
            "her" if noun_soon(k) => Gender::Female,
            // "their meeting", "a joint press conference": the two people just named.
            "their" | "joint" if noun_soon(k) => {
                if let Some((a, b)) = pair_before(people, si, t.span.start, quotes) {
                    out.push((a, t.span.start));
                    out.push((b, t.span.start));
                }
                continue;
            }
            _ => {
                let pair = PAIR_PHRASES.iter().any(|p| {
                    p.iter()
                        .enumerate()
                        .all(|(i, x)| lower.get(k + i).is_some_and(|w| w == x))
                });
                if pair && let Some((a, b)) = pair_before(people, si, t.span.start, quotes) {
                    out.push((a, t.span.start));
                    out.push((b, t.span.start));
                    pair_named = Some((a, b));
                } else if w == "they"
                    && let Some((a, b)) = pair_named
                {
                    // "the pair have not sat down since they last met": the same two.
                    out.push((a, t.span.start));
                    out.push((b, t.span.start));
                }
                continue;
            }
        };
        if let Some(p) = pronoun_referent(people, si, t.span.start, gender, quotes) {
            out.push((p, t.span.start));
        }
    }
    out.sort_by_key(|x| x.1);
    out
}

/// The person a pronoun at `pos` stands for: the first fitting person named earlier in its
/// sentence (its subject), else the first fitting person of the nearest earlier sentence
/// that names one.
fn pronoun_referent(
    people: &People,
    si: usize,
    pos: usize,
    gender: Gender,
    quotes: &Quotes,
) -> Option<usize> {
    // The nearest sentence first ("The committee's chairman, Senator Ted Cruz, said … He
    // added" is Cruz, not a man named two sentences before); within one, a person known to be
    // of the pronoun's gender, then one of unknown gender, who is only looked for in this
    // sentence and the one just before.
    let fits = |strict: bool| {
        move |m: &&super::people::Mention| {
            let g = people.persons[m.person].gender;
            !quotes.contains(m.span.start)
                && if strict {
                    g == Some(gender)
                } else {
                    g.is_none()
                }
        }
    };
    for s in (si.saturating_sub(3)..=si).rev() {
        let mentions = || {
            people
                .in_sentence(s)
                .take(MAX_SENTENCE_WORDS)
                .filter(move |m| s < si || m.span.start < pos)
        };
        if let Some(m) = mentions().find(fits(true)) {
            return Some(m.person);
        }
        if s + 1 >= si
            && let Some(m) = mentions().find(fits(false))
        {
            return Some(m.person);
        }
    }
    None
}

/// The two people "the two leaders" at `pos` refers to: the last two named before it in its
/// sentence, else the first two of the nearest earlier sentence that names two.
fn pair_before(people: &People, si: usize, pos: usize, quotes: &Quotes) -> Option<(usize, usize)> {
    let distinct = |it: &mut dyn Iterator<Item = usize>| {
        let mut v: Vec<usize> = Vec::new();
        for p in it {
            if !v.contains(&p) {
                v.push(p);
            }
        }
        v
    };
    let mut same = people
        .in_sentence(si)
        .take(MAX_SENTENCE_WORDS)
        .filter(|m| m.span.start < pos && !quotes.contains(m.span.start))
        .map(|m| m.person)
        .collect::<Vec<_>>()
        .into_iter()
        .rev();
    let same = distinct(&mut same);
    if same.len() >= 2 {
        return Some((same[1], same[0]));
    }
    for s in (si.saturating_sub(12)..si).rev() {
        let mut it = people
            .in_sentence(s)
            .take(MAX_SENTENCE_WORDS)
            .filter(|m| !quotes.contains(m.span.start))
            .map(|m| m.person);
        let v = distinct(&mut it);
        if v.len() >= 2 {
            return Some((v[0], v[1]));
        }
    }
    None
}

/// Words that end the words in front of an event noun: "the" in "at the summit" is part of
/// it, "at" is not.
fn ends_noun_phrase(w: &str) -> bool {
    AFTER_HEAD.contains(&w)
        || VERB_CUES.contains(&w)
        || SAY_VERBS.contains(&w)
        || HOLD_VERBS.contains(&w)
        || matches!(
            w,
            "and"
                | "or"
                | "but"
                | "be"
                | "been"
                | "being"
                | "then"
                | "also"
                | "if"
                | "whether"
                | "since"
                | "until"
                | "because"
                | "while"
                | "than"
                | "following"
                | "ahead"
        )
        || VERB_TRIGGERS.iter().any(|(v, _)| *v == w)
}

/// Verbs whose object is a happening the text plainly tells: "held talks", "will stage a
/// protest", "could seek a shareholder vote".
const HOLD_VERBS: &[&str] = &[
    "hold",
    "holds",
    "held",
    "holding",
    "convene",
    "convenes",
    "convened",
    "stage",
    "stages",
    "staged",
    "host",
    "hosts",
    "hosted",
    "hosting",
    "chair",
    "chairs",
    "chaired",
    "seek",
    "seeks",
    "sought",
    "address",
    "addressed",
    "attend",
    "attends",
    "attended",
    "give",
];

/// The token where the phrase of the trigger at token `k` begins: "a heated meeting",
/// "Friday’s talks", "Mr. Modi's visit". A verb stands alone.
fn np_start_tok(
    text: &str,
    toks: &[Token<'_>],
    lower: &[Lowered<'_>],
    k: usize,
    verb: bool,
) -> usize {
    // A verb, or a phrase that opens with a verb or preposition ("laid a wreath", "on the
    // phone"), stands alone.
    if verb
        || matches!(
            lower[k].as_ref(),
            "on" | "laid" | "lay" | "give" | "gives" | "gave" | "giving"
        )
    {
        return k;
    }
    let mut j = k;
    for _ in 0..6 {
        if j == 0 {
            break;
        }
        let gap = &text[toks[j - 1].span.end..toks[j].span.start];
        if gap.trim() != "" {
            break;
        }
        let w = lower[j - 1].as_ref();
        if DETERMINERS.contains(&w) {
            return j - 1;
        }
        if ends_noun_phrase(w) && !toks[j - 1].is_capitalised() {
            break;
        }
        j -= 1;
    }
    j
}

/// The byte where the phrase of the trigger at token `k` begins.
fn np_start(text: &str, toks: &[Token<'_>], lower: &[Lowered<'_>], k: usize) -> usize {
    toks[np_start_tok(text, toks, lower, k, false)].span.start
}

/// Whether the noun trigger `t` names what the verb trigger `v` before it does: its object
/// ("hosted a summit", "attended a NATO defense ministers' meeting", "hosted to dinner", "met
/// at the Asean summit"), its purpose ("travel to Beijing for a summit", "travel to Brussels
/// next week to meet"), or a relative clause about a noun ("the G7 summit …, which Canada
/// will host").
fn joins(text: &str, lower: &[Lowered<'_>], people: &People, v: &Trigger, t: &Trigger) -> bool {
    if t.tok <= v.tok {
        return false;
    }
    let between = &lower[v.tok + 1..t.tok];
    let gap_text = &text[v.span.end..t.span.start];
    let someone = people
        .starting_in(v.span.end..t.span.start)
        .iter()
        .any(|m| m.span.start >= v.span.end);
    if between.iter().any(|w| w == "sidelines") {
        return false;
    }
    if v.verb && !t.verb {
        // Its object or the place where it is held: "hosted a summit", "hosted to dinner",
        // "met at the Asean summit" (not "vote on whether to strike after talks").
        let opens = between.first().is_none_or(|w| {
            matches!(
                w.as_ref(),
                "a" | "an" | "the" | "his" | "her" | "their" | "its" | "to" | "at" | "this"
            )
        });
        if between.len() <= 6
            && opens
            && !gap_text.contains([',', ';', '(', '\u{2013}', '\u{2014}'])
            && !someone
            && !between.iter().any(|w| {
                SAY_VERBS.contains(&w.as_ref())
                    || matches!(
                        w.as_ref(),
                        "and"
                            | "or"
                            | "but"
                            | "which"
                            | "that"
                            | "who"
                            | "while"
                            | "after"
                            | "before"
                            | "since"
                            | "whether"
                            | "if"
                            | "over"
                            | "about"
                            | "than"
                    )
            })
        {
            return true;
        }
        // For a purpose: "met with European leaders … for an emergency virtual summit".
        if t.tok - v.tok <= 14 && between.iter().any(|w| w == "for") {
            return true;
        }
    }
    // A journey to a meeting: "travel to Brussels next week to meet", "travel to Madurai on
    // March 15 to lay the foundation stone".
    let journey = v.verb && v.kind == "visit";
    if journey
        && t.tok - v.tok <= 14
        && lower[t.tok - 1] == "to"
        && !gap_text.contains([';', '('])
        && !between
            .iter()
            .any(|w| matches!(w.as_ref(), "and" | "but" | "which" | "who"))
    {
        return true;
    }
    // "…, which Canada will host": the noun's event.
    if !v.verb
        && t.verb
        && matches!(
            lower[t.tok].as_ref(),
            "host" | "hosts" | "hosted" | "hosting"
        )
        && t.tok - v.tok <= 9
        && between.iter().any(|w| w == "which")
    {
        return true;
    }
    false
}

/// The word that makes the trigger's phrase a background to another happening: "ahead of
/// the talks", "before the vote", "after their meeting", "since a tense meeting", "asked
/// about the London meeting". Returns its token.
fn reference_word(lower: &[Lowered<'_>], np: usize) -> Option<usize> {
    let prev = np.checked_sub(1)?;
    match lower[prev].as_ref() {
        // "returns from a state visit to Germany on Thursday", "if the talks go well".
        "after" | "before" | "since" | "until" | "following" | "from" | "if" => Some(prev),
        "of" if prev > 0 && lower[prev - 1] == "ahead" => Some(prev - 1),
        "to" if prev > 0 && lower[prev - 1] == "prior" => Some(prev - 1),
        "about" if prev > 0 && matches!(lower[prev - 1].as_ref(), "asked" | "asking") => {
            Some(prev - 1)
        }
        _ => None,
    }
}

/// The subordinating word that opens the clause the trigger's phrase stands in ("after
/// councillors backed a plan at a heated meeting"), searched back to the clause's comma.
fn clause_opener(
    text: &str,
    toks: &[Token<'_>],
    lower: &[Lowered<'_>],
    np: usize,
    lo: usize,
) -> Option<usize> {
    let mut j = np;
    while j > 0 && toks[j - 1].span.start >= lo {
        if text[toks[j - 1].span.end..toks[j].span.start].contains([',', ';']) {
            return None;
        }
        j -= 1;
        if matches!(
            lower[j].as_ref(),
            "after"
                | "before"
                | "since"
                | "when"
                | "while"
                | "until"
                | "because"
                | "although"
                | "once"
                | "unless"
                | "where"
        ) {
            // "after groups gathered signatures to force a vote": the goal of the clause is
            // the story's own event, not its background.
            if lower[j] != "where" && lower[j + 1..np].iter().any(|w| w == "to") {
                return None;
            }
            return Some(j);
        }
    }
    None
}

/// The end of the phrase after byte `from`: the next comma, semicolon or dash, or `limit`.
/// A clause that describes the phrase's event goes with it: "since a tense meeting in
/// Washington in February, when the Ukrainian president clashed with Donald Trump".
fn phrase_end(text: &str, from: usize, limit: usize) -> usize {
    let from = from.min(limit);
    let stop = |at: usize| {
        text[at..limit]
            .find([',', ';', '\u{2013}', '\u{2014}'])
            .map_or(limit, |i| at + i)
    };
    let end = stop(from);
    let rest = text[end..limit].trim_start_matches([',', ' ']);
    if rest.starts_with("when ") || rest.starts_with("where ") {
        return stop(limit - rest.len());
    }
    end
}

/// The sentence's mentions grouped into happenings, each with the stretch of the sentence
/// that tells about it.
fn build_groups<'t>(
    text: &str,
    toks: &[Token<'_>],
    lower: &[Lowered<'_>],
    people: &People,
    heads: &[&'t Trigger],
    start: usize,
    end: usize,
) -> Vec<Group<'t>> {
    let mut groups: Vec<Group<'t>> = Vec::new();
    for &t in heads {
        if let Some(g) = groups.last_mut()
            && joins(text, lower, people, g.last(), t)
        {
            g.triggers.push(t);
            continue;
        }
        groups.push(Group {
            triggers: vec![t],
            stretch: 0..0,
            reference: false,
            background: false,
            conjoined: false,
            outer: None,
            timeless: false,
            clause_end: usize::MAX,
        });
    }
    let nps: Vec<usize> = groups
        .iter()
        .map(|g| np_start_tok(text, toks, lower, g.first().tok, g.first().verb))
        .collect();
    let n = groups.len();
    for i in 0..n {
        let lo = if i == 0 {
            start
        } else {
            toks[nps[i]].span.start
        };
        let hi = if i + 1 < n {
            toks[nps[i + 1]].span.start
        } else {
            end
        };
        groups[i].stretch = lo..hi.max(lo);
    }
    for i in 0..n {
        let lo = groups[i].stretch.start;
        // A clause opener may stand between the group before and this one.
        let search_from = if i == 0 {
            start
        } else {
            groups[i - 1].last().span.end
        };
        if let Some(r) = reference_word(lower, nps[i]) {
            let from = toks[r].span.start;
            let to = phrase_end(text, groups[i].last().span.end, groups[i].stretch.end);
            groups[i].reference = true;
            groups[i].timeless = lower[r] == "from";
            groups[i].stretch = from.max(lo.min(from))..to.max(from);
            if i > 0 {
                groups[i - 1].stretch.end = groups[i - 1].stretch.end.min(from);
            }
        } else if let Some(c) = clause_opener(text, toks, lower, nps[i], search_from) {
            let from = toks[c].span.start;
            groups[i].background = lower[c] != "where";
            if lower[c] == "where" {
                // The clause it hangs on: from the start of the group before (or of the
                // sentence) up to "where".
                let outer_start = if i == 0 {
                    lo
                } else {
                    groups[i - 1].stretch.start
                };
                groups[i].outer = Some(outer_start.min(from)..from);
            }
            groups[i].stretch.start = from;
            if i > 0 {
                groups[i - 1].stretch.end = groups[i - 1].stretch.end.min(from);
            }
        }
    }
    // Later cuts may have crossed a stretch's ends; an empty stretch holds nothing.
    for g in &mut groups {
        g.stretch.end = g.stretch.end.max(g.stretch.start);
    }
    // "told analysts on the same call that sales … had halved since … August": what is said
    // at the event does not date it.
    for (i, g) in groups.iter_mut().enumerate() {
        let np = nps[i];
        let said_at = (np.saturating_sub(5)..np).any(|j| SAY_VERBS.contains(&lower[j].as_ref()));
        if !said_at {
            continue;
        }
        let after = g.last().tok + 1;
        if let Some(j) = (after..toks.len()).find(|&j| lower[j] == "that") {
            g.stretch.end = g.stretch.end.min(toks[j].span.start).max(g.stretch.start);
        }
    }
    // ", but officials in Helsinki have since played down the idea": a clause of its own.
    for g in &mut groups {
        let from = g.last().span.end.min(g.stretch.end).max(g.stretch.start);
        let rest = &text[from..g.stretch.end];
        // " as US president Donald Trump threatens levies": "as" opening a clause.
        let as_clause = rest.match_indices(" as ").find_map(|(i, _)| {
            let before = rest[..i].trim_end();
            let next = rest[i + 4..].split_whitespace().next().unwrap_or("");
            let opens = next.chars().next().is_some_and(char::is_uppercase)
                || matches!(next, "the" | "a" | "an" | "his" | "her" | "their" | "its");
            let fixed =
                before.ends_with("such") || before.ends_with("same") || before.ends_with("well");
            (opens && !fixed).then_some(i)
        });
        let cut = [
            ", but ",
            ", while ",
            ", though ",
            ", although ",
            "; ",
            ", as ",
            ", after ",
            ", before ",
            " if ",
            " unless ",
        ]
        .iter()
        .filter_map(|c| rest.find(c))
        .chain(as_clause)
        .chain(gerund_clause(rest))
        .min();
        if let Some(c) = cut {
            g.stretch.end = from + c;
            g.clause_end = from + c;
        }
    }
    // "will leave … on Thursday and sit down with Rourke", "would meet … and hold a joint news
    // conference": the same subject, and failing their own, the same day and place.
    for i in 1..n {
        if groups[i].reference {
            continue;
        }
        let np = nps[i];
        let back = &lower[np.saturating_sub(3)..np];
        // "met … before holding a joint press conference": a gerund after "before" or
        // "after" has the subject, and failing its own, the day and place of the verb before.
        let gerund_after = back.windows(2).any(|w| {
            matches!(w[0].as_ref(), "before" | "after") && w[1].len() > 4 && w[1].ends_with("ing")
        });
        let and = gerund_after || back.iter().any(|w| matches!(w.as_ref(), "and" | "then"));
        if gerund_after {
            groups[i].background = false;
        }
        let from = groups[0].last().tok.min(np);
        let said = lower[from..np]
            .iter()
            .any(|w| SAY_VERBS.contains(&w.as_ref()));
        groups[i].conjoined = and && !said;
    }
    groups
}

/// Where " before returning" or " after flying" opens a clause of its own in `rest`: the day
/// someone goes home ("travel to Yokosuka on Friday … before returning to Manila on Saturday")
/// is not the day of the happening before it.
fn gerund_clause(rest: &str) -> Option<usize> {
    [" before ", " after "]
        .iter()
        .flat_map(|c| rest.match_indices(c))
        .filter(|&(i, c)| {
            rest[i + c.len()..]
                .split_whitespace()
                .next()
                .is_some_and(|w| w.len() > 4 && w.ends_with("ing"))
        })
        .map(|(i, _)| i)
        .min()
}

/// What the person at byte `pos` does in the sentence: reports it, speaks at one of its
/// events, or neither.
fn speaker_role(
    text: &str,
    toks: &[Token<'_>],
    lower: &[Lowered<'_>],
    triggers: &[Trigger],
    people: &People,
    s: &Sentence,
    pos: usize,
) -> Role {
    let Some(k) = toks.iter().position(|t| t.span.end > pos) else {
        return Role::Plain;
    };
    let end = people
        .mention_at(pos)
        .map_or(toks[k].span.end, |m| m.span.end.max(toks[k].span.end));
    let Some(mut j) = toks.iter().position(|t| t.span.start >= end) else {
        return Role::Plain;
    };
    // The speech verb the person is the subject of: right after the name, after an
    // appositive set off by commas, or after an "of" phrase ("Tan Wei Ling of the National
    // University of Singapore said").
    let of_phrase = lower[j] == "of";
    let mut commas = 0;
    let mut verb = None;
    let mut steps = 0;
    while j < toks.len() && steps < 11 {
        if j > 0 {
            let gap = &text[toks[j - 1].span.end..toks[j].span.start];
            if gap.contains(['.', ';', '\u{201C}', '\u{201D}', '"', '(']) {
                break;
            }
            if gap.contains(',') {
                commas += 1;
            }
        }
        if SAY_VERBS.contains(&lower[j].as_ref()) {
            // After an appositive the verb follows its closing comma ("Arianna Podestà,
            // said"); ", the foreign ministry said" has a subject of its own.
            let closed = text[toks[j - 1].span.end..toks[j].span.start].contains(',');
            if commas == 0 || closed {
                verb = Some(j);
            }
            break;
        }
        if triggers.iter().any(|t| t.tok == j) || commas > 2 {
            break;
        }
        if commas == 0 && steps >= 2 && !of_phrase {
            break;
        }
        steps += 1;
        j += 1;
    }
    let Some(v) = verb else {
        return Role::Plain;
    };
    if let Some(t) = triggers.iter().find(|t| t.tok > v) {
        let between = &lower[v + 1..t.tok];
        let clause_word = |w: &Lowered<'_>| {
            matches!(
                w.as_ref(),
                "that" | "he" | "she" | "they" | "it" | "we" | "i" | "his" | "her"
            )
        };
        // "told a press briefing", "told the meeting"
        let told = matches!(lower[v].as_ref(), "told" | "tells" | "telling")
            && between.len() <= 3
            && between
                .first()
                .is_some_and(|w| matches!(w.as_ref(), "a" | "an" | "the"));
        // "said at a news conference", "told analysts on the same call"
        let at = between.len() <= 5
            && between
                .iter()
                .take(3)
                .any(|w| matches!(w.as_ref(), "at" | "on" | "during" | "in"))
            && !between.iter().any(clause_word);
        if told || at {
            return Role::SpeaksAt(t.tok);
        }
        // "said she had spoken with Marsh", "said his panel would hold a hearing"
        let about_self = between
            .first()
            .is_some_and(|w| matches!(w.as_ref(), "he" | "she" | "his" | "her"))
            || between.first().is_some_and(|w| w == "that")
                && between
                    .get(1)
                    .is_some_and(|w| matches!(w.as_ref(), "he" | "she" | "his" | "her"));
        if about_self {
            return Role::Plain;
        }
        let clause = between.iter().any(|w| {
            matches!(
                w.as_ref(),
                "that" | "the" | "he" | "she" | "they" | "it" | "we" | "i"
            )
        }) || toks[v + 1..t.tok].iter().any(Token::is_capitalised);
        return if clause { Role::Reporter } else { Role::Plain };
    }
    // Nothing told after the verb: a trailing attribution ("…, her spokesperson, Arianna
    // Podestà, said"), unless the sentence opens with the occasion the subject speaks at
    // ("Speaking at a business event in Leeds yesterday, Reeves said …").
    let fronted = lower.first().is_some_and(|w| {
        matches!(
            w.as_ref(),
            "speaking" | "at" | "during" | "opening" | "addressing" | "in"
        )
    }) && {
        let first_comma = text[s.span.start..pos].find(',');
        first_comma.is_some_and(|c| !text[s.span.start + c + 1..pos].contains(','))
    };
    if fronted { Role::Plain } else { Role::Reporter }
}

/// The group whose verb the person at byte `pos` is the subject of: "the two leaders would
/// meet", "the president had spent the morning on the phone".
fn subject_of(
    text: &str,
    toks: &[Token<'_>],
    lower: &[Lowered<'_>],
    groups: &[Group<'_>],
    pos: usize,
) -> Option<usize> {
    let k = toks.iter().position(|t| t.span.end > pos)?;
    // An object is no subject: "met President Tharman at 10am and laid a wreath".
    if let Some(prev) = k.checked_sub(1) {
        let w = lower[prev].as_ref();
        let verb_before = groups
            .iter()
            .any(|g| g.triggers.iter().any(|t| t.verb && t.tok == prev));
        if verb_before
            || matches!(
                w,
                "with" | "by" | "to" | "for" | "on" | "of" | "at" | "in" | "from" | "met" | "meet"
            )
        {
            return None;
        }
    }
    // "Zhao, who arrived in Tokyo on Tuesday for a visit, …, held talks": the subject's verb
    // resumes after the relative clause and any asides that follow it.
    let from = resumed_after_relative(text, toks, lower, groups, k).unwrap_or(k + 1);
    for j in from..toks.len().min(from + 8) {
        let gap = &text[toks[j - 1].span.end..toks[j].span.start];
        // The comma that closes the relative clause is no boundary.
        let resumed = j == from && from != k + 1;
        if !resumed && gap.contains([',', ';', '.', '(', '\u{201C}', '"']) {
            return None;
        }
        if SAY_VERBS.contains(&lower[j].as_ref())
            || matches!(
                lower[j].as_ref(),
                "that"
                    | "who"
                    | "which"
                    | "since"
                    | "after"
                    | "before"
                    | "when"
                    | "while"
                    | "because"
                    | "if"
                    | "he"
                    | "she"
                    | "they"
                    | "it"
                    | "we"
            )
        {
            return None;
        }
        if let Some(g) = groups.iter().position(|g| {
            let first = g.first();
            let np = np_start_tok(text, toks, lower, first.tok, first.verb);
            np == j || first.tok == j
        }) {
            // Only a verb, or a noun a verb governs ("hold a news conference"), has a subject.
            let first = groups[g].first();
            let np = np_start_tok(text, toks, lower, first.tok, first.verb);
            let verbal = np == first.tok
                && matches!(
                    lower[np].as_ref(),
                    "on" | "laid" | "lay" | "give" | "gives" | "gave" | "giving"
                );
            let governed = first.verb
                || verbal
                || from != k + 1 && HOLD_VERBS.contains(&lower[from].as_ref()) && j <= from + 5
                || np > 0 && HOLD_VERBS.contains(&lower[np - 1].as_ref())
                || np > 0 && matches!(lower[np - 1].as_ref(), "on" | "at" | "to" | "for")
                || np > 1 && HOLD_VERBS.contains(&lower[np - 2].as_ref());
            return governed.then_some(g);
        }
    }
    None
}

/// Where the main clause goes on after "NAME, who …," (the name at token `k`): the first token
/// after a later comma that is a verb holding a happening or the verb of one, within the
/// sentence's next 40 words. None when no relative clause follows the name.
fn resumed_after_relative(
    text: &str,
    toks: &[Token<'_>],
    lower: &[Lowered<'_>],
    groups: &[Group<'_>],
    k: usize,
) -> Option<usize> {
    // The rest of the name: "Wu Anling, who".
    let mut last = k;
    while toks
        .get(last + 1)
        .is_some_and(|t| t.is_capitalised() && text[toks[last].span.end..t.span.start] == *" ")
    {
        last += 1;
    }
    let next = last + 1;
    if lower.get(next).is_none_or(|w| w.as_ref() != "who")
        || !text[toks[last].span.end..toks[next].span.start].contains(',')
    {
        return None;
    }
    (next + 1..toks.len().min(next + 40)).find(|&j| {
        let gap = &text[toks[j - 1].span.end..toks[j].span.start];
        gap.contains(',')
            && !toks[j].is_capitalised()
            && (HOLD_VERBS.contains(&lower[j].as_ref())
                || PAST_FORMS.contains(&lower[j].as_ref())
                || groups
                    .iter()
                    .any(|g| g.triggers.iter().any(|t| t.verb && t.tok == j)))
    })
}

/// Whether the group's noun is the object of a verb that holds it ("held talks", "will
/// stage a demonstration"), or the group is a verb.
fn held_before(text: &str, lower: &[Lowered<'_>], toks: &[Token<'_>], g: &Group<'_>) -> bool {
    let first = g.first();
    if first.verb {
        return false;
    }
    let np = np_start_tok(text, toks, lower, first.tok, false);
    (np.saturating_sub(3)..np).any(|j| HOLD_VERBS.contains(&lower[j].as_ref()))
}

/// Whether the noun trigger at tokens `k..end` names another occurrence of its kind: "the
/// next election" after "the May 3 election", "The meeting before that" after the summit of
/// 2024. "last week's talks" is a day, not another occurrence ("week's" stands between).
fn other_occurrence(lower: &[Lowered<'_>], k: usize, end: usize) -> Option<Other> {
    let before = k.checked_sub(1).map(|p| lower[p].as_ref());
    match before {
        Some("next" | "following") => return Some(Other::Later),
        Some("previous" | "last" | "prior" | "preceding") => return Some(Other::Earlier),
        _ => {}
    }
    let after = |i: usize| lower.get(end + i).map(|w| &**w);
    (matches!(after(0), Some("before" | "prior"))
        && matches!(after(1), Some("that" | "this" | "it"))
        || after(0) == Some("prior") && after(1) == Some("to") && after(2) == Some("that"))
    .then_some(Other::Earlier)
}

/// "the talks", "Friday's talks", "their meeting", "this summit": refers back.
fn is_definite(text: &str, toks: &[Token<'_>], k: usize) -> bool {
    let mut j = k;
    // Walk back over modifiers ("the first face-to-face talks").
    let mut steps = 0;
    while j > 0 && steps < 4 {
        let prev = &toks[j - 1];
        let w = lowercase(prev.text);
        if matches!(
            &*w,
            "the" | "this" | "that" | "their" | "his" | "her" | "its" | "these" | "those"
        ) {
            return true;
        }
        if prev.is_possessive() {
            return true;
        }
        if matches!(
            w.as_ref(),
            "a" | "an"
                | "another"
                | "one"
                | "any"
                | "two"
                | "three"
                | "new"
                | "subsequent"
                | "separate"
        ) {
            return false;
        }
        // A preposition or verb ends the phrase: "this weekend for talks" is not "this talks".
        if matches!(
            w.as_ref(),
            "on" | "in"
                | "at"
                | "of"
                | "for"
                | "with"
                | "to"
                | "from"
                | "by"
                | "over"
                | "into"
                | "after"
                | "before"
                | "between"
                | "against"
                | "during"
                | "and"
                | "or"
        ) || SAY_VERBS.contains(&w.as_ref())
            || HOLD_VERBS.contains(&w.as_ref())
            || VERB_CUES.contains(&w.as_ref())
        {
            return false;
        }
        let gap = &text[prev.span.end..toks[j].span.start];
        if gap.trim() != "" {
            return false;
        }
        j -= 1;
        steps += 1;
    }
    false
}

/// Whether sentence `si` is a headline: the first line of a text with more lines, with no
/// full stop at its end.
pub(crate) fn is_headline(text: &str, sentences: &[Sentence], si: usize) -> bool {
    let s = &sentences[si];
    s.paragraph == 0
        && sentences.iter().any(|o| o.paragraph > 0)
        && !text[s.span.clone()]
            .trim_end()
            .ends_with(['.', '!', '?', '\u{201D}', '"'])
}

/// The place a wire dateline names ("SEOUL, Oct. 14 (Yonhap) --", "SINGAPORE:"), where the
/// gazetteer knows it: the first sentence of the body that has a dateline.
fn dateline_place(text: &str, sentences: &[Sentence], home: Option<&str>) -> Option<Place> {
    let s = sentences
        .iter()
        .enumerate()
        .find(|&(si, _)| !is_headline(text, sentences, si))?
        .1;
    if dateline_end(text, s) == s.span.start {
        return None;
    }
    let name = leading_words(&text[s.span.clone()]).trim();
    if name.is_empty() {
        return None;
    }
    // "Tunis (AFP) -": AFP writes the town in ordinary case before the agency; then only a
    // place the gazetteer knows will do ("Oct 23 (Reuters) -" names none).
    if name.chars().any(char::is_lowercase) {
        let agency = text[s.span.start + name.len()..]
            .trim_start()
            .starts_with('(');
        return agency
            .then(|| place_named(name, home))
            .flatten()
            .map(|(p, _)| p);
    }
    let town = title_case(name);
    // "EVANSTON, Ill. —": AP style names the state after the town.
    let after = text[s.span.start + name.len()..].trim_start_matches([',', ' ']);
    let state = lexicon::AP_STATES
        .iter()
        .find(|(abbr, _)| after.starts_with(abbr))
        .and_then(|(_, state)| gazetteer::region(state));
    if let Some(state) = state {
        let country = gazetteer::country_by_code(state.country).map(|c| c.name.to_string());
        // The town's own zone where the gazetteer has that town in that state (a state can
        // span two zones), else the state's.
        let zone = gazetteer::city(&town)
            .filter(|c| c.region == Some(state.name))
            .map_or(state.time_zone, |c| c.time_zone);
        return Some(Place {
            name: town.clone(),
            city: Some(town),
            region: Some(state.name.to_string()),
            country,
            time_zone: Some(zone.to_string()),
            from_dateline: false,
        });
    }
    if let Some((p, _)) = place_named(name, home) {
        return Some(p);
    }
    // "CEDAR RIDGE — … the Cedar Ridge City Council": a town the gazetteer lacks is still a
    // town when the story names it in ordinary case as well.
    text.contains(&town).then(|| Place {
        name: town.clone(),
        city: Some(town),
        region: None,
        country: None,
        time_zone: None,
        from_dateline: false,
    })
}

/// "CEDAR RIDGE" → "Cedar Ridge".
fn title_case(caps: &str) -> String {
    caps.split_whitespace()
        .map(|w| {
            let mut cs = w.chars();
            cs.next().map_or_else(String::new, |c| {
                c.to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect()
            })
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The letters and spaces a sentence opens with: a dateline's place, when it has one
/// ("SEOUL" of "SEOUL, Oct. 14 (Yonhap) --").
fn leading_words(body: &str) -> &str {
    let end = body
        .char_indices()
        .find(|&(_, c)| !(c.is_alphabetic() || c == ' '))
        .map_or(body.len(), |(i, _)| i);
    &body[..end]
}

/// The end of a wire dateline at the start of a sentence ("SEOUL, Oct. 14 (Yonhap) --",
/// "BRUSSELS —"): its date is the filing date, not an event's.
fn dateline_end(text: &str, s: &Sentence) -> usize {
    let body = &text[s.span.clone()];
    let caps = leading_words(body)
        .split_whitespace()
        .next()
        .is_some_and(|w| w.len() >= 3 && w.chars().all(|c| c.is_uppercase()));
    if !caps {
        // "Oct 23 (Reuters) - …": a dated wire line with the agency in brackets.
        for dash in [") - ", ") -- ", ") \u{2014} ", ") \u{2013} "] {
            if let Some(p) = find_before(body, dash, 40) {
                return s.span.start + p + dash.len();
            }
        }
        return s.span.start;
    }
    for dash in [" -- ", " \u{2014} ", " \u{2013} ", " - ", ": "] {
        if let Some(p) = find_before(body, dash, 80) {
            return s.span.start + p + dash.len();
        }
    }
    s.span.start
}

/// Where `pattern` first occurs in `body`, if that is before byte `limit`: `body.find` with
/// `p < limit`, searching only the start of `body` (a dateline is asked of every sentence).
fn find_before(body: &str, pattern: &str, limit: usize) -> Option<usize> {
    // The window holds every occurrence that starts before `limit`, so its first one is
    // `body`'s first when that is before `limit`.
    let mut end = (limit + pattern.len()).min(body.len());
    while !body.is_char_boundary(end) {
        end += 1;
    }
    let window = &body[..end];
    // Most windows hold no ")" that the wire-line patterns start with: one byte scan answers
    // them without setting up a substring search.
    if let Some(first) = pattern.as_bytes().first()
        && !window.as_bytes().contains(first)
    {
        return None;
    }
    window.find(pattern).filter(|&p| p < limit)
}

/// Group participants: "European leaders", "Russian and American delegations", "both delegations".
fn sentence_groups(text: &str, toks: &[Token<'_>]) -> Vec<String> {
    let mut out = Vec::new();
    for (k, t) in toks.iter().enumerate() {
        if !GROUP_NOUNS.contains(&t.text) || k == 0 {
            continue;
        }
        let mut j = k;
        while j > 0 {
            let p = &toks[j - 1];
            let ok = p.is_capitalised() && !matches!(p.text, "The" | "A" | "An" | "It")
                || matches!(p.text, "and" | "both" | "all") && j < k;
            if !ok {
                break;
            }
            j -= 1;
        }
        // "and" cannot start a group.
        while j < k && toks[j].text == "and" {
            j += 1;
        }
        if j < k {
            let mut phrase = text[toks[j].span.start..t.span.end].to_string();
            if let Some(rest) = phrase.strip_prefix("Both ") {
                phrase = format!("both {rest}");
            }
            if !out.contains(&phrase) {
                out.push(phrase);
            }
        }
    }
    out
}

/// Groups attached to a programme part: "a bilateral lunch with both delegations".
fn part_groups(text: &str, toks: &[Token<'_>], t: &Trigger) -> Vec<String> {
    let after: Vec<&Token<'_>> = toks.iter().skip(t.tok + 1).take(4).collect();
    if after.first().is_some_and(|w| w.text == "with")
        && let Some(g) = after.iter().position(|w| GROUP_NOUNS.contains(&w.text))
    {
        let start = after[1].span.start;
        return vec![text[start..after[g].span.end].to_string()];
    }
    Vec::new()
}

/// The most specific place the words name with "in" or "at" (or "to" and "for" after a
/// journey), looked up in the gazetteer: (place, rank) with rank 3 for a venue or city, 2 a
/// region or a town the gazetteer does not know, 1 a country. Words inside quotation marks,
/// and a person's affiliation ("a researcher at the University of Nairobi"), place nothing.
fn sentence_place(
    text: &str,
    toks: &[Token<'_>],
    triggers: &[Trigger],
    quotes: &Quotes,
    people: &People,
    home: Option<&str>,
) -> Option<(Place, u8)> {
    let moving = triggers
        .iter()
        .any(|x| matches!(x.kind, "visit" | "arrival"));
    let marching = triggers.iter().any(|x| x.kind == "protest");
    let mut best: Option<(Place, u8)> = None;
    // A venue ("at Leinster House") and a city ("in Dublin") in one sentence make one place.
    let mut venue: Option<Place> = None;
    for (k, t) in toks.iter().enumerate() {
        if quotes.contains(t.span.start) {
            continue;
        }
        // The word in lower case, as far as the tests below need it: each word they ask about
        // is lower-case ASCII of at most ten letters, and only an ASCII word lowers to one, so
        // anything else is read as "" (no allocation per token).
        let mut buf = [0u8; 10];
        let lw: &str = match t.text.as_bytes() {
            b if b.len() <= buf.len() && b.is_ascii() => {
                let out = &mut buf[..b.len()];
                out.copy_from_slice(b);
                out.make_ascii_lowercase();
                std::str::from_utf8(out).unwrap_or("")
            }
            _ => "",
        };
        let at = matches!(lw, "at" | "outside" | "inside");
        // "to" and "for" name a destination only right after the journey: "travel to
        // Brussels", "leave for Kuala Lumpur", "a state visit to Germany" (not "speaking to
        // CNA"). (Asked only of those words.)
        let after_journey = || {
            triggers.iter().any(|x| {
                matches!(x.kind, "visit" | "arrival")
                    && (x.span.start == t.span.start
                        || x.span.end <= t.span.start
                            && toks[k.saturating_sub(3)..k]
                                .iter()
                                .any(|w| w.span.start >= x.span.start))
            })
        };
        let allowed = at
            || lw == "in"
            || lw == "across"
            || lw == "throughout"
            || marching && lw == "through"
            || moving
                && matches!(
                    lw,
                    "to" | "visit" | "visiting" | "visited" | "visits" | "for"
                )
                && after_journey();
        if !allowed || affiliation(text, toks, k) {
            continue;
        }
        // "at No 10", "in Anchorage", "at a Cold War-era air force base in Alaska".
        let mut j = k + 1;
        let the = toks.get(j).is_some_and(|w| w.text == "the");
        if the {
            j += 1;
        }
        // "in central London", "across northern England": a part of the place.
        if toks.get(j).is_some_and(|w| {
            matches!(
                w.text,
                "central"
                    | "north"
                    | "south"
                    | "east"
                    | "west"
                    | "northern"
                    | "southern"
                    | "eastern"
                    | "western"
                    | "downtown"
                    | "rural"
                    | "coastal"
                    | "greater"
                    | "inner"
                    | "outer"
            )
        }) && toks.get(j + 1).is_some_and(Token::is_capitalised)
        {
            j += 1;
        }
        let Some(first) = toks.get(j) else { continue };
        if !first.is_capitalised() || people.mention_at(first.span.start).is_some() {
            continue;
        }
        let mut end = j;
        // "the Lorraine H. Morton Civic Center": an initial and its dot stay in the name.
        let initial =
            |t: &Token<'_>| t.text.len() == 1 && t.text.chars().all(|c| c.is_ascii_uppercase());
        while end + 1 < toks.len()
            && (toks[end + 1].is_capitalised()
                || toks[end + 1].text.chars().all(|c| c.is_ascii_digit()))
            && (text[toks[end].span.end..toks[end + 1].span.start] == *" "
                || initial(&toks[end])
                    && text[toks[end].span.end..toks[end + 1].span.start] == *". ")
            // A possessive ends the name, unless a building follows ("Prime Minister's Office").
            && (!toks[end].is_possessive() || VENUE_WORDS.contains(&toks[end + 1].text))
        {
            end += 1;
        }
        // "the Department of Health and Social Care", "the Palace of Westminster": an
        // institution's name runs on through "of" and its joined capitalised words.
        if INSTITUTION_HEADS.contains(&toks[end].text)
            && toks.get(end + 1).is_some_and(|w| w.text == "of")
        {
            let spaced = |a: usize| {
                toks.get(a + 1)
                    .is_some_and(|b| text[toks[a].span.end..b.span.start] == *" ")
            };
            let mut e = end;
            while spaced(e) {
                let next = &toks[e + 1];
                let connector = matches!(next.text, "of" | "and" | "for" | "the");
                if next.is_capitalised() {
                    e += 1;
                    end = e;
                    if next.is_possessive() {
                        break;
                    }
                } else if connector && e + 2 < toks.len() && (e + 1 - end) < 2 {
                    e += 1;
                } else {
                    break;
                }
            }
        }
        let mut name = strip_possessive(&text[first.span.start..toks[end].span.end]).to_string();
        // "at the British embassy", "at Coimbatore airport", "in the Harlan Springs gym": a
        // building named by a common noun after the name.
        let common = toks.get(end + 1).filter(|w| {
            VENUE_NOUNS.contains(&w.text) && text[toks[end].span.end..w.span.start] == *" "
        });
        if let Some(w) = common
            && place_named(&name, home).is_none_or(|(_, rank)| rank < 3)
            && !toks[end].is_possessive()
        {
            let demonym = gazetteer::demonym(&name).is_some();
            // Airports are named after districts and people ("Haneda airport", "Orly
            // airport"), not the towns they serve, unless the name is a known city.
            let airport = w.text.eq_ignore_ascii_case("airport");
            let town = (!demonym && !airport && !lexicon::ORG_WORDS.contains(&name.as_str()))
                .then(|| name.clone());
            let known = place_named(&name, home);
            let mut v = Place {
                name: format!("{name} {}", w.text),
                city: town,
                region: None,
                country: None,
                time_zone: None,
                from_dateline: false,
            };
            if let Some((p, _)) = known {
                v.city.clone_from(&p.city);
                v.region.clone_from(&p.region);
                v.country.clone_from(&p.country);
                v.time_zone.clone_from(&p.time_zone);
            }
            if venue.is_none() {
                venue = Some(v);
            }
            continue;
        }
        name = name.trim().to_string();
        // "at the Asean summit": the name of the event, not of a place.
        let names_event = toks.get(end + 1).is_some_and(|w| {
            triggers
                .iter()
                .any(|x| x.span.start == w.span.start && !x.verb)
        });
        // "in the Tunisian capital", "the Thai capital": the country's capital city.
        if the
            && toks.get(end + 1).is_some_and(|w| w.text == "capital")
            && let Some(country) = gazetteer::demonym(&name).or_else(|| gazetteer::country(&name))
            && let Some(capital) = gazetteer::capital_of(country.code)
            && let Some(found) = place_named(capital.name, home)
        {
            if best.as_ref().is_none_or(|(_, r)| found.1 > *r) {
                best = Some(found);
            }
            continue;
        }
        let found = place_named(&name, home).or_else(|| {
            // "Exeter City": the longest known start, unless the rest names a building
            // ("Lancaster House" is not in Lancaster) or "the" makes it an institution ("the
            // Shangri-La Dialogue").
            let words: Vec<&str> = name.split(' ').collect();
            if the || words.iter().any(|w| VENUE_WORDS.contains(w)) {
                return None;
            }
            (1..words.len())
                .rev()
                .find_map(|n| place_named(&words[..n].join(" "), home))
        });
        if let Some(found) = found {
            if best.as_ref().is_none_or(|(_, r)| found.1 > *r) {
                best = Some(found);
            }
            continue;
        }
        if names_event {
            continue;
        }
        // A named building or site after "at": "at Leinster House", "at the Old Bailey",
        // "at Incheon International Airport". Not a weekday, a month or a person.
        let words: Vec<&str> = name.split(' ').collect();
        let building = words
            .iter()
            .any(|w| lexicon::ORG_WORDS.contains(w) || VENUE_WORDS.contains(w));
        let plain = words.iter().all(|w| {
            !lexicon::NOT_NAME_WORDS.contains(w)
                || VENUE_WORDS.contains(w)
                || lexicon::ORG_WORDS.contains(w)
        });
        if (at || lw == "in" && building)
            && (plain || building)
            && (building || the || words.len() >= 2)
            && venue.is_none()
        {
            venue = Some(town_hall(name));
            continue;
        }
        // "in Hemet", "in Kananaskis, Alta.": a town too small for the gazetteer.
        let town = !at
            && !the
            && plain
            && !building
            && words.len() <= 3
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase) && w.len() > 2)
            && gazetteer::demonym(words[0]).is_none();
        if town && best.as_ref().is_none_or(|(_, r)| *r < 2) {
            best = Some((
                Place {
                    name: name.clone(),
                    city: Some(name),
                    region: None,
                    country: None,
                    time_zone: None,
                    from_dateline: false,
                },
                2,
            ));
        }
    }
    match (venue, best) {
        (Some(mut v), Some((p, rank))) if rank >= 2 => {
            v.city = p.city.clone();
            v.region = p.region.clone();
            v.country = p.country.clone();
            v.time_zone = p.time_zone.clone();
            Some((v, 4))
        }
        (Some(v), None) => Some((v, 3)),
        (Some(_), best) | (None, best) => best,
    }
}

/// A venue named for its town ("Ashworth Town Hall") knows its town.
fn town_hall(name: String) -> Place {
    let city = ["Town Hall", "City Hall", "Civic Centre", "Civic Center"]
        .iter()
        .find_map(|h| name.strip_suffix(h))
        .map(str::trim_end)
        .filter(|c| !c.is_empty() && c.chars().next().is_some_and(char::is_uppercase))
        .map(str::to_string);
    Place {
        name,
        city,
        region: None,
        country: None,
        time_zone: None,
        from_dateline: false,
    }
}

/// Whether the preposition at token `k` is inside an appositive that describes a person by
/// their work: ", a researcher at the University of Nairobi,", ", an economist at …".
fn affiliation(text: &str, toks: &[Token<'_>], k: usize) -> bool {
    // "members at Network Rail", "an economist at the ESRI": where people work.
    if k > 0 && WORKER_NOUNS.contains(&toks[k - 1].text) {
        return true;
    }
    // "covered trade and the war in Ukraine": the place of a topic, not of the happening.
    if k > 0 && TOPIC_NOUNS.contains(&&*lowercase(toks[k - 1].text)) {
        return true;
    }
    let mut j = k;
    for _ in 0..5 {
        if j == 0 {
            return false;
        }
        let gap = &text[toks[j - 1].span.end..toks[j].span.start];
        if gap.contains(',') {
            return matches!(toks[j].text, "a" | "an");
        }
        j -= 1;
    }
    false
}

/// Nouns whose "in X" names what is talked about, not where: "the war in Ukraine", "the
/// crisis in Sudan", "investment in Africa".
const TOPIC_NOUNS: &[&str] = &[
    "war",
    "wars",
    "conflict",
    "conflicts",
    "crisis",
    "fighting",
    "violence",
    "situation",
    "unrest",
    "tensions",
    "ceasefire",
    "invasion",
    "occupation",
    "famine",
    "drought",
    "genocide",
    "atrocities",
    "investment",
    "investments",
    "interests",
    "stake",
    "stakes",
    "presence",
    "democracy",
    "rights",
    "reconstruction",
];

/// People named by where they work: "members at Network Rail", "a researcher at …".
const WORKER_NOUNS: &[&str] = &[
    "members",
    "member",
    "workers",
    "staff",
    "employees",
    "researcher",
    "researchers",
    "economist",
    "economists",
    "professor",
    "analyst",
    "analysts",
    "official",
    "officials",
    "students",
    "student",
    "teachers",
    "nurses",
    "scientist",
    "scientists",
    "director",
    "lecturer",
    "fellow",
    "chief",
    "executive",
    "executives",
    "lawyer",
    "engineer",
];

/// Common nouns that make the name before them a building or site: "Coimbatore airport".
const VENUE_NOUNS: &[&str] = &[
    "embassy",
    "airport",
    "stadium",
    "hotel",
    "hall",
    "grounds",
    "gym",
    "centre",
    "center",
    "base",
    "station",
    "museum",
    "library",
    "cathedral",
    "palace",
    "office",
    "offices",
    "headquarters",
    "arena",
    "theatre",
    "theater",
    "square",
    "park",
    "building",
    "court",
];

/// Words that make a capitalised phrase a building or site.
const VENUE_WORDS: &[&str] = &[
    "House",
    "Hall",
    "Palace",
    "Airport",
    "Base",
    "Centre",
    "Center",
    "Building",
    "Court",
    "Bailey",
    "Memorial",
    "Stadium",
    "Arena",
    "Hotel",
    "Castle",
    "Cathedral",
    "Square",
    "Park",
    "Parliament",
    "Chamber",
    "Embassy",
    "Office",
    "Pentagon",
    "Capitol",
    "Kremlin",
    "Station",
    "Hospital",
    "University",
    "Museum",
    "Library",
    "Gardens",
    "Club",
    "Theatre",
    "Theater",
    "Tower",
];

/// A place from its name: a venue that stands for a city, a city, a region, or a country.
fn place_named(name: &str, home: Option<&str>) -> Option<(Place, u8)> {
    if let Some((venue, city)) = VENUES
        .iter()
        .find(|(v, _)| name == *v || name.strip_prefix("the ") == Some(*v))
    {
        let c = gazetteer::city(city);
        return Some((
            Place {
                name: (*venue).to_string(),
                city: Some((*city).to_string()),
                region: c.as_ref().and_then(|c| c.region.map(str::to_string)),
                country: c
                    .as_ref()
                    .and_then(|c| gazetteer::country_by_code(c.country))
                    .map(|c| c.name.to_string()),
                time_zone: c.map(|c| c.time_zone.to_string()),
                from_dateline: false,
            },
            3,
        ));
    }
    match gazetteer::place_in(name, home)? {
        PlaceKind::City(c) => Some((
            Place {
                name: c.name.to_string(),
                city: Some(c.name.to_string()),
                region: c.region.map(str::to_string),
                country: gazetteer::country_by_code(c.country).map(|k| k.name.to_string()),
                time_zone: Some(c.time_zone.to_string()),
                from_dateline: false,
            },
            3,
        )),
        PlaceKind::Region(r) => Some((
            Place {
                name: r.name.to_string(),
                city: None,
                region: Some(r.name.to_string()),
                country: gazetteer::country_by_code(r.country).map(|k| k.name.to_string()),
                time_zone: Some(r.time_zone.to_string()),
                from_dateline: false,
            },
            2,
        )),
        PlaceKind::Country(c) => Some((
            Place {
                name: c.name.to_string(),
                city: None,
                region: None,
                country: Some(c.name.to_string()),
                time_zone: Some(c.time_zone.to_string()),
                from_dateline: false,
            },
            1,
        )),
    }
}

/// The mention's day when the text gives it (not inferred from the publication date).
fn explicit_day(t: &TimeMention) -> Option<jiff::civil::Date> {
    t.date
        .filter(|_| !t.point.inferred.iter().any(|x| x == "date"))
}

/// The time mention nearest to the trigger (within `range` when given), preferring one with a day.
fn nearest_time<'a>(
    times: &'a [TimeMention],
    pos: usize,
    range: Option<&Range<usize>>,
) -> Option<&'a TimeMention> {
    times
        .iter()
        .filter(|t| range.is_none_or(|r| r.contains(&t.start)))
        .filter(|t| explicit_day(t).is_some() || t.clock.is_none())
        .min_by_key(|t| (explicit_day(t).is_none(), t.start.abs_diff(pos)))
}

/// Past, scheduled or hypothetical, from the modality and tense around the trigger and the date.
fn status_at(
    text: &str,
    span: Range<usize>,
    toks: &[Token<'_>],
    t: &Trigger,
    time: Option<&TimeMention>,
    published: jiff::civil::Date,
) -> EventStatus {
    // A condition or modal before the trigger in its sentence ("if", "could"), or a modal verb
    // that the trigger's phrase governs ("a three-way summit … would be"), skipping asides set
    // off by dashes.
    let before = &toks[..t.tok];
    // "said he would hold a hearing" is a plan reported, not a hypothesis.
    // So is "said the Liberal party room would meet again": the reporting verb may stand a
    // subject or a quoted phrase away, as long as no condition comes between.
    let reported_would = |idx: usize| {
        toks[..idx]
            .iter()
            .rev()
            .take(16)
            .map(|w| lowercase(w.text))
            .take_while(|w| !matches!(&**w, "if" | "unless" | "whether"))
            .any(|w| lexicon::REPORTING_VERBS.contains(&&*w))
    };
    let modal_before = before.iter().enumerate().rev().take(10).any(|(idx, w)| {
        let lw = lowercase(w.text);
        lexicon::MODAL_HYPOTHETICAL.contains(&&*lw)
            && !(lw == "would" && reported_would(idx))
            // "since May 2024": the month, not the modal.
            && !(w.text == "May" && idx > 0)
    });
    let mut modal_after = false;
    let mut in_aside = false;
    let mut prev_end = t.span.end;
    for w in toks[t.tok + 1..]
        .iter()
        .filter(|w| w.span.start >= t.span.end)
        .take(20)
    {
        let gap = &text[prev_end..w.span.start];
        if gap.contains('\u{2013}') || gap.contains('\u{2014}') || gap.contains(" - ") {
            in_aside = !in_aside;
        }
        prev_end = w.span.end;
        if in_aside {
            continue;
        }
        if matches!(w.text, "would" | "could" | "might") {
            modal_after = true;
            break;
        }
        // "told a Cabinet meeting … that the government would not": another clause's modal.
        if matches!(w.text, "that" | "if" | "which" | "who" | "where" | "when") {
            break;
        }
        if gap.contains(',') || gap.contains(';') {
            break;
        }
    }
    let indefinite = !t.definite && !t.verb;
    if modal_before || modal_after && indefinite {
        return EventStatus::Hypothetical;
    }
    // "is expected to meet Dong Jun, if Beijing sends him": a condition after the trigger in
    // its sentence ("as if" and "even if" are no conditions).
    let after = &toks[(t.tok + 1).min(toks.len())..];
    let condition_after = after.iter().take(16).enumerate().any(|(k, w)| {
        w.text == "if"
            && !(k > 0 && matches!(after[k - 1].text, "as" | "even" | "asked" | "whether"))
    });
    if let Some(day) = time.and_then(explicit_day)
        && day < published
    {
        return EventStatus::Past;
    }
    if condition_after {
        return EventStatus::Hypothetical;
    }
    if let Some(day) = time.and_then(explicit_day)
        && day > published
    {
        return EventStatus::Scheduled;
    }
    // "expected a vote … as early as next week", "in January": a week, month or year that
    // starts after publication is still to come, whatever the tense of the verb reporting it.
    if time.is_some_and(|t| starts_after(&t.point, published)) {
        return EventStatus::Scheduled;
    }
    // "The cabinet voted seven to two to approve the proposals, which will also see …": a verb
    // in its past form tells its own tense, whatever another clause of the sentence says. Not
    // after "be" ("will be hosted") or "to" ("to be met").
    let past_form = t.verb
        && PAST_FORMS.contains(&&*lowercase(toks[t.tok].text))
        && !t.tok.checked_sub(1).is_some_and(|p| {
            matches!(
                &*lowercase(toks[p].text),
                "be" | "to" | "being" | "will" | "would"
            )
        });
    if past_form {
        return EventStatus::Past;
    }
    match time::tense_at(text, span, t.span.start) {
        Tense::Past => EventStatus::Past,
        Tense::Future => EventStatus::Scheduled,
        Tense::Present => {
            if t.verb {
                EventStatus::Past
            } else {
                EventStatus::Scheduled
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::people::find_people;
    use crate::extract::sentences::split_sentences;

    #[test]
    fn shortcuts_answer_as_the_lowered_text_and_find_do() {
        for s in [
            "since",
            "Ever SINCE",
            "sİnce",
            "since May",
            "İnce",
            "ince",
            "",
            "Sincere",
            "é since",
        ] {
            let lower = s.to_lowercase();
            assert_eq!(ends_with_since(s), lower.ends_with("since"), "{s}");
            assert_eq!(starts_with_since(s), lower.starts_with("since"), "{s}");
        }
        let body = "LONDON — Ministers met (Reuters) - on Friday — in Paris: a long day, ünder";
        for pattern in [" — ", ") - ", ": ", "ü", "Paris", "absent"] {
            for limit in [0, 5, 7, 20, 40, 80, 200] {
                let expected = body.find(pattern).filter(|&p| p < limit);
                assert_eq!(
                    find_before(body, pattern, limit),
                    expected,
                    "{pattern} {limit}"
                );
            }
        }
    }

    fn events(text: &str, published: jiff::civil::Date) -> (People, Vec<EventDraft>) {
        let s = split_sentences(text);
        let p = find_people(text, &s);
        let ctx = TimeContext {
            published,
            default_zone: "Europe/London",
            place_zone: None,
            anchor: None,
        };
        let e = find_events(text, &s, &p, &[], &ctx);
        (p, e)
    }

    #[test]
    fn mentions_merge_into_one_event() {
        let text = "Mr John Smith and Ms Jane Doe will hold a summit in Paris on Friday. The talks will start at 10am local time.";
        let (p, e) = events(text, jiff::civil::date(2025, 8, 13));
        assert_eq!(e.len(), 1, "{e:#?}");
        assert_eq!(e[0].participants.len(), 2);
        assert_eq!(p.persons.len(), 2);
        assert_eq!(e[0].place.as_ref().map(|p| p.name.as_str()), Some("Paris"));
        assert_eq!(e[0].status, EventStatus::Scheduled);
        assert_eq!(
            e[0].start.as_ref().map(|s| s.value.as_str()),
            Some("2025-08-15T10:00:00+02:00")
        );
    }

    #[test]
    fn an_averted_strike_takes_no_date_and_a_session_is_the_meeting_told() {
        let text = "Talks aimed at averting a fresh rail strike will resume next Tuesday. Mr \
                    John Smith and Ms Jane Doe met at the Acas offices in central London on \
                    Wednesday. The session began at 10am. Ms Doe, who also attended \
                    Wednesday’s meeting, said little.";
        let (p, e) = events(text, jiff::civil::date(2026, 3, 5));
        assert!(of_kind(&e, "strike").is_empty(), "{e:#?}");
        let talks = of_kind(&e, "talks");
        assert_eq!(talks.len(), 1, "{e:#?}");
        assert_eq!(start(talks[0]), Some("2026-03-10"));
        let met: Vec<&EventDraft> = e.iter().filter(|d| d.status == EventStatus::Past).collect();
        assert_eq!(met.len(), 1, "{e:#?}");
        assert_eq!(names(&p, met[0]), ["Jane Doe", "John Smith"]);
        let place = met[0].place.as_ref().expect("a place");
        assert_eq!(place.city.as_deref(), Some("London"));
        assert_eq!(
            met[0].start.as_ref().map(|s| s.value.as_str()),
            Some("2026-03-04T10:00:00+00:00")
        );
    }

    #[test]
    fn an_ambiguous_town_is_the_newsroom_country_s() {
        // The test newsroom is in Europe/London.
        let text = "Mr John Smith will visit Lincoln on Tuesday.";
        let (_, e) = events(text, jiff::civil::date(2025, 11, 1));
        let place = e[0].place.as_ref().expect("a place");
        assert_eq!(place.country.as_deref(), Some("United Kingdom"), "{e:#?}");
        assert_eq!(place.time_zone.as_deref(), Some("Europe/London"));
    }

    #[test]
    fn protests_in_the_street_and_a_case_set_down_for_a_day() {
        let text = "Hundreds of traders protested outside the county offices in Nakuru on 15 \
                    September. The petitioners have demonstrated a prima facie case. The case \
                    will be mentioned on 14 October.";
        let (_, e) = events(text, jiff::civil::date(2026, 9, 30));
        let protests = of_kind(&e, "protest");
        assert_eq!(protests.len(), 1, "{e:#?}");
        assert_eq!(start(protests[0]), Some("2026-09-15"));
        let hearings = of_kind(&e, "hearing");
        assert_eq!(hearings.len(), 1, "{e:#?}");
        assert_eq!(start(hearings[0]), Some("2026-10-14"));
        assert_eq!(hearings[0].status, EventStatus::Scheduled);
    }

    #[test]
    fn a_decision_s_day_a_gerund_s_day_and_the_day_home() {
        let text = "TOKYO, Oct. 8 (Kyodo) -- Mr John Smith and Ms Jane Doe agreed Thursday to \
                    begin talks on radar data. The two ministers met at the Defense Ministry in \
                    Tokyo before holding a joint press conference at 4:30 p.m. JST. Ms Doe will \
                    travel to Yokosuka on Friday to tour a destroyer before returning to Manila \
                    on Saturday.";
        let (_, e) = events(text, jiff::civil::date(2026, 10, 8));
        let talks = of_kind(&e, "talks");
        assert!(
            talks.iter().all(|t| start(t) != Some("2026-10-08")),
            "{e:#?}"
        );
        let met = of_kind(&e, "meeting");
        assert_eq!(met.len(), 1, "{e:#?}");
        assert_eq!(met[0].status, EventStatus::Past);
        let conference = of_kind(&e, "press conference");
        assert_eq!(conference.len(), 1, "{e:#?}");
        let place = conference[0].place.as_ref().expect("a place");
        assert_eq!(place.city.as_deref(), Some("Tokyo"));
        assert_eq!(start(conference[0]), Some("2026-10-08T16:30:00+09:00"));
        let visit = of_kind(&e, "visit");
        assert_eq!(start(visit[0]), Some("2026-10-09"), "{e:#?}");
    }

    #[test]
    fn a_result_with_its_score_is_a_match() {
        let text = "Trentside Rovers beat Wexham Town 2-1 at Colwick Park on Saturday. Turnout \
                    beat expectations on Monday.";
        let (_, e) = events(text, jiff::civil::date(2026, 2, 21));
        let matches = of_kind(&e, "match");
        assert_eq!(matches.len(), 1, "{e:#?}");
        assert_eq!(start(matches[0]), Some("2026-02-21"));
        assert_eq!(
            matches[0].place.as_ref().map(|p| p.name.as_str()),
            Some("Colwick Park")
        );
    }

    #[test]
    fn a_time_after_since_and_a_noun_dates_that_noun_not_the_event() {
        let text = "Ms Jane Doe, testifying for the first time since her confirmation in March, \
                    faced questions at a hearing on Tuesday. Mr John Smith has spoken to her \
                    weekly since a tense meeting in Washington in February.";
        let (_, e) = events(text, jiff::civil::date(2026, 9, 23));
        let hearing = of_kind(&e, "hearing");
        assert_eq!(hearing.len(), 1, "{e:#?}");
        assert_eq!(start(hearing[0]), Some("2026-09-22"));
        let meeting = of_kind(&e, "meeting");
        assert_eq!(meeting.len(), 1, "{e:#?}");
        assert_eq!(start(meeting[0]), Some("2026-02"));
    }

    #[test]
    fn a_subject_before_a_relative_clause_holds_both_happenings() {
        let text = "Trade minister Wu Anling, who arrived in Tokyo on Tuesday for a two-day \
                    visit, the first in years, held talks with Ms Jane Doe on Wednesday.";
        let (p, e) = events(text, jiff::civil::date(2026, 6, 3));
        let people_of = |kind: &str| {
            let d = e.iter().find(|d| d.kind == kind).expect(kind);
            let mut names: Vec<&str> = d
                .participants
                .iter()
                .map(|&i| p.persons[i].name.as_str())
                .collect();
            names.sort_unstable();
            names
        };
        assert_eq!(people_of("talks"), ["Jane Doe", "Wu Anling"], "{e:#?}");
        assert_eq!(people_of("visit"), ["Wu Anling"], "{e:#?}");
    }

    #[test]
    fn an_afp_dateline_in_ordinary_case_places_the_day_s_happening() {
        let text = "Libyan camps agree on bank\n\nTunis (AFP) - Delegations agreed on Thursday \
                    to unify the board. Ms Jane Doe announced the deal at a news conference on \
                    Thursday.";
        let (_, e) = events(text, jiff::civil::date(2026, 9, 17));
        let conference = e
            .iter()
            .find(|d| d.kind == "press conference")
            .expect("a news conference");
        let place = conference.place.as_ref().expect("a place");
        assert_eq!(place.name, "Tunis", "{e:#?}");
        assert!(place.from_dateline);
    }

    #[test]
    fn the_country_s_capital_and_a_time_after_since_and_a_gerund() {
        let text = "Mr Le Duc Thanh arrived in the Thai capital on Monday evening for a \
                    three-day visit, his first since taking office in 2024.";
        let (_, e) = events(text, jiff::civil::date(2026, 5, 19));
        let visit = e.iter().find(|d| d.kind == "visit").expect("a visit");
        assert_eq!(
            visit.place.as_ref().map(|p| p.name.as_str()),
            Some("Bangkok"),
            "{e:#?}"
        );
        assert_eq!(
            visit.start.as_ref().map(|t| t.value.as_str()),
            Some("2026-05-18"),
            "{e:#?}"
        );
        assert!(since_gerund("his first since taking office in "));
        assert!(since_gerund(
            "for the first time since her confirmation in "
        ));
        assert!(!since_gerund("it has grown since "));
    }

    #[test]
    fn a_happening_inside_a_placed_span_takes_its_place() {
        let text = "The assembly will vote on the budget in Geneva on Thursday. The session runs \
                    from Monday to Thursday, with the vote on the final day. Ms Jane Doe will \
                    address delegates during a debate on Tuesday.";
        let (_, e) = events(text, jiff::civil::date(2025, 11, 7));
        let place_of = |kind: &str| {
            e.iter()
                .find(|d| d.kind == kind)
                .and_then(|d| d.place.as_ref())
                .map(|p| p.name.clone())
        };
        assert_eq!(place_of("session").as_deref(), Some("Geneva"), "{e:#?}");
        assert_eq!(place_of("debate").as_deref(), Some("Geneva"), "{e:#?}");
    }

    #[test]
    fn a_where_clause_takes_the_day_and_place_it_hangs_on() {
        let text = "Ms Ann Lee will travel to Singapore on Friday for a security conference, \
                    where she is expected to meet Mr Bo Chen.";
        let (_, e) = events(text, jiff::civil::date(2025, 5, 28));
        let meeting = e.iter().find(|d| d.kind == "meeting").expect("a meeting");
        assert_eq!(meeting.participants.len(), 2, "{e:#?}");
        assert_eq!(
            meeting.place.as_ref().map(|p| p.name.as_str()),
            Some("Singapore")
        );
        assert_eq!(meeting.day, Some(jiff::civil::date(2025, 5, 30)));
        assert_eq!(meeting.status, EventStatus::Scheduled);
        let text = "Ms Ann Lee will meet Mr Bo Chen in Oslo on Friday if the weather allows.";
        let (_, e) = events(text, jiff::civil::date(2025, 5, 28));
        assert_eq!(e[0].status, EventStatus::Hypothetical, "{e:#?}");
    }

    #[test]
    fn whoever_misses_a_happening_is_not_at_it() {
        let text = "Mr Tom Roe will miss Tuesday's summit in Lincoln with Ms Ann Lee.";
        let (p, e) = events(text, jiff::civil::date(2025, 11, 1));
        let names: Vec<&str> = e[0]
            .participants
            .iter()
            .map(|&i| p.persons[i].name.as_str())
            .collect();
        assert_eq!(names, ["Ann Lee"], "{e:#?}");
    }

    #[test]
    fn a_possessive_names_what_belongs_to_someone_not_them() {
        let text = "The party room will meet in Canberra on Wednesday to endorse a new frontbench, \
                    with Mr Tom Roe's replacement to be named then.";
        let (_, e) = events(text, jiff::civil::date(2025, 10, 14));
        assert!(e[0].participants.is_empty(), "{e:#?}");
        // Unless what follows is the event, or stands for it.
        let text = "Ms Ann Lee's visit to Paris on Friday was short. The briefing was Mr Tom Roe's \
                    first since Monday.";
        let (p, e) = events(text, jiff::civil::date(2025, 10, 14));
        let names = |i: usize| -> Vec<&str> {
            e[i].participants
                .iter()
                .map(|&k| p.persons[k].name.as_str())
                .collect()
        };
        assert_eq!(names(0), ["Ann Lee"], "{e:#?}");
        assert_eq!(names(1), ["Tom Roe"], "{e:#?}");
    }

    #[test]
    fn a_visit_with_no_destination_is_to_the_dateline() {
        let text = "SINGAPORE: The two countries signed a pact on Wednesday, on the final day of \
                    Mr Tom Roe's three-day visit.";
        let (_, e) = events(text, jiff::civil::date(2025, 12, 3));
        let visit = e.iter().find(|e| e.kind == "visit").expect("the visit");
        assert_eq!(
            visit.place.as_ref().map(|p| p.name.as_str()),
            Some("Singapore")
        );
        // Far from the day of filing, a visit may have been anywhere.
        let text = "SINGAPORE: Mr Tom Roe made a short visit in May 2019, officials said.";
        let (_, e) = events(text, jiff::civil::date(2025, 12, 3));
        assert!(e.iter().all(|e| e.place.is_none()), "{e:#?}");
    }

    #[test]
    fn an_event_the_text_places_nowhere_is_at_the_dateline() {
        let text = "OSLO, May 4 (Reuters) - Ms Ada Lind and Mr Per Holm met on Monday to discuss \
                    fishing quotas. Lind spoke to Mr Tom Roe by phone on Sunday.";
        let (_, e) = events(text, jiff::civil::date(2026, 5, 4));
        let meeting = e.iter().find(|e| e.kind == "meeting").expect("the meeting");
        let place = meeting.place.as_ref().expect("a place");
        assert_eq!(place.name, "Oslo");
        assert!(place.from_dateline);
        // A call joins people who are apart.
        let call = e.iter().find(|e| e.kind == "call").expect("the call");
        assert!(call.place.is_none(), "{call:#?}");
        // Without a dateline nothing says where they met.
        let text = "Ms Ada Lind and Mr Per Holm met on Monday to discuss fishing quotas.";
        let (_, e) = events(text, jiff::civil::date(2026, 5, 4));
        assert!(e.iter().all(|e| e.place.is_none()), "{e:#?}");
    }

    #[test]
    fn a_dateline_town_may_be_one_the_gazetteer_lacks() {
        // AP style: the state after the town.
        let text = "ELMVALE, Ill. — Ms Ada Lind and Mr Per Holm met on Monday to discuss roads.";
        let (_, e) = events(text, jiff::civil::date(2026, 5, 4));
        let place = e[0].place.as_ref().expect("a place");
        assert_eq!(
            (place.name.as_str(), place.region.as_deref()),
            ("Elmvale", Some("Illinois"))
        );
        assert_eq!(place.time_zone.as_deref(), Some("America/Chicago"));
        // Or the town named again in ordinary case.
        let text = "ELMVALE — The Elmvale council met on Monday with Ms Ada Lind.";
        let (_, e) = events(text, jiff::civil::date(2026, 5, 4));
        assert_eq!(
            e[0].place.as_ref().map(|p| p.name.as_str()),
            Some("Elmvale")
        );
        // Capitals alone may be a shout, not a town.
        let text = "BREAKING — Ms Ada Lind and Mr Per Holm met on Monday.";
        let (_, e) = events(text, jiff::civil::date(2026, 5, 4));
        assert!(e.iter().all(|e| e.place.is_none()), "{e:#?}");
    }

    #[test]
    fn the_place_before_where_is_where_the_clause_happens() {
        let text = "Mr Tom Roe is due to leave Oslo on Wednesday for Helsinki, where he will \
                    hold talks with Ms Ada Lind on Thursday.";
        let (_, e) = events(text, jiff::civil::date(2026, 5, 20));
        let talks = e.iter().find(|e| e.kind == "talks").expect("the talks");
        assert_eq!(
            talks.place.as_ref().map(|p| p.name.as_str()),
            Some("Helsinki")
        );
    }

    #[test]
    fn two_pairs_of_people_hold_two_happenings() {
        let text = "Mr Tom Roe and Ms Ada Lind held talks on Tuesday. On Tuesday afternoon, \
                    Mr Per Holm and Ms Eva Berg co-chaired the fifth meeting of the joint \
                    trade committee.";
        let (p, e) = events(text, jiff::civil::date(2026, 5, 20));
        let who = |e: &EventDraft| -> Vec<String> {
            e.participants
                .iter()
                .map(|&i| p.persons[i].name.clone())
                .collect()
        };
        assert_eq!(e.len(), 2, "{e:#?}");
        assert_eq!(who(&e[0]), ["Tom Roe", "Ada Lind"]);
        assert_eq!(who(&e[1]), ["Per Holm", "Eva Berg"]);
    }

    #[test]
    fn the_same_people_holding_talks_that_day_hold_the_same_talks() {
        let text = "Mr Tom Roe and Ms Ada Lind agreed on Tuesday to cut tariffs, during talks \
                    in Oslo. Roe was welcomed at a ceremony at 9am, before the two leaders held \
                    talks.";
        let (_, e) = events(text, jiff::civil::date(2026, 5, 20));
        let talks: Vec<&EventDraft> = e.iter().filter(|e| e.kind == "talks").collect();
        assert_eq!(talks.len(), 1, "{e:#?}");
    }

    #[test]
    fn a_forum_is_a_conference() {
        let text = "Mr Tom Roe addressed a business forum in Oslo on Wednesday.";
        let (_, e) = events(text, jiff::civil::date(2026, 5, 20));
        assert_eq!(e[0].kind, "conference", "{e:#?}");
    }

    #[test]
    fn a_definite_meeting_is_not_a_call_before_it() {
        let text = "Ms Karen Lindqvist said on a call with analysts on Thursday that sales fell. \
                    The annual shareholder meeting will be held in March in Minneapolis. \
                    Lindqvist said she would ask shareholders at the meeting to back a buyback.";
        let (p, e) = events(text, jiff::civil::date(2025, 2, 13));
        let meeting = e.iter().find(|e| e.kind == "meeting").expect("the meeting");
        let names: Vec<&str> = meeting
            .participants
            .iter()
            .map(|&i| p.persons[i].name.as_str())
            .collect();
        assert_eq!(names, ["Karen Lindqvist"], "{e:#?}");
    }

    #[test]
    fn past_meetings_and_hypotheticals() {
        let text = "Mr John Smith met Ms Jane Doe in London on Wednesday. A second summit with Mr Smith could follow.";
        let (_, e) = events(text, jiff::civil::date(2025, 8, 15));
        assert_eq!(e.len(), 2, "{e:#?}");
        assert_eq!(e[0].status, EventStatus::Past);
        assert_eq!(
            e[0].start.as_ref().map(|s| s.value.as_str()),
            Some("2025-08-13")
        );
        assert_eq!(e[1].status, EventStatus::Hypothetical);
    }

    #[test]
    fn programme_parts_are_sub_events() {
        let text = "The summit in Berlin on Friday will include a lunch and a press conference.";
        let (_, e) = events(text, jiff::civil::date(2025, 8, 13));
        assert_eq!(e.len(), 3, "{e:#?}");
        assert_eq!(e[1].parent, Some(0));
        assert_eq!(e[2].kind, "press conference");
    }

    fn of_kind<'e>(e: &'e [EventDraft], kind: &str) -> Vec<&'e EventDraft> {
        e.iter().filter(|d| d.kind == kind).collect()
    }

    #[test]
    fn spoken_to_by_phone_is_a_call() {
        let text = "The Greens leader, Mr Tom Ardell, said he had spoken to Ms Nina Bray by \
                    phone on Monday night. Mr Ardell spoke to reporters on Tuesday.";
        let (p, e) = events(text, jiff::civil::date(2025, 10, 14));
        let calls = of_kind(&e, "call");
        assert_eq!(calls.len(), 1, "{e:#?}");
        assert_eq!(names(&p, calls[0]), ["Nina Bray", "Tom Ardell"]);
        assert_eq!(start(calls[0]), Some("2025-10-13"));
    }

    #[test]
    fn a_past_form_verb_tells_its_own_tense() {
        let text = "Councillors met at Ashworth Town Hall on Wednesday night. The cabinet \
                    voted seven to two to approve the proposals, which will also see opening \
                    hours cut.";
        let (_, e) = events(text, jiff::civil::date(2025, 11, 20));
        let votes = of_kind(&e, "vote");
        assert_eq!(votes.len(), 1, "{e:#?}");
        assert_eq!(votes[0].status, EventStatus::Past);
    }

    #[test]
    fn would_after_a_reporting_verb_is_a_plan() {
        let text = "The chief whip, Ms Mel Grant, said the party room would meet again in \
                    Canberra at 9am on Wednesday.";
        let (_, e) = events(text, jiff::civil::date(2025, 10, 14));
        assert_eq!(e[0].status, EventStatus::Scheduled, "{e:#?}");
        let text = "Ms Mel Grant said the party room would meet again in Canberra on \
                    Wednesday if the leader asked.";
        let (_, e) = events(text, jiff::civil::date(2025, 10, 14));
        assert_eq!(e[0].status, EventStatus::Hypothetical, "{e:#?}");
    }

    #[test]
    fn another_occurrence_is_not_merged() {
        let text = "Mr Jon Vale will visit Tokyo next week for a summit with Mr Ken Oda. It \
                    will be the first summit since May 2024, when leaders met in Seoul. The \
                    meeting before that, in Chengdu in December 2019, was attended by Mr Sam \
                    Roh.";
        let (p, e) = events(text, jiff::civil::date(2025, 6, 20));
        let seoul = e
            .iter()
            .find(|d| d.place.as_ref().is_some_and(|p| p.name == "Seoul"))
            .expect("the Seoul meeting");
        assert_eq!(start(seoul), Some("2024-05"), "{e:#?}");
        assert_eq!(seoul.status, EventStatus::Past);
        let chengdu = e
            .iter()
            .find(|d| d.place.as_ref().is_some_and(|p| p.name == "Chengdu"))
            .expect("the Chengdu meeting");
        assert_eq!(names(&p, chengdu), ["Sam Roh"], "{e:#?}");
        assert_eq!(start(chengdu), Some("2019-12"));
        let tokyo = e
            .iter()
            .find(|d| d.place.as_ref().is_some_and(|p| p.name == "Tokyo"))
            .expect("the Tokyo summit");
        assert!(!names(&p, tokyo).contains(&"Sam Roh".to_string()), "{e:#?}");
    }

    #[test]
    fn the_next_one_is_not_the_one_that_took_place() {
        let text = "Ms Ann Lowe became leader after the May 3 election. She did not rule out \
                    a challenge before the next election.";
        let (_, e) = events(text, jiff::civil::date(2025, 10, 14));
        let elections = of_kind(&e, "election");
        assert_eq!(elections.len(), 1, "{e:#?}");
        assert_eq!(elections[0].status, EventStatus::Past);
    }

    #[test]
    fn a_bill_approved_by_a_tally_is_a_vote() {
        let text = "The Assembly approved the measure 58-39 on Oct. 22. The council approved \
                    the plan on Monday.";
        let (_, e) = events(text, jiff::civil::date(2026, 11, 17));
        let v = of_kind(&e, "vote");
        assert_eq!(v.len(), 1, "{e:#?}");
        assert_eq!(start(v[0]), Some("2026-10-22"));
    }

    #[test]
    fn an_institution_s_name_runs_on_through_of() {
        let text = "Ms Okafor will meet Daniel Ashworth at the Department of Health and Social \
                    Care in London on Thursday.";
        let (_, e) = events(text, jiff::civil::date(2026, 10, 13));
        let place = e[0].place.as_ref().expect("a place");
        assert_eq!(place.name, "Department of Health and Social Care");
        assert_eq!(place.city.as_deref(), Some("London"));
    }

    #[test]
    fn the_pair_and_they_and_a_when_clause_tell_one_meeting() {
        let text = "Ms Okafor is due to meet the health secretary, Daniel Ashworth, on Thursday. \
                    It will be the first time the pair have sat down together since they last \
                    met on 29 September, when talks broke down after an hour.";
        let (p, e) = events(text, jiff::civil::date(2026, 10, 13));
        let past: Vec<&EventDraft> = e
            .iter()
            .filter(|d| start(d) == Some("2026-09-29"))
            .collect();
        assert_eq!(past.len(), 1, "{e:#?}");
        assert_eq!(names(&p, past[0]).len(), 2, "{e:#?}");
    }

    #[test]
    fn strike_and_walk_out_as_verbs_are_strikes() {
        let text = "Nurses will strike across England on Tuesday. Teachers will walk out in \
                    Wales on Friday. He walked out of the meeting on Monday. They hope to \
                    strike a deal on Thursday.";
        let (_, e) = events(text, jiff::civil::date(2026, 10, 13));
        let s = of_kind(&e, "strike");
        assert_eq!(s.len(), 2, "{e:#?}");
        assert_eq!(start(s[0]), Some("2026-10-13"));
        assert_eq!(start(s[1]), Some("2026-10-16"));
    }

    #[test]
    fn an_opening_participle_phrase_has_the_main_clause_s_subject() {
        let text = "Announcing the result at a press conference in central London at 9am on \
                    Tuesday, the union's general secretary, Nicola Okafor, said nurses were \
                    angry.";
        let (p, e) = events(text, jiff::civil::date(2026, 10, 13));
        let c = of_kind(&e, "press conference");
        assert_eq!(c.len(), 1, "{e:#?}");
        assert_eq!(names(&p, c[0]), ["Nicola Okafor"], "{e:#?}");
    }

    #[test]
    fn a_when_clause_tells_who_was_there() {
        let text = "Sir Rob Kemp has spoken to Mr Ivan Dorn weekly since a tense meeting in \
                    Washington in February, when Mr Dorn clashed with Donald Trump in the Oval \
                    Office.";
        let (p, e) = events(text, jiff::civil::date(2025, 3, 12));
        let m = of_kind(&e, "meeting");
        assert_eq!(m.len(), 1, "{e:#?}");
        assert!(
            names(&p, m[0]).contains(&"Donald Trump".to_string()),
            "{e:#?}"
        );
    }

    #[test]
    fn spending_a_day_somewhere_is_a_visit() {
        let text = "Mr Ivan Dorn spent Tuesday in Saudi Arabia, where officials held talks in \
                    Jeddah. The city spent £1bn on roads in 2024.";
        let (p, e) = events(text, jiff::civil::date(2025, 3, 12));
        let visits = of_kind(&e, "visit");
        assert_eq!(visits.len(), 1, "{e:#?}");
        assert_eq!(names(&p, visits[0]), ["Ivan Dorn"]);
        assert_eq!(
            visits[0].place.as_ref().map(|p| p.name.as_str()),
            Some("Saudi Arabia")
        );
        assert_eq!(start(visits[0]), Some("2025-03-11"));
        assert_eq!(visits[0].status, EventStatus::Past);
    }

    #[test]
    fn whoever_faces_a_vote_does_not_cast_it() {
        let text = "Ms Ursula von der Brink will face a vote of no confidence in Strasbourg \
                    on Thursday.";
        let (p, e) = events(text, jiff::civil::date(2025, 11, 7));
        assert!(names(&p, &e[0]).is_empty(), "{e:#?}");
        assert_eq!(e[0].kind, "vote");
    }

    #[test]
    fn a_vote_by_a_body_is_not_the_speakers() {
        let text = "The chairman, Senator Ted Crewe, said the nominee was ready. He added \
                    that he expected a vote by the full Senate as early as next week.";
        let (p, e) = events(text, jiff::civil::date(2025, 5, 15));
        let votes = of_kind(&e, "vote");
        assert_eq!(votes.len(), 1, "{e:#?}");
        assert!(names(&p, votes[0]).is_empty(), "{e:#?}");
        assert_eq!(votes[0].status, EventStatus::Scheduled);
    }

    #[test]
    fn a_venue_in_no_town_is_in_the_town_of_the_same_peoples_event() {
        let text = "Mr Ken Oda will host Mr Leo Cruz in Tokyo on May 12 for a summit. Mr Cruz \
                    is scheduled to arrive at Haneda airport at 14:00 JST on May 11.";
        let (_, e) = events(text, jiff::civil::date(2025, 4, 10));
        let visit = of_kind(&e, "visit");
        assert_eq!(visit.len(), 1, "{e:#?}");
        let place = visit[0].place.as_ref().expect("a place");
        assert_eq!(place.name, "Haneda airport");
        assert_eq!(place.city.as_deref(), Some("Tokyo"));
    }

    #[test]
    fn a_pronoun_prefers_the_nearest_sentence() {
        let text = "Mr Michael Whitlow stepped down in January. The chairman, Senator Ted \
                    Crewe, praised the nominee. He added that he would meet her in Houston on \
                    Friday.";
        let (p, e) = events(text, jiff::civil::date(2025, 5, 14));
        let m = of_kind(&e, "meeting");
        assert_eq!(m.len(), 1, "{e:#?}");
        assert_eq!(names(&p, m[0]), ["Ted Crewe"], "{e:#?}");
    }

    #[test]
    fn the_place_of_a_topic_is_not_the_events() {
        let text = "Mr Jon Vale spoke by telephone with Ms Ana Ruiz on Tuesday. The call covered \
                    trade and the war in Ukraine.";
        let (_, e) = events(text, jiff::civil::date(2025, 4, 9));
        assert_eq!(e.len(), 1, "{e:#?}");
        assert!(e[0].place.is_none(), "{e:#?}");
    }

    #[test]
    fn a_conference_call_is_a_call_on_the_day_the_second_sentence_tells() {
        let text = "Halvor Energy lowered its full-year profit forecast after cost overruns. \
                    Profit will be lower this year, Halvor said in a statement Wednesday. Chief \
                    Financial Officer Tomas Berg told analysts on a conference call that costs \
                    would rise.";
        let (p, e) = events(text, jiff::civil::date(2025, 7, 30));
        let calls = of_kind(&e, "call");
        assert_eq!(calls.len(), 1, "{e:#?}");
        assert_eq!(names(&p, calls[0]), ["Tomas Berg"]);
        assert_eq!(start(calls[0]), Some("2025-07-30"));
    }

    #[test]
    fn a_venue_keeps_its_initials() {
        let text = "The commission will hold a special session at 6 p.m. Thursday at the \
                    Lorraine H. Morton Civic Center.";
        let (_, e) = events(text, jiff::civil::date(2025, 4, 14));
        assert_eq!(
            e[0].place.as_ref().map(|p| p.name.as_str()),
            Some("Lorraine H. Morton Civic Center"),
            "{e:#?}"
        );
    }

    fn names(p: &People, d: &EventDraft) -> Vec<String> {
        let mut v: Vec<String> = d
            .participants
            .iter()
            .map(|&i| p.persons[i].name.clone())
            .collect();
        v.sort();
        v
    }

    fn start(d: &EventDraft) -> Option<&str> {
        d.start.as_ref().map(|s| s.value.as_str())
    }

    #[test]
    fn both_leaders_are_the_two_last_named_together() {
        let text = "Mr John Smith will host Ms Jane Doe in Paris on Friday. The French president, Mr Paul Roux, is expected to hold a video call with both leaders later on Friday.";
        let (p, e) = events(text, jiff::civil::date(2025, 8, 13));
        let call = e.iter().find(|d| d.kind == "call").expect("the call");
        assert_eq!(names(&p, call), ["Jane Doe", "John Smith", "Paul Roux"]);
        assert_eq!(start(call), Some("2025-08-15"));
    }

    #[test]
    fn the_day_of_the_telling_does_not_date_the_event() {
        let text = "Mr John Smith will visit Rome next week for talks with Ms Jane Doe, the ministry said on Tuesday.";
        let (p, e) = events(text, jiff::civil::date(2025, 8, 13));
        assert_eq!(e.len(), 1, "{e:#?}");
        assert_eq!(start(&e[0]), Some("2025-08-18"));
        assert_eq!(names(&p, &e[0]), ["Jane Doe", "John Smith"]);
        assert_eq!(e[0].place.as_ref().map(|p| p.name.as_str()), Some("Rome"));
    }

    #[test]
    fn a_trailing_attribution_only_reports() {
        let text = "Mr John Smith will address MPs during a debate on Monday, his spokesman, Mr Tom Brown, said.";
        let (p, e) = events(text, jiff::civil::date(2025, 8, 13));
        assert_eq!(e.len(), 1, "{e:#?}");
        assert_eq!(names(&p, &e[0]), ["John Smith"]);
    }

    #[test]
    fn a_speaker_at_a_news_conference_is_in_it() {
        let text = "ROME — Mr John Smith said on Tuesday that prices would rise. Mr Smith told a news conference that the plan was sound.";
        let (p, e) = events(text, jiff::civil::date(2025, 8, 13));
        assert_eq!(e.len(), 1, "{e:#?}");
        assert_eq!(e[0].kind, "press conference");
        assert_eq!(names(&p, &e[0]), ["John Smith"]);
        // Undated and past: the day the story reports.
        assert_eq!(start(&e[0]), Some("2025-08-12"));
    }

    #[test]
    fn a_visit_programme_has_its_own_days() {
        let text = "Ms Jane Doe will travel to Rome next week for talks. Her programme includes a lunch with Mr Paul Roux on Tuesday and a press conference on Wednesday.";
        let (p, e) = events(text, jiff::civil::date(2025, 8, 13));
        let lunch = e.iter().find(|d| d.kind == "lunch").expect("the lunch");
        assert!(lunch.parent.is_some());
        assert_eq!(names(&p, lunch), ["Jane Doe", "Paul Roux"]);
        assert_eq!(start(lunch), Some("2025-08-19"));
        assert_eq!(lunch.place.as_ref().map(|p| p.name.as_str()), Some("Rome"));
        let pc = e
            .iter()
            .find(|d| d.kind == "press conference")
            .expect("the press conference");
        assert_eq!(start(pc), Some("2025-08-20"));
    }

    #[test]
    fn a_meeting_on_the_sidelines_is_where_the_summit_is() {
        let text = "Mr John Smith and Ms Jane Doe will meet on the sidelines of the G20 summit in Rome, which Italy will host from October 30 to 31.";
        let (_, e) = events(text, jiff::civil::date(2025, 8, 13));
        assert_eq!(e.len(), 2, "{e:#?}");
        for d in &e {
            assert_eq!(
                d.place.as_ref().map(|p| p.name.as_str()),
                Some("Rome"),
                "{d:#?}"
            );
            assert_eq!(start(d), Some("2025-10-30"), "{d:#?}");
        }
    }

    #[test]
    fn a_background_mention_joins_the_event_it_names() {
        let text = "Mr John Smith will meet Ms Jane Doe in Paris on Friday. Protesters will gather outside the Town Hall in Lyon ahead of the talks.";
        let (p, e) = events(text, jiff::civil::date(2025, 8, 13));
        assert_eq!(e.len(), 1, "{e:#?}");
        assert_eq!(names(&p, &e[0]), ["Jane Doe", "John Smith"]);
        assert_eq!(e[0].place.as_ref().map(|p| p.name.as_str()), Some("Paris"));
        assert_eq!(e[0].mentions.len(), 2);
    }

    #[test]
    fn mentions_that_name_nothing_are_dropped() {
        let text = "Talks stalled, the union said. It urged the company to return to talks.";
        let (_, e) = events(text, jiff::civil::date(2025, 8, 13));
        assert!(e.is_empty(), "{e:#?}");
    }

    #[test]
    fn a_defendant_is_in_the_trial() {
        let text =
            "Mr John Smith, 58, is accused of fraud at Southwark Crown Court. The trial continues.";
        let (p, e) = events(text, jiff::civil::date(2025, 8, 13));
        let trial = e.iter().find(|d| d.kind == "trial").expect("the trial");
        assert_eq!(names(&p, trial), ["John Smith"]);
        assert_eq!(
            trial.place.as_ref().map(|p| p.name.as_str()),
            Some("Southwark Crown Court")
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, ..Default::default() })]

        /// The sentence rules index tokens and bytes from many directions: no input panics
        /// them, and every mention stays inside the text.
        #[test]
        fn any_event_prose_is_safe(text in event_prose()) {
            let (_, e) = events(&text, jiff::civil::date(2025, 8, 13));
            for d in &e {
                for (_, span) in &d.mentions {
                    proptest::prop_assert!(span.start <= span.end && span.end <= text.len());
                }
                if let Some(p) = d.parent {
                    proptest::prop_assert!(p < e.len());
                }
            }
        }
    }

    fn event_prose() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop_oneof![
            Just("Mr John Smith".to_string()),
            Just("Ms Jane Doe".to_string()),
            Just(" will meet".to_string()),
            Just(" met".to_string()),
            Just(" the two leaders".to_string()),
            Just(" their meeting".to_string()),
            Just(" a joint press conference".to_string()),
            Just(" told a news conference that".to_string()),
            Just(" ahead of the talks".to_string()),
            Just(" after".to_string()),
            Just(" before the vote".to_string()),
            Just(" since".to_string()),
            Just(" returns from a state visit to Germany".to_string()),
            Just(" on the sidelines of the G20 summit".to_string()),
            Just(", which".to_string()),
            Just(", who".to_string()),
            Just(" host".to_string()),
            Just(" will travel to Rome".to_string()),
            Just(" for talks".to_string()),
            Just(" to meet".to_string()),
            Just(" and hold".to_string()),
            Just(" Her programme includes a lunch".to_string()),
            Just(" at the Old Bailey".to_string()),
            Just(" in Springfield".to_string()),
            Just(" at the British embassy".to_string()),
            Just(" said on Tuesday".to_string()),
            Just(" on Friday".to_string()),
            Just(" at 10am".to_string()),
            Just(" next week".to_string()),
            Just(", but".to_string()),
            Just(" if".to_string()),
            Just(" he".to_string()),
            Just(" she".to_string()),
            Just(" “".to_string()),
            Just("” ".to_string()),
            Just(". ".to_string()),
            Just(", ".to_string()),
            Just("\n\n".to_string()),
            "[A-Za-z’' ,.]{0,8}",
        ];
        proptest::collection::vec(piece, 0..30).prop_map(|v| v.concat())
    }
}
