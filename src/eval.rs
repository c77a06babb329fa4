//! Scores the extractor against an annotated folder of articles (see `tests/corpus/README.md`).
//!
//! A folder holds `NN-slug.txt` (the article exactly as published) beside `NN-slug.json` (the
//! gold facts, shape [`Gold`]). [`evaluate_dir`] runs [`crate::extract::extract`] on every
//! article and compares its [`Extraction`] with the gold, fact type by fact type, giving
//! micro-averaged precision, recall and F1 over the folder plus a per-article breakdown.
//!
//! This module only measures. It must not feed anything back into extraction, and it knows
//! nothing about any particular article: every rule below is the same for every file.
//!
//! # Matching rules
//! Every comparison of names, aliases, roles, speakers and places is on a *key*: lower-cased,
//! accents folded (`Pádraig` = `padraig`), curly apostrophes made straight, whitespace collapsed,
//! a leading "the" dropped. Names and speakers also drop leading honorifics ("Mr", "Sir",
//! "Dr.", "Sen.") and a trailing possessive. Matching is always one-to-one: a second prediction
//! of the same gold fact is a false positive, which is how merging duplicates is rewarded.
//!
//! - **people**: gold and predicted people match when their name keys are equal.
//! - **aliases** / **roles**: `(person, alias)` and `(person, role)` pairs, counted only over
//!   matched people (a missed person is already a people false negative). A predicted alias
//!   equal to the person's own name is ignored, and so is one that is the full name with a
//!   title around it ("Prime Minister Lawrence Wong", "Jonathan Fenn KC") unless the gold
//!   lists it. Roles also match when one is the other with a qualifier in front ("foreign
//!   minister" ~ "Icelandic foreign minister").
//! - **direct_quotes**: a predicted direct quote matches a gold one when the *Jaccard* overlap of
//!   their word sets is at least [`DIRECT_OVERLAP`] and the speaker is right (equal keys, or both
//!   null). Jaccard rather than share-of-gold-words, so that swallowing the surrounding sentence
//!   is penalised as much as cutting the quote short.
//! - **direct_spans**: the same with the speaker ignored. Over span-matched pairs the report
//!   counts a wrong speaker, a speaker where the gold says the text leaves it open, and a null
//!   where the gold names one.
//! - **reported_speech** / **reported_spans**: as for direct quotes with overlap at least
//!   [`REPORTED_OVERLAP`] (clause boundaries of indirect speech are fuzzier).
//! - **events**: equal date (the first ten characters of the predicted start's value against
//!   the gold date, or both null), equal participant sets, and a matching place (the gold place
//!   key equals the key of the predicted place's name, city, region or country, or both null).
//! - **event_dates**: one-to-one on the date alone; its recall says how many gold events have
//!   a predicted event on the right day.
//! - **times**: `(text, value)` pairs. Predicted pairs are every [`TimePoint`] found in events
//!   (start and end) and in [`Extraction::times`]. A prediction matches a gold time when the
//!   values are equal and one text contains the other (keys, possessive "'s" dropped). Pairs
//!   with an equal value whose texts contain one another are one expression, on both sides.
//!   The gold leaves expressions inside quotation marks unannotated, so an unmatched
//!   prediction whose text lies inside a gold direct quote is not charged. "Exact-value
//!   recall", a floor, is this recall.
//! - **time_texts**: the same with the value ignored: was the expression found at all?
//!
//! Precision with nothing predicted is 1 when there was nothing to find and 0 otherwise; recall
//! with nothing to find is 1 when nothing was predicted and 0 otherwise.

use std::collections::BTreeSet;
use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::extract::{ArticleContext, extract};
use crate::model::{Event, EventStatus, Extraction, QuoteKind, TimePoint};

/// Least Jaccard word overlap for a direct quote to match.
pub const DIRECT_OVERLAP: f64 = 0.8;
/// Least Jaccard word overlap for reported speech to match.
pub const REPORTED_OVERLAP: f64 = 0.5;
/// How far a figure may fall below its baseline before [`EvalReport::check_against_baseline`]
/// fails: enough to absorb rounding, not enough to hide a lost fact on a small corpus.
pub const BASELINE_TOLERANCE: f64 = 0.005;

/// The gold facts of one article, as written in `NN-slug.json`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gold {
    /// The article's publication date, ISO (`2025-03-12`).
    pub published_at: String,
    /// The newsroom's IANA zone.
    pub time_zone: String,
    /// Every person the article names.
    pub people: Vec<GoldPerson>,
    /// Every direct quote and every piece of reported speech.
    pub quotes: Vec<GoldQuote>,
    /// Every happening, one entry however often it is mentioned.
    pub events: Vec<GoldEvent>,
    /// Every time expression with its normalised value.
    pub times: Vec<GoldTime>,
}

/// A gold person.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldPerson {
    /// The fullest form in the text, without honorifics.
    pub name: String,
    /// Every other surface form that refers to them.
    pub aliases: Vec<String>,
    /// Offices the text gives them, normalised.
    pub roles: Vec<String>,
}

/// A gold quote.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldQuote {
    /// Direct or reported.
    pub kind: QuoteKind,
    /// A person's canonical name, a named non-person source, or null when the text leaves it open.
    pub speaker: Option<String>,
    /// The words; a split quote joins its parts with one space.
    pub text: String,
}

/// A gold event.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldEvent {
    /// `meeting`, `summit`, `call`, ... (not scored; used to break ties).
    pub kind: String,
    /// Canonical names of the people taking part.
    pub participants: Vec<String>,
    /// The most specific place the text gives, or null.
    pub place: Option<String>,
    /// The start's day (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` when that is all the text gives).
    pub date: Option<String>,
    /// Past, scheduled or hypothetical (not scored into F1; reported as accuracy).
    pub status: EventStatus,
}

/// A gold time expression.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GoldTime {
    /// The words of the article.
    pub text: String,
    /// `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or RFC 3339 with offset.
    pub value: String,
}

/// The fact types scored, in the order the report prints them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Metric {
    /// People by canonical name.
    People,
    /// `(person, alias)` pairs over matched people.
    Aliases,
    /// `(person, role)` pairs over matched people.
    Roles,
    /// Direct quotes with the right speaker.
    DirectQuotes,
    /// Direct quotes by span only.
    DirectSpans,
    /// Reported speech with the right speaker.
    ReportedSpeech,
    /// Reported speech by span only.
    ReportedSpans,
    /// Events by date, participants and place.
    Events,
    /// Events by date alone.
    EventDates,
    /// Time expressions by value and text.
    Times,
    /// Time expressions by text alone.
    TimeTexts,
}

impl Metric {
    /// Every metric, in report order.
    pub const ALL: [Metric; 11] = [
        Metric::People,
        Metric::Aliases,
        Metric::Roles,
        Metric::DirectQuotes,
        Metric::DirectSpans,
        Metric::ReportedSpeech,
        Metric::ReportedSpans,
        Metric::Events,
        Metric::EventDates,
        Metric::Times,
        Metric::TimeTexts,
    ];

    /// The name used in the table and in baseline keys.
    pub fn name(self) -> &'static str {
        match self {
            Metric::People => "people",
            Metric::Aliases => "aliases",
            Metric::Roles => "roles",
            Metric::DirectQuotes => "direct_quotes",
            Metric::DirectSpans => "direct_spans",
            Metric::ReportedSpeech => "reported_speech",
            Metric::ReportedSpans => "reported_spans",
            Metric::Events => "events",
            Metric::EventDates => "event_dates",
            Metric::Times => "times",
            Metric::TimeTexts => "time_texts",
        }
    }

    /// Span-only and date-only metrics, which explain a primary metric's errors.
    pub fn is_diagnostic(self) -> bool {
        matches!(
            self,
            Metric::DirectSpans | Metric::ReportedSpans | Metric::EventDates | Metric::TimeTexts
        )
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// True positives, false positives and false negatives of one metric.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predictions that match a gold fact.
    pub tp: usize,
    /// Predictions that match none.
    pub fp: usize,
    /// Gold facts no prediction matched.
    pub fn_: usize,
}

