//! Cross-cutting request handling: strong ETags and 304s, request metrics, problem documents
//! for errors that layers answer with a bare status, and the one log line for each 500.
//!
//! The order these run in is set in [`crate::http::router`]; each function here does one job.
//!
//! The two that run on every request, metrics and the 500 log, are plain tower services rather
//! than `axum::middleware::from_fn`: a `from_fn` layer clones every service inside it and boxes
//! it on each request, and under `Router::layer` that was a measurable share of a cached read
//! (see BENCHMARKS.md, "HTTP reads against a bare reference").

use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::hash::{BuildHasher, Hasher};
use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll};
use std::time::Instant;

use axum::body::Body;
use axum::extract::{MatchedPath, Request};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use metrics::{Counter, Histogram, Key, Label, Level, Metadata, Recorder};
use metrics_exporter_prometheus::{
    Matcher, PrometheusBuilder, PrometheusHandle, PrometheusRecorder,
};
use sha2::{Digest, Sha256};
use tower::{Layer, Service};
use tower_http::request_id::{MakeRequestId, RequestId};

use crate::http::error::{ApiError, InternalErrorDetail, PROBLEM_JSON};

/// Name of the request counter.
pub const REQUESTS_TOTAL: &str = "http_requests_total";
/// Name of the latency histogram.
pub const REQUEST_DURATION: &str = "http_request_duration_seconds";

/// Latency histogram buckets, in seconds: from a cached GET to a long extraction.
const DURATION_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0,
];

const METADATA: Metadata<'static> =
    Metadata::new(module_path!(), Level::INFO, Some(module_path!()));

/// A Prometheus registry owned by one app (not the process-wide recorder), so every router
/// built in a test counts only its own requests.
#[derive(Clone)]
pub struct HttpMetrics {
    recorder: Arc<PrometheusRecorder>,
    handle: PrometheusHandle,
    /// Requests recorded since start, for the periodic upkeep in [`HttpMetrics::record`].
    recorded: Arc<AtomicU64>,
    /// The registered counter and histogram of each (method, status) seen on each route, so a
    /// request records through handles instead of building labels and looking up the registry.
    series: Arc<HashMap<&'static str, Mutex<Vec<Series>>>>,
}

/// The label value for requests that matched no route.
const UNMATCHED: &str = "unmatched";

/// One label set's handles.
struct Series {
    method: Method,
    status: StatusCode,
    requests: Counter,
    duration: Histogram,
}

/// Latency samples are held until upkeep folds them into the histogram's buckets; without it a
/// server nobody scrapes grows by every request (about 20 bytes each, measured with
/// `scripts/bench-load`). Upkeep every this many requests keeps that bounded.
const UPKEEP_EVERY: u64 = 4096;

impl HttpMetrics {
    /// An empty registry with latency histograms (not summaries) for request durations.
    pub fn new() -> Self {
        let builder = PrometheusBuilder::new()
            .set_buckets_for_metric(
                Matcher::Full(REQUEST_DURATION.to_string()),
                DURATION_BUCKETS,
            )
            // Only an empty bucket list fails, and ours is not: fall back to summaries anyway.
            .unwrap_or_else(|_| PrometheusBuilder::new());
        let recorder = builder.build_recorder();
        let handle = recorder.handle();
        let series = crate::http::ROUTES
            .iter()
            .map(|(_, path)| *path)
            .chain([UNMATCHED])
            .map(|route| (route, Mutex::new(Vec::new())))
            .collect();
        HttpMetrics {
            recorder: Arc::new(recorder),
            handle,
            recorded: Arc::default(),
            series: Arc::new(series),
        }
    }

