//! Splits article text into sentences and sentences into word tokens, by byte offsets.
//!
//! A full stop ends a sentence unless it follows an abbreviation ("Mr.", "U.S.", "a.m." before a
//! time-zone word), an initial ("J. K."), or a number ("No. 10"). A line break always ends one,
//! because news text puts each paragraph on its own line. Everything here is one pass over the
//! bytes, so it stays linear in the text's length.

use std::ops::Range;

/// One sentence: its byte range in the article, and its paragraph number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte range in the article text, trimmed of surrounding whitespace.
    pub span: Range<usize>,
    /// Paragraph index (lines of text), so that quotes can carry over within a paragraph.
    pub paragraph: usize,
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt",
    "maj", "adm", "cmdr", "cpl", "pte", "st", "jr", "sr", "rev", "hon", "mt", "ft", "no", "nos",
    "vs", "etc", "inc", "ltd", "co", "corp", "dept", "univ", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur",
    "thurs", "fri", "sat", "sun", "approx", "est", "fig", "vol", "pp", "p", "ca", "cf", "al",
    "e.g", "i.e", "u.s", "u.k", "u.n", "e.u", "d.c", "a.m", "p.m", "calif", "fla", "mass", "penn",
    "wash", "ariz", "ill", "mich", "minn", "tex", "conn", "colo", "okla", "ore", "wis", "ky",
    "tenn", "va", "md", "ala", "ark", "ga", "la", "miss", "mo", "neb", "nev", "del", "kan", "n.y",
    "n.j", "n.c", "s.c", "n.h", "n.m", "n.d", "s.d", "w.va", "r.i", "vt", "wyo", "ida", "mont",
    "pa", "oh", "ind",
];

/// Words that may follow "a.m." or "p.m." in the same sentence (a zone or a day), so the dot
/// before them is not a sentence end.
const AFTER_CLOCK: &[&str] = &[
    "eastern",
    "pacific",
    "central",
    "mountain",
    "alaska",
    "hawaii",
    "atlantic",
    "local",
    "et",
    "pt",
    "ct",
    "mt",
    "edt",
    "est",
    "pdt",
    "pst",
    "cdt",
    "cst",
    "mdt",
    "mst",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "tomorrow",
    "on",
    "in",
    "at",
    "and",
    "or",
    "to",
    "until",
    "from",
    "british",
    "moscow",
    "kyiv",
];

