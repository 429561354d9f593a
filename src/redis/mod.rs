//! The connection layer: one [`Redis`] over a standalone server or a cluster
//! (detected, not configured), TLS and ACL users, per-request timeouts, per-node
//! fan-out and slot-aware pipelines.

pub mod clients;
pub mod dump;
pub mod info;
pub mod rdb;
pub mod script;
pub mod slot;
pub mod target;
pub mod url;

use std::sync::{Arc, Mutex};

use anyhow::{Context, Result, anyhow};
use redis::aio::MultiplexedConnection;
use redis::{
    AsyncConnectionConfig, Cmd, ConnectionInfo, FromRedisValue, IntoConnectionInfo, Pipeline,
    RedisError, Value,
};
use tokio::sync::mpsc;

use crate::error::LdpError;
use target::RedisTarget;

/// One server: a primary of a cluster, or the standalone server.
pub struct Node {
    /// `host:port` (or the socket path).
    pub addr: String,
    /// The redacted URL, for messages.
    pub label: String,
    client: redis::Client,
    config: AsyncConnectionConfig,
    conn: Mutex<MultiplexedConnection>,
    /// Whether the user may open a transaction here, asked once (see
    /// [`Node::may_transact`]).
    transact: tokio::sync::OnceCell<bool>,
    /// Bumped on every reconnect: a cursor walk checks, when it moved, that
    /// the server behind the address is still the one it started on.
    generation: std::sync::atomic::AtomicU64,
}

impl Node {
    fn conn(&self) -> MultiplexedConnection {
        // A poisoned lock only means another task panicked mid-swap; the value is still a connection.
        self.conn.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    async fn reconnect(&self) -> Result<MultiplexedConnection, RedisError> {
        let fresh = self
            .client
            .get_multiplexed_async_connection_with_config(&self.config)
            .await?;
        *self.conn.lock().unwrap_or_else(|p| p.into_inner()) = fresh.clone();
        self.generation
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        Ok(fresh)
    }

    /// How many times this node reconnected.
    pub fn generation(&self) -> u64 {
        self.generation.load(std::sync::atomic::Ordering::SeqCst)
    }

    /// Which server answers: its `run_id` (new on every start) and its
    /// replication id (new when a replica is promoted). None when the
    /// server does not say (INFO refused).
    pub async fn identity(&self) -> Option<(String, String)> {
        let field = |text: &str, k: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(k)?.strip_prefix(':'))
                .map(|v| v.trim().to_string())
        };
        let server: String = self.read(redis::cmd("INFO").arg("server")).await.ok()?;
        let repl: String = self
            .read(redis::cmd("INFO").arg("replication"))
            .await
            .ok()?;
        Some((field(&server, "run_id")?, field(&repl, "master_replid")?))
    }

    /// The database number this node's URL selects (`/N`; 0 by default).
    pub fn db(&self) -> i64 {
        self.client.get_connection_info().redis_settings().db()
    }

    /// A connection of its own, for a command that blocks (BRPOP) and must
    /// not hold up the shared one; no response timeout: the caller bounds
    /// the wait.
    pub async fn dedicated(&self) -> Result<MultiplexedConnection, RedisError> {
        let config = self.config.clone().set_response_timeout(None);
        self.client
            .get_multiplexed_async_connection_with_config(&config)
            .await
    }

    /// A pub/sub connection (SUBSCRIBE, PSUBSCRIBE), with the same TLS and
    /// credentials; connecting is bounded by `within`.
    pub async fn pubsub(&self, within: std::time::Duration) -> Result<redis::aio::PubSub> {
        match tokio::time::timeout(within, self.client.get_async_pubsub()).await {
            Ok(Ok(p)) => Ok(p),
            Ok(Err(e)) => Err(unreachable(&self.label, &e)),
            Err(_) => Err(LdpError::Unreachable {
                target: self.label.clone(),
                reason: "timed out".into(),
            }
            .into()),
        }
    }

    /// Run a command once.
    pub async fn query<T: FromRedisValue>(&self, cmd: &Cmd) -> Result<T, RedisError> {
        cmd.query_async(&mut self.conn()).await
    }

    /// Whether this connection's user may open a transaction: MULTI, then
    /// DISCARD (EXEC, which runs the empty transaction, when DISCARD is
    /// refused, so the connection never stays in MULTI). Asked once per
    /// node and remembered: asked per call, it would queue behind the
    /// batches in flight and hold up the next ones.
    pub async fn may_transact(&self) -> bool {
        *self
            .transact
            .get_or_init(|| async {
                let mut p = redis::pipe();
                p.ignore_errors();
                p.cmd("MULTI").cmd("DISCARD");
                match self.pipe::<Vec<Value>>(&p).await.as_deref() {
                    Ok([Value::Okay, Value::Okay]) => true,
                    Ok([Value::Okay, _]) => {
                        let _ = self.query::<Value>(&redis::cmd("EXEC")).await;
                        false
                    }
                    _ => false,
                }
            })
            .await
    }

    /// Run an idempotent read; after a dropped connection, reconnect and retry once.
    pub async fn read<T: FromRedisValue>(&self, cmd: &Cmd) -> Result<T, RedisError> {
        match cmd.query_async(&mut self.conn()).await {
            Err(e) if is_dropped(&e) => cmd.query_async(&mut self.reconnect().await?).await,
            r => r,
        }
    }

    /// Run a pipeline once.
    pub async fn pipe<T: FromRedisValue>(&self, p: &Pipeline) -> Result<T, RedisError> {
        p.query_async(&mut self.conn()).await
    }

    /// Run a pipeline of idempotent reads, retrying once after a dropped connection.
    pub async fn pipe_read<T: FromRedisValue>(&self, p: &Pipeline) -> Result<T, RedisError> {
        match p.query_async(&mut self.conn()).await {
            Err(e) if is_dropped(&e) => p.query_async(&mut self.reconnect().await?).await,
            r => r,
        }
    }
}

