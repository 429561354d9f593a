//! `ldp monitor health`: cheap checks (INFO, PING, queue depths) with
//! thresholds, each OK/WARNING/CRITICAL/UNKNOWN; table, JSON, Nagios plugin
//! and Prometheus text output; the exit code is the overall status.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use redis::Value;
use serde::Serialize;

use crate::commands::Ctx;
use crate::exit::Exit;
pub use crate::exit::Status;
use crate::keyspace::Role;
use crate::output::OutputFormat;
use crate::output::{self, Output, Report};
use crate::redis::info::{Info, info, num, parse_info};
use crate::redis::{Node, Redis, ScanSpec};

/// One performance datum (Nagios perfdata; Prometheus gauge).
#[derive(Debug, Clone, Serialize)]
pub struct Perf {
    pub label: String,
    pub value: f64,
    pub uom: &'static str,
    pub warn: Option<f64>,
    pub crit: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// Prometheus metric name (without labels) and whether it is a counter.
    #[serde(skip)]
    pub metric: &'static str,
    #[serde(skip)]
    pub counter: bool,
    #[serde(skip)]
    pub labels: Vec<(&'static str, String)>,
}

impl Perf {
    fn gauge(metric: &'static str, label: String, value: f64, uom: &'static str) -> Perf {
        Perf {
            label,
            value,
            uom,
            warn: None,
            crit: None,
            min: None,
            max: None,
            metric,
            counter: false,
            labels: Vec::new(),
        }
    }
    fn thresholds(mut self, warn: Option<f64>, crit: Option<f64>) -> Perf {
        self.warn = warn;
        self.crit = crit;
        self
    }
    fn range(mut self, min: Option<f64>, max: Option<f64>) -> Perf {
        self.min = min;
        self.max = max;
        self
    }
    fn labelled(mut self, k: &'static str, v: &str) -> Perf {
        self.labels.push((k, v.to_string()));
        self
    }
    fn counter(mut self) -> Perf {
        self.counter = true;
        self
    }
}

/// One check's verdict.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub name: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
    /// The Celery queue a `queues` check is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue: Option<String>,
    pub status: Status,
    pub value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold: Option<String>,
    /// Why it is not OK (or what it found).
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub perfdata: Vec<Perf>,
}

impl Check {
    fn new(
        name: &'static str,
        node: Option<&str>,
        status: Status,
        value: String,
        message: String,
    ) -> Check {
        Check {
            name,
            node: node.map(str::to_string),
            queue: None,
            status,
            value,
            threshold: None,
            message,
            perfdata: Vec::new(),
        }
    }
    fn about_queue(mut self, q: &str) -> Check {
        self.queue = Some(q.to_string());
        self
    }
    fn threshold(mut self, t: String) -> Check {
        self.threshold = Some(t);
        self
    }
    fn perf(mut self, p: Perf) -> Check {
        self.perfdata.push(p);
        self
    }
}

/// Every check name, for `--check` / `--skip`.
pub const CHECKS: [&str; 15] = [
    "reachable",
    "latency",
    "role",
    "memory",
    "evictions",
    "rejected_connections",
    "fragmentation",
    "clients",
    "blocked_clients",
    "persistence",
    "cluster",
    "queues",
    "unacked",
    "locks",
    "stuck",
];

/// Parsed thresholds and switches.
#[derive(Debug, Clone)]
pub struct HealthOptions {
    pub latency_warn: Duration,
    pub latency_crit: Duration,
    pub memory_warn: f64,
    pub memory_crit: f64,
    pub clients_warn: f64,
    pub clients_crit: f64,
    pub frag_warn: f64,
    pub frag_min_bytes: u64,
    pub queue_warn: u64,
    pub queue_crit: u64,
    pub visibility: Option<Duration>,
    pub interval: Option<Duration>,
    pub deep: bool,
    pub stuck_after: Duration,
    pub only: Vec<String>,
    pub skip: Vec<String>,
    pub output_file: Option<PathBuf>,
}

impl HealthOptions {
    fn wants(&self, name: &str) -> bool {
        (self.only.is_empty() || self.only.iter().any(|c| c == name))
            && !self.skip.iter().any(|c| c == name)
    }
}

/// PING round trip: the median of three.
async fn latency(node: &Node) -> Result<Duration> {
    let mut times = Vec::with_capacity(3);
    for _ in 0..3 {
        let t = Instant::now();
        let _: String = node
            .read(&redis::cmd("PING"))
            .await
            .with_context(|| format!("PING on {}", node.label))?;
        times.push(t.elapsed());
    }
    times.sort();
    Ok(times[1])
}

fn by_threshold(v: f64, warn: f64, crit: f64) -> Status {
    if v >= crit {
        Status::Critical
    } else if v >= warn {
        Status::Warning
    } else {
        Status::Ok
    }
}

