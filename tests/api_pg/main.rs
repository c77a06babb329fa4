//! The API suite again, on the PostgreSQL store: the modules of `tests/api` included by path
//! (their `TestApp` gives each test a fresh database, see `support.rs`), plus what only a shared
//! database has: the same answers as the memory store, one copy of a concurrent repeat, and a
//! second replica seeing a write. Needs PostgreSQL (README, "PostgreSQL").

#![expect(
    clippy::unwrap_used,
    reason = "a test should fail loudly on an unexpected error"
)]

#[path = "../api/articles.rs"]
mod articles;
#[path = "../api/auth.rs"]
mod auth;
#[path = "../api/durability.rs"]
mod durability;
#[path = "../api/errors.rs"]
mod errors;
#[path = "../api/events.rs"]
mod events;
#[path = "../api/middleware.rs"]
mod middleware;
#[path = "../api/openapi.rs"]
mod openapi;
#[path = "../api/people.rs"]
mod people;
#[path = "../api/quotes.rs"]
mod quotes;
#[path = "../api/rendering.rs"]
mod rendering;
#[path = "../api/support.rs"]
mod support;
#[path = "../api/tcp.rs"]
mod tcp;
#[path = "../api/timeline.rs"]
mod timeline;

mod replicas;
mod same_answers;
