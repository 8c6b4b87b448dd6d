//! File storage for generated documents (PDFs and other rendered formats), through
//! `object_store`: a directory under the data dir by default (`JOBWISE_STORAGE_URL` unset or
//! `file:///path`). Writes are atomic: the local store writes a temporary file and renames it,
//! so a crash mid-write never leaves a half file that is later served.

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
            Some(url) => match url.strip_prefix("file://") {
                Some(path) => std::path::PathBuf::from(path),
                None => anyhow::bail!("JOBWISE_STORAGE_URL: unsupported scheme in {url:?}"),
            },
        };
        Storage::local(&dir)
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
