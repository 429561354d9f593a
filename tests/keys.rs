//! Black-box tests of `ldp keys scan` and `ldp keys delete` against real
//! redis-server processes (standalone, TLS + ACL user, 3-primary cluster)
//! started by `tests/support`.
//!
//! Tests on shared servers isolate their keys with `unique_prefix`; tests
//! that touch unprefixed keys (Celery's `default`, `unacked`, ...) or count
//! the whole keyspace use a server of their own (`RedisServer::start()`).

mod support;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::io::Write;

use base64::Engine;
use serde_json::Value as Json;

use support::{RedisServer, ldp, shared_cluster, shared_standalone, shared_tls, unique_prefix};

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

/// One finished `ldp` run.
struct Run {
    args: Vec<String>,
    code: i32,
    stdout: String,
    stderr: String,
}

impl fmt::Display for Run {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut cut = self.stdout.len().min(3000);
        while !self.stdout.is_char_boundary(cut) {
            cut -= 1;
        }
        let stdout = if cut < self.stdout.len() {
            format!(
                "{}[... {} bytes in all]",
                &self.stdout[..cut],
                self.stdout.len()
            )
        } else {
            self.stdout.clone()
        };
        write!(
            f,
            "ldp {:?}\nexit: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.args, self.code, stdout, self.stderr
        )
    }
}

fn run(args: &[&str]) -> Run {
    let out = ldp().args(args).output().expect("could not run ldp");
    let text = |b: Vec<u8>, what: &str| {
        String::from_utf8(b).unwrap_or_else(|e| {
            panic!(
                "ldp {args:?}: {what} is not UTF-8: {:?}",
                String::from_utf8_lossy(e.as_bytes())
            )
        })
    };
    Run {
        args: args.iter().map(|a| a.to_string()).collect(),
        code: out
            .status
            .code()
            .unwrap_or_else(|| panic!("ldp {args:?} was killed by a signal")),
        stdout: text(out.stdout, "stdout"),
        stderr: text(out.stderr, "stderr"),
    }
}

/// Runs ldp and requires exit 0.
fn ok(args: &[&str]) -> Run {
    let r = run(args);
    assert_eq!(r.code, 0, "expected success:\n{r}");
    r
}

/// Runs ldp and requires the given exit code.
fn fails(code: i32, args: &[&str]) -> Run {
    let r = run(args);
    assert_eq!(r.code, code, "expected exit {code}:\n{r}");
    r
}

/// stdout must be exactly `expected`, one key per line, each once.
fn assert_exact_lines(r: &Run, expected: &HashSet<String>) {
    let lines: Vec<&str> = r.stdout.lines().collect();
    let got: HashSet<String> = lines.iter().map(|l| l.to_string()).collect();
    let missing: Vec<&String> = expected.difference(&got).take(10).collect();
    let extra: Vec<&String> = got.difference(expected).take(10).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "ldp {:?}: output differs from the expected {} keys\n\
         missing (first 10 of {}): {missing:?}\nextra (first 10 of {}): {extra:?}\nstderr: {}",
        r.args,
        expected.len(),
        expected.difference(&got).count(),
        got.difference(expected).count(),
        r.stderr
    );
    assert_eq!(
        lines.len(),
        expected.len(),
        "ldp {:?}: {} lines for {} distinct keys (duplicates?)",
        r.args,
        lines.len(),
        expected.len()
    );
    assert!(
        r.stdout.is_empty() || r.stdout.ends_with('\n'),
        "last line not terminated"
    );
}

fn parse_json(r: &Run) -> Json {
    serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("stdout is not one JSON document ({e}):\n{r}"))
}

fn parse_ndjson(r: &Run) -> Vec<Json> {
    r.stdout
        .lines()
        .map(|l| {
            serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("line {l:?} is not a JSON value ({e}):\n{r}"))
        })
        .collect()
}

