//! Lua scripts on the node that owns a key: EVALSHA with a NOSCRIPT
//! fallback, and errors mapped to the exit policy.

use redis::{ErrorKind, RedisError, Script, ServerErrorKind, Value};

use super::Node;
use crate::error::LdpError;

/// Delete KEYS[1] only while it holds ARGV[1]; 1 if deleted, else 0. The
/// release of redis-py's Lock, kombu's Mutex and ldp's upload claims.
pub const DELETE_IF_EQUAL: &str = r"
local token = redis.call('GET', KEYS[1])
if not token or token ~= ARGV[1] then
  return 0
end
redis.call('DEL', KEYS[1])
return 1
";

/// EVALSHA, loading the script on NOSCRIPT. Runs through `Node::read`, which
/// reconnects once after a dropped connection: every script here is safe to
/// repeat (acquire detects its own token, extend and release are idempotent).
pub async fn eval(
    node: &Node,
    script: &Script,
    code: &str,
    keys: &[&[u8]],
    args: &[&[u8]],
) -> Result<Value, RedisError> {
    let mut cmd = redis::cmd("EVALSHA");
    cmd.arg(script.get_hash())
        .arg(keys.len())
        .arg(keys)
        .arg(args);
    match node.read::<Value>(&cmd).await {
        Err(e) if e.kind() == ErrorKind::Server(ServerErrorKind::NoScript) => {
            node.read::<String>(redis::cmd("SCRIPT").arg("LOAD").arg(code))
                .await?;
            node.read(&cmd).await
        }
        r => r,
    }
}

/// A dropped connection or a timeout means "unreachable" (exit 69); any other
/// error is a failed operation (exit 1).
pub fn server_error(node: &Node, what: &str, e: RedisError) -> anyhow::Error {
    if e.is_io_error() || e.is_connection_dropped() || e.is_connection_refusal() || e.is_timeout() {
        LdpError::Unreachable {
            target: node.label.clone(),
            reason: crate::redis::describe(&e),
        }
        .into()
    } else {
        anyhow::Error::new(e).context(format!("{what} on {}", node.label))
    }
}
