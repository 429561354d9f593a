//! Black-box tests of `ldp lock ...` against real servers, with interop
//! checks against the real redis-py `Lock` (tests/py/lockpy.py; `.ci/run`
//! installs redis-py from .ci/requirements.txt).

mod support;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use redis::Value;
use support::{
    Ldp, LdpTarget, RedisServer, Run, shared_cluster, shared_standalone, unique_prefix, wait_child,
    wait_until,
};

// ------------------------------------------------------------------ helpers

/// How long the children of the lost-lock tests would run on their own: ldp
/// must end them long before.
const CHILD_SECS: u64 = 60;
/// Slack on top of a lock's TTL (and grace) for a loaded machine: generous,
/// and still far below [`CHILD_SECS`].
const SLACK_SECS: u64 = 8;

/// redis-py's side of the interop tests: its stdout, trimmed.
fn py(url: &str, args: &[&str]) -> String {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/py/lockpy.py");
    let out = Command::new(support::python::python())
        .arg(script)
        .arg(url)
        .args(args)
        .output()
        .expect("run python3 (is it installed?)");
    assert!(
        matches!(out.status.code(), Some(0) | Some(3)),
        "lockpy.py {args:?} failed (is redis-py installed? pip install -r .ci/requirements.txt): {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn get(con: &mut redis::Connection, key: &str) -> Option<String> {
    redis::cmd("GET").arg(key).query(con).unwrap()
}

/// Watches `key` for at least `span`, asserting at every look (every 20 ms)
/// that it still holds `token`: a lease that outlives its TTL this way is
/// being renewed.
#[track_caller]
fn assert_held_for(con: &mut redis::Connection, key: &str, token: &str, span: Duration) {
    let start = Instant::now();
    loop {
        let seen = start.elapsed();
        assert_eq!(
            get(con, key).as_deref(),
            Some(token),
            "{key} after {seen:?} of {span:?}"
        );
        if seen >= span {
            return;
        }
        thread::sleep(Duration::from_millis(20));
    }
}

fn pid_alive(pid: i32) -> bool {
    // SAFETY: signal 0 only checks for existence.
    unsafe { libc::kill(pid, 0) == 0 }
}

fn signal(child: &Child, sig: i32) {
    // SAFETY: signalling a child we spawned and have not reaped.
    unsafe {
        libc::kill(child.id() as i32, sig);
    }
}

// ------------------------------------------------------------ redis-py interop

/// A lock held by Python is listed with its TTL, keeps `lock run --wait 0`
/// out (75), and `lock break --yes` removes it; Python's release then finds
/// it no longer owns the lock.
#[test]
fn python_lock_is_listed_blocks_run_and_is_broken() {
    let s = shared_standalone();
    let _g = s.guard();
    let url = s.url();
    let name = format!("{}pyheld", unique_prefix("lock"));
    let key = format!("lock:{name}");

    let token = py(&url, &["acquire", &key, "30"]);
    assert_eq!(token.len(), 32, "{token}");

    let list = url
        .ldp(&["lock", "list", &format!("{key}*"), "-o", "json"])
        .ok();
    let rows = list.json();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["key"], key.as_str());
    assert_eq!(rows[0]["token"], token.as_str());
    assert_eq!(rows[0]["style"], "redis-py");
    assert_eq!(rows[0]["family"], "lock");
    assert_eq!(rows[0]["type"], "string");
    assert_eq!(rows[0]["expires"], true);
    let ttl = rows[0]["ttl"].as_f64().unwrap();
    assert!(ttl > 20.0 && ttl <= 30.0, "ttl {ttl}");

    let busy = url
        .ldp(&["lock", "run", &name, "--wait", "0", "--", "true"])
        .fails(75);
    busy.stderr_has("busy");
    busy.stderr_has(&token);
    url.ldp(&[
        "lock",
        "run",
        &name,
        "--conflict-exit-code",
        "9",
        "--",
        "true",
    ])
    .fails(9);

    let broke = url.ldp(&["lock", "break", &name, "--yes"]).ok();
    broke.stdout_has("broke");
    assert_eq!(get(&mut s.client(), &key), None);
    assert_eq!(py(&url, &["release", &key, &token]), "not-owned");
}

