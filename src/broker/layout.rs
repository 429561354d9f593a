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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priority_keys_follow_kombu_defaults() {
        let l = BrokerLayout::default();
        assert_eq!(
            l.queue_keys("default"),
            vec![
                b"default".to_vec(),
                b"default\x06\x163".to_vec(),
                b"default\x06\x166".to_vec(),
                b"default\x06\x169".to_vec()
            ]
        );
    }

    #[test]
    fn recognises_broker_keys() {
        let l = BrokerLayout::default();
        for k in [
            &b"default"[..],
            b"batch.high\x06\x169",
            b"ocr:7",
            b"unacked",
            b"unacked_index",
            b"unacked_mutex",
            b"_kombu.binding.default",
        ] {
            assert!(l.is_broker_key(k), "{k:?}");
        }
        for k in [
            &b"defaults"[..],
            b"doc:state:1",
            b"ocr:77",
            b"unacked2",
            b"ocr\x06\x16",
        ] {
            assert!(!l.is_broker_key(k), "{k:?}");
        }
        let p = BrokerLayout {
            prefix: b"pp:".to_vec(),
            ..Default::default()
        };
        assert!(p.is_broker_key(b"pp:default"));
        assert!(!p.is_broker_key(b"default"));
    }

    #[test]
    fn colon_layout_and_prefix() {
        let l = BrokerLayout {
            steps: (0..10).collect(),
            sep: b":".to_vec(),
            prefix: b"pfx:".to_vec(),
            ..Default::default()
        };
        let keys = l.queue_keys("ocr");
        assert_eq!(keys.len(), 10);
        assert_eq!(keys[0], b"pfx:ocr".to_vec());
        assert_eq!(keys[7], b"pfx:ocr:7".to_vec());
        assert_eq!(l.key(b"unacked"), b"pfx:unacked".to_vec());
        let more = l.with_queues(["ocr".to_string(), "extra".to_string()]);
        assert_eq!(more.queues.len(), 10);
        assert_eq!(more.queues.last().map(String::as_str), Some("extra"));
    }

    #[test]
    fn steps_and_separators_parse() {
        assert_eq!(parse_steps("0,3,6,9").unwrap(), vec![0, 3, 6, 9]);
        assert_eq!(parse_steps("0..9").unwrap(), (0..10).collect::<Vec<u8>>());
        assert_eq!(parse_steps(" 0 , 5 ").unwrap(), vec![0, 5]);
        for bad in ["", "9,3", "0,0", "a", "0..x", "300"] {
            assert!(parse_steps(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_sep("\\x06\\x16").unwrap(), KOMBU_SEP.to_vec());
        assert_eq!(parse_sep(":").unwrap(), b":".to_vec());
        assert!(parse_sep("").is_err());
        assert!(check_queue("batch.high").is_ok());
        assert!(check_queue("a b").is_err());
        assert!(check_queue("").is_err());
    }
}
