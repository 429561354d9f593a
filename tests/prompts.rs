//! The terminal prompt of every destructive command, through a real
//! pseudo-terminal: it asks, 'n' changes nothing (exit 1), 'y' goes ahead.

mod support;

use std::path::Path;

use rexpect::process::wait::WaitStatus;
use rexpect::session::spawn_command;
use support::seed::{dbsize, llen};
use support::{LdpTarget, RedisServer, shared_standalone, unique_prefix};

fn set(key: &str, value: &str) {
    let _: () = redis::cmd("SET")
        .arg(key)
        .arg(value)
        .query(&mut shared_standalone().client())
        .unwrap();
}

fn exists(key: &str) -> bool {
    redis::cmd("EXISTS")
        .arg(key)
        .query::<i64>(&mut shared_standalone().client())
        .unwrap()
        == 1
}

/// Run `args` on a terminal, answer `answer` to `question`, return the exit code.
fn answer(args: &[&str], question: &str, answer: &str) -> i32 {
    answer_on(shared_standalone(), args, question, answer)
}

/// [`answer`] with ldp pointed at `target`.
fn answer_on(target: &impl LdpTarget, args: &[&str], question: &str, answer: &str) -> i32 {
    let mut cmd = target.ldp_std();
    cmd.args(args);
    let mut p = spawn_command(cmd, Some(60_000)).expect("spawn on a pty");
    p.exp_string(question)
        .unwrap_or_else(|e| panic!("no '{question}' for {args:?}: {e}"));
    p.send(answer).unwrap();
    p.flush().unwrap();
    p.exp_eof().unwrap();
    match p.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => code,
        other => panic!("{args:?}: {other:?}"),
    }
}

/// Run `args` on a terminal without answering anything: everything it
/// printed (it must not wait for an answer) and its exit code.
fn unattended_on(target: &impl LdpTarget, args: &[&str]) -> (String, i32) {
    let mut cmd = target.ldp_std();
    cmd.args(args);
    let mut p = spawn_command(cmd, Some(60_000)).expect("spawn on a pty");
    let shown = p
        .exp_eof()
        .unwrap_or_else(|e| panic!("{args:?} did not finish by itself: {e}"));
    match p.process().wait().unwrap() {
        WaitStatus::Exited(_, code) => (shown, code),
        other => panic!("{args:?}: {other:?}"),
    }
}

fn pttl(s: &RedisServer, key: &str) -> i64 {
    redis::cmd("PTTL").arg(key).query(&mut s.client()).unwrap()
}

/// On a server of its own: the question's count comes from a SCAN, which
/// may repeat a key when other tests' deletes shrink a shared server's table.
#[test]
fn keys_delete_asks_and_obeys() {
    let s = RedisServer::start();
    let _g = s.guard();
    let mut con = s.client();
    for i in 0..3 {
        let _: () = redis::cmd("SET")
            .arg(format!("k{i}"))
            .arg("v")
            .query(&mut con)
            .unwrap();
    }
    let args = ["keys", "delete", "k*"];
    assert_eq!(answer_on(&s, &args, "Delete 3 keys?", "n"), 1);
    // 'n' deletes nothing (the fourth key is the audit stream ldp:audit).
    assert_eq!(dbsize(&mut con), 4, "'n' deletes nothing");
    assert_eq!(answer_on(&s, &args, "Delete 3 keys?", "y"), 0);
    // Both runs left an audit entry: the 'n' as declined, nothing changed.
    let audit = s.ldp(&["audit", "-o", "json"]).ok().json();
    let outcomes: Vec<(&str, u64)> = audit["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| {
            let changed = e["changed"]["keys"].as_u64().unwrap_or(0);
            (e["outcome"].as_str().unwrap_or_default(), changed)
        })
        .collect();
    assert_eq!(outcomes, [("declined", 0), ("ok", 3)], "{audit}");
    assert_eq!(dbsize(&mut con), 1, "'y' deletes (the audit stream stays)");
}

#[test]
fn cache_clear_asks_and_obeys() {
    let doc = support::random_uuid();
    let key = format!("cache:doc:ocr:{doc}");
    set(&key, "{}");
    let args = ["cache", "clear", "--doc", &doc[..]];
    assert_eq!(answer(&args, "Delete 1 keys?", "n"), 1);
    assert!(exists(&key));
    assert_eq!(answer(&args, "Delete 1 keys?", "y"), 0);
    assert!(!exists(&key));
}

