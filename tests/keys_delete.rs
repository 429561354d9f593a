//! Black-box tests of `ldp keys delete` against real redis-server processes
//! (standalone and a 3-primary cluster) started by `tests/support`.
//!
//! Tests on shared servers isolate their keys with `unique_prefix`; tests
//! that touch unprefixed keys (Celery's `default`, `unacked`, ...) or count
//! the whole keyspace use a server of their own (`RedisServer::start()`).
//!
//! So does every test that counts what a scan matched (`matched`,
//! `skipped_protected`, a dry run's count, `--max-keys`): SCAN may return a
//! key twice when the server's table shrinks during the walk, and other
//! tests' deletes on a shared server make it shrink. A prefix isolates keys,
//! not the table.

mod support;

use std::collections::HashSet;

use serde_json::Value as Json;

use support::seed::{cmd, dbsize, exec_all, exists, kv, scan_server, set_all};
use support::{LdpTarget, RedisServer, shared_cluster, shared_standalone, u64_at, unique_prefix};

// ---------------------------------------------------------------------------
// keys delete
// ---------------------------------------------------------------------------

fn seed_n(s: &RedisServer, p: &str, tag: &str, n: usize) -> HashSet<String> {
    let keys: HashSet<String> = (0..n).map(|i| format!("{p}{tag}:{i}")).collect();
    set_all(&mut s.client(), &kv(keys.iter().cloned()));
    keys
}

fn all_exist(con: &mut redis::Connection, keys: &HashSet<String>) -> usize {
    keys.iter().filter(|k| exists(con, k.as_bytes())).count()
}

#[test]
fn delete_off_a_terminal_without_yes_is_refused() {
    let s = shared_standalone();
    let _g = s.guard();
    let p = unique_prefix("del-noyes");
    let keys = seed_n(s, &p, "k", 100);
    let r = s.ldp(&["keys", "delete", &format!("{p}k:*")]).fails(2);
    assert!(r.stderr.contains("--yes"), "{r}");
    assert_eq!(all_exist(&mut s.client(), &keys), 100, "keys were deleted");
}

#[test]
fn delete_dry_run_counts_and_deletes_nothing() {
    let server = RedisServer::start();
    let s = &server;
    let _g = s.guard();
    let p = unique_prefix("del-dry");
    let keys = seed_n(s, &p, "k", 250);
    let decoys = seed_n(s, &p, "keep", 20);
    let pattern = format!("{p}k:*");

    let r = s.ldp(&["keys", "delete", &pattern, "--dry-run"]).ok();
    // The count is on the first line; take the pattern (it holds the pid)
    // out before looking for it.
    let first = r.stdout.lines().next().unwrap_or("").replace(&pattern, "");
    let numbers: Vec<&str> = first
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| !w.is_empty())
        .collect();
    assert_eq!(numbers, vec!["250"], "count missing or wrong:\n{r}");

    let r = s
        .ldp(&["keys", "delete", &pattern, "--dry-run", "-o", "json"])
        .ok();
    let v = r.json();
    assert_eq!(v.get("dry_run"), Some(&Json::Bool(true)), "{v}");
    assert_eq!(u64_at(&v, "matched"), 250, "{v}");
    let sample = v
        .get("sample")
        .and_then(Json::as_array)
        .unwrap_or_else(|| panic!("no sample array: {v}"));
    assert!(!sample.is_empty() && sample.len() <= 250, "{v}");
    for k in sample {
        let k = k.as_str().expect("sample entries are strings");
        assert!(keys.contains(k), "sample {k:?} does not match {pattern}");
    }

    let mut con = s.client();
    assert_eq!(all_exist(&mut con, &keys), 250, "dry run deleted keys");
    assert_eq!(all_exist(&mut con, &decoys), 20);
}

