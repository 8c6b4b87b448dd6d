//! Helpers shared by the integration tests: fixtures, one shared renderer, and poppler-utils
//! wrappers that return `None` (after printing why) when the tools are not installed.
#![allow(dead_code)]

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::LazyLock;

use jobwise_render::{Document, Renderer};

pub fn fixture(name: &str) -> Document {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

pub fn renderer() -> &'static Renderer {
    static RENDERER: LazyLock<Renderer> = LazyLock::new(Renderer::new);
    &RENDERER
}

/// Collapses whitespace so text wrapped across lines still matches.
pub fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub struct Pdf<'a>(pub &'a [u8]);

impl Pdf<'_> {
    fn with_file(&self, tool: &str, args: &[&str], trailing: &[&str]) -> Option<String> {
        let path = Path::new("/usr/bin").join(tool);
        if !path.exists() {
            eprintln!(
                "SKIPPED: {} is not installed (apt-get install poppler-utils)",
                path.display()
            );
            return None;
        }
        let dir = std::env::temp_dir().join(format!("jobwise-render-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join(format!("{:016x}.pdf", hash(self.0)));
        std::fs::File::create(&file)
            .unwrap()
            .write_all(self.0)
            .unwrap();
        let out = Command::new(path)
            .args(args)
            .arg(&file)
            .args(trailing)
            .output()
            .unwrap();
        let _ = std::fs::remove_file(&file);
        assert!(
            out.status.success(),
            "{tool} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Some(String::from_utf8(out.stdout).unwrap())
    }

    /// `pdftotext -layout`-free text (reading order as stored).
    pub fn text(&self) -> Option<String> {
        self.with_file("pdftotext", &["-enc", "UTF-8"], &["-"])
    }

    pub fn info(&self) -> Option<String> {
        self.with_file("pdfinfo", &["-enc", "UTF-8"], &[])
    }

    pub fn fonts(&self) -> Option<String> {
        self.with_file("pdffonts", &[], &[])
    }
}

fn hash(bytes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut h);
    std::thread::current().id().hash(&mut h);
    h.finish()
}