#[test]
fn lock_break_asks_and_obeys() {
    let name = format!("{}prompt", unique_prefix("lock"));
    let key = format!("lock:{name}");
    set(&key, "0123456789abcdef0123456789abcdef");
    let args = ["lock", "break", &name[..]];
    assert_eq!(answer(&args, "Break it?", "n"), 1);
    assert!(exists(&key));
    assert_eq!(answer(&args, "Break it?", "y"), 0);
    assert!(!exists(&key));
}

/// `keys audit --fix-ttl` asks before it sets a TTL: 'n' leaves every key
/// without one (exit 1: a declined prompt), 'y' sets it on exactly the
/// family's keys that had none. A server of its own: the audit counts the
/// whole keyspace.
#[test]
fn keys_audit_fix_ttl_asks_and_obeys() {
    let s = RedisServer::start();
    let _g = s.guard();
    let mut con = s.client();
    let states: Vec<String> = (0..2)
        .map(|_| format!("cache:doc:state:{}", support::random_uuid()))
        .collect();
    for k in &states {
        let _: () = redis::cmd("SET").arg(k).arg("{}").query(&mut con).unwrap();
    }
    // A state key that has a TTL already, and a key of another family.
    let timed = format!("cache:doc:state:{}", support::random_uuid());
    let _: () = redis::cmd("SET")
        .arg(&timed)
        .arg("{}")
        .arg("EX")
        .arg(600)
        .query(&mut con)
        .unwrap();
    let other = format!("cache:doc:ocr:{}", support::random_uuid());
    let _: () = redis::cmd("SET")
        .arg(&other)
        .arg("{}")
        .query(&mut con)
        .unwrap();
    let args = ["keys", "audit", "--fix-ttl", "state", "--ttl", "24h"];
    let question = "on 2 keys of 'state'?";

    assert_eq!(answer_on(&s, &args, question, "n"), 1, "a declined prompt");
    for k in &states {
        assert_eq!(pttl(&s, k), -1, "'n' set a TTL on {k}");
    }
    assert_eq!(pttl(&s, &other), -1);

    assert_eq!(answer_on(&s, &args, question, "y"), 0);
    for k in &states {
        let ms = pttl(&s, k);
        assert!(
            ms > 86_000_000 && ms <= 86_400_000,
            "'y' set 24h on {k}: {ms}"
        );
    }
    let kept = pttl(&s, &timed);
    assert!(
        kept > 0 && kept <= 600_000,
        "a TTL already set is kept: {kept}"
    );
    assert_eq!(pttl(&s, &other), -1, "another family is left alone");
}

/// `files` distinct small PDFs in `dir`.
fn pdfs(dir: &Path, files: usize) {
    for i in 0..files {
        std::fs::write(
            dir.join(format!("p-{i:05}.pdf")),
            format!("%PDF-1.4 prompt document {i}\n"),
        )
        .unwrap();
    }
}

/// `ldp import` of more than 1000 documents asks on a terminal: 'n' enqueues
/// and records nothing (exit 1), 'y' enqueues every document. Exactly 1000
/// does not ask.
#[test]
fn import_of_more_than_1000_documents_asks_and_obeys() {
    const PROJECT: &str = "7c2d4d62-4f5e-4e8a-9a51-6f0d2b9c1e11";
    // Priority 5 lands in kombu's step-3 list of the default queue.
    const QUEUE: &[u8] = b"default\x06\x163";
    let s = RedisServer::start();
    let _g = s.guard();
    let dir = tempfile::tempdir().unwrap();
    pdfs(dir.path(), 1001);
    let args = ["import", "--project", PROJECT, dir.path().to_str().unwrap()];
    let question = "Import them?";

    assert_eq!(answer_on(&s, &args, question, "n"), 1, "a declined prompt");
    assert_eq!(dbsize(&mut s.client()), 0, "'n' wrote nothing to Redis");

    assert_eq!(answer_on(&s, &args, question, "y"), 0);
    assert_eq!(llen(&mut s.client(), QUEUE), 1001, "'y' enqueued them all");

    let s = RedisServer::start();
    let _g = s.guard();
    let dir = tempfile::tempdir().unwrap();
    pdfs(dir.path(), 1000);
    let args = ["import", "--project", PROJECT, dir.path().to_str().unwrap()];
    let (shown, code) = unattended_on(&s, &args);
    assert_eq!(code, 0, "{shown}");
    assert!(!shown.contains(question), "asked about 1000: {shown}");
    assert_eq!(llen(&mut s.client(), QUEUE), 1000);
}

