//! Prints the extractor's throughput in MB/s, so that a speed-up can be measured on a fixed input.
//!
//! `cargo run --release --example extract_speed [-- ROUNDS]` measures (a) the corpus texts
//! concatenated twelve times, (b) the corpus texts one by one, as ingest sees them, and (c) three
//! pathological inputs of 1 MiB that must stay linear. Not a benchmark harness: one wall-clock
//! reading per case, best of `ROUNDS` (default 3). A second argument keeps only the cases whose
//! name contains it (`-- 3 "one by one"`), for profiling one case; a third sets the size of the
//! pathological inputs in KiB (`-- 3 pathological 2048`), to check that time grows in proportion.

use std::time::{Duration, Instant};

use factline::extract::{ArticleContext, extract};

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(3);
    let only = std::env::args().nth(2).unwrap_or_default();
    let mut texts = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir("tests/corpus")
        .expect("run from the repository root")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    for p in &paths {
        texts.push(std::fs::read_to_string(p).expect("corpus text"));
    }
    let ctx = ArticleContext {
        article_id: "bench".into(),
        published: jiff::civil::date(2025, 3, 12),
        time_zone: "Europe/London".into(),
    };

    let joined = texts.concat().repeat(12);
    report(
        &only,
        "concatenated corpus ×12",
        joined.len(),
        rounds,
        || {
            extract(&joined, &ctx);
        },
    );
    let total: usize = texts.iter().map(String::len).sum();
    report(
        &only,
        "corpus files one by one ×12",
        total * 12,
        rounds,
        || {
            for _ in 0..12 {
                for t in &texts {
                    extract(t, &ctx);
                }
            }
        },
    );

    let kib: usize = std::env::args()
        .nth(3)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1024);
    let mib = kib << 10;
    let quotes = "“\"‘'”".repeat(mib / 11);
    report(
        &only,
        "pathological: quote marks",
        quotes.len(),
        rounds,
        || {
            extract(&quotes, &ctx);
        },
    );
    let capitals = "Alpha Bravo Charlie Delta ".repeat(mib / 26);
    report(
        &only,
        "pathological: capitalised words, one sentence",
        capitals.len(),
        rounds,
        || {
            extract(&capitals, &ctx);
        },
    );
    let nested = format!(
        "{}said Mayor Jane Doe.{}",
        "He said “she said ‘they said “".repeat(mib / 50),
        "” ’ ”".repeat(mib / 50)
    );
    report(
        &only,
        "pathological: nested quotes",
        nested.len(),
        rounds,
        || {
            extract(&nested, &ctx);
        },
    );
}

/// Runs `f` (when `name` contains `only`) `rounds` times and prints the best time and the throughput over `bytes`.
fn report(only: &str, name: &str, bytes: usize, rounds: usize, mut f: impl FnMut()) {
    if !name.contains(only) {
        return;
    }
    let mut best = Duration::MAX;
    for _ in 0..rounds.max(1) {
        let start = Instant::now();
        f();
        best = best.min(start.elapsed());
    }
    let mbs = bytes as f64 / 1e6 / best.as_secs_f64();
    println!(
        "{name:<40} {:>9} bytes {:>9.1} ms {mbs:>7.2} MB/s",
        bytes,
        best.as_secs_f64() * 1e3
    );
}
