//! `ldp cache show|clear|families`: a document's (or a project's) keys in
//! every family of the registry, found with at most one keyspace scan plus
//! pipelined exact-key commands, whatever the number of documents.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use anyhow::{Context, Result};
use redis::Value;
use serde::Serialize;
use serde_json::Value as Json;

use crate::backup::Header;
use crate::bytes;
use crate::commands::Ctx;
use crate::commands::keys::BackupNote;
use crate::consent::Consent;
use crate::error::LdpError;
use crate::exit::Exit;
use crate::keyspace::{Registry, Role};
use crate::output::{self, Output, Report};
use crate::pipeline::ids::{ProjectId, parse_doc, read_docs_from};
use crate::pipeline::stored::{json_path, read_json};
use crate::pipeline::verdict::{Rule, Standing, judge};
use crate::redis::{Redis, ScanSpec};

const SCAN_COUNT: u32 = 5000;
const UNLINK_BATCH: usize = 1000;
const SAMPLE: usize = 10;
/// Characters of a value shown by `--values` without `--full`.
const VALUE_CHARS: usize = 1200;
/// Bytes of a value `--values` reads without `--full`.
const VALUE_READ_MAX: u64 = 1 << 20;

/// Plain options of `cache show`.
#[derive(Debug, Clone)]
pub struct ShowOptions {
    pub select: Selection,
    pub values: bool,
    pub full: bool,
    pub database_url: Option<String>,
}

/// Plain options of `cache clear`.
#[derive(Debug, Clone)]
pub struct ClearOptions {
    pub select: Selection,
    pub family: Vec<String>,
    pub consent: Consent,
    /// `--backup FILE`: DUMP every key into FILE as it is deleted.
    pub backup: Option<std::path::PathBuf>,
    pub force: bool,
    pub database_url: Option<String>,
}

/// Which documents a command works on.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub docs: Vec<String>,
    pub project: Option<ProjectId>,
    /// The project's documents as PostgreSQL lists them (`--database-url`).
    pub db_docs: Vec<String>,
    /// PostgreSQL was asked for the project's documents.
    pub database: bool,
}

impl Selection {
    /// Validated ids: every `--doc`, the file's lines, the project.
    pub fn new(
        doc_args: &[String],
        docs_from: Option<&std::path::Path>,
        project: Option<&str>,
    ) -> Result<Selection> {
        let mut docs = Vec::new();
        for d in doc_args {
            docs.push(parse_doc(d)?);
        }
        if let Some(p) = docs_from {
            docs.extend(read_docs_from(p)?);
        }
        let project = project.map(ProjectId::parse).transpose()?;
        let mut seen = HashSet::new();
        docs.retain(|d| seen.insert(d.clone()));
        if docs.is_empty() && project.is_none() {
            return Err(LdpError::usage(
                "no documents given (--doc, --docs-from or --project)",
            ));
        }
        Ok(Selection {
            docs,
            project,
            db_docs: Vec::new(),
            database: false,
        })
    }

    /// With `--database-url`, add the project's documents from `source_documents`.
    pub async fn with_database(mut self, ctx: &Ctx, url: Option<&str>) -> Result<Selection> {
        let (Some(url), Some(p)) = (url, &self.project) else {
            return Ok(self);
        };
        let db = crate::intake::db::Db::connect(
            &crate::secret::Secret::new(url),
            ctx.settings.intake.db_ssl_mode.as_deref(),
            "--database-url",
        )
        .await?;
        self.database = true;
        for d in db.project_documents(&p.text()).await? {
            self.db_docs.push(parse_doc(&d)?);
        }
        ctx.out.debug(format!(
            "{} document(s) of the project in PostgreSQL at {}",
            self.db_docs.len(),
            db.label()
        ));
        Ok(self)
    }
}

/// One key of a document.
#[derive(Debug, Clone)]
pub struct DocKey {
    pub key: Vec<u8>,
    pub family: usize,
    pub legacy: bool,
}

/// A document and its keys, with its pipeline status.
#[derive(Debug, Clone, Default)]
pub struct DocEntry {
    pub keys: Vec<DocKey>,
    pub status: Option<String>,
    pub state: Option<Json>,
    /// Where the document stands and which rule decided (see `verdict`).
    pub judged: Option<(Standing, Rule)>,
}

impl DocEntry {
    /// In flight by the pipeline's real rule: a failed latest update is not.
    pub fn in_flight(&self) -> bool {
        matches!(self.judged, Some((Standing::InFlight, _)))
    }
}