impl Counts {
    /// `tp / (tp + fp)`; see the module docs for the empty cases.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp, self.fn_ == 0)
    }

    /// `tp / (tp + fn)`; see the module docs for the empty cases.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_, self.fp == 0)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

fn ratio(num: usize, den: usize, perfect_when_empty: bool) -> f64 {
    if den == 0 {
        if perfect_when_empty { 1.0 } else { 0.0 }
    } else {
        num as f64 / den as f64
    }
}

/// Speaker errors over span-matched quotes of one kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SpeakerErrors {
    /// Both name a speaker, and not the same one.
    pub wrong: usize,
    /// The gold says the text leaves the speaker open, the prediction names one.
    pub where_open: usize,
    /// The gold names a speaker, the prediction gives none.
    pub null_where_named: usize,
}

impl SpeakerErrors {
    fn add(&mut self, other: SpeakerErrors) {
        self.wrong += other.wrong;
        self.where_open += other.where_open;
        self.null_where_named += other.null_where_named;
    }
}

/// Whether a listed mistake is something predicted wrongly or something missed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MistakeKind {
    /// Predicted, not in the gold.
    FalsePositive,
    /// In the gold, not predicted.
    FalseNegative,
    /// The quoted words were found but attributed differently (also counted as FP and FN).
    WrongSpeaker,
}

/// One false positive or false negative, for `--mistakes`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mistake {
    /// The metric it counts against.
    pub metric: Metric,
    /// Predicted wrongly or missed.
    pub kind: MistakeKind,
    /// What it was, readable.
    pub detail: String,
}

/// The scores of one article.
#[derive(Clone, Debug, Default)]
pub struct ArticleScore {
    /// The file stem, also the `article_id` passed to the extractor.
    pub article_id: String,
    counts: [Counts; Metric::ALL.len()],
    /// Speaker errors over span-matched direct quotes.
    pub direct_speakers: SpeakerErrors,
    /// Speaker errors over span-matched reported speech.
    pub reported_speakers: SpeakerErrors,
    /// Matched events whose status equals the gold's.
    pub status_right: usize,
    /// Matched events.
    pub events_matched: usize,
    /// Every false positive and false negative, in metric order.
    pub mistakes: Vec<Mistake>,
    /// The extractor's panic message, if it panicked on this article (then scored as empty).
    pub panic: Option<String>,
}

impl ArticleScore {
    /// The counts of one metric.
    pub fn counts(&self, metric: Metric) -> Counts {
        self.counts[metric.index()]
    }

    fn set(&mut self, metric: Metric, outcome: Outcome) {
        self.counts[metric.index()] = outcome.counts;
        if metric.is_diagnostic() {
            // Their misses repeat the primary metric's; speaker errors are listed instead.
            return;
        }
        for detail in outcome.false_positives {
            self.mistakes.push(Mistake {
                metric,
                kind: MistakeKind::FalsePositive,
                detail,
            });
        }
        for detail in outcome.false_negatives {
            self.mistakes.push(Mistake {
                metric,
                kind: MistakeKind::FalseNegative,
                detail,
            });
        }
    }

    /// Speakers given where the gold says the text leaves them open, direct and reported.
    pub fn speaker_where_open(&self) -> usize {
        self.direct_speakers.where_open + self.reported_speakers.where_open
    }
}

/// Precision, recall and F1 per fact type over a folder, with the per-article breakdown.
#[derive(Clone, Debug, Default)]
pub struct EvalReport {
    /// One entry per article, in file-name order.
    pub articles: Vec<ArticleScore>,
}

/// One quality floor the lead has set, and whether the report meets it.
#[derive(Clone, Debug, PartialEq)]
pub struct Floor {
    /// What is measured, readable.
    pub label: &'static str,
    /// The measured figure.
    pub value: f64,
    /// The bound.
    pub bound: f64,
    /// Whether `value` meets `bound` (at least, or at most for error counts).
    pub met: bool,
}

impl EvalReport {
    /// The micro-averaged counts of one metric over every article.
    pub fn total(&self, metric: Metric) -> Counts {
        let mut total = Counts::default();
        for article in &self.articles {
            total.add(article.counts(metric));
        }
        total
    }

    /// Speaker errors over span-matched direct quotes, summed.
    pub fn direct_speakers(&self) -> SpeakerErrors {
        let mut total = SpeakerErrors::default();
        for article in &self.articles {
            total.add(article.direct_speakers);
        }
        total
    }

    /// Speaker errors over span-matched reported speech, summed.
    pub fn reported_speakers(&self) -> SpeakerErrors {
        let mut total = SpeakerErrors::default();
        for article in &self.articles {
            total.add(article.reported_speakers);
        }
        total
    }

    /// Speakers given where the text leaves them open, over every quote of every article.
    pub fn speaker_where_open(&self) -> usize {
        self.articles
            .iter()
            .map(ArticleScore::speaker_where_open)
            .sum()
    }

    /// The articles the extractor panicked on.
    pub fn panicked(&self) -> Vec<&str> {
        self.articles
            .iter()
            .filter(|a| a.panic.is_some())
            .map(|a| a.article_id.as_str())
            .collect()
    }

    /// The floors: people F1, direct quotes F1, exact times, event recall, open speakers.
    pub fn floors(&self) -> Vec<Floor> {
        let at_least = |label, value: f64, bound| Floor {
            label,
            value,
            bound,
            met: value >= bound,
        };
        let open = self.speaker_where_open() as f64;
        vec![
            at_least("people F1", self.total(Metric::People).f1(), 0.95),
            at_least(
                "direct quotes with right speaker F1",
                self.total(Metric::DirectQuotes).f1(),
                0.95,
            ),
            at_least(
                "times exact-value recall",
                self.total(Metric::Times).recall(),
                0.90,
            ),
            at_least("events recall", self.total(Metric::Events).recall(), 0.85),
            Floor {
                label: "speaker where the text leaves it open (count)",
                value: open,
                bound: 0.0,
                met: open == 0.0,
            },
        ]
    }

    /// Every false positive and false negative, article by article.
    pub fn mistakes(&self) -> String {
        let mut out = String::new();
        for article in &self.articles {
            if article.mistakes.is_empty() && article.panic.is_none() {
                continue;
            }
            let _ = writeln!(out, "== {}", article.article_id);
            if let Some(message) = &article.panic {
                let _ = writeln!(out, "  extractor panicked: {message}");
            }
            for mistake in &article.mistakes {
                let tag = match mistake.kind {
                    MistakeKind::FalsePositive => "FP",
                    MistakeKind::FalseNegative => "FN",
                    MistakeKind::WrongSpeaker => "SP",
                };
                let _ = writeln!(
                    out,
                    "  {tag} {:<15} {}",
                    mistake.metric.name(),
                    mistake.detail
                );
            }
        }
        out
    }

    /// The figures as baseline JSON: `{"figures": {"people.f1": 0.9, ...}, "counts": {...}}`.
    ///
    /// Figures are rounded to four places so the file diffs cleanly; the check's tolerance is
    /// far wider than the rounding.
    pub fn to_baseline_json(&self) -> serde_json::Value {
        let mut figures = serde_json::Map::new();
        for (key, value) in self.figures() {
            let rounded = (value * 10_000.0).round() / 10_000.0;
            figures.insert(key, serde_json::json!(rounded));
        }
        serde_json::json!({
            "figures": figures,
            "counts": { "speaker_where_open": self.speaker_where_open() },
        })
    }

