//! Ingest at scale into the in-memory store, with extraction and storing timed apart: the
//! generated articles (`scripts/gen-corpus`) are first extracted on every core, then inserted
//! one by one, as the HTTP server does after its extraction threads. Prints, per size, the
//! extraction time, the store-insert time, their sum, and the median time of a filtered
//! events query and a quotes page on the store itself (no HTTP).
//!
//! Run with `cargo bench --bench ingest`; `FACTLINE_BENCH_ARTICLES=1000,10000,100000` picks the
//! sizes (default 1000,10000). The corpora are written to `target/gen-corpus-N.jsonl` once.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use factline::store::ingest::{ArticleInput, Submission};
use factline::store::memory::MemoryStore;
use factline::store::{EventFilter, FactStore, NewArticle, Page, PersonFilter, QuoteFilter};

fn corpus(n: usize) -> Vec<ArticleInput> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let path = root.join(format!("target/gen-corpus-{n}.jsonl"));
    if !path.exists() {
        let out = Command::new(root.join("scripts/gen-corpus"))
            .arg(n.to_string())
            .output()
            .expect("scripts/gen-corpus runs (python3 is needed)");
        assert!(out.status.success(), "scripts/gen-corpus failed");
        std::fs::write(&path, out.stdout).expect("the corpus is written");
    }
    std::fs::read_to_string(&path)
        .expect("the corpus is read")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a generated article"))
        .collect()
}

/// Extracts `inputs` on `threads` threads, keeping their order.
fn extract_all(inputs: Vec<ArticleInput>, threads: usize) -> Vec<NewArticle> {
    let submissions: Vec<Submission> = inputs
        .into_iter()
        .map(|i| Submission::parse(i).expect("a valid article"))
        .collect();
    let chunk = submissions.len().div_ceil(threads).max(1);
    let mut chunks: Vec<Vec<Submission>> = Vec::new();
    let mut rest = submissions;
    while !rest.is_empty() {
        let tail = rest.split_off(chunk.min(rest.len()));
        chunks.push(std::mem::replace(&mut rest, tail));
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .into_iter()
            .map(|c| {
                scope.spawn(move || c.into_iter().map(Submission::extract).collect::<Vec<_>>())
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("an extraction thread"))
            .collect()
    })
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let sizes: Vec<usize> = std::env::var("FACTLINE_BENCH_ARTICLES")
        .unwrap_or_else(|_| "1000,10000".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    for n in sizes {
        let inputs = corpus(n);
        let bytes: usize = inputs.iter().map(|i| i.text.len()).sum();

        let started = Instant::now();
        let articles = extract_all(inputs, threads);
        let extract = started.elapsed();

        let store = MemoryStore::new();
        let started = Instant::now();
        for a in articles {
            store.insert_now(a).expect("inserted");
        }
        let insert = started.elapsed();

        let (events, quotes) = runtime.block_on(async {
            let top = store
                .list_people(
                    &PersonFilter::default(),
                    Page {
                        limit: 1,
                        offset: 0,
                    },
                )
                .await
                .expect("people");
            let filter = EventFilter {
                participant: top.items.first().map(|p| p.id.clone()),
                from: "2015-01-01".parse().ok(),
                ..Default::default()
            };
            let mut events = Vec::new();
            let mut quotes = Vec::new();
            for i in 0..200 {
                let page = Page {
                    limit: 20,
                    offset: i % 50,
                };
                let t = Instant::now();
                std::hint::black_box(store.list_events(&filter, page).await.expect("events"));
                events.push(t.elapsed());
                let t = Instant::now();
                std::hint::black_box(
                    store
                        .list_quotes(&QuoteFilter::default(), page)
                        .await
                        .expect("quotes"),
                );
                quotes.push(t.elapsed());
            }
            (median(events), median(quotes))
        });
        let secs = |d: Duration| d.as_secs_f64();
        println!(
            "ingest/{n}_articles: {:.1} MB of text; extract on {threads} threads {:.2} s ({:.0} articles/s); \
             store insert only {:.3} s ({:.0} articles/s); extract+insert {:.2} s ({:.0} articles/s); \
             filtered events (limit 20) p50 {:.1} us; quotes page (limit 20) p50 {:.1} us",
            bytes as f64 / 1e6,
            secs(extract),
            n as f64 / secs(extract),
            secs(insert),
            n as f64 / secs(insert),
            secs(extract + insert),
            n as f64 / secs(extract + insert),
            events.as_secs_f64() * 1e6,
            quotes.as_secs_f64() * 1e6,
        );
    }
}