/// Where a project's documents were found, and how many each source gave.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Sources {
    /// Named by the pipeline's own values (the state's project path).
    pub pipeline_values: usize,
    /// In ldp import's index of the project.
    pub ldp_index: usize,
    /// In PostgreSQL's source_documents, when `--database-url` was given.
    pub database: Option<usize>,
    /// Given with --doc or --docs-from.
    pub given: usize,
    /// Distinct documents in all.
    pub documents: usize,
}

impl Sources {
    /// Say where the documents came from; a project no source names is a
    /// failure (exit 1), not a silent success with 0 documents.
    pub fn report(&self, out: &Output, project: &str) -> Result<()> {
        let db = match self.database {
            Some(n) => format!(", {n} from PostgreSQL"),
            None => String::new(),
        };
        let line = format!(
            "project {project}: {} document(s): {} named by the pipeline's values, {} in ldp's import index{db}, {} given",
            self.documents, self.pipeline_values, self.ldp_index, self.given
        );
        let hint = "a completed document keeps no project link in Redis: find those with \
                    --database-url (source_documents) or --docs-from";
        if self.documents == 0 {
            return Err(LdpError::Failed(format!(
                "project {project}: no source names any document (looked in the pipeline's values, \
                 ldp's import index{}); {hint}",
                if self.database.is_some() {
                    " and PostgreSQL"
                } else {
                    ""
                }
            ))
            .into());
        }
        out.note(line);
        if self.database.is_none() {
            out.note(format!("Redis alone: {hint}"));
        }
        Ok(())
    }
}

/// Every key of the selected documents, found with one scan: MATCH on the
/// escaped UUID for a single document, else the whole keyspace classified
/// locally against the registry. With a project, also where its documents
/// were found.
pub async fn find_docs(
    redis: &Redis,
    reg: &Registry,
    sel: &Selection,
    out: &Output,
) -> Result<(BTreeMap<String, DocEntry>, Option<Sources>)> {
    let wanted: HashSet<String> = sel.docs.iter().cloned().collect();
    let mut project_members: HashSet<String> = HashSet::new();
    if let Some(p) = &sel.project {
        // ldp import's own index of the project's documents.
        let text = p.text();
        let idx = reg
            .get("ldp_project_docs")
            .and_then(|f| f.compiled().first())
            .and_then(|t| t.fill_exact(&[("project", text.as_bytes())]))
            .ok_or_else(|| {
                LdpError::usage("the key registry has no usable 'ldp_project_docs' family")
            })?;
        let members: Vec<Vec<u8>> = redis
            .read_key(&idx, redis::cmd("SMEMBERS").arg(&idx))
            .await?;
        for m in members {
            if let Ok(d) = parse_doc(&String::from_utf8_lossy(&m)) {
                project_members.insert(d);
            }
        }
    }
    // The whole keyspace, once: per-chunk caches do not carry the document's
    // id, so a MATCH on it would miss them.
    let pattern = b"*".to_vec();
    let mut all: HashMap<String, DocEntry> = HashMap::new();
    let mut chunk_keys: Vec<(String, Vec<u8>, usize)> = Vec::new();
    let mut rx = redis.scan(ScanSpec {
        pattern,
        count: SCAN_COUNT,
        key_type: None,
    });
    let pb = out.spinner("scanning");
    while let Some(msg) = rx.recv().await {
        let (_, keys) = msg?;
        pb.inc(keys.len() as u64);
        for key in keys {
            let Some((fam, t, doc)) = reg.classify_template(&key) else {
                continue;
            };
            let Some(doc) = doc else {
                if let Some(chunk) = t.capture(&key, "chunk") {
                    let chunk = String::from_utf8_lossy(chunk).to_ascii_lowercase();
                    chunk_keys.push((chunk, key, fam));
                }
                continue;
            };
            let doc = String::from_utf8_lossy(doc).to_ascii_lowercase();
            if sel.project.is_none() && !wanted.contains(&doc) {
                continue;
            }
            let legacy = t.legacy;
            all.entry(doc).or_default().keys.push(DocKey {
                key,
                family: fam,
                legacy,
            });
        }
    }
    pb.finish_and_clear();

    // The values that name a project or a status, prefixed keys before legacy ones.
    let mut value_keys: Vec<(String, Vec<u8>, usize)> = Vec::new();
    for (doc, e) in all.iter_mut() {
        e.keys
            .sort_by(|a, b| (a.family, a.legacy, &a.key).cmp(&(b.family, b.legacy, &b.key)));
        for k in &e.keys {
            let f = &reg.families[k.family];
            let need_project = sel.project.is_some() && !f.project_paths.is_empty();
            if f.status_path.is_some() || need_project {
                value_keys.push((doc.clone(), k.key.clone(), k.family));
            }
        }
    }
    let keys: Vec<Vec<u8>> = value_keys.iter().map(|v| v.1.clone()).collect();
    let values = read_json(redis, &keys).await?;
    let mut in_project: HashSet<String> = HashSet::new();
    for ((doc, _, fam), v) in value_keys.iter().zip(values) {
        let Some(v) = v else { continue };
        let f = &reg.families[*fam];
        if let Some(p) = &sel.project
            && f.project_paths
                .iter()
                .any(|path| json_path(&v, path).is_some_and(|x| p.is(&x)))
        {
            in_project.insert(doc.clone());
        }
        if let Some(path) = &f.status_path
            && let Some(e) = all.get_mut(doc)
            && e.status.is_none()
        {
            e.status = json_path(&v, path).and_then(|s| s.as_str().map(str::to_string));
            e.judged = Some(judge(Some(&v), path, false));
            e.state = Some(v);
        }
    }

    let mut sources = None;
    let selected: HashSet<String> = match &sel.project {
        None => wanted,
        Some(_) => {
            let mut s = Sources {
                pipeline_values: in_project.len(),
                ldp_index: project_members.len(),
                database: sel.database.then_some(sel.db_docs.len()),
                given: sel.docs.len(),
                documents: 0,
            };
            let all: HashSet<String> = in_project
                .into_iter()
                .chain(project_members)
                .chain(sel.docs.iter().cloned())
                .chain(sel.db_docs.iter().cloned())
                .collect();
            s.documents = all.len();
            sources = Some(s);
            all
        }
    };
    let mut result = BTreeMap::new();
    for d in selected {
        let e = all.remove(&d).unwrap_or_default();
        result.insert(d, e);
    }
    let chunks = attribute_chunks(redis, reg, &mut result, chunk_keys).await?;
    if chunks.by_chunk_list + chunks.by_value > 0 {
        out.note(format!(
            "per-chunk caches: {} found through the documents' chunk lists, {} through their values",
            chunks.by_chunk_list, chunks.by_value
        ));
    }
    Ok((result, sources))
}

