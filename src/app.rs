//! Glue between the configuration, the store and the router: the shared [`AppState`], store
//! start-up (with the bundled seed article), logging set-up, the server entry point tests can
//! call with their own listener, and the client side of `factline healthcheck`.

use std::future::Future;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::Semaphore;

use crate::config::{AppConfig, LogFormat};
use crate::http::cache::ResponseCache;
use crate::http::middleware::HttpMetrics;
use crate::store::durable::DurableStore;
use crate::store::ingest::{ArticleInput, IngestError, ingest};
use crate::store::memory::MemoryStore;
use crate::store::postgres::{PgFactStore, PgOptions};
use crate::store::{FactStore, Page};

/// The bundled seed article, served by default so a fresh server has something to show.
pub const SEED_TEXT: &str = include_str!("../data/seed/alaska-summit.txt");

/// What every handler can reach. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    /// Where facts are kept.
    pub store: Arc<dyn FactStore>,
    /// Token and timeouts.
    pub config: Arc<AppConfig>,
    /// Request counters and latency histograms for `/metrics`.
    pub metrics: HttpMetrics,
    /// Rendered reads, kept until the store changes.
    pub responses: ResponseCache,
    /// One permit per extraction allowed to run at once (each holds a blocking thread).
    pub extractions: Arc<Semaphore>,
}

impl AppState {
    /// State over `store` with `config` and a fresh metrics registry (one per state, so
    /// tests running side by side do not count each other's requests).
    pub fn new(store: Arc<dyn FactStore>, config: AppConfig) -> Self {
        let extractions = Arc::new(Semaphore::new(
            config
                .max_concurrent_extractions
                .clamp(1, Semaphore::MAX_PERMITS),
        ));
        AppState {
            responses: ResponseCache::new(Arc::clone(&store)),
            store,
            config: Arc::new(config),
            metrics: HttpMetrics::new(),
            extractions,
        }
    }
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("store_version", &self.store.version())
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

/// The seed article as a submission: published 2025-08-15 in London. Its title is derived from
/// its first sentence like any posted article's, so nothing about it is written by hand.
pub fn seed_input() -> ArticleInput {
    ArticleInput {
        text: SEED_TEXT.to_string(),
        published_at: "2025-08-15".to_string(),
        title: None,
        source: Some("seed".to_string()),
        time_zone: Some("Europe/London".to_string()),
    }
}

/// The store `serve` runs on: durable in `data_dir` when given, else in memory. With `seed`,
/// the seed article is added when the store starts empty — so with a data directory it is
/// added on the first start only, and deleting it stays deleted.
pub async fn open_store(
    data_dir: Option<&Path>,
    seed: bool,
) -> Result<Arc<dyn FactStore>, IngestError> {
    let store: Arc<dyn FactStore> = match data_dir {
        Some(dir) => Arc::new(DurableStore::open(dir).await?),
        None => Arc::new(MemoryStore::new()),
    };
    seed_if_empty(store, seed).await
}

/// The store on the PostgreSQL database of `options`, migrated to the embedded schema (fails
/// when it cannot be reached now: the orchestrator restarts the replica). With `seed`, the seed
/// article is added when the database holds no article; replicas starting at once may both
/// try, and the content key stores it once.
pub async fn open_postgres(
    options: &PgOptions,
    seed: bool,
) -> Result<Arc<dyn FactStore>, IngestError> {
    let store: Arc<dyn FactStore> = Arc::new(PgFactStore::connect(options).await?);
    seed_if_empty(store, seed).await
}

async fn seed_if_empty(
    store: Arc<dyn FactStore>,
    seed: bool,
) -> Result<Arc<dyn FactStore>, IngestError> {
    if seed
        && store
            .list_articles(Page {
                limit: 1,
                offset: 0,
            })
            .await?
            .total
            == 0
    {
        let inserted = ingest(store.as_ref(), seed_input()).await?;
        if inserted.created {
            tracing::info!(article_id = %inserted.article.id, "loaded the seed article");
        }
    }
    Ok(store)
}

/// Serves the API on `listener` until `shutdown` completes, then finishes the requests in
/// flight. Tests call this with a listener on port 0.
///
/// HTTP/1.1 connections are driven by hyper directly (rather than `axum::serve`) so that a
/// client which dribbles its request headers is cut off after
/// [`AppConfig::header_read_timeout`]. On shutdown the listener closes, idle keep-alive
/// connections are closed, and the call returns once every request in flight is answered.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use hyper_util::server::graceful::GracefulShutdown;
    use hyper_util::service::TowerToHyperService;
    use tower::ServiceExt;

    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(state.config.header_read_timeout);
    let service = crate::http::router(state)
        .map_request(|req: hyper::Request<_>| req.map(axum::body::Body::new));
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _peer)) => stream,
                Err(e) => {
                    // Out of file descriptors and the like: wait rather than spin.
                    tracing::warn!(error = %e, "accept failed");
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let connection = http.serve_connection(
            TokioIo::new(stream),
            TowerToHyperService::new(service.clone()),
        );
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, "connection ended with an error");
            }
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// Completes on ctrl-c or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for ctrl-c");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

/// Sets up logging: `level` (a tracing filter) if given, else `RUST_LOG`, else `info`.
pub fn init_tracing(format: LogFormat, level: Option<&str>) {
    use tracing_subscriber::EnvFilter;
    let filter = match level {
        Some(l) => EnvFilter::new(l),
        None => EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
    };
    use std::io::IsTerminal;
    // Logs go to standard error, keeping standard output for what commands print; colours
    // only when a person is watching.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal());
    // A second call (tests) keeps the first subscriber.
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
    };
}

/// GETs `/health` from `addr` over plain HTTP/1.1; Ok when it answers 200. Written against the
/// socket so the container image needs no curl. Blocking: it is the whole of a short-lived
/// process.
pub fn healthcheck(addr: std::net::SocketAddr, timeout: Duration) -> Result<(), String> {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect_timeout(&addr, timeout)
        .map_err(|e| format!("cannot connect to {addr}: {e}"))?;
    stream
        .set_read_timeout(Some(timeout))
        .and_then(|()| stream.set_write_timeout(Some(timeout)))
        .map_err(|e| format!("cannot set timeouts: {e}"))?;
    let request = format!("GET /health HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream
        .write_all(request.as_bytes())
        .map_err(|e| format!("cannot send to {addr}: {e}"))?;
    let mut answer = Vec::new();
    stream
        .read_to_end(&mut answer)
        .map_err(|e| format!("no answer from {addr}: {e}"))?;
    let status_line = String::from_utf8_lossy(&answer)
        .lines()
        .next()
        .unwrap_or("")
        .to_string();
    if status_line.split_whitespace().nth(1) == Some("200") {
        Ok(())
    } else {
        Err(format!("unhealthy: {status_line:?}"))
    }
}
