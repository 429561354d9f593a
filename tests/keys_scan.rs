//! Black-box tests of `ldp keys scan` (and the connection and argument
//! errors every keys subcommand shares) against real redis-server processes
//! (standalone, TLS + ACL user, 3-primary cluster) started by
//! `tests/support`.
//!
//! Tests on shared servers isolate their keys with `unique_prefix`; tests
//! that count the whole keyspace use a server of their own
//! (`RedisServer::start()`).
//!
//! The exact, duplicates-counted checks on the shared servers hold because
//! no test in this file deletes keys there or lets them expire: SCAN may
//! return a key twice only when the server's table shrinks under it. A
//! test that deletes or expires keys uses a server of its own.

mod support;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;

use base64::Engine;
use serde_json::Value as Json;

use support::seed::{cmd, exec_all, kv, set_all};
use support::{
    LdpTarget, RedisServer, Run, ldp_run, objects, shared_cluster, shared_standalone, shared_tls,
    str_field, u64_field, unique_prefix,
};

fn b64(raw: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(raw)
}

/// A UUID-shaped string derived from `i`.
fn uuid(i: u64) -> String {
    let x = i.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    format!(
        "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
        (x >> 32) as u32,
        (x >> 16) as u16,
        x & 0xfff,
        (x >> 12) & 0xfff,
        x & 0xffff_ffff_ffff
    )
}

// ---------------------------------------------------------------------------
// keys scan: exact key sets
// ---------------------------------------------------------------------------

#[test]
fn scan_standalone_prints_exactly_the_matching_keys() {
    let s = shared_standalone();
    let _g = s.guard();
    let p = unique_prefix("scan-std");
    let mut expected: HashSet<String> = (0..2500).map(|i| format!("{p}doc:{i}")).collect();
    // `doc:` with an empty tail matches `doc:*` too.
    expected.insert(format!("{p}doc:"));
    let mut keys: Vec<String> = expected.iter().cloned().collect();
    for i in 0..400 {
        keys.push(format!("{p}other:{i}"));
        keys.push(format!("x{p}doc:{i}"));
    }
    keys.push(format!("{p}doc"));
    keys.push(format!("{p}Doc:1"));
    set_all(&mut s.client(), &kv(keys));

    let pattern = format!("{p}doc:*");
    let r = s.ldp(&["keys", "scan", &pattern]).ok();
    r.has_exactly_lines(&expected);

    // Small SCAN COUNT: many round trips, same answer.
    let r = s.ldp(&["keys", "scan", &pattern, "--count", "50"]).ok();
    r.has_exactly_lines(&expected);

    // `?` glob: doc:10 .. doc:19.
    let r = s.ldp(&["keys", "scan", &format!("{p}doc:1?")]).ok();
    let tens: HashSet<String> = (10..20).map(|i| format!("{p}doc:{i}")).collect();
    r.has_exactly_lines(&tens);

    // Nothing matches: empty output, success.
    let r = s.ldp(&["keys", "scan", &format!("{p}nothing:*")]).ok();
    r.has_exactly_lines(&HashSet::new());
}

fn tls_seed(p: &str) -> HashSet<String> {
    let tls = shared_tls();
    let expected: HashSet<String> = (0..1500).map(|i| format!("{p}k:{i}")).collect();
    let mut cmds: Vec<Vec<Vec<u8>>> = expected
        .iter()
        .map(|k| cmd(&[b"SET", k.as_bytes(), b"v"]))
        .collect();
    for i in 0..300 {
        cmds.push(cmd(&[b"SET", format!("{p}j:{i}").as_bytes(), b"v"]));
    }
    tls.seed(&cmds);
    expected
}

#[test]
fn scan_tls_with_acl_user_in_url() {
    let tls = shared_tls();
    let _g = tls.guard();
    let p = unique_prefix("scan-tls");
    let expected = tls_seed(&p);
    let r = tls.ldp(&["keys", "scan", &format!("{p}k:*")]).ok();
    r.has_exactly_lines(&expected);
    assert!(
        !r.stderr.contains(tls.password()),
        "password on stderr:\n{r}"
    );
}

#[test]
fn scan_tls_with_password_file() {
    let tls = shared_tls();
    let _g = tls.guard();
    let p = unique_prefix("scan-tls-pwfile");
    let expected = tls_seed(&p);
    let ca = tls.ca_path().to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pw_path = dir.path().join("redis-password");
    let mut f = std::fs::File::create(&pw_path).unwrap();
    writeln!(f, "{}", tls.password()).unwrap();
    drop(f);
    let url = tls.url_without_password();
    let pattern = format!("{p}k:*");

    let r = url
        .ldp(&[
            "--tls-ca",
            ca,
            "--password-file",
            pw_path.to_str().unwrap(),
            "keys",
            "scan",
            &pattern,
        ])
        .ok();
    r.has_exactly_lines(&expected);
    assert!(
        !r.stderr.contains(tls.password()),
        "password on stderr:\n{r}"
    );

    // Without the file there is no password: the server refuses us, so the
    // successful run above really used the file.
    let r = url
        .ldp(&["--tls-ca", ca, "keys", "scan", &pattern])
        .fails(69);
    assert!(r.stdout.is_empty(), "{r}");
    assert!(r.stderr.contains("authentication failed"), "{r}");
}

