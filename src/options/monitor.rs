//! `ldp monitor ...`: clap's arguments into the commands' plain options.

use anyhow::Result;

use crate::cli::{
    ClientsArgs, HealthArgs, MemoryArgs, QueuesArgs, StatsArgs, WatchArgs, WorkersArgs,
};
use crate::commands::monitor::Watch;
use crate::commands::monitor::clients::ClientsOptions;
use crate::commands::monitor::health::{self, HealthOptions};
use crate::commands::monitor::memory::MemoryOptions;
use crate::commands::monitor::queues::QueuesOptions;
use crate::commands::monitor::stats::StatsOptions;
use crate::commands::monitor::workers::WorkersOptions;
use crate::error::LdpError;

fn watch(w: WatchArgs) -> Watch {
    Watch {
        watch: w.watch,
        iterations: w.iterations,
    }
}

/// `monitor health`: check names known, percentages 0-100, warn below crit.
pub fn health(a: HealthArgs) -> Result<HealthOptions> {
    {
        if a.interval.is_some_and(|i| i.is_zero()) {
            return Err(LdpError::usage(
                "invalid --interval '0': two samples need time between them, e.g. 10s",
            ));
        }
        for n in a.check.iter().chain(&a.skip) {
            if !health::CHECKS.contains(&n.as_str()) {
                return Err(LdpError::usage(format!(
                    "unknown check '{n}' (checks: {})",
                    health::CHECKS.join(", ")
                )));
            }
        }
        // Percentages are 0-100 by their flags' parser (cli::parse_percent).
        let o = HealthOptions {
            latency_warn: a.latency_warn,
            latency_crit: a.latency_crit,
            memory_warn: a.memory_warn,
            memory_crit: a.memory_crit,
            clients_warn: a.clients_warn,
            clients_crit: a.clients_crit,
            frag_warn: a.frag_warn,
            frag_min_bytes: a.frag_min_mb * 1024 * 1024,
            queue_warn: a.queue_warn,
            queue_crit: a.queue_crit,
            visibility: a.visibility_timeout,
            interval: a.interval,
            deep: a.deep,
            stuck_after: a.stuck_after,
            only: a.check,
            skip: a.skip,
            output_file: a.output_file,
            pool_size: a.pool.pool_size,
        };
        if o.memory_warn > o.memory_crit
            || o.clients_warn > o.clients_crit
            || o.latency_warn > o.latency_crit
            || o.queue_warn > o.queue_crit
        {
            return Err(LdpError::usage(
                "a warning threshold is above its critical threshold",
            ));
        }
        Ok(o)
    }
}

/// `monitor memory`.
pub fn memory(a: MemoryArgs) -> MemoryOptions {
    MemoryOptions {
        top: a.top,
        sample: a.sample,
        full: a.full,
        count: a.count,
    }
}

/// `monitor stats`.
pub fn stats(a: StatsArgs) -> StatsOptions {
    StatsOptions {
        interval: a.interval,
        window: a.window,
        watch: watch(a.watch),
    }
}

/// `monitor queues`.
pub fn queues(a: QueuesArgs) -> QueuesOptions {
    QueuesOptions {
        visibility_timeout: a.visibility_timeout,
        no_discover: a.no_discover,
        watch: watch(a.watch),
    }
}

/// `monitor workers`.
pub fn workers(a: WorkersArgs) -> WorkersOptions {
    WorkersOptions {
        watch: watch(a.watch),
    }
}

/// `monitor clients`.
pub fn clients(a: ClientsArgs) -> ClientsOptions {
    ClientsOptions {
        idle_over: a.idle_over,
        pool_size: a.pool.pool_size,
    }
}

/// `doctor`: the skew thresholds, in order.
pub fn doctor(a: crate::cli::DoctorArgs) -> Result<crate::commands::doctor::DoctorOptions> {
    if a.skew_crit < a.skew_warn {
        return Err(crate::error::LdpError::usage(
            "invalid --skew-crit: must not be below --skew-warn",
        ));
    }
    Ok(crate::commands::doctor::DoctorOptions {
        skew_warn: a.skew_warn,
        skew_crit: a.skew_crit,
    })
}
