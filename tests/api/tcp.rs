//! One smoke test over a real socket: the server binds port 0, answers, and shuts down
//! gracefully when told to.

use std::io::{Read, Write};
use std::sync::Arc;

use factline::app::{self, AppState};
use factline::config::AppConfig;
use factline::store::memory::MemoryStore;

#[tokio::test]
async fn serves_over_tcp_and_shuts_down_gracefully() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let state = AppState::new(Arc::new(MemoryStore::new()), AppConfig::default());
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(app::serve(listener, state, async {
        let _ = stopped.await;
    }));

    // The listener is bound before `serve` starts, so the first connection is accepted;
    // no waiting or polling is needed.
    let answer = tokio::task::spawn_blocking(move || {
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        stream
            .write_all(b"GET /v1/articles HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n")
            .unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer
    })
    .await
    .unwrap();
    assert!(answer.starts_with("HTTP/1.1 200 OK\r\n"), "{answer}");
    assert!(answer.to_lowercase().contains("etag: \""), "{answer}");
    assert!(
        answer.ends_with(r#"{"items":[],"total":0,"limit":50,"offset":0}"#),
        "{answer}"
    );

    let health = tokio::task::spawn_blocking(move || {
        app::healthcheck(addr, std::time::Duration::from_secs(5))
    })
    .await
    .unwrap();
    assert_eq!(health, Ok(()));

    stop.send(()).unwrap();
    server.await.unwrap().unwrap();
}
