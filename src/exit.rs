//! The exit policy: every way a run of ldp can end, and the code each means.
//! Commands return an [`Exit`]; only `main` turns it into a process code, so
//! no command carries a numeric literal.

use std::process::ExitCode;

use serde::Serialize;

/// Monitoring-plugins status (Nagios, Icinga), in exit-code order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Status {
    Ok,
    Warning,
    Critical,
    Unknown,
}

impl Status {
    /// Which of two statuses wins: CRITICAL > WARNING > UNKNOWN > OK.
    fn rank(self) -> u8 {
        match self {
            Status::Ok => 0,
            Status::Unknown => 1,
            Status::Warning => 2,
            Status::Critical => 3,
        }
    }

    pub fn worst(self, other: Status) -> Status {
        if other.rank() > self.rank() {
            other
        } else {
            self
        }
    }

    /// The plugin code (0-3), also the value of the Prometheus status gauge.
    pub fn code(self) -> u8 {
        Exit::Health(self).code()
    }

    pub fn name(self) -> &'static str {
        match self {
            Status::Ok => "OK",
            Status::Warning => "WARNING",
            Status::Critical => "CRITICAL",
            Status::Unknown => "UNKNOWN",
        }
    }
}

/// How a run ended. The README's exit-code table is this enum.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: done.
    Ok,
    /// 1: the work ran and failed, in part or whole, or the operator declined.
    Failure,
    /// 2: a bad flag or value, or a refusal; nothing was changed.
    Usage,
    /// 69 (EX_UNAVAILABLE): a server could not be reached.
    Unavailable,
    /// 75 (EX_TEMPFAIL): the lock is held by someone else.
    LockBusy,
    /// 76: the lock was lost while held (the child was stopped).
    LockLost,
    /// 130: Ctrl-C, after what was in flight was finished or rolled back.
    Interrupted,
    /// 128+N: ended by signal N (SIGTERM, SIGHUP) the same way.
    Signal(i32),
    /// `lock run`: the command's own code, or `--conflict-exit-code`.
    Child(u8),
    /// `monitor health`: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
    Health(Status),
}

impl Exit {
    pub fn code(self) -> u8 {
        match self {
            Exit::Ok => 0,
            Exit::Failure => 1,
            Exit::Usage => 2,
            Exit::Unavailable => 69,
            Exit::LockBusy => 75,
            Exit::LockLost => 76,
            Exit::Interrupted => 130,
            Exit::Signal(n) => u8::try_from(128 + n.clamp(1, 127)).unwrap_or(255),
            Exit::Child(c) => c,
            Exit::Health(Status::Ok) => 0,
            Exit::Health(Status::Warning) => 1,
            Exit::Health(Status::Critical) => 2,
            Exit::Health(Status::Unknown) => 3,
        }
    }

    /// The end of a run stopped by signal `sig`: SIGINT is 130, others 128+N.
    pub fn from_signal(sig: i32) -> Exit {
        if sig == libc::SIGINT {
            Exit::Interrupted
        } else {
            Exit::Signal(sig)
        }
    }

    /// Ok when nothing failed, else Failure.
    pub fn failed_if(failed: bool) -> Exit {
        if failed { Exit::Failure } else { Exit::Ok }
    }
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_the_documented_ones() {
        assert_eq!(Exit::Ok.code(), 0);
        assert_eq!(Exit::Usage.code(), 2);
        assert_eq!(Exit::Unavailable.code(), 69);
        assert_eq!(Exit::from_signal(libc::SIGINT).code(), 130);
        assert_eq!(Exit::from_signal(libc::SIGTERM).code(), 143);
        assert_eq!(Exit::Health(Status::Unknown).code(), 3);
        assert_eq!(Status::Ok.worst(Status::Unknown), Status::Unknown);
        assert_eq!(Status::Critical.worst(Status::Warning), Status::Critical);
    }
}
