//! Flags, `LDP_*` environment, the pipeline's own variables (environment, then
//! `--env-file`), the config-file profile and defaults, merged in that order of
//! precedence into one plain [`Settings`]. No clap types past this module.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};
use serde::Deserialize;

use crate::audit::AuditSettings;
use crate::broker::layout::{self as celery, BrokerLayout};
use crate::cli::{ColorWhen, GlobalArgs, OutputFormat, parse_duration};
use crate::error::LdpError;
use crate::intake::IntakeSettings;
use crate::redis::target::RedisTarget;
use crate::secret::Secret;
pub use crate::settings::{Origin, Settings, Source};

pub const DEFAULT_URL: &str = "redis://127.0.0.1:6379/0";
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);
/// The pipeline's `REDIS_MAX_CONNECTIONS` default (connections per process).
pub const DEFAULT_POOL_SIZE: u64 = 50;

/// One profile of the TOML config file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub url: Option<String>,
    pub urls: Option<Vec<String>>,
    pub broker_url: Option<String>,
    pub password_file: Option<PathBuf>,
    pub env_file: Option<PathBuf>,
    pub tls_ca: Option<PathBuf>,
    pub tls_insecure: Option<bool>,
    pub timeout: Option<String>,
    pub output: Option<OutputFormat>,
    pub color: Option<ColorWhen>,
    pub keyspace: Option<PathBuf>,
    /// The Celery broker's layout (kombu transport options).
    pub queues: Option<Vec<String>>,
    pub priority_steps: Option<StepsSpec>,
    pub priority_sep: Option<String>,
    pub global_keyprefix: Option<String>,
    pub visibility_timeout: Option<String>,
    /// The intake's PostgreSQL URL (prefer `password_file`-free URLs kept out of argv).
    pub database_url: Option<String>,
    pub db_ssl_mode: Option<String>,
    /// `name`, `s3://name` or `file:///dir`.
    pub bucket: Option<String>,
    pub s3_endpoint: Option<String>,
    pub s3_region: Option<String>,
    /// A JSON-lines file that receives every audit entry too.
    pub audit_file: Option<PathBuf>,
    pub require_audit: Option<bool>,
}

/// `priority_steps` in a profile: `[0, 3, 6, 9]` or `"0..9"`.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum StepsSpec {
    List(Vec<u8>),
    Text(String),
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    profiles: HashMap<String, Profile>,
}

/// The environment as a lookup, so tests can inject one.
pub trait Env {
    fn var(&self, name: &str) -> Option<String>;

    /// Milliseconds to add to this machine's clock when `ldp doctor`
    /// compares it with a server's: 0 for a real process; a test's
    /// environment sets it to simulate skew.
    fn clock_offset_ms(&self) -> i64 {
        0
    }
}

/// The process environment; empty values count as unset.
pub struct ProcessEnv;

impl Env for ProcessEnv {
    fn var(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.is_empty())
    }
}

impl Env for HashMap<String, String> {
    fn var(&self, name: &str) -> Option<String> {
        self.get(name).cloned().filter(|v| !v.is_empty())
    }
}

/// The pipeline's variables: the environment first, then the `.env` file.
struct PipelineVars<'a> {
    env: &'a dyn Env,
    file: HashMap<String, String>,
    /// The `.env` file's path, for [`Source::EnvFile`].
    path: Option<PathBuf>,
}

/// The Redis URL the pipeline itself would use, and its separate credentials.
struct PipelineRedis {
    url: (String, Source),
    user: Option<(String, Source)>,
    password: Option<(Secret, Source)>,
}

impl PipelineVars<'_> {
    fn get(&self, name: &str) -> Option<String> {
        self.get_src(name).map(|(v, _)| v)
    }

    /// The variable and where it was found.
    fn get_src(&self, name: &str) -> Option<(String, Source)> {
        if let Some(v) = self.env.var(name) {
            return Some((v, Source::Env(name.to_string())));
        }
        let v = self.file.var(name)?;
        let path = self.path.clone().unwrap_or_default();
        Some((
            v,
            Source::EnvFile {
                path,
                var: name.to_string(),
            },
        ))
    }

    fn redis(&self) -> Option<PipelineRedis> {
        let user = self.get_src("REDIS_USERNAME");
        let password = self
            .get_src("REDIS_PW")
            .or_else(|| self.get_src("REDIS_PASSWORD"))
            .map(|(p, src)| (Secret::new(p), src));
        if let Some(url) = self.get_src("REDIS_URL") {
            return Some(PipelineRedis {
                url,
                user,
                password,
            });
        }
        let (hostport, src) = match self.get_src("REDIS_PUBLIC_ENDPOINT") {
            Some(ep) => ep,
            None => {
                let (host, src) = self.get_src("REDIS_HOST")?;
                let port = self.get("REDIS_PORT").unwrap_or_else(|| "6379".into());
                (format!("{host}:{port}"), src)
            }
        };
        let tls = self.get("REDIS_SSL").is_some_and(|v| {
            matches!(v.to_ascii_lowercase().as_str(), "1" | "true" | "yes" | "on")
        });
        let scheme = if tls { "rediss" } else { "redis" };
        Some(PipelineRedis {
            url: (format!("{scheme}://{hostport}/0"), src),
            user,
            password,
        })
    }
}

