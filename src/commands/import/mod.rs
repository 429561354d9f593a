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
//!
//! The parts: [`inputs`] (walk, manifest, hashing), [`plan`] (identity and a
//! typed status per document, the tasks), [`enqueue`] (the script and the
//! keys around it), [`run`] (the loop), [`close`] (completing and closing),
//! [`report`].

pub mod close;
pub mod enqueue;
pub mod inputs;
pub mod plan;
pub mod report;
pub mod run;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use anyhow::Result;
use indicatif::ProgressBar;
use serde_json::json;
use tokio::sync::mpsc::Receiver;

use self::close::Servers;
use self::enqueue::{Enqueuer, KeyNames, is_marked, load_script, settle_batch, write_batch_record};
use self::inputs::{Hashed, Input, check_template, read_manifest, spawn_hashing, walk};
use self::plan::{Docs, Plan};
use self::report::{DocStatus, Head, ImportReport, Verdicts, finish};
use self::run::{DEFAULT_UPLOADS, Fixed, State};
use crate::broker::task::origin;
use crate::commands::Ctx;
use crate::consent::Consent;
use crate::error::LdpError;
use crate::exit::Exit;
use crate::intake::IntakeSettings;
use crate::intake::claim::Claims;
use crate::intake::stage::Intake;
use crate::output::{self, Output};
use crate::pipeline::ids::ProjectId;
use crate::redis::Redis;
use crate::secret::Secret;

pub use self::plan::task_id;

/// Documents per pipelined round trip.
const CHUNK: usize = 500;
/// Ask on a terminal before importing more documents than this.
const CONFIRM_ABOVE: usize = 1000;

/// Plain options of `ldp import` (the flags as given; `import` validates them
/// before it touches a file or a server).
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub paths: Vec<PathBuf>,
    pub manifest: Option<PathBuf>,
    pub project: String,
    pub queue: String,
    pub priority: u8,
    pub as_batch: Option<BatchLane>,
    pub batch_size: usize,
    pub path_template: Option<String>,
    pub batch_id: Option<String>,
    /// How long ldp's batch record and batch set live.
    pub batch_ttl: std::time::Duration,
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

/// The options checked and resolved: everything the run needs to know before
/// it reads a file or connects.
struct Checked {
    project: String,
    ns: uuid::Uuid,
    batch_id: String,
    task_name: &'static str,
    queue: String,
    priority: u8,
    mode: &'static str,
    intake: IntakeSettings,
    /// A database is configured: the whole intake runs.
    full: bool,
    /// Files hashed at once.
    jobs: usize,
}

impl Checked {
    fn new(ctx: &Ctx, a: &ImportOptions) -> Result<Checked> {
        let project = match ProjectId::parse(&a.project)? {
            ProjectId::Uuid(u) => u,
            ProjectId::Int(_) => {
                return Err(LdpError::usage(format!(
                    "invalid --project '{}': a UUID is needed",
                    a.project
                )));
            }
        };
        check_flags(a)?;
        let (task_name, queue, priority, mode) = lane(a);
        let intake = intake_settings(ctx, a)?;
        let ns = uuid::Uuid::parse_str(&project)
            .map_err(|e| LdpError::usage(format!("--project: {e}")))?;
        Ok(Checked {
            project,
            ns,
            batch_id: batch_id(a)?,
            task_name,
            queue,
            priority,
            mode,
            full: intake.database_url.is_some(),
            intake,
            jobs: a
                .jobs
                .map(|j| j as usize)
                .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, |n| n.get())),
        })
    }
}

