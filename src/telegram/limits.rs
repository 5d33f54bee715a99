//! Telegram's rate limits for sending messages, kept by the bot itself, with the person
//! talking to the bot now served before reminders.
//!
//! Telegram states them in its Bot FAQ (core.telegram.org/bots/faq, "My bot is hitting
//! limits"): in one chat, avoid more than one message a second, short bursts allowed; in a
//! group, no more than 20 messages a minute; overall, no more than about 30 messages a
//! second. Above them Telegram answers 429 with a `retry_after`, which [`Limiter::hold`]
//! honours for that chat.
//!
//! Here: a private chat has a bucket of [`Limits::chat_burst`] messages that refills at one
//! a second (an answer in three parts goes out at once; a person tapping quickly is not
//! slowed to one message every three seconds); a group at most [`Limits::group_per_minute`]
//! in any minute; all chats together at most [`Limits::overall_per_second`] in any second.
//! Messages are [`Priority::Interactive`] (a reply to someone talking to the bot now) or
//! [`Priority::Background`] (a reminder): a background message waits while an interactive
//! one waits for the overall budget, and takes at most [`Limits::background_per_second`] of
//! it, so reminders at 18:00 for a thousand people never hold up a reply.
//!
//! Edits of the screen in place, deletions and answers to button presses are not limited
//! here: they are not new messages, and a tap changes the screen at once.
//!
//! Must not: hold a lock across an await, or wait for anything but time (a message gone
//! while it waits leaves no trace but its place in the counts).

use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use tokio::time::Instant;

/// The limits; [`Limits::telegram`] is Telegram's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Limits {
    /// Messages a private chat may get at once (a short burst), refilled at
    /// `chat_per_second`.
    pub chat_burst: u32,
    pub chat_per_second: f64,
    /// Messages a group, supergroup or channel may get in any minute.
    pub group_per_minute: u32,
    /// Messages to all chats together in any second.
    pub overall_per_second: u32,
    /// Of `overall_per_second`, what background messages (reminders) may take.
    pub background_per_second: u32,
}

impl Limits {
    /// Telegram's limits as its Bot FAQ states them (see the module doc).
    pub fn telegram() -> Limits {
        Limits {
            chat_burst: 3,
            chat_per_second: 1.0,
            group_per_minute: 20,
            overall_per_second: 30,
            background_per_second: 20,
        }
    }
}

/// Whom a message is for: someone talking to the bot now, or someone reached unasked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Priority {
    /// A reply to an update: served first.
    Interactive,
    /// A reminder: only what interactive messages leave.
    Background,
}

/// Keeps [`Limits`] for every message the bot sends. Shared by all handlers and the
/// reminder delivery of one process.
pub struct Limiter {
    limits: Limits,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    /// When the messages of the last second went, oldest first.
    overall: VecDeque<Instant>,
    /// The background ones among them.
    background: VecDeque<Instant>,
    /// Private chats: tokens left and when they were counted.
    chats: HashMap<i64, (f64, Instant)>,
    /// Groups: when the messages of the last minute went.
    groups: HashMap<i64, VecDeque<Instant>>,
    /// Chats Telegram asked to wait (429), until when.
    held: HashMap<i64, Instant>,
    /// Interactive messages waiting for the overall budget: background ones wait for them.
    interactive_waiting: usize,
}

/// Why a message may not go yet, and until when.
enum Wait {
    Overall(Instant),
    Other(Instant),
}

const SECOND: Duration = Duration::from_secs(1);
const MINUTE: Duration = Duration::from_secs(60);
/// How often a background message looks again while interactive ones wait.
const YIELD: Duration = Duration::from_millis(20);

impl Limiter {
    pub fn new(limits: Limits) -> Limiter {
        Limiter {
            limits,
            state: Mutex::default(),
        }
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Waits until a message to `chat` may go, and counts it as sent. Cancel-safe: a
    /// dropped wait counts nothing.
    pub async fn wait(&self, chat: i64, priority: Priority) {
        let mut counted = Counted {
            limiter: self,
            waiting: false,
        };
        loop {
            let wait = {
                let mut st = self.lock();
                match st.take(&self.limits, chat, priority, Instant::now()) {
                    Ok(()) => {
                        counted.set(&mut st, false);
                        return;
                    }
                    Err(Wait::Overall(until)) => {
                        counted.set(&mut st, priority == Priority::Interactive);
                        until
                    }
                    Err(Wait::Other(until)) => {
                        counted.set(&mut st, false);
                        until
                    }
                }
            };
            tokio::time::sleep_until(wait).await;
        }
    }

    /// Telegram answered 429 for `chat`: nothing goes to it for `retry_after`.
    pub fn hold(&self, chat: i64, retry_after: Duration) {
        let until = Instant::now() + retry_after;
        let mut st = self.lock();
        let held = st.held.entry(chat).or_insert(until);
        *held = (*held).max(until);
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // Each change is complete before the lock is let go: a panic cannot leave it half.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Whether an interactive wait is counted in `interactive_waiting`; uncounted on drop.
struct Counted<'a> {
    limiter: &'a Limiter,
    waiting: bool,
}

impl Counted<'_> {
    fn set(&mut self, st: &mut State, waiting: bool) {
        if waiting != self.waiting {
            if waiting {
                st.interactive_waiting += 1;
            } else {
                st.interactive_waiting -= 1;
            }
            self.waiting = waiting;
        }
    }
}

impl Drop for Counted<'_> {
    fn drop(&mut self) {
        if self.waiting {
            self.limiter.lock().interactive_waiting -= 1;
        }
    }
}

