//! clap definitions only: the command-line surface, parsed into plain values
//! by `config` before any logic runs.

use std::ffi::OsString;
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use crate::commands::import::BatchLane;
pub use crate::commands::keys::ScanField;
pub use crate::output::{ColorWhen, OutputFormat};

/// clap's `ValueEnum` for a plain enum defined where it is used, so the
/// command and output modules never name clap: each value once, with its name.
macro_rules! value_enum {
    ($ty:ty { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl ValueEnum for $ty {
            fn value_variants<'a>() -> &'a [Self] {
                &[$(<$ty>::$variant),+]
            }
            fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
                Some(clap::builder::PossibleValue::new(match self {
                    $(<$ty>::$variant => $name),+
                }))
            }
        }
    };
}

value_enum!(OutputFormat { Table => "table", Json => "json", Ndjson => "ndjson", Nagios => "nagios", Prometheus => "prometheus" });
value_enum!(ColorWhen { Auto => "auto", Always => "always", Never => "never" });
value_enum!(ScanField { Ttl => "ttl", Type => "type", Memory => "memory" });
value_enum!(BatchLane { High => "high", Normal => "normal", Low => "low" });

/// The heading of the options every command takes.
const GLOBAL: &str = "Global options";
/// The heading of the broker-layout options.
const BROKER: &str = "Celery broker layout (global)";

/// The command line: the derived definition with each command's formats and
/// examples (from `commands::meta`) added to its help. Use this, not
/// `Cli::command()`.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    let mut cmd = Cli::command();
    for m in crate::commands::meta::COMMANDS {
        let mut text = format!(
            "Output formats (-o): {}",
            m.formats
                .iter()
                .map(|f| f.name())
                .collect::<Vec<_>>()
                .join(", ")
        );
        if !m.examples.is_empty() {
            text.push_str("\n\nExamples:");
            for (ex, what) in m.examples {
                text.push_str(&format!("\n  {ex}\n      {what}"));
            }
        }
        let path: Vec<&str> = m.path.split(' ').collect();
        cmd = with_after_help(cmd, &path, text);
    }
    cmd
}

/// Append `text` to the after-help of the subcommand at `path`.
fn with_after_help(cmd: clap::Command, path: &[&str], text: String) -> clap::Command {
    match path {
        [] => {
            let text = match cmd.get_after_help() {
                Some(old) => format!("{text}\n\n{old}"),
                None => text,
            };
            cmd.after_help(text)
        }
        [first, rest @ ..] => {
            let first = first.to_string();
            let rest: Vec<&str> = rest.to_vec();
            cmd.mut_subcommand(first, move |sub| with_after_help(sub, &rest, text))
        }
    }
}

