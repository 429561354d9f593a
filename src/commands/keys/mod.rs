//! `ldp keys scan` and `ldp keys delete`: streaming SCAN over every primary,
//! pipelined TYPE/PTTL/MEMORY USAGE, and batched UNLINK.

pub mod audit;
pub mod restore;

use std::collections::HashMap;

use anyhow::{Context, Result};
use futures_util::StreamExt;
use futures_util::stream::{FuturesOrdered, FuturesUnordered};
use redis::Value;
use serde::Serialize;

use crate::audit::Journal;
use crate::backup::{Header, Writer};
use crate::biggest::Biggest;
use crate::bytes;
use crate::commands::Ctx;
use crate::consent::{Admitted, Consent};
use crate::error::LdpError;
use crate::exit::Exit;
use crate::fold::fold_key;
use crate::keyspace::Protection;
use crate::output::OutputFormat;
use crate::output::{self, Output, Report, Row, RowWriter, StreamMode};
use crate::redis::dump::Unlinked;
use crate::redis::{Redis, ScanSpec, SlotRange};

/// Keys per UNLINK command (the reference pass of DESIGN.md uses 1000 too).
const UNLINK_BATCH: usize = 1000;
/// Rows a table shows when no `--limit` is given.
const TABLE_ROWS: usize = 1000;
/// Enrichment pipelines in flight at once.
const IN_FLIGHT: usize = 4;
/// Keys shown by `--dry-run` and the confirmation prompt.
const SAMPLE: usize = 10;

const REDIS_TYPES: [&str; 6] = ["string", "list", "set", "zset", "hash", "stream"];

/// Extra columns of `keys scan --fields`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScanField {
    Ttl,
    Type,
    Memory,
}

/// Plain options of `keys scan`.
#[derive(Debug, Clone)]
pub struct ScanOptions {
    pub pattern: Vec<u8>,
    pub key_type: Option<String>,
    pub limit: Option<u64>,
    pub fields: Vec<ScanField>,
    pub no_ttl: bool,
    pub group: bool,
    pub top: Option<usize>,
    pub count: u32,
    pub memory_samples: u32,
}

/// Plain options of `keys delete`.
#[derive(Debug, Clone)]
pub struct DeleteOptions {
    pub pattern: Vec<u8>,
    pub consent: Consent,
    /// `--backup FILE`: DUMP every key into FILE as it is deleted.
    pub backup: Option<std::path::PathBuf>,
    pub max_keys: Option<u64>,
    pub include_protected: bool,
    pub count: u32,
}

/// One key with the fields asked for. `None` = not requested; `ttl: Some(None)`
/// = no expiry (JSON null).
#[derive(Debug, Clone, Serialize)]
pub struct KeyRow {
    #[serde(serialize_with = "ser_key")]
    pub key: Vec<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_base64: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub key_type: Option<String>,
    /// Seconds left (millisecond precision); null when the key never expires.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ttl: Option<Option<f64>>,
    /// MEMORY USAGE in bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory: Option<u64>,
    #[serde(skip)]
    order: Vec<ScanField>,
}

fn ser_key<S: serde::Serializer>(k: &[u8], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&bytes::escape(k))
}

impl KeyRow {
    fn cell(&self, f: ScanField, human: bool) -> String {
        match f {
            ScanField::Type => self.key_type.clone().unwrap_or_default(),
            ScanField::Ttl => match self.ttl.flatten() {
                None if human => "none".into(),
                None => "-1".into(),
                Some(s) if human => output::human_ttl(Some((s * 1000.0) as i64)),
                Some(s) => format!("{s}"),
            },
            ScanField::Memory => match self.memory {
                Some(m) if human => output::human_bytes(m),
                Some(m) => m.to_string(),
                None => String::new(),
            },
        }
    }
}

impl Row for KeyRow {
    fn headers(&self) -> Vec<&'static str> {
        let mut h = vec!["key"];
        h.extend(self.order.iter().map(|f| match f {
            ScanField::Ttl => "ttl",
            ScanField::Type => "type",
            ScanField::Memory => "memory",
        }));
        h
    }
    fn cells(&self) -> Vec<String> {
        let mut c = vec![bytes::escape(&self.key)];
        c.extend(self.order.iter().map(|f| self.cell(*f, false)));
        c
    }
    fn human_cells(&self) -> Vec<String> {
        let mut c = vec![bytes::escape(&self.key)];
        c.extend(self.order.iter().map(|f| self.cell(*f, true)));
        c
    }
}

