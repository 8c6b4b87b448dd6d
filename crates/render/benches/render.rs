//! Criterion benchmarks of warm renders (one long-lived `Renderer`): a one-page resume and a
//! cover letter to PDF with every template, and both to DOCX. Each iteration changes the text
//! (a counter appended to every bullet / paragraph) so Typst's memo cache cannot hand back a
//! finished layout. `cargo bench -p jobwise-render --bench render`.

use std::sync::atomic::{AtomicUsize, Ordering};

use criterion::{Criterion, criterion_group, criterion_main};
use jobwise_render::{Document, PaperSize, Renderer, Template, render_docx};

fn fixture(name: &str) -> Document {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// The document with a fresh counter in every bullet or paragraph.
fn varied(doc: &Document) -> Document {
    let i = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut d = doc.clone();
    match &mut d {
        Document::Resume(r) => {
            for b in r.experience.iter_mut().flat_map(|e| &mut e.bullets) {
                b.text = format!("{} {i}", b.text);
            }
        }
        Document::CoverLetter(l) => {
            for p in &mut l.paragraphs {
                p.text = format!("{} {i}", p.text);
            }
        }
    }
    d
}

fn benches(c: &mut Criterion) {
    let renderer = Renderer::new();
    let resume = fixture("resume.json");
    let letter = fixture("letter.json");
    let mut pdf = c.benchmark_group("pdf");
    for template in [Template::AtsOptimized, Template::Modern, Template::Creative] {
        pdf.bench_function(format!("resume/{template}"), |b| {
            b.iter_batched(
                || varied(&resume),
                |d| renderer.render_pdf(&d, template, PaperSize::A4).unwrap(),
                criterion::BatchSize::SmallInput,
            )
        });
        pdf.bench_function(format!("cover_letter/{template}"), |b| {
            b.iter_batched(
                || varied(&letter),
                |d| renderer.render_pdf(&d, template, PaperSize::A4).unwrap(),
                criterion::BatchSize::SmallInput,
            )
        });
    }
    pdf.finish();
    let mut docx = c.benchmark_group("docx");
    docx.bench_function("resume", |b| {
        b.iter_batched(
            || varied(&resume),
            |d| render_docx(&d, PaperSize::A4).unwrap(),
            criterion::BatchSize::SmallInput,
        )
    });
    docx.bench_function("cover_letter", |b| {
        b.iter_batched(
            || varied(&letter),
            |d| render_docx(&d, PaperSize::A4).unwrap(),
            criterion::BatchSize::SmallInput,
        )
    });
    docx.finish();
}

criterion_group! {
    name = render;
    config = Criterion::default().sample_size(50);
    targets = benches
}
criterion_main!(render);
