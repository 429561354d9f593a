//! The run loop: files are hashed, the intake prepares chunks of documents
//! (upload, register) and the enqueue script runs, all at once, a bounded
//! number of each in flight. A stop (Ctrl-C, SIGTERM, a failure) sends
//! nothing new but finishes what is in flight, so every document is still
//! exactly once after a re-run.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Result;
use futures_util::StreamExt;
use futures_util::stream::FuturesOrdered;
use indicatif::ProgressBar;
use redis::{RedisError, Value};
use tokio::signal::unix::{SignalKind, signal};
use tokio::sync::mpsc::Receiver;

use super::enqueue::{Enqueuer, KeyNames, write_cache_side};
use super::inputs::Hashed;
use super::plan::{Doc, Docs, Plan, Unit};
use super::report::DocStatus;
use crate::intake::claim::Claims;
use crate::intake::db::DocRow;
use crate::intake::stage::{Intake, Job, Prepared};
use crate::intake::store::Meta;
use crate::redis::Redis;

/// Intake chunks (existing-row check, uploads, one INSERT) in flight.
const PREPS_IN_FLIGHT: usize = 4;
/// Uploads at once when --jobs does not say.
pub const DEFAULT_UPLOADS: usize = 8;

/// Why a run stopped before its end.
#[derive(Debug, Clone)]
pub enum Stop {
    /// Ctrl-C (SIGINT) or SIGTERM: exit 128+N after what was in flight.
    Signal(i32),
    /// A failure that makes going on pointless (Redis refused, PostgreSQL down).
    Failed(String),
}

impl Stop {
    pub fn reason(&self) -> String {
        match self {
            Stop::Signal(_) => "interrupted: run the same import again to finish".into(),
            Stop::Failed(why) => why.clone(),
        }
    }

    fn failed(why: impl std::fmt::Display) -> Stop {
        Stop::Failed(format!("{why}: run the same import again to finish"))
    }
}

/// What the intake's stages did, for the report.
#[derive(Default)]
pub struct Tally {
    pub uploaded: usize,
    pub bytes: u64,
    pub registered: usize,
    pub updated: usize,
    /// Documents uploaded or registered in this run.
    pub touched: HashSet<usize>,
}

/// What stays the same through the loop.
pub struct Fixed<'a> {
    pub intake: Option<&'a Arc<Intake>>,
    pub broker: &'a Redis,
    pub cache: &'a Redis,
    pub keys: &'a KeyNames,
    pub plan: &'a Plan<'a>,
    pub enqueuer: &'a Enqueuer<'a>,
    pub fail_fast: bool,
    /// --rate: documents per second.
    pub rate: Option<f64>,
    /// Documents per pipeline (and per second with --rate).
    pub chunk_docs: usize,
    /// Documents per intake chunk.
    pub prep_chunk: usize,
    /// The progress bars: documents, and bytes with the intake.
    pub pb: &'a ProgressBar,
    pub bytes_pb: &'a ProgressBar,
    /// With the intake: who uploads what when two runs race.
    pub claims: Option<Claims>,
}

/// What the loop changes.
pub struct State<'s> {
    pub st: &'s mut Docs,
    pub stop: Option<Stop>,
    pub tally: Tally,
    /// Hashed documents waiting for the intake (or the enqueue without one).
    pending: Vec<usize>,
    /// Prepared documents waiting for the enqueue.
    prepared: Vec<usize>,
    hashing: bool,
    batch_no: usize,
}

type Sent = (
    Vec<Unit>,
    Vec<usize>,
    Instant,
    std::result::Result<Vec<Value>, RedisError>,
);

