//! Which tense governs a time expression: the nearest tense cue before it in its clause.
//!
//! Why: "on Wednesday" in a Friday article is two days back after "met" and five days ahead
//! after "will meet". The cue is found with word lists (auxiliaries, modal verbs, common
//! irregular past forms, "-ed" endings) and a few two-word rules ("is set to", "has been"), not a
//! parser: news prose is regular enough, and the result is only used to pick between the past
//! and the coming occurrence of a day.
//!
//! The search order for a position: the nearest cue before it in its clause, else the first after
//! it in its clause, else the nearest before it in the sentence, else the first after it, else
//! [`Tense::Present`]. Clauses break at commas, dashes, brackets, quotation marks and
//! subordinating words ("after", "who", "that"). Cues for every token are found in one pass, so
//! answering for every expression of a sentence stays linear.

use super::Tense;
use super::token::{Kind, Tokens, WordSet};

const FUTURE: &[&str] = &[
    "will", "shall", "would", "could", "might", "should", "must", "can", "cannot", "later",
    "tomorrow", "upcoming", "soon",
];
const PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "didn",
    "wasn",
    "weren",
    "hadn",
    "earlier",
    "ago",
    "yesterday",
    "since",
    "previously",
];
const PRESENT: &[&str] = &["is", "are", "am", "isn", "aren", "does", "doesn", "says"];
const HAVE: &[&str] = &["has", "have", "hasn", "haven"];
/// Auxiliaries after which a participle carries no tense of its own ("is expected", "has met",
/// "will be held"): the auxiliary decides.
static AUXILIARY: WordSet = WordSet::new(&[
    "is", "are", "am", "be", "being", "been", "was", "were", "isn", "aren", "wasn", "weren", "has",
    "have", "had", "having", "hasn", "haven", "hadn", "get", "got",
]);
/// Words before a participle that make it an adjective ("the planned talks").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our",
    "your", "my", "no",
];
/// Adverbs that may stand between an auxiliary and its verb ("has not yet met").
static ADVERBS: WordSet = WordSet::new(&[
    "not",
    "also",
    "now",
    "already",
    "just",
    "still",
    "never",
    "ever",
    "recently",
    "reportedly",
    "previously",
    "finally",
    "yet",
    "t",
    "once",
    "only",
    "then",
    "first",
    "since",
]);
/// Words that make a following "to" point forward: "is set to", "plans to", "agreed to".
static FUTURE_LEADS: WordSet = WordSet::new(&[
    "set",
    "due",
    "expected",
    "scheduled",
    "slated",
    "poised",
    "going",
    "about",
    "planning",
    "plans",
    "plan",
    "intends",
    "intend",
    "hopes",
    "hope",
    "hoping",
    "aims",
    "aim",
    "aiming",
    "wants",
    "want",
    "prepare",
    "prepares",
    "preparing",
    "likely",
    "unlikely",
    "ready",
    "expects",
    "expect",
    "agreed",
    "promised",
    "vowed",
    "pledged",
    "decided",
    "offered",
    "invited",
    "voted",
    "votes",
    "vote",
    "threatened",
    "threatens",
    "threaten",
]);
/// Verbs that news writes in the present simple for what is on a schedule: "The Hawks play
/// their final game on Friday", "the minister travels to Oslo on Monday".
const SCHEDULE_VERBS: &[&str] = &[
    "play",
    "plays",
    "meet",
    "meets",
    "face",
    "faces",
    "host",
    "hosts",
    "travel",
    "travels",
    "visit",
    "visits",
    "arrive",
    "arrives",
    "leave",
    "leaves",
    "fly",
    "flies",
    "resume",
    "resumes",
    "open",
    "opens",
    "begin",
    "begins",
    "start",
    "starts",
    "kick",
    "continue",
    "continues",
    "reconvene",
    "reconvenes",
    "conclude",
    "concludes",
    "close",
    "closes",
];

