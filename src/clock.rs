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

/// The pipeline's timestamps: Python's `datetime.utcnow().isoformat()`,
/// naive and meant as UTC (`2026-12-03T10:00:00.123456`, microseconds only
/// when non-zero; a space instead of the `T` too). One that carries `Z` or an
/// offset (`+00:00`, `-05:00`) is read as RFC 3339, offset applied.
pub fn parse_naive_utc(s: &str) -> Option<std::time::SystemTime> {
    let s = s.trim();
    ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f"]
        .iter()
        .find_map(|f| chrono::NaiveDateTime::parse_from_str(s, f).ok())
        .map(|t| t.and_utc().into())
        .or_else(|| chrono::DateTime::parse_from_rfc3339(s).ok().map(Into::into))
}
