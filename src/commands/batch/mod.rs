//! `ldp batch list|show`: the pipeline's batches (`batch:progress:*`, JSON or
//! hash, current or older field set) and ldp's own import batches
//! (`ldp:batch:*`), with progress derived from the documents' state keys —
//! the pipeline's own counters are known to be wrong — next to the counters
//! it wrote. Every key template comes from the registry.
//!
//! ldp's import batch record (written by `ldp import`, read here):
//! `ldp:batch:{id}` is a hash (or a JSON string) with `batch_id`,
//! `project_uuid`, `created_at` (ISO-8601, UTC) and `documents` (how many),
//! optionally `queue` and `priority`; `ldp:batch:{id}:docs` is a set (a list
//! is read too) of the batch's document UUIDs. Neither expires.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::Result;
use redis::Value;
use serde::Serialize;
use serde_json::Value as Json;

use crate::bytes;
use crate::commands::{Ctx, scan_patterns};
use crate::error::LdpError;
use crate::exit::Exit;
use crate::glob::glob_escape;
use crate::keyspace::{Family, Registry, Template, is_uuid};
use crate::output::OutputFormat;
use crate::output::{self, Output, Report};
use crate::pipeline::stored::{Stored, json_path, read_json, read_json_stored};
use crate::pipeline::verdict::{Rule, Standing as DocState, is_permanent, judge};
use crate::redis::Redis;

/// Rows a table shows unless `--limit` says otherwise.
const TABLE_LIMIT: usize = 100;
/// Characters of an error message shown without `--full`.
const MESSAGE_CHARS: usize = 100;
/// Width of the text progress bar.
const BAR: usize = 20;

/// The registry families batches are made of.
struct Fams<'r> {
    progress: &'r Family,
    document: &'r Family,
    error: &'r Family,
    ldp: &'r Family,
    ldp_docs: &'r Family,
    state: &'r Family,
}

impl<'r> Fams<'r> {
    fn from(reg: &'r Registry) -> Result<Fams<'r>> {
        let get = |name: &str| {
            reg.get(name).ok_or_else(|| {
                LdpError::usage(format!(
                    "the key-family registry has no '{name}' family (batch commands need it)"
                ))
            })
        };
        Ok(Fams {
            progress: get("batch_progress")?,
            document: get("batch_document")?,
            error: get("batch_error")?,
            ldp: get("ldp_batch")?,
            ldp_docs: get("ldp_batch_docs")?,
            state: get("state")?,
        })
    }

    fn scanned(&self) -> impl Iterator<Item = &'r Template> {
        [
            self.progress,
            self.document,
            self.error,
            self.ldp_docs,
            self.ldp,
        ]
        .into_iter()
        .flat_map(|f| f.compiled().iter())
    }
}

/// The keys of one batch found in a scan.
#[derive(Debug, Default)]
struct Found {
    progress: Option<Vec<u8>>,
    ldp: Option<Vec<u8>>,
    ldp_docs: Option<Vec<u8>>,
    /// document -> (its `batch:document` key, its `batch:error` key)
    docs: BTreeMap<String, DocKeys>,
}

/// A document's `batch:document` and `batch:error` keys, when present.
type DocKeys = (Option<Vec<u8>>, Option<Vec<u8>>);

fn capture(t: &Template, key: &[u8], name: &str) -> Option<String> {
    t.capture(key, name).map(bytes::escape)
}

/// Sort a key into its batch (by the registry's templates).
fn classify(f: &Fams, key: &[u8], into: &mut BTreeMap<String, Found>) {
    let doc_of = |t: &Template| {
        let d = t.capture(key, "doc")?;
        Some(String::from_utf8_lossy(d).to_ascii_lowercase())
    };
    for t in f.progress.compiled() {
        if let Some(b) = capture(t, key, "batch") {
            into.entry(b).or_default().progress = Some(key.to_vec());
            return;
        }
    }
    for (fam, is_error) in [(f.document, false), (f.error, true)] {
        for t in fam.compiled() {
            if let (Some(b), Some(d)) = (capture(t, key, "batch"), doc_of(t)) {
                let slot = into.entry(b).or_default().docs.entry(d).or_default();
                if is_error {
                    slot.1 = Some(key.to_vec());
                } else {
                    slot.0 = Some(key.to_vec());
                }
                return;
            }
        }
    }
    for t in f.ldp_docs.compiled() {
        if let Some(b) = capture(t, key, "batch") {
            into.entry(b).or_default().ldp_docs = Some(key.to_vec());
            return;
        }
    }
    // The record itself: a template that gives back exactly this key for an
    // id without ':' (so `ldp:batch:{batch}` does not take `ldp:batch:X:docs`).
    for t in f.ldp.compiled() {
        if let Some(b) = t.capture(key, "batch")
            && !b.contains(&b':')
            && t.fill_exact(&[("batch", b)]).as_deref() == Some(key)
        {
            into.entry(bytes::escape(b)).or_default().ldp = Some(key.to_vec());
            return;
        }
    }
}

