//! SIGTERM while requests are in flight: every request already accepted is answered, and the
//! process exits cleanly.

#![expect(clippy::unwrap_used, reason = "a test should fail loudly")]

mod harness;

use std::net::TcpStream;
use std::sync::{Arc, Barrier};
use std::time::Duration;

use harness::{Server, article_json, read_answer, send};

#[test]
fn sigterm_under_load_loses_no_request_in_flight() {
    let mut server = Server::start(&["--no-seed", "--max-concurrent-extractions", "1"]);
    let clients = 16;
    let sent = Arc::new(Barrier::new(clients + 1));
    let handles: Vec<_> = (0..clients)
        .map(|i| {
            let addr = server.addr;
            let sent = Arc::clone(&sent);
            std::thread::spawn(move || {
                // Long enough that extractions, one at a time, are still queued at SIGTERM.
                let text = format!(
                    "\"We will open the depot in spring,\" said Ilse Varga {i}, the mayor of Northam, on Tuesday. "
                )
                .repeat(200);
                let mut stream = TcpStream::connect(addr).unwrap();
                stream
                    .set_read_timeout(Some(Duration::from_secs(120)))
                    .unwrap();
                send(
                    &mut stream,
                    "POST",
                    "/v1/articles",
                    Some(&article_json(&text, "2024-05-07")),
                )
                .unwrap();
                sent.wait();
                read_answer(&mut stream).map(|(status, _)| status)
            })
        })
        .collect();
    sent.wait();
    std::thread::sleep(Duration::from_millis(50));
    server.terminate();
    let statuses: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let answered = statuses.iter().filter(|s| matches!(s, Ok(201))).count();
    assert_eq!(answered, clients, "{statuses:?}");
    let exit = server.child.wait().unwrap();
    assert!(exit.success(), "{exit:?}");
}