/// ldp — the operator's command line for the pipeline's Redis.
#[derive(Debug, Parser)]
#[command(
    name = "ldp",
    version,
    about = "Operate the legal-document pipeline's Redis: keys, caches, locks, queues",
    long_about = None,
    after_help = "Exit codes: 0 ok, 1 failed, 2 usage or refusal, 69 server unreachable, \
                  75 lock busy, 76 lock lost.\nDocs: man ldp, README.md."
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every subcommand accepts, before or after its name.
#[derive(Debug, Args, Default, Clone)]
pub struct GlobalArgs {
    /// Redis URL (redis://, rediss://, unix://); repeat to give cluster seed nodes
    #[arg(short = 'u', long = "url", value_name = "URL", global = true, help_heading = GLOBAL)]
    pub url: Vec<String>,
    /// The Celery broker's Redis (defaults to --url)
    #[arg(long, value_name = "URL", global = true, help_heading = GLOBAL)]
    pub broker_url: Option<String>,
    /// Read the pipeline's variables (REDIS_HOST, REDIS_PW, ...) from this .env file
    #[arg(long, value_name = "PATH", global = true, help_heading = GLOBAL)]
    pub env_file: Option<PathBuf>,
    /// Read the Redis password from this file (wins over a password in the URL)
    #[arg(long, value_name = "PATH", global = true, help_heading = GLOBAL)]
    pub password_file: Option<PathBuf>,
    /// PEM file of the CA that signs the server's certificate
    #[arg(long, value_name = "PATH", global = true, help_heading = GLOBAL)]
    pub tls_ca: Option<PathBuf>,
    /// Do not verify the server's TLS certificate
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub tls_insecure: bool,
    /// Key-family registry file that extends or overrides the embedded one
    #[arg(long, value_name = "FILE", global = true, help_heading = GLOBAL)]
    pub keyspace: Option<PathBuf>,
    /// Named profile from the config file ($LDP_CONFIG or ~/.config/ldp/config.toml)
    #[arg(long, value_name = "NAME", global = true, help_heading = GLOBAL)]
    pub profile: Option<String>,
    /// Output format: the command's help lists the ones it offers
    #[arg(short = 'o', long, value_enum, value_name = "FMT", global = true, help_heading = GLOBAL, hide_possible_values = true)]
    pub output: Option<OutputFormat>,
    /// When to use colour
    #[arg(long, value_enum, value_name = "WHEN", global = true, help_heading = GLOBAL)]
    pub color: Option<ColorWhen>,
    /// Timeout of each Redis request, e.g. 500ms, 30s
    #[arg(long, value_name = "DUR", value_parser = parse_duration, global = true, help_heading = GLOBAL)]
    pub timeout: Option<Duration>,
    /// The Celery queues, comma-separated (default: the pipeline's nine)
    #[arg(
        long,
        value_name = "Q,...",
        value_delimiter = ',',
        global = true,
        help_heading = BROKER
    )]
    pub queues: Vec<String>,
    /// kombu's priority_steps: 0,3,6,9 (the default) or a range such as 0..9
    #[arg(
        long,
        value_name = "STEPS",
        global = true,
        help_heading = BROKER
    )]
    pub priority_steps: Option<String>,
    /// kombu's priority separator, \xNN escapes allowed (default \x06\x16; some deployments use :)
    #[arg(
        long,
        value_name = "SEP",
        global = true,
        help_heading = BROKER
    )]
    pub priority_sep: Option<String>,
    /// kombu's global_keyprefix, if the deployment sets one
    #[arg(
        long,
        value_name = "PREFIX",
        global = true,
        help_heading = BROKER
    )]
    pub global_keyprefix: Option<String>,
    /// Also append each destructive run's audit entry to this JSON-lines file
    #[arg(long, value_name = "FILE", global = true, help_heading = GLOBAL)]
    pub audit_file: Option<PathBuf>,
    /// Refuse a destructive run whose audit entry cannot be written (checked before any change)
    #[arg(long, global = true, help_heading = GLOBAL)]
    pub require_audit: bool,
    /// Quieter (no progress, no notes on stderr)
    #[arg(short, long, action = clap::ArgAction::Count, global = true, help_heading = GLOBAL)]
    pub quiet: u8,
    /// Louder (diagnostics on stderr); repeat for more
    #[arg(short, long, action = clap::ArgAction::Count, global = true, help_heading = GLOBAL)]
    pub verbose: u8,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scan, size and delete keys by pattern
    #[command(subcommand)]
    Keys(KeysCommand),
    /// Show and clear a document's or a project's cache; list the key families
    #[command(subcommand)]
    Cache(CacheCommand),
    /// Health checks (Nagios/Prometheus), memory by key family, hit rates, Celery queues
    #[command(subcommand)]
    Monitor(MonitorCommand),
    /// The effective settings and where each came from (flag, LDP_* variable, the pipeline's
    /// variables, .env file, profile, default)
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Check that ldp can work here: servers, TLS, auth, versions, cluster slots, ACL, clock, broker layout
    ///
    /// Each check has a one-line verdict (OK/WARNING/CRITICAL/UNKNOWN) and a hint on how to fix
    /// it. Exit 0/1/2/3 = OK/WARNING/CRITICAL/UNKNOWN, the worst check winning, as `monitor
    /// health`. Reads only: the ACL check asks ACL DRYRUN (Redis 7+), else queues each command in
    /// a MULTI it discards.
    Doctor(DoctorArgs),
    /// List, hold, run under and break distributed locks (redis-py Lock format)
    #[command(subcommand)]
    Lock(LockCommand),
    /// Upload, register and enqueue documents for the pipeline's Celery workers, exactly once
    ///
    /// With a database (--database-url, LDP_DATABASE_URL, or the pipeline's DATABASE_URL /
    /// DATABASE_URL_DIRECT) the whole intake runs per document: upload to
    /// s3://BUCKET/documents/{uuid}{ext}, insert the source_documents row (committed), enqueue
    /// process_pdf_document, set the row's celery_task_id and status, write doc:import; one
    /// import_sessions row per run. Each stage is idempotent: re-run the same command after a
    /// crash. Without a database it only enqueues.
    ///
    /// Exit codes: 0 done; 1 a document failed or the run stopped (re-run to finish); 2 usage
    /// (bad flag, missing project or bucket); 69 PostgreSQL, S3 or Redis unreachable (refused,
    /// DNS, TLS, authentication).
    Import(ImportArgs),
    /// The pipeline's batches and ldp's import batches, with real progress
    #[command(subcommand)]
    Batch(BatchCommand),
    /// The pipeline's rate limits (rate:* sliding windows)
    #[command(subcommand)]
    Rate(RateCommand),
    /// Act on the Celery queues: peek at, purge, and requeue overdue messages
    #[command(subcommand)]
    Queue(QueueCommand),
    /// Act on documents: enqueue failed ones again
    #[command(subcommand)]
    Doc(DocCommand),
    /// A throwaway pipeline-shaped Redis to try ldp on; Ctrl-C removes it
    ///
    /// Starts redis-server (with --cluster: a 3-primary cluster and a standalone Celery broker)
    /// on free loopback ports in a temporary folder, seeds it with the keyspace the pipeline
    /// writes (documents completed, in flight, stuck, failed at OCR and queued; prefixed and
    /// legacy keys; per-chunk entity caches; batches with the pipeline's miscounted progress;
    /// locks with and without TTL; rate windows; cache metrics for the last hour; Celery
    /// messages, unacked ones and results), and prints the URL as an `export LDP_REDIS_URL=...`
    /// line. A simulated pipeline keeps the rate windows, cache metrics and held locks alive.
    /// Ctrl-C stops the servers and removes the folder (exit 0). With --detach it runs in the
    /// background until `ldp sandbox stop`. Exit 69 when redis-server is not installed.
    Sandbox(SandboxArgs),
    /// The audit trail: who ran which destructive command, when, and what it changed
    ///
    /// Every run of keys delete, cache clear, lock break, queue purge, queue requeue-overdue,
    /// doc retry, keys audit --fix-ttl and keys restore --replace that is not a dry run appends one entry to the Redis
    /// stream ldp:audit (capped at about 100,000 entries) and, with --audit-file or
    /// LDP_AUDIT_FILE, one JSON line to that file: the time, OS user and host, the command line
    /// with secrets redacted, what was named, what matched and what changed (per family or
    /// queue), and the outcome (ok, declined, failed, interrupted, error). An entry that cannot
    /// be written is reported on stderr; with --require-audit the run is refused before anything
    /// changes when it could not be written. This command lists the stream's entries, oldest
    /// first.
    Audit(AuditLogArgs),
    /// Print a shell completion script
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Subcommand)]
pub enum MonitorCommand {
    /// Checks with thresholds; exit 0/1/2/3 = OK/WARNING/CRITICAL/UNKNOWN
    Health(HealthArgs),
    /// INFO memory, then keys and bytes per key family, and the biggest keys
    Memory(MemoryArgs),
    /// Keyspace hit rate, ops/s, and the pipeline's cache metrics per type
    Stats(StatsArgs),
    /// Celery queues: ready messages per priority list, unacked and overdue ones
    Queues(QueuesArgs),
    /// Celery workers from Redis alone: status, pool, queues and the tasks they run
    ///
    /// Asks every worker over Celery's remote control (ping, stats, active, active_queues, as
    /// `celery inspect` does) and listens to their heartbeats meanwhile. The global --timeout is
    /// how long it waits for replies (default 1s; it stops sooner once every worker answered).
    /// A worker whose heartbeats stopped shows as missing (Celery's rule: no event for twice its
    /// heartbeat interval). The reply queue and binding ldp creates are removed afterwards, also
    /// on Ctrl-C (exit 130).
    Workers(WorkersArgs),
    /// Connections by client host and by name/library (CLIENT LIST on every node and the broker)
    Clients(ClientsArgs),
}

