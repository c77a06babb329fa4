//! The in-memory [`FactStore`]: every fact in RAM, indexed for the API's filters.
//!
//! Each article is kept once, compactly ([`compact`]), behind an `Arc`; the indexes (list
//! orders, ids, speakers, participants, the timeline, people) are ordered sets of
//! `(article, position)` pointers into those articles, updated in place under a
//! `std::sync::RwLock`. A write touches only the entries of the article it adds or removes —
//! O(facts × log n), never a rebuild — so ingest stays linear in the number of articles. A
//! read holds the read lock while it walks an index and copies out its page, and only the
//! page is rebuilt as model values; the lock is never held across an `.await`.
//!
//! People are merged across articles at read time, from the person's records in article
//! order ([`merge::MergedPerson`]): keeping merged people would copy every mention's evidence a
//! second time and cost O(records) per insert. What the people list is ordered by — summed
//! mentions and the merged name — is kept up to date per person on each write.

mod compact;

use std::borrow::Borrow;
use std::cmp::{Ordering as CmpOrdering, Reverse};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

use async_trait::async_trait;
use jiff::Timestamp;

use crate::model::{Event, Person, Quote};
use crate::store::merge::MergedPerson;
use crate::store::when::{self, Span};
use crate::store::{
    Article, ArticleMeta, EventFilter, FactStore, Inserted, Listing, NewArticle, Page,
    PersonFilter, QuoteFilter, StoreError, StoreResult, TimelineEntry, article_view,
};
use compact::CompactArticle;

/// One stored article with its facts.
#[derive(Debug)]
struct StoredArticle {
    meta: ArticleMeta,
    content_key: String,
    facts: CompactArticle,
}

impl StoredArticle {
    fn view(&self, with_text: bool) -> Article {
        article_view(
            &self.meta,
            self.facts.counts(),
            with_text.then(|| self.facts.text()),
        )
    }
}

/// An article as a key in articles list order: newest first, then by id.
#[derive(Clone, Debug)]
struct InOrder(Arc<StoredArticle>);

impl Ord for InOrder {
    fn cmp(&self, other: &Self) -> CmpOrdering {
        other
            .0
            .meta
            .published_at
            .cmp(&self.0.meta.published_at)
            .then_with(|| self.0.meta.id.cmp(&other.0.meta.id))
    }
}

impl PartialOrd for InOrder {
    fn partial_cmp(&self, other: &Self) -> Option<CmpOrdering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for InOrder {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == CmpOrdering::Equal
    }
}

impl Eq for InOrder {}

/// Fact `index` (a person record, quote or event, by context) of an article. Ordered as the
/// quote and event lists are: by article, then by position in the article.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct At {
    article: InOrder,
    index: u32,
}

impl At {
    fn new(article: &InOrder, index: usize) -> Self {
        At {
            article: article.clone(),
            // An article's facts are counted in u32 by `CompactArticle`.
            index: u32::try_from(index).unwrap_or(u32::MAX),
        }
    }

    fn stored(&self) -> &StoredArticle {
        &self.article.0
    }

    fn i(&self) -> usize {
        self.index as usize
    }
}

/// A quote (`EVENT == false`) or event found by its id: hashes and compares as its id, so a
/// set of these answers a look-up by `&str` without keeping a copy of every id.
#[derive(Clone, Debug)]
struct ById<const EVENT: bool>(At);

impl<const EVENT: bool> Borrow<str> for ById<EVENT> {
    fn borrow(&self) -> &str {
        let facts = &self.0.stored().facts;
        if EVENT {
            facts.event_id(self.0.i())
        } else {
            facts.quote_id(self.0.i())
        }
    }
}

impl<const EVENT: bool> Hash for ById<EVENT> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        Borrow::<str>::borrow(self).hash(state);
    }
}

impl<const EVENT: bool> PartialEq for ById<EVENT> {
    fn eq(&self, other: &Self) -> bool {
        Borrow::<str>::borrow(self) == Borrow::<str>::borrow(other)
    }
}

impl<const EVENT: bool> Eq for ById<EVENT> {}

/// Fact ids to facts. Ids are the extractor's and should be unique; should two facts ever
/// share one, the first in list order answers, and the others are kept aside so that
/// deleting the first hands the id to the next.
#[derive(Debug, Default)]
struct FactIds<const EVENT: bool> {
    first: HashSet<ById<EVENT>>,
    repeats: HashMap<String, BTreeSet<At>>,
}

impl<const EVENT: bool> FactIds<EVENT> {
    fn get(&self, id: &str) -> Option<&At> {
        self.first.get(id).map(|f| &f.0)
    }

    fn insert(&mut self, at: At) {
        let fact = ById::<EVENT>(at);
        let Some(existing) = self.first.get(Borrow::<str>::borrow(&fact)) else {
            self.first.insert(fact);
            return;
        };
        let id = Borrow::<str>::borrow(&fact).to_string();
        let all = self
            .repeats
            .entry(id)
            .or_insert_with(|| BTreeSet::from([existing.0.clone()]));
        all.insert(fact.0);
        if let Some(min) = all.first().cloned() {
            self.first.replace(ById(min));
        }
    }

    fn remove(&mut self, at: &At) {
        let id = Borrow::<str>::borrow(&ById::<EVENT>(at.clone())).to_string();
        match self.repeats.get_mut(&id) {
            None => {
                self.first.remove(id.as_str());
            }
            Some(all) => {
                all.remove(at);
                match all.first().cloned() {
                    Some(min) => {
                        self.first.replace(ById(min));
                    }
                    None => {
                        self.first.remove(id.as_str());
                    }
                }
                if all.len() <= 1 {
                    self.repeats.remove(&id);
                }
            }
        }
    }
}

/// An event on the timeline, ordered as the timeline is: by the instant its start begins,
/// then its position in the text, its article id and its id, then list order.
#[derive(Clone, Debug)]
struct OnTimeline {
    begins: Timestamp,
    first_offset: usize,
    at: At,
}

