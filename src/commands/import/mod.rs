//! `ldp import`: register and enqueue documents for the pipeline's Celery
//! workers, exactly once per document.
//!
//! Identity is the content: a document's UUID is UUIDv5(project, sha256 hex),
//! so the same file in the same project is always the same document. The
//! marker `ldp:imported:{project}:{sha256}` and the task's LPUSH are written
//! by one Lua script on the broker, so a crash, `kill -9` or Ctrl-C can never
//! leave a document marked but not enqueued, or enqueued twice; a re-run skips
//! what is marked. When the caches live on the same server the script also
//! writes `doc:import`, the project index and the batch set; when they live
//! elsewhere (a cluster) those are written right after, idempotently, and a
//! re-run completes them.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};

use anyhow::{Context, Result};
use redis::Value;
use serde::Serialize;
use serde_json::{Value as Json, json};
use sha2::{Digest, Sha256};

use crate::broker::task::{Task, has_kombu_tag, origin};
use crate::commands::Ctx;
use crate::config::Secret;
use crate::consent::Consent;
use crate::error::LdpError;
use crate::exit::Exit;
use crate::intake::db::DocRow;
use crate::intake::stage::{Intake, Job, Prepared};
use crate::intake::store::Meta;
use crate::keyspace::Registry;
use crate::output::{self, Output, Report};
use crate::pipeline::ids::ProjectId;
use crate::redis::Redis;

/// The pipeline's document types, when no --include says otherwise.
pub const DEFAULT_TYPES: [&str; 9] = [
    "pdf", "doc", "docx", "txt", "jpg", "jpeg", "png", "tiff", "tif",
];
/// Documents per pipelined round trip.
const CHUNK: usize = 500;
/// `doc:import` lives an hour (KEYSPACE.md).
const IMPORT_TTL_SECS: u64 = 3600;
/// Ask on a terminal before importing more documents than this.
const CONFIRM_ABOVE: usize = 1000;

/// How an intake's marker value starts (then the task id).
const MARK_INTAKE: &[u8] = b"intake:";

/// Documents per script call: enough to amortise a call, small enough to
/// keep the server's other clients moving.
const DOCS_PER_CALL: usize = 50;
/// Uploads at once when --jobs does not say.
const DEFAULT_UPLOADS: usize = 8;
/// Intake chunks (existing-row check, uploads, one INSERT) in flight.
const PREPS_IN_FLIGHT: usize = 4;

/// For each unit (a task and its documents): if none of its markers exists,
/// set them and LPUSH the task (and, with the caches on this server, write
/// doc:import and the project and batch sets). One script call is atomic as a
/// whole, so each unit is too, and Redis refuses an out-of-memory script at
/// its first write, before anything is done.
/// KEYS: queue, index set, batch set, then per unit its n markers (and n
/// doc:import keys with the caches). ARGV: ttl, caches (1/0), units, then per
/// unit n, task id, envelope (and n x [uuid, record] with the caches).
/// Returns one 1 (enqueued) or 0 (already marked) per unit. A marker holds
/// the task id, as `intake:<id>` when the whole intake ran.
const ENQUEUE_LUA: &str = r#"
local ttl = ARGV[1]
local cache = ARGV[2] == '1'
local units = tonumber(ARGV[3])
local k, a, out, added = 4, 4, {}, {}
for u = 1, units do
  local n, id, env = tonumber(ARGV[a]), ARGV[a + 1], ARGV[a + 2]
  a = a + 3
  -- An intake's marker ('intake:<id>') counts only another intake's as
  -- taken: a document an enqueue-only run marked never got its row and
  -- object, so its task failed and the intake must enqueue it again.
  local strict = string.sub(id, 1, 7) == 'intake:'
  local free
  if n == 1 and not strict then
    free = redis.call('SET', KEYS[k], id, 'NX')
  else
    free = true
    for i = 0, n - 1 do
      local v = redis.call('GET', KEYS[k + i])
      if v and (not strict or string.sub(v, 1, 7) == 'intake:') then free = false end
    end
    if free then
      for i = 0, n - 1 do redis.call('SET', KEYS[k + i], id) end
    end
  end
  if free then
    redis.call('LPUSH', KEYS[1], env)
    if cache then
      for i = 0, n - 1 do
        redis.call('SET', KEYS[k + n + i], ARGV[a + 2 * i + 1], 'EX', ttl)
        added[#added + 1] = ARGV[a + 2 * i]
      end
    end
    out[u] = 1
  else
    out[u] = 0
  end
  k = k + n
  if cache then
    k = k + n
    a = a + 2 * n
  end
end
if #added > 0 then
  redis.call('SADD', KEYS[2], unpack(added))
  redis.call('SADD', KEYS[3], unpack(added))
end
return out
"#;

/// One file to import, validated.
#[derive(Debug, Clone)]
pub struct Input {
    pub path: PathBuf,
    pub name: String,
    /// Lower-case, with its dot (`.pdf`), or empty.
    pub ext: String,
    pub file_type: String,
    pub mime_type: Option<String>,
    pub metadata: Option<Json>,
}

fn lower_ext(p: &Path) -> String {
    p.extension()
        .map(|e| format!(".{}", e.to_string_lossy().to_ascii_lowercase()))
        .unwrap_or_default()
}

fn input_for(path: PathBuf) -> Input {
    let ext = lower_ext(&path);
    Input {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        file_type: ext.trim_start_matches('.').to_string(),
        ext,
        mime_type: None,
        metadata: None,
        path,
    }
}

fn absolute(p: &Path) -> PathBuf {
    std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf())
}

/// Walk the PATH arguments: files as given, directories recursively,
/// filtered by --include/--exclude (or the pipeline's types).
pub fn walk(
    paths: &[PathBuf],
    include: &[String],
    exclude: &[String],
) -> Result<(Vec<Input>, usize)> {
    let build = |globs: &[String], what: &str| -> Result<Option<globset::GlobSet>> {
        if globs.is_empty() {
            return Ok(None);
        }
        let mut b = globset::GlobSetBuilder::new();
        for g in globs {
            let glob = globset::GlobBuilder::new(g)
                .case_insensitive(true)
                .literal_separator(false)
                .build()
                .map_err(|e| LdpError::usage(format!("invalid --{what} '{g}': {e}")))?;
            b.add(glob);
        }
        Ok(Some(
            b.build()
                .map_err(|e| LdpError::usage(format!("--{what}: {e}")))?,
        ))
    };
    let inc = build(include, "include")?;
    let exc = build(exclude, "exclude")?;
    let wanted = |p: &Path| -> bool {
        let name = p.file_name().map(Path::new).unwrap_or(p);
        let hit = |set: &globset::GlobSet| set.is_match(p) || set.is_match(name);
        if exc.as_ref().is_some_and(hit) {
            return false;
        }
        match &inc {
            Some(set) => hit(set),
            None => DEFAULT_TYPES.contains(&lower_ext(p).trim_start_matches('.')),
        }
    };
    let mut out = Vec::new();
    let mut missing = Vec::new();
    let mut skipped = 0usize;
    for p in paths {
        let meta = match std::fs::metadata(p) {
            Ok(m) => m,
            Err(e) => {
                missing.push(format!("{}: {e}", p.display()));
                continue;
            }
        };
        if meta.is_dir() {
            for entry in walkdir::WalkDir::new(p)
                .follow_links(true)
                .sort_by_file_name()
            {
                match entry {
                    Ok(e) if e.file_type().is_file() => {
                        if wanted(e.path()) {
                            out.push(input_for(absolute(e.path())));
                        } else {
                            skipped += 1;
                        }
                    }
                    Ok(_) => {}
                    Err(e) => missing.push(format!("{}: {e}", p.display())),
                }
            }
        } else if wanted(p) || (include.is_empty() && exclude.is_empty()) {
            // A file named explicitly is imported whatever its type, unless excluded.
            out.push(input_for(absolute(p)));
        } else {
            skipped += 1;
        }
    }
    if !missing.is_empty() {
        return Err(LdpError::usage(problems(
            "cannot read the inputs",
            &missing,
        )));
    }
    Ok((out, skipped))
}

