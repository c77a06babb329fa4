//! A [`FactStore`] that keeps every accepted article on disk and survives restarts.
//!
//! Only the submissions are written (one JSON file per article, named by its id, holding
//! `{text, published_at, title, source, time_zone}`); the facts are extracted again at start
//! from the same input, so they always reflect the current extractor. A file is written to a
//! temporary name, flushed, renamed into place and the directory flushed before the insert
//! returns, so a 201 is only ever sent for an article that a crash cannot lose. Queries are
//! answered by the wrapped [`MemoryStore`].

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use async_trait::async_trait;

use crate::model::{Event, Person, Quote};
use crate::store::ingest::{ArticleInput, Submission, stored_form};
use crate::store::memory::MemoryStore;
use crate::store::{
    Article, EventFilter, FactStore, Inserted, Listing, NewArticle, Page, PersonFilter,
    QuoteFilter, StoreError, StoreResult, TimelineEntry,
};

/// Articles in a directory, facts in memory.
#[derive(Debug)]
pub struct DurableStore {
    memory: MemoryStore,
    dir: PathBuf,
    /// Serialises writers so a file and the memory view change together.
    writes: tokio::sync::Mutex<()>,
}

impl DurableStore {
    /// Opens `dir` (creating it if needed), and loads and extracts every article stored there.
    /// Fails, naming the file, if one cannot be read: serving without it would silently lose it.
    pub async fn open(dir: impl Into<PathBuf>) -> StoreResult<Self> {
        let dir = dir.into();
        let load_dir = dir.clone();
        let memory = tokio::task::spawn_blocking(move || load(&load_dir))
            .await
            .map_err(|e| StoreError::Storage(format!("loading panicked: {e}")))??;
        Ok(DurableStore {
            memory,
            dir,
            writes: tokio::sync::Mutex::new(()),
        })
    }

    /// The directory articles are kept in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// How many articles are stored.
    pub fn article_count(&self) -> usize {
        self.memory.article_count()
    }

    fn file_name(id: &str) -> String {
        format!("{id}.json")
    }
}

fn storage(context: &str, path: &Path, e: impl std::fmt::Display) -> StoreError {
    StoreError::Storage(format!("{context} {}: {e}", path.display()))
}

fn load(dir: &Path) -> StoreResult<MemoryStore> {
    fs::create_dir_all(dir).map_err(|e| storage("cannot create", dir, e))?;
    let mut paths = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| storage("cannot read", dir, e))? {
        let path = entry.map_err(|e| storage("cannot read", dir, e))?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') && name.ends_with(".tmp") {
            // A write that never reached its rename: the client never got a 201 for it.
            let _ = fs::remove_file(&path);
        } else if name.ends_with(".json") && !name.starts_with('.') {
            paths.push(path);
        }
    }
    paths.sort();
    let memory = MemoryStore::new();
    for path in paths {
        let bytes = fs::read(&path).map_err(|e| storage("cannot read", &path, e))?;
        let input: ArticleInput = serde_json::from_slice(&bytes)
            .map_err(|e| storage("not an article file:", &path, e))?;
        let submission =
            Submission::parse(input).map_err(|e| storage("invalid article", &path, e))?;
        let expected = DurableStore::file_name(&submission.meta.id);
        if path.file_name().and_then(|n| n.to_str()) != Some(expected.as_str()) {
            tracing::warn!(path = %path.display(), id = %submission.meta.id, "article file name does not match its id");
        }
        memory.insert_now(submission.extract())?;
    }
    Ok(memory)
}

