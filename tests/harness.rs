//! Self-test of the real-server harness in `tests/support`.

mod support;

use std::collections::HashSet;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::Command;
use std::time::Duration;

use support::{
    Cluster, LdpTarget, RedisServer, Target, key_slot, ldp_cmd, ldp_run, shared_cluster,
    shared_standalone, shared_tls,
};

fn connect_refused(port: u16) -> bool {
    TcpStream::connect_timeout(
        &SocketAddr::from(([127, 0, 0, 1], port)),
        Duration::from_millis(500),
    )
    .is_err()
}

// ---------------------------------------------------------------- standalone

#[test]
fn standalone_set_get_roundtrip() {
    let server = shared_standalone();
    let _g = server.guard();
    let key = format!("{}k", support::unique_prefix("roundtrip"));
    let mut con = server.client();
    redis::cmd("SET")
        .arg(&key)
        .arg(b"v\x00\xffalue".as_slice())
        .query::<()>(&mut con)
        .unwrap();
    let got: Vec<u8> = redis::cmd("GET").arg(&key).query(&mut con).unwrap();
    assert_eq!(got, b"v\x00\xffalue");
    assert_eq!(
        server.url(),
        format!("redis://127.0.0.1:{}/0", server.port())
    );
    assert!(server.log().contains("Ready to accept connections"));
}

#[test]
fn standalone_servers_get_distinct_ports_and_stop() {
    let mut a = RedisServer::start();
    let b = RedisServer::start();
    assert_ne!(a.port(), b.port());
    assert_ne!(a.port(), shared_standalone().port());
    assert!(a.port() >= 10000 && b.port() >= 10000);

    // Different processes: a key set on one is absent on the other.
    let mut ca = a.client();
    let mut cb = b.client();
    redis::cmd("SET")
        .arg("only-on-a")
        .arg("1")
        .query::<()>(&mut ca)
        .unwrap();
    let exists: i64 = redis::cmd("EXISTS")
        .arg("only-on-a")
        .query(&mut cb)
        .unwrap();
    assert_eq!(exists, 0);
    drop(ca);

    let port = a.port();
    let pid = a.pid().unwrap();
    a.stop();
    assert!(
        connect_refused(port),
        "port {port} still accepts after stop()"
    );
    assert!(a.try_client().is_err());
    // Reaped, not a zombie: the pid is gone.
    assert_eq!(unsafe { libc::kill(pid, 0) }, -1);
    a.stop(); // idempotent

    // Drop stops the server too.
    let (port_b, pid_b, dir_b) = (b.port(), b.pid().unwrap(), b.dir().to_path_buf());
    drop(cb);
    drop(b);
    assert!(
        connect_refused(port_b),
        "port {port_b} still accepts after drop"
    );
    assert_eq!(unsafe { libc::kill(pid_b, 0) }, -1);
    assert!(!dir_b.exists(), "temp dir not removed on drop");
}

#[test]
fn standalone_start_with_extra_config() {
    let server = RedisServer::start_with(&["--maxmemory", "2mb", "--requirepass", "s3cret"]);
    let _g = server.guard();
    // client() authenticates with the --requirepass value.
    let mut con = server.client();
    let cfg: Vec<String> = redis::cmd("CONFIG")
        .arg("GET")
        .arg("maxmemory")
        .query(&mut con)
        .unwrap();
    assert_eq!(cfg, vec!["maxmemory".to_string(), "2097152".to_string()]);
    let save: Vec<String> = redis::cmd("CONFIG")
        .arg("GET")
        .arg("save")
        .query(&mut con)
        .unwrap();
    assert_eq!(save, vec!["save".to_string(), String::new()]);

    // Without the password the server refuses commands.
    let mut anon = redis::Client::open(server.url())
        .unwrap()
        .get_connection()
        .unwrap();
    let err = redis::cmd("GET")
        .arg("x")
        .query::<Option<String>>(&mut anon)
        .unwrap_err();
    assert!(err.to_string().contains("NOAUTH"), "{err}");
}

