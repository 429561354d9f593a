//! `ldp keys audit`: one streaming scan, every key classified by the registry,
//! with pipelined PTTL and MEMORY USAGE; `--fix-ttl` repairs families that
//! should expire.

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use anyhow::Result;
use redis::Value;
use serde::Serialize;

use crate::audit::Journal;
use crate::bytes;
use crate::commands::Ctx;
use crate::consent::{Admitted, Consent};
use crate::error::LdpError;
use crate::exit::Exit;
use crate::fold::fold_key;
use crate::keyspace::{Registry, Role};
use crate::output::{self, Output, Report};
use crate::redis::{Redis, ScanSpec};

/// TTL buckets, upper bounds in seconds.
const BUCKETS: [(&str, u64); 5] = [
    ("<1m", 60),
    ("<1h", 3600),
    ("<1d", 86_400),
    ("<7d", 7 * 86_400),
    (">=7d", u64::MAX),
];

/// Per-family figures.
#[derive(Debug, Default, Serialize, Clone)]
pub struct FamilyAudit {
    pub family: String,
    pub role: &'static str,
    pub keys: u64,
    pub bytes: u64,
    /// Keys that never expire.
    pub no_ttl: u64,
    /// Shortest and longest TTL left, in seconds.
    pub ttl_min: Option<f64>,
    pub ttl_max: Option<f64>,
    pub ttl_buckets: BTreeMap<&'static str, u64>,
    /// The pipeline always sets a TTL here, yet some keys have none.
    pub flagged: bool,
}

impl FamilyAudit {
    fn add(&mut self, pttl: Option<i64>, bytes: u64) {
        self.keys += 1;
        self.bytes += bytes;
        match pttl {
            None => self.no_ttl += 1,
            Some(ms) => {
                let s = ms as f64 / 1000.0;
                self.ttl_min = Some(self.ttl_min.map_or(s, |m| m.min(s)));
                self.ttl_max = Some(self.ttl_max.map_or(s, |m| m.max(s)));
                let secs = (ms as u64) / 1000;
                if let Some((name, _)) = BUCKETS.iter().find(|(_, hi)| secs < *hi) {
                    *self.ttl_buckets.entry(name).or_default() += 1;
                }
            }
        }
    }
}

#[derive(Debug, Serialize)]
pub struct UnknownGroup {
    pub pattern: String,
    pub keys: u64,
    pub bytes: u64,
}

#[derive(Debug, Serialize)]
pub struct AuditReport {
    pub families: Vec<FamilyAudit>,
    pub unknown: Vec<UnknownGroup>,
    pub unknown_keys: u64,
    pub unknown_bytes: u64,
    pub total_keys: u64,
    pub total_bytes: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix_ttl: Option<FixReport>,
    /// Set when the server may evict ldp's import markers (an `allkeys-*`
    /// policy) and no database backs exactly-once.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eviction_risk: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct FixReport {
    pub family: String,
    pub ttl_seconds: f64,
    pub dry_run: bool,
    /// Keys of the family without TTL.
    pub candidates: u64,
    /// Keys that got the TTL (PEXPIRE ... NX: never shortens a TTL set meanwhile).
    pub fixed: u64,
}

