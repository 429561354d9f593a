//! One module per command group. A command takes plain options (converted
//! from the clap types here, at the edge) and the [`Ctx`], and hands its data
//! to the output layer.

pub mod batch;
pub mod cache;
pub mod import;
pub mod keys;
pub mod lock;
pub mod monitor;
pub mod rate;

use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Result;

use crate::cli::{
    BatchCommand, CacheCommand, Cli, Command, KeysCommand, LockCommand, MonitorCommand, RateCommand,
};
use crate::config::Settings;
use crate::keyspace::Registry;
use crate::output::Output;
use crate::redis::Redis;

/// What every command gets: the merged settings and the output layer.
pub struct Ctx {
    pub settings: Settings,
    pub out: Output,
    /// Loaded on first use, once per run (several checks of one command ask).
    registry: std::sync::OnceLock<Arc<Registry>>,
}

impl Ctx {
    /// The key-family registry: embedded, plus the operator's file if any.
    pub fn new(settings: Settings, out: Output) -> Ctx {
        Ctx {
            settings,
            out,
            registry: std::sync::OnceLock::new(),
        }
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

/// Run the parsed command.
pub async fn dispatch(cli: Cli, ctx: &Ctx) -> Result<ExitCode> {
    match cli.command {
        Command::Keys(KeysCommand::Scan(a)) => {
            keys::scan(ctx, keys::ScanOptions::try_from(a)?).await
        }
        Command::Keys(KeysCommand::Delete(a)) => {
            keys::delete(ctx, keys::DeleteOptions::try_from(a)?).await
        }
        Command::Cache(CacheCommand::Show(a)) => cache::show(ctx, a).await,
        Command::Cache(CacheCommand::Clear(a)) => cache::clear(ctx, a).await,
        Command::Cache(CacheCommand::Families) => cache::families(ctx).await,
        Command::Keys(KeysCommand::Audit(a)) => keys::audit::audit(ctx, a).await,
        Command::Monitor(MonitorCommand::Health(a)) => monitor::health::health(ctx, a).await,
        Command::Monitor(MonitorCommand::Memory(a)) => monitor::memory::memory(ctx, a).await,
        Command::Monitor(MonitorCommand::Stats(a)) => monitor::stats::stats(ctx, a).await,
        Command::Lock(LockCommand::List(a)) => {
            lock::list(ctx, lock::ListOptions::try_from(a)?).await
        }
        Command::Lock(LockCommand::Hold(a)) => {
            lock::hold(ctx, lock::HoldOptions::try_from(a)?).await
        }
        Command::Lock(LockCommand::Run(a)) => lock::run(ctx, lock::RunOptions::try_from(a)?).await,
        Command::Lock(LockCommand::Break(a)) => {
            lock::break_lock(ctx, lock::BreakOptions::try_from(a)?).await
        }
        Command::Import(a) => import::import(ctx, a).await,
        Command::Monitor(MonitorCommand::Queues(a)) => monitor::queues::queues(ctx, a).await,
        Command::Batch(BatchCommand::List(a)) => batch::list(ctx, a).await,
        Command::Batch(BatchCommand::Show(a)) => batch::show(ctx, a).await,
        Command::Rate(RateCommand::List(a)) => rate::list(ctx, a).await,
        Command::Completions { shell } => {
            crate::docs::write_completions(shell, &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
    }
}
