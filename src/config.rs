//! The typed configuration: the command line (clap derive, each option also read from a
//! `FACTLINE_…` environment variable) and the [`AppConfig`] the HTTP layer runs with.
//!
//! Defaults run with no setup. Secrets never reach a log: [`ApiToken`]'s `Debug` prints a
//! placeholder, and clap is told to hide the token's environment value in `--help`.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};
use sha2::{Digest, Sha256};

/// Reads English news articles and serves the facts in them (people, quotes, events,
/// timeline) over a REST API.
#[derive(Debug, Parser)]
#[command(name = "factline", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the REST API (by default on 127.0.0.1:8080, with the bundled seed article).
    Serve(ServeArgs),
    /// Extract the facts from one article and print them as JSON.
    Extract(ExtractArgs),
    /// Score the extractor against an annotated folder and print the report.
    Eval(EvalArgs),
    /// GET /health on a running server; exit 0 when it answers 200 (for container health checks).
    Healthcheck(HealthcheckArgs),
    /// Apply the embedded PostgreSQL migrations to `--database-url` and exit.
    Migrate(MigrateArgs),
}

/// How log lines are written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    #[default]
    Text,
    /// One JSON object per line, for log collectors.
    Json,
}

/// Options of `factline serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "FACTLINE_BIND", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    /// Keep accepted articles in this directory (one JSON file each) and reload them at start.
    /// Without it, articles live in memory only.
    #[arg(long, env = "FACTLINE_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    /// Bearer token required by POST and DELETE. Without it, writes are open.
    #[arg(long, env = "FACTLINE_TOKEN", hide_env_values = true)]
    pub token: Option<ApiToken>,
    /// Log line format.
    #[arg(long, env = "FACTLINE_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    /// Log filter (`info`, `factline=debug,tower_http=info`, …); RUST_LOG is used when absent.
    #[arg(long, env = "FACTLINE_LOG_LEVEL")]
    pub log_level: Option<String>,
    /// Seconds a request may take before it is answered with 503.
    #[arg(long, env = "FACTLINE_REQUEST_TIMEOUT_SECS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..))]
    pub request_timeout_secs: u64,
    /// Do not load the bundled seed article into an empty store.
    #[arg(long, env = "FACTLINE_NO_SEED")]
    pub no_seed: bool,
    /// Seconds a client may take to send a request's headers before the connection is closed
    /// (guards against slow clients that dribble bytes to hold connections open).
    #[arg(long, env = "FACTLINE_HEADER_READ_TIMEOUT_SECS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..))]
    pub header_read_timeout_secs: u64,
    /// Requests served at once; further requests wait (then time out) rather than pile up.
    #[arg(long, env = "FACTLINE_MAX_CONCURRENT_REQUESTS", default_value_t = 1024, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_concurrent_requests: u64,
    /// Article extractions run at once (each takes a blocking thread); further posts wait.
    #[arg(long, env = "FACTLINE_MAX_CONCURRENT_EXTRACTIONS", default_value_t = 4, value_parser = clap::value_parser!(u64).range(1..))]
    pub max_concurrent_extractions: u64,
    #[command(flatten)]
    pub database: DatabaseArgs,
}

/// Where the shared PostgreSQL store is, and how to connect to it.
#[derive(Debug, Args)]
pub struct DatabaseArgs {
    /// PostgreSQL URL (`postgres://user@host:5432/db`). When given, articles and facts are kept
    /// in that database, shared by every replica; `--data-dir` is then not allowed.
    #[arg(
        long,
        env = "DATABASE_URL",
        hide_env_values = true,
        conflicts_with = "data_dir"
    )]
    pub database_url: Option<String>,
    /// Most connections each replica opens to the database.
    #[arg(long, env = "FACTLINE_DB_MAX_CONNECTIONS", default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
    pub db_max_connections: u32,
    /// Seconds to wait for a database connection (connect or take one from the pool) before a
    /// request fails with 503.
    #[arg(long, env = "FACTLINE_DB_ACQUIRE_TIMEOUT_SECS", default_value_t = 5, value_parser = clap::value_parser!(u64).range(1..))]
    pub db_acquire_timeout_secs: u64,
}

/// Options of `factline migrate`.
#[derive(Debug, Args)]
pub struct MigrateArgs {
    /// PostgreSQL URL of the database to bring up to date.
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    pub database_url: String,
}

/// Options of `factline extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The article text file, or `-` for standard input.
    pub file: PathBuf,
    /// Publication date (`2025-08-15`) or RFC 3339 time.
    #[arg(long)]
    pub published_at: String,
    /// The newsroom's IANA time zone.
    #[arg(long, default_value = "UTC")]
    pub time_zone: String,
    /// The headline (it only affects the article id); the first sentence when absent.
    #[arg(long)]
    pub title: Option<String>,
    /// Print compact JSON on one line instead of pretty-printed JSON.
    #[arg(long)]
    pub compact: bool,
}