fn is_abbreviation(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// Splits `text` into sentences.
///
/// ```
/// use factline::extract::sentences::split_sentences;
/// let text = "Mr. Smith met Dr Jones at 10 a.m. Eastern time. They talked.";
/// let s = split_sentences(text);
/// assert_eq!(s.len(), 2);
/// assert_eq!(&text[s[1].span.clone()], "They talked.");
/// ```
pub fn split_sentences(text: &str) -> Vec<Sentence> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut start = 0;
    let mut i = 0;
    // Inside a quotation no sentence ends, so a multi-sentence quote stays with its attribution.
    // Curly marks nest; straight marks toggle. Both reset at a paragraph end.
    let mut curly_depth = 0usize;
    let mut straight_open = false;
    while i < bytes.len() {
        let b = bytes[i];
        if bytes[i..].starts_with("\u{201C}".as_bytes()) {
            curly_depth += 1;
            i += 3;
            continue;
        }
        if bytes[i..].starts_with("\u{201D}".as_bytes()) {
            curly_depth = curly_depth.saturating_sub(1);
            i += 3;
            continue;
        }
        if b == b'"' {
            straight_open = !straight_open;
        }
        if b == b'\n' {
            curly_depth = 0;
            straight_open = false;
            push_trimmed(text, start..i, paragraph, &mut out);
            // Blank lines and single line breaks both start a new paragraph.
            paragraph += 1;
            start = i + 1;
            i += 1;
            continue;
        }
        if matches!(b, b'.' | b'!' | b'?') {
            let quoted = curly_depth > 0 || straight_open;
            // Take any run of terminal punctuation, closing quotes and brackets.
            let mut end = i + 1;
            loop {
                if end < bytes.len()
                    && matches!(bytes[end], b'.' | b'!' | b'?' | b'"' | b'\'' | b')')
                {
                    end += 1;
                } else if bytes[end..].starts_with("\u{201D}".as_bytes())
                    || bytes[end..].starts_with("\u{2019}".as_bytes())
                {
                    end += 3;
                } else {
                    break;
                }
            }
            // The run may have closed the quotation ("win.” The crowd").
            let run = &text[i..end];
            let closes = run.contains('\u{201D}') || (straight_open && run.contains('"'));
            if run.contains('\u{201D}') {
                curly_depth = curly_depth.saturating_sub(run.matches('\u{201D}').count());
            }
            if run.matches('"').count() % 2 == 1 {
                straight_open = !straight_open;
            }
            let inside = quoted && !closes;
            if !inside && ends_sentence(text, start, i, end) {
                push_trimmed(text, start..end, paragraph, &mut out);
                start = end;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start..text.len(), paragraph, &mut out);
    out
}

/// Whether the punctuation at `dot` (with its closing run up to `end`) ends a sentence.
fn ends_sentence(text: &str, sentence_start: usize, dot: usize, end: usize) -> bool {
    let rest = &text[end..];
    // Must be followed by whitespace (or the end of the text).
    let Some(first) = rest.chars().next() else {
        return true;
    };
    if !first.is_whitespace() {
        return false;
    }
    let after = rest.trim_start_matches([' ', '\t', '\u{a0}']);
    let Some(next) = after.chars().next() else {
        return true;
    };
    if next == '\n' || next == '\r' {
        return true;
    }
    let next_starts_sentence = next.is_uppercase()
        || next.is_ascii_digit()
        || matches!(
            next,
            '"' | '\u{201C}' | '\u{2018}' | '\'' | '(' | '[' | '\u{2013}' | '\u{2014}'
        );
    if !next_starts_sentence {
        return false;
    }
    if text.as_bytes()[dot] != b'.' || end > dot + 1 {
        // "?" and "!" and a dot inside closing quotes end the sentence when a capital follows.
        return true;
    }
    // The word that the dot closes, including inner dots ("U.S", "a.m").
    let before = &text[sentence_start..dot];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '\u{201C}'))
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    let next_word: String = after
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    let lower = word.to_lowercase();
    if lower == "a.m" || lower == "p.m" {
        // "4.15 p.m. IST", "10 a.m. Eastern time": a zone goes on the sentence.
        let written: String = after.chars().take_while(|c| c.is_alphanumeric()).collect();
        let zone = super::zones::abbreviation(&written).is_some();
        // "8:30 a.m. New York time": a place's name and then "time" is a zone too.
        let words: Vec<&str> = after.split_whitespace().take(4).collect();
        let place_time = words
            .iter()
            .position(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()) == "time")
            .is_some_and(|n| {
                n > 0
                    && words[..n].iter().all(|w| w.starts_with(char::is_uppercase))
                    && !matches!(
                        words[0],
                        "The"
                            | "This"
                            | "That"
                            | "Their"
                            | "His"
                            | "Her"
                            | "Its"
                            | "Our"
                            | "At"
                            | "By"
                            | "In"
                            | "On"
                            | "From"
                            | "A"
                            | "An"
                            | "No"
                            | "Some"
                    )
            });
        // "at 11:20 a.m. (0220 GMT)": the same time in another zone, in brackets.
        let bracketed_time =
            after.starts_with('(') && after[1..].starts_with(|c: char| c.is_ascii_digit());
        // "at 10 a.m. July 28" (AP style), "at 10 a.m. 28 July": a calendar date with its day
        // number goes on the sentence; a month name alone may open the next one ("May I …").
        let dated = {
            let month = |w: &str| {
                super::time::month_number(w.trim_end_matches(|c: char| !c.is_alphanumeric()))
                    .is_some()
            };
            let day = |w: &str| {
                let digits = w.trim_end_matches(|c: char| !c.is_alphanumeric());
                let digits = digits.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                (1..=2).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
            };
            match (words.first(), words.get(1)) {
                (Some(a), Some(b)) => (month(a) && day(b)) || (day(a) && month(b)),
                _ => false,
            }
        };
        return !(zone
            || place_time
            || bracketed_time
            || dated
            || AFTER_CLOCK.contains(&next_word.as_str()));
    }
    if lower == "no" || lower == "nos" {
        // "No. 10" goes on; "said no. Then" ends.
        return !next.is_ascii_digit();
    }
    // Initials: a single capital letter ("J. K. Rowling"), or dotted capitals like "U.S." followed
    // by a capitalised word are ambiguous; "U.S." mid-sentence is far more common in news.
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    if single_initial {
        return false;
    }
    // Dotted initials before a name: "M.K. Stalin", "J.R.R. Tolkien".
    let dotted_initials = word.len() >= 3
        && word
            .split('.')
            .all(|p| p.len() == 1 && p.chars().all(|c| c.is_ascii_uppercase()))
        && !matches!(lower.as_str(), "u.s" | "u.k" | "u.n" | "e.u" | "d.c");
    if dotted_initials {
        return false;
    }
    if is_abbreviation(word) {
        // Titles and month/state abbreviations are followed by a name or number, not a new sentence.
        // "U.S." at the end of a sentence followed by "The" is the exception we accept.
        if matches!(
            lower.as_str(),
            "u.s"
                | "u.k"
                | "u.n"
                | "e.u"
                | "d.c"
                | "etc"
                | "inc"
                | "ltd"
                | "jr"
                | "sr"
                | "co"
                | "corp"
        ) {
            return matches!(
                next_word.as_str(),
                "the"
                    | "he"
                    | "she"
                    | "it"
                    | "they"
                    | "we"
                    | "i"
                    | "but"
                    | "a"
                    | "an"
                    | "in"
                    | "on"
                    | "at"
                    | "this"
                    | "that"
                    | "his"
                    | "her"
                    | "their"
            );
        }
        return false;
    }
    true
}

