//! Real-server test harness: starts throw-away `redis-server` processes
//! (standalone, TLS-only with an ACL user, and a 3-primary cluster) on free
//! loopback ports, each in its own temporary directory.
//!
//! Rules this module enforces for every test binary that does `mod support;`:
//! * only servers started here are ever contacted, always on 127.0.0.1;
//! * ports come from the kernel (port 0) or from a fixed high range, are
//!   checked to be free, never reused within one process and never below
//!   10000;
//! * per-test servers stop on `Drop`; shared fixtures (one per test binary)
//!   are SIGKILLed by an `atexit` handler, and every server is additionally
//!   spawned from a dedicated long-lived thread with
//!   `PR_SET_PDEATHSIG=SIGKILL`, so it dies even if the test process is
//!   SIGKILLed.
//!
//! The run-and-assert half lives in [`run`]: a server (anything
//! [`LdpTarget`]) runs `ldp` with its own connection options and returns a
//! [`Run`] that asserts (`s.ldp(&["keys", "scan", "x:*"]).ok().lines()`);
//! [`ldp_run`] runs without a server. [`seed`] has small binary-safe redis
//! helpers for seeding and inspecting one server.
#![allow(dead_code)]

pub mod intake;
pub mod proxy;
pub mod python;
pub mod run;
pub mod seed;

// Each test binary uses a subset.
#[allow(unused_imports)]
pub use run::{
    Ldp, LdpTarget, Run, find_by, interrupt_after_lines, ldp_cmd, ldp_run, objects, str_field,
    u64_at, u64_field, wait_child, wait_until,
};

use std::collections::HashSet;
use std::collections::hash_map::RandomState;
use std::ffi::OsString;
use std::fs;
use std::hash::{BuildHasher, Hasher};
use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, Once, OnceLock, TryLockError, mpsc};
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use tempfile::TempDir;

/// Binaries used by the harness (looked up on `PATH`).
pub const REDIS_SERVER_BIN: &str = "redis-server";
pub const REDIS_CLI_BIN: &str = "redis-cli";

/// How long a single server may take to answer PING after spawning.
const START_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a freshly created cluster may take to converge.
const CLUSTER_TIMEOUT: Duration = Duration::from_secs(20);
/// Poll interval while waiting for a server.
const POLL: Duration = Duration::from_millis(20);
/// Attempts at starting a server when its port was taken in the meantime.
const BIND_ATTEMPTS: usize = 8;
/// Lines of a log shown by [`LogOnPanic`].
const LOG_TAIL_LINES: usize = 200;
/// Ports below this are never handed out by the harness.
const MIN_PORT: u16 = 10000;
/// Data ports for cluster nodes are drawn from this range; their bus ports
/// (`p + 10000`) then fall in 28000..32700, below the kernel's usual
/// ephemeral range.
const CLUSTER_PORT_RANGE: (u16, u16) = (18000, 22700);
/// Number of hash slots in a Redis cluster.
pub const CLUSTER_SLOTS: usize = 16384;

/// User name of the ACL user configured on [`TlsRedis`].
pub const TLS_USER: &str = "ldpops";

// ---------------------------------------------------------------------------
// Small utilities
// ---------------------------------------------------------------------------

/// A random-looking `u64` (std's randomly keyed SipHash over a counter and
/// the clock; good enough for ports and throw-away passwords).
fn random_u64() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = RandomState::new().build_hasher();
    h.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    h.write_u128(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0),
    );
    h.write_u32(std::process::id());
    h.finish()
}

fn random_password(len: usize) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    (0..len)
        .map(|_| ALPHABET[(random_u64() % ALPHABET.len() as u64) as usize] as char)
        .collect()
}

/// Ports handed out by this process; never handed out twice, so a test that
/// stops a server and then checks the port is closed cannot race with
/// another test starting a server on the same port.
static HANDED_OUT: Mutex<Option<HashSet<u16>>> = Mutex::new(None);

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn can_bind(port: u16) -> bool {
    TcpListener::bind(("127.0.0.1", port)).is_ok()
}

/// Claims `ports` for this process if none was handed out before and all
/// are currently free.
fn claim(ports: &[u16]) -> bool {
    if ports.iter().any(|&p| p < MIN_PORT) {
        return false;
    }
    let mut guard = lock(&HANDED_OUT);
    let used = guard.get_or_insert_with(HashSet::new);
    if ports.iter().any(|p| used.contains(p)) || !ports.iter().all(|&p| can_bind(p)) {
        return false;
    }
    used.extend(ports.iter().copied());
    true
}

/// A free loopback port chosen by the kernel.
pub fn free_port() -> u16 {
    for _ in 0..1000 {
        let listener = TcpListener::bind(("127.0.0.1", 0)).expect("bind 127.0.0.1:0");
        let port = listener.local_addr().expect("local_addr").port();
        drop(listener);
        if claim(&[port]) {
            return port;
        }
    }
    panic!("could not find a free loopback port");
}

/// A free port `p` such that `p + 10000` (the cluster bus port) is free too.
pub fn free_cluster_port() -> u16 {
    let (lo, hi) = CLUSTER_PORT_RANGE;
    for _ in 0..2000 {
        let port = lo + (random_u64() % u64::from(hi - lo)) as u16;
        if claim(&[port, port + 10000]) {
            return port;
        }
    }
    panic!("could not find a free port pair (p, p+10000) in {lo}..{hi}");
}

