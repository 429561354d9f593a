//! `ldp lock list|hold|run|break`: distributed locks that interoperate with the
//! pipeline's redis-py `Lock` (WIRE.md §4).
//!
//! A lock is a string key holding a token, taken with `SET key token NX PX ttl`.
//! ldp's acquire script also INCRs a fencing counter kept in the same cluster
//! slot, renews with redis-py's extend semantics (compare the token, PEXPIRE)
//! and releases with redis-py's release semantics (compare and delete), so a
//! Python holder and ldp treat each other's locks exactly like their own.

use std::ffi::OsString;
use std::os::unix::process::ExitStatusExt;
use std::sync::LazyLock;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use redis::{ErrorKind, RedisError, Script, Value};
use serde::Serialize;
use tokio::signal::unix::{Signal, SignalKind, signal};

use crate::backup::{Header, Record, Writer};
use crate::broker::BrokerLayout;
use crate::bytes;
use crate::commands::Ctx;
use crate::commands::keys::BackupNote;
use crate::consent::Consent;
use crate::error::{Exit, LdpError};
use crate::keyspace::{Registry, Role};
use crate::output::OutputFormat;
use crate::output::{self, Output, Report, Row, RowWriter, StreamMode};
use crate::redis::script::{eval, server_error};
use crate::redis::{Node, Redis, ScanSpec, slot};

/// A family of lock-like keys. `broker` families live on the Celery broker
/// (which may be another server than `--url`), under kombu's key prefix.
#[derive(Debug, Clone)]
struct LockFamily {
    name: String,
    pattern: Vec<u8>,
    broker: bool,
}

/// The registry's lock families, one entry per template (as a glob); those
/// whose keys belong to the Celery broker are looked for on the broker.
fn lock_families(reg: &Registry, layout: &BrokerLayout) -> Vec<LockFamily> {
    reg.with_role(Role::Lock)
        .flat_map(|f| {
            f.compiled().iter().map(|t| {
                let pattern = t.glob(None);
                LockFamily {
                    name: f.name.clone(),
                    broker: layout.is_broker_key(&pattern),
                    pattern,
                }
            })
        })
        .collect()
}

/// The pipeline's convention: lock `NAME` is the key `lock:NAME`.
const NAME_PREFIX: &[u8] = b"lock:";
/// python-redis-lock wakes its waiters through `lock-signal:NAME`.
const SIGNAL_PREFIX: &[u8] = b"lock-signal:";
/// How long python-redis-lock keeps a wake-up signal (its `signal_expire`).
const SIGNAL_EXPIRE_MS: u64 = 1000;
/// Fencing counters: `ldp:fence:{<lock key>}`.
const FENCE_PREFIX: &[u8] = b"ldp:fence:";

/// Default TTL of `lock hold` and `lock run` (also the clap default).
pub const DEFAULT_TTL: Duration = Duration::from_secs(60);
const MIN_TTL: Duration = Duration::from_secs(1);
/// A TTL above a day is almost surely a unit slip (`--ttl 3600000` meaning ms).
const MAX_TTL: Duration = Duration::from_secs(24 * 3600);
/// Longest lock name accepted (the key gets `lock:` in front).
const MAX_NAME: usize = 512;

/// Busy-lock polling: first pause, doubling up to the cap.
const BACKOFF_START: Duration = Duration::from_millis(50);
const BACKOFF_CAP: Duration = Duration::from_secs(1);

/// Bytes of a value read to show a token (lock tokens are 24 to 36 bytes).
const TOKEN_PEEK: usize = 128;
/// SCAN COUNT hint for `lock list`.
const SCAN_COUNT: u32 = 5000;
/// Rows a table shows when no `--limit` is given.
const TABLE_ROWS: usize = 1000;

/// SET NX PX, then INCR the fencing counter in the same slot. Returns
/// `{1, fence}`, or `{0, holder token or nil, PTTL}` when the lock is busy.
const ACQUIRE_LUA: &str = r"
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  local fence = redis.pcall('INCR', KEYS[2])
  if type(fence) == 'table' then
    redis.call('DEL', KEYS[1])
    return redis.error_reply('fencing counter: ' .. tostring(fence.err))
  end
  return {1, fence}
end
local holder = redis.pcall('GET', KEYS[1])
if type(holder) ~= 'string' then holder = false end
return {0, holder, redis.call('PTTL', KEYS[1])}
";

/// redis-py's extend with `replace_ttl=True`: 0 unless the token still holds
/// the key and the key has a TTL; then PEXPIRE to the full TTL.
const EXTEND_LUA: &str = r"
local token = redis.call('GET', KEYS[1])
if not token or token ~= ARGV[1] then
  return 0
end
if redis.call('PTTL', KEYS[1]) < 0 then
  return 0
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
";

/// redis-py's release: delete the key only while it holds the token.
const RELEASE_LUA: &str = crate::redis::script::DELETE_IF_EQUAL;

static ACQUIRE: LazyLock<Script> = LazyLock::new(|| Script::new(ACQUIRE_LUA));
static EXTEND: LazyLock<Script> = LazyLock::new(|| Script::new(EXTEND_LUA));
static RELEASE: LazyLock<Script> = LazyLock::new(|| Script::new(RELEASE_LUA));

// ---------------------------------------------------------------------------
// Options (plain values converted from the clap types)
// ---------------------------------------------------------------------------

/// A resolved lock: its key and the fencing counter that goes with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockKey {
    pub key: Vec<u8>,
    pub fence: Vec<u8>,
}

impl LockKey {
    fn shown(&self) -> String {
        bytes::escape(&self.key)
    }
}

/// Plain options of `lock list`.
#[derive(Debug, Clone)]
pub struct ListOptions {
    pub pattern: Option<Vec<u8>>,
    pub no_ttl: bool,
    pub limit: Option<u64>,
}

/// Plain options of `lock hold`.
#[derive(Debug, Clone)]
pub struct HoldOptions {
    pub lock: LockKey,
    pub ttl: Duration,
    pub wait: Duration,
}

/// Plain options of `lock run`.
#[derive(Debug, Clone)]
pub struct RunOptions {
    pub lock: LockKey,
    pub ttl: Duration,
    pub wait: Duration,
    pub conflict_exit_code: u8,
    pub grace: Duration,
    pub command: Vec<OsString>,
    /// Keep the pipeline's secret variables in CMD's environment.
    pub pass_secrets: bool,
}

/// Plain options of `lock break`.
#[derive(Debug, Clone)]
pub struct BreakOptions {
    pub lock: LockKey,
    pub token: Option<Vec<u8>>,
    pub consent: Consent,
    /// `--backup FILE`: DUMP the lock into FILE in the transaction that breaks it.
    pub backup: Option<std::path::PathBuf>,
}