impl Ord for OnTimeline {
    fn cmp(&self, other: &Self) -> CmpOrdering {
        timeline_order(
            (self.begins, self.first_offset, &self.at),
            (other.begins, other.first_offset, &other.at),
        )
    }
}

/// The timeline's order on (begins, first offset, event): the article and event ids, which
/// mean reading the article, are compared only on a tie of the first two.
fn timeline_order(a: (Timestamp, usize, &At), b: (Timestamp, usize, &At)) -> CmpOrdering {
    fn ids(at: &At) -> (&str, &str) {
        let facts = &at.stored().facts;
        (facts.event_article_id(at.i()), facts.event_id(at.i()))
    }
    a.0.cmp(&b.0)
        .then_with(|| a.1.cmp(&b.1))
        .then_with(|| ids(a.2).cmp(&ids(b.2)))
        .then_with(|| a.2.cmp(b.2))
}

impl PartialOrd for OnTimeline {
    fn partial_cmp(&self, other: &Self) -> Option<CmpOrdering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for OnTimeline {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == CmpOrdering::Equal
    }
}

impl Eq for OnTimeline {}

/// An event in a participant's index, in list order, carrying what the `from`/`to` filters
/// and the timeline order read: a filtered query counts its matches on these entries alone
/// and reads an article only for the events of its page (or for a `place`/`q` filter).
/// Without the copies, each entry cost a few cache misses into its article, which made
/// `participant=…&from=…` about ten times slower per match at 100,000 articles than at 1,000.
#[derive(Clone, Debug)]
struct ByParticipant {
    at: At,
    span: Option<Span>,
    first_offset: usize,
}

impl ByParticipant {
    fn new(at: At, facts: &CompactArticle) -> Self {
        ByParticipant {
            span: facts.event_span(at.i()).copied(),
            first_offset: facts.event_first_offset(at.i()),
            at,
        }
    }
}

impl Ord for ByParticipant {
    fn cmp(&self, other: &Self) -> CmpOrdering {
        self.at.cmp(&other.at)
    }
}

impl PartialOrd for ByParticipant {
    fn partial_cmp(&self, other: &Self) -> Option<CmpOrdering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for ByParticipant {
    fn eq(&self, other: &Self) -> bool {
        self.at == other.at
    }
}

impl Eq for ByParticipant {}

impl Borrow<At> for ByParticipant {
    fn borrow(&self) -> &At {
        &self.at
    }
}

/// A person's place in the people list: mention count (most first), then name, then id.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct PersonKey {
    mentions: Reverse<usize>,
    name: String,
    id: String,
}

/// One person: their records in article order, and what orders them in the people list.
#[derive(Debug, Default)]
struct PersonEntry {
    records: BTreeSet<At>,
    /// The records by name length (longest first), then article order: the first names the
    /// merged person, as in [`MergedPerson`].
    by_name_length: BTreeSet<(Reverse<usize>, At)>,
    mentions: usize,
}

impl PersonEntry {
    fn key(&self, id: &str) -> PersonKey {
        PersonKey {
            mentions: Reverse(self.mentions),
            name: self
                .by_name_length
                .first()
                .map(|(_, at)| at.stored().facts.person_name(at.i()).to_string())
                .unwrap_or_default(),
            id: id.to_string(),
        }
    }

    /// The merged person; without evidence when only a filter will read it.
    fn merged(&self, with_evidence: bool) -> Option<Person> {
        let mut records = self.records.iter().filter_map(|at| {
            let a = at.stored();
            Some((a.meta.id.as_str(), a.facts.person(at.i(), with_evidence)?))
        });
        let (article_id, first) = records.next()?;
        let mut merged = MergedPerson::new(article_id, first);
        for (article_id, p) in records {
            merged.add(article_id, p);
        }
        Some(merged.finish())
    }
}

/// Everything a read needs, changed in place by each write.
#[derive(Debug, Default)]
struct Indexes {
    articles: BTreeSet<InOrder>,
    by_id: HashMap<String, Arc<StoredArticle>>,
    by_content: HashMap<String, Arc<StoredArticle>>,

    quote_count: usize,
    quote_ids: FactIds<false>,
    quotes_by_speaker: HashMap<String, BTreeSet<At>>,

    event_count: usize,
    event_ids: FactIds<true>,
    events_by_participant: HashMap<String, BTreeSet<ByParticipant>>,
    /// Events with a usable start.
    timeline: BTreeSet<OnTimeline>,

    people: HashMap<String, PersonEntry>,
    people_order: BTreeSet<PersonKey>,
}

impl Indexes {
    fn add(&mut self, stored: Arc<StoredArticle>) {
        let article = InOrder(Arc::clone(&stored));
        let facts = &stored.facts;
        for i in 0..facts.quote_count() {
            let at = At::new(&article, i);
            if let Some(speaker) = facts.quote_speaker(i) {
                add_to(&mut self.quotes_by_speaker, speaker, at.clone());
            }
            self.quote_ids.insert(at);
        }
        for i in 0..facts.event_count() {
            let at = At::new(&article, i);
            for p in facts.event_participants(i) {
                add_to(
                    &mut self.events_by_participant,
                    p,
                    ByParticipant::new(at.clone(), facts),
                );
            }
            if let Some(span) = facts.event_span(i) {
                self.timeline.insert(OnTimeline {
                    begins: span.begins,
                    first_offset: facts.event_first_offset(i),
                    at: at.clone(),
                });
            }
            self.event_ids.insert(at);
        }
        for i in 0..facts.counts().people {
            let id = facts.person_id(i);
            let at = At::new(&article, i);
            let entry = self.people.entry(id.to_string()).or_default();
            if !entry.records.is_empty() {
                self.people_order.remove(&entry.key(id));
            }
            let chars = facts.person_name(i).chars().count();
            entry.by_name_length.insert((Reverse(chars), at.clone()));
            entry.records.insert(at);
            entry.mentions += facts.person_mentions(i);
            self.people_order.insert(entry.key(id));
        }
        self.quote_count += facts.quote_count();
        self.event_count += facts.event_count();
        self.by_id
            .insert(stored.meta.id.clone(), Arc::clone(&stored));
        self.by_content
            .insert(stored.content_key.clone(), Arc::clone(&stored));
        self.articles.insert(article);
    }

