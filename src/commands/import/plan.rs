//! The plan: each file's identity (UUIDv5 of the project and its SHA-256),
//! duplicates, a typed status per document, and the tasks that carry them.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::{Value as Json, json};

use super::inputs::{Hashed, Input, render_path};
use crate::broker::task::Task;

/// What happened to one input file.
#[derive(Debug, Clone, Serialize)]
pub struct FileResult {
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_uuid: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
    pub status: DocStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// What became of a file or document; `-o json` names it in snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocStatus {
    /// Hashing or on its way (never in a final report).
    Pending,
    /// A stopped run did not get to it: a re-run does.
    NotEnqueued,
    /// A dry run's verdict.
    WouldImport,
    /// Enqueued by this run.
    New,
    /// A previous run enqueued it.
    AlreadyImported,
    /// The same content as an earlier file of this run.
    Duplicate,
    /// Unreadable, or its upload failed.
    Failed,
    /// Sent, but the reply was lost (a timeout, a dropped connection): it may
    /// be enqueued; a re-run settles it without enqueueing it twice.
    Unknown,
}

/// One unit of enqueueing: a document (single mode) or a batch task's documents.
pub struct Unit {
    /// Indexes into the unique documents.
    pub docs: Vec<usize>,
    pub task: Task,
}

pub struct Doc {
    pub input: usize,
    pub sha: String,
    pub size: u64,
    pub uuid: String,
    pub file_path: String,
}

/// The run's documents as hashes arrive: identity, duplicates, statuses.
pub struct Docs<'p> {
    pub results: Vec<FileResult>,
    pub docs: Vec<Doc>,
    /// Per document: what became of it.
    pub status: Vec<DocStatus>,
    by_sha: HashMap<String, usize>,
    ns: uuid::Uuid,
    project: &'p str,
    template: Option<&'p str>,
}

impl<'p> Docs<'p> {
    pub fn new(n: usize, ns: uuid::Uuid, project: &'p str, template: Option<&'p str>) -> Docs<'p> {
        let placeholder = FileResult {
            file: String::new(),
            document_uuid: None,
            sha256: None,
            status: DocStatus::Pending,
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
    pub fn pending_results(&self) -> usize {
        self.results
            .iter()
            .filter(|r| r.status == DocStatus::Pending)
            .count()
    }

    /// Record input `i`'s hash; returns the index of a new document, or None
    /// for a failure or a duplicate of an earlier file.
    pub fn absorb(&mut self, inputs: &[Input], i: usize, h: Hashed) -> Option<usize> {
        let input = &inputs[i];
        let file = input.path.to_string_lossy().into_owned();
        let (sha, size) = match h {
            Err(e) => {
                self.results[i] = FileResult {
                    file,
                    document_uuid: None,
                    sha256: None,
                    status: DocStatus::Failed,
                    duplicate_of: None,
                    error: Some(e.to_string()),
                };
                return None;
            }
            Ok(x) => x,
        };
        let uuid = document_uuid(&self.ns, &sha);
        if let Some(&first) = self.by_sha.get(&sha) {
            self.results[i] = FileResult {
                file,
                document_uuid: Some(uuid),
                sha256: Some(sha),
                status: DocStatus::Duplicate,
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
        self.status.push(DocStatus::NotEnqueued);
        self.results[i] = FileResult {
            file,
            document_uuid: Some(uuid),
            sha256: Some(sha),
            status: DocStatus::Pending,
            duplicate_of: None,
            error: None,
        };
        Some(self.docs.len() - 1)
    }

    /// The per-file results with each document's final status (files an
    /// interrupted run never reached are `not_enqueued`).
    pub fn into_results(mut self, inputs: &[Input]) -> Vec<FileResult> {
        for (d, s) in self.docs.iter().zip(&self.status) {
            self.results[d.input].status = *s;
        }
        for (i, r) in self.results.iter_mut().enumerate() {
            if r.status == DocStatus::Pending {
                r.status = DocStatus::NotEnqueued;
                if r.file.is_empty() {
                    r.file = inputs[i].path.to_string_lossy().into_owned();
                }
            }
        }
        self.results
    }
}

/// A document's identity: UUIDv5 of its project's UUID and its hex SHA-256,
/// as Python's `uuid.uuid5(project, sha256)` computes it.
pub fn document_uuid(project: &uuid::Uuid, sha256_hex: &str) -> String {
    uuid::Uuid::new_v5(project, sha256_hex.as_bytes()).to_string()
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
    pub fn units(&self, which: &[usize], docs: &[Doc], batch_no: &mut usize) -> Vec<Unit> {
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
    pub fn record(&self, d: &Doc) -> String {
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