/// Drops the times before `now - window` from the front.
fn expire(times: &mut VecDeque<Instant>, now: Instant, window: Duration) {
    while times
        .front()
        .is_some_and(|t| now.duration_since(*t) >= window)
    {
        times.pop_front();
    }
}

impl State {
    /// Counts a message to `chat` as sent now, or says how long it must wait.
    fn take(
        &mut self,
        limits: &Limits,
        chat: i64,
        priority: Priority,
        now: Instant,
    ) -> Result<(), Wait> {
        if let Some(until) = self.held.get(&chat).copied() {
            if until > now {
                return Err(Wait::Other(until));
            }
            self.held.remove(&chat);
        }
        expire(&mut self.overall, now, SECOND);
        expire(&mut self.background, now, SECOND);
        if self.overall.len() >= limits.overall_per_second as usize {
            let until = self.overall.front().map_or(now, |t| *t + SECOND);
            return Err(Wait::Overall(until));
        }
        if priority == Priority::Background {
            if self.interactive_waiting > 0 {
                return Err(Wait::Other(now + YIELD));
            }
            if self.background.len() >= limits.background_per_second as usize {
                let until = self.background.front().map_or(now, |t| *t + SECOND);
                return Err(Wait::Other(until));
            }
        }
        if chat < 0 {
            let sent = self.groups.entry(chat).or_default();
            expire(sent, now, MINUTE);
            if sent.len() >= limits.group_per_minute as usize {
                let until = sent.front().map_or(now, |t| *t + MINUTE);
                return Err(Wait::Other(until));
            }
            sent.push_back(now);
        } else {
            let burst = f64::from(limits.chat_burst.max(1));
            let (tokens, at) = self.chats.entry(chat).or_insert((burst, now));
            let refilled = (*tokens
                + now.duration_since(*at).as_secs_f64() * limits.chat_per_second)
                .min(burst);
            if refilled < 1.0 {
                let rate = limits.chat_per_second.max(0.001);
                return Err(Wait::Other(
                    now + Duration::from_secs_f64((1.0 - refilled) / rate),
                ));
            }
            *tokens = refilled - 1.0;
            *at = now;
        }
        self.overall.push_back(now);
        if priority == Priority::Background {
            self.background.push_back(now);
        }
        self.tidy(limits, now);
        Ok(())
    }

