//! Events: meetings, summits, calls, visits, press conferences and the like, each merged over
//! all its mentions, with participants, place, time and status.
//!
//! A mention is a trigger word outside quotation marks ("summit", "met", "talks"). Mentions in
//! one sentence describe one happening unless the sentence lists the parts of a programme
//! ("will include a lunch and a press conference"), which become sub-events. A definite
//! mention ("the talks", "Friday's meeting") joins the most recent compatible event; an
//! indefinite one ("a three-way summit") starts a new one.

use std::collections::BTreeSet;
use std::ops::Range;

use super::gazetteer::{self, PlaceKind};
use super::lexicon::{self, Gender};
use super::people::People;
use super::sentences::{Sentence, Token, strip_possessive, tokens};
use super::time::{self, Tense, TimeContext, TimeMention};
use crate::model::{EventStatus, Place, TimePoint};

/// Nouns that name an event, with the kind they give it. Longest first.
const NOUN_TRIGGERS: &[(&str, &str)] = &[
    ("press conference", "press conference"),
    ("news conference", "press conference"),
    ("phone call", "call"),
    ("video call", "call"),
    ("telephone call", "call"),
    ("summit", "summit"),
    ("meeting", "meeting"),
    ("talks", "talks"),
    ("negotiations", "talks"),
    ("encounter", "meeting"),
    ("call", "call"),
    ("visit", "visit"),
    ("trip", "visit"),
    ("lunch", "lunch"),
    ("dinner", "dinner"),
    ("breakfast", "breakfast"),
    ("conference", "conference"),
    ("election", "election"),
    ("vote", "vote"),
    ("referendum", "vote"),
    ("trial", "trial"),
    ("hearing", "hearing"),
    ("rally", "rally"),
    ("ceremony", "ceremony"),
    ("speech", "speech"),
    ("address", "speech"),
    ("interview", "interview"),
    ("briefing", "briefing"),
    ("debate", "debate"),
    ("session", "session"),
    ("protest", "protest"),
    ("strike", "strike"),
    ("funeral", "funeral"),
    ("inauguration", "inauguration"),
    ("signing", "signing"),
    ("parade", "parade"),
    ("match", "match"),
    ("final", "match"),
    ("launch", "launch"),
    ("roundtable", "meeting"),
    ("round table", "meeting"),
    ("testimony", "hearing"),
    ("state visit", "visit"),
    ("plenary session", "session"),
    ("walkout", "strike"),
];

/// Verbs that name an event, with the kind.
const VERB_TRIGGERS: &[(&str, &str)] = &[
    ("met", "meeting"),
    ("meet", "meeting"),
    ("meets", "meeting"),
    ("visited", "visit"),
    ("visit", "visit"),
    ("visits", "visit"),
    ("visiting", "visit"),
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
    ("traveled", "visit"),
    ("flew", "visit"),
    ("addressed", "speech"),
    ("voted", "vote"),
    ("signed", "signing"),
    ("testified", "hearing"),
    ("testify", "hearing"),
    ("testifies", "hearing"),
];

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
}