#[test]
fn delete_with_yes_deletes_exactly_the_matching_keys() {
    let server = RedisServer::start();
    let s = &server;
    let _g = s.guard();
    let p = unique_prefix("del-yes");
    let doomed = seed_n(s, &p, "del", 2000);
    let mut decoys = seed_n(s, &p, "keep", 300);
    for extra in [format!("{p}del"), format!("x{p}del:1"), format!("{p}Del:1")] {
        decoys.insert(extra);
    }
    set_all(&mut s.client(), &kv(decoys.iter().cloned()));

    let r = s
        .ldp(&[
            "keys",
            "delete",
            &format!("{p}del:*"),
            "--yes",
            "-o",
            "json",
        ])
        .ok();
    let v = r.json();
    assert_eq!(u64_at(&v, "deleted"), 2000, "{v}");
    assert_eq!(u64_at(&v, "matched"), 2000, "{v}");
    assert_eq!(u64_at(&v, "skipped_protected"), 0, "{v}");

    let mut con = s.client();
    let left = scan_server(&mut con, format!("{p}del:*").as_bytes());
    assert!(
        left.is_empty(),
        "{} keys left, e.g. {:?}",
        left.len(),
        left.iter().next()
    );
    assert_eq!(all_exist(&mut con, &doomed), 0);
    assert_eq!(all_exist(&mut con, &decoys), decoys.len(), "decoys deleted");
}

#[test]
fn delete_refuses_match_all_patterns_even_with_yes() {
    let s = RedisServer::start();
    let _g = s.guard();
    let keys: HashSet<String> = (0..20).map(|i| format!("k:{i}")).collect();
    let mut con = s.client();
    set_all(&mut con, &kv(keys.iter().cloned()));
    for pattern in ["*", "**", "***"] {
        let r = s.ldp(&["keys", "delete", pattern, "--yes"]).fails(2);
        assert!(!r.stderr.is_empty(), "{r}");
        let r = s
            .ldp(&[
                "keys",
                "delete",
                pattern,
                "--yes",
                "--include-protected",
                "--max-keys",
                "1000",
            ])
            .fails(2);
        assert!(!r.stderr.is_empty(), "{r}");
        assert_eq!(dbsize(&mut con), 20, "'{pattern}' deleted keys");
    }
}

#[test]
fn delete_max_keys_aborts_above_and_deletes_at_or_below() {
    let server = RedisServer::start();
    let s = &server;
    let _g = s.guard();
    let p = unique_prefix("del-max");
    let keys = seed_n(s, &p, "m", 100);
    let pattern = format!("{p}m:*");
    let mut con = s.client();

    let r = s
        .ldp(&["keys", "delete", &pattern, "--yes", "--max-keys", "99"])
        .fails(2);
    assert!(r.stderr.replace(&pattern, "").contains("99"), "{r}");
    assert_eq!(
        all_exist(&mut con, &keys),
        100,
        "keys deleted despite --max-keys"
    );

    let r = s
        .ldp(&[
            "keys",
            "delete",
            &pattern,
            "--yes",
            "--max-keys",
            "100",
            "-o",
            "json",
        ])
        .ok();
    let v = r.json();
    assert_eq!(u64_at(&v, "deleted"), 100, "{v}");
    assert_eq!(u64_at(&v, "matched"), 100, "{v}");
    assert_eq!(all_exist(&mut con, &keys), 0, "keys left after delete");

    let few = seed_n(s, &p, "few", 7);
    let r = s
        .ldp(&[
            "keys",
            "delete",
            &format!("{p}few:*"),
            "--yes",
            "--max-keys",
            "1000",
            "-o",
            "json",
        ])
        .ok();
    assert_eq!(u64_at(&r.json(), "deleted"), 7, "{r}");
    assert_eq!(all_exist(&mut con, &few), 0);
}

