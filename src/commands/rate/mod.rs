//! `ldp rate list`: the pipeline's sliding-window rate limits (`rate:*`
//! zsets whose members and scores are request timestamps). The window length
//! is stored nowhere: every allowed request trims old entries, adds itself
//! and re-EXPIREs the key to the window, so window = PTTL + (now − newest).

use std::collections::HashMap;

use anyhow::Result;
use redis::Value;
use serde::Serialize;

use crate::bytes;
use crate::clock::unix_now;
use crate::commands::{Ctx, scan_patterns};
use crate::exit::Exit;
use crate::keyspace::Role;
use crate::output::{self, Output, Report};

/// The pipeline EXPIREs in whole seconds: a derived window this close to a
/// whole second is that second (the rest is the request's own latency).
const SNAP: f64 = 0.25;

/// One sliding window.
#[derive(Debug, Clone, Serialize)]
struct Window {
    key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    key_base64: Option<String>,
    /// The `{name}` of `rate:{name}`.
    name: String,
    /// Entries in the current window: the usage.
    requests: u64,
    /// Every entry, including stale ones older than the window (trimmed on
    /// the next allowed request).
    entries: u64,
    /// Seconds (derived); null when the key has no TTL.
    window: Option<f64>,
    /// Seconds left on the key.
    ttl: Option<f64>,
    /// Unix times of the oldest entry in the window and of the newest entry.
    oldest: Option<f64>,
    newest: Option<f64>,
    /// The limit given with --limit, and seconds until a request is allowed
    /// again under it (0 when one is allowed now).
    limit: Option<u64>,
    until_free: Option<f64>,
    #[serde(skip)]
    now: f64,
    #[serde(skip)]
    raw: Vec<u8>,
}

fn scores(v: Option<&Value>) -> Vec<f64> {
    let Some(Value::Array(a)) = v else {
        return Vec::new();
    };
    let num = |v: &Value| match v {
        Value::Double(d) => Some(*d),
        Value::BulkString(b) => std::str::from_utf8(b).ok()?.trim().parse().ok(),
        Value::SimpleString(s) => s.trim().parse().ok(),
        Value::Int(i) => Some(*i as f64),
        _ => None,
    };
    if a.iter()
        .all(|x| matches!(x, Value::Array(p) if p.len() == 2))
    {
        // RESP3: [[member, score], ...]
        a.iter()
            .filter_map(|x| match x {
                Value::Array(p) => num(&p[1]),
                _ => None,
            })
            .collect()
    } else {
        a.chunks(2).filter_map(|c| num(c.get(1)?)).collect()
    }
}

fn int(v: Option<&Value>) -> Option<i64> {
    match v {
        Some(Value::Int(n)) => Some(*n),
        _ => None,
    }
}

/// The derived window, snapped to the whole second it almost always is.
fn derive_window(pttl_ms: i64, newest: f64, now: f64) -> Option<f64> {
    if pttl_ms < 0 {
        return None;
    }
    let w = pttl_ms as f64 / 1000.0 + (now - newest).max(0.0);
    if w <= 0.0 {
        return None;
    }
    let r = w.round();
    Some(if r > 0.0 && (w - r).abs() < SNAP {
        r
    } else {
        (w * 1000.0).round() / 1000.0
    })
}

struct RateReport {
    windows: Vec<Window>,
    limit: Option<u64>,
}

fn ago(now: f64, t: Option<f64>) -> String {
    match t {
        Some(t) => format!("{} ago", output::human_secs(Some((now - t).max(0.0)))),
        None => "-".into(),
    }
}

/// The JSON shape of this report.
impl Serialize for RateReport {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v: serde_json::Value = { serde_json::to_value(&self.windows).unwrap_or_default() };
        v.serialize(s)
    }
}

impl Report for RateReport {
    fn text(&self, out: &Output) -> String {
        if self.windows.is_empty() {
            let mut s = String::new();
            out.aside(&mut s, "no rate limit windows (no rate:* sorted sets)");
            return s;
        }
        let mut headers = vec!["key", "requests", "window", "oldest", "newest"];
        if self.limit.is_some() {
            headers.push("slot frees in");
        }
        let mut t = out.table(&headers);
        let mut stale = 0;
        for w in &self.windows {
            stale += w.entries - w.requests;
            let mut row = vec![
                w.key.clone(),
                match w.limit {
                    Some(l) => format!("{}/{l}", w.requests),
                    None => w.requests.to_string(),
                },
                w.window
                    .map_or("no TTL".into(), |s| output::human_secs(Some(s))),
                ago(w.now, w.oldest),
                ago(w.now, w.newest),
            ];
            if self.limit.is_some() {
                row.push(match w.until_free {
                    Some(s) if s <= 0.0 => "now".into(),
                    Some(s) => output::human_secs(Some(s)),
                    None => "?".into(),
                });
            }
            t.add_row(row);
        }
        let mut s = format!("{t}\n");
        if stale > 0 {
            out.aside(
                &mut s,
                format!(
                    "{stale} stale entries older than their window (trimmed on the next request)"
                ),
            );
        }
        s
    }
}

/// Plain options of `rate list`.
#[derive(Debug, Clone)]
pub struct ListOptions {
    pub limit: Option<u64>,
}

