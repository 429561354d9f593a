//! `ldp doctor` against real servers: healthy standalone, TLS + ACL and
//! cluster deployments are OK; an ACL user without UNLINK, a wrong
//! password, a stopped cluster node and a skewed clock are each found,
//! named, and given the exit code `monitor health` would.

mod support;

use std::collections::HashMap;
use std::time::Duration;

use serde_json::Value as Json;
use support::{
    Cluster, LdpTarget, RedisServer, ldp_cmd, shared_cluster, shared_standalone, shared_tls,
};

fn checks<'a>(j: &'a Json, name: &str) -> Vec<&'a Json> {
    j["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .filter(|c| c["name"] == name)
        .collect()
}

/// Every check OK, and the ones a healthy deployment must have there.
#[track_caller]
fn all_ok(j: &Json, expected: &[&str]) {
    assert_eq!(j["status"], "OK", "{j:#}");
    for c in j["checks"].as_array().expect("checks") {
        assert_eq!(c["status"], "OK", "{c}");
    }
    for name in expected {
        assert!(!checks(j, name).is_empty(), "no {name} check: {j:#}");
    }
}

#[test]
fn a_healthy_standalone_server_is_ok() {
    let s = shared_standalone();
    let j = s.ldp(&["doctor", "-o", "json"]).ok().json();
    all_ok(
        &j,
        &[
            "reachable",
            "tls",
            "auth",
            "version",
            "acl",
            "clock",
            "broker_layout",
        ],
    );
    let acl = checks(&j, "acl");
    assert!(
        acl[0]["message"]
            .as_str()
            .unwrap()
            .contains("every command"),
        "{j:#}"
    );
    // The table too, exit 0.
    s.ldp(&["doctor"]).ok().stdout_has("LDP OK");
}

#[test]
fn tls_with_an_acl_user_is_ok() {
    let t = shared_tls();
    let j = t.ldp(&["doctor", "-o", "json"]).ok().json();
    all_ok(&j, &["reachable", "tls", "auth", "acl", "clock"]);
    assert_eq!(checks(&j, "tls")[0]["value"], "verified", "{j:#}");
    assert_eq!(checks(&j, "auth")[0]["value"], t.username(), "{j:#}");
}

#[test]
fn a_healthy_cluster_is_ok() {
    let c = shared_cluster();
    let j = c.ldp(&["doctor", "-o", "json"]).ok().json();
    all_ok(&j, &["reachable", "cluster", "acl", "clock"]);
    assert_eq!(
        checks(&j, "reachable").len(),
        c.len(),
        "every primary: {j:#}"
    );
    assert_eq!(checks(&j, "clock").len(), c.len(), "every primary: {j:#}");
}

/// Both ways of asking: ACL DRYRUN (the user may run ACL) and, for a user
/// who may not, the command queued in a discarded MULTI.
#[test]
fn an_acl_user_without_unlink_is_named_with_the_commands_that_need_it() {
    let s = RedisServer::start_with(&[
        "--user",
        "ops",
        "on",
        ">opspw",
        "~*",
        "&*",
        "+@all",
        "-unlink",
        "--user",
        "narrow",
        "on",
        ">narrowpw",
        "~*",
        "&*",
        "+@all",
        "-unlink",
        "-acl",
        "+acl|whoami",
    ]);
    let _g = s.guard();
    for (user, how) in [("ops", "ACL DRYRUN"), ("narrow", "MULTI")] {
        let url = format!("redis://{user}:{user}pw@127.0.0.1:{}/0", s.port());
        let run = ldp_cmd(&["-u", &url, "doctor", "-o", "json"])
            .run()
            .fails(1);
        let j = run.json();
        assert_eq!(j["status"], "WARNING", "{run}");
        let bad: Vec<&Json> = checks(&j, "acl")
            .into_iter()
            .filter(|c| c["status"] != "OK")
            .collect();
        assert_eq!(bad.len(), 1, "only UNLINK is denied to {user}: {run}");
        assert_eq!(bad[0]["value"], "UNLINK", "{run}");
        let msg = bad[0]["message"].as_str().unwrap();
        assert!(msg.contains(how), "asked by {how}: {msg}");
        for cmd in ["keys delete", "cache clear", "queue purge"] {
            assert!(msg.contains(cmd), "{cmd} needs UNLINK: {msg}");
        }
        assert!(
            bad[0]["hint"]
                .as_str()
                .unwrap()
                .contains(&format!("ACL SETUSER {user} +unlink"))
        );
        run.never_shows(&format!("{user}pw"));
    }
    // A user allowed everything is OK on the same server.
    let url = format!("redis://127.0.0.1:{}/0", s.port());
    let j = ldp_cmd(&["-u", &url, "doctor", "-o", "json"])
        .run()
        .ok()
        .json();
    all_ok(&j, &["acl"]);
}