/// The objects of a JSON array (panics on anything else).
fn objects(v: &Json) -> Vec<&serde_json::Map<String, Json>> {
    v.as_array()
        .unwrap_or_else(|| panic!("expected a JSON array, got {v}"))
        .iter()
        .map(|o| {
            o.as_object()
                .unwrap_or_else(|| panic!("expected an object, got {o}"))
        })
        .collect()
}

fn str_field<'a>(o: &'a serde_json::Map<String, Json>, name: &str) -> &'a str {
    o.get(name)
        .and_then(Json::as_str)
        .unwrap_or_else(|| panic!("object has no string '{name}': {o:?}"))
}

fn u64_field(o: &serde_json::Map<String, Json>, name: &str) -> u64 {
    o.get(name)
        .and_then(Json::as_u64)
        .unwrap_or_else(|| panic!("object has no integer '{name}': {o:?}"))
}

fn report_u64(v: &Json, name: &str) -> u64 {
    v.get(name)
        .and_then(Json::as_u64)
        .unwrap_or_else(|| panic!("report has no integer '{name}': {v}"))
}

fn kv(keys: impl IntoIterator<Item = String>) -> Vec<(Vec<u8>, Vec<u8>)> {
    keys.into_iter()
        .map(|k| (k.into_bytes(), b"v".to_vec()))
        .collect()
}

/// SET every pair, pipelined.
fn set_all(con: &mut redis::Connection, pairs: &[(Vec<u8>, Vec<u8>)]) {
    for chunk in pairs.chunks(1000) {
        let mut p = redis::pipe();
        for (k, v) in chunk {
            p.cmd("SET").arg(&k[..]).arg(&v[..]).ignore();
        }
        p.query::<()>(con).expect("seeding with SET");
    }
}

/// Run raw commands (binary-safe), pipelined.
fn exec_all(con: &mut redis::Connection, cmds: &[Vec<Vec<u8>>]) {
    let mut p = redis::pipe();
    for c in cmds {
        let (name, args) = c.split_first().expect("empty command");
        let cmd = p.cmd(std::str::from_utf8(name).unwrap());
        for a in args {
            cmd.arg(&a[..]);
        }
        cmd.ignore();
    }
    p.query::<()>(con).expect("seeding");
}

fn cmd(parts: &[&[u8]]) -> Vec<Vec<u8>> {
    parts.iter().map(|p| p.to_vec()).collect()
}

/// Every key matching `pattern` on one server (full SCAN).
fn scan_server(con: &mut redis::Connection, pattern: &[u8]) -> HashSet<Vec<u8>> {
    let mut cursor: u64 = 0;
    let mut keys = HashSet::new();
    loop {
        let (next, batch): (u64, Vec<Vec<u8>>) = redis::cmd("SCAN")
            .arg(cursor)
            .arg("MATCH")
            .arg(pattern)
            .arg("COUNT")
            .arg(1000)
            .query(con)
            .expect("SCAN");
        keys.extend(batch);
        if next == 0 {
            return keys;
        }
        cursor = next;
    }
}

fn exists(con: &mut redis::Connection, key: &[u8]) -> bool {
    redis::cmd("EXISTS")
        .arg(key)
        .query::<i64>(con)
        .expect("EXISTS")
        == 1
}