/// MATCH patterns covering the templates with the fewest scans: templates
/// sharing a first segment (`batch:`) share one pattern, their common
/// literal prefix plus `*`.
fn covering_globs<'t>(templates: impl Iterator<Item = &'t Template>) -> Vec<Vec<u8>> {
    let mut groups: BTreeMap<Vec<u8>, Vec<u8>> = BTreeMap::new();
    for t in templates {
        let lit = t.literal_prefix();
        let seg = lit
            .iter()
            .position(|&b| b == b':')
            .map_or(lit, |i| &lit[..=i])
            .to_vec();
        groups
            .entry(seg)
            .and_modify(|l| {
                let n = l.iter().zip(lit).take_while(|(a, b)| a == b).count();
                l.truncate(n);
            })
            .or_insert_with(|| lit.to_vec());
    }
    groups
        .into_values()
        .map(|lcp| {
            let mut g = glob_escape(&lcp);
            g.push(b'*');
            g
        })
        .collect()
}

// ------------------------------------------------------------------- reading

/// The counters the pipeline wrote in `batch:progress:{id}`, whichever field set.
#[derive(Debug, Clone, Serialize)]
struct Reported {
    /// `json` (a JSON string) or `hash`.
    stored: &'static str,
    /// `current` (`total, completed, failed, ...`), `legacy` (`total_documents,
    /// completed_documents, ...`) or `unknown`.
    fields: &'static str,
    status: Option<String>,
    priority: Option<Json>,
    total: Option<u64>,
    completed: Option<u64>,
    failed: Option<u64>,
    in_progress: Option<u64>,
    pending: Option<u64>,
    completion_percentage: Option<f64>,
    started_at: Option<String>,
    last_updated: Option<String>,
    completed_at: Option<String>,
}

/// A count from the first of `names` that holds a number (or a numeric string).
fn count(v: &Json, names: &[&str]) -> Option<u64> {
    names.iter().find_map(|n| match v.get(*n)? {
        Json::Number(x) => x
            .as_u64()
            .or_else(|| x.as_f64().map(|f| f.max(0.0).round() as u64)),
        Json::String(s) => s
            .trim()
            .parse::<f64>()
            .ok()
            .map(|f| f.max(0.0).round() as u64),
        _ => None,
    })
}

fn text(v: &Json, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| match v.get(*n)? {
        Json::String(s) => Some(s.clone()),
        Json::Number(x) => Some(x.to_string()),
        _ => None,
    })
}

impl Reported {
    fn from(v: &Json, stored: Stored) -> Reported {
        let has = |n: &str| v.get(n).is_some();
        let fields = if has("total") || has("completed") {
            "current"
        } else if has("total_documents") || has("completed_documents") || has("batch_id") {
            "legacy"
        } else {
            "unknown"
        };
        let failed_list = v
            .get("failed_documents")
            .and_then(Json::as_array)
            .map(|a| a.len() as u64);
        Reported {
            stored: stored.name(),
            fields,
            status: text(v, &["status"]),
            priority: v.get("priority").cloned(),
            total: count(v, &["total", "total_documents"]),
            completed: count(v, &["completed", "completed_documents"]),
            failed: count(v, &["failed", "failed_documents"]).or(failed_list),
            in_progress: count(v, &["in_progress", "in_progress_documents"]),
            pending: count(v, &["pending", "pending_documents"]),
            completion_percentage: v.get("completion_percentage").and_then(|x| match x {
                Json::Number(n) => n.as_f64(),
                Json::String(s) => s.trim().parse().ok(),
                _ => None,
            }),
            started_at: text(v, &["started_at", "created_at", "start_time"]),
            last_updated: text(v, &["last_updated", "updated_at"]),
            completed_at: text(v, &["completed_at"]),
        }
    }
}

/// ldp's import batch record (see the module docs).
#[derive(Debug, Clone, Serialize)]
struct LdpRecord {
    stored: &'static str,
    project_uuid: Option<String>,
    created_at: Option<String>,
    /// How many documents the import put in the batch.
    documents: Option<u64>,
    queue: Option<String>,
    priority: Option<Json>,
}

impl LdpRecord {
    fn from(v: &Json, stored: Stored) -> LdpRecord {
        LdpRecord {
            stored: stored.name(),
            project_uuid: text(v, &["project_uuid"]),
            created_at: text(v, &["created_at"]),
            documents: count(v, &["documents", "total"]),
            queue: text(v, &["queue"]),
            priority: v.get("priority").cloned(),
        }
    }
}

fn uuid_of(v: &Json) -> Option<String> {
    let s = match v {
        Json::String(s) => s.as_str(),
        Json::Object(o) => ["document_uuid", "document_id", "doc_id", "uuid"]
            .iter()
            .find_map(|k| o.get(*k)?.as_str())?,
        _ => return None,
    };
    is_uuid(s.as_bytes()).then(|| s.to_ascii_lowercase())
}

