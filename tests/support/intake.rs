//! The intake's real servers: a throw-away PostgreSQL (initdb into a temp
//! directory, TLS on, a password for `postgres`, a free loopback port) and
//! moto's standalone S3 server. Both are spawned like the Redis servers
//! (`PR_SET_PDEATHSIG`), stop on `Drop`, and the shared ones are killed at exit.
//!
//! `initdb` and `postgres` refuse to run as root: as root the harness runs
//! them as the `postgres` system user on a directory that user owns.

use std::ffi::CString;
use std::fs;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::thread;
use std::time::{Duration, Instant};

use tempfile::TempDir;

use super::{
    BIND_ATTEMPTS, LOG_TAIL_LINES, LogOnPanic, free_port, kill_and_reap, make_tls_files,
    random_password, read_log, register_pid_for_exit, spawn_watched, tail_lines, tempdir,
};

/// The schema written from INTAKE.md.
pub const SCHEMA: &str = include_str!("../fixtures/pipeline_schema.sql");
const PG_START_TIMEOUT: Duration = Duration::from_secs(30);

/// `(uid, gid)` of the `postgres` user when running as root, else `None`.
fn postgres_user() -> Option<(u32, u32)> {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return None;
    }
    let name = CString::new("postgres").expect("no NUL");
    // SAFETY: getpwnam with a valid C string; the result is read at once.
    let pw = unsafe { libc::getpwnam(name.as_ptr()) };
    assert!(
        !pw.is_null(),
        "tests run as root but there is no 'postgres' user (apt-get install postgresql)"
    );
    // SAFETY: pw is non-null and points to libc's static passwd record.
    unsafe { Some(((*pw).pw_uid, (*pw).pw_gid)) }
}

fn chown(p: &Path, ids: Option<(u32, u32)>) {
    if let Some((u, g)) = ids {
        std::os::unix::fs::chown(p, Some(u), Some(g))
            .unwrap_or_else(|e| panic!("chown {}: {e}", p.display()));
    }
}

/// The directory of `initdb`/`postgres`: on PATH, else the newest
/// /usr/lib/postgresql/*/bin (Debian keeps them off PATH).
pub fn pg_bin_dir() -> PathBuf {
    if let Some(path) = std::env::var_os("PATH") {
        for d in std::env::split_paths(&path) {
            let p = d.join("initdb");
            if p.is_file() {
                let real = fs::canonicalize(&p).unwrap_or(p);
                return real.parent().map(Path::to_path_buf).unwrap_or(d);
            }
        }
    }
    let mut found: Vec<(u32, PathBuf)> = fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let v: u32 = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").is_file().then_some((v, bin))
        })
        .collect();
    found.sort();
    found
        .pop()
        .map(|(_, p)| p)
        .expect("no initdb on PATH nor in /usr/lib/postgresql/*/bin (apt-get install postgresql)")
}

/// A PostgreSQL server with TLS on (its CA in `ca_path()`), user
/// `postgres` with a random password, scram-sha-256 over TCP.
pub struct Postgres {
    child: Option<Child>,
    port: u16,
    password: String,
    ca: PathBuf,
    cert: PathBuf,
    key: PathBuf,
    bin: PathBuf,
    data: PathBuf,
    ids: Option<(u32, u32)>,
    log: PathBuf,
    dir: TempDir,
    /// Whether the server offers TLS.
    tls: bool,
}

impl Postgres {
    /// A server that offers TLS (its own CA), as managed PostgreSQL does.
    pub fn start() -> Postgres {
        Postgres::start_with(true)
    }

    /// A server without TLS, as a local development PostgreSQL often is.
    pub fn start_plain() -> Postgres {
        Postgres::start_with(false)
    }

