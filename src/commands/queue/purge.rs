//! `ldp queue purge QUEUE... [--task NAME]`: remove ready messages from a
//! queue's priority lists (`unacked` is never touched). Without `--task` each
//! list goes at once (its length and UNLINK in one transaction, so the count
//! is what was removed). With `--task` the lists are rewritten in place, a
//! window at a time, from the head: one script per window marks the matching
//! messages and removes exactly those, so a message pushed meanwhile (at the
//! head) or popped by a worker (at the tail) is never lost or counted twice.

use anyhow::{Context, Result};
use redis::{Script, Value};
use serde::Serialize;

use super::{check_queue, lists};
use crate::backup::{Header, Record, Writer};
use crate::broker::message::Message;
use crate::bytes;
use crate::commands::Ctx;
use crate::commands::keys::BackupNote;
use crate::consent::Consent;
use crate::exit::Exit;
use crate::output::{Output, Report};
use crate::redis::Node;
use crate::redis::script::{eval, server_error};

/// Messages read (or rewritten) per round.
const WINDOW: usize = 2000;

/// KEYS[1]: a list. ARGV: the window's first index from the head, its size,
/// the task name, a tombstone no message can equal. Marks the window's
/// messages of that task with the tombstone (LSET) and removes exactly those
/// (LREM from the head stops after the last one). Returns {examined, removed}.
const PURGE_LUA: &str = r#"
local first = tonumber(ARGV[1])
local items = redis.call('LRANGE', KEYS[1], first, first + tonumber(ARGV[2]) - 1)
local hit = 0
for i, v in ipairs(items) do
  local ok, m = pcall(cjson.decode, v)
  if ok and type(m) == 'table' and type(m.headers) == 'table' and m.headers.task == ARGV[3] then
    redis.call('LSET', KEYS[1], first + i - 1, ARGV[4])
    hit = hit + 1
  end