#[test]
fn scan_cluster_is_detected_from_one_node_and_covers_all_nodes() {
    let c = shared_cluster();
    let _g = c.guard();
    let p = unique_prefix("scan-cluster");
    let expected: HashSet<String> = (0..3000).map(|i| format!("{p}k:{i}")).collect();
    let mut keys: Vec<String> = expected.iter().cloned().collect();
    keys.extend((0..300).map(|i| format!("{p}j:{i}")));
    c.set_many(&kv(keys));
    let mut per_node = [0usize; 3];
    for k in &expected {
        per_node[c.node_for_key(k.as_bytes())] += 1;
    }
    assert!(
        per_node.iter().all(|&n| n > 0),
        "fixture: keys not spread over all nodes: {per_node:?}"
    );

    let pattern = format!("{p}k:*");
    for node in [0, 2] {
        let r = c.node(node).ldp(&["keys", "scan", &pattern]).ok();
        // Spell out per node which keys are missing, for a clearer failure.
        let got: HashSet<&str> = r.stdout.lines().collect();
        for (n, held) in per_node.iter().enumerate() {
            let missing = expected
                .iter()
                .filter(|k| c.node_for_key(k.as_bytes()) == n && !got.contains(k.as_str()))
                .count();
            assert_eq!(
                missing, 0,
                "scanned via node {node}: {missing} of {held} keys held by node {n} are missing"
            );
        }
        r.has_exactly_lines(&expected);
    }

    // JSON over the cluster too.
    let r = c.ldp(&["keys", "scan", &pattern, "-o", "json"]).ok();
    let got: Vec<String> = objects(&r.json())
        .iter()
        .map(|o| str_field(o, "key").to_string())
        .collect();
    assert_eq!(got.len(), expected.len());
    assert_eq!(got.into_iter().collect::<HashSet<_>>(), expected);
}

// ---------------------------------------------------------------------------
// keys scan: binary keys
// ---------------------------------------------------------------------------

/// (raw suffix, escaped form, is valid UTF-8)
fn binary_cases() -> Vec<(Vec<u8>, &'static str, bool)> {
    vec![
        (b"bin:\xff\xfe".to_vec(), "bin:\\xff\\xfe", false),
        (b"bad-utf8:\xc3(end".to_vec(), "bad-utf8:\\xc3(end", false),
        (b"back\\slash".to_vec(), "back\\\\slash", true),
        (b"queue\x06\x163".to_vec(), "queue\\x06\\x163", true),
        (b"mix\\\xff".to_vec(), "mix\\\\\\xff", false),
        ("caf\u{e9}".as_bytes().to_vec(), "caf\u{e9}", true),
        (b"plain".to_vec(), "plain", true),
    ]
}

fn seed_binary(p: &str) -> Vec<(Vec<u8>, String, bool)> {
    let s = shared_standalone();
    let cases: Vec<(Vec<u8>, String, bool)> = binary_cases()
        .into_iter()
        .map(|(raw, esc, utf8)| {
            let mut k = p.as_bytes().to_vec();
            k.extend_from_slice(&raw);
            (k, format!("{p}{esc}"), utf8)
        })
        .collect();
    let pairs: Vec<(Vec<u8>, Vec<u8>)> = cases
        .iter()
        .map(|(k, _, _)| (k.clone(), b"v".to_vec()))
        .collect();
    set_all(&mut s.client(), &pairs);
    cases
}

#[test]
fn scan_prints_binary_keys_escaped_like_redis_cli() {
    let s = shared_standalone();
    let _g = s.guard();
    let p = unique_prefix("scan-bin");
    let cases = seed_binary(&p);
    let expected: HashSet<String> = cases.iter().map(|(_, e, _)| e.clone()).collect();
    let r = s.ldp(&["keys", "scan", &format!("{p}*")]).ok();
    r.has_exactly_lines(&expected);
    assert!(r.stdout.contains("\\x06\\x16"), "{r}");
}

