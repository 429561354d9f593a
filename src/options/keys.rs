//! `ldp keys ...`: clap's arguments into the commands' plain options.

use std::ffi::OsString;

use anyhow::Result;

use crate::bytes;
use crate::cli::{AuditArgs, DeleteArgs, RestoreArgs, ScanArgs};
use crate::commands::keys::audit::AuditOptions;
use crate::commands::keys::restore::RestoreOptions;
use crate::commands::keys::{DeleteOptions, ScanOptions};
use crate::consent::Consent;
use crate::error::LdpError;

/// A pattern as given; `\xNN` escapes (as keys are printed) become bytes.
pub fn pattern_bytes(p: OsString) -> Result<Vec<u8>> {
    use std::os::unix::ffi::OsStringExt;
    let raw = p.into_vec();
    // Patterns may carry bytes typed in escaped form (`\xNN`), as keys are printed.
    match std::str::from_utf8(&raw) {
        Ok(s) if s.contains("\\x") => bytes::unescape_pattern(s).map_err(LdpError::usage),
        _ => Ok(raw),
    }
}

/// `keys scan`: fields deduplicated, the pattern as bytes.
pub fn scan(a: ScanArgs) -> Result<ScanOptions> {
    {
        let mut fields = Vec::new();
        for f in a.fields {
            if !fields.contains(&f) {
                fields.push(f);
            }
        }
        Ok(ScanOptions {
            pattern: pattern_bytes(a.pattern)?,
            key_type: a.key_type,
            limit: a.limit,
            fields,
            no_ttl: a.no_ttl,
            group: a.group,
            top: a.top,
            count: a.count,
            memory_samples: a.memory_samples,
        })
    }
}

/// `keys delete`.
pub fn delete(a: DeleteArgs) -> Result<DeleteOptions> {
    {
        Ok(DeleteOptions {
            pattern: pattern_bytes(a.pattern)?,
            consent: Consent::new(a.dry_run, a.yes),
            backup: a.backup,
            max_keys: a.max_keys,
            include_protected: a.include_protected,
            count: a.count,
        })
    }
}

/// `keys audit`.
pub fn audit(a: AuditArgs) -> Result<AuditOptions> {
    Ok(AuditOptions {
        fix_ttl: a.fix_ttl,
        ttl: a.ttl,
        consent: Consent::new(a.dry_run, a.yes),
        unknown: a.unknown,
        count: a.count,
    })
}

/// `keys restore`.
pub fn restore(a: RestoreArgs) -> RestoreOptions {
    RestoreOptions {
        file: a.file,
        replace: a.replace,
        consent: Consent::new(a.dry_run, a.yes),
    }
}
