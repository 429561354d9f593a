//! Shell completions and man pages, generated from the clap definitions so
//! they cannot drift from the parser (`cargo run --example gen-docs`).

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use clap_complete::Shell;

/// The completion script for one shell, without the hidden (internal)
/// options: clap_complete's scripts offer every option, hidden or not.
pub fn write_completions(shell: Shell, w: &mut dyn Write) {
    let mut cmd = crate::cli::command();
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "ldp", &mut script);
    let mut hidden = Vec::new();
    hidden_longs(&cmd, &mut hidden);
    let text = String::from_utf8_lossy(&script);
    let _ = w.write_all(strip_options(&text, &hidden).as_bytes());
}

/// The long names of every hidden option in the command tree.
fn hidden_longs(cmd: &clap::Command, out: &mut Vec<String>) {
    for a in cmd.get_arguments() {
        if let (true, Some(long)) = (a.is_hide_set(), a.get_long())
            && !out.iter().any(|l| l == long)
        {
            out.push(long.to_string());
        }
    }
    for sub in cmd.get_subcommands() {
        hidden_longs(sub, out);
    }
}

/// A completion script without the options `longs`: their candidate lines
/// (zsh `'--x=[..]`, fish `-l x`, elvish `cand --x`, PowerShell
/// `::new('--x'`), their word in bash's `opts`, and bash's `--x)` case.
fn strip_options(script: &str, longs: &[String]) -> String {
    let mut out = String::with_capacity(script.len());
    let mut in_case = false;
    for line in script.split_inclusive('\n') {
        let t = line.trim();
        if in_case {
            in_case = t != ";;";
            continue;
        }
        let mut line = line.to_string();
        let mut drop = false;
        for l in longs {
            let flag = format!("--{l}");
            if t == format!("{flag})") {
                in_case = true;
                drop = true;
            }
            drop |= t.starts_with(&format!("'{flag}=")) || t.starts_with(&format!("'{flag}["));
            drop |= t.starts_with(&format!("cand {flag} "));
            drop |= t.contains(&format!("::new('{flag}',"));
            drop |= t.starts_with("complete -c ") && t.contains(&format!(" -l {l} "));
            if t.starts_with("opts=\"") {
                line = line.replace(&format!(" {flag} "), " ");
            }
        }
        if !drop {
            out.push_str(&line);
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completions_leave_out_hidden_options() {
        for shell in [
            Shell::Bash,
            Shell::Zsh,
            Shell::Fish,
            Shell::Elvish,
            Shell::PowerShell,
        ] {
            let mut buf = Vec::new();
            write_completions(shell, &mut buf);
            let text = String::from_utf8(buf).unwrap();
            assert!(!text.contains("supervise"), "{shell}");
            assert!(!text.contains("(internal)"), "{shell}");
            assert!(text.contains("detach"), "{shell}");
            assert!(text.contains("cluster"), "{shell}");
        }
    }
}
