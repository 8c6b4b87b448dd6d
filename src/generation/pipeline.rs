//! The five stages as plain functions with typed inputs and outputs, shared by the worker (which
//! persists each output before the next stage), `jobwise generate` and the benchmarks.
//!
//! Stage 1 and 2 live in `crates/engine`; stage 3 is [`super::draft`], stage 4
//! [`super::validate`], stage 5 renders with `crates/render` within the page budget.

use jobwise_engine::{CompiledProfile, JobAnalysis, Profile, StyleProfile, Taxonomy};
use jobwise_render::{Document, FitOutcome, PaperSize, Ranking, Renderer, Template};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};

use super::draft::{self, DraftInput, LetterDraftOptions};
use super::options::{CoverLetterOptions, GenerationType, LetterLength, ResumeOptions};
use super::repair::{Repair, repair_document};
use super::validate::{self, ValidationInput, ValidationReport};

/// Stage names, in order (the contract's `stage_name`).
pub const STAGE_NAMES: [&str; 5] = [
    "Job Analysis",
    "Profile Compilation",
    "Document Generation",
    "Quality Validation",
    "PDF Export",
];

/// What each stage does (the contract's `stage_description`).
pub const STAGE_DESCRIPTIONS: [&str; 5] = [
    "Extracting the posting's keywords, seniority and requirements",
    "Scoring your experience, projects and skills against the job",
    "Writing the tailored document from your profile",
    "Checking facts, ATS rules and keyword coverage",
    "Rendering the PDF within the page budget",
];

/// The job as the pipeline reads it (a snapshot taken when the generation is requested).
pub use jobwise_engine::JobPosting;

/// Everything the stages read, frozen at request time so a resumed or repeated run gives the
/// same documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PipelineInputs {
    /// The master profile.
    pub profile: Profile,
    /// The job.
    pub job: JobPosting,
    /// Writing style from the user's samples, when there are any.
    pub style: Option<StyleProfile>,
    /// The request date (year, month, day).
    pub today: (i32, u8, u8),
}

/// What to generate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "options", rename_all = "snake_case")]
pub enum GenerationRequest {
    /// A resume, optionally with its cover letter.
    Resume(ResumeOptions),
    /// A cover letter.
    CoverLetter(CoverLetterOptions),
}

impl GenerationRequest {
    /// The generation type.
    pub fn kind(&self) -> GenerationType {
        match self {
            GenerationRequest::Resume(_) => GenerationType::Resume,
            GenerationRequest::CoverLetter(_) => GenerationType::CoverLetter,
        }
    }

    /// The template documents are rendered with.
    pub fn template(&self) -> Template {
        match self {
            GenerationRequest::Resume(o) => o.template(),
            GenerationRequest::CoverLetter(o) => o.template(),
        }
    }

    /// The options as the API shows them (`options` of a generation view) and as the
    /// idempotency hash reads them (canonical JSON).
    pub fn options_json(&self) -> serde_json::Result<serde_json::Value> {
        match self {
            GenerationRequest::Resume(o) => serde_json::to_value(o),
            GenerationRequest::CoverLetter(o) => serde_json::to_value(o),
        }
    }

    /// Page budget of the n-th document (the resume first, then a letter).
    pub fn max_pages(&self, document: &Document) -> usize {
        match (self, document) {
            (GenerationRequest::Resume(o), Document::Resume(_)) => o.length.max_pages(),
            _ => 1,
        }
    }
}

/// Stage 1.
pub fn analyze(inputs: &PipelineInputs, taxonomy: &Taxonomy) -> JobAnalysis {
    jobwise_engine::analyze_job(&inputs.job, taxonomy)
}

/// Stage-1 results by the hash of the job text (see `docs/pipeline.md`), shared by the workers and the analysis/match endpoints. Bounded: the oldest entry
/// goes when [`AnalysisCache::CAPACITY`] is reached.
#[derive(Debug, Default, Clone)]
pub struct AnalysisCache {
    inner: Arc<Mutex<CacheEntries>>,
}

