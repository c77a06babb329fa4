//! Turns a submitted article into a [`NewArticle`]: checks and normalises the fields, derives
//! the id and the title, and runs the extractor.
//!
//! Both the HTTP layer (a POST body) and the durable store (a file written by an earlier run)
//! feed articles through here, so an article reloaded after a restart gets exactly the id and
//! the facts it had before. Nothing here knows about HTTP status codes.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::extract::{ArticleContext, extract};
use crate::store::ids;
use crate::store::{ArticleMeta, FactStore, Inserted, NewArticle, StoreError};

/// The zone used when a submission names none.
pub const DEFAULT_TIME_ZONE: &str = "UTC";

/// An article as submitted: the body of `POST /v1/articles`, and the shape of a stored file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "text": "\"We will win,\" said Jane Doe, the mayor of Springfield, on Monday.",
    "published_at": "2025-08-15",
    "title": "Mayor expects to win",
    "source": "Springfield Herald",
    "time_zone": "America/Chicago"
}))]
pub struct ArticleInput {
    /// The article text, plain UTF-8. Must contain something other than white space.
    #[schema(min_length = 1)]
    pub text: String,
    /// The publication date, `2025-08-15`, or an RFC 3339 time whose date in `time_zone` is used.
    /// A date that does not exist (`2025-02-30`) is refused with 422.
    #[schema(
        pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?([Zz]|[+-][0-9]{2}:[0-9]{2})?)?$"
    )]
    pub published_at: String,
    /// The headline; when absent, the first sentence of the text (cut to about 80 characters).
    #[serde(default)]
    pub title: Option<String>,
    /// Where the article comes from (a publication or a feed).
    #[serde(default)]
    pub source: Option<String>,
    /// The newsroom's IANA time zone, the default for clock times the text gives with no zone.
    /// `UTC` when absent.
    #[serde(default)]
    pub time_zone: Option<String>,
}

/// Why a submission is not an article we can read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum InvalidArticle {
    /// The text is empty or only white space.
    #[error("`text` must contain something other than white space")]
    BlankText,
    /// `published_at` is neither an ISO date nor an RFC 3339 time, or names an impossible day.
    #[error(
        "`published_at` {value:?} is not a valid ISO date (2025-08-15) or RFC 3339 time: {reason}"
    )]
    BadPublishedAt {
        /// What was sent.
        value: String,
        /// What the parser said.
        reason: String,
    },
    /// `time_zone` is not in the bundled IANA database.
    #[error("`time_zone` {0:?} is not a known IANA time zone")]
    UnknownTimeZone(String),
}

/// A checked submission: everything the store needs except the facts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Submission {
    /// Id, title, source, date and zone.
    pub meta: ArticleMeta,
    /// The text as sent.
    pub text: String,
    /// See [`ids::content_key`].
    pub content_key: String,
}

impl Submission {
    /// Checks `input` and derives the id and the title.
    ///
    /// ```
    /// use factline::store::ingest::{ArticleInput, Submission};
    /// let input = ArticleInput {
    ///     text: "Jane Doe spoke. Then she left.".into(),
    ///     published_at: "2025-08-15T23:30:00-04:00".into(),
    ///     title: None,
    ///     source: None,
    ///     time_zone: Some("Europe/London".into()),
    /// };
    /// let s = Submission::parse(input).unwrap();
    /// // 23:30 in New York is already the 16th in London.
    /// assert_eq!(s.meta.published_at.to_string(), "2025-08-16");
    /// assert_eq!(s.meta.title, "Jane Doe spoke.");
    /// assert!(s.meta.id.starts_with("jane-doe-spoke-"));
    /// ```
    pub fn parse(input: ArticleInput) -> Result<Self, InvalidArticle> {
        if input.text.trim().is_empty() {
            return Err(InvalidArticle::BlankText);
        }
        let time_zone = input
            .time_zone
            .as_deref()
            .map(str::trim)
            .filter(|z| !z.is_empty())
            .unwrap_or(DEFAULT_TIME_ZONE)
            .to_string();
        let tz = jiff::tz::db()
            .get(&time_zone)
            .map_err(|_| InvalidArticle::UnknownTimeZone(time_zone.clone()))?;
        let published_at = parse_published_at(&input.published_at, &tz)?;
        let title = non_blank(input.title).unwrap_or_else(|| ids::default_title(&input.text));
        let content_key = ids::content_key(&input.text, &published_at.to_string());
        let id = ids::article_id(&title, &content_key);
        Ok(Submission {
            meta: ArticleMeta {
                id,
                title,
                source: non_blank(input.source),
                published_at,
                time_zone,
            },
            text: input.text,
            content_key,
        })
    }

