//! `ldp config show`: every setting ldp runs with, its value (secrets only
//! as `set`/`unset`, URLs without their password) and where it came from,
//! as `config::resolve` recorded it while resolving: one source of truth
//! for the precedence rules.

use anyhow::Result;
use serde::Serialize;

use crate::commands::Ctx;
use crate::exit::Exit;
use crate::output::{Output, Report};
use crate::settings::Origin;

/// One row: stable field names for scripts.
#[derive(Debug, Serialize)]
struct Row {
    setting: &'static str,
    value: String,
    /// `flag --url`, `env REDIS_URL`, `env-file PATH (VAR)`, `profile NAME (FILE)`, `default`.
    source: String,
    /// `flag`, `ldp-env`, `env`, `env-file`, `profile` or `default`.
    kind: &'static str,
}

/// The whole report: one JSON object.
#[derive(Debug, Serialize)]
struct ConfigReport {
    settings: Vec<Row>,
}

impl ConfigReport {
    fn of(origins: &[Origin]) -> ConfigReport {
        ConfigReport {
            settings: origins
                .iter()
                .map(|o| Row {
                    setting: o.setting,
                    value: o.value.clone(),
                    source: o.source.to_string(),
                    kind: o.source.kind(),
                })
                .collect(),
        }
    }
}

impl Report for ConfigReport {
    fn text(&self, out: &Output) -> String {
        let mut t = out.table(&["setting", "value", "source"]);
        t.whole(&[0]);
        for r in &self.settings {
            t.add_row(vec![
                r.setting.to_string(),
                r.value.clone(),
                r.source.clone(),
            ]);
        }
        format!("{t}\n")
    }
}

/// `ldp config show`: no server is contacted.
pub fn show(ctx: &Ctx) -> Result<Exit> {
    ctx.out.print(&ConfigReport::of(&ctx.settings.provenance))?;
    Ok(Exit::Ok)
}
