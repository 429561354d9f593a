//! `--backup FILE` on the delete paths and `ldp keys restore FILE`: what a
//! delete removed comes back with its value, type and TTL, on standalone and
//! on a cluster; existing keys are reported (and overwritten with
//! --replace); a truncated file is detected; a backup never overwrites a
//! file and a dry run writes none.

mod support;

use std::path::{Path, PathBuf};
use std::time::Instant;

use redis::Value;
use support::{
    LdpTarget, RedisServer, Target, random_uuid, shared_cluster, shared_standalone, unique_prefix,
};

/// One key as it is: TYPE, PTTL (ms) and its value, read by type (members
/// of sets and fields of hashes sorted: their order is not the value).
#[derive(Debug, Clone, PartialEq)]
struct Snap {
    key_type: String,
    pttl: i64,
    value: Vec<Vec<u8>>,
}

/// The keys' snapshots, read in two pipelined rounds per server (so every
/// TTL is read within a moment), and when the reading began.
fn snaps(t: &Target, keys: &[String]) -> (Instant, Vec<(String, Option<Snap>)>) {
    let began = Instant::now();
    let mut out: Vec<(String, Option<Snap>)> = keys.iter().map(|k| (k.clone(), None)).collect();
    let mut by_con: Vec<(redis::Connection, Vec<usize>)> = Vec::new();
    match t {
        Target::One(s) => by_con.push((s.client(), (0..keys.len()).collect())),
        Target::Cluster(c) => {
            for n in 0..c.len() {
                let idx = (0..keys.len())
                    .filter(|&i| c.node_for_key(keys[i].as_bytes()) == n)
                    .collect();
                by_con.push((c.node(n).client(), idx));
            }
        }
    }
    for (con, idx) in &mut by_con {
        if idx.is_empty() {
            continue; // a cluster node that holds none of these keys
        }
        let mut p = redis::pipe();
        for &i in idx.iter() {
            p.cmd("TYPE").arg(&keys[i]).cmd("PTTL").arg(&keys[i]);
        }
        let meta: Vec<Value> = p.query(con).expect("TYPE/PTTL");
        let mut p = redis::pipe();
        let mut types = Vec::new();
        for (n, &i) in idx.iter().enumerate() {
            let ty = match &meta[2 * n] {
                Value::SimpleString(s) => s.clone(),
                other => panic!("TYPE: {other:?}"),
            };
            let k = &keys[i];
            match ty.as_str() {
                "string" => p.cmd("GET").arg(k),
                "hash" => p.cmd("HGETALL").arg(k),
                "list" => p.cmd("LRANGE").arg(k).arg(0).arg(-1),
                "set" => p.cmd("SMEMBERS").arg(k),
                "zset" => p.cmd("ZRANGE").arg(k).arg(0).arg(-1).arg("WITHSCORES"),
                _ => p.cmd("EXISTS").arg(k),
            };
            types.push(ty);
        }
        let values: Vec<Value> = p.query(con).expect("values");
        for (n, &i) in idx.iter().enumerate() {
            if types[n] == "none" {
                continue;
            }
            let pttl = match meta[2 * n + 1] {
                Value::Int(ms) => ms,
                ref other => panic!("PTTL: {other:?}"),
            };
            let mut value: Vec<Vec<u8>> = match &values[n] {
                Value::BulkString(b) => vec![b.clone()],
                Value::Array(a) => a
                    .iter()
                    .map(|v| match v {
                        Value::BulkString(b) => b.clone(),
                        other => format!("{other:?}").into_bytes(),
                    })
                    .collect(),
                Value::Map(m) => m
                    .iter()
                    .flat_map(|(a, b)| [format!("{a:?}={b:?}").into_bytes()])
                    .collect(),
                Value::Set(m) => m.iter().map(|v| format!("{v:?}").into_bytes()).collect(),
                other => vec![format!("{other:?}").into_bytes()],
            };
            if types[n] == "hash" {
                let mut pairs: Vec<Vec<u8>> = value.chunks(2).map(|c| c.concat()).collect();
                pairs.sort();
                value = pairs;
            } else if types[n] == "set" {
                value.sort();
            }
            out[i].1 = Some(Snap {
                key_type: types[n].clone(),
                pttl,
                value,
            });
        }
    }
    (began, out)
}

