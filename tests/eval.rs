//! The offline evaluation: every profile × posting pair of `assets/eval` through the whole
//! offline pipeline (stages 1–5 for the resume with `ats_optimized`, 1–4 for the letter).
//!
//! Per pair: no factuality issue in either document; every number in each document (as
//! rendered to text) appears in the profile's own JSON, apart from the letter's date, the
//! years of experience computed from the profile's dates, and numbers in the job title or
//! company a letter names; the ATS checks pass; the resume is one page; the letter names the
//! company and the role and cites at least two profile items. Over the set: keyword coverage
//! averages ≥ 0.9 and is never below 0.75.

use std::collections::HashSet;

use jobwise::generation::draft::whole_years;
use jobwise::generation::options::{ResumeLength, ResumeOptions, Tone};
use jobwise::generation::pipeline::{self, GenerationRequest, JobSnapshot, PipelineInputs};
use jobwise_engine::Taxonomy;
use jobwise_render::{Document, Renderer, Template};
use regex::Regex;
use serde_json::Value;

fn load_profiles() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/eval/profiles");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

fn load_postings() -> Vec<(String, JobSnapshot)> {
    let catalog: Vec<Value> =
        serde_json::from_str(include_str!("../assets/catalog/jobs.json")).unwrap();
    let postings: Vec<Value> =
        serde_json::from_str(include_str!("../assets/eval/postings.json")).unwrap();
    let list = |v: &Value| -> Vec<String> {
        v.as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    };
    postings
        .iter()
        .map(|p| {
            let id = p["id"].as_str().unwrap().to_owned();
            let job = if let Some(file) = p["file"].as_str() {
                let path = format!("{}/assets/eval/{file}", env!("CARGO_MANIFEST_DIR"));
                let text = std::fs::read_to_string(path).unwrap();
                jobwise::generation::cli::job_from_text(&text).expect("pasted posting has a title")
            } else {
                let wanted = &p["catalog"];
                let job = catalog
                    .iter()
                    .find(|j| j["title"] == wanted["title"] && j["company"] == wanted["company"])
                    .unwrap_or_else(|| panic!("{id} is not in the catalog"));
                JobSnapshot {
                    title: job["title"].as_str().unwrap().to_owned(),
                    company: job["company"].as_str().map(str::to_owned),
                    description: job["description"].as_str().unwrap_or("").to_owned(),
                    requirements: list(&job["requirements"]),
                    preferred: list(&job["preferred"]),
                    responsibilities: list(&job["responsibilities"]),
                }
            };
            (id, job)
        })
        .collect()
}

fn numbers(text: &str) -> Vec<String> {
    let re = Regex::new(r"\d+(?:[.,]\d+)*").unwrap();
    re.find_iter(text)
        .map(|m| {
            let raw = m.as_str();
            let thousands = Regex::new(r"^\d{1,3}(,\d{3})+$").unwrap();
            let plain = if thousands.is_match(raw) {
                raw.replace(',', "")
            } else {
                raw.to_owned()
            };
            plain.trim_start_matches('0').to_owned()
        })
        .collect()
}

