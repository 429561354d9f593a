//! One module per command group. A command takes plain options (converted
//! from the clap types here, at the edge) and the [`Ctx`], and hands its data
//! to the output layer.

pub mod audit;
pub mod cache;
pub mod health;
pub mod import;
pub mod keys;
pub mod lock;
pub mod memory;
pub mod stats;

use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Result;

use crate::cli::{CacheCommand, Cli, Command, KeysCommand, LockCommand, MonitorCommand};

use crate::config::Settings;
use crate::keyspace::Registry;
use crate::output::Output;
use crate::redis::Redis;

/// What every command gets: the merged settings and the output layer.
pub struct Ctx {
    pub settings: Settings,
    pub out: Output,
}

impl Ctx {
    /// The key-family registry: embedded, plus the operator's file if any.
    pub fn registry(&self) -> Result<Arc<Registry>> {
        Ok(Arc::new(Registry::load(self.settings.keyspace.as_deref())?))
    }

    /// Connect to the Celery broker's Redis (`--broker-url`, else the main URL).
    pub async fn broker(&self) -> Result<Redis> {
        Redis::connect(&self.settings.broker).await
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
        Command::Keys(KeysCommand::Audit(a)) => audit::audit(ctx, a).await,
        Command::Monitor(MonitorCommand::Health(a)) => health::health(ctx, a).await,
        Command::Monitor(MonitorCommand::Memory(a)) => memory::memory(ctx, a).await,
        Command::Monitor(MonitorCommand::Stats(a)) => stats::stats(ctx, a).await,
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
        Command::Completions { shell } => {
            crate::docs::write_completions(shell, &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
    }
}
