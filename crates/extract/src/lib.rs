//! Plain-text extraction from uploaded writing samples (a past resume or a
//! cover letter) for JobWise.
//!
//! Everything here is a pure function over bytes: no file-system or network
//! access, no global state, and the same input always gives the same output.
//!
//! The output shape is the same for every format: paragraphs separated by a
//! blank line (`"\n\n"`), lines within a paragraph by `"\n"`, no trailing
//! whitespace on any line, never more than one blank line in a row, and no
//! leading or trailing blank lines (see [`normalize`]).
//!
//! Untrusted input is bounded: DOCX containers are limited to
//! [`MAX_ZIP_ENTRIES`] entries and [`MAX_INFLATED_BYTES`] of inflated XML in
//! total; a PDF to [`MAX_INFLATED_BYTES`] of decoded page content, form and
//! CMap streams in total, and as much again across its object streams, and to
//! [`MAX_PDF_PAGES`] pages, [`MAX_PDF_OPERATIONS`] content operators and
//! [`MAX_PDF_GLYPHS`] glyphs ([`ExtractError::TooComplex`] beyond). Content
//! operators are interpreted as they are parsed, never all held at once, so
//! a PDF costs at most its decoded bytes plus its text in memory. Markdown is
//! parsed by pulldown-cmark, linear in its input, unless it has more than
//! [`MAX_MARKDOWN_MARKUP`] markup characters: then it is read as plain text. Every format's work can be
//! stopped from outside with a [`Cancel`] (a flag and an optional deadline,
//! checked in the parsers' loops): [`extract_text_with`].
//! Malformed input of any format returns an [`ExtractError`] and never panics
//! out of [`extract_text`] (third-party parsers run under `catch_unwind`).
//!
//! PDF text comes from the text layer only: there is no OCR, so a scan
//! without one is [`ExtractError::NoText`]. Encrypted PDFs open when the
//! user password is empty (the common "owner password only" case).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

mod archive;
mod docx;
mod markdown;
mod pdf;

pub use markdown::MAX_MARKDOWN_MARKUP;
mod text;

pub use archive::read_zip_entries;
pub use text::normalize;

/// Cap on the bytes inflated from one upload: the DOCX parts read, or the
/// PDF streams decoded (see the crate docs).
pub const MAX_INFLATED_BYTES: usize = 10 * 1024 * 1024;

/// Cap on the pages of a PDF (a resume or a cover letter has a few).
pub const MAX_PDF_PAGES: usize = 100;

/// Cap on the content-stream operators interpreted for one PDF (forms run
/// again count again). A dense page has a few thousand.
pub const MAX_PDF_OPERATIONS: usize = 500_000;

/// Cap on the glyphs shown by one PDF: about fifty dense pages.
pub const MAX_PDF_GLYPHS: usize = 200_000;

/// Cap on the number of entries in a DOCX (zip) container. Real documents
/// have a few dozen; media-heavy ones a few hundred.
pub const MAX_ZIP_ENTRIES: usize = 10_000;

/// The formats a writing sample can be uploaded in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SampleFormat {
    /// Plain text (`.txt`): UTF-8 (with or without BOM) or UTF-16 with BOM.
    Text,
    /// Markdown (`.md`, `.markdown`): decoded like [`SampleFormat::Text`],
    /// then stripped of markup.
    Markdown,
    /// Office Open XML word-processing document (`.docx`).
    Docx,
    /// PDF with a text layer (`.pdf`).
    Pdf,
}

