//! The audit trail's two ends in the command runner: the check before a
//! destructive run (`--require-audit`), the entry after it, and `ldp audit`,
//! which lists the entries.

use std::time::Duration;

use anyhow::Result;
use serde::Serialize;

use crate::audit::{self, Entry, Outcome};
use crate::commands::Ctx;
use crate::error::{self, LdpError};
use crate::exit::Exit;
use crate::output::{Output, RecordStream, Report};

/// `ldp audit`'s options.
#[derive(Debug, Clone)]
pub struct AuditOptions {
    /// Entries no older than this (by the server's clock).
    pub since: Option<Duration>,
    /// Only this action (`keys delete`, `cache clear`, ...).
    pub action: Option<String>,
    /// At most the newest N entries.
    pub limit: Option<usize>,
}

/// `--require-audit`: before anything changes, the entry must be writable
/// (the file opens, the stream takes writes from this user).
pub async fn preflight(ctx: &Ctx) -> Result<()> {
    let fail = |e: anyhow::Error| {
        LdpError::usage(format!(
            "--require-audit: the audit entry could not be written, nothing changed: {}",
            error::one_line(&e)
        ))
    };
    let redis = ctx.redis().await.map_err(fail)?;
    audit::preflight(&redis, &ctx.settings.audit)
        .await
        .map_err(fail)
}

/// How a run ended, for its entry.
fn outcome(result: &Result<Exit>) -> Outcome {
    match result {
        Ok(exit) => Outcome {
            word: match exit {
                Exit::Ok => "ok",
                Exit::Interrupted | Exit::Signal(_) => "interrupted",
                _ => "failed",
            },
            exit: exit.code(),
            error: None,
        },
        Err(e) => Outcome {
            word: "error",
            exit: error::exit_for(e).code(),
            error: Some(error::one_line(e)),
        },
    }
}

/// Write the run's entry (the file, then the stream). One that cannot be
/// written is said on stderr; with `--require-audit` the run then fails.
pub async fn record(ctx: &Ctx, action: &str, result: Result<Exit>) -> Result<Exit> {
    let settings = &ctx.settings.audit;
    let entry = ctx
        .journal
        .entry(action, &ctx.command, outcome(&result), settings);
    let mut missing = Vec::new();
    if let Some(p) = &settings.file
        && let Err(e) = audit::append_file(p, &entry)
    {
        missing.push(error::one_line(&e));
    }
    let stream = async {
        let redis = ctx.redis().await?;
        audit::append_stream(&redis, &entry).await
    };
    match stream.await {
        Ok(id) => ctx
            .out
            .debug(format!("audit entry {id} in {}", audit::STREAM)),
        Err(e) => missing.push(format!("{}: {}", audit::STREAM, error::one_line(&e))),
    }
    if missing.is_empty() {
        return result;
    }
    let missing = missing.join("; ");
    match result {
        // Still one line: the failure, and that its entry is missing too.
        Err(e) => Err(e.context(format!(
            "{action} failed and its audit entry could not be written ({missing})"
        ))),
        Ok(exit) => {
            eprintln!(
                "ldp: the audit entry of this {action} could not be written ({missing}); what the run did is above"
            );
            Ok(if exit == Exit::Ok && settings.required {
                Exit::Failure
            } else {
                exit
            })
        }
    }
}

/// The entries `ldp audit` shows (the table; JSON streams them).
#[derive(Debug, Serialize)]
struct Listing {
    entries: Vec<Entry>,
}

impl Report for Listing {
    fn text(&self, out: &Output) -> String {
        if self.entries.is_empty() {
            return "no audit entries\n".into();
        }
        let mut t = out.table(&["time", "who", "action", "subject", "changed", "outcome"]);
        t.whole(&[3]);
        for e in &self.entries {
            t.add_row(vec![
                e.time.clone(),
                format!("{}@{}", e.user, e.host),
                e.action.clone(),
                e.subject.join(" "),
                counts(&e.changed),
                match &e.error {
                    Some(err) => format!("{}: {err}", e.outcome),
                    None => e.outcome.clone(),
                },
            ]);
        }
        format!("{t}\n")
    }
}

/// `family 3, other 2`, or `none`.
fn counts(m: &std::collections::BTreeMap<String, u64>) -> String {
    if m.values().all(|n| *n == 0) {
        return "none".into();
    }
    m.iter()
        .filter(|(_, n)| **n > 0)
        .map(|(k, n)| format!("{k} {}", crate::output::thousands(*n)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `ldp audit`.
pub async fn list(ctx: &Ctx, o: AuditOptions) -> Result<Exit> {
    let redis = ctx.redis().await?;
    let since_ms = match o.since {
        Some(d) => {
            // The stream's IDs are the server's clock: measure back from it.
            let (secs, micros): (u64, u64) = redis
                .read_key(audit::STREAM.as_bytes(), &redis::cmd("TIME"))
                .await?;
            let now_ms = secs * 1000 + micros / 1000;
            Some(now_ms.saturating_sub(d.as_millis() as u64))
        }
        None => None,
    };
    // Without --action the last --limit entries are the answer: read only those.
    let newest = if o.action.is_none() { o.limit } else { None };
    let mut entries = audit::read(&redis, since_ms, newest).await?;
    if let Some(a) = &o.action {
        entries.retain(|e| &e.action == a);
    }
    if let Some(n) = o.limit {
        let skip = entries.len().saturating_sub(n);
        entries.drain(..skip);
    }
    let out = &ctx.out;
    let mut rs = RecordStream::new(
        out,
        "entries",
        &serde_json::json!({"stream": audit::STREAM}),
    );
    if !rs.streams() {
        out.print(&Listing { entries })?;
        return Ok(Exit::Ok);
    }
    for e in &entries {
        rs.push(e);
    }
    rs.finish(
        out,
        &Count {
            count: entries.len(),
        },
    )?;
    Ok(Exit::Ok)
}

/// The tail of a streamed listing.
#[derive(Debug, Serialize)]
struct Count {
    count: usize,
}

impl Report for Count {
    fn text(&self, _out: &Output) -> String {
        String::new()
    }
}