fn read_log(path: &Path) -> String {
    match fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => format!("<could not read {}: {e}>", path.display()),
    }
}

fn tail_lines(text: &str, n: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.len().saturating_sub(n);
    let mut out = String::new();
    if start > 0 {
        out.push_str(&format!("[... {start} earlier lines omitted ...]\n"));
    }
    for line in &lines[start..] {
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// A per-process unique key prefix such as `t-scan-3-4242:`, to isolate
/// tests that share a server. `tag` is sanitised to `[A-Za-z0-9_-]`, so the
/// prefix never contains glob metacharacters or hash-tag braces.
pub fn unique_prefix(tag: &str) -> String {
    static N: AtomicU64 = AtomicU64::new(0);
    let tag: String = tag
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let n = N.fetch_add(1, Ordering::Relaxed);
    format!("t-{tag}-{n}-{}:", std::process::id())
}

// ---------------------------------------------------------------------------
// Process spawning and clean-up
// ---------------------------------------------------------------------------

type SpawnRequest = (Command, mpsc::Sender<io::Result<Child>>);

/// Spawns `cmd` from a dedicated thread that lives as long as the process,
/// with `PR_SET_PDEATHSIG=SIGKILL`: the child is killed by the kernel when
/// that thread (i.e. the test process) dies, even by SIGKILL. (The death
/// signal is tied to the spawning *thread*, which is why test threads must
/// not spawn servers themselves.)
fn spawn_watched(mut cmd: Command) -> io::Result<Child> {
    static SPAWNER: OnceLock<Mutex<mpsc::Sender<SpawnRequest>>> = OnceLock::new();
    let parent = std::process::id() as libc::pid_t;
    // SAFETY: the closure only calls async-signal-safe functions (prctl,
    // getppid) and does not allocate.
    unsafe {
        cmd.pre_exec(move || {
            if libc::prctl(
                libc::PR_SET_PDEATHSIG,
                libc::SIGKILL as libc::c_ulong,
                0 as libc::c_ulong,
                0 as libc::c_ulong,
                0 as libc::c_ulong,
            ) != 0
            {
                return Err(io::Error::last_os_error());
            }
            // The parent may have died between fork and prctl.
            if libc::getppid() != parent {
                return Err(io::Error::from_raw_os_error(libc::ESRCH));
            }
            Ok(())
        });
    }
    let sender = SPAWNER.get_or_init(|| {
        let (tx, rx) = mpsc::channel::<SpawnRequest>();
        thread::Builder::new()
            .name("redis-spawner".into())
            .spawn(move || {
                for (mut cmd, reply) in rx {
                    let _ = reply.send(cmd.spawn());
                }
            })
            .expect("start redis-spawner thread");
        Mutex::new(tx)
    });
    let (reply_tx, reply_rx) = mpsc::channel();
    lock(sender)
        .send((cmd, reply_tx))
        .expect("redis-spawner thread is gone");
    reply_rx.recv().expect("redis-spawner thread is gone")
}

/// Processes (and their directories) of shared fixtures, killed at exit.
static EXIT_KILL_LIST: Mutex<Vec<(i32, PathBuf)>> = Mutex::new(Vec::new());

extern "C" fn kill_shared_fixtures() {
    let list = match EXIT_KILL_LIST.try_lock() {
        Ok(mut g) => std::mem::take(&mut *g),
        Err(TryLockError::Poisoned(p)) => std::mem::take(&mut *p.into_inner()),
        // Someone holds the lock while the process exits: leave it to
        // PDEATHSIG rather than risk a deadlock.
        Err(TryLockError::WouldBlock) => return,
    };
    for (pid, dir) in list {
        // SAFETY: plain syscalls on a child pid we spawned and never reaped.
        unsafe {
            libc::kill(pid, libc::SIGKILL);
            libc::waitpid(pid, std::ptr::null_mut(), 0);
        }
        let _ = fs::remove_dir_all(&dir);
    }
}

fn register_for_exit(server: &RedisServer) {
    if let Some(pid) = server.pid() {
        register_pid_for_exit(pid, server.dir());
    }
}

/// SIGKILL `pid` and remove `dir` when the test process exits.
fn register_pid_for_exit(pid: i32, dir: &Path) {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        // SAFETY: registering a plain `extern "C" fn()`.
        let rc = unsafe { libc::atexit(kill_shared_fixtures) };
        assert_eq!(rc, 0, "libc::atexit failed");
    });
    lock(&EXIT_KILL_LIST).push((pid, dir.to_path_buf()));
}

// ---------------------------------------------------------------------------
// Log-on-panic guard
// ---------------------------------------------------------------------------

/// Prints a fixture's log to stderr when dropped during a panic, so a failing
/// test shows what the server saw. Create with [`log_on_panic`] or a
/// fixture's `guard()` and keep it alive for the test: `let _g = s.guard();`.
pub struct LogOnPanic<'a> {
    label: String,
    max_lines: usize,
    log: Box<dyn Fn() -> String + 'a>,
}

impl Drop for LogOnPanic<'_> {
    fn drop(&mut self) {
        if thread::panicking() {
            let text = (self.log)();
            eprintln!(
                "\n======== {} log (last {} lines) ========\n{}======== end of {} log ========",
                self.label,
                self.max_lines,
                tail_lines(&text, self.max_lines),
                self.label
            );
        }
    }
}

