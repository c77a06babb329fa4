//! `/v1/articles`: ingest, idempotency, listing order, pagination, read, delete.

use axum::http::StatusCode;
use serde_json::json;

use crate::support::{SPRINGFIELD, SPRINGFIELD_LATER, TestApp, ids};

#[tokio::test]
async fn the_seed_is_served_by_default() {
    let app = TestApp::seeded().await;
    let response = app.get("/v1/articles").await;
    let items = response.list();
    assert_eq!(response.total(), 1);
    let seed = &items[0];
    assert_eq!(seed["published_at"], "2025-08-15");
    assert_eq!(seed["time_zone"], "Europe/London");
    assert_eq!(seed["source"], "seed");
    assert!(seed.get("text").is_none(), "lists leave the text out");
    for count in ["people", "events", "quotes"] {
        assert!(seed["counts"][count].is_u64(), "{seed}");
    }
    let id = seed["id"].as_str().unwrap();
    // The title, and so the id, come from the first sentence.
    assert!(id.starts_with("donald-trump-and-vladimir-putin-"), "{id}");
    assert!(
        seed["title"]
            .as_str()
            .unwrap()
            .starts_with("Donald Trump and Vladimir Putin"),
        "{seed}"
    );
    let one = app.get(&format!("/v1/articles/{id}")).await;
    assert_eq!(one.status, StatusCode::OK);
    assert!(one.json()["text"].as_str().unwrap().len() > 1000);
}

#[tokio::test]
async fn post_creates_with_location_and_a_repeat_answers_200_with_the_same_article() {
    let app = TestApp::empty();
    let body = json!({"text": SPRINGFIELD, "published_at": "2025-08-15"});
    let first = app.post_json("/v1/articles", &body).await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text());
    let article = first.json();
    let id = article["id"].as_str().unwrap();
    assert_eq!(
        first.header("location"),
        Some(format!("/v1/articles/{id}").as_str())
    );
    assert_eq!(article["time_zone"], "UTC", "UTC is the default zone");
    assert_eq!(article["source"], serde_json::Value::Null);
    assert_eq!(article["text"], SPRINGFIELD);
    assert_eq!(
        article["title"], "\"We will win,\" said Jane Doe, the mayor of Springfield, on Monday.",
        "the first sentence stands in for a missing title"
    );
    assert!(id.starts_with("we-will-win-said-jane-doe-"), "{id}");

    // The same text and day, even written as a timestamp and with another title: same article.
    let again = app
        .post_json(
            "/v1/articles",
            &json!({"text": SPRINGFIELD, "published_at": "2025-08-15T09:30:00Z", "title": "Other"}),
        )
        .await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.text());
    assert_eq!(again.json()["id"], id);
    assert!(again.header("location").is_none());
    assert_eq!(app.get("/v1/articles").await.total(), 1);

    // Another day is another article.
    let other_day = app
        .post_json(
            "/v1/articles",
            &json!({"text": SPRINGFIELD, "published_at": "2025-08-16"}),
        )
        .await;
    assert_eq!(other_day.status, StatusCode::CREATED);
    assert_ne!(other_day.json()["id"], id);
}

#[tokio::test]
async fn ids_are_derived_from_content() {
    let one = TestApp::empty();
    let two = TestApp::empty();
    let a = one.ingest(SPRINGFIELD, "2025-08-15").await;
    let b = two.ingest(SPRINGFIELD, "2025-08-15").await;
    assert_eq!(a["id"], b["id"], "two servers give one article one id");
}

#[tokio::test]
async fn an_rfc3339_time_gives_its_date_in_the_article_zone() {
    let app = TestApp::empty();
    let response = app
        .post_json(
            "/v1/articles",
            &json!({
                "text": "Short text.",
                "published_at": "2025-08-15T02:00:00Z",
                "time_zone": "America/Anchorage",
            }),
        )
        .await;
    assert_eq!(response.status, StatusCode::CREATED);
    assert_eq!(response.json()["published_at"], "2025-08-14");
}

#[tokio::test]
async fn articles_are_newest_first_and_paginated() {
    let app = TestApp::seeded().await;
    app.ingest("First of three.", "2025-08-10").await;
    app.ingest("Second of three.", "2025-08-20").await;
    app.ingest("Third of three.", "2025-08-12").await;

    let all = app.get("/v1/articles").await;
    let items = all.list();
    assert_eq!(all.total(), 4);
    let dates: Vec<_> = items
        .iter()
        .map(|a| a["published_at"].as_str().unwrap())
        .collect();
    assert_eq!(
        dates,
        ["2025-08-20", "2025-08-15", "2025-08-12", "2025-08-10"]
    );

    let page1 = app.get("/v1/articles?limit=2").await;
    let page2 = app.get("/v1/articles?limit=2&offset=2").await;
    let past_end = app.get("/v1/articles?limit=2&offset=10").await;
    assert_eq!(page1.json()["limit"], 2);
    assert_eq!(page2.json()["offset"], 2);
    assert_eq!(page1.total(), 4);
    assert_eq!(page2.total(), 4);
    let mut paged = ids(&page1.list(), "id");
    paged.extend(ids(&page2.list(), "id"));
    assert_eq!(paged, ids(&items, "id"), "pages tile the list");
    assert!(past_end.list().is_empty());
    assert_eq!(past_end.total(), 4);
    assert_eq!(app.get("/v1/articles?limit=500").await.json()["limit"], 500);
    assert_eq!(app.get("/v1/articles").await.json()["limit"], 50);
}

#[tokio::test]
async fn delete_removes_the_article_and_its_facts() {
    let app = TestApp::empty();
    let a = app.ingest(SPRINGFIELD, "2025-08-15").await;
    let b = app.ingest(SPRINGFIELD_LATER, "2025-08-16").await;
    let id = a["id"].as_str().unwrap();
    let b_id = b["id"].as_str().unwrap();

    let deleted = app.delete(&format!("/v1/articles/{id}"), None).await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    assert!(deleted.body.is_empty());
    app.get(&format!("/v1/articles/{id}"))
        .await
        .problem(StatusCode::NOT_FOUND);
    app.delete(&format!("/v1/articles/{id}"), None)
        .await
        .problem(StatusCode::NOT_FOUND);

    // Nothing drawn from the deleted article is left.
    for list in ["/v1/people", "/v1/quotes", "/v1/events", "/v1/timeline"] {
        let filtered = app.get(&format!("{list}?article={id}")).await;
        assert_eq!(filtered.total(), 0, "{list}");
    }
    for person in app.get("/v1/people?limit=500").await.list() {
        let articles = person["article_ids"].as_array().unwrap();
        assert!(!articles.iter().any(|a| a == id), "{person}");
        assert!(articles.iter().any(|a| a == b_id), "{person}");
    }
    for quote in app.get("/v1/quotes?limit=500").await.list() {
        assert_eq!(quote["article_id"], b_id);
    }
}