/// `ldp rate list`.
pub async fn list(ctx: &Ctx, a: ListOptions) -> Result<Exit> {
    let out = &ctx.out;
    let reg = ctx.registry()?;
    let templates: Vec<_> = reg
        .with_role(Role::RateLimit)
        .flat_map(|f| f.compiled().iter())
        .collect();
    let mut globs: Vec<Vec<u8>> = templates.iter().map(|t| t.glob(None)).collect();
    globs.sort();
    globs.dedup();
    let redis = ctx.redis().await?;
    let keys: Vec<Vec<u8>> = scan_patterns(&redis, globs, out)
        .await?
        .into_iter()
        .filter(|k| templates.iter().any(|t| t.matches(k).is_some()))
        .collect();

    let first = redis
        .per_key(&keys, 5, true, |p, k| {
            p.cmd("TYPE").arg(k);
            p.cmd("PTTL").arg(k);
            p.cmd("ZCARD").arg(k);
            p.cmd("ZRANGE").arg(k).arg(-1).arg(-1).arg("WITHSCORES");
            p.cmd("ZRANGE").arg(k).arg(0).arg(0).arg("WITHSCORES");
        })
        .await?;
    let now = unix_now();
    let mut windows = Vec::new();
    let mut skipped = 0;
    for (k, r) in keys.iter().zip(&first) {
        if !matches!(r.first(), Some(Value::SimpleString(t)) if t == "zset") {
            skipped +=
                usize::from(!matches!(r.first(), Some(Value::SimpleString(t)) if t == "none"));
            continue;
        }
        let pttl = int(r.get(1)).unwrap_or(-1);
        let entries = int(r.get(2)).unwrap_or(0).max(0) as u64;
        let newest = scores(r.get(3)).first().copied();
        let oldest = scores(r.get(4)).first().copied();
        let window = newest.and_then(|n| derive_window(pttl, n, now));
        let name = templates
            .iter()
            .find_map(|t| t.capture(k, "name"))
            .map_or_else(|| bytes::escape(k), bytes::escape);
        windows.push(Window {
            key: bytes::escape(k),
            key_base64: bytes::base64_if_binary(k),
            name,
            requests: entries,
            entries,
            window,
            ttl: (pttl >= 0).then(|| pttl as f64 / 1000.0),
            oldest,
            newest,
            limit: a.limit,
            until_free: None,
            now,
            raw: k.clone(),
        });
    }
    if let Some(n) = a.limit {
        // Without a window, only "fewer entries than the limit" is certain.
        for w in windows.iter_mut().filter(|w| w.window.is_none()) {
            w.until_free = (w.entries < n).then_some(0.0);
        }
    }
    if skipped > 0 {
        out.note(format!(
            "skipped {skipped} rate:* keys that are not sorted sets"
        ));
    }

    // Within each window: the count, the oldest entry, and the entry whose
    // leaving frees a slot under --limit N (the N-th newest).
    let timed: Vec<usize> = (0..windows.len())
        .filter(|&i| windows[i].window.is_some())
        .collect();
    let tkeys: Vec<Vec<u8>> = timed.iter().map(|&i| windows[i].raw.clone()).collect();
    // The window starts just after now - window (the pipeline trims score <= that).
    let cuts: HashMap<Vec<u8>, String> = timed
        .iter()
        .map(|&i| {
            let w = &windows[i];
            (
                w.raw.clone(),
                format!("({:.6}", now - w.window.unwrap_or(0.0)),
            )
        })
        .collect();
    let cut_of = |k: &[u8]| cuts.get(k).cloned().unwrap_or_else(|| "-inf".into());
    let nth = a.limit.unwrap_or(1).saturating_sub(1);
    let second = redis
        .per_key(&tkeys, 3, true, |p, k| {
            let cut = cut_of(k);
            p.cmd("ZCOUNT").arg(k).arg(&cut).arg("+inf");
            p.cmd("ZRANGEBYSCORE")
                .arg(k)
                .arg(&cut)
                .arg("+inf")
                .arg("WITHSCORES")
                .arg("LIMIT")
                .arg(0)
                .arg(1);
            p.cmd("ZREVRANGEBYSCORE")
                .arg(k)
                .arg("+inf")
                .arg(&cut)
                .arg("WITHSCORES")
                .arg("LIMIT")
                .arg(nth)
                .arg(1);
        })
        .await?;
    for (&i, r) in timed.iter().zip(&second) {
        let w = &mut windows[i];
        w.requests = int(r.first()).unwrap_or(0).max(0) as u64;
        w.oldest = scores(r.get(1)).first().copied();
        if a.limit.is_some() {
            let freeing = scores(r.get(2)).first().copied();
            w.until_free = Some(match (freeing, w.window) {
                (Some(s), Some(win)) => ((s + win - now).max(0.0) * 1000.0).round() / 1000.0,
                _ => 0.0,
            });
        }
    }
    out.print(&RateReport {
        windows,
        limit: a.limit,
    })?;
    Ok(Exit::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_are_derived_from_the_ttl() {
        // Newest request 10 s ago, 50 s left: a 60 s window.
        assert_eq!(derive_window(50_000, 1000.0, 1010.0), Some(60.0));
        // The EXPIRE lands a few ms after the score: still 60 s.
        assert_eq!(derive_window(50_012, 1000.0, 1010.0), Some(60.0));
        assert_eq!(derive_window(-1, 1000.0, 1010.0), None);
        assert_eq!(derive_window(1_500, 1000.0, 1000.0), Some(1.5));
    }

    #[test]
    fn scores_in_both_protocols() {
        let resp2 = Value::Array(vec![
            Value::BulkString(b"1000.5".to_vec()),
            Value::BulkString(b"1000.5".to_vec()),
        ]);
        assert_eq!(scores(Some(&resp2)), vec![1000.5]);
        let resp3 = Value::Array(vec![Value::Array(vec![
            Value::BulkString(b"1000.5".to_vec()),
            Value::Double(1000.5),
        ])]);
        assert_eq!(scores(Some(&resp3)), vec![1000.5]);
    }
}