/// Document UUIDs listed anywhere at the top of a progress value: arrays of
/// UUIDs or of objects naming one (`failed_documents`, `errors`, ...), and
/// objects keyed by UUID.
fn listed_docs(v: &Json) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let Json::Object(m) = v else { return out };
    for x in m.values() {
        match x {
            Json::Array(items) => out.extend(items.iter().filter_map(uuid_of)),
            Json::Object(o) => out.extend(
                o.keys()
                    .filter(|k| is_uuid(k.as_bytes()))
                    .map(|k| k.to_ascii_lowercase()),
            ),
            _ => {}
        }
    }
    out
}

fn members(v: &[Value]) -> Vec<String> {
    v.iter()
        .find_map(|r| match r {
            Value::Array(a) | Value::Set(a) => Some(a.clone()),
            _ => None,
        })
        .unwrap_or_default()
        .iter()
        .filter_map(|m| match m {
            Value::BulkString(b) => Some(String::from_utf8_lossy(b).trim().to_ascii_lowercase()),
            _ => None,
        })
        .filter(|d| is_uuid(d.as_bytes()))
        .collect()
}

/// Where a document of a batch was named.
#[derive(Debug, Default, Clone)]
struct DocSource {
    document_key: Option<Vec<u8>>,
    error_key: Option<Vec<u8>>,
    in_progress_value: bool,
    in_ldp: bool,
    /// Listed in PostgreSQL under the batch's import session (`--database-url`).
    in_database: bool,
}

impl DocSource {
    /// Which sources named the document.
    fn names(&self) -> Vec<&'static str> {
        [
            (self.document_key.is_some(), "batch_document"),
            (self.error_key.is_some(), "batch_error"),
            (self.in_progress_value, "progress"),
            (self.in_ldp, "ldp"),
            (self.in_database, "database"),
        ]
        .into_iter()
        .filter_map(|(on, name)| on.then_some(name))
        .collect()
    }
}

/// One batch with everything read.
#[derive(Debug)]
struct Batch {
    id: String,
    reported: Option<Reported>,
    ldp: Option<LdpRecord>,
    docs: BTreeMap<String, DocSource>,
}

/// A document's state value: its state, raw status and last update.
#[derive(Debug, Clone)]
struct DocFacts {
    state: DocState,
    /// Which fact decided `state`.
    rule: Rule,
    status: Option<String>,
    last_update: Option<Json>,
}

/// Read the batches' values, their ldp doc sets, and build the document lists.
async fn read_batches(redis: &Redis, found: BTreeMap<String, Found>) -> Result<Vec<Batch>> {
    let ids: Vec<&String> = found.keys().collect();
    let progress_keys: Vec<(usize, Vec<u8>)> = found
        .values()
        .enumerate()
        .filter_map(|(i, f)| Some((i, f.progress.clone()?)))
        .collect();
    let ldp_keys: Vec<(usize, Vec<u8>)> = found
        .values()
        .enumerate()
        .filter_map(|(i, f)| Some((i, f.ldp.clone()?)))
        .collect();
    let set_keys: Vec<(usize, Vec<u8>)> = found
        .values()
        .enumerate()
        .filter_map(|(i, f)| Some((i, f.ldp_docs.clone()?)))
        .collect();
    let pk: Vec<Vec<u8>> = progress_keys.iter().map(|p| p.1.clone()).collect();
    let lk: Vec<Vec<u8>> = ldp_keys.iter().map(|p| p.1.clone()).collect();
    let sk: Vec<Vec<u8>> = set_keys.iter().map(|p| p.1.clone()).collect();
    let (pv, lv, sv) = futures_util::future::join3(
        read_json_stored(redis, &pk),
        read_json_stored(redis, &lk),
        redis.per_key(&sk, 2, true, |p, k| {
            p.cmd("SMEMBERS").arg(k);
            p.cmd("LRANGE").arg(k).arg(0).arg(-1);
        }),
    )
    .await;
    let (pv, lv, sv) = (pv?, lv?, sv?);

    let mut batches: Vec<Batch> = ids
        .iter()
        .map(|id| Batch {
            id: (*id).clone(),
            reported: None,
            ldp: None,
            docs: BTreeMap::new(),
        })
        .collect();
    for ((i, _), v) in progress_keys.iter().zip(pv) {
        if let Some((v, stored)) = v {
            for d in listed_docs(&v) {
                batches[*i].docs.entry(d).or_default().in_progress_value = true;
            }
            batches[*i].reported = Some(Reported::from(&v, stored));
        }
    }
    for ((i, _), v) in ldp_keys.iter().zip(lv) {
        if let Some((v, stored)) = v {
            batches[*i].ldp = Some(LdpRecord::from(&v, stored));
        }
    }
    for ((i, _), v) in set_keys.iter().zip(sv) {
        for d in members(&v) {
            batches[*i].docs.entry(d).or_default().in_ldp = true;
        }
    }
    for (b, f) in batches.iter_mut().zip(found.into_values()) {
        for (d, (dk, ek)) in f.docs {
            let e = b.docs.entry(d).or_default();
            e.document_key = dk;
            e.error_key = ek;
        }
    }
    Ok(batches)
}

