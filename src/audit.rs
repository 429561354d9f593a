//! The audit trail of destructive actions: one entry per run that went past
//! the consent gate, in the Redis stream `ldp:audit` (capped) and, when
//! configured, a local JSON-lines file. "Who deleted what, when" must have
//! an answer, so an entry that cannot be written is said out loud.
//!
//! The gate ([`crate::consent::Admitted`]) marks the [`Journal`] when a change
//! begins and the command adds its counts there; the command runner writes
//! the entry once the command has ended, whatever the outcome.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::redis::Redis;

/// The stream every entry goes to.
pub const STREAM: &str = "ldp:audit";
/// Entries kept (approximately: `XADD ... MAXLEN ~`).
pub const MAXLEN: u64 = 100_000;

/// Where entries go, and whether a missing entry is fatal.
#[derive(Debug, Clone, Default)]
pub struct AuditSettings {
    /// A local JSON-lines file that receives every entry too.
    pub file: Option<PathBuf>,
    /// `--require-audit`: check before anything changes that the entry can be
    /// written, and fail the run when it could not be.
    pub required: bool,
    /// `$USER`, else `$LOGNAME`, as the environment gave them; the password
    /// database is only asked (see [`crate::host::os_user`]) when an entry is
    /// written, not on every run.
    pub env_user: Option<String>,
}

/// What a run did, as the command tells it while it works.
#[derive(Debug, Default)]
struct State {
    began: bool,
    declined: bool,
    subject: Vec<String>,
    matched: BTreeMap<String, u64>,
    changed: BTreeMap<String, u64>,
}

/// One run's record: the gate begins it when a run is admitted to change
/// things, the command adds what it named, matched and changed.
#[derive(Debug, Default)]
pub struct Journal {
    state: Mutex<State>,
}

impl Journal {
    fn with<R>(&self, f: impl FnOnce(&mut State) -> R) -> R {
        // A poisoned lock still holds the counts; keep them.
        let mut g = match self.state.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        };
        f(&mut g)
    }

    /// A change begins: this run gets an entry.
    pub fn begin(&self) {
        self.with(|s| s.began = true);
    }

    pub fn began(&self) -> bool {
        self.with(|s| s.began)
    }

    /// The person answered no at the prompt: nothing changed.
    pub fn declined(&self) {
        self.with(|s| s.declined = true);
    }

    /// What the operator named (a pattern, a document, a lock, a queue).
    pub fn subject(&self, what: impl Into<String>) {
        let what = what.into();
        self.with(|s| {
            if !s.subject.contains(&what) {
                s.subject.push(what)
            }
        });
    }

    /// `n` more things matched under `what` (a family, a queue, "keys").
    pub fn matched(&self, what: &str, n: u64) {
        self.with(|s| *s.matched.entry(what.to_string()).or_default() += n);
    }

    /// Whether anything was changed.
    pub fn changed_any(&self) -> bool {
        self.with(|s| s.changed.values().any(|n| *n > 0))
    }

    /// `n` things matched under `what` in all (a second pass counts anew).
    pub fn set_matched(&self, what: &str, n: u64) {
        self.with(|s| s.matched.insert(what.to_string(), n));
    }

    /// `n` more things changed under `what`.
    pub fn changed(&self, what: &str, n: u64) {
        self.with(|s| *s.changed.entry(what.to_string()).or_default() += n);
    }

    /// The entry for a run of `action` that ended with `outcome`.
    pub fn entry(
        &self,
        action: &str,
        command: &[String],
        outcome: Outcome,
        who: &AuditSettings,
    ) -> Entry {
        self.with(|s| Entry {
            time: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            user: crate::host::os_user(who.env_user.clone()),
            host: crate::host::hostname(),
            action: action.to_string(),
            command: command.to_vec(),
            subject: s.subject.clone(),
            matched: s.matched.clone(),
            changed: s.changed.clone(),
            outcome: if s.declined {
                "declined".into()
            } else {
                outcome.word.to_string()
            },
            exit: outcome.exit,
            error: outcome.error,
            id: None,
        })
    }
}

/// How a run ended, for its entry.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// ok, failed, interrupted, error
    pub word: &'static str,
    pub exit: u8,
    pub error: Option<String>,
}

