//! Any bytes as the JSON body of `POST /v1/articles`, through the real router (every
//! middleware layer, the JSON extractor, ingest and extraction): the answer is never a 5xx,
//! an error is always a problem document, and a 201 names the article it stored.
//!
//! One runtime and one app serve every input (building them per input would dominate the
//! run); each stored article is deleted again so the store stays small and every input meets
//! the same state.

#![no_main]

use std::sync::{Arc, OnceLock};

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, Response, StatusCode, header};
use factline::AppState;
use factline::config::AppConfig;
use factline::store::memory::MemoryStore;
use http_body_util::BodyExt;
use libfuzzer_sys::fuzz_target;
use tokio::runtime::Runtime;
use tower::ServiceExt;

struct Harness {
    runtime: Runtime,
    router: Router,
}

fn harness() -> &'static Harness {
    static HARNESS: OnceLock<Harness> = OnceLock::new();
    HARNESS.get_or_init(|| {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime starts");
        let state = AppState::new(Arc::new(MemoryStore::new()), AppConfig::default());
        Harness {
            runtime,
            router: factline::router(state),
        }
    })
}

fuzz_target!(|data: &[u8]| {
    let harness = harness();
    harness.runtime.block_on(post(&harness.router, data));
});

async fn post(router: &Router, body: &[u8]) {
    let request = Request::builder()
        .method(Method::POST)
        .uri("/v1/articles")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_vec()))
        .expect("a request");
    let (status, response) = send(router, request).await;
    assert!(
        !status.is_server_error(),
        "POST answered {status}: {}",
        String::from_utf8_lossy(&response)
    );
    if status.is_client_error() {
        let problem: serde_json::Value =
            serde_json::from_slice(&response).expect("an error body is JSON");
        assert_eq!(problem["status"], status.as_u16(), "{problem}");
        return;
    }
    let article: serde_json::Value =
        serde_json::from_slice(&response).expect("an article body is JSON");
    let id = article["id"].as_str().expect("an article has an id");
    if status == StatusCode::CREATED {
        let delete = Request::builder()
            .method(Method::DELETE)
            .uri(format!("/v1/articles/{id}"))
            .body(Body::empty())
            .expect("a request");
        let (deleted, _) = send(router, delete).await;
        assert_eq!(
            deleted,
            StatusCode::NO_CONTENT,
            "the stored article deletes"
        );
    }
}

async fn send(router: &Router, request: Request<Body>) -> (StatusCode, Vec<u8>) {
    let response: Response<Body> = router
        .clone()
        .oneshot(request)
        .await
        .expect("the router is infallible");
    let status = response.status();
    if status.is_client_error() || status.is_server_error() {
        let content_type = response
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        assert_eq!(content_type, "application/problem+json", "{status}");
    }
    let body = response
        .into_body()
        .collect()
        .await
        .expect("the body reads")
        .to_bytes()
        .to_vec();
    (status, body)
}