    fn start_with(tls_on: bool) -> Postgres {
        let ids = postgres_user();
        let bin = pg_bin_dir();
        let dir = tempdir("ldp-pg-");
        chown(dir.path(), ids);
        let password = random_password(20);
        let pwfile = dir.path().join("pwfile");
        fs::write(&pwfile, &password).expect("write pwfile");
        chown(&pwfile, ids);
        let data = dir.path().join("data");
        let log = dir.path().join("postgres.log");
        let mut initdb = Command::new(bin.join("initdb"));
        initdb
            .arg("-D")
            .arg(&data)
            .args(["-U", "postgres", "-A", "scram-sha-256", "-E", "UTF8"])
            .args(["--locale=C", "--no-sync", "--no-instructions"])
            .arg(format!("--pwfile={}", pwfile.display()))
            .current_dir(dir.path())
            .stdin(Stdio::null());
        if let Some((u, g)) = ids {
            initdb.uid(u).gid(g);
        }
        let out = initdb
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}/initdb: {e}", bin.display()));
        assert!(
            out.status.success(),
            "initdb failed ({}):\n{}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let tls = make_tls_files(dir.path());
        for p in [&tls.cert, &tls.key, &tls.ca] {
            chown(p, ids);
        }
        fs::set_permissions(&tls.key, fs::Permissions::from_mode(0o600)).expect("chmod key");

        let mut pg = Postgres {
            tls: tls_on,
            child: None,
            port: 0,
            password,
            ca: tls.ca,
            cert: tls.cert,
            key: tls.key,
            bin,
            data,
            ids,
            log,
            dir,
        };
        let mut failures = String::new();
        for attempt in 1..=BIND_ATTEMPTS {
            pg.port = free_port();
            match pg.launch() {
                Ok(()) => return pg,
                Err(why) if why.contains("already in use") => {
                    failures.push_str(&format!("attempt {attempt}: port {} in use\n", pg.port));
                }
                Err(why) => panic!("postgres on 127.0.0.1:{}: {why}\n{failures}", pg.port),
            }
        }
        panic!("postgres: gave up after {BIND_ATTEMPTS} port collisions:\n{failures}");
    }

    /// Start the server on `self.port` and wait until it accepts connections.
    fn launch(&mut self) -> Result<(), String> {
        let _ = fs::remove_file(&self.log);
        let file = fs::File::create(&self.log).expect("postgres log");
        let mut cmd = Command::new(self.bin.join("postgres"));
        cmd.arg("-D")
            .arg(&self.data)
            .arg("-p")
            .arg(self.port.to_string())
            .args(["-c", "listen_addresses=127.0.0.1"])
            .arg("-c")
            .arg(format!(
                "unix_socket_directories={}",
                self.dir.path().display()
            ))
            .args(["-c", if self.tls { "ssl=on" } else { "ssl=off" }])
            .arg("-c")
            .arg(format!("ssl_cert_file={}", self.cert.display()))
            .arg("-c")
            .arg(format!("ssl_key_file={}", self.key.display()))
            .args(["-c", "fsync=off", "-c", "synchronous_commit=off"])
            .args(["-c", "full_page_writes=off", "-c", "max_connections=60"])
            .args([
                "-c",
                "shared_buffers=32MB",
                "-c",
                "log_min_messages=warning",
            ])
            .current_dir(self.dir.path())
            .stdin(Stdio::null())
            .stdout(file.try_clone().expect("dup log"))
            .stderr(file);
        if let Some((u, g)) = self.ids {
            cmd.uid(u).gid(g);
        }
        let mut child = spawn_watched(cmd)
            .unwrap_or_else(|e| panic!("cannot start {}/postgres: {e}", self.bin.display()));
        let deadline = Instant::now() + PG_START_TIMEOUT;
        let ready = loop {
            if let Ok(Some(status)) = child.try_wait() {
                break Err(format!("postgres exited early ({status})"));
            }
            let text = read_log(&self.log);
            if text.contains("ready to accept connections")
                && TcpStream::connect_timeout(
                    &SocketAddr::from(([127, 0, 0, 1], self.port)),
                    Duration::from_millis(300),
                )
                .is_ok()
            {
                break Ok(());
            }
            if Instant::now() >= deadline {
                break Err("not ready in time".to_string());
            }
            thread::sleep(Duration::from_millis(30));
        };
        match ready {
            Ok(()) => {
                self.child = Some(child);
                Ok(())
            }
            Err(why) => {
                kill_and_reap(&mut child);
                Err(format!(
                    "{why}\n---- log ----\n{}",
                    tail_lines(&read_log(&self.log), LOG_TAIL_LINES)
                ))
            }
        }
    }

