//! PDF rendering with Typst, in-process.
//!
//! A [`Renderer`] is built once (fonts parsed, standard library built, templates embedded) and
//! shared. Each render builds a small per-call world whose virtual file system holds only the
//! embedded template sources and `/input.json`, the document turned into a view model. User
//! strings reach Typst only through that JSON, so they are data and can never be evaluated as
//! markup or code; any `#read`, `#import`, `#image`, package or other path fails.

use std::collections::HashMap;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Serialize;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

use crate::model::{
    CONTACT_SEPARATOR, ContactItem, CoverLetter, Document, Resume, clean, display_url, format_date,
    safe_url,
};
use crate::text::format_letter_date;
use crate::{PaperSize, RenderError, Result, Template};

/// The default body size in points.
pub const DEFAULT_FONT_SIZE: f64 = 10.5;
/// The smallest body size any caller may ask for: text is never shrunk below this.
pub const MIN_FONT_SIZE: f64 = 9.5;

/// Renders a memo-cache eviction every this many renders.
const EVICT_EVERY: usize = 64;
/// Cache entries unused for this many evictions are dropped.
const EVICT_MAX_AGE: usize = 2;

/// The template sources compiled into the binary: the only files a Typst world can read.
const TEMPLATE_SOURCES: [(&str, &str); 6] = [
    (
        "/templates/common.typ",
        include_str!("../templates/common.typ"),
    ),
    (
        "/templates/ats_optimized.typ",
        include_str!("../templates/ats_optimized.typ"),
    ),
    (
        "/templates/modern.typ",
        include_str!("../templates/modern.typ"),
    ),
    (
        "/templates/classic.typ",
        include_str!("../templates/classic.typ"),
    ),
    (
        "/templates/minimal.typ",
        include_str!("../templates/minimal.typ"),
    ),
    (
        "/templates/creative.typ",
        include_str!("../templates/creative.typ"),
    ),
];

const INPUT_PATH: &str = "/input.json";

fn file_id(path: &str) -> FileId {
    RootedPath::new(
        VirtualRoot::Project,
        VirtualPath::new(path).expect("valid virtual path"),
    )
    .intern()
}

static INPUT_ID: LazyLock<FileId> = LazyLock::new(|| file_id(INPUT_PATH));

/// A rendered PDF.
#[derive(Debug, Clone)]
pub struct RenderedPdf {
    pub bytes: Vec<u8>,
    pub page_count: usize,
}

/// Options for one PDF render.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PdfOptions {
    pub template: Template,
    pub paper: PaperSize,
    /// Body text size in points, clamped to at least [`MIN_FONT_SIZE`].
    pub font_size: f64,
}

impl PdfOptions {
    pub fn new(template: Template, paper: PaperSize) -> Self {
        Self {
            template,
            paper,
            font_size: DEFAULT_FONT_SIZE,
        }
    }
}

/// A long-lived Typst environment: fonts loaded once, templates embedded. `Send + Sync`; call
/// [`Renderer::render_pdf`] from `spawn_blocking` (it is CPU work, a few milliseconds).
pub struct Renderer {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    sources: HashMap<FileId, Source>,
    renders: AtomicUsize,
}

impl std::fmt::Debug for Renderer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Renderer")
            .field("fonts", &self.fonts.len())
            .finish_non_exhaustive()
    }
}

impl Default for Renderer {
    fn default() -> Self {
        Self::new()
    }
}

impl Renderer {
    /// Loads the embedded fonts (typst-assets) and template sources.
    pub fn new() -> Self {
        let fonts: Vec<Font> = typst_assets::fonts()
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect();
        let book = FontBook::from_fonts(&fonts);
        let sources = TEMPLATE_SOURCES
            .iter()
            .map(|(path, text)| {
                let id = file_id(path);
                (id, Source::new(id, (*text).to_owned()))
            })
            .collect();
        Self {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(book),
            fonts,
            sources,
            renders: AtomicUsize::new(0),
        }
    }

    /// Renders `doc` with `template` on `paper` at the default text size.
    pub fn render_pdf(
        &self,
        doc: &Document,
        template: Template,
        paper: PaperSize,
    ) -> Result<RenderedPdf> {
        self.render_pdf_with(doc, PdfOptions::new(template, paper))
    }

    /// Renders with explicit options.
    pub fn render_pdf_with(&self, doc: &Document, options: PdfOptions) -> Result<RenderedPdf> {
        let paged = self.compile(doc, options)?;
        let page_count = paged.pages().len();
        let pdf_options = typst_pdf::PdfOptions {
            // The PDF identifier is derived from the title and author.
            ident: typst::foundations::Smart::Auto,
            creator: typst::foundations::Smart::Custom(Some("JobWise".to_owned())),
            ..Default::default()
        };
        let bytes = typst_pdf::pdf(&paged, &pdf_options)
            .map_err(|d| RenderError::PdfExport(diagnostics(&d)))?;
        Ok(RenderedPdf { bytes, page_count })
    }

    /// Lays the document out and returns the page count without exporting a PDF (cheaper, used
    /// by the page-budget fitter).
    pub fn page_count(&self, doc: &Document, options: PdfOptions) -> Result<usize> {
        Ok(self.compile(doc, options)?.pages().len())
    }

