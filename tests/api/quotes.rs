//! `/v1/quotes`: shape, filters and single quotes.

use axum::http::StatusCode;
use serde_json::Value;

use crate::people::assert_filter;
use crate::support::{SPRINGFIELD, SPRINGFIELD_LATER, TestApp};

fn words_in(text: &Value, words: &str) -> bool {
    let text = text.as_str().unwrap_or("").to_lowercase();
    words
        .split_whitespace()
        .all(|w| text.contains(&w.to_lowercase()))
}

#[tokio::test]
async fn quotes_have_the_contract_shape() {
    let app = TestApp::seeded().await;
    app.ingest(SPRINGFIELD, "2025-08-15").await;
    for q in app.get("/v1/quotes?limit=500").await.list() {
        for field in ["id", "article_id", "text"] {
            assert!(q[field].is_string(), "{q}");
        }
        assert!(q["kind"] == "direct" || q["kind"] == "reported", "{q}");
        assert!(
            q["speaker_id"].is_string() || q["speaker_id"].is_null(),
            "{q}"
        );
        let ev = &q["evidence"];
        let (start, end) = (ev["start"].as_u64().unwrap(), ev["end"].as_u64().unwrap());
        assert!(start <= end, "{q}");
        let article = app
            .get(&format!(
                "/v1/articles/{}",
                q["article_id"].as_str().unwrap()
            ))
            .await
            .json();
        let text: Vec<char> = article["text"].as_str().unwrap().chars().collect();
        assert!(end as usize <= text.len(), "offsets count code points: {q}");
        let one = app
            .get(&format!("/v1/quotes/{}", q["id"].as_str().unwrap()))
            .await;
        assert_eq!(one.status, StatusCode::OK);
        assert_eq!(one.json(), q);
    }
}

#[tokio::test]
async fn quote_filters_follow_the_contract_and_combine() {
    let app = TestApp::seeded().await;
    let a = app.ingest(SPRINGFIELD, "2025-08-15").await;
    app.ingest(SPRINGFIELD_LATER, "2025-08-16").await;
    let a = a["id"].as_str().unwrap().to_string();
    assert_filter(&app, "/v1/quotes", &format!("article={a}"), |q| {
        q["article_id"] == a.as_str()
    })
    .await;
    assert_filter(&app, "/v1/quotes", "kind=direct", |q| q["kind"] == "direct").await;
    assert_filter(&app, "/v1/quotes", "kind=reported", |q| {
        q["kind"] == "reported"
    })
    .await;
    assert_filter(&app, "/v1/quotes", "q=WILL%20win", |q| {
        words_in(&q["text"], "will win")
    })
    .await;
    assert_filter(&app, "/v1/quotes", "q=the", |q| words_in(&q["text"], "the")).await;
    let speakers: Vec<String> = app
        .get("/v1/quotes?limit=500")
        .await
        .list()
        .iter()
        .filter_map(|q| q["speaker_id"].as_str().map(str::to_string))
        .collect();
    for s in speakers.iter().take(3) {
        assert_filter(
            &app,
            "/v1/quotes",
            &format!("speaker={s}&kind=direct"),
            |q| q["speaker_id"] == s.as_str() && q["kind"] == "direct",
        )
        .await;
    }
    assert_eq!(app.get("/v1/quotes?speaker=nobody").await.total(), 0);
}

#[tokio::test]
async fn the_direct_quote_of_the_test_article_is_found() {
    let app = TestApp::empty();
    app.ingest(SPRINGFIELD, "2025-08-15").await;
    let quotes = app.get("/v1/quotes?kind=direct&q=win").await.list();
    // EXTRACTOR-DEPENDENT: the lead tightens this once the quote extractor lands.
    if let Some(q) = quotes.first() {
        assert!(
            q["text"].as_str().unwrap().starts_with("We will win"),
            "{q}"
        );
        assert!(
            !q["text"].as_str().unwrap().contains('"'),
            "quotation marks are not part of the text: {q}"
        );
    }
}

#[tokio::test]
async fn unknown_quote_is_404_and_bad_kind_is_400() {
    let app = TestApp::seeded().await;
    app.get("/v1/quotes/no-such-quote")
        .await
        .problem(StatusCode::NOT_FOUND);
    app.get("/v1/quotes?kind=shouted")
        .await
        .problem(StatusCode::BAD_REQUEST);
}
