//! The plan: each file's identity (UUIDv5 of the project and its SHA-256),
//! duplicates, a typed status per document, and the tasks that carry them.

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::{Value as Json, json};

use super::inputs::{Hashed, Input, Sha, render_path};
use super::report::{DocStatus, FileResult, Verdicts};
use crate::broker::task::Task;

/// One unit of enqueueing: a document (single mode) or a batch task's documents.
pub struct Unit {
    /// Indexes into the unique documents.
    pub docs: Vec<usize>,
    pub task: Task,
}

/// A unique document of the run. Small on purpose (about 64 bytes): the run
/// holds one per document; strings are made only where they are written.
pub struct Doc {
    pub input: usize,
    pub sha: Sha,
    pub size: u64,
    pub uuid: uuid::Uuid,
}

impl Doc {
    pub fn uuid_str(&self) -> String {
        self.uuid.to_string()
    }
}

/// The run's documents as hashes arrive: identity, duplicates, statuses;
/// each file's verdict goes to the report the moment it is final, so
/// nothing per file is kept for the end.
pub struct Docs {
    pub docs: Vec<Doc>,
    /// Per document: what became of it.
    status: Vec<DocStatus>,
    by_sha: HashMap<Sha, usize>,
    /// Per input file: its verdict is out.
    reported: Vec<bool>,
    /// Input files whose verdict is out.
    decided: usize,
    ns: uuid::Uuid,
    inputs: Arc<Vec<Input>>,
    pub verdicts: Verdicts,
}

impl Docs {
    pub fn new(inputs: Arc<Vec<Input>>, ns: uuid::Uuid, verdicts: Verdicts) -> Docs {
        // At most one document per file: reserved once, never doubled.
        let n = inputs.len();
        Docs {
            docs: Vec::with_capacity(n),
            status: Vec::with_capacity(n),
            by_sha: HashMap::with_capacity(n),
            reported: vec![false; inputs.len()],
            decided: 0,
            ns,
            inputs,
            verdicts,
        }
    }

    /// Input files whose verdict is already out (failures, duplicates, ...).
    pub fn decided(&self) -> usize {
        self.decided
    }

    pub fn status(&self, d: usize) -> DocStatus {
        self.status[d]
    }

    /// The documents with this status.
    pub fn with_status(&self, s: DocStatus) -> Vec<usize> {
        (0..self.docs.len())
            .filter(|&d| self.status[d] == s)
            .collect()
    }

    pub fn any(&self, s: DocStatus) -> bool {
        self.status.contains(&s)
    }

    /// Record input `i`'s hash; returns the index of a new document, or None
    /// for a failure or a duplicate of an earlier file.
    pub fn absorb(&mut self, i: usize, h: Hashed) -> Option<usize> {
        let (sha, size) = match h {
            Err(e) => {
                self.report_file(i, None, DocStatus::Failed, None, Some(e.to_string()));
                return None;
            }
            Ok(x) => x,
        };
        if let Some(&first) = self.by_sha.get(&sha) {
            let of = self.inputs[self.docs[first].input].path.to_string_lossy();
            let of = Some(of.into_owned());
            let d = Doc {
                input: i,
                sha,
                size,
                uuid: document_uuid(&self.ns, &sha),
            };
            self.report_file(i, Some(&d), DocStatus::Duplicate, of, None);
            return None;
        }
        self.by_sha.insert(sha, self.docs.len());
        self.docs.push(Doc {
            input: i,
            sha,
            size,
            uuid: document_uuid(&self.ns, &sha),
        });
        self.status.push(DocStatus::NotEnqueued);
        Some(self.docs.len() - 1)
    }

    /// What became of document `d`; a final verdict goes out now.
    pub fn set(&mut self, d: usize, s: DocStatus) {
        self.status[d] = s;
        if s.is_final() {
            self.report_doc(d, None);
        }
    }

    /// Document `d` failed (its upload): out now, with why.
    pub fn fail(&mut self, d: usize, why: String) {
        self.status[d] = DocStatus::Failed;
        self.report_doc(d, Some(why));
    }

    fn report_doc(&mut self, d: usize, error: Option<String>) {
        let doc = &self.docs[d];
        let (input, status) = (doc.input, self.status[d]);
        let r = self.record(input, Some(doc), status, None, error);
        self.out(input, r);
    }

    fn report_file(
        &mut self,
        i: usize,
        doc: Option<&Doc>,
        s: DocStatus,
        duplicate_of: Option<String>,
        error: Option<String>,
    ) {
        let r = self.record(i, doc, s, duplicate_of, error);
        self.out(i, r);
    }