    fn compile(&self, doc: &Document, options: PdfOptions) -> Result<PagedDocument> {
        let input = serde_json::to_vec(&view_model(doc, options))?;
        let world = RenderWorld {
            renderer: self,
            main: file_id(&format!("/templates/{}.typ", options.template)),
            input: Bytes::new(input),
        };
        let result = typst::compile::<PagedDocument>(&world).output;
        if self.renders.fetch_add(1, Ordering::Relaxed) % EVICT_EVERY == EVICT_EVERY - 1 {
            typst::comemo::evict(EVICT_MAX_AGE);
        }
        result.map_err(|d| RenderError::Typst(diagnostics(&d)))
    }
}

fn diagnostics(diags: &[SourceDiagnostic]) -> String {
    diags
        .iter()
        .map(|d| {
            let mut s = d.message.to_string();
            for h in &d.hints {
                s.push_str(" (hint: ");
                s.push_str(h.v.as_str());
                s.push(')');
            }
            s
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// The per-render world: the shared renderer plus this render's input.
struct RenderWorld<'a> {
    renderer: &'a Renderer,
    main: FileId,
    input: Bytes,
}

impl World for RenderWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.renderer.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.renderer.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.renderer
            .sources
            .get(&id)
            .cloned()
            .ok_or(FileError::AccessDenied)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == *INPUT_ID {
            return Ok(self.input.clone());
        }
        match self.renderer.sources.get(&id) {
            Some(source) => Ok(Bytes::from_string(source.text().to_owned())),
            None => Err(FileError::AccessDenied),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.renderer.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        // Deterministic output: templates never see the clock.
        None
    }
}

// ---------------------------------------------------------------------------------------------
// The view model: the document pre-formatted for templates (dates, contact lines, joined
// skills), so all templates agree on wording and Typst code stays simple.

#[derive(Serialize)]
struct Meta {
    title: String,
    author: String,
    subject: String,
    keywords: Vec<String>,
}

#[derive(Serialize)]
struct Contact {
    text: String,
    url: String,
}

#[derive(Serialize)]
struct Row {
    label: String,
    text: String,
}

#[derive(Serialize)]
struct Entry {
    primary: String,
    secondary: String,
    dates: String,
    lines: Vec<String>,
    bullets: Vec<String>,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Section {
    Text {
        heading: String,
        text: String,
    },
    Rows {
        heading: String,
        rows: Vec<Row>,
    },
    Entries {
        heading: String,
        entries: Vec<Entry>,
    },
    Bullets {
        heading: String,
        bullets: Vec<String>,
    },
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum View {
    Resume {
        paper: &'static str,
        font_size: f64,
        meta: Meta,
        name: String,
        headline: String,
        contacts: Vec<Contact>,
        sections: Vec<Section>,
    },
    CoverLetter {
        paper: &'static str,
        font_size: f64,
        meta: Meta,
        name: String,
        headline: String,
        contacts: Vec<Contact>,
        date: String,
        recipient: Vec<String>,
        salutation: String,
        paragraphs: Vec<String>,
        closing: String,
        signature: String,
    },
}

fn contacts(items: Vec<ContactItem>) -> Vec<Contact> {
    items
        .into_iter()
        .map(|c| Contact {
            text: c.text,
            url: c.url.unwrap_or_default(),
        })
        .collect()
}

fn lines<'a>(items: impl IntoIterator<Item = &'a crate::model::Line>) -> Vec<String> {
    items
        .into_iter()
        .map(|l| clean(&l.text))
        .filter(|s| !s.is_empty())
        .collect()
}

fn nonempty(parts: &[String], sep: &str) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(sep)
}

fn view_model(doc: &Document, options: PdfOptions) -> View {
    let meta = Meta {
        title: doc.title(),
        author: clean(doc.author()),
        subject: doc.subject(),
        keywords: doc.keywords(),
    };
    let paper = options.paper.typst_name();
    let font_size = options.font_size.max(MIN_FONT_SIZE);
    match doc {
        Document::Resume(r) => View::Resume {
            paper,
            font_size,
            meta,
            name: clean(&r.header.full_name),
            headline: r.header.headline.as_deref().map(clean).unwrap_or_default(),
            contacts: contacts(r.header.contact_items()),
            sections: resume_sections(r),
        },
        Document::CoverLetter(l) => letter_view(l, paper, font_size, meta),
    }
}

fn resume_sections(r: &Resume) -> Vec<Section> {
    let mut out = Vec::new();
    if let Some(s) = r
        .summary
        .as_ref()
        .map(|s| clean(&s.text))
        .filter(|s| !s.is_empty())
    {
        out.push(Section::Text {
            heading: "Summary".into(),
            text: s,
        });
    }
    let rows: Vec<Row> = r
        .skills
        .iter()
        .map(|g| Row {
            label: clean(&g.name),
            text: lines(&g.items).join(", "),
        })
        .filter(|r| !r.text.is_empty())
        .collect();
    if !rows.is_empty() {
        out.push(Section::Rows {
            heading: "Skills".into(),
            rows,
        });
    }
    if !r.experience.is_empty() {
        let entries = r
            .experience
            .iter()
            .map(|e| Entry {
                primary: clean(&e.title.text),
                secondary: nonempty(
                    &[
                        clean(&e.company.text),
                        e.location.as_deref().map(clean).unwrap_or_default(),
                    ],
                    CONTACT_SEPARATOR,
                ),
                dates: e.dates(),
                lines: Vec::new(),
                bullets: lines(&e.bullets),
            })
            .collect();
        out.push(Section::Entries {
            heading: "Experience".into(),
            entries,
        });
    }
    if !r.projects.is_empty() {
        let entries = r
            .projects
            .iter()
            .map(|p| {
                let tech: Vec<String> = p
                    .technologies
                    .iter()
                    .map(|t| clean(t))
                    .filter(|t| !t.is_empty())
                    .collect();
                let mut extra = Vec::new();
                if !tech.is_empty() {
                    extra.push(format!("Technologies: {}", tech.join(", ")));
                }
                if let Some(u) = p.url.as_deref().filter(|u| safe_url(u).is_some()) {
                    extra.push(display_url(&clean(u)));
                }
                Entry {
                    primary: clean(&p.name.text),
                    secondary: clean(&p.description.text),
                    dates: String::new(),
                    lines: extra,
                    bullets: lines(&p.bullets),
                }
            })
            .collect();
        out.push(Section::Entries {
            heading: "Projects".into(),
            entries,
        });
    }
    if !r.education.is_empty() {
        let entries = r
            .education
            .iter()
            .map(|e| Entry {
                primary: clean(&e.institution),
                secondary: e.degree_line(),
                dates: e.dates(),
                lines: Vec::new(),
                bullets: lines(&e.details),
            })
            .collect();
        out.push(Section::Entries {
            heading: "Education".into(),
            entries,
        });
    }
    if !r.certifications.is_empty() {
        let rows = r
            .certifications
            .iter()
            .map(|c| Row {
                label: String::new(),
                text: nonempty(
                    &[
                        clean(&c.name),
                        clean(&c.issuer),
                        c.date.as_deref().map(format_date).unwrap_or_default(),
                    ],
                    CONTACT_SEPARATOR,
                ),
            })
            .collect();
        out.push(Section::Rows {
            heading: "Certifications".into(),
            rows,
        });
    }
    if !r.languages.is_empty() {
        let rows = r
            .languages
            .iter()
            .map(|l| Row {
                label: clean(&l.name),
                text: clean(&l.proficiency),
            })
            .collect();
        out.push(Section::Rows {
            heading: "Languages".into(),
            rows,
        });
    }
    for s in &r.extra_sections {
        let bullets = lines(&s.items);
        if !bullets.is_empty() {
            out.push(Section::Bullets {
                heading: clean(&s.heading),
                bullets,
            });
        }
    }
    out
}

fn letter_view(l: &CoverLetter, paper: &'static str, font_size: f64, meta: Meta) -> View {
    let recipient = [
        l.recipient
            .hiring_manager
            .as_deref()
            .map(clean)
            .unwrap_or_default(),
        clean(&l.recipient.company),
        l.recipient
            .address
            .as_deref()
            .map(clean)
            .unwrap_or_default(),
    ]
    .into_iter()
    .filter(|s| !s.is_empty())
    .collect();
    View::CoverLetter {
        paper,
        font_size,
        meta,
        name: clean(&l.sender.full_name),
        headline: String::new(),
        contacts: contacts(l.sender.contact_items()),
        date: format_letter_date(&l.date),
        recipient,
        salutation: clean(&l.salutation),
        paragraphs: lines(&l.paragraphs),
        closing: clean(&l.closing),
        signature: clean(&l.signature),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compile_source(text: &str) -> std::result::Result<PagedDocument, String> {
        let mut renderer = Renderer::new();
        let id = file_id("/templates/__test__.typ");
        renderer
            .sources
            .insert(id, Source::new(id, text.to_owned()));
        let world = RenderWorld {
            renderer: &renderer,
            main: id,
            input: Bytes::new(b"{}".as_slice()),
        };
        typst::compile::<PagedDocument>(&world)
            .output
            .map_err(|d| diagnostics(&d))
    }

    #[test]
    fn only_embedded_files_are_readable() {
        assert!(compile_source(r#"#read("/templates/common.typ")"#).is_ok());
        assert!(compile_source(r#"#read("/input.json")"#).is_ok());
        for code in [
            r#"#read("/etc/passwd")"#,
            r#"#read("../../../../etc/passwd")"#,
            r#"#import "/etc/passwd": *"#,
            r#"#include "/Cargo.toml""#,
            r#"#image("/logo.png")"#,
            r#"#import "@preview/example:0.1.0": *"#,
        ] {
            let err = compile_source(code).expect_err(code);
            assert!(!err.contains("root:"), "{code}: {err}");
        }
    }

    #[test]
    fn today_is_unavailable() {
        // Output must not depend on the clock.
        assert!(compile_source("#datetime.today().display()").is_err());
    }
}
