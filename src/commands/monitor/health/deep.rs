//! The `--deep` checks, which scan: locks that never expire and documents
//! stuck in flight.

use std::time::Duration;

use crate::clock::parse_naive_utc;
use anyhow::Result;
use redis::Value;

use super::{HealthOptions, Status};
use crate::check::{Check, Perf};
use crate::commands::Ctx;
use crate::keyspace::Role;
use crate::redis::{Redis, ScanSpec};

/// The selected deep checks; one that fails is UNKNOWN with its error.
pub(super) async fn checks(ctx: &Ctx, redis: &Redis, o: &HealthOptions) -> Vec<Check> {
    let mut out = Vec::new();
    if o.wants("locks") {
        let c = locks_check(redis, ctx).await;
        out.push(c.unwrap_or_else(|e| Check::failed("locks", &e)));
    }
    if o.wants("stuck") {
        let c = stuck_check(redis, ctx, o.stuck_after).await;
        out.push(c.unwrap_or_else(|e| Check::failed("stuck", &e)));
    }
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
                    // A failed latest update is failed, not in flight (verdict.rs).
                    let (standing, _) = crate::pipeline::verdict::judge(Some(&v), path, false);
                    if standing != crate::pipeline::verdict::Standing::InFlight {
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

#[cfg(test)]
mod tests {
    use super::*;

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

    fn secs(s: &str) -> Option<f64> {
        parse_naive_utc(s).map(|t| {
            t.duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_secs_f64()
        })
    }

    #[test]
    fn fractions_suffixes_and_offsets() {
        let base = 1_796_292_000.0; // 2026-12-03T10:00:00Z
        assert_eq!(secs("2026-12-03T10:00:00"), Some(base));
        assert_eq!(secs("2026-12-03T10:00:00.5"), Some(base + 0.5));
        assert_eq!(secs("2026-12-03T10:00:00.123456"), Some(base + 0.123456));
        assert_eq!(secs(" 2026-12-03 10:00:00.123456\n"), Some(base + 0.123456));
        assert_eq!(secs("2026-12-03T10:00:00Z"), Some(base));
        assert_eq!(
            secs("2026-12-03T10:00:00.123456+00:00"),
            Some(base + 0.123456)
        );
        // An explicit offset is applied, not dropped.
        assert_eq!(secs("2026-12-03T12:00:00+02:00"), Some(base));
        assert_eq!(secs("2026-12-03T05:00:00-05:00"), Some(base));
        for bad in [
            "",
            "2026-12-03",
            "2026-12-03T10:00",
            "2026-13-03T10:00:00",
            "10:00:00",
        ] {
            assert_eq!(secs(bad), None, "{bad}");
        }
    }
}