/// How the documents' per-chunk caches were found.
#[derive(Debug, Clone, Copy, Default)]
pub struct ChunkCounts {
    pub by_chunk_list: usize,
    pub by_value: usize,
}

/// Give each selected document its per-chunk caches (`entity:chunk:{chunk}:
/// {md5[:8]}`): those of the chunks its chunk list names, then, for the
/// rest, those whose value (mentions with `document_uuid`) names it. One
/// pipelined read of the chunk lists and one of the unclaimed values,
/// whatever the number of documents.
async fn attribute_chunks(
    redis: &Redis,
    reg: &Registry,
    docs: &mut BTreeMap<String, DocEntry>,
    chunk_keys: Vec<(String, Vec<u8>, usize)>,
) -> Result<ChunkCounts> {
    let mut counts = ChunkCounts::default();
    if chunk_keys.is_empty() || docs.is_empty() {
        return Ok(counts);
    }
    let chunks_fam = reg.families.iter().position(|f| f.name == "chunks");
    let list_keys: Vec<(String, Vec<u8>)> = docs
        .iter()
        .flat_map(|(d, e)| {
            e.keys
                .iter()
                .filter(|k| Some(k.family) == chunks_fam)
                .map(move |k| (d.clone(), k.key.clone()))
        })
        .collect();
    let raw: Vec<Vec<u8>> = list_keys.iter().map(|k| k.1.clone()).collect();
    let mut owner: HashMap<String, String> = HashMap::new();
    for ((doc, _), v) in list_keys.iter().zip(read_json(redis, &raw).await?) {
        let mut ids = Vec::new();
        if let Some(v) = v {
            uuids_in(&v, &mut ids);
        }
        for c in ids {
            owner.entry(c).or_insert_with(|| doc.clone());
        }
    }
    let mut unclaimed = Vec::new();
    for (chunk, key, fam) in chunk_keys {
        match owner.get(&chunk).and_then(|d| docs.get_mut(d)) {
            Some(e) => {
                counts.by_chunk_list += 1;
                e.keys.push(DocKey {
                    key,
                    family: fam,
                    legacy: false,
                });
            }
            None => unclaimed.push((key, fam)),
        }
    }
    let raw: Vec<Vec<u8>> = unclaimed.iter().map(|k| k.0.clone()).collect();
    for ((key, fam), v) in unclaimed.into_iter().zip(read_json(redis, &raw).await?) {
        let mut named = Vec::new();
        if let Some(v) = v {
            uuids_in(&v, &mut named);
        }
        let Some(d) = named.into_iter().find(|d| docs.contains_key(d)) else {
            continue;
        };
        if let Some(e) = docs.get_mut(&d) {
            counts.by_value += 1;
            e.keys.push(DocKey {
                key,
                family: fam,
                legacy: false,
            });
        }
    }
    for e in docs.values_mut() {
        e.keys
            .sort_by(|a, b| (a.family, a.legacy, &a.key).cmp(&(b.family, b.legacy, &b.key)));
    }
    Ok(counts)
}

