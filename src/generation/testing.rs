//! Helpers for the generation unit tests: a profile and a job through stages 1–4.

use jobwise_engine::{CompiledProfile, JobAnalysis, Taxonomy};
use jobwise_render::Document;

use super::options::{ResumeOptions, Tone};
use super::pipeline::{self, GenerationRequest, JobPosting, PipelineInputs};
use super::validate::ValidationReport;

/// A profile (JSON) and a job after stages 1 and 2.
pub struct Run {
    /// The frozen inputs.
    pub inputs: PipelineInputs,
    /// Stage 1.
    pub analysis: JobAnalysis,
    /// Stage 2.
    pub compiled: CompiledProfile,
    /// A resume with its cover letter, `ats_optimized`.
    pub request: GenerationRequest,
}

/// A job with a title, a company and requirement lines.
pub fn job(title: &str, company: Option<&str>, requirements: &[&str]) -> JobPosting {
    JobPosting {
        title: title.to_owned(),
        company: company.map(str::to_owned),
        description: String::new(),
        requirements: requirements.iter().map(|r| r.to_string()).collect(),
        preferred: Vec::new(),
        responsibilities: Vec::new(),
    }
}

impl Run {
    /// Stages 1 and 2 for `profile_json` against `job`, as of 2026-11-30.
    pub fn new(profile_json: &str, job: JobPosting) -> Run {
        let inputs = PipelineInputs {
            profile: serde_json::from_str(profile_json).expect("test profile parses"),
            job,
            style: None,
            today: (2026, 11, 30),
        };
        let taxonomy = Taxonomy::shipped();
        let analysis = pipeline::analyze(&inputs, taxonomy);
        let compiled = pipeline::compile(&inputs, &analysis, taxonomy);
        let request = GenerationRequest::Resume(ResumeOptions {
            template: Some(jobwise_render::Template::AtsOptimized),
            include_cover_letter: true,
            tone: Tone::Professional,
            ..ResumeOptions::default()
        });
        Run {
            inputs,
            analysis,
            compiled,
            request,
        }
    }

    /// Stage 3 as drafted, before the self-check: [resume, letter].
    pub fn drafts(&self) -> Vec<Document> {
        pipeline::draft_unchecked(
            &self.inputs,
            &self.analysis,
            &self.compiled,
            &self.request,
            Taxonomy::shipped(),
        )
    }

    /// Stage 4 for one document.
    pub fn validate(&self, document: &Document) -> ValidationReport {
        pipeline::validate_one(
            &self.inputs,
            &self.analysis,
            &self.compiled,
            self.request.template(),
            document,
            Taxonomy::shipped(),
        )
    }

    /// The factuality messages of a document, with their locations.
    pub fn factuality(&self, document: &Document) -> Vec<String> {
        self.validate(document)
            .factuality_issues
            .iter()
            .map(|i| format!("{} at {}", i.message, i.location))
            .collect()
    }
}