/// While `ldp lock run --ttl 2s` runs a child, Python never gets the lock
/// over 3.3 s of tries (renewal works past the TTL); once the child exits
/// the key is gone and ldp exits with the child's code.
#[test]
fn run_holds_past_its_ttl_and_exits_with_the_childs_code() {
    let s = shared_standalone();
    let _g = s.guard();
    let url = s.url();
    let dir = tempfile::tempdir().unwrap();
    let done = dir.path().join("done");
    let name = format!("{}longjob", unique_prefix("lock"));
    let key = format!("lock:{name}");
    // The child runs until the test says so, not for a fixed time.
    let script = format!(
        "echo \"$LDP_LOCK_KEY $LDP_LOCK_TOKEN $LDP_LOCK_FENCE\"; \
         while [ ! -e {} ]; do sleep 0.05; done; exit 7",
        done.display()
    );
    let mut child = url
        .ldp_std()
        .args(["lock", "run", &name, "--ttl", "2s", "--"])
        .args(["sh", "-c", &script])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn ldp");
    let mut con = s.client();
    wait_until("the lock key", Duration::from_secs(30), || {
        get(&mut con, &key).is_some()
    });
    let token = get(&mut con, &key).unwrap();
    let held_since = Instant::now();
    // 3.3 s of tries (11 sleeps of 0.3 s), well past the 2 s TTL.
    let tries = py(&url, &["try", &key, "12", "0.3"]);
    assert_eq!(tries, "acquired=0 tries=12");
    assert!(held_since.elapsed() > Duration::from_millis(3300));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the child waits for the test: ldp must still be running"
    );
    assert_eq!(
        get(&mut con, &key).as_deref(),
        Some(token.as_str()),
        "the same lease, renewed"
    );

    std::fs::write(&done, "").unwrap();
    let out = Run::from_output(
        "lock run longjob (spawned)",
        child.wait_with_output().expect("wait for ldp"),
    )
    .fails(7);
    let line = out.stdout.trim();
    let parts: Vec<&str> = line.split(' ').collect();
    assert_eq!(parts.len(), 3, "{line}");
    assert_eq!(parts[0], key);
    assert_eq!(parts[1], token);
    assert!(parts[2].parse::<u64>().unwrap() >= 1);
    assert_eq!(get(&mut con, &key), None, "the lock must be released");
    assert_eq!(out.stderr, "", "no noise on a clean run:\n{out}");
}

/// A lock deleted under a running child: the child is terminated (here it
/// ignores SIGTERM, so SIGKILL after --grace) and ldp exits 76, long before
/// the child would have ended on its own.
#[test]
fn deleted_lock_terminates_the_child() {
    let s = shared_standalone();
    let _g = s.guard();
    let url = s.url();
    let dir = tempfile::tempdir().unwrap();
    let pidfile = dir.path().join("pid");
    let name = format!("{}deleted", unique_prefix("lock"));
    let key = format!("lock:{name}");
    let script = format!(
        "trap '' TERM; echo $$ > {}; exec sleep {CHILD_SECS}",
        pidfile.display()
    );
    let mut child = url
        .ldp_std()
        .args(["lock", "run", &name, "--ttl", "1s", "--grace", "1s", "--"])
        .args(["sh", "-c", &script])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn ldp");
    let mut con = s.client();
    wait_until("the child's pid", Duration::from_secs(30), || {
        std::fs::read_to_string(&pidfile).is_ok_and(|p| p.trim().parse::<i32>().is_ok())
    });
    let pid: i32 = std::fs::read_to_string(&pidfile)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(get(&mut con, &key).is_some());
    let t0 = Instant::now();
    let _: i64 = redis::cmd("DEL").arg(&key).query(&mut con).unwrap();
    let status = wait_child(&mut child, Duration::from_secs(CHILD_SECS / 2));
    let took = t0.elapsed();
    assert_eq!(status.code(), Some(76));
    // The child ignores SIGTERM: ldp cannot be done before the 1 s grace.
    assert!(took >= Duration::from_secs(1), "{took:?}");
    // Noticed at the next renewal (a third of the 1 s TTL), then 1 s of
    // grace: well within the TTL + grace + slack for a loaded machine, and
    // far from the child's own end.
    assert!(took < Duration::from_secs(1 + 1 + SLACK_SECS), "{took:?}");
    assert!(!pid_alive(pid), "the child must be gone");
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("lost lock") && err.contains(&key), "{err}");
    assert!(err.contains("SIGKILL"), "{err}");
}

