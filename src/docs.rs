//! Shell completions and man pages, generated from the clap definitions so
//! they cannot drift from the parser (`cargo run --example gen-docs`).

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use clap_complete::Shell;

/// The completion script for one shell.
pub fn write_completions(shell: Shell, w: &mut dyn Write) {
    clap_complete::generate(shell, &mut crate::cli::command(), "ldp", w);
}

/// Every generated file: (relative path, contents).
pub fn generated_files() -> Result<Vec<(String, Vec<u8>)>> {
    let mut files = Vec::new();
    for (shell, name) in [
        (Shell::Bash, "ldp.bash"),
        (Shell::Zsh, "_ldp"),
        (Shell::Fish, "ldp.fish"),
        (Shell::Elvish, "ldp.elv"),
        (Shell::PowerShell, "_ldp.ps1"),
    ] {
        let mut buf = Vec::new();
        write_completions(shell, &mut buf);
        files.push((format!("completions/{name}"), buf));
    }
    let mut cmd = crate::cli::command();
    cmd.build();
    man_pages(&cmd, "ldp", &mut files)?;
    Ok(files)
}

fn man_pages(cmd: &clap::Command, name: &str, files: &mut Vec<(String, Vec<u8>)>) -> Result<()> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone().name(name.to_string()))
        .render(&mut buf)
        .with_context(|| format!("rendering the man page of {name}"))?;
    files.push((format!("man/{name}.1"), buf));
    for sub in cmd.get_subcommands() {
        if sub.get_name() == "help" {
            continue;
        }
        man_pages(sub, &format!("{name}-{}", sub.get_name()), files)?;
    }
    Ok(())
}

/// Write every generated file under `root`.
pub fn write_all(root: &Path) -> Result<()> {
    for (rel, data) in generated_files()? {
        let path = root.join(&rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
        std::fs::write(&path, data).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}
