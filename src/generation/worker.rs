//! Generation workers: claim a queued generation, run its unfinished stages in order, persist
//! each stage's output before the next, publish progress, and complete it with its documents.
//!
//! Idempotent by construction: every write is guarded by the claim (`claimed_by = me AND status
//! = 'running'`), stage outputs are reused when a generation is resumed, document ids are
//! derived from the generation id, and PDFs are stored under those ids, so a stage repeated
//! after a crash overwrites rather than duplicates. A heartbeat keeps the claim alive; when it
//! fails (cancelled, or the claim expired and another worker took it) the worker drops the
//! generation. On shutdown a worker finishes the stage it is in and gives the claim back.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use jobwise_engine::{CompiledProfile, JobAnalysis, Taxonomy};
use jobwise_render::Document;
use tokio::sync::{Notify, watch};
use tokio::task::JoinHandle;
use tracing::Instrument;
use uuid::Uuid;

use super::events::EventHub;
use super::llm;
use super::model::GenerationResult;
use super::pipeline::{self, Exported, GenerationRequest, PipelineInputs, STAGE_NAMES};
use super::store::{self, Claimed, RunRecord};
use super::validate::ValidationReport;
use crate::app::AppState;
use crate::documents::model::DocumentType;
use crate::documents::store::NewDocument;

/// Worker tuning, from the configuration.
#[derive(Debug, Clone, Copy)]
pub struct WorkerSettings {
    /// Workers `serve` runs in-process (0: none, run `jobwise worker` elsewhere).
    pub workers: usize,
    /// How long a claim lives without a heartbeat.
    pub claim_ttl: Duration,
    /// How often an idle worker looks at the queue (an in-process enqueue wakes it at once).
    pub poll_interval: Duration,
    /// Longest a stage may run.
    pub stage_timeout: Duration,
    /// Claims after which a generation is failed instead of retried.
    pub max_attempts: i64,
}

impl Default for WorkerSettings {
    fn default() -> Self {
        WorkerSettings {
            workers: 2,
            claim_ttl: Duration::from_secs(30),
            poll_interval: Duration::from_millis(500),
            stage_timeout: Duration::from_secs(60),
            max_attempts: 3,
        }
    }
}

/// Shared by the API (which enqueues and streams) and the workers.
#[derive(Debug, Clone, Default)]
pub struct Queue {
    /// Progress fan-out.
    pub hub: EventHub,
    /// Wakes an idle in-process worker when a generation is enqueued.
    pub wake: Arc<Notify>,
    /// Stage-1 results by job-text hash.
    pub analyses: pipeline::AnalysisCache,
}

/// Running workers.
pub struct WorkerPool {
    shutdown: watch::Sender<bool>,
    handles: Vec<JoinHandle<()>>,
}

impl WorkerPool {
    /// Starts `count` workers on the state's database.
    pub fn start(state: &AppState, count: usize) -> WorkerPool {
        let (shutdown, rx) = watch::channel(false);
        let prefix = Uuid::now_v7().simple().to_string();
        let handles = (0..count)
            .map(|i| {
                let name = format!("{}-{i}", &prefix[20..]);
                tokio::spawn(run_worker(state.clone(), name, rx.clone()))
            })
            .collect();
        WorkerPool { shutdown, handles }
    }

    /// Asks every worker to stop after its current stage and waits for them.
    pub async fn shutdown(self) {
        let _ = self.shutdown.send(true);
        for handle in self.handles {
            let _ = handle.await;
        }
    }

    /// Signals the workers to stop without waiting (for `Drop` paths).
    pub fn signal_stop(&self) {
        let _ = self.shutdown.send(true);
    }
}

/// One worker's loop: claim, process, repeat; sleep when the queue is empty.
pub async fn run_worker(state: AppState, name: String, mut shutdown: watch::Receiver<bool>) {
    let settings = state.config.workers;
    tracing::debug!(worker = %name, "generation worker started");
    loop {
        if *shutdown.borrow() {
            break;
        }
        match store::claim_next(&state.db, &name, settings.claim_ttl).await {
            Ok(Some(claimed)) => {
                let span = tracing::info_span!(
                    "generation",
                    generation_id = %claimed.id,
                    request_id = claimed.request_id.as_deref().unwrap_or(""),
                    attempt = claimed.attempts,
                    worker = %name,
                );
                process(&state, &name, claimed, shutdown.clone())
                    .instrument(span)
                    .await;
            }
            Ok(None) => {
                tokio::select! {
                    _ = state.queue.wake.notified() => {}
                    _ = tokio::time::sleep(settings.poll_interval) => {}
                    _ = shutdown.changed() => {}
                }
            }
            Err(err) => {
                if state.db.pool.is_closed() {
                    break;
                }
                tracing::warn!(worker = %name, error = %err, "claiming a generation failed");
                tokio::select! {
                    _ = tokio::time::sleep(Duration::from_secs(1)) => {}
                    _ = shutdown.changed() => {}
                }
            }
        }
    }
    tracing::debug!(worker = %name, "generation worker stopped");
}

