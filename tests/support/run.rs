//! The run-and-assert half of the harness, modelled on fd's `tests/testenv`:
//! a server (or a [`Target`](super::Target)) runs `ldp` with its own
//! connection options and hands back a finished [`Run`], which asserts.
//!
//! ```ignore
//! let r = s.ldp(&["keys", "scan", "doc:*"]).ok();          // -u URL supplied
//! assert_eq!(r.lines(), ["doc:1"], "{r}");
//! s.ldp(&["keys", "delete", "*", "--yes"]).fails(2);      // exit code asserted
//! let j = tls.ldp(&["monitor", "health", "-o", "json"]).ok().json(); // + --tls-ca
//! s.ldp_cmd(&["cache", "clear", "--docs-from", "-", "--yes"])
//!     .stdin(format!("{doc}\n"))
//!     .env("LDP_CONFIG", path)
//!     .ok();
//! ldp_run(&["completions", "bash"]).ok().stdout_has("_ldp()"); // no server
//! s.broker_ldp(&["monitor", "queues"]).ok();             // --broker-url URL
//! let child = s.ldp_std().args([...]).spawn();            // to signal or race
//! ```
//!
//! Waiting is on conditions ([`wait_until`], [`wait_child`],
//! [`interrupt_after_lines`]), never on a bare sleep.
//! ```
//!
//! Every assertion that fails prints the whole run (args, exit code, stdout,
//! stderr), so a failure message never hides what `ldp` said.
#![allow(dead_code)]

use std::collections::HashSet;
use std::ffi::{OsStr, OsString};
use std::fmt;
use std::path::Path;
use std::process::{Child, ExitStatus};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value as Json;

use super::{Cluster, RedisServer, Target, TlsRedis, ldp};

/// Most stdout bytes [`Run`]'s `Display` prints (the rest is summarised).
const SHOWN_STDOUT: usize = 3000;

// ---------------------------------------------------------------------------
// Run: one finished ldp process
// ---------------------------------------------------------------------------

/// One finished `ldp` run: its arguments, exit code and (UTF-8) output.
#[derive(Clone)]
pub struct Run {
    pub args: Vec<String>,
    /// Environment set (`Some`) or removed (`None`) on top of [`ldp`]'s
    /// clean environment, shown in failure messages.
    pub env: Vec<(String, Option<String>)>,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl fmt::Display for Run {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut cut = self.stdout.len().min(SHOWN_STDOUT);
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
        write!(f, "ldp {:?}", self.args)?;
        for (k, v) in &self.env {
            match v {
                Some(v) => write!(f, "\nenv: {k}={v:?}")?,
                None => write!(f, "\nenv: {k} removed")?,
            }
        }
        write!(
            f,
            "\nexit: {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.code, stdout, self.stderr
        )
    }
}

impl fmt::Debug for Run {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Run {
    /// A `Run` from a process spawned by hand (see [`LdpTarget::ldp_std`]),
    /// `what` standing for its arguments in failure messages. Panics if it
    /// was killed by a signal or printed non-UTF-8.
    #[track_caller]
    pub fn from_output(what: &str, out: std::process::Output) -> Run {
        let args = vec![what.to_string()];
        let text = |b: Vec<u8>, stream: &str| {
            String::from_utf8(b).unwrap_or_else(|e| {
                panic!(
                    "ldp {what}: {stream} is not UTF-8: {:?}",
                    String::from_utf8_lossy(e.as_bytes())
                )
            })
        };
        let stdout = text(out.stdout, "stdout");
        let stderr = text(out.stderr, "stderr");
        let code = out.status.code().unwrap_or_else(|| {
            panic!(
                "ldp {what} was killed by a signal ({:?})\n--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}",
                out.status
            )
        });
        Run {
            args,
            env: Vec::new(),
            code,
            stdout,
            stderr,
        }
    }

    /// Asserts exit 0.
    #[track_caller]
    pub fn ok(self) -> Run {
        assert_eq!(self.code, 0, "expected success:\n{self}");
        self
    }

