//! The Celery broker over kombu's Redis transport: its key [`layout`], the
//! protocol-v2 [`task`] messages ldp sends, and the [`queues`]' statistics.

pub mod layout;
pub mod message;
pub mod queues;
pub mod task;

pub use layout::BrokerLayout;
