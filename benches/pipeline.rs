//! Criterion benchmarks of the generation pipeline in-process: stages 1–4 (offline engine) for a
//! typical profile and posting (`assets/eval`: the senior backend profile and the Tessary Labs
//! posting), each stage alone, and stage 5 (page fitting + PDF) for the one-page resume.
//! `cargo bench --bench pipeline`.

use criterion::{Criterion, criterion_group, criterion_main};
use jobwise::generation::options::{ResumeOptions, Tone};
use jobwise::generation::pipeline::{self, GenerationRequest, JobPosting, PipelineInputs};
use jobwise_engine::Taxonomy;
use jobwise_render::{Renderer, Template};

fn inputs() -> PipelineInputs {
    let profile = serde_json::from_str(include_str!(
        "../assets/eval/profiles/01_backend_senior.json"
    ))
    .unwrap();
    let catalog: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("../assets/catalog/jobs.json")).unwrap();
    let job = catalog
        .iter()
        .find(|j| j["company"] == "Tessary Labs")
        .unwrap();
    let list = |k: &str| -> Vec<String> {
        job[k]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect()
    };
    PipelineInputs {
        profile,
        job: JobPosting {
            title: job["title"].as_str().unwrap().to_owned(),
            company: job["company"].as_str().map(str::to_owned),
            description: job["description"].as_str().unwrap().to_owned(),
            requirements: list("requirements"),
            preferred: list("preferred"),
            responsibilities: list("responsibilities"),
        },
        style: None,
        today: (2026, 11, 30),
    }
}

fn benches(c: &mut Criterion) {
    let inputs = inputs();
    let taxonomy = Taxonomy::shipped();
    let request = GenerationRequest::Resume(ResumeOptions {
        template: Some(Template::AtsOptimized),
        tone: Tone::Professional,
        ..ResumeOptions::default()
    });
    let with_letter = GenerationRequest::Resume(ResumeOptions {
        template: Some(Template::AtsOptimized),
        include_cover_letter: true,
        ..ResumeOptions::default()
    });
    let analysis = pipeline::analyze(&inputs, taxonomy);
    let compiled = pipeline::compile(&inputs, &analysis, taxonomy);
    let drafts = pipeline::draft(&inputs, &analysis, &compiled, &request, taxonomy);

    let mut group = c.benchmark_group("pipeline");
    group.bench_function("stages_1_to_4/resume", |b| {
        b.iter(|| {
            let analysis = pipeline::analyze(&inputs, taxonomy);
            let compiled = pipeline::compile(&inputs, &analysis, taxonomy);
            let drafts = pipeline::draft(&inputs, &analysis, &compiled, &request, taxonomy);
            pipeline::validate(&inputs, &analysis, &compiled, &request, &drafts, taxonomy)
        })
    });
    group.bench_function("stages_1_to_4/resume_and_letter", |b| {
        b.iter(|| {
            let analysis = pipeline::analyze(&inputs, taxonomy);
            let compiled = pipeline::compile(&inputs, &analysis, taxonomy);
            let drafts = pipeline::draft(&inputs, &analysis, &compiled, &with_letter, taxonomy);
            pipeline::validate(
                &inputs,
                &analysis,
                &compiled,
                &with_letter,
                &drafts,
                taxonomy,
            )
        })
    });
    group.bench_function("stage_1/analysis", |b| {
        b.iter(|| pipeline::analyze(&inputs, taxonomy))
    });
    group.bench_function("stage_2/compilation", |b| {
        b.iter(|| pipeline::compile(&inputs, &analysis, taxonomy))
    });
    group.bench_function("stage_3/draft", |b| {
        b.iter(|| pipeline::draft(&inputs, &analysis, &compiled, &request, taxonomy))
    });
    group.bench_function("stage_4/validation", |b| {
        b.iter(|| pipeline::validate(&inputs, &analysis, &compiled, &request, &drafts, taxonomy))
    });
    let renderer = Renderer::new();
    // Each iteration changes the summary so Typst's memo cache cannot reuse a finished layout.
    let mut round = 0usize;
    group.bench_function("stage_5/one_page_pdf", |b| {
        b.iter_batched(
            || {
                round += 1;
                let mut drafts = drafts.clone();
                if let Some(jobwise_render::Document::Resume(r)) = drafts.first_mut()
                    && let Some(summary) = r.summary.as_mut()
                {
                    summary.text = format!("{} ({round})", summary.text);
                }
                drafts
            },
            |drafts| {
                pipeline::export(
                    &renderer, &inputs, &analysis, &compiled, &request, &drafts, taxonomy,
                )
                .unwrap()
            },
            criterion::BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group! {
    name = pipeline_benches;
    config = Criterion::default().sample_size(50);
    targets = benches
}
criterion_main!(pipeline_benches);