/// Whether token `i` is a schedule verb in the present simple with its subject before it (a
/// name or a personal pronoun) and its object or destination after it; after a determiner it
/// is a noun ("a visit", "the start").
fn scheduled_present(t: &Tokens, i: usize) -> bool {
    if !t.word_in(i, SCHEDULE_VERBS) || i == 0 {
        return false;
    }
    // "The trial continues on Monday", "the talks resume": a determiner and a lower-case noun
    // are a subject too when one of the two carries the "s" of agreement ("a good start" is a
    // noun phrase).
    let noun_subject = i >= 2
        && t.word_in(i - 2, DETERMINERS)
        && t.is_word(i - 1)
        && !t.capitalised(i - 1)
        && !t.word_in(i - 1, DETERMINERS)
        // "a press meet": a noun in "-ss" is no plural.
        && (t.str(i).ends_with('s') != plural_s(t.str(i - 1)));
    let subject = (t.capitalised(i - 1) && !t.word_in(i - 1, DETERMINERS))
        || noun_subject
        || t.word_in(i - 1, &["they", "we", "he", "she", "it", "which", "who"]);
    let object = t.word_in(
        i + 1,
        &[
            "their", "the", "a", "an", "his", "her", "its", "our", "to", "for", "in", "at", "off",
            "with", "on",
        ],
    );
    subject && object
}

/// Whether a noun ends in the "s" of a plural: "talks", not "press" or "business".
fn plural_s(w: &str) -> bool {
    w.ends_with('s') && !w.ends_with("ss")
}

/// Verbs that tell someone to do something later: "ordered him to report", "urged Brussels
/// to drop".
const DIRECTIVES: &[&str] = &[
    "ordered",
    "orders",
    "ordering",
    "urged",
    "urges",
    "urging",
    "asked",
    "asks",
    "told",
    "instructed",
    "directed",
    "required",
    "forced",
    "allowed",
    "invited",
    "encouraged",
    "pressed",
    "called",
];

/// The lead words that are not verbs in their own right ("is due to", "is likely to").
const NEUTRAL_LEADS: &[&str] = &[
    "set",
    "due",
    "expected",
    "scheduled",
    "slated",
    "poised",
    "going",
    "about",
    "likely",
    "unlikely",
    "ready",
];
/// Irregular past forms that are not also common present forms or nouns ("put", "set", "read"
/// are left out on purpose).
const IRREGULAR_PAST_WORDS: &[&str] = &[
    "met",
    "said",
    "told",
    "took",
    "made",
    "went",
    "came",
    "saw",
    "gave",
    "held",
    "spoke",
    "sent",
    "left",
    "began",
    "brought",
    "thought",
    "knew",
    "found",
    "got",
    "ran",
    "wrote",
    "became",
    "felt",
    "kept",
    "meant",
    "paid",
    "sat",
    "stood",
    "understood",
    "lost",
    "led",
    "flew",
    "drove",
    "rose",
    "fell",
    "grew",
    "threw",
    "chose",
    "broke",
    "built",
    "bought",
    "caught",
    "taught",
    "fought",
    "sought",
    "spent",
    "won",
    "struck",
    "swore",
    "tore",
    "wore",
    "woke",
    "drew",
    "forgot",
    "hid",
    "shook",
    "slept",
    "sold",
    "shot",
    "withdrew",
    "arose",
    "overtook",
    "oversaw",
    "sank",
    "stole",
    "dealt",
    "fled",
    "lent",
    "laid",
    "spun",
    "heard",
    "stuck",
    "wept",
];
static IRREGULAR_PAST: WordSet = WordSet::new(IRREGULAR_PAST_WORDS);
/// Past participles that are never simple past forms: tenseless on their own ("the written
/// statement"), they only matter after an auxiliary.
const PARTICIPLE_WORDS: &[&str] = &[
    "been",
    "done",
    "gone",
    "seen",
    "taken",
    "given",
    "spoken",
    "written",
    "known",
    "shown",
    "chosen",
    "broken",
    "driven",
    "fallen",
    "forgotten",
    "grown",
    "hidden",
    "risen",
    "shaken",
    "stolen",
    "sworn",
    "thrown",
    "woken",
    "worn",
    "begun",
    "flown",
    "withdrawn",
    "drawn",
    "undertaken",
    "overtaken",
    "overseen",
    "beaten",
    "forgiven",
];
static PARTICIPLES: WordSet = WordSet::new(PARTICIPLE_WORDS);
/// Prepositions after which a participle is an adjective ("after heated hearings").
const PREPOSITIONS: &[&str] = &[
    "of", "in", "on", "at", "after", "before", "with", "without", "for", "from", "by", "over",
    "under", "into", "about", "against", "amid", "among", "through", "during", "despite",
];