/// Every document's state (the state family's templates in order: the
/// prefixed key, then the legacy one), read in pipelined batches.
async fn read_states(
    redis: &Redis,
    f: &Fams<'_>,
    docs: &BTreeSet<String>,
) -> Result<BTreeMap<String, DocFacts>> {
    let templates: Vec<&Template> = f.state.compiled().iter().collect();
    let mut keys = Vec::with_capacity(docs.len() * templates.len());
    for d in docs {
        for t in &templates {
            if let Some(k) = t.fill_exact(&[("doc", d.as_bytes())]) {
                keys.push((d.clone(), k));
            }
        }
    }
    let raw: Vec<Vec<u8>> = keys.iter().map(|k| k.1.clone()).collect();
    let values = read_json(redis, &raw).await?;
    let status_path = f.state.status_path.as_deref().unwrap_or("pipeline.status");
    let mut states: BTreeMap<String, Json> = BTreeMap::new();
    for ((d, _), v) in keys.into_iter().zip(values) {
        if let Some(v) = v {
            states.entry(d).or_insert(v);
        }
    }
    Ok(docs
        .iter()
        .map(|d| {
            let st = states.get(d);
            let status = st
                .and_then(|s| json_path(s, status_path))
                .and_then(|s| s.as_str().map(str::to_string));
            let (state, rule) = judge(st, status_path, false);
            let facts = DocFacts {
                state,
                rule,
                status,
                last_update: st
                    .and_then(|s| json_path(s, "last_update"))
                    .map(|c| c.into_owned()),
            };
            (d.clone(), facts)
        })
        .collect())
}

// ------------------------------------------------------------------ summaries

/// Progress from the documents' states.
#[derive(Debug, Clone, Default, Serialize)]
struct Actual {
    /// Documents ldp could name (from every source).
    documents: u64,
    done: u64,
    failed: u64,
    in_flight: u64,
    not_started: u64,
    other: u64,
    /// (done + failed) / documents; null without documents.
    progress: Option<f64>,
}

#[derive(Debug, Clone, Serialize)]
struct Summary {
    batch: String,
    /// `pipeline` (a batch:progress key), `ldp` (an ldp:batch record), both,
    /// or `keys` (only batch:document/batch:error keys are left).
    sources: Vec<&'static str>,
    /// The pipeline's started_at, else ldp's created_at.
    started_at: Option<String>,
    reported: Option<Reported>,
    ldp: Option<LdpRecord>,
    actual: Actual,
    /// Documents the pipeline's (or ldp's) total counts that no key names.
    unlisted: u64,
}

fn summarize(b: &Batch, states: &BTreeMap<String, DocFacts>) -> Summary {
    let mut a = Actual::default();
    for d in b.docs.keys() {
        a.documents += 1;
        match states.get(d).map_or(DocState::NotStarted, |f| f.state) {
            DocState::Done => a.done += 1,
            DocState::Failed => a.failed += 1,
            DocState::InFlight => a.in_flight += 1,
            DocState::NotStarted => a.not_started += 1,
            DocState::Other => a.other += 1,
        }
    }
    if a.documents > 0 {
        a.progress = Some((a.done + a.failed) as f64 / a.documents as f64);
    }
    let mut sources = Vec::new();
    if b.reported.is_some() {
        sources.push("pipeline");
    }
    if b.ldp.is_some() {
        sources.push("ldp");
    }
    if sources.is_empty() {
        // Only per-document keys left (errors outlive the progress key).
        sources.push("keys");
    }
    let claimed = b
        .reported
        .as_ref()
        .and_then(|r| r.total)
        .or_else(|| b.ldp.as_ref().and_then(|l| l.documents))
        .unwrap_or(0);
    Summary {
        batch: b.id.clone(),
        sources,
        started_at: b
            .reported
            .as_ref()
            .and_then(|r| r.started_at.clone())
            .or_else(|| b.ldp.as_ref().and_then(|l| l.created_at.clone())),
        reported: b.reported.clone(),
        ldp: b.ldp.clone(),
        unlisted: claimed.saturating_sub(a.documents),
        actual: a,
    }
}

fn pct(p: Option<f64>) -> String {
    p.map_or("-".into(), |p| format!("{:.0}%", p * 100.0))
}

fn progress_cell(out: &Output, a: &Actual) -> String {
    if out.stdout_tty {
        format!(
            "{} {}",
            output::bar(out, a.done, a.failed, a.in_flight, a.documents, BAR / 2),
            pct(a.progress)
        )
    } else {
        pct(a.progress)
    }
}

