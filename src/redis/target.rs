//! Where and how to reach one Redis deployment: a plain value merged by
//! `config`, read by the connection layer.

use std::path::PathBuf;
use std::time::Duration;

use crate::secret::Secret;

/// Where and how to reach one Redis deployment (standalone or cluster seeds).
#[derive(Debug, Clone)]
pub struct RedisTarget {
    pub urls: Vec<String>,
    /// Overrides any password in the URLs.
    pub password: Option<Secret>,
    /// Used when the URL carries no user (built from REDIS_USERNAME).
    pub username: Option<String>,
    pub tls_ca: Option<PathBuf>,
    pub tls_insecure: bool,
    pub timeout: Duration,
}
