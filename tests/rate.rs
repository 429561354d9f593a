//! `ldp rate list` over sliding windows seeded the way the pipeline keeps
//! them (zset: member and score the request's timestamp; the key re-EXPIREd
//! to the window on every request), on standalone and on a cluster.

mod support;

use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::Value as Json;
use support::{
    LdpTarget, RedisServer, Target, find_by, shared_cluster, shared_standalone, unique_prefix,
};

fn now() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs_f64()
}

/// A 60 s window: requests 70 s (stale), 50, 30 and 10 s ago; the last one
/// set the TTL to 60 s, 10 s ago. A window without TTL, and a non-zset.
/// Also returns the time the entries and the expiry are relative to.
fn seed(t: &Target) -> (String, String, String, f64) {
    let p = unique_prefix("rate");
    let (openai, textract, bogus) = (
        format!("rate:{p}openai"),
        format!("rate:{p}textract"),
        format!("rate:{p}bogus"),
    );
    let n = now();
    for ago in [70.0, 50.0, 30.0, 10.0] {
        let ts = format!("{:.6}", n - ago);
        t.run_str(&["ZADD", &openai, &ts, &ts]);
    }
    // The state a TTL of 60 s set 10 s ago leaves: expiry at n + 50 s, set
    // absolutely so that however long the seeding took, the window is 60 s.
    let at = format!("{}", ((n + 50.0) * 1000.0).round() as u64);
    t.run_str(&["PEXPIREAT", &openai, &at]);
    for ago in [5.0, 2.0] {
        let ts = format!("{:.6}", n - ago);
        t.run_str(&["ZADD", &textract, &ts, &ts]);
    }
    t.run_str(&["SET", &bogus, "1"]);
    (openai, textract, bogus, n)
}

fn close(v: &Json, want: f64, tol: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - want).abs() <= tol)
}

/// `v` lies in `lo..=hi`, give or take ldp's rounding to the millisecond.
fn within(v: &Json, lo: f64, hi: f64) -> bool {
    v.as_f64()
        .is_some_and(|x| x >= lo - 0.002 && x <= hi + 0.002)
}

/// `ldp rate list -o json` with `args`, and the clock before and after it:
/// whatever ldp computed from its own "now" lies between the two.
fn list(t: &Target, args: &[&str]) -> (Json, f64, f64) {
    let mut all = vec!["rate", "list", "-o", "json"];
    all.extend_from_slice(args);
    let before = now();
    let j = t.ldp(&all).ok().json();
    (j, before, now())
}

fn windows(t: &Target) {
    let (openai, textract, bogus, n) = seed(t);
    let r = t.ldp(&["rate", "list", "-o", "json"]).ok();
    let after = now();
    let j = r.json();
    let w = find_by(&j, "key", &openai);
    assert_eq!(
        w["requests"], 3,
        "the stale entry is outside the window: {w}"
    );
    assert_eq!(w["entries"], 4);
    assert_eq!(w["window"], 60.0, "PTTL + (now - newest): {w}");
    // The entries' own timestamps; the TTL counted down from 50 s at n.
    assert!(close(&w["oldest"], n - 50.0, 1e-3), "{w}");
    assert!(close(&w["newest"], n - 10.0, 1e-3), "{w}");
    assert!(within(&w["ttl"], 50.0 - (after - n), 50.0), "{w}");
    assert_eq!(w["limit"], Json::Null);
    assert_eq!(w["until_free"], Json::Null);
    assert_eq!(w["name"], openai.strip_prefix("rate:").unwrap());
    let x = find_by(&j, "key", &textract);
    assert_eq!(
        (x["requests"].clone(), x["window"].clone()),
        (2.into(), Json::Null)
    );
    assert!(
        !j.as_array()
            .unwrap()
            .iter()
            .any(|w| w["key"] == bogus.as_str())
    );
    r.stderr_has("not sorted sets");

    // --limit N: when does a slot free? 3 in the window. `wait` is counted
    // from n; ldp counts from its own now, somewhere in before..after.
    for (limit, wait) in [(3, 10.0), (2, 30.0), (5, 0.0)] {
        let (j, before, after) = list(t, &["--limit", &limit.to_string()]);
        let w = find_by(&j, "key", &openai);
        assert_eq!(w["limit"], limit);
        let (lo, hi) = if wait > 0.0 {
            (wait - (after - n), wait - (before - n))
        } else {
            (0.0, 0.0)
        };
        assert!(within(&w["until_free"], lo, hi), "limit {limit}: {w}");
    }
    let j = t
        .ldp(&["rate", "list", "-o", "json", "--limit", "3"])
        .ok()
        .json();
    assert_eq!(
        find_by(&j, "key", &textract)["until_free"],
        0.0,
        "2 < 3: free now"
    );
    let j = t
        .ldp(&["rate", "list", "-o", "json", "--limit", "2"])
        .ok()
        .json();
    assert_eq!(
        find_by(&j, "key", &textract)["until_free"],
        Json::Null,
        "no window: unknown"
    );

    let out = t.ldp(&["rate", "list", "--limit", "3", "-o", "table"]).ok();
    for needle in [openai.as_str(), "3/3", "1m", "no TTL", "SLOT FREES IN"] {
        out.stdout_has(needle);
    }
}

#[test]
fn windows_on_standalone() {
    let s = shared_standalone();
    let _g = s.guard();
    windows(&Target::One(s));
}

#[test]
fn windows_on_a_cluster() {
    let c = shared_cluster();
    let _g = c.guard();
    windows(&Target::Cluster(c));
}

#[test]
fn formats() {
    let s = RedisServer::start();
    let out = s.ldp(&["rate", "list", "-o", "json"]).ok();
    assert_eq!(out.stdout.trim(), "[]", "{out}");
    for args in [
        &["rate", "list", "-o", "nagios"][..],
        &["rate", "list", "-o", "prometheus"],
        &["rate", "list", "--limit", "0"],
    ] {
        s.ldp(args).fails(2);
    }
}