/// A guard printing the last ~200 lines of `log()` if the test panics.
pub fn log_on_panic<'a>(log: impl Fn() -> String + 'a) -> LogOnPanic<'a> {
    LogOnPanic {
        label: "redis fixture".into(),
        max_lines: LOG_TAIL_LINES,
        log: Box::new(log),
    }
}

// ---------------------------------------------------------------------------
// RedisServer
// ---------------------------------------------------------------------------

/// One `redis-server` process in its own temporary directory, listening on
/// 127.0.0.1 only. Stopped on `Drop`.
pub struct RedisServer {
    child: Option<Child>,
    port: u16,
    dir: TempDir,
    /// `--requirepass` value, if any (used by [`RedisServer::client`]).
    password: Option<String>,
    what: String,
}

enum StartError {
    AddrInUse,
    Fatal(String),
}

/// Minimal PING over plain TCP; any RESP reply (`+PONG`, `-NOAUTH`, ...)
/// counts as "answering".
fn raw_ping(port: u16) -> Result<(), String> {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let mut s = TcpStream::connect_timeout(&addr, Duration::from_millis(500))
        .map_err(|e| format!("connect: {e}"))?;
    s.set_read_timeout(Some(Duration::from_millis(500))).ok();
    s.write_all(b"*1\r\n$4\r\nPING\r\n")
        .map_err(|e| format!("write: {e}"))?;
    let mut buf = [0u8; 64];
    let n = s.read(&mut buf).map_err(|e| format!("read: {e}"))?;
    match buf[..n].first() {
        Some(b'+') | Some(b'-') => Ok(()),
        _ => Err(format!(
            "unexpected reply {:?}",
            String::from_utf8_lossy(&buf[..n])
        )),
    }
}

fn kill_and_reap(child: &mut Child) {
    let _ = child.kill();
    let _ = child.wait();
}

