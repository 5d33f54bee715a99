//! The message ids the service and the channels use besides the engine's, in one place
//! that imports no adapter, so `check` can require each in every locale (and
//! `tests/screens.rs` render each) without depending on Telegram.
//!
//! Must not: hold words (they are Fluent, in `locales/`).

/// Messages the conversation service itself says ([`super::Service::handle`]).
pub const SERVICE: &[&str] = &[
    "forget-done",
    "edited-message",
    "store-start-over",
    "store-failed",
    "store-lost",
];

/// Messages the Telegram adapter says: the pointer in a group, the bot's descriptions and
/// its command menu.
pub const TELEGRAM: &[&str] = &[
    "group-private-only",
    "bot-description",
    "bot-short-description",
    "cmd-start",
    "cmd-help",
    "cmd-menu",
    "cmd-language",
    "cmd-restart",
    "cmd-faq",
    "cmd-book",
    "cmd-userid",
    "cmd-witness",
    "cmd-checklist",
    "cmd-reminders",
    "cmd-privacy",
    "cmd-forget",
    "calendar-caption",
];

/// Who uses which messages, and where (for `check`'s `file: problem` lines).
pub const USERS: &[(&str, &str, &[&str])] = &[
    (
        "src/conversation/mod.rs",
        "the conversation service",
        SERVICE,
    ),
    ("src/telegram/mod.rs", "the Telegram front end", TELEGRAM),
];