/// The lock a NAME (`lock:NAME`) or a raw `--key` names, with its fence.
pub fn resolve_target(name: Option<String>, raw_key: Option<String>) -> Result<LockKey> {
    let key = match (name, raw_key) {
        (Some(name), None) => {
            validate_name(&name).map_err(LdpError::usage)?;
            [NAME_PREFIX, name.as_bytes()].concat()
        }
        (None, Some(k)) => {
            let key = bytes::unescape(&k).map_err(|e| LdpError::usage(format!("--key: {e}")))?;
            if key.is_empty() {
                return Err(LdpError::usage("--key is empty"));
            }
            key
        }
        _ => return Err(LdpError::usage("give a lock NAME or --key KEY")),
    };
    let fence = fence_key(&key).map_err(LdpError::usage)?;
    Ok(LockKey { key, fence })
}

/// A lock name must name exactly one key: no glob characters (it would read
/// as a pattern elsewhere), no whitespace or control characters (invisible in
/// logs and cron lines).
pub fn validate_name(name: &str) -> Result<(), String> {
    if name.is_empty() {
        return Err("the lock name is empty".into());
    }
    if name.len() > MAX_NAME {
        return Err(format!(
            "the lock name is {} bytes long (at most {MAX_NAME})",
            name.len()
        ));
    }
    if let Some(c) = name
        .chars()
        .find(|c| matches!(c, '*' | '?' | '[' | ']' | '\\'))
    {
        return Err(format!(
            "invalid lock name '{name}': '{c}' is a glob character (* ? [ ] \\ are not allowed; \
             use --key for an unusual raw key)"
        ));
    }
    if name.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!(
            "invalid lock name '{}': whitespace and control characters are not allowed",
            name.escape_debug()
        ));
    }
    Ok(())
}

/// A lock TTL within 1s..24h.
pub fn check_ttl(ttl: Duration) -> Result<Duration> {
    if ttl < MIN_TTL || ttl > MAX_TTL {
        return Err(LdpError::usage(format!(
            "invalid --ttl '{}': must be between 1s and 24h",
            humantime::format_duration(ttl)
        )));
    }
    Ok(ttl)
}

/// The fencing counter of a lock key, in the key's cluster slot so one script
/// can take both: `ldp:fence:{<key>}`. A key containing `}` cannot sit inside
/// braces; if it has a hash tag `{t}` the counter is `ldp:fence:{t}<key>`.
pub fn fence_key(key: &[u8]) -> Result<Vec<u8>, String> {
    let fence = if !key.contains(&b'}') {
        [FENCE_PREFIX, b"{", key, b"}"].concat()
    } else if let Some(tag) = hash_tag(key) {
        [FENCE_PREFIX, b"{", tag, b"}", key].concat()
    } else {
        return Err(format!(
            "cannot keep a fencing counter in the cluster slot of '{}': it contains '}}' \
             but no hash tag",
            bytes::escape(key)
        ));
    };
    debug_assert_eq!(slot::slot(&fence), slot::slot(key));
    Ok(fence)
}

/// The bytes Redis Cluster hashes when a key has a `{tag}`.
fn hash_tag(key: &[u8]) -> Option<&[u8]> {
    let open = key.iter().position(|&b| b == b'{')?;
    let len = key[open + 1..].iter().position(|&b| b == b'}')?;
    (len > 0).then(|| &key[open + 1..open + 1 + len])
}

// ---------------------------------------------------------------------------
// Tokens, styles, backoff
// ---------------------------------------------------------------------------

/// 32 lowercase hex characters from the OS CSPRNG, the shape of redis-py's
/// `uuid1().hex` tokens.
fn new_token() -> Result<String> {
    let mut b = [0u8; 16];
    getrandom::getrandom(&mut b)
        .map_err(|e| anyhow::anyhow!("cannot read the system's random source: {e}"))?;
    Ok(b.iter().map(|x| format!("{x:02x}")).collect())
}

/// Randomness for jitter only; a failure just means no jitter.
fn jitter_seed() -> u64 {
    let mut b = [0u8; 8];
    let _ = getrandom::getrandom(&mut b);
    u64::from_le_bytes(b)
}

/// Which library a token looks like it came from.
pub fn token_style(token: &[u8]) -> &'static str {
    if token.len() == 32 && token.iter().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        "redis-py"
    } else if token.len() == 24
        && token
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'-' | b'_' | b'='))
    {
        "python-redis-lock"
    } else {
        "other"
    }
}

/// Pause before retry `attempt` (0-based) on a busy lock: doubling from 50 ms,
/// capped at 1 s, with "equal jitter" (half fixed, half random) so waiters on
/// several hosts do not poll in lockstep.
pub fn backoff(attempt: u32, rand: u64) -> Duration {
    let base = BACKOFF_START
        .saturating_mul(1u32 << attempt.min(16))
        .min(BACKOFF_CAP);
    let half = base / 2;
    let spread = half.as_millis() as u64;
    half + Duration::from_millis(rand % (spread + 1))
}

// ---------------------------------------------------------------------------
// Scripts on the node that owns the key
// ---------------------------------------------------------------------------

fn int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::BulkString(b) => std::str::from_utf8(b).ok()?.parse().ok(),
        _ => None,
    }
}

/// Who holds a busy lock.
#[derive(Debug, Clone)]
struct Holder {
    token: Option<Vec<u8>>,
    /// PTTL: -1 no expiry, -2 gone by now.
    pttl: i64,
}

impl Holder {
    fn describe(&self, lock: &LockKey) -> String {
        let who = match &self.token {
            Some(t) => format!("held by {} ({})", bytes::escape(t), token_style(t)),
            None => "held by a key that is not a lock token".into(),
        };
        let ttl = match self.pttl {
            -1 => ", no TTL: it never expires".to_string(),
            ms if ms >= 0 => format!(", expires in {}", output::human_ttl(Some(ms))),
            _ => String::new(),
        };
        format!("{} is busy: {who}{ttl}", lock.shown())
    }
}

enum Attempt {
    Acquired(i64),
    Busy(Holder),
}

async fn try_acquire(
    node: &Node,
    lock: &LockKey,
    token: &str,
    ttl: Duration,
) -> Result<Attempt, RedisError> {
    let ms = ttl.as_millis().to_string();
    let v = eval(
        node,
        &ACQUIRE,
        ACQUIRE_LUA,
        &[&lock.key, &lock.fence],
        &[token.as_bytes(), ms.as_bytes()],
    )
    .await?;
    let bad = || RedisError::from((ErrorKind::Parse, "unexpected reply from the acquire script"));
    let Value::Array(parts) = v else {
        return Err(bad());
    };
    match parts.first().and_then(int) {
        Some(1) => parts
            .get(1)
            .and_then(int)
            .map(Attempt::Acquired)
            .ok_or_else(bad),
        Some(0) => {
            let holder = match parts.get(1) {
                Some(Value::BulkString(b)) => Some(b.clone()),
                _ => None,
            };
            let pttl = parts.get(2).and_then(int).unwrap_or(-2);
            // Our own token: a first attempt succeeded but its reply was lost
            // to a dropped connection and `read` retried. We hold the lock.
            if holder.as_deref() == Some(token.as_bytes()) {
                let fence: Option<i64> = node.read(redis::cmd("GET").arg(&lock.fence)).await?;
                return fence.map(Attempt::Acquired).ok_or_else(bad);
            }
            Ok(Attempt::Busy(Holder {
                token: holder,
                pttl,
            }))
        }
        _ => Err(bad()),
    }
}