/// What a batch of keys needs looked up.
#[derive(Debug, Clone, Copy)]
struct Lookups {
    key_type: bool,
    ttl: bool,
    memory: bool,
    samples: u32,
}

impl Lookups {
    fn any(&self) -> bool {
        self.key_type || self.ttl || self.memory
    }
}

/// Pipelined TYPE/PTTL/MEMORY USAGE for one node's batch. Keys that vanished
/// since SCAN returned them are dropped (they no longer match anything).
async fn enrich(
    redis: &Redis,
    node: usize,
    keys: Vec<Vec<u8>>,
    l: Lookups,
    order: &[ScanField],
) -> Result<(Vec<KeyRow>, bool)> {
    let n = redis.node(node);
    let mut p = redis::pipe();
    p.ignore_errors();
    for k in &keys {
        if l.key_type {
            p.cmd("TYPE").arg(k);
        }
        if l.ttl {
            p.cmd("PTTL").arg(k);
        }
        if l.memory {
            p.cmd("MEMORY")
                .arg("USAGE")
                .arg(k)
                .arg("SAMPLES")
                .arg(l.samples);
        }
    }
    let replies: Vec<Value> = n
        .pipe_read(&p)
        .await
        .with_context(|| format!("looking up keys on {}", n.label))?;
    let mut it = replies.into_iter();
    let mut rows = Vec::with_capacity(keys.len());
    let mut memory_refused = false;
    for key in keys {
        let mut gone = false;
        let key_type = if l.key_type {
            match it.next() {
                Some(Value::SimpleString(s)) if s == "none" => {
                    gone = true;
                    None
                }
                Some(Value::SimpleString(s)) => Some(s),
                Some(Value::Okay) => Some("OK".into()),
                Some(Value::ServerError(e)) => return Err(anyhow::anyhow!("TYPE: {e}")),
                _ => None,
            }
        } else {
            None
        };
        let ttl = if l.ttl {
            match it.next() {
                Some(Value::Int(-2)) => {
                    gone = true;
                    Some(None)
                }
                Some(Value::Int(ms)) if ms < 0 => Some(None),
                Some(Value::Int(ms)) => Some(Some(ms as f64 / 1000.0)),
                Some(Value::ServerError(e)) => return Err(anyhow::anyhow!("PTTL: {e}")),
                _ => Some(None),
            }
        } else {
            None
        };
        let memory = if l.memory {
            match it.next() {
                Some(Value::Int(b)) => Some(b.max(0) as u64),
                Some(Value::Nil) => {
                    gone = true;
                    None
                }
                Some(Value::ServerError(_)) => {
                    memory_refused = true;
                    None
                }
                _ => None,
            }
        } else {
            None
        };
        if gone {
            continue;
        }
        rows.push(KeyRow {
            key_base64: bytes::base64_if_binary(&key),
            key,
            key_type,
            ttl,
            memory,
            order: order.to_vec(),
        });
    }
    Ok((rows, memory_refused))
}

fn validate_scan(_out: &Output, o: &ScanOptions) -> Result<()> {
    if o.pattern.is_empty() {
        return Err(LdpError::usage(
            "the pattern is empty (use '*' for every key)",
        ));
    }
    if let Some(t) = &o.key_type
        && !REDIS_TYPES.contains(&t.to_ascii_lowercase().as_str())
    {
        return Err(LdpError::usage(format!(
            "invalid --type '{t}' (possible values: {})",
            REDIS_TYPES.join(", ")
        )));
    }
    if o.count == 0 {
        return Err(LdpError::usage("invalid --count '0': must be at least 1"));
    }
    if o.top == Some(0) {
        return Err(LdpError::usage("invalid --top '0': must be at least 1"));
    }
    Ok(())
}

/// Fails when the cluster's slot map changed between two samples.
fn check_topology(before: &[SlotRange], after: &[SlotRange]) -> Result<()> {
    if before != after {
        return Err(LdpError::Failed(
            "the cluster's topology changed during the scan (failover or resharding): \
             keys may have been missed or seen twice; run it again"
                .into(),
        )
        .into());
    }
    Ok(())
}

