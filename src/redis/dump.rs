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
                cmd.arg(&r.key).arg(restore_ttl(r.pttl)).arg(&r.payload);
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

/// RESTORE's TTL for a recorded remaining TTL: 0 (none) for -1, and at
/// least 1 ms for a key that had under a millisecond left (PTTL 0), which
/// RESTORE would otherwise take as "no TTL" and keep forever.
fn restore_ttl(pttl: i64) -> i64 {
    match pttl {
        t if t < 0 => 0,
        0 => 1,
        t => t,
    }
}

/// KEYS: one batch. DUMP and PTTL of every key, then UNLINK of them all, in
/// one script (atomic on its own): the design for a user who may not run
/// MULTI. It costs the server more than [`UNLINK_LUA`] in a transaction
/// with large values. Returns the same shape: {unlinked, dump1, pttl1, ...}.
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

/// One node's batches, sent as one pipeline: a MULTI/EXEC each (MGET and
/// [`UNLINK_LUA`]), or [`DUMP_UNLINK_LUA`] each when the user may not open
/// a transaction.
async fn dump_and_unlink(redis: &Redis, node: usize, groups: &[super::Batch]) -> Unlinked {
    let n = redis.node(node);
    let transact = n.may_transact().await;
    let mut p = redis::pipe();
    p.ignore_errors();
    for g in groups {
        if transact {
            p.cmd("MULTI");
            p.cmd("MGET").arg(g);
            p.cmd("EVAL").arg(UNLINK_LUA).arg(g.len()).arg(g);
            p.cmd("EXEC");
        } else {
            p.cmd("EVAL").arg(DUMP_UNLINK_LUA).arg(g.len()).arg(g);
        }
    }
    let replies: Vec<Value> = match n.pipe(&p).await {
        Ok(r) => r,
        Err(e) => {
            return Unlinked {
                error: Some(anyhow!(e).context(format!("reading and UNLINK on {}", n.label))),
                ..Unlinked::default()
            };
        }
    };
    let mut out = Unlinked::default();
    let mut replies = replies.into_iter();
    for g in groups {
        let (values, script) = if transact {
            transaction_replies(&mut replies)
        } else {
            (None, replies.next().unwrap_or(Value::Nil))
        };
        let (deleted, records, error) = parse_reply(g, values, script);
        out.deleted += deleted;
        out.dumped.extend(records);
        if let Some(e) = error
            && out.error.is_none()
        {
            out.error = Some(e.context(format!("reading and UNLINK on {}", n.label)));
        }
    }
    out
}

/// One transaction's four replies (MULTI, MGET, EVAL, EXEC) as MGET's
/// reply and the script's. Should MULTI be refused after all (the ACL
/// changed since [`super::Node::may_transact`]), MGET and the script ran on their own:
/// their replies are the batch's, since the script deleted the keys.
fn transaction_replies(replies: &mut impl Iterator<Item = Value>) -> (Option<Value>, Value) {
    let mut next = || replies.next().unwrap_or(Value::Nil);
    let (multi, mget, script, exec) = (next(), next(), next(), next());
    if let Value::ServerError(_) = multi {
        return (Some(mget), script);
    }
    match exec {
        Value::Array(a) if a.len() == 2 => {
            let mut it = a.into_iter();
            let mget = it.next().unwrap_or(Value::Nil);
            (Some(mget), it.next().unwrap_or(Value::Nil))
        }
        other => (None, other), // EXECABORT: nothing ran
    }
}

