//! Whether the ACL user may run each command ldp sends, command by command:
//! `ACL DRYRUN` where the server has it (Redis 7+) and the user may ask it;
//! otherwise the command is queued in a MULTI that is discarded (the ACL
//! is checked when a command is queued; nothing runs).

use redis::Value;

use crate::check::{Check, Status};
use crate::redis::{Node, Redis};

/// A key no one uses: the probes name it, nothing reads or writes it.
const KEY: &str = "ldp:doctor:probe";

/// One command ldp sends (with harmless arguments), the ldp commands that
/// need it, and whether the Celery broker must allow it too.
struct Need {
    args: &'static [&'static str],
    used_by: &'static str,
    broker: bool,
}

const fn need(args: &'static [&'static str], used_by: &'static str, broker: bool) -> Need {
    Need {
        args,
        used_by,
        broker,
    }
}

/// Every command ldp sends (`grep 'cmd("' src/`), and the Lua scripts' own.
const NEEDS: &[Need] = &[
    need(&["PING"], "monitor health", true),
    need(
        &["INFO", "server"],
        "every command (on connect), monitor health/memory/stats",
        true,
    ),
    need(&["TIME"], "doctor, import (in its Lua script)", true),
    need(
        &["SCAN", "0", "COUNT", "1"],
        "keys scan/delete/audit, cache show/clear, monitor memory, lock list, batch list, rate list, monitor queues",
        true,
    ),
    need(
        &["TYPE", KEY],
        "keys scan, cache show, lock list, rate list, --backup (in its Lua script)",
        false,
    ),
    need(
        &["PTTL", KEY],
        "keys scan/audit, cache show, lock list, rate list, monitor health --deep",
        false,
    ),
    need(
        &["MEMORY", "USAGE", KEY],
        "keys scan/audit, cache show, monitor memory",
        false,
    ),
    need(&["DBSIZE"], "monitor memory", false),
    need(
        &["UNLINK", KEY],
        "keys delete, cache clear, queue purge, import",
        true,
    ),
    need(
        &["DEL", KEY],
        "lock break, queue purge (in their Lua scripts)",
        true,
    ),
    need(
        &["GET", KEY],
        "cache show, lock list, monitor stats, import, doc retry",
        false,
    ),
    need(&["GETRANGE", KEY, "0", "0"], "cache show, lock list", false),
    need(&["STRLEN", KEY], "cache show", false),
    need(&["SET", KEY, "x"], "import, queue requeue-overdue", true),
    need(
        &["HGETALL", KEY],
        "batch show, monitor queues, doc retry",
        true,
    ),
    need(&["HGET", KEY, "f"], "queue requeue-overdue", true),
    need(&["HLEN", KEY], "monitor queues", true),
    need(&["HSET", KEY, "f", "v"], "import", false),
    need(&["HSETNX", KEY, "f", "v"], "import", false),
    need(
        &["LLEN", KEY],
        "monitor queues, monitor health, queue peek/purge",
        true,
    ),
    need(
        &["LRANGE", KEY, "0", "0"],
        "queue peek/purge, batch show",
        true,
    ),
    need(&["LPUSH", KEY, "x"], "doc retry", true),
    need(&["RPUSH", KEY, "x"], "lock hold, lock run", false),
    need(
        &["SMEMBERS", KEY],
        "monitor queues, cache show, batch list",
        true,
    ),
    need(&["SADD", KEY, "x"], "import", false),
    need(
        &["ZRANGE", KEY, "0", "0"],
        "monitor queues, rate list",
        true,
    ),
    need(
        &["ZCOUNT", KEY, "0", "1"],
        "monitor queues, rate list",
        true,
    ),
    need(
        &["ZRANGEBYSCORE", KEY, "0", "1"],
        "rate list, queue requeue-overdue",
        true,
    ),
    need(&["ZREVRANGEBYSCORE", KEY, "1", "0"], "rate list", false),
    need(&["ZCARD", KEY], "rate list", false),
    need(&["EXPIRE", KEY, "1"], "import", false),
    need(
        &["PEXPIRE", KEY, "1"],
        "lock hold/run, keys audit --fix-ttl",
        false,
    ),
    need(&["EVAL", "return 1", "0"], "import, monitor workers", true),
    need(
        &["EVALSHA", "0000000000000000000000000000000000000000", "0"],
        "lock hold/run/break, queue purge, queue requeue-overdue",
        true,
    ),
    need(
        &["SCRIPT", "LOAD", "return 1"],
        "lock hold/run/break, queue purge, queue requeue-overdue",
        true,
    ),
    need(
        &["PUBLISH", "ldp-doctor-probe", "x"],
        "monitor workers",
        true,
    ),
    need(&["BRPOP", KEY, "1"], "monitor workers", true),
    need(&["PSUBSCRIBE", "ldp-doctor-probe"], "monitor workers", true),
    need(&["CLIENT", "LIST"], "monitor clients, monitor health", true),
    need(&["CLIENT", "ID"], "import", false),
    need(
        &["DUMP", KEY],
        "--backup of keys delete, cache clear, queue purge, lock break",
        false,
    ),
    // In a MULTI/EXEC (not probed here: the fallback probe cannot queue
    // them). A user without MULTI gets the script that DUMPs every key.
    need(
        &["MGET", KEY],
        "--backup of keys delete, cache clear",
        false,
    ),
    need(&["RESTORE", KEY, "0", "x"], "keys restore", false),
    // The audit trail's stream, by its own name: an ACL may grant keys by pattern.
    need(
        &["XADD", "ldp:audit", "MAXLEN", "~", "100000", "*", "f", "v"],
        "the audit entry of every destructive command",
        false,
    ),
    need(
        &["XTRIM", "ldp:audit", "MAXLEN", "~", "100000"],
        "--require-audit",
        false,
    ),
    need(&["XRANGE", "ldp:audit", "-", "+"], "audit", false),
];

