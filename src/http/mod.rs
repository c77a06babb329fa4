//! The HTTP layer: the router, one module of handlers per resource, the error type, request
//! extractors and middleware. Handlers translate between HTTP and the [`FactStore`]; they hold
//! no domain logic (filters live in [`crate::store::filter`], ingestion in
//! [`crate::store::ingest`]).
//!
//! Every route is declared once, in the `routes!` block below, which produces the router,
//! [`ROUTES`] and the OpenAPI paths together; a test checks that each handler's documented
//! method and path match its route.
//!
//! [`FactStore`]: crate::store::FactStore

pub mod articles;
pub mod auth;
pub mod cache;
pub mod error;
pub mod events;
pub mod export;
pub mod extract;
pub mod middleware;
pub mod openapi;
pub mod ops;
pub mod page;
pub mod people;
pub mod quotes;
pub mod timeline;

use std::any::Any;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, Method, StatusCode, Uri, header};
use axum::middleware::{from_fn, from_fn_with_state};
use axum::response::{IntoResponse, Response};
use tower::ServiceBuilder;
use tower::limit::GlobalConcurrencyLimitLayer;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{Any as AnyOrigin, CorsLayer};
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};

use crate::app::AppState;
use crate::http::error::ApiError;

/// The largest request body accepted: 1 MiB.
pub const BODY_LIMIT: usize = 1024 * 1024;

/// Declares every route once: `method "path" => module::handler;`. Produces [`ROUTES`], the
/// router's routes, and the OpenAPI paths (`ApiPaths`), so none can be added to one and
/// forgotten in the others.
macro_rules! routes {
    ($($method:ident $path:literal => $module:ident :: $handler:ident;)*) => {
        /// Every route served, as `(method, path template)`, in declaration order.
        pub const ROUTES: &[(&str, &str)] = &[$((stringify!($method), $path)),*];

        fn api_routes() -> Router<AppState> {
            Router::new()$(.route($path, axum::routing::$method($module::$handler)))*
        }

        /// The operations of every route, taken from the handlers' `#[utoipa::path]`.
        #[derive(utoipa::OpenApi)]
        #[openapi(paths($($module::$handler),*))]
        pub(crate) struct ApiPaths;
    };
}

routes! {
    get "/v1/articles" => articles::list_articles;
    post "/v1/articles" => articles::create_article;
    get "/v1/articles/{id}" => articles::get_article;
    delete "/v1/articles/{id}" => articles::delete_article;
    get "/v1/people" => people::list_people;
    get "/v1/people/{id}" => people::get_person;
    get "/v1/people/{id}/quotes" => people::person_quotes;
    get "/v1/people/{id}/events" => people::person_events;
    get "/v1/quotes" => quotes::list_quotes;
    get "/v1/quotes/{id}" => quotes::get_quote;
    get "/v1/events" => events::list_events;
    get "/v1/events/{id}" => events::get_event;
    get "/v1/timeline" => timeline::timeline;
    get "/openapi.json" => openapi::openapi_json;
    get "/docs" => openapi::docs_redirect;
    get "/docs/" => openapi::docs_index;
    get "/docs/{file}" => openapi::docs_file;
    get "/health" => ops::health;
    get "/ready" => ops::ready;
    get "/metrics" => ops::metrics;
}

/// The whole application: every route behind the middleware stack. Used by `main` and by
/// every test.
///
/// Middleware, outermost first: request id (set, then traced, then copied to the response);
/// the one log line per 500; metrics by route; CORS; the response cache with its ETags and
/// 304s; compression; problem documents
/// for bare error statuses; panics as 500s; the bearer token on writes (before any body is
/// read); the request timeout; the concurrency limit; the body limit.
pub fn router(state: AppState) -> Router {
    let request_id = HeaderName::from_static("x-request-id");
    let stack = ServiceBuilder::new()
        .layer(SetRequestIdLayer::new(
            request_id.clone(),
            middleware::MakeRequestIds::new(),
        ))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(middleware::request_span)
                // One DEBUG line per response: at INFO, formatting and writing a line per
                // request would cost more than serving a cached read.
                .on_response(DefaultOnResponse::new().level(tracing::Level::DEBUG))
                // 500s are logged once, with their cause, by `LogInternalErrors`.
                .on_failure(()),
        )
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(middleware::LogInternalErrorsLayer)
        .layer(middleware::TrackMetricsLayer(state.metrics.clone()))
        .layer(cors(request_id))
        .layer(cache::CachedResponsesLayer(state.responses.clone()))
        .layer(CompressionLayer::new())
        .layer(from_fn(middleware::problem_for_bare_errors))
        .layer(CatchPanicLayer::custom(panic_response))
        .layer(from_fn_with_state(
            state.config.clone(),
            auth::require_token,
        ))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            state.config.request_timeout,
        ))
        // Inside the timeout, so a request waiting for a slot is answered 503 in time. One
        // semaphore shared by every route (the plain `ConcurrencyLimitLayer` would make one
        // per route).
        .layer(GlobalConcurrencyLimitLayer::new(
            state
                .config
                .max_concurrent_requests
                .min(tokio::sync::Semaphore::MAX_PERMITS),
        ))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT));
    api_routes()
        .fallback(no_route)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(stack)
        .with_state(state)
}

/// CORS: any origin may read (GET, HEAD); writes are for same-origin or non-browser clients.
fn cors(request_id: HeaderName) -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AnyOrigin)
        .allow_methods([Method::GET, Method::HEAD, Method::OPTIONS])
        .allow_headers([header::ACCEPT, header::IF_NONE_MATCH, header::CONTENT_TYPE])
        .expose_headers([header::ETAG, header::LOCATION, request_id])
}

async fn no_route(uri: Uri) -> ApiError {
    ApiError::NotFound(format!("no route for {}", uri.path()))
}

fn panic_response(panic: Box<dyn Any + Send + 'static>) -> Response {
    let message = panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "unknown panic".to_string());
    ApiError::Internal(format!("handler panicked: {message}")).into_response()
}
