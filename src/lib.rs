//! mitid-bot: prepares citizens for their MitID appointment at Borgerservice.
//!
//! # Layout
//! - [`domain`]: the MitID rules as pure functions (documents, witness, UserID, CPR, dates).
//!   No I/O, no texts: it returns facts the texts explain.
//! - [`dialogue`]: the flow from `dialogues/*.toml`, the conversation state, and the engine,
//!   a pure function `(state, input, now) -> (state, replies)`.
//! - [`i18n`]: Fluent bundles for da, en, de; every user-visible word is rendered here.
//! - [`faq`]: matches a typed question to an answer of the FAQ.
//! - [`content`]: the content files, embedded at build time or read from `--content-dir`.
//! - [`check`]: loads and cross-checks content into an engine, or `file:line: problem`s.
//! - [`clock`]: where "now" comes from (a fake one in tests).
//! - [`config`]: the operator's settings (file, `MITID_BOT_*`, defaults).
//! - [`stats`]: anonymous counters per Copenhagen day, in `<data_dir>/stats/*.json` (outside
//!   sled, so `mitid-bot stats` reads while the bot runs); the report over a range of days.
//! - [`storage`]: the conversation store (sled on disk, Redis for several instances, or
//!   memory): versioned records, durable writes, redelivered updates, retention, `/forget`
//!   and `claim_once`. Only it touches sled and Redis.
//! - [`conversation`]: the channel-free conversation service between the channels and the
//!   engine and store: `Key`, the one command parser, load → redelivery guard → step →
//!   count → reminders → durable save → render into a `Turn`; the background jobs
//!   (expiry, statistics, reminders through each channel's `Delivery`); health and metrics.
//!   Imports no channel.
//! - [`console`]: the terminal chat channel, on the service.
//! - [`telegram`]: the Telegram channel (teloxide): updates in, turns shown (the screen
//!   edited in place), reminders delivered.
//! - [`web`]: the web chat channel (axum): pages and forms, a cookie id, the calendar file.
//! - [`calendar`]: the appointment as an iCalendar file, for any channel.
//! - [`staff`]: deep links and QR posters for staff (`mitid-bot link`, `mitid-bot qr`);
//!   never opens the data directory.
//! - [`logging`]: tracing to stderr, with the bot token blanked.

pub mod calendar;
pub mod check;
pub mod clock;
pub mod config;
pub mod console;
pub mod content;
pub mod conversation;
pub mod dialogue;
pub mod domain;
pub mod faq;
pub mod i18n;
pub mod logging;
pub mod staff;
pub mod stats;
pub mod storage;
pub mod telegram;
pub mod web;
