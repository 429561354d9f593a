//! `ldp config show`: every setting names its source (flag, `LDP_*`
//! variable, the pipeline's variable, the `.env` file, the profile,
//! default), and no secret given by any route ever shows, in any format.

mod support;

use std::path::Path;

use serde_json::Value as Json;
use support::{Ldp, Run, ldp_cmd};

/// The row of one setting in `config show -o json`.
#[track_caller]
fn row<'a>(j: &'a Json, setting: &str) -> &'a Json {
    j["settings"]
        .as_array()
        .expect("settings")
        .iter()
        .find(|r| r["setting"] == setting)
        .unwrap_or_else(|| panic!("no {setting} in {j:#}"))
}

/// Asserts value, kind and source of one setting.
#[track_caller]
fn is(j: &Json, setting: &str, value: &str, kind: &str, source: &str) {
    let r = row(j, setting);
    assert_eq!(r["value"], value, "{setting}: {r}");
    assert_eq!(r["kind"], kind, "{setting}: {r}");
    assert_eq!(r["source"], source, "{setting}: {r}");
}

fn show(ldp: Ldp) -> Json {
    ldp.arg("config")
        .arg("show")
        .arg("-o")
        .arg("json")
        .run()
        .ok()
        .json()
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write");
    p.display().to_string()
}

#[test]
fn defaults_name_no_source() {
    let j = show(ldp_cmd(&[]));
    is(
        &j,
        "redis.url",
        ldp::config::DEFAULT_URL,
        "default",
        "default",
    );
    is(&j, "redis.password", "unset", "default", "default");
    is(&j, "timeout", "10s", "default", "default");
    is(&j, "broker.priority_steps", "0,3,6,9", "default", "default");
    is(
        &j,
        "broker.priority_sep",
        "\\x06\\x16",
        "default",
        "default",
    );
    is(&j, "pool_size", "50", "default", "default");
    is(&j, "profile", "default", "default", "default");
    // The harness points LDP_CONFIG at a file that does not exist.
    is(
        &j,
        "config_file",
        "/nonexistent/ldp-test-config.toml (not found)",
        "ldp-env",
        "env LDP_CONFIG",
    );
    for r in j["settings"].as_array().unwrap() {
        if r["setting"] != "config_file" && r["setting"] != "output" {
            assert_eq!(r["kind"], "default", "nothing was given: {r}");
        }
        for field in ["setting", "value", "source", "kind"] {
            assert!(r[field].is_string(), "{field} in {r}");
        }
    }
}

#[test]
fn flags_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let ca = write(dir.path(), "ca.pem", "x");
    let j = show(ldp_cmd(&[
        "--url",
        "redis://h:1/0",
        "--broker-url",
        "redis://b:2/0",
        "--timeout",
        "3s",
        "--tls-ca",
        &ca,
        "--queues",
        "a,b",
        "--priority-steps",
        "0..9",
        "--priority-sep",
        ":",
        "--global-keyprefix",
        "p:",
        "--color",
        "never",
    ]));
    is(&j, "redis.url", "redis://h:1/0", "flag", "flag --url");
    is(
        &j,
        "broker.url",
        "redis://b:2/0",
        "flag",
        "flag --broker-url",
    );
    is(&j, "timeout", "3s", "flag", "flag --timeout");
    is(&j, "tls.ca", &ca, "flag", "flag --tls-ca");
    is(&j, "broker.queues", "a,b", "flag", "flag --queues");
    is(
        &j,
        "broker.priority_steps",
        "0,1,2,3,4,5,6,7,8,9",
        "flag",
        "flag --priority-steps",
    );
    is(
        &j,
        "broker.priority_sep",
        ":",
        "flag",
        "flag --priority-sep",
    );
    is(
        &j,
        "broker.global_keyprefix",
        "p:",
        "flag",
        "flag --global-keyprefix",
    );
    is(&j, "color", "never", "flag", "flag --color");
    is(&j, "output", "json", "flag", "flag --output");
}