impl Report for AuditReport {
    fn text(&self, out: &Output) -> String {
        let mut t = out.table(&["family", "role", "keys", "bytes", "no ttl", "ttl left"]);
        for f in &self.families {
            let range = match (f.ttl_min, f.ttl_max) {
                (Some(a), Some(b)) => format!(
                    "{} .. {}",
                    output::human_ttl(Some((a * 1000.0) as i64)),
                    output::human_ttl(Some((b * 1000.0) as i64))
                ),
                _ => "-".into(),
            };
            let no_ttl = if f.flagged {
                let s = format!("{} !", out.count(f.no_ttl));
                if out.color {
                    console::style(s).red().bold().to_string()
                } else {
                    s
                }
            } else {
                out.count(f.no_ttl)
            };
            t.add_row(vec![
                f.family.clone(),
                f.role.to_string(),
                out.count(f.keys),
                out.bytes(f.bytes),
                no_ttl,
                range,
            ]);
        }
        let mut s = String::new();
        out.aside(
            &mut s,
            format!(
                "{} keys, {} in all; {} in no family",
                out.count(self.total_keys),
                out.bytes(self.total_bytes),
                out.count(self.unknown_keys)
            ),
        );
        if !self.families.is_empty() {
            s.push_str(&format!("{t}\n"));
        }
        let flagged: Vec<&str> = self
            .families
            .iter()
            .filter(|f| f.flagged)
            .map(|f| f.family.as_str())
            .collect();
        if !flagged.is_empty() {
            out.aside(
                &mut s,
                format!(
                    "! keys without TTL in families that should expire: {} (fix: --fix-ttl FAMILY --ttl DUR)",
                    flagged.join(", ")
                ),
            );
        }
        if !self.unknown.is_empty() {
            let mut u = out.table(&["unknown pattern", "keys", "bytes"]);
            for g in &self.unknown {
                u.add_row(vec![
                    g.pattern.clone(),
                    out.count(g.keys),
                    out.bytes(g.bytes),
                ]);
            }
            s.push_str(&format!("{u}\n"));
        }
        if let Some(f) = &self.fix_ttl {
            s.push_str(&format!(
                "{} {} of {} keys of '{}' without TTL to {}\n",
                if f.dry_run {
                    "dry run: would set"
                } else {
                    "set the TTL of"
                },
                out.count(if f.dry_run { f.candidates } else { f.fixed }),
                out.count(f.candidates),
                f.family,
                humantime::format_duration(Duration::from_millis((f.ttl_seconds * 1000.0) as u64))
            ));
        }
        s
    }
}

/// Plain options of `keys audit`.
#[derive(Debug, Clone)]
pub struct AuditOptions {
    pub fix_ttl: Option<String>,
    pub ttl: Option<std::time::Duration>,
    pub consent: Consent,
    pub unknown: usize,
    pub count: u32,
}

