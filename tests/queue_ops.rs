//! `ldp queue peek|purge|requeue-overdue` against real Celery: producers
//! publish with `apply_async`, real workers (acks late, prefetch 1) run the
//! tasks and record the order they ran in (`ldp_test:ran`).

mod support;

use std::collections::BTreeSet;
use std::process::Stdio;
use std::time::Duration;

use serde_json::{Value as Json, json};
use support::python::{Broker, py_dir, python};
use support::seed::{hlen, llen};
use support::{LdpTarget, RedisServer, wait_until};

/// What ran, in order: the ids `ldp_test.record` / `ldp_test.hold` appended.
fn ran(s: &RedisServer) -> Vec<String> {
    redis::cmd("LRANGE")
        .arg("ldp_test:ran")
        .arg(0)
        .arg(-1)
        .query(&mut s.client())
        .unwrap()
}

/// Every message of a queue's priority lists, decoded (task name, id, envelope).
fn waiting(s: &RedisServer, queue: &str) -> Vec<(String, String, Json)> {
    let mut out = Vec::new();
    for step in ["", "\x06\x163", "\x06\x166", "\x06\x169"] {
        let items: Vec<Vec<u8>> = redis::cmd("LRANGE")
            .arg(format!("{queue}{step}"))
            .arg(0)
            .arg(-1)
            .query(&mut s.client())
            .unwrap();
        for m in items {
            let env: Json = serde_json::from_slice(&m).unwrap();
            out.push((
                env["headers"]["task"].as_str().unwrap().to_string(),
                env["headers"]["id"].as_str().unwrap().to_string(),
                env,
            ));
        }
    }
    out
}