/// Words ending in "ed" that are not past forms.
static NOT_ED: WordSet = WordSet::new(&[
    "need", "seed", "speed", "feed", "breed", "greed", "creed", "deed", "weed", "heed", "steed",
    "indeed", "proceed", "exceed", "succeed", "embed", "hundred", "kindred", "sacred", "naked",
    "wicked", "shed", "sled",
]);
/// Words that open a new clause.
static CLAUSE_WORDS: WordSet = WordSet::new(&[
    "and", "but", "while", "whereas", "although", "though", "because", "after", "before", "when",
    "whenever", "if", "unless", "until", "who", "whom", "whose", "which", "that", "where",
]);

/// Whether token `i` is a past participle or simple past form (irregular or "-ed").
fn participle_like(t: &Tokens, i: usize) -> bool {
    if !t.is_word(i) {
        return false;
    }
    if t.word_in_set(i, &IRREGULAR_PAST) || t.word_in_set(i, &PARTICIPLES) {
        return true;
    }
    ed_form(t.str(i)) && !t.word_in_set(i, &NOT_ED)
}

/// Whether `word` has the shape of a regular past form: ASCII, four letters or more, ending in
/// "ed" in any case.
fn ed_form(word: &str) -> bool {
    let w = word.as_bytes();
    w.len() >= 4 && w.is_ascii() && w[w.len() - 2..].eq_ignore_ascii_case(b"ed")
}

/// Present passives of a plan: "talks are scheduled", "the vote is due".
const PLANNED: &[&str] = &["scheduled", "slated", "planned", "due", "set"];

/// Every word [`cue`] can find a tense in by its word lists.
static CUE_WORDS: WordSet = WordSet::union(&[
    &["ll", "won", "may", "am", "to"],
    FUTURE,
    SCHEDULE_VERBS,
    PLANNED,
    PAST,
    PRESENT,
    HAVE,
    IRREGULAR_PAST_WORDS,
    PARTICIPLE_WORDS,
]);

/// Whether [`cue`] can find any tense in word `i`: one of [`CUE_WORDS`], a regular past form,
/// or a present "-s" form after "who" or "which".
///
/// Why: `cue` runs for every token of a sentence with a time in it, and most words are none
/// of these; one look-up spares them the dozen list scans of the full rules.
fn may_cue(t: &Tokens, i: usize) -> bool {
    t.word_in_set(i, &CUE_WORDS)
        || ed_form(t.str(i))
        || (i > 0 && t.word_in(i - 1, &["who", "which"]) && present_s_form(t.str(i)))
}

/// Whether `word` looks like a third-person present verb: lower case, ending in a single "s"
/// ("returns", "leads"), not in "ss" ("discuss") or "us" ("bonus").
fn present_s_form(word: &str) -> bool {
    let w = word.as_bytes();
    w.len() >= 4
        && w.iter().all(u8::is_ascii_lowercase)
        && w[w.len() - 1] == b's'
        && !matches!(w[w.len() - 2], b's' | b'u' | b'i')
}

