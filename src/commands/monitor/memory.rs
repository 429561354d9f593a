//! `ldp monitor memory`: INFO memory per node, then keys and bytes per key
//! family from one streaming scan with pipelined MEMORY USAGE (exact, or
//! estimated from a sample on huge keyspaces), and the biggest keys.

use std::hash::{BuildHasher, Hasher};

use anyhow::Result;
use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;
use redis::Value;
use serde::Serialize;

use crate::bytes;
use crate::commands::Ctx;
use crate::exit::Exit;
use crate::keyspace::{Registry, Role};
use crate::output::{self, Output, Report};
use crate::redis::info::{Info, info, num, text};
use crate::redis::{Redis, ScanSpec};

/// Above this many keys the default is a sample, not every key.
const FULL_UP_TO: u64 = 1_000_000;
const DEFAULT_SAMPLE: u64 = 100_000;
const IN_FLIGHT: usize = 8;

#[derive(Debug, Serialize, Default, Clone)]
pub struct NodeMemory {
    pub node: String,
    pub used: u64,
    pub rss: u64,
    pub peak: u64,
    pub fragmentation_ratio: f64,
    pub maxmemory: u64,
    pub policy: String,
    pub dataset: u64,
    pub overhead: u64,
    pub keys: u64,
}

#[derive(Debug, Serialize, Clone)]
pub struct FamilyMemory {
    pub family: String,
    pub role: &'static str,
    pub keys: u64,
    /// Exact, or estimated from the sampled keys of the family.
    pub bytes: u64,
    pub sampled: u64,
}