/// The per-node checks from one INFO sample (and a second one for rates).
fn node_checks(
    o: &HealthOptions,
    node: &str,
    lat: Duration,
    i1: &Info,
    i2: Option<&Info>,
    out: &mut Vec<Check>,
) {
    let n = Some(node);
    let ms = lat.as_secs_f64() * 1000.0;
    let (lw, lc) = (
        o.latency_warn.as_secs_f64() * 1000.0,
        o.latency_crit.as_secs_f64() * 1000.0,
    );
    let st = by_threshold(ms, lw, lc);
    out.push(
        Check::new(
            "latency",
            n,
            st,
            format!("{ms:.2} ms"),
            if st == Status::Ok {
                "PING round trip".into()
            } else {
                format!("PING takes {ms:.1} ms")
            },
        )
        .threshold(format!("warn {lw} ms, crit {lc} ms"))
        .perf(
            Perf::gauge(
                "ldp_redis_ping_latency_seconds",
                "latency_ms".into(),
                ms,
                "ms",
            )
            .thresholds(Some(lw), Some(lc))
            .range(Some(0.0), None)
            .labelled("node", node),
        ),
    );

    // Role and replication link.
    let role = i1.get("role").cloned().unwrap_or_else(|| "unknown".into());
    let (st, msg) = match role.as_str() {
        "master" => (
            Status::Ok,
            format!(
                "primary, {} replica(s)",
                i1.get("connected_slaves").map_or("0", |s| s)
            ),
        ),
        "slave" => match i1.get("master_link_status").map(String::as_str) {
            Some("up") => (Status::Ok, "replica, link to its primary is up".to_string()),
            other => (
                Status::Critical,
                format!(
                    "replica whose link to its primary {}:{} is {} (down for {} s)",
                    i1.get("master_host").map_or("?", |s| s),
                    i1.get("master_port").map_or("?", |s| s),
                    other.unwrap_or("unknown"),
                    i1.get("master_link_down_since_seconds").map_or("?", |s| s)
                ),
            ),
        },
        _ => (Status::Unknown, "role not reported".to_string()),
    };
    out.push(Check::new("role", n, st, role, msg));

    // Memory against maxmemory, with the eviction policy.
    let used = num(i1, "used_memory").unwrap_or(0.0);
    let max = num(i1, "maxmemory").unwrap_or(0.0);
    let policy = i1.get("maxmemory_policy").cloned().unwrap_or_default();
    let mut p = Perf::gauge(
        "ldp_redis_memory_used_bytes",
        "memory_used".into(),
        used,
        "B",
    )
    .range(Some(0.0), (max > 0.0).then_some(max))
    .labelled("node", node);
    if max > 0.0 {
        let pct = used * 100.0 / max;
        let st = by_threshold(pct, o.memory_warn, o.memory_crit);
        p = p.thresholds(
            Some(max * o.memory_warn / 100.0),
            Some(max * o.memory_crit / 100.0),
        );
        let why = if policy == "noeviction" {
            "writes fail when full (noeviction)"
        } else {
            "keys are evicted when full"
        };
        out.push(
            Check::new(
                "memory",
                n,
                st,
                format!("{pct:.1}%"),
                format!(
                    "{} of {} maxmemory used, policy {policy}{}",
                    output::human_bytes(used as u64),
                    output::human_bytes(max as u64),
                    if st == Status::Ok {
                        String::new()
                    } else {
                        format!(": {why}")
                    }
                ),
            )
            .threshold(format!("warn {}%, crit {}%", o.memory_warn, o.memory_crit))
            .perf(p)
            .perf(
                Perf::gauge(
                    "ldp_redis_memory_used_ratio",
                    "memory_used_pct".into(),
                    pct,
                    "%",
                )
                .thresholds(Some(o.memory_warn), Some(o.memory_crit))
                .range(Some(0.0), Some(100.0))
                .labelled("node", node),
            ),
        );
    } else {
        out.push(
            Check::new(
                "memory",
                n,
                Status::Ok,
                output::human_bytes(used as u64),
                format!("no maxmemory set (policy {policy})"),
            )
            .perf(p),
        );
    }

    // Evictions and rejected connections: a rate needs two samples.
    for (name, key, metric) in [
        ("evictions", "evicted_keys", "ldp_redis_evicted_keys_total"),
        (
            "rejected_connections",
            "rejected_connections",
            "ldp_redis_rejected_connections_total",
        ),
    ] {
        let total = num(i1, key).unwrap_or(0.0);
        let perf = Perf::gauge(metric, key.into(), total, "c")
            .counter()
            .labelled("node", node);
        match (i2, o.interval) {
            (Some(i2), Some(iv)) => {
                let later = num(i2, key).unwrap_or(total);
                let delta = (later - total).max(0.0);
                let st = if delta > 0.0 {
                    Status::Warning
                } else {
                    Status::Ok
                };
                out.push(
                    Check::new(
                        name,
                        n,
                        st,
                        format!("{delta} in {}", humantime::format_duration(iv)),
                        if st == Status::Ok {
                            format!(
                                "none in the last {} ({total} since start)",
                                humantime::format_duration(iv)
                            )
                        } else {
                            format!(
                                "{delta} {key} in the last {}",
                                humantime::format_duration(iv)
                            )
                        },
                    )
                    .threshold("warn > 0 per interval".into())
                    .perf(Perf {
                        value: later,
                        ..perf
                    }),
                );
            }
            _ => out.push(
                Check::new(
                    name,
                    n,
                    Status::Ok,
                    format!("{total}"),
                    "since start (--interval judges the rate)".into(),
                )
                .perf(perf),
            ),
        }
    }

    // Fragmentation: only when the wasted bytes are large (MEMORY DOCTOR's rule).
    let ratio = num(i1, "mem_fragmentation_ratio").unwrap_or(1.0);
    let rss = num(i1, "used_memory_rss").unwrap_or(0.0);
    let wasted = (rss - used).max(0.0);
    let st = if ratio >= o.frag_warn && wasted >= o.frag_min_bytes as f64 {
        Status::Warning
    } else {
        Status::Ok
    };
    out.push(
        Check::new(
            "fragmentation",
            n,
            st,
            format!("{ratio:.2}"),
            if st == Status::Ok {
                format!(
                    "{} wasted: not a concern",
                    output::human_bytes(wasted as u64)
                )
            } else {
                format!(
                    "RSS is {ratio:.2}x the used memory, {} wasted: consider activedefrag",
                    output::human_bytes(wasted as u64)
                )
            },
        )
        .threshold(format!(
            "warn ratio >= {} with >= {} wasted",
            o.frag_warn,
            output::human_bytes(o.frag_min_bytes)
        ))
        .perf(
            Perf::gauge(
                "ldp_redis_mem_fragmentation_ratio",
                "fragmentation".into(),
                ratio,
                "",
            )
            .labelled("node", node),
        ),
    );

    // Clients against maxclients.
    let clients = num(i1, "connected_clients").unwrap_or(0.0);
    let maxc = num(i1, "maxclients").unwrap_or(0.0);
    let perf = Perf::gauge("ldp_redis_connected_clients", "clients".into(), clients, "")
        .range(Some(0.0), (maxc > 0.0).then_some(maxc))
        .labelled("node", node);
    if maxc > 0.0 {
        let pct = clients * 100.0 / maxc;
        let st = by_threshold(pct, o.clients_warn, o.clients_crit);
        out.push(
            Check::new(
                "clients",
                n,
                st,
                format!("{clients}/{maxc}"),
                format!("{pct:.1}% of maxclients"),
            )
            .threshold(format!(
                "warn {}%, crit {}%",
                o.clients_warn, o.clients_crit
            ))
            .perf(perf.thresholds(
                Some(maxc * o.clients_warn / 100.0),
                Some(maxc * o.clients_crit / 100.0),
            )),
        );
    } else {
        out.push(
            Check::new(
                "clients",
                n,
                Status::Ok,
                format!("{clients}"),
                "maxclients not reported".into(),
            )
            .perf(perf),
        );
    }

    // Blocked clients: Celery workers wait in BRPOP, so this is information, not alarm.
    let blocked = num(i1, "blocked_clients").unwrap_or(0.0);
    out.push(
        Check::new(
            "blocked_clients",
            n,
            Status::Ok,
            format!("{blocked}"),
            "in BRPOP etc. (idle workers wait there)".into(),
        )
        .perf(
            Perf::gauge(
                "ldp_redis_blocked_clients",
                "blocked_clients".into(),
                blocked,
                "",
            )
            .labelled("node", node),
        ),
    );

    // Persistence errors.
    let mut bad = Vec::new();
    let mut st = Status::Ok;
    for (k, sev) in [
        ("rdb_last_bgsave_status", Status::Critical),
        ("aof_last_write_status", Status::Critical),
        ("aof_last_bgrewrite_status", Status::Warning),
    ] {
        if i1.get(k).is_some_and(|v| v != "ok") {
            bad.push(k);
            st = st.worst(sev);
        }
    }
    out.push(Check::new(
        "persistence",
        n,
        st,
        if bad.is_empty() {
            "ok".into()
        } else {
            "err".into()
        },
        if bad.is_empty() {
            format!(
                "RDB/AOF fine (aof {})",
                if i1.get("aof_enabled").is_some_and(|v| v == "1") {
                    "on"
                } else {
                    "off"
                }
            )
        } else {
            format!(
                "{} reported err: writes may be refused or lost",
                bad.join(", ")
            )
        },
    ));
}

