//! Celery's remote control (`celery inspect`) over kombu's pidbox, spoken
//! directly (WIRE.md §5): bind a reply queue, PUBLISH the request on
//! `/{db}.celery.pidbox`, collect the workers' replies from the reply
//! lists, and remove the reply queue and its binding afterwards.
//!
//! The PUBLISH says how many pidbox subscribers (one per worker) received
//! the request, so the collection ends as soon as every one of them
//! answered; only a silent subscriber makes it wait the whole window.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, anyhow};
use redis::aio::MultiplexedConnection;
use serde_json::{Value as Json, json};

use super::events::{decode_envelope, encode_envelope, fanout_channel};
use super::layout::BrokerLayout;
use crate::redis::Redis;

/// The pidbox exchange (fanout) and the reply exchange (direct).
pub const EXCHANGE: &str = "celery.pidbox";
pub const REPLY_EXCHANGE: &str = "reply.celery.pidbox";

/// kombu's lifetime of a reply binding table: max(reply_queue_expires * 2,
/// one hour), in ms.
const BINDING_TTL_MS: u64 = 3_600_000;

/// kombu 5.7's REFRESH_BINDING: add the member, raise the exchange's
/// deadline (server clock) so kombu's sweeper keeps the table.
const BIND: &str = r"
redis.call('SADD', KEYS[1], ARGV[1])
local now = redis.call('TIME')
local ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
redis.call('ZADD', KEYS[2], 'GT', ms + tonumber(ARGV[3]), ARGV[2])
return 1
";

/// Undo [`BIND`]: remove the member, and the deadline when the table is
/// then empty (no other client's reply queue is bound: nothing left to
/// sweep); delete the reply lists.
const UNBIND: &str = r"
redis.call('SREM', KEYS[1], ARGV[1])
if redis.call('SCARD', KEYS[1]) == 0 then
  redis.call('ZREM', KEYS[2], ARGV[2])
end
for i = 3, #KEYS do
  redis.call('DEL', KEYS[i])
end
return 1
";

/// The broker answered READONLY: it is a replica, and the workers listen on
/// its primary.
#[derive(Debug)]
pub struct ReadOnlyReplica(pub String);

impl std::fmt::Display for ReadOnlyReplica {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} is a read-only replica: the workers are reached through the broker's primary \
             (--broker-url)",
            self.0
        )
    }
}

impl std::error::Error for ReadOnlyReplica {}

/// One reply queue on the broker, bound while it is open.
pub struct Mailbox {
    redis: Redis,
    /// The reply queue's routing key (a fresh UUID).
    pub routing_key: String,
    /// `_kombu.binding.reply.celery.pidbox`.
    pub binding_key: Vec<u8>,
    /// `<rk> SEP "" SEP <rk>.reply.celery.pidbox`.
    pub member: Vec<u8>,
    deadlines_key: Vec<u8>,
    /// The reply lists: the queue and its priority lists.
    pub reply_keys: Vec<Vec<u8>>,
    channel: Vec<u8>,
    conn: Option<MultiplexedConnection>,
    bound: bool,
}

/// What the workers answered: method -> worker -> result, and how many
/// pidbox subscribers each request reached.
#[derive(Debug, Clone, Default)]
pub struct Replies {
    pub by_method: BTreeMap<String, BTreeMap<String, Json>>,
    /// The most subscribers any of the requests reached (one per worker).
    pub subscribers: u64,
    /// Every subscriber answered every request (else the window ran out).
    pub complete: bool,
    /// When the replies were collected (ldp's clock, epoch s).
    pub at: f64,
}

impl Replies {
    /// Every worker that answered anything.
    pub fn workers(&self) -> Vec<String> {
        let mut w: Vec<String> = self
            .by_method
            .values()
            .flat_map(|m| m.keys().cloned())
            .collect();
        w.sort();
        w.dedup();
        w
    }

    pub fn get(&self, method: &str, worker: &str) -> Option<&Json> {
        self.by_method.get(method)?.get(worker)
    }
}

