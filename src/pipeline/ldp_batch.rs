//! ldp's own batch record: the hash `ldp:batch:{id}` (`batch_id`,
//! `project_uuid`, `created_at`, `documents`, `queue`, `priority`) and the
//! set of its documents, written by `import` and `doc retry` so that
//! `batch list|show` follow both.

use std::time::SystemTime;

use anyhow::Result;

use crate::redis::Redis;

/// The record's fields.
pub struct Record<'a> {
    pub batch_id: &'a str,
    pub project: &'a str,
    pub queue: &'a str,
    pub priority: u8,
    pub documents: usize,
}

/// Write the record (`created_at` only the first time) and give it `ttl` seconds.
pub async fn write(redis: &Redis, key: &[u8], ttl: u64, r: &Record<'_>) -> Result<()> {
    let created = humantime::format_rfc3339_seconds(SystemTime::now()).to_string();
    let mut cmd = redis::cmd("HSET");
    cmd.arg(key)
        .arg("batch_id")
        .arg(r.batch_id)
        .arg("project_uuid")
        .arg(r.project)
        .arg("documents")
        .arg(r.documents)
        .arg("queue")
        .arg(r.queue)
        .arg("priority")
        .arg(r.priority);
    let _: i64 = redis.query_key(key, &cmd).await?;
    let mut c2 = redis::cmd("HSETNX");
    c2.arg(key)
        .arg("created_at")
        .arg(created.trim_end_matches('Z'));
    let _: i64 = redis.query_key(key, &c2).await?;
    expire(redis, key, ttl).await
}

/// Add documents to the batch's set and give it `ttl` seconds.
pub async fn add_documents(redis: &Redis, key: &[u8], ttl: u64, docs: &[String]) -> Result<()> {
    add_members(redis, key, docs).await?;
    expire(redis, key, ttl).await
}

/// SADD in bounded commands (ldp's sets of document UUIDs).
pub async fn add_members(redis: &Redis, key: &[u8], members: &[String]) -> Result<()> {
    for chunk in members.chunks(1000) {
        let mut cmd = redis::cmd("SADD");
        cmd.arg(key);
        for m in chunk {
            cmd.arg(m);
        }
        let _: i64 = redis.query_key(key, &cmd).await?;
    }
    Ok(())
}

async fn expire(redis: &Redis, key: &[u8], secs: u64) -> Result<()> {
    let _: i64 = redis
        .query_key(key, redis::cmd("EXPIRE").arg(key).arg(secs))
        .await?;
    Ok(())
}