/// `cluster_state`, slot coverage and the nodes a tolerant connect missed.
async fn cluster_check(redis: &Redis) -> Vec<Check> {
    let mut out = Vec::new();
    for (addr, reason) in redis.down() {
        out.push(Check::new(
            "reachable",
            Some(addr),
            Status::Critical,
            "down".into(),
            format!("cluster primary {addr} is unreachable: {reason}"),
        ));
    }
    let mut state = None;
    for n in redis.nodes() {
        if let Ok(text) = n.read::<String>(redis::cmd("CLUSTER").arg("INFO")).await {
            state = Some(parse_info(&text));
            break;
        }
    }
    let Some(ci) = state else {
        out.push(Check::new(
            "cluster",
            None,
            Status::Unknown,
            "?".into(),
            "CLUSTER INFO failed on every node".into(),
        ));
        return out;
    };
    let cs = ci.get("cluster_state").cloned().unwrap_or_default();
    let ok = num(&ci, "cluster_slots_ok").unwrap_or(0.0);
    let pfail = num(&ci, "cluster_slots_pfail").unwrap_or(0.0);
    let fail = num(&ci, "cluster_slots_fail").unwrap_or(0.0);
    let assigned = num(&ci, "cluster_slots_assigned").unwrap_or(0.0);
    let mut st = Status::Ok;
    let mut why = Vec::new();
    if cs != "ok" {
        st = Status::Critical;
        why.push(format!("cluster_state is {cs}"));
    }
    if assigned < 16384.0 || fail > 0.0 {
        st = Status::Critical;
        why.push(format!(
            "{} slots unassigned, {fail} failing",
            16384.0 - assigned
        ));
    } else if pfail > 0.0 {
        st = st.worst(Status::Warning);
        why.push(format!("{pfail} slots possibly failing"));
    }
    if !redis.down().is_empty() {
        st = Status::Critical;
        why.push(format!(
            "{} primary node(s) unreachable",
            redis.down().len()
        ));
    }
    out.push(
        Check::new(
            "cluster",
            None,
            st,
            cs.clone(),
            if why.is_empty() {
                format!(
                    "state ok, {ok} of 16384 slots ok, {} primaries",
                    redis.nodes().len()
                )
            } else {
                why.join("; ")
            },
        )
        .perf(
            Perf::gauge(
                "ldp_redis_cluster_slots_ok",
                "cluster_slots_ok".into(),
                ok,
                "",
            )
            .range(Some(0.0), Some(16384.0)),
        ),
    );
    out
}

