//! How the API renders facts it holds: exact timeline order, `local`, `from`/`to` on each
//! precision, the calendar and TimelineJS lines, and people merged across articles.
//!
//! These facts are built by hand and put straight into a store (they are not extractor
//! output), so each expectation is exact; the rest of this suite posts articles through the
//! real extractor.

use std::sync::Arc;

use axum::http::StatusCode;
use factline::config::AppConfig;
use factline::model::{
    Event, EventStatus, Evidence, Extraction, Person, Place, Precision, TimePoint,
};
use factline::store::memory::MemoryStore;
use factline::store::{ArticleMeta, NewArticle};
use jiff::civil::date;

use crate::support::{TestApp, ids};

fn point(value: &str, precision: Precision, zone: Option<&str>, utc: Option<&str>) -> TimePoint {
    TimePoint {
        value: value.into(),
        precision,
        time_zone: zone.map(str::to_string),
        utc: utc.map(str::to_string),
        text: value.into(),
        inferred: vec![],
        warnings: vec![],
    }
}

fn event(
    id: &str,
    article: &str,
    start: Option<TimePoint>,
    pos: usize,
    who: &[&str],
    place: Option<Place>,
) -> Event {
    Event {
        id: id.into(),
        article_id: article.into(),
        title: format!("{id} title"),
        kind: id.trim_start_matches("e-").into(),
        participants: who.iter().map(|w| w.to_string()).collect(),
        participant_names: who.iter().map(|w| format!("Name of {w}")).collect(),
        groups: vec![],
        place,
        start,
        end: None,
        status: EventStatus::Scheduled,
        parent_id: None,
        evidence: vec![Evidence {
            article_id: article.into(),
            sentence: format!("Sentence about {id}, with a comma; and more."),
            start: pos,
            end: pos + 4,
        }],
    }
}

fn person(id: &str, name: &str, article: &str, mentions: usize) -> Person {
    Person {
        id: id.into(),
        name: name.into(),
        aliases: vec![],
        roles: vec!["minister".into()],
        mention_count: mentions,
        article_ids: vec![article.into()],
        evidence: Vec::new(),
    }
}

fn article(id: &str, day: jiff::civil::Date, extraction: Extraction) -> NewArticle {
    NewArticle {
        meta: ArticleMeta {
            id: id.into(),
            title: id.into(),
            source: None,
            published_at: day,
            time_zone: "Europe/London".into(),
        },
        text: "x".repeat(200),
        content_key: format!("key-{id}"),
        extraction,
    }
}

fn app() -> TestApp {
    let store = MemoryStore::new();
    let alaska = Place {
        name: "Joint Base Elmendorf-Richardson".into(),
        city: Some("Anchorage".into()),
        region: Some("Alaska".into()),
        country: Some("United States".into()),
        time_zone: Some("America/Anchorage".into()),
        from_dateline: false,
    };
    let london = Place {
        name: "Downing Street".into(),
        city: Some("London".into()),
        region: None,
        country: Some("United Kingdom".into()),
        time_zone: Some("Europe/London".into()),
        from_dateline: false,
    };
    let summit_start = point(
        "2025-08-15T11:00:00-08:00",
        Precision::Minute,
        Some("America/Anchorage"),
        Some("2025-08-15T19:00:00Z"),
    );
    store
        .insert_now(article(
            "art-x",
            date(2025, 8, 15),
            Extraction {
                people: vec![
                    person("p-a", "Ann Alpha", "art-x", 2),
                    person("p-b", "Bo Beta", "art-x", 1),
                ],
                events: vec![
                    event(
                        "e-summit",
                        "art-x",
                        Some(summit_start),
                        100,
                        &["p-a", "p-b"],
                        Some(alaska),
                    ),
                    event(
                        "e-call",
                        "art-x",
                        Some(point("2025-08-13", Precision::Day, None, None)),
                        10,
                        &["p-a"],
                        None,
                    ),
                    event(
                        "e-visit",
                        "art-x",
                        Some(point("2025-08-15", Precision::Day, None, None)),
                        50,
                        &[],
                        Some(london),
                    ),
                    event(
                        "e-war",
                        "art-x",
                        Some(point("2022", Precision::Year, None, None)),
                        5,
                        &[],
                        None,
                    ),
                    event("e-nostart", "art-x", None, 1, &["p-a"], None),
                    event(
                        "e-vote",
                        "art-x",
                        Some(point("2025-11", Precision::Month, None, None)),
                        7,
                        &[],
                        None,
                    ),
                ],
                ..Default::default()
            },
        ))
        .expect("insert x");
    store
        .insert_now(article(
            "art-y",
            date(2025, 8, 16),
            Extraction {
                people: vec![person("p-a", "Ann B. Alpha", "art-y", 1)],
                ..Default::default()
            },
        ))
        .expect("insert y");
    TestApp::over(Arc::new(store), AppConfig::default())
}

