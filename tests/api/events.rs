//! `/v1/events` over extracted facts: shape, filters that combine, and bad bounds.
//! The exact meaning of `from`/`to` on each precision is pinned in `rendering.rs`.

use axum::http::StatusCode;
use serde_json::Value;

use crate::people::assert_filter;
use crate::support::{SPRINGFIELD, SPRINGFIELD_LATER, TestApp};

fn place_has(e: &Value, needle: &str) -> bool {
    let p = &e["place"];
    ["name", "city", "region", "country"].iter().any(|f| {
        p[f].as_str()
            .is_some_and(|v| v.to_lowercase().contains(needle))
    })
}

#[tokio::test]
async fn events_have_the_contract_shape() {
    let app = TestApp::seeded().await;
    app.ingest(SPRINGFIELD, "2025-08-15").await;
    for e in app.get("/v1/events?limit=500").await.list() {
        for field in ["id", "article_id", "title", "kind"] {
            assert!(e[field].is_string(), "{e}");
        }
        assert!(e["participants"].is_array(), "{e}");
        assert!(e["place"].is_object() || e["place"].is_null(), "{e}");
        assert!(
            ["past", "scheduled", "hypothetical"].contains(&e["status"].as_str().unwrap()),
            "{e}"
        );
        for t in ["start", "end"] {
            let point = &e[t];
            if point.is_null() {
                continue;
            }
            let precision = point["precision"].as_str().unwrap();
            assert!(
                ["year", "month", "day", "minute"].contains(&precision),
                "{e}"
            );
            assert_eq!(
                point["utc"].is_string(),
                precision == "minute",
                "utc only for minutes: {e}"
            );
        }
        assert!(!e["evidence"].as_array().unwrap().is_empty(), "{e}");
        let one = app
            .get(&format!("/v1/events/{}", e["id"].as_str().unwrap()))
            .await;
        assert_eq!(one.json(), e);
    }
}

#[tokio::test]
async fn event_filters_follow_the_contract_and_combine() {
    let app = TestApp::seeded().await;
    let a = app.ingest(SPRINGFIELD, "2025-08-15").await;
    app.ingest(SPRINGFIELD_LATER, "2025-08-16").await;
    let a = a["id"].as_str().unwrap().to_string();
    assert_filter(&app, "/v1/events", &format!("article={a}"), |e| {
        e["article_id"] == a.as_str()
    })
    .await;
    assert_filter(&app, "/v1/events", "place=SPRING", |e| {
        place_has(e, "spring")
    })
    .await;
    assert_filter(&app, "/v1/events", "place=alaska", |e| {
        place_has(e, "alaska")
    })
    .await;
    assert_filter(&app, "/v1/events", "from=1900-01-01", |e| {
        !e["start"].is_null()
    })
    .await;
    assert_filter(
        &app,
        "/v1/events",
        "to=2999-12-31&from=1900-01-01T00:00:00Z",
        |e| !e["start"].is_null(),
    )
    .await;
    assert_filter(&app, "/v1/events", "from=2999-01-01", |_| false).await;
    let participants: Vec<String> = app
        .get("/v1/events?limit=500")
        .await
        .list()
        .iter()
        .flat_map(|e| e["participants"].as_array().unwrap().clone())
        .filter_map(|p| p.as_str().map(str::to_string))
        .collect();
    for p in participants.iter().take(3) {
        assert_filter(
            &app,
            "/v1/events",
            &format!("participant={p}&place=a"),
            |e| {
                e["participants"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|x| x == p.as_str())
                    && place_has(e, "a")
            },
        )
        .await;
    }
}

#[tokio::test]
async fn bad_bounds_and_unknown_events() {
    let app = TestApp::seeded().await;
    for bad in [
        "from=yesterday",
        "to=2025-02-30",
        "from=2025-08",
        "to=2025-08-15T25:00:00Z",
    ] {
        app.get(&format!("/v1/events?{bad}"))
            .await
            .problem(StatusCode::BAD_REQUEST);
        app.get(&format!("/v1/timeline?{bad}"))
            .await
            .problem(StatusCode::BAD_REQUEST);
    }
    app.get("/v1/events/no-such-event")
        .await
        .problem(StatusCode::NOT_FOUND);
}
