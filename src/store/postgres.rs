//! The PostgreSQL [`FactStore`]: one database shared by any number of stateless replicas.
//!
//! Each article is written in one transaction with every fact drawn from it (see
//! `migrations/` for the tables); a unique key on the content hash plus `ON CONFLICT DO
//! NOTHING` makes a repeated post, even a concurrent one on another replica, store nothing and
//! return the article already there. Every list is answered by SQL in the memory store's order
//! (`src/store/memory.rs`): filters that SQL decides exactly (ids, kinds, `from`/`to`) are paged
//! with LIMIT/OFFSET and counted with COUNT; substring filters (`q`, `role`, `place`) narrow
//! candidates in SQL and the shared `matches` has the final say before paging. Each fact's JSON
//! is stored as the extractor produced it, so answers equal the memory store's. People are
//! stored per article and merged per person with [`merge::merge_people`], the memory store's
//! own function. Nothing is cached but the [`FactStore::version`] counter (see [`changes`]).

mod changes;
mod rows;

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions, PgRow};
use sqlx::types::Json;
use sqlx::{PgPool, Postgres, QueryBuilder, Row};

use crate::model::{ArticleCounts, Event, Person, Quote};
use crate::store::filter::{needle, query_words};
use crate::store::merge;
use crate::store::{
    Article, ArticleMeta, EventFilter, FactStore, Inserted, Listing, NewArticle, Page,
    PersonFilter, QuoteFilter, StoreError, StoreResult, TimeBound, TimelineEntry, article_view,
};

use changes::{CHANNEL, Changes};
use rows::{ArticleRows, day_number, from_day_number, from_micros, kind_name, micros};

/// The embedded schema migrations (`migrations/`).
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// How to reach the database.
#[derive(Clone, Debug)]
pub struct PgOptions {
    /// `postgres://user@host:5432/db`.
    pub url: String,
    /// Most connections the store opens for requests (the change listener has one more).
    pub max_connections: u32,
    /// How long a request waits to connect or for a free connection before failing with
    /// [`StoreError::NotReady`]; also the limit of the `/ready` probe.
    pub acquire_timeout: Duration,
}

impl PgOptions {
    /// Options for `url` with the command line's defaults.
    pub fn new(url: impl Into<String>) -> Self {
        PgOptions {
            url: url.into(),
            max_connections: 10,
            acquire_timeout: Duration::from_secs(5),
        }
    }

    fn connect_options(&self) -> StoreResult<PgConnectOptions> {
        PgConnectOptions::from_str(&self.url)
            .map_err(|e| StoreError::Storage(format!("bad database URL: {e}")))
    }
}

/// Brings the database at `url` up to date with the embedded migrations. Safe to run from
/// several replicas at once: sqlx holds an advisory lock while migrating.
pub async fn migrate(url: &str) -> StoreResult<()> {
    let options = PgOptions::new(url);
    let pool = PgPoolOptions::new()
        .max_connections(1)
        .acquire_timeout(options.acquire_timeout)
        .connect_with(options.connect_options()?)
        .await
        .map_err(db_error)?;
    let outcome = MIGRATOR
        .run(&pool)
        .await
        .map_err(|e| StoreError::Storage(format!("migration failed: {e}")));
    pool.close().await;
    outcome
}

/// Facts in PostgreSQL.
#[derive(Debug)]
pub struct PgFactStore {
    pool: PgPool,
    changes: Arc<Changes>,
    listener: tokio::task::JoinHandle<()>,
    ready_timeout: Duration,
}

impl Drop for PgFactStore {
    fn drop(&mut self) {
        self.listener.abort();
    }
}

impl PgFactStore {
    /// Connects, applies the migrations and starts listening for other replicas' writes.
    /// Fails when the database cannot be reached now.
    pub async fn connect(options: &PgOptions) -> StoreResult<Self> {
        migrate(&options.url).await?;
        let store = Self::open_lazy(options)?;
        sqlx::query("SELECT 1")
            .execute(&store.pool)
            .await
            .map_err(db_error)?;
        Ok(store)
    }

