//! The audit trail: every destructive command leaves exactly one entry per
//! run in `ldp:audit` (and the `--audit-file`) with what it changed; dry runs
//! leave none; `--require-audit` refuses before any change when the entry
//! cannot be written; secrets never reach an entry. Against real servers
//! seeded with the library's pipeline-shaped keyspace.

mod support;

use serde_json::Value as Json;
use support::seed::{cmd, exec_all, exists, kv, set_all};
use support::{LdpTarget, RedisServer, Target, shared_cluster, unique_prefix};

/// A private server with the sandbox's keyspace (40 documents, 2 projects).
fn seeded() -> (RedisServer, ldp::sandbox::seed::Seed) {
    let s = RedisServer::start();
    let seed = ldp::sandbox::seed::Plan {
        docs: 40,
        projects: 2,
        now: ldp::clock::unix_now(),
    }
    .generate();
    support::seed::load(&Target::One(&s), &seed);
    (s, seed)
}

fn xlen(s: &RedisServer) -> u64 {
    redis::cmd("XLEN")
        .arg("ldp:audit")
        .query(&mut s.client())
        .expect("XLEN")
}

/// The newest entry, as `ldp audit -o json` shows it.
fn last_entry(s: &RedisServer) -> Json {
    let r = s.ldp(&["audit", "--limit", "1", "-o", "json"]).ok();
    let j = r.json();
    assert_eq!(j["count"], 1, "{}", r.stdout);
    j["entries"][0].clone()
}

/// Sum of a `{name: count}` object.
fn total(v: &Json) -> u64 {
    v.as_object()
        .map(|m| m.values().filter_map(Json::as_u64).sum())
        .unwrap_or(0)
}

/// Run `args` (a destructive command); it must leave exactly one new entry,
/// for `action`, which is returned with the command's JSON report.
#[track_caller]
fn one_entry(s: &RedisServer, action: &str, args: &[&str], code: i32) -> (Json, Json) {
    let before = xlen(s);
    let r = s.ldp_cmd(args).env("USER", "auditor").run().fails(code);
    assert_eq!(xlen(s), before + 1, "one entry for {args:?}: {}", r.stderr);
    let e = last_entry(s);
    assert_eq!(e["action"], action, "{e}");
    assert_eq!(e["user"], "auditor", "{e}");
    assert!(!e["host"].as_str().unwrap_or_default().is_empty(), "{e}");
    let line = e["command"]
        .as_array()
        .expect("command")
        .iter()
        .map(|a| a.as_str().unwrap_or_default())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(line.contains(&args[..2].join(" ")), "{line}");
    let report = if r.stdout.trim_start().starts_with('{') {
        r.json()
    } else {
        Json::Null
    };
    (e, report)
}

