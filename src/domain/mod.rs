//! The MitID rules of `shared/domain/mitid-rules.md`, as pure functions.
//!
//! Must not: do I/O, hold user-visible words, or know about Telegram or the dialogue.
