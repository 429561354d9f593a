//! The `workers` check: a queue with ready messages that no live worker
//! consumes is a WARNING; no worker answering while work waits is CRITICAL.
//! One remote-control `active_queues` broadcast (it ends as soon as every
//! worker answered) and one pipelined read of the queue depths.

use std::time::Duration;

use super::Status;
use crate::broker::pidbox::{self, Mailbox};
use crate::check::{Check, Perf};
use crate::commands::Ctx;
use crate::redis::Redis;

/// How long the check waits for replies unless `--timeout` says otherwise.
const WINDOW: Duration = Duration::from_secs(1);

pub(super) async fn workers_checks(ctx: &Ctx, redis: &Redis) -> Vec<Check> {
    let separate = ctx.settings.broker.urls != ctx.settings.redis.urls;
    let broker = if separate {
        match Redis::connect(&ctx.settings.broker).await {
            Ok(b) => b,
            Err(e) => {
                return vec![Check::new(
                    "workers",
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
        return vec![Check::new(
            "workers",
            None,
            Status::Ok,
            "n/a".into(),
            "the caches are a cluster; give --broker-url to check the Celery workers".into(),
        )];
    }
    let layout = &ctx.settings.broker_layout;
    let backlog =
        match crate::broker::queues::backlog(&broker, layout, layout.visibility_timeout).await {
            Ok(b) => b,
            Err(e) => return vec![Check::failed("workers", &e)],
        };
    let window = if ctx.settings.timeout_given {
        ctx.settings.broker.timeout
    } else {
        WINDOW
    };
    let mut mailbox = match Mailbox::new(&broker, layout) {
        Ok(m) => m,
        Err(e) => return vec![Check::failed("workers", &e)],
    };
    let asked = mailbox.ask(&["active_queues"], window).await;
    let closed = mailbox.close(None).await;
    let replies = match (asked, closed) {
        (Ok(r), Ok(())) => r,
        (Err(e), _) if e.downcast_ref::<pidbox::ReadOnlyReplica>().is_some() => {
            return vec![Check::new(
                "workers",
                None,
                Status::Ok,
                "n/a".into(),
                crate::error::one_line(&e),
            )];
        }
        (Err(e), _) | (_, Err(e)) => return vec![Check::failed("workers", &e)],
    };
    let mut consumed: Vec<String> = replies
        .by_method
        .get("active_queues")
        .map(|m| m.values().flat_map(pidbox::queue_names).collect())
        .unwrap_or_default();
    consumed.sort();
    consumed.dedup();
    let online = replies.workers().len();
    verdict(&backlog.queues, online, &consumed, window)
}

/// The verdict from the queue depths and what the live workers consume.
fn verdict(
    queues: &[(String, u64)],
    online: usize,
    consumed: &[String],
    window: Duration,
) -> Vec<Check> {
    let waiting: Vec<&(String, u64)> = queues.iter().filter(|(_, n)| *n > 0).collect();
    let perf = Perf::gauge(
        "ldp_workers_online",
        "workers_online".into(),
        online as f64,
        "",
    )
    .range(Some(0.0), None);
    let within = crate::output::human_secs(Some(window.as_secs_f64()));
    if online == 0 {
        let (st, msg) = if waiting.is_empty() {
            (
                Status::Ok,
                format!("no worker answered within {within}; no work is waiting"),
            )
        } else {
            let names: Vec<String> = waiting.iter().map(|(q, n)| format!("{q} ({n})")).collect();
            (
                Status::Critical,
                format!(
                    "no worker answered within {within} and messages wait in {}",
                    names.join(", ")
                ),
            )
        };
        return vec![Check::new("workers", None, st, "0 online".into(), msg).perf(perf)];
    }
    let mut out = vec![
        Check::new(
            "workers",
            None,
            Status::Ok,
            format!("{online} online"),
            format!(
                "{online} worker(s) answered; they consume {}",
                consumed.join(", ")
            ),
        )
        .perf(perf),
    ];
    for (q, n) in waiting {
        if !consumed.contains(q) {
            out.push(
                Check::new(
                    "workers",
                    None,
                    Status::Warning,
                    format!("{n} ready"),
                    format!("queue {q} has {n} ready message(s) and no live worker consumes it"),
                )
                .about_queue(q),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judges_queues_against_consumers() {
        let w = Duration::from_secs(1);
        let qs = vec![("default".to_string(), 0), ("ocr".to_string(), 5)];
        let idle = verdict(&[("default".into(), 0)], 0, &[], w);
        assert_eq!(idle[0].status, Status::Ok, "an idle server is OK");
        let none = verdict(&qs, 0, &[], w);
        assert_eq!(none[0].status, Status::Critical);
        assert!(none[0].message.contains("ocr (5)"));
        let some = verdict(&qs, 1, &["default".into()], w);
        assert_eq!(some.len(), 2);
        assert_eq!(some[1].status, Status::Warning);
        assert_eq!(some[1].queue.as_deref(), Some("ocr"));
        let all = verdict(&qs, 2, &["default".into(), "ocr".into()], w);
        assert_eq!(all.len(), 1);
    }
}