fn actual_cell(a: &Actual) -> String {
    if a.documents == 0 {
        return "no documents named".into();
    }
    let parts: Vec<String> = [
        (a.done, "done"),
        (a.failed, "failed"),
        (a.in_flight, "in flight"),
        (a.not_started, "not started"),
        (a.other, "other"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    format!("{} of {}", parts.join(", "), a.documents)
}

fn reported_cell(r: &Option<Reported>) -> String {
    let Some(r) = r else { return "-".into() };
    let of = |n: Option<u64>| n.map_or("?".into(), |n| n.to_string());
    format!(
        "{}: {}/{} ({} failed)",
        r.status.as_deref().unwrap_or("?"),
        of(r.completed),
        of(r.total),
        of(r.failed)
    )
}

fn short_time(t: &Option<String>) -> String {
    t.as_deref()
        .map(|s| s.chars().take(16).collect::<String>().replace('T', " "))
        .unwrap_or_else(|| "-".into())
}

// ----------------------------------------------------------------------- list

struct ListReport {
    batches: Vec<Summary>,
}

/// The JSON shape of this report.
impl Serialize for ListReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v: serde_json::Value = { serde_json::to_value(&self.batches).unwrap_or_default() };
        v.serialize(s)
    }
}

impl Report for ListReport {
    fn text(&self, out: &Output) -> String {
        if self.batches.is_empty() {
            let mut s = String::new();
            out.aside(&mut s, "no batches (no batch:progress or ldp:batch keys)");
            return s;
        }
        let mut t = out.table(&["batch", "started", "reported", "actual", "progress"]);
        // Ids, times and bars must not wrap; the counters may.
        t.whole(&[0, 1, 4]);
        for b in &self.batches {
            let mut reported = Vec::new();
            if b.reported.is_some() {
                reported.push(reported_cell(&b.reported));
            }
            if let Some(l) = &b.ldp {
                reported.push(format!(
                    "import: {}",
                    l.documents.map_or("?".into(), |n| n.to_string())
                ));
            }
            if reported.is_empty() {
                reported.push("- (only document keys left)".into());
            }
            t.add_row(vec![
                b.batch.clone(),
                short_time(&b.started_at),
                reported.join("\n"),
                actual_cell(&b.actual),
                progress_cell(out, &b.actual),
            ]);
        }
        let mut s = format!("{t}\n");
        out.aside(
            &mut s,
            "reported: the pipeline's own counters (and ldp's record); actual: from the documents' state keys",
        );
        let unnamed = self.batches.iter().filter(|b| b.unlisted > 0).count();
        if unnamed > 0 {
            out.aside(
                &mut s,
                format!(
                    "{unnamed} batch(es) count documents that no key names: their state is unknown (-o json: unlisted)"
                ),
            );
        }
        s
    }
}

/// Plain options of `batch list`.
#[derive(Debug, Clone)]
pub struct ListOptions {
    pub limit: Option<usize>,
}

/// Plain options of `batch show`.
#[derive(Debug, Clone)]
pub struct ShowOptions {
    pub id: String,
    pub full: bool,
    pub database_url: Option<String>,
}

/// `ldp batch list`.
pub async fn list(ctx: &Ctx, a: ListOptions) -> Result<Exit> {
    let out = &ctx.out;
    let reg = ctx.registry()?;
    let f = Fams::from(&reg)?;
    let redis = ctx.redis().await?;
    let keys = scan_patterns(&redis, covering_globs(f.scanned()), out).await?;
    let mut found = BTreeMap::new();
    for k in &keys {
        classify(&f, k, &mut found);
    }
    // A batch is a progress key or an ldp record; stray document or error
    // keys of a batch whose progress expired still make it a batch.
    let batches = read_batches(&redis, found).await?;
    let docs: BTreeSet<String> = batches
        .iter()
        .flat_map(|b| b.docs.keys().cloned())
        .collect();
    let states = read_states(&redis, &f, &docs).await?;
    let mut rows: Vec<Summary> = batches.iter().map(|b| summarize(b, &states)).collect();
    // Newest first (ISO-8601 sorts as text); undated last.
    rows.sort_by(|x, y| {
        y.started_at
            .is_some()
            .cmp(&x.started_at.is_some())
            .then_with(|| y.started_at.cmp(&x.started_at))
            .then_with(|| x.batch.cmp(&y.batch))
    });
    let limit = a
        .limit
        .or((out.format == OutputFormat::Table).then_some(TABLE_LIMIT));
    if let Some(n) = limit
        && rows.len() > n
    {
        if a.limit.is_none() {
            out.note(format!(
                "showing the newest {n} of {} batches; use --limit, or -o json for all",
                rows.len()
            ));
        }
        rows.truncate(n);
    }
    out.print(&ListReport { batches: rows })?;
    Ok(Exit::Ok)
}

// ----------------------------------------------------------------------- show

