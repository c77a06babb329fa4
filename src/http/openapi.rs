//! The OpenAPI 3.1 document, generated from the handlers' `#[utoipa::path]` attributes, and
//! the Swagger UI that renders it (bundled into the binary, so it works offline).
//!
//! The list of operations is not written here: [`crate::http`] declares every route once and
//! derives the router, the route list and this document's paths from that one declaration.

use std::sync::{Arc, LazyLock};

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::http::error::{ApiError, Problem};
use crate::http::timeline::TimelineFormat;
use crate::model::QuoteKind;

/// Metadata, shared schemas and the security scheme; the paths are merged in by
/// [`document`].
#[derive(OpenApi)]
#[openapi(
    info(
        title = "factline",
        description = "Facts (people, quotes, events, timeline) read from English news articles.",
        license(name = "MIT", identifier = "MIT"),
    ),
    // Schemas only query parameters refer to: `IntoParams` does not register them itself.
    components(schemas(Problem, TimelineFormat, QuoteKind)),
    modifiers(&BearerAuth),
    tags(
        (name = "articles", description = "Ingest and manage articles"),
        (name = "people", description = "People, merged across articles"),
        (name = "quotes", description = "Direct and reported speech"),
        (name = "events", description = "Happenings and their times"),
        (name = "timeline", description = "Events in time order, with exports"),
        (name = "operations", description = "Health, readiness, metrics and this document"),
    )
)]
struct ApiInfo;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .description(Some(
                        "Needed for POST and DELETE when the server is started with a token",
                    ))
                    .build(),
            ),
        );
    }
}

/// The whole document: [`ApiInfo`] plus every route's operation.
pub fn document() -> utoipa::openapi::OpenApi {
    let mut doc = ApiInfo::openapi();
    doc.merge(crate::http::ApiPaths::openapi());
    doc
}

static DOCUMENT_JSON: LazyLock<String> = LazyLock::new(|| {
    document()
        .to_pretty_json()
        .unwrap_or_else(|e| format!("{{\"error\": \"cannot render the OpenAPI document: {e}\"}}"))
});

static SWAGGER_CONFIG: LazyLock<Arc<utoipa_swagger_ui::Config<'static>>> =
    LazyLock::new(|| Arc::new(utoipa_swagger_ui::Config::new(["/openapi.json"])));

/// This document.
#[utoipa::path(
    get,
    path = "/openapi.json",
    tag = "operations",
    responses((status = 200, description = "The OpenAPI 3.1 document", body = Object, content_type = "application/json"))
)]
pub async fn openapi_json() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        DOCUMENT_JSON.as_str(),
    )
        .into_response()
}

/// The interactive documentation page lives at `/docs/`; relative asset paths need the slash.
#[utoipa::path(
    get,
    path = "/docs",
    tag = "operations",
    responses((status = 303, description = "Redirect to `/docs/`", headers(("Location" = String))))
)]
pub async fn docs_redirect() -> Redirect {
    Redirect::to("/docs/")
}

/// The Swagger UI page for this document.
#[utoipa::path(
    get,
    path = "/docs/",
    tag = "operations",
    responses((status = 200, description = "Swagger UI", body = String, content_type = "text/html"))
)]
pub async fn docs_index() -> Result<Response, ApiError> {
    swagger_file("index.html")
}

/// A Swagger UI asset (script, style sheet, icon).
#[utoipa::path(
    get,
    path = "/docs/{file}",
    tag = "operations",
    params(("file" = String, Path, description = "Asset name, e.g. `swagger-ui.css`")),
    responses(
        (status = 200, description = "The asset", body = String, content_type = "application/octet-stream"),
        (status = 404, description = "No such asset", body = Problem, content_type = "application/problem+json"),
    )
)]
pub async fn docs_file(Path(file): Path<String>) -> Result<Response, ApiError> {
    swagger_file(&file)
}

fn swagger_file(name: &str) -> Result<Response, ApiError> {
    let file = utoipa_swagger_ui::serve(name, Arc::clone(&SWAGGER_CONFIG))
        .map_err(|e| ApiError::Internal(format!("cannot serve Swagger UI file {name:?}: {e}")))?
        .ok_or_else(|| ApiError::NotFound(format!("no documentation asset {name:?}")))?;
    let content_type = HeaderValue::from_str(&file.content_type)
        .unwrap_or_else(|_| HeaderValue::from_static("application/octet-stream"));
    let mut response = (
        StatusCode::OK,
        [(header::CONTENT_TYPE, content_type)],
        file.bytes.into_owned(),
    )
        .into_response();
    if file.gzpipped {
        response
            .headers_mut()
            .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    Ok(response)
}