/// A kombu-shaped message of `task` (enough for ldp to read its task name).
fn message(task: &str, n: usize) -> String {
    serde_json::json!({"body": "W10=", "headers": {"task": task, "id": format!("t-{n}")},
                       "properties": {"priority": 0, "body_encoding": "base64",
                                      "delivery_tag": format!("tag-{n}"),
                                      "delivery_info": {"exchange": "", "routing_key": "q1"}}})
    .to_string()
}

#[test]
fn queue_purge_asks_and_obeys() {
    let s = RedisServer::start();
    let _g = s.guard();
    for n in 0..4 {
        let task = if n % 2 == 0 {
            "a.purge_me"
        } else {
            "a.keep_me"
        };
        let _: () = redis::cmd("LPUSH")
            .arg("q1")
            .arg(message(task, n))
            .query(&mut s.client())
            .unwrap();
    }
    let args = ["queue", "purge", "q1", "--task", "a.purge_me"];
    assert_eq!(answer_on(&s, &args, "Remove them?", "n\n"), 1);
    assert_eq!(llen(&mut s.client(), b"q1"), 4, "'n' removed nothing");
    assert_eq!(answer_on(&s, &args, "Remove them?", "y\n"), 0);
    assert_eq!(
        llen(&mut s.client(), b"q1"),
        2,
        "'y' removed the task's two"
    );
}

#[test]
fn queue_requeue_overdue_asks_and_obeys() {
    let s = RedisServer::start();
    let _g = s.guard();
    let mut con = s.client();
    let raw = serde_json::json!([
        serde_json::from_str::<serde_json::Value>(&message("a.t", 1)).unwrap(),
        "",
        "q1"
    ])
    .to_string();
    let _: () = redis::cmd("HSET")
        .arg("unacked")
        .arg("tag-1")
        .arg(&raw)
        .query(&mut con)
        .unwrap();
    // Delivered at the epoch's first second: overdue by any timeout.
    let _: () = redis::cmd("ZADD")
        .arg("unacked_index")
        .arg(1)
        .arg("tag-1")
        .query(&mut con)
        .unwrap();
    let args = ["queue", "requeue-overdue"];
    assert_eq!(
        answer_on(&s, &args, "Put them back on their queues?", "n\n"),
        1
    );
    assert_eq!(llen(&mut con, b"q1"), 0, "'n' moved nothing");
    assert_eq!(
        answer_on(&s, &args, "Put them back on their queues?", "y\n"),
        0
    );
    assert_eq!(llen(&mut con, b"q1"), 1, "'y' put it back");
    let left: i64 = redis::cmd("HLEN").arg("unacked").query(&mut con).unwrap();
    assert_eq!(left, 0);
}

#[test]
fn doc_retry_asks_and_obeys() {
    let s = RedisServer::start();
    let _g = s.guard();
    let doc = "bbbbbbbb-0000-4000-8000-000000000001";
    let mut con = s.client();
    let state = serde_json::json!({"pipeline": {"status": "processing"},
                                   "last_update": {"stage": "ocr", "status": "failed"}});
    let meta = serde_json::json!({"project_uuid": "5a0c6a1e-8f1e-4c2b-9d3a-1b2c3d4e5f60",
                                  "file_path": "s3://b/documents/x.pdf"});
    let _: () = redis::cmd("SET")
        .arg(format!("cache:doc:state:{doc}"))
        .arg(state.to_string())
        .query(&mut con)
        .unwrap();
    let _: () = redis::cmd("SET")
        .arg(format!("doc:metadata:{doc}"))
        .arg(meta.to_string())
        .query(&mut con)
        .unwrap();
    let args = ["doc", "retry", "--failed"];
    let queue: &[u8] = b"default\x06\x163";
    assert_eq!(answer_on(&s, &args, "Retry them?", "n\n"), 1);
    assert_eq!(llen(&mut con, queue), 0, "'n' enqueued nothing");
    assert_eq!(answer_on(&s, &args, "Retry them?", "y\n"), 0);
    assert_eq!(llen(&mut con, queue), 1, "'y' enqueued it");
}
