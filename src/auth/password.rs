//! Password policy and argon2id hashing. Hashing and verification are CPU- and memory-heavy, so
//! they run off the async runtime on a small pool of dedicated threads, one per CPU: a login
//! burst queues instead of holding a 19 MiB block per waiting request. Unknown accounts are verified against a dummy hash so the
//! response time does not tell whether an email is registered.

use std::sync::mpsc;
use std::sync::{Arc, Mutex};

use anyhow::Context;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher as _, PasswordVerifier as _};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::config::PasswordHashCost;

/// Hashes and verifies passwords with fixed argon2id parameters.
#[derive(Clone)]
pub struct PasswordHasher {
    params: Params,
    dummy_hash: Arc<String>,
    pool: HashPool,
}

type Job = Box<dyn FnOnce() + Send>;

/// Fixed threads that run hashing jobs; they exit when the last hasher clone is dropped.
#[derive(Clone)]
struct HashPool {
    jobs: mpsc::Sender<Job>,
}

impl HashPool {
    fn new(threads: usize) -> anyhow::Result<Self> {
        let (jobs, queue) = mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        for i in 0..threads {
            let queue = Arc::clone(&queue);
            std::thread::Builder::new()
                .name(format!("jobwise-argon2-{i}"))
                .spawn(move || {
                    loop {
                        let next = queue.lock().map(|q| q.recv());
                        match next {
                            Ok(Ok(job)) => job(),
                            _ => break,
                        }
                    }
                })
                .context("spawning a password-hashing thread")?;
        }
        Ok(HashPool { jobs })
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> anyhow::Result<T> {
        let (reply, result) = tokio::sync::oneshot::channel();
        self.jobs
            .send(Box::new(move || {
                let _ = reply.send(work());
            }))
            .map_err(|_| anyhow::anyhow!("password-hashing threads are gone"))?;
        result.await.context("password-hashing job was dropped")
    }
}

impl std::fmt::Debug for PasswordHasher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PasswordHasher").finish_non_exhaustive()
    }
}

impl PasswordHasher {
    /// Builds a hasher with the configured cost (and computes the timing-equaliser hash).
    pub fn new(cost: PasswordHashCost) -> anyhow::Result<Self> {
        let params = Params::new(cost.memory_kib, cost.iterations, 1, None)
            .map_err(|e| anyhow::anyhow!("invalid argon2 parameters: {e}"))?;
        let dummy = hash_with(&params, "dummy password for unknown accounts")?;
        let cpus = std::thread::available_parallelism().map_or(2, |n| n.get());
        Ok(PasswordHasher {
            params,
            dummy_hash: Arc::new(dummy),
            pool: HashPool::new(cpus)?,
        })
    }

    /// Hashes `password` into a PHC string, off the async runtime.
    pub async fn hash(&self, password: String) -> anyhow::Result<String> {
        let params = self.params.clone();
        self.pool.run(move || hash_with(&params, &password)).await?
    }

    /// Checks `password` against a stored PHC hash (or against the dummy hash when `stored` is
    /// `None`, always answering false), off the async runtime.
    pub async fn verify(&self, password: String, stored: Option<String>) -> anyhow::Result<bool> {
        let known = stored.is_some();
        let hash = stored.unwrap_or_else(|| self.dummy_hash.as_ref().clone());
        let ok = self
            .pool
            .run(move || -> anyhow::Result<bool> {
                let parsed = PasswordHash::new(&hash)
                    .map_err(|e| anyhow::anyhow!("stored hash unreadable: {e}"))?;
                Ok(Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok())
            })
            .await??;
        Ok(known && ok)
    }
}

fn hash_with(params: &Params, password: &str) -> anyhow::Result<String> {
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    let hash = argon
        .hash_password(password.as_bytes())
        .map_err(|e| anyhow::anyhow!("argon2 hashing failed: {e}"))?;
    Ok(hash.to_string())
}

/// Checks the password rule: 8–128 characters with at least two of lower case, upper case,
/// digit, symbol. Returns the problem as a sentence.
pub fn check_policy(password: &str) -> Result<(), &'static str> {
    let length = password.chars().count();
    if length < 8 {
        return Err("must be at least 8 characters long");
    }
    if length > 128 {
        return Err("must be at most 128 characters long");
    }
    let classes = [
        password.chars().any(|c| c.is_lowercase()),
        password.chars().any(|c| c.is_uppercase()),
        password.chars().any(|c| c.is_ascii_digit()),
        password.chars().any(|c| !c.is_alphanumeric()),
    ];
    if classes.iter().filter(|present| **present).count() < 2 {
        return Err("must mix at least two of: lower case, upper case, digits, symbols");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy() {
        assert!(check_policy("abcdefg1").is_ok());
        assert!(check_policy("Abcdefgh").is_ok());
        assert!(check_policy("abc-defg").is_ok());
        assert!(check_policy("abcdefgh").is_err());
        assert!(check_policy("12345678").is_err());
        assert!(check_policy("Ab1").is_err());
        assert!(check_policy(&"aB".repeat(65)).is_err());
    }

    #[tokio::test]
    async fn hash_and_verify_argon2id() {
        let hasher = PasswordHasher::new(PasswordHashCost {
            memory_kib: 64,
            iterations: 1,
        })
        .unwrap();
        let hash = hasher.hash("Correct horse 1".into()).await.unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(
            hasher
                .verify("Correct horse 1".into(), Some(hash.clone()))
                .await
                .unwrap()
        );
        assert!(!hasher.verify("wrong".into(), Some(hash)).await.unwrap());
        assert!(
            !hasher
                .verify("dummy password for unknown accounts".into(), None)
                .await
                .unwrap()
        );
    }
}