    fn remove(&mut self, stored: &Arc<StoredArticle>) {
        let article = InOrder(Arc::clone(stored));
        let facts = &stored.facts;
        for i in 0..facts.quote_count() {
            let at = At::new(&article, i);
            if let Some(speaker) = facts.quote_speaker(i) {
                remove_from(&mut self.quotes_by_speaker, speaker, &at);
            }
            self.quote_ids.remove(&at);
        }
        for i in 0..facts.event_count() {
            let at = At::new(&article, i);
            for p in facts.event_participants(i) {
                remove_from(&mut self.events_by_participant, p, &at);
            }
            if let Some(span) = facts.event_span(i) {
                self.timeline.remove(&OnTimeline {
                    begins: span.begins,
                    first_offset: facts.event_first_offset(i),
                    at: at.clone(),
                });
            }
            self.event_ids.remove(&at);
        }
        for i in 0..facts.counts().people {
            let id = facts.person_id(i);
            let at = At::new(&article, i);
            let Some(entry) = self.people.get_mut(id) else {
                continue;
            };
            if !entry.records.remove(&at) {
                continue;
            }
            self.people_order.remove(&entry.key(id));
            let chars = facts.person_name(i).chars().count();
            entry.by_name_length.remove(&(Reverse(chars), at));
            entry.mentions -= facts.person_mentions(i);
            if entry.records.is_empty() {
                self.people.remove(id);
            } else {
                self.people_order.insert(entry.key(id));
            }
        }
        self.quote_count -= facts.quote_count();
        self.event_count -= facts.event_count();
        self.by_id.remove(&stored.meta.id);
        self.by_content.remove(&stored.content_key);
        self.articles.remove(&article);
    }

    /// The people with records in `article_id`, in people list order.
    fn people_of(&self, article_id: &str) -> Vec<&PersonKey> {
        let Some(a) = self.by_id.get(article_id) else {
            return Vec::new();
        };
        let mut keys: Vec<&PersonKey> = (0..a.facts.counts().people)
            .filter_map(|i| {
                let id = a.facts.person_id(i);
                let key = self.people.get(id).map(|e| e.key(id))?;
                self.people_order.get(&key)
            })
            .collect();
        keys.sort();
        keys.dedup();
        keys
    }

    /// The events of `person` that pass `filter` (whose `article` is not given), in list
    /// order. The `from`/`to` test reads the entry's own copy of the span; only a `place` or
    /// `q` filter reads the article.
    fn participant_events<'s>(
        &'s self,
        filter: &'s EventFilter,
        person: &str,
    ) -> impl Iterator<Item = &'s ByParticipant> {
        self.events_by_participant
            .get(person)
            .into_iter()
            .flatten()
            .filter(move |e| {
                filter.matches_span(e.span.as_ref())
                    && (!filter.reads_text()
                        || e.at
                            .stored()
                            .facts
                            .event(e.at.i())
                            .is_some_and(|ev| filter.matches_text(&ev)))
            })
    }

    /// Every quote (`EVENT == false`) or event, in list order.
    fn all_facts<const EVENT: bool>(&self) -> impl Iterator<Item = (&StoredArticle, usize)> {
        self.articles.iter().flat_map(|a| {
            let n = if EVENT {
                a.0.facts.event_count()
            } else {
                a.0.facts.quote_count()
            };
            (0..n).map(move |i| (&*a.0, i))
        })
    }

    /// The facts of article `id` (`EVENT` as for [`Indexes::all_facts`]).
    fn facts_of<const EVENT: bool>(
        &self,
        id: &str,
    ) -> impl Iterator<Item = (&StoredArticle, usize)> {
        self.by_id.get(id).into_iter().flat_map(|a| {
            let n = if EVENT {
                a.facts.event_count()
            } else {
                a.facts.quote_count()
            };
            (0..n).map(move |i| (&**a, i))
        })
    }

    /// The window `page` of every quote or event, with no filter: skips whole articles.
    fn page_of_all<T, const EVENT: bool>(
        &self,
        page: Page,
        render: impl Fn(&StoredArticle, usize) -> Option<T>,
    ) -> Listing<T> {
        let total = if EVENT {
            self.event_count
        } else {
            self.quote_count
        };
        let mut skip = page.offset;
        let mut items = Vec::new();
        for a in &self.articles {
            if items.len() >= page.limit {
                break;
            }
            let n = if EVENT {
                a.0.facts.event_count()
            } else {
                a.0.facts.quote_count()
            };
            if skip >= n {
                skip -= n;
                continue;
            }
            let room = page.limit - items.len();
            items.extend((skip..n).take(room).filter_map(|i| render(&a.0, i)));
            skip = 0;
        }
        Listing { items, total }
    }
}

fn add_to<T: Ord>(index: &mut HashMap<String, BTreeSet<T>>, key: &str, at: T) {
    match index.get_mut(key) {
        Some(set) => {
            set.insert(at);
        }
        None => {
            index.insert(key.to_string(), BTreeSet::from([at]));
        }
    }
}

fn remove_from<T: Ord + Borrow<At>>(index: &mut HashMap<String, BTreeSet<T>>, key: &str, at: &At) {
    if let Some(set) = index.get_mut(key) {
        set.remove(at);
        if set.is_empty() {
            index.remove(key);
        }
    }
}

/// The `page` window of `hits`, rendering only the items inside it, with the count of all.
fn window<'a, T>(
    page: Page,
    hits: impl Iterator<Item = (&'a StoredArticle, usize)>,
    render: impl Fn(&StoredArticle, usize) -> Option<T>,
) -> Listing<T> {
    let mut items = Vec::new();
    let mut total = 0;
    for (a, i) in hits {
        if total >= page.offset
            && items.len() < page.limit
            && let Some(item) = render(a, i)
        {
            items.push(item);
        }
        total += 1;
    }
    Listing { items, total }
}

fn quote_matches(filter: &QuoteFilter, a: &StoredArticle, i: usize) -> bool {
    a.facts
        .quote_fields(i)
        .is_some_and(|(article, speaker, kind, text)| {
            filter.matches_fields(article, speaker, kind, text)
        })
}

