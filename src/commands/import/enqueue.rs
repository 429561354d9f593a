//! The enqueue: one Lua script per call writes each unit's markers and
//! LPUSHes its task atomically, so a crash or Ctrl-C can never leave a
//! document marked but not enqueued, or enqueued twice. Also the keys an
//! import writes around it, named by the registry.

use std::collections::HashMap;

use anyhow::{Context, Result};
use redis::Value;

use super::plan::{Doc, Plan, Unit};
use crate::error::LdpError;
use crate::keyspace::Registry;
use crate::pipeline::ldp_batch;
use crate::redis::{Node, Redis};

/// `doc:import` lives an hour (KEYSPACE.md).
pub const IMPORT_TTL_SECS: u64 = 3600;
/// How an intake's marker value starts (then the task id).
pub const MARK_INTAKE: &[u8] = b"intake:";
/// Documents per script call: enough to amortise a call, small enough to
/// keep the server's other clients moving.
const DOCS_PER_CALL: usize = 50;

/// For each unit (a task and its documents): if none of its markers exists,
/// set them and LPUSH the task (and, with the caches on this server, write
/// doc:import and the project and batch sets). One script call is atomic as a
/// whole, so each unit is too, and Redis refuses an out-of-memory script at
/// its first write, before anything is done.
/// KEYS: queue, index set, batch set, then per unit its n markers (and n
/// doc:import keys with the caches). ARGV: ttl, caches (1/0), units, the
/// batch set's ttl, then per
/// unit n, task id, envelope (and n x [uuid, record] with the caches).
/// Returns per unit 1 (enqueued), 0 (every document already marked), or,
/// for a batch unit only partly marked, the 1-based positions of its marked
/// documents (nothing written: the caller sends the rest again). A marker holds
/// the task id, as `intake:<id>` when the whole intake ran.
pub const ENQUEUE_LUA: &str = r#"
local ttl = ARGV[1]
local cache = ARGV[2] == '1'
local units = tonumber(ARGV[3])
local batch_ttl = ARGV[4]
local k, a, out, added = 4, 5, {}, {}
for u = 1, units do
  local n, id, env = tonumber(ARGV[a]), ARGV[a + 1], ARGV[a + 2]
  a = a + 3
  -- An intake's marker ('intake:<id>') counts only another intake's as
  -- taken: a document an enqueue-only run marked never got its row and
  -- object, so its task failed and the intake must enqueue it again.
  local strict = string.sub(id, 1, 7) == 'intake:'
  local free
  local taken = {}
  if n == 1 and not strict then
    free = redis.call('SET', KEYS[k], id, 'NX')
  else
    for i = 0, n - 1 do
      local v = redis.call('GET', KEYS[k + i])
      if v and (not strict or string.sub(v, 1, 7) == 'intake:') then
        taken[#taken + 1] = i + 1
      end
    end
    free = #taken == 0
    if free then
      for i = 0, n - 1 do redis.call('SET', KEYS[k + i], id) end
    end
  end
  if free then
    redis.call('LPUSH', KEYS[1], env)
    if cache then
      for i = 0, n - 1 do
        redis.call('SET', KEYS[k + n + i], ARGV[a + 2 * i + 1], 'EX', ttl)
        added[#added + 1] = ARGV[a + 2 * i]
      end
    end
    out[u] = 1
  elseif #taken > 0 and #taken < n then
    -- A batch task some of whose documents another run took: nothing is
    -- written; the caller sends the rest again in a task of their own.
    out[u] = taken
  else
    out[u] = 0
  end
  k = k + n
  if cache then
    k = k + n
    a = a + 2 * n
  end
end
if #added > 0 then
  redis.call('SADD', KEYS[2], unpack(added))
  redis.call('SADD', KEYS[3], unpack(added))
  redis.call('EXPIRE', KEYS[3], batch_ttl)
end
return out
"#;

/// Whether a marker's value means "done": any marker for an enqueue-only
/// run; for the intake only one the intake wrote (an enqueue-only run's
/// documents still need their row and object).
pub fn is_marked(v: Option<&Value>, intake: bool) -> bool {
    match v {
        Some(Value::BulkString(b)) => !intake || b.starts_with(MARK_INTAKE),
        _ => false,
    }
}

/// Load the script on the broker; returns its SHA for EVALSHA.
pub async fn load_script(node: &Node) -> Result<String> {
    let script = redis::Script::new(ENQUEUE_LUA);
    let _: String = node
        .query(redis::cmd("SCRIPT").arg("LOAD").arg(ENQUEUE_LUA))
        .await
        .with_context(|| format!("SCRIPT LOAD on {}", node.label))?;
    Ok(script.get_hash().to_string())
}

/// Builds the script calls for units of documents.
pub struct Enqueuer<'a> {
    pub queue_key: Vec<u8>,
    pub keys: &'a KeyNames,
    pub sha: String,
    /// doc:import and the sets go in the script (the caches are on the
    /// broker and no intake row must be updated first).
    pub in_script: bool,
    /// The whole intake ran: markers say so.
    pub intake: bool,
    pub origin: String,
    pub plan: &'a Plan<'a>,
}

impl Enqueuer<'_> {
    /// One pipeline of script calls of about DOCS_PER_CALL documents each,
    /// and the number of units in each call.
    pub fn pipeline(&self, units: &[Unit], docs: &[Doc]) -> (redis::Pipeline, Vec<usize>) {
        let mut p = redis::pipe();
        p.ignore_errors();
        let mut calls: Vec<&[Unit]> = Vec::new();
        let (mut start, mut n) = (0, 0);
        for (i, u) in units.iter().enumerate() {
            n += u.docs.len();
            if n >= DOCS_PER_CALL {
                calls.push(&units[start..=i]);
                start = i + 1;
                n = 0;
            }
        }
        if start < units.len() {
            calls.push(&units[start..]);
        }
        let sizes: Vec<usize> = calls.iter().map(|c| c.len()).collect();
        for call in calls {
            let (keys_list, argv) = self.call(call, docs);
            let cmd = p.cmd("EVALSHA").arg(&self.sha).arg(keys_list.len());
            for k in &keys_list {
                cmd.arg(k);
            }
            for v in &argv {
                cmd.arg(v);
            }
        }
        (p, sizes)
    }

    /// KEYS and ARGV of one script call (see ENQUEUE_LUA).
    fn call(&self, call: &[Unit], docs: &[Doc]) -> (Vec<Vec<u8>>, Vec<Vec<u8>>) {
        let mut keys_list: Vec<Vec<u8>> = vec![
            self.queue_key.clone(),
            self.keys.index.clone(),
            self.keys.batch_docs.clone(),
        ];
        let mut argv: Vec<Vec<u8>> = vec![
            IMPORT_TTL_SECS.to_string().into_bytes(),
            if self.in_script {
                b"1".to_vec()
            } else {
                b"0".to_vec()
            },
            call.len().to_string().into_bytes(),
            self.keys.batch_ttl.to_string().into_bytes(),
        ];
        for u in call {
            keys_list.extend(u.docs.iter().map(|&i| self.keys.marker(&docs[i])));
            argv.push(u.docs.len().to_string().into_bytes());
            argv.push(if self.intake {
                [MARK_INTAKE, u.task.id.as_bytes()].concat()
            } else {
                u.task.id.clone().into_bytes()
            });
            argv.push(u.task.envelope(&self.origin).into_bytes());
            if self.in_script {
                keys_list.extend(
                    u.docs
                        .iter()
                        .map(|&i| self.keys.doc_import(&docs[i].uuid_str())),
                );
                for &i in &u.docs {
                    argv.push(docs[i].uuid_str().into_bytes());
                    argv.push(self.plan.record(&docs[i]).into_bytes());
                }
            }
        }
        (keys_list, argv)
    }
}