/// Finds the events in the article.
pub fn find_events(
    text: &str,
    sentences: &[Sentence],
    people: &People,
    quote_spans: &[Range<usize>],
    tctx: &TimeContext<'_>,
) -> Vec<EventDraft> {
    let mut drafts: Vec<EventDraft> = Vec::new();
    // Quote spans sorted by start, for a binary search; they do not overlap.
    let mut sorted_quotes: Vec<Range<usize>> = quote_spans.to_vec();
    sorted_quotes.sort_by_key(|q| q.start);
    let inside_quote = |pos: usize| {
        let k = sorted_quotes.partition_point(|q| q.start <= pos);
        k > 0 && pos < sorted_quotes[k - 1].end
    };
    for (si, s) in sentences.iter().enumerate() {
        // A headline restates the story in note form, with its own tense: its events are told
        // again in the body.
        if is_headline(text, sentences, si) {
            continue;
        }
        let dateline_end = dateline_end(text, s);
        let toks = tokens(text, s.span.clone());
        let triggers: Vec<Trigger> = find_triggers(text, &toks)
            .into_iter()
            .filter(|t| !inside_quote(t.span.start))
            .collect();
        if triggers.is_empty() {
            continue;
        }
        // Places and times named in this sentence.
        let place = sentence_place(text, &toks, &triggers);
        let place_zone = place.as_ref().and_then(|(p, _)| p.time_zone.clone());
        let ctx = TimeContext {
            published: tctx.published,
            default_zone: tctx.default_zone,
            place_zone: place_zone.as_deref().or(tctx.place_zone),
            anchor: None,
        };
        let times: Vec<TimeMention> = time::find_times(text, s.span.clone(), &ctx)
            .into_iter()
            .filter(|t| !inside_quote(t.start))
            .filter(|t| {
                !text[s.span.start..t.start]
                    .trim_end()
                    .to_lowercase()
                    .ends_with("since")
            })
            .filter(|t| !t.point.text.to_lowercase().starts_with("since"))
            .filter(|t| t.start >= dateline_end)
            .collect();
        let mut participants = sentence_participants(text, si, &toks, people, quote_spans);
        pronoun_subject(text, sentences, si, &toks, people, &mut participants);
        drop_reporters(&toks, &triggers, people, &mut participants);
        let groups = sentence_groups(text, &toks);
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
        let heads = if heads.is_empty() {
            parts.iter().take(1).copied().collect()
        } else {
            heads
        };
        let parts: Vec<&Trigger> = if include_at.is_some() && !heads.is_empty() {
            parts
        } else {
            Vec::new()
        };
        // Each trigger is its own mention, except a noun that names the verb's event: "met with
        // X for an emergency virtual summit". Coreference across mentions is settled by merging.
        let mut groups_of_heads: Vec<Vec<&Trigger>> = Vec::new();
        for t in heads {
            let joins_previous = groups_of_heads.last().is_some_and(|g: &Vec<&Trigger>| {
                let prev = g[g.len() - 1];
                prev.verb && !t.verb && for_between(&toks, prev, t)
            });
            if joins_previous {
                if let Some(g) = groups_of_heads.last_mut() {
                    g.push(t);
                }
            } else {
                groups_of_heads.push(vec![t]);
            }
        }
        let multiple = groups_of_heads.len() > 1;
        let mut head_index = None;
        for group in &groups_of_heads {
            let first = group[0];
            let range = clause_range(text, &toks, first, &triggers, multiple);
            // With several events in a sentence, each person goes to the nearest trigger, and a
            // time goes to the trigger it stands right before ("Friday’s meeting") or the
            // nearest in its stretch of the sentence.
            let here: Vec<usize> = if multiple {
                // The subject before the first trigger takes part in each of the sentence's
                // events: "Park will leave for Washington on Thursday and sit down with Rourke".
                let subject = participants
                    .iter()
                    .find(|(_, pos)| *pos < groups_of_heads[0][0].span.start)
                    .map(|(p, _)| *p)
                    .filter(|_| groups_of_heads.iter().all(|g| g[0].verb || !g[0].definite));
                subject
                    .into_iter()
                    .chain(
                        participants
                            .iter()
                            .filter(|(_, pos)| {
                                nearest_group(&groups_of_heads, *pos) == Some(first.tok)
                            })
                            .map(|(p, _)| *p),
                    )
                    .collect()
            } else {
                participants.iter().map(|(p, _)| *p).collect()
            };
            let owned: Vec<TimeMention> = if multiple {
                times
                    .iter()
                    .filter(|t| time_owner(text, &triggers, t).is_none_or(|o| o == first.tok))
                    .cloned()
                    .collect()
            } else {
                times.clone()
            };
            let time = if multiple {
                nearest_time(&owned, first.span.start, Some(&range)).or_else(|| {
                    owned
                        .iter()
                        .find(|t| time_owner(text, &triggers, t) == Some(first.tok))
                })
            } else {
                nearest_time(&owned, first.span.start, None)
            };
            let status = status_at(text, s, &toks, first, time, tctx.published);
            let kind = group
                .iter()
                .find(|t| !t.verb)
                .map_or(first.kind, |t| t.kind);
            let definite = group.iter().all(|t| t.definite || t.verb);
            let mention_spans: Vec<(usize, Range<usize>)> =
                group.iter().map(|t| (si, t.span.clone())).collect();
            let m = MentionFacts {
                kind,
                participants: dedup(here),
                groups: groups.clone(),
                place: place.clone(),
                time,
                status,
                definite,
                verb: group.iter().all(|t| t.verb),
            };
            let idx = merge_or_push(&mut drafts, m, mention_spans, tctx);
            head_index.get_or_insert(idx);
            // A clock time with no day in this sentence takes the event's day, and "local time"
            // the zone of the event's place.
            if let Some(day) = drafts[idx].day {
                let clock_only = times
                    .iter()
                    .any(|t| t.clock.is_some() && explicit_day(t).is_none());
                if clock_only && drafts[idx].start.as_ref().is_none_or(|s| s.utc.is_none()) {
                    let zone = drafts[idx].place.as_ref().and_then(|p| p.time_zone.clone());
                    let anchored = TimeContext {
                        anchor: Some(day),
                        place_zone: zone.as_deref().or(ctx.place_zone),
                        ..ctx
                    };
                    let again = time::find_times(text, s.span.clone(), &anchored);
                    if let Some(t) = again
                        .iter()
                        .find(|t| t.clock.is_some() && !inside_quote(t.start))
                    {
                        drafts[idx].start = Some(t.point.clone());
                    }
                }
            }
        }
        if let Some(parent) = head_index {
            for t in parts {
                let p = &drafts[parent];
                let child = EventDraft {
                    kind: t.kind.to_string(),
                    participants: p.participants.clone(),
                    groups: part_groups(text, &toks, t),
                    place: p.place.clone(),
                    place_rank: p.place_rank,
                    start: p.start.clone(),
                    end: None,
                    day: p.day,
                    status: p.status,
                    parent: Some(parent),
                    mentions: vec![(si, t.span.clone())],
                };
                drafts.push(child);
            }
        }
    }
    // Children inherit what their parent learnt later (its clock time, its city).
    for i in 0..drafts.len() {
        if let Some(p) = drafts[i].parent {
            let parent = drafts[p].clone();
            let d = &mut drafts[i];
            if d.start.is_none()
                || parent.start.as_ref().is_some_and(|s| s.utc.is_some())
                    && d.start.as_ref().is_some_and(|s| s.utc.is_none())
            {
                d.start.clone_from(&parent.start);
            }
            if parent.place_rank > d.place_rank {
                d.place.clone_from(&parent.place);
                d.place_rank = parent.place_rank;
            }
            d.participants.clone_from(&parent.participants);
            d.status = parent.status;
        }
    }
    drafts
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
}