fn dbsize(con: &mut redis::Connection) -> i64 {
    redis::cmd("DBSIZE").query(con).expect("DBSIZE")
}

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
    let r = ok(&["-u", &s.url(), "keys", "scan", &pattern]);
    assert_exact_lines(&r, &expected);

    // Small SCAN COUNT: many round trips, same answer.
    let r = ok(&["-u", &s.url(), "keys", "scan", &pattern, "--count", "50"]);
    assert_exact_lines(&r, &expected);

    // `?` glob: doc:10 .. doc:19.
    let r = ok(&["-u", &s.url(), "keys", "scan", &format!("{p}doc:1?")]);
    let tens: HashSet<String> = (10..20).map(|i| format!("{p}doc:{i}")).collect();
    assert_exact_lines(&r, &tens);

    // Nothing matches: empty output, success.
    let r = ok(&["-u", &s.url(), "keys", "scan", &format!("{p}nothing:*")]);
    assert_exact_lines(&r, &HashSet::new());
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
    let ca = tls.ca_path().to_str().unwrap();
    let r = ok(&[
        "-u",
        &tls.url(),
        "--tls-ca",
        ca,
        "keys",
        "scan",
        &format!("{p}k:*"),
    ]);
    assert_exact_lines(&r, &expected);
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

    let r = ok(&[
        "-u",
        &url,
        "--tls-ca",
        ca,
        "--password-file",
        pw_path.to_str().unwrap(),
        "keys",
        "scan",
        &pattern,
    ]);
    assert_exact_lines(&r, &expected);
    assert!(
        !r.stderr.contains(tls.password()),
        "password on stderr:\n{r}"
    );

    // Without the file there is no password: the server refuses us, so the
    // successful run above really used the file.
    let r = fails(69, &["-u", &url, "--tls-ca", ca, "keys", "scan", &pattern]);
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
        let r = ok(&["-u", &c.node(node).url(), "keys", "scan", &pattern]);
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
        assert_exact_lines(&r, &expected);
    }

    // JSON over the cluster too.
    let r = ok(&["-u", &c.seed_url(), "keys", "scan", &pattern, "-o", "json"]);
    let got: Vec<String> = objects(&parse_json(&r))
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
    let r = ok(&["-u", &s.url(), "keys", "scan", &format!("{p}*")]);
    assert_exact_lines(&r, &expected);
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
    let r = ok(&[
        "-u",
        &s.url(),
        "keys",
        "scan",
        &pattern,
        "-o",
        "json",
        "--fields",
        "type",
    ]);
    check_binary_json("-o json --fields type", &objects(&parse_json(&r)), &cases);

    let r = ok(&["-u", &s.url(), "keys", "scan", &pattern, "-o", "json"]);
    check_binary_json("-o json", &objects(&parse_json(&r)), &cases);
}

#[test]
fn scan_ndjson_has_key_base64_for_binary_keys() {
    let s = shared_standalone();
    let _g = s.guard();
    let p = unique_prefix("scan-bin-ndjson");
    let cases = seed_binary(&p);
    let r = ok(&[
        "-u",
        &s.url(),
        "keys",
        "scan",
        &format!("{p}*"),
        "-o",
        "ndjson",
    ]);
    let lines = parse_ndjson(&r);
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

    let r = ok(&["-u", &s.url(), "keys", "scan", &pattern, "-o", "json"]);
    let objs_json = parse_json(&r);
    let objs = objects(&objs_json);
    let got: Vec<&str> = objs.iter().map(|o| str_field(o, "key")).collect();
    assert_eq!(got.len(), expected.len());
    assert_eq!(
        got.iter().map(|k| k.to_string()).collect::<HashSet<_>>(),
        expected
    );

    let r = ok(&["-u", &s.url(), "keys", "scan", &pattern, "-o", "ndjson"]);
    assert_eq!(r.stdout.lines().count(), expected.len(), "{r}");
    let got: Vec<String> = parse_ndjson(&r)
        .iter()
        .map(|v| str_field(v.as_object().expect("object per line"), "key").to_string())
        .collect();
    assert_eq!(got.len(), expected.len());
    assert_eq!(got.into_iter().collect::<HashSet<_>>(), expected);

    // No match: an empty array, no objects.
    let r = ok(&[
        "-u",
        &s.url(),
        "keys",
        "scan",
        &format!("{p}none:*"),
        "-o",
        "json",
    ]);
    assert_eq!(parse_json(&r), serde_json::json!([]));
    let r = ok(&[
        "-u",
        &s.url(),
        "keys",
        "scan",
        &format!("{p}none:*"),
        "-o",
        "ndjson",
    ]);
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

    let r = ok(&[
        "-u",
        &s.url(),
        "keys",
        "scan",
        &pattern,
        "-o",
        "json",
        "--fields",
        "ttl,type,memory",
    ]);
    check_fields_objects(&objects(&parse_json(&r)), &typed, &p);

    let r = ok(&[
        "-u",
        &s.url(),
        "keys",
        "scan",
        &pattern,
        "-o",
        "ndjson",
        "--fields",
        "memory,ttl,type",
    ]);
    let lines = parse_ndjson(&r);
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

    let r = ok(&[
        "-u",
        &s.url(),
        "keys",
        "scan",
        &format!("{p}*"),
        "--fields",
        "memory,type,ttl",
    ]);
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
    let r = ok(&[
        "-u",
        &s.url(),
        "keys",
        "scan",
        &format!("{p}hash"),
        "--fields",
        "ttl,type",
    ]);
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

    let r = ok(&[
        "-u",
        &s.url(),
        "keys",
        "scan",
        &format!("{p}*"),
        "--type",
        "hash",
    ]);
    assert_exact_lines(&r, &hashes);
}

