//! Python interop for the tests: Celery's own producer (`apply_async`) and a
//! real Celery worker, from the helpers in `tests/py/`.
//!
//! The interpreter is `$LDP_TEST_PYTHON`, else `python3`; it needs the
//! packages of `.ci/requirements.txt` (celery[redis]). A worker runs in its
//! own process group, spawned like the servers (`PR_SET_PDEATHSIG`), and the
//! whole group is SIGKILLed when the [`Worker`] drops — also when a test
//! fails — so no worker outlives its test.

use std::fs;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// How long a worker may take to boot and take its messages.
const WORKER_TIMEOUT: Duration = Duration::from_secs(40);

/// The Python interpreter with Celery installed.
pub fn python() -> String {
    std::env::var("LDP_TEST_PYTHON")
        .ok()
        .filter(|p| !p.is_empty())
        .unwrap_or_else(|| "python3".into())
}

/// `tests/py`, where the helpers live.
pub fn py_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("py")
}

/// How the Celery app lays out its broker keys (tests/py/ldp_celery_app.py).
#[derive(Debug, Clone, Default)]
pub struct Broker {
    pub url: String,
    /// `kombu` (steps 0,3,6,9 with \x06\x16) or `colon` (steps 0..9 with ':').
    pub layout: &'static str,
    /// kombu's global_keyprefix, if any.
    pub prefix: Option<String>,
}

impl Broker {
    pub fn kombu(url: String) -> Broker {
        Broker {
            url,
            layout: "kombu",
            prefix: None,
        }
    }

    pub fn colon(url: String) -> Broker {
        Broker {
            url,
            layout: "colon",
            prefix: None,
        }
    }

    fn command(&self) -> Command {
        let mut cmd = python_for(&self.url);
        cmd.current_dir(py_dir())
            .env("LDP_TEST_LAYOUT", self.layout)
            .env_remove("LDP_TEST_PREFIX")
            .stdin(Stdio::null());
        if let Some(p) = &self.prefix {
            cmd.env("LDP_TEST_PREFIX", p);
        }
        cmd
    }

