//! The bearer token on writes.

use axum::http::StatusCode;
use serde_json::json;

use crate::support::TestApp;

const TOKEN: &str = "test-token-123";

#[tokio::test]
async fn writes_need_the_token_and_reads_do_not() {
    let app = TestApp::with_token(TOKEN);
    let body = json!({"text": "Jane Doe spoke.", "published_at": "2025-08-15"}).to_string();
    for token in [None, Some("wrong"), Some("test-token-12"), Some("")] {
        let response = app
            .post_raw(
                "/v1/articles",
                Some("application/json"),
                body.clone(),
                token,
            )
            .await;
        response.problem(StatusCode::UNAUTHORIZED);
        assert!(
            response
                .header("www-authenticate")
                .unwrap()
                .starts_with("Bearer")
        );
    }
    let created = app
        .post_raw("/v1/articles", Some("application/json"), body, Some(TOKEN))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text());
    let location = created.header("location").unwrap().to_string();

    assert_eq!(
        app.get(&location).await.status,
        StatusCode::OK,
        "reads are open"
    );
    app.delete(&location, None)
        .await
        .problem(StatusCode::UNAUTHORIZED);
    app.delete(&location, Some("wrong"))
        .await
        .problem(StatusCode::UNAUTHORIZED);
    assert_eq!(
        app.delete(&location, Some(TOKEN)).await.status,
        StatusCode::NO_CONTENT
    );
}

#[tokio::test]
async fn the_token_is_checked_before_the_body_is_read() {
    let app = TestApp::with_token(TOKEN);
    // Oversized, not JSON, and malformed bodies all get 401 first: nothing is read.
    let huge = "x".repeat(2 * 1024 * 1024);
    app.post_raw("/v1/articles", Some("application/json"), huge, None)
        .await
        .problem(StatusCode::UNAUTHORIZED);
    app.post_raw("/v1/articles", Some("text/plain"), "hi", None)
        .await
        .problem(StatusCode::UNAUTHORIZED);
    app.post_raw("/v1/articles", Some("application/json"), "{", None)
        .await
        .problem(StatusCode::UNAUTHORIZED);
}