#[test]
fn scan_bogus_type_is_a_usage_error() {
    let s = shared_standalone();
    let r = fails(
        2,
        &[
            "-u",
            &s.url(),
            "keys",
            "scan",
            "whatever:*",
            "--type",
            "bogus",
        ],
    );
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
        let url = s.url();
        let mut args = vec!["-u", url.as_str(), "keys", "scan", &pattern, "--limit", &ns];
        args.extend_from_slice(extra);
        let r = ok(&args);
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

    let r = ok(&[
        "-u",
        &s.url(),
        "keys",
        "scan",
        &pattern,
        "--limit",
        "5",
        "-o",
        "ndjson",
    ]);
    assert_eq!(parse_ndjson(&r).len(), 5, "{r}");

    // A limit above the number of matches prints them all, no more.
    let r = ok(&["-u", &s.url(), "keys", "scan", &pattern, "--limit", "5000"]);
    assert_exact_lines(&r, &all);
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

    let r = ok(&["-u", &s.url(), "keys", "scan", &pattern, "--no-ttl"]);
    assert_exact_lines(&r, &persistent);

    // Same set in JSON, each with a null ttl when asked for.
    let r = ok(&[
        "-u",
        &s.url(),
        "keys",
        "scan",
        &pattern,
        "--no-ttl",
        "-o",
        "json",
        "--fields",
        "ttl",
    ]);
    let v = parse_json(&r);
    let objs = objects(&v);
    assert_eq!(objs.len(), persistent.len());
    for o in objs {
        assert!(persistent.contains(str_field(o, "key")), "{o:?}");
        assert!(o.get("ttl").is_some_and(Json::is_null), "{o:?}");
    }

    // Without --no-ttl all 500 show up.
    let r = ok(&["-u", &s.url(), "keys", "scan", &pattern]);
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
    set_all(&mut s.client(), &kv(keys));

    let r = ok(&[
        "-u",
        &s.url(),
        "keys",
        "scan",
        &format!("{p}*"),
        "--group",
        "-o",
        "json",
    ]);
    let v = parse_json(&r);
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

    let r = ok(&[
        "-u",
        &s.url(),
        "keys",
        "scan",
        &format!("{p}*"),
        "--top",
        "3",
        "-o",
        "json",
    ]);
    let v = parse_json(&r);
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
    let r = fails(69, &["-u", &url, "keys", "scan", "x:*"]);
    assert!(r.stdout.is_empty(), "{r}");
    assert_eq!(
        r.stderr,
        format!("ldp: cannot connect to redis://127.0.0.1:{port}/0: connection refused\n"),
        "{r}"
    );

    let r = fails(69, &["-u", &url, "keys", "delete", "x:*", "--yes"]);
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
    let r = fails(69, &["-u", &url, "--tls-ca", ca, "keys", "scan", "x:*"]);
    assert!(r.stderr.contains("authentication failed"), "{r}");
    for secret in [wrong, tls.password()] {
        assert!(!r.stdout.contains(secret), "{secret:?} on stdout:\n{r}");
        assert!(!r.stderr.contains(secret), "{secret:?} on stderr:\n{r}");
    }

    // A wrong --password-file wins over the right password in the URL.
    let dir = tempfile::tempdir().unwrap();
    let pw_path = dir.path().join("pw");
    std::fs::write(&pw_path, format!("{wrong}\n")).unwrap();
    let r = fails(
        69,
        &[
            "-u",
            &tls.url(),
            "--tls-ca",
            ca,
            "--password-file",
            pw_path.to_str().unwrap(),
            "keys",
            "delete",
            "x:*",
            "--yes",
        ],
    );
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
    let r = fails(2, &["-u", &http, "keys", "scan", "x:*"]);
    assert!(r.stderr.contains("http"), "{r}");

    let r = fails(2, &["-u", &url, "--timeout", "soon", "keys", "scan", "x:*"]);
    assert!(r.stderr.contains("soon"), "{r}");

    let r = fails(2, &["-u", &url, "-o", "xml", "keys", "scan", "x:*"]);
    assert!(r.stderr.contains("xml"), "{r}");

    let r = fails(2, &["-u", &url, "-o", "nagios", "keys", "scan", "x:*"]);
    assert!(r.stderr.contains("nagios"), "{r}");

    for r in [
        run(&["-u", &http, "keys", "scan", "x:*"]),
        run(&["-u", &url, "-o", "nagios", "keys", "scan", "x:*"]),
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
        let r = run(args);
        assert_eq!(r.code, *code, "{r}");
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
        let r = run(&["-u", &url, "keys", "scan", "x:*"]);
        assert_ne!(r.code, 0, "{r}");
        assert!(!r.stderr.is_empty(), "{r}");
        for part in [pw, "Sl4sh", "Secret-pq8"] {
            assert!(!r.stderr.contains(part), "{part:?} on stderr:\n{r}");
            assert!(!r.stdout.contains(part), "{part:?} on stdout:\n{r}");
        }
    }
}

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
    let r = fails(2, &["-u", &s.url(), "keys", "delete", &format!("{p}k:*")]);
    assert!(r.stderr.contains("--yes"), "{r}");
    assert_eq!(all_exist(&mut s.client(), &keys), 100, "keys were deleted");
}

