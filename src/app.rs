//! One run, from the command line to the exit: parse, resolve the settings,
//! turn the arguments into plain options (all validated before anything
//! connects), run the command, and report a failure by one policy.

use std::ffi::OsString;

use anyhow::Result;
use clap::FromArgMatches;

use crate::cli::{Cli, Command};
use crate::commands::{self, Ctx};
use crate::config::{self, Env};
use crate::error::{self, LdpError};
use crate::exit::{Exit, Status};
use crate::output::{Output, OutputFormat};

/// How a failure is reported: `monitor health` (and `doctor`) is a monitoring plugin (a
/// failure is UNKNOWN, 3), and with `-o nagios` the reason goes to stdout in
/// the plugin's one-line format, where Nagios reads it.
#[derive(Debug, Clone, Copy, Default)]
struct Failure {
    plugin: bool,
    nagios: bool,
}

impl Failure {
    /// What the command line asks for, read leniently, so that even a flag
    /// clap rejects is reported the way the caller expects.
    fn from_args(args: &[OsString], env: &dyn Env) -> Failure {
        let m = crate::cli::command()
            .ignore_errors(true)
            .try_get_matches_from(args)
            .ok();
        // A monitoring plugin is a command that renders Nagios output.
        let plugin = m.as_ref().is_some_and(|m| {
            crate::commands::meta::of(&path(m))
                .is_some_and(|c| c.formats.contains(&OutputFormat::Nagios))
        });
        // Another command keeps its own convention even with `-o nagios` (it
        // refuses the format, exit 2); one clap could not name is a plugin's.
        let known = m.as_ref().is_some_and(|m| m.subcommand_name().is_some()) && !plugin;
        let named = |f: Option<&OutputFormat>| f == Some(&OutputFormat::Nagios);
        let flag = m
            .as_ref()
            .and_then(|m| leaf(m).get_one::<OutputFormat>("output").copied());
        let nagios = match flag {
            Some(f) => named(Some(&f)),
            None => env
                .var("LDP_OUTPUT")
                .is_some_and(|v| v.trim().eq_ignore_ascii_case("nagios")),
        };
        Failure {
            plugin,
            nagios: nagios && !known,
        }
    }

    fn report(self, e: &anyhow::Error) -> Exit {
        let line = error::one_line(e);
        if self.nagios {
            println!("LDP UNKNOWN - {line}");
            return Exit::Health(Status::Unknown);
        }
        eprintln!("ldp: {line}");
        if self.plugin {
            Exit::Health(Status::Unknown)
        } else {
            error::exit_for(e)
        }
    }
}

/// The deepest subcommand's matches (global flags are propagated there).
/// The subcommand path the matches name (`monitor health`).
fn path(m: &clap::ArgMatches) -> String {
    let mut names = Vec::new();
    let mut m = m;
    while let Some((n, sub)) = m.subcommand() {
        names.push(n);
        m = sub;
    }
    names.join(" ")
}

fn leaf(m: &clap::ArgMatches) -> &clap::ArgMatches {
    match m.subcommand() {
        Some((_, sub)) => leaf(sub),
        None => m,
    }
}

/// Run ldp with these arguments (the first is the program name).
pub fn main(args: Vec<OsString>, env: &dyn Env) -> Exit {
    // The lenient second parse happens only when there is a failure to report.
    let report = |e: anyhow::Error| Failure::from_args(&args, env).report(&e);
    let cli = match crate::cli::command().try_get_matches_from(&args) {
        Ok(m) => match Cli::from_arg_matches(&m) {
            Ok(c) => c,
            Err(e) => return clap_verdict(&e).unwrap_or_else(report),
        },
        Err(e) => return clap_verdict(&e).unwrap_or_else(report),
    };
    match run(cli, &args, env) {
        Ok(exit) => exit,
        Err(e) => report(e),
    }
}

fn run(cli: Cli, args: &[OsString], env: &dyn Env) -> Result<Exit> {
    if let Command::Completions { shell } = &cli.command {
        // Into memory first: clap_complete panics on a closed pipe (`| head`).
        let mut script = Vec::new();
        crate::docs::write_completions(*shell, &mut script);
        crate::output::write_stdout(&script)?;
        return Ok(Exit::Ok);
    }
    let settings = config::resolve(&cli.global, env)?;
    let action = crate::options::action(cli.command)?;
    let out = Output::new(settings.output, settings.color, settings.verbosity);
    let ctx = Ctx::new(settings, out).with_command(args);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| anyhow::Error::new(e).context("cannot start the runtime"))?;
    runtime.block_on(commands::run(action, &ctx))
}

/// clap's verdict: help and version print as clap renders them (exit 0); a
/// usage error becomes one line naming the bad value (the caller's policy
/// decides where it goes and the code).
fn clap_verdict(e: &clap::Error) -> Result<Exit> {
    use clap::error::ErrorKind;
    if !e.use_stderr()
        || matches!(
            e.kind(),
            ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand
        )
    {
        let _ = e.print();
        return Ok(if e.use_stderr() {
            Exit::Usage
        } else {
            Exit::Ok
        });
    }
    let text = e.render().to_string();
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let first = lines.first().copied().unwrap_or("invalid arguments");
    let mut msg = first.strip_prefix("error: ").unwrap_or(first).to_string();
    if msg.ends_with(':')
        && let Some(next) = lines.get(1)
    {
        msg = format!("{msg} {next}");
    }
    // clap puts the possible values and a tip on lines of their own; they name the fix.
    for l in lines.iter().skip(1) {
        if l.starts_with("[possible values") || l.starts_with("tip:") {
            msg = format!("{msg} {l}");
        }
    }
    Err(LdpError::usage(msg))
}