impl State<'_> {
    /// Run the loop over `st`, starting with `todo` (and the hashes as they
    /// come, when streaming); returns why it stopped early, and the tally.
    pub async fn run(
        st: &mut Docs,
        todo: Vec<usize>,
        f: &Fixed<'_>,
        hashed: Option<&mut Receiver<(usize, Hashed)>>,
    ) -> Result<(Option<Stop>, Tally)> {
        let mut state = State {
            st,
            stop: None,
            tally: Tally::default(),
            pending: todo,
            prepared: Vec::new(),
            hashing: hashed.is_some(),
            batch_no: 0,
        };
        state.drive(f, hashed).await?;
        Ok((state.stop, state.tally))
    }

    /// Run until every document is enqueued, failed, or the run stopped and
    /// what was in flight came back.
    pub async fn drive(
        &mut self,
        f: &Fixed<'_>,
        mut hashed: Option<&mut Receiver<(usize, Hashed)>>,
    ) -> Result<()> {
        let mut sigint = signal(SignalKind::interrupt())?;
        let mut sigterm = signal(SignalKind::terminate())?;
        let depth = if f.rate.is_some() { 1 } else { 3 };
        let mut inflight: FuturesOrdered<_> = FuturesOrdered::new();
        let mut preps = FuturesOrdered::new();
        loop {
            if self.stop.is_some()
                && let Some(c) = &f.claims
            {
                c.stopping.store(true, std::sync::atomic::Ordering::Relaxed);
            }
            if self.stop.is_none() {
                self.start_preps(f, &mut preps)?;
                while inflight.len() < depth
                    && let Some(units) = self.next_units(f, !preps.is_empty())
                {
                    inflight.push_back(send(f, &self.st.docs, units));
                }
            }
            if inflight.is_empty() && preps.is_empty() && (!self.hashing || self.stop.is_some()) {
                return Ok(());
            }
            tokio::select! {
                biased;
                _ = sigint.recv(), if self.stop.is_none() => {
                    self.stop = Some(Stop::Signal(libc::SIGINT));
                }
                _ = sigterm.recv(), if self.stop.is_none() => {
                    self.stop = Some(Stop::Signal(libc::SIGTERM));
                }
                // Prepared chunks are awaited even after a stop: their rows
                // are committed for the uploads already done.
                Some(res) = preps.next(), if !preps.is_empty() => {
                    let p = res.unwrap_or_else(|e: tokio::task::JoinError| Prepared {
                        fatal: Some(format!("an intake task failed: {e}")),
                        ..Default::default()
                    });
                    self.on_prepared(f, p);
                }
                Some(sent) = inflight.next(), if !inflight.is_empty() => {
                    self.on_sent(f, sent).await?;
                }
                h = next_hash(&mut hashed), if self.hashing && self.stop.is_none() => match h {
                    Some((i, h)) => match self.st.absorb(i, h) {
                        Some(d) => self.pending.push(d),
                        None => f.pb.inc(1),
                    },
                    None => self.hashing = false,
                },
            }
        }
    }

    /// Start intake chunks while there is room and enough hashed documents.
    fn start_preps(
        &mut self,
        f: &Fixed<'_>,
        preps: &mut FuturesOrdered<tokio::task::JoinHandle<Prepared>>,
    ) -> Result<()> {
        let Some(ik) = f.intake else {
            return Ok(());
        };
        while preps.len() < PREPS_IN_FLIGHT
            && (self.pending.len() >= f.prep_chunk || (!self.hashing && !self.pending.is_empty()))
        {
            let n = self.pending.len().min(f.prep_chunk);
            let jobs = self
                .pending
                .drain(..n)
                .map(|i| intake_job(f.plan, &self.st.docs, i))
                .collect::<Result<Vec<Job>>>()?;
            preps.push_back(ik.prepare(jobs, f.bytes_pb.clone(), f.claims.clone()));
        }
        Ok(())
    }

    /// The next units to enqueue: a full pipeline, or what is left once
    /// nothing more can come.
    fn next_units(&mut self, f: &Fixed<'_>, preparing: bool) -> Option<Vec<Unit>> {
        let source = if f.intake.is_some() {
            &mut self.prepared
        } else {
            &mut self.pending
        };
        let more = self.hashing || preparing;
        let min = if f.intake.is_some() { 1 } else { f.chunk_docs };
        if source.len() < min && (more || source.is_empty()) {
            return None;
        }
        let take: Vec<usize> = source.drain(..source.len().min(f.chunk_docs)).collect();
        Some(f.plan.units(&take, &self.st.docs, &mut self.batch_no))
    }

    /// An intake chunk came back: count its stages, queue what is ready.
    fn on_prepared(&mut self, f: &Fixed<'_>, p: Prepared) {
        for &(d, n) in &p.uploaded {
            self.tally.uploaded += 1;
            self.tally.bytes += n;
            self.tally.touched.insert(d);
        }
        for &d in &p.registered {
            self.tally.registered += 1;
            self.tally.touched.insert(d);
        }
        for (d, e) in p.failed {
            self.st.fail(d, e);
            f.pb.inc(1);
            if f.fail_fast {
                self.stop
                    .get_or_insert_with(|| Stop::failed("an upload failed (--fail-fast)"));
            }
        }
        if let Some(why) = p.fatal {
            self.stop.get_or_insert_with(|| Stop::failed(why));
        }
        if self.stop.is_none() {
            self.prepared.extend(p.ready);
        }
        files_message(f);
    }

    /// A pipeline of script calls came back: record each unit's verdict,
    /// then the intake's row update and the cache side.
    async fn on_sent(&mut self, f: &Fixed<'_>, (units, sizes, t0, res): Sent) -> Result<()> {
        let replies = match res {
            Ok(v) => v,
            Err(e) => {
                // The scripts may have run: these documents are not known
                // to be enqueued or not (a re-run's markers tell).
                for u in &units {
                    for &i in &u.docs {
                        self.st.set(i, DocStatus::Unknown);
                    }
                }
                let why = format!("Redis failed ({})", crate::redis::describe(&e));
                self.stop.get_or_insert_with(|| Stop::failed(why));
                return Ok(());
            }
        };
        let enqueued = self.record_replies(f, &units, sizes, replies);
        if let Some(ik) = f.intake
            && !enqueued.is_empty()
        {
            match ik.db.mark_enqueued(&enqueued).await {
                Ok(n) => self.tally.updated += n as usize,
                Err(e) => {
                    let why = crate::error::one_line(&e);
                    self.stop.get_or_insert_with(|| Stop::failed(why));
                }
            }
        }
        // The cache on another server (or after the row update): written
        // after, idempotently; a re-run completes it.
        if !f.enqueuer.in_script {
            let written: Vec<usize> = units
                .iter()
                .flat_map(|u| u.docs.iter().copied())
                .filter(|&i| self.st.status(i) == DocStatus::New)
                .collect();
            let record = |d: &Doc| f.plan.record(d);
            if let Err(e) =
                write_cache_side(f.cache, f.keys, &self.st.docs, &written, &record, true).await
            {
                // The tasks are enqueued; a re-run writes what is missing.
                let why = crate::error::one_line(&e);
                self.stop.get_or_insert_with(|| Stop::failed(why));
            }
        }
        files_message(f);
        if let Some(r) = f.rate {
            let docs: usize = units.iter().map(|u| u.docs.len()).sum();
            let want = Duration::from_secs_f64(docs as f64 / r);
            if let Some(rest) = want.checked_sub(t0.elapsed()) {
                tokio::time::sleep(rest).await;
            }
        }
        Ok(())
    }

    /// Each unit's reply: 1 enqueued now, 0 already marked. Returns the
    /// documents enqueued now with their task ids.
    fn record_replies(
        &mut self,
        f: &Fixed<'_>,
        units: &[Unit],
        sizes: Vec<usize>,
        replies: Vec<Value>,
    ) -> Vec<(uuid::Uuid, String)> {
        let mut left = units.iter();
        let mut enqueued = Vec::new();
        for (reply, size) in replies.into_iter().zip(sizes) {
            let call: Vec<&Unit> = left.by_ref().take(size).collect();
            match reply {
                Value::Array(results) => {
                    for (u, r) in call.iter().zip(results) {
                        match r {
                            Value::Int(1) => self.enqueued(f, u, &mut enqueued),
                            Value::Array(taken) => self.partly_taken(f, u, &taken),
                            _ => self.already(f, &u.docs),
                        }
                    }
                }
                // The whole call did nothing (refused before its first write).
                Value::ServerError(e) => {
                    let why = format!("Redis refused writes ({e})");
                    self.stop.get_or_insert_with(|| Stop::failed(why));
                }
                other => {
                    let why = format!("unexpected reply {other:?}");
                    self.stop.get_or_insert_with(|| Stop::failed(why));
                }
            }
        }
        enqueued
    }
}

