//! The intake's stages before the enqueue, for `ldp import`: per chunk of
//! documents, which already have a row (and so an object: rows are only
//! inserted after the upload), upload the others concurrently, then insert
//! their rows in one committed statement. What comes back is ready to be
//! enqueued. Each stage is idempotent, so a crash anywhere is repaired by a
//! re-run.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::Result;
use indicatif::ProgressBar;
use tokio::sync::Semaphore;
use uuid::Uuid;

use super::IntakeSettings;
use super::claim::Claims;
use super::db::{Db, DocRow, Project, RunInfo};
use super::store::{Kind, Meta, Store};
use crate::error::LdpError;

/// Everything the intake needs, checked before anything is written: the
/// database answers, the project exists, the bucket exists.
pub struct Intake {
    pub db: Db,
    pub store: Store,
    pub run: RunInfo,
    uploads: Arc<Semaphore>,
}

/// One document to prepare.
#[derive(Debug, Clone)]
pub struct Job {
    /// The caller's index of the document.
    pub doc: usize,
    pub path: PathBuf,
    pub meta: Meta,
    pub row: DocRow,
}

/// What a chunk's preparation did.
#[derive(Debug, Default)]
pub struct Prepared {
    /// Documents whose row now exists: ready to enqueue.
    pub ready: Vec<usize>,
    /// Uploaded now, with the bytes sent.
    pub uploaded: Vec<(usize, u64)>,
    /// Rows inserted now.
    pub registered: Vec<usize>,
    /// Documents whose upload failed (the rest go on), with the reason.
    pub failed: Vec<(usize, String)>,
    /// PostgreSQL failed: the import stops (uploads done stay; a re-run completes).
    pub fatal: Option<String>,
}

/// The `import_sessions` UUID of a batch id: the id itself when it is a
/// UUID, else derived from it, so re-running a named batch continues its session.
pub fn session_uuid(project: &Uuid, batch_id: &str) -> Uuid {
    Uuid::parse_str(batch_id)
        .unwrap_or_else(|_| Uuid::new_v5(project, format!("ldp-batch:{batch_id}").as_bytes()))
}

impl Intake {
    /// Connect, resolve the project, check the bucket: in that order, so
    /// nothing is uploaded for a project that does not exist.
    pub async fn preflight(
        s: &IntakeSettings,
        project: &Uuid,
        batch_id: &str,
        jobs: usize,
    ) -> Result<Intake> {
        let url = s
            .database_url
            .as_ref()
            .ok_or_else(|| LdpError::usage("no database configured"))?;
        let source = s.database_source.as_deref().unwrap_or("--database-url");
        let store = Store::open(s)?;
        let db = Db::connect(url, s.db_ssl_mode.as_deref(), source).await?;
        let project: Project = db.project(project).await?;
        store.check().await?;
        let run = RunInfo {
            session: session_uuid(&project.uuid, batch_id),
            project,
            bucket: store.bucket.clone(),
            region: match store.kind {
                Kind::S3 => Some(s.region.clone().unwrap_or_else(|| "us-east-1".into())),
                Kind::Local => None,
            },
        };
        Ok(Intake {
            db,
            store,
            run,
            uploads: Arc::new(Semaphore::new(jobs.max(1))),
        })
    }

    /// Prepare a chunk on its own task, so uploads go on while the caller
    /// enqueues earlier chunks. `bytes` advances as files are done. With
    /// `claims`, a document another run is uploading is waited for, not
    /// uploaded again.
    pub fn prepare(
        self: &Arc<Self>,
        jobs: Vec<Job>,
        bytes: ProgressBar,
        claims: Option<Claims>,
    ) -> tokio::task::JoinHandle<Prepared> {
        let me = self.clone();
        tokio::spawn(async move { me.prepare_now(jobs, bytes, claims).await })
    }

