//! `ldp monitor health|memory|stats` against real servers: thresholds,
//! replication and cluster failures, Nagios and Prometheus formats, exact
//! hit-rate arithmetic.

mod support;

use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::Value as Json;
use support::{Cluster, LdpTarget, RedisServer, interrupt_after_lines, wait_until};

fn check<'a>(j: &'a Json, name: &str) -> Vec<&'a Json> {
    j["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["name"] == name)
        .collect()
}

#[test]
fn a_fresh_idle_server_is_ok() {
    let s = RedisServer::start();
    let _g = s.guard();
    let j = s.ldp(&["monitor", "health", "-o", "json"]).ok().json();
    assert_eq!(j["status"], "OK");
    for name in [
        "reachable",
        "latency",
        "role",
        "memory",
        "fragmentation",
        "clients",
        "persistence",
    ] {
        let c = check(&j, name);
        assert_eq!(c.len(), 1, "{name}: {j:#}");
        assert_eq!(c[0]["status"], "OK", "{name}: {j:#}");
    }
    // The table names every check and ends with the plugin-style summary.
    let r = s.ldp(&["monitor", "health"]).ok();
    assert!(r.last_line().starts_with("LDP OK - "), "{r}");
    assert!(r.stdout.lines().all(|l| l.chars().count() <= 100), "{r}");
}