end
if hit > 0 then redis.call('LREM', KEYS[1], hit, ARGV[4]) end
return {#items, hit}
"#;

/// Plain options of `queue purge`.
#[derive(Debug, Clone)]
pub struct PurgeOptions {
    pub queues: Vec<String>,
    pub task: Option<String>,
    pub consent: Consent,
    /// `--backup FILE`: DUMP each list into FILE in the transaction that deletes it.
    pub backup: Option<std::path::PathBuf>,
}

/// One priority list: what it held (of the task) and what was removed.
#[derive(Debug, Serialize)]
struct ListPurge {
    queue: String,
    key: String,
    step: u8,
    /// Ready messages in the list when it was counted.
    ready: u64,
    /// Of those, the messages to remove (all, or the task's).
    matching: u64,
    /// Removed (0 on a dry run).
    removed: u64,
}

#[derive(Debug, Serialize)]
struct PurgeReport {
    dry_run: bool,
    task: Option<String>,
    removed: u64,
    lists: Vec<ListPurge>,
    #[serde(skip_serializing_if = "Option::is_none")]
    backup: Option<BackupNote>,
}

impl Report for PurgeReport {
    fn text(&self, out: &Output) -> String {
        let mut t = out.table(&["queue", "key", "ready", "matching", "removed"]);
        for l in self.lists.iter().filter(|l| l.ready > 0) {
            t.add_row(vec![
                l.queue.clone(),
                l.key.clone(),
                l.ready.to_string(),
                l.matching.to_string(),
                l.removed.to_string(),
            ]);
        }
        let what = self
            .task
            .as_deref()
            .map_or("messages".to_string(), |t| format!("{t} messages"));
        let matching: u64 = self.lists.iter().map(|l| l.matching).sum();
        let mut s = String::new();
        if self.lists.iter().any(|l| l.ready > 0) {
            s.push_str(&format!("{t}\n"));
        }
        let line = if self.dry_run {
            format!("dry run: would remove {} {what}", out.count(matching))
        } else {
            format!("removed {} {what}", out.count(self.removed))
        };
        out.aside(&mut s, line);
        if let Some(b) = &self.backup {
            out.aside(&mut s, b.line().trim_end());
        }
        s
    }
}

/// `ldp queue purge`.
pub async fn purge(ctx: &Ctx, o: PurgeOptions) -> Result<Exit> {
    for q in &o.queues {
        check_queue(q)?;
    }
    if let Some(t) = &o.task
        && (t.is_empty() || t.chars().any(char::is_whitespace))
    {
        return Err(crate::error::LdpError::usage(format!(
            "invalid --task '{t}'"
        )));
    }
    if o.backup.is_some() && o.task.is_some() {
        return Err(crate::error::LdpError::usage(
            "--backup works on whole-list purges only: with --task the list is rewritten in place; drop --task or --backup",
        ));
    }
    let out = &ctx.out;
    let gate = o.consent.admit(out, &ctx.journal, "purge queues")?;
    let journal = gate.journal();
    for q in &o.queues {
        journal.subject(format!("queue {q}"));
    }
    if let Some(t) = &o.task {
        journal.subject(format!("task {t}"));
    }
    let broker = ctx.broker().await?;
    let node = broker.node(0);
    let mut plan = Vec::new();
    for q in &o.queues {
        for (step, key) in lists(&ctx.settings.broker_layout, q) {
            let ready: u64 = node
                .read(redis::cmd("LLEN").arg(&key))
                .await
                .with_context(|| format!("LLEN {}", bytes::escape(&key)))?;
            let matching = match (&o.task, ready) {
                (_, 0) => 0,
                (None, n) => n,
                (Some(t), _) => count_task(node, &key, t).await?,
            };
            plan.push((
                key,
                ListPurge {
                    queue: q.clone(),
                    key: String::new(),
                    step,
                    ready,
                    matching,
                    removed: 0,
                },
            ));
        }
    }
    let matching: u64 = plan.iter().map(|(_, l)| l.matching).sum();
    for (_, l) in &plan {
        journal.matched(&l.queue, l.matching);
    }
    if matching > 0 && gate.will_ask() {
        eprintln!(
            "{} {} in {} on {}",
            out.count(matching),
            o.task.as_deref().unwrap_or("ready messages"),
            o.queues.join(", "),
            broker.label()
        );
    }
    let mut backup = match matching {
        0 => None,
        _ => gate.backup(
            o.backup.as_deref(),
            &Header::new(broker.label(), broker.is_cluster(), "queue purge"),
        )?,
    };
    let go = matching > 0 && gate.confirm(out, "Remove them?")?;
    if matching > 0 && !go && !gate.dry_run {
        out.note("nothing removed");
        return Ok(Exit::Failure);
    }
    let mut lists = Vec::new();
    let mut removed = 0;
    for (key, mut l) in plan {
        l.key = bytes::escape(&key);
        if go && l.matching > 0 {
            l.removed = match &o.task {
                None => unlink_counted(node, &key, &mut backup).await?,
                Some(t) => purge_task(node, &key, t, l.ready).await?,
            };
            removed += l.removed;
            journal.changed(&l.queue, l.removed);
        }
        lists.push(l);
    }
    out.print(&PurgeReport {
        dry_run: gate.dry_run,
        task: o.task,
        removed,
        lists,
        backup: BackupNote::finish(backup)?,
    })?;
    Ok(Exit::Ok)
}

/// A list's messages of `task` (read-only, a window at a time).
async fn count_task(node: &Node, key: &[u8], task: &str) -> Result<u64> {
    let mut n = 0;
    let mut first = 0usize;
    loop {
        let items: Vec<Vec<u8>> = node
            .read(
                redis::cmd("LRANGE")
                    .arg(key)
                    .arg(first)
                    .arg(first + WINDOW - 1),
            )
            .await
            .with_context(|| format!("LRANGE {}", bytes::escape(key)))?;
        n += items
            .iter()
            .filter(|m| Message::decode(m).task.as_deref() == Some(task))
            .count() as u64;
        if items.len() < WINDOW {
            return Ok(n);
        }
        first += WINDOW;
    }
}

/// The list's length and UNLINK in one transaction: the count is exactly
/// what went. With a backup, the list's PTTL and DUMP join the transaction,
/// so the backup holds exactly what was removed.
async fn unlink_counted(node: &Node, key: &[u8], backup: &mut Option<Writer>) -> Result<u64> {
    let mut p = redis::pipe();
    p.atomic().cmd("LLEN").arg(key);
    if backup.is_some() {
        p.cmd("PTTL").arg(key).cmd("DUMP").arg(key);
    }
    p.cmd("UNLINK").arg(key).ignore();
    let (n, pttl, dump): (u64, Option<i64>, Option<Vec<u8>>) = if backup.is_some() {
        node.pipe(&p).await
    } else {
        node.pipe::<(u64,)>(&p).await.map(|(n,)| (n, None, None))
    }
    .map_err(|e| server_error(node, "purging a queue", e))?;
    if let (Some(w), Some(payload)) = (backup.as_mut(), dump) {
        w.save(&Record::deleted(key, pttl, payload), || {
            format!("{} is purged", bytes::escape(key))
        })?;
    }
    Ok(n)
}

/// Remove the messages of `task` from a list, a window at a time from the
/// head; `ready` bounds the walk (with room for messages pushed meanwhile).
async fn purge_task(node: &Node, key: &[u8], task: &str, ready: u64) -> Result<u64> {
    let script = Script::new(PURGE_LUA);
    let tombstone = format!("ldp-purge-{}", uuid::Uuid::new_v4());
    let window = WINDOW.to_string();
    let (mut first, mut removed, mut examined) = (0u64, 0u64, 0u64);
    let limit = ready.saturating_mul(2) + WINDOW as u64;
    while examined < limit {
        let at = first.to_string();
        let args: [&[u8]; 4] = [
            at.as_bytes(),
            window.as_bytes(),
            task.as_bytes(),
            tombstone.as_bytes(),
        ];
        let r = eval(node, &script, PURGE_LUA, &[key], &args)
            .await
            .map_err(|e| server_error(node, "purging a queue", e))?;
        let (seen, hit) = match r {
            Value::Array(a) => (int(a.first()), int(a.get(1))),
            other => anyhow::bail!("unexpected reply from the purge script: {other:?}"),
        };
        removed += hit;
        examined += seen;
        // The removed ones closed up: the next window starts after the kept.
        first += seen - hit;
        if seen < WINDOW as u64 {
            break;
        }
    }
    Ok(removed)
}

fn int(v: Option<&Value>) -> u64 {
    match v {
        Some(Value::Int(n)) => (*n).max(0) as u64,
        _ => 0,
    }
}
