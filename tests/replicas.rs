//! Two `factline serve` processes on one PostgreSQL database, as behind a load balancer: a
//! post on one is served by the other, a restarted replica finds everything, a delete through
//! one is gone on both, and a replica whose database goes away answers 503 on `/ready` and
//! recovers by itself when it returns.
//!
//! Replica B reaches the database through a small TCP relay this test can cut, so the shared
//! PostgreSQL server never has to stop. Needs PostgreSQL (README, "PostgreSQL").

#![expect(
    clippy::unwrap_used,
    reason = "a test should fail loudly on an unexpected error"
)]

use std::io::{Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ARTICLE: &str = "\"We will win,\" said Jane Doe, the mayor of Springfield, on Monday.\n\
Ms Doe will meet Governor John Roe in Springfield on Friday at 3pm local time.\n";

/// The server of `FACTLINE_TEST_DATABASE_URL`, with a fresh database made for this test.
struct Database {
    admin: String,
    name: String,
    server: SocketAddr,
}

impl Database {
    fn create() -> Self {
        let admin = std::env::var("FACTLINE_TEST_DATABASE_URL")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string());
        let name = format!("factline_r_{}", std::process::id());
        let db = Database {
            server: server_addr(&admin),
            admin,
            name,
        };
        db.admin_exec(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", db.name));
        db.admin_exec(&format!("CREATE DATABASE {}", db.name));
        db
    }

    /// The URL of the test database through `addr` (the server itself or a relay to it).
    fn url_via(&self, addr: SocketAddr) -> String {
        let user = self
            .admin
            .split("://")
            .nth(1)
            .and_then(|rest| rest.split_once('@'))
            .map_or("postgres", |(user, _)| user);
        format!("postgres://{user}@{addr}/{}", self.name)
    }

    fn admin_exec(&self, sql: &str) {
        let (admin, sql) = (self.admin.clone(), sql.to_string());
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap()
            .block_on(async move {
                use sqlx::{Connection, Executor};
                let mut conn = sqlx::PgConnection::connect(&admin)
                    .await
                    .unwrap_or_else(|e| panic!("PostgreSQL needed at {admin}: {e}"));
                // Only statements built here around a generated database name.
                conn.execute(sqlx::AssertSqlSafe(sql)).await.unwrap();
            });
    }
}

impl Drop for Database {
    fn drop(&mut self) {
        self.admin_exec(&format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        ));
    }
}

/// host:port of a `postgres://user@host:port/db` URL.
fn server_addr(url: &str) -> SocketAddr {
    let rest = url.split("://").nth(1).unwrap();
    let host = rest.rsplit_once('@').map_or(rest, |(_, h)| h);
    let host = host.split('/').next().unwrap();
    let host = if host.contains(':') {
        host.to_string()
    } else {
        format!("{host}:5432")
    };
    host.replace("localhost", "127.0.0.1").parse().unwrap()
}

/// A TCP relay to the database that can be cut (every connection closed, new ones refused
/// at once) and restored.
struct Relay {
    addr: SocketAddr,
    up: Arc<AtomicBool>,
    open: Arc<Mutex<Vec<TcpStream>>>,
}

impl Relay {
    fn start(upstream: SocketAddr) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let up = Arc::new(AtomicBool::new(true));
        let open: Arc<Mutex<Vec<TcpStream>>> = Arc::default();
        let (up2, open2) = (Arc::clone(&up), Arc::clone(&open));
        std::thread::spawn(move || {
            for client in listener.incoming().flatten() {
                if !up2.load(Ordering::SeqCst) {
                    let _ = client.shutdown(Shutdown::Both);
                    continue;
                }
                let Ok(server) = TcpStream::connect(upstream) else {
                    continue;
                };
                {
                    let mut open = open2.lock().unwrap();
                    open.push(client.try_clone().unwrap());
                    open.push(server.try_clone().unwrap());
                }
                pipe(client.try_clone().unwrap(), server.try_clone().unwrap());
                pipe(server, client);
            }
        });
        Relay { addr, up, open }
    }

    fn cut(&self) {
        self.up.store(false, Ordering::SeqCst);
        for s in self.open.lock().unwrap().drain(..) {
            let _ = s.shutdown(Shutdown::Both);
        }
    }

    fn restore(&self) {
        self.up.store(true, Ordering::SeqCst);
    }
}

