//! Folding keys into patterns: UUID-, number- and hash-like parts become `*`.

use crate::bytes;
use crate::keyspace;

/// Fold UUID-, number- and hash-like (8+ hex digits) parts of a key into `*`, so
/// `cache:doc:state:<uuid>` and `rate:openai` group sensibly.
pub fn fold_key(key: &[u8]) -> String {
    let text = bytes::escape(key);
    text.split(':')
        .map(fold_segment)
        .collect::<Vec<_>>()
        .join(":")
}

fn fold_segment(seg: &str) -> String {
    if seg.is_empty() {
        return String::new();
    }
    if seg.bytes().all(|b| b.is_ascii_digit())
        // Hashes and their prefixes: md5(text)[:8] in `entity:chunk:{chunk}:{md5[:8]}`.
        || (seg.len() >= 8 && seg.bytes().all(|b| b.is_ascii_hexdigit()))
        || keyspace::is_uuid(seg.as_bytes())
    {
        return "*".into();
    }
    // UUIDs embedded in a segment (`celery-task-meta-<uuid>`).
    let b = seg.as_bytes();
    let mut out = String::with_capacity(seg.len());
    let mut i = 0;
    while i < b.len() {
        if i + 36 <= b.len() && keyspace::is_uuid(&b[i..i + 36]) {
            out.push('*');
            i += 36;
        } else {
            let c = seg[i..].chars().next().unwrap_or('?');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_ids() {
        assert_eq!(
            fold_key(b"cache:doc:state:0b6f1c3e-2a4b-4c5d-8e9f-0123456789ab"),
            "cache:doc:state:*"
        );
        assert_eq!(
            fold_key(b"cache:metrics:hits:ocr:29012345"),
            "cache:metrics:hits:ocr:*"
        );
        assert_eq!(
            fold_key(b"celery-task-meta-0b6f1c3e-2a4b-4c5d-8e9f-0123456789ab"),
            "celery-task-meta-*"
        );
        assert_eq!(
            fold_key(
                b"entity:chunk:5:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
            ),
            "entity:chunk:*:*"
        );
        assert_eq!(
            fold_key(b"entity:chunk:72ea5668-82e6-4851-9c8f-083a124cf96a:9f86d081"),
            "entity:chunk:*:*"
        );
        assert_eq!(fold_key(b"entity:chunk:5:0a1b2c3d"), "entity:chunk:*:*");
        assert_eq!(fold_key(b"rate:openai"), "rate:openai");
        assert_eq!(
            fold_key(b"cache:doc:state:unknown"),
            "cache:doc:state:unknown"
        );
        assert_eq!(fold_key(b"lock:nightly"), "lock:nightly");
        assert_eq!(fold_key(b"default\x06\x163"), "default\\x06\\x163");
    }
}
