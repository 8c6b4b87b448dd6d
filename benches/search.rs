//! Job search over a 10,000-posting catalog on SQLite: a two-word query with two filters, as
//! issue 3 measures it. Run: `cargo bench --bench search` (release build).
//!
//! The catalog is generated from the shipped postings (titles, companies and locations varied
//! by index) so the text statistics stay realistic.

use criterion::{Criterion, criterion_group, criterion_main};
use jobwise::db::Timestamp;
use jobwise::http::Pagination;
use jobwise::jobs::model::{JobInput, JobSource};
use jobwise::jobs::search::{JobQuery, search};
use jobwise::jobs::store;
use jobwise::{AppState, Config};
use uuid::Uuid;

const CITIES: &[&str] = &[
    "Berlin, Germany",
    "London, UK",
    "Austin, TX",
    "Toronto, Canada",
    "Remote (US)",
    "Bangalore, India",
    "Sydney, Australia",
    "Amsterdam, Netherlands",
];

fn setup(rt: &tokio::runtime::Runtime) -> (AppState, Uuid, tempfile::TempDir) {
    rt.block_on(async {
        let dir = tempfile::tempdir().unwrap();
        let data_dir = dir.path().display().to_string();
        let config = Config::from_lookup(|k| match k {
            "JOBWISE_DATA_DIR" => Some(data_dir.clone()),
            "JOBWISE_JWT_SECRET" => Some("bench-secret-bench-secret-bench-secret".into()),
            _ => None,
        })
        .unwrap();
        let state = AppState::build(config).await.unwrap();
        let base = store::catalog().unwrap();
        let now = Timestamp::now();
        let mut tx = state.db.begin_write().await.unwrap();
        for i in 0..(10_000 - base.len()) {
            let mut job: JobInput = base[i % base.len()].clone();
            job.title = format!("{} {}", job.title, ["I", "II", "III", "IV"][i % 4]);
            job.company = job.company.map(|c| format!("{c} {}", i / base.len()));
            job.location = Some(CITIES[i % CITIES.len()].to_owned());
            store::insert(
                &mut *tx,
                Uuid::now_v7(),
                None,
                JobSource::Catalog,
                &job,
                &store::Provenance::default(),
                now,
            )
            .await
            .unwrap();
        }
        tx.commit().await.unwrap();
        if let Ok(copy_to) = std::env::var("BENCH_COPY_DB") {
            sqlx::query(sqlx::AssertSqlSafe(format!("VACUUM INTO '{copy_to}'")))
                .execute(&state.db.pool)
                .await
                .unwrap();
        }
        (state, Uuid::now_v7(), dir)
    })
}

fn bench_search(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let (state, user, _dir) = setup(&rt);
    let query =
        JobQuery::from_query("query=data%20engineer&job_type=full_time&remote=false").unwrap();
    let page = Pagination::default();
    let total = rt
        .block_on(search(&state.db, user, query.clone(), page))
        .unwrap()
        .pagination
        .total;
    eprintln!("catalog: 10,000 postings; 'data engineer' + full_time + not remote matches {total}");
    c.bench_function("search 10k: two words + two filters (SQLite)", |b| {
        b.to_async(&rt)
            .iter(|| search(&state.db, user, query.clone(), page))
    });
    let browse = JobQuery::from_query("experience_level=senior&location=berlin").unwrap();
    c.bench_function("search 10k: no text, two filters (SQLite)", |b| {
        b.to_async(&rt)
            .iter(|| search(&state.db, user, browse.clone(), page))
    });
}

criterion_group!(benches, bench_search);
criterion_main!(benches);
