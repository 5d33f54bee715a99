//! Deep links into the bot: `https://t.me/<bot>?start=<lang>[-<topic>]`.

use super::{StaffError, TOPICS};
use crate::i18n::Lang;

/// The link that opens the bot in `lang`, at `topic` when given:
/// `https://t.me/aabenraa_mitid_bot?start=de-witness`.
///
/// `bot_username` may start with `@`. An unknown topic or a name Telegram would not accept
/// for a bot is an error that says what is allowed.
pub fn deep_link(
    bot_username: &str,
    lang: Lang,
    topic: Option<&str>,
) -> Result<String, StaffError> {
    let bot = validate_bot_username(bot_username)?;
    let payload = match topic {
        None => lang.code().to_string(),
        Some(t) => format!("{}-{}", lang.code(), validate_topic(t)?),
    };
    Ok(format!("https://t.me/{bot}?start={payload}"))
}

/// One of [`TOPICS`], exactly as written there.
pub fn validate_topic(topic: &str) -> Result<&str, StaffError> {
    if TOPICS.contains(&topic) {
        Ok(topic)
    } else {
        Err(StaffError::UnknownTopic(topic.to_string()))
    }
}

/// `da`, `en` or `de`, exactly (no region: the code goes into a printed link).
pub fn parse_lang(code: &str) -> Result<Lang, StaffError> {
    Lang::ALL
        .into_iter()
        .find(|l| l.code() == code)
        .ok_or_else(|| StaffError::UnknownLanguage(code.to_string()))
}

/// The username without a leading `@`, if Telegram would accept it for a bot: 5 to 32
/// characters, letters a–z (either case), digits and underscores, starting with a letter and
/// ending in "bot" (case does not matter).
pub fn validate_bot_username(name: &str) -> Result<&str, StaffError> {
    let bare = name.trim().strip_prefix('@').unwrap_or(name.trim());
    let bad = |reason| StaffError::BadBotUsername {
        name: name.to_string(),
        reason,
    };
    let len = bare.chars().count();
    if !(5..=32).contains(&len) {
        return Err(bad("it must be 5 to 32 characters long"));
    }
    if !bare.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(bad("only letters a-z, digits and _ are allowed"));
    }
    if !bare.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Err(bad("it must start with a letter"));
    }
    if !bare.to_ascii_lowercase().ends_with("bot") {
        return Err(bad("a bot's username ends in \"bot\""));
    }
    Ok(bare)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOT: &str = "aabenraa_mitid_bot";

    #[test]
    fn links_for_a_language_and_a_topic() {
        assert_eq!(
            deep_link(BOT, Lang::De, None).unwrap(),
            "https://t.me/aabenraa_mitid_bot?start=de"
        );
        assert_eq!(
            deep_link(BOT, Lang::De, Some("witness")).unwrap(),
            "https://t.me/aabenraa_mitid_bot?start=de-witness"
        );
        assert_eq!(
            deep_link("@aabenraa_mitid_bot", Lang::Da, Some("book")).unwrap(),
            "https://t.me/aabenraa_mitid_bot?start=da-book"
        );
    }

    #[test]
    fn every_topic_makes_a_link_within_telegrams_start_limit() {
        for lang in Lang::ALL {
            for topic in TOPICS {
                let link = deep_link(BOT, lang, Some(topic)).unwrap();
                let payload = link.split_once("?start=").unwrap().1;
                assert_eq!(payload, format!("{}-{topic}", lang.code()));
                // Telegram: 1-64 characters from A-Z, a-z, 0-9, _ and -.
                assert!(payload.len() <= 64);
                assert!(payload
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'));
            }
        }
    }

    #[test]
    fn an_unknown_topic_names_the_valid_ones() {
        for topic in ["Witness", "wittness", "", "menu", "de-witness"] {
            let err = deep_link(BOT, Lang::En, Some(topic)).unwrap_err();
            assert_eq!(err, StaffError::UnknownTopic(topic.to_string()));
            let text = err.to_string();
            for t in TOPICS {
                assert!(text.contains(t), "{text}");
            }
        }
    }

    #[test]
    fn bot_usernames() {
        let ok = [
            ("aabenraa_mitid_bot", "aabenraa_mitid_bot"),
            ("@aabenraa_mitid_bot", "aabenraa_mitid_bot"),
            ("AabenraaBot", "AabenraaBot"),
            ("a_bot", "a_bot"),
            ("mitid_BOT", "mitid_BOT"),
        ];
        for (name, want) in ok {
            assert_eq!(validate_bot_username(name).unwrap(), want);
        }
        let longest = format!("{}bot", "a".repeat(29)); // 32 characters
        assert_eq!(validate_bot_username(&longest).unwrap(), longest);
        let bad = [
            "bot",                             // too short
            "@abot",                           // too short without the @
            &format!("{}bot", "a".repeat(30)), // 33 characters
            "aabenraa_mitid",                  // no "bot" at the end
            "aabenraa-mitid-bot",              // hyphen
            "aabenraa mitid bot",              // space
            "ålborg_bot",                      // not a-z
            "1kommune_bot",                    // starts with a digit
            "_kommune_bot",                    // starts with _
            "",
        ];
        for name in bad {
            let err = validate_bot_username(name).unwrap_err();
            assert!(
                matches!(err, StaffError::BadBotUsername { .. }),
                "{name}: {err:?}"
            );
            assert!(err.to_string().contains("bot_username"));
        }
        assert!(deep_link("aabenraa-mitid-bot", Lang::Da, None).is_err());
    }

    #[test]
    fn languages_are_exact_codes() {
        assert_eq!(parse_lang("de").unwrap(), Lang::De);
        assert_eq!(parse_lang("da").unwrap(), Lang::Da);
        assert_eq!(parse_lang("en").unwrap(), Lang::En);
        for code in ["fr", "DE", "de-DE", "", "german"] {
            assert_eq!(
                parse_lang(code).unwrap_err(),
                StaffError::UnknownLanguage(code.to_string())
            );
        }
    }
}
