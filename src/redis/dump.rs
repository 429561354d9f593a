//! Deleting with a backup, and putting a backup back: each batch of keys is
//! read (MGET for strings, DUMP for the rest, PTTL) and UNLINKed in one
//! MULTI/EXEC per node and slot, so what is deleted is exactly what was
//! read; RESTORE routed by slot.

use anyhow::{Context, Result, anyhow};
use redis::Value;

use super::Redis;
use crate::backup::Record;

/// What an unlink with backup did. Records of the batches that went through
/// come back even when another batch failed (they were deleted: they must
/// reach the backup file).
#[derive(Debug, Default)]
pub struct Unlinked {
    /// Keys removed.
    pub deleted: u64,
    /// The removed keys as they were (empty without backup).
    pub dumped: Vec<Record>,
    /// The first failure, if any.
    pub error: Option<anyhow::Error>,
}

impl Unlinked {
    /// `deleted`, or the error.
    pub fn into_result(self) -> Result<u64> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(self.deleted),
        }
    }
}

impl Redis {
    /// UNLINK `keys` as [`Redis::unlink`] does; with `dump`, each batch is
    /// read for the backup in the same MULTI/EXEC as its UNLINK.
    pub async fn unlink_backed(&self, keys: Vec<Vec<u8>>, batch: usize, dump: bool) -> Unlinked {
        if !dump {
            return match self.unlink(keys, batch).await {
                Ok(deleted) => Unlinked {
                    deleted,
                    ..Unlinked::default()
                },
                Err(e) => Unlinked {
                    error: Some(e),
                    ..Unlinked::default()
                },
            };
        }
        let per_node = match self.batches_by_node(keys, batch) {
            Ok(b) => b,
            Err(e) => {
                return Unlinked {
                    error: Some(e),
                    ..Unlinked::default()
                };
            }
        };
        let jobs = per_node.into_iter().map(|(i, batches)| {
            let this = self.clone();
            async move { dump_and_unlink(&this, i, &batches).await }
        });
        let mut total = Unlinked::default();
        for u in futures_util::future::join_all(jobs).await {
            total.deleted += u.deleted;
            total.dumped.extend(u.dumped);
            if total.error.is_none() {
                total.error = u.error;
            }
        }
        total
    }

    /// RESTORE each record on the node that owns its key (TTL = the remaining
    /// TTL recorded, 0 for none), pipelined per node, every node at once.
    /// One reply per record, in order: `Okay`, or the server's error
    /// (`BUSYKEY` when the key exists and `replace` is off).
    pub async fn restore(&self, records: &[Record], replace: bool) -> Result<Vec<Value>> {
        let cmds = records
            .iter()
            .map(|r| {
                let mut cmd = redis::cmd("RESTORE");
                cmd.arg(&r.key).arg(r.pttl.max(0)).arg(&r.payload);
                if replace {
                    cmd.arg("REPLACE");
                }
                (r.key.clone(), cmd)
            })
            .collect();
        self.write_keyed(cmds).await.context("RESTORE")
    }
}

/// One batch (one slot in a cluster) is deleted in one MULTI/EXEC: MGET of
/// its keys, then this script over the same KEYS, so what is deleted is
/// exactly what was read. MGET returns each string's value (nil for other
/// types); the script DUMPs only the keys that are not strings, takes every
/// key's PTTL and UNLINKs them all. Returns {unlinked, dump1, pttl1, dump2,
/// ...}: a dump is nil (false) for a string or a key that is gone.
///
/// Why not DUMP every key in the script: DUMP LZF-compresses and checksums
/// each value on the server's one thread, and every payload is copied into
/// Lua and out again; with the pipeline's JSON caches that cost four times
/// the delete. MGET hands values over natively and ldp builds their payloads
/// (`rdb::string_payload`). `call` held in a local and a numeric loop save
/// the server ~10% per key.
const UNLINK_LUA: &str = r"
local call, out = redis.call, {0}
for i = 1, #KEYS do
  local k = KEYS[i]
  local t = call('TYPE', k).ok
  if t == 'string' or t == 'none' then
    out[2 * i] = false
  else
    out[2 * i] = call('DUMP', k)
  end
  out[2 * i + 1] = call('PTTL', k)
end
out[1] = call('UNLINK', unpack(KEYS))
return out
";

