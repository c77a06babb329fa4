//! Properties that hold for any input: the extractor never panics, every offset is inside the
//! text, and the same input gives the same output.

use factline::extract::{ArticleContext, extract};
use proptest::prelude::*;

fn ctx(days: i32) -> ArticleContext {
    let published = jiff::civil::date(2000, 1, 1)
        .checked_add(jiff::Span::new().days(i64::from(days)))
        .unwrap_or(jiff::civil::date(2000, 1, 1));
    ArticleContext {
        article_id: "p".into(),
        published,
        time_zone: "Europe/London".into(),
    }
}

/// Text built from pieces that news prose is made of, so the generator reaches the
/// extractor's rules rather than only its early exits.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Mr ".to_string()),
        Just("Dr. ".to_string()),
        Just("Sir Keir Starmer".to_string()),
        Just("Jane Doe".to_string()),
        Just(", the mayor of Springfield, ".to_string()),
        Just(" said".to_string()),
        Just(" told reporters".to_string()),
        Just(" “".to_string()),
        Just("” ".to_string()),
        Just("\"".to_string()),
        Just("‘".to_string()),
        Just("’s ".to_string()),
        Just(" on Thursday".to_string()),
        Just(" at 11am Alaska time (8pm BST)".to_string()),
        Just(" will meet".to_string()),
        Just(" met".to_string()),
        Just(" a summit in Paris".to_string()),
        Just(" the talks".to_string()),
        Just(" the US president".to_string()),
        Just(" he".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        Just(" – ".to_string()),
        Just(" from Monday to Wednesday".to_string()),
        Just(" will include a lunch and a press conference".to_string()),
        "[A-Za-z’'\" ,.]{0,12}",
        "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn check(text: &str, days: i32) -> Result<(), TestCaseError> {
    let c = ctx(days);
    let facts = extract(text, &c);
    let len = text.chars().count();
    for q in &facts.quotes {
        prop_assert!(q.evidence.start <= q.evidence.end && q.evidence.end <= len);
    }
    for e in &facts.events {
        for ev in &e.evidence {
            prop_assert!(ev.start <= ev.end && ev.end <= len);
        }
    }
    for p in &facts.people {
        prop_assert!(!p.name.is_empty());
        prop_assert_eq!(p.mention_count > 0, true);
    }
    // Deterministic: the same input, the same facts.
    prop_assert_eq!(extract(text, &c), facts);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn any_text_any_date(text in "\\PC{0,300}", days in -40_000i32..40_000) {
        check(&text, days)?;
    }

    #[test]
    fn news_like_text(text in newsy(), days in 0i32..20_000) {
        check(&text, days)?;
    }
}