/// A lock ldp holds.
struct Lease {
    redis: Redis,
    node: usize,
    lock: LockKey,
    token: String,
    fence: i64,
    ttl: Duration,
    /// The latest moment the server can still hold the key for us: when the
    /// last successful SET or renewal was *sent*, plus the TTL.
    expires: Instant,
}

impl Lease {
    fn node(&self) -> &Node {
        self.redis.node(self.node)
    }

    /// Ok(true) renewed, Ok(false) the token no longer holds the key.
    async fn extend(&self) -> Result<bool, RedisError> {
        let ms = self.ttl.as_millis().to_string();
        let v = eval(
            self.node(),
            &EXTEND,
            EXTEND_LUA,
            &[&self.lock.key],
            &[self.token.as_bytes(), ms.as_bytes()],
        )
        .await?;
        Ok(int(&v) == Some(1))
    }

    /// Compare-and-delete. Ok(false): the key no longer held our token.
    async fn release(&self) -> Result<bool, RedisError> {
        let v = eval(
            self.node(),
            &RELEASE,
            RELEASE_LUA,
            &[&self.lock.key],
            &[self.token.as_bytes()],
        )
        .await?;
        Ok(int(&v) == Some(1))
    }

    /// Release within `limit`; a message for the operator when it did not work.
    async fn release_within(&self, limit: Duration) -> Option<String> {
        let shown = self.lock.shown();
        match tokio::time::timeout(limit, self.release()).await {
            Ok(Ok(true)) => None,
            Ok(Ok(false)) => Some(format!(
                "{shown} was no longer held by this holder when it was released"
            )),
            Ok(Err(e)) => Some(format!(
                "could not release {shown} ({}): it expires within {}",
                one_line(&e.to_string()),
                humantime::format_duration(self.ttl)
            )),
            Err(_) => Some(format!(
                "could not release {shown} (timed out): it expires within {}",
                humantime::format_duration(self.ttl)
            )),
        }
    }

