//! The local clock, as the pipeline reads it (float seconds since the epoch).

use std::time::{SystemTime, UNIX_EPOCH};

/// Seconds since the epoch on ldp's clock (kombu scores unacked messages
/// with the workers' clocks, and judges them against its own the same way).
pub fn unix_now() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}
