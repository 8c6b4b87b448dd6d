//! Stages 1 and 2 on demand, for other features: the jobs endpoints `GET /jobs/{id}/analysis`
//! and `GET /jobs/{id}/match` ask here instead of reaching into the workers' state. Stage 1
//! goes through the cache of analyses the workers share, so a job analysed once is not analysed
//! again by the next generation for it.

use std::sync::Arc;

use jobwise_engine::{CompiledProfile, JobAnalysis, JobPosting, Profile, Taxonomy};

use crate::app::AppState;
use crate::db::Timestamp;
use crate::error::{AppError, AppResult};

/// Stage 1 of a job (cached by the hash of its text), off the async threads.
pub async fn analyze(state: &AppState, job: JobPosting) -> AppResult<Arc<JobAnalysis>> {
    let cache = state.queue.analyses.clone();
    tokio::task::spawn_blocking(move || cache.analysis(&job, Taxonomy::shipped()))
        .await
        .map_err(|e| AppError::Internal(e.into()))
}

/// Stages 1 and 2: how a profile matches a job today, off the async threads.
pub async fn compile(
    state: &AppState,
    job: JobPosting,
    profile: Profile,
) -> AppResult<CompiledProfile> {
    let cache = state.queue.analyses.clone();
    tokio::task::spawn_blocking(move || {
        let analysis = cache.analysis(&job, Taxonomy::shipped());
        let today = Timestamp::now().to_datetime();
        jobwise_engine::compile_profile(
            &profile,
            &analysis,
            Taxonomy::shipped(),
            (today.year(), u8::from(today.month())),
        )
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))
}
