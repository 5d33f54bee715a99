//! Showing a turn on Telegram: the screen edited in place where that keeps the chat
//! clear, new messages otherwise, the buttons taken off a screen the conversation left
//! (ARCHITECTURE.md, "Screens and kept messages"); sending within Telegram's size and rate
//! limits (`limits.rs`), a 429 waited out with its `retry_after`; a chat that blocked the
//! bot forgotten.
//!
//! Must not: decide what to say (the service and the engine do), or log message text.

use chrono::{DateTime, Utc};
use teloxide::payloads::{EditMessageTextSetters, SendDocumentSetters, SendMessageSetters};
use teloxide::types::{ChatId, InputFile, MessageId};
use teloxide::{ApiError, RequestError};

use super::{render, split_text, App, Limiter, Priority, TgBot, MAX_TEXT};
use crate::conversation::Key;
use crate::dialogue::engine::Rendered;
use crate::i18n::{Lang, Msg};
use crate::storage::Screen;

/// Shows one update's replies: edits the screen in place where that keeps the chat clear,
/// sends new messages otherwise, and takes the buttons off a screen the conversation left
/// (see ARCHITECTURE.md, "Screens and kept messages"). `screen` is the message that shows
/// the screen now, `pressed` the message whose button was pressed (none for typed input).
/// Returns the message that shows the screen afterwards, or `None` when the user blocked
/// the bot (then everything held for the chat is deleted).
pub(super) async fn show<B: TgBot>(
    bot: &B,
    app: &App,
    chat: ChatId,
    screen: Option<Screen>,
    pressed: Option<MessageId>,
    replies: Vec<Rendered>,
    noticed: bool,
) -> Result<Option<Option<Screen>>, RequestError> {
    let mut current = screen;
    let mut left: Vec<Screen> = Vec::new();
    for (i, reply) in replies.into_iter().enumerate() {
        let text = reply.text;
        let keyboard = render::keyboard(&reply.buttons);
        // A notice (the first reply carries it) comes as a new message.
        let target = if i == 0 && !noticed {
            edit_target(current, pressed, reply.keep, &text)
        } else {
            None
        };
        if let Some(id) = target {
            match edit_retrying(bot, app.limiter.as_ref(), chat, id, &text, &keyboard).await {
                Ok(_) | Err(RequestError::Api(ApiError::MessageNotModified)) => {
                    current = keyboard.is_some().then_some(Screen {
                        message: id.0,
                        kept: false,
                    });
                    continue;
                }
                // Too old to edit, or deleted: the reply comes as a new message.
                Err(e) => tracing::debug!(error = %e, "could not edit the screen"),
            }
        }
        let Some(sent) = send_or_forget(
            bot,
            app,
            Priority::Interactive,
            chat,
            &text,
            keyboard.clone(),
        )
        .await?
        else {
            return Ok(None);
        };
        left.extend(current.take());
        current = keyboard.is_some().then_some(Screen {
            message: sent.0,
            kept: reply.keep,
        });
    }
    // After the new screen is out, so the chat is never without one.
    for old in left {
        if deletes_when_left(old, pressed)
            && bot
                .delete_message(chat, MessageId(old.message))
                .await
                .is_ok()
        {
            continue;
        }
        strip(bot, chat, old).await;
    }
    Ok(Some(current))
}

/// Edits the screen in place. Not limited (a tap changes the screen at once), but a 429 is
/// waited out and the edit tried again, rather than sent as a new message.
async fn edit_retrying<B: TgBot>(
    bot: &B,
    limiter: Option<&Limiter>,
    chat: ChatId,
    id: MessageId,
    text: &str,
    keyboard: &Option<teloxide::types::InlineKeyboardMarkup>,
) -> Result<(), RequestError> {
    let mut attempts = 0;
    loop {
        let mut edit = bot.edit_message_text(chat, id, text.to_string());
        if let Some(kb) = keyboard {
            edit = edit.reply_markup(kb.clone());
        }
        match edit.await {
            Err(RequestError::RetryAfter(wait)) if attempts < 3 => {
                attempts += 1;
                if let Some(limiter) = limiter {
                    limiter.hold(chat.0, wait.duration());
                }
                tokio::time::sleep(wait.duration()).await;
            }
            other => return other.map(|_| ()),
        }
    }
}

/// The message to edit into `reply`, if any: the screen, when the press came from it, it
/// is navigation (never a message the person keeps) and the reply is navigation too and
/// fits one message.
fn edit_target(
    screen: Option<Screen>,
    pressed: Option<MessageId>,
    keep: bool,
    text: &str,
) -> Option<MessageId> {
    let screen = screen?;
    let pressed = pressed?;
    (pressed.0 == screen.message && !screen.kept && !keep && split_text(text, MAX_TEXT).len() == 1)
        .then_some(pressed)
}

/// Whether a screen the conversation left goes away, rather than only losing its buttons:
/// a navigation screen, left by a button press (a question the person has answered, with
/// nothing of theirs below it). A kept message stays; so does a question that typed text
/// answered, for the text to make sense.
fn deletes_when_left(old: Screen, pressed: Option<MessageId>) -> bool {
    !old.kept && pressed.is_some()
}

