//! `ldp monitor workers` and the `workers` health check against real Celery
//! workers (tests/py/workers_app.py, heartbeats on): two workers with other
//! names and pool sizes, one running a long task; one killed with -9 turns
//! missing by Celery's rule, one stopped gracefully disappears at once; and
//! nothing ldp creates for its requests is left in Redis, also after Ctrl-C.

mod support;

use std::io::{BufRead, BufReader};
use std::process::Stdio;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value as Json;
use support::python::{Broker, live_worker, send_long_task};
use support::{LdpTarget, RedisServer, random_uuid, wait_child, wait_until};

/// How long a worker may take to start and be seen.
const SEEN: Duration = Duration::from_secs(60);

/// The worker named `name` in a `monitor workers` JSON array.
fn worker<'a>(j: &'a Json, name: &str) -> Option<&'a Json> {
    j.as_array()?.iter().find(|w| w["worker"] == name)
}

/// `monitor workers -o json`, repeated until `cond` holds (the workers boot
/// and take their task at their own pace); the last answer.
fn workers_until(s: &RedisServer, what: &str, cond: impl Fn(&Json) -> bool) -> Json {
    let deadline = Instant::now() + SEEN;
    loop {
        let j = s.ldp(&["monitor", "workers", "-o", "json"]).ok().json();
        if cond(&j) {
            return j;
        }
        assert!(
            Instant::now() < deadline,
            "timed out waiting for {what}: {j:#}"
        );
        thread::sleep(Duration::from_millis(200));
    }
}

/// Nothing of ldp's reply queues is left: no binding member, no deadline of
/// the reply exchange, no reply list.
fn assert_nothing_left(s: &RedisServer) {
    let mut c = s.client();
    let members: Vec<Vec<u8>> = redis::cmd("SMEMBERS")
        .arg("_kombu.binding.reply.celery.pidbox")
        .query(&mut c)
        .expect("SMEMBERS");
    assert!(
        members.is_empty(),
        "reply bindings left: {:?}",
        members
            .iter()
            .map(|m| String::from_utf8_lossy(m).into_owned())
            .collect::<Vec<_>>()
    );
    let deadline: Option<f64> = redis::cmd("ZSCORE")
        .arg("_kombu.binding_deadlines")
        .arg("reply.celery.pidbox")
        .query(&mut c)
        .expect("ZSCORE");
    assert_eq!(deadline, None, "the reply exchange's deadline is left");
    let keys: Vec<Vec<u8>> = redis::cmd("KEYS")
        .arg("*reply.celery.pidbox*")
        .query(&mut c)
        .expect("KEYS");
    assert!(
        keys.iter().all(|k| k.starts_with(b"_kombu.binding_")),
        "reply lists left: {:?}",
        keys.iter()
            .map(|k| String::from_utf8_lossy(k).into_owned())
            .collect::<Vec<_>>()
    );
}

/// A spawned `monitor workers --watch` whose frames (one NDJSON line each)
/// arrive with the time they were read.
struct Watcher {
    child: std::process::Child,
    frames: mpsc::Receiver<(Instant, Json)>,
    reader: Option<thread::JoinHandle<()>>,
}

impl Watcher {
    fn start(s: &RedisServer, every: &str) -> Watcher {
        let mut child = s
            .ldp_std()
            .args(["monitor", "workers", "--watch", every, "-o", "ndjson"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn ldp");
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, frames) = mpsc::channel();
        let reader = thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { return };
                let j: Json = serde_json::from_str(&line).expect("a frame is JSON");
                if tx.send((Instant::now(), j)).is_err() {
                    return;
                }
            }
        });
        Watcher {
            child,
            frames,
            reader: Some(reader),
        }
    }

    /// Frames until one satisfies `cond`; all of them, that one last.
    fn until(&self, what: &str, cond: impl Fn(&Json) -> bool) -> Vec<(Instant, Json)> {
        let deadline = Instant::now() + SEEN;
        let mut seen = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.frames.recv_timeout(left) {
                Ok((at, j)) => {
                    let done = cond(&j);
                    seen.push((at, j));
                    if done {
                        return seen;
                    }
                }
                Err(_) => panic!(
                    "no frame with {what} within {SEEN:?}; last: {:#}",
                    seen.last().map(|(_, j)| j.clone()).unwrap_or_default()
                ),
            }
        }
    }

    /// Ctrl-C; the exit code.
    fn interrupt(mut self) -> i32 {
        // SAFETY: signalling the child we spawned and have not reaped.
        unsafe {
            libc::kill(self.child.id() as libc::pid_t, libc::SIGINT);
        }
        let st = wait_child(&mut self.child, Duration::from_secs(30));
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
        st.code().expect("ldp exited by itself")
    }
}

