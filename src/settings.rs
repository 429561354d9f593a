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
    /// Where each setting came from, recorded while `config` resolved it
    /// (`ldp config show`); secrets appear only as `set`/`unset`.
    pub provenance: Vec<Origin>,
    /// Added to this machine's clock when comparing it with a server's
    /// (`ldp doctor`'s skew check). Always 0 from the process environment;
    /// an injected [`crate::config::Env`] sets it in tests.
    pub clock_offset_ms: i64,
}

/// Where one setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A command-line flag, e.g. `--url`.
    Flag(&'static str),
    /// An `LDP_*` variable of the environment.
    Ldp(&'static str),
    /// Another variable of the environment: the pipeline's own (`REDIS_URL`)
    /// or a convention (`NO_COLOR`).
    Env(String),
    /// A variable of the `--env-file` / `LDP_ENV_FILE` / profile `.env` file.
    EnvFile { path: PathBuf, var: String },
    /// A profile of the config file.
    Profile { file: PathBuf, name: String },
    /// Nothing set it.
    Default,
}

impl Source {
    /// One word for the kind of source: `flag`, `ldp-env`, `env`, `env-file`,
    /// `profile`, `default` (stable, for scripts).
    pub fn kind(&self) -> &'static str {
        match self {
            Source::Flag(_) => "flag",
            Source::Ldp(_) => "ldp-env",
            Source::Env(_) => "env",
            Source::EnvFile { .. } => "env-file",
            Source::Profile { .. } => "profile",
            Source::Default => "default",
        }
    }
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Flag(n) => write!(f, "flag {n}"),
            Source::Ldp(n) => write!(f, "env {n}"),
            Source::Env(n) => write!(f, "env {n}"),
            Source::EnvFile { path, var } => write!(f, "env-file {} ({var})", path.display()),
            Source::Profile { file, name } => {
                write!(f, "profile {name} ({})", file.display())
            }
            Source::Default => f.write_str("default"),
        }
    }
}

/// One resolved setting: its name, the value as shown (secrets as
/// `set`/`unset`, URLs without their password) and its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    pub setting: &'static str,
    pub value: String,
    pub source: Source,
}
