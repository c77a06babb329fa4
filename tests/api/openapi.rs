//! The OpenAPI document matches the router exactly, and the docs page is served.

use std::collections::BTreeSet;

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use factline::http::ROUTES;

use crate::support::TestApp;

#[tokio::test]
async fn the_document_lists_exactly_the_routes_served() {
    let app = TestApp::seeded().await;
    let doc = app.get("/openapi.json").await.json();
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        doc["openapi"]
    );

    let documented: BTreeSet<(String, String)> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .filter(|k| {
                    ["get", "post", "put", "patch", "delete", "head", "options"]
                        .contains(&k.as_str())
                })
                .map(move |m| (m.clone(), path.clone()))
        })
        .collect();
    let routed: BTreeSet<(String, String)> = ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    assert_eq!(documented, routed);
}

#[tokio::test]
async fn every_route_is_really_served() {
    let app = TestApp::empty();
    for (method, path) in ROUTES {
        let uri = path
            .replace("{id}", "no-such-id")
            .replace("{file}", "index.html");
        let method: Method = method.to_uppercase().parse().unwrap();
        let mut builder = Request::builder().method(method.clone()).uri(&uri);
        let body = if method == Method::POST {
            builder = builder.header("content-type", "application/json");
            Body::from(r#"{"text": "Route check.", "published_at": "2025-08-15"}"#)
        } else {
            Body::empty()
        };
        let response = app.send(builder.body(body).unwrap()).await;
        assert_ne!(
            response.status,
            StatusCode::METHOD_NOT_ALLOWED,
            "{method} {uri}"
        );
        if response.status == StatusCode::NOT_FOUND {
            let detail = response.json()["detail"].as_str().unwrap().to_string();
            assert!(
                !detail.starts_with("no route"),
                "{method} {uri} fell through to the fallback"
            );
        }
    }
}

#[tokio::test]
async fn every_operation_documents_its_errors_and_parameters() {
    let app = TestApp::seeded().await;
    let doc = app.get("/openapi.json").await.json();
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for name in [
        "Problem",
        "ArticleInput",
        "Article",
        "Person",
        "Quote",
        "Event",
        "TimePoint",
    ] {
        assert!(schemas.contains_key(name), "schema {name} missing");
    }
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
    let text = doc.to_string();
    for reference in text.split("\"#/components/schemas/").skip(1) {
        let name = reference.split('"').next().unwrap();
        assert!(schemas.contains_key(name), "dangling $ref to {name}");
    }
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let responses = op["responses"].as_object().unwrap();
            assert!(!responses.is_empty(), "{method} {path}");
            for (status, response) in responses {
                if status.starts_with('4') || status.starts_with('5') {
                    let content = &response["content"]["application/problem+json"];
                    assert!(
                        content.is_object(),
                        "{method} {path} {status} is not a problem"
                    );
                }
            }
            let params: Vec<&str> = op["parameters"]
                .as_array()
                .map(|ps| ps.iter().map(|p| p["name"].as_str().unwrap()).collect())
                .unwrap_or_default();
            for segment in path.split('/').filter(|s| s.starts_with('{')) {
                let name = segment.trim_matches(['{', '}']);
                assert!(
                    params.contains(&name),
                    "{method} {path} does not document {name}"
                );
            }
            if path.starts_with("/v1/") && method == "get" && !path.ends_with("}") {
                assert!(
                    params.contains(&"limit") && params.contains(&"offset"),
                    "{method} {path}"
                );
            }
        }
    }
    let events = &doc["paths"]["/v1/events"]["get"]["parameters"];
    let names: Vec<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    for n in ["article", "participant", "place", "from", "to", "q"] {
        assert!(names.contains(&n), "{n}");
    }
    let post = &doc["paths"]["/v1/articles"]["post"];
    assert!(post["requestBody"]["content"]["application/json"]["schema"].is_object());
    for status in ["200", "201", "400", "401", "413", "415", "422"] {
        assert!(
            post["responses"][status].is_object(),
            "POST /v1/articles {status}"
        );
    }
}

#[tokio::test]
async fn the_docs_page_is_served_offline() {
    let app = TestApp::seeded().await;
    let redirect = app.get("/docs").await;
    assert!(redirect.status.is_redirection());
    assert_eq!(redirect.header("location"), Some("/docs/"));
    let page = app.get("/docs/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.header("content-type")
            .unwrap()
            .starts_with("text/html")
    );
    for asset in [
        "swagger-ui.css",
        "swagger-ui-bundle.js",
        "swagger-initializer.js",
    ] {
        let response = app.get(&format!("/docs/{asset}")).await;
        assert_eq!(response.status, StatusCode::OK, "{asset}");
    }
    let init = app.get("/docs/swagger-initializer.js").await;
    assert!(
        init.text().contains("/openapi.json"),
        "the page loads our document"
    );
}

#[tokio::test]
async fn writes_document_the_token_as_optional_and_dates_by_pattern() {
    let app = TestApp::seeded().await;
    let doc = app.get("/openapi.json").await.json();
    for (path, method) in [("/v1/articles", "post"), ("/v1/articles/{id}", "delete")] {
        let security = doc["paths"][path][method]["security"]
            .as_array()
            .expect("security");
        // `{}` is "no token needed", as when the server runs without --token.
        assert!(
            security
                .iter()
                .any(|s| s.as_object().is_some_and(|o| o.is_empty())),
            "{security:?}"
        );
        assert!(
            security.iter().any(|s| s.get("bearer").is_some()),
            "{security:?}"
        );
    }
    let from = doc["paths"]["/v1/events"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "from")
        .expect("from")
        .clone();
    assert!(
        from["schema"]["pattern"]
            .as_str()
            .is_some_and(|p| p.starts_with('^')),
        "{from}"
    );
}
