//! factline: reads English news articles and serves the facts in them.

pub mod app;
pub mod config;
pub mod eval;
pub mod extract;
pub mod http;
pub mod model;
pub mod store;

pub use app::{AppState, serve};
pub use http::router;