/// `ldp keys audit`.
pub async fn audit(ctx: &Ctx, a: AuditOptions) -> Result<Exit> {
    let out = &ctx.out;
    let reg = ctx.registry()?;
    let fix = fix_target(&reg, &a, out, &ctx.journal)?;
    let redis = ctx.redis().await?;
    let census = census(ctx, &redis, &reg, &a, fix.as_ref().map(|f| f.family)).await?;
    let Census {
        mut per_family,
        unknown,
        fix_keys,
        total_keys,
        total_bytes,
    } = census;

    for (f, fam) in per_family.iter_mut().zip(&reg.families) {
        f.flagged = fam.expires && f.no_ttl > 0;
    }
    let families: Vec<FamilyAudit> = per_family.into_iter().filter(|f| f.keys > 0).collect();
    let unknown_keys = unknown.values().map(|v| v.0).sum();
    let unknown_bytes = unknown.values().map(|v| v.1).sum();
    let groups = unknown_groups(unknown, a.unknown);

    let (fix_ttl, declined) = match fix {
        None => (None, false),
        Some(fix) => {
            let (rep, declined) = fix_ttl(&redis, out, &reg, fix, &fix_keys).await?;
            (Some(rep), declined)
        }
    };
    if fix_ttl.is_some() {
        out.debug(format!(
            "fix-ttl sample: {}",
            fix_keys
                .iter()
                .take(3)
                .map(|k| bytes::escape(k))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let eviction_risk = eviction_risk(ctx, &redis, &reg, &families).await;
    if let Some(why) = &eviction_risk {
        out.warn(why);
    }
    out.print(&AuditReport {
        families,
        unknown: groups,
        unknown_keys,
        unknown_bytes,
        total_keys,
        total_bytes,
        fix_ttl,
        eviction_risk,
    })?;
    if declined {
        out.note("no TTL changed");
        return Ok(Exit::Failure);
    }
    Ok(Exit::Ok)
}

/// ldp's import markers have no TTL and are what makes a re-run skip a
/// document; under an `allkeys-*` policy the server may evict them, and
/// without a database (whose rows are the truth) a re-run would enqueue
/// those documents again.
async fn eviction_risk(
    ctx: &Ctx,
    redis: &crate::redis::Redis,
    reg: &crate::keyspace::Registry,
    families: &[FamilyAudit],
) -> Option<String> {
    let ldp_marker = reg.get("ldp_imported").map(|f| f.name.as_str())?;
    let markers = families.iter().find(|f| f.family == ldp_marker)?.keys;
    if markers == 0 || ctx.settings.intake.database_url.is_some() {
        return None;
    }
    let mut policies = Vec::new();
    for node in redis.nodes() {
        let info = crate::redis::info::info(node).await.ok()?;
        let p = crate::redis::info::text(&info, "maxmemory_policy")?.to_string();
        if p.starts_with("allkeys") {
            policies.push(format!("{} on {}", p, node.label));
        }
    }
    (!policies.is_empty()).then(|| {
        format!(
            "{markers} ldp import markers can be evicted ({}): a re-run would enqueue those \
             documents again; use noeviction or volatile-*, or configure the database",
            policies.join(", ")
        )
    })
}

/// What `--fix-ttl FAMILY --ttl DUR` will repair, once consent is given.
struct Fix<'a> {
    family: usize,
    ttl: Duration,
    gate: Admitted<'a>,
}

/// Check `--fix-ttl` before connecting: a known family whose keys may
/// expire, a TTL of at least 1s, and the operator's consent.
fn fix_target<'a>(
    reg: &Registry,
    a: &AuditOptions,
    out: &Output,
    journal: &'a Journal,
) -> Result<Option<Fix<'a>>> {
    let (Some(name), Some(ttl)) = (&a.fix_ttl, a.ttl) else {
        return Ok(None);
    };
    let i = reg
        .families
        .iter()
        .position(|f| &f.name == name)
        .ok_or_else(|| {
            LdpError::usage(format!(
                "unknown family '{name}' (see `ldp cache families`)"
            ))
        })?;
    if matches!(reg.families[i].role, Role::Broker | Role::Ldp) {
        return Err(LdpError::usage(format!(
            "refusing to set TTLs on '{name}': its keys must not expire"
        )));
    }
    if ttl < Duration::from_secs(1) {
        return Err(LdpError::usage("invalid --ttl: at least 1s"));
    }
    let gate = a.consent.admit(out, journal, "change TTLs")?;
    gate.journal().subject(format!(
        "--fix-ttl {name} --ttl {}",
        humantime::format_duration(ttl)
    ));
    Ok(Some(Fix {
        family: i,
        ttl,
        gate,
    }))
}

/// What the scan counted: per family, unknown keys by folded pattern (keys,
/// bytes), the keys `--fix-ttl` will repair, and the totals.
struct Census {
    per_family: Vec<FamilyAudit>,
    unknown: HashMap<String, (u64, u64)>,
    fix_keys: Vec<Vec<u8>>,
    total_keys: u64,
    total_bytes: u64,
}

impl Census {
    /// Count one key from its PTTL and MEMORY USAGE replies; `fam` is its
    /// family's index, `fix` the family `--fix-ttl` repairs.
    fn add(&mut self, key: Vec<u8>, r: &[Value], fam: Option<usize>, fix: Option<usize>) {
        let pttl = match r.first() {
            Some(Value::Int(-2)) => return, // expired since SCAN saw it
            Some(Value::Int(ms)) if *ms >= 0 => Some(*ms),
            _ => None,
        };
        let mem = match r.get(1) {
            Some(Value::Int(b)) => (*b).max(0) as u64,
            _ => 0,
        };
        self.total_keys += 1;
        self.total_bytes += mem;
        match fam {
            Some(i) => {
                self.per_family[i].add(pttl, mem);
                if pttl.is_none() && fix == Some(i) {
                    self.fix_keys.push(key);
                }
            }
            None => {
                let e = self.unknown.entry(fold_key(&key)).or_default();
                e.0 += 1;
                e.1 += mem;
            }
        }
    }
}