fn dedup(v: Vec<usize>) -> Vec<usize> {
    let mut seen = BTreeSet::new();
    v.into_iter().filter(|p| seen.insert(*p)).collect()
}

fn compatible_kinds(a: &str, b: &str) -> bool {
    a == b || MEETING_KINDS.contains(&a) && MEETING_KINDS.contains(&b)
}

/// Joins a mention to an earlier event when it refers back to it, or starts a new one.
fn merge_or_push(
    drafts: &mut Vec<EventDraft>,
    m: MentionFacts<'_>,
    spans: Vec<(usize, Range<usize>)>,
    tctx: &TimeContext<'_>,
) -> usize {
    let day = m.time.and_then(explicit_day);
    let mine: BTreeSet<usize> = m.participants.iter().copied().collect();
    // "As the presidents prepare to meet": a verb with no one named refers to an event already told.
    let bare_verb =
        m.verb && mine.is_empty() && m.groups.is_empty() && m.time.is_none() && m.place.is_none();
    let m = MentionFacts {
        definite: m.definite || bare_verb,
        verb: m.verb && !bare_verb,
        ..m
    };
    let target = if m.definite || m.verb {
        // Among earlier events this mention can refer to, the best fit: most shared people, then
        // the most mentioned (the article's main event), then the most recent.
        // Only the most recent events are candidates, which keeps merging linear on long texts.
        let from = drafts.len().saturating_sub(MERGE_REACH);
        drafts
            .iter()
            .enumerate()
            .skip(from)
            .filter(|(_, d)| d.parent.is_none())
            .filter(|(_, d)| {
                let kinds = compatible_kinds(&d.kind, m.kind)
                    || m.verb && MEETING_KINDS.contains(&d.kind.as_str()) && m.kind == "meeting";
                let days = match (d.day, day) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                };
                let theirs: BTreeSet<usize> = d.participants.iter().copied().collect();
                let people_fit = mine.is_empty()
                    || theirs.is_empty() && !m.verb
                    || mine.is_subset(&theirs)
                    || theirs.is_subset(&mine) && !m.verb;
                // A verb mention is a new happening unless it names people already in it.
                let verb_ok = !m.verb || !mine.is_empty() && mine.is_subset(&theirs);
                let status_ok = m.definite || d.status == m.status;
                kinds && days && people_fit && verb_ok && status_ok
            })
            .max_by_key(|(i, d)| {
                (
                    d.participants.iter().filter(|p| mine.contains(p)).count(),
                    d.mentions.len(),
                    *i,
                )
            })
            .map(|(i, _)| i)
    } else {
        None
    };
    let place = m.place.clone();
    match target {
        Some(i) => {
            let d = &mut drafts[i];
            for p in &m.participants {
                if !d.participants.contains(p) {
                    d.participants.push(*p);
                }
            }
            for g in &m.groups {
                if !d.groups.contains(g) {
                    d.groups.push(g.clone());
                }
            }
            if let Some((p, rank)) = place {
                if rank > d.place_rank {
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
            }
            if let Some(t) = m.time {
                let better = d.start.is_none()
                    || d.start
                        .as_ref()
                        .is_some_and(|s| s.precision < t.point.precision);
                if better {
                    d.start = Some(t.point.clone());
                    d.end.clone_from(&t.range_end);
                    d.day = explicit_day(t).or(d.day);
                }
            }
            if m.kind == "summit" && matches!(d.kind.as_str(), "talks" | "meeting") {
                d.kind = m.kind.to_string();
            }
            d.mentions.extend(spans);
            i
        }
        None => {
            let (place, place_rank) = match place {
                Some((p, r)) => (Some(p), r),
                None => (None, 0),
            };
            let _ = tctx;
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
            });
            drafts.len() - 1
        }
    }
}