/// Every UUID-shaped string in a JSON value, lower-cased.
fn uuids_in(v: &Json, out: &mut Vec<String>) {
    match v {
        Json::String(s) if crate::keyspace::is_uuid(s.as_bytes()) => {
            out.push(s.to_ascii_lowercase())
        }
        Json::Array(a) => a.iter().for_each(|x| uuids_in(x, out)),
        Json::Object(m) => m.values().for_each(|x| uuids_in(x, out)),
        _ => {}
    }
}

/// TYPE, PTTL and MEMORY USAGE of each key.
#[derive(Debug, Clone, Default)]
pub struct KeyFacts {
    pub key_type: Option<String>,
    /// Milliseconds left; None when the key never expires.
    pub pttl: Option<i64>,
    pub memory: Option<u64>,
    pub exists: bool,
}

pub async fn key_facts(redis: &Redis, keys: &[Vec<u8>]) -> Result<Vec<KeyFacts>> {
    let replies = redis
        .per_key(keys, 3, true, |p, k| {
            p.cmd("TYPE").arg(k);
            p.cmd("PTTL").arg(k);
            p.cmd("MEMORY").arg("USAGE").arg(k).arg("SAMPLES").arg(0);
        })
        .await?;
    Ok(replies
        .into_iter()
        .map(|r| {
            let key_type = match r.first() {
                Some(Value::SimpleString(s)) if s != "none" => Some(s.clone()),
                _ => None,
            };
            let pttl = match r.get(1) {
                Some(Value::Int(ms)) if *ms >= 0 => Some(*ms),
                _ => None,
            };
            let memory = match r.get(2) {
                Some(Value::Int(b)) => Some((*b).max(0) as u64),
                _ => None,
            };
            KeyFacts {
                exists: key_type.is_some(),
                key_type,
                pttl,
                memory,
            }
        })
        .collect())
}

// ------------------------------------------------------------------ families

struct FamiliesReport {
    reg: Arc<Registry>,
}

/// The JSON shape of this report.
impl Serialize for FamiliesReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v: serde_json::Value = { serde_json::to_value(&self.reg.families).unwrap_or_default() };
        v.serialize(s)
    }
}

impl Report for FamiliesReport {
    fn text(&self, out: &Output) -> String {
        let mut t = out.table(&["family", "role", "type", "expires", "templates (legacy)"]);
        for f in &self.reg.families {
            let mut tpl: Vec<String> = f.templates.clone();
            tpl.extend(f.legacy.iter().map(|l| format!("({l})")));
            t.add_row(vec![
                f.name.clone(),
                f.role.name().to_string(),
                f.key_type.clone(),
                if f.expires { "yes" } else { "no" }.to_string(),
                tpl.join("\n"),
            ]);
        }
        let mut s = format!("{t}\n");
        out.aside(&mut s, "-o json adds each family's TTL and description");
        s
    }
}

/// `ldp cache families`.
pub async fn families(ctx: &Ctx) -> Result<Exit> {
    ctx.out.print(&FamiliesReport {
        reg: ctx.registry()?,
    })?;
    Ok(Exit::Ok)
}

// ---------------------------------------------------------------------- show

#[derive(Debug, Serialize)]
struct ShownKey {
    key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    key_base64: Option<String>,
    family: String,
    role: &'static str,
    legacy: bool,
    #[serde(rename = "type")]
    key_type: Option<String>,
    /// Seconds left; null when the key never expires.
    ttl: Option<f64>,
    memory: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<Json>,
    /// For values that are not JSON: their size (pickles, binary).
    #[serde(skip_serializing_if = "Option::is_none")]
    opaque_bytes: Option<usize>,
    /// A value over 1 MiB, not read without --full: its size.
    #[serde(skip_serializing_if = "Option::is_none")]
    too_large_bytes: Option<u64>,
}

#[derive(Debug, Serialize)]
struct ShownDoc {
    document: String,
    status: Option<String>,
    in_flight: bool,
    /// failed, in_flight, done, other or not_started, and the rule that
    /// decided (a failed latest update is failed whatever `status` says).
    standing: Option<Standing>,
    rule: Option<Rule>,
    last_update: Option<Json>,
    key_count: usize,
    bytes: u64,
    keys: Vec<ShownKey>,
}