fn check_binary_json(
    what: &str,
    objs: &[&serde_json::Map<String, Json>],
    cases: &[(Vec<u8>, String, bool)],
) {
    assert_eq!(objs.len(), cases.len(), "{what}: {objs:?}");
    let by_key: HashMap<&str, &serde_json::Map<String, Json>> =
        objs.iter().map(|o| (str_field(o, "key"), *o)).collect();
    for (raw, esc, utf8) in cases {
        let o = by_key
            .get(esc.as_str())
            .unwrap_or_else(|| panic!("{what}: no object with key {esc:?} in {objs:?}"));
        if !utf8 {
            assert_eq!(
                o.get("key_base64").and_then(Json::as_str),
                Some(b64(raw).as_str()),
                "{what}: non-UTF-8 key {esc:?}: key_base64 missing or wrong in {o:?}"
            );
            // The base64 really is the raw key.
            let decoded = base64::engine::general_purpose::STANDARD
                .decode(str_field(o, "key_base64"))
                .unwrap();
            assert_eq!(&decoded, raw);
        }
    }
}

#[test]
fn scan_json_has_escaped_key_and_key_base64_for_binary_keys() {
    let s = shared_standalone();
    let _g = s.guard();
    let p = unique_prefix("scan-bin-json");
    let cases = seed_binary(&p);
    let pattern = format!("{p}*");

    // With a lookup (--fields), and without one.
    let r = s
        .ldp(&["keys", "scan", &pattern, "-o", "json", "--fields", "type"])
        .ok();
    check_binary_json("-o json --fields type", &objects(&r.json()), &cases);

    let r = s.ldp(&["keys", "scan", &pattern, "-o", "json"]).ok();
    check_binary_json("-o json", &objects(&r.json()), &cases);
}

#[test]
fn scan_ndjson_has_key_base64_for_binary_keys() {
    let s = shared_standalone();
    let _g = s.guard();
    let p = unique_prefix("scan-bin-ndjson");
    let cases = seed_binary(&p);
    let r = s
        .ldp(&["keys", "scan", &format!("{p}*"), "-o", "ndjson"])
        .ok();
    let lines = r.ndjson();
    let objs: Vec<&serde_json::Map<String, Json>> = lines
        .iter()
        .map(|v| v.as_object().expect("object per line"))
        .collect();
    check_binary_json("-o ndjson", &objs, &cases);
}

// ---------------------------------------------------------------------------
// keys scan: output formats and fields
// ---------------------------------------------------------------------------

#[test]
fn scan_json_array_and_ndjson_lines() {
    let s = shared_standalone();
    let _g = s.guard();
    let p = unique_prefix("scan-fmt");
    let expected: HashSet<String> = (0..700).map(|i| format!("{p}k:{i}")).collect();
    let mut keys: Vec<String> = expected.iter().cloned().collect();
    keys.extend((0..50).map(|i| format!("{p}z:{i}")));
    set_all(&mut s.client(), &kv(keys));
    let pattern = format!("{p}k:*");

    let r = s.ldp(&["keys", "scan", &pattern, "-o", "json"]).ok();
    let objs_json = r.json();
    let objs = objects(&objs_json);
    let got: Vec<&str> = objs.iter().map(|o| str_field(o, "key")).collect();
    assert_eq!(got.len(), expected.len());
    assert_eq!(
        got.iter().map(|k| k.to_string()).collect::<HashSet<_>>(),
        expected
    );

    let r = s.ldp(&["keys", "scan", &pattern, "-o", "ndjson"]).ok();
    assert_eq!(r.stdout.lines().count(), expected.len(), "{r}");
    let got: Vec<String> = r
        .ndjson()
        .iter()
        .map(|v| str_field(v.as_object().expect("object per line"), "key").to_string())
        .collect();
    assert_eq!(got.len(), expected.len());
    assert_eq!(got.into_iter().collect::<HashSet<_>>(), expected);

    // No match: an empty array, no objects.
    let r = s
        .ldp(&["keys", "scan", &format!("{p}none:*"), "-o", "json"])
        .ok();
    assert_eq!(r.json(), serde_json::json!([]));
    let r = s
        .ldp(&["keys", "scan", &format!("{p}none:*"), "-o", "ndjson"])
        .ok();
    assert_eq!(r.stdout, "", "{r}");
}

