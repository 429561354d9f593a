//! The thin binary: parse, build the context, dispatch, map errors to exit codes.

use std::process::ExitCode;

use clap::Parser;

use ldp::cli::{Cli, Command, MonitorCommand, OutputFormat};
use ldp::commands::{self, Ctx};
use ldp::config::{self, ProcessEnv};
use ldp::error::{self, Exit};
use ldp::output::Output;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => return clap_error(&e, health_argv()),
    };
    if let Command::Completions { shell } = &cli.command {
        ldp::docs::write_completions(*shell, &mut std::io::stdout());
        return ExitCode::SUCCESS;
    }
    // `monitor health` follows the monitoring-plugins convention: a usage
    // error is UNKNOWN (3), in the plugin's one-line format when asked.
    let health = matches!(cli.command, Command::Monitor(MonitorCommand::Health(_)));
    let nagios = cli.global.output == Some(OutputFormat::Nagios);
    let report = |e: &anyhow::Error| {
        if health {
            let line = error::one_line(e);
            if nagios {
                println!("LDP UNKNOWN - {line}");
            } else {
                eprintln!("ldp: {line}");
            }
            ExitCode::from(3)
        } else {
            report(e)
        }
    };
    let settings = match config::resolve(&cli.global, &ProcessEnv) {
        Ok(s) => s,
        Err(e) => return report(&e),
    };
    let out = Output::new(settings.output, settings.color, settings.verbosity);
    let ctx = Ctx::new(settings, out);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => return report(&anyhow::Error::new(e).context("cannot start the runtime")),
    };
    match runtime.block_on(commands::dispatch(cli, &ctx)) {
        Ok(code) => code,
        Err(e) => report(&e),
    }
}

/// One line on stderr, the documented exit code.
fn report(e: &anyhow::Error) -> ExitCode {
    eprintln!("ldp: {}", error::one_line(e));
    ExitCode::from(error::exit_for(e).code())
}

/// clap's verdict: help and version go to stdout as clap renders them; a usage
/// error becomes one line naming the bad value, exit 2.
/// Whether the raw arguments ask for `monitor health` (for clap's own errors).
fn health_argv() -> bool {
    let args: Vec<String> = std::env::args().skip(1).collect();
    args.windows(2)
        .any(|w| w[0] == "monitor" && w[1] == "health")
}

fn clap_error(e: &clap::Error, health: bool) -> ExitCode {
    use clap::error::ErrorKind;
    if !e.use_stderr()
        || matches!(
            e.kind(),
            ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand
        )
    {
        let _ = e.print();
        return ExitCode::from(if e.use_stderr() {
            Exit::Usage.code()
        } else {
            0
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
    for l in &lines[1..] {
        if l.starts_with("[possible values") || l.starts_with("tip:") {
            msg = format!("{msg} {l}");
        }
    }
    eprintln!("ldp: {msg}");
    ExitCode::from(if health { 3 } else { Exit::Usage.code() })
}