/// One page of `all`, rendered, with the total count of `all`.
fn paged<T, U>(
    all: impl ExactSizeIterator<Item = T>,
    page: Page,
    render: impl FnMut(T) -> Option<U>,
) -> Listing<U> {
    let total = all.len();
    let items = all
        .skip(page.offset)
        .take(page.limit)
        .filter_map(render)
        .collect();
    Listing { items, total }
}

fn event_matches(filter: &EventFilter, a: &StoredArticle, i: usize) -> bool {
    let f = &a.facts;
    filter.matches_ids(f.event_article_id(i), f.event_participants(i))
        && filter.matches_span(f.event_span(i))
        && (!filter.reads_text() || f.event(i).is_some_and(|e| filter.matches_text(&e)))
}

fn timeline_entry(a: &StoredArticle, i: usize, begins: Timestamp) -> Option<TimelineEntry> {
    let event = a.facts.event(i)?;
    let zone = when::event_zone(&event, &a.meta.time_zone).to_string();
    Some(TimelineEntry {
        event,
        begins,
        zone,
        article_published: a.meta.published_at,
        article_time_zone: a.meta.time_zone.clone(),
    })
}

/// Facts in memory only: lost when the process ends. Wrap it in a
/// [`DurableStore`](crate::store::durable::DurableStore) to keep articles across restarts.
#[derive(Debug, Default)]
pub struct MemoryStore {
    indexes: RwLock<Indexes>,
    version: AtomicU64,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn read(&self) -> RwLockReadGuard<'_, Indexes> {
        // A poisoned lock means a panic inside a write. Writes only insert into and remove
        // from sets and maps, which leaves each of them valid, so reading on is safe.
        self.indexes
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn write(&self) -> RwLockWriteGuard<'_, Indexes> {
        self.indexes
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Inserts synchronously; the async trait method wraps this.
    pub fn insert_now(&self, article: NewArticle) -> StoreResult<Inserted> {
        // Packing costs a pass over the facts: done before taking the lock, and skipped when
        // the article is a repeat.
        if let Some(existing) = self.read().by_content.get(&article.content_key) {
            return Ok(Inserted {
                article: existing.view(true),
                created: false,
            });
        }
        let facts = CompactArticle::new(article.text, &article.extraction, &article.meta.time_zone)
            .map_err(|e| StoreError::Storage(e.to_string()))?;
        let stored = Arc::new(StoredArticle {
            meta: article.meta,
            content_key: article.content_key,
            facts,
        });
        let mut indexes = self.write();
        if let Some(existing) = indexes.by_content.get(&stored.content_key) {
            return Ok(Inserted {
                article: existing.view(true),
                created: false,
            });
        }
        if indexes.by_id.contains_key(&stored.meta.id) {
            return Err(StoreError::Storage(format!(
                "article id {:?} is taken by different content",
                stored.meta.id
            )));
        }
        let view = stored.view(true);
        indexes.add(stored);
        self.version.fetch_add(1, Ordering::SeqCst);
        Ok(Inserted {
            article: view,
            created: true,
        })
    }

    /// Deletes synchronously; the async trait method wraps this.
    pub fn delete_now(&self, id: &str) -> StoreResult<()> {
        let mut indexes = self.write();
        let Some(stored) = indexes.by_id.get(id).cloned() else {
            return Err(StoreError::not_found("article", id));
        };
        indexes.remove(&stored);
        self.version.fetch_add(1, Ordering::SeqCst);
        Ok(())
    }

    /// Whether an article with this id is stored.
    pub fn contains(&self, id: &str) -> bool {
        self.read().by_id.contains_key(id)
    }

    /// How many articles are stored.
    pub fn article_count(&self) -> usize {
        self.read().articles.len()
    }
}

#[async_trait]
impl FactStore for MemoryStore {
    async fn insert_article(&self, article: NewArticle) -> StoreResult<Inserted> {
        self.insert_now(article)
    }

    async fn find_by_content(&self, content_key: &str) -> StoreResult<Option<Article>> {
        Ok(self
            .read()
            .by_content
            .get(content_key)
            .map(|a| a.view(true)))
    }

    async fn delete_article(&self, id: &str) -> StoreResult<()> {
        self.delete_now(id)
    }

    async fn list_articles(&self, page: Page) -> StoreResult<Listing<Article>> {
        let s = self.read();
        Ok(page.window(s.articles.iter().map(|a| a.0.view(false)), s.articles.len()))
    }

    async fn get_article(&self, id: &str) -> StoreResult<Article> {
        self.read()
            .by_id
            .get(id)
            .map(|a| a.view(true))
            .ok_or_else(|| StoreError::not_found("article", id))
    }

    async fn list_people(&self, filter: &PersonFilter, page: Page) -> StoreResult<Listing<Person>> {
        let s = self.read();
        let candidates: Vec<&PersonKey> = match &filter.article {
            Some(article) => s.people_of(article),
            None => s.people_order.iter().collect(),
        };
        let merged = |key: &PersonKey, with_evidence: bool| {
            s.people.get(&key.id).and_then(|e| e.merged(with_evidence))
        };
        if filter.q.is_none() && filter.role.is_none() {
            // Every candidate passes: the article filter is what chose them.
            let total = candidates.len();
            let items = candidates
                .into_iter()
                .skip(page.offset)
                .take(page.limit)
                .filter_map(|k| merged(k, true))
                .collect();
            return Ok(Listing { items, total });
        }
        let mut items = Vec::new();
        let mut total = 0;
        for key in candidates {
            if merged(key, false).is_some_and(|p| filter.matches(&p)) {
                if total >= page.offset
                    && items.len() < page.limit
                    && let Some(p) = merged(key, true)
                {
                    items.push(p);
                }
                total += 1;
            }
        }
        Ok(Listing { items, total })
    }

    async fn get_person(&self, id: &str) -> StoreResult<Person> {
        self.read()
            .people
            .get(id)
            .and_then(|e| e.merged(true))
            .ok_or_else(|| StoreError::not_found("person", id))
    }

