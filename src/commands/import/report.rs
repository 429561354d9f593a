//! What an import reports: each file's verdict the moment it is final
//! (streamed with `-o json`/`ndjson`, so memory stays flat however many
//! files), per stage, and the run's verdict.

use std::time::Instant;

use anyhow::Result;
use serde::Serialize;

use crate::exit::Exit;
use crate::output::{self, Output, RecordStream, Report};

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

impl DocStatus {
    /// Whether nothing later in the run changes it: its verdict can go out.
    pub fn is_final(self) -> bool {
        !matches!(self, DocStatus::Pending | DocStatus::NotEnqueued)
    }
}

/// Duplicates the text report names (the JSON lists every one).
const SHOWN_DUPLICATES: usize = 10;
/// Failures the text report names.
const SHOWN_FAILURES: usize = 100;

/// What the report says before the first file is decided.
#[derive(Debug, Clone, Serialize)]
pub struct Head {
    pub project: String,
    pub batch_id: String,
    pub mode: &'static str,
    pub queue: String,
    pub priority: u8,
    pub dry_run: bool,
    pub files: usize,
    pub skipped_by_filter: usize,
}

/// Each file's verdict as it is decided: streamed, counted, and a few kept
/// for the text report.
pub struct Verdicts {
    stream: RecordStream,
    counts: [usize; 8],
    duplicates: Vec<(String, String)>,
    failures: Vec<(String, String)>,
}

impl Verdicts {
    pub fn new(out: &Output, head: &Head) -> Verdicts {
        Verdicts {
            stream: RecordStream::new(out, "documents", head),
            counts: [0; 8],
            duplicates: Vec::new(),
            failures: Vec::new(),
        }
    }

    pub fn push(&mut self, r: &FileResult) {
        self.counts[r.status as usize] += 1;
        match r.status {
            DocStatus::Duplicate if self.duplicates.len() < SHOWN_DUPLICATES => {
                let of = r.duplicate_of.clone().unwrap_or_else(|| "?".into());
                self.duplicates.push((r.file.clone(), of));
            }
            DocStatus::Failed if self.failures.len() < SHOWN_FAILURES => {
                let why = r.error.clone().unwrap_or_else(|| "?".into());
                self.failures.push((r.file.clone(), why));
            }
            _ => {}
        }
        self.stream.push(r);
    }

    /// Records go to stdout from now on (held until the run has begun, so
    /// an import refused at the start prints no partial report).
    pub fn go_live(&mut self) {
        self.stream.go_live();
    }

    pub fn count(&self, s: DocStatus) -> usize {
        self.counts[s as usize]
    }

    /// Files with a verdict so far.
    pub fn total(&self) -> usize {
        self.counts.iter().sum()
    }
}

#[derive(Debug, Serialize)]
pub struct ImportReport {
    #[serde(flatten)]
    pub head: Head,
    pub new: usize,
    pub already_imported: usize,
    pub duplicates: usize,
    pub failed: usize,
    /// Files an interrupted or stopped run did not get to (a re-run does).
    pub not_enqueued: usize,
    /// Sent when the connection failed: maybe enqueued (a re-run settles it).
    pub unknown: usize,
    /// Why the import stopped early (Redis refusing writes, ...), if it did.
    pub stopped: Option<String>,
    /// Stopped by Ctrl-C (or SIGTERM): exit 130 (143).
    #[serde(skip)]
    pub signal: Option<i32>,
    /// Per stage, when the whole intake ran (a database was configured).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub intake: Option<IntakeReport>,
    pub seconds: f64,
    /// The first duplicates and failures, for the text report.
    #[serde(skip)]
    pub duplicates_shown: Vec<(String, String)>,
    #[serde(skip)]
    pub failures_shown: Vec<(String, String)>,
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
    fn text(&self, out: &Output) -> String {
        let mut s = format!(
            "{}{} files -> project {} (batch {}, {} on {} priority {}) in {:.1}s\n  new {}, already imported {}, duplicates {}, failed {}\n",
            if self.head.dry_run { "dry run: " } else { "" },
            output::thousands(self.head.files as u64),
            self.head.project,
            self.head.batch_id,
            self.head.mode,
            self.head.queue,
            self.head.priority,
            self.seconds,
            output::thousands(self.new as u64),
            output::thousands(self.already_imported as u64),
            output::thousands(self.duplicates as u64),
            output::thousands(self.failed as u64),
        );
        for (file, of) in &self.duplicates_shown {
            s.push_str(&format!("  duplicate: {file} = {of}\n"));
        }
        for (file, why) in &self.failures_shown {
            s.push_str(&format!("  failed: {file}: {why}\n"));
        }
        if self.failed > self.failures_shown.len() {
            s.push_str(&format!(
                "  and {} more failed (-o json lists every file)\n",
                self.failed - self.failures_shown.len()
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
        if self.unknown > 0 {
            s.push_str(&format!(
                "  unknown {}: sent when the connection failed, maybe enqueued; a re-run settles them\n",
                out.count(self.unknown as u64)
            ));
        }
        if let Some(why) = &self.stopped {
            s.push_str(&format!("  stopped: {why}\n"));
        }
        s
    }
}

/// Fill in the counts and print the report's end; exit 1 when anything failed.
pub fn finish(
    out: &Output,
    mut report: ImportReport,
    verdicts: Verdicts,
    started: Instant,
) -> Result<Exit> {
    let stream = fill(&mut report, verdicts, started);
    let failed = report.failed > 0 || report.stopped.is_some();
    stream.finish(out, &report)?;
    // Faults are loud: a stop is one line on stderr too, whatever the format.
    if let Some(why) = &report.stopped {
        out.warn(format!(
            "import stopped after {} of {} documents: {why}",
            report.new + report.already_imported,
            report.head.files - report.duplicates
        ));
    }
    Ok(match report.signal {
        Some(sig) => Exit::from_signal(sig),
        None => Exit::failed_if(failed),
    })
}

/// End the report of a run that failed with an error (the caller returns
/// the error, which is the one line on stderr).
pub fn close_quietly(
    out: &Output,
    mut report: ImportReport,
    verdicts: Verdicts,
    started: Instant,
) -> Result<()> {
    let stream = fill(&mut report, verdicts, started);
    stream.finish(out, &report)
}

/// The counts from the verdicts; returns the stream to end.
fn fill(report: &mut ImportReport, verdicts: Verdicts, started: Instant) -> RecordStream {
    let count = |s: DocStatus| verdicts.count(s);
    report.new = count(DocStatus::New) + count(DocStatus::WouldImport);
    report.already_imported = count(DocStatus::AlreadyImported);
    report.duplicates = count(DocStatus::Duplicate);
    report.failed = count(DocStatus::Failed);
    report.not_enqueued = count(DocStatus::NotEnqueued);
    report.unknown = count(DocStatus::Unknown);
    report.seconds = started.elapsed().as_secs_f64();
    report.duplicates_shown = verdicts.duplicates;
    report.failures_shown = verdicts.failures;
    verdicts.stream
}