/// Whether the participle at `i` stands inside a noun phrase after an "-ly" adverb ("the new
/// publicly owned railway", "a widely shared video"): a determiner at most two words back, with
/// only adverbs or plain lower-case modifiers between, makes it an adjective, not a past verb.
fn modifies_noun(t: &Tokens, i: usize) -> bool {
    let Some(adverb) = i.checked_sub(1) else {
        return false;
    };
    let w = t.str(adverb);
    if !(t.is_word(adverb) && w.len() > 4 && w.ends_with("ly") && !t.capitalised(adverb)) {
        return false;
    }
    (1..=2).any(|back| {
        adverb
            .checked_sub(back)
            .is_some_and(|d| t.word_in(d, DETERMINERS))
            && (1..back).all(|k| {
                let m = adverb - k;
                t.is_word(m) && !t.capitalised(m) && cue(t, m).is_none()
            })
    })
}

/// The nearest word before `i`, skipping adverbs and apostrophes; bounded look-back.
fn previous_verb_slot(t: &Tokens, i: usize) -> Option<usize> {
    let mut j = i;
    for _ in 0..4 {
        j = j.checked_sub(1)?;
        if t.punct_in(j, &['\'', '’']) || t.word_in_set(j, &ADVERBS) {
            continue;
        }
        return t.is_word(j).then_some(j);
    }
    None
}

/// The nearest word after `i`, skipping adverbs and apostrophes; bounded look-ahead.
fn next_verb_slot(t: &Tokens, i: usize) -> Option<usize> {
    let mut j = i;
    for _ in 0..4 {
        j += 1;
        if t.punct_in(j, &['\'', '’']) || t.word_in_set(j, &ADVERBS) {
            continue;
        }
        return t.is_word(j).then_some(j);
    }
    None
}

/// The tense token `i` signals on its own, if any.
pub(super) fn cue(t: &Tokens, i: usize) -> Option<Tense> {
    if !t.is_word(i) || !may_cue(t, i) {
        return None;
    }
    // A capitalised word inside a sentence is a name ("Will", "Grant", "Earlier Than Expected").
    let name = t.capitalised(i) && !t.initial(i) && !t.all_caps(i);
    if name || t.in_compound(i) {
        return None;
    }
    let apostrophe_before = i > 0 && t.punct_in(i - 1, &['\'', '’']) && t.glued(i);
    if t.word_is(i, "ll") && apostrophe_before {
        return Some(Tense::Future);
    }
    if t.word_is(i, "won") && t.punct_in(i + 1, &['\'', '’']) && t.word_is(i + 2, "t") {
        return Some(Tense::Future);
    }
    if t.str(i) == "may" {
        return Some(Tense::Future);
    }
    // "9am", "11 am": the clock's meridiem, not the verb.
    if t.word_is(i, "am") && i > 0 && t.kind(i - 1) == Some(Kind::Num) {
        return None;
    }
    // "who returns", "which opens": a verb in the present simple right after a relative
    // pronoun (a noun cannot stand there), which news uses for scheduled happenings.
    // One that keeps a schedule ("which opens at 11:00 on Tuesday") points forward.
    // "which next meets on 2 April": an adverb may stand between.
    let relative_before = i > 0 && t.word_in(i - 1, &["who", "which"])
        || i > 1
            && t.word_in(i - 1, &["next", "also", "then", "again", "first", "now"])
            && t.word_in(i - 2, &["who", "which"]);
    if relative_before && present_s_form(t.str(i)) {
        if t.word_in(i, SCHEDULE_VERBS) {
            return Some(Tense::Future);
        }
        return Some(Tense::Present);
    }
    if t.word_in(i, FUTURE) {
        return Some(Tense::Future);
    }
    if scheduled_present(t, i) {
        return Some(Tense::Future);
    }
    // "Talks are scheduled at the Elysee on Tuesday", "the vote is due on Thursday": a plan
    // in the present passive points forward.
    if t.word_in(i, PLANNED)
        && previous_verb_slot(t, i).is_some_and(|j| t.word_in(j, &["is", "are", "am", "be"]))
    {
        return Some(Tense::Future);
    }
    if t.word_in(i, PAST) {
        return Some(Tense::Past);
    }
    if t.word_in(i, PRESENT) {
        return Some(Tense::Present);
    }
    if t.word_in(i, HAVE) {
        return match next_verb_slot(t, i) {
            Some(j) if t.word_is(j, "to") => Some(Tense::Future),
            Some(j) if participle_like(t, j) => Some(Tense::Past),
            _ => Some(Tense::Present),
        };
    }
    if t.word_is(i, "to") {
        if previous_verb_slot(t, i).is_some_and(|j| t.word_in_set(j, &FUTURE_LEADS)) {
            return Some(Tense::Future);
        }
        // "ordered O'Halloran to report by July 15", "urged them to act": a directive with
        // its object between points forward.
        // "agreed on Thursday to appoint", "voted unanimously to strike": a lead with a short
        // time phrase or adverb between.
        let directed = (2..=4).any(|back| {
            i.checked_sub(back).is_some_and(|j| {
                (t.word_in(j, DIRECTIVES) || t.word_in_set(j, &FUTURE_LEADS))
                    && (j + 1..i).all(|m| cue(t, m).is_none() && !is_boundary(t, m))
            })
        });
        return directed.then_some(Tense::Future);
    }
    if t.word_in(i, NEUTRAL_LEADS) || !participle_like(t, i) {
        return None;
    }
    if let Some(j) = previous_verb_slot(t, i)
        && (t.word_in_set(j, &AUXILIARY) || t.word_in(j, DETERMINERS))
    {
        return None;
    }
    // "after heated hearings", "mailing of revised bills": straight after a preposition a
    // participle modifies a noun; a verb there would need its subject first.
    if i > 0 && t.word_in(i - 1, PREPOSITIONS) {
        return None;
    }
    if modifies_noun(t, i) {
        return None;
    }
    if t.word_in_set(i, &PARTICIPLES) {
        return None;
    }
    Some(Tense::Past)
}

