//! File storage for generated documents (PDFs and other rendered formats), through
//! `object_store`: a directory under the data dir by default (`JOBWISE_STORAGE_URL` unset or
//! `file:///path`), or any S3-compatible store (`s3://bucket/prefix` with the usual `AWS_*`
//! variables; `AWS_ENDPOINT_URL` points at MinIO, moto, R2…). Writes are atomic: the local
//! store writes a temporary file and renames it, and an S3 PUT replaces the object whole, so a
//! crash mid-write never leaves a half file that is later served.

use std::sync::Arc;

use axum::body::Bytes;
use futures_util::StreamExt;
use object_store::local::LocalFileSystem;
use object_store::path::Path as StorePath;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};

use crate::config::Config;

/// The document store.
#[derive(Clone)]
pub struct Storage {
    store: Arc<dyn ObjectStore>,
    /// Where files go, for `/health` (never contains credentials).
    description: String,
}

impl std::fmt::Debug for Storage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Storage")
            .field("location", &self.description)
            .finish()
    }
}

impl Storage {
    /// Opens the store the configuration names (creating a local directory when needed).
    pub fn from_config(config: &Config) -> anyhow::Result<Storage> {
        let dir = match config.storage_url.as_deref() {
            None => config.data_dir.join("files"),
            Some(url) if url.starts_with("s3://") => {
                let options: Vec<(&str, &str)> = config
                    .s3_options
                    .iter()
                    .map(|(k, v)| (*k, v.expose()))
                    .collect();
                return Storage::s3(url, &options);
            }
            Some(url) => match url.strip_prefix("file://") {
                Some(path) => std::path::PathBuf::from(path),
                None => anyhow::bail!("JOBWISE_STORAGE_URL: unsupported scheme in {url:?}"),
            },
        };
        Storage::local(&dir)
    }

    /// An S3-compatible bucket (`s3://bucket/optional/prefix`) with object_store options
    /// (`aws_access_key_id`, `aws_region`, `aws_endpoint`, `aws_allow_http`, …).
    pub fn s3(url: &str, options: &[(&str, &str)]) -> anyhow::Result<Storage> {
        let rest = url.strip_prefix("s3://").unwrap_or(url);
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        anyhow::ensure!(
            !bucket.is_empty(),
            "JOBWISE_STORAGE_URL: no bucket in {url:?}"
        );
        let mut builder = object_store::aws::AmazonS3Builder::new().with_bucket_name(bucket);
        let mut endpoint_is_http = false;
        for (key, value) in options {
            let key: object_store::aws::AmazonS3ConfigKey = key
                .parse()
                .map_err(|e| anyhow::anyhow!("S3 option {key}: {e}"))?;
            if matches!(key, object_store::aws::AmazonS3ConfigKey::Endpoint) {
                endpoint_is_http = value.starts_with("http://");
            }
            builder = builder.with_config(key, *value);
        }
        if endpoint_is_http {
            builder = builder.with_allow_http(true);
        }
        let s3 = builder
            .build()
            .map_err(|e| anyhow::anyhow!("JOBWISE_STORAGE_URL {url:?}: {e}"))?;
        let prefix = prefix.trim_matches('/');
        let store: Arc<dyn ObjectStore> = if prefix.is_empty() {
            Arc::new(s3)
        } else {
            Arc::new(object_store::prefix::PrefixStore::new(s3, prefix))
        };
        Ok(Storage {
            store,
            description: format!("s3://{bucket}/{prefix}"),
        })
    }

    /// A store in a local directory.
    pub fn local(dir: &std::path::Path) -> anyhow::Result<Storage> {
        std::fs::create_dir_all(dir)
            .map_err(|e| anyhow::anyhow!("cannot create {}: {e}", dir.display()))?;
        let store = LocalFileSystem::new_with_prefix(dir)?;
        Ok(Storage {
            store: Arc::new(store),
            description: format!("file://{}", dir.display()),
        })
    }

    /// Where files go.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Writes a file (atomically replacing any previous one).
    pub async fn put(&self, key: &str, bytes: Vec<u8>) -> anyhow::Result<()> {
        self.store
            .put(&StorePath::from(key), PutPayload::from(bytes))
            .await?;
        Ok(())
    }

    /// Reads a file; `None` when it does not exist.
    pub async fn get(&self, key: &str) -> anyhow::Result<Option<Bytes>> {
        match self.store.get(&StorePath::from(key)).await {
            Ok(result) => Ok(Some(result.bytes().await?)),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }

    /// Deletes every file under `prefix` (a "directory"); returns how many went.
    pub async fn delete_prefix(&self, prefix: &str) -> anyhow::Result<usize> {
        let prefix = StorePath::from(prefix);
        let mut listing = self.store.list(Some(&prefix));
        let mut deleted = 0;
        while let Some(meta) = listing.next().await {
            let meta = meta?;
            match self.store.delete(&meta.location).await {
                Ok(()) | Err(object_store::Error::NotFound { .. }) => deleted += 1,
                Err(e) => return Err(e.into()),
            }
        }
        Ok(deleted)
    }

    /// Keys under `prefix` (for tests and clean-up checks).
    pub async fn list(&self, prefix: &str) -> anyhow::Result<Vec<String>> {
        let prefix = StorePath::from(prefix);
        let mut listing = self.store.list(Some(&prefix));
        let mut keys = Vec::new();
        while let Some(meta) = listing.next().await {
            keys.push(meta?.location.to_string());
        }
        keys.sort();
        Ok(keys)
    }

    /// Liveness: lists the root.
    pub async fn ping(&self) -> Result<(), String> {
        let mut listing = self.store.list(None);
        match listing.next().await {
            Some(Err(e)) => Err(e.to_string()),
            _ => Ok(()),
        }
    }
}
