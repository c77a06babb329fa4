//! Finds the people an article names, and every mention of each: full names, honorific forms
//! ("Mr Trump"), bare surnames, and descriptions the text ties to one person ("the US president").
//!
//! A capitalised run of words is a person only with evidence from the text itself: an honorific
//! before it, an office before or after it ("German chancellor Friedrich Merz", "Jane Doe, the
//! mayor,"), a speech verb beside it, or its surname used elsewhere with an honorific or as a
//! speaker. Places, organisations, days and months are filtered out by general word lists and
//! the gazetteer; no list of people is consulted.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use super::gazetteer;
use super::lexicon::{self, Gender};
use super::sentences::{
    Sentence, Token, lowercase, lowercase_in, sentence_tokens, strip_possessive,
};

/// How a mention refers to its person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionForm {
    /// The full name, possibly with honorifics.
    FullName,
    /// Honorific and surname: "Mr Trump".
    Honorific,
    /// The surname alone: "Trump".
    Surname,
    /// A description: "the US president".
    Description,
}

/// One mention of a person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Index into [`People::persons`].
    pub person: usize,
    /// Byte range of the mention in the article (the words that name the person).
    pub span: Range<usize>,
    /// Index of the sentence it is in.
    pub sentence: usize,
    /// How it names the person.
    pub form: MentionForm,
}

/// A person found in the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonEntity {
    /// Canonical name: the fullest form, without honorifics.
    pub name: String,
    /// The name's words.
    pub words: Vec<String>,
    /// Other surface forms used for the person.
    pub aliases: BTreeSet<String>,
    /// Offices the text gives them, normalised.
    pub roles: Vec<String>,
    /// Gender, where an honorific or title implies one.
    pub gender: Option<Gender>,
    /// The word used as the short form ("Trump", or "Lee" for "Lee Jae-myung").
    pub short: String,
}

/// People and their mentions, sorted by position.
#[derive(Clone, Debug, Default)]
pub struct People {
    /// The people.
    pub persons: Vec<PersonEntity>,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// Capitalised names of organisations and places seen as phrases ("the White House"), by
    /// byte range, so that quotes can name a non-person source.
    pub organisations: Vec<(Range<usize>, String)>,
    /// For each sentence, the range of `mentions` inside it (mentions are sorted by position,
    /// so each sentence's are contiguous). Kept so lookups stay cheap on long texts.
    by_sentence: Vec<Range<usize>>,
}

impl People {
    /// Sorts the mentions and rebuilds the per-sentence index.
    fn index(&mut self, sentence_count: usize) {
        self.mentions.sort_by_key(|m| m.span.start);
        self.organisations.sort_by_key(|(r, _)| r.start);
        let mut by_sentence = vec![0..0; sentence_count];
        let mut i = 0;
        for (s, slot) in by_sentence.iter_mut().enumerate() {
            while i < self.mentions.len() && self.mentions[i].sentence < s {
                i += 1;
            }
            let start = i;
            while i < self.mentions.len() && self.mentions[i].sentence == s {
                i += 1;
            }
            *slot = start..i;
        }
        self.by_sentence = by_sentence;
    }

    /// The mention that covers byte `pos`, if any.
    pub fn mention_at(&self, pos: usize) -> Option<&Mention> {
        let k = self.mentions.partition_point(|m| m.span.start <= pos);
        self.mentions[..k]
            .iter()
            .rev()
            .take(4)
            .find(|m| m.span.start <= pos && pos < m.span.end)
    }

    /// Mentions in sentence `s`, in order.
    pub fn in_sentence(&self, s: usize) -> impl DoubleEndedIterator<Item = &Mention> {
        let range = self.by_sentence.get(s).cloned().unwrap_or(0..0);
        self.mentions[range].iter()
    }

    /// Mentions that start inside the byte range `r`, in order.
    pub fn starting_in(&self, r: Range<usize>) -> &[Mention] {
        let a = self.mentions.partition_point(|m| m.span.start < r.start);
        let b = self.mentions.partition_point(|m| m.span.start < r.end);
        &self.mentions[a..b.max(a)]
    }
}

/// A capitalised run of words inside one sentence.
#[derive(Clone, Debug)]
struct Chain {
    sentence: usize,
    /// Token indices within the sentence's tokens.
    first: usize,
    last: usize,
}

/// What a chain of capitalised words turned out to be.
#[derive(Clone, Debug)]
struct Candidate {
    sentence: usize,
    /// Span including honorifics and titles.
    full_span: Range<usize>,
    core: Vec<String>,
    /// Honorific or title words before the name ("Mr", "Sir", "President").
    titles: Vec<String>,
    /// Role from a title or a phrase around the name.
    role: Option<String>,
    gender: Option<Gender>,
    /// Evidence that it is a person, beyond its shape.
    cued: bool,
    /// A description set off by commas that names the same person: "the Minister for
    /// Housing" in "The Minister for Housing, Pádraig Ó Dálaigh,".
    description: Option<String>,
}

/// Letters after a name that are not part of it.
const POST_NOMINALS: &[&str] = &[
    "KC", "QC", "MP", "MEP", "MSP", "TD", "CBE", "OBE", "MBE", "KBE", "DBE", "PhD", "MD", "Esq",
    "FRS", "SC", "MLA", "MPP",
];

/// The name particles that mark a personal name when they stand inside one ("von der", "de",
/// "bin"); the ones that also join place and company names ("la", "y", "el") are left out.
const PERSONAL_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das", "bin", "ibn",
    "ter", "zu",
];

/// A romanised Korean given name: two syllables joined by a hyphen, the second in lower case
/// ("Ji-hoon", "Sung-ho"). After it, the name's first word is the surname.
/// Party words that qualify an honorific ("Republican Sen.") or, last in a run, name a member
/// ("a Tucson Democrat").
const PARTY_WORDS: &[&str] = &[
    "Republican",
    "Republicans",
    "Democrat",
    "Democrats",
    "Democratic",
    "Conservative",
    "Conservatives",
    "Tory",
    "Tories",
    "Labour",
    "Liberal",
    "Liberals",
    "Nationalist",
    "Independent",
    "Green",
    "Greens",
];

/// Words of ministerial portfolios ("Minister for Foreign Affairs", "Minister of Industry and
/// Trade"), so that the name after a portfolio is told from it whatever its length.
const PORTFOLIO_WORDS: &[&str] = &[
    "Foreign",
    "Affairs",
    "Home",
    "Internal",
    "Interior",
    "Finance",
    "Treasury",
    "Defence",
    "Defense",
    "Health",
    "Education",
    "Justice",
    "Agriculture",
    "Fisheries",
    "Forestry",
    "Food",
    "Energy",
    "Environment",
    "Climate",
    "Transport",
    "Transportation",
    "Labour",
    "Labor",
    "Employment",
    "Culture",
    "Tourism",
    "Science",
    "Technology",
    "Innovation",
    "Planning",
    "Investment",
    "Commerce",
    "Trade",
    "Industry",
    "Economy",
    "Economic",
    "Housing",
    "Security",
    "Communications",
    "Information",
    "Natural",
    "Resources",
    "Public",
    "Works",
    "Social",
    "Welfare",
    "Youth",
    "Sport",
    "Sports",
    "Women",
    "Development",
    "Veterans",
    "Water",
    "Land",
    "Infrastructure",
    "Digital",
    "Immigration",
    "Citizenship",
    "Heritage",
    "Arts",
    "Mines",
    "Petroleum",
    "Oil",
    "Gas",
    "Construction",
    "Industries",
    "Cooperation",
    "International",
    "Relations",
    "Local",
    "Government",
    "Regional",
    "Rural",
    "Urban",
    "Family",
    "Children",
    "Services",
    "Human",
    "Rights",
    "Equality",
    "Budget",
    "Revenue",
    "Customs",
    "Ports",
    "Aviation",
    "Maritime",
    "Telecommunications",
    "Post",
    "Religious",
    "Ethnic",
    "Minorities",
];

/// Words that make a given name before them the name of a place or thing ("Elizabeth Line",
/// "Victoria Station", "Alexander Park"), for names that are otherwise read as a person's.
const NAMED_PLACE_HEADS: &[&str] = &[
    "Line",
    "Station",
    "Bridge",
    "Park",
    "Street",
    "Road",
    "River",
    "Lake",
    "Hospital",
    "School",
    "College",
    "University",
    "Centre",
    "Center",
    "Square",
    "Hall",
    "House",
    "Tower",
    "Building",
    "Stadium",
    "Arena",
    "Airport",
    "Harbour",
    "Harbor",
    "Bay",
    "Island",
    "Islands",
    "Mountain",
    "Hotel",
    "Theatre",
    "Theater",
    "Gardens",
    "Place",
    "Court",
    "Avenue",
    "Way",
    "Drive",
    "Dam",
    "Canal",
    "Memorial",
    "Museum",
    "Library",
    "Falls",
    "Point",
    "Dock",
    "Docks",
    "Terrace",
    "Crescent",
    "Cross",
    "Gate",
    "Hill",
    "Fund",
    "Foundation",
    "Trust",
    "Prize",
    "Award",
    "Cup",
    "Trophy",
    "Medal",
    "Act",
    "Bill",
    "Report",
    "Plan",
];

fn is_korean_given_name(word: &str) -> bool {
    word.split_once('-').is_some_and(|(a, b)| {
        a.len() >= 2
            && a.chars().next().is_some_and(char::is_uppercase)
            && a.chars().skip(1).all(char::is_lowercase)
            && !b.is_empty()
            && b.chars().all(char::is_lowercase)
    })
}

/// Continents and ocean regions, which end organisation names ("Renew Europe") but are not
/// in the gazetteer of countries and cities.
const CONTINENTS: &[&str] = &[
    "Europe",
    "Asia",
    "Africa",
    "America",
    "Americas",
    "Oceania",
    "Antarctica",
    "Arctic",
    "Pacific",
    "Atlantic",
];

/// Months' short forms that are also surnames ("Dong Jun", "Kim Jun").
const MONTH_ABBREVIATIONS: &[&str] = &["Jan", "Mar", "Jun", "Jul", "Dec"];

fn is_name_word(word: &str) -> bool {
    // "al-Burhan", "bin-Salman", "el-Sisi": a lower-case particle joined to a capitalised name.
    if let Some((head, rest)) = word.split_once('-')
        && lexicon::NAME_PARTICLES.contains(&head)
        && rest.chars().next().is_some_and(char::is_uppercase)
    {
        return true;
    }
    if matches!(word, "Jr" | "Sr" | "II" | "III" | "IV") || is_initials(word) {
        return true;
    }
    let w = strip_possessive(word);
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    // Organisation words ("Park", "House") may be names too; whether a phrase is an
    // organisation is decided on the whole phrase.
    if lexicon::NOT_NAME_WORDS.contains(&w) {
        return false;
    }
    // Acronyms ("US", "NATO") are not names; "Ó" and "O'Brien" are.
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
        return false;
    }
    if w.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    if w.ends_with('.') && letters.len() > 1 {
        return false;
    }
    true
}

/// Initials such as "M.K." or "J.": capital letters each followed by a dot, not a country
/// ("U.S.").
fn is_initials(word: &str) -> bool {
    let bytes = word.as_bytes();
    !bytes.is_empty()
        && bytes.len().is_multiple_of(2)
        && bytes
            .chunks(2)
            .all(|c| c[0].is_ascii_uppercase() && c[1] == b'.')
        && gazetteer::country(word).is_none()
        && gazetteer::region(word).is_none()
}

/// Whether `word` (without a possessive ending) is a nationality, a country or a regional
/// adjective ("European"), remembered per word ([`DEMONYM_OR_COUNTRY`]).
fn is_demonym_or_country(word: &str) -> bool {
    let w = strip_possessive(word);
    DEMONYM_OR_COUNTRY.with_borrow_mut(|known| {
        if let Some(&found) = known.get(w) {
            return found;
        }
        let found = names_demonym_or_country(w);
        if known.len() >= DEMONYM_CACHE_WORDS {
            known.clear();
        }
        known.insert(w.to_owned(), found);
        found
    })
}

/// [`is_demonym_or_country`] of the two words `first second` ("South Korean"), joined in a
/// buffer kept per thread: asked at most words of every name chain, where a fresh string each
/// time was an allocation and a free for a look-up that almost always hits the cache.
fn is_demonym_or_country_pair(first: &str, second: &str) -> bool {
    PAIR_BUFFER.with_borrow_mut(|pair| {
        pair.clear();
        pair.push_str(first);
        pair.push(' ');
        pair.push_str(second);
        is_demonym_or_country(pair)
    })
}