/// Celery's rule in every frame: a worker that did not answer is missing
/// exactly when its last heartbeat is 2 * freq old.
fn check_rule(frames: &[(Instant, Json)]) {
    for (_, f) in frames {
        for w in f.as_array().expect("frame array") {
            let (Some(since), Some(freq)) = (w["since_heartbeat"].as_f64(), w["freq"].as_f64())
            else {
                assert_eq!(w["status"], "online", "no heartbeat seen, listed: {w:#}");
                continue;
            };
            let expired = since >= 2.0 * freq;
            let want = if w["answered"] == true || !expired {
                "online"
            } else {
                "missing"
            };
            assert_eq!(w["status"], want, "{w:#}");
        }
    }
}

#[test]
fn real_workers_listed_missing_after_kill_gone_after_stop() {
    let s = RedisServer::start();
    let _g = s.guard();
    let pid = std::process::id();
    let (n1, n2) = (format!("w1-{pid}@ldp-test"), format!("w2-{pid}@ldp-test"));
    // w1: 3 threads on ocr; w2: 2 prefork processes on default (takes the long task).
    let mut w1 = live_worker(&s.url(), &n1, "threads", 3, &["ocr"]);
    let mut w2 = live_worker(&s.url(), &n2, "prefork", 2, &["default"]);
    let doc = random_uuid();
    let release = format!("release-{doc}");
    let task = send_long_task(&s.url(), "default", &doc, &release);

    // Both answering (a worker's first heartbeat can come before its pidbox
    // consumer answers: then it is listed "online (no reply)").
    let j = workers_until(&s, "both workers answering, w2 running the task", |j| {
        worker(j, &n1).is_some_and(|w| w["answered"] == true)
            && worker(j, &n2).is_some_and(|w| {
                w["answered"] == true && w["active"].as_array().is_some_and(|a| !a.is_empty())
            })
    });
    let (a, b) = (worker(&j, &n1).unwrap(), worker(&j, &n2).unwrap());
    assert_eq!(a["status"], "online", "{a:#}");
    assert_eq!(a["concurrency"], 3, "{a:#}");
    assert_eq!(a["pool"], "thread", "{a:#}");
    assert_eq!(a["queues"], serde_json::json!(["ocr"]));
    assert_eq!(a["active"], serde_json::json!([]));
    assert_eq!(b["status"], "online", "{b:#}");
    assert_eq!(b["concurrency"], 2, "{b:#}");
    assert_eq!(b["pool"], "prefork");
    assert_eq!(b["processes"], 2, "two pool processes: {b:#}");
    assert_eq!(b["queues"], serde_json::json!(["default"]));
    assert_eq!(b["pid"], w2.pid().unwrap(), "the main process: {b:#}");
    let t = &b["active"][0];
    assert_eq!(t["name"], "scripts.pdf_tasks.process_pdf_document");
    assert_eq!(t["id"], task.as_str());
    assert_eq!(
        t["document"],
        doc.as_str(),
        "the document from the kwargs: {t:#}"
    );
    assert_eq!(t["queue"], "default");
    assert!(t["runtime"].as_f64().is_some_and(|r| r >= 0.0), "{t:#}");
    assert!(
        t["worker_pid"]
            .as_u64()
            .is_some_and(|p| p != u64::from(w2.pid().unwrap())),
        "a pool child runs it: {t:#}"
    );
    assert_nothing_left(&s);

    // The table names the document too, one record per line in a pipe.
    let table = s.ldp(&["monitor", "workers"]).ok();
    let line = table
        .lines()
        .into_iter()
        .find(|l| l.starts_with(&n2))
        .unwrap_or_else(|| panic!("no record of {n2}: {}", table.stdout));
    assert!(line.contains(&doc) && line.contains(&task), "{line}");

    // Watch; heartbeats arrive every 2 s.
    let watch = Watcher::start(&s, "500ms");
    let mut frames = watch.until("heartbeats of both", |f| {
        [&n1, &n2]
            .iter()
            .all(|n| worker(f, n).is_some_and(|w| w["last_heartbeat"].is_string()))
    });
    // kill -9: no offline event; missing once 2 * freq passed without one.
    w2.stop();
    let killed = Instant::now();
    let after = watch.until("w2 missing", |f| {
        worker(f, &n2).is_some_and(|w| w["status"] == "missing")
    });
    let (seen_at, last) = after.last().unwrap().clone();
    let w = worker(&last, &n2).unwrap();
    assert!(w["since_heartbeat"].as_f64().unwrap() >= 4.0, "{w:#}");
    assert!(
        seen_at.duration_since(killed) < Duration::from_secs(10),
        "missing within a few heartbeat intervals, not {:?}",
        seen_at.duration_since(killed)
    );
    assert_eq!(worker(&last, &n1).unwrap()["status"], "online");
    frames.extend(after);
    // A graceful stop publishes worker-offline: gone at once, never missing.
    w1.terminate();
    let stopped = Instant::now();
    let after = watch.until("w1 gone", |f| worker(f, &n1).is_none());
    let gone_at = after.last().unwrap().0;
    assert!(
        gone_at.duration_since(stopped) < Duration::from_secs(3),
        "gone at once, not after {:?}",
        gone_at.duration_since(stopped)
    );
    for (_, f) in &after {
        if let Some(w) = worker(f, &n1) {
            assert_eq!(w["status"], "online", "never missing: {w:#}");
        }
    }
    assert!(
        worker(&after.last().unwrap().1, &n2).is_some_and(|w| w["status"] == "missing"),
        "the killed one stays missing"
    );
    frames.extend(after);
    check_rule(&frames);
    assert_eq!(watch.interrupt(), 130, "Ctrl-C");
    assert_nothing_left(&s);
}

