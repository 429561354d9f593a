//! `ldp lock ...`: clap's arguments into the commands' plain options.

use anyhow::Result;

use crate::bytes;
use crate::cli::{LockBreakArgs, LockHoldArgs, LockListArgs, LockRunArgs};
use crate::commands::lock::{self, BreakOptions, HoldOptions, ListOptions, RunOptions};
use crate::consent::Consent;
use crate::error::{Exit, LdpError};

/// `lock list`.
pub fn list(a: LockListArgs) -> Result<ListOptions> {
    {
        use std::os::unix::ffi::OsStringExt;
        let pattern = match a.pattern {
            None => None,
            Some(p) => {
                let raw = p.into_vec();
                let pat = match std::str::from_utf8(&raw) {
                    Ok(s) if s.contains("\\x") => {
                        bytes::unescape_pattern(s).map_err(LdpError::usage)?
                    }
                    _ => raw,
                };
                if pat.is_empty() {
                    return Err(LdpError::usage(
                        "the pattern is empty (leave it out to list the lock families)",
                    ));
                }
                Some(pat)
            }
        };
        if a.limit == Some(0) {
            return Err(LdpError::usage("invalid --limit '0': must be at least 1"));
        }
        Ok(ListOptions {
            pattern,
            no_ttl: a.no_ttl,
            limit: a.limit,
        })
    }
}

/// `lock hold`.
pub fn hold(a: LockHoldArgs) -> Result<HoldOptions> {
    {
        Ok(HoldOptions {
            lock: lock::resolve_target(a.target.name, a.target.key)?,
            ttl: lock::check_ttl(a.lease.ttl)?,
            wait: a.lease.wait,
        })
    }
}

/// `lock run`: the command is required.
pub fn run(a: LockRunArgs) -> Result<RunOptions> {
    {
        if a.command.first().is_none_or(|c| c.is_empty()) {
            return Err(LdpError::usage("give the command to run after '--'"));
        }
        Ok(RunOptions {
            lock: lock::resolve_target(a.target.name, a.target.key)?,
            ttl: lock::check_ttl(a.lease.ttl)?,
            wait: a.lease.wait,
            conflict_exit_code: a
                .conflict_exit_code
                .unwrap_or_else(|| Exit::LockBusy.code()),
            grace: a.grace,
            command: a.command,
            pass_secrets: a.pass_secrets,
        })
    }
}

/// `lock break`: the token as bytes.
pub fn break_lock(a: LockBreakArgs) -> Result<BreakOptions> {
    {
        let token = match a.token {
            None => None,
            Some(t) if t.is_empty() => return Err(LdpError::usage("--token is empty")),
            Some(t) => {
                Some(bytes::unescape(&t).map_err(|e| LdpError::usage(format!("--token: {e}")))?)
            }
        };
        Ok(BreakOptions {
            lock: lock::resolve_target(a.target.name, a.target.key)?,
            token,
            consent: Consent::new(a.dry_run, a.yes),
            backup: a.backup,
        })
    }
}