/// One node's batches, one MULTI/EXEC each, sent as one pipeline.
async fn dump_and_unlink(redis: &Redis, node: usize, groups: &[super::Batch]) -> Unlinked {
    let n = redis.node(node);
    let mut p = redis::pipe();
    p.ignore_errors();
    for g in groups {
        p.cmd("MULTI");
        p.cmd("MGET").arg(g);
        p.cmd("EVAL").arg(UNLINK_LUA).arg(g.len()).arg(g);
        p.cmd("EXEC");
    }
    let replies: Vec<Value> = match n.pipe(&p).await {
        Ok(r) => r,
        Err(e) => {
            return Unlinked {
                error: Some(anyhow!(e).context(format!("MGET, DUMP and UNLINK on {}", n.label))),
                ..Unlinked::default()
            };
        }
    };
    let mut out = Unlinked::default();
    let mut replies = replies.into_iter();
    for g in groups {
        let (deleted, records, error) = parse_batch(g, &mut replies);
        out.deleted += deleted;
        out.dumped.extend(records);
        if let Some(e) = error
            && out.error.is_none()
        {
            out.error = Some(e.context(format!("MGET, DUMP and UNLINK on {}", n.label)));
        }
    }
    out
}

/// One batch's four replies (MULTI, MGET, EVAL, EXEC): how many keys UNLINK
/// removed, the removed keys as records, and a failure. When MULTI itself
/// was refused (an ACL without it), MGET and the script ran on their own,
/// one after the other: their replies are the batch's (the keys are gone,
/// so they must reach the backup), and EXEC's error is no failure.
fn parse_batch(
    keys: &[Vec<u8>],
    replies: &mut impl Iterator<Item = Value>,
) -> (u64, Vec<Record>, Option<anyhow::Error>) {
    let mut next = || replies.next().unwrap_or(Value::Nil);
    let (multi, mget, script, exec) = (next(), next(), next(), next());
    let reply = match multi {
        Value::ServerError(_) => Value::Array(vec![mget, script]),
        _ => exec,
    };
    parse_reply(keys, reply)
}

/// One batch's result ({MGET's values, the script's reply}, as EXEC gives
/// it): how many keys UNLINK removed, the removed keys as records, and a
/// failure.
fn parse_reply(keys: &[Vec<u8>], reply: Value) -> (u64, Vec<Record>, Option<anyhow::Error>) {
    let (values, script) = match reply {
        Value::Array(a) if a.len() == 2 => {
            let mut it = a.into_iter();
            match (it.next(), it.next()) {
                (Some(Value::Array(v)), Some(Value::Array(s)))
                    if v.len() == keys.len() && s.len() == 2 * keys.len() + 1 =>
                {
                    (v, s)
                }
                (_, Some(Value::ServerError(e))) | (Some(Value::ServerError(e)), _) => {
                    return (
                        0,
                        Vec::new(),
                        Some(anyhow!("the backup step failed: {e:?}")),
                    );
                }
                (v, s) => {
                    return (
                        0,
                        Vec::new(),
                        Some(anyhow!("unexpected reply: {v:?} {s:?}")),
                    );
                }
            }
        }
        Value::ServerError(e) => {
            return (
                0,
                Vec::new(),
                Some(anyhow!("the backup step failed: {e:?}")),
            );
        }
        other => return (0, Vec::new(), Some(anyhow!("unexpected reply: {other:?}"))),
    };
    let mut it = script.into_iter();
    let deleted = match it.next() {
        Some(Value::Int(n)) => n.max(0) as u64,
        _ => 0,
    };
    let mut records = Vec::with_capacity(keys.len());
    for (k, value) in keys.iter().zip(values) {
        let (dump, ttl) = (it.next(), it.next());
        let payload = match (dump, value) {
            (Some(Value::BulkString(b)), _) => b,
            (_, Value::BulkString(v)) => super::rdb::string_payload(&v),
            _ => continue, // expired or gone since SCAN: not deleted either
        };
        let pttl = match ttl {
            Some(Value::Int(ms)) => Some(ms),
            _ => None,
        };
        records.push(Record::deleted(k, pttl, payload));
    }
    (deleted, records, None)
}

impl Unlinked {
    /// Append the dumped records to `backup` (when there is one), then give
    /// `deleted` or the batch's failure. The records go first: they were
    /// deleted whatever failed after.
    pub fn save(self, backup: Option<&mut crate::backup::Writer>) -> Result<u64> {
        if let Some(w) = backup {
            for r in &self.dumped {
                w.save(r, || {
                    format!("the key {} is deleted", crate::bytes::escape(&r.key))
                })?;
            }
        }
        self.into_result()
    }
}