/// Why processing stopped early.
enum Stop {
    /// Cancelled, or the claim went to another worker: nothing more to write.
    Lost,
    /// Shutting down: the claim was given back.
    Released,
    /// The generation failed for this reason (shown to the user).
    Failed(String),
}

async fn publish(state: &AppState, id: Uuid) {
    if let Ok(Some(view)) = store::load_view_any(&state.db, id).await {
        state.queue.hub.publish(&view);
    }
}

async fn process(
    state: &AppState,
    worker: &str,
    claimed: Claimed,
    shutdown: watch::Receiver<bool>,
) {
    let settings = state.config.workers;
    let id = claimed.id;
    let (lost_tx, lost_rx) = watch::channel(false);
    let heartbeat = {
        let db = state.db.clone();
        let worker = worker.to_owned();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(settings.claim_ttl / 3).await;
                match store::heartbeat(&db, id, &worker, settings.claim_ttl).await {
                    Ok(true) => {}
                    Ok(false) => {
                        let _ = lost_tx.send(true);
                        break;
                    }
                    Err(err) => tracing::warn!(error = %err, "heartbeat failed"),
                }
            }
        })
    };
    let outcome = if claimed.attempts > settings.max_attempts {
        Err(Stop::Failed(format!(
            "abandoned after {} attempts: workers stopped while running it",
            settings.max_attempts
        )))
    } else {
        run_stages(state, worker, &claimed, shutdown, lost_rx).await
    };
    heartbeat.abort();
    match outcome {
        Ok(()) => {
            metrics::counter!("jobwise_generations_total", "outcome" => "completed").increment(1);
            tracing::info!("generation completed");
        }
        Err(Stop::Lost) => {
            tracing::info!("generation dropped by this worker (cancelled or claimed elsewhere)");
        }
        Err(Stop::Released) => {
            tracing::info!("shutting down: generation re-queued");
        }
        Err(Stop::Failed(reason)) => {
            metrics::counter!("jobwise_generations_total", "outcome" => "failed").increment(1);
            tracing::warn!(%reason, "generation failed");
            match store::fail(&state.db, id, worker, &reason).await {
                Ok(true) => {}
                Ok(false) => tracing::info!("generation was cancelled or claimed elsewhere"),
                Err(err) => tracing::error!(error = %err, "recording the failure failed"),
            }
        }
    }
    publish(state, id).await;
}

/// Stage outputs, loaded from the row or computed.
#[derive(Default)]
struct Outputs {
    analysis: Option<Arc<JobAnalysis>>,
    compiled: Option<Arc<CompiledProfile>>,
    drafts: Option<Arc<Vec<Document>>>,
    reports: Option<Vec<ValidationReport>>,
}

fn parse_stored<T: serde::de::DeserializeOwned>(raw: &Option<String>) -> Result<Option<T>, Stop> {
    raw.as_deref()
        .map(serde_json::from_str)
        .transpose()
        .map_err(|e| Stop::Failed(format!("stored stage output is unreadable: {e}")))
}

/// A document id derived from the generation id (same time prefix, hashed tail), so a repeated
/// stage 5 writes the same rows and files.
pub fn document_id(generation: Uuid, index: usize) -> Uuid {
    use sha2::{Digest, Sha256};
    let mut bytes = *generation.as_bytes();
    let digest = Sha256::digest(format!("{generation}/document/{index}"));
    bytes[6] = 0x70 | (digest[0] & 0x0f); // version 7
    bytes[7] = digest[1];
    bytes[8] = 0x80 | (digest[2] & 0x3f); // RFC 4122 variant
    bytes[9..16].copy_from_slice(&digest[3..10]);
    Uuid::from_bytes(bytes)
}

