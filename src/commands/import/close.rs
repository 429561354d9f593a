//! After the loop: complete what an earlier, stopped run left (rows without
//! their task, doc:import records, the index and batch sets), close the
//! intake's session, and count what the intake's stages did.

use anyhow::Result;
use redis::Value;

use super::enqueue::{KeyNames, MARK_INTAKE, write_cache_side};
use super::plan::{Doc, Docs, Plan};
use super::report::DocStatus;
use super::report::{ImportReport, IntakeReport, Verdicts};
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
    st: &Docs,
    plan: &Plan<'_>,
    intake: Option<&Intake>,
    tally: &mut Tally,
) -> Result<Option<String>> {
    let again = st.with_status(DocStatus::AlreadyImported);
    let record = |d: &Doc| plan.record(d);
    // In slices: a re-run of a million documents holds a slice's keys and
    // records at a time, not all of them.
    for slice in again.chunks(COMPLETE_SLICE) {
        if let Some(ik) = intake {
            // A run killed between the enqueue and the row update left rows
            // without their task: the marker holds the task's id.
            let pairs = task_ids(s, &st.docs, slice).await?;
            match ik.db.mark_enqueued(&pairs).await {
                Ok(n) => tally.updated += n as usize,
                Err(e) => {
                    return Ok(Some(format!(
                        "{}: run the same import again to finish",
                        crate::error::one_line(&e)
                    )));
                }
            }
        }
        write_cache_side(s.cache, s.keys, &st.docs, slice, &record, !s.in_script).await?;
    }
    Ok(None)
}

/// Documents completed per round.
const COMPLETE_SLICE: usize = 5000;

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
            Some((docs[i].uuid, id))
        })
        .collect())
}

/// Documents a previous run had taken through every stage (none of them
/// uploaded or registered now).
pub fn skipped(st: &Docs, tally: &Tally) -> usize {
    st.with_status(DocStatus::AlreadyImported)
        .into_iter()
        .filter(|d| !tally.touched.contains(d))
        .count()
}

/// Close the intake's import session with the run's counts and put the
/// stages' figures in the report.
pub async fn close_session(
    ik: &Intake,
    report: &mut ImportReport,
    verdicts: &Verdicts,
    skipped: usize,
    tally: &Tally,
) {
    let count = |s: DocStatus| verdicts.count(s);
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
    let total = verdicts.total() - count(DocStatus::Duplicate);
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
}
