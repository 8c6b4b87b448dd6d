//! Black-box tests through the real router. One binary for all API tests keeps link time low.
//! Set `JOBWISE_TEST_POSTGRES_URL` to run them all on PostgreSQL, `JOBWISE_TEST_REDIS_URL` to
//! include the shared rate-limit tests.

mod api_keys;
mod auth;
mod documents;
mod errors;
mod generations;
mod helpers;
mod job_import;
mod jobs;
mod llm;
mod operations;
mod profiles;
mod profiles_import;
mod rate_limits;
mod samples;
mod server;
mod storage;
mod templates;
