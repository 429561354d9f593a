//! The conventions every command shares: records in a pipe, notes on
//! stderr, one exit policy (Nagios included), help an operator can read,
//! durations with units, and the consent gate. Against a real redis-server.

mod support;

use std::collections::HashSet;

use support::{LdpTarget, RedisServer, ldp_run, shared_standalone, unique_prefix};

const DOC: &str = "0b6f1c3e-2a4b-4c5d-8e9f-0123456789ab";

/// A completed document from the library's generator (the keyspace the
/// sandbox seeds): prefixed caches, per-chunk entity caches with long keys,
/// its batch entry. Returns its id and its keys.
fn seed_document(s: &RedisServer) -> (String, Vec<String>) {
    let seed = ldp::sandbox::seed::Plan {
        docs: 20,
        projects: 1,
        now: ldp::clock::unix_now(),
    }
    .generate();
    support::seed::load(&support::Target::One(s), &seed);
    let doc = seed
        .samples
        .completed
        .clone()
        .expect("a completed document");
    let keys = seed
        .doc_keys(0)
        .into_iter()
        .map(|k| String::from_utf8(k).expect("UTF-8 key"))
        .collect();
    (doc, keys)
}

#[test]
fn cache_show_in_a_pipe_prints_one_whole_key_per_record() {
    let s = RedisServer::start();
    let (doc, keys) = seed_document(&s);
    assert!(keys.len() >= 8, "{keys:?}");
    let r = s.ldp(&["cache", "show", "--doc", &doc]).ok();
    // One record per key, tab-separated, the key whole in the first field.
    let firsts: HashSet<String> = r
        .lines()
        .iter()
        .map(|l| l.split('\t').next().unwrap_or_default().to_string())
        .collect();
    assert_eq!(firsts, keys.iter().cloned().collect(), "{r}");
    for l in r.lines() {
        assert!(!l.starts_with(' ') && !l.contains("  "), "padded: {r}");
        assert_eq!(l.split('\t').count(), 5, "key family type ttl size: {r}");
    }
    // TTLs are compact (the OCR result's 7 days, minus its age); the
    // document heading is a note on stderr.
    r.stdout_has("\t6d23h\t")
        .stdout_lacks("KEY")
        .stderr_has("document ");
}

#[test]
fn keys_scan_group_in_a_pipe_gives_patterns_and_nothing_for_no_match() {
    let s = shared_standalone();
    let p = unique_prefix("spine-group");
    let mut c = s.client();
    for i in 0..30 {
        let _: () = redis::cmd("SET")
            .arg(format!("{p}doc:{i}"))
            .arg("v")
            .query(&mut c)
            .unwrap();
    }
    let r = s
        .ldp(&["keys", "scan", &format!("{p}doc:*"), "--group"])
        .ok();
    let patterns: Vec<&str> = r
        .lines()
        .iter()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(patterns, [format!("{p}doc:*")], "{r}");
    let fields: Vec<&str> = r.lines()[0].split('\t').collect();
    assert_eq!(fields[1], "30", "raw counts in records: {r}");

    let none = s
        .ldp(&["keys", "scan", &format!("{p}nomatch:*"), "--group"])
        .ok();
    none.stdout_empty().stderr_has("no keys matched");
}

#[test]
fn nagios_usage_errors_are_unknown_on_stdout() {
    let r = ldp_run(&["monitor", "health", "-o", "nagios", "--memory-warn", "85%"]).fails(3);
    assert!(r.stdout.starts_with("LDP UNKNOWN - "), "{r}");
    r.stdout_has("--memory-warn");
    // doctor is a plugin too.
    let r = ldp_run(&["doctor", "-o", "nagios", "--no-such-flag"]).fails(3);
    assert!(r.stdout.starts_with("LDP UNKNOWN - "), "{r}");
    // Another command keeps its own convention.
    ldp_run(&["batch", "list", "-o", "nagios", "-u", "redis://127.0.0.1:1"])
        .fails(2)
        .stderr_has("does not support -o nagios");
}

#[test]
fn a_bare_number_is_not_a_duration() {
    ldp_run(&["monitor", "health", "--latency-warn", "5"])
        .fails(3)
        .stderr_has("--latency-warn")
        .stderr_has("5ms");
    ldp_run(&["keys", "scan", "x", "--timeout", "30"])
        .fails(2)
        .stderr_has("--timeout");
}

#[test]
fn help_lists_the_commands_own_flags_first_then_globals_and_examples() {
    let r = ldp_run(&["keys", "delete", "--help"]).ok();
    let at = |s: &str| {
        r.stdout
            .find(s)
            .unwrap_or_else(|| panic!("{s} missing: {r}"))
    };
    let globals = at("Global options:");
    for own in ["--yes", "--dry-run", "--max-keys"] {
        assert!(at(own) < globals, "{own} after the globals: {r}");
    }
    assert!(at("--url") > globals, "{r}");
    assert!(at("Examples:") > globals, "{r}");
    r.stdout_has("Output formats (-o): table, json, ndjson")
        .stdout_lacks("prometheus");
    ldp_run(&["monitor", "health", "--help"])
        .ok()
        .stdout_has("nagios, prometheus");
}

#[test]
fn destructive_commands_refuse_off_a_terminal_without_yes() {
    let s = shared_standalone();
    let p = unique_prefix("spine-gate");
    let _: () = redis::cmd("SET")
        .arg(format!("{p}k"))
        .arg("v")
        .query(&mut s.client())
        .unwrap();
    for args in [
        vec!["keys", "delete", &format!("{p}*")[..]],
        vec!["cache", "clear", "--doc", DOC],
        vec!["lock", "break", "nightly"],
    ] {
        s.ldp(&args)
            .fails(2)
            .stderr_has("without --yes when not on a terminal");
    }
    let exists: i64 = redis::cmd("EXISTS")
        .arg(format!("{p}k"))
        .query(&mut s.client())
        .unwrap();
    assert_eq!(exists, 1, "nothing was deleted");
}

#[test]
fn health_refuses_a_zero_interval() {
    ldp_run(&["monitor", "health", "--interval", "0"])
        .fails(3)
        .stderr_has("--interval");
}