/// One audit entry, as written to the stream and the file.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Entry {
    /// The stream entry's ID (when read back).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub id: Option<String>,
    /// UTC, RFC 3339 with milliseconds.
    pub time: String,
    pub user: String,
    pub host: String,
    /// The command's path: `keys delete`, `cache clear`, ...
    pub action: String,
    /// The command line, secrets redacted.
    pub command: Vec<String>,
    /// What the operator named.
    pub subject: Vec<String>,
    /// What matched, per family, queue or kind.
    pub matched: BTreeMap<String, u64>,
    /// What was changed, per family, queue or kind.
    pub changed: BTreeMap<String, u64>,
    /// ok, declined, failed, interrupted or error.
    pub outcome: String,
    pub exit: u8,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub error: Option<String>,
}

/// The fields of a stream entry, in order (the JSON-valued ones as JSON).
const FIELDS: [&str; 11] = [
    "time", "user", "host", "action", "command", "subject", "matched", "changed", "outcome",
    "exit", "error",
];

impl Entry {
    fn fields(&self) -> Result<Vec<(&'static str, String)>> {
        Ok(vec![
            (FIELDS[0], self.time.clone()),
            (FIELDS[1], self.user.clone()),
            (FIELDS[2], self.host.clone()),
            (FIELDS[3], self.action.clone()),
            (FIELDS[4], serde_json::to_string(&self.command)?),
            (FIELDS[5], serde_json::to_string(&self.subject)?),
            (FIELDS[6], serde_json::to_string(&self.matched)?),
            (FIELDS[7], serde_json::to_string(&self.changed)?),
            (FIELDS[8], self.outcome.clone()),
            (FIELDS[9], self.exit.to_string()),
            (FIELDS[10], self.error.clone().unwrap_or_default()),
        ])
    }

    /// An entry read back from the stream; fields it lacks stay empty, so
    /// a later ldp's extra fields or an older one's missing ones still read.
    fn from_fields(id: String, map: &BTreeMap<String, String>) -> Entry {
        let s = |k: &str| map.get(k).cloned().unwrap_or_default();
        Entry {
            id: Some(id),
            time: s("time"),
            user: s("user"),
            host: s("host"),
            action: s("action"),
            command: json_field(map, "command"),
            subject: json_field(map, "subject"),
            matched: json_field(map, "matched"),
            changed: json_field(map, "changed"),
            outcome: s("outcome"),
            exit: s("exit").parse().unwrap_or(0),
            error: map.get("error").filter(|e| !e.is_empty()).cloned(),
        }
    }
}

/// A JSON-valued field; empty when missing or unreadable.
fn json_field<T: serde::de::DeserializeOwned + Default>(
    map: &BTreeMap<String, String>,
    k: &str,
) -> T {
    map.get(k)
        .and_then(|v| serde_json::from_str(v).ok())
        .unwrap_or_default()
}

/// Append `e` to the stream (capped).
pub async fn append_stream(redis: &Redis, e: &Entry) -> Result<String> {
    let mut cmd = redis::cmd("XADD");
    cmd.arg(STREAM).arg("MAXLEN").arg("~").arg(MAXLEN).arg("*");
    for (k, v) in e.fields()? {
        cmd.arg(k).arg(v);
    }
    redis
        .query_key(STREAM.as_bytes(), &cmd)
        .await
        .with_context(|| format!("XADD {STREAM}"))
}

/// Append `e` as one JSON line to `path`.
pub fn append_file(path: &Path, e: &Entry) -> Result<()> {
    let mut line = serde_json::to_vec(e)?;
    line.push(b'\n');
    let mut f = open_file(path)?;
    // One write of one line: concurrent runs' lines do not interleave.
    f.write_all(&line)
        .with_context(|| format!("cannot write the audit file {}", path.display()))
}

fn open_file(path: &Path) -> Result<std::fs::File> {
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .with_context(|| format!("cannot open the audit file {}", path.display()))
}

