//! The generation pipeline (the product's core): five stages turn a master profile and a job
//! into a tailored, truthful resume or cover letter, run by workers from a durable queue.
//!
//! * [`pipeline`] has the stages as functions (1 and 2 in `crates/engine`, [`draft`] = 3,
//!   [`validate`] = 4, PDF export = 5); [`repair`] rebuilds or drops a drafted statement stage
//!   4 flags; [`llm`] is the optional LLM wording engine.
//! * [`store`] is the queue's SQL, [`worker`] claims and runs generations, and [`events`] fans
//!   progress out to SSE subscribers.
//! * [`handlers`] serve `/api/v1/generations`; [`cli`] is `jobwise generate`;
//!   [`on_demand`] runs stages 1 and 2 for the jobs endpoints.

pub mod cli;
pub mod draft;
pub mod events;
pub mod handlers;
pub mod llm;
pub mod model;
pub mod on_demand;
pub mod options;
pub mod pipeline;
pub mod repair;
pub mod store;
#[cfg(test)]
mod testing;
pub mod validate;
pub mod worker;

use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::app::AppState;

/// Routes under `/api/v1/generations`.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(handlers::list_generations))
        .routes(routes!(handlers::create_resume))
        .routes(routes!(handlers::create_cover_letter))
        .routes(routes!(
            handlers::get_generation,
            handlers::cancel_generation
        ))
        .routes(routes!(handlers::generation_events))
}
