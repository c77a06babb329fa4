//! Rendered responses kept per store version, so a read is serialized, compressed and hashed
//! once per store change rather than once per request.
//!
//! A GET of a cacheable path is looked up by method, path and query, and the two request
//! headers that change what is sent (`Accept`, which picks the timeline's format, and
//! `Accept-Encoding`, which picks the compression). A hit is answered from the stored bytes
//! and strong ETag; a miss runs the handler, buffers its 200 answer, hashes it once and keeps
//! it. Every entry belongs to one [`FactStore::version`]: when the version moves, the whole
//! cache is dropped, so nothing stale is ever served, whichever replica changed the store.
//!
//! Only the API's reads and `/openapi.json` are kept: `/metrics`, `/health` and `/ready`
//! change without the store changing, and the docs are static files not worth the memory.
//!
//! [`FactStore::version`]: crate::store::FactStore::version

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::http::error::ApiError;
use crate::http::middleware::{etag, etag_listed, strong_etag};
use crate::store::FactStore;

/// Entries kept for one store version; past this the cache starts afresh (a crude bound that
/// keeps a client walking every page or every id from growing memory without limit).
const MAX_ENTRIES: usize = 4096;
/// Bodies larger than this are served but not kept (a full-corpus export, say).
const MAX_BODY: usize = 4 * 1024 * 1024;

/// What a response depends on besides the store's contents.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Key {
    head: bool,
    path_and_query: String,
    accept: Option<HeaderValue>,
    accept_encoding: Option<HeaderValue>,
}

/// One rendered 200 answer.
struct Entry {
    headers: HeaderMap,
    body: Bytes,
    etag: HeaderValue,
}

#[derive(Default)]
struct Entries {
    version: u64,
    map: HashMap<Key, Arc<Entry>>,
}

/// The cache, shared by every connection. Cheap to clone.
#[derive(Clone)]
pub struct ResponseCache {
    store: Arc<dyn FactStore>,
    entries: Arc<Mutex<Entries>>,
}

impl ResponseCache {
    /// An empty cache over `store`, whose version decides what is fresh.
    pub fn new(store: Arc<dyn FactStore>) -> Self {
        ResponseCache {
            store,
            entries: Arc::new(Mutex::new(Entries::default())),
        }
    }

    fn get(&self, version: u64, key: &Key) -> Option<Arc<Entry>> {
        let entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        (entries.version == version)
            .then(|| entries.map.get(key).cloned())
            .flatten()
    }

    /// Keeps `entry` as the answer at `version`, unless the store has moved on since the
    /// handler started (its answer may then mix old and new facts).
    fn put(&self, version: u64, key: Key, entry: Arc<Entry>) {
        if self.store.version() != version {
            return;
        }
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        if entries.version != version || entries.map.len() >= MAX_ENTRIES {
            entries.map.clear();
            entries.version = version;
        }
        entries.map.insert(key, entry);
    }
}

/// Whether answers on `path` depend only on the store and the request.
fn cacheable(path: &str) -> bool {
    path.starts_with("/v1/") || path == "/openapi.json"
}

/// Serves cacheable GETs from [`ResponseCache`], with their strong ETag and 304s; every
/// other GET gets its ETag computed per request by [`etag`]. Runs where `etag` used to, outside
/// compression, so each encoding of a body is its own entry with its own tag.
pub async fn cached_responses(
    State(cache): State<ResponseCache>,
    req: Request,
    next: Next,
) -> Response {
    let head = match *req.method() {
        Method::GET => false,
        Method::HEAD => true,
        _ => return next.run(req).await,
    };
    if !cacheable(req.uri().path()) {
        return etag(req, next).await;
    }
    let key = Key {
        head,
        path_and_query: req
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_default(),
        accept: req.headers().get(header::ACCEPT).cloned(),
        accept_encoding: req.headers().get(header::ACCEPT_ENCODING).cloned(),
    };
    let if_none_match = req.headers().get(header::IF_NONE_MATCH).cloned();
    let version = cache.store.version();
    let entry = match cache.get(version, &key) {
        Some(entry) => entry,
        None => {
            let response = next.run(req).await;
            if response.status() != StatusCode::OK || response.headers().contains_key(header::ETAG)
            {
                return response;
            }
            let (parts, body) = response.into_parts();
            let body = match axum::body::to_bytes(body, usize::MAX).await {
                Ok(b) => b,
                Err(e) => {
                    return ApiError::Internal(format!("cannot buffer the response body: {e}"))
                        .into_response();
                }
            };
            let Some(tag) = strong_etag(&body) else {
                return Response::from_parts(parts, Body::from(body));
            };
            let entry = Arc::new(Entry {
                headers: parts.headers,
                body,
                etag: tag,
            });
            if entry.body.len() <= MAX_BODY {
                cache.put(version, key, Arc::clone(&entry));
            }
            entry
        }
    };
    answer(&entry, if_none_match.as_ref())
}

/// The stored answer, or a 304 when the client already holds it.
fn answer(entry: &Entry, if_none_match: Option<&HeaderValue>) -> Response {
    let mut headers = entry.headers.clone();
    headers.insert(header::ETAG, entry.etag.clone());
    let tag = entry.etag.to_str().unwrap_or_default();
    let (status, body) = if if_none_match.is_some_and(|v| etag_listed(v, tag)) {
        headers.remove(header::CONTENT_LENGTH);
        (StatusCode::NOT_MODIFIED, Body::empty())
    } else {
        (StatusCode::OK, Body::from(entry.body.clone()))
    };
    let mut response = Response::new(body);
    *response.status_mut() = status;
    *response.headers_mut() = headers;
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_store_backed_reads_are_cacheable() {
        for (path, yes) in [
            ("/v1/quotes", true),
            ("/v1/people/x", true),
            ("/openapi.json", true),
            ("/metrics", false),
            ("/health", false),
            ("/ready", false),
            ("/docs/", false),
        ] {
            assert_eq!(cacheable(path), yes, "{path}");
        }
    }
}