    /// Counts one answered request and its latency.
    pub fn record(&self, method: &Method, route: &str, status: StatusCode, seconds: f64) {
        match self.series.get(route) {
            Some(slot) => {
                let mut series = slot.lock().unwrap_or_else(PoisonError::into_inner);
                match series
                    .iter()
                    .find(|s| s.status == status && s.method == *method)
                {
                    Some(s) => {
                        s.requests.increment(1);
                        s.duration.record(seconds);
                    }
                    None => {
                        let (requests, duration) = self.register(method, route, status);
                        requests.increment(1);
                        duration.record(seconds);
                        series.push(Series {
                            method: method.clone(),
                            status,
                            requests,
                            duration,
                        });
                    }
                }
            }
            // Not a declared route (a router built outside `routes!`): register each time.
            None => {
                let (requests, duration) = self.register(method, route, status);
                requests.increment(1);
                duration.record(seconds);
            }
        }
        let n = self.recorded.fetch_add(1, Ordering::Relaxed);
        if (n + 1).is_multiple_of(UPKEEP_EVERY) {
            self.handle.run_upkeep();
        }
    }

    /// The counter and histogram of one label set, registered (or found) in the registry.
    fn register(&self, method: &Method, route: &str, status: StatusCode) -> (Counter, Histogram) {
        let labels = vec![
            Label::new("method", method.as_str().to_string()),
            Label::new("route", route.to_string()),
            Label::new("status", status.as_u16().to_string()),
        ];
        let counter = Key::from_parts(REQUESTS_TOTAL, labels.clone());
        let duration = Key::from_parts(REQUEST_DURATION, labels);
        (
            self.recorder.register_counter(&counter, &METADATA),
            self.recorder.register_histogram(&duration, &METADATA),
        )
    }

    /// Everything recorded so far, in the Prometheus text format.
    pub fn render(&self) -> String {
        self.handle.run_upkeep();
        self.handle.render()
    }
}

impl Default for HttpMetrics {
    fn default() -> Self {
        Self::new()
    }
}

/// Records every request by route template (not raw path, which would make one series per
/// id), method and final status.
#[derive(Clone)]
pub struct TrackMetricsLayer(pub HttpMetrics);

impl<S> Layer<S> for TrackMetricsLayer {
    type Service = TrackMetrics<S>;

    fn layer(&self, inner: S) -> TrackMetrics<S> {
        TrackMetrics {
            metrics: self.0.clone(),
            inner,
        }
    }
}

/// The service of [`TrackMetricsLayer`].
#[derive(Clone)]
pub struct TrackMetrics<S> {
    metrics: HttpMetrics,
    inner: S,
}

/// The boxed future the services in this module answer with.
pub type ResponseFuture = Pin<Box<dyn Future<Output = Result<Response, Infallible>> + Send>>;

impl<S> Service<Request> for TrackMetrics<S>
where
    S: Service<Request, Response = Response, Error = Infallible>,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = Infallible;
    type Future = ResponseFuture;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        let started = Instant::now();
        let method = req.method().clone();
        let route = req.extensions().get::<MatchedPath>().cloned();
        let response = self.inner.call(req);
        let metrics = self.metrics.clone();
        Box::pin(async move {
            let response = response.await?;
            let route = route.as_ref().map_or(UNMATCHED, MatchedPath::as_str);
            metrics.record(
                &method,
                route,
                response.status(),
                started.elapsed().as_secs_f64(),
            );
            Ok(response)
        })
    }
}

/// Logs the cause of a 500 once, inside the request's span (which carries the request id),
/// and strips it from the response.
#[derive(Clone, Copy, Default)]
pub struct LogInternalErrorsLayer;

impl<S> Layer<S> for LogInternalErrorsLayer {
    type Service = LogInternalErrors<S>;

    fn layer(&self, inner: S) -> LogInternalErrors<S> {
        LogInternalErrors { inner }
    }
}

/// The service of [`LogInternalErrorsLayer`].
#[derive(Clone)]
pub struct LogInternalErrors<S> {
    inner: S,
}