/// The registry's names for the keys an import writes.
pub struct KeyNames {
    pub index: Vec<u8>,
    pub batch: Vec<u8>,
    pub batch_docs: Vec<u8>,
    doc_import: crate::keyspace::Template,
    imported: crate::keyspace::Template,
    uploading: crate::keyspace::Template,
    project: String,
    /// Seconds ldp's batch record and batch set live (`--batch-ttl`).
    pub batch_ttl: u64,
}

impl KeyNames {
    pub fn new(reg: &Registry, project: &str, batch: &str, batch_ttl: u64) -> Result<KeyNames> {
        let tpl = |family: &str| -> Result<&crate::keyspace::Template> {
            reg.get(family)
                .and_then(|f| f.compiled().first())
                .ok_or_else(|| {
                    LdpError::usage(format!(
                        "the key registry has no '{family}' family, which import writes"
                    ))
                })
        };
        let render = |family: &str| -> Result<Vec<u8>> {
            tpl(family)?
                .fill_exact(&[
                    ("project", project.as_bytes()),
                    ("batch", batch.as_bytes()),
                    ("id", batch.as_bytes()),
                ])
                .ok_or_else(|| {
                    LdpError::usage(format!(
                        "family '{family}': its template needs more than the project and batch"
                    ))
                })
        };
        Ok(KeyNames {
            index: render("ldp_project_docs")?,
            batch: render("ldp_batch")?,
            batch_docs: render("ldp_batch_docs")?,
            doc_import: tpl("import")?.clone(),
            imported: tpl("ldp_imported")?.clone(),
            uploading: tpl("ldp_uploading")?.clone(),
            project: project.to_string(),
            batch_ttl,
        })
    }

