//! The pipeline's identifiers as operators type them: document UUIDs and
//! project ids (a UUID or an integer), validated before any server is asked.

use std::io::Read;

use anyhow::Result;
use serde_json::Value as Json;

use crate::error::LdpError;
use crate::keyspace::is_uuid;

/// A project id as the pipeline uses them: a UUID or an integer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProjectId {
    Uuid(String),
    Int(i64),
}

impl ProjectId {
    pub fn parse(s: &str) -> Result<ProjectId> {
        let t = s.trim();
        if is_uuid(t.as_bytes()) {
            return Ok(ProjectId::Uuid(t.to_ascii_lowercase()));
        }
        if !t.is_empty()
            && t.bytes().all(|b| b.is_ascii_digit())
            && let Ok(n) = t.parse()
        {
            return Ok(ProjectId::Int(n));
        }
        Err(LdpError::usage(format!(
            "invalid project id '{s}': expected a UUID or an integer"
        )))
    }

    pub fn text(&self) -> String {
        match self {
            ProjectId::Uuid(u) => u.clone(),
            ProjectId::Int(n) => n.to_string(),
        }
    }

    /// Whether a value found in the pipeline's JSON names this project.
    pub fn is(&self, v: &Json) -> bool {
        match (self, v) {
            (ProjectId::Uuid(u), Json::String(s)) => s.eq_ignore_ascii_case(u),
            (ProjectId::Int(n), Json::Number(x)) => x.as_i64() == Some(*n),
            (ProjectId::Int(n), Json::String(s)) => s.trim() == n.to_string(),
            _ => false,
        }
    }
}

/// A validated document id (lower-case UUID).
pub fn parse_doc(s: &str) -> Result<String> {
    let t = s.trim();
    if is_uuid(t.as_bytes()) {
        Ok(t.to_ascii_lowercase())
    } else {
        Err(LdpError::usage(format!(
            "invalid document id '{s}': expected a UUID such as 0b6f1c3e-2a4b-4c5d-8e9f-0123456789ab"
        )))
    }
}

/// Document ids from a file (or stdin for `-`): one per line, blank lines and
/// `#` comments skipped; every bad line is named before anything runs.
pub fn read_docs_from(path: &std::path::Path) -> Result<Vec<String>> {
    let text = if path.as_os_str() == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| LdpError::usage(format!("cannot read document ids from stdin: {e}")))?;
        s
    } else {
        std::fs::read_to_string(path).map_err(|e| {
            LdpError::usage(format!("cannot read --docs-from {}: {e}", path.display()))
        })?
    };
    let mut docs = Vec::new();
    let mut bad = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let l = line.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        match parse_doc(l) {
            Ok(d) => docs.push(d),
            Err(_) => bad.push(format!("line {}: '{l}'", n + 1)),
        }
    }
    if !bad.is_empty() {
        let more = if bad.len() > 5 {
            format!(" and {} more", bad.len() - 5)
        } else {
            String::new()
        };
        bad.truncate(5);
        return Err(LdpError::usage(format!(
            "--docs-from {}: not document UUIDs: {}{more}",
            path.display(),
            bad.join(", ")
        )));
    }
    Ok(docs)
}