struct ShowReport {
    project: Option<String>,
    docs: Vec<ShownDoc>,
    values: bool,
    full: bool,
}

/// The JSON shape of this report.
impl Serialize for ShowReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v: serde_json::Value = {
            let docs = serde_json::to_value(&self.docs).unwrap_or_default();
            let keys: usize = self.docs.iter().map(|d| d.key_count).sum();
            let bytes: u64 = self.docs.iter().map(|d| d.bytes).sum();
            serde_json::json!({
                "project": self.project,
                "documents": docs,
                "totals": {"documents": self.docs.len(), "keys": keys, "bytes": bytes},
            })
        };
        v.serialize(s)
    }
}

impl Report for ShowReport {
    fn text(&self, out: &Output) -> String {
        let mut s = String::new();
        if self.project.is_some() {
            let mut t = out.table(&["document", "status", "keys", "bytes"]);
            for d in &self.docs {
                t.add_row(vec![
                    d.document.clone(),
                    status_text(d, out),
                    out.count(d.key_count as u64),
                    out.bytes(d.bytes),
                ]);
            }
            let keys: usize = self.docs.iter().map(|d| d.key_count).sum();
            let bytes: u64 = self.docs.iter().map(|d| d.bytes).sum();
            if let Some(p) = &self.project {
                out.aside(&mut s, format!("project {p}"));
            }
            if !self.docs.is_empty() {
                s.push_str(&format!("{t}\n"));
            }
            out.aside(
                &mut s,
                format!(
                    "{} documents, {} keys, {}",
                    out.count(self.docs.len() as u64),
                    out.count(keys as u64),
                    out.bytes(bytes)
                ),
            );
            return s;
        }
        for d in &self.docs {
            out.aside(
                &mut s,
                format!(
                    "document {}  status: {}  ({} keys, {})",
                    d.document,
                    status_text(d, out),
                    d.key_count,
                    out.bytes(d.bytes)
                ),
            );
            if d.keys.is_empty() {
                out.aside(&mut s, "  no keys in any family\n");
                continue;
            }
            let mut t = out.table(&["key", "family", "type", "ttl", "size"]);
            for k in &d.keys {
                let fam = if k.legacy {
                    format!("{} (legacy)", k.family)
                } else {
                    k.family.clone()
                };
                t.add_row(vec![
                    k.key.clone(),
                    fam,
                    k.key_type.clone().unwrap_or_default(),
                    output::human_ttl(k.ttl.map(|s| (s * 1000.0) as i64)),
                    k.memory.map(|m| out.bytes(m)).unwrap_or_default(),
                ]);
            }
            s.push_str(&format!("{t}\n"));
            if self.values {
                for k in &d.keys {
                    s.push_str(&format!("\n{}:\n", k.key));
                    match (&k.value, k.opaque_bytes) {
                        (Some(v), _) => {
                            let pretty = serde_json::to_string_pretty(v).unwrap_or_default();
                            s.push_str(&indent(&truncate(&pretty, self.full)));
                        }
                        (None, Some(n)) => {
                            s.push_str(&format!("  <not JSON: {n} bytes (a pickle or binary)>\n"))
                        }
                        (None, None) => match k.too_large_bytes {
                            Some(n) => s.push_str(&format!(
                                "  <{} bytes: not read (over 1 MiB); --full reads it>\n",
                                out.count(n)
                            )),
                            None => s.push_str(&format!(
                                "  <{}>\n",
                                k.key_type.as_deref().unwrap_or("gone")
                            )),
                        },
                    }
                }
                s.push('\n');
            }
        }
        s
    }
}

fn status_text(d: &ShownDoc, out: &Output) -> String {
    let mut st = d.status.clone().unwrap_or_else(|| "unknown".into());
    if d.rule == Some(Rule::LastUpdate) {
        st = format!("failed (last_update.status; pipeline.status {st})");
    }
    if !out.color {
        return st;
    }
    let styled = match st.as_str() {
        "completed" => console::style(st.clone()).green(),
        s if s.starts_with("failed") => console::style(st.clone()).red(),
        "starting" | "processing" => console::style(st.clone()).yellow(),
        _ => console::style(st.clone()),
    };
    styled.to_string()
}

fn truncate(s: &str, full: bool) -> String {
    if full || s.chars().count() <= VALUE_CHARS {
        return s.to_string();
    }
    let cut: String = s.chars().take(VALUE_CHARS).collect();
    format!(
        "{cut}\n... ({} more characters; --full shows all)",
        s.chars().count() - VALUE_CHARS
    )
}