    async fn list_quotes(&self, filter: &QuoteFilter, page: Page) -> StoreResult<Listing<Quote>> {
        let s = self.read();
        let render = |a: &StoredArticle, i: usize| a.facts.quote(i);
        if filter.is_empty() {
            return Ok(s.page_of_all::<_, false>(page, render));
        }
        let matches = |&(a, i): &(&StoredArticle, usize)| quote_matches(filter, a, i);
        Ok(match (&filter.article, &filter.speaker) {
            (Some(article), _) => {
                window(page, s.facts_of::<false>(article).filter(matches), render)
            }
            (None, Some(speaker)) => window(
                page,
                s.quotes_by_speaker
                    .get(speaker)
                    .into_iter()
                    .flatten()
                    .map(|at| (at.stored(), at.i()))
                    .filter(matches),
                render,
            ),
            (None, None) => window(page, s.all_facts::<false>().filter(matches), render),
        })
    }

    async fn get_quote(&self, id: &str) -> StoreResult<Quote> {
        let s = self.read();
        s.quote_ids
            .get(id)
            .and_then(|at| at.stored().facts.quote(at.i()))
            .ok_or_else(|| StoreError::not_found("quote", id))
    }

    async fn list_events(&self, filter: &EventFilter, page: Page) -> StoreResult<Listing<Event>> {
        let s = self.read();
        let render = |a: &StoredArticle, i: usize| a.facts.event(i);
        if filter.is_empty() {
            return Ok(s.page_of_all::<_, true>(page, render));
        }
        let matches = |&(a, i): &(&StoredArticle, usize)| event_matches(filter, a, i);
        Ok(match (&filter.article, &filter.participant) {
            (Some(article), _) => window(page, s.facts_of::<true>(article).filter(matches), render),
            (None, Some(person)) => window(
                page,
                s.participant_events(filter, person)
                    .map(|e| (e.at.stored(), e.at.i())),
                render,
            ),
            (None, None) => window(page, s.all_facts::<true>().filter(matches), render),
        })
    }

    async fn get_event(&self, id: &str) -> StoreResult<Event> {
        let s = self.read();
        s.event_ids
            .get(id)
            .and_then(|at| at.stored().facts.event(at.i()))
            .ok_or_else(|| StoreError::not_found("event", id))
    }

    async fn timeline(
        &self,
        filter: &EventFilter,
        page: Page,
    ) -> StoreResult<Listing<TimelineEntry>> {
        let s = self.read();
        let render = |t: &OnTimeline| timeline_entry(t.at.stored(), t.at.i(), t.begins);
        if filter.is_empty() {
            return Ok(paged(s.timeline.iter(), page, render));
        }
        if let (None, Some(person)) = (&filter.article, &filter.participant) {
            // The participant's matches, put in timeline order: O(m log m) in the matches
            // instead of a walk over the whole timeline.
            let mut hits: Vec<(Timestamp, &ByParticipant)> = s
                .participant_events(filter, person)
                .filter_map(|e| Some((e.span?.begins, e)))
                .collect();
            hits.sort_unstable_by(|(x, a), (y, b)| {
                timeline_order((*x, a.first_offset, &a.at), (*y, b.first_offset, &b.at))
            });
            return Ok(paged(hits.iter(), page, |(begins, e)| {
                timeline_entry(e.at.stored(), e.at.i(), *begins)
            }));
        }
        if let Some(article) = &filter.article {
            // One article's events, put in timeline order.
            let stored = s.by_id.get(article).map(|a| InOrder(Arc::clone(a)));
            let mut hits: Vec<OnTimeline> = stored
                .iter()
                .flat_map(|a| (0..a.0.facts.event_count()).map(move |i| At::new(a, i)))
                .filter(|at| event_matches(filter, at.stored(), at.i()))
                .filter_map(|at| {
                    let facts = &at.stored().facts;
                    Some(OnTimeline {
                        begins: facts.event_span(at.i())?.begins,
                        first_offset: facts.event_first_offset(at.i()),
                        at,
                    })
                })
                .collect();
            hits.sort_unstable();
            return Ok(paged(hits.iter(), page, render));
        }
        let mut items = Vec::new();
        let mut total = 0;
        for t in &s.timeline {
            if event_matches(filter, t.at.stored(), t.at.i()) {
                if total >= page.offset
                    && items.len() < page.limit
                    && let Some(entry) = render(t)
                {
                    items.push(entry);
                }
                total += 1;
            }
        }
        Ok(Listing { items, total })
    }

    fn version(&self) -> u64 {
        self.version.load(Ordering::SeqCst)
    }

    async fn ready(&self) -> StoreResult<()> {
        Ok(())
    }
}

#[cfg(test)]
#[expect(
    clippy::unwrap_used,
    reason = "a test should fail loudly on an unexpected error"
)]
pub(crate) mod tests {
    use super::*;
    use crate::model::{EventStatus, Evidence, Extraction, Precision, QuoteKind, TimePoint};
    use jiff::civil::date;

    pub(crate) fn person(id: &str, name: &str, article: &str, mentions: usize) -> Person {
        Person {
            id: id.into(),
            name: name.into(),
            aliases: vec![format!("Ms {}", name.rsplit(' ').next().unwrap_or(name))],
            roles: vec!["mayor".into()],
            mention_count: mentions,
            article_ids: vec![article.into()],
            evidence: Vec::new(),
        }
    }

    fn evidence(article: &str, start: usize) -> Evidence {
        Evidence {
            article_id: article.into(),
            sentence: "s".into(),
            start,
            end: start + 1,
        }
    }

    fn event(
        id: &str,
        article: &str,
        start: Option<(&str, Precision)>,
        pos: usize,
        who: &[&str],
    ) -> Event {
        Event {
            id: id.into(),
            article_id: article.into(),
            title: format!("event {id}"),
            kind: "meeting".into(),
            participants: who.iter().map(|w| w.to_string()).collect(),
            participant_names: vec![],
            groups: vec![],
            place: None,
            start: start.map(|(v, p)| TimePoint {
                value: v.into(),
                precision: p,
                time_zone: None,
                utc: None,
                text: v.into(),
                inferred: vec![],
                warnings: vec![],
            }),
            end: None,
            status: EventStatus::Scheduled,
            parent_id: None,
            evidence: vec![evidence(article, pos)],
        }
    }

