//! `ldp monitor workers`: the Celery workers from Redis alone. Each snapshot
//! asks every worker over the pidbox (`ping`, `stats`, `active`,
//! `active_queues`, as `celery inspect` does) while a PSUBSCRIBE to the
//! worker events catches heartbeats; a worker whose heartbeats stopped is
//! `missing` by Celery's own rule, one that went offline disappears. The
//! wire work is [`crate::broker::pidbox`] and [`crate::broker::events`];
//! this is the view.

use std::collections::BTreeMap;
use std::time::Duration;

use anyhow::Result;
use serde::Serialize;

use super::{Watch, check_watch, run_watched};
use crate::broker::events::{Book, Listener};
use crate::broker::pidbox::{self, ActiveTask, Mailbox, Replies, Stats};
use crate::clock::unix_now;
use crate::commands::Ctx;
use crate::exit::Exit;
use crate::output::{self, Output, Report};

/// How long a snapshot waits for replies unless `--timeout` says otherwise
/// (`celery inspect`'s default too).
pub const DEFAULT_WINDOW: Duration = Duration::from_secs(1);

/// What each snapshot asks.
const METHODS: [&str; 4] = ["ping", "stats", "active", "active_queues"];

/// After an interrupted request, how long a reply already routed to the
/// reply queue may take to land before the lists are deleted once more.
const SETTLE: Duration = Duration::from_millis(200);

/// How long a watch that ended on its own waits for a Ctrl-C to be seen.
const SIGNAL_GRACE: Duration = Duration::from_millis(100);

/// Plain options of `monitor workers`.
#[derive(Debug, Clone)]
pub struct WorkersOptions {
    pub watch: Watch,
}

/// One running task.
#[derive(Debug, Clone, Serialize)]
struct TaskRow {
    name: String,
    id: String,
    document: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    batch: Option<String>,
    /// Seconds since it started.
    runtime: Option<f64>,
    worker_pid: Option<u64>,
    queue: Option<String>,
}

/// One worker.
#[derive(Debug, Clone, Serialize)]
struct WorkerRow {
    worker: String,
    /// `online` (it answered, or its heartbeats are current) or `missing`
    /// (it sent heartbeats and they stopped).
    status: &'static str,
    /// It answered this snapshot's request.
    answered: bool,
    /// The pool's max concurrency.
    concurrency: Option<u64>,
    pool: Option<String>,
    /// Pool processes (prefork) or threads (threads pool).
    processes: Option<u64>,
    /// Tasks taken since the worker started.
    processed: Option<u64>,
    /// Tasks per second since the last refresh (`--watch`).
    rate: Option<f64>,
    loadavg: Option<Vec<f64>>,
    queues: Vec<String>,
    /// Tasks executing now (from the heartbeat when the worker did not answer).
    active_count: Option<u64>,
    active: Vec<TaskRow>,
    /// When ldp last received a heartbeat (or online event) from it.
    last_heartbeat: Option<String>,
    /// Seconds since then.
    since_heartbeat: Option<f64>,
    /// Its heartbeat interval (s).
    freq: Option<f64>,
    pid: Option<u64>,
    uptime: Option<f64>,
    sw_ver: Option<String>,
}

/// A snapshot: the workers, in name order.
struct WorkersReport {
    workers: Vec<WorkerRow>,
    /// pidbox subscribers that did not answer within the window.
    silent: u64,
    window: Duration,
    watching: bool,
}

impl Serialize for WorkersReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.workers.serialize(s)
    }
}

/// `process_pdf_document` of `scripts.pdf_tasks.process_pdf_document`.
fn short_task(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or(name)
}