/// Celery backlog per queue and unacked messages past the visibility
/// timeout: one pipelined round trip to the broker, no scan.
async fn broker_checks(ctx: &Ctx, redis: &Redis, o: &HealthOptions) -> Vec<Check> {
    let layout = &ctx.settings.broker_layout;
    let separate = ctx.settings.broker.urls != ctx.settings.redis.urls;
    let broker = if separate {
        match Redis::connect(&ctx.settings.broker).await {
            Ok(b) => b,
            Err(e) => {
                return vec![Check::new(
                    "queues",
                    None,
                    Status::Critical,
                    "down".into(),
                    format!("the Celery broker: {}", crate::error::one_line(&e)),
                )];
            }
        }
    } else {
        redis.clone()
    };
    if broker.is_cluster() {
        // kombu has no cluster transport: the broker is elsewhere.
        return vec![Check::new(
            "queues",
            None,
            Status::Ok,
            "n/a".into(),
            "the caches are a cluster; give --broker-url to check the Celery queues".into(),
        )];
    }
    let vt = o.visibility.unwrap_or(layout.visibility_timeout);
    let stats = match crate::broker::queues::backlog(&broker, layout, vt).await {
        Ok(s) => s,
        Err(e) => {
            return vec![Check::new(
                "queues",
                None,
                Status::Unknown,
                "?".into(),
                crate::error::one_line(&e),
            )];
        }
    };
    let mut out = Vec::new();
    for (queue, ready) in &stats.queues {
        let st = by_threshold(*ready as f64, o.queue_warn as f64, o.queue_crit as f64);
        out.push(
            Check::new(
                "queues",
                None,
                st,
                ready.to_string(),
                if st == Status::Ok {
                    format!("{ready} ready")
                } else {
                    format!("{ready} messages waiting: the workers are not keeping up")
                },
            )
            .about_queue(queue)
            .threshold(format!("warn {}, crit {}", o.queue_warn, o.queue_crit))
            .perf(
                Perf::gauge(
                    "ldp_celery_queue_ready",
                    format!("queue_{}", queue),
                    *ready as f64,
                    "",
                )
                .thresholds(Some(o.queue_warn as f64), Some(o.queue_crit as f64))
                .range(Some(0.0), None)
                .labelled("queue", queue),
            ),
        );
    }
    let st = if stats.overdue > 0 {
        Status::Warning
    } else {
        Status::Ok
    };
    out.push(
        Check::new(
            "unacked",
            None,
            st,
            format!("{} ({} overdue)", stats.unacked, stats.overdue),
            if st == Status::Ok {
                format!("{} delivered, not yet acked; none past the visibility timeout", stats.unacked)
            } else {
                format!(
                    "{} unacked message(s) older than the {} visibility timeout: a worker died or hangs; kombu will redeliver them",
                    stats.overdue,
                    humantime::format_duration(vt)
                )
            },
        )
        .threshold("warn > 0 overdue".into())
        .perf(Perf::gauge("ldp_celery_unacked", "unacked".into(), stats.unacked as f64, ""))
        .perf(Perf::gauge("ldp_celery_unacked_overdue", "unacked_overdue".into(), stats.overdue as f64, "")),
    );
    out
}

