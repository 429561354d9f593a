//! The options boundary: clap's parsed arguments become each command's plain
//! options here, validated before anything connects (ripgrep's low args to
//! high args). Past this module no code names a clap type.

pub mod batch;
pub mod cache;
pub mod doc;
pub mod import;
pub mod keys;
pub mod lock;
pub mod monitor;
pub mod queue;
pub mod sandbox;

use anyhow::Result;

use crate::cli::{
    BatchCommand, CacheCommand, Command, DocCommand, KeysCommand, LockCommand, MonitorCommand,
    QueueCommand, RateCommand, SandboxCommand,
};
use crate::commands::Action;

/// The command line's subcommand as an [`Action`] with plain options.
pub fn action(cmd: Command) -> Result<Action> {
    Ok(match cmd {
        Command::Keys(KeysCommand::Scan(a)) => Action::KeysScan(keys::scan(a)?),
        Command::Keys(KeysCommand::Delete(a)) => Action::KeysDelete(keys::delete(a)?),
        Command::Keys(KeysCommand::Audit(a)) => Action::KeysAudit(keys::audit(a)?),
        Command::Keys(KeysCommand::Restore(a)) => Action::KeysRestore(keys::restore(a)),
        Command::Cache(CacheCommand::Show(a)) => Action::CacheShow(cache::show(a)?),
        Command::Cache(CacheCommand::Clear(a)) => Action::CacheClear(cache::clear(a)?),
        Command::Cache(CacheCommand::Families) => Action::CacheFamilies,
        Command::Monitor(MonitorCommand::Health(a)) => Action::Health(monitor::health(a)?),
        Command::Monitor(MonitorCommand::Memory(a)) => Action::Memory(monitor::memory(a)),
        Command::Monitor(MonitorCommand::Stats(a)) => Action::Stats(monitor::stats(a)),
        Command::Monitor(MonitorCommand::Queues(a)) => Action::Queues(monitor::queues(a)),
        Command::Monitor(MonitorCommand::Workers(a)) => Action::Workers(monitor::workers(a)),
        Command::Monitor(MonitorCommand::Clients(a)) => Action::Clients(monitor::clients(a)),
        Command::Config(crate::cli::ConfigCommand::Show) => Action::ConfigShow,
        Command::Doctor(a) => Action::Doctor(monitor::doctor(a)?),
        Command::Lock(LockCommand::List(a)) => Action::LockList(lock::list(a)?),
        Command::Lock(LockCommand::Hold(a)) => Action::LockHold(lock::hold(a)?),
        Command::Lock(LockCommand::Run(a)) => Action::LockRun(lock::run(a)?),
        Command::Lock(LockCommand::Break(a)) => Action::LockBreak(lock::break_lock(a)?),
        Command::Import(a) => Action::Import(import::import(a)),
        Command::Batch(BatchCommand::List(a)) => Action::BatchList(batch::list(a)),
        Command::Batch(BatchCommand::Show(a)) => Action::BatchShow(batch::show(a)),
        Command::Rate(RateCommand::List(a)) => Action::RateList(batch::rate_list(a)),
        Command::Doc(DocCommand::Retry(a)) => Action::DocRetry(doc::retry(a)?),
        Command::Queue(QueueCommand::Peek(a)) => Action::QueuePeek(queue::peek(a)),
        Command::Queue(QueueCommand::Purge(a)) => Action::QueuePurge(queue::purge(a)),
        Command::Queue(QueueCommand::RequeueOverdue(a)) => {
            Action::QueueRequeue(queue::requeue_overdue(a))
        }
        Command::Audit(a) => Action::Audit(crate::commands::audit::AuditOptions {
            since: a.since,
            action: a.action,
            limit: a.limit.map(|n| n as usize),
        }),
        Command::Sandbox(a) => match a.command {
            Some(SandboxCommand::Stop) => Action::SandboxStop,
            None => Action::Sandbox(sandbox::start(a)?),
        },
        // Printed by `app` before any options are made: there are none.
        Command::Completions { .. } => {
            return Err(crate::error::LdpError::usage(
                "'completions' runs before the options boundary",
            ));
        }
    })
}
