//! A secret that never prints itself: passwords, tokens and URLs with
//! credentials travel in this type so no Debug or log line can leak them.

use std::fmt;

/// A secret that never prints itself.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Self {
        Secret(s.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// The environment variables that carry the pipeline's (and ldp's) secrets:
/// a child ldp starts (`lock run`) does not get them unless asked.
pub const SECRET_VARS: [&str; 13] = [
    "REDIS_PW",
    "REDIS_PASSWORD",
    "REDIS_URL",
    "CELERY_BROKER_URL",
    "CELERY_RESULT_BACKEND",
    "DATABASE_URL",
    "DATABASE_URL_DIRECT",
    "LDP_REDIS_URL",
    "LDP_REDIS_PASSWORD",
    "LDP_BROKER_URL",
    "LDP_DATABASE_URL",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
];
