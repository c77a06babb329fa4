//! `TestApp`: the real router over a fresh store, driven in-process with `oneshot`.
//!
//! The same file serves two test targets: `tests/api` runs the suite on the in-memory store,
//! `tests/api_pg` (which includes these modules by path) on PostgreSQL, each test in a
//! database of its own. The target is told apart by its crate name, so no test needs to know
//! which store it runs on.

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
use factline::store::ingest::ingest;
use factline::store::memory::MemoryStore;
use factline::store::postgres::{self, PgFactStore, PgOptions};
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

/// Whether this test target runs the suite on PostgreSQL (see the module doc).
pub fn on_postgres() -> bool {
    env!("CARGO_CRATE_NAME") == "api_pg"
}

pub struct TestApp {
    pub router: Router,
    /// The database of a PostgreSQL-backed app, dropped with it.
    pub db: Option<Arc<TestDb>>,
}

impl TestApp {
    /// The default server: the bundled seed article in an otherwise empty store.
    pub async fn seeded() -> Self {
        let mut app = Self::empty();
        if app.db.is_none() {
            let store = app::open_store(None, true).await.expect("seed loads");
            return Self::over(store, AppConfig::default());
        }
        let store = app.store();
        ingest(store.as_ref(), app::seed_input())
            .await
            .expect("seed loads");
        app.router = factline::router(AppState::new(store, AppConfig::default()));
        app
    }

    /// An empty store.
    pub fn empty() -> Self {
        Self::fresh(AppConfig::default())
    }

    /// An empty store with a bearer token.
    pub fn with_token(token: &str) -> Self {
        Self::fresh(AppConfig {
            token: ApiToken::new(token),
            ..AppConfig::default()
        })
    }

    /// An empty store of this target's kind.
    fn fresh(config: AppConfig) -> Self {
        if on_postgres() {
            let db = Arc::new(TestDb::create());
            let mut app = Self::over(db.store(), config);
            app.db = Some(db);
            app
        } else {
            Self::over(Arc::new(MemoryStore::new()), config)
        }
    }

    /// The store of a PostgreSQL-backed app, a second replica's view of the same database.
    fn store(&self) -> Arc<dyn FactStore> {
        self.db.as_ref().expect("a PostgreSQL app").store()
    }

    /// A durable store in `dir`, as a restarted server would open it.
    pub async fn durable(dir: &Path) -> Self {
        let store = DurableStore::open(dir).await.expect("data dir opens");
        Self::over(Arc::new(store), AppConfig::default())
    }

    pub fn over(store: Arc<dyn FactStore>, config: AppConfig) -> Self {
        TestApp {
            router: factline::router(AppState::new(store, config)),
            db: None,
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

/// A PostgreSQL database made for one test, migrated, and dropped when the last holder goes.
///
/// The server is `FACTLINE_TEST_DATABASE_URL` (default
/// `postgres://postgres@127.0.0.1:5432/postgres`, a role that may create databases); an
/// unreachable server fails the test, so CI cannot pass without running these.
#[derive(Debug)]
pub struct TestDb {
    admin_url: String,
    name: String,
    /// The URL of this test's database.
    pub url: String,
}

impl TestDb {
    /// Creates and migrates a fresh database. Blocking (it runs on a thread of its own, so
    /// it can be called from sync code inside a test's runtime).
    pub fn create() -> Self {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let admin_url = std::env::var("FACTLINE_TEST_DATABASE_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string());
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let name = format!(
            "factline_t_{}_{}_{nanos}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        );
        let (base, _) = admin_url
            .rsplit_once('/')
            .expect("FACTLINE_TEST_DATABASE_URL ends in /database");
        let url = format!("{base}/{name}");
        let db = TestDb {
            admin_url,
            name,
            url,
        };
        let (admin, name, url) = (db.admin_url.clone(), db.name.clone(), db.url.clone());
        on_own_runtime(async move {
            admin_exec(&admin, &format!("CREATE DATABASE {name}")).await?;
            postgres::migrate(&url).await.map_err(|e| e.to_string())
        })
        .unwrap_or_else(|e| {
            panic!(
                "PostgreSQL tests need a server at FACTLINE_TEST_DATABASE_URL \
                 (default postgres://postgres@127.0.0.1:5432/postgres): {e}"
            )
        });
        db
    }

    /// A new store (a new replica) on this database. Call inside a Tokio runtime.
    pub fn store(&self) -> Arc<dyn FactStore> {
        Arc::new(self.pg_store())
    }

    /// As [`TestDb::store`], with the concrete type.
    pub fn pg_store(&self) -> PgFactStore {
        PgFactStore::open_lazy(&PgOptions::new(self.url.clone())).expect("store opens")
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let (admin, name) = (self.admin_url.clone(), self.name.clone());
        let dropped = on_own_runtime(async move {
            admin_exec(
                &admin,
                &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"),
            )
            .await
        });
        if let Err(e) = dropped {
            eprintln!("could not drop test database {}: {e}", self.name);
        }
    }
}

fn on_own_runtime<T: Send + 'static>(
    work: impl std::future::Future<Output = Result<T, String>> + Send + 'static,
) -> Result<T, String> {
    std::thread::spawn(move || {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| e.to_string())?
            .block_on(work)
    })
    .join()
    .map_err(|_| "the database helper thread panicked".to_string())?
}

async fn admin_exec(admin_url: &str, sql: &str) -> Result<(), String> {
    use sqlx::{Connection, Executor};
    let mut conn = sqlx::PgConnection::connect(admin_url)
        .await
        .map_err(|e| e.to_string())?;
    // Only ever a statement built here around a generated database name.
    conn.execute(sqlx::AssertSqlSafe(sql.to_string()))
        .await
        .map_err(|e| e.to_string())?;
    conn.close().await.map_err(|e| e.to_string())
}
