//! Direct quotes (words in quotation marks) and reported speech, each with its speaker.
//!
//! A speaker is given only when the text names one: a person mention next to a speech verb, a
//! pronoun resolved to the nearest fitting person, or a named organisation ("the White House").
//! Unnamed sources ("one resident said", "officials said") leave the speaker empty, and so does
//! a quote with no attribution that does not continue a quote in the sentence before.

use std::ops::Range;

use super::lexicon::{self, Gender};
use super::people::People;
use super::sentences::{Sentence, Token, lowercase, lowercase_in, sentence_tokens, tokens};
use crate::model::QuoteKind;

/// How far from a verb its subject is looked for, in bytes: far enough for a name with an
/// aside, near enough that a run-on sentence stays linear.
const NEAR_BYTES: usize = 400;

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

/// Whether `range` holds fewer than three words (looking only at its start).
fn fewer_than_three_words(text: &str, range: &Range<usize>) -> bool {
    let end = ceil_boundary(text, (range.start + 120).min(range.end));
    tokens(text, range.start..end).len() < 3
}

/// How many words after a reporting verb are searched for the end of its clause.
const MAX_CLAUSE_WORDS: usize = 120;
/// Verbs that, after "and", are the speaker's next act rather than part of what was said:
/// "said the bill would help parents and thanked lawmakers from both parties".
const SPEAKER_ACTS: &[&str] = &[
    "thanked",
    "welcomed",
    "congratulated",
    "apologised",
    "apologized",
    "blamed",
    "pledged",
];

/// How far after "told" an explicit "that" is looked for past a hearer with its place and time.
const MAX_HEARER_WORDS: usize = 16;

/// How many sentences back a pronoun may find its person.
const PRONOUN_REACH: usize = 6;

/// Who said something.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Speaker {
    /// A person, by index into [`People::persons`].
    Person(usize),
    /// A named source that is not a person: "the White House".
    Named(String),
    /// The text does not say, or names no one ("a spokesperson").
    Unknown,
}

/// A quote found in the text, before ids and evidence are attached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteMention {
    /// Direct or reported.
    pub kind: QuoteKind,
    /// Byte range of the quoted words (inside the marks, or the reported clause).
    pub span: Range<usize>,
    /// Extra byte ranges when a split quote continues ("“We are ready,” she said, “but …”").
    pub continuation: Vec<Range<usize>>,
    /// The sentence that holds its start.
    pub sentence: usize,
    /// Who said it.
    pub speaker: Speaker,
    /// The attributing verb or phrase.
    pub cue: Option<String>,
}

/// A span inside quotation marks: `outer` includes the marks.
#[derive(Clone, Debug)]
struct Marked {
    inner: Range<usize>,
    outer: Range<usize>,
    /// Closed by the end of its paragraph, not by a mark: the quote goes on in the next
    /// paragraph, as newspapers print a long quote.
    open_ended: bool,
}

/// Finds quotation-mark spans: curly double, straight double, and curly single quotes used as
/// quotation marks (British style). A quote left open at the end of a paragraph closes there.
fn marked_spans(text: &str) -> Vec<Marked> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = if k > 0 { Some(chars[k - 1].1) } else { None };
        let next = chars.get(k + 1).map(|&(_, c)| c);
        match (open, c) {
            (_, '\n') => {
                if let Some((s, mark)) = open.take() {
                    let inner = s + mark.len_utf8()..i;
                    if !text[inner.clone()].trim().is_empty() {
                        out.push(Marked {
                            inner,
                            outer: s..i,
                            open_ended: true,
                        });
                    }
                }
            }
            (None, '\u{201C}') => open = Some((i, c)),
            (None, '"')
                if prev.is_none_or(|p| !p.is_alphanumeric())
                    && next.is_some_and(|n| !n.is_whitespace()) =>
            {
                open = Some((i, c))
            }
            (None, '\u{2018}')
                if prev.is_none_or(|p| p.is_whitespace() || p == '(')
                    && next.is_some_and(char::is_alphanumeric) =>
            {
                open = Some((i, c))
            }
            (Some((s, '\u{201C}')), '\u{201D}') | (Some((s, '"')), '"') => {
                let mark = text[s..].chars().next().map_or(1, char::len_utf8);
                out.push(Marked {
                    inner: s + mark..i,
                    outer: s..i + c.len_utf8(),
                    open_ended: false,
                });
                open = None;
            }
            (Some((s, '\u{2018}')), '\u{2019}')
                if next.is_none_or(|n| !n.is_alphanumeric())
                    && prev.is_some_and(|p| !p.is_whitespace()) =>
            {
                out.push(Marked {
                    inner: s + 3..i,
                    outer: s..i + 3,
                    open_ended: false,
                });
                open = None;
            }
            _ => {}
        }
    }
    if let Some((s, mark)) = open {
        let inner = s + mark.len_utf8()..text.len();
        if !text[inner.clone()].trim().is_empty() {
            out.push(Marked {
                inner,
                outer: s..text.len(),
                open_ended: true,
            });
        }
    }
    out
}

/// Trims whitespace and a trailing comma from a quote's inner span.
fn trim_inner(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim().trim_end_matches([',', ';', ':']).trim_end();
    r.start + lead..r.start + lead + t.len()
}

/// Finds every direct and reported quote, in text order.
pub fn find_quotes(text: &str, sentences: &[Sentence], people: &People) -> Vec<QuoteMention> {
    find_quotes_in(text, sentences, &sentence_tokens(text, sentences), people)
}

