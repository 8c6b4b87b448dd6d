//! Posting parser speed on real postings: every text file of the training corpus
//! (`tests/corpus/postings/train`), one parse per iteration, cycling through the files so the
//! figure is the typical posting's cost (target ≤ 2 ms p50).

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};

fn corpus() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/postings/train");
    let mut texts: Vec<String> = std::fs::read_dir(&dir)
        .expect("the posting corpus")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .map(|path| std::fs::read_to_string(path).expect("a posting"))
        .collect();
    texts.sort();
    texts
}

fn parse(c: &mut Criterion) {
    let texts = corpus();
    let mut next = 0;
    c.bench_function("parse_posting (real corpus, one posting)", |b| {
        b.iter(|| {
            let text = &texts[next % texts.len()];
            next += 1;
            jobwise_engine::parse_posting(std::hint::black_box(text))
        })
    });
}

criterion_group!(benches, parse);
criterion_main!(benches);
