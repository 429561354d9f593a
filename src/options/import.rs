//! `ldp import`: clap's arguments into the command's plain options.

use crate::cli::ImportArgs;
use crate::commands::import::ImportOptions;
use crate::consent::Consent;

/// `import`: the flags as given; the command validates them before any work.
pub fn import(a: ImportArgs) -> ImportOptions {
    ImportOptions {
        paths: a.paths,
        manifest: a.manifest,
        project: a.project,
        queue: a.queue,
        priority: a.priority,
        as_batch: a.as_batch,
        batch_size: a.batch_size,
        path_template: a.path_template,
        batch_id: a.batch_id,
        batch_ttl: a.batch_ttl,
        consent: Consent::new(a.dry_run, a.yes),
        rate: a.rate,
        include: a.include,
        exclude: a.exclude,
        fail_fast: a.fail_fast,
        jobs: a.jobs,
        database_url: a.database_url,
        bucket: a.bucket,
        s3_endpoint: a.s3_endpoint,
    }
}
