//! Redis URLs: validation with clear usage errors, and redaction so a password
//! can never reach output, errors or logs.

use anyhow::Result;

use crate::error::LdpError;

const SCHEMES: [&str; 4] = ["redis", "rediss", "unix", "redis+unix"];

/// Check a URL before anything connects; errors name the redacted URL.
pub fn validate(raw: &str) -> Result<()> {
    let shown = redact(raw);
    let url = url::Url::parse(raw)
        .map_err(|e| LdpError::usage(format!("invalid Redis URL '{shown}': {e}")))?;
    if !SCHEMES.contains(&url.scheme()) {
        return Err(LdpError::usage(format!(
            "invalid Redis URL '{shown}': unsupported scheme '{}' (use redis://, rediss:// or unix://)",
            url.scheme()
        )));
    }
    if matches!(url.scheme(), "redis" | "rediss") {
        if url.host_str().is_none_or(str::is_empty) {
            return Err(LdpError::usage(format!(
                "invalid Redis URL '{shown}': no host"
            )));
        }
        let db = url.path().trim_start_matches('/');
        if !db.is_empty() && db.parse::<u32>().is_err() {
            return Err(LdpError::usage(format!(
                "invalid Redis URL '{shown}': database '{db}' is not a number"
            )));
        }
    } else if url.path().is_empty() {
        return Err(LdpError::usage(format!(
            "invalid Redis URL '{shown}': no socket path"
        )));
    }
    Ok(())
}

/// The URL without its password (and without any `#fragment`), for display.
pub fn redact(raw: &str) -> String {
    if let Ok(mut url) = url::Url::parse(raw).and_then(|u| {
        // `u:p@host` parses as scheme `u` with an opaque path: not a URL with
        // user info, so it takes the textual route below.
        if u.cannot_be_a_base() {
            Err(url::ParseError::RelativeUrlWithCannotBeABaseBase)
        } else {
            Ok(u)
        }
    }) {
        if url.password().is_some() {
            let _ = url.set_password(None);
        }
        url.set_fragment(None);
        // url::Url keeps `user@`; drop a lone '@' left by an empty user.
        return url.to_string().replacen("://@", "://", 1);
    }
    redact_unparsed(raw)
}

/// Best-effort redaction of a string that is not even a URL: anything between
/// the scheme and the last '@' of the authority is user info; keep the user.
fn redact_unparsed(raw: &str) -> String {
    let (scheme, rest) = match raw.find("://") {
        Some(i) => (&raw[..i + 3], &raw[i + 3..]),
        None => ("", raw),
    };
    // A password may contain '/', so the user info runs to the last '@'.
    match rest.rfind('@') {
        Some(at) => {
            let user = rest[..at].split(':').next().unwrap_or("");
            let sep = if user.is_empty() { "" } else { "@" };
            format!("{scheme}{user}{sep}{}", &rest[at + 1..])
        }
        None => raw.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_passwords() {
        assert_eq!(redact("rediss://ops:pw@h:1/0"), "rediss://ops@h:1/0");
        assert_eq!(redact("redis://:pw@h:1/0"), "redis://h:1/0");
        assert_eq!(redact("redis://h:1/0"), "redis://h:1/0");
        assert_eq!(redact("rediss://h:1/0#insecure"), "rediss://h:1/0");
        assert_eq!(redact("redis ://u:pw@h"), "redis ://u@h");
        assert_eq!(redact("u:p@w@host"), "u@host");
        assert!(!redact("bad url with :secret@ in it").contains("secret"));
        assert!(!redact("redis://:Sl4sh/Secret@127.0.0.1:1/0").contains("Secret"));
        assert!(!redact("rediss://ops:pa/ss@h:1/0").contains("pa/ss"));
    }

    #[test]
    fn validates() {
        assert!(validate("redis://127.0.0.1:1/0").is_ok());
        assert!(validate("rediss://u:p@h:1").is_ok());
        assert!(validate("unix:///tmp/redis.sock").is_ok());
        for bad in [
            "http://h:1",
            "redis://",
            "redis://h:1/x",
            "not a url",
            "redis://h:99999",
        ] {
            let e = validate(bad).unwrap_err();
            assert_eq!(
                crate::error::exit_for(&e),
                crate::error::Exit::Usage,
                "{bad}"
            );
        }
        let e = validate("http://u:secret@h").unwrap_err();
        assert!(!e.to_string().contains("secret"));
    }
}
