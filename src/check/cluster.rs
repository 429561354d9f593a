//! The cluster check: `CLUSTER INFO` state and slot coverage, and the
//! primaries a tolerant connect could not reach.

use crate::check::{Check, Perf};
use crate::exit::Status;
use crate::redis::Redis;
use crate::redis::info::{Info, num, parse_info, text};

/// `cluster_state`, slot coverage and the nodes a tolerant connect missed.
pub async fn cluster_check(redis: &Redis) -> Vec<Check> {
    let mut out = Vec::new();
    for (addr, reason) in redis.down() {
        out.push(Check::new(
            "reachable",
            Some(addr),
            Status::Critical,
            "down".into(),
            format!("cluster primary {addr} is unreachable: {reason}"),
        ));
    }
    let Some(ci) = cluster_info(redis).await else {
        out.push(Check::new(
            "cluster",
            None,
            Status::Unknown,
            "?".into(),
            "CLUSTER INFO failed on every node".into(),
        ));
        return out;
    };
    out.push(cluster_verdict(redis, &ci));
    out
}

/// `CLUSTER INFO` from the first node that answers.
async fn cluster_info(redis: &Redis) -> Option<Info> {
    for n in redis.nodes() {
        if let Ok(text) = n.read::<String>(redis::cmd("CLUSTER").arg("INFO")).await {
            return Some(parse_info(&text));
        }
    }
    None
}

/// CRITICAL when the state is not ok, slots are unassigned or failing, or a
/// primary is unreachable; WARNING when slots are possibly failing.
fn cluster_verdict(redis: &Redis, ci: &Info) -> Check {
    let cs = text(ci, "cluster_state").unwrap_or_default().to_string();
    let ok = num(ci, "cluster_slots_ok").unwrap_or(0.0);
    let pfail = num(ci, "cluster_slots_pfail").unwrap_or(0.0);
    let fail = num(ci, "cluster_slots_fail").unwrap_or(0.0);
    let assigned = num(ci, "cluster_slots_assigned").unwrap_or(0.0);
    let mut st = Status::Ok;
    let mut why = Vec::new();
    if cs != "ok" {
        st = Status::Critical;
        why.push(format!("cluster_state is {cs}"));
    }
    if assigned < 16384.0 || fail > 0.0 {
        st = Status::Critical;
        why.push(format!(
            "{} slots unassigned, {fail} failing",
            16384.0 - assigned
        ));
    } else if pfail > 0.0 {
        st = st.worst(Status::Warning);
        why.push(format!("{pfail} slots possibly failing"));
    }
    if !redis.down().is_empty() {
        st = Status::Critical;
        why.push(format!(
            "{} primary node(s) unreachable",
            redis.down().len()
        ));
    }
    let message = if why.is_empty() {
        format!(
            "state ok, {ok} of 16384 slots ok, {} primaries",
            redis.nodes().len()
        )
    } else {
        why.join("; ")
    };
    Check::new("cluster", None, st, cs, message).perf(
        Perf::gauge(
            "ldp_redis_cluster_slots_ok",
            "cluster_slots_ok".into(),
            ok,
            "",
        )
        .range(Some(0.0), Some(16384.0)),
    )
}
