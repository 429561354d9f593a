//! Deleting with a backup, and putting a backup back: DUMP and PTTL of a
//! batch of keys and their UNLINK in one script (atomic like MULTI/EXEC, per
//! node and slot), so what is deleted is exactly what was dumped; RESTORE
//! routed by slot.

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
    /// UNLINK `keys` as [`Redis::unlink`] does; with `dump`, each batch's
    /// DUMP and PTTL run in the same script as its UNLINK.
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

/// KEYS: one batch (one slot in a cluster). DUMP and PTTL of each key, then
/// UNLINK of them all, atomically like MULTI/EXEC: what is deleted is
/// exactly what was dumped. Returns {unlinked, dump1, pttl1, dump2, ...}
/// (a dump is nil for a key that is gone). One reply per batch instead of
/// one per command keeps both the server and ldp's parsing cheap; `call`
/// held in a local and a numeric loop save the server ~10% per key.
const DUMP_UNLINK_LUA: &str = r"
local call, out = redis.call, {0}
for i = 1, #KEYS do
  local k = KEYS[i]
  out[2 * i] = call('DUMP', k)
  out[2 * i + 1] = call('PTTL', k)
end
out[1] = call('UNLINK', unpack(KEYS))
return out
";

/// One node's batches, one script each, sent as one pipeline.
async fn dump_and_unlink(redis: &Redis, node: usize, groups: &[super::Batch]) -> Unlinked {
    let n = redis.node(node);
    let mut p = redis::pipe();
    p.ignore_errors();
    for g in groups {
        p.cmd("EVAL").arg(DUMP_UNLINK_LUA).arg(g.len()).arg(g);
    }
    let replies: Vec<Value> = match n.pipe(&p).await {
        Ok(r) => r,
        Err(e) => {
            return Unlinked {
                error: Some(anyhow!(e).context(format!("DUMP and UNLINK on {}", n.label))),
                ..Unlinked::default()
            };
        }
    };
    let mut out = Unlinked::default();
    for (g, reply) in groups.iter().zip(replies) {
        let (deleted, records, error) = parse_reply(g, reply);
        out.deleted += deleted;
        out.dumped.extend(records);
        if let Some(e) = error
            && out.error.is_none()
        {
            out.error = Some(e.context(format!("DUMP and UNLINK on {}", n.label)));
        }
    }
    out
}

/// One batch's reply: how many keys UNLINK removed, the removed keys as
/// records, and a failure.
fn parse_reply(keys: &[Vec<u8>], reply: Value) -> (u64, Vec<Record>, Option<anyhow::Error>) {
    let replies = match reply {
        Value::Array(a) if a.len() == 2 * keys.len() + 1 => a,
        Value::ServerError(e) => {
            return (
                0,
                Vec::new(),
                Some(anyhow!("the backup script failed: {e:?}")),
            );
        }
        other => return (0, Vec::new(), Some(anyhow!("unexpected reply: {other:?}"))),
    };
    let mut it = replies.into_iter();
    let deleted = match it.next() {
        Some(Value::Int(n)) => n.max(0) as u64,
        _ => 0,
    };
    let mut records = Vec::with_capacity(keys.len());
    for k in keys {
        let (dump, ttl) = (it.next(), it.next());
        let payload = match dump {
            Some(Value::BulkString(b)) => b,
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