impl<S> Service<Request> for LogInternalErrors<S>
where
    S: Service<Request, Response = Response, Error = Infallible>,
    S::Future: Send + 'static,
{
    type Response = Response;
    type Error = Infallible;
    type Future = ResponseFuture;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        let method = req.method().clone();
        let uri = req.uri().clone();
        let response = self.inner.call(req);
        Box::pin(async move {
            let mut response = response.await?;
            if let Some(InternalErrorDetail(detail)) =
                response.extensions_mut().remove::<InternalErrorDetail>()
            {
                tracing::error!(%method, %uri, cause = %detail, "request failed");
            }
            Ok(response)
        })
    }
}

/// Request ids: a random prefix drawn once per router and a counter, so ids are unique
/// across restarts and replicas without a random draw (a `getrandom` call) per request.
/// API.md leaves the format open; a client-sent id is kept as it is.
#[derive(Clone)]
pub struct MakeRequestIds {
    prefix: u64,
    next: Arc<AtomicU64>,
}

impl MakeRequestIds {
    /// A fresh sequence with a random prefix.
    pub fn new() -> Self {
        // `RandomState` is seeded from the OS; the pid and the clock separate sequences even
        // where it is not.
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_u32(std::process::id());
        if let Ok(since) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
            hasher.write_u128(since.as_nanos());
        }
        MakeRequestIds {
            prefix: hasher.finish(),
            next: Arc::default(),
        }
    }

    fn next_id(&self) -> HeaderValue {
        use std::io::Write;
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        // 16 hex digits, a dash, at most 16 more.
        let mut buf = [0u8; 33];
        let mut cursor = std::io::Cursor::new(&mut buf[..]);
        let _ = write!(cursor, "{:016x}-{n:x}", self.prefix);
        let len = usize::try_from(cursor.position()).unwrap_or(0);
        HeaderValue::from_bytes(&buf[..len]).unwrap_or_else(|_| HeaderValue::from_static("-"))
    }
}

impl Default for MakeRequestIds {
    fn default() -> Self {
        Self::new()
    }
}

impl MakeRequestId for MakeRequestIds {
    fn make_request_id<B>(&mut self, _request: &axum::http::Request<B>) -> Option<RequestId> {
        Some(RequestId::new(self.next_id()))
    }
}

/// Gives a problem document to error responses that a layer produced with a bare status
/// (405 from routing, 413 from the body limit, 503 from the timeout), keeping their headers
/// (`Allow` on a 405).
pub async fn problem_for_bare_errors(req: Request, next: Next) -> Response {
    let response = next.run(req).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) || is_problem(response.headers()) {
        return response;
    }
    let Some(error) = ApiError::from_status(status) else {
        return response;
    };
    let (mut parts, _) = response.into_parts();
    let replacement = error.into_response();
    let (new_parts, body) = replacement.into_parts();
    parts.headers.remove(header::CONTENT_LENGTH);
    for (name, value) in &new_parts.headers {
        parts.headers.insert(name, value.clone());
    }
    parts.extensions.extend(new_parts.extensions);
    Response::from_parts(parts, body)
}

fn is_problem(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with(PROBLEM_JSON))
}

