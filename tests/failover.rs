//! A failover behind one address (Redis Cloud, Sentinel-fronted endpoints):
//! a proxy the test controls sits in front of a primary and its replica,
//! and switches to the promoted replica mid-walk. A walk must then either
//! have finished exactly or exit non-zero: never exit 0 with keys missed.

mod support;

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::time::Duration;

use support::proxy::Proxy;
use support::{LdpTarget, RedisServer, Run, wait_until};

const KEYS: u64 = 300_000;

/// A primary with KEYS keys and a replica in sync with it.
fn primary_and_replica() -> (RedisServer, RedisServer) {
    let p = RedisServer::start_with(&["--enable-debug-command", "local"]);
    let _: () = redis::cmd("DEBUG")
        .arg("POPULATE")
        .arg(KEYS)
        .arg("k")
        .query(&mut p.client())
        .unwrap();
    let port = p.port().to_string();
    let r = RedisServer::start_with(&["--replicaof", "127.0.0.1", &port]);
    wait_until("the replica in sync", Duration::from_secs(30), || {
        let info: String = redis::cmd("INFO")
            .arg("replication")
            .query(&mut r.client())
            .unwrap_or_default();
        let size: u64 = redis::cmd("DBSIZE").query(&mut r.client()).unwrap_or(0);
        info.contains("master_link_status:up") && size == KEYS
    });
    (p, r)
}