#[derive(Debug, Serialize)]
struct DocRow {
    document: String,
    /// done, failed, in_flight, not_started or other.
    state: DocState,
    /// Which fact decided `state`: pipeline_status, last_update,
    /// permanent_error or no_state.
    rule: Rule,
    /// The state's pipeline status as stored.
    status: Option<String>,
    /// `last_update.stage`, `.status` and `.timestamp` of the state.
    stage: Option<String>,
    stage_status: Option<String>,
    updated: Option<String>,
    /// The pipeline's per-document batch status (`batch:document`), if any.
    batch_status: Option<String>,
    /// `error_type` of the document's `batch:error`, if any.
    error: Option<String>,
    /// Where the document was named: batch_document, batch_error, progress, ldp.
    sources: Vec<&'static str>,
}

#[derive(Debug, Serialize)]
struct ErrorRow {
    document: String,
    error_type: Option<String>,
    error_message: Option<String>,
    stage: Option<String>,
    retry_count: Option<u64>,
    last_attempt: Option<String>,
    category: Option<String>,
    traceback: Option<String>,
}

struct ShowReport {
    summary: Summary,
    documents: Vec<DocRow>,
    errors: Vec<ErrorRow>,
    full: bool,
}

/// The JSON shape of this report.
impl Serialize for ShowReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v: serde_json::Value = {
            let mut v = serde_json::to_value(&self.summary).unwrap_or_default();
            if let Json::Object(m) = &mut v {
                m.insert(
                    "documents".into(),
                    serde_json::to_value(&self.documents).unwrap_or_default(),
                );
                m.insert(
                    "errors".into(),
                    serde_json::to_value(&self.errors).unwrap_or_default(),
                );
            }
            v
        };
        v.serialize(s)
    }
}

impl Report for ShowReport {
    fn text(&self, out: &Output) -> String {
        let s = &self.summary;
        let a = &s.actual;
        let mut t = format!("batch {}", s.batch);
        let mut from = Vec::new();
        if let Some(r) = &s.reported {
            from.push(format!("pipeline: {}, {} fields", r.stored, r.fields));
        }
        if let Some(l) = &s.ldp {
            from.push(format!(
                "ldp import of project {}",
                l.project_uuid.as_deref().unwrap_or("?")
            ));
        }
        if !from.is_empty() {
            t.push_str(&format!("  ({})", from.join("; ")));
        }
        t.push('\n');
        if let Some(r) = &s.reported {
            t.push_str(&format!(
                "reported by the pipeline: {}  started {}  last updated {}\n",
                reported_cell(&s.reported),
                short_time(&r.started_at),
                short_time(&r.last_updated),
            ));
        }
        if let Some(l) = &s.ldp {
            t.push_str(&format!(
                "imported by ldp: {} documents, created {}\n",
                l.documents.map_or("?".into(), |n| n.to_string()),
                short_time(&l.created_at)
            ));
        }
        t.push_str(&format!(
            "actual, from {} documents' states: {} done, {} failed, {} in flight, {} not started{}\n",
            a.documents,
            a.done,
            a.failed,
            a.in_flight,
            a.not_started,
            if a.other > 0 {
                format!(", {} other", a.other)
            } else {
                String::new()
            }
        ));
        if s.unlisted > 0 {
            t.push_str(&format!(
                "{} more documents are counted but named by no key: their state is unknown\n",
                s.unlisted
            ));
        }
        t.push_str(&format!("progress: {}\n", {
            if out.stdout_tty {
                format!(
                    "{} {}",
                    output::bar(out, a.done, a.failed, a.in_flight, a.documents, BAR),
                    pct(a.progress)
                )
            } else {
                pct(a.progress)
            }
        }));
        if !self.documents.is_empty() {
            let mut tab = out.table(&["document", "state", "stage", "batch", "error"]);
            for d in &self.documents {
                let stage = match (&d.stage, &d.stage_status) {
                    (Some(s), Some(st)) => format!("{s}: {st}"),
                    (Some(s), None) => s.clone(),
                    _ => "-".into(),
                };
                tab.add_row(vec![
                    d.document.clone(),
                    state_cell(out, d.state, d.rule),
                    stage,
                    d.batch_status.clone().unwrap_or_else(|| "-".into()),
                    d.error.clone().unwrap_or_else(|| "-".into()),
                ]);
            }
            t.push_str(&format!("\n{tab}\n"));
        }
        if !self.errors.is_empty() {
            t.push_str(&format!("\nerrors ({}):\n", self.errors.len()));
            for e in &self.errors {
                let msg = e.error_message.clone().unwrap_or_default();
                let msg = if self.full || msg.chars().count() <= MESSAGE_CHARS {
                    msg
                } else {
                    format!("{}...", msg.chars().take(MESSAGE_CHARS).collect::<String>())
                };
                t.push_str(&format!(
                    "  {}  {} at {} (retries {}, {}, last {}): {}\n",
                    e.document,
                    e.error_type.as_deref().unwrap_or("error"),
                    e.stage.as_deref().unwrap_or("?"),
                    e.retry_count.map_or("?".into(), |n| n.to_string()),
                    e.category.as_deref().unwrap_or("-"),
                    short_time(&e.last_attempt),
                    msg
                ));
                if self.full
                    && let Some(tb) = &e.traceback
                {
                    for l in tb.lines() {
                        t.push_str(&format!("      {l}\n"));
                    }
                }
            }
            if !self.full {
                t.push_str("(--full: whole messages and tracebacks)\n");
            }
        }
        t
    }
}