#[test]
fn memory_near_maxmemory_warns_then_is_critical() {
    let s = RedisServer::start_with(&["--maxmemory", "10mb"]);
    let _g = s.guard();
    let mut con = s.client();
    let blob = vec![b'x'; 100_000];
    for i in 0..40 {
        redis::cmd("SET")
            .arg(format!("big:{i}"))
            .arg(&blob)
            .query::<()>(&mut con)
            .unwrap();
    }
    let info: String = redis::cmd("INFO").arg("memory").query(&mut con).unwrap();
    let used: f64 = info
        .lines()
        .find_map(|l| l.strip_prefix("used_memory:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let pct = used * 100.0 / (10.0 * 1024.0 * 1024.0);
    assert!((35.0..70.0).contains(&pct), "seeded to {pct}%");

    let warn = format!("{}", (pct - 10.0).floor());
    let j = s
        .ldp(&[
            "monitor",
            "health",
            "-o",
            "json",
            "--memory-warn",
            &warn,
            "--memory-crit",
            "95",
        ])
        .fails(1)
        .json();
    assert_eq!(j["status"], "WARNING");
    assert_eq!(check(&j, "memory")[0]["status"], "WARNING");
    assert!(
        check(&j, "memory")[0]["message"]
            .as_str()
            .unwrap()
            .contains("noeviction")
    );

    let crit = format!("{}", (pct - 5.0).floor());
    let j = s
        .ldp(&[
            "monitor",
            "health",
            "-o",
            "json",
            "--memory-warn",
            "1",
            "--memory-crit",
            &crit,
        ])
        .fails(2)
        .json();
    assert_eq!(check(&j, "memory")[0]["status"], "CRITICAL");
}

fn info_field(s: &RedisServer, section: &str, field: &str) -> Option<String> {
    let mut con = s.try_client().ok()?;
    let info: String = redis::cmd("INFO").arg(section).query(&mut con).ok()?;
    info.lines()
        .find_map(|l| l.strip_prefix(&format!("{field}:")))
        .map(|v| v.trim().to_string())
}

#[test]
fn a_replica_whose_primary_is_gone_is_critical() {
    let mut primary = RedisServer::start();
    let port = primary.port().to_string();
    let replica = RedisServer::start_with(&["--replicaof", "127.0.0.1", &port]);
    let _g = replica.guard();
    let deadline = Instant::now() + Duration::from_secs(20);
    while info_field(&replica, "replication", "master_link_status").as_deref() != Some("up") {
        assert!(Instant::now() < deadline, "replication never came up");
        std::thread::sleep(Duration::from_millis(50));
    }
    let j = replica
        .ldp(&["monitor", "health", "-o", "json"])
        .ok()
        .json();
    assert_eq!(check(&j, "role")[0]["value"], "slave");

    primary.stop();
    let deadline = Instant::now() + Duration::from_secs(20);
    while info_field(&replica, "replication", "master_link_status").as_deref() != Some("down") {
        assert!(Instant::now() < deadline, "the replica never noticed");
        std::thread::sleep(Duration::from_millis(50));
    }
    let j = replica
        .ldp(&["monitor", "health", "-o", "json"])
        .fails(2)
        .json();
    let role = check(&j, "role")[0];
    assert_eq!(role["status"], "CRITICAL");
    assert!(role["message"].as_str().unwrap().contains(&port), "{role}");
}

#[test]
fn a_cluster_with_a_stopped_primary_is_critical() {
    let mut c = Cluster::start();
    let j = c.ldp(&["monitor", "health", "-o", "json"]).ok().json();
    assert_eq!(check(&j, "reachable").len(), 3, "one per primary: {j:#}");
    assert_eq!(check(&j, "cluster")[0]["status"], "OK");

    let stopped = c.node(1).port();
    c.stop_node(1);
    let j = c.ldp(&["monitor", "health", "-o", "json"]).fails(2).json();
    assert_eq!(j["status"], "CRITICAL");
    let reach = check(&j, "reachable");
    let down: Vec<&Json> = reach
        .iter()
        .copied()
        .filter(|c| c["status"] == "CRITICAL")
        .collect();
    assert_eq!(down.len(), 1, "{j:#}");
    assert!(
        down[0]["node"]
            .as_str()
            .unwrap()
            .ends_with(&format!(":{stopped}"))
    );
    assert_eq!(check(&j, "cluster")[0]["status"], "CRITICAL");
    // Choosing other checks does not hide a node that is down.
    let j = c
        .ldp(&["monitor", "health", "-o", "json", "--check", "memory"])
        .fails(2)
        .json();
    assert!(!check(&j, "reachable").is_empty(), "{j:#}");
}

#[test]
fn unreachable_is_critical_and_usage_errors_are_unknown() {
    let port = support::free_port();
    let url = format!("redis://127.0.0.1:{port}/0");
    let r = url.ldp(&["monitor", "health", "-o", "nagios"]).fails(2);
    let first = r.first_line();
    assert!(first.starts_with("LDP CRITICAL - "), "{r}");
    assert!(first.contains("connection refused"), "{r}");

    for args in [
        vec!["monitor", "health", "--memory-warn", "200"],
        vec!["monitor", "health", "--check", "nope"],
        vec!["monitor", "health", "--bogus"],
        vec!["monitor", "health", "--latency-warn", "soon"],
        vec!["--tls-ca", "/nonexistent/ca.pem", "monitor", "health"],
    ] {
        url.ldp(&args).fails(3);
    }
    let r = url
        .ldp(&["monitor", "health", "-o", "nagios", "--check", "nope"])
        .fails(3);
    assert!(r.stdout.starts_with("LDP UNKNOWN - "), "{r}");
}

#[test]
fn nagios_output_follows_the_plugin_format() {
    let s = RedisServer::start_with(&["--maxmemory", "64mb"]);
    let _g = s.guard();
    let r = s.ldp(&["monitor", "health", "-o", "nagios"]).ok();
    let first = r.first_line();
    let (text, perf) = first.split_once(" | ").expect("perfdata after ' | '");
    assert!(text.starts_with("LDP OK - "), "{first}");
    assert!(!text.contains('|'));
    // 'label'=value[UOM];[warn];[crit];[min];[max], space-separated.
    let datum = regex_lite(perf);
    assert!(datum >= 5, "{perf}");
    assert!(perf.contains("'memory_used_pct'="), "{perf}");
    // Later lines carry one check each.
    assert!(
        r.stdout.lines().skip(1).all(|l| l.starts_with("[OK] ")),
        "{r}"
    );
}

/// Validate every perfdata item by hand and count them.
fn regex_lite(perf: &str) -> usize {
    let mut n = 0;
    for item in perf.split(' ') {
        let (label, rest) = item
            .split_once('=')
            .unwrap_or_else(|| panic!("no '=' in {item}"));
        assert!(
            label.starts_with('\'') && label.ends_with('\'') && label.len() > 2,
            "{item}"
        );
        let mut parts = rest.split(';');
        let value = parts.next().unwrap();
        let digits: String = value
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == '-')
            .collect();
        assert!(digits.parse::<f64>().is_ok(), "{item}");
        let uom = &value[digits.len()..];
        assert!(
            ["", "s", "ms", "us", "%", "B", "KB", "MB", "TB", "c"].contains(&uom),
            "{item}"
        );
        let rest: Vec<&str> = parts.collect();
        assert!(rest.len() <= 4, "{item}");
        for r in rest {
            assert!(r.is_empty() || r.parse::<f64>().is_ok(), "{item}");
        }
        n += 1;
    }
    n
}

#[test]
fn prometheus_output_parses_with_the_reference_parser() {
    let s = RedisServer::start();
    let _g = s.guard();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("ldp.prom");
    s.ldp(&[
        "monitor",
        "health",
        "-o",
        "prometheus",
        "--output-file",
        file.to_str().unwrap(),
    ])
    .ok();
    let text = std::fs::read_to_string(&file).unwrap();
    let script = r#"
import sys
from prometheus_client.parser import text_string_to_metric_families
fams = {f.name: f for f in text_string_to_metric_families(sys.stdin.read())}
status = [s.value for s in fams["ldp_health_status"].samples]
assert status == [0.0], status
assert all(n.startswith("ldp_") for n in fams), list(fams)
lat = fams["ldp_redis_ping_latency_seconds"].samples[0]
assert 0 < lat.value < 1 and "node" in lat.labels, lat
print(len(fams))
"#;
    let mut child = Command::new(support::python::python())
        .args(["-c", script])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "prometheus_client rejected:\n{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let families: usize = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
    assert!(families >= 8, "{text}");
    // Atomic write: no temp file left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn evictions_during_the_interval_warn() {
    let s = RedisServer::start_with(&["--maxmemory", "3mb", "--maxmemory-policy", "allkeys-lru"]);
    let _g = s.guard();
    let url = s.url();
    // Writes go on, evicting, until ldp's run is over (not for a fixed
    // time): its whole interval sees evictions however late it starts.
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let writer = {
        let mut con = s.client();
        let stop = stop.clone();
        std::thread::spawn(move || {
            let blob = vec![b'y'; 50_000];
            let mut i = 0u64;
            while !stop.load(std::sync::atomic::Ordering::SeqCst) {
                let _: redis::RedisResult<()> = redis::cmd("SET")
                    .arg(format!("e:{i}"))
                    .arg(&blob)
                    .query(&mut con);
                i += 1;
                // Pacing only: about 10 MB/s into a 3 MB maxmemory.
                std::thread::sleep(Duration::from_millis(5));
            }
        })
    };
    let mut con = s.client();
    wait_until("evictions under way", Duration::from_secs(30), || {
        let info: String = redis::cmd("INFO").arg("stats").query(&mut con).unwrap();
        info.lines()
            .find_map(|l| l.strip_prefix("evicted_keys:"))
            .is_some_and(|n| n.trim().parse::<u64>().is_ok_and(|n| n > 0))
    });
    let r = url.ldp(&[
        "monitor",
        "health",
        "-o",
        "json",
        "--interval",
        "1s",
        "--check",
        "evictions,rejected_connections",
    ]);
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    writer.join().unwrap();
    let j = r.fails(1).json();
    assert_eq!(check(&j, "evictions")[0]["status"], "WARNING");
    assert_eq!(check(&j, "rejected_connections")[0]["status"], "OK");
    assert_eq!(
        j["checks"].as_array().unwrap().len(),
        2,
        "--check keeps only those: {j:#}"
    );
}

#[test]
fn deep_checks_find_locks_without_ttl_and_stuck_documents() {
    let s = RedisServer::start();
    let _g = s.guard();
    let mut con = s.client();
    s.ldp(&[
        "monitor",
        "health",
        "-o",
        "json",
        "--deep",
        "--check",
        "locks,stuck",
    ])
    .ok()
    .json();
    redis::cmd("SET")
        .arg("lock:forever")
        .arg("0123456789abcdef0123456789abcdef")
        .query::<()>(&mut con)
        .unwrap();
    redis::cmd("SET")
        .arg("lock:fine")
        .arg("x")
        .arg("EX")
        .arg(60)
        .query::<()>(&mut con)
        .unwrap();
    let old = "{\"pipeline\": {\"status\": \"processing\", \"timestamp\": \"2020-01-01T00:00:00\"}, \"last_update\": {\"stage\": \"ocr\", \"status\": \"processing\", \"timestamp\": \"2020-01-01T00:00:00.5\"}}";
    redis::cmd("SET")
        .arg("cache:doc:state:0b6f1c3e-2a4b-4c5d-8e9f-0123456789ab")
        .arg(old)
        .query::<()>(&mut con)
        .unwrap();
    let j = s
        .ldp(&[
            "monitor",
            "health",
            "-o",
            "json",
            "--deep",
            "--check",
            "locks,stuck",
        ])
        .fails(1)
        .json();
    let locks = check(&j, "locks")[0];
    assert_eq!(locks["value"], "1");
    assert!(locks["message"].as_str().unwrap().contains("lock:forever"));
    let stuck = check(&j, "stuck")[0];
    assert_eq!(stuck["status"], "WARNING");
    assert!(stuck["message"].as_str().unwrap().contains("0b6f1c3e"));
    // Without --deep nothing scans.
    let j = s.ldp(&["monitor", "health", "-o", "json"]).ok().json();
    assert!(check(&j, "locks").is_empty());
}

/// The current Unix minute on this machine's clock (ldp reads the same one).
fn unix_minute() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
        / 60
}

