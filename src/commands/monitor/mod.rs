//! `ldp monitor ...`: read-only views of the running pipeline. Each monitor
//! takes one snapshot, or refreshes with `--watch DUR` through
//! [`run_watched`], which the other monitors share.

pub mod clients;
pub mod health;
pub mod memory;
pub mod queues;
pub mod stats;
pub mod workers;

use std::time::{Duration, SystemTime};

use anyhow::Result;

use crate::commands::Ctx;
use crate::error::{self, LdpError};
use crate::exit::Exit;
use crate::output::OutputFormat;
use crate::output::Report;

/// `--watch` and `--iterations`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Watch {
    pub watch: Option<Duration>,
    pub iterations: Option<u64>,
}

/// Check `--watch` against the output format before connecting anywhere.
pub fn check_watch(ctx: &Ctx, what: &str, w: &Watch) -> Result<()> {
    let Some(every) = w.watch else {
        return Ok(());
    };
    if every.is_zero() {
        return Err(LdpError::usage(
            "invalid --watch '0': must be greater than zero",
        ));
    }
    if ctx.out.format == OutputFormat::Json {
        return Err(LdpError::usage(format!(
            "'{what} --watch' prints one snapshot per refresh: use -o ndjson (one line each) or the table"
        )));
    }
    Ok(())
}

/// Print one snapshot, or with `--watch` one per interval until Ctrl-C (or
/// `--iterations`, or a closed stdout). A failing first snapshot fails the
/// command; later failures are reported on stderr and the watch goes on,
/// so a monitor survives a broker restart.
pub async fn run_watched<R, F>(ctx: &Ctx, what: &str, w: &Watch, mut snapshot: F) -> Result<Exit>
where
    R: Report,
    F: AsyncFnMut() -> Result<R>,
{
    check_watch(ctx, what, w)?;
    let out = &ctx.out;
    let Some(every) = w.watch else {
        out.print(&snapshot().await?)?;
        return Ok(Exit::Ok);
    };
    let mut ticker = tokio::time::interval(every);
    ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let ctrl_c = tokio::signal::ctrl_c();
    tokio::pin!(ctrl_c);
    let mut done = 0u64;
    loop {
        tokio::select! {
            _ = &mut ctrl_c => break,
            _ = ticker.tick() => {}
        }
        let snap = tokio::select! {
            _ = &mut ctrl_c => break,
            r = snapshot() => r,
        };
        match snap {
            Ok(r) => {
                let header = format!(
                    "{what}: every {}, {} (Ctrl-C to stop)",
                    humantime::format_duration(round_ms(every)),
                    humantime::format_rfc3339_seconds(SystemTime::now())
                );
                if !out.refresh(&r, &header)? {
                    break;
                }
            }
            Err(e) if done == 0 => return Err(e),
            Err(e) => out.warn(format!("refresh failed: {}", error::one_line(&e))),
        }
        done += 1;
        if w.iterations.is_some_and(|n| done >= n) {
            break;
        }
    }
    Ok(Exit::Ok)
}

fn round_ms(d: Duration) -> Duration {
    Duration::from_millis(d.as_millis() as u64)
}