/// A connection that broke (worth one reconnect and retry). A timeout is
/// not: the server may be hung, and a retry would double the wait.
fn is_dropped(e: &RedisError) -> bool {
    (e.is_connection_dropped() || e.is_io_error()) && !e.is_timeout()
}

/// A slot range and the index of the primary that serves it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct SlotRange {
    pub start: u16,
    pub end: u16,
    pub addr: String,
}

struct Inner {
    nodes: Vec<Node>,
    /// Cluster primaries that could not be reached (tolerant connect only):
    /// (address, reason).
    down: Vec<(String, String)>,
    /// For a cluster: slot -> node index.
    slots: Option<Vec<u16>>,
    /// The redacted seed URL, for messages.
    label: String,
}

/// Keys for one multi-key command or script: one node, one slot in a cluster.
pub type Batch = Vec<Vec<u8>>;

/// A connected deployment: standalone, or every primary of a cluster.
#[derive(Clone)]
pub struct Redis {
    inner: Arc<Inner>,
}

/// Turn a connection failure into a short human reason (never the password).
pub fn describe(e: &RedisError) -> String {
    let text = e.to_string();
    let upper = text.to_ascii_uppercase();
    if e.kind() == redis::ErrorKind::AuthenticationFailed
        || upper.contains("WRONGPASS")
        || upper.contains("NOAUTH")
        || upper.contains("INVALID PASSWORD")
        || upper.contains("INVALID USERNAME-PASSWORD")
    {
        return "authentication failed (wrong user or password)".into();
    }
    if e.is_connection_refusal() && upper.contains("REFUSED") {
        return "connection refused".into();
    }
    if e.is_timeout() || upper.contains("TIMED OUT") || upper.contains("TIMEOUT") {
        return "timed out".into();
    }
    if upper.contains("FAILED TO LOOKUP")
        || upper.contains("NAME OR SERVICE NOT KNOWN")
        || upper.contains("NO ADDRESS")
    {
        return format!("cannot resolve host ({})", text.trim());
    }
    if upper.contains("CERTIFICATE") || upper.contains("TLS") || upper.contains("HANDSHAKE") {
        return format!("TLS handshake failed ({})", text.trim());
    }
    let t = text.trim();
    if t.is_empty() {
        "connection failed".into()
    } else {
        t.to_string()
    }
}