/// Whether token `i` ends the clause it is in.
pub(super) fn is_boundary(t: &Tokens, i: usize) -> bool {
    match t.kind(i) {
        Some(Kind::Punct) => {
            if t.punct_in(i, &['-']) {
                // A spaced hyphen is a dash; a glued one joins a compound.
                return !t.glued(i) && !t.glued(i + 1);
            }
            t.punct_in(
                i,
                &[
                    ',', ';', ':', '(', ')', '[', ']', '—', '–', '“', '”', '"', '!', '?', '.',
                ],
            )
        }
        Some(Kind::Word) => t.word_in_set(i, &CLAUSE_WORDS),
        _ => false,
    }
}

/// Cues and clauses of one sentence, indexed for constant-time questions per token.
pub(super) struct TenseIndex {
    cues: Vec<Option<Tense>>,
    /// Whether each cue is a present perfect ("has issued"): past in form, but of a state that
    /// still holds.
    perfect: Vec<bool>,
    /// Clause number of each token; a boundary token closes its clause.
    clause: Vec<u32>,
    /// Index of the last cue at or before each token, if any.
    last_upto: Vec<Option<usize>>,
    /// Index of the first cue at or after each token, if any.
    next_from: Vec<Option<usize>>,
    /// The clause a position past the last token belongs to.
    end_clause: u32,
    /// For each clause opened by "if" or "unless", the index of that word.
    condition_of: Vec<Option<usize>>,
}

impl TenseIndex {
    pub fn new(t: &Tokens) -> Self {
        let n = t.len();
        let cues: Vec<Option<Tense>> = (0..n).map(|i| cue(t, i)).collect();
        let perfect: Vec<bool> = (0..n)
            .map(|i| cues[i] == Some(Tense::Past) && t.word_in(i, &["has", "have"]))
            .collect();
        let mut clause = Vec::with_capacity(n);
        let mut condition_of = vec![None];
        let mut current = 0u32;
        for i in 0..n {
            clause.push(current);
            if is_boundary(t, i) {
                current = current.saturating_add(1);
                condition_of.push(t.word_in(i, &["if", "unless"]).then_some(i));
            }
        }
        let mut last_upto = Vec::with_capacity(n);
        let mut last = None;
        for (i, c) in cues.iter().enumerate() {
            if c.is_some() {
                last = Some(i);
            }
            last_upto.push(last);
        }
        let mut next_from = vec![None; n];
        let mut next = None;
        for i in (0..n).rev() {
            if cues[i].is_some() {
                next = Some(i);
            }
            next_from[i] = next;
        }
        TenseIndex {
            cues,
            perfect,
            clause,
            last_upto,
            next_from,
            end_clause: current,
            condition_of,
        }
    }