/// Where the config file is: `$LDP_CONFIG`, else the XDG config dir.
pub fn config_path(env: &dyn Env) -> Option<PathBuf> {
    if let Some(p) = env.var("LDP_CONFIG") {
        return Some(PathBuf::from(p));
    }
    let base = env
        .var("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| env.var("HOME").map(|h| Path::new(&h).join(".config")))?;
    Some(base.join("ldp").join("config.toml"))
}

/// The profile `name` (else "default") from the config file; with the file's
/// path and whether it was there (a missing file is no error without a name).
fn load_profile(env: &dyn Env, name: Option<&str>) -> Result<(Profile, Option<PathBuf>, bool)> {
    let Some(path) = config_path(env) else {
        return match name {
            Some(n) => Err(LdpError::usage(format!(
                "profile '{n}': no config file (set LDP_CONFIG)"
            ))),
            None => Ok((Profile::default(), None, false)),
        };
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && name.is_none() => {
            return Ok((Profile::default(), Some(path), false));
        }
        Err(e) => {
            return Err(LdpError::usage(format!(
                "cannot read config file {}: {e}",
                path.display()
            )));
        }
    };
    let mut file: ConfigFile = toml::from_str(&text)
        .map_err(|e| LdpError::usage(format!("config file {}: {}", path.display(), e.message())))?;
    let profile = match name {
        Some(n) => file
            .profiles
            .remove(n)
            .ok_or_else(|| LdpError::usage(format!("no profile '{n}' in {}", path.display())))?,
        None => file.profiles.remove("default").unwrap_or_default(),
    };
    Ok((profile, Some(path), true))
}

fn read_env_file(path: &Path) -> Result<HashMap<String, String>> {
    let iter = dotenvy::from_path_iter(path)
        .map_err(|e| LdpError::usage(format!("cannot read --env-file {}: {e}", path.display())))?;
    let mut vars = HashMap::new();
    for item in iter {
        let (k, v) = item.map_err(|e| {
            LdpError::usage(format!("cannot parse --env-file {}: {e}", path.display()))
        })?;
        vars.insert(k, v);
    }
    Ok(vars)
}

fn read_password_file(path: &Path) -> Result<Secret> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        LdpError::usage(format!(
            "cannot read --password-file {}: {e}",
            path.display()
        ))
    })?;
    Ok(Secret::new(text.trim_end_matches(['\n', '\r'])))
}

fn parse_bool(name: &str, v: &str) -> Result<bool> {
    match v.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(LdpError::usage(format!(
            "invalid {name} '{v}': expected true or false"
        ))),
    }
}

fn parse_enum<T: clap::ValueEnum>(name: &str, v: &str) -> Result<T> {
    T::from_str(v, true).map_err(|_| {
        let names: Vec<String> = T::value_variants()
            .iter()
            .filter_map(|x| x.to_possible_value().map(|p| p.get_name().to_string()))
            .collect();
        LdpError::usage(format!(
            "invalid {name} '{v}' (possible values: {})",
            names.join(", ")
        ))
    })
}

/// Every source but the flags, and the record of what came from where: each
/// setting is looked up once, in precedence order, and noted with its source
/// as it is chosen.
struct Sources<'a> {
    env: &'a dyn Env,
    pipeline: PipelineVars<'a>,
    profile: Profile,
    /// The profile as a source: its file and name.
    profile_src: Source,
    record: Vec<Origin>,
}

