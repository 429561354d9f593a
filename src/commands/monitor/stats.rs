//! `ldp monitor stats`: Redis's keyspace hit rate from two INFO samples, and
//! the pipeline's own per-minute cache metrics (`cache:metrics:*`), read as
//! exact keys built from the registry (no scan).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use anyhow::Result;
use redis::Value;
use serde::Serialize;

use crate::commands::Ctx;
use crate::error::LdpError;
use crate::exit::Exit;
use crate::keyspace::{Registry, Role};
use crate::output::{Output, Report};
use crate::redis::Redis;
use crate::redis::info::{Info, info};

/// Redis's own counters over the interval and since start, summed over primaries.
#[derive(Debug, Serialize, Default, Clone)]
pub struct ServerStats {
    pub interval_seconds: f64,
    pub hits: u64,
    pub misses: u64,
    /// Hits / (hits + misses) over the interval; null when there were no lookups.
    pub hit_rate: Option<f64>,
    pub hits_since_start: u64,
    pub misses_since_start: u64,
    pub hit_rate_since_start: Option<f64>,
    pub ops_per_sec: f64,
    pub expired_per_sec: f64,
    pub evicted_per_sec: f64,
    /// The same figures for each primary (one entry when standalone); the
    /// totals above are their sums.
    pub nodes: Vec<NodeStats>,
}

/// One primary's counters over the interval and since start.
#[derive(Debug, Serialize, Default, Clone)]
pub struct NodeStats {
    /// `host:port`.
    pub node: String,
    pub hits: u64,
    pub misses: u64,
    pub hits_since_start: u64,
    pub misses_since_start: u64,
    pub ops_per_sec: f64,
}

/// One cache type's figures over the window.
#[derive(Debug, Serialize, Clone)]
pub struct CacheType {
    #[serde(rename = "type")]
    pub cache_type: String,
    pub hits: u64,
    pub misses: u64,
    pub sets: u64,
    pub hit_rate: Option<f64>,
    /// Lookups (hits + misses) per minute, oldest first.
    pub per_minute: Vec<u64>,
}

#[derive(Debug, Serialize)]
pub struct StatsReport {
    pub server: ServerStats,
    pub window_minutes: u64,
    pub cache: Vec<CacheType>,
}

fn rate(h: u64, m: u64) -> Option<f64> {
    (h + m > 0).then(|| h as f64 / (h + m) as f64)
}

fn pct(r: Option<f64>) -> String {
    r.map(|r| format!("{:.1}%", r * 100.0))
        .unwrap_or_else(|| "-".into())
}

/// ▁▂▃▄▅▆▇█ scaled to the largest value.
pub fn sparkline(v: &[u64]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let max = v.iter().copied().max().unwrap_or(0);
    v.iter()
        .map(|&x| BARS[(x * 7).checked_div(max).unwrap_or(0) as usize])
        .collect()
}

impl Report for StatsReport {
    fn text(&self, out: &Output) -> String {
        let s = &self.server;
        let mut text = String::new();
        let head = format!(
            "keyspace hit rate {} over {:.1}s ({} hits, {} misses), {} since start\n\
             {:.0} ops/s, {:.1} expired/s, {:.1} evicted/s",
            pct(s.hit_rate),
            s.interval_seconds,
            out.count(s.hits),
            out.count(s.misses),
            pct(s.hit_rate_since_start),
            s.ops_per_sec,
            s.expired_per_sec,
            s.evicted_per_sec
        );
        out.aside(&mut text, head);
        let mut headers = vec!["cache type", "hits", "misses", "sets", "hit rate"];
        if out.stdout_tty {
            headers.push("lookups per minute");
        }
        let mut t = out.table(&headers);
        for c in &self.cache {
            let mut row = vec![
                c.cache_type.clone(),
                out.count(c.hits),
                out.count(c.misses),
                out.count(c.sets),
                pct(c.hit_rate),
            ];
            if out.stdout_tty {
                // Fit the last 40 minutes at most.
                let from = c.per_minute.len().saturating_sub(40);
                row.push(sparkline(&c.per_minute[from..]));
            }
            t.add_row(row);
        }
        out.aside(
            &mut text,
            format!(
                "pipeline cache metrics over the last {} minutes:",
                self.window_minutes
            ),
        );
        text.push_str(&format!("{t}\n"));
        text
    }
}

fn counter(i: &Info, k: &str) -> u64 {
    i.get(k).unwrap_or(0)
}