    /// A store over a database already migrated, connecting on first use (so it can be made
    /// outside async code, and starts even while the database is down). Must be called inside
    /// a Tokio runtime: it spawns the change listener.
    pub fn open_lazy(options: &PgOptions) -> StoreResult<Self> {
        let connect = options.connect_options()?;
        let pool = PgPoolOptions::new()
            .max_connections(options.max_connections)
            .acquire_timeout(options.acquire_timeout)
            .connect_lazy_with(connect.clone());
        let listen_pool = PgPoolOptions::new()
            .max_connections(1)
            .acquire_timeout(options.acquire_timeout)
            .connect_lazy_with(connect);
        let changes = Arc::new(Changes::default());
        let listener = tokio::spawn(changes::listen(
            listen_pool,
            Arc::clone(&changes),
            Duration::from_millis(500),
        ));
        Ok(PgFactStore {
            pool,
            changes,
            listener,
            ready_timeout: options.acquire_timeout,
        })
    }

    /// Whether this replica currently hears other replicas' writes (for tests and logs).
    pub fn is_listening(&self) -> bool {
        self.changes.is_listening()
    }

    async fn fetch_all(&self, qb: &mut QueryBuilder<Postgres>) -> StoreResult<Vec<PgRow>> {
        qb.build().fetch_all(&self.pool).await.map_err(db_error)
    }

    async fn count(&self, qb: &mut QueryBuilder<Postgres>) -> StoreResult<usize> {
        let n: i64 = qb
            .build_query_scalar()
            .fetch_one(&self.pool)
            .await
            .map_err(db_error)?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// Every per-article record of the people in `ids`, merged, in list order.
    async fn merged_people(&self, ids: &[String]) -> StoreResult<Vec<Person>> {
        let rows = sqlx::query(
            "SELECT p.article_id, p.data FROM people p JOIN articles a ON a.id = p.article_id \
             WHERE p.person_id = ANY($1) ORDER BY a.published_at DESC, a.id, p.ord",
        )
        .bind(ids)
        .fetch_all(&self.pool)
        .await
        .map_err(db_error)?;
        let records = rows
            .iter()
            .map(|r| {
                Ok((
                    get::<String>(r, "article_id")?,
                    get::<Json<Person>>(r, "data")?.0,
                ))
            })
            .collect::<StoreResult<Vec<_>>>()?;
        Ok(merge::merge_people(
            records.iter().map(|(a, p)| (a.as_str(), p)),
        ))
    }

    async fn find_article(
        &self,
        column: &'static str,
        value: &str,
        with_text: bool,
    ) -> StoreResult<Option<Article>> {
        let mut qb = QueryBuilder::new(ARTICLE_COLUMNS);
        qb.push(" FROM articles a WHERE a.")
            .push(column)
            .push(" = ")
            .push_bind(value.to_string());
        let rows = self.fetch_all(&mut qb).await?;
        rows.first()
            .map(|r| article_from_row(r, with_text))
            .transpose()
    }
}

const ARTICLE_COLUMNS: &str = "SELECT a.id, a.title, a.source, \
     (a.published_at - DATE '1970-01-01') AS published_day, a.time_zone, a.body, \
     a.people_count, a.quotes_count, a.events_count";

/// SQL for an instant given as microseconds since the epoch.
const INSTANT: &str = "(TIMESTAMPTZ 'epoch' + INTERVAL '1 microsecond' * ";
/// SQL for a date given as a day number.
const DAY: &str = "(DATE '1970-01-01' + ";

fn get<'r, T: sqlx::Decode<'r, Postgres> + sqlx::Type<Postgres>>(
    row: &'r PgRow,
    column: &str,
) -> StoreResult<T> {
    row.try_get(column)
        .map_err(|e| StoreError::Storage(format!("bad column {column}: {e}")))
}

fn article_from_row(row: &PgRow, with_text: bool) -> StoreResult<Article> {
    let count = |c: &str| get::<i32>(row, c).map(|n| usize::try_from(n).unwrap_or(0));
    let meta = ArticleMeta {
        id: get(row, "id")?,
        title: get(row, "title")?,
        source: get(row, "source")?,
        published_at: from_day_number(get(row, "published_day")?)?,
        time_zone: get(row, "time_zone")?,
    };
    let counts = ArticleCounts {
        people: count("people_count")?,
        events: count("events_count")?,
        quotes: count("quotes_count")?,
    };
    let body: String = get(row, "body")?;
    Ok(article_view(
        &meta,
        counts,
        with_text.then_some(body.as_str()),
    ))
}

/// Unreachable or overloaded storage is "not ready" (503, retry later); anything else is a
/// failure.
fn db_error(e: sqlx::Error) -> StoreError {
    match e {
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) => {
            StoreError::NotReady(format!("database unreachable: {e}"))
        }
        e => StoreError::Storage(format!("database: {e}")),
    }
}