/// The flags that need no server: priority, queue, sizes, rate, template.
fn check_flags(a: &ImportOptions) -> Result<()> {
    if a.priority > 9 {
        return Err(LdpError::usage(format!(
            "invalid --priority '{}': 0-9",
            a.priority
        )));
    }
    if a.queue.is_empty() || a.queue.contains(char::is_whitespace) {
        return Err(LdpError::usage(format!("invalid --queue '{}'", a.queue)));
    }
    if a.batch_ttl.as_secs() < 60 {
        return Err(LdpError::usage(format!(
            "invalid --batch-ttl '{}': at least 1m",
            output::human_secs(Some(a.batch_ttl.as_secs_f64()))
        )));
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
    Ok(())
}

/// `--batch-id`, or a new UUID.
fn batch_id(a: &ImportOptions) -> Result<String> {
    match &a.batch_id {
        Some(b)
            if !b.is_empty()
                && b.bytes()
                    .all(|c| c.is_ascii_alphanumeric() || b"-_.".contains(&c)) =>
        {
            Ok(b.clone())
        }
        Some(b) => Err(LdpError::usage(format!(
            "invalid --batch-id '{b}': letters, digits, '-', '_' and '.' only"
        ))),
        None => Ok(uuid::Uuid::new_v4().to_string()),
    }
}

/// The task, queue, priority and mode: one task per document, or the
/// pipeline's batch tasks with `--as-batch`.
fn lane(a: &ImportOptions) -> (&'static str, String, u8, &'static str) {
    match a.as_batch {
        None => (
            "scripts.pdf_tasks.process_pdf_document",
            a.queue.clone(),
            a.priority,
            "tasks",
        ),
        Some(BatchLane::High) => (
            "scripts.batch_tasks.process_batch_high",
            "batch.high".into(),
            9,
            "batch",
        ),
        Some(BatchLane::Normal) => (
            "scripts.batch_tasks.process_batch_normal",
            "batch.normal".into(),
            5,
            "batch",
        ),
        Some(BatchLane::Low) => (
            "scripts.batch_tasks.process_batch_low",
            "batch.low".into(),
            1,
            "batch",
        ),
    }
}

/// The intake's settings with this command's flags on top; the whole
/// intake with a database, enqueue-only without one.
fn intake_settings(ctx: &Ctx, a: &ImportOptions) -> Result<IntakeSettings> {
    let mut s = ctx.settings.intake.clone();
    if let Some(u) = &a.database_url {
        s.database_url = Some(Secret::new(u.clone()));
        s.database_source = Some("--database-url".into());
    }
    if let Some(b) = &a.bucket {
        s.bucket = Some(b.clone());
    }
    if let Some(e) = &a.s3_endpoint {
        s.s3_endpoint = Some(e.clone());
    }
    let full = s.database_url.is_some();
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
    Ok(s)
}

/// The files: PATH arguments walked, or the manifest; and how many the
/// filters skipped.
fn collect_inputs(a: &ImportOptions) -> Result<(Vec<Input>, usize)> {
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
    Ok((inputs, skipped))
}

/// Before anything is written: the database answers, the project exists,
/// the bucket exists.
async fn preflight(c: &Checked, a: &ImportOptions, out: &Output) -> Result<Option<Arc<Intake>>> {
    if !c.full {
        if out.verbosity >= 0 && !a.consent.dry_run {
            out.note(
                "no database configured: this import only enqueues; the workers will also need \
                 the source_documents row and the S3 object",
            );
        }
        return Ok(None);
    }
    let uploads = a.jobs.map_or(DEFAULT_UPLOADS, |j| j as usize);
    let ik = Intake::preflight(&c.intake, &c.ns, &c.batch_id, uploads).await?;
    out.debug(format!(
        "intake: PostgreSQL {} (project id {}), {}",
        ik.db.label(),
        ik.run.project.id,
        ik.store.label
    ));
    Ok(Some(Arc::new(ik)))
}

/// The progress bars: with the intake a bar counts bytes (files in its
/// message) and the document counter is hidden.
fn bars(
    out: &Output,
    inputs: &[Input],
    intake: bool,
    streaming: bool,
) -> (indicatif::ProgressBar, indicatif::ProgressBar) {
    let bytes_pb = if intake {
        let total: u64 = inputs
            .iter()
            .filter_map(|i| std::fs::metadata(&i.path).ok())
            .map(|m| m.len())
            .sum();
        out.bytes_bar(total, "importing")
    } else {
        indicatif::ProgressBar::hidden()
    };
    let pb = if intake {
        indicatif::ProgressBar::hidden().with_position(0)
    } else {
        out.bar(
            inputs.len() as u64,
            if streaming { "importing" } else { "hashing" },
        )
    };
    pb.set_length(inputs.len() as u64);
    (pb, bytes_pb)
}

fn empty_report(c: &Checked, a: &ImportOptions, files: usize, skipped: usize) -> ImportReport {
    ImportReport {
        head: Head {
            project: c.project.clone(),
            batch_id: c.batch_id.clone(),
            mode: c.mode,
            queue: c.queue.clone(),
            priority: c.priority,
            dry_run: a.consent.dry_run,
            files,
            skipped_by_filter: skipped,
        },
        new: 0,
        already_imported: 0,
        duplicates: 0,
        failed: 0,
        not_enqueued: 0,
        unknown: 0,
        stopped: None,
        signal: None,
        intake: None,
        seconds: 0.0,
        duplicates_shown: Vec::new(),
        failures_shown: Vec::new(),
    }
}

/// The broker (never a cluster: kombu cannot use one), the caches' server,
/// and whether they are the same one.
async fn servers(ctx: &Ctx) -> Result<(Redis, Redis, bool)> {
    let broker = ctx.broker().await?;
    if broker.is_cluster() {
        return Err(LdpError::usage(
            "the Celery broker is a Redis Cluster, which kombu cannot use: give the broker's standalone Redis with --broker-url",
        ));
    }
    let same = ctx.settings.broker.urls == ctx.settings.redis.urls;
    let cache = if same {
        broker.clone()
    } else {
        ctx.redis().await?
    };
    Ok((broker, cache, same))
}

/// Without streaming, what is already imported is known beforehand: returns
/// the documents still to do, and marks each document's status (a dry run's
/// verdict included).
async fn look_ahead(
    st: &mut Docs,
    broker: &Redis,
    keys: &KeyNames,
    intake: bool,
    dry_run: bool,
) -> Result<Vec<usize>> {
    let mut todo = Vec::new();
    let all: Vec<usize> = (0..st.docs.len()).collect();
    for slice in all.chunks(LOOK_AHEAD_SLICE) {
        let markers: Vec<Vec<u8>> = slice.iter().map(|&d| keys.marker(&st.docs[d])).collect();
        let values = broker
            .per_key(&markers, 1, true, |p, k| {
                p.cmd("GET").arg(k);
            })
            .await?;
        for (&d, v) in slice.iter().zip(&values) {
            let status = match (is_marked(v.first(), intake), dry_run) {
                (true, _) => DocStatus::AlreadyImported,
                (false, true) => DocStatus::WouldImport,
                (false, false) => DocStatus::NotEnqueued,
            };
            if status == DocStatus::NotEnqueued {
                todo.push(d);
            }
            st.set(d, status);
        }
    }
    Ok(todo)
}

/// Markers read per round by [`look_ahead`].
const LOOK_AHEAD_SLICE: usize = 10_000;

/// ldp's batch record first, so even an interrupted run is listed; and the
/// intake's import session.
async fn begin(
    cache: &Redis,
    keys: &KeyNames,
    c: &Checked,
    a: &ImportOptions,
    files: usize,
    intake: Option<&Intake>,
) -> Result<()> {
    write_batch_record(
        cache,
        keys,
        &c.project,
        &c.batch_id,
        &c.queue,
        c.priority,
        files,
    )
    .await?;
    if let Some(ik) = intake {
        let manifest = json!({
            "tool": "ldp import",
            "batch_id": c.batch_id,
            "files": files,
            "manifest": a.manifest.as_ref().map(|m| m.display().to_string()),
            "paths": a.paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
            "queue": c.queue,
            "priority": c.priority,
            "destination": ik.store.label,
        });
        ik.db
            .start_session(
                &ik.run.session,
                &ik.run.project.uuid,
                &manifest,
                files as i64,
            )
            .await?;
    }
    Ok(())
}

/// `ldp import`.
pub async fn import(ctx: &Ctx, a: ImportOptions) -> Result<Exit> {
    let out = &ctx.out;
    let c = Checked::new(ctx, &a)?;
    let (inputs, skipped) = collect_inputs(&a)?;
    let started = Instant::now();
    let intake = preflight(&c, &a, out).await?;
    let inputs = Arc::new(inputs);
    // Streaming: documents are enqueued while later files are still being
    // hashed. Not when everything must be known first: a dry run, batch
    // manifests (built from the documents not yet imported), --fail-fast
    // (nothing is enqueued if any file is unreadable), or a plan to confirm.
    let gate = a.consent.admit_unattended(out, &ctx.journal);
    let confirm = inputs.len() > CONFIRM_ABOVE && gate.will_ask();
    let streaming = !(a.consent.dry_run || a.as_batch.is_some() || a.fail_fast || confirm);
    let (pb, bytes_pb) = bars(out, &inputs, intake.is_some(), streaming);
    let mut hashed = spawn_hashing(inputs.clone(), c.jobs, a.fail_fast);
    let mut report = empty_report(&c, &a, inputs.len(), skipped);
    let mut st = Docs::new(inputs.clone(), c.ns, Verdicts::new(out, &report.head));
    if !streaming {
        while let Some((i, h)) = hashed.recv().await {
            st.absorb(i, h);
            pb.inc(1);
        }
        pb.finish_and_clear();
    }
    if a.fail_fast && st.verdicts.count(DocStatus::Failed) > 0 {
        report.stopped = Some("an input could not be read (--fail-fast): nothing enqueued".into());
        return finish(out, report, st.finish(), started);
    }
    let reg = ctx.registry()?;
    let (broker, cache, same_server) = servers(ctx).await?;
    let keys = KeyNames::new(&reg, &c.project, &c.batch_id, a.batch_ttl.as_secs())?;
    let template: Option<String> = match &intake {
        Some(ik) => Some(ik.store.file_path("documents/{uuid}{ext}")),
        None => a.path_template.clone(),
    };
    let plan = Plan {
        inputs: &inputs,
        project: &c.project,
        batch_id: &c.batch_id,
        task_name: c.task_name,
        queue: &c.queue,
        priority: c.priority,
        batch_size: a.as_batch.map(|_| a.batch_size),
        template: template.as_deref(),
    };
    let run = Run {
        ctx,
        a: &a,
        c: &c,
        intake: intake.as_ref(),
        broker: &broker,
        cache: &cache,
        same_server,
        keys: &keys,
        plan: &plan,
        streaming,
        confirm,
        gate: &gate,
    };
    // From here on the report streams; a failure ends it (with why) before
    // the error is returned, so stdout is never left a partial report.
    if !confirm {
        st.verdicts.go_live();
    }
    let hashing = streaming.then_some(&mut hashed);
    match run.go(&mut st, &mut report, hashing, pb, bytes_pb).await {
        Ok(true) => {}
        Ok(false) => return Ok(Exit::Failure), // not confirmed
        Err(e) => {
            report.stopped = Some(crate::error::one_line(&e));
            let _ = report::close_quietly(out, report, st.finish(), started);
            return Err(e);
        }
    }
    finish(out, report, st.finish(), started)
}

/// What an import run works with once its servers answer.
struct Run<'a> {
    ctx: &'a Ctx,
    a: &'a ImportOptions,
    c: &'a Checked,
    intake: Option<&'a Arc<Intake>>,
    broker: &'a Redis,
    cache: &'a Redis,
    same_server: bool,
    keys: &'a KeyNames,
    plan: &'a Plan<'a>,
    streaming: bool,
    confirm: bool,
    gate: &'a crate::consent::Admitted<'a>,
}

