//! Storage backends. Local files are exercised by every generation test; this file adds the
//! S3 path, run when `JOBWISE_TEST_S3_URL` (e.g. `s3://jobwise-test`) and the `AWS_*`
//! variables point at an S3-compatible server (CI starts moto on loopback); otherwise it
//! prints `SKIPPED`.

use axum::http::{Method, StatusCode};
use jobwise::storage::Storage;

use crate::generations::{setup, start_resume, wait_finished};
use crate::helpers::TestApp;

/// (storage URL with a fresh prefix, AWS variables) when an S3 server is configured.
fn s3() -> Option<(String, Vec<(String, String)>)> {
    let base = std::env::var("JOBWISE_TEST_S3_URL").ok()?;
    let url = format!(
        "{}/t-{}",
        base.trim_end_matches('/'),
        uuid::Uuid::now_v7().simple()
    );
    let vars = [
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_REGION",
        "AWS_DEFAULT_REGION",
        "AWS_ENDPOINT_URL",
    ]
    .into_iter()
    .filter_map(|k| std::env::var(k).ok().map(|v| (k.to_owned(), v)))
    .collect();
    Some((url, vars))
}

#[tokio::test]
async fn s3_storage_round_trip() {
    let Some((url, vars)) = s3() else {
        eprintln!("SKIPPED: JOBWISE_TEST_S3_URL is not set; the S3 storage test did not run");
        return;
    };
    let options: Vec<(&str, &str)> = vars
        .iter()
        .map(|(k, v)| {
            let key = match k.as_str() {
                "AWS_ACCESS_KEY_ID" => "aws_access_key_id",
                "AWS_SECRET_ACCESS_KEY" => "aws_secret_access_key",
                "AWS_ENDPOINT_URL" => "aws_endpoint",
                _ => "aws_region",
            };
            (key, v.as_str())
        })
        .collect();
    let storage = Storage::s3(&url, &options).expect("S3 store");
    storage.ping().await.expect("S3 answers");
    storage
        .put("documents/a/v1/x.pdf", b"%PDF-1".to_vec())
        .await
        .unwrap();
    storage
        .put("documents/a/v1/x.txt", b"text".to_vec())
        .await
        .unwrap();
    storage
        .put("documents/b/v1/x.pdf", b"%PDF-2".to_vec())
        .await
        .unwrap();
    assert_eq!(
        storage
            .get("documents/a/v1/x.pdf")
            .await
            .unwrap()
            .unwrap()
            .as_ref(),
        b"%PDF-1"
    );
    assert!(storage.get("documents/none").await.unwrap().is_none());
    assert_eq!(storage.list("documents/a").await.unwrap().len(), 2);
    assert_eq!(storage.delete_prefix("documents/a").await.unwrap(), 2);
    assert!(storage.list("documents/a").await.unwrap().is_empty());
    assert_eq!(storage.list("documents").await.unwrap().len(), 1);
    println!("s3 storage test ran");
}

#[tokio::test]
async fn s3_generation_download_and_delete() {
    let Some((url, vars)) = s3() else {
        eprintln!("SKIPPED: JOBWISE_TEST_S3_URL is not set; the S3 document test did not run");
        return;
    };
    let mut env: Vec<(&str, &str)> = vec![("JOBWISE_STORAGE_URL", url.as_str())];
    env.extend(vars.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let app = TestApp::with_env(&env).await;
    let (token, profile_id, job_id) = setup(&app, "s3@example.com").await;
    let id = start_resume(&app, &token, &profile_id, &job_id).await;
    let done = wait_finished(&app, &id, &token).await;
    assert_eq!(done["status"], "completed", "{done}");
    let doc = done["result"]["document_ids"][0]
        .as_str()
        .unwrap()
        .to_owned();
    let pdf = app
        .get(&format!("/api/v1/documents/{doc}/download"), Some(&token))
        .await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert!(pdf.body.starts_with(b"%PDF"));
    let docx = app
        .get(
            &format!("/api/v1/documents/{doc}/download?format=docx"),
            Some(&token),
        )
        .await;
    assert_eq!(docx.status, StatusCode::OK);
    assert_eq!(
        app.state
            .storage
            .list(&format!("documents/{doc}"))
            .await
            .unwrap()
            .len(),
        2
    );
    let deleted = app
        .call(
            Method::DELETE,
            &format!("/api/v1/documents/{doc}"),
            None,
            Some(&token),
        )
        .await;
    assert_eq!(deleted.status, StatusCode::NO_CONTENT);
    assert!(
        app.state
            .storage
            .list(&format!("documents/{doc}"))
            .await
            .unwrap()
            .is_empty()
    );
    println!("s3 document test ran");
}
