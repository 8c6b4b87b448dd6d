//! Logging (pretty or JSON via `tracing-subscriber`) and the Prometheus metrics recorder.

use std::sync::OnceLock;

use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use tracing_subscriber::EnvFilter;

use crate::config::LogFormat;

/// Installs the global log subscriber. Safe to call more than once (later calls do nothing).
/// Records of libraries that use the `log` crate are forwarded to it through
/// [`LibraryLogs`], which lowers what user input can trigger.
pub fn init_logging(format: LogFormat, filter: &str) {
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter);
    let installed = match format {
        LogFormat::Json => tracing::subscriber::set_global_default(
            builder
                .json()
                .flatten_event(true)
                .with_current_span(true)
                .finish(),
        ),
        LogFormat::Pretty => tracing::subscriber::set_global_default(builder.finish()),
    };
    if installed.is_ok() {
        let _ = log::set_boxed_logger(Box::new(LibraryLogs::default()))
            .map(|()| log::set_max_level(log::LevelFilter::Trace));
    }
}

/// Crates whose log records describe the (untrusted) input they were given, not a fault the
/// operator can act on: their errors and warnings are logged at DEBUG.
const INPUT_DESCRIBING_CRATES: &[&str] = &["lopdf"];

/// The `log` → `tracing` bridge: like `tracing_log::LogTracer` (records become events in the
/// current span, so a request's events carry its request id), except that records from
/// [`INPUT_DESCRIBING_CRATES`] are lowered to DEBUG: a malformed PDF upload must not let a
/// user write ERROR lines into the operator's log.
#[derive(Default)]
pub struct LibraryLogs {
    inner: tracing_log::LogTracer,
}

/// The level a library's log record is re-emitted at.
pub fn library_level(target: &str, level: log::Level) -> log::Level {
    let crate_name = target.split("::").next().unwrap_or(target);
    if INPUT_DESCRIBING_CRATES.contains(&crate_name) && level < log::Level::Debug {
        log::Level::Debug
    } else {
        level
    }
}

impl log::Log for LibraryLogs {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        let level = library_level(metadata.target(), metadata.level());
        self.inner.enabled(
            &log::Metadata::builder()
                .level(level)
                .target(metadata.target())
                .build(),
        )
    }

    fn log(&self, record: &log::Record<'_>) {
        let level = library_level(record.target(), record.level());
        self.inner.log(
            &log::Record::builder()
                .args(*record.args())
                .level(level)
                .target(record.target())
                .module_path(record.module_path())
                .file(record.file())
                .line(record.line())
                .build(),
        );
    }

    fn flush(&self) {
        self.inner.flush();
    }
}

/// The process-wide Prometheus recorder. The `metrics` facade has exactly one global recorder,
/// so it is installed on first use and every `AppState` in the process shares its handle.
pub fn metrics_handle() -> PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new()
                .set_buckets_for_metric(
                    Matcher::Suffix("duration_seconds".into()),
                    &[
                        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
                        5.0, 10.0,
                    ],
                )
                .expect("static bucket list is not empty")
                .build_recorder();
            let handle = recorder.handle();
            // Fails only if another recorder was installed first; then our handle stays empty.
            if metrics::set_global_recorder(recorder).is_err() {
                tracing::warn!("a metrics recorder was already installed; /metrics will be empty");
            }
            handle
        })
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_library_errors_are_lowered_to_debug() {
        assert_eq!(
            library_level("lopdf::reader", log::Level::Error),
            log::Level::Debug
        );
        assert_eq!(library_level("lopdf", log::Level::Warn), log::Level::Debug);
        assert_eq!(
            library_level("lopdf::reader", log::Level::Trace),
            log::Level::Trace
        );
        assert_eq!(
            library_level("object_store::aws", log::Level::Error),
            log::Level::Error
        );
        assert_eq!(
            library_level("lopdfx", log::Level::Error),
            log::Level::Error
        );
    }
}