    /// Asserts exit `code`.
    #[track_caller]
    pub fn fails(self, code: i32) -> Run {
        assert_eq!(self.code, code, "expected exit {code}:\n{self}");
        self
    }

    /// Asserts exit `code` and, since every ldp error is one line on
    /// stderr, that stdout is empty.
    #[track_caller]
    pub fn fails_quietly(self, code: i32) -> Run {
        let r = self.fails(code);
        assert!(r.stdout.is_empty(), "expected nothing on stdout:\n{r}");
        r
    }

    /// stdout as one JSON document.
    #[track_caller]
    pub fn json(&self) -> Json {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not one JSON document ({e}):\n{self}"))
    }

    /// stdout as one JSON value per line.
    #[track_caller]
    pub fn ndjson(&self) -> Vec<Json> {
        self.stdout
            .lines()
            .map(|l| {
                serde_json::from_str(l)
                    .unwrap_or_else(|e| panic!("line {l:?} is not a JSON value ({e}):\n{self}"))
            })
            .collect()
    }

    /// stdout's lines.
    pub fn lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }

    /// stdout, trimmed, parsed as a `T` (a number, say).
    #[track_caller]
    pub fn parsed<T: std::str::FromStr>(&self) -> T
    where
        T::Err: fmt::Display,
    {
        let text = self.stdout.trim();
        text.parse()
            .unwrap_or_else(|e| panic!("stdout {text:?} does not parse ({e}):\n{self}"))
    }

    /// stdout's first line (panics, printing the run, if there is none).
    #[track_caller]
    pub fn first_line(&self) -> &str {
        self.stdout
            .lines()
            .next()
            .unwrap_or_else(|| panic!("no line on stdout:\n{self}"))
    }

    /// stdout's last line (panics, printing the run, if there is none).
    #[track_caller]
    pub fn last_line(&self) -> &str {
        self.stdout
            .lines()
            .last()
            .unwrap_or_else(|| panic!("no line on stdout:\n{self}"))
    }

    /// stderr's lines.
    pub fn stderr_lines(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }

    /// stdout is exactly `expected`, one line each, each once, the last
    /// one terminated (any order).
    #[track_caller]
    pub fn has_exactly_lines(&self, expected: &HashSet<String>) -> &Run {
        let lines: Vec<&str> = self.stdout.lines().collect();
        let got: HashSet<String> = lines.iter().map(|l| l.to_string()).collect();
        let missing: Vec<&String> = expected.difference(&got).take(10).collect();
        let extra: Vec<&String> = got.difference(expected).take(10).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "ldp {:?}: output differs from the expected {} lines\n\
             missing (first 10 of {}): {missing:?}\nextra (first 10 of {}): {extra:?}\nstderr: {}",
            self.args,
            expected.len(),
            expected.difference(&got).count(),
            got.difference(expected).count(),
            self.stderr
        );
        assert_eq!(
            lines.len(),
            expected.len(),
            "ldp {:?}: {} lines for {} distinct keys (duplicates?)",
            self.args,
            lines.len(),
            expected.len()
        );
        assert!(
            self.stdout.is_empty() || self.stdout.ends_with('\n'),
            "last line not terminated:\n{self}"
        );
        self
    }

    #[track_caller]
    pub fn stdout_has(&self, needle: &str) -> &Run {
        assert!(
            self.stdout.contains(needle),
            "stdout lacks {needle:?}:\n{self}"
        );
        self
    }

    #[track_caller]
    pub fn stdout_lacks(&self, needle: &str) -> &Run {
        assert!(
            !self.stdout.contains(needle),
            "stdout has {needle:?}:\n{self}"
        );
        self
    }

    #[track_caller]
    pub fn stderr_has(&self, needle: &str) -> &Run {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{self}"
        );
        self
    }

    #[track_caller]
    pub fn stderr_lacks(&self, needle: &str) -> &Run {
        assert!(
            !self.stderr.contains(needle),
            "stderr has {needle:?}:\n{self}"
        );
        self
    }

    /// Neither stdout nor stderr contains `secret`.
    #[track_caller]
    pub fn never_shows(&self, secret: &str) -> &Run {
        assert!(
            !self.stdout.contains(secret) && !self.stderr.contains(secret),
            "output shows {secret:?}:\n{self}"
        );
        self
    }

    #[track_caller]
    pub fn stdout_empty(&self) -> &Run {
        assert!(
            self.stdout.is_empty(),
            "expected nothing on stdout:\n{self}"
        );
        self
    }

    #[track_caller]
    pub fn stderr_empty(&self) -> &Run {
        assert!(
            self.stderr.is_empty(),
            "expected nothing on stderr:\n{self}"
        );
        self
    }
}

