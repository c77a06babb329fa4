//! Text → facts. No HTTP and no storage here: plain functions over the article text.

use crate::model::Extraction;

/// What the extractor needs to know about an article besides its text.
#[derive(Clone, Debug)]
pub struct ArticleContext {
    /// The article's id, copied into every fact's evidence.
    pub article_id: String,
    /// The publication date that relative expressions resolve against.
    pub published: jiff::civil::Date,
    /// The newsroom's IANA zone, the default for clock times with no zone.
    pub time_zone: String,
}

/// Extracts people, quotes and events from `text`.
pub fn extract(text: &str, ctx: &ArticleContext) -> Extraction {
    let _ = (text, ctx);
    Extraction::default()
}