/// `keys scan '*'` through the proxy; after `after` keys are printed, run
/// `event`. Returns the finished run.
fn scan_with(proxy: &Proxy, after: usize, event: impl FnOnce()) -> Run {
    let mut child = proxy
        .url()
        .ldp_std()
        .args(["keys", "scan", "*", "--count", "100"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = Vec::new();
    let mut event = Some(event);
    for line in BufReader::new(stdout).lines() {
        lines.push(line.unwrap());
        if lines.len() == after
            && let Some(e) = event.take()
        {
            e();
        }
    }
    let out = child.wait_with_output().unwrap();
    let mut r = Run::from_output("keys scan", out);
    r.stdout = lines.join("\n");
    r
}

#[test]
fn a_failover_behind_one_address_mid_scan_fails_loudly() {
    for after in [1_000, 100_000, 250_000] {
        let (p, r) = primary_and_replica();
        let proxy = Proxy::start(p.port());
        let run = scan_with(&proxy, after, || {
            let _: () = redis::cmd("REPLICAOF")
                .arg("NO")
                .arg("ONE")
                .query(&mut r.client())
                .unwrap();
            proxy.switch(r.port());
        });
        let distinct: HashSet<&str> = run.stdout.lines().collect();
        if run.code == 0 {
            assert_eq!(
                distinct.len() as u64,
                KEYS,
                "exit 0 must mean every key: {run}"
            );
            assert_eq!(
                run.stdout.lines().count() as u64,
                KEYS,
                "exit 0 must mean every key once: {run}"
            );
        } else {
            assert_eq!(run.code, 1, "{run}");
            run.stderr_has("changed during the walk")
                .stderr_has("missed");
        }
        assert_ne!(run.code, 0, "switched after {after} of {KEYS} keys: {run}");
    }
}

#[test]
fn a_blip_to_the_same_server_mid_scan_still_gives_every_key() {
    let (p, _r) = primary_and_replica();
    let proxy = Proxy::start(p.port());
    let run = scan_with(&proxy, 50_000, || proxy.cut());
    assert_eq!(run.code, 0, "{run}");
    let distinct: HashSet<&str> = run.stdout.lines().collect();
    assert_eq!(distinct.len() as u64, KEYS, "every key");
    // Duplicates counted, not folded by the set: the retried page was not
    // printed before.
    assert_eq!(run.stdout.lines().count() as u64, KEYS, "every key once");
}

/// A server that hangs mid-walk: ldp gives up after one --timeout, not two
/// (a timeout is not retried: the server may be hung). The bound is 1.75
/// timeouts: a whole 4 s timeout away from a retry, and 3 s of slack for a
/// loaded machine.
#[test]
fn a_hang_mid_scan_waits_one_timeout() {
    const TIMEOUT_MS: u64 = 4000;
    let (p, _r) = primary_and_replica();
    let pid = p.pid().expect("server pid");
    let timeout = format!("{TIMEOUT_MS}ms");
    let mut child = p
        .ldp_std()
        .args(["keys", "scan", "*", "--count", "10", "--timeout", &timeout])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    for _ in 0..1000 {
        lines.next().unwrap().unwrap();
    }
    // SAFETY: signalling the test's own server process.
    unsafe { libc::kill(pid, libc::SIGSTOP) };
    let t0 = std::time::Instant::now();
    for l in lines.by_ref() {
        l.unwrap();
    }
    let status = child.wait().unwrap();
    let waited = t0.elapsed();
    // SAFETY: as above.
    unsafe { libc::kill(pid, libc::SIGCONT) };
    assert!(!status.success());
    assert!(
        waited < Duration::from_millis(TIMEOUT_MS * 7 / 4),
        "waited {waited:?} for a {timeout} timeout: retried?"
    );
}

/// How many SCAN calls a server has answered (INFO commandstats).
fn scans(s: &RedisServer) -> u64 {
    let info: String = redis::cmd("INFO")
        .arg("commandstats")
        .query(&mut s.client())
        .unwrap_or_default();
    info.lines()
        .find_map(|l| l.strip_prefix("cmdstat_scan:calls="))
        .and_then(|v| v.split(',').next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

#[test]
fn a_failover_mid_cache_clear_of_a_project_fails_loudly() {
    let project = "5b3c1f0e-8d2a-4c6b-9e1f-2a7d4c8b6e01";
    let (p, r) = primary_and_replica();
    // 50,000 documents' OCR caches, in ldp's index of the project.
    let _: () = redis::cmd("EVAL")
        .arg(
            "for i = 1, 50000 do \
               local d = string.format('%08x-0000-4000-8000-%012x', i, i) \
               redis.call('SET', 'cache:doc:ocr:' .. d, '{}') \
               redis.call('SADD', KEYS[1], d) \
             end",
        )
        .arg(1)
        .arg(format!("ldp:project:{project}:docs"))
        .query(&mut p.client())
        .unwrap();
    wait_until("the replica in sync", Duration::from_secs(30), || {
        redis::cmd("DBSIZE")
            .query::<u64>(&mut r.client())
            .unwrap_or(0)
            == KEYS + 50_001
    });
    let proxy = Proxy::start(p.port());
    let before = scans(&p);
    let child = proxy
        .url()
        .ldp_std()
        .args([
            "cache",
            "clear",
            "--project",
            project,
            "--yes",
            "-o",
            "json",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Switch once the walk is under way (it has asked for 20 pages), and
    // hold it there: the old primary serves nobody from now on, so the walk
    // cannot finish before the switch however fast it runs.
    wait_until("the walk under way", Duration::from_secs(30), || {
        scans(&p) > before + 20
    });
    let _: () = redis::cmd("CLIENT")
        .arg("PAUSE")
        .arg(120_000)
        .arg("ALL")
        .query(&mut p.client())
        .unwrap();
    let _: () = redis::cmd("REPLICAOF")
        .arg("NO")
        .arg("ONE")
        .query(&mut r.client())
        .unwrap();
    proxy.switch(r.port());
    let run = Run::from_output("cache clear", child.wait_with_output().unwrap());
    if run.code == 0 {
        // Only an exact clear may succeed: every document's cache gone.
        let left: Vec<String> = redis::cmd("KEYS")
            .arg("cache:doc:ocr:*")
            .query(&mut r.client())
            .unwrap();
        assert!(
            left.is_empty(),
            "exit 0 with {} caches left: {run}",
            left.len()
        );
    } else {
        assert_eq!(run.code, 1, "{run}");
        run.stderr_has("changed during the walk");
    }
    assert_ne!(run.code, 0, "the switch came mid-walk: {run}");
}
