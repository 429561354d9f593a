//! The per-node checks: PING latency and what one INFO sample (and a second
//! one for rates) says about role, memory, evictions, fragmentation, clients
//! and persistence. One function per check, each returning its verdict.

use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use futures_util::future::join_all;

use super::{HealthOptions, Status};
use crate::check::{Check, Perf, by_threshold};
use crate::output;
use crate::redis::info::{Info, info, num, text};
use crate::redis::{Node, Redis};

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

/// Every node: PING and INFO concurrently, a second INFO after --interval
/// for the rates; `reachable` and the node checks of each.
pub(super) async fn checks(redis: &Redis, o: &HealthOptions) -> Vec<Check> {
    let first = join_all(redis.nodes().iter().map(|n| async move {
        let lat = latency(n).await;
        let inf = info(n).await;
        (lat, inf)
    }))
    .await;
    let second = match o.interval {
        Some(iv) => {
            tokio::time::sleep(iv).await;
            Some(join_all(redis.nodes().iter().map(info)).await)
        }
        None => None,
    };
    let mut checks = Vec::new();
    for (i, (lat, inf)) in first.into_iter().enumerate() {
        let label = redis.nodes()[i].addr.clone();
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
                checks.extend(node_checks(o, &label, lat, &i1, i2));
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
    checks
}

/// The per-node checks from one INFO sample (and a second one for rates).
fn node_checks(
    o: &HealthOptions,
    node: &str,
    lat: Duration,
    i1: &Info,
    i2: Option<&Info>,
) -> Vec<Check> {
    let mut out = vec![
        latency_check(o, node, lat),
        role_check(node, i1),
        memory_check(o, node, i1),
    ];
    out.extend(RATES.iter().map(|r| rate_check(o, node, r, i1, i2)));
    out.extend([
        fragmentation_check(o, node, i1),
        clients_check(o, node, i1),
        blocked_clients_check(node, i1),
        persistence_check(node, i1),
    ]);
    out
}

/// PING latency against --latency-warn/--latency-crit.
fn latency_check(o: &HealthOptions, node: &str, lat: Duration) -> Check {
    let ms = lat.as_secs_f64() * 1000.0;
    let (lw, lc) = (
        o.latency_warn.as_secs_f64() * 1000.0,
        o.latency_crit.as_secs_f64() * 1000.0,
    );
    let st = by_threshold(ms, lw, lc);
    Check::new(
        "latency",
        Some(node),
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
    )
}

/// Role and replication link: a replica whose link is down is CRITICAL.
fn role_check(node: &str, i: &Info) -> Check {
    let role = text(i, "role").unwrap_or("unknown").to_string();
    let (st, msg) = match role.as_str() {
        "master" => (
            Status::Ok,
            format!(
                "primary, {} replica(s)",
                text(i, "connected_slaves").unwrap_or("0")
            ),
        ),
        "slave" => match text(i, "master_link_status") {
            Some("up") => (Status::Ok, "replica, link to its primary is up".to_string()),
            other => (
                Status::Critical,
                format!(
                    "replica whose link to its primary {}:{} is {} (down for {} s)",
                    text(i, "master_host").unwrap_or("?"),
                    text(i, "master_port").unwrap_or("?"),
                    other.unwrap_or("unknown"),
                    text(i, "master_link_down_since_seconds").unwrap_or("?")
                ),
            ),
        },
        _ => (Status::Unknown, "role not reported".to_string()),
    };
    Check::new("role", Some(node), st, role, msg)
}

/// Memory against maxmemory, with the eviction policy; without maxmemory
/// only the figure.
fn memory_check(o: &HealthOptions, node: &str, i: &Info) -> Check {
    let used = num(i, "used_memory").unwrap_or(0.0);
    let max = num(i, "maxmemory").unwrap_or(0.0);
    let policy = text(i, "maxmemory_policy").unwrap_or_default();
    let p = Perf::gauge(
        "ldp_redis_memory_used_bytes",
        "memory_used".into(),
        used,
        "B",
    )
    .range(Some(0.0), (max > 0.0).then_some(max))
    .labelled("node", node);
    if max <= 0.0 {
        return Check::new(
            "memory",
            Some(node),
            Status::Ok,
            output::human_bytes(used as u64),
            format!("no maxmemory set (policy {policy})"),
        )
        .perf(p);
    }
    let pct = used * 100.0 / max;
    let st = by_threshold(pct, o.memory_warn, o.memory_crit);
    let why = if policy == "noeviction" {
        "writes fail when full (noeviction)"
    } else {
        "keys are evicted when full"
    };
    Check::new(
        "memory",
        Some(node),
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
    .perf(p.thresholds(
        Some(max * o.memory_warn / 100.0),
        Some(max * o.memory_crit / 100.0),
    ))
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
    )
}

/// A counter whose growth is bad news: check name, INFO field, metric.
struct Rate {
    name: &'static str,
    key: &'static str,
    metric: &'static str,
}

const RATES: [Rate; 2] = [
    Rate {
        name: "evictions",
        key: "evicted_keys",
        metric: "ldp_redis_evicted_keys_total",
    },
    Rate {
        name: "rejected_connections",
        key: "rejected_connections",
        metric: "ldp_redis_rejected_connections_total",
    },
];

/// Evictions or rejected connections: a rate needs two samples (--interval),
/// one sample only reports the total since start.
fn rate_check(o: &HealthOptions, node: &str, r: &Rate, i1: &Info, i2: Option<&Info>) -> Check {
    let Rate { name, key, metric } = *r;
    let total = num(i1, key).unwrap_or(0.0);
    let perf = Perf::gauge(metric, key.into(), total, "c")
        .counter()
        .labelled("node", node);
    let (Some(i2), Some(iv)) = (i2, o.interval) else {
        return Check::new(
            name,
            Some(node),
            Status::Ok,
            format!("{total}"),
            "since start (--interval judges the rate)".into(),
        )
        .perf(perf);
    };
    let later = num(i2, key).unwrap_or(total);
    let delta = (later - total).max(0.0);
    let st = if delta > 0.0 {
        Status::Warning
    } else {
        Status::Ok
    };
    let iv = humantime::format_duration(iv);
    Check::new(
        name,
        Some(node),
        st,
        format!("{delta} in {iv}"),
        if st == Status::Ok {
            format!("none in the last {iv} ({total} since start)")
        } else {
            format!("{delta} {key} in the last {iv}")
        },
    )
    .threshold("warn > 0 per interval".into())
    .perf(Perf {
        value: later,
        ..perf
    })
}

/// Fragmentation: only when the wasted bytes are large (MEMORY DOCTOR's rule).
fn fragmentation_check(o: &HealthOptions, node: &str, i: &Info) -> Check {
    let ratio = num(i, "mem_fragmentation_ratio").unwrap_or(1.0);
    let used = num(i, "used_memory").unwrap_or(0.0);
    let rss = num(i, "used_memory_rss").unwrap_or(0.0);
    let wasted = (rss - used).max(0.0);
    let st = if ratio >= o.frag_warn && wasted >= o.frag_min_bytes as f64 {
        Status::Warning
    } else {
        Status::Ok
    };
    Check::new(
        "fragmentation",
        Some(node),
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
    )
}

/// Clients against maxclients.
fn clients_check(o: &HealthOptions, node: &str, i: &Info) -> Check {
    let clients = num(i, "connected_clients").unwrap_or(0.0);
    let maxc = num(i, "maxclients").unwrap_or(0.0);
    let perf = Perf::gauge("ldp_redis_connected_clients", "clients".into(), clients, "")
        .range(Some(0.0), (maxc > 0.0).then_some(maxc))
        .labelled("node", node);
    if maxc <= 0.0 {
        return Check::new(
            "clients",
            Some(node),
            Status::Ok,
            format!("{clients}"),
            "maxclients not reported".into(),
        )
        .perf(perf);
    }
    let pct = clients * 100.0 / maxc;
    let st = by_threshold(pct, o.clients_warn, o.clients_crit);
    Check::new(
        "clients",
        Some(node),
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
    ))
}