/// Options of `factline eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// A folder of annotated articles.
    pub dir: PathBuf,
    /// Also list every false positive, false negative and speaker error, per article.
    #[arg(long)]
    pub mistakes: bool,
    /// Fail (exit 1) when any figure falls below this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Write the current figures to this file as the new baseline.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
}

/// Options of `factline healthcheck`.
#[derive(Debug, Args)]
pub struct HealthcheckArgs {
    /// Address of the server to check.
    #[arg(
        long,
        env = "FACTLINE_HEALTHCHECK_ADDR",
        default_value = "127.0.0.1:8080"
    )]
    pub addr: SocketAddr,
    /// Seconds to wait for an answer.
    #[arg(long, default_value_t = 5)]
    pub timeout_secs: u64,
}

/// The bearer token that guards writes. Never printed: `Debug` shows a placeholder.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiToken(String);

impl ApiToken {
    /// A token; None for an empty or blank string, which would make every write "authorised"
    /// by an empty header.
    pub fn new(token: impl Into<String>) -> Option<Self> {
        let token = token.into();
        (!token.trim().is_empty()).then_some(ApiToken(token))
    }

    /// Whether `candidate` is this token, in time that does not depend on where they differ:
    /// both are hashed and the digests compared with no early exit, so the comparison leaks
    /// neither the position of the first wrong byte nor the token's length.
    pub fn matches(&self, candidate: &str) -> bool {
        let a = Sha256::digest(self.0.as_bytes());
        let b = Sha256::digest(candidate.as_bytes());
        a.iter()
            .zip(b.iter())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
    }
}

impl std::fmt::Debug for ApiToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ApiToken(<redacted>)")
    }
}

impl std::str::FromStr for ApiToken {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ApiToken::new(s).ok_or_else(|| "the token must not be empty".to_string())
    }
}

/// What the HTTP layer needs to know at run time.
#[derive(Clone, Debug)]
pub struct AppConfig {
    /// Required on POST and DELETE when set.
    pub token: Option<ApiToken>,
    /// How long a request may take.
    pub request_timeout: Duration,
    /// How long a client may take to send a request's headers.
    pub header_read_timeout: Duration,
    /// Requests served at once.
    pub max_concurrent_requests: usize,
    /// Extractions run at once.
    pub max_concurrent_extractions: usize,
}

impl Default for AppConfig {
    fn default() -> Self {
        AppConfig {
            token: None,
            request_timeout: Duration::from_secs(30),
            header_read_timeout: Duration::from_secs(10),
            max_concurrent_requests: 1024,
            max_concurrent_extractions: 4,
        }
    }
}

impl AppConfig {
    /// The run-time part of `serve`'s options.
    pub fn from_serve_args(args: &ServeArgs) -> Self {
        AppConfig {
            token: args.token.clone(),
            request_timeout: Duration::from_secs(args.request_timeout_secs),
            header_read_timeout: Duration::from_secs(args.header_read_timeout_secs),
            max_concurrent_requests: usize::try_from(args.max_concurrent_requests)
                .unwrap_or(usize::MAX),
            max_concurrent_extractions: usize::try_from(args.max_concurrent_extractions)
                .unwrap_or(usize::MAX),
        }
    }
}

#[cfg(test)]
#[expect(
    clippy::unwrap_used,
    reason = "a test should fail loudly on an unexpected error"
)]
mod tests {
    use super::*;

    #[test]
    fn token_is_never_printed() {
        let token = ApiToken::new("s3cret-value").unwrap();
        let config = AppConfig {
            token: Some(token),
            ..AppConfig::default()
        };
        let shown = format!("{config:?} {config:#?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("redacted"));
    }

    #[test]
    fn token_matches_only_itself() {
        let token = ApiToken::new("abc").unwrap();
        assert!(token.matches("abc"));
        assert!(!token.matches("abd"));
        assert!(!token.matches("ab"));
        assert!(!token.matches(""));
        assert!(ApiToken::new("  ").is_none());
    }

    #[test]
    fn cli_parses_serve_defaults_and_options() {
        let cli = Cli::try_parse_from(["factline", "serve", "--token", "t", "--no-seed"]).unwrap();
        let Command::Serve(args) = cli.command else {
            panic!("not serve");
        };
        assert_eq!(args.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(args.request_timeout_secs, 30);
        assert!(args.no_seed);
        assert!(args.token.unwrap().matches("t"));
        assert!(Cli::try_parse_from(["factline", "serve", "--request-timeout-secs", "0"]).is_err());
        assert!(Cli::try_parse_from(["factline", "serve", "--log-format", "xml"]).is_err());
    }

    #[test]
    fn cli_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