/// Connection settings shared by every node of one deployment.
struct Dialer {
    tls_root: Option<Vec<u8>>,
    config: AsyncConnectionConfig,
}

impl Dialer {
    fn client(&self, info: ConnectionInfo) -> Result<redis::Client, RedisError> {
        match &self.tls_root {
            Some(pem) => redis::Client::build_with_tls(
                info,
                redis::TlsCertificates {
                    client_tls: None,
                    root_cert: Some(pem.clone()),
                },
            ),
            None => redis::Client::open(info),
        }
    }

    async fn node(
        &self,
        info: ConnectionInfo,
        label: String,
    ) -> Result<Node, (String, RedisError)> {
        let addr = info.addr().to_string();
        let client = self.client(info).map_err(|e| (label.clone(), e))?;
        let conn = client
            .get_multiplexed_async_connection_with_config(&self.config)
            .await
            .map_err(|e| (label.clone(), e))?;
        Ok(Node {
            addr,
            label,
            client,
            config: self.config.clone(),
            conn: Mutex::new(conn),
            transact: tokio::sync::OnceCell::new(),
            generation: std::sync::atomic::AtomicU64::new(0),
        })
    }
}

fn connection_info(raw: &str, target: &RedisTarget) -> Result<ConnectionInfo> {
    let mut text = raw.to_string();
    if target.tls_insecure && text.starts_with("rediss://") && !text.contains('#') {
        text.push_str("#insecure");
    }
    let info = text.as_str().into_connection_info().map_err(|e| {
        LdpError::usage(format!(
            "invalid Redis URL '{}': {}",
            crate::redact::redact(raw),
            e
        ))
    })?;
    let mut settings = info.redis_settings().clone();
    if let Some(pw) = &target.password {
        settings = settings.set_password(pw.expose());
    }
    if settings.username().is_none()
        && let Some(user) = &target.username
    {
        settings = settings.set_username(user);
    }
    Ok(info.set_redis_settings(settings))
}

fn unreachable(target: &str, e: &RedisError) -> anyhow::Error {
    LdpError::Unreachable {
        target: target.to_string(),
        reason: describe(e),
    }
    .into()
}

impl Redis {
    /// Connect to the first reachable seed; if it is a cluster node, connect to
    /// every primary too.
    pub async fn connect(target: &RedisTarget) -> Result<Redis> {
        Redis::connect_with(target, false).await
    }

    /// Like [`connect`](Self::connect), but a cluster primary that cannot be
    /// reached is recorded in [`down`](Self::down) instead of failing: health
    /// checks report it rather than stop at it.
    pub async fn connect_tolerant(target: &RedisTarget) -> Result<Redis> {
        Redis::connect_with(target, true).await
    }

    async fn connect_with(target: &RedisTarget, tolerant: bool) -> Result<Redis> {
        // Idempotent: the first caller installs ring as the process's rustls provider.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let tls_root = match &target.tls_ca {
            Some(p) => Some(std::fs::read(p).map_err(|e| {
                LdpError::usage(format!("cannot read --tls-ca {}: {e}", p.display()))
            })?),
            None => None,
        };
        let config = AsyncConnectionConfig::new()
            .set_connection_timeout(Some(target.timeout))
            .set_response_timeout(Some(target.timeout));
        let dialer = Dialer { tls_root, config };

        let mut last_err = None;
        let mut seed = None;
        for raw in &target.urls {
            let info = connection_info(raw, target)?;
            match dialer.node(info.clone(), crate::redact::redact(raw)).await {
                Ok(node) => {
                    seed = Some((node, info, crate::redact::redact(raw)));
                    break;
                }
                Err((label, e)) => last_err = Some(unreachable(&label, &e)),
            }
        }
        let (seed, seed_info, label) = match seed {
            Some(s) => s,
            None => return Err(last_err.unwrap_or_else(|| anyhow!("no Redis URL given"))),
        };