/// Keys that exist, with their snapshots (panics on a missing one).
fn present(t: &Target, keys: &[String]) -> (Instant, Vec<(String, Snap)>) {
    let (at, all) = snaps(t, keys);
    let snaps = all
        .into_iter()
        .map(|(k, s)| {
            let s = s.unwrap_or_else(|| panic!("{k} missing"));
            (k, s)
        })
        .collect();
    (at, snaps)
}

/// Every key is back with the same value, type, and the TTL it had when it
/// was deleted, within a second: never more than it had at `taken`, and at
/// most the time since then (plus a second) less. No TTL stays none.
fn assert_same(t: &Target, (taken, before): &(Instant, Vec<(String, Snap)>)) {
    let keys: Vec<String> = before.iter().map(|(k, _)| k.clone()).collect();
    let (_, now) = snaps(t, &keys);
    let passed = taken.elapsed().as_millis() as i64;
    for ((k, b), (_, now)) in before.iter().zip(now) {
        let now = now.unwrap_or_else(|| panic!("{k} was not restored"));
        assert_eq!(now.key_type, b.key_type, "{k}: type");
        assert_eq!(now.value, b.value, "{k}: value");
        if b.pttl < 0 {
            assert_eq!(now.pttl, -1, "{k}: had no TTL");
        } else {
            assert!(
                now.pttl > 0 && now.pttl <= b.pttl && now.pttl >= b.pttl - passed - 1000,
                "{k}: TTL {} ms, was {} ms {passed} ms before",
                now.pttl,
                b.pttl
            );
        }
    }
}

/// `keys restore FILE` (with `extra` flags) says it restored `n` keys, and
/// every key is back as it was.
fn restore_same(
    t: &Target,
    file: &Path,
    extra: &[&str],
    n: usize,
    before: &(Instant, Vec<(String, Snap)>),
) {
    let mut args = vec!["keys", "restore", arg(file)];
    args.extend_from_slice(extra);
    t.ldp(&args).ok().stdout_has(&format!("restored {n} keys"));
    assert_same(t, before);
}

fn gone(t: &Target, keys: &[String]) {
    for k in keys {
        assert!(!t.exists(k), "{k} should be deleted");
    }
}

/// `keys delete PREFIX* --backup FILE --yes -o json` against `url`: every
/// one of `keys` deleted and in the backup, and gone.
fn delete_backed(t: &Target, url: &str, prefix: &str, keys: &[String], file: &Path) {
    let pattern = format!("{prefix}*");
    let j = support::Ldp::new()
        .args(["-u", url, "keys", "delete", &pattern])
        .args(["--backup", arg(file), "--yes", "-o", "json"])
        .run()
        .ok()
        .json();
    assert_eq!(j["deleted"], keys.len() as u64, "{j}");
    assert_eq!(j["backup"]["keys"], keys.len() as u64, "{j}");
    gone(t, keys);
}

/// Keys of every type, some with a TTL, some without.
fn seed_types(t: &Target, keys: &[String]) {
    for (i, k) in keys.iter().enumerate() {
        match i % 5 {
            0 => t.run_str(&["SET", k, &format!("{{\"text\": \"value {i}\"}}")]),
            1 => t.run_str(&["HSET", k, "a", "1", "b", &i.to_string()]),
            2 => t.run_str(&["RPUSH", k, "x", "y", &i.to_string()]),
            3 => t.run_str(&["SADD", k, "m1", "m2", &i.to_string()]),
            _ => t.run_str(&["ZADD", k, "1", "a", "2.5", &i.to_string()]),
        };
        if i % 3 != 0 {
            t.run_str(&["EXPIRE", k, &(600 + i).to_string()]);
        }
    }
}