impl SampleFormat {
    /// From a file name's extension (`.txt`, `.md`/`.markdown`, `.docx`,
    /// `.pdf`; case-insensitive), else `None`. Only the last extension
    /// counts (`resume.pdf.txt` is text); a name that is only an extension
    /// (`.pdf`) has none.
    pub fn from_file_name(name: &str) -> Option<Self> {
        // Accept a full path from either platform; only the last component counts.
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let (stem, ext) = base.rsplit_once('.')?;
        if stem.is_empty() {
            return None;
        }
        match ext.to_ascii_lowercase().as_str() {
            "txt" => Some(Self::Text),
            "md" | "markdown" => Some(Self::Markdown),
            "docx" => Some(Self::Docx),
            "pdf" => Some(Self::Pdf),
            _ => None,
        }
    }
}

/// Why a writing sample could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// A `.txt`/`.md` upload that is neither UTF-8 nor UTF-16 with a BOM.
    #[error("the file is not valid UTF-8 text")]
    NotUtf8,
    /// Not a zip container, or one without a main document part.
    #[error("not a valid .docx file: {0}")]
    NotADocx(String),
    /// No `%PDF-` header, or a file that cannot be parsed as a PDF.
    #[error("not a valid PDF file: {0}")]
    NotAPdf(String),
    /// The file parsed but holds no text at all (for example a scanned PDF
    /// without a text layer, or an empty document).
    #[error("the file contains no text (a scanned PDF has no text layer)")]
    NoText,
    /// Inflated content over [`MAX_INFLATED_BYTES`], or a container with more
    /// than [`MAX_ZIP_ENTRIES`] entries.
    #[error("the file's content is too large to process")]
    TooLarge,
    /// A document that needs more work than an upload may cost: over
    /// [`MAX_PDF_PAGES`] pages, [`MAX_PDF_OPERATIONS`] content operators or
    /// [`MAX_PDF_GLYPHS`] glyphs. The text says which.
    #[error("the document is too complex to process: {0}")]
    TooComplex(String),
    /// Stopped through its [`Cancel`] (its request timed out, or its
    /// deadline passed).
    #[error("text extraction was cancelled")]
    Cancelled,
}

/// Stops an extraction from another thread, or once a deadline passes. Cloned
/// handles share the flag; the extractors check it regularly in their loops
/// and return [`ExtractError::Cancelled`].
#[derive(Debug, Clone, Default)]
pub struct Cancel {
    flag: Arc<AtomicBool>,
    deadline: Option<Instant>,
}

/// Cancels its handle when dropped: hold one in a request future, and the blocking extraction
/// stops at its next check when the request times out or the client goes away.
#[derive(Debug)]
pub struct CancelOnDrop(pub Cancel);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}

impl Cancel {
    /// A handle that only stops when [`Cancel::cancel`] is called.
    pub fn new() -> Self {
        Self::default()
    }

    /// A handle that also stops at `deadline`.
    pub fn with_deadline(deadline: Instant) -> Self {
        Cancel {
            flag: Arc::default(),
            deadline: Some(deadline),
        }
    }

    /// Asks every extraction using this handle (or a clone) to stop.
    pub fn cancel(&self) {
        self.flag.store(true, Ordering::Relaxed);
    }

    /// Whether the work should stop now.
    pub fn is_cancelled(&self) -> bool {
        self.flag.load(Ordering::Relaxed) || self.deadline.is_some_and(|d| Instant::now() >= d)
    }
}

/// Checks a [`Cancel`] every [`Ticker::EVERY`] steps of a loop (cheap enough
/// for a per-operator call).
pub(crate) struct Ticker<'a> {
    cancel: &'a Cancel,
    steps: u32,
}

impl<'a> Ticker<'a> {
    const EVERY: u32 = 1024;

    pub(crate) fn new(cancel: &'a Cancel) -> Self {
        Ticker { cancel, steps: 0 }
    }

    /// One step of work; `Cancelled` when the handle says stop.
    pub(crate) fn tick(&mut self) -> Result<(), ExtractError> {
        self.steps += 1;
        if self.steps >= Self::EVERY {
            self.steps = 0;
            if self.cancel.is_cancelled() {
                return Err(ExtractError::Cancelled);
            }
        }
        Ok(())
    }
}