fn find_triggers(text: &str, toks: &[Token<'_>]) -> Vec<Trigger> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        let lower = strip_possessive(toks[k].text).to_lowercase();
        let mut matched = false;
        for (phrase, kind) in NOUN_TRIGGERS {
            let parts: Vec<&str> = phrase.split(' ').collect();
            if k + parts.len() > toks.len() {
                continue;
            }
            let ok = parts
                .iter()
                .zip(&toks[k..])
                .all(|(p, t)| strip_possessive(t.text).eq_ignore_ascii_case(p));
            if !ok {
                continue;
            }
            // Verbs spelt like nouns: "to visit", "will call", "vote to": skip unless a determiner
            // or adjective comes before.
            let prev = k.checked_sub(1).map(|p| toks[p].text.to_lowercase());
            if matches!(
                prev.as_deref(),
                Some(
                    "to" | "will"
                        | "would"
                        | "could"
                        | "can"
                        | "may"
                        | "might"
                        | "not"
                        | "they"
                        | "we"
                        | "i"
                        | "you"
                )
            ) && !matches!(*kind, "talks" | "summit" | "meeting" | "vote" | "visit")
            {
                break;
            }
            // "to call for a ceasefire", "called on Nato to act": not a call.
            let next = toks.get(k + parts.len()).map(|t| t.text.to_lowercase());
            if *kind == "call"
                && matches!(
                    next.as_deref(),
                    Some("for" | "on" | "off" | "it" | "them" | "him" | "her")
                )
            {
                break;
            }
            // "called for", "address the issue"
            if matches!(
                *phrase,
                "address" | "final" | "match" | "strike" | "launch" | "session"
            ) && !matches!(
                prev.as_deref(),
                Some("the" | "a" | "an" | "his" | "her" | "their")
            ) {
                break;
            }
            let end = toks[k + parts.len() - 1].span.end;
            let definite = is_definite(text, toks, k);
            out.push(Trigger {
                kind,
                span: toks[k].span.start..end,
                tok: k,
                definite,
                verb: false,
            });
            k += parts.len();
            matched = true;
            break;
        }
        if matched {
            continue;
        }
        if let Some((_, kind)) = VERB_TRIGGERS.iter().find(|(v, _)| *v == lower) {
            // "met with", "visited Kyiv", "spoke by phone": a verb with a following participant or place.
            let next = toks.get(k + 1).map(|t| t.text.to_lowercase());
            let usable = match lower.as_str() {
                "spoke" | "spoken" | "speak" | "speaks" | "talked" => {
                    matches!(next.as_deref(), Some("with" | "by"))
                }
                "leave" | "leaves" | "depart" | "departs" => matches!(next.as_deref(), Some("for")),
                "chair" | "chairs" | "chaired" | "brief" | "briefed" | "attend" | "attends"
                | "attended" => next.is_some_and(|n| {
                    matches!(
                        n.as_str(),
                        "a" | "an" | "the" | "reporters" | "talks" | "meetings"
                    )
                }),
                "arrive" | "arrives" | "arrived" | "landed" => true,
                _ => true,
            };
            if usable && !lexicon::is_speech_verb(&lower) {
                out.push(Trigger {
                    kind,
                    span: toks[k].span.clone(),
                    tok: k,
                    definite: false,
                    verb: true,
                });
            }
        }
        k += 1;
    }
    out
}

