//! Celery broker-key knowledge (kombu's Redis transport, WIRE.md §1–3): the
//! key layout (queues, priority lists, separator, `global_keyprefix`), which
//! keys are the broker's (protected from broad deletes), and the queue
//! statistics that `monitor queues` prints and `monitor health` judges.
//! The message builder for `ldp import` will live here too.

use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

use anyhow::Result;
use redis::{Cmd, Value};
use serde::Serialize;
use serde_json::Value as Json;

use super::layout::BrokerLayout;
use crate::bytes;
use crate::clock::unix_now;
use crate::glob::glob_escape;
use crate::redis::{Redis, ScanSpec};

// ------------------------------------------------------------------ bindings

/// One member of `_kombu.binding.<exchange>`: `routing_key <sep> pattern <sep> queue`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Binding {
    routing_key: String,
    queue: String,
}

fn parse_binding(member: &[u8], sep: &[u8]) -> Option<Binding> {
    let text = String::from_utf8_lossy(member);
    let sep = String::from_utf8_lossy(sep);
    let parts: Vec<&str> = text.split(sep.as_ref()).collect();
    if parts.len() < 2 {
        return None;
    }
    let queue = parts.last()?.to_string();
    if queue.is_empty() {
        return None;
    }
    Some(Binding {
        routing_key: parts[0].to_string(),
        queue,
    })
}

/// Celery's own plumbing, not task queues: remote control (pidbox), events
/// (celeryev) and their reply exchanges.
fn is_internal_exchange(ex: &str) -> bool {
    ex.ends_with("pidbox")
        || ex == "celeryev"
        || ex.starts_with("celeryev.")
        || ex.starts_with("reply.")
}

fn is_internal_queue(q: &str) -> bool {
    q.ends_with(".pidbox") || q.starts_with("celeryev.") || q.contains(".reply.")
}

/// AMQP topic matching as kombu does it: `*` one word, `#` zero or more.
fn topic_match(pattern: &str, key: &str) -> bool {
    fn go(p: &[&str], k: &[&str]) -> bool {
        match p.split_first() {
            None => k.is_empty(),
            Some((&"#", rest)) => (0..=k.len()).any(|i| go(rest, &k[i..])),
            Some((w, rest)) => !k.is_empty() && (*w == "*" || *w == k[0]) && go(rest, &k[1..]),
        }
    }
    let p: Vec<&str> = pattern.split('.').collect();
    let k: Vec<&str> = key.split('.').collect();
    go(&p, &k)
}

/// The queue an unacked message came from, the way kombu would restore it:
/// the anonymous exchange routes by routing key; else the exchange's
/// bindings (direct, then topic); else the routing key (Celery's default
/// binds each queue under its own name).
fn route(exchange: &str, routing_key: &str, table: &HashMap<String, Vec<Binding>>) -> String {
    if !exchange.is_empty()
        && let Some(bs) = table.get(exchange)
    {
        if let Some(b) = bs.iter().find(|b| b.routing_key == routing_key) {
            return b.queue.clone();
        }
        if let Some(b) = bs.iter().find(|b| {
            (b.routing_key.contains('*') || b.routing_key.contains('#'))
                && topic_match(&b.routing_key, routing_key)
        }) {
            return b.queue.clone();
        }
    }
    routing_key.to_string()
}

/// The queue kombu would restore a message of (exchange, routing key) to.
pub async fn restore_queue(
    redis: &Redis,
    layout: &BrokerLayout,
    exchange: &str,
    routing_key: &str,
) -> Result<String> {
    let mut table = HashMap::new();
    if !exchange.is_empty() {
        bindings(redis, layout, &[exchange.to_string()], &mut table).await?;
    }
    Ok(route(exchange, routing_key, &table))
}

fn binding_key(layout: &BrokerLayout, exchange: &str) -> Vec<u8> {
    layout.key(format!("_kombu.binding.{exchange}").as_bytes())
}