#[test]
fn every_destructive_command_leaves_one_entry_per_run_with_its_counts() {
    let (s, seed) = seeded();
    let _g = s.guard();

    // keys delete: the rate windows.
    s.ldp(&["keys", "delete", "rate:*", "--dry-run"]).ok();
    assert_eq!(xlen(&s), 0, "a dry run leaves no entry");
    let windows = seed.families.get("rate_limit").copied().unwrap_or(0);
    assert!(windows > 0, "{:?}", seed.families);
    let (e, _) = one_entry(&s, "keys delete", &["keys", "delete", "rate:*", "--yes"], 0);
    assert_eq!(e["matched"]["keys"], windows, "{e}");
    assert_eq!(e["changed"]["keys"], windows, "{e}");
    assert_eq!(e["subject"][0], "rate:*", "{e}");
    assert_eq!(e["outcome"], "ok", "{e}");

    // cache clear: a completed document, per family as the dry run counted.
    let doc = seed
        .samples
        .completed
        .clone()
        .expect("a completed document");
    let dry = s
        .ldp(&["cache", "clear", "--doc", &doc, "--dry-run", "-o", "json"])
        .ok()
        .json();
    assert_eq!(xlen(&s), 1, "a dry run leaves no entry");
    let (e, report) = one_entry(
        &s,
        "cache clear",
        &["cache", "clear", "--doc", &doc, "--yes", "-o", "json"],
        0,
    );
    let per_family: serde_json::Map<String, Json> = dry["families"]
        .as_object()
        .expect("families")
        .iter()
        .map(|(f, c)| (f.clone(), c["keys"].clone()))
        .collect();
    assert!(!per_family.is_empty(), "{dry}");
    assert_eq!(e["changed"], Json::Object(per_family.clone()), "{e}");
    assert_eq!(e["matched"], Json::Object(per_family), "{e}");
    assert_eq!(total(&e["changed"]), report["deleted"].as_u64().unwrap());
    assert_eq!(e["subject"][0], format!("doc {doc}"), "{e}");

    // cache clear refused after the gate (a document in flight): an entry
    // that says so, nothing changed.
    let busy = seed
        .samples
        .in_flight
        .clone()
        .expect("a document in flight");
    let (e, _) = one_entry(
        &s,
        "cache clear",
        &["cache", "clear", "--doc", &busy, "--yes"],
        2,
    );
    assert_eq!(e["outcome"], "error", "{e}");
    assert_eq!(total(&e["changed"]), 0, "{e}");
    assert!(
        e["error"]
            .as_str()
            .unwrap_or_default()
            .contains("in flight"),
        "{e}"
    );

    // lock break: the lock left without a TTL.
    let (e, _) = one_entry(
        &s,
        "lock break",
        &["lock", "break", "reindex-projects", "--yes"],
        0,
    );
    assert_eq!(e["changed"]["locks"], 1, "{e}");
    assert_eq!(e["subject"][0], "lock:reindex-projects", "{e}");
    assert!(!exists(&mut s.client(), b"lock:reindex-projects"));

    // queue requeue-overdue: the in-flight documents' unacked tasks.
    let (e, report) = one_entry(
        &s,
        "queue requeue-overdue",
        &[
            "queue",
            "requeue-overdue",
            "--visibility-timeout",
            "60s",
            "--yes",
            "-o",
            "json",
        ],
        0,
    );
    let requeued = report["requeued"].as_u64().expect("requeued");
    assert!(requeued > 0, "{report}");
    assert_eq!(e["changed"], report["per_queue"], "{e}");
    assert_eq!(
        total(&e["matched"]),
        report["overdue"].as_u64().unwrap(),
        "{e}"
    );

    // queue purge: what the requeue put back, and the queued documents.
    let (e, report) = one_entry(
        &s,
        "queue purge",
        &["queue", "purge", "default", "--yes", "-o", "json"],
        0,
    );
    let removed = report["removed"].as_u64().expect("removed");
    assert!(removed >= requeued, "{report}");
    assert_eq!(e["changed"]["default"], removed, "{e}");
    assert_eq!(e["matched"]["default"], removed, "{e}");

    // doc retry --failed: the failed documents enqueued again.
    let (e, report) = one_entry(
        &s,
        "doc retry",
        &["doc", "retry", "--failed", "--yes", "-o", "json"],
        0,
    );
    let retried = report["retried"].as_u64().expect("retried");
    assert!(retried > 0, "{report}");
    assert_eq!(total(&e["changed"]), retried, "{e}");
    assert_eq!(
        e["matched"]["documents"],
        report["documents"].as_array().map_or(0, Vec::len) as u64,
        "{e}"
    );

    // keys audit --fix-ttl: three cache keys left without a TTL.
    let p = unique_prefix("fix");
    set_all(
        &mut s.client(),
        &kv((0..3).map(|i| format!("structured:metadata:{p}{i}"))),
    );
    s.ldp(&["keys", "audit"]).ok();
    assert_eq!(
        xlen(&s),
        7,
        "a plain audit changes nothing and leaves no entry"
    );
    let (e, report) = one_entry(
        &s,
        "keys audit",
        &[
            "keys",
            "audit",
            "--fix-ttl",
            "structured_cache",
            "--ttl",
            "1h",
            "--yes",
            "-o",
            "json",
        ],
        0,
    );
    assert_eq!(report["fix_ttl"]["fixed"], 3, "{report}");
    assert_eq!(e["changed"]["structured_cache"], 3, "{e}");

    // The listing filters by action and time.
    let all = s.ldp(&["audit", "--since", "1h", "-o", "ndjson"]).ok();
    assert_eq!(
        all.ndjson().len(),
        9,
        "8 entries and the summary: {}",
        all.stdout
    );
    let clears = s
        .ldp(&["audit", "--action", "cache clear", "-o", "json"])
        .ok()
        .json();
    assert_eq!(clears["count"], 2, "{clears}");
    // --limit N is the newest N, oldest first, as in the whole listing.
    let every = s.ldp(&["audit", "-o", "json"]).ok().json();
    let last3 = s.ldp(&["audit", "--limit", "3", "-o", "json"]).ok().json();
    let ids = |j: &Json| -> Vec<Json> {
        j["entries"]
            .as_array()
            .map(|a| a.iter().map(|e| e["id"].clone()).collect())
            .unwrap_or_default()
    };
    let (every, last3) = (ids(&every), ids(&last3));
    assert_eq!(every.len(), 8, "{every:?}");
    assert_eq!(last3, every[5..].to_vec());
    s.ldp(&["audit"])
        .ok()
        .stdout_has("keys delete")
        .stdout_has("auditor@");
}

