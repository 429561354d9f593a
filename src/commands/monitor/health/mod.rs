//! `ldp monitor health`: cheap checks (INFO, PING, queue depths) with
//! thresholds, each OK/WARNING/CRITICAL/UNKNOWN; table, JSON, Nagios plugin
//! and Prometheus text output; the exit code is the overall status.
//!
//! The check model, its renderers and the cluster check live in
//! [`crate::check`] (shared with `ldp doctor`); `node`, `broker`,
//! `connections`, `workers` and `deep` are the checks of this command.

mod broker;
mod connections;
mod deep;
mod node;
mod workers;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};

use crate::commands::Ctx;
use crate::exit::Exit;
pub use crate::exit::Status;
use crate::output::OutputFormat;
use crate::output::Report;
use crate::redis::Redis;

pub use crate::check::{Check, CheckReport as HealthReport, Perf};
pub use crate::clock::parse_naive_utc;

/// Every check name, for `--check` / `--skip`.
pub const CHECKS: [&str; 17] = [
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
    "workers",
    "connections",
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
    /// Connections one process may hold (default: the settings' REDIS_MAX_CONNECTIONS).
    pub pool_size: Option<u64>,
}

impl HealthOptions {
    fn wants(&self, name: &str) -> bool {
        (self.only.is_empty() || self.only.iter().any(|c| c == name))
            && !self.skip.iter().any(|c| c == name)
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
            let down = Check::new(
                "reachable",
                None,
                Status::Critical,
                "down".into(),
                crate::error::one_line(&e),
            );
            return Ok(HealthReport::of(target, vec![down], started));
        }
    };
    let mut checks = node::checks(&redis, o).await;
    if redis.is_cluster() {
        checks.extend(crate::check::cluster::cluster_check(&redis).await);
    }
    if o.wants("queues") || o.wants("unacked") {
        checks.extend(broker::broker_checks(ctx, &redis, o).await);
    }
    if o.wants("workers") {
        checks.extend(workers::workers_checks(ctx, &redis).await);
    }
    if o.wants("connections") {
        checks.push(connections::connections_check(ctx, &redis, o).await);
    }
    if o.deep {
        checks.extend(deep::checks(ctx, &redis, o).await);
    }
    // A node or cluster that is down stays in, whatever --check chose: its
    // other checks could not run, and silence must not read as OK.
    checks.retain(|c| {
        o.wants(c.name) || (matches!(c.name, "reachable" | "cluster") && c.status != Status::Ok)
    });
    Ok(HealthReport::of(target, checks, started))
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
}