    pub(crate) fn article(id: &str, day: jiff::civil::Date, extraction: Extraction) -> NewArticle {
        NewArticle {
            meta: ArticleMeta {
                id: id.into(),
                title: id.into(),
                source: None,
                published_at: day,
                time_zone: "UTC".into(),
            },
            text: format!("text of {id}"),
            content_key: format!("key-{id}"),
            extraction,
        }
    }

    fn two_articles() -> (NewArticle, NewArticle) {
        let a = article(
            "a",
            date(2025, 8, 14),
            Extraction {
                people: vec![
                    person("jane-doe", "Jane Doe", "a", 2),
                    person("bob", "Bob", "a", 1),
                ],
                quotes: vec![Quote {
                    id: "a-q1".into(),
                    article_id: "a".into(),
                    speaker_id: Some("jane-doe".into()),
                    speaker_name: Some("Jane Doe".into()),
                    text: "We will win".into(),
                    kind: QuoteKind::Direct,
                    cue: Some("said".into()),
                    evidence: evidence("a", 1),
                }],
                events: vec![
                    event(
                        "a-e1",
                        "a",
                        Some(("2025-08-20", Precision::Day)),
                        50,
                        &["jane-doe"],
                    ),
                    event("a-e2", "a", None, 10, &["bob"]),
                ],
                ..Default::default()
            },
        );
        let mut jane = person("jane-doe", "Jane Q. Doe", "b", 3);
        jane.roles = vec!["Mayor".into(), "candidate".into()];
        let b = article(
            "b",
            date(2025, 8, 15),
            Extraction {
                people: vec![jane],
                quotes: vec![],
                events: vec![
                    event(
                        "b-e1",
                        "b",
                        Some(("2025-08-20T09:00:00Z", Precision::Minute)),
                        5,
                        &["jane-doe"],
                    ),
                    event("b-e2", "b", Some(("2025-08-20", Precision::Day)), 1, &[]),
                ],
                ..Default::default()
            },
        );
        (a, b)
    }

    #[tokio::test]
    async fn people_merge_across_articles_and_unmerge_on_delete() {
        let store = MemoryStore::new();
        let (a, b) = two_articles();
        assert!(store.insert_article(a).await.unwrap().created);
        assert!(store.insert_article(b).await.unwrap().created);

        let jane = store.get_person("jane-doe").await.unwrap();
        assert_eq!(jane.name, "Jane Q. Doe", "the fullest name wins");
        assert!(jane.aliases.contains(&"Jane Doe".to_string()));
        assert_eq!(jane.aliases.iter().filter(|a| *a == "Ms Doe").count(), 1);
        assert_eq!(
            jane.roles,
            vec!["Mayor".to_string(), "candidate".to_string()],
            "newest article first, case folded"
        );
        assert_eq!(jane.mention_count, 5);
        assert_eq!(jane.article_ids, vec!["b".to_string(), "a".to_string()]);

        store.delete_article("a").await.unwrap();
        let jane = store.get_person("jane-doe").await.unwrap();
        assert_eq!(jane.mention_count, 3);
        assert_eq!(jane.article_ids, vec!["b".to_string()]);
        assert!(matches!(
            store.get_person("bob").await,
            Err(StoreError::NotFound { .. })
        ));
        assert!(matches!(
            store.get_quote("a-q1").await,
            Err(StoreError::NotFound { .. })
        ));
        assert!(matches!(
            store.delete_article("a").await,
            Err(StoreError::NotFound { .. })
        ));
    }

    #[tokio::test]
    async fn same_content_is_not_stored_twice() {
        let store = MemoryStore::new();
        let (a, _) = two_articles();
        let v0 = store.version();
        assert!(store.insert_article(a.clone()).await.unwrap().created);
        let v1 = store.version();
        let again = store.insert_article(a).await.unwrap();
        assert!(!again.created);
        assert_eq!(again.article.id, "a");
        assert_eq!(store.version(), v1, "a repeat changes nothing");
        assert_ne!(v0, v1);
        assert_eq!(
            store
                .list_articles(Page {
                    limit: 10,
                    offset: 0
                })
                .await
                .unwrap()
                .total,
            1
        );
    }

    #[tokio::test]
    async fn lists_are_ordered_filtered_and_paged() {
        let store = MemoryStore::new();
        let (a, b) = two_articles();
        store.insert_article(a).await.unwrap();
        store.insert_article(b).await.unwrap();
        let all = Page {
            limit: 50,
            offset: 0,
        };

        let arts = store.list_articles(all).await.unwrap();
        let ids: Vec<_> = arts.items.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["b", "a"], "newest first");
        assert!(arts.items.iter().all(|a| a.text.is_none()));

        let people = store
            .list_people(&PersonFilter::default(), all)
            .await
            .unwrap();
        assert_eq!(people.items[0].id, "jane-doe", "most mentioned first");
        let by_article = PersonFilter {
            article: Some("a".into()),
            ..Default::default()
        };
        assert_eq!(store.list_people(&by_article, all).await.unwrap().total, 2);
        let none = PersonFilter {
            article: Some("zzz".into()),
            ..Default::default()
        };
        assert_eq!(store.list_people(&none, all).await.unwrap().total, 0);

        let by_speaker = QuoteFilter {
            speaker: Some("jane-doe".into()),
            ..Default::default()
        };
        assert_eq!(store.list_quotes(&by_speaker, all).await.unwrap().total, 1);
        let wrong_combo = QuoteFilter {
            speaker: Some("jane-doe".into()),
            article: Some("b".into()),
            ..Default::default()
        };
        assert_eq!(store.list_quotes(&wrong_combo, all).await.unwrap().total, 0);