#[test]
fn entries_never_hold_a_secret_and_the_file_gets_one_line_per_run() {
    let s = RedisServer::start_with(&["--requirepass", "hunter2-audit"]);
    let _g = s.guard();
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("audit.jsonl");
    let url = format!("redis://:hunter2-audit@127.0.0.1:{}/0", s.port());
    let mut con = redis::Client::open(url.as_str())
        .and_then(|c| c.get_connection())
        .expect("connect");
    set_all(&mut con, &kv((0..5).map(|i| format!("t:{i}"))));
    let run = |args: &[&str]| {
        support::Ldp::new()
            .args(["-u", &url, "--audit-file"])
            .arg(&file)
            .args(args)
            .env("USER", "auditor")
            .run()
    };
    run(&["keys", "delete", "t:*", "--yes"])
        .ok()
        .never_shows("hunter2");
    run(&["keys", "delete", "t:*", "--dry-run"]).ok();
    let text = std::fs::read_to_string(&file).expect("the audit file");
    assert!(!text.contains("hunter2"), "{text}");
    let lines: Vec<Json> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert_eq!(lines.len(), 1, "one run, one line: {text}");
    assert_eq!(lines[0]["action"], "keys delete");
    assert_eq!(lines[0]["changed"]["keys"], 5);
    assert_eq!(lines[0]["user"], "auditor");
    let listed = run(&["audit", "-o", "json"]).ok();
    listed.never_shows("hunter2");
    let mut from_stream = listed.json()["entries"][0].clone();
    from_stream.as_object_mut().expect("an entry").remove("id");
    assert_eq!(from_stream, lines[0], "the stream and the file agree");
}

#[test]
fn require_audit_refuses_before_any_change_when_the_entry_cannot_be_written() {
    let s = RedisServer::start();
    let _g = s.guard();
    exec_all(
        &mut s.client(),
        &[cmd(&[
            b"ACL", b"SETUSER", b"noaudit", b"on", b">pw", b"~*", b"+@all", b"-xadd", b"-xtrim",
        ])],
    );
    set_all(&mut s.client(), &kv((0..4).map(|i| format!("t:{i}"))));
    let url = format!("redis://noaudit:pw@127.0.0.1:{}/0", s.port());
    let ldp = |args: &[&str]| support::Ldp::new().args(["-u", &url]).args(args).run();

    let r = ldp(&["keys", "delete", "t:*", "--yes", "--require-audit"]).fails(2);
    r.stderr_has("--require-audit")
        .stderr_has("nothing changed");
    assert!(
        exists(&mut s.client(), b"t:0") && exists(&mut s.client(), b"t:3"),
        "nothing deleted"
    );
    // A dry run needs no entry.
    ldp(&["keys", "delete", "t:*", "--dry-run", "--require-audit"]).ok();

    // An audit file that cannot be opened is refused the same way.
    let r = support::Ldp::new()
        .args([
            "-u",
            &s.url(),
            "--audit-file",
            "/nonexistent-dir/audit.jsonl",
        ])
        .args(["keys", "delete", "t:*", "--yes"])
        .env("LDP_REQUIRE_AUDIT", "1")
        .run()
        .fails(2);
    r.stderr_has("audit file");
    assert!(exists(&mut s.client(), b"t:0"), "nothing deleted");

    // Without --require-audit the delete goes ahead and says the entry is missing.
    let r = ldp(&["keys", "delete", "t:*", "--yes"]).ok();
    r.stderr_has("audit entry")
        .stderr_has("could not be written");
    assert!(!exists(&mut s.client(), b"t:0"), "deleted");
    assert_eq!(xlen(&s), 0);
}

#[test]
fn on_a_cluster_the_stream_lives_on_the_node_of_its_slot() {
    let c = shared_cluster();
    let _g = c.guard();
    let p = unique_prefix("aud");
    let pairs = kv((0..30).map(|i| format!("{p}:{i}")));
    c.set_many(&pairs);
    let pattern = format!("{p}:*");
    let before = c.ldp(&["audit", "-o", "json"]).ok().json()["count"]
        .as_u64()
        .unwrap_or(0);
    c.ldp(&["keys", "delete", &pattern, "--yes"]).ok();
    let j = c.ldp(&["audit", "-o", "json"]).ok().json();
    let mine: Vec<&Json> = j["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .filter(|e| e["subject"][0] == pattern.as_str())
        .collect();
    assert_eq!(mine.len(), 1, "{j}");
    assert_eq!(mine[0]["changed"]["keys"], 30, "{j}");
    assert_eq!(j["count"].as_u64().unwrap_or(0), before + 1, "{j}");
}