    /// Fails, listing each, for every figure more than [`BASELINE_TOLERANCE`] below its
    /// baseline, every count above its baseline, and every baseline key this report lacks.
    pub fn check_against_baseline(&self, baseline: &serde_json::Value) -> Result<(), Vec<String>> {
        let mut failures = Vec::new();
        let figures = self.figures();
        match baseline
            .get("figures")
            .and_then(serde_json::Value::as_object)
        {
            Some(expected) => {
                for (key, want) in expected {
                    let Some(want) = want.as_f64() else {
                        failures.push(format!("baseline figure {key} is not a number"));
                        continue;
                    };
                    match figures.iter().find(|(name, _)| name == key) {
                        None => failures.push(format!("baseline figure {key} is not reported")),
                        Some((_, got)) if *got < want - BASELINE_TOLERANCE => {
                            failures.push(format!("{key} fell to {got:.4}, baseline {want:.4}"))
                        }
                        Some(_) => {}
                    }
                }
            }
            None => failures.push("baseline has no \"figures\" object".to_string()),
        }
        if let Some(counts) = baseline
            .get("counts")
            .and_then(serde_json::Value::as_object)
        {
            for (key, want) in counts {
                let got = match key.as_str() {
                    "speaker_where_open" => self.speaker_where_open(),
                    _ => {
                        failures.push(format!("baseline count {key} is not reported"));
                        continue;
                    }
                };
                match want.as_u64() {
                    Some(want) if (got as u64) > want => {
                        failures.push(format!("{key} rose to {got}, baseline {want}"));
                    }
                    Some(_) => {}
                    None => failures.push(format!("baseline count {key} is not a whole number")),
                }
            }
        }
        if failures.is_empty() {
            Ok(())
        } else {
            Err(failures)
        }
    }

    /// Every baseline figure, `metric.stat` → value.
    fn figures(&self) -> Vec<(String, f64)> {
        let mut figures = Vec::new();
        for metric in Metric::ALL {
            let counts = self.total(metric);
            let name = metric.name();
            figures.push((format!("{name}.precision"), counts.precision()));
            figures.push((format!("{name}.recall"), counts.recall()));
            figures.push((format!("{name}.f1"), counts.f1()));
        }
        figures
    }
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "factline eval: {} articles", self.articles.len())?;
        for metric in Metric::ALL {
            let c = self.total(metric);
            writeln!(
                f,
                "{:<16} P {:.3} R {:.3} F1 {:.3}   (tp {} fp {} fn {})",
                metric.name(),
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.fp,
                c.fn_
            )?;
        }
        for (label, errors) in [
            ("direct quotes", self.direct_speakers()),
            ("reported speech", self.reported_speakers()),
        ] {
            writeln!(
                f,
                "{label}: wrong speaker {}, speaker where the text leaves it open {}, null where gold names one {}",
                errors.wrong, errors.where_open, errors.null_where_named
            )?;
        }
        let matched: usize = self.articles.iter().map(|a| a.events_matched).sum();
        let right: usize = self.articles.iter().map(|a| a.status_right).sum();
        writeln!(
            f,
            "events: date-only recall {:.3}; status right in {right} of {matched} matched",
            self.total(Metric::EventDates).recall()
        )?;
        writeln!(
            f,
            "times: exact-value recall {:.3}; expression found (any value) {:.3}",
            self.total(Metric::Times).recall(),
            self.total(Metric::TimeTexts).recall()
        )?;
        for a in self.articles.iter().filter(|a| a.panic.is_some()) {
            let message = a.panic.as_deref().unwrap_or_default();
            let first_line = message.lines().next().unwrap_or_default();
            writeln!(f, "extractor PANICKED on {}: {first_line}", a.article_id)?;
        }
        writeln!(f, "floors:")?;
        for floor in self.floors() {
            let op = if floor.bound == 0.0 { "==" } else { ">=" };
            writeln!(
                f,
                "  {:<46} {:>7.3} {op} {:.2}  {}",
                floor.label,
                floor.value,
                floor.bound,
                if floor.met { "met" } else { "NOT met" }
            )?;
        }
        writeln!(f, "per article (F1): people direct reported events times")?;
        for a in &self.articles {
            writeln!(
                f,
                "  {:<34} {:.2} {:.2} {:.2} {:.2} {:.2}",
                a.article_id,
                a.counts(Metric::People).f1(),
                a.counts(Metric::DirectQuotes).f1(),
                a.counts(Metric::ReportedSpeech).f1(),
                a.counts(Metric::Events).f1(),
                a.counts(Metric::Times).f1()
            )?;
        }
        Ok(())
    }
}

/// Why a folder could not be scored.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A gold file is not valid JSON of the gold shape.
    #[error("bad gold file {path}: {source}")]
    Gold {
        /// The file.
        path: String,
        /// The cause.
        source: serde_json::Error,
    },
    /// A gold file's `published_at` is not an ISO date.
    #[error("bad published_at {value:?} in {path}")]
    Date {
        /// The file.
        path: String,
        /// The value found.
        value: String,
    },
    /// An article has no gold file beside it.
    #[error("no gold file {path} for the article beside it")]
    MissingGold {
        /// The expected gold file.
        path: String,
    },
    /// The folder holds no `NN-*.txt` article.
    #[error("no NN-*.txt articles in {path}")]
    Empty {
        /// The folder.
        path: String,
    },
}

/// One article of a folder with its gold, read and parsed.
#[derive(Clone, Debug)]
pub struct AnnotatedArticle {
    /// The file stem (`01-downing-street`).
    pub id: String,
    /// The article text exactly as in the file.
    pub text: String,
    /// The gold facts.
    pub gold: Gold,
    /// `gold.published_at`, parsed.
    pub published: jiff::civil::Date,
}

/// Reads every `NN-*.txt` of `dir` with its `.json`, in file-name order.
pub fn read_dir(dir: &Path) -> Result<Vec<AnnotatedArticle>, EvalError> {
    let io = |path: &Path, source| EvalError::Io {
        path: path.display().to_string(),
        source,
    };
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| io(dir, e))? {
        let path = entry.map_err(|e| io(dir, e))?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let b = name.as_bytes();
        let numbered =
            b.len() > 3 && b[0].is_ascii_digit() && b[1].is_ascii_digit() && b[2] == b'-';
        if numbered && name.ends_with(".txt") {
            paths.push(path);
        }
    }
    paths.sort();
    if paths.is_empty() {
        return Err(EvalError::Empty {
            path: dir.display().to_string(),
        });
    }
    let mut articles = Vec::new();
    for path in paths {
        let gold_path = path.with_extension("json");
        if !gold_path.exists() {
            return Err(EvalError::MissingGold {
                path: gold_path.display().to_string(),
            });
        }
        let text = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
        let raw = std::fs::read_to_string(&gold_path).map_err(|e| io(&gold_path, e))?;
        let gold: Gold = serde_json::from_str(&raw).map_err(|source| EvalError::Gold {
            path: gold_path.display().to_string(),
            source,
        })?;
        let published = gold.published_at.parse().map_err(|_| EvalError::Date {
            path: gold_path.display().to_string(),
            value: gold.published_at.clone(),
        })?;
        let id = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        articles.push(AnnotatedArticle {
            id,
            text,
            gold,
            published,
        });
    }
    Ok(articles)
}

/// Scores every annotated article in `dir`.
pub fn evaluate_dir(dir: &Path) -> Result<EvalReport, EvalError> {
    let mut report = EvalReport::default();
    for article in read_dir(dir)? {
        let ctx = ArticleContext {
            article_id: article.id.clone(),
            published: article.published,
            time_zone: article.gold.time_zone.clone(),
        };
        // A panic on one article is reported against that article (scored as if nothing
        // was extracted) rather than hiding the figures of every other one.
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            extract(&article.text, &ctx)
        }));
        let (predicted, panic) = match outcome {
            Ok(predicted) => (predicted, None),
            Err(payload) => (Extraction::default(), Some(panic_message(payload.as_ref()))),
        };
        let mut score = score_article(&article.id, &article.gold, &predicted);
        score.panic = panic;
        report.articles.push(score);
    }
    Ok(report)
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "non-string panic payload".to_string()
    }
}

/// Scores one extraction against its gold (the rules are in the module docs).
pub fn score_article(article_id: &str, gold: &Gold, predicted: &Extraction) -> ArticleScore {
    let mut score = ArticleScore {
        article_id: article_id.to_string(),
        ..ArticleScore::default()
    };
    score_people(&mut score, gold, predicted);
    score_quotes(&mut score, gold, predicted, QuoteKind::Direct);
    score_quotes(&mut score, gold, predicted, QuoteKind::Reported);
    score_events(&mut score, gold, predicted);
    score_times(&mut score, gold, predicted);
    score
}

/// The counts of one comparison and readable descriptions of what went wrong.
#[derive(Default)]
struct Outcome {
    counts: Counts,
    false_positives: Vec<String>,
    false_negatives: Vec<String>,
}

