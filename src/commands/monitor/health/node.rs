//! The per-node checks: PING latency and what one INFO sample (and a second
//! one for rates) says about role, memory, evictions, fragmentation, clients
//! and persistence.

use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use super::model::{Check, Perf, by_threshold};
use super::{HealthOptions, Status};
use crate::output;
use crate::redis::Node;
use crate::redis::info::{Info, num};

/// PING round trip: the median of three.
pub(super) async fn latency(node: &Node) -> Result<Duration> {
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

/// The per-node checks from one INFO sample (and a second one for rates).
pub(super) fn node_checks(
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
