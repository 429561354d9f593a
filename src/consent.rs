//! The one consent gate every destructive path passes: `--dry-run` changes
//! nothing, a person at a terminal is asked (default no), `--yes` goes ahead,
//! and off a terminal without `--yes` the command is refused before it
//! touches a server. A command can only ask its question once admitted, so
//! no destructive path can skip the gate. The audit trail hangs off it too:
//! a run admitted to change things (not a dry run) gets one audit entry,
//! with the counts the command gives the gate's journal and the answer at
//! the prompt.

use anyhow::Result;

use crate::audit::Journal;
use crate::error::LdpError;
use crate::output::Output;

/// What the operator's flags allow, as the options boundary read them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Consent {
    pub dry_run: bool,
    pub yes: bool,
}

/// A command past the gate: it may now ask its question.
#[derive(Debug, Clone, Copy)]
pub struct Admitted<'a> {
    pub dry_run: bool,
    yes: bool,
    interactive: bool,
    journal: &'a Journal,
}

impl Consent {
    pub fn new(dry_run: bool, yes: bool) -> Consent {
        Consent { dry_run, yes }
    }

    /// A destructive command: refused (exit 2) off a terminal without `--yes`
    /// unless it is a dry run. `verb` completes "refusing to ...".
    pub fn admit<'a>(self, out: &Output, journal: &'a Journal, verb: &str) -> Result<Admitted<'a>> {
        if !self.dry_run && !self.yes && !out.interactive() {
            return Err(LdpError::usage(format!(
                "refusing to {verb} without --yes when not on a terminal (try --dry-run first)"
            )));
        }
        if !self.dry_run {
            journal.begin();
        }
        Ok(self.admitted(out, journal))
    }

    /// A command that only asks on a terminal (a large import): off one it
    /// goes ahead without asking.
    pub fn admit_unattended<'a>(self, out: &Output, journal: &'a Journal) -> Admitted<'a> {
        self.admitted(out, journal)
    }

    fn admitted<'a>(self, out: &Output, journal: &'a Journal) -> Admitted<'a> {
        Admitted {
            dry_run: self.dry_run,
            yes: self.yes,
            interactive: out.interactive(),
            journal,
        }
    }
}

impl<'a> Admitted<'a> {
    /// The run's journal: what the operator named, what matched and what
    /// changed, for the audit entry.
    pub fn journal(&self) -> &'a Journal {
        self.journal
    }

    /// Whether to go ahead with the change described by `question`: never on
    /// a dry run; with `--yes` without asking; else the person's answer.
    pub fn confirm(&self, out: &Output, question: &str) -> Result<bool> {
        if self.dry_run {
            return Ok(false);
        }
        if self.yes || !self.interactive {
            return Ok(true);
        }
        let yes = out.confirm(question)?;
        if !yes {
            self.journal.declined();
        }
        Ok(yes)
    }

    /// Whether `confirm` would ask (the caller shows what would change first).
    pub fn will_ask(&self) -> bool {
        !self.dry_run && !self.yes && self.interactive
    }
}

impl Admitted<'_> {
    /// Open `--backup FILE` before anything changes: `None` without the flag
    /// and on a dry run (which writes no file). An existing file, or one that
    /// cannot be created, refuses the command (exit 2, naming --backup), so
    /// a backup never overwrites another and nothing is deleted unbacked.
    pub fn backup(
        &self,
        path: Option<&std::path::Path>,
        header: &crate::backup::Header,
    ) -> Result<Option<crate::backup::Writer>> {
        let Some(path) = path else { return Ok(None) };
        if self.dry_run {
            return Ok(None);
        }
        crate::backup::Writer::create(path, header)
            .map(Some)
            .map_err(|e| {
                let why = if e.kind() == std::io::ErrorKind::AlreadyExists {
                    "it exists already (a backup never overwrites a file)".to_string()
                } else {
                    e.to_string()
                };
                LdpError::usage(format!(
                    "cannot create --backup {}: {why}; nothing deleted",
                    path.display()
                ))
            })
    }
}