    /// The index [`TenseIndex::new`] builds for the first `n` tokens of this index's sentence,
    /// when the tokens from `n` on are all punctuation and token `n - 1` is a word or a number;
    /// `None` otherwise (or when `n` is past the end).
    ///
    /// Why it is the same index: every look-ahead of [`cue`] and [`is_boundary`] from a token
    /// before `n` asks for a word (or, for a hyphen, whether the token after it is glued), and
    /// punctuation past `n` is no word, as nothing is; no cue lies on punctuation. So cues,
    /// perfects and clauses before `n` agree, and the last clause number is that of token `n`.
    pub fn prefix(&self, n: usize, all_punct_from_n: bool) -> Option<TenseIndex> {
        if n > self.cues.len() || !all_punct_from_n || self.cues[n..].iter().any(Option::is_some) {
            return None;
        }
        let end_clause = self.clause.get(n).copied().unwrap_or(self.end_clause);
        Some(TenseIndex {
            cues: self.cues[..n].to_vec(),
            perfect: self.perfect[..n].to_vec(),
            clause: self.clause[..n].to_vec(),
            last_upto: self.last_upto[..n].to_vec(),
            next_from: self.next_from[..n].to_vec(),
            end_clause,
            condition_of: self.condition_of[..=end_clause as usize].to_vec(),
        })
    }

    /// The tense governing token position `k` (a token index, or the token count for the end of
    /// the sentence); the token at `k` itself is not its own cue.
    pub fn at(&self, k: usize) -> Tense {
        let Some(j) = self.governing(k) else {
            return Tense::Present;
        };
        let tense = self.cues[j].unwrap_or(Tense::Present);
        // "would meet in Doha if the ceasefire held until the end of June": a past form in a
        // condition of something still to come is that future, not the past.
        if tense == Tense::Past
            && let Some(Some(opener)) = self.condition_of.get(self.clause[j] as usize)
            && let Some(main) = opener
                .checked_sub(1)
                .and_then(|b| self.last_upto.get(b).copied().flatten())
            && self.cues[main] == Some(Tense::Future)
        {
            return Tense::Future;
        }
        tense
    }

    /// Whether the cue governing position `k` is a present perfect ("has issued a warning
    /// through Thursday").
    pub fn perfect_at(&self, k: usize) -> bool {
        self.governing(k).is_some_and(|j| self.perfect[j])
    }

    /// The clause number of token `k` (positions past the end are in the last clause).
    pub fn clause_of(&self, k: usize) -> u32 {
        self.clause.get(k).copied().unwrap_or(self.end_clause)
    }