/// The state, and the rule that decided it when that was not the plain
/// `pipeline.status` (`failed (last_update.status)`).
fn state_cell(out: &Output, s: DocState, rule: Rule) -> String {
    let name = match rule {
        Rule::LastUpdate | Rule::PermanentError => format!("{} ({})", s.name(), rule.name()),
        _ => s.name().to_string(),
    };
    if !out.color {
        return name;
    }
    match s {
        DocState::Done => console::style(name).green().to_string(),
        DocState::Failed => console::style(name).red().to_string(),
        DocState::InFlight => console::style(name).yellow().to_string(),
        _ => name,
    }
}

/// The documents PostgreSQL lists under the batch's import session: the
/// session is the batch id itself when it is a UUID, else derived from the
/// project (ldp's record names it) and the id, as `ldp import` does.
async fn add_database_docs(ctx: &Ctx, batch: &mut Batch, url: &str) -> Result<()> {
    let session = match uuid::Uuid::parse_str(&batch.id) {
        Ok(u) => u,
        Err(_) => {
            let project = batch
                .ldp
                .as_ref()
                .and_then(|l| l.project_uuid.as_deref())
                .and_then(|p| uuid::Uuid::parse_str(p).ok());
            match project {
                Some(p) => crate::intake::stage::session_uuid(&p, &batch.id),
                None => {
                    ctx.out.note(
                        "--database-url: no ldp import record names this batch's project, so its session is unknown",
                    );
                    return Ok(());
                }
            }
        }
    };
    let db = crate::intake::db::Db::connect(
        &crate::secret::Secret::new(url),
        ctx.settings.intake.db_ssl_mode.as_deref(),
        "--database-url",
    )
    .await?;
    for d in db.session_documents(&session).await? {
        batch.docs.entry(d).or_default().in_database = true;
    }
    Ok(())
}

