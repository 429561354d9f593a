//! The terminal prompt of every destructive command, through a real
//! pseudo-terminal: it asks, 'n' changes nothing (exit 1), 'y' goes ahead.

mod support;

use rexpect::process::wait::WaitStatus;
use rexpect::session::spawn_command;
use support::{LdpTarget, shared_standalone, unique_prefix};

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
    let mut cmd = shared_standalone().ldp_std();
    cmd.args(args);
    let mut p = spawn_command(cmd, Some(20_000)).expect("spawn on a pty");
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

#[test]
fn keys_delete_asks_and_obeys() {
    let p = unique_prefix("prompt-del");
    for i in 0..3 {
        set(&format!("{p}k{i}"), "v");
    }
    let pattern = format!("{p}*");
    let args = ["keys", "delete", &pattern[..]];
    assert_eq!(answer(&args, "Delete 3 keys?", "n"), 1);
    assert!(exists(&format!("{p}k0")), "'n' deletes nothing");
    assert_eq!(answer(&args, "Delete 3 keys?", "y"), 0);
    assert!(!exists(&format!("{p}k0")), "'y' deletes");
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
