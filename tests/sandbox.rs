//! `ldp sandbox`: a throwaway pipeline-shaped Redis, detached and in the
//! foreground, standalone and as a cluster; every command shows its seeded
//! data; `ldp sandbox stop` and Ctrl-C leave no process and no file; the
//! README's tour runs verbatim against it. Real redis-server processes,
//! each test in a temporary folder of its own (TMPDIR).

mod support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

use serde_json::Value as Json;
use support::{LdpTarget, Run, interrupt_after_lines, ldp_cmd, ldp_std};

/// A temporary folder as the sandbox's TMPDIR: what the sandbox makes is
/// under it, so "nothing left behind" is "it is empty".
fn tmp() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("ldp-sandbox-test-")
        .tempdir()
        .expect("temp dir")
}

/// A detached sandbox that a failing test must not leave running: dropped
/// before `stop_leaves_nothing` (a panic), it stops the sandbox.
struct Detached {
    tmp: tempfile::TempDir,
    state: Json,
}

impl Detached {
    fn start(args: &[&str]) -> Detached {
        let tmp = tmp();
        let mut all = vec!["sandbox", "--detach", "-o", "json"];
        all.extend_from_slice(args);
        let state = sandbox(tmp.path(), &all).ok().json();
        Detached { tmp, state }
    }

    fn url(&self) -> String {
        self.state["url"].as_str().expect("url").to_string()
    }

    /// `ldp sandbox stop`, and nothing is left (see [`stop_leaves_nothing`]).
    fn stop(self) {
        stop_leaves_nothing(self.tmp.path(), &self.state);
    }
}

impl Drop for Detached {
    fn drop(&mut self) {
        if std::thread::panicking() {
            let _ = ldp_std()
                .args(["sandbox", "stop"])
                .env("TMPDIR", self.tmp.path())
                .output();
        }
    }
}

fn sandbox(tmp: &Path, args: &[&str]) -> Run {
    ldp_cmd(args)
        .env("TMPDIR", tmp)
        .timeout(Duration::from_secs(120))
        .run()
}

/// Whether a pid is a live process (a zombie is not).
fn alive(pid: u64) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat")).is_ok_and(|s| {
        !matches!(
            s.rsplit_once(')')
                .and_then(|(_, r)| r.split_whitespace().next()),
            Some("Z") | Some("X")
        )
    })
}

fn entries(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default()
}

/// Every pid a started sandbox names: its own and its servers'.
fn pids(state: &Json) -> Vec<u64> {
    let mut p = vec![state["pid"].as_u64().expect("pid")];
    for s in state["servers"].as_array().expect("servers") {
        p.push(s["pid"].as_u64().expect("server pid"));
    }
    p
}

/// `ldp sandbox stop`, then: every pid gone, the folder gone, TMPDIR empty.
fn stop_leaves_nothing(tmp: &Path, state: &Json) {
    let dir = PathBuf::from(state["dir"].as_str().expect("dir"));
    assert!(dir.exists(), "{state}");
    let r = sandbox(tmp, &["sandbox", "stop", "-o", "json"]).ok();
    let j = r.json();
    assert_eq!(j["stopped"], true, "{r}");
    let all = pids(state);
    for p in &all {
        assert!(!alive(*p), "pid {p} still runs after stop: {r}");
    }
    assert!(!dir.exists(), "{} still exists", dir.display());
    assert!(entries(tmp).is_empty(), "left behind: {:?}", entries(tmp));
    // Stopping again is harmless.
    sandbox(tmp, &["sandbox", "stop"])
        .ok()
        .stderr_has("no detached sandbox is running");
}