#[test]
fn a_wrong_password_is_critical_naming_auth_never_the_password() {
    let s = RedisServer::start_with(&["--requirepass", "rightpw"]);
    let _g = s.guard();
    let url = format!("redis://:WrongSecret1@127.0.0.1:{}/0", s.port());
    for fmt in ["table", "json", "nagios"] {
        let run = ldp_cmd(&["-u", &url, "doctor", "-o", fmt]).run().fails(2);
        assert!(run.stdout.contains("AUTH"), "{run}");
        assert!(run.stdout.contains("CRITICAL"), "{run}");
        run.never_shows("WrongSecret1").never_shows("rightpw");
    }
    // By LDP_REDIS_PASSWORD: the hint names where the password came from.
    let run = ldp_cmd(&["-u", &s.url(), "doctor", "-o", "json"])
        .env("LDP_REDIS_PASSWORD", "WrongSecret2")
        .run()
        .fails(2);
    let j = run.json();
    let auth = checks(&j, "auth");
    assert_eq!(auth[0]["status"], "CRITICAL", "{run}");
    assert!(
        auth[0]["hint"]
            .as_str()
            .unwrap()
            .contains("LDP_REDIS_PASSWORD"),
        "{run}"
    );
    run.never_shows("WrongSecret2");
}

#[test]
fn a_stopped_cluster_node_leaves_slots_unserved() {
    let mut c = Cluster::start();
    let port = c.node(1).port().to_string();
    c.stop_node(1);
    let _g = c.guard();
    let run = c.ldp_cmd(&["doctor", "-o", "json"]).run().fails(2);
    let j = run.json();
    let cluster = checks(&j, "cluster");
    assert_eq!(cluster.len(), 1, "{run}");
    assert_eq!(cluster[0]["status"], "CRITICAL", "{run}");
    assert!(cluster[0]["hint"].is_string(), "{run}");
    let down: Vec<&Json> = checks(&j, "reachable")
        .into_iter()
        .filter(|r| r["status"] == "CRITICAL")
        .collect();
    assert_eq!(down.len(), 1, "{run}");
    assert!(down[0]["node"].as_str().unwrap().contains(&port), "{run}");
}

/// libfaketime deadlocks Debian's redis-server (jemalloc calls
/// clock_gettime before libfaketime is initialised), so the skew is
/// simulated on this side: an environment whose clock runs ahead.
struct Skewed {
    vars: HashMap<String, String>,
    offset_ms: i64,
}

impl ldp::config::Env for Skewed {
    fn var(&self, name: &str) -> Option<String> {
        self.vars.get(name).cloned()
    }
    fn clock_offset_ms(&self) -> i64 {
        self.offset_ms
    }
}

fn clock_verdicts(url: &str, offset_ms: i64) -> Vec<Json> {
    let env = Skewed {
        vars: HashMap::from([(
            "LDP_CONFIG".to_string(),
            "/nonexistent/ldp.toml".to_string(),
        )]),
        offset_ms,
    };
    let args = ldp::cli::GlobalArgs {
        url: vec![url.to_string()],
        ..Default::default()
    };
    let settings = ldp::config::resolve(&args, &env).expect("settings");
    let out = ldp::output::Output::new(None, ldp::output::ColorWhen::Never, 0);
    let ctx = ldp::commands::Ctx::new(settings, out);
    let o = ldp::commands::doctor::DoctorOptions {
        skew_warn: Duration::from_secs(2),
        skew_crit: Duration::from_secs(30),
    };
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let report = rt
        .block_on(ldp::commands::doctor::run_checks(&ctx, &o))
        .expect("doctor");
    let j = serde_json::to_value(&report).expect("json");
    checks(&j, "clock").into_iter().cloned().collect()
}

#[test]
fn a_skewed_clock_is_a_warning_then_critical() {
    let s = shared_standalone();
    let url = s.url();
    let c = clock_verdicts(&url, 0);
    assert_eq!(c[0]["status"], "OK", "{c:?}");
    let c = clock_verdicts(&url, 5_000);
    assert_eq!(c[0]["status"], "WARNING", "{c:?}");
    assert!(
        c[0]["message"].as_str().unwrap().contains("behind"),
        "{c:?}"
    );
    let c = clock_verdicts(&url, 300_000);
    assert_eq!(c[0]["status"], "CRITICAL", "{c:?}");
    let value: f64 = c[0]["value"]
        .as_str()
        .unwrap()
        .trim_end_matches('s')
        .parse()
        .unwrap();
    assert!((value + 300.0).abs() < 2.0, "about 300 s behind: {c:?}");
    assert!(c[0]["hint"].as_str().unwrap().contains("TTL"), "{c:?}");
    let c = clock_verdicts(&url, -300_000);
    assert_eq!(c[0]["status"], "CRITICAL", "{c:?}");
    assert!(c[0]["message"].as_str().unwrap().contains("ahead"), "{c:?}");
}