/// How many words [`DEMONYM_OR_COUNTRY`] keeps before it starts over: far more than an
/// article's distinct capitalised words, and a bound on a long-running server's memory.
const DEMONYM_CACHE_WORDS: usize = 4096;

thread_local! {
    /// Answers of [`names_demonym_or_country`] on this thread. The people pass asks about the
    /// same words again and again (every name chain, every epithet), and each answer folds and
    /// hashes the word for two gazetteer tables; the gazetteer never changes, so an answer
    /// holds for good.
    static DEMONYM_OR_COUNTRY: std::cell::RefCell<HashMap<String, bool, lexicon::FastHash>> =
        std::cell::RefCell::new(HashMap::default());
    /// The two words [`is_demonym_or_country_pair`] asks about, joined; reused between calls.
    static PAIR_BUFFER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// [`is_demonym_or_country`] of a word already without its possessive, from the gazetteer.
fn names_demonym_or_country(w: &str) -> bool {
    gazetteer::demonym(w).is_some()
        || gazetteer::country(w).is_some()
        || matches!(
            w,
            "European"
                | "African"
                | "Asian"
                | "Arab"
                | "Latin"
                | "Nordic"
                | "Baltic"
                | "Balkan"
                | "Western"
                | "Gulf"
                | "Middle"
        )
}

/// The gap between two tokens is a single space (or nothing, for joined forms).
fn joined_by_space(text: &str, a: &Token<'_>, b: &Token<'_>) -> bool {
    let gap = &text[a.span.end..b.span.start];
    // "Mr. Whitford", "Rep. Glenn Okafor": an abbreviated title keeps its dot.
    gap == " "
        || gap == "\u{a0}"
        || gap == ". "
            && (lexicon::honorific(a.text).is_some()
                || a.text.len() == 1 && a.text.chars().all(|c| c.is_ascii_uppercase()))
}

/// The offices split into words, grouped by their last and by their first word (lower case),
/// so that matching an office at a token costs a hash look-up, not a scan of the list.
struct OfficeIndex {
    by_last: OfficeMap,
    by_first: OfficeMap,
}

/// Offices by one of their words, with the fast hasher of the fixed tables: asked about at
/// every capitalised word.
type OfficeMap = HashMap<&'static str, Vec<(Vec<&'static str>, &'static str)>, lexicon::FastHash>;

static OFFICE_INDEX: std::sync::LazyLock<OfficeIndex> = std::sync::LazyLock::new(|| {
    let mut by_last = OfficeMap::default();
    let mut by_first = OfficeMap::default();
    for office in lexicon::OFFICES {
        let parts: Vec<&'static str> = office.split(' ').collect();
        by_last
            .entry(parts[parts.len() - 1])
            .or_default()
            .push((parts.clone(), office));
        by_first.entry(parts[0]).or_default().push((parts, office));
    }
    // Longest first, so the first match is the longest ("prime minister" over "minister").
    for v in by_last.values_mut().chain(by_first.values_mut()) {
        v.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    }
    OfficeIndex { by_last, by_first }
});

fn word_is(t: &Token<'_>, part: &str) -> bool {
    strip_possessive(t.text).eq_ignore_ascii_case(part)
}

/// Longest office (from [`lexicon::OFFICES`]) that ends at token `end` (inclusive), matching
/// case-insensitively. Returns the number of tokens it takes.
fn office_ending_at(toks: &[Token<'_>], end: usize) -> Option<(usize, &'static str)> {
    let mut buf = [0u8; 24];
    let last = lowercase_in(strip_possessive(toks.get(end)?.text), &mut buf);
    let cands = OFFICE_INDEX.by_last.get(&*last)?;
    cands.iter().find_map(|(parts, office)| {
        let n = parts.len();
        (n <= end + 1
            && parts
                .iter()
                .zip(&toks[end + 1 - n..=end])
                .all(|(p, t)| word_is(t, p)))
        .then_some((n, *office))
    })
}

/// Longest office that starts at token `start`.
fn office_starting_at(toks: &[Token<'_>], start: usize) -> Option<(usize, &'static str)> {
    let mut buf = [0u8; 24];
    let first = lowercase_in(strip_possessive(toks.get(start)?.text), &mut buf);
    let cands = OFFICE_INDEX.by_first.get(&*first)?;
    cands.iter().find_map(|(parts, office)| {
        let n = parts.len();
        (start + n <= toks.len()
            && parts
                .iter()
                .zip(&toks[start..start + n])
                .all(|(p, t)| word_is(t, p)))
        .then_some((n, *office))
    })
}

/// A qualifier before an office: "German", "US", "Iceland's", "White House". Returns the
/// qualifier text and the index of its first token.
fn qualifier_before(
    text: &str,
    toks: &[Token<'_>],
    office_start: usize,
) -> Option<(String, usize)> {
    if office_start == 0 {
        return None;
    }
    let mut i = office_start;
    // Walk back over capitalised words joined by spaces (demonyms, countries, organisations).
    while i > 0 {
        let t = &toks[i - 1];
        if !joined_by_space(text, t, &toks[i]) {
            break;
        }
        let w = t.text;
        let capital = t.is_capitalised();
        let ok = capital
            && !matches!(
                strip_possessive(w),
                "The" | "A" | "An" | "But" | "And" | "As" | "It"
            )
            && !lexicon::NOT_NAME_WORDS.contains(&strip_possessive(w))
            || is_demonym_or_country(w);
        if !ok {
            break;
        }
        i -= 1;
        if t.is_possessive() {
            break;
        }
    }
    if i == office_start {
        return None;
    }
    let words: Vec<String> = toks[i..office_start]
        .iter()
        .map(|t| normalise_qualifier(t.text))
        .collect();
    Some((words.join(" "), i))
}

/// "Iceland's" → "Icelandic" where the gazetteer knows the adjective; else the word as written.
fn normalise_qualifier(word: &str) -> String {
    let stem = strip_possessive(word);
    if stem.len() != word.len()
        && let Some(adj) = gazetteer::country(stem).and_then(|c| gazetteer::adjective_of(c.code))
    {
        return adj.to_string();
    }
    stem.to_string()
}

/// The office in a role phrase without the employer it is held at: "economist at the Economic
/// and Social Research Institute" is an economist; the institute is where, not what.
fn office_only(role: &str) -> &str {
    role.split_once(" at ").map_or(role, |(office, _)| office)
}

fn role_text(qualifier: Option<&str>, office: &str) -> String {
    match qualifier {
        Some(q) if !q.is_empty() => format!("{q} {office}"),
        _ => office.to_string(),
    }
}

/// Finds people and their mentions in `text`.
pub fn find_people(text: &str, sentences: &[Sentence]) -> People {
    find_people_in(text, sentences, &sentence_tokens(text, sentences))
}

/// [`find_people`], given every sentence's tokens ([`sentence_tokens`]), which the extractor
/// splits once for all its passes.
pub fn find_people_in(
    text: &str,
    sentences: &[Sentence],
    sentence_tokens: &[Vec<Token<'_>>],
) -> People {
    let mut organisations = Vec::new();
    let mut candidates = Vec::new();
    for (si, toks) in sentence_tokens.iter().enumerate() {
        for chain in chains(text, si, toks) {
            match analyse_chain(text, toks, &chain) {
                ChainKind::Person(c) => candidates.push(c),
                ChainKind::Organisation(span, name) => organisations.push((span, name)),
                ChainKind::Other => {}
            }
        }
    }
    build_people(text, sentences, sentence_tokens, candidates, organisations)
}

fn chains(text: &str, sentence: usize, toks: &[Token<'_>]) -> Vec<Chain> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].is_capitalised() {
            i += 1;
            continue;
        }
        let first = i;
        let mut last = i;
        while last + 1 < toks.len() && !toks[last].is_possessive() {
            let next = &toks[last + 1];
            if !joined_by_space(text, &toks[last], next) {
                break;
            }
            if next.is_capitalised() || next.text.contains('-') && is_name_word(next.text) {
                last += 1;
                continue;
            }
            // A particle between capitalised words: "Ursula von der Leyen".
            let mut j = last + 1;
            while j < toks.len()
                && lexicon::NAME_PARTICLES.contains(&toks[j].text)
                && joined_by_space(text, &toks[j - 1], &toks[j])
            {
                j += 1;
            }
            if j > last + 1
                && j < toks.len()
                && toks[j].is_capitalised()
                && joined_by_space(text, &toks[j - 1], &toks[j])
            {
                last = j;
                continue;
            }
            break;
        }
        last = institution_tail(text, toks, first, last);
        out.push(Chain {
            sentence,
            first,
            last,
        });
        i = last + 1;
    }
    out
}

/// Words that head the name of a public body and take an "of"/"for" complement or follow a
/// possessive: "Ministry of Foreign Affairs", "Centre for Economics and Business Research",
/// "the Prime Minister's Office".
const INSTITUTIONS: &[&str] = &[
    "Ministry",
    "Department",
    "Council",
    "Commission",
    "Office",
    "Institute",
    "Centre",
    "Center",
    "Committee",
    "Board",
    "Authority",
    "Federation",
    "Bureau",
    "Association",
    "Organisation",
    "Organization",
    "Agency",
    "Bank",
    "Fund",
    "Service",
    "University",
    "Foundation",
    "Court",
    "College",
    "Trust",
];

/// Extends a capitalised chain ending at `last` over the rest of an institution's name: "of"
/// or "for" and capitalised words (joined by "and") after an institution word, or an
/// institution word after a possessive ("Prime Minister's Office"). Returns the new last token.
fn institution_tail(text: &str, toks: &[Token<'_>], first: usize, last: usize) -> usize {
    let next_joined =
        |k: usize| k + 1 < toks.len() && joined_by_space(text, &toks[k], &toks[k + 1]);
    if toks[last].is_possessive()
        && last > first
        && next_joined(last)
        && INSTITUTIONS.contains(&toks[last + 1].text)
    {
        return last + 1;
    }
    if !INSTITUTIONS.contains(&toks[last].text)
        || !next_joined(last)
        || !matches!(toks[last + 1].text, "of" | "for")
        || !next_joined(last + 1)
        || !toks[last + 2].is_capitalised()
    {
        return last;
    }
    let mut end = last + 2;
    loop {
        if toks[end].is_possessive() {
            break;
        }
        if next_joined(end) && toks[end + 1].is_capitalised() {
            end += 1;
        } else if next_joined(end)
            && matches!(toks[end + 1].text, "and" | "&")
            && next_joined(end + 1)
            && toks[end + 2].is_capitalised()
        {
            end += 2;
        } else {
            break;
        }
    }
    // "Office of Management and Budget Director Russell Vought": an office inside the run
    // means a person's title and name follow; the chain is left as it was for the role rules.
    if (last + 2..=end).any(|k| office_starting_at(&toks[..=end], k).is_some()) {
        return last;
    }
    end
}

enum ChainKind {
    Person(Candidate),
    Organisation(Range<usize>, String),
    Other,
}

fn analyse_chain(text: &str, toks: &[Token<'_>], chain: &Chain) -> ChainKind {
    let mut i = chain.first;
    let end = chain.last;
    // "Ministry of Foreign Affairs", "the Prime Minister's Office": a body's full name.
    let inner_link =
        (chain.first..end).any(|k| toks[k].is_possessive() || matches!(toks[k].text, "of" | "for"));
    if inner_link
        && INSTITUTIONS
            .iter()
            .any(|w| toks[chain.first..=end].iter().any(|t| t.text == *w))
    {
        let mut s = chain.first;
        while s < end && lexicon::NOT_NAME_WORDS.contains(&toks[s].text) {
            s += 1;
        }
        let span = toks[s].span.start..toks[end].span.end;
        let name = strip_possessive(&text[span.clone()]).to_string();
        return ChainKind::Organisation(span, name);
    }
    // Leading function words ("But", "The"), but not the first word of "South Korean".
    while i <= end
        && lexicon::NOT_NAME_WORDS.contains(&strip_possessive(toks[i].text))
        && lexicon::honorific(toks[i].text).is_none()
        && !(i < end
            && is_demonym_or_country_pair(toks[i].text, strip_possessive(toks[i + 1].text)))
    {
        i += 1;
    }
    let lead = i;
    let mut qualifier: Vec<String> = Vec::new();
    let mut titles: Vec<String> = Vec::new();
    let mut compound_office: Option<String> = None;
    let mut office: Option<&'static str> = None;
    let mut gender = None;
    // "Minister for Foreign Affairs Vivian Balakrishnan": after "office for/of", the capitalised
    // run is the portfolio and then the name; the name is its last two words.
    // "Minister of Industry and Trade Vu Hong Son": a portfolio joined by "and" starts the run
    // one word and an "and" earlier.
    // "President of the National Assembly Pichai Ratanakorn": the body an office heads,
    // after "of the", is told from the name by its organisation words.
    let of_the = chain.first >= 3
        && toks[chain.first - 1].text == "the"
        && matches!(toks[chain.first - 2].text, "for" | "of");
    let (prep, lead_in) = if chain.first >= 4
        && toks[chain.first - 1].text == "and"
        && PORTFOLIO_WORDS.contains(&toks[chain.first - 2].text)
        && matches!(toks[chain.first - 3].text, "for" | "of")
    {
        (chain.first - 3, Some(chain.first - 2))
    } else if of_the {
        (chain.first - 2, None)
    } else {
        (chain.first.saturating_sub(1), None)
    };
    let portfolio_word = |w: &str| {
        PORTFOLIO_WORDS.contains(&w)
            || of_the && (lexicon::ORG_WORDS.contains(&w) || w == "National")
    };
    if chain.first >= 2
        && end >= i + 2
        && matches!(toks[prep].text, "for" | "of")
        && joined_by_space(text, &toks[prep], &toks[prep + 1])
        && let Some((_, o)) = office_ending_at(toks, prep.saturating_sub(1))
        && prep >= 1
    {
        // The portfolio's words are known ones ("Industry", "Foreign Affairs"); the name is what
        // follows them, else the run's last two words.
        let known = (i..end)
            .find(|&k| !portfolio_word(toks[k].text))
            .filter(|&k| k > i || lead_in.is_some());
        // After "of the" only known words make the body; a run of none names the body alone.
        let name_start = match known {
            Some(k) => k,
            None if of_the => end + 1,
            None => end - 1,
        };
        if name_start < end && toks[name_start..=end].iter().all(|t| is_name_word(t.text)) {
            let mut portfolio: Vec<&str> = Vec::new();
            if of_the {
                portfolio.push("the");
            }
            if let Some(l) = lead_in {
                portfolio.extend(toks[l..chain.first].iter().map(|t| t.text));
            }
            portfolio.extend(toks[i..name_start].iter().map(|t| t.text));
            compound_office = Some(format!("{o} {} {}", toks[prep].text, portfolio.join(" ")));
            office = Some(o);
            titles.extend(portfolio.iter().map(|w| (*w).to_string()));
            i = name_start;
        }
    }
    // Demonyms, countries and organisation words before a title: "US President", "White House".
    let mut j = i;
    while j <= end && !toks[j].is_possessive() {
        if j < end && is_demonym_or_country_pair(toks[j].text, toks[j + 1].text) {
            j += 2;
        } else if is_demonym_or_country(toks[j].text) || lexicon::ORG_WORDS.contains(&toks[j].text)
        {
            j += 1;
        } else {
            break;
        }
    }
    if j <= end
        && let Some((n, o)) = office_starting_at(&toks[..=end], j)
        && j + n <= end
    {
        qualifier = toks[i..j].iter().map(|t| t.text.to_string()).collect();
        office = Some(o);
        titles.extend(toks[j..j + n].iter().map(|t| t.text.to_string()));
        i = j + n;
    }
    // An office further into the chain: "Ontario Premier Doug Ford", "Riverside County
    // Supervisor Daniel Ibarra", "Chief Cabinet Secretary Hayashi Yoshimasa". The words before
    // it qualify it; the words after it are the name.
    if office.is_none() {
        let mut k = end;
        while k > i {
            k -= 1;
            if let Some((n, o)) = office_ending_at(&toks[..=k], k) {
                let office_start = (k + 1 - n).max(chain.first);
                if office_start >= i
                    && toks[k + 1..=end]
                        .iter()
                        .all(|t| is_name_word(t.text) || lexicon::NAME_PARTICLES.contains(&t.text))
                {
                    qualifier = toks[i..office_start]
                        .iter()
                        .map(|t| normalise_qualifier(t.text))
                        .collect();
                    office = Some(o);
                    titles.extend(toks[office_start..=k].iter().map(|t| t.text.to_string()));
                    i = k + 1;
                    break;
                }
            }
        }
    }
    // "Ohio Gov. Marian Kessler": a place before a title qualifies it.
    if i < end
        && qualifier.is_empty()
        && lexicon::honorific(toks[i + 1].text).is_some()
        && lexicon::title_office(toks[i + 1].text).is_some()
        && gazetteer::is_place_name(toks[i].text)
    {
        qualifier.push(toks[i].text.to_string());
        titles.push(toks[i].text.to_string());
        i += 1;
    }
    // "Republican Sen. Laura Brennaman": a party word before an honorific qualifies it.
    if i < end
        && PARTY_WORDS.contains(&toks[i].text)
        && (lexicon::honorific(toks[i + 1].text).is_some()
            || i + 1 < end
                && toks[i + 1].text == "State"
                && lexicon::title_office(toks[i + 2].text).is_some())
    {
        qualifier.push(toks[i].text.to_string());
        titles.push(toks[i].text.to_string());
        i += 1;
    }
    // "State Rep. Tom Brandvold", "State Sen. Aisha Oyelaran": a state legislator's title.
    if i < end && toks[i].text == "State" && lexicon::title_office(toks[i + 1].text).is_some() {
        qualifier.push("state".to_string());
        titles.push(toks[i].text.to_string());
        i += 1;
    }
    // Honorifics ("Sir", "Mr.", "Sen.") and a following title run.
    while i <= end {
        let w = toks[i].text;
        if let Some(g) = lexicon::honorific(w) {
            if i == end {
                break;
            }
            if gender.is_none() {
                gender = g;
            }
            let bare = w.trim_end_matches('.');
            if office.is_none() && bare != "Crown" {
                office = lexicon::title_office(bare);
            }
            titles.push(w.to_string());
            i += 1;
            continue;
        }
        if let Some((n, o)) = office_starting_at(&toks[..=end], i)
            && i + n <= end
        {
            // "Chief Cabinet Secretary": offices written in a row are one office.
            if office.is_some() && !titles.is_empty() {
                let first = titles.len();
                titles.extend(toks[i..i + n].iter().map(|t| t.text.to_string()));
                compound_office = Some(titles[first.saturating_sub(1)..].join(" ").to_lowercase());
            } else {
                titles.extend(toks[i..i + n].iter().map(|t| t.text.to_string()));
            }
            office = Some(o);
            i += n;
            continue;
        }
        break;
    }
    // Post-nominal letters and suffixes are not part of the name used for matching: "Dame
    // Alison Carr KC"; "Jr." stays, as part of the name as written.
    let mut end = end;
    while end > i && POST_NOMINALS.contains(&strip_possessive(toks[end].text)) {
        end -= 1;
    }
    if i > end {
        return ChainKind::Other;
    }
    let core_toks = &toks[i..=end];
    // "the Hawks", "the Harlan Springs Hawks": a name right after "the" is a team, a band or a
    // firm; people's names do not take an article (titles and offices are handled above).
    if titles.is_empty()
        && qualifier.is_empty()
        && i > 0
        && toks[i - 1].text.eq_ignore_ascii_case("the")
        && joined_by_space(text, &toks[i - 1], &toks[i])
    {
        return ChainKind::Organisation(
            core_toks[0].span.start..core_toks[core_toks.len() - 1].span.end,
            text[core_toks[0].span.start..core_toks[core_toks.len() - 1].span.end].to_string(),
        );
    }
    // "The Lady Hawks", "the Mr Men": a courtesy title after "the" names a team or a brand;
    // people with one take no article (clergy do, "the Rev Jane Doe", and are left alone).
    let lead_title = lead <= end
        && matches!(
            toks[lead].text,
            "Lady" | "Lord" | "Mr" | "Mrs" | "Ms" | "Miss" | "Sir" | "Dame"
        );
    if lead_title
        && qualifier.is_empty()
        && lead > 0
        && toks[lead - 1].text.eq_ignore_ascii_case("the")
        && joined_by_space(text, &toks[lead - 1], &toks[lead])
    {
        let span = toks[lead].span.start..toks[end].span.end;
        return ChainKind::Organisation(span.clone(), strip_possessive(&text[span]).to_string());
    }
    let core_words: Vec<&str> = core_toks.iter().map(|t| strip_possessive(t.text)).collect();
    // "the Prime Minister said": an office alone is a description, not a name.
    if office_starting_at(core_toks, 0).is_some_and(|(n, _)| n == core_toks.len()) {
        return ChainKind::Other;
    }
    let full_span = toks[lead.min(end)].span.start..toks[end].span.end;
    // An organisation word makes the phrase an organisation ("Hyde Park", "Cal Fire"), except
    // after a title, as a surname: "Park" is also a Korean surname ("Trade Minister Park
    // Sung-ho", "Mr Park").
    // "Park Ji-hoon": a romanised Korean given name (capital, hyphen, lower case) after the
    // first word makes that word a surname, not an organisation word.
    let korean_given = core_words.len() == 2 && is_korean_given_name(core_words[1]);
    let titled_short =
        titles.iter().any(|t| lexicon::honorific(t).is_some()) && core_words.len() <= 2;
    let org_like = !(titled_short || korean_given)
        && core_words.iter().enumerate().any(|(k, w)| {
            lexicon::ORG_WORDS.contains(w)
                && !(k == 0 && core_words.len() > 1 && !titles.is_empty())
        });
    if org_like
        || (titles.is_empty()
            && core_words
                .iter()
                .all(|w| lexicon::NOT_NAME_WORDS.contains(w)))
    {
        let start = toks[chain.first].span.start;
        let span = start..toks[end].span.end;
        let mut name = text[span.clone()].to_string();
        name = strip_possessive(&name).to_string();
        if org_like {
            return ChainKind::Organisation(span, name);
        }
        return ChainKind::Other;
    }
    // Every core word must look like part of a name (particles allowed inside).
    // "Dong Jun": a month's abbreviation last in a name, with no number or dot after it, is
    // a surname, not a date.
    let dated = toks
        .get(end + 1)
        .is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_digit()))
        || text[toks[end].span.end..].starts_with('.');
    let name_like = core_words.iter().enumerate().all(|(k, w)| {
        is_name_word(w)
            || (k > 0 && k + 1 < core_words.len() && lexicon::NAME_PARTICLES.contains(w))
            || (k > 0 && k + 1 == core_words.len() && !dated && MONTH_ABBREVIATIONS.contains(w))
    });
    if !name_like {
        return ChainKind::Other;
    }
    // Demonyms alone ("Russian") are never names.
    if core_words.len() == 1 && is_demonym_or_country(core_words[0]) && titles.is_empty() {
        return ChainKind::Other;
    }
    let core_text = core_words.join(" ");
    let has_title = !titles.is_empty();
    if !has_title && gazetteer::is_place_name(&core_text) {
        return ChainKind::Organisation(
            core_toks[0].span.start..core_toks[core_toks.len() - 1].span.end,
            core_text,
        );
    }
    let mut role = office.map(|o| {
        let q = if qualifier.is_empty() {
            None
        } else {
            Some(qualifier.join(" "))
        };
        role_text(q.as_deref(), compound_office.as_deref().unwrap_or(o))
    });
    let mut cued = has_title;
    let mut description: Option<String> = None;
    // A role phrase before the chain: "German chancellor Friedrich Merz", "Iceland's foreign
    // minister, Sigrun Halldorsdottir,", "the EU housing commissioner, Dan Jørgensen", "The UN's
    // envoy for Sudan, Ramtane Lamamra".
    if role.is_none() && chain.first > 0 {
        let mut before = chain.first - 1;
        let gap = text[toks[before].span.end..toks[chain.first].span.start].to_string();
        let mut tail: Vec<String> = Vec::new();
        if gap == ", " {
            // "(of|for) Capitalised words" between the office and the name.
            let mut k = before;
            while k > 0 && toks[k].is_capitalised() {
                k -= 1;
            }
            if k < before && matches!(toks[k].text, "of" | "for") && k > 0 {
                tail = toks[k..=before]
                    .iter()
                    .map(|t| t.text.to_string())
                    .collect();
                before = k - 1;
            }
        }
        if (gap == " " || gap == ", ")
            && let Some((n, o)) = office_ending_at(toks, before)
        {
            let office_start = before + 1 - n;
            let q = qualifier_before(text, toks, office_start).map(|(q, _)| q);
            // Lower-case modifiers back to an article or a possessive: "the EU housing".
            let mut m = office_start;
            let mut mods: Vec<String> = Vec::new();
            let mut anchored = false;
            while m > 0 && office_start - m < 4 {
                let w = &toks[m - 1];
                let lw = w.text.to_lowercase();
                if matches!(
                    lw.as_str(),
                    "the" | "a" | "an" | "its" | "his" | "her" | "their"
                ) {
                    anchored = true;
                    break;
                }
                if w.is_possessive() {
                    anchored = true;
                    if !w.is_capitalised() {
                        break;
                    }
                    mods.insert(0, normalise_qualifier(w.text));
                    break;
                }
                if !text[w.span.end..toks[m].span.start].eq(" ") {
                    break;
                }
                mods.insert(0, w.text.to_string());
                m -= 1;
            }
            if gap == " " && !tail.is_empty() {
                // unreachable shape; keep the plain role
            }
            if gap == " " || q.is_some() || anchored {
                let mut r = if anchored && !mods.is_empty() {
                    format!("{} {o}", mods.join(" "))
                } else {
                    role_text(q.as_deref(), o)
                };
                if !tail.is_empty() {
                    r = format!("{r} {}", tail.join(" "));
                }
                role = Some(r);
                cued = true;
                // Set off by a comma and definite, the phrase is another name for them.
                if gap == ", " && anchored && m > 0 {
                    let anchor = &toks[m - 1];
                    let mut start = m - 1;
                    if anchor.is_possessive() {
                        while start > 0
                            && toks[start - 1].is_capitalised()
                            && joined_by_space(text, &toks[start - 1], &toks[start])
                        {
                            start -= 1;
                        }
                    }
                    let definite =
                        anchor.is_possessive() || anchor.text.eq_ignore_ascii_case("the");
                    if definite {
                        let phrase = &text[toks[start].span.start..toks[chain.first - 1].span.end];
                        description = Some(lower_article(phrase));
                    }
                }
            }
        }
    }
    // "Manfred Weber, who leads the EPP": only people are "who"; post-nominals ("KC") too;
    // so is an age ("Jane Doe, 45,") and a byline ("By Jane Doe" opening a line).
    if !cued {
        let after = &text[toks[end].span.end..];
        let age = after
            .strip_prefix(", ")
            .and_then(|r| r.split_once(','))
            .is_some_and(|(n, _)| {
                (1..=3).contains(&n.len()) && n.chars().all(|c| c.is_ascii_digit())
            });
        let before_line = text[..core_toks[0].span.start]
            .rsplit('\n')
            .next()
            .unwrap_or("");
        let byline = matches!(before_line.trim(), "By" | "by" | "BY");
        if age || byline {
            cued = true;
        }
        let post_nominal = toks.get(end + 1).is_some_and(|t| {
            POST_NOMINALS.contains(&t.text) && joined_by_space(text, &toks[end], t)
        });
        if after.starts_with(", who ") || after.starts_with(" who ") || post_nominal {
            cued = true;
        }
        // "Ursula von der Leyen", "Charles de Gaulle": a name particle between capitalised
        // words is how personal names are built (places with one, such as "Rio de Janeiro",
        // were turned away by the gazetteer above, organisations by their words).
        let inner_particle = core_words.len() >= 3
            && core_words[1..core_words.len() - 1]
                .iter()
                .any(|w| PERSONAL_PARTICLES.contains(w))
            && !gazetteer::is_place_name(core_words[0]);
        if inner_particle {
            cued = true;
        }
        // "clashed with Donald Trump in the Oval Office": a given name that general knowledge
        // knows as one (the same list that gives "he" or "she") before one more name word is
        // how a full personal name is written. Places and bodies were turned away above.
        let given_full = core_words.len() == 2
            && lexicon::given_name_gender(core_words[0]).is_some()
            && !lexicon::ORG_WORDS.contains(&core_words[1])
            && !lexicon::NOT_NAME_WORDS.contains(&core_words[1])
            && !NAMED_PLACE_HEADS.contains(&core_words[1])
            && gazetteer::place(&core_words.join(" ")).is_none()
            && gazetteer::place(core_words[1]).is_none();
        if given_full {
            cued = true;
        }
    }
    // An appositive after the chain: "Jane Doe, the mayor of Springfield, said".
    if role.is_none()
        && let Some((r, phrase)) = appositive_role(text, toks, end)
    {
        role = Some(r);
        cued = true;
        description = phrase;
    }
    // A speech verb beside it: "Jane Doe said", "said Jane Doe", "according to Jane Doe".
    if !cued {
        let next = toks.get(end + 1).map(|t| t.text.to_lowercase());
        let prev = (chain.first > 0).then(|| toks[chain.first - 1].text.to_lowercase());
        let prev2 = (chain.first > 1).then(|| toks[chain.first - 2].text.to_lowercase());
        // "Ryan de Souza, on as a substitute, added": the verb after an aside.
        // "Torres, a junior from Charlotte, North Carolina, said": an aside may hold the
        // comma of a "town, state" pair.
        let commas: Vec<usize> = toks[end + 1..]
            .iter()
            .enumerate()
            .take(14)
            .filter(|(_, t)| text[t.span.end..].starts_with(','))
            .map(|(p, _)| end + 1 + p)
            .take(2)
            .collect();
        let speech_after = |c: usize| {
            toks.get(c + 1)
                .is_some_and(|v| lexicon::is_speech_verb(&v.text.to_lowercase()))
        };
        let region_pair =
            |a: usize, b: usize| b - a <= 3 && toks[a + 1..=b].iter().all(|t| t.is_capitalised());
        let after_aside = text[toks[end].span.end..].starts_with(", ")
            && match commas.as_slice() {
                [a, ..] if *a <= end + 10 && speech_after(*a) => true,
                [a, b] => region_pair(*a, *b) && speech_after(*b),
                _ => false,
            };
        // "Vladimir Putin’s spokesman", "Jane Doe's husband": people have offices and kin.
        let possessor = toks[end].is_possessive()
            && core_words.len() >= 2
            && next.as_deref().is_some_and(|n| {
                lexicon::OFFICES.contains(&n)
                    || matches!(
                        n,
                        "wife"
                            | "husband"
                            | "son"
                            | "daughter"
                            | "mother"
                            | "father"
                            | "brother"
                            | "sister"
                            | "family"
                            | "lawyer"
                            | "lawyers"
                            | "office"
                            | "death"
                            | "widow"
                    )
            });
        // "Analysts in Ha Noi said": after "in", "at" or "from" the words name a place.
        let locative = prev
            .as_deref()
            .is_some_and(|p| matches!(p, "in" | "at" | "from"));
        if next.as_deref().is_some_and(lexicon::is_speech_verb) && !locative
            || after_aside
            || possessor
            || prev.as_deref().is_some_and(|p| {
                // Not "told": what follows it is the hearer ("told Reuters").
                matches!(p, "said" | "says" | "added" | "asked" | "wrote" | "named")
            })
            || (prev.as_deref() == Some("to") && prev2.as_deref() == Some("according"))
        {
            cued = true;
        }
    }
    // "the Premier League said": an office word before a body's word names the body.
    if core_words.len() == 1 && lexicon::ORG_WORDS.contains(&core_words[0]) {
        return ChainKind::Other;
    }
    // "a Tucson Democrat", "a Kent Conservative": a place and a party name a member, not a
    // person by name.
    if core_words.last().is_some_and(|w| PARTY_WORDS.contains(w)) {
        return ChainKind::Other;
    }
    ChainKind::Person(Candidate {
        sentence: chain.sentence,
        full_span,
        core: core_toks
            .iter()
            .zip(&core_words)
            .map(|(t, w)| {
                // "Ferdinand Marcos Jr." and "John F. Kennedy" keep their dots.
                let initial = w.len() == 1 && w.chars().all(|c| c.is_ascii_uppercase());
                if (matches!(*w, "Jr" | "Sr") || initial) && text[t.span.end..].starts_with('.') {
                    format!("{w}.")
                } else {
                    (*w).to_string()
                }
            })
            .collect(),
        titles,
        role,
        gender,
        cued,
        description,
    })
}

/// ", the mayor of Springfield," after token `end`: the role, and the phrase as written when it
/// is definite ("the mayor of Springfield", "Russia's ambassador") and so names the person too.
fn appositive_role(text: &str, toks: &[Token<'_>], end: usize) -> Option<(String, Option<String>)> {
    let next = toks.get(end + 1)?;
    let gap = &text[toks[end].span.end..next.span.start];
    if gap != ", " {
        return None;
    }
    // Take words up to the next comma or sentence end, at most 10.
    let mut k = end + 1;
    let mut words: Vec<&Token<'_>> = Vec::new();
    while k < toks.len() && words.len() < 10 {
        words.push(&toks[k]);
        let after = text[toks[k].span.end..].chars().next();
        if matches!(
            after,
            Some(',' | '.' | ';' | ':' | ')' | '\u{2013}' | '\u{2014}')
        ) || k + 1 == toks.len()
        {
            break;
        }
        k += 1;
    }
    let mut start = 0;
    // Ages ("45,") come before the role.
    if words
        .first()
        .is_some_and(|w| w.text.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    if words
        .first()
        .is_some_and(|w| matches!(w.text.to_lowercase().as_str(), "the" | "a" | "an"))
    {
        start = 1;
    }
    let phrase = &words[start..];
    if phrase.is_empty() {
        return None;
    }
    // The head office is the word before "of"/"at"/"for", or the last word.
    let head_end = phrase
        .iter()
        .position(|w| {
            matches!(
                w.text,
                "of" | "at" | "for" | "in" | "to" | "with" | "from" | "who" | "which" | "that"
            )
        })
        .map_or(phrase.len(), |p| p);
    if head_end == 0 {
        return None;
    }
    let owned: Vec<Token<'_>> = phrase.iter().map(|t| (*t).clone()).collect();
    let (n, _) = office_ending_at(&owned, head_end - 1)?;
    // Words before the office must be modifiers (capitalised qualifiers or lower-case adjectives),
    // not a verb: "Jane Doe, who said" is not a role.
    if phrase[..head_end - n]
        .iter()
        .any(|w| matches!(w.text, "who" | "which" | "whose" | "that"))
    {
        return None;
    }
    // "the German MEP who chairs the committee": the role ends where the relative clause starts.
    let phrase = match phrase
        .iter()
        .position(|w| matches!(w.text, "who" | "which" | "that"))
    {
        Some(p) => &phrase[..p],
        None => phrase,
    };
    let words = &words[..start + phrase.len()];
    let role_words: Vec<String> = phrase
        .iter()
        .enumerate()
        .map(|(idx, t)| {
            let w = strip_possessive(t.text);
            if idx >= head_end - n && idx < head_end {
                // Offices are lower case, acronyms ("MEP") stay as written.
                if w.chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
                {
                    w.to_string()
                } else {
                    w.to_lowercase()
                }
            } else if t.is_possessive() {
                normalise_qualifier(t.text)
            } else {
                w.to_string()
            }
        })
        .collect();
    let definite = words
        .first()
        .is_some_and(|w| w.text.eq_ignore_ascii_case("the"))
        || phrase[0].is_possessive();
    let written = definite.then(|| {
        let last = words[words.len() - 1];
        lower_article(&text[words[0].span.start..last.span.end])
    });
    Some((role_words.join(" "), written))
}

/// "The Minister for Housing" → "the Minister for Housing": a description keeps its words,
/// with the article in lower case as it would stand mid-sentence.
fn lower_article(phrase: &str) -> String {
    match phrase.strip_prefix("The ") {
        Some(rest) => format!("the {rest}"),
        None => phrase.to_string(),
    }
}

/// "Al-Mansouri" → "al-Mansouri": a joined particle capitalised at the start of a sentence.
fn particle_lowered(word: &str) -> Option<String> {
    let (head, rest) = word.split_once('-')?;
    let lower = head.to_lowercase();
    (head != lower && lexicon::NAME_PARTICLES.contains(&lower.as_str()))
        .then(|| format!("{lower}-{rest}"))
}

/// "al-Burhan" → "Burhan": a surname without its joined particle.
fn without_particle(word: &str) -> Option<&str> {
    let (head, rest) = word.split_once('-')?;
    (lexicon::NAME_PARTICLES.contains(&head) && rest.chars().next().is_some_and(char::is_uppercase))
        .then_some(rest)
}

fn words_compatible(long: &[String], short: &[String]) -> bool {
    // Particles change case at the start of a name: "du Plessis" and "Du Plessis".
    let eq = |a: Option<&String>, b: Option<&String>| match (a, b) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        _ => false,
    };
    // "Donald J. Trump" and "Donald Trump": same first and last word.
    if eq(long.first(), short.first()) && eq(long.last(), short.last()) {
        return true;
    }
    // "Keir Starmer" within "Keir Rodney Starmer", "Du Plessis" within "Annelie du Plessis".
    short
        .iter()
        .all(|w| long.iter().any(|l| l.eq_ignore_ascii_case(w)))
        && eq(long.last(), short.last())
}

/// Last words that make a name a company's: "Meridian Brands Inc.", "Ford Motor Company".
const CORPORATE_SUFFIXES: &[&str] = &[
    "Inc",
    "Corp",
    "Corporation",
    "Ltd",
    "Limited",
    "Plc",
    "PLC",
    "LLC",
    "Co",
    "Company",
    "Brands",
    "Group",
    "Holdings",
    "AG",
    "SA",
    "SE",
    "NV",
    "GmbH",
];

fn build_people(
    text: &str,
    sentences: &[Sentence],
    sentence_tokens: &[Vec<Token<'_>>],
    candidates: Vec<Candidate>,
    organisations: Vec<(Range<usize>, String)>,
) -> People {
    let mut persons: Vec<PersonEntity> = Vec::new();
    let mut mentions: Vec<Mention> = Vec::new();
    // Surnames used with an honorific, or as a speaker, anywhere: these confirm full names.
    let confirmed_short: BTreeSet<&str> = candidates
        .iter()
        .filter(|c| c.cued && c.core.len() == 1)
        .map(|c| c.core[0].as_str())
        .collect();
    // Words used alone as a name mid-sentence ("played for Harjo-Whitcomb"): a full name
    // whose surname the text later uses on its own is a person, as news style names people
    // in full once and by surname after.
    let sentence_starts: std::collections::HashSet<usize, lexicon::FastHash> =
        sentences.iter().map(|s| s.span.start).collect();
    let used_alone: BTreeSet<&str> = candidates
        .iter()
        .filter(|c| {
            c.core.len() == 1
                && c.titles.is_empty()
                && !sentence_starts.contains(&c.full_span.start)
                && !text[..c.full_span.start].ends_with('\n')
        })
        .map(|c| c.core[0].as_str())
        .collect();
    let multi: Vec<&Candidate> = candidates.iter().filter(|c| c.core.len() >= 2).collect();
    // Indexes by last word keep this linear in the number of names: compatible names share
    // their last word.
    let mut cued_by_last: HashMap<&str, Vec<&Candidate>, lexicon::FastHash> = HashMap::default();
    for c in multi.iter().filter(|c| c.cued) {
        cued_by_last
            .entry(c.core.last().map(String::as_str).unwrap_or_default())
            .or_default()
            .push(c);
    }
    // Keyed by words borrowed from the candidates, which outlive the indexes: a look-up per
    // candidate then builds no strings. The fast hasher suffices: none of these is iterated.
    let mut persons_by_last: HashMap<&str, Vec<usize>, lexicon::FastHash> = HashMap::default();
    let mut persons_by_name: HashMap<(&str, &str), usize, lexicon::FastHash> = HashMap::default();
    let mut confirmed: Vec<bool> = multi
        .iter()
        .map(|c| {
            let last = c.core.last().map(String::as_str).unwrap_or_default();
            let firstw = c.core.first().map(String::as_str).unwrap_or_default();
            c.cued
                || (c.core.len() <= 3
                    && used_alone.contains(last)
                    && !gazetteer::is_place_name(last)
                    && !is_demonym_or_country(last)
                    && !CONTINENTS.contains(&last))
                || confirmed_short.contains(last)
                || confirmed_short.contains(firstw)
                || cued_by_last.get(last).is_some_and(|v| {
                    v.iter()
                        .take(16)
                        .any(|o| words_compatible(&o.core, &c.core))
                })
        })
        .collect();
    // "Helen Marsh and Tom Baker", "Mr Stalin and Ann Lee": a name joined by "and" to a
    // confirmed name is one too.
    let mut ends: std::collections::HashSet<usize, lexicon::FastHash> =
        std::collections::HashSet::default();
    let mut starts: std::collections::HashSet<usize, lexicon::FastHash> =
        std::collections::HashSet::default();
    for (k, c) in multi.iter().enumerate() {
        if confirmed[k] {
            ends.insert(c.full_span.end);
            starts.insert(c.full_span.start);
        }
    }
    for c in candidates
        .iter()
        .filter(|c| c.core.len() == 1 && (c.cued || !c.titles.is_empty()))
    {
        ends.insert(c.full_span.end);
        starts.insert(c.full_span.start);
    }
    for (k, c) in multi.iter().enumerate() {
        if confirmed[k] {
            continue;
        }
        let a = &c.full_span;
        let left = a.start >= 5
            && text.get(a.start - 5..a.start) == Some(" and ")
            && ends.contains(&(a.start - 5));
        let right = text.get(a.end..a.end + 5) == Some(" and ") && starts.contains(&(a.end + 5));
        if left || right {
            confirmed[k] = true;
        }
    }
    for (k, c) in multi.iter().enumerate() {
        let last = c.core.last().map(String::as_str).unwrap_or_default();
        let firstw = c.core.first().map(String::as_str).unwrap_or_default();
        if !confirmed[k] {
            continue;
        }
        // Same first and last word is the common case and found at once; other compatible
        // forms ("Keir Rodney Starmer") are looked for among a few people sharing the surname.
        let known = persons_by_name.get(&(firstw, last)).copied().or_else(|| {
            persons_by_last.get(last).and_then(|v| {
                v.iter().take(16).copied().find(|&i| {
                    words_compatible(&persons[i].words, &c.core)
                        || words_compatible(&c.core, &persons[i].words)
                })
            })
        });
        let idx = match known {
            Some(idx) => {
                if c.core.len() > persons[idx].words.len() {
                    let old = std::mem::replace(&mut persons[idx].name, c.core.join(" "));
                    persons[idx].words.clone_from(&c.core);
                    persons[idx].short = short_form(&c.core);
                    persons[idx].aliases.insert(old);
                }
                idx
            }
            None => {
                persons.push(PersonEntity {
                    name: c.core.join(" "),
                    words: c.core.clone(),
                    aliases: BTreeSet::new(),
                    roles: Vec::new(),
                    gender: None,
                    short: short_form(&c.core),
                });
                persons_by_last
                    .entry(last)
                    .or_default()
                    .push(persons.len() - 1);
                // "al-Burhan" is "Burhan" for short: "Gen. Burhan's government".
                if let Some(bare) = without_particle(last) {
                    persons_by_last
                        .entry(bare)
                        .or_default()
                        .push(persons.len() - 1);
                } else if let Some((head, _)) = last.split_once('-')
                    && head.chars().next().is_some_and(char::is_uppercase)
                    && c.core.len() >= 2
                {
                    // "Coach Harjo" for "Denise Harjo-Whitcomb": a titled form may use the
                    // first half of a double-barrelled surname.
                    persons_by_last
                        .entry(head)
                        .or_default()
                        .push(persons.len() - 1);
                }
                persons_by_name.insert((firstw, last), persons.len() - 1);
                persons.len() - 1
            }
        };
        add_candidate(text, &mut persons[idx], c);
        mentions.push(Mention {
            person: idx,
            span: c.full_span.clone(),
            sentence: c.sentence,
            form: MentionForm::FullName,
        });
    }
    // Single words with an honorific: "Mr Trump", "Mr Lee" (a surname-first name's first word).
    let mut persons_by_first: HashMap<String, Vec<usize>, lexicon::FastHash> = HashMap::default();
    for (i, p) in persons.iter().enumerate() {
        if p.words.len() >= 2 {
            persons_by_first
                .entry(p.words[0].clone())
                .or_default()
                .push(i);
        }
    }
    // "Meridian Brands Inc. … Meridian's annual meeting", with the founder Thomas Meridian
    // named once: a word that opens an organisation's name in the article is the organisation
    // when it stands alone, and the person only with an honorific ("Mr Meridian").
    let company_words: BTreeSet<&str> = organisations
        .iter()
        .filter_map(|(_, name)| {
            // Only a company's name: "Trump Tower" or the "Gates Foundation" leave "Trump" and
            // "Gates" their people.
            let last = name.rsplit(' ').next()?.trim_end_matches('.');
            if !CORPORATE_SUFFIXES.contains(&last) {
                return None;
            }
            let mut words = name.split(' ').filter(|w| *w != "the");
            let first = words.next()?;
            words.next()?;
            first
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
                .then_some(first)
        })
        .collect();
    for c in candidates.iter().filter(|c| c.core.len() == 1) {
        let w = &c.core[0];
        if c.titles.is_empty() && company_words.contains(w.as_str()) {
            continue;
        }
        let found = persons_by_last
            .get(w.as_str())
            .and_then(|v| {
                v.iter()
                    .copied()
                    .find(|&i| gender_fits(persons[i].gender, c.gender))
            })
            .or_else(|| {
                // "Al-Mansouri added …" at a sentence's start is "al-Mansouri".
                let lowered = particle_lowered(w)?;
                persons_by_last.get(lowered.as_str()).and_then(|v| {
                    v.iter()
                        .copied()
                        .find(|&i| gender_fits(persons[i].gender, c.gender))
                })
            })
            .or_else(|| {
                persons_by_first.get(w.as_str()).and_then(|v| {
                    v.iter()
                        .copied()
                        .find(|&i| gender_fits(persons[i].gender, c.gender))
                })
            });
        let idx = match found {
            Some(idx) => idx,
            None if !c.titles.is_empty() => {
                persons.push(PersonEntity {
                    name: w.clone(),
                    words: vec![w.clone()],
                    aliases: BTreeSet::new(),
                    roles: Vec::new(),
                    gender: None,
                    short: w.clone(),
                });
                persons_by_last
                    .entry(w.as_str())
                    .or_default()
                    .push(persons.len() - 1);
                persons.len() - 1
            }
            None => continue,
        };
        // "Leyen" of "von der Leyen": the bare form with its particles is matched below.
        if c.titles.is_empty() && persons[idx].short.contains(' ') {
            continue;
        }
        let p = &mut persons[idx];
        if p.words.first() == Some(w) && p.words.len() >= 2 && p.words.last() != Some(w) {
            p.short.clone_from(w);
        }
        add_candidate(text, p, c);
        let form = if c.titles.is_empty() {
            MentionForm::Surname
        } else {
            MentionForm::Honorific
        };
        mentions.push(Mention {
            person: idx,
            span: c.full_span.clone(),
            sentence: c.sentence,
            form,
        });
    }
    // Bare short forms: "Trump said" where no chain claimed the word with a title.
    mentions.sort_by_key(|m| m.span.start);
    let claimed: Vec<Range<usize>> = mentions.iter().map(|m| m.span.clone()).collect();
    let is_claimed = |pos: usize| {
        let k = claimed.partition_point(|r| r.start <= pos);
        claimed[..k].iter().rev().take(4).any(|r| pos < r.end)
    };
    // Keyed on the short form's last word; a short form with particles ("von der Leyen") is
    // matched with the words before it.
    let mut by_short: HashMap<&str, usize> = HashMap::new();
    for (i, p) in persons.iter().enumerate() {
        if p.words.len() >= 2 {
            let last = p.short.rsplit(' ').next().unwrap_or_default();
            by_short.entry(last).or_insert(i);
        }
    }
    let mut bare: Vec<(usize, Range<usize>, usize, String)> = Vec::new();
    for (si, toks) in sentence_tokens.iter().enumerate() {
        for t in toks {
            let w = t.without_possessive();
            if is_claimed(t.span.start) {
                continue;
            }
            let Some(&idx) = by_short.get(w) else {
                continue;
            };
            if company_words.contains(w) {
                continue;
            }
            let mut start = t.span.start;
            if let Some((lead, _)) = persons[idx].short.rsplit_once(' ') {
                let lead = format!("{lead} ");
                let Some(from) = start.checked_sub(lead.len()) else {
                    continue;
                };
                if !text
                    .get(from..start)
                    .is_some_and(|b| b.eq_ignore_ascii_case(&lead))
                    || is_claimed(from)
                {
                    continue;
                }
                start = from;
            }
            let end = t.span.start + w.len();
            bare.push((idx, start..end, si, text[start..end].to_string()));
        }
    }
    for (idx, span, si, w) in bare {
        {
            persons[idx].aliases.insert(w);
            mentions.push(Mention {
                person: idx,
                span,
                sentence: si,
                form: MentionForm::Surname,
            });
        }
    }
    let mut people = People {
        persons,
        mentions,
        organisations,
        by_sentence: Vec::new(),
    };
    people.index(sentences.len());
    resolve_descriptions(text, sentences, sentence_tokens, &mut people);
    people.index(sentences.len());
    resolve_epithets(text, sentence_tokens, &mut people);
    people.index(sentences.len());
    people
}

/// The form a name is shortened to: its last word ("Trump"), without suffixes ("Ferdinand
/// Marcos Jr." is "Marcos"), with its particles ("Ursula von der Leyen" is "von der Leyen").
fn short_form(words: &[String]) -> String {
    let Some(last) = words.iter().rposition(|w| {
        !matches!(
            w.as_str(),
            "Jr." | "Sr." | "Jr" | "Sr" | "II" | "III" | "IV"
        )
    }) else {
        return String::new();
    };
    // "Park Ji-hoon" is "Park" for short.
    if words.len() == 2 && is_korean_given_name(&words[1]) {
        return words[0].clone();
    }
    let mut first = last;
    while first > 0 && lexicon::NAME_PARTICLES.contains(&words[first - 1].to_lowercase().as_str()) {
        first -= 1;
    }
    // A name that is all particles and surname ("Von der Leyen" opening a sentence) keeps its
    // first word; otherwise the first word is a given name, not part of the short form.
    if first == 0
        && words.len() > 1
        && !lexicon::NAME_PARTICLES.contains(&words[0].to_lowercase().as_str())
    {
        first = 1;
    }
    words[first..=last].join(" ")
}

fn gender_fits(a: Option<Gender>, b: Option<Gender>) -> bool {
    a.is_none() || b.is_none() || a == b
}

fn add_candidate(text: &str, p: &mut PersonEntity, c: &Candidate) {
    let surface = strip_possessive(&text[c.full_span.clone()]).to_string();
    if surface != p.name {
        p.aliases.insert(surface);
    }
    // "Mr Trump" also makes "Trump" a known short form only when used bare; the honorific form is
    // the alias here.
    if let Some(role) = c.role.as_deref().map(office_only)
        && !p.roles.iter().any(|r| r.eq_ignore_ascii_case(role))
    {
        p.roles.push(role.to_string());
    }
    if let Some(d) = &c.description {
        p.aliases.insert(d.clone());
    }
    if p.gender.is_none() {
        p.gender = c.gender;
    }
    // "Denise Harjo-Whitcomb … she said": a given name that only women or only men bear,
    // first in a full name written in Western order (a Korean "Park Ji-hoon" starts with the
    // surname, which no list here holds).
    if p.gender.is_none() && c.core.len() >= 2 {
        p.gender = lexicon::given_name_gender(&c.core[0]);
    }
}

/// "the US president", "the Russian president", "the chancellor", "Russia's president": ties each
/// to one person, or leaves it when the text does not allow it.
fn resolve_descriptions(
    text: &str,
    _sentences: &[Sentence],
    sentence_tokens: &[Vec<Token<'_>>],
    people: &mut People,
) {
    // Offices the text gives a named person ("The justice secretary, Claire Dunmore,",
    // "Finance Minister Yoon Tae-sik"): "the justice secretary" and "the minister" may then
    // describe one of them, besides the offices that only one person holds anywhere.
    let held: Vec<String> = people
        .persons
        .iter()
        .flat_map(|p| p.roles.iter().map(|r| r.to_lowercase()))
        .collect();
    let held_office = |office: &str| held.iter().any(|r| role_has_office(r, office));
    let mut found = Vec::new();
    for (si, toks) in sentence_tokens.iter().enumerate() {
        let mut i = 0;
        while i < toks.len() {
            let lower = lowercase(toks[i].text);
            let det = matches!(&*lower, "the");
            let possessive_country = toks[i].is_possessive()
                && gazetteer::country(toks[i].without_possessive()).is_some();
            if !det && !possessive_country {
                i += 1;
                continue;
            }
            // Qualifiers after "the": demonyms and countries.
            let mut j = if det { i + 1 } else { i };
            let mut qual: Vec<String> = Vec::new();
            if possessive_country {
                qual.push(normalise_qualifier(toks[i].text));
                j = i + 1;
            } else {
                while j < toks.len() && !toks[j].is_possessive() {
                    if j + 1 < toks.len()
                        && is_demonym_or_country_pair(toks[j].text, toks[j + 1].text)
                    {
                        qual.push(format!("{} {}", toks[j].text, toks[j + 1].text));
                        j += 2;
                    } else if is_demonym_or_country(toks[j].text) {
                        qual.push(toks[j].text.to_string());
                        j += 1;
                    } else {
                        break;
                    }
                }
            }
            // "the Vietnamese leader": a country's leader, whichever head office the text
            // gave them.
            let leader = !qual.is_empty() && toks.get(j).is_some_and(|t| t.text == "leader");
            let Some((n, office)) = office_starting_at(toks, j).or(leader.then_some((1, "leader")))
            else {
                i += 1;
                continue;
            };
            // "the Philippine defense secretary": an office of one country is one person's even
            // when no one is named holding it, if a person's role names that country.
            let by_country = !lexicon::SINGULAR_OFFICES.contains(&office)
                && office != "leader"
                && !held_office(office);
            if by_country && qual.is_empty() {
                i += 1;
                continue;
            }
            let after = j + n;
            // "the US president Donald Trump" is a role phrase, handled with the name; plural
            // offices and "the president's" stay.
            if toks
                .get(after)
                .is_some_and(|t| t.is_capitalised() && joined_by_space(text, &toks[after - 1], t))
            {
                i = after;
                continue;
            }
            if toks[after - 1].text.ends_with('s') && !office.ends_with('s') {
                i = after;
                continue;
            }
            // "the president of Russia"
            let mut end_tok = after - 1;
            if toks.get(after).is_some_and(|t| t.text == "of")
                && let Some(t) = toks.get(after + 1)
                && gazetteer::country(t.without_possessive()).is_some()
            {
                if let Some(adj) = gazetteer::country(t.without_possessive())
                    .and_then(|c| gazetteer::adjective_of(c.code))
                {
                    qual.push(adj.to_string());
                }
                end_tok = after + 1;
            }
            let last = &toks[end_tok];
            let span = toks[i].span.start..last.span.start + last.without_possessive().len();
            if people
                .in_sentence(si)
                .any(|m| m.span.start < span.end && span.start < m.span.end)
            {
                i = after;
                continue;
            }
            let role = role_text(
                (!qual.is_empty()).then(|| qual.join(" ")).as_deref(),
                office,
            );
            found.push((si, span, role, office, by_country));
            i = end_tok + 1;
        }
    }
    // Who holds which role, kept up to date as descriptions add roles.
    let mut role_holders: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in people.persons.iter().enumerate() {
        for r in &p.roles {
            let holders = role_holders.entry(r.to_lowercase()).or_default();
            if !holders.contains(&i) {
                holders.push(i);
            }
        }
    }
    for (si, span, role, office, by_country) in found {
        let Some(idx) = pick_described(
            sentence_tokens,
            people,
            &role_holders,
            si,
            span.start,
            &role,
            office,
        ) else {
            continue;
        };
        if by_country && !role_names_country(&people.persons[idx], &role, office) {
            continue;
        }
        let surface = text[span.clone()].to_string();
        let alias = if let Some(rest) = surface.strip_prefix("The ") {
            format!("the {rest}")
        } else {
            surface
        };
        let p = &mut people.persons[idx];
        p.aliases.insert(strip_possessive(&alias).to_string());
        if !p
            .roles
            .iter()
            .any(|r| r.eq_ignore_ascii_case(&role) || fuller_role(r, &role, office))
            && role != office
            && office != "leader"
        {
            p.roles.push(role.clone());
            role_holders
                .entry(role.to_lowercase())
                .or_default()
                .push(idx);
        }
        people.mentions.push(Mention {
            person: idx,
            span,
            sentence: si,
            form: MentionForm::Description,
        });
    }
}

/// Whether a role of `p` names the country of the qualifier in `role` ("Philippine counterpart"
/// for "Philippine defense secretary").
fn role_names_country(p: &PersonEntity, role: &str, office: &str) -> bool {
    let code_of = |w: &str| {
        gazetteer::demonym(w)
            .or_else(|| gazetteer::country(w))
            .map(|c| c.code)
    };
    let Some(code) = role.strip_suffix(office).map(str::trim).and_then(code_of) else {
        return false;
    };
    p.roles
        .iter()
        .any(|r| r.split(' ').any(|w| code_of(w) == Some(code)))
}

/// Whether `held` is a fuller form of the qualified `role` for the same office: "Qatari foreign
/// minister" of "Qatari minister". A bare office has no fuller form here.
fn fuller_role(held: &str, role: &str, office: &str) -> bool {
    let Some(q) = role
        .strip_suffix(office)
        .map(str::trim)
        .filter(|q| !q.is_empty())
    else {
        return false;
    };
    held.len() > role.len()
        && held.ends_with(office)
        && held
            .get(..q.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(q))
        && held.as_bytes().get(q.len()) == Some(&b' ')
}

/// How many sentences back a description may reach for its person. Articles re-introduce people
/// long before this; the bound keeps resolution linear on very long texts.
const DESCRIPTION_WINDOW: usize = 40;

/// Sports-desk and feature epithets: "the 26-year-old", "the Swede". Each refers to the
/// subject of the nearest earlier sentence that names a person (a sentence opening with "he"
/// or "she" passes the reference further back), so "…,” said the 41-year-old" finds the
/// manager two sentences up, not the player named in between as an object.
fn resolve_epithets(text: &str, sentence_tokens: &[Vec<Token<'_>>], people: &mut People) {
    let mut found = Vec::new();
    for (si, toks) in sentence_tokens.iter().enumerate() {
        for k in 1..toks.len() {
            if !toks[k - 1].text.eq_ignore_ascii_case("the") {
                continue;
            }
            let w = toks[k].without_possessive();
            let age = w.ends_with("-year-old")
                && w.split('-')
                    .next()
                    .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
            let demonym = lexicon::DEMONYM_NOUNS.contains(&w);
            if !(age || demonym) {
                continue;
            }
            // An epithet stands alone: followed by punctuation or a verb ("the Swede told", "said
            // the 26-year-old."). "the 26-year-old striker Tom Reed" and "the Russian and US
            // leaders" are something else.
            let end_of_word = toks[k].span.start + w.len();
            let punctuated =
                text[end_of_word..].starts_with([',', '.', ';', ':', '\u{201D}', '"', ')']);
            let verb_next = toks.get(k + 1).is_some_and(|t| {
                let lw = lowercase(t.text);
                lexicon::is_speech_verb(&lw)
                    || matches!(
                        &*lw,
                        "has"
                            | "had"
                            | "was"
                            | "is"
                            | "will"
                            | "would"
                            | "who"
                            | "scored"
                            | "added"
                            | "made"
                            | "won"
                            | "lost"
                    )
            });
            if !(punctuated || verb_next || toks.get(k + 1).is_none()) {
                continue;
            }
            let span = toks[k - 1].span.start..toks[k].span.start + w.len();
            if people
                .in_sentence(si)
                .any(|m| m.span.start < span.end && span.start < m.span.end)
            {
                continue;
            }
            found.push((si, span));
        }
    }
    for (si, span) in found {
        let mut target = None;
        for s in (si.saturating_sub(4)..si).rev() {
            let starts_with_pronoun = sentence_tokens[s]
                .first()
                .is_some_and(|t| matches!(t.text, "He" | "She"));
            if starts_with_pronoun {
                continue;
            }
            if let Some(m) = people.in_sentence(s).find(|m| {
                !text[m.span.end..].starts_with('\u{2019}') && !text[m.span.end..].starts_with('\'')
            }) {
                target = Some(m.person);
                break;
            }
        }
        let Some(person) = target else { continue };
        let alias = lower_article(&text[span.clone()]);
        people.persons[person].aliases.insert(alias);
        people.mentions.push(Mention {
            person,
            span,
            sentence: si,
            form: MentionForm::Description,
        });
    }
    people.index(sentence_tokens.len());
}

/// The person a description refers to: one who holds that role in the text; else the most
/// prominent person mentioned so far whose known roles do not conflict and who is not the
/// speaker of the clause the description is reported in.
/// Whether a role (lower case) names the office among its words: "un special envoy for libya"
/// holds "envoy", "deputy foreign minister" holds "minister" and "foreign minister".
fn role_has_office(role: &str, office: &str) -> bool {
    // The matches `match_indices` gives (left to right, not overlapping), found by comparing
    // bytes: roles are a few words long, shorter than the set-up of a substring searcher.
    let (r, o) = (role.as_bytes(), office.as_bytes());
    let Some(&first) = o.first() else {
        return role_has_office_by_search(role, office);
    };
    let mut from = 0;
    while let Some(at) = r
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| b == first))
        .map(|k| from + k)
    {
        if r.len() - at < o.len() {
            return false;
        }
        if &r[at..at + o.len()] == o {
            let before = role[..at].chars().next_back();
            let after = role[at + o.len()..].chars().next();
            if before.is_none_or(|c| c == ' ') && after.is_none_or(|c| c == ' ') {
                return true;
            }
            from = at + o.len();
        } else {
            from = at + 1;
        }
    }
    false
}

/// [`role_has_office`] by `match_indices`, for an empty office and as the check of the test.
fn role_has_office_by_search(role: &str, office: &str) -> bool {
    role.match_indices(office).any(|(at, _)| {
        let before = role[..at].chars().next_back();
        let after = role[at + office.len()..].chars().next();
        before.is_none_or(|c| c == ' ') && after.is_none_or(|c| c == ' ')
    })
}

/// The offices that make their holder a country's leader.
const HEAD_OFFICES: &[&str] = &[
    "president",
    "prime minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "emperor",
    "supreme leader",
];

/// Whether an earlier description tied the person to another office ("the opposition leader"
/// is not then "the prime minister").
fn described_otherwise(p: &PersonEntity, office: &str) -> bool {
    p.aliases.iter().any(|a| {
        let a = a.to_lowercase();
        a.starts_with("the ")
            && lexicon::SINGULAR_OFFICES
                .iter()
                .any(|o| *o != office && a.ends_with(o))
    })
}

fn pick_described(
    sentence_tokens: &[Vec<Token<'_>>],
    people: &People,
    role_holders: &HashMap<String, Vec<usize>>,
    sentence: usize,
    pos: usize,
    role: &str,
    office: &str,
) -> Option<usize> {
    // People mentioned in the window before the description, with their count and first mention.
    let mut seen: Vec<(usize, usize, usize)> = Vec::new(); // (person, count, first start)
    for s in sentence.saturating_sub(DESCRIPTION_WINDOW)..=sentence {
        for m in people.in_sentence(s).filter(|m| m.span.start < pos) {
            match seen.iter_mut().find(|(p, _, _)| *p == m.person) {
                Some(entry) => entry.1 += 1,
                None => seen.push((m.person, 1, m.span.start)),
            }
        }
    }
    if office == "leader" {
        // The one holder of the country's head office: "Vietnamese prime minister".
        let qualifier = role
            .strip_suffix(office)
            .unwrap_or(role)
            .trim()
            .to_lowercase();
        let heads: BTreeSet<usize> = role_holders
            .iter()
            .filter(|(r, _)| {
                r.strip_prefix(qualifier.as_str())
                    .is_some_and(|rest| HEAD_OFFICES.contains(&rest.trim()))
            })
            .flat_map(|(_, v)| v.iter().copied())
            .collect();
        return (heads.len() == 1)
            .then(|| heads.iter().copied().next())
            .flatten();
    }
    // A holder of the role may be named anywhere, also right after ("The French president,
    // Emmanuel Macron, …").
    let holders: Vec<usize> = role_holders
        .get(&role.to_lowercase())
        .cloned()
        .unwrap_or_default();
    if holders.len() == 1 {
        return Some(holders[0]);
    }
    if holders.len() > 1 {
        return None;
    }
    // The speaker of a reporting verb earlier in this sentence is not the one described in its
    // complement ("Mr Trump insisted the Russian president was ...").
    let toks = &sentence_tokens[sentence];
    let excluded: Option<usize> = people
        .in_sentence(sentence)
        .rfind(|m| m.span.end <= pos)
        .filter(|m| {
            toks.iter().any(|t| {
                t.span.start >= m.span.end
                    && t.span.end <= pos
                    && lexicon::is_speech_verb(&t.text.to_lowercase())
            })
        })
        .map(|m| m.person);
    if role == office {
        // "the president" with no qualifier: only a unique holder of such an office. One
        // whose office is qualified ("the Danish prime minister, Mette Frederiksen") and who
        // is named only later is someone new, not the one this refers back to.
        let named_before = |i: usize| {
            people.mentions.iter().any(|m| {
                m.person == i
                    && (m.sentence < sentence || m.sentence == sentence && m.span.start < pos)
            })
        };
        let same_office: BTreeSet<usize> = role_holders
            .iter()
            .filter(|(r, _)| role_has_office(r, office))
            .flat_map(|(r, v)| {
                let bare = r.as_str() == office;
                v.iter().copied().filter(move |&i| bare || named_before(i))
            })
            .collect();
        if same_office.len() > 1 {
            return None;
        }
        if let Some(&only) = same_office.iter().next() {
            return Some(only);
        }
        // No one named so far holds it: "Sir Keir Starmer has agreed … The prime minister
        // spoke to …" refers to the one the story is about, its first-named person, when
        // nothing gives them another office. Otherwise the office holder goes unnamed.
        let lead = people
            .mentions
            .iter()
            .min_by_key(|m| (m.sentence, m.span.start))
            .map(|m| m.person)?;
        let p = &people.persons[lead];
        let fits = p.roles.is_empty()
            && !described_otherwise(p, office)
            && Some(lead) != excluded
            && seen.iter().any(|(i, _, _)| *i == lead);
        return fits.then_some(lead);
    }
    // The country a qualified description names ("Ukrainian president" → UA): a person whose
    // sentences name that country more often is more likely the one meant.
    let qualifier = role
        .strip_suffix(office)
        .map(str::trim)
        .filter(|q| !q.is_empty());
    // Someone else in the text holds the same office with a different qualifier: they are not
    // it. A fuller form of the same one is no conflict: "the Qatari minister" for the "Qatari
    // foreign minister".
    let conflicts = |i: usize| {
        people.persons[i].roles.iter().any(|r| {
            r.ends_with(office) && !r.eq_ignore_ascii_case(role) && !fuller_role(r, role, office)
        })
    };
    let code = qualifier
        .and_then(|q| gazetteer::demonym(q).or_else(|| gazetteer::country(q)))
        .map(|c| c.code);
    let affinity = |person: usize| -> usize {
        let Some(code) = code else { return 0 };
        (sentence.saturating_sub(DESCRIPTION_WINDOW)
            ..sentence_tokens.len().min(sentence + DESCRIPTION_WINDOW))
            .filter(|&s| people.in_sentence(s).any(|m| m.person == person))
            .filter(|&s| {
                sentence_tokens[s].iter().any(|t| {
                    let w = t.without_possessive();
                    gazetteer::demonym(w)
                        .or_else(|| gazetteer::country(w))
                        .is_some_and(|c| c.code == code)
                })
            })
            .count()
    };
    // "his Philippine counterpart Ramon Villareal" … "the Philippine defense secretary": a
    // role of the person carries the description's country; another country's role rules
    // them out ("Japanese defense minister").
    let country_of_role = |r: &str| {
        r.split(' ')
            .find_map(|w| gazetteer::demonym(w).or_else(|| gazetteer::country(w)))
            .map(|c| c.code)
    };
    let role_country = |i: usize| -> (bool, bool) {
        let codes: Vec<&str> = people.persons[i]
            .roles
            .iter()
            .filter_map(|r| country_of_role(r))
            .collect();
        let same = code.is_some_and(|c| codes.contains(&c));
        let other = code.is_some_and(|c| codes.iter().any(|k| *k != c)) && !same;
        (same, other)
    };
    seen.iter()
        .filter(|(i, _, _)| !conflicts(*i) && Some(*i) != excluded && !role_country(*i).1)
        // Given the country in a role, then named with it most often, then most mentions,
        // then first mentioned.
        .max_by_key(|(i, count, first)| {
            (
                role_country(*i).0,
                affinity(*i),
                *count,
                std::cmp::Reverse(*first),
            )
        })
        .map(|(i, _, _)| *i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::sentences::split_sentences;

    fn people(text: &str) -> People {
        find_people(text, &split_sentences(text))
    }

    /// The name of the person who has this alias.
    fn alias_holder<'p>(p: &'p People, alias: &str) -> Option<&'p str> {
        p.persons
            .iter()
            .find(|q| q.aliases.contains(alias))
            .map(|q| q.name.as_str())
    }

    fn names(p: &People) -> Vec<&str> {
        p.persons.iter().map(|p| p.name.as_str()).collect()
    }

    #[test]
    fn a_bare_office_refers_back_to_the_lead_not_ahead_to_a_foreign_holder() {
        let text = "Sir Keir Starmer has agreed a deal with Norway. The prime minister spoke \
                    to Ms Ingrid Solheim on Wednesday. He will also call the Danish prime \
                    minister, Mette Frederiksen, on Friday.";
        let p = people(text);
        let holder = |alias: &str| alias_holder(&p, alias);
        assert_eq!(holder("the prime minister"), Some("Keir Starmer"), "{p:#?}");
        assert_eq!(
            holder("the Danish prime minister"),
            Some("Mette Frederiksen")
        );
    }

    #[test]
    fn a_country_s_leader_is_its_head_of_government() {
        let text = "Vietnamese Prime Minister Le Duc Thanh met Thai Commerce Minister Wiroj \
                    Pattanapong. The Vietnamese leader said trade would grow.";
        let p = people(text);
        let thanh = p
            .persons
            .iter()
            .find(|q| q.name == "Le Duc Thanh")
            .expect("Thanh");
        assert!(thanh.aliases.contains("the Vietnamese leader"), "{p:#?}");
        assert_eq!(thanh.roles, ["Vietnamese prime minister"]);
    }

    #[test]
    fn an_office_the_text_gives_a_person_describes_them_later() {
        let text = "The justice secretary, Claire Dunmore, will speak on Thursday. \
                    \u{201C}I inherited full prisons,\u{201D} the justice secretary said. \
                    Finance Minister Yoon Tae-sik spoke too. The minister told reporters \
                    it was hard.";
        let p = people(text);
        let holder = |alias: &str| alias_holder(&p, alias);
        assert_eq!(
            holder("the justice secretary"),
            Some("Claire Dunmore"),
            "{p:#?}"
        );
        assert_eq!(holder("the minister"), Some("Yoon Tae-sik"), "{p:#?}");
    }

    #[test]
    fn a_place_before_a_title_and_counsel_after_a_name_are_not_the_name() {
        let text = "Ohio Gov. Marian Kessler said on Monday she would act. Conor Devitt SC \
                    told the jury the case was clear.";
        let p = people(text);
        assert_eq!(names(&p), ["Marian Kessler", "Conor Devitt"], "{p:#?}");
    }

    #[test]
    fn role_has_office_matches_the_substring_search() {
        let roles = [
            "un special envoy for libya",
            "envoys' chief",
            "deputy foreign minister",
            "minister minister",
            "ministerminister",
            "prime minister of é",
            "é minister",
            "",
            "a",
            "aaa",
            "aa a",
        ];
        let offices = [
            "envoy",
            "minister",
            "foreign minister",
            "a",
            "aa",
            "é",
            "prime",
        ];
        for r in roles {
            for o in offices {
                assert_eq!(
                    role_has_office(r, o),
                    role_has_office_by_search(r, o),
                    "{r:?} {o:?}"
                );
            }
        }
    }

    #[test]
    fn an_office_inside_a_longer_role_is_held() {
        assert!(role_has_office("un special envoy for libya", "envoy"));
        assert!(role_has_office(
            "deputy foreign minister",
            "foreign minister"
        ));
        assert!(!role_has_office("envoys' chief", "envoy"));
        let text = "The UN special envoy for Libya, Ms Mariana Costa-Reis, spoke on Thursday. \
                    The envoy will visit Benghazi on Sunday.";
        let p = people(text);
        assert!(
            p.persons[0].aliases.contains("The envoy")
                || p.persons[0].aliases.contains("the envoy"),
            "{p:#?}"
        );
    }

    #[test]
    fn a_bare_office_names_no_one_when_the_lead_holds_another() {
        let text = "Ms Sussan Ley defeated Mr Andrew Hastie on Tuesday. Afterwards the \
                    opposition leader said the result was decisive. In Perth, the prime \
                    minister said voters were tired.";
        let p = people(text);
        assert!(
            p.persons
                .iter()
                .all(|q| !q.aliases.contains("the prime minister")),
            "{p:#?}"
        );
    }

    #[test]
    fn honorific_and_role_phrases() {
        let text =
            "German chancellor Friedrich Merz met Sir Keir Starmer. Mr Merz said it went well.";
        let p = people(text);
        assert_eq!(names(&p), ["Friedrich Merz", "Keir Starmer"]);
        assert_eq!(p.persons[0].roles, ["German chancellor"]);
        assert!(p.persons[0].aliases.contains("Mr Merz"));
        assert!(p.persons[1].aliases.contains("Sir Keir Starmer"));
    }

    #[test]
    fn offices_of_sport_and_city_halls_introduce_people_but_not_bodies() {
        let text = "Referee Mike Olliver will take charge of the match, the Premier League \
                    said. Council Member Erin Whitt, who represents the 2nd Ward, voted against.";
        let p = people(text);
        assert_eq!(names(&p), ["Mike Olliver", "Erin Whitt"]);
        let roles: Vec<&str> = p
            .persons
            .iter()
            .flat_map(|q| q.roles.iter())
            .map(String::as_str)
            .collect();
        assert!(
            roles.contains(&"referee") && roles.contains(&"council member"),
            "{roles:?}"
        );
    }

    #[test]
    fn party_words_qualify_honorifics_and_name_no_one_alone() {
        let text = "Republican Sen. Laura Brennan of Mesa said the bill was flawed. Rep. Tom \
                    Alvaro, a Tucson Democrat, said the vote was close.";
        let p = people(text);
        assert_eq!(names(&p), ["Laura Brennan", "Tom Alvaro"]);
    }

    #[test]
    fn state_legislators_titles_are_not_part_of_the_name() {
        let text = "State Rep. Tom Brandvold said the hearing was full. Republican State Sen. \
                    Aisha Oyelaran said the bill was costly.";
        let p = people(text);
        assert_eq!(names(&p), ["Tom Brandvold", "Aisha Oyelaran"]);
        assert_eq!(p.persons[0].roles, ["state representative"]);
    }

    #[test]
    fn a_capitalised_particle_and_a_shorter_description_find_the_person() {
        let text = "Qatar's foreign minister, Khalid al-Mansouri, spoke. Al-Mansouri added that \
                    talks would go on. The Qatari minister said so.";
        let p = people(text);
        assert_eq!(names(&p), ["Khalid al-Mansouri"]);
        let aliases: Vec<&str> = p.persons[0].aliases.iter().map(String::as_str).collect();
        assert!(aliases.contains(&"Al-Mansouri"), "{aliases:?}");
        assert!(aliases.contains(&"the Qatari minister"), "{aliases:?}");
        assert_eq!(p.persons[0].roles, ["Qatari foreign minister"]);
    }

    #[test]
    fn a_portfolio_with_and_is_told_from_a_three_word_name() {
        let text = "Minister of Industry and Trade Vu Hong Son signed the deal. Minister for \
                    Foreign Affairs Vivian Balakrishnan said it was sound.";
        let p = people(text);
        assert_eq!(names(&p), ["Vu Hong Son", "Vivian Balakrishnan"]);
    }

    #[test]
    fn a_known_given_name_before_a_name_word_is_a_person() {
        let text = "The minister clashed with Donald Threlkeld in the Oval Office. Traffic on \
                    George Street and at Victoria Station was slow, and Elizabeth Line trains \
                    ran late past Alexander Park.";
        let p = people(text);
        assert_eq!(names(&p), ["Donald Threlkeld"]);
    }

    #[test]
    fn a_name_particle_marks_a_person_and_stays_in_the_short_form() {
        let text = "Maria van der Berg will face a vote on Thursday. Critics warned van der Berg \
                    that it was close. Rio de Janeiro was calm.";
        let p = people(text);
        assert_eq!(names(&p), ["Maria van der Berg"]);
        let aliases: Vec<&str> = p.persons[0].aliases.iter().map(String::as_str).collect();
        assert_eq!(aliases, ["van der Berg"]);
    }

    #[test]
    fn a_full_name_whose_surname_is_used_alone_is_a_person() {
        let text = "By dawn, Denise Harjo-Whitcomb has swept the court. The girls have played \
                    for Harjo-Whitcomb for years. Renew Europe will vote against, and Europe \
                    will watch.";
        let p = people(text);
        assert_eq!(names(&p), ["Denise Harjo-Whitcomb"]);
        assert_eq!(p.persons[0].gender, Some(Gender::Female));
        let text = "Denise Harjo-Whitcomb coaches the Lady Hawks. They call her Coach Harjo. \
                    Kaylee has played for Harjo-Whitcomb since 2019.";
        let p = people(text);
        assert_eq!(names(&p), ["Denise Harjo-Whitcomb"]);
        assert!(p.persons[0].aliases.contains("Coach Harjo"));
    }

    #[test]
    fn surnames_that_look_like_other_words() {
        let text = "She will meet China's defence minister, Dong Jun, in June. Hanseong's \
                    president, Park Ji-hoon, told Reuters the plant would open. Park said it \
                    was on schedule. Dr Ann Lee, an economist at the Grattan Institute, agreed.";
        let p = people(text);
        assert_eq!(names(&p), ["Dong Jun", "Park Ji-hoon", "Ann Lee"]);
        assert!(p.persons[1].aliases.contains("Park"));
        assert_eq!(p.persons[2].roles, ["economist"]);
    }

    #[test]
    fn a_founder_s_surname_alone_is_the_company_named_after_them() {
        let text = "Meridian Brands Inc. shares fell on Thursday. Meridian's annual meeting \
                    will be held in March. Karen Lindqvist took over from the founder, Thomas \
                    Meridian, in 2019. Mr Meridian declined to comment.";
        let p = people(text);
        let founder = p
            .persons
            .iter()
            .position(|x| x.name == "Thomas Meridian")
            .expect("the founder");
        let spans: Vec<&str> = p
            .mentions
            .iter()
            .filter(|m| m.person == founder)
            .map(|m| &text[m.span.clone()])
            .collect();
        // "the founder" before the appositive is the office the text gives him.
        assert_eq!(spans, ["the founder", "Thomas Meridian", "Mr Meridian"]);
        // A name that is no company's ("Trump Tower") leaves the surname to its person.
        let text = "Donald Trump spoke at Trump Tower on Monday. Trump said it went well.";
        let p = people(text);
        let said = text.find("Trump said").expect("in the text");
        assert!(
            p.mentions.iter().any(|m| m.span.start == said),
            "{:?}",
            p.mentions
        );
    }

    #[test]
    fn places_weekdays_and_organisations_are_not_people() {
        let text = "The White House said on Friday that Moscow and the Kremlin agreed. The Nobel Peace Prize was mentioned.";
        assert!(people(text).persons.is_empty());
        // Landforms named after people: "Second Thomas Shoal", "Mischief Reef".
        let text = "Officials met on Wednesday about Second Thomas Shoal, an official said. \
                    Ships gathered near Scarborough Shoal and Mischief Reef.";
        assert!(
            people(text).persons.is_empty(),
            "{:?}",
            names(&people(text))
        );
    }

    #[test]
    fn possessive_is_an_alias_without_its_ending() {
        let text = "Donald Trump arrived. Mr Trump’s plan was clear.";
        let p = people(text);
        assert_eq!(names(&p), ["Donald Trump"]);
        assert!(p.persons[0].aliases.contains("Mr Trump"));
        assert!(!p.persons[0].aliases.iter().any(|a| a.contains('’')));
    }

    #[test]
    fn surname_first_names() {
        let text = "South Korean President Lee Jae-myung spoke. Mr Lee said he was ready.";
        let p = people(text);
        assert_eq!(names(&p), ["Lee Jae-myung"]);
        assert!(p.persons[0].aliases.contains("Mr Lee"));
        assert_eq!(p.persons[0].roles, ["South Korean president"]);
    }

    #[test]
    fn appositive_roles() {
        let text = "Maria Lopez, the mayor of Springfield, said the bridge would open.";
        let p = people(text);
        assert_eq!(names(&p), ["Maria Lopez"]);
        assert_eq!(p.persons[0].roles, ["mayor of Springfield"]);
    }

    #[test]
    fn descriptions_resolve_to_role_holders() {
        let text = "Ukrainian president Volodymyr Zelensky met Mr Smith. The Ukrainian president then left.";
        let p = people(text);
        let z = p
            .persons
            .iter()
            .find(|p| p.name == "Volodymyr Zelensky")
            .expect("Zelensky");
        assert!(z.aliases.contains("the Ukrainian president"));
    }

    #[test]
    fn particles_inside_names() {
        let text = "Commission President Ursula von der Leyen said the deal was done.";
        let p = people(text);
        assert_eq!(names(&p), ["Ursula von der Leyen"]);
    }

    #[test]
    fn initials_bylines_ages_and_pairs() {
        let text = "By Priya Raman\n\nChief Minister M.K. Stalin met Jane Roe, 45, and Tom Baker. Mr Stalin and Ann Lee arrived.";
        let p = people(text);
        let n = names(&p);
        for name in ["Priya Raman", "M.K. Stalin", "Jane Roe", "Ann Lee"] {
            assert!(n.contains(&name), "{name} missing from {n:?}");
        }
        let stalin = p
            .persons
            .iter()
            .find(|p| p.name == "M.K. Stalin")
            .expect("Stalin");
        assert_eq!(stalin.roles, ["chief minister"]);
        assert!(
            !p.persons
                .iter()
                .any(|p| p.aliases.iter().any(|a| a.starts_with("By ")))
        );
    }

    #[test]
    fn appositive_descriptions_and_title_offices() {
        let text = "The Minister for Housing, Pádraig Ó Dálaigh, spoke. Sen. Maria Lopez agreed. Tom Reed, the mayor of Leeds, said no.";
        let p = people(text);
        let find = |n: &str| {
            p.persons
                .iter()
                .find(|p| p.name == n)
                .unwrap_or_else(|| panic!("{n}"))
        };
        assert!(
            find("Pádraig Ó Dálaigh")
                .aliases
                .contains("the Minister for Housing")
        );
        assert_eq!(find("Pádraig Ó Dálaigh").roles, ["minister for Housing"]);
        assert_eq!(find("Maria Lopez").roles, ["senator"]);
        assert!(find("Tom Reed").aliases.contains("the mayor of Leeds"));
    }

    #[test]
    fn a_qualified_description_goes_to_the_person_named_with_that_country() {
        let text = "Mr John Adams met Mr Olek Bondar. Mr Adams spoke first. Mr Bondar said Ukraine needed help. The Ukrainian president then left.";
        let p = people(text);
        let b = p
            .persons
            .iter()
            .find(|p| p.name == "Olek Bondar")
            .expect("Bondar");
        assert!(
            b.aliases.contains("the Ukrainian president"),
            "{:?}",
            p.persons
        );
    }

    #[test]
    fn a_country_s_office_describes_the_one_whose_role_names_that_country() {
        let text = "Japanese Defense Minister Kenji Shiraishi and his Philippine counterpart \
                    Ramon Villareal agreed on drills. The Philippine defense secretary spoke \
                    later. The Thai defense secretary did not.";
        let p = people(text);
        assert_eq!(
            alias_holder(&p, "the Philippine defense secretary"),
            Some("Ramon Villareal")
        );
        assert_eq!(alias_holder(&p, "the Thai defense secretary"), None);
    }

    #[test]
    fn a_justice_is_a_judge() {
        let text = "Justice Lucy Otieno issued orders on Tuesday. The judge said the levy was \
                    unlawful.";
        let p = people(text);
        assert_eq!(p.persons[0].roles, ["judge"]);
        assert_eq!(alias_holder(&p, "the judge"), Some("Lucy Otieno"));
    }

    #[test]
    fn teams_after_the_are_not_people() {
        let text =
            "The Harlan Springs Hawks said they would appeal. Coach Denise Harjo said so too.";
        let p = people(text);
        assert_eq!(names(&p), ["Denise Harjo"]);
    }

    #[test]
    fn an_office_of_the_body_before_a_name() {
        let text = "Mr Tom Roe met President of the National Assembly Ana Maria Soto on Monday.";
        let p = people(text);
        assert_eq!(names(&p), ["Tom Roe", "Ana Maria Soto"]);
        assert_eq!(p.persons[1].roles, ["president of the National Assembly"]);
        // The body alone is no one.
        let text = "Mr Tom Roe met the President of the European Commission on Monday.";
        assert_eq!(names(&people(text)), ["Tom Roe"]);
    }

    #[test]
    fn portfolio_offices_before_a_name() {
        let text = "Minister for Foreign Affairs Vivian Balakrishnan is expected to visit Beijing.";
        let p = people(text);
        assert_eq!(names(&p), ["Vivian Balakrishnan"]);
        assert_eq!(p.persons[0].roles, ["minister for Foreign Affairs"]);
    }
}