async fn blocking<T: Send + 'static>(
    timeout: Duration,
    lost: &mut watch::Receiver<bool>,
    stage: u8,
    work: impl FnOnce() -> anyhow::Result<T> + Send + 'static,
) -> Result<T, Stop> {
    let task = tokio::task::spawn_blocking(work);
    tokio::select! {
        joined = tokio::time::timeout(timeout, task) => match joined {
            Ok(Ok(Ok(value))) => Ok(value),
            Ok(Ok(Err(err))) => Err(Stop::Failed(format!(
                "{} failed: {err:#}", STAGE_NAMES[usize::from(stage) - 1]
            ))),
            Ok(Err(join)) => Err(Stop::Failed(format!(
                "{} crashed: {join}", STAGE_NAMES[usize::from(stage) - 1]
            ))),
            Err(_) => Err(Stop::Failed(format!(
                "{} timed out after {} s", STAGE_NAMES[usize::from(stage) - 1], timeout.as_secs()
            ))),
        },
        _ = lost.wait_for(|lost| *lost) => Err(Stop::Lost),
    }
}

/// Runs the stages the claimed generation has not finished, each output stored before the
/// next stage starts (see [`Run`]).
async fn run_stages(
    state: &AppState,
    worker: &str,
    claimed: &Claimed,
    shutdown: watch::Receiver<bool>,
    lost: watch::Receiver<bool>,
) -> Result<(), Stop> {
    let mut run = Run::resume(state, worker, claimed, lost)?;
    for stage in (claimed.stages_done + 1)..=5 {
        if *shutdown.borrow() {
            let _ = store::release(&state.db, claimed.id, worker).await;
            return Err(Stop::Released);
        }
        match store::start_stage(&state.db, claimed.id, worker, stage).await {
            Ok(true) => {}
            Ok(false) => return Err(Stop::Lost),
            Err(e) => return Err(Stop::Failed(format!("database error: {e}"))),
        }
        publish(state, claimed.id).await;
        let started = Instant::now();
        let output = match stage {
            1 => run.analyse().await?,
            2 => run.compile().await?,
            3 => run.draft().await?,
            4 => run.validate().await?,
            _ => return run.export(started).await,
        };
        run.save_stage(stage, started, &output).await?;
    }
    // Every stage had already finished (a completed row is never claimable), so there is
    // nothing left to do.
    Ok(())
}

/// One claimed generation being run: its inputs and request, what its stages have produced
/// so far (read back from the row when a run resumes), and the run's record.
struct Run<'a> {
    state: &'a AppState,
    worker: &'a str,
    claimed: &'a Claimed,
    /// Fires when the claim is lost (cancelled, or taken over after expiry).
    lost: watch::Receiver<bool>,
    inputs: Arc<PipelineInputs>,
    request: Arc<GenerationRequest>,
    outputs: Outputs,
    timings: BTreeMap<String, u64>,
    engine: String,
    tokens: i64,
}

impl<'a> Run<'a> {
    /// The run of a claimed row, with the outputs of the stages it already finished.
    fn resume(
        state: &'a AppState,
        worker: &'a str,
        claimed: &'a Claimed,
        lost: watch::Receiver<bool>,
    ) -> Result<Self, Stop> {
        let inputs = serde_json::from_str(&claimed.inputs)
            .map_err(|e| Stop::Failed(format!("the request could not be read: {e}")))?;
        let request: GenerationRequest = serde_json::from_str(&claimed.request)
            .map_err(|e| Stop::Failed(format!("the options could not be read: {e}")))?;
        Ok(Run {
            state,
            worker,
            claimed,
            lost,
            inputs: Arc::new(inputs),
            request: Arc::new(request),
            outputs: Outputs {
                analysis: parse_stored(&claimed.analysis)?.map(Arc::new),
                compiled: parse_stored(&claimed.compiled)?.map(Arc::new),
                drafts: parse_stored(&claimed.drafts)?.map(Arc::new),
                reports: parse_stored(&claimed.reports)?,
            },
            timings: serde_json::from_str(&claimed.timings).unwrap_or_default(),
            engine: claimed.engine.clone(),
            tokens: claimed.tokens_used,
        })
    }

    fn timeout(&self) -> Duration {
        self.state.config.workers.stage_timeout
    }

    fn analysis(&self) -> Result<Arc<JobAnalysis>, Stop> {
        self.outputs.analysis.clone().ok_or_else(missing_output)
    }

    fn compiled(&self) -> Result<Arc<CompiledProfile>, Stop> {
        self.outputs.compiled.clone().ok_or_else(missing_output)
    }