fn problems(what: &str, list: &[String]) -> String {
    let shown: Vec<&str> = list.iter().take(10).map(String::as_str).collect();
    let more = if list.len() > 10 {
        format!("; and {} more", list.len() - 10)
    } else {
        String::new()
    };
    format!(
        "{what} ({} problem(s)): {}{more}",
        list.len(),
        shown.join("; ")
    )
}

/// Read and validate the pipeline's manifest completely: a syntax error, a
/// missing file or a bad field is a usage error listing every problem.
pub fn read_manifest(path: &Path) -> Result<Vec<Input>> {
    let text = if path.as_os_str() == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| LdpError::usage(format!("cannot read the manifest from stdin: {e}")))?;
        s
    } else {
        std::fs::read_to_string(path).map_err(|e| {
            LdpError::usage(format!("cannot read --manifest {}: {e}", path.display()))
        })?
    };
    let m: Json = serde_json::from_str(&text)
        .map_err(|e| LdpError::usage(format!("--manifest {}: not JSON: {e}", path.display())))?;
    let mut bad = Vec::new();
    let base = match m.pointer("/metadata/base_path") {
        None | Some(Json::Null) => None,
        Some(Json::String(s)) => Some(PathBuf::from(s)),
        Some(_) => {
            bad.push("metadata.base_path: not a string".to_string());
            None
        }
    };
    let files = match m.get("files") {
        Some(Json::Array(a)) if !a.is_empty() => a.clone(),
        Some(Json::Array(_)) => {
            bad.push("files: empty".into());
            Vec::new()
        }
        _ => {
            bad.push("files: missing or not an array".into());
            Vec::new()
        }
    };
    let mut out = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let at = |field: &str| format!("files[{i}].{field}");
        let Some(obj) = f.as_object() else {
            bad.push(format!("files[{i}]: not an object"));
            continue;
        };
        let rel = match obj.get("path") {
            Some(Json::String(s)) if !s.is_empty() => PathBuf::from(s),
            _ => {
                bad.push(format!("{}: missing or not a string", at("path")));
                continue;
            }
        };
        let full = match (&base, rel.is_absolute()) {
            (Some(b), false) => b.join(&rel),
            _ => rel.clone(),
        };
        let mut ok = true;
        for field in ["detected_type", "mime_type", "name"] {
            if let Some(v) = obj.get(field)
                && !v.is_string()
                && !v.is_null()
            {
                bad.push(format!("{}: not a string", at(field)));
                ok = false;
            }
        }
        let metadata = match obj.get("metadata") {
            None | Some(Json::Null) => None,
            Some(v @ Json::Object(_)) => {
                if has_kombu_tag(v) {
                    bad.push(format!(
                        "{}: holds a {{__type__, __value__}} object kombu would decode",
                        at("metadata")
                    ));
                    ok = false;
                }
                Some(v.clone())
            }
            Some(_) => {
                bad.push(format!("{}: not an object", at("metadata")));
                ok = false;
                None
            }
        };
        match std::fs::metadata(&full) {
            Ok(md) if md.is_file() => {}
            Ok(_) => {
                bad.push(format!("{}: {} is not a file", at("path"), full.display()));
                ok = false;
            }
            Err(e) => {
                bad.push(format!("{}: {}: {e}", at("path"), full.display()));
                ok = false;
            }
        }
        if !ok {
            continue;
        }
        let mut input = input_for(absolute(&full));
        if let Some(Json::String(t)) = obj.get("detected_type") {
            input.file_type = t.trim_start_matches('.').to_ascii_lowercase();
        }
        if let Some(Json::String(n)) = obj.get("name") {
            input.name = n.clone();
        }
        input.mime_type = obj
            .get("mime_type")
            .and_then(|v| v.as_str())
            .map(str::to_string);
        input.metadata = metadata;
        out.push(input);
    }
    if !bad.is_empty() {
        return Err(LdpError::usage(problems(
            &format!("invalid manifest {}", path.display()),
            &bad,
        )));
    }
    Ok(out)
}

/// `{uuid}`, `{ext}`, `{name}`, `{project}`; anything else in braces is refused.
pub fn check_template(tpl: &str) -> Result<()> {
    let mut rest = tpl;
    while let Some(i) = rest.find('{') {
        let end = rest[i..].find('}').ok_or_else(|| {
            LdpError::usage(format!(
                "invalid --path-template '{tpl}': '{{' without '}}'"
            ))
        })?;
        let name = &rest[i + 1..i + end];
        if !["uuid", "ext", "name", "project"].contains(&name) {
            return Err(LdpError::usage(format!(
                "invalid --path-template '{tpl}': unknown placeholder {{{name}}} (use {{uuid}}, {{ext}}, {{name}}, {{project}})"
            )));
        }
        rest = &rest[i + end + 1..];
    }
    Ok(())
}

fn render_path(tpl: Option<&str>, input: &Input, uuid: &str, project: &str) -> String {
    match tpl {
        None => input.path.to_string_lossy().into_owned(),
        Some(t) => t
            .replace("{uuid}", uuid)
            .replace("{ext}", &input.ext)
            .replace("{name}", &input.name)
            .replace("{project}", project),
    }
}

/// SHA-256 of a file, streamed.
fn sha256_file(p: &Path) -> std::io::Result<(String, u64)> {
    let mut f = std::fs::File::open(p)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut size = 0u64;
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        size += n as u64;
        h.update(&buf[..n]);
    }
    let digest = h.finalize();
    Ok((digest.iter().map(|b| format!("{b:02x}")).collect(), size))
}

/// A file's hex SHA-256 and size, or why it could not be read.
type Hashed = std::io::Result<(String, u64)>;

