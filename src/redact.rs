//! One redactor for every connection string ldp shows (Redis and
//! PostgreSQL URLs, libpq keyword/value strings): the password never
//! appears in output, errors or logs; the user, host and options do.

/// `raw` without its password: a URL loses the password of its user info,
/// any `password=` query value and its `#fragment`; a keyword/value string
/// its `password=` value; text that does not even parse everything between
/// the scheme and the last '@' but the user (a generated password may hold
/// '/', '?', '#' or '@').
pub fn redact(raw: &str) -> String {
    if !raw.contains("://") && raw.contains('=') {
        return keyword_values(raw);
    }
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
        let pairs: Vec<(String, String)> = url
            .query_pairs()
            .map(|(k, v)| {
                let v = if k.eq_ignore_ascii_case("password") {
                    "***".into()
                } else {
                    v.into_owned()
                };
                (k.into_owned(), v)
            })
            .collect();
        if !pairs.is_empty() {
            url.query_pairs_mut().clear().extend_pairs(pairs);
        }
        // url::Url keeps `user@`; drop a lone '@' left by an empty user.
        return url.to_string().replacen("://@", "://", 1);
    }
    unparsed(raw)
}

/// libpq's `key=value ...`: the password's value becomes `***`.
fn keyword_values(raw: &str) -> String {
    raw.split_whitespace()
        .map(|kv| match kv.split_once('=') {
            Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
            _ => kv.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text that is not a URL: anything between the scheme and the last '@'
/// of the authority is user info; keep the user.
fn unparsed(raw: &str) -> String {
    let (scheme, rest) = match raw.find("://") {
        Some(i) => (&raw[..i + 3], &raw[i + 3..]),
        None => ("", raw),
    };
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
    fn passwords_are_redacted() {
        let r = redact("postgresql://app:hunter2@db.example:5432/legal?sslmode=require");
        assert!(!r.contains("hunter2"), "{r}");
        assert!(r.contains("app@db.example:5432/legal"), "{r}");
        let r = redact("postgres://h/db?password=hunter2&sslmode=disable");
        assert!(
            !r.contains("hunter2") && r.contains("sslmode=disable"),
            "{r}"
        );
        let r = redact("host=h user=u password=hunter2 dbname=d");
        assert_eq!(r, "host=h user=u password=*** dbname=d");
        // Unencoded '/' or '?' in a generated password: the URL does not parse.
        for raw in [
            "postgres://app:Ab/cd@db.example/legal?sslmode=verify-full",
            "postgresql://app:x?y#z@db.example:5432/legal",
        ] {
            let r = redact(raw);
            assert!(!r.contains("Ab/cd") && !r.contains("x?y#z"), "{r}");
            assert!(r.contains("app@db.example"), "{r}");
        }
    }

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
}
