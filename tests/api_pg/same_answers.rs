//! The PostgreSQL store answers exactly as the memory store does: the annotated corpus is
//! posted to both, and every list (with each kind of filter, and paged), single item and
//! export must be byte-identical, before and after deletions.

use std::collections::BTreeSet;
use std::path::Path;

use axum::http::StatusCode;
use factline::store::memory::MemoryStore;
use serde_json::Value;

use crate::support::{TestApp, TestDb};

async fn post_corpus(app: &TestApp) -> Vec<String> {
    let mut ids = Vec::new();
    for a in factline::eval::read_dir(Path::new("tests/corpus")).unwrap() {
        let r = app
            .post_json(
                "/v1/articles",
                &serde_json::json!({
                    "text": a.text,
                    "published_at": a.gold.published_at,
                    "time_zone": a.gold.time_zone,
                }),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        ids.push(r.json()["id"].as_str().unwrap().to_string());
    }
    ids
}

fn strings(items: &Value, key: &str) -> Vec<String> {
    items["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i[key].as_str().map(str::to_string))
        .collect()
}

/// Query strings worth comparing, taken from what the store holds.
async fn questions(app: &TestApp, articles: &[String]) -> Vec<String> {
    let mut uris: Vec<String> = [
        "/v1/articles?limit=500",
        "/v1/articles?limit=3&offset=2",
        "/v1/articles?offset=1000",
        "/v1/people?limit=500",
        "/v1/people?limit=7&offset=5",
        "/v1/people?q=mr&limit=500",
        "/v1/people?q=MINISTER&limit=4&offset=1",
        "/v1/people?role=president&limit=500",
        "/v1/people?role=minister&q=a&limit=500",
        "/v1/people?q=%25&limit=500",
        "/v1/quotes?limit=500",
        "/v1/quotes?limit=5&offset=3",
        "/v1/quotes?kind=direct&limit=500",
        "/v1/quotes?kind=reported&limit=3&offset=2",
        "/v1/quotes?q=the%20will&limit=500",
        "/v1/quotes?q=%22We%22&limit=2&offset=1",
        "/v1/events?limit=500",
        "/v1/events?limit=4&offset=4",
        "/v1/events?place=london&limit=500",
        "/v1/events?q=meeting&limit=500",
        "/v1/events?q=talks%20summit&limit=500",
        "/v1/events?from=2025-03-12&limit=500",
        "/v1/events?to=2025-03-12&limit=500",
        "/v1/events?from=2025-01-01T12:00:00Z&to=2025-12-31&limit=500",
        "/v1/events?from=0000-01-01&limit=500",
        "/v1/timeline?limit=500",
        "/v1/timeline?limit=3&offset=3",
        "/v1/timeline?from=2025-03-10&to=2025-03-20&limit=500",
        "/v1/timeline?place=washington&limit=500",
        "/v1/timeline?format=ics",
        "/v1/timeline?format=timelinejs",
        "/v1/quotes/none",
        "/v1/people/none",
        "/v1/events/none",
    ]
    .map(str::to_string)
    .to_vec();
    let people = app.get("/v1/people?limit=500").await.json();
    let quotes = app.get("/v1/quotes?limit=500").await.json();
    let events = app.get("/v1/events?limit=500").await.json();
    for id in strings(&people, "id").iter().take(12) {
        uris.push(format!("/v1/people/{id}"));
        uris.push(format!("/v1/events?participant={id}&limit=500"));
        uris.push(format!("/v1/quotes?speaker={id}&limit=500"));
        uris.push(format!("/v1/timeline?participant={id}&limit=500"));
        uris.push(format!("/v1/people/{id}/quotes"));
        uris.push(format!("/v1/people/{id}/events"));
    }
    for a in articles.iter().take(6) {
        uris.push(format!("/v1/articles/{a}"));
        uris.push(format!("/v1/people?article={a}&limit=500"));
        uris.push(format!("/v1/quotes?article={a}&limit=500"));
        uris.push(format!("/v1/events?article={a}&limit=500"));
        uris.push(format!("/v1/timeline?article={a}"));
    }
    for id in strings(&quotes, "id").iter().take(8) {
        uris.push(format!("/v1/quotes/{id}"));
    }
    for id in strings(&events, "id").iter().take(8) {
        uris.push(format!("/v1/events/{id}"));
    }
    let places: BTreeSet<String> = events["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["place"]["name"].as_str())
        .map(|p| p.split_whitespace().next().unwrap_or("").to_lowercase())
        .collect();
    for p in places.iter().take(6) {
        uris.push(format!("/v1/events?place={p}&limit=500"));
    }
    uris
}

async fn assert_same(memory: &TestApp, pg: &TestApp, uris: &[String]) {
    for uri in uris {
        let (m, p) = (memory.get(uri).await, pg.get(uri).await);
        assert_eq!(m.status, p.status, "{uri}");
        assert!(
            m.body == p.body,
            "{uri} differs:\nmemory:   {}\npostgres: {}",
            m.text(),
            p.text()
        );
    }
}

#[tokio::test]
async fn the_corpus_reads_the_same_from_both_stores() {
    let memory = TestApp::over(
        std::sync::Arc::new(MemoryStore::new()),
        factline::config::AppConfig::default(),
    );
    let db = std::sync::Arc::new(TestDb::create());
    let mut pg = TestApp::over(db.store(), factline::config::AppConfig::default());
    pg.db = Some(db);
    let articles = post_corpus(&memory).await;
    assert_eq!(post_corpus(&pg).await, articles, "same ids");
    assert!(articles.len() > 10);

    let uris = questions(&memory, &articles).await;
    assert!(uris.len() > 100);
    assert_same(&memory, &pg, &uris).await;

    for gone in articles.iter().step_by(4) {
        let uri = format!("/v1/articles/{gone}");
        assert_eq!(
            memory.delete(&uri, None).await.status,
            StatusCode::NO_CONTENT
        );
        assert_eq!(pg.delete(&uri, None).await.status, StatusCode::NO_CONTENT);
    }
    let uris = questions(&memory, &articles).await;
    assert_same(&memory, &pg, &uris).await;
}