    /// What the extractor is told about the article.
    pub fn context(&self) -> ArticleContext {
        ArticleContext {
            article_id: self.meta.id.clone(),
            published: self.meta.published_at,
            time_zone: self.meta.time_zone.clone(),
        }
    }

    /// The normalised submission, as a durable store writes it: see [`stored_form`].
    pub fn to_input(&self) -> ArticleInput {
        stored_form(&self.meta, &self.text)
    }

    /// Runs the extractor. CPU-bound: async callers run it on a blocking thread.
    pub fn extract(self) -> NewArticle {
        let extraction = extract(&self.text, &self.context());
        NewArticle {
            meta: self.meta,
            text: self.text,
            content_key: self.content_key,
            extraction,
        }
    }
}

/// Why [`ingest`] did not store an article.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The submission is not a readable article.
    #[error(transparent)]
    Invalid(#[from] InvalidArticle),
    /// The store refused or failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The extractor panicked on this text (a bug in the extractor).
    #[error("the extractor failed on article {article_id}: {reason}")]
    Extractor {
        /// The article being read.
        article_id: String,
        /// The panic message.
        reason: String,
    },
}

/// Checks `input`, extracts its facts on a blocking thread, and stores it. A repeat of an
/// article already stored (same text and date) returns that article with `created: false`
/// without running the extractor again.
pub async fn ingest(store: &dyn FactStore, input: ArticleInput) -> Result<Inserted, IngestError> {
    ingest_limited(store, input, None).await
}

/// [`ingest`], with the extraction run only once a permit of `extractions` is held: each
/// extraction takes a blocking thread and a core, so a burst of posts queues here instead of
/// starving the reads. A repeat needs no permit.
pub async fn ingest_limited(
    store: &dyn FactStore,
    input: ArticleInput,
    extractions: Option<&tokio::sync::Semaphore>,
) -> Result<Inserted, IngestError> {
    let submission = Submission::parse(input)?;
    if let Some(existing) = store.find_by_content(&submission.content_key).await? {
        return Ok(Inserted {
            article: existing,
            created: false,
        });
    }
    let article_id = submission.meta.id.clone();
    let permit = match extractions {
        Some(semaphore) => Some(semaphore.acquire().await.map_err(|e| {
            IngestError::Store(StoreError::NotReady(format!("shutting down: {e}")))
        })?),
        None => None,
    };
    let article = tokio::task::spawn_blocking(move || submission.extract())
        .await
        .map_err(|e| IngestError::Extractor {
            article_id,
            reason: e.to_string(),
        })?;
    drop(permit);
    Ok(store.insert_article(article).await?)
}

/// The normalised form of an article: the date as `YYYY-MM-DD`, the resolved title and zone.
/// Replaying it through [`Submission::parse`] gives the same id, date and title, because the
/// id is derived from the title and the date, both written out here.
pub fn stored_form(meta: &ArticleMeta, text: &str) -> ArticleInput {
    ArticleInput {
        text: text.to_string(),
        published_at: meta.published_at.to_string(),
        title: Some(meta.title.clone()),
        source: meta.source.clone(),
        time_zone: Some(meta.time_zone.clone()),
    }
}