#[test]
fn delete_skips_protected_broker_and_ldp_keys() {
    let s = RedisServer::start();
    let _g = s.guard();
    let mut con = s.client();
    let protected: Vec<&[u8]> = vec![
        b"default",
        b"default\x06\x163",
        b"unacked",
        b"unacked_index",
        b"_kombu.binding.default",
        b"ldp:lock:nightly",
        b"ocr\x06\x166",
    ];
    let plain: Vec<&[u8]> = vec![b"defaults", b"unacked2", b"_kombu_x", b"ldpx:1", b"ocr:77"];
    exec_all(
        &mut con,
        &[
            cmd(&[b"RPUSH", b"default", b"msg"]),
            cmd(&[b"RPUSH", b"default\x06\x163", b"msg"]),
            cmd(&[b"HSET", b"unacked", b"tag", b"msg"]),
            cmd(&[b"ZADD", b"unacked_index", b"1", b"tag"]),
            cmd(&[b"SADD", b"_kombu.binding.default", b"x"]),
            cmd(&[b"SET", b"ldp:lock:nightly", b"me"]),
            cmd(&[b"RPUSH", b"ocr\x06\x166", b"msg"]),
            cmd(&[b"SET", b"defaults", b"v"]),
            cmd(&[b"SET", b"unacked2", b"v"]),
            cmd(&[b"SET", b"_kombu_x", b"v"]),
            cmd(&[b"SET", b"ldpx:1", b"v"]),
            cmd(&[b"SET", b"ocr:77", b"v"]),
        ],
    );
    let url = s.url();

    // Dry run already tells protected keys apart.
    let r = url
        .ldp(&["keys", "delete", "def*", "--dry-run", "-o", "json"])
        .ok();
    let v = r.json();
    assert_eq!(u64_at(&v, "matched"), 1, "{v}");
    assert_eq!(u64_at(&v, "skipped_protected"), 2, "{v}");

    // (pattern, skipped, deleted)
    for (pattern, skipped, deleted) in [
        ("unack*", 2, 1),
        ("def*", 2, 1),
        ("_kombu*", 1, 1),
        // ldp:lock:nightly and the audit stream ldp:audit the deletes above wrote.
        ("ldp*", 2, 1),
        ("ocr*", 1, 1),
    ] {
        let r = url
            .ldp(&["keys", "delete", pattern, "--yes", "-o", "json"])
            .ok();
        let v = r.json();
        assert_eq!(u64_at(&v, "skipped_protected"), skipped, "{pattern}: {v}");
        assert_eq!(u64_at(&v, "deleted"), deleted, "{pattern}: {v}");
        assert_eq!(u64_at(&v, "matched"), deleted, "{pattern}: {v}");
    }
    for k in &protected {
        assert!(
            exists(&mut con, k),
            "protected key {:?} was deleted",
            String::from_utf8_lossy(k)
        );
    }
    for k in &plain {
        assert!(
            !exists(&mut con, k),
            "unprotected key {:?} was left",
            String::from_utf8_lossy(k)
        );
    }

    // The --max-keys path (delete from the census) skips them too.
    let r = url
        .ldp(&[
            "keys",
            "delete",
            "unack*",
            "--yes",
            "--max-keys",
            "10",
            "-o",
            "json",
        ])
        .ok();
    let v = r.json();
    assert_eq!(u64_at(&v, "skipped_protected"), 2, "{v}");
    assert!(exists(&mut con, b"unacked") && exists(&mut con, b"unacked_index"));

    // Text output says so.
    let r = url.ldp(&["keys", "delete", "unack*", "--yes"]).ok();
    assert!(r.stdout.contains("protected"), "{r}");
    assert!(exists(&mut con, b"unacked"));

    // --include-protected deletes them.
    let r = url
        .ldp(&[
            "keys",
            "delete",
            "unack*",
            "--yes",
            "--include-protected",
            "-o",
            "json",
        ])
        .ok();
    let v = r.json();
    assert_eq!(u64_at(&v, "deleted"), 2, "{v}");
    assert_eq!(u64_at(&v, "skipped_protected"), 0, "{v}");
    for pattern in ["def*", "_kombu*", "ldp*", "ocr*"] {
        url.ldp(&["keys", "delete", pattern, "--yes", "--include-protected"])
            .ok();
    }
    for k in &protected {
        assert!(
            !exists(&mut con, k),
            "{:?} left despite --include-protected",
            String::from_utf8_lossy(k)
        );
    }
    // Only the audit stream is left: the last delete's entry made it anew.
    assert_eq!(dbsize(&mut con), 1);
    assert!(exists(&mut con, b"ldp:audit"));
}

