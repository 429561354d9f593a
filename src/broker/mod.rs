//! The Celery broker over kombu's Redis transport: its key [`layout`], the
//! protocol-v2 [`task`] messages ldp sends, the [`queues`]' statistics, and
//! the workers: their [`events`] and remote control over the [`pidbox`].

pub mod events;
pub mod layout;
pub mod message;
pub mod pidbox;
pub mod queues;
pub mod task;

pub use layout::BrokerLayout;