/// One streaming scan of every key, with pipelined PTTL and MEMORY USAGE.
async fn census(
    ctx: &Ctx,
    redis: &Redis,
    reg: &Registry,
    a: &AuditOptions,
    fix: Option<usize>,
) -> Result<Census> {
    let layout = &ctx.settings.broker_layout;
    let broker_family = reg.with_role(Role::Broker).next().map(|f| f.name.clone());
    let broker_idx = broker_family
        .as_ref()
        .and_then(|n| reg.families.iter().position(|f| &f.name == n));
    let mut c = Census {
        per_family: reg
            .families
            .iter()
            .map(|f| FamilyAudit {
                family: f.name.clone(),
                role: f.role.name(),
                ..Default::default()
            })
            .collect(),
        unknown: HashMap::new(),
        fix_keys: Vec::new(),
        total_keys: 0,
        total_bytes: 0,
    };
    let mut rx = redis.scan(ScanSpec {
        pattern: b"*".to_vec(),
        count: a.count,
        key_type: None,
    });
    let pb = ctx.out.spinner("auditing");
    while let Some(msg) = rx.recv().await {
        let (_, keys) = msg?;
        let replies = redis
            .per_key(&keys, 2, true, |p, k| {
                p.cmd("PTTL").arg(k);
                p.cmd("MEMORY").arg("USAGE").arg(k).arg("SAMPLES").arg(0);
            })
            .await?;
        pb.inc(keys.len() as u64);
        for (key, r) in keys.into_iter().zip(replies) {
            let fam = if layout.is_broker_key(&key) {
                broker_idx
            } else {
                reg.classify(&key).map(|(i, _)| i)
            };
            c.add(key, &r, fam, fix);
        }
    }
    pb.finish_and_clear();
    Ok(c)
}

/// Unknown keys grouped by folded pattern, most keys first, the first `limit`.
fn unknown_groups(unknown: HashMap<String, (u64, u64)>, limit: usize) -> Vec<UnknownGroup> {
    let mut groups: Vec<UnknownGroup> = unknown
        .into_iter()
        .map(|(pattern, (keys, bytes))| UnknownGroup {
            pattern,
            keys,
            bytes,
        })
        .collect();
    groups.sort_by(|a, b| b.keys.cmp(&a.keys).then(a.pattern.cmp(&b.pattern)));
    groups.truncate(limit);
    groups
}

/// Set the TTL on the family's keys that have none (PEXPIRE ... NX), after
/// confirmation; a dry run only counts them. Also returns whether the
/// operator declined (exit 1, like every declined prompt).
async fn fix_ttl(
    redis: &Redis,
    out: &Output,
    reg: &Registry,
    fix: Fix<'_>,
    fix_keys: &[Vec<u8>],
) -> Result<(FixReport, bool)> {
    let Fix { family, ttl, gate } = fix;
    let mut rep = FixReport {
        family: reg.families[family].name.clone(),
        ttl_seconds: ttl.as_secs_f64(),
        dry_run: gate.dry_run,
        candidates: fix_keys.len() as u64,
        fixed: 0,
    };
    gate.journal().matched(&rep.family, rep.candidates);
    if fix_keys.is_empty() {
        return Ok((rep, false));
    }
    let go = gate.confirm(
        out,
        &format!(
            "Set a TTL of {} on {} keys of '{}'?",
            humantime::format_duration(ttl),
            fix_keys.len(),
            rep.family
        ),
    )?;
    if !go {
        return Ok((rep, gate.will_ask()));
    }
    let ms = ttl.as_millis() as u64;
    let replies = redis
        .per_key(fix_keys, 1, false, |p, k| {
            p.cmd("PEXPIRE").arg(k).arg(ms).arg("NX");
        })
        .await?;
    rep.fixed = replies
        .iter()
        .filter(|r| matches!(r.first(), Some(Value::Int(1))))
        .count() as u64;
    gate.journal().changed(&rep.family, rep.fixed);
    if let Some(e) = replies.iter().find_map(|r| match r.first() {
        Some(Value::ServerError(e)) => Some(e.to_string()),
        _ => None,
    }) {
        return Err(LdpError::Failed(format!(
            "PEXPIRE failed (Redis 7.0 or newer is needed for NX): {e}"
        ))
        .into());
    }
    Ok((rep, false))
}