/// `ldp keys scan`.
pub async fn scan(ctx: &Ctx, o: ScanOptions) -> Result<Exit> {
    let out = &ctx.out;
    validate_scan(out, &o)?;
    let redis = ctx.redis().await?;
    let before = redis.topology().await?;

    let order: Vec<ScanField> = o.fields.clone();
    let lookups = Lookups {
        key_type: order.contains(&ScanField::Type),
        ttl: order.contains(&ScanField::Ttl) || o.no_ttl,
        memory: order.contains(&ScanField::Memory) || o.group || o.top.is_some(),
        samples: o.memory_samples,
    };
    let spec = ScanSpec {
        pattern: o.pattern.clone(),
        count: o.count,
        key_type: o.key_type.as_ref().map(|t| t.to_ascii_lowercase()),
    };
    let mut rx = redis.scan(spec);
    let pb = out.spinner("scanning");
    let limit = o.limit.unwrap_or(u64::MAX);
    let json = matches!(out.format, OutputFormat::Json | OutputFormat::Ndjson);

    let mut sink = Sink::new(out, &o, &order);
    let mut pending = FuturesOrdered::new();
    let mut memory_refused = false;
    let mut emitted: u64 = 0;
    'outer: loop {
        // Keep a few enrichment pipelines in flight while SCAN goes on.
        let next = if pending.len() >= IN_FLIGHT {
            None
        } else {
            tokio::select! {
                biased;
                m = rx.recv() => Some(m),
                r = pending.next(), if !pending.is_empty() => {
                    let (rows, refused): (Vec<KeyRow>, bool) = r.expect("non-empty")?;
                    memory_refused |= refused;
                    emitted = sink.take(rows, &o, limit, emitted)?;
                    if emitted >= limit || sink.closed() { break 'outer; }
                    continue;
                }
            }
        };
        match next {
            Some(Some(msg)) => {
                let (node, keys) = msg?;
                pb.inc(keys.len() as u64);
                if !lookups.any() {
                    let rows = keys
                        .into_iter()
                        .map(|key| KeyRow {
                            key_base64: if json {
                                bytes::base64_if_binary(&key)
                            } else {
                                None
                            },
                            key,
                            key_type: None,
                            ttl: None,
                            memory: None,
                            order: Vec::new(),
                        })
                        .collect();
                    emitted = sink.take(rows, &o, limit, emitted)?;
                    if emitted >= limit || sink.closed() {
                        break;
                    }
                } else {
                    let r = redis.clone();
                    let ord = order.clone();
                    pending.push_back(async move { enrich(&r, node, keys, lookups, &ord).await });
                }
            }
            Some(None) => {
                // SCAN finished everywhere: drain the lookups.
                while let Some(r) = pending.next().await {
                    let (rows, refused) = r?;
                    memory_refused |= refused;
                    emitted = sink.take(rows, &o, limit, emitted)?;
                    if emitted >= limit || sink.closed() {
                        break 'outer;
                    }
                }
                break;
            }
            None => {
                if let Some(r) = pending.next().await {
                    let (rows, refused) = r?;
                    memory_refused |= refused;
                    emitted = sink.take(rows, &o, limit, emitted)?;
                    if emitted >= limit || sink.closed() {
                        break;
                    }
                }
            }
        }
    }
    drop(rx);
    pb.finish_and_clear();
    if memory_refused {
        out.warn("MEMORY USAGE is not available on this server: sizes are missing");
    }
    let stopped_early = emitted >= limit;
    if !stopped_early {
        let after = redis.topology().await?;
        check_topology(&before, &after)?;
    }
    sink.finish(out)?;
    Ok(Exit::Ok)
}

/// Where scanned rows go: a stream, a group table or a top-N heap.
enum Sink {
    Stream(RowWriter),
    Group(HashMap<String, (u64, u64)>),
    Top(TopN),
}

impl Sink {
    fn new(out: &Output, o: &ScanOptions, order: &[ScanField]) -> Sink {
        if o.group {
            return Sink::Group(HashMap::new());
        }
        if let Some(n) = o.top {
            return Sink::Top(TopN {
                biggest: Biggest::new(n),
                rows: HashMap::new(),
            });
        }
        let mode = match out.format {
            OutputFormat::Json => StreamMode::JsonArray,
            OutputFormat::Ndjson => StreamMode::Ndjson,
            _ if order.is_empty() && !out.explicit => StreamMode::Lines,
            _ if out.stdout_tty || out.explicit => StreamMode::Table {
                limit: o.limit.map(|l| l as usize).unwrap_or(TABLE_ROWS),
            },
            _ => StreamMode::Tsv,
        };
        Sink::Stream(RowWriter::new(mode))
    }