#[test]
fn stats_report_exact_cache_metrics_and_hit_rates() {
    let s = RedisServer::start();
    let _g = s.guard();
    let mut con = s.client();
    // The seed is in whole minutes relative to the test's clock, and the
    // 59-minutes-ago entry sits on the window's edge: ldp must read the
    // clock in the minute the test seeded for. Checked, not hoped for: the
    // minute is read before seeding and again after ldp's runs (ldp read it
    // in between); if they differ, that attempt is thrown away (FLUSHALL,
    // CONFIG RESETSTAT) and made again. Two attempts in a row can straddle
    // a minute boundary only if together they take over a minute.
    let mut attempt = 0;
    let (j, j3) = loop {
        attempt += 1;
        assert!(
            attempt <= 3,
            "three attempts each straddled a minute boundary"
        );
        let _: () = redis::cmd("FLUSHALL").query(&mut con).unwrap();
        let _: () = redis::cmd("CONFIG")
            .arg("RESETSTAT")
            .query(&mut con)
            .unwrap();
        let now_min = unix_minute();
        // (kind, type, minutes ago, count); minute 90 is outside the default 60m window.
        let seed: &[(&str, &str, u64, u64)] = &[
            ("hits", "ocr", 0, 7),
            ("hits", "ocr", 5, 10),
            ("misses", "ocr", 5, 3),
            ("sets", "ocr", 5, 3),
            ("hits", "entities", 59, 1),
            ("misses", "entities", 2, 4),
            ("hits", "chunks", 90, 1000),
            ("misses", "job", 1, 2),
        ];
        for (kind, t, ago, n) in seed {
            redis::cmd("SET")
                .arg(format!("cache:metrics:{kind}:{t}:{}", now_min - ago))
                .arg(n)
                .arg("EX")
                .arg(7200)
                .query::<()>(&mut con)
                .unwrap();
        }
        // Server-side lookups before ldp runs: 30 hits and 10 misses exactly.
        for i in 0..40 {
            let key = if i < 30 {
                "cache:metrics:hits:ocr:0-missing"
            } else {
                "absent"
            };
            if i < 30 {
                redis::cmd("SET")
                    .arg(key)
                    .arg(1)
                    .query::<()>(&mut con)
                    .unwrap();
            }
            let _: Option<String> = redis::cmd("GET").arg(key).query(&mut con).unwrap();
        }
        let j = s
            .ldp(&["monitor", "stats", "--interval", "100ms", "-o", "json"])
            .ok()
            .json();
        // A shorter window leaves the older minutes out.
        let j3 = s
            .ldp(&[
                "monitor",
                "stats",
                "--interval",
                "10ms",
                "--window",
                "3m",
                "-o",
                "json",
            ])
            .ok()
            .json();
        if unix_minute() == now_min {
            break (j, j3);
        }
    };
    assert_eq!(j["server"]["hits_since_start"], 30, "{j:#}");
    assert_eq!(j["server"]["misses_since_start"], 10, "{j:#}");
    assert_eq!(j["server"]["hit_rate_since_start"], 0.75);
    let ty = |t: &str| {
        j["cache"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["type"] == t)
            .cloned()
            .unwrap()
    };
    assert_eq!(ty("ocr")["hits"], 17);
    assert_eq!(ty("ocr")["misses"], 3);
    assert_eq!(ty("ocr")["sets"], 3);
    assert_eq!(ty("ocr")["hit_rate"], 0.85);
    assert_eq!(ty("entities")["hits"], 1);
    assert_eq!(ty("entities")["misses"], 4);
    assert_eq!(ty("entities")["hit_rate"], 0.2);
    assert_eq!(ty("chunks")["hits"], 0, "outside the window");
    assert!(ty("chunks")["hit_rate"].is_null());
    assert_eq!(ty("job")["hit_rate"], 0.0);
    assert_eq!(ty("ocr")["per_minute"].as_array().unwrap().len(), 60);
    let ocr = j3["cache"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["type"] == "ocr")
        .unwrap();
    assert_eq!(ocr["hits"], 7, "{j3:#}");
}