/// "the talks", "Friday's talks", "their meeting", "this summit": refers back.
fn is_definite(text: &str, toks: &[Token<'_>], k: usize) -> bool {
    let mut j = k;
    // Walk back over modifiers ("the first face-to-face talks").
    let mut steps = 0;
    while j > 0 && steps < 4 {
        let prev = &toks[j - 1];
        let w = prev.text.to_lowercase();
        if matches!(
            w.as_str(),
            "the" | "this" | "that" | "their" | "his" | "her" | "its" | "these" | "those"
        ) {
            return true;
        }
        if prev.is_possessive() {
            return true;
        }
        if matches!(
            w.as_str(),
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
        let gap = &text[prev.span.end..toks[j].span.start];
        if gap.trim() != "" {
            return false;
        }
        j -= 1;
        steps += 1;
    }
    false
}

/// Whether a noun trigger describes a verb trigger's event: "met … for an emergency summit".
fn for_between(toks: &[Token<'_>], verb: &Trigger, noun: &Trigger) -> bool {
    noun.tok > verb.tok
        && noun.tok - verb.tok <= 14
        && toks[verb.tok..noun.tok].iter().any(|t| t.text == "for")
        && !noun.definite
}

/// The part of the sentence that belongs to a trigger when a sentence has several events: from
/// the trigger back to the previous clause mark, and forward to the next trigger.
fn clause_range(
    text: &str,
    toks: &[Token<'_>],
    t: &Trigger,
    all: &[Trigger],
    multiple: bool,
) -> Range<usize> {
    if !multiple {
        return 0..usize::MAX;
    }
    let _ = (text, toks);
    // From the end of the trigger before it to the start of the next one.
    let next = all
        .iter()
        .filter(|o| o.tok > t.tok)
        .map(|o| o.span.start)
        .min()
        .unwrap_or(usize::MAX);
    let prev_end = all
        .iter()
        .filter(|o| o.tok < t.tok)
        .map(|o| o.span.end)
        .max()
        .unwrap_or(0);
    prev_end..next
}

/// The first token of the head group whose trigger is nearest to byte `pos`.
fn nearest_group(groups: &[Vec<&Trigger>], pos: usize) -> Option<usize> {
    groups
        .iter()
        .map(|g| {
            let t = g[0];
            let d = if pos < t.span.start {
                t.span.start - pos
            } else {
                pos.saturating_sub(t.span.end)
            };
            (d, t.tok)
        })
        .min()
        .map(|(_, tok)| tok)
}

/// The trigger a time expression stands right before ("Friday’s meeting", "Monday's talks").
fn time_owner(text: &str, triggers: &[Trigger], t: &TimeMention) -> Option<usize> {
    triggers
        .iter()
        .find(|x| {
            x.span.start >= t.end
                && text[t.end..x.span.start].trim().len() <= 12
                && !text[t.end..x.span.start].contains([',', ';', '.'])
        })
        .filter(|_| {
            text[t.start..t.end].ends_with("\u{2019}s") || text[t.start..t.end].ends_with("'s")
        })
        .map(|x| x.tok)
}

/// Person mentions in the sentence outside quotes, with their positions. Possessives of things
/// ("Mr Trump’s ceasefire hopes") count: their owner takes part in what the sentence tells.
fn sentence_participants(
    text: &str,
    si: usize,
    toks: &[Token<'_>],
    people: &People,
    quote_spans: &[Range<usize>],
) -> Vec<(usize, usize)> {
    let _ = (text, toks);
    people
        .in_sentence(si)
        .filter(|m| {
            !quote_spans
                .iter()
                .any(|q| q.start <= m.span.start && m.span.start < q.end)
        })
        .map(|m| (m.person, m.span.start))
        .collect()
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

/// The end of a wire dateline at the start of a sentence ("SEOUL, Oct. 14 (Yonhap) --",
/// "BRUSSELS —"): its date is the filing date, not an event's.
fn dateline_end(text: &str, s: &Sentence) -> usize {
    let body = &text[s.span.clone()];
    let first: String = body
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == ' ')
        .collect();
    let caps = first
        .split_whitespace()
        .next()
        .is_some_and(|w| w.len() >= 3 && w.chars().all(|c| c.is_uppercase()));
    if !caps {
        return s.span.start;
    }
    for dash in [" -- ", " \u{2014} ", " \u{2013} ", " - "] {
        if let Some(p) = body.find(dash) {
            if p < 80 {
                return s.span.start + p + dash.len();
            }
        }
    }
    s.span.start
}

/// People who only report an event are not in it: in "Vance said Trump would meet
/// senators", Vance is the source. A speaker stays when the event is the one they speak at
/// ("Hayashi told a news conference").
fn drop_reporters(
    toks: &[Token<'_>],
    triggers: &[Trigger],
    people: &People,
    participants: &mut Vec<(usize, usize)>,
) {
    participants.retain(|&(_, pos)| {
        let Some(k) = toks.iter().position(|t| t.span.start >= pos) else {
            return true;
        };
        // The speech verb right after the mention (allowing an appositive or adverb).
        let verb = toks[k..]
            .iter()
            .take(8)
            .position(|t| SAY_VERBS.contains(&t.text.to_lowercase().as_str()));
        let Some(v) = verb.map(|v| v + k) else {
            return true;
        };
        // A comma-free stretch from the mention to the verb, or an appositive closed by a comma.
        // Another person between them is the verb's subject instead.
        if people
            .starting_in(pos + 1..toks[v].span.start)
            .iter()
            .any(|m| {
                m.span.start > pos
                    && m.span.start < toks[v].span.start
                    && m.span.start >= toks[k].span.end
            })
        {
            return true;
        }
        let later: Vec<&Trigger> = triggers.iter().filter(|t| t.tok > v).collect();
        if later.is_empty() || triggers.iter().any(|t| t.tok < v && t.tok >= k) {
            return true;
        }
        // "Lopez said she had spoken with Marsh": the reported clause is about the speaker.
        let next = toks.get(v + 1).map(|t| t.text.to_lowercase());
        let about_self = matches!(next.as_deref(), Some("he" | "she"))
            || next.as_deref() == Some("that")
                && toks
                    .get(v + 2)
                    .is_some_and(|t| matches!(t.text, "he" | "she"));
        if about_self {
            return true;
        }
        // A clause starts between the verb and the first later trigger.
        let first = later[0].tok;
        let clause = toks[v + 1..first].iter().any(|t| {
            matches!(
                t.text.to_lowercase().as_str(),
                "that" | "the" | "he" | "she" | "they" | "it" | "we" | "i"
            ) || t.is_capitalised()
        });
        !clause
    });
}

/// A sentence that opens with "He" or "She" adds the person it refers to: the subject of the
/// nearest earlier sentence that names a fitting person.
fn pronoun_subject(
    text: &str,
    sentences: &[Sentence],
    si: usize,
    toks: &[Token<'_>],
    people: &People,
    out: &mut Vec<(usize, usize)>,
) {
    let Some(first) = toks.first() else { return };
    let gender = match first.text {
        "He" => Gender::Male,
        "She" => Gender::Female,
        _ => return,
    };
    let _ = (text, sentences);
    for s in (si.saturating_sub(6)..si).rev() {
        let m = people
            .in_sentence(s)
            .find(|m| people.persons[m.person].gender.is_none_or(|g| g == gender));
        if let Some(m) = m {
            out.insert(0, (m.person, first.span.start));
            return;
        }
    }
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
    if after.first().is_some_and(|w| w.text == "with") {
        if let Some(g) = after.iter().position(|w| GROUP_NOUNS.contains(&w.text)) {
            let start = after[1].span.start;
            return vec![text[start..after[g].span.end].to_string()];
        }
    }
    Vec::new()
}

/// The most specific place the sentence names with "in" or "at", looked up in the gazetteer:
/// (place, rank) with rank 3 for a venue or city, 2 a region, 1 a country.
fn sentence_place(text: &str, toks: &[Token<'_>], triggers: &[Trigger]) -> Option<(Place, u8)> {
    let moving = triggers
        .iter()
        .any(|x| matches!(x.kind, "visit" | "arrival"));
    let mut best: Option<(Place, u8)> = None;
    // A venue ("at Leinster House") and a city ("in Dublin") in one sentence make one place.
    let mut venue: Option<Place> = None;
    for (k, t) in toks.iter().enumerate() {
        let lw = t.text.to_lowercase();
        let at = matches!(lw.as_str(), "at" | "outside" | "inside");
        let allowed = at
            || lw == "in"
            || moving
                && matches!(
                    lw.as_str(),
                    "to" | "visit" | "visiting" | "visited" | "visits" | "for"
                );
        if !allowed {
            continue;
        }
        // "at No 10", "in Anchorage", "at a Cold War-era air force base in Alaska".
        let mut j = k + 1;
        let the = toks.get(j).is_some_and(|w| w.text == "the");
        if the {
            j += 1;
        }
        let Some(first) = toks.get(j) else { continue };
        if !first.is_capitalised() {
            continue;
        }
        let mut end = j;
        while end + 1 < toks.len()
            && !toks[end].is_possessive()
            && (toks[end + 1].is_capitalised()
                || toks[end + 1].text.chars().all(|c| c.is_ascii_digit()))
            && text[toks[end].span.end..toks[end + 1].span.start] == *" "
        {
            end += 1;
        }
        let name = strip_possessive(&text[first.span.start..toks[end].span.end]).to_string();
        if let Some(found) = place_named(&name) {
            if best.as_ref().is_none_or(|(_, r)| found.1 > *r) {
                best = Some(found);
            }
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
            && plain
            && (building || the || words.len() >= 2)
            && venue.is_none()
        {
            venue = Some(Place {
                name,
                city: None,
                region: None,
                country: None,
                time_zone: None,
            });
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
fn place_named(name: &str) -> Option<(Place, u8)> {
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
            },
            3,
        ));
    }
    match gazetteer::place(name)? {
        PlaceKind::City(c) => Some((
            Place {
                name: c.name.to_string(),
                city: Some(c.name.to_string()),
                region: c.region.map(str::to_string),
                country: gazetteer::country_by_code(c.country).map(|k| k.name.to_string()),
                time_zone: Some(c.time_zone.to_string()),
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
    s: &Sentence,
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
    let reported_would = |idx: usize| {
        toks[..idx]
            .iter()
            .rev()
            .take(4)
            .any(|w| lexicon::REPORTING_VERBS.contains(&w.text.to_lowercase().as_str()))
    };
    let modal_before = before.iter().enumerate().rev().take(10).any(|(idx, w)| {
        let lw = w.text.to_lowercase();
        lexicon::MODAL_HYPOTHETICAL.contains(&lw.as_str())
            && !(lw == "would" && reported_would(idx))
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
        if gap.contains(',') || gap.contains(';') {
            break;
        }
    }
    let indefinite = !t.definite && !t.verb;
    if modal_before || modal_after && indefinite {
        return EventStatus::Hypothetical;
    }
    if let Some(day) = time.and_then(explicit_day) {
        if day < published {
            return EventStatus::Past;
        }
        if day > published {
            return EventStatus::Scheduled;
        }
    }
    match time::tense_at(text, s.span.clone(), t.span.start) {
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
}