/// Before anything changes (`--require-audit`): the file opens for append,
/// and the stream is one this user may append to.
pub async fn preflight(redis: &Redis, settings: &AuditSettings) -> Result<()> {
    if let Some(p) = &settings.file {
        open_file(p)?;
    }
    let kind: String = redis
        .read_key(STREAM.as_bytes(), redis::cmd("TYPE").arg(STREAM))
        .await
        .with_context(|| format!("TYPE {STREAM}"))?;
    if kind != "none" && kind != "stream" {
        anyhow::bail!("{STREAM} is a {kind}, not a stream");
    }
    // A write to the stream that adds nothing: XTRIM needs the same write
    // permission on the key as XADD (where ACL DRYRUN is not ours to run).
    let _: i64 = redis
        .query_key(
            STREAM.as_bytes(),
            redis::cmd("XTRIM")
                .arg(STREAM)
                .arg("MAXLEN")
                .arg("~")
                .arg(MAXLEN),
        )
        .await
        .with_context(|| format!("XTRIM {STREAM} (a probe of write access)"))?;
    Ok(())
}

/// Entries from `since_ms` (a stream ID's time) on, oldest first; with
/// `newest`, only the last that many (read from the end: the stream holds up
/// to 100,000 entries).
pub async fn read(
    redis: &Redis,
    since_ms: Option<u64>,
    newest: Option<usize>,
) -> Result<Vec<Entry>> {
    let start = since_ms.map_or_else(|| "-".to_string(), |ms| ms.to_string());
    let cmd = match newest {
        Some(n) => {
            let mut c = redis::cmd("XREVRANGE");
            c.arg(STREAM).arg("+").arg(&start).arg("COUNT").arg(n);
            c
        }
        None => {
            let mut c = redis::cmd("XRANGE");
            c.arg(STREAM).arg(&start).arg("+");
            c
        }
    };
    let mut reply: Vec<(String, Vec<(String, String)>)> = redis
        .read_key(STREAM.as_bytes(), &cmd)
        .await
        .with_context(|| format!("reading {STREAM}"))?;
    if newest.is_some() {
        reply.reverse();
    }
    Ok(reply
        .into_iter()
        .map(|(id, fields)| Entry::from_fields(id, &fields.into_iter().collect()))
        .collect())
}

/// The command line as the entry shows it: every connection string loses its
/// password (`--url=redis://u:p@h` too).
pub fn redact_command(args: &[std::ffi::OsString]) -> Vec<String> {
    args.iter()
        .map(|a| {
            let a = a.to_string_lossy();
            match a.split_once('=') {
                Some((flag, v)) if flag.starts_with("--") && v.contains("://") => {
                    format!("{flag}={}", crate::redact::redact(v))
                }
                _ if a.contains("://") => crate::redact::redact(&a),
                _ => a.into_owned(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_lines_lose_passwords() {
        let args: Vec<std::ffi::OsString> = [
            "ldp",
            "--url",
            "redis://u:hunter2@h:1/0",
            "--broker-url=rediss://:s3cret@b:2",
            "keys",
            "delete",
            "doc:*",
        ]
        .iter()
        .map(Into::into)
        .collect();
        let shown = redact_command(&args).join(" ");
        assert!(
            !shown.contains("hunter2") && !shown.contains("s3cret"),
            "{shown}"
        );
        assert!(shown.contains("keys delete doc:*"), "{shown}");
    }

    #[test]
    fn entries_round_trip_through_fields() {
        let j = Journal::default();
        j.begin();
        j.subject("doc:*");
        j.matched("keys", 3);
        j.changed("chunk_entities", 2);
        j.changed("chunk_entities", 1);
        let who = AuditSettings {
            env_user: Some("ann".into()),
            ..Default::default()
        };
        let outcome = Outcome {
            word: "ok",
            exit: 0,
            error: None,
        };
        let e = j.entry("keys delete", &["ldp".into()], outcome, &who);
        assert_eq!(e.changed["chunk_entities"], 3);
        assert_eq!(e.user, "ann");
        let map: BTreeMap<String, String> = e
            .fields()
            .unwrap()
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        let back = Entry::from_fields("1-0".into(), &map);
        assert_eq!(
            back,
            Entry {
                id: Some("1-0".into()),
                ..e
            }
        );
    }
}
