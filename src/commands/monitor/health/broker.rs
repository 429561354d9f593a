//! The Celery broker checks: ready messages per queue against thresholds,
//! and unacked messages past the visibility timeout.

use std::time::Duration;

use super::{HealthOptions, Status};
use crate::broker::queues::Backlog;
use crate::check::{Check, Perf, by_threshold};
use crate::commands::Ctx;
use crate::redis::Redis;

/// Celery backlog per queue and unacked messages past the visibility
/// timeout: one pipelined round trip to the broker, no scan.
pub(super) async fn broker_checks(ctx: &Ctx, redis: &Redis, o: &HealthOptions) -> Vec<Check> {
    let broker = match broker(ctx, redis).await {
        Ok(b) => b,
        Err(check) => return vec![check],
    };
    let layout = &ctx.settings.broker_layout;
    let vt = o.visibility.unwrap_or(layout.visibility_timeout);
    let stats = match crate::broker::queues::backlog(&broker, layout, vt).await {
        Ok(s) => s,
        Err(e) => return vec![Check::failed("queues", &e)],
    };
    let mut out: Vec<Check> = stats
        .queues
        .iter()
        .map(|(queue, ready)| queue_check(o, queue, *ready))
        .collect();
    out.push(unacked_check(&stats, vt));
    out
}

/// The Celery broker: the caches' Redis unless --broker-url names another.
/// Err is the check to report instead: the broker is down, or a cluster
/// (kombu has no cluster transport, so the broker is elsewhere).
async fn broker(ctx: &Ctx, redis: &Redis) -> Result<Redis, Check> {
    let separate = ctx.settings.broker.urls != ctx.settings.redis.urls;
    let broker = if separate {
        Redis::connect(&ctx.settings.broker).await.map_err(|e| {
            Check::new(
                "queues",
                None,
                Status::Critical,
                "down".into(),
                format!("the Celery broker: {}", crate::error::one_line(&e)),
            )
        })?
    } else {
        redis.clone()
    };
    if broker.is_cluster() {
        return Err(Check::new(
            "queues",
            None,
            Status::Ok,
            "n/a".into(),
            "the caches are a cluster; give --broker-url to check the Celery queues".into(),
        ));
    }
    Ok(broker)
}

/// One queue's ready messages against --queue-warn/--queue-crit.
fn queue_check(o: &HealthOptions, queue: &str, ready: u64) -> Check {
    let st = by_threshold(ready as f64, o.queue_warn as f64, o.queue_crit as f64);
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
            ready as f64,
            "",
        )
        .thresholds(Some(o.queue_warn as f64), Some(o.queue_crit as f64))
        .range(Some(0.0), None)
        .labelled("queue", queue),
    )
}

/// Unacked messages: any past the visibility timeout is a WARNING (a worker
/// died or hangs; kombu redelivers them).
fn unacked_check(stats: &Backlog, vt: Duration) -> Check {
    let st = if stats.overdue > 0 {
        Status::Warning
    } else {
        Status::Ok
    };
    let message = if st == Status::Ok {
        format!(
            "{} delivered, not yet acked; none past the visibility timeout",
            stats.unacked
        )
    } else {
        format!(
            "{} unacked message(s) older than the {} visibility timeout: a worker died or hangs; kombu will redeliver them",
            stats.overdue,
            humantime::format_duration(vt)
        )
    };
    Check::new(
        "unacked",
        None,
        st,
        format!("{} ({} overdue)", stats.unacked, stats.overdue),
        message,
    )
    .threshold("warn > 0 overdue".into())
    .perf(Perf::gauge(
        "ldp_celery_unacked",
        "unacked".into(),
        stats.unacked as f64,
        "",
    ))
    .perf(Perf::gauge(
        "ldp_celery_unacked_overdue",
        "unacked_overdue".into(),
        stats.overdue as f64,
        "",
    ))
}