/// Takes the buttons off a message (best effort: a message too old or deleted stays as
/// it is, and its buttons get the calm "earlier message" answer).
pub(super) async fn strip<B: TgBot>(bot: &B, chat: ChatId, screen: Screen) {
    if let Err(e) = bot
        .edit_message_reply_markup(chat, MessageId(screen.message))
        .await
    {
        tracing::debug!(error = %e, "could not take the buttons off an earlier message");
    }
}

/// Sends the appointment as a calendar file (`mitid.ics`, the web chat's file), with a
/// caption saying what it is. Best effort: the reminders do not depend on it.
pub(super) async fn send_calendar<B: TgBot>(
    bot: &B,
    app: &App,
    chat: ChatId,
    lang: Lang,
    at: DateTime<Utc>,
) {
    let engine = &app.service.engine;
    let ics = crate::calendar::for_appointment(engine, lang, at, app.service.clock.now());
    let caption = engine
        .i18n
        .render(lang, &Msg::new("calendar-caption"), &engine.globals);
    let file = InputFile::memory(ics.into_bytes()).file_name("mitid.ics");
    if let Err(e) = bot.send_document(chat, file).caption(caption).await {
        tracing::warn!(error = %e, "could not send the calendar file");
    }
}

/// Sends a new message; `None` when the user blocked the bot: then everything held for
/// the chat is deleted and nothing more is sent.
pub(super) async fn send_or_forget<B: TgBot>(
    bot: &B,
    app: &App,
    priority: Priority,
    chat: ChatId,
    text: &str,
    keyboard: Option<teloxide::types::InlineKeyboardMarkup>,
) -> Result<Option<MessageId>, RequestError> {
    match send_retrying(bot, app.limiter.as_ref(), priority, chat, text, keyboard).await {
        Ok(id) => Ok(Some(id)),
        Err(RequestError::Api(ApiError::BotBlocked))
        | Err(RequestError::Api(ApiError::UserDeactivated)) => {
            if let Err(e) = app.service.forget(&Key::telegram(chat.0)).await {
                tracing::error!(error = %e, "could not forget a blocked chat");
            }
            tracing::info!("a user blocked the bot; their conversation was deleted");
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// Sends a text (split into Telegram-sized pieces, the keyboard on the last), each piece
/// within Telegram's rate limits (`limiter`, at `priority`), waiting out a 429's
/// retry-after a few times. Returns the id of the last piece.
pub(super) async fn send_retrying<B: TgBot>(
    bot: &B,
    limiter: Option<&Limiter>,
    priority: Priority,
    chat: ChatId,
    text: &str,
    keyboard: Option<teloxide::types::InlineKeyboardMarkup>,
) -> Result<MessageId, RequestError> {
    let pieces = split_text(text, MAX_TEXT);
    let last = pieces.len().saturating_sub(1);
    let mut sent = MessageId(0);
    for (i, piece) in pieces.into_iter().enumerate() {
        let mut attempts = 0;
        loop {
            if let Some(limiter) = limiter {
                limiter.wait(chat.0, priority).await;
            }
            let mut req = bot.send_message(chat, piece.clone());
            if i == last {
                if let Some(kb) = &keyboard {
                    req = req.reply_markup(kb.clone());
                }
            }
            match req.await {
                Ok(m) => {
                    sent = m.id;
                    break;
                }
                Err(RequestError::RetryAfter(wait)) if attempts < 3 => {
                    attempts += 1;
                    match limiter {
                        // The next wait of this chat's messages lasts until then.
                        Some(limiter) => limiter.hold(chat.0, wait.duration()),
                        None => tokio::time::sleep(wait.duration()).await,
                    }
                }
                Err(e) => return Err(e),
            }
        }
    }
    Ok(sent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_navigation_screen_pressed_itself_is_edited_into_navigation() {
        let nav = Some(Screen {
            message: 7,
            kept: false,
        });
        let kept = Some(Screen {
            message: 7,
            kept: true,
        });
        let from = |id| Some(MessageId(id));
        assert_eq!(edit_target(nav, from(7), false, "Q"), from(7));
        assert_eq!(
            edit_target(nav, from(6), false, "Q"),
            None,
            "an older message"
        );
        assert_eq!(edit_target(nav, None, false, "Q"), None, "typed input");
        assert_eq!(edit_target(nav, from(7), true, "Q"), None, "a kept reply");
        assert_eq!(
            edit_target(kept, from(7), false, "Q"),
            None,
            "a kept screen"
        );
        assert_eq!(
            edit_target(None, from(7), false, "Q"),
            None,
            "no screen known"
        );
        let long = "word ".repeat(1000);
        assert_eq!(edit_target(nav, from(7), false, &long), None, "two pieces");
    }

    #[test]
    fn a_left_question_goes_only_when_a_button_left_it() {
        let nav = Screen {
            message: 7,
            kept: false,
        };
        let kept = Screen {
            message: 7,
            kept: true,
        };
        assert!(deletes_when_left(nav, Some(MessageId(7))));
        assert!(!deletes_when_left(nav, None), "typed text refers to it");
        assert!(!deletes_when_left(kept, Some(MessageId(7))), "kept");
    }
}
