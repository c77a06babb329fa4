//! Scores the extractor against an annotated folder of articles (see `tests/corpus/README.md`).

use std::path::Path;

/// Precision, recall and F1 per fact type over a folder.
#[derive(Clone, Debug, Default)]
pub struct EvalReport {}

impl std::fmt::Display for EvalReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "no figures yet")
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
}

/// Scores every annotated article in `dir`.
pub fn evaluate_dir(dir: &Path) -> Result<EvalReport, EvalError> {
    let _ = dir;
    Ok(EvalReport::default())
}