    /// Forgets chats whose counts no longer limit anything, once there are many.
    fn tidy(&mut self, limits: &Limits, now: Instant) {
        if self.chats.len() > 10_000 {
            let full = f64::from(limits.chat_burst.max(1));
            let rate = limits.chat_per_second;
            self.chats.retain(|_, (tokens, at)| {
                *tokens + now.duration_since(*at).as_secs_f64() * rate < full
            });
        }
        if self.groups.len() > 1_000 {
            self.groups.retain(|_, sent| {
                expire(sent, now, MINUTE);
                !sent.is_empty()
            });
        }
        if self.held.len() > 1_000 {
            self.held.retain(|_, until| *until > now);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    /// Sends `n` messages to `chat` one after another; returns when each went, counted
    /// from `t0` in milliseconds.
    async fn send(limiter: &Limiter, chat: i64, n: usize, p: Priority, t0: Instant) -> Vec<u128> {
        let mut at = Vec::new();
        for _ in 0..n {
            limiter.wait(chat, p).await;
            at.push(t0.elapsed().as_millis());
        }
        at
    }

    #[tokio::test(start_paused = true)]
    async fn a_private_chat_gets_a_burst_of_three_then_one_a_second() {
        let limiter = Limiter::new(Limits::telegram());
        let t0 = Instant::now();
        let at = send(&limiter, 7, 6, Priority::Interactive, t0).await;
        assert_eq!(at, vec![0, 0, 0, 1000, 2000, 3000]);
        // Another chat is not held up by the first.
        let other = send(&limiter, 8, 1, Priority::Interactive, t0).await;
        assert_eq!(other, vec![3000]);
    }

    #[tokio::test(start_paused = true)]
    async fn a_chat_that_paused_has_its_burst_again() {
        let limiter = Limiter::new(Limits::telegram());
        let t0 = Instant::now();
        send(&limiter, 7, 3, Priority::Interactive, t0).await;
        tokio::time::sleep(Duration::from_secs(3)).await;
        let at = send(&limiter, 7, 3, Priority::Interactive, t0).await;
        assert_eq!(at, vec![3000, 3000, 3000]);
    }

    #[tokio::test(start_paused = true)]
    async fn a_group_gets_twenty_a_minute() {
        let limiter = Limiter::new(Limits::telegram());
        let t0 = Instant::now();
        let at = send(&limiter, -100, 21, Priority::Interactive, t0).await;
        assert!(at[..20].iter().all(|t| *t == 0), "{at:?}");
        assert_eq!(at[20], 60_000);
    }

    #[tokio::test(start_paused = true)]
    async fn all_chats_together_get_thirty_a_second() {
        let limiter = Arc::new(Limiter::new(Limits::telegram()));
        let t0 = Instant::now();
        let mut tasks = Vec::new();
        for chat in 1..=75 {
            let limiter = limiter.clone();
            tasks.push(tokio::spawn(async move {
                send(&limiter, chat, 1, Priority::Interactive, t0).await[0]
            }));
        }
        let mut at = Vec::new();
        for t in tasks {
            at.push(t.await.unwrap());
        }
        at.sort();
        let in_second = |s: u128| at.iter().filter(|t| **t / 1000 == s).count();
        assert_eq!(
            (in_second(0), in_second(1), in_second(2)),
            (30, 30, 15),
            "{at:?}"
        );
    }

    #[tokio::test(start_paused = true)]
    async fn reminders_for_a_thousand_people_never_hold_up_a_reply() {
        let limiter = Arc::new(Limiter::new(Limits::telegram()));
        let t0 = Instant::now();
        // 18:00: a thousand reminders queue up at once.
        let mut reminders = Vec::new();
        for chat in 10_000..11_000 {
            let limiter = limiter.clone();
            reminders.push(tokio::spawn(async move {
                send(&limiter, chat, 1, Priority::Background, t0).await[0]
            }));
        }
        tokio::time::sleep(Duration::from_millis(2500)).await;
        // Meanwhile forty people talk to the bot, each getting a reply of two messages.
        let mut replies = Vec::new();
        for chat in 1..=40 {
            let limiter = limiter.clone();
            replies.push(tokio::spawn(async move {
                send(&limiter, chat, 2, Priority::Interactive, t0).await
            }));
        }
        let mut reply_at = Vec::new();
        for r in replies {
            reply_at.extend(r.await.unwrap());
        }
        // 80 messages: the 10 the reminders leave in the current second, then 30 a second.
        assert!(
            reply_at.iter().all(|t| *t < 2500 + 3000),
            "replies waited behind reminders: {reply_at:?}"
        );
        let mut reminder_at = Vec::new();
        for r in reminders {
            reminder_at.push(r.await.unwrap());
        }
        reminder_at.sort();
        // Reminders take at most 20 a second, and every one goes out.
        assert_eq!(reminder_at.len(), 1000);
        let first_second = reminder_at.iter().filter(|t| **t < 1000).count();
        assert_eq!(first_second, 20);
        assert!(
            *reminder_at.last().unwrap() < 60_000,
            "{:?}",
            reminder_at.last()
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_chat_telegram_asked_to_wait_waits_and_the_others_do_not() {
        let limiter = Limiter::new(Limits::telegram());
        let t0 = Instant::now();
        limiter.hold(7, Duration::from_secs(5));
        assert_eq!(
            send(&limiter, 8, 1, Priority::Interactive, t0).await,
            vec![0]
        );
        assert_eq!(
            send(&limiter, 7, 1, Priority::Interactive, t0).await,
            vec![5000]
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_wait_given_up_leaves_reminders_free_to_go() {
        let limits = Limits {
            overall_per_second: 1,
            ..Limits::telegram()
        };
        let limiter = Arc::new(Limiter::new(limits));
        limiter.wait(1, Priority::Interactive).await;
        // An interactive wait for the overall budget, dropped before it got its turn.
        let _ = tokio::time::timeout(
            Duration::from_millis(100),
            limiter.wait(2, Priority::Interactive),
        )
        .await;
        let t0 = Instant::now();
        let at = send(&limiter, 3, 1, Priority::Background, t0).await;
        assert!(at[0] <= 1000, "{at:?}");
    }
}