#[test]
fn every_pair_is_truthful_ats_clean_and_fits() {
    let profiles = load_profiles();
    let postings = load_postings();
    assert!(profiles.len() >= 12 && postings.len() >= 24);
    let taxonomy = Taxonomy::shipped();
    let renderer = Renderer::new();
    let resume_request = GenerationRequest::Resume(ResumeOptions {
        template: Some(Template::AtsOptimized),
        length: ResumeLength::OnePage,
        include_cover_letter: true,
        tone: Tone::Professional,
        ..ResumeOptions::default()
    });
    let mut coverages = Vec::new();
    let mut failures = Vec::new();
    for (profile_name, profile_json) in &profiles {
        let profile: jobwise_engine::Profile = serde_json::from_str(profile_json).unwrap();
        let profile_numbers: HashSet<String> = numbers(profile_json).into_iter().collect();
        for (posting_id, job) in &postings {
            let pair = format!("{profile_name} × {posting_id}");
            let inputs = PipelineInputs {
                profile: profile.clone(),
                job: job.clone(),
                style: None,
                today: (2026, 11, 30),
            };
            let analysis = pipeline::analyze(&inputs, taxonomy);
            let compiled = pipeline::compile(&inputs, &analysis, taxonomy);
            let drafts = pipeline::draft(&inputs, &analysis, &compiled, &resume_request, taxonomy);
            assert_eq!(drafts.len(), 2);
            let reports = pipeline::validate(
                &inputs,
                &analysis,
                &compiled,
                &resume_request,
                &drafts,
                taxonomy,
            );
            for report in &reports {
                for issue in &report.factuality_issues {
                    failures.push(format!(
                        "{pair}: factuality: {} at {}",
                        issue.message, issue.location
                    ));
                }
            }
            // Numbers, independently of stage 4: straight from the profile's JSON text.
            let years = whole_years(&compiled).to_string();
            for document in &drafts {
                let mut allowed = profile_numbers.clone();
                allowed.insert(years.clone());
                let mut text = jobwise_render::render_text(document);
                if let Document::CoverLetter(letter) = document {
                    text =
                        text.replace(&jobwise_render::text::format_letter_date(&letter.date), "");
                    allowed.extend(numbers(&job.title));
                    allowed.extend(job.company.as_deref().map(numbers).unwrap_or_default());
                }
                for n in numbers(&text) {
                    if !allowed.contains(&n) {
                        failures.push(format!("{pair}: the number {n} is not in the profile"));
                    }
                }
            }
            // ATS checks of the resume (coverage is judged over the set below).
            let resume_report = &reports[0];
            for check in &resume_report.checks {
                if check.name != "keyword_coverage" && check.passed < 1.0 {
                    failures.push(format!(
                        "{pair}: ATS check {} scored {}",
                        check.name, check.passed
                    ));
                }
            }
            // The letter.
            if let Document::CoverLetter(letter) = &drafts[1] {
                let body: String = letter
                    .paragraphs
                    .iter()
                    .map(|p| p.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" ");
                if let Some(company) = &job.company
                    && !body.contains(company.trim())
                {
                    failures.push(format!("{pair}: the letter does not name {company}"));
                }
                if !body.contains(job.title.trim()) {
                    failures.push(format!(
                        "{pair}: the letter does not name the role {}",
                        job.title
                    ));
                }
                let cited: HashSet<&str> = letter
                    .paragraphs
                    .iter()
                    .filter_map(|p| p.source.as_ref())
                    .map(|s| s.item_id.as_str())
                    .collect();
                if cited.len() < 2 {
                    failures.push(format!(
                        "{pair}: the letter cites {} profile item(s)",
                        cited.len()
                    ));
                }
            }
            // Stage 5 for the resume: one page, really.
            let exported = pipeline::export(
                &renderer,
                &inputs,
                &analysis,
                &compiled,
                &resume_request,
                &drafts[..1],
                taxonomy,
            )
            .unwrap();
            if exported[0].page_count != 1 {
                failures.push(format!(
                    "{pair}: the one-page resume has {} pages",
                    exported[0].page_count
                ));
            }
            if !exported[0].report.is_factual() {
                failures.push(format!("{pair}: the rendered resume has factuality issues"));
            }
            let coverage = exported[0].report.keyword_coverage;
            if coverage < 0.75 {
                failures.push(format!(
                    "{pair}: keyword coverage {coverage} (missing {:?})",
                    exported[0].report.uncovered_keywords
                ));
            }
            coverages.push(coverage);
        }
    }
    let average = coverages.iter().sum::<f64>() / coverages.len() as f64;
    println!(
        "{} pairs, average keyword coverage {average:.3}",
        coverages.len()
    );
    assert!(
        failures.is_empty(),
        "{} problem(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(average >= 0.9, "average keyword coverage {average}");
}

#[test]
fn the_pipeline_is_deterministic() {
    let (_, profile_json) = &load_profiles()[0];
    let (_, job) = &load_postings()[0];
    let inputs = PipelineInputs {
        profile: serde_json::from_str(profile_json).unwrap(),
        job: job.clone(),
        style: None,
        today: (2026, 11, 30),
    };
    let request = GenerationRequest::Resume(ResumeOptions {
        include_cover_letter: true,
        ..ResumeOptions::default()
    });
    let taxonomy = Taxonomy::shipped();
    let renderer = Renderer::new();
    let run = || {
        let analysis = pipeline::analyze(&inputs, taxonomy);
        let compiled = pipeline::compile(&inputs, &analysis, taxonomy);
        let drafts = pipeline::draft(&inputs, &analysis, &compiled, &request, taxonomy);
        let exported = pipeline::export(
            &renderer, &inputs, &analysis, &compiled, &request, &drafts, taxonomy,
        )
        .unwrap();
        (
            serde_json::to_string(&drafts).unwrap(),
            exported.into_iter().map(|e| e.pdf).collect::<Vec<_>>(),
        )
    };
    let first = run();
    let second = run();
    assert_eq!(first.0, second.0, "structured documents are identical");
    assert_eq!(first.1, second.1, "PDFs are byte-identical");
}