    fn drafts(&self) -> Result<Arc<Vec<Document>>, Stop> {
        self.outputs.drafts.clone().ok_or_else(missing_output)
    }

    /// Stage 1: the job analysis (cached by the job text's hash).
    async fn analyse(&mut self) -> Result<String, Stop> {
        let (inputs, cache) = (self.inputs.clone(), self.state.queue.analyses.clone());
        let analysis = blocking(self.timeout(), &mut self.lost, 1, move || {
            Ok(cache.analysis(&inputs.job, Taxonomy::shipped()))
        })
        .await?;
        let json = to_json(&*analysis)?;
        self.outputs.analysis = Some(analysis);
        Ok(json)
    }

    /// Stage 2: the profile scored against the analysis.
    async fn compile(&mut self) -> Result<String, Stop> {
        let (inputs, analysis) = (self.inputs.clone(), self.analysis()?);
        let compiled = blocking(self.timeout(), &mut self.lost, 2, move || {
            Ok(pipeline::compile(&inputs, &analysis, Taxonomy::shipped()))
        })
        .await?;
        let json = to_json(&compiled)?;
        self.outputs.compiled = Some(Arc::new(compiled));
        Ok(json)
    }

    /// Stage 3: the offline draft, checked and repaired, then reworded by the LLM when one
    /// is configured (falling back to the offline draft).
    async fn draft(&mut self) -> Result<String, Stop> {
        let (inputs, analysis, compiled, request) = (
            self.inputs.clone(),
            self.analysis()?,
            self.compiled()?,
            self.request.clone(),
        );
        let offline = {
            let (inputs, analysis, compiled, request) = (
                inputs.clone(),
                analysis.clone(),
                compiled.clone(),
                request.clone(),
            );
            let drafted = blocking(self.timeout(), &mut self.lost, 3, move || {
                Ok(pipeline::draft_checked(
                    &inputs,
                    &analysis,
                    &compiled,
                    &request,
                    Taxonomy::shipped(),
                ))
            })
            .await?;
            for (document, repair) in &drafted.repairs {
                // The drafter's own mistake, repaired; logged so it gets fixed.
                tracing::warn!(
                    document,
                    location = %repair.location,
                    issue = %repair.issue,
                    action = %repair.action,
                    "offline draft repaired"
                );
                metrics::counter!("jobwise_draft_repairs_total").increment(1);
            }
            drafted.documents
        };
        let drafts = match &self.state.llm {
            None => offline,
            Some(llm) => {
                let timeout = self.timeout();
                let worded = tokio::select! {
                    worded = tokio::time::timeout(
                        timeout,
                        llm_drafts(llm, &inputs, &analysis, &compiled, &request, offline.clone()),
                    ) => worded.unwrap_or_else(|_| LlmDrafts {
                        documents: offline,
                        engine: "offline (fallback: stage_timeout)".into(),
                        tokens: 0,
                    }),
                    _ = self.lost.wait_for(|lost| *lost) => return Err(Stop::Lost),
                };
                self.engine = worded.engine;
                self.tokens += i64::from(worded.tokens);
                metrics::counter!("jobwise_llm_tokens_total").increment(u64::from(worded.tokens));
                worded.documents
            }
        };
        let json = to_json(&drafts)?;
        self.outputs.drafts = Some(Arc::new(drafts));
        Ok(json)
    }

    /// Stage 4: the validation reports; a factuality issue stops the generation (the
    /// offline drafter repairs its own, so only an input problem gets here).
    async fn validate(&mut self) -> Result<String, Stop> {
        let (inputs, analysis, compiled, drafts, request) = (
            self.inputs.clone(),
            self.analysis()?,
            self.compiled()?,
            self.drafts()?,
            self.request.clone(),
        );
        let reports = blocking(self.timeout(), &mut self.lost, 4, move || {
            Ok(pipeline::validate(
                &inputs,
                &analysis,
                &compiled,
                &request,
                &drafts,
                Taxonomy::shipped(),
            ))
        })
        .await?;
        if let Some(report) = reports.iter().find(|r| !r.is_factual()) {
            let first = &report.factuality_issues[0];
            return Err(Stop::Failed(format!(
                "quality validation found {} statement(s) not supported by the profile \
                 (first: {} at {}); nothing was shipped",
                report.factuality_issues.len(),
                first.message,
                first.location
            )));
        }
        let json = to_json(&reports)?;
        self.outputs.reports = Some(reports);
        Ok(json)
    }