impl Mailbox {
    /// A mailbox on the broker (a standalone Redis: kombu has no cluster
    /// transport). Nothing is written until [`ask`](Self::ask).
    pub fn new(redis: &Redis, layout: &BrokerLayout) -> Result<Mailbox> {
        if redis.is_cluster() {
            return Err(crate::error::LdpError::usage(
                "the Celery broker cannot be a Redis Cluster (kombu has no cluster transport): \
                 give the broker's own URL with --broker-url",
            ));
        }
        let rk = uuid::Uuid::new_v4().to_string();
        let queue = format!("{rk}.{REPLY_EXCHANGE}");
        let mut member = rk.as_bytes().to_vec();
        member.extend_from_slice(&layout.sep);
        member.extend_from_slice(&layout.sep);
        member.extend_from_slice(queue.as_bytes());
        let db = redis.node(0).db();
        Ok(Mailbox {
            redis: redis.clone(),
            binding_key: layout.key(format!("_kombu.binding.{REPLY_EXCHANGE}").as_bytes()),
            deadlines_key: layout.key(b"_kombu.binding_deadlines"),
            reply_keys: layout.queue_keys(&queue),
            channel: fanout_channel(layout, db, EXCHANGE, ""),
            routing_key: rk,
            member,
            conn: None,
            bound: false,
        })
    }

    /// Broadcast each method to every worker and collect the replies for
    /// at most `window` (less when every subscriber answered every one).
    /// The binding is written (refreshed) with the requests, in one round trip.
    pub async fn ask(&mut self, methods: &[&str], window: Duration) -> Result<Replies> {
        let started = Instant::now();
        let node = self.redis.node(0);
        let expires = crate::clock::unix_now() + window.as_secs_f64();
        let mut tickets: BTreeMap<String, &str> = BTreeMap::new();
        let mut p = redis::pipe();
        p.cmd("EVAL")
            .arg(BIND)
            .arg(2)
            .arg(&self.binding_key)
            .arg(&self.deadlines_key)
            .arg(&self.member)
            .arg(REPLY_EXCHANGE)
            .arg(BINDING_TTL_MS);
        for m in methods {
            let ticket = uuid::Uuid::new_v4().to_string();
            let body = json!({
                "method": m,
                "arguments": {},
                "destination": null,
                "pattern": null,
                "matcher": null,
                "ticket": ticket,
                "reply_to": {"exchange": REPLY_EXCHANGE, "routing_key": self.routing_key},
            });
            let env = encode_envelope(&body, json!({"clock": 1, "expires": expires}), EXCHANGE, "");
            p.cmd("PUBLISH").arg(&self.channel).arg(env);
            tickets.insert(ticket, m);
        }
        // Bound before the requests go out: a reply never finds the table empty.
        self.bound = true;
        let counts: Vec<redis::Value> = node.pipe(&p).await.map_err(|e| {
            let text = e.to_string().to_ascii_lowercase();
            if text.contains("readonly") || text.contains("read only replica") {
                ReadOnlyReplica(node.label.clone()).into()
            } else if text.contains("noperm") {
                crate::error::LdpError::Failed(format!(
                    "the broker's ACL refuses the remote-control request on {}: the user needs \
                     EVAL, PUBLISH and the pub/sub channels (&*), as Celery's own clients do",
                    node.label
                ))
                .into()
            } else {
                crate::redis::script::server_error(node, "the pidbox request", e)
            }
        })?;
        let reached: Vec<u64> = counts
            .iter()
            .skip(1)
            .map(|v| redis::from_redis_value::<u64>(v.clone()).unwrap_or(0))
            .collect();
        let subscribers = reached.iter().copied().max().unwrap_or(0);
        let mut replies = Replies {
            subscribers,
            ..Default::default()
        };
        for m in methods {
            replies.by_method.insert(m.to_string(), BTreeMap::new());
        }
        let want = |r: &Replies| {
            r.by_method
                .values()
                .zip(&reached)
                .all(|(got, n)| got.len() as u64 >= *n)
        };
        let deadline = started + window;
        while !want(&replies) {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            let Some(payload) = self.pop(left).await? else {
                break;
            };
            let Some(env) = decode_envelope(&payload) else {
                continue;
            };
            let Some(method) = env.headers["ticket"].as_str().and_then(|t| tickets.get(t)) else {
                continue; // another request's reply, or mingle's hello
            };
            if let Json::Object(by_worker) = env.body
                && let Some(got) = replies.by_method.get_mut(*method)
            {
                got.extend(by_worker);
            }
        }
        replies.complete = want(&replies);
        replies.at = crate::clock::unix_now();
        Ok(replies)
    }