/// One-to-one greedy matching: `candidates` are `(gold, predicted, score)`; higher scores
/// (then earlier gold, then earlier prediction) are taken first. Returns the pairs taken.
fn match_greedy(mut candidates: Vec<(usize, usize, f64)>) -> Vec<(usize, usize)> {
    candidates.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    let mut gold_used = BTreeSet::new();
    let mut pred_used = BTreeSet::new();
    let mut pairs = Vec::new();
    for (g, p, _) in candidates {
        if !gold_used.contains(&g) && !pred_used.contains(&p) {
            gold_used.insert(g);
            pred_used.insert(p);
            pairs.push((g, p));
        }
    }
    pairs
}

/// Matches `gold` against `pred` with `score` (None = no match) and describes the leftovers.
fn compare<G, P>(
    gold: &[G],
    pred: &[P],
    score: impl Fn(&G, &P) -> Option<f64>,
    describe_gold: impl Fn(&G) -> String,
    describe_pred: impl Fn(&P) -> String,
) -> (Outcome, Vec<(usize, usize)>) {
    let mut candidates = Vec::new();
    for (g, gi) in gold.iter().enumerate() {
        for (p, pi) in pred.iter().enumerate() {
            if let Some(s) = score(gi, pi) {
                candidates.push((g, p, s));
            }
        }
    }
    let pairs = match_greedy(candidates);
    let gold_hit: BTreeSet<usize> = pairs.iter().map(|&(g, _)| g).collect();
    let pred_hit: BTreeSet<usize> = pairs.iter().map(|&(_, p)| p).collect();
    let outcome = Outcome {
        counts: Counts {
            tp: pairs.len(),
            fp: pred.len() - pred_hit.len(),
            fn_: gold.len() - gold_hit.len(),
        },
        false_positives: (0..pred.len())
            .filter(|p| !pred_hit.contains(p))
            .map(|p| describe_pred(&pred[p]))
            .collect(),
        false_negatives: (0..gold.len())
            .filter(|g| !gold_hit.contains(g))
            .map(|g| describe_gold(&gold[g]))
            .collect(),
    };
    (outcome, pairs)
}

fn score_people(score: &mut ArticleScore, gold: &Gold, predicted: &Extraction) {
    let (outcome, pairs) = compare(
        &gold.people,
        &predicted.people,
        |g, p| (name_key(&g.name) == name_key(&p.name)).then_some(1.0),
        |g| g.name.clone(),
        |p| p.name.clone(),
    );
    score.set(Metric::People, outcome);

    let mut aliases = Outcome::default();
    let mut roles = Outcome::default();
    for (g, p) in pairs {
        let (gp, pp) = (&gold.people[g], &predicted.people[p]);
        let own_name = surface_key(&pp.name);
        let gold_aliases: Vec<&String> = gp.aliases.iter().collect();
        let in_gold = |a: &str| gp.aliases.iter().any(|g| surface_key(g) == surface_key(a));
        // "Prime Minister Lawrence Wong" or "Jonathan Fenn KC" is the name with a title, a
        // convention rather than a new way of referring to them: neither credited nor charged
        // unless the gold lists it.
        let predicted_aliases: Vec<&String> = pp
            .aliases
            .iter()
            .filter(|a| surface_key(a) != own_name)
            .filter(|a| in_gold(a) || !contains_words(&surface_key(a), &own_name))
            .collect();
        merge_pairs(
            &mut aliases,
            &gp.name,
            &gold_aliases,
            &predicted_aliases,
            |a, b| surface_key(a) == surface_key(b),
        );
        let gold_roles: Vec<&String> = gp.roles.iter().collect();
        let predicted_roles: Vec<&String> = pp.roles.iter().collect();
        merge_pairs(
            &mut roles,
            &gp.name,
            &gold_roles,
            &predicted_roles,
            roles_match,
        );
    }
    score.set(Metric::Aliases, aliases);
    score.set(Metric::Roles, roles);
}

/// Adds the `(person, form)` pairs of one matched person to `outcome`, comparing surface keys
/// and counting each distinct key once per side.
fn merge_pairs(
    outcome: &mut Outcome,
    person: &str,
    gold: &[&String],
    pred: &[&String],
    same: impl Fn(&str, &str) -> bool,
) {
    let dedupe = |forms: &[&String]| {
        let mut seen = BTreeSet::new();
        forms
            .iter()
            .filter(|f| seen.insert(surface_key(f)))
            .map(|f| f.to_string())
            .collect::<Vec<_>>()
    };
    let (gold, pred) = (dedupe(gold), dedupe(pred));
    let (o, _) = compare(
        &gold,
        &pred,
        |g, p| same(g, p).then_some(1.0),
        |g| format!("{person}: {g}"),
        |p| format!("{person}: {p}"),
    );
    outcome.counts.add(o.counts);
    outcome.false_positives.extend(o.false_positives);
    outcome.false_negatives.extend(o.false_negatives);
}

/// Whether `words` appear in `text` as whole words.
fn contains_words(text: &str, words: &str) -> bool {
    format!(" {text} ").contains(&format!(" {words} "))
}

/// Roles match when equal, or when one is the other with a qualifier in front: "foreign
/// minister" and "Icelandic foreign minister" name the same office, and whether the country
/// is repeated is a convention, not an error.
fn roles_match(a: &str, b: &str) -> bool {
    let (a, b) = (surface_key(a), surface_key(b));
    a == b || a.ends_with(&format!(" {b}")) || b.ends_with(&format!(" {a}"))
}

fn score_quotes(score: &mut ArticleScore, gold: &Gold, predicted: &Extraction, kind: QuoteKind) {
    let (threshold, with_speaker, span_only) = match kind {
        QuoteKind::Direct => (DIRECT_OVERLAP, Metric::DirectQuotes, Metric::DirectSpans),
        QuoteKind::Reported => (
            REPORTED_OVERLAP,
            Metric::ReportedSpeech,
            Metric::ReportedSpans,
        ),
    };
    let gold_quotes: Vec<_> = gold.quotes.iter().filter(|q| q.kind == kind).collect();
    let pred_quotes: Vec<_> = predicted.quotes.iter().filter(|q| q.kind == kind).collect();
    let speaker_key = |s: &Option<String>| s.as_deref().map(name_key);
    let overlap = |g: &&crate::eval::GoldQuote, p: &&crate::model::Quote| {
        let o = jaccard(&words(&g.text), &words(&p.text));
        (o >= threshold).then_some(o)
    };
    let describe_gold =
        |g: &&GoldQuote| format!("[{}] {}", g.speaker.as_deref().unwrap_or("null"), g.text);
    let describe_pred = |p: &&crate::model::Quote| {
        format!(
            "[{}] {}",
            p.speaker_name.as_deref().unwrap_or("null"),
            p.text
        )
    };

    let (outcome, _) = compare(
        &gold_quotes,
        &pred_quotes,
        |g, p| overlap(g, p).filter(|_| speaker_key(&g.speaker) == speaker_key(&p.speaker_name)),
        describe_gold,
        describe_pred,
    );
    score.set(with_speaker, outcome);

    let (spans, pairs) = compare(
        &gold_quotes,
        &pred_quotes,
        overlap,
        describe_gold,
        describe_pred,
    );
    score.set(span_only, spans);
    let mut errors = SpeakerErrors::default();
    for (g, p) in pairs {
        let (gq, pq) = (gold_quotes[g], pred_quotes[p]);
        match (speaker_key(&gq.speaker), speaker_key(&pq.speaker_name)) {
            (None, Some(_)) => errors.where_open += 1,
            (Some(_), None) => errors.null_where_named += 1,
            (Some(a), Some(b)) if a != b => errors.wrong += 1,
            _ => continue,
        }
        score.mistakes.push(Mistake {
            metric: with_speaker,
            kind: MistakeKind::WrongSpeaker,
            detail: format!(
                "gold {} / predicted {}: {}",
                gq.speaker.as_deref().unwrap_or("null"),
                pq.speaker_name.as_deref().unwrap_or("null"),
                gq.text
            ),
        });
    }
    match kind {
        QuoteKind::Direct => score.direct_speakers = errors,
        QuoteKind::Reported => score.reported_speakers = errors,
    }
}