impl WorkersReport {
    /// The cells every line of a worker starts with.
    fn worker_cells(&self, w: &WorkerRow, out: &Output) -> Vec<String> {
        let status = match w.status {
            "missing" => {
                let s = format!("missing {}", output::human_secs(w.since_heartbeat));
                if out.color {
                    console::style(s).red().bold().to_string()
                } else {
                    s
                }
            }
            s if !w.answered => format!("{s} (no reply)"),
            s => s.to_string(),
        };
        let pool = match (w.concurrency, &w.pool) {
            (Some(c), Some(p)) => format!("{c} {p}"),
            (Some(c), None) => c.to_string(),
            _ => "-".into(),
        };
        let dash = || "-".to_string();
        let mut cells = vec![
            w.worker.clone(),
            status,
            pool,
            w.processed.map(|n| out.count(n)).unwrap_or_else(dash),
        ];
        if self.watching {
            cells.push(w.rate.map(|r| format!("{r:.1}/s")).unwrap_or_else(dash));
        }
        cells.push(
            w.loadavg
                .as_ref()
                .and_then(|l| l.first())
                .map(|l| format!("{l:.2}"))
                .unwrap_or_else(dash),
        );
        cells.push(if w.queues.is_empty() {
            dash()
        } else {
            w.queues.join(",")
        });
        cells
    }

    fn worker_headers(&self) -> Vec<&'static str> {
        let mut h = vec!["worker", "status", "pool", "processed"];
        if self.watching {
            h.push("rate");
        }
        h.extend(["load", "queues"]);
        h
    }

    fn task_cells(task: &TaskRow) -> [String; 4] {
        [
            short_task(&task.name).to_string(),
            task.document
                .clone()
                .or(task.batch.clone())
                .unwrap_or_else(|| "-".into()),
            output::human_secs(task.runtime),
            task.worker_pid
                .map(|p| p.to_string())
                .unwrap_or_else(|| "-".into()),
        ]
    }

    /// Off a terminal: one record per running task (a worker without one
    /// gets one record), every record whole, so `grep DOCUMENT` finds its worker.
    fn records(&self, out: &Output) -> String {
        let mut headers = self.worker_headers();
        headers.extend(["task", "document", "running", "pid", "task id"]);
        let mut t = out.table(&headers);
        for w in &self.workers {
            let cells = self.worker_cells(w, out);
            if w.active.is_empty() {
                let mut row = cells.clone();
                row.extend(["-", "-", "-", "-", "-"].map(String::from));
                t.add_row(row);
            }
            for task in &w.active {
                let mut row = cells.clone();
                row.extend(Self::task_cells(task));
                row.push(task.id.clone());
                t.add_row(row);
            }
        }
        t.to_string()
    }

    /// On a terminal: the workers, then their running tasks (the task id
    /// only where the width leaves room for it).
    fn tables(&self, out: &Output) -> String {
        let mut headers = self.worker_headers();
        headers.push("active");
        let mut t = out.table(&headers);
        for w in &self.workers {
            let mut row = self.worker_cells(w, out);
            row.push(
                w.active_count
                    .map(|n| n.to_string())
                    .unwrap_or_else(|| "-".into()),
            );
            t.add_row(row);
        }
        let mut text = if t.is_empty() {
            String::new()
        } else {
            format!("{t}\n")
        };
        let with_id = out.width >= 160;
        let mut headers = vec!["worker", "task", "document", "running", "pid"];
        if with_id {
            headers.push("task id");
        }
        let mut tasks = out.table(&headers);
        for w in &self.workers {
            for task in &w.active {
                let mut row = vec![w.worker.clone()];
                row.extend(Self::task_cells(task));
                if with_id {
                    row.push(task.id.clone());
                }
                tasks.add_row(row);
            }
        }
        if !tasks.is_empty() {
            text.push_str(&format!("\n{tasks}\n"));
        }
        text
    }
}

impl Report for WorkersReport {
    fn text(&self, out: &Output) -> String {
        let mut text = if out.aligned() {
            self.tables(out)
        } else {
            let r = self.records(out);
            if r.is_empty() { r } else { format!("{r}\n") }
        };
        let online = self.workers.iter().filter(|w| w.status == "online").count();
        let missing = self.workers.len() - online;
        let running: usize = self.workers.iter().map(|w| w.active.len()).sum();
        let mut summary = if self.workers.is_empty() {
            format!(
                "no worker answered within {} or sent a heartbeat",
                output::human_secs(Some(self.window.as_secs_f64()))
            )
        } else {
            format!("{online} worker(s) online, {running} task(s) running")
        };
        if missing > 0 {
            summary.push_str(&format!(
                "; {missing} missing (heartbeats stopped: killed, hung or cut off)"
            ));
        }
        if self.silent > 0 {
            summary.push_str(&format!(
                "; {} pidbox subscriber(s) did not answer within {} (a busy solo pool?)",
                self.silent,
                output::human_secs(Some(self.window.as_secs_f64()))
            ));
        }
        out.aside(&mut text, summary);
        text
    }
}