fn pipe(mut from: TcpStream, mut to: TcpStream) {
    std::thread::spawn(move || {
        let _ = std::io::copy(&mut from, &mut to);
        let _ = to.shutdown(Shutdown::Both);
    });
}

/// A `factline serve` process.
struct Replica {
    child: Child,
    addr: SocketAddr,
}

impl Replica {
    fn start(database_url: &str) -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_factline"))
            .args(["serve", "--bind", &addr.to_string(), "--no-seed"])
            .args(["--database-url", database_url])
            .args(["--db-acquire-timeout-secs", "1"])
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .spawn()
            .unwrap();
        let replica = Replica { child, addr };
        replica.wait_until("/health", 200);
        replica
    }

    fn wait_until(&self, path: &str, status: u16) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            if matches!(try_http(self.addr, "GET", path, None), Ok((s, _)) if s == status) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{path} on {} never answered {status}",
                self.addr
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn get(&self, path: &str) -> (u16, String) {
        try_http(self.addr, "GET", path, None).unwrap()
    }

    fn send(&self, method: &str, path: &str, body: Option<&str>) -> (u16, String) {
        try_http(self.addr, method, path, body).unwrap()
    }
}

impl Drop for Replica {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP/1.1 request on a new connection; the status and the body.
fn try_http(
    addr: SocketAddr,
    method: &str,
    path: &str,
    body: Option<&str>,
) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
    stream.set_read_timeout(Some(Duration::from_secs(15)))?;
    let body = body.unwrap_or("");
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer)?;
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((&answer, ""));
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    Ok((status, body.to_string()))
}

#[test]
fn two_replicas_on_one_database_agree_survive_restarts_and_outages() {
    let db = Database::create();
    let relay = Relay::start(db.server);
    let a = Replica::start(&db.url_via(db.server));
    let mut b = Replica::start(&db.url_via(relay.addr));

    // Posted on A, served by B at once.
    let post = serde_json::json!({"text": ARTICLE, "published_at": "2025-08-15"}).to_string();
    let (status, created) = a.send("POST", "/v1/articles", Some(&post));
    assert_eq!(status, 201, "{created}");
    let created: serde_json::Value = serde_json::from_str(&created).unwrap();
    let id = created["id"].as_str().unwrap().to_string();
    let (status, on_b) = b.get(&format!("/v1/articles/{id}"));
    assert_eq!(status, 200);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&on_b).unwrap(),
        created
    );
    assert_eq!(a.get("/v1/people").1, b.get("/v1/people").1);
    // The same article posted on B is the one already stored.
    let (status, again) = b.send("POST", "/v1/articles", Some(&post));
    assert_eq!(status, 200, "{again}");
    assert!(a.get("/v1/articles").1.contains("\"total\":1"));

    // B restarted finds everything.
    let before = b.get("/v1/events").1;
    drop(b);
    b = Replica::start(&db.url_via(relay.addr));
    assert_eq!(b.get("/v1/events").1, before);
    assert_eq!(b.get(&format!("/v1/articles/{id}")).0, 200);

    // B's database goes away: not ready, then ready again by itself.
    b.wait_until("/ready", 200);
    relay.cut();
    b.wait_until("/ready", 503);
    assert_eq!(a.get("/ready").0, 200, "A's own connection is untouched");
    relay.restore();
    b.wait_until("/ready", 200);
    assert_eq!(b.get(&format!("/v1/articles/{id}")).0, 200);

    // Deleted through B, gone on both.
    assert_eq!(b.send("DELETE", &format!("/v1/articles/{id}"), None).0, 204);
    assert_eq!(a.get(&format!("/v1/articles/{id}")).0, 404);
    assert_eq!(b.get(&format!("/v1/articles/{id}")).0, 404);
    assert!(a.get("/v1/people").1.contains("\"total\":0"));
}
