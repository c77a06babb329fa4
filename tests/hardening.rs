//! Faults and bad input the server must survive: a client dribbling its headers is cut off,
//! an article acknowledged with 201 survives `kill -9`, and pathological texts are read to the
//! end with every offset in bounds. (How their time grows with size is measured by
//! `benches/extract.rs`, not asserted here.)

#![expect(clippy::unwrap_used, reason = "a test should fail loudly")]

mod harness;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use factline::extract::{ArticleContext, extract};
use harness::{Server, article_json, id_of};

#[test]
fn a_client_dribbling_its_headers_is_cut_off() {
    let server = Server::start(&["--header-read-timeout-secs", "1"]);
    let mut stream = TcpStream::connect(server.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_millis(100)))
        .unwrap();
    stream
        .write_all(b"GET /v1/quotes HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    let started = Instant::now();
    let mut closed = false;
    // One header byte every 100 ms would hold the connection for ever without the timeout.
    while started.elapsed() < Duration::from_secs(10) {
        if stream.write_all(b"X").is_err() {
            closed = true;
            break;
        }
        let mut buf = [0u8; 512];
        match stream.read(&mut buf) {
            Ok(0) => {
                closed = true;
                break;
            }
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
            Err(e) if e.kind() == std::io::ErrorKind::TimedOut => {}
            Err(_) => {
                closed = true;
                break;
            }
        }
    }
    assert!(closed, "the server kept a dribbling client for 10 s");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "cut off only after {:?}",
        started.elapsed()
    );
    // The server still serves everyone else.
    assert_eq!(server.request("GET", "/v1/quotes", None).unwrap().0, 200);
}

#[test]
fn an_article_acknowledged_with_201_survives_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let id = {
        let mut server = Server::with_data_dir(dir.path());
        let (status, body) = server
            .request(
                "POST",
                "/v1/articles",
                Some(&article_json(
                    "\"We will rebuild the bridge,\" said Mara Quell, the mayor of Eastport, on Monday.",
                    "2024-03-04",
                )),
            )
            .unwrap();
        assert_eq!(status, 201, "{body}");
        // SIGKILL right after the answer: nothing gets a chance to flush.
        server.child.kill().unwrap();
        server.child.wait().unwrap();
        id_of(&body)
    };
    let server = Server::with_data_dir(dir.path());
    let (status, body) = server
        .request("GET", &format!("/v1/articles/{id}"), None)
        .unwrap();
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Mara Quell"), "{body}");
}

#[test]
fn a_body_that_is_not_the_schema_is_a_4xx_not_a_crash() {
    let server = Server::start(&["--no-seed"]);
    for body in [
        "",
        "{",
        "[]",
        "{\"text\": 5}",
        "{\"text\": \"x\", \"published_at\": \"2025-02-30\"}",
        "{\"text\": \"\\ud800\", \"published_at\": \"2025-01-01\"}",
        "{\"text\": \"x\", \"published_at\": \"2025-01-01\", \"extra\": 1}",
    ] {
        let (status, answer) = server.request("POST", "/v1/articles", Some(body)).unwrap();
        assert!(
            (400..500).contains(&status),
            "{body:?} gave {status}: {answer}"
        );
    }
    assert_eq!(server.request("GET", "/health", None).unwrap().0, 200);
}

fn ctx() -> ArticleContext {
    ArticleContext {
        article_id: "hard".into(),
        published: jiff::civil::date(2024, 6, 1),
        time_zone: "UTC".into(),
    }
}

/// Extracts `text` and checks every offset is inside it.
fn read_through(text: &str) {
    let facts = extract(text, &ctx());
    let len = text.chars().count();
    for q in &facts.quotes {
        assert!(q.evidence.start <= q.evidence.end && q.evidence.end <= len);
    }
    for e in &facts.events {
        for ev in &e.evidence {
            assert!(ev.start <= ev.end && ev.end <= len);
        }
    }
}

#[test]
fn a_mebibyte_of_quotation_marks() {
    read_through(&"\"".repeat(1 << 20));
    read_through(&"“”".repeat(1 << 18));
}

#[test]
fn one_sentence_of_100_000_capitalised_words() {
    let names = ["Alder", "Brin", "Corvo", "Dunmore", "Esk"];
    let text: Vec<&str> = (0..100_000).map(|i| names[i % names.len()]).collect();
    read_through(&text.join(" "));
}

#[test]
fn deeply_nested_quotes() {
    let depth = 5_000;
    let mut text = String::from("Ana Belo said ");
    for i in 0..depth {
        text.push_str(if i % 2 == 0 { "“" } else { "‘" });
        text.push_str("he said ");
    }
    text.push_str("yes");
    for i in (0..depth).rev() {
        text.push_str(if i % 2 == 0 { "”" } else { "’" });
    }
    text.push('.');
    read_through(&text);
}