fn members(v: &Value) -> Vec<Vec<u8>> {
    match v {
        Value::Array(a) | Value::Set(a) => a.iter().filter_map(blob).collect(),
        _ => Vec::new(),
    }
}

fn blob(v: &Value) -> Option<Vec<u8>> {
    match v {
        Value::BulkString(b) => Some(b.clone()),
        Value::SimpleString(s) => Some(s.clone().into_bytes()),
        _ => None,
    }
}

/// Field/value or member/score pairs from HGETALL or ZRANGE WITHSCORES, in
/// either protocol (RESP2 flat arrays, RESP3 maps and pairs).
fn pairs(v: &Value) -> Vec<(Vec<u8>, Value)> {
    match v {
        Value::Map(m) => m
            .iter()
            .filter_map(|(k, v)| Some((blob(k)?, v.clone())))
            .collect(),
        Value::Array(a)
            if a.iter()
                .all(|x| matches!(x, Value::Array(p) if p.len() == 2)) =>
        {
            a.iter()
                .filter_map(|x| match x {
                    Value::Array(p) => Some((blob(&p[0])?, p[1].clone())),
                    _ => None,
                })
                .collect()
        }
        Value::Array(a) => a
            .chunks(2)
            .filter_map(|c| Some((blob(c.first()?)?, c.get(1)?.clone())))
            .collect(),
        _ => Vec::new(),
    }
}

fn as_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Double(d) => Some(*d),
        Value::Int(i) => Some(*i as f64),
        Value::BulkString(b) => std::str::from_utf8(b).ok()?.trim().parse().ok(),
        Value::SimpleString(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// An unacked message's (exchange, routing key).
type Route = (String, String);

/// Read the bindings of these exchanges into a routing table.
async fn bindings(
    redis: &Redis,
    layout: &BrokerLayout,
    exchanges: &[String],
    table: &mut HashMap<String, Vec<Binding>>,
) -> Result<()> {
    if exchanges.is_empty() {
        return Ok(());
    }
    let cmds: Vec<(Vec<u8>, Cmd)> = exchanges
        .iter()
        .map(|ex| {
            let k = binding_key(layout, ex);
            let c = redis::cmd("SMEMBERS").arg(&k).to_owned();
            (k, c)
        })
        .collect();
    for (ex, v) in exchanges.iter().zip(redis.read_keyed(&cmds).await?) {
        let rows = members(&v)
            .iter()
            .filter_map(|m| parse_binding(m, &layout.sep))
            .collect();
        table.insert(ex.clone(), rows);
    }
    Ok(())
}

/// Task queues bound in `_kombu.binding.*` (Celery's pidbox, event and reply
/// bindings skipped), sorted. Costs a SCAN of the broker's keyspace, so
/// cheap checks run every minute should not call it.
pub async fn discover_queues(redis: &Redis, layout: &BrokerLayout) -> Result<Vec<String>> {
    let prefix = layout.key(b"_kombu.binding.");
    let mut pattern = glob_escape(&prefix);
    pattern.push(b'*');
    // A large COUNT: few round trips over a big shared DB, each call still
    // short (the server only checks names against the pattern).
    let mut rx = redis.scan(ScanSpec {
        pattern,
        count: 20_000,
        key_type: Some("set".into()),
    });
    let mut exchanges = BTreeSet::new();
    while let Some(msg) = rx.recv().await {
        let (_, keys) = msg?;
        for k in keys {
            if let Some(ex) = k.strip_prefix(prefix.as_slice()) {
                let ex = String::from_utf8_lossy(ex).into_owned();
                if !is_internal_exchange(&ex) {
                    exchanges.insert(ex);
                }
            }
        }
    }
    let exchanges: Vec<String> = exchanges.into_iter().collect();
    let mut table = HashMap::new();
    bindings(redis, layout, &exchanges, &mut table).await?;
    let found: BTreeSet<String> = table
        .into_values()
        .flatten()
        .map(|b| b.queue)
        .filter(|q| !is_internal_queue(q))
        .collect();
    Ok(found.into_iter().collect())
}

// --------------------------------------------------------------------- stats

/// Ready messages in one priority list of a queue.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct PriorityDepth {
    /// The priority step (messages of priority >= step and < the next step).
    pub priority: u8,
    /// The list's key, escaped (`default\x06\x163`).
    pub key: String,
    pub ready: u64,
}