/// Keys of every type, `ex` with a 1000 s expiry; returns key -> type.
fn seed_typed(con: &mut redis::Connection, p: &str) -> BTreeMap<String, &'static str> {
    let k = |s: &str| format!("{p}{s}");
    exec_all(
        con,
        &[
            cmd(&[b"SET", k("ex").as_bytes(), b"v", b"EX", b"1000"]),
            cmd(&[b"SET", k("str").as_bytes(), b"hello"]),
            cmd(&[b"HSET", k("hash").as_bytes(), b"f", b"v", b"g", b"w"]),
            cmd(&[b"RPUSH", k("list").as_bytes(), b"a", b"b"]),
            cmd(&[b"SADD", k("set").as_bytes(), b"a", b"b"]),
            cmd(&[b"ZADD", k("zset").as_bytes(), b"1", b"a"]),
            cmd(&[b"XADD", k("stream").as_bytes(), b"*", b"f", b"v"]),
        ],
    );
    [
        ("ex", "string"),
        ("str", "string"),
        ("hash", "hash"),
        ("list", "list"),
        ("set", "set"),
        ("zset", "zset"),
        ("stream", "stream"),
    ]
    .into_iter()
    .map(|(s, t)| (k(s), t))
    .collect()
}

fn check_fields_objects(
    objs: &[&serde_json::Map<String, Json>],
    typed: &BTreeMap<String, &str>,
    p: &str,
) {
    assert_eq!(objs.len(), typed.len(), "{objs:?}");
    for o in objs {
        let key = str_field(o, "key");
        let want = typed
            .get(key)
            .unwrap_or_else(|| panic!("unexpected key {key:?}"));
        assert_eq!(str_field(o, "type"), *want, "type of {key}: {o:?}");
        let mem = u64_field(o, "memory");
        assert!(mem > 0, "memory of {key} is {mem}");
        let ttl = o.get("ttl").unwrap_or_else(|| panic!("no 'ttl' in {o:?}"));
        if key == format!("{p}ex") {
            let secs = ttl
                .as_f64()
                .unwrap_or_else(|| panic!("ttl of {key} is not a number: {ttl}"));
            assert!(secs > 900.0 && secs <= 1000.0, "ttl of {key}: {secs}");
        } else {
            assert!(ttl.is_null(), "ttl of {key} (no expiry) is {ttl}, not null");
        }
    }
}

#[test]
fn scan_json_fields_ttl_type_memory() {
    let s = shared_standalone();
    let _g = s.guard();
    let p = unique_prefix("scan-fields");
    let typed = seed_typed(&mut s.client(), &p);
    let pattern = format!("{p}*");

    let r = s
        .ldp(&[
            "keys",
            "scan",
            &pattern,
            "-o",
            "json",
            "--fields",
            "ttl,type,memory",
        ])
        .ok();
    check_fields_objects(&objects(&r.json()), &typed, &p);

    let r = s
        .ldp(&[
            "keys",
            "scan",
            &pattern,
            "-o",
            "ndjson",
            "--fields",
            "memory,ttl,type",
        ])
        .ok();
    let lines = r.ndjson();
    let objs: Vec<&serde_json::Map<String, Json>> =
        lines.iter().map(|v| v.as_object().unwrap()).collect();
    check_fields_objects(&objs, &typed, &p);
}

#[test]
fn scan_fields_off_a_terminal_are_tab_separated_in_order() {
    let s = shared_standalone();
    let _g = s.guard();
    let p = unique_prefix("scan-tsv");
    let typed = seed_typed(&mut s.client(), &p);

    let r = s
        .ldp(&[
            "keys",
            "scan",
            &format!("{p}*"),
            "--fields",
            "memory,type,ttl",
        ])
        .ok();
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), typed.len(), "{r}");
    let mut seen = HashSet::new();
    for line in lines {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            cols.len(),
            4,
            "line {line:?} is not key\\tmemory\\ttype\\tttl"
        );
        let key = cols[0];
        let want = typed
            .get(key)
            .unwrap_or_else(|| panic!("unexpected key {key:?} in {r}"));
        assert!(seen.insert(key.to_string()), "{key} twice");
        let mem: u64 = cols[1]
            .parse()
            .unwrap_or_else(|_| panic!("memory {:?} is not an integer", cols[1]));
        assert!(mem > 0, "{line:?}");
        assert_eq!(cols[2], *want, "{line:?}");
        if key == format!("{p}ex") {
            let secs: f64 = cols[3]
                .parse()
                .unwrap_or_else(|_| panic!("ttl {:?} is not a number", cols[3]));
            assert!(secs > 900.0 && secs <= 1000.0, "{line:?}");
        } else {
            assert_eq!(cols[3], "-1", "no-expiry ttl in {line:?}");
        }
    }

    // Another order gives another column order.
    let r = s
        .ldp(&["keys", "scan", &format!("{p}hash"), "--fields", "ttl,type"])
        .ok();
    assert_eq!(r.stdout, format!("{p}hash\t-1\thash\n"), "{r}");
}

// ---------------------------------------------------------------------------
// keys scan: filters
// ---------------------------------------------------------------------------