    /// Start again after [`stop`](Self::stop), same port and data.
    pub fn restart(&mut self) {
        if let Err(why) = self.launch() {
            panic!("postgres restart on 127.0.0.1:{}: {why}", self.port);
        }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn password(&self) -> &str {
        &self.password
    }

    /// The test CA that signed the server's certificate.
    pub fn ca_path(&self) -> &Path {
        &self.ca
    }

    /// `postgresql://postgres:PW@127.0.0.1:PORT/DB?sslmode=MODE`
    pub fn url(&self, db: &str, sslmode: &str) -> String {
        format!(
            "postgresql://postgres:{}@127.0.0.1:{}/{db}?sslmode={sslmode}",
            self.password, self.port
        )
    }

    /// Run SQL with psql; rows as tab-separated fields, one line each.
    pub fn psql(&self, db: &str, sql: &str) -> String {
        let out = Command::new("psql")
            .args(["-h", "127.0.0.1", "-p", &self.port.to_string()])
            .args([
                "-U", "postgres", "-d", db, "-X", "-q", "-A", "-t", "-F", "\t",
            ])
            .args(["-v", "ON_ERROR_STOP=1", "-c", sql])
            .env("PGPASSWORD", &self.password)
            .env("PGSSLMODE", "disable")
            .stdin(Stdio::null())
            .output()
            .expect("run psql (apt-get install postgresql-client)");
        assert!(
            out.status.success(),
            "psql {sql:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Rows of a query, each a vector of its fields.
    pub fn rows(&self, db: &str, sql: &str) -> Vec<Vec<String>> {
        self.psql(db, sql)
            .lines()
            .filter(|l| !l.is_empty())
            .map(|l| l.split('\t').map(str::to_string).collect())
            .collect()
    }

    /// A fresh database with the pipeline's schema and one project; returns its name.
    pub fn create_db(&self, tag: &str, project: &str) -> String {
        static N: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let name = format!(
            "t_{tag}_{}_{}",
            N.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            std::process::id()
        );
        self.psql("postgres", &format!("CREATE DATABASE {name}"));
        self.psql(&name, SCHEMA);
        self.psql(
            &name,
            &format!(
                "INSERT INTO projects (project_id, name) VALUES ('{project}', 'test project')"
            ),
        );
        name
    }

    pub fn log(&self) -> String {
        read_log(&self.log)
    }

    pub fn pid(&self) -> Option<i32> {
        self.child.as_ref().map(|c| c.id() as i32)
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Fast shutdown (SIGINT), then SIGKILL.
    pub fn stop(&mut self) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        // SAFETY: signalling a child we spawned and have not reaped.
        unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) };
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = child.try_wait() {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        kill_and_reap(&mut child);
    }

    pub fn guard(&self) -> LogOnPanic<'_> {
        LogOnPanic {
            label: format!("postgres 127.0.0.1:{}", self.port),
            max_lines: LOG_TAIL_LINES,
            log: Box::new(move || self.log()),
        }
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        self.stop();
    }
}

/// One PostgreSQL per test binary; each test makes its own database.
pub fn shared_postgres() -> &'static Postgres {
    static S: OnceLock<Postgres> = OnceLock::new();
    S.get_or_init(|| {
        let s = Postgres::start();
        if let Some(pid) = s.pid() {
            register_pid_for_exit(pid, s.dir());
        }
        s
    })
}

/// moto's standalone S3 server (`python3 -m moto.server`), in memory.
pub struct S3Server {
    child: Option<Child>,
    port: u16,
    log: PathBuf,
    dir: TempDir,
}

