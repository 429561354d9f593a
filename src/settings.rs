//! The settings every command runs with: a plain value that `config`
//! resolves from flags, environment, profile and defaults, and commands
//! read. It sits below both, so neither reaches into the other.

use std::path::PathBuf;

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
}
