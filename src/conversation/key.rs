//! Which conversation: a channel and the channel's own id for it, and how the store writes
//! that down ([`Key::encode`]).
//!
//! Must not: be logged (a key says whose conversation a line is about).

/// The channels a conversation can come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Channel {
    Telegram,
    Terminal,
    Web,
}

impl Channel {
    /// The channel's name in logs.
    pub fn name(self) -> &'static str {
        match self {
            Channel::Telegram => "telegram",
            Channel::Terminal => "terminal",
            Channel::Web => "web",
        }
    }

    /// Whether the channel can send a message unasked (a reminder). A web page cannot;
    /// the one terminal conversation has no one to send to.
    pub fn can_push(self) -> bool {
        match self {
            Channel::Telegram => true,
            Channel::Terminal | Channel::Web => false,
        }
    }

    /// Whether the flow may promise reminders sent as messages ([`State::can_push`]).
    /// The web chat offers a calendar file instead. The terminal chat shows the flow as it
    /// is on Telegram, since staff try the Telegram flow there.
    ///
    /// [`State::can_push`]: crate::dialogue::State::can_push
    pub fn promises_reminders(self) -> bool {
        match self {
            Channel::Telegram | Channel::Terminal => true,
            Channel::Web => false,
        }
    }
}

/// Which conversation: the channel it came from and the channel's own id for it
/// (Telegram's chat id in decimal, the web chat's random cookie id, nothing for the one
/// terminal conversation). Never logged.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub channel: Channel,
    pub id: String,
}

impl Key {
    /// A Telegram chat.
    pub fn telegram(chat: i64) -> Key {
        Key {
            channel: Channel::Telegram,
            id: chat.to_string(),
        }
    }

    /// A web conversation, by the random id in its cookie.
    pub fn web(id: String) -> Key {
        Key {
            channel: Channel::Web,
            id,
        }
    }

    /// The terminal's one conversation (kept only with a data directory).
    pub fn terminal() -> Key {
        Key {
            channel: Channel::Terminal,
            id: String::new(),
        }
    }

    /// Telegram's chat id, for a Telegram conversation.
    pub fn telegram_chat(&self) -> Option<i64> {
        match self.channel {
            Channel::Telegram => self.id.parse().ok(),
            _ => None,
        }
    }

    /// How the stores write the key: a Telegram chat as its id in decimal, exactly as
    /// conversations were kept before they had a channel (so Redis' keys of that time are
    /// Telegram conversations as they are); `web:<id>`; `terminal`. A decimal never starts
    /// with a letter, so the forms cannot meet.
    pub fn encode(&self) -> String {
        match self.channel {
            Channel::Telegram => self.id.clone(),
            Channel::Web => format!("web:{}", self.id),
            Channel::Terminal => "terminal".into(),
        }
    }

    /// The key [`Key::encode`] wrote; `None` for anything else.
    pub fn decode(text: &str) -> Option<Key> {
        if let Some(id) = text.strip_prefix("web:") {
            return Some(Key::web(id.to_string()));
        }
        if text == "terminal" {
            return Some(Key::terminal());
        }
        text.parse::<i64>().ok().map(Key::telegram)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_reads_back_as_written_and_telegram_keeps_its_old_form() {
        for key in [
            Key::telegram(42),
            Key::telegram(-100_200_300),
            Key::web("Zx9-_:q".into()),
            Key::web(String::new()),
            Key::terminal(),
        ] {
            assert_eq!(Key::decode(&key.encode()), Some(key.clone()), "{key:?}");
        }
        assert_eq!(Key::telegram(42).encode(), "42");
        assert_eq!(Key::web("abc".into()).encode(), "web:abc");
        assert_eq!(Key::decode("42"), Some(Key::telegram(42)));
        assert_eq!(Key::decode("sms:1"), None);
        assert_eq!(Key::decode("4x2"), None);
        assert_eq!(Key::telegram(42).telegram_chat(), Some(42));
        assert_eq!(Key::web("42".into()).telegram_chat(), None);
    }
}