        let info: String = seed
            .read(redis::cmd("INFO").arg("cluster"))
            .await
            .map_err(|e| unreachable(&seed.label, &e))?;
        if !info.lines().any(|l| l.trim() == "cluster_enabled:1") {
            return Ok(Redis {
                inner: Arc::new(Inner {
                    down: Vec::new(),
                    nodes: vec![seed],
                    slots: None,
                    label,
                }),
            });
        }

        let ranges = cluster_slots(&seed).await?;
        let mut nodes: Vec<Node> = Vec::new();
        let mut slots = vec![u16::MAX; slot::SLOTS];
        let mut seed = Some(seed);
        let mut down: Vec<(String, String)> = Vec::new();
        for r in &ranges {
            if down.iter().any(|(a, _)| *a == r.addr) {
                continue;
            }
            let idx = match nodes.iter().position(|n| n.addr == r.addr) {
                Some(i) => i,
                None => {
                    if seed.as_ref().is_some_and(|s| s.addr == r.addr) {
                        nodes.push(seed.take().expect("checked above"));
                    } else {
                        let (host, port) = split_addr(&r.addr)?;
                        let info = seed_info.clone().set_addr(with_host_port(
                            seed_info.addr(),
                            host,
                            port,
                        ));
                        let label = format!("{} ({})", label, r.addr);
                        match dialer.node(info, label).await {
                            Ok(node) => nodes.push(node),
                            Err((_, e)) if tolerant => {
                                down.push((r.addr.clone(), describe(&e)));
                                continue;
                            }
                            Err((l, e)) => return Err(unreachable(&l, &e)),
                        }
                    }
                    nodes.len() - 1
                }
            };
            for s in r.start..=r.end {
                slots[s as usize] = idx as u16;
            }
        }
        Ok(Redis {
            inner: Arc::new(Inner {
                nodes,
                down,
                slots: Some(slots),
                label,
            }),
        })
    }

    /// Cluster primaries a tolerant connect could not reach: (address, reason).
    pub fn down(&self) -> &[(String, String)] {
        &self.inner.down
    }

    pub fn is_cluster(&self) -> bool {
        self.inner.slots.is_some()
    }

    /// The redacted seed URL.
    pub fn label(&self) -> &str {
        &self.inner.label
    }

    /// Every primary (the one server when standalone).
    pub fn nodes(&self) -> &[Node] {
        &self.inner.nodes
    }

    pub fn node(&self, i: usize) -> &Node {
        &self.inner.nodes[i]
    }

    /// Index of the node serving a key.
    pub fn node_for(&self, key: &[u8]) -> Result<usize> {
        match &self.inner.slots {
            None => Ok(0),
            Some(map) => {
                let s = slot::slot(key);
                match map[s as usize] {
                    u16::MAX => Err(LdpError::Failed(format!(
                        "cluster slot {s} is not served by any node"
                    ))
                    .into()),
                    i => Ok(i as usize),
                }
            }
        }
    }

    /// Run a keyed command on the node that owns the key.
    pub async fn query_key<T: FromRedisValue>(&self, key: &[u8], cmd: &Cmd) -> Result<T> {
        let n = self.node(self.node_for(key)?);
        n.query(cmd)
            .await
            .with_context(|| format!("on {}", n.label))
    }

    /// Run an idempotent keyed read on the node that owns the key (retried
    /// once after a dropped connection).
    pub async fn read_key<T: FromRedisValue>(&self, key: &[u8], cmd: &Cmd) -> Result<T> {
        let n = self.node(self.node_for(key)?);
        n.read(cmd).await.with_context(|| format!("on {}", n.label))
    }

    /// The cluster's current slot ranges (sorted), to detect a topology change.
    pub async fn topology(&self) -> Result<Vec<SlotRange>> {
        if !self.is_cluster() {
            return Ok(Vec::new());
        }
        let mut last = None;
        for n in self.nodes() {
            match cluster_slots(n).await {
                Ok(r) => return Ok(r),
                Err(e) => last = Some(e),
            }
        }
        Err(last.unwrap_or_else(|| anyhow!("no cluster node answered")))
    }

    /// `keys` split by the node (its index) that owns them, each node's share cut into
    /// batches of at most `batch` keys that stay within one slot in a
    /// cluster (a multi-key command or script must). Nodes without keys are
    /// left out; keys are moved, never copied.
    pub(crate) fn batches_by_node(
        &self,
        keys: Vec<Vec<u8>>,
        batch: usize,
    ) -> Result<Vec<(usize, Vec<Batch>)>> {
        let batch = batch.max(1);
        let mut per_node: Vec<Vec<Vec<u8>>> = vec![Vec::new(); self.nodes().len()];
        for k in keys {
            per_node[self.node_for(&k)?].push(k);
        }
        let clustered = self.is_cluster();
        let cut = |mut ks: Vec<Vec<u8>>| {
            if clustered {
                ks.sort_by_key(|k| slot::slot(k));
            }
            let mut batches: Vec<Batch> = Vec::new();
            let mut last = None;
            for k in ks {
                let s = clustered.then(|| slot::slot(&k));
                match batches.last_mut() {
                    Some(b) if b.len() < batch && s == last => b.push(k),
                    _ => batches.push(vec![k]),
                }
                last = s;
            }
            batches
        };
        Ok(per_node
            .into_iter()
            .enumerate()
            .filter(|(_, ks)| !ks.is_empty())
            .map(|(i, ks)| (i, cut(ks)))
            .collect())
    }

    /// UNLINK keys in pipelined batches, grouped by node and slot in a cluster
    /// (a multi-key UNLINK must stay within one slot). Returns how many existed.
    pub async fn unlink(&self, keys: Vec<Vec<u8>>, batch: usize) -> Result<u64> {
        if keys.is_empty() {
            return Ok(0);
        }
        let jobs = self
            .batches_by_node(keys, batch)?
            .into_iter()
            .map(|(i, batches)| {
                let this = self.clone();
                async move {
                    let mut p = redis::pipe();
                    for b in &batches {
                        p.cmd("UNLINK").arg(b);
                    }
                    let node = this.node(i);
                    let counts: Vec<u64> = node
                        .pipe(&p)
                        .await
                        .with_context(|| format!("UNLINK on {}", node.label))?;
                    Ok::<u64, anyhow::Error>(counts.iter().sum())
                }
            });
        let mut total = 0;
        for r in futures_util::future::join_all(jobs).await {
            total += r?;
        }
        Ok(total)
    }

    /// Run `per_key` commands for each key on the node that owns it, pipelined
    /// in chunks, every node at once. Returns each key's replies, in key order
    /// (server errors come back as `Value::ServerError`, not as a failure).
    /// `idempotent` reads are retried once after a dropped connection.
    pub async fn per_key<F>(
        &self,
        keys: &[Vec<u8>],
        per_key: usize,
        idempotent: bool,
        build: F,
    ) -> Result<Vec<Vec<Value>>>
    where
        F: Fn(&mut Pipeline, &[u8]),
    {
        const CHUNK: usize = 1000;
        let mut by_node: Vec<Vec<usize>> = vec![Vec::new(); self.nodes().len()];
        for (i, k) in keys.iter().enumerate() {
            by_node[self.node_for(k)?].push(i);
        }
        let mut jobs = Vec::new();
        for (node, idx) in by_node.iter().enumerate() {
            for chunk in idx.chunks(CHUNK) {
                let mut p = redis::pipe();
                p.ignore_errors();
                for &i in chunk {
                    build(&mut p, &keys[i]);
                }
                let n = self.node(node);
                jobs.push(async move {
                    let r: Vec<Value> = if idempotent {
                        n.pipe_read(&p).await
                    } else {
                        n.pipe(&p).await
                    }
                    .with_context(|| format!("on {}", n.label))?;
                    Ok::<_, anyhow::Error>((chunk, r))
                });
            }
        }
        let mut out: Vec<Vec<Value>> = vec![Vec::new(); keys.len()];
        for r in futures_util::future::join_all(jobs).await {
            let (chunk, replies) = r?;
            if replies.len() != chunk.len() * per_key {
                return Err(anyhow!(
                    "expected {} replies, got {}",
                    chunk.len() * per_key,
                    replies.len()
                ));
            }
            let mut it = replies.into_iter();
            for &i in chunk {
                out[i] = it.by_ref().take(per_key).collect();
            }
        }
        Ok(out)
    }

    /// Run idempotent keyed reads, each on the node that owns its key, as ONE
    /// pipeline per node (every node at once): a handful of round trips
    /// however many commands, which is what keeps `monitor queues` cheap.
    /// Replies come back in command order; server errors (WRONGTYPE, ...) as
    /// `Value::ServerError`, not as a failure. Callers keep the batch small
    /// (it is not chunked); a dropped connection is retried once.
    pub async fn read_keyed(&self, cmds: &[(Vec<u8>, Cmd)]) -> Result<Vec<Value>> {
        self.keyed(cmds.to_vec(), true).await
    }

    /// [`read_keyed`](Self::read_keyed) for commands that write: sent once,
    /// never retried (a dropped connection may have applied some of them).
    pub async fn write_keyed(&self, cmds: Vec<(Vec<u8>, Cmd)>) -> Result<Vec<Value>> {
        self.keyed(cmds, false).await
    }

    /// One pipeline per node (each command on the node owning its key), all
    /// nodes at once; replies in command order. `read`: retried once.
    async fn keyed(&self, cmds: Vec<(Vec<u8>, Cmd)>, read: bool) -> Result<Vec<Value>> {
        let total = cmds.len();
        let mut by_node: Vec<(Vec<usize>, Pipeline)> = (0..self.nodes().len())
            .map(|_| {
                let mut p = redis::pipe();
                p.ignore_errors();
                (Vec::new(), p)
            })
            .collect();
        for (i, (key, cmd)) in cmds.into_iter().enumerate() {
            let (idx, p) = &mut by_node[self.node_for(&key)?];
            idx.push(i);
            p.add_command(cmd);
        }
        let jobs = by_node
            .into_iter()
            .enumerate()
            .filter(|(_, (idx, _))| !idx.is_empty())
            .map(|(node, (idx, p))| {
                let n = self.node(node);
                async move {
                    let r: Vec<Value> = if read {
                        n.pipe_read(&p).await
                    } else {
                        n.pipe(&p).await
                    }
                    .with_context(|| format!("on {}", n.label))?;
                    Ok::<_, anyhow::Error>((idx, r))
                }
            });
        let mut out = vec![Value::Nil; total];
        for r in futures_util::future::join_all(jobs).await {
            let (idx, replies) = r?;
            if replies.len() != idx.len() {
                return Err(anyhow!(
                    "expected {} replies, got {}",
                    idx.len(),
                    replies.len()
                ));
            }
            for (i, v) in idx.into_iter().zip(replies) {
                out[i] = v;
            }
        }
        Ok(out)
    }

    /// Stream SCAN results from every primary concurrently. Each message is one
    /// SCAN reply's keys with the index of the node that holds them.
    pub fn scan(&self, spec: ScanSpec) -> mpsc::Receiver<Result<(usize, Vec<Vec<u8>>)>> {
        let (tx, rx) = mpsc::channel(8);
        let spec = Arc::new(spec);
        for i in 0..self.nodes().len() {
            let this = self.clone();
            let tx = tx.clone();
            let spec = spec.clone();
            tokio::spawn(async move {
                let node = this.node(i);
                let mut cursor: u64 = 0;
                let mut seen = node.generation();
                let start = node.identity().await;
                loop {
                    let mut cmd = redis::cmd("SCAN");
                    cmd.arg(cursor)
                        .arg("MATCH")
                        .arg(&spec.pattern)
                        .arg("COUNT")
                        .arg(spec.count);
                    if let Some(t) = &spec.key_type {
                        cmd.arg("TYPE").arg(t);
                    }
                    let reply = node.read::<(u64, Vec<Vec<u8>>)>(&cmd).await;
                    if node.generation() != seen {
                        // A reconnect mid-walk: the cursor means something
                        // only on the server that gave it (a failover behind
                        // one address, a restart would skip or repeat keys).
                        seen = node.generation();
                        let now = node.identity().await;
                        if start.is_none() || now != start {
                            let _ = tx
                                .send(Err(changed_mid_walk(&node.label, &start, &now)))
                                .await;
                            return;
                        }
                    }
                    match reply {
                        Ok((next, keys)) => {
                            if !keys.is_empty() && tx.send(Ok((i, keys))).await.is_err() {
                                return; // the consumer stopped (e.g. --limit reached)
                            }
                            if next == 0 {
                                return;
                            }
                            cursor = next;
                        }
                        Err(e) => {
                            let _ = tx
                                .send(Err(anyhow!(e).context(format!("SCAN on {}", node.label))))
                                .await;
                            return;
                        }
                    }
                }
            });
        }
        rx
    }
}

