//! The pipeline settings ldp depends on, against what the broker holds: a
//! queue's priority lists must use the configured separator and steps, and
//! carry the configured global key prefix, or ldp counts, peeks and purges
//! the wrong lists.

use std::collections::BTreeSet;

use crate::broker::BrokerLayout;
use crate::bytes::escape;
use crate::check::{Check, Status};
use crate::redis::{Redis, ScanSpec};

/// What one list key says about the layout, for a configured queue.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Finding {
    /// `<q><sep><step>` with another separator.
    Separator { key: String, sep: String },
    /// `<q><sep><step>` with a step not configured.
    Step { key: String, step: u32 },
    /// The queue without the configured global key prefix.
    Unprefixed { key: String },
}

/// Read a list key against the layout.
fn classify(l: &BrokerLayout, key: &[u8]) -> Option<Finding> {
    for q in &l.queues {
        if !l.prefix.is_empty() && key == q.as_bytes() {
            return Some(Finding::Unprefixed { key: escape(key) });
        }
        let Some(rest) = key
            .strip_prefix(l.prefix.as_slice())
            .and_then(|k| k.strip_prefix(q.as_bytes()))
        else {
            continue;
        };
        let digits = rest.iter().rev().take_while(|b| b.is_ascii_digit()).count();
        let (sep, num) = rest.split_at(rest.len() - digits);
        // `<q>` itself, another queue (`batch.high` after `batch`), or not a step.
        if digits == 0
            || sep.is_empty()
            || sep.len() > 3
            || sep.iter().any(u8::is_ascii_alphanumeric)
        {
            continue;
        }
        let step: u32 = std::str::from_utf8(num).ok()?.parse().ok()?;
        if sep != l.sep.as_slice() {
            return Some(Finding::Separator {
                key: escape(key),
                sep: escape(sep),
            });
        }
        if !l.steps.iter().any(|s| u32::from(*s) == step) {
            return Some(Finding::Step {
                key: escape(key),
                step,
            });
        }
        return None;
    }
    None
}

/// The `broker_layout` check: every list key of the broker read against the layout.
pub(super) async fn check(redis: &Redis, l: &BrokerLayout, role: &str) -> Check {
    let mut rx = redis.scan(ScanSpec {
        pattern: b"*".to_vec(),
        count: 1000,
        key_type: Some("list".into()),
    });
    let mut lists = 0u64;
    let mut found = BTreeSet::new();
    while let Some(msg) = rx.recv().await {
        match msg {
            Ok((_, keys)) => {
                lists += keys.len() as u64;
                found.extend(keys.iter().filter_map(|k| classify(l, k)));
            }
            Err(e) => return Check::failed("broker_layout", &e),
        }
    }
    let steps: Vec<String> = l.steps.iter().map(u8::to_string).collect();
    let configured = format!(
        "separator {}, steps {}, prefix '{}'",
        escape(&l.sep),
        steps.join(","),
        escape(&l.prefix)
    );
    let Some(first) = found.iter().next() else {
        return Check::new(
            "broker_layout",
            Some(role),
            Status::Ok,
            format!("{lists} lists"),
            format!("no list contradicts the configured layout ({configured})"),
        );
    };
    let (what, hint) = match first {
        Finding::Separator { key, sep } => (
            format!("{key} is a priority list with separator {sep}"),
            format!("set --priority-sep '{sep}' (LDP_PRIORITY_SEP, profile priority_sep) to the pipeline's kombu priority separator"),
        ),
        Finding::Step { key, step } => (
            format!("{key} is a priority list of step {step}, not configured"),
            "set --priority-steps (LDP_PRIORITY_STEPS, profile priority_steps) to the pipeline's kombu priority_steps".to_string(),
        ),
        Finding::Unprefixed { key } => (
            format!("{key} is a queue without the global key prefix"),
            "check --global-keyprefix (LDP_GLOBAL_KEYPREFIX): the pipeline may set none".to_string(),
        ),
    };
    Check::new(
        "broker_layout",
        Some(role),
        Status::Warning,
        format!("{} lists", found.len()),
        format!(
            "{what}{} (configured: {configured}); ldp would miss these messages",
            if found.len() > 1 {
                format!(" and {} more", found.len() - 1)
            } else {
                String::new()
            }
        ),
    )
    .hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_read_against_the_layout() {
        let l = BrokerLayout::default();
        assert_eq!(classify(&l, b"ocr"), None);
        assert_eq!(classify(&l, b"ocr\x06\x163"), None);
        assert!(matches!(
            classify(&l, b"ocr:3"),
            Some(Finding::Separator { .. })
        ));
        assert!(matches!(
            classify(&l, b"ocr\x06\x165"),
            Some(Finding::Step { step: 5, .. })
        ));
        assert_eq!(classify(&l, b"unrelated:3"), None);
        let p = BrokerLayout {
            prefix: b"p:".to_vec(),
            ..BrokerLayout::default()
        };
        assert!(matches!(
            classify(&p, b"ocr"),
            Some(Finding::Unprefixed { .. })
        ));
        assert_eq!(classify(&p, b"p:ocr"), None);
    }
}