impl Run<'_> {
    /// Look ahead (without streaming), confirm, begin, run the loop and
    /// close. False when the user declined.
    async fn go(
        &self,
        st: &mut Docs,
        report: &mut ImportReport,
        hashed: Option<&mut Receiver<(usize, Hashed)>>,
        pb: ProgressBar,
        bytes_pb: ProgressBar,
    ) -> Result<bool> {
        let (a, c, out) = (self.a, self.c, &self.ctx.out);
        let mut todo: Vec<usize> = Vec::new();
        if !self.streaming {
            todo = look_ahead(
                st,
                self.broker,
                self.keys,
                self.intake.is_some(),
                a.consent.dry_run,
            )
            .await?;
            if a.consent.dry_run {
                return Ok(true);
            }
            if self.confirm {
                eprintln!(
                    "{} new documents ({} already imported) -> {} on {} ({}, priority {})",
                    output::thousands(todo.len() as u64),
                    st.docs.len() - todo.len(),
                    c.queue,
                    self.broker.label(),
                    c.mode,
                    c.priority
                );
                if !self.gate.confirm(out, "Import them?")? {
                    out.note("nothing imported");
                    return Ok(false);
                }
                st.verdicts.go_live();
            }
        }
        begin(
            self.cache,
            self.keys,
            c,
            a,
            self.plan.inputs.len(),
            self.intake.map(|i| &**i),
        )
        .await?;
        // doc:import and the sets go in the enqueue script when the caches are
        // on the broker; with the intake they come after the row update.
        let in_script = self.same_server && self.intake.is_none();
        let enqueuer = Enqueuer {
            queue_key: self
                .ctx
                .settings
                .broker_layout
                .publish_key(&c.queue, c.priority),
            keys: self.keys,
            sha: load_script(self.broker.node(0)).await?,
            in_script,
            intake: self.intake.is_some(),
            origin: origin(),
            plan: self.plan,
        };
        let chunk_docs = match a.rate {
            Some(r) => (r.ceil() as usize).clamp(1, CHUNK),
            None => CHUNK,
        };
        let pb = if self.streaming {
            // Files already known not to be documents count as done.
            pb.inc(st.decided() as u64);
            pb
        } else {
            out.bar(todo.len() as u64, "enqueueing")
        };
        let claims = match self.intake {
            Some(ik) => Some(
                Claims::new(
                    self.broker.clone(),
                    self.keys.upload_claim_prefix(),
                    &ik.run.session.to_string(),
                )
                .await,
            ),
            None => None,
        };
        let fixed = Fixed {
            intake: self.intake,
            broker: self.broker,
            cache: self.cache,
            keys: self.keys,
            plan: self.plan,
            enqueuer: &enqueuer,
            fail_fast: a.fail_fast,
            rate: a.rate,
            chunk_docs,
            // Enough to keep the uploads busy, no more than a pipeline's worth.
            prep_chunk: (c.jobs.max(DEFAULT_UPLOADS) * 4).min(chunk_docs).max(1),
            pb: &pb,
            bytes_pb: &bytes_pb,
            claims,
        };
        let (stop, tally) = State::run(st, todo, &fixed, hashed).await?;
        pb.finish_and_clear();
        bytes_pb.finish_and_clear();
        self.close(st, report, stop, tally, in_script).await?;
        Ok(true)
    }

    /// After the loop: complete what earlier runs left, close the intake's
    /// session, settle the batch record.
    async fn close(
        &self,
        st: &mut Docs,
        report: &mut ImportReport,
        stop: Option<run::Stop>,
        mut tally: run::Tally,
        in_script: bool,
    ) -> Result<()> {
        report.stopped = stop.as_ref().map(|s| s.reason());
        report.signal = match stop {
            Some(run::Stop::Signal(sig)) => Some(sig),
            _ => None,
        };
        if report.stopped.is_none() {
            let servers = Servers {
                broker: self.broker,
                cache: self.cache,
                keys: self.keys,
                in_script,
            };
            report.stopped = close::complete(
                &servers,
                st,
                self.plan,
                self.intake.map(|i| &**i),
                &mut tally,
            )
            .await?;
        }
        let any_new = st.any(DocStatus::New);
        if let Some(ik) = self.intake {
            let skipped = close::skipped(st, &tally);
            st.settle_unreached();
            close::close_session(ik, report, &st.verdicts, skipped, &tally).await;
        }
        // After a stop the record stays as it is (it expires); the report, with
        // what was done, is what matters now.
        if report.stopped.is_none()
            && let Err(e) = settle_batch(self.cache, self.keys, st.docs.len(), any_new).await
        {
            report.stopped = Some(crate::error::one_line(&e));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::inputs::check_template;
    use super::plan::task_id;
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
        let hex = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        let mut bytes = [0u8; 32];
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap();
        }
        let sha = super::inputs::Sha(bytes);
        assert_eq!(sha.hex(), hex);
        let a = super::plan::document_uuid(&ns, &sha).to_string();
        // Python: uuid.uuid5(uuid.UUID('7c2d4d62-...'), '9f86d081...').
        assert_eq!(a, "a85dade9-4a34-570b-bd3c-424c45cae74b");
        assert!(is_uuid(a.as_bytes()));
    }
}
