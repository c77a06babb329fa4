//! [`FactStore::version`](crate::store::FactStore::version) for a store shared by replicas.
//!
//! Every write NOTIFYs [`CHANNEL`] inside its transaction, so the notification goes out exactly
//! when the write becomes visible. Each replica LISTENs on a connection of its own and bumps
//! its counter on every notification, so a cache keyed on the version drops what another
//! replica's write made stale. Notifications sent while a replica's listening connection is
//! down are lost; so while it is down the version changes on every call (nothing can be
//! cached), and it is bumped again once listening resumes.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use sqlx::PgPool;
use sqlx::postgres::PgListener;

/// The NOTIFY channel of fact changes.
pub(super) const CHANNEL: &str = "factline_changes";

/// The counter and whether it can be trusted.
#[derive(Debug, Default)]
pub(super) struct Changes {
    version: AtomicU64,
    listening: AtomicBool,
}

impl Changes {
    /// The current version; a new one on every call while not listening.
    pub(super) fn version(&self) -> u64 {
        if self.listening.load(Ordering::SeqCst) {
            self.version.load(Ordering::SeqCst)
        } else {
            self.version.fetch_add(1, Ordering::SeqCst) + 1
        }
    }

    /// Records a change (a notification, or this replica's own committed write).
    pub(super) fn bump(&self) {
        self.version.fetch_add(1, Ordering::SeqCst);
    }

    fn set_listening(&self, on: bool) {
        self.listening.store(on, Ordering::SeqCst);
        // Whatever happened while the state changed is unknown: start a new version.
        self.bump();
    }

    /// Whether the listener is connected and subscribed.
    pub(super) fn is_listening(&self) -> bool {
        self.listening.load(Ordering::SeqCst)
    }
}

/// Listens for changes until the task is aborted, reconnecting after `retry` whenever the
/// connection fails. `pool` should be the listener's own (one connection), so that listening
/// never takes a connection from the requests.
pub(super) async fn listen(pool: PgPool, changes: Arc<Changes>, retry: Duration) {
    loop {
        match subscribe(&pool).await {
            Ok(mut listener) => {
                changes.set_listening(true);
                tracing::debug!(channel = CHANNEL, "listening for changes");
                loop {
                    match listener.try_recv().await {
                        Ok(Some(_)) => changes.bump(),
                        Ok(None) => break,
                        Err(e) => {
                            tracing::warn!(error = %e, "change listener failed");
                            break;
                        }
                    }
                }
                changes.set_listening(false);
                tracing::warn!("lost the change listener; reconnecting");
            }
            Err(e) => {
                tracing::debug!(error = %e, "cannot listen for changes yet");
            }
        }
        tokio::time::sleep(retry).await;
    }
}

async fn subscribe(pool: &PgPool) -> Result<PgListener, sqlx::Error> {
    let mut listener = PgListener::connect_with(pool).await?;
    // Reconnection is done here, so that the state change is seen.
    listener.eager_reconnect(false);
    listener.listen(CHANNEL).await?;
    Ok(listener)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_never_repeats_while_not_listening() {
        let c = Changes::default();
        let (a, b) = (c.version(), c.version());
        assert_ne!(a, b);
        c.set_listening(true);
        let (a, b) = (c.version(), c.version());
        assert_eq!(a, b);
        c.bump();
        assert_ne!(c.version(), a);
    }
}