#[test]
fn priority_lists_of_another_layout_are_a_warning() {
    let s = RedisServer::start();
    let _g = s.guard();
    let mut con = s.client();
    let _: () = redis::cmd("RPUSH")
        .arg("ocr:3")
        .arg("m")
        .query(&mut con)
        .unwrap();
    let run = s.ldp_cmd(&["doctor", "-o", "json"]).run().fails(1);
    let j = run.json();
    let l = checks(&j, "broker_layout");
    assert_eq!(l[0]["status"], "WARNING", "{run}");
    assert!(l[0]["message"].as_str().unwrap().contains("ocr:3"), "{run}");
    assert!(
        l[0]["hint"]
            .as_str()
            .unwrap()
            .contains("--priority-sep ':'"),
        "{run}"
    );
    // Configured as the pipeline has it: OK.
    let j = s
        .ldp(&["--priority-sep", ":", "doctor", "-o", "json"])
        .ok()
        .json();
    assert_eq!(checks(&j, "broker_layout")[0]["status"], "OK", "{j:#}");
    // A step not configured.
    let j = s
        .ldp_cmd(&[
            "--priority-sep",
            ":",
            "--priority-steps",
            "0,5",
            "doctor",
            "-o",
            "json",
        ])
        .run()
        .fails(1)
        .json();
    assert!(
        checks(&j, "broker_layout")[0]["message"]
            .as_str()
            .unwrap()
            .contains("step 3"),
        "{j:#}"
    );
}

#[test]
fn a_usage_error_is_unknown_as_in_monitor_health() {
    support::ldp_run(&["doctor", "--skew-warn", "10s", "--skew-crit", "1s"]).fails_quietly(3);
    support::ldp_run(&["doctor", "-o", "prometheus"]).fails_quietly(3);
}

#[test]
fn a_separate_broker_is_checked_too() {
    let main = shared_standalone();
    let mut broker = RedisServer::start();
    let url = broker.url();
    let j = main
        .ldp(&["--broker-url", &url, "doctor", "-o", "json"])
        .ok()
        .json();
    let on_broker: Vec<&Json> = j["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["node"].as_str().is_some_and(|n| n.starts_with("broker")))
        .collect();
    for name in ["reachable", "acl", "clock", "broker_layout"] {
        assert!(
            on_broker.iter().any(|c| c["name"] == name),
            "{name} on the broker: {j:#}"
        );
    }
    broker.stop();
    let run = main
        .ldp_cmd(&["--broker-url", &url, "doctor", "-o", "json"])
        .run()
        .fails(2);
    let j = run.json();
    let down: Vec<&Json> = checks(&j, "reachable")
        .into_iter()
        .filter(|c| c["status"] == "CRITICAL")
        .collect();
    assert_eq!(down.len(), 1, "{run}");
    assert_eq!(down[0]["node"], "broker", "{run}");
    assert!(
        down[0]["hint"]
            .as_str()
            .unwrap()
            .contains("flag --broker-url"),
        "{run}"
    );
}

#[test]
fn postgresql_and_the_bucket_are_checked_when_configured() {
    let pg = support::intake::shared_postgres();
    let s = shared_standalone();
    let bucket = tempfile::tempdir().unwrap();
    let bucket_url = format!("file://{}", bucket.path().display());
    let j = s
        .ldp_cmd(&["doctor", "-o", "json"])
        .env("LDP_DATABASE_URL", pg.url("postgres", "disable"))
        .env("LDP_BUCKET", &bucket_url)
        .run()
        .ok()
        .json();
    all_ok(&j, &["database", "bucket"]);
    // A wrong database password: CRITICAL, never shown.
    let wrong = pg
        .url("postgres", "disable")
        .replace(pg.password(), "WrongDbSecret");
    let run = s
        .ldp_cmd(&["doctor", "-o", "json"])
        .env("LDP_DATABASE_URL", &wrong)
        .env("LDP_BUCKET", "file:///nonexistent/ldp-doctor-bucket")
        .run()
        .fails(2);
    let j = run.json();
    assert_eq!(checks(&j, "database")[0]["status"], "CRITICAL", "{run}");
    assert_eq!(checks(&j, "bucket")[0]["status"], "CRITICAL", "{run}");
    run.never_shows("WrongDbSecret").never_shows(pg.password());
}
