//! The `factline` command line: parses arguments and hands over to the library. No logic here.

use std::io::{Read, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::Parser;
use factline::app::{self, AppState};
use factline::config::{AppConfig, Cli, Command, EvalArgs, ExtractArgs, MigrateArgs, ServeArgs};
use factline::store::ingest::{ArticleInput, Submission};
use factline::store::postgres::{self, PgOptions};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Serve(args) => serve(args),
        Command::Extract(args) => extract(args),
        Command::Eval(args) => eval(args),
        Command::Healthcheck(args) => {
            app::healthcheck(args.addr, Duration::from_secs(args.timeout_secs))
        }
        Command::Migrate(args) => migrate(args),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("factline: {message}");
            ExitCode::FAILURE
        }
    }
}

fn serve(args: ServeArgs) -> Result<(), String> {
    app::init_tracing(args.log_format, args.log_level.as_deref());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    runtime.block_on(async {
        let store = match &args.database.database_url {
            Some(url) => {
                let options = PgOptions {
                    url: url.clone(),
                    max_connections: args.database.db_max_connections,
                    acquire_timeout: Duration::from_secs(args.database.db_acquire_timeout_secs),
                };
                app::open_postgres(&options, !args.no_seed).await
            }
            None => app::open_store(args.data_dir.as_deref(), !args.no_seed).await,
        }
        .map_err(|e| format!("cannot open the store: {e}"))?;
        let config = AppConfig::from_serve_args(&args);
        tracing::info!(
            bind = %args.bind,
            data_dir = ?args.data_dir,
            postgres = args.database.database_url.is_some(),
            token = config.token.is_some(),
            request_timeout = ?config.request_timeout,
            "starting"
        );
        let listener = tokio::net::TcpListener::bind(args.bind)
            .await
            .map_err(|e| format!("cannot listen on {}: {e}", args.bind))?;
        let state = AppState::new(Arc::clone(&store), config);
        app::serve(listener, state, app::shutdown_signal())
            .await
            .map_err(|e| format!("server failed: {e}"))
    })
}

fn migrate(args: MigrateArgs) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    runtime
        .block_on(postgres::migrate(&args.database_url))
        .map_err(|e| e.to_string())?;
    print_out("migrations applied")
}

fn extract(args: ExtractArgs) -> Result<(), String> {
    let text = if args.file.as_os_str() == "-" {
        let mut text = String::new();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        text
    } else {
        std::fs::read_to_string(&args.file)
            .map_err(|e| format!("cannot read {}: {e}", args.file.display()))?
    };
    let submission = Submission::parse(ArticleInput {
        text,
        published_at: args.published_at,
        title: args.title,
        source: None,
        time_zone: Some(args.time_zone),
    })
    .map_err(|e| e.to_string())?;
    let extraction = submission.extract().extraction;
    let json = if args.compact {
        serde_json::to_string(&extraction)
    } else {
        serde_json::to_string_pretty(&extraction)
    }
    .map_err(|e| format!("cannot encode the extraction: {e}"))?;
    print_out(&json)
}

fn eval(args: EvalArgs) -> Result<(), String> {
    let report = factline::eval::evaluate_dir(&args.dir).map_err(|e| e.to_string())?;
    let mut out = report.to_string();
    if args.mistakes {
        out.push('\n');
        out.push_str(&report.mistakes());
    }
    print_out(&out)?;
    if let Some(path) = &args.write_baseline {
        let json =
            serde_json::to_string_pretty(&report.to_baseline_json()).map_err(|e| e.to_string())?;
        std::fs::write(path, json + "\n")
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    }
    if let Some(path) = &args.baseline {
        let raw = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let baseline: serde_json::Value =
            serde_json::from_str(&raw).map_err(|e| format!("bad {}: {e}", path.display()))?;
        report
            .check_against_baseline(&baseline)
            .map_err(|failures| {
                format!("below {}:\n  {}", path.display(), failures.join("\n  "))
            })?;
    }
    Ok(())
}

/// Prints `text` and a newline; a closed pipe (`factline extract … | head`) is not an error.
fn print_out(text: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write to standard output: {e}")),
    }
}