    /// The cue token that governs position `k`, by the search order in the module docs.
    fn governing(&self, k: usize) -> Option<usize> {
        let n = self.cues.len();
        let clause = self.clause_of(k);
        let before = k
            .checked_sub(1)
            .and_then(|j| self.last_upto.get(j).copied().flatten());
        let after = self
            .next_from
            .get(k + 1)
            .copied()
            .flatten()
            .filter(|_| k < n);
        let same = |j: &usize| self.clause[*j] == clause;
        before
            .filter(same)
            .or_else(|| after.filter(same))
            .or(before)
            .or(after)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tense at the first occurrence of `marker` in `s`.
    fn tense(s: &str, marker: &str) -> Tense {
        let t = Tokens::new(s, 0..s.len());
        let k = (0..t.len())
            .find(|&i| t.str(i) == marker)
            .expect("marker in sentence");
        TenseIndex::new(&t).at(k)
    }

    #[test]
    fn past_forms() {
        assert_eq!(
            tense("Mr Trump met the leaders on Wednesday.", "Wednesday"),
            Tense::Past
        );
        assert_eq!(
            tense("He said on Thursday the war was hard.", "Thursday"),
            Tense::Past
        );
        assert_eq!(
            tense("the summit, organised by Merz, on Wednesday", "Wednesday"),
            Tense::Past
        );
        assert_eq!(
            tense("Delegations have arrived on Monday", "Monday"),
            Tense::Past
        );
        assert_eq!(
            tense("Earlier on Thursday, Mr Putin praised him", "Thursday"),
            Tense::Past
        );
    }

    #[test]
    fn a_noun_in_ss_before_a_schedule_word_is_no_plural_subject() {
        assert_eq!(
            tense("Varma said at a press meet on Tuesday.", "Tuesday"),
            Tense::Past
        );
        assert_eq!(
            tense("The talks resume on Tuesday.", "Tuesday"),
            Tense::Future
        );
    }

    #[test]
    fn future_forms() {
        assert_eq!(
            tense("They will meet on Thursday.", "Thursday"),
            Tense::Future
        );
        assert_eq!(
            tense("They are set to meet on Thursday.", "Thursday"),
            Tense::Future
        );
        assert_eq!(
            tense("Talks are due to start on Monday", "Monday"),
            Tense::Future
        );
        assert_eq!(tense("She plans to fly on Monday", "Monday"), Tense::Future);
        assert_eq!(
            tense("The talks will be held on Monday", "Monday"),
            Tense::Future
        );
        assert_eq!(
            tense("They have arrived ahead of talks later on Friday", "Friday"),
            Tense::Future
        );
        assert_eq!(tense("He won’t travel on Monday", "Monday"), Tense::Future);
        assert_eq!(tense("They’ll meet on Monday", "Monday"), Tense::Future);
        assert_eq!(tense("He has to leave on Monday", "Monday"), Tense::Future);
        assert_eq!(
            tense("Members voted to hold a strike in June", "June"),
            Tense::Future
        );
        assert_eq!(
            tense(
                "They agreed on Thursday to appoint a board by October",
                "October"
            ),
            Tense::Future
        );
        assert_eq!(
            tense("The trial continues on Monday.", "Monday"),
            Tense::Future
        );
    }

    #[test]
    fn a_past_form_in_a_condition_follows_the_main_clause() {
        assert_eq!(
            tense(
                "They would meet in Doha if the truce held until June",
                "June"
            ),
            Tense::Future
        );
        assert_eq!(
            tense("They met in Doha after the truce held until June", "June"),
            Tense::Past
        );
        assert_eq!(
            tense("He said he met them if the truce held in June", "June"),
            Tense::Past
        );
    }

    #[test]
    fn a_participle_after_a_preposition_is_an_adjective() {
        assert_eq!(
            tense("Senate sets Thursday vote after heated hearing", "Thursday"),
            Tense::Present
        );
        assert_eq!(tense("The trial ended on Monday", "Monday"), Tense::Past);
    }

    #[test]
    fn a_schedule_verb_in_the_present_points_forward() {
        assert_eq!(
            tense(
                "The Lady Hawks play their final game on Friday at 7 p.m.",
                "Friday"
            ),
            Tense::Future
        );
        assert_eq!(
            tense("It was a good start on Friday for the team.", "Friday"),
            Tense::Past
        );
        assert_eq!(
            tense(
                "The summit, which opens at 11:00 BST on Tuesday, will be short.",
                "Tuesday"
            ),
            Tense::Future
        );
        assert_eq!(
            tense(
                "The committee, which next meets on Tuesday, may review it.",
                "Tuesday"
            ),
            Tense::Future
        );
        assert_eq!(
            tense(
                "Talks are scheduled at the Elysee on Tuesday morning.",
                "Tuesday"
            ),
            Tense::Future
        );
    }

    #[test]
    fn a_directive_with_its_object_points_forward() {
        assert_eq!(
            tense(
                "The judge ordered Mr Roe to report to prison by July 15.",
                "July"
            ),
            Tense::Future
        );
        assert_eq!(
            tense("The judge ordered a review in July.", "July"),
            Tense::Past
        );
    }

    #[test]
    fn participle_inside_a_noun_phrase_is_no_cue() {
        assert_eq!(
            tense(
                "She is expected to set out plans for the new publicly owned railway on Thursday.",
                "Thursday"
            ),
            Tense::Future
        );
        assert_eq!(
            tense(
                "Ms Reyes publicly criticised the plan on Thursday.",
                "Thursday"
            ),
            Tense::Past
        );
    }

    #[test]
    fn present_forms() {
        assert_eq!(
            tense("The US is making efforts on Monday", "Monday"),
            Tense::Present
        );
        assert_eq!(tense("They are united on Monday", "Monday"), Tense::Present);
        assert_eq!(tense("Nothing on Monday", "Monday"), Tense::Present);
    }

    #[test]
    fn cue_after_when_none_before() {
        assert_eq!(
            tense("On Wednesday, Mr Trump met them.", "Wednesday"),
            Tense::Past
        );
        assert_eq!(
            tense("Friday’s talks in Anchorage will include lunch", "Friday"),
            Tense::Future
        );
    }

    #[test]
    fn clause_keeps_its_own_tense() {
        let s = "Mr Trump, who met Mr Zelensky on Wednesday, will meet Mr Putin on Friday.";
        assert_eq!(tense(s, "Wednesday"), Tense::Past);
        assert_eq!(tense(s, "Friday"), Tense::Future);
    }

    #[test]
    fn adjectives_and_names_are_not_cues() {
        assert_eq!(
            tense("The planned talks on Monday will", "Monday"),
            Tense::Future
        );
        assert_eq!(
            tense("Actor Will Smith on Monday", "Monday"),
            Tense::Present
        );
        assert_eq!(
            tense("the United States on Monday", "Monday"),
            Tense::Present
        );
        assert_eq!(
            tense("the so-called deal on Monday", "Monday"),
            Tense::Present
        );
        assert_eq!(tense("They need talks on Monday", "Monday"), Tense::Present);
    }

    #[test]
    fn a_clock_meridiem_is_not_a_verb() {
        assert_eq!(
            tense("The IMF will publish it at 9am on Tuesday.", "Tuesday"),
            Tense::Future
        );
        assert_eq!(
            tense("It rained at 9 am on Tuesday.", "Tuesday"),
            Tense::Past
        );
        assert_eq!(tense("I am here on Tuesday.", "Tuesday"), Tense::Present);
    }

    #[test]
    fn present_verbs_after_relative_pronouns() {
        let s = "Mr Ruto, who returns from Germany on Thursday, has made peace.";
        assert_eq!(tense(s, "Thursday"), Tense::Present);
        // A noun in "s" after "who" is not a verb form this rule reads ("who discuss" is plural).
        assert_eq!(
            tense("Envoys, who discuss it on Thursday, had met.", "Thursday"),
            Tense::Past
        );
    }

    #[test]
    fn present_perfect_is_marked() {
        let s = "The service has issued a warning through Thursday.";
        let t = Tokens::new(s, 0..s.len());
        let k = (0..t.len()).find(|&i| t.str(i) == "Thursday").unwrap_or(0);
        let index = TenseIndex::new(&t);
        assert_eq!(index.at(k), Tense::Past);
        assert!(index.perfect_at(k));
        let s = "The service issued a warning through Thursday.";
        let t = Tokens::new(s, 0..s.len());
        let k = (0..t.len()).find(|&i| t.str(i) == "Thursday").unwrap_or(0);
        assert!(!TenseIndex::new(&t).perfect_at(k));
    }

    #[test]
    fn end_of_sentence_position() {
        let s = "They met";
        let t = Tokens::new(s, 0..s.len());
        assert_eq!(TenseIndex::new(&t).at(t.len()), Tense::Past);
        let e = Tokens::new("", 0..0);
        assert_eq!(TenseIndex::new(&e).at(0), Tense::Present);
    }
}