/// The walk's server changed under it: the walk fails (exit 1), since keys
/// may have been missed or repeated.
fn changed_mid_walk(
    label: &str,
    start: &Option<(String, String)>,
    now: &Option<(String, String)>,
) -> anyhow::Error {
    let short = |id: &Option<(String, String)>| match id {
        Some((run, _)) => run.chars().take(8).collect::<String>(),
        None => "unknown".into(),
    };
    LdpError::Failed(format!(
        "the server behind {label} changed during the walk (run_id {} -> {}: a failover or a \
         restart): keys may have been missed or repeated; run the command again",
        short(start),
        short(now)
    ))
    .into()
}

/// What to SCAN for.
#[derive(Debug, Clone)]
pub struct ScanSpec {
    pub pattern: Vec<u8>,
    pub count: u32,
    pub key_type: Option<String>,
}

fn split_addr(addr: &str) -> Result<(String, u16)> {
    let (h, p) = addr
        .rsplit_once(':')
        .ok_or_else(|| anyhow!("bad node address '{addr}'"))?;
    let port = p
        .parse()
        .map_err(|_| anyhow!("bad node address '{addr}'"))?;
    Ok((h.trim_matches(['[', ']']).to_string(), port))
}

fn with_host_port(seed: &redis::ConnectionAddr, host: String, port: u16) -> redis::ConnectionAddr {
    match seed {
        redis::ConnectionAddr::TcpTls {
            insecure,
            tls_params,
            ..
        } => redis::ConnectionAddr::TcpTls {
            host,
            port,
            insecure: *insecure,
            tls_params: tls_params.clone(),
        },
        _ => redis::ConnectionAddr::Tcp(host, port),
    }
}