/// [`find_quotes`], given every sentence's tokens ([`sentence_tokens`]), which the extractor
/// splits once for all its passes.
pub fn find_quotes_in(
    text: &str,
    sentences: &[Sentence],
    sentence_tokens: &[Vec<Token<'_>>],
    people: &People,
) -> Vec<QuoteMention> {
    let marked = marked_spans(text);
    // Sentences are in text order: a binary search finds the one holding a position.
    let sentence_of = |pos: usize| {
        let k = sentences.partition_point(|s| s.span.start <= pos);
        k.checked_sub(1)
            .filter(|&i| pos < sentences[i].span.end.max(sentences[i].span.start + 1))
    };
    let mut out: Vec<QuoteMention> = Vec::new();
    let mut by_sentence: Vec<Vec<&Marked>> = vec![Vec::new(); sentences.len()];
    for m in &marked {
        if let Some(si) = sentence_of(m.outer.start) {
            by_sentence[si].push(m);
        }
    }
    let mut ctx = Attribution {
        text,
        sentences,
        people,
        marked: &marked,
        last_speaker: None,
        unnamed_subjects: std::cell::RefCell::new(Vec::new()),
    };
    // A direct quote left open at a paragraph end: (index in `out`, sentence of its last part).
    let mut open_quote: Option<(usize, usize)> = None;
    for (si, s) in sentences.iter().enumerate() {
        let toks = &sentence_tokens[si][..];
        let quotes = &by_sentence[si];
        // Tokens outside the quotation marks; quotes are in order, so one pass does it.
        let mut outside: Vec<&Token<'_>> = Vec::with_capacity(toks.len());
        let mut qi = 0;
        for t in toks {
            while qi < quotes.len() && quotes[qi].outer.end <= t.span.start {
                qi += 1;
            }
            let inside = qi < quotes.len()
                && quotes[qi].outer.start <= t.span.start
                && t.span.end <= quotes[qi].outer.end;
            if !inside {
                outside.push(t);
            }
        }
        let mut sentence_speaker: Option<(Speaker, String)> = None;
        if !quotes.is_empty() {
            // One attribution serves all quote parts in the sentence (split quotes).
            let attributed = ctx.attribute_sentence(si, toks, quotes, &outside);
            let quote_only = outside.is_empty();
            let (speaker, cue) = match attributed {
                Some((sp, cue)) => (sp, Some(cue)),
                None if quote_only && continues_previous(text, sentences, si) => {
                    match &ctx.last_speaker {
                        Some((sp, last_si)) if *last_si + 2 >= si => (sp.clone(), None),
                        _ => (Speaker::Unknown, None),
                    }
                }
                None => (Speaker::Unknown, None),
            };
            // Parts joined by an attribution are one quote; separate parts with text between
            // them that is not an attribution stay separate.
            let spans: Vec<Range<usize>> = quotes
                .iter()
                .map(|m| trim_inner(text, m.inner.clone()))
                .filter(|r| !r.is_empty())
                .collect();
            if !spans.is_empty() {
                let split = spans.len() == 2 && is_split(text, quotes);
                // “We are ready,” she said. “But not at any price.” — a quote that goes on in
                // the next sentence of the same paragraph is one quote.
                // Only the quotes of the sentence before need looking at.
                let prev_direct = (0..out.len())
                    .rev()
                    .take_while(|&i| out[i].sentence + 1 >= si)
                    .find(|&i| out[i].kind == QuoteKind::Direct && out[i].sentence + 1 == si);
                // So is a quote-only paragraph right after a paragraph that gave the quote and
                // its attribution, and a quote after an unnamed source's ("…,” one voter said.
                // “…”) keeps that source, unnamed.
                let goes_on = quote_only
                    && spans.len() == 1
                    && prev_direct.is_some_and(|p| {
                        let prev = &sentences[out[p].sentence];
                        (out[p].speaker == speaker || speaker == Speaker::Unknown)
                            && out[p].cue.is_some()
                            && out[p].continuation.len() < 8
                            && text[prev.span.clone()].starts_with(['\u{201C}', '"', '\u{2018}'])
                            && text[out[p].span.end..prev.span.end]
                                .chars()
                                .filter(|c| matches!(c, '\u{201C}' | '"'))
                                .count()
                                <= 1
                    });
                // A paragraph that opens with a quote mark after a paragraph whose quote was
                // never closed continues that quote.
                let continues_open = open_quote.filter(|&(_, last_si)| {
                    quotes[0].outer.start == s.span.start
                        && last_si + 1 == si
                        && sentences[last_si].paragraph < s.paragraph
                });
                if let Some((p, _)) = continues_open {
                    out[p].continuation.push(spans[0].clone());
                    if out[p].speaker == Speaker::Unknown && speaker != Speaker::Unknown {
                        out[p].speaker = speaker.clone();
                        out[p].cue.clone_from(&cue);
                    }
                    for r in spans.iter().skip(1) {
                        out.push(QuoteMention {
                            kind: QuoteKind::Direct,
                            span: r.clone(),
                            continuation: Vec::new(),
                            sentence: si,
                            speaker: speaker.clone(),
                            cue: cue.clone(),
                        });
                    }
                } else if goes_on {
                    if let Some(p) = prev_direct {
                        out[p].continuation.push(spans[0].clone());
                    }
                } else if split {
                    out.push(QuoteMention {
                        kind: QuoteKind::Direct,
                        span: spans[0].clone(),
                        continuation: vec![spans[1].clone()],
                        sentence: si,
                        speaker: speaker.clone(),
                        cue: cue.clone(),
                    });
                } else {
                    for r in spans {
                        out.push(QuoteMention {
                            kind: QuoteKind::Direct,
                            span: r,
                            continuation: Vec::new(),
                            sentence: si,
                            speaker: speaker.clone(),
                            cue: cue.clone(),
                        });
                    }
                }
            }
            // The last quote of this sentence, if its paragraph ended before its closing mark.
            open_quote = quotes.last().filter(|m| m.open_ended).and_then(|m| {
                let owner = (0..out.len()).rev().find(|&i| {
                    out[i].kind == QuoteKind::Direct
                        && (out[i].span.start >= m.inner.start && out[i].span.start < m.outer.end
                            || out[i]
                                .continuation
                                .iter()
                                .any(|c| c.start >= m.inner.start && c.start < m.outer.end))
                })?;
                Some((owner, si))
            });
            if speaker != Speaker::Unknown {
                sentence_speaker = Some((speaker.clone(), cue.clone().unwrap_or_default()));
                ctx.last_speaker = Some((speaker, si));
            } else if !quote_only {
                // An unnamed attribution breaks any carry-over.
                ctx.last_speaker = None;
            }
        }
        let first_reported = out.len();
        for r in ctx.reported(si, toks, quotes) {
            if sentence_speaker.is_none() && r.speaker != Speaker::Unknown {
                ctx.last_speaker = Some((r.speaker.clone(), si));
            }
            out.push(r);
        }
        // 'The two agreed to "accelerate preparations", the ministry said': a partial quote
        // with no speaker of its own, inside a reported clause, has the clause's speaker.
        for r in first_reported..out.len() {
            let (clause, speaker, cue) = (
                out[r].span.clone(),
                out[r].speaker.clone(),
                out[r].cue.clone(),
            );
            if speaker == Speaker::Unknown {
                continue;
            }
            for q in out[..first_reported].iter_mut().rev() {
                if q.sentence != si {
                    break;
                }
                // Not words relayed inside the clause: 'Holloway said commanders had told
                // him "drones are …"' — the quoted words are the commanders'.
                let relayed = || {
                    text[clause.start..q.span.start]
                        .split(|c: char| !c.is_alphabetic())
                        .any(|w| {
                            matches!(
                                w,
                                "said"
                                    | "says"
                                    | "told"
                                    | "tells"
                                    | "saying"
                                    | "telling"
                                    | "wrote"
                                    | "added"
                                    | "asked"
                            )
                        })
                };
                if q.kind == QuoteKind::Direct
                    && q.speaker == Speaker::Unknown
                    && clause.start <= q.span.start
                    && q.span.end <= clause.end + 1
                    && !relayed()
                {
                    q.speaker = speaker.clone();
                    q.cue.clone_from(&cue);
                }
            }
        }
    }
    issuers_of_statements(text, sentences, &mut out);
    out.sort_by_key(|q| (q.span.start, q.kind == QuoteKind::Reported));
    out
}

/// Whether the words before a speech verb are an indefinite subject whose head is a common
/// noun: "An adviser to the French president, speaking on condition of anonymity,", "One
/// Liberal MP who backed Hastie", "One resident, who lives off Dry Creek Road,". A name inside
/// its modifiers is not the speaker. "A day later, Mr Trump" is not such a subject: after the
/// head comes neither a modifier nor the verb.
fn indefinite_subject(words: &str) -> bool {
    let words: Vec<&str> = words
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\u{201D}' | ','))
        .split_whitespace()
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    if !matches!(
        first.to_lowercase().as_str(),
        "a" | "an" | "one" | "another" | "two" | "three" | "several"
    ) {
        return false;
    }
    // Capitalised modifiers ("Liberal", "French") then the head noun.
    let mut h = 1;
    while h < words.len().min(3) && words[h].starts_with(char::is_uppercase) && h + 1 < words.len()
    {
        let all_caps = words[h]
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
        if all_caps {
            break;
        }
        h += 1;
    }
    let Some(head) = words.get(h) else {
        return false;
    };
    let head = head.trim_end_matches(',');
    let noun = head.chars().all(|c| c.is_lowercase() || c == '-')
        || (head.len() <= 4 && head.chars().all(|c| c.is_ascii_uppercase()));
    if !noun || lexicon::is_speech_verb(head) {
        return false;
    }
    let rest = &words[h + 1..];
    words[h].ends_with(',')
        || rest.is_empty()
        || matches!(
            rest[0],
            "who" | "to" | "of" | "for" | "at" | "from" | "in" | "with" | "close" | "familiar"
        )
}

/// '"Americans deserve better," the statement said': a statement's words are its issuer's,
/// the speaker of the report a sentence or two before that names the statement ("The White
/// House said in a statement that …").
fn issuers_of_statements(text: &str, sentences: &[Sentence], out: &mut [QuoteMention]) {
    for i in 0..out.len() {
        let Speaker::Named(name) = &out[i].speaker else {
            continue;
        };
        if !matches!(
            name.as_str(),
            "the statement" | "the release" | "the readout"
        ) {
            continue;
        }
        let noun = name.trim_start_matches("the ");
        let si = out[i].sentence;
        // Mentions are in sentence order here: look back two sentences, no further, so a
        // run of statements stays linear.
        let issuer = out[..i]
            .iter()
            .rev()
            .take_while(|q| q.sentence + 2 >= si)
            .find_map(|q| {
                let near = q.sentence < si;
                let names_it = text[sentences[q.sentence].span.clone()].contains(noun);
                match &q.speaker {
                    Speaker::Unknown => None,
                    Speaker::Named(n) if n == name => None,
                    sp => (near && names_it).then(|| sp.clone()),
                }
            });
        if let Some(sp) = issuer {
            out[i].speaker = sp;
        }
    }
}

/// Whether sentence `si` (a quote on its own) continues a quote from the sentence before: the
/// previous sentence ends with a quote attribution or a colon, in this paragraph or the last.
fn continues_previous(text: &str, sentences: &[Sentence], si: usize) -> bool {
    if si == 0 {
        return false;
    }
    let prev = &sentences[si - 1];
    let cur = &sentences[si];
    cur.paragraph <= prev.paragraph + 1 && !text[prev.span.clone()].trim().is_empty()
}

/// Two quote parts with only an attribution between them: "“We are ready,” she said, “but …”".
fn is_split(text: &str, quotes: &[&Marked]) -> bool {
    let between = &text[quotes[0].outer.end..quotes[1].outer.start];
    let words: Vec<String> = between
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let inner_first = text[quotes[0].inner.clone()].trim_end();
    let first_open = inner_first.ends_with(',')
        || inner_first.ends_with('\u{2013}')
        || inner_first.ends_with('-');
    first_open
        && words.len() <= 8
        && words.iter().any(|w| lexicon::is_speech_verb(w))
        && between.trim_end().ends_with(',')
}

struct Attribution<'a> {
    text: &'a str,
    sentences: &'a [Sentence],
    people: &'a People,
    marked: &'a [Marked],
    last_speaker: Option<(Speaker, usize)>,
    /// Sentences whose speaker is an unnamed person ("One resident, who lives off Dry Creek
    /// Road, said"): a "she said" after one refers to that person, so stays unnamed.
    unnamed_subjects: std::cell::RefCell<Vec<usize>>,
}

