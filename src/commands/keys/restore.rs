//! `ldp keys restore FILE`: put back what a `--backup FILE` holds, RESTORE
//! by RESTORE (routed by slot in a cluster, pipelined in batches), each key
//! with the TTL it had left when it was dumped.

use std::path::PathBuf;

use anyhow::{Context, Result};
use redis::Value;
use serde::Serialize;

use crate::backup::{Reader, Record};
use crate::bytes;
use crate::commands::Ctx;
use crate::consent::Consent;
use crate::error::LdpError;
use crate::exit::Exit;
use crate::output::{self, Output, Report};
use crate::redis::Redis;

/// Records per pipelined round.
const BATCH: usize = 1000;
/// Keys the report names (existing ones, failures); the counts are complete.
const LISTED: usize = 10_000;

/// Plain options of `keys restore`.
#[derive(Debug, Clone)]
pub struct RestoreOptions {
    pub file: PathBuf,
    pub replace: bool,
    pub consent: Consent,
}

/// One key RESTORE refused.
#[derive(Debug, Serialize)]
pub struct Failure {
    pub key: String,
    pub error: String,
}

/// The outcome of a restore (or of a dry run).
#[derive(Debug, Serialize)]
pub struct RestoreReport {
    pub file: String,
    pub dry_run: bool,
    pub replace: bool,
    /// The backup's header: server, time, command.
    pub server: String,
    pub created: String,
    pub command: String,
    /// Records read from the file.
    pub read: u64,
    /// Keys put back (dry run: that would be).
    pub restored: u64,
    /// Keys that exist already and were left alone (without --replace).
    pub existed: u64,
    /// Of those restored, how many overwrote a key (--replace; dry run only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub would_replace: Option<u64>,
    pub failed: u64,
    /// The keys that existed already (the first 10,000).
    pub existing: Vec<String>,
    pub failures: Vec<Failure>,
    /// Set when the file is truncated or corrupt: what was readable was restored.
    pub damaged: Option<String>,
}

impl Report for RestoreReport {
    fn text(&self, out: &Output) -> String {
        let mut s = format!(
            "backup of {} ({}, {}), {} keys read\n",
            self.server,
            self.command,
            self.created,
            out.count(self.read)
        );
        let verb = if self.dry_run {
            "dry run: would restore"
        } else {
            "restored"
        };
        s.push_str(&format!("{verb} {} keys", out.count(self.restored)));
        if let Some(n) = self.would_replace.filter(|n| *n > 0) {
            s.push_str(&format!(
                " ({} of them replacing existing keys)",
                out.count(n)
            ));
        }
        s.push('\n');
        if self.existed > 0 {
            s.push_str(&format!(
                "{} keys exist already{} (--replace overwrites them):\n",
                out.count(self.existed),
                if self.dry_run {
                    ""
                } else {
                    " and were left alone"
                }
            ));
            for k in &self.existing {
                s.push_str(&format!("  {k}\n"));
            }
            if self.existed > self.existing.len() as u64 {
                s.push_str(&format!(
                    "  ... and {} more\n",
                    out.count(self.existed - self.existing.len() as u64)
                ));
            }
        }
        if self.failed > 0 {
            s.push_str(&format!("{} keys failed:\n", out.count(self.failed)));
            for f in &self.failures {
                s.push_str(&format!("  {}: {}\n", f.key, f.error));
            }
        }
        s
    }
}

impl RestoreReport {
    fn existing(&mut self, key: &[u8]) {
        self.existed += 1;
        if self.existing.len() < LISTED {
            self.existing.push(bytes::escape(key));
        }
    }

    fn failure(&mut self, key: &[u8], error: String) {
        self.failed += 1;
        if self.failures.len() < LISTED {
            self.failures.push(Failure {
                key: bytes::escape(key),
                error,
            });
        }
    }

    /// Sort one round's RESTORE replies into the counts.
    fn take(&mut self, batch: &[Record], replies: Vec<Value>) {
        for (r, v) in batch.iter().zip(replies) {
            match v {
                Value::Okay => self.restored += 1,
                Value::ServerError(e) if e.code() == "BUSYKEY" => self.existing(&r.key),
                Value::ServerError(e) => self.failure(&r.key, server_text(&e)),
                other => self.failure(&r.key, format!("unexpected reply {other:?}")),
            }
        }
    }
}