#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Every setting ldp runs with and its source; secrets only as set/unset
    Show,
}

/// `doctor`.
#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Clock skew between this machine and Redis above this is a WARNING
    #[arg(long, value_name = "DUR", value_parser = parse_duration, default_value = "2s")]
    pub skew_warn: Duration,
    /// Clock skew above this is CRITICAL
    #[arg(long, value_name = "DUR", value_parser = parse_duration, default_value = "30s")]
    pub skew_crit: Duration,
}

/// `monitor workers`.
#[derive(Debug, Args)]
pub struct WorkersArgs {
    #[command(flatten)]
    pub watch: WatchArgs,
}

/// The pipeline's connection pool, for judging connections per host.
#[derive(Debug, Args, Clone, Default)]
pub struct PoolArgs {
    /// Connections one process may hold (the pipeline's REDIS_MAX_CONNECTIONS; default: that
    /// variable, else 50); a host holding more is flagged
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub pool_size: Option<u64>,
}

/// `monitor clients`.
#[derive(Debug, Args)]
pub struct ClientsArgs {
    /// Connections idle longer than this are counted as idle
    #[arg(long, value_name = "DUR", value_parser = parse_duration, default_value = "5m")]
    pub idle_over: Duration,
    #[command(flatten)]
    pub pool: PoolArgs,
}

/// `--watch` for the monitor commands.
#[derive(Debug, Args, Clone, Default)]
pub struct WatchArgs {
    /// Refresh every DUR until Ctrl-C (in place on a terminal; one line per refresh with -o ndjson)
    #[arg(long, value_name = "DUR", value_parser = parse_duration)]
    pub watch: Option<Duration>,
    /// With --watch: stop after N refreshes
    #[arg(long, value_name = "N", requires = "watch", value_parser = clap::value_parser!(u64).range(1..))]
    pub iterations: Option<u64>,
}

#[derive(Debug, Args)]
pub struct QueuesArgs {
    /// Unacked messages older than this are overdue: kombu redelivers them (default: the profile's, else 1h)
    #[arg(long, value_name = "DUR", value_parser = parse_duration)]
    pub visibility_timeout: Option<Duration>,
    /// Only the configured queues: no scan for other queues bound in _kombu.binding.*
    #[arg(long)]
    pub no_discover: bool,
    #[command(flatten)]
    pub watch: WatchArgs,
}

#[derive(Debug, Subcommand)]
pub enum BatchCommand {
    /// Every batch: the pipeline's counters next to the truth from the documents' states
    List(BatchListArgs),
    /// One batch: each document's stage and status, and the batch's errors
    Show(BatchShowArgs),
}

#[derive(Debug, Args)]
pub struct BatchListArgs {
    /// Show at most N batches, newest first (a table shows 100 unless told)
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,
}