impl State<'_> {
    /// A unit the script enqueued: its documents are new.
    fn enqueued(&mut self, f: &Fixed<'_>, u: &Unit, out: &mut Vec<(uuid::Uuid, String)>) {
        for &i in &u.docs {
            self.st.set(i, DocStatus::New);
            out.push((self.st.docs[i].uuid, u.task.id.clone()));
        }
        f.pb.inc(u.docs.len() as u64);
    }

    /// Documents an earlier (or a concurrent) run enqueued.
    fn already(&mut self, f: &Fixed<'_>, docs: &[usize]) {
        for &i in docs {
            self.st.set(i, DocStatus::AlreadyImported);
        }
        f.pb.inc(docs.len() as u64);
    }

    /// A batch unit some of whose documents another run took (the script
    /// wrote nothing): those are already imported, the rest go back to be
    /// sent in a task of their own, so none is skipped and none doubled.
    fn partly_taken(&mut self, f: &Fixed<'_>, u: &Unit, taken: &[Value]) {
        let marked: Vec<usize> = taken
            .iter()
            .filter_map(|v| match v {
                Value::Int(pos) => usize::try_from(*pos - 1).ok(),
                _ => None,
            })
            .filter_map(|p| u.docs.get(p).copied())
            .collect();
        self.already(f, &marked);
        let rest = u.docs.iter().copied().filter(|i| !marked.contains(i));
        if f.intake.is_some() {
            self.prepared.extend(rest);
        } else {
            self.pending.extend(rest);
        }
    }
}