#[test]
fn scan_type_filter_returns_only_that_type() {
    let s = shared_standalone();
    let _g = s.guard();
    let p = unique_prefix("scan-type");
    let mut con = s.client();
    let hashes: HashSet<String> = (0..150).map(|i| format!("{p}h:{i}")).collect();
    let mut cmds: Vec<Vec<Vec<u8>>> = hashes
        .iter()
        .map(|k| cmd(&[b"HSET", k.as_bytes(), b"f", b"v"]))
        .collect();
    for i in 0..150 {
        cmds.push(cmd(&[b"SET", format!("{p}s:{i}").as_bytes(), b"v"]));
        cmds.push(cmd(&[b"RPUSH", format!("{p}l:{i}").as_bytes(), b"v"]));
    }
    exec_all(&mut con, &cmds);

    let r = s
        .ldp(&["keys", "scan", &format!("{p}*"), "--type", "hash"])
        .ok();
    r.has_exactly_lines(&hashes);
}

#[test]
fn scan_bogus_type_is_a_usage_error() {
    let s = shared_standalone();
    let r = s
        .ldp(&["keys", "scan", "whatever:*", "--type", "bogus"])
        .fails(2);
    assert!(r.stdout.is_empty(), "{r}");
    assert!(r.stderr.contains("bogus"), "{r}");
}

#[test]
fn scan_limit_prints_exactly_n_keys() {
    let s = shared_standalone();
    let _g = s.guard();
    let p = unique_prefix("scan-limit");
    let all: HashSet<String> = (0..800).map(|i| format!("{p}k:{i}")).collect();
    set_all(&mut s.client(), &kv(all.iter().cloned()));
    let pattern = format!("{p}k:*");

    for (n, extra) in [
        (37usize, &[][..]),
        (1, &[][..]),
        (250, &["--count", "10"][..]),
        (20, &["--fields", "type"][..]),
    ] {
        let ns = n.to_string();
        let mut args = vec!["keys", "scan", &pattern, "--limit", &ns];
        args.extend_from_slice(extra);
        let r = s.ldp(&args).ok();
        let lines: Vec<&str> = r.stdout.lines().collect();
        assert_eq!(lines.len(), n, "--limit {n} {extra:?}:\n{r}");
        let distinct: HashSet<&str> = lines
            .iter()
            .map(|l| l.split('\t').next().unwrap())
            .collect();
        assert_eq!(distinct.len(), n, "duplicates:\n{r}");
        for k in distinct {
            assert!(all.contains(k), "{k:?} does not match {pattern}");
        }
    }

    let r = s
        .ldp(&["keys", "scan", &pattern, "--limit", "5", "-o", "ndjson"])
        .ok();
    assert_eq!(r.ndjson().len(), 5, "{r}");

    // A limit above the number of matches prints them all, no more.
    let r = s.ldp(&["keys", "scan", &pattern, "--limit", "5000"]).ok();
    r.has_exactly_lines(&all);
}

#[test]
fn scan_no_ttl_returns_only_keys_without_expiry() {
    let s = shared_standalone();
    let _g = s.guard();
    let p = unique_prefix("scan-nottl");
    let persistent: HashSet<String> = (0..300).map(|i| format!("{p}k:{i}")).collect();
    let mut cmds: Vec<Vec<Vec<u8>>> = persistent
        .iter()
        .map(|k| cmd(&[b"SET", k.as_bytes(), b"v"]))
        .collect();
    for i in 300..500 {
        let k = format!("{p}k:{i}");
        cmds.push(cmd(&[b"SET", k.as_bytes(), b"v"]));
        cmds.push(cmd(&[b"EXPIRE", k.as_bytes(), b"600"]));
    }
    exec_all(&mut s.client(), &cmds);
    let pattern = format!("{p}k:*");

    let r = s.ldp(&["keys", "scan", &pattern, "--no-ttl"]).ok();
    r.has_exactly_lines(&persistent);

    // Same set in JSON, each with a null ttl when asked for.
    let r = s
        .ldp(&[
            "keys", "scan", &pattern, "--no-ttl", "-o", "json", "--fields", "ttl",
        ])
        .ok();
    let v = r.json();
    let objs = objects(&v);
    assert_eq!(objs.len(), persistent.len());
    for o in objs {
        assert!(persistent.contains(str_field(o, "key")), "{o:?}");
        assert!(o.get("ttl").is_some_and(Json::is_null), "{o:?}");
    }

    // Without --no-ttl all 500 show up.
    let r = s.ldp(&["keys", "scan", &pattern]).ok();
    assert_eq!(r.stdout.lines().count(), 500, "{r}");
}

// ---------------------------------------------------------------------------
// keys scan: --group and --top
// ---------------------------------------------------------------------------

