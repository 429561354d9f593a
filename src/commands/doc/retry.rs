//! `ldp doc retry`: enqueue `process_pdf_document` again for documents that
//! failed (or the ones named), never for one in flight. A document has failed
//! when its latest update failed or a permanent batch error names it,
//! whatever `pipeline.status` says (the pipeline leaves `processing` behind a
//! failed OCR poll). The task's `file_path` and `project_uuid` come from
//! `doc:metadata`, else `doc:import`, else PostgreSQL's `source_documents`
//! when a database is configured. The run is recorded as an ldp batch
//! (`retry-...`), so `ldp batch show` follows the retried documents.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use anyhow::Result;
use serde::Serialize;
use serde_json::{Value as Json, json};

use crate::broker::task::{Task, origin};
use crate::clock::parse_naive_utc;
use crate::commands::{Ctx, scan_patterns};
use crate::consent::Consent;
use crate::error::LdpError;
use crate::exit::Exit;
use crate::keyspace::{Family, Registry};
use crate::output::{Output, Report};
use crate::pipeline::ids::ProjectId;
use crate::pipeline::stored::{json_path, read_json};
use crate::pipeline::verdict::{Standing, is_permanent, judge};
use crate::redis::Redis;

const TASK: &str = "scripts.pdf_tasks.process_pdf_document";
/// How long the retry's batch record lives.
const RECORD_TTL: u64 = 30 * 24 * 3600;

/// Plain options of `doc retry`.
#[derive(Debug, Clone)]
pub struct RetryOptions {
    /// The documents named (`--doc`), or empty with `failed`.
    pub docs: Vec<String>,
    /// `--failed`: every document that has failed.
    pub failed: bool,
    pub project: Option<ProjectId>,
    /// Only documents whose latest update is this recent.
    pub since: Option<Duration>,
    pub queue: String,
    pub priority: u8,
    pub consent: Consent,
}

/// One document's verdict and what was done.
#[derive(Debug, Serialize)]
struct Doc {
    document: String,
    standing: &'static str,
    /// retried, would_retry, in_flight, no_file_path
    action: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    file_path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    project: Option<String>,
    /// Where file_path came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    task_id: Option<String>,
}

#[derive(Debug, Serialize)]
struct RetryReport {
    dry_run: bool,
    batch_id: Option<String>,
    retried: usize,
    skipped_in_flight: usize,
    no_file_path: usize,
    documents: Vec<Doc>,
}

impl Report for RetryReport {
    fn text(&self, out: &Output) -> String {
        let mut s = String::new();
        if !self.documents.is_empty() {
            let mut t = out.table(&["document", "standing", "action", "file_path"]);
            t.whole(&[3]); // a path is an identifier: never cut
            for d in &self.documents {
                t.add_row(vec![
                    d.document.clone(),
                    d.standing.to_string(),
                    d.action.replace('_', " "),
                    d.file_path.clone().unwrap_or_else(|| "-".into()),
                ]);
            }
            s.push_str(&format!("{t}\n"));
        }
        let verb = if self.dry_run {
            "would retry"
        } else {
            "retried"
        };
        let n = if self.dry_run {
            self.documents
                .iter()
                .filter(|d| d.action == "would_retry")
                .count()
        } else {
            self.retried
        };
        let mut line = format!("{verb} {} documents", out.count(n as u64));
        if self.skipped_in_flight > 0 {
            line.push_str(&format!(
                "; {} in flight left alone",
                self.skipped_in_flight
            ));
        }
        if self.no_file_path > 0 {
            line.push_str(&format!(
                "; {} without a known file_path",
                self.no_file_path
            ));
        }
        if let Some(b) = &self.batch_id {
            line.push_str(&format!(" (ldp batch show {b})"));
        }
        out.aside(&mut s, line);
        s
    }
}

/// The registry's families a retry reads.
struct Fams<'r> {
    state: &'r Family,
    metadata: &'r Family,
    import: &'r Family,
    batch_error: &'r Family,
}

