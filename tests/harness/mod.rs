//! Runs the built `factline` binary on a free port and talks plain HTTP/1.1 to it over a
//! socket, for the tests that need a real process (signals, `kill -9`, slow clients).

#![allow(dead_code, reason = "each test file uses a different part")]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running server process; killed when dropped.
pub struct Server {
    pub child: Child,
    pub addr: SocketAddr,
}

impl Server {
    /// Starts `factline serve` with `args` on a free port and waits until `/health` answers.
    pub fn start(args: &[&str]) -> Server {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let addr: SocketAddr = format!("127.0.0.1:{port}").parse().expect("an address");
        let child = Command::new(env!("CARGO_BIN_EXE_factline"))
            .arg("serve")
            .arg("--bind")
            .arg(addr.to_string())
            .args(["--log-level", "warn"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .spawn()
            .expect("the server starts");
        let server = Server { child, addr };
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if let Ok((200, _)) = server.request("GET", "/health", None) {
                return server;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("the server on {addr} never became healthy");
    }

    /// Starts the server keeping its articles in `dir`.
    pub fn with_data_dir(dir: &Path) -> Server {
        Server::start(&[
            "--no-seed",
            "--data-dir",
            dir.to_str().expect("a UTF-8 path"),
        ])
    }

    /// One request on a fresh connection: status and body.
    pub fn request(
        &self,
        method: &str,
        path: &str,
        json: Option<&str>,
    ) -> std::io::Result<(u16, String)> {
        request(self.addr, method, path, json)
    }

    /// Sends SIGTERM (through `kill(1)`: the crate forbids unsafe code, so no libc call).
    pub fn terminate(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success(), "kill -TERM failed");
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Writes one request with `Connection: close` and reads the whole answer.
pub fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    json: Option<&str>,
) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
    stream.set_read_timeout(Some(Duration::from_secs(120)))?;
    send(&mut stream, method, path, json)?;
    read_answer(&mut stream)
}

/// Writes a request on `stream`.
pub fn send(
    stream: &mut TcpStream,
    method: &str,
    path: &str,
    json: Option<&str>,
) -> std::io::Result<()> {
    let body = json.unwrap_or("");
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(body.as_bytes())?;
    stream.flush()
}

/// Reads an answer to its end: the status code and the body.
pub fn read_answer(stream: &mut TcpStream) -> std::io::Result<(u16, String)> {
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("no status line in {text:?}")))?;
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    Ok((status, body))
}

/// A JSON submission of `text` published on `date`.
pub fn article_json(text: &str, date: &str) -> String {
    serde_json::json!({ "text": text, "published_at": date }).to_string()
}

/// The `id` field of a JSON body.
pub fn id_of(body: &str) -> String {
    let value: serde_json::Value = serde_json::from_str(body).expect("a JSON body");
    value["id"].as_str().expect("an id").to_string()
}