#[test]
fn delete_dry_run_counts_and_deletes_nothing() {
    let s = shared_standalone();
    let _g = s.guard();
    let p = unique_prefix("del-dry");
    let keys = seed_n(s, &p, "k", 250);
    let decoys = seed_n(s, &p, "keep", 20);
    let pattern = format!("{p}k:*");

    let r = ok(&["-u", &s.url(), "keys", "delete", &pattern, "--dry-run"]);
    // The count is on the first line; take the pattern (it holds the pid)
    // out before looking for it.
    let first = r.stdout.lines().next().unwrap_or("").replace(&pattern, "");
    let numbers: Vec<&str> = first
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| !w.is_empty())
        .collect();
    assert_eq!(numbers, vec!["250"], "count missing or wrong:\n{r}");

    let r = ok(&[
        "-u",
        &s.url(),
        "keys",
        "delete",
        &pattern,
        "--dry-run",
        "-o",
        "json",
    ]);
    let v = parse_json(&r);
    assert_eq!(v.get("dry_run"), Some(&Json::Bool(true)), "{v}");
    assert_eq!(report_u64(&v, "matched"), 250, "{v}");
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
    let s = shared_standalone();
    let _g = s.guard();
    let p = unique_prefix("del-yes");
    let doomed = seed_n(s, &p, "del", 2000);
    let mut decoys = seed_n(s, &p, "keep", 300);
    for extra in [format!("{p}del"), format!("x{p}del:1"), format!("{p}Del:1")] {
        decoys.insert(extra);
    }
    set_all(&mut s.client(), &kv(decoys.iter().cloned()));

    let r = ok(&[
        "-u",
        &s.url(),
        "keys",
        "delete",
        &format!("{p}del:*"),
        "--yes",
        "-o",
        "json",
    ]);
    let v = parse_json(&r);
    assert_eq!(report_u64(&v, "deleted"), 2000, "{v}");
    assert_eq!(report_u64(&v, "matched"), 2000, "{v}");
    assert_eq!(report_u64(&v, "skipped_protected"), 0, "{v}");

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
        let r = fails(2, &["-u", &s.url(), "keys", "delete", pattern, "--yes"]);
        assert!(!r.stderr.is_empty(), "{r}");
        let r = fails(
            2,
            &[
                "-u",
                &s.url(),
                "keys",
                "delete",
                pattern,
                "--yes",
                "--include-protected",
                "--max-keys",
                "1000",
            ],
        );
        assert!(!r.stderr.is_empty(), "{r}");
        assert_eq!(dbsize(&mut con), 20, "'{pattern}' deleted keys");
    }
}

