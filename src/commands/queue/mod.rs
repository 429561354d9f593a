//! `ldp queue ...`: act on the Celery queues from Redis alone (no Python
//! app, no live worker): see what waits ([`peek`]), drop messages
//! ([`purge`]), and put back messages a dead worker held
//! ([`requeue`], kombu's own restore).

pub mod peek;
pub mod purge;
pub mod requeue;

pub use peek::{PeekOptions, peek};
pub use purge::{PurgeOptions, purge};
pub use requeue::{RequeueOptions, requeue_overdue};

use crate::broker::BrokerLayout;
use crate::error::LdpError;

/// A queue name the user gave: one of the layout's (or any well-formed
/// name: a queue may be bound by the app without being configured here).
fn check_queue(q: &str) -> anyhow::Result<()> {
    crate::broker::layout::check_queue(q).map_err(LdpError::usage)
}

/// A queue's priority lists in the order workers take them: the lowest
/// step first (kombu's BRPOP order), each served from its tail.
fn lists(layout: &BrokerLayout, queue: &str) -> Vec<(u8, Vec<u8>)> {
    let mut steps = layout.steps.clone();
    steps.sort_unstable();
    steps
        .into_iter()
        .map(|s| (s, layout.priority_key(queue, s)))
        .collect()
}
