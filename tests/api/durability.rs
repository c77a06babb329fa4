//! `--data-dir`: accepted articles and deletions survive a restart.

use axum::http::StatusCode;

use crate::support::{SPRINGFIELD, SPRINGFIELD_LATER, TestApp};

#[tokio::test]
async fn articles_and_deletions_survive_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let (kept, dropped, facts_before) = {
        let app = TestApp::durable(dir.path()).await;
        let kept = app.ingest(SPRINGFIELD, "2025-08-15").await;
        let dropped = app.ingest(SPRINGFIELD_LATER, "2025-08-16").await;
        let dropped_id = dropped["id"].as_str().unwrap().to_string();
        assert_eq!(
            app.delete(&format!("/v1/articles/{dropped_id}"), None)
                .await
                .status,
            StatusCode::NO_CONTENT
        );
        let facts = app.get("/v1/people?limit=500").await.json();
        (kept, dropped_id, facts)
    };

    let restarted = TestApp::durable(dir.path()).await;
    let id = kept["id"].as_str().unwrap();
    let again = restarted.get(&format!("/v1/articles/{id}")).await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json(), kept, "same id, text, date, zone and counts");
    restarted
        .get(&format!("/v1/articles/{dropped}"))
        .await
        .problem(StatusCode::NOT_FOUND);
    assert_eq!(restarted.get("/v1/articles").await.total(), 1);
    assert_eq!(
        restarted.get("/v1/people?limit=500").await.json(),
        facts_before,
        "facts are extracted again, identically"
    );
    // A repeat after the restart is still recognised.
    let repeat = restarted
        .post_json(
            "/v1/articles",
            &serde_json::json!({"text": SPRINGFIELD, "published_at": "2025-08-15"}),
        )
        .await;
    assert_eq!(repeat.status, StatusCode::OK);
    assert_eq!(repeat.json()["id"], id);
}