/// What the watch remembers between refreshes.
#[derive(Default)]
struct Memory {
    book: Book,
    /// worker -> (tasks processed, when), for the rates.
    processed: BTreeMap<String, (u64, f64)>,
}

/// The rows of one snapshot: every worker that answered or that the
/// heartbeats know, minus those gone offline.
fn rows(replies: &Replies, mem: &mut Memory, now: f64) -> Vec<WorkerRow> {
    let mut names = replies.workers();
    names.extend(mem.book.workers.keys().cloned());
    names.sort();
    names.dedup();
    let mut out = Vec::new();
    for name in names {
        let seen = mem.book.workers.get(&name);
        if seen.is_some_and(|s| s.offline_at.is_some()) {
            mem.processed.remove(&name);
            continue; // a graceful stop: gone at once
        }
        let answered = METHODS.iter().any(|m| replies.get(m, &name).is_some());
        let alive = answered || seen.is_some_and(|s| s.alive(now));
        let stats = replies.get("stats", &name).map(Stats::from_json);
        let active: Vec<TaskRow> = replies
            .get("active", &name)
            .map(ActiveTask::list)
            .unwrap_or_default()
            .into_iter()
            .map(|t| TaskRow {
                runtime: t.time_start.map(|s| (now - s).max(0.0)),
                name: t.name,
                id: t.id,
                document: t.document,
                batch: t.batch,
                worker_pid: t.worker_pid,
                queue: t.queue,
            })
            .collect();
        let hb = seen.map(|s| &s.last);
        let processed = stats
            .as_ref()
            .map(Stats::processed)
            .or_else(|| hb.and_then(|h| h.processed));
        let rate = processed.and_then(|p| {
            let prev = mem.processed.insert(name.clone(), (p, now));
            prev.and_then(|(q, t)| (p >= q && now > t).then(|| (p - q) as f64 / (now - t)))
        });
        let last = seen.map(|s| s.last_received);
        out.push(WorkerRow {
            status: if alive { "online" } else { "missing" },
            answered,
            concurrency: stats.as_ref().and_then(|s| s.concurrency),
            pool: stats.as_ref().and_then(|s| s.pool.clone()),
            processes: stats.as_ref().and_then(|s| {
                if s.processes.is_empty() {
                    s.threads
                } else {
                    Some(s.processes.len() as u64)
                }
            }),
            processed,
            rate,
            loadavg: hb.and_then(|h| h.loadavg.clone()),
            queues: replies
                .get("active_queues", &name)
                .map(pidbox::queue_names)
                .unwrap_or_default(),
            active_count: if answered && replies.get("active", &name).is_some() {
                Some(active.len() as u64)
            } else {
                hb.and_then(|h| h.active)
            },
            active,
            last_heartbeat: last.map(rfc3339),
            since_heartbeat: last.map(|l| (now - l).max(0.0)),
            freq: seen.map(|s| s.freq),
            pid: stats
                .as_ref()
                .and_then(|s| s.pid)
                .or(hb.and_then(|h| h.pid)),
            uptime: stats.as_ref().and_then(|s| s.uptime),
            sw_ver: hb.and_then(|h| h.sw_ver.clone()),
            worker: name,
        });
    }
    out
}

fn rfc3339(epoch: f64) -> String {
    let t = std::time::UNIX_EPOCH + Duration::from_secs_f64(epoch.max(0.0));
    humantime::format_rfc3339_millis(t).to_string()
}

