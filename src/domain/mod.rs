//! The MitID rules of `shared/domain/mitid-rules.md`, as pure functions.
//!
//! Must not: do I/O, hold user-visible words, or know about Telegram or the dialogue.
//!
//! # Layout
//! - [`cpr`]: does a text look like a CPR number (privacy warning, UserID rule).
//! - [`userid`]: the UserID rules: problems (rejected) and warnings (advice).
//! - [`documents`]: are the citizen's identity documents enough, and what is missing.
//! - [`time`]: reading a typed date and turning Copenhagen local time into UTC.
//! - [`when`]: reading a date and time as people write it in da/en/de (`torsdag kl 9`).
//! - [`witness`]: how likely a witness is needed, and whether a person can be one.

pub mod cpr;
pub mod documents;
pub mod time;
pub mod userid;
pub mod when;
pub mod witness;