#[test]
fn ldp_variables_are_named() {
    let j = show(
        ldp_cmd(&[])
            .env("LDP_REDIS_URL", "redis://e:1/0")
            .env("LDP_TIMEOUT", "4s")
            .env("LDP_PRIORITY_STEPS", "0,5")
            .env("LDP_VISIBILITY_TIMEOUT", "30m")
            .env("LDP_BUCKET", "bkt")
            .env("LDP_REDIS_MAX_CONNECTIONS", "7")
            .env("LDP_TLS_INSECURE", "true"),
    );
    is(
        &j,
        "redis.url",
        "redis://e:1/0",
        "ldp-env",
        "env LDP_REDIS_URL",
    );
    is(&j, "timeout", "4s", "ldp-env", "env LDP_TIMEOUT");
    is(
        &j,
        "broker.priority_steps",
        "0,5",
        "ldp-env",
        "env LDP_PRIORITY_STEPS",
    );
    is(
        &j,
        "broker.visibility_timeout",
        "30m",
        "ldp-env",
        "env LDP_VISIBILITY_TIMEOUT",
    );
    is(&j, "s3.bucket", "bkt", "ldp-env", "env LDP_BUCKET");
    is(
        &j,
        "pool_size",
        "7",
        "ldp-env",
        "env LDP_REDIS_MAX_CONNECTIONS",
    );
    is(
        &j,
        "tls.insecure",
        "true",
        "ldp-env",
        "env LDP_TLS_INSECURE",
    );
}

#[test]
fn the_pipelines_variables_are_named() {
    let j = show(
        ldp_cmd(&[])
            .env("REDIS_HOST", "ph")
            .env("REDIS_PORT", "7000")
            .env("REDIS_USERNAME", "ops")
            .env("REDIS_PW", "pipepw")
            .env("CELERY_BROKER_URL", "redis://cb:1/0")
            .env("S3_PRIMARY_DOCUMENT_BUCKET", "docs")
            .env("REDIS_MAX_CONNECTIONS", "20")
            .env("NO_COLOR", "1"),
    );
    is(
        &j,
        "redis.url",
        "redis://ph:7000/0",
        "env",
        "env REDIS_HOST",
    );
    is(&j, "redis.username", "ops", "env", "env REDIS_USERNAME");
    is(&j, "redis.password", "set", "env", "env REDIS_PW");
    is(
        &j,
        "broker.url",
        "redis://cb:1/0",
        "env",
        "env CELERY_BROKER_URL",
    );
    is(
        &j,
        "s3.bucket",
        "docs",
        "env",
        "env S3_PRIMARY_DOCUMENT_BUCKET",
    );
    is(&j, "pool_size", "20", "env", "env REDIS_MAX_CONNECTIONS");
    is(&j, "color", "never", "env", "env NO_COLOR");
}

#[test]
fn the_env_file_is_named_with_its_variable() {
    let dir = tempfile::tempdir().unwrap();
    let f = write(
        dir.path(),
        ".env",
        "REDIS_URL=redis://f:1/0\nDATABASE_URL=postgresql://app@db/legal\nAWS_SECRET_ACCESS_KEY=k\nREDIS_MAX_CONNECTIONS=9\n",
    );
    let j = show(ldp_cmd(&["--env-file", &f]).env("REDIS_MAX_CONNECTIONS", "11"));
    let src = |v: &str| format!("env-file {f} ({v})");
    is(&j, "env_file", &f, "flag", "flag --env-file");
    is(
        &j,
        "redis.url",
        "redis://f:1/0",
        "env-file",
        &src("REDIS_URL"),
    );
    is(
        &j,
        "database.url",
        "postgresql://app@db/legal",
        "env-file",
        &src("DATABASE_URL"),
    );
    is(
        &j,
        "aws.secret_access_key",
        "set",
        "env-file",
        &src("AWS_SECRET_ACCESS_KEY"),
    );
    // The environment wins over the file.
    is(&j, "pool_size", "11", "env", "env REDIS_MAX_CONNECTIONS");
    let j = show(ldp_cmd(&[]).env("LDP_ENV_FILE", &f));
    is(&j, "env_file", &f, "ldp-env", "env LDP_ENV_FILE");
    is(
        &j,
        "pool_size",
        "9",
        "env-file",
        &src("REDIS_MAX_CONNECTIONS"),
    );
}

