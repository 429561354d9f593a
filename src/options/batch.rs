//! `ldp batch ...` and `ldp rate ...`: clap's arguments into plain options.

use crate::cli::{BatchListArgs, BatchShowArgs, RateListArgs};
use crate::commands::{batch, rate};

/// `batch list`.
pub fn list(a: BatchListArgs) -> batch::ListOptions {
    batch::ListOptions { limit: a.limit }
}

/// `batch show`.
pub fn show(a: BatchShowArgs) -> batch::ShowOptions {
    batch::ShowOptions {
        id: a.id,
        full: a.full,
        database_url: a.database_url,
    }
}

/// `rate list`.
pub fn rate_list(a: RateListArgs) -> rate::ListOptions {
    rate::ListOptions { limit: a.limit }
}