/// What happened to one input file.
#[derive(Debug, Clone, Serialize)]
pub struct FileResult {
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_uuid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    /// new | already_imported | duplicate | failed | would_import | not_enqueued
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ImportReport {
    pub project: String,
    pub batch_id: String,
    pub mode: &'static str,
    pub queue: String,
    pub priority: u8,
    pub dry_run: bool,
    pub files: usize,
    pub skipped_by_filter: usize,
    pub new: usize,
    pub already_imported: usize,
    pub duplicates: usize,
    pub failed: usize,
    /// Files an interrupted or stopped run did not get to (a re-run does).
    pub not_enqueued: usize,
    /// Why the import stopped early (Redis refusing writes, ...), if it did.
    pub stopped: Option<String>,
    /// Per stage, when the whole intake ran (a database was configured).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intake: Option<IntakeReport>,
    pub seconds: f64,
    pub documents: Vec<FileResult>,
}

/// What each intake stage did in this run.
#[derive(Debug, Default, Serialize)]
pub struct IntakeReport {
    /// `bucket 'b' (S3 at ...)` or `directory /x`.
    pub destination: String,
    pub database: String,
    pub session_uuid: String,
    /// Objects uploaded now (documents whose row existed were not re-sent).
    pub uploaded: usize,
    pub bytes_uploaded: u64,
    /// source_documents rows inserted now.
    pub registered: usize,
    /// Tasks enqueued now.
    pub enqueued: usize,
    /// Rows given their celery_task_id and status now.
    pub updated: usize,
    /// Documents a previous run had taken through every stage.
    pub skipped: usize,
    /// Unreadable files and failed uploads.
    pub failed: usize,
}

impl Report for ImportReport {
    fn json(&self) -> Json {
        serde_json::to_value(self).unwrap_or_default()
    }
    fn text(&self, _out: &Output) -> String {
        let mut s = format!(
            "{}{} files -> project {} (batch {}, {} on {} priority {}) in {:.1}s\n  new {}, already imported {}, duplicates {}, failed {}\n",
            if self.dry_run { "dry run: " } else { "" },
            output::thousands(self.files as u64),
            self.project,
            self.batch_id,
            self.mode,
            self.queue,
            self.priority,
            self.seconds,
            output::thousands(self.new as u64),
            output::thousands(self.already_imported as u64),
            output::thousands(self.duplicates as u64),
            output::thousands(self.failed as u64),
        );
        for d in self
            .documents
            .iter()
            .filter(|d| d.status == "duplicate")
            .take(10)
        {
            s.push_str(&format!(
                "  duplicate: {} = {}\n",
                d.file,
                d.duplicate_of.as_deref().unwrap_or("?")
            ));
        }
        for d in self.documents.iter().filter(|d| d.status == "failed") {
            s.push_str(&format!(
                "  failed: {}: {}\n",
                d.file,
                d.error.as_deref().unwrap_or("?")
            ));
        }
        if let Some(i) = &self.intake {
            s.push_str(&format!(
                "  intake -> {}: uploaded {} ({}), registered {}, enqueued {}, updated {}, skipped {}, failed {}\n",
                i.destination,
                output::thousands(i.uploaded as u64),
                indicatif::BinaryBytes(i.bytes_uploaded),
                output::thousands(i.registered as u64),
                output::thousands(i.enqueued as u64),
                output::thousands(i.updated as u64),
                output::thousands(i.skipped as u64),
                output::thousands(i.failed as u64),
            ));
        }
        if let Some(why) = &self.stopped {
            s.push_str(&format!("  stopped: {why}\n"));
        }
        s
    }
}

/// One unit of enqueueing: a document (single mode) or a batch task's documents.
struct Unit {
    /// Indexes into the unique documents.
    docs: Vec<usize>,
    task: Task,
}

struct Doc {
    input: usize,
    sha: String,
    size: u64,
    uuid: String,
    file_path: String,
}

/// Plain options of `ldp import` (the flags as given; `import` validates them
/// before it touches a file or a server).
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub paths: Vec<std::path::PathBuf>,
    pub manifest: Option<std::path::PathBuf>,
    pub project: String,
    pub queue: String,
    pub priority: u8,
    pub as_batch: Option<BatchLane>,
    pub batch_size: usize,
    pub path_template: Option<String>,
    pub batch_id: Option<String>,
    pub consent: Consent,
    pub rate: Option<f64>,
    pub include: Vec<String>,
    pub exclude: Vec<String>,
    pub fail_fast: bool,
    pub jobs: Option<u64>,
    pub database_url: Option<String>,
    pub bucket: Option<String>,
    pub s3_endpoint: Option<String>,
}

/// `--as-batch`: which of the pipeline's batch tasks carries the documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchLane {
    High,
    Normal,
    Low,
}

