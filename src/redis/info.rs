//! `INFO`, parsed by redis-rs ([`redis::InfoDict`]): every section's fields
//! by name, as text or as a number on request.

use anyhow::{Context, Result};
use redis::Value;

use super::Node;

/// `INFO` (or `CLUSTER INFO`) as a map of every field.
pub type Info = redis::InfoDict;

/// Parse the text of `INFO` / `CLUSTER INFO` (`# Section` lines skipped).
pub fn parse_info(text: &str) -> Info {
    redis::InfoDict::new(text)
}

/// A field as text.
pub fn text<'a>(info: &'a Info, k: &str) -> Option<&'a str> {
    match info.find(&k) {
        Some(Value::SimpleString(s)) => Some(s),
        _ => None,
    }
}

/// A numeric field.
pub fn num(info: &Info, k: &str) -> Option<f64> {
    info.get(k)
}

pub async fn info(node: &Node) -> Result<Info> {
    node.read(&redis::cmd("INFO").arg("everything").to_owned())
        .await
        .with_context(|| format!("INFO on {}", node.label))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_as_text_and_numbers() {
        let i = parse_info(
            "# Server\r\nredis_version:7.0.15\r\n\r\n# Memory\r\nused_memory:1024\r\n\
             mem_fragmentation_ratio:1.25\r\nmaxmemory_policy:noeviction\r\n\
             # Keyspace\r\ndb0:keys=3,expires=1,avg_ttl=0\r\n",
        );
        assert_eq!(text(&i, "redis_version"), Some("7.0.15"));
        assert_eq!(text(&i, "maxmemory_policy"), Some("noeviction"));
        assert_eq!(num(&i, "used_memory"), Some(1024.0));
        assert_eq!(num(&i, "mem_fragmentation_ratio"), Some(1.25));
        assert_eq!(text(&i, "db0"), Some("keys=3,expires=1,avg_ttl=0"));
        assert_eq!(num(&i, "maxmemory_policy"), None);
        assert_eq!(num(&i, "absent"), None);
        assert_eq!(text(&i, "# Memory"), None);
    }
}
