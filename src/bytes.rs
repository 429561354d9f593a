//! Keys are bytes: the escaped text form used in plain output, tables and JSON,
//! and its inverse for keys that users type back in.

use base64::Engine;

/// Escape a key the way redis-cli shows bytes: `\\` for a backslash, `\xNN` for
/// control characters and bytes that are not UTF-8; printable text stays as it is.
pub fn escape(key: &[u8]) -> String {
    if key.iter().all(|&b| (0x20..0x7f).contains(&b) && b != b'\\') {
        // Fast path: plain printable ASCII (the overwhelmingly common case).
        return ascii_string(key);
    }
    let mut out = String::with_capacity(key.len() + 8);
    for chunk in key.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\\' {
                out.push_str("\\\\");
            } else if c.is_control() {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    push_hex(&mut out, b);
                }
            } else {
                out.push(c);
            }
        }
        for &b in chunk.invalid() {
            push_hex(&mut out, b);
        }
    }
    out
}

fn ascii_string(key: &[u8]) -> String {
    // Checked by the caller to be printable ASCII, hence valid UTF-8.
    String::from_utf8(key.to_vec()).unwrap_or_default()
}

fn push_hex(out: &mut String, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('\\');
    out.push('x');
    out.push(HEX[(b >> 4) as usize] as char);
    out.push(HEX[(b & 15) as usize] as char);
}

/// Whether [`escape`] would return the key unchanged.
pub fn is_plain(key: &[u8]) -> bool {
    key.iter().all(|&b| (0x20..0x7f).contains(&b) && b != b'\\')
}

/// Write the escaped key straight into a byte buffer (the scan hot path).
pub fn write_escaped(out: &mut Vec<u8>, key: &[u8]) {
    if is_plain(key) {
        out.extend_from_slice(key);
    } else {
        out.extend_from_slice(escape(key).as_bytes());
    }
}

/// Inverse of [`escape`]: `\\` and `\xNN` are decoded, anything else is literal.
pub fn unescape(text: &str) -> Result<Vec<u8>, String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            out.push(bytes[i]);
            i += 1;
            continue;
        }
        match bytes.get(i + 1) {
            Some(b'\\') => {
                out.push(b'\\');
                i += 2;
            }
            Some(b'x') => {
                let hex = bytes
                    .get(i + 2..i + 4)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or_else(|| {
                        format!("invalid escape at byte {i} of '{text}': expected \\xNN")
                    })?;
                out.push(hex);
                i += 4;
            }
            _ => {
                return Err(format!(
                    "invalid escape at byte {i} of '{text}': use \\\\ or \\xNN"
                ));
            }
        }
    }
    Ok(out)
}

/// Decode `\xNN` in a glob pattern typed by a user, leaving every other
/// backslash alone (in a pattern `\*` is the glob's own escape). A decoded
/// byte that is a glob metacharacter is escaped so it stays literal.
pub fn unescape_pattern(text: &str) -> Result<Vec<u8>, String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' && bytes.get(i + 1) == Some(&b'\\') {
            out.extend_from_slice(b"\\\\");
            i += 2;
            continue;
        }
        if bytes[i] == b'\\' && bytes.get(i + 1) == Some(&b'x') {
            let hex = bytes
                .get(i + 2..i + 4)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
                .ok_or_else(|| format!("invalid escape at byte {i} of '{text}': expected \\xNN"))?;
            if matches!(hex, b'*' | b'?' | b'[' | b']' | b'\\') {
                out.push(b'\\');
            }
            out.push(hex);
            i += 4;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    Ok(out)
}

/// `key_base64` for JSON: present only when the key is not UTF-8.
pub fn base64_if_binary(key: &[u8]) -> Option<String> {
    match std::str::from_utf8(key) {
        Ok(_) => None,
        Err(_) => Some(base64::engine::general_purpose::STANDARD.encode(key)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_redis_cli() {
        assert_eq!(escape(b"doc:1"), "doc:1");
        assert_eq!(escape(b"a\\b"), "a\\\\b");
        assert_eq!(escape(b"q\x06\x163"), "q\\x06\\x163");
        assert_eq!(escape(b"\xff\xfe"), "\\xff\\xfe");
        assert_eq!(escape("caf\u{e9}".as_bytes()), "caf\u{e9}");
        assert_eq!(escape(b"a\nb"), "a\\x0ab");
    }

    #[test]
    fn round_trips() {
        for k in [
            &b"plain"[..],
            b"q\x06\x169",
            b"\\x41",
            b"\xff\x00\\",
            "\u{e9}t\u{e9}".as_bytes(),
        ] {
            assert_eq!(unescape(&escape(k)).unwrap(), k, "key {k:?}");
        }
    }

    #[test]
    fn rejects_bad_escapes() {
        assert!(unescape("a\\q").is_err());
        assert!(unescape("a\\x4").is_err());
        assert!(unescape("a\\xzz").is_err());
        assert!(unescape("trailing\\").is_err());
    }

    #[test]
    fn pattern_escapes() {
        assert_eq!(
            unescape_pattern("default\\x06\\x16*").unwrap(),
            b"default\x06\x16*"
        );
        assert_eq!(unescape_pattern("a\\*b\\x2a").unwrap(), b"a\\*b\\*");
        assert_eq!(unescape_pattern("a\\\\x41").unwrap(), b"a\\\\x41");
        assert!(unescape_pattern("a\\xZZ").is_err());
    }

    #[test]
    fn base64_only_for_binary() {
        assert_eq!(base64_if_binary(b"doc:1"), None);
        assert_eq!(base64_if_binary(b"\xff").as_deref(), Some("/w=="));
    }
}