/// Locks without TTL (they never expire): a scan, so only with --deep.
async fn locks_check(redis: &Redis, ctx: &Ctx) -> Result<Check> {
    let reg = ctx.registry()?;
    let mut patterns: Vec<Vec<u8>> = Vec::new();
    for f in reg.with_role(Role::Lock) {
        for t in f.compiled() {
            patterns.push(t.glob(None));
        }
    }
    let mut forever = Vec::new();
    for p in patterns {
        let mut rx = redis.scan(ScanSpec {
            pattern: p,
            count: 5000,
            key_type: None,
        });
        while let Some(msg) = rx.recv().await {
            let (_, keys) = msg?;
            let ttls = redis
                .per_key(&keys, 1, true, |p, k| {
                    p.cmd("PTTL").arg(k);
                })
                .await?;
            for (k, r) in keys.into_iter().zip(ttls) {
                if matches!(r.first(), Some(Value::Int(-1))) {
                    forever.push(crate::bytes::escape(&k));
                }
            }
        }
    }
    forever.sort();
    forever.dedup();
    let n = forever.len();
    Ok(Check::new(
        "locks",
        None,
        if n == 0 { Status::Ok } else { Status::Warning },
        n.to_string(),
        if n == 0 {
            "every lock has a TTL".into()
        } else {
            format!(
                "{n} lock(s) without TTL never expire: {}{}",
                forever
                    .iter()
                    .take(3)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", "),
                if n > 3 { ", ..." } else { "" }
            )
        },
    )
    .perf(Perf::gauge(
        "ldp_locks_without_ttl",
        "locks_without_ttl".into(),
        n as f64,
        "",
    )))
}

/// Documents in flight for longer than --stuck-after (state's last update,
/// naive UTC timestamps): a scan, so only with --deep.
async fn stuck_check(redis: &Redis, ctx: &Ctx, after: Duration) -> Result<Check> {
    let reg = ctx.registry()?;
    let mut stuck = Vec::new();
    let mut in_flight = 0usize;
    let now = std::time::SystemTime::now();
    for f in reg.families.iter().filter(|f| f.status_path.is_some()) {
        let Some(path) = &f.status_path else { continue };
        for t in f.compiled() {
            let mut rx = redis.scan(ScanSpec {
                pattern: t.glob(None),
                count: 5000,
                key_type: None,
            });
            while let Some(msg) = rx.recv().await {
                let (_, keys) = msg?;
                let values = crate::pipeline::stored::read_json(redis, &keys).await?;
                for (k, v) in keys.iter().zip(values) {
                    let Some(v) = v else { continue };
                    let status = crate::pipeline::stored::json_path(&v, path)
                        .and_then(|s| s.as_str().map(str::to_string));
                    if !matches!(status.as_deref(), Some("starting" | "processing")) {
                        continue;
                    }
                    in_flight += 1;
                    let ts = crate::pipeline::stored::json_path(&v, "last_update.timestamp")
                        .or_else(|| {
                            let parent = path.rsplit_once('.').map_or("", |(p, _)| p);
                            crate::pipeline::stored::json_path(&v, &format!("{parent}.timestamp"))
                        })
                        .and_then(|t| t.as_str().and_then(parse_naive_utc));
                    if let Some(ts) = ts
                        && now.duration_since(ts).unwrap_or_default() > after
                    {
                        stuck.push(crate::bytes::escape(k));
                    }
                }
            }
        }
    }
    let n = stuck.len();
    Ok(Check::new(
        "stuck",
        None,
        if n == 0 { Status::Ok } else { Status::Warning },
        n.to_string(),
        if n == 0 {
            format!(
                "{in_flight} document(s) in flight, none for longer than {}",
                humantime::format_duration(after)
            )
        } else {
            format!(
                "{n} document(s) in flight for longer than {}: {}{}",
                humantime::format_duration(after),
                stuck.iter().take(3).cloned().collect::<Vec<_>>().join(", "),
                if n > 3 { ", ..." } else { "" }
            )
        },
    )
    .threshold(format!("warn after {}", humantime::format_duration(after)))
    .perf(Perf::gauge(
        "ldp_documents_stuck",
        "documents_stuck".into(),
        n as f64,
        "",
    )))
}

