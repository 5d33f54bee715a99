//! After a restart: the replies that were saved with their step but never shown (the
//! process stopped between the save and the send) go out now, in order, through the same
//! showing as any turn (`show.rs`) and Telegram's limits at interactive priority, while
//! the bot already takes new updates. A chat whose waiting replies are being sent has its
//! next update wait until they are out, so the person sees them before the answer to what
//! they did next, and nothing twice.
//!
//! Must not: read or write the store itself (the service's `waiting` and `shown` do), or
//! log which chat it sends to.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::StreamExt;
use teloxide::types::ChatId;

use super::{show_turn, App, TgBot};
use crate::conversation::Key;

/// How many conversations' waiting replies a start sends at most; any beyond go out with
/// the person's next turn (they wait in the outbox until shown).
const AT_START: usize = 10_000;

/// How many chats are sent to at once (Telegram's own limits pace them further).
const AT_ONCE: usize = 8;

/// The chats whose waiting replies are being sent since the start.
#[derive(Default)]
pub struct Resending {
    chats: Mutex<HashMap<i64, Arc<tokio::sync::Mutex<()>>>>,
}

impl Resending {
    /// Returns once `chat` has nothing being resent (at once for almost every chat).
    pub(super) async fn settled(&self, chat: i64) {
        let lock = self
            .chats
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&chat)
            .cloned();
        if let Some(lock) = lock {
            let _sent = lock.lock().await;
        }
    }
}

/// Finds the conversations with replies waiting, marks each as being resent (before any
/// update is handled), and sends them in the background. The task ends when all are sent
/// or have failed (those wait for the person's next turn, or the next start).
pub(super) async fn resend<B: TgBot>(bot: B, app: Arc<App>) -> tokio::task::JoinHandle<()> {
    let keys = app.service.pending_outbox(AT_START).await;
    let mut held = Vec::new();
    {
        let mut chats = app
            .resending
            .chats
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        for key in keys {
            let Some(chat) = key.telegram_chat() else {
                continue; // not this channel's
            };
            let lock = Arc::new(tokio::sync::Mutex::new(()));
            if let Ok(guard) = lock.clone().try_lock_owned() {
                chats.insert(chat, lock);
                held.push((key, chat, guard));
            }
        }
    }
    tokio::spawn(async move {
        let count = held.len();
        if count == 0 {
            return;
        }
        tracing::info!(
            chats = count,
            "sending replies that were saved but not sent before the restart"
        );
        futures_util::stream::iter(held)
            .for_each_concurrent(AT_ONCE, |(key, chat, guard)| {
                let bot = bot.clone();
                let app = app.clone();
                async move {
                    send_waiting(&bot, &app, &key, chat).await;
                    drop(guard);
                }
            })
            .await;
        tracing::info!(chats = count, "replies waiting since the restart are out");
    })
}

/// Sends what waits in one conversation's outbox and clears it.
async fn send_waiting<B: TgBot>(bot: &B, app: &App, key: &Key, chat: i64) {
    let Some(turn) = app.service.waiting(key).await else {
        return; // cleared meanwhile, or forgotten
    };
    if let Err(e) = show_turn(bot, app, ChatId(chat), key, turn, None).await {
        tracing::warn!(
            error = %e,
            "could not send replies that waited since the restart; they wait for the next turn"
        );
    }
}

/// Waits for the resending task up to `limit` (a stop should not hang on Telegram), then
/// abandons it: what was not sent waits in the outbox for the next start.
pub(super) async fn finish(task: tokio::task::JoinHandle<()>, limit: Duration) {
    let abort = task.abort_handle();
    if tokio::time::timeout(limit, task).await.is_err() {
        abort.abort();
    }
}