impl<'a> Sources<'a> {
    /// Load the profile and the `.env` file; note the config file, profile and `.env` file.
    fn open(args: &GlobalArgs, env: &'a dyn Env) -> Result<Sources<'a>> {
        let name = first([
            flag(&args.profile, "--profile"),
            env.var("LDP_PROFILE")
                .map(|v| (v, Source::Ldp("LDP_PROFILE"))),
        ]);
        let (profile, file, found) = load_profile(env, name.as_ref().map(|(n, _)| n.as_str()))?;
        let mut s = Sources {
            env,
            pipeline: PipelineVars {
                env,
                file: HashMap::new(),
                path: None,
            },
            profile,
            profile_src: Source::Profile {
                file: file.clone().unwrap_or_default(),
                name: name.as_ref().map_or("default", |(n, _)| n).to_string(),
            },
            record: Vec::new(),
        };
        let shown = match &file {
            Some(p) if found => p.display().to_string(),
            Some(p) => format!("{} (not found)", p.display()),
            None => NONE.into(),
        };
        s.note("config_file", shown, s.ldp_or_default("LDP_CONFIG"));
        match name {
            Some((n, src)) => s.note("profile", n, src),
            None => s.note("profile", "default", Source::Default),
        }
        let env_file = first([
            flag(&args.env_file, "--env-file"),
            s.ldp_path("LDP_ENV_FILE"),
            s.prof(&s.profile.env_file),
        ]);
        match env_file {
            Some((p, src)) => {
                s.pipeline.file = read_env_file(&p)?;
                s.note("env_file", p.display().to_string(), src);
                s.pipeline.path = Some(p);
            }
            None => s.note("env_file", NONE, Source::Default),
        }
        Ok(s)
    }

    fn ldp(&self, name: &'static str) -> Option<(String, Source)> {
        self.env.var(name).map(|v| (v, Source::Ldp(name)))
    }

    fn ldp_path(&self, name: &'static str) -> Option<(PathBuf, Source)> {
        self.ldp(name).map(|(v, src)| (PathBuf::from(v), src))
    }

    fn ldp_or_default(&self, name: &'static str) -> Source {
        self.ldp(name).map_or(Source::Default, |(_, src)| src)
    }

    fn pipe(&self, name: &str) -> Option<(String, Source)> {
        self.pipeline.get_src(name)
    }

    fn prof<T: Clone>(&self, v: &Option<T>) -> Option<(T, Source)> {
        v.clone().map(|v| (v, self.profile_src.clone()))
    }

    fn note(&mut self, setting: &'static str, value: impl Into<String>, source: Source) {
        self.record.push(Origin {
            setting,
            value: value.into(),
            source,
        });
    }

    /// Note a path setting, `(none)` when unset.
    fn note_path(&mut self, setting: &'static str, v: &Option<(PathBuf, Source)>) {
        match v {
            Some((p, src)) => self.note(setting, p.display().to_string(), src.clone()),
            None => self.note(setting, NONE, Source::Default),
        }
    }

    /// Note a plain text setting, `(none)` when unset.
    fn note_text(&mut self, setting: &'static str, v: &Option<(String, Source)>) {
        match v {
            Some((t, src)) => self.note(setting, t.clone(), src.clone()),
            None => self.note(setting, NONE, Source::Default),
        }
    }

    /// Note a secret: only whether it is set.
    fn note_secret(&mut self, setting: &'static str, v: &Option<(Secret, Source)>) {
        match v {
            Some((_, src)) => self.note(setting, SET, src.clone()),
            None => self.note(setting, UNSET, Source::Default),
        }
    }
}

/// How an absent optional setting is shown.
const NONE: &str = "(none)";
/// How a secret is shown.
const SET: &str = "set";
const UNSET: &str = "unset";

/// A flag's value, with the flag as its source.
fn flag<T: Clone>(v: &Option<T>, name: &'static str) -> Option<(T, Source)> {
    v.clone().map(|v| (v, Source::Flag(name)))
}

/// The first source that has a value.
fn first<T, const N: usize>(candidates: [Option<(T, Source)>; N]) -> Option<(T, Source)> {
    candidates.into_iter().flatten().next()
}

/// A clap value's name as the command line spells it.
fn value_name<T: clap::ValueEnum>(v: &T) -> String {
    v.to_possible_value()
        .map(|p| p.get_name().to_string())
        .unwrap_or_default()
}

/// Merge every source into [`Settings`], noting where each setting came from.
pub fn resolve(args: &GlobalArgs, env: &dyn Env) -> Result<Settings> {
    let mut s = Sources::open(args, env)?;
    let redis = redis_target(args, &mut s)?;
    let broker = broker_target(args, &mut s, &redis)?;
    // `monitor workers` waits 1 s unless a timeout was given.
    let timeout_given = s
        .record
        .iter()
        .any(|o| o.setting == "timeout" && o.source != Source::Default);
    let (output, color) = output_and_color(args, &mut s)?;
    let keyspace = first([
        flag(&args.keyspace, "--keyspace"),
        s.ldp_path("LDP_KEYSPACE"),
        s.prof(&s.profile.keyspace),
    ]);
    match &keyspace {
        Some(_) => s.note_path("keyspace", &keyspace),
        None => s.note("keyspace", "(embedded)", Source::Default),
    }
    let broker_layout = broker_layout(args, &mut s)?;
    let pool_size = pool_size(&mut s)?;
    let intake = intake(&mut s)?;
    let audit = audit(args, &mut s)?;
    Ok(Settings {
        redis,
        broker,
        output,
        color,
        verbosity: args.verbose as i8 - args.quiet as i8,
        broker_layout,
        keyspace: keyspace.map(|(p, _)| p),
        intake,
        timeout_given,
        pool_size,
        audit,
        provenance: s.record,
        clock_offset_ms: env.clock_offset_ms(),
    })
}

/// `--audit-file`, `LDP_AUDIT_FILE`, the profile's; `--require-audit`,
/// `LDP_REQUIRE_AUDIT`, the profile's; and who is running ldp where.
fn audit(args: &GlobalArgs, s: &mut Sources) -> Result<AuditSettings> {
    let (required, src) = if args.require_audit {
        (true, Source::Flag("--require-audit"))
    } else if let Some((v, src)) = s.ldp("LDP_REQUIRE_AUDIT") {
        (parse_bool("LDP_REQUIRE_AUDIT", &v)?, src)
    } else {
        s.prof(&s.profile.require_audit)
            .unwrap_or((false, Source::Default))
    };
    s.note("audit.required", required.to_string(), src);
    let file = first([
        flag(&args.audit_file, "--audit-file"),
        s.ldp_path("LDP_AUDIT_FILE"),
        s.prof(&s.profile.audit_file),
    ]);
    s.note_path("audit.file", &file);
    Ok(AuditSettings {
        file: file.map(|(p, _)| p),
        required,
        env_user: s.env.var("USER").or_else(|| s.env.var("LOGNAME")),
    })
}

/// The main Redis: URLs, credentials, TLS and timeout.
fn redis_target(args: &GlobalArgs, s: &mut Sources) -> Result<RedisTarget> {
    let mut creds = (None, None);
    let (urls, url_src) = if !args.url.is_empty() {
        (args.url.clone(), Source::Flag("--url"))
    } else if let Some((u, src)) = s.ldp("LDP_REDIS_URL") {
        let urls = u
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        (urls, src)
    } else if let Some(p) = s.pipeline.redis() {
        creds = (p.user, p.password);
        (vec![p.url.0], p.url.1)
    } else if let Some((urls, src)) = s.prof(&s.profile.urls) {
        (urls, src)
    } else if let Some((url, src)) = s.prof(&s.profile.url) {
        (vec![url], src)
    } else {
        (vec![DEFAULT_URL.to_string()], Source::Default)
    };
    for u in &urls {
        crate::redis::url::validate(u)?;
    }
    let shown: Vec<String> = urls.iter().map(|u| crate::redact::redact(u)).collect();
    s.note("redis.url", shown.join(","), url_src.clone());
    let (user, pipeline_password) = creds;
    let url_user = urls.first().and_then(|u| crate::redis::url::user(u));
    match url_user {
        Some(u) => s.note("redis.username", u, url_src.clone()),
        None => s.note_text("redis.username", &user),
    }
    let password = redis_password(args, s, &urls, url_src, pipeline_password)?;
    let timeout = resolve_timeout(args, s)?;
    let tls_ca = first([
        flag(&args.tls_ca, "--tls-ca"),
        s.ldp_path("LDP_TLS_CA"),
        s.prof(&s.profile.tls_ca),
    ]);
    s.note_path("tls.ca", &tls_ca);
    let (tls_insecure, src) = if args.tls_insecure {
        (true, Source::Flag("--tls-insecure"))
    } else if let Some((v, src)) = s.ldp("LDP_TLS_INSECURE") {
        (parse_bool("LDP_TLS_INSECURE", &v)?, src)
    } else {
        s.prof(&s.profile.tls_insecure)
            .unwrap_or((false, Source::Default))
    };
    s.note("tls.insecure", tls_insecure.to_string(), src);
    Ok(RedisTarget {
        urls,
        password,
        username: user.map(|(u, _)| u),
        tls_ca: tls_ca.map(|(p, _)| p),
        tls_insecure,
        timeout,
    })
}

/// --password-file, LDP_REDIS_PASSWORD, the profile's password file (when
/// the URLs carry none), then the URL's own, then the pipeline's.
fn redis_password(
    args: &GlobalArgs,
    s: &mut Sources,
    urls: &[String],
    url_src: Source,
    pipeline: Option<(Secret, Source)>,
) -> Result<Option<Secret>> {
    let chosen = if let Some(p) = &args.password_file {
        Some((read_password_file(p)?, Source::Flag("--password-file")))
    } else if let Some((p, src)) = s.ldp("LDP_REDIS_PASSWORD") {
        Some((Secret::new(p), src))
    } else {
        match s.prof(&s.profile.password_file) {
            Some((p, src)) if urls_lack_password(urls) => Some((read_password_file(&p)?, src)),
            _ => pipeline,
        }
    };
    if chosen.is_none() && !urls_lack_password(urls) {
        s.note("redis.password", SET, url_src);
    } else {
        s.note_secret("redis.password", &chosen);
    }
    Ok(chosen.map(|(p, _)| p))
}

/// The Celery broker's Redis: its own URL, or the main one's.
fn broker_target(args: &GlobalArgs, s: &mut Sources, redis: &RedisTarget) -> Result<RedisTarget> {
    let url = first([
        flag(&args.broker_url, "--broker-url"),
        s.ldp("LDP_BROKER_URL"),
        s.pipe("CELERY_BROKER_URL"),
        s.prof(&s.profile.broker_url),
    ]);
    let Some((u, src)) = url else {
        s.note("broker.url", "(same as redis.url)", Source::Default);
        return Ok(redis.clone());
    };
    crate::redis::url::validate(&u).context("--broker-url")?;
    s.note("broker.url", crate::redact::redact(&u), src);
    Ok(RedisTarget {
        urls: vec![u],
        password: None,
        username: None,
        ..redis.clone()
    })
}

/// The output format (`None`: each command's own) and when to colour.
fn output_and_color(
    args: &GlobalArgs,
    s: &mut Sources,
) -> Result<(Option<OutputFormat>, ColorWhen)> {
    let output = match (args.output, s.ldp("LDP_OUTPUT")) {
        (Some(o), _) => Some((o, Source::Flag("--output"))),
        (None, Some((v, src))) => Some((parse_enum("LDP_OUTPUT", &v)?, src)),
        _ => s.prof(&s.profile.output),
    };
    match &output {
        Some((o, src)) => s.note("output", value_name(o), src.clone()),
        None => s.note("output", "(the command's own)", Source::Default),
    }
    let (color, src) = match (args.color, s.ldp("LDP_COLOR")) {
        (Some(c), _) => (c, Source::Flag("--color")),
        (None, Some((v, src))) => (parse_enum("LDP_COLOR", &v)?, src),
        _ => match s.prof(&s.profile.color) {
            Some(c) => c,
            None if s.env.var("NO_COLOR").is_some() => {
                (ColorWhen::Never, Source::Env("NO_COLOR".into()))
            }
            None => (ColorWhen::Auto, Source::Default),
        },
    };
    s.note("color", value_name(&color), src);
    Ok((output.map(|(o, _)| o), color))
}

/// `--timeout`, `LDP_TIMEOUT`, the profile's, else the default (whether one
/// was given, which `monitor workers` asks, is its noted source).
fn resolve_timeout(args: &GlobalArgs, s: &mut Sources) -> Result<Duration> {
    let (timeout, src) = match (
        args.timeout,
        s.ldp("LDP_TIMEOUT"),
        s.prof(&s.profile.timeout),
    ) {
        (Some(t), _, _) => (t, Source::Flag("--timeout")),
        (None, Some((t, src)), _) => (
            parse_duration(&t).map_err(|e| LdpError::usage(format!("LDP_TIMEOUT: {e}")))?,
            src,
        ),
        (None, None, Some((t, src))) => (
            parse_duration(&t).map_err(|e| LdpError::usage(format!("config timeout: {e}")))?,
            src,
        ),
        _ => (DEFAULT_TIMEOUT, Source::Default),
    };
    if timeout.is_zero() {
        return Err(LdpError::usage(
            "invalid --timeout '0': must be greater than zero",
        ));
    }
    s.note(
        "timeout",
        humantime::format_duration(timeout).to_string(),
        src,
    );
    Ok(timeout)
}

/// The pipeline's connection pool size per process (`REDIS_MAX_CONNECTIONS`).
fn pool_size(s: &mut Sources) -> Result<u64> {
    let given = first([
        s.ldp("LDP_REDIS_MAX_CONNECTIONS"),
        s.pipe("REDIS_MAX_CONNECTIONS"),
    ]);
    let (n, src) = match given {
        Some((v, src)) => {
            let name = match &src {
                Source::Ldp(n) => n,
                _ => "REDIS_MAX_CONNECTIONS",
            };
            let n = v
                .trim()
                .parse::<u64>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| {
                    LdpError::usage(format!("{name}: '{v}' is not a positive whole number"))
                })?;
            (n, src)
        }
        None => (DEFAULT_POOL_SIZE, Source::Default),
    };
    s.note("pool_size", n.to_string(), src);
    Ok(n)
}

