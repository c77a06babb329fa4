//! Extraction throughput (MB/s of article text, articles/s) on the seed and on the annotated
//! corpus, a size sweep (one article of 64 KiB to 4 MiB of corpus text) that shows whether the
//! time grows in proportion to the length, and ingest of generated articles into the in-memory
//! store.
//!
//! Run with `cargo bench --bench extract`; criterion prints the throughput lines.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use factline::app::{SEED_TEXT, seed_input};
use factline::extract::{ArticleContext, extract};
use factline::store::ingest::{ArticleInput, ingest};
use factline::store::memory::MemoryStore;

fn ctx() -> ArticleContext {
    ArticleContext {
        article_id: "bench".into(),
        published: jiff::civil::date(2025, 8, 15),
        time_zone: "Europe/London".into(),
    }
}

/// The `.txt` articles of the annotated corpus.
fn corpus() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .filter_map(|p| std::fs::read_to_string(p).ok())
                .collect()
        })
        .unwrap_or_default();
    texts.sort();
    texts
}

fn extraction(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(SEED_TEXT.len() as u64));
    group.bench_function("seed_bytes", |b| {
        b.iter(|| extract(black_box(SEED_TEXT), &ctx()));
    });
    let texts = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("corpus_bytes", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(extract(black_box(t), &ctx()));
            }
        });
    });
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.bench_function("corpus_articles", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(extract(black_box(t), &ctx()));
            }
        });
    });
    group.finish();
}

/// One article of about `size` bytes: the corpus articles concatenated, as often as needed,
/// cut at the last paragraph break before `size`.
fn concatenated(texts: &[String], size: usize) -> String {
    let mut out = String::with_capacity(size + 4096);
    'fill: loop {
        for t in texts {
            if out.len() + t.len() + 2 > size {
                break 'fill;
            }
            out.push_str(t);
            out.push_str("\n\n");
        }
        if texts.is_empty() {
            break;
        }
    }
    out
}

fn size_sweep(c: &mut Criterion) {
    let texts = corpus();
    let mut group = c.benchmark_group("extract_size");
    group.sample_size(10);
    for (label, size) in [
        ("64KiB", 64 << 10),
        ("256KiB", 256 << 10),
        ("1MiB", 1 << 20),
        ("4MiB", 4 << 20),
    ] {
        let text = concatenated(&texts, size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(label, |b| {
            b.iter(|| extract(black_box(&text), &ctx()));
        });
    }
    group.finish();
}

fn ingest_generated(c: &mut Criterion) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let n = 100;
    let mut group = c.benchmark_group("ingest");
    group.throughput(Throughput::Elements(n));
    group.sample_size(10);
    group.bench_function("memory_store_100_articles", |b| {
        b.iter(|| {
            runtime.block_on(async {
                let store = MemoryStore::new();
                for i in 0..n {
                    let base = seed_input();
                    let input = ArticleInput {
                        // A different date per article makes each a new article (new id).
                        published_at: format!("2024-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
                        text: format!("{}\nDispatch {i}.", base.text),
                        ..base
                    };
                    black_box(ingest(&store, input).await.expect("ingested"));
                }
            });
        });
    });
    group.finish();
}

criterion_group!(benches, extraction, size_sweep, ingest_generated);
criterion_main!(benches);
