//! The pipeline's stored values read as JSON: a string holding JSON or a
//! hash whose fields hold JSON, and dot paths into them.

use anyhow::Result;
use redis::Value;
use serde_json::Value as Json;

use crate::redis::Redis;

/// Read string or hash values as JSON (a hash becomes an object whose fields
/// are decoded as JSON where they are JSON). `None` for missing keys and
/// values that are not JSON.
pub async fn read_json(redis: &Redis, keys: &[Vec<u8>]) -> Result<Vec<Option<Json>>> {
    Ok(read_json_stored(redis, keys)
        .await?
        .into_iter()
        .map(|v| v.map(|(j, _)| j))
        .collect())
}

/// How a value that [`read_json_stored`] decoded was stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    /// A string holding JSON.
    Json,
    /// A hash (fields decoded as JSON where they are JSON).
    Hash,
}

impl Stored {
    pub fn name(self) -> &'static str {
        match self {
            Stored::Json => "json",
            Stored::Hash => "hash",
        }
    }
}

/// [`read_json`], also telling how each value was stored.
pub async fn read_json_stored(
    redis: &Redis,
    keys: &[Vec<u8>],
) -> Result<Vec<Option<(Json, Stored)>>> {
    let replies = redis
        .per_key(keys, 2, true, |p, k| {
            p.cmd("TYPE").arg(k);
            p.cmd("GET").arg(k);
        })
        .await?;
    let mut out = vec![None; keys.len()];
    let mut hashes = Vec::new();
    for (i, r) in replies.iter().enumerate() {
        match (r.first(), r.get(1)) {
            (Some(Value::SimpleString(t)), _) if t == "hash" => hashes.push(i),
            (_, Some(Value::BulkString(b))) => {
                out[i] = serde_json::from_slice(b).ok().map(|j| (j, Stored::Json))
            }
            _ => {}
        }
    }
    if !hashes.is_empty() {
        let hkeys: Vec<Vec<u8>> = hashes.iter().map(|&i| keys[i].clone()).collect();
        let replies = redis
            .per_key(&hkeys, 1, true, |p, k| {
                p.cmd("HGETALL").arg(k);
            })
            .await?;
        for (j, r) in replies.into_iter().enumerate() {
            if let Some(v) = r.into_iter().next() {
                out[hashes[j]] = Some((hash_to_json(v), Stored::Hash));
            }
        }
    }
    Ok(out)
}

fn hash_to_json(v: Value) -> Json {
    let mut map = serde_json::Map::new();
    let pairs: Vec<(Vec<u8>, Vec<u8>)> = match v {
        Value::Map(m) => m
            .into_iter()
            .filter_map(|(k, v)| Some((as_bytes(k)?, as_bytes(v)?)))
            .collect(),
        Value::Array(a) => a
            .chunks(2)
            .filter_map(|c| Some((as_bytes(c.first()?.clone())?, as_bytes(c.get(1)?.clone())?)))
            .collect(),
        _ => Vec::new(),
    };
    for (k, v) in pairs {
        let val = serde_json::from_slice(&v)
            .unwrap_or_else(|_| Json::String(String::from_utf8_lossy(&v).into_owned()));
        map.insert(String::from_utf8_lossy(&k).into_owned(), val);
    }
    Json::Object(map)
}

fn as_bytes(v: Value) -> Option<Vec<u8>> {
    match v {
        Value::BulkString(b) => Some(b),
        Value::SimpleString(s) => Some(s.into_bytes()),
        _ => None,
    }
}

/// Follow a dot path (`pipeline.metadata.project_uuid`) into JSON; a string
/// on the way that holds JSON is decoded (the hash form stores JSON in fields).
pub fn json_path<'a>(v: &'a Json, path: &str) -> Option<std::borrow::Cow<'a, Json>> {
    use std::borrow::Cow;
    let mut cur: Cow<'a, Json> = Cow::Borrowed(v);
    for part in path.split('.') {
        let next = match &cur {
            Cow::Borrowed(Json::Object(m)) => Cow::Borrowed(m.get(part)?),
            Cow::Owned(Json::Object(m)) => Cow::Owned(m.get(part)?.clone()),
            Cow::Borrowed(Json::String(s)) | Cow::Owned(Json::String(s)) => {
                let inner: Json = serde_json::from_str(s).ok()?;
                Cow::Owned(inner.get(part)?.clone())
            }
            _ => return None,
        };
        cur = next;
    }
    Some(cur)
}
