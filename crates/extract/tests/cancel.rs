//! Cancelling extraction: a cancelled handle, a passed deadline, or a cancel from another
//! thread while a PDF is being read all stop the work with `Cancelled`.

#[path = "support/pdf.rs"]
mod pdf;

use std::time::{Duration, Instant};

use jobwise_extract::{Cancel, ExtractError, SampleFormat, extract_text_with};
use pdf::one_page;

#[test]
fn cancelled_or_late_extraction_stops() {
    let heavy = one_page(&b"q\n".repeat(400_000));
    let cancel = Cancel::new();
    cancel.cancel();
    assert_eq!(
        extract_text_with(SampleFormat::Pdf, &heavy, &cancel),
        Err(ExtractError::Cancelled)
    );
    let past = Cancel::with_deadline(Instant::now());
    assert_eq!(
        extract_text_with(SampleFormat::Markdown, &b"[a](\n\n".repeat(100_000), &past),
        Err(ExtractError::Cancelled)
    );
    // Cancelled from another thread while running: stops long before finishing the work.
    let cancel = Cancel::new();
    let remote = cancel.clone();
    let worker = std::thread::spawn(move || {
        let started = Instant::now();
        let mut runs = 0;
        loop {
            match extract_text_with(SampleFormat::Pdf, &heavy, &cancel) {
                Err(ExtractError::Cancelled) => return (runs, started.elapsed()),
                _ => runs += 1,
            }
            assert!(runs < 10_000, "never cancelled");
        }
    });
    std::thread::sleep(Duration::from_millis(50));
    let stopped = Instant::now();
    remote.cancel();
    let (runs, _) = worker.join().unwrap();
    eprintln!("{runs} whole runs before the cancel");
    assert!(
        stopped.elapsed() < Duration::from_millis(500),
        "stopped {:?} after the cancel",
        stopped.elapsed()
    );
}