#[test]
fn stats_watch_streams_ndjson_until_interrupted() {
    let s = RedisServer::start();
    let _g = s.guard();
    let child = s
        .ldp_std()
        .args([
            "monitor",
            "stats",
            "--interval",
            "100ms",
            "--watch",
            "300ms",
            "-o",
            "ndjson",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let out = interrupt_after_lines(child, 2, "monitor stats --watch 300ms (spawned)").ok();
    let frames = out.ndjson();
    assert!(frames.len() >= 2, "{out}");
    for j in frames {
        assert!(j["server"]["ops_per_sec"].is_number(), "{out}");
    }
    s.ldp(&["monitor", "stats", "--watch", "1s", "-o", "json"])
        .fails(2);
}

#[test]
fn memory_by_family_is_exact_with_full_and_estimated_with_sample() {
    let s = RedisServer::start();
    let _g = s.guard();
    let mut con = s.client();
    let mut want_ocr = 0u64;
    for i in 0..300 {
        let key = format!("cache:doc:ocr:0b6f1c3e-2a4b-4c5d-8e9f-{i:012}");
        redis::cmd("SET")
            .arg(&key)
            .arg("x".repeat(100 + i))
            .query::<()>(&mut con)
            .unwrap();
        let m: u64 = redis::cmd("MEMORY")
            .arg("USAGE")
            .arg(&key)
            .arg("SAMPLES")
            .arg(0)
            .query(&mut con)
            .unwrap();
        want_ocr += m;
    }
    for i in 0..200 {
        redis::cmd("SET")
            .arg(format!("misc:{i}"))
            .arg("v")
            .query::<()>(&mut con)
            .unwrap();
    }
    redis::cmd("SET")
        .arg("huge:one")
        .arg("z".repeat(100_000))
        .query::<()>(&mut con)
        .unwrap();
    let r = s
        .ldp(&["monitor", "memory", "--full", "--top", "1", "-o", "json"])
        .ok();
    let j = r.json();
    assert_eq!(j["exact"], true);
    assert_eq!(j["total"]["keys"], 501);
    let fam = |j: &Json, n: &str| {
        j["families"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["family"] == n)
            .cloned()
            .unwrap()
    };
    assert_eq!(fam(&j, "ocr")["keys"], 300);
    assert_eq!(fam(&j, "ocr")["bytes"], want_ocr);
    assert_eq!(fam(&j, "(no family)")["keys"], 201);
    assert_eq!(j["top"][0]["key"], "huge:one");
    assert!(j["nodes"][0]["used"].as_u64().unwrap() > 0);

    let j = s
        .ldp(&["monitor", "memory", "--sample", "100", "-o", "json"])
        .ok()
        .json();
    assert_eq!(j["exact"], false);
    assert_eq!(fam(&j, "ocr")["keys"], 300, "counts stay exact");
    let est = fam(&j, "ocr")["bytes"].as_f64().unwrap();
    let rel = (est - want_ocr as f64).abs() / want_ocr as f64;
    assert!(rel < 0.25, "estimate {est} vs {want_ocr}");
    let measured = j["measured_keys"].as_u64().unwrap();
    assert!((30..=250).contains(&measured), "{measured}");
    s.ldp(&["monitor", "memory", "--sample", "100", "-o", "table"])
        .ok()
        .stdout_has("ESTIMATED");
    s.ldp(&["monitor", "memory", "--sample", "100"])
        .ok()
        .stderr_has("ESTIMATED");
}

#[test]
fn celery_backlog_and_overdue_unacked_messages_are_judged() {
    let s = RedisServer::start();
    let _g = s.guard();
    let j = s
        .ldp(&[
            "monitor",
            "health",
            "-o",
            "json",
            "--check",
            "queues,unacked",
        ])
        .ok()
        .json();
    // Every one of the nine queues, empty ones as 0.
    let queues = check(&j, "queues");
    assert_eq!(queues.len(), 9, "{j:#}");
    assert!(queues.iter().all(|q| q["value"] == "0"));

    let mut con = s.client();
    for i in 0..5 {
        redis::cmd("LPUSH")
            .arg(b"default\x06\x163".as_slice())
            .arg(format!("m{i}"))
            .query::<()>(&mut con)
            .unwrap();
    }
    redis::cmd("LPUSH")
        .arg("default")
        .arg("m")
        .arg("n")
        .query::<()>(&mut con)
        .unwrap();
    let env = r#"[{"body": "", "headers": {"task": "t", "id": "x"}, "properties": {"delivery_tag": "tag-1", "delivery_info": {"exchange": "", "routing_key": "ocr"}, "priority": 0}}, "", "ocr"]"#;
    redis::cmd("HSET")
        .arg("unacked")
        .arg("tag-1")
        .arg(env)
        .query::<()>(&mut con)
        .unwrap();
    redis::cmd("ZADD")
        .arg("unacked_index")
        .arg(1_000_000)
        .arg("tag-1")
        .query::<()>(&mut con)
        .unwrap();

    let j = s
        .ldp(&[
            "monitor",
            "health",
            "-o",
            "json",
            "--check",
            "queues,unacked",
            "--queue-warn",
            "5",
            "--queue-crit",
            "100",
        ])
        .fails(1)
        .json();
    let default = check(&j, "queues")
        .into_iter()
        .find(|q| q["queue"] == "default")
        .unwrap();
    assert_eq!(default["value"], "7", "all priority lists count: {default}");
    assert_eq!(default["status"], "WARNING");
    let unacked = check(&j, "unacked")[0];
    assert_eq!(unacked["status"], "WARNING");
    assert!(
        unacked["value"].as_str().unwrap().contains("1 overdue"),
        "{unacked}"
    );
    s.ldp(&[
        "monitor",
        "health",
        "-o",
        "json",
        "--check",
        "queues",
        "--queue-warn",
        "5",
        "--queue-crit",
        "7",
    ])
    .fails(2);
    // The Prometheus output labels each queue.
    let r = s.ldp(&["monitor", "health", "-o", "prometheus", "--check", "queues"]);
    assert!(
        r.stdout
            .contains("ldp_celery_queue_ready{queue=\"default\"} 7"),
        "{r}"
    );
}

/// A managed Redis may forbid MEMORY: memory and scans say so instead of failing.
#[test]
fn a_server_without_memory_usage_degrades_gracefully() {
    let s = RedisServer::start_with(&["--rename-command", "MEMORY", "\"\""]);
    let _g = s.guard();
    redis::cmd("SET")
        .arg("k1")
        .arg("v")
        .query::<()>(&mut s.client())
        .unwrap();
    let r = s.ldp(&["monitor", "memory", "-o", "json"]).ok();
    let j = r.json();
    assert_eq!(j["exact"], false);
    assert_eq!(j["total"]["keys"], 1);
    assert!(r.stderr.contains("MEMORY USAGE"), "{r}");
    let r = s.ldp(&["keys", "scan", "*", "--fields", "memory"]).ok();
    assert!(r.stdout.starts_with("k1\t"), "{r}");
    assert!(r.stderr.contains("MEMORY USAGE"), "{r}");
    s.ldp(&["monitor", "health"]).ok();
}

/// On a cluster, memory is per primary and in total, and stats sum the primaries.
#[test]
fn memory_and_stats_cover_every_primary_of_a_cluster() {
    let c = support::shared_cluster();
    let _g = c.guard();
    let prefix = support::unique_prefix("memcl");
    let kv: Vec<(Vec<u8>, Vec<u8>)> = (0..300)
        .map(|i| (format!("{prefix}{i}").into_bytes(), b"v".to_vec()))
        .collect();
    c.set_many(&kv);
    let r = c.ldp(&["monitor", "memory", "--full", "-o", "json"]).ok();
    let j = r.json();
    let nodes = j["nodes"].as_array().unwrap();
    assert_eq!(nodes.len(), 3, "{j:#}");
    let sum: u64 = nodes.iter().map(|n| n["keys"].as_u64().unwrap()).sum();
    assert_eq!(j["total"]["keys"].as_u64().unwrap(), sum);
    assert!(sum >= 300);
    let families: u64 = j["families"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["keys"].as_u64().unwrap())
        .sum();
    assert_eq!(
        families, sum,
        "every key counted once, whichever node holds it"
    );
    let r = c
        .ldp(&["monitor", "stats", "--interval", "50ms", "-o", "json"])
        .ok();
    let j = r.json();
    assert!(j["server"]["ops_per_sec"].as_f64().unwrap() > 0.0, "{j:#}");
}