/// Writes `bytes` to `dir/name` so that after return the file is complete on disk or absent:
/// temp file, fsync, rename, fsync of the directory (which makes the rename itself durable).
fn write_durably(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<()> {
    let tmp = dir.join(format!(".{name}.tmp"));
    {
        let mut file = File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
    }
    fs::rename(&tmp, dir.join(name))?;
    sync_dir(dir)
}

fn remove_durably(dir: &Path, name: &str) -> io::Result<()> {
    match fs::remove_file(dir.join(name)) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(e),
    }
    sync_dir(dir)
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[async_trait]
impl FactStore for DurableStore {
    async fn insert_article(&self, article: NewArticle) -> StoreResult<Inserted> {
        let _guard = self.writes.lock().await;
        if let Some(existing) = self.memory.find_by_content(&article.content_key).await? {
            return Ok(Inserted {
                article: existing,
                created: false,
            });
        }
        if self.memory.contains(&article.meta.id) {
            return Err(StoreError::Storage(format!(
                "article id {:?} is taken by different content",
                article.meta.id
            )));
        }
        let body = serde_json::to_vec_pretty(&stored_form(&article.meta, &article.text))
            .map_err(|e| StoreError::Storage(format!("cannot encode article: {e}")))?;
        let dir = self.dir.clone();
        let name = Self::file_name(&article.meta.id);
        tokio::task::spawn_blocking(move || write_durably(&dir, &name, &body))
            .await
            .map_err(|e| StoreError::Storage(format!("write panicked: {e}")))?
            .map_err(|e| storage("cannot write into", &self.dir, e))?;
        self.memory.insert_now(article)
    }

    async fn find_by_content(&self, content_key: &str) -> StoreResult<Option<Article>> {
        self.memory.find_by_content(content_key).await
    }

    async fn delete_article(&self, id: &str) -> StoreResult<()> {
        let _guard = self.writes.lock().await;
        if !self.memory.contains(id) {
            return Err(StoreError::not_found("article", id));
        }
        let dir = self.dir.clone();
        let name = Self::file_name(id);
        tokio::task::spawn_blocking(move || remove_durably(&dir, &name))
            .await
            .map_err(|e| StoreError::Storage(format!("delete panicked: {e}")))?
            .map_err(|e| storage("cannot delete from", &self.dir, e))?;
        self.memory.delete_now(id)
    }

    async fn list_articles(&self, page: Page) -> StoreResult<Listing<Article>> {
        self.memory.list_articles(page).await
    }

    async fn get_article(&self, id: &str) -> StoreResult<Article> {
        self.memory.get_article(id).await
    }

    async fn list_people(&self, filter: &PersonFilter, page: Page) -> StoreResult<Listing<Person>> {
        self.memory.list_people(filter, page).await
    }

    async fn get_person(&self, id: &str) -> StoreResult<Person> {
        self.memory.get_person(id).await
    }

    async fn list_quotes(&self, filter: &QuoteFilter, page: Page) -> StoreResult<Listing<Quote>> {
        self.memory.list_quotes(filter, page).await
    }

    async fn get_quote(&self, id: &str) -> StoreResult<Quote> {
        self.memory.get_quote(id).await
    }

    async fn list_events(&self, filter: &EventFilter, page: Page) -> StoreResult<Listing<Event>> {
        self.memory.list_events(filter, page).await
    }

    async fn get_event(&self, id: &str) -> StoreResult<Event> {
        self.memory.get_event(id).await
    }

    async fn timeline(
        &self,
        filter: &EventFilter,
        page: Page,
    ) -> StoreResult<Listing<TimelineEntry>> {
        self.memory.timeline(filter, page).await
    }

    fn version(&self) -> u64 {
        self.memory.version()
    }

    async fn ready(&self) -> StoreResult<()> {
        match fs::metadata(&self.dir) {
            Ok(m) if m.is_dir() => Ok(()),
            Ok(_) => Err(StoreError::NotReady(format!(
                "{} is not a directory",
                self.dir.display()
            ))),
            Err(e) => Err(StoreError::NotReady(format!(
                "cannot reach {}: {e}",
                self.dir.display()
            ))),
        }
    }
}

#[cfg(test)]
#[expect(
    clippy::unwrap_used,
    reason = "a test should fail loudly on an unexpected error"
)]
mod tests {
    use super::*;

    fn submission(text: &str) -> NewArticle {
        Submission::parse(ArticleInput {
            text: text.into(),
            published_at: "2025-08-15".into(),
            title: None,
            source: Some("test".into()),
            time_zone: Some("Europe/London".into()),
        })
        .unwrap()
        .extract()
    }

    #[tokio::test]
    async fn an_article_survives_a_restart_and_so_does_its_deletion() {
        let dir = tempfile::tempdir().unwrap();
        let kept = submission("Jane Doe spoke on Monday.");
        let dropped = submission("Bob Roe spoke on Tuesday.");
        let (kept_id, dropped_id) = (kept.meta.id.clone(), dropped.meta.id.clone());
        {
            let store = DurableStore::open(dir.path()).await.unwrap();
            assert!(store.insert_article(kept).await.unwrap().created);
            assert!(store.insert_article(dropped).await.unwrap().created);
            assert!(dir.path().join(format!("{kept_id}.json")).exists());
            store.delete_article(&dropped_id).await.unwrap();
            assert!(!dir.path().join(format!("{dropped_id}.json")).exists());
        }
        let reopened = DurableStore::open(dir.path()).await.unwrap();
        let article = reopened.get_article(&kept_id).await.unwrap();
        assert_eq!(article.text.as_deref(), Some("Jane Doe spoke on Monday."));
        assert_eq!(article.source.as_deref(), Some("test"));
        assert_eq!(article.time_zone, "Europe/London");
        assert!(matches!(
            reopened.get_article(&dropped_id).await,
            Err(StoreError::NotFound { .. })
        ));
        assert_eq!(reopened.article_count(), 1);
    }

    #[tokio::test]
    async fn a_repeat_is_not_written_again_and_leftover_temp_files_are_cleared() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join(".half-written.json.tmp"), b"{").unwrap();
        let store = DurableStore::open(dir.path()).await.unwrap();
        assert!(!dir.path().join(".half-written.json.tmp").exists());
        assert!(
            store
                .insert_article(submission("Same."))
                .await
                .unwrap()
                .created
        );
        assert!(
            !store
                .insert_article(submission("Same."))
                .await
                .unwrap()
                .created
        );
        let files = fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(files, 1);
    }

    #[tokio::test]
    async fn a_corrupt_file_stops_the_start_with_its_name() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("broken.json"), b"not json").unwrap();
        let err = DurableStore::open(dir.path()).await.unwrap_err();
        assert!(err.to_string().contains("broken.json"), "{err}");
    }

    #[tokio::test]
    async fn not_ready_when_the_directory_goes_away() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data");
        let store = DurableStore::open(&path).await.unwrap();
        assert!(store.ready().await.is_ok());
        fs::remove_dir_all(&path).unwrap();
        assert!(matches!(store.ready().await, Err(StoreError::NotReady(_))));
    }
}