/// ldp's own keys are protected even under a pattern that names nothing
/// else (on a server of its own: the count of skipped keys is exact).
#[test]
fn delete_skips_ldp_keys_under_a_narrow_pattern() {
    let server = RedisServer::start();
    let s = &server;
    let _g = s.guard();
    let p = unique_prefix("del-ldp");
    let ours: HashSet<String> = [format!("ldp:{p}x"), format!("ldp:{p}y")].into();
    set_all(&mut s.client(), &kv(ours.iter().cloned()));
    let pattern = format!("ldp:{p}*");
    let mut con = s.client();

    let r = s
        .ldp(&["keys", "delete", &pattern, "--yes", "-o", "json"])
        .ok();
    let v = r.json();
    assert_eq!(u64_at(&v, "skipped_protected"), 2, "{v}");
    assert_eq!(u64_at(&v, "deleted"), 0, "{v}");
    assert_eq!(all_exist(&mut con, &ours), 2);

    let r = s
        .ldp(&[
            "keys",
            "delete",
            &pattern,
            "--yes",
            "--include-protected",
            "-o",
            "json",
        ])
        .ok();
    assert_eq!(u64_at(&r.json(), "deleted"), 2, "{r}");
    assert_eq!(all_exist(&mut con, &ours), 0);
}

#[test]
fn delete_on_cluster_removes_keys_from_every_node() {
    let c = shared_cluster();
    let _g = c.guard();
    let p = unique_prefix("del-cluster");
    let doomed: HashSet<String> = (0..3000).map(|i| format!("{p}del:{i}")).collect();
    let decoys: HashSet<String> = (0..300).map(|i| format!("{p}keep:{i}")).collect();
    c.set_many(&kv(doomed.iter().chain(decoys.iter()).cloned()));
    let mut per_node = [0usize; 3];
    for k in &doomed {
        per_node[c.node_for_key(k.as_bytes())] += 1;
    }
    assert!(
        per_node.iter().all(|&n| n > 0),
        "fixture spread: {per_node:?}"
    );
    let pattern = format!("{p}del:*");

    let r = c
        .ldp(&["keys", "delete", &pattern, "--dry-run", "-o", "json"])
        .ok();
    assert_eq!(u64_at(&r.json(), "matched"), 3000, "{r}");

    let r = c
        .ldp(&["keys", "delete", &pattern, "--yes", "-o", "json"])
        .ok();
    let v = r.json();
    assert_eq!(u64_at(&v, "deleted"), 3000, "{v}");
    assert_eq!(u64_at(&v, "matched"), 3000, "{v}");

    let mut kept = 0;
    for (n, held) in per_node.iter().enumerate() {
        let mut con = c.node(n).client();
        let left = scan_server(&mut con, pattern.as_bytes());
        assert!(
            left.is_empty(),
            "node {n}: {} of {held} keys left",
            left.len()
        );
        kept += scan_server(&mut con, format!("{p}keep:*").as_bytes()).len();
    }
    assert_eq!(kept, decoys.len(), "decoys deleted");
    for k in decoys.iter().take(50) {
        assert_eq!(
            c.exec(k.as_bytes(), &[b"EXISTS", k.as_bytes()]),
            redis::Value::Int(1),
            "{k}"
        );
    }
}

/// Holds every write on `s` (UNLINK included) until [`unpause_writes`]:
/// a delete under way stays under way, however fast it would have run.
fn pause_writes(s: &RedisServer) {
    let _: () = redis::cmd("CLIENT")
        .arg("PAUSE")
        .arg(120_000)
        .arg("WRITE")
        .query(&mut s.client())
        .unwrap();
}

fn unpause_writes(s: &RedisServer) {
    let _: () = redis::cmd("CLIENT")
        .arg("UNPAUSE")
        .query(&mut s.client())
        .unwrap();
}

/// Whether `sig` is no longer pending for process `pid` (it was delivered
/// and its handler ran), from /proc/PID/status.
fn signal_delivered(pid: u32, sig: i32) -> bool {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let bit = 1u64 << (sig - 1);
    status
        .lines()
        .filter_map(|l| {
            l.strip_prefix("SigPnd:")
                .or_else(|| l.strip_prefix("ShdPnd:"))
        })
        .all(|mask| u64::from_str_radix(mask.trim(), 16).is_ok_and(|m| m & bit == 0))
}

