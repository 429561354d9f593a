//! The thin binary: hand the command line to [`ldp::app`], exit as it says.

use std::process::ExitCode;

fn main() -> ExitCode {
    ldp::app::main(std::env::args_os().collect(), &ldp::config::ProcessEnv).into()
}