/// Analyses by hash, and the hashes in insertion order (for eviction).
type CacheEntries = (HashMap<String, Arc<JobAnalysis>>, VecDeque<String>);

impl AnalysisCache {
    /// Entries kept.
    pub const CAPACITY: usize = 512;

    /// The analysis of `job`, computed on a miss.
    pub fn analysis(&self, job: &JobPosting, taxonomy: &Taxonomy) -> Arc<JobAnalysis> {
        let key = jobwise_engine::text_hash(job);
        if let Some(hit) = self.lock().0.get(&key) {
            return hit.clone();
        }
        let analysis = Arc::new(jobwise_engine::analyze_job(job, taxonomy));
        let mut guard = self.lock();
        let (map, order) = &mut *guard;
        if !map.contains_key(&key) {
            if order.len() >= Self::CAPACITY
                && let Some(oldest) = order.pop_front()
            {
                map.remove(&oldest);
            }
            order.push_back(key.clone());
            map.insert(key, analysis.clone());
        }
        analysis
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, CacheEntries> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Stage 2.
pub fn compile(
    inputs: &PipelineInputs,
    analysis: &JobAnalysis,
    taxonomy: &Taxonomy,
) -> CompiledProfile {
    jobwise_engine::compile_profile(
        &inputs.profile,
        analysis,
        taxonomy,
        (inputs.today.0, inputs.today.1),
    )
}

fn draft_input<'a>(
    inputs: &'a PipelineInputs,
    analysis: &'a JobAnalysis,
    compiled: &'a CompiledProfile,
    taxonomy: &'a Taxonomy,
) -> DraftInput<'a> {
    DraftInput {
        profile: &inputs.profile,
        analysis,
        compiled,
        job_title: &inputs.job.title,
        company: inputs.job.company.as_deref(),
        style: inputs.style.as_ref(),
        today: inputs.today,
        taxonomy,
    }
}

/// Stage 3, offline engine: the resume (and its letter when asked) or the letter, checked
/// and repaired ([`draft_checked`]).
pub fn draft(
    inputs: &PipelineInputs,
    analysis: &JobAnalysis,
    compiled: &CompiledProfile,
    request: &GenerationRequest,
    taxonomy: &Taxonomy,
) -> Vec<Document> {
    draft_checked(inputs, analysis, compiled, request, taxonomy).documents
}

/// Offline drafts after self-repair, and what the repair changed.
#[derive(Debug, Clone)]
pub struct Drafted {
    /// The documents, free of factuality issues unless one could not be located.
    pub documents: Vec<Document>,
    /// Statements of the drafter's own that stage 4 flagged and that were rebuilt or dropped
    /// (empty when the drafter made no mistake), with the index of their document.
    pub repairs: Vec<(usize, Repair)>,
}

/// Stage 3, offline engine, with its own check: each draft is validated as stage 4 would,
/// and a statement it flags is rebuilt or dropped ([`super::repair`]), so a generation never
/// fails on a sentence the drafter wrote.
pub fn draft_checked(
    inputs: &PipelineInputs,
    analysis: &JobAnalysis,
    compiled: &CompiledProfile,
    request: &GenerationRequest,
    taxonomy: &Taxonomy,
) -> Drafted {
    let mut documents = draft_unchecked(inputs, analysis, compiled, request, taxonomy);
    let mut repairs = Vec::new();
    for (index, document) in documents.iter_mut().enumerate() {
        let fixed = repair_document(document, |d| {
            validate_one(inputs, analysis, compiled, request.template(), d, taxonomy)
        });
        repairs.extend(fixed.into_iter().map(|r| (index, r)));
    }
    Drafted { documents, repairs }
}