fn server_text(e: &redis::ServerError) -> String {
    match e.details() {
        Some(d) => format!("{} {d}", e.code()),
        None => e.code().to_string(),
    }
}

/// `ldp keys restore`.
pub async fn restore(ctx: &Ctx, o: RestoreOptions) -> Result<Exit> {
    let out = &ctx.out;
    // Only --replace can destroy anything: only it passes the gate.
    let gate = if o.replace {
        Some(
            o.consent
                .admit(out, &ctx.journal, "overwrite keys (--replace)")?,
        )
    } else {
        None
    };
    let mut reader = Reader::open(&o.file)
        .map_err(|e| LdpError::usage(format!("cannot restore {}: {e:#}", o.file.display())))?;
    let h = reader.header().clone();
    if let Some(g) = &gate {
        g.journal().subject(o.file.display().to_string());
    }
    let redis = ctx.redis().await?;
    if let Some(g) = &gate
        && g.will_ask()
    {
        eprintln!(
            "{}: a backup of {} ({}, {}) onto {}",
            o.file.display(),
            h.server,
            h.command,
            h.created,
            redis.label()
        );
        if !g.confirm(out, "Restore it, overwriting keys that exist?")? {
            out.note("nothing restored");
            return Ok(Exit::Failure);
        }
    }
    let mut report = RestoreReport {
        file: o.file.display().to_string(),
        dry_run: o.consent.dry_run,
        replace: o.replace,
        server: h.server,
        created: h.created,
        command: h.command,
        read: 0,
        restored: 0,
        existed: 0,
        would_replace: (o.consent.dry_run && o.replace).then_some(0),
        failed: 0,
        existing: Vec::new(),
        failures: Vec::new(),
        damaged: None,
    };
    let pb = out.spinner("restoring");
    loop {
        let mut batch = Vec::with_capacity(BATCH);
        while batch.len() < BATCH {
            match reader.next_record() {
                Some(Ok(r)) => batch.push(r),
                Some(Err(e)) => {
                    report.damaged = Some(e.to_string());
                    break;
                }
                None => break,
            }
        }
        if batch.is_empty() {
            break;
        }
        report.read += batch.len() as u64;
        let before = report.restored;
        let r = round(&redis, &o, &batch, &mut report).await;
        if let Some(g) = &gate {
            g.journal().matched("keys", batch.len() as u64);
            g.journal().changed("keys", report.restored - before);
        }
        r.with_context(|| {
            format!(
                "after restoring {} keys from {}",
                output::thousands(report.restored),
                o.file.display()
            )
        })?;
        pb.set_position(report.read);
        if report.damaged.is_some() {
            break;
        }
    }
    pb.finish_and_clear();
    out.print(&report)?;
    if let Some(d) = &report.damaged {
        out.warn(format!(
            "{}: {d}; restored the {} readable records",
            o.file.display(),
            output::thousands(report.read)
        ));
    }
    let conflicts = report.existed > 0 && !o.replace;
    Ok(
        if report.failed > 0 || conflicts || report.damaged.is_some() {
            Exit::Failure
        } else {
            Exit::Ok
        },
    )
}

/// One batch: RESTORE it, or on a dry run ask which keys exist.
async fn round(
    redis: &Redis,
    o: &RestoreOptions,
    batch: &[Record],
    report: &mut RestoreReport,
) -> Result<()> {
    if !o.consent.dry_run {
        let replies = redis.restore(batch, o.replace).await?;
        report.take(batch, replies);
        return Ok(());
    }
    let keys: Vec<Vec<u8>> = batch.iter().map(|r| r.key.clone()).collect();
    let exists = redis
        .per_key(&keys, 1, true, |p, k| {
            p.cmd("EXISTS").arg(k);
        })
        .await?;
    for (k, v) in keys.iter().zip(exists) {
        let present = matches!(v.first(), Some(Value::Int(1)));
        match (present, o.replace) {
            (false, _) => report.restored += 1,
            (true, true) => {
                report.restored += 1;
                if let Some(n) = report.would_replace.as_mut() {
                    *n += 1;
                }
            }
            (true, false) => report.existing(k),
        }
    }
    Ok(())
}