fn indent(s: &str) -> String {
    s.lines().map(|l| format!("  {l}\n")).collect()
}

/// `ldp cache show`.
pub async fn show(ctx: &Ctx, a: ShowOptions) -> Result<Exit> {
    let out = &ctx.out;
    let sel = a
        .select
        .clone()
        .with_database(ctx, a.database_url.as_deref())
        .await?;
    let reg = ctx.registry()?;
    let redis = ctx.redis().await?;
    let (found, sources) = find_docs(&redis, &reg, &sel, out).await?;
    if let (Some(src), Some(p)) = (&sources, &sel.project) {
        src.report(out, &p.text())?;
    }

    let all_keys: Vec<Vec<u8>> = found
        .values()
        .flat_map(|e| e.keys.iter().map(|k| k.key.clone()))
        .collect();
    let facts = key_facts(&redis, &all_keys).await?;
    // Without --full a value is read up to VALUE_READ_MAX bytes: a 100 MB
    // value is reported by its size, never held in memory.
    let mut too_large: Vec<Option<u64>> = vec![None; all_keys.len()];
    let raw_values: Vec<Option<Vec<u8>>> = if a.values && sel.project.is_none() {
        let cap = if a.full {
            -1
        } else {
            VALUE_READ_MAX as i64 - 1
        };
        redis
            .per_key(&all_keys, 2, true, |p, k| {
                p.cmd("STRLEN").arg(k);
                p.cmd("GETRANGE").arg(k).arg(0).arg(cap);
            })
            .await?
            .into_iter()
            .enumerate()
            .map(|(i, r)| match (r.first(), r.get(1)) {
                (Some(Value::Int(n)), _) if !a.full && *n as u64 > VALUE_READ_MAX => {
                    too_large[i] = Some(*n as u64);
                    None
                }
                (_, Some(Value::BulkString(b))) => Some(b.clone()),
                _ => None,
            })
            .collect()
    } else {
        vec![None; all_keys.len()]
    };
    // Hashes (the state's hash form) are shown decoded, field by field.
    let mut hash_values: HashMap<usize, Json> = HashMap::new();
    if a.values && sel.project.is_none() {
        let idx: Vec<usize> = (0..all_keys.len())
            .filter(|&i| facts[i].key_type.as_deref() == Some("hash"))
            .collect();
        let hkeys: Vec<Vec<u8>> = idx.iter().map(|&i| all_keys[i].clone()).collect();
        for (j, v) in read_json(&redis, &hkeys).await?.into_iter().enumerate() {
            if let Some(v) = v {
                hash_values.insert(idx[j], v);
            }
        }
    }

    let mut i = 0;
    let mut docs = Vec::new();
    for (doc, e) in &found {
        let mut keys = Vec::new();
        for k in &e.keys {
            let f = &facts[i];
            let raw = &raw_values[i];
            let large = too_large[i];
            let hashed = hash_values.remove(&i);
            i += 1;
            if !f.exists {
                continue; // expired since the scan
            }
            let (value, opaque_bytes) = match (raw, hashed) {
                (_, Some(h)) => (Some(h), None),
                (Some(b), None) => match serde_json::from_slice::<Json>(b) {
                    Ok(v) => (Some(v), None),
                    Err(_) => (None, Some(b.len())),
                },
                (None, None) => (None, None),
            };
            let fam = &reg.families[k.family];
            keys.push(ShownKey {
                key: bytes::escape(&k.key),
                key_base64: bytes::base64_if_binary(&k.key),
                family: fam.name.clone(),
                role: fam.role.name(),
                legacy: k.legacy,
                key_type: f.key_type.clone(),
                ttl: f.pttl.map(|ms| ms as f64 / 1000.0),
                memory: f.memory,
                value,
                opaque_bytes,
                too_large_bytes: large,
            });
        }
        let last_update = e
            .state
            .as_ref()
            .and_then(|s| json_path(s, "last_update"))
            .map(|c| c.into_owned());
        docs.push(ShownDoc {
            document: doc.clone(),
            status: e.status.clone(),
            in_flight: e.in_flight(),
            standing: e.judged.map(|j| j.0),
            rule: e.judged.map(|j| j.1),
            last_update,
            key_count: keys.len(),
            bytes: keys.iter().filter_map(|k| k.memory).sum(),
            keys,
        });
    }
    out.print(&ShowReport {
        project: sel.project.as_ref().map(ProjectId::text),
        docs,
        values: a.values,
        full: a.full,
    })?;
    Ok(Exit::Ok)
}

// --------------------------------------------------------------------- clear

