//! `ldp queue requeue-overdue`: put back on their queues the unacked
//! messages older than the visibility timeout (those a dead worker held),
//! exactly as kombu's own restore does: marked redelivered, pushed to the
//! consumer end (RPUSH) of the priority list of their queue. Each message is
//! moved by one script (it is in `unacked` or on its queue, never both and
//! never neither), under kombu's `unacked_mutex` taken the way kombu takes it
//! (SET NX EX 300, released only if still ours), so it is safe alongside a
//! worker's own restore.

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use anyhow::{Context, Result};
use redis::{Script, Value};
use serde::Serialize;
use serde_json::Value as Json;

use crate::broker::message::{Message, redelivered};
use crate::broker::queues::restore_queue;
use crate::bytes;
use crate::clock::unix_now;
use crate::commands::Ctx;
use crate::consent::Consent;
use crate::error::LdpError;
use crate::exit::Exit;
use crate::output::{Output, Report};
use crate::redis::Node;
use crate::redis::script::{eval, server_error};

/// kombu's `unacked_mutex_expire`.
const MUTEX_SECS: u64 = 300;
/// Overdue tags read per round.
const ROUND: usize = 500;

/// KEYS: unacked, unacked_index, the target list. ARGV: tag, the message as
/// read, the message to push. Moves it only if `unacked` still holds what was
/// read; a tag whose message is gone loses its index entry (as kombu does).
const RESTORE_LUA: &str = r#"
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if not cur then
  redis.call('ZREM', KEYS[2], ARGV[1])
  return 0
end
if cur ~= ARGV[2] then return -1 end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('RPUSH', KEYS[3], ARGV[3])
return 1
"#;

/// kombu's Mutex release: delete only our own token.
const RELEASE_LUA: &str = crate::redis::script::DELETE_IF_EQUAL;

/// Plain options of `queue requeue-overdue`.
#[derive(Debug, Clone)]
pub struct RequeueOptions {
    /// Default: the profile's (kombu's `visibility_timeout`), else 1 h.
    pub visibility_timeout: Option<Duration>,
    pub consent: Consent,
}

#[derive(Debug, Serialize)]
struct Overdue {
    tag: String,
    queue: String,
    key: String,
    /// Seconds since it was delivered.
    age: f64,
    #[serde(flatten)]
    message: Message,
}

#[derive(Debug, Serialize)]
struct RequeueReport {
    dry_run: bool,
    visibility_timeout: f64,
    overdue: usize,
    requeued: usize,
    /// Acked (or restored by kombu) between the read and the move.
    gone: usize,
    per_queue: BTreeMap<String, usize>,
    messages: Vec<Overdue>,
}

impl Report for RequeueReport {
    fn text(&self, out: &Output) -> String {
        let mut s = String::new();
        if !self.messages.is_empty() {
            let mut t = out.table(&["queue", "task", "id", "document", "delivered"]);
            for m in &self.messages {
                let d = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
                t.add_row(vec![
                    m.queue.clone(),
                    d(&m.message.task),
                    d(&m.message.id),
                    d(&m.message.document),
                    format!("{} ago", crate::output::human_secs(Some(m.age))),
                ]);
            }
            s.push_str(&format!("{t}\n"));
        }
        let vt = crate::output::human_secs(Some(self.visibility_timeout));
        let line = if self.dry_run {
            format!(
                "dry run: {} unacked messages older than {vt} would go back to their queues",
                out.count(self.overdue as u64)
            )
        } else {
            format!(
                "requeued {} of {} overdue messages (older than {vt}){}",
                out.count(self.requeued as u64),
                out.count(self.overdue as u64),
                if self.gone > 0 {
                    format!("; {} were acked meanwhile", self.gone)
                } else {
                    String::new()
                }
            )
        };
        out.aside(&mut s, line);
        s
    }
}

/// The broker's bookkeeping keys.
struct Keys {
    unacked: Vec<u8>,
    index: Vec<u8>,
    mutex: Vec<u8>,
}

/// `ldp queue requeue-overdue`.
pub async fn requeue_overdue(ctx: &Ctx, o: RequeueOptions) -> Result<Exit> {
    let out = &ctx.out;
    let layout = &ctx.settings.broker_layout;
    let vt = o.visibility_timeout.unwrap_or(layout.visibility_timeout);
    if vt.is_zero() {
        return Err(LdpError::usage(
            "invalid --visibility-timeout '0': at least 1s",
        ));
    }
    let gate = o
        .consent
        .admit(out, &ctx.journal, "requeue unacked messages")?;
    let broker = ctx.broker().await?;
    let node = broker.node(0);
    let keys = Keys {
        unacked: layout.key(b"unacked"),
        index: layout.key(b"unacked_index"),
        mutex: layout.key(b"unacked_mutex"),
    };
    let ceil = unix_now() - vt.as_secs_f64();
    let overdue = read_overdue(ctx, node, &keys, ceil).await?;
    for p in &overdue {
        gate.journal().matched(&p.shown.queue, 1);
    }
    let mut report = RequeueReport {
        dry_run: gate.dry_run,
        visibility_timeout: vt.as_secs_f64(),
        overdue: overdue.len(),
        requeued: 0,
        gone: 0,
        per_queue: BTreeMap::new(),
        messages: Vec::new(),
    };
    if !overdue.is_empty() && gate.will_ask() {
        eprintln!(
            "{} unacked messages older than {} on {}",
            out.count(overdue.len() as u64),
            crate::output::human_secs(Some(vt.as_secs_f64())),
            broker.label()
        );
    }
    let go = !overdue.is_empty() && gate.confirm(out, "Put them back on their queues?")?;
    if !overdue.is_empty() && !go && !gate.dry_run {
        out.note("nothing requeued");
        return Ok(Exit::Failure);
    }
    if go {
        let token = uuid::Uuid::new_v4().to_string();
        if !take_mutex(node, &keys.mutex, &token).await? {
            out.warn(format!(
                "{} is held: a worker is restoring unacked messages now; try again in a moment",
                bytes::escape(&keys.mutex)
            ));
            return Ok(Exit::LockBusy);
        }
        let moved = move_all(node, &keys, &overdue, &mut report).await;
        release_mutex(node, &keys.mutex, &token).await;
        for (q, n) in &report.per_queue {
            gate.journal().changed(q, *n as u64);
        }
        moved?;
    }
    report.messages = overdue.into_iter().map(|p| p.shown).collect();
    if gate.dry_run {
        for m in &report.messages {
            *report.per_queue.entry(m.queue.clone()).or_default() += 1;
        }
    }
    out.print(&report)?;
    Ok(Exit::Ok)
}