// ---------------------------------------------------------------------------
// Ldp: a run being prepared
// ---------------------------------------------------------------------------

/// An `ldp` invocation being prepared: arguments, stdin, environment. Runs
/// with [`ldp`]'s clean environment and 120 s timeout.
pub struct Ldp {
    cmd: assert_cmd::Command,
    args: Vec<String>,
    env: Vec<(String, Option<String>)>,
}

/// An `ldp` invocation with `args` and no server options.
pub fn ldp_cmd(args: &[&str]) -> Ldp {
    Ldp::new().args(args)
}

/// Runs `ldp args` without a server (usage errors, `--version`, ...).
pub fn ldp_run(args: &[&str]) -> Run {
    ldp_cmd(args).run()
}

impl Default for Ldp {
    fn default() -> Self {
        Self::new()
    }
}

impl Ldp {
    pub fn new() -> Ldp {
        Ldp {
            cmd: ldp(),
            args: Vec::new(),
            env: Vec::new(),
        }
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> Ldp {
        let arg = arg.as_ref();
        self.args.push(arg.to_string_lossy().into_owned());
        self.cmd.arg(arg);
        self
    }

    pub fn args<I, S>(mut self, args: I) -> Ldp
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        for a in args {
            self = self.arg(a);
        }
        self
    }

    /// A path argument (any bytes).
    pub fn path(self, path: impl AsRef<Path>) -> Ldp {
        self.arg(path.as_ref().as_os_str())
    }

    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Ldp {
        self.env.push((
            key.as_ref().to_string_lossy().into_owned(),
            Some(value.as_ref().to_string_lossy().into_owned()),
        ));
        self.cmd.env(key, value);
        self
    }

    pub fn env_remove(mut self, key: impl AsRef<OsStr>) -> Ldp {
        self.env
            .push((key.as_ref().to_string_lossy().into_owned(), None));
        self.cmd.env_remove(key);
        self
    }

    pub fn stdin(mut self, data: impl Into<Vec<u8>>) -> Ldp {
        self.cmd.write_stdin(data.into());
        self
    }

    pub fn timeout(mut self, t: Duration) -> Ldp {
        self.cmd.timeout(t);
        self
    }

    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Ldp {
        self.cmd.current_dir(dir);
        self
    }

    /// Runs to completion. Panics (naming the args) if ldp cannot be
    /// started, is killed by a signal, times out, or prints non-UTF-8.
    #[track_caller]
    pub fn run(mut self) -> Run {
        let args = self.args;
        let out = self
            .cmd
            .output()
            .unwrap_or_else(|e| panic!("ldp {args:?}: could not run it (or it timed out): {e}"));
        let text = |b: Vec<u8>, what: &str| {
            String::from_utf8(b).unwrap_or_else(|e| {
                panic!(
                    "ldp {args:?}: {what} is not UTF-8: {:?}",
                    String::from_utf8_lossy(e.as_bytes())
                )
            })
        };
        let stdout = text(out.stdout, "stdout");
        let stderr = text(out.stderr, "stderr");
        let code = out.status.code().unwrap_or_else(|| {
            panic!("ldp {args:?} was killed by a signal ({:?})\n--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}", out.status)
        });
        Run {
            args,
            env: self.env,
            code,
            stdout,
            stderr,
        }
    }