/// The intake's settings: `LDP_*`, then the pipeline's own variables
/// (environment, then `.env`), then the profile. `ldp import`'s flags win
/// over all of them (applied there).
fn intake(s: &mut Sources) -> Result<IntakeSettings> {
    let truthy = |v: Option<String>| {
        v.is_some_and(|v| matches!(v.to_ascii_lowercase().as_str(), "1" | "true" | "yes" | "on"))
    };
    // The pipeline picks the direct (RDS) URL in stage 3 or when told to.
    let direct = truthy(s.pipeline.get("USE_DIRECT_DATABASE_CONNECTION"))
        || s.pipeline.get("DEPLOYMENT_STAGE").as_deref() == Some("3");
    let order: [&str; 2] = if direct {
        ["DATABASE_URL_DIRECT", "DATABASE_URL"]
    } else {
        ["DATABASE_URL", "DATABASE_URL_DIRECT"]
    };
    let database = first([
        s.ldp("LDP_DATABASE_URL"),
        s.pipe(order[0]),
        s.pipe(order[1]),
        s.prof(&s.profile.database_url),
    ]);
    let database_source = database.as_ref().map(|(_, src)| match src {
        Source::Ldp(n) => n.to_string(),
        Source::Env(n) | Source::EnvFile { var: n, .. } => n.clone(),
        _ => "the config profile".to_string(),
    });
    let shown = database
        .as_ref()
        .map(|(u, src)| (crate::redact::redact(u), src.clone()));
    s.note_text("database.url", &shown);
    let db_ssl_mode = first([
        s.ldp("LDP_DB_SSL_MODE"),
        s.pipe("DB_SSL_MODE"),
        s.prof(&s.profile.db_ssl_mode),
    ]);
    if let Some((m, _)) = &db_ssl_mode {
        crate::intake::db::SslMode::parse(m)?;
    }
    s.note_text("database.ssl_mode", &db_ssl_mode);
    let bucket = first([
        s.ldp("LDP_BUCKET"),
        s.pipe("S3_PRIMARY_DOCUMENT_BUCKET"),
        s.prof(&s.profile.bucket),
    ]);
    s.note_text("s3.bucket", &bucket);
    let endpoint = first([
        s.ldp("LDP_S3_ENDPOINT"),
        s.pipe("AWS_ENDPOINT_URL_S3"),
        s.pipe("AWS_ENDPOINT_URL"),
        s.prof(&s.profile.s3_endpoint),
    ]);
    s.note_text("s3.endpoint", &endpoint);
    let region = first([
        s.ldp("LDP_S3_REGION"),
        s.pipe("S3_BUCKET_REGION"),
        s.pipe("AWS_DEFAULT_REGION"),
        s.pipe("AWS_REGION"),
        s.prof(&s.profile.s3_region),
    ]);
    s.note_text("s3.region", &region);
    let key_id = s.pipe("AWS_ACCESS_KEY_ID");
    s.note_text("aws.access_key_id", &key_id);
    let secret = s
        .pipe("AWS_SECRET_ACCESS_KEY")
        .map(|(v, src)| (Secret::new(v), src));
    s.note_secret("aws.secret_access_key", &secret);
    let token = s
        .pipe("AWS_SESSION_TOKEN")
        .map(|(v, src)| (Secret::new(v), src));
    s.note_secret("aws.session_token", &token);
    let value = |v: Option<(String, Source)>| v.map(|(v, _)| v);
    Ok(IntakeSettings {
        database_url: database.map(|(u, _)| Secret::new(u)),
        database_source,
        db_ssl_mode: value(db_ssl_mode),
        bucket: value(bucket),
        s3_endpoint: value(endpoint),
        region: value(region),
        aws_access_key_id: value(key_id),
        aws_secret_access_key: secret.map(|(v, _)| v),
        aws_session_token: token.map(|(v, _)| v),
    })
}