fn push_trimmed(text: &str, range: Range<usize>, paragraph: usize, out: &mut Vec<Sentence>) {
    let slice = &text[range.clone()];
    let trimmed_start = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if trimmed.is_empty() {
        return;
    }
    let start = range.start + trimmed_start;
    out.push(Sentence {
        span: start..start + trimmed.len(),
        paragraph,
    });
}

/// A word in a sentence: letters, digits, and inner apostrophes, hyphens or dots.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Byte range in the article.
    pub span: Range<usize>,
}

impl Token<'_> {
    /// Whether the word starts with a capital letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The word without a trailing possessive ("Trump’s" → "Trump").
    pub fn without_possessive(&self) -> &str {
        strip_possessive(self.text)
    }

    /// Whether the word ends in a possessive "'s".
    pub fn is_possessive(&self) -> bool {
        self.without_possessive().len() != self.text.len()
    }
}

/// `word.to_lowercase()`, borrowed when the word is ASCII with no capital, as nearly every
/// word of running text is: the passes that compare lowered words then allocate only for
/// capitalised and non-ASCII ones.
pub(crate) fn lowercase(word: &str) -> std::borrow::Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

/// [`lowercase`], lowering an ASCII word with capitals into `buf` when it fits instead of into a
/// new `String` (for ASCII, Unicode lower case is ASCII lower case).
pub(crate) fn lowercase_in<'a>(word: &'a str, buf: &'a mut [u8; 24]) -> std::borrow::Cow<'a, str> {
    let b = word.as_bytes();
    if b.iter().all(|&c| c.is_ascii() && !c.is_ascii_uppercase()) {
        return std::borrow::Cow::Borrowed(word);
    }
    if b.is_ascii() && b.len() <= buf.len() {
        let out = &mut buf[..b.len()];
        out.copy_from_slice(b);
        out.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(out) {
            return std::borrow::Cow::Borrowed(lower);
        }
    }
    std::borrow::Cow::Owned(word.to_lowercase())
}

/// Removes a trailing "'s", "’s" or a bare trailing apostrophe.
pub fn strip_possessive(word: &str) -> &str {
    for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            return stem;
        }
    }
    if let Some(stem) = word
        .strip_suffix('\u{2019}')
        .or_else(|| word.strip_suffix('\''))
        && stem.ends_with('s')
    {
        return stem;
    }
    word
}

/// Every sentence's word tokens, in sentence order. The people, quote and event passes all read
/// each sentence word by word, so the extractor splits them once and hands the same tokens to
/// each pass.
///
/// ```
/// use factline::extract::sentences::{sentence_tokens, split_sentences};
/// let text = "Mr Smith left. He was tired.";
/// let toks = sentence_tokens(text, &split_sentences(text));
/// assert_eq!(toks[1].iter().map(|t| t.text).collect::<Vec<_>>(), ["He", "was", "tired"]);
/// ```
pub fn sentence_tokens<'t>(text: &'t str, sentences: &[Sentence]) -> Vec<Vec<Token<'t>>> {
    sentences
        .iter()
        .map(|s| tokens(text, s.span.clone()))
        .collect()
}

