//! The API suite: the real router over real stores, driven in-process (plus one TCP smoke
//! test). One binary, so it links once.

#![expect(
    clippy::unwrap_used,
    reason = "a test should fail loudly on an unexpected error"
)]

mod articles;
mod auth;
mod durability;
mod errors;
mod events;
mod middleware;
mod openapi;
mod people;
mod quotes;
mod rendering;
mod support;
mod tcp;
mod timeline;