    fn closed(&self) -> bool {
        matches!(self, Sink::Stream(w) if w.closed())
    }

    fn take(&mut self, rows: Vec<KeyRow>, o: &ScanOptions, limit: u64, mut n: u64) -> Result<u64> {
        for row in rows {
            if o.no_ttl && row.ttl.flatten().is_some() {
                continue;
            }
            if n >= limit {
                break;
            }
            n += 1;
            match self {
                Sink::Stream(w) => {
                    if w.mode() == StreamMode::Lines {
                        w.line(&row.key)?;
                    } else {
                        w.row(&row)?;
                    }
                }
                Sink::Group(map) => {
                    let e = map.entry(fold_key(&row.key)).or_insert((0, 0));
                    e.0 += 1;
                    e.1 += row.memory.unwrap_or(0);
                }
                Sink::Top(top) => top.push(row),
            }
        }
        Ok(n)
    }

    fn finish(self, out: &Output) -> Result<()> {
        match self {
            Sink::Stream(w) => w.finish(out),
            Sink::Group(map) => {
                let mut groups: Vec<Group> = map
                    .into_iter()
                    .map(|(pattern, (keys, bytes))| Group {
                        pattern,
                        keys,
                        bytes,
                    })
                    .collect();
                groups.sort_by(|a, b| {
                    b.bytes
                        .cmp(&a.bytes)
                        .then(b.keys.cmp(&a.keys))
                        .then(a.pattern.cmp(&b.pattern))
                });
                out.print(&GroupReport { groups })
            }
            Sink::Top(top) => out.print(&TopReport {
                rows: top.into_rows(),
            }),
        }
    }
}

/// The N biggest keys seen so far: a min-heap on memory plus the rows it holds.
struct TopN {
    biggest: Biggest,
    rows: HashMap<Vec<u8>, KeyRow>,
}

impl TopN {
    fn push(&mut self, row: KeyRow) {
        if self.rows.contains_key(&row.key) {
            return; // SCAN may repeat a key while the server rehashes
        }
        let (kept, gone) = self.biggest.offer(row.memory.unwrap_or(0), &row.key);
        if let Some(gone) = gone {
            self.rows.remove(&gone);
        }
        if kept {
            self.rows.insert(row.key.clone(), row);
        }
    }

    fn into_rows(mut self) -> Vec<KeyRow> {
        let mut rows: Vec<KeyRow> = self.rows.drain().map(|(_, r)| r).collect();
        rows.sort_by(|a, b| b.memory.cmp(&a.memory).then(a.key.cmp(&b.key)));
        rows
    }
}

/// Key count and bytes of one folded pattern.
#[derive(Debug, Serialize)]
pub struct Group {
    pub pattern: String,
    pub keys: u64,
    pub bytes: u64,
}

struct GroupReport {
    groups: Vec<Group>,
}

/// The JSON shape of this report.
impl Serialize for GroupReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v: serde_json::Value = { serde_json::to_value(&self.groups).unwrap_or_default() };
        v.serialize(s)
    }
}

impl Report for GroupReport {
    fn text(&self, out: &Output) -> String {
        let total: u64 = self.groups.iter().map(|g| g.bytes).sum();
        let mut t = out.table(&["pattern", "keys", "bytes", "share"]);
        for g in &self.groups {
            let share = if total == 0 {
                0.0
            } else {
                g.bytes as f64 * 100.0 / total as f64
            };
            t.add_row(vec![
                g.pattern.clone(),
                out.count(g.keys),
                out.bytes(g.bytes),
                format!("{share:.1}%"),
            ]);
        }
        if self.groups.is_empty() {
            let mut s = String::new();
            out.aside(&mut s, "no keys matched");
            return s;
        }
        format!("{t}\n")
    }
}

struct TopReport {
    rows: Vec<KeyRow>,
}

/// The JSON shape of this report.
impl Serialize for TopReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v: serde_json::Value = { serde_json::to_value(&self.rows).unwrap_or_default() };
        v.serialize(s)
    }
}

