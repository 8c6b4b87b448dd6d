//! `jobwise generate`: the whole pipeline on files, with no server and no database — the
//! quickest way to see JobWise work.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use jobwise_engine::Taxonomy;
use jobwise_render::{Document, Renderer, Template};
use serde::Deserialize;

use super::options::{ResumeLength, ResumeOptions, Tone};
use super::pipeline::{self, GenerationRequest, JobPosting, PipelineInputs, STAGE_NAMES};
use crate::db::Timestamp;

/// `jobwise generate` options.
#[derive(Debug, clap::Args)]
pub struct GenerateArgs {
    /// The master profile: JobWise profile JSON or a JSON Resume document.
    #[arg(long)]
    pub profile: PathBuf,
    /// The job: a pasted posting as text, or JSON with title, company, description,
    /// requirements, preferred, responsibilities.
    #[arg(long)]
    pub job: PathBuf,
    /// ats_optimized, modern, classic, minimal or creative.
    #[arg(long, default_value = "modern")]
    pub template: String,
    /// one_page, two_page or comprehensive.
    #[arg(long, default_value = "one_page")]
    pub length: String,
    /// Where to write the resume PDF.
    #[arg(long)]
    pub out: PathBuf,
    /// Also write the cover letter here.
    #[arg(long)]
    pub cover_letter: Option<PathBuf>,
    /// Letter tone: professional, enthusiastic, confident or humble.
    #[arg(long, default_value = "professional")]
    pub tone: String,
    /// Also write the structured resume (JSON) here.
    #[arg(long)]
    pub json: Option<PathBuf>,
}

fn read_profile(path: &Path) -> anyhow::Result<jobwise_engine::Profile> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).with_context(|| format!("{} is not JSON", path.display()))?;
    let mut profile = if value.get("basics").is_some() {
        crate::profiles::json_resume::import(&value)
            .map_err(|e| anyhow::anyhow!("{} is not a valid JSON Resume: {e}", path.display()))?
            .0
    } else {
        jobwise_engine::Profile::deserialize(value)
            .with_context(|| format!("{} is not a JobWise profile", path.display()))?
    };
    // Files may omit item ids; the pipeline cites items by id.
    for (i, e) in profile.experiences.iter_mut().enumerate() {
        if e.id.trim().is_empty() {
            e.id = format!("exp-{}", i + 1);
        }
    }
    for (i, e) in profile.education.iter_mut().enumerate() {
        if e.id.trim().is_empty() {
            e.id = format!("edu-{}", i + 1);
        }
    }
    for (i, p) in profile.projects.iter_mut().enumerate() {
        if p.id.trim().is_empty() {
            p.id = format!("proj-{}", i + 1);
        }
    }
    for (i, c) in profile.skills.certifications.iter_mut().enumerate() {
        if c.id.trim().is_empty() {
            c.id = format!("cert-{}", i + 1);
        }
    }
    Ok(profile)
}

/// Reads a job file: JSON fields, or a pasted posting parsed like `POST /jobs {"text": …}`.
pub fn read_job(path: &Path) -> anyhow::Result<JobPosting> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    if text.trim_start().starts_with('{') {
        return serde_json::from_str(&text)
            .with_context(|| format!("{} is not a job JSON document", path.display()));
    }
    job_from_text(&text).with_context(|| format!("{}: no job title found", path.display()))
}

/// A pasted posting as the pipeline reads it.
pub fn job_from_text(text: &str) -> Option<JobPosting> {
    JobPosting::from_parsed(jobwise_engine::parse_posting(text))
}

fn pick<T: Copy>(
    name: &str,
    value: &str,
    all: &[T],
    text: impl Fn(T) -> &'static str,
) -> anyhow::Result<T> {
    all.iter()
        .copied()
        .find(|v| text(*v) == value)
        .ok_or_else(|| {
            let names: Vec<&str> = all.iter().map(|v| text(*v)).collect();
            anyhow::anyhow!("--{name}: {value:?} is not one of {}", names.join(", "))
        })
}

