//! Staff tools: the deep links and QR posters that point citizens to the bot in the right
//! language and at the right topic (`mitid-bot link`, `mitid-bot qr`).
//!
//! A deep link is `https://t.me/<bot>?start=<lang>` or `...?start=<lang>-<topic>`; the
//! Telegram adapter reads the payload as `/start <lang>-<topic>`.
//!
//! Must not: open the data directory or talk to Telegram (staff run these while the bot
//! runs, and sled allows one process per directory), or rename a topic in [`TOPICS`]:
//! topics are printed on posters.

mod link;
mod qr;

pub use link::{deep_link, parse_lang, validate_bot_username, validate_topic};
pub use qr::{qr_png, qr_svg, OutputFormat, PNG_PX_PER_MODULE, QUIET_ZONE};

/// The topics a deep link may name. Each is an entry of `[flow.entries]` in
/// `dialogues/main.toml` (a test makes sure). Printed on posters: never rename one.
pub const TOPICS: &[&str] = &[
    "prepare",
    "home",
    "documents",
    "witness",
    "device",
    "userid",
    "faq",
    "book",
];

/// Messages the staff tools use; `check` makes sure they exist in every locale.
pub const MESSAGES: &[&str] = &["qr-caption", "qr-caption-home"];

/// The caption under a poster's QR code: the topic's own (`qr-caption-home`: "maybe you
/// do not need to wait", for the lobby) or the general one.
pub fn caption_id(topic: Option<&str>) -> &'static str {
    match topic {
        Some("home") => "qr-caption-home",
        _ => "qr-caption",
    }
}

/// What can go wrong when staff ask for a link or a poster. Every message says what to do.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StaffError {
    #[error("unknown topic `{0}`: use one of {topics}", topics = TOPICS.join(", "))]
    UnknownTopic(String),
    #[error("unknown language `{0}`: use da, en or de")]
    UnknownLanguage(String),
    #[error(
        "bot_username is not set: add `bot_username = \"your_bot\"` to the settings file \
         (--config) or set MITID_BOT_BOT_USERNAME"
    )]
    NoBotUsername,
    #[error("bot_username `{name}` is not a Telegram bot username: {reason}")]
    BadBotUsername { name: String, reason: &'static str },
    #[error("cannot tell the picture format from `{0}`: the file name must end in .svg or .png")]
    UnknownFormat(String),
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::ContentSource;
    use crate::i18n::Globals;

    #[test]
    fn every_topic_is_an_entry_of_the_flow() {
        let engine = crate::check::load(&ContentSource::embedded(), Globals::default())
            .expect("the embedded content loads");
        for topic in TOPICS {
            assert!(
                engine.flow.entries.contains_key(*topic),
                "topic `{topic}` is not in [flow.entries]"
            );
        }
    }
}