    /// One reply, waiting at most `left` (BRPOP on a connection of its own,
    /// the lowest priority list first, as kombu reads).
    async fn pop(&mut self, left: Duration) -> Result<Option<Vec<u8>>> {
        let node = self.redis.node(0);
        if self.conn.is_none() {
            self.conn = Some(
                node.dedicated()
                    .await
                    .map_err(|e| crate::redis::script::server_error(node, "connect", e))?,
            );
        }
        let Some(conn) = self.conn.as_mut() else {
            return Err(anyhow!("no reply connection"));
        };
        // BRPOP takes fractional seconds (Redis 6+); 0 would block forever.
        let secs = left.as_secs_f64().max(0.01);
        let mut cmd = redis::cmd("BRPOP");
        for k in &self.reply_keys {
            cmd.arg(k);
        }
        cmd.arg(format!("{secs:.3}"));
        let r: Result<Option<(Vec<u8>, Vec<u8>)>> = match tokio::time::timeout(
            left + Duration::from_secs(5),
            cmd.query_async(conn),
        )
        .await
        {
            Err(_) => Err(anyhow!("the broker did not answer BRPOP in time")),
            Ok(r) => r.with_context(|| format!("BRPOP on {}", node.label)),
        };
        if r.is_err() {
            // A broken connection is not reused: the next request dials anew.
            self.conn = None;
        }
        Ok(r?.map(|(_, v)| v))
    }

    /// Remove the binding (and its deadline when no one else's is left) and
    /// delete the reply lists. After an interrupted request a reply routed
    /// before the unbind may still land: `settle` waits that long and deletes
    /// the lists once more.
    pub async fn close(mut self, settle: Option<Duration>) -> Result<()> {
        self.conn = None;
        if !self.bound {
            return Ok(());
        }
        self.unbind().await?;
        if let Some(d) = settle {
            tokio::time::sleep(d).await;
            self.unbind().await?;
        }
        Ok(())
    }

    async fn unbind(&self) -> Result<()> {
        let node = self.redis.node(0);
        let mut cmd = redis::cmd("EVAL");
        cmd.arg(UNBIND)
            .arg(2 + self.reply_keys.len())
            .arg(&self.binding_key)
            .arg(&self.deadlines_key);
        for k in &self.reply_keys {
            cmd.arg(k);
        }
        cmd.arg(&self.member).arg(REPLY_EXCHANGE);
        let _: redis::Value = node
            .read(&cmd)
            .await
            .map_err(|e| crate::redis::script::server_error(node, "removing the reply queue", e))?;
        Ok(())
    }
}

/// One task a worker is executing (`active`).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ActiveTask {
    pub name: String,
    pub id: String,
    /// The pipeline's document: `document_uuid` in the kwargs (or the first
    /// argument of a task given positionally).
    pub document: Option<String>,
    /// A batch task's `batch_manifest.batch_id`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub batch: Option<String>,
    /// When it started (the worker's clock, epoch s).
    pub time_start: Option<f64>,
    pub worker_pid: Option<u64>,
    pub queue: Option<String>,
}

impl ActiveTask {
    /// The tasks of one `active` reply.
    pub fn list(v: &Json) -> Vec<ActiveTask> {
        v.as_array()
            .map(|a| a.iter().map(ActiveTask::from_json).collect())
            .unwrap_or_default()
    }

    fn from_json(t: &Json) -> ActiveTask {
        let kwargs = &t["kwargs"];
        let document = kwargs["document_uuid"]
            .as_str()
            .or_else(|| {
                // process_pdf_document(document_uuid, file_path, ...) given positionally.
                t["name"]
                    .as_str()
                    .filter(|n| n.ends_with("process_pdf_document"))
                    .and(t["args"][0].as_str())
            })
            .map(str::to_string);
        let manifest = if kwargs["batch_manifest"].is_object() {
            &kwargs["batch_manifest"]
        } else {
            &t["args"][0]
        };
        ActiveTask {
            name: t["name"].as_str().unwrap_or("?").to_string(),
            id: t["id"].as_str().unwrap_or("?").to_string(),
            document,
            batch: manifest["batch_id"].as_str().map(str::to_string),
            time_start: t["time_start"].as_f64(),
            worker_pid: t["worker_pid"].as_u64(),
            queue: t["delivery_info"]["routing_key"]
                .as_str()
                .map(str::to_string),
        }
    }
}

/// The parts of a `stats` reply ldp shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub pid: Option<u64>,
    pub uptime: Option<f64>,
    /// Tasks taken since start, by task name.
    pub total: BTreeMap<String, u64>,
    /// `pool.max-concurrency`.
    pub concurrency: Option<u64>,
    /// `pool.processes` (prefork's children).
    pub processes: Vec<u64>,
    /// `pool.threads` (the threads pool's running threads).
    pub threads: Option<u64>,
    /// The pool class (`prefork`, `threads`, ...), from `pool.implementation`.
    pub pool: Option<String>,
    pub prefetch_count: Option<u64>,
}

