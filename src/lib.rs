//! ldp: the operator's command line for the legal-document pipeline's Redis.
//!
//! A library with a thin binary, so tests and benchmarks can call the logic
//! directly. Data flows one way: `cli` -> `config` -> `commands` ->
//! (`keyspace`, `redis`, `celery`) -> `output`.

pub mod app;
pub mod audit;
pub mod backup;
pub mod biggest;
pub mod broker;
pub mod bytes;
pub mod check;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod config;
pub mod consent;
pub mod docs;
pub mod error;
pub mod exit;
pub mod fold;
pub mod glob;
pub mod host;
pub mod intake;
pub mod keyspace;
pub mod options;
pub mod output;
pub mod pipeline;
pub mod redact;
pub mod redis;
pub mod sandbox;
pub mod secret;
pub mod settings;
