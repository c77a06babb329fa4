//! `/v1/people` and each person's quotes and events.
//!
//! Filters are checked against the contract, not against a particular extraction: the
//! server's filtered list must equal the full list filtered by the rule API.md states. That
//! holds however many facts the extractor finds, including none.

use axum::http::StatusCode;
use serde_json::Value;

use crate::support::{SPRINGFIELD, SPRINGFIELD_LATER, TestApp, ids};

fn contains_ci(hay: &Value, needle: &str) -> bool {
    hay.as_str()
        .is_some_and(|h| h.to_lowercase().contains(&needle.to_lowercase()))
}

fn any_contains(list: &Value, needle: &str) -> bool {
    list.as_array()
        .is_some_and(|l| l.iter().any(|v| contains_ci(v, needle)))
}

/// The server's answer for `query` must be exactly the full list filtered by `keep`.
pub async fn assert_filter(app: &TestApp, list: &str, query: &str, keep: impl Fn(&Value) -> bool) {
    let all = app.get(&format!("{list}?limit=500")).await.list();
    let expected: Vec<String> = ids(
        &all.into_iter().filter(|i| keep(i)).collect::<Vec<_>>(),
        id_key(list),
    );
    let response = app.get(&format!("{list}?limit=500&{query}")).await;
    let got = ids(&response.list(), id_key(list));
    assert_eq!(got, expected, "{list}?{query}");
    assert_eq!(response.total(), expected.len() as u64);
}

fn id_key(list: &str) -> &'static str {
    if list.contains("timeline") {
        "event_id"
    } else {
        "id"
    }
}

async fn two_articles() -> (TestApp, String, String) {
    let app = TestApp::seeded().await;
    let a = app.ingest(SPRINGFIELD, "2025-08-15").await;
    let b = app.ingest(SPRINGFIELD_LATER, "2025-08-16").await;
    (
        app,
        a["id"].as_str().unwrap().into(),
        b["id"].as_str().unwrap().into(),
    )
}

#[tokio::test]
async fn people_have_the_contract_shape() {
    let app = TestApp::seeded().await;
    for p in app.get("/v1/people?limit=500").await.list() {
        assert!(p["id"].is_string() && p["name"].is_string(), "{p}");
        assert!(p["aliases"].is_array() && p["roles"].is_array(), "{p}");
        assert!(p["mention_count"].is_u64(), "{p}");
        assert!(!p["article_ids"].as_array().unwrap().is_empty(), "{p}");
        let one = app
            .get(&format!("/v1/people/{}", p["id"].as_str().unwrap()))
            .await;
        assert_eq!(one.status, StatusCode::OK);
        assert_eq!(one.json(), p);
    }
}

#[tokio::test]
async fn people_filters_follow_the_contract_and_combine() {
    let (app, a, b) = two_articles().await;
    assert_filter(&app, "/v1/people", &format!("article={a}"), |p| {
        p["article_ids"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x == a.as_str())
    })
    .await;
    assert_filter(&app, "/v1/people", "q=DOE", |p| {
        contains_ci(&p["name"], "doe") || any_contains(&p["aliases"], "doe")
    })
    .await;
    assert_filter(&app, "/v1/people", "role=Mayor", |p| {
        any_contains(&p["roles"], "mayor")
    })
    .await;
    assert_filter(&app, "/v1/people", "q=r", |p| {
        contains_ci(&p["name"], "r") || any_contains(&p["aliases"], "r")
    })
    .await;
    assert_filter(
        &app,
        "/v1/people",
        &format!("q=r&role=e&article={b}"),
        |p| {
            (contains_ci(&p["name"], "r") || any_contains(&p["aliases"], "r"))
                && any_contains(&p["roles"], "e")
                && p["article_ids"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|x| x == b.as_str())
        },
    )
    .await;
    assert_eq!(
        app.get("/v1/people?article=no-such-article").await.total(),
        0
    );
}

#[tokio::test]
async fn a_person_is_merged_across_articles() {
    let (app, a, b) = two_articles().await;
    let people = app.get("/v1/people?q=jane%20doe").await.list();
    // EXTRACTOR-DEPENDENT: needs the extractor to find "Jane Doe" in both test articles.
    // Until it does, there is no one to check; the lead will make this unconditional.
    let Some(jane) = people.first() else {
        return;
    };
    let articles = jane["article_ids"].as_array().unwrap();
    assert!(articles.iter().any(|x| x == a.as_str()), "{jane}");
    assert!(articles.iter().any(|x| x == b.as_str()), "{jane}");
    assert!(jane["mention_count"].as_u64().unwrap() >= 2, "{jane}");
    assert!(any_contains(&jane["roles"], "mayor"), "{jane}");
}

#[tokio::test]
async fn a_persons_quotes_and_events_are_theirs() {
    let (app, ..) = two_articles().await;
    let quotes = app.get("/v1/quotes?limit=500").await.list();
    let events = app.get("/v1/events?limit=500").await.list();
    for p in app.get("/v1/people?limit=500").await.list() {
        let id = p["id"].as_str().unwrap();
        let theirs = app.get(&format!("/v1/people/{id}/quotes?limit=500")).await;
        let expected: Vec<_> = quotes
            .iter()
            .filter(|q| q["speaker_id"] == id)
            .cloned()
            .collect();
        assert_eq!(ids(&theirs.list(), "id"), ids(&expected, "id"), "{id}");
        let theirs = app.get(&format!("/v1/people/{id}/events?limit=500")).await;
        let expected: Vec<_> = events
            .iter()
            .filter(|e| {
                e["participants"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|x| x == id)
            })
            .cloned()
            .collect();
        assert_eq!(ids(&theirs.list(), "id"), ids(&expected, "id"), "{id}");
    }
}

#[tokio::test]
async fn unknown_people_are_404() {
    let app = TestApp::seeded().await;
    for path in [
        "/v1/people/nobody-at-all",
        "/v1/people/nobody-at-all/quotes",
        "/v1/people/nobody-at-all/events",
    ] {
        app.get(path).await.problem(StatusCode::NOT_FOUND);
    }
}

#[tokio::test]
async fn sub_lists_take_only_pagination() {
    let app = TestApp::seeded().await;
    let people = app.get("/v1/people?limit=1").await.list();
    // EXTRACTOR-DEPENDENT: needs one person in the seed article.
    let Some(p) = people.first() else {
        return;
    };
    let id = p["id"].as_str().unwrap();
    let paged = app
        .get(&format!("/v1/people/{id}/quotes?limit=1&offset=0"))
        .await;
    assert!(paged.list().len() <= 1);
    app.get(&format!("/v1/people/{id}/quotes?kind=direct"))
        .await
        .problem(StatusCode::BAD_REQUEST);
}