impl Stats {
    pub fn from_json(v: &Json) -> Stats {
        let pool = &v["pool"];
        Stats {
            pid: v["pid"].as_u64(),
            uptime: v["uptime"].as_f64(),
            total: v["total"]
                .as_object()
                .map(|m| {
                    m.iter()
                        .map(|(k, n)| (k.clone(), n.as_u64().unwrap_or(0)))
                        .collect()
                })
                .unwrap_or_default(),
            concurrency: pool["max-concurrency"].as_u64(),
            processes: pool["processes"]
                .as_array()
                .map(|a| a.iter().filter_map(Json::as_u64).collect())
                .unwrap_or_default(),
            threads: pool["threads"].as_u64(),
            pool: pool["implementation"]
                .as_str()
                .map(|s| short_pool(s).to_string()),
            prefetch_count: v["prefetch_count"].as_u64(),
        }
    }

    /// Tasks taken since start, all names together.
    pub fn processed(&self) -> u64 {
        self.total.values().sum()
    }
}

/// `celery.concurrency.prefork:TaskPool` -> `prefork`.
fn short_pool(s: &str) -> &str {
    s.rsplit_once(':')
        .map(|(m, _)| m)
        .unwrap_or(s)
        .rsplit('.')
        .next()
        .unwrap_or(s)
}

/// The queue names of an `active_queues` reply.
pub fn queue_names(v: &Json) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|q| q["name"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_active_and_stats() {
        let active = json!([{"id": "t1", "name": "scripts.pdf_tasks.process_pdf_document",
            "args": [], "kwargs": {"document_uuid": "d-1", "file_path": "s3://b/x"},
            "time_start": 1796338519.5, "acknowledged": true, "worker_pid": 42,
            "delivery_info": {"routing_key": "default", "priority": 3, "redelivered": false}},
            {"id": "t2", "name": "scripts.pdf_tasks.process_pdf_document",
            "args": ["d-2", "s3://b/y", "p"], "kwargs": {}, "time_start": null},
            {"id": "t3", "name": "scripts.batch_tasks.process_batch_high",
            "args": [], "kwargs": {"batch_manifest": {"batch_id": "b-9", "documents": []}}}]);
        let ts = ActiveTask::list(&active);
        assert_eq!(ts[0].document.as_deref(), Some("d-1"));
        assert_eq!(ts[0].worker_pid, Some(42));
        assert_eq!(ts[0].queue.as_deref(), Some("default"));
        assert_eq!(ts[1].document.as_deref(), Some("d-2"));
        assert_eq!(ts[1].time_start, None);
        assert_eq!(ts[2].batch.as_deref(), Some("b-9"));
        assert_eq!(ts[2].document, None);
        let stats = json!({"total": {"a": 2, "b": 3}, "pid": 7, "clock": "174", "uptime": 12,
            "pool": {"max-concurrency": 2, "processes": [8, 9],
                     "implementation": "celery.concurrency.prefork:TaskPool"},
            "prefetch_count": 8});
        let s = Stats::from_json(&stats);
        assert_eq!(s.processed(), 5);
        assert_eq!(s.concurrency, Some(2));
        assert_eq!(s.processes, vec![8, 9]);
        assert_eq!(s.pool.as_deref(), Some("prefork"));
        assert_eq!(
            queue_names(&json!([{"name": "default"}, {"name": "ocr"}])),
            ["default", "ocr"]
        );
    }

    #[test]
    fn reply_names_follow_kombu() {
        let l = BrokerLayout::default();
        let (redis_less_member, keys) = {
            let rk = "r";
            let queue = format!("{rk}.{REPLY_EXCHANGE}");
            let mut m = rk.as_bytes().to_vec();
            m.extend_from_slice(&l.sep);
            m.extend_from_slice(&l.sep);
            m.extend_from_slice(queue.as_bytes());
            (m, l.queue_keys(&queue))
        };
        assert_eq!(
            redis_less_member,
            b"r\x06\x16\x06\x16r.reply.celery.pidbox".to_vec()
        );
        assert_eq!(keys.len(), 4);
        assert_eq!(keys[1], b"r.reply.celery.pidbox\x06\x163".to_vec());
    }
}