    /// What holds the key now, for the "lost" message (best effort).
    async fn who_now(&self) -> String {
        let get = redis::cmd("GET").arg(&self.lock.key).to_owned();
        match tokio::time::timeout(
            Duration::from_secs(2),
            self.node().read::<Option<Vec<u8>>>(&get),
        )
        .await
        {
            Ok(Ok(None)) => "the key was deleted or expired".into(),
            Ok(Ok(Some(t))) => format!("now held by {}", bytes::escape(&t)),
            _ => "it is no longer ours".into(),
        }
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Renews a lease at a third of its TTL. After an error it retries every
/// tenth of the TTL (at most 1 s apart) until the TTL since the last success
/// has run out: then the lock counts as lost, since the server may have let
/// the key expire.
struct Keeper {
    lease: Lease,
    next: Instant,
    failing: bool,
}

impl Keeper {
    fn new(lease: Lease) -> Keeper {
        let next = Instant::now() + lease.ttl / 3;
        Keeper {
            lease,
            next,
            failing: false,
        }
    }

    /// Wait for the next renewal and do it. Err(reason) when the lock is lost.
    /// Cancel-safe: state changes only after a renewal completes.
    async fn step(&mut self, out: &Output) -> Result<(), String> {
        tokio::time::sleep_until(self.next.into()).await;
        let sent = Instant::now();
        let shown = self.lease.lock.shown();
        let Some(left) = self.lease.expires.checked_duration_since(sent) else {
            return Err(format!(
                "{shown}: Redis did not answer before the lock's TTL ran out"
            ));
        };
        match tokio::time::timeout(left, self.lease.extend()).await {
            Ok(Ok(true)) => {
                if self.failing {
                    out.note(format!("renewed {shown} again"));
                }
                self.failing = false;
                self.lease.expires = sent + self.lease.ttl;
                self.next = sent + self.lease.ttl / 3;
                Ok(())
            }
            Ok(Ok(false)) => Err(format!("{shown}: {}", self.lease.who_now().await)),
            Ok(Err(e)) => {
                if !self.failing {
                    out.warn(format!(
                        "renewing {shown} failed ({}); retrying for up to {}",
                        one_line(&e.to_string()),
                        humantime::format_duration(Duration::from_millis(left.as_millis() as u64))
                    ));
                }
                self.failing = true;
                let retry = (self.lease.ttl / 10).clamp(Duration::from_millis(50), BACKOFF_CAP);
                self.next = (sent + retry).min(self.lease.expires);
                Ok(())
            }
            Err(_) => Err(format!(
                "{shown}: Redis did not answer before the lock's TTL ran out"
            )),
        }
    }
}

// ---------------------------------------------------------------------------
// Signals
// ---------------------------------------------------------------------------

/// SIGINT, SIGTERM and SIGHUP, caught (so ldp can release its lock) instead of
/// ending the process.
struct Signals {
    int: Signal,
    term: Signal,
    hup: Signal,
}

impl Signals {
    fn new() -> Result<Signals> {
        let install = |k: SignalKind| signal(k).context("cannot install a signal handler");
        Ok(Signals {
            int: install(SignalKind::interrupt())?,
            term: install(SignalKind::terminate())?,
            hup: install(SignalKind::hangup())?,
        })
    }

    async fn recv(&mut self) -> i32 {
        tokio::select! {
            _ = self.int.recv() => libc::SIGINT,
            _ = self.term.recv() => libc::SIGTERM,
            _ = self.hup.recv() => libc::SIGHUP,
        }
    }
}

/// Whether a terminal already delivered `sig` to the child: Ctrl-C (SIGINT)
/// and hang-up (SIGHUP) go to the terminal's whole foreground process group,
/// and the child shares ldp's group. Forwarding those again would signal the
/// child twice.
fn terminal_sent_it(sig: i32, child: u32) -> bool {
    if sig != libc::SIGINT && sig != libc::SIGHUP {
        return false;
    }
    // SAFETY: plain syscalls on a path we own and on our own child's pid.
    unsafe {
        let fd = libc::open(c"/dev/tty".as_ptr(), libc::O_RDONLY | libc::O_NOCTTY);
        if fd < 0 {
            return false;
        }
        let fg = libc::tcgetpgrp(fd);
        libc::close(fd);
        let ours = libc::getpgrp();
        fg == ours && libc::getpgid(child as libc::pid_t) == ours
    }
}

fn kill(pid: u32, sig: i32) {
    // SAFETY: signalling our own child, not yet reaped (see `run`).
    unsafe {
        libc::kill(pid as libc::pid_t, sig);
    }
}

/// The exit code for a child's status: its code, or 128+signal.
fn exit_code(status: std::process::ExitStatus) -> u8 {
    match (status.code(), status.signal()) {
        (Some(c), _) => c as u8,
        (None, Some(s)) => (128 + s) as u8,
        _ => 1,
    }
}

/// One line on stderr in main's format, shown even with -q: the command's own
/// outcome (busy, lost), which it reports through an exit code, not an error.
fn report_line(msg: &str) {
    eprintln!("ldp: {msg}");
}

// ---------------------------------------------------------------------------
// Acquisition
// ---------------------------------------------------------------------------

enum Got {
    Lease(Lease),
    Busy(Holder),
    /// A signal arrived while waiting for a busy lock.
    Interrupted(i32),
}

/// Try once, then (with `--wait`) poll with jittered backoff until the
/// deadline. Signals end the wait.
async fn acquire(
    redis: &Redis,
    lock: &LockKey,
    ttl: Duration,
    wait: Duration,
    signals: &mut Signals,
    out: &Output,
) -> Result<Got> {
    let node_i = redis.node_for(&lock.key)?;
    let node = redis.node(node_i);
    let token = new_token()?;
    // None: a --wait too long to represent, i.e. wait for ever.
    let deadline = Instant::now().checked_add(wait);
    let mut attempt = 0u32;
    loop {
        let sent = Instant::now();
        let got = try_acquire(node, lock, &token, ttl)
            .await
            .map_err(|e| server_error(node, &format!("acquiring {}", lock.shown()), e))?;
        match got {
            Attempt::Acquired(fence) => {
                return Ok(Got::Lease(Lease {
                    redis: redis.clone(),
                    node: node_i,
                    lock: lock.clone(),
                    token,
                    fence,
                    ttl,
                    expires: sent + ttl,
                }));
            }
            Attempt::Busy(holder) => {
                let now = Instant::now();
                let left = match deadline {
                    None => Duration::MAX,
                    Some(d) => d.saturating_duration_since(now),
                };
                if left.is_zero() {
                    return Ok(Got::Busy(holder));
                }
                // On a terminal someone is watching: say why nothing happens yet.
                if attempt == 0 && out.stderr_tty {
                    out.note(format!(
                        "{}; waiting up to {}",
                        holder.describe(lock),
                        humantime::format_duration(wait)
                    ));
                }
                let pause = backoff(attempt, jitter_seed()).min(left);
                attempt = attempt.saturating_add(1);
                tokio::select! {
                    _ = tokio::time::sleep(pause) => {}
                    sig = signals.recv() => return Ok(Got::Interrupted(sig)),
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// lock hold
// ---------------------------------------------------------------------------

/// What `lock hold` prints once it holds the lock.
#[derive(Debug, Serialize)]
pub struct HoldReport {
    pub key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_base64: Option<String>,
    pub token: String,
    pub fence: i64,
    /// Seconds.
    pub ttl: f64,
}

impl Report for HoldReport {
    fn text(&self, out: &Output) -> String {
        if out.stdout_tty || out.explicit {
            let mut t = out.table(&["key", "token", "fence", "ttl"]);
            t.add_row(vec![
                self.key.clone(),
                self.token.clone(),
                self.fence.to_string(),
                humantime::format_duration(Duration::from_secs_f64(self.ttl)).to_string(),
            ]);
            format!("{t}\n")
        } else {
            format!(
                "{}\t{}\t{}\t{}\n",
                self.key, self.token, self.fence, self.ttl
            )
        }
    }
}

/// `ldp lock hold`.
pub async fn hold(ctx: &Ctx, o: HoldOptions) -> Result<Exit> {
    let out = &ctx.out;
    let redis = ctx.redis().await?;
    let mut signals = Signals::new()?;
    let lease = match acquire(&redis, &o.lock, o.ttl, o.wait, &mut signals, out).await? {
        Got::Lease(l) => l,
        Got::Busy(h) => {
            out.note(h.describe(&o.lock));
            return Ok(Exit::LockBusy);
        }
        Got::Interrupted(sig) => return Ok(Exit::from_signal(sig)),
    };
    out.print(&HoldReport {
        key: o.lock.shown(),
        key_base64: bytes::base64_if_binary(&o.lock.key),
        token: lease.token.clone(),
        fence: lease.fence,
        ttl: o.ttl.as_secs_f64(),
    })?;
    if out.stderr_tty {
        out.note(format!(
            "holding {}; Ctrl-C or SIGTERM releases it",
            o.lock.shown()
        ));
    }
    let mut keeper = Keeper::new(lease);
    let lost = loop {
        tokio::select! {
            _ = signals.recv() => break None,
            r = keeper.step(out) => if let Err(reason) = r { break Some(reason) },
        }
    };
    if let Some(reason) = lost {
        report_line(&format!("lost lock {reason}"));
        return Ok(Exit::LockLost);
    }
    match keeper
        .lease
        .release_within(ctx.settings.redis.timeout)
        .await
    {
        None => {
            out.note(format!("released {}", o.lock.shown()));
            Ok(Exit::Ok)
        }
        Some(problem) => {
            report_line(&problem);
            Ok(Exit::LockLost)
        }
    }
}

// ---------------------------------------------------------------------------
// lock run
// ---------------------------------------------------------------------------

/// How the child's run ended.
enum End {
    Exited(std::process::ExitStatus),
    Lost(String),
}

/// `ldp lock run`.
pub async fn run(ctx: &Ctx, o: RunOptions) -> Result<Exit> {
    let out = &ctx.out;
    // ldp writes nothing to stdout here (it is the child's), whatever the format.
    let redis = ctx.redis().await?;
    let mut signals = Signals::new()?;
    let lease = match acquire(&redis, &o.lock, o.ttl, o.wait, &mut signals, out).await? {
        Got::Lease(l) => l,
        Got::Busy(h) => {
            out.note(h.describe(&o.lock));
            return Ok(Exit::Child(o.conflict_exit_code));
        }
        Got::Interrupted(sig) => return Ok(Exit::from_signal(sig)),
    };
    out.debug(format!(
        "acquired {} (fence {}, ttl {})",
        o.lock.shown(),
        lease.fence,
        humantime::format_duration(o.ttl)
    ));

    let program = &o.command[0];
    let mut cmd = tokio::process::Command::new(program);
    cmd.args(&o.command[1..])
        .env("LDP_LOCK_KEY", o.lock.shown())
        .env("LDP_LOCK_TOKEN", &lease.token)
        .env("LDP_LOCK_FENCE", lease.fence.to_string());
    if !o.pass_secrets {
        for var in crate::secret::SECRET_VARS {
            cmd.env_remove(var);
        }
    }
    // If ldp itself dies (SIGKILL), nothing renews the lock any more: the child
    // gets SIGTERM from the kernel instead of running on unprotected. The death
    // signal follows the spawning thread; this future runs on the thread that
    // called `block_on` (main), which lives until the process exits.
    let parent = std::process::id() as libc::pid_t;
    // SAFETY: only async-signal-safe calls (prctl, getppid), no allocation.
    unsafe {
        cmd.pre_exec(move || {
            if libc::prctl(
                libc::PR_SET_PDEATHSIG,
                libc::SIGTERM as libc::c_ulong,
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
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.kind() == std::io::ErrorKind::NotFound {
                127
            } else {
                126
            };
            report_line(&format!("cannot run '{}': {e}", program.to_string_lossy()));
            if let Some(problem) = lease.release_within(ctx.settings.redis.timeout).await {
                out.warn(problem);
            }
            return Ok(Exit::Child(code));
        }
    };
    // The child is reaped only by `child.wait()` below, so until that returns
    // its pid cannot be reused and signalling it is safe.
    let Some(pid) = child.id() else {
        // Only possible once reaped, which nothing has done yet.
        let _ = lease.release_within(ctx.settings.redis.timeout).await;
        return Err(anyhow::anyhow!(
            "the child was reaped before it could be watched"
        ));
    };

    let mut keeper = Keeper::new(lease);
    let end = loop {
        tokio::select! {
            st = child.wait() => break End::Exited(st.context("waiting for the child")?),
            sig = signals.recv() => {
                if terminal_sent_it(sig, pid) {
                    out.debug("the terminal already signalled the child");
                } else {
                    kill(pid, sig);
                }
            }
            r = keeper.step(out) => if let Err(reason) = r { break End::Lost(reason) },
        }
    };
    let lease = keeper.lease;
    match end {
        End::Exited(status) => {
            if let Some(problem) = lease.release_within(ctx.settings.redis.timeout).await {
                out.warn(problem);
            }
            Ok(Exit::Child(exit_code(status)))
        }
        End::Lost(reason) => {
            kill(pid, libc::SIGTERM);
            let how = match tokio::time::timeout(o.grace, child.wait()).await {
                Ok(_) => "terminated CMD (SIGTERM)",
                Err(_) => {
                    kill(pid, libc::SIGKILL);
                    let _ = child.wait().await;
                    "killed CMD (SIGKILL after the grace period)"
                }
            };
            // Compare-and-delete is harmless when the key is someone else's.
            let _ = tokio::time::timeout(Duration::from_secs(1), lease.release()).await;
            report_line(&format!("lost lock {reason}; {how}"));
            Ok(Exit::LockLost)
        }
    }
}

// ---------------------------------------------------------------------------
// lock break
// ---------------------------------------------------------------------------

/// The outcome of `lock break`.
#[derive(Debug, Serialize)]
pub struct BreakReport {
    pub key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_base64: Option<String>,
    /// `broken`, `dry-run`, `not-held`, `released-meanwhile` or `changed`.
    pub action: &'static str,
    /// The token that was (or would be) broken.
    pub token: Option<String>,
    /// What holds the key now (after the action); null when nothing does.
    pub current_token: Option<String>,
    /// Seconds the lock had left when it was looked at; null without TTL.
    pub ttl: Option<f64>,
    pub style: Option<&'static str>,
    /// Whether python-redis-lock's waiters were woken (`lock-signal:NAME`).
    pub signalled: bool,
    /// `--backup`: the file and how many keys it holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup: Option<BackupNote>,
}

impl Report for BreakReport {
    fn text(&self, _out: &Output) -> String {
        let tok = self.token.as_deref().unwrap_or("?");
        let ttl = human_secs(self.ttl);
        let mut s = match self.action {
            "broken" => format!("broke {} (token {tok}, TTL left {ttl})", self.key),
            "dry-run" => format!(
                "dry run: would break {} (token {tok}, {}, TTL left {ttl})",
                self.key,
                self.style.unwrap_or("other")
            ),
            "not-held" => format!("{} is not held: nothing to break", self.key),
            "released-meanwhile" => {
                format!("{} was released by its holder meanwhile", self.key)
            }
            _ => format!(
                "{} is held by another token now ({}), not {tok}: left alone",
                self.key,
                self.current_token.as_deref().unwrap_or("?")
            ),
        };
        if self.signalled {
            s.push_str("; woke python-redis-lock waiters");
        }
        s.push('\n');
        if let Some(b) = &self.backup {
            s.push_str(&b.line());
        }
        s
    }
}

fn human_secs(ttl: Option<f64>) -> String {
    match ttl {
        None => "none (no TTL)".into(),
        Some(s) => output::human_ttl(Some((s * 1000.0) as i64)),
    }
}

/// The compare-and-delete with the lock's DUMP and PTTL in the same
/// transaction: the backup holds exactly the value deleted, and only when
/// the script deleted it (it returns the script's reply).
async fn break_backed(node: &Node, key: &[u8], token: &[u8], w: &mut Writer) -> Result<Value> {
    let mut p = redis::pipe();
    p.atomic()
        .cmd("DUMP")
        .arg(key)
        .cmd("PTTL")
        .arg(key)
        .cmd("EVAL")
        .arg(RELEASE_LUA)
        .arg(1)
        .arg(key)
        .arg(token);
    let (dump, pttl, v): (Option<Vec<u8>>, i64, Value) = node
        .pipe(&p)
        .await
        .map_err(|e| server_error(node, &format!("breaking {}", bytes::escape(key)), e))?;
    if let (Some(1), Some(payload)) = (int(&v), dump) {
        w.save(&Record::deleted(key, Some(pttl), payload), || {
            "the lock is broken".into()
        })?;
    }
    Ok(v)
}

/// `ldp lock break`.
pub async fn break_lock(ctx: &Ctx, o: BreakOptions) -> Result<Exit> {
    let out = &ctx.out;
    let gate = o.consent.admit(out, &ctx.journal, "break a lock")?;
    let redis = ctx.redis().await?;
    let node = redis.node(redis.node_for(&o.lock.key)?);
    let shown = o.lock.shown();
    gate.journal().subject(shown.clone());
    let mut p = redis::pipe();
    p.ignore_errors();
    p.cmd("TYPE").arg(&o.lock.key);
    p.cmd("PTTL").arg(&o.lock.key);
    p.cmd("GET").arg(&o.lock.key);
    let replies: Vec<Value> = node
        .pipe_read(&p)
        .await
        .map_err(|e| server_error(node, &format!("reading {shown}"), e))?;
    let key_type = match replies.first() {
        Some(Value::SimpleString(s)) => s.clone(),
        _ => String::new(),
    };
    let mut report = BreakReport {
        key: shown.clone(),
        key_base64: bytes::base64_if_binary(&o.lock.key),
        action: "not-held",
        token: o.token.as_deref().map(bytes::escape),
        current_token: None,
        ttl: None,
        style: None,
        signalled: false,
        backup: None,
    };
    if key_type == "none" {
        out.print(&report)?;
        return Ok(Exit::Ok);
    }
    if key_type != "string" {
        return Err(LdpError::usage(format!(
            "{shown} is a {key_type}, not a lock (a lock is a string holding a token)"
        )));
    }
    let current = match replies.get(2) {
        Some(Value::BulkString(b)) => b.clone(),
        _ => {
            // Gone between TYPE and GET.
            out.print(&report)?;
            return Ok(Exit::Ok);
        }
    };
    let pttl = replies.get(1).and_then(int).unwrap_or(-1);
    report.ttl = (pttl >= 0).then(|| pttl as f64 / 1000.0);
    report.current_token = Some(bytes::escape(&current));
    let target = o.token.clone().unwrap_or_else(|| current.clone());
    report.token = Some(bytes::escape(&target));
    report.style = Some(token_style(&target));
    if target != current {
        report.action = "changed";
        out.print(&report)?;
        return Ok(Exit::Failure);
    }
    if gate.dry_run {
        report.action = "dry-run";
        out.print(&report)?;
        return Ok(Exit::Ok);
    }
    let mut backup = gate.backup(
        o.backup.as_deref(),
        &Header::new(redis.label(), redis.is_cluster(), "lock break"),
    )?;
    if gate.will_ask() {
        eprintln!(
            "{shown} on {} is held by token {} ({}), TTL left {}",
            redis.label(),
            bytes::escape(&target),
            token_style(&target),
            human_secs(report.ttl)
        );
        if !gate.confirm(out, "Break it?")? {
            out.note("nothing broken");
            return Ok(Exit::Failure);
        }
    }
    let v = match backup.as_mut() {
        None => eval(node, &RELEASE, RELEASE_LUA, &[&o.lock.key], &[&target])
            .await
            .map_err(|e| server_error(node, &format!("breaking {shown}"), e))?,
        Some(w) => break_backed(node, &o.lock.key, &target, w).await?,
    };
    if int(&v) == Some(1) {
        report.backup = BackupNote::finish(backup)?;
        report.action = "broken";
        report.current_token = None;
        gate.journal().changed("locks", 1);
        if token_style(&target) == "python-redis-lock" {
            report.signalled = wake_waiters(&redis, &o.lock.key, out).await;
        }
        out.print(&report)?;
        return Ok(Exit::Ok);
    }
    // Someone else changed it between our read and the script.
    let now: Option<Vec<u8>> = node
        .read(redis::cmd("GET").arg(&o.lock.key))
        .await
        .map_err(|e| server_error(node, &format!("reading {shown}"), e))?;
    report.current_token = now.as_deref().map(bytes::escape);
    match now {
        None => {
            report.action = "released-meanwhile";
            out.print(&report)?;
            Ok(Exit::Ok)
        }
        Some(_) => {
            report.action = "changed";
            out.print(&report)?;
            Ok(Exit::Failure)
        }
    }
}

/// python-redis-lock's waiters block on `lock-signal:NAME`; push there (and
/// let it expire like that library does) so they retry at once.
async fn wake_waiters(redis: &Redis, key: &[u8], out: &Output) -> bool {
    let Some(name) = key.strip_prefix(NAME_PREFIX) else {
        return false;
    };
    let signal_key = [SIGNAL_PREFIX, name].concat();
    let Ok(i) = redis.node_for(&signal_key) else {
        return false;
    };
    let node = redis.node(i);
    let mut p = redis::pipe();
    p.atomic()
        .cmd("RPUSH")
        .arg(&signal_key)
        .arg(1)
        .ignore()
        .cmd("PEXPIRE")
        .arg(&signal_key)
        .arg(SIGNAL_EXPIRE_MS)
        .ignore();
    match node.pipe::<()>(&p).await {
        Ok(()) => true,
        Err(e) => {
            out.warn(format!(
                "could not wake python-redis-lock waiters on {}: {}",
                bytes::escape(&signal_key),
                one_line(&e.to_string())
            ));
            false
        }
    }
}

// ---------------------------------------------------------------------------
// lock list
// ---------------------------------------------------------------------------

/// One lock-like key. The JSON shape of `lock list`.
#[derive(Debug, Clone, Serialize)]
pub struct LockRow {
    /// The key, escaped (`\xNN`) like everywhere in ldp.
    pub key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_base64: Option<String>,
    /// The lock family it belongs to; null for keys matched only by PATTERN.
    pub family: Option<String>,
    /// Redis type: `string` for locks, `list` for `lock-signal:` keys.
    #[serde(rename = "type")]
    pub key_type: String,
    /// The holder's token (escaped); null for non-string keys.
    pub token: Option<String>,
    /// `redis-py` (32 hex, ldp too), `python-redis-lock` (24 base64),
    /// `signal` (a wake-up list), or `other`.
    pub style: &'static str,
    /// Seconds left; null when the key never expires.
    pub ttl: Option<f64>,
    /// False for a key without TTL: a crashed holder keeps it forever.
    pub expires: bool,
}

impl Row for LockRow {
    fn headers(&self) -> Vec<&'static str> {
        vec!["key", "token", "ttl", "style"]
    }
    fn cells(&self) -> Vec<String> {
        vec![
            self.key.clone(),
            self.token.clone().unwrap_or_else(|| "-".into()),
            self.ttl.map_or("-1".into(), |t| t.to_string()),
            self.style.into(),
        ]
    }
    fn human_cells(&self) -> Vec<String> {
        vec![
            self.key.clone(),
            self.token.clone().unwrap_or_else(|| "-".into()),
            match self.ttl {
                Some(s) => output::human_ttl(Some((s * 1000.0) as i64)),
                None => "NO TTL (never expires)".into(),
            },
            self.style.into(),
        ]
    }
}

/// SCAN patterns covering `globs`: one `*<literal>*` pattern when they all
/// contain a common literal of at least 3 bytes (one walk of the keyspace
/// instead of one per family; keys are then filtered locally), else the globs.
fn scan_plan(globs: &[&[u8]]) -> Vec<Vec<u8>> {
    if globs.len() < 2 {
        return globs.iter().map(|g| g.to_vec()).collect();
    }
    let runs: Vec<Vec<Vec<u8>>> = globs.iter().map(|g| literal_runs(g)).collect();
    let mut best: &[u8] = &[];
    for run in &runs[0] {
        for i in 0..run.len() {
            for j in (i + best.len() + 1)..=run.len() {
                let cand = &run[i..j];
                let everywhere = runs[1..]
                    .iter()
                    .all(|rs| rs.iter().any(|r| r.windows(cand.len()).any(|w| w == cand)));
                if everywhere {
                    best = cand;
                }
            }
        }
    }
    if best.len() < 3 {
        return globs.iter().map(|g| g.to_vec()).collect();
    }
    let mut p = b"*".to_vec();
    p.extend(crate::glob::glob_escape(best));
    p.push(b'*');
    vec![p]
}

/// The literal stretches of a glob (what every matching key must contain).
fn literal_runs(glob: &[u8]) -> Vec<Vec<u8>> {
    let mut runs = Vec::new();
    let mut cur = Vec::new();
    let mut i = 0;
    while i < glob.len() {
        match glob[i] {
            b'\\' if i + 1 < glob.len() => {
                cur.push(glob[i + 1]);
                i += 2;
                continue;
            }
            b'*' | b'?' => runs.push(std::mem::take(&mut cur)),
            b'[' => {
                runs.push(std::mem::take(&mut cur));
                while i < glob.len() && glob[i] != b']' {
                    i += 1;
                }
            }
            b => cur.push(b),
        }
        i += 1;
    }
    runs.push(cur);
    runs.retain(|r| !r.is_empty());
    runs
}

fn is_glob(p: &[u8]) -> bool {
    p.iter().any(|b| matches!(b, b'*' | b'?' | b'['))
}

/// Which keys to look for on one server, and how to name their family.
struct Search<'a> {
    /// (family, pattern) of the families searched here; empty with PATTERN.
    families: Vec<(String, Vec<u8>)>,
    /// Every lock family, to name what a PATTERN finds.
    all: Vec<(String, Vec<u8>)>,
    /// The user's PATTERN, if any (then every match is listed).
    pattern: Option<&'a [u8]>,
}

impl Search<'_> {
    fn family_of(&self, key: &[u8]) -> Option<String> {
        let fams = if self.families.is_empty() {
            &self.all
        } else {
            &self.families
        };
        fams.iter()
            .find(|(_, p)| crate::glob::glob_match(p, key))
            .map(|(n, _)| n.clone())
    }

    fn wanted(&self, key: &[u8]) -> bool {
        self.pattern.is_some() || self.family_of(key).is_some()
    }
}

/// Look up TYPE, PTTL and the start of the value of keys on one node.
async fn lookup(
    redis: &Redis,
    node_i: usize,
    keys: Vec<Vec<u8>>,
    search: &Search<'_>,
) -> Result<Vec<LockRow>> {
    let node = redis.node(node_i);
    let mut p = redis::pipe();
    p.ignore_errors();
    for k in &keys {
        p.cmd("TYPE").arg(k);
        p.cmd("PTTL").arg(k);
        p.cmd("GETRANGE").arg(k).arg(0).arg(TOKEN_PEEK - 1);
    }
    let replies: Vec<Value> = node
        .pipe_read(&p)
        .await
        .map_err(|e| server_error(node, "looking up lock keys", e))?;
    let mut it = replies.into_iter();
    let mut rows = Vec::new();
    for key in keys {
        let (t, ttl, val) = (it.next(), it.next(), it.next());
        let key_type = match t {
            Some(Value::SimpleString(s)) => s,
            _ => continue,
        };
        if key_type == "none" {
            continue; // expired since SCAN saw it
        }
        let pttl = ttl.as_ref().and_then(int).unwrap_or(-1);
        if pttl == -2 {
            continue;
        }
        let family = search.family_of(&key);
        let (token, style) = match (key_type.as_str(), val) {
            ("string", Some(Value::BulkString(b))) => (Some(bytes::escape(&b)), token_style(&b)),
            ("list", _) if key.starts_with(SIGNAL_PREFIX) => (None, "signal"),
            _ => (None, "other"),
        };
        rows.push(LockRow {
            key: bytes::escape(&key),
            key_base64: bytes::base64_if_binary(&key),
            family,
            key_type,
            token,
            style,
            ttl: (pttl >= 0).then(|| pttl as f64 / 1000.0),
            expires: pttl >= 0,
        });
    }
    Ok(rows)
}

/// Every lock-like key on one deployment: exact names are looked up, globs
/// scanned (on every primary).
async fn search(redis: &Redis, s: &Search<'_>) -> Result<Vec<LockRow>> {
    let patterns: Vec<Vec<u8>> = match s.pattern {
        Some(p) => vec![p.to_vec()],
        None => s.families.iter().map(|(_, p)| p.clone()).collect(),
    };
    let (globs, exact): (Vec<Vec<u8>>, Vec<Vec<u8>>) =
        patterns.into_iter().partition(|p| is_glob(p));
    let mut rows = Vec::new();
    // Exact keys, grouped by node.
    let mut per_node: Vec<Vec<Vec<u8>>> = vec![Vec::new(); redis.nodes().len()];
    for k in exact {
        per_node[redis.node_for(&k)?].push(k);
    }
    for (i, keys) in per_node.into_iter().enumerate() {
        if !keys.is_empty() {
            rows.extend(lookup(redis, i, keys, s).await?);
        }
    }
    let glob_refs: Vec<&[u8]> = globs.iter().map(Vec::as_slice).collect();
    for pattern in scan_plan(&glob_refs) {
        let mut rx = redis.scan(ScanSpec {
            pattern,
            count: SCAN_COUNT,
            key_type: None,
        });
        while let Some(msg) = rx.recv().await {
            let (node, keys) = msg?;
            let keys: Vec<Vec<u8>> = keys.into_iter().filter(|k| s.wanted(k)).collect();
            if !keys.is_empty() {
                rows.extend(lookup(redis, node, keys, s).await?);
            }
        }
    }
    Ok(rows)
}

/// `ldp lock list`.
pub async fn list(ctx: &Ctx, o: ListOptions) -> Result<Exit> {
    let out = &ctx.out;
    let redis = ctx.redis().await?;
    let prefix = &ctx.settings.broker_layout.prefix;
    let families = lock_families(&*ctx.registry()?, &ctx.settings.broker_layout);
    let all: Vec<(String, Vec<u8>)> = families
        .iter()
        .map(|f| (f.name.clone(), f.pattern.clone()))
        .collect();
    let family = |f: &LockFamily| {
        let pattern = if f.broker {
            [prefix.as_slice(), &f.pattern].concat()
        } else {
            f.pattern.clone()
        };
        (f.name.clone(), pattern)
    };
    let separate_broker = ctx.settings.broker.urls != ctx.settings.redis.urls;
    let mut partial = false;
    let mut rows = match &o.pattern {
        Some(p) => {
            search(
                &redis,
                &Search {
                    families: Vec::new(),
                    all: all.clone(),
                    pattern: Some(p),
                },
            )
            .await?
        }
        None => {
            let here = Search {
                families: families
                    .iter()
                    .filter(|f| !f.broker || !separate_broker)
                    .map(family)
                    .collect(),
                all: all.clone(),
                pattern: None,
            };
            let mut rows = search(&redis, &here).await?;
            let there = Search {
                families: families
                    .iter()
                    .filter(|f| f.broker && separate_broker)
                    .map(family)
                    .collect(),
                all: all.clone(),
                pattern: None,
            };
            if !there.families.is_empty() {
                let found = match crate::redis::Redis::connect(&ctx.settings.broker).await {
                    Ok(b) => search(&b, &there).await,
                    Err(e) => Err(e),
                };
                match found {
                    Ok(r) => rows.extend(r),
                    Err(e) => {
                        out.warn(format!(
                            "the Celery broker's locks are not listed: {}",
                            crate::error::one_line(&e)
                        ));
                        partial = true;
                    }
                }
            }
            rows
        }
    };
    rows.sort_by(|a, b| a.key.cmp(&b.key));
    rows.dedup_by(|a, b| a.key == b.key && a.key_base64 == b.key_base64);
    if o.no_ttl {
        rows.retain(|r| !r.expires);
    }
    if let Some(l) = o.limit {
        rows.truncate(usize::try_from(l).unwrap_or(usize::MAX));
    }

    let mode = match out.format {
        OutputFormat::Json => StreamMode::JsonArray,
        OutputFormat::Ndjson => StreamMode::Ndjson,
        _ if out.stdout_tty || out.explicit => StreamMode::Table {
            limit: o.limit.map_or(TABLE_ROWS, |l| l as usize),
        },
        _ => StreamMode::Tsv,
    };
    let never = rows
        .iter()
        .filter(|r| !r.expires && r.token.is_some())
        .count();
    let mut w = RowWriter::new(mode);
    for r in &rows {
        w.row(r)?;
    }
    w.finish(out)?;
    if rows.is_empty() && matches!(mode, StreamMode::Table { .. }) {
        out.note("no locks found");
    }
    if never > 0 {
        out.warn(format!(
            "{never} lock(s) have no TTL and never expire: if the holder is gone, \
             break them with 'ldp lock break'"
        ));
    }
    Ok(if partial { Exit::Failure } else { Exit::Ok })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert!(validate_name("nightly-report").is_ok());
        assert!(validate_name("t-lock-3-42:job.v2").is_ok());
        assert!(validate_name("caf\u{e9}").is_ok());
        assert!(validate_name("").is_err());
        for bad in [
            "a*", "a?b", "[ab]", "a\\b", "a b", "a\tb", "a\nb", "a\u{7f}",
        ] {
            assert!(validate_name(bad).is_err(), "{bad:?} should be refused");
        }
        assert!(validate_name(&"x".repeat(MAX_NAME + 1)).is_err());
    }

    #[test]
    fn targets() {
        let t = resolve_target(Some("job".into()), None).unwrap();
        assert_eq!(t.key, b"lock:job");
        assert_eq!(t.fence, b"ldp:fence:{lock:job}");
        let t = resolve_target(None, Some("cache:doc:lock:\\x01".into())).unwrap();
        assert_eq!(t.key, b"cache:doc:lock:\x01");
        assert!(resolve_target(Some("a*".into()), None).is_err());
    }

    #[test]
    fn fence_keys_share_the_lock_slot() {
        for key in [
            &b"lock:job"[..],
            b"cache:doc:lock:0b6f1c3e-2a4b-4c5d-8e9f-0123456789ab",
            b"lock:{tenant}:job",
            b"lock:a{b",
            b"x{}y}",
            b"{a}",
        ] {
            match fence_key(key) {
                Ok(f) => {
                    assert!(f.starts_with(b"ldp:fence:{"));
                    assert_eq!(slot::slot(&f), slot::slot(key), "{key:?}");
                }
                Err(_) => assert_eq!(key, b"x{}y}"),
            }
        }
        assert_eq!(
            fence_key(b"lock:{t}:j").unwrap(),
            b"ldp:fence:{t}lock:{t}:j"
        );
        assert!(fence_key(b"a}b").is_err());
    }

    #[test]
    fn tokens_look_like_redis_py() {
        let a = new_token().unwrap();
        let b = new_token().unwrap();
        assert_ne!(a, b);
        assert_eq!(token_style(a.as_bytes()), "redis-py");
        assert_eq!(
            token_style(b"Zm9vYmFyYmF6cXV4cXV1eDEy"),
            "python-redis-lock"
        );
        assert_eq!(token_style(b"hello"), "other");
        assert_eq!(token_style(b"0123456789ABCDEF0123456789abcdef"), "other");
    }

    #[test]
    fn backoff_grows_jittered_and_capped() {
        for attempt in 0..40 {
            let base = (BACKOFF_START * (1u32 << attempt.min(16))).min(BACKOFF_CAP);
            for rand in [0, 1, 7, 999, u64::MAX] {
                let d = backoff(attempt, rand);
                assert!(d >= base / 2 && d <= base, "attempt {attempt}: {d:?}");
            }
        }
        assert_eq!(backoff(0, 0), Duration::from_millis(25));
        assert_eq!(backoff(30, u64::MAX), backoff(30, u64::MAX));
        assert!(backoff(30, u64::MAX) <= BACKOFF_CAP);
        // Different random draws spread the pauses.
        assert_ne!(backoff(5, 1), backoff(5, 400));
    }

    #[test]
    fn one_scan_covers_the_families() {
        let fams = lock_families(&Registry::embedded(), &BrokerLayout::default());
        let globs: Vec<&[u8]> = fams
            .iter()
            .filter(|f| is_glob(&f.pattern))
            .map(|f| f.pattern.as_slice())
            .collect();
        assert_eq!(scan_plan(&globs), vec![b"*lock*".to_vec()]);
        assert_eq!(scan_plan(&[b"doc:*"]), vec![b"doc:*".to_vec()]);
        assert_eq!(
            scan_plan(&[b"ab:*", b"cd:*"]),
            vec![b"ab:*".to_vec(), b"cd:*".to_vec()]
        );
        assert_eq!(
            literal_runs(b"a\\*b[xy]c?d"),
            vec![b"a*b".to_vec(), b"c".to_vec(), b"d".to_vec()]
        );
    }

    #[test]
    fn families_are_told_apart() {
        let all: Vec<(String, Vec<u8>)> =
            lock_families(&Registry::embedded(), &BrokerLayout::default())
                .into_iter()
                .map(|f| (f.name, f.pattern))
                .collect();
        let s = Search {
            families: all.clone(),
            all,
            pattern: None,
        };
        let fam = |k: &[u8]| s.family_of(k);
        assert_eq!(fam(b"lock:x").as_deref(), Some("lock"));
        assert_eq!(fam(b"lock-signal:x").as_deref(), Some("lock_signal"));
        assert_eq!(fam(b"cache:doc:lock:1").as_deref(), Some("doc_lock"));
        assert_eq!(fam(b"doc:lock:1").as_deref(), Some("doc_lock"));
        assert_eq!(fam(b"ldp:fence:{lock:x}"), None);
        assert_eq!(fam(b"unacked_mutex").as_deref(), Some("kombu_mutex"));
    }
}