/// The broker's layout: flags, then `LDP_*`, then the profile, then kombu's
/// defaults, each field on its own.
fn broker_layout(args: &GlobalArgs, s: &mut Sources) -> Result<BrokerLayout> {
    let mut l = BrokerLayout::default();
    let queues = first([
        (!args.queues.is_empty()).then(|| (args.queues.clone(), Source::Flag("--queues"))),
        s.ldp("LDP_QUEUES")
            .map(|(v, src)| (v.split(',').map(str::to_string).collect(), src)),
        s.prof(&s.profile.queues),
    ]);
    let src = match queues {
        Some((qs, src)) => {
            let mut out: Vec<String> = Vec::new();
            for q in qs {
                let q = q.trim().to_string();
                celery::check_queue(&q).map_err(LdpError::usage)?;
                if !out.contains(&q) {
                    out.push(q);
                }
            }
            l.queues = out;
            src
        }
        None => Source::Default,
    };
    s.note("broker.queues", l.queues.join(","), src);
    let (steps, src) = priority_steps(args, s)?;
    if let Some(steps) = steps {
        l.steps = steps;
    }
    let steps_shown: Vec<String> = l.steps.iter().map(u8::to_string).collect();
    s.note("broker.priority_steps", steps_shown.join(","), src);
    let sep = first([
        flag(&args.priority_sep, "--priority-sep"),
        s.ldp("LDP_PRIORITY_SEP"),
        s.prof(&s.profile.priority_sep),
    ]);
    let src = match sep {
        Some((v, src)) => {
            l.sep = celery::parse_sep(&v).map_err(LdpError::usage)?;
            src
        }
        None => Source::Default,
    };
    s.note("broker.priority_sep", crate::bytes::escape(&l.sep), src);
    let prefix = first([
        flag(&args.global_keyprefix, "--global-keyprefix"),
        s.ldp("LDP_GLOBAL_KEYPREFIX"),
        s.prof(&s.profile.global_keyprefix),
    ]);
    let src = match prefix {
        Some((p, src)) => {
            l.prefix = crate::bytes::unescape(&p)
                .map_err(|e| LdpError::usage(format!("invalid global key prefix: {e}")))?;
            src
        }
        None => Source::Default,
    };
    let shown = if l.prefix.is_empty() {
        NONE.to_string()
    } else {
        crate::bytes::escape(&l.prefix)
    };
    s.note("broker.global_keyprefix", shown, src);
    let vt = match (
        s.ldp("LDP_VISIBILITY_TIMEOUT"),
        s.prof(&s.profile.visibility_timeout),
    ) {
        (Some((t, src)), _) => Some((
            parse_duration(&t)
                .map_err(|e| LdpError::usage(format!("LDP_VISIBILITY_TIMEOUT: {e}")))?,
            src,
        )),
        (None, Some((t, src))) => Some((
            parse_duration(&t)
                .map_err(|e| LdpError::usage(format!("config visibility_timeout: {e}")))?,
            src,
        )),
        _ => None,
    };
    let src = match vt {
        Some((vt, src)) => {
            l.visibility_timeout = vt;
            src
        }
        None => Source::Default,
    };
    let shown = humantime::format_duration(l.visibility_timeout).to_string();
    s.note("broker.visibility_timeout", shown, src);
    Ok(l)
}