/// `ldp batch show ID`.
pub async fn show(ctx: &Ctx, a: ShowOptions) -> Result<Exit> {
    let out = &ctx.out;
    let id = bytes::unescape(a.id.trim())
        .map_err(|e| LdpError::usage(format!("invalid batch id: {e}")))?;
    if id.is_empty() || id.len() > 512 || id.iter().any(|b| b.is_ascii_control()) {
        return Err(LdpError::usage(format!(
            "invalid batch id '{}': expected the id of batch:progress:ID or ldp:batch:ID",
            a.id
        )));
    }
    let reg = ctx.registry()?;
    let f = Fams::from(&reg)?;
    let redis = ctx.redis().await?;

    // Exact keys where a template has no other placeholder; a scan (with the
    // id escaped) for the per-document ones.
    let given = [("batch", id.as_slice())];
    let mut candidates: BTreeSet<Vec<u8>> = BTreeSet::new();
    let mut globs = Vec::new();
    for t in f.scanned() {
        match t.fill_exact(&given) {
            Some(k) => {
                candidates.insert(k);
            }
            None if t.has_doc() => globs.push(t.fill_glob(&given)),
            None => {}
        }
    }
    globs.sort();
    globs.dedup();
    candidates.extend(scan_patterns(&redis, globs, out).await?);
    let mut found = BTreeMap::new();
    for k in &candidates {
        classify(&f, k, &mut found);
    }
    let want = bytes::escape(&id);
    found.retain(|b, _| *b == want);
    let batches = read_batches(&redis, found).await?;
    let Some(batch) = batches
        .into_iter()
        .find(|b| b.reported.is_some() || b.ldp.is_some() || !b.docs.is_empty())
    else {
        return Err(LdpError::Failed(format!(
            "no batch '{}': no batch:progress, batch:document, batch:error or ldp:batch key names it",
            a.id
        ))
        .into());
    };

    let mut batch = batch;
    if let Some(url) = &a.database_url {
        add_database_docs(ctx, &mut batch, url).await?;
    }
    let docs: BTreeSet<String> = batch.docs.keys().cloned().collect();
    let doc_keys: Vec<Vec<u8>> = batch
        .docs
        .values()
        .filter_map(|d| d.document_key.clone())
        .collect();
    let err_keys: Vec<Vec<u8>> = batch
        .docs
        .values()
        .filter_map(|d| d.error_key.clone())
        .collect();
    let (states, doc_values, err_values) = futures_util::future::join3(
        read_states(&redis, &f, &docs),
        read_json(&redis, &doc_keys),
        read_json(&redis, &err_keys),
    )
    .await;
    let (mut states, doc_values, err_values) = (states?, doc_values?, err_values?);
    let by_key = |keys: &[Vec<u8>], values: Vec<Option<Json>>| -> BTreeMap<Vec<u8>, Json> {
        keys.iter()
            .cloned()
            .zip(values)
            .filter_map(|(k, v)| Some((k, v?)))
            .collect()
    };
    let doc_values = by_key(&doc_keys, doc_values);
    let err_values = by_key(&err_keys, err_values);

    let mut documents = Vec::new();
    let mut errors = Vec::new();
    for (d, src) in &batch.docs {
        let mut facts = states.get(d).cloned().unwrap_or(DocFacts {
            state: DocState::NotStarted,
            rule: Rule::NoState,
            status: None,
            last_update: None,
        });
        let err = src.error_key.as_ref().and_then(|k| err_values.get(k));
        if err.is_some_and(is_permanent)
            && !matches!(facts.state, DocState::Done | DocState::Failed)
        {
            facts.state = DocState::Failed;
            facts.rule = Rule::PermanentError;
            states.insert(d.clone(), facts.clone());
        }
        let lu = facts.last_update.as_ref();
        let sources = src.names();
        documents.push(DocRow {
            document: d.clone(),
            state: facts.state,
            rule: facts.rule,
            status: facts.status.clone(),
            stage: lu.and_then(|v| text(v, &["stage"])),
            stage_status: lu.and_then(|v| text(v, &["status"])),
            updated: lu.and_then(|v| text(v, &["timestamp"])),
            batch_status: src
                .document_key
                .as_ref()
                .and_then(|k| doc_values.get(k))
                .and_then(|v| text(v, &["status"])),
            error: err.and_then(|v| text(v, &["error_type"])),
            sources,
        });
        if let Some(e) = err {
            errors.push(ErrorRow {
                document: d.clone(),
                error_type: text(e, &["error_type"]),
                error_message: text(e, &["error_message", "error", "message"]),
                stage: text(e, &["stage"]),
                retry_count: count(e, &["retry_count"]),
                last_attempt: text(e, &["last_attempt"]),
                category: text(e, &["category"]),
                traceback: text(e, &["traceback"]),
            });
        }
    }
    documents.sort_by(|x, y| (x.state, &x.document).cmp(&(y.state, &y.document)));
    let summary = summarize(&batch, &states);
    out.print(&ShowReport {
        summary,
        documents,
        errors,
        full: a.full,
    })?;
    Ok(Exit::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn globs_cover_families_with_few_scans() {
        let reg = Registry::embedded();
        let f = Fams::from(&reg).unwrap();
        let globs: Vec<String> = covering_globs(f.scanned())
            .into_iter()
            .map(|g| String::from_utf8(g).unwrap())
            .collect();
        assert_eq!(
            globs,
            vec!["batch:*".to_string(), "ldp:batch:*".to_string()]
        );
    }

    #[test]
    fn keys_sort_into_batches() {
        let reg = Registry::embedded();
        let f = Fams::from(&reg).unwrap();
        let d = "0b6f1c3e-2a4b-4c5d-8e9f-0123456789ab";
        let mut m = BTreeMap::new();
        for k in [
            "batch:progress:b-1".to_string(),
            format!("batch:document:b-1:{d}"),
            format!("batch:error:b:2:{d}"),
            "ldp:batch:imp-1".into(),
            "ldp:batch:imp-1:docs".into(),
            "ldp:batch:imp-1:other".into(),
            "batch:processing:b-1".into(),
        ] {
            classify(&f, k.as_bytes(), &mut m);
        }
        assert_eq!(m.len(), 3, "{m:?}");
        assert!(m["b-1"].progress.is_some());
        assert!(m["b-1"].docs[d].0.is_some());
        assert!(m["b:2"].docs[d].1.is_some());
        assert!(m["imp-1"].ldp.is_some() && m["imp-1"].ldp_docs.is_some());
    }

    #[test]
    fn both_field_sets_and_listed_documents() {
        let d = "0B6F1C3E-2A4B-4C5D-8E9F-0123456789AB";
        let cur = serde_json::json!({"status": "completed", "total": 4, "completed": "4",
            "failed": 0, "failed_documents": [d], "started_at": "2026-11-25T10:00:00"});
        let r = Reported::from(&cur, Stored::Json);
        assert_eq!(
            (r.fields, r.total, r.completed, r.failed),
            ("current", Some(4), Some(4), Some(0))
        );
        assert_eq!(
            listed_docs(&cur).into_iter().collect::<Vec<_>>(),
            vec![d.to_ascii_lowercase()]
        );
        let old = serde_json::json!({"batch_id": "b", "total_documents": 3, "completed_documents": 0,
            "failed_documents": 1, "in_progress_documents": 2, "completion_percentage": 0.0,
            "errors": [{"document_uuid": d}]});
        let r = Reported::from(&old, Stored::Hash);
        assert_eq!(
            (r.fields, r.total, r.failed, r.in_progress),
            ("legacy", Some(3), Some(1), Some(2))
        );
        assert_eq!(r.stored, "hash");
        assert_eq!(listed_docs(&old).len(), 1);
    }
}