#[derive(Debug, Args)]
pub struct BatchShowArgs {
    /// The batch id (as in batch:progress:ID or ldp:batch:ID)
    #[arg(value_name = "ID")]
    pub id: String,
    /// Print whole error messages and tracebacks
    #[arg(long)]
    pub full: bool,
    /// Also list the batch's documents from PostgreSQL (source_documents of its import session)
    #[arg(long, value_name = "URL")]
    pub database_url: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum DocCommand {
    /// Enqueue process_pdf_document again for failed documents (never for one in flight)
    Retry(DocRetryArgs),
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("which").required(true).args(["doc", "failed"])))]
pub struct DocRetryArgs {
    /// Document UUID (repeatable, or comma-separated)
    #[arg(long, value_name = "UUID", value_delimiter = ',')]
    pub doc: Vec<String>,
    /// Every document that has failed (a failed latest update or a permanent batch error)
    #[arg(long)]
    pub failed: bool,
    /// With --failed: only this project's documents (UUID or integer id)
    #[arg(long, value_name = "ID")]
    pub project: Option<String>,
    /// With --failed: only documents whose latest update is this recent
    #[arg(long, value_name = "DUR", value_parser = parse_duration)]
    pub since: Option<Duration>,
    /// The queue the tasks go to
    #[arg(long, value_name = "NAME", default_value = "default")]
    pub queue: String,
    /// Task priority 0-9
    #[arg(long, value_name = "N", default_value_t = 5, value_parser = clap::value_parser!(u8).range(0..=9))]
    pub priority: u8,
    /// Show what would be retried; enqueue nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Do not ask (required off a terminal)
    #[arg(short = 'y', long)]
    pub yes: bool,
}

#[derive(Debug, Subcommand)]
pub enum QueueCommand {
    /// The next ready messages in the order workers take them, decoded (read-only)
    Peek(QueuePeekArgs),
    /// Remove a queue's ready messages, or only one task's (unacked ones are untouched)
    Purge(QueuePurgeArgs),
    /// Put unacked messages older than the visibility timeout back on their queues, as kombu does
    RequeueOverdue(QueueRequeueArgs),
}

#[derive(Debug, Args)]
pub struct QueuePeekArgs {
    /// The queue (e.g. default, ocr, batch.high)
    #[arg(value_name = "QUEUE")]
    pub queue: String,
    /// How many messages
    #[arg(long, value_name = "N", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=100_000))]
    pub limit: u64,
}

#[derive(Debug, Args)]
pub struct QueuePurgeArgs {
    /// The queues to purge
    #[arg(value_name = "QUEUE", required = true)]
    pub queues: Vec<String>,
    /// Only messages of this task (e.g. scripts.pdf_tasks.process_pdf_document)
    #[arg(long, value_name = "NAME")]
    pub task: Option<String>,
    /// Count what would be removed; remove nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Do not ask (required off a terminal)
    #[arg(short = 'y', long)]
    pub yes: bool,
    /// Before deleting, DUMP each key (value, type, TTL) into FILE (new; see `ldp keys restore`)
    #[arg(long, value_name = "FILE")]
    pub backup: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct QueueRequeueArgs {
    /// Unacked messages older than this go back (default: the profile's, else 1h)
    #[arg(long, value_name = "DUR", value_parser = parse_duration)]
    pub visibility_timeout: Option<Duration>,
    /// List what would go back; move nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Do not ask (required off a terminal)
    #[arg(short = 'y', long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct SandboxArgs {
    #[command(subcommand)]
    pub command: Option<SandboxCommand>,
    /// Documents to seed (every 20: 12 completed, 2 with legacy keys, 2 in flight, 1 stuck, 1
    /// failed at OCR, 2 queued)
    #[arg(long, value_name = "N", default_value_t = 200, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    pub docs: u64,
    /// Projects the documents belong to
    #[arg(long, value_name = "P", default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..=10_000))]
    pub projects: u64,
    /// A 3-primary Redis Cluster for the caches, and a standalone server for the Celery broker
    #[arg(long)]
    pub cluster: bool,
    /// Listen on this port (with --cluster: N, N+1, N+2 and the broker on N+3; their cluster bus
    /// ports are +10000); default: free ports the kernel picks
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1024..))]
    pub port: Option<u16>,
    /// Run in the background until `ldp sandbox stop`
    #[arg(long)]
    pub detach: bool,
    /// (internal) run as the background sandbox of --detach, in this folder
    #[arg(long, value_name = "DIR", hide = true)]
    pub supervise: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum SandboxCommand {
    /// Stop the sandbox started with --detach: end its processes, remove its folder
    Stop,
}

#[derive(Debug, Args)]
pub struct AuditLogArgs {
    /// Only entries from the last DUR (e.g. 1h, 7d), by the server's clock
    #[arg(long, value_name = "DUR", value_parser = parse_duration)]
    pub since: Option<Duration>,
    /// Only this action (e.g. 'keys delete', 'cache clear')
    #[arg(long, value_name = "ACTION", value_parser = AUDITED)]
    pub action: Option<String>,
    /// At most the newest N entries
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub limit: Option<u64>,
}