#[test]
fn peek_shows_exactly_what_a_worker_then_runs_in_that_order() {
    let s = RedisServer::start();
    let _g = s.guard();
    let b = Broker::kombu(s.url());
    b.produce(&json!([
        {"queue": "default", "priority": 5, "count": 4, "task": "record"},
        {"queue": "default", "priority": 0, "count": 3, "task": "record"},
        {"queue": "default", "priority": 9, "count": 3, "task": "record"},
        {"queue": "default", "priority": 2, "count": 2, "task": "record"},
    ]));
    let j = s
        .ldp(&["queue", "peek", "default", "--limit", "100", "-o", "json"])
        .ok()
        .json();
    assert_eq!(j["ready"], 12, "{j:#}");
    let peeked: Vec<String> = j["messages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            assert_eq!(m["task"], "ldp_test.record", "{m}");
            m["id"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(peeked.len(), 12);
    // Peeking popped nothing.
    assert_eq!(waiting(&s, "default").len(), 12);
    let mut w = b.worker(&["default"], 1);
    w.wait_for("12 tasks ran", || ran(&s).len() >= 12);
    assert_eq!(
        ran(&s),
        peeked,
        "the worker ran them in the order peek showed"
    );
    let j = s
        .ldp(&["queue", "peek", "default", "-o", "json"])
        .ok()
        .json();
    assert_eq!(j["ready"], 0);
    assert_eq!(j["messages"], json!([]));
}

#[test]
fn purging_one_task_keeps_the_others_and_loses_none_sent_meanwhile() {
    let s = RedisServer::start();
    let _g = s.guard();
    let b = Broker::kombu(s.url());
    b.produce(&json!([
        {"queue": "default", "priority": 5, "count": 3000, "task": "noop"},
        {"queue": "default", "priority": 5, "count": 3000, "task": "record"},
    ]));
    // A producer publishing both tasks while the purge runs.
    let mut producer = std::process::Command::new(python())
        .current_dir(py_dir())
        .env("PYTHONPATH", py_dir())
        .env("LDP_TEST_BROKER", s.url())
        .arg(py_dir().join("produce.py"))
        .arg(
            json!([
                {"queue": "default", "priority": 5, "count": 1500, "task": "noop"},
                {"queue": "default", "priority": 5, "count": 1500, "task": "record"},
            ])
            .to_string(),
        )
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let key: &[u8] = b"default\x06\x163";
    wait_until("the producer has started", Duration::from_secs(60), || {
        llen(&mut s.client(), key) > 6000
    });
    let j = s
        .ldp(&[
            "queue",
            "purge",
            "default",
            "--task",
            "ldp_test.noop",
            "--yes",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert!(producer.wait().unwrap().success());
    let removed = j["removed"].as_u64().unwrap() as usize;
    let left = waiting(&s, "default");
    let noop_left = left.iter().filter(|m| m.0 == "ldp_test.noop").count();
    let record_left = left.iter().filter(|m| m.0 == "ldp_test.record").count();
    assert_eq!(record_left, 4500, "every other task's message stays");
    assert_eq!(
        removed + noop_left,
        4500,
        "none lost, none counted twice: {j}"
    );
    assert!(
        removed >= 3000,
        "what was there when the purge began is gone: {j}"
    );
    let ids: BTreeSet<&str> = left.iter().map(|m| m.1.as_str()).collect();
    assert_eq!(ids.len(), left.len(), "no message doubled");
}

#[test]
fn purge_obeys_dry_run_and_yes_and_refuses_a_bad_queue_name() {
    let s = RedisServer::start();
    let _g = s.guard();
    let b = Broker::kombu(s.url());
    b.produce(&json!([{"queue": "ocr", "priority": 0, "count": 5, "task": "noop"}]));
    s.ldp(&["queue", "purge", "ocr", "--dry-run"])
        .ok()
        .stderr_has("would remove 5");
    s.ldp(&["queue", "purge", "ocr"])
        .fails(2)
        .stderr_has("without --yes");
    assert_eq!(llen(&mut s.client(), b"ocr"), 5, "nothing removed");
    s.ldp(&["queue", "purge", "ocr", "--yes"])
        .ok()
        .stderr_has("removed 5");
    assert_eq!(llen(&mut s.client(), b"ocr"), 0);
    s.ldp(&["queue", "purge", "no such queue", "--yes"])
        .fails(2);
}

#[test]
fn requeue_overdue_brings_back_what_a_killed_worker_held_and_each_runs_once() {
    let s = RedisServer::start();
    let _g = s.guard();
    let b = Broker::kombu(s.url());
    b.produce(&json!([
        {"queue": "default", "priority": 5, "count": 2, "task": "hold", "arg": "release"},
    ]));
    let mut w = b.worker(&["default"], 2);
    w.wait_for("both messages held unacked", || {
        hlen(&mut s.client(), b"unacked") == 2 && blocked(&s) == 2
    });
    let held: BTreeSet<String> = unacked_ids(&s);
    w.stop(); // kill -9 of the whole process group
    // The dead worker's BLPOPs are gone once Redis has closed its connections.
    wait_until(
        "the killed worker's clients are gone",
        Duration::from_secs(30),
        || blocked(&s) == 0,
    );
    assert_eq!(
        hlen(&mut s.client(), b"unacked"),
        2,
        "still unacked after the kill"
    );
    // Overdue with a 1 s visibility timeout once a second has passed since delivery.
    wait_until(
        "the messages are a second old",
        Duration::from_secs(30),
        || {
            let now: (u64, u64) = redis::cmd("TIME").query(&mut s.client()).unwrap();
            let now = now.0 as f64 + now.1 as f64 / 1e6;
            let n: u64 = redis::cmd("ZCOUNT")
                .arg("unacked_index")
                .arg("-inf")
                .arg(now - 1.5)
                .query(&mut s.client())
                .unwrap();
            n == 2
        },
    );
    let dry = s
        .ldp(&[
            "queue",
            "requeue-overdue",
            "--visibility-timeout",
            "1s",
            "--dry-run",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(dry["overdue"], 2, "{dry:#}");
    assert_eq!(
        hlen(&mut s.client(), b"unacked"),
        2,
        "a dry run moves nothing"
    );
    s.ldp(&["queue", "requeue-overdue", "--visibility-timeout", "1s"])
        .fails(2)
        .stderr_has("without --yes");
    let j = s
        .ldp(&[
            "queue",
            "requeue-overdue",
            "--visibility-timeout",
            "1s",
            "--yes",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(j["requeued"], 2, "{j:#}");
    assert_eq!(hlen(&mut s.client(), b"unacked"), 0);
    let back = waiting(&s, "default");
    assert_eq!(back.len(), 2);
    for (_, _, env) in &back {
        assert_eq!(env["headers"]["redelivered"], true, "{env}");
        assert_eq!(env["properties"]["delivery_info"]["redelivered"], true);
    }
    let back_ids: BTreeSet<String> = back.iter().map(|m| m.1.clone()).collect();
    assert_eq!(back_ids, held, "the held messages went back");
    let _: () = redis::cmd("RPUSH")
        .arg("release")
        .arg("go")
        .arg("go")
        .query(&mut s.client())
        .unwrap();
    let mut fresh = b.worker(&["default"], 2);
    fresh.wait_for("both ran and were acked", || {
        ran(&s).len() >= 2 && hlen(&mut s.client(), b"unacked") == 0
    });
    let runs = ran(&s);
    assert_eq!(runs.len(), 2, "each ran exactly once: {runs:?}");
    assert_eq!(runs.into_iter().collect::<BTreeSet<_>>(), held);
    assert_eq!(waiting(&s, "default").len(), 0);
}

/// Clients blocked in BLPOP/BRPOP (`INFO clients`).
fn blocked(s: &RedisServer) -> u64 {
    let info: String = redis::cmd("INFO")
        .arg("clients")
        .query(&mut s.client())
        .unwrap();
    info.lines()
        .find_map(|l| l.strip_prefix("blocked_clients:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0)
}

/// The task ids held in `unacked`.
fn unacked_ids(s: &RedisServer) -> BTreeSet<String> {
    let vals: Vec<Vec<u8>> = redis::cmd("HVALS")
        .arg("unacked")
        .query(&mut s.client())
        .unwrap();
    vals.iter()
        .map(|v| {
            let m: Json = serde_json::from_slice(v).unwrap();
            m[0]["headers"]["id"].as_str().unwrap().to_string()
        })
        .collect()
}