impl Attribution<'_> {
    fn inside_quote(&self, pos: usize) -> bool {
        // Quote spans are in text order and do not overlap.
        let k = self.marked.partition_point(|m| m.outer.start <= pos);
        k > 0 && pos < self.marked[k - 1].outer.end
    }

    /// The speaker and cue for the quotes in one sentence.
    fn attribute_sentence(
        &self,
        si: usize,
        toks: &[Token<'_>],
        quotes: &[&Marked],
        outside: &[&Token<'_>],
    ) -> Option<(Speaker, String)> {
        // After a quote: “…,” X said / “…,” said X / “…,” he added.
        for m in quotes {
            // Only a quote that closes its clause takes an attribution after it: “…,” she said /
            // “…?” he asked / “…”, he said. A partial quote running on into the sentence does not.
            let inner = self.text[m.inner.clone()].trim_end();
            let closes_clause = inner
                .ends_with([',', '?', '!', '.', '\u{2026}', '-', '\u{2013}', '\u{2014}'])
                || self.text[m.outer.end..].starts_with(',');
            if !closes_clause {
                continue;
            }
            let from = outside.partition_point(|t| t.span.start < m.outer.end);
            let after: Vec<&&Token<'_>> = outside[from..].iter().take(12).collect();
            if let Some(vi) = after
                .iter()
                .position(|t| lexicon::is_speech_verb(&lowercase_in(t.text, &mut [0u8; 24])))
            {
                // Only directly after the quote: the words before the verb are the subject.
                let verb = after[vi];
                let gap_has_quote = quotes
                    .iter()
                    .any(|q| q.outer.start >= m.outer.end && q.outer.end <= verb.span.start);
                if !gap_has_quote && vi <= 8 {
                    let subject_range = m.outer.end..verb.span.start;
                    if let Some(sp) = self.speaker_in(si, subject_range, verb.span.start) {
                        return Some((sp, verb.text.to_lowercase()));
                    }
                    // "said X": the subject follows the verb. After "told" comes the hearer
                    // ("the Swede told BBC Radio"), never the speaker.
                    let hearer_verb = matches!(
                        verb.text,
                        "told" | "tells" | "telling" | "asked" | "urged" | "warned"
                    );
                    let end = after
                        .get(vi + 6)
                        .map_or(self.sentences[si].span.end, |t| t.span.end);
                    if let Some(sp) = (!hearer_verb)
                        .then(|| self.speaker_in(si, verb.span.end..end, verb.span.end))
                        .flatten()
                    {
                        return Some((sp, verb.text.to_lowercase()));
                    }
                    if self.unnamed_in(m.outer.end..end) {
                        return Some((Speaker::Unknown, verb.text.to_lowercase()));
                    }
                }
            }
        }
        // Before the first quote: X said: “…” / X insisted the man was “…”.
        let first = quotes[0];
        // The attribution before a quote stands near it; a bounded window keeps run-on
        // sentences linear.
        let upto = outside.partition_point(|t| t.span.end <= first.outer.start);
        let lo =
            outside[..upto].partition_point(|t| t.span.start + 4 * NEAR_BYTES < first.outer.start);
        let before: Vec<&&Token<'_>> = outside[lo..upto].iter().collect();
        // The speech verb nearest the quote governs it: in "X said commanders had told him
        // “…”" the words are the commanders'.
        let verb_idx = before.iter().rposition(|t| {
            let w = lowercase(t.text);
            lexicon::is_speech_verb(&w) || w == "according"
        });
        if let Some(vi) = verb_idx {
            let verb = before[vi];
            let cue = if verb.text.eq_ignore_ascii_case("according") {
                "according to".to_string()
            } else {
                verb.text.to_lowercase()
            };
            if cue == "according to" {
                let end = before
                    .get(vi + 6)
                    .map_or(first.outer.start, |t| t.span.end.min(first.outer.start));
                if let Some(sp) = self.speaker_in(si, verb.span.end..end, verb.span.end) {
                    return Some((sp, cue));
                }
            }
            let participle = verb.text.ends_with("ing")
                && self.text[..verb.span.start].trim_end().ends_with(',');
            let sentence_start = self.sentences[si].span.start;
            let subject_range = sentence_start..verb.span.start;
            let sp = if participle {
                self.first_subject(si, subject_range)
            } else {
                self.speaker_in(si, subject_range, verb.span.start)
            };
            if let Some(sp) = sp {
                return Some((sp, cue));
            }
            // "said X: “…”"
            let end = before
                .get(vi + 6)
                .map_or(first.outer.start, |t| t.span.end.min(first.outer.start));
            if let Some(sp) = self.speaker_in(si, verb.span.end..end, verb.span.end) {
                return Some((sp, cue));
            }
        }
        let _ = toks;
        None
    }

    /// The speaker named in `range` of sentence `si`, nearest to `verb_pos`: a person mention, a
    /// pronoun, or a named organisation. `None` if none.
    fn speaker_in(&self, si: usize, range: Range<usize>, verb_pos: usize) -> Option<Speaker> {
        if range.start >= range.end {
            return None;
        }
        let text = self.text;
        if verb_pos >= range.end && indefinite_subject(&text[range.clone()]) {
            self.unnamed_subjects.borrow_mut().push(si);
            return Some(Speaker::Unknown);
        }
        // Mentions in the range, outside quotes, not possessive ("Mr Trump’s efforts").
        let cands: Vec<_> = self
            .people
            .starting_in(range.clone())
            .iter()
            .filter(|m| m.span.end <= range.end && !self.inside_quote(m.span.start))
            .filter(|m| {
                !text[m.span.end..].starts_with('\u{2019}') && !text[m.span.end..].starts_with('\'')
            })
            .filter(|m| !preceded_by_preposition(text, m.span.start))
            .collect();
        if verb_pos >= range.end
            && let Some(sp) = self.subject_just_before(si, range.clone(), verb_pos)
        {
            return Some(sp);
        }
        // Nearest to the verb wins; before the verb, the last one; after, the first one.
        // Before the verb, only when a few words without a comma stand between.
        let pick = if verb_pos >= range.end {
            cands.last().filter(|m| {
                let between = &text[m.span.end.min(verb_pos)..verb_pos];
                // "Dr Nguyen Thi Lan of the Diplomatic Academy of Viet Nam said": a body the
                // person belongs to may take more words.
                let limit = if between.trim_start().starts_with("of ") {
                    10
                } else {
                    6
                };
                !between.contains(',') && between.split_whitespace().count() <= limit
            })
        } else {
            cands.first()
        };
        // A mention at a relative clause: "Mr Trump, who once said" keeps the mention before.
        if let Some(m) = pick {
            return Some(Speaker::Person(m.person));
        }
        // "The nominee, Rachel Okafor, a former chief operating officer of Delta, told": the
        // name opening the subject, with appositives set off by commas up to the verb.
        if verb_pos >= range.end
            && let Some(m) = cands.first()
        {
            let lead = &text[range.start..m.span.start];
            let tail = text[m.span.end..verb_pos].trim_end();
            // "Republican Sen. Laura Brennaman of Mesa, told": the home town or body before the
            // closing comma belongs to the name.
            let of_tail = tail.strip_prefix(" of ").is_some_and(|rest| {
                rest.ends_with(',')
                    && !rest[..rest.len() - 1].contains([',', '"', '\u{201C}', ';'])
                    && rest.split_whitespace().count() <= 8
            });
            let lead_ok = lead.split_whitespace().count() <= 3
                && !lead.contains(['.', ';'])
                && (lead.trim().is_empty() || lead.trim_end().ends_with(','));
            if lead_ok
                && (tail.starts_with(',') || of_tail)
                && tail.ends_with(',')
                && tail.split_whitespace().count() <= 16
                && !tail.contains(['"', '\u{201C}', ';'])
            {
                return Some(Speaker::Person(m.person));
            }
        }
        // Only the words next to the verb matter; a bounded window keeps a run-on sentence
        // linear.
        let near_range = if verb_pos >= range.end {
            floor_boundary(text, range.end.saturating_sub(NEAR_BYTES)).max(range.start)..range.end
        } else {
            range.start..ceil_boundary(text, (range.start + NEAR_BYTES).min(range.end))
        };
        let toks = tokens(text, near_range);
        let near: Vec<&Token<'_>> = if verb_pos >= range.end {
            toks.iter().rev().take(4).collect()
        } else {
            toks.iter().take(4).collect()
        };
        for t in &near {
            if let Some(g) = lexicon::pronoun_gender(t.text) {
                if matches!(t.text, "his" | "His" | "her" | "Her") {
                    continue;
                }
                return Some(self.resolve_pronoun(si, t.span.start, g));
            }
            if matches!(t.text, "who" | "Who") {
                // "X, who said": the mention before the comma.
                let m = self
                    .people
                    .in_sentence(si)
                    .rfind(|m| m.span.end <= t.span.start);
                if let Some(m) = m {
                    return Some(Speaker::Person(m.person));
                }
            }
            if matches!(t.text, "It" | "it")
                && let Some((Speaker::Named(n), _)) = &self.last_speaker
            {
                return Some(Speaker::Named(n.clone()));
            }
            if matches!(t.text, "they" | "They" | "we" | "We" | "I") {
                return Some(Speaker::Unknown);
            }
        }
        // A named organisation: "the White House announced".
        let org = self
            .people
            .organisations
            .iter()
            .filter(|(r, _)| r.start >= range.start && r.end <= range.end)
            // Next to the verb: "the White House announced", "said the Kremlin"; a place
            // named further off ("workers in Hamilton, where …, said") is not the speaker.
            .filter(|(r, name)| {
                let between = if verb_pos >= r.end {
                    &text[r.end..verb_pos]
                } else {
                    &text[verb_pos..r.start]
                };
                let adjacent = !between.contains(',') && between.split_whitespace().count() <= 3;
                // "The Rail Delivery Group, which represents operators, said": an organisation
                // (not a place) with a relative clause or appositive between.
                let t = between.trim();
                let aside = verb_pos >= r.end
                    && t.starts_with(',')
                    && t.ends_with(',')
                    && between.split_whitespace().count() <= 14
                    && !super::gazetteer::is_place_name(name);
                adjacent || aside
            })
            .min_by_key(|(r, _)| {
                if verb_pos >= range.end {
                    verb_pos - r.end
                } else {
                    r.start - verb_pos
                }
            });
        if let Some((r, name)) = org {
            let before = text[..r.start].trim_end();
            let the = before.ends_with(" the")
                || before.ends_with(" The")
                || before == "The"
                || before == "the";
            let name = if the && !name.starts_with("The ") {
                format!("the {name}")
            } else {
                name.replacen("The ", "the ", 1)
            };
            return Some(Speaker::Named(name));
        }
        if self.unnamed_in(range) {
            return Some(Speaker::Unknown);
        }
        None
    }

    /// The subject written right before a verb: "Mr Trump said", "he said", "Mr Trump, who
    /// once said", "Jane Doe, the mayor, said", "the White House announced". `None` when the
    /// words before the verb are something else, so the caller can look further.
    fn subject_just_before(
        &self,
        si: usize,
        range: Range<usize>,
        verb_pos: usize,
    ) -> Option<Speaker> {
        let text = self.text;
        let toks = tokens(
            text,
            floor_boundary(text, verb_pos.saturating_sub(NEAR_BYTES)).max(range.start)..verb_pos,
        );
        // "an official in the Chief Minister's Office said", "a spokesman for the ministry
        // said": an unnamed person of a named body speaks; the body is not the speaker.
        let clause_from = text[range.start..verb_pos]
            .rfind(',')
            .map_or(range.start, |c| range.start + c + 1);
        let clause: Vec<&Token<'_>> = toks
            .iter()
            .filter(|t| t.span.start >= clause_from)
            .collect();
        let unnamed_of = clause.windows(2).any(|w| {
            lexicon::UNNAMED_SPEAKERS.contains(&w[0].text.to_lowercase().as_str())
                && (w[0].text.chars().next().is_some_and(char::is_lowercase)
                    || w[0].span.start == self.sentences[si].span.start)
                && matches!(
                    w[1].text,
                    "in" | "of" | "at" | "for" | "from" | "with" | "to"
                )
        });
        if unnamed_of {
            return Some(Speaker::Unknown);
        }
        let mut k = toks.len();
        // Adverbs and auxiliaries between subject and verb: "has repeatedly said", "also told".
        while k > 0
            && matches!(
                toks[k - 1].text,
                "also"
                    | "once"
                    | "later"
                    | "then"
                    | "has"
                    | "had"
                    | "have"
                    | "was"
                    | "is"
                    | "previously"
                    | "repeatedly"
                    | "publicly"
                    | "earlier"
                    | "again"
                    | "further"
                    | "privately"
                    | "reportedly"
                    | "would"
                    | "will"
                    | "did"
                    | "not"
                    | "never"
                    | "often"
                    | "recently"
                    | "separately"
                    | "himself"
                    | "herself"
            )
        {
            k -= 1;
        }
        let t = toks.get(k.checked_sub(1)?)?;
        // "The council said in a statement that …, and called for": a verb joined to an
        // earlier speech verb shares its subject.
        if t.text == "and" {
            let sentence_start = self.sentences[si].span.start.max(range.start);
            let earlier = toks[..k - 1].iter().rev().find(|v| {
                v.span.start > sentence_start
                    && lexicon::is_speech_verb(&v.text.to_lowercase())
                    && !self.inside_quote(v.span.start)
            });
            if let Some(v) = earlier {
                return self.speaker_in(si, range.start..v.span.start, v.span.start);
            }
        }
        // A mention that ends here, unless it is the object of an aside ("Ms. Okafor, pressed
        // later by Ms. Cantwell, said": Okafor speaks).
        if let Some(m) = self.people.in_sentence(si).find(|m| {
            m.span.start <= t.span.start
                && t.span.end <= m.span.end + 3 + party_tag_len(text, m.span.end)
                && !self.inside_quote(m.span.start)
                && !(preceded_by_preposition(text, m.span.start)
                    && text[m.span.end..verb_pos].trim_start().starts_with(','))
        }) {
            // "a spokesperson for the prime minister said": the spokesperson speaks, unnamed.
            let before = text[..m.span.start].trim_end();
            let owner = before
                .rsplit(' ')
                .next()
                .is_some_and(|w| matches!(w, "for" | "of" | "to" | "from"));
            if owner {
                let head = before.rsplit_once(' ').map_or("", |(h, _)| h).trim_end();
                let noun = head.rsplit(' ').next().unwrap_or("").to_lowercase();
                if lexicon::UNNAMED_SPEAKERS.contains(&noun.as_str()) {
                    return Some(Speaker::Unknown);
                }
            }
            if !text[m.span.end..].starts_with('\u{2019}') && !text[m.span.end..].starts_with('\'')
                || t.span.end <= m.span.end
            {
                return Some(Speaker::Person(m.person));
            }
        }
        if let Some(g) = lexicon::pronoun_gender(t.text)
            && !matches!(t.text, "his" | "His" | "her" | "Her")
        {
            return Some(self.resolve_pronoun(si, t.span.start, g));
        }
        if matches!(t.text, "who" | "Who") {
            let m = self
                .people
                .in_sentence(si)
                .rfind(|m| m.span.end <= t.span.start)?;
            return Some(Speaker::Person(m.person));
        }
        if matches!(t.text, "It" | "it") {
            if let Some((Speaker::Named(n), _)) = &self.last_speaker {
                return Some(Speaker::Named(n.clone()));
            }
            return Some(Speaker::Unknown);
        }
        if matches!(t.text, "they" | "They" | "we" | "We" | "I" | "you") {
            return Some(Speaker::Unknown);
        }
        // A common noun as subject: "one Whitehall official described", "commanders had told",
        // "the presidential office said". An organisation noun names a source; others leave the
        // speaker open.
        let lower = t.text.to_lowercase();
        if t.text.chars().next().is_some_and(char::is_lowercase)
            && !lexicon::is_speech_verb(&lower)
            && !text[t.span.end..verb_pos].contains(',')
        {
            if ORG_NOUNS.contains(&lower.as_str()) || lower == "service" {
                // "Reyes' office said", "Norway's police security service said": the body of a
                // named person or country, as the text writes it.
                let owner = (k.saturating_sub(5)..k.saturating_sub(1)).rev().find(|&o| {
                    toks[o].is_possessive()
                        && toks[o].is_capitalised()
                        && toks[o + 1..k - 1]
                            .iter()
                            .all(|m| m.text.chars().all(char::is_lowercase))
                });
                if let Some(o) = owner
                    && !text[toks[o].span.start..t.span.end].contains(',')
                {
                    return Some(Speaker::Named(
                        text[toks[o].span.start..t.span.end].to_string(),
                    ));
                }
            }
            if ORG_NOUNS.contains(&lower.as_str()) {
                // "her office said": the office of the person "her" refers to.
                let owner = toks
                    .get(k.wrapping_sub(2))
                    .filter(|o| matches!(o.text, "his" | "her" | "His" | "Her"));
                if let Some(o) = owner
                    && let Some(g) = lexicon::pronoun_gender(o.text)
                    && let Speaker::Person(p) = self.resolve_pronoun(si, o.span.start, g)
                {
                    return Some(Speaker::Named(format!(
                        "{}'s {lower}",
                        self.people.persons[p].name
                    )));
                }
                let span_text = &text[range.start..t.span.start];
                let phrase_start = span_text
                    .rfind(" the ")
                    .map(|p| range.start + p + 1)
                    .or_else(|| {
                        (span_text.starts_with("the ") || span_text.starts_with("The "))
                            .then_some(range.start)
                    });
                if let Some(ps) = phrase_start.filter(|ps| t.span.start - ps < 40) {
                    let phrase = &text[ps..t.span.end];
                    // "A spokesman for the foreign ministry said": an unnamed person speaks.
                    let before = text[..ps].trim_end();
                    let owned_by = before
                        .rsplit(' ')
                        .next()
                        .is_some_and(|w| matches!(w, "for" | "of" | "at" | "from" | "with"));
                    if owned_by {
                        return Some(Speaker::Unknown);
                    }
                    if !phrase.contains(',') {
                        return Some(Speaker::Named(phrase.replacen("The ", "the ", 1)));
                    }
                }
            }
            if lexicon::UNNAMED_SPEAKERS.contains(&lower.as_str()) || lower.ends_with('s') {
                return Some(Speaker::Unknown);
            }
        }
        // "Jane Doe, the mayor of Springfield, said": the mention before the appositive.
        let near_start =
            floor_boundary(text, verb_pos.saturating_sub(4 * NEAR_BYTES)).max(range.start);
        let range = near_start..range.end;
        let before_verb = text[range.start..verb_pos].trim_end();
        // "Prof Declan Hughes of University College Dublin, who chaired the group, said": the
        // person before the relative clause, even with an "of …" phrase between.
        if before_verb.ends_with(',')
            && let Some(w) = before_verb.rfind(", who ")
        {
            let who_at = range.start + w;
            if let Some(m) = self.people.in_sentence(si).rfind(|m| {
                m.span.end <= who_at
                    && !self.inside_quote(m.span.start)
                    && !text[m.span.end..who_at].contains(',')
            }) {
                return Some(Speaker::Person(m.person));
            }
        }
        // Up to three asides: "Rep. Glenn Okafor, R-Iowa, who chairs the committee, said".
        if let Some(mut inner) = before_verb.strip_suffix(',') {
            for _ in 0..3 {
                let Some(c) = inner.rfind(", ") else { break };
                let ap_start = range.start + c;
                if let Some(m) = self
                    .people
                    .in_sentence(si)
                    .rfind(|m| m.span.end == ap_start && !self.inside_quote(m.span.start))
                {
                    return Some(Speaker::Person(m.person));
                }
                inner = &inner[..c];
            }
        }
        None
    }

    /// Whether `range` names an unnamed source ("a spokesperson", "one resident").
    fn unnamed_in(&self, range: Range<usize>) -> bool {
        let end = ceil_boundary(self.text, (range.start + NEAR_BYTES).min(range.end));
        tokens(self.text, range.start..end)
            .iter()
            .take(6)
            .any(|t| lexicon::UNNAMED_SPEAKERS.contains(&&*lowercase_in(t.text, &mut [0u8; 24])))
    }

    /// The first non-possessive person mention in `range` (a sentence's subject).
    fn first_subject(&self, si: usize, range: Range<usize>) -> Option<Speaker> {
        let _ = si;
        self.people
            .starting_in(range.clone())
            .iter()
            .filter(|m| m.span.end <= range.end && !self.inside_quote(m.span.start))
            .find(|m| {
                !self.text[m.span.end..].starts_with('\u{2019}')
                    && !self.text[m.span.end..].starts_with('\'')
            })
            .map(|m| Speaker::Person(m.person))
            .or_else(|| {
                let end = ceil_boundary(self.text, (range.start + NEAR_BYTES).min(range.end));
                let toks = tokens(self.text, range.start..end);
                let t = toks.first()?;
                lexicon::pronoun_gender(t.text).map(|g| self.resolve_pronoun(si, t.span.start, g))
            })
    }

    /// "he"/"she" at `pos`: the nearest earlier person of fitting gender, preferring the subject
    /// (first mention) of the nearest sentence that has one. Quotes' own words are skipped.
    fn resolve_pronoun(&self, si: usize, pos: usize, gender: Option<Gender>) -> Speaker {
        let fits = |p: usize| {
            let g = self.people.persons[p].gender;
            gender.is_none() || g.is_none() || g == gender
        };
        // The same sentence first, before the pronoun, unless the name stands in a clause put
        // before the main one: in "Asked whether Trump would meet them, she said", "she" is
        // not Trump.
        let fronted = self.text[..pos].trim_end().ends_with(',');
        let same: Vec<_> = self
            .people
            .in_sentence(si)
            .filter(|m| m.span.end <= pos && !self.inside_quote(m.span.start) && fits(m.person))
            .filter(|_| !fronted)
            .collect();
        if let Some(m) = same.first() {
            return Speaker::Person(m.person);
        }
        // A pronoun refers back a few sentences at most; further back the text leaves it open.
        for s in (si.saturating_sub(PRONOUN_REACH)..si).rev() {
            // Past a sentence whose speaker was an unnamed person, "she" is that person.
            if self.unnamed_subjects.borrow().contains(&s) {
                return Speaker::Unknown;
            }
            let cands: Vec<_> = self
                .people
                .in_sentence(s)
                .filter(|m| !self.inside_quote(m.span.start) && fits(m.person))
                .collect();
            if cands.is_empty() {
                continue;
            }
            // With no gender known and several people in that sentence, the text leaves it open.
            let distinct: std::collections::BTreeSet<usize> =
                cands.iter().map(|m| m.person).collect();
            let subject = cands
                .iter()
                .find(|m| {
                    !self.text[m.span.end..].starts_with('\u{2019}')
                        && !self.text[m.span.end..].starts_with('\'')
                        && !preceded_by_preposition(self.text, m.span.start)
                })
                .unwrap_or(&cands[0]);
            if distinct.len() > 1
                && gender.is_some()
                && distinct
                    .iter()
                    .all(|&p| self.people.persons[p].gender.is_none())
            {
                return Speaker::Person(subject.person);
            }
            return Speaker::Person(subject.person);
        }
        Speaker::Unknown
    }

    /// Reported speech in sentence `si`: "X said (that) CLAUSE", "CLAUSE, X said",
    /// "according to X, CLAUSE".
    fn reported(&self, si: usize, toks: &[Token<'_>], quotes: &[&Marked]) -> Vec<QuoteMention> {
        let text = self.text;
        let s = &self.sentences[si];
        let mut out: Vec<QuoteMention> = Vec::new();
        // Quotes are in text order: a binary search tells whether a token is inside one.
        let outside = |t: &Token<'_>| {
            let k = quotes.partition_point(|m| m.outer.start <= t.span.start);
            !(k > 0 && t.span.end <= quotes[k - 1].outer.end)
        };
        for (k, t) in toks.iter().enumerate() {
            if !outside(t) {
                continue;
            }
            let mut buf = [0u8; 24];
            let w = lowercase_in(t.text, &mut buf);
            if !lexicon::REPORTING_VERBS.contains(&&*w) {
                continue;
            }
            // Forward: "said (on Thursday) (that) CLAUSE".
            let mut j = k + 1;
            // Indirect object of "told": "told reporters", "told the BBC".
            if matches!(&*w, "told" | "telling" | "tells" | "assured" | "warned") {
                // Skip the hearer ("told reporters", "telling Kremlin officials") up to the clause.
                let mut n = 0;
                while j < toks.len()
                    && n < 8
                    && toks[j].text != "that"
                    && !(n > 0
                        && matches!(
                            &*lowercase(toks[j].text),
                            "the"
                                | "he"
                                | "she"
                                | "it"
                                | "they"
                                | "we"
                                | "a"
                                | "his"
                                | "her"
                                | "their"
                                | "there"
                        ))
                {
                    j += 1;
                    n += 1;
                }
                if n == 8 {
                    // "told a press conference in Doha at 6pm local time on Wednesday that …":
                    // a longer hearer with its place and time, up to an explicit "that".
                    let far_that = toks[j - n..]
                        .iter()
                        .take(MAX_HEARER_WORDS)
                        .take_while(|t| !matches!(t.text, "," | "." | ";" | ":") && outside(t))
                        .position(|t| t.text == "that");
                    match far_that {
                        Some(p) => j += p - n,
                        None => continue,
                    }
                }
            }
            // Time adverbials: "on Thursday", "last week", "earlier".
            while j < toks.len() && is_time_adverb_word(toks[j].text) {
                j += 1;
            }
            // "said in a speech on Wednesday that …", "told MPs during a debate that …": a
            // short prepositional phrase before an explicit "that".
            if j < toks.len()
                && matches!(
                    toks[j].text,
                    "in" | "at" | "during" | "on" | "via" | "through" | "after"
                )
                && let Some(n) = toks[j + 1..]
                    .iter()
                    .take(7)
                    .take_while(|t| !matches!(t.text, "," | "." | ";" | ":") && outside(t))
                    .position(|t| t.text == "that")
            {
                j += n + 1;
            }
            let explicit_that = j < toks.len() && toks[j].text == "that";
            if explicit_that {
                j += 1;
            }
            let Some(start_tok) = toks.get(j) else {
                continue;
            };
            let gap = &text[t.span.end..start_tok.span.start];
            if gap.contains(':')
                || gap.contains('\u{201C}')
                || gap.contains('"')
                || gap.contains(',') && !gap.trim_start().starts_with(',')
            {
                // Introduces a direct quote, or is followed by an appositive.
                continue;
            }
            if gap.trim().starts_with(',') || !outside(start_tok) {
                continue;
            }
            // The clause must look like one: a subject word then more words.
            // "said more than 200 people had registered": a quantity as the subject.
            let quantity = matches!(start_tok.text, "more" | "less" | "fewer")
                && toks.get(j + 1).is_some_and(|t| t.text == "than");
            if !is_clause_start(start_tok.text) && !quantity {
                continue;
            }
            let relative = k > 0
                && matches!(toks[k - 1].text, "who" | "once")
                && text[floor_boundary(text, t.span.start.saturating_sub(4 * NEAR_BYTES))
                    .max(s.span.start)..t.span.start]
                    .contains(", who");
            // A clause is looked at over a bounded stretch, so run-on sentences stay linear.
            let mut end = ceil_boundary(
                text,
                (start_tok.span.start + 8 * NEAR_BYTES).min(s.span.end),
            )
            .max(start_tok.span.start);
            if end < s.span.end {
                // Cut at the last word boundary inside the stretch.
                end = text[start_tok.span.start..end]
                    .rfind(' ')
                    .map_or(end, |p| start_tok.span.start + p);
            }
            if relative {
                // "Mr X, who once said CLAUSE, said …": the clause ends at the next comma.
                if let Some(c) = text[start_tok.span.start..end].find(", ") {
                    end = start_tok.span.start + c;
                }
            }
            // "…, according to a readout": the source is not part of what was said.
            if let Some(p) = text[start_tok.span.start..end].find(", according to") {
                end = start_tok.span.start + p;
            }
            // A clause ends where another attribution starts: ", saying …", ", he added".
            // A reported clause runs a few dozen words; looking further would make a run-on
            // sentence quadratic.
            for (k2, t2) in toks.iter().enumerate().skip(j + 1).take(MAX_CLAUSE_WORDS) {
                if t2.span.start >= end {
                    break;
                }
                let mut buf2 = [0u8; 24];
                let w2 = lowercase_in(t2.text, &mut buf2);
                let comma_before = text[..t2.span.start].trim_end().ends_with(',');
                if comma_before && w2.ends_with("ing") && lexicon::is_speech_verb(&w2) {
                    end = text[..t2.span.start].trim_end().len() - 1;
                    break;
                }
                // "said growth remained weak and urged governments to …": a second verb of the
                // speaker's, not part of what was said.
                if k2 > j + 2
                    && matches!(toks[k2 - 1].text, "and" | "but")
                    && outside(t2)
                    // "noted that … and said …"; after "declared a state of emergency and
                    // said" the first verb reported nothing.
                    && (w2.ends_with("ed")
                        || explicit_that && matches!(w2.as_ref(), "said" | "told" | "wrote"))
                    && (lexicon::is_speech_verb(&w2) || SPEAKER_ACTS.contains(&w2.as_ref()))
                {
                    end = toks[k2 - 1].span.start;
                    break;
                }
                let _ = k2;
            }
            let clause = trim_clause(text, start_tok.span.start..end);
            if clause.is_empty() || fewer_than_three_words(text, &clause) {
                continue;
            }
            let subject_range = s.span.start..t.span.start;
            let participle = w.ends_with("ing") && text[..t.span.start].trim_end().ends_with(',');
            // "X said … but warned Y that …": a verb that shares the subject of the report
            // before it shares its speaker.
            let coordinated = k > 0 && matches!(toks[k - 1].text, "and" | "but");
            let speaker = if coordinated && let Some(prev) = out.last() {
                Some(prev.speaker.clone())
            } else if coordinated {
                // "accused Democrats of playing politics and said he would …": the subject
                // of the sentence's first verb.
                self.first_subject(si, subject_range)
            } else if participle {
                self.first_subject(si, subject_range)
            } else {
                self.speaker_in(si, subject_range, t.span.start)
            };
            let Some(speaker) = speaker else {
                continue;
            };
            out.push(QuoteMention {
                kind: QuoteKind::Reported,
                span: clause,
                continuation: Vec::new(),
                sentence: si,
                speaker,
                cue: Some(w.into_owned()),
            });
        }
        // A clause reported inside another by the same speaker ("saying he thinks both …")
        // is one report: keep the outer.
        let mut keep = vec![true; out.len()];
        for a in 0..out.len() {
            for b in 0..out.len() {
                if a != b
                    && keep[a]
                    && out[b].span.start > out[a].span.start
                    && out[b].span.end <= out[a].span.end
                {
                    keep[b] = false;
                }
            }
        }
        let mut k = 0;
        out.retain(|_| {
            k += 1;
            keep[k - 1]
        });
        // Backward: "CLAUSE, X announced." where no forward clause was found.
        if out.is_empty()
            && let Some(q) = self.reported_backward(si, toks, quotes)
        {
            out.push(q);
        }
        out
    }

    /// Who "according to …" names in `range`: a person or named body next to it ("according
    /// to the Foreign Ministry"), the author of what it cites ("according to figures published
    /// by the Tenancies Board"), or a body by its common noun ("according to the ministry").
    fn according_to_source(&self, si: usize, range: Range<usize>) -> Speaker {
        let text = self.text;
        // "according to Pell": the person named right after (whom `speaker_in` passes over as
        // the object of a preposition).
        let lead =
            range.start + (text[range.clone()].len() - text[range.clone()].trim_start().len());
        if let Some(m) = self
            .people
            .starting_in(range.clone())
            .iter()
            .find(|m| m.span.start == lead)
        {
            return Speaker::Person(m.person);
        }
        let phrase = text[range.clone()].trim_end_matches(['.', ' ', '\n']);
        let words: Vec<&str> = phrase.split_whitespace().collect();
        // "the National Conference of State Legislatures": a body's whole proper name.
        let proper = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
        let body_name = (2..=10).contains(&words.len())
            && words.iter().enumerate().all(|(i, w)| {
                proper(w)
                    || i > 0 && i + 1 < words.len() && matches!(*w, "of" | "and" | "for" | "on")
                    || i == 0 && w.eq_ignore_ascii_case("the")
            })
            && words.iter().filter(|w| proper(w)).count() >= 2
            && !super::gazetteer::is_place_name(phrase.trim_start_matches("the "));
        // "Japanese customs data": figures of a named source.
        let data = (2..=4).contains(&words.len())
            && proper(&words[0])
            && words.last().is_some_and(|w| {
                matches!(
                    *w,
                    "data" | "figures" | "statistics" | "estimates" | "records" | "documents"
                )
            });
        if body_name || data {
            return Speaker::Named(phrase.replacen("The ", "the ", 1));
        }
        if let Some(sp) = self.speaker_in(si, range.clone(), range.start)
            && sp != Speaker::Unknown
        {
            return sp;
        }
        // "according to figures published by …", "according to a release from …".
        if let Some((p, link)) = [" by ", " from "]
            .iter()
            .find_map(|l| phrase.find(l).map(|p| (p, l.len())))
        {
            let from = range.start + p + link;
            if let Some(sp) = self.speaker_in(si, from..range.end, from)
                && sp != Speaker::Unknown
            {
                return sp;
            }
        }
        // "the ministry", "the trade ministry": "the", at most one modifier, a body's noun.
        let words: Vec<&str> = phrase.split(' ').collect();
        if (2..=3).contains(&words.len())
            && words[0].eq_ignore_ascii_case("the")
            && words[1..]
                .iter()
                .all(|w| w.chars().all(|c| c.is_lowercase()))
            && words
                .last()
                .is_some_and(|w| ORG_NOUNS.contains(w) && *w != "statement")
        {
            return Speaker::Named(phrase.replacen("The ", "the ", 1));
        }
        Speaker::Unknown
    }

    /// "CLAUSE, X said (Tuesday)." and "CLAUSE, said X.": the attribution after a comma, with
    /// nothing but a time word, or another clause set off by a comma, after it.
    fn reported_backward(
        &self,
        si: usize,
        toks: &[Token<'_>],
        quotes: &[&Marked],
    ) -> Option<QuoteMention> {
        let text = self.text;
        let s = &self.sentences[si];
        // "CLAUSE, according to the Foreign Ministry."
        let body = &text[s.span.clone()];
        if let Some(p) = body.rfind(", according to ") {
            let src = s.span.start + p + ", according to ".len();
            let inside = quotes
                .iter()
                .any(|m| m.outer.start <= s.span.start + p && s.span.start + p < m.outer.end);
            if !inside && !text[src..s.span.end].contains(", ") {
                // "according to a Senate leadership aide" names no one.
                let speaker = if self.unnamed_in(src..s.span.end) {
                    Speaker::Unknown
                } else {
                    self.according_to_source(si, src..s.span.end)
                };
                let clause = trim_clause(text, s.span.start..s.span.start + p);
                if !fewer_than_three_words(text, &clause)
                    && !quotes
                        .iter()
                        .any(|m| m.outer.start <= clause.start && clause.end <= m.outer.end + 3)
                {
                    return Some(QuoteMention {
                        kind: QuoteKind::Reported,
                        span: clause,
                        continuation: Vec::new(),
                        sentence: si,
                        speaker,
                        cue: Some("according to".to_string()),
                    });
                }
            }
        }
        // Quotes are in text order: a binary search tells whether a token is inside one.
        let outside = |t: &Token<'_>| {
            let k = quotes.partition_point(|m| m.outer.start <= t.span.start);
            !(k > 0 && t.span.end <= quotes[k - 1].outer.end)
        };
        for (k, verb) in toks.iter().enumerate() {
            let mut buf = [0u8; 24];
            let lw = lowercase_in(verb.text, &mut buf);
            if !lexicon::REPORTING_VERBS.contains(&&*lw) || !outside(verb) || k == 0 {
                continue;
            }
            // What follows the verb: the sentence end, a time word, or ", arguing …".
            let mut j = k + 1;
            while j < toks.len()
                && j <= k + 3
                && (is_time_adverb_word(toks[j].text)
                    || matches!(toks[j].text, "in" | "a" | "statement"))
            {
                j += 1;
            }
            // "…, Kim Min-ji told a press briefing.": after "told" comes the hearer, a short
            // phrase, not the subject.
            if matches!(&*lw, "told" | "tells") {
                let hearer = toks[j..]
                    .iter()
                    .take_while(|t| !matches!(t.text, "," | "." | ";"))
                    .count();
                if (1..=5).contains(&hearer)
                    && toks
                        .get(j + hearer)
                        .is_none_or(|t| matches!(t.text, "." | ";"))
                {
                    j += hearer;
                }
            }
            let after_end = toks.get(j - 1).map_or(verb.span.end, |t| t.span.end);
            let rest = text[after_end..s.span.end].trim_start();
            let ends_here = rest.is_empty()
                || rest.starts_with(['.', ',', ';'])
                || rest.starts_with('\u{201D}');
            // "…, said X." has the subject after the verb.
            let subject_after = !ends_here;
            // The comma that opens the attribution: the last one before the subject.
            let before_verb = &text[s.span.start..verb.span.start];
            let Some(comma) = before_verb.rfind(", ") else {
                continue;
            };
            let subject_start = s.span.start + comma + 2;
            let subject_words = tokens(text, subject_start..verb.span.start).len();
            let speaker = if subject_after {
                if subject_words != 0 {
                    continue;
                }
                let end = toks.get(k + 6).map_or(s.span.end, |t| t.span.end);
                let sp = self.speaker_in(si, verb.span.end..end, verb.span.end);
                let after_subject = text[verb.span.end..s.span.end].trim_end_matches(['.', ' ']);
                if after_subject.contains(',') && !after_subject.contains(", who") {
                    continue;
                }
                sp
            } else {
                if subject_words == 0 || subject_words > 9 {
                    continue;
                }
                self.speaker_in(si, subject_start..verb.span.start, verb.span.start)
            };
            let Some(speaker) = speaker else { continue };
            // The clause: from the sentence start (after a dateline) to that comma.
            let mut clause_start = s.span.start;
            let body = &text[s.span.clone()];
            for dash in [" -- ", " \u{2014} ", " - "] {
                // The dateline comes before the attribution's comma; a dash after it is in
                // the clause.
                if let Some(p) = body.find(dash).filter(|p| {
                    *p < 60
                        && *p + dash.len() <= comma
                        && body[..*p].chars().next().is_some_and(char::is_uppercase)
                        && body[..*p]
                            .split_whitespace()
                            .next()
                            .is_some_and(|w| w.trim_matches(',').chars().all(|c| c.is_uppercase()))
                }) {
                    clause_start = s.span.start + p + dash.len();
                }
            }
            let clause = trim_clause(text, clause_start..s.span.start + comma);
            if clause.start >= clause.end || fewer_than_three_words(text, &clause) {
                continue;
            }
            // A clause that is itself a quote is a direct quote, already taken.
            if quotes
                .iter()
                .any(|m| m.outer.start <= clause.start && clause.end <= m.outer.end + 3)
            {
                continue;
            }
            return Some(QuoteMention {
                kind: QuoteKind::Reported,
                span: clause,
                continuation: Vec::new(),
                sentence: si,
                speaker,
                cue: Some(lw.into_owned()),
            });
        }
        None
    }
}