#[test]
fn scan_group_folds_ids_into_patterns() {
    let s = shared_standalone();
    let _g = s.guard();
    let p = unique_prefix("scan-group");
    let mut keys = Vec::new();
    for i in 0..5 {
        keys.push(format!("{p}doc:state:{}", uuid(i + 1)));
    }
    for i in [7u64, 42, 1_000_000, 29_012_345] {
        keys.push(format!("{p}metrics:hits:{i}"));
    }
    for i in 0..3u64 {
        let hex: String = (0..4)
            .map(|j| format!("{:016x}", (i + 1).wrapping_mul(0x0123_4567_89ab_cdef) ^ j))
            .collect();
        assert_eq!(hex.len(), 64);
        keys.push(format!("{p}chunk:{hex}"));
    }
    for i in 0..2 {
        keys.push(format!("{p}celery-task-meta-{}", uuid(100 + i)));
    }
    keys.push(format!("{p}rate:openai"));
    keys.push(format!("{p}rate:ocr"));
    // The pipeline's per-chunk entity caches: entity:chunk:{chunk}:{md5[:8]}.
    for (i, tail) in [
        "9f86d081", "0a1b2c3d", "deadbeef", "12345678", "c0ffee00", "abcdef01",
    ]
    .iter()
    .enumerate()
    {
        keys.push(format!(
            "{p}entity:chunk:{}:{tail}",
            uuid(200 + i as u64 % 2)
        ));
    }
    set_all(&mut s.client(), &kv(keys));

    let r = s
        .ldp(&["keys", "scan", &format!("{p}*"), "--group", "-o", "json"])
        .ok();
    let v = r.json();
    let mut got: BTreeMap<String, u64> = BTreeMap::new();
    for o in objects(&v) {
        let bytes = u64_field(o, "bytes");
        let n = u64_field(o, "keys");
        assert!(bytes > 0, "group without bytes: {o:?}");
        assert!(
            got.insert(str_field(o, "pattern").to_string(), n).is_none(),
            "pattern twice: {o:?}"
        );
    }
    let want: BTreeMap<String, u64> = [
        (format!("{p}doc:state:*"), 5),
        (format!("{p}metrics:hits:*"), 4),
        (format!("{p}chunk:*"), 3),
        (format!("{p}celery-task-meta-*"), 2),
        (format!("{p}entity:chunk:*:*"), 6),
        (format!("{p}rate:openai"), 1),
        (format!("{p}rate:ocr"), 1),
    ]
    .into_iter()
    .collect();
    assert_eq!(got, want, "{r}");
}

#[test]
fn scan_top_returns_the_biggest_keys_first() {
    let s = shared_standalone();
    let _g = s.guard();
    let p = unique_prefix("scan-top");
    let mut pairs: Vec<(Vec<u8>, Vec<u8>)> = vec![
        (format!("{p}big20").into_bytes(), vec![b'b'; 20_000]),
        (format!("{p}big50").into_bytes(), vec![b'c'; 50_000]),
        (format!("{p}big10").into_bytes(), vec![b'a'; 10_000]),
    ];
    for i in 0..40 {
        pairs.push((format!("{p}small:{i}").into_bytes(), vec![b's'; 10]));
    }
    set_all(&mut s.client(), &pairs);

    let r = s
        .ldp(&["keys", "scan", &format!("{p}*"), "--top", "3", "-o", "json"])
        .ok();
    let v = r.json();
    let objs = objects(&v);
    let keys: Vec<&str> = objs.iter().map(|o| str_field(o, "key")).collect();
    assert_eq!(
        keys,
        vec![
            format!("{p}big50"),
            format!("{p}big20"),
            format!("{p}big10")
        ],
        "{r}"
    );
    let mems: Vec<u64> = objs.iter().map(|o| u64_field(o, "memory")).collect();
    assert!(
        mems[0] >= 50_000 && mems[1] >= 20_000 && mems[2] >= 10_000,
        "{mems:?}"
    );
    assert!(mems[0] > mems[1] && mems[1] > mems[2], "{mems:?}");
}

// ---------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------

#[test]
fn unreachable_server_exits_69_with_one_line() {
    let port = support::free_port();
    let url = format!("redis://127.0.0.1:{port}/0");
    let r = url.ldp(&["keys", "scan", "x:*"]).fails(69);
    assert!(r.stdout.is_empty(), "{r}");
    assert_eq!(
        r.stderr,
        format!("ldp: cannot connect to redis://127.0.0.1:{port}/0: connection refused\n"),
        "{r}"
    );

    let r = url.ldp(&["keys", "delete", "x:*", "--yes"]).fails(69);
    assert_eq!(
        r.stderr,
        format!("ldp: cannot connect to redis://127.0.0.1:{port}/0: connection refused\n"),
        "{r}"
    );
}