    fn run_record<'r>(&'r self, timings_json: &'r str) -> RunRecord<'r> {
        RunRecord {
            engine: &self.engine,
            tokens_used: self.tokens,
            timings: timings_json,
        }
    }

    fn record_timing(&mut self, stage: u8, started: Instant) -> u64 {
        let elapsed = started.elapsed();
        self.timings
            .insert(stage.to_string(), elapsed.as_millis() as u64);
        metrics::histogram!("jobwise_generation_stage_seconds", "stage" => STAGE_NAMES[usize::from(stage) - 1])
            .record(elapsed.as_secs_f64());
        elapsed.as_millis() as u64
    }

    /// Stores a finished stage's output with the run record; `Lost` when the claim is gone.
    async fn save_stage(&mut self, stage: u8, started: Instant, output: &str) -> Result<(), Stop> {
        let ms = self.record_timing(stage, started);
        let timings_json = serde_json::to_string(&self.timings).unwrap_or_else(|_| "{}".into());
        let run = self.run_record(&timings_json);
        match store::finish_stage(
            &self.state.db,
            self.claimed.id,
            self.worker,
            stage,
            output,
            run,
        )
        .await
        {
            Ok(true) => {}
            Ok(false) => return Err(Stop::Lost),
            Err(e) => return Err(Stop::Failed(format!("database error: {e}"))),
        }
        tracing::info!(
            stage = STAGE_NAMES[usize::from(stage) - 1],
            ms,
            engine = %self.engine,
            "stage finished"
        );
        Ok(())
    }

    /// Stage 5: render and store the files, then complete the generation with its documents
    /// in one step.
    async fn export(mut self, started: Instant) -> Result<(), Stop> {
        let (inputs, analysis, compiled, drafts, request) = (
            self.inputs.clone(),
            self.analysis()?,
            self.compiled()?,
            self.drafts()?,
            self.request.clone(),
        );
        let renderer = self.state.renderer.clone();
        let exported: Vec<Exported> = {
            let (compiled, request) = (compiled.clone(), request.clone());
            blocking(self.timeout(), &mut self.lost, 5, move || {
                pipeline::export(
                    renderer.get(),
                    &inputs,
                    &analysis,
                    &compiled,
                    &request,
                    &drafts,
                    Taxonomy::shipped(),
                )
            })
            .await?
        };
        let ms = self.record_timing(5, started);
        let generation_ms: u64 = self.timings.values().sum();
        let mut documents = Vec::with_capacity(exported.len());
        for (index, item) in exported.iter().enumerate() {
            let document = self.new_document(index, item, compiled.match_percentage, generation_ms);
            let document = document?;
            if let Err(e) = self
                .state
                .storage
                .put(&document.pdf_key, item.pdf.clone())
                .await
            {
                return Err(Stop::Failed(format!("storing the PDF failed: {e:#}")));
            }
            documents.push(document);
        }
        let first = exported
            .first()
            .ok_or_else(|| Stop::Failed("no document was drafted".into()))?;
        let result = GenerationResult {
            document_ids: documents.iter().map(|d| d.id).collect(),
            ats_score: first.report.ats_score,
            match_percentage: compiled.match_percentage,
            keyword_coverage: first.report.keyword_coverage,
        };
        let timings_json = serde_json::to_string(&self.timings).unwrap_or_else(|_| "{}".into());
        let run = self.run_record(&timings_json);
        let (state, claimed, worker) = (self.state, self.claimed, self.worker);
        match store::complete(&state.db, claimed, worker, &documents, &result, run).await {
            Ok(true) => {
                tracing::info!(
                    stage = STAGE_NAMES[4],
                    ms,
                    total_ms = generation_ms,
                    documents = documents.len(),
                    "stage finished"
                );
                Ok(())
            }
            Ok(false) => {
                // Cancelled meanwhile: the files of documents that were never recorded go.
                for d in &documents {
                    let _ = state
                        .storage
                        .delete_prefix(&crate::documents::files::prefix(d.id))
                        .await;
                }
                Err(Stop::Lost)
            }
            Err(e) => Err(Stop::Failed(format!("database error: {e}"))),
        }
    }