/// Words of a time adverbial between a speech verb and what was said: "said on Thursday
/// that", "told reporters late Tuesday".
/// The length in bytes of a US party-and-state tag right after a name at `end` (" (R-Kan.)",
/// " (D-N.Y.)", " (I)"), which stands between a lawmaker's name and the verb in American
/// reports; 0 when there is none.
fn party_tag_len(text: &str, end: usize) -> usize {
    let Some(rest) = text.get(end..) else {
        return 0;
    };
    let Some(inner) = rest.strip_prefix(" (") else {
        return 0;
    };
    let Some(close) = inner.find(')').filter(|&c| c <= 12) else {
        return 0;
    };
    let tag = &inner[..close];
    let mut parts = tag.splitn(2, '-');
    let party = parts.next().unwrap_or("");
    let state = parts.next().unwrap_or("");
    let party_ok = matches!(party, "D" | "R" | "I");
    let state_ok = state.is_empty()
        || state.starts_with(|c: char| c.is_ascii_uppercase())
            && state.chars().all(|c| c.is_ascii_alphabetic() || c == '.');
    if party_ok && state_ok {
        2 + close + 1
    } else {
        0
    }
}

fn is_time_adverb_word(word: &str) -> bool {
    matches!(
        word,
        "on" | "last"
            | "earlier"
            | "later"
            | "yesterday"
            | "today"
            | "this"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "week"
            | "month"
            | "morning"
            | "evening"
            | "night"
            | "afternoon"
            | "late"
            | "early"
    )
}

