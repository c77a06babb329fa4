//! Storage of articles and the facts drawn from them, behind the [`FactStore`] trait.
//!
//! The trait is the seam between the HTTP handlers and storage: handlers hold an
//! `Arc<dyn FactStore>` and never see how facts are kept, so a PostgreSQL store can be added
//! beside [`memory::MemoryStore`] and [`durable::DurableStore`] without touching them. The
//! meaning of every filter lives in [`filter`], shared by all backends; the types here carry no
//! HTTP concerns (status codes and problem documents are the HTTP layer's business).

pub mod durable;
pub mod filter;
pub mod ids;
pub mod ingest;
pub mod memory;
pub mod merge;
pub mod postgres;
pub mod when;

use async_trait::async_trait;
use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::model::{ArticleCounts, Event, Extraction, Person, Quote};

pub use filter::{EventFilter, PersonFilter, QuoteFilter, TimeBound};

/// What identifies and describes an article, apart from its text and facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleMeta {
    /// Content-derived id, see [`ids::article_id`].
    pub id: String,
    /// The headline given, or one taken from the text.
    pub title: String,
    /// Where it comes from, when known.
    pub source: Option<String>,
    /// The publication date (in the newsroom's zone).
    pub published_at: Date,
    /// The newsroom's IANA zone.
    pub time_zone: String,
}

/// An article ready to be stored: checked, identified and extracted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewArticle {
    /// Id, title, source, date, zone.
    pub meta: ArticleMeta,
    /// The full text.
    pub text: String,
    /// See [`ids::content_key`]: two articles with the same key are the same article.
    pub content_key: String,
    /// The facts the extractor drew from `text`.
    pub extraction: Extraction,
}

/// An article as the API shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Article {
    /// Stable id: slug of the title plus a short hash of the text and date.
    pub id: String,
    /// The headline.
    pub title: String,
    /// Where it comes from; null when not given.
    pub source: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    #[schema(example = "2025-08-15")]
    pub published_at: String,
    /// The newsroom's IANA time zone.
    #[schema(example = "Europe/London")]
    pub time_zone: String,
    /// How many facts were drawn from it.
    pub counts: ArticleCounts,
    /// The full text; only on the single-article endpoints, absent in lists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// The outcome of [`FactStore::insert_article`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inserted {
    /// The stored article, with its text.
    pub article: Article,
    /// False when the same text and date were already stored (the existing article is returned).
    pub created: bool,
}

/// A window on a list: at most `limit` items after skipping `offset`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// How many items at most.
    pub limit: usize,
    /// How many to skip.
    pub offset: usize,
}

impl Page {
    /// Every item: for exports, which are not paginated unless asked.
    pub const ALL: Page = Page {
        limit: usize::MAX,
        offset: 0,
    };

    /// The items of `all` inside this window, with the total before windowing.
    pub fn slice<T: Clone>(&self, all: &[T]) -> Listing<T> {
        self.window(all.iter().cloned(), all.len())
    }

    /// The window of an iterator whose length is `total`.
    pub fn window<T>(&self, items: impl Iterator<Item = T>, total: usize) -> Listing<T> {
        Listing {
            items: items.skip(self.offset).take(self.limit).collect(),
            total,
        }
    }
}

/// One page of a list and the size of the whole list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listing<T> {
    /// The items in the window.
    pub items: Vec<T>,
    /// How many items match, over all pages.
    pub total: usize,
}

/// An event on the timeline, with what exporters need to place it in time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimelineEntry {
    /// The event; it always has a `start`.
    pub event: Event,
    /// The instant its start begins: the UTC time for minute precision, else the start of its
    /// day, month or year in [`TimelineEntry::zone`].
    pub begins: Timestamp,
    /// The zone its start is read in: the time point's, the place's, or the article's.
    pub zone: String,
    /// The publication date of its article.
    pub article_published: Date,
    /// Its article's zone.
    pub article_time_zone: String,
}

/// Why a store could not answer.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No such article, person, quote or event.
    #[error("no {kind} with id {id:?}")]
    NotFound {
        /// `article`, `person`, `quote` or `event`.
        kind: &'static str,
        /// The id asked for.
        id: String,
    },
    /// The store cannot serve now (not loaded, storage unreachable).
    #[error("store not ready: {0}")]
    NotReady(String),
    /// Reading or writing storage failed.
    #[error("storage failed: {0}")]
    Storage(String),
}

impl StoreError {
    /// A not-found error for `kind` and `id`.
    pub fn not_found(kind: &'static str, id: &str) -> Self {
        StoreError::NotFound {
            kind,
            id: id.to_string(),
        }
    }
}

/// Shorthand for store results.
pub type StoreResult<T> = Result<T, StoreError>;

/// Keeps articles and their facts and answers the API's questions about them.
///
/// Lists come in a fixed order so that pages do not overlap: articles newest first (then by
/// id); people by mention count (most first), then name, then id; quotes and events in article
/// order, then in text order. People are merged across articles by id.
#[async_trait]
pub trait FactStore: Send + Sync + 'static {
    /// Stores `article`, or returns the one already stored with the same content key.
    async fn insert_article(&self, article: NewArticle) -> StoreResult<Inserted>;
    /// The stored article whose content key is `content_key`, if any: lets a caller skip
    /// extraction for a repeated post.
    async fn find_by_content(&self, content_key: &str) -> StoreResult<Option<Article>>;
    /// Removes an article and every fact drawn from it.
    async fn delete_article(&self, id: &str) -> StoreResult<()>;
    /// Articles, newest first.
    async fn list_articles(&self, page: Page) -> StoreResult<Listing<Article>>;
    /// One article, with its text.
    async fn get_article(&self, id: &str) -> StoreResult<Article>;
    /// People matching `filter`.
    async fn list_people(&self, filter: &PersonFilter, page: Page) -> StoreResult<Listing<Person>>;
    /// One person, merged over all their articles.
    async fn get_person(&self, id: &str) -> StoreResult<Person>;
    /// Quotes matching `filter`.
    async fn list_quotes(&self, filter: &QuoteFilter, page: Page) -> StoreResult<Listing<Quote>>;
    /// One quote.
    async fn get_quote(&self, id: &str) -> StoreResult<Quote>;
    /// Events matching `filter`.
    async fn list_events(&self, filter: &EventFilter, page: Page) -> StoreResult<Listing<Event>>;
    /// One event.
    async fn get_event(&self, id: &str) -> StoreResult<Event>;
    /// Events with a usable start matching `filter`, ascending by start, ties by position in
    /// the text.
    async fn timeline(
        &self,
        filter: &EventFilter,
        page: Page,
    ) -> StoreResult<Listing<TimelineEntry>>;
    /// Changes whenever the stored facts change; lets callers cache rendered answers.
    fn version(&self) -> u64;
    /// Ok when the store is loaded and its storage reachable.
    async fn ready(&self) -> StoreResult<()>;
}

/// The API view of an article's metadata and counts.
pub(crate) fn article_view(
    meta: &ArticleMeta,
    counts: ArticleCounts,
    text: Option<&str>,
) -> Article {
    Article {
        id: meta.id.clone(),
        title: meta.title.clone(),
        source: meta.source.clone(),
        published_at: meta.published_at.to_string(),
        time_zone: meta.time_zone.clone(),
        counts,
        text: text.map(str::to_string),
    }
}
