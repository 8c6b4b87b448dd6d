//! Jobs: the seeded catalog, ranked search with filters and facets, structured and pasted
//! creation, ownership (private user jobs, read-only catalog), and saved jobs.

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::TestApp;

fn titles(list: &Value) -> Vec<String> {
    list["jobs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["title"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn catalog_is_seeded_and_searchable() {
    let app = TestApp::new().await;
    let token = app.access_token("search@example.com").await;
    let all = app.get("/api/v1/jobs?limit=100", Some(&token)).await;
    assert_eq!(all.status, StatusCode::OK);
    let all = all.json();
    assert!(all["pagination"]["total"].as_i64().unwrap() >= 150);
    assert_eq!(all["jobs"][0]["source"], "catalog");
    assert!(all["jobs"][0]["owner"].is_null());

    // Ranking: a Kubernetes query puts infrastructure jobs first and never a nursing job.
    let k8s = app
        .get("/api/v1/jobs?query=kubernetes&limit=100", Some(&token))
        .await
        .json();
    let found = titles(&k8s);
    assert!(!found.is_empty());
    assert!(
        !found.iter().any(|t| t.to_lowercase().contains("nurse")),
        "{found:?}"
    );
    let first = found[0].to_lowercase();
    assert!(
        [
            "devops",
            "platform",
            "site reliability",
            "sre",
            "infrastructure",
            "cloud",
            "kubernetes",
            "backend",
            "engineer"
        ]
        .iter()
        .any(|w| first.contains(w)),
        "{first}"
    );
    let nurse = app
        .get("/api/v1/jobs?query=registered%20nurse", Some(&token))
        .await
        .json();
    assert!(
        titles(&nurse)[0].to_lowercase().contains("nurse"),
        "{:?}",
        titles(&nurse)
    );

    // Words are AND-ed.
    let both = app
        .get(
            "/api/v1/jobs?query=kubernetes%20terraform&limit=100",
            Some(&token),
        )
        .await
        .json();
    assert!(
        both["pagination"]["total"].as_i64().unwrap()
            <= k8s["pagination"]["total"].as_i64().unwrap()
    );
    let none = app
        .get("/api/v1/jobs?query=kubernetes%20phlebotomy", Some(&token))
        .await
        .json();
    assert_eq!(none["pagination"]["total"], 0);
}

#[tokio::test]
async fn filters_facets_and_paging() {
    let app = TestApp::new().await;
    let token = app.access_token("filters@example.com").await;
    let remote = app
        .get("/api/v1/jobs?remote=true&limit=100", Some(&token))
        .await
        .json();
    assert!(
        remote["jobs"]
            .as_array()
            .unwrap()
            .iter()
            .all(|j| j["remote"] == true)
    );
    let senior_ft = app
        .get(
            "/api/v1/jobs?experience_level=senior&job_type=full_time&limit=100",
            Some(&token),
        )
        .await
        .json();
    let total = senior_ft["pagination"]["total"].as_i64().unwrap();
    assert!(total > 0);
    for j in senior_ft["jobs"].as_array().unwrap() {
        assert_eq!(j["experience_level"], "senior");
        assert_eq!(j["job_type"], "full_time");
    }
    let facets = &senior_ft["filters"]["available_filters"];
    assert_eq!(
        facets["experience_levels"],
        json!([{"value": "senior", "count": total}])
    );
    let company_sum: i64 = facets["companies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["count"].as_i64().unwrap())
        .sum();
    assert!(company_sum <= total);
    assert_eq!(
        senior_ft["filters"]["applied_filters"],
        json!({"experience_level": "senior", "job_type": "full_time"})
    );

    let berlin = app
        .get("/api/v1/jobs?location=BERLIN&limit=100", Some(&token))
        .await
        .json();
    assert!(berlin["jobs"].as_array().unwrap().iter().all(|j| {
        j["location"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("berlin")
    }));

    let salary = app
        .get(
            "/api/v1/jobs?salary_min=150000&salary_max=160000&limit=100",
            Some(&token),
        )
        .await
        .json();
    for j in salary["jobs"].as_array().unwrap() {
        let r = &j["salary_range"];
        let (min, max) = (
            r["min"].as_i64().unwrap_or(0),
            r["max"].as_i64().unwrap_or(i64::MAX),
        );
        assert!(max >= 150000 && min <= 160000, "{r}");
    }

    // Stable paging: two pages never overlap and cover the first 20.
    let p1 = titles(
        &app.get("/api/v1/jobs?query=engineer&limit=10", Some(&token))
            .await
            .json(),
    );
    let p2 = titles(
        &app.get(
            "/api/v1/jobs?query=engineer&limit=10&offset=10",
            Some(&token),
        )
        .await
        .json(),
    );
    let both = titles(
        &app.get("/api/v1/jobs?query=engineer&limit=20", Some(&token))
            .await
            .json(),
    );
    assert_eq!([p1, p2].concat(), both);

    let bad = app
        .get(
            "/api/v1/jobs?remote=maybe&limit=0&job_type=gig",
            Some(&token),
        )
        .await;
    let fields: Vec<String> = bad.assert_error(422, "validation_error")["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["field"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(fields, ["limit", "remote", "job_type"]);
}

#[tokio::test]
async fn create_structured_and_pasted_jobs() {
    let app = TestApp::new().await;
    let token = app.access_token("paste@example.com").await;
    let structured = app
        .post(
            "/api/v1/jobs",
            json!({"title": "Platform Engineer", "company": "Zephyr Labs", "description": "Run our Kubernetes fleet.",
                "work_arrangement": "remote", "requirements": ["Kubernetes", "Terraform"],
                "salary_range": {"min": 120000, "max": 150000, "currency": "usd"}}),
            Some(&token),
        )
        .await;
    assert_eq!(
        structured.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&structured.body)
    );
    let job = structured.json();
    assert_eq!(
        structured.header("location").unwrap(),
        format!("/api/v1/jobs/{}", job["id"].as_str().unwrap())
    );
    assert_eq!(job["source"], "user");
    assert_eq!(job["remote"], true);
    assert_eq!(
        job["salary_range"],
        json!({"min": 120000, "max": 150000, "currency": "USD", "period": "year"})
    );

    let text = "Senior Data Engineer at Lumen Health\nRemote (US) · Full-time\nSalary: $150k–$180k\n\n\
        We are building the data platform for hospitals.\n\nRequirements:\n- 5+ years of Python and SQL\n- Airflow\n\n\
        Nice to have:\n- dbt\n\nBenefits:\n- 401(k) match\n";
    let pasted = app
        .post("/api/v1/jobs", json!({"text": text}), Some(&token))
        .await;
    assert_eq!(
        pasted.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&pasted.body)
    );
    let pasted = pasted.json();
    assert_eq!(pasted["title"], "Senior Data Engineer");
    assert_eq!(pasted["company"], "Lumen Health");
    assert_eq!(pasted["salary_range"]["min"], 150000);
    assert_eq!(pasted["requirements"].as_array().unwrap().len(), 2);
    assert_eq!(pasted["preferred"], json!(["dbt"]));

    // A whole page pasted, longer than the 50,000 characters read: a job, and a warning.
    let long = format!(
        "Warehouse Operative\nNorthgate Logistics\nLeeds, UK\n\nPick and pack orders.\n\n{}",
        "Our site runs three shifts and ships orders across the north of England.\n".repeat(900)
    );
    assert!(long.chars().count() > 60_000);
    let long = app
        .post("/api/v1/jobs", json!({"text": long}), Some(&token))
        .await;
    assert_eq!(
        long.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&long.body)
    );
    let long = long.json();
    assert_eq!(long["title"], "Warehouse Operative");
    assert_eq!(long["parse_warnings"][0]["field"], "text");
    assert!(long["description"].as_str().unwrap().chars().count() <= 50_000);

    let no_title = app
        .post(
            "/api/v1/jobs",
            json!({"text": "we pay well and have snacks"}),
            Some(&token),
        )
        .await;
    let body = no_title.assert_error(422, "validation_error");
    assert_eq!(body["details"][0]["field"], "text");
    let invalid = app
        .post("/api/v1/jobs", json!({"title": "", "description": "x", "salary_range": {"min": 5, "max": 1, "currency": "dollars"}}), Some(&token))
        .await;
    let fields: Vec<String> = invalid.assert_error(422, "validation_error")["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["field"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        fields,
        ["title", "salary_range.currency", "salary_range.max"]
    );

    // Own jobs show up in search for the owner only.
    let mine = app
        .get("/api/v1/jobs?source=user", Some(&token))
        .await
        .json();
    assert_eq!(mine["pagination"]["total"], 3);
    let other = app.access_token("other-paste@example.com").await;
    let theirs = app
        .get("/api/v1/jobs?source=user", Some(&other))
        .await
        .json();
    assert_eq!(theirs["pagination"]["total"], 0);
}

#[tokio::test]
async fn ownership_and_read_only_catalog() {
    let app = TestApp::new().await;
    let alice = app.access_token("alice-j@example.com").await;
    let bob = app.access_token("bob-j@example.com").await;
    let job = app
        .post(
            "/api/v1/jobs",
            json!({"title": "Welder", "description": "TIG welding"}),
            Some(&alice),
        )
        .await
        .json();
    let path = format!("/api/v1/jobs/{}", job["id"].as_str().unwrap());
    for (method, body) in [
        (Method::GET, None),
        (Method::PUT, Some(json!({"title": "X", "description": "Y"}))),
        (Method::PATCH, Some(json!({"title": "X"}))),
        (Method::DELETE, None),
    ] {
        let r = app.call(method.clone(), &path, body, Some(&bob)).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{method}");
    }
    let patched = app
        .call(
            Method::PATCH,
            &path,
            Some(json!({"location": "Leeds, UK"})),
            Some(&alice),
        )
        .await;
    assert_eq!(patched.status, StatusCode::OK);
    assert_eq!(patched.json()["location"], "Leeds, UK");
    let put = app
        .call(
            Method::PUT,
            &path,
            Some(json!({"title": "Senior Welder", "description": "TIG"})),
            Some(&alice),
        )
        .await;
    assert_eq!(put.json()["title"], "Senior Welder");

    let catalog = app
        .get("/api/v1/jobs?source=catalog&limit=1", Some(&alice))
        .await
        .json();
    let catalog_path = format!(
        "/api/v1/jobs/{}",
        catalog["jobs"][0]["id"].as_str().unwrap()
    );
    assert_eq!(
        app.get(&catalog_path, Some(&bob)).await.status,
        StatusCode::OK
    );
    app.call(
        Method::PATCH,
        &catalog_path,
        Some(json!({"title": "X"})),
        Some(&alice),
    )
    .await
    .assert_error(403, "forbidden");
    app.call(Method::DELETE, &catalog_path, None, Some(&alice))
        .await
        .assert_error(403, "forbidden");

    // Deleting a job deletes its saved entries.
    let saved = app
        .post(
            "/api/v1/saved-jobs",
            json!({"job_id": job["id"]}),
            Some(&alice),
        )
        .await
        .json();
    assert_eq!(
        app.call(Method::DELETE, &path, None, Some(&alice))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    app.get(
        &format!("/api/v1/saved-jobs/{}", saved["id"].as_str().unwrap()),
        Some(&alice),
    )
    .await
    .assert_error(404, "not_found");
    app.get("/api/v1/jobs/not-a-uuid", Some(&alice))
        .await
        .assert_error(404, "not_found");
}

#[tokio::test]
async fn saved_jobs_track_applications() {
    let app = TestApp::new().await;
    let token = app.access_token("track@example.com").await;
    let jobs = app.get("/api/v1/jobs?limit=3", Some(&token)).await.json();
    let ids: Vec<Value> = jobs["jobs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["id"].clone())
        .collect();

    let r = app
        .post(
            "/api/v1/saved-jobs",
            json!({"job_id": ids[0], "notes": "Referral from Sam"}),
            Some(&token),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let saved = r.json();
    assert_eq!(saved["status"], "interested");
    assert_eq!(saved["job"]["id"], ids[0]);
    assert_eq!(saved["status_history"].as_array().unwrap().len(), 1);
    app.post(
        "/api/v1/saved-jobs",
        json!({"job_id": ids[0]}),
        Some(&token),
    )
    .await
    .assert_error(409, "conflict");
    app.post(
        "/api/v1/saved-jobs",
        json!({"job_id": uuid::Uuid::now_v7()}),
        Some(&token),
    )
    .await
    .assert_error(404, "not_found");
    app.post(
        "/api/v1/saved-jobs",
        json!({"job_id": ids[1], "status": "dreaming"}),
        Some(&token),
    )
    .await
    .assert_error(422, "validation_error");
    app.post(
        "/api/v1/saved-jobs",
        json!({"job_id": ids[1], "status": "offered"}),
        Some(&token),
    )
    .await;
    app.post(
        "/api/v1/saved-jobs",
        json!({"job_id": ids[2], "status": "offered"}),
        Some(&token),
    )
    .await;

    let path = format!("/api/v1/saved-jobs/{}", saved["id"].as_str().unwrap());
    let applied = app
        .call(
            Method::PATCH,
            &path,
            Some(json!({"status": "applied"})),
            Some(&token),
        )
        .await;
    assert_eq!(applied.status, StatusCode::OK);
    let applied = applied.json();
    assert_eq!(applied["status"], "applied");
    assert_eq!(applied["notes"], "Referral from Sam");
    assert_eq!(
        applied["applied_date"].as_str().unwrap().len(),
        10,
        "defaults to today"
    );
    let history: Vec<&str> = applied["status_history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["status"].as_str().unwrap())
        .collect();
    assert_eq!(history, ["interested", "applied"]);
    let put = app
        .call(Method::PUT, &path, Some(json!({"status": "interviewing", "notes": "Onsite on Friday", "applied_date": "2026-11-20"})), Some(&token))
        .await
        .json();
    assert_eq!(put["applied_date"], "2026-11-20");
    assert_eq!(put["status_history"].as_array().unwrap().len(), 3);
    app.call(
        Method::PATCH,
        &path,
        Some(json!({"notes": "x".repeat(2001)})),
        Some(&token),
    )
    .await
    .assert_error(422, "validation_error");

    let list = app
        .get("/api/v1/saved-jobs?status=offered", Some(&token))
        .await
        .json();
    assert_eq!(list["pagination"]["total"], 2);
    assert_eq!(list["status_counts"]["offered"], 2);
    assert_eq!(list["status_counts"]["interviewing"], 1);
    assert_eq!(list["status_counts"]["withdrawn"], 0);
    assert_eq!(list["status_counts"].as_object().unwrap().len(), 8);
    app.get("/api/v1/saved-jobs?status=nope", Some(&token))
        .await
        .assert_error(422, "validation_error");

    let other = app.access_token("other-track@example.com").await;
    app.get(&path, Some(&other))
        .await
        .assert_error(404, "not_found");
    app.call(
        Method::PATCH,
        &path,
        Some(json!({"status": "withdrawn"})),
        Some(&other),
    )
    .await
    .assert_error(404, "not_found");
    app.call(Method::DELETE, &path, None, Some(&other))
        .await
        .assert_error(404, "not_found");
    assert_eq!(
        app.get("/api/v1/saved-jobs", Some(&other)).await.json()["pagination"]["total"],
        0
    );
    assert_eq!(
        app.call(Method::DELETE, &path, None, Some(&token))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
}

#[tokio::test]
async fn analysis_and_match() {
    let app = TestApp::new().await;
    let token = app.access_token("match@example.com").await;
    let job = app
        .post(
            "/api/v1/jobs",
            json!({"title": "Senior DevOps Engineer", "company": "Orbital", "description": "Run our k8s clusters on AWS.",
                "requirements": ["5+ years running Kubernetes in production", "Terraform and AWS", "CI/CD with GitHub Actions"],
                "preferred": ["Go or Python", "Prometheus"]}),
            Some(&token),
        )
        .await
        .json();
    let job_id = job["id"].as_str().unwrap();
    let analysis = app
        .get(&format!("/api/v1/jobs/{job_id}/analysis"), Some(&token))
        .await;
    assert_eq!(analysis.status, StatusCode::OK);
    let analysis = analysis.json();
    let required: Vec<&str> = analysis["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["term"].as_str().unwrap())
        .collect();
    for term in ["Kubernetes", "Terraform", "Amazon Web Services", "CI/CD"] {
        assert!(required.contains(&term), "{term} not in {required:?}");
    }
    assert_eq!(analysis["years_experience"], 5);
    assert_eq!(analysis["seniority"], "senior");

    let profile = app
        .post(
            "/api/v1/profiles",
            json!({"personal_info": {"full_name": "Kai", "email": "kai@example.com"},
                "experiences": [{"id": "ops", "title": "DevOps Engineer", "company": "Acme", "start_date": "2018-01", "is_current": true,
                    "achievements": ["Migrated 40 services to Kubernetes on AWS", "Built CI/CD pipelines in GitHub Actions"]}],
                "skills": {"technical": ["Kubernetes", "AWS", "Python", "Prometheus"]}}),
            Some(&token),
        )
        .await
        .json();
    let profile_id = profile["id"].as_str().unwrap();
    let report = app
        .get(
            &format!("/api/v1/jobs/{job_id}/match?profile_id={profile_id}"),
            Some(&token),
        )
        .await;
    assert_eq!(
        report.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&report.body)
    );
    let report = report.json();
    let pct = report["match_percentage"].as_u64().unwrap();
    assert!((40..100).contains(&pct), "{pct}");
    assert!(
        report["missing_keywords"]
            .as_array()
            .unwrap()
            .iter()
            .any(|k| k == "Terraform")
    );
    let k8s = report["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["requirement"] == "Kubernetes")
        .unwrap();
    assert_eq!(k8s["met"], true);
    assert!(
        k8s["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["item_id"] == "ops" || e["item_id"] == "ops#0")
    );
    assert_eq!(report["ranked"]["experiences"][0]["item_id"], "ops");

    app.get(&format!("/api/v1/jobs/{job_id}/match"), Some(&token))
        .await
        .assert_error(422, "validation_error");
    app.get(
        &format!("/api/v1/jobs/{job_id}/match?profile_id=nope"),
        Some(&token),
    )
    .await
    .assert_error(422, "validation_error");
    let other = app.access_token("match-other@example.com").await;
    app.get(&format!("/api/v1/jobs/{job_id}/analysis"), Some(&other))
        .await
        .assert_error(404, "not_found");
    let catalog = app
        .get("/api/v1/jobs?source=catalog&limit=1", Some(&other))
        .await
        .json();
    let catalog_id = catalog["jobs"][0]["id"].as_str().unwrap();
    app.get(
        &format!("/api/v1/jobs/{catalog_id}/match?profile_id={profile_id}"),
        Some(&other),
    )
    .await
    .assert_error(404, "not_found");
}

/// Every id a search returns (all pages), sorted.
async fn search_ids(app: &TestApp, token: &str, query: &str) -> Vec<String> {
    let encoded: String = form_urlencoded::byte_serialize(query.as_bytes()).collect();
    let mut ids = Vec::new();
    let mut offset = 0;
    loop {
        let page = app
            .get(
                &format!("/api/v1/jobs?query={encoded}&source=catalog&limit=100&offset={offset}"),
                Some(token),
            )
            .await;
        assert_eq!(page.status, StatusCode::OK, "{query:?}: {:?}", page.json());
        let page = page.json();
        for job in page["jobs"].as_array().unwrap() {
            ids.push(job["id"].as_str().unwrap().to_owned());
        }
        if page["pagination"]["has_next"] != true {
            break;
        }
        offset += 100;
    }
    ids.sort();
    ids
}

/// The search strings whose results must be identical on SQLite and PostgreSQL.
const PARITY_QUERIES: &[&str] = &[
    "OR",
    "AND",
    "NOT engineer",
    "engineer",
    "\"data scientist\"",
    "data scientist",
    "-senior python",
    "python",
    "senior",
    "c++",
    "\"\"",
    "-",
    "rust OR go",
    "rust",
    "go",
    "kubernetes AND terraform",
    "node.js",
    "ci/cd",
    "e-commerce",
    "registered nurse NOT travel",
    "\"machine learning\" OR \"data engineering\" -contract",
    "the",
];

/// The same search strings give the same catalog jobs on both engines: results are compared
/// with ids stored in `tests/snapshots/search_parity.json` (written by a SQLite run with
/// `UPDATE_SNAPSHOTS=1`, and checked by both the SQLite and the PostgreSQL runs), and the
/// operators are checked against each other on whichever engine runs.
#[tokio::test]
async fn search_strings_mean_the_same_on_both_engines() {
    use sha2::Digest as _;
    let app = TestApp::new().await;
    let token = app.access_token("parity@example.com").await;
    let mut results = std::collections::BTreeMap::new();
    for query in PARITY_QUERIES {
        results.insert(*query, search_ids(&app, &token, query).await);
    }
    let all = search_ids(&app, &token, "").await;
    let set =
        |q: &str| -> std::collections::BTreeSet<String> { results[q].iter().cloned().collect() };
    // Operators, checked against each other.
    for empty in ["OR", "AND", "\"\"", "-", "the"] {
        assert_eq!(results[empty], all, "{empty:?} has nothing searchable");
    }
    assert!(!results["engineer"].is_empty() && !results["python"].is_empty());
    let engineer = set("engineer");
    let not_engineer = set("NOT engineer");
    assert!(engineer.is_disjoint(&not_engineer));
    assert_eq!(engineer.len() + not_engineer.len(), all.len());
    let python_not_senior: std::collections::BTreeSet<String> =
        set("python").difference(&set("senior")).cloned().collect();
    assert_eq!(set("-senior python"), python_not_senior);
    let rust_or_go: std::collections::BTreeSet<String> =
        set("rust").union(&set("go")).cloned().collect();
    assert_eq!(set("rust OR go"), rust_or_go);
    assert!(set("\"data scientist\"").is_subset(&set("data scientist")));
    assert!(!results["\"data scientist\""].is_empty());
    assert!(!results["c++"].is_empty());

    // The stored ids: a short list, or the count and a digest for long ones.
    let summary: serde_json::Map<String, Value> = results
        .iter()
        .map(|(query, ids)| {
            let value = if ids.len() <= 25 {
                json!({"total": ids.len(), "ids": ids})
            } else {
                let digest = sha2::Sha256::digest(ids.join(",").as_bytes());
                json!({"total": ids.len(), "ids_sha256": hex::encode(digest)})
            };
            ((*query).to_owned(), value)
        })
        .collect();
    let pretty = serde_json::to_string_pretty(&Value::Object(summary)).unwrap() + "\n";
    let snapshot =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/search_parity.json");
    if std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1") {
        std::fs::write(&snapshot, &pretty).unwrap();
    }
    let expected = std::fs::read_to_string(&snapshot)
        .expect("tests/snapshots/search_parity.json missing: run with UPDATE_SNAPSHOTS=1 once");
    assert!(
        expected == pretty,
        "search results differ from the stored ones (engine: {}):\n{pretty}",
        if crate::helpers::postgres_url().is_some() {
            "PostgreSQL"
        } else {
            "SQLite"
        }
    );
}
