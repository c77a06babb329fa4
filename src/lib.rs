//! factline: reads English news articles and serves the facts in them.

pub mod eval;
pub mod extract;
pub mod model;