/// One queue: ready (waiting) and unacked (delivered, not yet acked) messages.
#[derive(Debug, Clone, Serialize)]
pub struct QueueStats {
    pub queue: String,
    /// Sum of LLEN over every priority list (0 when empty, never absent).
    pub ready: u64,
    /// Per priority step, in step order.
    pub priorities: Vec<PriorityDepth>,
    /// Messages of this queue in the `unacked` hash.
    pub unacked: u64,
    /// Of those, delivered longer ago than the visibility timeout (kombu
    /// will redeliver them).
    pub overdue: u64,
    /// Seconds since the oldest unacked message was delivered.
    pub oldest_unacked_age: Option<f64>,
}

/// A snapshot of the broker.
#[derive(Debug, Clone, Serialize)]
pub struct BrokerStats {
    /// Unix time of the snapshot (ldp's clock).
    pub at: f64,
    /// Seconds; what "overdue" was judged against.
    pub visibility_timeout: f64,
    /// The layout's queues, in its order.
    pub queues: Vec<QueueStats>,
    /// Every unacked message (all queues): the size of the `unacked` hash.
    pub unacked: u64,
    /// `ZCOUNT unacked_index 0 (now - visibility)`: every queue.
    pub overdue: u64,
    /// Unacked messages of queues not in the layout, or not decodable.
    pub unacked_elsewhere: u64,
    /// Keys of an unexpected type, values that did not decode.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl BrokerStats {
    pub fn ready(&self) -> u64 {
        self.queues.iter().map(|q| q.ready).sum()
    }
}

/// What `monitor health` needs, at a constant cost whatever the backlog:
/// every queue's depth (LLEN of its priority lists), the number of unacked
/// messages (HLEN) and of overdue ones (ZCOUNT), in one pipeline. Unlike
/// [`queue_stats`] it never reads the unacked messages themselves.
#[derive(Debug, Clone)]
pub struct Backlog {
    pub queues: Vec<(String, u64)>,
    pub unacked: u64,
    pub overdue: u64,
}

pub async fn backlog(
    redis: &Redis,
    layout: &BrokerLayout,
    visibility: Duration,
) -> Result<Backlog> {
    let cutoff = unix_now() - visibility.as_secs_f64();
    let mut cmds: Vec<(Vec<u8>, Cmd)> = Vec::new();
    for q in &layout.queues {
        for &step in &layout.steps {
            let k = layout.priority_key(q, step);
            let c = redis::cmd("LLEN").arg(&k).to_owned();
            cmds.push((k, c));
        }
    }
    let unacked_key = layout.key(b"unacked");
    let index_key = layout.key(b"unacked_index");
    cmds.push((
        unacked_key.clone(),
        redis::cmd("HLEN").arg(&unacked_key).to_owned(),
    ));
    cmds.push((
        index_key.clone(),
        redis::cmd("ZCOUNT")
            .arg(&index_key)
            .arg(0)
            .arg(format!("({cutoff}"))
            .to_owned(),
    ));
    let replies = redis.read_keyed(&cmds).await?;
    let int = |v: Option<&Value>| -> u64 {
        match v {
            Some(Value::Int(n)) => (*n).max(0) as u64,
            _ => 0,
        }
    };
    let per = layout.steps.len();
    let queues = layout
        .queues
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let ready = (0..per).map(|j| int(replies.get(i * per + j))).sum();
            (q.clone(), ready)
        })
        .collect();
    let base = layout.queues.len() * per;
    Ok(Backlog {
        queues,
        unacked: int(replies.get(base)),
        overdue: int(replies.get(base + 1)),
    })
}

