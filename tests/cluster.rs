//! Promises that only a 3-primary Redis Cluster can break, and that the
//! per-command test files do not exercise there (issue 17): refusals and dry
//! runs that change nothing on any node, protected keys, `--max-keys`, audit
//! counts, a document spread over nodes, an unreachable cluster, a dropped
//! connection mid-walk, `monitor stats` summed over the primaries, and a slot
//! map that changes under a walk.
//!
//! Everything runs on the one shared cluster of this binary, each test under
//! its own `unique_prefix`. The two tests that count the whole keyspace or
//! the servers' own counters take it alone ([`alone`]), the others share it
//! ([`shared`]). Only the tests that must break a cluster start their own.

mod support;

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read};
use std::process::Stdio;
use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};
use std::time::Duration;

use redis::Value;
use serde_json::Value as Json;

use support::seed::kv;
use support::{
    Cluster, LdpTarget, Run, cluster_slots, free_port, random_uuid, shared_cluster, u64_at,
    unique_prefix, wait_until,
};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// Readers share the cluster; a writer has it to itself (nothing else in this
/// binary touches it meanwhile), for exact whole-keyspace and INFO counts.
static KEYSPACE: RwLock<()> = RwLock::new(());

fn shared() -> (&'static Cluster, RwLockReadGuard<'static, ()>) {
    let g = KEYSPACE.read().unwrap_or_else(|p| p.into_inner());
    (shared_cluster(), g)
}

fn alone() -> (&'static Cluster, RwLockWriteGuard<'static, ()>) {
    let g = KEYSPACE.write().unwrap_or_else(|p| p.into_inner());
    (shared_cluster(), g)
}

/// Asserts that `keys` live on all three primaries (the fixture's premise).
#[track_caller]
fn assert_on_every_node(c: &Cluster, keys: &[String]) {
    let nodes: HashSet<usize> = keys.iter().map(|k| c.node_for_key(k.as_bytes())).collect();
    assert_eq!(nodes.len(), 3, "fixture: {keys:?} miss a primary");
}

/// SETs every key (value "v") on its node; asserts they span the primaries.
fn seed(c: &Cluster, keys: &[String]) {
    assert_on_every_node(c, keys);
    c.set_many(&kv(keys.iter().cloned()));
}

/// One name per primary: `name(i)` for the first i whose key (`key(name)`)
/// lands on node 0, 1, 2 in turn.
fn one_per_node(
    c: &Cluster,
    name: impl Fn(usize) -> String,
    key: impl Fn(&str) -> String,
) -> Vec<String> {
    (0..c.len())
        .map(|node| {
            (0..)
                .map(&name)
                .find(|n| c.node_for_key(key(n).as_bytes()) == node)
                .expect("some name lands on every node")
        })
        .collect()
}

/// `n >= 3` keys made by `make(0), make(1), ...`, the first three on nodes
/// 0, 1 and 2, so the set spans the primaries whatever the hash slots.
fn spread(c: &Cluster, n: usize, make: impl Fn(usize) -> String) -> Vec<String> {
    let mut keys = one_per_node(c, &make, str::to_string);
    let rest: Vec<String> = (0..)
        .map(&make)
        .filter(|k| !keys.contains(k))
        .take(n - keys.len())
        .collect();
    keys.extend(rest);
    keys
}

/// Runs `cmd` for each key on the node that owns it (pipelined per node,
/// so a key on the wrong node fails with MOVED), replies in key order.
fn per_key(c: &Cluster, keys: &[String], cmd: &str) -> Vec<i64> {
    let mut out = vec![0; keys.len()];
    for node in 0..c.len() {
        let mine: Vec<usize> = (0..keys.len())
            .filter(|&i| c.node_for_key(keys[i].as_bytes()) == node)
            .collect();
        if mine.is_empty() {
            continue;
        }
        let mut p = redis::pipe();
        for &i in &mine {
            p.cmd(cmd).arg(&keys[i]);
        }
        let r: Vec<i64> = p
            .query(&mut c.node(node).client())
            .unwrap_or_else(|e| panic!("{cmd} on node {node}: {e}"));
        for (i, v) in mine.into_iter().zip(r) {
            out[i] = v;
        }
    }
    out
}

/// How many of `keys` exist, each asked of the node that owns it.
fn existing(c: &Cluster, keys: &[String]) -> usize {
    per_key(c, keys, "EXISTS").iter().sum::<i64>() as usize
}