fn args_display(args: &[OsString]) -> String {
    args.iter()
        .map(|a| {
            let s = a.to_string_lossy();
            if s.is_empty() {
                "\"\"".to_string()
            } else {
                s.into_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Waits until the server process logged that it is listening and then
/// answers `ping`. Only once our own process logged "Ready to accept
/// connections" do we talk to the port: then the port is certainly ours.
fn wait_ready(
    child: &mut Child,
    port: u16,
    log_path: &Path,
    ping: &dyn Fn(u16) -> Result<(), String>,
) -> Result<(), StartError> {
    let deadline = Instant::now() + START_TIMEOUT;
    let mut last_error = String::from("log never said 'Ready to accept connections'");
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                return if read_log(log_path).contains("Address already in use") {
                    Err(StartError::AddrInUse)
                } else {
                    Err(StartError::Fatal(format!(
                        "process exited early ({status})"
                    )))
                };
            }
            Ok(None) => {}
            Err(e) => return Err(StartError::Fatal(format!("try_wait: {e}"))),
        }
        if read_log(log_path).contains("Ready to accept connections") {
            match ping(port) {
                Ok(()) => return Ok(()),
                Err(e) => last_error = e,
            }
        }
        if Instant::now() >= deadline {
            return Err(StartError::Fatal(format!(
                "no answer to PING within {START_TIMEOUT:?} (last error: {last_error})"
            )));
        }
        thread::sleep(POLL);
    }
}

impl RedisServer {
    /// A plain standalone server (`--save "" --appendonly no`).
    pub fn start() -> RedisServer {
        Self::start_with(&[])
    }

    /// Like [`start`](Self::start) with extra command-line configuration,
    /// e.g. `&["--maxmemory", "2mb"]`, `&["--requirepass", "pw"]`,
    /// `&["--enable-debug-command", "local"]`. A `--requirepass` value is
    /// remembered and used by [`client`](Self::client).
    pub fn start_with(extra: &[&str]) -> RedisServer {
        let password = extra
            .iter()
            .position(|a| *a == "--requirepass")
            .and_then(|i| extra.get(i + 1))
            .map(|s| s.to_string());
        let extra: Vec<OsString> = extra.iter().map(OsString::from).collect();
        Self::launch(
            "standalone redis-server",
            tempdir("ldp-redis-"),
            free_port,
            &|port| {
                let mut args = vec!["--port".into(), port.to_string().into()];
                args.extend(extra.iter().cloned());
                args
            },
            &raw_ping,
            password,
        )
    }

    /// A node for [`Cluster`]: cluster mode, data port and bus port free.
    fn start_cluster_node() -> RedisServer {
        Self::launch(
            "cluster redis-server",
            tempdir("ldp-redis-cluster-"),
            free_cluster_port,
            &|port| {
                [
                    "--port",
                    &port.to_string(),
                    "--cluster-enabled",
                    "yes",
                    "--cluster-config-file",
                    "nodes.conf",
                    "--cluster-node-timeout",
                    "1000",
                ]
                .iter()
                .map(OsString::from)
                .collect()
            },
            &raw_ping,
            None,
        )
    }

    /// Spawns redis-server in `dir` with the common options plus
    /// `specific(port)`, retrying with a new port if the chosen one was
    /// taken in the meantime, and waits until `ping(port)` succeeds.
    fn launch(
        what: &str,
        dir: TempDir,
        pick_port: fn() -> u16,
        specific: &dyn Fn(u16) -> Vec<OsString>,
        ping: &dyn Fn(u16) -> Result<(), String>,
        password: Option<String>,
    ) -> RedisServer {
        let log_path = dir.path().join("redis.log");
        let mut failures = String::new();
        for attempt in 1..=BIND_ATTEMPTS {
            let port = pick_port();
            let _ = fs::remove_file(&log_path);
            let mut args: Vec<OsString> = vec![
                "--bind".into(),
                "127.0.0.1".into(),
                "--dir".into(),
                dir.path().into(),
                "--logfile".into(),
                log_path.clone().into(),
                "--save".into(),
                "".into(),
                "--appendonly".into(),
                "no".into(),
                "--daemonize".into(),
                "no".into(),
            ];
            args.extend(specific(port));
            let mut cmd = Command::new(REDIS_SERVER_BIN);
            cmd.args(&args)
                .current_dir(dir.path())
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null());
            let mut child = spawn_watched(cmd).unwrap_or_else(|e| {
                panic!(
                    "could not spawn {REDIS_SERVER_BIN} (is redis-server installed and on PATH?): {e}"
                )
            });
            match wait_ready(&mut child, port, &log_path, ping) {
                Ok(()) => {
                    return RedisServer {
                        child: Some(child),
                        port,
                        dir,
                        password,
                        what: what.to_string(),
                    };
                }
                Err(StartError::AddrInUse) => {
                    kill_and_reap(&mut child);
                    failures.push_str(&format!("attempt {attempt}: port {port} already in use\n"));
                }
                Err(StartError::Fatal(msg)) => {
                    kill_and_reap(&mut child);
                    panic!(
                        "{what} on 127.0.0.1:{port} failed to start: {msg}\n\
                         command: {REDIS_SERVER_BIN} {}\n{failures}\
                         ---- redis log ----\n{}---- end of redis log ----",
                        args_display(&args),
                        tail_lines(&read_log(&log_path), LOG_TAIL_LINES)
                    );
                }
            }
        }
        panic!("{what}: gave up after {BIND_ATTEMPTS} port collisions:\n{failures}");
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// `redis://127.0.0.1:PORT/0` (no password even with `--requirepass`).
    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/0", self.port)
    }

    /// A sync redis-rs connection (plain TCP), authenticated with the
    /// `--requirepass` value if the server was started with one.
    pub fn client(&self) -> redis::Connection {
        self.try_client()
            .unwrap_or_else(|e| panic!("could not connect to {} at {}: {e}", self.what, self.url()))
    }

    pub fn try_client(&self) -> redis::RedisResult<redis::Connection> {
        let client = redis::Client::open(self.url())?;
        let mut con = client.get_connection_with_timeout(Duration::from_secs(5))?;
        if let Some(pw) = &self.password {
            redis::cmd("AUTH").arg(pw).query::<()>(&mut con)?;
        }
        Ok(con)
    }

    /// Contents of the server's log file.
    pub fn log(&self) -> String {
        read_log(&self.log_path())
    }

    pub fn log_path(&self) -> PathBuf {
        self.dir.path().join("redis.log")
    }

    /// The server's working directory (`--dir`).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn pid(&self) -> Option<i32> {
        self.child.as_ref().map(|c| c.id() as i32)
    }

    pub fn is_running(&mut self) -> bool {
        match self.child.as_mut() {
            Some(c) => matches!(c.try_wait(), Ok(None)),
            None => false,
        }
    }

    /// SIGTERM, wait up to 3 s, then SIGKILL; always reaps the process.
    /// Idempotent; also called on `Drop`.
    pub fn stop(&mut self) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        if let Ok(None) = child.try_wait() {
            // SAFETY: signalling our own, not yet reaped child.
            unsafe {
                libc::kill(child.id() as libc::pid_t, libc::SIGTERM);
            }
            let deadline = Instant::now() + Duration::from_secs(3);
            while Instant::now() < deadline {
                if let Ok(Some(_)) = child.try_wait() {
                    return;
                }
                thread::sleep(Duration::from_millis(10));
            }
            let _ = child.kill();
        }
        let _ = child.wait();
    }

    /// Prints this server's log if the test panics while the guard lives.
    pub fn guard(&self) -> LogOnPanic<'_> {
        LogOnPanic {
            label: format!("{} 127.0.0.1:{}", self.what, self.port),
            max_lines: LOG_TAIL_LINES,
            log: Box::new(move || self.log()),
        }
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.stop();
    }
}

fn tempdir(prefix: &str) -> TempDir {
    tempfile::Builder::new()
        .prefix(prefix)
        .tempdir()
        .expect("create temp dir")
}

// ---------------------------------------------------------------------------
// TlsRedis
// ---------------------------------------------------------------------------

fn install_rustls_provider() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // Err only means some provider is already installed, which is fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

fn tls_connect(
    port: u16,
    user: &str,
    password: &str,
    ca_pem: &[u8],
) -> redis::RedisResult<redis::Connection> {
    install_rustls_provider();
    let url = format!("rediss://{user}:{password}@127.0.0.1:{port}/0");
    let client = redis::Client::build_with_tls(
        url.as_str(),
        redis::TlsCertificates {
            client_tls: None,
            root_cert: Some(ca_pem.to_vec()),
        },
    )?;
    client.get_connection_with_timeout(Duration::from_secs(5))
}

struct TlsFiles {
    ca: PathBuf,
    ca_pem: Vec<u8>,
    cert: PathBuf,
    key: PathBuf,
}

