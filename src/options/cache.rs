//! `ldp cache ...`: clap's arguments into the commands' plain options.

use anyhow::Result;

use crate::cli::{CacheClearArgs, CacheShowArgs, DocSelectArgs};
use crate::commands::cache::{ClearOptions, Selection, ShowOptions};
use crate::consent::Consent;

fn select(a: &DocSelectArgs) -> Result<Selection> {
    Selection::new(&a.docs, a.docs_from.as_deref(), a.project.as_deref())
}

/// `cache show`: every document id validated.
pub fn show(a: CacheShowArgs) -> Result<ShowOptions> {
    Ok(ShowOptions {
        select: select(&a.select)?,
        values: a.values,
        full: a.full,
        database_url: a.database_url,
    })
}

/// `cache clear`: every document id validated.
pub fn clear(a: CacheClearArgs) -> Result<ClearOptions> {
    Ok(ClearOptions {
        select: select(&a.select)?,
        family: a.family,
        consent: Consent::new(a.dry_run, a.yes),
        backup: a.backup,
        force: a.force,
        database_url: a.database_url,
    })
}