/// `ldp import`.
pub async fn import(ctx: &Ctx, a: ImportOptions) -> Result<Exit> {
    let out = &ctx.out;
    let project = match ProjectId::parse(&a.project)? {
        ProjectId::Uuid(u) => u,
        ProjectId::Int(_) => {
            return Err(LdpError::usage(format!(
                "invalid --project '{}': a UUID is needed",
                a.project
            )));
        }
    };
    if a.priority > 9 {
        return Err(LdpError::usage(format!(
            "invalid --priority '{}': 0-9",
            a.priority
        )));
    }
    if a.queue.is_empty() || a.queue.contains(char::is_whitespace) {
        return Err(LdpError::usage(format!("invalid --queue '{}'", a.queue)));
    }
    if a.batch_size == 0 {
        return Err(LdpError::usage("invalid --batch-size '0': at least 1"));
    }
    if let Some(r) = a.rate
        && !(r > 0.0 && r.is_finite())
    {
        return Err(LdpError::usage(format!(
            "invalid --rate '{r}': a positive number"
        )));
    }
    if let Some(t) = &a.path_template {
        check_template(t)?;
    }
    let batch_id = match &a.batch_id {
        Some(b)
            if !b.is_empty()
                && b.bytes()
                    .all(|c| c.is_ascii_alphanumeric() || b"-_.".contains(&c)) =>
        {
            b.clone()
        }
        Some(b) => {
            return Err(LdpError::usage(format!(
                "invalid --batch-id '{b}': letters, digits, '-', '_' and '.' only"
            )));
        }
        None => uuid::Uuid::new_v4().to_string(),
    };
    let (inputs, skipped) = match (&a.manifest, a.paths.is_empty()) {
        (Some(m), true) => (read_manifest(m)?, 0),
        (Some(_), false) => return Err(LdpError::usage("give PATHs or --manifest, not both")),
        (None, false) => walk(&a.paths, &a.include, &a.exclude)?,
        (None, true) => {
            return Err(LdpError::usage(
                "nothing to import: give files, directories or --manifest",
            ));
        }
    };
    if inputs.is_empty() {
        return Err(LdpError::usage(format!(
            "no files to import ({skipped} skipped by type or --include/--exclude)"
        )));
    }
    let (task_name, queue, priority, mode) = match a.as_batch {
        None => (
            "scripts.pdf_tasks.process_pdf_document".to_string(),
            a.queue.clone(),
            a.priority,
            "tasks",
        ),
        Some(BatchLane::High) => (
            "scripts.batch_tasks.process_batch_high".into(),
            "batch.high".into(),
            9,
            "batch",
        ),
        Some(BatchLane::Normal) => (
            "scripts.batch_tasks.process_batch_normal".into(),
            "batch.normal".into(),
            5,
            "batch",
        ),
        Some(BatchLane::Low) => (
            "scripts.batch_tasks.process_batch_low".into(),
            "batch.low".into(),
            1,
            "batch",
        ),
    };
    // The whole intake with a database; enqueue-only without one.
    let mut isettings = ctx.settings.intake.clone();
    if let Some(u) = &a.database_url {
        isettings.database_url = Some(Secret::new(u.clone()));
        isettings.database_source = Some("--database-url".into());
    }
    if let Some(b) = &a.bucket {
        isettings.bucket = Some(b.clone());
    }
    if let Some(e) = &a.s3_endpoint {
        isettings.s3_endpoint = Some(e.clone());
    }
    let full = isettings.database_url.is_some();
    if !full && (a.bucket.is_some() || a.s3_endpoint.is_some()) {
        return Err(LdpError::usage(
            "--bucket and --s3-endpoint need a database (--database-url or DATABASE_URL): \
             the intake registers every document it uploads",
        ));
    }
    if full && a.path_template.is_some() {
        return Err(LdpError::usage(
            "--path-template is for enqueue-only imports: with a database the workers get \
             the uploaded object's path (s3://BUCKET/documents/{uuid}{ext})",
        ));
    }
    if !full && out.verbosity >= 0 && !a.consent.dry_run {
        out.note(
            "no database configured: this import only enqueues; the workers will also need the \
             source_documents row and the S3 object (INTAKE.md)",
        );
    }

    let started = Instant::now();
    let jobs = a
        .jobs
        .map(|j| j as usize)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get()));
    let ns =
        uuid::Uuid::parse_str(&project).map_err(|e| LdpError::usage(format!("--project: {e}")))?;
    // Before anything is written: the database answers, the project exists,
    // the bucket exists.
    let intake: Option<std::sync::Arc<Intake>> = if full {
        let uploads = a.jobs.map_or(DEFAULT_UPLOADS, |j| j as usize);
        let ik = Intake::preflight(&isettings, &ns, &batch_id, uploads).await?;
        out.debug(format!(
            "intake: PostgreSQL {} (project id {}), {}",
            ik.db.label(),
            ik.run.project.id,
            ik.store.label
        ));
        Some(std::sync::Arc::new(ik))
    } else {
        None
    };
    // With the intake, the workers get the object's path.
    let intake_tpl: Option<String> = intake
        .as_ref()
        .map(|ik| ik.store.file_path("documents/{uuid}{ext}"));
    let inputs = std::sync::Arc::new(inputs);
    // Streaming: documents are enqueued while later files are still being
    // hashed. Not when everything must be known first: a dry run, batch
    // manifests (built from the documents not yet imported), --fail-fast
    // (nothing is enqueued if any file is unreadable), or a plan to confirm.
    let gate = a.consent.admit_unattended(out);
    let confirm = inputs.len() > CONFIRM_ABOVE && gate.will_ask();
    let streaming = !(a.consent.dry_run || a.as_batch.is_some() || a.fail_fast || confirm);
    // With the intake the bar counts bytes (files in its message); the
    // file counter is then a hidden bar.
    let bytes_pb = match &intake {
        Some(_) => {
            let total: u64 = inputs
                .iter()
                .filter_map(|i| std::fs::metadata(&i.path).ok())
                .map(|m| m.len())
                .sum();
            out.bytes_bar(total, "importing")
        }
        None => indicatif::ProgressBar::hidden(),
    };
    let pb = if intake.is_some() {
        indicatif::ProgressBar::hidden().with_position(0)
    } else {
        out.bar(
            inputs.len() as u64,
            if streaming { "importing" } else { "hashing" },
        )
    };
    pb.set_length(inputs.len() as u64);
    let mut hashed = spawn_hashing(inputs.clone(), jobs, a.fail_fast);
    let template = intake_tpl.as_deref().or(a.path_template.as_deref());
    let mut st = Docs::new(inputs.len(), ns, &project, template);
    if !streaming {
        while let Some((i, h)) = hashed.recv().await {
            st.absorb(&inputs, i, h);
            pb.inc(1);
        }
        pb.finish_and_clear();
    }

    let mut report = ImportReport {
        project: project.clone(),
        batch_id: batch_id.clone(),
        mode,
        queue: queue.clone(),
        priority,
        dry_run: a.consent.dry_run,
        files: inputs.len(),
        skipped_by_filter: skipped,
        new: 0,
        already_imported: 0,
        duplicates: 0,
        failed: 0,
        not_enqueued: 0,
        stopped: None,
        intake: None,
        seconds: 0.0,
        documents: Vec::new(),
    };
    if a.fail_fast && st.results.iter().any(|r| r.status == "failed") {
        report.stopped = Some("an input could not be read (--fail-fast): nothing enqueued".into());
        return finish(out, report, st.results, started);
    }

    let reg = ctx.registry()?;
    let broker = ctx.broker().await?;
    if broker.is_cluster() {
        return Err(LdpError::usage(
            "the Celery broker is a Redis Cluster, which kombu cannot use: give the broker's standalone Redis with --broker-url",
        ));
    }
    let same_server = ctx.settings.broker.urls == ctx.settings.redis.urls;
    let cache = if same_server {
        broker.clone()
    } else {
        ctx.redis().await?
    };
    let keys = KeyNames::new(&reg, &project, &batch_id)?;
    let layout = &ctx.settings.broker_layout;
    let queue_key = layout.publish_key(&queue, priority);
    // ldp's own key: never under kombu's global_keyprefix (DESIGN.md).
    let marker = |d: &Doc| -> Vec<u8> { format!("ldp:imported:{project}:{}", d.sha).into_bytes() };
    let marked = |v: Option<&Value>| -> bool {
        match v {
            Some(Value::BulkString(b)) => intake.is_none() || b.starts_with(MARK_INTAKE),
            _ => false,
        }
    };

    // What is already imported, when it matters beforehand (the enqueue
    // script decides anyway).
    let mut todo: Vec<usize> = (0..st.docs.len()).collect();
    if !streaming {
        let markers: Vec<Vec<u8>> = st.docs.iter().map(&marker).collect();
        let values = broker
            .per_key(&markers, 1, true, |p, k| {
                p.cmd("GET").arg(k);
            })
            .await?;
        todo.retain(|&i| !marked(values[i].first()));
        for i in 0..st.docs.len() {
            st.status[i] = if todo.binary_search(&i).is_ok() {
                if a.consent.dry_run {
                    "would_import"
                } else {
                    "not_enqueued"
                }
            } else {
                "already_imported"
            };
        }
        if a.consent.dry_run {
            return finish(out, report, st.into_results(&inputs), started);
        }
        if confirm {
            eprintln!(
                "{} new documents ({} already imported) -> {} on {} ({}, priority {priority})",
                output::thousands(todo.len() as u64),
                st.docs.len() - todo.len(),
                queue,
                broker.label(),
                mode
            );
            if !gate.confirm(out, "Import them?")? {
                out.note("nothing imported");
                return Ok(Exit::Failure);
            }
        }
    }

    // ldp's batch record first, so even an interrupted run is listed.
    write_batch_record(
        &cache,
        &keys,
        &project,
        &batch_id,
        &queue,
        priority,
        inputs.len(),
    )
    .await?;
    if let Some(ik) = &intake {
        let manifest = json!({
            "tool": "ldp import",
            "batch_id": batch_id,
            "files": inputs.len(),
            "manifest": a.manifest.as_ref().map(|m| m.display().to_string()),
            "paths": a.paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
            "queue": queue,
            "priority": priority,
            "destination": ik.store.label,
        });
        ik.db
            .start_session(
                &ik.run.session,
                &ik.run.project.uuid,
                &manifest,
                inputs.len() as i64,
            )
            .await?;
    }

    let script = redis::Script::new(ENQUEUE_LUA);
    let sha = script.get_hash().to_string();
    let node = broker.node(0);
    let _: String = node
        .query(redis::cmd("SCRIPT").arg("LOAD").arg(ENQUEUE_LUA))
        .await
        .with_context(|| format!("SCRIPT LOAD on {}", node.label))?;

    let origin = origin();
    let plan = Plan {
        inputs: &inputs,
        project: &project,
        batch_id: &batch_id,
        task_name: &task_name,
        queue: &queue,
        priority,
        batch_size: a.as_batch.map(|_| a.batch_size),
    };
    // Documents per pipeline (and per second with --rate).
    let chunk_docs = match a.rate {
        Some(r) => (r.ceil() as usize).clamp(1, CHUNK),
        None => CHUNK,
    };
    let pb = if streaming {
        pb
    } else {
        out.bar(todo.len() as u64, "enqueueing")
    };
    if streaming {
        // Files already known not to be documents count as done.
        pb.inc((st.results.len() - st.pending_results()) as u64);
    }
    // doc:import and the sets go in the enqueue script when the caches are
    // on the broker; with the intake they come after the row update.
    let in_script = same_server && intake.is_none();
    let build = |units: &[Unit], docs: &[Doc]| -> (redis::Pipeline, Vec<usize>) {
        let mut p = redis::pipe();
        p.ignore_errors();
        let mut calls: Vec<&[Unit]> = Vec::new();
        let (mut start, mut n) = (0, 0);
        for (i, u) in units.iter().enumerate() {
            n += u.docs.len();
            if n >= DOCS_PER_CALL {
                calls.push(&units[start..=i]);
                start = i + 1;
                n = 0;
            }
        }
        if start < units.len() {
            calls.push(&units[start..]);
        }
        let sizes: Vec<usize> = calls.iter().map(|c| c.len()).collect();
        for call in calls {
            let mut keys_list: Vec<Vec<u8>> = vec![
                queue_key.clone(),
                keys.index.clone(),
                keys.batch_docs.clone(),
            ];
            let mut argv: Vec<Vec<u8>> = vec![
                IMPORT_TTL_SECS.to_string().into_bytes(),
                if in_script {
                    b"1".to_vec()
                } else {
                    b"0".to_vec()
                },
                call.len().to_string().into_bytes(),
            ];
            for u in call {
                keys_list.extend(u.docs.iter().map(|&i| marker(&docs[i])));
                argv.push(u.docs.len().to_string().into_bytes());
                argv.push(if intake.is_some() {
                    [MARK_INTAKE, u.task.id.as_bytes()].concat()
                } else {
                    u.task.id.clone().into_bytes()
                });
                argv.push(u.task.envelope(&origin).into_bytes());
                if in_script {
                    keys_list.extend(u.docs.iter().map(|&i| keys.doc_import(&docs[i].uuid)));
                    for &i in &u.docs {
                        argv.push(docs[i].uuid.clone().into_bytes());
                        argv.push(plan.record(&docs[i]).into_bytes());
                    }
                }
            }
            let cmd = p.cmd("EVALSHA").arg(&sha).arg(keys_list.len());
            for k in &keys_list {
                cmd.arg(k);
            }
            for v in &argv {
                cmd.arg(v);
            }
        }
        (p, sizes)
    };

    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);
    let depth = if a.rate.is_some() { 1 } else { 3 };
    let mut inflight = futures_util::stream::FuturesOrdered::new();
    let mut stop: Option<String> = None;
    let mut pending: Vec<usize> = Vec::new();
    let mut ready = todo.into_iter();
    let mut hashing = streaming;
    let mut batch_no = 0usize;
    // The intake's stages before the enqueue: chunks of hashed documents
    // are prepared (uploaded, registered) while earlier ones are enqueued.
    let mut preps = futures_util::stream::FuturesOrdered::new();
    let mut enq: Vec<usize> = Vec::new();
    let mut tally = Tally::default();
    // Enough to keep the uploads busy, no more than a pipeline's worth
    // (with --rate, a second's).
    let prep_chunk = (jobs.max(DEFAULT_UPLOADS) * 4).min(chunk_docs).max(1);
    let files_msg = |pb: &indicatif::ProgressBar| {
        bytes_pb.set_message(format!(
            "{}/{} files",
            pb.position(),
            pb.length().unwrap_or(0)
        ));
    };
    loop {
        // Take what can be sent: documents as they are hashed, in pipelines
        // of `chunk_docs`, a few in flight.
        if stop.is_none() {
            if !hashing {
                pending.extend(ready.by_ref());
            }
            if let Some(ik) = &intake {
                while preps.len() < PREPS_IN_FLIGHT
                    && (pending.len() >= prep_chunk || (!hashing && !pending.is_empty()))
                {
                    let take: Vec<usize> = pending.drain(..pending.len().min(prep_chunk)).collect();
                    let jobs = take
                        .iter()
                        .map(|&i| intake_job(&inputs, &st.docs, i))
                        .collect::<Result<Vec<Job>>>()?;
                    preps.push_back(ik.prepare(jobs, bytes_pb.clone()));
                }
            }
            let more = hashing || !preps.is_empty();
            let source = if intake.is_some() {
                &mut enq
            } else {
                &mut pending
            };
            let min = if intake.is_some() { 1 } else { chunk_docs };
            while inflight.len() < depth && (source.len() >= min || (!more && !source.is_empty())) {
                let take: Vec<usize> = source.drain(..source.len().min(chunk_docs)).collect();
                let units = plan.units(&take, &st.docs, &mut batch_no);
                let (p, sizes) = build(&units, &st.docs);
                let node = &node;
                inflight.push_back(async move {
                    let t0 = Instant::now();
                    let r = node.pipe::<Vec<Value>>(&p).await;
                    (units, sizes, t0, r)
                });
            }
        }
        if inflight.is_empty() && preps.is_empty() && (!hashing || stop.is_some()) {
            break;
        }
        tokio::select! {
            biased;
            _ = &mut ctrl_c, if stop.is_none() => {
                stop = Some("interrupted: run the same import again to finish".into());
            }
            // Prepared chunks are awaited even after a stop: their rows are
            // committed for the uploads already done.
            Some(res) = futures_util::StreamExt::next(&mut preps), if !preps.is_empty() => {
                let p: Prepared = res.unwrap_or_else(|e| Prepared {
                    fatal: Some(format!("an intake task failed: {e}")),
                    ..Default::default()
                });
                for &(d, n) in &p.uploaded {
                    tally.uploaded += 1;
                    tally.bytes += n;
                    tally.touched.insert(d);
                }
                for &d in &p.registered {
                    tally.registered += 1;
                    tally.touched.insert(d);
                }
                for (d, e) in p.failed {
                    st.status[d] = "failed";
                    st.results[st.docs[d].input].error = Some(e);
                    pb.inc(1);
                    if a.fail_fast {
                        stop.get_or_insert_with(|| {
                            "an upload failed (--fail-fast): run the same import again to finish".into()
                        });
                    }
                }
                if let Some(f) = p.fatal {
                    stop.get_or_insert_with(|| format!("{f}: run the same import again to finish"));
                }
                if stop.is_none() {
                    enq.extend(p.ready);
                }
                files_msg(&pb);
            }
            Some((units, sizes, t0, res)) = futures_util::StreamExt::next(&mut inflight), if !inflight.is_empty() => {
                let replies = match res {
                    Ok(v) => v,
                    Err(e) => {
                        stop.get_or_insert_with(|| format!(
                            "Redis failed ({}): run the same import again to finish",
                            crate::redis::describe(&e)
                        ));
                        continue;
                    }
                };
                let mut left = units.iter();
                let mut enqueued: Vec<(uuid::Uuid, String)> = Vec::new();
                for (reply, size) in replies.into_iter().zip(sizes) {
                    let call: Vec<&Unit> = left.by_ref().take(size).collect();
                    match reply {
                        Value::Array(results) => {
                            for (u, r) in call.iter().zip(results) {
                                let new = matches!(r, Value::Int(1));
                                let s = if new { "new" } else { "already_imported" };
                                for &i in &u.docs {
                                    st.status[i] = s;
                                    if new && let Ok(id) = uuid::Uuid::parse_str(&st.docs[i].uuid) {
                                        enqueued.push((id, u.task.id.clone()));
                                    }
                                }
                                pb.inc(u.docs.len() as u64);
                            }
                        }
                        // The whole call did nothing (refused before its first write).
                        Value::ServerError(e) => {
                            stop.get_or_insert_with(|| format!(
                                "Redis refused writes ({e}); run the same import again to finish"
                            ));
                        }
                        other => {
                            stop.get_or_insert_with(|| format!("unexpected reply {other:?}"));
                        }
                    }
                }
                // The intake: the rows learn their task, then doc:import.
                if let Some(ik) = &intake
                    && !enqueued.is_empty()
                {
                    match ik.db.mark_enqueued(&enqueued).await {
                        Ok(n) => tally.updated += n as usize,
                        Err(e) => {
                            stop.get_or_insert_with(|| format!(
                                "{}: run the same import again to finish",
                                crate::error::one_line(&e)
                            ));
                        }
                    }
                }
                // The cache on another server (or after the row update):
                // written after, idempotently; a re-run completes it.
                if !in_script {
                    let written: Vec<usize> = units
                        .iter()
                        .flat_map(|u| u.docs.iter().copied())
                        .filter(|&i| st.status[i] == "new")
                        .collect();
                    write_cache_side(&cache, &keys, &st.docs, &written, &|d| plan.record(d), true).await?;
                }
                files_msg(&pb);
                if let Some(r) = a.rate {
                    let want = Duration::from_secs_f64(units.iter().map(|u| u.docs.len()).sum::<usize>() as f64 / r);
                    if let Some(rest) = want.checked_sub(t0.elapsed()) {
                        tokio::time::sleep(rest).await;
                    }
                }
            }
            h = hashed.recv(), if hashing && stop.is_none() => match h {
                Some((i, h)) => {
                    match st.absorb(&inputs, i, h) {
                        Some(d) => pending.push(d),
                        None => pb.inc(1),
                    }
                }
                None => hashing = false,
            },
        }
    }
    pb.finish_and_clear();
    bytes_pb.finish_and_clear();
    report.stopped = stop;
    // Every document of the run belongs to its batch and its project's index,
    // also those a previous run enqueued; with the caches on another server a
    // re-run also completes the doc:import records a crash may have missed.
    if report.stopped.is_none() {
        let again: Vec<usize> = (0..st.docs.len())
            .filter(|&i| st.status[i] == "already_imported")
            .collect();
        // A run killed between the enqueue and the row update left rows
        // without their task: the marker holds the task's id.
        if let Some(ik) = &intake
            && !again.is_empty()
        {
            let markers: Vec<Vec<u8>> = again.iter().map(|&i| marker(&st.docs[i])).collect();
            let ids = broker
                .per_key(&markers, 1, true, |p, k| {
                    p.cmd("GET").arg(k);
                })
                .await?;
            let pairs: Vec<(uuid::Uuid, String)> = again
                .iter()
                .zip(ids)
                .filter_map(|(&i, v)| {
                    let id = match v.first() {
                        Some(Value::BulkString(b)) => {
                            String::from_utf8(b.strip_prefix(MARK_INTAKE).unwrap_or(b).to_vec())
                                .ok()?
                        }
                        _ => return None,
                    };
                    Some((uuid::Uuid::parse_str(&st.docs[i].uuid).ok()?, id))
                })
                .collect();
            match ik.db.mark_enqueued(&pairs).await {
                Ok(n) => tally.updated += n as usize,
                Err(e) => {
                    report.stopped = Some(format!(
                        "{}: run the same import again to finish",
                        crate::error::one_line(&e)
                    ))
                }
            }
        }
        write_cache_side(
            &cache,
            &keys,
            &st.docs,
            &again,
            &|d| plan.record(d),
            !in_script,
        )
        .await?;
    }
    if let Some(ik) = &intake {
        // Skipped: a previous run had already uploaded, registered and enqueued them.
        let skipped = (0..st.docs.len())
            .filter(|&i| st.status[i] == "already_imported" && !tally.touched.contains(&i))
            .count();
        let results = st.into_results(&inputs);
        let count = |s: &str| results.iter().filter(|r| r.status == s).count();
        let (new, already, failed) = (count("new"), count("already_imported"), count("failed"));
        let status = match (&report.stopped, failed) {
            (Some(_), _) => "interrupted",
            (None, 0) => "completed",
            _ => "completed_with_errors",
        };
        let total = results.iter().filter(|r| r.status != "duplicate").count();
        let closed = ik
            .db
            .finish_session(
                &ik.run.session,
                total as i64,
                (new + already) as i64,
                failed as i64,
                status,
            )
            .await;
        if let Err(e) = closed
            && report.stopped.is_none()
        {
            report.stopped = Some(crate::error::one_line(&e));
        }
        report.intake = Some(IntakeReport {
            destination: ik.store.label.clone(),
            database: ik.db.label().to_string(),
            session_uuid: ik.run.session.to_string(),
            uploaded: tally.uploaded,
            bytes_uploaded: tally.bytes,
            registered: tally.registered,
            enqueued: new,
            updated: tally.updated,
            skipped,
            failed,
        });
        return finish(out, report, results, started);
    }
    finish(out, report, st.into_results(&inputs), started)
}

