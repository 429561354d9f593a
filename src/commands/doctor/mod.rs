//! `ldp doctor`: can ldp work here? Every configured server reachable (each
//! cluster node, the broker, PostgreSQL, the bucket), TLS and
//! authentication, server versions, cluster slot coverage, the ACL user's
//! permission for each command ldp sends, clock skew, and the broker
//! layout against what the broker holds. Each check is a verdict of the
//! shared [`crate::check`] model with a hint; the exit code is the worst
//! status, as `monitor health`'s.

mod acl;
mod layout;

use std::time::{Duration, Instant};

use anyhow::Result;

use crate::check::{Check, CheckReport, Status, by_threshold};
use crate::commands::Ctx;
use crate::exit::Exit;
use crate::output::OutputFormat;
use crate::redis::target::RedisTarget;
use crate::redis::{Node, Redis};

/// The doctor's thresholds.
#[derive(Debug, Clone)]
pub struct DoctorOptions {
    pub skew_warn: Duration,
    pub skew_crit: Duration,
}

/// Run every check.
pub async fn run_checks(ctx: &Ctx, o: &DoctorOptions) -> Result<CheckReport> {
    let started = Instant::now();
    let s = &ctx.settings;
    let target = s
        .redis
        .urls
        .first()
        .map(|u| crate::redact::redact(u))
        .unwrap_or_default();
    let mut checks = Vec::new();
    let redis = server(ctx, o, "redis", &s.redis, &mut checks).await?;
    let separate = s.broker.urls != s.redis.urls;
    let (broker, role) = if separate {
        (
            server(ctx, o, "broker", &s.broker, &mut checks).await?,
            "broker",
        )
    } else {
        (redis, "redis")
    };
    if let Some(b) = &broker {
        checks.push(layout::check(b, &s.broker_layout, role).await);
    }
    checks.extend(database(ctx).await);
    checks.extend(bucket(ctx).await);
    Ok(CheckReport::of(target, checks, started))
}

/// Where a setting came from, for hints (`flag --url`, `env REDIS_PW`).
fn source_of(ctx: &Ctx, setting: &str) -> String {
    ctx.settings
        .provenance
        .iter()
        .find(|o| o.setting == setting)
        .map_or_else(|| "default".to_string(), |o| o.source.to_string())
}

/// The checks of one Redis deployment (`role` "redis", or "broker" when the
/// broker is a server of its own); the connection when it answered.
async fn server(
    ctx: &Ctx,
    o: &DoctorOptions,
    role: &'static str,
    t: &RedisTarget,
    checks: &mut Vec<Check>,
) -> Result<Option<Redis>> {
    let redis = match Redis::connect_tolerant(t).await {
        Ok(r) => r,
        Err(e) if crate::error::exit_for(&e) == crate::error::Exit::Usage => return Err(e),
        Err(e) => {
            checks.push(unreachable(ctx, role, &e));
            return Ok(None);
        }
    };
    for n in redis.nodes() {
        checks.push(Check::new(
            "reachable",
            Some(&format!("{role} {}", n.addr)),
            Status::Ok,
            "up".into(),
            format!(
                "{} answers",
                if redis.is_cluster() {
                    "cluster primary"
                } else {
                    "server"
                }
            ),
        ));
    }
    checks.push(tls(t, role));
    let user = whoami(&redis, t).await;
    checks.push(Check::new(
        "auth",
        Some(role),
        Status::Ok,
        user.clone(),
        format!("authenticated as {user}"),
    ));
    checks.extend(versions(&redis, role).await);
    if redis.is_cluster() {
        let cluster = crate::check::cluster::cluster_check(&redis).await;
        checks.extend(cluster.into_iter().map(|c| match c.status {
            Status::Ok => c,
            _ => c.hint("bring the node(s) back or fail over to a replica (redis-cli --cluster check/fix); ldp refuses to work on a cluster with unserved slots"),
        }));
    }
    // A separate broker only needs what ldp sends the broker.
    checks.extend(acl::checks(&redis, &user, role, role == "broker").await);
    for n in redis.nodes() {
        checks.push(
            clock(
                n,
                &format!("{role} {}", n.addr),
                o,
                ctx.settings.clock_offset_ms,
            )
            .await,
        );
    }
    Ok(Some(redis))
}

