//! Prints one line per text posting of the labelled corpus (both splits): its file and a hash
//! of everything `parse_posting` returns for it. Run it before and after a change that should
//! not alter any output (a speed-up) and `diff` the two; only hashes are printed, so the
//! holdout's contents are not shown.
//!
//! ```text
//! cargo run --release -p jobwise-engine --example parse_fingerprints > before.txt
//! ```

use std::hash::{DefaultHasher, Hash, Hasher};

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/postings");
    for split in ["train", "holdout"] {
        let mut paths: Vec<_> = std::fs::read_dir(root.join(split))
            .expect("the split is readable")
            .map(|entry| entry.expect("a directory entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).expect("a posting is readable");
            let parsed = jobwise_engine::parse_posting(&text);
            let mut hasher = DefaultHasher::new();
            format!("{parsed:?}").hash(&mut hasher);
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            println!("{split}/{name} {:016x}", hasher.finish());
        }
    }
}
