//! The word scanner under [`super::find_times`]: splits one sentence into words, numbers and
//! punctuation with byte offsets, and knows the calendar words (weekdays and months).
//!
//! Why a scanner and not regular expressions: the grammar needs a few tokens of look-around
//! ("Theresa May", "Friday's newspaper", "11am Alaska time (8pm BST)"), and walking a token
//! array with bounded look-ahead keeps the whole pass linear in the input.
//!
//! Every token starts and ends on a char boundary, so slicing the text with them never panics.

use jiff::civil::Weekday;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A run of letters (ASCII or any Unicode alphabetic character).
    Word,
    /// A run of ASCII digits.
    Num,
    /// Any other single character.
    Punct,
}

/// One token: its byte range in the article text, and whether it touches the token before it
/// with no space between ("11am", "3-5", "Friday’s").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub glued: bool,
}

/// A fixed list of words (given in lower case) that answers "is this word one of you, in any
/// letter case?" from a table built on first use, not by scanning the list. It matches exactly
/// what [`Tokens::word_in`] matches: ASCII letters fold, anything else compares as written.
pub(super) struct WordSet {
    words: &'static [&'static str],
    /// Further lists whose words belong to the set too ([`WordSet::union`]).
    more: &'static [&'static [&'static str]],
    table: std::sync::OnceLock<Packed>,
}

/// The words of a [`WordSet`], folded: the short ones packed into one integer each
/// ([`pack`]) in an open-addressing table, the rare longer ones as strings.
///
/// Why: the sets are asked about nearly every token, and probing a table of integers costs a
/// fraction of hashing a string and comparing it with a stored one.
struct Packed {
    /// Power-of-two table of packed words, 0 for an empty slot (no packing is 0).
    slots: Vec<u128>,
    /// 64 minus the table's bit count: the shift that turns a hash into a slot.
    shift: u32,
    long: Vec<String>,
}

impl Packed {
    fn new<'w>(words: impl Iterator<Item = &'w str>) -> Self {
        let mut short: Vec<u128> = Vec::new();
        let mut long = Vec::new();
        for w in words {
            match pack(w.as_bytes()) {
                Some(key) => short.push(key),
                None => long.push(w.to_ascii_lowercase()),
            }
        }
        // At most half full, so that a miss ends at an empty slot within a probe or two.
        let bits = (short.len() * 2)
            .next_power_of_two()
            .max(8)
            .trailing_zeros();
        let mut table = Packed {
            slots: vec![0; 1 << bits],
            shift: 64 - bits,
            long,
        };
        for key in short {
            let mut i = table.slot_of(key);
            while table.slots[i] != 0 && table.slots[i] != key {
                i = (i + 1) & (table.slots.len() - 1);
            }
            table.slots[i] = key;
        }
        table
    }

    /// Where the probe for `key` starts: Fibonacci hashing of its two halves.
    fn slot_of(&self, key: u128) -> usize {
        let folded = (key as u64) ^ ((key >> 64) as u64);
        (folded.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> self.shift) as usize
    }

    fn contains(&self, word: &[u8]) -> bool {
        let Some(key) = pack(word) else {
            return self
                .long
                .iter()
                .any(|w| w.as_bytes().eq_ignore_ascii_case(word));
        };
        let mut i = self.slot_of(key);
        loop {
            match self.slots[i] {
                0 => return false,
                k if k == key => return true,
                _ => i = (i + 1) & (self.slots.len() - 1),
            }
        }
    }
}

/// Longest word, in bytes, that [`pack`] packs; the top byte of the integer holds the length.
const PACKED_MAX: usize = 15;

