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
    /// Run generation workers only (no HTTP server), e.g. beside API instances on PostgreSQL.
    Worker,
    /// The whole pipeline on files: profile JSON (ours or JSON Resume) + job posting → PDF;
    /// needs no server and no database.
    Generate(crate::generation::cli::GenerateArgs),
    /// Render a structured document (JSON, the documents' `content.structured`) to a file;
    /// needs no server and no database.
    Render(RenderArgs),
}

/// `jobwise render` options.
#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// The document as JSON.
    #[arg(long)]
    pub input: std::path::PathBuf,
    /// ats_optimized, modern, classic, minimal or creative (PDF only).
    #[arg(long, default_value = "ats_optimized")]
    pub template: String,
    /// pdf, docx, html, md or txt.
    #[arg(long, default_value = "pdf")]
    pub format: String,
    /// a4 or letter.
    #[arg(long, default_value = "a4")]
    pub paper: String,
    /// Where to write the file.
    #[arg(long)]
    pub out: std::path::PathBuf,
}

/// Renders a document file; prints the page count for PDFs.
pub fn render(args: &RenderArgs) -> anyhow::Result<()> {
    use jobwise_render::{Document, PaperSize, Renderer, Template};
    let json = std::fs::read_to_string(&args.input)
        .with_context(|| format!("reading {}", args.input.display()))?;
    let document: Document = serde_json::from_str(&json)
        .with_context(|| format!("{} is not a JobWise document", args.input.display()))?;
    let template: Template = args
        .template
        .parse()
        .map_err(|e| anyhow::anyhow!("--template: {e}"))?;
    let paper = match args.paper.as_str() {
        "a4" => PaperSize::A4,
        "letter" => PaperSize::Letter,
        other => anyhow::bail!("--paper: {other:?} is not a4 or letter"),
    };
    let bytes = match args.format.as_str() {
        "pdf" => {
            let pdf = Renderer::new().render_pdf(&document, template, paper)?;
            println!("{} page(s)", pdf.page_count);
            pdf.bytes
        }
        "docx" => jobwise_render::render_docx(&document, paper)?,
        "html" => jobwise_render::render_html(&document).into_bytes(),
        "md" => jobwise_render::render_markdown(&document).into_bytes(),
        "txt" => jobwise_render::render_text(&document).into_bytes(),
        other => anyhow::bail!("--format: {other:?} is not pdf, docx, html, md or txt"),
    };
    std::fs::write(&args.out, bytes).with_context(|| format!("writing {}", args.out.display()))?;
    println!("wrote {}", args.out.display());
    Ok(())
}

/// Entry point used by `main.rs`.
pub fn main() -> ExitCode {
    tune_allocator();
    let cli = Cli::parse();
    let offline = match &cli.command {
        Some(Command::Render(args)) => Some(("render", render(args))),
        Some(Command::Generate(args)) => Some(("generate", crate::generation::cli::generate(args))),
        _ => None,
    };
    if let Some((name, result)) = offline {
        return match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(err) => {
                eprintln!("jobwise {name}: {err:#}");
                ExitCode::FAILURE
            }
        };
    }
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
            Command::Worker => worker(config).await,
            Command::Render(_) | Command::Generate(_) => {
                unreachable!("handled before the runtime starts")
            }
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
// The one `unsafe` block of the workspace (the workspace lints deny `unsafe_code`).
#[allow(unsafe_code)]
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

/// Runs generation workers until SIGINT/SIGTERM; each finishes its current stage and gives
/// its generation back to the queue.
async fn worker(config: Config) -> anyhow::Result<()> {
    let count = config.workers.workers.max(1);
    let state = AppState::build(config).await?;
    tracing::info!(workers = count, database = ?state.db.backend, "JobWise workers running");
    let pool = crate::generation::worker::WorkerPool::start(&state, count);
    shutdown_signal().await;
    pool.shutdown().await;
    state.db.pool.close().await;
    tracing::info!("workers stopped cleanly");
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

/// Serves the application on `listener` (with the configured in-process generation workers)
/// until `shutdown` resolves; requests already in flight then run to completion, workers finish
/// their current stage and re-queue the rest, and the database pool is closed.
pub async fn serve_until(
    listener: TcpListener,
    state: AppState,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let app = router(state.clone());
    let workers =
        crate::generation::worker::WorkerPool::start(&state, state.config.workers.workers);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
    .context("HTTP server failed")?;
    workers.shutdown().await;
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
