//! Telegram learns that an update is done only once it is: its step and replies saved by
//! the conversation service. With long polling, Telegram forgets an update only when the
//! bot asks `getUpdates` with an offset above it, and [`ConfirmedPolling`] asks so only
//! once every update up to it has been handled; with a webhook, Telegram redelivers an
//! update until the bot answers its POST, and [`after_handling`] holds that answer until
//! the update is done. A bot killed at any moment gets again, at its next start, every update it had
//! fetched and not finished; the redelivery guard (`Record::seen`) drops those it had
//! finished after all, so each is stepped once.
//!
//! teloxide's `Polling` confirms a batch with its next `getUpdates`, while the batch is
//! still being handled: an update fetched just before a crash was gone.
//!
//! The [`Ledger`] is shared with the handlers: the listener [`Ledger::fetched`] each new
//! update, the handler holds a [`Handling`] for it and [`Ledger::done`] runs when that is
//! dropped (also on a panic). The offset asked for is the oldest update still open, so a
//! `getUpdates` returns the open ones again: they are skipped, not handled twice.
//!
//! Must not: confirm an update before it is done, or hand an update to the dispatcher
//! twice in one process.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use futures_util::stream::{self, BoxStream, StreamExt};
use teloxide::payloads::GetUpdatesSetters;
use teloxide::requests::Request;
use teloxide::stop::{mk_stop_token, StopFlag, StopToken};
use teloxide::types::{AllowedUpdate, Update};
use teloxide::update_listeners::{AsUpdateStream, UpdateListener};
use teloxide::RequestError;
use tokio::sync::Notify;

use super::TgBot;

/// How long to wait, when every update Telegram returned is still being handled, before
/// asking again (unless one is done sooner).
const WAIT_FOR_PROGRESS: Duration = Duration::from_millis(200);

/// Which fetched updates are done, and so which offset may be confirmed.
#[derive(Default)]
pub struct Ledger {
    state: Mutex<LedgerState>,
    /// Woken when an update is done.
    progress: Notify,
}

#[derive(Default)]
struct LedgerState {
    /// Fetched in this process and not yet done.
    open: BTreeSet<i32>,
    /// Fetched in this process at or above the offset last confirmed: Telegram may
    /// return them again until it is confirmed past them.
    known: BTreeSet<i32>,
    /// The highest update id fetched.
    highest: Option<i32>,
    /// Webhook answers waiting for their update to be done.
    waiting: std::collections::HashMap<i32, tokio::sync::oneshot::Sender<()>>,
}

impl Ledger {
    fn lock(&self) -> MutexGuard<'_, LedgerState> {
        // One insert or remove at a time: whole after any panic.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The offset to confirm: every update below it is done.
    pub fn offset(&self) -> i32 {
        let mut st = self.lock();
        let offset = match (st.open.first(), st.highest) {
            (Some(&oldest), _) => oldest,
            (None, Some(h)) => h.saturating_add(1),
            (None, None) => 0,
        };
        // Telegram returns nothing below the offset any more.
        st.known = st.known.split_off(&offset);
        offset
    }

    /// Takes a fetched update: true if it is new to this process (hand it on), false if
    /// it was fetched before and is being or was handled (skip it).
    fn fetched(&self, id: i32) -> bool {
        let mut st = self.lock();
        if !st.known.insert(id) {
            return false;
        }
        st.open.insert(id);
        st.highest = Some(st.highest.map_or(id, |h| h.max(id)));
        true
    }

    /// The update `id` is handled: its step and replies are saved.
    pub fn done(&self, id: i32) {
        let waiter = {
            let mut st = self.lock();
            st.open.remove(&id);
            st.waiting.remove(&id)
        };
        if let Some(w) = waiter {
            let _ = w.send(());
        }
        self.progress.notify_waiters();
    }

    /// A receiver that fires when `id` is done (the webhook's answer waits for it).
    fn wait_for(&self, id: i32) -> tokio::sync::oneshot::Receiver<()> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        self.lock().waiting.insert(id, tx);
        rx
    }

    /// Marks `id` done when dropped.
    pub fn handling(self: &Arc<Self>, id: i32) -> Handling {
        Handling {
            ledger: self.clone(),
            id,
        }
    }
}

/// An update being handled; done when this is dropped (also when the handler panics, so
/// one broken update cannot hold every later one back).
pub struct Handling {
    ledger: Arc<Ledger>,
    id: i32,
}

impl Drop for Handling {
    fn drop(&mut self) {
        self.ledger.done(self.id);
    }
}

/// The update listener: `getUpdates` with the [`Ledger`]'s offset.
pub struct ConfirmedPolling<B> {
    bot: B,
    ledger: Arc<Ledger>,
    /// Long-poll timeout, seconds.
    timeout: u32,
    allowed: Option<Vec<AllowedUpdate>>,
    token: StopToken,
    flag: StopFlag,
}

impl<B: TgBot> ConfirmedPolling<B> {
    pub fn new(bot: B, ledger: Arc<Ledger>, timeout: Duration) -> ConfirmedPolling<B> {
        let (token, flag) = mk_stop_token();
        ConfirmedPolling {
            bot,
            ledger,
            timeout: u32::try_from(timeout.as_secs()).unwrap_or(u32::MAX),
            allowed: None,
            token,
            flag,
        }
    }
}