/// An ISO date as is; an RFC 3339 time as its date in `tz` (the newsroom's calendar day).
fn parse_published_at(value: &str, tz: &jiff::tz::TimeZone) -> Result<Date, InvalidArticle> {
    let trimmed = value.trim();
    let bad = |reason: String| InvalidArticle::BadPublishedAt {
        value: value.to_string(),
        reason,
    };
    if trimmed.contains(['T', 't', ' ']) {
        let ts: Timestamp = trimmed
            .parse()
            .map_err(|e: jiff::Error| bad(e.to_string()))?;
        return Ok(ts.to_zoned_datetime(tz.clone()).date());
    }
    if !is_iso_date_shape(trimmed) {
        return Err(bad("expected YYYY-MM-DD".to_string()));
    }
    trimmed.parse().map_err(|e: jiff::Error| bad(e.to_string()))
}

/// `YYYY-MM-DD` exactly: jiff alone would also accept other ISO 8601 forms we do not promise.
fn is_iso_date_shape(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

fn non_blank(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

#[cfg(test)]
#[expect(
    clippy::unwrap_used,
    reason = "a test should fail loudly on an unexpected error"
)]
mod tests {
    use super::*;

    fn input(text: &str, published_at: &str, time_zone: Option<&str>) -> ArticleInput {
        ArticleInput {
            text: text.to_string(),
            published_at: published_at.to_string(),
            title: None,
            source: None,
            time_zone: time_zone.map(str::to_string),
        }
    }

    #[test]
    fn blank_text_is_refused() {
        let err = Submission::parse(input(" \n\t", "2025-08-15", None)).unwrap_err();
        assert_eq!(err, InvalidArticle::BlankText);
    }

    #[test]
    fn impossible_and_malformed_dates_are_refused() {
        for bad in [
            "2025-02-30",
            "2025-13-01",
            "15/08/2025",
            "2025-08-15T10:00:00",
            "",
            "2025-8-1",
        ] {
            let err = Submission::parse(input("x", bad, None)).unwrap_err();
            assert!(
                matches!(err, InvalidArticle::BadPublishedAt { .. }),
                "{bad:?} gave {err:?}"
            );
        }
    }

    #[test]
    fn unknown_zone_is_refused_and_default_is_utc() {
        let err = Submission::parse(input("x", "2025-08-15", Some("Mars/Olympus"))).unwrap_err();
        assert_eq!(err, InvalidArticle::UnknownTimeZone("Mars/Olympus".into()));
        let ok = Submission::parse(input("x", "2025-08-15", None)).unwrap();
        assert_eq!(ok.meta.time_zone, "UTC");
    }

    #[test]
    fn timestamp_uses_its_date_in_the_article_zone() {
        let s = Submission::parse(input(
            "x",
            "2025-08-15T02:00:00Z",
            Some("America/Anchorage"),
        ))
        .unwrap();
        assert_eq!(s.meta.published_at.to_string(), "2025-08-14");
    }

    #[test]
    fn the_same_text_and_day_give_the_same_id_whatever_the_date_form() {
        let a =
            Submission::parse(input("Same text.", "2025-08-15", Some("Europe/London"))).unwrap();
        let b = Submission::parse(input(
            "Same text.",
            "2025-08-15T12:00:00+01:00",
            Some("Europe/London"),
        ))
        .unwrap();
        assert_eq!(a.meta.id, b.meta.id);
        assert_eq!(a.content_key, b.content_key);
    }

    #[test]
    fn stored_form_replays_to_the_same_submission() {
        let mut i = input(
            "Body text here.",
            "2025-08-15T23:00:00-07:00",
            Some("Asia/Tokyo"),
        );
        i.title = Some("  A title  ".into());
        i.source = Some("wire".into());
        let first = Submission::parse(i).unwrap();
        let again = Submission::parse(first.to_input()).unwrap();
        assert_eq!(first, again);
        assert_eq!(again.meta.title, "A title");
    }
}