    /// ldp's marker that a document was enqueued (never under kombu's
    /// `global_keyprefix`: it is ldp's own key).
    pub fn marker(&self, d: &Doc) -> Vec<u8> {
        let sha = d.sha.hex();
        self.imported
            .fill_exact(&[
                ("project", self.project.as_bytes()),
                ("sha256", sha.as_bytes()),
            ])
            .unwrap_or_else(|| format!("ldp:imported:{}:{}", self.project, d.sha).into_bytes())
    }

    /// The intake's upload claims are this followed by the document's UUID.
    pub fn upload_claim_prefix(&self) -> String {
        let key = self
            .uploading
            .fill_exact(&[("doc", b"")])
            .unwrap_or_else(|| b"ldp:uploading:".to_vec());
        String::from_utf8_lossy(&key).into_owned()
    }

    pub fn doc_import(&self, uuid: &str) -> Vec<u8> {
        self.doc_import
            .fill_exact(&[("doc", uuid.as_bytes())])
            .unwrap_or_else(|| format!("doc:import:{uuid}").into_bytes())
    }
}

/// ldp's record of the batch, written first so even an interrupted run is listed.
pub async fn write_batch_record(
    cache: &Redis,
    keys: &KeyNames,
    project: &str,
    batch_id: &str,
    queue: &str,
    priority: u8,
    documents: usize,
) -> Result<()> {
    let record = ldp_batch::Record {
        batch_id,
        project,
        queue,
        priority,
        documents,
    };
    ldp_batch::write(cache, &keys.batch, keys.batch_ttl, &record).await
}

/// The run's end: the record counts the run's documents (duplicate files
/// once); a run that enqueued nothing leaves no batch behind.
pub async fn settle_batch(
    cache: &Redis,
    keys: &KeyNames,
    documents: usize,
    any_new: bool,
) -> Result<()> {
    if any_new {
        let mut cmd = redis::cmd("HSET");
        cmd.arg(&keys.batch).arg("documents").arg(documents);
        let _: i64 = cache.query_key(&keys.batch, &cmd).await?;
        return Ok(());
    }
    for k in [&keys.batch, &keys.batch_docs] {
        let _: i64 = cache.query_key(k, redis::cmd("UNLINK").arg(k)).await?;
    }
    Ok(())
}

/// `doc:import` (when asked) and the project and batch sets, idempotently.
pub async fn write_cache_side(
    cache: &Redis,
    keys: &KeyNames,
    docs: &[Doc],
    which: &[usize],
    record: &dyn Fn(&Doc) -> String,
    import_records: bool,
) -> Result<()> {
    if which.is_empty() {
        return Ok(());
    }
    if import_records {
        write_import_records(cache, keys, docs, which, record).await?;
    }
    let uuids: Vec<String> = which.iter().map(|&i| docs[i].uuid_str()).collect();
    ldp_batch::add_members(cache, &keys.index, &uuids).await?;
    ldp_batch::add_documents(cache, &keys.batch_docs, keys.batch_ttl, &uuids).await
}

/// `doc:import` for documents whose record may be missing (SET NX: never
/// overwrites what the pipeline changed).
async fn write_import_records(
    cache: &Redis,
    keys: &KeyNames,
    docs: &[Doc],
    which: &[usize],
    record: &dyn Fn(&Doc) -> String,
) -> Result<()> {
    let import_keys: Vec<Vec<u8>> = which
        .iter()
        .map(|&i| keys.doc_import(&docs[i].uuid_str()))
        .collect();
    let records: Vec<String> = which.iter().map(|&i| record(&docs[i])).collect();
    let pos: HashMap<&[u8], usize> = import_keys
        .iter()
        .enumerate()
        .map(|(j, k)| (k.as_slice(), j))
        .collect();
    let r = cache
        .per_key(&import_keys, 1, false, |p, k| {
            let j = pos.get(k).copied().unwrap_or(0);
            p.cmd("SET")
                .arg(k)
                .arg(&records[j])
                .arg("NX")
                .arg("EX")
                .arg(IMPORT_TTL_SECS);
        })
        .await?;
    if let Some(e) = r.iter().find_map(|x| match x.first() {
        Some(Value::ServerError(e)) => Some(e.to_string()),
        _ => None,
    }) {
        return Err(LdpError::Failed(format!("writing doc:import keys: {e}")).into());
    }
    Ok(())
}
