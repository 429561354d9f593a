//! One module per command group. A command takes plain options (converted
//! from the clap types here, at the edge) and the [`Ctx`], and hands its data
//! to the output layer.

pub mod audit;
pub mod batch;
pub mod cache;
pub mod config;
pub mod doc;
pub mod doctor;
pub mod import;
pub mod keys;
pub mod lock;
pub mod meta;
pub mod monitor;
pub mod queue;
pub mod rate;
pub mod sandbox;

use std::sync::Arc;

use anyhow::Result;

use crate::audit::Journal;
use crate::consent::Consent;
use crate::exit::Exit;
use crate::keyspace::Registry;
use crate::output::Output;
use crate::redis::Redis;
use crate::settings::Settings;

/// What every command gets: the merged settings and the output layer.
pub struct Ctx {
    pub settings: Settings,
    pub out: Output,
    /// Loaded on first use, once per run (several checks of one command ask).
    registry: std::sync::OnceLock<Arc<Registry>>,
    /// What a destructive run did, for its audit entry (the gate fills it).
    pub journal: Journal,
    /// The command line, secrets redacted (for the audit entry).
    pub command: Vec<String>,
}

impl Ctx {
    /// The key-family registry: embedded, plus the operator's file if any.
    pub fn new(settings: Settings, out: Output) -> Ctx {
        Ctx {
            settings,
            out,
            registry: std::sync::OnceLock::new(),
            journal: Journal::default(),
            command: Vec::new(),
        }
    }

    /// The command line this run was started with (redacted here).
    pub fn with_command(mut self, args: &[std::ffi::OsString]) -> Ctx {
        self.command = crate::audit::redact_command(args);
        self
    }

    pub fn registry(&self) -> Result<Arc<Registry>> {
        if let Some(r) = self.registry.get() {
            return Ok(r.clone());
        }
        let r = Arc::new(Registry::load(self.settings.keyspace.as_deref())?);
        Ok(self.registry.get_or_init(|| r).clone())
    }

    /// Connect to the configured Redis (standalone or cluster, detected).
    pub async fn redis(&self) -> Result<Redis> {
        let r = Redis::connect(&self.settings.redis).await?;
        self.out.debug(format!(
            "connected to {} ({}, {} primary node(s))",
            r.label(),
            if r.is_cluster() {
                "cluster"
            } else {
                "standalone"
            },
            r.nodes().len()
        ));
        Ok(r)
    }

    /// Connect to the Celery broker (`--broker-url`, `CELERY_BROKER_URL`;
    /// the main Redis when none is given).
    pub async fn broker(&self) -> Result<Redis> {
        let r = Redis::connect(&self.settings.broker).await?;
        self.out
            .debug(format!("connected to the broker at {}", r.label()));
        Ok(r)
    }
}

/// Every key matching any of the patterns, from every node: one SCAN per
/// pattern, all running at once, with a spinner on a terminal.
pub(crate) async fn scan_patterns(
    redis: &Redis,
    patterns: Vec<Vec<u8>>,
    out: &Output,
) -> Result<std::collections::BTreeSet<Vec<u8>>> {
    const SCAN_COUNT: u32 = 5000;
    let pb = out.spinner("scanning");
    let receivers: Vec<_> = patterns
        .into_iter()
        .map(|pattern| {
            redis.scan(crate::redis::ScanSpec {
                pattern,
                count: SCAN_COUNT,
                key_type: None,
            })
        })
        .collect();
    let mut keys = std::collections::BTreeSet::new();
    for mut rx in receivers {
        while let Some(msg) = rx.recv().await {
            let (_, ks) = msg?;
            pb.inc(ks.len() as u64);
            keys.extend(ks);
        }
    }
    pb.finish_and_clear();
    Ok(keys)
}

/// A command with its plain options: what [`crate::options`] makes of the
/// command line, and all a command gets besides the [`Ctx`].
#[derive(Debug)]
pub enum Action {
    KeysScan(keys::ScanOptions),
    KeysDelete(keys::DeleteOptions),
    KeysAudit(keys::audit::AuditOptions),
    KeysRestore(keys::restore::RestoreOptions),
    CacheShow(cache::ShowOptions),
    CacheClear(cache::ClearOptions),
    CacheFamilies,
    Health(monitor::health::HealthOptions),
    Memory(monitor::memory::MemoryOptions),
    Stats(monitor::stats::StatsOptions),
    Queues(monitor::queues::QueuesOptions),
    Workers(monitor::workers::WorkersOptions),
    Clients(monitor::clients::ClientsOptions),
    ConfigShow,
    Doctor(doctor::DoctorOptions),
    LockList(lock::ListOptions),
    LockHold(lock::HoldOptions),
    LockRun(lock::RunOptions),
    LockBreak(lock::BreakOptions),
    Import(import::ImportOptions),
    BatchList(batch::ListOptions),
    BatchShow(batch::ShowOptions),
    RateList(rate::ListOptions),
    DocRetry(doc::RetryOptions),
    QueuePeek(queue::PeekOptions),
    QueuePurge(queue::PurgeOptions),
    QueueRequeue(queue::RequeueOptions),
    Sandbox(sandbox::StartOptions),
    SandboxStop,
    Audit(audit::AuditOptions),
}