/// On a cluster: the topology every command reads first.
const CLUSTER_NEEDS: &[Need] = &[
    need(&["CLUSTER", "SLOTS"], "every command on a cluster", false),
    need(&["CLUSTER", "INFO"], "monitor health, doctor", false),
];

/// How the permission was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Method {
    DryRun,
    Multi,
}

/// The verdict for one command.
enum Verdict {
    Allowed,
    Denied(String),
    Unknown(String),
}

/// The ACL checks of one deployment: one WARNING per command the user may
/// not run (naming the ldp commands that would fail), else one OK.
pub(super) async fn checks(redis: &Redis, user: &str, role: &str, broker_only: bool) -> Vec<Check> {
    let Some(node) = redis.nodes().first() else {
        return Vec::new();
    };
    let mut needs: Vec<&Need> = NEEDS.iter().filter(|n| n.broker || !broker_only).collect();
    if redis.is_cluster() {
        needs.extend(CLUSTER_NEEDS.iter());
    }
    let method = match dry_run(node, user, &["PING"]).await {
        Verdict::Allowed | Verdict::Denied(_) => Method::DryRun,
        Verdict::Unknown(_) => Method::Multi,
    };
    let how = match method {
        Method::DryRun => "ACL DRYRUN",
        Method::Multi => "queued in a discarded MULTI",
    };
    let mut out = Vec::new();
    let mut unknown = Vec::new();
    for n in &needs {
        let v = match method {
            Method::DryRun => dry_run(node, user, n.args).await,
            Method::Multi => queued(node, n.args).await,
        };
        let name = command_name(n.args);
        match v {
            Verdict::Allowed => {}
            Verdict::Denied(why) => out.push(
                Check::new(
                    "acl",
                    Some(role),
                    Status::Warning,
                    name.clone(),
                    format!(
                        "user {user} may not run {name}: {} would fail ({how}: {why})",
                        n.used_by
                    ),
                )
                .hint(format!(
                    "grant it: ACL SETUSER {user} +{}",
                    name.to_ascii_lowercase().replace(' ', "|")
                )),
            ),
            Verdict::Unknown(why) => unknown.push(format!("{name} ({why})")),
        }
    }
    if !unknown.is_empty() {
        out.push(
            Check::new(
                "acl",
                Some(role),
                Status::Unknown,
                format!("{} commands", unknown.len()),
                format!(
                    "could not tell whether user {user} may run {}",
                    unknown.join(", ")
                ),
            )
            .hint(
                "let the user run ACL DRYRUN (Redis 7+) or MULTI, or check its ACL rules by hand",
            ),
        );
    }
    if out.is_empty() {
        out.push(Check::new(
            "acl",
            Some(role),
            Status::Ok,
            format!("{} commands", needs.len()),
            format!("user {user} may run every command ldp sends ({how})"),
        ));
    }
    out
}

/// `SCAN`, `MEMORY USAGE`: the name with its subcommand where it has one.
fn command_name(args: &[&str]) -> String {
    match args {
        [c, sub, ..] if matches!(*c, "MEMORY" | "CLIENT" | "CLUSTER" | "SCRIPT") => {
            format!("{c} {sub}")
        }
        [c, ..] => c.to_string(),
        [] => String::new(),
    }
}

/// `ACL DRYRUN user cmd args`: `OK` when allowed, a sentence when not; an
/// error when the server lacks it (before 7.0) or the user may not ask.
async fn dry_run(node: &Node, user: &str, args: &[&str]) -> Verdict {
    let mut cmd = redis::cmd("ACL");
    cmd.arg("DRYRUN").arg(user).arg(args);
    match node.read::<Value>(&cmd).await {
        Ok(Value::Okay) => Verdict::Allowed,
        Ok(Value::SimpleString(s)) if s == "OK" => Verdict::Allowed,
        Ok(Value::BulkString(b)) if b == b"OK" => Verdict::Allowed,
        Ok(Value::SimpleString(s)) => Verdict::Denied(s),
        Ok(Value::BulkString(b)) => Verdict::Denied(String::from_utf8_lossy(&b).into_owned()),
        Ok(other) => Verdict::Unknown(format!("unexpected ACL DRYRUN reply {other:?}")),
        Err(e) => Verdict::Unknown(crate::redis::describe(&e)),
    }
}

/// The command queued in a MULTI on a connection of its own, then
/// discarded: a NOPERM when queued means denied; QUEUED (or a cluster
/// redirection, which comes after the ACL check) means allowed.
async fn queued(node: &Node, args: &[&str]) -> Verdict {
    let mut con = match node.dedicated().await {
        Ok(c) => c,
        Err(e) => return Verdict::Unknown(crate::redis::describe(&e)),
    };
    if let Err(e) = redis::cmd("MULTI").query_async::<()>(&mut con).await {
        return Verdict::Unknown(format!("MULTI refused: {}", crate::redis::describe(&e)));
    }
    let mut cmd = redis::cmd(args[0]);
    cmd.arg(&args[1..]);
    let got = cmd.query_async::<Value>(&mut con).await;
    let _ = redis::cmd("DISCARD").query_async::<()>(&mut con).await;
    match got {
        Ok(_) => Verdict::Allowed,
        Err(e) if e.code() == Some("NOPERM") || e.to_string().contains("NOPERM") => {
            Verdict::Denied(e.detail().unwrap_or("NOPERM").to_string())
        }
        Err(_) => Verdict::Allowed,
    }
}