/// Redis going away for longer than the TTL is a lost lock too (76), not a
/// hang and not a connection error.
#[test]
fn unreachable_redis_past_the_ttl_loses_the_lock() {
    let mut server = RedisServer::start();
    let url = server.url();
    let mut child = url
        .ldp_std()
        .args(["--timeout", "300ms", "lock", "run", "gone", "--ttl", "1s"])
        .args(["--", "sleep", &CHILD_SECS.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn ldp");
    let mut con = server.client();
    wait_until("the lock key", Duration::from_secs(30), || {
        get(&mut con, "lock:gone").is_some()
    });
    drop(con);
    server.stop();
    let t0 = Instant::now();
    let status = wait_child(&mut child, Duration::from_secs(CHILD_SECS / 2));
    let took = t0.elapsed();
    assert_eq!(status.code(), Some(76));
    // Lost once the 1 s TTL since the last renewal ran out (the child,
    // `sleep`, ends on SIGTERM): within the TTL plus slack, far from the
    // child's own end, so not a hang.
    assert!(took < Duration::from_secs(1 + SLACK_SECS), "{took:?}");
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert!(err.contains("lost lock lock:gone"), "{err}");
    assert!(err.contains("TTL ran out"), "{err}");
}

/// Every acquisition gets a larger fencing number, whoever took it before.
#[test]
fn fencing_numbers_strictly_increase() {
    let s = shared_standalone();
    let _g = s.guard();
    let url = s.url();
    let name = format!("{}fenced", unique_prefix("lock"));
    let mut last = 0u64;
    for i in 0..4 {
        let out = url
            .ldp(&[
                "lock",
                "run",
                &name,
                "--",
                "sh",
                "-c",
                "echo $LDP_LOCK_FENCE",
            ])
            .ok();
        let fence: u64 = out.parsed();
        assert!(fence > last, "run {i}: fence {fence} after {last}");
        last = fence;
        // A redis-py acquisition in between does not reset anything.
        py(&url, &["try", &format!("lock:{name}"), "1", "0"]);
    }
    let hold = url
        .ldp(&[
            "lock",
            "run",
            &name,
            "--",
            "sh",
            "-c",
            "echo $LDP_LOCK_FENCE",
        ])
        .ok();
    assert_eq!(hold.parsed::<u64>(), last + 1);
    let counter = get(&mut s.client(), &format!("ldp:fence:{{lock:{name}}}"));
    assert_eq!(counter, Some((last + 1).to_string()));
}

/// `lock break --token T` leaves a different holder alone (exit 1); without
/// --yes off a terminal it refuses (2); --dry-run changes nothing.
#[test]
fn break_leaves_a_new_holder_alone() {
    let s = shared_standalone();
    let _g = s.guard();
    let url = s.url();
    let name = format!("{}changed", unique_prefix("lock"));
    let key = format!("lock:{name}");
    let mut con = s.client();
    let old = "0123456789abcdef0123456789abcdef";
    let new = "fedcba9876543210fedcba9876543210";
    let _: () = redis::cmd("SET")
        .arg(&key)
        .arg(new)
        .arg("PX")
        .arg(60_000)
        .query(&mut con)
        .unwrap();

    let refused = url.ldp(&["lock", "break", &name]).fails(2);
    refused.stderr_has("--yes");

    let dry = url
        .ldp(&["lock", "break", &name, "--dry-run", "-o", "json"])
        .ok();
    assert_eq!(dry.json()["action"], "dry-run");
    assert_eq!(dry.json()["token"], new);

    let left = url
        .ldp(&[
            "lock", "break", &name, "--token", old, "--yes", "-o", "json",
        ])
        .fails(1);
    let report = left.json();
    assert_eq!(report["action"], "changed");
    assert_eq!(report["token"], old);
    assert_eq!(report["current_token"], new);
    assert_eq!(get(&mut con, &key).as_deref(), Some(new));

    url.ldp(&["lock", "break", &name, "--token", new, "--yes"])
        .ok();
    assert_eq!(get(&mut con, &key), None);
    let again = url.ldp(&["lock", "break", &name, "--yes"]).ok();
    again.stdout_has("not held");
}

/// Breaking a python-redis-lock style lock (24-character token) pushes its
/// signal list so that library's waiters wake up.
#[test]
fn breaking_a_python_redis_lock_wakes_its_waiters() {
    let s = shared_standalone();
    let _g = s.guard();
    let url = s.url();
    let name = format!("{}prl", unique_prefix("lock"));
    let key = format!("lock:{name}");
    let signal = format!("lock-signal:{name}");
    let mut con = s.client();
    let _: () = redis::cmd("SET")
        .arg(&key)
        .arg("Zm9vYmFyYmF6cXV4cXV1eDEy")
        .query(&mut con)
        .unwrap();
    let list = url
        .ldp(&["lock", "list", &format!("lock:{name}"), "-o", "json"])
        .ok();
    let rows = list.json();
    assert_eq!(rows[0]["style"], "python-redis-lock");
    assert_eq!(rows[0]["ttl"], serde_json::Value::Null);
    assert_eq!(rows[0]["expires"], false);
    list.stderr_has("never expire");

    let out = url
        .ldp(&["lock", "break", &name, "--yes", "-o", "json"])
        .ok();
    assert_eq!(out.json()["signalled"], true);
    let items: Vec<String> = redis::cmd("LRANGE")
        .arg(&signal)
        .arg(0)
        .arg(-1)
        .query(&mut con)
        .unwrap();
    assert_eq!(items, vec!["1".to_string()]);
    let pttl: i64 = redis::cmd("PTTL").arg(&signal).query(&mut con).unwrap();
    assert!(pttl > 0 && pttl <= 1000, "{pttl}");
    assert_eq!(get(&mut con, &key), None);
}

/// `lock hold` prints its token and fence, keeps the lock past its TTL, and
/// releases it on SIGTERM (exit 0).
#[test]
fn hold_prints_token_renews_and_releases_on_sigterm() {
    let s = shared_standalone();
    let _g = s.guard();
    let url = s.url();
    let name = format!("{}held", unique_prefix("lock"));
    let key = format!("lock:{name}");
    let mut child = url
        .ldp_std()
        .args(["lock", "hold", &name, "--ttl", "1s", "-o", "ndjson"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn ldp");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&line).expect(&line);
    let token = v["token"].as_str().unwrap().to_string();
    assert_eq!(v["key"], key.as_str());
    assert!(v["fence"].as_u64().unwrap() >= 1);
    assert_eq!(v["ttl"], 1.0);
    let mut con = s.client();
    // Acquired before the line was printed: watched for 1.6 s from now, the
    // key outlives its 1 s TTL only if ldp renews it.
    assert_held_for(&mut con, &key, &token, Duration::from_millis(1600));
    let tries = py(&url, &["try", &key, "1", "0"]);
    assert_eq!(tries, "acquired=0 tries=1");
    signal(&child, libc::SIGTERM);
    let status = wait_child(&mut child, Duration::from_secs(5));
    assert_eq!(status.code(), Some(0));
    assert_eq!(get(&mut con, &key), None);
}

/// SIGTERM to ldp reaches the child; the lock is released after the child
/// exits, and ldp exits with the child's code.
#[test]
fn run_forwards_sigterm_and_releases_afterwards() {
    let s = shared_standalone();
    let _g = s.guard();
    let url = s.url();
    let dir = tempfile::tempdir().unwrap();
    let marker = dir.path().join("ready");
    let got_term = dir.path().join("got-term");
    let finish = dir.path().join("finish");
    let name = format!("{}fwd", unique_prefix("lock"));
    let key = format!("lock:{name}");
    // On SIGTERM the child says so, then finishes only when the test lets it.
    let script = format!(
        "trap 'touch {got}; while [ ! -e {fin} ]; do sleep 0.05; done; exit 3' TERM; \
         touch {ready}; while :; do sleep 0.05; done",
        got = got_term.display(),
        fin = finish.display(),
        ready = marker.display()
    );
    let mut child = url
        .ldp_std()
        .args(["lock", "run", &name, "--", "sh", "-c", &script])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn ldp");
    wait_until("the child", Duration::from_secs(30), || marker.exists());
    signal(&child, libc::SIGTERM);
    let mut con = s.client();
    wait_until("the child to get SIGTERM", Duration::from_secs(30), || {
        got_term.exists()
    });
    // The child got the signal and has not finished: the lock is still held.
    assert!(
        get(&mut con, &key).is_some(),
        "released before the child ended"
    );
    assert!(
        child.try_wait().unwrap().is_none(),
        "ldp waits for the child"
    );
    std::fs::write(&finish, "").unwrap();
    let status = wait_child(&mut child, Duration::from_secs(30));
    assert_eq!(status.code(), Some(3));
    assert_eq!(get(&mut con, &key), None);
}

/// `--wait` polls until a Python holder's lock expires (and not before).
#[test]
fn wait_polls_until_the_holder_expires() {
    let s = shared_standalone();
    let _g = s.guard();
    let url = s.url();
    let name = format!("{}waited", unique_prefix("lock"));
    let key = format!("lock:{name}");
    let mut con = s.client();
    py(&url, &["acquire", &key, "60"]);
    // The holder's lock now expires exactly 1 s after t0 (at the earliest):
    // shortened by the test, not left to how long Python took to exit.
    let t0 = Instant::now();
    let shortened: i64 = redis::cmd("PEXPIRE")
        .arg(&key)
        .arg(1000)
        .query(&mut con)
        .unwrap();
    assert_eq!(shortened, 1, "Python's lock is held");
    // A generous --wait: success (not 75) proves ldp got the lock within it.
    url.ldp(&["lock", "run", &name, "--wait", "60s", "--", "true"])
        .ok();
    let took = t0.elapsed();
    assert!(
        took >= Duration::from_millis(990),
        "ran before the holder's lock expired: {took:?}"
    );
    py(&url, &["acquire", &key, "60"]);
    let t0 = Instant::now();
    url.ldp(&["lock", "hold", &name, "--wait", "600ms"])
        .fails(75);
    assert!(t0.elapsed() >= Duration::from_millis(600));
    let _: i64 = redis::cmd("DEL").arg(&key).query(&mut s.client()).unwrap();
}

/// A child killed by a signal gives 128+signal; a missing program 127; a
/// lock is released in both cases.
#[test]
fn child_exit_status_mapping() {
    let s = shared_standalone();
    let url = s.url();
    let name = format!("{}codes", unique_prefix("lock"));
    url.ldp(&["lock", "run", &name, "--", "sh", "-c", "kill -9 $$"])
        .fails(137);
    let out = url
        .ldp(&["lock", "run", &name, "--", "/nonexistent/prog"])
        .fails(127);
    out.stderr_has("cannot run");
    assert_eq!(get(&mut s.client(), &format!("lock:{name}")), None);
}

/// If ldp itself is SIGKILLed, nothing renews the lock any more: the child
/// is terminated by the kernel (PR_SET_PDEATHSIG) rather than left running.
#[test]
fn killing_ldp_takes_the_child_down() {
    let s = shared_standalone();
    let url = s.url();
    let dir = tempfile::tempdir().unwrap();
    let pidfile = dir.path().join("pid");
    let name = format!("{}orphan", unique_prefix("lock"));
    let script = format!("echo $$ > {}; exec sleep 30", pidfile.display());
    let mut child = url
        .ldp_std()
        .args(["lock", "run", &name, "--", "sh", "-c", &script])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn ldp");
    wait_until("the child's pid", Duration::from_secs(5), || {
        std::fs::read_to_string(&pidfile).is_ok_and(|p| p.trim().parse::<i32>().is_ok())
    });
    let pid: i32 = std::fs::read_to_string(&pidfile)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    signal(&child, libc::SIGKILL);
    let _ = child.wait();
    // The orphan is reparented to init (or a subreaper), which reaps it.
    wait_until("the orphaned child to die", Duration::from_secs(5), || {
        !pid_alive(pid) || is_zombie(pid)
    });
}

fn is_zombie(pid: i32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .map(|s| {
            s.rsplit(')')
                .next()
                .is_some_and(|r| r.trim_start().starts_with('Z'))
        })
        .unwrap_or(false)
}

#[test]
fn invalid_names_and_ttls_exit_2() {
    let url = "redis://127.0.0.1:1/0"; // never contacted: validation comes first
    for args in [
        &["lock", "hold", "a*"][..],
        &["lock", "hold", ""],
        &["lock", "hold", "a b"],
        &["lock", "run", "x", "--ttl", "500ms", "--", "true"],
        &["lock", "run", "x", "--ttl", "2d", "--", "true"],
        &["lock", "run", "x"],
        &["lock", "run", "x", "--key", "k", "--", "true"],
        &["lock", "break", "[x]", "--yes"],
        &["lock", "break", "--key", "bad\\q", "--yes"],
        &["lock", "list", "-o", "prometheus"],
    ] {
        let out = url.ldp(args).fails(2);
        assert_eq!(out.stderr.lines().count(), 1, "{args:?}: {}", out.stderr);
    }
}

/// The default listing covers every lock family (and nothing else), with
/// escaped binary keys, on a server of its own.
#[test]
fn list_covers_the_lock_families() {
    let server = RedisServer::start();
    let _g = server.guard();
    let url = server.url();
    let mut con = server.client();
    let t = "0123456789abcdef0123456789abcdef";
    let mut p = redis::pipe();
    p.cmd("SET")
        .arg("lock:a")
        .arg(t)
        .arg("EX")
        .arg(100)
        .ignore();
    p.cmd("SET")
        .arg("cache:doc:lock:d1")
        .arg(t)
        .arg("EX")
        .arg(100)
        .ignore();
    p.cmd("SET").arg("doc:lock:d2").arg("x").ignore();
    p.cmd("SET")
        .arg("unacked_mutex")
        .arg(t)
        .arg("EX")
        .arg(5)
        .ignore();
    p.cmd("RPUSH").arg("lock-signal:a").arg(1).ignore();
    p.cmd("PEXPIRE").arg("lock-signal:a").arg(60_000).ignore();
    p.cmd("SET")
        .arg(&b"lock:bin\x01"[..])
        .arg(t)
        .arg("EX")
        .arg(100)
        .ignore();
    p.cmd("SET").arg("doc:state:d1").arg("{}").ignore();
    p.cmd("SET").arg("ldp:fence:{lock:a}").arg(4).ignore();
    p.query::<()>(&mut con).unwrap();

    let out = url.ldp(&["lock", "list", "-o", "json"]).ok();
    let rows = out.json();
    let keys: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        vec![
            "cache:doc:lock:d1",
            "doc:lock:d2",
            "lock-signal:a",
            "lock:a",
            "lock:bin\\x01",
            "unacked_mutex"
        ]
    );
    let by_key = |k: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["key"] == k)
            .unwrap()
            .clone()
    };
    assert_eq!(by_key("lock-signal:a")["style"], "signal");
    assert_eq!(by_key("lock-signal:a")["type"], "list");
    assert_eq!(by_key("doc:lock:d2")["style"], "other");
    assert_eq!(by_key("doc:lock:d2")["expires"], false);
    assert_eq!(by_key("unacked_mutex")["family"], "kombu_mutex");
    assert_eq!(by_key("cache:doc:lock:d1")["family"], "doc_lock");
    assert_eq!(by_key("lock:a")["style"], "redis-py");

    let no_ttl = url.ldp(&["lock", "list", "--no-ttl", "-o", "ndjson"]).ok();
    let lines = no_ttl.lines();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(lines[0].contains("doc:lock:d2"));

    // Off a terminal without -o: tab-separated lines, TTL -1 for none.
    let tsv = url.ldp(&["lock", "list", "doc:lock:*"]).ok();
    assert_eq!(tsv.stdout.trim(), "doc:lock:d2\tx\t-1\tother");
    // A raw escaped key works with --key.
    url.ldp(&["lock", "break", "--key", "lock:bin\\x01", "--yes"])
        .ok();
    let exists: i64 = redis::cmd("EXISTS")
        .arg(&b"lock:bin\x01"[..])
        .query(&mut con)
        .unwrap();
    assert_eq!(exists, 0);
}

// ------------------------------------------------------------------ cluster

/// On the 3-primary cluster: locks on every node, fencing counters in the
/// lock's slot, redis-py (RedisCluster) interop, a lost lock.
#[test]
fn cluster_locks() {
    let c = shared_cluster();
    let _g = c.guard();
    let url = c.seed_url();
    let pyurl = format!("cluster+{url}");
    let prefix = unique_prefix("clock");
    // Names until every primary owns one.
    let mut names: Vec<String> = Vec::new();
    let mut owners = std::collections::HashSet::new();
    for i in 0.. {
        let name = format!("{prefix}n{i}");
        if owners.insert(c.node_for_key(format!("lock:{name}").as_bytes())) {
            names.push(name);
        }
        if owners.len() == 3 {
            break;
        }
    }
    for name in &names {
        let key = format!("lock:{name}");
        let mut fences = Vec::new();
        for _ in 0..2 {
            let out = url
                .ldp(&[
                    "lock",
                    "run",
                    name,
                    "--",
                    "sh",
                    "-c",
                    "echo $LDP_LOCK_FENCE",
                ])
                .ok();
            fences.push(out.parsed::<u64>());
        }
        assert!(fences[1] > fences[0], "{fences:?}");
        let fence_key = format!("ldp:fence:{{{key}}}");
        assert_eq!(
            c.node_for_key(fence_key.as_bytes()),
            c.node_for_key(key.as_bytes())
        );
        assert_eq!(
            c.exec(fence_key.as_bytes(), &[b"GET", fence_key.as_bytes()]),
            Value::BulkString(fences[1].to_string().into_bytes())
        );

        // redis-py on the cluster holds it: listed, busy, broken.
        let token = py(&pyurl, &["acquire", &key, "30"]);
        let list = url
            .ldp(&["lock", "list", &format!("lock:{prefix}*"), "-o", "json"])
            .ok();
        let rows = list.json();
        let row = rows
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["key"] == key.as_str())
            .unwrap_or_else(|| panic!("{key} not listed: {rows}"));
        assert_eq!(row["token"], token.as_str());
        assert!(row["ttl"].as_f64().unwrap() > 20.0);
        url.ldp(&["lock", "run", name, "--", "true"]).fails(75);
        url.ldp(&["lock", "break", name, "--yes"]).ok();
        assert_eq!(
            c.exec(key.as_bytes(), &[b"EXISTS", key.as_bytes()]),
            Value::Int(0)
        );
    }

    // A lock deleted under its child on the cluster.
    let name = &names[0];
    let key = format!("lock:{name}");
    let mut child = url
        .ldp_std()
        .args(["lock", "run", name, "--ttl", "1s", "--", "sleep", "30"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn ldp");
    wait_until("the lock key", Duration::from_secs(5), || {
        c.exec(key.as_bytes(), &[b"EXISTS", key.as_bytes()]) == Value::Int(1)
    });
    c.exec(key.as_bytes(), &[b"DEL", key.as_bytes()]);
    let status = wait_child(&mut child, Duration::from_secs(10));
    assert_eq!(status.code(), Some(76));
}

// ------------------------------------------------------------------ TLS + ACL

/// The lock commands over TLS as an ACL user (the Redis Cloud setup).
#[test]
fn tls_acl_run_list_and_break() {
    let t = support::shared_tls();
    let _g = t.guard();
    let name = format!("{}tls", unique_prefix("lock"));
    let key = format!("lock:{name}");
    let base = |args: &[&str]| {
        Ldp::new()
            .env("LDP_REDIS_PASSWORD", t.password())
            .arg("-u")
            .arg(t.url_without_password())
            .arg("--tls-ca")
            .path(t.ca_path())
            .args(args)
            .run()
    };
    let out = base(&[
        "lock",
        "run",
        &name,
        "--",
        "sh",
        "-c",
        "echo $LDP_LOCK_FENCE",
    ])
    .ok();
    assert_eq!(out.stdout.trim(), "1", "{out}");
    // The child does not inherit the password unless asked.
    let env = |extra: &[&str]| {
        let mut args = vec!["lock", "run", &name];
        args.extend_from_slice(extra);
        args.extend(["--", "sh", "-c", "echo \"pw=${LDP_REDIS_PASSWORD:-none}\""]);
        base(&args).ok()
    };
    assert_eq!(env(&[]).stdout.trim(), "pw=none");
    let passed = env(&["--pass-secrets"]);
    assert_eq!(
        passed.stdout.trim(),
        format!("pw={}", t.password()),
        "{passed}"
    );
    t.seed(&[vec![
        b"SET".to_vec(),
        key.clone().into_bytes(),
        b"0123456789abcdef0123456789abcdef".to_vec(),
        b"EX".to_vec(),
        b"100".to_vec(),
    ]]);
    let list = base(&["lock", "list", &key, "-o", "json"]).ok();
    assert_eq!(list.json()[0]["style"], "redis-py", "{list}");
    base(&["lock", "run", &name, "--", "true"]).fails(75);
    base(&["lock", "break", &name, "--yes"])
        .ok()
        .never_shows(t.password());
}

/// A lock deleted under `lock hold`: the holder notices at its next renewal
/// and exits 76 (lost), saying so.
#[test]
fn lock_hold_exits_76_when_its_lock_is_lost() {
    let s = shared_standalone();
    let name = format!("{}hold-lost", unique_prefix("lock"));
    let key = format!("lock:{name}");
    let mut child = s
        .ldp_std()
        .args(["lock", "hold", &name, "--ttl", "1s"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn ldp");
    let mut con = s.client();
    wait_until("the lock key", Duration::from_secs(5), || {
        get(&mut con, &key).is_some()
    });
    let _: i64 = redis::cmd("DEL").arg(&key).query(&mut con).unwrap();
    let status = wait_child(&mut child, Duration::from_secs(10));
    assert_eq!(status.code(), Some(76));
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert!(err.contains("lost"), "{err}");
}