impl Report for TopReport {
    fn text(&self, out: &Output) -> String {
        if self.rows.is_empty() {
            let mut s = String::new();
            out.aside(&mut s, "no keys matched");
            return s;
        }
        let mut headers = vec!["key", "memory"];
        let extra: Vec<ScanField> = self
            .rows
            .first()
            .map(|r| {
                r.order
                    .iter()
                    .copied()
                    .filter(|f| *f != ScanField::Memory)
                    .collect()
            })
            .unwrap_or_default();
        for f in &extra {
            headers.push(match f {
                ScanField::Ttl => "ttl",
                _ => "type",
            });
        }
        let mut t = out.table(&headers);
        for r in &self.rows {
            let mut cells = vec![bytes::escape(&r.key), r.cell(ScanField::Memory, true)];
            cells.extend(extra.iter().map(|f| r.cell(*f, true)));
            t.add_row(cells);
        }
        format!("{t}\n")
    }
}

/// Delete exactly the keys counted against --max-keys; Ctrl-C stops between
/// chunks, after the one in flight. Returns (deleted, interrupted).
async fn unlink_listed(
    redis: &Redis,
    keys: &[Vec<u8>],
    pb: &indicatif::ProgressBar,
    shown: &str,
    journal: &Journal,
    backup: &mut Option<Writer>,
) -> Result<(u64, bool)> {
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = stop.clone();
    let watcher = tokio::spawn(async move {
        if tokio::signal::ctrl_c().await.is_ok() {
            flag.store(true, std::sync::atomic::Ordering::SeqCst);
        }
    });
    let mut deleted = 0u64;
    let mut interrupted = false;
    for chunk in keys.chunks(UNLINK_BATCH * 10) {
        if stop.load(std::sync::atomic::Ordering::SeqCst) {
            interrupted = true;
            break;
        }
        let n = redis
            .unlink_backed(chunk.to_vec(), UNLINK_BATCH, backup.is_some())
            .await
            .save(backup.as_mut())
            .map_err(|e| partial_failure(e, deleted, shown))?;
        deleted += n;
        journal.changed("keys", n);
        pb.set_position(deleted);
    }
    watcher.abort();
    Ok((deleted, interrupted))
}

/// A failure mid-way says what was already deleted (faults are loud).
fn partial_failure(e: anyhow::Error, deleted: u64, pattern: &str) -> anyhow::Error {
    e.context(format!(
        "deleted {} keys matching '{pattern}' before the failure; run the same delete again to finish",
        output::thousands(deleted)
    ))
}

/// The summary of a delete (or of a dry run).
#[derive(Debug, Serialize)]
pub struct DeleteReport {
    pub pattern: String,
    pub dry_run: bool,
    /// Keys that matched and were not protected.
    pub matched: u64,
    /// Keys UNLINK removed (a key may expire between SCAN and UNLINK).
    pub deleted: u64,
    /// Protected keys that matched and were left alone.
    pub skipped_protected: u64,
    pub sample: Vec<String>,
    pub interrupted: bool,
    /// `--backup`: the file and how many keys it holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup: Option<BackupNote>,
}

/// Where a delete's backup went.
#[derive(Debug, Serialize)]
pub struct BackupNote {
    pub file: String,
    pub keys: u64,
}

impl BackupNote {
    /// Close the backup (trailer, sync) and say where it is; a backup of
    /// nothing leaves no file.
    pub fn finish(w: Option<Writer>) -> Result<Option<BackupNote>> {
        let Some(w) = w else { return Ok(None) };
        if w.count() == 0 {
            return Ok(None); // nothing was deleted: the empty file goes as `w` drops
        }
        let file = w.path().display().to_string();
        let keys = w
            .finish()
            .with_context(|| format!("closing the backup {file}"))?;
        Ok(Some(BackupNote { file, keys }))
    }

    /// The report's line.
    pub fn line(&self) -> String {
        format!(
            "backed up {} keys to {} (ldp keys restore {} puts them back)\n",
            output::thousands(self.keys),
            self.file,
            self.file
        )
    }
}

impl Report for DeleteReport {
    fn text(&self, _out: &Output) -> String {
        let mut s = String::new();
        if self.dry_run {
            s.push_str(&format!(
                "dry run: {} keys match '{}' and would be deleted\n",
                output::thousands(self.matched),
                self.pattern
            ));
            for k in &self.sample {
                s.push_str(&format!("  {k}\n"));
            }
            if self.matched > self.sample.len() as u64 {
                s.push_str(&format!(
                    "  ... and {} more\n",
                    output::thousands(self.matched - self.sample.len() as u64)
                ));
            }
        } else {
            s.push_str(&format!(
                "{}deleted {} keys matching '{}'\n",
                if self.interrupted {
                    "interrupted: "
                } else {
                    ""
                },
                output::thousands(self.deleted),
                self.pattern
            ));
        }
        if let Some(b) = &self.backup {
            s.push_str(&b.line());
        }
        if self.skipped_protected > 0 {
            s.push_str(&format!(
                "skipped {} protected keys (Celery broker, ldp's own); --include-protected to include them\n",
                output::thousands(self.skipped_protected)
            ));
        }
        s
    }
}

