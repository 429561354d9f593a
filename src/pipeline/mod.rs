//! Knowledge of the pipeline shared by commands: its ids and its stored values.

pub mod ids;
pub mod ldp_batch;
pub mod stored;
pub mod verdict;