/// Counts and bytes of one family in a clear.
#[derive(Debug, Default, Serialize, Clone)]
pub struct FamilyCount {
    pub keys: u64,
    pub bytes: u64,
}

#[derive(Debug, Serialize)]
pub struct ClearReport {
    pub dry_run: bool,
    pub project: Option<String>,
    pub documents: usize,
    pub families: BTreeMap<String, FamilyCount>,
    /// Keys selected (dry run: keys that would go).
    pub keys: u64,
    pub bytes: u64,
    /// Keys UNLINK removed.
    pub deleted: u64,
    pub sample: Vec<String>,
    /// Documents the pipeline is processing (cleared only with --force).
    pub in_flight: Vec<String>,
    /// `--backup`: the file and how many keys it holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup: Option<BackupNote>,
}

impl Report for ClearReport {
    fn text(&self, out: &Output) -> String {
        let mut s = String::new();
        if self.dry_run {
            s.push_str(&format!(
                "dry run: {} keys ({}) of {} documents would be deleted\n",
                out.count(self.keys),
                out.bytes(self.bytes),
                self.documents
            ));
        } else {
            s.push_str(&format!(
                "deleted {} keys ({}) of {} documents\n",
                out.count(self.deleted),
                out.bytes(self.bytes),
                self.documents
            ));
        }
        if !self.families.is_empty() {
            let mut t = out.table(&["family", "keys", "bytes"]);
            for (f, c) in &self.families {
                t.add_row(vec![f.clone(), out.count(c.keys), out.bytes(c.bytes)]);
            }
            s.push_str(&format!("{t}\n"));
        }
        if self.dry_run && !self.sample.is_empty() {
            s.push_str("sample:\n");
            for k in &self.sample {
                s.push_str(&format!("  {k}\n"));
            }
        }
        if let Some(b) = &self.backup {
            s.push_str(&b.line());
        }
        if !self.in_flight.is_empty() {
            s.push_str(&format!(
                "in flight: {}{}\n",
                self.in_flight.join(", "),
                if self.dry_run {
                    " (a real clear needs --force)"
                } else {
                    " (cleared with --force)"
                }
            ));
        }
        s
    }
}

/// The families a clear deletes: the named ones, else every per-document
/// derived-cache family.
fn clear_families(reg: &Registry, names: &[String]) -> Result<HashSet<usize>> {
    if names.is_empty() {
        return Ok(reg
            .families
            .iter()
            .enumerate()
            .filter(|(_, f)| f.role == Role::Derived && f.per_doc())
            .map(|(i, _)| i)
            .collect());
    }
    let mut set = HashSet::new();
    for n in names {
        match reg.families.iter().position(|f| &f.name == n) {
            Some(i) if reg.families[i].per_doc() => {
                set.insert(i);
            }
            _ => {
                let known: Vec<&str> = reg
                    .families
                    .iter()
                    .filter(|f| f.per_doc())
                    .map(|f| f.name.as_str())
                    .collect();
                return Err(LdpError::usage(format!(
                    "unknown document family '{n}' (document families: {})",
                    known.join(", ")
                )));
            }
        }
    }
    Ok(set)
}

