//! PDF résumé import as the service runs it, minus the database: the text layer with
//! positions (`jobwise_extract::extract_pdf_layout`), reading order (columns) and parsing
//! into a profile, for two-page résumés of the corpus (one column, two columns). Issue 11's
//! target is ≤ 50 ms p50. Run: `cargo bench -p jobwise-engine --bench resume_import`.

use criterion::{Criterion, criterion_group, criterion_main};
use jobwise_engine::resume::{PositionedLine, PositionedPage, Span, parse_resume, reading_order};

fn corpus(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/corpus/resumes/train")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn import(bytes: &[u8]) -> usize {
    let pages = jobwise_extract::extract_pdf_layout(bytes, 20, &jobwise_extract::Cancel::new())
        .expect("a readable PDF");
    let pages: Vec<PositionedPage> = pages
        .into_iter()
        .map(|p| PositionedPage {
            lines: p
                .lines
                .into_iter()
                .map(|l| PositionedLine {
                    y: l.y,
                    size: l.size,
                    spans: l
                        .spans
                        .into_iter()
                        .map(|s| Span {
                            text: s.text,
                            x0: s.x0,
                            x1: s.x1,
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    parse_resume(&reading_order(&pages))
        .profile
        .experiences
        .len()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("pdf_import");
    for (label, file) in [
        ("two_pages_one_column", "07-adam-moon.one-col-caps.pdf"),
        ("two_pages_two_columns", "15-alan-lai.two-col.pdf"),
    ] {
        let bytes = corpus(file);
        assert!(import(&bytes) > 0, "{file}: no jobs read");
        group.bench_function(label, |b| b.iter(|| import(std::hint::black_box(&bytes))));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