/// The actions that leave an audit entry.
pub const AUDITED: [&str; 8] = [
    "keys delete",
    "keys audit",
    "keys restore",
    "cache clear",
    "lock break",
    "queue purge",
    "queue requeue-overdue",
    "doc retry",
];

#[derive(Debug, Subcommand)]
pub enum RateCommand {
    /// Every rate:* window: requests in it, its length, oldest and newest entry
    List(RateListArgs),
}

#[derive(Debug, Args)]
pub struct RateListArgs {
    /// The limit (requests per window): adds how long until a slot frees
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub limit: Option<u64>,
}

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// Stream the keys matching a glob pattern (SCAN, never KEYS), cluster-wide
    Scan(ScanArgs),
    /// Delete the keys matching a glob pattern (SCAN + batched UNLINK)
    Delete(DeleteArgs),
    /// Per key family: keys, bytes, keys without TTL, TTL spread; unknown keys
    Audit(AuditArgs),
    /// Put back the keys a `--backup FILE` holds (RESTORE with their remaining TTLs)
    Restore(RestoreArgs),
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// A file written by `--backup` (keys delete, cache clear, queue purge, lock break)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Overwrite keys that exist already (asks first; --yes off a terminal)
    #[arg(long)]
    pub replace: bool,
    /// Read the file and report what would be restored and which keys exist; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Do not ask (required with --replace off a terminal)
    #[arg(short = 'y', long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Set a TTL on the keys of FAMILY that have none (needs --ttl)
    #[arg(long, value_name = "FAMILY", requires = "ttl")]
    pub fix_ttl: Option<String>,
    /// The TTL --fix-ttl sets, e.g. 24h
    #[arg(long, value_name = "DUR", value_parser = parse_duration, requires = "fix_ttl")]
    pub ttl: Option<Duration>,
    /// With --fix-ttl: count, change nothing
    #[arg(long)]
    pub dry_run: bool,
    /// With --fix-ttl: do not ask (required off a terminal)
    #[arg(short = 'y', long)]
    pub yes: bool,
    /// Unknown-key patterns shown
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub unknown: usize,
    /// SCAN COUNT hint per call
    #[arg(long, value_name = "N", default_value_t = 5000)]
    pub count: u32,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Files and directories (walked recursively)
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The pipeline's manifest (metadata.base_path, files[].path ...); '-' reads stdin
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
    /// The project's UUID
    #[arg(long, value_name = "UUID", required = true)]
    pub project: String,
    /// Celery queue of process_pdf_document
    #[arg(long, value_name = "Q", default_value = "default")]
    pub queue: String,
    /// Celery priority 0-9
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub priority: u8,
    /// Send scripts.batch_tasks.process_batch_* tasks with manifests instead
    #[arg(long, value_enum, value_name = "LANE")]
    pub as_batch: Option<BatchLane>,
    /// Documents per batch task (with --as-batch)
    #[arg(long, value_name = "N", default_value_t = 25, requires = "as_batch")]
    pub batch_size: usize,
    /// file_path sent to the workers: {uuid} {ext} {name} {project}, e.g. s3://bucket/documents/{uuid}{ext}
    #[arg(long, value_name = "TPL")]
    pub path_template: Option<String>,
    /// This run's batch id (ldp:batch:ID); default: a new UUID
    #[arg(long, value_name = "ID")]
    pub batch_id: Option<String>,
    /// How long ldp's batch record (ldp:batch:ID and its document set) lives
    #[arg(long, value_name = "DUR", value_parser = parse_duration, default_value = "30d")]
    pub batch_ttl: Duration,
    /// Hash and plan, write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// At most N documents per second
    #[arg(long, value_name = "N")]
    pub rate: Option<f64>,
    /// Only files matching this glob (repeatable)
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// Skip files matching this glob (repeatable)
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Do not ask before a large import on a terminal
    #[arg(short = 'y', long)]
    pub yes: bool,
    /// Stop at the first unreadable file or failed upload
    #[arg(long)]
    pub fail_fast: bool,
    /// Files hashed at once (default: the number of CPUs), and uploads at once (default 8)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=256))]
    pub jobs: Option<u64>,
    /// PostgreSQL of the pipeline: run the whole intake (upload, register, enqueue). Env LDP_DATABASE_URL, else DATABASE_URL / DATABASE_URL_DIRECT
    #[arg(long, value_name = "URL")]
    pub database_url: Option<String>,
    /// Where documents go: NAME or s3://NAME (env S3_PRIMARY_DOCUMENT_BUCKET), or file:///DIR
    #[arg(long, value_name = "BUCKET")]
    pub bucket: Option<String>,
    /// An S3-compatible endpoint instead of AWS, e.g. http://127.0.0.1:9000
    #[arg(long, value_name = "URL")]
    pub s3_endpoint: Option<String>,
}