/// A fresh CA and a server certificate for `127.0.0.1` / `localhost`
/// signed by it, written as PEM files into `dir`.
fn make_tls_files(dir: &Path) -> TlsFiles {
    use rcgen::{
        BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer,
        KeyPair, KeyUsagePurpose,
    };
    let ca_key = KeyPair::generate().expect("generate CA key");
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).expect("CA params");
    ca_params
        .distinguished_name
        .push(DnType::CommonName, "ldp test CA");
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    let ca_cert = ca_params.self_signed(&ca_key).expect("self-sign CA");
    let issuer = Issuer::new(ca_params, ca_key);

    let server_key = KeyPair::generate().expect("generate server key");
    let mut params = CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".to_string()])
        .expect("server params");
    params
        .distinguished_name
        .push(DnType::CommonName, "ldp test redis");
    params.is_ca = IsCa::ExplicitNoCa;
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    params.use_authority_key_identifier_extension = true;
    let server_cert = params
        .signed_by(&server_key, &issuer)
        .expect("sign server cert");

    let files = TlsFiles {
        ca: dir.join("ca.pem"),
        ca_pem: ca_cert.pem().into_bytes(),
        cert: dir.join("server.pem"),
        key: dir.join("server.key"),
    };
    fs::write(&files.ca, &files.ca_pem).expect("write ca.pem");
    fs::write(&files.cert, server_cert.pem()).expect("write server.pem");
    fs::write(&files.key, server_key.serialize_pem()).expect("write server.key");
    files
}

/// A TLS-only redis-server (plain port disabled) whose only enabled user is
/// [`TLS_USER`] with a random password; the `default` user is off, so a
/// missing or wrong password fails authentication. No client certificates.
pub struct TlsRedis {
    server: RedisServer,
    ca: PathBuf,
    ca_pem: Vec<u8>,
    password: String,
}

impl TlsRedis {
    pub fn start() -> TlsRedis {
        let dir = tempdir("ldp-redis-tls-");
        let files = make_tls_files(dir.path());
        let password = random_password(24);
        let acl = dir.path().join("users.acl");
        fs::write(
            &acl,
            format!("user default off\nuser {TLS_USER} on >{password} ~* &* +@all\n"),
        )
        .expect("write users.acl");
        let specific = |port: u16| -> Vec<OsString> {
            vec![
                "--port".into(),
                "0".into(),
                "--tls-port".into(),
                port.to_string().into(),
                "--tls-cert-file".into(),
                files.cert.clone().into(),
                "--tls-key-file".into(),
                files.key.clone().into(),
                "--tls-ca-cert-file".into(),
                files.ca.clone().into(),
                "--tls-auth-clients".into(),
                "no".into(),
                "--aclfile".into(),
                acl.clone().into(),
            ]
        };
        let ping = |port: u16| -> Result<(), String> {
            let mut con =
                tls_connect(port, TLS_USER, &password, &files.ca_pem).map_err(|e| e.to_string())?;
            redis::cmd("PING")
                .query::<String>(&mut con)
                .map_err(|e| e.to_string())
                .and_then(|r| {
                    if r == "PONG" {
                        Ok(())
                    } else {
                        Err(format!("PING answered {r:?}"))
                    }
                })
        };
        let server =
            RedisServer::launch("TLS redis-server", dir, free_port, &specific, &ping, None);
        TlsRedis {
            server,
            ca: files.ca,
            ca_pem: files.ca_pem,
            password,
        }
    }

    /// The TLS port (there is no plain port).
    pub fn port(&self) -> u16 {
        self.server.port
    }

    /// PEM file of the CA that signed the server certificate.
    pub fn ca_path(&self) -> &Path {
        &self.ca
    }

    pub fn ca_pem(&self) -> &[u8] {
        &self.ca_pem
    }

    pub fn username(&self) -> &str {
        TLS_USER
    }

    pub fn password(&self) -> &str {
        &self.password
    }

    /// `rediss://ldpops:<password>@127.0.0.1:PORT/0`
    pub fn url(&self) -> String {
        format!(
            "rediss://{TLS_USER}:{}@127.0.0.1:{}/0",
            self.password, self.server.port
        )
    }

    /// `rediss://ldpops@127.0.0.1:PORT/0`
    pub fn url_without_password(&self) -> String {
        format!("rediss://{TLS_USER}@127.0.0.1:{}/0", self.server.port)
    }

    /// A sync redis-rs TLS connection as `ldpops`, trusting only the test CA.
    pub fn client(&self) -> redis::Connection {
        tls_connect(self.server.port, TLS_USER, &self.password, &self.ca_pem)
            .unwrap_or_else(|e| panic!("TLS connect to 127.0.0.1:{}: {e}", self.server.port))
    }

    /// Runs each command (`[name, arg, ...]`, binary-safe) in one pipeline;
    /// panics on any error.
    pub fn seed(&self, cmds: &[Vec<Vec<u8>>]) {
        if cmds.is_empty() {
            return;
        }
        let mut pipe = redis::pipe();
        for c in cmds {
            let (name, args) = c.split_first().expect("empty command in seed()");
            let cmd = pipe.cmd(std::str::from_utf8(name).expect("command name is UTF-8"));
            for a in args {
                cmd.arg(&a[..]);
            }
        }
        let mut con = self.client();
        pipe.query::<Vec<redis::Value>>(&mut con)
            .unwrap_or_else(|e| panic!("TlsRedis::seed failed: {e}"));
    }