    /// The document row of the `index`-th exported document: its id (derived from the
    /// generation's), title, metadata and stored PDF's key.
    fn new_document(
        &self,
        index: usize,
        item: &Exported,
        match_percentage: u8,
        generation_ms: u64,
    ) -> Result<NewDocument, Stop> {
        let (id, job) = (self.claimed.id, &self.inputs.job);
        let document_id = document_id(id, index);
        let template = self.request.template();
        let document_type = DocumentType::of(&item.document);
        let label = match document_type {
            DocumentType::Resume => "Resume",
            DocumentType::CoverLetter => "Cover letter",
        };
        let title = match job.company.as_deref().filter(|c| !c.trim().is_empty()) {
            Some(company) => format!("{label} – {} at {}", job.title.trim(), company.trim()),
            None => format!("{label} – {}", job.title.trim()),
        };
        let metadata = serde_json::json!({
            "generation_id": id,
            "profile_id": self.claimed.profile_id,
            "job_id": self.claimed.job_id,
            "job_title": job.title,
            "company": job.company,
            "template": template.as_str(),
            "match_percentage": match_percentage,
            "tokens_used": self.tokens,
            "generation_time_ms": generation_ms,
            "engine": self.engine,
            "prompt_version": self.engine.starts_with("llm:").then_some(llm::PROMPT_VERSION),
        });
        Ok(NewDocument {
            id: document_id,
            document_type,
            title,
            template,
            structured: to_json(&item.document)?,
            validation: to_json(&item.report)?,
            metadata: metadata.to_string(),
            pdf_key: crate::documents::files::key(
                document_id,
                1,
                template,
                crate::documents::files::Format::Pdf,
            ),
            pdf_size: item.pdf.len() as i64,
            pdf_pages: item.page_count as i64,
        })
    }
}

fn missing_output() -> Stop {
    Stop::Failed("a stored stage output is missing".into())
}

/// Stage 3 through the LLM engine, with its fallback.
struct LlmDrafts {
    documents: Vec<Document>,
    engine: String,
    tokens: u32,
}

/// The LLM rewrites the offline drafts; each attempt must pass the factuality check (with the
/// issues fed back, at most [`llm::MAX_REPAIR_ROUNDS`] more times), else the offline drafts are
/// kept and the reason recorded.
async fn llm_drafts(
    llm: &llm::LlmEngine,
    inputs: &PipelineInputs,
    analysis: &JobAnalysis,
    compiled: &CompiledProfile,
    request: &GenerationRequest,
    offline: Vec<Document>,
) -> LlmDrafts {
    let taxonomy = Taxonomy::shipped();
    let budget = jobwise_llm::TokenBudget::new(llm.token_budget);
    let keywords: Vec<String> = compiled
        .requirements
        .iter()
        .filter(|r| r.met)
        .map(|r| r.requirement.clone())
        .collect();
    let (instructions, tone) = match request {
        GenerationRequest::Resume(o) => (o.custom_instructions.as_deref(), Some(o.tone.as_str())),
        GenerationRequest::CoverLetter(o) => {
            (o.custom_instructions.as_deref(), Some(o.tone.as_str()))
        }
    };
    let mut feedback = Vec::new();
    let mut reason = "factuality";
    for round in 0..=llm::MAX_REPAIR_ROUNDS {
        let rewrite = llm::Rewrite {
            documents: &offline,
            inputs,
            keywords: &keywords,
            instructions,
            tone,
            feedback: &feedback,
        };
        match llm.rewrite(&budget, &rewrite).await {
            Ok(documents) => {
                let reports =
                    pipeline::validate(inputs, analysis, compiled, request, &documents, taxonomy);
                feedback = reports
                    .iter()
                    .enumerate()
                    .flat_map(|(i, r)| {
                        r.factuality_issues
                            .iter()
                            .map(move |issue| super::validate::Issue {
                                location: format!("{i}:{}", issue.location),
                                ..issue.clone()
                            })
                    })
                    .collect();
                if feedback.is_empty() {
                    return LlmDrafts {
                        documents,
                        engine: format!("llm:{}", llm.model()),
                        tokens: budget.used(),
                    };
                }
                tracing::info!(
                    round,
                    issues = feedback.len(),
                    "LLM draft failed the factuality check"
                );
            }
            Err(err) => {
                tracing::warn!(reason = err.reason(), error = %err, "LLM engine unavailable; using the offline draft");
                reason = err.reason();
                break;
            }
        }
    }
    LlmDrafts {
        documents: offline,
        engine: format!("offline (fallback: {reason})"),
        tokens: budget.used(),
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Stop> {
    serde_json::to_string(value).map_err(|e| Stop::Failed(e.to_string()))
}