#[derive(Debug, Args)]
pub struct HealthArgs {
    /// PING latency that warns
    #[arg(long, value_name = "DUR", value_parser = parse_duration, default_value = "50ms")]
    pub latency_warn: Duration,
    /// PING latency that is critical
    #[arg(long, value_name = "DUR", value_parser = parse_duration, default_value = "250ms")]
    pub latency_crit: Duration,
    /// Percent of maxmemory used that warns
    #[arg(long, value_name = "PCT", value_parser = parse_percent, default_value_t = 80.0)]
    pub memory_warn: f64,
    /// Percent of maxmemory used that is critical
    #[arg(long, value_name = "PCT", value_parser = parse_percent, default_value_t = 90.0)]
    pub memory_crit: f64,
    /// Percent of maxclients connected that warns
    #[arg(long, value_name = "PCT", value_parser = parse_percent, default_value_t = 80.0)]
    pub clients_warn: f64,
    /// Percent of maxclients connected that is critical
    #[arg(long, value_name = "PCT", value_parser = parse_percent, default_value_t = 95.0)]
    pub clients_crit: f64,
    /// Fragmentation ratio that warns (only with --frag-min-mb wasted)
    #[arg(long, value_name = "RATIO", default_value_t = 1.5)]
    pub frag_warn: f64,
    /// Wasted MiB (RSS minus used) below which fragmentation is not judged
    #[arg(long, value_name = "MIB", default_value_t = 100)]
    pub frag_min_mb: u64,
    /// Ready messages in one queue that warn
    #[arg(long, value_name = "N", default_value_t = 1000)]
    pub queue_warn: u64,
    /// Ready messages in one queue that are critical
    #[arg(long, value_name = "N", default_value_t = 10000)]
    pub queue_crit: u64,
    /// Unacked messages older than this are overdue: kombu redelivers them (default: the profile's, else 1h)
    #[arg(long, value_name = "DUR", value_parser = parse_duration)]
    pub visibility_timeout: Option<Duration>,
    /// Take two samples this far apart to judge evictions and rejected connections
    #[arg(long, value_name = "DUR", value_parser = parse_duration)]
    pub interval: Option<Duration>,
    /// Also run the checks that scan: locks without TTL, stuck documents
    #[arg(long)]
    pub deep: bool,
    /// With --deep: a document in flight longer than this is stuck
    #[arg(long, value_name = "DUR", value_parser = parse_duration, default_value = "30m")]
    pub stuck_after: Duration,
    /// Only these checks (comma-separated)
    #[arg(long, value_name = "NAME,...", value_delimiter = ',')]
    pub check: Vec<String>,
    /// Skip these checks (comma-separated)
    #[arg(long, value_name = "NAME,...", value_delimiter = ',')]
    pub skip: Vec<String>,
    /// Write the output to this file atomically (node_exporter textfile collector)
    #[arg(long, value_name = "PATH")]
    pub output_file: Option<PathBuf>,
    #[command(flatten)]
    pub pool: PoolArgs,
}

#[derive(Debug, Args)]
pub struct MemoryArgs {
    /// The N biggest keys
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub top: usize,
    /// Measure MEMORY USAGE on about N keys and extrapolate per family
    #[arg(long, value_name = "N", conflicts_with = "full")]
    pub sample: Option<u64>,
    /// Measure every key (the default up to 1,000,000 keys)
    #[arg(long)]
    pub full: bool,
    /// SCAN COUNT hint per call
    #[arg(long, value_name = "N", default_value_t = 5000)]
    pub count: u32,
}

#[derive(Debug, Args)]
pub struct StatsArgs {
    /// Time between the two INFO samples
    #[arg(long, value_name = "DUR", value_parser = parse_duration, default_value = "1s")]
    pub interval: Duration,
    /// How far back the pipeline's per-minute cache metrics are summed
    #[arg(long, value_name = "DUR", value_parser = parse_duration, default_value = "60m")]
    pub window: Duration,
    #[command(flatten)]
    pub watch: WatchArgs,
}

#[derive(Debug, Subcommand)]
pub enum CacheCommand {
    /// Every key of the documents, by family, with type, TTL, size and pipeline status
    Show(CacheShowArgs),
    /// Delete the documents' derived caches (bookkeeping only when named)
    Clear(CacheClearArgs),
    /// The key-family registry in use (embedded, plus --keyspace FILE)
    Families,
}

/// Which documents: by id, from a file, or a project's.
#[derive(Debug, Args, Clone)]
#[group(required = true, multiple = true)]
pub struct DocSelectArgs {
    /// Document UUID (repeatable, or comma-separated)
    #[arg(long = "doc", value_name = "UUID", value_delimiter = ',')]
    pub docs: Vec<String>,
    /// Read document UUIDs from a file, one per line ('-' for stdin)
    #[arg(long, value_name = "FILE")]
    pub docs_from: Option<PathBuf>,
    /// A project (UUID or integer id): its documents as ldp's index and the pipeline's values name them
    #[arg(long, value_name = "ID")]
    pub project: Option<String>,
}

