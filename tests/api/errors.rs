//! Every error status of the contract, each as a problem document.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use serde_json::json;

use crate::support::TestApp;

#[tokio::test]
async fn unprocessable_articles_are_422() {
    let app = TestApp::empty();
    for (body, why) in [
        (json!({"published_at": "2025-08-15"}), "missing text"),
        (json!({"text": "Some text."}), "missing published_at"),
        (
            json!({"text": "   \n ", "published_at": "2025-08-15"}),
            "blank text",
        ),
        (
            json!({"text": "", "published_at": "2025-08-15"}),
            "empty text",
        ),
        (
            json!({"text": "Some text.", "published_at": "2025-02-30"}),
            "impossible date",
        ),
        (
            json!({"text": "Some text.", "published_at": "15 August 2025"}),
            "not ISO",
        ),
        (
            json!({"text": "Some text.", "published_at": "2025-08-15", "time_zone": "Mars/Olympus"}),
            "unknown zone",
        ),
        (
            json!({"text": 42, "published_at": "2025-08-15"}),
            "wrong type",
        ),
        (
            json!({"text": "Some text.", "published_at": "2025-08-15", "body": "x"}),
            "unknown field",
        ),
        (json!(["text"]), "not an object"),
    ] {
        let response = app.post_json("/v1/articles", &body).await;
        let p = response.problem(StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(p["type"], "urn:factline:problem:invalid-article", "{why}");
    }
    assert_eq!(
        app.get("/v1/articles").await.total(),
        0,
        "nothing was stored"
    );
}

#[tokio::test]
async fn malformed_json_is_400_and_wrong_media_type_415() {
    let app = TestApp::empty();
    app.post_raw(
        "/v1/articles",
        Some("application/json"),
        "{\"text\": ",
        None,
    )
    .await
    .problem(StatusCode::BAD_REQUEST);
    app.post_raw("/v1/articles", Some("text/plain"), "{}", None)
        .await
        .problem(StatusCode::UNSUPPORTED_MEDIA_TYPE);
    app.post_raw("/v1/articles", None, "{}", None)
        .await
        .problem(StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

#[tokio::test]
async fn bodies_over_1_mib_are_413() {
    let app = TestApp::empty();
    let text = "word ".repeat(220_000);
    let body = json!({"text": text, "published_at": "2025-08-15"}).to_string();
    assert!(body.len() > 1024 * 1024);
    // Read while streaming: a body with no Content-Length is cut off at the limit.
    app.post_raw("/v1/articles", Some("application/json"), body.clone(), None)
        .await
        .problem(StatusCode::PAYLOAD_TOO_LARGE);
    // Refused up front: the declared Content-Length is already over.
    let request = Request::builder()
        .method(Method::POST)
        .uri("/v1/articles")
        .header("content-type", "application/json")
        .header("content-length", body.len().to_string())
        .body(Body::from(body))
        .unwrap();
    app.send(request)
        .await
        .problem(StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(app.get("/v1/articles").await.total(), 0);
}

#[tokio::test]
async fn bad_query_parameters_are_400() {
    let app = TestApp::seeded().await;
    for uri in [
        "/v1/articles?limit=0",
        "/v1/articles?limit=501",
        "/v1/articles?limit=ten",
        "/v1/articles?offset=-1",
        "/v1/articles?sort=title",
        "/v1/people?name=x",
        "/v1/people?limit=-5",
        "/v1/quotes?kind=whispered",
        "/v1/quotes?speaker=a&colour=red",
        "/v1/events?when=today",
        "/v1/timeline?tz=Nowhere/City",
        "/v1/timeline?format=xml",
        "/v1/people/x/quotes?limit=0",
    ] {
        let p = app.get(uri).await.problem(StatusCode::BAD_REQUEST);
        assert_eq!(p["type"], "urn:factline:problem:bad-request", "{uri}");
    }
}

#[tokio::test]
async fn unknown_ids_and_paths_are_404() {
    let app = TestApp::seeded().await;
    for uri in [
        "/v1/articles/nope",
        "/v1/people/nope",
        "/v1/quotes/nope",
        "/v1/events/nope",
        "/v1/nothing-here",
        "/v2/articles",
        "/",
        "/docs/no-such-asset.js",
    ] {
        let p = app.get(uri).await.problem(StatusCode::NOT_FOUND);
        assert_eq!(p["type"], "urn:factline:problem:not-found", "{uri}");
    }
}

#[tokio::test]
async fn wrong_methods_are_405_problems() {
    let app = TestApp::seeded().await;
    for (method, uri) in [
        (Method::PUT, "/v1/articles"),
        (Method::PATCH, "/v1/articles/x"),
        (Method::POST, "/v1/people"),
        (Method::DELETE, "/v1/timeline"),
        (Method::POST, "/health"),
    ] {
        let request = Request::builder()
            .method(method.clone())
            .uri(uri)
            .body(Body::empty())
            .unwrap();
        let response = app.send(request).await;
        response.problem(StatusCode::METHOD_NOT_ALLOWED);
        assert!(
            response.header("allow").is_some(),
            "{method} {uri} keeps Allow"
        );
    }
}

/// A store whose storage has failed: every call errs, with a cause a client must not see.
struct BrokenStore;

fn broken<T>() -> factline::store::StoreResult<T> {
    Err(factline::store::StoreError::Storage(
        "disk /var/secret/path is on fire".into(),
    ))
}

#[async_trait::async_trait]
impl factline::store::FactStore for BrokenStore {
    async fn insert_article(
        &self,
        _: factline::store::NewArticle,
    ) -> factline::store::StoreResult<factline::store::Inserted> {
        broken()
    }
    async fn find_by_content(
        &self,
        _: &str,
    ) -> factline::store::StoreResult<Option<factline::store::Article>> {
        broken()
    }
    async fn delete_article(&self, _: &str) -> factline::store::StoreResult<()> {
        broken()
    }
    async fn list_articles(
        &self,
        _: factline::store::Page,
    ) -> factline::store::StoreResult<factline::store::Listing<factline::store::Article>> {
        broken()
    }
    async fn get_article(&self, _: &str) -> factline::store::StoreResult<factline::store::Article> {
        broken()
    }
    async fn list_people(
        &self,
        _: &factline::store::PersonFilter,
        _: factline::store::Page,
    ) -> factline::store::StoreResult<factline::store::Listing<factline::model::Person>> {
        broken()
    }
    async fn get_person(&self, _: &str) -> factline::store::StoreResult<factline::model::Person> {
        broken()
    }
    async fn list_quotes(
        &self,
        _: &factline::store::QuoteFilter,
        _: factline::store::Page,
    ) -> factline::store::StoreResult<factline::store::Listing<factline::model::Quote>> {
        broken()
    }
    async fn get_quote(&self, _: &str) -> factline::store::StoreResult<factline::model::Quote> {
        broken()
    }
    async fn list_events(
        &self,
        _: &factline::store::EventFilter,
        _: factline::store::Page,
    ) -> factline::store::StoreResult<factline::store::Listing<factline::model::Event>> {
        broken()
    }
    async fn get_event(&self, _: &str) -> factline::store::StoreResult<factline::model::Event> {
        broken()
    }
    async fn timeline(
        &self,
        _: &factline::store::EventFilter,
        _: factline::store::Page,
    ) -> factline::store::StoreResult<factline::store::Listing<factline::store::TimelineEntry>>
    {
        broken()
    }
    fn version(&self) -> u64 {
        0
    }
    async fn ready(&self) -> factline::store::StoreResult<()> {
        Ok(())
    }
}

#[tokio::test]
async fn a_storage_failure_is_a_500_that_tells_nothing_internal() {
    let app = TestApp::over(
        std::sync::Arc::new(BrokenStore),
        factline::config::AppConfig::default(),
    );
    for uri in ["/v1/articles", "/v1/people/x", "/v1/timeline?format=ics"] {
        let response = app.get(uri).await;
        let p = response.problem(StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!response.text().contains("secret"), "{uri}: {p}");
        assert!(response.header("etag").is_none(), "errors carry no ETag");
    }
    let post = app
        .post_json(
            "/v1/articles",
            &json!({"text": "Some text.", "published_at": "2025-08-15"}),
        )
        .await;
    post.problem(StatusCode::INTERNAL_SERVER_ERROR);
    // Client input is still judged before storage is touched.
    app.post_json(
        "/v1/articles",
        &json!({"text": "", "published_at": "2025-08-15"}),
    )
    .await
    .problem(StatusCode::UNPROCESSABLE_ENTITY);
}
