//! How kombu's Redis transport lays out the broker's keys (its transport
//! options): queues, priority lists, separator, `global_keyprefix`. A leaf:
//! configuration parses into it, the key registry and the broker code read it.

use std::time::Duration;

use crate::bytes;

/// The pipeline's queues (WIRE.md §1).
pub const DEFAULT_QUEUES: [&str; 9] = [
    "default",
    "ocr",
    "text",
    "entity",
    "graph",
    "cleanup",
    "batch.high",
    "batch.normal",
    "batch.low",
];

/// kombu's default priority separator: the two bytes 0x06 0x16.
pub const KOMBU_SEP: &[u8] = b"\x06\x16";

/// kombu's default `priority_steps`.
pub const KOMBU_STEPS: [u8; 4] = [0, 3, 6, 9];

/// kombu's (and the pipeline's) default visibility timeout.
pub const DEFAULT_VISIBILITY: Duration = Duration::from_secs(3600);

/// How the broker lays out its keys (kombu's transport options).
#[derive(Debug, Clone)]
pub struct BrokerLayout {
    pub queues: Vec<String>,
    /// `priority_steps`, ascending.
    pub steps: Vec<u8>,
    /// `sep` between a queue and its priority step.
    pub sep: Vec<u8>,
    /// kombu's optional `global_keyprefix` (empty when none).
    pub prefix: Vec<u8>,
    /// After this long an unacked message is redelivered (`visibility_timeout`).
    pub visibility_timeout: Duration,
}

impl Default for BrokerLayout {
    fn default() -> Self {
        BrokerLayout {
            queues: DEFAULT_QUEUES.iter().map(|q| q.to_string()).collect(),
            steps: KOMBU_STEPS.to_vec(),
            sep: KOMBU_SEP.to_vec(),
            prefix: Vec::new(),
            visibility_timeout: DEFAULT_VISIBILITY,
        }
    }
}

impl BrokerLayout {
    /// A broker key with the `global_keyprefix` in front.
    pub fn key(&self, name: &[u8]) -> Vec<u8> {
        let mut k = self.prefix.clone();
        k.extend_from_slice(name);
        k
    }

    /// The list holding a queue's messages of one priority step: the bare
    /// queue for step 0, else `<q><sep><step>` (kombu's `_q_for_pri`).
    pub fn priority_key(&self, queue: &str, step: u8) -> Vec<u8> {
        let mut k = self.key(queue.as_bytes());
        if step > 0 {
            k.extend_from_slice(&self.sep);
            k.extend_from_slice(step.to_string().as_bytes());
        }
        k
    }

    /// Every Redis key of a queue: the bare list (steps 0) then `<q><sep><step>`.
    pub fn queue_keys(&self, queue: &str) -> Vec<Vec<u8>> {
        self.steps
            .iter()
            .map(|&s| self.priority_key(queue, s))
            .collect()
    }

    /// This layout with more queues after its own (duplicates dropped).
    pub fn with_queues(&self, extra: impl IntoIterator<Item = String>) -> BrokerLayout {
        let mut l = self.clone();
        for q in extra {
            if !l.queues.contains(&q) {
                l.queues.push(q);
            }
        }
        l
    }

    /// Whether a key belongs to the broker: a queue or a priority list of it
    /// (either separator layout, so a misconfigured layout still protects),
    /// `unacked*`, or `_kombu.*`.
    pub fn is_broker_key(&self, key: &[u8]) -> bool {
        let Some(rest) = key.strip_prefix(self.prefix.as_slice()) else {
            return false;
        };
        if matches!(rest, b"unacked" | b"unacked_index" | b"unacked_mutex")
            || rest.starts_with(b"_kombu.")
        {
            return true;
        }
        self.queues.iter().any(|q| {
            let Some(tail) = rest.strip_prefix(q.as_bytes()) else {
                return false;
            };
            if tail.is_empty() {
                return true;
            }
            [self.sep.as_slice(), KOMBU_SEP, b":"].iter().any(|sep| {
                tail.strip_prefix(*sep)
                    .is_some_and(|step| matches!(step, [d] if d.is_ascii_digit()))
            })
        })
    }
}

/// `priority_steps` from `0,3,6,9` or a range `0..9` (inclusive, as kombu's
/// `list(range(10))` is written by operators); strictly ascending.
pub fn parse_steps(text: &str) -> Result<Vec<u8>, String> {
    let t = text.trim();
    let bad = || format!("invalid priority steps '{text}': expected e.g. 0,3,6,9 or 0..9");
    let steps: Vec<u8> = if let Some((a, b)) = t.split_once("..") {
        let (a, b): (u8, u8) = (
            a.trim().parse().map_err(|_| bad())?,
            b.trim().parse().map_err(|_| bad())?,
        );
        (a..=b).collect()
    } else {
        t.split(',')
            .map(|s| s.trim().parse::<u8>().map_err(|_| bad()))
            .collect::<Result<_, _>>()?
    };
    check_steps(&steps).map_err(|e| format!("invalid priority steps '{text}': {e}"))?;
    Ok(steps)
}

/// Steps must be non-empty and strictly ascending (kombu bisects them).
pub fn check_steps(steps: &[u8]) -> Result<(), String> {
    if steps.is_empty() {
        return Err("no steps".into());
    }
    if steps.windows(2).any(|w| w[0] >= w[1]) {
        return Err("steps must be strictly ascending".into());
    }
    Ok(())
}

/// The priority separator: text with `\xNN` escapes (`\x06\x16`, `:`).
pub fn parse_sep(text: &str) -> Result<Vec<u8>, String> {
    let sep = bytes::unescape(text).map_err(|e| format!("invalid priority separator: {e}"))?;
    if sep.is_empty() {
        return Err("invalid priority separator '': must not be empty".into());
    }
    Ok(sep)
}

/// A queue name as given by an operator: non-empty, no spaces or control bytes.
pub fn check_queue(name: &str) -> Result<(), String> {
    if name.is_empty() || name.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!(
            "invalid queue name '{name}': expected a name such as 'default' or 'batch.high'"
        ));
    }
    Ok(())
}