async fn timeline_ids(app: &TestApp, query: &str) -> Vec<String> {
    ids(
        &app.get(&format!("/v1/timeline?{query}")).await.list(),
        "event_id",
    )
}

#[tokio::test]
async fn timeline_is_in_start_order() {
    let app = app();
    // e-call is 13 August in London (the article's zone), e-visit 15 August in London
    // (its place), e-summit 19:00Z on the 15th; e-nostart has no start.
    assert_eq!(
        timeline_ids(&app, "").await,
        ["e-war", "e-call", "e-visit", "e-summit", "e-vote"]
    );
    let page = app.get("/v1/timeline?limit=2&offset=1").await;
    assert_eq!(ids(&page.list(), "event_id"), ["e-call", "e-visit"]);
    assert_eq!(page.total(), 5);
}

#[tokio::test]
async fn tz_converts_minute_starts_only() {
    let app = app();
    let items = app.get("/v1/timeline?tz=Asia/Tokyo").await.list();
    let local = |id: &str| {
        items
            .iter()
            .find(|i| i["event_id"] == id)
            .map(|i| i["local"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(local("e-summit"), "2025-08-16T04:00:00+09:00");
    assert_eq!(local("e-call"), "2025-08-13");
    assert_eq!(local("e-war"), "2022");
    let summit = items.iter().find(|i| i["event_id"] == "e-summit").unwrap();
    assert_eq!(summit["participant_names"][1], "Name of p-b");
    assert_eq!(summit["place"]["region"], "Alaska");
}

#[tokio::test]
async fn from_and_to_compare_each_precision_fairly() {
    let app = app();
    assert_eq!(
        timeline_ids(&app, "from=2025-08-15").await,
        ["e-visit", "e-summit", "e-vote"]
    );
    assert_eq!(
        timeline_ids(&app, "to=2025-08-14").await,
        ["e-war", "e-call"]
    );
    assert_eq!(
        timeline_ids(&app, "from=2025-08-14&to=2025-08-15").await,
        ["e-visit", "e-summit"]
    );
    // The London day of e-visit runs to 23:00Z on the 15th, so it overlaps 20:00Z; the summit
    // instant at 19:00Z does not.
    assert_eq!(
        timeline_ids(&app, "from=2025-08-15T20:00:00Z").await,
        ["e-visit", "e-vote"]
    );
    assert_eq!(
        timeline_ids(&app, "from=2025-11-30&to=2025-12-01").await,
        ["e-vote"]
    );
    let events = app
        .get("/v1/events?from=2022-06-01&to=2022-06-01")
        .await
        .list();
    assert_eq!(ids(&events, "id"), ["e-war"]);
}

#[tokio::test]
async fn event_filters_combine() {
    let app = app();
    assert_eq!(
        timeline_ids(&app, "participant=p-a").await,
        ["e-call", "e-summit"]
    );
    assert_eq!(
        timeline_ids(&app, "participant=p-a&place=alaska").await,
        ["e-summit"]
    );
    assert_eq!(
        timeline_ids(&app, "q=summit%20ANCHORAGE").await,
        ["e-summit"]
    );
    assert_eq!(
        timeline_ids(&app, "q=summit%20london").await,
        Vec::<String>::new()
    );
    let with_p_a = app.get("/v1/events?participant=p-a").await.list();
    assert_eq!(ids(&with_p_a, "id"), ["e-summit", "e-call", "e-nostart"]);
    let person_events = app.get("/v1/people/p-a/events").await.list();
    assert_eq!(
        ids(&person_events, "id"),
        ["e-summit", "e-call", "e-nostart"]
    );
}

#[tokio::test]
async fn calendar_lines() {
    let app = app();
    let body = app.get("/v1/timeline?format=ics").await.text();
    let unfolded = body.replace("\r\n ", "");
    assert_eq!(body.matches("BEGIN:VEVENT").count(), 5);
    assert!(unfolded.contains("UID:e-summit\r\n"));
    assert!(unfolded.contains("DTSTART:20250815T190000Z\r\n"));
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20250813\r\n"));
    assert!(
        unfolded.contains("DTSTART;VALUE=DATE:20251101\r\nDTEND;VALUE=DATE:20251201\r\n"),
        "a month spans the month"
    );
    // Published 15 August in London: midnight BST is 23:00Z the day before.
    assert!(unfolded.contains("DTSTAMP:20250814T230000Z\r\n"));
    assert!(unfolded.contains(
        "LOCATION:Joint Base Elmendorf-Richardson\\, Anchorage\\, Alaska\\, United States\r\n"
    ));
    assert!(
        unfolded.contains("with a comma\\; and more."),
        "TEXT is escaped"
    );
    let only_alaska = app.get("/v1/timeline?format=ics&place=alaska").await.text();
    assert_eq!(only_alaska.matches("BEGIN:VEVENT").count(), 1);
}

#[tokio::test]
async fn timelinejs_slides() {
    let app = app();
    let doc = app.get("/v1/timeline?format=timelinejs").await.json();
    let slides = doc["events"].as_array().unwrap();
    let order: Vec<_> = slides
        .iter()
        .map(|s| s["unique_id"].as_str().unwrap())
        .collect();
    assert_eq!(order, ["e-war", "e-call", "e-visit", "e-summit", "e-vote"]);
    assert_eq!(slides[0]["start_date"], serde_json::json!({"year": 2022}));
    assert_eq!(
        slides[3]["start_date"],
        serde_json::json!({"year": 2025, "month": 8, "day": 15, "hour": 11, "minute": 0})
    );
    let in_london = app
        .get("/v1/timeline?format=timelinejs&tz=Europe/London")
        .await
        .json();
    assert_eq!(in_london["events"][3]["start_date"]["hour"], 20);
    let limited = app
        .get("/v1/timeline?format=timelinejs&limit=1")
        .await
        .json();
    assert_eq!(limited["events"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn people_merge_across_articles_and_unmerge_on_delete() {
    let app = app();
    let ann = app.get("/v1/people/p-a").await.json();
    assert_eq!(ann["name"], "Ann B. Alpha");
    assert_eq!(ann["mention_count"], 3);
    assert_eq!(ann["article_ids"], serde_json::json!(["art-y", "art-x"]));
    assert!(
        ann["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|a| a == "Ann Alpha")
    );
    assert_eq!(app.get("/v1/people?article=art-y").await.total(), 1);
    assert_eq!(app.get("/v1/people?role=MINIster&q=beta").await.total(), 1);

    assert_eq!(
        app.delete("/v1/articles/art-y", None).await.status,
        StatusCode::NO_CONTENT
    );
    let ann = app.get("/v1/people/p-a").await.json();
    assert_eq!(ann["mention_count"], 2);
    assert_eq!(ann["article_ids"], serde_json::json!(["art-x"]));
    assert_eq!(
        app.delete("/v1/articles/art-x", None).await.status,
        StatusCode::NO_CONTENT
    );
    app.get("/v1/people/p-a")
        .await
        .problem(StatusCode::NOT_FOUND);
    assert_eq!(app.get("/v1/timeline").await.total(), 0);
}
