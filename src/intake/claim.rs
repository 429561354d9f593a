//! Who uploads a document when two intakes of the same files run at once: a
//! short-lived claim in Redis (`ldp:uploading:{doc}`, SET NX with a TTL),
//! taken before the upload and given back once the row is committed. The run
//! that loses waits for the row (the upload is done then) instead of
//! uploading the object a second time. A claim whose holder died expires, and
//! a waiting run takes it over, so nothing waits forever.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use redis::Value;
use uuid::Uuid;

use crate::redis::Redis;

/// How long a claim lives: longer than an upload takes, short enough that a
/// run waiting on a dead holder takes over soon.
pub const CLAIM_TTL: Duration = Duration::from_secs(300);

/// Give a claim back only if it is still ours (it may have expired and been
/// taken by another run).
const RELEASE_LUA: &str = r#"
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"#;

/// The claims of one run: on the broker, as `{prefix}{document uuid}`.
#[derive(Clone)]
pub struct Claims {
    pub redis: Redis,
    pub prefix: String,
    /// This run's token (its import session), the claim's value.
    pub owner: String,
    /// Set when the run stops: documents still waiting on another run are
    /// left for a re-run instead of waited for.
    pub stopping: Arc<AtomicBool>,
}

impl Claims {
    pub fn stopping(&self) -> bool {
        self.stopping.load(Ordering::Relaxed)
    }

    fn key(&self, doc: &Uuid) -> Vec<u8> {
        format!("{}{doc}", self.prefix).into_bytes()
    }

    /// Try to claim each document: returns, in order, whether it is ours.
    /// If Redis cannot answer, every document counts as ours (uploading
    /// twice is waste, never harm: the object is the same).
    pub async fn take(&self, docs: &[Uuid]) -> Vec<bool> {
        let keys: Vec<Vec<u8>> = docs.iter().map(|d| self.key(d)).collect();
        let ttl = CLAIM_TTL.as_millis() as u64;
        let r = self
            .redis
            // Not retried: a retry would find its own claim and wait on it.
            .per_key(&keys, 1, false, |p, k| {
                p.cmd("SET")
                    .arg(k)
                    .arg(&self.owner)
                    .arg("NX")
                    .arg("PX")
                    .arg(ttl);
            })
            .await;
        match r {
            Ok(replies) => replies
                .iter()
                .map(|v| !matches!(v.first(), Some(Value::Nil)))
                .collect(),
            Err(_) => vec![true; docs.len()],
        }
    }

    /// Give the claims back (their rows are committed). A failure only
    /// leaves claims to expire.
    pub async fn release(&self, docs: &[Uuid]) {
        let keys: Vec<Vec<u8>> = docs.iter().map(|d| self.key(d)).collect();
        let _ = self
            .redis
            .per_key(&keys, 1, true, |p, k| {
                p.cmd("EVAL")
                    .arg(RELEASE_LUA)
                    .arg(1)
                    .arg(k)
                    .arg(&self.owner);
            })
            .await;
    }
}