/// `word` with its ASCII letters lowered, packed with its length (plus one, so that no packing
/// is 0) into one integer: two words are equal ignoring ASCII case exactly when their packings
/// are. `None` past [`PACKED_MAX`] bytes.
fn pack(word: &[u8]) -> Option<u128> {
    if word.len() > PACKED_MAX {
        return None;
    }
    // Bytes into a buffer, then one conversion: shifting a u128 per byte costs several times
    // more.
    let mut buf = [0u8; 16];
    for (slot, &b) in buf.iter_mut().zip(word) {
        *slot = b.to_ascii_lowercase();
    }
    buf[PACKED_MAX] = u8::try_from(word.len() + 1).ok()?;
    Some(u128::from_le_bytes(buf))
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> Self {
        Self {
            words,
            more: &[],
            table: std::sync::OnceLock::new(),
        }
    }

    /// The words of several lists in one set: a sieve that answers "is this word in any of
    /// them?" with one look-up, for the rules that test a token against list after list.
    pub const fn union(lists: &'static [&'static [&'static str]]) -> Self {
        Self {
            words: &[],
            more: lists,
            table: std::sync::OnceLock::new(),
        }
    }

    fn contains_ignore_ascii_case(&self, word: &str) -> bool {
        self.table
            .get_or_init(|| {
                let lists = self.more.iter().copied();
                Packed::new(std::iter::once(self.words).chain(lists).flatten().copied())
            })
            .contains(word.as_bytes())
    }
}

/// The tokens of one sentence, with accessors that answer `false`/`None` out of range so that
/// grammar rules can look ahead without bounds checks.
pub(super) struct Tokens<'t> {
    pub text: &'t str,
    pub toks: Vec<Tok>,
}

impl<'t> Tokens<'t> {
    /// Tokenises `text[range]`; `range` must lie on char boundaries inside `text`.
    pub fn new(text: &'t str, range: std::ops::Range<usize>) -> Self {
        let bytes = text.as_bytes();
        // News prose has a token every five bytes or so: room for them all from the start
        // spares the repeated regrowth that cost more than the scan.
        let mut toks = Vec::with_capacity(range.len() / 4 + 1);
        let mut i = range.start;
        let mut glued = false;
        while i < range.end {
            let b = bytes[i];
            if b.is_ascii_whitespace() {
                glued = false;
                i += 1;
                continue;
            }
            let (kind, end) = if b.is_ascii_digit() {
                let mut j = i + 1;
                while j < range.end && bytes[j].is_ascii_digit() {
                    j += 1;
                }
                (Kind::Num, j)
            } else if b.is_ascii_alphabetic() {
                (Kind::Word, word_end(text, i + 1, range.end))
            } else if b.is_ascii() {
                (Kind::Punct, i + 1)
            } else {
                let c = text[i..range.end].chars().next().unwrap_or(' ');
                let end = i + c.len_utf8();
                if c.is_whitespace() {
                    glued = false;
                    i = end;
                    continue;
                }
                if c.is_alphabetic() {
                    (Kind::Word, word_end(text, end, range.end))
                } else {
                    (Kind::Punct, end)
                }
            };
            toks.push(Tok {
                start: i,
                end,
                kind,
                glued,
            });
            glued = true;
            i = end;
        }
        Tokens { text, toks }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The text of token `i`, or "" past the end.
    pub fn str(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word)
    }

    /// Whether token `i` is the word `lower` in any letter case.
    pub fn word_is(&self, i: usize, lower: &str) -> bool {
        self.is_word(i) && self.str(i).eq_ignore_ascii_case(lower)
    }