/// A server that dies mid-delete: exit non-zero, one line on stderr saying
/// how many keys were already deleted. Writes are paused once the delete is
/// under way, so the server dies with most keys still there.
#[test]
fn a_delete_that_fails_mid_way_says_what_it_deleted() {
    let mut s = RedisServer::start_with(&["--enable-debug-command", "local"]);
    let n = 500_000u64;
    let _: () = redis::cmd("DEBUG")
        .arg("POPULATE")
        .arg(n)
        .arg("del")
        .query(&mut s.client())
        .unwrap();
    let child = s
        .ldp_std()
        .args(["keys", "delete", "del:*", "--yes", "--count", "1000"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    support::wait_until(
        "the delete under way",
        std::time::Duration::from_secs(30),
        || {
            redis::cmd("DBSIZE")
                .query::<u64>(&mut s.client())
                .is_ok_and(|left| left < n * 9 / 10)
        },
    );
    pause_writes(&s);
    let left: u64 = redis::cmd("DBSIZE").query(&mut s.client()).unwrap();
    assert!(left > 0, "the delete finished before the pause");
    s.stop();
    let r = support::Run::from_output("keys delete", child.wait_with_output().unwrap());
    assert_ne!(r.code, 0, "{r}");
    r.stderr_has("before the failure").stderr_has("deleted ");
    assert_eq!(r.stderr_lines().len(), 1, "one line: {r}");
}

/// Ctrl-C under `--max-keys` (the counted-then-deleted path) stops after the
/// chunk in flight, says what it deleted, and exits 130. Writes are paused
/// while the signal is delivered, so the delete cannot run to its end first.
#[test]
fn ctrl_c_during_a_max_keys_delete_exits_130_with_the_count() {
    let s = RedisServer::start_with(&["--enable-debug-command", "local"]);
    let n = 500_000u64;
    let _: () = redis::cmd("DEBUG")
        .arg("POPULATE")
        .arg(n)
        .arg("del")
        .query(&mut s.client())
        .unwrap();
    let child = s
        .ldp_std()
        .args([
            "keys",
            "delete",
            "del:*",
            "--yes",
            "--max-keys",
            "600000",
            "-o",
            "json",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    support::wait_until(
        "the delete under way",
        std::time::Duration::from_secs(60),
        || {
            redis::cmd("DBSIZE")
                .query::<u64>(&mut s.client())
                .is_ok_and(|left| left < n * 9 / 10)
        },
    );
    pause_writes(&s);
    let paused_at: u64 = redis::cmd("DBSIZE").query(&mut s.client()).unwrap();
    assert!(paused_at > 0, "the delete finished before the pause");
    // SAFETY: kill(2) on our own child.
    assert_eq!(
        unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) },
        0
    );
    support::wait_until(
        "ldp to take the SIGINT",
        std::time::Duration::from_secs(30),
        || signal_delivered(child.id(), libc::SIGINT),
    );
    unpause_writes(&s);
    let r = support::Run::from_output("keys delete", child.wait_with_output().unwrap());
    assert_eq!(r.code, 130, "{r}");
    // DBSIZE less the run's audit entry (the stream ldp:audit).
    let audit: u64 = redis::cmd("EXISTS")
        .arg("ldp:audit")
        .query(&mut s.client())
        .unwrap();
    assert_eq!(audit, 1, "the interrupted run left its audit entry");
    let left: u64 = redis::cmd("DBSIZE").query::<u64>(&mut s.client()).unwrap() - audit;
    // At most the chunk in flight (10 x 1000 keys) after the pause.
    assert!(
        left > 0 && left + 10_000 >= paused_at,
        "stopped after the chunk in flight ({paused_at} keys at the pause, {left} left): {r}"
    );
    assert_eq!(r.json()["deleted"].as_u64().unwrap(), n - left, "{r}");
}
