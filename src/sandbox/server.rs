//! Throwaway `redis-server` processes for the sandbox: each on a free
//! loopback port, in its own folder, in its own process group (a Ctrl-C at
//! the terminal reaches ldp, which stops them in order), and killed by the
//! kernel if ldp itself dies (`PR_SET_PDEATHSIG`).

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::error::LdpError;

/// The binary, looked up on `PATH`.
pub const REDIS_SERVER: &str = "redis-server";
/// How long a server may take to say it is ready.
const START_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a new cluster may take to agree on its slots.
const CLUSTER_TIMEOUT: Duration = Duration::from_secs(20);
/// Tries when a port was taken between choosing it and binding it.
const ATTEMPTS: usize = 8;
/// Cluster data ports are drawn from here, so their bus ports (+10000) stay
/// below the kernel's usual ephemeral range.
const CLUSTER_PORTS: (u16, u16) = (18000, 22700);
/// Number of hash slots in a cluster.
const SLOTS: u16 = 16384;

/// What one server is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The one server of a standalone sandbox (caches and broker).
    Standalone,
    /// A primary of the cluster (the caches).
    Cluster,
    /// The Celery broker beside a cluster (kombu has no cluster transport).
    Broker,
}

/// A running server that this process started.
#[derive(Debug)]
pub struct Server {
    pub role: Role,
    pub port: u16,
    pub dir: PathBuf,
    child: Child,
}

impl Server {
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/0", self.port)
    }

    fn log(&self) -> PathBuf {
        self.dir.join("redis.log")
    }

    /// Whether the process has ended (and its status).
    pub fn exited(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().ok().flatten()
    }

    /// SIGTERM, up to 3 s, then SIGKILL; always reaped.
    pub fn stop(&mut self) {
        if self.exited().is_none() {
            // SAFETY: signalling our own child, not reaped yet (so its pid is ours).
            unsafe {
                libc::kill(self.child.id() as libc::pid_t, libc::SIGTERM);
            }
            let deadline = Instant::now() + Duration::from_secs(3);
            while Instant::now() < deadline {
                if self.exited().is_some() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(10));
            }
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

/// `redis-server` on `PATH`, or exit 69 with how to install it.
pub fn find() -> Result<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|d| d.join(REDIS_SERVER))
        .find(|p| {
            use std::os::unix::fs::PermissionsExt;
            p.metadata()
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
        .ok_or_else(|| {
            LdpError::Unavailable(
                "redis-server is not installed (not found on PATH): install it, e.g. \
                 `apt-get install redis-server`, `dnf install redis` or `brew install redis`"
                    .into(),
            )
            .into()
        })
}

/// `redis-server --version`'s `v=` field, e.g. `7.0.15`.
pub fn version(bin: &Path) -> String {
    Command::new(bin)
        .arg("--version")
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()
        .and_then(|o| {
            let text = String::from_utf8_lossy(&o.stdout).into_owned();
            text.split_whitespace()
                .find_map(|w| w.strip_prefix("v="))
                .map(str::to_string)
        })
        .unwrap_or_else(|| "unknown".into())
}

fn can_bind(port: u16) -> bool {
    TcpListener::bind(("127.0.0.1", port)).is_ok()
}

/// A port the kernel says is free on the loopback interface.
fn kernel_port() -> Result<u16> {
    let l = TcpListener::bind(("127.0.0.1", 0)).context("cannot bind 127.0.0.1:0")?;
    Ok(l.local_addr()?.port())
}

/// A random free data port whose cluster bus port (+10000) is free too.
fn cluster_port() -> Result<u16> {
    let (lo, hi) = CLUSTER_PORTS;
    for _ in 0..2000 {
        let mut b = [0u8; 2];
        getrandom::getrandom(&mut b).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
        let p = lo + u16::from_le_bytes(b) % (hi - lo);
        if can_bind(p) && can_bind(p + 10000) {
            return Ok(p);
        }
    }
    Err(LdpError::Failed(format!(
        "no free port pair (p, p+10000) in {lo}..{hi} for the cluster"
    ))
    .into())
}

/// Why a start failed.
enum Failed {
    PortTaken,
    Other(String),
}

/// Start one server in `dir` (created). `port`: a fixed one, or None to
/// choose a free one (and choose again when it was taken meanwhile).
pub fn start(bin: &Path, dir: &Path, role: Role, port: Option<u16>) -> Result<Server> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut taken = Vec::new();
    for _ in 0..ATTEMPTS {
        let p = match (port, role) {
            (Some(p), _) => p,
            (None, Role::Cluster) => cluster_port()?,
            (None, _) => kernel_port()?,
        };
        match spawn(bin, dir, role, p) {
            Ok(s) => return Ok(s),
            Err(Failed::PortTaken) if port.is_none() => taken.push(p),
            Err(Failed::PortTaken) => {
                return Err(LdpError::usage(format!(
                    "port {p} is in use on 127.0.0.1{}: choose another --port, or none",
                    if role == Role::Cluster {
                        format!(" (or its cluster bus port {})", u32::from(p) + 10000)
                    } else {
                        String::new()
                    }
                )));
            }
            Err(Failed::Other(why)) => return Err(LdpError::Failed(why).into()),
        }
    }
    Err(LdpError::Failed(format!(
        "redis-server found each port taken by the time it started ({taken:?})"
    ))
    .into())
}