    /// Whether token `i` is one of `words` (given in lower case), in any letter case.
    ///
    /// Asked of nearly every token with short lists, so the length and first letter sieve the
    /// list before the full comparison.
    #[inline]
    pub fn word_in(&self, i: usize, words: &[&str]) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        if t.kind != Kind::Word {
            return false;
        }
        let w = &self.text.as_bytes()[t.start..t.end];
        let Some(first) = w.first().map(u8::to_ascii_lowercase) else {
            return false;
        };
        words.iter().any(|x| {
            let x = x.as_bytes();
            x.len() == w.len()
                && x.first().map(u8::to_ascii_lowercase) == Some(first)
                && w.eq_ignore_ascii_case(x)
        })
    }

    /// Whether token `i` is one of the words of `set`, in any letter case: [`Tokens::word_in`]
    /// for the long lists, which are asked about nearly every token.
    pub fn word_in_set(&self, i: usize, set: &WordSet) -> bool {
        self.is_word(i) && set.contains_ignore_ascii_case(self.str(i))
    }

    /// The value of number token `i` (at most nine digits; longer runs give `None`).
    pub fn num(&self, i: usize) -> Option<u32> {
        if self.kind(i) != Some(Kind::Num) {
            return None;
        }
        let s = self.str(i);
        if s.len() > 9 {
            return None;
        }
        s.parse().ok()
    }

    /// The number of digits of number token `i` (0 for other tokens).
    pub fn digits(&self, i: usize) -> usize {
        if self.kind(i) == Some(Kind::Num) {
            self.str(i).len()
        } else {
            0
        }
    }

    pub fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i) {
            Some(t) if t.kind == Kind::Punct => self.text[t.start..t.end].chars().next(),
            _ => None,
        }
    }

    pub fn punct_in(&self, i: usize, chars: &[char]) -> bool {
        self.punct(i).is_some_and(|c| chars.contains(&c))
    }

    /// Whether token `i` touches the token before it.
    pub fn glued(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.glued)
    }

    /// Whether token `i` starts with an ASCII capital.
    pub fn capitalised(&self, i: usize) -> bool {
        self.str(i)
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_uppercase)
    }

    /// Whether token `i` is written all in capitals (a headline or an abbreviation).
    pub fn all_caps(&self, i: usize) -> bool {
        self.is_word(i) && self.str(i).bytes().all(|b| b.is_ascii_uppercase())
    }

    /// Whether token `i` is written as a name or heading: "May", "MAY", but not "may".
    pub fn name_case(&self, i: usize) -> bool {
        self.capitalised(i)
            && (self.all_caps(i) || self.str(i).bytes().skip(1).all(|b| b.is_ascii_lowercase()))
    }

    /// Whether token `i` opens the sentence or a quotation, where any word is capitalised.
    pub fn initial(&self, i: usize) -> bool {
        i == 0
            || self.punct_in(
                i - 1,
                &['“', '"', '‘', ':', '.', '!', '?', '(', '[', '—', '–', '\''],
            )
    }

    /// Whether token `i` is part of a hyphenated compound ("three-and-a-half-year", "year-long"):
    /// a word glued to a hyphen on either side. Such words are adjectives, not times.
    pub fn in_compound(&self, i: usize) -> bool {
        let hyphen = |j: usize| self.punct_in(j, &['-', '‐']);
        (i > 0 && self.glued(i) && hyphen(i - 1) && self.glued(i - 1) && i >= 2)
            || (hyphen(i + 1) && self.glued(i + 1) && self.glued(i + 2) && self.is_word(i + 2))
    }

    /// Whether tokens `i`, `i + 1` are an apostrophe and "s" glued to the token before `i`
    /// ("Friday’s", "Friday's").
    pub fn possessive(&self, i: usize) -> bool {
        self.punct_in(i, &['\'', '’'])
            && self.glued(i)
            && self.word_is(i + 1, "s")
            && self.glued(i + 1)
    }
}

fn word_end(text: &str, mut j: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    while j < end {
        let b = bytes[j];
        if b.is_ascii_alphabetic() {
            j += 1;
        } else if b.is_ascii() {
            break;
        } else {
            match text[j..end].chars().next() {
                Some(c) if c.is_alphabetic() => j += c.len_utf8(),
                _ => break,
            }
        }
    }
    j
}

const WEEKDAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

/// The weekday a word names, in any letter case ("Friday", "FRIDAY").
pub(crate) fn weekday_of(word: &str) -> Option<Weekday> {
    WEEKDAYS
        .iter()
        .find(|(name, _)| word.eq_ignore_ascii_case(name))
        .map(|(_, day)| *day)
}

const MONTHS: [&str; 12] = [
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
];

/// How a month is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum MonthForm {
    /// "September"
    Full,
    /// "Sep", "Sept": only a month next to a day number or a year.
    Abbreviated,
}