/// Runs the pipeline and writes the files; prints timings, match, ATS score and gaps.
pub fn generate(args: &GenerateArgs) -> anyhow::Result<()> {
    let profile = read_profile(&args.profile)?;
    let job = read_job(&args.job)?;
    let template: Template = args
        .template
        .parse()
        .map_err(|e| anyhow::anyhow!("--template: {e}"))?;
    let length = pick(
        "length",
        &args.length,
        ResumeLength::ALL,
        ResumeLength::as_str,
    )?;
    let tone = pick("tone", &args.tone, Tone::ALL, Tone::as_str)?;
    let today = Timestamp::now().to_datetime();
    let inputs = PipelineInputs {
        profile,
        job,
        style: None,
        today: (today.year(), u8::from(today.month()), today.day()),
    };
    let request = GenerationRequest::Resume(ResumeOptions {
        template: Some(template),
        length,
        include_cover_letter: args.cover_letter.is_some(),
        tone,
        ..ResumeOptions::default()
    });
    let taxonomy = Taxonomy::shipped();
    let renderer_started = Instant::now();
    let renderer = Renderer::new();
    let fonts_ms = renderer_started.elapsed().as_secs_f64() * 1000.0;

    let mut timings = Vec::new();
    let t = Instant::now();
    let analysis = pipeline::analyze(&inputs, taxonomy);
    timings.push(t.elapsed());
    let t = Instant::now();
    let compiled = pipeline::compile(&inputs, &analysis, taxonomy);
    timings.push(t.elapsed());
    let t = Instant::now();
    let drafts = pipeline::draft(&inputs, &analysis, &compiled, &request, taxonomy);
    timings.push(t.elapsed());
    let t = Instant::now();
    let reports = pipeline::validate(&inputs, &analysis, &compiled, &request, &drafts, taxonomy);
    timings.push(t.elapsed());
    if let Some(report) = reports.iter().find(|r| !r.is_factual()) {
        for issue in &report.factuality_issues {
            eprintln!("factuality: {} ({})", issue.message, issue.location);
        }
        anyhow::bail!("the draft states facts the profile does not support; nothing was written");
    }
    let t = Instant::now();
    let exported = pipeline::export(
        &renderer, &inputs, &analysis, &compiled, &request, &drafts, taxonomy,
    )?;
    timings.push(t.elapsed());

    for (stage, elapsed) in timings.iter().enumerate() {
        println!(
            "stage {} {:<20} {:>8.2} ms",
            stage + 1,
            STAGE_NAMES[stage],
            elapsed.as_secs_f64() * 1000.0
        );
    }
    println!("(fonts loaded once in {fonts_ms:.0} ms)");
    println!("match: {}%", compiled.match_percentage);
    let outputs = std::iter::once(&args.out).chain(args.cover_letter.as_ref());
    for (item, path) in exported.iter().zip(outputs) {
        std::fs::write(path, &item.pdf).with_context(|| format!("writing {}", path.display()))?;
        let kind = match item.document {
            Document::Resume(_) => "resume",
            Document::CoverLetter(_) => "cover letter",
        };
        println!(
            "{kind}: {} ({} page(s), {} bytes), ATS score {}, keyword coverage {:.0}%",
            path.display(),
            item.page_count,
            item.pdf.len(),
            item.report.ats_score,
            item.report.keyword_coverage * 100.0
        );
    }
    if let (Some(path), Some(first)) = (&args.json, exported.first()) {
        std::fs::write(path, serde_json::to_vec_pretty(&first.document)?)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    if compiled.missing_keywords.is_empty() {
        println!("gaps: none");
    } else {
        println!(
            "gaps (asked for, not in your profile, so not written in): {}",
            compiled.missing_keywords.join(", ")
        );
    }
    Ok(())
}
