//! `ldp sandbox` and `ldp sandbox stop`: a throwaway pipeline-shaped Redis
//! to try ldp on (see [`crate::sandbox`]).
//!
//! In the foreground, this process owns the servers: Ctrl-C (or SIGTERM,
//! SIGHUP) stops them and removes the folder, exit 0. With `--detach` it
//! starts a copy of itself in the background (`--supervise DIR`, hidden),
//! which does the same, waits until that copy has seeded, prints, and
//! leaves; `ldp sandbox stop` signals that copy through the state file.

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use serde::Serialize;
use tokio::signal::unix::{SignalKind, signal};

use crate::clock::unix_now;
use crate::commands::Ctx;
use crate::error::{self, LdpError};
use crate::exit::Exit;
use crate::output::{Output, Report};
use crate::sandbox::seed::{Plan, Stage};
use crate::sandbox::server::{self, Role};
use crate::sandbox::{self as sb, Sandbox, State};

/// How often the simulated pipeline acts.
const TICK: Duration = Duration::from_secs(5);
/// How long `--detach` waits for the background sandbox to be ready.
const READY_TIMEOUT: Duration = Duration::from_secs(60);
/// How long `stop` waits for the sandbox to end.
const STOP_TIMEOUT: Duration = Duration::from_secs(15);

/// Plain options of `ldp sandbox`.
#[derive(Debug, Clone)]
pub struct StartOptions {
    pub docs: usize,
    pub projects: usize,
    pub cluster: bool,
    pub port: Option<u16>,
    pub detach: bool,
    /// Run as the detached background copy, in this (existing) folder.
    pub supervise: Option<PathBuf>,
}

/// `ldp sandbox`.
pub async fn start(ctx: &Ctx, o: StartOptions) -> Result<Exit> {
    if o.detach {
        return detach(ctx, &o).await;
    }
    serve(ctx, &o).await
}

/// The report of a started sandbox: the state, and how it is stopped.
struct Started<'a> {
    state: &'a State,
}

impl Serialize for Started<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.state.serialize(s)
    }
}

impl Started<'_> {
    fn exports(&self) -> String {
        let mut s = format!("export LDP_REDIS_URL={}\n", self.state.url);
        if let Some(b) = &self.state.broker_url {
            s.push_str(&format!("export LDP_BROKER_URL={b}\n"));
        }
        s
    }
}

