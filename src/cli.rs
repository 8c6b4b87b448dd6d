//! Command line: `jobwise [serve]` runs the HTTP server (the default), `jobwise migrate`
//! applies the database migrations and exits.

use std::net::SocketAddr;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Parser, Subcommand};
use tokio::net::TcpListener;

use crate::app::{AppState, router};
use crate::config::Config;
use crate::telemetry::init_logging;

/// JobWise backend.
#[derive(Debug, Parser)]
#[command(
    name = "jobwise",
    version,
    about = "JobWise backend: tailored, truthful resumes and cover letters"
)]
pub struct Cli {
    /// What to do (default: serve).
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the HTTP API (migrations are applied at start-up).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Load the shipped job catalog (adds missing postings only; also done at start-up).
    Seed,
}

/// Entry point used by `main.rs`.
pub fn main() -> ExitCode {
    tune_allocator();
    let cli = Cli::parse();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(err) => {
            eprintln!("jobwise: {err}");
            return ExitCode::from(2);
        }
    };
    init_logging(config.log_format, &config.log_filter);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(err) => {
            eprintln!("jobwise: cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async move {
        match cli.command.unwrap_or(Command::Serve) {
            Command::Serve => serve(config).await,
            Command::Migrate => migrate(config).await,
            Command::Seed => seed(config).await,
        }
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!(error = ?err, "jobwise stopped with an error");
            eprintln!("jobwise: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// Keeps glibc from hoarding memory after password hashing. Each argon2id hash allocates a
/// 19 MiB block; glibc's default *dynamic* mmap threshold grows past that size after the first
/// free, so later blocks come from the heap, fragment it and are never returned (a 30-second
/// login burst left ~300 MB resident). A fixed threshold keeps large blocks in `mmap`, returned
/// to the OS on free (the same burst: under 50 MB).
fn tune_allocator() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only adjusts allocator tunables; it is called once, before any other
    // thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

async fn migrate(config: Config) -> anyhow::Result<()> {
    let db = crate::db::Db::connect(config.database_url.expose(), 1).await?;
    db.migrate().await?;
    tracing::info!(backend = ?db.backend, "migrations applied");
    Ok(())
}

async fn seed(config: Config) -> anyhow::Result<()> {
    let db = crate::db::Db::connect(config.database_url.expose(), 1).await?;
    db.migrate().await?;
    let added = crate::jobs::store::seed_catalog(&db).await?;
    tracing::info!(added, "job catalog up to date");
    println!("job catalog: {added} postings added");
    Ok(())
}

/// Runs the server until SIGINT/SIGTERM, then lets in-flight requests finish.
pub async fn serve(config: Config) -> anyhow::Result<()> {
    let addr = config.addr;
    let state = AppState::build(config).await?;
    let listener = TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr} (JOBWISE_ADDR)"))?;
    tracing::info!(
        %addr,
        database = ?state.db.backend,
        rate_limiter = state.limiter.backend(),
        "JobWise listening: API docs at http://{addr}/docs, health at http://{addr}/health"
    );
    serve_until(listener, state, shutdown_signal()).await
}

/// Serves the application on `listener` until `shutdown` resolves; requests already in flight
/// then run to completion before the database pool is closed.
pub async fn serve_until(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let app = router(state.clone());
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
    .context("HTTP server failed")?;
    state.db.pool.close().await;
    tracing::info!("JobWise stopped cleanly");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutdown signal received; finishing in-flight requests");
}
