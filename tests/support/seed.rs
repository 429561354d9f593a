//! Small binary-safe helpers for seeding and inspecting one redis server
//! through a sync redis-rs connection (the fixtures' `client()`).
#![allow(dead_code)]

use std::collections::HashSet;

/// Every derived cache key of one document that `cache clear --doc` deletes,
/// prefixed and legacy (the families of the pipeline's keyspace), for tests
/// that seed a document by hand.
pub fn doc_derived_keys(doc: &str) -> Vec<String> {
    vec![
        format!("cache:doc:ocr:{doc}"),
        format!("doc:ocr:{doc}"),
        format!("cache:doc:chunks:{doc}"),
        format!("doc:chunks_list:{doc}"),
        format!("cache:doc:entities:{doc}:c-1"),
        format!("cache:doc:entities:{doc}:c-2"),
        format!("doc:entities:{doc}:c-1"),
        format!("cache:doc:structured:{doc}:c-1"),
        format!("doc:entity_mentions:{doc}"),
        format!("doc:canonical_entities:{doc}"),
        format!("doc:resolved_mentions:{doc}"),
        format!("doc:relationships:{doc}"),
        format!("emb:doc:{doc}:0"),
        format!("textract:result:{doc}"),
    ]
}

/// `(key, "v")` pairs for SETting every key.
pub fn kv(keys: impl IntoIterator<Item = String>) -> Vec<(Vec<u8>, Vec<u8>)> {
    keys.into_iter()
        .map(|k| (k.into_bytes(), b"v".to_vec()))
        .collect()
}

/// SET every pair, pipelined.
pub fn set_all(con: &mut redis::Connection, pairs: &[(Vec<u8>, Vec<u8>)]) {
    for chunk in pairs.chunks(1000) {
        let mut p = redis::pipe();
        for (k, v) in chunk {
            p.cmd("SET").arg(&k[..]).arg(&v[..]).ignore();
        }
        p.query::<()>(con).expect("seeding with SET");
    }
}

/// Run raw commands (`[name, arg, ...]`, binary-safe), pipelined.
pub fn exec_all(con: &mut redis::Connection, cmds: &[Vec<Vec<u8>>]) {
    let mut p = redis::pipe();
    for c in cmds {
        let (name, args) = c.split_first().expect("empty command");
        let name = std::str::from_utf8(name)
            .unwrap_or_else(|e| panic!("command name {name:?} is not UTF-8: {e}"));
        let cmd = p.cmd(name);
        for a in args {
            cmd.arg(&a[..]);
        }
        cmd.ignore();
    }
    p.query::<()>(con).expect("seeding");
}

/// One raw command for [`exec_all`] / `TlsRedis::seed`.
pub fn cmd(parts: &[&[u8]]) -> Vec<Vec<u8>> {
    parts.iter().map(|p| p.to_vec()).collect()
}

/// Every key matching `pattern` on one server (full SCAN).
pub fn scan_server(con: &mut redis::Connection, pattern: &[u8]) -> HashSet<Vec<u8>> {
    let mut cursor: u64 = 0;
    let mut keys = HashSet::new();
    loop {
        let (next, batch): (u64, Vec<Vec<u8>>) = redis::cmd("SCAN")
            .arg(cursor)
            .arg("MATCH")
            .arg(pattern)
            .arg("COUNT")
            .arg(1000)
            .query(con)
            .expect("SCAN");
        keys.extend(batch);
        if next == 0 {
            return keys;
        }
        cursor = next;
    }
}

pub fn exists(con: &mut redis::Connection, key: &[u8]) -> bool {
    redis::cmd("EXISTS")
        .arg(key)
        .query::<i64>(con)
        .expect("EXISTS")
        == 1
}

pub fn dbsize(con: &mut redis::Connection) -> i64 {
    redis::cmd("DBSIZE").query(con).expect("DBSIZE")
}

/// LLEN of a (binary) key.
pub fn llen(con: &mut redis::Connection, key: &[u8]) -> u64 {
    redis::cmd("LLEN").arg(key).query(con).expect("LLEN")
}

/// HLEN of a key.
pub fn hlen(con: &mut redis::Connection, key: &[u8]) -> u64 {
    redis::cmd("HLEN").arg(key).query(con).expect("HLEN")
}

/// Lower-case hex SHA-256 of `data` (the pipeline's content hash).
pub fn sha256_hex(data: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(data)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The document UUID the pipeline (and ldp's import) derives from a file's
/// content: UUIDv5 of its SHA-256 hex in the project's namespace.
pub fn doc_uuid(project: &str, content: &[u8]) -> String {
    let ns = uuid::Uuid::parse_str(project)
        .unwrap_or_else(|e| panic!("project {project:?} is not a UUID: {e}"));
    uuid::Uuid::new_v5(&ns, sha256_hex(content).as_bytes()).to_string()
}

/// Load the library's pipeline-shaped keyspace (`ldp::sandbox::seed`, the
/// one generator `ldp sandbox` uses too) into `t`, pipelined; on a cluster
/// each node gets its own keys. The broker's keys go to the same place.
pub fn load(t: &super::Target, seed: &ldp::sandbox::seed::Seed) {
    let mut per_node: Vec<Vec<&redis::Cmd>> = Vec::new();
    for op in &seed.ops {
        let i = match t {
            super::Target::One(_) => 0,
            super::Target::Cluster(c) => c.node_for_key(&op.key),
        };
        if per_node.len() <= i {
            per_node.resize_with(i + 1, Vec::new);
        }
        per_node[i].push(&op.cmd);
    }
    for (i, cmds) in per_node.iter().enumerate() {
        let mut con = match t {
            super::Target::One(s) => s.client(),
            super::Target::Cluster(c) => c.node(i).client(),
        };
        for chunk in cmds.chunks(10_000) {
            let mut p = redis::pipe();
            for c in chunk {
                p.add_command((*c).clone());
            }
            let replies: Vec<redis::Value> = p.query(&mut con).expect("loading the seed");
            if let Some(e) = replies
                .iter()
                .find(|v| matches!(v, redis::Value::ServerError(_)))
            {
                panic!("loading the seed: {e:?}");
            }
        }
    }
}