/// Tells Telegram that every update below the ledger's offset is done (on the way out,
/// after the dispatcher finished the updates in flight). Best effort: what is not
/// confirmed comes again and is dropped by the redelivery guard.
pub async fn confirm<B: TgBot>(bot: &B, ledger: &Ledger) {
    let offset = ledger.offset();
    if offset == 0 {
        return;
    }
    let request = bot.get_updates().offset(offset).limit(1).timeout(0);
    if let Err(e) = request.send().await {
        tracing::debug!(error = %e, "could not confirm the last updates");
    }
}

impl<B: TgBot> UpdateListener for ConfirmedPolling<B> {
    type Err = RequestError;

    fn stop_token(&mut self) -> StopToken {
        self.token.clone()
    }

    fn hint_allowed_updates(&mut self, hint: &mut dyn Iterator<Item = AllowedUpdate>) {
        self.allowed = Some(hint.collect());
    }
}

struct Polling<B> {
    bot: B,
    ledger: Arc<Ledger>,
    timeout: u32,
    allowed: Option<Vec<AllowedUpdate>>,
    flag: StopFlag,
    buffer: std::vec::IntoIter<Update>,
    failures: u32,
}

impl<'a, B: TgBot> AsUpdateStream<'a> for ConfirmedPolling<B> {
    type StreamErr = RequestError;
    type Stream = BoxStream<'a, Result<Update, RequestError>>;

    fn as_stream(&'a mut self) -> Self::Stream {
        let start = Polling {
            bot: self.bot.clone(),
            ledger: self.ledger.clone(),
            timeout: self.timeout,
            allowed: self.allowed.clone(),
            flag: self.flag.clone(),
            buffer: Vec::new().into_iter(),
            failures: 0,
        };
        stream::unfold(start, |mut p| async move {
            loop {
                if let Some(update) = p.buffer.next() {
                    return Some((Ok(update), p));
                }
                if p.flag.is_stopped() {
                    return None;
                }
                let mut request = p
                    .bot
                    .get_updates()
                    .offset(p.ledger.offset())
                    .timeout(p.timeout);
                if let Some(allowed) = p.allowed.clone() {
                    request = request.allowed_updates(allowed);
                }
                let result = tokio::select! {
                    r = request.send() => r,
                    _ = p.flag.clone() => return None,
                };
                match result {
                    Ok(updates) => {
                        p.failures = 0;
                        let returned = updates.len();
                        let new: Vec<Update> = updates
                            .into_iter()
                            .filter(|u| p.ledger.fetched(u.id.0 as i32))
                            .collect();
                        if new.is_empty() && returned > 0 {
                            // Only updates still being handled: wait until one is done.
                            let progress = p.ledger.progress.notified();
                            tokio::select! {
                                _ = progress => {}
                                _ = tokio::time::sleep(WAIT_FOR_PROGRESS) => {}
                                _ = p.flag.clone() => return None,
                            }
                        }
                        p.buffer = new.into_iter();
                    }
                    Err(e) => {
                        let wait = match &e {
                            RequestError::RetryAfter(after) => after.duration(),
                            _ => Duration::from_secs(1 << p.failures.min(5)),
                        };
                        p.failures = p.failures.saturating_add(1);
                        tracing::warn!(
                            error = %e,
                            retry_in_s = wait.as_secs(),
                            "getUpdates failed"
                        );
                        tokio::select! {
                            _ = tokio::time::sleep(wait) => {}
                            _ = p.flag.clone() => return None,
                        }
                    }
                }
            }
        })
        .boxed()
    }
}

/// How long a webhook answer waits for its update; then Telegram gets its answer anyway
/// (the update is still being handled, and a redelivery would only be dropped).
const WEBHOOK_WAIT: Duration = Duration::from_secs(30);

/// Middleware on teloxide's webhook route: the POST of an update is answered only when the
/// update is done, so Telegram delivers it again if the bot dies before (teloxide answers
/// as soon as the update is queued). Other requests, and refused ones, pass unchanged.
pub async fn after_handling(
    axum::extract::State(ledger): axum::extract::State<Arc<Ledger>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    if request.method() != axum::http::Method::POST {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    // Telegram's updates are far below this; the route's own limit is the same.
    let Ok(bytes) = axum::body::to_bytes(body, 2 * 1024 * 1024).await else {
        return axum::http::StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let id = serde_json::from_slice::<serde_json::Value>(&bytes)
        .ok()
        .and_then(|v| v.get("update_id").and_then(serde_json::Value::as_i64))
        .and_then(|id| i32::try_from(id).ok());
    let done = id.map(|id| ledger.wait_for(id));
    let request = axum::extract::Request::from_parts(parts, axum::body::Body::from(bytes));
    let response = next.run(request).await;
    if let Some(done) = done {
        if response.status().is_success() {
            if tokio::time::timeout(WEBHOOK_WAIT, done).await.is_err() {
                tracing::warn!("an update took longer than 30 s to handle");
            }
        } else if let Some(id) = id {
            ledger.lock().waiting.remove(&id);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_offset_waits_for_the_oldest_update_not_done() {
        let ledger = Arc::new(Ledger::default());
        assert_eq!(ledger.offset(), 0, "nothing fetched: confirm nothing");
        assert!(ledger.fetched(10) && ledger.fetched(11) && ledger.fetched(12));
        assert_eq!(ledger.offset(), 10);
        drop(ledger.handling(11));
        assert_eq!(ledger.offset(), 10, "10 is still being handled");
        assert!(!ledger.fetched(11), "returned again: not handled twice");
        assert!(!ledger.fetched(10));
        ledger.done(10);
        assert_eq!(ledger.offset(), 12);
        ledger.done(12);
        assert_eq!(ledger.offset(), 13);
        assert!(ledger.fetched(13));
    }
}