    /// Rounds until every job is ready or failed: those with a row are
    /// ready; of the others, those this run claims are uploaded and
    /// registered; those another run holds are looked at again a moment
    /// later (their row appears when that run is done, or their claim
    /// expires and this run takes it).
    async fn prepare_now(
        self: Arc<Self>,
        mut jobs: Vec<Job>,
        bytes: ProgressBar,
        claims: Option<Claims>,
    ) -> Prepared {
        let mut out = Prepared::default();
        let mut pause = Duration::from_millis(50);
        while !jobs.is_empty() && out.fatal.is_none() {
            let Some(todo) = self.without_rows(jobs, &bytes, &mut out).await else {
                return out;
            };
            let (mine, theirs) = match &claims {
                None => (todo, Vec::new()),
                Some(c) => {
                    let ids: Vec<Uuid> = todo.iter().map(|j| j.row.document_uuid).collect();
                    let ours = c.take(&ids).await;
                    let (mine, theirs): (Vec<_>, Vec<_>) =
                        todo.into_iter().zip(ours).partition(|(_, o)| *o);
                    let strip = |v: Vec<(Job, bool)>| v.into_iter().map(|(j, _)| j).collect();
                    (strip(mine), strip(theirs))
                }
            };
            let claimed: Vec<Uuid> = mine.iter().map(|j| j.row.document_uuid).collect();
            // A claim just taken may have been given back by a run that has
            // committed the row since the check above: look again, now that
            // no one else can be uploading these.
            let mine = match &claims {
                Some(_) if !mine.is_empty() => self
                    .without_rows(mine, &bytes, &mut out)
                    .await
                    .unwrap_or_default(),
                _ => mine,
            };
            self.upload_and_register(mine, &bytes, &mut out).await;
            if let Some(c) = &claims
                && !claimed.is_empty()
            {
                c.release(&claimed).await;
            }
            jobs = theirs;
            if claims.as_ref().is_some_and(Claims::stopping) {
                break; // the rest wait for a re-run
            }
            if !jobs.is_empty() {
                tokio::time::sleep(pause).await;
                pause = (pause * 2).min(Duration::from_secs(1));
            }
        }
        out
    }

    /// The jobs whose document has no row yet; those with one are ready
    /// (their object was uploaded before the row was inserted). None when
    /// PostgreSQL failed (`out.fatal` says why).
    async fn without_rows(
        &self,
        jobs: Vec<Job>,
        bytes: &ProgressBar,
        out: &mut Prepared,
    ) -> Option<Vec<Job>> {
        let uuids: Vec<Uuid> = jobs.iter().map(|j| j.row.document_uuid).collect();
        let have = match self.db.existing(&uuids).await {
            Ok(h) => h,
            Err(e) => {
                out.fatal = Some(crate::error::one_line(&e));
                return None;
            }
        };
        let (done, todo): (Vec<Job>, Vec<Job>) = jobs
            .into_iter()
            .partition(|j| have.contains(&j.row.document_uuid));
        for job in done {
            bytes.inc(job.row.file_size_bytes.max(0) as u64);
            out.ready.push(job.doc);
        }
        Some(todo)
    }

    /// Upload `jobs` concurrently, then insert their rows in one committed
    /// statement.
    async fn upload_and_register(
        self: &Arc<Self>,
        jobs: Vec<Job>,
        bytes: &ProgressBar,
        out: &mut Prepared,
    ) {
        let mut uploads = Vec::new();
        for job in jobs {
            let (me, bytes) = (self.clone(), bytes.clone());
            uploads.push(tokio::spawn(async move {
                let _permit = me.uploads.clone().acquire_owned().await;
                let r = me.store.upload(&job.path, &job.row.s3_key, &job.meta).await;
                if let Ok(n) = &r {
                    bytes.inc(*n);
                }
                (job, r)
            }));
        }
        let mut rows = Vec::new();
        let mut docs = Vec::new();
        for u in uploads {
            match u.await {
                Ok((job, Ok(n))) => {
                    out.uploaded.push((job.doc, n));
                    docs.push(job.doc);
                    rows.push(job.row);
                }
                Ok((job, Err(e))) => out.failed.push((job.doc, e)),
                Err(e) => out.fatal = Some(format!("an upload task failed: {e}")),
            }
        }
        if rows.is_empty() {
            return;
        }
        match self.db.insert_documents(&self.run, &rows).await {
            Ok(inserted) => {
                let inserted: std::collections::HashSet<Uuid> = inserted.into_iter().collect();
                for (doc, row) in docs.iter().zip(&rows) {
                    if inserted.contains(&row.document_uuid) {
                        out.registered.push(*doc);
                    }
                }
                out.ready.extend(docs);
            }
            Err(e) => out.fatal = Some(crate::error::one_line(&e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_follow_the_batch_id() {
        let p = Uuid::new_v4();
        let u = Uuid::new_v4();
        assert_eq!(session_uuid(&p, &u.to_string()), u);
        assert_eq!(session_uuid(&p, "run-1"), session_uuid(&p, "run-1"));
        assert_ne!(session_uuid(&p, "run-1"), session_uuid(&p, "run-2"));
    }
}