/// The month (1-12) a word names, ignoring case; the caller decides whether its case makes it a
/// month ("May") or an ordinary word ("may").
pub(super) fn month_of(word: &str) -> Option<(i8, MonthForm)> {
    if word.len() < 3 || word.len() > 9 {
        return None;
    }
    for (n, name) in (1..).zip(MONTHS) {
        if word.eq_ignore_ascii_case(name) {
            return Some((n, MonthForm::Full));
        }
        if word.len() == 3 && name.len() > 3 && word.eq_ignore_ascii_case(&name[..3]) {
            return Some((n, MonthForm::Abbreviated));
        }
    }
    word.eq_ignore_ascii_case("sept")
        .then_some((9, MonthForm::Abbreviated))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<(&str, Kind, bool)> {
        let t = Tokens::new(s, 0..s.len());
        (0..t.len())
            .map(|i| (t.str(i), t.toks[i].kind, t.glued(i)))
            .collect()
    }

    #[test]
    fn splits_numbers_from_glued_letters() {
        assert_eq!(
            words("at 11am"),
            vec![
                ("at", Kind::Word, false),
                ("11", Kind::Num, false),
                ("am", Kind::Word, true)
            ]
        );
    }

    #[test]
    fn keeps_accented_letters_inside_words() {
        // "Marché" must not yield a month "March".
        assert_eq!(
            words("Marché 3"),
            vec![("Marché", Kind::Word, false), ("3", Kind::Num, false)]
        );
    }

    #[test]
    fn curly_apostrophe_is_punctuation_and_marks_possessives() {
        let s = "Friday’s talks";
        let t = Tokens::new(s, 0..s.len());
        assert_eq!(t.str(1), "’");
        assert!(t.possessive(1));
        assert!(!t.possessive(2));
    }

    #[test]
    fn non_breaking_space_separates_tokens() {
        assert_eq!(words("11\u{a0}am")[1], ("am", Kind::Word, false));
    }

    #[test]
    fn compounds_are_recognised_on_both_sides() {
        let s = "a three-and-a-half-year conflict, a year-long war, last year";
        let t = Tokens::new(s, 0..s.len());
        let year: Vec<bool> = (0..t.len())
            .filter(|&i| t.word_is(i, "year"))
            .map(|i| t.in_compound(i))
            .collect();
        assert_eq!(year, vec![true, true, false]);
    }

    #[test]
    fn months_and_weekdays() {
        assert_eq!(month_of("Sept"), Some((9, MonthForm::Abbreviated)));
        assert_eq!(month_of("may"), Some((5, MonthForm::Full)));
        assert_eq!(month_of("Mayor"), None);
        assert_eq!(month_of("Ma"), None);
        assert_eq!(weekday_of("THURSDAY"), Some(Weekday::Thursday));
        assert_eq!(weekday_of("Thurs"), None);
    }

    #[test]
    fn range_limits_the_tokens() {
        let s = "before 11am after";
        let t = Tokens::new(s, 7..11);
        assert_eq!(t.len(), 2);
        assert_eq!(t.str(0), "11");
    }

    #[test]
    fn word_sets_match_what_word_lists_match() {
        static SET: WordSet = WordSet::new(&["said", "führer", "rung"]);
        let list: &[&str] = &["said", "führer", "rung"];
        let long = "x".repeat(40);
        let s = format!("SAID Said sAid says FÜHRER Führer rung {long} sai");
        let t = Tokens::new(&s, 0..s.len());
        for i in 0..t.len() {
            assert_eq!(t.word_in_set(i, &SET), t.word_in(i, list), "{}", t.str(i));
        }
        assert!(t.word_in_set(0, &SET) && t.word_in_set(5, &SET));
        assert!(!t.word_in_set(3, &SET) && !t.word_in_set(4, &SET));
    }

    #[test]
    fn packing_tells_words_apart_by_letters_and_length() {
        assert_eq!(pack(b"Said"), pack(b"sAID"));
        assert_ne!(pack(b"said"), pack(b"saids"));
        assert_ne!(pack(b"a"), pack(b"a\0"));
        assert_ne!(pack(b""), Some(0));
        assert_ne!(pack("führer".as_bytes()), pack("fÜhrer".as_bytes()));
        assert!(pack(&[b'x'; PACKED_MAX]).is_some());
        assert_eq!(pack(&[b'x'; PACKED_MAX + 1]), None);
        static LONG: WordSet = WordSet::new(&["internationalisation", "a"]);
        let s = "INTERNATIONALISATION internationalisations A";
        let t = Tokens::new(s, 0..s.len());
        let found: Vec<bool> = (0..t.len()).map(|i| t.word_in_set(i, &LONG)).collect();
        assert_eq!(found, [true, false, true]);
    }

    #[test]
    fn a_union_holds_the_words_of_each_list() {
        static BOTH: WordSet = WordSet::union(&[&["said", "führer"], &["rung"]]);
        let s = "SAID Führer RUNG says FÜHRER rungs";
        let t = Tokens::new(s, 0..s.len());
        let found: Vec<bool> = (0..t.len()).map(|i| t.word_in_set(i, &BOTH)).collect();
        assert_eq!(found, [true, true, true, false, false, false]);
    }
}