impl Report for Started<'_> {
    /// On a terminal the whole story; in a pipe only the export lines on
    /// stdout (`eval "$(ldp sandbox --detach)"`), the rest as notes.
    fn text(&self, out: &Output) -> String {
        let st = self.state;
        let mut s = String::new();
        let what = if st.cluster {
            format!(
                "a 3-primary cluster ({}) and a standalone broker",
                st.servers
                    .iter()
                    .filter(|x| x.role == Role::Cluster)
                    .map(|x| x.port.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        } else {
            "one standalone server".to_string()
        };
        out.aside(
            &mut s,
            format!(
                "sandbox: redis-server {} at {} ({what}), in {}",
                st.redis_version,
                st.url,
                st.dir.display()
            ),
        );
        if let Some(b) = &st.broker_url {
            out.aside(&mut s, format!("  Celery broker at {b}"));
        }
        // In the order of a run, not of the names.
        let stages: Vec<String> = Stage::ALL
            .iter()
            .filter_map(|s| Some((s.name(), st.stages.get(s.name())?)))
            .map(|(k, v)| format!("{} {k}", out.count(*v)))
            .collect();
        out.aside(
            &mut s,
            format!(
                "  seeded {} documents in {} projects ({}): {} keys in {} ms",
                out.count(st.documents as u64),
                st.projects,
                stages.join(", "),
                out.count(st.keys),
                (st.seed_seconds * 1000.0).round()
            ),
        );
        let sm = &st.samples;
        let mut tries: Vec<(String, &str)> = vec![("ldp keys audit".into(), "every key family")];
        if let Some(d) = &sm.completed {
            tries.push((format!("ldp cache show --doc {d}"), "a completed document"));
        }
        if let Some(d) = &sm.failed_ocr {
            tries.push((format!("ldp cache show --doc {d}"), "a failed OCR"));
        }
        tries.push((
            format!("ldp cache clear --project {} --dry-run", sm.project),
            "a project's derived caches",
        ));
        if let Some(b) = &sm.batch {
            tries.push((format!("ldp batch show {b}"), "a batch, real progress"));
        }
        out.aside(&mut s, "  try:");
        let width = tries.iter().map(|(c, _)| c.len()).max().unwrap_or(0);
        for (cmd, what) in tries {
            out.aside(&mut s, format!("    {cmd:<width$}  # {what}"));
        }
        if out.aligned() {
            s.push('\n');
        }
        s.push_str(&self.exports());
        let stop = if st.detached {
            "`ldp sandbox stop` stops it and removes everything it made"
        } else {
            "Ctrl-C stops it and removes everything it made"
        };
        if out.aligned() {
            s.push('\n');
        }
        out.aside(&mut s, stop);
        s
    }
}

/// Run the sandbox in this process until a signal (or a server's death).
async fn serve(ctx: &Ctx, o: &StartOptions) -> Result<Exit> {
    let out = &ctx.out;
    let install = |k: SignalKind| signal(k).context("cannot install a signal handler");
    let (mut int, mut term, mut hup) = (
        install(SignalKind::interrupt())?,
        install(SignalKind::terminate())?,
        install(SignalKind::hangup())?,
    );
    // Fail before creating anything when the server is not installed.
    server::find()?;
    let dir = match &o.supervise {
        Some(d) => d.clone(),
        None => sb::fresh_dir()?,
    };
    let timeout = ctx.settings.redis.timeout;
    let startup = async {
        let (cluster, port) = (o.cluster, o.port);
        let d = dir.clone();
        // Starting servers blocks (spawn, wait for their logs): keep it on
        // this thread, which also owns the servers' death signal.
        let sandbox = Sandbox::start(&d, cluster, port, timeout)?;
        let (main, broker) = sandbox.connect().await?;
        let plan = Plan {
            docs: o.docs,
            projects: o.projects,
            now: unix_now(),
        };
        let (seed, took) = sb::seed(&main, &broker, plan).await?;
        let state = State {
            pid: std::process::id(),
            detached: o.supervise.is_some(),
            dir: d.clone(),
            url: sandbox.url(),
            broker_url: sandbox.broker_url(),
            cluster,
            redis_version: sandbox.version.clone(),
            servers: sandbox.infos(),
            documents: o.docs,
            projects: o.projects,
            keys: seed.keys(),
            seed_seconds: took.as_secs_f64(),
            families: seed
                .families
                .iter()
                .map(|(k, v)| (k.to_string(), *v))
                .collect(),
            stages: seed
                .stages
                .iter()
                .map(|(k, v)| (k.to_string(), *v))
                .collect(),
            samples: seed.samples.clone(),
        };
        state.write()?;
        Ok::<_, anyhow::Error>((sandbox, main, seed, state))
    };
    // A signal during startup: whatever was started is dropped (a dropped
    // Sandbox stops its servers and removes the folder).
    let started = tokio::select! {
        r = startup => r,
        _ = int.recv() => { let _ = sb::remove_dir(&dir); return Ok(Exit::Interrupted) }
        _ = term.recv() => { let _ = sb::remove_dir(&dir); return Ok(Exit::from_signal(libc::SIGTERM)) }
        _ = hup.recv() => { let _ = sb::remove_dir(&dir); return Ok(Exit::from_signal(libc::SIGHUP)) }
    };
    let (mut sandbox, main, seed, state) = match started {
        Ok(s) => s,
        Err(e) => {
            let _ = sb::remove_dir(&dir);
            return Err(e);
        }
    };
    if o.supervise.is_none() {
        out.print(&Started { state: &state })?;
    }
    let mut ticker = tokio::time::interval(TICK);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    ticker.tick().await;
    let mut last = unix_now();
    let exit = loop {
        tokio::select! {
            _ = int.recv() => break Exit::Ok,
            _ = term.recv() => break Exit::Ok,
            _ = hup.recv() => break Exit::Ok,
            _ = ticker.tick() => {}
        }
        if let Some((port, status)) = sandbox.casualty() {
            out.warn(format!(
                "redis-server on port {port} ended by itself ({status}): stopping the sandbox"
            ));
            break Exit::Failure;
        }
        // Someone removed the folder (`rm -rf`, a test's temporary
        // directory): nothing could find this sandbox any more.
        if !dir.join(sb::STATE_FILE).exists() {
            out.warn(format!(
                "{} was removed: stopping the sandbox",
                dir.display()
            ));
            break Exit::Failure;
        }
        let now = unix_now();
        if let Err(e) = sb::load(&main, &main, seed.tick(last, now)).await {
            out.warn(format!(
                "the simulated pipeline could not write: {}",
                error::one_line(&e)
            ));
        }
        last = now;
    };
    drop(main);
    sandbox.stop()?;
    out.note(format!("sandbox stopped; removed {}", dir.display()));
    Ok(exit)
}

/// `--detach`: start the background copy, wait until it has seeded, print.
async fn detach(ctx: &Ctx, o: &StartOptions) -> Result<Exit> {
    let out = &ctx.out;
    server::find()?;
    let dir = sb::detached_dir();
    if dir.exists() {
        match State::read(&dir) {
            Ok(st) if server::alive(st.pid, "sandbox") => {
                return Err(LdpError::usage(format!(
                    "a sandbox is already running at {} (pid {}): `ldp sandbox stop` ends it",
                    st.url, st.pid
                )));
            }
            _ => {
                out.note(format!("removing a stale sandbox folder {}", dir.display()));
                sb::remove_dir(&dir)?;
            }
        }
    }
    sb::make_dir(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let log_path = dir.join(sb::LOG_FILE);
    let log = std::fs::File::create(&log_path)
        .with_context(|| format!("cannot create {}", log_path.display()))?;
    let exe = std::env::current_exe().context("cannot find ldp's own executable")?;
    let mut cmd = Command::new(exe);
    cmd.arg("sandbox")
        .arg("--docs")
        .arg(o.docs.to_string())
        .arg("--projects")
        .arg(o.projects.to_string())
        .arg("--supervise")
        .arg(&dir)
        .arg("--timeout")
        .arg(format!("{}ms", ctx.settings.redis.timeout.as_millis()));
    if o.cluster {
        cmd.arg("--cluster");
    }
    if let Some(p) = o.port {
        cmd.arg("--port").arg(p.to_string());
    }
    cmd.stdin(Stdio::null())
        .stdout(log.try_clone()?)
        .stderr(log)
        .current_dir("/");
    // SAFETY: setsid is async-signal-safe; a session of its own keeps the
    // background sandbox out of this terminal's job control and hang-ups.
    unsafe {
        use std::os::unix::process::CommandExt;
        cmd.pre_exec(|| {
            if libc::setsid() < 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            let _ = sb::remove_dir(&dir);
            return Err(anyhow::Error::new(e).context("cannot start the background sandbox"));
        }
    };
    let deadline = Instant::now() + READY_TIMEOUT;
    loop {
        if let Ok(st) = State::read(&dir) {
            out.print(&Started { state: &st })?;
            return Ok(Exit::Ok);
        }
        if let Ok(Some(status)) = child.try_wait() {
            // It failed to start: its own words are in its log.
            let text = std::fs::read_to_string(&log_path).unwrap_or_default();
            let _ = sb::remove_dir(&dir);
            let line = text
                .lines()
                .rev()
                .find_map(|l| l.strip_prefix("ldp: "))
                .unwrap_or("the background sandbox ended before it was ready")
                .to_string();
            return Err(match status.code() {
                Some(69) => LdpError::Unavailable(line).into(),
                Some(2) => LdpError::usage(line),
                _ => LdpError::Failed(line).into(),
            });
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            let _ = sb::remove_dir(&dir);
            return Err(LdpError::Failed(format!(
                "the background sandbox was not ready within {}s",
                READY_TIMEOUT.as_secs()
            ))
            .into());
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// What `ldp sandbox stop` did.
#[derive(Debug, Serialize)]
struct Stopped {
    stopped: bool,
    url: Option<String>,
    dir: PathBuf,
    /// Processes that were running and are gone now.
    pids: Vec<u32>,
}

impl Report for Stopped {
    fn text(&self, out: &Output) -> String {
        let mut s = String::new();
        match (&self.url, self.stopped) {
            (Some(url), true) => out.aside(
                &mut s,
                format!(
                    "stopped the sandbox at {url} ({} processes: {}); removed {}",
                    self.pids.len(),
                    self.pids
                        .iter()
                        .map(u32::to_string)
                        .collect::<Vec<_>>()
                        .join(", "),
                    self.dir.display()
                ),
            ),
            (None, true) => out.aside(
                &mut s,
                format!(
                    "removed a sandbox folder with no state: {}",
                    self.dir.display()
                ),
            ),
            _ => out.aside(&mut s, "no detached sandbox is running"),
        }
        s
    }
}

/// `ldp sandbox stop`: end the detached sandbox, and check it left nothing.
pub async fn stop(ctx: &Ctx) -> Result<Exit> {
    let out = &ctx.out;
    let dir = sb::detached_dir();
    if !dir.exists() {
        out.print(&Stopped {
            stopped: false,
            url: None,
            dir,
            pids: Vec::new(),
        })?;
        return Ok(Exit::Ok);
    }
    let Ok(st) = State::read(&dir) else {
        // A start that never got ready, or a folder left by a crash.
        sb::remove_dir(&dir)?;
        out.print(&Stopped {
            stopped: true,
            url: None,
            dir,
            pids: Vec::new(),
        })?;
        return Ok(Exit::Ok);
    };
    let servers: Vec<(u32, String)> = st
        .servers
        .iter()
        .map(|s| (s.pid, format!(":{}", s.port)))
        .collect();
    let server_alive =
        |pid: u32, port: &str| server::alive(pid, server::REDIS_SERVER) && server::alive(pid, port);
    // Identify each process once (a pid in a file may have been reused);
    // after that only whether it still runs matters.
    let owner = server::alive(st.pid, "sandbox").then_some(st.pid);
    let mut pids: Vec<u32> = owner.into_iter().collect();
    pids.extend(
        servers
            .iter()
            .filter(|(p, port)| server_alive(*p, port))
            .map(|(p, _)| *p),
    );
    if let Some(pid) = owner {
        // SAFETY: a plain kill(2) of the pid the state names, checked above
        // to be an ldp sandbox.
        unsafe {
            libc::kill(pid as libc::pid_t, libc::SIGTERM);
        }
        let deadline = Instant::now() + STOP_TIMEOUT;
        while (server::running(pid) || dir.exists()) && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
    // The owner is gone (or never answered): end what is left of it.
    for &pid in &pids {
        if Some(pid) != owner && server::running(pid) {
            // SAFETY: kill(2) of a redis-server identified on the sandbox's port above.
            unsafe {
                libc::kill(pid as libc::pid_t, libc::SIGKILL);
            }
        }
    }
    let deadline = Instant::now() + Duration::from_secs(5);
    while pids.iter().any(|p| server::running(*p)) && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let left: Vec<u32> = pids
        .iter()
        .copied()
        .filter(|p| server::running(*p))
        .collect();
    sb::remove_dir(&dir)?;
    if !left.is_empty() {
        return Err(LdpError::Failed(format!(
            "sandbox processes still running after {}s: {left:?}",
            STOP_TIMEOUT.as_secs()
        ))
        .into());
    }
    out.print(&Stopped {
        stopped: true,
        url: Some(st.url),
        dir,
        pids,
    })?;
    Ok(Exit::Ok)
}
