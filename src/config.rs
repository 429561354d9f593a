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
pub use crate::settings::Settings;

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
#[derive(Debug, Deserialize)]
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
}

impl PipelineVars<'_> {
    fn get(&self, name: &str) -> Option<String> {
        self.env.var(name).or_else(|| self.file.var(name))
    }

    /// The Redis URL the pipeline itself would use, and its separate credentials.
    fn redis(&self) -> Option<(String, Option<String>, Option<Secret>)> {
        let user = self.get("REDIS_USERNAME");
        let pw = self
            .get("REDIS_PW")
            .or_else(|| self.get("REDIS_PASSWORD"))
            .map(Secret::new);
        if let Some(url) = self.get("REDIS_URL") {
            return Some((url, user, pw));
        }
        let hostport = match self.get("REDIS_PUBLIC_ENDPOINT") {
            Some(ep) => ep,
            None => {
                let host = self.get("REDIS_HOST")?;
                let port = self.get("REDIS_PORT").unwrap_or_else(|| "6379".into());
                format!("{host}:{port}")
            }
        };
        let tls = self.get("REDIS_SSL").is_some_and(|v| {
            matches!(v.to_ascii_lowercase().as_str(), "1" | "true" | "yes" | "on")
        });
        let scheme = if tls { "rediss" } else { "redis" };
        Some((format!("{scheme}://{hostport}/0"), user, pw))
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

fn load_profile(env: &dyn Env, name: Option<&str>) -> Result<Profile> {
    let Some(path) = config_path(env) else {
        return match name {
            Some(n) => Err(LdpError::usage(format!(
                "profile '{n}': no config file (set LDP_CONFIG)"
            ))),
            None => Ok(Profile::default()),
        };
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && name.is_none() => {
            return Ok(Profile::default());
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
    match name {
        Some(n) => file
            .profiles
            .remove(n)
            .ok_or_else(|| LdpError::usage(format!("no profile '{n}' in {}", path.display()))),
        None => Ok(file.profiles.remove("default").unwrap_or_default()),
    }
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

/// Merge every source into [`Settings`].
pub fn resolve(args: &GlobalArgs, env: &dyn Env) -> Result<Settings> {
    let profile_name = args.profile.clone().or_else(|| env.var("LDP_PROFILE"));
    let profile = load_profile(env, profile_name.as_deref())?;

    let env_file = args
        .env_file
        .clone()
        .or_else(|| env.var("LDP_ENV_FILE").map(PathBuf::from))
        .or_else(|| profile.env_file.clone());
    let pipeline = PipelineVars {
        env,
        file: match &env_file {
            Some(p) => read_env_file(p)?,
            None => HashMap::new(),
        },
    };

    let mut username = None;
    let mut pipeline_password = None;
    let urls: Vec<String> = if !args.url.is_empty() {
        args.url.clone()
    } else if let Some(u) = env.var("LDP_REDIS_URL") {
        u.split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    } else if let Some((url, user, pw)) = pipeline.redis() {
        username = user;
        pipeline_password = pw;
        vec![url]
    } else if let Some(urls) = profile.urls.clone() {
        urls
    } else if let Some(url) = profile.url.clone() {
        vec![url]
    } else {
        vec![DEFAULT_URL.to_string()]
    };

    // Password: --password-file, LDP_REDIS_PASSWORD, then the URL's own, then the pipeline's.
    let password = match &args.password_file {
        Some(p) => Some(read_password_file(p)?),
        None => match env.var("LDP_REDIS_PASSWORD") {
            Some(p) => Some(Secret::new(p)),
            None => match &profile.password_file {
                Some(p) if urls_lack_password(&urls) => Some(read_password_file(p)?),
                _ => pipeline_password,
            },
        },
    };

    let (timeout, timeout_given) = resolve_timeout(args, env, &profile)?;

    let tls_ca = args
        .tls_ca
        .clone()
        .or_else(|| env.var("LDP_TLS_CA").map(PathBuf::from))
        .or_else(|| profile.tls_ca.clone());
    let tls_insecure = if args.tls_insecure {
        true
    } else if let Some(v) = env.var("LDP_TLS_INSECURE") {
        parse_bool("LDP_TLS_INSECURE", &v)?
    } else {
        profile.tls_insecure.unwrap_or(false)
    };

    let output = match (args.output, env.var("LDP_OUTPUT")) {
        (Some(o), _) => Some(o),
        (None, Some(v)) => Some(parse_enum("LDP_OUTPUT", &v)?),
        _ => profile.output,
    };
    let color = match (args.color, env.var("LDP_COLOR")) {
        (Some(c), _) => c,
        (None, Some(v)) => parse_enum("LDP_COLOR", &v)?,
        _ => match profile.color {
            Some(c) => c,
            None if env.var("NO_COLOR").is_some() => ColorWhen::Never,
            None => ColorWhen::Auto,
        },
    };

    let redis = RedisTarget {
        urls,
        password,
        username,
        tls_ca,
        tls_insecure,
        timeout,
    };
    for u in &redis.urls {
        crate::redis::url::validate(u)?;
    }
    let broker_url = args
        .broker_url
        .clone()
        .or_else(|| env.var("LDP_BROKER_URL"))
        .or_else(|| pipeline.get("CELERY_BROKER_URL"))
        .or_else(|| profile.broker_url.clone());
    let broker = match broker_url {
        Some(u) => {
            crate::redis::url::validate(&u).context("--broker-url")?;
            RedisTarget {
                urls: vec![u],
                password: None,
                username: None,
                ..redis.clone()
            }
        }
        None => redis.clone(),
    };

    let broker_layout = broker_layout(args, env, &profile)?;
    let pool_size = pool_size(env, &pipeline)?;
    let intake = intake(env, &pipeline, &profile)?;
    let audit = audit(args, env, &profile)?;

    Ok(Settings {
        redis,
        broker,
        output,
        color,
        verbosity: args.verbose as i8 - args.quiet as i8,
        broker_layout,
        keyspace: args
            .keyspace
            .clone()
            .or_else(|| env.var("LDP_KEYSPACE").map(PathBuf::from))
            .or(profile.keyspace),
        intake,
        timeout_given,
        pool_size,
        audit,
    })
}

/// `--audit-file`, `LDP_AUDIT_FILE`, the profile's; `--require-audit`,
/// `LDP_REQUIRE_AUDIT`, the profile's; and who is running ldp where.
fn audit(args: &GlobalArgs, env: &dyn Env, profile: &Profile) -> Result<AuditSettings> {
    let required = if args.require_audit {
        true
    } else if let Some(v) = env.var("LDP_REQUIRE_AUDIT") {
        parse_bool("LDP_REQUIRE_AUDIT", &v)?
    } else {
        profile.require_audit.unwrap_or(false)
    };
    Ok(AuditSettings {
        file: args
            .audit_file
            .clone()
            .or_else(|| env.var("LDP_AUDIT_FILE").map(PathBuf::from))
            .or_else(|| profile.audit_file.clone()),
        required,
        user: crate::host::os_user(|n| env.var(n)),
        host: crate::host::hostname(),
    })
}

/// `--timeout`, `LDP_TIMEOUT`, the profile's, else the default; and whether
/// one of them was given (`monitor workers` waits 1 s unless told).
fn resolve_timeout(
    args: &GlobalArgs,
    env: &dyn Env,
    profile: &Profile,
) -> Result<(Duration, bool)> {
    let timeout = match (args.timeout, env.var("LDP_TIMEOUT"), &profile.timeout) {
        (Some(t), _, _) => t,
        (None, Some(t), _) => {
            parse_duration(&t).map_err(|e| LdpError::usage(format!("LDP_TIMEOUT: {e}")))?
        }
        (None, None, Some(t)) => {
            parse_duration(t).map_err(|e| LdpError::usage(format!("config timeout: {e}")))?
        }
        _ => DEFAULT_TIMEOUT,
    };
    let timeout_given =
        args.timeout.is_some() || env.var("LDP_TIMEOUT").is_some() || profile.timeout.is_some();
    if timeout.is_zero() {
        return Err(LdpError::usage(
            "invalid --timeout '0': must be greater than zero",
        ));
    }
    Ok((timeout, timeout_given))
}

/// The pipeline's connection pool size per process (`REDIS_MAX_CONNECTIONS`).
fn pool_size(env: &dyn Env, pipeline: &PipelineVars) -> Result<u64> {
    Ok(
        match env
            .var("LDP_REDIS_MAX_CONNECTIONS")
            .map(|v| ("LDP_REDIS_MAX_CONNECTIONS", v))
            .or_else(|| {
                pipeline
                    .get("REDIS_MAX_CONNECTIONS")
                    .map(|v| ("REDIS_MAX_CONNECTIONS", v))
            }) {
            Some((name, v)) => {
                v.trim()
                    .parse::<u64>()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or_else(|| {
                        LdpError::usage(format!("{name}: '{v}' is not a positive whole number"))
                    })?
            }
            None => DEFAULT_POOL_SIZE,
        },
    )
}

/// The intake's settings: `LDP_*`, then the pipeline's own variables
/// (environment, then `.env`), then the profile. `ldp import`'s flags win
/// over all of them (applied there).
fn intake(env: &dyn Env, pipeline: &PipelineVars, profile: &Profile) -> Result<IntakeSettings> {
    let truthy = |v: Option<String>| {
        v.is_some_and(|v| matches!(v.to_ascii_lowercase().as_str(), "1" | "true" | "yes" | "on"))
    };
    // The pipeline picks the direct (RDS) URL in stage 3 or when told to.
    let direct = truthy(pipeline.get("USE_DIRECT_DATABASE_CONNECTION"))
        || pipeline.get("DEPLOYMENT_STAGE").as_deref() == Some("3");
    let order: [&str; 2] = if direct {
        ["DATABASE_URL_DIRECT", "DATABASE_URL"]
    } else {
        ["DATABASE_URL", "DATABASE_URL_DIRECT"]
    };
    let (database_url, database_source) = match env.var("LDP_DATABASE_URL") {
        Some(u) => (Some(u), Some("LDP_DATABASE_URL".to_string())),
        None => match order
            .iter()
            .find_map(|n| pipeline.get(n).map(|u| (u, n.to_string())))
        {
            Some((u, n)) => (Some(u), Some(n)),
            None => match &profile.database_url {
                Some(u) => (Some(u.clone()), Some("the config profile".to_string())),
                None => (None, None),
            },
        },
    };
    let db_ssl_mode = env
        .var("LDP_DB_SSL_MODE")
        .or_else(|| pipeline.get("DB_SSL_MODE"))
        .or_else(|| profile.db_ssl_mode.clone());
    if let Some(m) = &db_ssl_mode {
        crate::intake::db::SslMode::parse(m)?;
    }
    Ok(IntakeSettings {
        database_url: database_url.map(Secret::new),
        database_source,
        db_ssl_mode,
        bucket: env
            .var("LDP_BUCKET")
            .or_else(|| pipeline.get("S3_PRIMARY_DOCUMENT_BUCKET"))
            .or_else(|| profile.bucket.clone()),
        s3_endpoint: env
            .var("LDP_S3_ENDPOINT")
            .or_else(|| pipeline.get("AWS_ENDPOINT_URL_S3"))
            .or_else(|| pipeline.get("AWS_ENDPOINT_URL"))
            .or_else(|| profile.s3_endpoint.clone()),
        region: env
            .var("LDP_S3_REGION")
            .or_else(|| pipeline.get("S3_BUCKET_REGION"))
            .or_else(|| pipeline.get("AWS_DEFAULT_REGION"))
            .or_else(|| pipeline.get("AWS_REGION"))
            .or_else(|| profile.s3_region.clone()),
        aws_access_key_id: pipeline.get("AWS_ACCESS_KEY_ID"),
        aws_secret_access_key: pipeline.get("AWS_SECRET_ACCESS_KEY").map(Secret::new),
        aws_session_token: pipeline.get("AWS_SESSION_TOKEN").map(Secret::new),
    })
}

/// The broker's layout: flags, then `LDP_*`, then the profile, then kombu's
/// defaults, each field on its own.
fn broker_layout(args: &GlobalArgs, env: &dyn Env, profile: &Profile) -> Result<BrokerLayout> {
    let mut l = BrokerLayout::default();
    let queues: Option<Vec<String>> = if !args.queues.is_empty() {
        Some(args.queues.clone())
    } else if let Some(v) = env.var("LDP_QUEUES") {
        Some(v.split(',').map(str::to_string).collect())
    } else {
        profile.queues.clone()
    };
    if let Some(qs) = queues {
        let mut out: Vec<String> = Vec::new();
        for q in qs {
            let q = q.trim().to_string();
            celery::check_queue(&q).map_err(LdpError::usage)?;
            if !out.contains(&q) {
                out.push(q);
            }
        }
        l.queues = out;
    }
    l.steps = match (
        &args.priority_steps,
        env.var("LDP_PRIORITY_STEPS"),
        &profile.priority_steps,
    ) {
        (Some(s), _, _) => celery::parse_steps(s).map_err(LdpError::usage)?,
        (None, Some(s), _) => celery::parse_steps(&s)
            .map_err(|e| LdpError::usage(format!("LDP_PRIORITY_STEPS: {e}")))?,
        (None, None, Some(StepsSpec::Text(s))) => celery::parse_steps(s)
            .map_err(|e| LdpError::usage(format!("config priority_steps: {e}")))?,
        (None, None, Some(StepsSpec::List(v))) => {
            celery::check_steps(v)
                .map_err(|e| LdpError::usage(format!("config priority_steps: {e}")))?;
            v.clone()
        }
        _ => l.steps,
    };
    let sep = args
        .priority_sep
        .clone()
        .or_else(|| env.var("LDP_PRIORITY_SEP"))
        .or_else(|| profile.priority_sep.clone());
    if let Some(s) = sep {
        l.sep = celery::parse_sep(&s).map_err(LdpError::usage)?;
    }
    let prefix = args
        .global_keyprefix
        .clone()
        .or_else(|| env.var("LDP_GLOBAL_KEYPREFIX"))
        .or_else(|| profile.global_keyprefix.clone());
    if let Some(p) = prefix {
        l.prefix = crate::bytes::unescape(&p)
            .map_err(|e| LdpError::usage(format!("invalid global key prefix: {e}")))?;
    }
    let vt = match (
        env.var("LDP_VISIBILITY_TIMEOUT"),
        &profile.visibility_timeout,
    ) {
        (Some(t), _) => Some(
            parse_duration(&t)
                .map_err(|e| LdpError::usage(format!("LDP_VISIBILITY_TIMEOUT: {e}")))?,
        ),
        (None, Some(t)) => Some(
            parse_duration(t)
                .map_err(|e| LdpError::usage(format!("config visibility_timeout: {e}")))?,
        ),
        _ => None,
    };
    if let Some(vt) = vt {
        l.visibility_timeout = vt;
    }
    Ok(l)
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
