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
use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};

use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use tower::{Layer, Service};

use crate::http::error::ApiError;
use crate::http::middleware::{add_etag, etag_listed, strong_etag};
use crate::store::FactStore;

/// Entries kept for one store version; past this the cache starts afresh (a crude bound that
/// keeps a client walking every page or every id from growing memory without limit).
const MAX_ENTRIES: usize = 4096;
/// Bodies larger than this are served but not kept (a full-corpus export, say).
const MAX_BODY: usize = 4 * 1024 * 1024;

/// What a response depends on besides the store's contents and the path and query (which
/// key the map, so a hit is found from the request's `&str` without building a key).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Variant {
    head: bool,
    accept: Option<HeaderValue>,
    accept_encoding: Option<HeaderValue>,
}

impl Variant {
    fn matches(&self, head: bool, headers: &HeaderMap) -> bool {
        self.head == head
            && self.accept.as_ref() == headers.get(header::ACCEPT)
            && self.accept_encoding.as_ref() == headers.get(header::ACCEPT_ENCODING)
    }
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
    /// Path and query to the variants kept for it.
    map: HashMap<String, Vec<(Variant, Arc<Entry>)>>,
    /// Variants kept in all, for [`MAX_ENTRIES`].
    len: usize,
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

    fn get(
        &self,
        version: u64,
        path_and_query: &str,
        head: bool,
        headers: &HeaderMap,
    ) -> Option<Arc<Entry>> {
        let entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        if entries.version != version {
            return None;
        }
        entries
            .map
            .get(path_and_query)?
            .iter()
            .find(|(variant, _)| variant.matches(head, headers))
            .map(|(_, entry)| Arc::clone(entry))
    }

    /// Keeps `entry` as the answer at `version`, unless the store has moved on since the
    /// handler started (its answer may then mix old and new facts).
    fn put(&self, version: u64, path_and_query: String, variant: Variant, entry: Arc<Entry>) {
        if self.store.version() != version {
            return;
        }
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        if entries.version != version || entries.len >= MAX_ENTRIES {
            entries.map.clear();
            entries.len = 0;
            entries.version = version;
        }
        let Entries { map, len, .. } = &mut *entries;
        let variants = map.entry(path_and_query).or_default();
        // Two misses of one request can race; keep one copy.
        let before = variants.len();
        variants.retain(|(v, _)| *v != variant);
        variants.push((variant, entry));
        *len = *len + variants.len() - before;
    }
}

/// Whether answers on `path` depend only on the store and the request.
fn cacheable(path: &str) -> bool {
    path.starts_with("/v1/") || path == "/openapi.json"
}

/// Serves cacheable GETs from [`ResponseCache`], with their strong ETag and 304s; every
/// other GET gets its ETag computed per request by [`add_etag`]. Runs outside compression, so
/// each encoding of a body is its own entry with its own tag.
///
/// A tower service rather than `from_fn`, so a hit neither clones nor calls the services
/// inside it.
#[derive(Clone)]
pub struct CachedResponsesLayer(pub ResponseCache);

impl<S> Layer<S> for CachedResponsesLayer {
    type Service = CachedResponses<S>;

    fn layer(&self, inner: S) -> CachedResponses<S> {
        CachedResponses {
            cache: self.0.clone(),
            inner,
        }
    }
}

/// The service of [`CachedResponsesLayer`].
#[derive(Clone)]
pub struct CachedResponses<S> {
    cache: ResponseCache,
    inner: S,
}

/// The answer of [`CachedResponses`]: ready at once on a hit, boxed otherwise.
pub enum CachedFuture {
    /// A hit (taken when polled).
    Hit(Option<Response>),
    /// The inner service's answer, buffered and kept or tagged.
    Miss(Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>),
}

impl Future for CachedFuture {
    type Output = Result<Response, Infallible>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match self.get_mut() {
            CachedFuture::Hit(response) => Poll::Ready(Ok(response
                .take()
                .unwrap_or_else(|| StatusCode::INTERNAL_SERVER_ERROR.into_response()))),
            CachedFuture::Miss(future) => future.as_mut().poll(cx),
        }
    }
}

impl<S> Service<Request> for CachedResponses<S>
where
    S: Service<Request, Error = Infallible>,
    S::Response: IntoResponse + Send,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = Infallible;
    type Future = CachedFuture;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> CachedFuture {
        let head = match *req.method() {
            Method::GET => false,
            Method::HEAD => true,
            _ => {
                let response = self.inner.call(req);
                return CachedFuture::Miss(Box::pin(
                    async move { Ok(response.await?.into_response()) },
                ));
            }
        };
        let if_none_match = req.headers().get(header::IF_NONE_MATCH).cloned();
        if !cacheable(req.uri().path()) {
            let response = self.inner.call(req);
            return CachedFuture::Miss(Box::pin(async move {
                Ok(add_etag(if_none_match, response.await?.into_response()).await)
            }));
        }
        let path_and_query = req.uri().path_and_query().map_or("", |p| p.as_str());
        let version = self.cache.store.version();
        if let Some(entry) = self.cache.get(version, path_and_query, head, req.headers()) {
            return CachedFuture::Hit(Some(answer(&entry, if_none_match.as_ref())));
        }
        let path_and_query = path_and_query.to_string();
        let variant = Variant {
            head,
            accept: req.headers().get(header::ACCEPT).cloned(),
            accept_encoding: req.headers().get(header::ACCEPT_ENCODING).cloned(),
        };
        let response = self.inner.call(req);
        let cache = self.cache.clone();
        CachedFuture::Miss(Box::pin(async move {
            let response = response.await?.into_response();
            if response.status() != StatusCode::OK || response.headers().contains_key(header::ETAG)
            {
                return Ok(response);
            }
            let (parts, body) = response.into_parts();
            let body = match axum::body::to_bytes(body, usize::MAX).await {
                Ok(b) => b,
                Err(e) => {
                    return Ok(
                        ApiError::Internal(format!("cannot buffer the response body: {e}"))
                            .into_response(),
                    );
                }
            };
            let Some(tag) = strong_etag(&body) else {
                return Ok(Response::from_parts(parts, Body::from(body)));
            };
            let entry = Arc::new(Entry {
                headers: parts.headers,
                body,
                etag: tag,
            });
            if entry.body.len() <= MAX_BODY {
                cache.put(version, path_and_query, variant, Arc::clone(&entry));
            }
            Ok(answer(&entry, if_none_match.as_ref()))
        }))
    }
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