/// Adds a strong ETag (a hash of the body as sent) to a successful GET's `response` and
/// answers `If-None-Match` with 304. It runs outside compression, so each encoding of a body
/// has its own tag, as strong validators require.
pub async fn add_etag(if_none_match: Option<HeaderValue>, response: Response) -> Response {
    if response.status() != StatusCode::OK || response.headers().contains_key(header::ETAG) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match axum::body::to_bytes(body, usize::MAX).await {
        Ok(b) => b,
        Err(e) => {
            return ApiError::Internal(format!("cannot buffer the response body: {e}"))
                .into_response();
        }
    };
    let Some(tag_value) = strong_etag(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    let tag = tag_value.to_str().unwrap_or_default().to_string();
    parts.headers.insert(header::ETAG, tag_value);
    if if_none_match.is_some_and(|v| etag_listed(&v, &tag)) {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// The strong ETag of a body as sent: the first 128 bits of its SHA-256, quoted.
pub(crate) fn strong_etag(body: &[u8]) -> Option<HeaderValue> {
    let digest = Sha256::digest(body);
    HeaderValue::from_str(&format!("\"{}\"", hex16(&digest))).ok()
}

/// Whether an `If-None-Match` value lists `tag` (weak comparison, as RFC 9110 asks for this
/// header) or is `*`.
pub(crate) fn etag_listed(header_value: &HeaderValue, tag: &str) -> bool {
    let Ok(value) = header_value.to_str() else {
        return false;
    };
    value.split(',').map(str::trim).any(|candidate| {
        candidate == "*" || candidate.strip_prefix("W/").unwrap_or(candidate) == tag
    })
}

fn hex16(digest: &[u8]) -> String {
    use std::fmt::Write;
    digest
        .iter()
        .take(16)
        .fold(String::with_capacity(32), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// The span every request is logged in: method, path and the request id set by the
/// request-id layer, so each log line of a request can be found by its id.
pub fn request_span(req: &Request<Body>) -> tracing::Span {
    let request_id = req
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    tracing::info_span!(
        "request",
        method = %req.method(),
        path = %req.uri().path(),
        request_id = %request_id,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match_lists() {
        let tag = "\"abc\"";
        for (header, hit) in [
            ("\"abc\"", true),
            ("W/\"abc\"", true),
            ("\"x\", \"abc\"", true),
            ("*", true),
            ("\"abd\"", false),
            ("abc", false),
        ] {
            assert_eq!(
                etag_listed(&HeaderValue::from_static(header), tag),
                hit,
                "{header}"
            );
        }
    }

    #[test]
    fn request_ids_share_a_prefix_per_sequence_and_never_repeat() {
        let ids = MakeRequestIds::new();
        let first = ids.next_id();
        let second = ids.next_id();
        assert_ne!(first, second);
        let prefix = |v: &HeaderValue| {
            v.to_str()
                .expect("ascii")
                .split_once('-')
                .expect("prefix-counter")
                .0
                .to_string()
        };
        assert_eq!(prefix(&first), prefix(&second));
        assert_eq!(prefix(&first).len(), 16);
        assert_ne!(prefix(&first), prefix(&MakeRequestIds::new().next_id()));
    }

    #[test]
    fn metrics_keep_one_series_per_method_and_status() {
        let m = HttpMetrics::new();
        m.record(&Method::GET, "/v1/quotes", StatusCode::OK, 0.001);
        m.record(&Method::GET, "/v1/quotes", StatusCode::NOT_FOUND, 0.001);
        m.record(&Method::HEAD, "/v1/quotes", StatusCode::OK, 0.001);
        m.record(&Method::GET, "/v1/quotes", StatusCode::OK, 0.001);
        m.record(&Method::GET, "/not/declared", StatusCode::OK, 0.001);
        let text = m.render();
        for line in [
            "http_requests_total{method=\"GET\",route=\"/v1/quotes\",status=\"200\"} 2",
            "http_requests_total{method=\"GET\",route=\"/v1/quotes\",status=\"404\"} 1",
            "http_requests_total{method=\"HEAD\",route=\"/v1/quotes\",status=\"200\"} 1",
            "http_requests_total{method=\"GET\",route=\"/not/declared\",status=\"200\"} 1",
        ] {
            assert!(text.contains(line), "{line} missing from {text}");
        }
    }

    #[test]
    fn metrics_render_counts_and_histograms_by_route() {
        let m = HttpMetrics::new();
        m.record(&Method::GET, "/v1/people/{id}", StatusCode::OK, 0.003);
        m.record(&Method::GET, "/v1/people/{id}", StatusCode::OK, 0.004);
        let text = m.render();
        assert!(
            text.contains(
                "http_requests_total{method=\"GET\",route=\"/v1/people/{id}\",status=\"200\"} 2"
            ),
            "{text}"
        );
        assert!(
            text.contains("http_request_duration_seconds_bucket"),
            "{text}"
        );
    }
}