/// Fill in the counts and print the report; exit 1 when anything failed.
fn finish(
    out: &Output,
    mut report: ImportReport,
    results: Vec<FileResult>,
    started: Instant,
) -> Result<Exit> {
    let count = |s: &str| results.iter().filter(|r| r.status == s).count();
    report.new = count("new") + count("would_import");
    report.already_imported = count("already_imported");
    report.duplicates = count("duplicate");
    report.failed = count("failed");
    report.not_enqueued = count("not_enqueued");
    report.seconds = started.elapsed().as_secs_f64();
    report.documents = results;
    let failed = report.failed > 0 || report.stopped.is_some();
    out.print(&report)?;
    Ok(Exit::failed_if(failed))
}

/// What the intake's stages did, for the report.
#[derive(Default)]
struct Tally {
    uploaded: usize,
    bytes: u64,
    registered: usize,
    updated: usize,
    /// Documents uploaded or registered in this run.
    touched: std::collections::HashSet<usize>,
}

/// The intake job of document `i`: its object key, metadata and row.
fn intake_job(inputs: &[Input], docs: &[Doc], i: usize) -> Result<Job> {
    let d = &docs[i];
    let input = &inputs[d.input];
    let key = crate::intake::object_key(&d.uuid, &input.ext);
    let document_uuid = uuid::Uuid::parse_str(&d.uuid)
        .map_err(|e| LdpError::Failed(format!("document uuid {}: {e}", d.uuid)))?;
    Ok(Job {
        doc: i,
        path: input.path.clone(),
        meta: Meta {
            original_filename: input.name.clone(),
            document_uuid: d.uuid.clone(),
            content_type: input
                .mime_type
                .clone()
                .unwrap_or_else(|| crate::intake::content_type(&input.ext).to_string()),
        },
        row: DocRow {
            document_uuid,
            file_name: input.name.clone(),
            original_file_path: input.path.to_string_lossy().into_owned(),
            file_path: d.file_path.clone(),
            file_type: input.ext.trim_start_matches('.').to_string(),
            detected_file_type: input.file_type.clone(),
            file_size_bytes: i64::try_from(d.size).unwrap_or(i64::MAX),
            s3_key: key,
        },
    })
}

