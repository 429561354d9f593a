//! The `connections` check: `CLIENT LIST` on every node (and the broker
//! when it is another server), grouped by client host. WARNING near a
//! server's `maxclients`, or when a host holds more connections to one
//! server than one process's pool allows (`--pool-size`, the pipeline's
//! REDIS_MAX_CONNECTIONS).

use super::{HealthOptions, Status};
use crate::check::{Check, Perf};
use crate::commands::Ctx;
use crate::redis::Redis;
use crate::redis::clients::{self as cl, NodeClients};

/// Idle threshold of the grouping (not judged here).
const IDLE: u64 = 300;

pub(super) async fn connections_check(ctx: &Ctx, redis: &Redis, o: &HealthOptions) -> Check {
    let separate = ctx.settings.broker.urls != ctx.settings.redis.urls;
    let broker = if separate {
        Redis::connect(&ctx.settings.broker).await.ok()
    } else {
        None
    };
    let mut deployments = vec![redis];
    deployments.extend(broker.as_ref());
    match cl::gather(&deployments).await {
        Ok(nodes) => verdict(&nodes, o.pool_size.unwrap_or(ctx.settings.pool_size), o),
        Err(e) => Check::failed("connections", &e),
    }
}

fn verdict(nodes: &[NodeClients], pool: u64, o: &HealthOptions) -> Check {
    let hosts = cl::by_host(nodes, IDLE);
    let total: u64 = nodes.iter().map(|n| n.clients.len() as u64).sum();
    let mut why = Vec::new();
    for n in nodes {
        if let Some(m) = n.maxclients.filter(|m| *m > 0) {
            let pct = n.clients.len() as f64 * 100.0 / m as f64;
            if pct >= o.clients_warn {
                why.push(format!(
                    "{} holds {} connections, {pct:.1}% of its maxclients {m}",
                    n.node,
                    n.clients.len()
                ));
            }
        }
    }
    for h in hosts.iter().filter(|h| h.max_per_node > pool) {
        why.push(format!(
            "host {} holds {} connections to one server, more than one pool of {pool} \
             (several processes there, or a connection leak)",
            h.host, h.max_per_node
        ));
    }
    let st = if why.is_empty() {
        Status::Ok
    } else {
        Status::Warning
    };
    let message = if why.is_empty() {
        format!("no host over a pool of {pool}; no server near maxclients")
    } else {
        why.join("; ")
    };
    let mut c = Check::new(
        "connections",
        None,
        st,
        format!("{total} from {} host(s)", hosts.len()),
        message,
    )
    .threshold(format!(
        "warn {}% of maxclients, {pool} per host and server",
        o.clients_warn
    ));
    for h in &hosts {
        c = c.perf(
            Perf::gauge(
                "ldp_clients_connections",
                format!("connections_{}", h.host),
                h.connections as f64,
                "",
            )
            .range(Some(0.0), None)
            .labelled("host", &h.host),
        );
    }
    c
}