fn http_status(port: u16, path: &str) -> Result<u16, String> {
    let addr = SocketAddr::from(([127, 0, 0, 1], port));
    let mut s =
        TcpStream::connect_timeout(&addr, Duration::from_millis(300)).map_err(|e| e.to_string())?;
    s.set_read_timeout(Some(Duration::from_secs(2))).ok();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .map_err(|e| e.to_string())?;
    let mut buf = [0u8; 64];
    let n = s.read(&mut buf).map_err(|e| e.to_string())?;
    let line = String::from_utf8_lossy(&buf[..n]);
    line.split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .ok_or_else(|| format!("not HTTP: {line:?}"))
}

impl S3Server {
    pub fn start() -> S3Server {
        let dir = tempdir("ldp-moto-");
        let log = dir.path().join("moto.log");
        let mut failures = String::new();
        for attempt in 1..=BIND_ATTEMPTS {
            let port = free_port();
            let file = fs::File::create(&log).expect("moto log");
            let mut cmd = Command::new(super::python::python());
            cmd.args([
                "-m",
                "moto.server",
                "-H",
                "127.0.0.1",
                "-p",
                &port.to_string(),
            ])
            .current_dir(dir.path())
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .stdin(Stdio::null())
            .stdout(file.try_clone().expect("dup log"))
            .stderr(file);
            let mut child = spawn_watched(cmd)
                .unwrap_or_else(|e| panic!("cannot start moto (pip install 'moto[server]'): {e}"));
            let deadline = Instant::now() + Duration::from_secs(30);
            let ready = loop {
                if let Ok(Some(status)) = child.try_wait() {
                    break Err(format!("moto exited early ({status})"));
                }
                if let Ok(200) = http_status(port, "/moto-api/") {
                    break Ok(());
                }
                if Instant::now() >= deadline {
                    break Err("not ready in time".to_string());
                }
                thread::sleep(Duration::from_millis(50));
            };
            match ready {
                Ok(()) => {
                    return S3Server {
                        child: Some(child),
                        port,
                        log,
                        dir,
                    };
                }
                Err(why) => {
                    kill_and_reap(&mut child);
                    let text = read_log(&log);
                    if text.contains("already in use") {
                        failures.push_str(&format!("attempt {attempt}: port {port} in use\n"));
                        continue;
                    }
                    panic!(
                        "moto on 127.0.0.1:{port}: {why}\n---- log ----\n{}",
                        tail_lines(&text, LOG_TAIL_LINES)
                    );
                }
            }
        }
        panic!("moto: gave up after {BIND_ATTEMPTS} port collisions:\n{failures}");
    }

    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Run tests/py/s3_tool.py (boto3) against this server.
    pub fn tool(&self, args: &[&str]) -> String {
        let out = Command::new(super::python::python())
            .arg(super::python::py_dir().join("s3_tool.py"))
            .args(args)
            .env("LDP_TEST_S3", self.endpoint())
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .stdin(Stdio::null())
            .output()
            .expect("run s3_tool.py");
        assert!(
            out.status.success(),
            "s3_tool.py {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn create_bucket(&self, name: &str) {
        self.tool(&["create", name]);
    }

    /// Every object of a bucket: `{key, size, sha256, content_type, metadata}`,
    /// plus the multipart uploads left open (`{"objects": [...], "uploads": N}`).
    pub fn dump(&self, bucket: &str) -> serde_json::Value {
        serde_json::from_str(&self.tool(&["dump", bucket])).expect("s3_tool dump is JSON")
    }

    pub fn log(&self) -> String {
        read_log(&self.log)
    }

    pub fn pid(&self) -> Option<i32> {
        self.child.as_ref().map(|c| c.id() as i32)
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn stop(&mut self) {
        if let Some(mut c) = self.child.take() {
            kill_and_reap(&mut c);
        }
    }

    pub fn guard(&self) -> LogOnPanic<'_> {
        LogOnPanic {
            label: format!("moto 127.0.0.1:{}", self.port),
            max_lines: 60,
            log: Box::new(move || self.log()),
        }
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// One moto per test binary; each test makes its own bucket.
pub fn shared_s3() -> &'static S3Server {
    static S: OnceLock<S3Server> = OnceLock::new();
    S.get_or_init(|| {
        let s = S3Server::start();
        if let Some(pid) = s.pid() {
            register_pid_for_exit(pid, s.dir());
        }
        s
    })
}