    pub fn log(&self) -> String {
        self.server.log()
    }

    pub fn dir(&self) -> &Path {
        self.server.dir()
    }

    pub fn stop(&mut self) {
        self.server.stop();
    }

    pub fn guard(&self) -> LogOnPanic<'_> {
        self.server.guard()
    }
}

// ---------------------------------------------------------------------------
// Cluster
// ---------------------------------------------------------------------------

/// Hash slot of `key` (CRC16-XMODEM mod 16384, honouring `{hash tags}`:
/// if the key has a `{` followed later by a `}` with at least one byte in
/// between, only the bytes between the first `{` and the next `}` are hashed).
pub fn key_slot(key: &[u8]) -> u16 {
    let hashed = match key.iter().position(|&b| b == b'{') {
        Some(open) => match key[open + 1..].iter().position(|&b| b == b'}') {
            Some(len) if len > 0 => &key[open + 1..open + 1 + len],
            _ => key,
        },
        None => key,
    };
    crc16::State::<crc16::XMODEM>::calculate(hashed) % CLUSTER_SLOTS as u16
}

fn value_int(v: &redis::Value) -> Option<i64> {
    match v {
        redis::Value::Int(i) => Some(*i),
        redis::Value::BulkString(b) => std::str::from_utf8(b).ok()?.parse().ok(),
        redis::Value::SimpleString(s) => s.parse().ok(),
        _ => None,
    }
}

/// `(start, end, port of the primary)` for every range in CLUSTER SLOTS.
pub fn cluster_slots(con: &mut redis::Connection) -> Result<Vec<(u16, u16, u16)>, String> {
    let v: redis::Value = redis::cmd("CLUSTER")
        .arg("SLOTS")
        .query(con)
        .map_err(|e| format!("CLUSTER SLOTS: {e}"))?;
    let redis::Value::Array(ranges) = v else {
        return Err(format!("CLUSTER SLOTS: unexpected reply {v:?}"));
    };
    let mut out = Vec::new();
    for r in &ranges {
        let parsed = (|| {
            let redis::Value::Array(items) = r else {
                return None;
            };
            let start = value_int(items.first()?)?;
            let end = value_int(items.get(1)?)?;
            let redis::Value::Array(primary) = items.get(2)? else {
                return None;
            };
            let port = value_int(primary.get(1)?)?;
            Some((start as u16, end as u16, port as u16))
        })();
        out.push(parsed.ok_or_else(|| format!("CLUSTER SLOTS: cannot parse entry {r:?}"))?);
    }
    Ok(out)
}

/// Three cluster primaries on 127.0.0.1, no replicas, all 16384 slots
/// assigned. Nodes stop on `Drop`.
pub struct Cluster {
    nodes: Vec<RedisServer>,
    /// Index into `nodes` of the owner of each slot.
    slot_owner: Vec<u8>,
}

impl Cluster {
    pub fn start() -> Cluster {
        let nodes: Vec<RedisServer> = (0..3).map(|_| RedisServer::start_cluster_node()).collect();
        let mut cluster = Cluster {
            nodes,
            slot_owner: Vec::new(),
        };
        cluster.create();
        cluster.wait_converged();
        cluster
    }

    fn fail(&self, msg: &str) -> ! {
        panic!(
            "cluster on ports {:?}: {msg}\n{}",
            self.ports(),
            self.log_tails(60)
        );
    }

