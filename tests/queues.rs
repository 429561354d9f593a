//! `ldp monitor queues` against real Celery: Celery's own `apply_async` fills
//! queues at several priorities, a real worker (acks late, blocking tasks)
//! holds unacked messages, and ldp's figures must match what Redis holds,
//! exactly, in both priority layouts and with a global key prefix.

mod support;

use std::collections::BTreeMap;
use std::time::Duration;

use serde_json::{Value as Json, json};
use support::python::Broker;
use support::seed::{hlen, llen};
use support::{LdpTarget, RedisServer, interrupt_after_lines, ldp_std};

const NINE: [&str; 9] = [
    "default",
    "ocr",
    "text",
    "entity",
    "graph",
    "cleanup",
    "batch.high",
    "batch.normal",
    "batch.low",
];

/// queue -> its object in ldp's JSON.
fn by_queue(j: &Json) -> BTreeMap<String, Json> {
    j["queues"]
        .as_array()
        .expect("queues array")
        .iter()
        .map(|q| (q["queue"].as_str().unwrap().to_string(), q.clone()))
        .collect()
}

/// priority -> ready, from one queue's object.
fn per_priority(q: &Json) -> BTreeMap<u64, u64> {
    q["priorities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["priority"].as_u64().unwrap(),
                p["ready"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// Every priority list of a queue, read directly: the ground truth.
fn direct(
    s: &RedisServer,
    prefix: &str,
    queue: &str,
    steps: &[u64],
    sep: &[u8],
) -> BTreeMap<u64, u64> {
    steps
        .iter()
        .map(|&st| {
            let mut k = format!("{prefix}{queue}").into_bytes();
            if st > 0 {
                k.extend_from_slice(sep);
                k.extend_from_slice(st.to_string().as_bytes());
            }
            (st, llen(&mut s.client(), &k))
        })
        .collect()
}

fn check_against_redis(s: &RedisServer, j: &Json, prefix: &str, steps: &[u64], sep: &[u8]) {
    for (name, q) in by_queue(j) {
        let truth = direct(s, prefix, &name, steps, sep);
        assert_eq!(per_priority(&q), truth, "priority lists of {name}: {q}");
        assert_eq!(
            q["ready"].as_u64().unwrap(),
            truth.values().sum::<u64>(),
            "ready of {name}"
        );
    }
}

#[test]
fn kombu_layout_with_a_real_worker_holding_unacked_messages() {
    let s = RedisServer::start();
    let _g = s.guard();
    let broker = Broker::kombu(s.url());
    // Several queues, several priorities; 'extra.q' is not one of the nine.
    broker.produce(&json!([
        {"queue": "ocr", "priority": 0, "count": 2, "task": "block", "arg": "release"},
        {"queue": "ocr", "priority": 4, "count": 3, "task": "block", "arg": "release"},
        {"queue": "ocr", "priority": 9, "count": 1, "task": "block", "arg": "release"},
        {"queue": "default", "priority": 1, "count": 1},
        {"queue": "default", "priority": 5, "count": 2},
        {"queue": "default", "priority": 8, "count": 3},
        {"queue": "default", "priority": 9, "count": 1},
        {"queue": "entity", "priority": 3, "count": 4},
        {"queue": "extra.q", "priority": 7, "count": 2},
    ]));
    // Before any worker: exact per-priority depths, everything else 0.
    let j = s
        .broker_ldp(&["monitor", "queues", "-o", "json"])
        .ok()
        .json();
    let q = by_queue(&j);
    assert_eq!(
        per_priority(&q["default"]),
        BTreeMap::from([(0, 1), (3, 2), (6, 3), (9, 1)])
    );
    assert_eq!(q["default"]["ready"], 7);
    assert_eq!(
        per_priority(&q["ocr"]),
        BTreeMap::from([(0, 2), (3, 3), (6, 0), (9, 1)])
    );
    assert_eq!(q["entity"]["ready"], 4);
    assert_eq!(q["extra.q"]["ready"], 2, "{j}");
    for name in [
        "text",
        "graph",
        "cleanup",
        "batch.high",
        "batch.normal",
        "batch.low",
    ] {
        assert_eq!(q[name]["ready"], 0, "{name} is empty and present: {j}");
        assert_eq!(q[name]["unacked"], 0);
        assert_eq!(per_priority(&q[name]).len(), 4);
    }
    assert_eq!(j["discovered"], json!(["extra.q"]));
    assert_eq!(j["unacked"], 0);

    // A real worker on 'ocr' takes three messages and blocks on them (acks late).
    let mut w = broker.worker(&["ocr"], 3);
    w.wait_for("three unacked messages", || {
        hlen(&mut s.client(), b"unacked") == 3
    });
    let j = s
        .broker_ldp(&["monitor", "queues", "-o", "json"])
        .ok()
        .json();
    check_against_redis(&s, &j, "", &[0, 3, 6, 9], b"\x06\x16");
    let q = by_queue(&j);
    assert_eq!(q["ocr"]["ready"], 3, "{j}");
    assert_eq!(q["ocr"]["unacked"], 3, "{j}");
    assert_eq!(q["ocr"]["overdue"], 0);
    assert!(q["ocr"]["oldest_unacked_age"].as_f64().unwrap() >= 0.0);
    for name in NINE.iter().filter(|n| **n != "ocr") {
        assert_eq!(q[*name]["unacked"], 0, "{name}");
        assert_eq!(q[*name]["oldest_unacked_age"], Json::Null);
    }
    assert_eq!(j["unacked"], 3);
    assert_eq!(j["overdue"], 0);
    assert_eq!(j["unacked_elsewhere"], 0);
    assert_eq!(j["visibility_timeout"], 3600.0);
    assert_eq!(q["default"]["ready"], 7, "untouched by the worker");

    // Past a 1 s visibility timeout every held message is overdue: wait
    // until the newest delivery (its unacked_index score, the worker's clock,
    // which is ldp's) is over 1 s old.
    support::wait_until(
        "the newest delivery to be over 1 s old",
        Duration::from_secs(30),
        || {
            let newest: Vec<(String, f64)> = redis::cmd("ZRANGE")
                .arg("unacked_index")
                .arg(-1)
                .arg(-1)
                .arg("WITHSCORES")
                .query(&mut s.client())
                .unwrap();
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_secs_f64();
            newest.first().is_some_and(|(_, at)| now - at > 1.05)
        },
    );
    let j = s
        .broker_ldp(&[
            "monitor",
            "queues",
            "-o",
            "json",
            "--visibility-timeout",
            "1s",
        ])
        .ok()
        .json();
    let q = by_queue(&j);
    assert_eq!(q["ocr"]["overdue"], 3, "{j}");
    assert_eq!(j["overdue"], 3, "ZCOUNT over the whole index");
    assert!(q["ocr"]["oldest_unacked_age"].as_f64().unwrap() >= 1.0);
    assert_eq!(q["default"]["overdue"], 0);

    // Only the configured queues: no extra.q; a queue list of our own.
    let j = s
        .broker_ldp(&["monitor", "queues", "-o", "json", "--no-discover"])
        .ok()
        .json();
    assert_eq!(by_queue(&j).len(), 9);
    assert_eq!(j["unacked"], 3);
    let j = s
        .broker_ldp(&[
            "monitor",
            "queues",
            "-o",
            "json",
            "--queues",
            "entity,nothing",
            "--no-discover",
        ])
        .ok()
        .json();
    let q = by_queue(&j);
    assert_eq!(q.len(), 2);
    assert_eq!(
        (q["entity"]["ready"].clone(), q["nothing"]["ready"].clone()),
        (json!(4), json!(0))
    );
    assert_eq!(j["unacked_elsewhere"], 3, "ocr is not listed: {j}");

    // The table: every queue, per-priority columns, the discovered one marked.
    let out = s.broker_ldp(&["monitor", "queues", "-o", "table"]).ok();
    for name in NINE {
        out.stdout_has(name);
    }
    out.stdout_has("extra.q *")
        .stdout_has("P9")
        .stdout_has("OLDEST UNACKED");
    out.stdout_lacks("\x1b"); // no colour off a terminal
    // In a pipe: one tab-separated record per queue, no header.
    let pipe = s.broker_ldp(&["monitor", "queues"]).ok();
    pipe.stdout_lacks("OLDEST UNACKED")
        .stdout_has("extra.q *\t");
    assert_eq!(pipe.lines().len(), NINE.len() + 1, "{pipe}");
    drop(w);
}

#[test]
fn colon_layout_from_flags_and_from_a_profile() {
    let s = RedisServer::start();
    let _g = s.guard();
    let broker = Broker::colon(s.url());
    broker.produce(&json!([
        {"queue": "text", "priority": 0, "count": 1, "task": "block", "arg": "release"},
        {"queue": "text", "priority": 2, "count": 2, "task": "block", "arg": "release"},
        {"queue": "text", "priority": 7, "count": 2, "task": "block", "arg": "release"},
        {"queue": "graph", "priority": 1, "count": 1},
        {"queue": "graph", "priority": 4, "count": 2},
        {"queue": "graph", "priority": 9, "count": 3},
    ]));
    let mut w = broker.worker(&["text"], 2);
    w.wait_for("two unacked messages", || {
        hlen(&mut s.client(), b"unacked") == 2
    });
    let steps: Vec<u64> = (0..10).collect();
    let flags = ["--priority-steps", "0..9", "--priority-sep", ":"];
    let j = s
        .broker_cmd(&["monitor", "queues", "-o", "json"])
        .args(flags)
        .ok()
        .json();
    check_against_redis(&s, &j, "", &steps, b":");
    let q = by_queue(&j);
    let mut graph = BTreeMap::from_iter(steps.iter().map(|&s| (s, 0)));
    graph.extend([(1, 1), (4, 2), (9, 3)]);
    assert_eq!(per_priority(&q["graph"]), graph, "{j}");
    assert_eq!(q["graph"]["ready"], 6);
    assert_eq!(q["text"]["ready"], 3);
    assert_eq!(q["text"]["unacked"], 2);
    assert_eq!(j["unacked"], 2);
    assert_eq!(
        j["discovered"],
        json!([]),
        "text and graph are configured queues"
    );

    // The kombu default layout would miss the ':N' lists: the layout matters.
    let wrong = s
        .broker_ldp(&["monitor", "queues", "-o", "json"])
        .ok()
        .json();
    assert_eq!(by_queue(&wrong)["graph"]["ready"], 0);

    // The same from a config profile (priority_steps as a list and as a range).
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    std::fs::write(
        &cfg,
        "[profiles.colon]\npriority_steps = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]\npriority_sep = \":\"\n\
         visibility_timeout = \"2h\"\n[profiles.range]\npriority_steps = \"0..9\"\npriority_sep = \":\"\n",
    )
    .unwrap();
    for profile in ["colon", "range"] {
        let j = s
            .broker_cmd(&["--profile", profile, "monitor", "queues", "-o", "json"])
            .env("LDP_CONFIG", &cfg)
            .ok()
            .json();
        assert_eq!(
            per_priority(&by_queue(&j)["graph"]),
            graph,
            "profile {profile}"
        );
        let vt = if profile == "colon" { 7200.0 } else { 3600.0 };
        assert_eq!(j["visibility_timeout"], vt);
    }
    drop(w);
}

#[test]
fn global_keyprefix_and_watch() {
    let s = RedisServer::start();
    let _g = s.guard();
    let broker = Broker {
        prefix: Some("pfx:".into()),
        ..Broker::kombu(s.url())
    };
    broker.produce(&json!([
        {"queue": "batch.high", "priority": 9, "count": 2},
        {"queue": "batch.low", "priority": 1, "count": 3},
        {"queue": "side", "priority": 6, "count": 1},
    ]));
    let j = s
        .broker_ldp(&[
            "monitor",
            "queues",
            "-o",
            "json",
            "--global-keyprefix",
            "pfx:",
        ])
        .ok()
        .json();
    check_against_redis(&s, &j, "pfx:", &[0, 3, 6, 9], b"\x06\x16");
    let q = by_queue(&j);
    assert_eq!(q["batch.high"]["ready"], 2);
    assert_eq!(q["batch.low"]["ready"], 3);
    assert_eq!(j["discovered"], json!(["side"]), "{j}");
    let unprefixed = s
        .broker_ldp(&["monitor", "queues", "-o", "json"])
        .ok()
        .json();
    assert!(by_queue(&unprefixed).values().all(|q| q["ready"] == 0));

    // --watch with NDJSON: one line per refresh.
    let out = s
        .broker_ldp(&[
            "--global-keyprefix",
            "pfx:",
            "monitor",
            "queues",
            "-o",
            "ndjson",
            "--watch",
            "100ms",
            "--iterations",
            "3",
        ])
        .ok();
    let frames = out.ndjson();
    assert_eq!(frames.len(), 3, "{out}");
    for j in frames {
        assert_eq!(by_queue(&j)["batch.high"]["ready"], 2, "{out}");
    }
    // A table in a pipe: one frame per refresh, each under its header line.
    let out = s
        .broker_ldp(&["monitor", "queues", "--watch", "50ms", "--iterations", "2"])
        .ok();
    assert_eq!(
        out.stdout.matches("monitor queues: every 50ms").count(),
        2,
        "{out}"
    );
    out.stdout_lacks("\x1b"); // no screen control codes in a pipe

    // Ctrl-C ends a watch normally (exit 0) after the frames so far.
    let child = ldp_std()
        .args([
            "--broker-url",
            &s.url(),
            "monitor",
            "queues",
            "-o",
            "ndjson",
        ])
        .args(["--no-discover", "--watch", "100ms"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let out = interrupt_after_lines(child, 1, "monitor queues --watch 100ms (spawned)").ok();
    assert!(!out.lines().is_empty(), "{out}");
}

#[test]
fn usage_errors_and_unsupported_formats() {
    let s = support::shared_standalone();
    for (args, needle) in [
        (
            vec!["monitor", "queues", "-o", "nagios"],
            "does not support -o nagios",
        ),
        (
            vec!["monitor", "queues", "-o", "prometheus"],
            "does not support -o prometheus",
        ),
        (
            vec!["monitor", "queues", "--watch", "1s", "-o", "json"],
            "-o ndjson",
        ),
        (
            vec!["monitor", "queues", "--priority-steps", "9,3"],
            "ascending",
        ),
        (
            vec!["monitor", "queues", "--priority-sep", "\\xZZ"],
            "separator",
        ),
        (vec!["monitor", "queues", "--iterations", "2"], "--watch"),
        (vec!["monitor", "queues", "--queues", "a b"], "queue name"),
    ] {
        let out = s.broker_ldp(&args).fails(2);
        out.stderr_has(needle);
        assert_eq!(out.stderr.trim().lines().count(), 1, "one line:\n{out}");
    }
    // An unreachable broker is exit 69, naming it without its password.
    "redis://:hunter2@127.0.0.1:1/0"
        .broker_ldp(&["monitor", "queues"])
        .fails(69)
        .stderr_lacks("hunter2");
}

/// Depths cost one pipelined round trip, whatever the number of queues: the
/// server's own count of reads (`total_reads_processed`) grows by the same
/// amount for 9 queues as for 40 (160 LLENs: about 6 KiB, well inside one
/// 16 KiB read of the server's).
#[test]
fn depths_cost_one_round_trip_however_many_queues() {
    let s = RedisServer::start();
    let _g = s.guard();
    let reads = || -> u64 {
        let info: String = redis::cmd("INFO")
            .arg("stats")
            .query(&mut s.client())
            .unwrap();
        info.lines()
            .find_map(|l| l.strip_prefix("total_reads_processed:"))
            .and_then(|v| v.trim().parse().ok())
            .expect("total_reads_processed in INFO stats (Redis >= 6)")
    };
    let many: Vec<String> = (0..40).map(|i| format!("q{i}")).collect();
    let many = many.join(",");
    let mut cost = Vec::new();
    for queues in [
        "default,ocr,text,entity,graph,cleanup,batch.high,batch.normal,batch.low",
        many.as_str(),
    ] {
        let before = reads();
        s.broker_ldp(&[
            "--queues",
            queues,
            "monitor",
            "queues",
            "--no-discover",
            "-o",
            "json",
        ])
        .ok();
        cost.push(reads() - before);
    }
    // The same, give or take one read: the kernel may hand the server the
    // connection's first commands or its close in one read or in two.
    assert!(
        cost[0].abs_diff(cost[1]) <= 1,
        "reads for 9 and for 40 queues: {cost:?}"
    );
    // Both measuring connections, ldp's connection set-up and INFO, the one
    // pipeline, and the end of the connection: a handful, not 36 or 160.
    assert!(cost[0] <= 8 && cost[1] <= 8, "{cost:?}");
}