    /// Publish with Celery's `apply_async`: `spec` is a JSON list of
    /// `{"queue", "priority", "count", "task"?: "noop"|"block", "arg"?}`.
    pub fn produce(&self, spec: &serde_json::Value) {
        let out = self
            .command()
            .arg(py_dir().join("produce.py"))
            .arg(spec.to_string())
            .output()
            .unwrap_or_else(|e| panic!("cannot run {} (set LDP_TEST_PYTHON?): {e}", python()));
        assert!(
            out.status.success(),
            "produce.py failed ({}); is celery[redis] installed for {} (pip install -r .ci/requirements.txt)?\n{}",
            out.status,
            python(),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// A real Celery worker on `queues`, `threads` pool with `concurrency`
    /// threads and prefetch multiplier 1, so with `task_acks_late` it holds
    /// exactly `concurrency` unacked messages while its tasks block.
    pub fn worker(&self, queues: &[&str], concurrency: u32) -> Worker {
        let node = format!("ldp-test-{}@%h", std::process::id());
        let concurrency = concurrency.to_string();
        start_worker(
            self.command(),
            "ldp_celery_app",
            queues,
            &[
                "-P",
                "threads",
                "--concurrency",
                &concurrency,
                "--prefetch-multiplier",
                "1",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "-n",
                &node,
            ],
        )
    }
}

/// A Celery worker of `app` on `queues` with `args`, started from `cmd` (a
/// Python with the test apps on its path), logging to a file of its own.
fn start_worker(mut cmd: Command, app: &str, queues: &[&str], args: &[&str]) -> Worker {
    let dir = tempfile::Builder::new()
        .prefix("ldp-celery-")
        .tempdir()
        .expect("temp dir");
    let log = dir.path().join("worker.log");
    let file = fs::File::create(&log).expect("worker log");
    cmd.current_dir(dir.path())
        .args(["-m", "celery", "-A", app, "worker"])
        .args(["-Q", &queues.join(",")])
        .args(args)
        .args(["-l", "info"])
        .stdin(Stdio::null())
        .stdout(file.try_clone().expect("dup log"))
        .stderr(file)
        .process_group(0);
    let child = super::spawn_watched(cmd)
        .unwrap_or_else(|e| panic!("cannot start a Celery worker with {}: {e}", python()));
    Worker {
        child: Some(child),
        log,
        queues: queues.iter().map(|q| q.to_string()).collect(),
        _dir: dir,
    }
}

/// A Python with the test apps on its path, talking to `broker`.
fn python_for(broker: &str) -> Command {
    let mut cmd = Command::new(python());
    cmd.env("PYTHONPATH", py_dir())
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("LDP_TEST_BROKER", broker);
    cmd
}

/// A worker of the pipeline's own app (tests/py/pipeline_app.py: app
/// `pdf_pipeline`, the real task names) on `queues`, solo pool; its tasks
/// record what they ran in `ldp_test:executed`.
pub fn pipeline_worker(broker: &str, queues: &[&str]) -> Worker {
    start_worker(
        python_for(broker),
        "pipeline_app",
        queues,
        &[
            "--pool",
            "solo",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
    )
}

/// A worker of `tests/py/workers_app.py` named `node` (e.g. `w1@ldp-test`)
/// with heartbeats on, as the pipeline runs them (gossip and mingle off, to
/// start faster): `pool` is `threads` or `prefork` with `concurrency`.
pub fn live_worker(
    broker: &str,
    node: &str,
    pool: &str,
    concurrency: u32,
    queues: &[&str],
) -> Worker {
    let concurrency = concurrency.to_string();
    start_worker(
        python_for(broker),
        "workers_app",
        queues,
        &[
            "-P",
            pool,
            "--concurrency",
            &concurrency,
            "-n",
            node,
            "--without-gossip",
            "--without-mingle",
        ],
    )
}

/// Enqueue one long `process_pdf_document` for `document` on `queue` with
/// Celery's own `apply_async` (tests/py/workers_app.py); it runs until the
/// test pushes to `release`. Returns the task id.
pub fn send_long_task(broker: &str, queue: &str, document: &str, release: &str) -> String {
    let out = Command::new(python())
        .current_dir(py_dir())
        .env("PYTHONPATH", py_dir())
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("LDP_TEST_BROKER", broker)
        .arg(py_dir().join("workers_app.py"))
        .args(["send", queue, document, release])
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {} (set LDP_TEST_PYTHON?): {e}", python()));
    assert!(
        out.status.success(),
        "workers_app.py send failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// A Celery worker process group, SIGKILLed on drop.
pub struct Worker {
    child: Option<Child>,
    log: PathBuf,
    /// The queues it consumes (kombu layout, no key prefix).
    queues: Vec<String>,
    _dir: TempDir,
}

impl Worker {
    pub fn log(&self) -> String {
        fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// Poll `cond` until true, failing with the worker's log after the timeout.
    pub fn wait_for(&mut self, what: &str, mut cond: impl FnMut() -> bool) {
        let deadline = Instant::now() + WORKER_TIMEOUT;
        loop {
            if cond() {
                return;
            }
            if let Some(c) = self.child.as_mut()
                && let Ok(Some(status)) = c.try_wait()
            {
                panic!(
                    "the Celery worker exited ({status}) before {what}:\n{}",
                    self.log()
                );
            }
            if Instant::now() >= deadline {
                panic!("timed out waiting for {what}; worker log:\n{}", self.log());
            }
            thread::sleep(Duration::from_millis(50));
        }
    }

    /// The worker's main process id.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// A graceful stop: SIGTERM to the main process (Celery's warm
    /// shutdown), then wait for it to exit; the group is reaped as by `stop`.
    pub fn terminate(&mut self) {
        let log = fs::read_to_string(&self.log).unwrap_or_default();
        if let Some(c) = self.child.as_mut() {
            // SAFETY: signalling the child we spawned and have not reaped.
            unsafe {
                libc::kill(c.id() as libc::pid_t, libc::SIGTERM);
            }
            let deadline = Instant::now() + WORKER_TIMEOUT;
            while !matches!(c.try_wait(), Ok(Some(_))) {
                assert!(
                    Instant::now() < deadline,
                    "the worker did not stop on SIGTERM:\n{log}"
                );
                thread::sleep(Duration::from_millis(20));
            }
        }
        self.stop();
    }

    /// Kill the whole process group and reap the worker.
    pub fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            // SAFETY: signalling the process group we created (pgid = the child's pid).
            unsafe {
                libc::killpg(c.id() as libc::pid_t, libc::SIGKILL);
            }
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Whether the broker on `con` holds nothing more for `w`, judged from one
/// MULTI snapshot: every priority list of its queues is empty, `unacked` is
/// empty (every message delivered was run, then acked: the tasks record
/// before they return), and a connection is blocked in BRPOP (the worker is
/// waiting, so no message sits between its BRPOP and its `unacked` entry).
/// Messages only ever move queue -> worker -> `unacked` -> acked, so from
/// then on nothing produced so far can run again or for the first time.
fn drained(con: &mut redis::Connection, w: &Worker) -> bool {
    let mut p = redis::pipe();
    p.atomic();
    p.cmd("CLIENT").arg("LIST");
    for q in &w.queues {
        // kombu's priority steps 0, 3, 6, 9 (ldp_celery_app / pipeline_app).
        for step in ["", "\x06\x163", "\x06\x166", "\x06\x169"] {
            p.cmd("LLEN").arg(format!("{q}{step}"));
        }
    }
    p.cmd("HLEN").arg("unacked");
    let replies: Vec<redis::Value> = p.query(con).expect("the drained snapshot");
    let (clients, lengths) = replies.split_first().expect("CLIENT LIST's reply");
    let clients = match clients {
        redis::Value::BulkString(b) => String::from_utf8_lossy(b).into_owned(),
        redis::Value::VerbatimString { text, .. } => text.clone(),
        other => panic!("CLIENT LIST answered {other:?}"),
    };
    let waiting = clients.lines().any(|l| {
        let field = |name: &str| {
            l.split(' ')
                .find_map(|f| f.strip_prefix(name))
                .unwrap_or_default()
        };
        field("flags=").contains('b') && field("cmd=") == "brpop"
    });
    let empty = lengths.iter().all(|v| matches!(v, redis::Value::Int(0)));
    waiting && empty
}

/// What the pipeline app's tasks ran (`ldp_test:executed`), once at least
/// `want` have and the broker holds nothing more for `w` (see [`drained`]):
/// a definite end, not a pause, so a duplicate delivery of anything produced
/// so far is in the list.
pub fn executed(s: &super::RedisServer, want: usize, w: &Worker) -> Vec<serde_json::Value> {
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut con = s.client();
    loop {
        let n: usize = redis::cmd("LLEN")
            .arg("ldp_test:executed")
            .query(&mut con)
            .expect("LLEN ldp_test:executed");
        if n >= want && drained(&mut con, w) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "{n} of {want} tasks ran, or the worker never went idle with its queues and \
             unacked empty\n{}",
            w.log()
        );
        thread::sleep(Duration::from_millis(100));
    }
    let items: Vec<String> = redis::cmd("LRANGE")
        .arg("ldp_test:executed")
        .arg(0)
        .arg(-1)
        .query(&mut con)
        .expect("LRANGE ldp_test:executed");
    items
        .iter()
        .map(|i| serde_json::from_str(i).expect("a task record is JSON"))
        .collect()
}