    fn create(&self) {
        let out_path = self.nodes[0].dir().join("cluster-create.out");
        let out = fs::File::create(&out_path).expect("create cluster-create.out");
        let mut cmd = Command::new(REDIS_CLI_BIN);
        cmd.arg("--cluster").arg("create");
        for p in self.ports() {
            cmd.arg(format!("127.0.0.1:{p}"));
        }
        cmd.args(["--cluster-replicas", "0", "--cluster-yes"])
            .stdin(Stdio::null())
            .stdout(out.try_clone().expect("dup file"))
            .stderr(out);
        let mut child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("could not spawn {REDIS_CLI_BIN}: {e}"));
        let deadline = Instant::now() + CLUSTER_TIMEOUT;
        let status = loop {
            if let Some(status) = child.try_wait().expect("try_wait redis-cli") {
                break status;
            }
            if Instant::now() >= deadline {
                let _ = child.kill();
                let _ = child.wait();
                self.fail(&format!(
                    "redis-cli --cluster create timed out; its output:\n{}",
                    read_log(&out_path)
                ));
            }
            thread::sleep(POLL);
        };
        if !status.success() {
            self.fail(&format!(
                "redis-cli --cluster create failed ({status}); its output:\n{}",
                read_log(&out_path)
            ));
        }
    }

    /// Waits until every node reports `cluster_state:ok` and sees all 16384
    /// slots served by the three nodes; then records the slot map.
    fn wait_converged(&mut self) {
        let deadline = Instant::now() + CLUSTER_TIMEOUT;
        let ports = self.ports();
        loop {
            match self.check_converged(&ports) {
                Ok(owner) => {
                    self.slot_owner = owner;
                    return;
                }
                Err(e) if Instant::now() >= deadline => {
                    self.fail(&format!("not converged within {CLUSTER_TIMEOUT:?}: {e}"))
                }
                Err(_) => thread::sleep(Duration::from_millis(50)),
            }
        }
    }

    fn check_converged(&self, ports: &[u16]) -> Result<Vec<u8>, String> {
        let mut first_view: Option<Vec<u8>> = None;
        for node in &self.nodes {
            let mut con = node.try_client().map_err(|e| e.to_string())?;
            let info: String = redis::cmd("CLUSTER")
                .arg("INFO")
                .query(&mut con)
                .map_err(|e| e.to_string())?;
            if !info.contains("cluster_state:ok") {
                return Err(format!("node {} not ok:\n{info}", node.port()));
            }
            let mut owner = vec![u8::MAX; CLUSTER_SLOTS];
            for (start, end, port) in cluster_slots(&mut con)? {
                let idx = ports
                    .iter()
                    .position(|&p| p == port)
                    .ok_or_else(|| format!("node {} reports unknown port {port}", node.port()))?;
                for slot in start..=end {
                    owner[slot as usize] = idx as u8;
                }
            }
            if let Some(missing) = owner.iter().position(|&o| o == u8::MAX) {
                return Err(format!(
                    "node {} does not see slot {missing} covered",
                    node.port()
                ));
            }
            for (idx, port) in ports.iter().enumerate() {
                if !owner.contains(&(idx as u8)) {
                    return Err(format!("node {} sees no slots on node {port}", node.port(),));
                }
            }
            match &first_view {
                None => first_view = Some(owner),
                Some(f) if *f != owner => {
                    return Err(format!("node {} has a different slot map", node.port()));
                }
                Some(_) => {}
            }
        }
        first_view.ok_or_else(|| "no nodes".to_string())
    }

    pub fn ports(&self) -> Vec<u16> {
        self.nodes.iter().map(|n| n.port()).collect()
    }

    /// URL of the first node.
    pub fn seed_url(&self) -> String {
        self.nodes[0].url()
    }

    pub fn urls(&self) -> Vec<String> {
        self.nodes.iter().map(|n| n.url()).collect()
    }

    pub fn node(&self, i: usize) -> &RedisServer {
        &self.nodes[i]
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Index of the node owning `key`'s slot.
    pub fn node_for_key(&self, key: &[u8]) -> usize {
        self.slot_owner[key_slot(key) as usize] as usize
    }

    /// SETs every pair on the node that owns its slot, pipelined per node.
    pub fn set_many(&self, kv: &[(Vec<u8>, Vec<u8>)]) {
        let mut per_node: Vec<Vec<&(Vec<u8>, Vec<u8>)>> = vec![Vec::new(); self.nodes.len()];
        for pair in kv {
            per_node[self.node_for_key(&pair.0)].push(pair);
        }
        for (i, pairs) in per_node.iter().enumerate() {
            if pairs.is_empty() {
                continue;
            }
            let mut con = self.nodes[i].client();
            for chunk in pairs.chunks(1000) {
                let mut pipe = redis::pipe();
                for (k, v) in chunk {
                    pipe.cmd("SET").arg(&k[..]).arg(&v[..]).ignore();
                }
                pipe.query::<()>(&mut con).unwrap_or_else(|e| {
                    panic!(
                        "Cluster::set_many on node {} (127.0.0.1:{}): {e}",
                        i,
                        self.nodes[i].port()
                    )
                });
            }
        }
    }

    /// Runs one keyed command on the node owning `key`. `args` is the whole
    /// command including its name, e.g. `exec(b"k", &[b"HSET", b"k", b"f",
    /// b"v"])`; `key` only selects the node and must appear in `args`.
    /// Panics on a connection or server error (see [`try_exec`](Self::try_exec)).
    pub fn exec(&self, key: &[u8], args: &[&[u8]]) -> redis::Value {
        self.try_exec(key, args).unwrap_or_else(|e| {
            panic!(
                "Cluster::exec {:?} on 127.0.0.1:{}: {e}",
                args.iter()
                    .map(|a| String::from_utf8_lossy(a))
                    .collect::<Vec<_>>(),
                self.nodes[self.node_for_key(key)].port()
            )
        })
    }

    pub fn try_exec(&self, key: &[u8], args: &[&[u8]]) -> redis::RedisResult<redis::Value> {
        assert!(
            args.contains(&key),
            "Cluster::exec: args must be the full command and contain the key {:?}",
            String::from_utf8_lossy(key)
        );
        let (name, rest) = args.split_first().expect("Cluster::exec: empty command");
        let mut cmd = redis::cmd(std::str::from_utf8(name).expect("command name is UTF-8"));
        for a in rest {
            cmd.arg(*a);
        }
        let mut con = self.nodes[self.node_for_key(key)].try_client()?;
        cmd.query(&mut con)
    }

    /// All node logs, each with a header line.
    pub fn log(&self) -> String {
        self.nodes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                format!(
                    "==== cluster node {i} (127.0.0.1:{}) ====\n{}",
                    n.port(),
                    n.log()
                )
            })
            .collect()
    }

    fn log_tails(&self, lines: usize) -> String {
        self.nodes
            .iter()
            .enumerate()
            .map(|(i, n)| {
                format!(
                    "==== cluster node {i} (127.0.0.1:{}) ====\n{}",
                    n.port(),
                    tail_lines(&n.log(), lines)
                )
            })
            .collect()
    }

    /// Kills primary `i` (for failure tests); the others keep running.
    pub fn stop_node(&mut self, i: usize) {
        self.nodes[i].stop();
    }

    /// Prints the last lines of every node's log if the test panics.
    pub fn guard(&self) -> LogOnPanic<'_> {
        let per_node = LOG_TAIL_LINES / self.nodes.len().max(1);
        LogOnPanic {
            label: format!("cluster {:?}", self.ports()),
            max_lines: usize::MAX,
            log: Box::new(move || self.log_tails(per_node)),
        }
    }
}