fn validate_delete<'a>(
    out: &Output,
    o: &DeleteOptions,
    journal: &'a Journal,
) -> Result<Admitted<'a>> {
    if o.pattern.is_empty() {
        return Err(LdpError::usage("the pattern is empty"));
    }
    if crate::glob::matches_everything(&o.pattern) {
        return Err(LdpError::usage(format!(
            "refusing '{}': a pattern with no literal text matches (nearly) every key; give a narrower one",
            bytes::escape(&o.pattern)
        )));
    }
    if o.count == 0 {
        return Err(LdpError::usage("invalid --count '0': must be at least 1"));
    }
    let gate = o.consent.admit(out, journal, "delete")?;
    gate.journal().subject(bytes::escape(&o.pattern));
    Ok(gate)
}

/// The first pass: which keys match, split into deletable and protected,
/// keeping at most `keep` of the deletable ones.
struct Census {
    matched: u64,
    protected: u64,
    kept: Vec<Vec<u8>>,
}

async fn census(
    redis: &Redis,
    o: &DeleteOptions,
    prot: &Protection,
    keep: u64,
    out: &Output,
) -> Result<Census> {
    let mut rx = redis.scan(ScanSpec {
        pattern: o.pattern.clone(),
        count: o.count,
        key_type: None,
    });
    let pb = out.spinner("counting");
    let mut c = Census {
        matched: 0,
        protected: 0,
        kept: Vec::new(),
    };
    while let Some(msg) = rx.recv().await {
        let (_, keys) = msg?;
        pb.inc(keys.len() as u64);
        for k in keys {
            if !o.include_protected && prot.reason(&k).is_some() {
                c.protected += 1;
                continue;
            }
            c.matched += 1;
            if (c.kept.len() as u64) < keep {
                c.kept.push(k);
            }
        }
    }
    pb.finish_and_clear();
    Ok(c)
}

/// What the streaming delete did.
#[derive(Default)]
struct Streamed {
    deleted: u64,
    interrupted: bool,
    matched: u64,
    protected: u64,
    sample: Vec<String>,
    failure: Option<anyhow::Error>,
}

impl Streamed {
    /// Count a finished batch and save its records; a failure stops the
    /// walk, but the batches in flight are still awaited and saved.
    fn take(&mut self, u: Unlinked, backup: &mut Option<Writer>, pb: &indicatif::ProgressBar) {
        self.deleted += u.deleted;
        if let Err(e) = u.save(backup.as_mut()) {
            self.failure.get_or_insert(e);
        }
        pb.set_position(self.deleted);
    }
}

/// SCAN and UNLINK overlapped (a few batches in flight), without counting
/// first; Ctrl-C stops the walk after the batches in flight.
async fn delete_streamed(
    redis: &Redis,
    o: &DeleteOptions,
    prot: &Protection,
    pb: &indicatif::ProgressBar,
    backup: &mut Option<Writer>,
) -> Streamed {
    let mut rx = redis.scan(ScanSpec {
        pattern: o.pattern.clone(),
        count: o.count,
        key_type: None,
    });
    let mut inflight = FuturesUnordered::new();
    let mut st = Streamed::default();
    let dump = backup.is_some();
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);
    while st.failure.is_none() {
        tokio::select! {
            _ = &mut ctrl_c => { st.interrupted = true; break; }
            Some(r) = inflight.next(), if !inflight.is_empty() => st.take(r, backup, pb),
            msg = rx.recv(), if inflight.len() < 2 * redis.nodes().len() + 2 => {
                let keys = match msg {
                    None => break,
                    Some(Err(e)) => { st.failure = Some(e); break; }
                    Some(Ok((_, keys))) => keys,
                };
                let keys: Vec<Vec<u8>> = keys
                    .into_iter()
                    .filter(|k| {
                        let skip = !o.include_protected && prot.reason(k).is_some();
                        st.protected += u64::from(skip);
                        !skip
                    })
                    .collect();
                st.matched += keys.len() as u64;
                if st.sample.len() < SAMPLE {
                    let more = SAMPLE - st.sample.len();
                    st.sample.extend(keys.iter().take(more).map(|k| bytes::escape(k)));
                }
                if !keys.is_empty() {
                    let r = redis.clone();
                    inflight.push(async move { r.unlink_backed(keys, UNLINK_BATCH, dump).await });
                }
            }
        }
    }
    drop(rx);
    // Let the UNLINKs already sent finish, so the summary (and the backup) is true.
    while let Some(r) = inflight.next().await {
        st.take(r, backup, pb);
    }
    st
}

