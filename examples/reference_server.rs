//! The bare reference for `scripts/bench-http`: a plain axum server that answers each given
//! path (with its query) with bytes fetched beforehand from the real server, and nothing else
//! — no middleware, no store. What it serves per second is the ceiling the real endpoints are
//! compared against.
//!
//! Usage: `reference_server ADDR DIR`, where DIR holds `index.tsv` (lines of
//! `path-and-query<TAB>file name`) and the body files it names.

use std::collections::HashMap;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

type Bodies = Arc<HashMap<String, Bytes>>;

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (Some(addr), Some(dir)) = (args.next(), args.next()) else {
        return Err("usage: reference_server ADDR DIR".to_string());
    };
    let dir = std::path::PathBuf::from(dir);
    let index = std::fs::read_to_string(dir.join("index.tsv"))
        .map_err(|e| format!("cannot read {}/index.tsv: {e}", dir.display()))?;
    let mut bodies = HashMap::new();
    for line in index.lines().filter(|l| !l.trim().is_empty()) {
        let (path, file) = line
            .split_once('\t')
            .ok_or_else(|| format!("bad index line {line:?}"))?;
        let bytes =
            std::fs::read(dir.join(file)).map_err(|e| format!("cannot read {file}: {e}"))?;
        bodies.insert(path.to_string(), Bytes::from(bytes));
    }
    let app = Router::new()
        .fallback(precomputed)
        .with_state(Arc::new(bodies));
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?
        .block_on(async move {
            let listener = tokio::net::TcpListener::bind(&addr)
                .await
                .map_err(|e| format!("cannot bind {addr}: {e}"))?;
            axum::serve(listener, app).await.map_err(|e| e.to_string())
        })
}

async fn precomputed(State(bodies): State<Bodies>, uri: Uri) -> Response {
    let key = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    match bodies.get(key) {
        Some(body) => ([(header::CONTENT_TYPE, "application/json")], body.clone()).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