fn score_events(score: &mut ArticleScore, gold: &Gold, predicted: &Extraction) {
    let names = |e: &Event| -> BTreeSet<String> {
        // Older extractors fill only `participants` (ids); map them through the people list.
        if e.participant_names.is_empty() {
            e.participants
                .iter()
                .filter_map(|id| predicted.people.iter().find(|p| &p.id == id))
                .map(|p| name_key(&p.name))
                .collect()
        } else {
            e.participant_names.iter().map(|n| name_key(n)).collect()
        }
    };
    let date_of = |e: &Event| {
        e.start
            .as_ref()
            .map(|t| t.value.chars().take(10).collect::<String>())
    };
    let date_ok = |g: &GoldEvent, p: &Event| g.date == date_of(p);
    let place_ok = |g: &GoldEvent, p: &Event| match (&g.place, &p.place) {
        (None, None) => true,
        (Some(gp), Some(pp)) => {
            let want = surface_key(gp);
            std::iter::once(&pp.name)
                .chain(pp.city.as_ref())
                .chain(pp.region.as_ref())
                .chain(pp.country.as_ref())
                .any(|n| surface_key(n) == want)
        }
        _ => false,
    };
    // Ties (a summit and the lunch within it share date, people and place) go to the pair
    // of the same kind, then the same status, so that diagnostics pair sensibly.
    let tie = |g: &GoldEvent, p: &Event| {
        let kind = if surface_key(&g.kind) == surface_key(&p.kind) {
            0.5
        } else {
            0.0
        };
        let status = if g.status == p.status { 0.25 } else { 0.0 };
        1.0 + kind + status
    };
    let describe_gold = |g: &GoldEvent| {
        format!(
            "{} {:?} [{}] at {} on {}",
            g.kind,
            g.status,
            g.participants.join(", "),
            g.place.as_deref().unwrap_or("null"),
            g.date.as_deref().unwrap_or("null")
        )
    };
    let describe_pred = |p: &Event| {
        let mut people: Vec<String> = names(p).into_iter().collect();
        people.sort();
        format!(
            "{} {:?} [{}] at {} on {}",
            p.kind,
            p.status,
            people.join(", "),
            p.place.as_ref().map_or("null", |pl| pl.name.as_str()),
            date_of(p).as_deref().unwrap_or("null")
        )
    };
    let (outcome, pairs) = compare(
        &gold.events,
        &predicted.events,
        |g, p| {
            let people: BTreeSet<String> = g.participants.iter().map(|n| name_key(n)).collect();
            (date_ok(g, p) && place_ok(g, p) && people == names(p)).then(|| tie(g, p))
        },
        describe_gold,
        describe_pred,
    );
    score.set(Metric::Events, outcome);
    score.events_matched = pairs.len();
    score.status_right = pairs
        .iter()
        .filter(|&&(g, p)| gold.events[g].status == predicted.events[p].status)
        .count();

    let (dates, _) = compare(
        &gold.events,
        &predicted.events,
        |g, p| date_ok(g, p).then(|| tie(g, p)),
        describe_gold,
        describe_pred,
    );
    score.set(Metric::EventDates, dates);
}

/// Every time expression the extraction states: the starts and ends of its events and its
/// list of time points (the same expression in both is collapsed by the scorer).
pub fn predicted_times(predicted: &Extraction) -> Vec<&TimePoint> {
    predicted
        .events
        .iter()
        .flat_map(|e| e.start.iter().chain(e.end.iter()))
        .chain(predicted.times.iter())
        .collect()
}

fn score_times(score: &mut ArticleScore, gold: &Gold, predicted: &Extraction) {
    let gold_times = collapse_times(gold.times.iter().map(|t| (t.text.clone(), t.value.clone())));
    let pred_times = collapse_times(
        predicted_times(predicted)
            .into_iter()
            .map(|t| (t.text.clone(), t.value.clone())),
    );
    let quoted: Vec<String> = gold
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Direct)
        .map(|q| fold(&q.text))
        .collect();
    let inside_quote = |t: &(String, String)| {
        let text = fold(&t.0);
        quoted.iter().any(|q| q.contains(&text))
    };
    let value_and_text =
        |g: &(String, String), p: &(String, String)| g.1 == p.1 && texts_overlap(&g.0, &p.0);
    let text_only = |g: &(String, String), p: &(String, String)| texts_overlap(&g.0, &p.0);
    for (metric, same) in [
        (Metric::Times, &value_and_text as &dyn Fn(&_, &_) -> bool),
        (Metric::TimeTexts, &text_only),
    ] {
        let describe = |t: &(String, String)| format!("{:?} = {}", t.0, t.1);
        let score_fn = |g: &(String, String), p: &(String, String)| same(g, p).then_some(1.0);
        // The gold leaves time expressions inside quotation marks unannotated, so an
        // unmatched prediction of one is not charged.
        let (_, pairs) = compare(&gold_times, &pred_times, score_fn, describe, describe);
        let kept: Vec<(String, String)> = pred_times
            .iter()
            .enumerate()
            .filter(|(i, t)| pairs.iter().any(|&(_, p)| p == *i) || !inside_quote(t))
            .map(|(_, t)| t.clone())
            .collect();
        let (outcome, _) = compare(&gold_times, &kept, score_fn, describe, describe);
        score.set(metric, outcome);
    }
}

/// Keeps one of every group of pairs with an equal value whose texts contain one another:
/// "on Friday" and "Friday's" with the same day are one expression, stated twice.
fn collapse_times(times: impl Iterator<Item = (String, String)>) -> Vec<(String, String)> {
    let mut kept: Vec<(String, String)> = Vec::new();
    for (text, value) in times {
        let duplicate = kept
            .iter()
            .any(|(t, v)| *v == value && texts_overlap(t, &text));
        if !duplicate {
            kept.push((text, value));
        }
    }
    kept
}

fn texts_overlap(a: &str, b: &str) -> bool {
    let strip = |s: &str| surface_key(s).replace("'s", "");
    let (a, b) = (strip(a), strip(b));
    !a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a))
}

/// Lower-case, accent-folded, with straight apostrophes and quotes, one space between words.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => out.push('a'),
            'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => out.push('c'),
            'ď' | 'đ' | 'ð' => out.push('d'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => out.push('e'),
            'ĝ' | 'ğ' | 'ġ' | 'ģ' => out.push('g'),
            'ĥ' | 'ħ' => out.push('h'),
            'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => out.push('i'),
            'ĵ' => out.push('j'),
            'ķ' => out.push('k'),
            'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => out.push('l'),
            'ñ' | 'ń' | 'ņ' | 'ň' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => out.push('o'),
            'ŕ' | 'ŗ' | 'ř' => out.push('r'),
            'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => out.push('s'),
            'ţ' | 'ť' | 'ŧ' | 'ț' => out.push('t'),
            'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => out.push('u'),
            'ŵ' => out.push('w'),
            'ý' | 'ÿ' | 'ŷ' => out.push('y'),
            'ź' | 'ż' | 'ž' => out.push('z'),
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'þ' => out.push_str("th"),
            '\u{2018}' | '\u{2019}' | '\u{02bc}' => out.push('\''),
            '\u{201c}' | '\u{201d}' => out.push('"'),
            '\u{2010}' | '\u{2011}' => out.push('-'),
            // Combining accents left by decomposed input.
            '\u{0300}'..='\u{036f}' => {}
            c if c.is_whitespace() => out.push(' '),
            c => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Honorifics and abbreviated titles dropped from the front of names and speakers. General
/// knowledge of English address forms, not a list of anybody.
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "sir",
    "dame",
    "lord",
    "lady",
    "dr",
    "doctor",
    "prof",
    "professor",
    "gen",
    "general",
    "lt",
    "col",
    "maj",
    "capt",
    "adm",
    "sgt",
    "rev",
    "fr",
    "sen",
    "senator",
    "rep",
    "gov",
    "hon",
    "revd",
    "justice",
    "cllr",
    "cr",
];

/// The key a surface form (alias, role, place) is compared on: folded, leading "the" dropped.
pub fn surface_key(s: &str) -> String {
    let folded = fold(s);
    let trimmed = folded.trim_matches(|c: char| c == '.' || c == ',' || c == ' ');
    trimmed.strip_prefix("the ").unwrap_or(trimmed).to_string()
}