/// The next hash, when hashing streams into the loop.
async fn next_hash(hashed: &mut Option<&mut Receiver<(usize, Hashed)>>) -> Option<(usize, Hashed)> {
    match hashed {
        Some(r) => r.recv().await,
        None => None,
    }
}

/// Send units as one pipeline of script calls on the broker.
fn send(
    f: &Fixed<'_>,
    docs: &[Doc],
    units: Vec<Unit>,
) -> impl std::future::Future<Output = Sent> + 'static + use<> {
    let (p, sizes) = f.enqueuer.pipeline(&units, docs);
    let broker = f.broker.clone();
    async move {
        let t0 = Instant::now();
        let r = broker.node(0).pipe::<Vec<Value>>(&p).await;
        (units, sizes, t0, r)
    }
}

/// With the intake the bar counts bytes; its message carries the files.
fn files_message(f: &Fixed<'_>) {
    f.bytes_pb.set_message(format!(
        "{}/{} files",
        f.pb.position(),
        f.pb.length().unwrap_or(0)
    ));
}

/// The intake job of document `i`: its object key, metadata and row.
pub fn intake_job(plan: &Plan<'_>, docs: &[Doc], i: usize) -> Result<Job> {
    let d = &docs[i];
    let input = &plan.inputs[d.input];
    let (uuid, ext, name) = (d.uuid_str(), input.ext(), input.name());
    Ok(Job {
        doc: i,
        path: input.path.clone(),
        meta: Meta {
            original_filename: name.clone(),
            document_uuid: uuid.clone(),
            content_type: input
                .mime_type()
                .map(str::to_string)
                .unwrap_or_else(|| crate::intake::content_type(&ext).to_string()),
        },
        row: DocRow {
            document_uuid: d.uuid,
            file_name: name,
            original_file_path: input.path.to_string_lossy().into_owned(),
            file_path: plan.file_path(d),
            file_type: ext.trim_start_matches('.').to_string(),
            detected_file_type: input.file_type(),
            file_size_bytes: i64::try_from(d.size).unwrap_or(i64::MAX),
            s3_key: crate::intake::object_key(&uuid, &ext),
        },
    })
}
