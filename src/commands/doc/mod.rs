//! `ldp doc ...`: act on documents. [`retry`] re-enqueues failed ones.

pub mod retry;

pub use retry::{RetryOptions, retry};