/// A failed connect: AUTH, TLS or the server itself, never the password.
fn unreachable(ctx: &Ctx, role: &'static str, e: &anyhow::Error) -> Check {
    let line = crate::error::one_line(e);
    let (url, pw) = if role == "broker" {
        ("broker.url", "broker.url")
    } else {
        ("redis.url", "redis.password")
    };
    if line.contains("authentication failed") {
        return Check::new(
            "auth",
            Some(role),
            Status::Critical,
            "AUTH failed".into(),
            format!("AUTH refused: {line}"),
        )
        .hint(format!(
            "check the user and password (the password comes from {}; the URL from {})",
            source_of(ctx, pw),
            source_of(ctx, url)
        ));
    }
    if line.contains("TLS handshake failed") {
        return Check::new("tls", Some(role), Status::Critical, "failed".into(), line).hint(
            "give the CA that signs the server's certificate with --tls-ca (LDP_TLS_CA), or use redis:// if the server has no TLS",
        );
    }
    Check::new(
        "reachable",
        Some(role),
        Status::Critical,
        "down".into(),
        line,
    )
    .hint(format!(
        "is the server up and the address right? (the URL comes from {})",
        source_of(ctx, url)
    ))
}

/// TLS on or off, and whether the certificate is verified.
fn tls(t: &RedisTarget, role: &str) -> Check {
    if !t.urls.iter().any(|u| u.starts_with("rediss://")) {
        return Check::new(
            "tls",
            Some(role),
            Status::Ok,
            "off".into(),
            "plain TCP (redis://)".into(),
        );
    }
    if t.tls_insecure {
        return Check::new(
            "tls",
            Some(role),
            Status::Warning,
            "unverified".into(),
            "TLS, but the server's certificate is not verified (--tls-insecure)".into(),
        )
        .hint("give the CA's PEM with --tls-ca instead of --tls-insecure");
    }
    let ca = t
        .tls_ca
        .as_ref()
        .map_or("the system's roots".to_string(), |p| {
            p.display().to_string()
        });
    Check::new(
        "tls",
        Some(role),
        Status::Ok,
        "verified".into(),
        format!("TLS, certificate verified against {ca}"),
    )
}

/// The ACL user the connection runs as: `ACL WHOAMI`, else the user the
/// URL or the settings name, else `default`.
async fn whoami(redis: &Redis, t: &RedisTarget) -> String {
    if let Some(n) = redis.nodes().first()
        && let Ok(u) = n.read::<String>(redis::cmd("ACL").arg("WHOAMI")).await
    {
        return u;
    }
    t.urls
        .first()
        .and_then(|u| crate::redis::url::user(u))
        .or_else(|| t.username.clone())
        .unwrap_or_else(|| "default".into())
}

/// Each node's version: WARNING before 6.0 (no ACL users, no SCAN TYPE)
/// and when the nodes differ.
async fn versions(redis: &Redis, role: &str) -> Vec<Check> {
    let mut out = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for n in redis.nodes() {
        let at = format!("{role} {}", n.addr);
        let v = match crate::redis::info::info(n).await {
            Ok(i) => crate::redis::info::text(&i, "redis_version")
                .unwrap_or("?")
                .to_string(),
            Err(e) => {
                out.push(Check::failed("version", &e));
                continue;
            }
        };
        seen.insert(v.clone());
        let major: u32 = v
            .split('.')
            .next()
            .and_then(|m| m.parse().ok())
            .unwrap_or(0);
        let c = if major < 6 {
            Check::new(
                "version",
                Some(&at),
                Status::Warning,
                v,
                "before 6.0: no ACL users, no SCAN TYPE; ldp's scans are slower".into(),
            )
            .hint("upgrade Redis to 6.2 or later")
        } else {
            Check::new("version", Some(&at), Status::Ok, v, "supported".into())
        };
        out.push(c);
    }
    if seen.len() > 1 {
        out.push(
            Check::new(
                "version",
                Some(role),
                Status::Warning,
                "mixed".into(),
                format!(
                    "the nodes run different versions: {}",
                    seen.into_iter().collect::<Vec<_>>().join(", ")
                ),
            )
            .hint("finish the rolling upgrade"),
        );
    }
    out
}