#[test]
fn the_profile_is_named_with_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = write(
        dir.path(),
        "config.toml",
        "[profiles.default]\nurl = \"redis://d:1/0\"\n\
         [profiles.prod]\nurls = [\"redis://p1:1/0\", \"redis://p2:2/0\"]\ntimeout = \"2s\"\n\
         priority_steps = [0, 4]\nqueues = [\"q\"]\nvisibility_timeout = \"2h\"\nbucket = \"pb\"\noutput = \"json\"\n",
    );
    let j = show(ldp_cmd(&[]).env("LDP_CONFIG", &cfg));
    is(&j, "config_file", &cfg, "ldp-env", "env LDP_CONFIG");
    is(
        &j,
        "redis.url",
        "redis://d:1/0",
        "profile",
        &format!("profile default ({cfg})"),
    );
    let j = show(ldp_cmd(&["--profile", "prod"]).env("LDP_CONFIG", &cfg));
    let src = format!("profile prod ({cfg})");
    is(&j, "profile", "prod", "flag", "flag --profile");
    is(
        &j,
        "redis.url",
        "redis://p1:1/0,redis://p2:2/0",
        "profile",
        &src,
    );
    is(&j, "timeout", "2s", "profile", &src);
    is(&j, "broker.priority_steps", "0,4", "profile", &src);
    is(&j, "broker.queues", "q", "profile", &src);
    is(&j, "broker.visibility_timeout", "2h", "profile", &src);
    is(&j, "s3.bucket", "pb", "profile", &src);
    let j = show(
        ldp_cmd(&[])
            .env("LDP_CONFIG", &cfg)
            .env("LDP_PROFILE", "prod"),
    );
    is(&j, "profile", "prod", "ldp-env", "env LDP_PROFILE");
}

/// One setting through every layer, peeled off one at a time: the source
/// shown is always the one that won.
#[test]
fn precedence_flag_ldp_env_pipeline_env_file_profile_default() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = write(
        dir.path(),
        "config.toml",
        "[profiles.default]\nurl = \"redis://prof:1/0\"\n",
    );
    let f = write(dir.path(), ".env", "REDIS_URL=redis://file:1/0\n");
    let base = || ldp_cmd(&["--env-file", &f]).env("LDP_CONFIG", &cfg);
    let j = show(
        base()
            .arg("--url")
            .arg("redis://flag:1/0")
            .env("LDP_REDIS_URL", "redis://ldp:1/0")
            .env("REDIS_URL", "redis://pipe:1/0"),
    );
    is(&j, "redis.url", "redis://flag:1/0", "flag", "flag --url");
    let j = show(
        base()
            .env("LDP_REDIS_URL", "redis://ldp:1/0")
            .env("REDIS_URL", "redis://pipe:1/0"),
    );
    is(
        &j,
        "redis.url",
        "redis://ldp:1/0",
        "ldp-env",
        "env LDP_REDIS_URL",
    );
    let j = show(base().env("REDIS_URL", "redis://pipe:1/0"));
    is(&j, "redis.url", "redis://pipe:1/0", "env", "env REDIS_URL");
    let j = show(base());
    is(
        &j,
        "redis.url",
        "redis://file:1/0",
        "env-file",
        &format!("env-file {f} (REDIS_URL)"),
    );
    let j = show(ldp_cmd(&[]).env("LDP_CONFIG", &cfg));
    is(
        &j,
        "redis.url",
        "redis://prof:1/0",
        "profile",
        &format!("profile default ({cfg})"),
    );
    let j = show(ldp_cmd(&[]));
    is(
        &j,
        "redis.url",
        ldp::config::DEFAULT_URL,
        "default",
        "default",
    );
}

