//! Celery broker-key knowledge (kombu's Redis transport, WIRE.md §1–3).
//!
//! Used to protect broker keys from broad deletes; the message builder for
//! `ldp import` will live here too.

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

/// How the broker lays out its keys.
#[derive(Debug, Clone)]
pub struct BrokerLayout {
    pub queues: Vec<String>,
    pub steps: Vec<u8>,
    pub sep: Vec<u8>,
    /// kombu's optional `global_keyprefix`.
    pub prefix: Vec<u8>,
}

impl Default for BrokerLayout {
    fn default() -> Self {
        BrokerLayout {
            queues: DEFAULT_QUEUES.iter().map(|q| q.to_string()).collect(),
            steps: vec![0, 3, 6, 9],
            sep: KOMBU_SEP.to_vec(),
            prefix: Vec::new(),
        }
    }
}

impl BrokerLayout {
    /// Every Redis key of a queue: the bare list (steps 0) then `<q><sep><step>`.
    pub fn queue_keys(&self, queue: &str) -> Vec<Vec<u8>> {
        let mut keys = Vec::with_capacity(self.steps.len());
        for &step in &self.steps {
            let mut k = self.prefix.clone();
            k.extend_from_slice(queue.as_bytes());
            if step > 0 {
                k.extend_from_slice(&self.sep);
                k.extend_from_slice(step.to_string().as_bytes());
            }
            keys.push(k);
        }
        keys
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
}
