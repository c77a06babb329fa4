//! Guards the extractor's measured quality: the annotated corpus must score at least its
//! recorded baseline, no quote may be given a speaker the text leaves open, and every gold
//! file must agree with its article (an annotation slip would otherwise read as an extractor
//! error, or hide one).

use std::path::{Path, PathBuf};

use factline::eval::{EvalReport, MistakeKind, check_gold, evaluate_dir};

fn folder(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(name)
}

fn evaluate(name: &str) -> EvalReport {
    match evaluate_dir(&folder(name)) {
        Ok(report) => report,
        Err(e) => panic!("cannot evaluate tests/{name}: {e}"),
    }
}

#[test]
fn corpus_scores_at_least_its_baseline() {
    let report = evaluate("corpus");
    // Shown with `--nocapture` or when the test fails.
    println!("{report}\n{}", report.mistakes());
    let path = folder("corpus").join("baseline.json");
    if std::env::var_os("FACTLINE_WRITE_BASELINE").is_some() {
        // `FACTLINE_WRITE_BASELINE=1 cargo test --test eval_baseline corpus_scores` records
        // the current figures, for when the CLI is not at hand.
        let json = serde_json::to_string_pretty(&report.to_baseline_json()).expect("json");
        std::fs::write(&path, json + "\n").expect("write baseline");
        return;
    }
    let raw = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let baseline: serde_json::Value =
        serde_json::from_str(&raw).unwrap_or_else(|e| panic!("bad {}: {e}", path.display()));
    if let Err(failures) = report.check_against_baseline(&baseline) {
        panic!(
            "below tests/corpus/baseline.json:\n  {}\n(if this is an intended trade-off, \
             rewrite it with `factline eval tests/corpus --write-baseline tests/corpus/baseline.json`)",
            failures.join("\n  ")
        );
    }
}

#[test]
fn no_speaker_where_the_text_leaves_it_open() {
    let mut failures = Vec::new();
    for name in ["corpus", "heldout", "unseen"] {
        let report = evaluate(name);
        for article in report
            .articles
            .iter()
            .filter(|a| a.speaker_where_open() > 0)
        {
            let listed: Vec<String> = article
                .mistakes
                .iter()
                .filter(|m| {
                    m.kind == MistakeKind::WrongSpeaker && m.detail.starts_with("gold null")
                })
                .map(|m| format!("    {}", m.detail))
                .collect();
            failures.push(format!(
                "tests/{name}/{}:\n{}",
                article.article_id,
                listed.join("\n")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "a speaker was given where the text leaves it open:\n{}",
        failures.join("\n")
    );
}

#[test]
fn gold_files_agree_with_their_articles() {
    for name in ["corpus", "heldout", "unseen"] {
        let problems =
            check_gold(&folder(name)).unwrap_or_else(|e| panic!("cannot read tests/{name}: {e}"));
        assert!(
            problems.is_empty(),
            "tests/{name}:\n  {}",
            problems.join("\n  ")
        );
    }
}

#[test]
fn corpus_and_heldout_are_large_enough_to_mean_something() {
    assert!(evaluate("corpus").articles.len() >= 18);
    assert!(evaluate("heldout").articles.len() >= 6);
}

#[test]
fn extractor_does_not_panic_on_any_article() {
    for name in ["corpus", "heldout"] {
        let report = evaluate(name);
        let panicked = report.panicked();
        assert!(
            panicked.is_empty(),
            "tests/{name}: the extractor panicked on {}\n{}",
            panicked.join(", "),
            report.mistakes()
        );
    }
}