/// Blocked clients: Celery workers wait in BRPOP, so this is information, not alarm.
fn blocked_clients_check(node: &str, i: &Info) -> Check {
    let blocked = num(i, "blocked_clients").unwrap_or(0.0);
    Check::new(
        "blocked_clients",
        Some(node),
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
    )
}

/// Persistence errors: a failed RDB save or AOF write is CRITICAL, a failed
/// AOF rewrite a WARNING.
fn persistence_check(node: &str, i: &Info) -> Check {
    let mut bad = Vec::new();
    let mut st = Status::Ok;
    for (k, sev) in [
        ("rdb_last_bgsave_status", Status::Critical),
        ("aof_last_write_status", Status::Critical),
        ("aof_last_bgrewrite_status", Status::Warning),
    ] {
        if text(i, k).is_some_and(|v| v != "ok") {
            bad.push(k);
            st = st.worst(sev);
        }
    }
    if !bad.is_empty() {
        return Check::new(
            "persistence",
            Some(node),
            st,
            "err".into(),
            format!(
                "{} reported err: writes may be refused or lost",
                bad.join(", ")
            ),
        );
    }
    let aof = if text(i, "aof_enabled").is_some_and(|v| v == "1") {
        "on"
    } else {
        "off"
    };
    Check::new(
        "persistence",
        Some(node),
        st,
        "ok".into(),
        format!("RDB/AOF fine (aof {aof})"),
    )
}
