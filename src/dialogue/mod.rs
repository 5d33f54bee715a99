//! The dialogue: the flow loaded from `dialogues/`, the state of one conversation, and the
//! engine, a pure function `(state, input, now) -> (state, replies)`.
//!
//! Must not: do I/O, read a clock, or know about Telegram or the terminal. Replies are data
//! (message ids, arguments, buttons); adapters render them.

pub mod derive;
pub mod engine;
pub mod flow;
pub mod reminders;
pub mod state;

pub use engine::{Button, ButtonAction, Command, Engine, Event, Input, Reply, Step};
pub use flow::{Flow, Outcome};
pub use state::{Fact, Facts, State};
