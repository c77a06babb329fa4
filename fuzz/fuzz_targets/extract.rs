//! Any bytes through the extractor, checked as `tests/extract_props.rs` checks generated text:
//! no panic, every evidence span inside the text on character boundaries, the evidence
//! sentence and the quote text agreeing with the span they point at, and the same output for
//! the same input.
//!
//! The first three bytes choose the publication date (two bytes: days around 2000-01-01, about
//! ±90 years) and the newsroom zone (one byte); the rest, read as lossy UTF-8, is the article.

#![no_main]

use factline::extract::{ArticleContext, extract};
use factline::model::Extraction;
use libfuzzer_sys::fuzz_target;

/// Zones with unusual offsets and rules (half and quarter hours, DST in the south, none at all).
const ZONES: &[&str] = &[
    "UTC",
    "Europe/London",
    "America/New_York",
    "America/Anchorage",
    "America/St_Johns",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Pacific/Kiritimati",
    "Africa/Nairobi",
    "Europe/Moscow",
];

fuzz_target!(|data: &[u8]| {
    let (ctx, body) = context(data);
    let text = String::from_utf8_lossy(body);
    let facts = extract(&text, &ctx);
    check(&text, &facts);
    assert!(extract(&text, &ctx) == facts, "same input, different facts");
});

fn context(data: &[u8]) -> (ArticleContext, &[u8]) {
    let (head, body) = data.split_at(data.len().min(3));
    let mut bytes = [0u8; 3];
    bytes[..head.len()].copy_from_slice(head);
    let days = i64::from(u16::from_le_bytes([bytes[0], bytes[1]])) - 32_768;
    let origin = jiff::civil::date(2000, 1, 1);
    let published = origin
        .checked_add(jiff::Span::new().days(days))
        .unwrap_or(origin);
    let zone = ZONES[usize::from(bytes[2]) % ZONES.len()];
    let ctx = ArticleContext {
        article_id: "fuzz".into(),
        published,
        time_zone: zone.into(),
    };
    (ctx, body)
}

/// Byte offsets of every code point, plus the end: `bytes[i]` is where code point `i` starts.
fn char_starts(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect()
}

/// The text between code-point offsets `start..end`, checking they are in bounds.
fn slice<'t>(text: &'t str, starts: &[usize], start: usize, end: usize, what: &str) -> &'t str {
    assert!(
        start <= end && end < starts.len(),
        "{what}: span {start}..{end} outside a text of {} code points",
        starts.len() - 1
    );
    let (from, to) = (starts[start], starts[end]);
    assert!(text.is_char_boundary(from) && text.is_char_boundary(to));
    &text[from..to]
}

/// The evidence sentence holds the span it names (cut sentences keep a window around it).
fn check_sentence(sentence: &str, span: &str, what: &str) {
    let bare = sentence.trim_start_matches('…').trim_end_matches('…');
    assert!(
        bare.contains(span),
        "{what}: evidence sentence {sentence:?} lacks its span {span:?}"
    );
}

fn check(text: &str, facts: &Extraction) {
    let starts = char_starts(text);
    for p in &facts.people {
        assert!(!p.name.is_empty(), "a person without a name");
        assert!(p.mention_count > 0, "{}: no mention", p.name);
        for ev in &p.evidence {
            let span = slice(text, &starts, ev.start, ev.end, &p.name);
            check_sentence(&ev.sentence, span, &p.name);
        }
    }
    for q in &facts.quotes {
        let span = slice(text, &starts, q.evidence.start, q.evidence.end, &q.id);
        // A quote continued after its attribution is its parts joined by a space; its
        // evidence runs from the first part to the last.
        let first = q.text.split(' ').next().unwrap_or_default();
        let last = q.text.rsplit(' ').next().unwrap_or_default();
        assert!(
            span.starts_with(first) && span.ends_with(last),
            "{}: quote {:?} is not the span {span:?}",
            q.id,
            q.text
        );
    }
    for e in &facts.events {
        assert!(
            !e.evidence.is_empty(),
            "{}: an event with no evidence",
            e.id
        );
        for ev in &e.evidence {
            let span = slice(text, &starts, ev.start, ev.end, &e.id);
            check_sentence(&ev.sentence, span, &e.id);
        }
        if let Some(parent) = &e.parent_id {
            assert!(
                facts.events.iter().any(|o| &o.id == parent),
                "{}: parent {parent} missing",
                e.id
            );
        }
    }
}