/// `ldp cache clear`.
pub async fn clear(ctx: &Ctx, a: ClearOptions) -> Result<Exit> {
    let out = &ctx.out;
    let sel = a.select.clone();
    let reg = ctx.registry()?;
    let fams = clear_families(&reg, &a.family)?;
    let gate = a.consent.admit(out, &ctx.journal, "clear")?;
    let journal = gate.journal();
    if let Some(p) = &sel.project {
        journal.subject(format!("project {}", p.text()));
    }
    for d in sel.docs.iter().take(100) {
        journal.subject(format!("doc {d}"));
    }
    let sel = sel.with_database(ctx, a.database_url.as_deref()).await?;
    let redis = ctx.redis().await?;
    let (found, sources) = find_docs(&redis, &reg, &sel, out).await?;
    if let (Some(src), Some(p)) = (&sources, &sel.project) {
        src.report(out, &p.text())?;
    }

    let in_flight: Vec<String> = found
        .iter()
        .filter(|(_, e)| e.in_flight())
        .map(|(d, e)| format!("{d} ({})", e.status.as_deref().unwrap_or("?")))
        .collect();
    if !in_flight.is_empty() && !a.force && !a.consent.dry_run {
        let n = in_flight.len();
        let shown: Vec<String> = in_flight.into_iter().take(5).collect();
        return Err(LdpError::usage(format!(
            "{n} document(s) in flight, nothing cleared: {}{}; use --force to clear them anyway",
            shown.join(", "),
            if n > 5 { ", ..." } else { "" }
        )));
    }

    let mut chosen: Vec<(Vec<u8>, usize)> = Vec::new();
    for e in found.values() {
        for k in &e.keys {
            if fams.contains(&k.family) {
                chosen.push((k.key.clone(), k.family));
            }
        }
    }
    let keys: Vec<Vec<u8>> = chosen.iter().map(|c| c.0.clone()).collect();
    let facts = key_facts(&redis, &keys).await?;
    let mut report = ClearReport {
        dry_run: a.consent.dry_run,
        project: sel.project.as_ref().map(ProjectId::text),
        documents: found.len(),
        families: BTreeMap::new(),
        keys: 0,
        bytes: 0,
        deleted: 0,
        sample: Vec::new(),
        in_flight,
        backup: None,
    };
    let mut live: BTreeMap<String, Vec<Vec<u8>>> = BTreeMap::new();
    for ((key, fam), f) in chosen.into_iter().zip(facts) {
        if !f.exists {
            continue;
        }
        let c = report
            .families
            .entry(reg.families[fam].name.clone())
            .or_default();
        c.keys += 1;
        c.bytes += f.memory.unwrap_or(0);
        report.keys += 1;
        report.bytes += f.memory.unwrap_or(0);
        if report.sample.len() < SAMPLE {
            report.sample.push(bytes::escape(&key));
        }
        live.entry(reg.families[fam].name.clone())
            .or_default()
            .push(key);
    }
    for (f, c) in &report.families {
        journal.matched(f, c.keys);
    }
    if a.consent.dry_run || live.is_empty() {
        out.print(&report)?;
        return Ok(Exit::Ok);
    }
    let mut backup = gate.backup(
        a.backup.as_deref(),
        &Header::new(redis.label(), redis.is_cluster(), "cache clear"),
    )?;
    if gate.will_ask() {
        eprintln!(
            "{} keys ({}) of {} documents on {}:",
            output::thousands(report.keys),
            output::human_bytes(report.bytes),
            report.documents,
            redis.label()
        );
        for (f, c) in &report.families {
            eprintln!("  {f}: {}", output::thousands(c.keys));
        }
        if !gate.confirm(
            out,
            &format!("Delete {} keys?", output::thousands(report.keys)),
        )? {
            out.note("nothing deleted");
            return Ok(Exit::Failure);
        }
    }
    // Family by family, so the audit entry says what went from each.
    let dump = backup.is_some();
    for (family, keys) in live {
        let n = redis
            .unlink_backed(keys, UNLINK_BATCH, dump)
            .await
            .save(backup.as_mut())
            .with_context(|| {
                format!(
                    "deleted {} keys before the failure; run the same clear again to finish",
                    output::thousands(report.deleted)
                )
            })?;
        journal.changed(&family, n);
        report.deleted += n;
    }
    report.backup = BackupNote::finish(backup)?;
    out.print(&report)?;
    Ok(Exit::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_validated() {
        assert!(parse_doc("0B6F1C3E-2A4B-4C5D-8E9F-0123456789AB").is_ok());
        for bad in ["*", "abc*", "", "0b6f1c3e-2a4b-4c5d-8e9f-0123456789a*"] {
            assert!(parse_doc(bad).is_err(), "{bad}");
        }
        assert_eq!(ProjectId::parse("42").unwrap(), ProjectId::Int(42));
        assert!(ProjectId::parse("*").is_err());
        assert!(ProjectId::parse("-1").is_err());
    }

    #[test]
    fn json_paths_reach_into_hash_fields() {
        let v: Json = serde_json::json!({"pipeline": "{\"status\": \"processing\"}"});
        assert_eq!(
            json_path(&v, "pipeline.status").unwrap().as_str(),
            Some("processing")
        );
        let v: Json = serde_json::json!({"pipeline": {"metadata": {"project_uuid": "p"}}});
        assert_eq!(
            json_path(&v, "pipeline.metadata.project_uuid")
                .unwrap()
                .as_str(),
            Some("p")
        );
        assert!(json_path(&v, "nope.x").is_none());
    }

    #[test]
    fn project_ids_match_values() {
        let p = ProjectId::parse("0b6f1c3e-2a4b-4c5d-8e9f-0123456789ab").unwrap();
        assert!(p.is(&Json::String("0B6F1C3E-2A4B-4C5D-8E9F-0123456789AB".into())));
        let n = ProjectId::Int(7);
        assert!(n.is(&serde_json::json!(7)));
        assert!(n.is(&serde_json::json!("7")));
        assert!(!n.is(&serde_json::json!(8)));
    }
}