/// `n` keys of every type under a fresh prefix tagged `tag` (see
/// [`seed_types`]): the prefix and the keys.
fn seeded_keys(t: &Target, tag: &str, n: usize) -> (String, Vec<String>) {
    let prefix = unique_prefix(tag);
    let keys: Vec<String> = (0..n).map(|i| format!("{prefix}{i}")).collect();
    seed_types(t, &keys);
    (prefix, keys)
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn arg(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

// --------------------------------------------------------------- cache clear

/// A document's derived caches of every type (the families cache clear
/// deletes), and one bookkeeping key it must leave.
fn seed_doc(t: &Target, doc: &str) -> (Vec<String>, String) {
    let derived = support::seed::doc_derived_keys(doc);
    seed_types(t, &derived);
    let state = format!("cache:doc:state:{doc}");
    t.run_str(&["SET", &state, "{\"pipeline\": {\"status\": \"completed\"}}"]);
    (derived, state)
}

fn cache_clear_round_trip(t: &Target) {
    let dir = tmp();
    let file = dir.path().join("clear.ldpb");
    let doc = random_uuid();
    let (derived, state) = seed_doc(t, &doc);
    let before = present(t, &derived);

    let j = t
        .ldp(&[
            "cache",
            "clear",
            "--doc",
            &doc,
            "--backup",
            arg(&file),
            "--yes",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(j["deleted"], derived.len() as u64, "{j}");
    assert_eq!(j["backup"]["keys"], derived.len() as u64, "{j}");
    gone(t, &derived);
    assert!(t.exists(&state), "bookkeeping stays");

    let r = t
        .ldp(&["keys", "restore", arg(&file), "--yes", "-o", "json"])
        .ok()
        .json();
    assert_eq!(r["restored"], derived.len() as u64, "{r}");
    assert_eq!(r["existed"], 0, "{r}");
    assert_eq!(r["command"], "cache clear", "{r}");
    assert_same(t, &before);
}

#[test]
fn cache_clear_backup_then_restore_brings_back_every_key() {
    let s = shared_standalone();
    let _g = s.guard();
    cache_clear_round_trip(&Target::One(s));
}

#[test]
fn cache_clear_backup_then_restore_on_a_cluster() {
    let c = shared_cluster();
    let _g = c.guard();
    cache_clear_round_trip(&Target::Cluster(c));
}

// --------------------------------------------------------------- keys delete

fn keys_delete_round_trip(t: &Target, n: usize) {
    let dir = tmp();
    let file = dir.path().join("delete.ldpb");
    let (prefix, keys) = seeded_keys(t, "bk", n);
    let before = present(t, &keys);
    delete_backed(t, &t.url(), &prefix, &keys, &file);
    // The file, read with the library's reader: every key once, its type as TYPE said.
    let mut reader = ldp::backup::Reader::open(&file).expect("open the backup");
    assert_eq!(reader.header().command, "keys delete");
    let mut types = std::collections::HashMap::new();
    while let Some(r) = reader.next_record() {
        let r = r.expect("a complete backup");
        types.insert(String::from_utf8(r.key).expect("utf-8 key"), r.key_type);
    }
    assert_eq!(types.len(), n);
    for (k, snap) in &before.1 {
        assert_eq!(
            types.get(k),
            Some(&snap.key_type),
            "{k}: type in the backup"
        );
    }

    restore_same(t, &file, &[], n, &before);

    // Again: every key exists now; listed, left alone, exit 1.
    t.run_str(&["SET", &keys[0], "changed since"]);
    let again = t
        .ldp(&["keys", "restore", arg(&file), "-o", "json"])
        .fails(1);
    let j = again.json();
    assert_eq!(j["existed"], n as u64, "{again}");
    assert_eq!(j["restored"], 0, "{again}");
    assert!(
        j["existing"]
            .as_array()
            .is_some_and(|a| a.iter().any(|k| k == keys[0].as_str())),
        "{again}"
    );
    assert_eq!(
        t.run_str(&["GET", &keys[0]]),
        Value::BulkString(b"changed since".to_vec())
    );
    // A dry run says the same and writes nothing.
    let dry = t
        .ldp(&["keys", "restore", arg(&file), "--dry-run", "-o", "json"])
        .fails(1)
        .json();
    assert_eq!(dry["existed"], n as u64, "{dry}");
    // --replace overwrites (refused off a terminal without --yes).
    t.ldp(&["keys", "restore", arg(&file), "--replace"])
        .fails(2)
        .stderr_has("--yes");
    restore_same(t, &file, &["--replace", "--yes"], n, &before);
}

#[test]
fn keys_delete_backup_then_restore_reports_existing_and_replaces() {
    let s = shared_standalone();
    let _g = s.guard();
    keys_delete_round_trip(&Target::One(s), 2500);
}

#[test]
fn keys_delete_backup_then_restore_on_a_cluster() {
    let c = shared_cluster();
    let _g = c.guard();
    keys_delete_round_trip(&Target::Cluster(c), 2500);
}

#[test]
fn keys_delete_max_keys_backup_then_restore() {
    // --max-keys takes the listed path (counted first, then deleted).
    let s = shared_standalone();
    let _g = s.guard();
    let t = Target::One(s);
    let dir = tmp();
    let file = dir.path().join("max.ldpb");
    let (prefix, keys) = seeded_keys(&t, "bkmax", 300);
    let before = present(&t, &keys);
    let pattern = format!("{prefix}*");
    t.ldp(&[
        "keys",
        "delete",
        &pattern,
        "--max-keys",
        "1000",
        "--backup",
        arg(&file),
        "--yes",
    ])
    .ok()
    .stdout_has("backed up 300 keys");
    gone(&t, &keys);
    t.ldp(&["keys", "restore", arg(&file)]).ok();
    assert_same(&t, &before);
}

// ----------------------------------------------------------- file handling

#[test]
fn a_truncated_backup_is_detected_after_restoring_what_is_readable() {
    let s = shared_standalone();
    let _g = s.guard();
    let t = Target::One(s);
    let dir = tmp();
    let file = dir.path().join("cut.ldpb");
    let prefix = unique_prefix("bkcut");
    let keys: Vec<String> = (0..4000).map(|i| format!("{prefix}{i}")).collect();
    for k in &keys {
        t.run_str(&["SET", k, &format!("{k} {}", "payload ".repeat(20))]);
    }
    t.ldp(&[
        "keys",
        "delete",
        &format!("{prefix}*"),
        "--backup",
        arg(&file),
        "--yes",
    ])
    .ok();
    let full = std::fs::read(&file).expect("backup");
    let cut = dir.path().join("half.ldpb");
    std::fs::write(&cut, &full[..full.len() / 2]).expect("write");

    let r = t
        .ldp(&["keys", "restore", arg(&cut), "-o", "json"])
        .fails(1);
    r.stderr_has("truncated or corrupt");
    let j = r.json();
    let restored = j["restored"].as_u64().expect("restored");
    assert!(restored > 0 && restored < 4000, "{r}");
    assert!(j["damaged"].is_string(), "{r}");
    let back = keys.iter().filter(|k| t.exists(k)).count() as u64;
    assert_eq!(back, restored, "{r}");
    // The whole file restores the rest (the ones back exist already).
    let all = t
        .ldp(&["keys", "restore", arg(&file), "-o", "json"])
        .fails(1)
        .json();
    assert_eq!(all["restored"].as_u64(), Some(4000 - restored), "{all}");
    assert_eq!(all["existed"].as_u64(), Some(restored), "{all}");
    assert!(keys.iter().all(|k| t.exists(k)));
}

#[test]
fn an_existing_backup_file_is_refused_before_anything_is_deleted() {
    let s = shared_standalone();
    let _g = s.guard();
    let t = Target::One(s);
    let dir = tmp();
    let file = dir.path().join("taken.ldpb");
    std::fs::write(&file, b"an earlier backup").expect("write");
    let (prefix, keys) = seeded_keys(&t, "bkexist", 20);
    t.ldp(&[
        "keys",
        "delete",
        &format!("{prefix}*"),
        "--backup",
        arg(&file),
        "--yes",
    ])
    .fails(2)
    .stderr_has("--backup")
    .stderr_has("exists already");
    assert!(keys.iter().all(|k| t.exists(k)), "nothing deleted");
    assert_eq!(std::fs::read(&file).expect("read"), b"an earlier backup");
    // A directory that does not exist: refused too.
    let nowhere: PathBuf = dir.path().join("no/such/dir/b.ldpb");
    t.ldp(&[
        "keys",
        "delete",
        &format!("{prefix}*"),
        "--backup",
        arg(&nowhere),
        "--yes",
    ])
    .fails(2)
    .stderr_has("--backup");
    assert!(keys.iter().all(|k| t.exists(k)), "nothing deleted");
}

#[test]
fn a_dry_run_with_backup_writes_no_file() {
    let s = shared_standalone();
    let _g = s.guard();
    let t = Target::One(s);
    let dir = tmp();
    let file = dir.path().join("dry.ldpb");
    let (prefix, keys) = seeded_keys(&t, "bkdry", 20);
    t.ldp(&[
        "keys",
        "delete",
        &format!("{prefix}*"),
        "--backup",
        arg(&file),
        "--dry-run",
    ])
    .ok();
    assert!(!file.exists(), "a dry run writes no backup");
    let doc = random_uuid();
    seed_doc(&t, &doc);
    t.ldp(&[
        "cache",
        "clear",
        "--doc",
        &doc,
        "--backup",
        arg(&file),
        "--dry-run",
    ])
    .ok();
    assert!(!file.exists(), "a dry run writes no backup");
    assert!(keys.iter().all(|k| t.exists(k)));
}

#[test]
fn not_a_backup_is_refused() {
    let s = shared_standalone();
    let _g = s.guard();
    let dir = tmp();
    let file = dir.path().join("junk");
    std::fs::write(&file, b"junk that is no backup").expect("write");
    s.ldp(&["keys", "restore", arg(&file)])
        .fails(2)
        .stderr_has("not an ldp backup");
}

// --------------------------------------------------- queue purge, lock break

#[test]
fn queue_purge_backup_round_trip() {
    let s = RedisServer::start();
    let _g = s.guard();
    let t = Target::One(&s);
    let dir = tmp();
    let file = dir.path().join("purge.ldpb");
    let msgs: Vec<String> = (0..50)
        .map(|i| format!("{{\"headers\": {{\"task\": \"noop\", \"id\": \"{i}\"}}}}"))
        .collect();
    for m in &msgs {
        t.run_str(&["RPUSH", "ocr", m]);
    }
    t.run_str(&["EXPIRE", "ocr", "900"]);
    let before = present(&t, &["ocr".to_string()]);
    t.ldp(&["queue", "purge", "ocr", "--backup", arg(&file), "--yes"])
        .ok()
        .stderr_has("removed 50")
        .stderr_has("backed up 1 keys");
    assert!(!t.exists("ocr"));
    t.ldp(&["keys", "restore", arg(&file)]).ok();
    assert_same(&t, &before);
    // --task rewrites lists in place: no backup of that kind.
    let other = dir.path().join("task.ldpb");
    t.ldp(&[
        "queue",
        "purge",
        "ocr",
        "--task",
        "noop",
        "--backup",
        arg(&other),
        "--yes",
    ])
    .fails(2)
    .stderr_has("--backup");
    assert!(!other.exists());
    assert_eq!(t.run_str(&["LLEN", "ocr"]), Value::Int(50));
}

#[test]
fn lock_break_backup_round_trip_and_no_entry_when_nothing_is_broken() {
    let s = shared_standalone();
    let _g = s.guard();
    let t = Target::One(s);
    let dir = tmp();
    let name = format!("bk-{}", random_uuid());
    let key = format!("lock:{name}");
    let token = "0123456789abcdef0123456789abcdef";
    t.run_str(&["SET", &key, token, "PX", "120000"]);
    let before = present(&t, std::slice::from_ref(&key));

    // A token that does not hold the lock: nothing broken, no backup file.
    let none = dir.path().join("none.ldpb");
    t.ldp(&[
        "lock",
        "break",
        &name,
        "--token",
        "not-the-holder",
        "--backup",
        arg(&none),
        "--yes",
    ])
    .fails(1);
    assert!(!none.exists());
    assert!(t.exists(&key));

    let file = dir.path().join("lock.ldpb");
    t.ldp(&["lock", "break", &name, "--backup", arg(&file), "--yes"])
        .ok()
        .stdout_has("broke")
        .stdout_has("backed up 1 keys");
    assert!(!t.exists(&key));
    t.ldp(&["keys", "restore", arg(&file)]).ok();
    assert_same(&t, &before);
}

// ------------------------------------------------------------------- strings

/// Strings are read with MGET and their DUMP payloads built by ldp, not the
/// server: every RDB length encoding (0, 63, 64, 16383 and 16384 bytes, and
/// 1 MiB), every byte value, RESP's own delimiters and integers come back
/// byte for byte with their TTLs; and a short string's payload is exactly the
/// server's own DUMP of it.
#[test]
fn strings_of_every_length_and_byte_come_back_exactly() {
    let s = shared_standalone();
    let _g = s.guard();
    let t = Target::One(s);
    let mut con = s.client();
    let prefix = unique_prefix("bs");
    let values: Vec<Vec<u8>> = vec![
        Vec::new(),
        b"12345".to_vec(),
        b"-9".to_vec(),
        (0u8..=255).collect(),
        b"\r\n$5\r\n\0*1\r\n".to_vec(),
        vec![b'a'; 63],
        vec![b'b'; 64],
        vec![b'c'; 16383],
        vec![b'd'; 16384],
        (0..1u32 << 20).map(|i| (i * 7 % 251) as u8).collect(),
    ];
    let keys: Vec<String> = (0..values.len()).map(|i| format!("{prefix}{i}")).collect();
    for (i, (k, v)) in keys.iter().zip(&values).enumerate() {
        let mut set = redis::cmd("SET");
        set.arg(k).arg(v);
        if i % 2 == 1 {
            set.arg("PX").arg(600_000 + i);
        }
        let _: () = set.query(&mut con).expect("SET");
    }
    let before = present(&t, &keys);

    let dir = tmp();
    let file = dir.path().join("strings.ldpb");
    delete_backed(&t, &t.url(), &prefix, &keys, &file);
    restore_same(&t, &file, &[], values.len(), &before);
    for (k, v) in keys.iter().zip(&values) {
        let now: Vec<u8> = redis::cmd("GET").arg(k).query(&mut con).expect("GET");
        assert!(
            now == *v,
            "{k}: {} bytes back, {} bytes deleted",
            now.len(),
            v.len()
        );
    }

    // The payload ldp builds is the server's own, for a value DUMP stores
    // as it is (short, not an integer), with the server's RDB version.
    let short = b"hello, world";
    let _: () = redis::cmd("SET")
        .arg(&keys[0])
        .arg(short)
        .query(&mut con)
        .expect("SET");
    let dump: Vec<u8> = redis::cmd("DUMP")
        .arg(&keys[0])
        .query(&mut con)
        .expect("DUMP");
    let version = u16::from_le_bytes([dump[dump.len() - 10], dump[dump.len() - 9]]);
    assert_eq!(ldp::redis::rdb::string_payload_as(short, version), dump);
    t.run_str(&["DEL", &keys[0]]);
}

/// A user whose ACL refuses MULTI and MGET: ldp asks before a node's batches
/// and deletes with the script that DUMPs every key instead (atomic on its
/// own), so every deleted key still reaches the backup. (Sent blindly, the
/// batch's MGET would fail and its script, no longer in a transaction,
/// would delete strings nothing had read.)
#[test]
fn a_backup_without_multi_still_saves_every_deleted_key() {
    let s = shared_standalone();
    let _g = s.guard();
    let t = Target::One(s);
    let user = format!("bk-nomulti-{}", random_uuid());
    t.run_str(&[
        "ACL", "SETUSER", &user, "on", ">pw", "~*", "+@all", "-multi", "-mget",
    ]);
    let (prefix, keys) = seeded_keys(&t, "bm", 25);
    let before = present(&t, &keys);
    let dir = tmp();
    let file = dir.path().join("nomulti.ldpb");
    let url = format!("redis://{user}:pw@127.0.0.1:{}/0", s.port());
    delete_backed(&t, &url, &prefix, &keys, &file);
    t.run_str(&["ACL", "DELUSER", &user]);
    restore_same(&t, &file, &[], keys.len(), &before);
}