#[test]
fn unique_prefixes_are_unique_and_glob_free() {
    let mut seen = HashSet::new();
    for tag in ["scan", "a*b?[c]", "{tag}", "scan"] {
        let p = support::unique_prefix(tag);
        assert!(p.ends_with(':'), "{p}");
        assert!(
            !p.contains(['*', '?', '[', ']', '\\', '{', '}', '^']),
            "prefix {p:?} has special characters"
        );
        assert!(seen.insert(p.clone()), "duplicate prefix {p}");
    }
}

// ----------------------------------------------------------------------- TLS

fn redis_cli_tls(port: u16, ca: &std::path::Path, user: &str, pass: &str, args: &[&str]) -> String {
    let out = Command::new("redis-cli")
        .args(["--tls", "--cacert"])
        .arg(ca)
        .args(["-h", "127.0.0.1", "-p", &port.to_string()])
        .args(["--user", user, "--pass", pass, "--no-auth-warning"])
        .args(args)
        .output()
        .expect("run redis-cli");
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn tls_right_credentials_work() {
    let tls = shared_tls();
    let _g = tls.guard();
    assert_eq!(tls.username(), "ldpops");
    assert!(tls.password().len() >= 16);
    assert_eq!(
        tls.url(),
        format!(
            "rediss://ldpops:{}@127.0.0.1:{}/0",
            tls.password(),
            tls.port()
        )
    );
    assert_eq!(
        tls.url_without_password(),
        format!("rediss://ldpops@127.0.0.1:{}/0", tls.port())
    );
    let ca = std::fs::read_to_string(tls.ca_path()).unwrap();
    assert!(ca.starts_with("-----BEGIN CERTIFICATE-----"), "{ca}");

    // OpenSSL (redis-cli) accepts the chain.
    let out = redis_cli_tls(
        tls.port(),
        tls.ca_path(),
        tls.username(),
        tls.password(),
        &["PING"],
    );
    assert_eq!(out.trim(), "PONG");

    // rustls (what ldp uses) accepts it too; seed() is binary-safe.
    let key = format!("{}bin", support::unique_prefix("tls"));
    tls.seed(&[
        vec![
            b"SET".to_vec(),
            key.as_bytes().to_vec(),
            b"\x00\x01\xfe".to_vec(),
        ],
        vec![
            b"HSET".to_vec(),
            format!("{key}h").into_bytes(),
            b"f".to_vec(),
            b"v".to_vec(),
        ],
    ]);
    let mut con = tls.client();
    let got: Vec<u8> = redis::cmd("GET").arg(&key).query(&mut con).unwrap();
    assert_eq!(got, b"\x00\x01\xfe");
    let who: String = redis::cmd("ACL").arg("WHOAMI").query(&mut con).unwrap();
    assert_eq!(who, "ldpops");
}

#[test]
fn tls_wrong_or_missing_password_fails() {
    let tls = shared_tls();
    let _g = tls.guard();

    let out = redis_cli_tls(
        tls.port(),
        tls.ca_path(),
        tls.username(),
        "not-the-password",
        &["PING"],
    );
    assert!(out.contains("WRONGPASS"), "redis-cli said: {out}");
    assert!(!out.contains("PONG"), "redis-cli said: {out}");

    let _ = rustls::crypto::ring::default_provider().install_default();
    let certs = || redis::TlsCertificates {
        client_tls: None,
        root_cert: Some(std::fs::read(tls.ca_path()).unwrap()),
    };
    let wrong = format!("rediss://ldpops:nope@127.0.0.1:{}/0", tls.port());
    let err = redis::Client::build_with_tls(wrong.as_str(), certs())
        .unwrap()
        .get_connection_with_timeout(Duration::from_secs(5))
        .map(|_| ())
        .unwrap_err();
    assert_eq!(err.kind(), redis::ErrorKind::AuthenticationFailed, "{err}");

    // No credentials: the default user is off, so nothing is allowed.
    let mut anon = redis::Client::build_with_tls(
        format!("rediss://127.0.0.1:{}/0", tls.port()).as_str(),
        certs(),
    )
    .unwrap()
    .get_connection_with_timeout(Duration::from_secs(5))
    .unwrap();
    let err = redis::cmd("PING").query::<String>(&mut anon).unwrap_err();
    assert!(err.to_string().contains("NOAUTH"), "{err}");
}

#[test]
fn tls_port_rejects_plain_and_untrusted_clients() {
    let tls = shared_tls();
    let _g = tls.guard();

    // Plain RESP on the TLS port gets no PONG.
    let mut s = TcpStream::connect(("127.0.0.1", tls.port())).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
    s.write_all(b"*1\r\n$4\r\nPING\r\n").unwrap();
    let mut buf = [0u8; 64];
    let n = s.read(&mut buf).unwrap_or(0);
    assert!(
        !buf[..n].starts_with(b"+PONG"),
        "plain PING answered on TLS port"
    );

    let plain = format!(
        "redis://ldpops:{}@127.0.0.1:{}/0",
        tls.password(),
        tls.port()
    );
    let res = redis::Client::open(plain.as_str())
        .unwrap()
        .get_connection_with_timeout(Duration::from_secs(2))
        .and_then(|mut c| redis::cmd("PING").query::<String>(&mut c));
    assert!(
        res.is_err(),
        "plain redis:// connection to the TLS port worked"
    );

    // A client trusting some other CA refuses the server certificate, so
    // verification is real.
    let other_key = rcgen::KeyPair::generate().unwrap();
    let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
    let other_ca = params.self_signed(&other_key).unwrap();
    let _ = rustls::crypto::ring::default_provider().install_default();
    let res = redis::Client::build_with_tls(
        tls.url().as_str(),
        redis::TlsCertificates {
            client_tls: None,
            root_cert: Some(other_ca.pem().into_bytes()),
        },
    )
    .unwrap()
    .get_connection_with_timeout(Duration::from_secs(5));
    assert!(res.is_err(), "server cert accepted with an unrelated CA");
}

// ------------------------------------------------------------------- cluster

#[test]
fn key_slot_matches_server() {
    let cluster = shared_cluster();
    let _g = cluster.guard();
    let mut con = cluster.node(0).client();
    let keys: &[&[u8]] = &[
        b"foo",
        b"",
        b"{user1000}.following",
        b"{user1000}.followers",
        b"foo{}{bar}",
        b"foo{{bar}}zap",
        b"foo{bar}{zap}",
        b"{}",
        b"{",
        b"}{x}",
        b"a{b",
        b"\x00\xff{\x01}",
        b"123456789",
    ];
    for key in keys {
        let slot: u16 = redis::cmd("CLUSTER")
            .arg("KEYSLOT")
            .arg(*key)
            .query(&mut con)
            .unwrap();
        assert_eq!(
            key_slot(key),
            slot,
            "slot of {:?}",
            String::from_utf8_lossy(key)
        );
    }
    assert_eq!(key_slot(b"123456789"), 0x31C3);
}

/// One test owns all writes to the shared cluster in this binary, so DBSIZE
/// sums are exact.
#[test]
fn cluster_covers_all_slots_and_set_many_spreads_keys() {
    let cluster = shared_cluster();
    let _g = cluster.guard();
    let ports = cluster.ports();
    assert_eq!(ports.len(), 3);
    assert_eq!(ports.iter().collect::<HashSet<_>>().len(), 3);
    assert_eq!(
        cluster.seed_url(),
        format!("redis://127.0.0.1:{}/0", ports[0])
    );
    assert_eq!(
        cluster.urls(),
        ports
            .iter()
            .map(|p| format!("redis://127.0.0.1:{p}/0"))
            .collect::<Vec<_>>()
    );

    for i in 0..3 {
        let mut con = cluster.node(i).client();
        let info: String = redis::cmd("CLUSTER").arg("INFO").query(&mut con).unwrap();
        assert!(info.contains("cluster_state:ok"), "{info}");
        assert!(info.contains("cluster_slots_assigned:16384"), "{info}");
        assert!(info.contains("cluster_known_nodes:3"), "{info}");
        assert!(info.contains("cluster_size:3"), "{info}");
        // Three primaries, no replicas.
        let nodes: String = redis::cmd("CLUSTER").arg("NODES").query(&mut con).unwrap();
        let lines: Vec<&str> = nodes.lines().collect();
        assert_eq!(lines.len(), 3, "{nodes}");
        assert!(lines.iter().all(|l| l.contains("master")), "{nodes}");
        let slots: Vec<(u16, u16, Vec<redis::Value>)> =
            redis::cmd("CLUSTER").arg("SLOTS").query(&mut con).unwrap();
        let covered: u32 = slots.iter().map(|(s, e, _)| u32::from(e - s) + 1).sum();
        assert_eq!(covered, 16384);
    }

    let prefix = support::unique_prefix("spread");
    let kv: Vec<(Vec<u8>, Vec<u8>)> = (0..3000)
        .map(|i| {
            (
                format!("{prefix}{i}").into_bytes(),
                format!("value-{i}").into_bytes(),
            )
        })
        .collect();
    cluster.set_many(&kv);
    let sizes: Vec<i64> = (0..3)
        .map(|i| {
            redis::cmd("DBSIZE")
                .query(&mut cluster.node(i).client())
                .unwrap()
        })
        .collect();
    assert_eq!(sizes.iter().sum::<i64>(), 3000, "per node: {sizes:?}");
    assert!(sizes.iter().all(|&n| n > 500), "uneven spread: {sizes:?}");

    // Each key is on the node the harness computed, readable there.
    for (k, v) in kv.iter().step_by(97) {
        let node = cluster.node_for_key(k);
        let got: Vec<u8> = redis::cmd("GET")
            .arg(&k[..])
            .query(&mut cluster.node(node).client())
            .unwrap();
        assert_eq!(&got, v);
        assert_eq!(
            cluster.exec(k, &[b"GET", k]),
            redis::Value::BulkString(v.clone())
        );
    }

    // Hash tags: all `{x}` keys share a slot and a node.
    let tagged: Vec<(Vec<u8>, Vec<u8>)> = ["{x}a", "{x}b", "c{x}d", "{x}", "zz{x}{y}"]
        .iter()
        .map(|k| (format!("{prefix}{k}").into_bytes(), b"1".to_vec()))
        .collect();
    cluster.set_many(&tagged);
    let owners: HashSet<usize> = tagged
        .iter()
        .map(|(k, _)| cluster.node_for_key(k))
        .collect();
    assert_eq!(owners.len(), 1);
    let owner = *owners.iter().next().unwrap();
    for i in 0..3 {
        let mut con = cluster.node(i).client();
        for (k, _) in &tagged {
            let res = redis::cmd("EXISTS").arg(&k[..]).query::<i64>(&mut con);
            if i == owner {
                assert_eq!(res.unwrap(), 1);
            } else {
                // Other primaries redirect to the owner.
                let err = res.unwrap_err();
                let expected = format!("127.0.0.1:{}", ports[owner]);
                assert_eq!(
                    err.redirect_node(),
                    Some((expected.as_str(), key_slot(k))),
                    "{err}"
                );
            }
        }
    }

    // A multi-key command on one hash tag works on the owning node.
    let (k1, k2) = (&tagged[0].0, &tagged[1].0);
    assert_eq!(
        cluster.exec(k1, &[b"MGET", k1, k2]),
        redis::Value::Array(vec![
            redis::Value::BulkString(b"1".to_vec()),
            redis::Value::BulkString(b"1".to_vec())
        ])
    );
    let log = cluster.log();
    assert_eq!(log.matches("==== cluster node").count(), 3);
}

#[test]
fn cluster_stop_node_kills_only_that_primary() {
    let mut cluster = Cluster::start();
    let _ports = cluster.ports();
    let port = cluster.node(1).port();
    cluster.stop_node(1);
    assert!(connect_refused(port));
    for i in [0, 2] {
        let pong: String = redis::cmd("PING")
            .query(&mut cluster.node(i).client())
            .unwrap();
        assert_eq!(pong, "PONG");
    }
}

// ------------------------------------------------------------ run and assert

/// The message of a panic raised by `f`.
fn panic_message(f: impl FnOnce() + std::panic::UnwindSafe) -> String {
    let err = std::panic::catch_unwind(f).expect_err("expected a panic");
    err.downcast_ref::<String>()
        .cloned()
        .or_else(|| err.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default()
}

#[test]
fn a_run_shows_its_args_exit_code_and_output() {
    let r = ldp_run(&["--no-such-flag"]).fails(2);
    r.stderr_has("--no-such-flag").stdout_empty();
    let shown = r.to_string();
    for part in [
        "\"--no-such-flag\"",
        "exit: 2",
        "--- stdout ---",
        "--- stderr ---",
    ] {
        assert!(shown.contains(part), "{part:?} not in:\n{shown}");
    }
    // A failed assertion prints the whole run, stderr included.
    let msg = panic_message(|| {
        ldp_run(&["--no-such-flag"]).ok();
    });
    assert!(msg.contains("expected success"), "{msg}");
    assert!(msg.contains("exit: 2"), "{msg}");
    assert!(msg.contains("--no-such-flag"), "{msg}");
    let msg = panic_message(|| {
        ldp_run(&["completions", "bash"]).json();
    });
    assert!(msg.contains("not one JSON document"), "{msg}");
    assert!(msg.contains("[\"completions\", \"bash\"]"), "{msg}");
}

#[test]
fn targets_supply_their_own_connection_options() {
    let s = shared_standalone();
    let _g = s.guard();
    let p = support::unique_prefix("run-target");
    let key = format!("{p}k");
    Target::One(s).run_str(&["SET", &key, "v"]);
    let r = s.ldp(&["keys", "scan", &format!("{p}*")]).ok();
    assert_eq!(r.lines(), [key.as_str()], "{r}");
    assert_eq!(r.args[..2], ["-u".to_string(), s.url()]);
    assert_eq!(Target::One(s).conn_args(), s.conn_args());

    // TLS: the CA comes along; the password never shows.
    let tls = shared_tls();
    let _t = tls.guard();
    let r = tls.ldp(&["keys", "scan", "nothing-here:*"]).ok();
    assert!(r.args.iter().any(|a| a == "--tls-ca"), "{r}");
    r.stdout_empty().never_shows(tls.password());

    // A cluster is reached through its first node.
    let c = shared_cluster();
    let _c = c.guard();
    assert_eq!(c.conn_args(), c.node(0).conn_args());
    c.ldp(&["keys", "scan", &format!("{p}*")]).ok();
}

#[test]
fn stdin_and_environment_reach_ldp_and_the_report() {
    let s = shared_standalone();
    let _g = s.guard();
    // An environment variable ldp reads (the config file), shown in the report.
    let r = ldp_cmd(&["cache", "families"])
        .env("LDP_CONFIG", "/nonexistent/other-config.toml")
        .ok();
    assert!(
        r.to_string()
            .contains("env: LDP_CONFIG=\"/nonexistent/other-config.toml\""),
        "{r}"
    );
    // stdin: a document list read from `-`, with one bad line named.
    let r = s
        .ldp_cmd(&["cache", "clear", "--docs-from", "-", "--yes"])
        .stdin("not-a-uuid\n")
        .fails(2);
    r.stderr_has("line 1");
}
