//! A throwaway pipeline-shaped Redis (`ldp sandbox`): servers in a folder of
//! their own, loaded by the one keyspace generator ([`seed`]), kept alive
//! by a simulated pipeline (rate windows in use, cache metrics counting,
//! held locks renewed), and removed without a trace.

pub mod seed;
pub mod server;
pub mod stream;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use redis::Value;
use serde::{Deserialize, Serialize};

use crate::error::LdpError;
use crate::redis::Redis;
use crate::redis::target::RedisTarget;
use seed::{Op, Plan, Samples, Seed};
use server::{Role, Server};

/// The state file in a sandbox's folder.
pub const STATE_FILE: &str = "state.json";
/// The detached supervisor's stdout and stderr, in the folder.
pub const LOG_FILE: &str = "sandbox.log";
/// Commands per pipeline while loading.
const CHUNK: usize = 10_000;

/// One server of a running sandbox, as the state file records it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ServerInfo {
    pub role: Role,
    pub port: u16,
    pub pid: u32,
}

/// A running sandbox: what `ldp sandbox` prints (`-o json`) and what its
/// state file holds, so `ldp sandbox stop` can end it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct State {
    /// The ldp process that owns the servers and the folder.
    pub pid: u32,
    pub detached: bool,
    pub dir: PathBuf,
    /// What `LDP_REDIS_URL` should be.
    pub url: String,
    /// What `LDP_BROKER_URL` should be: the broker beside a cluster.
    pub broker_url: Option<String>,
    pub cluster: bool,
    pub redis_version: String,
    pub servers: Vec<ServerInfo>,
    pub documents: usize,
    pub projects: usize,
    /// Keys the seed made, and how long generating and loading them took.
    pub keys: u64,
    pub seed_seconds: f64,
    pub families: BTreeMap<String, u64>,
    pub stages: BTreeMap<String, u64>,
    pub samples: Samples,
}

impl State {
    /// Write the state file atomically (a reader never sees half of it).
    pub fn write(&self) -> Result<()> {
        let tmp = self.dir.join(format!("{STATE_FILE}.tmp"));
        let mut f = std::fs::File::create(&tmp)
            .with_context(|| format!("cannot write {}", tmp.display()))?;
        serde_json::to_writer_pretty(&mut f, self)?;
        f.write_all(b"\n")?;
        f.sync_all()?;
        std::fs::rename(&tmp, self.dir.join(STATE_FILE))?;
        Ok(())
    }

    pub fn read(dir: &Path) -> Result<State> {
        let path = dir.join(STATE_FILE);
        let text =
            std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
        serde_json::from_slice(&text).with_context(|| format!("cannot parse {}", path.display()))
    }
}

/// Where a detached sandbox lives (one per user): `$TMPDIR/ldp-sandbox-UID`.
pub fn detached_dir() -> PathBuf {
    // SAFETY: getuid cannot fail.
    let uid = unsafe { libc::getuid() };
    std::env::temp_dir().join(format!("ldp-sandbox-{uid}"))
}

/// A fresh folder for a foreground sandbox: `$TMPDIR/ldp-sandbox-PID-RANDOM`.
pub fn fresh_dir() -> Result<PathBuf> {
    for _ in 0..16 {
        let mut b = [0u8; 4];
        getrandom::getrandom(&mut b).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
        let dir = std::env::temp_dir().join(format!(
            "ldp-sandbox-{}-{:08x}",
            std::process::id(),
            u32::from_le_bytes(b)
        ));
        match make_dir(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e).with_context(|| format!("cannot create {}", dir.display())),
        }
    }
    Err(LdpError::Failed("cannot create a sandbox folder".into()).into())
}

/// Create `dir` for this user only; fails if it exists (never follow a
/// folder or link someone else put there).
pub fn make_dir(dir: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new().mode(0o700).create(dir)
}

/// Remove a sandbox folder: only a real folder (not a link), owned by us.
pub fn remove_dir(dir: &Path) -> Result<()> {
    use std::os::unix::fs::MetadataExt;
    let meta = match std::fs::symlink_metadata(dir) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", dir.display())),
    };
    // SAFETY: getuid cannot fail.
    if !meta.is_dir() || meta.uid() != unsafe { libc::getuid() } {
        return Err(LdpError::Failed(format!(
            "{} is not a sandbox folder of this user: remove it yourself",
            dir.display()
        ))
        .into());
    }
    std::fs::remove_dir_all(dir).with_context(|| format!("cannot remove {}", dir.display()))
}

/// The servers of a sandbox, and its folder. Dropping it stops the servers
/// and removes the folder, whatever went wrong before.
pub struct Sandbox {
    pub dir: PathBuf,
    pub servers: Vec<Server>,
    pub version: String,
    timeout: Duration,
}

