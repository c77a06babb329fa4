//! ETag and 304, CORS, compression, request ids, metrics, health and readiness.

use std::io::Read;
use std::sync::Arc;

use axum::http::StatusCode;
use factline::config::AppConfig;
use factline::store::durable::DurableStore;

use crate::support::TestApp;

#[tokio::test]
async fn gets_carry_a_strong_etag_and_if_none_match_answers_304() {
    let app = TestApp::seeded().await;
    for uri in [
        "/v1/articles",
        "/v1/people",
        "/v1/timeline?format=ics",
        "/openapi.json",
    ] {
        let first = app.get(uri).await;
        let tag = first.header("etag").expect("ETag").to_string();
        assert!(tag.starts_with('"') && tag.ends_with('"'), "strong: {tag}");
        let again = app.get_with(uri, &[("if-none-match", &tag)]).await;
        assert_eq!(again.status, StatusCode::NOT_MODIFIED, "{uri}");
        assert!(again.body.is_empty());
        assert_eq!(again.header("etag"), Some(tag.as_str()));
        let other = app
            .get_with(uri, &[("if-none-match", "\"something-else\"")])
            .await;
        assert_eq!(other.status, StatusCode::OK);
        assert_eq!(other.body, first.body);
    }
}

#[tokio::test]
async fn the_etag_changes_when_the_data_does() {
    let app = TestApp::seeded().await;
    let before = app
        .get("/v1/articles")
        .await
        .header("etag")
        .unwrap()
        .to_string();
    app.ingest("A new article appears.", "2025-08-20").await;
    let after = app
        .get_with("/v1/articles", &[("if-none-match", &before)])
        .await;
    assert_eq!(after.status, StatusCode::OK);
    assert_ne!(after.header("etag"), Some(before.as_str()));
}

#[tokio::test]
async fn cors_allows_any_origin_to_read() {
    let app = TestApp::seeded().await;
    let response = app
        .get_with("/v1/people", &[("origin", "https://example.org")])
        .await;
    assert_eq!(response.header("access-control-allow-origin"), Some("*"));
    let exposed = response
        .header("access-control-expose-headers")
        .unwrap()
        .to_lowercase();
    assert!(exposed.contains("etag"), "{exposed}");

    let preflight = axum::http::Request::builder()
        .method("OPTIONS")
        .uri("/v1/events")
        .header("origin", "https://example.org")
        .header("access-control-request-method", "GET")
        .body(axum::body::Body::empty())
        .unwrap();
    let response = app.send(preflight).await;
    assert!(response.status.is_success());
    assert!(
        response
            .header("access-control-allow-methods")
            .unwrap()
            .contains("GET")
    );
}

#[tokio::test]
async fn responses_are_compressed_when_asked() {
    let app = TestApp::seeded().await;
    let identity = app.get("/openapi.json").await;
    assert!(identity.header("content-encoding").is_none());
    let gz = app
        .get_with("/openapi.json", &[("accept-encoding", "gzip")])
        .await;
    assert_eq!(gz.status, StatusCode::OK);
    assert_eq!(gz.header("content-encoding"), Some("gzip"));
    assert!(
        gz.header("vary")
            .unwrap()
            .to_lowercase()
            .contains("accept-encoding")
    );
    let mut unzipped = Vec::new();
    flate2::read::GzDecoder::new(&gz.body[..])
        .read_to_end(&mut unzipped)
        .unwrap();
    assert_eq!(unzipped, identity.body.to_vec());
    assert_ne!(
        gz.header("etag"),
        identity.header("etag"),
        "each encoding has its own tag"
    );

    let br = app
        .get_with("/v1/articles", &[("accept-encoding", "br")])
        .await;
    assert_eq!(br.header("content-encoding"), Some("br"));
}

#[tokio::test]
async fn request_ids_are_generated_or_propagated() {
    let app = TestApp::seeded().await;
    let generated = app.get("/health").await;
    let id = generated.header("x-request-id").expect("generated id");
    assert!(id.len() >= 16, "{id}");
    let other = app.get("/health").await;
    assert_ne!(other.header("x-request-id"), Some(id));
    let given = app
        .get_with("/v1/people", &[("x-request-id", "abc-123")])
        .await;
    assert_eq!(given.header("x-request-id"), Some("abc-123"));
}

#[tokio::test]
async fn metrics_count_requests_by_route_template() {
    let app = TestApp::seeded().await;
    app.get("/v1/people/someone").await;
    app.get("/v1/people/someone-else").await;
    app.get("/v1/articles").await;
    app.get("/no/such/path").await;
    let metrics = app.get("/metrics").await;
    assert_eq!(metrics.status, StatusCode::OK);
    assert!(
        metrics
            .header("content-type")
            .unwrap()
            .starts_with("text/plain")
    );
    let text = metrics.text();
    let line = text
        .lines()
        .find(|l| {
            l.starts_with("http_requests_total{")
                && l.contains("route=\"/v1/people/{id}\"")
                && l.contains("status=\"404\"")
        })
        .unwrap_or_else(|| panic!("no counter for the template: {text}"));
    assert!(line.ends_with(" 2"), "{line}");
    assert!(text.contains("route=\"/v1/articles\""), "{text}");
    assert!(text.contains("route=\"unmatched\""), "{text}");
    assert!(
        text.contains("http_request_duration_seconds_bucket{"),
        "{text}"
    );
    assert!(!text.contains("someone"), "raw paths are not labels");
}

#[tokio::test]
async fn health_and_readiness() {
    let app = TestApp::seeded().await;
    let health = app.get("/health").await;
    assert_eq!(health.status, StatusCode::OK);
    assert_eq!(health.json()["status"], "ok");
    let ready = app.get("/ready").await;
    assert_eq!(ready.status, StatusCode::OK);
    assert_eq!(ready.json()["status"], "ready");

    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let store = DurableStore::open(&data).await.unwrap();
    let app = TestApp::over(Arc::new(store), AppConfig::default());
    assert_eq!(app.get("/ready").await.status, StatusCode::OK);
    std::fs::remove_dir_all(&data).unwrap();
    let p = app
        .get("/ready")
        .await
        .problem(StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(p["type"], "urn:factline:problem:not-ready");
    assert_eq!(
        app.get("/health").await.status,
        StatusCode::OK,
        "liveness is not readiness"
    );
}