/// The key a name or speaker is compared on: [`surface_key`], then leading honorifics and a
/// trailing possessive dropped ("Sir Keir Starmer's" → "keir starmer").
pub fn name_key(s: &str) -> String {
    let key = surface_key(s);
    let mut tokens: Vec<&str> = key
        .split(' ')
        .map(|t| t.trim_matches(|c: char| c == '.' || c == ','))
        .filter(|t| !t.is_empty())
        .collect();
    while tokens.len() > 1 && HONORIFICS.contains(&tokens[0]) {
        tokens.remove(0);
    }
    let mut joined = tokens.join(" ");
    if let Some(stem) = joined.strip_suffix("'s") {
        joined = stem.to_string();
    }
    joined
}

/// The set of words of `s`, folded, apostrophes dropped, punctuation ignored.
pub fn words(s: &str) -> BTreeSet<String> {
    fold(s)
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.replace('\'', ""))
        .filter(|w| !w.is_empty())
        .collect()
}

/// `|a ∩ b| / |a ∪ b|`, 0 for two empty sets.
pub fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        0.0
    } else {
        a.intersection(b).count() as f64 / union as f64
    }
}

/// Checks a folder's annotations against their articles, returning every problem found: a
/// name, alias, place or time text that is not in the article, a direct quote whose words are
/// not in it (as one piece, or as parts split at one space), reported speech not verbatim, a
/// participant or speaker who is not a gold person or a source named in the text, a date or
/// value that does not parse. Annotation slips otherwise show up as extractor errors.
pub fn check_gold(dir: &Path) -> Result<Vec<String>, EvalError> {
    let mut problems = Vec::new();
    for article in read_dir(dir)? {
        for problem in check_article(&article) {
            problems.push(format!("{}: {problem}", article.id));
        }
    }
    Ok(problems)
}

fn check_article(article: &AnnotatedArticle) -> Vec<String> {
    let mut problems = Vec::new();
    let text = &article.text;
    let folded_text = fold(text);
    let in_text = |s: &str| folded_text.contains(&fold(s));
    let gold = &article.gold;
    if jiff::tz::TimeZone::get(&gold.time_zone).is_err() {
        problems.push(format!("unknown time zone {}", gold.time_zone));
    }
    let mut names = BTreeSet::new();
    for person in &gold.people {
        if !names.insert(name_key(&person.name)) {
            problems.push(format!("person {} listed twice", person.name));
        }
        if !in_text(&person.name) {
            problems.push(format!("name {:?} not in the text", person.name));
        }
        for alias in &person.aliases {
            if !in_text(alias) {
                problems.push(format!(
                    "alias {alias:?} of {} not in the text",
                    person.name
                ));
            }
            if surface_key(alias) == surface_key(&person.name) {
                problems.push(format!("alias {alias:?} repeats the name"));
            }
        }
    }
    for quote in &gold.quotes {
        let found = match quote.kind {
            QuoteKind::Direct => in_text_maybe_split(text, &quote.text),
            QuoteKind::Reported => text.contains(&quote.text),
        };
        if !found {
            problems.push(format!(
                "{:?} quote not in the text: {:?}",
                quote.kind, quote.text
            ));
        }
        if let Some(speaker) = &quote.speaker
            && !names.contains(&name_key(speaker))
            && !in_text(speaker)
        {
            problems.push(format!(
                "speaker {speaker:?} is neither a person nor in the text"
            ));
        }
    }
    for event in &gold.events {
        for participant in &event.participants {
            if !names.contains(&name_key(participant)) {
                problems.push(format!("participant {participant:?} is not a gold person"));
            }
        }
        if let Some(place) = &event.place
            && !in_text(place)
        {
            problems.push(format!("place {place:?} not in the text"));
        }
        if let Some(date) = &event.date
            && !valid_time_value(date)
        {
            problems.push(format!("event date {date:?} does not parse"));
        }
    }
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for time in &gold.times {
        if !in_text(&time.text) {
            problems.push(format!("time text {:?} not in the text", time.text));
        }
        if !valid_time_value(&time.value) {
            problems.push(format!("time value {:?} does not parse", time.value));
        }
        if seen
            .iter()
            .any(|(t, v)| *v == time.value && texts_overlap(t, &time.text))
        {
            problems.push(format!(
                "time {:?} = {} repeats another",
                time.text, time.value
            ));
        }
        seen.push((&time.text, &time.value));
    }
    problems
}

/// Whether `quote` is in `text` whole, or as two or more parts split at single spaces, each
/// found in order (a split quote: "We are ready," ... "but not at any price.").
fn in_text_maybe_split(text: &str, quote: &str) -> bool {
    fn from(text: &str, quote: &str, at: usize) -> bool {
        let rest = &text[at..];
        if let Some(i) = rest.find(quote)
            && i < 2000
        {
            return true;
        }
        for (cut, _) in quote.match_indices(' ') {
            let head = &quote[..cut];
            if head.len() < 3 {
                continue;
            }
            if let Some(i) = rest.find(head)
                && from(text, &quote[cut + 1..], at + i + head.len())
            {
                return true;
            }
        }
        false
    }
    text.contains(quote) || from(text, quote, 0)
}