#[test]
fn tls_wrong_password_exits_69_without_leaking_passwords() {
    let tls = shared_tls();
    let _g = tls.guard();
    let ca = tls.ca_path().to_str().unwrap();
    let wrong = "Wr0ngPa55-zq7Distinctive";
    let url = format!("rediss://ldpops:{wrong}@127.0.0.1:{}/0", tls.port());
    let r = url.ldp(&["--tls-ca", ca, "keys", "scan", "x:*"]).fails(69);
    assert!(r.stderr.contains("authentication failed"), "{r}");
    for secret in [wrong, tls.password()] {
        assert!(!r.stdout.contains(secret), "{secret:?} on stdout:\n{r}");
        assert!(!r.stderr.contains(secret), "{secret:?} on stderr:\n{r}");
    }

    // A wrong --password-file wins over the right password in the URL.
    let dir = tempfile::tempdir().unwrap();
    let pw_path = dir.path().join("pw");
    std::fs::write(&pw_path, format!("{wrong}\n")).unwrap();
    let r = tls
        .ldp(&[
            "--password-file",
            pw_path.to_str().unwrap(),
            "keys",
            "delete",
            "x:*",
            "--yes",
        ])
        .fails(69);
    assert!(r.stderr.contains("authentication failed"), "{r}");
    for secret in [wrong, tls.password()] {
        assert!(!r.stdout.contains(secret), "{secret:?} on stdout:\n{r}");
        assert!(!r.stderr.contains(secret), "{secret:?} on stderr:\n{r}");
    }
}

#[test]
fn invalid_arguments_exit_2_naming_the_bad_value() {
    let s = shared_standalone();
    let url = s.url();
    let port = support::free_port();

    let http = format!("http://127.0.0.1:{port}/0");
    let r = http.ldp(&["keys", "scan", "x:*"]).fails(2);
    assert!(r.stderr.contains("http"), "{r}");

    let r = url
        .ldp(&["--timeout", "soon", "keys", "scan", "x:*"])
        .fails(2);
    assert!(r.stderr.contains("soon"), "{r}");

    let r = url.ldp(&["-o", "xml", "keys", "scan", "x:*"]).fails(2);
    assert!(r.stderr.contains("xml"), "{r}");

    let r = url.ldp(&["-o", "nagios", "keys", "scan", "x:*"]).fails(2);
    assert!(r.stderr.contains("nagios"), "{r}");

    for r in [
        http.ldp(&["keys", "scan", "x:*"]),
        url.ldp(&["-o", "nagios", "keys", "scan", "x:*"]),
    ] {
        assert!(r.stdout.is_empty(), "{r}");
        assert_eq!(r.stderr.lines().count(), 1, "one line expected:\n{r}");
    }
}

/// Secrets that only appear in URLs in `password_*` tests.
const URL_SECRET: &str = "UrlS3cret-kq9Zx";

#[test]
fn password_in_url_never_appears_in_errors() {
    let s = shared_standalone();
    let free = support::free_port();
    let pw = URL_SECRET;
    let refused = format!("redis://:{pw}@127.0.0.1:{free}/0");
    let refused_user = format!("redis://ops:{pw}@127.0.0.1:{free}/0");
    let bad_db = format!("redis://:{pw}@127.0.0.1:{free}/x");
    let http = format!("http://ops:{pw}@127.0.0.1:{free}/0");
    let at_sign = format!("redis://ops:{pw}@x@127.0.0.1:{free}/0");
    let live = format!("redis://:{pw}@127.0.0.1:{}/0", s.port());
    let cases: Vec<(i32, Vec<&str>)> = vec![
        (69, vec!["-u", &refused, "keys", "scan", "x:*"]),
        (69, vec!["-u", &refused_user, "keys", "scan", "x:*"]),
        (69, vec!["-u", &refused, "keys", "delete", "x:*", "--yes"]),
        (69, vec!["-u", &at_sign, "keys", "scan", "x:*"]),
        (2, vec!["-u", &bad_db, "keys", "scan", "x:*"]),
        (2, vec!["-u", &http, "keys", "scan", "x:*"]),
        (
            2,
            vec!["-u", &refused, "--timeout", "soon", "keys", "scan", "x:*"],
        ),
        (
            2,
            vec!["-u", &refused, "-o", "nagios", "keys", "scan", "x:*"],
        ),
        (2, vec!["-u", &refused, "-o", "xml", "keys", "scan", "x:*"]),
        (
            2,
            vec!["-u", &refused, "keys", "scan", "x:*", "--type", "bogus"],
        ),
        (2, vec!["-u", &refused, "keys", "delete", "*", "--yes"]),
        (2, vec!["-u", &refused, "keys", "delete", "x:*"]),
        // The server has no password: redis answers AUTH with an error.
        (69, vec!["-u", &live, "keys", "scan", "x:*"]),
    ];
    for (code, args) in &cases {
        let r = ldp_run(args).fails(*code);
        assert!(!r.stderr.is_empty(), "no error message:\n{r}");
        assert!(!r.stderr.contains(pw), "password on stderr:\n{r}");
        assert!(!r.stdout.contains(pw), "password on stdout:\n{r}");
    }
}

