//! What a shared database adds: replicas of the store on one database agree at once, a
//! concurrent repeat is stored once, and an unreachable database means "not ready" and no
//! caching.

use std::time::{Duration, Instant};

use factline::app;
use factline::store::ingest::{ArticleInput, ingest};
use factline::store::postgres::{PgFactStore, PgOptions};
use factline::store::{FactStore, Page, StoreError};

use crate::support::{SPRINGFIELD, SPRINGFIELD_LATER, TestDb};

fn input(text: &str, day: &str) -> ArticleInput {
    ArticleInput {
        text: text.into(),
        published_at: day.into(),
        title: None,
        source: None,
        time_zone: Some("America/Chicago".into()),
    }
}

async fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

const ALL: Page = Page {
    limit: 100,
    offset: 0,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_on_one_replica_changes_the_others_version_and_is_served_there() {
    let db = TestDb::create();
    let (a, b) = (db.pg_store(), db.pg_store());
    wait_for("replica b to listen", || b.is_listening()).await;
    let before = b.version();
    assert_eq!(b.version(), before, "stable while nothing changes");

    let posted = ingest(&a, input(SPRINGFIELD, "2025-08-15")).await.unwrap();
    wait_for("b's version to change", || b.version() != before).await;
    let seen = b.get_article(&posted.article.id).await.unwrap();
    assert_eq!(seen, posted.article);

    let before = b.version();
    a.delete_article(&posted.article.id).await.unwrap();
    wait_for("b's version to change on delete", || b.version() != before).await;
    assert!(matches!(
        b.get_article(&posted.article.id).await,
        Err(StoreError::NotFound { .. })
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_article_posted_at_once_on_two_replicas_is_stored_once() {
    let db = TestDb::create();
    for round in 0..5 {
        let (a, b) = (db.pg_store(), db.pg_store());
        let day = format!("2025-08-{:02}", 10 + round);
        let (x, y) = tokio::join!(
            ingest(&a, input(SPRINGFIELD_LATER, &day)),
            ingest(&b, input(SPRINGFIELD_LATER, &day))
        );
        let (x, y) = (x.unwrap(), y.unwrap());
        assert_eq!(x.article, y.article);
        assert!(x.created ^ y.created, "exactly one is new: {x:?} {y:?}");
        assert_eq!(a.list_articles(ALL).await.unwrap().total, round + 1);
    }
    let store = db.pg_store();
    let people = store
        .list_people(&Default::default(), ALL)
        .await
        .unwrap()
        .items;
    let jane = people.iter().find(|p| p.name == "Jane Doe").unwrap();
    assert_eq!(jane.article_ids.len(), 5, "merged over the five articles");
}

#[tokio::test]
async fn two_replicas_seeding_at_once_store_one_seed() {
    let db = TestDb::create();
    let options = PgOptions::new(db.url.clone());
    let (a, b) = tokio::join!(
        app::open_postgres(&options, true),
        app::open_postgres(&options, true)
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!(a.list_articles(ALL).await.unwrap().total, 1);
    assert_eq!(b.list_articles(ALL).await.unwrap().total, 1);
    assert!(!ingest(a.as_ref(), app::seed_input()).await.unwrap().created);
}

#[tokio::test]
async fn an_unreachable_database_is_not_ready_and_nothing_is_cached() {
    // Nothing listens on port 1.
    let options = PgOptions {
        acquire_timeout: Duration::from_millis(500),
        ..PgOptions::new("postgres://postgres@127.0.0.1:1/none")
    };
    let store = PgFactStore::open_lazy(&options).unwrap();
    assert!(matches!(store.ready().await, Err(StoreError::NotReady(_))));
    assert!(matches!(
        store.list_articles(ALL).await,
        Err(StoreError::NotReady(_))
    ));
    assert!(!store.is_listening());
    assert_ne!(store.version(), store.version(), "no answer may be cached");
}

#[test]
fn this_target_runs_the_suite_on_postgres() {
    assert!(crate::support::on_postgres());
}