fn limit_offset(qb: &mut QueryBuilder<Postgres>, page: Page) {
    qb.push(" LIMIT ")
        .push_bind(i64::try_from(page.limit).unwrap_or(i64::MAX))
        .push(" OFFSET ")
        .push_bind(i64::try_from(page.offset).unwrap_or(i64::MAX));
}

/// A LIKE pattern matching any text that contains `s`.
fn contains_pattern(s: &str) -> String {
    let mut p = String::with_capacity(s.len() + 2);
    p.push('%');
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

/// Whether SQL decides the event filter exactly (no substring filters to recheck).
fn event_filter_is_exact(f: &EventFilter) -> bool {
    needle(&f.place).is_none() && f.q.as_deref().is_none_or(|q| query_words(q).is_empty())
}

/// `WHERE` conditions on `events e` for `f`; exact except for `place` and `q`, which only
/// narrow (see [`event_filter_is_exact`]).
fn push_event_conditions(qb: &mut QueryBuilder<Postgres>, f: &EventFilter, timeline: bool) {
    qb.push(" WHERE TRUE");
    if let Some(a) = &f.article {
        qb.push(" AND e.article_id = ").push_bind(a.clone());
    }
    if let Some(p) = &f.participant {
        qb.push(
            " AND EXISTS (SELECT 1 FROM participants pa WHERE pa.article_id = e.article_id \
             AND pa.event_ord = e.ord AND pa.person_id = ",
        )
        .push_bind(p.clone())
        .push(")");
    }
    if let Some(place) = needle(&f.place) {
        qb.push(" AND e.place_lc LIKE ")
            .push_bind(contains_pattern(&place));
    }
    for word in f.q.as_deref().map(query_words).unwrap_or_default() {
        qb.push(" AND e.search_lc LIKE ")
            .push_bind(contains_pattern(&word));
    }
    if timeline || f.from.is_some() || f.to.is_some() {
        qb.push(" AND e.begins IS NOT NULL");
    }
    // As `EventFilter::within`, on the span stored at insert.
    match f.from {
        None => {}
        Some(TimeBound::Day(d)) => {
            qb.push(" AND e.last_day >= ")
                .push(DAY)
                .push_bind(day_number(d))
                .push(")");
        }
        Some(TimeBound::Instant(t)) => {
            qb.push(" AND CASE WHEN e.begins = e.ends THEN e.begins >= ")
                .push(INSTANT)
                .push_bind(micros(t))
                .push(") ELSE e.ends > ")
                .push(INSTANT)
                .push_bind(micros(t))
                .push(") END");
        }
    }
    match f.to {
        None => {}
        Some(TimeBound::Day(d)) => {
            qb.push(" AND e.first_day <= ")
                .push(DAY)
                .push_bind(day_number(d))
                .push(")");
        }
        Some(TimeBound::Instant(t)) => {
            qb.push(" AND e.begins <= ")
                .push(INSTANT)
                .push_bind(micros(t))
                .push(")");
        }
    }
}

fn quote_filter_is_exact(f: &QuoteFilter) -> bool {
    f.q.as_deref().is_none_or(|q| query_words(q).is_empty())
}

fn push_quote_conditions(qb: &mut QueryBuilder<Postgres>, f: &QuoteFilter) {
    qb.push(" WHERE TRUE");
    if let Some(a) = &f.article {
        qb.push(" AND q.article_id = ").push_bind(a.clone());
    }
    if let Some(s) = &f.speaker {
        qb.push(" AND q.speaker_id = ").push_bind(s.clone());
    }
    if let Some(k) = f.kind {
        qb.push(" AND q.kind = ").push_bind(kind_name(k));
    }
    for word in f.q.as_deref().map(query_words).unwrap_or_default() {
        qb.push(" AND q.text_lc LIKE ")
            .push_bind(contains_pattern(&word));
    }
}

/// Narrows `people p` rows to people passing `f`: each filter may be met by any of a
/// person's articles, as it is by the merged person.
fn push_person_conditions(qb: &mut QueryBuilder<Postgres>, f: &PersonFilter) {
    qb.push(" WHERE TRUE");
    if let Some(a) = &f.article {
        qb.push(" AND p.person_id IN (SELECT person_id FROM people WHERE article_id = ")
            .push_bind(a.clone())
            .push(")");
    }
    if let Some(q) = needle(&f.q) {
        let pattern = contains_pattern(&q);
        qb.push(" AND p.person_id IN (SELECT person_id FROM people WHERE name_lc LIKE ")
            .push_bind(pattern.clone())
            .push(
                " UNION SELECT pp.person_id FROM aliases al JOIN people pp \
                 ON pp.article_id = al.article_id AND pp.ord = al.person_ord \
                 WHERE al.alias_lc LIKE ",
            )
            .push_bind(pattern)
            .push(")");
    }
    if let Some(role) = needle(&f.role) {
        qb.push(" AND p.person_id IN (SELECT person_id FROM people WHERE roles_lc LIKE ")
            .push_bind(contains_pattern(&role))
            .push(")");
    }
}

/// Runs the insert of every fact row of `article_id` inside `tx`.
async fn insert_facts(
    tx: &mut sqlx::PgConnection,
    article_id: &str,
    rows: ArticleRows,
) -> Result<(), sqlx::Error> {
    let p = rows.people;
    if !p.ord.is_empty() {
        sqlx::query(
            "INSERT INTO people (article_id, ord, person_id, name, name_lc, roles_lc, \
             mention_count, data) SELECT $1, u.ord, u.person_id, u.name, u.name_lc, u.roles_lc, \
             u.mention_count, u.data::jsonb FROM unnest($2::int[], $3::text[], $4::text[], \
             $5::text[], $6::text[], $7::bigint[], $8::text[]) \
             AS u(ord, person_id, name, name_lc, roles_lc, mention_count, data)",
        )
        .bind(article_id)
        .bind(&p.ord)
        .bind(&p.person_id)
        .bind(&p.name)
        .bind(&p.name_lc)
        .bind(&p.roles_lc)
        .bind(&p.mention_count)
        .bind(&p.data)
        .execute(&mut *tx)
        .await?;
    }
    if !p.alias.is_empty() {
        sqlx::query(
            "INSERT INTO aliases (article_id, person_ord, n, alias, alias_lc) \
             SELECT $1, u.* FROM unnest($2::int[], $3::int[], $4::text[], $5::text[]) AS u",
        )
        .bind(article_id)
        .bind(&p.alias_person)
        .bind(&p.alias_n)
        .bind(&p.alias)
        .bind(&p.alias_lc)
        .execute(&mut *tx)
        .await?;
    }
    if !p.mention_n.is_empty() {
        sqlx::query(
            "INSERT INTO mentions (article_id, person_ord, n, sentence, start_offset, end_offset) \
             SELECT $1, u.* FROM unnest($2::int[], $3::int[], $4::text[], $5::bigint[], \
             $6::bigint[]) AS u",
        )
        .bind(article_id)
        .bind(&p.mention_person)
        .bind(&p.mention_n)
        .bind(&p.mention_sentence)
        .bind(&p.mention_start)
        .bind(&p.mention_end)
        .execute(&mut *tx)
        .await?;
    }
    let q = rows.quotes;
    if !q.ord.is_empty() {
        sqlx::query(
            "INSERT INTO quotes (article_id, ord, quote_id, speaker_id, kind, text_lc, data) \
             SELECT $1, u.ord, u.quote_id, u.speaker_id, u.kind, u.text_lc, u.data::jsonb \
             FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) \
             AS u(ord, quote_id, speaker_id, kind, text_lc, data)",
        )
        .bind(article_id)
        .bind(&q.ord)
        .bind(&q.quote_id)
        .bind(&q.speaker_id)
        .bind(&q.kind)
        .bind(&q.text_lc)
        .bind(&q.data)
        .execute(&mut *tx)
        .await?;
    }
    let e = rows.events;
    if !e.ord.is_empty() {
        sqlx::query(
            "INSERT INTO events (article_id, ord, event_id, begins, ends, first_day, last_day, \
             zone, first_offset, place_lc, search_lc, data) \
             SELECT $1, u.ord, u.event_id, \
             TIMESTAMPTZ 'epoch' + INTERVAL '1 microsecond' * u.begins, \
             TIMESTAMPTZ 'epoch' + INTERVAL '1 microsecond' * u.ends, \
             DATE '1970-01-01' + u.first_day, DATE '1970-01-01' + u.last_day, \
             u.zone, u.first_offset, u.place_lc, u.search_lc, u.data::jsonb \
             FROM unnest($2::int[], $3::text[], $4::bigint[], $5::bigint[], $6::int[], \
             $7::int[], $8::text[], $9::bigint[], $10::text[], $11::text[], $12::text[]) \
             AS u(ord, event_id, begins, ends, first_day, last_day, zone, first_offset, \
             place_lc, search_lc, data)",
        )
        .bind(article_id)
        .bind(&e.ord)
        .bind(&e.event_id)
        .bind(&e.begins)
        .bind(&e.ends)
        .bind(&e.first_day)
        .bind(&e.last_day)
        .bind(&e.zone)
        .bind(&e.first_offset)
        .bind(&e.place_lc)
        .bind(&e.search_lc)
        .bind(&e.data)
        .execute(&mut *tx)
        .await?;
    }
    if !e.participant.is_empty() {
        sqlx::query(
            "INSERT INTO participants (article_id, event_ord, person_id) \
             SELECT $1, u.* FROM unnest($2::int[], $3::text[]) AS u",
        )
        .bind(article_id)
        .bind(&e.participant_event)
        .bind(&e.participant)
        .execute(&mut *tx)
        .await?;
    }
    let t = rows.times;
    if !t.ord.is_empty() {
        sqlx::query(
            "INSERT INTO time_points (article_id, ord, value, precision, data) \
             SELECT $1, u.ord, u.value, u.precision, u.data::jsonb \
             FROM unnest($2::int[], $3::text[], $4::text[], $5::text[]) \
             AS u(ord, value, precision, data)",
        )
        .bind(article_id)
        .bind(&t.ord)
        .bind(&t.value)
        .bind(&t.precision)
        .bind(&t.data)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

fn count_of(n: usize) -> i32 {
    i32::try_from(n).unwrap_or(i32::MAX)
}

#[async_trait]
impl FactStore for PgFactStore {
    async fn insert_article(&self, article: NewArticle) -> StoreResult<Inserted> {
        let rows = ArticleRows::of(&article)?;
        let counts = article.extraction.counts();
        let mut tx = self.pool.begin().await.map_err(db_error)?;
        let inserted = sqlx::query(
            "INSERT INTO articles (id, content_key, title, source, published_at, time_zone, \
             body, people_count, quotes_count, events_count) \
             VALUES ($1, $2, $3, $4, DATE '1970-01-01' + $5::int, $6, $7, $8, $9, $10) \
             ON CONFLICT (content_key) DO NOTHING",
        )
        .bind(&article.meta.id)
        .bind(&article.content_key)
        .bind(&article.meta.title)
        .bind(&article.meta.source)
        .bind(day_number(article.meta.published_at))
        .bind(&article.meta.time_zone)
        .bind(&article.text)
        .bind(count_of(counts.people))
        .bind(count_of(counts.quotes))
        .bind(count_of(counts.events))
        .execute(&mut *tx)
        .await;
        let inserted = match inserted {
            Ok(done) => done.rows_affected() == 1,
            Err(e)
                if e.as_database_error()
                    .and_then(|d| d.constraint())
                    .is_some_and(|c| c == "articles_pkey") =>
            {
                // Two replicas posting the same article at once: the id (drawn from the
                // content) may collide before the content key does. The article that won is
                // this one, unless its content differs.
                tx.rollback().await.map_err(db_error)?;
                return match self.find_by_content(&article.content_key).await? {
                    Some(existing) => Ok(Inserted {
                        article: existing,
                        created: false,
                    }),
                    None => Err(StoreError::Storage(format!(
                        "article id {:?} is taken by different content",
                        article.meta.id
                    ))),
                };
            }
            Err(e) => return Err(db_error(e)),
        };
        if !inserted {
            // Stored before, or by a concurrent post that committed while this one waited on
            // the unique key: that article is the answer.
            tx.rollback().await.map_err(db_error)?;
            return match self.find_by_content(&article.content_key).await? {
                Some(existing) => Ok(Inserted {
                    article: existing,
                    created: false,
                }),
                None => Err(StoreError::Storage(
                    "the same article was deleted while being posted again; retry".into(),
                )),
            };
        }
        insert_facts(&mut tx, &article.meta.id, rows)
            .await
            .map_err(db_error)?;
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(CHANNEL)
            .bind(&article.meta.id)
            .execute(&mut *tx)
            .await
            .map_err(db_error)?;
        tx.commit().await.map_err(db_error)?;
        self.changes.bump();
        let view = article_view(&article.meta, counts, Some(&article.text));
        Ok(Inserted {
            article: view,
            created: true,
        })
    }

    async fn find_by_content(&self, content_key: &str) -> StoreResult<Option<Article>> {
        self.find_article("content_key", content_key, true).await
    }

    async fn delete_article(&self, id: &str) -> StoreResult<()> {
        let mut tx = self.pool.begin().await.map_err(db_error)?;
        let done = sqlx::query("DELETE FROM articles WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db_error)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::not_found("article", id));
        }
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(CHANNEL)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db_error)?;
        tx.commit().await.map_err(db_error)?;
        self.changes.bump();
        Ok(())
    }

    async fn list_articles(&self, page: Page) -> StoreResult<Listing<Article>> {
        let mut qb = QueryBuilder::new(ARTICLE_COLUMNS);
        qb.push(" FROM articles a ORDER BY a.published_at DESC, a.id");
        limit_offset(&mut qb, page);
        let items = self
            .fetch_all(&mut qb)
            .await?
            .iter()
            .map(|r| article_from_row(r, false))
            .collect::<StoreResult<Vec<_>>>()?;
        let total = self
            .count(&mut QueryBuilder::new("SELECT count(*) FROM articles"))
            .await?;
        Ok(Listing { items, total })
    }

    async fn get_article(&self, id: &str) -> StoreResult<Article> {
        self.find_article("id", id, true)
            .await?
            .ok_or_else(|| StoreError::not_found("article", id))
    }

    async fn list_people(&self, filter: &PersonFilter, page: Page) -> StoreResult<Listing<Person>> {
        let exact = needle(&filter.q).is_none() && needle(&filter.role).is_none();
        // The people list order, computed per person as `merge_people` computes it: summed
        // mentions, then the merged name (the first of the longest, in article order).
        let mut qb = QueryBuilder::new(
            "SELECT p.person_id FROM people p JOIN articles a ON a.id = p.article_id",
        );
        push_person_conditions(&mut qb, filter);
        qb.push(
            " GROUP BY p.person_id ORDER BY sum(p.mention_count) DESC, \
             (array_agg(p.name ORDER BY char_length(p.name) DESC, a.published_at DESC, a.id, \
             p.ord))[1] COLLATE \"C\", p.person_id",
        );
        if exact {
            limit_offset(&mut qb, page);
        }
        let ids = self
            .fetch_all(&mut qb)
            .await?
            .iter()
            .map(|r| get::<String>(r, "person_id"))
            .collect::<StoreResult<Vec<_>>>()?;
        let merged = self.merged_people(&ids).await?;
        if exact {
            let mut qb = QueryBuilder::new("SELECT count(DISTINCT p.person_id) FROM people p");
            push_person_conditions(&mut qb, filter);
            let total = self.count(&mut qb).await?;
            return Ok(Listing {
                items: merged,
                total,
            });
        }
        let hits: Vec<Person> = merged.into_iter().filter(|p| filter.matches(p)).collect();
        let total = hits.len();
        Ok(page.window(hits.into_iter(), total))
    }

    async fn get_person(&self, id: &str) -> StoreResult<Person> {
        self.merged_people(&[id.to_string()])
            .await?
            .into_iter()
            .next()
            .ok_or_else(|| StoreError::not_found("person", id))
    }

    async fn list_quotes(&self, filter: &QuoteFilter, page: Page) -> StoreResult<Listing<Quote>> {
        let exact = quote_filter_is_exact(filter);
        let mut qb =
            QueryBuilder::new("SELECT q.data FROM quotes q JOIN articles a ON a.id = q.article_id");
        push_quote_conditions(&mut qb, filter);
        qb.push(" ORDER BY a.published_at DESC, a.id, q.ord");
        if exact {
            limit_offset(&mut qb, page);
        }
        let quotes = self
            .fetch_all(&mut qb)
            .await?
            .iter()
            .map(|r| get::<Json<Quote>>(r, "data").map(|j| j.0))
            .collect::<StoreResult<Vec<_>>>()?;
        if exact {
            let mut qb = QueryBuilder::new("SELECT count(*) FROM quotes q");
            push_quote_conditions(&mut qb, filter);
            let total = self.count(&mut qb).await?;
            return Ok(Listing {
                items: quotes,
                total,
            });
        }
        let hits: Vec<Quote> = quotes.into_iter().filter(|q| filter.matches(q)).collect();
        let total = hits.len();
        Ok(page.window(hits.into_iter(), total))
    }

    async fn get_quote(&self, id: &str) -> StoreResult<Quote> {
        let row = sqlx::query(
            "SELECT q.data FROM quotes q JOIN articles a ON a.id = q.article_id \
             WHERE q.quote_id = $1 ORDER BY a.published_at DESC, a.id, q.ord LIMIT 1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .map_err(db_error)?;
        match row {
            Some(r) => Ok(get::<Json<Quote>>(&r, "data")?.0),
            None => Err(StoreError::not_found("quote", id)),
        }
    }

    async fn list_events(&self, filter: &EventFilter, page: Page) -> StoreResult<Listing<Event>> {
        let exact = event_filter_is_exact(filter);
        let mut qb = QueryBuilder::new(
            "SELECT e.data, a.time_zone FROM events e JOIN articles a ON a.id = e.article_id",
        );
        push_event_conditions(&mut qb, filter, false);
        qb.push(" ORDER BY a.published_at DESC, a.id, e.ord");
        if exact {
            limit_offset(&mut qb, page);
        }
        let rows = self.fetch_all(&mut qb).await?;
        let mut events = Vec::with_capacity(rows.len());
        for r in &rows {
            let event = get::<Json<Event>>(r, "data")?.0;
            if exact || filter.matches(&event, &get::<String>(r, "time_zone")?) {
                events.push(event);
            }
        }
        if exact {
            let mut qb = QueryBuilder::new("SELECT count(*) FROM events e");
            push_event_conditions(&mut qb, filter, false);
            let total = self.count(&mut qb).await?;
            return Ok(Listing {
                items: events,
                total,
            });
        }
        let total = events.len();
        Ok(page.window(events.into_iter(), total))
    }

    async fn get_event(&self, id: &str) -> StoreResult<Event> {
        let row = sqlx::query(
            "SELECT e.data FROM events e JOIN articles a ON a.id = e.article_id \
             WHERE e.event_id = $1 ORDER BY a.published_at DESC, a.id, e.ord LIMIT 1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await
        .map_err(db_error)?;
        match row {
            Some(r) => Ok(get::<Json<Event>>(&r, "data")?.0),
            None => Err(StoreError::not_found("event", id)),
        }
    }

    async fn timeline(
        &self,
        filter: &EventFilter,
        page: Page,
    ) -> StoreResult<Listing<TimelineEntry>> {
        let exact = event_filter_is_exact(filter);
        let mut qb = QueryBuilder::new(
            "SELECT e.data, e.zone, \
             (extract(epoch FROM e.begins) * 1000000)::bigint AS begins_us, \
             (a.published_at - DATE '1970-01-01') AS published_day, a.time_zone \
             FROM events e JOIN articles a ON a.id = e.article_id",
        );
        push_event_conditions(&mut qb, filter, true);
        qb.push(" ORDER BY e.begins, e.first_offset, e.article_id, e.event_id");
        if exact {
            limit_offset(&mut qb, page);
        }
        let rows = self.fetch_all(&mut qb).await?;
        let mut entries = Vec::with_capacity(rows.len());
        for r in &rows {
            let event = get::<Json<Event>>(r, "data")?.0;
            let article_time_zone: String = get(r, "time_zone")?;
            if !exact && !filter.matches(&event, &article_time_zone) {
                continue;
            }
            entries.push(TimelineEntry {
                event,
                begins: from_micros(get(r, "begins_us")?)?,
                zone: get(r, "zone")?,
                article_published: from_day_number(get(r, "published_day")?)?,
                article_time_zone,
            });
        }
        if exact {
            let mut qb = QueryBuilder::new("SELECT count(*) FROM events e");
            push_event_conditions(&mut qb, filter, true);
            let total = self.count(&mut qb).await?;
            return Ok(Listing {
                items: entries,
                total,
            });
        }
        let total = entries.len();
        Ok(page.window(entries.into_iter(), total))
    }

    fn version(&self) -> u64 {
        self.changes.version()
    }

    async fn ready(&self) -> StoreResult<()> {
        let probe = sqlx::query("SELECT 1").execute(&self.pool);
        match tokio::time::timeout(self.ready_timeout, probe).await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(e)) => Err(StoreError::NotReady(format!("database unreachable: {e}"))),
            Err(_) => Err(StoreError::NotReady(format!(
                "database did not answer within {:?}",
                self.ready_timeout
            ))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(contains_pattern("a%b_c\\"), "%a\\%b\\_c\\\\%");
    }

    #[test]
    fn substring_filters_are_rechecked_and_others_are_not() {
        assert!(event_filter_is_exact(&EventFilter {
            q: Some(" ,, ".into()),
            participant: Some("x".into()),
            ..Default::default()
        }));
        assert!(!event_filter_is_exact(&EventFilter {
            place: Some("hall".into()),
            ..Default::default()
        }));
        assert!(!quote_filter_is_exact(&QuoteFilter {
            q: Some("win".into()),
            ..Default::default()
        }));
    }
}