    /// [`run`](Self::run), asserting exit 0.
    #[track_caller]
    pub fn ok(self) -> Run {
        self.run().ok()
    }

    /// [`run`](Self::run), asserting exit `code`.
    #[track_caller]
    pub fn fails(self, code: i32) -> Run {
        self.run().fails(code)
    }
}

// ---------------------------------------------------------------------------
// Servers that supply their own connection options
// ---------------------------------------------------------------------------

/// Something `ldp` can be pointed at: it supplies `-u URL` (or
/// `--broker-url URL`) and, for TLS, `--tls-ca PATH` itself.
pub trait LdpTarget {
    /// The URL ldp is given.
    fn ldp_url(&self) -> String;

    /// The CA ldp must trust, for a TLS server.
    fn ldp_tls_ca(&self) -> Option<&Path> {
        None
    }

    /// `--tls-ca PATH` when there is a CA.
    fn tls_args(&self) -> Vec<OsString> {
        match self.ldp_tls_ca() {
            Some(ca) => vec!["--tls-ca".into(), ca.as_os_str().to_owned()],
            None => Vec::new(),
        }
    }

    /// The global options connecting ldp to this server.
    fn conn_args(&self) -> Vec<OsString> {
        let mut v: Vec<OsString> = vec!["-u".into(), self.ldp_url().into()];
        v.extend(self.tls_args());
        v
    }

    /// An invocation `ldp <conn_args> args...`, to add stdin or env to.
    fn ldp_cmd(&self, args: &[&str]) -> Ldp {
        Ldp::new().args(self.conn_args()).args(args)
    }

    /// Runs `ldp <conn_args> args...`.
    #[track_caller]
    fn ldp(&self, args: &[&str]) -> Run {
        self.ldp_cmd(args).run()
    }

    /// `ldp <conn_args>` as a plain `std::process::Command` with
    /// [`ldp_std`](super::ldp_std)'s clean environment, for tests that spawn,
    /// signal or race it (collect with [`Run::from_output`]).
    fn ldp_std(&self) -> std::process::Command {
        let mut cmd = super::ldp_std();
        cmd.args(self.conn_args());
        cmd
    }

    /// An invocation `ldp --broker-url URL [--tls-ca PATH] args...`: this
    /// server as the Celery broker.
    fn broker_cmd(&self, args: &[&str]) -> Ldp {
        Ldp::new()
            .args(["--broker-url".into(), OsString::from(self.ldp_url())])
            .args(self.tls_args())
            .args(args)
    }

    /// Runs `ldp --broker-url URL [--tls-ca PATH] args...`.
    #[track_caller]
    fn broker_ldp(&self, args: &[&str]) -> Run {
        self.broker_cmd(args).run()
    }
}

impl LdpTarget for RedisServer {
    fn ldp_url(&self) -> String {
        self.url()
    }
}

impl LdpTarget for Cluster {
    fn ldp_url(&self) -> String {
        self.seed_url()
    }
}

impl LdpTarget for TlsRedis {
    fn ldp_url(&self) -> String {
        self.url()
    }
    fn ldp_tls_ca(&self) -> Option<&Path> {
        Some(self.ca_path())
    }
}

impl LdpTarget for Target<'_> {
    fn ldp_url(&self) -> String {
        self.url()
    }
}

/// A bare URL (deliberately wrong URLs, or servers reached another way).
impl LdpTarget for str {
    fn ldp_url(&self) -> String {
        self.to_string()
    }
}

impl LdpTarget for String {
    fn ldp_url(&self) -> String {
        self.clone()
    }
}

// ---------------------------------------------------------------------------
// JSON accessors that name what they looked at when they panic
// ---------------------------------------------------------------------------