fn get(c: &Cluster, key: &str) -> Value {
    c.exec(key.as_bytes(), &[b"GET", key.as_bytes()])
}

/// A counter of `INFO stats` on node `i`.
fn info_stat(c: &Cluster, i: usize, field: &str) -> u64 {
    let info: String = redis::cmd("INFO")
        .arg("stats")
        .query(&mut c.node(i).client())
        .unwrap();
    info.lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .unwrap_or_else(|| panic!("no {field} in INFO stats of node {i}"))
        .trim()
        .parse()
        .unwrap()
}

/// The family `name` of a `keys audit -o json` report (zero when absent).
fn family_keys(audit: &Json, name: &str) -> (u64, u64) {
    audit["families"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["family"] == name)
        .map(|f| (u64_at(f, "keys"), u64_at(f, "no_ttl")))
        .unwrap_or((0, 0))
}

/// Process `pid`'s TCP connections as (local port, remote port).
fn tcp_connections_of(pid: u32) -> HashSet<(u16, u16)> {
    let inodes: HashSet<String> = std::fs::read_dir(format!("/proc/{pid}/fd"))
        .expect("read /proc/PID/fd")
        .filter_map(|e| std::fs::read_link(e.ok()?.path()).ok())
        .filter_map(|l| {
            let l = l.to_string_lossy().into_owned();
            Some(l.strip_prefix("socket:[")?.strip_suffix(']')?.to_string())
        })
        .collect();
    let port = |addr: &str| u16::from_str_radix(addr.rsplit(':').next().unwrap(), 16).unwrap();
    let mut conns = HashSet::new();
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        let text = std::fs::read_to_string(table).unwrap_or_default();
        for line in text.lines().skip(1) {
            let f: Vec<&str> = line.split_whitespace().collect();
            if f.len() > 9 && inodes.contains(f[9]) {
                conns.insert((port(f[1]), port(f[2])));
            }
        }
    }
    conns
}

/// Kills the clients of node `i` that are connections in `conns` (the
/// exact pair of ports, so no other client is touched); returns how many.
fn kill_clients(c: &Cluster, i: usize, conns: &HashSet<(u16, u16)>) -> usize {
    let node_port = c.node(i).port();
    let mut con = c.node(i).client();
    let list: String = redis::cmd("CLIENT").arg("LIST").query(&mut con).unwrap();
    let mut killed = 0;
    for line in list.lines() {
        let field = |k: &str| {
            line.split(' ')
                .find_map(|f| f.strip_prefix(k)?.strip_prefix('='))
                .unwrap_or("")
        };
        let port: u16 = field("addr").rsplit(':').next().unwrap().parse().unwrap();
        if conns.contains(&(port, node_port)) {
            let _: () = redis::cmd("CLIENT")
                .arg("KILL")
                .arg("ID")
                .arg(field("id"))
                .query(&mut con)
                .unwrap();
            killed += 1;
        }
    }
    killed
}