impl<'r> Fams<'r> {
    fn from(reg: &'r Registry) -> Result<Fams<'r>> {
        let get = |n: &str| {
            reg.get(n).ok_or_else(|| {
                LdpError::usage(format!(
                    "the key registry has no '{n}' family (doc retry needs it)"
                ))
            })
        };
        Ok(Fams {
            state: get("state")?,
            metadata: get("metadata")?,
            import: get("import")?,
            batch_error: get("batch_error")?,
        })
    }
}

/// `ldp doc retry`.
pub async fn retry(ctx: &Ctx, o: RetryOptions) -> Result<Exit> {
    let out = &ctx.out;
    let gate = o.consent.admit(out, &ctx.journal, "retry documents")?;
    let journal = gate.journal();
    if o.failed {
        journal.subject("--failed");
    }
    for d in o.docs.iter().take(100) {
        journal.subject(format!("doc {d}"));
    }
    let reg = ctx.registry()?;
    let fams = Fams::from(&reg)?;
    let redis = ctx.redis().await?;
    let permanent = permanent_errors(&redis, &fams, out).await?;
    let candidates: BTreeSet<String> = if o.failed {
        failed_docs(&redis, &fams, &permanent, &o, out).await?
    } else {
        o.docs.iter().cloned().collect()
    };
    let docs: Vec<String> = candidates.into_iter().collect();
    let states = doc_values(&redis, fams.state, &docs).await?;
    let mut plan = Vec::new();
    for (d, st) in docs.iter().zip(&states) {
        let path = fams
            .state
            .status_path
            .as_deref()
            .unwrap_or("pipeline.status");
        let (standing, _) = judge(st.as_ref(), path, permanent.contains(d));
        plan.push(Doc {
            document: d.clone(),
            standing: standing.name(),
            action: if standing == Standing::InFlight {
                "in_flight"
            } else {
                "would_retry"
            },
            file_path: None,
            project: None,
            source: None,
            task_id: None,
        });
    }
    locate(ctx, &redis, &fams, &mut plan).await?;
    let ready: Vec<usize> = (0..plan.len())
        .filter(|&i| plan[i].action == "would_retry")
        .collect();
    if !ready.is_empty() && gate.will_ask() {
        eprintln!(
            "{} documents to enqueue again on queue {}",
            out.count(ready.len() as u64),
            o.queue
        );
    }
    let go = !ready.is_empty() && gate.confirm(out, "Retry them?")?;
    if !ready.is_empty() && !go && !gate.dry_run {
        out.note("nothing retried");
        return Ok(Exit::Failure);
    }
    let mut batch_id = None;
    if go {
        batch_id = Some(enqueue(ctx, &redis, &o, &mut plan, &ready).await?);
    }
    let count = |a: &str| plan.iter().filter(|d| d.action == a).count();
    journal.matched("documents", plan.len() as u64);
    journal.changed(&format!("queue {}", o.queue), count("retried") as u64);
    let report = RetryReport {
        dry_run: gate.dry_run,
        batch_id,
        retried: count("retried"),
        skipped_in_flight: count("in_flight"),
        no_file_path: count("no_file_path"),
        documents: plan,
    };
    let named_but_skipped = !o.failed && report.skipped_in_flight + report.no_file_path > 0;
    out.print(&report)?;
    Ok(Exit::failed_if(
        named_but_skipped || report.no_file_path > 0,
    ))
}

/// Documents named by a `batch:error` whose category is permanent.
async fn permanent_errors(redis: &Redis, f: &Fams<'_>, out: &Output) -> Result<BTreeSet<String>> {
    let patterns = f
        .batch_error
        .compiled()
        .iter()
        .map(|t| t.glob(None))
        .collect();
    let keys: Vec<Vec<u8>> = scan_patterns(redis, patterns, out)
        .await?
        .into_iter()
        .collect();
    let values = read_json(redis, &keys).await?;
    let mut docs = BTreeSet::new();
    for (k, v) in keys.iter().zip(values) {
        let doc = f
            .batch_error
            .compiled()
            .iter()
            .find_map(|t| t.capture(k, "doc"))
            .map(|d| String::from_utf8_lossy(d).to_ascii_lowercase());
        if let (Some(doc), Some(v)) = (doc, v)
            && is_permanent(&v)
        {
            docs.insert(doc);
        }
    }
    Ok(docs)
}

/// `--failed`: every document whose state says failed (or with a
/// permanent error), in the project and recent enough when asked.
async fn failed_docs(
    redis: &Redis,
    f: &Fams<'_>,
    permanent: &BTreeSet<String>,
    o: &RetryOptions,
    out: &Output,
) -> Result<BTreeSet<String>> {
    let patterns = f.state.compiled().iter().map(|t| t.glob(None)).collect();
    let keys: Vec<Vec<u8>> = scan_patterns(redis, patterns, out)
        .await?
        .into_iter()
        .collect();
    let values = read_json(redis, &keys).await?;
    let path = f.state.status_path.as_deref().unwrap_or("pipeline.status");
    let now = std::time::SystemTime::now();
    let mut found = BTreeSet::new();
    let mut by_doc: BTreeMap<String, Option<Json>> = BTreeMap::new();
    for (k, v) in keys.iter().zip(values) {
        let Some(doc) = f.state.compiled().iter().find_map(|t| t.capture(k, "doc")) else {
            continue;
        };
        by_doc
            .entry(String::from_utf8_lossy(doc).to_ascii_lowercase())
            .or_insert(v);
    }
    for d in permanent {
        by_doc.entry(d.clone()).or_insert(None);
    }
    for (doc, v) in by_doc {
        let (standing, _) = judge(v.as_ref(), path, permanent.contains(&doc));
        if standing != Standing::Failed {
            continue;
        }
        if let (Some(since), Some(v)) = (o.since, &v) {
            let at = json_path(v, "last_update.timestamp")
                .and_then(|t| t.as_str().and_then(parse_naive_utc));
            if at.is_none_or(|t| now.duration_since(t).unwrap_or_default() > since) {
                continue;
            }
        }
        if let Some(p) = &o.project {
            let named = v.as_ref().is_some_and(|v| {
                f.state
                    .project_paths
                    .iter()
                    .any(|path| json_path(v, path).is_some_and(|x| p.is(&x)))
            });
            if !named {
                continue;
            }
        }
        found.insert(doc);
    }
    Ok(found)
}

/// Each document's value of one family (its first template that exists).
async fn doc_values(redis: &Redis, fam: &Family, docs: &[String]) -> Result<Vec<Option<Json>>> {
    let mut out: Vec<Option<Json>> = vec![None; docs.len()];
    for t in fam.compiled() {
        let idx: Vec<usize> = (0..docs.len()).filter(|&i| out[i].is_none()).collect();
        let keys: Vec<Vec<u8>> = idx.iter().filter_map(|&i| t.exact(&docs[i])).collect();
        if keys.len() != idx.len() {
            continue;
        }
        for (&i, v) in idx.iter().zip(read_json(redis, &keys).await?) {
            out[i] = v;
        }
    }
    Ok(out)
}

/// Where each document's file is, and its project: doc:metadata, then
/// doc:import, then PostgreSQL.
async fn locate(ctx: &Ctx, redis: &Redis, f: &Fams<'_>, plan: &mut [Doc]) -> Result<()> {
    let docs: Vec<String> = plan.iter().map(|d| d.document.clone()).collect();
    let meta = doc_values(redis, f.metadata, &docs).await?;
    let import = doc_values(redis, f.import, &docs).await?;
    let text = |v: &Option<Json>, p: &str| {
        v.as_ref()
            .and_then(|v| json_path(v, p))
            .and_then(|x| x.as_str().map(str::to_string))
    };
    for (i, d) in plan.iter_mut().enumerate() {
        if let Some(fp) = text(&meta[i], "file_path") {
            d.file_path = Some(fp);
            d.project = text(&meta[i], "project_uuid");
            d.source = Some("doc:metadata");
        } else if let Some(fp) = text(&import[i], "s3_path") {
            d.file_path = Some(fp);
            d.project = text(&import[i], "project_uuid");
            d.source = Some("doc:import");
        }
    }
    let missing: Vec<uuid::Uuid> = plan
        .iter()
        .filter(|d| d.file_path.is_none() || d.project.is_none())
        .filter_map(|d| uuid::Uuid::parse_str(&d.document).ok())
        .collect();
    if !missing.is_empty()
        && let Some(url) = &ctx.settings.intake.database_url
    {
        let source = ctx
            .settings
            .intake
            .database_source
            .as_deref()
            .unwrap_or("--database-url");
        let db =
            crate::intake::db::Db::connect(url, ctx.settings.intake.db_ssl_mode.as_deref(), source)
                .await?;
        let rows = db.document_paths(&missing).await?;
        for d in plan.iter_mut() {
            if let Some([fp, project, _, _]) = rows.get(&d.document) {
                if d.file_path.is_none() && fp.is_some() {
                    d.file_path = fp.clone();
                    d.source = Some("source_documents");
                }
                if d.project.is_none() {
                    d.project = project.clone();
                }
            }
        }
    }
    for d in plan.iter_mut() {
        if d.action == "would_retry" && (d.file_path.is_none() || d.project.is_none()) {
            d.action = "no_file_path";
        }
    }
    Ok(())
}

/// LPUSH a fresh task per document; record the run as an ldp batch.
async fn enqueue(
    ctx: &Ctx,
    redis: &Redis,
    o: &RetryOptions,
    plan: &mut [Doc],
    ready: &[usize],
) -> Result<String> {
    let broker = ctx.broker().await?;
    let layout = &ctx.settings.broker_layout;
    let batch_id = format!("retry-{}", uuid::Uuid::new_v4());
    let key = layout.publish_key(&o.queue, o.priority);
    let from = origin();
    let mut p = redis::pipe();
    for &i in ready {
        let d = &mut plan[i];
        let project = d.project.clone().unwrap_or_default();
        let id = uuid::Uuid::new_v4().to_string();
        let mut kwargs = serde_json::Map::new();
        kwargs.insert("document_uuid".into(), json!(d.document));
        kwargs.insert("file_path".into(), json!(d.file_path));
        kwargs.insert("project_uuid".into(), json!(project));
        let name = d
            .file_path
            .as_deref()
            .and_then(|f| f.rsplit('/').next())
            .unwrap_or_default()
            .to_string();
        let file_type = name
            .rsplit_once('.')
            .map_or("", |(_, e)| e)
            .to_ascii_lowercase();
        kwargs.insert(
            "document_metadata".into(),
            json!({"documentId": d.document, "name": name, "file_type": file_type, "project_uuid": project}),
        );
        let task = Task {
            name: TASK.into(),
            id: id.clone(),
            kwargs,
            queue: o.queue.clone(),
            priority: o.priority,
        };
        p.cmd("LPUSH").arg(&key).arg(task.envelope(&from)).ignore();
        d.task_id = Some(id);
    }
    broker
        .node(0)
        .pipe::<()>(&p)
        .await
        .map_err(|e| crate::redis::script::server_error(broker.node(0), "enqueueing", e))?;
    for &i in ready {
        plan[i].action = "retried";
    }
    record(ctx, redis, o, plan, ready, &batch_id).await?;
    Ok(batch_id)
}

/// The retry as an ldp batch: `ldp:batch:{id}` and its document set.
async fn record(
    ctx: &Ctx,
    redis: &Redis,
    o: &RetryOptions,
    plan: &[Doc],
    ready: &[usize],
    batch_id: &str,
) -> Result<()> {
    let reg = ctx.registry()?;
    let key = |fam: &str| -> Result<Vec<u8>> {
        reg.get(fam)
            .and_then(|f| f.compiled().first())
            .and_then(|t| {
                t.fill_exact(&[("batch", batch_id.as_bytes()), ("id", batch_id.as_bytes())])
            })
            .ok_or_else(|| {
                LdpError::usage(format!(
                    "the key registry's '{fam}' family cannot name a batch"
                ))
            })
    };
    let projects: BTreeSet<&str> = ready
        .iter()
        .filter_map(|&i| plan[i].project.as_deref())
        .collect();
    let project = if projects.len() == 1 {
        projects.into_iter().next().unwrap_or_default()
    } else {
        ""
    };
    let rec = crate::pipeline::ldp_batch::Record {
        batch_id,
        project,
        queue: &o.queue,
        priority: o.priority,
        documents: ready.len(),
    };
    crate::pipeline::ldp_batch::write(redis, &key("ldp_batch")?, RECORD_TTL, &rec).await?;
    let docs: Vec<String> = ready.iter().map(|&i| plan[i].document.clone()).collect();
    crate::pipeline::ldp_batch::add_documents(redis, &key("ldp_batch_docs")?, RECORD_TTL, &docs)
        .await
}