fn spawn(bin: &Path, dir: &Path, role: Role, port: u16) -> Result<Server, Failed> {
    let log = dir.join("redis.log");
    let _ = std::fs::remove_file(&log);
    let mut cmd = Command::new(bin);
    cmd.arg("--port")
        .arg(port.to_string())
        .arg("--bind")
        .arg("127.0.0.1")
        .arg("--dir")
        .arg(dir)
        .arg("--logfile")
        .arg(&log)
        .args(["--save", "", "--appendonly", "no", "--daemonize", "no"])
        .args(["--protected-mode", "yes"]);
    if role == Role::Cluster {
        cmd.args([
            "--cluster-enabled",
            "yes",
            "--cluster-config-file",
            "nodes.conf",
            "--cluster-node-timeout",
            "2000",
        ]);
    }
    cmd.current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let parent = std::process::id() as libc::pid_t;
    // SAFETY: only async-signal-safe calls (setpgid, prctl, getppid), no
    // allocation. Its own process group keeps a terminal's Ctrl-C from it
    // (ldp stops it); the death signal follows the spawning thread, the one
    // that called `block_on` (main), which lives until the process exits.
    unsafe {
        cmd.pre_exec(move || {
            if libc::setpgid(0, 0) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            if libc::prctl(
                libc::PR_SET_PDEATHSIG,
                libc::SIGKILL as libc::c_ulong,
                0,
                0,
                0,
            ) != 0
            {
                return Err(std::io::Error::last_os_error());
            }
            if libc::getppid() != parent {
                return Err(std::io::Error::from_raw_os_error(libc::ESRCH));
            }
            Ok(())
        });
    }
    let child = cmd
        .spawn()
        .map_err(|e| Failed::Other(format!("cannot run {}: {e}", bin.display())))?;
    let mut s = Server {
        role,
        port,
        dir: dir.to_path_buf(),
        child,
    };
    let deadline = Instant::now() + START_TIMEOUT;
    loop {
        let text = std::fs::read_to_string(s.log()).unwrap_or_default();
        if let Some(status) = s.exited() {
            return Err(if text.contains("Address already in use") {
                Failed::PortTaken
            } else {
                Failed::Other(format!(
                    "redis-server on port {port} exited at start ({status}): {}",
                    last_line(&text)
                ))
            });
        }
        // Only once our own server logged that it is ready is the port ours.
        if text.contains("Ready to accept connections") && ping(port).is_ok() {
            return Ok(s);
        }
        if Instant::now() >= deadline {
            s.stop();
            return Err(Failed::Other(format!(
                "redis-server on port {port} was not ready within {}s: {}",
                START_TIMEOUT.as_secs(),
                last_line(&text)
            )));
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn last_line(text: &str) -> String {
    text.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("(empty log)")
        .trim()
        .to_string()
}

fn connect(port: u16) -> redis::RedisResult<redis::Connection> {
    redis::Client::open(format!("redis://127.0.0.1:{port}/0"))?
        .get_connection_with_timeout(Duration::from_secs(2))
}

fn ping(port: u16) -> redis::RedisResult<()> {
    redis::cmd("PING").query::<String>(&mut connect(port)?)?;
    Ok(())
}

/// Make the servers one cluster: slots split in three, then MEET, then wait
/// until every node serves all 16384 slots (what `redis-cli --cluster
/// create` does, without needing redis-cli).
pub fn create_cluster(nodes: &[Server]) -> Result<()> {
    let n = nodes.len() as u16;
    let fail = |what: &str, e: redis::RedisError| {
        LdpError::Failed(format!("cannot create the cluster: {what}: {e}"))
    };
    for (i, node) in nodes.iter().enumerate() {
        let mut con = connect(node.port).map_err(|e| fail("connect", e))?;
        let i = i as u16;
        let (start, end) = (SLOTS * i / n, SLOTS * (i + 1) / n);
        let mut c = redis::cmd("CLUSTER");
        c.arg("ADDSLOTS");
        for s in start..end {
            c.arg(s);
        }
        c.query::<()>(&mut con).map_err(|e| fail("ADDSLOTS", e))?;
        redis::cmd("CLUSTER")
            .arg("SET-CONFIG-EPOCH")
            .arg(u64::from(i) + 1)
            .query::<()>(&mut con)
            .map_err(|e| fail("SET-CONFIG-EPOCH", e))?;
    }
    let mut first = connect(nodes[0].port).map_err(|e| fail("connect", e))?;
    for node in &nodes[1..] {
        redis::cmd("CLUSTER")
            .arg("MEET")
            .arg("127.0.0.1")
            .arg(node.port)
            .query::<()>(&mut first)
            .map_err(|e| fail("MEET", e))?;
    }
    let deadline = Instant::now() + CLUSTER_TIMEOUT;
    loop {
        match converged(nodes) {
            Ok(()) => return Ok(()),
            Err(why) if Instant::now() >= deadline => {
                return Err(LdpError::Failed(format!(
                    "the cluster did not converge within {}s: {why}",
                    CLUSTER_TIMEOUT.as_secs()
                ))
                .into());
            }
            Err(_) => std::thread::sleep(Duration::from_millis(50)),
        }
    }
}

/// Every node says `cluster_state:ok`, knows all nodes and all slots.
fn converged(nodes: &[Server]) -> Result<(), String> {
    for node in nodes {
        let mut con = connect(node.port).map_err(|e| e.to_string())?;
        let info: String = redis::cmd("CLUSTER")
            .arg("INFO")
            .query(&mut con)
            .map_err(|e| e.to_string())?;
        let field = |k: &str| {
            info.lines()
                .find_map(|l| l.strip_prefix(k)?.strip_prefix(':'))
                .map(|v| v.trim().to_string())
        };
        if field("cluster_state").as_deref() != Some("ok")
            || field("cluster_known_nodes") != Some(nodes.len().to_string())
            || field("cluster_slots_ok").as_deref() != Some("16384")
        {
            return Err(format!("node {} not ready yet", node.port));
        }
    }
    Ok(())
}

/// Whether `pid` is a live (not zombie) process whose command line
/// contains `needle`: a pid from a state file may have been reused.
pub fn alive(pid: u32, needle: &str) -> bool {
    running(pid)
        && std::fs::read(format!("/proc/{pid}/cmdline"))
            .map(|c| String::from_utf8_lossy(&c).contains(needle))
            .unwrap_or(false)
}

/// Whether `pid` is a process that has not ended (a zombie has). Once a
/// process was identified with [`alive`], this tells when it is gone: an
/// exiting process loses its command line before it ends.
pub fn running(pid: u32) -> bool {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return false;
    };
    // The state follows the parenthesised command name.
    let state = stat
        .rsplit_once(')')
        .and_then(|(_, rest)| rest.split_whitespace().next());
    !matches!(state, Some("Z") | Some("X") | None)
}
