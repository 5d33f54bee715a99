//! The web chat: the same conversation as on Telegram, in a browser. `mitid-bot web
//! --listen ADDR` serves it alone, `mitid-bot run --web-listen ADDR` beside the bot.
//!
//! A page works without JavaScript: every button is a `<button>` in a `<form
//! method="post">`, typed input goes through a text field; `assets/chat.js` (our own,
//! no third-party code) sends the forms with fetch and appends the reply. A conversation
//! is a random 128-bit id in a cookie (`HttpOnly`, `SameSite=Strict`, `Secure` behind
//! HTTPS); the conversation service keeps its record like any other channel's.
//!
//! Must not: hold dialogue logic (the engine's), store or log what a person typed, the
//! cookie id or the client's address, serve anything from another site, or answer
//! `/healthz` and `/metrics` on the public listener unless `web_health = "on"`.

mod limits;
pub mod page;
mod server;

pub use limits::RateLimit;
pub use server::{accept_language, router, serve, BODY_LIMIT, COOKIE};

/// Messages the web chat uses besides the engine's; `check` makes sure they exist.
pub const MESSAGES: &[&str] = &[
    "web-title",
    "web-heading",
    "web-intro",
    "web-skip",
    "web-conversation",
    "web-you",
    "web-text-label",
    "web-text-hint",
    "web-send",
    "web-language",
    "web-new-window",
    "web-print",
    "web-calendar",
    "web-calendar-hint",
    "web-forget",
    "web-forget-hint",
    "web-forget-done-title",
    "web-forget-done",
    "web-start-again",
    "web-privacy-note",
    "web-busy-title",
    "web-busy",
    "web-too-long-title",
    "web-too-long",
    "web-not-found-title",
    "web-not-found",
    "web-no-appointment-title",
    "web-no-appointment",
    "web-back",
    "lang-da",
    "lang-en",
    "lang-de",
    "calendar-summary",
    "calendar-location",
    "calendar-description",
    "calendar-alarm-evening",
    "calendar-alarm-soon",
];
