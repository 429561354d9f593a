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
fn seed(t: &Target) -> (String, String, String) {
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
    t.run_str(&["PEXPIRE", &openai, "50000"]);
    for ago in [5.0, 2.0] {
        let ts = format!("{:.6}", n - ago);
        t.run_str(&["ZADD", &textract, &ts, &ts]);
    }
    t.run_str(&["SET", &bogus, "1"]);
    (openai, textract, bogus)
}

fn close(v: &Json, want: f64, tol: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - want).abs() <= tol)
}

fn windows(t: &Target) {
    let (openai, textract, bogus) = seed(t);
    let seeded = now();
    let r = t.ldp(&["rate", "list", "-o", "json"]).ok();
    let j = r.json();
    let w = find_by(&j, "key", &openai);
    assert_eq!(
        w["requests"], 3,
        "the stale entry is outside the window: {w}"
    );
    assert_eq!(w["entries"], 4);
    assert_eq!(w["window"], 60.0, "PTTL + (now - newest): {w}");
    assert!(close(&w["oldest"], seeded - 50.0, 1.0), "{w}");
    assert!(close(&w["newest"], seeded - 10.0, 1.0), "{w}");
    assert!(close(&w["ttl"], 50.0, 2.0), "{w}");
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

    // --limit N: when does a slot free? 3 in the window.
    for (limit, wait) in [(3, 10.0), (2, 30.0), (5, 0.0)] {
        let j = t
            .ldp(&["rate", "list", "-o", "json", "--limit", &limit.to_string()])
            .ok()
            .json();
        let w = find_by(&j, "key", &openai);
        assert_eq!(w["limit"], limit);
        assert!(close(&w["until_free"], wait, 1.5), "limit {limit}: {w}");
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