/// Extracts the text of a writing sample.
///
/// Paragraphs are separated by `"\n\n"` and lines within a paragraph by
/// `"\n"`, with whitespace normalised by [`normalize`]. Markdown keeps its
/// words but loses markup: heading `#`s, emphasis `*`/`_`/`~~`, backticks,
/// block quotes, rules and link/image targets (a link becomes its text);
/// bullet markers become `"• "`. DOCX list paragraphs are also prefixed with
/// `"• "`. Returns [`ExtractError::NoText`] when the result would be empty.
pub fn extract_text(format: SampleFormat, bytes: &[u8]) -> Result<String, ExtractError> {
    extract_text_with(format, bytes, &Cancel::new())
}

/// [`extract_text`] that stops with [`ExtractError::Cancelled`] soon after
/// `cancel` is cancelled or its deadline passes.
pub fn extract_text_with(
    format: SampleFormat,
    bytes: &[u8],
    cancel: &Cancel,
) -> Result<String, ExtractError> {
    let raw = match format {
        SampleFormat::Text => text::decode(bytes)?,
        SampleFormat::Markdown => markdown::strip(&text::decode(bytes)?, cancel)?,
        SampleFormat::Docx => guarded(|| docx::extract(bytes, cancel))
            .unwrap_or_else(|| Err(ExtractError::NotADocx("the document is malformed".into())))?,
        SampleFormat::Pdf => guarded(|| pdf::extract(bytes, cancel))
            .unwrap_or_else(|| Err(ExtractError::NotAPdf("the document is malformed".into())))?,
    };
    if cancel.is_cancelled() {
        return Err(ExtractError::Cancelled);
    }
    let out = normalize(&raw);
    if out.is_empty() {
        Err(ExtractError::NoText)
    } else {
        Ok(out)
    }
}

/// Runs a third-party parser so that a panic on hostile input becomes
/// `None` instead of unwinding into the caller.
fn guarded(
    f: impl FnOnce() -> Result<String, ExtractError>,
) -> Option<Result<String, ExtractError>> {
    // The closure only reads its inputs and owns everything it builds, so no
    // broken invariant can be observed after a caught panic.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).ok()
}

/// A run of text on one baseline of a PDF page, with its horizontal extent
/// in points (a gap wider than three font sizes starts a new run).
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutSpan {
    /// The run's text.
    pub text: String,
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
}

/// One baseline of a PDF page.
#[derive(Debug, Clone, PartialEq)]
pub struct LayoutLine {
    /// Height of the baseline on the page (PDF user space: grows upwards).
    pub y: f32,
    /// Largest font size on the line, in points.
    pub size: f32,
    /// Runs, left to right.
    pub spans: Vec<LayoutSpan>,
}

/// The lines of one PDF page, in the order the file draws them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LayoutPage {
    /// Lines.
    pub lines: Vec<LayoutLine>,
}

/// The text layer of a PDF with positions: per page, each baseline with its
/// runs and their x extents, so a caller can find columns (a two-column
/// résumé) instead of relying on drawing order. Same limits as
/// [`extract_text`], plus at most `max_pages` pages ([`ExtractError::TooLarge`]
/// beyond), and it stops when `cancel` fires. [`ExtractError::NoText`] when no page has any
/// text.
pub fn extract_pdf_layout(
    bytes: &[u8],
    max_pages: usize,
    cancel: &Cancel,
) -> Result<Vec<LayoutPage>, ExtractError> {
    let pages = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        pdf::layout(bytes, max_pages, cancel)
    }))
    .unwrap_or_else(|_| Err(ExtractError::NotAPdf("the document is malformed".into())))?;
    if pages.iter().all(|p| {
        p.lines
            .iter()
            .all(|l| l.spans.iter().all(|s| s.text.trim().is_empty()))
    }) {
        return Err(ExtractError::NoText);
    }
    Ok(pages)
}