/// `ldp keys delete`.
pub async fn delete(ctx: &Ctx, o: DeleteOptions) -> Result<Exit> {
    let out = &ctx.out;
    let gate = validate_delete(out, &o, &ctx.journal)?;
    let journal = gate.journal();
    let redis = ctx.redis().await?;
    let prot = Protection::new(ctx.registry()?, ctx.settings.broker_layout.clone());
    let before = redis.topology().await?;
    let shown = bytes::escape(&o.pattern);
    let mut report = DeleteReport {
        pattern: shown.clone(),
        dry_run: o.consent.dry_run,
        matched: 0,
        deleted: 0,
        skipped_protected: 0,
        sample: Vec::new(),
        interrupted: false,
        backup: None,
    };
    let mut backup = gate.backup(
        o.backup.as_deref(),
        &Header::new(redis.label(), redis.is_cluster(), "keys delete"),
    )?;

    let must_count_first = o.consent.dry_run || o.max_keys.is_some() || !o.consent.yes;
    let mut listed: Option<Vec<Vec<u8>>> = None;
    if must_count_first {
        let keep = match o.max_keys {
            Some(m) => m.saturating_add(1),
            None => SAMPLE as u64,
        };
        let c = census(&redis, &o, &prot, keep, out).await?;
        journal.set_matched("keys", c.matched);
        report.matched = c.matched;
        report.skipped_protected = c.protected;
        report.sample = c
            .kept
            .iter()
            .take(SAMPLE)
            .map(|k| bytes::escape(k))
            .collect();
        if o.consent.dry_run {
            check_topology(&before, &redis.topology().await?)?;
            out.print(&report)?;
            return Ok(Exit::Ok);
        }
        if let Some(max) = o.max_keys
            && c.matched > max
        {
            return Err(LdpError::usage(format!(
                "{} keys match '{shown}', more than --max-keys {max}: nothing deleted",
                output::thousands(c.matched)
            )));
        }
        if c.matched == 0 {
            out.print(&report)?;
            return Ok(Exit::Ok);
        }
        if gate.will_ask() {
            eprintln!(
                "{} keys match '{shown}' on {}{}:",
                output::thousands(c.matched),
                redis.label(),
                if redis.is_cluster() { " (cluster)" } else { "" }
            );
            for k in &report.sample {
                eprintln!("  {k}");
            }
            if !gate.confirm(
                out,
                &format!("Delete {} keys?", output::thousands(c.matched)),
            )? {
                out.note("nothing deleted");
                return Ok(Exit::Failure);
            }
        }
        if o.max_keys.is_some() {
            listed = Some(c.kept);
        }
    }

    let pb = out.spinner("deleting");
    let (deleted, interrupted) = match listed {
        Some(keys) => unlink_listed(&redis, &keys, &pb, &shown, journal, &mut backup).await?,
        None => {
            let st = delete_streamed(&redis, &o, &prot, &pb, &mut backup).await;
            journal.set_matched("keys", st.matched);
            journal.changed("keys", st.deleted);
            report.matched = st.matched;
            report.skipped_protected = st.protected;
            report.sample = st.sample;
            if let Some(e) = st.failure {
                // The backup is closed (with every key deleted) as it drops.
                return Err(partial_failure(e, st.deleted, &shown));
            }
            (st.deleted, st.interrupted)
        }
    };
    pb.finish_and_clear();
    report.deleted = deleted;
    report.interrupted = interrupted;
    report.backup = BackupNote::finish(backup)?;
    out.print(&report)?;
    if interrupted {
        return Ok(Exit::Interrupted);
    }
    check_topology(&before, &redis.topology().await?)?;
    Ok(Exit::Ok)
}
