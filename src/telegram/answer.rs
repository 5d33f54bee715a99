//! Every button press answered the moment its update arrives: before the update waits for
//! its chat's turn, the store or the send queue. Telegram shows a spinner on a pressed
//! button until the bot answers the callback query, and gives up after about 15 seconds
//! ("query is too old"); an answer that waited behind the throttle of an earlier reply
//! came too late.
//!
//! [`AnswerFirst`] wraps the update listener (polling or webhook): it sees each update as
//! it leaves the listener, answers a callback query on a task of its own, and lets the
//! update go on. The handler later waits for that answer ([`Answers::answered`]) before it
//! sends the reply, so the reply never overtakes the answer.
//!
//! Must not: wait for the answer in the stream (one slow answer would hold every update),
//! or answer with a text (what the press did is the reply's business).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::stream::{BoxStream, StreamExt};
use teloxide::requests::Request;
use teloxide::stop::StopToken;
use teloxide::types::{AllowedUpdate, Update, UpdateKind};
use teloxide::update_listeners::{AsUpdateStream, UpdateListener};

use super::TgBot;

/// How long a reply waits for the answer to its press before it goes out anyway.
const WAIT_FOR_ANSWER: Duration = Duration::from_secs(1);

/// Answers on their way, by callback query id, until the handler of their update asks.
#[derive(Default)]
pub struct Answers {
    pending: Mutex<HashMap<String, tokio::task::JoinHandle<()>>>,
}

impl Answers {
    /// Answers the callback query `id` on a task of its own.
    fn answer<B: TgBot>(&self, bot: &B, id: teloxide::types::CallbackQueryId) {
        let request = bot.answer_callback_query(id.clone());
        let task = tokio::spawn(async move {
            if let Err(e) = request.send().await {
                // Rare (a query older than Telegram keeps): the reply still comes.
                tracing::debug!(error = %e, "could not answer a button press");
            }
        });
        let mut pending = self.lock();
        if pending.len() >= 10_000 {
            // Presses whose update never reached a handler (a shutdown): forget the done.
            pending.retain(|_, t| !t.is_finished());
        }
        pending.insert(id.0, task);
    }

    /// Waits until the answer to `id` has gone out (at most a second), so that the reply
    /// to the press comes after it.
    pub async fn answered(&self, id: &str) {
        let task = self.lock().remove(id);
        if let Some(task) = task {
            let _ = tokio::time::timeout(WAIT_FOR_ANSWER, task).await;
        }
    }

    /// Forgets `id` without waiting (its update will not be replied to).
    pub fn forget(&self, id: &str) {
        self.lock().remove(id);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, tokio::task::JoinHandle<()>>> {
        // A panic elsewhere cannot leave the map half-changed: one call at a time.
        self.pending.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// An update listener that answers every callback query as it passes.
pub struct AnswerFirst<L, B> {
    pub inner: L,
    pub bot: B,
    pub answers: Arc<Answers>,
}

impl<L, B> UpdateListener for AnswerFirst<L, B>
where
    L: UpdateListener,
    L::Err: 'static,
    B: TgBot,
{
    type Err = L::Err;

    fn stop_token(&mut self) -> StopToken {
        self.inner.stop_token()
    }

    fn hint_allowed_updates(&mut self, hint: &mut dyn Iterator<Item = AllowedUpdate>) {
        self.inner.hint_allowed_updates(hint)
    }
}

impl<'a, L, B> AsUpdateStream<'a> for AnswerFirst<L, B>
where
    L: AsUpdateStream<'a>,
    L::StreamErr: 'a,
    B: TgBot,
{
    type StreamErr = L::StreamErr;
    type Stream = BoxStream<'a, Result<Update, L::StreamErr>>;

    fn as_stream(&'a mut self) -> Self::Stream {
        let bot = self.bot.clone();
        let answers = self.answers.clone();
        self.inner
            .as_stream()
            .map(move |update| {
                if let Ok(Update {
                    kind: UpdateKind::CallbackQuery(q),
                    ..
                }) = &update
                {
                    answers.answer(&bot, q.id.clone());
                }
                update
            })
            .boxed()
    }
}
