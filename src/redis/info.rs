//! `INFO`, parsed: every section's fields by name, numbers on request.

use std::collections::HashMap;

use anyhow::{Context, Result};

use super::Node;

/// `INFO` as a map (every section).
pub type Info = HashMap<String, String>;

pub fn parse_info(text: &str) -> Info {
    text.lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

/// A numeric INFO field.
pub fn num(info: &Info, k: &str) -> Option<f64> {
    info.get(k).and_then(|v| v.parse().ok())
}

pub async fn info(node: &Node) -> Result<Info> {
    let text: String = node
        .read(&redis::cmd("INFO").arg("everything").to_owned())
        .await
        .with_context(|| format!("INFO on {}", node.label))?;
    Ok(parse_info(&text))
}