/// Splits `text[range]` into word tokens.
///
/// ```
/// use factline::extract::sentences::tokens;
/// let text = "Mr Trump’s U.S. visit, on 3 Sept.";
/// let words: Vec<&str> = tokens(text, 0..text.len()).iter().map(|t| t.text).collect();
/// assert_eq!(words, ["Mr", "Trump’s", "U.S.", "visit", "on", "3", "Sept"]);
/// ```
pub fn tokens(text: &str, range: Range<usize>) -> Vec<Token<'_>> {
    // About one word every six bytes of news prose: room for them from the start, not by
    // regrowth.
    let mut out = Vec::with_capacity(range.len() / 5 + 1);
    let slice = &text[range.clone()];
    let bytes = slice.as_bytes();
    // Every sentence is split this way by several passes, so ASCII is read as bytes; anything
    // else is decoded where it stands.
    let char_at = |j: usize| match bytes.get(j) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => slice[j..].chars().next(),
        None => None,
    };
    let mut i = 0;
    while let Some(c) = char_at(i) {
        if !c.is_alphanumeric() {
            i += c.len_utf8();
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(d) = char_at(end) {
            let j = end;
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                continue;
            }
            // Inner joiners: apostrophes, hyphens, and dots between letters ("U.S.").
            if matches!(d, '\'' | '\u{2019}' | '-' | '.' | '\u{2010}' | '\u{2011}') {
                if char_at(j + d.len_utf8()).is_some_and(char::is_alphanumeric) {
                    end = j + d.len_utf8();
                    continue;
                }
                // A trailing dot belongs to a dotted abbreviation ("U.S.") or a possessive "s'".
                if d == '.' && slice[i..end].contains('.') {
                    end = j + 1;
                }
                if (d == '\'' || d == '\u{2019}') && slice[i..end].ends_with('s') {
                    end = j + d.len_utf8();
                }
            }
            break;
        }
        out.push(Token {
            text: &slice[i..end],
            span: range.start + i..range.start + end,
        });
        i = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        split_sentences(text)
            .into_iter()
            .map(|s| &text[s.span])
            .collect()
    }

    #[test]
    fn titles_and_initials_do_not_end_sentences() {
        assert_eq!(
            split("Mr. Whitford met Sen. Lopez and J. K. Rowling. Then they left."),
            [
                "Mr. Whitford met Sen. Lopez and J. K. Rowling.",
                "Then they left."
            ]
        );
    }

    #[test]
    fn no_10_and_clock_times() {
        assert_eq!(
            split("He went to No. 10 on Monday. It rained."),
            ["He went to No. 10 on Monday.", "It rained."]
        );
        assert_eq!(
            split("It starts at 10 a.m. Eastern time."),
            ["It starts at 10 a.m. Eastern time."]
        );
        assert_eq!(
            split("The call began at 8:30 a.m. New York time. It ran long."),
            ["The call began at 8:30 a.m. New York time.", "It ran long."]
        );
        assert_eq!(
            split("It starts at 10 a.m. The crowd waits."),
            ["It starts at 10 a.m.", "The crowd waits."]
        );
        assert_eq!(
            split("It opens at 10 a.m. July 28, she said. At 10 a.m. 28 July it closes."),
            [
                "It opens at 10 a.m. July 28, she said.",
                "At 10 a.m. 28 July it closes."
            ]
        );
        assert_eq!(
            split("It starts at 10 a.m. May is busy."),
            ["It starts at 10 a.m.", "May is busy."]
        );
        assert_eq!(
            split("He spoke at 11:20 a.m. (0220 GMT). It ran long."),
            ["He spoke at 11:20 a.m. (0220 GMT).", "It ran long."]
        );
    }

    #[test]
    fn quotes_ending_inside_marks() {
        assert_eq!(
            split("She said: “We will win.” The crowd cheered. “Really?” he asked."),
            [
                "She said: “We will win.”",
                "The crowd cheered.",
                "“Really?” he asked."
            ]
        );
        assert_eq!(
            split("\"We are ready,\" she said. \"But not yet.\""),
            ["\"We are ready,\" she said.", "\"But not yet.\""]
        );
    }

    #[test]
    fn multi_sentence_quotes_stay_whole() {
        assert_eq!(
            split("“We will win. We always do,” she said. It rained."),
            ["“We will win. We always do,” she said.", "It rained."]
        );
    }

    #[test]
    fn us_abbreviation_mid_sentence() {
        assert_eq!(
            split("The U.S. Senate voted. It passed."),
            ["The U.S. Senate voted.", "It passed."]
        );
    }

    #[test]
    fn lines_are_paragraphs() {
        let s = split_sentences("One\n\nTwo. Three.");
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].paragraph, 0);
        assert_eq!(s[1].paragraph, s[2].paragraph);
    }

    #[test]
    fn possessives() {
        assert_eq!(strip_possessive("Trump’s"), "Trump");
        assert_eq!(strip_possessive("leaders'"), "leaders");
        assert_eq!(strip_possessive("Paris"), "Paris");
    }
}