async fn server_stats(redis: &Redis, interval: Duration) -> Result<ServerStats> {
    let sample = || async {
        let mut all = Vec::new();
        for n in redis.nodes() {
            all.push(info(n).await?);
        }
        Ok::<_, anyhow::Error>(all)
    };
    let a = sample().await?;
    let t0 = std::time::Instant::now();
    tokio::time::sleep(interval).await;
    let b = sample().await?;
    let secs = t0.elapsed().as_secs_f64().max(1e-3);
    let sum = |v: &[Info], k: &str| v.iter().map(|i| counter(i, k)).sum::<u64>();
    let d = |k: &str| sum(&b, k).saturating_sub(sum(&a, k));
    let (hits, misses) = (d("keyspace_hits"), d("keyspace_misses"));
    let (h0, m0) = (sum(&b, "keyspace_hits"), sum(&b, "keyspace_misses"));
    let nodes = redis
        .nodes()
        .iter()
        .zip(a.iter().zip(&b))
        .map(|(n, (a, b))| {
            let d = |k: &str| counter(b, k).saturating_sub(counter(a, k));
            NodeStats {
                node: n.addr.clone(),
                hits: d("keyspace_hits"),
                misses: d("keyspace_misses"),
                hits_since_start: counter(b, "keyspace_hits"),
                misses_since_start: counter(b, "keyspace_misses"),
                ops_per_sec: d("total_commands_processed") as f64 / secs,
            }
        })
        .collect();
    Ok(ServerStats {
        nodes,
        interval_seconds: secs,
        hits,
        misses,
        hit_rate: rate(hits, misses),
        hits_since_start: h0,
        misses_since_start: m0,
        hit_rate_since_start: rate(h0, m0),
        ops_per_sec: d("total_commands_processed") as f64 / secs,
        expired_per_sec: d("expired_keys") as f64 / secs,
        evicted_per_sec: d("evicted_keys") as f64 / secs,
    })
}

/// The pipeline's per-minute counters for every known cache type.
pub async fn cache_metrics(
    redis: &Redis,
    reg: &Registry,
    window: Duration,
) -> Result<Vec<CacheType>> {
    let Some(fam) = reg
        .with_role(Role::Metrics)
        .find(|f| f.values.contains_key("cache_type") && f.values.contains_key("kind"))
    else {
        return Ok(Vec::new());
    };
    let Some(tpl) = fam.compiled().first() else {
        return Ok(Vec::new());
    };
    let minutes = (window.as_secs() / 60).max(1);
    let now_min = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs()
        / 60;
    let first = now_min + 1 - minutes;
    let types = fam.values.get("cache_type").cloned().unwrap_or_default();
    let kinds = ["hits", "misses", "sets"];
    let mut keys = Vec::new();
    for t in &types {
        for k in kinds {
            for m in first..=now_min {
                let minute = m.to_string();
                let key = tpl.fill_exact(&[
                    ("kind", k.as_bytes()),
                    ("cache_type", t.as_bytes()),
                    ("minute", minute.as_bytes()),
                ]);
                match key {
                    Some(key) => keys.push(key),
                    None => {
                        return Err(LdpError::usage(format!(
                            "family '{}': template '{}' needs only kind, cache_type and minute",
                            fam.name, tpl.text
                        )));
                    }
                }
            }
        }
    }
    let replies = redis
        .per_key(&keys, 1, true, |p, k| {
            p.cmd("GET").arg(k);
        })
        .await?;
    let val = |r: &Vec<Value>| -> u64 {
        match r.first() {
            Some(Value::BulkString(b)) => std::str::from_utf8(b)
                .ok()
                .and_then(|s| s.trim().parse().ok())
                .unwrap_or(0),
            Some(Value::Int(i)) => (*i).max(0) as u64,
            _ => 0,
        }
    };
    let n = minutes as usize;
    let mut out = Vec::new();
    for (ti, t) in types.iter().enumerate() {
        let series = |ki: usize| -> Vec<u64> {
            let base = (ti * kinds.len() + ki) * n;
            replies[base..base + n].iter().map(val).collect()
        };
        let (h, m, s) = (series(0), series(1), series(2));
        let (hits, misses, sets) = (h.iter().sum(), m.iter().sum(), s.iter().sum());
        out.push(CacheType {
            cache_type: t.clone(),
            hits,
            misses,
            sets,
            hit_rate: rate(hits, misses),
            per_minute: h.iter().zip(&m).map(|(a, b)| a + b).collect(),
        });
    }
    Ok(out)
}

/// Plain options of `monitor stats`.
#[derive(Debug, Clone)]
pub struct StatsOptions {
    pub interval: Duration,
    pub window: Duration,
    pub watch: super::Watch,
}

/// `ldp monitor stats`.
pub async fn stats(ctx: &Ctx, a: StatsOptions) -> Result<Exit> {
    let _out = &ctx.out;
    if a.interval.is_zero() || a.window < Duration::from_secs(60) {
        return Err(LdpError::usage(
            "--interval must be > 0 and --window at least 1m",
        ));
    }
    let reg = ctx.registry()?;
    let redis = ctx.redis().await?;
    let (interval, window) = (a.interval, a.window);
    super::run_watched(ctx, "monitor stats", &a.watch, async || {
        Ok(StatsReport {
            server: server_stats(&redis, interval).await?,
            window_minutes: (window.as_secs() / 60).max(1),
            cache: cache_metrics(&redis, &reg, window).await?,
        })
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparklines_scale_to_the_peak() {
        assert_eq!(sparkline(&[0, 7, 14]), "▁▄█");
        assert_eq!(sparkline(&[0, 0]), "▁▁");
        assert_eq!(rate(3, 1), Some(0.75));
        assert_eq!(rate(0, 0), None);
    }
}