/// Depths, unacked and overdue messages of every queue of the layout.
///
/// The depths (LLEN of every priority list of every queue), the queues'
/// bindings, the `unacked` hash and its index all go in ONE pipeline per
/// node: one round trip for a standalone broker. A second, small one runs
/// only when an unacked message names an exchange that is not a queue's own.
pub async fn queue_stats(
    redis: &Redis,
    layout: &BrokerLayout,
    visibility: Duration,
) -> Result<BrokerStats> {
    let now = unix_now();
    let cutoff = now - visibility.as_secs_f64();
    let unacked_key = layout.key(b"unacked");
    let index_key = layout.key(b"unacked_index");
    let cmds = snapshot_commands(layout, &unacked_key, &index_key, cutoff);
    let replies = redis.read_keyed(&cmds).await?;
    let bind_at = layout.queues.len() * layout.steps.len();
    let tail_at = bind_at + layout.queues.len();

    let mut warnings = Vec::new();
    let mut queues = depths(layout, &cmds, &replies, &mut warnings);
    let mut table = binding_table(layout, &replies[bind_at..tail_at]);

    let hash = &replies[tail_at];
    let index = &replies[tail_at + 1];
    warnings.extend(type_warning(&unacked_key, hash));
    warnings.extend(type_warning(&index_key, index));
    let scores: HashMap<Vec<u8>, f64> = pairs(index)
        .into_iter()
        .filter_map(|(m, s)| Some((m, as_f64(&s)?)))
        .collect();
    let overdue = match &replies[tail_at + 2] {
        Value::Int(n) => (*n).max(0) as u64,
        _ => 0,
    };

    let delivered: Vec<(Vec<u8>, Option<Route>)> = pairs(hash)
        .into_iter()
        .map(|(tag, raw)| (tag, route_of(&raw)))
        .collect();
    let undecodable = delivered.iter().filter(|d| d.1.is_none()).count();
    if undecodable > 0 {
        warnings.push(format!(
            "{undecodable} unacked message(s) did not decode as [envelope, exchange, routing_key]"
        ));
    }
    let missing = unbound_exchanges(&delivered, &table);
    bindings(redis, layout, &missing, &mut table).await?;
    let when = Delivered {
        scores: &scores,
        now,
        cutoff,
    };
    let elsewhere = assign_unacked(layout, &mut queues, &delivered, &table, &when);

    Ok(BrokerStats {
        at: now,
        visibility_timeout: visibility.as_secs_f64(),
        queues,
        unacked: delivered.len() as u64,
        overdue,
        unacked_elsewhere: elsewhere,
        warnings,
    })
}

/// The one pipeline of [`queue_stats`]: LLEN of every priority list of every
/// queue (queue by queue, steps in order), SMEMBERS of every queue's
/// bindings, then HGETALL unacked, ZRANGE unacked_index WITHSCORES and the
/// ZCOUNT of entries older than `cutoff`.
fn snapshot_commands(
    layout: &BrokerLayout,
    unacked_key: &[u8],
    index_key: &[u8],
    cutoff: f64,
) -> Vec<(Vec<u8>, Cmd)> {
    let mut cmds: Vec<(Vec<u8>, Cmd)> = Vec::new();
    for q in &layout.queues {
        for &step in &layout.steps {
            let k = layout.priority_key(q, step);
            let c = redis::cmd("LLEN").arg(&k).to_owned();
            cmds.push((k, c));
        }
    }
    for q in &layout.queues {
        let k = binding_key(layout, q);
        let c = redis::cmd("SMEMBERS").arg(&k).to_owned();
        cmds.push((k, c));
    }
    cmds.push((
        unacked_key.to_vec(),
        redis::cmd("HGETALL").arg(unacked_key).to_owned(),
    ));
    cmds.push((
        index_key.to_vec(),
        redis::cmd("ZRANGE")
            .arg(index_key)
            .arg(0)
            .arg(-1)
            .arg("WITHSCORES")
            .to_owned(),
    ));
    cmds.push((
        index_key.to_vec(),
        redis::cmd("ZCOUNT")
            .arg(index_key)
            .arg(0)
            .arg(format!("({cutoff:.6}"))
            .to_owned(),
    ));
    cmds
}