/// Generated passwords often contain `/`; unencoded in a URL it makes the URL
/// unparsable, and the error must still not show it.
#[test]
fn password_with_slash_in_url_is_not_leaked() {
    let free = support::free_port();
    let pw = "Sl4sh/Secret-pq8";
    for url in [
        format!("redis://:{pw}@127.0.0.1:{free}/0"),
        format!("rediss://ops:{pw}@127.0.0.1:{free}/0"),
    ] {
        let r = url.ldp(&["keys", "scan", "x:*"]);
        assert_ne!(r.code, 0, "{r}");
        assert!(!r.stderr.is_empty(), "{r}");
        for part in [pw, "Sl4sh", "Secret-pq8"] {
            assert!(!r.stderr.contains(part), "{part:?} on stderr:\n{r}");
            assert!(!r.stdout.contains(part), "{part:?} on stdout:\n{r}");
        }
    }
}

/// An idempotent read (SCAN) that finds its connection dropped reconnects
/// and retries once: killing ldp's connection twice mid-scan loses no key
/// and repeats none.
///
/// "Mid-scan" is forced, not hoped for: the listing is several times what
/// the pipe and ldp's buffers hold, and the test reads only part of it
/// before each kill, so ldp cannot have finished (it blocks on a full pipe,
/// its connection open). Each kill must find that connection.
#[test]
fn scan_survives_a_dropped_connection() {
    use std::io::{BufRead, BufReader, Read};
    use std::os::fd::AsRawFd;

    const N: usize = 100_000;
    let s = RedisServer::start();
    let _g = s.guard();
    let mut con = s.client();
    let expected: HashSet<String> = (0..N).map(|i| format!("drop:{i}")).collect();
    set_all(&mut con, &kv(expected.iter().cloned()));
    let mut child = s
        .ldp_std()
        .args(["keys", "scan", "drop:*", "--count", "20"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    // SAFETY: F_GETPIPE_SZ on a pipe we own.
    let pipe = unsafe { libc::fcntl(stdout.as_raw_fd(), libc::F_GETPIPE_SZ) };
    assert!(
        pipe > 0,
        "F_GETPIPE_SZ: {}",
        std::io::Error::last_os_error()
    );
    // What ldp can have written beyond what the test read: the pipe, ldp's
    // 64 KiB row buffer and 64 KiB BufWriter, the test's reader, and SCAN
    // batches in flight (8 x 20 keys of at most 11 bytes).
    const READER: usize = 1 << 16;
    let ahead = pipe as usize + 2 * (1 << 16) + READER + 8 * 20 * 11;
    let mut lines = BufReader::with_capacity(READER, stdout).lines();
    let mut got: Vec<String> = Vec::with_capacity(N);
    let mut killed = Vec::new();
    // The shortest line is "drop:0\n"; every line is at least 7 bytes.
    for at in [1, N / 2] {
        while got.len() < at {
            match lines.next() {
                Some(l) => got.push(l.unwrap()),
                None => panic!("ldp's output ended after {} lines", got.len()),
            }
        }
        let read_bytes: usize = got.iter().map(|l| l.len() + 1).sum();
        let total_bytes: usize = expected.iter().map(|k| k.len() + 1).sum();
        assert!(
            read_bytes + ahead < total_bytes,
            "the fixture cannot hold ldp mid-scan: {read_bytes} read + {ahead} buffered \
             >= {total_bytes} in all"
        );
        let n: i64 = redis::cmd("CLIENT")
            .arg("KILL")
            .arg("TYPE")
            .arg("normal")
            .arg("SKIPME")
            .arg("yes")
            .query(&mut con)
            .unwrap();
        killed.push(n);
    }
    got.extend(lines.map(|l| l.unwrap()));
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let mut stdout = got.join("\n");
    if !got.is_empty() {
        stdout.push('\n');
    }
    let out = Run {
        args: vec!["keys scan drop:* --count 20 (spawned)".into()],
        env: Vec::new(),
        code: status.code().expect("ldp exited"),
        stdout,
        stderr,
    };
    assert!(
        killed.iter().all(|&n| n >= 1),
        "a kill found no connection of ldp's ({killed:?}):\n{out}"
    );
    // Every key exactly once: duplicates are counted, not folded.
    out.ok().has_exactly_lines(&expected);
}