#[derive(Debug, Args)]
pub struct CacheShowArgs {
    #[command(flatten)]
    pub select: DocSelectArgs,
    /// Print decoded values (JSON pretty-printed and truncated)
    #[arg(long)]
    pub values: bool,
    /// With --values: do not truncate
    #[arg(long, requires = "values")]
    pub full: bool,
    /// With --project: also list the project's documents from PostgreSQL (source_documents)
    #[arg(long, value_name = "URL", requires = "project")]
    pub database_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct CacheClearArgs {
    #[command(flatten)]
    pub select: DocSelectArgs,
    /// Families to clear (default: every derived-cache family); see `ldp cache families`
    #[arg(long, value_name = "NAME,...", value_delimiter = ',')]
    pub family: Vec<String>,
    /// Show what would be deleted; delete nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Do not ask (required off a terminal)
    #[arg(short = 'y', long)]
    pub yes: bool,
    /// Before deleting, DUMP each key (value, type, TTL) into FILE (new; see `ldp keys restore`)
    #[arg(long, value_name = "FILE")]
    pub backup: Option<PathBuf>,
    /// Clear documents the pipeline is processing right now too
    #[arg(long)]
    pub force: bool,
    /// With --project: also take the project's documents from PostgreSQL (source_documents)
    #[arg(long, value_name = "URL", requires = "project")]
    pub database_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Glob pattern (Redis MATCH syntax), e.g. 'doc:*'
    #[arg(value_name = "PATTERN")]
    pub pattern: OsString,
    /// Only keys of this Redis type (string, list, set, zset, hash, stream)
    #[arg(long = "type", value_name = "T")]
    pub key_type: Option<String>,
    /// Stop after N keys
    #[arg(long, value_name = "N")]
    pub limit: Option<u64>,
    /// Extra columns: ttl, type, memory (comma-separated)
    #[arg(long, value_delimiter = ',', value_enum, value_name = "F,...")]
    pub fields: Vec<ScanField>,
    /// Only keys without an expiry
    #[arg(long)]
    pub no_ttl: bool,
    /// Count keys and bytes per pattern (UUID-, number- and hash-like segments fold into *)
    #[arg(long, conflicts_with = "top")]
    pub group: bool,
    /// The N biggest keys by memory
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
    /// SCAN COUNT hint per call
    #[arg(long, value_name = "N", default_value_t = 5000)]
    pub count: u32,
    /// MEMORY USAGE samples for collections (0 = exact)
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub memory_samples: u32,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// Glob pattern (Redis MATCH syntax); a bare '*' is refused
    #[arg(value_name = "PATTERN")]
    pub pattern: OsString,
    /// Count and show a sample; delete nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Do not ask (required off a terminal)
    #[arg(short = 'y', long)]
    pub yes: bool,
    /// Before deleting, DUMP each key (value, type, TTL) into FILE (new; see `ldp keys restore`)
    #[arg(long, value_name = "FILE")]
    pub backup: Option<PathBuf>,
    /// Abort, deleting nothing, when more than N keys match
    #[arg(long, value_name = "N")]
    pub max_keys: Option<u64>,
    /// Also delete Celery broker keys and ldp's own keys
    #[arg(long)]
    pub include_protected: bool,
    /// SCAN COUNT hint per call
    #[arg(long, value_name = "N", default_value_t = 5000)]
    pub count: u32,
}

#[derive(Debug, Subcommand)]
pub enum LockCommand {
    /// List lock keys cluster-wide (lock:*, cache:doc:lock:*, doc:lock:*, unacked_mutex,
    /// lock-signal:*) with token, TTL and holder style; locks without TTL are flagged
    List(LockListArgs),
    /// Acquire a lock, print its token and fence, renew it until SIGINT/SIGTERM, then release it
    Hold(LockHoldArgs),
    /// Run CMD (no shell) while holding a lock; renew it meanwhile, kill CMD if the lock is lost
    #[command(
        after_help = "Exit codes: CMD's own code (128+N if signal N ended it); 75 lock busy \
                           (or --conflict-exit-code); 76 lock lost (CMD was terminated); \
                           126/127 CMD could not be run; 2 usage; 69 Redis unreachable.\n\
                           CMD gets LDP_LOCK_KEY, LDP_LOCK_TOKEN and LDP_LOCK_FENCE."
    )]
    Run(LockRunArgs),
    /// Delete a stuck lock, but only while the token shown (or --token) still holds it
    Break(LockBreakArgs),
}

/// Which lock: `NAME` (the key `lock:NAME`) or a raw `--key`.
#[derive(Debug, Args)]
pub struct LockTarget {
    /// Lock name; the key is lock:NAME. No glob characters (* ? [ ] \), whitespace or control
    /// characters
    #[arg(
        value_name = "NAME",
        required_unless_present = "key",
        conflicts_with = "key"
    )]
    pub name: Option<String>,
    /// A raw lock key instead of lock:NAME, e.g. cache:doc:lock:<uuid> (\xNN escapes accepted)
    #[arg(long, value_name = "KEY")]
    pub key: Option<String>,
}

/// How long a lock is taken for and how long to wait for it.
#[derive(Debug, Args)]
pub struct LockLeaseArgs {
    /// Lock TTL, 1s to 24h: the key expires this long after the last renewal (renewed every
    /// TTL/3), so a crashed holder blocks others at most this long
    #[arg(long, value_name = "DUR", default_value = "60s", value_parser = parse_duration)]
    pub ttl: Duration,
    /// When the lock is busy, keep trying this long (jittered backoff, polls at most 1s apart);
    /// 0 tries once
    #[arg(long, value_name = "DUR", default_value = "0s", value_parser = parse_duration)]
    pub wait: Duration,
}

