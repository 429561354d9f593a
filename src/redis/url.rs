//! Redis URLs: validation with clear usage errors, and redaction so a password
//! can never reach output, errors or logs.

use anyhow::Result;

use crate::error::LdpError;

const SCHEMES: [&str; 4] = ["redis", "rediss", "unix", "redis+unix"];

/// Check a URL before anything connects; errors name the redacted URL.
pub fn validate(raw: &str) -> Result<()> {
    let shown = crate::redact::redact(raw);
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

/// The user a Redis URL names (`redis://ops:pw@h` -> `ops`), as written.
pub fn user(raw: &str) -> Option<String> {
    url::Url::parse(raw)
        .ok()
        .map(|u| u.username().to_string())
        .filter(|u| !u.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

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