#[derive(Debug, Serialize, Clone)]
pub struct BigKey {
    pub key: String,
    pub memory: u64,
    pub family: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct MemoryReport {
    pub nodes: Vec<NodeMemory>,
    pub total: NodeMemory,
    /// True when every key was measured; false when bytes are estimates.
    pub exact: bool,
    pub measured_keys: u64,
    pub families: Vec<FamilyMemory>,
    pub top: Vec<BigKey>,
}

impl Report for MemoryReport {
    fn text(&self, out: &Output) -> String {
        let hb = |n| out.bytes(n);
        let mut t = out.table(&[
            "node",
            "used",
            "rss",
            "peak",
            "frag",
            "maxmemory",
            "policy",
            "dataset",
            "overhead",
        ]);
        let rows = self.nodes.iter().chain(if self.nodes.len() > 1 {
            Some(&self.total)
        } else {
            None
        });
        for n in rows {
            t.add_row(vec![
                n.node.clone(),
                hb(n.used),
                hb(n.rss),
                hb(n.peak),
                format!("{:.2}", n.fragmentation_ratio),
                if n.maxmemory == 0 {
                    "none".into()
                } else {
                    hb(n.maxmemory)
                },
                n.policy.clone(),
                hb(n.dataset),
                hb(n.overhead),
            ]);
        }
        let mut s = format!("{t}\n");
        out.aside(
            &mut s,
            format!(
                "{} keys; bytes per family {}",
                out.count(self.total.keys),
                if self.exact {
                    "measured on every key (MEMORY USAGE SAMPLES 0)".to_string()
                } else {
                    format!(
                        "ESTIMATED from {} sampled keys (--full to measure all)",
                        out.count(self.measured_keys)
                    )
                }
            ),
        );
        let total: u64 = self.families.iter().map(|f| f.bytes).sum();
        let mut f = out.table(&["family", "role", "keys", "bytes", "share"]);
        for x in &self.families {
            f.add_row(vec![
                x.family.clone(),
                x.role.to_string(),
                out.count(x.keys),
                format!("{}{}", if self.exact { "" } else { "~" }, hb(x.bytes)),
                if total == 0 {
                    "-".into()
                } else {
                    format!("{:.1}%", x.bytes as f64 * 100.0 / total as f64)
                },
            ]);
        }
        s.push_str(&format!("{f}\n"));
        if !self.top.is_empty() {
            let mut k = out.table(&["biggest keys", "memory", "family"]);
            for b in &self.top {
                k.add_row(vec![
                    b.key.clone(),
                    hb(b.memory),
                    b.family.clone().unwrap_or_else(|| "-".into()),
                ]);
            }
            s.push_str(&format!("{k}\n"));
        }
        s
    }
}

fn field(i: &Info, k: &str) -> u64 {
    num(i, k).map_or(0, |v| v as u64)
}

/// Plain options of `monitor memory`.
#[derive(Debug, Clone)]
pub struct MemoryOptions {
    pub top: usize,
    pub sample: Option<u64>,
    pub full: bool,
    pub count: u32,
}

/// `ldp monitor memory`.
pub async fn memory(ctx: &Ctx, a: MemoryOptions) -> Result<Exit> {
    let out = &ctx.out;
    let reg = ctx.registry()?;
    let redis = ctx.redis().await?;
    let nodes = node_memory(&redis).await?;
    let total = total_of(&nodes);
    let threshold = sample_threshold(&a, total.keys);
    let tally = measure(ctx, &redis, &reg, &a, threshold).await?;
    if tally.refused > 0 {
        out.warn(format!(
            "MEMORY USAGE was refused for {} keys (not available on this server): bytes are missing",
            output::thousands(tally.refused)
        ));
    }
    let exact = threshold.is_none() && tally.refused == 0;
    let families = family_bytes(&reg, &tally.acc, exact);
    let top = tally
        .top
        .into_sorted()
        .into_iter()
        .map(|(m, k)| BigKey {
            family: reg.classify(&k).map(|(i, _)| reg.families[i].name.clone()),
            key: bytes::escape(&k),
            memory: m,
        })
        .collect();
    out.print(&MemoryReport {
        nodes,
        total,
        exact,
        measured_keys: tally.measured,
        families,
        top,
    })?;
    Ok(Exit::Ok)
}

/// INFO memory and DBSIZE of every node.
async fn node_memory(redis: &Redis) -> Result<Vec<NodeMemory>> {
    let mut nodes = Vec::new();
    for n in redis.nodes() {
        let i = info(n).await?;
        let keys: u64 = n.read(&redis::cmd("DBSIZE")).await.unwrap_or(0);
        nodes.push(NodeMemory {
            node: n.addr.clone(),
            used: field(&i, "used_memory"),
            rss: field(&i, "used_memory_rss"),
            peak: field(&i, "used_memory_peak"),
            fragmentation_ratio: num(&i, "mem_fragmentation_ratio").unwrap_or(0.0),
            maxmemory: field(&i, "maxmemory"),
            policy: text(&i, "maxmemory_policy").unwrap_or_default().into(),
            dataset: field(&i, "used_memory_dataset"),
            overhead: field(&i, "used_memory_overhead"),
            keys,
        });
    }
    Ok(nodes)
}

/// The sum over the nodes (fragmentation recomputed, the first node's policy).
fn total_of(nodes: &[NodeMemory]) -> NodeMemory {
    let mut total = NodeMemory {
        node: "total".into(),
        ..Default::default()
    };
    for n in nodes {
        total.used += n.used;
        total.rss += n.rss;
        total.peak += n.peak;
        total.maxmemory += n.maxmemory;
        total.dataset += n.dataset;
        total.overhead += n.overhead;
        total.keys += n.keys;
    }
    total.fragmentation_ratio = if total.used > 0 {
        total.rss as f64 / total.used as f64
    } else {
        0.0
    };
    total.policy = nodes.first().map(|n| n.policy.clone()).unwrap_or_default();
    total
}

/// Measure every key (None), or a deterministic sample of about N keys: the
/// keys whose hash is at most the returned threshold.
fn sample_threshold(a: &MemoryOptions, keys: u64) -> Option<u64> {
    let sample = match (a.full, a.sample) {
        (true, _) => None,
        (false, Some(n)) => Some(n.max(1)),
        (false, None) if keys > FULL_UP_TO => Some(DEFAULT_SAMPLE),
        _ => None,
    };
    sample.map(|n| ((n as f64 / keys.max(1) as f64).min(1.0) * u64::MAX as f64) as u64)
}

/// What the scan found. `acc` is per family (index `families.len()` = no
/// family): keys, measured keys, measured bytes.
struct Tally {
    acc: Vec<(u64, u64, u64)>,
    top: crate::biggest::Biggest,
    measured: u64,
    refused: u64,
}

impl Tally {
    /// Account one batch of MEMORY USAGE replies.
    fn record(&mut self, fams: Vec<usize>, keys: Vec<Vec<u8>>, replies: Vec<Vec<Value>>) {
        for ((fam, k), r) in fams.into_iter().zip(keys).zip(replies) {
            let b = match r.first() {
                Some(Value::Int(b)) => b,
                // A managed Redis may forbid MEMORY: say so, do not fail.
                Some(Value::ServerError(_)) => {
                    self.refused += 1;
                    continue;
                }
                _ => continue, // the key expired since SCAN saw it
            };
            let b = (*b).max(0) as u64;
            self.measured += 1;
            self.acc[fam].1 += 1;
            self.acc[fam].2 += b;
            self.top.offer(b, &k);
        }
    }
}

/// One streaming scan: every key counted in its family, the picked ones
/// measured with pipelined MEMORY USAGE, up to IN_FLIGHT batches at a time.
async fn measure(
    ctx: &Ctx,
    redis: &Redis,
    reg: &Registry,
    a: &MemoryOptions,
    threshold: Option<u64>,
) -> Result<Tally> {
    let layout = &ctx.settings.broker_layout;
    let broker_idx = reg
        .with_role(Role::Broker)
        .next()
        .and_then(|b| reg.families.iter().position(|f| f.name == b.name));
    let nf = reg.families.len();
    let family_of = |k: &[u8]| {
        if layout.is_broker_key(k) {
            broker_idx
        } else {
            reg.classify(k).map(|(i, _)| i)
        }
        .unwrap_or(nf)
    };
    let hasher = std::collections::hash_map::RandomState::new();
    let picked = |k: &[u8]| match threshold {
        None => true,
        Some(th) => {
            let mut h = hasher.build_hasher();
            h.write(k);
            h.finish() <= th
        }
    };
    let mut tally = Tally {
        acc: vec![(0u64, 0u64, 0u64); nf + 1],
        top: crate::biggest::Biggest::new(a.top),
        measured: 0,
        refused: 0,
    };
    let mut rx = redis.scan(ScanSpec {
        pattern: b"*".to_vec(),
        count: a.count,
        key_type: None,
    });
    let pb = ctx.out.spinner("measuring");
    let mut pending = FuturesUnordered::new();
    let mut done = false;
    while !done || !pending.is_empty() {
        tokio::select! {
            msg = rx.recv(), if !done && pending.len() < IN_FLIGHT => {
                let Some(msg) = msg else { done = true; continue };
                let (_, keys) = msg?;
                pb.inc(keys.len() as u64);
                let mut fams = Vec::with_capacity(keys.len());
                let mut measure = Vec::with_capacity(keys.len());
                for k in keys {
                    let fam = family_of(&k);
                    tally.acc[fam].0 += 1;
                    if picked(&k) {
                        fams.push(fam);
                        measure.push(k);
                    }
                }
                let r = redis.clone();
                pending.push(async move {
                    let replies = r.per_key(&measure, 1, true, |p, k| {
                        p.cmd("MEMORY").arg("USAGE").arg(k).arg("SAMPLES").arg(0);
                    }).await?;
                    Ok::<_, anyhow::Error>((fams, measure, replies))
                });
            }
            Some(res) = pending.next(), if !pending.is_empty() => {
                let (fams, measure, replies) = res?;
                tally.record(fams, measure, replies);
            }
        }
    }
    pb.finish_and_clear();
    Ok(tally)
}

/// Bytes per family: measured, or scaled up from the family's sampled keys
/// (from the average over all families when none of its keys was sampled).
fn family_bytes(reg: &Registry, acc: &[(u64, u64, u64)], exact: bool) -> Vec<FamilyMemory> {
    let nf = reg.families.len();
    let avg_all = {
        let (m, b) = acc.iter().fold((0u64, 0u64), |x, f| (x.0 + f.1, x.1 + f.2));
        if m == 0 { 0.0 } else { b as f64 / m as f64 }
    };
    let mut families: Vec<FamilyMemory> = acc
        .iter()
        .enumerate()
        .filter(|(_, f)| f.0 > 0)
        .map(|(i, &(keys, m, b))| {
            let bytes = if exact || m == keys {
                b
            } else if m > 0 {
                (b as f64 / m as f64 * keys as f64) as u64
            } else {
                (avg_all * keys as f64) as u64
            };
            let (family, role) = if i == nf {
                ("(no family)".to_string(), "-")
            } else {
                (reg.families[i].name.clone(), reg.families[i].role.name())
            };
            FamilyMemory {
                family,
                role,
                keys,
                bytes,
                sampled: m,
            }
        })
        .collect();
    families.sort_by(|x, y| y.bytes.cmp(&x.bytes).then(x.family.cmp(&y.family)));
    families
}