#[derive(Debug, Args)]
pub struct LockListArgs {
    /// Glob pattern of keys to list instead of the lock families, e.g. 'lock:nightly*'
    #[arg(value_name = "PATTERN")]
    pub pattern: Option<OsString>,
    /// Only locks without a TTL (they never expire)
    #[arg(long)]
    pub no_ttl: bool,
    /// Stop after N locks
    #[arg(long, value_name = "N")]
    pub limit: Option<u64>,
}

#[derive(Debug, Args)]
pub struct LockHoldArgs {
    #[command(flatten)]
    pub target: LockTarget,
    #[command(flatten)]
    pub lease: LockLeaseArgs,
}

#[derive(Debug, Args)]
pub struct LockRunArgs {
    #[command(flatten)]
    pub target: LockTarget,
    #[command(flatten)]
    pub lease: LockLeaseArgs,
    /// Exit with N instead of 75 when the lock is busy (like flock -E)
    #[arg(long, value_name = "N")]
    pub conflict_exit_code: Option<u8>,
    /// Pass the pipeline's secret variables (REDIS_PW, DATABASE_URL, ...) on to CMD; by default
    /// they are removed from its environment
    #[arg(long)]
    pub pass_secrets: bool,
    /// When the lock is lost: time between SIGTERM and SIGKILL to CMD
    #[arg(long, value_name = "DUR", default_value = "10s", value_parser = parse_duration)]
    pub grace: Duration,
    /// The command and its arguments, after `--`
    #[arg(value_name = "CMD", last = true, required = true, num_args = 1..)]
    pub command: Vec<OsString>,
}

#[derive(Debug, Args)]
pub struct LockBreakArgs {
    #[command(flatten)]
    pub target: LockTarget,
    /// Break only if this token holds the lock (default: the token shown)
    #[arg(long, value_name = "TOKEN")]
    pub token: Option<String>,
    /// Show the holder; break nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Do not ask (required off a terminal)
    #[arg(short = 'y', long)]
    pub yes: bool,
    /// Before deleting, DUMP each key (value, type, TTL) into FILE (new; see `ldp keys restore`)
    #[arg(long, value_name = "FILE")]
    pub backup: Option<PathBuf>,
}

/// Human durations (`500ms`, `30s`, `5m`, `1h`). A bare number is refused:
/// `5` could mean seconds or milliseconds, and a threshold off by 1000x
/// passes silently.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let t = s.trim();
    if t.bytes().all(|b| b == b'0') && !t.is_empty() {
        return Ok(Duration::ZERO); // zero is zero in any unit
    }
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return Err(format!("'{s}' has no unit: write e.g. {t}s, {t}ms or {t}m"));
    }
    humantime::parse_duration(t)
        .map_err(|e| format!("invalid duration '{s}': {e} (e.g. 500ms, 30s, 5m)"))
}

/// A percentage 0-100, as a plain number (`85`, not `85%`).
pub fn parse_percent(s: &str) -> Result<f64, String> {
    let t = s.trim();
    let bad = || format!("'{s}' is not a percentage: a number from 0 to 100, e.g. 85");
    let v: f64 = t
        .strip_suffix('%')
        .unwrap_or(t)
        .trim()
        .parse()
        .map_err(|_| bad())?;
    if !(0.0..=100.0).contains(&v) {
        return Err(bad());
    }
    if t.ends_with('%') {
        return Err(format!("'{s}': give the number without '%', e.g. {v}"));
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cli_is_consistent() {
        command().debug_assert();
        let help = command()
            .find_subcommand_mut("keys")
            .and_then(|k| k.find_subcommand_mut("delete"))
            .map(|d| d.render_long_help().to_string())
            .unwrap_or_default();
        assert!(help.contains("Examples:") && help.contains("Output formats (-o): table"));
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration("500ms").unwrap(), Duration::from_millis(500));
        assert_eq!(parse_duration("30s").unwrap(), Duration::from_secs(30));
        assert!(parse_duration("2").unwrap_err().contains("no unit"));
        assert_eq!(parse_duration("0").unwrap(), Duration::ZERO);
        assert!(parse_duration("5").unwrap_err().contains("5s"));
        assert!(parse_duration("soon").unwrap_err().contains("'soon'"));
        assert!(parse_duration("-1").is_err());
        assert_eq!(parse_percent("85").unwrap(), 85.0);
        assert!(parse_percent("85%").unwrap_err().contains("without '%'"));
        assert!(parse_percent("101").is_err());
    }

    #[test]
    fn globals_after_subcommand() {
        let cli = Cli::try_parse_from([
            "ldp",
            "keys",
            "scan",
            "doc:*",
            "-u",
            "redis://x:1",
            "-o",
            "ndjson",
        ])
        .unwrap();
        assert_eq!(cli.global.url, vec!["redis://x:1".to_string()]);
        assert_eq!(cli.global.output, Some(OutputFormat::Ndjson));
    }
}