fn families(audit: &Json) -> BTreeMap<String, u64> {
    audit["families"]
        .as_array()
        .expect("families")
        .iter()
        .map(|f| {
            (
                f["family"].as_str().unwrap_or_default().to_string(),
                f["keys"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

/// `keys audit` finds exactly what the seed says it made, and nothing in
/// no family. The cache metrics are per minute: when a minute turns while
/// the test runs, a new minute's counters appear before the oldest expire.
fn audit_matches(url: &str, state: &Json) {
    let audit = url.ldp(&["keys", "audit", "-o", "json"]).ok().json();
    assert_eq!(audit["unknown_keys"], 0, "{audit:#}");
    let got = families(&audit);
    let want: BTreeMap<String, u64> = state["families"]
        .as_object()
        .expect("families")
        .iter()
        .map(|(k, v)| (k.clone(), v.as_u64().unwrap_or_default()))
        .collect();
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        want.keys().collect::<Vec<_>>(),
        "{audit:#}"
    );
    for (family, n) in &want {
        let g = got[family];
        if family == "cache_metrics" {
            assert!(g >= *n && g <= n + 12, "{family}: {g} keys, seeded {n}");
        } else {
            assert_eq!(g, *n, "{family}: {audit:#}");
        }
    }
}

/// Every command of the issue shows seeded data.
fn every_command_shows_seeded_data(url: &str, broker: Option<&str>, state: &Json) {
    audit_matches(url, state);
    let stages = &state["stages"];
    let samples = &state["samples"];
    let completed = samples["completed"].as_str().expect("a completed document");
    let failed = samples["failed_ocr"].as_str().expect("a failed OCR");
    let project = samples["project"].as_str().expect("a project");

    let j = url
        .ldp(&["cache", "show", "--doc", completed, "-o", "json"])
        .ok()
        .json();
    let doc = &j["documents"][0];
    assert_eq!(doc["standing"], "done", "{j:#}");
    assert!(
        doc["keys"].as_array().is_some_and(|k| k.len() >= 8),
        "{j:#}"
    );
    let j = url
        .ldp(&["cache", "show", "--doc", failed, "-o", "json"])
        .ok()
        .json();
    // pipeline.status still says processing; the last update says failed.
    assert_eq!(j["documents"][0]["standing"], "failed", "{j:#}");
    assert_eq!(j["documents"][0]["status"], "processing", "{j:#}");

    let before = url.ldp(&["keys", "audit", "-o", "json"]).ok().json()["total_keys"].clone();
    let r = url
        .ldp(&[
            "cache",
            "clear",
            "--project",
            project,
            "--dry-run",
            "-o",
            "json",
        ])
        .ok();
    let j = r.json();
    assert!(j["keys"].as_u64().is_some_and(|n| n > 0), "{r}");
    assert_eq!(j["deleted"], 0, "{r}");
    let after = url.ldp(&["keys", "audit", "-o", "json"]).ok().json()["total_keys"].clone();
    assert!(
        after.as_u64() >= before.as_u64(),
        "a dry run deleted keys: {before} -> {after}"
    );

    let b = |r: Vec<&str>| -> Vec<String> {
        let mut a: Vec<String> = r.iter().map(|s| s.to_string()).collect();
        if let Some(b) = broker {
            a.extend(["--broker-url".to_string(), b.to_string()]);
        }
        a
    };
    let queued = stages["queued"].as_u64().expect("queued");
    let in_flight = stages["in flight"].as_u64().expect("in flight");
    // No Celery worker runs in a sandbox: the workers check would be CRITICAL.
    let args = b(vec!["monitor", "health", "-o", "json", "--skip", "workers"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let j = url.ldp(&args).ok().json();
    let default = j["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .find(|c| c["name"] == "queues" && c["queue"] == "default")
        .unwrap_or_else(|| panic!("no default queue: {j:#}"));
    assert_eq!(default["value"], queued.to_string(), "{j:#}");

    let args = b(vec!["monitor", "queues", "-o", "json"]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let j = url.ldp(&args).ok().json();
    let q = j["queues"]
        .as_array()
        .expect("queues")
        .iter()
        .find(|q| q["queue"] == "default")
        .unwrap_or_else(|| panic!("{j:#}"))
        .clone();
    assert_eq!(q["ready"], queued, "{j:#}");
    assert_eq!(q["unacked"], in_flight, "{j:#}");

    let j = url.ldp(&["batch", "list", "-o", "json"]).ok().json();
    let batches = j.as_array().expect("batches");
    assert!(!batches.is_empty(), "{j:#}");
    // The pipeline's counters say 0 completed; the states say better.
    let pipeline: Vec<&Json> = batches
        .iter()
        .filter(|b| !b["reported"].is_null() && b["reported"]["completed"] == 0)
        .collect();
    assert!(!pipeline.is_empty(), "{j:#}");
    assert!(
        pipeline
            .iter()
            .all(|b| b["actual"]["done"].as_u64().is_some_and(|d| d > 0)),
        "{j:#}"
    );

    let j = url.ldp(&["lock", "list", "-o", "json"]).ok().json();
    let locks = j.as_array().expect("locks");
    assert_eq!(
        locks.len() as u64,
        3 + in_flight,
        "named locks and in-flight documents' locks: {j:#}"
    );
    assert_eq!(
        locks.iter().filter(|l| l["ttl"].is_null()).count(),
        1,
        "one lock without TTL: {j:#}"
    );

    let j = url.ldp(&["rate", "list", "-o", "json"]).ok().json();
    let windows = j.as_array().expect("windows");
    assert_eq!(windows.len(), 2, "{j:#}");
    assert!(
        windows
            .iter()
            .all(|w| w["requests"].as_u64().is_some_and(|n| n > 0) && w["window"] == 60.0),
        "{j:#}"
    );
}

#[test]
fn detached_sandbox_shows_seeded_data_everywhere_and_stop_leaves_nothing() {
    let sb = Detached::start(&[]);
    let (url, state) = (sb.url(), &sb.state);
    assert!(url.starts_with("redis://127.0.0.1:"), "{state}");
    assert_eq!(state["documents"], 200, "{state}");
    for p in pids(state) {
        assert!(alive(p), "pid {p} is not running: {state}");
    }
    // A second one is refused while the first runs.
    sandbox(sb.tmp.path(), &["sandbox", "--detach"])
        .fails(2)
        .stderr_has("already running");
    every_command_shows_seeded_data(&url, None, state);
    sb.stop();
}

#[test]
fn detached_sandbox_in_a_pipe_prints_export_lines_only() {
    let tmp = tmp();
    let r = sandbox(tmp.path(), &["sandbox", "--detach", "--docs", "40"]);
    let state: Json = serde_json::from_slice(
        &std::fs::read(
            entries(tmp.path())
                .first()
                .unwrap_or_else(|| panic!("no sandbox folder: {r}"))
                .join("state.json"),
        )
        .unwrap_or_else(|e| panic!("no state file ({e}): {r}")),
    )
    .expect("state JSON");
    let sb = Detached { tmp, state };
    let r = r.ok();
    let lines = r.lines();
    assert_eq!(lines.len(), 1, "{r}");
    let url = lines[0]
        .strip_prefix("export LDP_REDIS_URL=")
        .unwrap_or_else(|| panic!("{r}"));
    r.stderr_has(url).stderr_has("ldp sandbox stop");
    assert_eq!(sb.state["url"], url);
    // The URL works as LDP_REDIS_URL.
    ldp_cmd(&["keys", "audit"])
        .env("LDP_REDIS_URL", url)
        .ok()
        .stderr_has("0 in no family");
    sb.stop();
}

#[test]
fn foreground_sandbox_prints_the_url_and_ctrl_c_removes_everything() {
    let tmp = tmp();
    let child = ldp_std()
        .args(["sandbox", "--docs", "20"])
        .env("TMPDIR", tmp.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn ldp sandbox");
    let pid = u64::from(child.id());
    // Once it printed its export line it is seeded: then Ctrl-C.
    let r = interrupt_after_lines(child, 1, "sandbox");
    assert_eq!(r.code, 0, "Ctrl-C is how a foreground sandbox ends: {r}");
    let url = r
        .first_line()
        .strip_prefix("export LDP_REDIS_URL=")
        .unwrap_or_else(|| panic!("{r}"))
        .to_string();
    r.stderr_has("sandbox stopped; removed");
    assert!(!alive(pid));
    assert!(entries(tmp.path()).is_empty(), "{:?}", entries(tmp.path()));
    let port: u16 = url
        .trim_start_matches("redis://127.0.0.1:")
        .trim_end_matches("/0")
        .parse()
        .expect("port");
    assert!(
        std::net::TcpStream::connect(("127.0.0.1", port)).is_err(),
        "the server still listens on {port}"
    );
}

#[test]
fn cluster_sandbox_has_three_primaries_and_a_broker_of_its_own() {
    let sb = Detached::start(&["--cluster", "--docs", "60"]);
    let (state, r) = (&sb.state, &sb.state);
    let url = state["url"].as_str().expect("url").to_string();
    let broker = state["broker_url"]
        .as_str()
        .expect("broker url")
        .to_string();
    assert_eq!(state["servers"].as_array().map(Vec::len), Some(4), "{r}");
    let j = url
        .ldp(&["monitor", "health", "-o", "json", "--check", "role"])
        .ok()
        .json();
    assert_eq!(
        j["checks"].as_array().map(Vec::len),
        Some(3),
        "three primaries: {j:#}"
    );
    // The caches on the cluster: every key in a family; the broker's keys
    // (queues, results, import markers) on the broker.
    let cache = url.ldp(&["keys", "audit", "-o", "json"]).ok().json();
    assert_eq!(cache["unknown_keys"], 0, "{cache:#}");
    let on_broker = broker.ldp(&["keys", "audit", "-o", "json"]).ok().json();
    assert_eq!(on_broker["unknown_keys"], 0, "{on_broker:#}");
    let (c, b) = (families(&cache), families(&on_broker));
    assert!(b.contains_key("celery_broker") && !c.contains_key("celery_broker"));
    assert!(c.contains_key("state") && !b.contains_key("state"));
    let total = |m: &BTreeMap<String, u64>| m.values().sum::<u64>();
    let seeded: u64 = state["keys"].as_u64().expect("keys");
    assert!(total(&c) + total(&b) >= seeded, "{cache:#} {on_broker:#}");
    every_command_shows_seeded_data_on_a_cluster(&url, &broker, state);
    sb.stop();
}

fn every_command_shows_seeded_data_on_a_cluster(url: &str, broker: &str, state: &Json) {
    let queued = state["stages"]["queued"].as_u64().expect("queued");
    let j = url
        .ldp(&["monitor", "queues", "--broker-url", broker, "-o", "json"])
        .ok()
        .json();
    assert!(
        j["queues"]
            .as_array()
            .expect("queues")
            .iter()
            .any(|q| q["queue"] == "default" && q["ready"] == queued),
        "{j:#}"
    );
    let completed = state["samples"]["completed"].as_str().expect("completed");
    let j = url
        .ldp(&["cache", "show", "--doc", completed, "-o", "json"])
        .ok()
        .json();
    assert_eq!(j["documents"][0]["standing"], "done", "{j:#}");
    url.ldp(&["batch", "list", "-o", "json"]).ok();
    url.ldp(&["lock", "list", "-o", "json"]).ok();
    url.ldp(&["rate", "list", "-o", "json"]).ok();
}

#[test]
fn without_redis_server_it_says_how_to_install_it() {
    let tmp = tmp();
    let empty = tmp.path().join("bin");
    std::fs::create_dir(&empty).expect("mkdir");
    let r = ldp_cmd(&["sandbox"])
        .env("TMPDIR", tmp.path())
        .env("PATH", &empty)
        .fails(69);
    r.stderr_has("redis-server is not installed")
        .stderr_has("apt-get install redis-server");
    assert_eq!(r.stderr_lines().len(), 1, "{r}");
    ldp_cmd(&["sandbox", "--detach"])
        .env("TMPDIR", tmp.path())
        .env("PATH", &empty)
        .fails(69);
    assert_eq!(entries(tmp.path()), vec![empty.clone()], "nothing made");
}

#[test]
fn seeding_ten_thousand_documents_is_quick() {
    let sb = Detached::start(&["--docs", "10000"]);
    let state = &sb.state;
    let secs = state["seed_seconds"].as_f64().expect("seed_seconds");
    let keys = state["keys"].as_u64().expect("keys");
    eprintln!("seeded 10,000 documents ({keys} keys) in {secs:.3} s");
    assert!(keys > 80_000, "{keys}");
    let url = state["url"].as_str().expect("url");
    let dbsize: u64 = redis::cmd("DBSIZE")
        .query(
            &mut redis::Client::open(url)
                .and_then(|c| c.get_connection())
                .expect("connect"),
        )
        .expect("DBSIZE");
    assert!(dbsize >= keys - 100, "{dbsize} of {keys}");
    // A guard against regressions, not the target: unoptimised builds
    // generate slowly, and a release build on a busy 2-core machine took
    // 1.25-1.5 s (the issue asks for well under a second: not met yet).
    let bound = if cfg!(debug_assertions) { 120.0 } else { 5.0 };
    assert!(secs < bound, "seeding took {secs} s");
    sb.stop();
}

/// The README's quick start names a block of commands: each runs verbatim
/// against a default sandbox and succeeds with output.
#[test]
fn the_readme_tour_runs_verbatim() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let tour = tour(&readme);
    assert!(tour.len() >= 6, "the tour: {tour:?}");
    let sb = Detached::start(&[]);
    let url = sb.url();
    for words in &tour {
        let args: Vec<&str> = words.iter().map(String::as_str).collect();
        let r = ldp_cmd(&args[1..])
            .env("LDP_REDIS_URL", &url)
            .env("TMPDIR", sb.tmp.path())
            .ok();
        assert!(
            !r.stdout.trim().is_empty(),
            "`{}` printed nothing: {r}",
            words.join(" ")
        );
    }
    sb.stop();
}

/// The commands of the README's tour: the `sh` block after the
/// `<!-- sandbox-tour -->` marker, `ldp ...` lines without their comments,
/// split like a shell splits them (single quotes only).
fn tour(readme: &str) -> Vec<Vec<String>> {
    let start = readme
        .find("<!-- sandbox-tour -->")
        .expect("the README marks its tour with <!-- sandbox-tour -->");
    let block = &readme[start..];
    let open = block.find("```sh\n").expect("an sh block after the marker") + 6;
    let block = &block[open..];
    let block = &block[..block.find("```").expect("the block ends")];
    block
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("ldp "))
        .map(|l| {
            let mut words = Vec::new();
            let mut cur = String::new();
            let (mut quoted, mut any) = (false, false);
            for c in l.chars() {
                match c {
                    '\'' => {
                        quoted = !quoted;
                        any = true;
                    }
                    '#' if !quoted && cur.is_empty() && !any => break,
                    c if c.is_whitespace() && !quoted => {
                        if any || !cur.is_empty() {
                            words.push(std::mem::take(&mut cur));
                        }
                        any = false;
                    }
                    c => cur.push(c),
                }
            }
            if any || !cur.is_empty() {
                words.push(cur);
            }
            words
        })
        .collect()
}

/// A sandbox whose folder disappears (`rm -rf`, a test's temporary
/// directory) can no longer be found by `stop`: it stops itself.
#[test]
fn a_sandbox_whose_folder_is_removed_stops_itself() {
    let sb = Detached::start(&["--docs", "20"]);
    let dir = PathBuf::from(sb.state["dir"].as_str().expect("dir"));
    std::fs::remove_dir_all(&dir).expect("remove the folder");
    let all = pids(&sb.state);
    support::wait_until(
        "the sandbox to stop itself",
        Duration::from_secs(30),
        || all.iter().all(|p| !alive(*p)),
    );
    sandbox(sb.tmp.path(), &["sandbox", "stop"])
        .ok()
        .stderr_has("no detached sandbox is running");
    assert!(entries(sb.tmp.path()).is_empty());
}

/// The seed's loader (raw RESP on its own sockets) reads every reply: a
/// server that refuses the writes (out of memory, noeviction) fails the
/// seed with the server's own error, naming the server, and nothing hangs
/// waiting for replies.
#[test]
fn seeding_a_server_that_refuses_writes_fails_with_its_error() {
    let s = support::RedisServer::start_with(&[
        "--maxmemory",
        "2mb",
        "--maxmemory-policy",
        "noeviction",
    ]);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let err = rt
        .block_on(async {
            let target = ldp::redis::target::RedisTarget {
                urls: vec![s.url()],
                password: None,
                username: None,
                tls_ca: None,
                tls_insecure: false,
                timeout: Duration::from_secs(10),
            };
            let r = ldp::redis::Redis::connect(&target).await.expect("connect");
            let plan = ldp::sandbox::seed::Plan {
                docs: 2000,
                projects: 3,
                now: 1_764_064_800.0,
            };
            tokio::time::timeout(Duration::from_secs(60), ldp::sandbox::seed(&r, &r, plan))
                .await
                .expect("the seed must end, not wait for replies")
        })
        .expect_err("a server out of memory must fail the seed");
    let text = format!("{err:#}");
    assert!(text.contains("OOM"), "{text}");
    assert!(text.contains(&s.port().to_string()), "{text}");
}