#[test]
fn delete_max_keys_aborts_above_and_deletes_at_or_below() {
    let s = shared_standalone();
    let _g = s.guard();
    let p = unique_prefix("del-max");
    let keys = seed_n(s, &p, "m", 100);
    let pattern = format!("{p}m:*");
    let mut con = s.client();

    let r = fails(
        2,
        &[
            "-u",
            &s.url(),
            "keys",
            "delete",
            &pattern,
            "--yes",
            "--max-keys",
            "99",
        ],
    );
    assert!(r.stderr.replace(&pattern, "").contains("99"), "{r}");
    assert_eq!(
        all_exist(&mut con, &keys),
        100,
        "keys deleted despite --max-keys"
    );

    let r = ok(&[
        "-u",
        &s.url(),
        "keys",
        "delete",
        &pattern,
        "--yes",
        "--max-keys",
        "100",
        "-o",
        "json",
    ]);
    let v = parse_json(&r);
    assert_eq!(report_u64(&v, "deleted"), 100, "{v}");
    assert_eq!(report_u64(&v, "matched"), 100, "{v}");
    assert_eq!(all_exist(&mut con, &keys), 0, "keys left after delete");

    let few = seed_n(s, &p, "few", 7);
    let r = ok(&[
        "-u",
        &s.url(),
        "keys",
        "delete",
        &format!("{p}few:*"),
        "--yes",
        "--max-keys",
        "1000",
        "-o",
        "json",
    ]);
    assert_eq!(report_u64(&parse_json(&r), "deleted"), 7, "{r}");
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
    let r = ok(&[
        "-u",
        &url,
        "keys",
        "delete",
        "def*",
        "--dry-run",
        "-o",
        "json",
    ]);
    let v = parse_json(&r);
    assert_eq!(report_u64(&v, "matched"), 1, "{v}");
    assert_eq!(report_u64(&v, "skipped_protected"), 2, "{v}");

    // (pattern, skipped, deleted)
    for (pattern, skipped, deleted) in [
        ("unack*", 2, 1),
        ("def*", 2, 1),
        ("_kombu*", 1, 1),
        ("ldp*", 1, 1),
        ("ocr*", 1, 1),
    ] {
        let r = ok(&["-u", &url, "keys", "delete", pattern, "--yes", "-o", "json"]);
        let v = parse_json(&r);
        assert_eq!(
            report_u64(&v, "skipped_protected"),
            skipped,
            "{pattern}: {v}"
        );
        assert_eq!(report_u64(&v, "deleted"), deleted, "{pattern}: {v}");
        assert_eq!(report_u64(&v, "matched"), deleted, "{pattern}: {v}");
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
    let r = ok(&[
        "-u",
        &url,
        "keys",
        "delete",
        "unack*",
        "--yes",
        "--max-keys",
        "10",
        "-o",
        "json",
    ]);
    let v = parse_json(&r);
    assert_eq!(report_u64(&v, "skipped_protected"), 2, "{v}");
    assert!(exists(&mut con, b"unacked") && exists(&mut con, b"unacked_index"));

    // Text output says so.
    let r = ok(&["-u", &url, "keys", "delete", "unack*", "--yes"]);
    assert!(r.stdout.contains("protected"), "{r}");
    assert!(exists(&mut con, b"unacked"));

    // --include-protected deletes them.
    let r = ok(&[
        "-u",
        &url,
        "keys",
        "delete",
        "unack*",
        "--yes",
        "--include-protected",
        "-o",
        "json",
    ]);
    let v = parse_json(&r);
    assert_eq!(report_u64(&v, "deleted"), 2, "{v}");
    assert_eq!(report_u64(&v, "skipped_protected"), 0, "{v}");
    for pattern in ["def*", "_kombu*", "ldp*", "ocr*"] {
        ok(&[
            "-u",
            &url,
            "keys",
            "delete",
            pattern,
            "--yes",
            "--include-protected",
        ]);
    }
    for k in &protected {
        assert!(
            !exists(&mut con, k),
            "{:?} left despite --include-protected",
            String::from_utf8_lossy(k)
        );
    }
    assert_eq!(dbsize(&mut con), 0);
}

#[test]
fn delete_skips_ldp_keys_on_a_shared_server() {
    let s = shared_standalone();
    let _g = s.guard();
    let p = unique_prefix("del-ldp");
    let ours: HashSet<String> = [format!("ldp:{p}x"), format!("ldp:{p}y")].into();
    set_all(&mut s.client(), &kv(ours.iter().cloned()));
    let pattern = format!("ldp:{p}*");
    let mut con = s.client();

    let r = ok(&[
        "-u",
        &s.url(),
        "keys",
        "delete",
        &pattern,
        "--yes",
        "-o",
        "json",
    ]);
    let v = parse_json(&r);
    assert_eq!(report_u64(&v, "skipped_protected"), 2, "{v}");
    assert_eq!(report_u64(&v, "deleted"), 0, "{v}");
    assert_eq!(all_exist(&mut con, &ours), 2);

    let r = ok(&[
        "-u",
        &s.url(),
        "keys",
        "delete",
        &pattern,
        "--yes",
        "--include-protected",
        "-o",
        "json",
    ]);
    assert_eq!(report_u64(&parse_json(&r), "deleted"), 2, "{r}");
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

    let r = ok(&[
        "-u",
        &c.seed_url(),
        "keys",
        "delete",
        &pattern,
        "--dry-run",
        "-o",
        "json",
    ]);
    assert_eq!(report_u64(&parse_json(&r), "matched"), 3000, "{r}");

    let r = ok(&[
        "-u",
        &c.seed_url(),
        "keys",
        "delete",
        &pattern,
        "--yes",
        "-o",
        "json",
    ]);
    let v = parse_json(&r);
    assert_eq!(report_u64(&v, "deleted"), 3000, "{v}");
    assert_eq!(report_u64(&v, "matched"), 3000, "{v}");

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

/// An idempotent read (SCAN) that finds its connection dropped reconnects
/// and retries once: killing ldp's connection mid-scan loses no key.
#[test]
fn scan_survives_a_dropped_connection() {
    let s = RedisServer::start();
    let _g = s.guard();
    let mut con = s.client();
    for chunk in (0..60_000).collect::<Vec<u32>>().chunks(5000) {
        let mut p = redis::pipe();
        for i in chunk {
            p.cmd("SET").arg(format!("drop:{i}")).arg("v").ignore();
        }
        p.query::<()>(&mut con).unwrap();
    }
    let bin = assert_cmd::cargo::cargo_bin!("ldp");
    let child = std::process::Command::new(bin)
        .args(["-u", &s.url(), "keys", "scan", "drop:*", "--count", "20"])
        .env("LDP_CONFIG", "/nonexistent")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Kill every other client's connection a few times while it scans.
    let mut killed = 0;
    for _ in 0..20 {
        std::thread::sleep(std::time::Duration::from_millis(40));
        let n: i64 = redis::cmd("CLIENT")
            .arg("KILL")
            .arg("TYPE")
            .arg("normal")
            .arg("SKIPME")
            .arg("yes")
            .query(&mut con)
            .unwrap();
        killed += n;
        if killed >= 2 {
            break;
        }
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        killed >= 1,
        "the scan ended before a connection could be killed"
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let keys: std::collections::HashSet<&str> =
        std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(keys.len(), 60_000);
}