/// Nouns for organisations that speak as one: "the trade ministry said".
const ORG_NOUNS: &[&str] = &[
    "office",
    "ministry",
    "department",
    "government",
    "agency",
    "company",
    "police",
    "embassy",
    "army",
    "military",
    "council",
    "committee",
    "court",
    "commission",
    "union",
    "party",
    "campaign",
    "administration",
    "cabinet",
    "presidency",
    "secretariat",
    "spokesman's office",
    "firm",
    "group",
    "board",
    "regulator",
    "authority",
    "prosecutors",
    "prosecution",
    "statement",
];

/// Whether a reported clause can start with `word`: a subject (a determiner, pronoun, name or
/// noun), not a preposition or conjunction ("said in a statement", "said and left"), nor
/// a word that makes the verb mean something else ("said goodbye").
fn is_clause_start(word: &str) -> bool {
    let lower = word.to_lowercase();
    let not_a_subject = matches!(
        lower.as_str(),
        "to" | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "with"
            | "of"
            | "from"
            | "as"
            | "and"
            | "or"
            | "but"
            | "so"
            | "after"
            | "before"
            | "about"
            | "during"
            | "since"
            | "until"
            | "into"
            | "over"
            | "under"
            | "through"
            | "goodbye"
            | "hello"
            | "yes"
            | "nothing"
            | "little"
            | "much"
            | "more"
            | "less"
            | "thanks"
            | "sorry"
            | "earlier"
            | "later"
            | "again"
            | "when"
            | "while"
            | "where"
            | "how"
            | "why"
            | "what"
            | "whether"
            | "then"
            | "also"
            | "only"
            | "just"
            | "not"
            | "never"
            | "repeatedly"
            | "previously"
            | "last"
    );
    !not_a_subject && word.chars().next().is_some_and(char::is_alphanumeric)
}

