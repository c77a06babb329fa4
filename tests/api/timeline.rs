//! `/v1/timeline` over extracted facts: which events, in what order, and the export formats.
//! Exact order, `local` and calendar lines are pinned over hand-built facts in `rendering.rs`.

use axum::http::StatusCode;
use serde_json::Value;

use crate::support::{SPRINGFIELD, TestApp, ids};

#[tokio::test]
async fn the_timeline_holds_the_events_that_have_a_start() {
    let app = TestApp::seeded().await;
    app.ingest(SPRINGFIELD, "2025-08-15").await;
    let events = app.get("/v1/events?limit=500").await.list();
    let timeline = app.get("/v1/timeline?limit=500").await.list();
    let mut with_start: Vec<String> = ids(
        &events
            .into_iter()
            .filter(|e| !e["start"].is_null())
            .collect::<Vec<_>>(),
        "id",
    );
    let mut on_timeline = ids(&timeline, "event_id");
    with_start.sort();
    on_timeline.sort();
    assert_eq!(on_timeline, with_start);
    for item in &timeline {
        for field in [
            "event_id",
            "title",
            "start",
            "participants",
            "place",
            "participant_names",
        ] {
            assert!(item.get(field).is_some(), "{field} missing: {item}");
        }
        assert!(
            item.get("local").is_none(),
            "no `local` without `tz`: {item}"
        );
    }
    // Minute-precision starts are instants: they must come in UTC order.
    let instants: Vec<&str> = timeline
        .iter()
        .filter_map(|i| i["start"]["utc"].as_str())
        .collect();
    let mut sorted = instants.clone();
    sorted.sort();
    assert_eq!(instants, sorted);
}

#[tokio::test]
async fn tz_adds_local_to_every_item() {
    let app = TestApp::seeded().await;
    let items = app.get("/v1/timeline?tz=Asia/Tokyo&limit=500").await.list();
    for item in &items {
        let local = item["local"].as_str().expect("local with tz");
        if item["start"]["precision"] == "minute" {
            assert!(local.ends_with("+09:00"), "{item}");
        } else {
            assert_eq!(local, item["start"]["value"].as_str().unwrap());
        }
    }
    app.get("/v1/timeline?tz=Mars/Olympus")
        .await
        .problem(StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn exports_are_calendar_and_timelinejs() {
    let app = TestApp::seeded().await;
    let total = app.get("/v1/timeline").await.total() as usize;

    let ics = app.get("/v1/timeline?format=ics").await;
    assert_eq!(ics.status, StatusCode::OK);
    assert!(
        ics.header("content-type")
            .unwrap()
            .starts_with("text/calendar")
    );
    let body = ics.text();
    assert!(
        body.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
        "{body}"
    );
    assert!(body.ends_with("END:VCALENDAR\r\n"));
    assert!(
        body.split("\r\n").all(|l| l.len() <= 75),
        "folded at 75 octets"
    );
    assert!(!body.replace("\r\n", "").contains('\n'), "CRLF only");
    assert_eq!(body.matches("BEGIN:VEVENT").count(), total);

    let by_accept = app
        .get_with("/v1/timeline", &[("accept", "text/calendar")])
        .await;
    assert_eq!(by_accept.text(), body);
    let json_wins = app
        .get_with("/v1/timeline?format=json", &[("accept", "text/calendar")])
        .await;
    json_wins.list();

    let tjs = app.get("/v1/timeline?format=timelinejs").await;
    assert_eq!(tjs.status, StatusCode::OK);
    let doc: Value = tjs.json();
    let slides = doc["events"].as_array().expect("events");
    assert_eq!(slides.len(), total);
    for s in slides {
        assert!(s["start_date"]["year"].is_i64(), "{s}");
        assert!(
            s["text"]["headline"].is_string() && s["unique_id"].is_string(),
            "{s}"
        );
    }
    app.get("/v1/timeline?format=pdf")
        .await
        .problem(StatusCode::BAD_REQUEST);
}
