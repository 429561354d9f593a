//! `ldp queue ...`: clap's arguments into plain options.

use crate::cli::{QueuePeekArgs, QueuePurgeArgs, QueueRequeueArgs};
use crate::commands::queue::{PeekOptions, PurgeOptions, RequeueOptions};
use crate::consent::Consent;

/// `queue peek`.
pub fn peek(a: QueuePeekArgs) -> PeekOptions {
    PeekOptions {
        queue: a.queue,
        limit: a.limit as usize,
    }
}

/// `queue purge`.
pub fn purge(a: QueuePurgeArgs) -> PurgeOptions {
    PurgeOptions {
        queues: a.queues,
        task: a.task,
        consent: Consent::new(a.dry_run, a.yes),
        backup: a.backup,
    }
}

/// `queue requeue-overdue`.
pub fn requeue_overdue(a: QueueRequeueArgs) -> RequeueOptions {
    RequeueOptions {
        visibility_timeout: a.visibility_timeout,
        consent: Consent::new(a.dry_run, a.yes),
    }
}
