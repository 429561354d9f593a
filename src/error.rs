//! Exit codes and the error kinds that choose them.
//!
//! Commands fail with `anyhow::Error`; `main` walks the chain for an [`LdpError`]
//! to pick the documented exit code, so context can be added freely on the way up.

use std::fmt;

pub use crate::exit::Exit;

/// Errors whose kind decides the exit code. Anything else exits 1.
#[derive(Debug, thiserror::Error)]
pub enum LdpError {
    /// Bad flag, invalid id, unsupported format, refusal: exit 2.
    #[error("{0}")]
    Usage(String),
    /// A server could not be reached (refused, DNS, TLS, authentication): exit 69.
    #[error("cannot connect to {target}: {reason}")]
    Unreachable { target: String, reason: String },
    /// The operation ran and failed (server error, partial failure): exit 1.
    #[error("{0}")]
    Failed(String),
    /// Something ldp needs here is missing (a program not installed): exit 69.
    #[error("{0}")]
    Unavailable(String),
}

impl LdpError {
    pub fn usage(msg: impl fmt::Display) -> anyhow::Error {
        LdpError::Usage(msg.to_string()).into()
    }
    pub fn exit(&self) -> Exit {
        match self {
            LdpError::Usage(_) => Exit::Usage,
            LdpError::Unreachable { .. } => Exit::Unavailable,
            LdpError::Failed(_) => Exit::Failure,
            LdpError::Unavailable(_) => Exit::Unavailable,
        }
    }
}

/// Exit code for an error chain: the first [`LdpError`] in it decides.
pub fn exit_for(err: &anyhow::Error) -> Exit {
    err.chain()
        .find_map(|e| e.downcast_ref::<LdpError>())
        .map(LdpError::exit)
        .unwrap_or(Exit::Failure)
}

/// One line for stderr: the chain joined with ": ", newlines folded.
pub fn one_line(err: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for e in err.chain() {
        let s = e.to_string().replace('\n', " ");
        // Avoid "a: b: b" when a layer repeats its source's text.
        if parts.last().is_some_and(|p| p.ends_with(&s)) {
            continue;
        }
        parts.push(s);
    }
    parts.join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn exit_code_found_through_context() {
        let e: anyhow::Result<()> = Err(LdpError::usage("bad"));
        let e = e.context("while parsing").unwrap_err();
        assert_eq!(exit_for(&e), Exit::Usage);
        assert_eq!(one_line(&e), "while parsing: bad");
        let plain = anyhow::anyhow!("boom");
        assert_eq!(exit_for(&plain), Exit::Failure);
    }
}