impl Action {
    /// The command's path, as `--help` and the metadata name it.
    pub fn path(&self) -> &'static str {
        match self {
            Action::KeysScan(_) => "keys scan",
            Action::KeysDelete(_) => "keys delete",
            Action::KeysAudit(_) => "keys audit",
            Action::KeysRestore(_) => "keys restore",
            Action::CacheShow(_) => "cache show",
            Action::CacheClear(_) => "cache clear",
            Action::CacheFamilies => "cache families",
            Action::Health(_) => "monitor health",
            Action::Memory(_) => "monitor memory",
            Action::Stats(_) => "monitor stats",
            Action::Queues(_) => "monitor queues",
            Action::Workers(_) => "monitor workers",
            Action::Clients(_) => "monitor clients",
            Action::ConfigShow => "config show",
            Action::Doctor(_) => "doctor",
            Action::LockList(_) => "lock list",
            Action::LockHold(_) => "lock hold",
            Action::LockRun(_) => "lock run",
            Action::LockBreak(_) => "lock break",
            Action::Import(_) => "import",
            Action::BatchList(_) => "batch list",
            Action::BatchShow(_) => "batch show",
            Action::RateList(_) => "rate list",
            Action::DocRetry(_) => "doc retry",
            Action::QueuePeek(_) => "queue peek",
            Action::QueuePurge(_) => "queue purge",
            Action::QueueRequeue(_) => "queue requeue-overdue",
            Action::Sandbox(_) => "sandbox",
            Action::SandboxStop => "sandbox stop",
            Action::Audit(_) => "audit",
        }
    }

    /// A destructive command's consent flags; `None` for one that changes
    /// nothing ldp audits. Every arm is spelled out, so a new command must
    /// decide.
    pub fn consent(&self) -> Option<Consent> {
        match self {
            Action::KeysDelete(o) => Some(o.consent),
            Action::KeysAudit(o) => o.fix_ttl.as_ref().map(|_| o.consent),
            // Only --replace can overwrite (and passes the gate).
            Action::KeysRestore(o) => o.replace.then_some(o.consent),
            Action::CacheClear(o) => Some(o.consent),
            Action::LockBreak(o) => Some(o.consent),
            Action::DocRetry(o) => Some(o.consent),
            Action::QueuePurge(o) => Some(o.consent),
            Action::QueueRequeue(o) => Some(o.consent),
            Action::KeysScan(_)
            | Action::CacheShow(_)
            | Action::CacheFamilies
            | Action::Health(_)
            | Action::Memory(_)
            | Action::Stats(_)
            | Action::Queues(_)
            | Action::Workers(_)
            | Action::Clients(_)
            | Action::LockList(_)
            | Action::LockHold(_)
            | Action::LockRun(_)
            | Action::Import(_)
            | Action::BatchList(_)
            | Action::BatchShow(_)
            | Action::RateList(_)
            | Action::QueuePeek(_)
            | Action::Sandbox(_)
            | Action::SandboxStop
            | Action::Audit(_)
            | Action::ConfigShow
            | Action::Doctor(_) => None,
        }
    }
}

/// Run one command, once its output format is one it renders; a
/// destructive run that went past the consent gate leaves its audit entry.
pub async fn run(action: Action, ctx: &Ctx) -> Result<Exit> {
    let path = action.path();
    if let Some(m) = meta::of(path) {
        ctx.out.require(m.path, m.formats)?;
    }
    let changes = action.consent().is_some_and(|c| !c.dry_run);
    if changes && ctx.settings.audit.required {
        audit::preflight(ctx).await?;
    }
    let result = dispatch(action, ctx).await;
    // A run that never reached its server changed nothing, and the entry
    // could not reach it either: the one error line says it all.
    let unreachable = result
        .as_ref()
        .is_err_and(|e| crate::error::exit_for(e) == Exit::Unavailable);
    if !ctx.journal.began() || (unreachable && !ctx.journal.changed_any()) {
        return result;
    }
    audit::record(ctx, path, result).await
}

async fn dispatch(action: Action, ctx: &Ctx) -> Result<Exit> {
    match action {
        Action::KeysScan(o) => keys::scan(ctx, o).await,
        Action::KeysDelete(o) => keys::delete(ctx, o).await,
        Action::KeysAudit(o) => keys::audit::audit(ctx, o).await,
        Action::KeysRestore(o) => keys::restore::restore(ctx, o).await,
        Action::CacheShow(o) => cache::show(ctx, o).await,
        Action::CacheClear(o) => cache::clear(ctx, o).await,
        Action::CacheFamilies => cache::families(ctx).await,
        Action::Health(o) => monitor::health::health(ctx, o).await,
        Action::Memory(o) => monitor::memory::memory(ctx, o).await,
        Action::Stats(o) => monitor::stats::stats(ctx, o).await,
        Action::Queues(o) => monitor::queues::queues(ctx, o).await,
        Action::Workers(o) => monitor::workers::workers(ctx, o).await,
        Action::Clients(o) => monitor::clients::clients(ctx, o).await,
        Action::ConfigShow => config::show(ctx),
        Action::Doctor(o) => doctor::doctor(ctx, o).await,
        Action::LockList(o) => lock::list(ctx, o).await,
        Action::LockHold(o) => lock::hold(ctx, o).await,
        Action::LockRun(o) => lock::run(ctx, o).await,
        Action::LockBreak(o) => lock::break_lock(ctx, o).await,
        Action::Import(o) => import::import(ctx, o).await,
        Action::BatchList(o) => batch::list(ctx, o).await,
        Action::BatchShow(o) => batch::show(ctx, o).await,
        Action::RateList(o) => rate::list(ctx, o).await,
        Action::DocRetry(o) => doc::retry(ctx, o).await,
        Action::QueuePeek(o) => queue::peek(ctx, o).await,
        Action::QueuePurge(o) => queue::purge(ctx, o).await,
        Action::QueueRequeue(o) => queue::requeue_overdue(ctx, o).await,
        Action::Sandbox(o) => sandbox::start(ctx, o).await,
        Action::SandboxStop => sandbox::stop(ctx).await,
        Action::Audit(o) => audit::list(ctx, o).await,
    }
}
