//! `ldp monitor queues`: every Celery queue's ready messages (all priority
//! lists, not just the bare `LLEN q` that undercounts), unacked and overdue
//! ones, from Redis alone. The work is `celery::queue_stats`; this is the view.

use std::time::{Duration, Instant};

use anyhow::Result;
use serde_json::Value as Json;

use super::{check_watch, run_watched};
use crate::broker::BrokerLayout;
use crate::broker::queues::{self as celery, BrokerStats};
use crate::commands::Ctx;
use crate::exit::Exit;
use crate::output::{self, Output, Report};

/// With --watch, queues bound since the last look are found again this often
/// (a discovery is a SCAN of the broker's keyspace; the depths are not).
const REDISCOVER: Duration = Duration::from_secs(60);

/// Above this many priority steps the table folds them into one column.
const STEP_COLUMNS: usize = 5;

struct QueuesReport {
    stats: BrokerStats,
    steps: Vec<u8>,
    discovered: Vec<String>,
}

/// The JSON shape of this report.
impl serde::Serialize for QueuesReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v: serde_json::Value = {
            let mut v = serde_json::to_value(&self.stats).unwrap_or_default();
            if let Json::Object(m) = &mut v {
                m.insert("discovered".into(), serde_json::json!(self.discovered));
            }
            v
        };
        v.serialize(s)
    }
}

impl Report for QueuesReport {
    fn text(&self, out: &Output) -> String {
        let columns = self.steps.len() <= STEP_COLUMNS;
        let mut headers: Vec<String> = vec!["queue".into(), "ready".into()];
        if columns {
            headers.extend(self.steps.iter().map(|s| format!("p{s}")));
        } else {
            headers.push("by priority".into());
        }
        headers.extend(["unacked", "overdue", "oldest unacked"].map(String::from));
        let h: Vec<&str> = headers.iter().map(String::as_str).collect();
        let mut t = out.table(&h);
        for q in &self.stats.queues {
            let mut row = vec![
                if self.discovered.contains(&q.queue) {
                    format!("{} *", q.queue)
                } else {
                    q.queue.clone()
                },
                out.count(q.ready),
            ];
            if columns {
                row.extend(q.priorities.iter().map(|p| out.count(p.ready)));
            } else {
                let busy: Vec<String> = q
                    .priorities
                    .iter()
                    .filter(|p| p.ready > 0)
                    .map(|p| format!("p{}={}", p.priority, p.ready))
                    .collect();
                row.push(if busy.is_empty() {
                    "-".into()
                } else {
                    busy.join(" ")
                });
            }
            row.push(paint(out, q.unacked, console::Color::Yellow));
            row.push(paint(out, q.overdue, console::Color::Red));
            row.push(output::human_secs(q.oldest_unacked_age));
            t.add_row(row);
        }
        let s = &self.stats;
        let mut text = format!("{t}\n");
        let mut summary = format!(
            "{} ready; {} unacked, {} past the visibility timeout ({})",
            out.count(s.ready()),
            out.count(s.unacked),
            out.count(s.overdue),
            output::human_secs(Some(s.visibility_timeout)),
        );
        if s.unacked_elsewhere > 0 {
            summary.push_str(&format!(
                "; {} unacked for queues not listed",
                out.count(s.unacked_elsewhere)
            ));
        }
        out.aside(&mut text, summary);
        if !self.discovered.is_empty() {
            out.aside(&mut text, "* bound in _kombu.binding.*, not configured");
        }
        text
    }
}

fn paint(out: &Output, n: u64, c: console::Color) -> String {
    let s = output::thousands(n);
    if out.color && n > 0 {
        console::style(s).fg(c).to_string()
    } else {
        s
    }
}

/// Plain options of `monitor queues`.
#[derive(Debug, Clone)]
pub struct QueuesOptions {
    pub visibility_timeout: Option<std::time::Duration>,
    pub no_discover: bool,
    pub watch: super::Watch,
}

/// `ldp monitor queues`.
pub async fn queues(ctx: &Ctx, a: QueuesOptions) -> Result<Exit> {
    check_watch(ctx, "monitor queues", &a.watch)?;
    let base: BrokerLayout = ctx.settings.broker_layout.clone();
    let visibility = a.visibility_timeout.unwrap_or(base.visibility_timeout);
    let redis = ctx.broker().await?;
    let mut layout = base.clone();
    let mut discovered: Vec<String> = Vec::new();
    let mut looked: Option<Instant> = None;
    let mut warned = false;
    run_watched(ctx, "monitor queues", &a.watch, async || {
        if !a.no_discover && looked.is_none_or(|t| t.elapsed() >= REDISCOVER) {
            let found = celery::discover_queues(&redis, &base).await?;
            discovered = found
                .into_iter()
                .filter(|q| !base.queues.contains(q))
                .collect();
            layout = base.with_queues(discovered.clone());
            looked = Some(Instant::now());
        }
        let stats = celery::queue_stats(&redis, &layout, visibility).await?;
        if !warned {
            for w in &stats.warnings {
                ctx.out.warn(w);
            }
            warned = true;
        }
        Ok(QueuesReport {
            stats,
            steps: layout.steps.clone(),
            discovered: discovered.clone(),
        })
    })
    .await
}