        let jane_events = EventFilter {
            participant: Some("jane-doe".into()),
            ..Default::default()
        };
        let page = store
            .list_events(
                &jane_events,
                Page {
                    limit: 1,
                    offset: 1,
                },
            )
            .await
            .unwrap();
        assert_eq!(page.total, 2);
        assert_eq!(page.items.len(), 1);
        assert_eq!(page.items[0].id, "a-e1", "article b's events come first");
    }

    #[tokio::test]
    async fn timeline_orders_by_start_then_text_position() {
        let store = MemoryStore::new();
        let (a, b) = two_articles();
        store.insert_article(a).await.unwrap();
        store.insert_article(b).await.unwrap();
        let t = store
            .timeline(&EventFilter::default(), Page::ALL)
            .await
            .unwrap();
        let ids: Vec<_> = t.items.iter().map(|e| e.event.id.as_str()).collect();
        // Both day-precision events begin at 00:00Z on the 20th (b-e2 earlier in its text),
        // the minute one at 09:00Z; the event with no start is left out.
        assert_eq!(ids, ["b-e2", "a-e1", "b-e1"]);
    }

    /// The answers as the store first computed them: everything rebuilt from the articles in
    /// list order, filters applied to every fact. The indexed store must agree with it.
    struct Naive {
        quotes: Vec<(Quote, String)>,
        events: Vec<(Event, String)>,
        people: Vec<Person>,
        timeline: Vec<TimelineEntry>,
    }

    fn naive(articles: &[NewArticle]) -> Naive {
        let mut sorted: Vec<&NewArticle> = articles.iter().collect();
        sorted.sort_by(|a, b| {
            b.meta
                .published_at
                .cmp(&a.meta.published_at)
                .then_with(|| a.meta.id.cmp(&b.meta.id))
        });
        let people = crate::store::merge::merge_people(sorted.iter().flat_map(|a| {
            a.extraction
                .people
                .iter()
                .map(move |p| (a.meta.id.as_str(), p))
        }));
        let mut quotes = Vec::new();
        let mut events = Vec::new();
        let mut timeline = Vec::new();
        for a in &sorted {
            for q in &a.extraction.quotes {
                quotes.push((q.clone(), a.meta.time_zone.clone()));
            }
            for e in &a.extraction.events {
                events.push((e.clone(), a.meta.time_zone.clone()));
                let zone = when::event_zone(e, &a.meta.time_zone).to_string();
                if let Some(span) = e.start.as_ref().and_then(|s| when::span(s, &zone)) {
                    timeline.push(TimelineEntry {
                        event: e.clone(),
                        begins: span.begins,
                        zone,
                        article_published: a.meta.published_at,
                        article_time_zone: a.meta.time_zone.clone(),
                    });
                }
            }
        }
        let first = |e: &Event| {
            e.evidence
                .iter()
                .map(|v| v.start)
                .min()
                .unwrap_or(usize::MAX)
        };
        timeline.sort_by(|x, y| {
            x.begins
                .cmp(&y.begins)
                .then_with(|| first(&x.event).cmp(&first(&y.event)))
                .then_with(|| x.event.article_id.cmp(&y.event.article_id))
                .then_with(|| x.event.id.cmp(&y.event.id))
        });
        Naive {
            quotes,
            events,
            people,
            timeline,
        }
    }

    fn corpus_articles() -> Vec<NewArticle> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        paths.sort();
        paths
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let text = std::fs::read_to_string(p).unwrap();
                // Some articles share a day, so the id breaks ties in the list order.
                let input = crate::store::ingest::ArticleInput {
                    text,
                    published_at: format!("2025-08-{:02}", 1 + i % 9),
                    title: None,
                    source: None,
                    time_zone: Some(
                        if i % 2 == 0 {
                            "Europe/London"
                        } else {
                            "America/New_York"
                        }
                        .into(),
                    ),
                };
                crate::store::ingest::Submission::parse(input)
                    .unwrap()
                    .extract()
            })
            .collect()
    }

    async fn assert_same_answers(store: &MemoryStore, articles: &[NewArticle]) {
        let n = naive(articles);
        let pages = [
            Page::ALL,
            Page {
                limit: 7,
                offset: 0,
            },
            Page {
                limit: 5,
                offset: 11,
            },
            Page {
                limit: 50,
                offset: 10_000,
            },
        ];
        let people_ids: Vec<String> = n.people.iter().map(|p| p.id.clone()).collect();
        let speaker = n.quotes.iter().find_map(|(q, _)| q.speaker_id.clone());
        let busiest = n.people.first().map(|p| p.id.clone());
        let some_article = articles.first().map(|a| a.meta.id.clone());
        for page in pages {
            let people_filters = [
                PersonFilter::default(),
                PersonFilter {
                    q: Some("an".into()),
                    ..Default::default()
                },
                PersonFilter {
                    role: Some("minister".into()),
                    ..Default::default()
                },
                PersonFilter {
                    article: some_article.clone(),
                    ..Default::default()
                },
                PersonFilter {
                    article: some_article.clone(),
                    q: Some("e".into()),
                    ..Default::default()
                },
                PersonFilter {
                    q: Some("  ".into()),
                    ..Default::default()
                },
            ];
            for f in &people_filters {
                let want: Vec<&Person> = n.people.iter().filter(|p| f.matches(p)).collect();
                let got = store.list_people(f, page).await.unwrap();
                assert_eq!(got.total, want.len(), "{f:?}");
                let want_page: Vec<Person> = want
                    .into_iter()
                    .skip(page.offset)
                    .take(page.limit)
                    .cloned()
                    .collect();
                assert_eq!(got.items, want_page, "{f:?} {page:?}");
            }
            let quote_filters = [
                QuoteFilter::default(),
                QuoteFilter {
                    kind: Some(crate::model::QuoteKind::Reported),
                    ..Default::default()
                },
                QuoteFilter {
                    speaker: speaker.clone(),
                    ..Default::default()
                },
                QuoteFilter {
                    q: Some("the".into()),
                    ..Default::default()
                },
                QuoteFilter {
                    article: some_article.clone(),
                    speaker: speaker.clone(),
                    ..Default::default()
                },
                QuoteFilter {
                    article: some_article.clone(),
                    ..Default::default()
                },
            ];
            for f in &quote_filters {
                let want: Vec<&Quote> = n
                    .quotes
                    .iter()
                    .map(|(q, _)| q)
                    .filter(|q| f.matches(q))
                    .collect();
                let got = store.list_quotes(f, page).await.unwrap();
                assert_eq!(got.total, want.len(), "{f:?}");
                let want_page: Vec<Quote> = want
                    .into_iter()
                    .skip(page.offset)
                    .take(page.limit)
                    .cloned()
                    .collect();
                assert_eq!(got.items, want_page, "{f:?} {page:?}");
            }
            let event_filters = [
                EventFilter::default(),
                EventFilter {
                    participant: busiest.clone(),
                    ..Default::default()
                },
                EventFilter {
                    participant: busiest.clone(),
                    from: "2025-08-10".parse().ok(),
                    ..Default::default()
                },
                EventFilter {
                    to: "2025-08-05T12:00:00Z".parse().ok(),
                    ..Default::default()
                },
                EventFilter {
                    place: Some("london".into()),
                    ..Default::default()
                },
                EventFilter {
                    q: Some("meeting".into()),
                    from: "2020-01-01".parse().ok(),
                    ..Default::default()
                },
                EventFilter {
                    article: some_article.clone(),
                    ..Default::default()
                },
            ];
            for f in &event_filters {
                let want: Vec<&Event> = n
                    .events
                    .iter()
                    .filter(|(e, z)| f.matches(e, z))
                    .map(|(e, _)| e)
                    .collect();
                let got = store.list_events(f, page).await.unwrap();
                assert_eq!(got.total, want.len(), "{f:?}");
                let want_page: Vec<Event> = want
                    .into_iter()
                    .skip(page.offset)
                    .take(page.limit)
                    .cloned()
                    .collect();
                assert_eq!(got.items, want_page, "{f:?} {page:?}");
                let want: Vec<&TimelineEntry> = n
                    .timeline
                    .iter()
                    .filter(|t| f.matches(&t.event, &t.article_time_zone))
                    .collect();
                let got = store.timeline(f, page).await.unwrap();
                assert_eq!(got.total, want.len(), "timeline {f:?}");
                let want_page: Vec<TimelineEntry> = want
                    .into_iter()
                    .skip(page.offset)
                    .take(page.limit)
                    .cloned()
                    .collect();
                assert_eq!(got.items, want_page, "timeline {f:?} {page:?}");
            }
        }
        for p in &n.people {
            assert_eq!(&store.get_person(&p.id).await.unwrap(), p);
        }
        for (q, _) in &n.quotes {
            assert_eq!(&store.get_quote(&q.id).await.unwrap(), q);
        }
        for (e, _) in &n.events {
            assert_eq!(&store.get_event(&e.id).await.unwrap(), e);
        }
        assert!(people_ids.len() == n.people.len());
        let listed = store.list_articles(Page::ALL).await.unwrap();
        assert_eq!(listed.total, articles.len());
    }

    #[tokio::test]
    async fn indexes_answer_as_a_full_rebuild_would_through_inserts_and_deletes() {
        let all = corpus_articles();
        assert!(all.len() >= 20, "the corpus should be there");
        let store = MemoryStore::new();
        // Inserted out of list order, so that every index is updated in its middle.
        let mut order: Vec<usize> = (0..all.len()).collect();
        order.sort_by_key(|&i| (i * 7) % all.len());
        let mut held: Vec<NewArticle> = Vec::new();
        for &i in &order {
            store.insert_now(all[i].clone()).unwrap();
            held.push(all[i].clone());
        }
        assert_same_answers(&store, &held).await;

        // Delete a third (people lose records, merged names and orders change), then check
        // that nothing of them is left.
        let gone: Vec<NewArticle> = held.iter().step_by(3).cloned().collect();
        for a in &gone {
            store.delete_now(&a.meta.id).unwrap();
        }
        held.retain(|a| !gone.iter().any(|g| g.meta.id == a.meta.id));
        assert_same_answers(&store, &held).await;
        for a in &gone {
            for q in &a.extraction.quotes {
                assert!(store.get_quote(&q.id).await.is_err(), "{} stays", q.id);
            }
            for e in &a.extraction.events {
                assert!(store.get_event(&e.id).await.is_err(), "{} stays", e.id);
            }
            assert!(
                store
                    .find_by_content(&a.content_key)
                    .await
                    .unwrap()
                    .is_none()
            );
        }

        // And back: the same answers as if they had never left.
        for a in &gone {
            assert!(store.insert_now(a.clone()).unwrap().created);
        }
        assert_same_answers(&store, &all).await;
    }

    #[tokio::test]
    async fn a_shared_fact_id_passes_to_the_next_article_when_the_first_is_deleted() {
        let (mut a, mut b) = two_articles();
        // Article b (newer, so first in list order) carries a quote with a's quote id.
        let mut q = a.extraction.quotes[0].clone();
        q.article_id = "b".into();
        q.text = "b's copy".into();
        b.extraction.quotes.push(q);
        a.extraction.events[0].id = "b-e1".into();
        let store = MemoryStore::new();
        store.insert_now(a).unwrap();
        store.insert_now(b).unwrap();
        assert_eq!(store.get_quote("a-q1").await.unwrap().article_id, "b");
        assert_eq!(store.get_event("b-e1").await.unwrap().article_id, "b");
        store.delete_now("b").unwrap();
        assert_eq!(store.get_quote("a-q1").await.unwrap().article_id, "a");
        assert_eq!(store.get_event("b-e1").await.unwrap().article_id, "a");
        store.delete_now("a").unwrap();
        assert!(store.get_quote("a-q1").await.is_err());
        assert!(store.get_event("b-e1").await.is_err());
        assert_eq!(
            store
                .list_quotes(&QuoteFilter::default(), Page::ALL)
                .await
                .unwrap()
                .total,
            0
        );
        assert_eq!(
            store
                .timeline(&EventFilter::default(), Page::ALL)
                .await
                .unwrap()
                .total,
            0
        );
    }
}