/// One batch's result: how many keys UNLINK removed, the removed keys as
/// records, and a failure. `script` is {unlinked, dump1, pttl1, ...};
/// `values` is MGET's reply (strings' values) when the batch had one.
///
/// A key is recorded when the script saw it (PTTL is not -2), since the
/// script's UNLINK removed it then: a key that expired before the script
/// ran is neither deleted nor recorded, even if MGET still read it (Redis
/// 6.2 and 7.0 check expiry in a script against a fresh clock, in MGET
/// against the transaction's). A deleted key with no value read (MGET
/// refused outside a transaction) makes the batch fail, counted.
fn parse_reply(
    keys: &[Vec<u8>],
    values: Option<Value>,
    script: Value,
) -> (u64, Vec<Record>, Option<anyhow::Error>) {
    let fail = |e: String| (0, Vec::new(), Some(anyhow!(e)));
    let script = match script {
        Value::Array(s) if s.len() == 2 * keys.len() + 1 => s,
        Value::ServerError(e) => return fail(format!("the backup step failed: {e:?}")),
        other => return fail(format!("unexpected reply: {other:?}")),
    };
    let values = match values {
        Some(Value::Array(v)) if v.len() == keys.len() => v,
        _ => vec![Value::Nil; keys.len()],
    };
    let mut it = script.into_iter();
    let deleted = match it.next() {
        Some(Value::Int(n)) => n.max(0) as u64,
        _ => 0,
    };
    let mut records = Vec::with_capacity(keys.len());
    let mut unread = 0;
    for (k, value) in keys.iter().zip(values) {
        let (dump, ttl) = (it.next(), it.next());
        let pttl = match ttl {
            Some(Value::Int(-2)) => continue, // gone before the script: not deleted
            Some(Value::Int(ms)) => Some(ms),
            _ => None,
        };
        let payload = match (dump, value) {
            (Some(Value::BulkString(b)), _) => b,
            (_, Value::BulkString(v)) => super::rdb::string_payload(&v),
            _ => {
                unread += 1;
                continue;
            }
        };
        records.push(Record::deleted(k, pttl, payload));
    }
    let error = (unread > 0).then(|| {
        anyhow!("{unread} keys were deleted but their values could not be read for the backup")
    });
    (deleted, records, error)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn bulk(b: &[u8]) -> Value {
        Value::BulkString(b.to_vec())
    }

    fn keys() -> Vec<Vec<u8>> {
        vec![b"s".to_vec(), b"h".to_vec(), b"x".to_vec()]
    }

    #[test]
    fn a_key_the_script_found_gone_is_not_recorded_even_if_mget_read_it() {
        // "s" expired between MGET and the script (Redis 6.2/7.0 clocks),
        // "h" is a hash, "x" was gone before the batch.
        let values = Value::Array(vec![bulk(b"v"), Value::Nil, Value::Nil]);
        let script = Value::Array(vec![
            Value::Int(1),
            Value::Nil,
            Value::Int(-2),
            bulk(b"\x04dump"),
            Value::Int(-1),
            Value::Nil,
            Value::Int(-2),
        ]);
        let (deleted, records, error) = parse_reply(&keys(), Some(values), script);
        assert!(error.is_none());
        assert_eq!(deleted, 1);
        assert_eq!(records.len(), 1);
        assert_eq!(records[0].key, b"h");
        assert_eq!(records[0].pttl, -1);
    }

    #[test]
    fn a_deleted_string_without_a_value_fails_the_batch_with_the_rest_saved() {
        // Outside a transaction with MGET refused (no array of values):
        // "s" deleted, unread.
        let values = Value::SimpleString("NOPERM".into());
        let script = Value::Array(vec![
            Value::Int(2),
            Value::Nil,
            Value::Int(5000),
            bulk(b"\x04dump"),
            Value::Int(-1),
            Value::Nil,
            Value::Int(-2),
        ]);
        let (deleted, records, error) = parse_reply(&keys(), Some(values), script);
        assert_eq!(deleted, 2);
        assert_eq!(records.len(), 1, "the hash is saved");
        let e = error
            .expect("the unread string fails the batch")
            .to_string();
        assert!(e.contains("1 keys were deleted"), "{e}");
    }

    #[test]
    fn a_ttl_under_a_millisecond_is_restored_as_one_not_as_none() {
        assert_eq!(restore_ttl(-1), 0);
        assert_eq!(restore_ttl(0), 1);
        assert_eq!(restore_ttl(1500), 1500);
    }
}