/// `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or an RFC 3339 instant with an offset.
fn valid_time_value(value: &str) -> bool {
    let b = value.as_bytes();
    match b.len() {
        4 => b.iter().all(u8::is_ascii_digit),
        7 => format!("{value}-01").parse::<jiff::civil::Date>().is_ok(),
        10 => value.parse::<jiff::civil::Date>().is_ok(),
        _ => value.parse::<jiff::Timestamp>().is_ok() && value.len() == 25,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Evidence, Person, Place, Precision, Quote};

    fn person(name: &str, aliases: &[&str], roles: &[&str]) -> Person {
        Person {
            id: name_key(name).replace(' ', "-"),
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            roles: roles.iter().map(|s| s.to_string()).collect(),
            mention_count: 1,
            article_ids: vec!["t".into()],
            evidence: Vec::new(),
        }
    }

    fn quote(kind: QuoteKind, speaker: Option<&str>, text: &str) -> Quote {
        Quote {
            id: text.into(),
            article_id: "t".into(),
            speaker_id: speaker.map(|s| name_key(s).replace(' ', "-")),
            speaker_name: speaker.map(String::from),
            text: text.into(),
            kind,
            cue: Some("said".into()),
            evidence: Evidence {
                article_id: "t".into(),
                sentence: text.into(),
                start: 0,
                end: 1,
            },
        }
    }

    fn time(text: &str, value: &str) -> TimePoint {
        TimePoint {
            value: value.into(),
            precision: if value.len() > 10 {
                Precision::Minute
            } else {
                Precision::Day
            },
            time_zone: None,
            utc: None,
            text: text.into(),
            inferred: vec![],
            warnings: vec![],
        }
    }

    fn event(people: &[&str], place: Option<&str>, start: Option<TimePoint>) -> Event {
        Event {
            id: "e".into(),
            article_id: "t".into(),
            title: "meeting".into(),
            kind: "meeting".into(),
            participants: people
                .iter()
                .map(|p| name_key(p).replace(' ', "-"))
                .collect(),
            participant_names: people.iter().map(|s| s.to_string()).collect(),
            groups: vec![],
            place: place.map(|p| Place {
                name: format!("{p} airport"),
                city: Some(p.into()),
                region: None,
                country: None,
                time_zone: None,
                from_dateline: false,
            }),
            start,
            end: None,
            status: EventStatus::Past,
            parent_id: None,
            evidence: vec![],
        }
    }

    fn gold(json: serde_json::Value) -> Gold {
        let mut full = serde_json::json!({
            "published_at": "2025-03-12", "time_zone": "Europe/London",
            "people": [], "quotes": [], "events": [], "times": []
        });
        for (k, v) in json.as_object().expect("an object") {
            full[k] = v.clone();
        }
        serde_json::from_value(full).expect("valid gold")
    }

    fn score(gold: &Gold, predicted: &Extraction) -> ArticleScore {
        score_article("t", gold, predicted)
    }

    fn counts(tp: usize, fp: usize, fn_: usize) -> Counts {
        Counts { tp, fp, fn_ }
    }

    #[test]
    fn people_match_on_name_without_honorifics_case_or_accents() {
        let g = gold(serde_json::json!({"people": [
            {"name": "Pádraig Ó Dálaigh", "aliases": [], "roles": []},
            {"name": "Keir Starmer", "aliases": [], "roles": []},
            {"name": "Wang Yi", "aliases": [], "roles": []}
        ]}));
        let predicted = Extraction {
            people: vec![
                person("padraig o dalaigh", &[], &[]),
                person("Sir Keir Starmer", &[], &[]),
                person("Keir Starmer", &[], &[]),
                person("Kremlin", &[], &[]),
            ],
            ..Extraction::default()
        };
        let s = score(&g, &predicted);
        // The second Starmer is a duplicate, so a false positive like the Kremlin.
        assert_eq!(s.counts(Metric::People), counts(2, 2, 1));
        assert!(
            s.mistakes
                .iter()
                .any(|m| m.detail == "Wang Yi" && m.kind == MistakeKind::FalseNegative)
        );
    }

    #[test]
    fn aliases_and_roles_count_only_over_matched_people() {
        let g = gold(serde_json::json!({"people": [
            {"name": "Keir Starmer", "aliases": ["Sir Keir Starmer", "Mr Starmer", "the prime minister"],
             "roles": ["prime minister"]},
            {"name": "Wang Yi", "aliases": ["Mr Wang"], "roles": ["foreign minister"]}
        ]}));
        let predicted = Extraction {
            people: vec![person(
                "Keir Starmer",
                &["Keir Starmer", "mr starmer", "Prime Minister", "Starmer"],
                &["Prime Minister", "Labour leader"],
            )],
            ..Extraction::default()
        };
        let s = score(&g, &predicted);
        // "Keir Starmer" is the name itself and ignored; "Prime Minister" = "the prime minister".
        assert_eq!(s.counts(Metric::Aliases), counts(2, 1, 1));
        assert_eq!(s.counts(Metric::Roles), counts(1, 1, 0));
    }

    #[test]
    fn direct_quote_needs_jaccard_overlap_and_the_right_speaker() {
        let g = gold(serde_json::json!({"quotes": [
            {"kind": "direct", "speaker": "Maria Lopez", "text": "We are ready, but not at any price."},
            {"kind": "direct", "speaker": null, "text": "It is over for this town."},
            {"kind": "direct", "speaker": "Tom Reed", "text": "Nobody told us anything at all."},
            {"kind": "direct", "speaker": "Ann Lee", "text": "The budget is dead on arrival in the House."}
        ]}));
        let predicted = Extraction {
            quotes: vec![
                // Honorific and punctuation differences do not matter.
                quote(
                    QuoteKind::Direct,
                    Some("Sen. Maria Lopez"),
                    "we are ready but not at any price",
                ),
                // Right words, speaker given where the text leaves it open.
                quote(
                    QuoteKind::Direct,
                    Some("Tom Reed"),
                    "It is over for this town.",
                ),
                // Right words, no speaker.
                quote(QuoteKind::Direct, None, "Nobody told us anything at all."),
                // Only half the quote: Jaccard 4/9 < 0.8.
                quote(QuoteKind::Direct, Some("Ann Lee"), "The budget is dead"),
            ],
            ..Extraction::default()
        };
        let s = score(&g, &predicted);
        assert_eq!(s.counts(Metric::DirectQuotes), counts(1, 3, 3));
        assert_eq!(s.counts(Metric::DirectSpans), counts(3, 1, 1));
        assert_eq!(
            s.direct_speakers,
            SpeakerErrors {
                wrong: 0,
                where_open: 1,
                null_where_named: 1
            }
        );
        assert_eq!(s.speaker_where_open(), 1);
    }

    #[test]
    fn half_a_split_quote_does_not_match_the_whole() {
        let g = gold(serde_json::json!({"quotes": [
            {"kind": "direct", "speaker": "Maria Lopez",
             "text": "We are ready to talk to them. But not at any price, and not this week."}
        ]}));
        let predicted = Extraction {
            quotes: vec![
                quote(
                    QuoteKind::Direct,
                    Some("Maria Lopez"),
                    "We are ready to talk to them.",
                ),
                quote(
                    QuoteKind::Direct,
                    Some("Maria Lopez"),
                    "But not at any price, and not this week.",
                ),
            ],
            ..Extraction::default()
        };
        assert_eq!(
            score(&g, &predicted).counts(Metric::DirectQuotes),
            counts(0, 2, 1)
        );
    }

    #[test]
    fn wrong_speaker_is_counted_and_reported_speech_uses_the_lower_threshold() {
        let g = gold(serde_json::json!({"quotes": [
            {"kind": "direct", "speaker": "the White House", "text": "The meeting will go ahead."},
            {"kind": "reported", "speaker": "Donald Trump",
             "text": "the conflict had proven a tougher nut to crack than he had thought"}
        ]}));
        let predicted = Extraction {
            quotes: vec![
                quote(
                    QuoteKind::Direct,
                    Some("Karoline Vance"),
                    "The meeting will go ahead.",
                ),
                // 7 of the 13 gold words, nothing extra: Jaccard 7/13 >= 0.5.
                quote(
                    QuoteKind::Reported,
                    Some("Donald Trump"),
                    "the conflict had proven a tougher nut",
                ),
                // A direct quote never matches reported gold.
                quote(
                    QuoteKind::Direct,
                    Some("Donald Trump"),
                    "the conflict had proven a tougher nut to crack than he had thought",
                ),
            ],
            ..Extraction::default()
        };
        let s = score(&g, &predicted);
        assert_eq!(s.direct_speakers.wrong, 1);
        assert_eq!(s.counts(Metric::DirectQuotes), counts(0, 2, 1));
        assert_eq!(s.counts(Metric::ReportedSpeech), counts(1, 0, 0));
    }

    #[test]
    fn non_person_source_matches_with_or_without_the() {
        let g = gold(serde_json::json!({"quotes": [
            {"kind": "direct", "speaker": "the Kremlin", "text": "No decision has been taken."}
        ]}));
        let predicted = Extraction {
            quotes: vec![quote(
                QuoteKind::Direct,
                Some("Kremlin"),
                "No decision has been taken.",
            )],
            ..Extraction::default()
        };
        assert_eq!(
            score(&g, &predicted).counts(Metric::DirectQuotes),
            counts(1, 0, 0)
        );
    }

    #[test]
    fn events_need_date_participants_and_place() {
        let g = gold(serde_json::json!({"events": [
            {"kind": "meeting", "participants": ["Keir Starmer", "Volodymyr Zelensky"],
             "place": "London", "date": "2025-03-13", "status": "past"},
            {"kind": "call", "participants": ["Keir Starmer"], "place": null, "date": null,
             "status": "past"},
            {"kind": "summit", "participants": [], "place": "Paris", "date": "2025-03-20",
             "status": "scheduled"}
        ]}));
        let on = |d: &str| Some(time("on Thursday", d));
        let predicted = Extraction {
            events: vec![
                // Place matches through the city; names through honorific stripping.
                event(
                    &["Volodymyr Zelensky", "Sir Keir Starmer"],
                    Some("London"),
                    on("2025-03-13T11:00:00+00:00"),
                ),
                // Same event again: a duplicate is a false positive.
                event(
                    &["Keir Starmer", "Volodymyr Zelensky"],
                    Some("London"),
                    on("2025-03-13"),
                ),
                event(&["Keir Starmer"], None, None),
                // Wrong day.
                event(&[], Some("Paris"), on("2025-03-21")),
            ],
            ..Extraction::default()
        };
        let s = score(&g, &predicted);
        assert_eq!(s.counts(Metric::Events), counts(2, 2, 1));
        assert_eq!(s.counts(Metric::EventDates), counts(2, 2, 1));
        assert_eq!(s.events_matched, 2);
        assert_eq!(s.status_right, 2);
    }

    #[test]
    fn event_participants_fall_back_to_ids() {
        let g = gold(serde_json::json!({"events": [
            {"kind": "call", "participants": ["Wang Yi"], "place": null, "date": null, "status": "past"}
        ]}));
        let mut e = event(&["Wang Yi"], None, None);
        e.participant_names.clear();
        let predicted = Extraction {
            people: vec![person("Wang Yi", &[], &[])],
            events: vec![e],
            ..Extraction::default()
        };
        assert_eq!(
            score(&g, &predicted).counts(Metric::Events),
            counts(1, 0, 0)
        );
    }

    #[test]
    fn times_match_on_value_and_contained_text() {
        let g = gold(serde_json::json!({"times": [
            {"text": "on Thursday", "value": "2025-03-13"},
            {"text": "11am Alaska time", "value": "2025-08-15T11:00:00-08:00"},
            {"text": "in November", "value": "2025-11"},
            {"text": "from Monday to Wednesday", "value": "2025-03-17"},
            {"text": "from Monday to Wednesday", "value": "2025-03-19"}
        ]}));
        let mut first = event(&[], None, Some(time("Thursday’s", "2025-03-13")));
        first.end = Some(time(
            "11am Alaska time (8pm BST)",
            "2025-08-15T11:00:00-08:00",
        ));
        let mut range = event(
            &[],
            None,
            Some(time("from Monday to Wednesday", "2025-03-17")),
        );
        range.end = Some(time("from Monday to Wednesday", "2025-03-19"));
        let predicted = Extraction {
            events: vec![
                first,
                // The same expression again is collapsed, not a false positive.
                event(&[], None, Some(time("Thursday", "2025-03-13"))),
                // Found, wrong value.
                event(&[], None, Some(time("in November", "2024-11"))),
                range,
            ],
            ..Extraction::default()
        };
        let s = score(&g, &predicted);
        assert_eq!(s.counts(Metric::Times), counts(4, 1, 1));
        assert_eq!(s.counts(Metric::TimeTexts), counts(5, 0, 0));
    }

    #[test]
    fn roles_match_with_or_without_a_qualifier_and_titled_names_are_neutral() {
        let g = gold(serde_json::json!({"people": [
            {"name": "Sigrun Halldorsdottir", "aliases": ["Halldorsdottir"],
             "roles": ["foreign minister", "US president"]},
            {"name": "Keir Starmer", "aliases": ["Sir Keir Starmer"], "roles": []}
        ]}));
        let predicted = Extraction {
            people: vec![
                person(
                    "Sigrun Halldorsdottir",
                    &[
                        "Foreign Minister Sigrun Halldorsdottir",
                        "Ms Halldorsdottir",
                    ],
                    &[
                        "Icelandic foreign minister",
                        "president",
                        "minister of fisheries",
                    ],
                ),
                person(
                    "Keir Starmer",
                    &[
                        "Sir Keir Starmer",
                        "Prime Minister Keir Starmer",
                        "Keir Starmer MP",
                    ],
                    &[],
                ),
            ],
            ..Extraction::default()
        };
        let s = score(&g, &predicted);
        // The titled full names are ignored; "Sir Keir Starmer" is in the gold and credited.
        assert_eq!(s.counts(Metric::Aliases), counts(1, 1, 1));
        assert_eq!(s.counts(Metric::Roles), counts(2, 1, 0));
    }

    #[test]
    fn unmatched_times_inside_quotation_marks_are_not_charged() {
        let g = gold(serde_json::json!({
            "quotes": [{"kind": "direct", "speaker": null, "text": "We have an election in July."}],
            "times": [{"text": "on Monday", "value": "2025-04-07"}]
        }));
        let predicted = Extraction {
            events: vec![
                event(&[], None, Some(time("in July", "2025-07"))),
                event(&[], None, Some(time("on Tuesday", "2025-04-08"))),
            ],
            ..Extraction::default()
        };
        assert_eq!(score(&g, &predicted).counts(Metric::Times), counts(0, 1, 1));
    }

    #[test]
    fn mistakes_list_misses_and_speaker_errors_but_not_diagnostic_repeats() {
        let g = gold(serde_json::json!({"quotes": [
            {"kind": "direct", "speaker": null, "text": "It is over for all of us here."}
        ]}));
        let predicted = Extraction {
            quotes: vec![quote(
                QuoteKind::Direct,
                Some("Tom Reed"),
                "It is over for all of us here.",
            )],
            ..Extraction::default()
        };
        let report = EvalReport {
            articles: vec![score(&g, &predicted)],
        };
        let listed = report.mistakes();
        assert!(
            listed.contains("SP direct_quotes   gold null / predicted Tom Reed"),
            "{listed}"
        );
        assert!(listed.contains("FN direct_quotes"), "{listed}");
        assert!(!listed.contains("direct_spans"), "{listed}");
        assert_eq!(report.speaker_where_open(), 1);
        assert!(!report.floors().last().expect("floors").met);
    }

    #[test]
    fn empty_cases_and_f1() {
        assert_eq!(Counts::default().precision(), 1.0);
        assert_eq!(counts(0, 0, 3).precision(), 0.0);
        assert_eq!(counts(0, 2, 0).recall(), 0.0);
        assert!((counts(3, 1, 2).f1() - 2.0 * 0.75 * 0.6 / 1.35).abs() < 1e-9);
    }

    #[test]
    fn keys_fold_accents_honorifics_and_possessives() {
        assert_eq!(name_key("Mr. Trump’s"), "trump");
        assert_eq!(name_key("Dr Pádraig Ó Dálaigh"), "padraig o dalaigh");
        assert_eq!(
            name_key("Sen. Maria Lopez, D-Calif."),
            "maria lopez d-calif"
        );
        // A lone honorific-looking word is kept: it might be the name.
        assert_eq!(name_key("General"), "general");
        assert_eq!(surface_key("The Kremlin"), "kremlin");
        assert_eq!(words("Don’t — STOP, don't!"), words("dont stop"));
    }

    #[test]
    fn baseline_fails_on_a_drop_and_passes_within_tolerance() {
        let g = gold(serde_json::json!({"people": [
            {"name": "Keir Starmer", "aliases": [], "roles": []},
            {"name": "Wang Yi", "aliases": [], "roles": []}
        ]}));
        let predicted = Extraction {
            people: vec![person("Keir Starmer", &[], &[])],
            ..Extraction::default()
        };
        let report = EvalReport {
            articles: vec![score(&g, &predicted)],
        };
        let baseline = report.to_baseline_json();
        assert_eq!(report.check_against_baseline(&baseline), Ok(()));
        let mut higher = baseline.clone();
        higher["figures"]["people.recall"] = serde_json::json!(0.504);
        assert_eq!(report.check_against_baseline(&higher), Ok(()));
        higher["figures"]["people.recall"] = serde_json::json!(0.51);
        let failures = report.check_against_baseline(&higher).expect_err("a drop");
        assert_eq!(failures.len(), 1);
        assert!(failures[0].starts_with("people.recall"));
        let mut unknown = baseline;
        unknown["figures"]["people.accuracy"] = serde_json::json!(0.0);
        assert!(report.check_against_baseline(&unknown).is_err());
    }

    #[test]
    fn display_prints_the_table_and_floors() {
        let g =
            gold(serde_json::json!({"people": [{"name": "Wang Yi", "aliases": [], "roles": []}]}));
        let predicted = Extraction {
            people: vec![person("Wang Yi", &[], &[])],
            ..Extraction::default()
        };
        let report = EvalReport {
            articles: vec![score(&g, &predicted)],
        };
        let shown = report.to_string();
        assert!(
            shown.contains("people           P 1.000 R 1.000 F1 1.000"),
            "{shown}"
        );
        assert!(shown.contains("people F1"));
        assert!(shown.contains("events recall"));
        assert!(report.mistakes().is_empty());
    }

    #[test]
    fn split_quotes_are_found_in_their_parts() {
        let text = "“We are ready,” Lopez said, “but not at any price.”";
        assert!(in_text_maybe_split(
            text,
            "We are ready, but not at any price."
        ));
        assert!(!in_text_maybe_split(
            text,
            "We are ready, and not at any price."
        ));
        assert!(valid_time_value("2025-08-15T11:00:00-08:00"));
        assert!(valid_time_value("2022-10"));
        assert!(!valid_time_value("2025-02-30"));
    }
}