/// A key of the wrong type answers with an error: say which key and why.
fn type_warning(key: &[u8], v: &Value) -> Option<String> {
    match v {
        Value::ServerError(e) => Some(format!(
            "{}: {}",
            bytes::escape(key),
            e.details().unwrap_or("error")
        )),
        _ => None,
    }
}

/// Every queue's ready messages per priority list, from the LLEN replies at
/// the head of the pipeline; unacked figures still zero.
fn depths(
    layout: &BrokerLayout,
    cmds: &[(Vec<u8>, Cmd)],
    replies: &[Value],
    warnings: &mut Vec<String>,
) -> Vec<QueueStats> {
    let mut queues = Vec::with_capacity(layout.queues.len());
    let mut i = 0;
    for q in &layout.queues {
        let mut priorities = Vec::with_capacity(layout.steps.len());
        for &step in &layout.steps {
            let (key, _) = &cmds[i];
            let ready = match &replies[i] {
                Value::Int(n) => (*n).max(0) as u64,
                other => {
                    warnings.extend(type_warning(key, other));
                    0
                }
            };
            priorities.push(PriorityDepth {
                priority: step,
                key: bytes::escape(key),
                ready,
            });
            i += 1;
        }
        queues.push(QueueStats {
            queue: q.clone(),
            ready: priorities.iter().map(|p| p.ready).sum(),
            priorities,
            unacked: 0,
            overdue: 0,
            oldest_unacked_age: None,
        });
    }
    queues
}

/// The routing table from the SMEMBERS replies, one per queue of the layout.
fn binding_table(layout: &BrokerLayout, replies: &[Value]) -> HashMap<String, Vec<Binding>> {
    layout
        .queues
        .iter()
        .zip(replies)
        .map(|(q, r)| {
            let rows = members(r)
                .iter()
                .filter_map(|m| parse_binding(m, &layout.sep))
                .collect();
            (q.clone(), rows)
        })
        .collect()
}

/// An unacked message's exchange and routing key: kombu stores
/// `[envelope, exchange, routing_key]`; older ones only in the envelope's
/// `properties.delivery_info`.
fn route_of(raw: &Value) -> Option<Route> {
    let b = blob(raw)?;
    let j: Json = serde_json::from_slice(&b).ok()?;
    let a = j.as_array()?;
    let ex = a.get(1).and_then(Json::as_str);
    let rk = a.get(2).and_then(Json::as_str);
    match (ex, rk) {
        (Some(ex), Some(rk)) => Some((ex.to_string(), rk.to_string())),
        _ => {
            let di = a.first()?.get("properties")?.get("delivery_info")?;
            Some((
                di.get("exchange")?.as_str()?.to_string(),
                di.get("routing_key")?.as_str()?.to_string(),
            ))
        }
    }
}

/// Exchanges named by unacked messages whose bindings are not read yet
/// (sorted, once each; the default and kombu's internal ones left out).
fn unbound_exchanges(
    delivered: &[(Vec<u8>, Option<Route>)],
    table: &HashMap<String, Vec<Binding>>,
) -> Vec<String> {
    let mut missing: Vec<String> = delivered
        .iter()
        .filter_map(|(_, r)| r.as_ref())
        .map(|(ex, _)| ex.clone())
        .filter(|ex| !ex.is_empty() && !table.contains_key(ex) && !is_internal_exchange(ex))
        .collect();
    missing.sort();
    missing.dedup();
    missing
}

/// When unacked messages were delivered (`unacked_index` scores), now, and
/// the delivery time before which they are overdue.
struct Delivered<'a> {
    scores: &'a HashMap<Vec<u8>, f64>,
    now: f64,
    cutoff: f64,
}

