//! Times `parse_posting` over every text posting of the corpus's training split, seven passes
//! (or as many as the first argument says), and prints the fastest pass per posting. On a
//! shared machine the fastest pass moves less than criterion's middle value; under
//! `valgrind --tool=callgrind` one pass gives an instruction count that does not move at all.
//! Both suit before/after comparisons of one change:
//!
//! ```text
//! cargo run --release -p jobwise-engine --example posting_passes
//! valgrind --tool=callgrind target/release/examples/posting_passes 1
//! ```

use std::time::Instant;

fn main() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/postings/train");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("the training split is readable") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|ext| ext == "txt") {
            texts.push(std::fs::read_to_string(path).expect("a posting is readable"));
        }
    }
    let passes: usize = std::env::args()
        .nth(1)
        .and_then(|arg| arg.parse().ok())
        .unwrap_or(7);
    let mut best = f64::MAX;
    for _ in 0..passes {
        let started = Instant::now();
        for text in &texts {
            std::hint::black_box(jobwise_engine::parse_posting(text));
        }
        best = best.min(started.elapsed().as_secs_f64() / texts.len().max(1) as f64);
    }
    println!(
        "{} postings, fastest of {passes} passes: {:.3} ms per posting",
        texts.len(),
        best * 1000.0
    );
}