/// The pipeline's naive ISO-8601 timestamps are UTC (microseconds optional).
pub fn parse_naive_utc(s: &str) -> Option<std::time::SystemTime> {
    let t = s.trim().trim_end_matches('Z');
    let t = match t.find(['+']) {
        Some(i) => &t[..i],
        None => t,
    };
    humantime::parse_rfc3339_weak(&t.replace('T', " ")).ok()
}

/// The whole health report.
#[derive(Debug, Serialize)]
pub struct HealthReport {
    pub status: Status,
    pub target: String,
    pub checks: Vec<Check>,
    #[serde(skip)]
    pub elapsed: Duration,
}

impl HealthReport {
    fn summary(&self) -> String {
        let bad: Vec<String> = self
            .checks
            .iter()
            .filter(|c| c.status != Status::Ok)
            .map(|c| match &c.node {
                Some(n)
                    if self
                        .checks
                        .iter()
                        .any(|x| x.node.as_deref() != Some(n.as_str()) && x.node.is_some()) =>
                {
                    format!("{} on {n}: {}", c.name, c.message)
                }
                _ => format!("{}: {}", c.name, c.message),
            })
            .collect();
        if bad.is_empty() {
            format!("{} checks OK on {}", self.checks.len(), self.target)
        } else {
            bad.join("; ")
        }
    }

    /// The Nagios plugin format: `LDP STATUS - summary | perfdata`, then one line per check.
    pub fn nagios(&self) -> String {
        let mut s = format!(
            "LDP {} - {}",
            self.status.name(),
            self.summary().replace('|', "/")
        );
        let perf: Vec<String> = self
            .checks
            .iter()
            .flat_map(|c| c.perfdata.iter().map(move |p| (c, p)))
            .map(|(c, p)| {
                let label = match &c.node {
                    Some(n) if self.multi_node() => format!("{}@{n}", p.label),
                    _ => p.label.clone(),
                };
                let f = |x: Option<f64>| x.map(fmt_num).unwrap_or_default();
                let mut d = format!(
                    "'{}'={}{};{};{};{};{}",
                    label.replace('\'', ""),
                    fmt_num(p.value),
                    p.uom,
                    f(p.warn),
                    f(p.crit),
                    f(p.min),
                    f(p.max)
                );
                while d.ends_with(';') {
                    d.pop();
                }
                d
            })
            .collect();
        if !perf.is_empty() {
            s.push_str(" | ");
            s.push_str(&perf.join(" "));
        }
        s.push('\n');
        for c in &self.checks {
            let _ = writeln!(
                s,
                "[{}] {}{}: {} ({})",
                c.status.name(),
                c.name,
                c.node
                    .as_ref()
                    .or(c.queue.as_ref())
                    .map(|n| format!(" {n}"))
                    .unwrap_or_default(),
                c.value,
                c.message.replace('|', "/")
            );
        }
        s
    }

    fn multi_node(&self) -> bool {
        let mut nodes: Vec<&str> = self
            .checks
            .iter()
            .filter_map(|c| c.node.as_deref())
            .collect();
        nodes.sort();
        nodes.dedup();
        nodes.len() > 1
    }