/// `ldp keys scan PATTERN` with stdout piped and not yet read: once the
/// pipe is full the walk waits for the reader, which holds it at a known
/// point. Returns the child and a reader of its lines.
fn held_scan(
    url: &str,
    pattern: &str,
) -> (
    std::process::Child,
    std::io::Lines<BufReader<std::process::ChildStdout>>,
) {
    let mut child = url
        .ldp_std()
        .args(["keys", "scan", pattern, "--count", "20"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn ldp");
    let lines = BufReader::new(child.stdout.take().unwrap()).lines();
    (child, lines)
}

/// Reads the rest of a [`held_scan`] and waits for it.
fn finish_scan(
    mut child: std::process::Child,
    first: Vec<String>,
    lines: std::io::Lines<BufReader<std::process::ChildStdout>>,
) -> Run {
    let mut all = first;
    all.extend(lines.map(|l| l.unwrap()));
    let status = support::wait_child(&mut child, Duration::from_secs(60));
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    Run {
        args: vec!["keys scan (held)".into()],
        env: Vec::new(),
        code: status.code().expect("ldp killed by a signal"),
        stdout: all.join("\n") + "\n",
        stderr,
    }
}

/// `n` keys of about 200 bytes under `p`. 6000 of them print 1.2 MB, five
/// times what can wait between a walk and its reader (ldp's 64 KiB buffer and
/// 64 KiB BufWriter, a 64 KiB pipe, eight SCAN replies of 20 keys in its
/// channel): a [`held_scan`] cannot finish while its reader waits.
fn long_keys(p: &str, n: usize) -> Vec<String> {
    let pad = "x".repeat(180);
    (0..n).map(|i| format!("{p}{pad}:{i}")).collect()
}

// ---------------------------------------------------------------------------
// 1. Refusals and dry runs change nothing on any node
// ---------------------------------------------------------------------------

#[test]
fn keys_delete_refused_or_dry_run_leaves_every_node_untouched() {
    let (c, _l) = shared();
    let _g = c.guard();
    let p = unique_prefix("cl-del-refuse");
    let keys: Vec<String> = (0..300).map(|i| format!("{p}k:{i}")).collect();
    seed(c, &keys);
    let pattern = format!("{p}k:*");

    c.ldp(&["keys", "delete", &pattern])
        .fails_quietly(2)
        .stderr_has("--yes");
    assert_eq!(existing(c, &keys), 300, "a refused delete deleted keys");

    let v = c
        .ldp(&["keys", "delete", &pattern, "--dry-run", "-o", "json"])
        .ok()
        .json();
    assert_eq!(v["dry_run"], true, "{v}");
    assert_eq!(u64_at(&v, "matched"), 300, "{v}");
    assert_eq!(u64_at(&v, "deleted"), 0, "{v}");
    c.ldp(&["keys", "delete", &pattern, "--dry-run"])
        .ok()
        .stdout_has("dry run: 300 keys match");
    assert_eq!(existing(c, &keys), 300, "a dry run deleted keys");
}

#[test]
fn lock_break_refused_or_dry_run_leaves_locks_on_every_node() {
    let (c, _l) = shared();
    let _g = c.guard();
    let p = unique_prefix("cl-lock");
    let names = one_per_node(c, |i| format!("{p}n{i}"), |n| format!("lock:{n}"));
    for (i, name) in names.iter().enumerate() {
        let key = format!("lock:{name}");
        let token = format!("{i:032x}");
        c.exec(
            key.as_bytes(),
            &[b"SET", key.as_bytes(), token.as_bytes(), b"PX", b"600000"],
        );
        c.ldp(&["lock", "break", name])
            .fails_quietly(2)
            .stderr_has("--yes");
        let j = c
            .ldp(&["lock", "break", name, "--dry-run", "-o", "json"])
            .ok()
            .json();
        assert_eq!(j["action"], "dry-run", "{j}");
        assert_eq!(j["token"], token.as_str(), "{j}");
        assert_eq!(get(c, &key), Value::BulkString(token.clone().into_bytes()));
        let pttl = per_key(c, std::slice::from_ref(&key), "PTTL")[0];
        assert!(pttl > 500_000, "the lock's TTL changed: {pttl}");

        // The same break with --yes does break it: the test can fail.
        c.ldp(&["lock", "break", name, "--yes"]).ok();
        assert_eq!(get(c, &key), Value::Nil, "{key}");
    }
}

#[test]
fn audit_fix_ttl_refused_or_dry_run_leaves_ttls_on_every_node() {
    let (c, _l) = shared();
    let _g = c.guard();
    // pdf_parts: no other test here writes that family, so its keys without
    // TTL on the whole cluster are exactly these.
    let keys = spread(c, 30, |_| format!("doc:pdf_parts:{}", random_uuid()));
    seed(c, &keys);
    let fix = ["keys", "audit", "--fix-ttl", "pdf_parts", "--ttl", "1h"];

    c.ldp(&fix).fails_quietly(2).stderr_has("--yes");
    assert!(per_key(c, &keys, "PTTL").iter().all(|&t| t == -1));

    let j = c
        .ldp_cmd(&fix)
        .args(["--dry-run", "-o", "json"])
        .ok()
        .json();
    let f = &j["fix_ttl"];
    assert_eq!(f["dry_run"], true, "{f}");
    assert_eq!(u64_at(f, "candidates"), 30, "{f}");
    assert_eq!(u64_at(f, "fixed"), 0, "{f}");
    assert!(
        per_key(c, &keys, "PTTL").iter().all(|&t| t == -1),
        "a dry run set TTLs"
    );

    let j = c.ldp_cmd(&fix).args(["--yes", "-o", "json"]).ok().json();
    assert_eq!(u64_at(&j["fix_ttl"], "fixed"), 30, "{j}");
    let ttls = per_key(c, &keys, "PTTL");
    assert!(
        ttls.iter().all(|&t| t > 3_500_000 && t <= 3_600_000),
        "{ttls:?}"
    );
}

// ---------------------------------------------------------------------------
// 2, 3. Protected keys and --max-keys
// ---------------------------------------------------------------------------

#[test]
fn keys_delete_skips_protected_keys_on_every_node() {
    let (c, _l) = shared();
    let _g = c.guard();
    let p = unique_prefix("cl-prot");
    let mut protected = one_per_node(c, |i| format!("ldp:{p}{i}"), str::to_string);
    protected.extend(one_per_node(
        c,
        |i| format!("_kombu.binding.{p}q{i}"),
        str::to_string,
    ));
    let plain: Vec<String> = (0..60).map(|i| format!("{p}plain:{i}")).collect();
    seed(c, &protected);
    let pattern = format!("*{p}*");

    let v = c
        .ldp(&["keys", "delete", &pattern, "--dry-run", "-o", "json"])
        .ok()
        .json();
    assert_eq!(u64_at(&v, "matched"), 0, "{v}");
    assert_eq!(u64_at(&v, "skipped_protected"), 6, "{v}");

    // Both delete paths: straight (--yes) and counted first (--max-keys).
    for extra in [&[][..], &["--max-keys", "1000"][..]] {
        seed(c, &plain);
        let v = c
            .ldp_cmd(&["keys", "delete", &pattern, "--yes", "-o", "json"])
            .args(extra)
            .ok()
            .json();
        assert_eq!(u64_at(&v, "deleted"), 60, "{extra:?}: {v}");
        assert_eq!(u64_at(&v, "skipped_protected"), 6, "{extra:?}: {v}");
        assert_eq!(existing(c, &plain), 0, "{extra:?}");
        assert_eq!(
            existing(c, &protected),
            6,
            "{extra:?}: protected keys deleted"
        );
    }
    c.ldp(&["keys", "delete", &pattern, "--yes"])
        .ok()
        .stdout_has("skipped 6 protected keys");

    let v = c
        .ldp(&[
            "keys",
            "delete",
            &pattern,
            "--yes",
            "--include-protected",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(u64_at(&v, "deleted"), 6, "{v}");
    assert_eq!(existing(c, &protected), 0);
}

#[test]
fn keys_delete_max_keys_counts_every_node() {
    let (c, _l) = shared();
    let _g = c.guard();
    let p = unique_prefix("cl-max");
    let keys: Vec<String> = (0..100).map(|i| format!("{p}m:{i}")).collect();
    seed(c, &keys);
    let pattern = format!("{p}m:*");

    let r = c
        .ldp(&["keys", "delete", &pattern, "--yes", "--max-keys", "99"])
        .fails_quietly(2);
    assert!(r.stderr.replace(&pattern, "").contains("99"), "{r}");
    assert!(r.stderr.replace(&pattern, "").contains("100"), "{r}");
    assert_eq!(existing(c, &keys), 100, "keys deleted despite --max-keys");

    let v = c
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
        .ok()
        .json();
    assert_eq!(u64_at(&v, "matched"), 100, "{v}");
    assert_eq!(u64_at(&v, "deleted"), 100, "{v}");
    assert_eq!(existing(c, &keys), 0, "keys left after the delete");
}

// ---------------------------------------------------------------------------
// 4. keys audit counts every node
// ---------------------------------------------------------------------------

#[test]
fn keys_audit_counts_the_families_of_every_node() {
    let (c, _l) = alone();
    let _g = c.guard();
    let audit = || c.ldp(&["keys", "audit", "-o", "json"]).ok().json();
    let dbsize = || -> u64 {
        (0..c.len())
            .map(|i| {
                redis::cmd("DBSIZE")
                    .query::<u64>(&mut c.node(i).client())
                    .unwrap()
            })
            .sum()
    };
    let before = audit();
    assert_eq!(u64_at(&before, "total_keys"), dbsize(), "{before}");

    // (family, keys), each family spread over the three primaries.
    let p = unique_prefix("cl-audit");
    let doc_keys =
        |n: usize, template: &str| spread(c, n, |_| template.replace("{doc}", &random_uuid()));
    let seeded: Vec<(&str, Vec<String>)> = vec![
        ("canonical", doc_keys(40, "doc:canonical_entities:{doc}")),
        ("relationships", doc_keys(25, "doc:relationships:{doc}")),
        ("batch_error", doc_keys(30, "batch:error:b-audit:{doc}")),
        ("state", doc_keys(20, "cache:doc:state:{doc}")),
    ];
    let unknown = spread(c, 17, |i| format!("{p}mystery:{i}"));
    for (_, keys) in &seeded {
        seed(c, keys);
    }
    seed(c, &unknown);

    let after = audit();
    assert_eq!(u64_at(&after, "total_keys"), dbsize(), "{after}");
    for (family, keys) in &seeded {
        let (k0, n0) = family_keys(&before, family);
        let (k1, n1) = family_keys(&after, family);
        assert_eq!(k1 - k0, keys.len() as u64, "{family}: {after}");
        assert_eq!(n1 - n0, keys.len() as u64, "{family} without TTL: {after}");
    }
    let grew = |k: &str| u64_at(&after, k) - u64_at(&before, k);
    assert_eq!(grew("unknown_keys"), 17, "{after}");
    let all: usize = seeded.iter().map(|(_, k)| k.len()).sum::<usize>() + 17;
    assert_eq!(grew("total_keys"), all as u64, "{after}");
    // Every key is in one family or unknown, whichever node holds it.
    let in_families: u64 = after["families"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| u64_at(f, "keys"))
        .sum();
    assert_eq!(
        in_families + u64_at(&after, "unknown_keys"),
        u64_at(&after, "total_keys"),
        "{after}"
    );
}

// ---------------------------------------------------------------------------
// 5. cache show finds a document's keys on every node
// ---------------------------------------------------------------------------

#[test]
fn cache_show_finds_a_documents_keys_on_every_node() {
    let (c, _l) = shared();
    let _g = c.guard();
    let doc_keys = |d: &str| -> Vec<String> {
        vec![
            format!("cache:doc:state:{d}"),
            format!("cache:doc:ocr:{d}"),
            format!("doc:ocr:{d}"),
            format!("cache:doc:chunks:{d}"),
            format!("cache:doc:entities:{d}:c-1"),
            format!("cache:doc:entities:{d}:c-2"),
            format!("doc:metadata:{d}"),
            format!("doc:relationships:{d}"),
            format!("emb:doc:{d}:0"),
            format!("textract:result:{d}"),
        ]
    };
    // A document whose keys land on all three primaries.
    let (doc, keys) = (0..)
        .map(|_| {
            let d = random_uuid();
            let k = doc_keys(&d);
            (d, k)
        })
        .find(|(_, k)| {
            k.iter()
                .map(|k| c.node_for_key(k.as_bytes()))
                .collect::<HashSet<_>>()
                .len()
                == 3
        })
        .unwrap();
    for k in &keys {
        let value = format!("{{\"key\": \"{k}\"}}");
        c.exec(k.as_bytes(), &[b"SET", k.as_bytes(), value.as_bytes()]);
    }

    let j = c
        .ldp(&["cache", "show", "--doc", &doc, "--values", "-o", "json"])
        .ok()
        .json();
    let d = &j["documents"][0];
    assert_eq!(d["document"], doc.as_str(), "{j}");
    let shown: HashSet<String> = d["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["key"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(shown, keys.iter().cloned().collect(), "{j}");
    assert_eq!(u64_at(d, "key_count"), keys.len() as u64, "{j}");
    // Each value was read from the node that holds it.
    for k in d["keys"].as_array().unwrap() {
        assert_eq!(k["value"]["key"], k["key"], "{k}");
    }
}

// ---------------------------------------------------------------------------
// 6. An unreachable cluster: exit 69
// ---------------------------------------------------------------------------

#[test]
fn an_unreachable_cluster_exits_69() {
    let commands: Vec<Vec<&str>> = vec![
        vec!["keys", "scan", "x:*"],
        vec!["keys", "delete", "x:*", "--yes"],
        vec!["keys", "audit"],
        vec![
            "cache",
            "show",
            "--doc",
            "0b6f1c3e-2a4b-4c5d-8e9f-0123456789ab",
        ],
        vec!["lock", "break", "nightly", "--yes"],
        vec!["monitor", "stats", "--interval", "10ms"],
    ];
    let nobody = format!("redis://127.0.0.1:{}/0", free_port());
    for args in &commands {
        nobody.ldp(args).fails_quietly(69).stderr_has("refused");
    }

    let mut c = Cluster::start();
    {
        let _g = c.guard();
        c.ldp(&["keys", "scan", "x:*"]).ok();
    }
    // One primary down: the others cannot answer for its slots.
    let down = c.node(1).port().to_string();
    c.stop_node(1);
    for args in &commands {
        c.ldp(args).fails_quietly(69).stderr_has(&down);
    }
    // Every node down, every seed given.
    let urls = c.urls();
    c.stop_node(0);
    c.stop_node(2);
    let mut ldp = support::Ldp::new();
    for u in &urls {
        ldp = ldp.args(["-u", u]);
    }
    ldp.args(["keys", "scan", "x:*"]).fails(69);
}

// ---------------------------------------------------------------------------
// 7. A dropped connection mid-walk
// ---------------------------------------------------------------------------

#[test]
fn a_dropped_connection_mid_scan_still_gives_every_key() {
    let (c, _l) = shared();
    let _g = c.guard();
    let p = unique_prefix("cl-drop");
    let keys = long_keys(&p, 6000);
    seed(c, &keys);

    let (child, mut lines) = held_scan(&c.seed_url(), &format!("{p}*"));
    let first = vec![lines.next().expect("a first key").unwrap()];
    // The walk is under way and waits for us: cut ldp's connection to
    // every primary.
    let conns = tcp_connections_of(child.id());
    for i in 0..c.len() {
        assert!(
            kill_clients(c, i, &conns) >= 1,
            "no connection of ldp to node {i} among {conns:?}"
        );
    }
    let r = finish_scan(child, first, lines);
    assert_eq!(r.code, 0, "a dropped connection is retried: {r}");
    r.has_exactly_lines(&keys.iter().cloned().collect());
}

// ---------------------------------------------------------------------------
// 8. monitor stats sums the primaries
// ---------------------------------------------------------------------------

#[test]
fn monitor_stats_sums_the_figures_of_every_primary() {
    let (c, _l) = alone();
    let _g = c.guard();
    let p = unique_prefix("cl-stats");
    let keys = one_per_node(c, |i| format!("{p}k{i}"), str::to_string);
    seed(c, &keys);
    let stats = |i: usize| {
        (
            info_stat(c, i, "keyspace_hits"),
            info_stat(c, i, "keyspace_misses"),
        )
    };
    let base: Vec<(u64, u64)> = (0..3).map(stats).collect();
    // Node i: 3 + 2i hits, 5 + i misses (a missing key in the same slot).
    for (i, k) in keys.iter().enumerate() {
        let absent = format!("{{{k}}}:absent");
        for _ in 0..3 + 2 * i {
            get(c, k);
        }
        for _ in 0..5 + i {
            get(c, &absent);
        }
    }
    let now: Vec<(u64, u64)> = (0..3).map(stats).collect();
    for i in 0..3 {
        let d = (now[i].0 - base[i].0, now[i].1 - base[i].1);
        assert_eq!(d, (3 + 2 * i as u64, 5 + i as u64), "traffic on node {i}");
    }

    let j = c
        .ldp(&["monitor", "stats", "--interval", "200ms", "-o", "json"])
        .ok()
        .json();
    let s = &j["server"];
    let nodes = s["nodes"].as_array().unwrap_or_else(|| panic!("{j:#}"));
    assert_eq!(nodes.len(), 3, "{j:#}");
    for (i, &(hits, misses)) in now.iter().enumerate() {
        let addr = format!("127.0.0.1:{}", c.node(i).port());
        let n = nodes
            .iter()
            .find(|n| n["node"] == addr.as_str())
            .unwrap_or_else(|| panic!("no {addr}: {j:#}"));
        assert_eq!(u64_at(n, "hits_since_start"), hits, "{addr}: {j:#}");
        assert_eq!(u64_at(n, "misses_since_start"), misses, "{addr}: {j:#}");
        // Between ldp's two samples nothing looked up a key, and each
        // primary served one command: ldp's own first INFO.
        assert_eq!((u64_at(n, "hits"), u64_at(n, "misses")), (0, 0), "{j:#}");
        let commands = n["ops_per_sec"].as_f64().unwrap() * s["interval_seconds"].as_f64().unwrap();
        assert_eq!(commands.round(), 1.0, "{addr}: {j:#}");
    }
    for field in ["hits", "misses", "hits_since_start", "misses_since_start"] {
        let sum: u64 = nodes.iter().map(|n| u64_at(n, field)).sum();
        assert_eq!(u64_at(s, field), sum, "{field}: {j:#}");
    }
    let total: u64 = now.iter().map(|(h, _)| h).sum();
    assert_eq!(u64_at(s, "hits_since_start"), total, "{j:#}");
    let ops: f64 = nodes
        .iter()
        .map(|n| n["ops_per_sec"].as_f64().unwrap())
        .sum();
    let reported = s["ops_per_sec"].as_f64().unwrap();
    assert!((ops - reported).abs() <= 1e-9 * reported.max(1.0), "{j:#}");
}

// ---------------------------------------------------------------------------
// 9. The slot map changes under a walk: exit 1
// ---------------------------------------------------------------------------

/// The port of the primary that node `i` says serves `slot`.
fn owner_seen_by(c: &Cluster, i: usize, slot: u16) -> Option<u16> {
    let mut con = c.node(i).try_client().ok()?;
    cluster_slots(&mut con)
        .ok()?
        .into_iter()
        .find(|&(a, b, _)| a <= slot && slot <= b)
        .map(|(_, _, port)| port)
}

fn node_cmd(c: &Cluster, i: usize, args: &[&str]) -> Value {
    let mut cmd = redis::cmd(args[0]);
    for a in &args[1..] {
        cmd.arg(*a);
    }
    cmd.query(&mut c.node(i).client())
        .unwrap_or_else(|e| panic!("{args:?} on node {i}: {e}"))
}

/// Moves the (empty) `slot` from node `from` to node `to` the way
/// `redis-cli --cluster reshard` does, and waits until every node agrees.
fn move_empty_slot(c: &Cluster, slot: u16, from: usize, to: usize) {
    let id = |i: usize| match node_cmd(c, i, &["CLUSTER", "MYID"]) {
        Value::BulkString(b) => String::from_utf8(b).unwrap(),
        v => panic!("CLUSTER MYID: {v:?}"),
    };
    let (src, dst) = (id(from), id(to));
    let s = slot.to_string();
    node_cmd(c, to, &["CLUSTER", "SETSLOT", &s, "IMPORTING", &src]);
    node_cmd(c, from, &["CLUSTER", "SETSLOT", &s, "MIGRATING", &dst]);
    for i in [to, from, 3 - to - from] {
        node_cmd(c, i, &["CLUSTER", "SETSLOT", &s, "NODE", &dst]);
    }
    let port = c.node(to).port();
    wait_until(
        "every node sees the slot moved",
        Duration::from_secs(20),
        || (0..3).all(|i| owner_seen_by(c, i, slot) == Some(port)),
    );
}

#[test]
fn a_slot_moved_mid_scan_exits_1_saying_keys_may_be_missed() {
    let c = Cluster::start();
    let _g = c.guard();
    let p = unique_prefix("cl-slot");
    let keys = long_keys(&p, 6000);
    seed(&c, &keys);
    // A slot of node 0 that holds no key, so moving it needs no MIGRATE.
    let used: HashSet<u16> = keys
        .iter()
        .map(|k| support::key_slot(k.as_bytes()))
        .collect();
    let ranges = cluster_slots(&mut c.node(0).client()).unwrap();
    let slot = ranges
        .iter()
        .filter(|&&(_, _, port)| port == c.node(0).port())
        .flat_map(|&(a, b, _)| a..=b)
        .find(|s| !used.contains(s))
        .expect("an empty slot on node 0");

    let (child, mut lines) = held_scan(&c.seed_url(), &format!("{p}*"));
    // ldp read the slot map before its first key; the rest waits for us.
    let first = vec![lines.next().expect("a first key").unwrap()];
    move_empty_slot(&c, slot, 0, 1);
    let r = finish_scan(child, first, lines);
    assert_eq!(r.code, 1, "{r}");
    r.stderr_has("topology changed").stderr_has("missed");
    assert_eq!(r.stderr_lines().len(), 1, "{r}");
}
