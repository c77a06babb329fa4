//! `TestApp`: the real router over a fresh store, driven in-process with `oneshot`.

use std::path::Path;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use bytes::Bytes;
use factline::app::{self, AppState};
use factline::config::{ApiToken, AppConfig};
use factline::store::FactStore;
use factline::store::durable::DurableStore;
use factline::store::memory::MemoryStore;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

/// A small article written for these tests: a named person with an office, a direct quote,
/// a meeting with a day and a clock time, a place.
pub const SPRINGFIELD: &str = "\"We will win,\" said Jane Doe, the mayor of Springfield, on Monday.\n\
Ms Doe will meet Governor John Roe in Springfield on Friday at 3pm local time.\n\
Mr Roe said the talks would be difficult.\n";

/// A second article mentioning the same person, published a day later.
pub const SPRINGFIELD_LATER: &str = "Jane Doe, the mayor of Springfield, said on Tuesday that \
the vote would be close. \"Every ballot counts,\" Ms Doe said.\n";

pub struct TestApp {
    pub router: Router,
}

impl TestApp {
    /// The default server: in-memory store with the bundled seed article.
    pub async fn seeded() -> Self {
        let store = app::open_store(None, true).await.expect("seed loads");
        Self::over(store, AppConfig::default())
    }

    /// An empty in-memory store.
    pub fn empty() -> Self {
        Self::over(Arc::new(MemoryStore::new()), AppConfig::default())
    }

    /// An empty store with a bearer token.
    pub fn with_token(token: &str) -> Self {
        let config = AppConfig {
            token: ApiToken::new(token),
            ..AppConfig::default()
        };
        Self::over(Arc::new(MemoryStore::new()), config)
    }

    /// A durable store in `dir`, as a restarted server would open it.
    pub async fn durable(dir: &Path) -> Self {
        let store = DurableStore::open(dir).await.expect("data dir opens");
        Self::over(Arc::new(store), AppConfig::default())
    }

    pub fn over(store: Arc<dyn FactStore>, config: AppConfig) -> Self {
        TestApp {
            router: factline::router(AppState::new(store, config)),
        }
    }

    pub async fn send(&self, request: Request<Body>) -> TestResponse {
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("the router is infallible");
        let (parts, body) = response.into_parts();
        let body = body.collect().await.expect("body reads").to_bytes();
        TestResponse {
            status: parts.status,
            headers: parts.headers,
            body,
        }
    }

    pub async fn get(&self, uri: &str) -> TestResponse {
        self.send(
            request(Method::GET, uri)
                .body(Body::empty())
                .expect("request"),
        )
        .await
    }

    pub async fn get_with(&self, uri: &str, headers: &[(&str, &str)]) -> TestResponse {
        let mut builder = request(Method::GET, uri);
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        self.send(builder.body(Body::empty()).expect("request"))
            .await
    }

    pub async fn post_json(&self, uri: &str, body: &Value) -> TestResponse {
        self.post_raw(uri, Some("application/json"), body.to_string(), None)
            .await
    }

    pub async fn post_raw(
        &self,
        uri: &str,
        content_type: Option<&str>,
        body: impl Into<Body>,
        token: Option<&str>,
    ) -> TestResponse {
        let mut builder = request(Method::POST, uri);
        if let Some(ct) = content_type {
            builder = builder.header(header::CONTENT_TYPE, ct);
        }
        if let Some(t) = token {
            builder = builder.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        self.send(builder.body(body.into()).expect("request")).await
    }

    pub async fn delete(&self, uri: &str, token: Option<&str>) -> TestResponse {
        let mut builder = request(Method::DELETE, uri);
        if let Some(t) = token {
            builder = builder.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        self.send(builder.body(Body::empty()).expect("request"))
            .await
    }

    /// POSTs an article and returns the response, which must be 201.
    pub async fn ingest(&self, text: &str, published_at: &str) -> Value {
        let response = self
            .post_json(
                "/v1/articles",
                &serde_json::json!({
                    "text": text,
                    "published_at": published_at,
                    "time_zone": "America/Chicago",
                    "source": "test",
                }),
            )
            .await;
        assert_eq!(response.status, StatusCode::CREATED, "{}", response.text());
        response.json()
    }
}

fn request(method: Method, uri: &str) -> axum::http::request::Builder {
    Request::builder().method(method).uri(uri)
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl TestResponse {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Asserts a problem document with `status` and returns it.
    pub fn problem(&self, status: StatusCode) -> Value {
        assert_eq!(self.status, status, "{}", self.text());
        assert_eq!(
            self.header("content-type"),
            Some("application/problem+json"),
            "{}",
            self.text()
        );
        let p = self.json();
        assert_eq!(p["status"], status.as_u16());
        for field in ["type", "title", "detail"] {
            assert!(p[field].is_string(), "problem without {field}: {p}");
        }
        p
    }

    /// Asserts the list shape and returns the items.
    pub fn list(&self) -> Vec<Value> {
        assert_eq!(self.status, StatusCode::OK, "{}", self.text());
        let v = self.json();
        assert!(v["total"].is_u64(), "{v}");
        assert!(v["limit"].is_u64(), "{v}");
        assert!(v["offset"].is_u64(), "{v}");
        let items = v["items"].as_array().expect("items is an array").clone();
        assert!(items.len() as u64 <= v["total"].as_u64().unwrap_or(0));
        items
    }

    pub fn total(&self) -> u64 {
        self.json()["total"].as_u64().expect("total")
    }
}

/// The ids of a list's items, under `key`.
pub fn ids(items: &[Value], key: &str) -> Vec<String> {
    items
        .iter()
        .map(|i| i[key].as_str().expect("id is a string").to_string())
        .collect()
}
