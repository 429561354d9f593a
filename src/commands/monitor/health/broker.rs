//! The Celery broker checks: ready messages per queue against thresholds,
//! and unacked messages past the visibility timeout.

use super::model::{Check, Perf, by_threshold};
use super::{HealthOptions, Status};
use crate::commands::Ctx;
use crate::redis::Redis;

/// Celery backlog per queue and unacked messages past the visibility
/// timeout: one pipelined round trip to the broker, no scan.
pub(super) async fn broker_checks(ctx: &Ctx, redis: &Redis, o: &HealthOptions) -> Vec<Check> {
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
