//! The settings every command runs with: a plain value that `config`
//! resolves from flags, environment, profile and defaults, and commands
//! read. It sits below both, so neither reaches into the other.

use std::path::PathBuf;

use crate::audit::AuditSettings;
use crate::broker::BrokerLayout;
use crate::intake::IntakeSettings;
use crate::output::{ColorWhen, OutputFormat};
use crate::redis::target::RedisTarget;

/// Everything a command needs to know about its environment.
#[derive(Debug, Clone)]
pub struct Settings {
    pub redis: RedisTarget,
    pub broker: RedisTarget,
    pub output: Option<OutputFormat>,
    pub color: ColorWhen,
    /// -q lowers, -v raises; 0 is normal.
    pub verbosity: i8,
    pub broker_layout: BrokerLayout,
    /// An operator's key-family registry file (extends the embedded one).
    pub keyspace: Option<PathBuf>,
    /// PostgreSQL and object storage for `ldp import`'s intake.
    pub intake: IntakeSettings,
    /// The request timeout was set (`--timeout`, `LDP_TIMEOUT`, the profile)
    /// rather than defaulted: `monitor workers` then waits that long for
    /// the workers' replies instead of its own default.
    pub timeout_given: bool,
    /// The pipeline's Redis connection pool per process
    /// (`REDIS_MAX_CONNECTIONS`, 50 by default).
    pub pool_size: u64,
    /// Where destructive runs' audit entries go besides `ldp:audit`.
    pub audit: AuditSettings,
}