/// `--priority-steps`, `LDP_PRIORITY_STEPS`, the profile's (a list or text);
/// `None` keeps kombu's default.
fn priority_steps(args: &GlobalArgs, s: &Sources) -> Result<(Option<Vec<u8>>, Source)> {
    Ok(
        match (
            flag(&args.priority_steps, "--priority-steps"),
            s.ldp("LDP_PRIORITY_STEPS"),
            s.prof(&s.profile.priority_steps),
        ) {
            (Some((v, src)), _, _) => {
                (Some(celery::parse_steps(&v).map_err(LdpError::usage)?), src)
            }
            (None, Some((v, src)), _) => (
                Some(
                    celery::parse_steps(&v)
                        .map_err(|e| LdpError::usage(format!("LDP_PRIORITY_STEPS: {e}")))?,
                ),
                src,
            ),
            (None, None, Some((StepsSpec::Text(v), src))) => (
                Some(
                    celery::parse_steps(&v)
                        .map_err(|e| LdpError::usage(format!("config priority_steps: {e}")))?,
                ),
                src,
            ),
            (None, None, Some((StepsSpec::List(v), src))) => {
                celery::check_steps(&v)
                    .map_err(|e| LdpError::usage(format!("config priority_steps: {e}")))?;
                (Some(v), src)
            }
            _ => (None, Source::Default),
        },
    )
}

