//! Redis glob patterns: escaping identifiers for MATCH, matching locally
//! with the server's semantics, and spotting patterns that match everything.

/// Escape glob metacharacters so an identifier can only ever match itself
/// inside a MATCH pattern (`--doc '*'` must not widen a delete).
pub fn glob_escape(ident: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(ident.len() + 4);
    for &b in ident {
        // `-` and `^` only mean something inside `[...]`, and `[` is escaped.
        if matches!(b, b'*' | b'?' | b'[' | b']' | b'\\') {
            out.push(b'\\');
        }
        out.push(b);
    }
    out
}

/// True when a pattern can match every key (`*`, `**`, ...): refused for deletes.
pub fn matches_everything(pattern: &[u8]) -> bool {
    // Refuse any pattern with no literal byte to anchor it (`*`, `?*`,
    // `*?*`, `[^]*`...): it matches (nearly) every key.
    let mut i = 0;
    while i < pattern.len() {
        match pattern[i] {
            b'*' | b'?' => i += 1,
            b'[' => match pattern[i + 1..].iter().position(|&b| b == b']') {
                // A class stands for one byte of several: not an anchor.
                Some(end) => i += end + 2,
                None => return false,
            },
            _ => return false, // a literal (or an escaped byte)
        }
    }
    !pattern.is_empty()
}

/// Redis glob match (the server's `stringmatchlen` semantics), used to test
/// patterns locally and to check escaping.
pub fn glob_match(pattern: &[u8], s: &[u8]) -> bool {
    let (mut p, mut i) = (0usize, 0usize);
    let (mut star_p, mut star_i) = (usize::MAX, 0usize);
    while i < s.len() {
        if p < pattern.len() {
            match pattern[p] {
                b'*' => {
                    star_p = p;
                    star_i = i;
                    p += 1;
                    continue;
                }
                b'?' => {
                    p += 1;
                    i += 1;
                    continue;
                }
                b'[' => {
                    if let Some((matched, next)) = class_match(pattern, p, s[i])
                        && matched
                    {
                        p = next;
                        i += 1;
                        continue;
                    }
                }
                b'\\' if p + 1 < pattern.len() => {
                    if pattern[p + 1] == s[i] {
                        p += 2;
                        i += 1;
                        continue;
                    }
                }
                c => {
                    if c == s[i] {
                        p += 1;
                        i += 1;
                        continue;
                    }
                }
            }
        }
        if star_p != usize::MAX {
            p = star_p + 1;
            star_i += 1;
            i = star_i;
            continue;
        }
        return false;
    }
    while p < pattern.len() && pattern[p] == b'*' {
        p += 1;
    }
    p == pattern.len()
}

/// Match one byte against the class starting at `pattern[start] == b'['`;
/// returns (matched, index after the class).
fn class_match(pattern: &[u8], start: usize, c: u8) -> Option<(bool, usize)> {
    let mut p = start + 1;
    let negate = pattern.get(p) == Some(&b'^');
    if negate {
        p += 1;
    }
    let mut matched = false;
    loop {
        let b = *pattern.get(p)?;
        if b == b']' {
            break;
        }
        if b == b'\\' && p + 1 < pattern.len() {
            if pattern[p + 1] == c {
                matched = true;
            }
            p += 2;
        } else if pattern.get(p + 1) == Some(&b'-')
            && p + 2 < pattern.len()
            && pattern[p + 2] != b']'
        {
            let (mut lo, mut hi) = (b, pattern[p + 2]);
            if lo > hi {
                std::mem::swap(&mut lo, &mut hi);
            }
            if (lo..=hi).contains(&c) {
                matched = true;
            }
            p += 3;
        } else {
            if b == c {
                matched = true;
            }
            p += 1;
        }
    }
    Some((matched != negate, p + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_identifiers_match_only_themselves() {
        for ident in [&b"*"[..], b"abc*", b"a?c", b"[ab]", b"x\\y", b"^-"] {
            let pat = glob_escape(ident);
            assert!(glob_match(&pat, ident), "{ident:?} should match itself");
        }
        let pat = glob_escape(b"*");
        assert!(!glob_match(&pat, b"anything"));
        let pat = glob_escape(b"abc*");
        assert!(!glob_match(&pat, b"abcdef"));
    }

    #[test]
    fn glob_semantics() {
        assert!(glob_match(b"doc:*", b"doc:1"));
        assert!(!glob_match(b"doc:*", b"cache:doc:1"));
        assert!(glob_match(b"*doc*", b"cache:doc:1"));
        assert!(glob_match(b"h?llo", b"hello"));
        assert!(glob_match(b"h[ae]llo", b"hallo"));
        assert!(!glob_match(b"h[^e]llo", b"hello"));
        assert!(glob_match(b"h[a-c]llo", b"hbllo"));
        assert!(glob_match(b"a\\*b", b"a*b"));
        assert!(!glob_match(b"a\\*b", b"axb"));
    }

    #[test]
    fn match_all_detection() {
        assert!(matches_everything(b"*"));
        assert!(matches_everything(b"***"));
        assert!(!matches_everything(b"*:*"));
        assert!(matches_everything(b"?*"));
        assert!(matches_everything(b"*?*"));
        assert!(matches_everything(b"[^]*"));
        assert!(matches_everything(b"[a-z]*"));
        assert!(!matches_everything(b"a*"));
        assert!(!matches_everything(b"\\**"));
        assert!(!matches_everything(b""));
    }
}