/// One way of giving ldp its secrets: a fresh invocation each call.
type Route<'a> = Box<dyn Fn() -> Ldp + 'a>;

const SECRETS: [&str; 9] = [
    "UrlSecret1",
    "LdpSecret2",
    "FileSecret3",
    "DotenvSecret4",
    "DbSecret5",
    "AwsSecret6",
    "TokenSecret7",
    "BrokerSecret8",
    "ProfileFileSecret9",
];

#[track_caller]
fn shows_none(run: &Run) {
    for s in SECRETS {
        run.never_shows(s);
    }
}

/// Every route a password can take, in every format `config show` has
/// (and the ones it refuses), and with -vv diagnostics.
#[test]
fn no_secret_ever_shows() {
    let dir = tempfile::tempdir().unwrap();
    let pwfile = write(dir.path(), "pw", "FileSecret3\n");
    let profile_pw = write(dir.path(), "profile-pw", "ProfileFileSecret9\n");
    let cfg = write(
        dir.path(),
        "config.toml",
        &format!("[profiles.default]\npassword_file = \"{profile_pw}\"\n"),
    );
    let env_file = write(
        dir.path(),
        ".env",
        "REDIS_HOST=h\nREDIS_PASSWORD=DotenvSecret4\n\
         DATABASE_URL=postgresql://app:DbSecret5@db.example:5432/legal\n\
         AWS_SECRET_ACCESS_KEY=AwsSecret6\nAWS_SESSION_TOKEN=TokenSecret7\n\
         CELERY_BROKER_URL=redis://:BrokerSecret8@b:1/0\n",
    );
    let routes: Vec<(&str, Route)> = vec![
        (
            "URL",
            Box::new(|| ldp_cmd(&["--url", "redis://ops:UrlSecret1@h:1/0"])),
        ),
        (
            "LDP_REDIS_PASSWORD",
            Box::new(|| ldp_cmd(&[]).env("LDP_REDIS_PASSWORD", "LdpSecret2")),
        ),
        (
            "--password-file",
            Box::new(|| ldp_cmd(&["--password-file", &pwfile])),
        ),
        (".env", Box::new(|| ldp_cmd(&["--env-file", &env_file]))),
        (
            "profile password_file",
            Box::new(|| ldp_cmd(&[]).env("LDP_CONFIG", &cfg)),
        ),
        (
            "all at once",
            Box::new(|| {
                ldp_cmd(&[
                    "--url",
                    "redis://ops:UrlSecret1@h:1/0",
                    "--password-file",
                    &pwfile,
                ])
                .arg("--env-file")
                .arg(&env_file)
                .env("LDP_REDIS_PASSWORD", "LdpSecret2")
                .env("LDP_CONFIG", &cfg)
                .env("DATABASE_URL", "postgres://u:DbSecret5@h/db")
                .env("AWS_SECRET_ACCESS_KEY", "AwsSecret6")
            }),
        ),
    ];
    for (route, ldp) in &routes {
        for fmt in ["table", "json"] {
            let run = ldp().args(["-vv", "config", "show", "-o", fmt]).run().ok();
            shows_none(&run);
            assert!(run.stdout.contains("redis.password"), "{route}: {run}");
            if *route != ".env" || fmt != "table" {
                continue;
            }
            for secret_setting in ["aws.secret_access_key", "aws.session_token"] {
                let line = run
                    .lines()
                    .into_iter()
                    .find(|l| l.trim_start().starts_with(secret_setting))
                    .unwrap();
                assert!(line.contains("set"), "{route}: {line}");
            }
        }
        for fmt in ["ndjson", "nagios", "prometheus"] {
            let run = ldp().args(["config", "show", "-o", fmt]).run().fails(2);
            shows_none(&run);
        }
        let j = show(ldp());
        assert_eq!(row(&j, "redis.password")["value"], "set", "{route}: {j:#}");
    }
}