/// Hash files on `jobs` threads, sending each result as it is ready.
fn spawn_hashing(
    inputs: std::sync::Arc<Vec<Input>>,
    jobs: usize,
    fail_fast: bool,
) -> tokio::sync::mpsc::UnboundedReceiver<(usize, Hashed)> {
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    let next = std::sync::Arc::new(AtomicUsize::new(0));
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    for _ in 0..jobs.max(1) {
        let (inputs, tx, next, stop) = (inputs.clone(), tx.clone(), next.clone(), stop.clone());
        std::thread::spawn(move || {
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= inputs.len() {
                    return;
                }
                let r = if stop.load(Ordering::Relaxed) {
                    Err(std::io::Error::other("not hashed (stopped by --fail-fast)"))
                } else {
                    sha256_file(&inputs[i].path)
                };
                if r.is_err() && fail_fast {
                    stop.store(true, Ordering::Relaxed);
                }
                if tx.send((i, r)).is_err() {
                    return; // the import stopped listening
                }
            }
        });
    }
    rx
}

/// The run's documents as hashes arrive: identity, duplicates, statuses.
struct Docs<'p> {
    results: Vec<FileResult>,
    docs: Vec<Doc>,
    /// Per document: not_enqueued | would_import | new | already_imported.
    status: Vec<&'static str>,
    by_sha: HashMap<String, usize>,
    ns: uuid::Uuid,
    project: &'p str,
    template: Option<&'p str>,
}