    /// Prometheus text exposition: `ldp_` names, a `ldp_health_status` gauge.
    pub fn prometheus(&self) -> String {
        let mut s = String::new();
        s.push_str(
            "# HELP ldp_health_status Overall health: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.\n",
        );
        s.push_str("# TYPE ldp_health_status gauge\n");
        let _ = writeln!(s, "ldp_health_status {}", self.status.code());
        s.push_str("# HELP ldp_health_check_status Status of one check: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.\n");
        s.push_str("# TYPE ldp_health_check_status gauge\n");
        for c in &self.checks {
            let mut labels = vec![("check", c.name.to_string())];
            if let Some(n) = &c.node {
                labels.push(("node", n.clone()));
            }
            if let Some(q) = &c.queue {
                labels.push(("queue", q.clone()));
            }
            let _ = writeln!(
                s,
                "ldp_health_check_status{} {}",
                prom_labels(&labels),
                c.status.code()
            );
        }
        let mut by_metric: Vec<(&'static str, bool, Vec<&Perf>)> = Vec::new();
        for p in self.checks.iter().flat_map(|c| &c.perfdata) {
            match by_metric.iter_mut().find(|(m, _, _)| *m == p.metric) {
                Some((_, _, v)) => v.push(p),
                None => by_metric.push((p.metric, p.counter, vec![p])),
            }
        }
        for (metric, counter, perfs) in by_metric {
            let _ = writeln!(s, "# HELP {metric} {}", help_for(metric));
            let _ = writeln!(
                s,
                "# TYPE {metric} {}",
                if counter { "counter" } else { "gauge" }
            );
            for p in perfs {
                let labels: Vec<(&str, String)> =
                    p.labels.iter().map(|(k, v)| (*k, v.clone())).collect();
                let value = match metric {
                    "ldp_redis_ping_latency_seconds" => p.value / 1000.0,
                    "ldp_redis_memory_used_ratio" => p.value / 100.0,
                    _ => p.value,
                };
                let _ = writeln!(s, "{metric}{} {}", prom_labels(&labels), fmt_num(value));
            }
        }
        let _ = writeln!(
            s,
            "# HELP ldp_health_duration_seconds Time the health run took."
        );
        let _ = writeln!(s, "# TYPE ldp_health_duration_seconds gauge");
        let _ = writeln!(
            s,
            "ldp_health_duration_seconds {}",
            fmt_num(self.elapsed.as_secs_f64())
        );
        s
    }
}

fn help_for(metric: &str) -> &'static str {
    match metric {
        "ldp_redis_ping_latency_seconds" => "PING round trip (median of three).",
        "ldp_redis_memory_used_bytes" => "used_memory from INFO.",
        "ldp_redis_memory_used_ratio" => "used_memory / maxmemory.",
        "ldp_redis_evicted_keys_total" => "evicted_keys from INFO.",
        "ldp_redis_rejected_connections_total" => "rejected_connections from INFO.",
        "ldp_redis_mem_fragmentation_ratio" => "mem_fragmentation_ratio from INFO.",
        "ldp_redis_connected_clients" => "connected_clients from INFO.",
        "ldp_redis_blocked_clients" => "blocked_clients from INFO.",
        "ldp_redis_cluster_slots_ok" => "cluster_slots_ok from CLUSTER INFO.",
        "ldp_celery_queue_ready" => "Ready messages of a Celery queue (all priority lists).",
        "ldp_celery_unacked" => "Delivered, unacknowledged Celery messages.",
        "ldp_celery_unacked_overdue" => {
            "Unacked messages past the visibility timeout (to be redelivered)."
        }
        "ldp_locks_without_ttl" => "Locks that never expire.",
        "ldp_documents_stuck" => "Documents in flight for longer than --stuck-after.",
        _ => "ldp health figure.",
    }
}

fn prom_labels(labels: &[(&str, String)]) -> String {
    if labels.is_empty() {
        return String::new();
    }
    let inner: Vec<String> = labels
        .iter()
        .map(|(k, v)| {
            format!(
                "{k}=\"{}\"",
                v.replace('\\', "\\\\")
                    .replace('"', "\\\"")
                    .replace('\n', "\\n")
            )
        })
        .collect();
    format!("{{{}}}", inner.join(","))
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v:.6}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string()
    }
}

impl Report for HealthReport {
    fn json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }
    fn text(&self, out: &Output) -> String {
        let mut t = out.table(&["status", "check", "where", "value", "message"]);
        for c in &self.checks {
            let st = c.status.name();
            let st = if out.color {
                match c.status {
                    Status::Ok => console::style(st).green().to_string(),
                    Status::Warning => console::style(st).yellow().bold().to_string(),
                    Status::Critical => console::style(st).red().bold().to_string(),
                    Status::Unknown => console::style(st).magenta().to_string(),
                }
            } else {
                st.to_string()
            };
            t.add_row(vec![
                st,
                c.name.to_string(),
                c.node
                    .clone()
                    .or_else(|| c.queue.clone())
                    .unwrap_or_default(),
                c.value.clone(),
                c.message.clone(),
            ]);
        }
        format!("{t}\nLDP {} - {}\n", self.status.name(), self.summary())
    }
}