impl Sandbox {
    /// Start the servers in `dir` (which exists): one standalone server, or
    /// a 3-primary cluster and a standalone broker. `port` fixes the first
    /// port (the others follow it).
    pub fn start(
        dir: &Path,
        cluster: bool,
        port: Option<u16>,
        timeout: Duration,
    ) -> Result<Sandbox> {
        let bin = server::find()?;
        let mut sb = Sandbox {
            dir: dir.to_path_buf(),
            servers: Vec::new(),
            version: server::version(&bin),
            timeout,
        };
        if cluster {
            for i in 0..3u16 {
                let p = port.map(|p| p + i);
                sb.servers.push(server::start(
                    &bin,
                    &dir.join(format!("node-{i}")),
                    Role::Cluster,
                    p,
                )?);
            }
            server::create_cluster(&sb.servers)?;
            let p = port.map(|p| p + 3);
            sb.servers
                .push(server::start(&bin, &dir.join("broker"), Role::Broker, p)?);
        } else {
            sb.servers.push(server::start(
                &bin,
                &dir.join("redis"),
                Role::Standalone,
                port,
            )?);
        }
        Ok(sb)
    }

    /// The URL of the caches' Redis (a cluster is found from one node).
    pub fn url(&self) -> String {
        self.servers
            .iter()
            .find(|s| s.role != Role::Broker)
            .map(Server::url)
            .unwrap_or_default()
    }

    /// The broker's own URL, when it is a separate server.
    pub fn broker_url(&self) -> Option<String> {
        self.servers
            .iter()
            .find(|s| s.role == Role::Broker)
            .map(Server::url)
    }

    fn target(&self, url: String) -> RedisTarget {
        RedisTarget {
            urls: vec![url],
            password: None,
            username: None,
            tls_ca: None,
            tls_insecure: false,
            timeout: self.timeout,
        }
    }

    /// Connections to the caches and to the broker (the same server when standalone).
    pub async fn connect(&self) -> Result<(Redis, Redis)> {
        let main = Redis::connect(&self.target(self.url())).await?;
        let broker = match self.broker_url() {
            Some(u) => Redis::connect(&self.target(u)).await?,
            None => main.clone(),
        };
        Ok((main, broker))
    }

    /// A server that has ended by itself: its port and status.
    pub fn casualty(&mut self) -> Option<(u16, std::process::ExitStatus)> {
        self.servers
            .iter_mut()
            .find_map(|s| s.exited().map(|st| (s.port, st)))
    }

    /// The state file's record of the servers.
    pub fn infos(&self) -> Vec<ServerInfo> {
        self.servers
            .iter()
            .map(|s| ServerInfo {
                role: s.role,
                port: s.port,
                pid: s.pid(),
            })
            .collect()
    }

    /// Stop the servers and remove the folder.
    pub fn stop(&mut self) -> Result<()> {
        for s in &mut self.servers {
            s.stop();
        }
        self.servers.clear();
        remove_dir(&self.dir)
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.stop();
    }
}

/// Generate `plan` and load it while it is generated ([`stream`]): the
/// caches' commands into `main`, the broker's into `broker`. Returns the
/// seed and how long it all took.
pub async fn seed(main: &Redis, broker: &Redis, plan: Plan) -> Result<(Seed, Duration)> {
    let t = Instant::now();
    let (m, b) = (main.clone(), broker.clone());
    let (seed, generated) =
        tokio::task::spawn_blocking(move || stream::generate_and_load(&m, &b, plan))
            .await
            .context("seeding")??;
    let took = t.elapsed();
    if std::env::var_os("LDP_SANDBOX_TIMING").is_some() {
        eprintln!("generated in {generated:?}, generated and loaded in {took:?}");
    }
    Ok((seed, took))
}

/// Run the ops, pipelined: each node of each deployment gets its commands
/// in pipelines of [`CHUNK`], every node at once. A node's pipelines are
/// all sent at once on its one connection (so they stay in order): the
/// server works on one while the next is on its way.
pub async fn load(main: &Redis, broker: &Redis, ops: Vec<Op>) -> Result<()> {
    let mut groups: BTreeMap<(bool, usize), Vec<redis::Pipeline>> = BTreeMap::new();
    for op in ops {
        let r = if op.broker { broker } else { main };
        let node = r.node_for(&op.key)?;
        let pipes = groups.entry((op.broker, node)).or_default();
        if pipes.last().is_none_or(|p| p.len() >= CHUNK) {
            pipes.push(redis::pipe());
        }
        if let Some(p) = pipes.last_mut() {
            p.add_command(op.cmd);
        }
    }
    let jobs = groups.into_iter().map(|((on_broker, i), pipes)| {
        let node = if on_broker { broker } else { main }.node(i);
        async move {
            let sent = pipes.iter().map(|p| node.pipe::<Vec<Value>>(p));
            for r in futures_util::future::join_all(sent).await {
                let replies = r.with_context(|| format!("seeding {}", node.label))?;
                if let Some(e) = replies.iter().find_map(|v| match v {
                    Value::ServerError(e) => Some(e.to_string()),
                    _ => None,
                }) {
                    return Err(LdpError::Failed(format!("seeding {}: {e}", node.label)).into());
                }
            }
            Ok::<(), anyhow::Error>(())
        }
    });
    for r in futures_util::future::join_all(jobs).await {
        r?;
    }
    Ok(())
}