#[test]
fn interrupted_request_leaves_nothing() {
    let s = RedisServer::start();
    let _g = s.guard();
    // A silent pidbox subscriber: ldp waits the whole --timeout for it.
    let mut conn = s.client();
    let mut sub = conn.as_pubsub();
    sub.psubscribe("/0.celery.pidbox").expect("PSUBSCRIBE");
    // Ctrl-C exits 130, SIGTERM 143; both after removing what ldp bound.
    for (sig, code) in [(libc::SIGINT, 130), (libc::SIGTERM, 143)] {
        let mut child = s
            .ldp_std()
            .args(["monitor", "workers", "--timeout", "60s"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn ldp");
        wait_until("ldp bound its reply queue", Duration::from_secs(30), || {
            let n: u64 = redis::cmd("SCARD")
                .arg("_kombu.binding.reply.celery.pidbox")
                .query(&mut s.client())
                .expect("SCARD");
            n == 1
        });
        // SAFETY: signalling the child we spawned and have not reaped.
        unsafe {
            libc::kill(child.id() as libc::pid_t, sig);
        }
        let st = wait_child(&mut child, Duration::from_secs(30));
        assert_eq!(st.code(), Some(code), "signal {sig}");
        assert_nothing_left(&s);
    }
    // Without a subscriber nobody can answer: no wait at all.
    drop(sub);
    let t = Instant::now();
    let r = s
        .ldp(&["monitor", "workers", "--timeout", "30s", "-o", "json"])
        .ok();
    assert_eq!(r.json(), serde_json::json!([]));
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
    assert_nothing_left(&s);
}

#[test]
fn health_names_the_queue_no_worker_consumes() {
    let s = RedisServer::start();
    let _g = s.guard();
    // Ready messages on ocr and default, no worker yet: CRITICAL.
    Broker::kombu(s.url()).produce(&serde_json::json!([
        {"queue": "ocr", "priority": 5, "count": 3},
    ]));
    let r = s
        .ldp(&["monitor", "health", "-o", "json", "--check", "workers"])
        .fails(2);
    let j = r.json();
    let c = &j["checks"][0];
    assert_eq!(c["status"], "CRITICAL", "{j:#}");
    assert!(c["message"].as_str().unwrap().contains("ocr (3)"), "{c:#}");

    // A worker on default only: WARNING naming ocr.
    let name = format!("h-{}@ldp-test", std::process::id());
    let _w = live_worker(&s.url(), &name, "threads", 1, &["default"]);
    wait_until("the worker answers", SEEN, || {
        let j = s.ldp(&["monitor", "workers", "-o", "json"]).ok().json();
        worker(&j, &name).is_some_and(|w| w["answered"] == true)
    });
    let r = s
        .ldp(&["monitor", "health", "-o", "json", "--check", "workers"])
        .fails(1);
    let j = r.json();
    let checks = j["checks"].as_array().unwrap();
    let warn: Vec<&Json> = checks.iter().filter(|c| c["status"] == "WARNING").collect();
    assert_eq!(warn.len(), 1, "{j:#}");
    assert_eq!(warn[0]["queue"], "ocr");
    assert!(
        warn[0]["message"]
            .as_str()
            .unwrap()
            .contains("queue ocr has 3 ready"),
        "{j:#}"
    );
    let online = checks
        .iter()
        .find(|c| c["status"] == "OK")
        .expect("the OK check");
    assert_eq!(online["value"], "1 online");
    let nagios = s
        .ldp(&["monitor", "health", "-o", "nagios", "--check", "workers"])
        .fails(1);
    assert!(
        nagios
            .first_line()
            .starts_with("LDP WARNING - workers: queue ocr has 3"),
        "{}",
        nagios.stdout
    );
    assert!(
        nagios.first_line().contains("'workers_online'=1"),
        "{}",
        nagios.stdout
    );
    let prom = s
        .ldp(&[
            "monitor",
            "health",
            "-o",
            "prometheus",
            "--check",
            "workers",
        ])
        .fails(1);
    assert!(
        prom.stdout.contains("\nldp_workers_online 1\n"),
        "{}",
        prom.stdout
    );
    assert!(
        prom.stdout
            .contains("ldp_health_check_status{check=\"workers\",queue=\"ocr\"} 1"),
        "{}",
        prom.stdout
    );
    assert_nothing_left(&s);
}