fn urls_lack_password(urls: &[String]) -> bool {
    urls.iter().all(|u| {
        url::Url::parse(u)
            .map(|u| u.password().is_none())
            .unwrap_or(true)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        let mut m: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        m.insert("LDP_CONFIG".into(), "/nonexistent/ldp.toml".into());
        m
    }

    #[test]
    fn default_url() {
        let s = resolve(&GlobalArgs::default(), &env(&[])).unwrap();
        assert_eq!(s.redis.urls, vec![DEFAULT_URL.to_string()]);
        assert_eq!(s.redis.timeout, DEFAULT_TIMEOUT);
    }

    #[test]
    fn flag_beats_env_beats_pipeline() {
        let e = env(&[
            ("LDP_REDIS_URL", "redis://a:1/0"),
            ("REDIS_URL", "redis://b:2/0"),
        ]);
        let s = resolve(&GlobalArgs::default(), &e).unwrap();
        assert_eq!(s.redis.urls, vec!["redis://a:1/0".to_string()]);
        let args = GlobalArgs {
            url: vec!["redis://c:3/0".into()],
            ..Default::default()
        };
        assert_eq!(
            resolve(&args, &e).unwrap().redis.urls,
            vec!["redis://c:3/0".to_string()]
        );
        let e = env(&[("REDIS_URL", "redis://b:2/0")]);
        assert_eq!(
            resolve(&GlobalArgs::default(), &e).unwrap().redis.urls,
            vec!["redis://b:2/0".to_string()]
        );
    }

    #[test]
    fn built_from_pipeline_variables() {
        let e = env(&[
            ("REDIS_PUBLIC_ENDPOINT", "redis-1.cloud.example:16379"),
            ("REDIS_USERNAME", "ops"),
            ("REDIS_PW", "s3cret"),
            ("REDIS_SSL", "true"),
        ]);
        let s = resolve(&GlobalArgs::default(), &e).unwrap();
        assert_eq!(
            s.redis.urls,
            vec!["rediss://redis-1.cloud.example:16379/0".to_string()]
        );
        assert_eq!(s.redis.username.as_deref(), Some("ops"));
        assert_eq!(
            s.redis.password.as_ref().map(Secret::expose),
            Some("s3cret")
        );
        assert!(!format!("{s:?}").contains("s3cret"));
        let e = env(&[("REDIS_HOST", "h"), ("REDIS_PASSWORD", "p")]);
        let s = resolve(&GlobalArgs::default(), &e).unwrap();
        assert_eq!(s.redis.urls, vec!["redis://h:6379/0".to_string()]);
    }

    #[test]
    fn env_file_is_below_environment() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join(".env");
        std::fs::write(&f, "REDIS_HOST=fromfile\nREDIS_PORT=7000\n").unwrap();
        let args = GlobalArgs {
            env_file: Some(f.clone()),
            ..Default::default()
        };
        let s = resolve(&args, &env(&[])).unwrap();
        assert_eq!(s.redis.urls, vec!["redis://fromfile:7000/0".to_string()]);
        let s = resolve(&args, &env(&[("REDIS_HOST", "fromenv")])).unwrap();
        assert_eq!(s.redis.urls, vec!["redis://fromenv:7000/0".to_string()]);
    }

    #[test]
    fn profiles() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("config.toml");
        std::fs::write(
            &f,
            "[profiles.default]\nurl = \"redis://d:1/0\"\n[profiles.prod]\nurls = [\"redis://p1:1\", \"redis://p2:2\"]\ntimeout = \"2s\"\noutput = \"json\"\n",
        )
        .unwrap();
        let mut e = env(&[]);
        e.insert("LDP_CONFIG".into(), f.display().to_string());
        let s = resolve(&GlobalArgs::default(), &e).unwrap();
        assert_eq!(s.redis.urls, vec!["redis://d:1/0".to_string()]);
        let args = GlobalArgs {
            profile: Some("prod".into()),
            ..Default::default()
        };
        let s = resolve(&args, &e).unwrap();
        assert_eq!(s.redis.urls.len(), 2);
        assert_eq!(s.redis.timeout, Duration::from_secs(2));
        assert_eq!(s.output, Some(OutputFormat::Json));
        let args = GlobalArgs {
            profile: Some("nope".into()),
            ..Default::default()
        };
        let err = resolve(&args, &e).unwrap_err();
        assert_eq!(crate::error::exit_for(&err), crate::error::Exit::Usage);
    }

    #[test]
    fn broker_layout_from_flags_env_and_profile() {
        let s = resolve(&GlobalArgs::default(), &env(&[])).unwrap();
        assert_eq!(s.broker_layout.steps, vec![0, 3, 6, 9]);
        assert_eq!(s.broker_layout.queues.len(), 9);
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("config.toml");
        std::fs::write(
            &f,
            "[profiles.default]\npriority_steps = \"0..9\"\npriority_sep = \":\"\nqueues = [\"a\", \"b\"]\nglobal_keyprefix = \"p:\"\nvisibility_timeout = \"30m\"\n",
        )
        .unwrap();
        let mut e = env(&[]);
        e.insert("LDP_CONFIG".into(), f.display().to_string());
        let l = resolve(&GlobalArgs::default(), &e).unwrap().broker_layout;
        assert_eq!(l.steps, (0..10).collect::<Vec<u8>>());
        assert_eq!(l.sep, b":".to_vec());
        assert_eq!(l.queues, vec!["a".to_string(), "b".to_string()]);
        assert_eq!(l.prefix, b"p:".to_vec());
        assert_eq!(l.visibility_timeout, Duration::from_secs(1800));
        e.insert("LDP_PRIORITY_STEPS".into(), "0,5".into());
        let args = GlobalArgs {
            priority_sep: Some("\\x06\\x16".into()),
            queues: vec!["x".into(), "x".into()],
            ..Default::default()
        };
        let l = resolve(&args, &e).unwrap().broker_layout;
        assert_eq!(l.steps, vec![0, 5]);
        assert_eq!(l.sep, b"\x06\x16".to_vec());
        assert_eq!(l.queues, vec!["x".to_string()]);
        let bad = GlobalArgs {
            priority_steps: Some("3,1".into()),
            ..Default::default()
        };
        let err = resolve(&bad, &env(&[])).unwrap_err();
        assert_eq!(crate::error::exit_for(&err), crate::error::Exit::Usage);
    }

    #[test]
    fn password_file_wins() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("pw");
        std::fs::write(&f, "frompw\n").unwrap();
        let args = GlobalArgs {
            url: vec!["redis://u:inurl@h:1/0".into()],
            password_file: Some(f),
            ..Default::default()
        };
        let s = resolve(&args, &env(&[("LDP_REDIS_PASSWORD", "fromenv")])).unwrap();
        assert_eq!(s.redis.password.unwrap().expose(), "frompw");
    }

    #[test]
    fn intake_settings_follow_the_pipeline() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join(".env");
        std::fs::write(
            &f,
            "DATABASE_URL=postgresql://app:tunnel@localhost:5433/legal\n\
             DATABASE_URL_DIRECT=postgresql://app:rds@rds.example/legal?sslmode=require\n\
             S3_PRIMARY_DOCUMENT_BUCKET=legal-docs\nS3_BUCKET_REGION=us-east-2\n\
             AWS_ACCESS_KEY_ID=AKIA\nAWS_SECRET_ACCESS_KEY=shh\n",
        )
        .unwrap();
        let args = GlobalArgs {
            env_file: Some(f),
            ..Default::default()
        };
        let s = resolve(&args, &env(&[])).unwrap().intake;
        assert_eq!(s.database_source.as_deref(), Some("DATABASE_URL"));
        assert!(s.database_url.unwrap().expose().contains("tunnel"));
        assert_eq!(s.bucket.as_deref(), Some("legal-docs"));
        assert_eq!(s.region.as_deref(), Some("us-east-2"));
        assert_eq!(s.aws_access_key_id.as_deref(), Some("AKIA"));
        let s = resolve(&args, &env(&[("DEPLOYMENT_STAGE", "3")]))
            .unwrap()
            .intake;
        assert_eq!(s.database_source.as_deref(), Some("DATABASE_URL_DIRECT"));
        let s = resolve(&args, &env(&[("USE_DIRECT_DATABASE_CONNECTION", "true")]))
            .unwrap()
            .intake;
        assert_eq!(s.database_source.as_deref(), Some("DATABASE_URL_DIRECT"));
        assert!(!format!("{s:?}").contains("rds@"), "the URL is a secret");
        let s = resolve(
            &args,
            &env(&[
                ("LDP_DATABASE_URL", "postgres://x@y/z"),
                ("LDP_BUCKET", "b2"),
            ]),
        )
        .unwrap()
        .intake;
        assert_eq!(s.database_source.as_deref(), Some("LDP_DATABASE_URL"));
        assert_eq!(s.bucket.as_deref(), Some("b2"));
        let s = resolve(&GlobalArgs::default(), &env(&[])).unwrap().intake;
        assert!(s.database_url.is_none() && s.bucket.is_none());
        let err = resolve(&GlobalArgs::default(), &env(&[("DB_SSL_MODE", "maybe")])).unwrap_err();
        assert_eq!(crate::error::exit_for(&err), crate::error::Exit::Usage);
    }

    /// The source noted for a setting.
    fn source(s: &Settings, setting: &str) -> (String, Source) {
        let o = s
            .provenance
            .iter()
            .find(|o| o.setting == setting)
            .unwrap_or_else(|| panic!("{setting} not noted"));
        (o.value.clone(), o.source.clone())
    }

    #[test]
    fn provenance_names_each_source() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join(".env");
        std::fs::write(&f, "REDIS_HOST=fh\nREDIS_PW=filepw\nS3_BUCKET_REGION=eu\n").unwrap();
        let cfg = dir.path().join("config.toml");
        std::fs::write(
            &cfg,
            "[profiles.p]\ntimeout = \"2s\"\npriority_sep = \":\"\n",
        )
        .unwrap();
        let mut e = env(&[("LDP_BUCKET", "b"), ("REDIS_USERNAME", "ops")]);
        e.insert("LDP_CONFIG".into(), cfg.display().to_string());
        let args = GlobalArgs {
            env_file: Some(f.clone()),
            profile: Some("p".into()),
            global_keyprefix: Some("x:".into()),
            ..Default::default()
        };
        let s = resolve(&args, &e).unwrap();
        let prof = Source::Profile {
            file: cfg.clone(),
            name: "p".into(),
        };
        let file = |var: &str| Source::EnvFile {
            path: f.clone(),
            var: var.into(),
        };
        assert_eq!(
            source(&s, "redis.url"),
            ("redis://fh:6379/0".into(), file("REDIS_HOST"))
        );
        assert_eq!(
            source(&s, "redis.password"),
            ("set".into(), file("REDIS_PW"))
        );
        assert_eq!(
            source(&s, "redis.username"),
            ("ops".into(), Source::Env("REDIS_USERNAME".into()))
        );
        assert_eq!(source(&s, "timeout"), ("2s".into(), prof.clone()));
        assert!(s.timeout_given);
        assert_eq!(source(&s, "broker.priority_sep"), (":".into(), prof));
        assert_eq!(
            source(&s, "broker.global_keyprefix"),
            ("x:".into(), Source::Flag("--global-keyprefix"))
        );
        assert_eq!(
            source(&s, "s3.bucket"),
            ("b".into(), Source::Ldp("LDP_BUCKET"))
        );
        assert_eq!(
            source(&s, "s3.region"),
            ("eu".into(), file("S3_BUCKET_REGION"))
        );
        assert_eq!(source(&s, "pool_size"), ("50".into(), Source::Default));
        assert!(!format!("{:?}", s.provenance).contains("filepw"));
        // Every setting is noted once.
        let mut names: Vec<&str> = s.provenance.iter().map(|o| o.setting).collect();
        let n = names.len();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), n);
    }

    #[test]
    fn a_password_in_the_url_is_noted_with_the_urls_source() {
        let args = GlobalArgs {
            url: vec!["redis://u:inurl@h:1/0".into()],
            ..Default::default()
        };
        let s = resolve(&args, &env(&[])).unwrap();
        assert_eq!(
            source(&s, "redis.url"),
            ("redis://u@h:1/0".into(), Source::Flag("--url"))
        );
        assert_eq!(
            source(&s, "redis.password"),
            ("set".into(), Source::Flag("--url"))
        );
        assert_eq!(
            source(&s, "redis.username"),
            ("u".into(), Source::Flag("--url"))
        );
        let s = resolve(&GlobalArgs::default(), &env(&[("LDP_REDIS_PASSWORD", "p")])).unwrap();
        assert_eq!(
            source(&s, "redis.password"),
            ("set".into(), Source::Ldp("LDP_REDIS_PASSWORD"))
        );
        let s = resolve(&GlobalArgs::default(), &env(&[])).unwrap();
        assert_eq!(
            source(&s, "redis.password"),
            ("unset".into(), Source::Default)
        );
        assert!(!s.timeout_given);
    }

    #[test]
    fn no_color_env() {
        let s = resolve(&GlobalArgs::default(), &env(&[("NO_COLOR", "1")])).unwrap();
        assert_eq!(s.color, ColorWhen::Never);
        let args = GlobalArgs {
            color: Some(ColorWhen::Always),
            ..Default::default()
        };
        assert_eq!(
            resolve(&args, &env(&[("NO_COLOR", "1")])).unwrap().color,
            ColorWhen::Always
        );
    }

    #[test]
    fn invalid_url_is_usage_error_without_secret() {
        let args = GlobalArgs {
            url: vec!["http://u:hunter2@h:1".into()],
            ..Default::default()
        };
        let err = resolve(&args, &env(&[])).unwrap_err();
        assert_eq!(crate::error::exit_for(&err), crate::error::Exit::Usage);
        let msg = crate::error::one_line(&err);
        assert!(msg.contains("http"), "{msg}");
        assert!(!msg.contains("hunter2"), "{msg}");
    }
}