// ---------------------------------------------------------------------------
// Shared fixtures (one per test binary, killed at process exit)
// ---------------------------------------------------------------------------

pub fn shared_standalone() -> &'static RedisServer {
    static S: OnceLock<RedisServer> = OnceLock::new();
    S.get_or_init(|| {
        let s = RedisServer::start();
        register_for_exit(&s);
        s
    })
}

pub fn shared_tls() -> &'static TlsRedis {
    static S: OnceLock<TlsRedis> = OnceLock::new();
    S.get_or_init(|| {
        let s = TlsRedis::start();
        register_for_exit(&s.server);
        s
    })
}

pub fn shared_cluster() -> &'static Cluster {
    static S: OnceLock<Cluster> = OnceLock::new();
    S.get_or_init(|| {
        let c = Cluster::start();
        for n in &c.nodes {
            register_for_exit(n);
        }
        c
    })
}

// ---------------------------------------------------------------------------
// The binary under test
// ---------------------------------------------------------------------------

/// Environment variables `ldp` might read that must not leak in from the
/// developer's or CI's environment.
const SCRUBBED_ENV: &[&str] = &[
    "REDIS_URL",
    "REDIS_HOST",
    "REDIS_PORT",
    "REDIS_PUBLIC_ENDPOINT",
    "REDIS_USERNAME",
    "REDIS_PW",
    "REDIS_PASSWORD",
    "REDIS_SSL",
    "CELERY_BROKER_URL",
    "DATABASE_URL",
    "DATABASE_URL_DIRECT",
    "USE_DIRECT_DATABASE_CONNECTION",
    "DEPLOYMENT_STAGE",
    "DB_SSL_MODE",
    "S3_PRIMARY_DOCUMENT_BUCKET",
    "S3_BUCKET_REGION",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_DEFAULT_REGION",
    "AWS_REGION",
    "AWS_ENDPOINT",
    "AWS_ENDPOINT_URL",
    "AWS_ENDPOINT_URL_S3",
    "AWS_PROFILE",
    "AWS_WEB_IDENTITY_TOKEN_FILE",
    "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
    "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    "NO_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
];

/// `ldp` with a clean environment: no Redis/DB/colour variables, no `LDP_*`
/// variables, `LDP_CONFIG` pointing at a nonexistent file, `COLUMNS=100`,
/// and a 120 s timeout (override with `.timeout(..)`).
pub fn ldp() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::from_std(ldp_std());
    cmd.timeout(Duration::from_secs(120));
    cmd
}

/// [`ldp`] as a plain `std::process::Command`, for tests that spawn and
/// kill it: the same clean environment.
pub fn ldp_std() -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("ldp"));
    for var in SCRUBBED_ENV {
        cmd.env_remove(var);
    }
    for (key, _) in std::env::vars_os() {
        if key.to_string_lossy().starts_with("LDP_") {
            cmd.env_remove(&key);
        }
    }
    cmd.env("LDP_CONFIG", "/nonexistent/ldp-test-config.toml")
        .env("COLUMNS", "100");
    cmd
}

// ---------------------------------------------------------------------------
// Seeding helpers shared by the command tests
// ---------------------------------------------------------------------------

/// A fresh random UUID (v4 shape), so documents and projects of one test
/// never collide with another's on a shared server.
pub fn random_uuid() -> String {
    let (a, b) = (random_u64(), random_u64());
    format!(
        "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        (b >> 48) & 0xfff,
        b & 0xffff_ffff_ffff
    )
}

/// Where a test seeds keys: a standalone server or a cluster (each command
/// goes to the node that owns its first key).
pub enum Target<'a> {
    One(&'a RedisServer),
    Cluster(&'a Cluster),
}

impl Target<'_> {
    /// The URL ldp is given.
    pub fn url(&self) -> String {
        match self {
            Target::One(s) => s.url(),
            Target::Cluster(c) => c.seed_url(),
        }
    }

    /// Run one command (`[name, key, args...]`); panics on an error.
    pub fn run(&self, args: &[&[u8]]) -> redis::Value {
        match self {
            Target::One(s) => {
                let mut cmd = redis::cmd(std::str::from_utf8(args[0]).expect("command name"));
                for a in &args[1..] {
                    cmd.arg(*a);
                }
                cmd.query(&mut s.client()).unwrap_or_else(|e| {
                    panic!("seeding {:?}: {e}", String::from_utf8_lossy(args[0]))
                })
            }
            Target::Cluster(c) => c.exec(args[1], args),
        }
    }

    /// [`run`](Self::run) with text arguments.
    pub fn run_str(&self, args: &[&str]) -> redis::Value {
        let a: Vec<&[u8]> = args.iter().map(|s| s.as_bytes()).collect();
        self.run(&a)
    }

    pub fn exists(&self, key: &str) -> bool {
        self.run_str(&["EXISTS", key]) == redis::Value::Int(1)
    }
}