/// `ldp monitor workers`.
pub async fn workers(ctx: &Ctx, o: WorkersOptions) -> Result<Exit> {
    check_watch(ctx, "monitor workers", &o.watch)?;
    let window = if ctx.settings.timeout_given {
        ctx.settings.broker.timeout
    } else {
        DEFAULT_WINDOW
    };
    let broker = ctx.broker().await?;
    let layout = ctx.settings.broker_layout.clone();
    let mut mailbox = Mailbox::new(&broker, &layout)?;
    let node = broker.node(0);
    let connect = ctx.settings.broker.timeout;
    // Without the events (an ACL user without pub/sub rights) the replies still tell a lot.
    let mut listener = match Listener::start(node, &layout, connect).await {
        Ok(l) => Some(l),
        Err(e) => {
            ctx.out.warn(format!(
                "cannot listen to the worker events ({}): no heartbeats, so no missing workers \
                 and no load averages",
                crate::error::one_line(&e)
            ));
            None
        }
    };
    let denied = listener.is_none();
    let mut mem = Memory::default();
    let watching = o.watch.watch.is_some();
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);
    // SIGTERM (a service stop, `timeout`) cleans up the same way.
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .map_err(|e| anyhow::anyhow!("cannot install a signal handler: {e}"))?;
    let run = run_watched(ctx, "monitor workers", &o.watch, async || {
        if !denied && listener.as_ref().is_none_or(|l| !l.is_running()) {
            // The subscription broke (a broker restart): take it up again.
            listener = Listener::start(node, &layout, connect).await.ok();
        }
        let replies = mailbox.ask(&METHODS, window).await?;
        if let Some(l) = listener.as_mut() {
            l.drain_into(&mut mem.book);
        }
        let now = unix_now();
        let workers = rows(&replies, &mut mem, now);
        let answered = workers.iter().filter(|w| w.answered).count() as u64;
        Ok(WorkersReport {
            silent: replies.subscribers.saturating_sub(answered),
            workers,
            window,
            watching,
        })
    });
    // A signal first: interrupted, whatever the snapshot was doing; the
    // reply queue and binding are removed either way.
    let (result, settle) = tokio::select! {
        biased;
        _ = &mut ctrl_c => (Ok(Exit::Interrupted), Some(SETTLE)),
        _ = term.recv() => (Ok(Exit::from_signal(libc::SIGTERM)), Some(SETTLE)),
        r = run => (r, None),
    };
    // The watch also stops on Ctrl-C by itself (exit 0, as every watch
    // does), and its listener may see the signal before this one: a watch
    // that ended without error gets a moment for a pending Ctrl-C to show.
    let (result, settle) = match result {
        Ok(Exit::Ok) if watching && settle.is_none() => {
            match tokio::time::timeout(SIGNAL_GRACE, &mut ctrl_c).await {
                Ok(_) => (Ok(Exit::Interrupted), Some(SETTLE)),
                Err(_) => (Ok(Exit::Ok), None),
            }
        }
        other => (other, settle),
    };
    drop(listener);
    let closed = mailbox.close(settle).await;
    let exit = result?;
    closed?;
    Ok(exit)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::broker::events::{Kind, WorkerEvent};

    fn hb(host: &str, processed: u64) -> WorkerEvent {
        WorkerEvent {
            kind: Kind::Heartbeat,
            hostname: host.into(),
            pid: Some(1),
            freq: 2.0,
            active: Some(0),
            processed: Some(processed),
            loadavg: Some(vec![0.5, 0.4, 0.3]),
            sw_ver: Some("5.7.0".into()),
            timestamp: None,
        }
    }

    #[test]
    fn missing_by_celerys_rule_and_offline_gone() {
        let mut mem = Memory::default();
        mem.book.record(100.0, hb("a@h", 1));
        mem.book.record(100.0, hb("b@h", 1));
        let mut replies = Replies::default();
        replies.by_method.entry("stats".into()).or_default().insert(
            "a@h".into(),
            json!({"total": {"x": 3}, "pool": {"max-concurrency": 2}}),
        );
        let r = rows(&replies, &mut mem, 103.0);
        assert_eq!(r.len(), 2);
        assert!(r.iter().all(|w| w.status == "online"));
        let r = rows(&replies, &mut mem, 104.5);
        assert_eq!((r[0].status, r[1].status), ("online", "missing"));
        assert_eq!(r[1].since_heartbeat, Some(4.5));
        assert_eq!(r[0].rate, Some(0.0));
        mem.book.record(
            105.0,
            WorkerEvent {
                kind: Kind::Offline,
                ..hb("a@h", 3)
            },
        );
        let r = rows(&Replies::default(), &mut mem, 105.0);
        assert_eq!(r.len(), 1, "offline is gone at once");
        assert_eq!(r[0].worker, "b@h");
    }
}