    fn record(
        &self,
        i: usize,
        doc: Option<&Doc>,
        status: DocStatus,
        duplicate_of: Option<String>,
        error: Option<String>,
    ) -> FileResult {
        FileResult {
            file: self.inputs[i].path.to_string_lossy().into_owned(),
            document_uuid: doc.map(Doc::uuid_str),
            sha256: doc.map(|d| d.sha.hex()),
            status,
            duplicate_of,
            error,
        }
    }

    fn out(&mut self, i: usize, r: FileResult) {
        if !std::mem::replace(&mut self.reported[i], true) {
            self.decided += 1;
            self.verdicts.push(&r);
        }
    }

    /// The run is over: every file not yet reported goes out with its
    /// status (files a stopped run never reached are `not_enqueued`).
    pub fn finish(mut self) -> Verdicts {
        self.settle_unreached();
        self.verdicts
    }

    /// Every file not yet reported goes out now with its status.
    pub fn settle_unreached(&mut self) {
        for d in 0..self.docs.len() {
            if !self.reported[self.docs[d].input] {
                if !self.status[d].is_final() {
                    self.status[d] = DocStatus::NotEnqueued;
                }
                self.report_doc(d, None);
            }
        }
        for i in 0..self.inputs.len() {
            if !self.reported[i] {
                self.report_file(i, None, DocStatus::NotEnqueued, None, None);
            }
        }
    }
}

/// A document's identity: UUIDv5 of its project's UUID and its hex SHA-256,
/// as Python's `uuid.uuid5(project, sha256)` computes it.
pub fn document_uuid(project: &uuid::Uuid, sha: &Sha) -> uuid::Uuid {
    uuid::Uuid::new_v5(project, sha.hex().as_bytes())
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
pub struct Plan<'a> {
    pub inputs: &'a [Input],
    pub project: &'a str,
    pub batch_id: &'a str,
    pub task_name: &'a str,
    pub queue: &'a str,
    pub priority: u8,
    /// Some(batch size) with --as-batch.
    pub batch_size: Option<usize>,
    /// --path-template, or the intake's object path; None: the file's path.
    pub template: Option<&'a str>,
}

impl Plan<'_> {
    /// The `file_path` the workers get for document `d`.
    pub fn file_path(&self, d: &Doc) -> String {
        render_path(
            self.template,
            &self.inputs[d.input],
            &d.uuid_str(),
            self.project,
        )
    }

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
    pub fn units(&self, which: &[usize], docs: &[Doc], batch_no: &mut usize) -> Vec<Unit> {
        match self.batch_size {
            None => which
                .iter()
                .map(|&i| {
                    let d = &docs[i];
                    let input = &self.inputs[d.input];
                    let uuid = d.uuid_str();
                    let mut m = serde_json::Map::new();
                    m.insert("document_uuid".into(), json!(uuid));
                    m.insert("file_path".into(), json!(self.file_path(d)));
                    m.insert("project_uuid".into(), json!(self.project));
                    m.insert(
                        "document_metadata".into(),
                        json!({
                            "documentId": uuid,
                            "name": input.name(),
                            "file_type": input.file_type(),
                            "project_uuid": self.project,
                        }),
                    );
                    Unit {
                        docs: vec![i],
                        task: self.task(m, task_id(&uuid)),
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
                            let mut e = json!({"document_uuid": d.uuid_str(), "file_path": self.file_path(d)});
                            if let Some(m) = self.inputs[d.input].metadata() {
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
                            "batch_id": format!("{}-{}", self.batch_id, &docs[chunk[0]].uuid_str()[..8]),
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
    pub fn record(&self, d: &Doc) -> String {
        let input = &self.inputs[d.input];
        let mut meta = input.metadata().cloned().unwrap_or_else(|| json!({}));
        if let Json::Object(m) = &mut meta {
            m.insert("sha256".into(), json!(d.sha.hex()));
            m.insert("source_path".into(), json!(input.path.to_string_lossy()));
            if let Some(mt) = input.mime_type() {
                m.insert("mime_type".into(), json!(mt));
            }
        }
        json!({
            "document_uuid": d.uuid_str(),
            "project_uuid": self.project,
            "document_name": input.name(),
            "document_type": input.file_type(),
            "s3_path": self.file_path(d),
            "file_size": d.size,
            "import_session_uuid": self.batch_id,
            "processing_status": "queued",
            "metadata": meta,
        })
        .to_string()
    }
}