/// Stage 3, offline engine, as drafted (no check).
pub fn draft_unchecked(
    inputs: &PipelineInputs,
    analysis: &JobAnalysis,
    compiled: &CompiledProfile,
    request: &GenerationRequest,
    taxonomy: &Taxonomy,
) -> Vec<Document> {
    let input = draft_input(inputs, analysis, compiled, taxonomy);
    match request {
        GenerationRequest::Resume(options) => {
            let mut documents = vec![Document::Resume(draft::draft_resume(&input, options))];
            if options.include_cover_letter {
                documents.push(Document::CoverLetter(draft::draft_cover_letter(
                    &input,
                    &LetterDraftOptions {
                        tone: options.tone,
                        length: LetterLength::Standard,
                        custom_instructions: options.custom_instructions.clone(),
                    },
                )));
            }
            documents
        }
        GenerationRequest::CoverLetter(options) => {
            vec![Document::CoverLetter(draft::draft_cover_letter(
                &input,
                &LetterDraftOptions {
                    tone: options.tone,
                    length: options.length,
                    custom_instructions: options.custom_instructions.clone(),
                },
            ))]
        }
    }
}

/// Stage 4 for one document.
pub fn validate_one(
    inputs: &PipelineInputs,
    analysis: &JobAnalysis,
    compiled: &CompiledProfile,
    template: Template,
    document: &Document,
    taxonomy: &Taxonomy,
) -> ValidationReport {
    validate::validate_document(
        &ValidationInput {
            profile: &inputs.profile,
            analysis,
            compiled,
            job_title: &inputs.job.title,
            company: inputs.job.company.as_deref(),
            template,
            taxonomy,
        },
        document,
    )
}

/// Stage 4 for every drafted document.
pub fn validate(
    inputs: &PipelineInputs,
    analysis: &JobAnalysis,
    compiled: &CompiledProfile,
    request: &GenerationRequest,
    documents: &[Document],
    taxonomy: &Taxonomy,
) -> Vec<ValidationReport> {
    documents
        .iter()
        .map(|d| validate_one(inputs, analysis, compiled, request.template(), d, taxonomy))
        .collect()
}

/// Stage-2 scores by item id, for dropping the least relevant content first.
pub fn ranking(compiled: &CompiledProfile) -> Ranking {
    let mut ranking = Ranking::new();
    for item in super::draft::ranked_items(compiled) {
        ranking.insert(item.item_id.clone(), f64::from(item.score));
    }
    ranking
}

/// One exported document: what was rendered, the PDF, and the final validation.
#[derive(Debug, Clone)]
pub struct Exported {
    /// The document as rendered (content dropped to fit removed).
    pub document: Document,
    /// PDF bytes.
    pub pdf: Vec<u8>,
    /// Pages.
    pub page_count: usize,
    /// Validation of the rendered document, page check included.
    pub report: ValidationReport,
}

/// Stage 5: renders each document within its page budget and re-validates what was rendered.
pub fn export(
    renderer: &Renderer,
    inputs: &PipelineInputs,
    analysis: &JobAnalysis,
    compiled: &CompiledProfile,
    request: &GenerationRequest,
    documents: &[Document],
    taxonomy: &Taxonomy,
) -> anyhow::Result<Vec<Exported>> {
    let ranking = ranking(compiled);
    let template = request.template();
    let mut out = Vec::with_capacity(documents.len());
    for document in documents {
        let max_pages = request.max_pages(document);
        let FitOutcome {
            document,
            pdf,
            fits,
            ..
        } = jobwise_render::fit_to_pages(
            renderer,
            document,
            template,
            PaperSize::A4,
            max_pages,
            &ranking,
        )?;
        let mut report = validate_one(inputs, analysis, compiled, template, &document, taxonomy);
        report.set_page_fit(fits);
        out.push(Exported {
            document,
            pdf: pdf.bytes,
            page_count: pdf.page_count,
            report,
        });
    }
    Ok(out)
}
