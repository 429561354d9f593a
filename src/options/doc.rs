//! `ldp doc ...`: clap's arguments into plain options, ids validated.

use anyhow::Result;

use crate::cli::DocRetryArgs;
use crate::commands::doc::RetryOptions;
use crate::consent::Consent;
use crate::pipeline::ids::{ProjectId, parse_doc};

/// `doc retry`.
pub fn retry(a: DocRetryArgs) -> Result<RetryOptions> {
    crate::broker::layout::check_queue(&a.queue).map_err(crate::error::LdpError::usage)?;
    if !a.failed && (a.project.is_some() || a.since.is_some()) {
        return Err(crate::error::LdpError::usage(
            "--project and --since choose among failed documents: use them with --failed",
        ));
    }
    Ok(RetryOptions {
        docs: a
            .doc
            .iter()
            .map(|d| parse_doc(d))
            .collect::<Result<Vec<_>>>()?,
        failed: a.failed,
        project: a.project.as_deref().map(ProjectId::parse).transpose()?,
        since: a.since,
        queue: a.queue,
        priority: a.priority,
        consent: Consent::new(a.dry_run, a.yes),
    })
}
