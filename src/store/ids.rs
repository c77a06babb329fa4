//! Content-derived article ids and default titles.
//!
//! An article's id must be the same for the same input on every run and on every machine, so
//! that a client's links survive a restart and a re-import. It is therefore computed from the
//! content alone — never from a counter, a clock or a random source.

use sha2::{Digest, Sha256};

/// Longest slug we put in an id, in bytes; a title longer than this is cut at a word boundary.
const MAX_SLUG_LEN: usize = 60;

/// Longest default title, in characters, before it is cut at a word boundary.
const MAX_TITLE_CHARS: usize = 80;

/// The key that identifies "the same article": sha256 of the text, a newline and the
/// publication date, as lowercase hex. Two posts with the same key are one article.
///
/// ```
/// use factline::store::ids::content_key;
/// let a = content_key("Some text.", "2025-08-15");
/// assert_eq!(a.len(), 64);
/// assert_ne!(a, content_key("Some text.", "2025-08-16"));
/// ```
pub fn content_key(text: &str, published_date: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(text.as_bytes());
    hasher.update(b"\n");
    hasher.update(published_date.as_bytes());
    hex(&hasher.finalize())
}

/// The article id: the slug of the title, a dash, and the first 10 hex digits of the content key.
///
/// ```
/// use factline::store::ids::{article_id, content_key};
/// let key = content_key("Text.", "2025-08-15");
/// let id = article_id("Trump and Putin to meet in Alaska", &key);
/// assert!(id.starts_with("trump-and-putin-to-meet-in-alaska-"));
/// assert_eq!(id.len(), "trump-and-putin-to-meet-in-alaska-".len() + 10);
/// ```
pub fn article_id(title: &str, content_key: &str) -> String {
    let short: String = content_key.chars().take(10).collect();
    format!("{}-{short}", slug(title))
}

/// Lowercase ASCII letters and digits joined by single dashes; everything else separates words.
/// Never empty: text with no ASCII letter or digit slugs to `"article"`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let needed = if out.is_empty() {
            word.len()
        } else {
            word.len() + 1
        };
        if out.len() + needed > MAX_SLUG_LEN {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    if out.is_empty() {
        // A first word longer than the limit, or no ASCII word at all.
        out = text
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .take(MAX_SLUG_LEN)
            .collect::<String>()
            .to_ascii_lowercase();
    }
    if out.is_empty() {
        out.push_str("article");
    }
    out
}

/// The title used when a post gives none: the first line's first sentence, cut to about
/// 80 characters at a word boundary (with an ellipsis when cut).
pub fn default_title(text: &str) -> String {
    let first_line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let sentence = first_sentence(first_line);
    if sentence.chars().count() <= MAX_TITLE_CHARS {
        return sentence.to_string();
    }
    let mut cut = String::new();
    for word in sentence.split_whitespace() {
        let extra = if cut.is_empty() { 0 } else { 1 } + word.chars().count();
        if cut.chars().count() + extra > MAX_TITLE_CHARS - 1 {
            break;
        }
        if !cut.is_empty() {
            cut.push(' ');
        }
        cut.push_str(word);
    }
    if cut.is_empty() {
        cut = sentence.chars().take(MAX_TITLE_CHARS - 1).collect();
    }
    cut.push('…');
    cut
}

/// The text up to and including the first `.`, `!` or `?` that is followed by whitespace
/// and a capital letter, digit or quotation mark; the whole text when there is none. The
/// look-ahead keeps "Mr. Smith" and "3.5" from ending a title.
fn first_sentence(line: &str) -> &str {
    for (i, c) in line.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let rest = &line[i + c.len_utf8()..];
        let after_space = rest.trim_start();
        if after_space.len() == rest.len() {
            continue;
        }
        let starts_sentence = after_space.chars().next().is_some_and(|n| {
            n.is_uppercase() || n.is_ascii_digit() || matches!(n, '"' | '“' | '‘' | '\'')
        });
        let before = line[..i].rsplit(' ').next().unwrap_or("");
        let abbreviation =
            before.len() <= 3 && before.chars().next().is_some_and(char::is_uppercase);
        if starts_sentence && !abbreviation {
            return &line[..i + c.len_utf8()];
        }
    }
    line
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_joins_ascii_words_and_drops_punctuation() {
        assert_eq!(slug("Hello, World! 2025"), "hello-world-2025");
        assert_eq!(slug("  --  "), "article");
        assert_eq!(slug("Ünïcode only ßß"), "n-code-only");
    }

    #[test]
    fn slug_is_cut_at_a_word_boundary() {
        let long = "word ".repeat(40);
        let s = slug(&long);
        assert!(s.len() <= MAX_SLUG_LEN);
        assert!(!s.ends_with('-'));
        assert!(s.split('-').all(|w| w == "word"));
    }

    #[test]
    fn id_depends_on_text_and_date_but_not_on_call_order() {
        let a = article_id("T", &content_key("x", "2025-01-01"));
        let b = article_id("T", &content_key("x", "2025-01-01"));
        let c = article_id("T", &content_key("x", "2025-01-02"));
        let d = article_id("T", &content_key("y", "2025-01-01"));
        assert_eq!(a, b);
        assert_ne!(a, c);
        assert_ne!(a, d);
    }

    #[test]
    fn content_key_is_sha256_of_text_newline_date() {
        // sha256("a\n2025-01-01"), computed independently with `printf 'a\n2025-01-01' | sha256sum`.
        assert_eq!(
            content_key("a", "2025-01-01"),
            "c9d7d08ce178b6e28644fd00f42fd5de2b63929d70bfff943a1a95fdd196424c"
        );
    }

    #[test]
    fn default_title_takes_the_first_sentence() {
        assert_eq!(
            default_title("\n  Mr. Smith went to Washington. He stayed.\nMore."),
            "Mr. Smith went to Washington."
        );
        assert_eq!(default_title("No full stop here"), "No full stop here");
    }

    #[test]
    fn default_title_is_cut_near_80_characters_at_a_word() {
        let text = "word ".repeat(50);
        let t = default_title(&text);
        assert!(t.chars().count() <= MAX_TITLE_CHARS, "{t}");
        assert!(t.ends_with("word…"), "{t}");
    }
}