/// This machine's clock against the server's `TIME` (the midpoint of the
/// round trip): TTLs and the ages behind stuck-document checks compare them.
async fn clock(node: &Node, at: &str, o: &DoctorOptions, offset_ms: i64) -> Check {
    let before = crate::clock::unix_now();
    let got = node.read::<(String, String)>(&redis::cmd("TIME")).await;
    let after = crate::clock::unix_now();
    let (s, us) = match got {
        Ok(t) => t,
        Err(e) => return Check::failed("clock", &anyhow::Error::new(e).context("TIME")),
    };
    let server = s.parse::<f64>().unwrap_or(0.0) + us.parse::<f64>().unwrap_or(0.0) / 1e6;
    let local = (before + after) / 2.0 + offset_ms as f64 / 1000.0;
    // Under 50 ms reads as no skew (and never as -0.0).
    let skew = if (server - local).abs() < 0.05 {
        0.0
    } else {
        server - local
    };
    let st = by_threshold(
        skew.abs(),
        o.skew_warn.as_secs_f64(),
        o.skew_crit.as_secs_f64(),
    );
    let side = if skew >= 0.0 { "ahead of" } else { "behind" };
    let message = if skew == 0.0 {
        "the clocks agree (within 50 ms)".to_string()
    } else {
        format!(
            "the server's clock is {:.1} s {side} this machine's",
            skew.abs()
        )
    };
    let c = Check::new("clock", Some(at), st, format!("{skew:+.1}s"), message).threshold(format!(
        "{}s/{}s",
        o.skew_warn.as_secs_f64(),
        o.skew_crit.as_secs_f64()
    ));
    match st {
        Status::Ok => c,
        _ => c.hint("sync both clocks (NTP: chrony, systemd-timesyncd): lock expiry times, TTL deadlines and the ages behind stuck-document checks (monitor health --deep, doc retry) compare this machine's clock with Redis's"),
    }
}

/// PostgreSQL, if configured: it answers and accepts the credentials.
async fn database(ctx: &Ctx) -> Option<Check> {
    let i = &ctx.settings.intake;
    let url = i.database_url.as_ref()?;
    let source = i.database_source.as_deref().unwrap_or("the config profile");
    Some(
        match crate::intake::db::Db::connect(url, i.db_ssl_mode.as_deref(), source).await {
            Ok(db) => Check::new(
                "database",
                Some("postgresql"),
                Status::Ok,
                "up".into(),
                format!("{} answers", db.label()),
            ),
            Err(e) => Check::new(
                "database",
                Some("postgresql"),
                Status::Critical,
                "down".into(),
                crate::error::one_line(&e),
            )
            .hint(format!(
                "check the server, DB_SSL_MODE and the credentials in {source}"
            )),
        },
    )
}

/// The bucket, if configured: one cheap listing.
async fn bucket(ctx: &Ctx) -> Option<Check> {
    let i = &ctx.settings.intake;
    let name = i.bucket.as_ref()?;
    let checked = match crate::intake::store::Store::open(i) {
        Ok(s) => s.check().await,
        Err(e) => Err(e),
    };
    Some(match checked {
        Ok(()) => Check::new(
            "bucket",
            Some("s3"),
            Status::Ok,
            name.clone(),
            "the bucket answers".into(),
        ),
        Err(e) => Check::new(
            "bucket",
            Some("s3"),
            Status::Critical,
            name.clone(),
            crate::error::one_line(&e),
        )
        .hint("check the bucket's name and region, the endpoint and the AWS credentials"),
    })
}

/// `ldp doctor`.
pub async fn doctor(ctx: &Ctx, o: DoctorOptions) -> Result<Exit> {
    let out = &ctx.out;
    let report = run_checks(ctx, &o).await?;
    match out.format {
        OutputFormat::Nagios => out.write_raw(&report.nagios())?,
        _ => out.print(&report)?,
    }
    Ok(Exit::Health(report.status))
}
