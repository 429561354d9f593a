//! Who uploads a document when two intakes of the same files run at once: a
//! short-lived claim in Redis (`ldp:uploading:{doc}`, SET NX with a TTL),
//! taken before the upload and given back once the row is committed. The run
//! that loses waits for the row (the upload is done then) instead of
//! uploading the object a second time. A claim names its holder's Redis
//! client id: a run that finds a claim whose holder is no longer connected
//! (killed, crashed) takes it over at once; one whose holder cannot be
//! checked expires, so nothing waits forever.

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
const RELEASE_LUA: &str = crate::redis::script::DELETE_IF_EQUAL;

/// Take over a claim only if it still holds the dead holder's value.
const TAKEOVER_LUA: &str = r#"
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) and 1 or 0
end
return 0
"#;

/// The claims of one run: on the broker, as `{prefix}{document uuid}`.
#[derive(Clone)]
pub struct Claims {
    pub redis: Redis,
    pub prefix: String,
    /// This run's token, the claim's value: `{import session}@{client id}`.
    pub owner: String,
    /// Set when the run stops: documents still waiting on another run are
    /// left for a re-run instead of waited for.
    pub stopping: Arc<AtomicBool>,
}

impl Claims {
    /// Claims of the run `session` through `redis` (the broker).
    pub async fn new(redis: Redis, prefix: String, session: &str) -> Claims {
        let id: i64 = redis
            .node(0)
            .query(&redis::cmd("CLIENT").arg("ID").to_owned())
            .await
            .unwrap_or(0);
        Claims {
            redis,
            prefix,
            owner: format!("{session}@{id}"),
            stopping: Arc::default(),
        }
    }

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
        let mut ours: Vec<bool> = match r {
            Ok(replies) => replies
                .iter()
                .map(|v| !matches!(v.first(), Some(Value::Nil)))
                .collect(),
            Err(_) => return vec![true; docs.len()],
        };
        self.take_over_dead(&keys, &mut ours).await;
        ours
    }

    /// Claims held by a run whose client is no longer connected become ours.
    async fn take_over_dead(&self, keys: &[Vec<u8>], ours: &mut [bool]) {
        let theirs: Vec<usize> = (0..keys.len()).filter(|&i| !ours[i]).collect();
        if theirs.is_empty() {
            return;
        }
        let node = self.redis.node(0);
        let mut holders: Vec<(usize, String, i64)> = Vec::new();
        for &i in &theirs {
            let v: Option<String> = node
                .query(&redis::cmd("GET").arg(&keys[i]).to_owned())
                .await
                .unwrap_or(None);
            if let Some(v) = v
                && let Some(id) = v.rsplit_once('@').and_then(|(_, id)| id.parse().ok())
            {
                holders.push((i, v, id));
            }
        }
        if holders.is_empty() {
            return;
        }
        let mut list = redis::cmd("CLIENT");
        list.arg("LIST").arg("ID");
        for (_, _, id) in &holders {
            list.arg(*id);
        }
        // Not allowed to look (ACL): claims are left to expire.
        let Ok(live) = node.query::<String>(&list).await else {
            return;
        };
        let live: std::collections::HashSet<i64> = live
            .lines()
            .filter_map(|l| l.strip_prefix("id=")?.split(' ').next()?.parse().ok())
            .collect();
        let script = redis::Script::new(TAKEOVER_LUA);
        let ttl = CLAIM_TTL.as_millis().to_string();
        for (i, was, id) in holders {
            if id == 0 || live.contains(&id) {
                continue;
            }
            let r = crate::redis::script::eval(
                node,
                &script,
                TAKEOVER_LUA,
                &[&keys[i]],
                &[was.as_bytes(), self.owner.as_bytes(), ttl.as_bytes()],
            )
            .await;
            ours[i] = matches!(r, Ok(Value::Int(1)));
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