/// Parse CLUSTER SLOTS into sorted ranges of primaries. An empty host means
/// "the address you reached me on".
async fn cluster_slots(node: &Node) -> Result<Vec<SlotRange>> {
    let v: Value = node
        .read(&redis::cmd("CLUSTER").arg("SLOTS").to_owned())
        .await
        .with_context(|| format!("CLUSTER SLOTS on {}", node.label))?;
    let seed_host = node
        .addr
        .rsplit_once(':')
        .map(|(h, _)| h.to_string())
        .unwrap_or_default();
    let mut out = Vec::new();
    let Value::Array(rows) = v else {
        return Err(anyhow!("unexpected CLUSTER SLOTS reply"));
    };
    for row in rows {
        let Value::Array(parts) = row else { continue };
        if parts.len() < 3 {
            continue;
        }
        let start = i64::from_redis_value(parts[0].clone())?;
        let end = i64::from_redis_value(parts[1].clone())?;
        let Value::Array(primary) = &parts[2] else {
            continue;
        };
        if primary.len() < 2 {
            continue;
        }
        let mut host = String::from_redis_value(primary[0].clone())?;
        let port = i64::from_redis_value(primary[1].clone())?;
        if host.is_empty() || host == "?" {
            host = seed_host.clone();
        }
        let addr = if host.contains(':') {
            format!("[{host}]:{port}")
        } else {
            format!("{host}:{port}")
        };
        out.push(SlotRange {
            start: start as u16,
            end: end as u16,
            addr,
        });
    }
    out.sort();
    if out.is_empty() {
        return Err(LdpError::Failed(format!(
            "cluster at {} serves no slots (cluster_state not ok?)",
            node.label
        ))
        .into());
    }
    Ok(out)
}