/// The objects of a JSON array (panics on anything else).
#[track_caller]
pub fn objects(v: &Json) -> Vec<&serde_json::Map<String, Json>> {
    v.as_array()
        .unwrap_or_else(|| panic!("expected a JSON array, got {v}"))
        .iter()
        .map(|o| {
            o.as_object()
                .unwrap_or_else(|| panic!("expected an object, got {o}"))
        })
        .collect()
}

#[track_caller]
pub fn str_field<'a>(o: &'a serde_json::Map<String, Json>, name: &str) -> &'a str {
    o.get(name)
        .and_then(Json::as_str)
        .unwrap_or_else(|| panic!("object has no string '{name}': {o:?}"))
}

#[track_caller]
pub fn u64_field(o: &serde_json::Map<String, Json>, name: &str) -> u64 {
    o.get(name)
        .and_then(Json::as_u64)
        .unwrap_or_else(|| panic!("object has no integer '{name}': {o:?}"))
}

/// `v[name]` as an integer (panics naming `v`).
#[track_caller]
pub fn u64_at(v: &Json, name: &str) -> u64 {
    v.get(name)
        .and_then(Json::as_u64)
        .unwrap_or_else(|| panic!("no integer '{name}' in {v}"))
}

/// The element of JSON array `v` whose `field` equals `value`.
#[track_caller]
pub fn find_by<'a>(v: &'a Json, field: &str, value: &str) -> &'a Json {
    v.as_array()
        .unwrap_or_else(|| panic!("expected a JSON array, got {v}"))
        .iter()
        .find(|o| o[field] == value)
        .unwrap_or_else(|| panic!("no element with {field} = {value:?} in {v}"))
}

// ---------------------------------------------------------------------------
// Waiting for conditions and spawned processes (never a bare sleep)
// ---------------------------------------------------------------------------

/// Polls `cond` every 20 ms until it holds; panics naming `what` after
/// `timeout`.
#[track_caller]
pub fn wait_until(what: &str, timeout: Duration, mut cond: impl FnMut() -> bool) {
    let deadline = Instant::now() + timeout;
    while !cond() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        thread::sleep(Duration::from_millis(20));
    }
}

/// Waits up to `timeout` for a spawned ldp to exit; kills it and panics if
/// it does not.
#[track_caller]
pub fn wait_child(child: &mut Child, timeout: Duration) -> ExitStatus {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(st) = child.try_wait().expect("try_wait") {
            return st;
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("ldp did not exit within {timeout:?}");
        }
        thread::sleep(Duration::from_millis(20));
    }
}

/// For a spawned `ldp ... --watch` with stdout piped: waits (up to 60 s)
/// until it has printed `n` lines, sends SIGINT, waits for it to exit and
/// returns the finished run with everything it printed. `what` names the
/// run in failure messages. A condition, not a sleep: the watch is
/// interrupted once it has provably produced `n` frames.
#[track_caller]
pub fn interrupt_after_lines(mut child: Child, n: usize, what: &str) -> Run {
    use std::io::{BufRead, BufReader, Read};
    let stdout = child.stdout.take().expect("spawn ldp with stdout piped");
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = thread::spawn(move || {
        let mut r = BufReader::new(stdout);
        let mut all = String::new();
        let mut seen = 0;
        loop {
            let mut line = String::new();
            match r.read_line(&mut line) {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
            all.push_str(&line);
            seen += 1;
            if seen == n {
                let _ = tx.send(());
            }
        }
        all
    });
    let got = rx.recv_timeout(Duration::from_secs(60));
    // SAFETY: signalling the child we spawned and have not reaped.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
    let status = wait_child(&mut child, Duration::from_secs(30));
    let stdout = reader.join().expect("stdout reader thread");
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut stderr);
    }
    assert!(
        got.is_ok(),
        "ldp {what} printed fewer than {n} lines in 60 s ({status})\n--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}"
    );
    let code = status.code().unwrap_or_else(|| {
        panic!("ldp {what} was killed by a signal ({status})\n--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}")
    });
    Run {
        args: vec![what.to_string()],
        env: Vec::new(),
        code,
        stdout,
        stderr,
    }
}