/// Count each unacked message against the queue it was routed to (overdue
/// ones and the oldest age too); returns how many belong to no queue of the
/// layout or did not decode.
fn assign_unacked(
    layout: &BrokerLayout,
    queues: &mut [QueueStats],
    delivered: &[(Vec<u8>, Option<Route>)],
    table: &HashMap<String, Vec<Binding>>,
    when: &Delivered,
) -> u64 {
    let slot: HashMap<&str, usize> = layout
        .queues
        .iter()
        .enumerate()
        .map(|(i, q)| (q.as_str(), i))
        .collect();
    let mut elsewhere = 0;
    for (tag, r) in delivered {
        let Some((ex, rk)) = r else {
            elsewhere += 1;
            continue;
        };
        let queue = route(ex, rk, table);
        let Some(&qi) = slot.get(queue.as_str()) else {
            elsewhere += 1;
            continue;
        };
        let qs = &mut queues[qi];
        qs.unacked += 1;
        if let Some(&score) = when.scores.get(tag) {
            if score < when.cutoff {
                qs.overdue += 1;
            }
            let age = (when.now - score).max(0.0);
            qs.oldest_unacked_age = Some(qs.oldest_unacked_age.map_or(age, |a: f64| a.max(age)));
        }
    }
    elsewhere
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::broker::layout::KOMBU_SEP;

    #[test]
    fn bindings_and_routing() {
        let b = parse_binding(b"ocr\x06\x16\x06\x16ocr", KOMBU_SEP).unwrap();
        assert_eq!((b.routing_key.as_str(), b.queue.as_str()), ("ocr", "ocr"));
        let b = parse_binding(b"text::text", b":").unwrap();
        assert_eq!(b.queue, "text");
        assert!(parse_binding(b"nosep", KOMBU_SEP).is_none());
        assert!(is_internal_exchange("celery.pidbox"));
        assert!(is_internal_exchange("reply.celery.pidbox"));
        assert!(is_internal_exchange("celeryev"));
        assert!(is_internal_queue("celery@host.celery.pidbox"));
        assert!(!is_internal_queue("batch.high"));
        assert!(topic_match("docs.*", "docs.ocr"));
        assert!(topic_match("docs.#", "docs"));
        assert!(topic_match("#.high", "batch.x.high"));
        assert!(!topic_match("docs.*", "docs.a.b"));
        let mut table = HashMap::new();
        table.insert(
            "tasks".to_string(),
            vec![
                Binding {
                    routing_key: "ocr.run".into(),
                    queue: "ocr".into(),
                },
                Binding {
                    routing_key: "graph.#".into(),
                    queue: "graph".into(),
                },
            ],
        );
        assert_eq!(route("", "text", &table), "text");
        assert_eq!(route("tasks", "ocr.run", &table), "ocr");
        assert_eq!(route("tasks", "graph.build.all", &table), "graph");
        assert_eq!(route("tasks", "default", &table), "default");
        assert_eq!(route("default", "default", &table), "default");
    }

    #[test]
    fn replies_in_both_protocols() {
        let resp2 = Value::Array(vec![
            Value::BulkString(b"tag".to_vec()),
            Value::BulkString(b"12.5".to_vec()),
        ]);
        let resp3 = Value::Array(vec![Value::Array(vec![
            Value::BulkString(b"tag".to_vec()),
            Value::Double(12.5),
        ])]);
        for v in [resp2, resp3] {
            let p = pairs(&v);
            assert_eq!(p.len(), 1);
            assert_eq!(p[0].0, b"tag".to_vec());
            assert_eq!(as_f64(&p[0].1), Some(12.5));
        }
        let map = Value::Map(vec![(
            Value::BulkString(b"f".to_vec()),
            Value::BulkString(b"v".to_vec()),
        )]);
        assert_eq!(pairs(&map).len(), 1);
    }
}