fn trim_clause(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s
        .trim()
        .trim_end_matches(['.', ',', ';', ':', '!', '?', '\u{201D}', '"'])
        .trim_end();
    // 'the bill would "keep parents in work"': a partial quote that closes the clause keeps
    // its closing mark.
    let rest = &s.trim_start()[t.len()..];
    let straight_open = t.matches('"').count() % 2 == 1;
    let curly_open = t.matches('\u{201C}').count() > t.matches('\u{201D}').count();
    let close = match rest.chars().next() {
        Some('"') if straight_open => 1,
        Some('\u{201D}') if curly_open => '\u{201D}'.len_utf8(),
        _ => 0,
    };
    r.start + lead..r.start + lead + t.len() + close
}

fn preceded_by_preposition(text: &str, pos: usize) -> bool {
    let before = text[..pos].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    matches!(
        word,
        "with"
            | "by"
            | "to"
            | "from"
            | "of"
            | "for"
            | "at"
            | "against"
            | "and"
            | "than"
            | "on"
            | "about"
            | "between"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::people::find_people;
    use crate::extract::sentences::split_sentences;

    fn run(text: &str) -> (People, Vec<QuoteMention>) {
        let s = split_sentences(text);
        let p = find_people(text, &s);
        let q = find_quotes(text, &s, &p);
        (p, q)
    }

    fn speaker_name(p: &People, q: &QuoteMention) -> Option<String> {
        match &q.speaker {
            Speaker::Person(i) => Some(p.persons[*i].name.clone()),
            Speaker::Named(n) => Some(n.clone()),
            Speaker::Unknown => None,
        }
    }

    #[test]
    fn a_speaker_keeps_the_body_or_town_named_after_them() {
        let text = "Analysts in Ha Noi said it was politics. Dr Nguyen Thi Lan of the \
                    Diplomatic Academy of Viet Nam said it was a chance to \u{201C}speak with \
                    its own voice\u{201D}. The sponsor, Republican Sen. Laura Brennaman of \
                    Mesa, told the committee that phones were \"a distraction in class.\"";
        let (p, q) = run(text);
        let names: Vec<&str> = p.persons.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Nguyen Thi Lan", "Laura Brennaman"]);
        let direct: Vec<_> = q.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        assert_eq!(direct.len(), 2, "{q:#?}");
        assert_eq!(
            speaker_name(&p, direct[0]).as_deref(),
            Some("Nguyen Thi Lan")
        );
        assert_eq!(
            speaker_name(&p, direct[1]).as_deref(),
            Some("Laura Brennaman")
        );
    }

    #[test]
    fn according_to_a_person_a_body_or_its_figures() {
        let text = "Sen. Curtis Pell spoke on Wednesday. The House could hear it next week, \
                    according to Pell. At least 19 states restrict phones, according to the \
                    National Conference of State Legislatures. Trade was worth $290 billion \
                    last year, according to Japanese customs data.";
        let (p, q) = run(text);
        let reported: Vec<_> = q.iter().filter(|q| q.kind == QuoteKind::Reported).collect();
        let speakers: Vec<Option<String>> = reported.iter().map(|q| speaker_name(&p, q)).collect();
        assert_eq!(
            speakers,
            [
                Some("Curtis Pell".to_string()),
                Some("the National Conference of State Legislatures".to_string()),
                Some("Japanese customs data".to_string())
            ],
            "{q:#?}"
        );
    }

    #[test]
    fn a_joined_verb_and_a_named_owner_s_body() {
        let text = "The Norwegian Refugee Council said in a statement that convoys were \
                    blocked, and called for \"immediate access\". Gov. Daniel Reyes spoke \
                    on Tuesday. Reyes' office said Wednesday that the governor was \
                    \"encouraged\" by the vote. He noted that investment had reached \
                    $14 billion, and said firms would grow.";
        let (p, q) = run(text);
        let direct: Vec<_> = q.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        let speakers: Vec<Option<String>> = direct.iter().map(|q| speaker_name(&p, q)).collect();
        assert_eq!(
            speakers,
            [
                Some("the Norwegian Refugee Council".to_string()),
                Some("Reyes' office".to_string())
            ],
            "{q:#?}"
        );
        let reported: Vec<&str> = q
            .iter()
            .filter(|q| q.kind == QuoteKind::Reported)
            .map(|q| &text[q.span.clone()])
            .collect();
        assert!(
            reported.contains(&"investment had reached $14 billion"),
            "{reported:?}"
        );
        assert!(reported.contains(&"firms would grow"), "{reported:?}");
    }

    #[test]
    fn a_party_tag_after_a_name_leaves_the_speaker() {
        let (p, q) = run(
            "The committee's chairman, Sen. Curtis Hale (R-Kan.), said that the \
                          department had lost the trust of farmers.",
        );
        assert_eq!(q.len(), 1, "{q:#?}");
        assert_eq!(speaker_name(&p, &q[0]).as_deref(), Some("Curtis Hale"));
        assert_eq!(party_tag_len(" (D-N.Y.), said", 0), 9);
        assert_eq!(party_tag_len(" (Reuters) said", 0), 0);
    }

    #[test]
    fn speaker_after_and_before() {
        let text = "“We will win,” said Jane Doe. Mr. John Smith said: “We will not.”";
        let (p, q) = run(text);
        let direct: Vec<_> = q.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        assert_eq!(direct.len(), 2);
        assert_eq!(&text[direct[0].span.clone()], "We will win");
        assert_eq!(speaker_name(&p, direct[0]).as_deref(), Some("Jane Doe"));
        assert_eq!(speaker_name(&p, direct[1]).as_deref(), Some("John Smith"));
    }

    #[test]
    fn pronoun_and_split_quotes() {
        let text =
            "Senator Maria Lopez arrived. \"We are ready,\" she said, \"but not at any price.\"";
        let (p, q) = run(text);
        let direct: Vec<_> = q.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        assert_eq!(direct.len(), 1);
        assert_eq!(direct[0].continuation.len(), 1);
        assert_eq!(speaker_name(&p, direct[0]).as_deref(), Some("Maria Lopez"));
    }

    #[test]
    fn unnamed_speakers_stay_unknown() {
        let text = "Mayor Jane Doe spoke first. “It is over,” one resident said.";
        let (p, q) = run(text);
        assert_eq!(q.len(), 1);
        assert_eq!(speaker_name(&p, &q[0]), None);
    }

    #[test]
    fn reported_speech_and_partial_quotes() {
        let text =
            "Mr Trump insisted the Russian president was “not going to mess around with me”.";
        let (p, q) = run(text);
        let direct = q
            .iter()
            .find(|q| q.kind == QuoteKind::Direct)
            .expect("direct");
        assert_eq!(speaker_name(&p, direct).as_deref(), Some("Trump"));
        let reported = q
            .iter()
            .find(|q| q.kind == QuoteKind::Reported)
            .expect("reported");
        assert!(text[reported.span.clone()].starts_with("the Russian president was"));
    }

    fn reported_texts(text: &str) -> Vec<(String, Option<String>)> {
        let (p, q) = run(text);
        q.iter()
            .filter(|q| q.kind == QuoteKind::Reported)
            .map(|q| (text[q.span.clone()].to_string(), speaker_name(&p, q)))
            .collect()
    }

    #[test]
    fn a_name_opening_the_subject_speaks_past_its_appositives() {
        let got = reported_texts(
            "The nominee, Rachel Oke, a former chief operating officer of Delta Air Lines, \
             told the committee that the agency had lost the public's trust.",
        );
        assert_eq!(
            got,
            [(
                "the agency had lost the public's trust".to_string(),
                Some("Rachel Oke".to_string())
            )]
        );
    }

    #[test]
    fn the_object_of_an_aside_is_not_the_speaker() {
        let got = reported_texts(
            "Ms. Rachel Oke, pressed later by Ms. Maria Cant, said she would not set a target.",
        );
        assert_eq!(
            got,
            [(
                "she would not set a target".to_string(),
                Some("Rachel Oke".to_string())
            )]
        );
    }

    #[test]
    fn an_indefinite_subject_is_unnamed_whatever_names_it_modifies() {
        let text = "Ms Dana Hale spoke first. One resident, who lives off Dry Creek Road, said \
                    the fire came close. \"I ran,\" she said. An adviser to Mr Tom Roe said \
                    talks would resume. A day later, Mr Tom Roe said the talks had resumed.";
        let (p, q) = run(text);
        let got: Vec<Option<String>> = q.iter().map(|q| speaker_name(&p, q)).collect();
        assert_eq!(
            got,
            [None, None, None, Some("Tom Roe".to_string())],
            "{q:#?}"
        );
    }

    #[test]
    fn partial_quotes_and_statements_take_their_source() {
        let text = "The White House said in a statement that workers had been sent home. \
                    \"Americans deserve better,\" the statement said. The two agreed to \
                    \"speed up\" the work, the ministry said. Mr Tom Roe said aides had told \
                    him \"it is over\" by then.";
        let (p, q) = run(text);
        let direct: Vec<(String, Option<String>)> = q
            .iter()
            .filter(|q| q.kind == QuoteKind::Direct)
            .map(|q| (text[q.span.clone()].to_string(), speaker_name(&p, q)))
            .collect();
        assert_eq!(
            direct,
            [
                (
                    "Americans deserve better".to_string(),
                    Some("the White House".to_string())
                ),
                ("speed up".to_string(), Some("the ministry".to_string())),
                ("it is over".to_string(), None),
            ]
        );
    }

    #[test]
    fn reported_clause_after_a_long_hearer_a_quantity_and_before_the_speakers_next_act() {
        let got = reported_texts(
            "Nabil Abdelrahim told a press conference at 4pm local time on Tuesday that the \
             army would wait. Dana Whitfield said more than 200 people had registered. She \
             said that the bill would \"keep parents in work\" and thanked lawmakers.",
        );
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            texts,
            [
                "the army would wait",
                "more than 200 people had registered",
                "the bill would \"keep parents in work\"",
            ]
        );
        assert_eq!(got[0].1.as_deref(), Some("Nabil Abdelrahim"));
        assert_eq!(got[2].1.as_deref(), Some("Dana Whitfield"));
    }

    #[test]
    fn reported_clause_after_a_phrase_and_before_a_second_verb() {
        let got = reported_texts(
            "Dr Ana Ruiz said in a speech on Wednesday that growth remained weak and urged \
             governments to act, but warned lenders that rates would stay high.",
        );
        assert_eq!(
            got,
            [
                (
                    "growth remained weak".to_string(),
                    Some("Ana Ruiz".to_string())
                ),
                (
                    "rates would stay high".to_string(),
                    Some("Ana Ruiz".to_string())
                ),
            ]
        );
    }

    #[test]
    fn reported_sources_named_after_the_clause() {
        let got = reported_texts(
            "The minister will visit Lima next week, according to the ministry. The mayor \
             will resign on Friday, chief of staff Mr Jon Bell told a press briefing.",
        );
        assert_eq!(
            got,
            [
                (
                    "The minister will visit Lima next week".to_string(),
                    Some("the ministry".to_string())
                ),
                (
                    "The mayor will resign on Friday".to_string(),
                    Some("Jon Bell".to_string())
                ),
            ]
        );
        let got = reported_texts(
            "Senator Dale Roe accused rivals of stalling and said he would bring the bill \
             back. Ms Ann Lee will land at 4pm, according to a release from the Prime \
             Minister's Office.",
        );
        assert_eq!(
            got,
            [
                (
                    "he would bring the bill back".to_string(),
                    Some("Dale Roe".to_string())
                ),
                (
                    "Ms Ann Lee will land at 4pm".to_string(),
                    Some("the Prime Minister's Office".to_string())
                ),
            ]
        );
    }

    #[test]
    fn organisation_speakers() {
        let text = "The talks will include a lunch, the White House announced.";
        let (p, q) = run(text);
        assert_eq!(q.len(), 1);
        assert_eq!(speaker_name(&p, &q[0]).as_deref(), Some("the White House"));
        let text = "The last strikes cost the economy £1bn, the Centre for Economics and \
                    Business Research said. Minister for Trade Jane Roe will visit Oslo.";
        let (p, q) = run(text);
        assert_eq!(
            speaker_name(&p, &q[0]).as_deref(),
            Some("the Centre for Economics and Business Research")
        );
        let names: Vec<&str> = p.persons.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Jane Roe"]);
    }

    #[test]
    fn quotes_running_over_paragraphs_are_one_quote() {
        let text = "Coach Ann Lee was blunt. “We lost the game.\n\n“We will fix it,” said Lee.";
        let (p, q) = run(text);
        let direct: Vec<_> = q.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        assert_eq!(direct.len(), 1, "{direct:?}");
        assert_eq!(direct[0].continuation.len(), 1);
        assert_eq!(speaker_name(&p, direct[0]).as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn epithets_name_the_last_subject_and_hearers_are_not_speakers() {
        let text = "Coach Sofia Berg blamed the defence. “We gave them the game,” the Swede told BBC Radio Leeds. She said Tom Reed would miss Tuesday. “He played hurt,” said the 41-year-old.";
        let (p, q) = run(text);
        let direct: Vec<_> = q.iter().filter(|q| q.kind == QuoteKind::Direct).collect();
        assert_eq!(speaker_name(&p, direct[0]).as_deref(), Some("Sofia Berg"));
        assert_eq!(speaker_name(&p, direct[1]).as_deref(), Some("Sofia Berg"));
    }

    #[test]
    fn an_official_of_a_named_body_is_unnamed() {
        let text = "The minister will attend, an official in the Chief Minister's Office said.";
        let (p, q) = run(text);
        assert_eq!(q.len(), 1);
        assert_eq!(speaker_name(&p, &q[0]), None);
    }

    /// Found by `fuzz/` (target `extract`): a dateline dash after the attribution's comma
    /// ("OSLO, Oct 10 (AFP) - …,” Sir Keir said") made the clause end before it starts.
    #[test]
    fn a_dateline_dash_after_the_comma_does_not_reverse_the_clause() {
        let text = "OSLO, Oct 10 (AFP) - Nigel let it slip,\u{201D} Sir Keir said. \
                    \u{201C}The ball is now in Russia\u{2019}s court.\u{201D}";
        let (_, q) = run(text);
        for m in &q {
            assert!(m.span.start <= m.span.end && m.span.end <= text.len());
        }
    }
}