/// One overdue message, ready to move.
struct Pending {
    tag: Vec<u8>,
    raw: Vec<u8>,
    target: Vec<u8>,
    payload: String,
    shown: Overdue,
}

/// Every unacked message delivered before `ceil`, with where kombu would put it back.
async fn read_overdue(ctx: &Ctx, node: &Node, keys: &Keys, ceil: f64) -> Result<Vec<Pending>> {
    let layout = &ctx.settings.broker_layout;
    let broker = ctx.broker().await?;
    let mut routes: HashMap<(String, String), String> = HashMap::new();
    let mut found = Vec::new();
    let mut offset = 0usize;
    let now = unix_now();
    loop {
        let tags: Vec<(Vec<u8>, f64)> = node
            .read(
                redis::cmd("ZRANGEBYSCORE")
                    .arg(&keys.index)
                    .arg("-inf")
                    .arg(ceil)
                    .arg("WITHSCORES")
                    .arg("LIMIT")
                    .arg(offset)
                    .arg(ROUND),
            )
            .await
            .with_context(|| format!("ZRANGEBYSCORE {}", bytes::escape(&keys.index)))?;
        offset += tags.len();
        for (tag, at) in &tags {
            let raw: Option<Vec<u8>> = node
                .read(redis::cmd("HGET").arg(&keys.unacked).arg(tag))
                .await
                .context("HGET unacked")?;
            let Some(raw) = raw else { continue };
            // [envelope, exchange, routing_key]
            let Ok(Json::Array(parts)) = serde_json::from_slice::<Json>(&raw) else {
                continue;
            };
            let (Some(env), Some(ex), Some(rk)) = (
                parts.first(),
                parts.get(1).and_then(Json::as_str),
                parts.get(2).and_then(Json::as_str),
            ) else {
                continue;
            };
            let route = (ex.to_string(), rk.to_string());
            if !routes.contains_key(&route) {
                let q = restore_queue(&broker, layout, ex, rk).await?;
                routes.insert(route.clone(), q);
            }
            let queue = routes[&route].clone();
            let priority = env["properties"]["priority"].as_u64().unwrap_or(0).min(9) as u8;
            let target = layout.publish_key(&queue, priority);
            found.push(Pending {
                tag: tag.clone(),
                payload: redelivered(env).to_string(),
                shown: Overdue {
                    tag: String::from_utf8_lossy(tag).into_owned(),
                    queue,
                    key: bytes::escape(&target),
                    age: (now - at).max(0.0),
                    message: Message::from_envelope(env),
                },
                target,
                raw,
            });
        }
        if tags.len() < ROUND {
            return Ok(found);
        }
    }
}

/// kombu's Mutex: SET NX EX. False: someone holds it (kombu is restoring now).
async fn take_mutex(node: &Node, key: &[u8], token: &str) -> Result<bool> {
    let ok: Option<String> = node
        .query(
            redis::cmd("SET")
                .arg(key)
                .arg(token)
                .arg("NX")
                .arg("EX")
                .arg(MUTEX_SECS),
        )
        .await
        .map_err(|e| server_error(node, "taking unacked_mutex", e))?;
    Ok(ok.is_some())
}

async fn release_mutex(node: &Node, key: &[u8], token: &str) {
    let script = Script::new(RELEASE_LUA);
    let _ = eval(node, &script, RELEASE_LUA, &[key], &[token.as_bytes()]).await;
}

/// Move each message with one script call.
async fn move_all(
    node: &Node,
    keys: &Keys,
    pending: &[Pending],
    report: &mut RequeueReport,
) -> Result<()> {
    let script = Script::new(RESTORE_LUA);
    for p in pending {
        let r = eval(
            node,
            &script,
            RESTORE_LUA,
            &[&keys.unacked, &keys.index, &p.target],
            &[&p.tag, &p.raw, p.payload.as_bytes()],
        )
        .await
        .map_err(|e| server_error(node, "requeueing a message", e))?;
        match r {
            Value::Int(1) => {
                report.requeued += 1;
                *report.per_queue.entry(p.shown.queue.clone()).or_default() += 1;
            }
            _ => report.gone += 1,
        }
    }
    Ok(())
}
