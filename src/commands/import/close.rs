//! After the loop: complete what an earlier, stopped run left (rows without
//! their task, doc:import records, the index and batch sets), close the
//! intake's session, and count what the intake's stages did.

use anyhow::Result;
use redis::Value;

use super::enqueue::{KeyNames, MARK_INTAKE, write_cache_side};
use super::plan::FileResult;
use super::plan::{Doc, DocStatus, Docs, Plan};
use super::report::{ImportReport, IntakeReport};
use super::run::Tally;
use crate::intake::stage::Intake;
use crate::redis::Redis;

/// Where the run's keys live.
pub struct Servers<'a> {
    pub broker: &'a Redis,
    pub cache: &'a Redis,
    pub keys: &'a KeyNames,
    /// doc:import was written by the enqueue script.
    pub in_script: bool,
}

/// Every document of the run belongs to its batch and its project's index,
/// also those a previous run enqueued; with the caches on another server a
/// re-run also completes the doc:import records a crash may have missed.
/// Returns why the run stopped, if completing it failed in a way a re-run
/// mends.
pub async fn complete(
    s: &Servers<'_>,
    st: &Docs<'_>,
    plan: &Plan<'_>,
    intake: Option<&Intake>,
    tally: &mut Tally,
) -> Result<Option<String>> {
    let again: Vec<usize> = (0..st.docs.len())
        .filter(|&i| st.status[i] == DocStatus::AlreadyImported)
        .collect();
    let mut stopped = None;
    if let Some(ik) = intake
        && !again.is_empty()
    {
        // A run killed between the enqueue and the row update left rows
        // without their task: the marker holds the task's id.
        let pairs = task_ids(s, &st.docs, &again).await?;
        match ik.db.mark_enqueued(&pairs).await {
            Ok(n) => tally.updated += n as usize,
            Err(e) => {
                stopped = Some(format!(
                    "{}: run the same import again to finish",
                    crate::error::one_line(&e)
                ))
            }
        }
    }
    let record = |d: &Doc| plan.record(d);
    write_cache_side(s.cache, s.keys, &st.docs, &again, &record, !s.in_script).await?;
    Ok(stopped)
}

/// The task id each marker holds, for documents `which`.
async fn task_ids(
    s: &Servers<'_>,
    docs: &[Doc],
    which: &[usize],
) -> Result<Vec<(uuid::Uuid, String)>> {
    let markers: Vec<Vec<u8>> = which.iter().map(|&i| s.keys.marker(&docs[i])).collect();
    let ids = s
        .broker
        .per_key(&markers, 1, true, |p, k| {
            p.cmd("GET").arg(k);
        })
        .await?;
    Ok(which
        .iter()
        .zip(ids)
        .filter_map(|(&i, v)| {
            let id = match v.first() {
                Some(Value::BulkString(b)) => {
                    String::from_utf8(b.strip_prefix(MARK_INTAKE).unwrap_or(b).to_vec()).ok()?
                }
                _ => return None,
            };
            Some((uuid::Uuid::parse_str(&docs[i].uuid).ok()?, id))
        })
        .collect())
}

/// Close the intake's import session with the run's counts and put the
/// stages' figures in the report.
pub async fn close_session(
    ik: &Intake,
    report: &mut ImportReport,
    st: Docs<'_>,
    inputs: &[super::inputs::Input],
    tally: &Tally,
) -> Vec<FileResult> {
    // Skipped: a previous run had already uploaded, registered and enqueued them.
    let skipped = (0..st.docs.len())
        .filter(|&i| st.status[i] == DocStatus::AlreadyImported && !tally.touched.contains(&i))
        .count();
    let results = st.into_results(inputs);
    let count = |s: DocStatus| results.iter().filter(|r| r.status == s).count();
    let (new, already, failed) = (
        count(DocStatus::New),
        count(DocStatus::AlreadyImported),
        count(DocStatus::Failed),
    );
    let status = match (&report.stopped, failed) {
        (Some(_), _) => "interrupted",
        (None, 0) => "completed",
        _ => "completed_with_errors",
    };
    let total = results
        .iter()
        .filter(|r| r.status != DocStatus::Duplicate)
        .count();
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
    results
}