impl<'p> Docs<'p> {
    fn new(n: usize, ns: uuid::Uuid, project: &'p str, template: Option<&'p str>) -> Docs<'p> {
        let placeholder = FileResult {
            file: String::new(),
            document_uuid: None,
            sha256: None,
            status: "pending",
            duplicate_of: None,
            error: None,
        };
        Docs {
            results: vec![placeholder; n],
            docs: Vec::new(),
            status: Vec::new(),
            by_sha: HashMap::new(),
            ns,
            project,
            template,
        }
    }

    /// Results not yet decided (documents on their way).
    fn pending_results(&self) -> usize {
        self.results
            .iter()
            .filter(|r| r.status == "pending")
            .count()
    }

    /// Record input `i`'s hash; returns the index of a new document, or None
    /// for a failure or a duplicate of an earlier file.
    fn absorb(&mut self, inputs: &[Input], i: usize, h: Hashed) -> Option<usize> {
        let input = &inputs[i];
        let file = input.path.to_string_lossy().into_owned();
        let (sha, size) = match h {
            Err(e) => {
                self.results[i] = FileResult {
                    file,
                    document_uuid: None,
                    sha256: None,
                    status: "failed",
                    duplicate_of: None,
                    error: Some(e.to_string()),
                };
                return None;
            }
            Ok(x) => x,
        };
        let uuid = uuid::Uuid::new_v5(&self.ns, sha.as_bytes()).to_string();
        if let Some(&first) = self.by_sha.get(&sha) {
            self.results[i] = FileResult {
                file,
                document_uuid: Some(uuid),
                sha256: Some(sha),
                status: "duplicate",
                duplicate_of: Some(
                    inputs[self.docs[first].input]
                        .path
                        .to_string_lossy()
                        .into_owned(),
                ),
                error: None,
            };
            return None;
        }
        self.by_sha.insert(sha.clone(), self.docs.len());
        let file_path = render_path(self.template, input, &uuid, self.project);
        self.docs.push(Doc {
            input: i,
            sha: sha.clone(),
            size,
            uuid: uuid.clone(),
            file_path,
        });
        self.status.push("not_enqueued");
        self.results[i] = FileResult {
            file,
            document_uuid: Some(uuid),
            sha256: Some(sha),
            status: "pending",
            duplicate_of: None,
            error: None,
        };
        Some(self.docs.len() - 1)
    }

    /// The per-file results with each document's final status (files an
    /// interrupted run never reached are `not_enqueued`).
    fn into_results(mut self, inputs: &[Input]) -> Vec<FileResult> {
        for (d, s) in self.docs.iter().zip(&self.status) {
            self.results[d.input].status = s;
        }
        for (i, r) in self.results.iter_mut().enumerate() {
            if r.status == "pending" {
                r.status = "not_enqueued";
                if r.file.is_empty() {
                    r.file = inputs[i].path.to_string_lossy().into_owned();
                }
            }
        }
        self.results
    }
}

/// A document's Celery task id: UUIDv5 of the document's UUID, so every
/// run names the same task (its result is `celery-task-meta-<id>`) and a
/// re-run's row update matches what was enqueued.
pub fn task_id(document_uuid: &str) -> String {
    match uuid::Uuid::parse_str(document_uuid) {
        Ok(ns) => uuid::Uuid::new_v5(&ns, b"scripts.pdf_tasks.process_pdf_document").to_string(),
        Err(_) => uuid::Uuid::new_v4().to_string(),
    }
}

/// What every task of the run shares.
struct Plan<'a> {
    inputs: &'a [Input],
    project: &'a str,
    batch_id: &'a str,
    task_name: &'a str,
    queue: &'a str,
    priority: u8,
    /// Some(batch size) with --as-batch.
    batch_size: Option<usize>,
}

impl Plan<'_> {
    fn task(&self, kwargs: serde_json::Map<String, Json>, id: String) -> Task {
        Task {
            name: self.task_name.to_string(),
            id,
            kwargs,
            queue: self.queue.to_string(),
            priority: self.priority,
        }
    }

    /// One task per document, or batch tasks of up to the batch size.
    fn units(&self, which: &[usize], docs: &[Doc], batch_no: &mut usize) -> Vec<Unit> {
        match self.batch_size {
            None => which
                .iter()
                .map(|&i| {
                    let d = &docs[i];
                    let input = &self.inputs[d.input];
                    let mut m = serde_json::Map::new();
                    m.insert("document_uuid".into(), json!(d.uuid));
                    m.insert("file_path".into(), json!(d.file_path));
                    m.insert("project_uuid".into(), json!(self.project));
                    m.insert(
                        "document_metadata".into(),
                        json!({
                            "documentId": d.uuid,
                            "name": input.name,
                            "file_type": input.file_type,
                            "project_uuid": self.project,
                        }),
                    );
                    Unit {
                        docs: vec![i],
                        task: self.task(m, task_id(&d.uuid)),
                    }
                })
                .collect(),
            Some(size) => which
                .chunks(size)
                .map(|chunk| {
                    let documents: Vec<Json> = chunk
                        .iter()
                        .map(|&i| {
                            let d = &docs[i];
                            let mut e = json!({"document_uuid": d.uuid, "file_path": d.file_path});
                            if let Some(m) = &self.inputs[d.input].metadata {
                                e["metadata"] = m.clone();
                            }
                            e
                        })
                        .collect();
                    let mut kwargs = serde_json::Map::new();
                    kwargs.insert(
                        "batch_manifest".into(),
                        json!({
                            // Named after its first document, so a re-run's batches (over
                            // the documents still to do) never reuse an earlier id.
                            "batch_id": format!("{}-{}", self.batch_id, &docs[chunk[0]].uuid[..8]),
                            "project_uuid": self.project,
                            "documents": documents,
                            "options": {},
                        }),
                    );
                    *batch_no += 1;
                    Unit {
                        docs: chunk.to_vec(),
                        task: self.task(kwargs, uuid::Uuid::new_v4().to_string()),
                    }
                })
                .collect(),
        }
    }

    /// The pipeline's `doc:import` record (KEYSPACE.md).
    fn record(&self, d: &Doc) -> String {
        let input = &self.inputs[d.input];
        let mut meta = input.metadata.clone().unwrap_or_else(|| json!({}));
        if let Json::Object(m) = &mut meta {
            m.insert("sha256".into(), json!(d.sha));
            m.insert("source_path".into(), json!(input.path.to_string_lossy()));
            if let Some(mt) = &input.mime_type {
                m.insert("mime_type".into(), json!(mt));
            }
        }
        json!({
            "document_uuid": d.uuid,
            "project_uuid": self.project,
            "document_name": input.name,
            "document_type": input.file_type,
            "s3_path": d.file_path,
            "file_size": d.size,
            "import_session_uuid": self.batch_id,
            "processing_status": "queued",
            "metadata": meta,
        })
        .to_string()
    }
}

