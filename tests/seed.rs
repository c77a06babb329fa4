//! The extractor on the bundled seed article: its main facts, as the text states them.

use factline::extract::{ArticleContext, extract};
use factline::model::{EventStatus, Extraction, QuoteKind};

fn seed() -> Extraction {
    let text = include_str!("../data/seed/alaska-summit.txt");
    let ctx = ArticleContext {
        article_id: "seed".into(),
        published: jiff::civil::date(2025, 8, 15),
        time_zone: "Europe/London".into(),
    };
    extract(text, &ctx)
}

#[test]
fn people_with_aliases_and_roles() {
    let facts = seed();
    let names: Vec<&str> = facts.people.iter().map(|p| p.name.as_str()).collect();
    for name in [
        "Donald Trump",
        "Vladimir Putin",
        "Volodymyr Zelensky",
        "Friedrich Merz",
        "Keir Starmer",
    ] {
        assert!(names.contains(&name), "{name} missing from {names:?}");
    }
    assert_eq!(names.len(), 5, "{names:?}");
    let person = |n: &str| facts.people.iter().find(|p| p.name == n).expect("person");
    assert!(
        person("Donald Trump")
            .aliases
            .contains(&"Mr Trump".to_string())
    );
    assert!(
        person("Volodymyr Zelensky")
            .aliases
            .contains(&"the Ukrainian president".to_string())
    );
    assert!(
        person("Keir Starmer")
            .aliases
            .contains(&"Sir Keir Starmer".to_string())
    );
    assert_eq!(person("Friedrich Merz").roles, ["German chancellor"]);
    assert_eq!(
        person("Vladimir Putin").aliases,
        ["Mr Putin", "the Russian president"]
    );
    // Each person carries the sentence that introduces them, and the span of the name.
    let text: Vec<char> = include_str!("../data/seed/alaska-summit.txt")
        .chars()
        .collect();
    let merz = &person("Friedrich Merz").evidence[0];
    let span: String = text[merz.start..merz.end].iter().collect();
    assert_eq!(span, "Friedrich Merz");
    assert!(
        merz.sentence
            .contains("organised by German chancellor Friedrich Merz")
    );
}

#[test]
fn direct_quotes_have_their_speakers() {
    let facts = seed();
    let speaker = |words: &str| {
        facts
            .quotes
            .iter()
            .find(|q| q.kind == QuoteKind::Direct && q.text == words)
            .and_then(|q| q.speaker_name.clone())
    };
    assert_eq!(
        speaker("not going to mess around with me").as_deref(),
        Some("Donald Trump")
    );
    assert_eq!(
        speaker("sincere efforts").as_deref(),
        Some("Vladimir Putin")
    );
    assert_eq!(
        speaker("strong resolve").as_deref(),
        Some("Volodymyr Zelensky")
    );
    let reported = facts
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Reported)
        .count();
    assert!(reported >= 5, "{reported} reported quotes");
}

#[test]
fn the_summit_is_one_event_at_one_instant() {
    let facts = seed();
    let trump = factline::extract::ids::person_id("Donald Trump");
    let putin = factline::extract::ids::person_id("Vladimir Putin");
    let summit = facts
        .events
        .iter()
        .find(|e| {
            e.parent_id.is_none()
                && e.participants.contains(&trump)
                && e.participants.contains(&putin)
        })
        .expect("the summit");
    let start = summit.start.as_ref().expect("a start");
    assert_eq!(start.value, "2025-08-15T11:00:00-08:00");
    assert_eq!(start.utc.as_deref(), Some("2025-08-15T19:00:00Z"));
    assert_eq!(start.time_zone.as_deref(), Some("America/Anchorage"));
    assert!(start.warnings.is_empty(), "{:?}", start.warnings);
    let place = summit.place.as_ref().expect("a place");
    assert_eq!(place.name, "Anchorage");
    assert_eq!(summit.status, EventStatus::Scheduled);
    assert!(
        summit.evidence.len() >= 5,
        "mentions merged: {}",
        summit.evidence.len()
    );
    let parts = facts
        .events
        .iter()
        .filter(|e| e.parent_id.as_deref() == Some(summit.id.as_str()))
        .count();
    assert_eq!(parts, 3, "programme parts");
}

#[test]
fn earlier_meetings_are_past_with_their_days() {
    let facts = seed();
    let starmer = factline::extract::ids::person_id("Keir Starmer");
    let no10 = facts
        .events
        .iter()
        .find(|e| e.participants.contains(&starmer))
        .expect("No 10 meeting");
    assert_eq!(no10.status, EventStatus::Past);
    assert_eq!(
        no10.start.as_ref().map(|s| s.value.as_str()),
        Some("2025-08-14")
    );
    assert_eq!(
        no10.place.as_ref().and_then(|p| p.city.as_deref()),
        Some("London")
    );
    let merz = factline::extract::ids::person_id("Friedrich Merz");
    let virtual_summit = facts
        .events
        .iter()
        .find(|e| e.participants.contains(&merz))
        .expect("virtual summit");
    assert_eq!(
        virtual_summit.start.as_ref().map(|s| s.value.as_str()),
        Some("2025-08-13")
    );
    assert!(
        virtual_summit
            .groups
            .contains(&"European leaders".to_string())
    );
    // Mr Putin was not at the virtual summit: later mentions of the Alaska talks stay with them.
    let putin = factline::extract::ids::person_id("Vladimir Putin");
    assert!(
        !virtual_summit.participants.contains(&putin),
        "{:?}",
        virtual_summit.participant_names
    );
    let with_putin = facts
        .events
        .iter()
        .filter(|e| e.parent_id.is_none() && e.participants.contains(&putin))
        .count();
    assert_eq!(with_putin, 1);
}

#[test]
fn evidence_offsets_point_at_the_words() {
    let text = include_str!("../data/seed/alaska-summit.txt");
    let chars: Vec<char> = text.chars().collect();
    for q in seed().quotes {
        let span: String = chars[q.evidence.start..q.evidence.end].iter().collect();
        assert!(
            span.starts_with(q.text.split(' ').next().unwrap_or_default()),
            "{span:?} vs {:?}",
            q.text
        );
    }
}
