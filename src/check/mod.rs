//! Checks with verdicts, shared by `ldp monitor health` and `ldp doctor`:
//! the model (a [`Check`] is one OK/WARNING/CRITICAL/UNKNOWN verdict, a
//! [`CheckReport`] a run of them, the worst status winning), its renderers
//! (table, JSON, Nagios, Prometheus) and the checks both commands run
//! (cluster state and slot coverage).

pub mod cluster;
mod model;
mod render;

pub use crate::exit::Status;
pub use model::{Check, CheckReport, Perf, by_threshold};