/// The registry's names for the keys an import writes.
struct KeyNames {
    index: Vec<u8>,
    batch: Vec<u8>,
    batch_docs: Vec<u8>,
    doc_import: crate::keyspace::Template,
}

impl KeyNames {
    fn new(reg: &Registry, project: &str, batch: &str) -> Result<KeyNames> {
        let tpl = |family: &str| -> Result<&crate::keyspace::Template> {
            reg.get(family)
                .and_then(|f| f.compiled().first())
                .ok_or_else(|| {
                    LdpError::usage(format!(
                        "the key registry has no '{family}' family, which import writes"
                    ))
                })
        };
        let render = |family: &str| -> Result<Vec<u8>> {
            tpl(family)?
                .fill_exact(&[
                    ("project", project.as_bytes()),
                    ("batch", batch.as_bytes()),
                    ("id", batch.as_bytes()),
                ])
                .ok_or_else(|| {
                    LdpError::usage(format!(
                        "family '{family}': its template needs more than the project and batch"
                    ))
                })
        };
        Ok(KeyNames {
            index: render("ldp_project_docs")?,
            batch: render("ldp_batch")?,
            batch_docs: render("ldp_batch_docs")?,
            doc_import: tpl("import")?.clone(),
        })
    }

    fn doc_import(&self, uuid: &str) -> Vec<u8> {
        self.doc_import
            .fill_exact(&[("doc", uuid.as_bytes())])
            .unwrap_or_else(|| format!("doc:import:{uuid}").into_bytes())
    }
}

async fn write_batch_record(
    cache: &Redis,
    keys: &KeyNames,
    project: &str,
    batch_id: &str,
    queue: &str,
    priority: u8,
    documents: usize,
) -> Result<()> {
    let created = humantime::format_rfc3339_seconds(SystemTime::now()).to_string();
    let mut cmd = redis::cmd("HSET");
    cmd.arg(&keys.batch)
        .arg("batch_id")
        .arg(batch_id)
        .arg("project_uuid")
        .arg(project)
        .arg("documents")
        .arg(documents)
        .arg("queue")
        .arg(queue)
        .arg("priority")
        .arg(priority);
    let _: i64 = cache.query_key(&keys.batch, &cmd).await?;
    let mut c2 = redis::cmd("HSETNX");
    c2.arg(&keys.batch)
        .arg("created_at")
        .arg(created.trim_end_matches('Z'));
    let _: i64 = cache.query_key(&keys.batch, &c2).await?;
    Ok(())
}

async fn write_cache_side(
    cache: &Redis,
    keys: &KeyNames,
    docs: &[Doc],
    which: &[usize],
    record: &dyn Fn(&Doc) -> String,
    import_records: bool,
) -> Result<()> {
    if which.is_empty() {
        return Ok(());
    }
    if import_records {
        write_import_records(cache, keys, docs, which, record).await?;
    }
    let uuids: Vec<&str> = which.iter().map(|&i| docs[i].uuid.as_str()).collect();
    for set in [&keys.index, &keys.batch_docs] {
        for chunk in uuids.chunks(1000) {
            let mut cmd = redis::cmd("SADD");
            cmd.arg(set);
            for u in chunk {
                cmd.arg(*u);
            }
            let _: i64 = cache.query_key(set, &cmd).await?;
        }
    }
    Ok(())
}

/// `doc:import` for documents whose record may be missing (SET NX: never
/// overwrites what the pipeline changed).
async fn write_import_records(
    cache: &Redis,
    keys: &KeyNames,
    docs: &[Doc],
    which: &[usize],
    record: &dyn Fn(&Doc) -> String,
) -> Result<()> {
    let import_keys: Vec<Vec<u8>> = which
        .iter()
        .map(|&i| keys.doc_import(&docs[i].uuid))
        .collect();
    let records: Vec<String> = which.iter().map(|&i| record(&docs[i])).collect();
    let pos: HashMap<&[u8], usize> = import_keys
        .iter()
        .enumerate()
        .map(|(j, k)| (k.as_slice(), j))
        .collect();
    let r = cache
        .per_key(&import_keys, 1, false, |p, k| {
            let j = pos.get(k).copied().unwrap_or(0);
            p.cmd("SET")
                .arg(k)
                .arg(&records[j])
                .arg("NX")
                .arg("EX")
                .arg(IMPORT_TTL_SECS);
        })
        .await?;
    if let Some(e) = r.iter().find_map(|x| match x.first() {
        Some(Value::ServerError(e)) => Some(e.to_string()),
        _ => None,
    }) {
        return Err(LdpError::Failed(format!("writing doc:import keys: {e}")).into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keyspace::is_uuid;

    #[test]
    fn task_ids_are_the_same_in_every_run() {
        let doc = "3f1c9a52-6b0d-4e7a-8c21-9d4e5f6a7b80";
        assert_eq!(task_id(doc), task_id(doc));
        assert_ne!(
            task_id(doc),
            task_id("0d2b9c1e-4f5e-4e8a-9a51-7c2d4d626f11")
        );
        assert_eq!(
            uuid::Uuid::parse_str(&task_id(doc))
                .unwrap()
                .get_version_num(),
            5
        );
    }

    #[test]
    fn templates_are_checked() {
        assert!(check_template("s3://b/documents/{uuid}{ext}").is_ok());
        assert!(check_template("{project}/{name}").is_ok());
        assert!(check_template("{uuid").is_err());
        assert!(check_template("{sha}").is_err());
    }

    #[test]
    fn document_ids_are_uuid5_of_project_and_hash() {
        let ns = uuid::Uuid::parse_str("7c2d4d62-4f5e-4e8a-9a51-6f0d2b9c1e11").unwrap();
        let sha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        let a = uuid::Uuid::new_v5(&ns, sha.as_bytes());
        assert_eq!(a, uuid::Uuid::new_v5(&ns, sha.as_bytes()));
        assert_eq!(a.get_version_num(), 5);
        assert!(is_uuid(a.to_string().as_bytes()));
    }
}