/// Run every selected check.
pub async fn run_checks(ctx: &Ctx, o: &HealthOptions) -> Result<HealthReport> {
    let started = Instant::now();
    let target = ctx
        .settings
        .redis
        .urls
        .first()
        .map(|u| crate::redact::redact(u))
        .unwrap_or_default();
    let redis = match Redis::connect_tolerant(&ctx.settings.redis).await {
        Ok(r) => r,
        // A bad URL or an unreadable --tls-ca is the caller's mistake: UNKNOWN (3).
        Err(e) if crate::error::exit_for(&e) == crate::error::Exit::Usage => return Err(e),
        Err(e) => {
            let msg = crate::error::one_line(&e);
            return Ok(HealthReport {
                status: Status::Critical,
                target,
                checks: vec![Check::new(
                    "reachable",
                    None,
                    Status::Critical,
                    "down".into(),
                    msg,
                )],
                elapsed: started.elapsed(),
            });
        }
    };
    let mut checks = Vec::new();
    // First samples of every node concurrently.
    let first = futures_util::future::join_all(redis.nodes().iter().map(|n| async move {
        let lat = latency(n).await;
        let inf = info(n).await;
        (lat, inf)
    }))
    .await;
    let second = match o.interval {
        Some(iv) => {
            tokio::time::sleep(iv).await;
            Some(futures_util::future::join_all(redis.nodes().iter().map(info)).await)
        }
        None => None,
    };
    for (i, (lat, inf)) in first.into_iter().enumerate() {
        let node = &redis.nodes()[i];
        let label = node.addr.clone();
        match (lat, inf) {
            (Ok(lat), Ok(i1)) => {
                checks.push(Check::new(
                    "reachable",
                    Some(&label),
                    Status::Ok,
                    "up".into(),
                    "answers".into(),
                ));
                let i2 = second.as_ref().and_then(|s| s[i].as_ref().ok());
                node_checks(o, &label, lat, &i1, i2, &mut checks);
            }
            (Err(e), _) | (_, Err(e)) => checks.push(Check::new(
                "reachable",
                Some(&label),
                Status::Critical,
                "down".into(),
                crate::error::one_line(&e),
            )),
        }
    }
    if redis.is_cluster() {
        checks.extend(cluster_check(&redis).await);
    }
    if o.wants("queues") || o.wants("unacked") {
        checks.extend(broker_checks(ctx, &redis, o).await);
    }
    if o.deep {
        if o.wants("locks") {
            checks.push(locks_check(&redis, ctx).await.unwrap_or_else(|e| {
                Check::new(
                    "locks",
                    None,
                    Status::Unknown,
                    "?".into(),
                    crate::error::one_line(&e),
                )
            }));
        }
        if o.wants("stuck") {
            checks.push(
                stuck_check(&redis, ctx, o.stuck_after)
                    .await
                    .unwrap_or_else(|e| {
                        Check::new(
                            "stuck",
                            None,
                            Status::Unknown,
                            "?".into(),
                            crate::error::one_line(&e),
                        )
                    }),
            );
        }
    }
    // A node or cluster that is down stays in, whatever --check chose: its
    // other checks could not run, and silence must not read as OK.
    checks.retain(|c| {
        o.wants(c.name) || (matches!(c.name, "reachable" | "cluster") && c.status != Status::Ok)
    });
    let status = checks.iter().fold(Status::Ok, |s, c| s.worst(c.status));
    Ok(HealthReport {
        status,
        target,
        checks,
        elapsed: started.elapsed(),
    })
}

/// Write atomically (temp file + rename), for node_exporter's textfile collector.
fn write_atomic(path: &std::path::Path, data: &str) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "ldp".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    std::fs::write(&tmp, data).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("renaming to {}", path.display()))?;
    Ok(())
}

/// `ldp monitor health`.
pub async fn health(ctx: &Ctx, o: HealthOptions) -> Result<Exit> {
    let out = &ctx.out;
    let report = run_checks(ctx, &o).await?;
    let text = match out.format {
        OutputFormat::Nagios => report.nagios(),
        OutputFormat::Prometheus => report.prometheus(),
        OutputFormat::Json => format!("{}\n", serde_json::to_string_pretty(&report)?),
        OutputFormat::Ndjson => format!("{}\n", serde_json::to_string(&report)?),
        OutputFormat::Table => report.text(out),
    };
    match &o.output_file {
        Some(p) => write_atomic(p, &text)?,
        None => out.write_raw(&text)?,
    }
    Ok(Exit::Health(report.status))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worst_status_wins() {
        assert_eq!(Status::Ok.worst(Status::Unknown), Status::Unknown);
        assert_eq!(Status::Unknown.worst(Status::Warning), Status::Warning);
        assert_eq!(Status::Critical.worst(Status::Warning), Status::Critical);
    }

    #[test]
    fn naive_timestamps_are_utc() {
        let t = parse_naive_utc("2026-11-25T10:00:00.123456").unwrap();
        let u = parse_naive_utc("2026-11-25T10:00:00").unwrap();
        assert!(t > u);
        assert_eq!(
            u.duration_since(std::time::UNIX_EPOCH).unwrap().as_secs(),
            1_795_600_800
        );
        assert!(parse_naive_utc("yesterday").is_none());
    }

    #[test]
    fn numbers_print_plainly() {
        assert_eq!(fmt_num(3.0), "3");
        assert_eq!(fmt_num(0.25), "0.25");
        assert_eq!(fmt_num(1.0 / 3.0), "0.333333");
    }
}
